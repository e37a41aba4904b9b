"""The headline of a whole page, from its <title>/og:title and its headings.

The ``h1`` that matches the page's ``<title>`` or ``og:title`` wins; else the title without
its site and channel suffixes (``标题_频道_站点``, ``标题 | 站点``, ``站点 - 标题``); the
``<title>``'s first part when a heading of the page says it word for word (the suffix cut where
the heading is shorter); the one ``h1`` when the ``<title>`` is only the site's name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..text import fold, han_count, has_han, looks_like_site

_SPACES = re.compile(r"\s+")


_LATIN = "[A-Za-z0-9]"  # a Latin word's or a model's name's: an underscore or a hyphen between them separates nothing
_IDENTIFIER_UNDERSCORE = re.compile(rf"(?<={_LATIN})_(?={_LATIN})")
_KEPT_UNDERSCORE = "\0"
_STRONG_SEPARATORS = (" :: ", " @ ", " | ", " ｜ ", " - ", " – ", " — ", " _ ", " · ", " • ", " : ", "--", "|", "｜", "_")


def strip_site(title: str, site: str = "") -> str:
    """The headline inside a page title: site, channel and keyword suffixes cut
    (标题_频道_站点, 标题 | 站点), a site name before the headline too (站点 - 标题)."""
    # (an underscore inside a Latin word is no separator: send_welcome_msg)
    title = _IDENTIFIER_UNDERSCORE.sub(_KEPT_UNDERSCORE, _SPACES.sub(" ", title).strip(" :|｜-_@"))
    site_key = fold(site)
    for sep in _STRONG_SEPARATORS:
        if sep not in title:
            continue
        parts = [p.strip(" :|｜-_@") for p in title.split(sep)]
        parts = [p for p in parts if p]
        if len(parts) < 2:
            continue
        # a site name before the headline
        if looks_like_site(parts[0], site_key) and len(parts[0]) < len(parts[1]) and not looks_like_site(parts[1], site_key):
            parts = parts[1:]
        # suffixes after it, while they look like a site, a channel or keywords
        before = len(parts)
        while len(parts) > 1 and (looks_like_site(parts[-1], site_key) or len(sep.join(parts[:-1])) > len(parts[-1])):
            parts.pop()
        # a trail before it, hyphens between names of three to eight characters (站点--频道--标题;
        # not a list of words: 社群 · 用户 · 增长：…)
        if sep in ("--", " - ") and len(parts) >= 3 and len(parts[-1]) > 2 * max(len(p) for p in parts[:-1]) \
                and all(3 <= len(p) <= MAX_SITE_TITLE_CHARS for p in parts[:-1]):
            parts = parts[-1:]
        if len(parts) < before or title.split(sep)[0].strip(" :|｜-_@") != parts[0]:
            title = sep.join(parts)
    # a site name glued with a bare hyphen: 标题-新华网, 某某日报数字报-标题
    m = re.match(r"^(.{6,}?)\s*-\s*([^-]{2,10})$", title)
    if m and looks_like_site(m.group(2), site_key):
        title = m.group(1)
    # (not an account's name: 如何运营视频号-从零开始 is one headline)
    # (a page's edition label may stand between: 某某日报数字报-第A03版:要闻-标题)
    m = re.match(r"^([^-]{2,12}?)\s*-\s*(?:第[^-]{1,10}版[^-]{0,6}-\s*)?([^-]{6,})$", title)
    if m and looks_like_site(m.group(1), site_key) and not m.group(1).endswith(("号", "號")) \
            and not looks_like_site(m.group(2), site_key):
        title = m.group(2)
    return title.replace(_KEPT_UNDERSCORE, "_").strip()


def cut_short(text: str) -> str:
    """The stem of a headline cut short (……天天加好友发...), folded; "" when it is not cut."""
    return fold(text.rstrip(".…。 ")) if text.rstrip().endswith(("…", "...")) else ""


# a bare underscore or hyphen, not inside a Latin word or a model's name (welcome_code, DF-1)
_BARE = f"(?<!{_LATIN}){{0}}|{{0}}(?!{_LATIN})"
_TITLE_PARTS = re.compile(rf"\s*(?:::|[|｜@]|\s[-–—·•]\s|{_BARE.format('[_-]')})\s*")
# separators with spaces around them, or bars (and a bare underscore)
_SPACED_SEPARATORS = re.compile(rf"\s+(?:::|[|｜_@•·\-–—])\s+|[|｜]|{_BARE.format('_')}")
_SPACED_PARTS = re.compile(_TITLE_PARTS.pattern + r"|\s+")  # ... or a space (a forum's 主题 版块 站点)
_BOARD = re.compile(r"^\s*[【\[][^【】\[\]]{1,12}[】\]]$")  # a board's name in brackets after a thread's title
_TYPE_LABEL = re.compile(r"^\s*[【\[][^【】\[\]\s]{1,4}[】\]]\s*")  # ... and a label before it (【图片】, [求助])
MAX_SITE_TITLE_CHARS = 8  # a <title> this short, without the h1 in it, is the site's name
MIN_HEADLINE_HAN = 4  # a headline left without the site's parts has this many Han characters at least
MIN_SITE_PART_CHARS = 2  # ... and a site's part this many characters (not the 0 of 0-1搭建)
EDGE_LINES = 25  # lines at the top and at the foot of a text where the site names itself


_KEYWORD_LIST = re.compile(r"^[^,，、\s]{1,8}(?:\s*[,，、]\s*[^,，、\s]{1,8}){2,}$")  # 电话,地址,价格,营业时间(图)


def choose_title(titles: list[str], h1s: list[str], site: str = "", subheads: list[str] = ()) -> str:
    """The article's headline from the page's <title>/og:title candidates, its h1s and (for a
    page without an h1 of the headline) its h2/h3 subheads; without a micro-blog's poster after it
    (某某 来自某某 - 站点). (A thread's type in brackets before it, [讨论] 某某, stays: it is how the
    forum shows the subject.)"""
    title = _choose_title(titles, h1s, site, subheads)
    rest = _POSTED_BY.sub("", title)
    return rest if han_count(rest) >= MIN_HEADLINE_HAN else title


_POSTED_BY = re.compile(r"\s+来自\S{1,16}$")


def _choose_title(titles: list[str], h1s: list[str], site: str, subheads: list[str]) -> str:
    stripped = [strip_site(t, site) for t in titles if t.strip()]
    stripped = [t for t in stripped if t]
    heads = [_SPACES.sub(" ", h).strip() for h in h1s if h.strip()]
    subs = [_SPACES.sub(" ", h).strip() for h in subheads if h.strip()]
    # a thread's subject that its replies' headings answer (Re: 某某, 回复：某某) where neither the
    # <title> nor an h1 says it (both only the forum's name)
    subject = _replied_subject(subs)
    if subject and not any(fold(subject) in fold(t) for t in stripped + heads):
        return subject
    # a <title> that is only the site's name (南生论坛, -某某网), or names the page's type and the
    # site (问答详情 - 某某社区: short parts only): the one h1 longer than it
    if len(set(heads)) == 1 and han_count(heads[0]) >= 4 and stripped:
        t = stripped[0]
        if names_the_site(t) and len(heads[0]) > len(t) \
                and fold(heads[0]) not in fold(titles[0]) and fold(t) not in fold(heads[0]):
            return heads[0]
    for t in stripped:
        kt = fold(t)
        if not kt:
            continue
        # a h1 cut short that the title says whole (做了半年……想听听大家的真...)
        for h in heads:
            stem = cut_short(h)
            if stem and han_count(stem) >= 4 and kt.startswith(stem) and len(kt) > len(stem):
                return t
        for h in heads:
            kh = fold(h)
            if kh and (kh == kt or (kh in kt and len(kh) >= 0.5 * len(kt))):
                return h
            # (or one the title goes on from with a list of keywords: 某店(某某店)电话,地址,价格,营业时间(图))
            if han_count(h) >= 4 and t.startswith(h) and _KEYWORD_LIST.match(t[len(h):].strip()):
                return h
        # a h1 that holds the whole title and more (the title was cut short)
        if t.endswith(("…", "...")):
            for h in heads:
                if kt.rstrip(".") in fold(h):
                    return h
    # a h1 the title shortens, words left out (社群冷启动的7条经验 of 社群冷启动的7条经验（写给第一次
    # 建群的人）, RFM模型详解：3个指标…… of RFM模型详解：如何用3个指标……): the headline the page shows
    for t in stripped:
        for h in heads:
            if _shortened(fold(t), fold(h)):
                return h
            # ... or the h1 the title is the end of: a kicker before the headline (付费会员贡献近三成营收 某某押注“会员制”能走多远？)
            if len(fold(t)) >= MIN_SHORTENED_CHARS and fold(h).endswith(fold(t)) and han_count(h) - han_count(t) >= MIN_ADDED_HAN:
                return h
    picked = _title_part_heading(titles, heads, subs)
    if picked:
        return picked
    if stripped:
        return min(stripped, key=len) if len({fold(t) for t in stripped}) > 1 and _nested(stripped) else stripped[0]
    for h in heads:
        if han_count(h) >= 4 and not looks_like_site(h, fold(site)):
            return h
    return ""


_REPLY_PREFIX = re.compile(r"^(?:re|回复|回覆)\s*[:：]\s*", re.I)


def _replied_subject(subs: list[str]) -> str:
    """The heading that other headings reply to (Re: 某某 under 某某): a thread's subject."""
    replies = {fold(_REPLY_PREFIX.sub("", h)) for h in subs if _REPLY_PREFIX.match(h)}
    return next((h for h in subs if han_count(h) >= 4 and not _REPLY_PREFIX.match(h) and fold(h) in replies), "")


