"""Stage 1c: forum threads and Q&A pages, recognised by their structure.

A thread shows its posts (answers, replies, floors, comments) as repeated sibling
blocks built from one template: the poster's name, a date, the body, then buttons and
counters. trafilatura keeps one post at most. Here:

1. Candidate groups: element children of one parent sharing a tag and class names
   (digits aside), two or more of them.
2. Each member's text fields (its leaf blocks) are keyed by their own and their parent's
   tag and classes, so the same field of every post has the same key. A field whose text
   repeats across posts (figures aside) is the template's label or button (回复, 举报,
   展开阅读全文), and so are dates, figures, link text and the lines of a poster's card (short
   labelled values whose labels come back post after post: 级别: 新手上路, 发帖: 14); a box a
   class names as a signature is never the body; the body is, among the fields with
   a fair share of the text, the one most posts have and that comes first in them (a post's
   own text before the replies nested in it). A group is a list of posts when its members
   carry template fields besides the body (a name, a date) and are not cards of other pages
   (a linked headline of 12+ Han characters outside the body), sections of an article (a
   heading of their own) or whole articles (an h1).
3. A post built like the listed ones that the page shows above the list (the answer a Q&A
   page opens on, above 更多回答) is the thread's first post.
4. The thread (written by posts.append_posts): the page's main content above the posts (the question or first post, as
   ``locate`` found it), then every post in order under a heading of its own with the
   poster's name (the first short linked field above the body, without a time or a short
   bracketed badge inside the link; a name of figures when it links where the poster's
   picture does; else the part a class calls a name or the poster's picture says in its
   alt), or 第 N 条回复 without one (when nothing stands above the posts but the headline,
   the first of them is the thread's opening post: the page's text, with no heading, and its
   poster the page's author); replies nested in a post after its body (threadnest.py) follow the
   post, read one by one, instead of counting as its text (what stands above the body is
   the poster's card, not a reply). A page whose posts are
   comments under an article (a news story's or a blog post's readers) is not a thread:
   the text above the posts is a question or a first post, not a long article, and the
   posts hold a fair share of the text beside it; on a forum's page (threadmain.is_forum) a long
   first post's comments are its replies, and short replies make a thread too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from contextvars import ContextVar

from ..text import fold, han_count
from .pagetree import _text, alt_text, before, link_target, within
from .postername import (
    _author_below,
    _declared_author,
    _linked,
    _links_to,
    _name_of,
    _name_share,
    _unlinked_name,
    linked_in_dated,
)
from .postfields import MAX_DATED_CHARS, dated_line, figures_only, profile_lines, signed, variant_of
from .posts import said_by
from .replyline import _TO_SOMEONE, _comment_lines
from .rules import rule_named
from .threadrecords import _INLINE, MAX_NAME_CHARS, MIN_THREAD_HAN, SENTENCE_MARKS, Field, Post, Thread
from .widgets import ad_label

_DIGITS = re.compile(r"\d+")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dd", "dt",
           "figcaption", "pre", "div", "section", "article", "caption", "ul", "ol", "table", "header", "footer")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TEXT_BLOCKS = frozenset({"p", "li", "ul", "ol", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption",
                          "h1", "h2", "h3", "h4", "h5", "h6"})
# a post's floor, linked like a name (#0 楼主 too)
_FLOOR = re.compile(r"^(?:#\s*\d+|\d+\s*[楼#]|楼主|沙发|板凳|地板)(?:\s*(?:楼主|沙发|板凳|地板))?$")

MIN_POSTS = 2
MIN_LOOSE_HAN = 4  # an inline run of text beside blocks this long is a field
MAX_GROUPS = 20  # candidate groups looked at closely, the richest first
BODY_SHARE = 0.25  # the field most posts have, first in them, is their body with this share of the richest field's text
MIN_FORUM_THREAD_HAN = 8  # ... on a forum's page
MIN_GROUP_CHARS = 8  # text a candidate group needs in all
MAX_BODY_LINK_SHARE = 0.5
_CELL_TAGS = ("td", "th")
MIN_LINK_LIST_CHARS = 10  # a body this long, mostly link text, is a list of links (a shorter one: a #tag# post)
MIN_CARD_HEADLINE_HAN = 12  # a linked line this long outside the body is another page's headline (a name is shorter)
MIN_NAME_HEADING_LINK_SHARE = 0.9  # a heading this much a link, and short, is a poster's name
MIN_NAME_LINK_SHARE = 0.15  # the poster's name links to the poster's page (a badge may follow it)
MAX_LABEL_CHARS = 16  # a template field this short is a label, a date or a counter


# the class names the page being read gives more than one element (find_thread sets them)
_SHARED_CLASSES: ContextVar[frozenset[str] | None] = ContextVar("shared_classes", default=None)


# the class names a list gives every other row (a loop's even and odd posts), and its first or last
# item (first, last-child, first_no_border)
_STRIPES = re.compile(r"^(?:even|odd|alt|alternate|(?:is[-_])?(?:first|last)(?:[-_]\w+)?)$", re.I)


def _template_classes(names: str) -> list[str]:
    """Class names in page order, digits aside and without the ones that mark one member's
    variant: a modifier beside its block's class (reply-item reply-item--developer, post post_pinned),
    the stripe of every other row (even, odd), the mark of a list's first or last item (first_no_border)."""
    classes = [c for c in _DIGITS.sub("", names).split() if not _STRIPES.match(c)]
    own = set(classes)
    return [c for c in classes if not any(sep in c and c.split(sep, 1)[0] in own for sep in ("--", "_"))]


