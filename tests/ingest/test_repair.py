import pytest
from opskb.ingest.repair import repair_markers, repair_pinyin
from opskb.records import BOLD_CLOSE, BOLD_OPEN


@pytest.mark.parametrize(
    ("text", "fixed", "count"),
    [
        ("您現(xiàn)在還不是作者", "您現在還不是作者", 1),
        ("數(shù)據(jù)分析", "數據分析", 2),
        ("(有時也包含社群這種形態(tài))", "(有時也包含社群這種形態)", 1),
        ("金額,F(xiàn)越大", "金額,F越大", 1),
        ("R(Recency)最近消費時間", "R(Recency)最近消費時間", 0),
        ("鳥哥筆記小羽毛(ngbjxym)", "鳥哥筆記小羽毛(ngbjxym)", 0),
        ("社群(Community)运营", "社群(Community)运营", 0),
        ("用户(yòng)运营", "用户(yòng)运营", 0),  # 户 is not read yòng: not its own reading
    ],
)
def test_pinyin_artifacts(text, fixed, count):
    assert repair_pinyin(text) == (fixed, count)


def test_pinyin_repair_is_idempotent():
    once, _ = repair_pinyin("發(fā)現(xiàn)")
    assert repair_pinyin(once) == (once, 0)


def test_stray_markdown_markers():
    assert repair_markers("数据分析与复盘能力**：能从数据中发现规律")[0] == "数据分析与复盘能力：能从数据中发现规律"
    text = f"{BOLD_OPEN}完整{BOLD_CLOSE}和{BOLD_OPEN}残缺"
    assert repair_markers(text)[0] == f"{BOLD_OPEN}完整{BOLD_CLOSE}和残缺"
