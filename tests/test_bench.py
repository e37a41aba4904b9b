"""The benchmark's corpus: deterministic, in the seeds' mix, and its planted duplicates are found."""

import re
from pathlib import Path

from opskb.bench import _duplicates, make_corpus
from opskb.ingest.read import decode
from opskb.pipeline import ingest


def test_corpus_is_deterministic_and_mixed(tmp_path: Path):
    a = make_corpus(tmp_path / "a", 40)
    b = make_corpus(tmp_path / "b", 40)
    assert a == b
    files = sorted((tmp_path / "a").iterdir())
    assert [p.read_bytes() for p in files] == [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]
    encodings = {decode(p.read_bytes())[1] for p in files}
    assert {"utf-8", "utf-8-sig", "gb18030", "big5"} <= encodings
    assert any(p.suffix == ".html" for p in files) and any(p.suffix == ".txt" for p in files)
    assert len(a["planted"]) == 2


def test_planted_duplicates_are_found_and_nothing_else_is_merged(tmp_path: Path):
    made = make_corpus(tmp_path / "corpus", 60)
    report = tmp_path / "report.json"
    ingest(tmp_path / "corpus", tmp_path / "docs", report)
    import json

    found, false = _duplicates(json.loads(report.read_text(encoding="utf-8")), made["planted"])
    assert (found, false) == (len(made["planted"]), 0)


def test_collection_bench_on_a_few_seeds(tmp_path: Path):
    """The real-collection bench, end to end on the seeds: every phase timed, the floor built
    from the same pages without our hook, one article edited under a real `mkdocs serve`,
    and the collection itself left untouched."""
    import hashlib

    from conftest import SEEDS
    from opskb.benchcollection import EDIT, bench_collection, table

    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.iterdir()}
    results = bench_collection([SEEDS], tmp_path / "collection.json", workdir=tmp_path)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.iterdir()} == before

    assert results["files"] == len(before) and results["articles"] >= 3
    for key in ("ingest_seconds", "build_seconds", "floor_seconds", "serve_startup_seconds", "edit_seconds", "undo_seconds"):
        assert results[key] > 0, key
    r = results["ratios"]
    assert r["build_over_floor"] == round((results["ingest_seconds"] + results["build_seconds"]) / results["floor_seconds"], 2)
    assert r["edit_over_floor"] == round(max(results["edit_seconds"], results["undo_seconds"]) / results["floor_seconds"], 2)
    assert r["peak_memory_mb"] >= results["serve_peak_memory_mb"] > 50

    work = tmp_path / "collection-site"
    # the bench's seeds are copies (a maintainer's files, not links), the edited one edited back
    edited = work / "seeds" / results["edited"]
    assert EDIT.encode() not in edited.read_bytes()
    assert all(not (work / "seeds" / n).is_symlink() and
               hashlib.sha256((work / "seeds" / n).read_bytes()).hexdigest() == h for n, h in before.items())
    # the floor: the same generated pages, built without the hook (so without a search index)
    hooked = {p.relative_to(work / "site").as_posix() for p in (work / "site").rglob("*.html")}
    floor = {p.relative_to(work / "site-floor").as_posix() for p in (work / "site-floor").rglob("*.html")}
    assert hooked == floor and results["edited_page"] in floor
    assert (work / "site" / "search" / "docs.json").exists() and not (work / "site-floor" / "search").exists()
    # the edit and its undo were rebuilt from the cache: fewer pages converted than the site has
    assert len(results["rebuilds"]) == 2
    for line in results["rebuilds"]:
        converted = int(re.search(r"Markdown 转换 (\d+) 页", line).group(1))
        assert 1 <= converted < results["pages"] - 1, line
    assert "之前 3.6" in table(results)


def test_collection_files_of_one_name_are_refused(tmp_path: Path):
    import pytest
    from opskb.benchcollection import copy_collection

    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text("社群运营", encoding="utf-8")
    with pytest.raises(FileExistsError, match="same.txt"):
        copy_collection([tmp_path / "a", tmp_path / "b"], tmp_path / "seeds")
