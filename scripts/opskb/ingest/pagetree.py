"""A saved web page as a tree of blocks: whether a text is a whole page or a fragment of
one, the page parsed (deep pages first flattened: libxml2 gives up past 256 levels), what it
hides removed, and its leaf blocks (block elements with no block inside) with their text, in
document order. locate.py finds the article in them; evaluate.py copies a page's text from them.
"""

from __future__ import annotations

import re
from itertools import chain, takewhile

import lxml.html
from bs4 import BeautifulSoup, NavigableString, Tag
from lxml import etree

from ..text import han_count

# Markers of a whole document rather than a fragment of one.
_PAGE_MARKERS = re.compile(r"<(?:html|head|body|title|meta|nav|aside)\b", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dd", "dt",
               "figcaption", "pre", "div", "section", "article", "caption")
_OUT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "pre")
_SPACES = re.compile(r"\s+")


def is_whole_page(body: str) -> bool:
    """A document (with head, title, scripts or page furniture), not a fragment."""
    return bool(_PAGE_MARKERS.search(body[:200_000]))


def _tree(body: str):
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")
    return lxml.html.document_fromstring(body.encode("utf-8"), parser=parser)


def drop_hidden(tree) -> int:
    """Remove what the saved page does not show; returns how many elements went."""
    gone = 0
    for el in list(tree.iter("template")):
        el.drop_tree()
        gone += 1
    for el in list(tree.xpath("//*[@hidden or @style or @class]")):
        if el.getparent() is None:
            continue
        style = el.get("style") or ""
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(style) \
                or (_hidden_class(el.get("class")) and not _SHOWN_STYLE.search(style)):
            el.drop_tree()
            gone += 1
    return gone


_SHOWN_STYLE = re.compile(r"display\s*:\s*(?!none)\w", re.I)  # a style showing it over its class (a script opened it)
_SHOWN_AT = re.compile(r":|^d-(?:sm|md|lg|xl|xxl)-(?!none)")  # a class showing it at some width (md:block, d-md-block)


def _hidden_class(names: str | None) -> bool:
    """The class a CSS framework hides an element with (Bootstrap's hidden, d-none), with no class that
    shows it at some screen width."""
    tokens = (names or "").split()
    return ("hidden" in tokens or "d-none" in tokens) and not any(_SHOWN_AT.search(t) for t in tokens)


_ANSWER_TYPE = re.compile(r"schema\.org/Answer$", re.I)


def unnest_answers(tree) -> int:
    """Answers the page's microdata declares (itemtype …/Answer) that stand inside another answer:
    boxes a page left unclosed (a browser nests each next answer, and what follows, in the one
    before). The answer and everything after it in the outer one go after that one, the page's text
    in its order. An answer holds no answer."""
    moved = 0
    while True:
        answers = {el for el in tree.iter() if isinstance(el.tag, str) and _ANSWER_TYPE.search(el.get("itemtype") or "")}
        if len(answers) < 2:  # (most pages: no second walk of the tree)
            return moved
        nested = next(((el, outer) for el in tree.iter() if el in answers
                       and (outer := next((a for a in el.iterancestors() if a in answers), None)) is not None), None)
        if nested is None:
            return moved
        el, outer = nested
        lifted = [el, *el.itersiblings()]
        node = el.getparent()
        while node is not outer:  # (what follows it at every level up to the outer answer)
            lifted += list(node.itersiblings())
            node = node.getparent()
        anchor = outer
        for n in lifted:
            anchor.addnext(n)  # (with its tail: the text stays in its order)
            anchor = n
        moved += 1


def drop_empty_anchors(tree) -> int:
    """Remove named anchors that show nothing and lead nowhere (no text, nothing inside, no
    href: a footnote's or a post's <a name="ref_2"></a>): trafilatura counts them as links and
    drops a paragraph that holds one with the page's navigation. An empty link with an address
    stays (a widget's placeholder tells what the widget is). Returns how many went."""
    gone = 0
    for a in list(tree.iter("a")):
        if len(a) == 0 and not (a.text or "").strip() and a.get("href") is None and a.getparent() is not None:
            a.drop_tree()  # (its tail stays, joined to what came before it)
            gone += 1
    return gone


# a declaration that keeps the text's line breaks, and a selector of one id or class
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre(?:-wrap|-line)?\s*(?:;|$)", re.I)
_SIMPLE_SELECTOR = re.compile(r"[#.][\w-]+")


