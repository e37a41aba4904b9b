"""Stage 5: Chinese copywriting conventions, with autocorrect (autocorrect-py).

autocorrect puts one space between Han and Latin words or numbers and turns
half-width ，。！？ into full-width inside Chinese text. It leaves a few cases
alone that scraped Chinese text is full of, so two small rules run first:

- a half-width , ; : ! ? touching a Han character or a Chinese quote becomes full-width
  (``A:社群`` -> ``A：社群``, ``形态),比如`` -> ``形态），比如``), except ``:`` between digits;
- parentheses whose content holds Han characters become full-width ``（）``;
  parentheses around Latin text, such as ``R(Recency)``, stay half-width.
"""

from __future__ import annotations

import re
import unicodedata

import autocorrect_py

from ..records import BOLD_CLOSE, BOLD_OPEN, Doc
from ..text import CJK_CHAR, HAN, HAN_CHAR

_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_SIDE = f"[{HAN}\u201c\u201d\u2018\u2019\uff08\uff09\u3001\u3002\uff0c]"
_PUNCT_NEAR_CJK = re.compile(rf"(?<={_CJK_SIDE})[,;:!?]|[,;!?](?={_CJK_SIDE})|:(?={_CJK_SIDE})")
_PAREN_WITH_HAN = re.compile(rf"\(([^()]*{HAN_CHAR}[^()]*)\)")
_FULLWIDTH = "，。！？；：、（）“”"
_SPACE_BEFORE_FULLWIDTH = re.compile(f"[ \t]+([{BOLD_OPEN}{BOLD_CLOSE}]*[{_FULLWIDTH}])")
_SPACE_AFTER_FULLWIDTH = re.compile(f"([{_FULLWIDTH}][{BOLD_OPEN}{BOLD_CLOSE}]*)[ \t]+")
_SPACE_INSIDE_OPEN = re.compile(f"{BOLD_OPEN}[ \t]+")
_SPACE_INSIDE_CLOSE = re.compile(f"[ \t]+{BOLD_CLOSE}")
_CJK_RE = re.compile(CJK_CHAR)
_HALF_MARK = re.compile("[,;:!?]")
_RUN_OF_SPACES = re.compile(r"[ \t]{2,}")
# a range between two amounts with a unit (6月-7月, 3岁-6岁): autocorrect reads the dash as a minus
# sign and puts a space before it; the dash joins the two ends again
_RANGE_DASH = re.compile(r"(\d ?[年月日号时点分秒周天岁元万亿个次期届级页章节]) -(?=\d)")


_configured = False


def _autocorrect(text: str) -> str:
    global _configured
    if not _configured:
        # keep dashes as written: 拉新-激活-留存 is a chain, not a spaced dash
        autocorrect_py.load_config('{"rules": {"space-dash": 0}}')
        _configured = True
    out = autocorrect_py.format(text)
    # it only spaces and changes the width of marks; where it changed a mark itself (0:0；“ read
    # as a time and a full stop: 0:0.“), the text stays as it was. Most paragraphs it leaves as
    # they are or only spaces: those need no folding of widths
    if out == text or "".join(out.split()) == "".join(text.split()):
        return out
    return out if _marks(out) == _marks(text) else text


_WIDTH = str.maketrans("，。！？：；（）～", ",.!?:;()~")


def _marks(text: str) -> str:
    """The text with its marks' width folded and no whitespace: what typesetting may not change."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_WIDTH).split())


def _full_parens(text: str) -> str:
    prev = None
    while prev != text:  # innermost first, so nested parentheses work too
        prev = text
        text = _PAREN_WITH_HAN.sub(lambda m: "（" + m.group(1) + "）", text)
    return text


def typeset_text(text: str) -> str:
    """Typeset until nothing changes: removing a space can put a mark next to Chinese text."""
    if not _CJK_RE.search(text):
        return text
    for _ in range(4):
        new = _typeset_once(text)
        if new == text:
            break
        text = new
    return text


def _typeset_once(text: str) -> str:
    # each rule runs only where its characters are: most paragraphs need few of them
    if "(" in text:
        text = _full_parens(text)
    if _HALF_MARK.search(text):
        prev = None
        while prev != text:  # a converted mark can make its neighbour Chinese too: ",:“"
            prev = text
            text = _PUNCT_NEAR_CJK.sub(lambda m: _FULL[m.group(0)], text)
    text = _autocorrect(text)
    if " -" in text:
        text = _RANGE_DASH.sub(r"\1-", text)
    if BOLD_OPEN in text or BOLD_CLOSE in text:
        # spaces the typesetter put just inside a bold run belong outside it
        text = _SPACE_INSIDE_OPEN.sub(" " + BOLD_OPEN, text)
        text = _SPACE_INSIDE_CLOSE.sub(BOLD_CLOSE + " ", text)
    if " " in text or "\t" in text:
        # full-width punctuation carries its own spacing
        text = _SPACE_BEFORE_FULLWIDTH.sub(r"\1", text)
        text = _SPACE_AFTER_FULLWIDTH.sub(r"\1", text)
        text = _RUN_OF_SPACES.sub(" ", text)
    return text.strip()


def typeset(doc: Doc) -> Doc:
    return doc.with_blocks(b.map_text(typeset_text) for b in doc.blocks)
