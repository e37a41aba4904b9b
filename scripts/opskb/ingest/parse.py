"""Stage 2: turn a Raw body into structural blocks.

HTML goes through BeautifulSoup: block elements become blocks, <strong>/<b> become
bold runs, everything else (attributes, script, style, iframe, forms) is dropped.
Plain text and Markdown dumps go through line patterns (textparse.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from ..records import (
    BOLD_CLOSE,
    BOLD_OPEN,
    HEADING,
    IMAGE,
    LIST,
    PARAGRAPH,
    QUOTE,
    TABLE,
    Block,
    Doc,
    Raw,
    Removed,
    plain,
)
from ..text import has_han
from .rules import rule_named
from .textparse import _TAG, _inline_md, link_cards, parse_text, plain_markdown_line, tidy_inline
from .title import without_named_site

SIGNATURE_MARK = "--"  # a line of its own in a post: what follows in its box is the poster's signature

_DROP = {
    "script", "style", "iframe", "noscript", "svg", "canvas", "form", "button", "input", "select",
    "textarea", "object", "embed", "template", "nav", "aside", "head", "title", "meta", "link",
    "video", "audio", "source", "map", "frame", "frameset", "applet",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD = {"strong", "b"}
_TABLE_PARTS = {"tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
# ---------------------------------------------------------------- HTML


# Elements that are one block each; their text is gathered by a walker of its own.
_SUB_BLOCKS = _HEADINGS | {"ul", "ol", "blockquote", "table"}
_CONTAINERS = {
    "p", "div", "section", "article", "main", "li", "dd", "dt", "dl", "pre", "figure", "figcaption",
    "header", "footer", "center", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "body", "html", "hr",
}
# Headings, lists, quotes and tables nested deeper than this inside each other are read as
# plain containers, so no input nests the walkers (and the Python stack) without bound.
MAX_SUB_DEPTH = 40
MIN_PICTURE_PX = 100  # a picture declared smaller than this, either way, is an icon
# a wiki's link to edit the section, printed after its heading: 历史沿革[编辑], History [edit]
_EDIT_LINK = re.compile(r"\s*[\[［【]\s*(?:编辑|編輯|编辑源代码|編輯原始碼|编辑源码|修改|edit|edit source)\s*[\]］】]\s*$", re.I)


# where a picture's address may stand: a lazy-loading page keeps a stand-in in src (a data: URI,
# a blank) and the picture in one of the others
_IMAGE_ATTRIBUTES = ("data-src", "data-original", "data-actualsrc", "src", "data-lazy-src")


def image_src(tag) -> str:
    """A picture's address (``tag`` a BeautifulSoup tag or an lxml element): the first of its
    address attributes that names a file, not an inline stand-in."""
    values = [str(tag.get(attr) or "").strip() for attr in _IMAGE_ATTRIBUTES]
    return next((v for v in values if v and not v.startswith("data:")), next((v for v in values if v), ""))


def picture_is_icon(width: str, height: str) -> bool:
    """A picture declared smaller than an icon (a printer button, a flag, a reaction), ``width``
    and ``height`` as its tag writes them (a share such as 100% says nothing)."""
    return any(v.strip().isdigit() and int(v) < MIN_PICTURE_PX for v in (width, height))


class _HtmlWalker:
    """Walks an element tree without recursion: a page nested thousands of levels deep
    reads like a flat one."""

    def __init__(self, depth: int = 0) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.depth = depth

    def flush(self) -> None:
        text = tidy_inline("".join(self.buf))
        self.buf = []
        if plain(text).strip():
            self.blocks.append(Block(PARAGRAPH, text=text))

    def texts_of(self, node: Tag) -> list[str]:
        """The non-empty inline strings of everything inside ``node``; its images become
        blocks of their own here."""
        sub = _HtmlWalker(self.depth + 1)
        sub.walk(node)
        sub.flush()
        parts = []
        for b in sub.blocks:
            if b.kind == IMAGE:
                self.blocks.append(b)
            else:
                parts.extend(t for t in b.texts() if plain(t).strip())
        return parts

    def inline(self, node: Tag) -> str:
        """Inline text of an element, nested blocks flattened to text (joined as by a line
        break of the source: nothing between CJK, a space elsewhere)."""
        return tidy_inline("\n".join(self.texts_of(node)))

    def walk(self, node: Tag) -> None:
        # a stack of child iterators, and of actions to run once an element's children are done
        stack: list = [iter(node.children)]
        while stack:
            top = stack[-1]
            if callable(top):
                stack.pop()
                top()
                continue
            child = next(top, None)
            if child is None:
                stack.pop()
                continue
            if isinstance(child, Comment | Declaration | Doctype | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                self.buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _DROP:
                continue
            if name == "br":
                if "".join(self.buf).strip() == SIGNATURE_MARK:
                    # a post's signature follows a line of "--" to the end of its box (a BBS's, an email's)
                    self.buf = []
                    for _rest in top:
                        pass
                    continue
                self.flush()
            elif name == "img":
                self.flush()
                self.image(child)
            elif name in _BOLD:
                self.buf.append(BOLD_OPEN)
                stack.append(functools.partial(self.buf.append, BOLD_CLOSE))
                stack.append(iter(child.children))
            elif name in _SUB_BLOCKS and self.depth < MAX_SUB_DEPTH and not (name == "table" and is_layout_table(child)):
                self.flush()
                self.sub_block(name, child)
            elif name in _CONTAINERS or name in _SUB_BLOCKS:
                self.flush()
                stack.append(self.flush)
                stack.append(iter(child.children))
            else:  # inline element: span, a, em, font, code, ...
                stack.append(iter(child.children))

    def sub_block(self, name: str, child: Tag) -> None:
        """A heading, list, quote or table: one block of its own."""
        if name in _HEADINGS:
            text = _EDIT_LINK.sub("", self.inline(child))
            if plain(text).strip():
                self.blocks.append(Block(HEADING, text=text, level=int(name[1])))
        elif name in ("ul", "ol"):
            items = self.list_items(child)
            if items:
                self.blocks.append(Block(LIST, items=tuple(items), ordered=name == "ol", start=_start(child) if name == "ol" else 1))
        elif name == "blockquote":
            items = self.texts_of(child)
            if items:
                self.blocks.append(Block(QUOTE, items=tuple(items)))
        else:
            rows = self.table_rows(child)
            if rows:
                self.blocks.append(Block(TABLE, rows=rows))
            # content a broken table swallowed outside its rows (an unclosed <table>)
            for part in child.children:
                if isinstance(part, Tag) and part.name.lower() in ("tbody", "thead", "tfoot"):
                    self.walk_outside_rows(part)
                elif not (isinstance(part, Tag) and part.name.lower() in _TABLE_PARTS):
                    self.walk_one(part)
            self.flush()

    def walk_outside_rows(self, section: Tag) -> None:
        for part in section.children:
            if not (isinstance(part, Tag) and part.name.lower() in _TABLE_PARTS):
                self.walk_one(part)

    def walk_one(self, node) -> None:
        holder = BeautifulSoup("", "html.parser")
        holder.append(node.__copy__() if isinstance(node, Tag) else NavigableString(str(node)))
        self.walk(holder)

    def image(self, tag: Tag) -> None:
        src = image_src(tag)
        # (an alt text some sites fill with markup: <a href=…>兹韦列夫</a> reads as its words)
        alt = tidy_inline(_TAG.sub("", str(tag.get("alt") or tag.get("title") or "")))
        kind = str(tag.get("data-type") or "")
        icon = picture_is_icon(str(tag.get("data-w") or tag.get("width") or ""), str(tag.get("height") or ""))
        hint = " ".join(x for x in (f"type={kind}" if kind else "", "icon" if icon else "") if x)
        self.blocks.append(Block(IMAGE, text=alt, src=src, items=(hint,) if hint else ()))

    def list_items(self, node: Tag) -> list[str]:
        """Item texts in reading order; a nested list's items follow their parent item."""
        items: list[str] = []
        stack = [iter(_items_of(node))]
        while stack:
            li = next(stack[-1], None)
            if li is None:
                stack.pop()
                continue
            nested = list(li.find_all(["ul", "ol"], recursive=False))
            for n in nested:
                n.extract()
            text = self.inline(li)
            if plain(text).strip():
                items.append(text)
            if nested:
                stack.append(li for n in nested for li in _items_of(n))
        return items

    def table_rows(self, node: Tag) -> tuple[tuple[str, ...], ...]:
        rows = []
        for tr in node.find_all("tr"):
            if tr.find_parent("table") is not node:
                continue  # a nested table's rows are flattened into its cell
            cells = tuple(self.inline(td) for td in tr.find_all(["td", "th"], recursive=False))
            if any(plain(c).strip() for c in cells):
                rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        return tuple(r + ("",) * (width - len(r)) for r in rows)


