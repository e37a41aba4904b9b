"""How much an article is about a subject, from the text alone.

A maintainer's collection is mostly articles that never compare 社群运营 with 用户运营,
and some that are not about operations at all. A knowledge page takes a statement only
from an article that is about the page's subject, measured by where and how often the
subject's words stand: in the title, in a heading, or again and again in the body.
Operations as a whole is measured the same way, with the topics file's ``domain`` words
per thousand Han characters.
"""

from __future__ import annotations

import functools
import re

from ..records import HEADING, Article
from .base import aliases_of, topics

MIN_MENTIONS = 3  # body mentions that make an article about a subject named in no heading
DOMAIN_DENSITY = 6.0  # domain words per 1,000 Han characters for an operations article


_MEMO: dict[int, tuple[Article, dict]] = {}  # id -> (the article, kept alive so the id stays its own; its figures)
_MEMO_LIMIT = 20000


def _memo(article: Article) -> dict:
    """Per-article figures, computed once however many pages ask about the article."""
    hit = _MEMO.get(id(article))
    if hit is None or hit[0] is not article:
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        hit = _MEMO[id(article)] = (article, {})
    return hit[1]


def _texts(article: Article) -> tuple[str, str, str]:
    """(title, headings, body) of an article."""
    memo = _memo(article)
    if "texts" not in memo:
        heads = "\n".join(u.text for u in article.units if u.kind == HEADING)
        body = "\n".join(u.text for u in article.units if u.kind != HEADING)
        memo["texts"] = (article.doc.meta.title, heads, body)
    return memo["texts"]


def per_article(article: Article, key: str, compute, depends=None):
    """What ``compute(article)`` finds in one article, kept with the article's figures: a rebuild
    under ``mkdocs serve`` hands extract the same Article objects for unchanged files, so
    only an edited article is read again. ``key`` names the finding; ``depends`` is what
    it depends on besides the article (a set of terms): when that changes, it is found
    again (and the old finding is not kept beside it)."""
    memo = _memo(article)
    kept = memo.get(key)
    if kept is None or kept[0] != depends:
        kept = memo[key] = (depends, compute(article))
    return kept[1]


def figures(articles) -> list[dict]:
    """What is kept for each of ``articles`` (their texts left out: those are cheap to make
    again), to be stored with the ingest cache and adopted by the process that loads it."""
    out = []
    for a in articles:
        hit = _MEMO.get(id(a))
        out.append({k: v for k, v in hit[1].items() if k != "texts"} if hit is not None and hit[0] is a else {})
    return out


def adopt(articles, kept: list[dict]) -> None:
    """The figures ``figures`` returned for these articles (equal ones, loaded from the cache),
    as if this process had computed them: serve's first rebuild reads only the edited article."""
    for a, found in zip(articles, kept, strict=True):
        if found:
            _memo(a).update(found)


def forget(keep=()) -> None:
    """Drop the figures kept for articles not in ``keep`` (extract keeps its run's articles:
    the next run, after an edit, reuses them)."""
    kept = {id(a): a for a in keep}
    for k in [k for k, (a, _f) in _MEMO.items() if kept.get(k) is not a]:
        del _MEMO[k]


def body_text(article: Article) -> str:
    return _texts(article)[2]


def heading_text(article: Article) -> str:
    return _texts(article)[1]


def mentions(article: Article, names) -> int:
    """How often the article's body names any of ``names`` (a longer name counted once)."""
    body = _texts(article)[2]
    pattern = _pattern(tuple(sorted(set(names), key=len, reverse=True)))
    return len(pattern.findall(body))


@functools.lru_cache(maxsize=256)
def _pattern(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, names)))


def about(article: Article, names, least: int = MIN_MENTIONS) -> bool:
    """The article is about the subject: its title or a heading names it, or the body
    does at least ``least`` times, or a quarter of its paragraphs do (a short article).
    Kept per article (every build asks it of every article, for each page's subject)."""
    names = tuple(names)
    return per_article(article, f"about {least} " + "|".join(names), functools.partial(_about, names=names, least=least))


def _about(article: Article, names: tuple[str, ...], least: int) -> bool:
    title, heads, _body = _texts(article)
    n = mentions(article, names)
    if any(x in title or x in heads for x in names):
        return n >= 1
    body = [u for u in article.units if u.kind != HEADING]
    return n >= least or (n >= 1 and 4 * sum(1 for u in body if any(x in u.text for x in names)) >= len(body))


@functools.lru_cache(maxsize=1)
def domain_words() -> tuple[str, ...]:
    t = topics()
    words = list(t.get("domain") or [])
    words += [n for e in t["sides"] + t["concepts"] for n in aliases_of(e)]
    words += [e["term"] for e in t["terms"]]
    return tuple(sorted(set(words), key=len, reverse=True))


def domain_density(article: Article) -> float:
    """Operations words per 1,000 Han characters of the article's body and headings."""
    memo = _memo(article)
    if "density" not in memo:
        memo["density"] = _density(article)
    return memo["density"]


def _density(article: Article) -> float:
    title, heads, body = _texts(article)
    text = heads + "\n" + body
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    if not han:
        return 0.0
    return 1000 * len(_pattern(domain_words()).findall(text)) / han


def on_topic(article: Article) -> bool:
    """An operations article: its words are dense enough in operations vocabulary."""
    return domain_density(article) >= DOMAIN_DENSITY
