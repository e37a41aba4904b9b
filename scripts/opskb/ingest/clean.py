"""Stage 6: remove boilerplate, recover metadata, settle the title.

Every rule is a named pattern of web pages, not of one file. Each removed line is
kept as a Removed record with its reason, for the report. Rules run on Simplified,
typeset text (full-width punctuation), so they are written once.

Three kinds of rule:
- line rules: one line or list item is boilerplate on its own (a tag line, a view
  counter, a submission prompt, an image-source notice, ...);
- the tail cut: some lines mark the end of the article (a copyright notice, a
  comment section, "related posts", "-End-"); once one appears past the start of
  the article, everything after it is site furniture too;
- document rules: short lines repeated verbatim (site banners), captions that
  repeat the title, decorative images, headings left with no section.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

from ..records import HEADING, IMAGE, LIST, PARAGRAPH, QUOTE, TABLE, Block, Doc, Meta, Removed, plain
from ..text import fold, han_count, has_han, looks_like_site
from .copyheadline import TITLE_LABEL
from .copylines import _COLON
from .feeds import SECTION_NUMBER as _SECTION_NUMBER
from .feeds import counted_feeds, drop_inline_related, trailing_headlines
from .fieldline import metadata_parts
from .goeson import EXPAND, answers_follow, expanded, more_answers, resumes, runs_on, statement
from .metaline import _FIELD, closing_credit, dateline, meta_fields, meta_line, plausible_name, poster_byline
from .ownnotice import ANSWER_NOTE, MIN_TRIMMED_NOTICE_CHARS, caption_part, own_opening, own_part
from .pagecopy import FILE_NAME, STAMP_REASON, trim_page_copy
from .posts import POST_HEADING
from .read import normalize_date
from .rules import (
    _LABEL_CLOSE,
    _LABEL_OPEN,
    FOLLOW_REASON,
    PAPER_REASON,
    _rx,
    _spaced,
    match_rule,
)
from .texttitle import (
    AUTHOR_LIST,
    MAX_BANNER_CHARS,
    MAX_TITLE_CHARS,
    NAME,
    fallback_title,
    listed_authors,
    title_index,
)

# the authors of a paper, each marked with the number of an affiliation: 王小明1，李华2 / 孙某²杜某²
_AFFILIATION_MARK = r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*]"
_PAPER_AUTHORS = re.compile(
    rf"^(?:{NAME}\s*(?:{_AFFILIATION_MARK}+(?:[,，]\d)*[，,、」\s]*|[，,、」\s]+))+{NAME}\s*{_AFFILIATION_MARK}+$")
_BIO_HEADING = _rx(r"^(?:作者简介|作者介绍|about the authors?)\s*[:：]?$")
_PAPER_BIO = _rx(rf"^{_LABEL_OPEN}{_spaced('作者简介')}{_LABEL_CLOSE}")  # a paper's, or the note closing an article
_KEYWORDS = _rx(rf"^{_LABEL_OPEN}(?:{_spaced('关键词', '关键字')}|key\s*words){_LABEL_CLOSE}\s*(.+)$")
_TOC_HEADER = _rx(r"^(?:本文|文章)?目\s*录\s*[:：]?$|^(?:table of )?contents$")
_TOC_PAGE = re.compile(r"(?:[.…·・\s]{2,}|\s+)\d{1,4}$")
MAX_TOC_ENTRIES = 40
_CALL_TO_ACTION = _rx(r"^(?:查看详情|了解详情|立即(?:报名|购买|领取|查看)|阅读全文|点击(?:查看|了解))")
MAX_CARD_LINES = 3


def _last_line(after) -> bool:
    """No sentence of the article follows (furniture may), up to a line where the page's rest
    begins (a comment area's replies come after the story)."""
    for x in after:
        t = plain(x[2]).strip()
        rule = match_rule(t)
        if rule is not None and rule.ends_article:
            return True
        if rule is None and len(t) >= 15 and _SENTENCE.search(t):
            return False
    return True


_SITE_PATTERNS = (
    _rx(r"不代表\s*(.{2,16}?)\s*(?:的)?(?:立场|观点)"),
    _rx(r"[》,，。\s]?([^，。,《》\s]{2,16}?)系信息(?:存储空间|发布平台)"),
    _rx(r"《\s*(.{2,16}?)\s*版权"),
    _rx(r"(?:本(?:网站|站|网))?(?:由|归)?([^，。,\s]{2,16}?)\s*版权所有"),  # (本网站由某某网版权所有: 某某网)
    _rx(r"(?:原创)?(?:发布|首发)(?:于|在)\s*([^，。,\s@]{2,16}?)\s*(?:[。，,；]|$)"),
)
_KEYWORD_SEPARATORS = re.compile(r"[,，|、/;；]")
_CAPTION_SUFFIX = re.compile(r"^\s*(?:配?图|图片|插图)?\s*\d{0,3}\s*$")

_CONTACT_LABEL = _rx(
    r"(?:^|(?<=\s))(?:(?:通讯|联系|办公|公司)?地址|(?:联系|客服|服务|咨询|办公|值班)?电话|(?:服务|咨询|客服)?热线|传真|邮编|邮政编码"
    r"|(?:电子)?邮箱|e-?mail|qq|微信(?:号)?|联系人|网址)\s*[:：]")
_ADDRESS_LABEL = re.compile(r"(?:地址|邮编|邮政编码)\s*[:：]")
_TABLE_FIELD = re.compile(r"^[^:：，。！？\s]{1,8}\s*[:：]")  # a table's cell labelled (名称：…)
KNOWN_FIELDS_SHARE = 2 / 3  # ... in a table of such cells, this share of them fields the rules know
MAX_CONTACT_CHARS = 80
MIN_CONTACT_LINES = 2
_STEP = re.compile(r"^(\d{1,2})\s*[、.．]\s*\S")
_SENTENCE = re.compile(r"[，。；！？]")
MIN_STEP_CHARS = 20
MIN_ARTICLE_SHARE = 0.25  # the tail cut needs this share of the text before it
MIN_PROSE_BEFORE_CUT = 3
MIN_TEXT_CHARS = 15  # a line this long that no rule drops is the article's text
MIN_PROSE_SHORT_ARTICLE = 6
MIN_HEADLINE_HAN = 8  # a text's opening line this long that is not a site's name reads as its headline
MIN_REPEATED_CHARS = 20  # a line this long said twice on a page is the page repeating itself


def _repeatable(text: str) -> bool:
    """A line the page repeats when it says it twice: a long one, or a sentence of clauses (a lead
    shown above the text and again as its opening, 你有在抖音刷到过“某某，某某”的视频吗？)."""
    return len(text) >= MIN_REPEATED_CHARS or _CLAUSED_SENTENCE.search(text) is not None


def is_keyword_stuffed(alt: str) -> bool:
    """Alt text that is a list of search keywords rather than a description."""
    parts = [p for p in _KEYWORD_SEPARATORS.split(alt) if p.strip()]
    return len(parts) >= 3 and max(len(p) for p in parts) <= 12


def repeats_title(text: str, title: str) -> bool:
    """A caption or line that is the title again, perhaps with 图1 / 配图 after it, or labelled (标题：…)."""
    t, ti = fold(_TITLE_LABEL.sub("", plain(text))), fold(title)
    return bool(ti) and t.startswith(ti) and bool(_CAPTION_SUFFIX.match(t[len(ti):]))


def _is_decorative(block: Block) -> bool:
    hint = " ".join(block.items)
    src = block.src.lower()
    if not src.startswith(("http://", "https://", "//")):
        return True
    if "type=gif" in hint or re.search(r"\.gif(?:$|\?)", src):
        return True  # animated stickers
    if _FURNITURE_PICTURE.search(urlsplit(src).path):
        return True  # a reader's avatar, a reaction button, an emoji: named so in its address
    return "icon" in hint.split()  # declared smaller than a picture (parse.picture_is_icon)


# a picture the page's own address names as an avatar, emoji or reaction (…/user-avatar/…,
# …/social-reaction-like.png), keeps in a folder of icons (…/icon/…), or whose file is a
# stand-in for a missing picture (…/lemmaMusicAlbumDefault_137x137.png, …/placeholder.png)
_FURNITURE_PICTURE = re.compile(r"(?:^|[/_.-])(?:avatars?|emoji|emoticons?|reactions?|smiley|smilies)(?:[/_.-]|$)|/icons?/"
                                r"|(?:default|placeholder)[^/]*$", re.I)


_GENERIC_SITE = {"本站", "本网", "本网站", "本平台", "平台", "作者", "本文", "我们", "本公众号", "本号"}


_SITE_HINT = re.compile(r"立场|观点|系信息|版权|发布于|首发于|发布在")


def _site_from(text: str) -> str:
    if not _SITE_HINT.search(text):
        return ""
    for pattern in _SITE_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1).strip("《》「」“”\"' ：:，,")
            if 2 <= len(name) <= 16 and has_han(name) and name not in _GENERIC_SITE:
                return name
    return ""


