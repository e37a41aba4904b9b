from opskb.ingest.dedupe import groups, merge
from opskb.records import HEADING, PARAGRAPH, Block, Doc, Meta

BASE = [
    "社群运营是基于第三方微信载体而开展的，而用户运营更多是基于自主研发载体而开展的。",
    "社群运营的规模普遍不大，而用户运营的规模普遍较大，百万级以上的较多。",
    "不论是百万量级，还是更小规模的社群运营，有一个特点就是接触用户更直接、更近距离。",
    "社群运营涉及到的用户分层相对人工化，更多是通过手动打标签等方式来进行。",
]
OTHER = [
    "私域流量是指品牌可以反复多次免费触达的用户池，常见载体是企业微信和社群。",
    "裂变活动通过老用户邀请新用户获得奖励，是低成本拉新的常用方法之一。",
    "埋点是在产品中记录用户行为数据的技术手段，为数据分析提供原始材料。",
    "用户画像把用户的属性和行为抽象为标签，用于精细化运营和个性化推荐。",
]


def doc(name, paras, headings=0, meta=None):
    blocks = [Block(HEADING, text=f"小标题{i}", level=2) for i in range(headings)]
    blocks += [Block(PARAGRAPH, text=p) for p in paras]
    return Doc(name, meta or Meta(), tuple(blocks))


def test_copy_with_one_paragraph_less_is_merged_and_richer_copy_wins():
    rich = doc("a.txt", BASE, headings=3, meta=Meta(title="区别", author="甲"))
    poor = doc("b.txt", BASE[:-1], meta=Meta(title="区别", site="某站"))
    unrelated = doc("c.txt", OTHER)
    assert groups([poor, unrelated, rich]) == [[0, 2], [1]]
    best, origins = merge([poor, rich])
    assert best.source == "a.txt"
    assert best.meta.site == "某站" and best.meta.author == "甲"
    assert [o.source for o in origins] == ["a.txt", "b.txt"]


def test_same_topic_different_text_is_not_merged():
    a = doc("a.txt", BASE[:2] + OTHER[:2])
    b = doc("b.txt", BASE[2:] + OTHER[2:])
    assert groups([a, b]) == [[0], [1]]


def test_a_run_after_an_edit_compares_the_edited_copy_again():
    # the containment answers of one run are kept for the next (mkdocs serve), by fingerprint
    rich = doc("a.txt", BASE, headings=3)
    poor = doc("b.txt", BASE[:-1])
    assert groups([poor, rich]) == [[0, 1]]
    assert groups([poor, rich]) == [[0, 1]]  # answered from the last run
    rewritten = doc("b.txt", BASE[:1] + OTHER)  # the copy rewritten: now mostly other text
    assert groups([rewritten, rich]) == [[0], [1]]
    assert groups([poor, rich]) == [[0, 1]]  # and back
