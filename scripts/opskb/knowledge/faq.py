"""The FAQ: questions a reader of an operations knowledge base could ask, each with the
source text that answers it.

Where questions come from: Q/A blocks (问：/答：, Q1：/A：), question headings answered
by the first paragraphs of their section, and a paragraph or quote that holds nothing
but a question, answered by what follows. A question sentence inside a paragraph is an
author's device far more often than a reader's question, so it is not taken.

A question enters when it reads as a reader's question (``reader_question``): a
question word, on an operations subject, short, general: no first or second person
(你能给用户开放……吗, 我为什么要继续用), no pointer back (这种模式, 此时), no
worked example (假如用户……, 用户 C, 某一周), no quoted speech, no rhetoric. Its first
answer must answer (``answers``): a statement that reads as knowledge (quality.py),
not the article announcing itself (本文分享了…, 接下来…), sharing a word with the
question. Questions that ask the same thing are merged; 什么是 X starts with a
definition of X.
"""

from __future__ import annotations

import functools
import re

import jieba

from ..records import HEADING, LIST, PARAGRAPH, QUOTE, Article
from .base import (
    ANSWERED,
    ASKED,
    Claim,
    Question,
    aliases_of,
    by_support,
    claim_at,
    stated,
    strip_numbering,
    topics,
    unique,
)
from .relevance import domain_words, on_topic, per_article
from .statement import defining_rest, definition_strength, sentences, strip_lead

_QUESTION_END = re.compile(r"[？?]")
_RHETORICAL = re.compile(r"又[^，,。]{0,14}(?:呢|吗)|是不是还|怎么会|何以|怎能|如.{1,6}般|般重要|难道|不也|岂|何尝|莫非|谁不|哪有|何必|还记得|真的|究竟为何|凭什么|怎么可能|不就是|不是.{1,8}吗|重要性|有多重要|多么重要")
_Q_WORDS = re.compile(r"什么|如何|怎么|怎样|为什么|为何|哪些|哪个|哪种|是否|吗|呢|吧|是不是|有没有|多少|还是|能否|能不能|要不要|该不该|应不应该|区别|差异")
_Q_NOISE = re.compile(
    r"^(?:那么|所以|其实|那|到底|究竟|请问)|[“”\"'‘’？?。，,\s]|到底|究竟|有什么|是什么|什么是|有怎样的|一定|很多|呢|吗|吧|也|的|有")
