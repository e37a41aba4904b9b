"""A thread made the page's main content (locate, step 4): the question or first post, put back from
the page when trafilatura kept none of it (the text nearest above the posts, or the text under the
thread's headline), then every post under a heading; above the posts, the question's counters, a
login wall's perks, short links, the first poster's name under an avatar and the posts' pictures go.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from lxml import etree

from ..text import fold, han_count
from .copylines import _SAID
from .pagetree import _OUT_BLOCKS, _text, alt_text
from .parse import image_src
from .postfields import dated_line, figures_only
from .posts import append_posts, post_elements, text_root
from .recover import _HEADINGS, MAX_LINKED_SHARE, _align, _link_share
from .threadrecords import SENTENCE_MARKS, Post, Thread, replies_beside, thread_elements
from .title import spaced_parts
from .widgets import ad_label


def as_thread(main, blocks: list[tuple[object, str, str]], thread: Thread, word: str, forum: bool = False,
              widgets: set[int] = frozenset(), titles: tuple[str, ...] = ()) -> list | None:
    """Make ``main`` the thread: what it holds above the posts (the question or first post),
    then every post under a heading. Not when the posts are comments under an article (a
    long text above them, or one they hold a small share of beside it). Returns the page's
    blocks of the first post (see first_post), or None when ``main`` is not a thread."""
    # (a cell of a page laid out in tables that holds a table is its layout, not a line: its cells are)
    kept = [(el, fold(_text(el))) for el in main.iter(_OUT_BLOCKS) if el.tag not in _CELLS or next(el.iterdescendants(*_CELLS), None) is None]
    kept = [(el, k) for el, k in kept if k]
    inside = thread_elements(thread)
    at_posts = [i for i, (el, _t, _k) in enumerate(blocks) if el in inside]
    if not at_posts:
        return None
    start, end = at_posts[0], at_posts[-1]
    aligned = _align(blocks, kept)
    cut = min((j for i, j in aligned.items() if i >= start), default=len(kept))
    lead = sum(han_count(k) for _el, k in kept[:cut])
    after = sum(han_count(kept[j][1]) for i, j in aligned.items() if i > end)
    # the posts are the page's main text or follow it; not a list above the article
    # on a forum a long first post's comments are its replies; elsewhere a short post's are too (a note's, a
    # blog post's on a community's site, in an <article> or not), a long article's are its readers' comments
    if (not forum and not replies_beside(lead, thread.chars)) \
            or after > thread.chars:
        return None
    # from the first post on, the posts come from the thread: the text and the pictures main holds
    # there go; above them, a line of figures only is the question's counters (关注者 46, 被浏览 99,411)
    # and a row of short labels a login wall's perks, a short line all link a tag or a board
    later = _after(main, kept[cut][0]) if cut < len(kept) else set()
    # ... and so do pictures of the posts' part of the page, above their text too (a badge by a name)
    posts_only = ({image_src(el) for el, _t, _k in blocks[start:] if el.tag == "img"}
                  - {image_src(el) for el, _t, _k in blocks[:start] if el.tag == "img"})
    gone = [el for el, _k in kept[cut:]]
    mark = None  # where the opening post goes in main's text
    if thread.opening:  # the opening post comes whole with the posts: its lines main holds just above them go
        said = {fold(_text(el)) for el in thread.posts[0].body.iter(_OUT_BLOCKS)}
        top = cut
        while top > 0 and kept[top - 1][1] in said:
            top -= 1
        gone = [el for el, _k in kept[top:]]
        # ... and it stands where they stood, or at the top when main holds none of them (as _put_back
        # puts a post's lines back): above what main keeps of the posts' part (an accepted answer's badge)
        # (a mark there now: the lines and pictures of the posts' part that go below are main's, not the post's)
        anchor = kept[top][0] if top < cut else None
        mark = main.makeelement("opskb-opening", {})
        if anchor is not None and anchor.getparent() is not None and anchor.tag not in ("li", "td", "th"):
            anchor.addprevious(mark)
        else:
            text_root(main).insert(0, mark)
    for el in gone:  # (with its tail: the text after an inline block trafilatura set apart, 某某 <code>x</code> 或讨论串。)
        el.tail = None
    gone += [el for el in main.iter("img") if el in later or el.get("src") in posts_only]
    gone += [el for el, _k in kept[:cut] if figures_only(_text(el))]
    labels = [(k, _label_row(el) or _short_link(el, t) or _toolbar(el)) for el, t, k in blocks[:start] if k]
    labels = {k for k, is_label in labels if is_label} - {k for k, is_label in labels if not is_label}
    gone += [el for el, k in kept[:cut] if k in labels]
    # ... and the first post's poster: a line that only says what a picture of the page says (an avatar's alt)
    pictured = {fold(alt_text(el)) for el, _t, _k in blocks if el.tag == "img"} - {""}
    gone += [el for el, k in kept[:cut] if k in pictured and len(k) <= MAX_POSTER_CHARS]
    # ... and a line the posts' part of the page repeats outside the posts' text: what each post carries
    # beside it (a poster's signature under every post of theirs, the first one's too)
    text = {d for post in thread.posts for body in (post.body, *(b for _n, b in post.extra)) for d in body.iter()}
    # (not a quote of a post: 引用 @某某 发表的: over the line it quotes, outside the reply's own field)
    carried = {k for el, _t, k in blocks[start:end + 1] if k and el not in text
               and el.tag != "blockquote" and next(el.iterancestors("blockquote"), None) is None}
    gone += [el for el, k in kept[:cut] if k in carried]
    # ... and a post's whole text the page also shows above the posts (a box of the best replies: 这些回帖亮了),
    # or its paragraphs, two or more in a row (an official answer boxed above the list that also holds it)
    gone += _copied_runs(kept[:cut], {k for p in thread.posts if (k := fold(_text(p.body)))})
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()
    placed = mark is not None
    if placed:
        for el in post_elements(thread.posts[0], 0, word):
            mark.addprevious(el)
        mark.drop_tree()
    # the first post holds the thread's title: it is the opening post (楼主), nothing above it is
    titled = placed or len(thread.posts) >= 2 and (thread.opening or _holds_title(thread.posts[0].element))
    # the question or first post, when trafilatura kept none of it, goes first: the text under the
    # thread's headline (a question's description, when the accepted answer stands between it and
    # the other answers), then the text nearest above the posts
    nearest = [] if titled else first_post(blocks, start, widgets)
    below = [] if titled else [el for el in under_headline(blocks, start, titles, widgets)
                               if el not in inside and el not in nearest]
    opening = below + nearest
    # nothing above the posts but the headline: the first of them is the thread's opening post (楼主)
    headlines = {k for el, _t, k in blocks if el.tag == "h1"}
    starts = titled or not opening and len(thread.posts) >= 2 and not any(
        han_count(_text(el)) >= MIN_FIRST_POST_HAN for el in main.iter(_OUT_BLOCKS)
        if el.tag not in _HEADINGS and fold(_text(el)) not in headlines)
    _put_back(main, [below, nearest], kept[:cut])
    between = _between_posts(blocks, start, end, inside, widgets)
    if between:  # in the page's order among the posts (after an opening post: its floor is the first member)
        at = {el: i for i, (el, _t, _k) in enumerate(blocks)}
        where = {id(p): min((at[el] for el in p.element.iter() if el in at), default=len(blocks)) for p in thread.posts}
        where.update({id(p): at[first_line] for p, first_line in between})
        thread = replace(thread, posts=tuple(sorted([*thread.posts, *(p for p, _l in between)], key=lambda p: where[id(p)])))
    first = thread.posts[0]
    append_posts(main, replace(thread, posts=thread.posts[1:]) if placed else thread, word, opening_post=starts and not placed)
    return [first.body] if starts else opening


_CELLS = ("td", "th", "table")  # (a cell, and what in it makes it a layout: a table of its own, its cells)


MIN_COPIED_RUN = 2  # lines in a row above the posts, each in one post's text: a copy of that post
MAX_COPY_LABEL_HAN = 8  # ... and the line above it this short, no sentence: the copy's label


def _copied_runs(kept: list, bodies: set[str]) -> list:
    """The lines of ``kept`` that copy a post: a line that is one of ``bodies`` whole, and runs of
    MIN_COPIED_RUN lines or more each found in one and the same of them (a reply quoting one
    sentence of the question is no copy), with the label right above such a run (官方回复 · 已采纳:
    a few words, no sentence)."""
    out: list = []
    run: list = []
    body = None
    for n, (el, k) in enumerate([*kept, (None, "")]):
        if k in bodies:
            out.append(el)
        holder = body if body is not None and k and k in body else next((b for b in bodies if k and k in b), None)
        if holder is not None and holder == body:
            run.append(el)
            continue
        if len(run) >= MIN_COPIED_RUN:
            label = kept[n - len(run) - 1] if n - len(run) >= 1 else None
            if label is not None and 0 < han_count(label[1]) <= MAX_COPY_LABEL_HAN and not SENTENCE_MARKS.search(_text(label[0])):
                out.append(label[0])
            out += [x for x in run if x not in out]
        run, body = ([el], holder) if holder is not None else ([], None)
    return out


def _put_back(main, runs: list[list], kept: list) -> None:
    """The lines of the opening post that main lacks, copied in the post's order: in each run of its
    lines (under the headline, above the posts), before the next line that main holds, after the
    last one when none follows; a run main holds none of goes to the top, after the runs put there
    before it. List items go back in a list of their own."""
    target = text_root(main)
    top = 0
    for run in runs:
        group: list = []
        last = None
        for el in run:
            key = fold(_text(el))
            if not key:
                continue
            anchor = next((m for m, k in kept if key in k), None)  # the line of main holding this one
            if anchor is None:
                group.append(el)
                continue
            for copied in _copies(group):
                anchor.addprevious(copied)
            group, last = [], anchor
        copies = _copies(group)
        if last is not None:
            for copied in reversed(copies):
                last.addnext(copied)
        else:
            for copied in copies:
                target.insert(top, copied)
                top += 1


def _copies(els: list) -> list:
    """Copies of ``els`` (without their tails), a run of items of one list in one new list."""
    out: list = []
    source = None  # the list the last item came from
    for el in els:
        copied = copy.deepcopy(el)
        copied.tail = None
        parent = el.getparent() if el.tag == "li" else None
        if parent is None:
            out.append(copied)
        else:
            if parent is not source:
                out.append(etree.Element(parent.tag))
            out[-1].append(copied)
        source = parent
    return out


MAX_POSTER_CHARS = 24
MIN_TITLE_CHARS = 6


def _holds_title(member) -> bool:
    """A heading in ``member`` that the page's <title> holds: the thread's title, which Discuz! and
    PHPWind put in the opening post's box."""
    found = member.getroottree().find(".//title")
    title = fold(_text(found)) if found is not None else ""
    return bool(title) and any(len(k) >= MIN_TITLE_CHARS and k in title
                               for h in member.iter(*_HEADINGS) if (k := fold(_text(h))))


