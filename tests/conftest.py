from __future__ import annotations

import os
import random
import re
from pathlib import Path

import opencc
import pytest
from opskb.bench import project_copy  # noqa: F401  (used by the tests)
from opskb.pipeline import ingest
from opskb.searcheval import serve_dir  # noqa: F401  (used by the tests)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "tests" / "output"

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_ARTIFACT = re.compile(rf"[(（][a-zü]*[{TONED}][a-zü]*[)）]")

ARTICLE = [
    "私域运营的第一步是把用户沉淀到企业微信，再按照消费频次做分层。",
    "社群运营需要每天维护群内氛围，并定期组织打卡、分享会等活动。",
    "用户运营更依赖数据分析，需要提前在产品中埋点来收集用户行为数据。",
    "精细化运营意味着针对不同价值的用户设计不同的运营策略和权益。",
]
_s2tw = opencc.OpenCC("s2tw")


def _encodable(ch: str) -> bool:
    try:
        ch.encode("big5"), ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return _s2tw.convert(ch) == ch  # the same in both scripts


_COMMON = [c for c in map(chr, range(0x4E00, 0x9FA6, 7)) if _encodable(c)]


def unique_text(key: str, n: int = 240) -> str:
    """Han text of its own for each test file, so deduplication keeps the files apart."""
    rng = random.Random(key)
    chars = "".join(rng.choice(_COMMON) for _ in range(n))
    return "。".join(chars[i:i + 30] for i in range(0, n, 30)) + "。"


def text_article(title: str, extra: str = "", n: int = 4) -> str:
    """A short operations article in Simplified Chinese with a paragraph of its own."""
    body = [f"{p}这是第{i}段的补充说明，用来让文章足够长。" for i, p in enumerate(ARTICLE[:n])]
    return f"{title}\n\n" + "\n\n".join(body + [unique_text(title + extra)]) + "\n\n" + extra


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
