"""What the fields of a thread's posts say, read one at a time (thread.py reads the posts):
a line with a date, a line of figures, the lines of a poster's card, a signature's box, and
the body's box with a class more."""

from __future__ import annotations

import re
from collections import defaultdict

from .pagetree import boxes_up_to
from .widgets import signature_box

DATED = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}:\d{2}|\d+\s*(?:秒|分钟|小时|天|周|个?月|年)前|(?:昨天|前天|刚刚)")
MAX_DATED_CHARS = 60
# a field of nothing but figures, dates, times and separators (a counter, a timestamp, a floor number)
_FIGURES = re.compile(r"^[\d\s:：.\-/年月日楼#|·,，()（）万千kKw+]*$")
# a short labelled value (级别: 新手上路, 金钱: 86 RMB, 头衔：版主)
_PROFILE_LINE = re.compile(r"^([^\s:：]{1,6})\s*[:：]\s*\S.{0,19}$")
MIN_PROFILE_LABELS = 2


def dated_line(text: str) -> bool:
    """A short line with a date or time in it: the post's date line, not its text."""
    return len(text) <= MAX_DATED_CHARS and DATED.search(text) is not None


def figures_only(text: str) -> bool:
    """A line of nothing but figures, dates and separators: a counter, a timestamp, a floor number."""
    return _FIGURES.match(text) is not None


def profile_lines(lines: list[tuple[int, str]]) -> bool:
    """Lines of one field of the posts (with the post each stands in) that are mostly short
    labelled values, two labels or more coming back in several posts: the posters' cards (级别,
    精华, 发帖), not what they wrote."""
    labelled = [(n, m.group(1)) for n, t in lines if (m := _PROFILE_LINE.match(t))]
    if len(labelled) * 2 <= len(lines):
        return False
    posts = defaultdict(set)
    for n, label in labelled:
        posts[label].add(n)
    return sum(1 for ns in posts.values() if len(ns) >= 2) >= MIN_PROFILE_LABELS


def signed(el, member) -> bool:
    """``el`` stands in a signature box of ``member`` (widgets.signature_box)."""
    return any(signature_box(x) for x in boxes_up_to(el, member))


def variant_of(key: tuple, path: tuple, fewer: bool = False) -> bool:
    """A field key (thread.field_key) that is ``path`` with classes added to the field or its parent;
    ``fewer``: the field itself with its parent short of some of its classes, not all (an anonymous
    answer's RichText ztext where the others' add CopyrightRichText-richText)."""
    (parent, field), (body_parent, body_field) = key, path
    if fewer:
        short = set(parent[1].split())
        return parent[0] == body_parent[0] and field == body_field and bool(short) and short < set(body_parent[1].split())
    return parent[0] == body_parent[0] and field[0] == body_field[0] \
        and set(body_parent[1].split()) <= set(parent[1].split()) and set(body_field[1].split()) <= set(field[1].split())
