"""Extraction patterns on small articles of their own."""

from opskb.ingest.article import make_article
from opskb.knowledge.extract import extract, question_key, sentences, short_clause, subject_part
from opskb.records import HEADING, LIST, PARAGRAPH, QUOTE, Block, Doc, Meta


def art(blocks, title="测试文章", slug="ceshi", author=""):
    return make_article(slug, Doc(f"{slug}.txt", Meta(title=title, author=author), tuple(blocks)), ())


def P(t):
    return Block(PARAGRAPH, text=t)


def H(t, level=2):
    return Block(HEADING, text=t, level=level)


def test_sentences_and_clauses_are_verbatim():
    text = "社群运营的规模普遍不大，而用户运营的规模普遍较大，百万级以上的较多。为什么？因为……"
    assert "".join(sentences(text)) == text.replace(" ", "")
    part = subject_part(sentences(text)[0], ["用户运营"])
    assert part == "用户运营的规模普遍较大，百万级以上的较多。"
    assert short_clause("一二三四五六七八九十，一二三四五六七八九十，一二三四五六七八九十", 15) == "一二三四五六七八九十"


def test_numbered_axis_sections_and_contrast_cells():
    a = art([
        H("二、社群运营和用户运营的区别"),
        H("1、运营载体不同", 3),
        P("社群运营是基于第三方微信载体而开展的，而用户运营更多是基于自主研发载体而开展的。"),
        H("2. 成本结构的不同", 3),
        P("社群运营的成本主要是人力。"),
        P("用户运营的成本则主要花在研发和数据系统上。"),
        Block(LIST, items=("目标导向维度 社区运营聚焦长期价值，而社群运营侧重即时关系的价值兑现。",)),
    ])
    k = extract([a])
    axes = {ax.name: ax for ax in k.axes}
    assert axes["运营载体"].cells("社群运营")[0].text == "社群运营是基于第三方微信载体而开展的"
    assert axes["运营载体"].cells("用户运营")[0].text == "用户运营更多是基于自主研发载体而开展的。"
    assert axes["成本结构"].cells("用户运营")[0].text.startswith("用户运营的成本则主要花在")
    assert axes["目标"].cells("社区运营")[0].text.startswith("社区运营聚焦长期价值")
    assert axes["目标"].cells("社群运营")[0].text.startswith("社群运营侧重即时关系")


def test_definitions_and_claims_for_concepts():
    a = art([P("私域流量是指品牌可以反复多次免费触达的用户池。"), P("在我看来，社群运营是用户运营一种形态。"), P("社群运营需要熟悉微信平台的规则。")])
    k = extract([a])
    concepts = {c.name: c for c in k.concepts}
    assert [d.text for d in concepts["私域流量"].definitions] == ["私域流量是指品牌可以反复多次免费触达的用户池。"]
    # the claim after an opinion lead, not the narrative around it
    assert [d.text for d in concepts["社群运营"].definitions] == ["社群运营是用户运营一种形态。"]
    assert [c.text for c in concepts["社群运营"].claims] == ["社群运营需要熟悉微信平台的规则。"]


def test_questions_from_qa_blocks_headings_and_sentences():
    a = art([
        P("Q1：社群运营需要会写文案吗？"),
        P("A：需要，社群运营每天都要写群公告和活动文案。"),
        H("一、什么是用户运营？"),
        P("用户运营是围绕用户生命周期所采取的运营手段。"),
        Block(QUOTE, items=("“社群运营是纯销售吗？班主任是社群运营吗？”",)),
        P("如果工作内容是纯销售，那么它其实就是销售，不是社群运营。"),
        P("那么其他运营难道不是最终围绕这件事吗？"),
        P("所以你还是很蒙圈。"),
    ])
    qs = {q.question: q for q in extract([a]).questions}
    assert qs["社群运营需要会写文案吗？"].answers[0].text == "需要，社群运营每天都要写群公告和活动文案。"  # no speaker prefix
    assert qs["什么是用户运营？"].answers[0].text.startswith("用户运营是围绕")
    assert qs["社群运营是纯销售吗？"].answers[0].text.startswith("如果工作内容是纯销售")
    # asked together with it, but the answer about 纯销售 does not answer it
    assert "班主任是社群运营吗？" not in qs
    assert not any("难道" in q for q in qs)  # rhetorical questions are not FAQ entries


