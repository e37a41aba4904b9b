"""site/split.py: a `mkdocs build` whose second half of pages a forked copy converts and
renders meanwhile. The thresholds are made small (OPSKB_PARALLEL_PAGES) so the seeds and a
dozen pages split."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, project_copy

SPLIT = re.compile(r"Markdown 转换 本进程 (\d+) 页、另一进程 (\d+) 页（取用 (\d+) 页），模板渲染 本进程 (\d+) 页、另一进程 (\d+) 页（取用 (\d+) 页）")


def _mkdocs(work: Path, site: Path, pages: int, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OPSKB_PARALLEL_PAGES": str(pages)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *extra],
                          cwd=work, capture_output=True, text=True, env=env)


def _files(site: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            out[p.relative_to(site).as_posix()] = gzip.decompress(data) if p.suffix == ".gz" else data  # (its header holds the time)
    return out


def _split_counts(log: str) -> tuple[int, ...]:
    found = SPLIT.findall(log)
    assert len(found) == 1, log[-3000:]
    return tuple(map(int, found[0]))


def test_the_seeds_built_on_two_processes_equal_the_seeds_built_on_one(tmp_path: Path):
    work = project_copy(SEEDS, tmp_path / "work")
    one = _mkdocs(work, tmp_path / "one", 100_000, "--strict")
    assert one.returncode == 0 and not SPLIT.search(one.stderr), one.stderr[-3000:]
    two = _mkdocs(work, tmp_path / "two", 1, "--strict")
    assert two.returncode == 0, two.stderr[-3000:]
    mine, theirs, taken, mine_t, theirs_t, taken_t = _split_counts(two.stderr)
    # the copy did its half and the build took every page of it from the copy
    pages = sum(1 for k in _files(tmp_path / "one") if k.endswith(".html") and k not in ("404.html",))
    assert theirs >= 5 and mine >= 5 and taken == theirs and mine + theirs == pages
    assert theirs_t >= 5 and mine_t >= 5 and taken_t == theirs_t and mine_t + theirs_t == pages
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


HOOK = """
from opskb.site.split import Split

_S = []


def on_nav(nav, config, files):
    _S[:] = [Split()]
    _S[0].convert(config, files, nav, {})
    return nav


def on_pre_page(page, config, files):
    _S[0].before_page(page)
    return page


def on_env(env, config, files):
    _S[0].render(env, config, files)
    return env


def on_page_context(context, page, config, nav):
    _S[0].before_template(page)
    return context


def on_post_build(config):
    print(_S[0].finish())
"""


def _project(root: Path, broken: bool, hooked: bool = True) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    for i in range(12):
        link = "另见[尚未写好的一页](missing.md)。" if broken and i == 11 else "另见[第一页](p00.md#di-yi-jie)。"
        (docs / f"p{i:02d}.md").write_text(
            f"# 第 {i} 页\n\n## 第一节 {{#di-yi-jie}}\n\n社群运营与用户运营的第 {i} 段说明。{link}\n\n"
            + "\n\n".join(f"- 要点 {k}：用户分层与留存" for k in range(3 + i)) + "\n", encoding="utf-8")
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: 分担构建\nuse_directory_urls: false\nmarkdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
        + ("hooks:\n  - hook.py\n" if hooked else ""), encoding="utf-8")
    return root


def test_a_warning_from_the_copys_half_still_stops_a_strict_build(tmp_path: Path):
    project = _project(tmp_path / "broken", broken=True)
    run = _mkdocs(project, tmp_path / "site", 1, "--strict")
    assert run.returncode != 0
    assert "p11.md' contains a link 'missing.md'" in run.stderr, run.stderr[-3000:]
    assert re.search(r"另一进程 ([1-9]\d*) 页", run.stdout), run.stdout  # p11 was the copy's


def test_pages_the_copy_built_equal_mkdocs_own(tmp_path: Path):
    hooked = _mkdocs(_project(tmp_path / "a", broken=False), tmp_path / "split", 1, "--strict")
    plain = _mkdocs(_project(tmp_path / "b", broken=False, hooked=False), tmp_path / "plain", 1, "--strict")
    assert hooked.returncode == 0 and plain.returncode == 0, hooked.stderr[-2000:] + plain.stderr[-2000:]
    assert re.search(r"另一进程 ([1-9]\d*) 页（取用 \1 页），模板渲染 本进程 \d+ 页、另一进程 ([1-9]\d*) 页（取用 \2 页）", hooked.stdout), hooked.stdout
    a, b = _files(tmp_path / "split"), _files(tmp_path / "plain")
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []
