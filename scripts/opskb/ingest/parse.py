"""Stage 2: turn a Raw body into structural blocks.

HTML goes through BeautifulSoup: block elements become blocks, <strong>/<b> become
bold runs, everything else (attributes, script, style, iframe, forms) is dropped.
Plain text goes through line patterns: numbered and short unpunctuated lines become
headings, bullets become lists, Markdown tables become tables.
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
from ..text import CJK_CHAR, TERMINAL_PUNCT, has_han

_DROP = {
    "script", "style", "iframe", "noscript", "svg", "canvas", "form", "button", "input", "select",
    "textarea", "object", "embed", "template", "nav", "aside", "head", "title", "meta", "link",
    "video", "audio", "source", "map", "frame", "frameset", "applet",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD = {"strong", "b"}
_TABLE_PARTS = {"tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col"}
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u3000]+")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={CJK_CHAR}) +(?={CJK_CHAR})")
_EMPTY_BOLD = re.compile(f"{BOLD_OPEN}\\s*{BOLD_CLOSE}")


def tidy_inline(text: str, keep_cjk_spaces: bool = False) -> str:
    """Collapse whitespace the way a browser would. In HTML a space between two CJK
    characters is only source formatting and goes; in plain text it was typed and stays."""
    text = _SPACES.sub(" ", text)
    text = _EMPTY_BOLD.sub("", text)
    # whitespace just inside bold markers belongs outside them
    text = re.sub(f"{BOLD_OPEN} +", " " + BOLD_OPEN, text)
    text = re.sub(f" +{BOLD_CLOSE}", BOLD_CLOSE + " ", text)
    text = _SPACES.sub(" ", text)
    if not keep_cjk_spaces:
        text = _SPACE_BETWEEN_CJK.sub("", text)
    return text.strip()


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
        """Inline text of an element, nested blocks flattened to text."""
        return tidy_inline(" ".join(self.texts_of(node)))

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
            text = self.inline(child)
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
        src = ""
        for attr in ("data-src", "src", "data-original"):
            value = str(tag.get(attr) or "").strip()
            if value:
                src = value
                break
        alt = tidy_inline(str(tag.get("alt") or tag.get("title") or ""))
        width = str(tag.get("data-w") or tag.get("width") or "")
        kind = str(tag.get("data-type") or "")
        hint = " ".join(x for x in (f"w={width}" if width else "", f"type={kind}" if kind else "") if x)
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


def is_layout_table(table: Tag) -> bool:
    """A table that lays out the page rather than holding data: a frame of one column, a
    table holding tables, one of mostly empty cells (a toolbar, a title bar), or a cell holding
    prose (the article in one cell, a forum post beside its author's box). Its cells are read as the page's own lines, so the cleaning sees a
    footer or a notice in them line by line, and the article's paragraphs stay paragraphs."""
    if table.find("table") is not None:
        return True
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    widths = [len(tr.find_all(["td", "th"], recursive=False)) for tr in rows]
    if not rows or max(widths) == 0:
        return False
    if max(widths) == 1:
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


def parse_html(body: str) -> list[Block]:
    soup = BeautifulSoup(body, "html.parser")
    walker = _HtmlWalker()
    walker.walk(soup)
    walker.flush()
    return walker.blocks


# ---------------------------------------------------------------- text

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BR = re.compile(r"<br\s*/?>", re.I)
_BULLET = re.compile(r"^(?:[-*+]\s+|[-*+]$|[•·▪●○◦]\s*)(.*)$")
_NUMBERED = re.compile(r"^(?:(\d{1,2})(?:[、．)）]|\.(?!\d))|[(（](\d{1,2})[)）])\s*(.+)$")  # (3.1 节 is not item 3)
_CN_NUMBERED = re.compile(r"^[(（]?[一二三四五六七八九十]{1,3}[、.．)）]\s*(.+)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_MD_QUOTE = re.compile(r"^>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")

MAX_HEADING_CHARS = 30


def looks_like_heading(text: str) -> bool:
    """A short line with Han text and no sentence punctuation at its end or inside."""
    t = plain(text).strip()
    return (
        0 < len(t) <= MAX_HEADING_CHARS
        and has_han(t)
        and t[-1] not in TERMINAL_PUNCT + "?？!！:：,，、"
        and not re.search(r"[。！？!?；;]", t)
    )


# a numbered or labelled line (1）, 一、, 02, 第三章, 结语：): a section's heading, however it ends
_SECTION_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[、.．）)]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                           r"|\d{2}\s|第[一二三四五六七八九十\d]{1,3}[章节部分步]|[^，,。！？!?：:]{2,8}[：:])")