LAYOUT_CELL_CHARS = 200  # a cell holding this much prose is a column of the page, not a datum
_CELL_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
_SENTENCE_END = re.compile(r"[。！？!?；]")


_PAGE_HEADINGS = ["h1", "h2"]


def is_layout_table(table: Tag) -> bool:
    """A table that lays out the page rather than holding data: a frame of one column or one
    row, a table holding tables or the page's headline, one of mostly empty cells (a toolbar, a title bar), or a cell holding
    prose (the article in one cell, a forum post beside its author's box). Its cells are read as the page's own lines, so the cleaning sees a
    footer or a notice in them line by line, and the article's paragraphs stay paragraphs."""
    if table.find("table") is not None:
        return True
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    widths = [len(tr.find_all(["td", "th"], recursive=False)) for tr in rows]
    if not rows or max(widths) == 0:
        return False
    if max(widths) == 1 or len(rows) == 1:  # a frame of one column, a bar of one row (date | toolbar)
        return True
    if table.find(_PAGE_HEADINGS) is not None:  # the page's title set in a cell
        return True
    cells = [cell for tr in rows for cell in tr.find_all(["td", "th"], recursive=False)]
    if sum(1 for cell in cells if cell.get_text(strip=True)) <= len(rows):  # a toolbar, a title bar: mostly empty cells
        return True
    for cell in cells:
        text = cell.get_text(" ", strip=True)
        sentences = len(_SENTENCE_END.findall(text))
        if len(text) >= LAYOUT_CELL_CHARS and sentences >= 2:
            return True
        # paragraphs of their own inside a cell, with sentences among them
        parts = len(cell.find_all(_CELL_BLOCKS)) + len(cell.find_all("br"))
        if sentences >= 2 and parts >= 2 and len(text) >= LAYOUT_CELL_CHARS // 2:
            return True
    return False


