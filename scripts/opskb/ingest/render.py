"""Stage 9: Markdown for the source pages. Article text is escaped so that nothing in a
seed is read as Markdown, HTML or an attribute list; only our own markup is live."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..records import BOLD_CLOSE, BOLD_OPEN, HEADING, IMAGE, LIST, PARAGRAPH, QUOTE, TABLE, Article, Block

SCRIPT_NAMES = {"simplified": "简体", "traditional": "繁体（已转换为简体）", "mixed": "简繁混排（繁体部分已转换）"}

# Characters Python-Markdown (with the tables extension) reads as markup anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# what would start a heading, list, quote or setext underline at the start of a line
_LINE_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Literal text for Markdown: HTML characters as entities, markup characters backslashed.
    The result is one line, so only its start can begin a block construct."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1)[0].isdigit() else m.group(1) + "\\", text)


def inline(text: str) -> str:
    """Escaped inline text with bold runs as Markdown."""
    out = md_escape(text.strip())
    out = out.replace(BOLD_OPEN, "**").replace(BOLD_CLOSE, "**")
    return out.replace("****", "")


def front_matter(fields: dict) -> str:
    """YAML front matter. MkDocs templates print title and description without escaping
    them (<title>, <meta name="description">), so text from a seed is HTML-escaped here."""
    safe = {k: html.escape(v, quote=True) if isinstance(v, str) else v for k, v in fields.items()}
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def anchor_attr(anchor: str) -> str:
    return "{ #" + anchor + " }"


def render_block(block: Block, anchors: list[str]) -> str:
    """Markdown for one block; ``anchors`` holds the anchors of its units, in order."""
    if block.kind == HEADING:
        return f"{'#' * block.level} {inline(block.text)} {anchor_attr(anchors[0])}"
    if block.kind == PARAGRAPH:
        return f"{inline(block.text)}\n{anchor_attr(anchors[0])}"
    if block.kind == LIST:
        lines = []
        for n, (item, anchor) in enumerate(zip(block.items, anchors, strict=True), start=block.start):
            marker = f"{n}." if block.ordered else "-"
            # attr_list cannot reach a list item, so the item's text is wrapped in a span
            lines.append(f'{marker} <span id="{anchor}">{inline(item)}</span>')
        return "\n".join(lines)
    if block.kind == QUOTE:
        parts = [f"> {inline(item)}\n> {anchor_attr(anchor)}" for item, anchor in zip(block.items, anchors, strict=True)]
        return "\n>\n".join(parts)
    if block.kind == TABLE:
        rows = [[inline(c) or " " for c in row] for row in block.rows]
        width = len(rows[0])
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    if block.kind == IMAGE:
        label = f"原文配图：{inline(block.text)}" if block.text.strip() else "原文配图"
        return f"[{label}](<{block.src}>){{ .source-image }}"
    raise ValueError(f"unknown block kind {block.kind!r}")


def safe_url(src: str) -> str:
    return src if re.match(r"^(https?:)?//[^\s<>\"']+$", src) else ""


def describe(article: Article, limit: int = 90) -> str:
    for u in article.units:
        if u.kind == PARAGRAPH and len(u.text) >= 20:
            return u.text if len(u.text) <= limit else u.text[: limit - 1] + "…"
    return article.doc.meta.title


def address_label(url: str) -> str:
    """What a link to the original shows: its host without www."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def provenance(article: Article) -> str:
    """The box under the title: the original's address first, then author, site and date,
    each only when known; how the pipeline treated the file in a collapsed note."""
    doc, meta = article.doc, article.doc.meta
    known = []
    url = safe_url(doc.url)
    if url:
        label = _INLINE_SPECIAL.sub(r"\\\1", address_label(url))
        known.append(f"原文：[{label}](<{url}>)")
    known += [f"{label}：{value}" for label, value in
              (("作者", inline(meta.author)), ("站点", inline(meta.site)), ("日期", meta.date)) if value]
    stats = doc.stats
    notes = [
        f"原文字体：{SCRIPT_NAMES.get(doc.script, doc.script)}",
        f"清理：删除 {stats.lines_removed} 行，转换 {stats.chars_converted} 个字符，"
        f"修复 {stats.artifacts_repaired} 处拼音或标记残留"
        + (f"，删除 {stats.invisible_total} 个不可见控制字符" if stats.invisible_total else ""),
    ]
    origins = "、".join(f"`{o.source}`" for o in article.origins)
    notes.append(f"来源文件：{origins}" + ("（内容相同，已合并为本页）" if len(article.origins) > 1 else ""))
    lines = ['!!! info ""', ""]
    if known:
        lines += ["    " + " · ".join(known), ""]
    lines += ['    ??? note "整理说明"', ""] + [f"        - {n}" for n in notes]
    return "\n".join(lines) + "\n"


