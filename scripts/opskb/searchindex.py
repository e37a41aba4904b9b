"""The site's search index, built from the HTML pages after the site generator ran, and
loaded by the browser only as far as a query needs it (docs/assets/javascripts/search.js).

It reads each page's ``<article>``, so it works the same whatever built the site
(MkDocs with Material, or Zensical), and it does not depend on a theme's search.

Words: Chinese has no spaces, and no segmenter agrees with every other, so Han text is
indexed as overlapping character pairs (用户分层 -> 用户 户分 分层): a query matches a
page holding all of its pairs, which finds a word inside a longer term (漏斗 in 转化漏斗)
and never depends on where a segmenter cut. Latin words and numbers are indexed whole,
in lower case. The domain words of the topics file (terms, concepts, synonyms) are also
counted where they stand as words of their own, not inside a longer domain word (token
``w:`` + word): a page that says 漏斗 ranks above one that only says 转化漏斗. The tokens
of headings are indexed once more (``h:`` + token): a page with the query in a heading
(the glossary's 裂变, an FAQ question) ranks above one that only mentions it.

Files, under ``search/`` in the site:
- ``docs.json``: per page its address, title and kind (concept, knowledge, source);
- ``shards/N.json``: the postings of the tokens whose hash falls in shard N
  ({token: [[page, count], ...]}); a query fetches the few shards its tokens live in;
- ``pages/N.json``: one page's sections (anchor, heading, text) for the result's snippet,
  fetched for the results shown only;
- ``latin.json``: the Latin words, for completing a word being typed (KO -> kol).
Shard count grows with the corpus so a shard stays small.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import lxml.html

INDEX_DIR = "search"
TERMS_FILE = "assets/search/terms.json"  # written by ingest (search.py)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN = re.compile(r"[a-z0-9]+")
MAX_PAGE_TEXT = 40_000  # characters of a page kept for snippets
TARGET_SHARD_POSTINGS = 6_000
# Knowledge pages above source articles; a concept's own page first (see README)
KINDS = (("concepts/", "concept"), ("compare/", "knowledge"), ("layering/", "knowledge"), ("faq/", "knowledge"),
         ("glossary/", "knowledge"), ("sources/index", "knowledge"), ("index.html", "knowledge"), ("sources/", "source"))
_SKIP = ("404.html", INDEX_DIR + "/", "assets/")


def fold(text: str) -> str:
    """What both sides compare: full-width forms to ASCII, lower case."""
    return text.translate(_FULLWIDTH).lower()


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def tokens(text: str) -> list[str]:
    """Han character pairs and Latin words, in order (the browser's tokens() is the same)."""
    out: list[str] = []
    text = fold(text)
    for m in re.finditer(f"[{HAN}]+|[a-z0-9]+", text):
        run = m.group(0)
        if _LATIN.fullmatch(run):
            out.append(run)
        elif len(run) == 1:
            continue
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


def shard_of(token: str, shards: int) -> int:
    """FNV-1a over the token's UTF-8 bytes; search.js computes the same."""
    h = 0x811C9DC5
    for b in token.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h % shards


@dataclass
class Page:
    url: str
    title: str
    kind: str
    sections: list[tuple[str, str, str]]  # (anchor, heading, text)


def kind_of(url: str) -> str:
    return next((k for prefix, k in KINDS if url.startswith(prefix)), "source")


_PARSER = lxml.html.HTMLParser(encoding="utf-8")  # the generators write UTF-8


def read_page(path: Path, url: str) -> Page | None:
    try:
        tree = lxml.html.document_fromstring(path.read_bytes(), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
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
    sections: list[tuple[str, str, str]] = []
    anchor, heading, parts = "", title, []
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("h1", "h2", "h3", "h4"):
            if parts:
                sections.append((anchor, heading, " ".join(" ".join(parts).split())))
            anchor, heading, parts = el.get("id") or "", " ".join(el.text_content().split()), []
            continue
        if el.tag in ("p", "li", "td", "th", "dd", "dt", "blockquote", "summary", "figcaption", "pre") and el.text_content().strip():
            # only the innermost text blocks, so nothing is counted twice
            if not any(isinstance(c.tag, str) and c.tag in ("p", "li", "td", "blockquote", "pre") for c in el.iterdescendants()):
                parts.append(el.text_content())
    if parts or not sections:
        sections.append((anchor, heading, " ".join(" ".join(parts).split())))
    return Page(url, title, kind_of(url), sections)


def read_terms(site: Path) -> tuple[list[str], dict[str, list[str]]]:
    try:
        data = json.loads((site / TERMS_FILE).read_text(encoding="utf-8"))
        return list(data.get("words", [])), dict(data.get("synonyms", {}))
    except (OSError, ValueError):
        return [], {}


def word_counts(text: str, pattern: re.Pattern | None) -> Counter:
    """Domain words standing on their own: each place goes to the longest word there."""
    return Counter(m.group(0) for m in pattern.finditer(text)) if pattern else Counter()


def build(site: Path) -> dict:
    """Write the index into ``site``/search; returns figures (pages, tokens, shards, seconds, bytes)."""
    start = time.perf_counter()
    site = Path(site)
    words, _synonyms = read_terms(site)
    pattern = re.compile("|".join(map(re.escape, sorted({fold(w) for w in words}, key=len, reverse=True)))) if words else None
    pages: list[Page] = []
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        if url.startswith(_SKIP) or url in _SKIP:
            continue
        page = read_page(path, url)
        if page is not None:
            pages.append(page)
    postings: dict[str, list[list[int]]] = defaultdict(list)
    latin: set[str] = set()
    for i, page in enumerate(pages):
        text = page.title + " " + " ".join(f"{h} {t}" for _a, h, t in page.sections)
        counts = Counter(tokens(text))
        counts.update({"w:" + w: n for w, n in word_counts(fold(text), pattern).items()})
        headings = page.title + " " + " ".join(h for _a, h, _t in page.sections)
        counts.update({"h:" + t: 1 for t in set(tokens(headings))})
        for tok, n in counts.items():
            postings[tok].append([i, n])
            if _LATIN.fullmatch(tok):
                latin.add(tok)
    total = sum(len(v) for v in postings.values())
    shards = max(1, 2 ** math.ceil(math.log2(max(1, total / TARGET_SHARD_POSTINGS))))
    out = site / INDEX_DIR
    tmp = site / (INDEX_DIR + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "shards").mkdir(parents=True)
    (tmp / "pages").mkdir()
    grouped: list[dict] = [{} for _ in range(shards)]
    for tok in sorted(postings):
        grouped[shard_of(tok, shards)][tok] = postings[tok]
    size = 0
    for n, group in enumerate(grouped):
        size += _dump(tmp / "shards" / f"{n}.json", group)
    for i, page in enumerate(pages):
        kept, budget = [], MAX_PAGE_TEXT
        for anchor, heading, text in page.sections:
            if budget <= 0:
                break
            kept.append([anchor, heading, text[:budget]])
            budget -= len(text)
        size += _dump(tmp / "pages" / f"{i}.json", {"s": kept})
    size += _dump(tmp / "docs.json", {"shards": shards, "docs": [[p.url, p.title, p.kind] for p in pages]})
    size += _dump(tmp / "latin.json", sorted(latin))
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return {"pages": len(pages), "tokens": len(postings), "postings": total, "shards": shards,
            "bytes": size, "seconds": round(time.perf_counter() - start, 3)}


def _dump(path: Path, data) -> int:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(raw)
    return len(raw)