MIN_SHORTENED_CHARS = 6  # a title this long at least may be a shortened headline
SHORTENED_START = 4  # ... beginning as the headline does
MIN_ADDED_HAN = 6  # ... or adding this many Han characters after it at least, or a subtitle:
_SUBTITLE_OPEN = re.compile(r"^[（(【\[:：——\-|｜]")


def _shortened(title: str, head: str) -> bool:
    """``title`` (folded) is ``head`` with words left out: it begins as the head does and its
    characters follow one another in it; a head that only adds a badge or a number after the title
    (原创, #42) is the title with the page's label."""
    if len(title) < MIN_SHORTENED_CHARS or len(head) <= len(title) or not head.startswith(title[:SHORTENED_START]):
        return False
    if head.startswith(title):
        rest = head[len(title):].strip()
        return bool(_SUBTITLE_OPEN.match(rest)) or han_count(rest) >= MIN_ADDED_HAN
    return _in_order(title, head)


def names_the_site(title: str, home: set[str] = frozenset()) -> bool:
    """A <title> that says only which site the page is on: the name its home link has
    (``home``, folded), or nothing but short parts (小圈 - 你的生活兴趣社区, 问答详情 - 某某社区)."""
    t = _SPACES.sub(" ", title).strip()
    return bool(t) and (fold(t) in home or all(len(p) <= MAX_SITE_TITLE_CHARS for p in _TITLE_PARTS.split(t) if p))


