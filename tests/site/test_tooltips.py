"""The tooltips Markdown extension (tooltips.py) on small inputs of its own."""

from __future__ import annotations

import os
import time

import markdown
from bs4 import BeautifulSoup
from opskb.site import tooltips

# a Latin line in the Han terms file is not used: Latin abbreviations come from their own file
TERMS = "*[私域流量]: 品牌可以反复免费触达的用户池\n*[私域]: 品牌自己掌握的范围\n*[精细化运营]: 按用户分层分别运营\n*[KOL]: 关键意见领袖\n"
ABBREVIATIONS = "*[DAU]: Daily Active Users，日活跃用户数\n*[KOL]: Key Opinion Leader，关键意见领袖\n*[私域]: 汉字术语不从这里来\n"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "opskb.site.tooltips"]


def converter(tmp_path, extensions=EXTENSIONS) -> markdown.Markdown:
    glossary, abbreviations = tmp_path / "han-terms.md", tmp_path / "abbreviations.md"
    if not glossary.exists():
        glossary.write_text(TERMS, encoding="utf-8")
        abbreviations.write_text(ABBREVIATIONS, encoding="utf-8")
    return markdown.Markdown(
        extensions=extensions,
        extension_configs={"opskb.site.tooltips": {"glossary": str(glossary), "abbreviations": str(abbreviations)}},
    )


def render(tmp_path, text: str, extensions=EXTENSIONS) -> BeautifulSoup:
    return BeautifulSoup(converter(tmp_path, extensions).convert(text), "html.parser")


def tips(soup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["title"]) for a in soup.find_all("abbr")]


def test_a_han_term_inside_a_chinese_sentence_gets_its_definition(tmp_path):
    soup = render(tmp_path, "企业把私域流量沉淀到企业微信，再做精细化运营。")
    assert tips(soup) == [("私域流量", "品牌可以反复免费触达的用户池"), ("精细化运营", "按用户分层分别运营")]
    assert soup.get_text() == "企业把私域流量沉淀到企业微信，再做精细化运营。"  # the text itself is unchanged


def test_longest_match_wins_and_each_term_shows_once_per_section(tmp_path):
    soup = render(tmp_path, "私域流量和私域不同，私域流量要运营。\n\n## 下一节\n\n再说私域流量。")
    assert [t for t, _ in tips(soup)] == ["私域流量", "私域", "私域流量"]
    assert soup.find("h2").find("abbr") is None


def test_never_in_headings_links_code_or_the_glossary(tmp_path):
    text = (
        "# 私域流量\n\n[私域流量](x.md) 和 `私域流量` 和 **私域流量**\n\n"
        '<div class="kb-no-tooltips" markdown>\n\n精细化运营在术语表里不提示。\n\n</div>\n'
    )
    soup = render(tmp_path, text)
    assert [(a.parent.name, a.get_text()) for a in soup.find_all("abbr")] == [("strong", "私域流量")]


def test_tables_and_lists_are_running_text_too(tmp_path):
    soup = render(tmp_path, "| 维度 | 说明 |\n|---|---|\n| 载体 | 私域流量沉淀 |\n\n- 列表里的精细化运营\n")
    assert [a.parent.name for a in soup.find_all("abbr")] == ["td", "li"]


def test_latin_abbreviations_are_whole_words_and_every_occurrence_shows(tmp_path):
    soup = render(tmp_path, "头部KOL和腰部 KOL 都是 KOL，但 KOLs、KOL2、xKOL 和 kol 不是。DAU日活。")
    kol = "Key Opinion Leader，关键意见领袖"
    # a Han character is a word break (头部KOL), a Latin letter or digit is not (KOLs)
    assert tips(soup) == [("KOL", kol), ("KOL", kol), ("KOL", kol), ("DAU", "Daily Active Users，日活跃用户数")]
    assert soup.get_text() == "头部KOL和腰部 KOL 都是 KOL，但 KOLs、KOL2、xKOL 和 kol 不是。DAU日活。"


