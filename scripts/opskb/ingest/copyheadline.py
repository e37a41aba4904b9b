"""The headline of a text copied from a whole web page (pagecopy.py finds the article's run of
lines; this module, the line above it that names it), by the form of the lines around it:
- the line a breadcrumb ends with (首页 › 诗 › 夜雨, then 夜雨), unless that is a column's name over
  the story's own header (首页 > 行销 > 顾客经营 / 顾客经营 / the headline / its date);
- else a line with the story's date or byline a few lines under it, not past the page's trail (a
  banner above the breadcrumb); of a newspaper's stack of three lines over the date (引题 / 主题 /
  副题), the one written as one clause, else the middle one;
- else a line above the article that reads as one (not a date, byline, counter, menu or known
  furniture; the longer and the nearer the likelier), a question before a longer line under it;
- else an encyclopedia entry's name (a short line standing alone twice, with which sentences of
  the page begin).
A header's title field (标题：……) comes before all of them.
"""

from __future__ import annotations

import re
from collections import Counter

from ..records import HEADING, PARAGRAPH, Block, plain
from ..text import han_count, has_han
from .copylines import (
    _COLON,
    _COMMA,
    _INVISIBLE,
    _PUNCT,
    _TYPESET_SPACE,
    MAX_TITLE_CHARS,
    MIN_TAGS,
    _buttons,
    _menu,
    _prose,
    _run_on,
    _said,
    _sentence,
    _tag_word,
    _tags,
)
from .feeds import WORK
from .metaline import DATE, meta_line, reporter_line

BRIDGE = 4  # short lines (a subheading, a picture, a caption) the article spans to reach more of its text
MIN_CHROME_LINES = 3  # short lines beyond the article on one side before that side is trimmed
TITLE_WINDOW = 20  # lines looked at above the article for its headline (share buttons may stand between)
FAR_TITLE_WINDOW = 60  # ... and for one with its date or byline under it, when none of those is nearer
MIN_SURE_HAN = 10  # a headline with its date or byline under it is sure when this long (not a poster's name)
MIN_SUBJECT_HAN, MAX_SUBJECT_CHARS = 2, 20  # an entry's name: this many Han characters at least, this long at most
MIN_SUBJECT_SENTENCES = 2  # ... and this many of the page's sentences begin with it
MIN_CRUMBS = 3  # a breadcrumb: this many places with arrows between them (首页 › 诗 › 夜雨)
CRUMB_LINES = 5  # ... and the title it ends with among the lines right under it (a button row, counters between)
MIN_CUT_CRUMB = 6  # a trail's last place this long may be the title cut short
OPENING_LINES = 2  # a headline dated above it opens the article's text or stands this many lines over it at most
STAMP_LINES = 5  # a headline's date or byline is among the lines right under it (buttons between)
MAX_HEADER_PARAGRAPHS = 1  # ... past this many paragraphs of text at most
MAX_NAME_LINE_CHARS = 12  # a poster's name alone on a line is this short at most
MIN_LABEL_HAN = 8  # a shorter line by a headline is a label or a button (本网原创, a row of buttons), no 主题 of a stack
# clauses of a headline set apart by a space or a comma (老街巷换新颜 居民出行更舒心): an 引题's or 副题's form
# (not the space typesetting puts between Han and figures: 城东片区 42 条背街小巷……)
_CLAUSES = re.compile(r"[\u4e00-\u9fff”」）)]\s+[\u4e00-\u9fff“「（(]|[，,；;]")
_NOTICE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")  # a notice under its label (本版规则：……, 公告：……)
STACK_LINES = 3  # headline lines in a row over a story's date: 引题, 主题, 副题
MIN_QUESTION_HAN = 6  # a question page's headline: this many Han characters at least
MIN_LISTED = 3  # after the article, this many headline-shaped lines in a row are a list of other stories
MIN_LISTED_HAN = 4  # ... each with this many Han characters at least (Vlog：深夜·引航)
MIN_LISTED_HEADLINES, MIN_LISTED_HEADLINE_HAN = 2, 8  # ... this many of them headlines proper, this long (a poster's name is shorter)
MAX_LISTED_CHARS = 40  # ... this long at most, in two parts at most (a blogger's line with spaces for commas is longer)
_BRACKETED_TAIL = re.compile(r"\s*[（(][^（）()]*[）)]$")
# a date alone, as typesetting leaves it: under a short line it is an entry's field (启动时间), not a story's stamp
_BARE_DATE = re.compile(rf"^{DATE}$")
_TIME_ALONE = re.compile(r"^[^\w\u4e00-\u9fff]*(?:[A-Za-z]+\s*)?\d{1,2}:\d{2}(?::\d{2})?[^\w\u4e00-\u9fff]*$")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
# (saved in an encoding without » or ›, a copy shows " ? " in their place)
_CRUMB_SEPARATORS = re.compile(r"[›»>＞]|\s\?\s")
# ... or slashes after the site's home (首页 / 话题广场 / 问题详情: a title's slash is none of them)
_HOME_SLASH, _SLASHES = re.compile(r"^首页\s*[/／]"), re.compile(r"[/／]")
_BRACKET_LABELS = re.compile(r"^(?:\s*[\[【][^\]】]{1,6}[\]】])+|(?:[\[【][^\]】]{1,6}[\]】]\s*)+$")  # [讨论] …… [复制链接]
# a calendar's line (农历：甲辰年四月廿一, 今天是：2024年5月22日 星期三): the site's clock, no story's date
_CALENDAR = r"^(?:农历|公历|阳历|今天是)\s*[:：]?"
# a place alone (浙江省杭州市: where a poster was) or a calendar's line: never the headline
_NOT_A_HEADLINE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:省|市|自治区|特别行政区)(?:[\u4e00-\u9fff]{1,6}(?:市|区|县|州|盟))?$"
                             rf"|{_CALENDAR}"
                             # a subtitle under the headline (——某某村发展茶产业见闻)
                             r"|^\s*(?:——|--)"
                             # a photo's caption: 图为……, 图：……, ……记者某某摄
                             r"|^[（(]?(?:图为(?!什么)|图片?\s*[:：/／]|组图\s*[:：])|^.*(?:记者|摄影|通讯员)\s*\S{1,8}?\s*摄(?![\u4e00-\u9fff])")
