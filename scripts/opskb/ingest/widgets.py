"""Parts of a whole page that are not the article, told by their form, whatever they are
called: lists of other stories, forms, ad cards, controls, popups and recommended stories.

**Other stories.**
A news page or a portal sets other stories around the article (其他人也在看, 热门文章, a
stream that loads the next stories under it, a sidebar of most-read items) as a run of
cards of one make: sibling elements of the same tag, each holding one headline that is a
link of its own to another page (a line of its own, not a word linked inside a sentence),
perhaps a picture, a date and a short summary. The extractor often keeps such a run with
the article, or recovery puts its summaries back, since they read like prose.

A run counts when at least MIN_CARDS such cards stand next to each other (siblings of
another tag between them break the run, so an article's paragraphs interleaved with cards
of the books or films it discusses are not a run); when CARD_SHARE of a run of siblings
are cards, the whole run is the list (a story with a longer summary, an ad among them). An
article's own list of links with a sentence each (a tool, then what it does) has links
that are a part of their line, so its items are not cards.

**Forms.** A box for sending the story to a friend, for a comment or a search holds text
fields, and its labels (收件人 Email, 你的姓名, 讯息) read as short lines. The largest part
of the page around a text field that holds no sentence, up to MAX_FORM_CHARS, is the form
(a page built as one form, as ASP.NET pages are, holds the article's sentences: not it);
a search box's list of suggestions (short entries, no sentence) is the form's however long.
An editor that grows with its text mirrors the field in a ``pre`` beside it: that source
(Markdown and all) is the form's too, not the post the page shows.

**Ad cards.** An ad set among the text (a product card inside a forum answer) says so with a
line of its own (广告, 推广, AD) beside a picture, a name and a price, all of it one link, or a
search ad's headline, line of copy and address; the largest part around that label holding a
sentence at most and little text is the card.

**Controls.** An element the page marks as a control for its scripts (``role="button"``, a menu
item) holding a button's few words is no text of the article, nor is a wrapper saying only that.

**Popups.** A short box whose class says it shows on hover or click (``fox-hover-wrap``,
``tooltip``, ``popover``) explains a badge or shows a user's card: not the article.

**Recommended stories.** A part whose class or id says recommend or related, not holding the
page's first headline, is the next story a page appends under the article, or a list of them.

**Side columns.** A box whose class or id calls it a side, beside a box holding far more text,
is the page's side column (a card of the author, hot lists), not the article.
"""

from __future__ import annotations

import re

from ..text import fold, han_count
from .pagetree import _text, class_says, link_target

MIN_CARDS = 3  # cards of one make in a row
CARD_SHARE = 2 / 3  # of a run of siblings of one tag: the whole run is a list of stories
MAX_CARD_CHARS = 400  # a card's whole text: a headline, a date, a short summary
MIN_HEADLINE_HAN = 6
HEADLINE_SHARE = 0.6  # the link's share of the line it stands on
_LINE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "dt", "dd", "td", "section", "article"})
_SENTENCE_END = re.compile(r"[。！？!?]")


def _headline_link(card) -> bool:
    """Whether ``card`` holds a headline that is a link to another page standing as a line of its own."""
    for a in card.iter("a"):
        if not link_target(a):
            continue
        text = _text(a)
        if han_count(text) < MIN_HEADLINE_HAN:
            continue
        line = a.getparent()
        while line is not None and line is not card and line.tag not in _LINE_TAGS:
            line = line.getparent()
        if len(text) >= HEADLINE_SHARE * len(_text(line if line is not None else card)):
            return True
    return False


def story_cards(page) -> set:
    """The elements of ``page`` that are cards in a run of other stories (siblings of one
    tag: a stream's stories and its ads may differ in class)."""
    cards: set = set()
    for parent in page.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_CARDS:
            continue
        run: list = []  # element siblings of one tag in a row
        for child in [*[c for c in parent if isinstance(c.tag, str)], None]:
            if child is not None and run and child.tag == run[0].tag:
                run.append(child)
                continue
            if len(run) >= MIN_CARDS:
                cards.update(_card_runs(run))
            run = [child] if child is not None else []
    return cards


