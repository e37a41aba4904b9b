"""Stage 1b, recall repair: what the extractor dropped from a page's article, put back.

trafilatura keeps the article's paragraphs but drops some of its lines: section headings,
short prose, items of lists and tables, pictures, the byline. ``recover`` puts back the page
blocks between the first and last it kept (and summary paragraphs just above them) when they
read as the article's; ``unflatten`` splits a kept paragraph that runs several page blocks
together. locate.py calls them; both read the page as its leaf blocks (element, text, folded
text) and align them to the extracted article by text.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from ..text import TERMINAL_PUNCT, fold, han_count
from .feeds import SECTION_NUMBER
from .pagetree import _OUT_BLOCKS, _text, class_says, is_avatar, link_target
from .parse import _BOLD, image_src, picture_is_icon
from .postfields import dated_line
from .rules import IMAGE_NOTICE
from .widgets import widget_lines

MIN_RECOVERED_HAN = 8  # a dropped line needs this much Han text to be put back
MIN_LEAD_HAN = 30  # ... and a lead paragraph before the first kept one this much
LEAD_WINDOW = 40  # page blocks looked at above the first kept one
MAX_LINK_SHARE = 0.3  # a recovered line is mostly not link text
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_IMAGE_SRC = re.compile(r"^(?:https?:)?//\S+$")
# a byline above the article: 作者：张三 | 2022-03-08, 文/张三, 2022-03-08 发布于…
_BYLINE = re.compile(r"^(?:作者|文|撰文|记者|编辑|来源|发布时间|发布于|author|by)\s*[:：/|丨]|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}", re.I)
MAX_BYLINE_CHARS = 60
MAX_LINKED_SHARE = 0.6  # a kept line whose page text is more link text than this is a link to elsewhere


def _icon(el) -> bool:
    return picture_is_icon(el.get("width") or "", el.get("height") or "")


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp)(?:[?#]|$)", re.I)


def _linked_away(img) -> bool:
    """A picture that is a link to another page (not to the picture itself, a larger copy)."""
    for a in img.iterancestors("a"):
        href = link_target(a)
        return bool(href) and not _IMAGE_FILE.search(href)
    return False


def _link_share(el, text: str) -> float:
    """Share of an element's text that is link text."""
    linked = sum(len(_text(a)) for a in el.xpath(".//a"))
    return linked / max(1, len(text))


_EDIT_BUTTON = re.compile(r"^\s*[\[［【]?\s*(?:编辑|編輯|编辑本段|edit)\s*[\]］】]?\s*$", re.I)


def _kept_item(block: tuple[object, str, str], lines: set[str]) -> bool:
    """A page block that is an item of a list, kept as a line of the output however short (用户登录)."""
    el, _t, k = block
    parent = el.getparent()
    return k in lines and (el.tag == "li" or (parent is not None and parent.tag == "li"))


def _bold(el, text: str) -> bool:
    """The whole line is set in bold (its bold parts say all it says)."""
    bold = "".join(_text(b) for b in el.iter(*_BOLD) if next(b.iterancestors(*_BOLD), None) is None)
    return han_count(text) >= 2 and fold(bold) == fold(text)


# a block the page's markup names a section heading by its class (subhead, sub-title, section-title, h3)
_HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:sub-?head(?:ing|line)?|sub-?title|section-?title|h[2-4])(?:$|[-_\s])", re.I)


def _named_heading(el) -> bool:
    return el.tag in ("div", "p", "span", "strong") and _HEADING_CLASS.search(el.get("class") or "") is not None


def _is_prose(text: str, lead: bool = False) -> bool:
    need = MIN_LEAD_HAN if lead else MIN_RECOVERED_HAN
    return han_count(text) >= need and text.rstrip()[-1:] in TERMINAL_PUNCT + "?？!！"


MIN_SURE_KEY = 10  # a line this long (folded) is told apart however often the page shows it