def signature(el) -> tuple[str, str]:
    """Tag and class names, digits and modifiers aside: the members of one template share it."""
    return el.tag, " ".join(sorted(set(_template_classes(el.get("class") or ""))))


def _same_box(el, box: tuple[str, str]) -> bool:
    """``el`` has the signature ``box`` or is of its tag with its first class one of ``box``'s."""
    return signature(el) == box or (el.tag == box[0] and base_key(el)[1] in box[1].split())


def base_key(el) -> tuple[str, str]:
    """Tag and first class name (answer-item of answer-item answer-ai): what variants of one
    template and the text boxes of one site's posts share."""
    classes = _template_classes(el.get("class") or "")
    return el.tag, classes[0] if classes else ""


def member_signature(el) -> tuple[str, str]:
    """The signature posts of one list share: a class name with figures in it that no other
    element of the page has is an element's own (a comment's id-t1_kzq81aa), not its template's."""
    shared = _SHARED_CLASSES.get()
    if shared is None:
        return signature(el)
    classes = [c for c in (el.get("class") or "").split() if c in shared or not _DIGITS.search(c)]
    return el.tag, " ".join(sorted(set(_template_classes(" ".join(classes)))))


def shared_classes(page) -> frozenset[str]:
    """The class names more than one element of ``page`` has."""
    counts = Counter(c for el in page.iter() if isinstance(el.tag, str) for c in set((el.get("class") or "").split()))
    return frozenset(c for c, n in counts.items() if n > 1)


def _says_unlinked(el) -> bool:
    """``el`` holds a sentence of its own outside its links: Han characters and a sentence's mark."""
    links = [_text(a) for a in el.iter("a")]
    text = _text(el)
    return han_count(text) - sum(map(han_count, links)) >= MIN_LOOSE_HAN \
        and len(SENTENCE_MARKS.findall(text)) > sum(len(SENTENCE_MARKS.findall(t)) for t in links)


def _loose(el) -> bool:
    """A run of text in an inline element beside blocks (NGA's <span class="postcontent"> between
    the post's info box and its signature): a field of its own, or its text would count nowhere."""
    parent = el.getparent()
    if parent is None or parent.tag not in _BLOCKS or not any(c is not el and c.tag in _BLOCKS for c in parent):
        return False
    # (a link there is a field however short: a commenter's name beside the comment's text)
    return han_count(_text(el)) >= MIN_LOOSE_HAN or (el.tag == "a" and bool(_text(el)))


def _field_elements(member) -> list:
    """The member's blocks, and its loose runs of text."""
    return [el for el in member.iter(*_BLOCKS, "span", "a") if el.tag in _BLOCKS or _loose(el)]


