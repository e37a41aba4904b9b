import pytest
from opskb.ingest.typeset import typeset_text
from opskb.records import BOLD_CLOSE, BOLD_OPEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("基于自主研发载体而开展的(有时也包含社群这种形态),比如移动端app", "基于自主研发载体而开展的（有时也包含社群这种形态），比如移动端 app"),
        ("Q1:社群运营和用户运营的区别是什么?", "Q1：社群运营和用户运营的区别是什么？"),
        ("R(Recency)最近消费时间", "R(Recency) 最近消费时间"),
        ("用户运营的核心是 “区别对待用户” ,核心是精细化运营。", "用户运营的核心是“区别对待用户”，核心是精细化运营。"),
        ("可容纳3000个标签", "可容纳 3000 个标签"),
        ("拉新-激活-留存", "拉新-激活-留存"),
        # a range between amounts with units is one span, not a minus sign; a negative number keeps its space
        ("22年6月-7月投放", "22 年 6 月-7 月投放"),
        ("3岁-6岁的孩子", "3 岁-6 岁的孩子"),
        ("同比增长-5%", "同比增长 -5%"),
        ("时间10:30开始", "时间 10:30 开始"),
        ("Hello, world! Plain English stays.", "Hello, world! Plain English stays."),
    ],
)
def test_chinese_copywriting_rules(text, expected):
    assert typeset_text(text) == expected


def test_spaces_stay_outside_bold_runs():
    out = typeset_text(f"从{BOLD_OPEN}RFM{BOLD_CLOSE}模型,看")
    assert out == f"从 {BOLD_OPEN}RFM{BOLD_CLOSE} 模型，看"


@pytest.mark.parametrize("text", ["社群运营(SCRM)和app,好的", "A:社群,B;运营!", "用户数量 x 平均用户价值=产品价值变现"])
def test_idempotent(text):
    once = typeset_text(text)
    assert typeset_text(once) == once


def test_typesetting_never_changes_a_mark_itself():
    # autocorrect reads 0:0；“ as a time and a full stop: the mark stays a semicolon (found by the
    # property test in tests/test_properties.py)
    for text in ("0:0;“", "比分1:0；“好”"):
        out = typeset_text(text)
        assert ";" in out.replace("；", ";") and "." not in out, out
