"""The Han tooltips Markdown extension (tooltips.py) on small inputs of its own."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

TERMS = "*[私域流量]: 品牌可以反复免费触达的用户池\n*[私域]: 品牌自己掌握的范围\n*[精细化运营]: 按用户分层分别运营\n*[KOL]: 关键意见领袖\n"


def render(tmp_path, text: str) -> BeautifulSoup:
    glossary = tmp_path / "han-terms.md"
    glossary.write_text(TERMS, encoding="utf-8")
    md = markdown.Markdown(
        extensions=["abbr", "attr_list", "md_in_html", "tables", "opskb.site.tooltips"],
        extension_configs={"opskb.site.tooltips": {"glossary": str(glossary)}},
    )
    return BeautifulSoup(md.convert(text), "html.parser")


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


def test_latin_abbreviations_are_left_to_abbr(tmp_path):
    soup = render(tmp_path, "头部KOL和腰部 KOL。\n\n*[KOL]: Key Opinion Leader\n")
    # Python-Markdown's abbr matches between word boundaries: the spaced KOL only
    assert tips(soup) == [("KOL", "Key Opinion Leader")]


def test_a_missing_glossary_file_changes_nothing(tmp_path):
    md = markdown.Markdown(extensions=["opskb.site.tooltips"], extension_configs={"opskb.site.tooltips": {"glossary": str(tmp_path / "none.md")}})
    assert md.convert("私域流量") == "<p>私域流量</p>"
