"""Whether a statement reads as knowledge: the reasons a reader would reject it.

``statement.standalone`` already keeps questions, first/second-person narrative and
invented-person examples out. What it leaves can still fail a reader, and these are
patterns of Chinese writing, not of any one article:

- fragment: a heading or label copied as a sentence (用户生命周期管理), a list lead-in
  ending in a colon, a clause cut at a comma, a numbered heading (02 超级 KOL), quotes
  that close without opening;
- needs_context: a sentence that opens with or leans on what came before (这/此/该/其…,
  上述, 前者, 同样, 亦如此; the subject followed by 也/就/还/便: 社区运营就可以腾出…),
  or a step of one project's plan (与……部门沟通，明确……);
- rhetoric: slogans and filler (X 越来越重要, 已成为……之一, 至关重要, 听起来很高大上,
  X 是……的关键, 会有所差异), figures of speech (X 是……的护城河), one-line retorts
  (X 不是 A，而是 B), exclamations, the author's narration of the article (本文将…,
  接下来…, 一起来看看);
- anecdote: one company's story rather than a rule: a dated event (2014 年, 9 月 4 日,
  近日), sums in 万/亿, a prospectus or a report (招股书显示), a completed deal or
  launch (推出了, 携手, 签约), a campaign (发起“……”), an outcome in figures (达 78%),
  a list of companies (代表性的公司有……), a company's state (尚未建立), or a name as
  the subject (jieba tags it a person, place
  or organisation name, or it is a Latin word that is not an abbreviation: 小红书…, Babycare 的…).

``fault(text)`` returns the first reason, or '' when the statement may stand.
"""

from __future__ import annotations

import functools
import re

# a sentence needs the one before when it opens with a pointer back or a linking adverb
_OPENS_BACK = re.compile(
    r"^(?:如(?!何|果|今|同|此)|这|那(?!些年)|此(?!外)|该|其(?!实)|它|他|她|上述|以上|上面|前者|后者|如此|这样|对此|为此|因此|"
    r"同样|同理|也|亦|还|又|另(?!类)|再|即|便|就|并且?|且|而|但|故|则|于是|之后|然后|接着|最后|首先|其次|"
    r"第[一二三四五六七八九十\d]+(?![种类个层])|结果|答案|原因|特点是|方法是|一方面|另一方面|至于|(?:关键|重点|核心|难点|秘诀)(?:在于|就是|是)[，,]?)"
)
# the subject, then an adverb that refers to an earlier sentence: 社区运营就可以…, X 同样属于…
_LEANS_BACK = re.compile(r"^(?![^，,。]{0,10}(?:不仅|不但|不只|既|无论|不管))[^，,。：:；;]{1,14}?(?:也(?!叫|称|就是)|同样|亦|就(?!是|叫|在于)|便|又|还(?!原|是)|(?<![规原否准法细守])则)")
_ALSO = re.compile(r"^[^，,。：:；;]{1,14}?(?:也(?!叫|称|就是)|同样|亦)")
_CONCEDES = re.compile(r"[，,]\s*(?:但|但是|不过|然而|可是|只是)")
_BRACKETED = re.compile(r"\s*[（(][^）)]{1,40}[）)]")  # a name's gloss: 社群运营 (Community Building)
_ADDS_TO = re.compile(r"^[^，,。：:；;]{1,14}?(?:可能|通常|一般)?还(?:会|要|需要?|可以|能|可能)")
_OBJECT_MISSING = re.compile(r"(?:涉及|包括|包含|(?<![来中去])进行|参与|负责|关注|实现)[。；;]?$")
_POINTS_BACK = re.compile(r"这个(?!词|概念|问题)|如上|如前所述|如下所示|^[^，,。]{2,16}(?:后|之后|以后)[，,]|是相似的|是一样的|是相同的|也不例外|另一个|另一种|又一个|第[二三四五六七八九十]个|这样的|这些|那些|此类|这类|上述|以上(?:这|几|[两三四五六七八九十])|上面|上文|前文|前面(?:提到|说|讲|的)|前述|下面|下文|如下|前者|后者|亦如此|也是如此|同上|文中|图中|表中|如图|见图")
_NARRATION = re.compile(
    r"^(?:好|嗯|哦|OK|ok|对)[，,]|给出了答案|本文|本篇|这篇|此文|文章(?:将|会|从|中|里|分享|介绍|总结|讲)|笔者|(?<![创写])作者|接下来|下面(?:将|我们|来|就)|一起来|来看看|"
    r"来聊聊|聊一聊|很多文章|不少文章|希望(?:对|能|可以|本)|分享给|欢迎|点赞|关注我|请看|小编|大家好|干货"
)
_SLOGAN = re.compile(
    r"越来越(?:重要|关键|多|火|受|被)|(?:已经?|正在|逐渐|日益)成为|至关重要|举足轻重|不言而喻|不可或缺|重中之重|大势所趋|"
    r"毋庸置疑|显而易见|众所周知|听起来|注定|必然趋势|刻不容缓|势在必行|必修课|新风口|风口|红利期|时代已来|"
    r"就是就是|(?:就是[^。；;]{1,20}){3}|会?有所(?:差异|不同|区别)[。；;]?$|"
    r"不容忽视|备受|高大上|从不是|从来不是|绝不是|之死|残酷|一把钥匙|利器|法宝|秘诀|必杀技|杀手锏|天花板|组合拳|一站式|黑科技|神器|yyds|不用多说|门道|怪圈|好像|似乎|仿佛|沦为|陷入|堪称|不仅(?:仅)?(?:是|意味着?)[^。；;]{1,30}更是"
)
# a comparison that carries the whole statement (X 如同氧气); a long sentence that opens
# with one usually goes on to say what X is
_METAPHOR = re.compile(r"如同|犹如|好比|宛如|恰似|就像|好像|"
                       # X 是……的试验田 / 护城河: a figure of speech for what X is worth
                       r"是[^，,。；;]{0,16}(?:试验田|护城河|基本盘|蓄水池|发动机|主战场|压舱石|加速器|助推器|催化剂|放大器|"
                       r"孵化器|试金石|晴雨表|风向标|生命线|必争之地|桥梁|纽带|引擎)")
