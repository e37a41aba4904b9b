"""Python-Markdown extension: glossary terms and Latin abbreviations show their short
definition on hover.

Two kinds of terms, read from files ingest writes (``*[term]: definition`` lines, the
abbreviation syntax), named in mkdocs.yml::

    markdown_extensions:
      - opskb.site.tooltips:
          glossary: docs/_snippets/han-terms.md
          abbreviations: docs/_snippets/abbreviations.md

- Terms with a Han character (私域流量, 精细化运营): Han text has no word breaks, so
  Python-Markdown's ``abbr`` (which matches between ``\\b`` boundaries) would never find
  私域流量 inside a sentence. They are found anywhere in a text run, longest first
  (私域流量 wins over 私域), and only the first occurrence of each per section (the text
  between two headings) is marked.
- Latin abbreviations (KOL, RFM, DAU): whole Latin words, as ``abbr`` matches them
  (KOL, not the KOL of KOLs), but a Han character next to one is a word break too, so the
  KOL of 头部KOL is found; every occurrence is marked, as ``abbr`` did.

A match becomes ``<abbr title="…">``, which Material styles as a tooltip
(``content.tooltips``). Headings, links, code, existing abbreviations, summaries and
anything inside an element with the class ``kb-no-tooltips`` (the glossary page itself)
are left alone.

Why not ``abbr`` with the abbreviations appended to every page (``pymdownx.snippets``
``auto_append``): then every page carries the whole glossary through the block parser,
which re-tests the remaining definitions once per definition, so the cost grows with
pages × glossary size. Here the files are read and compiled into one pattern once per
process, and again only when they change (``mkdocs serve`` rebuilds pick up new terms).

Being a Markdown extension, not a MkDocs hook, it works with any builder that runs
Python-Markdown extensions (Zensical too).
"""

from __future__ import annotations

import os
import re
import time
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<title>.+?)\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "summary", "script", "style", "kbd"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NO_TOOLTIPS = "kb-no-tooltips"
# a Latin abbreviation must not touch these on either side (KOL in KOLs, KOL2, _KOL)
LATIN_WORD = "A-Za-z0-9_"
_LATIN_CHAR = re.compile(f"[{LATIN_WORD}]")