def _align(blocks: list[tuple[object, str, str]], kept: list[tuple[object, str]]) -> dict[int, int]:
    """{page block: output element} for page blocks found in the output, in order:
    each match is at or after the previous one, so text repeated elsewhere on the page
    (a comment quoting the article, a teaser) does not pull the alignment around; a short line
    the page shows more than once (a category's badge by the headline and in a list further
    down) anchors nothing. A block that is only part of an output element (lines of one
    paragraph parted by <br>) is looked for among the next few only: a blog's name in its header
    is no anchor in the credit line closing the article (本文出自“某某的笔记”博客)."""
    aligned: dict[int, int] = {}
    pos = 0
    # (nor does a poster's line with a date the page shows again: 某某 发布于 2026年1月8日 over two posts)
    shown = Counter(k for _el, t, k in blocks if len(k) < MIN_SURE_KEY or dated_line(t))
    for i, (_el, _t, k) in enumerate(blocks):
        if len(k) < 6 or shown[k] > 1:
            continue
        for j in range(pos, min(len(kept), pos + 40)):
            if k == kept[j][1] or (len(k) >= MIN_SURE_KEY and j < pos + PART_WINDOW and k in kept[j][1]):
                aligned[i] = pos = j
                break
    return aligned


PART_WINDOW = 3  # output elements looked at for a page block that is part of one


MAX_HEADING_CHARS = 40  # a numbered line this short above kept text is a section's heading
# ... numbered the way public-account articles number their parts (01 标签太多……, 02｜……, PART 3 ……)
_PART_NUMBER = r"(?:0\d|part\s*\d{1,2})"
_PADDED_NUMBER = re.compile(rf"^{_PART_NUMBER}\s*[|｜丨/／]?\s*[\u4e00-\u9fff]", re.I)
_LONE_NUMBER = re.compile(rf"^{_PART_NUMBER}$", re.I)  # ... or the number alone, its heading in the block under it


