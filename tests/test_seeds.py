"""The five real seeds end to end. The expectations below were written by reading the
seeds (which lines are boilerplate), not copied from the program's output."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

import opencc
import pytest
from bs4 import BeautifulSoup
from conftest import PINYIN_ARTIFACT, SEEDS
from opskb.ingest.read import read
from opskb.pipeline import ingest, process
from opskb.records import HEADING, IMAGE
from opskb.text import fold

ORIGINAL, TRADITIONAL = "000_98a7e5a7f0820dcb.txt", "001_360860344e3212ed.txt"

# Per seed: snippets that identify boilerplate lines, and where the trailing site
# furniture starts (every line from there on is boilerplate too).
BOILERPLATE = {
    ORIGINAL: (["鸟哥笔记,用户运营,苏苏", "124336984860b09890bc1b56", "-End-"], None),
    TRADITIONAL: (["不能自主發", "tougao@appcpx.com", "成為春羽作者", "-End-"], "本文為作者獨立觀點"),
    "002_aa7b81cb001d127c.txt": (["作者:快速逃离", "深度解析与应用策略 图"], "【用户内容法律责任告知】"),
    "003_0db0a1582b1b5804.txt": (["黑狐家游戏", "欧气 1 0", "(全文约1280字)", "图片来源于网络"], "标签: #"),
    "004_864e0776ea23685c.txt": ([], "#社群运营的核心定义#"),
}
# Site furniture that must not appear anywhere in a generated page (metadata names aside).
NEVER_IN_PAGES = [
    "发稿", "tougao", "春羽作者", "不代表鸟哥笔记立场", "版权及免责", "依法管网", "反对宪法所确定的基本原则", "最终解释权",
    "饭圈", "法律责任告知", "信息存储空间", "欧气", "全文约", "图片来源于网络", "评论列表", "留言评论", "上一篇", "下一篇",
    "相关推荐", "炘字含义", "本月热门", "最新答案", "华玺合信", "武汉置联", "回答于", "取消评论", "你是访客", "苏苏",
    "社群运营的核心定义#", "图1", "图 1", "图2",
]

_cc = opencc.OpenCC("t2s")
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.、)]|[-•]|\(\d{1,2}\))\s*")


def seed_lines(name: str) -> list[str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    if name == ORIGINAL:
        text = BeautifulSoup(text.split("---", 2)[2], "html.parser").get_text("\n")
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def comparable(text: str) -> str:
    """Seed text made comparable with the pages: Simplified, pinyin gone, 著/着 folded."""
    return fold(_cc.convert(_PINYIN.sub("", text))).replace("著", "着")


def article_lines(name: str) -> tuple[list[str], list[str]]:
    snippets, tail = BOILERPLATE[name]
    keep, drop = [], []
    in_tail = False
    for line in seed_lines(name):
        in_tail = in_tail or (tail is not None and line.startswith(tail))
        (drop if in_tail or any(s in line for s in snippets) else keep).append(line)
    return keep, drop


@pytest.fixture(scope="module")
def bodies(built):
    result, _out, _report = built
    text = "".join(
        a.doc.meta.title + "".join(u.text for u in a.units) + "".join(b.text for b in a.doc.blocks if b.kind == IMAGE)
        for a in result.articles
    )
    return fold(text).replace("著", "着")


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_every_article_line_survives(name, bodies):
    keep, _drop = article_lines(name)
    assert len(keep) > 5
    missing = [ln for ln in keep if comparable(_NUMBERING.sub("", ln)) not in bodies]
    assert missing == []


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_no_boilerplate_line_survives(name, bodies):
    _keep, drop = article_lines(name)
    survivors = [ln for ln in drop if len(comparable(ln)) >= 2 and comparable(ln) in bodies]
    assert survivors == []


def test_captions_repeating_the_title_are_gone(built):
    result, _out, _report = built
    for a in result.articles:
        title = re.escape(fold(a.doc.meta.title))
        assert not any(re.fullmatch(title + r"(?:配?图)?\d*", fold(u.text)) for u in a.units), a.slug


def test_no_site_furniture_in_any_page(built):
    _result, out, _report = built
    for page in out.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for snippet in NEVER_IN_PAGES:
            assert snippet not in text, f"{page.name}: {snippet}"


def test_no_traditional_character_or_pinyin_artifact_left(built):
    _result, out, _report = built
    pages = list(out.rglob("*.md"))
    assert len(pages) >= 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert _cc.convert(text) == text, page.name
        assert not PINYIN_ARTIFACT.search(text), page.name


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_traditional_copy_matches_original_character_for_character():
    """Cleaned on their own, the two copies differ only by 000's headings and one paragraph 001 lacks."""
    docs = {n: process(read(SEEDS / n)) for n in (ORIGINAL, TRADITIONAL)}
    assert docs[TRADITIONAL].script == "traditional" and docs[ORIGINAL].script == "simplified"
    assert docs[TRADITIONAL].meta.title == docs[ORIGINAL].meta.title == "社群运营和用户运营有什么区别？"
    body = {n: _norm("".join(b.plain_text() for b in d.blocks if b.kind not in (HEADING, IMAGE))) for n, d in docs.items()}
    ops = [op for op in difflib.SequenceMatcher(None, body[ORIGINAL], body[TRADITIONAL], autojunk=False).get_opcodes()
           if op[0] != "equal"]
    assert len(ops) == 1 and ops[0][0] == "delete", ops
    lacking = body[ORIGINAL][ops[0][1]:ops[0][2]]
    assert lacking.startswith("至于用户激励体系") and lacking.endswith("都属于激励机制。")


