"""Stage 7: find near-duplicates among cleaned articles and keep one canonical copy.

Two articles are the same story when most of the shorter one's text occurs in the
longer one: containment of character 5-gram shingles over the folded text (no
whitespace or punctuation, so width and spacing differences do not count). Only
shingles that start at a character in a fixed 1/4 sample of code points are kept;
candidates come from the shingles few articles share, and are then checked on
the whole sample.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections import defaultdict
from dataclasses import replace
from itertools import combinations

from ..records import HEADING, IMAGE, Doc, Meta, Origin
from ..text import fold

SHINGLE = 5
SAMPLE_MOD = 4
CONTAINMENT = 0.8
MIN_SHINGLES = 10
# Shingles shared by more articles than this are common phrasing, not evidence of a
# copy; they are left out of the candidate search (not out of the containment check).
MAX_POSTING = 20
MIN_SHARED_RARE = 5  # rare shingles two articles must share before their sets are compared


def fingerprint(doc: Doc) -> bytes:
    """CRC32s of the shingles that start at a sampled character, packed as bytes. The
    sample depends on the text only (the character's code point), so two copies sample
    the same places; CRC32 is the same in every process, so fingerprints made in worker
    processes or read from the cache compare."""
    text = fold("".join(b.plain_text() for b in doc.blocks if b.kind not in (HEADING, IMAGE)))
    last = len(text) - SHINGLE + 1
    sample = sorted({zlib.crc32(text[i:i + SHINGLE].encode("utf-8")) for i in range(max(0, last)) if ord(text[i]) % SAMPLE_MOD == 0})
    return array("I", sample).tobytes()


def richness(doc: Doc) -> tuple:
    """More structure, then more metadata, then more text; the file name breaks ties."""
    structure = sum(1 for b in doc.blocks if b.kind not in ("paragraph", IMAGE))
    meta = sum(1 for v in (doc.meta.title, doc.meta.author, doc.meta.date, doc.meta.site) if v)
    length = sum(len(b.plain_text()) for b in doc.blocks)
    return (structure, meta, length, tuple(-ord(c) for c in doc.source))


def groups(docs: list[Doc], prints: list[bytes] | None = None) -> list[list[int]]:
    """Indices of docs grouped by story, each group in input order, groups by first index.
    ``prints`` are the docs' fingerprints when already made."""
    raw = prints or [fingerprint(d) for d in docs]
    parent = list(range(len(docs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: dict[tuple[bytes, bytes], bool] = {}
    names: dict[int, bytes] = {}  # fingerprint number -> its digest, for the candidates only

    def name(i: int) -> bytes:
        if i not in names:
            names[i] = hashlib.blake2b(raw[i], digest_size=16).digest()
        return names[i]

    for i, j in _candidates(raw):
        pair = (name(i), name(j))
        same = checked[pair] = _CHECKED[pair] if pair in _CHECKED else _contained(raw[i], raw[j])
        if same:
            parent[find(j)] = find(i)
    _CHECKED.clear()  # kept for the next run (mkdocs serve): the same two fingerprints, the same answer
    _CHECKED.update(checked)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        out[find(i)].append(i)
    return sorted(out.values(), key=lambda g: g[0])


def _candidates(raw: list[bytes]) -> list[tuple[int, int]]:
    """Pairs (i < j, in order) of fingerprints that share at least MIN_SHARED_RARE rare
    shingles (ones in 2 to MAX_POSTING fingerprints). In numpy: every shingle of the
    collection sorted once, runs of equal shingles found, and the pairs within the short
    runs counted, rather than a dictionary entry per shingle (a real collection has
    millions)."""
    import numpy as np

    arrays = [np.frombuffer(fp, dtype=np.uint32) for fp in raw]
    if not arrays:
        return []
    shingles = np.concatenate(arrays)
    owners = np.repeat(np.arange(len(raw), dtype=np.int64), [len(a) for a in arrays])
    order = np.argsort(shingles, kind="stable")  # within one shingle its owners stay in order
    shingles, owners = shingles[order], owners[order]
    starts = np.flatnonzero(np.r_[True, shingles[1:] != shingles[:-1]])
    sizes = np.diff(np.r_[starts, len(shingles)])
    keys = []
    for k in range(2, MAX_POSTING + 1):
        at = starts[sizes == k]
        if not len(at):
            continue
        for a, b in combinations(range(k), 2):
            keys.append(owners[at + a] * len(raw) + owners[at + b])
    if not keys:
        return []
    pairs, counts = np.unique(np.concatenate(keys), return_counts=True)  # sorted: (i, j) in order
    pairs = pairs[counts >= MIN_SHARED_RARE]
    return [(int(p // len(raw)), int(p % len(raw))) for p in pairs]


# The containment checks of the last run, by the digests of the pair's fingerprints: after
# one edit under ``mkdocs serve`` only the pairs with the edited article are compared again.
# Stored with the ingest cache too (``checked``, ``learn_checks``).
_CHECKED: dict[tuple[bytes, bytes], bool] = {}


def checked() -> dict[tuple[bytes, bytes], bool]:
    return dict(_CHECKED)


def learn_checks(table: dict[tuple[bytes, bytes], bool]) -> None:
    _CHECKED.update(table)


def _contained(a: bytes, b: bytes) -> bool:
    import numpy as np

    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    smaller = min(len(x), len(y))
    return smaller >= MIN_SHINGLES and len(np.intersect1d(x, y, assume_unique=True)) / smaller >= CONTAINMENT


def origin_of(doc: Doc) -> Origin:
    m = doc.meta
    return Origin(doc.source, m.title, m.author, m.site, m.date, doc.script, doc.encoding)


def merge(members: list[Doc]) -> tuple[Doc, tuple[Origin, ...]]:
    """The richest member, its empty metadata filled from the others, and every origin."""
    if len(members) == 1:  # most articles: the doc itself (the same object from run to run)
        return members[0], (origin_of(members[0]),)
    ranked = sorted(members, key=richness, reverse=True)
    best = ranked[0]
    meta = best.meta
    for other in ranked[1:]:
        m = other.meta
        meta = Meta(
            title=meta.title or m.title,
            author=meta.author or m.author,
            date=meta.date or m.date,
            site=meta.site or m.site,
            categories=meta.categories or m.categories,
        )
    origins = tuple(origin_of(d) for d in sorted(members, key=lambda d: d.source))
    url = next((d.url for d in ranked if d.url), "")
    return replace(best, meta=meta, url=url), origins
