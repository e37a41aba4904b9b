"""What a page's markup states about it: its meta tags and its schema.org JSON-LD (headline,
author, date, publisher). Read by ``locate`` beside what the page shows."""

from __future__ import annotations

import json
import re

from ..text import fold


def meta_content(tree, *names: str) -> str:
    for name in names:
        for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            value = (el.get("content") or "").strip()
            if value:
                return value
    return ""


def json_ld(tree) -> dict:
    """Headline, author, date and publisher from the page's schema.org JSON-LD, if any."""
    out: dict = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            for key, field in (("headline", "title"), ("datePublished", "date")):
                if isinstance(item.get(key), str):
                    out.setdefault(field, item[key])
            author = item.get("author")
            if isinstance(author, list):
                author = author[0] if author else None
            if isinstance(author, dict):
                author = author.get("name")
            if isinstance(author, str):
                out.setdefault("author", author)
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.setdefault("site", pub["name"])
    return out


_HOME = re.compile(r"^(?:(?:https?:)?//[^/?#]+)?(?:\.{1,2}/)*/?(?:index\.(?:s?html?|php|aspx?|jsp))?$", re.I)
MAX_HOME_NAME_CHARS = 30


def home_names(tree) -> set[str]:
    """What the page calls itself where it links to its home page: the text, title or logo
    ``alt`` of links to ``/`` (``index.html``, ``https://host/``), folded, short ones only."""
    names = set()
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or not _HOME.match(href):
            continue
        texts = [a.text_content(), a.get("title") or ""] + [img.get("alt") or "" for img in a.iter("img")]
        names.update(k for t in texts if 0 < len(k := fold(t)) <= MAX_HOME_NAME_CHARS)
    return names