MIN_ARTICLE_ELEMENT_HAN = 200  # a box with this much text above a comments section holds the page's article (locate.py)


def _short_link(el, text: str) -> bool:
    """A page block that is one short link: a tag, a board's name, a button."""
    return len(text) <= MAX_ROW_LABEL_CHARS and _link_share(el, text) > MAX_LINKED_SHARE


def _after(root, el) -> set:
    """The elements of ``root`` from ``el`` on (document order)."""
    found = False
    out = set()
    for x in root.iter():
        found = found or x is el
        if found:
            out.add(x)
    return out


_GROUP_FIGURES = re.compile(r"成员\s*[:：]?\s*\d[\d,.]*\s*[万千kKwW]?\s*[·・•|｜/、]?\s*(?:主题|帖子|话题|动态)\s*[:：]?\s*\d"
                            # (members who joined, then what they post: 1.2万 人已加入 · 每日新增 36 条动态)
                            r"|\d[\d,.]*\s*[万千kKwW]?\s*(?:人|位|名)\s*已?加入\s*[·・•|｜/、]\s*[^\d\s]{0,6}\s*\d[\d,.]*\s*[万千kKwW]?\s*"
                            r"(?:条|个|篇)?\s*(?:主题|帖子|话题|动态)")
_FORUM_SITE = re.compile(r"论坛|bbs|forum", re.I)
_COMMUNITY_SITE = re.compile(r"\S(?:社区|圈子)$")  # a site named a community (某某商家社区, 某某圈子; not a channel: 社区生活)


