"""The MkDocs hook: ingest inside `mkdocs build` and `mkdocs serve`, seeds/ watched."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import SEEDS, project_copy


def test_fresh_build_ingests_and_lists_generated_pages_in_the_nav(seed_site):
    docs, site = seed_site
    assert (docs / ".opskb-manifest.json").exists()  # build mode writes docs/ like `opskb ingest`
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "concepts/shequn-yunying.html" in home  # concept pages are in the navigation
    assert (site / "assets" / "javascripts" / "t2s-table.js").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    """The page, or "" while the server is (re)building."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def _wait(predicate, timeout: float) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_once_when_a_seed_changes(tmp_path: Path):
    work = project_copy(SEEDS, tmp_path / "work")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=work, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        url = f"http://127.0.0.1:{port}/sources/shequn-yunying.html"

        assert _wait(lambda: "社群运营" in _get(url), 60), log.read_text()
        # nothing was written to docs/ for the pages: they are served from memory
        assert not (work / "docs" / "sources").exists()
        builds_before = log.read_text().count("Building documentation")
        seed = work / "seeds" / "004_864e0776ea23685c.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            "社群运营的核心要素", "社群运营的核心要素\n这是刚刚加进种子文件的一段新内容，用来检查站点会不会更新。", 1), encoding="utf-8")
        assert _wait(lambda: "刚刚加进种子文件" in _get(url), 60), log.read_text()
        time.sleep(4)  # long enough for a rebuild loop to show itself
        assert log.read_text().count("Building documentation") - builds_before == 1, log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_applies_an_edited_curation_file(tmp_path: Path):
    import re

    work = project_copy(SEEDS, tmp_path / "work")
    curation = tmp_path / "curation.yaml"
    curation.write_text("hide: []\n", encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work, stdout=out,
            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "OPSKB_CURATION": str(curation)},
        )
    try:
        url = f"http://127.0.0.1:{port}/concepts/shequn-yunying.html"
        assert _wait(lambda: "社群运营是指" in _get(url), 60), log.read_text()
        # the first definition's paragraph, from its citation link
        slug, anchor = re.search(r'href="\.\./sources/([^"#/]+?)(?:\.html|/)#([\w-]+)"', _get(url).split("社群运营是指", 1)[1]).groups()
        curation.write_text(f"hide:\n  - sources/{slug}.md#{anchor}\n", encoding="utf-8")
        assert _wait(lambda: f"#{anchor}" not in _get(url).split("更多来源")[0], 60), log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