def _title_part_heading(titles: list[str], heads: list[str], subs: list[str]) -> str:
    """The first part of the <title> between separators when it is a heading of the page, word for word
    (夜雨_原文、翻译及赏析_… with the h1 夜雨; 静夜思•夜-中国诗歌网 with the h3 静夜思•夜): the
    suffix cut where the heading is shorter than the title."""
    for t in titles:
        t = _SPACES.sub(" ", t).strip()
        parts = [p for p in _TITLE_PARTS.split(t) if p]
        cut = strip_site(t)
        # the site's name first, the h1 saying it, and a subhead the last part (站点 • 查看主题 - 标题 with
        # the h1 站点 and the h2 标题): the subhead
        spaced = spaced_parts(t)
        if len(spaced) >= 3 and any(fold(h) == fold(spaced[0]) for h in heads):
            last = next((h for h in subs if fold(h) == fold(spaced[-1]) and han_count(h) >= MIN_HEADLINE_HAN), "")
            if last:
                return last
        for h in heads + subs:
            if not has_han(h):
                continue
            if len(parts) >= 2 and fold(h) == fold(parts[0]):
                return h
            # ... or its last part, after the site's name only (城誌週刊 City Chronicle - 标题 with the h1 标题)
            if len(parts) >= 2 and fold(h) == fold(parts[-1]) and all(looks_like_site(p) for p in parts[:-1]):
                return h
            # ... or a heading the <title> adds only the site's name to, after a space (某某？ 某某社区),
            # or the board's name in brackets (某某？【某某吧】_站点)
            rest = t[len(h):] if t.startswith(h) else ""
            if rest[:1] == " " and 0 < len(rest.strip()) <= MAX_SITE_TITLE_CHARS and " " not in rest.strip():
                return h
            if cut.startswith(h) and _BOARD.match(cut[len(h):]):
                return h
            # ... after a short label in brackets the site puts before a thread's title (【图片】某某？【某某吧】)
            labelled = _TYPE_LABEL.sub("", cut, count=1)
            if labelled != cut and labelled.startswith(h) and (labelled == h or _BOARD.match(labelled[len(h):])):
                return h
    return ""


def spaced_parts(title: str) -> list[str]:
    """A page title's parts between the separators that stand with spaces around them, or bars
    (站点 • 查看主题 - 标题; not the hyphen inside a model's name: FY-701)."""
    return [p.strip() for p in _SPACED_SEPARATORS.split(title) if p.strip()]


def _first_parts(title: str, separators: re.Pattern = _TITLE_PARTS) -> list[str]:
    """The first parts of ``title``, cut at its separators, longest first (标题-频道 of 标题-频道-站点, then 标题)."""
    cuts = [m.start() for m in separators.finditer(title) if m.start() > 0]
    return [title[:cut].strip() for cut in reversed(cuts)]


def title_parts(title: str) -> list[str]:
    """``title``'s parts between its separators."""
    return [p.strip() for p in _TITLE_PARTS.split(title) if p.strip()]


def head_part(title: str) -> str:
    """``title``'s first part, before its first separator."""
    return next(iter(title_parts(title)), "")