def recover(blocks: list[tuple[object, str, str]], main, summary: str = "", widgets: set[int] = frozenset()) -> int:
    """Put back prose paragraphs of ``page`` that trafilatura dropped from ``main``
    between paragraphs it kept (or right before the first one), and the article's opening
    paragraphs wherever they stand above it when the page's own ``summary`` (its meta
    description) begins with them. ``blocks`` are the page's leaf blocks as (element, text,
    folded text). Returns the index of the first page block found in the output (-1 if none)."""
    from .metaline import closing_credit
    from .rules import match_rule  # the same rules that clean applies later

    kept = [(el, fold(_text(el))) for el in main.iter(_OUT_BLOCKS)]
    kept = [(el, k) for el, k in kept if k]
    if not kept:
        return -1
    aligned = _align(blocks, kept)
    if len(aligned) < 2:
        return min(aligned, default=-1)
    first, last = min(aligned), max(aligned)
    # a line of a widget is going (widgets.drop_lines): what it holds is not kept yet (an editor's source)
    going = widget_lines(blocks, widgets)
    joined = "\n".join(k for _el, k in kept if k not in going)
    lines = {k for _el, k in kept}

    def wanted(i: int, lead: bool) -> bool:
        el, text, k = blocks[i]
        if i in widgets:  # another story's card, a form (widgets.py)
            return False
        if el.tag == "img":  # a picture of the article; one linked to another page in a row of three or
            # more is a carousel of other stories, while pictures linked nowhere are the article's gallery
            # however many stand in a row (an icon, declared smaller than a picture, is neither the
            # article's nor part of a carousel)
            row = _linked_away(el) and sum(1 for j in range(max(0, i - 2), min(len(blocks), i + 3))
                                           if blocks[j][0].tag == "img" and not _icon(blocks[j][0])) >= 3
            # (above the article, only a picture with a caption: a cover photo, not a banner or a logo)
            return ((not lead or han_count(_figure_caption(el)) >= MIN_RECOVERED_HAN) and not row
                    and _IMAGE_SRC.match(image_src(el)) is not None and not _icon(el) and not is_avatar(el))
        if len(k) < 4 or k in joined:
            return False
        if any(len(kk) >= MIN_HELD_CHARS and len(kk) < len(k) and kk in k for _el, kk in kept):
            return False  # the kept paragraphs run together: a page block whose lines are <br>-parted
        if len(text) <= MAX_BYLINE_CHARS and (_BYLINE.match(text) or closing_credit(text)):
            # its byline (author links and all): clean reads author and date from it, then drops it;
            # an editor's credit after the text clean keeps as the story's last line
            return True
        if match_rule(text) or _link_share(el, text) > MAX_LINK_SHARE:
            return False
        if lead:  # above the article: a summary paragraph
            return _is_prose(text, lead)
        if el.tag in _HEADINGS:  # trafilatura drops many section headings (above text or a list it kept)
            # ... but a run of headlines with no text under them is a list of other stories
            # (past pictures and a wiki's edit button under the heading)
            nxt = next((j for j in range(i + 1, last + 1) if blocks[j][0].tag != "img" and not _EDIT_BUTTON.match(blocks[j][1])), None)
            # (an h1 too, between kept paragraphs under the page's own h1: a column's sections set as h1s)
            return ((el.tag != "h1" or any(blocks[j][0].tag == "h1" for j in range(i))) and han_count(text) >= 2 and nxt is not None
                    and (nxt in aligned or _kept_item(blocks[nxt], lines)
                         or (blocks[nxt][0].tag not in _HEADINGS and _is_prose(blocks[nxt][1]))))
        # a numbered section heading set as a styled line (一、先回答一个问题：……) above text it kept
        # (or its number a block of its own just above it: 01 / 建群第一周，决定了80%的留存), or a
        # line set in bold as a whole (a heading the editor styled by hand: 坑1：一上来就追求加粉速度)
        numbered = SECTION_NUMBER.match(text) or _PADDED_NUMBER.match(text) or _bold(el, text) or _named_heading(el) \
            or (i > 0 and _LONE_NUMBER.match(blocks[i - 1][1].strip()) is not None)
        if numbered and len(text) <= MAX_HEADING_CHARS and text[-1] not in "。！？；;.!?，,":
            nxt = next((j for j in range(i + 1, last + 1) if blocks[j][0].tag != "img"), None)
            # (the text under it may open with a lead-in: ……设计了一套运营动作：)
            if nxt is not None and nxt in aligned and (_is_prose(under := blocks[nxt][1])
                                                        or (han_count(under) >= MIN_RECOVERED_HAN and under.rstrip()[-1:] in "：:")):
                return True
        # prose, or an item of a list or table trafilatura dropped whole (an award list, a schedule)
        return _is_prose(text) or (el.tag in ("li", "td", "dd") and han_count(text) >= 6)

    def rebuilt(i: int, lead: bool = False):
        nonlocal joined
        el, text, k = blocks[i]
        if el.tag == "img":
            new = etree.Element("img", src=image_src(el))
            # a linked picture's alt text is often another story's headline; an article picture's is its caption
            if el.get("alt") and not el.xpath("ancestor::a"):
                new.set("alt", el.get("alt"))
            # ... but the caption its figure shows readers says more, put back with it when no sentence ends
            # it (……批发价格明显上扬。记者某某／摄影: a caption that is prose comes back as a line of its own,
            # except above the article, where only the picture comes back)
            caption = _figure_caption(el)
            if han_count(caption) >= MIN_RECOVERED_HAN and (lead or not _is_prose(caption)) and fold(caption) not in joined \
                    and _says_more(caption, new.get("alt") or ""):
                new.set("alt", caption)
                joined += "\n" + fold(caption)  # (its own box, further down, is not put back as a line too)
            return new
        heading = el.tag in _HEADINGS or (_named_heading(el) and len(text) <= MAX_HEADING_CHARS)
        new = etree.Element((el.tag if el.tag in _HEADINGS else "h3") if heading else "p")
        new.text = text
        return new

    # lead paragraphs above the first kept one (a summary above an info box), up to a menu
    leads = []
    for i in range(first - 1, max(-1, first - LEAD_WINDOW), -1):
        el, text, _k = blocks[i]
        if el.tag != "img" and _link_share(el, text) > 0.5 and len(el.xpath(".//a")) >= 2:
            break
        if wanted(i, lead=True):
            leads.append(i)
    # an encyclopedia's summary above a picture gallery, a contents list and an info box: the
    # paragraphs the page's description is made of, in order
    # (a cover picture alone above the article is no lead paragraph)
    opening = [] if any(blocks[i][0].tag != "img" for i in leads) else _described(blocks, first, summary, joined)
    for i in sorted(set(leads) | set(opening)):  # in the page's order
        new = rebuilt(i, lead=i in leads)
        if i in opening:
            new.set(RECOVERED, "")  # a page block of its own: unflatten leaves it whole
        kept[0][0].addprevious(new)
        joined += "\n" + blocks[i][2]
    anchor = None  # the output element after which the next recovered one goes
    for i in range(first, last):
        if i in aligned:
            anchor = kept[aligned[i]][0]
            continue
        if not wanted(i, lead=False):
            continue
        new = rebuilt(i)
        _outside_list(anchor, blocks[i][0]).addnext(new)
        anchor = new
        joined += "\n" + blocks[i][2]
    # the editor's credit right after the last paragraph (责任编辑：张三): the story's last line
    credit = next((i for i in range(last + 1, min(len(blocks), last + 1 + CREDIT_WINDOW)) if closing_credit(blocks[i][1])), None)
    if credit is not None and blocks[credit][2] not in joined:
        kept[aligned[last]][0].addnext(rebuilt(credit))
    return first