def _card_runs(siblings: list) -> list:
    """The siblings that are cards standing MIN_CARDS or more in a row; all of them when
    CARD_SHARE of them are cards (a stream's story with a longer summary, an ad). A sibling
    that is longer than any card, or holds MIN_PROSE_SENTENCES sentences and no headline (the
    article beside its sidebar, however short), parts the runs and stays."""
    out, segment, cards = [], [], set()
    for el in [*siblings, None]:
        kind = _kind(el) if el is not None else PROSE
        if kind != PROSE:
            segment.append(el)
            if kind == CARD:
                cards.add(el)
            continue
        if len(cards) >= MIN_CARDS and len(cards) >= CARD_SHARE * len(segment):
            out.extend(segment)
        else:
            out.extend(_in_a_row(segment, cards))
        segment, cards = [], set()
    return out


MIN_PROSE_SENTENCES = 3
PROSE, CARD = "prose", "card"


def _kind(el) -> str:
    """PROSE (text of its own: longer than any card, or sentences without a linked headline),
    CARD (a linked headline with little around it) or "" (neither)."""
    text = _text(el)
    if len(text) > MAX_CARD_CHARS * 2:
        return PROSE
    headline = _headline_link(el)
    if not headline and len(_SENTENCE_END.findall(text)) >= MIN_PROSE_SENTENCES:
        return PROSE
    return CARD if headline and len(text) <= MAX_CARD_CHARS else ""


def _in_a_row(siblings: list, cards: set) -> list:
    out, run = [], []
    for el in [*siblings, None]:
        if el is not None and el in cards:
            run.append(el)
            continue
        if len(run) >= MIN_CARDS:
            out.extend(run)
        run = []
    return out


MAX_FORM_CHARS = 300
_TEXT_FIELDS = frozenset({"", "text", "email", "search", "password", "tel", "url", "number"})


def _widest(el, fits, stop=None, sentences: int = 0):
    """The largest of ``el``'s ancestors, below ``stop`` and the page's body, that holds no more
    than ``sentences`` sentences and ``fits`` (``fits(ancestor, its text)``); None when its parent
    already does not."""
    top = None
    for anc in el.iterancestors():
        if anc is stop or anc.tag in ("body", "html"):
            break
        text = _text(anc)
        if len(_SENTENCE_END.findall(text)) > sentences or not fits(anc, text):
            break
        top = anc
    return top


def forms(page) -> set:
    """The parts of ``page`` that are forms (see above)."""
    found = set()
    for field in page.iter("input", "textarea", "select"):
        if field.tag == "input" and (field.get("type") or "").strip().lower() not in _TEXT_FIELDS:
            continue  # a checkbox of a task list, a hidden value, a button
        top = _widest(field, lambda anc, text: len(text) <= MAX_FORM_CHARS or _suggestions(anc, text))
        if top is not None:
            found.add(top)
        if field.tag == "textarea" and field.getparent() is not None:
            # an editor that grows with its text mirrors it in a pre beside the field: its source (Markdown
            # and all), not what the page shows as the post
            found.update(el for el in field.getparent() if el.tag == "pre")
    return found


MAX_AD_CHARS = 160  # (a search ad: its headline, a line of copy and its address)
MAX_AD_SENTENCES = 1  # ... the copy may be a sentence
# the label an ad card carries (广告, 推广, 赞助, AD), a line of its own
AD_LABEL = re.compile(r"^(?:广告|推广|赞助|广告位|Ad|AD|Sponsored)$")


def ad_label(el) -> bool:
    """``el`` is a line that only says 广告 (推广, AD): an ad's label."""
    return isinstance(el.tag, str) and AD_LABEL.match(_text(el)) is not None and not any(_text(c) for c in el)


