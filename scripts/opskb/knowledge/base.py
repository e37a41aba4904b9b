"""Records and helpers that every kind of knowledge shares: the Claim (a verbatim excerpt
with its paragraph), the topics file, sentences and sections of an article, and ranking
by how many sources make a statement."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..records import HEADING, Article, Unit
from ..text import fold
from .quality import fault
from .statement import standalone

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
    mentions_only: bool = False  # no source is about it: the claims only use the name


@dataclass(frozen=True)
class Question:
    question: str
    answers: tuple[Claim, ...]
    asked: Claim | None  # where a source asks it; None for 什么是 X asked of a concept or term a source defines


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
    methods: tuple[Claim, ...] = ()  # how sources divide users into layers


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


def aliases_of(entry: dict, key: str = "name") -> list[str]:
    names = list(entry.get("aliases") or []) + [entry[key]]
    return sorted(set(names), key=len, reverse=True)  # longest first


# ------------------------------------------------------------------ text helpers

CONTRAST = re.compile(r"[，,；;](?=(?:而|但|则)\s*\S)")
_LEAD_WORDS = r"(?:而|但|则|但是|并且|同时|所谓|相对来讲，?|相对而言，?)?"
# 1. / 一、 / （二） / Q1：; a Han numeral needs its mark (一个社群…… is not numbered)
_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]\s*|[一二三四五六七八九十]{1,3}[、.．)）]\s*|"
    r"\d{1,3}[)）]?[、.．)]?\s*|(?:[QA]|问|答)\d*\s*[：:]\s*)")
ASKED = re.compile(r"^(?:Q|问题?)\s*\d*\s*[：:]", re.I)  # Q1：… / 问：…
ANSWERED = re.compile(r"^(?:A|答)\s*\d*\s*[：:]", re.I)  # A：… / 答：…


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1).strip()


def claim_at(article: Article, unit: Unit, text: str) -> Claim:
    text = text.strip()
    assert text in unit.text, (text, unit.text)
    return Claim(text, article.slug, unit.anchor, article.doc.meta.title)


def stated(article: Article, unit: Unit, text: str, clause: bool = False) -> Claim | None:
    """A claim from ``text`` when part of it reads on its own as a statement (statement.py)
    and carries knowledge (quality.py); a ``clause`` may end without a full stop."""
    kept = standalone(text)
    if not kept or fault(kept, clause):
        return None
    return claim_at(article, unit, kept)


def all_stated(article: Article, units, texts=None) -> tuple[Claim, ...]:
    """The statements of these units (their whole text, or the matching ``texts``)."""
    texts = texts if texts is not None else [u.text for u in units]
    return tuple(c for u, t in zip(units, texts, strict=True) if (c := stated(article, u, t)))


def short_clause(text: str, limit: int = 48) -> str:
    """A verbatim prefix of ``text`` that ends at a clause boundary, about ``limit``
    characters: the last boundary within ``limit``, else the first one after it; never
    inside brackets or in the middle of a clause."""
    if len(text) <= limit:
        return text
    cut = ""
    for m in re.finditer(r"[，,；;。]", text):
        head = text[: m.start()]
        if head.count("（") + head.count("(") > head.count("）") + head.count(")") or head.count("“") > head.count("”"):
            continue  # inside brackets or quotes
        if m.start() > limit and cut:
            break  # the last boundary within the limit
        if m.start() >= 8:
            cut = head
    return cut or text


def subject_part(sentence: str, aliases: list[str]) -> str:
    """The part of a sentence whose subject is one of ``aliases`` (contrast halves count)."""
    opens = _opens_with_alias(tuple(aliases))
    for part in CONTRAST.split(sentence):
        starts = [0] + [m.end() for m in _CLAUSE_START.finditer(part)]
        for clause_start in starts:
            tail = part[clause_start:]
            m = opens.match(tail)
            if m:
                return tail[m.start(1):].rstrip("，,；;")
    return ""


_CLAUSE_START = re.compile(r"[，,]\s*|^\S{2,12}\s+")


@functools.lru_cache(maxsize=256)
def _opens_with_alias(aliases: tuple[str, ...]) -> re.Pattern:
    return re.compile(_LEAD_WORDS + r"\s*(" + "|".join(map(re.escape, aliases)) + r")")


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

# ------------------------------------------------------------------ all


def by_support(claims) -> list[tuple[Claim, int]]:
    """Unique claims, those the most sources make first (then in the order found), each
    with how many sources make it: the strongest statements of a cell or an answer.
    Statements that say nearly the same thing (most of their character pairs shared)
    count as one, shown once in the words of the first source."""
    groups: list[tuple[Claim, set[str], frozenset]] = []
    for c in unique(list(claims)):
        pairs = _pairs(c.key)
        for _first, slugs, other in groups:
            if _alike(pairs, other):
                slugs.add(c.slug)
                break
        else:
            groups.append((c, {c.slug}, pairs))
    order = sorted(range(len(groups)), key=lambda i: -len(groups[i][1]))
    return [(groups[i][0], len(groups[i][1])) for i in order]


def _pairs(key: str) -> frozenset:
    return frozenset(key[i:i + 2] for i in range(len(key) - 1))


def _alike(a: frozenset, b: frozenset) -> bool:
    return bool(a) and bool(b) and len(a & b) >= 0.6 * min(len(a), len(b))


def unique(claims: list[Claim]) -> list[Claim]:
    return unique_by(claims, lambda c: c.key)


def unique_by(items: list, key) -> list:
    """Items in order, the first of each key only."""
    seen: set[str] = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out

