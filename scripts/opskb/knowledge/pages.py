"""Stage 9b: Markdown for the knowledge pages, from the extracted Knowledge.

Every statement is a Claim rendered as its text followed by a citation link
(``a.cite``) to the source paragraph's anchor.
"""

from __future__ import annotations

import hashlib
import re

from ..ingest.article import slug as slug_of
from ..ingest.render import front_matter, md_escape
from ..records import Article
from .base import topics
from .extract import ANSWERED, Claim, Knowledge, by_support, question_key, sentences
from .svg import bars, pyramid

SNIPPETS = "_snippets/abbreviations.md"
HAN_TERMS = "_snippets/han-terms.md"  # read by the opskb.site.tooltips Markdown extension
TOOLTIP_CHARS = 60
# Material's per-page search boost: a concept's own page first, then the
# knowledge pages, then the source articles (see render.source_page).
BOOST_CONCEPT = 4
BOOST_KNOWLEDGE = 2


_TITLE_UNSAFE = re.compile(r"[^\w\s\u3000-\u303f\uff01-\uff5e·—…-]|[（）()＜＞<>\[\]“”\"']")


def source_link(claim: Claim, prefix: str) -> str:
    """The link target of a claim's paragraph, with its hover title. The title holds only
    words and plain punctuation: no brackets or quotes from a seed may end the link early."""
    title = _TITLE_UNSAFE.sub("", claim.title)
    return f'{prefix}sources/{claim.slug}.md#{claim.anchor} "出自《{title}》"'


def cite(claim: Claim, prefix: str) -> str:
    return f"[↗]({source_link(claim, prefix)}){{ .cite }}"


def stated(claim: Claim, prefix: str, text: str | None = None) -> str:
    """A claim's text (or a shorter verbatim piece of it) with its citation."""
    return f"{md_escape(text if text is not None else claim.text)} {cite(claim, prefix)}"


def cell(claims: tuple[Claim, ...], prefix: str) -> str:
    return "<br>".join(stated(c, prefix) for c in claims) if claims else "—"


def _sources_of(claims) -> str:
    titles = []
    for c in claims:
        if c.title not in titles:
            titles.append(c.title)
    return "、".join(f"《{md_escape(t)}》" for t in titles)


def page_head(title: str, description: str, heading: str | None = None, boost: float = BOOST_KNOWLEDGE) -> list[str]:
    """Front matter (with the page's search boost) and the page's H1."""
    return [front_matter({"title": title, "description": description, "search": {"boost": boost}}), f"# {heading or title}\n"]


def concept_slug(name: str) -> str:
    return slug_of(name) or "concept"


# ------------------------------------------------------------------ pages


# How much a page shows before "the rest is one click away" (sizes stay flat as sources grow)
CELL_CLAIMS = 3  # statements per cell of the eight-axis table
MATRIX_CLAIMS = 2  # per cell of the full matrix
INDEX_SECTIONS = 2  # sources' sections per axis on the comparison page
AXIS_SECTIONS = 40  # sources' sections in full on an axis page; the others as links
LISTED = 15  # common ground, synergy: statements shown, the rest collapsed
MORE_LIMIT = 300  # collapsed or linked items at most
FAQ_ANSWERS = 3  # answers quoted per question; the others are links
FAQ_LINKS = 30


def ranked_cell(claims, prefix: str, limit: int, more: str, seen: set | None = None) -> str:
    """The strongest ``limit`` statements of a cell, and a link to the rest; a statement
    already shown in another cell of the same table (``seen``) is not shown again."""
    ranked = [(c, n) for c, n in by_support(claims) if seen is None or c.key not in seen]
    if seen is not None:
        seen.update(c.key for c, _n in ranked[:limit])
    if not ranked:
        return "—"
    shown = [stated(c, prefix) + (f"（{n} 篇来源）" if n > 1 else "") for c, n in ranked[:limit]]
    if len(ranked) > limit:
        shown.append(f"[另有 {len(ranked) - limit} 条 →]({more})")
    return "<br>".join(shown)


