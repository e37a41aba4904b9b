"""A table or a list of the article's own in a page copied as text: one cell or item a line,
more short lines than the article spans otherwise, with the article's text going on under it.
The cells stay; the site's short lines after the article (a footer's menu, a comment's name and
stamp) still go."""

from __future__ import annotations

import opskb.ingest.pagecopy as pagecopy
from test_pagecopy import ARTICLE, NAV, TITLE, _clean

HEADER = ["发布时间：2024-05-01 10:20", "来源：某某网"]
INTRO = [
    "这家连锁门店去年开始做会员分层，先把会员按最近一次消费和消费金额分成几类。",
    "每一类会员对应不同的触达方式，门店每周复盘一次领券率和到店率。",
    "负责这件事的运营经理说，分层本身并不难，难的是让每个店长都愿意照着做。",
]
AFTER = [
    "分层之后，沉睡会员的唤醒率比之前统一发券时高了一倍，门店的人力也省下不少。",
    "下一步他们准备把分层和企业微信的标签打通，让店员在聊天时就能看到会员所在的层级。",
]
# a table of figures, its caption first, one cell a line (指标 / 项目前 / 项目后 / ...)
FIGURES = ["会员核心指标对比", "指标", "项目前", "项目后", "会员消费占比", "31%", "58%",
           "90 天复购率", "24%", "42%", "沉睡会员唤醒率", "—", "17.6%"]
# a table of words only, led into by the line above it
LEAD_IN = "不同层级的会员关注的指标和常用的运营动作可以概括如下表："
WORDS = ["层级", "关注指标", "常用动作", "高价值会员", "复购率、客单价", "专属服务、新品试用",
         "潜力会员", "首次复购率", "任务体系、权益引导", "沉睡会员", "沉默时长", "唤醒推送、定向优惠"]
FOOTER = ["产品中心", "会员管理", "营销工具", "企微助手", "数据分析", "联系我们"]


def test_a_table_of_figures_inside_the_article_keeps_every_cell(tmp_path):
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + FIGURES + AFTER + FOOTER)
    assert kept == INTRO + FIGURES + AFTER, kept
    assert doc.meta.title == TITLE


def test_a_table_of_words_led_into_by_a_colon_keeps_every_cell(tmp_path):
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO[:1] + [LEAD_IN] + WORDS + AFTER + FOOTER)
    assert kept == INTRO[:1] + [LEAD_IN] + WORDS + AFTER, kept


def test_short_lines_with_no_lead_in_and_no_figures_are_not_the_article(tmp_path):
    # a footer's menu after the article, then a line of the site's own that reads as a sentence:
    # the menu is not spanned as a table (no line leads into it, no cell holds a figure)
    notice = "本站部分文章来自会员投稿，观点仅代表作者本人，与本站立场无关。"
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + FOOTER + [notice])
    assert not set(FOOTER) & set(kept), kept
    # nor a list of other stories' headlines, figures in them, with a reader's sentence under it
    stories = ["2024 年会员运营的 5 个新变化", "门店社群做到 30% 月活的三个做法", "付费会员卡值不值得做？看这 3 组数据",
               "私域复盘：一个 500 人群的 90 天", "社群团购还能做吗"]
    reply = "写得很实在，我们店下个月也准备按这个思路给会员分层。"
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + stories + [reply])
    assert not set(stories) & set(kept) and reply in kept, kept
    # nor the words' table's cells without the line leading into them
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + WORDS + AFTER + FOOTER)
    assert not {"层级", "潜力会员", "沉默时长"} & set(kept), kept


def test_a_comments_names_and_dated_stamps_are_no_table(tmp_path):
    # under the article a comment: its poster, the date it was posted, a count: short lines with
    # figures, then a sentence; the stamp's date says they are no table of the article's own
    comment = ["小王", "Lv.3 运营新人", "浙江", "3 楼 2024-05-02 09:15", "第 3 条",
               "我们门店也做了分层，沉睡会员那一档确实最难唤醒，请问发券间隔多久合适？"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + comment + FOOTER)
    assert not {"小王", "Lv.3 运营新人", "浙江", "第 3 条"} & set(kept), kept


def test_a_run_of_short_lines_longer_than_a_table_is_not_spanned(tmp_path, monkeypatch):
    monkeypatch.setattr(pagecopy, "MAX_TABLE_LINES", len(FIGURES) - 2)
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + FIGURES + AFTER + FOOTER)
    assert "24%" not in kept and "沉睡会员唤醒率" not in kept, kept


def test_a_table_under_its_caption_keeps_every_cell_whichever_side_the_article_is_longer(tmp_path):
    # the table's caption (closing its bracket, no sentence's end) over the cells, the article's
    # longer part under them: the article spans the table upwards to its caption and text
    caption = "会员核心指标对比（来源：公司披露）"
    cells = FIGURES[1:]
    longer = AFTER + ["这套做法后来推广到了全部门店，每家店每月只需要花半天时间复盘一次分层的数据。"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO[:1] + [caption] + cells + longer + FOOTER)
    assert kept == INTRO[:1] + [caption] + cells + longer, kept


def test_cells_with_figures_and_the_article_going_on_after_a_few_short_lines(tmp_path):
    # cells that mix figures with Han (typesetting puts spaces around the figures: 近 30 天活跃 8 天以上，
    # 未付费 is a cell's length without them), a caption under the table; then a numbered subheading
    # with three short items of its own before the article's text goes on: all the article's
    lead_in = "我们按最近一次活跃和付费情况把用户分成三个阶段，具体口径如下表："
    cells = ["阶段", "判断口径", "主要动作", "新用户", "注册7天内，未完成首课", "新手任务、欢迎私信",
             "活跃用户", "近30天活跃8天以上，未付费", "打卡挑战、学习周报", "沉睡用户", "连续14天未登录", "短信提醒、专属券"]
    caption = "表1 三个阶段的划分口径（以在线课程为例）"
    items = ["1. 新用户：先让他完成第一次", "新手任务压缩到3步以内", "欢迎私信只放一个按钮", "24小时未完成次日再提醒"]
    later = ["新用户阶段最重要的指标不是留存，而是首次关键行为的完成率，我们把首课完成率放在看板第一行。",
             "活跃用户阶段用二十一天的打卡挑战培养习惯，完成挑战的用户三十天后的留存明显高于没有参加的用户。",
             "沉睡用户先做一次小范围的调研再谈召回，问清楚离开的原因，比直接发券省钱得多，效果也更稳定。"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + INTRO + AFTER + [lead_in] + cells + [caption] + items + later + FOOTER)
    text = "\n".join(kept).replace(" ", "")
    assert all(c.replace(" ", "") in text for c in cells + items + later), kept
    assert not set(FOOTER) & set(kept), kept
