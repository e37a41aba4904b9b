"""Stage 4: Traditional -> Simplified with OpenCC (t2s), block by block.

A block is converted only when it reads as Traditional (OpenCC would change a
noticeable share of its Han characters). Converted text then passes our phrase table
(data/phrases.tsv), which fixes OpenCC's default where it is wrong in modern usage
(著实 -> 着实).

A Simplified block keeps its characters, except one that exists only in Traditional
(a lone 蘭 or 捱 a writer's input method left): OpenCC's own tables decide which those
are. A character is Traditional-only when t2s changes it and s2t leaves it as it is (it is
no Simplified character with a Traditional form), and it is converted only where t2s of
the whole block changes it too, so OpenCC's phrases keep valid uses (乾坤, 哪吒).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from importlib import resources

import opencc

from ..records import Doc
from ..text import han_count

# A block is Traditional when at least this share of its Han characters change.
TRADITIONAL_SHARE = 0.03


@functools.lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def phrase_table() -> tuple[tuple[str, str], ...]:
    rows = []
    text = resources.files("opskb").joinpath("data/phrases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, right = line.split("\t")
            rows.append((wrong.strip(), right.strip()))
    # longest first, so 围绕著 wins over a shorter entry inside it
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def apply_phrases(text: str) -> str:
    for wrong, right in phrase_table():
        if wrong in text:
            text = text.replace(wrong, right)
    return text


def t2s(text: str) -> str:
    """OpenCC t2s plus our phrase table."""
    return apply_phrases(_converter().convert(text))


_LAST_BASIC_HAN = "\u9fff"


@functools.lru_cache(maxsize=1)
def _back_converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@functools.lru_cache(maxsize=8192)
def traditional_only(char: str) -> bool:
    """A character that exists only in Traditional writing, by OpenCC's tables."""
    return _converter().convert(char) != char and _back_converter().convert(char) == char


def lone_traditional(text: str) -> tuple[str, int]:
    """Simplified text with its Traditional-only characters converted: (text, how many)."""
    if not any(ord(c) >= 0x3400 and traditional_only(c) for c in text):
        return text, 0
    converted = _converter().convert(text)
    if len(converted) != len(text):  # a phrase of another length: convert character by character
        converted = "".join(_converter().convert(c) for c in text)
    # a conversion to a character outside the basic CJK block (蟳 -> 𫊻) would leave readers' fonts blank
    out = [b if a != b and traditional_only(a) and b <= _LAST_BASIC_HAN else a
           for a, b in zip(text, converted, strict=True)]
    new = "".join(out)
    return new, changed_chars(text, new)


def changed_chars(before: str, after: str) -> int:
    if len(before) == len(after):
        return sum(1 for a, b in zip(before, after, strict=True) if a != b)
    return abs(len(before) - len(after)) + sum(1 for a, b in zip(before, after, strict=False) if a != b)


def convert_text(text: str) -> tuple[str, int, bool]:
    """(text, characters changed, was Traditional)."""
    han = han_count(text)
    if not han:
        return text, 0, False
    converted = _converter().convert(text)
    if converted == text:
        return text, 0, False
    changed = changed_chars(text, converted)
    if changed == 0 or changed / han < TRADITIONAL_SHARE:
        new, n = lone_traditional(text)
        return new, n, False
    final = apply_phrases(converted)
    return final, changed_chars(text, final), True


def convert(doc: Doc) -> Doc:
    total = 0
    trad_han = simp_han = 0

    def fix(text: str) -> str:
        nonlocal total, trad_han, simp_han
        new, n, was_trad = convert_text(text)
        total += n
        if was_trad:
            trad_han += han_count(text)
        else:
            simp_han += han_count(text)
        return new

    blocks = [b.map_text(fix) for b in doc.blocks]
    all_han = trad_han + simp_han
    if all_han and trad_han / all_han > 0.9:
        script = "traditional"
    elif all_han and trad_han / all_han > 0.05:
        script = "mixed"
    else:
        script = "simplified"
    # the page's title, author and site are in the article's script: convert them with it
    m = doc.meta
    if script != "simplified":
        m = replace(m, title=t2s(m.title), author=t2s(m.author), site=t2s(m.site),
                    categories=tuple(t2s(c) for c in m.categories))
    else:
        m = replace(m, title=fix(m.title), author=fix(m.author), site=fix(m.site))
    stats = replace(doc.stats, chars_converted=doc.stats.chars_converted + total)
    return doc.with_blocks(blocks, stats=stats, script=script, meta=m)