def test_same_question_in_other_words_is_merged():
    assert question_key("社群运营和用户运营有什么区别？") == question_key("Q1：社群运营与用户运营的区别是什么？")
    assert question_key("二、社群运营和用户运营的区别？") == question_key("社群运营和用户运营的区别是什么？")


def test_glossary_finds_listed_terms_and_spelled_out_abbreviations():
    a = art([P("社区运营关注 DAU（日活）和 CLV（客户终身价值）等指标。"), P("通过裂变活动，老用户邀请新用户。")],
            author="甲")
    b = art([P("用户运营要看转化率，也要看会员的客户终身价值（CLV）。"), P("社群运营同样关注留存和复购的用户。")], slug="b",
            author="乙")
    terms = {t.term: t for t in extract([a, b]).terms}
    assert terms["DAU"].expansion.startswith("Daily Active Users")
    # not in the topics file: two articles agree on it (one in the brackets, one before them)
    assert terms["CLV"].expansion == "客户终身价值"
    assert "CLV" not in {t.term for t in extract([a]).terms}  # one article alone is not enough
    b_same_author = art([P(u.text) for u in b.units], slug="c", author="甲")
    assert "CLV" not in {t.term for t in extract([a, b_same_author]).terms}  # nor one author twice
    # a sentence that only uses the term is a use, not its definition
    assert terms["裂变"].definition is None and terms["裂变"].uses[0].text == "通过裂变活动，老用户邀请新用户。"
    assert "SCRM" not in terms  # listed, but no source uses it


def test_layering_models():
    a = art([
        Block(QUOTE, items=("RFM分层——R(Recency)最近消费时间、F(Frequency)历史消费频次、M(Monetary)历史消费金额。",
                            "KOL等级分层——通常是根据生产型用户在平台的内容创作质量、内容发布次数和活跃天数分层。")),
        P("可以按RFM分层，分为潜在用户群、普通用户群、铁杆用户群。"),
        P("社区用户包含核心用户（占比约20%）、活跃用户(50%)、潜水用户(30%)。"),
        P("建立\"头部KOL-腰部创作者-素人用户\"的三层内容金字塔。"),
    ])
    L = extract([a]).layering
    assert [x[0] for x in L.rfm_letters] == ["R", "F", "M"]
    assert [g for g, _c in L.rfm_groups] == ["潜在用户群", "普通用户群", "铁杆用户群"]
    assert [c for c, _x in L.kol_criteria] == ["内容创作质量", "内容发布次数", "活跃天数"]
    assert [x for x, _c in L.kol_pyramid] == ["头部KOL", "腰部创作者", "素人用户"]
    assert [(lv, s) for lv, s, _c in L.activity] == [("核心用户", "20%"), ("活跃用户", "50%"), ("潜水用户", "30%")]


def test_rfm_statements_say_how_users_are_sorted():
    a = art([
        P("用户分层是精细化运营的基础，用户分层常用 RFM 模型，也可以按活跃度分群。"),
        P("RFM 模型按最近消费时间、消费频率和消费金额，把用户划分为 8 个价值群体。"),
        P("会员日当天，运营借助 RFM 模型定向推送营销活动，唤醒了不少沉睡用户。"),
        P("除了 RFM 模型，很多人群分类模型的理论基础都是价格歧视。"),
    ])
    claims = [c.text for c in extract([a]).layering.rfm_claims]
    assert any("划分为 8 个价值群体" in c for c in claims)
    assert not any("定向推送" in c or "价格歧视" in c for c in claims)


def test_an_rfm_letter_glossed_wrongly_is_left_out():
    a = art([
        P("RFM 模型用于用户分层，即消费（Recency）、消费频率（Frequency）、消费金额（Monetary）三个维度。"),
        P("RFM 模型用于用户分层，即最近一次消费（Recency）、消费频率（Frequency）、消费金额（Monetary）三个维度。"),
        P("RFM 模型的三个指标是 R（Recency）消费次数、F（Frequency）消费频率、M（Monetary）消费金额。"),
    ])
    L = extract([a]).layering
    assert [c.text for c in L.rfm_claims] == [a.units[1].text]
    assert [r for r, _m, _c in L.rfm_letters] == ["F", "M"]  # R glossed as a count is left out


