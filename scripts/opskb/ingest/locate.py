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
   (``pagetree.is_avatar``), nor a story's readers' comments (a box the page's markup names
   a comments section, under the story's prose: ``widgets.below_article``).
4. Threads (``thread``, ``threadmain``): a forum thread or Q&A page becomes its question or first post
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

import functools
import re
from dataclasses import replace

import lxml.html

from ..records import Raw
from ..text import fold, han_count
from .markup import json_ld, meta_content
from .metaline import editor_names
from .pagetitle import (
    MAX_PAGE_TYPE_HAN,
    TITLE_CLASS,
    TITLE_META,
    _headline_text,
    _title_without_h1,
    _whole_title,
    caption_under,
    named_after_page_type,
    opens_post,
)
from .pagetree import (
    _OUT_BLOCKS,
    _SPACES,
    MAX_TREE_DEPTH,
    _leaf_blocks,
    _text,
    _tree,
    class_says,
    collapse_wrappers,
    drop_empty_anchors,
    drop_hidden,
    is_whole_page,
    keep_line_breaks,
    links_and_rest,
    prose_container,
    tree_depth,
    unnest_answers,
)
from .posts import post_word, text_root
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
    find_thread,
)
from .threadmain import MIN_ARTICLE_ELEMENT_HAN, as_thread, is_forum
from .threadrecords import thread_elements
from .title import MAX_SITE_TITLE_CHARS, choose_title, head_part, later_part
from .widgets import (
    ads,
    below_article,
    calls_to_act,
    controls,
    drop_lines,
    figure_cards,
    forms,
    inside,
    labelled_sections,
    notices,
    popups,
    recommended,
    sidebars,
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
        if (_CLAUSE_MARK.search(text[:-1]) and not _links_only(el)) or _link_share(el, text) <= MAX_LINKED_SHARE:
            continue
        out = kept[j][0]
        if out.getparent() is not None:
            out.drop_tree()
            gone += 1
    return gone


_CLAUSE_MARK = re.compile(r"[，。；！？]")  # a sentence's clause or end


def _links_only(el) -> bool:
    """``el`` is two links or more and, besides them, no sentence (公告：<a>……，……</a> <a>【活动】……</a>):
    a list of other pages, whatever punctuation their titles hold."""
    links, rest = links_and_rest(el)
    return len(links) >= 2 and not _CLAUSE_MARK.search(rest)


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
    unnest_answers(page)
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
                     | popups(page) | notices(page) | recommended(page) | signatures(page) | sidebars(page)
                     | labelled_sections(blocks, _comments_label, MIN_ARTICLE_ELEMENT_HAN))
    site_meta = meta_content(page, "og:site_name", "application-name", "SiteName")
    page_text = page.text_content()  # read once: what the page calls its posts, whether it is a forum's
    forum = is_forum(page, page_text, site_meta)
    # (a story's readers' comments, as the page's markup names their box, are not put back either; on
    # a forum's page they are its replies)
    comments = set() if forum else below_article(blocks, _outermost(_comment_sections(page)), MIN_ARTICLE_ELEMENT_HAN)
    first = recover(blocks, main, meta_content(page, "description", "og:description"), widgets | inside(blocks, comments))
    unflatten(blocks, main)
    for el in main.iter():
        if isinstance(el.tag, str) and el.get(RECOVERED) is not None:
            del el.attrib[RECOVERED]
    drop_lines(blocks, widgets, main, _OUT_BLOCKS)
    drop_linked(blocks, main)
    drop_trailing_links(blocks, main)
    authors = [meta_content(page, "author"), meta_content(page, "article:author")]
    drop_named(main, authors + [ld.get("author", ""), ld.get("site", ""), site_meta])
    thread = find_thread(page, forum)
    opening = as_thread(main, blocks, thread, post_word(page_text), forum, widgets, tuple(titles)) if thread is not None else None
    threaded = opening is not None
    site = raw.meta.site or site_meta or ld.get("site") or doc.sitename or ""
    subheads = [_text(h) for h in page.iter("h2", "h3")]
    title = raw.meta.title or choose_title(titles + ([ld["title"]] if "title" in ld else []), h1s, site, subheads)
    title = title or (doc.title or "")
    # (an h1 that neither holds the title nor is held by it is the site's logo or a column's name: 学院新闻;
    # so is one the <title> names after the headline: 标题-栏目-站点 with the h1 栏目)
    if not raw.meta.title and not any(h.strip() and (fold(h) in fold(title) or fold(title) in fold(h))
                                      and not later_part(named or title, h) for h in h1s):
        posts = thread_elements(thread) if threaded else frozenset()
        line = _title_without_h1(title, og, named, page, blocks, first, opening if threaded else None, site, posts)
        # (the same words as the title, but for a stop: the line a post opens with, which the <title> gives as its headline)
        title = title if fold(line) == fold(title) else line
    if not raw.meta.title:
        title = _whole_title(title, blocks)
    if not raw.meta.title and thread is not None and not threaded and not forum and opens_post(title, blocks, h1s):
        # a post without a headline of its own (a micro-blog's: its headline is its text's lead): the
        # comments under it are its replies, however short beside it
        opening = as_thread(main, blocks, thread, post_word(page_text), True, widgets, tuple(titles))
        threaded = opening is not None
    if not raw.meta.title and threaded and (han_count(title) <= MAX_PAGE_TYPE_HAN or named_after_page_type(named, title)
                                            or (len(title) <= MAX_SITE_TITLE_CHARS and fold(head_part(named)) == fold(title))):
        # a thread's headline this short names the page's type (问答广场), or it is what the <title>
        # names after the page's type (问答详情 - 某某课程 - 站点: the course's, the board's name), or a
        # <title> opens with a name that short (某某实战营 | 站点: the group's): the question's own
        # line, in a box its class calls a title, above the posts (with its badge: 精华)
        title = _titled_box(page, thread, titles, title) or title
    # (an h1 whose first line is the headline holds the post's text under it: a video's caption)
    under = [line for line in caption_under(page, title) if fold(line) not in fold(main.text_content())]
    for line in reversed(under):
        para = main.makeelement("p", {})
        para.text = line
        text_root(main).insert(0, para)
    if fold(site) == fold(title) and not raw.meta.site:
        site = ""  # (the extractor's guess from the <title>'s parts: the headline names no site)
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


