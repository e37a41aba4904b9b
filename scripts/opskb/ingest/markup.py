"""What a page's markup states about it: its meta tags and its schema.org JSON-LD (headline,
author, date, publisher). Read by ``locate`` beside what the page shows."""

from __future__ import annotations

import json


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
