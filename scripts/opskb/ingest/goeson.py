"""Where the text goes on past a line the cleaning rules know (clean.py): a page copied after its
text was expanded goes on under its 展开全文, a line sending readers to other stories may stand
inside the article with its sentences going on under it, and a paginated text's running header or
footer comes again with the text between."""

from __future__ import annotations

import re

from ..records import LIST, Block, plain
from ..text import han_count
from .copylines import _INVISIBLE, _PUNCT
from .feeds import SECTION_NUMBER
from .rules import match_rule
from .textparse import MAX_HEADING_CHARS

EXPAND = re.compile(rf"^展开(?:全文|阅读全文)?{_INVISIBLE.pattern}*$")  # (a copied row's zero-width spaces)
MIN_GOES_ON_HAN = 20  # a line this long, ending as a sentence, under 展开全文 is the text going on
EXPAND_LOOKAHEAD = 2  # ... on this many lines under it
NEXT_ANSWER_LOOKAHEAD = 8  # ... or this far, past a folded answer's counts, buttons and the next answerer's name
MAX_ANSWERER_CHARS = 16  # a line there: a button, a name, a badge


def goes_on(text: str) -> bool:
    """A line of the text: a sentence of MIN_GOES_ON_HAN Han characters or more."""
    return han_count(text) >= MIN_GOES_ON_HAN and text.endswith(("。", "！", "？", "”", "」"))


def expanded(units: list, n: int) -> bool:
    """The text goes on under the 展开全文 at ``n``: a sentence of it on the next line, or on the
    one after a numbered section heading (二、光照：喜欢亮，但怕晒; a commenter's name is no heading);
    or, on a Q&A page copied as text, the next answer does: under the folded answer's counts
    (赞同 104 · 40 条评论) only short lines (its buttons: 分享, 收藏; the next answerer's name and 关注), then a sentence."""
    counted = False
    for m in range(n + 1, min(len(units), n + 1 + NEXT_ANSWER_LOOKAHEAD)):
        text = plain(units[m][2]).strip()
        if goes_on(text):
            return m < n + 1 + EXPAND_LOOKAHEAD or counted
        rule = match_rule(text)
        if m == n + 1 and rule and rule.name == "counter":
            counted = True  # the folded answer's counts
        elif counted and (not rule or rule.name == "post_button") and len(text) <= MAX_ANSWERER_CHARS and not _PUNCT.search(text):
            continue  # its buttons, the next answerer's name
        elif m >= n + 1 + EXPAND_LOOKAHEAD or len(text) > MAX_HEADING_CHARS or not SECTION_NUMBER.match(text) or rule:
            return False
    return False


ANSWERS_LOOKAHEAD = 6  # lines under a fold (展开全部) looked at for the heading of more answers


def answers_follow(units: list, n: int) -> bool:
    """More answers follow the fold at ``n`` (展开全部 under a best answer): within a few lines a line
    between a thread's answers (其他 3 条回答, 查看全部 19 个回答), a sentence of an answer a few lines under it."""
    for m in range(n + 1, min(len(units), n + 1 + ANSWERS_LOOKAHEAD)):
        rule = match_rule(plain(units[m][2]).strip())
        if rule and rule.name == "post_prompts" \
                and any(goes_on(plain(u[2]).strip()) for u in units[m + 1:m + 1 + EXPAND_LOOKAHEAD + 1]):
            return True
    return False


# an answer's own line on a Q&A page: how many readers agreed with it (52 人赞同了该回答), the question put
# under it (你对这个回答的评价是？), the heading of the rest (其他 3 条回答)
_AGREED = re.compile(r"^\d[\d,]*(?:\.\d+)?[万千kKw+]?\s*人\s*(?:赞同|点赞|觉得有用)了?(?:该|这个)?回答$")
COMMENTS_LOOKAHEAD = 40  # lines under an answer's comments label looked at for another answer


