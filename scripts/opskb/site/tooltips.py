"""Python-Markdown extension: glossary terms written in Han characters show their short
definition on hover, inside Chinese running text.

Python-Markdown's ``abbr`` matches between ``\\b`` word boundaries, and Han text has
none between its words, so 私域流量 inside a sentence would never match. Here every
text run is searched for the terms (longest first: 私域流量 wins over 私域) and the
first occurrence of each term per section (the text between two headings) becomes
``<abbr title="…">``, which Material styles as a tooltip (``content.tooltips``).
Headings, links, code, existing abbreviations, summaries and anything inside an element
with the class ``kb-no-tooltips`` (the glossary page itself) are left alone. Latin
abbreviations stay with ``abbr``.

The terms come from a file ingest writes (``*[术语]: 释义`` lines, the abbreviation
syntax), named in mkdocs.yml::

    markdown_extensions:
      - opskb.site.tooltips:
          glossary: docs/_snippets/han-terms.md

Being a Markdown extension, not a MkDocs hook, it works with any builder that runs
Python-Markdown extensions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<title>.+?)\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "summary", "script", "style", "kbd"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NO_TOOLTIPS = "kb-no-tooltips"


def read_glossary(path: Path) -> dict[str, str]:
    """{term: short definition} from ``*[term]: definition`` lines; Han terms only."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    out = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if m and _HAN.search(m.group("term")):
            out[m.group("term")] = m.group("title")
    return out


class HanTooltips(Treeprocessor):
    def __init__(self, md: Markdown, terms: dict[str, str]):
        super().__init__(md)
        self.terms = terms
        keys = sorted(terms, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    def run(self, root: etree.Element) -> None:
        if self.pattern is None:
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
                seen.clear()  # a new section: each term may show once more
            if parent is not None:
                stack.append((True, el, parent))
            if tag in SKIP_TAGS or NO_TOOLTIPS in (el.get("class") or "").split():
                continue
            children = list(el)  # before wrapping adds abbr elements
            self._wrap_text(el, seen)
            stack.extend((False, child, el) for child in reversed(children))

    def _matches(self, text: str, seen: set[str]) -> list[re.Match]:
        found = []
        for m in self.pattern.finditer(text):
            if m.group(0) not in seen:
                seen.add(m.group(0))
                found.append(m)
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


class HanTooltipsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"glossary": ["", "file of '*[term]: definition' lines"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        terms = read_glossary(Path(self.getConfig("glossary"))) if self.getConfig("glossary") else {}
        # after inline parsing (20) and Python-Markdown's own abbr (7)
        md.treeprocessors.register(HanTooltips(md, terms), "opskb_han_tooltips", 6)


def makeExtension(**kwargs) -> HanTooltipsExtension:  # noqa: N802  (Python-Markdown's name)
    return HanTooltipsExtension(**kwargs)
