"""What may stand on a knowledge page as a statement (statement.py): a small input per rule."""

from __future__ import annotations

import pytest
from opskb.knowledge.statement import definition_strength, reported, standalone, strip_lead


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a leading connective goes when the clause stands alone
        ("而用户运营更多是通过用户画像来了解用户。", "用户运营更多是通过用户画像来了解用户。"),
        ("但企微开放了自动打标签的接口。", "企微开放了自动打标签的接口。"),
        ("所以，社群运营要先搭好体系。", "社群运营要先搭好体系。"),
        ("那么社群运营需要做好分层。", "社群运营需要做好分层。"),
        ("因为存量时代精细化运营才能让用户贡献价值。", "存量时代精细化运营才能让用户贡献价值。"),
        ("更进一步来说，就是根据不同用户价值做出运营策略。", "根据不同用户价值做出运营策略。"),
        # ... but words that only look like one stay
        ("那些沉默用户需要单独召回，不能一概而论。", "那些沉默用户需要单独召回，不能一概而论。"),
        ("并非所有社群都需要每天发红包。", "并非所有社群都需要每天发红包。"),
        # speaker prefixes
        ("A：社群运营与用户运营均以用户为核心。", "社群运营与用户运营均以用户为核心。"),
        ("答：不需要，红包只能短期拉活跃。", "不需要，红包只能短期拉活跃。"),
        # questions are left out; the claim that answers one in place stays
        ("为什么用户运营越来越重要？因为存量时代精细化运营才能让用户最大化贡献价值。", "存量时代精细化运营才能让用户最大化贡献价值。"),
        # the author's opinion lead goes, the claim stays
        ("在我看来，社群运营是用户运营的一种形态。", "社群运营是用户运营的一种形态。"),
        # an invented person: the opening clauses before it
        ("社群运营需要一个组织能力强的群主或管理员，类似于张三这样的角色，负责日常管理。", "社群运营需要一个组织能力强的群主或管理员"),
        # the longest run of usable sentences of a paragraph
        ("我猜你一定很困惑。社群运营的门槛更低。用户运营通常需要一定经验。你可以先从社群做起。", "社群运营的门槛更低。用户运营通常需要一定经验。"),
        # 自我 and 我国 are not first person
        ("社群成员的自我管理能力决定了社群的寿命。", "社群成员的自我管理能力决定了社群的寿命。"),
        ("小红书上的社群运营以内容种草为主。", "小红书上的社群运营以内容种草为主。"),
    ],
)
def test_standalone_keeps_a_verbatim_excerpt_that_reads_on_its_own(text, kept):
    got = standalone(text)
    assert got == kept
    assert got in text  # never reworded


@pytest.mark.parametrize(
    "text",
    [
        "具体来讲，社群运营和用户运营有怎样的区别呢？",
        "其实你不明白的是，用户运营岗到底和其他运营岗到底有什么不同侧重点？",
        "我猜，你一定是看到岗位是社群运营，工作内容是纯销售的。",
        "你可以把自己看作销售，看作客服。",
        "所以你还是很蒙圈。",
        "又有人告诉你，用户运营是围绕用户生命周期所采取的运营手段。",
        "比如小明每天在群里发早报，三个月后群里活跃了很多。",
        "假设一个社群有 500 人，每天发言的只有 20 人。",
        "而且。",
    ],
)
def test_no_part_of_these_is_a_claim(text):
    assert standalone(text) is None


def test_strip_lead_removes_every_leading_connective_and_prefix():
    assert strip_lead("A：但是，其实社群运营很累。") == "社群运营很累。"


def test_reported_speech_is_not_the_author_speaking():
    s = "有人会告诉你，用户运营就是维护产品和用户关系的运营。"
    assert reported(s, "用户运营就是维护产品和用户关系的运营。")
    assert not reported("在我看来，社群运营是用户运营的一种形态。", "社群运营是用户运营的一种形态。")
    assert not reported("社群运营和用户运营都以用户为中心。", "社群运营和用户运营都以用户为中心。")


@pytest.mark.parametrize(
    ("text", "name", "strength"),
    [
        ("私域流量是指品牌可以反复多次免费触达的用户池。", "私域流量", 2),
        ("所谓私域流量，就是品牌自己的用户池。", "私域流量", 2),
        ("用户生命周期价值（LTV）即一个用户在整个生命周期里带来的收入。", "用户生命周期价值", 2),
        ("社群运营是基于第三方微信载体而开展的。", "社群运营", 1),
        ("用户运营的核心是区别对待用户。", "用户运营", 1),
        ("精细化运营：从广撒网转向深耕作。", "精细化运营", 1),
        # not definitions: another subject, or X 是不是 / X 是因为
        ("社群运营与用户运营均以用户为核心。", "用户运营", 0),
        ("用户运营是不是比社群运营更难？", "用户运营", 0),
        ("用户运营是因为产品进入存量期才变得重要。", "用户运营", 0),
        ("做好用户运营是每个运营人的基本功。", "用户运营", 0),
    ],
)
def test_definition_strength(text, name, strength):
    assert definition_strength(text, name) == strength