# X 不是 A，而是 B in a line: a retort (私域不是救世主，而是……的照妖镜)
_NOT_BUT = re.compile(r"不是[^，,。；;]{1,14}[，,]\s*而是")
# a step of one project's plan: 与用户运营部门沟通，明确……
_TASK = re.compile(r"^(?:与|跟|同|和)[^，,。；;]{1,14}?(?:沟通|对接|协调|确认|配合|协作|讨论|开会|同步)")
_VACUOUS = re.compile(r"是[^，,。；;]{0,14}?(?:的)?(?:关键|重要|核心|基础|前提|必经之路|一环|方向|趋势|保障|重点|精髓|灵魂|基石|根本|命脉)(?:所在|之一|因素|环节|一步)?了?[。！!]?$")
_EVENT = re.compile(
    r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月份?(?:初|底|中旬)?[，,]|(?:去年|今年|前年|近日|日前|近期|此前|当时|那时|当年|曾经|上个月|本月|昨日|昨天)|"
    r"\d+(?:\.\d+)?\s*(?:万|亿|千万|百万)|\d+\s*\+|某(?=[\u4e00-\u9fff])|以[^，,。]{1,24}为例|曾(?:经)?(?:提出|说|表示|指出|透露)|(?:指出|表示|透露|坦言)[，,：:]|招股书|财报|年报|数据显示|报告显示|(?<![数依根证占])据[^，,。]{1,10}(?:报道|统计|数据)|"
    r"(?:推出|发布|上线|宣布|联合|赞助|举办|开设|打造|构建|建立|获得|实现|投放|邀请|推动|带来)了|官宣|携手|签约|开业|融资|收购|斥资|砸钱|创下|刷新|"
    # an outcome in figures is one case's result (点击率能够达到 10%, 可达传统社区的 3-5 倍)
    r"(?:代表性?的|典型的|知名的|头部的?)(?:公司|企业|品牌|机构|商家|玩家)(?:有|包括|如|是)|"
    # one company's state (体系尚未建立, 几乎是空白) and a campaign launched under its name (发起“……挑战”)
    r"尚未(?:建立|形成|搭建|开始|落地)|几乎(?:是|为)?空白|(?:发起|推出|举办|开展|策划)了?[^，,。；;]{0,8}[“「『][^”」』]{2,}[”」』]|"
    r"(?:达到|可达|高达|(?<![到表传])达|提升了|提高了|增长了|翻了)[^，,。；;]{0,12}?\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:%|％|倍)"
)
_LABEL_START = re.compile(r"^(?:\d{1,2}[\s.．、)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳]|[a-zA-Z][.、)）]\s)")
_PREDICATE = re.compile(
    r"是|有|在|会|能|可|要|需|应|把|将|让|使|用|为|指|即|做|对|从|给|向|与|和|跟|得|了|着|过|就|都|到|成|去|来|被|由|按|根据|通过|"
    r"包括|包含|属于|意味|代表|决定|影响|提升|提高|降低|增加|减少|帮助|满足|形成|建立|保持|获取|获得|实现|关注|强调|侧重|依赖"
)
_FINAL = "。！？!?；;…"
_TITLE = re.compile(r"^[^，,；;：:]+的(?:落地|应用|实践|作用|意义|方法|策略|思路|玩法|技巧|步骤|逻辑|原则|误区|区别|关系|本质|核心)[。.]?$")
_SUBORDINATE = re.compile(r"除了|因为|由于|如果|虽然|尽管|随着|为了|只要|只有|一旦|不仅|不但|利用|通过[^，,]{0,12}$")
_CLOSING = "”’」』）)\"'"
MIN_HAN = 10