def _fields(member) -> list[Field]:
    """The member's leaf blocks with text, keyed by their path inside the member."""
    elements = [el for el in _field_elements(member) if _text(el)]  # an empty block holds nothing
    holders = {member} if len(elements) > 1 or (elements and elements[0] is not member) else set()
    for el in elements:
        for anc in el.iterancestors():
            if anc is member or anc in holders:
                break
            holders.add(anc)
    out = []
    for el in elements:
        # (a box holding blocks is a field too when text of its own follows them, in sentences: a
        # reply's words written after the quote box they answer, in the same box)
        if el in holders and not (el is not member and han_count(words := _words_after_a_block(el)) >= MIN_LOOSE_HAN
                                  and SENTENCE_MARKS.search(words)):
            continue
        text = _text(el)
        if not text:
            continue
        out.append(Field(el, field_key(el, member), text, _linked(el) / max(1, len(text))))
    return out


def _words_after_a_block(el) -> str:
    """The text of ``el`` after its first child block, outside its child blocks: its own runs and the
    inline elements among them (a reply's words after the quote box it answers)."""
    parts: list[str] = []
    after = False
    for c in el:
        if isinstance(c.tag, str) and c.tag not in _INLINE:
            after = True
        elif after:
            parts.append(c.text_content())
        if after:
            parts.append(c.tail or "")
    return "".join(parts)


def field_key(el, member) -> tuple:
    """The same field of every post: the element's signature and its parent's (inside the
    member), so a wrapper one post has and another lacks higher up does not matter. An element
    without a class named by an id of the post's (post_message_512334) is known by that id's stem."""
    parent = el.getparent()
    tag, classes = signature(el)
    if not classes and _DIGITS.search(el.get("id") or ""):
        classes = "#" + _DIGITS.sub("", el.get("id"))
    # (a loose run of text is a paragraph: one post's text in a <p>, the next one's in a <span>)
    return (signature(parent) if parent is not None and el is not member else ("", ""), ("p" if tag == "span" else tag, classes))


def _candidates(page) -> list[list]:
    """Groups of two or more sibling elements with one signature, the most text first."""
    groups = []
    for parent in page.iter():
        if not isinstance(parent.tag, str):
            continue
        by_sig = defaultdict(list)
        by_base = defaultdict(list)  # siblings by their first class name (answer-item in answer-item answer-ai)
        by_type = defaultdict(list)  # ... and by the microdata type they declare (itemtype=…/Comment), whatever their classes
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in ("a", "span", "img", "br", "option", "script", "style"):
                sig = member_signature(child)
                by_sig[sig].append(child)
                if sig[1]:
                    by_base[base_key(child)].append((child, sig))
                if child.get("itemtype"):
                    by_type[(child.tag, child.get("itemtype"))].append(child)
        mixed = [v for m in by_base.values() if (v := _with_variants(m))]
        typed = [m for m in by_type.values() if len({member_signature(c) for c in m}) > 1]  # (one signature: by_sig has them)
        for members in [*by_sig.values(), *mixed, *typed]:
            if len(members) >= MIN_POSTS:
                chars = sum(len(m.text_content()) for m in members)
                if chars >= MIN_GROUP_CHARS:
                    groups.append((chars, members))
    groups.sort(key=lambda g: -g[0])
    return [m for _u, m in groups[:MAX_GROUPS]]


MIN_VARIANT_CLASSES = 2  # the class names variants share, at least, when no signature repeats (not Card alone)


def _with_variants(siblings: list[tuple[object, tuple[str, str]]]) -> list:
    """Siblings (with their signatures) of one template, with the ones that add a class to it
    (answer-item beside answer-item answer-accepted): the template is the signature two or more of
    them share as it is. Components that only share a generic class (Card AnswerCard, Card
    MoreAnswers) are no template's variants."""
    plain, count = Counter(sig for _c, sig in siblings).most_common(1)[0]
    if count == 1 and len(siblings) == MIN_POSTS:
        # two, neither repeated as it is (a question's two answers, one of them the accepted one): the
        # template is the classes they share, when one of them is just that and it is more than one
        # generic name (three or more variants, answer-first … answer-last, are left as they were)
        sets = [set(sig[1].split()) for _c, sig in siblings]
        common = set.intersection(*sets)
        return [c for c, _s in siblings] if len(common) >= MIN_VARIANT_CLASSES and common in sets else []
    if count < MIN_POSTS or count == len(siblings):
        return []
    base = set(plain[1].split())
    members = [c for c, sig in siblings if base <= set(sig[1].split())]
    return members if len(members) > count else []


