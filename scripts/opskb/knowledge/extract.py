"""Stage 8: knowledge from the clean articles.

Everything here is a pattern of Chinese expository writing, guided by the topics
data file (data/topics.yaml); nothing names an article. Every item is a Claim: a
verbatim piece of one unit's text plus the unit's page and anchor, so each
statement on the knowledge pages links to the paragraph it came from.

Patterns:
- comparison sections: a heading or list item led by "<axis>不同 / 的不同 / 维度 /
  差异", and inside it clauses whose subject is one side ("社群运营……，而用户运营……");
- definitions: a clause that opens with a concept and goes on with 是指 / 就是 /
  的核心是 / 的本质 / "：";
- questions: Q/A blocks, question headings, and question sentences answered by
  the paragraphs after them;
- glossary: listed terms and abbreviations a source spells out, 中文（ABC）.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..records import HEADING, LIST, PARAGRAPH, QUOTE, Article, Unit
from ..text import fold
from .statement import definition_strength, reported, sentences, standalone, strip_lead

# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class Claim:
    text: str  # verbatim substring of the cited unit's text
    slug: str
    anchor: str
    title: str  # the source article's title

    @functools.cached_property
    def key(self) -> str:
        return fold(self.text)


@dataclass(frozen=True)
class AxisSection:
    """One source's section about one axis: short cells per side, and all its text."""

    cells: tuple[tuple[str, Claim], ...]  # (side, claim)
    reasoning: tuple[Claim, ...]
    heading: str


@dataclass(frozen=True)
class Axis:
    name: str
    sections: tuple[AxisSection, ...]

    def cells(self, side: str) -> tuple[Claim, ...]:
        return tuple(c for s in self.sections for sd, c in s.cells if sd == side)


@dataclass(frozen=True)
class Concept:
    name: str
    definitions: tuple[Claim, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Question:
    question: str
    answers: tuple[Claim, ...]
    asked: Claim  # where the question itself stands


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    definition: Claim | None  # a source sentence that defines the term, if any does
    uses: tuple[Claim, ...]


@dataclass(frozen=True)
class Layering:
    rfm_letters: tuple[tuple[str, str, Claim], ...] = ()  # (letter, what it measures, claim)
    rfm_claims: tuple[Claim, ...] = ()
    rfm_groups: tuple[tuple[str, Claim], ...] = ()
    kol_criteria: tuple[tuple[str, Claim], ...] = ()
    kol_pyramid: tuple[tuple[str, Claim], ...] = ()
    kol_claims: tuple[Claim, ...] = ()
    activity: tuple[tuple[str, str, Claim], ...] = ()  # (level, share or "", claim)
    tag_dimensions: tuple[tuple[str, tuple[Claim, ...]], ...] = ()  # (dimension, claims about it)
    tag_claim: Claim | None = None


@dataclass(frozen=True)
class Knowledge:
    sides: tuple[str, ...]
    core_axes: tuple[str, ...]
    axes: tuple[Axis, ...]
    common: tuple[Claim, ...]
    synergy: tuple[Claim, ...]
    concepts: tuple[Concept, ...]
    questions: tuple[Question, ...]
    terms: tuple[Term, ...]
    layering: Layering = field(default_factory=Layering)


# ------------------------------------------------------------------ topics


@functools.lru_cache(maxsize=1)
def topics() -> dict:
    text = resources.files("opskb").joinpath("data/topics.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _aliases(entry: dict, key: str = "name") -> list[str]:
    names = list(entry.get("aliases") or []) + [entry[key]]
    return sorted(set(names), key=len, reverse=True)  # longest first


# ------------------------------------------------------------------ text helpers

_CONTRAST = re.compile(r"[，,；;](?=(?:而|但|则)\s*\S)")
_LEAD_WORDS = r"(?:而|但|则|但是|并且|同时|所谓|相对来讲，?|相对而言，?)?"
_NUMBERING = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．)]?\s*|(?:[QA]|问|答)\d*\s*[：:]\s*)")
ASKED = re.compile(r"^(?:Q|问题?)\s*\d*\s*[：:]", re.I)  # Q1：… / 问：…
ANSWERED = re.compile(r"^(?:A|答)\s*\d*\s*[：:]", re.I)  # A：… / 答：…


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1).strip()


