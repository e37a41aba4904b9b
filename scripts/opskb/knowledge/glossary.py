"""The glossary: operations, marketing and product terms with a meaning from a source.

Two kinds of entry:
- the terms listed in the topics file (and those a maintainer adds in the curation
  file): shown with the listed expansion, and a source sentence that defines the term
  (X 是指 / X 就是 / 所谓 X …) when one does; a listed term with neither is left out;
- abbreviations the sources spell out, 中文（ABC） or ABC（中文）. One article spelling
  out a capitalised word is as often a brand, a product or an English word (OATLY（燕麦奶）,
  Share（分享）) as a term, and the Han characters before the bracket often carry the
  sentence with them (导致短期内获客（SQL）). So an abbreviation enters only when it is
  shaped like one (two capitals or more, six letters at most), stands in operations
  articles (relevance.py), and at least two articles agree on its meaning: the same
  words in the brackets, or the same run of whole words just before them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

import jieba

from ..records import HEADING, Article, Unit
from .base import Claim, Term, claim_at, stated, topics
from .relevance import body_text, domain_words, heading_text, on_topic, per_article
from .statement import defining_rest, definition_strength, sentences

_ABBR_PAIR = re.compile(
    r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*([A-Za-z][A-Za-z]{1,5})\s*[)）]|([A-Za-z][A-Za-z]{1,5})\s*[（(]\s*([\u4e00-\u9fff]{2,12})\s*[)）]"
)
_NOT_A_START = re.compile(r"^[的了是在个把将对从和与及或等被让使用为以即指称叫也都就而但]")
MIN_AGREEING = 2  # articles that must agree on an abbreviation's meaning
OPS_SHARE = 0.75  # of the articles using an abbreviation, the share that are operations articles
MIN_TERM_SOURCES = 3
MAX_USES = 8
# how terms of the trade end: a rate, a value, a model, a kind of user or traffic …
_TERM_SHAPE = re.compile(r"(?:率|值|额|量|成本|模型|体系|漏斗|指标|周期|用户|流量|营销|运营|私域|公域|社群|社区|转化|留存|裂变|画像|标签|分层|矩阵|闭环|飞轮|链路|触点)$")  # operations articles that use a Han term a source defines
_DEFINED = re.compile(
    r"^(?:所谓\s*[“\"「]?(?P<a>[\u4e00-\u9fff]{2,8})[”\"」]?\s*[，,]?\s*(?:就是|是指|指的是|即)|"
    r"(?P<b>[\u4e00-\u9fff]{2,8})\s*(?:[（(][^）)]{1,30}[)）])?\s*[，,]?\s*(?:是指|指的是|的定义是|被定义为|可以定义为))"
)

def abbreviation_shaped(word: str) -> bool:
    """ABC, KOC, SaaS: two capitals or more, at most six letters; not a capitalised word."""
    caps = sum(1 for ch in word if ch.isupper())
    return 2 <= len(word) <= 6 and caps >= 2 and caps * 2 >= len(word)


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


def _suffixes(run: str) -> list[str]:
    """The runs of whole words that end ``run``: 导致短期内获客 → 获客, 短期内获客, …"""
    words = list(jieba.cut(run))
    return ["".join(words[i:]) for i in range(len(words))]


def agreed_expansion(spellings: list[tuple[str, str, str]]) -> str:
    """The meaning at least MIN_AGREEING sources give an abbreviation, from
    (source, Han text, 'in' for ABC（中文） or 'before' for 中文（ABC）); '' when none."""
    support: dict[str, set[str]] = defaultdict(set)
    for slug, run, where in spellings:
        for cand in [run] if where == "in" else _suffixes(run):
            if len(cand) >= 2 and not _NOT_A_START.match(cand):
                support[cand].add(slug)
    ranked = sorted(support.items(), key=lambda kv: (-len(kv[1]), -len(kv[0])))
    return ranked[0][0] if ranked and len(ranked[0][1]) >= MIN_AGREEING else ""


def _spelled(articles: list[Article]) -> dict[str, str]:
    """{abbreviation: agreed meaning} for abbreviations spelled out in operations articles."""
    spellings: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for a in articles:
        for abbr, spelling in per_article(a, "spellings", _spellings_in):
            spellings[abbr].append(spelling)
    out = {}
    trade = tuple(topics().get("trade") or ()) + tuple(domain_words())
    for abbr, sp in spellings.items():
        if len({slug for slug, _r, _w in sp}) >= MIN_AGREEING and (meaning := agreed_expansion(sp)):
            if any(w in meaning for w in trade):  # 增强现实, 自然语言处理: another trade's term
                out[abbr] = meaning
    # a word of other trades (NLP, VR in AI and hardware articles) is used mostly outside operations
    pattern = {abbr: _term_pattern([abbr]) for abbr in out}
    used = defaultdict(lambda: [0, 0])  # abbreviation -> [operations articles, all articles]
    for a in articles:
        ops = on_topic(a)
        for abbr in per_article(a, "uses", functools.partial(_uses, abbrs=out, pattern=pattern), tuple(out)):
            used[abbr][0] += ops
            used[abbr][1] += 1
    return {abbr: m for abbr, m in out.items() if used[abbr][0] >= OPS_SHARE * used[abbr][1]}


def _spellings_in(a: Article) -> list[tuple[str, tuple[str, str, str]]]:
    """(abbreviation, (source, Han text, where)) for each abbreviation an operations article
    spells out."""
    out = []
    if on_topic(a):
        for u in a.units:
            for m in _ABBR_PAIR.finditer(u.text):
                abbr = m.group(2) or m.group(3)
                if abbreviation_shaped(abbr):
                    # articles of one author count once: a series repeats its own coinages
                    source = a.doc.meta.author or a.slug
                    out.append((abbr, (source, m.group(1) or m.group(4), "before" if m.group(1) else "in")))
    return out


def _uses(a: Article, abbrs, pattern) -> list[str]:
    text = body_text(a)
    return [abbr for abbr in abbrs if abbr in text and pattern[abbr].search(text)]


def defined_terms(articles: list[Article]) -> list[str]:
    """Han terms that a source defines (所谓 X，就是… / X 是指…) and that at least
    MIN_TERM_SOURCES operations articles use: words of the trade, not one article's coinage."""
    relevant = [a for a in articles if on_topic(a)]
    found = set()
    for a in relevant:
        found.update(per_article(a, "defined", _defined_in))
    terms = tuple(
        term for term in sorted(found)
        if not (len(term) < 3 or _NOT_A_START.match(term) or re.search(r"[我你他她它这那其该此每各某]", term) or len(list(jieba.cut(term))) > 3)
    )
    used: Counter = Counter()
    for a in relevant:  # kept per article while the candidate terms stay the same (serve's rebuilds)
        used.update(per_article(a, "term uses", functools.partial(_terms_used, terms=terms), terms))
    return [term for term in terms
            if used[term] >= MIN_TERM_SOURCES and (_TERM_SHAPE.search(term) or any(w in term for w in domain_words()))]


