"""Incremental ingest: a content-hash cache, and writes only where bytes change."""

from __future__ import annotations

import shutil
from pathlib import Path

import opskb.pipeline as pipeline
from conftest import SEEDS
from opskb.ingest.cache import CACHE
from opskb.pipeline import ingest


def _count_processing(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = pipeline.process

    def counting(raw):
        seen.append(raw.name)
        return real(raw)

    monkeypatch.setattr(pipeline, "process", counting)
    return seen


def test_rerun_with_nothing_changed_processes_and_writes_nothing(tmp_path: Path, monkeypatch):
    out = tmp_path / "docs"
    first = ingest(SEEDS, out)
    assert (out / CACHE).exists()
    seen = _count_processing(monkeypatch)
    again = ingest(SEEDS, out)
    assert seen == []
    assert again.write.written == [] and again.pages == first.pages
    assert [e.__dict__ for e in again.entries] == [e.__dict__ for e in first.entries]


def test_unchanged_rerun_reads_only_the_cache_head_and_loads_articles_when_asked(tmp_path: Path, monkeypatch):
    import opskb.ingest.cache as cache

    out = tmp_path / "docs"
    first = ingest(SEEDS, out)
    loads: list[Path] = []
    real_load = cache.load

    def counting(folder):
        loads.append(folder)
        return real_load(folder)

    monkeypatch.setattr(pipeline, "load_cache", counting)
    again = ingest(SEEDS, out)
    assert loads == [] and again.pages == first.pages and sorted(again.write.unchanged) == sorted(first.pages)
    # the articles come from the cache's body, only now
    assert [a.slug for a in again.articles] == [a.slug for a in first.articles] and len(loads) == 1
    assert again.articles[0].doc == first.articles[0].doc


def test_rerun_after_a_page_was_changed_or_a_run_died_goes_the_whole_way(tmp_path: Path, monkeypatch):
    from opskb.ingest.write import JOURNAL

    out = tmp_path / "docs"
    first = ingest(SEEDS, out)
    page = next(p for p in first.pages if p.startswith("sources/") and p != "sources/index.md")
    (out / page).write_text("edited by hand", encoding="utf-8")
    again = ingest(SEEDS, out)  # the generated page is ours: it is written back
    assert again.write.written == [page] and (out / page).read_text(encoding="utf-8") == first.pages[page]
    (out / page).unlink()
    assert ingest(SEEDS, out).write.written == [page]
    # a journal left by a run that died: this run recovers rather than trusting the folder
    (out / JOURNAL).write_text('{"generator": "opskb", "owned": {}, "writing": {}}\n', encoding="utf-8")
    assert ingest(SEEDS, out).write.recovered and not (out / JOURNAL).exists()


def test_changed_seed_is_the_only_one_processed_and_only_its_pages_change(tmp_path: Path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "docs"
    first = ingest(seeds, out)
    seen = _count_processing(monkeypatch)
    target = seeds / "002_aa7b81cb001d127c.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("在当今互联网快速发展的时代", "在移动互联网快速发展的今天"), encoding="utf-8")
    second = ingest(seeds, out)
    assert seen == ["002_aa7b81cb001d127c.txt"]
    page = next(e.page for e in second.entries if e.path.endswith("002_aa7b81cb001d127c.txt"))
    assert page in second.write.written
    other_sources = [p for p in first.pages if p.startswith("sources/") and p not in (page, "sources/index.md")]
    assert other_sources and not set(other_sources) & set(second.write.written)
    assert set(second.write.written) <= {page, "sources/index.md", "index.md"} | {
        p for p in second.pages if not p.startswith("sources/")
    }


def test_cache_written_by_other_code_is_ignored(tmp_path: Path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / CACHE).write_bytes(b"not a pickle")
    result = ingest(SEEDS, out)
    assert len(result.articles) == 4


def test_output_does_not_depend_on_hash_seed_or_cache(tmp_path: Path):
    """Byte-identical output across processes (as across machines): no timestamps, stable order."""
    import os
    import subprocess
    import sys

    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"docs-{seed}"
        subprocess.run([sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(SEEDS), "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != CACHE})
    assert trees[0] == trees[1]
    fresh = tmp_path / "fresh"
    ingest(SEEDS, fresh)
    assert {p.relative_to(fresh).as_posix(): p.read_bytes() for p in fresh.rglob("*") if p.is_file() and p.name != CACHE} == trees[0]


def test_the_cache_keeps_what_the_run_computed_per_article_citing_the_articles_units(tmp_path: Path):
    # the per-article knowledge figures cite paragraphs (Unit records): stored as places in
    # the articles, they come back as the articles' own units, not as copies
    from opskb.ingest.cache import load
    from opskb.records import Unit

    out = tmp_path / "docs"
    ingest(SEEDS, out)
    cache = load(out)
    articles = cache.result[1]
    figures = cache.warm["figures"]
    assert len(figures) == len(articles) and all(figures)
    assert {a.doc.meta.title for a in articles} <= set(cache.warm["slugs"])
    units = {id(u) for a in articles for u in a.units}
    found: list[Unit] = []

    def walk(value) -> None:
        if isinstance(value, Unit):
            found.append(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(figures)
    assert found and all(id(u) in units for u in found)
