"""Stage 2, for text: a plain-text or Markdown dump's lines into structural blocks.

Line patterns decide: Markdown headings (``#``) and, in text that marks none, short
unpunctuated or numbered lines become headings; bullets and numbered lines become lists
(a numbered list keeps its first number); Markdown tables and tables typed with spaces
become tables; Markdown links, images, escapes and template tags are reduced to what a
reader sees. ``tidy_inline`` (whitespace as a browser collapses it) serves the HTML side too.
"""

from __future__ import annotations

import re

from ..records import BOLD_CLOSE, BOLD_OPEN, HEADING, LIST, PARAGRAPH, QUOTE, TABLE, Block, plain
from ..text import CJK_CHAR, HAN_CHAR, TERMINAL_PUNCT, has_han

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u3000]+")
_MARKERS = BOLD_OPEN + BOLD_CLOSE
# spaces and source line breaks between CJK characters (bold markers count as CJK here)
_GAP_BETWEEN_CJK = re.compile(rf"(?<={CJK_CHAR})[ \n]+(?={CJK_CHAR})")
_HAN_LETTER = re.compile(rf"(?![{_MARKERS}]){HAN_CHAR}")
_EMPTY_BOLD = re.compile(f"{BOLD_OPEN}\\s*{BOLD_CLOSE}")


def tidy_inline(text: str, keep_cjk_spaces: bool = False) -> str:
    """Collapse whitespace the way a browser would. In plain text a space between two CJK
    characters was typed and stays. In HTML a line break between them is only source
    formatting and goes, and so does a space beside CJK punctuation; a space or two between
    Han words on one line was meant (two names, the halves of a headline) and stays as one."""
    text = _SPACES.sub(" " if keep_cjk_spaces else _space_or_break, text)
    text = _EMPTY_BOLD.sub("", text)
    # whitespace just inside bold markers belongs outside them
    text = re.sub(f"{BOLD_OPEN}([ \n]+)", lambda m: m.group(1) + BOLD_OPEN, text)
    text = re.sub(f"([ \n]+){BOLD_CLOSE}", lambda m: BOLD_CLOSE + m.group(1), text)
    if keep_cjk_spaces:
        return _SPACES.sub(" ", text).strip()
    text = _GAP_BETWEEN_CJK.sub(_cjk_gap, text)
    return _SPACES.sub(" ", text).strip()


def _space_or_break(m: re.Match) -> str:
    return "\n" if "\n" in m.group(0) or "\r" in m.group(0) else " "


def _cjk_gap(m: re.Match) -> str:
    """A run of spaces and source line breaks between two CJK characters (bold markers
    looked through): one space when it holds no line break and words of Han letters stand
    on both sides, else nothing. Letters spaced out one by one (目 录, a headline set
    wide) are one word: a single letter on both sides closes up."""
    if "\n" in m.group(0):
        return ""
    left, right = _han_run(m.string, m.start() - 1, -1), _han_run(m.string, m.end(), 1)
    return " " if left and right and max(left, right) > 1 else ""


def _han_run(s: str, at: int, step: int) -> int:
    """How many Han letters stand in a row from ``at`` going ``step`` (bold markers skipped)."""
    n = 0
    while 0 <= at < len(s) and (s[at] in _MARKERS or _HAN_LETTER.match(s[at])):
        n += s[at] not in _MARKERS
        at += step
    return n


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
_CAPTION = re.compile(r"^(?:图|表|fig(?:ure)?\.?|table)\s*\d|^.{0,16}(?:截图|截屏|示意图|效果图|配图|图示)$", re.I)  # (淘宝店铺截图)
# a story's credit line, no section's heading: its reporter (记者张三／台北报导, （本报记者 张三 李四）) or the
# printed paper it ran in (《某某日报》（2024年05月10日 04版）)
_CREDIT_LINE = re.compile(r"^[【\[（(]\s*(?:本[报報台网網]|[总總]台)?\S{0,4}?[记記]者\s*[^】\]）)]{2,20}[】\]）)]$"
                          r"|^[记記]者\s*\S{2,4}(?:[、，,]\s*\S{2,4})*\s*[／/╱]\s*\S{1,8}(?:[报報][导導道]|[电電])$"
                          r"|^本[报報台][记記]者(?:\s+\S{1,4}){1,4}$|^《[^》]{2,12}》\s*[（(][^（）()]*\d+\s*版[）)]$")


_HAN_GAP = re.compile(r"[\u4e00-\u9fff][ \u3000]+(?=[\u4e00-\u9fff])")
_WIDE_GAP = re.compile(r"\S[ \u3000]{2,}(?=\S)")
MIN_MENU_GAPS = 2  # spaces between Han words in a line that make it a row of words (a menu), not prose


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
            # (a menu's words with spaces between, a ticker's figures with wide gaps: no prose wrapped)
            and len(_HAN_GAP.findall(out[-1])) < MIN_MENU_GAPS and not _WIDE_GAP.search(out[-1])
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
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~=])")
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
        if not marked_headings and looks_like_heading(text) and i < len(lines) and not _CAPTION.match(text) \
                and not _CREDIT_LINE.match(plain(text).strip()):
            blocks.append(Block(HEADING, text=text, level=2))
        else:
            blocks.append(Block(PARAGRAPH, text=text))
    flush_list()
    return blocks