def is_markdown_heading(text: str, marked: bool = False) -> bool:
    """The text after a Markdown '#': a heading when it is short and not a sentence
    (English headings, 作者简介： and question headings such as 02 如何提升 LTV？ included).
    ``marked``: the text heads its sections with '#' (the mark is the source's markup), where a
    heading may end in an exclamation (进入第二步！), and a numbered or labelled one in a full stop
    (第一步，聚焦子品类。)."""
    t = plain(text).strip()
    return 0 < len(t) <= 2 * MAX_HEADING_CHARS and not re.search(r"[。！？；]", t[:-1]) \
        and (t[-1] not in "。！!；;" or (marked and (t[-1] in "！!" or bool(_SECTION_HEAD.match(t)))))


def _inline_md(text: str) -> str:
    return tidy_inline(_MD_BOLD.sub(lambda m: BOLD_OPEN + m.group(1) + BOLD_CLOSE, text), keep_cjk_spaces=True)


_BOLD_LABEL = re.compile(r"^\*\*[^*]{1,20}[:：]\s*\*\*|^\*\*[^*]{1,20}\*\*\s*[:：]")  # **Tags:** …
_REFERENCE = re.compile(r"^\[\d{1,3}\]")  # [12] 作者．题名[J]．刊名，年份
# a caption, not a heading: 图1 环路模型, 表 2 分层结果, Fig.1 ...
_CAPTION = re.compile(r"^(?:图|表|fig(?:ure)?\.?|table)\s*\d", re.I)


def _paragraph_groups(lines: list[str]) -> list[str]:
    """One line per paragraph, except in text that separates paragraphs with blank
    lines: there a long line without closing punctuation continues on the next line."""
    blank = sum(1 for x in lines if not x.strip())
    wrapped = blank >= 0.3 * (len(lines) - blank)
    out: list[str] = []
    prev_blank = True
    prev_break = False  # the previous line ended in a Markdown hard break (two spaces)
    for raw in lines:
        line = raw.strip()
        if not line:
            prev_blank = True
            continue
        if (
            wrapped
            and out
            and not prev_blank
            and not prev_break
            and not _REFERENCE.match(line)
            and not _BOLD_LABEL.match(line)
            and len(plain(out[-1])) >= 40
            and out[-1][-1] not in TERMINAL_PUNCT + "?？!！:："
            and not (_BULLET.match(line) or _NUMBERED.match(line) or _CN_NUMBERED.match(line)
                     or _TABLE_ROW.match(line) or _MD_HEADING.match(line))
            and not _TABLE_ROW.match(out[-1])
        ):
            out[-1] = out[-1] + line
        else:
            out.append(line)
        prev_blank = False
        prev_break = raw.rstrip("\n").endswith("  ")
    return out


_DROP_ELEMENT = re.compile(r"<(script|style|iframe|noscript|template|object)\b.*?(?:</\1\s*>|$)", re.I | re.S)


# Markdown that scrapers leave in text dumps: what a reader sees of it is the text alone
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:[^()\s]|\\[()]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\\[()]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_EMPHASIS_RULE = re.compile(r"^\s*_{2,}\s*$|^_{2,}|_{1,}$")


def plain_markdown_line(line: str) -> str:
    """A text-dump line with Markdown images, links, code spans, escapes and template
    tags reduced to the text a reader sees. Bold stays for the parser."""
    if "[" in line or "{" in line or "`" in line or "\\" in line:
        line = _TEMPLATE_TAG.sub("", line)
        line = _MD_IMAGE.sub("", line)
        for _ in range(2):  # a link around an image: [![](img)](url)
            line = _MD_LINK.sub(lambda m: m.group(1).strip(), line)
        line = _CODE_SPAN.sub(lambda m: m.group(1), line)
        line = _MD_ESCAPE.sub(lambda m: m.group(1), line)
    if "_" in line:
        line = _EMPHASIS_RULE.sub("", line)
    return line


_CARD_OPEN = re.compile(r"^\[(?!.*\]\()")  # a link opened and not closed on its line (images aside)
_CARD_CLOSE = re.compile(r"^\s*\]\([^)\s]*\)\s*$")
MAX_CARD_LINES = 12


def link_cards(body: str) -> tuple[str, list[str]]:
    """A Markdown link that wraps several paragraphs (a picture, a headline, a teaser and
    "查看详情") is a card promoting another page, not article text. Returns the body
    without such cards and the text of each card."""
    lines = body.split("\n")
    out: list[str] = []
    cards: list[str] = []
    i = 0
    while i < len(lines):
        if _CARD_OPEN.match(_MD_IMAGE.sub("", lines[i])):
            end = next((k for k in range(i + 1, min(len(lines), i + MAX_CARD_LINES)) if _CARD_CLOSE.match(lines[k])), None)
            if end is not None:
                text = " ".join(plain_markdown_line(x).strip() for x in lines[i:end] if x.strip())
                cards.append(text.lstrip("[").strip())
                i = end + 1
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), cards


_CELL_SPLIT = re.compile(r"\t+|[ \u3000\u00a0]+")
MIN_TABLE_ROWS = 3  # rows of three cells or more; a two-column table needs one more
MAX_CELL_CHARS = 16


def _cells(line: str) -> list[str] | None:
    """The cells of a line that could be a row of a table typed with spaces or tabs."""
    line = line.strip()
    if not line or line[-1] in TERMINAL_PUNCT or _BULLET.match(line) or _MD_HEADING.match(line) or _TABLE_ROW.match(line):
        return None
    if _NUMBERED.match(line) or _CAPTION.match(line):  # a list's item, a figure's caption (1.  行为阶段; 图 4 某某)
        return None
    parts = _CELL_SPLIT.split(line)
    if len(parts) < 2 or any(len(p) > MAX_CELL_CHARS for p in parts):
        return None
    return parts


def space_table(lines: list[str], i: int) -> int:
    """How many lines from ``i`` form a table written as space-separated cells: the same
    number of short cells on consecutive lines, mostly Chinese or figures (not English prose)."""
    first = _cells(lines[i])
    if not first:
        return 0
    rows = [first]
    while i + len(rows) < len(lines):
        row = _cells(lines[i + len(rows)])
        if not row or len(row) != len(first):
            break
        rows.append(row)
    need = MIN_TABLE_ROWS if len(first) >= 3 else MIN_TABLE_ROWS + 1
    cells = [c for r in rows for c in r]
    wordy = sum(1 for c in cells if has_han(c) or re.fullmatch(r"[\d.,%+\-~/:×xX*]+|[A-Z]{1,4}\d*", c))
    if len(rows) < need or wordy < 0.8 * len(cells) or sum(1 for r in rows if any(has_han(c) for c in r)) < len(rows) / 2:
        return 0
    return len(rows)