def _listed(claims, prefix: str, empty: str, rank: bool = True, what: str = "") -> list[str]:
    """A list of statements, the strongest first (or in the given order, without ``rank``);
    beyond LISTED, collapsed."""
    ordered = [c for c, _n in by_support(claims)] if rank else list(claims)
    if not ordered:
        return [empty]
    out = [f"- {stated(c, prefix)}" for c in ordered[:LISTED]]
    rest = ordered[LISTED:LISTED + MORE_LIMIT]
    if rest:
        out += ["", f'??? note "其余 {len(ordered) - LISTED} 条{what}"\n'] + [f"    - {stated(c, prefix)}" for c in rest]
    return out


def compare_page(k: Knowledge) -> dict[str, str]:
    p = "../"
    present = [s for s in k.sides if any(ax.cells(s) for ax in k.axes)]
    core = [ax for ax in k.axes if ax.name in k.core_axes]
    lines = [
        *page_head("社群运营与用户运营的对比", "按运营载体、用户规模等维度逐项对比社群运营和用户运营，每一格都注明出处。"),
        "下面的每一格都摘自来源文章，点击 ↗ 可以跳到原文段落；多篇来源说法相同的排在前面。"
        "每个维度的全部说法在它自己的页面上。\n",
        "## 八个维度一览\n",
        "| 维度 | 社群运营 | 用户运营 | 出处 |",
        "|---|---|---|---|",
    ]
    shown: set = set()
    for ax in core:
        a, b = ax.cells(k.sides[0]), ax.cells(k.sides[1])
        page = axis_page_name(ax.name)
        lines.append(f"| [{ax.name}]({page}) | {ranked_cell(a, p, CELL_CLAIMS, page, shown)} | {ranked_cell(b, p, CELL_CLAIMS, page, shown)} "
                     f"| {_sources_of(c for c, _n in by_support(a + b)[:2 * CELL_CLAIMS])} |")
    lines.append("\n## 完整对比矩阵\n")
    lines.append("其他文章从更多角度做过对比，也有文章比较的是社区运营与社群运营；同一个维度放在同一行。\n")
    lines.append("| 维度 | " + " | ".join(present) + " |")
    lines.append("|---" * (len(present) + 1) + "|")
    shown = set()
    for ax in k.axes:
        page = axis_page_name(ax.name)
        lines.append(f"| [{ax.name}]({page}) | " + " | ".join(ranked_cell(ax.cells(s), p, MATRIX_CLAIMS, page, shown) for s in present) + " |")
    lines.append("\n## 逐项说明\n")
    for ax in k.axes:
        lines.append(f"### {ax.name} {{ #{axis_anchor(ax.name)} }}\n")
        lines += _sections(ax.sections[:INDEX_SECTIONS], p)
        if len(ax.sections) > INDEX_SECTIONS:
            lines.append(f"[全部 {len(ax.sections)} 篇来源的说明 →]({axis_page_name(ax.name)})\n")
    lines.append("## 共同点\n")
    lines += _listed(k.common, p, "来源中还没有谈到共同点。")
    lines.append("\n## 如何协同\n")
    lines += _listed(k.synergy, p, "来源中还没有谈到两者如何配合。")
    pages = {"compare/index.md": "\n".join(lines) + "\n"}
    for ax in k.axes:
        pages[f"compare/{axis_page_name(ax.name)}"] = axis_page(k, ax, present)
    return pages


def _sections(sections, p: str) -> list[str]:
    lines = []
    for sec in sections:
        src = (sec.reasoning or [c for _side, c in sec.cells])[0].title
        lines.append(f"**《{md_escape(src)}》：{md_escape(sec.heading)}**\n")
        lines.extend(f"- {stated(c, p)}" for c in sec.reasoning)
        lines.append("")
    return lines


def axis_page_name(name: str) -> str:
    return f"{axis_anchor(name)}.md"


