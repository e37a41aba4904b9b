"""The preview's watcher (site/watch.py): folders of real files are reported by the system,
single files and folders of links are polled as MkDocs does, and only changes rebuild."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from opskb.site import watch
from opskb.site.watch import PromptServer, notifiable, prompt_server


def _paths(observer) -> set[str]:
    return {Path(e.watch.raw_path).name for e in observer.emitters}


def _project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("社群运营是……", encoding="utf-8")
    (tmp_path / "seeds" / "c.txt").write_text("用户运营是……", encoding="utf-8")  # (no link to it: watched once)
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "b.txt").symlink_to(tmp_path / "seeds" / "a.txt")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


def _mkdocs_server(root: Path, builds: list) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: builds.append(time.monotonic()), host="127.0.0.1", port=0,
                              root=str(root / "site"))
    for name in ("docs", "mkdocs.yml", "seeds", "linked"):  # as mkdocs serve and our on_serve do
        server.watch(str(root / name))
    return server


def test_folders_of_files_go_to_the_system_the_rest_is_polled(tmp_path: Path):
    root = _project(tmp_path)
    assert notifiable(root / "docs") and notifiable(root / "seeds")
    assert not notifiable(root / "linked") and not notifiable(root / "mkdocs.yml")
    builds: list = []
    server = prompt_server(_mkdocs_server(root, builds), lambda: builds.append(0))
    try:
        assert isinstance(server, PromptServer)
        assert _paths(server.notifier) == {"docs", "seeds"}
        assert _paths(server.observer) == {"mkdocs.yml", "linked"}
        server.unwatch(str(root / "seeds"))
        server.unwatch(str(root / "linked"))
        assert _paths(server.notifier) == {"docs"} and _paths(server.observer) == {"mkdocs.yml"}
        server.watch(str(root / "seeds"))
        assert _paths(server.notifier) == {"docs", "seeds"}
    finally:
        server.server_close()


def test_without_the_system_notices_everything_is_polled(tmp_path: Path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.setattr(watch, "_notifier", lambda: None)
    server = prompt_server(_mkdocs_server(root, []), lambda: None)
    try:
        assert _paths(server.observer) == {"docs", "mkdocs.yml", "seeds", "linked"}
    finally:
        server.server_close()


def _wait_for(predicate, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_an_edit_rebuilds_once_and_reading_does_not(tmp_path: Path):
    """The server's own loop: a seed edited rebuilds, well within MkDocs' polling interval
    of the folder; reading the files (as every build does) and writing beside the watched
    folders do not (a rebuild that triggers itself would never stop)."""
    root = _project(tmp_path)
    builds: list = []
    server = prompt_server(_mkdocs_server(root, builds), lambda: builds.append(time.monotonic()))
    loop = threading.Thread(target=server.serve, daemon=True)
    loop.start()
    try:
        time.sleep(0.5)  # serving, observers running
        # (a seed no linked folder reaches: a.txt is also polled through linked/, whose next look may come after
        # the notified rebuild began and rebuild once more)
        (root / "seeds" / "c.txt").write_text("用户运营是一种运营方式。", encoding="utf-8")
        assert _wait_for(lambda: len(builds) == 1)
        time.sleep(1.0)
        assert len(builds) == 1  # one edit, one build
        for path in (root / "seeds" / "c.txt", root / "seeds" / "a.txt", root / "docs" / "index.md"):
            path.read_bytes()
        (root / "beside.log").write_text("不在监视范围内", encoding="utf-8")
        time.sleep(1.5)
        assert len(builds) == 1
        (root / "docs" / "new.md").write_text("# 新页面\n", encoding="utf-8")
        assert _wait_for(lambda: len(builds) == 2)
        (root / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")  # polled, found too
        assert _wait_for(lambda: len(builds) == 3)
    finally:
        server.shutdown(wait=True)
        loop.join(timeout=10)
    assert not loop.is_alive()