# a header's title field, the label glued to its value or set apart (标题[心得] ……, 标题：关于……的通知)
TITLE_LABEL = r"(?:标\s*题|题\s*目)"  # a header's or a metadata table's label for the title (clean.py reads it too)
TITLE_FIELD = re.compile(rf"^{TITLE_LABEL}\s*[:：]?\s*(\S.{{0,60}})$")
MIN_TITLE_FIELD_HAN = 4
FIELD_LINES = 4  # lines of such a header looked at under the text run's start
# a line that opens by addressing the readers (姐妹们，今天想聊聊……; 大家好，我是……): the text's first sentence
_ADDRESS = re.compile(r"^(?:各位|亲爱的)?(?:姐妹们|宝子们|宝宝们|家人们|朋友们|小伙伴们|同学们|大家好?|哈喽|嗨|hello|hi)\s*[，,！!～~]", re.I)
# a field naming someone, whatever its label: 讲师：周远 · 前某平台增长总监, 主讲：李某 | 3 课时 (a headline's
# lead-in before a colon goes on with words, not a name and a bar)
_NAMED_FIELD = re.compile(r"^[\u4e00-\u9fff]{1,4}\s*[:：]\s*[\u4e00-\u9fff·]{2,4}\s*[·•|｜/／]")


def stamp_line(text: str) -> bool:
    """A line saying when or by whom a story was published: a byline, a date, a time (not a time
    alone: a video player's 00:07 / 01:34)."""
    core = _BRACKETED_TAIL.sub("", text)  # a note in brackets after it (when it was updated) does not make it a sentence
    return len(text) <= MAX_TITLE_CHARS and not _sentence(core) and not _TIME_ALONE.match(core) and not re.match(_CALENDAR, text) \
        and bool(((meta_line(text) or re.search(DATE, core)) and not _BARE_DATE.match(core))  # (a date as typeset:
                 or _CLOCK.search(core) or reporter_line(text))  # 某某团队 · 2024 年 1 月 9 日, not alone)


