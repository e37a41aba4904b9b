from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest
from opskb.bench import project_copy  # noqa: F401  (used by the tests)
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


@contextlib.contextmanager
def serve_dir(site: Path):
    """``site`` served over HTTP on 127.0.0.1 for the duration; yields the base URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


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