def _lca(elements: list, stop) -> object:
    """The deepest element holding all of ``elements``, at most ``stop``."""
    chains = []
    for el in elements:
        chain = [el] + [a for a in el.iterancestors()]
        chains.append(chain[: chain.index(stop) + 1] if stop in chain else chain)
    common = set(chains[0]).intersection(*map(set, chains[1:])) if len(chains) > 1 else set(chains[0])
    return next(el for el in chains[0] if el in common)


def _chain(el, member) -> tuple:
    """The signatures of ``el``'s ancestors up to ``member``: where in the post it stands."""
    out = []
    for anc in el.iterancestors():
        if anc is member:
            break
        out.append(signature(anc))
    return tuple(out)


def _read_group(members: list, min_posts: int = MIN_POSTS, min_han: int = MIN_THREAD_HAN) -> Thread | None:
    """The posts of a group, or None when it is not a list of posts."""
    if sum(1 for m in members if next(m.iter("h1"), None) is not None) >= 2:
        # a headline inside two members: whole articles one after another, not posts (the
        # thread's title inside its first post is a thread's: Discuz! puts it there, PHPWind
        # too, below a member that is the thread's toolbar)
        return None
    fields = [_fields(m) for m in members]
    if sum(1 for f in fields if len({x.path for x in f}) >= 2) < min_posts:
        return None  # paragraphs of one article, items of a plain list: no template around a body
    lines_by_path: dict[tuple, list[tuple[int, str]]] = defaultdict(list)  # (member, text) of each field
    for n, f in enumerate(fields):
        for x in f:
            lines_by_path[x.path].append((n, x.text))
    members_by_path = {path: {n for n, _t in lines} for path, lines in lines_by_path.items()}

    def _constant(lines: list[tuple[int, str]]) -> bool:
        """The same words in most posts, figures aside (回复, 等 8174 人想问, 展开阅读全文), or the
        lines of a poster's card (级别: 新手上路, 发帖: 14)."""
        counts = Counter(_DIGITS.sub("", fold(t)) for _n, t in lines)
        return len(lines) >= 2 and (counts.most_common(1)[0][1] >= max(2, len(lines) / 2)
                                    or profile_lines([(n, t.strip()) for n, t in lines]))
    constants = {path for path, lines in lines_by_path.items() if _constant(lines)}  # (asked of every field, often)

    body_chars: Counter = Counter()
    order: dict[tuple, list[int]] = defaultdict(list)  # where in its post each field first comes
    for f, member in zip(fields, members, strict=True):
        seen: set = set()
        for k, x in enumerate(f):
            if x.link_share <= MAX_BODY_LINK_SHARE and han_count(x.text) and x.path not in constants \
                    and not dated_line(x.text) and not signed(x.el, member) and not _TO_SOMEONE.match(x.text):
                body_chars[x.path] += han_count(x.text)
                if x.path not in seen:
                    seen.add(x.path)
                    order[x.path].append(k)
    if not body_chars:
        return None
    # the body: among the fields with a fair share of the text, the one most posts have, first in
    # them (a post's own text before the replies nested under it)
    most = body_chars.most_common(1)[0][1]
    rich = [p for p, n in body_chars.items() if n >= BODY_SHARE * most]
    # ... not a line of the poster's card: a box inside the post holding the poster's linked name
    # and a line about them (运营喵 / 私域操盘手，带过 200+ 个付费社群)
    card_boxes = {x.path[0] for f, m in zip(fields, members, strict=True) for x in f
                  if x.el.tag == "a" and x.el.getparent() is not m and len(x.text) <= MAX_NAME_CHARS}
    rich = [p for p in rich if p[0] not in card_boxes] or rich
    # ... written in sentences when another such field is not (a poster's card unlinked: 匿名用户 某厂 · 运营专家);
    # not asked of what a post holds after its text (min_posts 1: replies nested in it, a box of ratings)
    said = {p: min_posts >= MIN_POSTS and sum(1 for _n, t in lines_by_path[p] if SENTENCE_MARKS.search(t)) * 2 >= len(lines_by_path[p])
            for p in rich}
    # ... and when the fields most posts have are not in sentences (a poster's card of labels: 帖子：1280 注册：…), one
    # in sentences that half the posts have (their text stands in one of two boxes: a reply's, a quoting reply's)
    widest = max(len(order[p]) for p in rich)
    worded = [p for p in rich if said[p] and 2 * len(order[p]) >= len(members)]
    if worded and not any(said[p] for p in rich if len(order[p]) == widest):
        rich = worded
    # ... and, when neither is, one with a sentence somewhere before one with none (short comments under
    # their posters' names, the names first: 阿花 / 没有蜂蜜可以用白糖吗 … 可以，白糖加一点点水化开再刷), but
    # a table's column is no post's text (a box of ratings: 某某 / +2 / 感谢分享！)
    clauses = {p: p[1][0] not in _CELL_TAGS and any(SENTENCE_MARKS.search(t) for _n, t in lines_by_path[p]) for p in rich}
    body_path = max(rich, key=lambda p: (len(order[p]), said[p], clauses[p], -sum(order[p]) / len(order[p]), body_chars[p]))
    if body_path[0] == ("", "") or len(members_by_path[body_path]) < min_posts:
        return None

    def template(x: Field) -> bool:
        """A label, name, date, counter or button of the template, not text of the post."""
        if x.path == body_path:
            return False
        if x.path in constants or figures_only(x.text) or x.link_share > MAX_BODY_LINK_SHARE or dated_line(x.text):
            return True
        return len(members_by_path[x.path]) >= 2 and len(x.text) <= MAX_LABEL_CHARS

    # the words of links every post shows (Report this post, 引用回复), or all posts but one (只看该作者,
    # missing from a post whose poster left): buttons, no poster's name (one person may post all but one)
    shown = Counter(t for m in members for t in {_text(a) for a in m.iter("a")})
    buttons = {t for t, n in shown.items() if n >= max(2, len(members))}
    nearly = {t for t, n in shown.items() if n >= max(2, len(members) - 1)}
    posts, cards, framed, titled = [], 0, 0, 0
    for member, f in zip(members, fields, strict=True):
        own = [el for el in _field_elements(member) if el is not member and field_key(el, member) == body_path]
        # ... or in a variant of the body's box (one class more: a first post's comment-body color-fg-default)
        own = own or [el for el in _field_elements(member) if el is not member and variant_of(field_key(el, member), body_path)]
        # ... or in the box of one with a class fewer (an anonymous answer's, without the copyright mark)
        own = own or [el for el in _field_elements(member)
                      if el is not member and variant_of(field_key(el, member), body_path, fewer=True)]
        # ... or the box the other posts' paragraphs stand in, holding this one's text itself (lines
        # parted by <br>, or a single line, where the others have a <p> each)
        # (its own modifier beside the box's class: answer-text answer-text-br by answer-text answer-text-p)
        if not own and body_path[0][1]:
            own = [el for el in member.iter() if el is not member and isinstance(el.tag, str) and _same_box(el, body_path[0])
                   and el.tag not in _HEADINGS and (el.find("br") is not None or (el.text or "").strip())]
        # a reply nested in the post is built like the post itself: its text is not the post's
        # (not when the body is a box the template names by its id, post_message_N: the bare divs
        # around it in a bare div are the template's, no replies)
        built = member_signature(member)
        nested = [] if body_path[1][1].startswith("#") else \
            [d for d in member.iter(member.tag) if d is not member and member_signature(d) == built]
        own = [el for el in own if not any(within(el, d) for d in nested)]
        if not own:
            continue
        body = _lca(own, member)
        if len(own) > 1 and any(_chain(el, member) != _chain(own[0], member) for el in own[1:]):
            # the body's field again in replies nested deeper in the post (a comment's replies under
            # it, built unlike the comment's box, beside its text or in the box that holds it): the
            # post's own text is where the first one stands
            own = [el for el in own if _chain(el, member) == _chain(own[0], member)]
            body = _lca(own, member)
        if body is member or body.tag in _HEADINGS:
            continue  # the text spread over the whole member, or a headline: no post
        # widen to the body's container while that only adds text blocks (a list or a quote in the post)
        while body.getparent() is not None and body.getparent() is not member:
            parent = body.getparent()
            added = [x for x in f if within(x.el, parent) and not within(x.el, body)]
            if any(template(x) or x.el.tag not in _TEXT_BLOCKS for x in added):
                break
            body = parent
        if len(_text(body)) >= MIN_LINK_LIST_CHARS and _linked(body) > MAX_BODY_LINK_SHARE * len(_text(body)) \
                and not _says_unlinked(body):
            continue  # a list of links, not a post (a short reply over its linked 发自某某客户端 is one)
        if any(ad_label(el) and not within(el, body) for el in member.iter()):
            continue  # an ad built like a post, labelled 广告 or 推广 beside its text (an ad card in a post's text is the post's)
        outside = [x for x in f if not within(x.el, body)]
        if any(x.link_share > MAX_BODY_LINK_SHARE and han_count(x.text) >= MIN_CARD_HEADLINE_HAN and not dated_line(x.text)
               and x.path not in constants for x in outside):
            cards += 1  # a headline linking elsewhere: a card of another page (not a subject every post repeats)
        # the template around the body: a name, a date, a counter or a button most posts show
        if any(template(x) and len(members_by_path[x.path]) >= 2 for x in outside):
            framed += 1
        name = ""
        pictured = {alt_text(img) for img in member.iter("img")}
        # where the poster's picture links to: the poster's page, which the name links to too (a name
        # of figures only, 1657811359, is a name there, not a counter)
        profiles = {link_target(a) for img in member.iter("img") for a in img.iterancestors("a")} - {""}
        constant_name = ""  # (a button every post shows, linked, before the name: Report this post)
        for x in outside:
            # the same name on every reply is one person answering several times: no test of constancy,
            # unless a field of other words follows that names the poster (a button's words, in every post)
            if not before(x.el, body):
                continue
            if len(x.text.strip()) == 1:
                continue  # (the one letter an avatar shows in place of a picture: 赵 before 赵小满)
            if constant_name and x.el.tag in _HEADINGS:
                continue  # (past a button's words, the post's subject is no name: <h3><a>主题</a></h3>; a name may be a heading: Flarum's)
            if 0 < len(x.text) <= MAX_NAME_CHARS and _name_share(x) >= MIN_NAME_LINK_SHARE \
                    and (not figures_only(x.text) or _links_to(x.el, profiles)):
                name = _name_of(x.el)
            elif len(x.text) <= MAX_DATED_CHARS:
                name = _unlinked_name(x.el, pictured) or (dated_line(x.text) and linked_in_dated(x.el, nearly))
            if name and (_prompt(x.text) or _FLOOR.match(name)):  # a prompt standing between answers is no name
                name = ""  # (某某 赞同了该回答), nor is a post's floor (#0, 3楼, 沙发)
            if name and name in buttons and len(members) > MIN_POSTS:
                constant_name, name = constant_name or name, ""
            if name:
                break
        # ... or a name standing inline in a header that holds other blocks (a name beside its date box)
        name = name or constant_name or _declared_author(member, body) or _unlinked_name(member, pictured, body) or _author_below(member, body)
        name = name or said_by(body)[1]  # (a comment that opens with its poster's linked name and a colon)
        # (a post's header is no section's heading, nor is a subject most posts repeat: Re: 某某)
        if any(x.el.tag in _HEADINGS and not _post_header(x) and x.path not in constants for x in outside):
            titled += 1
        posts.append(Post(member, body, (), name))
    if len(posts) < min_posts or cards * 2 > len(posts) or framed * 2 < len(posts):
        return None
    if titled * 2 >= len(posts) and len(posts) >= MIN_POSTS:  # sections of an article, each under its heading
        return None
    opening = _opening_post(members, fields, posts, template)
    chars = sum(han_count(_text(p.body)) for p in posts)
    if chars < min_han * min_posts / MIN_POSTS:
        return None
    if opening is not None:
        posts.insert(0, opening)
        chars += han_count(_text(opening.body))
    # the members built like a post: not a variant of the template no post was read from (a
    # thread's first post, atl-item host-item, its text laid out unlike the replies' atl-item)
    posted = {member_signature(p.element) for p in posts}
    return Thread(tuple(posts), frozenset(m for m in members if member_signature(m) in posted), chars, opening is not None)


