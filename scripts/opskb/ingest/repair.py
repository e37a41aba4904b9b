"""Stage 3: repair scraping artifacts inside the text.

- Pinyin glued to a character: ``現(xiàn)`` -> ``現``. The parenthesis goes only when
  its content is a tone-marked pinyin syllable that is a reading of the character
  before it (checked against pypinyin's dictionary), or, after a non-Han character,
  when it is a tone-marked syllable at all (``F(xiàn)``: the reading survived but its
  character did not). ``R(Recency)`` or ``(ngbjxym)`` are not pinyin and stay.
- Invisible characters in every text field (body, alt text, title, author, site,
  categories): controls, bidirectional overrides and marks, stray BOMs. ``read``
  removes those of the file's text; these are the ones HTML entities (``&#x202e;``)
  or page metadata brought back. Each is counted in the report.
- Stray Markdown markers left by a bad conversion (an unpaired ``**``, a line of
  only ``#`` or ``---``) and unpaired bold runs are dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace

from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

from ..records import BOLD_CLOSE, BOLD_OPEN, PARAGRAPH, Doc, Removed, plain
from ..text import HAN_CHAR, strip_invisible
from .parse import SIGNATURE_MARK

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"[a-zü{_TONED}]{{1,6}}"
_GLUED = re.compile(rf"(.)[(（]({_SYLLABLE})[)）]")
_STRAY_MD = re.compile(r"\*\*|__")
_MARKER_ONLY = re.compile(r"^\s*(?:[#*_=`~>-]\s*)+$")


def _strip_tone(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("ü", "v")


@functools.lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    out = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            out.add(_strip_tone(r))
    return frozenset(out)


@functools.lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    found = pinyin(ch, style=Style.TONE, heteronym=True, errors="ignore")
    return frozenset(unicodedata.normalize("NFC", r) for group in found for r in group)


def _is_artifact(prev: str, syllable: str) -> bool:
    syllable = unicodedata.normalize("NFC", syllable)
    toned = any(c in _TONED for c in syllable)
    if re.fullmatch(HAN_CHAR, prev):
        # its own reading, with or without tone marks
        return _strip_tone(syllable) in {_strip_tone(r) for r in _readings(prev)}
    return toned and _strip_tone(syllable) in _syllables()


def repair_pinyin(text: str) -> tuple[str, int]:
    """Text without glued pinyin readings, and how many were removed."""
    count = 0

    def fix(m: re.Match) -> str:
        nonlocal count
        if _is_artifact(m.group(1), m.group(2)):
            count += 1
            return m.group(1)
        return m.group(0)

    return _GLUED.sub(fix, text), count


def _balance_bold(text: str) -> tuple[str, int]:
    """Drop bold sentinels that do not pair up (a run split by a block boundary)."""
    if BOLD_OPEN not in text and BOLD_CLOSE not in text:
        return text, 0
    out, depth, dropped = [], 0, 0
    for ch in text:
        if ch == BOLD_OPEN:
            if depth:
                dropped += 1
                continue
            depth = 1
        elif ch == BOLD_CLOSE:
            if not depth:
                dropped += 1
                continue
            depth = 0
        out.append(ch)
    if depth:  # an opening marker never closed
        idx = len(out) - 1 - out[::-1].index(BOLD_OPEN)
        del out[idx]
        dropped += 1
    return "".join(out), dropped


def repair_markers(text: str) -> tuple[str, int]:
    """Text without stray Markdown markers, and how many were removed."""
    text, n = _balance_bold(text)
    text, m = _STRAY_MD.subn("", text)
    return text, n + m


def repair_text(text: str) -> tuple[str, int]:
    text, a = repair_pinyin(text)
    text, b = repair_markers(text)
    return text, a + b


MAX_SIGNATURE_LINES = 3
MAX_SIGNATURE_CHARS = 60
_SYSTEM_LINE = re.compile(r"^\s*※")  # a BBS's note on the post (※ 发信站: …, ※ 编辑: …)


def _signature(blocks) -> set[int]:
    """The blocks of a signature: the short lines between a line of "--" (parse drops what
    follows one inside a post's box; here the page's own text) and the board's notes on the post
    (※ 发信站: …), or the text's end."""
    for n, block in enumerate(blocks):
        if block.kind != PARAGRAPH or plain(block.text).strip() != SIGNATURE_MARK:
            continue
        m = n + 1
        while m < len(blocks) and m - n <= MAX_SIGNATURE_LINES and blocks[m].kind == PARAGRAPH \
                and len(plain(blocks[m].text).strip()) <= MAX_SIGNATURE_CHARS and not _SYSTEM_LINE.match(plain(blocks[m].text)):
            m += 1
        if m > n + 1 and (m == len(blocks) or _SYSTEM_LINE.match(plain(blocks[m].text))):
            return set(range(n + 1, m))
    return set()


def repair(doc: Doc) -> Doc:
    total = 0
    removed: list[Removed] = []
    invisible: dict[str, int] = {}

    def visible(text: str) -> str:
        new, counts = strip_invisible(text)
        for kind, n in counts.items():
            invisible[kind] = invisible.get(kind, 0) + n
        return new

    def fix(text: str) -> str:
        nonlocal total
        new, n = repair_text(visible(text))
        total += n
        return new

    m = doc.meta
    meta = replace(m, title=visible(m.title), author=visible(m.author), site=visible(m.site),
                   categories=tuple(visible(c) for c in m.categories))
    blocks = []
    signature = _signature(doc.blocks)
    for n, block in enumerate(doc.blocks):
        if n in signature:
            removed.append(Removed(block.plain_text(), "签名档", "repair"))
            continue
        new = block.map_text(fix)
        if new.kind != "image" and all(_MARKER_ONLY.match(plain(t)) or not plain(t).strip() for t in new.texts()):
            removed.append(Removed(block.plain_text(), "残留的 Markdown 标记", "repair"))
            continue
        blocks.append(new)
    stats = replace(doc.stats, artifacts_repaired=doc.stats.artifacts_repaired + total).with_invisible(invisible)
    return doc.with_blocks(blocks, stats=stats, meta=meta, removed=doc.removed + tuple(removed))
