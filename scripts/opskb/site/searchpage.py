"""What the search index reads of one built HTML page (searchindex.py): its ``<article>``, so it
works the same whatever built the site (MkDocs with Material, or Zensical): the title, the kind of
page (concept, knowledge, detail, source), the sections (anchor, heading, text) and the lead, the
first LEAD_CHARS characters of its text under the title, where writers name what a page is about.
A source page's box of facts (原文, author, site, date, how it was cleaned) is not its lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

LEAD_CHARS = 200  # a page's lead: the start of its text under the title (its summary, first paragraph)
# Knowledge pages above source articles; a concept's own page first, an axis in full
# (compare/axis-*) after the comparison page (see README); later source lists not indexed
KINDS = (
    ("sources/list-", "skip"), ("concepts/", "concept"), ("compare/axis-", "detail"), ("compare/", "knowledge"),
    ("layering/", "knowledge"), ("faq/", "knowledge"), ("glossary/", "knowledge"), ("sources/index", "knowledge"),
    ("index.html", "knowledge"), ("sources/", "source"),
)


@dataclass
class Page:
    url: str
    title: str
    kind: str
    sections: list[tuple[str, str, str]]  # (anchor, heading, text)
    lead: str = ""  # the first LEAD_CHARS characters of the text under the title


def kind_of(url: str) -> str:
    return next((k for prefix, k in KINDS if url.startswith(prefix)), "source")


_PARSER = lxml.html.HTMLParser(encoding="utf-8")  # the generators write UTF-8
# headings and the innermost text blocks (a list item's paragraphs, not the item twice)
_BLOCKS = etree.XPath(
    ".//h1|.//h2|.//h3|.//h4|.//p|.//li[not(.//p|.//li)]|.//td[not(.//p)]|.//th[not(.//p)]|.//dt|.//dd[not(.//p)]"
    "|.//blockquote[not(.//p)]|.//summary|.//figcaption|.//pre"
)


def read_page(path: Path, url: str) -> Page | None:
    try:
        tree = lxml.html.document_fromstring(path.read_bytes(), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    article = next(iter(tree.iter("article")), None)
    if article is None:
        return None
    for el in article.xpath(".//script|.//style|.//*[contains(concat(' ', @class, ' '), ' headerlink ')]"
                            "|.//a[contains(concat(' ', @class, ' '), ' cite ')]|.//*[@data-search-ignore]"):
        el.drop_tree()
    h1 = next(iter(article.iter("h1")), None)
    title = " ".join(h1.text_content().split()) if h1 is not None else ""
    if not title:
        t = tree.find(".//title")
        title = t.text_content().split(" - ")[0].strip() if t is not None else url
    kind = kind_of(url)
    facts = _facts_box(h1) if kind == "source" else None
    in_facts = set(facts.iter()) if facts is not None else set()
    sections: list[tuple[str, str, str]] = []
    anchor, heading, parts = "", title, []
    lead, lead_len = [], 0
    for el in _BLOCKS(article):  # in document order
        if el.tag in ("h1", "h2", "h3", "h4"):
            if parts:
                sections.append((anchor, heading, " ".join(" ".join(parts).split())))
            anchor, heading, parts = el.get("id") or "", " ".join(el.text_content().split()), []
        else:
            text = el.text_content()
            parts.append(text)
            if lead_len < LEAD_CHARS and el not in in_facts:
                lead.append(text)
                lead_len += len(text)
    if parts or not sections:
        sections.append((anchor, heading, " ".join(" ".join(parts).split())))
    return Page(url, title, kind, sections, " ".join(" ".join(lead).split())[:LEAD_CHARS])


def _facts_box(h1) -> etree._Element | None:
    """The box a source page has right under its title (原文, author, site, date, and the
    collapsed notes of how it was cleaned): the source's facts, not what it says."""
    box = h1.getnext() if h1 is not None else None
    return box if box is not None and box.tag == "div" and "admonition" in (box.get("class") or "").split() else None
