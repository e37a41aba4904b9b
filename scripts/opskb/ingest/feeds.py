"""Lists of other items left in an article: a page's feed of other stories or questions,
told by its form, whatever its words.

- a list whose every item ends in a count of views, answers or comments (热门话题, a sidebar
  of questions, "…7.2 万次浏览"): an article's own list does not count each point's readers;
- short lines after the article's last text, each read as a heading with nothing under it:
  other stories' headlines, not sections;
- a short label ending in a colon after the article's last text, and only headline-like
  lines after it (※你可能还想看： and the stories' titles); not the article's references
  (参考资料： and 《works》 or numbered entries);
- such a label run on after a paragraph's last sentence, with the stories' titles after it in
  the same paragraph (……晋级4强。※你可能还想看：……).

Each takes the cleaned blocks and returns those kept and what went, with why.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from ..records import HEADING, LIST, PARAGRAPH, Block, Removed, plain
from ..text import han_count
from .metaline import closing_credit

MIN_FEED_ITEMS = 3
_COUNTED = re.compile(
    r"\d+(?:\.\d+)?\s*[万千kKwW]?\+?\s*(?:次|人|条|个)?\s*(?:浏览|阅读|播放|观看|回答|评论|回复|讨论|关注|围观|参与)(?:量|数)?\s*$"
)
FEED_REASON = "带浏览或回答计数的列表（其他内容的列表）"
INLINE_RELATED_REASON = "段落末尾的其他文章列表"
# a label of other stories right after a sentence's end (a date code may stand between)
_INLINE_RELATED = re.compile(r"(?<=[。！？!?”」』）)])[\s\d]*(※?\s*(?:(?:你|您)可能(?:还|也)?(?:想看|喜欢|会喜欢|感兴趣|想读)"
                             r"|(?:延伸|相关|推荐|更多)(?:阅读|新闻|报道|文章)|相关推荐)\s*[:：])")


def drop_inline_related(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """Each paragraph with a label of other stories run on after a sentence (_INLINE_RELATED)
    without the label and the stories' titles after it; the blocks after it are the rules' to judge
    (an article may go on after such a label in its middle)."""
    out: list[Block] = []
    removed: list[Removed] = []
    for b in blocks:
        m = _INLINE_RELATED.search(b.text) if b.kind == PARAGRAPH else None
        if m is None:
            out.append(b)
            continue
        removed.append(Removed(plain(b.text[m.start(1):]).strip(), INLINE_RELATED_REASON))
        if b.text[:m.start(1)].strip():
            out.append(replace(b, text=b.text[:m.start(1)].strip()))
    return out, removed


def counted_feeds(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """Lists of MIN_FEED_ITEMS items or more that each end in a count go."""
    kept, removed = [], []
    for b in blocks:
        if b.kind == LIST and len(b.items) >= MIN_FEED_ITEMS and all(_COUNTED.search(plain(t).strip()) for t in b.items):
            removed.extend(Removed(plain(t), FEED_REASON) for t in b.items)
            continue
        kept.append(b)
    return kept, removed


MIN_TRAILING_HEADLINES = 2
MIN_OTHER_HEADLINE_HAN = 8  # a line that is not a heading reads as another story's headline when this long
# (a note numbers its points with keycap digits: 1️⃣)
SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．]\s*\S|\d\ufe0f?\u20e3|第[一二三四五六七八九十\d]{1,3}[章节部分])")
MAX_LABEL_CHARS = 16
MAX_HEADLINE_CHARS = 40
_LABEL = re.compile(r"^[^，。！？；,.!?;]{2,}[:：]$")
_ENDS_SENTENCE = re.compile(r"[。！？!?…；;：:]$")
# a reference list names works (《书名》) or numbers its entries ([1], (1)): the article's sources
CITATION = re.compile(r"《[^》]+》|^\s*[\[［(（]\d{1,3}[\]］)）]")
_DATED = re.compile(r"[（(]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?[)）]?\s*$")
WORK = re.compile(r"^\s*(?:《|[\[［(（]\d{1,3}[\]］)）])")  # a line that opens with a work's name or a reference number


def trailing_headlines(blocks: list[Block], page_copy: bool = False,
                       posts: Collection[str] = ()) -> tuple[list[Block], list[Removed]]:
    """The end of the article without the other stories' headlines that follow it (``posts``: lines
    a page copy's thread shows as its posts, which end the search)."""
    # headings with nothing under them, unnumbered (numbered ones may be the article's closing points),
    # and in a page's text copy lines among them that read as headlines (a text's last line, one with
    # a colon in it, is not made a heading; a page's thread has replies that short under their
    # authors' names); the editor's credit above them is the article's
    tail = headings = dated = 0
    while tail < len(blocks) and _other_headline(blocks[-1 - tail], page_copy) \
            and plain(blocks[-1 - tail].text) not in posts:
        headings += blocks[-1 - tail].kind == HEADING
        dated += bool(_DATED.search(plain(blocks[-1 - tail].text)))
        tail += 1
    # (lines of a page copy with the date each story was published after it are other stories too)
    if tail >= MIN_TRAILING_HEADLINES and (headings or 2 * dated >= tail) and tail < len(blocks):
        return blocks[:-tail], [Removed(plain(b.text), "正文之后的一串标题（其他文章列表）") for b in blocks[-tail:]]
    # a label with a colon, then only short lines that are not sentences
    lines = 0
    while lines < len(blocks) and _headline_like(blocks[-1 - lines]):
        lines += 1
    at = len(blocks) - 1 - lines
    cited = any(CITATION.search(plain(b.text)) for b in blocks[at + 1:])  # the article's references stay
    if lines >= MIN_TRAILING_HEADLINES and at > 0 and blocks[at].kind in (PARAGRAPH, HEADING) and not cited:
        label = plain(blocks[at].text).strip().lstrip("※*#>・·•◆■●▲★☆ ")
        if len(label) <= MAX_LABEL_CHARS and _LABEL.match(label):
            gone = blocks[at:]
            return blocks[:at], [Removed(plain(b.text), "正文之后的标签和一串标题（其他文章列表）") for b in gone]
    return blocks, []


def _other_headline(b: Block, page_copy: bool) -> bool:
    """A line after the article's text that may be another story's headline: an unnumbered heading,
    or (in a page copy) a line long enough for a headline that is not a sentence nor a reference;
    not the editor's credit."""
    t = plain(b.text).strip()
    if SECTION_NUMBER.match(t) or closing_credit(t):
        return False
    return b.kind == HEADING or (page_copy and _headline_like(b) and han_count(t) >= MIN_OTHER_HEADLINE_HAN
                                 and not WORK.match(t))


def _headline_like(b: Block) -> bool:
    t = plain(b.text).strip()
    return b.kind == PARAGRAPH and 0 < len(t) <= MAX_HEADLINE_CHARS and not _ENDS_SENTENCE.search(t)
