"""A text's headline among its opening lines (clean.py, for pages that name none): the longest
short line that is not page furniture (a site's or author's name, a login or menu word, a
stamp with the time of day), a question before a longer line about it, an editor's lead label
passed by; with no headline anywhere, the prefix most headings share."""

from __future__ import annotations

import re
from collections import Counter

from ..records import HEADING, PARAGRAPH, Block, plain
from ..text import fold, han_count, has_han, looks_like_site
from .copyheadline import MIN_QUESTION_HAN, stamp_line
from .copylines import MAX_TITLE_CHARS
from .feeds import SECTION_NUMBER as _SECTION_NUMBER
from .metaline import CLOCK, DATE
from .rules import _rx

NAME = r"[\u4e00-\u9fff·]{2,4}"  # a Chinese personal name
MAX_BANNER_CHARS = 20

_TIMESTAMP = re.compile(rf"{DATE}\s*{CLOCK}")  # a date with the time of day: a story's stamp
_LOGIN_OR_MENU = _rx(
    r"^(?:登录|登陆|登入|注册|免费注册|退出|首页|返回首页|个人中心|我的|菜单|导航|搜索|订阅|下载\s*app)"
    r"(?:\s*[/|｜]\s*(?:登录|注册|退出))?$")
# (names between commas only under a label, or with affiliation numbers: two short phrases are a slogan, 只需一步，快速开始)
AUTHOR_LIST = re.compile(rf"^(?:作者\s*[:：]?\s*{NAME}\d?(?:\s*[、，,]\s*{NAME}\d?){{1,}}|{NAME}(?:\s*、\s*{NAME}){{1,}}"
                         rf"|{NAME}\d(?:\s*[、，,]\s*{NAME}\d){{1,}})(?:\s*等)?$")


def listed_authors(line: str) -> str:
    """The names of a list of authors (作者：张三1、李四2 -> 张三、李四)."""
    return re.sub(r"^作者\s*[:：]?\s*|\d", "", line)


_LEAD_LABEL = re.compile(r"^【[^】]{1,6}】|^[^，。？！]{1,8}[：:]$")
TITLE_LOOKAHEAD = 6  # short lines above the headline looked past


def is_title_furniture(text: str, site: str = "", author: str = "", named: list[str] = ()) -> bool:
    """A short line above the headline that cannot be the headline: no Chinese at all (Skip
    to content, Menu, a date), a date with the time of day, a login or menu word, the site's or author's name (known, or
    named again by a copyright or repost line further down)."""
    if not has_han(text) or _TIMESTAMP.search(text):
        return True
    k = fold(text)
    if _LOGIN_OR_MENU.match(text) or (site and k == fold(site)) or (author and k == fold(author)):
        return True
    if len(text) <= MAX_BANNER_CHARS and not re.search(r"[，。！？：、]", text) and any(k in fold(n) for n in named):
        return True
    return len(text) <= 12 and looks_like_site(text)


def title_index(blocks: list[Block], site: str = "", author: str = "", named: list[str] = ()) -> tuple[int | None, list[int]]:
    """(index of the headline, indices of the furniture above it and of its date line under it)
    among the short lines that open the text: the longest line that is not page furniture (a site name, a
    column or a section heading is shorter than the headline). None when the text
    opens with prose. Unrecognized short lines above the headline stay."""
    run: list[int] = []
    for i, b in enumerate(blocks[:TITLE_LOOKAHEAD]):
        if b.kind not in (HEADING, PARAGRAPH):
            break
        text = plain(b.text).strip()
        if len(text) > MAX_TITLE_CHARS or text.endswith("。") or (run and _SECTION_NUMBER.match(text)):
            break
        run.append(i)
    furniture, candidates = [], []
    for n, i in enumerate(run):
        text = plain(blocks[i].text).strip()
        if is_title_furniture(text, site, author, named) or (AUTHOR_LIST.match(text) and n + 1 < len(run)):
            furniture.append(i)  # a list of names above another short line is the byline
        else:
            candidates.append(i)
    # an editor's lead label (【导读】…, 编者按：) introduces the text; it is not its headline
    candidates = [i for i in candidates if not _LEAD_LABEL.match(plain(blocks[i].text).strip())] or candidates
    if not candidates:
        return None, []
    # a question page: the question is the headline, not a longer line about it
    questions = [i for i in candidates if plain(blocks[i].text).strip().endswith(("？", "?"))
                 and han_count(plain(blocks[i].text)) >= MIN_QUESTION_HAN]
    pick = questions[0] if questions else max(candidates, key=lambda i: (han_count(plain(blocks[i].text)), -i))
    # the furniture above it goes, and the story's stamp right under it (某某频道 ( 2012-06-04 09:20 ) 来源：…);
    # when its date or byline is right under it, it heads the story: every short line above it is the site's
    stamp = [pick + 1] if pick + 1 in run and _TIMESTAMP.search(plain(blocks[pick + 1].text)) else []
    above = run[:run.index(pick)] if pick + 1 < len(blocks) and stamp_line(plain(blocks[pick + 1].text).strip()) else furniture
    return pick, [i for i in above if i < pick] + stamp


def fallback_title(blocks: list[Block]) -> str:
    """No title anywhere: the longest prefix most headings share (社群运营的…), else the first clause."""
    heads = [plain(b.text) for b in blocks if b.kind == HEADING]
    need = max(2, (len(heads) + 1) // 2)
    shared = Counter(h[:n] for h in set(heads) for n in range(2, len(h) + 1))
    best = max((p for p, c in shared.items() if c >= need), key=len, default="")
    best = best.rstrip("的之与和及、：: ")
    if len(best) >= 2 and has_han(best):
        return best
    for b in blocks:
        if b.kind == PARAGRAPH:
            clause = re.split(r"[，。！？；：]", plain(b.text))[0]
            return clause[:MAX_TITLE_CHARS]
    return "无标题"