def ads(root) -> set:
    """The ad cards of ``root``: around a line that only says 广告 (推广, AD), the largest part
    holding at most a sentence of copy and MAX_AD_CHARS of text, when it is or holds a link or a picture
    (a product's picture, name and price)."""
    found = set()
    for label in root.iter():
        if not ad_label(label):
            continue
        top = _widest(label, lambda _anc, text: len(text) <= MAX_AD_CHARS, stop=root, sentences=MAX_AD_SENTENCES)
        if top is not None and (top.tag in ("a", "img") or top.find(".//a") is not None or top.find(".//img") is not None
                                or next(top.iterancestors("a"), None) is not None):
            found.add(top)
    return found


MAX_CTA_BUTTON_CHARS = 10  # a link this short closing a box is its button (免费试用14天, 立即预约)
MIN_CARD_LINES = 2  # ... under this many lines of copy (a post's line and its 回复 link are no box)
_BOX_TAGS = frozenset({"div", "section", "aside"})


_CLOSE_MARKS = ("×", "✕", "✖", "╳", "X", "x", "关闭")
_COPY_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6")


def _copy_lines(el) -> int:
    """The lines of copy ``el`` holds: its blocks of text (a box of a title and a subtitle), or itself."""
    return max(1, sum(1 for d in el.iterdescendants(*_COPY_BLOCKS) if (d.text or "").strip()))


def calls_to_act(page) -> set:
    """Boxes that end in a button: lines of copy (还在用表格做会员分层？ / 某某系统一键生成……)
    over a short link that closes the box, at most a sentence and MAX_AD_CHARS in all: a banner
    sending readers to a product's trial or sign-up, wherever it stands (inside the article too)."""
    found = set()
    for a in page.iter("a"):
        box = a.getparent()
        text = _text(a)
        if box is None or box.tag not in _BOX_TAGS or not (2 <= len(text) <= MAX_CTA_BUTTON_CHARS) \
                or _SENTENCE_END.search(text) or (a.tail or "").strip():
            continue
        lines = [c for c in box if isinstance(c.tag, str) and _text(c)]
        while len(lines) > 1 and _text(lines[-1]) in _CLOSE_MARKS:  # (the box's close mark after its button)
            lines.pop()
        whole = _text(box)
        if lines and lines[-1] is a and sum(map(_copy_lines, lines[:-1])) >= MIN_CARD_LINES \
                and all(c.tag != "a" for c in lines[:-1]) and len(whole) <= MAX_AD_CHARS \
                and len(_SENTENCE_END.findall(whole)) <= MAX_AD_SENTENCES and not (box.text or "").strip():
            found.add(box)
    return found


# a figure a forum's or a member's card shows (关注：32,418, 贴子 186,952, 12,483 位读者)
_FIGURE_WORDS = r"(?:关注|贴子|帖子|主题|粉丝|成员|会员|读者|订阅|用户在线|在线)"
_FIGURE = re.compile(rf"{_FIGURE_WORDS}\s*[:：]?\s*\d[\d,.]*[万千kKw]?|\d[\d,.]*[万千kKw]?\s*(?:位|个|人)?\s*{_FIGURE_WORDS}")
_CLAUSE = re.compile(r"[，。！？!?；;]|,(?!\d)")  # (figures a sentence states are the story's; 32,418 is one figure)
MIN_FIGURES = 2
MAX_FIGURES_CHARS = 60  # the part holding the figures says little else (a name, a follow button)
MAX_FIGURE_CARD_CHARS = 160  # ... and the card around it: a name, its figures, a slogan and a menu


def figure_cards(page) -> set:
    """A forum's or a member's card: around a part showing two or more of its figures (关注：32,418
    贴子：186,952), the largest part holding no sentence and at most MAX_FIGURE_CARD_CHARS (the bar's
    name, its slogan, its menu), never the story: its text says at least one sentence."""
    found = set()
    for el in page.iter("span", "div", "p", "li"):
        text = _text(el)
        if len(text) > MAX_FIGURES_CHARS or len(_FIGURE.findall(text)) < MIN_FIGURES or _CLAUSE.search(text) \
                or any(len(_FIGURE.findall(_text(c))) >= MIN_FIGURES for c in el if isinstance(c.tag, str)):
            continue  # (the innermost part holding them)
        card = _widest(el, lambda _anc, t: len(t) <= MAX_FIGURE_CARD_CHARS, sentences=0)
        found.add(card if card is not None else el)
    return found


