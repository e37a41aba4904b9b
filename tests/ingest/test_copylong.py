"""Page copies that hold every line a browser copies, a block's text beside its blocks too: a
question page's title far above its answers (buttons, bios and counts between), an answerer's
bio with a space between its parts, a row of many other stories' headlines run together on one
line with a rare comma or a paper's name among them. Pages we write ourselves."""

from __future__ import annotations

from pathlib import Path

from opskb.evaluate import text_copy
from opskb.ingest.read import read
from opskb.pipeline import process
from test_pagecopy import ARTICLE, NAV, OTHERS, TITLE, _clean

QUESTION = "2 月 28 日某县发生 4.8 级地震，震源深度 8 千米，当地情况如何"  # (a question asked without its mark)
ANSWER = [
    "这是去年九月以后当地第三次较强的余震，前两次都在十月，震级和这次差不多。",
    "这次震中比前两次更靠南，附近几个景区的游客当晚都转移到了空旷的地方，没有人员受伤的消息。",
    "当地的房子大多是震后重建的，抗震标准比较高，这个级别的地震不会造成太大的损坏。",
]


def _answerer(name: str, bio: str) -> list[str]:
    return [name, "\u200b", bio, "\u200b 关注", "12 人赞同了该回答", "\u200b分享", "\u200b收藏\u200b收起\u200b", "\u200b"]


def test_a_question_standing_twice_far_above_its_answers_is_the_headline(tmp_path):
    # the question in the page's bar and again in its header, then the page's counters, buttons and a
    # short first answer: more than a window's lines between the question and the answers' text
    top = ["首页", "发现", "等你来答", "登录/注册", QUESTION, "关注问题\u200b写回答", "地震", "地震分析", QUESTION,
           "关注者", "46", "被浏览", "99,411", "\u200b邀请回答", "\u200b好问题", "\u200b1 条评论", "\u200b分享", "\u200b",
           "登录后你可以", "登录", "查看全部 22 个回答"]
    first = _answerer("吕老师", "某某教育咨询有限公司 留学部门总监") + ["有震感，但这样的强度不会造成太大的损坏。",
                                                                    "编辑于 2023-03-01 15:45", "\u200b赞同 1\u200b\u200b添加评论"]
    doc, kept = _clean(tmp_path, top + first + ["更多回答"] + _answerer("等风", "2023 年度新知答主") + ANSWER + OTHERS)
    assert doc.meta.title == QUESTION, doc.meta.title
    assert all(line in kept for line in ANSWER), kept
    # a short label standing twice above (a topic's name in a forum's bar and over the topic) is no
    # such title: the copy of a saved forum page of ours (tests/data/unseen-pages-6)
    page = Path(__file__).resolve().parents[1] / "data" / "unseen-pages-6" / "pages" / "06_yunyanshe_discourse_points.html"
    copy = tmp_path / "copy.txt"
    copy.write_text(text_copy(page), encoding="utf-8")
    assert process(read(copy)).meta.title == "积分体系改版后，老用户活跃反而下降了，问题出在哪？"


def test_an_answerers_bio_with_a_space_between_its_parts_goes(tmp_path):
    # the answer's bio under the answerer's name, between the question and the answer's text
    bio = "某某教育咨询有限公司 留学部门总监"
    doc, kept = _clean(tmp_path, NAV + [QUESTION + "？", "关注问题 写回答", "邀请回答", "吕老师", bio, "12 人赞同了该回答"]
                       + ANSWER + ["编辑于 2023-03-01 15:45"] + OTHERS)
    assert bio not in kept and all(line in kept for line in ANSWER), kept


def test_many_other_stories_run_together_on_a_line_are_not_the_article(tmp_path):
    # the paper's row of today's headlines, one long line with spaces between them, two commas and a
    # paper's name among forty headlines: not the article's text, nor what the headline is looked for under
    row = " ".join(["头条要闻 〉 丑陋"] + [f"第{n}条新闻标题在这里写着" for n in range(1, 38)]
                   + ["《某报》民调", "台铁拆错缆，两万人受害", "高层指某某官位难保，居民：用水有这么难吗"])
    doc, kept = _clean(tmp_path, NAV + ["分享：", row, TITLE, "2005 年 08 月 11 日"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and row not in kept, (doc.meta.title, kept[:3])
