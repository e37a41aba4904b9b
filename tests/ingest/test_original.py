"""The original article's address: read from each kind of input, kept through ingest, and
shown first under a source page's title ("原文"), with only the fields that are known."""

from __future__ import annotations

from pathlib import Path

from conftest import text_article
from opskb.ingest.read import original_address, read, web_address
from opskb.pipeline import ingest

URL = "https://news.example.com/2024/05/article-123.html"


def test_addresses_from_front_matter_html_head_and_a_dumps_line():
    # front matter: url, or link
    assert original_address({"url": URL}, "正文", False) == URL
    assert original_address({"link": URL, "title": "标题"}, "正文", False) == URL
    # a whole page: the canonical link first (attributes in any order), else og:url
    head = f'<html><head><meta property="og:url" content="{URL}?from=share"><link href="{URL}" rel="canonical"></head>'
    assert original_address({}, head + "<body><p>正文</p></body></html>", True) == URL
    assert original_address({}, f"<html><head><meta property='og:url' content='{URL}'></head><body></body></html>", True) == URL
    saved = f"<!DOCTYPE html>\n<!-- saved from url=(0049){URL} -->\n<html><head><title>t</title></head><body></body></html>"
    assert original_address({}, saved, True) == URL  # a browser's "save page as"
    # a text dump's header line, as a Markdown link or bare
    dump = f"# 标题\n**Author:** 某人\n**Original:** [View on example.com]({URL})\n\n正文。\n"
    assert original_address({}, dump, False) == URL
    assert original_address({}, f"标题\n\n正文。\n\n原文链接：{URL}。\n", False) == URL
    # an address inside the article's text is not the article's own
    body = "标题\n" + "正文一段。\n" * 60 + f"原文链接：{URL}\n" + "正文一段。\n" * 60
    assert original_address({}, body, False) == ""


def test_only_web_addresses_are_kept():
    assert web_address(URL) == URL and web_address("//example.com/a") == "https://example.com/a"
    for bad in ("javascript:alert(1)", "ftp://example.com/a", "https://localhost/a", "见原文", "https://a.com/x y",
                'https://a.com/"><script>', None, 3):
        assert web_address(bad) == "", bad


def _page(out: Path, name: str) -> str:
    import json

    entries = {Path(e["path"]).name: e for e in json.loads((out.parent / "report.json").read_text(encoding="utf-8"))}
    return (out / entries[name]["page"]).read_text(encoding="utf-8")


def test_source_pages_link_to_the_original_first_and_leave_out_unknown_fields(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "front.md").write_text(f"---\ntitle: 前言文章\nurl: {URL}\nauthor: 张三\n---\n\n" + text_article("前言文章"), encoding="utf-8")
    (seeds / "dump.md").write_text(
        "# 转存文章\n**Author:** 李四\n**Published:** 2024-07-18\n**Original:** [View on example.org](https://example.org/p/9.html)\n\n"
        + text_article("转存文章", n=3), encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in text_article("网页文章", n=2).split("\n\n")[1:])
    (seeds / "page.html").write_text(
        '<!doctype html><html><head><title>网页文章 - 某站</title><link rel="canonical" href="https://www.example.net/a/1">'
        f"</head><body><nav><a href='/'>首页</a></nav><article><h1>网页文章</h1>{paragraphs}</article></body></html>",
        encoding="utf-8")
    (seeds / "plain.txt").write_text(text_article("无名文章", n=1), encoding="utf-8")
    out = tmp_path / "docs"
    ingest(seeds, out, tmp_path / "report.json")
    for name, url, label in (("front.md", URL, "news.example.com"), ("dump.md", "https://example.org/p/9.html", "example.org"),
                             ("page.html", "https://www.example.net/a/1", "example.net")):
        page = _page(out, name)
        box = page.split("\n# ", 1)[1].split("\n\n", 1)[1]  # what follows the title
        assert box.startswith('!!! info ""\n\n    原文：'), name
        assert f"原文：[{label}](<{url}>)" in box.split("\n")[2], name
    assert "作者：张三" in _page(out, "front.md") and "日期：2024-07-18" in _page(out, "dump.md")
    plain = _page(out, "plain.txt")
    for absent in ("原文：", "作者：", "日期：", "未署名", "未知", "未注明"):
        assert absent not in plain, absent
    # the pipeline's counts are in a collapsed note, not in the reader's line
    head = plain.split("\n# ", 1)[1]
    assert '??? note "整理说明"' in head and "清理：删除" in head.split('??? note "整理说明"')[1]
    assert read(seeds / "plain.txt").url == ""


def test_the_built_page_links_to_the_original(tmp_path):
    from conftest import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "front.md").write_text(f"---\ntitle: 前言文章\nurl: {URL}\n---\n\n" + text_article("前言文章"), encoding="utf-8")
    (seeds / "plain.txt").write_text(text_article("无名文章", n=1), encoding="utf-8")
    _docs, site = build_site(seeds, tmp_path / "work")
    pages = {p.name: p.read_text(encoding="utf-8") for p in (site / "sources").glob("*.html")}
    linked = [html for html in pages.values() if f'href="{URL}"' in html]
    assert len(linked) == 1
    html = linked[0]
    # right after the title: the link, then the collapsed note (a <details>)
    after = html.split("</h1>", 1)[1]
    assert after.index(f'href="{URL}"') < after.index("<details") < after.index("清理：删除")
    assert not any(w in html for w in ("未署名", "未注明"))