# a question that speaks to or about someone, points back, or sets up a worked example
_NOT_A_READERS = re.compile(
    r"\d+(?:\.\d+)?\s*(?:倍|万|亿|%|个百分点)|我|你|您|咱|他|她|它们|大家|自己|别人|有人|老板|"
    r"这|那(?!么)|此|(?<!应)该(?!不该|怎么|如何)|其(?!他|它|次)|上述|以上|前者|后者|"
    r"假如|假设|如果|比如|例如|若|当.{1,12}时|某|(?<![A-Za-z])[A-Z](?![A-Za-z])|"
    r"[“”\"「」『』！!…]|年|月\d|[（(]"
)
_NARRATES = re.compile(r"本文|本篇|这篇|文章(?:将|会|从|分享|介绍|总结|讲)|笔者|接下来|下面(?:将|我们|来|就)|以下(?:是|将|几|为)|一起来|来看看|聊聊|希望(?:对|能|可以|本)|(?:给|和|跟|与|向)大家(?:分享|介绍|聊|讲)|分享了|总结了|整理了|告诉你|带你")
_STOP = frozenset("如何 怎么 怎样 什么 哪些 哪个 为什么 是否 可以 应该 需要 进行 一个 这个 那么 能否 有没有 区别 差异 之间 以及 还是 不同 作用 方法 问题 多少 多大 多久 多长 合适 适合".split())
_TOPIC_LINE = re.compile(r"^[^，,。]{0,12}(?:如何|怎么|怎样|为什么|为何)|要如何|该如何|给出.{0,4}答案|什么是|是什么")
_DIRECT = re.compile(r"^(?:建议|需要|不需要|是的|不是|可以|不可以|不能|应该|不应该|要|不要|当然|没有|有必要|没必要|先|一般)")
BROAD = frozenset({"用户", "客户", "增长", "会员", "转化", "标签"})
# what an answer to each kind of question looks like: how → what to do, why → a cause,
# which → a list, what is → a definition (checked elsewhere)
_ASKS_HOW = re.compile(r"如何|怎么|怎样|该怎|做好|方法|技巧")
_ASKS_WHY = re.compile(r"为什么|为何|原因")
_ASKS_WHAT = re.compile(r"什么是|是什么|指什么|什么叫|何为|何谓")
_DEFINES = re.compile(r"是指|指的是|就是|即|是一种|是一类|定义|意思是|计算|等于|=|＝|是[^，,。]{2,30}的(?:比例|比率|过程|方法|指标|总和|数量|能力|人|用户)")
_ASKS_WHICH = re.compile(r"哪些|有什么|哪几|几种|几个")
_DOES = re.compile(r"需要|需(?!求)|必须|应该|应当|可以|建议|(?<![主重只想])要(?!求|素|点|么)|首先|第一步|步骤|做法|方法是|关键是|核心是|通过|利用|借助|先[^，,。]{1,12}(?:再|然后)|一是|第一[，,、]")
# 原因是大不相同的 compares reasons without giving one
_BECAUSE = re.compile(r"因为|由于|原因(?:是|在于|有|包括|主要)(?![^，,。；;]{0,4}(?:不同|相同|一样|类似|多方面|复杂))|在于|所以|导致|使得|源于|来源于|本质上?是|根本上?|归根|决定了|之所以")
_THE_PAST = re.compile(r"^(?:过去|以前|从前|早期|早年|传统上|此前|原来)[，,]?")
_ASKS_HOW_MUCH = re.compile(r"多少|多大|多久|多长|几[个天年月次人成]")
_QUANTITY = re.compile(r"\d|[二三四五六七八九十百千万两半几]\s*[个天年月周次人成倍%％]|百分之|比例|占比|左右|以上|以下|之间")
_LISTS = re.compile(r"[、；;①②③]|包括|包含|分为|有以下|主要有|一是|第一|其一|\d[.、）)]")
MAX_QUESTION = 30
MIN_QUESTION = 5
ANSWER_WINDOW = 12  # units after a question that may hold its answer
FIRST_ANSWER_WITHIN = ANSWER_WINDOW  # the answer may follow a few sentences of narrative
MIN_ANSWER = 15
MIN_REASONED = 20  # an answer to how or why says more than a pointer
_WHAT_IS = re.compile(
    r"(?:什么是|什么叫|何为|何谓)\s*[“\"「]?(?P<a>[^”\"」？?，,。：:]{2,12}?)[”\"」]?\s*[？?]|"
    r"^(?P<b>[^，,。？?“”\"：:]{2,12}?)[”\"」]?\s*(?:到底|究竟)?(?:是什么|指什么|是指什么|是啥|的定义是什么|的含义是什么|的意思是什么)"
)


def _clean_question(q: str) -> str:
    """The question without Markdown heading marks, numbering and lead-in clauses that
    name no topic: 具体来讲，A 和 B 有怎样的区别呢？ / 三、什么是用户分层？"""
    q = re.sub(r"^[\\#\s–—\-·•]+", "", q.strip("“”\" "))
    q = re.sub(r"^(?:[A-Za-z]+\s*)?\d+(?:\\?[.．]\d+)*\s*[、.．:：]?\s*", "", q)  # 1.1 / Part 2 / Focus 1
    q = strip_lead(strip_numbering(q))
    while True:
        m = re.match(r"^([^，,：:]*)([，,：:])\s*", q)
        if not m or len(q) - m.end() < 6:
            return q
        label = m.group(2) in "：:" and not _Q_WORDS.search(m.group(1)) and _is_question(q[m.end():])
        if _topical(m.group(1)) and not label:  # 重运营：怎样提高……？ is a section label and its question
            return q
        q = q[m.end():]


def question_key(q: str) -> str:
    return _Q_NOISE.sub("", strip_numbering(q)).replace("与", "和")


def _is_question(text: str) -> bool:
    t = text.strip("“”\"' ")
    return bool(t) and bool(_QUESTION_END.search(t[-2:])) and bool(_Q_WORDS.search(t))