def is_forum(page, text: str, site: str) -> bool:
    """The page (whose text is ``text``) is a forum's: it marks the thread's starter (楼主), or shows
    a group's figures (成员 3,618 · 主题 1,342: a group's topic, its comments the members'), or its
    site calls itself a forum (or a community: 某某社区) in the page title's site part or its site-name meta (``site``)."""
    if "楼主" in text or _GROUP_FIGURES.search(text):
        return True
    title = next(iter(page.iter("title")), None)
    parts = spaced_parts(_text(title)) if title is not None else []
    # only the site's part: in a headline 论坛 is as often a conference (社群运营论坛在京开幕)
    # ... or names itself a community in its last part (the site's name), not in a channel's
    return any(_FORUM_SITE.search(p) for p in parts[1:] + [site]) \
        or any(_COMMUNITY_SITE.search(p) for p in parts[1:][-1:] + [site.strip()])


MIN_FIRST_POST_HAN = 8  # a line above the posts with this many Han characters may be the first post
MAX_FIRST_POST_LOOKBACK = 12  # page blocks looked at above the first post of a thread


def first_post(blocks: list[tuple[object, str, str]], start: int, widgets: set[int] = frozenset()) -> list:
    """The question or first post of a thread, when the main content left it out (a short
    post above a list of replies built from another template): the nearest run of text blocks
    above the first reply, past its poster's name, date, counters and links, up to a heading;
    the paragraphs of one post share their parent (a topic's name above it in a box of its own
    is not the post), and so do a block of code and the items of a list between them. Lines of ``widgets`` (an ad card
    between the topic and its replies) are passed by."""
    run: list = []
    last = None  # where the run's lowest line stands
    for i in range(start - 1, max(0, start - MAX_FIRST_POST_LOOKBACK) - 1, -1):
        el, text, _key = blocks[i]
        if _joins(el, run):
            run.append(el)
            continue
        if el.tag in _HEADINGS or el.tag == "img" or i in widgets:
            if run:
                break
            continue
        if _post_line(el, text, run):
            last = i if last is None else last
            run.append(el)
        elif run:
            break
    # a short sentence closing the post in its box, under the run (先谢谢大家！, 在线等，急！): the post's too
    # (not a label there: 附件：报名表)
    tail = [el for el, text, _k in blocks[last + 1:start] if _box(el) is _box(run[0])
            and _SAID.search(text) and han_count(text) and not dated_line(text)] if last is not None else []
    return run[::-1] + tail