MAX_SECTION_LABEL_CHARS = 60  # a comments section's header: its label and its count (已有 15 条评论 网友评论)
MIN_SECTION_BLOCKS = 3  # ... over its list: the header and two blocks at least


def labelled_sections(blocks: list[tuple[object, str, str]], is_label, min_above: int = 0) -> set:
    """The parts of a page a label opens (``is_label(text)``: 网友评论, 全部评论): around the label's
    header, the largest part whose first line is in that header, when it holds more than the header
    and the page says at least ``min_above`` Han characters above it (an article's comments, not a
    video's or a post's, which are the page's text)."""
    found = set()
    above = 0  # Han characters of the paragraphs above (labels and short lines not counted)
    for n, (el, text, _k) in enumerate(blocks):
        if len(text) > MAX_SECTION_LABEL_CHARS:
            above += _prose_han(text)
            continue
        if not text or above < min_above or not is_label(text):
            continue
        header = el.getparent() if el.getparent() is not None and len(_text(el.getparent())) <= MAX_SECTION_LABEL_CHARS else el
        opened = set(header.iter())
        section = None
        for anc in header.iterancestors():
            if anc.tag in ("body", "html"):
                break
            i = n  # (back to the first page block inside it)
            while i > 0 and (blocks[i - 1][0] is anc or anc in blocks[i - 1][0].iterancestors()):
                i -= 1
            if blocks[i][0] not in opened:
                break
            section = anc
        if section is not None and sum(1 for b, t, _k in blocks[n:] if t and section in b.iterancestors()) >= MIN_SECTION_BLOCKS:
            found.add(section)
    return found


def _prose_han(text: str) -> int:
    """The Han characters a page block counts with as prose above a section (labels and
    short lines not counted)."""
    return han_count(text) if len(text) > MAX_SECTION_LABEL_CHARS else 0


def below_article(blocks: list[tuple[object, str, str]], boxes: list, min_above: int) -> set:
    """Those of ``boxes`` (a page's comment boxes, as its markup names them) that stand below an
    article: the page says at least ``min_above`` Han characters of prose above the box's first
    block, as ``labelled_sections`` counts them. A story's readers' comments are not its text; a
    video's, a question's or a short post's comments are the page's."""
    found, seen, above = set(), set(), 0
    if not boxes:
        return found
    ids = {id(b) for b in boxes}
    for el, text, _k in blocks:  # (the box holding a block: the block itself or its nearest ancestor among the boxes)
        box = next((a for a in (el, *el.iterancestors()) if id(a) in ids), None)
        if box is None:
            above += _prose_han(text)
        elif id(box) not in seen:
            seen.add(id(box))
            if above >= min_above:
                found.add(box)
    return found


MAX_CONTROL_CHARS = 10
_CONTROL_ROLES = frozenset({"button", "menuitem", "tab", "switch"})


MAX_COUNTED_CONTROL_CHARS = 16
# a glyph of an icon font or sprite: an empty <i>/<span> a class names an icon (iconfont icon-same, fa fa-heart), or an <svg>
_ICON_CLASS = re.compile(r"(?:^|[-_])(?:icon|iconfont|fa|glyphicon|ico)(?:$|[-_])", re.I)
_COUNTED = re.compile(r"\S\s*(?:[(（]\s*\d[\d,.]*\s*[万kKwW]?\s*[)）]|\d[\d,.]*\s*[万kKwW]?)$")  # 我也有这个问题（27）, 收藏 1.2万