MIN_OPENING_HAN = 30  # a thread's opening post laid out unlike its replies holds this much text


def _opening_post(members: list, fields: list, posts: list, template) -> Post | None:
    """The thread's opening post (楼主) where the page lays it out unlike the replies (a long post
    with subheadings and pictures in a box of its own): a member above the first post, which no
    post was read from, built from a template the posts share (classes of its own, and around its
    text the fields the posts' template shows: a poster's card, a date, buttons), its text in
    sentences in fields no other member has, past the template's fields and the poster's signature."""
    if not posts:
        return None
    for n, first in enumerate(members):
        if first is posts[0].element:
            return None
        if not signature(first)[1]:
            continue
        elsewhere = {x.path for k, f in enumerate(fields) if k != n for x in f}
        if not any(x.path in elsewhere and template(x) for x in fields[n]):
            continue  # (no poster's name, date or button of the posts' template around it: the page's header)
        own = [x.el for x in fields[n] if x.path not in elsewhere and han_count(x.text) and not template(x)
               and not signed(x.el, first)]
        if not own:
            continue
        body = _lca(own, first)
        text = _text(body)
        if body is first or body.tag in _HEADINGS or han_count(text) < MIN_OPENING_HAN or not SENTENCE_MARKS.search(text) \
                or any(template(x) and within(x.el, body) for x in fields[n]) or any(ad_label(el) for el in first.iter()):
            continue
        return Post(first, body, (), "")
    return None