MIN_BETWEEN_HAN = 30  # text between a thread's posts that none of them holds, this long, is a post of its own


def _between_posts(blocks: list[tuple[object, str, str]], start: int, end: int, inside: frozenset,
                   widgets: set[int] = frozenset()) -> list[tuple[Post, object]]:
    """Runs of text between the thread's posts that no post holds, read as first_post reads a post
    (lines of sentences in one box, past dates, links, label rows and toolbars), each a post of its
    own when it holds MIN_BETWEEN_HAN Han characters (a question's lone answer, built unlike the
    comments on the question above it and on the answer below it), with its first line."""
    found, run = [], []

    def close() -> None:
        box = _box(run[0]) if run else None
        # (not an ad's copy between the floors: linked, beside a line that says 广告)
        if box is not None and sum(han_count(_text(el)) for el in run) >= MIN_BETWEEN_HAN \
                and any(SENTENCE_MARKS.search(_text(el)) for el in run) and next(box.iterancestors("a"), None) is None \
                and box.tag != "a" and not any(ad_label(d) for d in (box.getparent() if box.getparent() is not None else box).iter()):
            found.append((Post(box, box, (), ""), run[0]))
        run.clear()

    for i in range(start + 1, end):
        el, text, _k = blocks[i]
        if el in inside or i in widgets or el.tag in _HEADINGS or el.tag == "img":
            close()
        elif _joins(el, run) or _post_line(el, text, run):
            run.append(el)
        else:
            close()
            if _post_line(el, text, run):
                run.append(el)
    close()
    return found


