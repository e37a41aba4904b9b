"""Property-based tests of the text stages: they remove or normalize, never invent."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from opskb.ingest.clean import clean
from opskb.ingest.convert import convert_text
from opskb.ingest.repair import repair_text
from opskb.ingest.typeset import typeset_text
from opskb.records import PARAGRAPH, Block, Doc, Meta, plain

HAN = "社群运营用户分层數據現發區網產業态據统创优规复环养稳精细化私域流量裂变埋点转化漏斗著着"
ALPHABET = HAN + "abcxyzRFMKOL0123456789 ，。！？：；（）,.!?:;()“”\"'-—…%～~"
texts = st.text(alphabet=ALPHABET, max_size=80)
# text with glued pinyin, real and fake
pinyinish = st.lists(st.one_of(texts, st.sampled_from(["現(xiàn)", "發(fā)", "F(xiàn)", "R(Recency)", "(ngbjxym)", "區(qū)"])), max_size=6).map("".join)


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


_WIDTH = str.maketrans("，。！？：；（）～", ",.!?:;()~")


def folded(text: str) -> str:
    """Text with whitespace gone and punctuation width folded: what typesetting may change."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_WIDTH).split())


@settings(max_examples=300, deadline=None)
@given(pinyinish)
def test_repair_only_removes_and_is_idempotent(text):
    once, _n = repair_text(text)
    assert is_subsequence(once, text)
    assert repair_text(once) == (once, 0)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_conversion_is_idempotent_and_keeps_length(text):
    once, _n, _trad = convert_text(text)
    assert convert_text(once)[0] == once
    assert len(once) == len(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_typesetting_only_changes_spacing_and_punctuation_width(text):
    once = typeset_text(text)
    assert folded(once) == folded(text)
    assert typeset_text(once) == once


@settings(max_examples=100, deadline=None)
@given(st.lists(texts.filter(lambda t: t.strip()), min_size=1, max_size=12))
def test_cleaning_keeps_or_drops_lines_but_never_writes_new_ones(lines):
    doc = Doc("x.txt", Meta(title="标题"), tuple(Block(PARAGRAPH, text=t) for t in lines))
    out = clean(doc)
    for block in out.blocks:
        for t in block.texts():
            assert plain(t) in lines
    assert len(out.removed) + sum(len(b.texts()) for b in out.blocks) >= len(lines)
