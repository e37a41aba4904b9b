"""Text copied from a whole web page (a browser's select-all, a crawler's text dump, an
excerpt with the page around it): the site's menus, lists of other stories and footer come
along as runs of short lines, and the article is the run of lines dense with text between
them, whatever the site calls its sections.

Each line scores its Han characters less a threshold (a sentence's punctuation counts in
its favour: a line of verse is short but is text; a long line of words with no punctuation or
space is channel names run together, not text); the article is the run of lines with the
highest total (the line-block density idea of text-only extractors), widened over a few short
lines (a subheading, a caption) to more of its text. Around it:
- above: the headline is the line a breadcrumb ends with (首页 › 诗 › 夜雨, then 夜雨), else a
  line with the story's date or byline a few lines under it, else a line above the article that
  reads as one (not a date, byline, counter, menu or known furniture; the longer and the nearer
  the likelier), else an encyclopedia entry's name (a short line standing alone twice, with
  which sentences of the page begin); the short lines above the headline go (a sentence stays,
  not a note in brackets), and between it and the article the tiny labels, rows of buttons
  and the story's date line;
- below: the short lines after the article go, the reporters' and editor's credits aside (after
  the editor's credit, however few), and so does a list of other stories however long its
  headlines (a run of headline-shaped lines, two of them headlines proper), which the article
  neither starts nor ends in;
- a sentence outside the article stays on either side, for the cleaning rules to judge (a
  reply, a notice), and so does a reference list.
A side with fewer than MIN_CHROME_LINES lines is left as it is (a dump of the article alone,
with its title and byline, is not a page copy) unless its headline has its date under it or a
breadcrumb names it (an excerpt: a few of the page's lines around the article), and so is the
tail of a text whose top was not trimmed, unless it is long (MIN_LONG_TAIL), and a text with no
dense run at all (a breadcrumb may still name its title).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..records import HEADING, PARAGRAPH, TABLE, Block, Removed, plain
from ..text import han_count, has_han
from .copylines import (
    _COMMA,
    _LEAD_IN,
    _PUNCT,
    _TYPESET_SPACE,
    LINE_THRESHOLD,
    MAX_BUTTON_CHARS,
    MAX_TITLE_CHARS,
    MIN_TAGS,
    _buttons,
    _menu,
    _prose,
    _run_on,
    _said,
    _score,
    _sentence,
    _size,
    _tag_word,
    _tags,
)
from .feeds import CITATION, SECTION_NUMBER, WORK
from .metaline import AGO_UNITS, DATE, closing_credit, meta_line, reporter_line

MIN_ARTICLE_HAN = 80  # the dense run holds at least this much
BRIDGE = 4  # short lines (a subheading, a picture, a caption) the article spans to reach more of its text
MIN_CHROME_LINES = 3  # short lines beyond the article on one side before that side is trimmed
MIN_LONG_TAIL = 8  # ... below it, when no headline was found under the site's lines above it
TITLE_WINDOW = 20  # lines looked at above the article for its headline (share buttons may stand between)
FAR_TITLE_WINDOW = 60  # ... and for one with its date or byline under it, when none of those is nearer
MIN_SURE_HAN = 10  # a headline with its date or byline under it is sure when this long (not a poster's name)
MAX_CREDIT_CHARS = 40
MIN_LABEL_HAN = 8  # between the headline and the article, a shorter unnumbered line is a button or label (so is a row of buttons)
MIN_SUBJECT_HAN, MAX_SUBJECT_CHARS = 2, 20  # an entry's name: this many Han characters at least, this long at most
MIN_SUBJECT_SENTENCES = 2  # ... and this many of the page's sentences begin with it
MIN_CRUMBS = 3  # a breadcrumb: this many places with arrows between them (首页 › 诗 › 夜雨)
CRUMB_LINES = 5  # ... and the title it ends with among the lines right under it (a button row, counters between)
MIN_CUT_CRUMB = 6  # a trail's last place this long may be the title cut short
STAMP_LINES = 5  # a headline's date or byline is among the lines right under it (buttons between)
MAX_HEADER_PARAGRAPHS = 1  # ... past this many paragraphs of text at most
MAX_NAME_LINE_CHARS = 12  # a poster's name alone on a line is this short at most
MIN_QUESTION_HAN = 6  # a question page's headline: this many Han characters at least
MIN_LISTED = 3  # after the article, this many headline-shaped lines in a row are a list of other stories
MIN_LISTED_HAN = 4  # ... each with this many Han characters at least (Vlog：深夜·引航)
MIN_LISTED_HEADLINES, MIN_LISTED_HEADLINE_HAN = 2, 8  # ... this many of them headlines proper, this long (a poster's name is shorter)
MAX_LISTED_SHARE = 3  # ... not when one line in this many of the article is shaped so
MAX_LISTED_CHARS = 40  # ... this long at most, in two parts at most (a blogger's line with spaces for commas is longer)
MIN_THREAD_POSTS = 2  # a thread: this many posts' stamps (when, perhaps by whom) after the article's start
MAX_POST_LINES = 8  # a post's text: this many lines at most under its stamp
MAX_STAMP_WORD_HAN = 7  # a post's stamp has no longer word beside its date (a related question's has its headline)
MIN_POST_SIZE = 2  # a post's line: this many Han characters (a Latin word counts two) at least
STAMP_REASON = "标题下的日期和出处"
SIGNATURE_REASON = "帖子的签名档（多个帖子末尾重复的同一行）"
_BRACKETED_TAIL = re.compile(r"\s*[（(][^（）()]*[）)]$")
# a date alone, as typesetting leaves it: under a short line it is an entry's field (启动时间), not a story's stamp
_BARE_DATE = re.compile(rf"^{DATE}$")
_BRACKETED = re.compile(r"^[（(][^（）()]+[）)]$")
_TIME_ALONE = re.compile(r"^[^\w\u4e00-\u9fff]*(?:[A-Za-z]+\s*)?\d{1,2}:\d{2}(?::\d{2})?[^\w\u4e00-\u9fff]*$")
_AGO = re.compile(rf"\d+\s*{AGO_UNITS}\s*前")
_COUNTED = re.compile(r"\d+\s*(?:阅读|浏览|点击|播放)|(?:阅读|浏览|点击|播放)(?:量|数)?\s*[:：]?\s*\d")
_POST_MARK = re.compile(r"#\s*\d+|\d+\s*楼|楼主|沙发|发布|发表|回复|回覆|举报|引用|只看|(?<![\u4e00-\u9fff])赞")
_STAMP_SEPARATORS = re.compile(r"[\s|｜·・•:：\-/.()（）\[\]#\d]+")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
# (saved in an encoding without » or ›, a copy shows " ? " in their place)
_CRUMB_SEPARATORS = re.compile(r"[›»>＞]|\s\?\s")
# a bio: a few credentials between bars, slashes or commas, no sentence's end nor a label's colon
# (零售会员运营 8 年，服务过 30+ 连锁品牌; 认证讲师｜LINE 行销顾问; 用户增长从业者 / 前某电商平台社群负责人)
_BIO = re.compile(r"^[^。！？!?：:|｜/／，,]{2,24}(?:\s*[|｜/／，,]\s*[^。！？!?：:|｜/／，,]{2,24}){1,3}$")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
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


def dense_run(blocks: list[Block], known: list[bool] | None = None) -> tuple[int, int] | None:
    """(first, last) index of the article: the run of blocks with the highest total score,
    widened over a few short lines at a time to more of its text. None when it is too short.
    A line the cleaning rules know as furniture (欢迎访问某某网！; ``known``, per block) counts as none of it."""
    text = [not k for k in known] if known is not None else [True] * len(blocks)
    best, best_at, total, start = 0, None, 0, 0
    for i, b in enumerate(blocks):
        if total <= 0:
            total, start = 0, i
        total += _score(b) if text[i] else -LINE_THRESHOLD
        if total > best:
            best, best_at = total, (start, i)
    if best_at is None:
        return None
    first, last = best_at
    while True:
        up = next((k for k in range(first - 1, max(-1, first - 1 - BRIDGE), -1) if text[k] and _prose(blocks[k])), None)
        down = next((k for k in range(last + 1, min(len(blocks), last + 1 + BRIDGE)) if text[k] and _prose(blocks[k])), None)
        if up is None and down is None:
            break
        first, last = (up if up is not None else first), (down if down is not None else last)
    held = sum(_size(b.plain_text()) for b in blocks[first:last + 1])
    return (first, last) if held >= MIN_ARTICLE_HAN else None


def stamp_line(text: str) -> bool:
    """A line saying when or by whom a story was published: a byline, a date, a time (not a time
    alone: a video player's 00:07 / 01:34)."""
    core = _BRACKETED_TAIL.sub("", text)  # a note in brackets after it (when it was updated) does not make it a sentence
    return len(text) <= MAX_TITLE_CHARS and not _sentence(core) and not _TIME_ALONE.match(core) and not re.match(_CALENDAR, text) \
        and bool(((meta_line(text) or re.search(DATE, core)) and not _BARE_DATE.match(core))  # (a date as typeset:
                 or _CLOCK.search(core) or reporter_line(text))  # 某某团队 · 2024 年 1 月 9 日, not alone)


def _post_stamp(text: str) -> bool:
    """A post's stamp in a thread: when it was posted (a date, a time, 3 天前), perhaps with the
    poster's name, the floor and short labels (发布, 回复, 来自…客户端), and no headline beside it
    nor a count of readers (a list of stories gives its items' readers: 94阅读21分钟前)."""
    if len(text) > MAX_TITLE_CHARS or _sentence(text) or _COUNTED.search(text) or not (_CLOCK.search(text) or _AGO.search(text)):
        return False
    return all(han_count(word) <= MAX_STAMP_WORD_HAN for word in _STAMP_SEPARATORS.split(text))


def thread_posts(blocks: list[Block], known: list[bool], start: int) -> tuple[set[int], set[int], set[int]]:
    """The lines of a thread's posts from ``start`` on (a forum's replies, each under its stamp):
    under each stamp, past its labels (#1), the lines up to the post's buttons (a line the rules
    know, a row of short words), the next stamp or MAX_POST_LINES. A stamp is a post's when it says
    so (its floor, 楼主, 发布, 回复…) or its post ends at a button (点赞): a list of other stories has
    a date under each headline too. However short and unpunctuated (软件的也会有), a post's line is
    what someone wrote, not another story's headline. Returns those lines, the labels between
    a stamp and its post (#2: the floor, not a tag line) with the stamps themselves, and the
    signatures: a line that closes two posts or more, each with text above it."""
    stamps = {k for k in range(start, len(blocks))
              if blocks[k].kind in (PARAGRAPH, HEADING) and _post_stamp(blocks[k].plain_text())}
    found = []
    for s in sorted(stamps):
        post: set[int] = set()
        skipped: set[int] = set()
        ends = None
        for k in range(s + 1, min(len(blocks), s + 1 + MAX_POST_LINES)):
            text = blocks[k].plain_text()
            if k in stamps or blocks[k].kind not in (PARAGRAPH, HEADING):
                break
            # (a short word just above a button is one more: 首赞 评论 举报)
            button_row = len(text) <= MAX_BUTTON_CHARS and not _PUNCT.search(text) and any(known[k + 1:k + 3])
            if known[k] or _buttons(text) or _size(text) < MIN_POST_SIZE or (post and button_row):
                if post:
                    ends = k
                    break
                if known[k] and _said(text):  # a prompt said under the last post (登录一下，更多精彩内容等你发现):
                    break  # the thread is over, what follows is the page's
                skipped.add(k)
                continue
            post.add(k)
        button = ends is not None and len(blocks[ends].plain_text()) <= MAX_BUTTON_CHARS \
            and any(known[ends:ends + 3])
        if post and (_POST_MARK.search(blocks[s].plain_text()) or button):
            found.append((post, skipped | {s}))
    if len(found) < MIN_THREAD_POSTS:
        return set(), set(), set()
    # the same line closing two posts or more, under text of theirs: a poster's signature
    closing = [max(post) for post, _s in found if any(_prose(blocks[j]) for j in post if j < max(post))]
    ends = Counter(blocks[k].plain_text() for k in closing)
    signatures = {k for k in closing if ends[blocks[k].plain_text()] >= 2}
    return {k for post, _s in found for k in post} - signatures, {k for _p, skipped in found for k in skipped}, signatures


SIGN_OFF_LINES = 6  # a notice's sign-off is this near under its text (attachments' names between)
_SIGN_OFF_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_ATTACHMENT = re.compile(r"^(?:附件|\d{1,2}\s*[.、．])")  # ... between it and the text, only sentences and the attachments' names
_RELEASE_NOTE = re.compile(r"^[（(][^（）()]{2,12}[）)]$")  # （此件公开发布）
MAX_ISSUER_CHARS = 30


def _issuer(text: str) -> bool:
    """A line naming who issued a notice: a few words of Han with no punctuation (某某市某某局,
    某某办公室 某某委员会)."""
    return 3 <= han_count(text) and len(text) <= MAX_ISSUER_CHARS and not _PUNCT.search(text) and not re.search(r"\d", text)


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
        said += _prose(b) and _said(t)
        if said > MAX_HEADER_PARAGRAPHS:
            return False
    return False


def _goes_on(blocks: list[Block], k: int) -> bool:
    """Line ``k`` stands right under a said paragraph of text: the next paragraph of the same text."""
    return k > 0 and blocks[k - 1].kind == PARAGRAPH and _prose(blocks[k - 1]) and _said(blocks[k - 1].plain_text())


def question(text: str) -> bool:
    """A question as a page's headline asks it: ending in a question mark, a comma inside at most
    (社群活跃度越来越低，老群还有必要继续维护吗？), two questions at most (付费会员值不值得做？什么样的品牌适合做？),
    MIN_QUESTION_HAN Han at least; not an answer's lines (先回答三个问题：谁是核心用户？他们为什么回来？你能给什么？)."""
    body = text.strip()
    return body.endswith(("？", "?")) and han_count(body) >= MIN_QUESTION_HAN and len(_COMMA.findall(body)) <= 1 \
        and len(re.findall(r"[？?]+", body)) <= 2 and not re.search(r"[。！!：:]", body)


def _crumbed(blocks: list[Block], known: list[bool], upto: int) -> tuple[int, str, int] | None:
    """A line (before ``upto``) that the breadcrumb just above it ends with, the title and the trail's line: the page's own
    (您在这里: 首页 › 诗 › 夜雨, then 夜雨; a long title cut short in the trail: 论坛首页 › 讨论区 › 游戏全屏问题，希望…;
    the trail's place where the line adds labels in brackets: [讨论] 某某？ [复制链接])."""
    for k in range(min(upto, len(blocks))):
        parts = [x.strip() for x in _CRUMB_SEPARATORS.split(blocks[k].plain_text()) if x.strip()]
        if len(parts) < MIN_CRUMBS:
            continue
        end = parts[-1].rstrip(".…").strip()
        if not has_han(end) or len(end) > MAX_TITLE_CHARS:
            continue
        cut = end != parts[-1]  # (the trail's last place ends in …: a title cut short; a course's name is not cut)
        for j in range(k + 1, min(upto, k + 1 + CRUMB_LINES)):
            text = blocks[j].plain_text().strip()
            labelled = _BRACKET_LABELS.sub("", text).strip() == end != text
            if blocks[j].kind in (PARAGRAPH, HEADING) and (text == end or labelled or (cut and len(end) >= MIN_CUT_CRUMB and text.startswith(end))) \
                    and not _tagged(blocks, known, j, below=False):  # (the place again in a side menu: 会员规则 under 关于我们, 品牌故事)
                return j, end if labelled else text, k
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


def _credit(text: str) -> bool:
    """A credit line under a story: 责任编辑：张三, a byline, （记者 张三 李四）."""
    return bool(closing_credit(text) or meta_line(text) or (len(text) <= MAX_CREDIT_CHARS and _BRACKETED.match(text)))


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
    past a few short lines at most (a sign-in widget's sentence further up is not the article's)."""
    fenced = k > 0 and known[k - 1]
    short = 0
    for j in range(k - 1, max(-1, k - 1 - 2 * BRIDGE), -1):
        if known[j]:
            continue
        if blocks[j].kind == PARAGRAPH and _prose(blocks[j]) and blocks[j].plain_text() != h:
            return True  # (not the headline again, in a bar at the top)
        short += 1
        if fenced and short > BRIDGE:
            return False
    return False


def _lines_above(blocks: list[Block], first: int, lines: int) -> int:
    """The index ``lines`` lines above ``first``, lines that show nothing (a copied icon's zero-width
    space) not counted."""
    k, seen = first, 0
    while k > 0 and seen < lines:
        k -= 1
        seen += bool(_INVISIBLE.sub("", blocks[k].plain_text()).strip())
    return k


def _name_line(b: Block, known: bool) -> bool:
    """A poster's or author's name alone on its line: a few characters, Han among them, no punctuation."""
    text = b.plain_text().strip()
    return not known and b.kind in (PARAGRAPH, HEADING) and 2 <= len(text) <= MAX_NAME_LINE_CHARS and has_han(text) \
        and not _PUNCT.search(text) and not stamp_line(text)


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
              and ((stamped := _stamped(blocks, k)) or not _text_above(blocks, known, k, h))]
    if not any(w[0] for w in window):  # a long table of contents or a listing between the stamped headline and the text
        window += [(1, han_count(h) - abs(first - k) / 4, k, h)
                   for k in range(max(0, first - FAR_TITLE_WINDOW), top)
                   if (h := _headline(blocks[k], known[k])) and _stamped(blocks, k, dated=True)]
    crumbed = _crumbed(blocks, known, first + 1)  # the title the breadcrumb above it ends with, however short
    if crumbed is not None and crumbed[0] < last:
        crumb, named, _trail = crumbed
        window.append((2, han_count(named) - abs(first - crumb) / 4, crumb, named))
    # a header of labelled fields (作者 某某 / 看板 某某 / 标题 [心得] …… / 时间 ……: a BBS post, a notice's
    # metadata), perhaps opening the text's run: the title field's value, before all
    window += [(3, 0, k, m.group(1).strip()) for k in range(top, min(first + 1 + FIELD_LINES, last))
               if (m := TITLE_FIELD.match(blocks[k].plain_text().strip())) and han_count(m.group(1)) >= MIN_TITLE_FIELD_HAN]
    best = max(window, default=None)
    if best and not best[0]:
        # a question page with no stamp under its question: the question, not a longer line under it (its
        # detail, an answerer's bio, the answer's first sentence); not one in a list of other questions
        listed = _listed(blocks, known, top)
        asked = next((w for w in sorted(window, key=lambda w: w[2]) if question(w[3]) and w[2] not in listed), None)
        if asked and asked[2] < best[2]:
            best = asked
    if not (best and best[0]):  # no headline with a date under it: an entry's subject (an encyclopedia's)
        at = _subject(blocks, known, first)
        if at is not None:
            best = (1, 0, at, blocks[at].plain_text())
    # with fewer lines above the article (an excerpt), only a headline with its date or byline
    # under it, or the one its breadcrumb names
    if best and (first >= MIN_CHROME_LINES or best[0]):
        return best[2], best[3], best[0] >= 1 and han_count(best[3]) >= MIN_SURE_HAN
    return None


def trim_page_copy(blocks: list[Block], furniture: Callable[[str], bool],
                    header: Callable[[str], bool]) -> tuple[list[Block], list[Removed], str, set[str], bool]:
    """The article's blocks out of a page copy, what went (with why), its headline ("" when
    none was found, or the text is not a page copy), the lines of a thread's posts in it and whether
    the headline is sure (its date or byline under it, or a breadcrumb naming it). ``furniture`` tells a line the cleaning
    rules know as site furniture (never a headline); ``header`` a line the rules read themselves
    (a table of contents' header with the lines under it, a paper's list of authors), which stays for them."""
    known = [furniture(b.plain_text()) for b in blocks]  # asked once a line
    run = dense_run(blocks, known)
    if run is None:  # no article to tell from the site; a title its breadcrumb names is still the title
        found = _crumbed(blocks, known, len(blocks))
        if found is None:
            return blocks, [], "", set(), False
        crumb, title, _trail = found
        return blocks[:crumb] + blocks[crumb + 1:], [Removed(blocks[crumb].plain_text(), "标题（移入页面标题）", "meta")], title, set(), True
    first, last = run
    # an article that starts or ends in a list of other stories (a long headline counts as text)
    # starts after it, or ends before it with its last sentence or table (a table of the story's
    # credits); not one written in such lines itself (a blogger's lines with spaces for commas:
    # a third of its lines or more)
    listed = _listed(blocks, known, 0)
    after = next((k for k in range(first, last + 1) if k not in listed and _prose(blocks[k])), first)
    before = next((k for k in range(last, after, -1)
                   if k not in listed and (_prose(blocks[k]) or blocks[k].kind == TABLE)), after)
    if sum(1 for k in range(after, before + 1) if k in listed) * MAX_LISTED_SHARE < before + 1 - after:
        first, last = after, before
    keep = [True] * len(blocks)
    # (a thread's posts in the text's run too: a fold under a reply (收起回复) ends no text while posts
    # follow it; the article's own lines are its text anyway)
    posts, labels, signatures = thread_posts(blocks, known, first)
    demote = [False] * len(blocks)  # a heading by its look that is a line of the story's end
    why = ["" for _b in blocks]
    title = ""
    found = _pick_headline(blocks, known, first, last) if first >= 1 else None
    if found:
        top, title, sure = found
        trail = _crumbed(blocks, known, top + 1)
        for k in range(top):  # the short lines above it go; a sentence stays for the rules to judge (not
            # a line closing a bracket, or a long line with no punctuation: other stories' headlines run
            # together), and a numbered line (a list of the article's own, the headline misread); not the
            # trail that ends with the headline (论坛 > 版块 > 某某怎么定才合理？)
            text = blocks[k].plain_text()
            keep[k], why[k] = _prose(blocks[k]) and (_said(text) or bool(SECTION_NUMBER.match(text))) \
                and not (trail and trail[0] == top and trail[2] == k), "标题之前的站点内容（导航、频道、其他文章）"
        keep[top] = False
        # between it and the article, the tiny labels go (share buttons, 字号); a byline was read
        # already, a numbered subheading or a caption stays, and so does a header for the rules
        # (a table of contents' header: the rules take its entries with it)
        text_at = next((j for j in range(max(top + 1, first), last + 1)
                        if _prose(blocks[j]) and blocks[j].plain_text() != title), first)
        for k in range(top + 1, text_at):  # (a headline opening the dense run: up to its first text)
            text = blocks[k].plain_text()
            if stamp_line(text) and not meta_line(text) and blocks[k].kind in (PARAGRAPH, HEADING):
                keep[k], why[k] = False, STAMP_REASON  # (clean reads the date; a plain byline it reads itself)
            elif blocks[k].kind in (PARAGRAPH, HEADING) and not _prose(blocks[k]) \
                    and (han_count(text) < MIN_LABEL_HAN or _buttons(text)) \
                    and not SECTION_NUMBER.match(text) and not header(text) \
                    and not (k == text_at - 1 and _LEAD_IN.search(text)):  # (岗位职责： over the text stays)
                keep[k], why[k] = False, "标题和正文之间的按钮与标签"
            elif blocks[k].kind in (PARAGRAPH, HEADING) and not _prose(blocks[k]) and _BIO.match(text) \
                    and (j := _lines_above(blocks, k, 1)) >= top + 1 and _name_line(blocks[j], known[j]) \
                    and not SECTION_NUMBER.match(text) and not header(text):
                keep[k], why[k] = False, "标题和正文之间的作者简介"  # (under an answerer's name: 零售会员运营 8 年，服务过 30+ 品牌)
    end = last + 1
    # the article's own numbered points right under its last sentence, each a clause (1️⃣ 每天固定时间发团，
    # 用户会养成习惯来看; not an attachment's name: 2.培训情况统计表): its text
    while end < len(blocks) and not known[end] and blocks[end].kind in (PARAGRAPH, HEADING) \
            and SECTION_NUMBER.match(text := blocks[end].plain_text().strip()) and _COMMA.search(text):
        end += 1
    closed = False  # an editor's credit closes the story
    while end < len(blocks) and end <= last + 2 and blocks[end].kind in (PARAGRAPH, HEADING) and _credit(text := plain(blocks[end].text).strip()):
        closed = closed or bool(closing_credit(text))
        end += 1  # the reporters' and editor's credits under the story stay (clean reads them)
    # a notice's sign-off a few lines under its last sentence: who issued it, then the day (某某市某某局 /
    # 2024年4月12日), only sentences (its contact) and its attachments' names between; with the note on its release under it
    said = next((k for k in range(last, first - 1, -1) if _prose(blocks[k]) and _said(blocks[k].plain_text())), last)
    signed = next((k for k in range(said + 2, min(len(blocks), said + 2 + SIGN_OFF_LINES))
                   if _SIGN_OFF_DATE.match(blocks[k].plain_text().strip()) and _issuer(blocks[k - 1].plain_text().strip())
                   and not known[k - 1] and all(_ATTACHMENT.match(t := blocks[j].plain_text().strip()) or _said(t) for j in range(said + 1, k - 1))),
                  None)
    if signed is not None:
        for k in range(said + 1, signed + 1):  # (lines of the notice's end, no section's headings)
            demote[k] = blocks[k].kind == HEADING
        end = max(end, signed + 1 + bool(signed + 1 < len(blocks) and _RELEASE_NOTE.match(blocks[signed + 1].plain_text().strip())))
    for k in range(max(first, last - 1), end):  # a credit at the story's end heads no section: （记者 张三）
        demote[k] = demote[k] or (blocks[k].kind == HEADING and _credit(plain(blocks[k].text).strip()))
    # the tail of a page copy (a headline found under the site's lines), or a long one: an article
    # alone may end in a few short lines of its own (总结： and three points), but not after its
    # editor's credit
    if len(blocks) - end >= (MIN_CHROME_LINES if title else MIN_LONG_TAIL) or (title and closed):
        # short lines go (other stories, menus, names and dates beside comments); a sentence
        # further down stays for the rules to judge (a reply, a notice), and so do a reference and
        # a line the rules know (相关推荐, a copyright line: where they cut the page's rest); a long
        # headline or a question in a list of other stories is no sentence, and a work's name in it
        # (3《某某》官宣) no reference
        for k in range(end, len(blocks)):
            text = blocks[k].plain_text()
            keep[k] = ((k not in listed and (_prose(blocks[k]) or bool(CITATION.search(text)))) or known[k] or k in posts) \
                and k not in labels
            why[k] = "正文之后的站点内容（其他文章、页脚）"
            demote[k] = keep[k] and not known[k] and blocks[k].kind == HEADING  # (a line kept there heads no section)
    for k in labels:  # a thread's stamps and floors among its posts (来自 Android 客户端 3 楼 2024-05-12 10:13)
        if keep[k] and first <= k < end:
            keep[k], why[k] = False, STAMP_REASON
    for k in signatures:
        keep[k], why[k] = False, SIGNATURE_REASON
    removed = [Removed(b.plain_text(), why[k]) for k, b in enumerate(blocks) if not keep[k] and why[k] and b.plain_text()]
    if title:
        removed.append(Removed(title, "标题（移入页面标题）", "meta"))
    kept = [replace(b, kind=PARAGRAPH, level=0) if d else b for b, k, d in zip(blocks, keep, demote, strict=True) if k]
    return kept, removed, title, {blocks[k].plain_text() for k in posts if keep[k]}, bool(found and sure)