def _stamped(blocks: list[Block], k: int, dated: bool = False) -> bool:
    """The line at ``k`` has a date or byline among the few lines under it: the story's header
    (buttons and a channel's name may stand between); ``dated``: a date, not a time alone (a video's length).
    Past one paragraph of text at most (a question's few words of detail, a standfirst): a stamp
    under more of what someone wrote is that post's (a forum's 1楼 and its time under the first
    post, the poster's name above it), and so is one under a said line that goes on from a
    paragraph of text right above it (a post's second paragraph, however short)."""
    if _said(blocks[k].plain_text()) and _goes_on(blocks, k):
        return False
    said = 0
    for b in blocks[k + 1:k + 1 + STAMP_LINES]:
        if stamp_line(t := b.plain_text()) and (not dated or bool(re.search(DATE, t))):
            return True
        if _trail(t):  # (a date past the page's breadcrumb is the story's under it, not a banner's above it)
            return False
        said += _prose(b) and _said(t)
        if said > MAX_HEADER_PARAGRAPHS:
            return False
    return False


def _dated_over(blocks: list[Block], known: list[bool], k: int, first: int) -> bool:
    """The line at ``k`` has the story's date or byline right above it and opens the article's text
    (the text's run starts with it, or a line or two under it), and no line that may be a headline
    stands right over that date (a menu's last item may): a header written date first (a blog's date
    badge under the blog's own lines). Not a sentence (a quote opening the text, a picture's caption
    under the story's date) nor a blogger's line of clauses with spaces for commas (a headline has
    one such break at most)."""
    above = _lines_above(blocks, k, 1)
    over = _lines_above(blocks, above, 1)
    text = blocks[k].plain_text()
    return first - OPENING_LINES <= k <= first and above < k and stamp_line(blocks[above].plain_text()) \
        and not (over < above and _headline(blocks[over], known[over]) and not _tagged(blocks, known, over)) \
        and not _sentence(text) and len(_CLAUSES.findall(text)) <= 1


def _goes_on(blocks: list[Block], k: int) -> bool:
    """Line ``k`` stands right under a said paragraph of text: the next paragraph of the same text."""
    return k > 0 and blocks[k - 1].kind == PARAGRAPH and _prose(blocks[k - 1]) and _said(blocks[k - 1].plain_text())


def question(text: str) -> bool:
    """A question as a page's headline asks it: ending in a question mark, two commas inside at most
    (社群活跃度越来越低，老群还有必要继续维护吗？ 做了一年私域，复购率还是上不去，问题出在哪里？), two questions at most (付费会员值不值得做？什么样的品牌适合做？),
    MIN_QUESTION_HAN Han at least; not an answer's lines (先回答三个问题：谁是核心用户？他们为什么回来？你能给什么？)."""
    body = text.strip()
    return body.endswith(("？", "?")) and han_count(body) >= MIN_QUESTION_HAN and len(_COMMA.findall(body)) <= 2 \
        and len(re.findall(r"[？?]+", body)) <= 2 and not re.search(r"[。！!：:]", body)


# what a thread's page sets around its title: a reply's subject (Re: ……), the thread's counts in brackets after it
# ((47 回复/58932 浏览), [ 查看：3518 | 回复：6 ]), a status label after its question mark (……？已解决)
_REPLY_SUBJECT = re.compile(r"^(?:re|回复|回覆)\s*[:：]\s*", re.I)
_COUNTS_TAIL = re.compile(r"\s*[（(\[［【]\s*(?:[^\d()（）\[\]［］【】]{0,4}\s*[:：]?\s*\d[\d,.万kK]*\s*(?:次|人|条)?"
                          r"\s*[^\d()（）\[\]［］【】]{0,4}\s*[|｜/／,，]?\s*){1,4}[)）\]］】]$")