def more_answers(units: list, n: int) -> bool:
    """The comments label at ``n`` (113 条评论) is one answer's, on a Q&A page: within COMMENTS_LOOKAHEAD lines,
    an answer's own line (its readers' agreement, the question under it, the heading of more answers) with a
    sentence of text before it or right under it (not a list of other answers' first lines past a label).
    An article's comment area has none of them."""
    for m in range(n + 1, min(len(units), n + 1 + COMMENTS_LOOKAHEAD)):
        text = plain(units[m][2]).strip()
        rule = match_rule(text)
        if _AGREED.match(text) or (rule and rule.name in ("post_controls", "post_prompts") and "回答" in text):
            near = units[n + 1:m] + units[m + 1:m + 1 + EXPAND_LOOKAHEAD + 1]
            return any(goes_on(plain(u[2]).strip()) for u in near)
    return False


MIN_PAGE_TEXT_HAN = 60  # Han characters of text between two copies of a line that make it a running footer


def runs_on(units: list[tuple[int, int, str]], n: int, keys: list[str]) -> bool:
    """Line ``n`` comes again further down, word for word (``keys``: the units' folded text), with
    the text going on between the two (this much Han in lines no rule takes): a running header or
    footer of a paginated text."""
    again = next((m for m in range(n + 1, len(keys)) if keys[m] == keys[n]), None)
    if again is None:
        return False
    lines = (plain(text).strip() for _i, _j, text in units[n + 1:again])
    return sum(han_count(t) for t in lines if not match_rule(t)) >= MIN_PAGE_TEXT_HAN


_STATEMENT_END = re.compile(r"[。！][”」』]?$")
RESUME_LOOKAHEAD = 8  # lines looked at under a related-stories line for the article going on (a gallery's captions between)
MIN_RESUMED_SENTENCES = 2  # ... sentences among them that make it the article's own text


def statement(text: str) -> bool:
    """A sentence of 20+ Han ending in a full stop or an exclamation mark (not a headline's question)."""
    return goes_on(text) and _STATEMENT_END.search(text) is not None


_LABEL_ALONE = re.compile(r"^\S{2,8}\s*[:：]?$")  # a label with nothing after it (相关新闻：)
MAX_LISTED_ITEMS = 5  # lines under it looked at for other stories' headlines
MAX_LISTED_CHARS = 40
_ENDS_SAID = re.compile(r"[。！？!?；;…]$|[。！？][”」』]$")


def _listed_item(text: str) -> bool:
    """A line under a label alone that names another story: short, not a sentence."""
    return 0 < len(text) <= MAX_LISTED_CHARS and not _ENDS_SAID.search(text) and not goes_on(text)


def resumes(blocks: list[Block], units: list[tuple[int, int, str]], n: int) -> int:
    """Whether the article goes on under unit ``n`` (a line naming other stories): 0 when not,
    else the number of lines that go, the line and the items of other stories listed right under it
    (a list whose items are no sentences). It goes on when two of the next lines past that list are
    sentences of 20+ Han no rule takes for furniture."""
    m = n + 1
    if m < len(units) and units[m][1] >= 0 and blocks[units[m][0]].kind == LIST:
        block = units[m][0]
        while m < len(units) and units[m][0] == block and not goes_on(plain(units[m][2]).strip()):
            m += 1
    elif _LABEL_ALONE.match(plain(units[n][2]).strip()):  # (相关新闻： over a few headlines, a line each,
        # the article's sentences right under them; not a comment area's lines past a list of stories)
        while m < min(len(units), n + 1 + MAX_LISTED_ITEMS) and _listed_item(t := plain(units[m][2]).strip()) \
                and not match_rule(t):
            m += 1
        if m > n + 1 and not (m < len(units) and statement(plain(units[m][2]).strip())):
            return 0
    after = [plain(u[2]).strip() for u in units[m:m + RESUME_LOOKAHEAD]]
    # (statements: a list of other stories' headlines may end in question marks)
    sentences = sum(1 for t in after if statement(t) and not match_rule(t))
    return m - n if sentences >= MIN_RESUMED_SENTENCES else 0
