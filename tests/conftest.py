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


def project_copy(seeds: Path, work: Path) -> Path:
    """A copy of the project's site sources (mkdocs.yml, hook, overrides, the tracked
    files of docs/) in ``work``, with ``seeds`` as its seeds folder."""
    import subprocess

    work.mkdir(parents=True, exist_ok=True)
    tracked = subprocess.run(["git", "ls-files", "mkdocs.yml", "overrides", "docs", "scripts/opskb/hook.py"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for rel in tracked:
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, work / rel)
    if (work / "seeds").exists():
        shutil.rmtree(work / "seeds")
    shutil.copytree(seeds, work / "seeds")
    return work


def mkdocs(work: Path, *args: str, strict: bool = True):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "mkdocs", *args] + (["--strict"] if strict else [])
    return subprocess.run(cmd, cwd=work, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def build_site(seeds: Path, work: Path, strict: bool = True) -> tuple[Path, Path]:
    """Build the site from ``seeds`` the way `mkdocs build` does on a fresh clone: the hook ingests."""
    project_copy(seeds, work)
    docs, site = work / "docs", work / "site"
    proc = mkdocs(work, "build", "--quiet", "--site-dir", str(site), strict=strict)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-3000:]
    return docs, site


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> tuple[Path, Path]:
    """The real seeds built into a site once per test session."""
    return build_site(SEEDS, tmp_path_factory.mktemp("seed-site"))
