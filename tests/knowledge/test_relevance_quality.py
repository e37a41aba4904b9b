"""Rules that keep a real collection's knowledge pages right, each on small inputs of our own."""

import re

import pytest
from opskb.ingest.article import make_article
from opskb.knowledge import curation
from opskb.knowledge.base import Claim
from opskb.knowledge.extract import extract
from opskb.knowledge.faq import _clean_question, answers, reader_question
from opskb.knowledge.glossary import abbreviation_shaped, agreed_expansion
from opskb.knowledge.quality import fault
from opskb.records import HEADING, PARAGRAPH, Block, Doc, Meta


def art(paragraphs, title="测试文章", slug="ceshi", heads=()):
    blocks = [Block(HEADING, text=h, level=2) for h in heads] + [Block(PARAGRAPH, text=t) for t in paragraphs]
    return make_article(slug, Doc(f"{slug}.txt", Meta(title=title), tuple(blocks)), ())


@pytest.mark.parametrize("text, reason", [
    ("用户生命周期管理", "fragment"),  # a heading copied as a sentence
    ("私域是品牌和用户间长远而忠诚的关系，目前看私域可以分为三个层次：", "fragment"),  # list lead-in
    ("02 超级 KOL，创始人走上台前", "fragment"),
    ("RFM 模型在用户运营中的落地。", "fragment"),  # a section title with a full stop
    ("社区运营就可以腾出更多时间，将精力专注于战略和管理。", "needs_context"),
    ("社群运营亦如此，先谋定方向、角色、模式，而后行动。", "needs_context"),
    ("这包括对用户特征属性、用户购买偏好的精准识别和判断。", "needs_context"),
    ("私域运营已成为品牌增长的关键策略之一。", "rhetoric"),
    ("用户分层运营占据着举足轻重的地位。", "rhetoric"),
    ("本文分享了 5 种有效的方法，简单有效，希望可以帮到大家。", "narration"),
    ("2023 年 9 月 4 日新品上线，首日销量 542 万杯。", "anecdote"),
    ("该品牌招股书显示，其在多个平台与超过 3500 位达人建立合作。", "needs_context"),
    # the subject after a scene-setting clause is a company: its story, not a rule
    ("通过会员日的限时折扣，星巴克把复购率提高了一倍。", "anecdote"),
    ("借助“三分钟学会一道家常菜”的短视频，引发用户讨论。", "anecdote"),  # a campaign's line
    ("私域内容则是氧气，不断保持用户活性。", "needs_context"),  # 则 sets it against a sentence before
    ("至于积分体系，各类 App 基本都设立了签到奖励。", "needs_context"),
    ("关键在于，提供的价值要足够明确具体并能解决刚需。", "needs_context"),  # the key to what?
    ("从前面的案例可以看到，多数工具类产品都提供免费版本。", "needs_context"),
    ("社区运营好比一座城市的公共空间。", "rhetoric"),  # a metaphor is the whole statement
    ("精细化运营是提升运营效率的精髓。", "rhetoric"),
    ("分层——R 最近一次消费、F 消费频次、M 消费金额。", "fragment"),  # a label and its list
    ("精细化是手段，自动化是提升，三者共同组成了用户运营的基本方法。", "needs_context"),  # the third is before
    ("用了分群推送的活动页，点击率提高了 35%。", "anecdote"),  # one case's result in figures
    ("社群的失败，从不是败给对手，而是败给自己的懒惰。", "rhetoric"),
])
def test_what_a_reader_rejects(text, reason):
    assert fault(text) == reason


@pytest.mark.parametrize("text", [
    "私域流量是指品牌可以反复多次免费触达的用户池。",
    "用户运营的规模普遍较大，百万级以上的较多。",
    "社群运营和用户运营都需要持续输出有价值的内容。",
    "用户分层需要梳理业务、选择模型、划分层次、制定策略和持续优化五个步骤。",
    "KOL 等级分层——通常是根据创作者的内容质量和活跃天数分层。",
    "通过用户分层，运营可以把有限的预算集中到高价值用户。",
    "拉新、促活、留存三者构成了用户运营工作的主线。",
    "活跃用户一般占社群人数的 20% 左右。",
])
def test_knowledge_stands(text):
    assert fault(text) == ""


@pytest.mark.parametrize("q, ok", [
    ("社群运营需要会写文案吗？", True),
    ("怎样找到种子用户？", True),
    ("7 日留存如何理解？", True),
    ("请问自己——你能给用户开放一个参与节点吗？", False),  # speaks to the reader
    ("还记得开始前提到的 KOC 运营的第一性原则吗？", False),  # points back into the article
    ("这种畸形的私域经营模式能推广吗？", False),
    ("假如用户到店里要买一个冲击钻，作为普通卖家会怎么样？", False),  # a worked example
    ("Gamma 的产品驱动增长秘诀是什么？", False),  # one product's story
    ("并做好个人信贷产品生命周期管理？", False),  # a fragment
    ("小程序的裂变活动是怎么做的呢？", False),  # how it was done: the article's case
    ("一个社群多少人合适？", True),
])
def test_reader_questions(q, ok):
    assert reader_question(_clean_question(q)) is ok


