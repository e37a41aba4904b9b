"""The MkDocs hook: ingest inside `mkdocs build` and `mkdocs serve`, seeds/ watched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import SEEDS, project_copy
from opskb.benchcollection import free_port, get


def test_fresh_build_ingests_and_lists_generated_pages_in_the_nav(seed_site):
    docs, site = seed_site
    assert (docs / ".opskb-manifest.json").exists()  # build mode writes docs/ like `opskb ingest`
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "concepts/shequn-yunying.html" in home  # concept pages are in the navigation
    assert (site / "assets" / "javascripts" / "t2s-table.js").exists()


def _wait(predicate, timeout: float) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_once_when_a_seed_changes(tmp_path: Path):
    # started as make serve starts it: opskb serve, whose preview site goes to the memory-backed
    # folder it finds (here the runtime folder it is given) when TMPDIR is not set
    work = project_copy(SEEDS, tmp_path / "work")
    port = free_port()
    log = tmp_path / "serve.log"
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "TMPDIR"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "opskb.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=work, stdout=out, stderr=subprocess.STDOUT,
            env={**env, "NO_MKDOCS_2_WARNING": "1", "XDG_RUNTIME_DIR": str(runtime)},
        )
    try:
        url = f"http://127.0.0.1:{port}/sources/shequn-yunying.html"

        assert _wait(lambda: "社群运营" in get(url), 60), log.read_text()
        (site,) = runtime.glob("mkdocs_*")  # the preview is built there
        assert (site / "sources" / "shequn-yunying.html").is_file()
        # nothing was written to docs/ for the pages: they are served from memory
        assert not (work / "docs" / "sources").exists()
        builds_before = log.read_text().count("Building documentation")
        seed = work / "seeds" / "004_864e0776ea23685c.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            "社群运营的核心要素", "社群运营的核心要素\n这是刚刚加进种子文件的一段新内容，用来检查站点会不会更新。", 1), encoding="utf-8")
        assert _wait(lambda: "刚刚加进种子文件" in get(url), 60), log.read_text()
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
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work, stdout=out,
            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "OPSKB_CURATION": str(curation)},
        )
    try:
        url = f"http://127.0.0.1:{port}/concepts/shequn-yunying.html"
        assert _wait(lambda: "社群运营是指" in get(url), 60), log.read_text()
        # the first definition's paragraph, from its citation link
        slug, anchor = re.search(r'href="\.\./sources/([^"#/]+?)(?:\.html|/)#([\w-]+)"', get(url).split("社群运营是指", 1)[1]).groups()
        curation.write_text(f"hide:\n  - sources/{slug}.md#{anchor}\n", encoding="utf-8")
        assert _wait(lambda: f"#{anchor}" not in get(url).split("更多来源")[0], 60), log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _serve(work: Path, log: Path, tmp: Path, port: int | None = None) -> tuple[subprocess.Popen, int]:
    """`mkdocs serve` in ``work``; its temporary site folder is made under ``tmp``."""
    tmp.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp), "SOURCE_DATE_EPOCH": "1700000000"}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=work, stdout=out, stderr=subprocess.STDOUT, env=env)
    return proc, port


def _built(log: Path) -> int:
    """Builds finished: the hook logs one line per build (MkDocs drops a "Documentation built
    in" line equal to an earlier one, so two builds of the same duration would count once)."""
    return log.read_text().count("opskb：本次重建")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _site_dir(tmp: Path) -> Path:
    (site,) = [p for p in tmp.iterdir() if p.name.startswith("mkdocs_")]
    return site


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=20)