def _prompt(text: str) -> bool:
    return rule_named(text, "post_prompts")


def _post_header(x: Field) -> bool:
    """A heading that is a post's header, not a section's: the poster's name linked, with the
    date of the post (豆瓣: <h4><a>某某</a><span>2024-03-10 10:02</span></h4>), or alone (Flarum:
    <h3 class="PostUser-name"><a>某某</a></h3>)."""
    return (dated_line(x.text) and x.link_share > 0) or (len(x.text) <= MAX_NAME_CHARS and x.link_share >= MIN_NAME_HEADING_LINK_SHARE)


def find_thread(page, forum: bool = False) -> Thread | None:
    """The page's list of posts with the most text, if it has one, with a post built like them
    that the page shows apart (the answer a Q&A page opens on, above 更多回答) and the replies
    nested in its posts (a reply to a comment, 楼中楼). On a forum's page short replies make a
    thread too (大佬666, 不错)."""
    from .threadnest import with_nested  # (it reads the nested replies with this module's _read_group)

    best = None
    min_han = MIN_FORUM_THREAD_HAN if forum else MIN_THREAD_HAN
    token = _SHARED_CLASSES.set(shared_classes(page))
    try:
        for members in _candidates(page):
            thread = _read_group(members, min_han=min_han) or (_comment_lines(members, min_han) if forum else None)
            if thread:
                thread = with_nested(_with_featured(thread, page, min_han))
                if best is None or thread.chars > best.chars:
                    best = thread
    finally:
        _SHARED_CLASSES.reset(token)
    return best