def _terms_used(a: Article, terms: tuple[str, ...]) -> list[str]:
    heads, body = heading_text(a), body_text(a)
    return [term for term in terms if term in heads or term in body]


def _defined_in(a: Article) -> set[str]:
    found = set()
    for u in a.units:
        if u.kind == HEADING:
            continue
        for s in sentences(u.text):
            m = _DEFINED.match(s.lstrip())
            if m:
                found.add(m.group("a") or m.group("b"))
    return found


def terms(articles: list[Article], added: dict[str, str] | None = None) -> list[Term]:
    """Glossary entries: listed and added terms, agreed abbreviations and Han terms the
    sources define, each with a meaning (an expansion, or a defining sentence)."""
    entries = {t["term"]: dict(t) for t in topics()["terms"]}
    for abbr, meaning in _spelled(articles).items():
        entries.setdefault(abbr, {"term": abbr, "expansion": meaning})
    for term in defined_terms(articles):
        entries.setdefault(term, {"term": term})
    for name, meaning in (added or {}).items():
        entries[name] = {**entries.get(name, {"term": name}), "expansion": meaning}
    aliases_of = {name: sorted(set([name] + list(e.get("aliases") or [])), key=len, reverse=True) for name, e in entries.items()}
    term_of: dict[str, str] = {}
    for name in sorted(aliases_of):
        for al in aliases_of[name]:
            term_of.setdefault(al, name)
    # plain substring tests first (fast); word boundaries are checked per sentence below
    units_of: dict[str, list[tuple[Article, Unit]]] = defaultdict(list)
    named = tuple(sorted(term_of.items()))
    for a in articles:
        for name, u in per_article(a, "units_of", functools.partial(_units_naming, term_of=term_of), named):
            units_of[name].append((a, u))
    out = []
    for name, entry in sorted(entries.items()):
        expansion = str(entry.get("expansion") or "")
        definition, uses = _definition(name, aliases_of[name], expansion, units_of.get(name, []))
        if (definition or expansion) and (uses or name in (added or {})):
            out.append(Term(name, expansion, definition, tuple(uses)))
    return out


def _units_naming(a: Article, term_of: dict[str, str]) -> list[tuple[str, Unit]]:
    """(term, paragraph) for each term an operations article's paragraphs name (by a plain
    substring test: word boundaries are checked per sentence later)."""
    out = []
    if on_topic(a):
        for u in a.units:
            if u.kind != HEADING:
                out.extend((name, u) for name in sorted({term_of[al] for al in term_of if al in u.text}))
    return out


def _definition(name: str, aliases: list[str], expansion: str, units) -> tuple[Claim | None, list[Claim]]:
    """The best source sentence defining the term (a defining verb after the term or its
    Han expansion as subject), and the places that use it."""
    pattern = _term_pattern(aliases)
    subjects = tuple(aliases) + ((expansion,) if re.fullmatch(r"[\u4e00-\u9fff]{2,12}", expansion) else ())
    uses: list[Claim] = []
    used: set[str] = set()
    best: tuple[tuple, Claim] | None = None
    for a, u in units:
        for s in sentences(u.text):
            if not pattern.search(s):
                continue
            if len(uses) < MAX_USES:
                claim = claim_at(a, u, s)
                if claim.key not in used:
                    used.add(claim.key)
                    uses.append(claim)
            if not definition_strength(s, name, subjects):
                continue  # the term is not what the sentence is about: no definition here
            st = stated(a, u, s)
            if st is None or len(st.text) > 120:
                continue
            strength = definition_strength(st.text, name, subjects)
            if strength == 2 and defining_rest(st.text, subjects):  # 是指 / 就是 / 即: what the term means
                score = (strength, -abs(len(st.text) - 45))
                if best is None or score > best[0]:
                    best = (score, st)
    return (best[1] if best else None), uses