def _icon_led(el) -> bool:
    """An icon glyph first, then a few words: how a page draws a button."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or (el.text or "").strip() or _text(first):
        return False
    if not (first.tag == "svg" or (first.tag in ("i", "span", "em") and class_says(first, _ICON_CLASS))):
        return False
    return 0 < len(_text(el)) <= MAX_COUNTED_CONTROL_CHARS


def _icon_button(el) -> bool:
    """An icon glyph, then a few words and a count: a button with its tally (同问（27）, ♥ 收藏 12);
    or a row of icon-led labels, one of them counted (浏览 1,208 | 收藏问题 | 同问（27）)."""
    if _icon_led(el):
        return bool(_COUNTED.search(_text(el)))
    row = [c for c in el if isinstance(c.tag, str)]
    return len(row) >= 2 and not (el.text or "").strip() and all(_icon_led(c) and not (c.tail or "").strip() for c in row) \
        and any(_COUNTED.search(_text(c)) for c in row)


def controls(page) -> set:
    """What the page marks as a control for its scripts (role="button": 管理, 收藏) and holds no
    more than a button's words, or shows as one (an icon, then a label and its count: 我也有这个
    问题（27）), with the wrappers around it that say nothing else."""
    found = set()
    for el in page.xpath("//*[@role]|//*[*[1][self::i or self::span or self::em or self::svg]]|//*[*[2]]"):
        if (el.get("role") or "").strip().lower() in _CONTROL_ROLES:
            text = _text(el)
            if len(text) > MAX_CONTROL_CHARS:
                continue
        elif _icon_button(el):
            text = _text(el)
        else:
            continue
        while el.getparent() is not None and el.getparent().tag not in ("body", "html") and _text(el.getparent()) == text:
            el = el.getparent()
        found.add(el)
    return found


MAX_POPUP_CHARS = 200
# a class that names a box shown only on hover or click (fox-hover-wrap, tooltip, popover, popup)
_POPUP_CLASS = re.compile(r"(?:^|[-_])(?:hover|tooltip|tooltips|popover|popup)(?:$|[-_])", re.I)


def popups(page) -> set:
    """Boxes the page shows only when a reader hovers or clicks (a badge's explanation, a
    user's card): a class names them so; short, with no picture."""
    found = set()
    for el in page.xpath("//*[@class]"):
        if class_says(el, _POPUP_CLASS) and len(_text(el)) <= MAX_POPUP_CHARS and el.find(".//img") is None:
            found.add(el)
    return found


_NOTICE_CLASS = re.compile(r"(?:^|[-_])(?:notice|announcement|announce|alert)(?:$|[-_])", re.I)
MAX_NOTICE_CHARS = 120


def notices(page) -> set:
    """A site's notice above the page's headline (an alert bar: 某某社区年度聚会报名已开启): short,
    no picture, its class says notice or alert, standing wholly before the headline: the first h1
    outside the page's header (a forum's sticky header repeats the topic's title in an h1) that the
    <title> holds (a document's h1 over its first section is no headline, its alert box its text)."""
    title = fold(" ".join(_text(t) for t in page.iter("title")))
    h1 = next((h for h in page.iter("h1") if next(h.iterancestors("header", "nav"), None) is None
               and (k := fold(_text(h))) and k in title), None)
    if h1 is None:
        return set()
    holders = set(h1.iterancestors())
    found = set()
    for el in page.iter():
        if el is h1:
            break
        if isinstance(el.tag, str) and el not in holders and class_says(el, _NOTICE_CLASS) and len(_text(el)) <= MAX_NOTICE_CHARS \
                and el.find(".//img") is None:
            found.add(el)
    return found


MAX_SIGNATURE_CHARS = 200
# a class that names a poster's signature under their post (signature, signatures, sign, post_sign,
# signaturecontainer): the last part of the name says so (not sign-in, signup)
_SIGNATURE_CLASS = re.compile(r"^(?:\w*[-_])?(?:signature\w*|sign|sig)$", re.I)


def signature_box(el) -> bool:
    """A box a class names as the poster's signature, short: not what they wrote in the post."""
    return class_says(el, _SIGNATURE_CLASS) and len(_text(el)) <= MAX_SIGNATURE_CHARS


def signatures(page) -> set:
    """The signatures on the page (signature_box): a poster's under a post, an author's line on a
    profile card (p.author-signature: 十年门店私域操盘手｜每天一个可落地的私域方法)."""
    return {el for el in page.xpath("//*[@class]") if signature_box(el)}


MAX_SUGGESTIONS_CHARS = 2000
MAX_SUGGESTION_CHARS = 30


def _suggestions(el, text: str) -> bool:
    """A search box's list of suggestions (trending searches): many short entries, no sentence."""
    return len(text) <= MAX_SUGGESTIONS_CHARS and all(
        len(_text(x)) <= MAX_SUGGESTION_CHARS for x in el.iter() if isinstance(x.tag, str) and not len(x))


# a class or id that names other stories offered after the article (detail-content__recommend--wrapper,
# related-posts, relate-list)
_ELSEWHERE_CLASS = re.compile(r"(?:^|[-_])(?:recommend\w*|related|relate)(?:$|[-_])", re.I)


def recommended(page) -> set:
    """Parts the page names as other stories it recommends (a class or id saying recommend or related),
    when they do not hold the page's first headline: the next story a page appends under the article."""
    first_h1 = next(page.iter("h1"), None)
    found = set()
    for el in page.xpath("//*[@class or @id]"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        if any(_ELSEWHERE_CLASS.search(n) for n in names) and el.tag not in ("body", "html") \
                and (first_h1 is None or not any(h is first_h1 for h in el.iter("h1"))):
            found.add(el)
    return found


_SIDE_CLASS = re.compile(r"(?:^|[-_])(?:side|sidebar|aside)(?:$|[-_])", re.I)
_COLUMN_TAGS = ("div", "section", "article", "main")
SIDE_SHARE = 2  # the column beside a side box holds this many times its text, or more
MIN_COLUMN_HAN = 200


def sidebars(page) -> set:
    """Side columns: a box whose class or id calls it a side (qa-side, sidebar, side-box) standing
    beside a column of the page's own (a sibling box holding SIDE_SHARE times its text): an
    expert's card, the hot lists and the app's code beside a question and its answer. A note
    box within an article stands among its paragraphs, not beside a column."""
    found = set()
    for el in page.iter("div", "aside", "section"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        parent = el.getparent()
        if parent is None or not any(_SIDE_CLASS.search(n) for n in names):
            continue
        own = han_count(_text(el))
        if any(isinstance(s.tag, str) and s.tag in _COLUMN_TAGS and s is not el
               and (han := han_count(_text(s))) >= MIN_COLUMN_HAN and han >= SIDE_SHARE * own for s in parent):
            found.add(el)
    return found


def inside(blocks: list[tuple[object, str, str]], parts: set) -> set[int]:
    """The page blocks (locate's: element, text, folded text) that stand inside one of ``parts``."""
    if not parts:
        return set()
    return {i for i, (el, _t, _k) in enumerate(blocks) if el in parts or any(a in parts for a in el.iterancestors())}


def widget_lines(blocks: list[tuple[object, str, str]], gone: set[int]) -> set[str]:
    """The (folded) texts of the ``gone`` page blocks that no other block of the page says."""
    if not gone:
        return set()
    elsewhere = {k for i, (_el, _t, k) in enumerate(blocks) if i not in gone}
    return {k for i, (_el, _t, k) in enumerate(blocks) if i in gone and k} - elsewhere


def drop_lines(blocks: list[tuple[object, str, str]], gone: set[int], main, out_blocks: tuple[str, ...]) -> int:
    """Remove from ``main`` (the extracted article) the lines that are the text of ``gone``
    page blocks and of no other block of the page: a line the article shares with a card
    (its own headline in a most-read list) stays. Returns how many went."""
    if not gone:
        return 0
    lines = widget_lines(blocks, gone)
    n = 0
    for el in list(main.iter(out_blocks)):
        if el.getparent() is not None and fold(_text(el)) in lines:
            el.drop_tree()
            n += 1
    return n
