"""Metadata lines of an article's text: bylines, dates and credits, not sentences.

``meta_line`` tells a line that only carries metadata (作者：张三, 2024-05-01 发布于,
2024-05-01 17:19 来源：某某网, Stats: …, 【责任编辑：张三】); clean reads the author, site and date from such lines and
drops them. ``closing_credit`` tells the editor's credit a news story ends with: the site
prints it as the story's last line, and it stays there. ``editor_names`` reads the editors a
whole page credits (locate: such a name is not the author).
"""

from __future__ import annotations

import re


def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# a date as typesetting leaves it (2024-05-01, 2024 年 5 月 1 日) and the time of day that may follow it
AGO_UNITS = r"(?:秒|分钟|小时|天|周|星期|个月|月|年)"  # how long ago: 3 天前, 2月前

DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_WEEKDAY = r"(?:\s*[（(]?(?:周|星期|礼拜)[一二三四五六日天][）)]?)?"
_DAYPART = r"(?:上午|下午|中午|晚上|凌晨|早上)?"
_META_LINE = _rx(
    r"^(作者|文|文章作者|撰文|来源|(?:信息|稿件|文章|新闻)来源|出处|来源公众号|来源微信公众号|微信公众号|公众号|编辑|责编|责任编辑|原标题|发布时间|发布日期|发布于|发表于|时间|日期|分类|栏目"
    r"|author|by|published|date|source|category|tags|stats|original|updated)\s*[:：|丨｜/]\s*(.*?)[\s|丨｜/]*$"
    r"|^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?)\s*(?:发布于|发表于|发布)\S{0,8}$"
    # a dateline alone, its weekday and the part of the day included (2024年5月20日周一 下午2:05)
    # (as typesetting leaves it: 2024 年 5 月 20 日周一 下午 2:05)
    # (a page's header may set the year apart from the day: 2024 05/09 22:27:02)
    rf"|^((?:{DATE}|\d{{4}}\s+\d{{1,2}}\s*/\s*\d{{1,2}}){_WEEKDAY}(?:\s*{_DAYPART}\s*{CLOCK})?)$"
    r"|^(编辑|发布|发表|更新)于\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?|\d{1,2}-\d{1,2})\s*"
    r"(?:[・·|]?\s*IP\s*属地\s*[:：]?\s*\S{1,10}|\S{0,8})$"
    rf"|^({DATE}(?:\s*{CLOCK})?)\s*(?:\s|[|丨｜/])\s*(?:来源|出处)\s*[:：]\s*\S{{1,20}}$")
_BRACKETS = re.compile(r"^\s*[【\[（(]\s*|\s*[】\]）)]\s*$")
_ACCOUNT = re.compile(r"^(?:来源)?(?:微信)?公众号\s*[:：]\s*[^，。,]{1,30}[（(]\s*(?:ID|微信号)\s*[:：]\s*[\w-]{2,30}\s*[）)][^。！？]{0,40}[。.]?$", re.I)
MAX_META_CHARS = 40  # a longer line is a sentence that happens to start with 时间：
MAX_LABELLED_META_CHARS = 100  # ... unless it is a list of labelled values with no sentence in it
_CREDIT = _rx(r"^[【\[（(]?\s*(?:责任编辑|责编|编辑)\s*[:：]\s*[^，。；！？\s]{1,12}(?:\s+[^，。；！？\s]{1,12}){0,2}\s*[】\]）)]?$")


# an editor's credit anywhere in a page's text, Traditional or Simplified: 责任编辑：张三, [編輯：李四]
_EDITOR = re.compile(r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*([^\s\]】）)|｜/，,。;；]{2,12})")


def editor_names(text: str) -> set[str]:
    """The names a page's text credits as its editors."""
    return set(_EDITOR.findall(text))


def closing_credit(text: str) -> bool:
    """The editor's credit a news story ends with (责任编辑：张三): part of the story as the
    site prints it, kept as its last line (one above the text is a byline and goes)."""
    return bool(_CREDIT.match(text.strip()))


# a reporter's credit or a desk's (半月谈记者 张三, 【某某报╱本报记者张三】, 本报记者 张三 文/摄, 社会中心／综合报导):
# never the headline
_REPORTER = _rx(r"^(?:[【\[（(]?\S{0,8}?(?:记者|通讯员|特约评论员)\s*\S{0,6}[】\]）)]?\s*){1,3}"
                r"(?:(?:文|图|摄|文字|摄影)(?:\s*[/／]\s*(?:文|图|摄|视频))?)?$|^\S{0,10}[／/╱]\s*综合报[导道]$")


def reporter_line(text: str) -> bool:
    return bool(_REPORTER.match(text.strip()))


