"""Stage 1b: find the article in a whole web page, before it is parsed.

A page saved from a browser or a crawler holds one article among menus, sidebars,
recommendation lists, comment areas and footers. A fragment (the body of a post, as
a blog exports it) holds only the article, and keeps every paragraph.

For a whole page:
1. Text the saved page hides (``display:none``, the ``hidden`` attribute,
   ``<template>``) is removed: a reader never saw it. A page nested deeper than the
   HTML parsers below accept has its chains of bare wrappers (a ``div`` whose only
   content is another ``div``) collapsed first.
2. trafilatura finds the main content and returns it as simple HTML (headings,
   paragraphs, lists, tables, bold, quotes), with the page's title, author, date
   (htmldate) and site name.
3. Recall repair (``recover``): what trafilatura dropped between the first and last paragraphs it
   kept is put back in its place: section headings with text under them, prose,
   items of lists and tables, pictures (not a row of them), the byline; and summary
   paragraphs just above the first kept one. Our Chinese rules in ``clean`` judge
   them like any other line. Cards of other stories (a run of linked headlines with their
   pictures and summaries), forms, ad cards, controls, popups and recommended stories
   (``widgets``) are never put back, and their lines go; nor are pictures of users
   (``pagetree.is_avatar``).
4. Threads (``thread``): a forum thread or Q&A page becomes its question or first post
   (put back from the page when trafilatura kept none of it) and every post after it under
   a heading; on a forum's page (楼主, or a site that calls itself a forum) a long first
   post's comments are replies too. Above the posts, the question's counters, a login
   wall's row of perks, short links (a tag, a board) and the first poster's name under an
   avatar go, and so do the pictures of the posts' part of the page. Lines trafilatura ran together are split back into the
   page's blocks, and lines around the article that are links on the page go.
5. The headline (``title``): the ``h1`` that matches the page's ``<title>`` or
   ``og:title``, else that title without its site and channel suffixes; with no ``h1``, a
   thread's first post's opening sentence when the ``<title>`` is not on the page or only
   names the kind of page (帖子详情).
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import replace

import lxml.html

from ..records import Raw
from ..text import fold, han_count
from .markup import json_ld, meta_content
from .metaline import editor_names
from .pagetitle import TITLE_META, _headline_text, _title_without_h1, _whole_title
from .pagetree import (
    _OUT_BLOCKS,
    _SPACES,
    MAX_TREE_DEPTH,
    _leaf_blocks,
    _text,
    _tree,
    alt_text,
    collapse_wrappers,
    drop_empty_anchors,
    drop_hidden,
    is_whole_page,
    keep_line_breaks,
    prose_container,
    tree_depth,
    within,
)
from .parse import image_src
from .postfields import dated_line, figures_only
from .posts import append_posts, post_word
from .read import normalize_date
from .recover import (
    _BYLINE,
    _HEADINGS,
    LEAD_WINDOW,
    MAX_BYLINE_CHARS,
    MAX_LINKED_SHARE,
    MIN_LEAD_HAN,
    RECOVERED,
    _align,
    _is_prose,
    _link_share,
    recover,
    rejoin_inline_code,
    unflatten,
)
from .rules import match_rule, rule_named
from .thread import (
    MAX_THREAD_LEAD,
    REPLY_SHARE,
    Thread,
    base_key,
    find_thread,
    signature,
)
from .title import choose_title, later_part
from .widgets import (
    ads,
    calls_to_act,
    controls,
    drop_lines,
    figure_cards,
    forms,
    inside,
    labelled_sections,
    popups,
    recommended,
    signatures,
    story_cards,
)

_AUTHOR_LABEL = re.compile(r"^(?:作者|文|撰文|记者|author|by)\s*[:：/|丨]", re.I)
MAX_DATELINE_CHARS = 80
_DATELINE_WORD = re.compile(r"\d+\s*版|日电|发布|发表|刊发|原载|来源")


MIN_LINKED_CHARS = 6


def drop_linked(blocks: list[tuple[object, str, str]], main) -> int:
    """Remove from ``main`` the lines above the article's first sentence or below its last
    that are links on the page (a menu, a list of other stories, a channel's name linking to
    it), whatever their words: the page's own element for the line is mostly link text.
    Headings and lines with sentence punctuation in the middle stay. Returns how many went."""
    kept = [(el, fold(_text(el))) for el in main.iter("p", "li", "td")]
    kept = [(el, k) for el, k in kept if k]
    prose = [j for j, (el, _k) in enumerate(kept) if _is_prose(_text(el))]
    if not prose:
        return 0
    gone = 0
    for i, j in _align(blocks, kept).items():
        if prose[0] < j < prose[-1]:
            continue  # inside the article: a linked item of its own list
        el, text, _k = blocks[i]
        if el.tag == "img" or el.tag in _HEADINGS or len(text) < MIN_LINKED_CHARS:
            continue
        if re.search(r"[，。；！？]", text[:-1]) or _link_share(el, text) <= MAX_LINKED_SHARE:
            continue
        out = kept[j][0]
        if out.getparent() is not None:
            out.drop_tree()
            gone += 1
    return gone


_SENTENCE_CLOSE = "。！？!?）)」』”"
MIN_LINKED_LINE_CHARS = 10


def drop_trailing_links(blocks: list[tuple[object, str, str]], main) -> int:
    """Remove a link of the site's own (返回首页，查看更多; 点击阅读原文) that a page sets at the end of
    a paragraph, after its last sentence: the paragraph (the story's credit line) stays without
    it. The page's block tells the link apart; ``main`` holds its words run into the line.
    Returns how many went."""

    tails: dict[str, str] = {}  # a page block's text -> the words of the link ending it
    for el, text, _k in blocks:
        last = el[-1] if len(el) else None
        if last is None or last.tag != "a" or (last.tail or "").strip():
            continue
        words = _text(last)
        before = text[: -len(words)].strip() if words and text.endswith(words) else ""
        if len(before) >= MIN_LINKED_LINE_CHARS and before[-1] in _SENTENCE_CLOSE and match_rule(words):
            tails[text] = words
    gone = 0
    for el in main.iter(_OUT_BLOCKS):
        words = tails.get(_text(el))
        if words and len(el) == 0 and el.text and el.text.rstrip().endswith(words):
            el.text = el.text.rstrip()[: -len(words)].rstrip()
            gone += 1
    return gone


def drop_named(main, names: list[str]) -> int:
    """Remove from ``main`` the lines above the article's first sentence that only say a name
    the page's metadata gives as its author or publisher (an author box: 某某报网络版 under an
    avatar, a channel's name). Returns how many went."""
    wanted = {fold(n).strip() for n in names if n and len(n.strip()) >= 2}
    if not wanted:
        return 0
    gone = 0
    for el in list(main.iter(_OUT_BLOCKS)):
        text = _text(el)
        if _is_prose(text):
            break
        if fold(text).strip() in wanted and el.tag != "h1" and el.getparent() is not None:
            el.drop_tree()
            gone += 1
    return gone


def as_thread(main, blocks: list[tuple[object, str, str]], thread: Thread, word: str, forum: bool = False,
              widgets: set[int] = frozenset()) -> list | None:
    """Make ``main`` the thread: what it holds above the posts (the question or first post),
    then every post under a heading. Not when the posts are comments under an article (a
    long text above them, or one they hold a small share of beside it). Returns the page's
    blocks of the first post (see first_post), or None when ``main`` is not a thread."""
    kept = [(el, fold(_text(el))) for el in main.iter(_OUT_BLOCKS)]
    kept = [(el, k) for el, k in kept if k]
    inside: set = set()
    for member in thread.members:
        inside.update(member.iter())
    at_posts = [i for i, (el, _t, _k) in enumerate(blocks) if el in inside]
    if not at_posts:
        return None
    start, end = at_posts[0], at_posts[-1]
    aligned = _align(blocks, kept)
    cut = min((j for i, j in aligned.items() if i >= start), default=len(kept))
    lead = sum(han_count(k) for _el, k in kept[:cut])
    after = sum(han_count(kept[j][1]) for i, j in aligned.items() if i > end)
    # the posts are the page's main text or follow it; not a list above the article
    # on a forum a long first post's comments are its replies
    # ... nor below an article in an <article> of the page that holds none of the posts (a blog's, a
    # column's): its readers' comments. (Subheadings do not tell: a community's topic has them too.)
    if (not forum and (thread.chars < REPLY_SHARE * lead or lead > MAX_THREAD_LEAD or _in_article(blocks[:start], thread))) \
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
    carried = {k for el, _t, k in blocks[start:end + 1] if k and el not in text}
    gone += [el for el, k in kept[:cut] if k in carried]
    # ... and a post's whole text the page also shows above the posts (a box of the best replies: 这些回帖亮了)
    whole = {k for p in thread.posts if (k := fold(_text(p.body)))}
    gone += [el for el, k in kept[:cut] if k in whole]
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()
    # the first post holds the thread's title: it is the opening post (楼主), nothing above it is
    titled = len(thread.posts) >= 2 and _holds_title(thread.posts[0].element)
    # the question or first post, when trafilatura kept none of it, goes first
    opening = [] if titled else first_post(blocks, start, widgets)
    missing = [el for el in opening if not any(fold(_text(el)) in k for _e, k in kept[:cut])]
    # nothing above the posts but the headline: the first of them is the thread's opening post (楼主)
    headlines = {k for el, _t, k in blocks if el.tag == "h1"}
    starts = titled or not opening and len(thread.posts) >= 2 and not any(
        han_count(_text(el)) >= MIN_FIRST_POST_HAN for el in main.iter(_OUT_BLOCKS)
        if el.tag not in _HEADINGS and fold(_text(el)) not in headlines)
    target = main.find("body") if main.find("body") is not None else main
    for k, el in enumerate(missing):
        copied = copy.deepcopy(el)
        copied.tail = None
        target.insert(k, copied)
    append_posts(main, thread, word, opening_post=starts)
    return [thread.posts[0].body] if starts else opening


MAX_POSTER_CHARS = 24
MIN_TITLE_CHARS = 6


def _holds_title(member) -> bool:
    """A heading in ``member`` that the page's <title> holds: the thread's title, which Discuz! and
    PHPWind put in the opening post's box."""
    found = member.getroottree().find(".//title")
    title = fold(_text(found)) if found is not None else ""
    return bool(title) and any(len(k) >= MIN_TITLE_CHARS and k in title
                               for h in member.iter(*_HEADINGS) if (k := fold(_text(h))))


MIN_ARTICLE_ELEMENT_HAN = 200  # an <article> with this much text above the posts is the page's article


def _in_article(above: list[tuple[object, str, str]], thread: Thread) -> bool:
    """The text above the posts stands in an <article> of the page that holds none of them (a
    forum's posts may each be an <article>: the first one is a post itself) and is not built like
    the posts' own (a Q&A page formats the question's text as it does each answer's)."""
    inner = {signature(a) for m in thread.members for a in m.iter("article")}
    # the box each post's text stands in (div.fmt of div.answer): a question written in one is a post's
    bodies = {key for p in thread.posts if (key := base_key(p.body))[1]}
    seen: set = set()
    for el, _t, _k in above:
        for art in el.iterancestors("article"):
            if art in seen:
                continue
            seen.add(art)
            if han_count(_text(art)) >= MIN_ARTICLE_ELEMENT_HAN and signature(art) not in inner \
                    and not any(within(m, art) for m in thread.members) \
                    and not any(base_key(d) in bodies for d in art.iter() if isinstance(d.tag, str)):
                return True
    return False


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


_FORUM_SITE = re.compile(r"论坛|bbs|forum", re.I)


def is_forum(page, text: str, site: str) -> bool:
    """The page (whose text is ``text``) is a forum's: it marks the thread's starter (楼主), or its
    site calls itself a forum in the page title's site part or its site-name meta (``site``)."""
    if "楼主" in text:
        return True
    title = next(iter(page.iter("title")), None)
    parts = re.split(r"\s[-|_–—]\s|[|｜_]", _text(title)) if title is not None else []
    # only the site's part: in a headline 论坛 is as often a conference (社群运营论坛在京开幕)
    return any(_FORUM_SITE.search(p) for p in parts[1:] + [site])


MIN_FIRST_POST_HAN = 8  # a line above the posts with this many Han characters may be the first post
MAX_FIRST_POST_LOOKBACK = 12  # page blocks looked at above the first post of a thread


def first_post(blocks: list[tuple[object, str, str]], start: int, widgets: set[int] = frozenset()) -> list:
    """The question or first post of a thread, when the main content left it out (a short
    post above a list of replies built from another template): the nearest run of text blocks
    above the first reply, past its poster's name, date, counters and links, up to a heading;
    the paragraphs of one post share their parent (a topic's name above it in a box of its own
    is not the post), and so does a block of code between them. Lines of ``widgets`` (an ad card
    between the topic and its replies) are passed by."""
    run: list = []
    for i in range(start - 1, max(0, start - MAX_FIRST_POST_LOOKBACK) - 1, -1):
        el, text, _key = blocks[i]
        if run and el.tag == "pre" and el.getparent() is run[0].getparent():
            run.append(el)
            continue
        if el.tag in _HEADINGS or el.tag == "img" or i in widgets:
            if run:
                break
            continue
        if han_count(text) >= MIN_FIRST_POST_HAN and not dated_line(text) and _link_share(el, text) <= MAX_LINKED_SHARE \
                and not _label_row(el) and not _toolbar(el) and (not run or el.getparent() is run[0].getparent()):
            run.append(el)
        elif run:
            break
    return run[::-1]


MIN_ROW_LABELS = 3
MAX_ROW_LABEL_CHARS = 10


def _label_row(el) -> bool:
    """A block made only of short labels side by side, no sentence among them (a login wall's
    list of perks: 不限量看优质回答 私信答主 深度交流), not a post."""
    parts = [c for c in el if isinstance(c.tag, str)]
    if len(parts) < MIN_ROW_LABELS or (el.text or "").strip() or any((c.tail or "").strip() for c in parts):
        return False
    return all(len(_text(c)) <= MAX_ROW_LABEL_CHARS for c in parts) and not re.search(r"[，。；！？,;!?]", _text(el))


# what a thread's toolbar says beside its links: counters (阅读：1532 回复：6, 查看: 2843 | 回覆: 5)
_COUNTERS = re.compile(r"^(?:[\s|｜·/]*[^\W\d_]{1,4}\s*[:：]?\s*\d[\d,]*)+[\s|｜·/]*$")
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


# ---------------------------------------------------------------- metadata


@functools.lru_cache(maxsize=1)
def _trafilatura():
    from trafilatura import bare_extraction
    from trafilatura.htmlprocessing import build_html_output

    return bare_extraction, build_html_output


def _noscript_page(el, page_han: int) -> bool:
    """A <noscript> holding the page's text (MIN_NOSCRIPT_HAN Han characters at least, more than the rest
    of the page's ``page_han``): what a site renders for readers without scripts, the scripts building
    the page for the others."""
    inside = han_count(el.text_content())
    return inside >= MIN_NOSCRIPT_HAN and inside > page_han - inside


def locate(raw: Raw) -> Raw:
    """The article's HTML and the page's metadata, for a whole page; anything else as it is."""
    if not raw.is_html or not is_whole_page(raw.body):
        return raw
    page = _tree(raw.body)
    if tree_depth(page) > MAX_TREE_DEPTH:  # libxml2 may have cut the page short
        page = _tree(collapse_wrappers(raw.body))
    ld = json_ld(page)
    drop_hidden(page)
    drop_empty_anchors(page)
    keep_line_breaks(page)  # (before the style sheets go)
    for el in list(page.iter("script", "style", "marquee")):  # (a marquee: a site's scrolling notices)
        el.drop_tree()
    noscripts = list(page.iter("noscript"))  # (a lazy-loading page has one a picture)
    page_han = han_count(page.text_content()) if noscripts else 0
    for el in noscripts:
        if _noscript_page(el, page_han):
            el.drop_tag()  # a forum's whole page for readers without scripts (Discourse's crawler view): its text is the page's
        else:
            el.drop_tree()  # a tracking pixel, a note asking for JavaScript
    og, named = meta_content(page, *TITLE_META), _first_text(page, "title")  # (the headline's meta tag, <title>)
    titles = [t for t in (og, named) if t]
    h1s = [_headline_text(h, titles) for h in page.iter("h1")]
    bare_extraction, build_html_output = _trafilatura()
    # trafilatura reads its own parse of the cleaned page (it repairs namespaced XHTML on the way);
    # images off: with them on, it prefers a picture list of related articles to the story
    html = lxml.html.tostring(page, encoding="unicode")
    settings = dict(
        with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_formatting=True, include_links=False,
        # publication date from the page's markup and text, without htmldate's slow search of every
        # string (150 ms a page, most of locate's time)
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    doc = bare_extraction(html, **settings)
    if doc is not None and _whole_page(doc, page):
        # trafilatura gave up and returned the page's whole text (menus, lists and all): its stricter
        # mode finds the article on such pages
        strict = bare_extraction(html, favor_precision=True, **settings)
        if strict is not None and strict.body is not None and han_count(strict.text or "") >= MIN_LEAD_HAN:
            doc = strict
    if doc is not None and _whole_page(doc, page):
        # neither mode told the story from a page laid out in tables: read the cell holding its
        # sentences (on pages laid out in divs the whole page's extraction keeps more of the story)
        cell = prose_container(page)
        if cell is not None and (cell.tag == "td" or next(cell.iterancestors("td"), None) is not None):
            inner = bare_extraction(lxml.html.tostring(cell, encoding="unicode"), **settings)
            if inner is not None and inner.body is not None and han_count(inner.text or "") >= MIN_LEAD_HAN:
                doc.body, doc.text = inner.body, inner.text  # (the page's metadata stays the whole page's)
    if doc is None or doc.body is None or not len(doc.body):
        return replace(raw, warning=_join(raw.warning, "未能识别正文区域，保留整页文字"))
    main = lxml.html.fromstring(build_html_output(doc))
    rejoin_inline_code(main)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    # other stories' cards, forms, ad cards, controls, popups, recommended stories (widgets.py): never put
    # back, and their lines go
    # (and an article's comments section, opened by its label: 网友评论 over readers' comments)
    widgets = inside(blocks, story_cards(page) | forms(page) | ads(page) | calls_to_act(page) | figure_cards(page) | controls(page)
                     | popups(page) | recommended(page) | signatures(page) | labelled_sections(blocks, _comments_label, MIN_ARTICLE_ELEMENT_HAN))
    first = recover(blocks, main, meta_content(page, "description", "og:description"), widgets)
    unflatten(blocks, main)
    for el in main.iter():
        if isinstance(el.tag, str) and el.get(RECOVERED) is not None:
            del el.attrib[RECOVERED]
    drop_lines(blocks, widgets, main, _OUT_BLOCKS)
    drop_linked(blocks, main)
    drop_trailing_links(blocks, main)
    authors = [meta_content(page, "author"), meta_content(page, "article:author")]
    site_meta = meta_content(page, "og:site_name", "application-name", "SiteName")
    drop_named(main, authors + [ld.get("author", ""), ld.get("site", ""), site_meta])
    page_text = page.text_content()  # read once: what the page calls its posts, whether it is a forum's
    forum = is_forum(page, page_text, site_meta)
    thread = find_thread(page, forum)
    opening = as_thread(main, blocks, thread, post_word(page_text), forum, widgets) if thread is not None else None
    threaded = opening is not None
    site = raw.meta.site or site_meta or ld.get("site") or doc.sitename or ""
    subheads = [_text(h) for h in page.iter("h2", "h3")]
    title = raw.meta.title or choose_title(titles + ([ld["title"]] if "title" in ld else []), h1s, site, subheads)
    title = title or (doc.title or "")
    # (an h1 that neither holds the title nor is held by it is the site's logo or a column's name: 学院新闻;
    # so is one the <title> names after the headline: 标题-栏目-站点 with the h1 栏目)
    if not raw.meta.title and not any(h.strip() and (fold(h) in fold(title) or fold(title) in fold(h))
                                      and not later_part(named or title, h) for h in h1s):
        title = _title_without_h1(title, og, named, page, blocks, first, opening if threaded else None, site)
    if not raw.meta.title:
        title = _whole_title(title, blocks)
    bylines = _bylines(main)
    date = (raw.meta.date or normalize_date(ld.get("date", ""))
            or normalize_date(meta_content(page, "article:published_time", "pubdate", "publishdate", "datePublished", "PubDate"))
            or next((d for d in map(normalize_date, bylines) if d), "")
            # a thread's date is its first post's (the line under the question), before the extractor's guess
            # (an answer's marked-up time); an article's is the extractor's, before a dateline near its start
            or (_date_near(blocks, first) or doc.date if threaded else doc.date or _date_near(blocks, first)))
    # the byline names the author: clean reads it from there, before trafilatura's guess
    stated = any(_AUTHOR_LABEL.match(b) for b in bylines)
    # a thread whose opening post is the first of its posts: its poster wrote the page
    starter = thread.posts[0].name if threaded and opening and opening[0] is thread.posts[0].body else ""
    # (before the page's author tag, which on a forum names the forum's software or site)
    author = (starter or ld.get("author", "") or next((a for a in authors if a), "")
              # on a thread trafilatura's guess is a poster's name and badges, not the page's author
              or ("" if stated or threaded else doc.author or ""))
    if author and author.strip() in editor_names(page_text):
        author = ""  # the page credits that name as its editor (责任编辑：某某): not the author, whoever says so
    meta = replace(
        raw.meta,
        title=title,
        author=raw.meta.author or author,
        date=date,
        site=_SPACES.sub(" ", site).strip(),
    )
    body = lxml.html.tostring(main, encoding="unicode")
    return replace(raw, body=body, meta=meta)


def _comments_label(text: str) -> bool:
    return rule_named(text, "comments")


MIN_NOSCRIPT_HAN = 200  # a <noscript> with this much text, more than the page's rest, is the page for readers without scripts
WHOLE_PAGE_SHARE = 0.8  # an extraction holding this share of a page's text is the whole page
MIN_WHOLE_PAGE_CHARS = 1000


def _whole_page(doc, page) -> bool:
    """trafilatura's text is (nearly) all the text of a long page: no article was found."""
    body = page.find("body")
    total = len(_SPACES.sub("", (body if body is not None else page).text_content()))
    got = len(_SPACES.sub("", doc.text or ""))
    return total >= MIN_WHOLE_PAGE_CHARS and got >= WHOLE_PAGE_SHARE * total


def _bylines(main, lines: int = 12) -> list[str]:
    """The byline lines near the article's start (作者：张三 | 2024-05-05, 发布时间：…)."""
    out = []
    for n, el in enumerate(main.iter("p")):
        if n >= lines:
            break
        text = _text(el)
        if len(text) <= MAX_BYLINE_CHARS and _BYLINE.match(text):
            out.append(text)
    return out


def _profile_field(text: str) -> bool:
    """A line the rules take for a counter or a member's profile field (注册: 2019-07-02, 在线时间: 120 小时)."""
    return rule_named(text, "counter")


def _date_near(blocks: list[tuple[object, str, str]], first: int) -> str:
    """A date stated on a short line around the article's start (a dateline, a print-edition
    note), when the markup states none; not a date in a poster's profile (注册: 2019-07-02)."""
    start = max(0, first - LEAD_WINDOW) if first >= 0 else 0
    for _el, text, _k in blocks[start:start + LEAD_WINDOW + 10]:
        if 0 < len(text) <= MAX_DATELINE_CHARS and not _profile_field(text):
            date = normalize_date(text)
            if date:
                return date
    # further down, only a line that says it is a dateline: 《光明日报》（2024年05月11日 09版）
    for _el, text, _k in blocks[start:]:
        if 0 < len(text) <= MAX_DATELINE_CHARS // 2 and _DATELINE_WORD.search(text):
            date = normalize_date(text)
            if date:
                return date
    return ""


def _first_text(tree, tag: str) -> str:
    for el in tree.iter(tag):
        return _text(el)
    return ""


def _join(a: str, b: str) -> str:
    return f"{a}；{b}" if a else b