def _claim(article: Article, unit: Unit, text: str) -> Claim:
    text = text.strip()
    assert text in unit.text, (text, unit.text)
    return Claim(text, article.slug, unit.anchor, article.doc.meta.title)


def _stated(article: Article, unit: Unit, text: str) -> Claim | None:
    """A claim from ``text`` when part of it reads on its own as a statement (statement.py)."""
    kept = standalone(text)
    return _claim(article, unit, kept) if kept else None


def _all_stated(article: Article, units, texts=None) -> tuple[Claim, ...]:
    """The statements of these units (their whole text, or the matching ``texts``)."""
    texts = texts if texts is not None else [u.text for u in units]
    return tuple(c for u, t in zip(units, texts, strict=True) if (c := _stated(article, u, t)))


def short_clause(text: str, limit: int = 48) -> str:
    """A verbatim prefix of ``text`` that ends at a clause boundary, about ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = ""
    for m in re.finditer(r"[，,；;。（(]", text):
        if m.start() > limit:
            break
        if m.start() >= 8:
            cut = text[: m.start()]
    return cut or text[:limit]


def subject_part(sentence: str, aliases: list[str]) -> str:
    """The part of a sentence whose subject is one of ``aliases`` (contrast halves count)."""
    for part in _CONTRAST.split(sentence):
        starts = [0] + [m.end() for m in re.finditer(r"[，,]\s*|^\S{2,12}\s+", part)]
        for clause_start in starts:
            tail = part[clause_start:]
            m = re.match(_LEAD_WORDS + r"\s*(" + "|".join(map(re.escape, aliases)) + r")", tail)
            if m:
                return tail[m.start(1):].rstrip("，,；;")
    return ""


# ------------------------------------------------------------------ sections


@dataclass
class _Section:
    heading: Unit | None
    level: int
    units: list[Unit]


def sections(article: Article) -> list[_Section]:
    """Every heading with all units below it (subsections included), plus the lead section."""
    blocks = article.doc.blocks
    out: list[_Section] = [_Section(None, 1, [])]
    open_: list[_Section] = [out[0]]
    for u in article.units:
        if u.kind == HEADING:
            level = blocks[u.block].level
            while len(open_) > 1 and open_[-1].level >= level:
                open_.pop()
            sec = _Section(u, level, [])
            out.append(sec)
            open_.append(sec)
        else:
            for s in open_:
                s.units.append(u)
    return out


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
        if name in _aliases(axis):
            return axis["name"]
    for axis in topics()["axes"]:  # a longer wording that ends or starts with an alias
        if any(name.startswith(a) or name.endswith(a) for a in _aliases(axis) if len(a) >= 2):
            return axis["name"]
    return name


@functools.lru_cache(maxsize=1)
def _side_aliases() -> dict[str, list[str]]:
    return {s["name"]: _aliases(s) for s in topics()["sides"]}


def _cells(article: Article, units: list[Unit], subjects_only: bool = False) -> tuple[tuple[str, Claim], ...]:
    """For each side the section speaks about, the first clause with that side as subject
    (or, unless ``subjects_only``, the first sentence naming it)."""
    out: list[tuple[str, Claim]] = []
    for side, aliases in _side_aliases().items():
        found = None
        for u in units:
            for s in sentences(u.text):
                part = subject_part(s, aliases)
                if part and not reported(s, part) and (found := _stated(article, u, short_clause(part))):
                    break
            if found:
                break
        if found is None and not subjects_only:  # named but not as a subject: the first sentence naming it
            for u in units:
                hits = (_stated(article, u, short_clause(s, 60)) for s in sentences(u.text) if side in s)
                found = next((c for c in hits if c and side in c.text), None)
                if found:
                    break
        if found:
            out.append((side, found))
    return tuple(out)


def _axis_sections(article: Article) -> list[tuple[str, AxisSection]]:
    found: list[tuple[str, AxisSection]] = []
    for sec in sections(article):
        if sec.heading is None:
            continue
        name = _axis_name(sec.heading.text)
        if name and sec.units:
            cells = _cells(article, sec.units)
            if len(cells) >= 2:
                reasoning = _all_stated(article, sec.units)
                found.append((_match_axis(name), AxisSection(cells, reasoning, sec.heading.text)))
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
            found.append((_match_axis(name), AxisSection(cells, _all_stated(article, [u]), m.group(1))))
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
            found.append((_axis_for(" ".join(c.text for _s, c in cells)), AxisSection(cells, _all_stated(article, [u]), u.section or article.doc.meta.title)))
    return found


_CONTRAST_WORD = re.compile(r"而|则|相比|相较|不同于|区别在于")
OTHER_AXIS = "综合对比"


def _axis_for(text: str) -> str:
    """The first axis one of whose words (two characters or more) the text uses."""
    for axis in topics()["axes"]:
        if any(len(a) >= 2 and a in text for a in _aliases(axis)):
            return axis["name"]
    return OTHER_AXIS


def _marked_sections(article: Article, markers: list[str]) -> list[Claim]:
    out: list[Claim] = []
    for sec in sections(article):
        if sec.heading and any(m in sec.heading.text for m in markers):
            out.extend(_all_stated(article, sec.units))
    return out


def _shared_sentences(article: Article) -> list[Claim]:
    """Sentences naming two sides and saying they both do something (都 / 均 / 同样 / 共同)."""
    names = list(_side_aliases())
    out = []
    for u in article.units:
        for s in sentences(u.text):
            if sum(1 for n in names if n in s) >= 2 and re.search(r"都|均|同样|共同|共性|相通", s):
                out.extend(_all_stated(article, [u], [s]))
    return out


# ------------------------------------------------------------------ concepts

MAX_CLAIM_CHARS = 100
def _concepts(articles: list[Article]) -> list[Concept]:
    """Per concept: the statements whose subject it is, defining ones first (strongest
    defining verb first, then source order), and up to six others per source."""
    out = []
    for entry in topics()["concepts"]:
        aliases = _aliases(entry)
        defs: list[tuple[int, int, Claim]] = []
        claims: list[Claim] = []
        for a in articles:
            per_source = 0
            for u in a.units:
                if u.kind == HEADING:
                    continue
                if not any(al in u.text for al in aliases):
                    continue
                for s in sentences(u.text):
                    part = subject_part(s, aliases) if any(al in s for al in aliases) else ""
                    if not part or reported(s, part):
                        continue
                    # the whole sentence when its own subject is the concept, else the clause from it on
                    text = s if len(s) <= MAX_CLAIM_CHARS and strip_lead(s).startswith(part[:4]) else part
                    claim = _stated(a, u, text)
                    if claim is None:
                        continue
                    strength = definition_strength(claim.text, entry["name"], tuple(aliases))
                    if strength:
                        defs.append((-strength, len(defs), claim))
                    elif per_source < 6:
                        claims.append(claim)
                        per_source += 1
        if not defs and not claims:
            # no sentence is about the concept: the sentences that use it, earliest mention first
            pattern = re.compile("|".join(map(re.escape, aliases)))
            mentions = [
                (pattern.search(c.text).start(), c)
                for a in articles for u in a.units if u.kind != HEADING
                for s in sentences(u.text) if pattern.search(s) and len(s) <= MAX_CLAIM_CHARS
                for c in _all_stated(a, [u], [s]) if pattern.search(c.text)
            ]
            claims = [c for _pos, c in sorted(mentions, key=lambda x: x[0])[:5]]
        definitions = _unique([c for *_order, c in sorted(defs, key=lambda x: x[:2])])
        claims = [c for c in _unique(claims) if c.key not in {d.key for d in definitions}]
        if definitions or claims:
            out.append(Concept(entry["name"], tuple(definitions), tuple(claims)))
    return out


# ------------------------------------------------------------------ questions

_QUESTION_END = re.compile(r"[？?]")
_RHETORICAL = re.compile(r"难道|不也|岂|何尝|莫非|谁不|哪有|何必")
_Q_WORDS = re.compile(r"什么|如何|怎么|怎样|为什么|为何|哪些|哪个|哪种|是否|吗|呢|吧|是不是|有没有|多少|还是|能否|能不能|要不要|该不该|应不应该")
_Q_NOISE = re.compile(
    r"^(?:那么|所以|其实|那|到底|究竟|请问)|[“”\"'‘’？?。，,\s]|到底|究竟|有什么|是什么|什么是|有怎样的|一定|很多|呢|吗|吧|也|的|有")


def _last_clause(q: str) -> str:
    """The question without its numbering and lead-in clauses that name no topic:
    具体来讲，A 和 B 有怎样的区别呢？ / 三、什么是用户分层？"""
    q = strip_lead(strip_numbering(q.strip("“”\" ")))
    while True:
        m = re.match(r"^([^，,：:]*)[，,：:]\s*", q)
        if not m or _topical(m.group(1)) or len(q) - m.end() < 6:
            return q
        q = q[m.end():]


def _answers_well(text: str) -> bool:
    t = text.strip().strip("”\"")
    return bool(t) and t[-1] not in "？?：:"


def question_key(q: str) -> str:
    return _Q_NOISE.sub("", strip_numbering(q)).replace("与", "和")


def _is_question(text: str, heading: bool = False) -> bool:
    t = text.strip("“”\"' ")
    ends = bool(_QUESTION_END.search(t[-2:] if t else ""))
    return ends and (heading or bool(_Q_WORDS.search(t))) and not _RHETORICAL.search(t)


@functools.lru_cache(maxsize=1)
def _topic_words() -> tuple[str, ...]:
    """Words that make a question one of ours: the sides, the concepts, the glossary terms."""
    words = [n for e in topics()["sides"] + topics()["concepts"] for n in _aliases(e)]
    words += [t["term"] for t in topics()["terms"]] + ["运营", "用户"]
    return tuple(sorted(set(words)))


def _topical(text: str) -> bool:
    return any(w in text for w in _topic_words())


def _questions(articles: list[Article]) -> list[Question]:
    found: list[Question] = []
    for a in articles:
        units = [u for u in a.units]
        for i, u in enumerate(units):
            nxt = units[i + 1:]
            # Q/A block
            if ASKED.match(u.text) and nxt and ANSWERED.match(nxt[0].text):
                q = strip_numbering(u.text)
                answer = _stated(a, nxt[0], nxt[0].text)
                if answer:
                    found.append(Question(q, (answer,), _claim(a, u, u.text)))
                continue
            if ANSWERED.match(u.text):
                continue
            # question heading: answered by the first paragraphs of its section
            if u.kind == HEADING and _is_question(u.text, heading=True) and _topical(u.text):
                body: list[Claim] = []
                for v in nxt[:ANSWER_WINDOW]:
                    if v.kind == HEADING:
                        break
                    if v.kind in (PARAGRAPH, LIST, QUOTE) and _answers_well(v.text) and (c := _stated(a, v, v.text)):
                        body.append(c)
                    if len(body) == 3:
                        break
                if body:
                    found.append(Question(strip_numbering(u.text), tuple(body), _claim(a, u, u.text)))
                continue
            if u.kind == HEADING:
                continue
            # question sentences inside a paragraph or quote
            sents = sentences(u.text)
            qs = [s for s in sents if _is_question(s) and _topical(s) and 6 <= len(s.strip("“”")) <= 40]
            if not qs:
                continue
            rest = u.text[u.text.rfind(qs[-1]) + len(qs[-1]):].strip()
            in_place = _stated(a, u, rest) if len(rest) >= 12 and _answers_well(rest) else None
            if in_place:  # "为什么……？因为……。": answered in place
                answers = [in_place]
            else:
                answers = []
                for v in nxt[:ANSWER_WINDOW]:
                    if v.kind == HEADING or len(answers) == 3:
                        break
                    if not _answers_well(v.text):
                        if answers:
                            break
                        continue
                    if c := _stated(a, v, v.text):
                        answers.append(c)
            if answers and sum(len(c.text) for c in answers) >= 12:
                for q in qs:
                    found.append(Question(_last_clause(q), tuple(answers), _claim(a, u, q)))
    # merge questions that ask the same thing
    merged: dict[str, Question] = {}
    for q in found:
        k = question_key(q.question)
        if k in merged:
            old = merged[k]
            merged[k] = Question(old.question, old.answers + q.answers, old.asked)
        else:
            merged[k] = q
    out = []
    for q in merged.values():
        q = Question(q.question, tuple(c for c, _n in by_support(q.answers)), q.asked)
        subject = asked_for_definition(q.question)
        if subject:  # 什么是 X？ starts with a definition of X, or is not listed
            best = _definition_of(subject, articles, q.asked)
            if best is None:
                continue
            q = Question(q.question, tuple(_unique([best, *q.answers])), q.asked)
        out.append(q)
    return out


ANSWER_WINDOW = 12  # units after a question that may hold its answer
_WHAT_IS = re.compile(
    r"(?:什么是|什么叫|何为|何谓)\s*[“\"「]?(?P<a>[^”\"」？?，,。：:]{2,12}?)[”\"」]?\s*[？?]|"
    r"^(?P<b>[^，,。？?“”\"：:]{2,12}?)[”\"」]?\s*(?:到底|究竟)?(?:是什么|指什么|是指什么|是啥|的定义是什么|的含义是什么|的意思是什么)"
)


def asked_for_definition(question: str) -> str:
    """X when the question asks what X is (什么是 X？ / X 是什么？), else ''."""
    q = re.sub(r"^(?:那么|所以|到底|究竟|请问)\s*", "", strip_numbering(question.strip("“”\" ")))
    m = _WHAT_IS.search(q)
    if not m:
        return ""
    subject = re.sub(r"^(?:到底|究竟)", "", (m.group("a") or m.group("b")).strip())
    # a name, not a relation: 社群运营和用户运营的区别是什么 asks for a comparison
    return "" if re.search(r"[的和与及跟或]", subject) or len(subject) > 8 else subject


def _definition_of(subject: str, articles: list[Article], asked: Claim) -> Claim | None:
    """The best statement defining ``subject``: strongest first, then from the article that
    asked (after the question before elsewhere), then source order."""
    aliases = _subject_aliases(subject)
    found = []
    for a in articles:
        seen_question = False
        for u in a.units:
            if a.slug == asked.slug and u.anchor == asked.anchor:
                seen_question = True
            if u.kind == HEADING or not any(al in u.text for al in aliases):
                continue
            for s in sentences(u.text):
                c = _stated(a, u, s)
                strength = definition_strength(c.text, subject, aliases) if c else 0
                if strength:
                    here = a.slug == asked.slug
                    found.append(((-strength, not here, here and not seen_question, len(found)), c))
    return min(found, key=lambda x: x[0])[1] if found else None


def _subject_aliases(subject: str) -> tuple[str, ...]:
    """The subject and its aliases in the topics file (concepts, sides, terms)."""
    groups = [_aliases(e) for e in topics()["concepts"] + topics()["sides"]]
    groups += [[t["term"], *(t.get("aliases") or [])] for t in topics()["terms"]]
    for names in groups:
        if subject in names:
            return tuple(sorted(set(names) | {subject}, key=len, reverse=True))
    return (subject,)


# ------------------------------------------------------------------ glossary

_ABBR_PAIR = re.compile(r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*([A-Z][A-Za-z]{1,7})\s*[)）]|([A-Z][A-Za-z]{1,7})\s*[（(]\s*([\u4e00-\u9fff]{2,12})\s*[)）]")




def _term_pattern(aliases: list[str]) -> re.Pattern:
    parts = []
    for al in aliases:
        p = re.escape(al)
        if re.match(r"[A-Za-z]", al):
            p = r"(?<![A-Za-z])" + p
        if re.search(r"[A-Za-z]$", al):
            p = p + r"(?![A-Za-z])"
        parts.append(p)
    return re.compile("|".join(parts))


MAX_USES = 8


def _terms(articles: list[Article]) -> list[Term]:
    entries = {t["term"]: dict(t) for t in topics()["terms"]}
    # abbreviations the sources spell out themselves: 用户生命周期价值（LTV）, DAU（日活）
    spelled: dict[str, list[tuple[Article, Unit, str]]] = defaultdict(list)
    for a in articles:
        for u in a.units:
            for m in _ABBR_PAIR.finditer(u.text):
                abbr = m.group(2) or m.group(3)
                spelled[abbr].append((a, u, m.group(0)))
                if abbr not in entries:
                    entries[abbr] = {"term": abbr, "expansion": m.group(1) or m.group(4)}
    aliases_of = {name: sorted(set([name] + list(e.get("aliases") or [])), key=len, reverse=True) for name, e in entries.items()}
    term_of: dict[str, str] = {}
    for name in sorted(aliases_of):
        for al in aliases_of[name]:
            term_of.setdefault(al, name)
    # plain substring tests first (fast); word boundaries are checked per sentence below
    units_of: dict[str, list[tuple[Article, Unit]]] = defaultdict(list)
    for a in articles:
        for u in a.units:
            if u.kind != HEADING:
                for name in sorted({term_of[al] for al in term_of if al in u.text}):
                    units_of[name].append((a, u))
    out = []
    for name, entry in sorted(entries.items()):
        pattern = _term_pattern(aliases_of[name])
        uses: list[Claim] = []
        best: tuple[tuple, Claim] | None = None
        expansion = str(entry.get("expansion") or "")
        # a sentence defines the term when the term, or its Han expansion, is its subject
        subjects = tuple(aliases_of[name]) + ((expansion,) if re.fullmatch(r"[\u4e00-\u9fff]{2,12}", expansion) else ())
        for a, u in units_of.get(name, []):
            for s in sentences(u.text):
                if not pattern.search(s):
                    continue
                if len(uses) < MAX_USES:  # claims are made only where they are kept
                    claim = _claim(a, u, s)
                    if claim.key not in {c.key for c in uses}:
                        uses.append(claim)
                stated = _stated(a, u, s)
                strength = definition_strength(stated.text, name, subjects) if stated else 0
                if strength:
                    score = (strength, -abs(len(stated.text) - 45))
                    if best is None or score > best[0]:
                        best = (score, stated)
        if best is None and not uses:
            continue
        out.append(Term(name, expansion, best[1] if best else None, tuple(uses)))
    return out


# ------------------------------------------------------------------ layering


def _layering(articles: list[Article]) -> Layering:
    rfm_letters: list[tuple[str, str, Claim]] = []
    rfm_claims: list[Claim] = []
    rfm_groups: list[tuple[str, Claim]] = []
    kol_criteria: list[tuple[str, Claim]] = []
    kol_pyramid: list[tuple[str, Claim]] = []
    kol_claims: list[Claim] = []
    activity: list[tuple[str, str, Claim]] = []
    tag_dims: dict[str, list[Claim]] = {}
    tag_claim = None
    levels = topics()["layering"]["activity"]["levels"]
    shares = re.compile(r"(" + "|".join(levels) + r")\s*[（(]\s*(?:占比)?\s*约?\s*(\d+\s*%)\s*[)）]")
    for a in articles:
        for u in a.units:
            for s in sentences(u.text):
                st = _stated(a, u, s)  # the sentence as the statement quoted under a table, if it can be one
                if st is None:
                    continue
                if "RFM" in s:
                    rfm_claims.append(st)
                    for m in re.finditer(r"(?<![A-Za-z])([RFM])\s*[(（]\s*([A-Za-z]+)\s*[)）]\s*([^、，,；;。（(]{2,12})", s):
                        rfm_letters.append((m.group(1), f"{m.group(3).strip()}（{m.group(2)}）", _claim(a, u, m.group(0))))
                    g = re.search(r"分为([^。；]+?[群层])(?:[。；，]|$)", s)
                    if g:
                        for name in re.split(r"[、，,和及]", g.group(1)):
                            if name.strip():
                                rfm_groups.append((name.strip(), st))
                if "KOL" in s:
                    kol_claims.append(st)
                    c = re.search(r"根据(.+?)(?:分层|来分|进行分层)", s)
                    if c:
                        for crit in re.split(r"[、，,]|和|及", c.group(1)):
                            crit = re.sub(r"^.*?(?:在平台的|的)", "", crit).strip()
                            if crit:
                                kol_criteria.append((crit, st))
                    p = re.search(r"[\"“]([^\"”]*KOL[^\"”]*)[\"”]", s)
                    if p and "-" in p.group(1):
                        for level in p.group(1).split("-"):
                            kol_pyramid.append((level.strip(), st))
                with_shares = False
                for m in shares.finditer(s):
                    activity.append((m.group(1), m.group(2).replace(" ", ""), st))
                    with_shares = True
                if not with_shares:
                    hits = [lv for lv in levels if lv in s]
                    if len(hits) >= 2:
                        for lv in hits:
                            activity.append((lv, "", st))
                d = re.search(r"(?:用户)?标签.{0,8}?从(.+?)这?\s*\d+\s*个维度", s)
                if d:
                    tag_claim = tag_claim or st
                    for dim in re.split(r"[、，,和]", d.group(1)):
                        if dim.strip():
                            tag_dims.setdefault(dim.strip(), [])
    # what each tag dimension is used for: sentences that name it with 精细化 / 分层
    for dim in tag_dims:
        for a in articles:
            for u in a.units:
                for s in sentences(u.text):
                    if dim in s and re.search(r"精细化|分层|模型", s) and (tag_claim is None or s != tag_claim.text):
                        tag_dims[dim].extend(_all_stated(a, [u], [s]))
    return Layering(
        rfm_letters=tuple(_unique_by(rfm_letters, lambda x: x[0] + x[1])),
        rfm_claims=tuple(_unique(rfm_claims)),
        rfm_groups=tuple(_unique_by(rfm_groups, lambda x: x[0])),
        kol_criteria=tuple(_unique_by(kol_criteria, lambda x: x[0])),
        kol_pyramid=tuple(_unique_by(kol_pyramid, lambda x: x[0])),
        kol_claims=tuple(_unique(kol_claims)),
        activity=tuple(_unique_by(sorted(activity, key=lambda x: x[1] == ""), lambda x: x[0])),
        tag_dimensions=tuple((d, tuple(_unique(c))[:3]) for d, c in tag_dims.items()),
        tag_claim=tag_claim,
    )


# ------------------------------------------------------------------ all


def by_support(claims) -> list[tuple[Claim, int]]:
    """Unique claims, those the most sources make first (then in the order found), each
    with how many sources make it: the strongest statements of a cell or an answer."""
    support: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        support[c.key].add(c.slug)
    return [(c, len(support[c.key])) for c in sorted(_unique(list(claims)), key=lambda c: -len(support[c.key]))]


def _unique(claims: list[Claim]) -> list[Claim]:
    return _unique_by(claims, lambda c: c.key)


def _unique_by(items: list, key) -> list:
    """Items in order, the first of each key only."""
    seen: set[str] = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def extract(articles: list[Article]) -> Knowledge:
    articles = sorted(articles, key=lambda a: (a.doc.meta.date or "9999", a.slug))
    by_axis: dict[str, list[AxisSection]] = defaultdict(list)
    for a in articles:
        for name, sec in _axis_sections(a):
            by_axis[name].append(sec)
    order = [x["name"] for x in topics()["axes"]]
    names = sorted(by_axis, key=lambda n: (order.index(n) if n in order else len(order) + (n == OTHER_AXIS), n))
    axes = tuple(Axis(n, tuple(by_axis[n])) for n in names)
    common = _unique([c for a in articles for c in _marked_sections(a, topics()["common_markers"]) + _shared_sentences(a)])
    synergy = _unique([c for a in articles for c in _marked_sections(a, topics()["synergy_markers"])])
    return Knowledge(
        sides=tuple(s["name"] for s in topics()["sides"]),
        core_axes=tuple(order[:8]),
        axes=axes,
        common=tuple(common),
        synergy=tuple(c for c in synergy if c.key not in {x.key for x in common}),
        concepts=tuple(_concepts(articles)),
        questions=tuple(_questions(articles)),
        terms=tuple(_terms(articles)),
        layering=_layering(articles),
    )
