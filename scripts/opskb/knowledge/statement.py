"""What may stand on a knowledge page as a statement: a verbatim excerpt of one source
paragraph that reads on its own.

A paragraph is cut into sentences; sentences that cannot be claims are left out, and
the statement is the longest run of the others (so it stays one excerpt):
- questions (they feed the FAQ, they are not claims);
- first- and second-person narrative (我猜…, 你可以…, 有人会告诉你…) and worked
  examples with invented people (比如小明…, 假设…): they speak to one reader, not
  about the subject.
A sentence that is narrative only in part keeps the part that is not: the claim after
an opinion lead (在我看来，…), or its opening clauses before the narrative or the
invented person (…管理员，类似于张三这样的角色 keeps …管理员).
Then what only made sense inside the paragraph goes from the start: a speaker prefix
(A：, 答：) and leading connectives (而, 但, 所以, 那么 …), when what follows still
stands as a clause. Nothing is reworded; the result is a substring of the input.

``defines(text, name)`` tells whether a statement defines ``name`` (X 是指 / X 就是 /
X 即 / 所谓 X …, with X itself the subject).
"""

from __future__ import annotations

import functools
import re

_SENTENCE = re.compile(r"[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)]?|$)")

SPEAKER = re.compile(r"^\s*(?:[QA]|问题?|答)\s*\d*\s*[：:]\s*", re.I)
# Connectives that tie a sentence to the one before it. Longer words first; single
# characters only where they cannot start an ordinary noun phrase (那些, 并非 stay).
CONNECTIVE = re.compile(
    r"^(?:而且|而是|而言|而|但是|但|可是|不过|然而|只是|则|又|所以|因此|因而|因为|由于|于是|从而|那么|那(?=[，,么就])|"
    r"并且|而且|况且|何况|再者|再说|另外|此外|同时|其实|当然|总之|总的来说|总而言之|综上所述?|换句话说|换言之|"
    r"也就是说|也就是|反之|否则|然后|接着|其次|最后|首先|还有|甚至|另一方面|相对来讲|相对而言|相比之下|"
    r"因此可见|可见|由此可见|所以说|说白了|简单来说|简单地说|具体来说|具体来讲|具体而言|更进一步(?:来说|来讲|说)?|"
    r"进一步(?:来说|来讲|说)|就是说|就是(?!说)|个人认为|笔者认为|也)\s*[，,、]?\s*"
)
QUESTION = re.compile(r"[？?][”’」』）)\"']*$")
# I / you / we, but not 自我 (self) or 我国 (our country, formal writing)
PERSON = re.compile(r"(?<![自忘])我(?!国)|你|您|咱|有人(?:说|会说|认为|觉得|告诉)")
EXAMPLE = re.compile(
    r"^(?:比如说?|比方说|例如|譬如|举个例子|举例来说|举个栗子|打个比方|假如|假设|设想|想象一下)|"
    r"(?:小[明红刚王李张刘陈赵美丽强](?![书程])|张三|李四|王五|老王|小[A-Z](?![A-Za-z]))"
)
OPINION_LEAD = re.compile(r"^(?:在我看来|我认为|我觉得|我想说的是|个人认为|笔者认为|依我看)\s*[，,：:]?\s*")
MIN_CHARS = 8
MIN_CLAUSE_CHARS = 16  # an opening clause kept on its own is at least this long


@functools.lru_cache(maxsize=65536)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE.findall(text) if s.strip())


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


def is_question(sentence: str) -> bool:
    return bool(QUESTION.search(sentence.strip()))


def usable(sentence: str) -> bool:
    """A sentence that may be part of a claim: not a question, not narrative."""
    s = strip_lead(sentence)
    return not is_question(s) and not PERSON.search(s) and not EXAMPLE.search(s)


def reported(sentence: str, part: str) -> bool:
    """``part`` of ``sentence`` is what someone is told or an invented person does: the
    words before it are narrative (有人会告诉你，X / 比如小明，X)."""
    before = sentence[: max(sentence.find(part), 0)]
    before = OPINION_LEAD.sub("", strip_lead(before), count=1)  # 在我看来，X: the author's own claim
    return bool(PERSON.search(before) or EXAMPLE.search(before.lstrip()))


def usable_part(sentence: str) -> str:
    """The part of a narrative sentence that is a claim: what follows an opinion lead, or
    the opening clauses before the first narrative one; '' when none."""
    if is_question(sentence):
        return ""
    after = OPINION_LEAD.sub("", strip_lead(sentence), count=1)
    if after != strip_lead(sentence) and usable(after):
        return after
    kept = ""
    for m in re.finditer(r"[^，,；;：:]+[，,；;：:]?", sentence):
        clause = m.group(0)
        if PERSON.search(clause) or EXAMPLE.search(clause.lstrip()) or EXAMPLE.search(kept + clause):
            break
        kept += clause
    kept = kept.rstrip("，,；;：: ")
    return kept if len(kept) >= MIN_CLAUSE_CHARS and kept != sentence.rstrip("，,；;：: ") else ""


def strip_lead(text: str) -> str:
    """``text`` without a speaker prefix and leading connectives (a suffix of it)."""
    while True:
        new = CONNECTIVE.sub("", SPEAKER.sub("", text, count=1), count=1)
        if new == text:
            return text
        text = new