_COUNT_WORDS = re.compile(r"回复|回覆|浏览|查看|阅读|点击|评论|人气")
_LABEL_TAIL = re.compile(r"(?<=[？?！!])\s*(?:精华?|置顶|热门?|荐|新|已解决|未解决|已采纳|已关闭|原创|转载)$")


def bare_title(text: str) -> str:
    """A headline without what the page sets around it: a reply's subject marker, the thread's counts,
    a status label after its question mark; the text as it is when less than a headline would be left."""
    bare = _REPLY_SUBJECT.sub("", text)
    tail = _COUNTS_TAIL.search(bare)
    if tail and _COUNT_WORDS.search(tail.group(0)):
        bare = bare[:tail.start()]
    bare = _LABEL_TAIL.sub("", bare).strip()
    return bare if han_count(bare) >= MIN_QUESTION_HAN else text


# a post whose text opens with its headline in brackets, perhaps after its topic's tag (#社群运营# 【……】……)
_BRACKETED_OPENING = re.compile(r"^\s*(?:#[^#\s]{1,20}#\s*)?【([^【】]{4,60})】")
_BRACKETED_BYLINE = re.compile(r"记者|通讯员|(?:报道|讯|电|消息)$")  # 【某某网报道 记者 某某】, 【某某社 10 月 8 日电】


def bracketed_headline(text: str) -> str:
    """The headline a post's text opens with in brackets (【做了三年社群，冷启动最容易踩的坑】……), a headline's
    length (not a label, 【导读】, nor a byline, 【某某网报道 记者 某某】); "" when it opens otherwise."""
    m = _BRACKETED_OPENING.match(text)
    head = m.group(1).strip() if m else ""
    return head if han_count(head) >= MIN_SURE_HAN and not head.endswith("。") and not (meta_line(head) or reporter_line(head)
                                                                                   or _BRACKETED_BYLINE.search(head)) else ""


def _detailed(blocks: list[Block], k: int) -> bool:
    """A sentence of text right under line ``k``: a question's detail."""
    under = _lines_below(blocks, k, 1)
    return under < len(blocks) and _prose(blocks[under]) and _said(blocks[under].plain_text())


def _trail(text: str) -> list[str]:
    """The places of a breadcrumb trail (首页 > 新闻中心 > 正文), MIN_CRUMBS at least; [] when the line is none."""
    parts = [x.strip() for x in (_SLASHES if _HOME_SLASH.match(text) else _CRUMB_SEPARATORS).split(text) if x.strip()]
    return parts if len(parts) >= MIN_CRUMBS else []


def _crumbed(blocks: list[Block], known: list[bool], upto: int) -> tuple[int, str, int] | None:
    """A line (before ``upto``) that the breadcrumb just above it ends with, the title and the trail's line: the page's own
    (您在这里: 首页 › 诗 › 夜雨, then 夜雨; a long title cut short in the trail: 论坛首页 › 讨论区 › 游戏全屏问题，希望…;
    the trail's place where the line adds labels in brackets: [讨论] 某某？ [复制链接])."""
    for k in range(min(upto, len(blocks))):
        parts = _trail(blocks[k].plain_text())
        if not parts:
            continue
        end = parts[-1].rstrip(".…").strip()
        if not has_han(end) or len(end) > MAX_TITLE_CHARS:
            continue
        cut = end != parts[-1]  # (the trail's last place ends in …: a title cut short; a course's name is not cut)
        for j in range(k + 1, min(upto, k + 1 + CRUMB_LINES)):
            text = blocks[j].plain_text().strip()
            bare = _BRACKET_LABELS.sub("", text).strip()
            labelled = bare == end != text
            if blocks[j].kind in (PARAGRAPH, HEADING) and (text == end or labelled or (cut and len(end) >= MIN_CUT_CRUMB and bare.startswith(end))) \
                    and not _tagged(blocks, known, j, below=False):  # (the place again in a side menu: 会员规则 under 关于我们, 品牌故事)
                return j, bare, k
    return None


