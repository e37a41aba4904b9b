"""The headline of a whole HTML page (locate.py): an h1 without its badge or the subtitle a line
break sets under it; for a page without an h1 of the headline, the line the <title> names or
shortens, a micro-blog post's lead in 【】, a thread's opening line, or the short line standing
above the article; a headline cut short read whole from a post's title field."""

from __future__ import annotations

import copy
import re

from ..text import SENTENCE_BREAK, fold, han_count
from .copyheadline import TITLE_FIELD
from .markup import home_names
from .metaline import reporter_line
from .pagetree import _SPACES, _text, before, class_says
from .read import normalize_date
from .recover import _BYLINE, _HEADINGS, MAX_LINK_SHARE, _link_share
from .rules import match_rule
from .title import (
    MAX_SITE_TITLE_CHARS,
    cut_short,
    head_part,
    later_part,
    lengthened_part,
    names_the_site,
    shown_part,
    strip_site,
    title_parts,
)

HEADLINE_WINDOW = 6  # page blocks looked at above the article's first one
# the headline a page's meta tags give (ArticleTitle: the tag the metadata rules for Chinese government sites name)
TITLE_META = ("og:title", "twitter:title", "ArticleTitle")
MAX_PAGE_TYPE_HAN = 6  # a thread's title this short, with no h1, names the kind of page (帖子详情)
_SUBTITLE = re.compile(r"sub[-_]?(?:title|tit|head)|fu[-_]?title", re.I)  # a class naming a subtitle
MAX_HEADLINE_CHARS = 60


MAX_BADGE_CHARS = 4  # a headline's leading element this short is a badge (问, 精, 已解决)
_BRACKETED = re.compile(r"^[【\[][^【】\[\]]{1,8}[】\]]$")


def _headline_text(h, titles: list[str] = ()) -> str:
    """A headline's text without the badge its first element is (<span class="icon">问</span>,
    <em>[讨论]</em>) when the text goes on after it, and without the subtitle a line break sets
    under it (标题<br><span>副题</span>; a video's caption in an h1, line under line) when the page's
    <title> holds the line above the break and not the one under it, and without a link closing it
    that the <title> does not hold."""
    text = _text(h)
    if next(h.iter("br"), None) is not None:  # (the break may stand inside the spans a caption's lines are in)
        above = _SPACES.sub(" ", _first_line(h)).strip()
        if han_count(above) >= 4 and text.startswith(above) and han_count(under := text[len(above):].strip()) >= 4 \
                and any(fold(above) in fold(t) and fold(under) not in fold(t) for t in titles):
            return above
    # (a link closing it that the <title> does not hold, the text before it held: 某店(某某店) <a>其他2家分店</a>)
    last = next((c for c in reversed(h) if isinstance(c.tag, str)), None)
    if last is not None and last.tag == "a" and not (last.tail or "").strip() and (tail := _text(last)) and text.endswith(tail):
        head = text[: -len(tail)].strip()
        if han_count(head) >= 4 and any(fold(head) in fold(t) and fold(tail) not in fold(t) for t in titles):
            return head
    first = next((c for c in h if isinstance(c.tag, str)), None)
    if first is None or (h.text or "").strip() or first.get("class") is None:
        return text
    badge = _text(first)
    if (len(badge) <= MAX_BADGE_CHARS or _BRACKETED.match(badge)) and text.startswith(badge) \
            and han_count(text[len(badge):]) >= 4:
        return text[len(badge):].strip()
    return text


def named_after_page_type(named: str, title: str) -> bool:
    """``title`` is a later part of the <title> ``named``, whose first part is as short as a page's
    type (问答详情 - 课程名 - 站点, 帖子详情_版块名_站点)."""
    return later_part(named, title) and 0 < han_count(head_part(named)) <= MAX_PAGE_TYPE_HAN


