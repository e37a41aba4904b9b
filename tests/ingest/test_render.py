import markdown
from opskb.ingest.render import inline, md_escape, render_block
from opskb.records import BOLD_CLOSE, BOLD_OPEN, LIST, Block


def html(md):
    return markdown.markdown(md, extensions=["tables", "attr_list", "abbr"])


def test_markdown_and_html_in_article_text_render_as_written():
    hostile = "<script>alert(1)</script> *星号* _下划线_ [链接](javascript:alert(1)) {: #x } | 管道 <!-- 注释 --> {{ 变量 }} {% 块 %} &amp;"
    out = html(md_escape(hostile))
    assert "<script>" not in out and "<em>" not in out and "<a " not in out and "<!--" not in out
    assert "&lt;script&gt;" in out and "{{ 变量 }}" in out and "{% 块 %}" in out and "&amp;amp;" in out


def test_line_start_markers_are_escaped():
    for text in ["# 不是标题", "- 不是列表", "1. 不是编号", "> 不是引用", "= 不是标题线"]:
        out = html(md_escape(text))
        assert out.startswith("<p>"), out


def test_bold_runs_become_strong():
    assert html(inline(f"这是{BOLD_OPEN}重点{BOLD_CLOSE}。")) == "<p>这是<strong>重点</strong>。</p>"


def test_a_numbered_list_starts_at_its_first_items_number_on_the_site():
    # the site's own Markdown extensions (mkdocs.yml) render the number the list starts at
    from pathlib import Path

    import yaml

    config = yaml.load((Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    extensions = [n for n in names if not n.startswith(("opskb.", "pymdownx.", "toc"))]
    md = render_block(Block(LIST, items=("核心内容：", "高净值内容："), ordered=True, start=2), ["p-a", "p-b"])
    assert md.splitlines()[0].startswith("2. ")
    out = markdown.markdown("一段话。\n\n" + md, extensions=extensions)
    assert '<ol start="2">' in out and out.count("<li>") == 2
