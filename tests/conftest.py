from __future__ import annotations

import os
import re
import shutil
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


def build_site(seeds: Path, work: Path, strict: bool = True) -> tuple[Path, Path]:
    """Ingest ``seeds`` and build the site in ``work`` with the project's own mkdocs.yml."""
    import subprocess
    import sys

    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    if (work / "overrides").exists():
        shutil.rmtree(work / "overrides")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    docs, site = work / "docs", work / "site"
    ingest(seeds, docs)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)] + (["--strict"] if strict else [])
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-3000:]
    return docs, site


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> tuple[Path, Path]:
    """The real seeds built into a site once per test session."""
    return build_site(SEEDS, tmp_path_factory.mktemp("seed-site"))