def test_duplicate_is_merged_into_the_richer_copy(built):
    result, out, report = built
    merged = [a for a in result.articles if len(a.origins) > 1]
    assert len(merged) == 1 and len(result.articles) == 4
    article = merged[0]
    assert article.doc.source == ORIGINAL
    assert [o.source for o in article.origins] == [ORIGINAL, TRADITIONAL]
    assert article.doc.meta.site == "鸟哥笔记"  # filled in from the Traditional copy's footer
    page = (out / "sources" / f"{article.slug}.md").read_text(encoding="utf-8")
    assert ORIGINAL in page and TRADITIONAL in page


def test_source_pages_show_metadata_and_anchor_every_paragraph(built):
    result, out, _report = built
    for a in result.articles:
        page = (out / "sources" / f"{a.slug}.md").read_text(encoding="utf-8")
        assert page.startswith("---\ntitle: ")
        for label, value in (("作者：", a.doc.meta.author), ("站点：", a.doc.meta.site), ("日期：", a.doc.meta.date)):
            assert (label + value in page) if value else (label not in page)  # unknown fields left out
        for label in ("原文字体：", "清理：删除"):
            assert label in page  # in the collapsed note
        assert not any(w in page for w in ("未署名", "未知", "未注明"))
        for u in a.units:
            assert f"#{u.anchor} " in page or f'id="{u.anchor}"' in page


def test_report_lists_every_file(built):
    _result, _out, report = built
    entries = {Path(e["path"]).name: e for e in json.loads(report.read_text(encoding="utf-8"))}
    assert set(entries) == set(BOILERPLATE)
    assert entries[TRADITIONAL]["merged_into"] == entries[ORIGINAL]["page"]
    assert entries[TRADITIONAL]["script"] == "traditional" and entries[TRADITIONAL]["encoding"] == "utf-8"
    assert entries["002_aa7b81cb001d127c.txt"]["author"] == "快速逃离"
    assert entries[ORIGINAL]["date"] == "2021-06-05"
    removed = entries["004_864e0776ea23685c.txt"]["removed"]
    assert any("上一篇" in r["text"] and r["reason"] for r in removed)


def test_runs_are_byte_identical_and_a_rerun_writes_nothing(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ingest(SEEDS, a)
    ingest(SEEDS, b)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    before = {p: p.stat().st_mtime_ns for p in a.rglob("*") if p.is_file()}
    third = ingest(SEEDS, a)
    assert third.write.written == [] and third.write.deleted == []
    assert before == {p: p.stat().st_mtime_ns for p in a.rglob("*") if p.is_file()}
