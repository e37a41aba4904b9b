"""The form of a line in a page copied as text (pagecopy.py): a sentence or a said line, a run of
words with no punctuation, a menu or a row of buttons, and the score a line gives the article
it stands in (its Han characters less a threshold; a sentence needs fewer)."""

from __future__ import annotations

import re

from ..records import IMAGE, Block
from ..text import han_count, has_han

MAX_TITLE_CHARS = 60  # a headline is this long at most
LINE_THRESHOLD = 20  # Han characters a line with no sentence in it needs to count for the article
SENTENCE_THRESHOLD = 4  # ... and a sentence (a line of verse is short, and is text)
MIN_LEAD_IN_HAN = 10  # a line ending in a colon is a sentence leading into what follows when this long (not 推荐阅读：)
MAX_BUTTON_CHARS = 4  # a row of words no longer than this is buttons (字号减小 字号增大)
MIN_RUN_ON_HAN = 40  # a line this long with no punctuation or space at all is neither text nor a headline
MIN_RUN_ON_PARTS = 8  # ... nor one with this many parts between spaces and no punctuation (a blogger's line has a few)
MANY_PARTS = 16  # ... and one with this many, however it names a work or a rare comma goes (a headline's among many)
MENU_WORDS = 5  # a line of this many short words with spaces between them is a menu, not a headline
MENU_WORD_CHARS = 7  # ... short: this many characters a word on average, spaces included
MENU_ITEM_CHARS = 6  # between bars, a menu's items are this short on average
_PUNCT = re.compile(r"[，。；！？,;!?]")
# a said sentence's end: its full stop, question or exclamation mark, perhaps inside a quote (a
# headline may end in a quoted phrase: 走上“快车道”); a line's end as a sentence's: that, a closing
# bracket (a caption's note), or a Latin full stop
_SAID = re.compile(r"[。！？!?…][”」』）)]*$")
_ENDS = re.compile(_SAID.pattern + r"|[）)]$|(?<=[A-Za-z0-9])\.$")
_COMMA = re.compile(r"[，；,;]")
_BRACKETED_PART = re.compile(r"[（(][^（）()]*[）)]")
_LEAD_IN = re.compile(r"[：:]$")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CITED = re.compile(r"[\[［]|《")  # a reference's brackets or a work's name
_TYPESET_SPACE = re.compile(r"(?<=[A-Za-z0-9])\s(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s(?=[A-Za-z0-9])")
_BARS = re.compile(r"[|｜│∣/／·•]")
_WIDE_SPACES = re.compile(r"\s{2,}")
_COLON = re.compile(r"[:：]")  # a label's colon (标签：值), half- or full-width
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")  # what a copied icon or row leaves: zero-width spaces and joiners


def _sentence(text: str) -> bool:
    """Written as a sentence: it ends like one (a colon after a lead-in long enough to be one), or
    it has two commas or semicolons inside (a headline has one at most)."""
    if _ENDS.search(text):
        return True
    if _LEAD_IN.search(text):
        return han_count(text) >= MIN_LEAD_IN_HAN
    return len(_PUNCT.findall(text)) >= 2


def _said(text: str) -> bool:
    """A sentence someone says: it ends with a full stop, a question or an exclamation, or goes on
    after a comma (one inside brackets is a note's: 注册邮箱（特权邮箱，付费）)."""
    return bool(_SAID.search(text) or _COMMA.search(_BRACKETED_PART.sub("", text)))


def _run_on(text: str) -> bool:
    """A long line of words alone, no punctuation and no spaces at all, or many parts between single
    spaces with no punctuation mark nor a reference's brackets: channel names or other stories'
    headlines run together (text this long has a comma somewhere, a colon or brackets, or a few
    spaces where a blogger's commas would be; a list of sources has 某某 ．新浪 [引用日期 …])."""
    if han_count(text) < MIN_RUN_ON_HAN:  # (asked of every line a page copy scores: the cheap test first)
        return False
    bare = _TYPESET_SPACE.sub("", text)
    return not re.search(r"\W", bare) or (len(bare.split()) >= MIN_RUN_ON_PARTS and not _PUNCT.search(bare)
                                          and not _CITED.search(bare))


def _many_parts(text: str) -> bool:
    """A long line of MANY_PARTS parts or more between spaces, hardly a punctuation mark among them: other
    stories' headlines run together, however one names a work (《某报》民调) or holds a comma (a
    sentence's commas come every few words)."""
    if han_count(text) < MIN_RUN_ON_HAN:  # (asked of every line a page copy scores: the cheap test first)
        return False
    bare = _TYPESET_SPACE.sub("", text)
    parts = len(bare.split())
    return parts >= MANY_PARTS and len(_PUNCT.findall(bare)) * MIN_RUN_ON_PARTS < parts


def _size(text: str) -> int:
    """Han characters, and two for each Latin word (a reply in English is text too)."""
    return han_count(text) + 2 * len(_LATIN_WORD.findall(text))


def _menu(text: str) -> bool:
    """Words with wide spaces between them, short words or a long line's parts with bars between
    them, or many short words in a row: a menu or a list of stories (the spaces typesetting puts
    between Han and Latin words do not part words; a headline's parts are longer: 演唱会2026｜门票攻略／购票连结)."""
    words = _TYPESET_SPACE.sub("", text).split()
    items = [p for p in _BARS.split(text) if p.strip()]
    return len(_WIDE_SPACES.findall(text)) >= 2 \
        or (len(items) >= 3 and (len(text) > MAX_TITLE_CHARS or len(text) <= MENU_ITEM_CHARS * len(items) + 2 * (len(items) - 1))) \
        or (len(words) >= MENU_WORDS and len(text) <= MENU_WORD_CHARS * len(words))


def _buttons(text: str) -> bool:
    """A row of buttons or a menu: short words with spaces between them (字号减小 字号增大)."""
    words = _TYPESET_SPACE.sub("", text).split()
    return _menu(text) or (len(words) >= 2 and all(len(w) <= MAX_BUTTON_CHARS for w in words))


# a run of this many words this short is a page's tags or a list of channels, a line each (社群运营 /
# 私域运营 / 企业微信) or set apart by spaces on one line
MIN_TAGS, MAX_TAG_CHARS = 3, 6


def _tag_word(text: str) -> bool:
    return 0 < len(text) <= MAX_TAG_CHARS and not _PUNCT.search(text)


def _tags(text: str) -> bool:
    """A row of MIN_TAGS or more short words set apart by spaces, no punctuation: a question's or a
    post's tags (社群运营 用户运营 私域流量 互联网运营), not a headline."""
    words = _TYPESET_SPACE.sub("", text).split()
    return len(words) >= MIN_TAGS and all(_tag_word(w) for w in words)


def _score(b: Block) -> float:
    if b.kind == IMAGE:
        return 0
    text = b.plain_text()
    sentence = _sentence(text)
    if (not sentence and (_menu(text) or _run_on(text))) or _many_parts(text):  # (two commas among many headlines)
        return -LINE_THRESHOLD
    if not sentence and not has_han(text) and len(text.split()) >= 2:  # a line of code, a formula: neither
        return 0  # (a player's or a menu's one word in Latin letters, close, pause, counts against)
    return _size(text) - (SENTENCE_THRESHOLD if sentence else LINE_THRESHOLD)


def _prose(b: Block) -> bool:
    return b.kind != IMAGE and _score(b) > 0