def _title_without_h1(title: str, og: str, named: str, page, blocks: list[tuple[object, str, str]], first: int,
                      opening: list | None, site: str, posts: frozenset = frozenset()) -> str:
    """The headline of a page without an h1, given the one its <title> (``named``) or og:title (``og``) gave (``title``).

    A title the page never shows (科普中国-辟谣文章, 帖子详情 | 站点: a site and a page type; the
    site's name, which its logo or home link has), unless it is an og:title of its own beside a
    <title> that only names the site (a note app's share page shows no headline), or on a thread
    (``opening``: its first post) one too short to be more than the page's type (动态详情): a
    thread's headline is its first post's opening line, an article's the short line standing
    right above it. A title the page shows, or an og:title of its own: with as much of its suffix
    as the page shows too (标题｜副题 - 站点 over a line 标题｜副题)."""
    # an og:title that is a later part of the <title> (a group's name in og:title and the h1, beside the
    # <title> 标题 | 某某圈 - 站点, which opens with the headline) is no headline: the <title>'s first part is
    if og and named and fold(og) == fold(title) and later_part(named, title) \
            and fold(named).startswith(fold(first_part := strip_site(named, site))) and fold(title) not in fold(first_part):
        title = first_part
    home = home_names(page)
    key = fold(title)
    lines = {k for _el, _t, k in blocks}
    # a post with no headline of its own whose <title> opens with its text cut short, after its poster's
    # name (某某: 把社群当产品做，……复盘几点… - 某圈 - 站点, beside the group's name in the h1): its first line
    if named and (later_part(named, title) or not _on_page(title, blocks, page)) and (line := _cut_opening(named, blocks)):
        return line
    # a post with no headline (a micro-blog's) whose title is its opening cut short or another the
    # page never shows (某某的主页_站点): the lead in 【】 it opens with, when it has one (not a
    # dispatch's dateline: 【某某社北京5月9日电】)
    stem = cut_short(title)
    cut = len(stem) >= MIN_CUT_OPENING
    # (the post's text may come a few lines under the poster's name and badges)
    opens = next((i for i in range(max(first, 0), min(len(blocks), first + LEAD_LINES)) if _BRACKET_LEAD.match(blocks[i][1])), None)
    if opens is None and first < 0 and cut:  # (the extractor kept nothing of the page: the line the title cuts short)
        opens = next((i for i, (_el, t, k) in enumerate(blocks) if k.startswith(stem) and _BRACKET_LEAD.match(t)), None)
    lead = _BRACKET_LEAD.match(blocks[opens][1]) if opens is not None else None
    if lead and not _DATELINE_LEAD.search(lead.group(1)) \
            and ((cut and blocks[opens][2].startswith(stem)) or not (_on_page(title, blocks) or og)):
        return lead.group(1)
    # (a title that is the site's name counts as one the page never shows)
    shown = _on_page(title, blocks, page) and key not in home and key != fold(site)
    own = bool(og and named and fold(strip_site(og, site)) == key and key not in fold(named)
               and names_the_site(named, home) and han_count(title) > MAX_PAGE_TYPE_HAN)
    if not (shown or own):
        # the other of <title> and og:title, when the page shows it (or its first part) as a line of its own
        # and the one chosen it never shows (a share card's 某某 在「某圈」发布了帖子 beside 标题 · 某圈 | 站点)
        other = next((p for t in (og, named) if t and fold(strip_site(t, site)) != key
                      and han_count(p := _shown_line(t, blocks, site)) > MAX_PAGE_TYPE_HAN), "")
        if other:
            return other
    # a thread's title as short as a name (a group's: 某某研究所 | 站点) beside a first post that opens
    # with a bold line of its own (【第 37 期周复盘】某某？<br>): that line
    if opening is not None and len(title) <= MAX_SITE_TITLE_CHARS:
        # (a post among the lines from where the extractor found the article, or the thread's opening,
        # its text going on well past the bold line)
        near = [el for el, _t, _k in blocks[max(first, 0):max(first, 0) + BOLD_LOOKAHEAD]] + opening[:1]
        bold = next((b for el in near if (b := _bold_opening(el)) and han_count(_text(el)) >= BOLD_SHARE * han_count(b)), "")
        if bold and key not in fold(bold):
            return bold
    if opening is not None and (han_count(title) <= MAX_PAGE_TYPE_HAN or not (shown or own)):
        # (the first line of the post's text under its poster's card, ended by the button to follow them)
        # (the subject in a heading right above the first post's text, when the page gives one)
        # (or the subject the title opens with, shown on the page: 主题 版块 站点 over an h3 主题)
        above = _headline_above(blocks, first, headings_only=True) if first >= 0 else ""
        return _carded_line(page, blocks, posts) or above or (not shown and shown_part(title, lines, spaces=True)) or _opening_line(opening) \
            or (_headline_above(blocks, first) if first >= 0 else "") or title
    if not (shown or own) and _QUESTION_END.search(title) and han_count(title) >= MIN_QUESTION_TITLE_HAN:
        return title  # a question the page shows only in its text (a paid Q&A's: 某某 向 某某 提问 above it is no headline)
    if not (shown or own):
        # (or the line a first part of it shortens: the page shows the headline whole, the title only its start)
        # (a longer line than the part it shows: a column's name the title opens with is not the headline)
        # (the title's longest part, after the site's name and the page's type, that the page shows as a line
        # of its own: 站点 :: 查看主题 - 标题 over a board's link to the topic, not a post's 发表于: … 帖子主题: 标题)
        if first >= 0 and (last := _longest_later_part(title, blocks, first)):
            return last
        whole = [t for el, t, _k in blocks if len(t) <= MAX_HEADLINE_CHARS and _link_share(el, t) <= MAX_LINK_SHARE]
        part, longer = shown_part(title, lines), lengthened_part(title, whole)
        if longer and han_count(longer) > han_count(part):
            part = longer
        return (part or _headline_above(blocks, first) or title) if first >= 0 else title
    longer = [p for t in (og, named) if t and (k := fold(p := shown_part(t, lines))) != key and k.startswith(key)]
    return max(longer, key=len, default=title)


