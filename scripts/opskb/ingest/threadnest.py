"""Replies nested inside a thread's posts (thread.py): a reply to a comment, 楼中楼, an asker's and an
answerer's follow-ups under an answer; read like a thread of their own and kept after the post."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..text import han_count
from .pagetree import _text, before, within
from .replyline import _lone_reply_lines, _reply_lines, _tail_line
from .thread import _BLOCKS, _read_group, signature
from .threadrecords import Post, Thread

MAX_NESTED_GROUPS = 12  # groups of replies nested in a thread's posts looked at closely, the richest first

def with_nested(thread: Thread) -> Thread:
    """Replies inside the posts, after their bodies: elements of one signature under parents
    of one signature across the posts, read like a thread of their own (and other such groups
    that read other replies: boxes built two ways). What stands above a post's body (its
    poster's card: name and headline) is no reply. An opening post laid out unlike the others
    (thread.opening) has its replies read on their own, apart from the others' (read together,
    a question's comments and its answers' comments were both lost)."""
    if thread.opening:
        rest = with_nested(replace(thread, posts=thread.posts[1:], opening=False))
        alone = with_nested(replace(thread, posts=thread.posts[:1], opening=False, chars=0))
        return replace(rest, posts=(*alone.posts, *rest.posts), opening=True, chars=rest.chars + alone.chars)
    by_key: dict[tuple, list] = defaultdict(list)
    for post in thread.posts:
        inside = set(post.body.iter())
        for el in _reach(post, thread.members):
            if el is post.element or el in inside or within(post.body, el) or not before(post.body, el):
                continue
            parent = el.getparent()
            by_key[(signature(parent), signature(el))].append(el)
    groups = sorted((m for m in _turns(by_key) if len(m) >= 2), key=lambda m: -sum(len(e.text_content()) for e in m))
    found = [f for members in groups[:MAX_NESTED_GROUPS] if (f := _read_group(members, min_posts=1))
             and not all(_tail_line(_text(p.body)) for p in f.posts)]
    # the replies one by one: not a reading that takes a box of several replies for one reply's
    # text (their names, places and times with it), when another reads them apart
    found = [f for f in found if not any(_coarser(f, g) for g in found if g is not f)]
    found = found or [f for members in groups[:MAX_NESTED_GROUPS] if (f := _reply_lines(members))]
    # the richest reading, and the others that read other parts of the posts (the comments under one
    # answer built unlike those under the next: two groups)
    chosen: list[Thread] = []
    for f in sorted(found, key=lambda f: -f.chars):
        if not any(within(p.element, q.element) or within(q.element, p.element) for g in chosen for p in f.posts for q in g.posts):
            chosen.append(f)
    replies = [r for f in chosen for r in f.posts]
    posts, chars = [], thread.chars
    for post in thread.posts:
        if chosen:
            order = {el: n for n, el in enumerate(_reach(post, thread.members, tags=()))}
            inner = tuple((r.name, r.body) for r in sorted((r for r in replies if r.element in order), key=lambda r: order[r.element]))
        else:  # a lone reply in the whole thread: its text sits in a field like the posts' own, or on a line (名字：说的话)
            inner = tuple(("", el) for el in _lone_replies(post)) or _lone_reply_lines(post)
            chars += sum(han_count(_text(el)) for _n, el in inner)
        held = {el for _n, el in inner}
        exchange = tuple((label, dd) for label, dd in _exchange(post) if dd not in held and not any(within(dd, el) for el in held))
        chars += sum(han_count(_text(dd)) for _label, dd in exchange)
        posts.append(Post(post.element, post.body, inner + exchange, post.name))
    chars += sum(f.chars for f in chosen)
    return Thread(tuple(posts), thread.members, chars, thread.opening)


MAX_EXCHANGE_LABEL = 4  # characters of a label in an exchange of follow-ups (追问, 追答)


def _exchange(post: Post) -> list[tuple[str, object]]:
    """A back-and-forth under the post, after its body, as a definition list: terms taking turns
    between two short labels (追问, 追答, 追问, …), each over what that side said. Read as replies
    under the post, each named by its label."""
    for dl in post.element.iter("dl"):
        if within(dl, post.body) or not before(post.body, dl):
            continue
        pairs, label = [], None
        for el in dl:
            if el.tag == "dt":
                label = " ".join(_text(el).split())
            elif el.tag == "dd" and label is not None:
                pairs.append((label, el))
                label = None
        labels = [t for t, _dd in pairs]
        if len(pairs) >= 2 and len(set(labels)) == 2 and all(0 < len(t) <= MAX_EXCHANGE_LABEL for t in labels) \
                and all(a != b for a, b in zip(labels, labels[1:], strict=False)) and all(han_count(_text(dd)) for _t, dd in pairs):
            return pairs
    return []


def _turns(by_key: dict[tuple, list]) -> list[list]:
    """The groups of ``by_key`` (elements by their parent's signature and their own), those whose
    parents take turns in one kind of wrapper, boxes of one tag sharing a class, joined (a question's
    follow-ups in dl.replyask line, the answerer's in dl.replyer line): one list of replies, in order."""
    joined: dict[tuple, list] = defaultdict(list)
    for (parent_sig, el_sig), els in by_key.items():
        wrapper = els[0].getparent().getparent()
        joined[(signature(wrapper) if wrapper is not None else None, parent_sig[0], el_sig[0])].append((parent_sig, els))
    out = []
    for parts in joined.values():
        shared = set.intersection(*(set(sig[1].split()) for sig, _e in parts))
        if len(parts) >= 2 and shared:
            els = [el for _sig, e in parts for el in e]
            out.append(sorted(els, key=_document_order(els)))
        else:
            out += [e for _sig, e in parts]
    return out


def _document_order(els: list):
    """A sort key putting ``els`` in the page's order."""
    root, wanted = els[0].getroottree().getroot(), set(els)
    order = {el: n for n, el in enumerate(root.iter()) if el in wanted}
    return order.__getitem__


def _reach(post: Post, members, tags: tuple = _BLOCKS) -> list:
    """The elements (of ``tags``; all with none) of the post's member and, when the member's parent wraps it
    alone, of the boxes after it there (a discussion's replies to a comment, set beside the comment's box)."""
    els = list(post.element.iter(*tags))
    parent = post.element.getparent()
    if parent is not None and not any(m is not post.element and within(m, parent) and not within(post.element, m) for m in members):
        for sibling in post.element.itersiblings():
            if isinstance(sibling.tag, str):
                els += list(sibling.iter(*tags))
    return els


def _coarser(a: Thread, b: Thread) -> bool:
    """One of ``a``'s posts has for its text two posts or more of ``b``."""
    return any(sum(1 for q in b.posts if within(q.element, p.body)) >= 2 for p in a.posts)


def _lone_replies(post: Post) -> list:
    """Blocks inside a post, after its body, built like its body (same tag and classes): replies to
    it. A body without a class (a bare span) tells nothing of how replies are built."""
    if not signature(post.body)[1]:
        return []
    inside = set(post.body.iter())
    key = signature(post.body)
    found = [el for el in post.element.iter(post.body.tag) if el is not post.element and el not in inside
             and not within(post.body, el) and signature(el) == key and _text(el) and before(post.body, el)]
    return [el for el in found if not any(o is not el and within(el, o) for o in found)]