@functools.lru_cache(maxsize=1)
def _topic_words() -> tuple[str, ...]:
    """Words that make a question one of ours: the domain words, sides, concepts and
    glossary terms; the broadest ones (用户, 客户, 增长, 会员) are not enough alone:
    every business article has customers and wants growth."""
    return tuple(w for w in domain_words() if w not in BROAD)


def _topical(text: str) -> bool:
    return any(w in text for w in _topic_words())


def reader_question(q: str) -> bool:
    """``q`` (numbering and lead-ins cleaned) is a question a reader could ask."""
    body = q.rstrip("？? ")
    return (
        _is_question(q)
        and MIN_QUESTION <= len(body) <= MAX_QUESTION
        and _topical(q)
        and not _RHETORICAL.search(q)
        and not _NOT_A_READERS.search(re.sub(r"[“\"「][^”\"」]{1,8}[”\"」]", "词", body))  # a term in quotes is fine
        and not re.match(r"^(?:并|而|且|和|与|或|及|就|再|又|但|以及|还是|是否|能否|会不会|是不是)", body)
        and not re.search(r"[A-Za-z]*[a-z][A-Za-z]*", _abbrs_out(body))
        and len(sentences(q)) == 1
        and not _ones_story(body)
    )


_HOW_DID = re.compile(r"^(.{2,12}?)(?:是如何|是怎么|是怎样|为什么能|为何能|凭什么|靠什么|做对了什么)")
_GENERIC = re.compile(r"企业|品牌|公司|产品|商家|平台|团队|新人|运营|我们|大家|用户|客户|店铺|门店|账号|社群|私域|社区")


_DID_IT = re.compile(r"(?:怎么|如何|怎样)[^，,。？?]{1,14}的呢?$")


def _ones_story(body: str) -> bool:
    """凯叔讲故事是如何进行拉新的 / X 凭什么……: how one named company did it; ……是怎么做的呢:
    how something was done, asked of the case the article tells."""
    if _DID_IT.search(body):
        return True
    m = _HOW_DID.match(body)
    return bool(m) and not _GENERIC.search(m.group(1)) and not _topical(m.group(1))


def _abbrs_out(text: str) -> str:
    """``text`` without the topics file's Latin terms: a Latin word left over (Gamma,
    Notion) names a product or a company, not a subject of ours."""
    for name in _latin_terms():
        text = text.replace(name, "")
    return text


@functools.lru_cache(maxsize=1)
def _latin_terms() -> tuple[str, ...]:
    names = [n for t in topics()["terms"] for n in [t["term"], *(t.get("aliases") or [])]]
    return tuple(sorted({n for n in names if re.search(r"[A-Za-z]", n)}, key=len, reverse=True))


def _words(text: str) -> set[str]:
    return {w for w in jieba.cut(text) if len(w) >= 2 and w not in _STOP and re.search(r"[\u4e00-\u9fffA-Za-z]", w)}


def answers(question: str, claim: Claim, said: str = "") -> bool:
    """The first answer answers: long enough, not the article talking about itself, and
    about what was asked (a word of the question, or of its subject, stands in it).
    ``said`` is the source's text the claim was taken from, with the connective it opens
    with (为什么……？因为……: the claim drops 因为, the kind of answer keeps it)."""
    text = ANSWERED.sub("", claim.text).strip()
    if len(text) < MIN_ANSWER or _NARRATES.search(text) or not _ends(text):
        return False
    if _TOPIC_LINE.search(text):
        return False  # 如何在私域里把标品打造为……: the next topic announced, not an answer
    if not _of_the_asked_kind(question, said or text):
        return False
    if said and _ASKS_WHY.search(question) and re.match(r"(?:因为|由于|原因是|是因为)", said.strip()):
        return True  # 为什么……？因为……: the author answers in the same breath
    asked = _words(question)
    content = asked - set(domain_words())  # the question's words beyond the trade's common ones
    if subject := asked_for_definition(question):
        return subject in text
    if _DIRECT.match(text) and any(w in text for w in _topic_words() if len(w) >= 4 and w in question):
        return True  # 建议先从社群运营做起…: a direct answer naming what was asked about
    if not content:
        return all(w in text for w in asked)
    # a pair of characters is enough: 发红包 is answered by a sentence about 红包
    return any(w[i:i + 2] in text for w in content for i in range(len(w) - 1))