@functools.lru_cache(maxsize=65536)
def fault(text: str, clause: bool = False) -> str:
    """The first reason ``text`` cannot stand as knowledge, or '' when it can. A ``clause``
    (a comparison cell, cut at a comma on purpose) is not held to ending as a sentence."""
    t = text.strip().rstrip("，,；;")  if clause else text.strip()
    if not t:
        return "fragment"
    if (reason := _fragment(t, clause)):
        return reason
    if clause and not text.strip().endswith(tuple(_FINAL)) and _SUBORDINATE.search(t):
        return "fragment"  # 除了……之外，根据不同公司业务情况 / X 因为是自家开发的应用
    # in a comparison cell the other side stands in the next column (用户运营则…, 社群运营就…)
    # and the axis names what a verb is about (用户运营通常不直接涉及 in the row 销售成分),
    # but "also" leans on a sentence the cell does not show (社群运营也会…) unless the cell
    # goes on to say where it differs (社群运营也会……，但……)
    bare = _BRACKETED.sub("", t)  # 社群运营 (Community Building) 则……
    leans = (_ALSO.match(bare) and not _CONCEDES.search(bare)) if clause else _LEANS_BACK.match(bare)
    if _OPENS_BACK.match(t) or _POINTS_BACK.search(t) or _TASK.match(t) or leans or (not clause and _OBJECT_MISSING.search(t)):
        return "needs_context"
    if clause and adds_to(t):
        return "needs_context"  # 用户运营可能还会涉及……: adds to a list cut off before it (除了……之外)
    if (m := re.search(r"[三四五六]者", t)) and "、" not in t[: m.start()]:
        return "needs_context"  # 三者共同组成……: the three were named before
    if _NARRATION.search(t):
        return "narration"
    if _SLOGAN.search(t) or (len(t) <= 40 and _NOT_BUT.search(t)) or (len(t) <= 40 and _VACUOUS.search(t)) or (len(t) <= 60 and _METAPHOR.search(t)) or t.endswith(("！", "!", "……", "...")):
        return "rhetoric"
    if _EVENT.search(t) or _named_subject(t[:8]) or _named_subject(_main_clause(t)[:8]) or _LONG_QUOTE.search(t):
        return "anecdote"
    return ""


_NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz")
# an adverbial that sets the scene before the subject: 通过……，亚马逊能…… / 对于……，小红书也……
_ADVERBIAL = re.compile(r"^(?:通过|对于|对|在|从|为了|随着|基于|借助|依托|凭借|针对|面对|作为)[^，,。；;]{1,30}[，,]\s*")
# a quoted line of ten or more characters is a campaign's copy or a scene, not a term
_LONG_QUOTE = re.compile(r"[“「『][^”」』]*[\u4e00-\u9fff][^”」』]{9,}[”」』]")


def _main_clause(t: str) -> str:
    """The sentence after its leading adverbial clause, where the subject stands."""
    m = _ADVERBIAL.match(t)
    return t[m.end():] if m else ""



@functools.lru_cache(maxsize=65536)
def _named_subject(head: str) -> bool:
    """The statement opens with a name (小红书…, 凯叔…, Babycare 的…): one company's or
    person's story, not a rule. Abbreviations of the trade (KOL, RFM) are not names."""
    import jieba.posseg

    if not head:
        return False
    first = next(iter(jieba.posseg.cut(head)), None)
    if first is None:
        return False
    if first.flag == "eng":
        return bool(re.search(r"[a-z]", first.word)) and len(first.word) > 2
    return first.flag in _NAME_TAGS and len(first.word) >= 2 and not any(first.word in w for w in _trade_words())


@functools.lru_cache(maxsize=1)
def _trade_words() -> tuple[str, ...]:
    """Words of the trade jieba may take for names (拉新 as a person): the topics file's
    domain words, terms, sides and concepts."""
    from .base import aliases_of, topics  # base imports this module

    t = topics()
    names = [n for e in t["sides"] + t["concepts"] for n in aliases_of(e)]
    names += [n for e in t["terms"] for n in [e["term"], *(e.get("aliases") or [])]]
    return tuple(dict.fromkeys([*t.get("domain", []), *t.get("trade", []), *names]))


def _fragment(t: str, clause: bool = False) -> str:
    if len(re.findall(r"[\u4e00-\u9fff]", t)) < (6 if clause else MIN_HAN):
        return "fragment"
    if t[-1] in "：:，,、（(—-" or t[0] in "”’」』）)，,、；;：:。" or _LABEL_START.match(t):
        return "fragment"
    if t.count("“") != t.count("”") or t.count("「") != t.count("」") or t.count("（") + t.count("(") != t.count("）") + t.count(")"):
        return "fragment"
    ended = t[-1] in _FINAL or (t[-1] in _CLOSING and len(t) > 1 and t[-2] in _FINAL)
    if not ended and not clause and (len(t) < 20 or not _PREDICATE.search(t) or re.search(r"[，,]", t) and _SUBORDINATE.search(t)):
        return "fragment"  # a heading or label: 用户生命周期管理, M(Monetary) 历史消费金额
    if len(t) <= 24 and _TITLE.search(t):
        return "fragment"  # a section title with a full stop: RFM 模型在用户运营中的落地。
    if re.match(r"^[\u4e00-\u9fff]{2,12}\s+[\u4e00-\u9fff]", t):
        return "fragment"  # a heading glued to its first sentence (用户属性维度 社区用户呈现……)
    if re.match(r"^[^，,。；;：:]{1,10}(?:——|--)(?!\s*(?:通常|一般|往往|主要|就是|是|即|指))", t):
        return "fragment"  # a label and its list (分层——R 最近消费时间……); 等级分层——通常是…… says what it is
    if (m := re.match(r"^([^，,。；;：:]{2,20})[：:]", t)) and (
            len(m.group(1)) <= 12 or not re.search(r"在于|是|有|包括|包含|为|如下|分|即|指|要|需|应|满足|可以|能", m.group(1))):
        return "fragment"  # a label and its note (用户画像：通过……, 从 0-1 的阶段：……), not a sentence about it
    if not clause and t[-1] in "；;":
        return "fragment"  # one item of a list that goes on
    if "&gt;" in t or "&lt;" in t or "&amp;" in t:
        return "fragment"
    return ""


def adds_to(text: str) -> bool:
    """``text`` opens by adding to something said before it (X 可能还会……)."""
    return bool(_ADDS_TO.match(_BRACKETED.sub("", text.strip())))


def knowledge(text: str) -> bool:
    return not fault(text)
