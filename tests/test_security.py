"""Payloads planted in seeds must not run in the built site, nor make it call another host."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import SEEDS, build_site, serve_dir
from test_browser import browser, outside_requests, search  # noqa: F401  (fixtures)

FILLER = "".join(f"<p>第{i}段：社群运营需要耐心维护，用户运营需要数据分析，这是为了让文章足够长的填充内容{i}。</p>" for i in range(6))

PAYLOADS = {
    "xss-html.html": (
        "---\ntitle: '</title><script>alert(\"title\")</script>标题注入'\n"
        "description: '\" onmouseover=\"alert(1)'\n---\n"
        "<p>脚本<script>alert('script')</script>之后</p>"
        "<p><img src=x onerror=\"alert('onerror')\">图片</p>"
        "<p><a href=\"javascript:alert('href')\">链接</a></p>"
        "<svg onload=\"alert('svg')\"><circle r=1></circle></svg>"
        "<iframe src=\"javascript:alert('iframe')\"></iframe>"
        "<details open ontoggle=\"alert('toggle')\"><summary>摘要</summary>内容</details>"
        "<p style=\"background:url(https://evil.example/bg.png)\">样式里的远程图片</p>"
        "<img src=\"https://evil.example/pixel.gif\" width=\"1\" height=\"1\">"
        "<img src=\"https://evil.example/content.png\" data-w=\"600\" alt=\"正常的配图\">"
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/e\">"
        "<link rel=stylesheet href=\"https://evil.example/s.css\"><base href=\"https://evil.example/\">"
        + FILLER
    ),
    "xss-text.txt": (
        "Markdown 注入测试文章\n\n"
        "[点我](javascript:alert('md-link')) 和 ![远程](https://evil.example/md.png)\n\n"
        "<script>alert('plain-script')</script> 与 <img src=x onerror=alert('plain-img')>\n\n"
        "一段文字 {: onclick=\"alert('attr')\" } 以及 <a href=\"javascript:alert(2)\">x</a>\n\n"
        "*[社群运营]: <img src=x onerror=alert('abbr')>\n\n"
        "```html\n<script>alert('fence')</script>\n```\n\n"
        + "\n\n".join(f"第{i}段：私域流量的填充内容，让这篇文章足够长，编号{i}。" for i in range(6))
    ),
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("xss") / "seeds"
    seeds.mkdir()
    for p in SEEDS.iterdir():
        (seeds / p.name).write_bytes(p.read_bytes())
    for name, text in PAYLOADS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return build_site(seeds, seeds.parent / "work")


def test_built_html_holds_no_seed_markup(hostile_site):
    _docs, site = hostile_site
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), (html.name, tag.name, attr)
                joined = " ".join(value) if isinstance(value, list) else str(value)
                if attr.lower() in ("href", "src", "action", "formaction", "data", "xlink:href", "poster"):
                    assert not joined.strip().lower().startswith(("javascript:", "data:text", "vbscript:")), (html.name, attr)
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), html.name
            src = script.get("src", "")
            assert not src.startswith(("http:", "https:", "//")), (html.name, src)
        for tag in soup.find_all(["iframe", "object", "embed", "base"]):
            pytest.fail(f"{html.name}: <{tag.name}> from a seed")
        for img in soup.find_all("img"):
            assert not img["src"].startswith(("http:", "https:", "//")), (html.name, img["src"])


def test_no_payload_runs_in_the_browser(hostile_site, browser):  # noqa: F811
    _docs, site = hostile_site
    with serve_dir(site) as base:
        _open_every_page(browser, site, base)


def _open_every_page(browser, site, base):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    dialogs, errors, requests = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    try:
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        assert any("sources/" in p for p in pages)
        for rel in pages:
            page.goto(f"{base}/{rel}")
            page.mouse.move(200, 200)
            for summary in page.locator("details summary").all()[:3]:
                summary.click()
        page.goto(base + "/index.html")
        for q in ("alert", "标题注入", "点我", "javascript"):
            search(page, q)
        page.wait_for_timeout(300)
        assert dialogs == []
        assert errors == []
        assert outside_requests(page) == []
    finally:
        context.close()


def test_content_image_becomes_a_link_and_trackers_are_dropped(hostile_site):
    docs, _site = hostile_site
    page = next(p for p in (docs / "sources").glob("*.md") if "标题注入" in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    assert "[原文配图：正常的配图](<https://evil.example/content.png>)" in text
    assert "pixel.gif" not in text and "bg.png" not in text


def test_title_is_escaped_in_the_head(hostile_site):
    _docs, site = hostile_site
    soups = [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in (site / "sources").glob("*.html")]
    soup = next(s for s in soups if "标题注入" in s.find("h1").get_text())
    head = soup.head
    assert "标题注入" in head.title.get_text() and head.find("script", string=lambda s: s and "alert" in s) is None
    assert soup.find("h1").find("script") is None