def _subject(blocks: list[Block], known: list[bool], first: int) -> int | None:
    """Where an entry's name stands last above the article (``first``): a short line standing alone
    at least twice in the page (the entry's heading, its tab, its breadcrumb) with which at least
    two of the page's sentences begin (雄安新区是……, 蔡健雅（Tanya Chua），1975年……): what an
    encyclopedia's page is about, not a poster quoted by name in the replies. None when no line is that."""
    alone = Counter(b.plain_text() for k, b in enumerate(blocks) if not known[k] and b.kind in (PARAGRAPH, HEADING)
                    and MIN_SUBJECT_HAN <= han_count(b.plain_text()) and len(b.plain_text()) <= MAX_SUBJECT_CHARS)
    names = {t for t, n in alone.items() if n >= 2 and not _menu(t) and not stamp_line(t)}
    if not names:
        return None
    # (not a reply that names who says it: 某某: 节点奖励这个思路好……)
    said = Counter(t for b in blocks if b.kind == PARAGRAPH and _prose(b) and _said(text := b.plain_text())
                   for t in names if text.startswith(t) and len(text) > len(t) and text[len(t):].lstrip()[:1] not in ":：")
    subjects = {t for t, n in said.items() if n >= MIN_SUBJECT_SENTENCES}
    return next((k for k in range(first - 1, -1, -1) if blocks[k].plain_text() in subjects), None)


def _listed_line(b: Block, known: bool) -> bool:
    """Shaped as a headline in a list of stories: short, no full stop, a comma or a space between two
    parts at most (a question or an exclamation may be a headline: 谁在“高仿”部委央企行骗？),
    perhaps with the time it was posted in brackets after it; not a date or byline line, a menu, a reference
    or a line the rules know."""
    text = _BRACKETED_TAIL.sub("", b.plain_text().strip())
    if b.kind not in (PARAGRAPH, HEADING) or known or WORK.match(text):  # (a reference list's entry)
        return False
    return han_count(text) >= MIN_LISTED_HAN and len(text) <= MAX_LISTED_CHARS and "。" not in text \
        and len(_COMMA.findall(text)) <= 1 and len(_TYPESET_SPACE.sub("", text).split()) <= 2 \
        and not _menu(text) and not stamp_line(text)


def _listed(blocks: list[Block], known: list[bool], start: int) -> set[int]:
    """Indices, from ``start`` on, of lines in a run of MIN_LISTED headline-shaped lines (_listed_line)
    or more, MIN_LISTED_HEADLINES of them headlines proper (MIN_LISTED_HEADLINE_HAN Han characters, neither
    a question nor a sentence): other stories listed after the article, a question among them. Replies
    under their posters' names and a section's label (最热评论 / 社群老王 / 说得对，是这样！) are no
    list (right after one, with no date or button between, they would be taken with it)."""
    listed: set[int] = set()
    run: list[int] = []
    for k in range(start, len(blocks) + 1):
        # (a flash-news list gives each headline its time on a line of its own: 14:05)
        if k < len(blocks) and (_listed_line(blocks[k], known[k]) or (run and _TIME_ALONE.match(blocks[k].plain_text().strip()))):
            run.append(k)
            continue
        headlines = [j for j in run if han_count(t := blocks[j].plain_text()) >= MIN_LISTED_HEADLINE_HAN
                     and not _said(_BRACKETED_TAIL.sub("", t))]
        if len(run) >= MIN_LISTED and len(headlines) >= MIN_LISTED_HEADLINES:
            listed.update(run)
        run = []
    return listed