@functools.lru_cache(maxsize=65536)
def standalone(text: str) -> str | None:
    """The longest run of usable sentences of ``text``, its lead stripped; None when
    nothing of it can be a claim. Always a substring of ``text``."""
    best = ""
    run: list[str] = []
    for s in sentences(text) + [None]:
        if s is not None and usable(s):
            run.append(s)
            continue
        if run:
            start = text.find(run[0])
            end = text.find(run[-1], start) + len(run[-1])
            candidate = text[start:end]
            if len(candidate) > len(best):
                best = candidate
        run = []
        part = usable_part(s) if s is not None else ""
        if len(part) > len(best):
            best = part
    best = strip_lead(best).strip()
    if len(best) < MIN_CHARS or not re.search(r"[\u4e00-\u9fff]", best):
        return None
    return best


# ------------------------------------------------------------------ definitions

# X 是指 / X 就是 / X 指的是 / X 即 / X 的定义是 / X 是一种…: the defining verbs, strongest first
STRONG_DEFINITION = r"(?:是指|就是指?|指的是|即为|即|的定义是|又称|也叫|简称|被定义为|可以定义为)"
WEAK_DEFINITION = r"(?:的核心是|的核心在于|的本质是|的本质在于|是一种|是一个|是一类|是以|是基于|是通过|是围绕|是把|是将|[：:]|是(?!不是|否|因为|由于|为了|在|从|对|要))"


def definition_strength(text: str, name: str, aliases: tuple[str, ...] = ()) -> int:
    """2 when ``text`` defines ``name`` with a defining verb (X 是指 / 所谓 X，就是…),
    1 when it says what X is (X 是… / X 的核心是…), 0 when X is not its subject."""
    t = strip_lead(text)
    m = re.match(r"^所谓\s*[“\"「]?", t)
    if m:
        t = t[m.end():]
    for al in sorted({name, *aliases}, key=len, reverse=True):
        if not t.startswith(al):
            continue
        rest = t[len(al):]
        rest = re.sub(r"^\s*[”\"」]?\s*[（(][^）)]{1,40}[)）]", "", rest)  # X（English）是…
        rest = re.sub(r"^\s*[”\"」]?\s*[，,]?\s*", "", rest)
        if m and re.match(r"(?:就?是|指|即)", rest):
            return 2
        if re.match(STRONG_DEFINITION, rest):
            return 2
        if re.match(WEAK_DEFINITION, rest):
            return 1
        return 0
    return 0


# what a definition goes on with after the concept: a defining verb, or a category
_DEFINING = re.compile(r"^(?:是指|就是|指的是|即为?|的定义是|又称|也叫|简称|被定义为|可以定义为|可以理解为|是一种|是一类)")
# X 的核心是 / X 的本质是 / X 是以……: what matters most about X, a main point rather than what X is


# X 是……的 <class>: a weak defining verb followed by what kind of thing X is
_PRAISE = re.compile(r"(?:重要|有效|关键|核心|必要|常用|最佳|最好|强大)的?[\u4e00-\u9fff]{0,2}[。；;]?$")
_JUDGES = re.compile(r"主要|重要|关键|核心|有效|最|当前|目前|长期|动态|复杂|简单|常见|常用|必要|不可|极其|非常")
_ARGUES = re.compile(r"[，,]\s*(?:而|但|然而|相比|不同于|却)|违背|[：:]")
_CLASS_END = re.compile(
    r"(?:比例|比率|指标|方法|过程|模型|策略|手段|工具|体系|系统|机制|人群|用户|群体|阶段|能力|行为|活动|方式|模式|概念|"
    r"总和|数量|价值|成本|收入|环节|平台|渠道|理论|框架|流程|集合|关系|形式|形态|角色|岗位|工作|职能|组织|社区|社群|空间|资产|池|"
    r"形象|画像|描述|标签|档案|特征|总称|统称)[。；;]?$"
)


def defining_rest(text: str, aliases) -> bool:
    """``text`` says what the concept (or term) is: its name, then a defining verb or a category
    (not a bare colon or 是, which as often give a trait or an opinion)."""
    t = re.sub(r"^所谓\s*[“\"「]?", "", text)
    for al in aliases:
        if t.startswith(al):
            rest = re.sub(r"^\s*[”\"」]?\s*(?:[（(][^）)]{1,40}[)）])?\s*[，,]?\s*", "", t[len(al):])
            if _PRAISE.search(t) or _PRAISE.search(re.split(r"[，,。；;]", t, maxsplit=1)[0]) or _ARGUES.search(t):
                return False  # praise (X 是……的关键) or an argument (X 是……，而 Y……), not what X is
            if _DEFINING.match(rest) or (t is not text and re.match(r"(?:就?是|指|即)", rest)):
                return True
            # X 是……的 <class>: the class ends X's own clause (not a later one: 复购是收益来源，…复购用户)
            first = re.split(r"[，,。；;]", t, maxsplit=1)[0]
            return (bool(re.match(r"是(?!不是|否|因为|由于|为了)", rest)) and bool(_CLASS_END.search(first))
                    and not _JUDGES.search(first))  # 是一个长期而动态的过程 / 是当前最大的群体: a judgement
    return False


def defines(text: str, name: str, aliases: tuple[str, ...] = ()) -> bool:
    return definition_strength(text, name, aliases) > 0