def source_page(article: Article) -> str:
    doc, meta = article.doc, article.doc.meta
    anchors: dict[int, list[str]] = {}
    for u in article.units:
        anchors.setdefault(u.block, []).append(u.anchor)
    # below the knowledge pages in search: they sum the same text up, with citations
    fields = {"title": meta.title, "description": describe(article), "search": {"boost": 0.5}}
    out = [front_matter(fields), f"# {inline(meta.title)}\n"]
    out.append(provenance(article))
    for i, block in enumerate(doc.blocks):
        if block.kind == IMAGE:
            src = safe_url(block.src)
            if not src:
                continue
            block = Block(IMAGE, text=block.text, src=src)
        out.append(render_block(block, anchors.get(i, [])) + "\n")
    return "\n".join(out)


SOURCES_PER_PAGE = 100


def source_list_path(n: int) -> str:
    return "sources/index.md" if n == 1 else f"sources/list-{n}.md"


def sources_index(articles: list[Article]) -> dict[str, str]:
    """The list of source articles, newest first, a hundred to a page (sources/index.md,
    sources/list-2.md, ...), so it stays readable at a thousand articles."""
    ordered = sorted(articles, key=lambda a: (a.doc.meta.date or "0000", a.slug), reverse=True)
    chunks = [ordered[i:i + SOURCES_PER_PAGE] for i in range(0, len(ordered), SOURCES_PER_PAGE)] or [[]]
    pages = {}
    for n, chunk in enumerate(chunks, start=1):
        pager = ""
        if len(chunks) > 1:
            links = " · ".join(
                f"**{i}**" if i == n else f"[{i}]({Path(source_list_path(i)).name})" for i in range(1, len(chunks) + 1)
            )
            pager = f"第 {n} 页，共 {len(chunks)} 页：{links}\n"
        title = "来源" if n == 1 else f"来源（第 {n} 页）"
        lines = [
            front_matter({"title": title, "description": "知识库引用的全部原始文章：清理后的简体中文版本，逐段可引用。"}),
            "# 来源文章\n" if n == 1 else f"# 来源文章（第 {n} 页）\n",
            f"共 {len(articles)} 篇文章，由采集的网页清理而来：去掉了网站导航、版权声明、评论区等内容，繁体已转换为简体，"
            "排版按中文文案规范统一。其他页面中的每条陈述都链接到这里的原文段落。按日期排列，最新的在前。\n",
            pager,
            "| 标题 | 作者 | 站点 | 日期 | 原文字体 |",
            "|---|---|---|---|---|",
        ]
        for a in chunk:
            m = a.doc.meta
            lines.append(
                f"| [{inline(m.title)}]({a.slug}.md) | {inline(m.author) or ' '} | {inline(m.site) or ' '} "
                f"| {m.date or ' '} | {SCRIPT_NAMES.get(a.doc.script, a.doc.script)} |"
            )
        if pager:
            lines += ["", pager]
        pages[source_list_path(n)] = "\n".join(lines) + "\n"
    return pages
