"""Who wrote a post (thread.py): the poster's name in the post's header, linked or named by a class
or by the poster's picture, declared by the markup, or in an author's card under the text."""

from __future__ import annotations

import re

from .pagetree import _SPACES, _text, before, boxes_up_to, link_target, within
from .postfields import DATED, dated_line, figures_only
from .threadrecords import MAX_NAME_CHARS, Field

_BADGE = re.compile(r"\s*[(（][^()（）]{1,6}[)）]\s*$")  # a short bracketed label after a name


def _linked(el) -> int:
    return sum(len(_text(a)) for a in el.iter("a"))


# a class that names a poster's name (user-name, nick-name, author, user-title)
_NAME_CLASS = re.compile(r"name|nick|author|user", re.I)


def _links_to(el, targets: set[str]) -> bool:
    return any(link_target(a) in targets for a in el.iter("a"))


def _name_like(text: str) -> bool:
    """Short, and not a counter, a floor or a date: what a poster's name looks like."""
    return 0 < len(text) <= MAX_NAME_CHARS and not figures_only(text) and not dated_line(text)


def _declared_author(member, body) -> str:
    """The name the post's markup declares its author's, above its text (microdata itemprop="author")."""
    el = next((e for e in member.iter() if isinstance(e.tag, str) and e.get("itemprop") == "author" and before(e, body)), None)
    text = _text(el) if el is not None else ""
    return text if 1 < len(text) <= MAX_NAME_CHARS else ""


def _unlinked_name(field, pictured: set[str], body=None) -> str:
    """The poster's name in a header field without a link to the poster's page: the part the
    page's class calls a name, or the words the poster's picture beside it says (alt); above
    ``body`` when given."""
    def named(el) -> bool:
        if not isinstance(el.tag, str) or (body is not None and not before(el, body)):
            return False  # (cheap tests first: the text of every element of a long post is not read)
        text = _text(el)
        return _name_like(text) and (text in pictured or bool(_NAME_CLASS.search(el.get("class") or "")))
    for el in field.iter():
        if named(el) and not any(named(d) for d in el.iterdescendants()):  # (the name's own element in a box of
            # the poster's: list_item_user holding user_name, a 楼主 badge and a level)
            return _BADGE.sub("", _text(el)).strip().rstrip(":： ")
    return ""


_SHOWN_NAME = re.compile(r"^\s*[(（][^()（）]{1,12}[)）]")  # the name a user shows after the account's (linshen (林深))


def linked_in_dated(field, buttons: set[str]) -> str:
    """The one linked name in a dated header line (by <a>某某</a> » Tue Apr 17, 2012 10:21 pm), not
    one of ``buttons`` (the words of links most posts show: 发表于 …… | 只看该作者), with the name
    in brackets after it."""
    links = [(a, t) for a in field.iter("a") if (t := _text(a))]
    if len(links) != 1 or not _name_like(links[0][1]) or links[0][1] in buttons:
        return ""
    a, name = links[0]
    end = a  # (the link may close a bold or a span: <strong><a>名字</a></strong> (显示名))
    while not (end.tail or "").strip() and end.getparent() is not None and end.getparent() is not field \
            and end.getparent().tag in ("strong", "b", "span", "em") and end.getnext() is None:
        end = end.getparent()
    shown = _SHOWN_NAME.match(end.tail or "")
    return name + (_SPACES.sub(" ", shown.group(0).rstrip()) if shown else "")


# a box or link the page's class calls the author's or the answerer's (author-card, answerer-name, user-name),
# and a box of comments or replies (not a replyer's: wgt-replyer-best holds the one who answered)
_AUTHOR_CLASS = re.compile(r"author|answerer|user-?name", re.I)
_COMMENTS_CLASS = re.compile(r"comment|reply(?!er)|replies", re.I)


def _author_below(member, body) -> str:
    """The poster's linked name in a box a class calls the author's under the post's text (an
    answerer's card below the answer), outside the comments under it."""
    for a in member.iter("a"):
        if before(a, body) or within(a, body):
            continue
        text = _text(a)
        boxes = boxes_up_to(a, member)
        if any(_COMMENTS_CLASS.search(x.get("class") or "") for x in boxes):
            continue
        if _name_like(text) and any(_AUTHOR_CLASS.search(x.get("class") or "") for x in boxes):
            return _BADGE.sub("", text).strip()
    return ""


_DATED_PARTS = re.compile(DATED.pattern + r"|\d+\s*楼|#\s*\d+")


def _name_share(x: Field) -> float:
    """How much of a header's text is a link, its time and floor aside: a short name beside them
    (<a>老杨</a> 3楼 21:02) is the poster's."""
    rest = _DATED_PARTS.sub("", x.text).strip()
    return x.link_share if not rest else min(1.0, _linked(x.el) / len(rest))


def _name_of(el) -> str:
    """The first link's text in a field: the poster's name without the badges beside it, nor
    a time or a bracketed badge inside the link (椿 2月前, 马亮南生 (楼主))."""
    text = next((t for a in el.iter("a") if (t := _text(a))), "") or _text(el)
    text = DATED.split(text, maxsplit=1)[0]
    return _BADGE.sub("", text).strip()[:MAX_NAME_CHARS].rstrip(":： ")