def axis_page(k: Knowledge, ax, present: list[str]) -> str:
    """One axis in full: every side's statements, strongest first, and each source's section."""
    p = "../"
    lines = [*page_head(f"对比：{ax.name}", f"社群运营与用户运营在{ax.name}上的区别：各来源的说法和原文。"),
             "[← 返回对比总表](index.md)\n"]
    for side in present:
        ranked = by_support(ax.cells(side))
        if not ranked:
            continue
        lines.append(f"## {side}\n")
        lines += [f"- {stated(c, p)}" + (f"（{n} 篇来源）" if n > 1 else "") for c, n in ranked[:MORE_LIMIT]]
        lines.append("")
    lines.append("## 各来源的说明\n")
    lines += _sections(ax.sections[:AXIS_SECTIONS], p)
    rest = ax.sections[AXIS_SECTIONS:AXIS_SECTIONS + MORE_LIMIT]
    if rest:
        links = []
        for sec in rest:
            c = (sec.reasoning or [c for _side, c in sec.cells])[0]
            links.append(f"[《{md_escape(c.title)}》]({p}sources/{c.slug}.md#{c.anchor})")
        lines.append(f"另有 {len(ax.sections) - AXIS_SECTIONS} 篇来源谈到{ax.name}：" + "、".join(links) + "\n")
    return "\n".join(lines) + "\n"


def axis_anchor(name: str) -> str:
    return "axis-" + (slug_of(name) or "x")


CONCEPT_DEFINITIONS = 3  # definitions shown on a concept page
CONCEPT_POINTS = 12  # main points shown; the other sources are listed as links


def concepts_pages(k: Knowledge) -> dict[str, str]:
    p = "../"
    pages = {}
    index = [
        *page_head("概念", "社群运营、用户运营、社区运营等核心概念：来源文章给出的定义和主要观点。"),
        "| 概念 | 定义 | 观点 |",
        "|---|---|---|",
    ]
    glossary = {t.term for t in k.terms}
    for c in k.concepts:
        slug = concept_slug(c.name)
        index.append(f"| [{c.name}]({slug}.md) | {len(c.definitions)} | {len(c.claims)} |")
        first = c.definitions[0].text if c.definitions else c.claims[0].text
        lines = page_head(c.name, _short(first), boost=BOOST_CONCEPT)
        if c.definitions:  # in the order extract ranked them: the strongest definition first
            lines.append("## 定义\n")
            lines += [f"- {stated(d, p)}" for d in c.definitions[:CONCEPT_DEFINITIONS]]
            lines.append("")
        elif meaning := _listed_meaning(c.name):  # no source defines it: the site's own gloss, said so
            see = f"（见[术语表]({p}glossary/index.md#{term_anchor(c.name)})）" if c.name in glossary else ""
            lines += ["## 定义\n", f"本站释义：{md_escape(meaning)}。来源文章中还没有给出它的定义{see}。\n"]
        if c.claims:
            lines.append("## 相关论述\n" if c.mentions_only else "## 主要观点\n")
            lines.append("多篇来源都这样说的排在前面，括号里是来源篇数。\n")
            lines += [f"- {stated(x, p)}" + (f"（{n} 篇来源）" if n > 1 else "") for x, n in by_support(c.claims)[:CONCEPT_POINTS]]
            lines.append("")
        rest = _rest_sources(c, p)
        if rest:
            lines += ["## 更多来源\n", rest, ""]
        sources = _sources_of(c.definitions[:CONCEPT_DEFINITIONS] + tuple(x for x, _n in by_support(c.claims)[:CONCEPT_POINTS]))
        lines.append(f"出处：{sources}\n")
        pages[f"concepts/{slug}.md"] = "\n".join(lines)
    pages["concepts/index.md"] = "\n".join(index) + "\n"
    return pages


def _listed_meaning(name: str) -> str:
    """The short meaning the topics file gives ``name`` as a glossary term, if any."""
    entry = next((t for t in topics()["terms"] if name in [t["term"], *(t.get("aliases") or [])]), {})
    return (entry.get("expansion") or "").rstrip("。")


def _rest_sources(c, p: str) -> str:
    """The statements not shown, as links to their paragraphs grouped by source: the long
    tail is one click away without filling the page."""
    shown = {x.key for x in c.definitions[:CONCEPT_DEFINITIONS]} | {x.key for x, _n in by_support(c.claims)[:CONCEPT_POINTS]}
    rest = [x for x in list(c.definitions[CONCEPT_DEFINITIONS:]) + [x for x, _n in by_support(c.claims)] if x.key not in shown]
    by_source: dict[str, list[Claim]] = {}
    for x in rest:
        by_source.setdefault(x.slug, []).append(x)
    if not by_source:
        return ""
    links = "；".join(
        f"《{md_escape(xs[0].title)}》" + "、".join(f"[{n}]({p}sources/{x.slug}.md#{x.anchor})" for n, x in enumerate(xs, 1))
        for xs in list(by_source.values())[:MORE_LIMIT]
    )
    return f"另有 {len(rest)} 条说法，出自 {len(by_source)} 篇来源：{links}"


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(claims, p: str) -> list[str]:
    """The verbatim source sentences a summary table was read from, each cited."""
    seen, out = set(), []
    for c in claims:
        if c.key not in seen:
            seen.add(c.key)
            out.append(f"- {stated(c, p)}")
    return ["原文：\n", *out, ""] if out else []


