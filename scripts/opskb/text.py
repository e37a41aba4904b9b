"""Character classes and small helpers shared by the stages."""

from __future__ import annotations

import functools
import hashlib
import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN_CHAR = f"[{HAN}]"
# Han characters plus CJK punctuation and the curly quotes Chinese text uses
CJK_CHAR = f"[{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026]"
TERMINAL_PUNCT = "。！？!?；;…」』”"

_HAN_RE = re.compile(HAN_CHAR)


def has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


SENTENCE_BREAK = re.compile(r"(?<=[。！？!?])")  # after a sentence's closing mark


def sentences(text: str) -> list[str]:
    """``text``'s sentences, each with its closing mark (the last may have none)."""
    return [x for x in SENTENCE_BREAK.split(text) if x.strip()]


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


_PUNCT_OR_SPACE = re.compile(r"[\s\W_]+", re.U)
# full-width ASCII forms to ASCII: the part of NFKC that scraped Chinese text needs, much faster
_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


_FULLWIDTH_WORD = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text reduced for comparison: width folded, lower case, no whitespace or punctuation.
    Remembered for the last few thousand texts: cleaning asks it of every line of a file
    several times over."""
    text = _PUNCT_OR_SPACE.sub("", text)
    if _FULLWIDTH_WORD.search(text):  # rare: full-width letters and digits
        text = text.translate(_HALF)
    return text.lower()


def short_hash(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


# How a site, channel or column name ends: 某某网, 某某日报, 某某新闻, example.com, ... Daily
_SITE_WORDS = re.compile(
    r"(?:网|網|报|報|新闻|新聞|频道|頻道|百科|百科全书|百科全書|博客|首页|首頁|日报|日報|电子报|電子報|社|台|号|號|"
    r"周刊|週刊|月刊|季刊|杂志|雜誌|"
    r"\.com|\.cn|\.net|\.org|\.tw|\.hk|news|online|daily|times|pixnet|blog|weekly|magazine|chronicle|journal)\W*$",
    re.I,
)

MAX_SITE_CHARS = 24


def looks_like_site(part: str, site_key: str = "") -> bool:
    """A short name that reads as a site or channel: it holds or is held by the page's
    known site name (``site_key``, folded), or ends with a word such names end with."""
    k = fold(part)
    if not k:
        return False
    if site_key and (site_key in k or k in site_key):
        return True
    return len(part) <= MAX_SITE_CHARS and bool(_SITE_WORDS.search(part))


# Characters that are never text a reader should get, by the name the report gives them:
# C0 and C1 controls other than tab and newline (ESC, BEL, NUL, form feed, ...); bidirectional
# embeddings, overrides and isolates and the LRM / RLM / ALM marks, which can make stored text
# display in another order; and a byte order mark anywhere but at a file's start.
INVISIBLE_KINDS = (
    ("控制字符", "\x00-\x08\x0b-\x1f\x7f-\x9f"),
    ("双向控制符", "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"),
    ("BOM", "\ufeff"),
)
# a terminal's colour or cursor sequence (ESC [ 31 m) goes whole, as one control
_INVISIBLE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[" + "".join(chars for _kind, chars in INVISIBLE_KINDS) + "]")
_KIND_OF = [(re.compile(f"[{chars}]"), kind) for kind, chars in INVISIBLE_KINDS]
# a control that stood between lines or pages becomes a line break, not nothing
_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n"}


def strip_invisible(text: str) -> tuple[str, dict[str, int]]:
    """Text without invisible control characters, and how many of each kind went."""
    if not _INVISIBLE.search(text):
        return text, {}
    counts: dict[str, int] = {}
    for found in _INVISIBLE.findall(text):
        kind = next(k for pattern, k in _KIND_OF if pattern.match(found))
        counts[kind] = counts.get(kind, 0) + 1
    return _INVISIBLE.sub(lambda m: _BREAKS.get(m.group(0), ""), text), counts