def _pre_selectors(css: str) -> set[str]:
    """The simple selectors (#id, .class) of the style sheet's rules that keep line breaks; read
    rule by rule (selectors{declarations}), an @media block's rules among them."""
    found = set()
    for rule in css.split("}"):
        selectors, _brace, declarations = rule.rpartition("{")
        if _brace and _PRE_STYLE.search(declarations.strip()):
            found.update(sel.strip() for sel in selectors.split("{")[-1].split(",") if _SIMPLE_SELECTOR.fullmatch(sel.strip()))
    return found


def keep_line_breaks(tree) -> int:
    """Line breaks in the text of elements the page shows with white-space: pre-wrap (a BBS's
    post as bare text, by its style sheet's #id or .class or its own style, or written as lines
    and blank lines between them, the style sheet being another file's) become <br>, so the
    post's lines stay lines. <pre> is left as it is. Returns how many breaks were made."""
    selectors = set().union(*(_pre_selectors(style.text or "") for style in tree.iter("style")))
    made = 0
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("pre", "textarea", "style", "script", "code"):
            continue
        own = {"#" + el.get("id", "")} | {"." + c for c in (el.get("class") or "").split()}
        if (own & selectors or _PRE_STYLE.search(el.get("style") or "") or _written_as_lines(el)) \
                and next(el.iterancestors("pre"), None) is None:
            made += sum(_break_lines(d) for d in list(el.iter()) if isinstance(d.tag, str) and d.tag != "br")
    return made


_BLANK_LINE_BETWEEN = re.compile(r"[\u4e00-\u9fff][^\n]*\n[ \t\u3000]*\n\s*\S")
MIN_WRITTEN_LINES = 4  # lines of Han text in an element's own text, a blank line after one of them


def _written_as_lines(el) -> bool:
    """``el``'s own text is lines of Han text, a blank line after one of them before more text in
    the same run: a post written for a screen that keeps line breaks (HTML's own line breaks in a
    paragraph's source do not stand blank between its sentences)."""
    runs = [el.text or ""] + [c.tail or "" for c in el]
    text = "\n".join(r for r in runs if "\n" in r)
    return sum(1 for line in text.split("\n") if han_count(line) >= 2) >= MIN_WRITTEN_LINES \
        and any(_BLANK_LINE_BETWEEN.search(r) for r in runs)


def _break_lines(el) -> int:
    """Each newline in ``el``'s own text and in the tails of its children: a <br> (an element
    inside two such elements is seen to once: its text's newlines are gone after the first)."""
    made = 0
    if el.text and "\n" in el.text:
        el.text, *rest = el.text.split("\n")
        for k, br in enumerate(_breaks(rest)):
            el.insert(k, br)
            made += 1
    for child in list(el):
        if child.tag == "br" or not (child.tail and "\n" in child.tail):
            continue
        child.tail, *rest = child.tail.split("\n")
        at = child
        for br in _breaks(rest):
            at.addnext(br)
            at = br
            made += 1
    return made


def _breaks(lines: list[str]) -> list:
    """A <br> before each of ``lines``, the line as its tail."""
    brs = []
    for line in lines:
        br = etree.Element("br")
        br.tail = line
        brs.append(br)
    return brs


# libxml2, under trafilatura, gives up on trees deeper than 256 levels
MAX_TREE_DEPTH = 200
_WRAPPERS = frozenset({"div", "span", "section", "article", "main", "font", "center"})


def tree_depth(tree) -> int:
    """Deepest nesting of elements, found without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


def collapse_wrappers(body: str) -> str:
    """The page with each bare wrapper merged into its only child element: no text of its
    own, and at most one of the two carries attributes (that one is kept). Read with
    Python's HTML parser, which has no depth limit."""
    soup = BeautifulSoup(body, "html.parser")
    for el in reversed(soup.find_all(_WRAPPERS)):  # innermost first: each move stays small
        if el.parent is None:
            continue
        inner = [c for c in el.contents if not (isinstance(c, NavigableString) and not c.strip())]
        if len(inner) != 1 or not isinstance(inner[0], Tag) or inner[0].name not in _WRAPPERS:
            continue
        child = inner[0]
        if el.attrs and child.attrs:
            continue
        (child if el.attrs else el).unwrap()
    return str(soup)


def _text(el) -> str:
    return _SPACES.sub(" ", el.text_content()).strip()


def links_and_rest(el) -> tuple[list, str]:
    """The links of ``el`` that have words, and its text without them (a space where each stood)."""
    links = [a for a in el.iter("a") if _text(a)]
    rest = _text(el)
    for a in links:
        rest = rest.replace(_text(a), " ", 1)
    return links, rest


def link_target(a) -> str:
    """Where a link leads: its address, or "" for none, an anchor on the page or a script."""
    href = (a.get("href") or "").strip()
    return "" if href.startswith(("#", "javascript:")) else href


