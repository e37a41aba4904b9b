"""Replies written one to a line (a Tieba thread's 楼中楼, a group's comments 名字：说的话): each
line's part holding most of its text is the reply, a name before it its poster (thread.py reads
them nested in posts, and on a forum's page as the comments themselves)."""

from __future__ import annotations

import re

import lxml.html

from ..text import han_count
from .pagetree import _text, before
from .postfields import dated_line
from .rules import match_rule
from .threadrecords import _INLINE, MAX_NAME_CHARS, SENTENCE_MARKS, Post, Thread

MIN_REPLY_LINE_HAN, MAX_REPLY_LINE_PARTS = 4, 4  # a reply written on one line: its text this long, in this many parts at most


def _comment_lines(members: list, min_han: int) -> Thread | None:
    """On a forum's page, comments each written on one line (名字：说的话, 某某 回复 某某：说的话) as
    the first line of their box (the replies to them under it): each read as a reply (_reply_line)."""
    posts = []
    for member in members:
        line = next((el for el in member.iter() if isinstance(el.tag, str) and _one_line(el)), None)
        post = _reply_line(line) if line is not None else None
        if post is None:
            return None
        posts.append(Post(member, post.body, (), post.name))
    chars = sum(han_count(_text(p.body)) for p in posts)
    return Thread(tuple(posts), frozenset(members), chars) if chars >= min_han else None


def _one_line(el) -> bool:
    """An element of inline parts only, two or more: a line."""
    parts = [c for c in el if isinstance(c.tag, str)]
    return len(parts) >= 2 and all(c.tag in _INLINE for c in parts)


def _tail_line(text: str) -> bool:
    """A line of a post's tail, no reply: one the rules know, a date, or a few characters (IP属地：上海, 1 楼)."""
    return bool(match_rule(text)) or dated_line(text) or han_count(text) < MIN_REPLY_LINE_HAN


def _reply_lines(members: list) -> Thread | None:
    """Replies written one to a line, each of the same few inline parts (some 某某：回复 某某 :说得对 2015-8-11 21:41,
    a Tieba thread's 楼中楼); None unless every member reads so (_reply_line)."""
    posts = [_reply_line(member) for member in members]
    if any(p is None for p in posts):
        return None
    return Thread(tuple(posts), frozenset(members), sum(han_count(_text(p.body)) for p in posts))


def _lone_reply_lines(post: Post) -> tuple:
    """(name, text) of the lines inside a post, after its body, each reading as one reply (_reply_line):
    the one comment under one answer of the whole thread."""
    inside = set(post.body.iter())
    lines = [el for el in post.element.iter("div", "li", "p") if el is not post.element and el not in inside
             and before(post.body, el) and _one_line(el)]
    # (opening with a part, its words no link: not a signature's line, 我的论坛：<a>网址</a>)
    replies = [r for el in lines if not (el.text or "").strip() and (r := _reply_line(el)) is not None
               and r.body.tag != "a" and not _tail_line(_text(r.body))]
    return tuple((r.name, r.body) for r in replies)


def _reply_line(member) -> Post | None:
    """One reply on a line: the part holding most of its text is the reply, a linked name before it
    its poster, with a date after it or before it the words of a reply to someone (某某 回复 某某：).
    Without either: short parts (a name, its badges) and then the words, in sentences or opening
    with a colon."""
    parts = [c for c in member if isinstance(c.tag, str)]
    if _tail_words(member, parts) is not None:
        parts = [c for c in member if isinstance(c.tag, str)]
    # (the words, not the linked name as long as them: 小雨妈妈的杂货铺 楼主 回复 某某 : 大部分是网上找的……)
    body = max(parts, key=lambda c: (han_count(_text(c)), c.tag != "a"), default=None)
    if body is None or han_count(_text(body)) < MIN_REPLY_LINE_HAN or len(member) > MAX_REPLY_LINE_PARTS:
        return None
    words = _text(body)
    lead = _text(member).split(words)[0]
    if any(dated_line(_text(c)) for c in parts if not before(c, body) and c is not body) or _REPLY_TO.search(lead):
        name = next((_text(c) for c in parts if c.tag == "a" and before(c, body) and 0 < len(_text(c)) <= MAX_NAME_CHARS), "")
        return Post(member, body, (), name)
    named = [c for c in parts if before(c, body)]
    if not (0 < len(lead.strip()) <= MAX_NAME_CHARS and named and all(len(_text(c)) <= MAX_NAME_CHARS for c in named)):
        return None
    if len(named) == 1 and _SAID_TO.match(words):
        # the name, then the text that opens with the colon or the words of a reply to someone
        # (楼主 | ：说的话, 某某 | 回复 某某：说的话): the whole line reads as the reply
        return Post(member, member, (), "")
    if not (_SAID_TO.match(words) or SENTENCE_MARKS.search(words)):
        return None
    # a name and its badges (作者, 官方), then the words: the first part names the poster
    return Post(member, body, (), _text(named[0]))


def _tail_words(member, parts: list):
    """The words of a line written after the name it opens with, in no element of their own (<a>某某</a>：
    说的话 <span>07-16 01:12</span>, a mobile Tieba's 楼中楼), when they hold more of the line's text
    than any part: now in a span of their own, after the colon that opens them."""
    part = parts[0] if parts else None
    if part is None or (member.text or "").strip() or not 0 < len(_text(part)) <= MAX_NAME_CHARS \
            or not _SAID.match(part.tail or "") or han_count(part.tail) < MIN_REPLY_LINE_HAN \
            or han_count(part.tail) <= max(han_count(_text(c)) for c in parts):
        return None
    lead, words, rest = _TAIL_PARTS.match(part.tail).groups()
    span = lxml.html.Element("span")
    span.text, span.tail = words, rest
    part.tail = lead
    part.addnext(span)
    return span


_SAID = re.compile(r"\s*[:：]")  # the colon after a name, before what it says
_TAIL_PARTS = re.compile(r"(\s*(?:[:：]\s*)?)(.*?)(\s*)$", re.S)
_REPLY_TO = re.compile(r"\S\s*(?:回复|回覆)\s*\S.{0,30}[:：]\s*$")  # 某某 回复 某某： before a reply's text
_TO_SOMEONE = re.compile(r"^\s*(?:回复|回覆)\s*@?\S{1,20}\s*[:：]?\s*$")  # 回复 某某: whom a reply answers, not its text
_SAID_TO = re.compile(r"^\s*(?:(?:回复|回覆)\s*\S.{0,30}?)?[:：]\s*\S")  # ：说的话, 回复 某某：说的话