def test_a_cell_that_adds_to_a_cut_off_list_needs_it():
    assert fault("用户运营可能还会涉及用户行为轨迹分析和数学建模", clause=True) == "needs_context"
    # 也 leans on the other side's sentence, unless the cell goes on to say where it differs
    assert fault("用户运营也会做用户行为轨迹分析和数学建模", clause=True) == "needs_context"
    assert fault("社区运营也会收集成员的反馈，但因为没有自己的后台，所以只能靠人工整理。", clause=True) == ""
    assert fault("用户运营则更关注单个用户在产品里的行为路径", clause=True) == ""  # 则: the next column
    assert fault("用户运营通常不直接涉及", clause=True) == ""  # the row's axis names the object


@pytest.mark.parametrize("text, reason", [
    ("会员运营就是就是关系，就是门店和顾客之间的信任。", "rhetoric"),  # a slogan's repeated 就是
    ("渠道的不同，意味着玩法会有所差异。", "rhetoric"),  # says only that things differ
    ("社群是品牌最容易被忽视的一块试验田。", "rhetoric"),  # a figure of speech for its worth
    ("会员体系不是万能药，而是经营能力的放大镜。", "rhetoric"),  # a one-line retort
    ("与产品部门沟通，确定埋点方案并输出用户标签清单。", "needs_context"),  # one project's step
    ("社群成员的复购率达 45%，远超行业平均水平。", "anecdote"),  # one case's outcome
    ("代表性的企业有甲乙科技、丙丁文化等公司，它们都靠社群起家。", "anecdote"),  # a list of companies
    ("会员分级体系尚未建立，积分规则几乎是空白。", "anecdote"),  # one company's state
    ("在会员群发起“晒出你的早餐”活动，参与者可以领取优惠券，带动了门店到访。", "anecdote"),  # a campaign
    ("从 0-1 的冷启动阶段：先找到种子用户，验证需求，即最小可行的社群。", "fragment"),  # a long label
    ("账号定位清晰，内容才能持续产出：比如每周固定选题；", "fragment"),  # one item of a list
    ("健康社群需满足三个核心指标：活跃度、留存率和转化率。", ""),  # a lead-in with its verb stands
    ("社群运营涉及到的用户分层相对人工化，更多是通过手动打标签等方式来进行。", ""),  # 来进行 ends a sentence
])
def test_faults_of_real_writing(text, reason):
    assert fault(text) == reason


def test_a_section_label_before_a_question_is_dropped():
    assert _clean_question("重运营：怎样提高消费者粘性？") == "怎样提高消费者粘性？"
    assert _clean_question("一个社群多少人合适？") == "一个社群多少人合适？"  # 一 is not a list number here


@pytest.mark.parametrize("question, said, ok", [
    ("一个社群多少人合适？", "社群的规模要根据运营目标和服务能力来确定。", False),  # how many: no amount
    ("一个社群多少人合适？", "新手运营的社群一般控制在 200 人左右，便于照顾到每个成员。", True),
    ("私域和公域抢客户怎么办？", "公域平台拥有庞大的流量池，主要作用是吸引潜在用户。", False),  # 主要 is not 要
    ("为什么社群需要群规？", "因为没有规则的社群很快会被广告和争吵淹没。", True),  # answered in place
    # compares reasons without giving one
    ("用户为什么会留在一个社群？", "用户留在社群的原因与他们进群的原因是完全不同的，这一点常被忽视。", False),
    ("用户为什么会留在一个社群？", "用户留在社群的原因是群里能持续获得有用的信息和同伴的回应。", True),
])
def test_answers_of_the_asked_kind(question, said, ok):
    text = re.sub(r"^因为", "", said)
    assert answers(question, Claim(text, "s", "p-1", "t"), said) is ok


def test_an_intro_is_not_an_answer_and_a_set_up_question_is_not_asked():
    a = art([
        "做社群运营时，群里活跃不起来怎么解决呢？",
        "本文分享了 5 种有效的方法，简单有效，希望可以帮到大家。",
        "你自己有多少次参与过你没有购买过产品的品牌社区？",
        "大多数人都没有，社群运营要先给用户一个参与的理由。",
    ] * 2)
    assert extract([a]).questions == ()