def later_part(title: str, text: str) -> bool:
    """``text`` is one of ``title``'s parts after its first, between separators: a column's or
    the site's name (标题-栏目-站点 on a page whose h1 is 栏目)."""
    parts = [fold(p) for p in title_parts(title)]
    return len(parts) > 1 and fold(text) in parts[1:] and fold(text) != parts[0]


def shown_part(title: str, lines: set[str], spaces: bool = False) -> str:
    """The longest first part of ``title``, cut at its separators, that the page shows as a line of
    its own (``lines``: the page's lines, folded): 标题-频道-站点 over a page whose headline sits in a
    styled box, not a heading; ``spaces``: at a space too (a forum's 主题 版块 站点)."""
    return next((head for head in _first_parts(title, _SPACED_PARTS if spaces else _TITLE_PARTS)
                 if han_count(head) >= MIN_HEADLINE_HAN and fold(head) in lines), "")


def lengthened_part(title: str, lines: list[str]) -> str:
    """The first of ``lines`` that a first part of ``title``, cut at its separators, shortens (标题-频道-站点
    over a page showing 标题 副题 in a styled box), or that holds another part of it word for word
    in order, words added (栏目 - 某某工作坊 - 站点 over 有关举办「某某」工作坊的通告): the headline the page shows whole."""
    folded = [(line, fold(line)) for line in lines]
    heads = [fold(head) for head in _first_parts(title) if han_count(head) >= MIN_HEADLINE_HAN]
    first = next((line for line, f in folded for k in heads if f.startswith(k) and _shortened(k, f)), "")
    if first:
        return first
    parts = [k for p in _TITLE_PARTS.split(title) if han_count(k := fold(p)) >= MIN_SHORTENED_CHARS]
    return next((line for line, f in folded for k in parts if len(k) < len(f) <= 2 * len(k) and _in_order(k, f)), "")


def _in_order(short: str, long: str) -> bool:
    """Every character of ``short`` found in ``long``, one after another."""
    chars = iter(long)
    return all(c in chars for c in short)


def without_named_site(title: str, lines: list[str], names_site: Callable[[str], bool], site: str = "") -> tuple[str, str]:
    """A text's own headline line when a crawler wrote the page's <title> there (# 标题 | 站点,
    # 站点-标题): the parts that name the site cut, at either end, while the headline stays the
    longer. A part names the site when it reads as a site's name, stands as a line of its own in
    the text (the site's banner) or sits inside a line near its top or foot where a site names itself
    (``names_site``: © 2024 某某, Powered by Discuz! X3.4, a breadcrumb); a series label or a subtitle (复盘 | ……,
    …… | 虚拟案例推演) does not, nor a word of the text's tags. Returns (headline, the site's part
    nearest it, "" when none was cut)."""
    cuts = [m for m in _TITLE_PARTS.finditer(title) if 0 < m.start() and m.end() < len(title)]
    if not cuts:
        return title, ""
    spans = [(a.end() if a else 0, b.start() if b else len(title)) for a, b in zip([None, *cuts], [*cuts, None], strict=True)]
    parts = [title[a:b].strip() for a, b in spans]
    site_key = fold(site)

    @functools.cache
    def shown() -> frozenset[str]:  # the text's lines (read when first needed)
        return frozenset(fold(t) for t in lines)

    @functools.cache
    def naming() -> list[str]:  # ... and those near its top and foot where the site names itself
        edges = lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        return [fold(t) for t in edges if names_site(t)]

    def named(part: str, whole: bool = True) -> bool:
        k = fold(part)
        if len(k) >= MIN_SITE_PART_CHARS and not k.isdigit() \
                and (looks_like_site(part, site_key) or k in shown() or any(k in f for f in naming())):
            return True
        # a site's name in two scripts, each named on its own (成長學院 GrowthAcademy: the banner's line and the copyright's)
        words = part.split()
        return whole and len({has_han(w) for w in words}) == 2 and all(named(w, whole=False) for w in words)

    lo, hi, site_part = 0, len(parts), ""
    while hi - lo > 1 and len(parts[hi - 1]) < len(title[spans[lo][0]:spans[hi - 2][1]]) and named(parts[hi - 1]):
        hi -= 1
        site_part = parts[hi]
    if hi - lo > 1 and len(parts[lo]) < len(title[spans[1][0]:spans[hi - 1][1]]) and named(parts[lo]):
        site_part, lo = site_part or parts[lo], 1
    headline = title[spans[lo][0]:spans[hi - 1][1]].strip()
    return (headline, site_part) if han_count(headline) >= MIN_HEADLINE_HAN else (title, "")


def _nested(titles: list[str]) -> bool:
    """Every candidate holds the shortest one (og:title without the suffix <title> has)."""
    short = fold(min(titles, key=len))
    return all(short in fold(t) for t in titles)
