"""The benchmark's corpus: deterministic, in the seeds' mix, and its planted duplicates are found."""

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