def _joins(el, run: list) -> bool:
    """A block of code or an item of a list in the box of a ``run`` of a post's lines: the post's,
    however short."""
    return bool(run) and el.tag in ("pre", "li") and _box(el) is _box(run[0])


def _post_line(el, text: str, run: list) -> bool:
    """A line of a post's text, next to the ``run`` of them found so far: some Han text, no date
    line, not mostly links, no row of labels or toolbar, and in the same box as the run's lines."""
    return han_count(text) >= MIN_FIRST_POST_HAN and not dated_line(text) and _link_share(el, text) <= MAX_LINKED_SHARE \
        and not _label_row(el) and not _toolbar(el) and (not run or _box(el) is _box(run[0]))


def _box(el):
    """What holds a line of a post: its parent, or for an item of a list the list's parent."""
    parent = el.getparent()
    return parent.getparent() if el.tag == "li" and parent is not None and parent.tag in ("ul", "ol") else parent


MAX_HEADLINE_GAP = 3  # blocks passed between a thread's headline and its question (tags, the asker's line)


def under_headline(blocks: list[tuple[object, str, str]], start: int, titles: tuple[str, ...] = (),
                   widgets: set[int] = frozenset()) -> list:
    """The text right under the thread's headline (the last <h1> above the posts, when the page's
    <title> or og:title starts with it: not a board's or a site's name), read as first_post reads
    a post: a Q&A page's question description, which may stand far above the first answer of the
    list (the accepted answer between them), its first line a sentence. Up to MAX_HEADLINE_GAP lines
    of another kind (the asker, tags, counters, a topic's name) may come first."""
    heads = [i for i in range(start) if blocks[i][0].tag == "h1"]
    named = [fold(t) for t in titles]
    if not heads or len(blocks[heads[-1]][2]) < MIN_TITLE_CHARS \
            or not any(t.startswith(blocks[heads[-1]][2]) for t in named):
        return []
    run: list = []
    for i in range(heads[-1] + 1, start):
        el, text, _key = blocks[i]
        if _joins(el, run):
            run.append(el)
            continue
        if el.tag in _HEADINGS or ((el.tag == "img" or i in widgets) and run):
            break
        if el.tag == "img" or i in widgets:  # the asker's picture, a notice or a button above the text
            continue
        if (run or SENTENCE_MARKS.search(text)) and _post_line(el, text, run):
            run.append(el)
        elif run or i - heads[-1] > MAX_HEADLINE_GAP:
            break
    return run


MIN_ROW_LABELS = 3
MAX_ROW_LABEL_CHARS = 10


def _label_row(el) -> bool:
    """A block made only of short labels side by side, no sentence among them (a login wall's
    list of perks: 不限量看优质回答 私信答主 深度交流), not a post."""
    parts = [c for c in el if isinstance(c.tag, str)]
    if len(parts) < MIN_ROW_LABELS or (el.text or "").strip() or any((c.tail or "").strip() for c in parts):
        return False
    return all(len(_text(c)) <= MAX_ROW_LABEL_CHARS for c in parts) and not re.search(r"[，。；！？,;!?]", _text(el))


# what a thread's toolbar says beside its links: counters (阅读：1532 回复：6, 查看: 2843 | 回覆: 5, 回应 6 条)
_COUNTERS = re.compile(r"^(?:[\s|｜·/]*[^\W\d_]{1,4}\s*[:：]?\s*\d[\d,]*\s*[条次人个篇楼]?)+[\s|｜·/]*$")
_SEPARATORS = re.compile(r"^[\s|｜·/]*$")


def _toolbar(el) -> bool:
    """A thread's toolbar: short links side by side (只看楼主 | 收藏本帖 | 上一主题) with nothing
    beside them but counters and separators, or counters alone; not a post."""
    links = [_text(a) for a in el.iter("a") if _text(a)]
    if any(len(t) > MAX_ROW_LABEL_CHARS for t in links):
        return False
    rest = _text(el)
    for t in links:
        rest = rest.replace(t, " ", 1)
    return _COUNTERS.match(rest) is not None or (bool(links) and _SEPARATORS.match(rest) is not None)
