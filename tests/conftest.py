from __future__ import annotations

import re
from pathlib import Path

import pytest

from opskb.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "tests" / "output"

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_ARTIFACT = re.compile(rf"[(（][a-zü]*[{TONED}][a-zü]*[)）]")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real seeds ingested once into a scratch docs folder."""
    out = tmp_path_factory.mktemp("docs")
    report = out.parent / "report.json"
    result = ingest(SEEDS, out, report)
    return result, out, report