def _row_link(c: Claim, p: str) -> str:
    """A summary table row's source: a link to the paragraph it was read from."""
    return f"[《{md_escape(c.title)}》]({p}sources/{c.slug}.md#{c.anchor})"


def layering_pages(k: Knowledge) -> dict[str, str]:
    p = "../"
    L = k.layering
    pages: dict[str, str] = {}
    lines = [
        *page_head("用户分层", "RFM 模型、KOL 分层、活跃度分层和用户标签的三个维度，整理自来源文章。"),
        "用户分层是精细化运营的基础。下面整理来源文章中提到的几种分层方法；每张表都由紧随其后的原文整理而来。\n",
        "## RFM 模型\n",
    ]
    if L.rfm_letters:  # a summary table; each row links the paragraph it was read from
        lines += ["| 字母 | 衡量什么 | 出处 |", "|---|---|---|"]
        lines += [f"| {letter} | {md_escape(meaning)} | {_row_link(c, p)} |" for letter, meaning, c in L.rfm_letters]
        lines.append("")
    if L.rfm_groups:
        lines += ["按 RFM 分出的用户群：\n", "| 序号 | 用户群 | 出处 |", "|---|---|---|"]
        lines += [f"| {i} | {md_escape(g)} | {_row_link(c, p)} |" for i, (g, c) in enumerate(L.rfm_groups, start=1)]
        lines.append("")
    others = [c for c in L.rfm_claims if c.key not in {x.key for *_y, x in L.rfm_letters + L.rfm_groups}]
    if others:
        lines += ["来源中的其他说法：\n"] + _listed(others, p, "") + [""]
    lines.append("## KOL 分层\n")
    if L.kol_criteria:
        lines += ["| 分层依据 |", "|---|"] + [f"| {md_escape(x)} |" for x, _c in L.kol_criteria] + [""]
        lines += _quoted([c for _x, c in L.kol_criteria], p)
    if L.kol_pyramid:
        pages["layering/kol-pyramid.svg"] = pyramid([x for x, _c in L.kol_pyramid], "KOL 内容金字塔")
        lines.append("![KOL 内容金字塔：" + "、".join(md_escape(x) for x, _c in L.kol_pyramid) + "](kol-pyramid.svg)\n")
        lines += ["| 层级（自上而下） | 出处 |", "|---|---|"] + [f"| {md_escape(x)} | {_row_link(c, p)} |" for x, c in L.kol_pyramid] + [""]
    used = {c.key for _x, c in L.kol_criteria + L.kol_pyramid}
    others = [c for c in L.kol_claims if c.key not in used]
    if others:
        lines += ["来源中的其他说法：\n"] + _listed(others, p, "") + [""]
    lines.append("## 活跃度分层\n")
    if L.activity:
        shares = [(lv, float(share.rstrip("%"))) for lv, share, _c in L.activity if share]
        if shares:
            pages["layering/activity-shares.svg"] = bars(shares, "社区用户的活跃度构成")
            lines.append("![活跃度分层：" + "、".join(f"{lv} {v:g}%" for lv, v in shares) + "](activity-shares.svg)\n")
        lines += ["| 层级 | 占比 | 出处 |", "|---|---|---|"]
        lines += [f"| {md_escape(lv)} | {share or '—'} | {_row_link(c, p)} |" for lv, share, c in L.activity] + [""]
    if L.methods:
        lines.append("## 其他分层方法\n")
        lines.append("来源中把用户分成几层、几类的说法，多篇来源都这样说的排在前面。\n")
        lines += _listed(L.methods, p, "")
        lines.append("")
    lines.append("## 用户标签的三个维度\n")
    if L.tag_claim:
        lines.append(stated(L.tag_claim, p) + "\n")
    if L.tag_dimensions:
        lines += ["| 维度 | 来源中的说法 |", "|---|---|"]
        lines += [f"| {md_escape(d)} | {cell(cs, p)} |" for d, cs in L.tag_dimensions]
        lines.append("")
    pages["layering/index.md"] = "\n".join(lines) + "\n"
    return pages