def _longest_later_part(title: str, blocks: list[tuple[object, str, str]], first: int) -> str:
    """The page's line near the article's first block (``first``; not the site's slogan in its
    header) that is ``title``'s longest part, when that part is not its first and the parts before
    it are as short as names (the site's, the page type's: 站点 :: 查看主题 - 标题)."""
    parts = title_parts(title)
    longest = max(parts, key=han_count, default="")
    if longest == parts[0] or han_count(longest) < MIN_LATER_PART_HAN \
            or any(len(p) > MAX_SITE_TITLE_CHARS for p in parts[: parts.index(longest)]):
        return ""
    key = fold(longest)
    return next((t for _el, t, k in blocks[max(0, first - HEADLINE_WINDOW):] if k == key), "")


MIN_LATER_PART_HAN = 8
_QUESTION_END = re.compile(r"[？?]\s*$")
MIN_QUESTION_TITLE_HAN = 10  # a title this long that asks a question is the page's question


TITLE_CLASS = re.compile(r"(?:^|[-_])(?:title|subject|headline)(?:$|[-_])", re.I)  # a class naming a title's box
MIN_CUT_OPENING = 8  # a title this long that the text opens with is its opening cut short


def _whole_title(title: str, blocks: list[tuple[object, str, str]]) -> str:
    """A headline cut short (……天天加好友发...) whose whole the page gives in a title field
    (a group post's box: 标题：……天天加好友发朋友圈，用户都快烦死了): that field's value."""
    stem = cut_short(title)
    if len(stem) < MIN_CUT_OPENING:
        return title
    whole = (m.group(1).strip() for _el, text, _k in blocks if (m := TITLE_FIELD.match(text.strip())))
    return next((w for w in whole if fold(w).startswith(stem) and len(fold(w)) > len(stem)), title)


_POSTER_SAYS = re.compile(r"^[^\s:：]{1,16}\s*[:：]\s*")  # a poster's name before what they wrote (某某: ……)