# a class that names a user's picture (Avatar, ant-avatar, comment-avator, user-face, headimg)
_AVATAR_CLASS = re.compile(r"avat[ao]r|head-?img|user-?(?:face|pic|head)", re.I)
AVATAR_LEVELS = 3  # ancestors of a picture whose class may name it an avatar
MAX_AVATAR_ALT = 24


def alt_text(img) -> str:
    """What a picture says of itself (its alt), spaces tidied."""
    return _SPACES.sub(" ", img.get("alt") or "").strip()


def is_avatar(img) -> bool:
    """A user's picture beside a name, not a picture of the text: its class or its holders' calls
    it an avatar, or it says (alt) the name a link beside it shows (a profile picture linked where
    the poster's name is)."""
    holders = [img, *list(img.iterancestors())[:AVATAR_LEVELS]]
    if any(_AVATAR_CLASS.search(el.get("class") or "") for el in holders):
        return True
    alt = alt_text(img)
    if not alt or len(alt) > MAX_AVATAR_ALT:
        return False
    own = next(iter(img.iterancestors("a")), None)
    return any(a is not own and _text(a) == alt for a in holders[-1].iter("a"))


def block_holders(tree) -> set:
    """The elements of ``tree`` with a block element inside (each ancestor chain walked once)."""
    holders: set = set()
    for el in tree.iter(*_BLOCK_TAGS):
        for anc in el.iterancestors():
            if anc in holders:
                break
            holders.add(anc)
    return holders


def _leaf_blocks(tree) -> list[tuple[object, str]]:
    """(element, text) for block elements with no block element inside, in document order."""
    elements = list(tree.iter(*_BLOCK_TAGS, "img"))
    holders = block_holders(tree)
    out = []
    for el in elements:
        if el.tag == "img":
            out.append((el, ""))  # pictures keep their place in the order
            continue
        if el in holders:
            continue
        text = _text(el)
        if text:
            out.append((el, text))
    return out


# ---------------------------------------------------------------- the story's container

_SENTENCES = re.compile(r"[^。！？!?]+[。！？!?]*")
MIN_SENTENCE_HAN = 15  # a sentence of a story, not a label or a menu
MIN_SENTENCE_HAN_SHARE = 0.7  # of its characters (a copyright line is mostly Latin and digits)
MAX_PROSE_LINKED = 0.3  # of a block's text in links: a list of other stories, not a story
CONTAINER_SHARE = 0.8  # of the page's sentences: the element that holds the story


def _sentence_han(el, text: str) -> int:
    """The Han characters of the sentences a block says (0 for labels, menus and link lists)."""
    if next(el.iterancestors("select", "a"), None) is not None:
        return 0
    linked = sum(len(_text(a)) for a in el.iter("a"))
    if linked > MAX_PROSE_LINKED * len(text):
        return 0
    total = 0
    for sentence in _SENTENCES.findall(text):
        han = han_count(sentence)
        bare = len(_SPACES.sub("", sentence))
        if han >= MIN_SENTENCE_HAN and han >= MIN_SENTENCE_HAN_SHARE * bare:
            total += han
    return total


def prose_container(tree):
    """The innermost element holding most of the sentences a page says: on a page laid out in
    tables or frames whose text no extractor could tell apart, the story's cell. None when the
    sentences are spread over the page."""
    weights: dict = {}
    total = 0
    for el, text in _leaf_blocks(tree):
        prose = _sentence_han(el, text) if text else 0
        if not prose:
            continue
        total += prose
        for holder in (el, *el.iterancestors()):
            weights[holder] = weights.get(holder, 0) + prose
    if not total:
        return None
    held = [el for el, weight in weights.items() if weight >= CONTAINER_SHARE * total]
    # each holder contains the next one up: the innermost is the one with the most ancestors
    return max(held, key=lambda el: sum(1 for _ in el.iterancestors()))


def class_says(el, pattern) -> bool:
    """One of the element's class names matches ``pattern``: the page's markup calls it so."""
    return any(pattern.search(c) for c in (el.get("class") or "").split())


def within(el, root) -> bool:
    """``el`` is ``root`` or inside it."""
    return el is root or any(a is root for a in el.iterancestors())


def boxes_up_to(el, stop) -> list:
    """``el`` and its ancestors inside ``stop`` (up to the root when ``el`` is not in it)."""
    return list(takewhile(lambda x: x is not stop, chain((el,), el.iterancestors())))


def before(a, b) -> bool:
    """``a`` comes before ``b`` in document order."""
    for el in b.itersiblings(preceding=True):
        if within(a, el):
            return True
    for anc in b.iterancestors():
        for el in anc.itersiblings(preceding=True):
            if within(a, el):
                return True
    return False