# a box the page's markup calls a picture's caption (image-caption, pic-desc, img_note)
_CAPTION_CLASS = re.compile(r"(?:^|[-_])(?:caption|(?:img|image|pic|photo)[-_]?(?:desc(?:r|ription)?|note|txt|text|title))(?:$|[-_])",
                            re.I)


def _says_more(caption: str, alt: str) -> bool:
    """Whether a picture's caption says more than its alt text: not when all it adds is the
    picture's credit (行途智驾第四代无人配送车 图片来源：企业供图 over 行途智驾第四代无人配送车)."""
    credit = IMAGE_NOTICE.search(caption)
    own = caption[:credit.start()] if credit and credit.start() > 0 else caption  # (题图：… labels, credits nothing)
    return fold(own.strip(" （(【[")) not in fold(alt)


def _figure_caption(img) -> str:
    """The caption of the figure holding picture ``img`` ("" when it has none): its figcaption, or
    a box its class calls a caption right after the picture or after the box holding it alone
    (div.image-wrapper + div.image-caption)."""
    figure = next(img.iterancestors("figure"), None)
    caption = figure.find(".//figcaption") if figure is not None else None
    if caption is None:
        holder = img.getparent()
        for el in (img, holder if holder is not None and len(holder) == 1 else None):
            nxt = el.getnext() if el is not None else None
            if nxt is not None and isinstance(nxt.tag, str) and class_says(nxt, _CAPTION_CLASS):
                caption = nxt
                break
    return " ".join(_text(caption).split()) if caption is not None else ""


_ITEMS = ("li", "dd", "dt", "td", "th")


def _outside_list(anchor, page_el):
    """Where a block recovered after ``anchor`` goes: after it, or after the list or table that
    holds it when the block is no item itself (a heading under a list is not its last item)."""
    if anchor.tag in _ITEMS and page_el.tag not in _ITEMS:
        return next(anchor.iterancestors("ul", "ol", "dl", "table"), anchor)
    return anchor


MIN_HELD_CHARS = 20  # a kept paragraph this long inside a page block makes that block a run of kept ones
CREDIT_WINDOW = 2  # page blocks after the article's last one that may hold its editor's credit
RECOVERED = "data-opskb-recovered"  # marks a paragraph recover put back whole (removed after unflatten)
MIN_SUMMARY_HAN = 20  # a description this long, begun by a paragraph above the article, names its opening
MIN_SUMMARY_PIECE = 10  # ... and a paragraph after it continues it with at least this many characters
SUMMARY_MATCH = 20  # characters a paragraph must share with the rest of the description to go on with it


def _described(blocks: list[tuple[object, str, str]], first: int, summary: str, joined: str) -> list[int]:
    """The page blocks above ``first`` that the description is made of: one it begins with,
    and the ones after it that go on with it (it may stop short: 华语流行乐……2008年发行专辑…)."""
    want = fold(re.sub(r"(?:\.{3}|…+)$", "", summary.strip()))
    if han_count(want) < MIN_SUMMARY_HAN:
        return []
    start = next((i for i in range(first) if len(blocks[i][2]) >= MIN_SUMMARY_PIECE and blocks[i][0].tag != "img"
                  and want.startswith(blocks[i][2]) and blocks[i][2] not in joined and _is_prose(blocks[i][1])), None)
    if start is None:
        return []
    found, rest = [start], want[len(blocks[start][2]):]
    for i in range(start + 1, first):
        k = blocks[i][2]
        if len(rest) < MIN_SUMMARY_PIECE or blocks[i][0].tag == "img" or k in joined:
            break
        if rest.startswith(k):
            found.append(i)
            rest = rest[len(k):]
            continue
        # a paragraph the description goes on with, but differs from further on (its citation
        # marks [1-2], or the description's end): the last one it is made of
        if k[:SUMMARY_MATCH] == rest[:SUMMARY_MATCH]:
            found.append(i)
        break
    return found