def _items_of(list_tag: Tag) -> list[Tag]:
    return list_tag.find_all("li", recursive=False) or [list_tag]


def _start(ol: Tag) -> int:
    """The number of an HTML ordered list's first item (``<ol start="3">``)."""
    value = str(ol.get("start") or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else 1


def parse_html(body: str) -> list[Block]:
    soup = BeautifulSoup(body, "html.parser")
    walker = _HtmlWalker()
    walker.walk(soup)
    walker.flush()
    return walker.blocks


# ---------------------------------------------------------------- text

def normalize_levels(blocks: list[Block]) -> list[Block]:
    """Heading levels by rank: the highest level used becomes 2 (the page title is 1),
    the next one 3, and so on, so skipped levels in the source leave no gap."""
    rank = {lvl: min(6, 2 + i) for i, lvl in enumerate(sorted({b.level for b in blocks if b.kind == HEADING}))}
    return [Block(HEADING, text=b.text, level=rank[b.level]) if b.kind == HEADING else b for b in blocks]


_TITLE_SEPARATOR = re.compile(r"\s+[|｜_–—-]\s+|\s*[|｜]\s*|_")


def html_title(body: str) -> tuple[str, str]:
    """(title, site) from an HTML page's <title>: "文章标题 | 站点名"."""
    m = re.search(r"<title[^>]*>(.*?)</title>", body, re.I | re.S)
    if not m:
        return "", ""
    text = tidy_inline(BeautifulSoup(m.group(1), "html.parser").get_text())
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(text) if p.strip()]
    if not parts:
        return "", ""
    site = parts[-1] if len(parts) > 1 and len(parts[-1]) <= 20 else ""
    return parts[0], site


_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")


def text_title(body: str) -> tuple[str, str]:
    """A text dump that opens with a level-1 Markdown heading: that heading is its title,
    punctuation and all. Returns (title, rest of the body)."""
    m = _MD_TITLE.match(body)
    if not m:
        return "", body
    title = tidy_inline(plain(_inline_md(plain_markdown_line(m.group(1)))))
    return (title, body[m.end():]) if has_han(title) else ("", body)


# lines where a site names itself: its copyright and licence line, a breadcrumb, a greeting, its
# app's and sign-in prompts (not a tag line: a series label is often one of the text's tags)
_SITE_NAMING_RULES = frozenset({"copyright", "breadcrumb", "site_greeting", "follow_prompt", "post_prompts", "login_buttons"})


def _names_site(line: str) -> bool:
    return rule_named(line, *_SITE_NAMING_RULES)


def parse(raw: Raw) -> Doc:
    meta = raw.meta
    removed: tuple[Removed, ...] = ()
    if raw.is_html:
        blocks = parse_html(raw.body)
        title, site = html_title(raw.body)
        meta = replace(meta, title=meta.title or title, site=meta.site or site)
    else:
        title, body = text_title(raw.body)
        body, cards = link_cards(body)
        removed = tuple(Removed(c, "链接卡片（推广或相关文章）", "parse") for c in cards if c)
        blocks = parse_text(body)
        copied = not meta.title  # no title of its own: perhaps a whole page's text
        if title and not meta.title:  # (a crawler's copy of the page's <title>: 标题 | 站点)
            title, site = without_named_site(title, [plain(t) for b in blocks for t in b.texts()],
                                             _names_site, meta.site)
            meta = replace(meta, title=title, site=meta.site or site)
            copied = without_markdown(body)  # a page's text under it, not a Markdown article
        return Doc(source=raw.name, meta=meta, blocks=tuple(normalize_levels(blocks)), encoding=raw.encoding,
                   removed=removed, stats=raw.stats, url=raw.url, page_copy=copied)
    return Doc(source=raw.name, meta=meta, blocks=tuple(normalize_levels(blocks)), encoding=raw.encoding,
               removed=removed, stats=raw.stats, url=raw.url)


# what a Markdown article has and a page's text copied (or dumped by a crawler) has not: a heading,
# a link or picture, a template's block
_MARKDOWN = re.compile(r"^#{1,6}[ \t]|\]\(|^\{%|^```", re.M)


def without_markdown(body: str) -> bool:
    """A text with no Markdown in it: a page's text as a browser copies it or a crawler dumps it."""
    return not _MARKDOWN.search(body)