def _headline(b: Block, known: bool) -> str:
    """The block's text when it may be the headline (``known``: the rules know it as furniture)."""
    if b.kind not in (PARAGRAPH, HEADING) or known:
        return ""
    t = plain(b.text).strip()
    if not (4 <= han_count(t) and len(t) <= MAX_TITLE_CHARS) or t.endswith(("。", "：", ":")):
        return ""
    if meta_line(t) or _CLOCK.search(t) or _menu(t) or _tags(t) or _run_on(t) or reporter_line(t) or _NAMED_FIELD.match(t) \
            or _NOT_A_HEADLINE.match(t) or _ADDRESS.match(t):  # (a counter line is furniture)
        return ""
    if _INVISIBLE.search(t) and _buttons(_INVISIBLE.sub(" ", t)):  # (buttons' words with their icons between: ​收藏​收起​)
        return ""
    return t


def _tagged(blocks: list[Block], known: list[bool], k: int, below: bool = True) -> bool:
    """Line ``k`` is one of a run of MIN_TAGS or more words alone on their lines (社群运营 / 私域运营 /
    企业微信: a page's tags or a list of channels), no headline; without ``below``, with that many
    ending at it (a headline may head a run of short fields: 夜雨 / 唐代 / 白居易)."""
    def word(j: int) -> bool:
        t = blocks[j].plain_text().strip()
        return not known[j] and blocks[j].kind in (PARAGRAPH, HEADING) and _tag_word(t)
    if not word(k):
        return False
    lo = hi = k
    while lo > 0 and word(lo - 1):
        lo -= 1
    while below and hi + 1 < len(blocks) and word(hi + 1):
        hi += 1
    return hi - lo + 1 >= MIN_TAGS


def _text_above(blocks: list[Block], known: list[bool], k: int, h: str) -> bool:
    """A sentence of text stands just above line ``k`` (a subheading's text above it), within a few
    lines; under a line of the site's furniture (the board's figures over a thread's title), only
    past a few short lines at most (a sign-in widget's sentence further up is not the article's); not
    past the page's breadcrumb."""
    fenced = k > 0 and known[k - 1]
    short = 0
    for j in range(k - 1, max(-1, k - 1 - 2 * BRIDGE), -1):
        if _trail(blocks[j].plain_text()):
            return False  # (the page's trail: above it, the site's header)
        if known[j]:
            continue
        if blocks[j].kind == PARAGRAPH and _prose(blocks[j]) and blocks[j].plain_text() != h \
                and not _NOTICE_LABEL.match(blocks[j].plain_text()):
            return True  # (not the headline again, in a bar at the top; nor a board's notice under its label: 本版规则：……)
        short += 1
        if fenced and short > BRIDGE:
            return False
    return False


def _lines_away(blocks: list[Block], k: int, lines: int, step: int) -> tuple[int, int]:
    """The index ``lines`` lines away from ``k`` (``step`` -1 above, 1 below), lines that show nothing (a
    copied icon's zero-width space) not counted, and how many lines were counted before the text's edge."""
    seen = 0
    while 0 <= k + step < len(blocks) and seen < lines:
        k += step
        seen += bool(_INVISIBLE.sub("", blocks[k].plain_text()).strip())
    return k, seen


def _lines_above(blocks: list[Block], first: int, lines: int) -> int:
    """The index ``lines`` lines above ``first`` (or the first line)."""
    return _lines_away(blocks, first, lines, -1)[0]


def _lines_below(blocks: list[Block], k: int, lines: int) -> int:
    """The index ``lines`` lines under ``k`` (len(blocks) past the end)."""
    at, seen = _lines_away(blocks, k, lines, 1)
    return at if seen == lines else len(blocks)


def _name_line(b: Block, known: bool) -> bool:
    """A poster's or author's name alone on its line: a few characters, Han among them, no punctuation."""
    text = b.plain_text().strip()
    return not known and b.kind in (PARAGRAPH, HEADING) and 2 <= len(text) <= MAX_NAME_LINE_CHARS and has_han(text) \
        and not _PUNCT.search(text) and not stamp_line(text)


def _under_site_lines(blocks: list[Block], known: list[bool], k: int) -> bool:
    """Line ``k`` stands under a breadcrumb, or under lines that are all the site's by their form (a
    row of tags, a menu, a line the rules know), one at least."""
    above = [(j, t) for j in range(k) if (t := blocks[j].plain_text().strip())]
    return any(_trail(t) for _j, t in above) or (bool(above) and all(known[j] or _tags(t) or _menu(t) for j, t in above))


