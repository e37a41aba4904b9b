"""A line made of metadata fields only (发表于 2024年3月2日 | 分类：用户运营 | 5 条评论; a portal's
header 2014-06-12 09:31:25 来源：某某日报 作者：张三 点击：次【字体：大中小】): clean reads each field
as a metadata line of its own and drops the line."""

from __future__ import annotations

import re

from .metaline import CLOCK, DATE, meta_line
from .read import normalize_date
from .rules import rule_named

# fields between bars
_FIELD_BAR = re.compile(r"\s*[|｜丨]\s*")
# ... or set apart by a space before each label, the page's buttons in brackets after them
# (2014-06-12 09:31:25 来源：某某日报 作者：张三 李四 点击：次【字体：大中小】)
_FIELD_LABEL = re.compile(r"\s+(?=[\u4e00-\u9fff]{2,4}\s*[:：])|\s*(?=[【\[])")
_SENTENCE_MARK = re.compile(r"[，。！？；]")  # (a header's fields say no sentence)
_DATED = re.compile(DATE)
# ... a field naming someone in a part the metadata reader has no label for (选稿：某某)
_NAMED_PART = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[:：]\s*[^\s，。！？:：]{1,12}$")
# a count of comments, views or likes (12 条评论, 3,842 次阅读)
_COUNT = r"\d[\d,.]*[万kK]?\s*(?:条|个|次|人)?\s*(?:评论|回复|留言|阅读|浏览|点赞|收藏)"
_COUNTED = re.compile(rf"^{_COUNT}$|^(?:发表|发布|更新)于\s*{DATE}(?:\s*{CLOCK})?$"
                      # a counter a script was to fill in (点击：次)
                      r"|^(?:点击|浏览|阅读)(?:数|量|次数)?\s*[:：]\s*次?$")
# ... or fields side by side with no bars or labels between them, each a date, a counter, a word
# count or a reading time (2019年8月14日 12 条评论 3,842 次阅读 本文共 2316 字，预计阅读 6 分钟)
_BARE_FIELD = re.compile(
    rf"[\s，,|｜·/]*({DATE}(?:\s*{CLOCK})?|{_COUNT}"
    r"|(?:阅读|浏览|评论|点赞|收藏)\s*[:：]?\s*\d[\d,.]*[万kK]?"
    r"|(?:本文|全文)?(?:共|约)?\s*\d[\d,]*\s*字"
    r"|(?:预计)?阅读(?:需要|约|大约|时间|时长)?\s*[:：]?\s*\d+\s*分钟)[\s，,|｜·/]*")
MIN_BARE_FIELDS = 3
MIN_METADATA_FIELDS = 3  # fields between bars
MIN_LABELLED_FIELDS = 2  # ... or set apart before their labels


def metadata_parts(text: str) -> list[str]:
    """The fields of a line made of fields only, each a byline, date, category, tag list, counter
    or the page's buttons: three or more between bars (发表于 2024年3月2日 | 分类：用户运营 | 标签：RFM,
    复购 | 5 条评论 | 阅读 2,381), or a date and labelled fields set apart before their labels (a
    portal's header), or a date, counters and a reading time side by side (a blog's header); []
    for another line (a story's closing credits, 编辑：某某 责任编辑：某某, stay)."""
    for split, least in ((_FIELD_BAR, MIN_METADATA_FIELDS), (_FIELD_LABEL, MIN_LABELLED_FIELDS)):
        labelled = split is _FIELD_LABEL
        if labelled and (_SENTENCE_MARK.search(text) or not _DATED.search(text)):
            continue  # (cheap tests first: most lines are sentences)
        fields = [f.strip() for f in split.split(text) if f.strip()]
        if len(fields) >= least and any(meta_line(f) for f in fields) \
                and (not labelled or any(normalize_date(f) for f in fields)) and all(
                meta_line(f) or _COUNTED.match(f) or (labelled and _NAMED_PART.match(f))
                or rule_named(f, "counter", "tag_line", "page_buttons") for f in fields):
            return fields
    return _bare_fields(text) if _DATED.search(text) else []


def _bare_fields(text: str) -> list[str]:
    """The fields of a line made of dates, counters, word counts and reading times side by side,
    or [] (metadata_parts asks only of a line with a date)."""
    fields, pos = [], 0
    while pos < len(text):
        m = _BARE_FIELD.match(text, pos)
        if m is None or m.end() == pos:
            return []
        fields.append(m.group(1))
        pos = m.end()
    return fields if len(fields) >= MIN_BARE_FIELDS else []
