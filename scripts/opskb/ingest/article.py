"""Turn a deduplicated Doc into an Article: a stable slug and a stable anchor per unit."""

from __future__ import annotations

import functools
import logging
import re

from pypinyin import lazy_pinyin

from ..records import HEADING, LIST, PARAGRAPH, QUOTE, Article, Doc, Origin, Unit, plain
from ..text import fold, short_hash

MAX_SLUG_CHARS = 40
# function words that make a poor last word of a truncated slug
_TRAILING_STOP = {"的", "和", "与", "有", "是", "了", "之", "及", "在", "对", "或", "什么", "怎么", "如何", "为什么"}


@functools.lru_cache(maxsize=1)
def _own_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


_DEFAULT: list[tuple[int, int]] = []  # (total frequency, words) of jieba's default dictionary


def tokenizer():
    """A tokenizer with jieba's default dictionary only: slugs must not change when something
    loads words into jieba's global tokenizer (a theme's search plugin does, with its user
    dictionary). That global one is used while its dictionary is the default (the knowledge
    rules load it anyway: a second copy costs about 70 MB); once it has changed, a tokenizer of
    our own. The default's size is read when this initializes the global one, or, when that
    was done before, from a tokenizer of our own."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    glob = jieba.dt
    if not _DEFAULT:
        if not glob.initialized:
            glob.initialize()
            _DEFAULT.append((glob.total, len(glob.FREQ)))
        else:
            own = _own_tokenizer()
            own.initialize()
            _DEFAULT.append((own.total, len(own.FREQ)))
    return glob if (glob.total, len(glob.FREQ)) == _DEFAULT[0] else _own_tokenizer()


def slugify(title: str) -> str:
    """Readable ASCII slug: pinyin of each word, Latin words kept, at most 40 characters."""
    words: list[tuple[str, str]] = []  # (original word, ascii form)
    for word in tokenizer().cut(title):
        ascii_form = "".join(lazy_pinyin(word, errors="ignore")) if re.search(r"[\u4e00-\u9fff]", word) else word
        ascii_form = re.sub(r"[^a-z0-9]+", "", ascii_form.lower())
        if ascii_form:
            words.append((word, ascii_form))
    kept: list[tuple[str, str]] = []
    for word in words:
        if len("-".join(w for _o, w in kept + [word])) > MAX_SLUG_CHARS:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1][0] in _TRAILING_STOP:
        kept.pop()
    if not kept and words:
        return words[0][1][:MAX_SLUG_CHARS]
    return "-".join(w for _o, w in kept)


# every slug this process made (article titles, and the knowledge pages' concept names,
# axes, questions and terms) or learnt from the ingest cache (slugify needs jieba and
# pypinyin: a second a thousand titles, and a rebuild under serve asks again for each)
_KNOWN: dict[str, str] = {}
_USED: set[str] = set()  # the texts asked for since the run began (start_run)


def start_run() -> None:
    _USED.clear()


def known_slugs() -> dict[str, str]:
    """{text: slugify(text)} for every text this run asked for, to store with the cache:
    what the process computed for other runs before is left out (the cache is the run's own)."""
    return {t: _KNOWN[t] for t in sorted(_USED)}


def learn_slugs(table: dict[str, str]) -> None:
    _KNOWN.update(table)


def slug(text: str) -> str:
    """slugify(text), remembered."""
    _USED.add(text)
    made = _KNOWN.get(text)
    if made is None:
        if len(_KNOWN) > 50000:
            _KNOWN.clear()
        made = _KNOWN[text] = slugify(text)
    return made


def assign_slugs(items: list[tuple[str, str]]) -> list[str]:
    """Slugs for (title, source file) pairs; titles that collide get a short hash of their source."""
    base = [slug(title) or f"article-{short_hash(src)}" for title, src in items]
    owners: dict[str, str] = {}
    for b, (_t, src) in zip(base, items, strict=True):
        owners[b] = min(owners.get(b, src), src)
    return [b if owners[b] == src else f"{b}-{short_hash(src, 4)}" for b, (_t, src) in zip(base, items, strict=True)]


def units(doc: Doc) -> tuple[Unit, ...]:
    """Every citable unit with an anchor derived from its own text, so it survives edits elsewhere."""
    out: list[Unit] = []
    used: set[str] = set()
    section = ""

    def add(text: str, block: int, item: int, kind: str) -> None:
        t = plain(text).strip()
        anchor = base = f"p-{short_hash(fold(t) or t)}"
        n = 2
        while anchor in used:
            anchor = f"{base}-{n}"
            n += 1
        used.add(anchor)
        out.append(Unit(anchor, t, block, item, kind, section))

    for i, b in enumerate(doc.blocks):
        if b.kind == HEADING:
            section = plain(b.text).strip()
            add(b.text, i, -1, HEADING)
        elif b.kind == PARAGRAPH:
            add(b.text, i, -1, PARAGRAPH)
        elif b.kind in (LIST, QUOTE):
            for j, t in enumerate(b.items):
                add(t, i, j, b.kind)
    return tuple(out)


def make_article(slug: str, doc: Doc, origins: tuple[Origin, ...]) -> Article:
    return Article(slug=slug, doc=doc, origins=origins, units=units(doc))