def _stacked(blocks: list[Block], known: list[bool], window: list[tuple[int, float, int, str]],
             best: tuple[int, float, int, str]) -> tuple[int, float, int, str]:
    """A newspaper's stack of three headline lines right over the story's date (引题 / 主题 / 副题: 历时六年攻坚 /
    某某隧道全线贯通 / 全长16.2公里…… / 记者 某某 2023-09-26): the one written as one clause, else the middle
    one, whichever is longest; ``best`` when it stands in no such stack (a headline, a button and the
    author's name over a row of buttons). The lines under ``best`` may open the article's run (a long 副题
    reads as text)."""
    at = {w[2]: w for w in window if w[0] == 1}
    if best[2] not in at:
        return best
    lo = hi = best[2]
    while lo - 1 in at:
        lo -= 1
    while hi - lo + 1 < STACK_LINES and hi + 1 < len(blocks) and _headline(blocks[hi + 1], known[hi + 1]):
        hi += 1
    under = _lines_below(blocks, hi, 1)
    if hi - lo + 1 != STACK_LINES or under == len(blocks) or not stamp_line(blocks[under].plain_text()):
        return best  # (of two lines, either may be the 主题: 引题 and 主题, 主题 and 副题, a column's slogan and 主题)
    lines = [at.get(k) or (1, 0, k, _headline(blocks[k], known[k])) for k in range(lo, hi + 1)]
    if han_count(lines[-1][3]) < MIN_LABEL_HAN:
        return best  # (a source's or author's name over the date: 云雀财经 / 2024-06-12 14:26)
    # the one line of them written as one clause, of a headline's length (城东片区42条背街小巷改造全部完工 under
    # 本网原创 / 老街巷换新颜 居民出行更舒心): the 主题; else the middle one
    single = [w for w in lines if han_count(w[3]) >= MIN_LABEL_HAN and not _CLAUSES.search(w[3])]
    return single[0] if len(single) == 1 else lines[1]


