"""Hostile and odd inputs: each gets a clear message or a correct page, and the run goes on."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import opencc
import pytest
from conftest import ARTICLE, PINYIN_ARTIFACT, SEEDS, text_article, unique_text
from opskb.pipeline import ingest

_s2t = opencc.OpenCC("s2t")
_s2tw = opencc.OpenCC("s2tw")


HOSTILE: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.dat": bytes(range(256)) * 64,
    "huge.txt": ("很长的文章内容。" * 900_000).encode("utf-8"),  # about 20 MB
    "broken utf8.txt": text_article("坏字节文章").encode("utf-8")[:-1] + b"\xe4\xb8",  # a truncated character
    "gbk文章.txt": text_article("GBK 编码的文章标题").encode("gbk"),
    "big5文章.txt": _s2tw.convert(text_article("繁體編碼的文章標題")).encode("big5"),
    "mixed.txt": (text_article("简繁混排的文章标题", n=2) + "\n\n" + _s2t.convert("\n\n".join(ARTICLE[2:]) + "用户运营需要数据。")).encode("utf-8"),
    "malformed.html": (
        "<div><p>未闭合的段落，社群运营需要耐心。<p>第二段没有结束标签，用户运营需要数据。"
        "<table><tr><td>外层<table><tr><td>嵌套表格的内容</td></tr></table></td><td>第二格</td></tr>"
        "<div><b>加粗没有关闭，精细化运营需要分层。<span>继续</div>" + "<p>填充段落，让文章足够长，社群运营与用户运营。</p>" * 4
    ).encode("utf-8"),
    "scripts.html": (
        "<p>正常段落，社群运营和用户运营的区别在于载体。</p><script>alert('xss')</script>"
        "<style>body{display:none}</style><iframe src='https://evil.example/x'></iframe>"
        "<p><img src=x onerror=\"alert('img')\">图片之后的文字，私域流量很重要。</p>"
        "<p><a href=\"javascript:alert('link')\">危险链接</a>的文字留下，用户分层也留下。</p>"
        + "<p>填充段落，让文章足够长，社群运营与用户运营。</p>" * 4
    ).encode("utf-8"),
    "templates.txt": text_article(
        "模板语法测试",
        "文章里写着 {{ page.title }} 和 {% include 'x' %} 这样的语法。\n\n"
        "还有 <!-- 注释 --> 和 | 管道 | 符号，以及 *星号* 与 [链接](http://example.com)。\n\n"
        "# 这一行以井号开头，但它是正文的一部分。\n",
    ).encode("utf-8"),
    "bad yaml.md": ("---\ntitle: [未闭合\nauthor: 某人\n---\n" + text_article("YAML 坏掉的文章")).encode("utf-8"),
    "slash title.md": ("---\ntitle: '../../etc/passwd 或 a/b/c'\n---\n" + text_article("", "斜杠")).encode("utf-8"),
    "punct title.md": ("---\ntitle: '？？？！！！……'\n---\n" + text_article("", "标点", n=3)).encode("utf-8"),
    "同名一.md": ("---\ntitle: 同一个标题\n---\n第一篇同名文章讲社群运营的拉新方法和裂变活动。\n\n" + unique_text("一")).encode("utf-8"),
    "同名二.md": ("---\ntitle: 同一个标题\n---\n第二篇同名文章讲用户运营的数据埋点和用户画像。\n\n" + unique_text("二")).encode("utf-8"),
    # invisible characters in every field: raw in a text file's front matter and body ...
    "controls.md": (
        "---\ntitle: \"控制\u202e字符\u202c的标题\"\nauthor: \"作者\x1b[1m张三\"\nsite: \"站点\u200f名\"\n---\n"
        + text_article("", "正文里有响铃\x07、换页\x0c、\u2066隔离\u2069、\u200e标记和\ufeff中间的 BOM。")
    ).encode("utf-8"),
    # ... and written as HTML entities in a whole page's title, byline, alt text and text
    "entities.html": (
        "<html><head><title>实体&#x202E;标题&#x202C;的文章</title><meta name='author' content='李&#x200F;四'>"
        "<meta property='og:site_name' content='某某&#x1B;网'></head><body><article><h1>实体&#x202E;标题&#x202C;的文章</h1>"
        "<p>社群运营&#x202E;倒过来&#x202C;显示的文字，用户运营&#7;需要数据分析和用户分层。</p>"
        "<p><img src='https://example.com/a.png' alt='配图&#x2067;说明&#x2069;文字'></p>"
        + "".join(f"<p>{t}这一段用来让文章足够长，私域运营需要耐心。</p>" for t in ARTICLE) + f"<p>{unique_text('实体')}</p>"
        + "</article></body></html>"
    ).encode("utf-8"),
    # one stray NUL byte does not make a good article binary
    "one nul.txt": text_article("带一个空字节的文章", "空字节\x00之后的段落还在。").encode("utf-8"),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("base")
    ingest(SEEDS, base / "docs")
    before = {p.name: p.read_bytes() for p in (base / "docs" / "sources").glob("*.md") if p.name != "index.md"}
    seeds = tmp_path_factory.mktemp("hostile") / "seeds"
    shutil.copytree(SEEDS, seeds)
    for name, data in HOSTILE.items():
        (seeds / name).write_bytes(data)
    out = seeds.parent / "docs"
    lines: list[str] = []
    result = ingest(seeds, out, echo=lines.append)
    return result, out, before, lines


def entry(run, name):
    result = run[0]
    return next(e for e in result.entries if Path(e.path).name == name)


def page_of(run, name) -> str:
    e = entry(run, name)
    assert e.page, (name, e.skipped)
    return (run[1] / e.page).read_text(encoding="utf-8")


def test_run_goes_on_and_seed_pages_do_not_change(run):
    result, out, before, lines = run
    assert len(result.entries) == 5 + len(HOSTILE)
    for name, data in before.items():
        assert (out / "sources" / name).read_bytes() == data, name
    assert lines[-1].startswith(f"共 {5 + len(HOSTILE)} 个文件")


@pytest.mark.parametrize(("name", "reason"), [("empty.txt", "文件为空"), ("binary.dat", "二进制"), ("huge.txt", "文件过大")])
def test_unusable_files_are_skipped_with_a_message_naming_them(run, name, reason):
    e = entry(run, name)
    assert reason in e.skipped
    assert any(line.startswith(f"跳过 {name}：") and reason in line for line in run[3])


def test_encodings(run):
    assert entry(run, "gbk文章.txt").encoding == "gb18030"
    assert entry(run, "big5文章.txt").encoding == "big5" and entry(run, "big5文章.txt").script == "traditional"
    assert entry(run, "broken utf8.txt").encoding.startswith("utf-8")
    assert "坏字节文章" in page_of(run, "broken utf8.txt")
    assert "繁体编码的文章标题" in page_of(run, "big5文章.txt")


def test_mixed_script_becomes_simplified(run):
    assert entry(run, "mixed.txt").script == "mixed"
    page = page_of(run, "mixed.txt")
    assert opencc.OpenCC("t2s").convert(page) == page
    assert "用户运营更依赖数据分析" in page


def test_malformed_html_keeps_its_text(run):
    page = page_of(run, "malformed.html")
    for text in ("未闭合的段落", "第二段没有结束标签", "嵌套表格的内容", "第二格", "加粗没有关闭"):
        assert text in page


def test_scripts_and_dangerous_attributes_are_gone(run):
    page = page_of(run, "scripts.html")
    for bad in ("alert", "onerror", "javascript:", "evil.example", "display:none", "<script", "<iframe"):
        assert bad not in page
    assert "图片之后的文字" in page and "危险链接的文字留下" in page


def test_markdown_and_template_syntax_is_escaped(run):
    page = page_of(run, "templates.txt")
    assert "\\# 这一行以井号开头" in page
    assert "&lt;!-- 注释 --&gt;" in page and "\\| 管道 \\|" in page and "\\*星号\\*" in page
    # a Markdown link in a text dump is read as what a reader sees: its text, no target
    assert "与 链接" in page and "example.com" not in page
    # template tags a scraper left are not text, and nothing is left for MkDocs to run
    assert "{%" not in page and "{{" not in page


def test_front_matter_problems(run):
    e = entry(run, "bad yaml.md")
    assert "YAML" in e.warning and e.page
    assert any("bad yaml.md" in line and "YAML" in line for line in run[3])
    slash = entry(run, "slash title.md")
    assert slash.page.startswith("sources/") and ".." not in slash.page and slash.page.count("/") == 1
    assert (run[1] / slash.page).exists()
    punct = entry(run, "punct title.md")
    assert punct.page.startswith("sources/article-")


def test_two_articles_that_want_the_same_slug(run):
    a, b = entry(run, "同名一.md").page, entry(run, "同名二.md").page
    assert a and b and a != b
    assert "第一篇同名文章" in (run[1] / a).read_text(encoding="utf-8")
    assert "第二篇同名文章" in (run[1] / b).read_text(encoding="utf-8")


def test_no_traditional_or_pinyin_left_anywhere(run):
    cc = opencc.OpenCC("t2s")
    for page in run[1].rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert cc.convert(text) == text, page.name
        assert not PINYIN_ARTIFACT.search(text), page.name


INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def test_no_invisible_character_reaches_a_page(run):
    for page in run[1].rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not INVISIBLE.search(text), (page.name, INVISIBLE.findall(text))


def test_invisible_characters_are_removed_from_every_field_and_counted(run):
    e = entry(run, "controls.md")
    assert (e.title, e.author, e.site) == ("控制字符的标题", "作者张三", "站点名")
    # RLO, PDF, LRI, PDI, RLM, LRM; ESC (with its colour code), BEL, FF; one BOM
    assert e.invisible_removed == {"双向控制符": 6, "控制字符": 3, "BOM": 1}
    page = page_of(run, "controls.md")
    assert "正文里有响铃、换页" in page and "隔离、标记和中间的 BOM" in page
    assert any("controls.md" in line and "删除 10 个不可见字符" in line for line in run[3])

    h = entry(run, "entities.html")
    assert (h.title, h.author, h.site) == ("实体标题的文章", "李四", "某某网")
    assert sum(h.invisible_removed.values()) >= 7
    page = page_of(run, "entities.html")
    assert "社群运营倒过来显示的文字，用户运营需要数据分析" in page and "配图说明文字" in page


def test_a_single_nul_byte_does_not_lose_the_article(run):
    e = entry(run, "one nul.txt")
    assert not e.skipped and e.invisible_removed == {"控制字符": 1}
    assert "空字节之后的段落还在" in page_of(run, "one nul.txt")


def test_a_file_mostly_of_control_bytes_is_still_binary(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "dump.bin").write_bytes(("社群运营" * 20).encode("utf-8") + b"\x00\x01\x02" * 10)
    result = ingest(seeds, tmp_path / "docs")
    assert "二进制" in result.entries[0].skipped


def _page_body(out: Path) -> str:
    """The article text of the only source page, without its source-file line."""
    page = next(p for p in (out / "sources").glob("*.md") if p.name != "index.md")
    return "\n".join(line for line in page.read_text(encoding="utf-8").splitlines() if "来源文件" not in line)


@pytest.mark.parametrize("whole_page", [False, True], ids=["fragment", "whole page"])
@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "section"])
def test_html_nested_5000_levels_deep_ingests_like_a_flat_page(tmp_path, tag, whole_page):
    paragraphs = "".join(f"<p>{t}</p>" for t in ARTICLE) + f"<p>{unique_text(tag)}</p>"

    def page(depth: int) -> str:
        body = f"<{tag}>" * depth + paragraphs + f"</{tag}>" * depth
        if whole_page:
            return f"<html><head><title>很深的网页</title></head><body><article>{body}</article></body></html>"
        return "<h1>很深的网页</h1>" + body

    bodies = []
    for depth in (1, 5000):
        seeds = tmp_path / f"seeds-{depth}"
        seeds.mkdir()
        (seeds / "deep.html").write_text(page(depth), encoding="utf-8")
        out = tmp_path / f"docs-{depth}"
        result = ingest(seeds, out)
        assert not result.entries[0].skipped and not result.entries[0].warning, result.entries[0]
        bodies.append(_page_body(out))
    assert bodies[0] == bodies[1]
    assert all(t in bodies[1] for t in ARTICLE)


def test_folders_symlinks_and_pipes_in_the_seeds_folder(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "2026-11").mkdir(parents=True)
    (seeds / "2026-11" / "inside.txt").write_text(text_article("子目录里的文章"), encoding="utf-8")
    (seeds / "page_files").mkdir()
    (seeds / "page_files" / "style.css").write_text("body{}", encoding="utf-8")
    (seeds / "article.txt").write_text(text_article("顶层的文章"), encoding="utf-8")
    (seeds / "alias.txt").symlink_to(seeds / "article.txt")
    (seeds / "outside.txt").symlink_to(SEEDS / sorted(p.name for p in SEEDS.iterdir())[2])
    (seeds / "loop-a").symlink_to(seeds / "loop-b")
    (seeds / "loop-b").symlink_to(seeds / "loop-a")
    (seeds / "itself").symlink_to(seeds)
    (seeds / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(seeds / "pipe")
    lines: list[str] = []
    result = ingest(seeds, tmp_path / "docs", echo=lines.append)
    skipped = {Path(e.path).name: e.skipped for e in result.entries if e.skipped}
    assert set(skipped) == {"2026-11", "page_files", "loop-a", "loop-b", "itself", "dangling.txt", "pipe"}
    assert "子目录" in skipped["2026-11"] and "子目录" in skipped["itself"]
    assert "资源目录" in skipped["page_files"]
    assert all("符号链接" in skipped[n] for n in ("loop-a", "loop-b", "dangling.txt"))
    assert "不是普通文件" in skipped["pipe"]
    for name in skipped:
        assert sum(line.startswith(f"跳过 {name}：") for line in lines) == 1
    pages = {Path(e.path).name: e.page or e.merged_into for e in result.entries if not e.skipped}
    assert set(pages) == {"article.txt", "alias.txt", "outside.txt"}
    assert pages["alias.txt"] == pages["article.txt"]  # the same article, merged
    assert not any("子目录里的文章" in p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md"))