def _cut_opening(named: str, blocks: list[tuple[object, str, str]]) -> str:
    """The first line of the text block that the <title>'s first part (``named``; after a poster's
    name) gives the start of, cut short, when that line is as short as a headline."""
    part = head_part(named)
    stem = cut_short(_POSTER_SAYS.sub("", part, count=1)) or cut_short(part)
    if len(stem) < MIN_CUT_OPENING:
        return ""
    for el, _t, k in blocks:
        if el.tag not in _HEADINGS and k.startswith(stem) and len(k) > len(stem):
            line = _first_line(el)
            return line if fold(line).startswith(stem) and len(line) <= MAX_HEADLINE_CHARS else ""
    return ""


_FOLLOW = re.compile(r"^[+＋]?\s*关注(?:TA|他|她|作者)?$", re.I)  # a button to follow a poster (+ 关注)
# (a button: not the menu's tab of the people one follows, a link to that page)
_FOLLOW_CLASS = re.compile(r"follow|guanzhu", re.I)
CARD_LOOKAHEAD = 4  # page blocks looked at under the button for the post's text
MIN_CARDED_HAN = 8  # ... the first line of which is this long (not the poster's name or badge)


def _carded_line(page, blocks: list[tuple[object, str, str]], posts: frozenset = frozenset()) -> str:
    """The first line of a post without a headline (a video's caption, a micro-blog's or a feed's
    post) that stands under its poster's card: the first text the page shows past the first button to
    follow someone (关注, + 关注), when it reads as a headline: long enough not to be a name, not a date
    line, a link or furniture the rules know, cut at its first line break or sentence. Not a reply's
    (elements of the thread's ``posts``): a card under the post's text is its poster's, or a commenter's."""
    button = next((el for el in page.iter() if isinstance(el.tag, str) and len(el) == 0 and (text := _text(el))
                   and _FOLLOW.match(text) and (el.tag == "button" or text[0] in "+＋" or class_says(el, _FOLLOW_CLASS))), None)
    if button is None:
        return ""
    after = [(el, t) for el, t, _k in blocks if t and el.tag != "img" and before(button, el)][:CARD_LOOKAHEAD]
    for el, text in after:
        if el in posts:
            return ""
        if match_rule(text) or normalize_date(text) or _link_share(el, text) > MAX_LINK_SHARE:
            continue
        line = _first_line(el)
        line = SENTENCE_BREAK.split(line, maxsplit=1)[0].strip() if len(line) > MAX_HEADLINE_CHARS else line
        if han_count(line) >= MIN_CARDED_HAN and len(line) <= MAX_HEADLINE_CHARS:
            return line
    return ""


def caption_under(page, title: str) -> list[str]:
    """The lines an h1 holds under its first line when that line is the headline (a video's caption,
    line under line, whose first line the <title> gives): the post's text, not the headline's."""
    for h in page.iter("h1"):
        lines = [x.strip() for x in _lines(h) if x.strip()]
        if len(lines) >= 2 and fold(lines[0]) == fold(title):
            return lines[1:]
    return []


def _first_line(el) -> str:
    """The first line of ``el``'s text that holds anything (see _lines)."""
    return next((x.strip() for x in _lines(el) if x.strip()), "")


def _lines(el) -> list[str]:
    """The lines of ``el``'s text, as its line breaks (<br>, or the newlines of a pre-wrap box) set them."""
    el = copy.deepcopy(el)
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return el.text_content().splitlines()


_TOPICS = re.compile(r"^\s*(?:#[^#\s]{1,20}#\s*)*")  # a post's #topic#s before its text
MIN_POST_AFTER_HEADLINE = 20  # characters a post's text goes on past the lead it opens with


def opens_post(title: str, blocks: list[tuple[object, str, str]], h1s: list[str]) -> bool:
    """``title`` is the lead or first line a post's text opens with (after its #topic#s), the text
    going on under it, and no h1 of the page says it: a post without a headline of its own."""
    key = fold(title)
    if not key or any(fold(h) == key for h in h1s):
        return False
    return any(el.tag not in _HEADINGS and len(k) >= len(key) + MIN_POST_AFTER_HEADLINE and fold(_TOPICS.sub("", t)).startswith(key)
               for el, t, k in blocks)