def _ends(text: str) -> bool:
    """A whole answer ends as a sentence does, not cut at a comma or a lead-in."""
    t = text.rstrip("”’」』）)\"' ")
    return bool(t) and t[-1] in "。！!；;…"


def _of_the_asked_kind(question: str, text: str) -> bool:
    if asked_for_definition(question):
        return True
    if _ASKS_WHAT.search(question) and not re.search(r"区别|差异|不同|关系|联系|异同", question):
        # 什么是社区的投资回报率: the answer says what it is
        return bool(_DEFINES.search(text))
    if _ASKS_WHY.search(question):
        return len(text) >= MIN_REASONED and bool(_BECAUSE.search(text))
    if _ASKS_HOW.search(question):  # a way of doing it, said in more than a pointer (按照三阶段路径来搭建)
        # 过去，内容推广主要依托……: how it used to be done sets up the answer, it is not one
        return len(text) >= MIN_REASONED and bool(_DOES.search(text)) and not _THE_PAST.match(text)
    if _ASKS_WHICH.search(question):
        return bool(_LISTS.search(text))
    if _ASKS_HOW_MUCH.search(question):  # how many, how long: the answer holds an amount
        return bool(_QUANTITY.search(text))
    return True


def _answer(a: Article, unit, question: str, first: bool) -> Claim | None:
    if unit.kind not in (PARAGRAPH, LIST, QUOTE):
        return None
    c = stated(a, unit, unit.text)
    if c is None or (first and not answers(question, c)) or _NARRATES.search(c.text):
        return None
    return c


def questions(articles: list[Article]) -> list[Question]:
    found = [q for a in articles for q in per_article(a, "questions", _asked_in)]
    return _merged(found, articles)


def _asked_in(a: Article) -> list[Question]:
    """The reader's questions one article asks and answers."""
    found: list[Question] = []
    if on_topic(a):
        units = list(a.units)
        for i, u in enumerate(units):
            nxt = units[i + 1:]
            if ANSWERED.match(u.text):
                continue
            qa = bool(ASKED.match(u.text) and nxt and ANSWERED.match(nxt[0].text))
            sents = sentences(u.text)
            whole = u.kind == HEADING or qa or all(_is_question(s) for s in sents)
            if whole:
                asked = [u.text] if u.kind == HEADING or qa else sents
            elif _is_question(sents[-1]):  # a paragraph that ends on its question, answered below
                asked = [sents[-1]]
            elif _is_question(sents[0]):  # 为什么……？因为……: answered in place
                asked = [sents[0]]
            else:
                continue  # a question in the middle of a paragraph: the author's device
            qs = [q for q in (_clean_question(s) for s in asked) if reader_question(q)]
            if not qs or len(qs) > 3:
                continue
            body: list[Claim] = []
            rest = u.text[u.text.find(asked[0]) + len(asked[0]):].strip() if not whole and asked[0] == sents[0] else ""
            if rest:
                c = stated(a, u, rest)
                if c is not None and answers(qs[0], c, rest) and not _NARRATES.search(c.text):
                    body.append(c)
            else:
                for n, v in enumerate(nxt[:1] if qa else nxt[:ANSWER_WINDOW]):
                    if v.kind == HEADING or len(body) == 3 or (not body and n >= FIRST_ANSWER_WITHIN):
                        break
                    if c := _answer(a, v, qs[0], first=not body):
                        body.append(c)
                    elif body:
                        break
            for q in qs:  # several questions in one unit: each keeps only an answer that answers it
                if body and (q is qs[0] or answers(q, body[0])):
                    found.append(Question(q, tuple(body), claim_at(a, u, asked[0] if len(asked) == 1 else u.text)))
    return found