# a byline whose name is followed by the date it was published; what the site prints after it on
# the same line (阅读：272, 收藏, 觉得不错，我要赞赏) is its counters and buttons, not a sentence
_DATE_AND_AFTER = rf"({DATE}(?:\s*{CLOCK})?)" r"(?:\s+(?=\S)([^。！？!?]{0,40}))?$"  # the date, its counters and buttons
_DATED_BYLINE = _rx(r"^(作者|文|撰文|发布者|发帖人|楼主|来自)\s*[:：]\s*([^\s:：，。|丨]{1,16})\s*[|丨/]?\s*" + _DATE_AND_AFTER)


# ... or a poster's name before it (某某 发表于 2011-10-27 20:15:33 点击数：8421 评论：37)
_NAMED_DATED = _rx(r"^([^\s:：，。|丨]{1,16})\s+(?:发表于|发布于)\s*" + _DATE_AND_AFTER)


# ... or labelled, the thread's figures after it (楼主：某某 点击：52377 回复：128)
_POSTER_COUNTS = re.compile(r"^(?:楼主|发帖人)\s*[:：]\s*([^\s:：，。|丨]{1,16})\s+(?:[^\W\d_]{1,4}\s*[:：]\s*\d[\d,]*\s*)+$")


def poster_byline(text: str) -> str:
    """The poster's name, when ``text`` is a post's byline: the name, then 发表于 and the date (某某 发表于
    2011-10-27 20:15:33 点击数：8421), or 楼主：某某 and the thread's figures; said inside a reply's quote,
    it is whose words are quoted."""
    m = _NAMED_DATED.match(text) or _POSTER_COUNTS.match(text)
    return m.group(1) if m else ""


def meta_line(text: str) -> re.Match | None:
    """A metadata line (作者：…, 2024-05-01 发布于…, Stats: …, 【责任编辑：张三】), not a sentence."""
    text = _BRACKETS.sub("", text)
    dated = _DATED_BYLINE.match(text)
    if dated:
        return dated
    m = _META_LINE.match(text)
    if not m or len(text) <= MAX_META_CHARS:
        return m
    if _ACCOUNT.match(text):  # 来源公众号：某某（ID：xxx），and the account's slogan
        return m
    return m if len(text) <= MAX_LABELLED_META_CHARS and not re.search(r"[，。！？；]", text) else None


def dateline(m: re.Match) -> bool:
    """Whether a metadata line's match is a date alone (2024 年 5 月 20 日周一 下午 2:05): the
    story's date around its first lines, but further into the text an entry of a timeline or a
    letter's date."""
    return m.re is _META_LINE and m.group(4) is not None


def meta_fields(m: re.Match) -> tuple[str, str]:
    """(label, value) of a metadata line's match: 作者 and the name (a dated byline's name
    without its date), or 日期 and the date."""
    if m.re is _DATED_BYLINE:
        return m.group(1), m.group(2)
    if m.group(1):
        return m.group(1), m.group(2).strip()
    return (m.group(5) or "日期"), (m.group(3) or m.group(4) or m.group(6) or m.group(7))


_FIELD = re.compile(r"^([^：:]{1,12})[：:]\s*(\S.*)$")  # a label and its value

# (…28日电: a dispatch's dateline, the place and day a story was filed from, not who wrote it)
_NOT_A_NAME = _rx(r"https?:|www\.|@|[{}<>;]|©|copyright|^\d+$|^\(|\d\s*日\s*(?:专|快)?\s*[电電]$")
_RIGHTS_SUFFIX = _rx(r"\s*(?:版权所有|版權所有|版权).*$")
MAX_NAME_CHARS = 30


def plausible_name(value: str) -> str:
    """An author or site name as a page states it, or '' for what only looks like one
    (a URL, a counter, a line of script, a copyright line)."""
    value = _RIGHTS_SUFFIX.sub("", value.strip())
    labelled = _FIELD.match(value)
    role = labelled.group(1).rstrip() if labelled else ""
    if role and len(role) <= MAX_ROLE_CHARS and not re.search(r"\s", role):
        # 作者：张三 is 张三; 选稿：李四 names someone else's part in it
        value = labelled.group(2) if role in _AUTHOR_ROLES else ""
    if not value or len(value) > MAX_NAME_CHARS or _NOT_A_NAME.search(value):
        return ""
    return value


MAX_ROLE_CHARS = 5  # a role's label before a name (作者, 微信公众号)
_AUTHOR_ROLES = frozenset({"作者", "文", "撰文", "记者", "来源", "出处", "公众号", "微信公众号", "by", "By", "BY"})