def _units(blocks: list[Block]):
    """(block index, item index or -1, text) for every line the rules look at."""
    for i, b in enumerate(blocks):
        if b.kind in (LIST, QUOTE):
            for j, t in enumerate(b.items):
                yield i, j, t
        elif b.kind in (PARAGRAPH, HEADING):
            yield i, -1, b.text


MIN_CAPTION_CHARS = 6


def _captions_once(blocks: list[Block]) -> list[Block]:
    """A picture whose text the line beside it says (its caption, printed under it and given as
    its alt text too) keeps the line and loses the text: the caption is read once."""
    out = list(blocks)
    for k, b in enumerate(out):
        said = fold(b.text) if b.kind == IMAGE else ""
        if len(said) < MIN_CAPTION_CHARS:
            continue
        beside = [out[n] for n in (k - 1, k + 1) if 0 <= n < len(out) and out[n].kind in (PARAGRAPH, HEADING)]
        if any(said in fold(x.plain_text()) for x in beside):
            out[k] = replace(b, text="")
    return out


def clean(doc: Doc) -> Doc:
    blocks, removed = drop_inline_related(list(doc.blocks))
    meta = doc.meta
    drop_block: dict[int, str] = {}
    drop_item: dict[tuple[int, int], str] = {}

    # Metadata and the site name, read from the lines before they go.
    site = meta.site
    author, date = meta.author, meta.date
    categories = meta.categories
    lines_of_text = 0  # once the text is under way, a date alone is no longer the story's
    for i, _j, text in _units(blocks):
        t = plain(text).strip()
        site = site or _site_from(t)
        if blocks[i].kind != QUOTE and (poster := poster_byline(t)):
            author, date = author or poster, date or normalize_date(t)
            continue
        k = _KEYWORDS.match(t)
        if k and not categories:
            categories = tuple(w for w in re.split(r"[;；,，、\s]+", k.group(1)) if w)
        m = meta_line(t)
        parts = [] if m else metadata_parts(t)  # (a line of fields: each read as a line of its own)
        lines_of_text += not (m or parts) and len(t) >= MIN_TEXT_CHARS
        for field, fm in ([(f, meta_line(f)) for f in parts] or [(t, m)]):
            if not fm or (lines_of_text >= MIN_PROSE_BEFORE_CUT and dateline(fm)):
                continue
            key, value = meta_fields(fm)
            first = re.split(r"\s*[|丨｜/]\s*", value)[0]  # 作者：张三 | 2022-03-08 | 阅读 3421
            key = key.lower()
            # (or a poster, whose name a dated byline gives: 楼主：某某 2022-03-06, 来自：某某 2022-03-06 23:14)
            if key in ("作者", "文", "文章作者", "撰文", "author", "by", "发布者", "发帖人", "楼主", "来自") and first and not author:
                author = first
            elif key in ("来源", "出处", "source") and first and not site:
                site = first
            if not key.startswith(("更新", "编辑", "updated", "stats")):  # the publication date, not an update
                date = date or normalize_date(field)

    # Short lines repeated verbatim are banners (site name at top and bottom).
    # A line repeated inside the article (a heading the text comes back to) is not one.
    lines = [plain(t).strip() for _i, _j, t in _units(blocks)]
    keys = [fold(x) for x in lines]
    counts = Counter(keys)
    edge = max(3, len(keys) // 7)
    at_edges = set(keys[:edge]) | set(keys[-edge:])
    # (a label leading into what follows, 案例研究：, and a numbered section's name, in an outline
    # above the section, are the article's own however often they come; so is a field with its
    # value, 成人票原价：30 元, which a listing repeats from item to item)
    # (nor is a sentence of clauses a banner: a reply's question another reply quotes, 这个点子好，用什么工具做的？)
    own = {k for k, x in zip(keys, lines, strict=True)
           if x.endswith((":", "：")) or _SECTION_NUMBER.match(x) or _FIELD.match(x) or _CLAUSED_SENTENCE.search(x)}
    banners = {k for k, n in counts.items() if n >= 2 and 0 < len(k) <= MAX_BANNER_CHARS and k in at_edges and k not in own}
    # a text without a title that opens with a line reading as a headline: the same line further
    # down is the story again in a list of stories, not the site's banner
    if keys and not meta.title:
        opening = plain(next(_units(blocks))[2]).strip()
        if han_count(opening) >= MIN_HEADLINE_HAN and not looks_like_site(opening, fold(site)):
            banners.discard(keys[0])
    # ... and the site's name among them stands at the page's top and at its foot (a button's word
    # repeated at the foot names no site: 更多), once at each, a name, not a row of buttons (返回列表 发新帖)
    # nor a label each post of a thread repeats (积分)
    framing = {k for k, x in zip(keys, lines, strict=True) if k in banners and counts[k] == 2 and not _SPACED_WORDS.search(x)} \
        & set(keys[:edge]) & set(keys[-edge:])

    # A copy of a whole page's text: the article out of the site around it (pagecopy.py), once
    # the lines around it have told the author, date and site's name.
    posts: set[str] = set()  # the lines of a thread's posts there, however short: no other stories' headlines
    commented = False  # ... the comments of a short post, no article above them: its text, past 全部评论
    if doc.page_copy:
        # (a crawler's copy of the page's <title> the page does not show as a line of its own)
        unshown = bool(meta.title) and fold(meta.title) not in {fold(b.plain_text().strip()) for b in blocks}
        blocks, gone, found, posts, sure, commented = trim_page_copy(blocks, lambda t: match_rule(t) is not None,
                                             lambda t: bool(_TOC_HEADER.match(t) or _PAPER_AUTHORS.match(t)))
        removed.extend(gone)
        site = site or next((g.text for g in gone if fold(plain(g.text)) in framing), "")
        author = author or next((listed_authors(g.text) for g in gone
                                 if AUTHOR_LIST.match(g.text) and match_rule(g.text) is None), "")  # (not 搜索课程、文章)
        # ... gives way to the headline the page shows over its date or byline: a title written for
        # search engines may be worded otherwise (a newspaper's kicker, headline and subtitle all
        # stand over its byline: the one the title names is the headline)
        meta = replace(meta, title=found if found and sure and unshown else meta.title or found)
        date = date or next((d for g in gone if g.reason == STAMP_REASON and (d := normalize_date(g.text))), "")

    total = sum(len(plain(t)) for _i, _j, t in _units(blocks)) or 1
    seen = prose = 0
    cut_at: int | None = None
    cut_reason = ""
    units = list(_units(blocks))
    named: list[str] = []  # copyright and repost lines: they name the site
    paper_lines: list[tuple[tuple[int, int], str]] = []  # (line, the authors it names: none for 作者简介)
    said: set[str] = set()  # long lines seen so far
    listed: set[str] = set()  # ... those of them that were a list's items
    step = 0  # number of the last step of a numbered list in the text (1、… 2、…)
    skip_to = -1  # units up to this one are dropped already
    unit_keys = [fold(plain(text).strip()) for _i, _j, text in units]
    trimmed: dict[int, str] = {}  # paragraphs of the writer's own that lose the notice closing them
    for n, (i, j, text) in enumerate(units):
        if n <= skip_to:
            continue
        t = plain(text).strip()
        key = (i, j)
        rule = match_rule(t)
        number = _STEP.match(t)
        item = j >= 0 and blocks[i].kind == LIST
        ordered = item and blocks[i].ordered  # an item of a numbered list
        if number or ordered:
            if ordered and j == 0:
                step = blocks[i].start - 1  # a list numbers its items from its first one's number
            at = blocks[i].start + j if ordered else int(number.group(1))
            # the next step of the article's own numbered list, a sentence: its words (举报电话, 版权) are
            # the subject, not a notice
            if rule and at == step + 1 and len(t) >= MIN_STEP_CHARS and _SENTENCE.search(t):
                rule = None
            step = at if not rule else step
        # a label of other stories' lists followed by a statement of the article (排行榜：可以设置一个
        # 推荐排行榜，对……进行奖励。): an item of the article's own list
        if rule and rule.name == "related" and statement(_COLON.split(t, maxsplit=1)[-1]):
            rule = None
        # a paragraph of the writer's own that closes with a notice (……跌破12块再考虑补。以上仅代表个人观点，
        # 不构成投资建议。): its opening sentences match no rule, so it is the text's
        if rule and rule.name == "copyright" and own_opening(t):
            rule = None
            own = own_part(t)
            # (a site's notice glued to the last paragraph goes, when the paragraph is plain text; the
            # writer's own short caveat, 以上仅代表个人观点, stays with it)
            if j < 0 and plain(blocks[i].text).strip() == blocks[i].text.strip() and len(t) - len(own) >= MIN_TRIMMED_NOTICE_CHARS:
                trimmed[i] = own
                removed.append(Removed(t[len(own):].strip(), "版权或免责声明"))
        if rule and rule.name == "image_notice" and j < 0 and plain(blocks[i].text).strip() == blocks[i].text.strip() \
                and (caption := caption_part(t)):
            removed.append(Removed(t[len(caption):].strip(), rule.reason))  # the caption stays, its picture's credit goes
            trimmed[i], rule, blocks[i] = caption, None, replace(blocks[i], kind=PARAGRAPH, level=0)  # (it heads no section)
        if rule and rule.name in _NAMING_RULES:
            named.append(t)
        # a page copied after its text was expanded: the text goes on right under its 展开全文 (or
        # under the next section's heading)
        if rule and rule.name == "post_controls" and (EXPAND.match(t) and expanded(units, n) or answers_follow(units, n)):
            drop_item[key] = rule.reason
            continue
        # a line sending readers to another story inside the article (相关阅读：某某), with the article's
        # own sentences going on under it (past a list of such stories under the label): that line goes
        if rule and rule.name == "related" and prose >= MIN_PROSE_BEFORE_CUT and (lines := resumes(blocks, units, n)):
            for m in range(n, n + lines):
                drop_item[units[m][:2]] = rule.reason
            skip_to = n + lines - 1
            continue
        # the comments under one answer of a Q&A page (113 条评论, 其他类似问题 between), more answers following
        # them: no end; the label goes
        if rule and rule.name in ("comments", "related") and more_answers(units, n):
            drop_item[key] = rule.reason
            continue
        # a control under each answer of a Q&A page copied as text (你对这个回答的评价是？), or a thread's
        # related threads under its first post (相关帖子), the thread's posts going on below it
        # (pagecopy.thread_posts), or 全部评论 over a short post's comments (its text): no end; it goes
        if rule and (rule.name in ("post_controls", "related") or (rule.name == "comments" and commented)) and posts and any(plain(x[2]).strip() in posts for x in units[n + 1:]):
            drop_item[key] = rule.reason
            continue
        # a page's running footer (a report's © line at the foot of every page, the text going on
        # between them): no end; each of them goes
        if rule and rule.ends_article and runs_on(units, n, unit_keys):
            drop_item[key] = rule.reason
            continue
        # a Q&A page's note on one answer (此答案由提问者自己选择，并不代表本站的观点): the answer follows it
        if rule and rule.ends_article and ANSWER_NOTE.search(t):
            drop_item[key] = rule.reason
            continue
        if rule and rule.ends_article and prose >= MIN_PROSE_BEFORE_CUT and (
            seen / total >= MIN_ARTICLE_SHARE
            # a short article above a long footer: enough prose before, and more furniture right after
            or (prose >= MIN_PROSE_SHORT_ARTICLE and any(match_rule(plain(x[2])) for x in units[n + 1:n + 4]))
        ):
            cut_at, cut_reason = i, rule.reason
            break
        if rule:
            drop_item[key] = rule.reason
        elif metadata_parts(t) or (blocks[i].kind != QUOTE and poster_byline(t)):
            drop_item[key] = "元数据行（已记入作者、来源或日期）"
        elif (m := meta_line(t)) and not (prose >= MIN_PROSE_BEFORE_CUT and dateline(m)) \
                and not (prose >= MIN_PROSE_BEFORE_CUT and closing_credit(t) and _last_line(units[n + 1:])):
            drop_item[key] = "元数据行（已记入作者、来源或日期）"
        elif (bio := _PAPER_BIO.match(t)) or _PAPER_AUTHORS.match(t):  # dropped below if the text is a paper
            paper_lines.append((key, "" if bio else "、".join(re.findall(NAME, t))))
        elif _repeatable(t) and fold(t) in said and not (item and fold(t) in listed) \
                and blocks[i].kind != HEADING:
            # (an item of a list that repeats an earlier list's stays: 高级岗位 needs the skills 中级 does too;
            # so does a heading an outline above named first)
            drop_item[key] = "重复的段落（页面上第二次出现的摘要或引言）"
        elif fold(t) in banners:
            drop_item[key] = "重复出现的站点名或横幅"
            site = site or (t if fold(t) in framing else "")  # a site's name is what it repeats at top and bottom
        elif len(t) >= MIN_TEXT_CHARS:
            prose += 1
        if _repeatable(t):
            said.add(fold(t))
            if item:
                listed.add(fold(t))
        seen += len(t)

    # A line of names with affiliation numbers is a paper's author line, and 作者简介：… its authors'
    # note, when the text has a paper's front matter (keywords, classification number, affiliations).
    if paper_lines and PAPER_REASON in drop_item.values():
        for key, names in paper_lines:
            drop_item[key] = PAPER_REASON
            author = author or names

    # A paper's 作者简介 section: the heading and what stands under it, up to the next heading.
    for i, b in enumerate(blocks):
        if b.kind == HEADING and _BIO_HEADING.match(plain(b.text).strip()):
            for k in range(i, len(blocks)):
                if k > i and blocks[k].kind == HEADING and blocks[k].level <= b.level:
                    break
                drop_block.setdefault(k, PAPER_REASON)

    # A table of contents: its header and the entries that name sections further down.
    for n, (_i, _j, text) in enumerate(units):
        if _TOC_HEADER.match(plain(text).strip()):
            entries = toc_entries(units, n)
            if entries:
                for m in range(n, n + entries + 1):
                    drop_item.setdefault(units[m][:2], "文章目录")

    # A contact block: two or more short labelled lines in a row (地址：… 电话：… 邮编：…), or as
    # many labelled fields on one line: the site's or company's address under the article; one such
    # field alone is left to the rules.
    run: list[tuple[int, int]] = []
    for i, j, text in units + [(-1, -1, "")]:
        t = plain(text).strip()
        if len(t) <= MAX_CONTACT_CHARS and _CONTACT_LABEL.match(t):
            # (one line holding an address with its postcode or phone: a whole block; a notice's
            # contact person and phone on a line is the notice's)
            run.extend([(i, j)] * (MIN_CONTACT_LINES if _ADDRESS_LABEL.search(t) and len(_CONTACT_LABEL.findall(t)) > 1 else 1))
            continue
        if len(run) >= MIN_CONTACT_LINES:
            for key in run:
                drop_item.setdefault(key, "联系方式与地址")
        run = []

    # A promotion card: a promo link, the promoted headline and teaser, then its call to
    # action (查看详情). The lines between two dropped promo lines go with them.
    for n, (i, j, text) in enumerate(units):
        if drop_item.get((i, j)) and _CALL_TO_ACTION.match(plain(text).strip()):
            for back in range(max(0, n - MAX_CARD_LINES - 1), n):
                bi, bj, _t = units[back]
                if drop_item.get((bi, bj)) == FOLLOW_REASON:
                    for m in range(back + 1, n):
                        drop_item.setdefault(units[m][:2], "推广卡片（链接、标题与摘要）")
                    break

    if cut_at is not None:
        for i in range(cut_at, len(blocks)):
            if blocks[i].kind == HEADING and POST_HEADING.match(plain(blocks[i].text).strip()):
                break  # the posts of the page's thread (thread.py) follow the article's end
            drop_block[i] = f"正文之后的站点内容（从「{cut_reason}」开始）"

    # A table of labelled fields, most of them ones the rules or the metadata reader know (索引号：…,
    # 主题分类：…, 发布机构：…, 名称：…): a government site's index of its public information, not the article's
    for i, b in enumerate(blocks):
        if b.kind == TABLE and i not in drop_block and (cells := [t for c in b.texts() if (t := plain(c).strip())]) \
                and all(_TABLE_FIELD.match(c) for c in cells) \
                and sum(1 for c in cells if match_rule(c) or meta_line(c)) >= KNOWN_FIELDS_SHARE * len(cells):
            drop_block[i] = "表格里的索引与元数据字段"

    kept: list[Block] = []
    for i, b in enumerate(blocks):
        if i in drop_block:
            removed.extend(Removed(t, drop_block[i]) for t in b.plain_text().split("\n") if t.strip())
            continue
        if b.kind in (LIST, QUOTE):
            items = []
            for j, t in enumerate(b.items):
                if (i, j) in drop_item:
                    removed.append(Removed(plain(t), drop_item[(i, j)]))
                else:
                    items.append(t)
            if items:  # (the items dropped before the first kept one: the rest keep their numbers)
                head = next(j for j in range(len(b.items)) if (i, j) not in drop_item)
                kept.append(replace(b, items=tuple(items), start=b.start + head))
            continue
        if (i, -1) in drop_item:
            removed.append(Removed(plain(b.text), drop_item[(i, -1)]))
            continue
        kept.append(replace(b, text=trimmed[i]) if i in trimmed else b)
    kept = _captions_once(kept)

    # The title: front matter, else the longest of the short lines that open what is left,
    # page furniture aside (a skip or login link, a menu word, the site's name, a list of
    # authors); the furniture above it goes too.
    title = meta.title
    pick, around = (None, []) if title else title_index(kept, site, author, named)
    if pick is not None:
        for i in around:
            text = kept[i].plain_text()
            if i > pick:
                removed.append(Removed(text, "元数据行（已记入作者、来源或日期）"))
                date = date or normalize_date(text)
                continue
            removed.append(Removed(text, "标题之前的站点内容（导航、登录、站点名、作者列表）"))
            if not author and AUTHOR_LIST.match(text):
                author = listed_authors(text)
        title = plain(kept[pick].text).strip()
        removed.append(Removed(title, "标题（移入页面标题）", "meta"))
        kept = [b for i, b in enumerate(kept) if i != pick and i not in around]
    if not title:
        title = fallback_title(kept)
    # a notice's metadata table names it with a label (标　　题：某某通知): the headline is the value
    labelled = _TITLE_LABEL.sub("", title)
    if han_count(labelled) >= MIN_HEADLINE_HAN:
        title = labelled
    # a document's page on a library site is headed by its file's name (某某报告.pdf): the name is the headline
    named_file = FILE_NAME.sub("", title)
    if han_count(named_file) >= MIN_HEADLINE_HAN:
        title = named_file

    final: list[Block] = []
    for b in kept:
        if b.kind == IMAGE:
            if _is_decorative(b):
                removed.append(Removed(f"[图片] {b.src or '（无地址）'}", "装饰图片（表情包、动图或无地址）"))
                continue
            alt = plain(b.text).strip()
            if alt and (is_keyword_stuffed(alt) or repeats_title(alt, title) or fold(alt) in banners):
                removed.append(Removed(alt, "图片的关键词堆砌或重复标题的说明文字"))
                b = replace(b, text="")
            final.append(replace(b, items=()))
            continue
        if b.kind == TABLE:
            final.append(b)
            continue
        texts = [t for t in b.texts() if not repeats_title(t, title)]
        for t in b.texts():
            if repeats_title(t, title):
                removed.append(Removed(plain(t), "重复标题的图片说明或引言"))
        if not texts:
            continue
        final.append(replace(b, items=tuple(texts)) if b.kind in (LIST, QUOTE) else b)

    # A heading whose section cleaning emptied goes too (its text was site furniture, 相关推荐);
    # one that had no text of its own in the page (a part title above its first subheading, a
    # heading above a picture) stays: that is no evidence against it.
    had_body = {id(b) for k, b in enumerate(blocks) if b.kind == HEADING and _has_section(blocks, k)}
    final, gone = counted_feeds(final)  # a feed of other items, each with its views (feeds.py)
    removed.extend(gone)
    result: list[Block] = []
    for k, b in enumerate(final):
        if b.kind == HEADING:
            nxt = next((x for x in final[k + 1:]), None)
            if nxt is None and result and _numbered_run(result[-1], b):
                b = replace(b, kind=PARAGRAPH, level=0)  # the last of the text's numbered points (1️⃣ …, 2️⃣ …)
            elif nxt is None or (nxt.kind == HEADING and nxt.level <= b.level and id(b) in had_body):
                removed.append(Removed(plain(b.text), "没有正文的标题"))
                continue
        prev = result[-1] if result else None
        if prev and b.kind == LIST and prev.kind == LIST and prev.ordered == b.ordered \
                and b.start in (1, prev.start + len(prev.items)):
            # a list split by a caption or notice that is now gone becomes one list again (one that
            # numbers its first item otherwise is a list of its own)
            result[-1] = replace(prev, items=prev.items + b.items)
            continue
        result.append(b)
    # other stories' headlines after the article's last text (feeds.py)
    result, gone = trailing_headlines(result, doc.page_copy, posts)
    removed.extend(gone)

    new_meta = Meta(title=title, author=plausible_name(author), date=date, site=plausible_name(site),
                    categories=categories)
    stats = replace(doc.stats, lines_removed=doc.stats.lines_removed + len(removed))
    return replace(doc, blocks=tuple(result), meta=new_meta, removed=doc.removed + tuple(removed), stats=stats)


_SPACED_WORDS = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")  # Han words set apart: buttons or a menu


_CLAUSED_SENTENCE = re.compile(r"[，,；;].*[。？！?!]$")
_TITLE_LABEL = re.compile(rf"^\s*{TITLE_LABEL}\s*[:：]\s*")


_NAMING_RULES = {"copyright", "repost_note", "submission", "follow_prompt"}  # lines that name the site


def toc_entries(units: list[tuple[int, int, str]], n: int) -> int:
    """How many lines after the header at ``n`` are table-of-contents entries: each names
    a line further down (a section heading), perhaps with a page number; 0 for fewer than two."""
    count = 0
    for m in range(n + 1, min(len(units), n + 1 + MAX_TOC_ENTRIES)):
        key = fold(_TOC_PAGE.sub("", plain(units[m][2]).strip()))
        if len(key) < 2 or len(key) > MAX_TITLE_CHARS:
            break
        later = (fold(plain(u[2])) for u in units[m + 1:])
        if not any(len(k) <= MAX_TITLE_CHARS and key in k for k in later):
            break
        count += 1
    return count if count >= 2 else 0


def _numbered_run(prev: Block, b: Block) -> bool:
    """``b`` is numbered like the line before it, which was kept: a point of a numbered run, not a heading."""
    return all(x.kind in (HEADING, PARAGRAPH) and _SECTION_NUMBER.match(plain(x.text).strip()) for x in (prev, b))


def _has_section(blocks: list[Block], k: int) -> bool:
    """The heading at ``k`` has some non-heading block before the next heading of its level."""
    for b in blocks[k + 1:]:
        if b.kind == HEADING:
            if b.level <= blocks[k].level:
                return False
            continue
        return True
    return False