def _pick_headline(blocks: list[Block], known: list[bool], first: int, last: int) -> tuple[int, str, bool] | None:
    """(index, text, sure) of the article's headline above its text (``first``..``last``), or None;
    ``sure``: its date or byline stands under it, a breadcrumb or a title field names it."""
    # the line that reads as a headline above the article (or opening it: a long headline counts
    # as text), the longer and the nearer the likelier (a share button or a channel's name is
    # shorter, a menu further up), with no text above it: a line with the article's sentences just
    # above it is a subheading. Before those, a line with the story's date or byline a few lines
    # under it (the story's header, whatever stands above), and before all the line a breadcrumb
    # ends with (the page's own title, however short)
    top = _lines_above(blocks, first, TITLE_WINDOW)
    window = [(int(stamped), han_count(h) - abs(first - k) / 4, k, h)
              for k in range(top, min(first + 1, last))
              if (h := _headline(blocks[k], known[k])) and not _tagged(blocks, known, k)
              and ((stamped := _stamped(blocks, k) or _dated_over(blocks, known, k, first)) or not _text_above(blocks, known, k, h))]
    # under the page's breadcrumb, a line over it is the site's header (a banner's promotion), not the headline
    # (a trail's line is short: not a paragraph of quotes with > between them)
    fence = max((k for k in range(top, first) if len(t := blocks[k].plain_text()) <= 2 * MAX_TITLE_CHARS and _trail(t)), default=-1)
    if any(w[2] > fence for w in window):
        window = [w for w in window if w[2] > fence]
    if not any(w[0] for w in window):  # a long table of contents or a listing between the stamped headline and the text
        # (or answers' buttons and bios between a question and its answers' text: a question page's title stands
        # twice above them, in the page's bar and its header)
        far = range(max(0, first - FAR_TITLE_WINDOW), top)
        twice = Counter(blocks[k].plain_text() for k in far)
        window += [(1, han_count(h) - abs(first - k) / 4, k, h) for k in far
                   if (h := _headline(blocks[k], known[k])) and (_stamped(blocks, k, dated=True)
                                                               or (twice[h] >= 2 and han_count(h) >= MIN_SURE_HAN and not _tagged(blocks, known, k)))]
    crumbed = _crumbed(blocks, known, first + 1)  # the title the breadcrumb above it ends with, however short
    if crumbed is not None and crumbed[0] < last:
        crumb, named, _trail_line = crumbed
        # not a column's name the trail ends with over the story's own header (首页 > 行销 > 顾客经营 / 顾客经营 /
        # 熟客才是真资产…… / 文／某某 2016-09-21): a longer headline with its date under it below the name
        if not any(w[0] and w[2] > crumb and han_count(w[3]) >= max(MIN_SURE_HAN, han_count(named) + 1) for w in window):
            window.append((2, han_count(named) - abs(first - crumb) / 4, crumb, named))
    # a header of labelled fields (作者 某某 / 看板 某某 / 标题 [心得] …… / 时间 ……: a BBS post, a notice's
    # metadata), perhaps opening the text's run: the title field's value, before all
    window += [(3, 0, k, m.group(1).strip()) for k in range(top, min(first + 1 + FIELD_LINES, last))
               if (m := TITLE_FIELD.match(blocks[k].plain_text().strip())) and han_count(m.group(1)) >= MIN_TITLE_FIELD_HAN]
    best = max(window, default=None)
    if best and best[0] == 1:
        best = _stacked(blocks, known, window, best)
    if best and (not best[0] or han_count(best[3]) < MIN_SURE_HAN):
        # a question page with no stamp under its question: the question, not a longer line under it (its
        # detail, an answerer's bio, the answer's first sentence), nor a short one with the stamp under it
        # (a row of buttons: 发新帖 回复); not one in a list of other questions
        far = max(0, first - FAR_TITLE_WINDOW)
        listed = _listed(blocks, known, far)
        # (further up too, with its detail under it: a question page's answers begin under the question's detail,
        # its counters and buttons; not a question in a list of the channel's threads)
        further = [(0, 0, k, h) for k in range(far, top) if (h := _headline(blocks[k], known[k])) and question(h)
                   and not _tagged(blocks, known, k) and not _text_above(blocks, known, k, h) and _detailed(blocks, k)]
        asked = next((w for w in sorted(window + further, key=lambda w: w[2]) if question(w[3]) and w[2] not in listed), None)
        if asked and asked[2] < best[2] and not question(best[3]):  # (the best a question itself: that one)
            best = asked
    if best and best[0] == 1 and han_count(best[3]) < MIN_SURE_HAN and _name_line(blocks[best[2]], known[best[2]]):
        # a poster's name with the post's stamp under it: the thread's title over the poster's card, buttons between
        # (a title written in clauses: a login box's or an author card's lines over a name are words alone; not
        # over the site's menu: a search box's hot words)
        over = [w for w in window if w[2] < best[2] and han_count(w[3]) >= MIN_SURE_HAN and (_PUNCT.search(w[3]) or _COLON.search(w[3]))
                and not any(_prose(blocks[j]) or _tagged(blocks, known, j) for j in range(w[2] + 1, best[2]))]
        if over:
            best = max(over)
    if not (best and best[0]):  # no headline with a date under it: an entry's subject (an encyclopedia's)
        at = _subject(blocks, known, first)
        if at is not None:
            best = (1, 0, at, blocks[at].plain_text())
    # with fewer lines above the article (an excerpt), only a headline with its date or byline
    # under it, the one its breadcrumb names, or one under the site's lines only (问答堂 > 商业 > 企业管理
    # over a question; a question's row of tags; a line the rules know)
    if best and (first >= MIN_CHROME_LINES or best[0] or _under_site_lines(blocks, known, best[2])):
        return best[2], bare_title(best[3]), best[0] >= 1 and han_count(best[3]) >= MIN_SURE_HAN
    return None