def test_latin_abbreviations_never_in_headings_links_code_or_the_glossary(tmp_path):
    text = (
        "# KOL 是什么\n\n[KOL](x.md) 和 `KOL` 和 **KOL**\n\n```\nKOL\n```\n\n"
        "| 维度 | 说明 |\n|---|---|\n| 对象 | KOL |\n\n"
        '<div class="kb-no-tooltips" markdown>\n\n### DAU\n\nDAU 和 KOL 在术语表里不提示。\n\n</div>\n'
    )
    soup = render(tmp_path, text)
    assert [(a.parent.name, a.get_text()) for a in soup.find_all("abbr")] == [("strong", "KOL"), ("td", "KOL")]


def test_a_han_term_that_starts_with_an_abbreviation_wins_over_it(tmp_path):
    (tmp_path / "han-terms.md").write_text("*[KOL金字塔]: 按影响力分层的意见领袖\n", encoding="utf-8")
    (tmp_path / "abbreviations.md").write_text(ABBREVIATIONS, encoding="utf-8")
    soup = render(tmp_path, "KOL金字塔的顶端是头部KOL。\n\n再看KOL金字塔。\n\n## 下一节\n\nxKOL 不是，xKOL金字塔是。")
    # the place belongs to the longer term, which shows once per section: the second
    # KOL金字塔 shows nothing, not its KOL; a Han term needs no word break before it
    assert [t for t, _ in tips(soup)] == ["KOL金字塔", "KOL", "KOL金字塔"]


def test_abbreviations_a_page_defines_itself_are_left_to_abbr(tmp_path):
    soup = render(tmp_path, "我们的 CAC 和 KOL。\n\n*[CAC]: 获客成本\n", extensions=["abbr", *EXTENSIONS])
    assert tips(soup) == [("CAC", "获客成本"), ("KOL", "Key Opinion Leader，关键意见领袖")]


def test_the_files_are_read_once_and_again_when_they_change(tmp_path, monkeypatch):
    reads = []
    real_read = tooltips._read
    monkeypatch.setattr(tooltips, "_read", lambda path: reads.append(path) or real_read(path))
    monkeypatch.setattr(tooltips, "_CACHE", {})
    abbreviations = tmp_path / "abbreviations.md"
    converter(tmp_path)
    old = time.time() - 60  # settled: the file's time alone tells whether it changed
    for f in tmp_path.iterdir():
        os.utime(f, (old, old))
    reads.clear()
    for _page in range(5):  # MkDocs makes a new Markdown object for every page
        assert tips(render(tmp_path, "KOL")) == [("KOL", "Key Opinion Leader，关键意见领袖")]
    assert len(reads) == 2  # each file once
    # mkdocs serve: ingest rewrote the file between two builds
    abbreviations.write_text("*[KOL]: 关键意见领袖（新）\n", encoding="utf-8")
    assert tips(render(tmp_path, "KOL")) == [("KOL", "关键意见领袖（新）")]
    # rewritten again within the same timestamp tick, same size (the file's times and size
    # unchanged): a file that recent has its content compared
    frozen, real_stat = tooltips._stat(str(abbreviations)), tooltips._stat
    monkeypatch.setattr(tooltips, "_stat", lambda path: frozen if path == str(abbreviations) else real_stat(path))
    abbreviations.write_text("*[KOL]: 关键意见领袖（改）\n", encoding="utf-8")
    assert tips(render(tmp_path, "KOL")) == [("KOL", "关键意见领袖（改）")]
    monkeypatch.setattr(tooltips, "_stat", real_stat)
    abbreviations.unlink()
    assert tips(render(tmp_path, "KOL")) == []


def test_a_missing_glossary_file_changes_nothing(tmp_path):
    md = markdown.Markdown(extensions=["opskb.site.tooltips"], extension_configs={"opskb.site.tooltips": {"glossary": str(tmp_path / "none.md")}})
    assert md.convert("私域流量") == "<p>私域流量</p>"


def test_a_page_marked_as_the_glossary_gets_no_tooltips_and_the_next_page_does(tmp_path):
    md = converter(tmp_path, EXTENSIONS)  # one converter for both pages, as a builder may reuse it
    marked = BeautifulSoup(md.convert("<!-- kb-no-tooltips -->\n\n### 私域流量\n\n私域流量和精细化运营都不提示。\n"), "html.parser")
    assert marked.find("abbr") is None
    md.reset()
    plain = BeautifulSoup(md.convert("私域流量要精细化运营。"), "html.parser")  # the mark is per page, not left over
    assert [t for t, _ in tips(plain)] == ["私域流量", "精细化运营"]
