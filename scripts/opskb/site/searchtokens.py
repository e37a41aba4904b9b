"""The search index's words, as the browser makes them too (docs/assets/javascripts/search.js
has the same functions): Han text as overlapping character pairs, Latin words and numbers
whole and in lower case, full-width letters and digits folded to ASCII; and the shard a
token lives in.
"""

from __future__ import annotations

import operator
import re
from collections import Counter

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def fold(text: str) -> str:
    """What both sides compare: full-width letters and digits to ASCII, lower case."""
    if _WIDE.search(text):  # rare; translate() is slow on long text
        text = text.translate(_FULLWIDTH)
    return text.lower()


# full-width letters and digits; full-width punctuation separates words as ASCII does
_WIDE_CHARS = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in _WIDE_CHARS}
_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_RUNS = re.compile(f"[{HAN}]+|[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Han character pairs and Latin words, in order: the tokens search.js makes of a query
    (the same function there); pages are counted with token_counts(), which gives the same."""
    out: list[str] = []
    for run in _RUNS.findall(fold(text)):
        if run[0] < "\u0080":  # a Latin word or a number
            out.append(run)
        else:
            out.extend(map(operator.add, run, run[1:]))
    return out


_NOT_HAN = re.compile(f"[^{HAN}]+")
_LATIN_WORDS = re.compile(r"[a-z0-9]+")


def token_counts(text: str) -> Counter:
    """Counter(tokens(text)), computed a faster way for whole pages: all Han pairs of the
    text at once, those that straddle two runs dropped."""
    text = fold(text)
    han = _NOT_HAN.sub("\0", text)
    counts = Counter(map(operator.add, han, han[1:]))
    for pair in [p for p in counts if "\0" in p]:
        del counts[pair]
    counts.update(_LATIN_WORDS.findall(text))
    return counts


def shard_of(token: str, shards: int) -> int:
    """FNV-1a over the token's UTF-8 bytes; search.js computes the same."""
    h = 0x811C9DC5
    for b in token.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def shards_of(tokens: list[str], shards: int) -> list[int]:
    """[shard_of(t, shards) for t in tokens], computed for all tokens of one byte length at
    once (a whole index has some 300,000 tokens: byte by byte in Python, half a second)."""
    import numpy as np

    encoded = [t.encode("utf-8") for t in tokens]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    out = np.zeros(len(tokens), dtype=np.uint64)
    for n in np.unique(lengths).tolist():
        where = np.flatnonzero(lengths == n)
        h = np.full(len(where), 0x811C9DC5, dtype=np.uint64)
        if n:
            rows = data[starts[where][:, None] + np.arange(n)]  # the tokens' bytes, one row each
            for j in range(n):  # a 32-bit value times the 25-bit prime stays within 64 bits
                h = ((h ^ rows[:, j]) * np.uint64(0x01000193)) & np.uint64(0xFFFFFFFF)
        out[where] = h % np.uint64(shards)
    return out.tolist()