def parse_terms(text: str) -> dict[str, str]:
    """{term: short definition} from ``*[term]: definition`` lines (a later line wins, as in abbr)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if m and m.group("term").strip():
            out[m.group("term").strip()] = m.group("title")
    return out


def is_han(term: str) -> bool:
    return bool(_HAN.search(term))


def _trie_pattern(terms: list[str]) -> str:
    """One regular expression for many literal terms that prefers the longest at a place,
    shaped as a trie (私域(?:流量|) for 私域流量 and 私域). Its first characters form one
    set, so the regex engine skips the text between possible starts at C speed, and a
    start costs the depth of the trie, not one test per term. A Latin term must not be
    followed by a Latin letter, digit or underscore (the character before it is checked by
    the caller: a lookbehind in front would cost the engine its fast skipping, ten times
    slower on our pages)."""
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = "" if is_han(term) else f"(?![{LATIN_WORD}])"  # a term ends here

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(node[""])  # after the longer terms: tried last
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


@dataclass(frozen=True)
class Glossary:
    """The terms, which of them are Latin (whole words), and their compiled pattern."""

    terms: dict[str, str]
    latin: frozenset[str]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, terms: dict[str, str]) -> Glossary:
        # a Han term and a Latin one matching at one place (KOL金字塔, KOL): the Han one is
        # the longer, since a Latin one stops before the first Han character; the longer wins
        latin = frozenset(t for t in terms if not is_han(t))
        return cls(terms, latin, re.compile(_trie_pattern(list(terms))) if terms else None)


EMPTY = Glossary({}, frozenset(), None)

# A file whose modification time is this close to the moment it was read may still change
# within the same timestamp tick (the kernel's clock is coarse): its content is compared
# on the next use, not only its size and time.
RACY_NS = 2_000_000_000


@dataclass
class _Cached:
    stats: tuple  # per file (mtime, size, inode, ctime), or None when missing
    contents: tuple  # per file its bytes, or None
    settled: bool  # every file was older than RACY_NS when read
    glossary: Glossary


_CACHE: dict[tuple, _Cached] = {}


def _stat(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def load(glossary: str = "", abbreviations: str = "") -> Glossary:
    """The Han terms of ``glossary`` and the Latin ones of ``abbreviations``, compiled once
    per process: MkDocs builds a new Markdown object for every page, and this costs one
    stat() per file then; a changed file is read and compiled again."""
    key = (os.path.abspath(glossary) if glossary else "", os.path.abspath(abbreviations) if abbreviations else "")
    stats = tuple(_stat(p) if p else None for p in key)
    cached = _CACHE.get(key)
    if cached is not None and cached.settled and cached.stats == stats:
        return cached.glossary
    contents = tuple(_read(p) if p else None for p in key)
    now = time.time_ns()
    settled = all(s is None or now - s[0] > RACY_NS for s in stats)
    if cached is not None and cached.contents == contents:
        result = cached.glossary
    else:
        han, latin = (parse_terms(c.decode("utf-8", "replace")) if c else {} for c in contents)
        terms = {t: d for t, d in han.items() if is_han(t)}
        terms.update((t, d) for t, d in latin.items() if not is_han(t))
        result = Glossary.of(terms) if terms else EMPTY
    _CACHE[key] = _Cached(stats, contents, settled, result)
    return result


class Tooltips(Treeprocessor):
    def __init__(self, md: Markdown, glossary: Glossary):
        super().__init__(md)
        self.terms = glossary.terms
        self.latin = glossary.latin
        self.pattern = glossary.pattern

    def run(self, root: etree.Element) -> None:
        if self.pattern is None or getattr(self.md, "kb_no_tooltips", False):
            return
        seen: set[str] = set()
        # document order without recursion: an element's text, its children, then its tail
        stack: list[tuple[bool, etree.Element, etree.Element | None]] = [(False, root, None)]
        while stack:
            is_tail, el, parent = stack.pop()
            if is_tail:
                if el.tail and not isinstance(el.tail, AtomicString):
                    self._wrap_tail(el, parent, seen)
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in HEADINGS:
                seen.clear()  # a new section: each Han term may show once more
            if parent is not None:
                stack.append((True, el, parent))
            if tag in SKIP_TAGS or NO_TOOLTIPS in (el.get("class") or "").split():
                continue
            children = list(el)  # before wrapping adds abbr elements
            self._wrap_text(el, seen)
            stack.extend((False, child, el) for child in reversed(children))

    def _matches(self, text: str, seen: set[str]) -> list[re.Match]:
        found = []
        search, pos = self.pattern.search, 0
        while m := search(text, pos):
            term, start = m.group(0), m.start()
            if term in self.latin:
                if start and _LATIN_CHAR.match(text, start - 1):  # inside a Latin word (xKOL)
                    pos = start + 1  # a Han term may still start at the next character
                    continue
                found.append(m)  # every occurrence, as abbr marks them
            elif term not in seen:
                seen.add(term)
                found.append(m)
            pos = m.end()
        return found

    def _abbr(self, m: re.Match, tail: str) -> etree.Element:
        el = etree.Element("abbr", {"title": self.terms[m.group(0)]})
        el.text = AtomicString(m.group(0))
        el.tail = tail
        return el

    def _wrap_text(self, el: etree.Element, seen: set[str]) -> None:
        text = el.text
        if not text or isinstance(text, AtomicString):
            return
        found = self._matches(text, seen)
        if not found:
            return
        el.text = text[: found[0].start()]
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(text)
            el.insert(i, self._abbr(m, text[m.end():end]))

    def _wrap_tail(self, el: etree.Element, parent: etree.Element, seen: set[str]) -> None:
        tail = el.tail
        found = self._matches(tail, seen)
        if not found:
            return
        el.tail = tail[: found[0].start()]
        index = list(parent).index(el) + 1
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(tail)
            parent.insert(index + i, self._abbr(m, tail[m.end():end]))


NO_TOOLTIPS_MARK = "<!-- kb-no-tooltips -->"  # a page holding this line gets no tooltips (the glossary)


class NoTooltipsMark(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        self.md.kb_no_tooltips = any(line.strip() == NO_TOOLTIPS_MARK for line in lines)
        return lines


class TooltipsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "glossary": ["", "file of '*[term]: definition' lines: its terms with a Han character"],
            "abbreviations": ["", "file of '*[ABC]: definition' lines: its Latin abbreviations"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        glossary = load(self.getConfig("glossary"), self.getConfig("abbreviations"))
        # after inline parsing (20) and Python-Markdown's own abbr (7), if a page uses it
        md.preprocessors.register(NoTooltipsMark(md), "opskb_no_tooltips", 40)
        md.treeprocessors.register(Tooltips(md, glossary), "opskb_tooltips", 6)


def makeExtension(**kwargs) -> TooltipsExtension:  # noqa: N802  (Python-Markdown's name)
    return TooltipsExtension(**kwargs)