def _start(ol: Tag) -> int:
    """The number of an HTML ordered list's first item (``<ol start="3">``)."""
    value = str(ol.get("start") or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else 1


def _numbered_level(lines: list[str], after: int, marked: list[int], level: int) -> int:
    """The heading level of a short numbered line (the one before ``after``), or 0 when it is a
    list's item. In text that marks its headings with '#' (levels ``marked``) such a line heads a
    part of the marked section, one level under the deepest mark, unless it stands in a run of
    numbered lines (1.  行为阶段 / 2.  所采取的行动): those are a list."""
    if len(marked) < 2:
        return level
    numbered = [k for k in (after - 2, after) if 0 <= k < len(lines) and (_NUMBERED.match(lines[k]) or _CN_NUMBERED.match(lines[k]))]
    return 0 if numbered else min(6, max(marked) + 1)


def parse_text(body: str) -> list[Block]:
    body = _DROP_ELEMENT.sub("", body)  # markup in plain text: what a browser would not show goes
    body = _BR.sub("\n", body)
    body = _TAG.sub("", body)
    lines = _paragraph_groups([plain_markdown_line(x) for x in body.split("\n")])
    # (the text marks its headings with '#' when two lines or more read as headings so: ## 一、某某。 too)
    marked = [len(m.group(1)) for x in lines if (m := _MD_HEADING.match(x)) and is_markdown_heading(m.group(2), True)]
    marked_headings = len(marked) >= 2
    blocks: list[Block] = []
    pending_list: list[str] = []
    pending_ordered = False
    pending_start = 1
    last: tuple[int, bool] = (-1, False)  # the section's last numbered line: its number, and whether it was an item
    i = 0

    def flush_list() -> None:
        nonlocal pending_list
        if pending_list:
            blocks.append(Block(LIST, items=tuple(pending_list), ordered=pending_ordered, start=pending_start if pending_ordered else 1))
        pending_list = []

    while i < len(lines):
        line = lines[i]
        if _TABLE_ROW.match(line) and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            flush_list()
            rows = [line]
            i += 2
            while i < len(lines) and _TABLE_ROW.match(lines[i]):
                rows.append(lines[i])
                i += 1
            cells = [tuple(_inline_md(c) for c in r.strip("|").split("|")) for r in rows]
            width = max(len(r) for r in cells)
            blocks.append(Block(TABLE, rows=tuple(r + ("",) * (width - len(r)) for r in cells)))
            continue
        n = space_table(lines, i)
        if n:
            flush_list()
            blocks.append(Block(TABLE, rows=tuple(tuple(_inline_md(c) for c in _cells(x)) for x in lines[i:i + n])))
            i += n
            continue
        i += 1
        m = _MD_HEADING.match(line)
        if m and is_markdown_heading(m.group(2), marked_headings):  # "# 一句话。" is text that starts with #
            flush_list()
            blocks.append(Block(HEADING, text=_inline_md(m.group(2)), level=len(m.group(1))))
            last = (-1, False)
            continue
        if m and marked_headings:  # (unless the text marks its headings so: then only the text is kept)
            line = m.group(2)
        m = _MD_QUOTE.match(line)
        if m and m.group(1).strip():
            flush_list()
            blocks.append(Block(QUOTE, items=(_inline_md(m.group(1)),)))
            continue
        m = _CN_NUMBERED.match(line)
        if m and looks_like_heading(m.group(1)) and (level := _numbered_level(lines, i, marked, 2)):
            flush_list()
            blocks.append(Block(HEADING, text=_inline_md(line), level=level))
            continue
        m = _NUMBERED.match(line)
        if m:
            text = _inline_md(m.group(3))
            number = int(m.group(1) or m.group(2))
            # (in text that marks its headings, the next number of the section's list goes on with it: 7、
            # after the list's 6、 is an item, text under it or not)
            follows = marked_headings and number == last[0] + 1
            if looks_like_heading(text) and not (follows and last[1]) and (level := _numbered_level(lines, i, marked, 3)):
                flush_list()
                blocks.append(Block(HEADING, text=_inline_md(line), level=level))
                last = (number, False)
                continue
            last = (number, True)
            if pending_list and not pending_ordered:
                flush_list()
            if not pending_list:
                pending_start = number
            pending_ordered = True
            pending_list.append(text)
            continue
        m = _BULLET.match(line)
        if m:
            if pending_list and pending_ordered:
                flush_list()
            pending_ordered = False
            if m.group(1).strip():
                pending_list.append(_inline_md(m.group(1)))
            continue
        flush_list()
        text = _inline_md(line)
        if not plain(text).strip():
            continue
        # a short bare line is a heading only in text that marks no headings of its own
        if not marked_headings and looks_like_heading(text) and i < len(lines) and not _CAPTION.match(text):
            blocks.append(Block(HEADING, text=text, level=2))
        else:
            blocks.append(Block(PARAGRAPH, text=text))
    flush_list()
    return blocks


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


def parse(raw: Raw) -> Doc:
    meta = raw.meta
    removed: tuple[Removed, ...] = ()
    if raw.is_html:
        blocks = parse_html(raw.body)
        title, site = html_title(raw.body)
        meta = replace(meta, title=meta.title or title, site=meta.site or site)
    else:
        title, body = text_title(raw.body)
        meta = replace(meta, title=meta.title or title)
        body, cards = link_cards(body)
        removed = tuple(Removed(c, "链接卡片（推广或相关文章）", "parse") for c in cards if c)
        blocks = parse_text(body)
    return Doc(source=raw.name, meta=meta, blocks=tuple(normalize_levels(blocks)), encoding=raw.encoding,
               removed=removed, stats=raw.stats, url=raw.url, page_copy=not raw.is_html and not meta.title)