MIN_FLATTENED_BLOCKS = 2
MAX_FLATTENED_GAP = 12  # page blocks looked at beyond the first and last found in the paragraph
MIN_FLATTENED_COVER = 0.9


MAX_INLINE_CODE_CHARS = 80  # a code span inside a sentence is one short line


def rejoin_inline_code(main) -> int:
    """Put code spans trafilatura set apart as blocks of code back inside their sentence: a
    one-line <pre> the sentence runs on after (初始化成 <pre>{name: ''}</pre>。后来……) becomes a <code>
    in the paragraph before it (or in a new one). Returns how many were put back."""
    joined = 0
    for pre in list(main.iter("pre")):
        text = pre.text_content()
        if len(pre) or "\n" in text.strip() or len(text) > MAX_INLINE_CODE_CHARS or not (pre.tail or "").strip():
            continue  # a block of code, standing alone
        prev = pre.getprevious()
        if prev is None or prev.tag != "p":
            prev = etree.Element("p")
            pre.addprevious(prev)
        code = etree.SubElement(prev, "code")
        code.text, code.tail = text, pre.tail
        pre.tail = None
        pre.getparent().remove(pre)
        joined += 1
    return joined


def unflatten(blocks: list[tuple[object, str, str]], main) -> int:
    """A kept paragraph that runs several of the page's own blocks together (trafilatura
    flattened a post whose text is not in paragraphs: name, date, title, text, counters)
    becomes those blocks again, so each is a line of its own for the rules. Only when the
    blocks hold the paragraph's whole text; a paragraph recover put back is one block already.
    Returns how many paragraphs were split."""
    kept = [(el, fold(_text(el))) for el in main.iter("p") if el.get(RECOVERED) is None]
    kept = [(el, k) for el, k in kept if k]
    spans: dict[int, list[int]] = {}
    for i, j in _align(blocks, kept).items():
        spans.setdefault(j, []).append(i)
    split = 0
    for j, found in spans.items():
        if len(found) < MIN_FLATTENED_BLOCKS:
            continue
        out, whole = kept[j]
        start, end = _widen(blocks, min(found), -1, whole), _widen(blocks, max(found), 1, whole)
        # the blocks the paragraph runs together, in the page's order; not those between them it
        # left out (a post's comments) or only quotes (a name it says once, an info box says twice)
        parts = _in_order([(el, text) for el, text, k in blocks[start:end + 1] if k and el.tag != "img"], whole)
        if sum(len(fold(t)) for _el, t in parts) < MIN_FLATTENED_COVER * len(whole) or out.getparent() is None:
            continue
        if 2 * sum(len(t) for el, t in parts if _link_share(el, t) > MAX_LINKED_SHARE) >= sum(len(t) for _el, t in parts):
            continue  # a list of links run together (most of its text linked): one line, as the rules saw it
        for el, text in parts:
            new = etree.Element(el.tag if el.tag in _HEADINGS else "p")
            new.text = text
            out.addprevious(new)
        out.drop_tree()
        split += 1
    return split


def _in_order(parts: list[tuple[object, str]], whole: str) -> list[tuple[object, str]]:
    """The ``parts`` that stand in ``whole`` one after another, each after the one before it."""
    at, out = 0, []
    for el, text in parts:
        found = whole.find(key := fold(text), at)
        if found >= 0:
            out.append((el, text))
            at = found + len(key)
    return out


def _widen(blocks: list[tuple[object, str, str]], at: int, step: int, whole: str) -> int:
    """The farthest page block from ``at`` (one way) whose text is still part of ``whole``,
    pictures and empty blocks passed over."""
    last, i = at, at + step
    while 0 <= i < len(blocks) and abs(i - at) <= MAX_FLATTENED_GAP:
        k = blocks[i][2]
        if k:
            if k not in whole:
                break
            last = i
        i += step
    return last
