"""The user-layering page: how sources sort users into layers.

Only text about sorting users counts: RFM (its letters, the groups it yields, what
sources say of the model), KOLs as a tier of users (a sentence about KOLs that names
tiers: 头部 / 腰部 / 金字塔 / 分层 …), activity layers (核心用户, 活跃用户 …), the
dimensions of user tags, and sentences that say how users are divided (按……把用户分为…).
A sentence about using KOLs in marketing, or one brand's campaign, is not about layers.
Every statement reads as knowledge (quality.py) and comes from an operations article
(relevance.py).
"""

from __future__ import annotations

import functools
import re

from .base import Claim, Layering, stated, topics, unique, unique_by
from .relevance import about, on_topic, per_article
from .statement import sentences

# an RFM statement says how users are sorted or what the letters measure, not only that
# a campaign used the model (借助 RFM 模型定向推送营销活动)
_RFM_ABOUT = re.compile(r"分层|分群|细分|分类|划分|分为|分成|群体|人群|等级|层级|价值|维度|指标|最近|频[率次]|金额|Recency|Frequency|Monetary")
_TIERS = re.compile(r"头部|腰部|尾部|中腰部|金字塔|分层|层级|分级|等级|梯队|素人|长尾")
_SORTING = re.compile(r"分为|划分|分成|分层|层级|金字塔|等级|梯队|按照?|根据|依据|以.{1,8}为(?:标准|依据)")
_DIVIDES = re.compile(
    r"(?:用户|客户|会员|粉丝|人群|玩家|买家)(?:群体|群)?\s*(?:可以|可|能|还可以)?\s*(?:被)?(?:分为|划分为|分成|细分为|划分成|分层为)"
    r"[^。；;]{0,6}?(?:[一二三四五六七八九十两\d]+\s*(?:类|层|级|种|个层级|个等级|群)|[^。；;，,]{1,10}[、和][^。；;，,]{1,10})"
)
# what each RFM letter measures; a gloss without its word misleads (消费（Recency）)
_RFM_MEANS = {"Recency": "近|时间|间隔|距|天数|时长|多久", "Frequency": "频|次", "Monetary": "金额|额|钱|价值|花费|贡献"}
_RFM_GLOSS = re.compile(r"([\u4e00-\u9fff]{1,10})?\s*[（(]\s*(Recency|Frequency|Monetary)\s*[)）]\s*[：:]?\s*([\u4e00-\u9fff]{0,12})")
_LAYERING_WORDS = ("分层", "分群", "RFM", "KOL", "层级", "分级", "核心用户", "活跃用户", "用户标签")
_LETTER = re.compile(r"(?<![A-Za-z])([RFM])\s*[(（]\s*([A-Za-z]+)\s*[)）]\s*[：:]?\s*([^、，,；;。（(\s]{2,12})")


_FOUND = ("rfm_letters", "rfm_claims", "rfm_groups", "kol_criteria", "kol_pyramid", "kol_claims", "activity", "methods")


def layering(articles) -> Layering:
    relevant = [a for a in articles if on_topic(a) and about(a, _LAYERING_WORDS, 2)]
    found: dict[str, list] = {k: [] for k in _FOUND}
    tag_dims: dict[str, list[Claim]] = {}
    tag_claim = None
    for a in relevant:  # what each article yields, in article order (kept per article: serve's rebuilds)
        mine, dims, claim = per_article(a, "layering", _layering_in)
        for k in _FOUND:
            found[k].extend(mine[k])
        for dim in dims:
            tag_dims.setdefault(dim, [])
        tag_claim = tag_claim or claim
    # what each tag dimension is used for: sentences that name it with 精细化 / 分层
    depends = (tuple(tag_dims), tag_claim.text if tag_claim else None)
    for a in relevant:
        for dim, claims in per_article(a, "tag uses", functools.partial(_tag_uses, depends=depends), depends).items():
            tag_dims[dim].extend(claims)
    return Layering(
        rfm_letters=tuple(unique_by(found["rfm_letters"], lambda x: x[0])),
        rfm_claims=tuple(unique(found["rfm_claims"])),
        rfm_groups=tuple(unique_by(found["rfm_groups"], lambda x: x[0])),
        kol_criteria=tuple(unique_by(found["kol_criteria"], lambda x: x[0])),
        kol_pyramid=tuple(unique_by(found["kol_pyramid"], lambda x: x[0])),
        kol_claims=tuple(unique(found["kol_claims"])),
        activity=tuple(unique_by(sorted(found["activity"], key=lambda x: x[1] == ""), lambda x: x[0])),
        tag_dimensions=tuple((d, tuple(unique(c))[:3]) for d, c in tag_dims.items()),
        tag_claim=tag_claim,
        methods=tuple(unique(found["methods"])),
    )