MIN_BOXED_TITLE_HAN, MAX_BOXED_TITLE_CHARS = 6, 80


def _titled_box(page, thread, titles, title: str) -> str:
    """The text of the nearest box above the thread's posts that its class calls a title, long
    enough to be a question (its badge left out), other than ``title`` (a course's title in the
    h1), when there is one."""
    first = thread.posts[0].element
    found = ""
    for el in page.iter():
        if el is first:
            break
        if isinstance(el.tag, str) and el.tag not in ("title", "a") and class_says(el, TITLE_CLASS):
            text = _headline_text(el, list(titles))
            if han_count(text) >= MIN_BOXED_TITLE_HAN and len(text) <= MAX_BOXED_TITLE_CHARS and fold(text) != fold(title):
                found = text  # (the nearest: a list of the user's groups, titled, may stand above it)
    return found


def _comments_label(text: str) -> bool:
    return rule_named(text, "comments")


MIN_NOSCRIPT_HAN = 200  # a <noscript> with this much text, more than the page's rest, is the page for readers without scripts
WHOLE_PAGE_SHARE = 0.8  # an extraction holding this share of a page's text is the whole page
MIN_WHOLE_PAGE_CHARS = 1000


def _whole_page(doc, page) -> bool:
    """trafilatura's text is (nearly) all the text of a long page, but for the comments section
    it leaves out by design (on a video's page what remains is its menus, player, description and
    sidebar): no article was found."""
    body = page.find("body")
    total = len(_SPACES.sub("", (body if body is not None else page).text_content()))
    if total < MIN_WHOLE_PAGE_CHARS:
        return False
    total -= sum(len(_SPACES.sub("", el.text_content())) for el in _outermost(_comment_sections(page)))
    return len(_SPACES.sub("", doc.text or "")) >= WHOLE_PAGE_SHARE * total


def _comment_sections(page) -> list:
    """The boxes trafilatura takes for a comments section and prunes when comments are off."""
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH
    return [el for xpath in REMOVE_COMMENTS_XPATH for el in xpath(page)]


def _outermost(els: list) -> list:
    ids = {id(el) for el in els}
    return [el for el in els if not any(id(a) in ids for a in el.iterancestors())]


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