def test_a_short_alias_stands_for_the_concept_only_as_its_subject():
    system = art([P("分层是为了降低组织的复杂度，让每一层只处理自己的信息。")] * 4, slug="zuzhi")
    users = art([P("用户分层要先定义用户价值。"), P("分层是为了把有限的资源投给最有价值的用户。"),
                 P("精细化思考是普通新人和资深运营之间最大的能力差距。"), P("精细化的核心是对不同价值的用户采取不同的运营动作。"),
                 P("精细化运营需要数据支持。")] * 2, slug="yonghu")
    concepts = {c.name: c for c in extract([system, users]).concepts}
    points = [c.text for c in concepts["用户分层"].claims + concepts["用户分层"].definitions]
    assert "分层是为了把有限的资源投给最有价值的用户。" in points  # an article that names 用户分层
    assert not any("组织" in p for p in points)  # 分层 of an organisation
    points = [c.text for c in concepts["精细化运营"].claims + concepts["精细化运营"].definitions]
    assert "精细化的核心是对不同价值的用户采取不同的运营动作。" in points
    assert not any("思考" in p for p in points)  # 精细化思考 is another subject


def test_the_faq_asks_how_the_sides_differ_where_a_source_sets_them_apart():
    a = art([
        H("社群运营和用户运营的区别"),
        H("1. 用户规模", 3),
        P("社群运营的规模普遍不大，而用户运营的规模普遍较大，百万级以上的较多。"),
        H("2. 运营载体", 3),
        P("社群运营多在微信群里开展。"),
        P("用户运营多在自家 App 里开展。"),
        H("3. 目标", 3),
        P("用户运营的目标之一是提高用户的活跃度。而社群运营可以通过组织线上活动，让成员更愿意留下来。"),
        P("社群运营靠活动带动活跃。"),
    ], title="社群运营和用户运营的区别")
    asked = {q.question: q for q in extract([a]).questions}
    q = asked.get("社群运营和用户运营在用户规模上有什么不同？")
    assert q is not None and q.answers[0].text.startswith("社群运营的规模普遍不大，而用户运营")
    assert q.asked is None  # our question, answered by the source's sentence
    assert "社群运营和用户运营在运营载体上有什么不同？" not in asked  # no sentence sets the sides against each other
    assert "社群运营和用户运营在目标上有什么不同？" not in asked  # one side per sentence: no contrast between them


def test_contrast_outside_a_numbered_section_joins_the_matrix():
    a = art([
        H("入行建议"),
        P("相对来讲，社群运营的门槛更低，而用户运营通常需要有一定的运营经验。"),
        P("社群运营关注群体氛围，用户运营则关注个体的生命周期价值。"),
        P("社群运营需要耐心。"),  # one side only: not a comparison
    ])
    axes = {ax.name: ax for ax in extract([a]).axes}
    assert axes["进入门槛"].cells("社群运营")[0].text == "社群运营的门槛更低"
    assert axes["进入门槛"].cells("用户运营")[0].text.startswith("用户运营通常需要")
    other = axes["综合对比"]
    assert other.cells("社群运营")[0].text.startswith("社群运营关注群体氛围")
    assert other.cells("用户运营")[0].text.startswith("用户运营则关注个体")
    assert sum(len(s.reasoning) for ax in axes.values() for s in ax.sections) == 2


def test_chinese_question_and_answer_markers():
    a = art([P("问：社群需要每天发红包吗？"), P("答：不需要，红包只能短期拉活跃，长期靠内容和服务。")])
    (q,) = [q for q in extract([a]).questions if "红包" in q.question]
    assert q.question == "社群需要每天发红包吗？"
    assert q.answers[0].text.startswith("不需要")


def test_common_ground_is_what_both_sides_share():
    a = art([
        H("社群运营和用户运营的区别"),
        H("1. 用户规模", 3),
        P("社群运营的规模普遍不大，而用户运营的规模普遍较大，百万级以上的较多。"),
        H("社群运营和用户运营的共同点"),
        P("不管是社群运营还是用户运营，都需要持续理解用户的真实需求。"),
        P("社群运营与用户运营均以用户为核心，但侧重点不同，用户运营更看重单个用户的价值。"),
        P("基于用户生命周期的运营，在打车产品早期，所有新用户都可以无条件领取优惠券。"),
    ], title="社群运营和用户运营有什么区别")
    common = [c.text for c in extract([a]).common]
    assert any(c.startswith("不管是社群运营还是用户运营") for c in common)
    assert not any("侧重点不同" in c or "优惠券" in c for c in common)  # a difference; one side's example