def _layering_in(a) -> tuple[dict[str, list], list[str], Claim | None]:
    """One article's rows and statements for the page ({kind: [...]} in unit order), the
    tag dimensions it names and its first statement naming them."""
    out: dict[str, list] = {k: [] for k in _FOUND}
    dims: list[str] = []
    tag_claim = None
    levels = topics()["layering"]["activity"]["levels"]
    kol_names = topics()["layering"]["kol"]["aliases"]
    shares = re.compile(r"(" + "|".join(levels) + r")\s*[（(]\s*(?:占比)?\s*约?\s*(\d+\s*%)\s*[)）]")
    for u in a.units:
        for s in sentences(u.text):
            if "RFM" in s:  # table rows; the whole unit is their source
                for m in _LETTER.finditer(s):
                    if not misreads_rfm(m.group(0)):
                        out["rfm_letters"].append((m.group(1), f"{m.group(3).strip()}（{m.group(2)}）", _row(a, u)))
                g = re.search(r"分为([^。；]+?[群层类])(?:[。；，]|$)", s)
                for name in re.split(r"[、，,和及]", g.group(1)) if g else ():
                    if name.strip():
                        out["rfm_groups"].append((name.strip(), _row(a, u)))
            p = re.search(r"[\"“]([^\"”]*KOL[^\"”]*)[\"”]", s)  # "头部KOL-腰部创作者-素人用户"
            if p and "-" in p.group(1):
                for level in p.group(1).split("-"):
                    out["kol_pyramid"].append((level.strip(), _row(a, u)))
            d = re.search(r"(?:用户)?标签.{0,8}?从(.+?)这?\s*\d+\s*个维度", s)  # the dimensions: table rows
            for dim in re.split(r"[、，,和]", d.group(1)) if d else ():
                if dim.strip():
                    dims.append(dim.strip())
            with_shares = False  # activity layers and their shares: table rows
            for m in shares.finditer(s):
                out["activity"].append((m.group(1), m.group(2).replace(" ", ""), _row(a, u)))
                with_shares = True
            hits = [lv for lv in levels if lv in s]
            if not with_shares and len(hits) >= 2:
                out["activity"].extend((lv, "", _row(a, u)) for lv in hits)
            st = stated(a, u, s)  # the sentence as a statement, if it can be one
            if d and st is not None:
                tag_claim = tag_claim or st
            if st is None:
                continue
            if "RFM" in s and _RFM_ABOUT.search(s) and not misreads_rfm(s) and not re.search(r"[、和]\s*RFM|RFM[^。，]{0,4}(?:模型)?等|^除了", s):
                out["rfm_claims"].append(st)
            if any(k in s for k in kol_names) and _TIERS.search(s) and _SORTING.search(s):
                out["kol_claims"].append(st)
                c = re.search(r"根据(.+?)(?:分层|来分|进行分层)", s)
                if c:
                    for crit in re.split(r"[、，,]|和|及", c.group(1)):
                        crit = re.sub(r"^.*?(?:在平台的|的)", "", crit).strip()
                        if crit:
                            out["kol_criteria"].append((crit, st))
            if _DIVIDES.search(s) and "RFM" not in s and not any(k in s for k in kol_names):
                out["methods"].append(st)
    return out, dims, tag_claim


def _tag_uses(a, depends: tuple) -> dict[str, list[Claim]]:
    """{dimension: the article's statements naming it with 精细化 / 分层 / 模型}, for the
    collection's dimensions (other than its statement that lists them)."""
    dims, listed = depends
    out: dict[str, list[Claim]] = {}
    for dim in dims:
        for u in a.units:
            for s in sentences(u.text):
                if dim in s and re.search(r"精细化|分层|模型", s) and s != listed:
                    if st := stated(a, u, s):
                        out.setdefault(dim, []).append(st)
    return out


def misreads_rfm(text: str) -> bool:
    """A letter of RFM glossed with a word that is not what it measures: 即消费（Recency）."""
    for m in _RFM_GLOSS.finditer(text):
        gloss = m.group(1) or m.group(3)
        if gloss and not re.search(_RFM_MEANS[m.group(2)], gloss):
            return True
    return False


def _row(article, unit) -> Claim:
    """The paragraph a table row was read from (cited as a link, not quoted)."""
    return Claim(unit.text, article.slug, unit.anchor, article.doc.meta.title)