def test_brands_and_english_words_are_not_glossary_terms():
    assert abbreviation_shaped("KOC") and abbreviation_shaped("SaaS")
    assert not abbreviation_shaped("Share") and not abbreviation_shaped("Desire") and not abbreviation_shaped("Why")
    # the words before the bracket carry their sentence: only whole words that two articles share count
    assert agreed_expansion([("a", "导致短期内获客", "before"), ("b", "获客", "in")]) == "获客"
    assert agreed_expansion([("a", "燕麦奶", "in")]) == ""  # one article: a brand as often as a term
    ops = "社群运营和用户运营都要关注留存、转化和复购，私域用户的活跃度决定了运营的效果。"
    a = art([ops, "新品牌 OATLY（燕麦奶）在社群运营里做得很好，用户留存高。"], slug="a")
    b = art([ops, "很多社群运营团队会用 SCRM（社会化客户关系管理）系统管理私域用户。"], slug="b")
    c = art([ops, "私域用户的运营离不开 SCRM（社会化客户关系管理）工具。"], slug="c")
    terms = {t.term for t in extract([a, b, c]).terms}
    assert "SCRM" in terms and "OATLY" not in terms
    # two operations articles agree on it, but its meaning is of another trade
    d = art([ops, "社群运营也开始尝试 XR（扩展现实）技术打造线上空间。"], slug="d")
    e = art([ops, "有的私域用户活动会用 XR（扩展现实）设备做互动。"], slug="e")
    f = art([ops, "私域用户的 CPE（互动成本）决定了社群运营的投入。"], slug="f")
    g = art([ops, "社群运营团队要算清每次活动的 CPE（互动成本）。"], slug="g")
    terms = {t.term for t in extract([d, e, f, g]).terms}
    assert "CPE" in terms and "XR" not in terms


OPS = [
    "社群运营是指围绕一个社群开展拉新、促活、留存和转化的运营工作。",
    "社群运营的核心是让群成员之间产生连接，而用户运营关注单个用户的生命周期价值。",
    "用户运营是以用户为中心，按用户分层制定策略的一种运营方式。",
    "社群运营和用户运营都需要持续输出有价值的内容。",
]
OFF = [
    "跑步是最健康、成本最低的减肥方式，坚持三个月效果明显。",
    "律师事务所的个人品牌靠的是长期积累的专业口碑。",
    "社群运营这个词在本文中只出现一次，文章讲的是如何挑选跑鞋与规划训练。",
    "训练计划要循序渐进，每周跑量增加不超过百分之十。",
    "跑鞋要根据足弓类型挑选，合适的鞋能减少受伤。",
]


def test_a_mixed_collection_feeds_only_on_topic_text_to_the_pages():
    on = art(OPS, title="社群运营和用户运营的区别", slug="on", heads=("三、社群运营和用户运营的共同点",))
    off = art(OFF, title="跑步减肥的五个建议", slug="off", heads=("跑步和饮食的共同点",))
    k = extract([on, off])
    everything = [c for x in k.concepts for c in x.definitions + x.claims] + list(k.common) + list(k.synergy)
    everything += [a for q in k.questions for a in q.answers] + [t.definition for t in k.terms if t.definition]
    assert everything and all(c.slug == "on" for c in everything)
    concepts = {c.name: c for c in k.concepts}
    assert concepts["社群运营"].definitions[0].text.startswith("社群运营是指围绕一个社群")


def test_curation_excludes_hides_pins_and_adds(tmp_path):
    on = art(OPS, title="社群运营和用户运营的区别", slug="on")
    other = art(["用户运营是指围绕用户生命周期开展的全部运营工作。", "用户运营的目标是提升用户的长期价值。"], slug="other")
    hidden = on.units[2].anchor
    f = tmp_path / "curation.yaml"
    f.write_text(
        "exclude:\n  - other.txt\n"
        f"hide:\n  - sources/on.md#{hidden}\n  - sources/on.md#p-nothing\n"
        f"pin:\n  社群运营: sources/on.md#{on.units[1].anchor}\n  不存在的概念: on#{hidden}\n"
        "terms:\n  GMV: 成交总额\n", encoding="utf-8")
    cur = curation.load(f)
    k = extract([on, other], cur)
    texts = [c.text for x in k.concepts for c in x.definitions + x.claims]
    assert not any(t.startswith("用户运营是指围绕用户生命周期") for t in texts)  # excluded article
    assert not any(c.anchor == hidden for x in k.concepts for c in x.definitions + x.claims)  # hidden paragraph
    concepts = {c.name: c for c in k.concepts}
    assert concepts["社群运营"].definitions[0].anchor == on.units[1].anchor  # pinned first
    assert {t.term: t.expansion for t in k.terms}["GMV"] == "成交总额"
    log = "\n".join(cur.log)
    assert "第 2 行" in log and "other.txt" in log  # each change named with its line
    assert "第 5 行" in log and "找不到段落 on#p-nothing" in log  # a bad anchor is reported, not fatal
    assert "第 8 行" in log and "不存在的概念" in log


@pytest.mark.parametrize("text, line", [
    ("exclude: [a.txt\nhide: []\n", 2),  # not YAML
    ("exclude: []\nhide:\n  - 不是地址\n", 3),
    ("pins:\n  社群运营: on#p-1\n", 1),  # unknown section
])
def test_a_bad_curation_file_names_its_line(tmp_path, text, line):
    f = tmp_path / "curation.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(curation.CurationError, match=f"curation.yaml 第 {line} 行"):
        curation.load(f)


@pytest.mark.parametrize("text", [
    "Babycare 的运营思路是先做会员体系，再做内容种草。",
    "小红书提供针对时尚大秀、潮流展览、品牌活动的解决方案。",
])
def test_a_name_as_subject_is_one_companys_story(text):
    assert fault(text) == "anecdote"


def test_an_abbreviation_of_the_trade_is_not_a_name():
    assert fault("KOL 是在特定领域具有影响力、能带动粉丝购买决策的人。") == ""