def faq_page(k: Knowledge) -> str:
    p = "../"
    lines = [
        *page_head("常见问题", "社群运营是纯销售吗？如何判断一个社群是否健康？来源文章中提出并回答过的问题。"),
        f"{len(k.questions)} 个问题：来源文章中提出并回答过的问题，两种运营在各个维度上的不同，"
        "以及每个有来源定义的概念和术语的“什么是”。"
        "点击问题展开回答，↗ 指向原文段落。\n",
    ]
    used: set[str] = set()
    for q in k.questions[:MORE_LIMIT]:
        # a heading per question: its own search result and a link target
        anchor = question_anchor(q.question)
        if anchor in used:  # two long questions that begin alike
            anchor += "-" + hashlib.sha1(q.question.encode()).hexdigest()[:6]
        used.add(anchor)
        lines.append(f"## {md_escape(q.question)} {{ #{anchor} }}\n")
        lines.append(f'??? question "回答（{len(q.answers)} 段原文）"\n')
        for a in q.answers[:FAQ_ANSWERS]:  # the best first: a definition, then what most sources say
            lines.append(f"    - {stated(a, p, _answer_text(a))}")
        more = q.answers[FAQ_ANSWERS:FAQ_ANSWERS + FAQ_LINKS]
        if more:
            links = "、".join(f"[《{md_escape(a.title)}》]({p}sources/{a.slug}.md#{a.anchor})" for a in more)
            lines.append(f"\n    其他来源的回答（{len(q.answers) - FAQ_ANSWERS} 段）：{links}")
        # the question is the heading; where a source asks it is a link, not a statement
        if q.asked is not None:
            lines.append(f"\n    [原文中的提问]({source_link(q.asked, p)}){{ .asked }}\n")
        else:
            lines.append("")
    return "\n".join(lines) + "\n"


def question_anchor(question: str) -> str:
    return "q-" + (slug_of(question_key(question))[:40] or "x")


def _answer_text(claim: Claim) -> str:
    return ANSWERED.sub("", claim.text).lstrip()


def glossary_page(k: Knowledge) -> str:
    p = "../"
    lines = [
        *page_head("术语表", "RFM、KOL、LTV、私域流量、裂变等运营术语：来源文章中的释义和用法。"),
        f"来源文章中出现的 {len(k.terms)} 个术语和缩写。释义摘自来源，在全站正文中悬停术语即可看到含义。\n",
        # the glossary itself shows no tooltips (see tooltips.py)
        "<!-- kb-no-tooltips -->\n",
    ]
    for t in sorted(k.terms, key=lambda t: (not re.match(r"[A-Za-z]", t.term), t.term.lower())):
        lines.append(f"### {md_escape(t.term)} {{ #{term_anchor(t.term)} }}\n")
        if t.expansion:
            lines.append(f"全称或含义：{md_escape(t.expansion)}\n")
        if t.definition:
            if t.expansion:  # set apart from the listed meaning: a second text, from a source
                lines.append("来源中的定义：\n")
            lines.append(f"{stated(t.definition, p)}\n")
        elif not t.expansion:
            lines.append("来源中没有给出定义，下面是用到它的地方。\n")
        others = [u for u in t.uses if not t.definition or u.anchor != t.definition.anchor]
        if others:
            by_source: dict[str, list[Claim]] = {}
            for u in others:
                by_source.setdefault(u.slug, []).append(u)
            links = "；".join(
                f"《{md_escape(us[0].title)}》" + "、".join(f"[{n}]({p}sources/{u.slug}.md#{u.anchor})" for n, u in enumerate(us, 1))
                for us in by_source.values()
            )
            lines.append(f"用到的地方：{links}\n")
    return "\n".join(lines) + "\n"