def _merged(found: list[Question], articles: list[Article]) -> list[Question]:
    """Questions that ask the same thing as one, answers most sources give first; 什么是 X
    starts with a definition of X or is not listed."""
    merged: dict[str, Question] = {}
    for q in found:
        k = question_key(q.question)
        if k in merged:
            old = merged[k]
            merged[k] = Question(old.question, old.answers + q.answers, old.asked)
        else:
            merged[k] = q
    out = []
    answered: set[str] = set()
    for q in merged.values():
        q = Question(q.question, tuple(c for c, _n in by_support(q.answers)), q.asked)
        if q.answers[0].key in answered:
            continue  # 社区管理者日常做什么 / 都在做什么: one question, asked twice
        answered.add(q.answers[0].key)
        subject = asked_for_definition(q.question)
        if subject:
            best = _definition_of(subject, articles, q.asked)
            if best is None:
                continue
            q = Question(q.question, tuple(unique([best, *q.answers])), q.asked)
        out.append(q)
    # questions most sources answer first, then in the order found
    return sorted(out, key=lambda q: -len({c.slug for c in q.answers}))


def what_is(found: list[Question], concepts, glossary) -> list[Question]:
    """The questions the sources ask, then 什么是 X for every concept and glossary term a
    source defines, answered with that definition (a reader asks it of every term), unless
    a source asks it already."""
    out = list(found)
    keys = {question_key(q.question) for q in found}
    defined = [(c.name, c.definitions[0]) for c in concepts if c.definitions]
    defined += [(t.term, t.definition) for t in glossary if t.definition is not None]
    for name, definition in defined:
        q = f"什么是 {name}？" if re.match(r"[A-Za-z]", name) else f"什么是{name}？"
        if question_key(q) not in keys and definition.key not in {a.key for x in out for a in x.answers[:1]}:
            keys.add(question_key(q))
            out.append(Question(q, (definition,), None))
    return out


_CONTRAST = re.compile(r"而|但|相比|相对|不同|区别|差异|更|则")


def compared(found: list[Question], axes, sides: tuple[str, ...], named: tuple[str, ...]) -> list[Question]:
    """社群运营和用户运营在 <axis> 上有什么不同？ for each ``named`` axis where a source sentence
    sets the two sides against each other on it (社群运营的规模普遍不大，而用户运营的规模
    普遍较大); that sentence answers, the cells of each side follow. A job seeker asks it."""
    a, b = sides[0], sides[1]
    out = list(found)
    used = {c.key for q in found for c in q.answers[:1]}
    for axis in axes:
        if axis.name not in named:
            continue
        said = [c for sec in axis.sections for c in sec.reasoning]
        # one sentence that holds both sides and sets them apart (two sentences side by side
        # often say one thing of each: 用户运营的目标是……。而社群运营可以……)
        both = [c for c in said if c.key not in used
                and any(a in s and b in s and _CONTRAST.search(s) for s in sentences(c.text))]
        if not both:
            continue
        best = [c for c, _n in by_support(both)][0]
        used.add(best.key)
        rest = [c for side in (a, b) for c in axis.cells(side)[:1] if c.text not in best.text]
        out.append(Question(f"{a}和{b}在{axis.name}上有什么不同？", tuple(unique([best, *rest])), None))
    return out


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
        here = a.slug == asked.slug
        at = next((n for n, u in enumerate(a.units) if u.anchor == asked.anchor), len(a.units)) if here else 0
        for n, strength, c in per_article(a, "defines " + subject, functools.partial(_definitions_in, subject=subject, aliases=aliases)):
            found.append(((-strength, not here, here and n < at, len(found)), c))
    return min(found, key=lambda x: x[0])[1] if found else None


def _definitions_in(a: Article, subject: str, aliases: tuple[str, ...]) -> list[tuple[int, int, Claim]]:
    """(unit number, strength, statement) of each sentence of ``a`` that defines ``subject``."""
    out = []
    for n, u in enumerate(a.units):
        if u.kind == HEADING or not any(al in u.text for al in aliases):
            continue
        for s in sentences(u.text):
            c = stated(a, u, s)
            strength = definition_strength(c.text, subject, aliases) if c and defining_rest(c.text, aliases) else 0
            if strength:
                out.append((n, strength, c))
    return out


def _subject_aliases(subject: str) -> tuple[str, ...]:
    """The subject and its aliases in the topics file (concepts, sides, terms)."""
    groups = [aliases_of(e) for e in topics()["concepts"] + topics()["sides"]]
    groups += [[t["term"], *(t.get("aliases") or [])] for t in topics()["terms"]]
    for names in groups:
        if subject in names:
            return tuple(sorted(set(names) | {subject}, key=len, reverse=True))
    return (subject,)