def test_serve_after_an_edit_equals_a_clean_build_and_recomputes_only_what_changed(tmp_path: Path):
    """One seed edited under a running `mkdocs serve`: the rebuilt site is byte for byte what
    a fresh serve of the edited seeds builds (same code path, nothing cached), while the
    rebuild converted and rendered only the pages the edit reached."""
    import re

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in SEEDS.iterdir():
        (seeds / p.name).write_bytes(p.read_bytes())
    work = project_copy(seeds, tmp_path / "work", link_seeds=True)
    log = tmp_path / "serve.log"
    proc, port = _serve(work, log, tmp_path / "tmp-a")
    try:
        # the watcher starts after the first build: an edit before "Serving on" goes unseen
        assert _wait(lambda: _built(log) >= 1 and "Serving on" in log.read_text(), 120), log.read_text()
        site = _site_dir(tmp_path / "tmp-a")
        before = _files(site)
        seed = seeds / "004_864e0776ea23685c.txt"
        text = seed.read_text(encoding="utf-8")
        assert "社群运营是指通过一系列策略和方法" in text
        # a definition the concept page quotes, so a knowledge page changes with the source page
        seed.write_text(text.replace("社群运营是指通过一系列策略和方法", "社群运营是指通过一整套策略和方法", 1), encoding="utf-8")
        assert _wait(lambda: _built(log) >= 2, 120), log.read_text()
        time.sleep(1)  # the search index is written by the hook before "built in" is logged
        after = _files(site)
    finally:
        _stop(proc)

    changed = {k for k in after if before.get(k) != after[k]}
    assert any(k.startswith("sources/") and k.endswith(".html") for k in changed), sorted(changed)
    assert "concepts/shequn-yunying.html" in changed, sorted(changed)
    assert "一整套策略和方法" in after["concepts/shequn-yunying.html"].decode("utf-8")

    # what the rebuild recomputed: not every page
    stats = re.findall(r"Markdown 转换 (\d+) 页（沿用 (\d+) 页），模板渲染 (\d+) 页", log.read_text())
    assert len(stats) == 2, log.read_text()
    (cold, cold_kept, _t), (converted, kept, rendered) = [tuple(map(int, s)) for s in stats]
    assert cold_kept == 0 and cold > 10
    assert 2 <= converted < cold and kept == cold - converted and rendered < cold

    # the reference: a fresh `mkdocs serve` of the edited seeds (a clean build on the same code
    # path), at the same address: the pages name the site's address
    ref_log = tmp_path / "ref.log"
    ref, _port = _serve(work, ref_log, tmp_path / "tmp-b", port)
    try:
        assert _wait(lambda: _built(ref_log) >= 1, 120), ref_log.read_text()
        time.sleep(1)
        clean = _files(_site_dir(tmp_path / "tmp-b"))
    finally:
        _stop(ref)
    assert sorted(after) == sorted(clean)
    assert [k for k in clean if clean[k] != after[k]] == []


def test_serve_takes_in_what_ingest_computed_per_article(tmp_path: Path, monkeypatch):
    # make serve runs opskb ingest, then mkdocs serve, whose first build is answered from the
    # ingest cache: what ingest computed per article (knowledge figures, slugs, duplicate
    # checks) comes with it, so the first edit reads only the edited article
    import shutil

    from opskb.ingest import article, dedupe
    from opskb.ingest.cache import load
    from opskb.knowledge import faq, relevance
    from opskb.pipeline import generate, ingest

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    docs = tmp_path / "docs"
    ingest(seeds, docs)
    relevance.forget()  # a new process
    article._KNOWN.clear()
    dedupe._CHECKED.clear()
    cache = load(docs)
    _e, articles, _p = generate(seeds, cache=cache)  # answered from the cache
    assert all("questions" in relevance._MEMO[id(a)][1] for a in articles)
    before = {fp for _f, _d, fp in cache.files.values()}
    asked, slugified, compared = [], [], []
    real_asked, real_pinyin, real_contained = faq._asked_in, article.lazy_pinyin, dedupe._contained
    monkeypatch.setattr(faq, "_asked_in", lambda a: asked.append(a.doc.source) or real_asked(a))
    # any slug made anywhere (article titles, the knowledge pages' names, questions and terms)
    monkeypatch.setattr(article, "lazy_pinyin", lambda t, **kw: slugified.append(t) or real_pinyin(t, **kw))
    monkeypatch.setattr(dedupe, "_contained", lambda a, b: compared.append((a, b)) or real_contained(a, b))
    target = seeds / "002_aa7b81cb001d127c.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("在当今互联网快速发展的时代", "在移动互联网快速发展的今天"), encoding="utf-8")
    _e, after, _p = generate(seeds, cache=cache)
    assert asked == [target.name] and slugified == []
    assert all(a not in before or b not in before for a, b in compared)  # only pairs with the edited article
    assert [a.slug for a in after] == [a.slug for a in articles]
