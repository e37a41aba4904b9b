"""Stage 8: knowledge from the clean articles.

Everything here is a pattern of Chinese expository writing, guided by the topics
data file (data/topics.yaml); nothing names an article. Every item is a Claim: a
verbatim piece of one unit's text plus the unit's page and anchor, so each
statement on the knowledge pages links to the paragraph it came from.

A statement reaches a page only when it reads as knowledge (quality.py) and its
article is about the page's subject (relevance.py); the maintainer's curation file
(curation.py) excludes articles, hides paragraphs and pins definitions.

Patterns here:
- comparison sections: a heading or list item led by "<axis>不同 / 的不同 / 维度 /
  差异", and inside it clauses whose subject is one side ("社群运营……，而用户运营……");
  common ground and synergy only from articles about both sides;
- concepts: definitions (a clause that opens with the concept and goes on with 是指 /
  就是 / 的核心是 …) and the statements whose subject is the concept.
The FAQ (faq.py), the glossary (glossary.py) and the layering page (layering.py) have
modules of their own.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from ..records import HEADING, LIST, PARAGRAPH, Article, Unit
from .base import (
    ANSWERED,
    ASKED,
    CONTRAST,
    Axis,
    AxisSection,
    Claim,
    Concept,
    Knowledge,
    Layering,
    Question,
    Term,
    aliases_of,
    all_stated,
    by_support,
    sections,
    short_clause,
    stated,
    strip_numbering,
    subject_part,
    topics,
    unique,
)
from .curation import Curation, apply_to_articles
from .faq import asked_for_definition, compared, question_key, questions, what_is
from .glossary import terms
from .layering import layering
from .quality import adds_to
from .relevance import about, forget, mentions, per_article
from .statement import defining_rest, definition_strength, reported, sentences, strip_lead

__all__ = [
    "ANSWERED", "ASKED", "Axis", "AxisSection", "Claim", "Concept", "Knowledge", "Layering", "Question", "Term",
    "asked_for_definition", "by_support", "extract", "question_key", "sentences", "short_clause", "subject_part",
]

# ------------------------------------------------------------------ comparison

_AXIS_LEAD = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z]{1,8}?)(?:程度|方面|层面)?(?:的)?(?:不同|差异|区别|维度(?:差异|不同)?|对比)$"
)


def _axis_name(lead: str) -> str:
    lead = strip_numbering(lead).rstrip("：:？?")
    m = _AXIS_LEAD.match(lead.replace(" ", ""))
    return m.group("name") if m else ""


def _match_axis(name: str) -> str:
    for axis in topics()["axes"]:
        if name in aliases_of(axis):
            return axis["name"]
    for axis in topics()["axes"]:  # a longer wording that ends or starts with an alias
        if any(name.startswith(a) or name.endswith(a) for a in aliases_of(axis) if len(a) >= 2):
            return axis["name"]
    return name


@functools.lru_cache(maxsize=1)
def _side_aliases() -> dict[str, list[str]]:
    return {s["name"]: aliases_of(s) for s in topics()["sides"]}


def _cells(article: Article, units: list[Unit], subjects_only: bool = False) -> tuple[tuple[str, Claim], ...]:
    """For each side the section speaks about, the first clause with that side as subject
    (or, unless ``subjects_only``, the first sentence naming it)."""
    out: list[tuple[str, Claim]] = []
    for side, aliases in _side_aliases().items():
        found = None
        for u in units:
            for s in sentences(u.text):
                part = subject_part(s, aliases)
                if part and adds_to(part) and re.match(r"^除了", strip_lead(s)):
                    # 除了……之外，用户运营还会……: the side's clause needs the one it adds to
                    if (found := stated(article, u, s, clause=True)):
                        break
                    continue
                if part and not reported(s, part) and (found := stated(article, u, short_clause(part), clause=True)):
                    break
                if part and not reported(s, part) and (found := _conceded(article, u, s, part)):
                    break
            if found:
                break
        if found is None and not subjects_only:  # named but not as a subject: the first sentence naming it
            for u in units:
                hits = (stated(article, u, short_clause(s, 60), clause=True) for s in sentences(u.text) if side in s)
                found = next((c for c in hits if c and side in c.text), None)
                if found:
                    break
        if found:
            out.append((side, found))
    return tuple(out)


def _conceded(article: Article, unit: Unit, sentence: str, part: str) -> Claim | None:
    """社群运营也会……，但……: a side's "also" clause with the turn that says where it differs,
    as one cell (the clause alone leans on the other side)."""
    tail = sentence[sentence.find(part):]
    if tail == part or not re.match(r"[，,]\s*(?:但|但是|不过|然而|可是|只是)", tail[len(part):]):
        return None
    return stated(article, unit, tail, clause=True) if len(tail) <= 2 * MAX_CLAIM_CHARS else None


def _axis_sections(article: Article) -> list[tuple[str, AxisSection]]:
    return per_article(article, "axis_sections", _find_axis_sections)


def _find_axis_sections(article: Article) -> list[tuple[str, AxisSection]]:
    found: list[tuple[str, AxisSection]] = []
    for sec in sections(article):
        if sec.heading is None:
            continue
        name = _axis_name(sec.heading.text)
        if name and sec.units:
            cells = _cells(article, sec.units)
            if len(cells) >= 2:
                axis = _match_axis(name)
                reasoning = tuple(c for c in all_stated(article, sec.units) if _on_axis(c.text, axis))
                found.append((axis, AxisSection(cells, reasoning, sec.heading.text)))
    # list items or paragraphs led by "<axis>维度 ……"
    for u in article.units:
        if u.kind not in (LIST, PARAGRAPH):
            continue
        m = re.match(r"^(\S{2,12}?(?:维度(?:差异|不同)?|不同|差异))[\s：:]+(\S.*)$", strip_numbering(u.text))
        if not m:
            continue
        name = _axis_name(m.group(1))
        if not name:
            continue
        cells = _cells(article, [u])
        if len(cells) >= 2:
            found.append((_match_axis(name), AxisSection(cells, all_stated(article, [u]), m.group(1))))
    # contrasts anywhere else: "社群运营……，而用户运营……" in one paragraph
    covered = {c.anchor for _n, sec in found for c in sec.reasoning}
    sides = list(_side_aliases().values())
    for u in article.units:
        if u.kind == HEADING or u.anchor in covered or not _CONTRAST_WORD.search(u.text):
            continue
        if sum(1 for aliases in sides if any(al in u.text for al in aliases)) < 2:
            continue
        cells = _cells(article, [u], subjects_only=True)
        if len(cells) >= 2:
            found.append((_axis_for(" ".join(c.text for _s, c in cells)), AxisSection(cells, all_stated(article, [u]), u.section or article.doc.meta.title)))
    return found


_CONTRAST_WORD = re.compile(r"而|则|相比|相较|不同于|区别在于")
OTHER_AXIS = "综合对比"


def _axis_for(text: str) -> str:
    """The first axis one of whose words (two characters or more) the text uses."""
    for axis in topics()["axes"]:
        if any(len(a) >= 2 and a in text for a in aliases_of(axis)):
            return axis["name"]
    return OTHER_AXIS


def compares(article: Article) -> bool:
    """The article is about the site's question: it names both of the first two sides
    again and again, or in its title or headings."""
    first, second = list(_side_aliases().values())[:2]
    return about(article, first, 2) and about(article, second, 2)


def _marked_sections(article: Article, markers: list[str]) -> list[Claim]:
    """Statements under a heading about what the sides share or how they work together,
    in an article that compares the sides; each names a side or a concept."""
    return per_article(article, "marked " + "|".join(markers), functools.partial(_find_marked, markers=markers))


def _find_marked(article: Article, markers: list[str]) -> list[Claim]:
    if not compares(article):
        return []
    out: list[Claim] = []
    for sec in sections(article):
        if sec.heading and any(m in sec.heading.text for m in markers):
            out.extend(c for c in all_stated(article, sec.units) if _names_subject(c.text))
    return out


def _on_axis(text: str, axis: str) -> bool:
    """A sentence of an axis section that speaks to the axis: it names one of the axis's
    words, or a side is its subject (not a sentence that only mentions a side in passing)."""
    entry = next((x for x in topics()["axes"] if x["name"] == axis), {"name": axis})
    if any(len(w) >= 2 and w in text for w in aliases_of(entry)):
        return True
    return any(subject_part(text, al) and strip_lead(text).startswith(subject_part(text, al)[:4]) for al in _side_aliases().values())


def _names_subject(text: str) -> bool:
    """The text names a side or a concept by a full name (社区 or 社群 alone is as often a
    neighbourhood or a chat group in general)."""
    names = [n for e in topics()["sides"] + topics()["concepts"] for n in aliases_of(e) if len(n) >= 4]
    return any(n in text for n in names)


# common ground and synergy say what the sides share or how one helps the other; a
# sentence about how they differ (均以用户为核心，但侧重点不同…) belongs to the table
_DIFFERS = re.compile(r"不同|区别|差异|侧重|不一样")
_SHARES = re.compile(r"两者|二者|双方|共性|相通")  # the pair as one subject (都 alone may be any group's)


def _shared(text: str) -> bool:
    """Common ground: both sides named, or a word of sharing, and no talk of differences
    (an example of one side under a 共同点 heading is not common ground)."""
    both = sum(1 for aliases in _side_aliases().values() if any(len(al) >= 4 and al in text for al in aliases)) >= 2
    return (both or bool(_SHARES.search(text))) and not _DIFFERS.search(text)


def _shared_sentences(article: Article) -> list[Claim]:
    """Sentences naming two sides and saying they both do something (都 / 均 / 同样 / 共同)."""
    return per_article(article, "shared", _find_shared)


def _find_shared(article: Article) -> list[Claim]:
    names = list(_side_aliases())
    out = []
    for u in article.units:
        for s in sentences(u.text):
            if sum(1 for n in names if n in s) >= 2 and re.search(r"都|均|同样|共同|共性|相通", s):
                out.extend(all_stated(article, [u], [s]))
    return out


# ------------------------------------------------------------------ concepts


MAX_CLAIM_CHARS = 100
PER_SOURCE = 3  # statements about one concept from one source
@functools.lru_cache(maxsize=64)
def _definition_patterns(aliases: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    names = "|".join(map(re.escape, aliases))
    named_last = re.compile(r"(?:就是|即|称为|叫做|被称为|称之为)\s*[“\"「]?(?:" + names + r")[”\"」]?\s*[。；;]?$")
    return named_last, re.compile(r"(?:^|[，,；;]\s*)(?=(?:所谓\s*)?(?:" + names + r"))")


def _definition_in(a: Article, u: Unit, s: str, name: str, aliases) -> Claim | None:
    """A clause of ``s`` that defines the concept with a defining verb (社区运营的本质是…
    after a comparison's first clause), or the whole sentence when it names the concept
    last (……的过程，就是用户生命周期 / ……，称为私域流量)."""
    named_last, clause_starts = _definition_patterns(tuple(aliases))
    if named_last.search(s) and len(s) >= 16:
        c = stated(a, u, s)
        return c if c is not None and c.text == s.strip() else None
    for m in clause_starts.finditer(s):
        clause = CONTRAST.split(s[m.end():])[0]  # up to ……，而 the other side
        if reported(s, clause):
            continue
        c = stated(a, u, clause)
        if c is not None and definition_strength(c.text, name, tuple(aliases)) and defining_rest(c.text, aliases):
            return c
    return None


def _concepts(articles: list[Article], pinned: dict[str, list[Claim]]) -> list[Concept]:
    """Per concept, from the articles about it: definitions first (strongest defining verb,
    then what most sources say, then the article most about the concept), then the
    statements whose subject is the concept, those most sources make first."""
    out = []
    for entry in topics()["concepts"]:
        aliases = aliases_of(entry)
        defs: list[tuple[tuple, Claim]] = []
        claims: list[tuple[int, Claim]] = []
        for a in articles:
            weight, found_defs, found_claims = per_article(a, "concept " + entry["name"], functools.partial(_about_concept, entry=entry))
            base = len(defs)  # ties keep the order the sources are read in
            defs.extend([((-strength, -weight, base + n), d) for n, (strength, d) in enumerate(found_defs)])
            claims.extend((weight, c) for c in found_claims)
        ordered_defs = [c for _k, c in sorted(defs, key=lambda x: x[0])]
        definitions = unique(pinned.get(entry["name"], []) + _strongest(ordered_defs))
        keys = {d.key for d in definitions}
        by_weight = [c for _w, c in sorted(claims, key=lambda x: -x[0])]
        points = [c for c in _strongest(by_weight) if c.key not in keys]
        mentions_only = not definitions and not points
        if mentions_only:
            points = _mentions(articles, aliases)
        if definitions or points:
            out.append(Concept(entry["name"], tuple(definitions), tuple(points), mentions_only))
    return out


def _about_concept(a: Article, entry: dict) -> tuple[int, list[tuple[int, Claim]], list[Claim]]:
    """What one article says of a concept: how often it names it, its definitions (with
    their strength) and its statements with the concept as subject, in text order."""
    aliases = aliases_of(entry)
    weight = mentions(a, aliases)
    defs: list[tuple[int, Claim]] = []
    claims: list[Claim] = []
    if not weight:
        return 0, defs, claims
    related = about(a, aliases)  # main points only from articles about the concept
    full = mentions(a, (entry["name"],)) > 0  # 分层 alone may be an organisation's layers
    for u in a.units:
        if u.kind == HEADING or not any(al in u.text for al in aliases):
            continue
        for s in sentences(u.text):
            if (d := _definition_in(a, u, s, entry["name"], aliases)) is not None:
                defs.append((2, d))
                continue
            part = subject_part(s, aliases) if any(al in s for al in aliases) else ""
            if not part or reported(s, part):
                continue
            # the whole sentence when its own subject is the concept, else the clause from it on
            text = s if len(s) <= MAX_CLAIM_CHARS and strip_lead(s).startswith(part[:4]) else part
            claim = stated(a, u, text)
            if claim is None or len(claim.text) > 2 * MAX_CLAIM_CHARS:
                continue
            strength = definition_strength(claim.text, entry["name"], tuple(aliases))
            if strength and defining_rest(claim.text, aliases):
                defs.append((strength, claim))
            elif related and len(claims) < PER_SOURCE and _opens_with(claim.text, aliases, full):
                claims.append(claim)
    return weight, defs, claims


_SAME_SUBJECT = frozenset({"运营", "营销", "流量", "模型", "运营者"})


MENTIONS = 5


def _mentions(articles: list[Article], aliases) -> list[Claim]:
    """When no sentence is about the concept: sentences that use it and read as knowledge,
    from the articles that mention it most, earliest mention first."""
    pattern = re.compile("|".join(map(re.escape, aliases)))
    found = []
    for a in sorted(articles, key=lambda a: -mentions(a, aliases)):
        for u in a.units:
            if u.kind == HEADING or not pattern.search(u.text):
                continue
            for s in sentences(u.text):
                if len(s) <= MAX_CLAIM_CHARS and pattern.search(s) and (c := stated(a, u, s)) and pattern.search(c.text):
                    found.append((pattern.search(c.text).start(), len(found), c))
        if len(found) >= MENTIONS:
            break
    return unique([c for *_k, c in sorted(found, key=lambda x: x[:2])])[:MENTIONS]


def _opens_with(text: str, aliases, full: bool = True) -> bool:
    """The statement's subject is the concept itself: it opens with the name, and the
    name does not begin a longer noun (私域团队, 用户画像系统 are other subjects). A short
    alias that drops the head's owner (分层 for 用户分层: an organisation has layers too)
    stands for the concept only in an article that names it in full (``full``); one that
    drops the head (精细化 for 精细化运营) only with a particle, a verb or the same head
    after it (精细化思考 is another subject)."""
    t = re.sub(r"^所谓\s*", "", text)
    for al in sorted(aliases, key=len, reverse=True):
        if t.startswith(al):
            rest = t[len(al):]
            longer = [o for o in aliases if al in o and al != o]
            if any(o.endswith(al) for o in longer) and not full:
                return False
            if any(o.startswith(al) for o in longer) and not _AFTER_SHORT.match(rest) and _compound(rest):
                return False
            return not _noun_after(rest)
    return False


def _compound(rest: str) -> bool:
    """The word after a short alias makes another subject with it (精细化思考是……), rather
    than saying what it does (私域追求的是……)."""
    import jieba

    word = next(iter(jieba.cut(rest.lstrip()[:8])), "")
    return bool(word) and rest.lstrip()[len(word):].startswith("是")


_AFTER_SHORT = re.compile(r"\s*(?:是|的|就|能|可|会|要|需|在|不|也|都|即|指|，|,|并|更|才|必须|应|已|和|与|" + "|".join(sorted(_SAME_SUBJECT)) + ")")


def _noun_after(rest: str) -> bool:
    rest = rest.lstrip()
    if not rest or not re.match(r"[\u4e00-\u9fff]", rest):
        return False
    return _starts_with_noun(rest[:8])


@functools.lru_cache(maxsize=65536)
def _starts_with_noun(text: str) -> bool:
    import jieba.posseg

    word, flag = next(iter(jieba.posseg.cut(text)))
    return flag.startswith(("n", "vn")) and word not in _SAME_SUBJECT


def _strongest(claims: list[Claim]) -> list[Claim]:
    """Claims in the order most sources make them, ties kept in the given order."""
    return [c for c, _n in by_support(claims)]


# ------------------------------------------------------------------ all


def extract(articles: list[Article], curation: Curation | None = None) -> Knowledge:
    curation = curation or Curation()
    articles = apply_to_articles(sorted(articles, key=lambda a: (a.doc.meta.date or "9999", a.slug)), curation)
    by_axis: dict[str, list[AxisSection]] = defaultdict(list)
    for a in articles:
        for name, sec in _axis_sections(a):
            by_axis[name].append(sec)
    order = [x["name"] for x in topics()["axes"]]
    names = sorted(by_axis, key=lambda n: (order.index(n) if n in order else len(order) + (n == OTHER_AXIS), n))
    axes = tuple(Axis(n, tuple(by_axis[n])) for n in names)
    common = unique([c for a in articles for c in _marked_sections(a, topics()["common_markers"]) + _shared_sentences(a)
                     if _shared(c.text)])
    synergy = unique([c for a in articles for c in _marked_sections(a, topics()["synergy_markers"]) if not _DIFFERS.search(c.text)])
    concepts = tuple(_concepts(articles, curation.pinned_claims(articles)))
    glossary = tuple(terms(articles, curation.added_terms()))
    sides = tuple(s["name"] for s in topics()["sides"])
    asked = tuple(what_is(compared(questions(articles), axes, sides, tuple(order)), concepts, glossary))
    shelves = layering(articles)
    forget(keep=articles)  # the next run (an edit under serve) reuses the figures of unchanged articles
    return Knowledge(
        sides=sides,
        core_axes=tuple(order[:8]),
        axes=axes,
        common=tuple(common),
        synergy=tuple(c for c in synergy if c.key not in {x.key for x in common}),
        concepts=concepts,
        questions=asked,
        terms=glossary,
        layering=shelves,
    )
