"""Text copied from a whole web page (a browser's select-all, a crawler's text dump, an
excerpt with the page around it): the site's menus, lists of other stories and footer come
along as runs of short lines, and the article is the run of lines dense with text between
them, whatever the site calls its sections.

Each line scores its Han characters less a threshold (a sentence's punctuation counts in
its favour: a line of verse is short but is text; a long line of words with no punctuation or
space is channel names run together, not text); the article is the run of lines with the
highest total (the line-block density idea of text-only extractors), widened over a few short
lines (a subheading, a caption) or a table of its own to more of its text, and past such a table on
to the lines that add to its total (a numbered subheading and its short items, then its text). Around it:
- above: the headline (copyheadline.py: a breadcrumb's last place, a line with the story's date
  under it, a line that reads as one); the short lines above it go (a sentence stays, not a note
  in brackets), and between it and the article the tiny labels, rows of buttons and the story's
  date line; a breadcrumb among the run's first lines starts the article under it;
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
from ..text import han_count
from .copyheadline import (
    _CLOCK,
    BRIDGE,
    MAX_HEADER_PARAGRAPHS,
    MIN_CHROME_LINES,
    MIN_LABEL_HAN,
    _crumbed,
    _lines_above,
    _listed,
    _name_line,
    _pick_headline,
    _trail,
    bracketed_headline,
    stamp_line,
)
from .copylines import (
    _COMMA,
    _LEAD_IN,
    _PUNCT,
    LINE_THRESHOLD,
    MAX_BUTTON_CHARS,
    MAX_TITLE_CHARS,
    _buttons,
    _prose,
    _said,
    _score,
    _sentence,
    _size,
)
from .feeds import CITATION, SECTION_NUMBER
from .metaline import AGO_UNITS, DATE, closing_credit, meta_line
from .threadrecords import MIN_THREAD_HAN, replies_beside

MIN_ARTICLE_HAN = 80  # the dense run holds at least this much
MIN_LONG_TAIL = 8  # ... below it, when no headline was found under the site's lines above it
MAX_CREDIT_CHARS = 40
MAX_LISTED_SHARE = 3  # ... not when one line in this many of the article is shaped so
MIN_THREAD_POSTS = 2  # a thread: this many posts' stamps (when, perhaps by whom) after the article's start
MIN_REPEATED_BUTTONS = 3  # a short line right above this many posts' stamps is their buttons
MAX_POST_LINES = 8  # a post's text: this many lines at most under its stamp
MAX_STAMP_WORD_HAN = 7  # a post's stamp has no longer word beside its date (a related question's has its headline)
MIN_ISLAND_HAN = 10  # a line alone among the furniture under the article is a headline when this long
MAX_TABLE_LINES = 40  # a table or list of the article's own, one cell a line, spans this many lines at most
MAX_CELL_CHARS = 16  # ... each this long at most (a list of other stories has longer lines)
MIN_POST_SIZE = 2  # a post's line: this many Han characters (a Latin word counts two) at least
STAMP_REASON = "标题下的日期和出处"
SIGNATURE_REASON = "帖子的签名档（多个帖子末尾重复的同一行）"
_BRACKETED = re.compile(r"^[（(][^（）()]+[）)]$")
_DATED = re.compile(DATE)
_COUNTS = re.compile(r"[\d\s()（）]+")
_AGO = re.compile(rf"\d+\s*{AGO_UNITS}\s*前")
_COUNTED = re.compile(r"\d+\s*(?:阅读|浏览|点击|播放)|(?:阅读|浏览|点击|播放)(?:量|数)?\s*[:：]?\s*\d")
_POST_MARK = re.compile(r"#\s*\d+|\d+\s*楼|楼主|沙发|发布|发表|回复|回覆|举报|引用|只看|(?<![\u4e00-\u9fff])赞")
_STAMP_SEPARATORS = re.compile(r"[\s|｜·・•:：\-/.()（）\[\]#\d]+")
# a bio: a few credentials between bars, slashes, commas or a space, no sentence's end nor a label's colon
# (零售会员运营 8 年，服务过 30+ 连锁品牌; 认证讲师｜LINE 行销顾问; 用户增长从业者 / 前某电商平台社群负责人;
# 某某咨询有限公司 留学部门总监)
_BIO = re.compile(r"^[^。！？!?：:|｜/／，,]{2,24}(?:(?:\s*[|｜/／，,]\s*|\s+)[^。！？!?：:|｜/／，,]{2,24}){1,3}$")


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
        up = _past_table(blocks, known, first, -1) if up is None else up
        down = _past_table(blocks, known, last, 1) if down is None else down
        if up is None and down is None:
            break
        first, last = (up if up is not None else first), (down if down is not None else last)
    # past what it was widened over (a table of its own), the article may go on after a few short lines
    # (a numbered subheading and its items): the lines after it that add to its total are its own too
    # (looking no further than a table's worth of short lines below its end)
    gain, total = 0, 0
    for k in range(last + 1, len(blocks)):
        total += _score(blocks[k]) if text[k] else -LINE_THRESHOLD
        if total <= -MAX_TABLE_LINES * LINE_THRESHOLD:
            break
        if total > gain:
            gain, last = total, k
    held = sum(_size(b.plain_text()) for b in blocks[first:last + 1])
    return (first, last) if held >= MIN_ARTICLE_HAN else None


def _past_table(blocks: list[Block], known: list[bool] | None, edge: int, step: int) -> int | None:
    """The article's next line of text past a table or list of its own beside its line ``edge`` (above
    it when ``step`` is -1, under it when 1), one cell or item a line (指标 / 项目前 / 项目后 / 90天复购率 /
    24% / 42%): more short lines than the article spans otherwise, when the line over them leads into
    them (……可概括如下表：) or a third of them hold a figure, none of them a line the rules know, a
    date or longer than a cell (the page's furniture, a list of other stories, a comment's stamp), at
    most MAX_TABLE_LINES, with a sentence (a lead-in, a caption closing its bracket) on their other side.
    None when no such run stands there."""
    figures = 0
    for k in range(edge + step, edge + step * (MAX_TABLE_LINES + 2), step):
        if not 0 <= k < len(blocks) or (known is not None and known[k]) or blocks[k].kind not in (PARAGRAPH, HEADING):
            return None
        text = blocks[k].plain_text().strip()
        if _prose(blocks[k]):
            cells = abs(k - edge) - 1
            lead_in = bool(_LEAD_IN.search(blocks[min(k, edge)].plain_text()))
            return k if cells > BRIDGE and _sentence(text) and (lead_in or 3 * figures >= cells) else None
        if len(text.replace(" ", "")) > MAX_CELL_CHARS or _DATED.search(text):  # (not the spaces typesetting put around figures)
            return None
        figures += bool(re.search(r"\d", text))
    return None


def _post_stamp(text: str) -> bool:
    """A post's stamp in a thread: when it was posted (a date, a time, 3 天前), perhaps with the
    poster's name, the floor and short labels (发布, 回复, 来自…客户端), and no headline beside it
    nor a count of readers (a list of stories gives its items' readers: 94阅读21分钟前)."""
    if len(text) > MAX_TITLE_CHARS or _sentence(text) or _COUNTED.search(text) or not (_CLOCK.search(text) or _AGO.search(text)):
        return False
    return all(han_count(word) <= MAX_STAMP_WORD_HAN for word in _STAMP_SEPARATORS.split(text))


def _button_word(text: str) -> bool:
    """Short enough for a button's word, with no punctuation (回复, 赞回应)."""
    return len(text) <= MAX_BUTTON_CHARS and not _PUNCT.search(text)


def _button_key(text: str) -> str:
    """A row of buttons' words without their counts (赞 (46)回应 -> 赞回应)."""
    return _COUNTS.sub("", text)


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
    # a short line right above MIN_REPEATED_BUTTONS stamps or more, its counts aside: the buttons closing
    # each post (赞 (46)回应, and 赞回应 under a reply nobody liked yet, which the rules do not know)
    closers = Counter(key for s in stamps if s > start and (key := _button_key(blocks[s - 1].plain_text())) and _button_word(key))
    rows = {key for key, n in closers.items() if n >= MIN_REPEATED_BUTTONS}
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
            button_row = _button_word(text) and any(known[k + 1:k + 3])
            if known[k] or _buttons(text) or _button_key(text) in rows or _size(text) < MIN_POST_SIZE or (post and button_row):
                if post:
                    ends = k
                    break
                if known[k] and _said(text):  # a prompt said under the last post (登录一下，更多精彩内容等你发现):
                    break  # the thread is over, what follows is the page's
                skipped.add(k)
                continue
            post.add(k)
        button = ends is not None and (_button_key(blocks[ends].plain_text()) in rows
                                       or (len(blocks[ends].plain_text()) <= MAX_BUTTON_CHARS and any(known[ends:ends + 3])))
        if post and (_POST_MARK.search(blocks[s].plain_text()) or button):
            found.append((post, skipped | {s}))
    if len(found) < MIN_THREAD_POSTS:
        return set(), set(), set()
    # the same line closing two posts or more, under text of theirs: a poster's signature
    closing = [max(post) for post, _s in found if any(_prose(blocks[j]) for j in post if j < max(post))]
    ends = Counter(blocks[k].plain_text() for k in closing)
    signatures = {k for k in closing if ends[blocks[k].plain_text()] >= 2}
    return {k for post, _s in found for k in post} - signatures, {k for _p, skipped in found for k in skipped}, signatures


def comments_over_stamps(blocks: list[Block], known: list[bool], start: int) -> tuple[set[int], set[int]]:
    """The comments of a note app or a micro-blog copied as text, from ``start`` on: each its poster's
    name, its text, then its day and place (_SHORT_STAMP: 05-12浙江), perhaps its likes, and the button
    closing it (芋圆不加糖 / 收藏了！正好老板让我接手宝妈群 / 05-12浙江 / 386 / 回复). However short, the text is what
    a reader wrote. Only when MIN_REPEATED_BUTTONS comments or more close with the same short word under
    their stamps. Returns the comments' lines, and their posters' names, stamps, likes and buttons."""
    def past_counts(k: int) -> int:  # the first line under line k that is no bare count (likes: 386), two lines down at most
        return next((j for j in range(k + 1, min(len(blocks), k + 3)) if _COUNTS.sub("", blocks[j].plain_text())), k + 3)

    def closer(s: int) -> tuple[int, str] | None:  # the button under a stamp, past its likes (a post's button
        k = past_counts(s)                           # with its count: 46回复 is 回复; not a price, 58 元, nor a floor, #2)
        text = blocks[k].plain_text().strip() if k < len(blocks) else ""
        word = _button_key(text)
        key = word if _POST_MARK.fullmatch(word) else text
        return (k, key) if k < s + 3 and _button_word(key) else None

    stamps = {s: c for s in range(start + 1, len(blocks))
              if blocks[s].kind in (PARAGRAPH, HEADING) and _comment_stamp(blocks[s].plain_text().strip()) and (c := closer(s))}
    buttons = Counter(text for _k, text in stamps.values())
    if not buttons or buttons.most_common(1)[0][1] < MIN_REPEATED_BUTTONS:
        return set(), set()
    button = buttons.most_common(1)[0][0]
    # each comment's stamp, likes and button, and the likes under its button (回复 / 2341)
    marks = {s: range(s, min(past_counts(k), len(blocks))) for s, (k, text) in stamps.items() if text == button}
    taken = {j for span in marks.values() for j in span}
    lines: set[int] = set()
    labels: set[int] = set()
    for s, span in sorted(marks.items()):
        above, closed = [], False
        for j in range(s - 1, max(start, s - 1 - MAX_POST_LINES), -1):
            if known[j] or j in taken or j in stamps or blocks[j].kind not in (PARAGRAPH, HEADING):
                closed = j in taken or j in stamps  # (the comment above it)
                break
            above.append(j)
        # (the first comment, under the article or a prompt over the comments: its name and one line)
        above = (above if closed else above[:2])[::-1]
        if len(above) >= 2 and _name_line(blocks[above[0]], known[above[0]]):  # its poster's name over it
            labels.add(above.pop(0))
        if above and sum(_size(blocks[j].plain_text()) for j in above) >= MIN_POST_SIZE:
            lines.update(above)
            labels.update(span)
    return lines, labels


SIGN_OFF_LINES = 6  # a notice's sign-off is this near under its text (attachments' names between)
_SIGN_OFF_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_ATTACHMENT = re.compile(r"^(?:附件|\d{1,2}\s*[.、．])")  # ... between it and the text, only sentences and the attachments' names
_RELEASE_NOTE = re.compile(r"^[（(][^（）()]{2,12}[）)]$")  # （此件公开发布）
MAX_ISSUER_CHARS = 30


def _issuer(text: str) -> bool:
    """A line naming who issued a notice: a few words of Han with no punctuation (某某市某某局,
    某某办公室 某某委员会)."""
    return 3 <= han_count(text) and len(text) <= MAX_ISSUER_CHARS and not _PUNCT.search(text) and not re.search(r"\d", text)


def _credit(text: str) -> bool:
    """A credit line under a story: 责任编辑：张三, a byline, （记者 张三 李四）."""
    return bool(closing_credit(text) or meta_line(text) or (len(text) <= MAX_CREDIT_CHARS and _BRACKETED.match(text)))


ISLAND_REASON = "正文之后夹在页面杂项中间的一行标题（其他文章）"
_STATEMENT_END = re.compile(r"[。！!；;…]$")
# a comment's stamp as a note app or a micro-blog shows it: a day without its year, perhaps its place (05-12 浙江),
# or a day named (刚刚, 昨天); one with its time or how long ago (3 天前) is a post's stamp already (_post_stamp)
_SHORT_STAMP = re.compile(r"^(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2})?\s*[\u4e00-\u9fff]{0,6}$"
                          r"|^(?:昨天|前天|今天|刚刚)")


def _comment_stamp(text: str) -> bool:
    """A post's or a comment's stamp: when it was written (and where), as a thread or a note app shows it."""
    return bool(_SHORT_STAMP.search(text)) or _post_stamp(text)


_REPLY_LINE = re.compile(r"^[^:：，。！？]{1,20}[:：]\s*\S")  # a reply on one line: its poster's name, a colon, what they said
_CLAUSE = re.compile(r"[，,]|^[^\s:：，。]{2,6}\s*[:：]")  # clauses after a comma, or a field's value after its label
FILE_NAME = re.compile(r"\s*\.(?:pdf|docx?|pptx?|xlsx?|wps|caj|txt|zip|rar)$", re.I)  # a document's or an attachment's file name


def _islands(blocks: list[Block], keep: list[bool], known: list[bool], posts: set[int], end: int) -> list[int]:
    """Lines under the article, past its end, kept as sentences but standing alone among the page's
    furniture: a line gone or a line the rules know (相关新闻, a share row) right above and right below
    (or the text's end). A line shaped as a headline there (no statement's full stop, and clauses
    after a comma or a label only in a question: 某某派人到某地开枪？ 警方不排除某某, 提前退租，押金能退多少？)
    is another story's, a video's or a related question's, not the text's. Not so: a reader's words
    run on without a full stop (再后来每周做一次主题日，群里就活起来了), a field (上班地址：某某路 288 号),
    a reference (a work's name, a number, its date: 某某 ．某网．2020-03-12), an attachment's file name,
    and a thread's post (one the thread's reading found, or a line with a post's stamp, its time or
    floor, or a comment's day and place, just above or below it: a reply's question between its
    poster's badge and its stamp)."""
    def furniture(j: int) -> bool:
        return j >= len(blocks) or not keep[j] or known[j]

    out = []
    for k in range(end + 1, len(blocks)):
        text = blocks[k].plain_text().strip()
        if keep[k] and not known[k] and k not in posts and blocks[k].kind in (PARAGRAPH, HEADING) \
                and han_count(text) >= MIN_ISLAND_HAN and len(text) <= MAX_TITLE_CHARS \
                and not _STATEMENT_END.search(text) and not CITATION.search(text) and not _CLOCK.search(text) \
                and not FILE_NAME.search(text) and not (_CLAUSE.search(text) and not text.endswith(("？", "?"))) \
                and furniture(k - 1) and furniture(k + 1) \
                and not any(_comment_stamp(blocks[j].plain_text().strip()) for j in range(k - 2, k + 3) if end <= j < len(blocks)):
            out.append(k)
    return out


def trim_page_copy(blocks: list[Block], furniture: Callable[[str], bool],
                    header: Callable[[str], bool]) -> tuple[list[Block], list[Removed], str, set[str], bool, bool]:
    """The article's blocks out of a page copy, what went (with why), its headline ("" when
    none was found, or the text is not a page copy), the lines of a thread's posts in it, whether
    the headline is sure (its date or byline under it, or a breadcrumb naming it) and whether those posts
    are a short post's comments with no article above them (the page's text, not its readers' comments). ``furniture`` tells a line the cleaning
    rules know as site furniture (never a headline); ``header`` a line the rules read themselves
    (a table of contents' header with the lines under it, a paper's list of authors), which stays for them."""
    known = [furniture(b.plain_text()) for b in blocks]  # asked once a line
    run = dense_run(blocks, known)
    if run is None:  # no article to tell from the site; a title its breadcrumb names is still the title
        # (a short post's comments, each over its stamp, are the page's text: no article above them; their
        # posters' names, stamps and buttons go)
        comments, marks = comments_over_stamps(blocks, known, 0)
        said = {blocks[k].plain_text() for k in comments}
        rest: set[int] = set()
        if comments:  # from the label over them (全部评论) on, the short lines besides the comments are the page's
            top = min(comments | marks)  # (a sentence stays for the rules to judge: a reply to a comment)
            top = next((j for j in range(top - 1, max(-1, top - 1 - BRIDGE), -1) if known[j]), top)
            rest = {k for k in range(top, len(blocks)) if k not in comments | marks and not known[k] and not _prose(blocks[k])}
        gone = [Removed(blocks[k].plain_text(), STAMP_REASON if k in marks else "正文之后的站点内容（其他文章、页脚）")
                for k in sorted(marks | rest)]
        left = [k for k in range(len(blocks)) if k not in marks | rest]
        blocks, known = [blocks[k] for k in left], [known[k] for k in left]
        found = _crumbed(blocks, known, len(blocks))
        if found is None:
            return blocks, gone, "", said, False, bool(said)
        crumb, title, _trail_line = found
        return blocks[:crumb] + blocks[crumb + 1:], [*gone, Removed(blocks[crumb].plain_text(), "标题（移入页面标题）", "meta")], title, said, True, bool(said)
    first, last = run
    # a breadcrumb trail among the run's first lines, a banner's sentence above it at most: the article starts
    # under it (a long banner's or a menu's lines above it are the site's)
    crumbs = next((k for k in range(first, min(last, first + 2 * BRIDGE)) if _trail(blocks[k].plain_text())
                   and sum(_prose(blocks[j]) and _said(blocks[j].plain_text()) for j in range(first, k)) <= MAX_HEADER_PARAGRAPHS), None)
    if crumbs is not None:
        first = crumbs + 1
    # a run opening with a line that is no sentence over short lines (极客商业观察 · 让创新被看见 首页快讯深度创投
    # 汽车消费 / APP / 登录): the site's name and channels run together over its buttons, not the article's text
    # (a headline over its subtitle stays: text right under it)
    if first < last and not _sentence(text := blocks[first].plain_text()) and not _prose(blocks[first + 1]):
        first = next(k for k in range(first + 1, last + 1) if _prose(blocks[k]))
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
    # (or a note's comments, each over its stamp, when there are twice as many: a thread's reading took few of them)
    comments, marks = comments_over_stamps(blocks, known, first)
    commented = False  # ... a short post's, as long as a third of it: its replies, past 全部评论 too
    if comments and len(comments) >= 2 * len(posts):
        posts, labels = comments, marks
        lead, said = (sum(han_count(blocks[k].plain_text()) for k in ks) for ks in (set(range(first, last + 1)) - posts - labels, posts))
        commented = said >= MIN_THREAD_HAN and replies_beside(lead, said)
    demote = [False] * len(blocks)  # a heading by its look that is a line of the story's end
    why = ["" for _b in blocks]
    title = ""
    found = _pick_headline(blocks, known, first, last) if first >= 1 else None
    if found:
        top, title, sure = found
        trail = _crumbed(blocks, known, top + 1)
        fence = max((k for k in range(top) if _trail(blocks[k].plain_text())), default=-1)  # the page's trail above it
        for k in range(top):  # the short lines above it go; a sentence stays for the rules to judge (not
            # a line closing a bracket, or a long line with no punctuation: other stories' headlines run
            # together), and a numbered line (a list of the article's own, the headline misread); not the
            # trail that ends with the headline (论坛 > 版块 > 某某怎么定才合理？), nor a sentence above the
            # page's trail (a banner's: the site's header ends with the trail)
            text = blocks[k].plain_text()
            keep[k], why[k] = _prose(blocks[k]) and (_said(text) or bool(SECTION_NUMBER.match(text))) and k > fence \
                and not (trail and trail[0] == top and trail[2] == k), "标题之前的站点内容（导航、频道、其他文章）"
        keep[top] = False
        # between it and the article, the tiny labels go (share buttons, 字号); a byline was read
        # already, a numbered subheading or a caption stays, and so does a header for the rules
        # (a table of contents' header: the rules take its entries with it)
        text_at = next((j for j in range(max(top + 1, first), last + 1)
                        if _prose(blocks[j]) and blocks[j].plain_text() != title), first)
        # a post opening with its headline in brackets, under its poster's name and the post's time: the bracketed
        # one (the post's text keeps it)
        title = bracketed_headline(blocks[text_at].plain_text()) or title
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
        # (past a short post's last comment, whose label no longer ends the text, only what the rules know stays:
        # the page's lists of other posts, its login wall, its footer; the last comment may have lost its button
        # with the page's end: its name, its text and its stamp)
        tail = len(blocks)
        if commented:
            last = max(posts | labels)
            while (stamp := next((j for j in range(last + 1, min(len(blocks), last + 4))
                                  if _comment_stamp(blocks[j].plain_text().strip())), None)) is not None:
                said = list(range(last + 1, stamp))
                if len(said) < 2 or any(known[j] or blocks[j].kind not in (PARAGRAPH, HEADING) for j in said) \
                        or not _name_line(blocks[said[0]], False):
                    break
                labels |= {said.pop(0), stamp}
                posts |= set(said)
                last = stamp
            # (and the replies under it, each its poster's name and a colon before what they said, past its buttons)
            tail = last
            for k in range(last + 1, len(blocks)):
                line = blocks[k].plain_text().strip()
                if not known[k] and _REPLY_LINE.match(line):
                    tail = k
                    posts.add(k)
                elif not _button_word(_button_key(line)):
                    break
        for k in range(end, len(blocks)):
            text = blocks[k].plain_text()
            keep[k] = ((k not in listed and k <= tail and (_prose(blocks[k]) or bool(CITATION.search(text)))) or known[k] or k in posts) \
                and k not in labels
            why[k] = "正文之后的站点内容（其他文章、页脚）"
            demote[k] = keep[k] and not known[k] and blocks[k].kind == HEADING  # (a line kept there heads no section)
        for k in _islands(blocks, keep, known, posts, end):
            keep[k], why[k] = False, ISLAND_REASON
    for k in labels:  # a thread's stamps and floors among its posts (来自 Android 客户端 3 楼 2024-05-12 10:13)
        if keep[k] and first <= k < end:
            keep[k], why[k] = False, STAMP_REASON
    for k in signatures:
        keep[k], why[k] = False, SIGNATURE_REASON
    removed = [Removed(b.plain_text(), why[k]) for k, b in enumerate(blocks) if not keep[k] and why[k] and b.plain_text()]
    if title:
        removed.append(Removed(title, "标题（移入页面标题）", "meta"))
    kept = [replace(b, kind=PARAGRAPH, level=0) if d else b for b, k, d in zip(blocks, keep, demote, strict=True) if k]
    return kept, removed, title, {blocks[k].plain_text() for k in posts if keep[k]}, bool(found and sure), commented
