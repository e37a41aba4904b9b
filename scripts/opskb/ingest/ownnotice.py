"""A paragraph of the writer's own that closes with a notice (……跌破12块再考虑补。以上仅代表个人观点，
不构成投资建议。; ……课题。文章封面首图及配图，版权归版权所有人所有……), a caption closing with its
picture's credit in brackets (某某 App 首页（图片来源：网络截图）), and a Q&A page's note on one answer
(此答案由提问者自己选择，并不代表本站的观点): notices that end no text, or take only their part (clean.py)."""

from __future__ import annotations

import re

from ..text import han_count, sentences
from .copyheadline import _BRACKETED_TAIL
from .rules import match_rule

MIN_OWN_OPENING_HAN = 12  # an opening sentence this long, before a notice, is the writer's


def own_opening(text: str) -> bool:
    """``text`` opens with a sentence of clauses that matches no rule, a notice only after it (not a
    notice under its label, 郑重声明：……, nor one speaking of the text itself: 本文原创发布于某某。未经许可，禁止转载)."""
    parts = sentences(text)
    return len(parts) >= 2 and han_count(parts[0]) >= MIN_OWN_OPENING_HAN and _CLAUSES.search(parts[0]) is not None \
        and match_rule(parts[0]) is None and not _NOTICE_LABEL.match(text)


MIN_TRIMMED_NOTICE_CHARS = 30


def own_part(text: str) -> str:
    """The sentences of ``text`` before the first that a rule takes."""
    own = []
    for sentence in sentences(text):
        if match_rule(sentence.strip()):
            break
        own.append(sentence)
    return "".join(own).strip()


MIN_CAPTION_HAN = 4


def caption_part(text: str) -> str:
    """The caption of a line a rule takes for a picture's credit, when the credit is in brackets at its
    end (某某 App 首页（图片来源：网络截图）); "" when no caption stands before it (a credit alone, a
    notice of its own: 图片来源于某某报告（2023 年版）)."""
    m = _BRACKETED_TAIL.search(text)
    caption = text[:m.start()].strip() if m else ""
    return caption if han_count(caption) >= MIN_CAPTION_HAN and match_rule(caption) is None else ""


_CLAUSES = re.compile(r"[，,；;]")
# a notice under its label (郑重声明：), or set in brackets (【……未经授权，不得转载。】)
_NOTICE_LABEL = re.compile(r"^\W{0,2}\S{0,6}(?:声明|申明|提示|须知|说明)\s*[:：]|^\s*[【\[［（(]|^\s*(?:本文|本篇|此文|该文|文章)")
ANSWER_NOTE = re.compile(r"^(?:此|该|本|这个)(?:答案|回答)")
