"""The records a thread is read into (thread.py, replyline.py): a post's text field, a post, a
thread; and what tells text written in sentences and a line of inline parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_MARKS = re.compile(r"[，。！？；,!?;]")  # text written in sentences has one of these, a label or a name none
MAX_NAME_CHARS = 24
# a page's comments are a short post's replies, not an article's readers' comments (a whole page's, a page copy's):
REPLY_SHARE = 1 / 3  # ... when they hold at least a third as much text as the text above them
MAX_THREAD_LEAD = 600  # ... and it holds no more Han characters than this
MIN_THREAD_HAN = 20  # Han characters all the posts of a thread hold (one nested reply: half)


def replies_beside(lead: int, said: int) -> bool:
    """Comments holding ``said`` Han characters under a text of ``lead`` are its replies (a short post's),
    not an article's readers' comments."""
    return lead <= MAX_THREAD_LEAD and said >= REPLY_SHARE * lead


# the tags that run inline in a line of text (a post's words beside its quote box, a reply's parts)
_INLINE = frozenset({"span", "a", "b", "strong", "em", "i", "u", "font", "small", "big", "sup", "sub", "code", "br", "img"})


@dataclass(frozen=True)
class Field:
    el: object
    path: tuple  # field_key
    text: str
    link_share: float


@dataclass(frozen=True)
class Post:
    element: object  # the member of the group
    body: object  # the element holding the post's text
    extra: tuple  # (name, body) of the replies nested in the post, outside its body
    name: str


@dataclass(frozen=True)
class Thread:
    posts: tuple[Post, ...]
    members: frozenset
    chars: int  # Han characters of all post bodies
    opening: bool = False  # the first post is the thread's opening post, read from a member laid out unlike the replies


def thread_elements(thread: Thread) -> frozenset:
    """Every element inside the thread's posts' boxes (its members)."""
    return frozenset(d for m in thread.members for d in m.iter())