def term_anchor(term: str) -> str:
    return "term-" + (slug_of(term) or re.sub(r"[^a-z0-9]+", "", term.lower()) or "x")


def abbreviations(k: Knowledge) -> str:
    """Latin abbreviations with their expansion, as ``*[ABC]: meaning`` lines: read once
    per build by the opskb.site.tooltips extension, which marks them on every page."""
    lines = []
    for t in k.terms:
        if re.fullmatch(r"[A-Za-z]{2,8}", t.term) and t.expansion:
            lines.append(f"*[{t.term}]: {t.expansion}")
    return "\n".join(sorted(lines)) + "\n"


def han_terms(k: Knowledge) -> str:
    """Glossary terms in Han characters with their short meaning (the expansion, else the
    defining sentence), as ``*[term]: meaning`` lines for the tooltips extension."""
    lines = []
    for t in k.terms:
        if not re.search(r"[\u4e00-\u9fff]", t.term):
            continue
        meaning = t.expansion or (t.definition.text if t.definition else "")
        if meaning:
            lines.append(f"*[{t.term}]: {_short(' '.join(meaning.split()), TOOLTIP_CHARS)}")
    return "\n".join(sorted(lines)) + "\n"


def home_page(k: Knowledge, articles: list[Article]) -> str:
    p = ""
    answer = _short_answer(k)
    core = [ax for ax in k.axes if ax.name in k.core_axes]
    lines = [
        front_matter({
            "title": "社群运营和用户运营有什么区别？",
            "description": "运营知识库：从公开文章整理出的社群运营与用户运营对比、概念、用户分层、常见问题和术语表，每条都注明出处。",
        }),
        "# 社群运营和用户运营有什么区别？\n",
    ]
    if answer:
        lines.append("!!! abstract \"简短回答\"\n")
        lines.extend(f"    {stated(c, p, text)}" for c, text in answer)
        lines.append("")
    lines += ["## 八个维度一览\n", "| 维度 | 社群运营 | 用户运营 |", "|---|---|---|"]
    for ax in core:
        a, b = ([c for c, _n in by_support(ax.cells(side))[:1]] for side in k.sides[:2])
        lines.append(f"| [{ax.name}](compare/{axis_page_name(ax.name)}) | {cell(a, p)} | {cell(b, p)} |")
    lines += [
        "",
        "## 从这里开始\n",
        f"- [概念](concepts/index.md)：{len(k.concepts)} 个核心概念的定义和观点",
        f"- [对比](compare/index.md)：{len(k.axes)} 个维度的完整对比，以及两者的共同点和协同",
        "- [用户分层](layering/index.md)：RFM、KOL 金字塔、活跃度分层和用户标签",
        f"- [常见问题](faq/index.md)：{len(k.questions)} 个问题",
        f"- [术语表](glossary/index.md)：{len(k.terms)} 个术语",
        f"- [来源](sources/index.md)：{len(articles)} 篇文章",
        "",
        '<div class="kb-counts" markdown>',
        "",
        "| 来源 | 概念 | 问题 | 术语 |",
        "|---|---|---|---|",
        f"| {len(articles)} | {len(k.concepts)} | {len(k.questions)} | {len(k.terms)} |",
        "",
        "</div>",
    ]
    return "\n".join(lines) + "\n"


def _short_answer(k: Knowledge) -> list[tuple[Claim, str]]:
    """The first two sentences answering the site's question, from the FAQ if a source asks it."""
    a, b = k.sides[0], k.sides[1]
    want = question_key(f"{a}和{b}的区别")
    for q in k.questions:
        if question_key(q.question) == want:
            out = []
            for claim in q.answers:
                for s in sentences(_answer_text(claim)):
                    out.append((claim, s))
                    if len(out) == 2:
                        return out
            return out
    return []


def knowledge_pages(k: Knowledge, articles: list[Article]) -> dict[str, str]:
    pages = {
        "index.md": home_page(k, articles),
        "faq/index.md": faq_page(k),
        "glossary/index.md": glossary_page(k),
        SNIPPETS: abbreviations(k),
        HAN_TERMS: han_terms(k),
    }
    pages.update(compare_page(k))
    pages.update(concepts_pages(k))
    pages.update(layering_pages(k))
    return pages