LEAD_LINES = 8  # ... its text among this many lines from the first the extractor kept (the poster's header between)
_BRACKET_LEAD = re.compile(_TOPICS.pattern + r"【([^【】]{4,30})】")  # (after the post's #topic#s)
_DATELINE_LEAD = re.compile(r"\d+\s*日\s*电|[电讯]$|记者|报道$")


def _shown_line(title: str, blocks: list[tuple[object, str, str]], site: str) -> str:
    """The line of its own the page shows ``title`` as, without its site's parts, or its longest first part."""
    lines = {k: t for _el, t, k in reversed(blocks)}  # (the first line of each text)
    whole = strip_site(title, site)
    return lines.get(fold(whole)) or lines.get(fold(shown_part(title, lines)), "")


def _on_page(title: str, blocks: list[tuple[object, str, str]], page=None) -> bool:
    """The page shows ``title``; with ``page``, the start of a title cut short (……由静止开始运动..._站点)
    anywhere in its body's text (a question's stem written straight into a box that holds its picture too)."""
    key = fold(title)
    if bool(key) and any(key in k for _el, _t, k in blocks):
        return True
    stem = cut_short(title)
    body = page.find("body") if page is not None and len(stem) >= MIN_CUT_OPENING else None
    return body is not None and stem in fold(body.text_content())


def _bold_opening(el) -> str:
    """The bold run a post's text opens with, on a line of its own (<b>标题</b><br>), when it reads
    as a headline: Han text, short, not a sentence or a label ending in a stop or a colon."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or first.tag not in ("b", "strong") or (el.text or "").strip() or (first.tail or "").strip():
        return ""
    after = first.getnext()
    text = _text(first)
    if after is None or after.tag != "br" or han_count(text) < MIN_BOLD_HEADLINE_HAN or len(text) > MAX_HEADLINE_CHARS \
            or text.endswith(("。", ".", "：", ":")):
        return ""
    return text


MIN_BOLD_HEADLINE_HAN = 6
BOLD_LOOKAHEAD = 24  # page blocks looked at from the article's first one for a post opening with a bold line
BOLD_SHARE = 3  # ... whose text is this many times the bold line's at least


def _opening_line(opening: list) -> str:
    """The first sentence of a thread's first post (it has no headline of its own), when it is
    short enough to be one."""
    # (past what the rules take for furniture: a comment box's 登录后即可发表评论 above the post)
    el, text = next(((el, t) for el in opening if (t := _text(el)) and not match_rule(t)), (None, ""))
    # (a box its class calls a title holds the headline whole: 某某别再瞎做了！三步搭出某某)
    titled = el is not None and any(class_says(x, TITLE_CLASS) for x in (el, *el.iter()))
    line = text.strip() if titled else SENTENCE_BREAK.split(text, maxsplit=1)[0].strip()
    return line if han_count(line) >= 4 and len(line) <= MAX_HEADLINE_CHARS else ""


def _headline_above(blocks: list[tuple[object, str, str]], first: int, headings_only: bool = False) -> str:
    """The nearest short line at or above the article's first block that reads as a headline:
    Han text, no link, not a byline or a date, not a sentence ending in a full stop (with
    ``headings_only``, a heading element's). A line the page styles as a subtitle (its class
    says ``subtitle``, ``sub-title``) stands under the headline: the next such line above it."""
    subtitle = ""
    for i in range(first, max(-1, first - 1 - HEADLINE_WINDOW), -1):  # trafilatura may have kept it
        el, text, _k = blocks[i]
        if el.tag in ("img", "figcaption") or not text or (headings_only and el.tag not in _HEADINGS):
            continue  # (a picture's caption is no headline)
        if _BYLINE.match(text) or reporter_line(text) or normalize_date(text) or _link_share(el, text) > MAX_LINK_SHARE \
                or match_rule(text):  # (nor a line the rules take for furniture: 阅读数：12.8万, 登录后即可发表评论)
            continue
        if han_count(text) >= 4 and len(text) <= MAX_HEADLINE_CHARS and not text.endswith(("。", ".", "：", ":")):
            if subtitle or not _SUBTITLE.search(f"{el.get('class', '')} {el.get('id', '')}"):
                return text
            subtitle = text
    return subtitle