MAX_FEATURED = 3  # posts built like a thread's, shown apart from its list


def _with_featured(thread: Thread, page, min_han: int) -> Thread:
    """The thread with the posts the page shows above its list, built from the same template
    at some level between the list's member and the post's body (the featured answer a Q&A
    page opens on; the list below holds the others), read with the listed posts in page order.
    What is built the same way below the list (another question's answers) is not the thread's."""
    first = thread.posts[0]
    chain = [first.body, *first.body.iterancestors()]
    chain = chain[: chain.index(first.element) + 1][::-1]  # member ... body, outermost first
    listed = [p.element for p in thread.posts]
    by_sig: dict[tuple, list] | None = None
    order: dict = {}
    for level in chain[:-1]:
        sig = signature(level)
        if not sig[1]:
            continue  # a bare tag holds no template
        if by_sig is None:
            by_sig = defaultdict(list)
            for n, el in enumerate(page.iter()):
                order[el] = n
                if isinstance(el.tag, str):
                    by_sig[signature(el)].append(el)
        twins = [el for el in by_sig[sig] if order[el] < order[listed[0]]
                 and not any(within(el, m) or within(m, el) for m in thread.members)]
        if not twins or len(twins) > MAX_FEATURED:
            continue
        peers = [next((d for d in m.iter() if signature(d) == sig), None) for m in listed]
        if any(p is None for p in peers):
            continue
        found = _read_group(twins + peers, min_han=min_han)
        featured = [p.element for p in found.posts if p.element in twins] if found is not None else []
        if not featured or len(found.posts) != len(featured) + len(thread.posts) \
                or any(not within(old.body, new.element) for old, new in zip(thread.posts, found.posts[len(featured):], strict=True)):
            continue  # the twins are no posts, or the listed posts do not read as the same posts beside them
        return Thread(found.posts, thread.members | frozenset(featured), found.chars, found.opening)
    return thread
