"""Writing a thread (thread.py) into the main content: each post after the question or first
post, under a heading with its number and poster, without the controls, ad cards and reply
headers a reader cannot use on the source page."""

from __future__ import annotations

import copy
import re

from lxml import etree

from .pagetree import _text, links_and_rest
from .threadrecords import MAX_NAME_CHARS, Post, Thread
from .widgets import ads, controls

_MEASURE = {"回复": "条", "回答": "个"}  # what post_word calls the posts, and how they are counted
# the heading append_posts gives a post (回复 2 · 老王, 第 3 条回复)
POST_HEADING = re.compile(rf"^(?:(?:{'|'.join(_MEASURE)}) \d+ · \S.*"
                          rf"|第 \d+ (?:{'|'.join(m + w for w, m in _MEASURE.items())}))$")


def post_word(text: str) -> str:
    """What a page whose text is ``text`` calls its posts: 回答 on a Q&A page, else 回复."""
    return "回答" if text.count("回答") > text.count("回复") else "回复"


# what stands between two names in a reply's header (甲 回复 乙): with nothing else there, the
# header of a reply, not its text
_REPLY_TO = re.compile(r"^\s*(?:回复|回覆|答复|reply(?:ing)?\s+to|replied\s+to)\s*[:：]?\s*$", re.I)


def _reply_header(el) -> bool:
    """An element that only names who replies to whom: two links (the names) around 回复."""
    links, rest = links_and_rest(el)
    return len(links) >= 2 and bool(_REPLY_TO.match(rest))


def _clean_copy(el):
    """A copy of a post's body without controls a reader cannot use here (widgets.controls too), ad cards (widgets.ads),
    nor the headers of the replies inside it (甲 回复 乙)."""
    new = copy.deepcopy(el)
    for form in list(new.iter("form")):  # a form the post's text is shown in (to edit it in place) is only its box
        if next(form.iter("textarea", "select"), None) is None \
                and not any((i.get("type") or "text").lower() in ("text", "search") for i in form.iter("input")):
            form.tag = "div"
    for bad in list(new.iter("button", "input", "textarea", "select", "form", "svg")):
        if bad.getparent() is not None:
            bad.drop_tree()
    for card in ads(new) | controls(new):  # (and buttons a script makes of other elements: 复制 on a code block)
        if card.getparent() is not None:
            card.drop_tree()
    for header in {a.getparent() for a in new.iter("a")} - {None}:  # the names are links side by side
        if header is not new and _reply_header(header):
            header.drop_tree()
    new.tail = None
    return new


_COLON = re.compile(r"^\s*[:：]\s*")


def said_by(body) -> tuple[object, str]:
    """The link a post's text opens with and the colon after it, past the badges pictured beside the
    name (<a>名字</a><img alt="作者">:<span>说的话</span>, a micro-blog's comment): the link and its
    name; (None, "") otherwise."""
    first = next((c for c in body if isinstance(c.tag, str)), None)
    if first is None or first.tag != "a" or (body.text or "").strip():
        return None, ""
    name = _text(first)
    if not (0 < len(name) <= MAX_NAME_CHARS) or not _COLON.match(_words_after(first)):
        return None, ""
    return first, name


def _badges_after(link) -> list:
    """The pictures standing right after ``link`` with no text between."""
    out, node = [], link
    while not (node.tail or "").strip() and node.getnext() is not None and node.getnext().tag == "img":
        node = node.getnext()
        out.append(node)
    return out


def _words_after(link) -> str:
    """The text right after ``link`` and the badges beside it: its tail, or the next element's text."""
    last = (_badges_after(link) or [link])[-1]
    if (last.tail or "").strip():
        return last.tail
    after = last.getnext()
    return (after.text or "") if after is not None else ""


def _without_speaker(box, name: str) -> None:
    """``box`` (a post's copy under a line that names ``name``) without the name, its badges and the
    colon it opens with."""
    link, said = said_by(box)
    if link is None or said != name:
        return
    badges = _badges_after(link)
    last = (badges or [link])[-1]
    if (last.tail or "").strip():
        last.tail = _COLON.sub("", last.tail, count=1)
    elif last.getnext() is not None:
        last.getnext().text = _COLON.sub("", last.getnext().text or "", count=1)
    for el in [*badges, link]:
        el.drop_tree()  # (each with its tail, emptied of the colon above)


def text_root(main):
    """Where the text of ``main`` (an extractor's output) stands: its body, or itself without one."""
    body = main.find("body")
    return body if body is not None else main


def append_posts(main, thread: Thread, word: str, opening_post: bool = False) -> None:
    """The posts after the main content, each under a heading with its number and poster; with
    ``opening_post`` the first of them is the thread's opening post (楼主), the page's text with
    no heading (its poster is the page's author), and the replies are numbered from it."""
    target = text_root(main)
    for n, post in enumerate(thread.posts, 0 if opening_post else 1):
        target.extend(post_elements(post, n, word))


def post_elements(post: Post, n: int, word: str) -> list:
    """One post as the thread shows it: a heading with its number ``n`` and its poster (none for
    the opening post, 0), its text, then the replies nested in it, each quoted under its poster's name."""
    out = []
    if n:
        head = post.body.makeelement("h2", {})  # (an element of the page's kind: lxml.html's, when it is one)
        # without a name, 第 3 条回复: a bare 回复 3 reads as a counter of replies and would go
        head.text = f"{word} {n} · {post.name}" if post.name else f"第 {n} {_MEASURE.get(word, '个')}{word}"
        out.append(head)
    box = post.body.makeelement("div", {})
    box.append(_clean_copy(post.body))
    if n and post.name:
        _without_speaker(box[-1], post.name)  # (the heading names the poster)
    for name, body in post.extra:
        quote = etree.SubElement(box, "blockquote")
        if name:
            etree.SubElement(quote, "p").text = f"{name}："
        quote.append(_clean_copy(body))
        if name:
            _without_speaker(quote[-1], name)  # (the line over it names the poster)
    out.append(box)
    return out
