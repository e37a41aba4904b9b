"""Under the article of a page copied as text: a headline standing alone among the page's furniture
(another story's, a related question's) goes; a reply, a reference or an attachment standing so
stays. A comment box's label under other names, and a rating widget's average, are furniture too.
Pages we write ourselves, and saved pages of our own labelled sets (tests/data)."""

from __future__ import annotations

from opskb.ingest.pagecopy import ISLAND_REASON
from opskb.ingest.read import read
from opskb.ingest.rules import match_rule
from opskb.pipeline import process
from opskb.records import PARAGRAPH
from test_pagecopy import ARTICLE, NAV, TITLE, _clean
from test_thread import DATA

STAMPED = NAV + [TITLE, "2024-05-01 10:20"]
SHARE = ["分享", "留言", "列印", "A-A+"]


def _islands(doc) -> set[str]:
    return {r.text for r in doc.removed if r.reason == ISLAND_REASON}


def test_a_headline_alone_among_the_furniture_under_the_article_goes(tmp_path):
    # (long enough to read as text: a short one goes with the other short lines anyway)
    for headline in ("幕后推手三度派人到现场开枪？警方不排除另有主使者在背后操纵", "某某品牌会员日销售额再创新高 品牌方称明年将把会员日常态化",
                     "一个人同时运营五百个微信群，每天回复上千条消息，是种怎样的体验？"):
        tail = SHARE + [headline, "相关新闻", "某某品牌会员日销售额创新高 下周继续"]
        doc, kept = _clean(tmp_path, STAMPED + ARTICLE + tail)
        assert kept == ARTICLE, headline
        assert headline in _islands(doc), headline
    # a line right under the article's text, the furniture only below it, is no island
    closing = "下一期我们再聊聊怎样给群里的成员做分层，以及每一层该怎么运营"
    doc, _kept = _clean(tmp_path, STAMPED + ARTICLE + [closing] + SHARE + ["相关新闻", "某某品牌会员日销售额创新高 下周继续"])
    assert not _islands(doc)


def test_sentences_and_short_words_under_the_article_are_no_headlines(tmp_path):
    below = ["相关新闻", "某某品牌会员日销售额创新高 下周继续"]
    for line in ("群里的活跃度在第三周明显回升了不少。",  # a statement, closed with its full stop
                 "楼主用的是什么工具？",  # a reader's few words, too short for a headline
                 "再后来每周固定做一次主题日，群里就慢慢活起来了",  # a reader's words run on after a comma, no full stop
                 "上班地址：某某省某某市某某区江场三路二八八号智造园三号楼五层东侧"):  # a field, its label before its value
        doc, kept = _clean(tmp_path, STAMPED + ARTICLE + SHARE + [line] + below)
        assert line in kept and not _islands(doc), line
    # two lines one under the other: neither stands alone
    pair = ["我们群也是这样做起来的每周固定一次主题日效果最好吗", "后来又加了积分兑换老成员说话的人是不是越来越多了"]
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + SHARE + pair + below)
    assert all(p in kept for p in pair) and not _islands(doc)


def test_a_reply_a_reference_or_an_attachment_alone_among_the_furniture_stays(tmp_path):
    # a reply's question between its poster's badge and its stamp (its floor and time)
    reply = "请问楼主，群里一百多人的时候适合拉第二个群吗？还是先把这一个群带活了再说？"
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + ["社群小白一枚", "初级粉丝", "2", reply,
                                                     "来自 iPhone 客户端 8 楼 2024-05-09 10:03", "回复", "我也说一句"])
    assert reply in kept and not _islands(doc)
    # a note's comments, each a question under its poster's name, over its day and place (no year, no time)
    asked = ["群班长这个想法好，请问是怎么挑人的？", "请问小群按月龄分的话宝宝长大了怎么办？"]
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + ["共 86 条评论", "小鹿妈妈", asked[0], "05-12 浙江", "251", "回复",
                                                     "阿青", asked[1], "05-13 广东", "12", "回复", "社群小满作者"])
    assert all(a in kept for a in asked) and not _islands(doc)
    # an encyclopedia entry's references, each under its number, with the date it was cited
    refs = ["私域流量的概念与价值 ．某某营销研究网．2020-03-12 [引用日期 2023-08-09]",
            "企业微信与私域运营的五年 ．某某零售评论．2023-01-05 [引用日期 2023-08-09]"]
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + ["参考资料", "1", refs[0], "2", refs[1], "词条统计", "浏览次数：2834 次"])
    assert all(r in kept for r in refs) and not _islands(doc)
    # ... or one numbered, alone among the furniture
    ref = "[1] 私域运营的五个阶段 某某零售评论 第三期"
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + SHARE + [ref, "相关新闻", "某某品牌会员日销售额创新高 下周继续"])
    assert ref in kept and not _islands(doc)
    # a notice's attachments, by their files' names
    attachment = "某某市 2024 年社区商业“会员 + 社群”运营试点项目申报表.docx"
    doc, kept = _clean(tmp_path, STAMPED + ARTICLE + ["附件下载：", attachment, "实施方案编写提纲.docx", "信用承诺书.doc",
                                                     "【打印本页】　【关闭窗口】", "扫一扫在手机打开当前页"])
    assert attachment in kept and not _islands(doc)


def test_a_comment_box_under_other_names_ends_the_article(tmp_path):
    notice = "请勿留下个人隐私资料，以免遭人盗用，本站将不负管理之责。"
    for label in ("讨论区", "网友留言 (12)", "留言板"):
        assert match_rule(label) is not None and match_rule(label).name == "comments", label
        doc, kept = _clean(tmp_path, STAMPED + ARTICLE + [label, "讨论规范", notice])
        assert kept == ARTICLE, label
    # the same words in a sentence are the text's
    for said in ("讨论区里有人说这样不行，但我们试过确实有效。", "留言板上的回复很多，说明社群很活跃。"):
        assert match_rule(said) is None, said


def test_a_rating_widgets_average_is_furniture():
    for widget in ("(目前平均 0 颗星)", "（目前平均 4.5 颗星）", "评分：4.8", "综合评分 9.2 分"):
        rule = match_rule(widget)
        assert rule is not None and rule.name == "counter", widget
    for said in ("平均分是多少？", "评分标准要统一。", "得分 3 分的用户进入召回名单"):
        assert match_rule(said) is None, said


def _saved(folder: str, name: str):
    doc = process(read(DATA / folder / "pages" / name))
    return doc, [t for b in doc.blocks for t in b.texts()]


def test_saved_page_copies_lose_the_headlines_alone_among_their_furniture():
    # a Q&A page's related questions, each between its count and the next (Big5)
    doc, kept = _saved("mixed-pages-4", "qa_big5_copy.txt")
    related = {"甜点店要怎么做会员制度比较好？", "如何让客人愿意在 Google 地图留下评论？"}
    assert related <= _islands(doc) and not related & set(kept)
    # a legal Q&A page's other questions under the answers
    doc, kept = _saved("unseen-pages-6", "11_lvda_rent_deposit_qa.txt")
    assert "提前退租，押金能退多少？" in _islands(doc) and "提前退租，押金能退多少？" not in kept


def test_saved_page_copies_keep_a_reply_a_reference_and_an_attachment_standing_alone():
    # a thread's reply: a question between its poster's badge and its floor and time
    _doc, kept = _saved("unseen-pages-4", "qiba_thread_copy.txt")
    assert any(t.startswith("请问楼主，群里一百多人的时候适合拉第二个群吗？") for t in kept)
    # an encyclopedia entry's references, each under its number, with the day it was cited
    _doc, kept = _saved("text-copies-5", "09_baike.txt")
    assert sum("[引用日期" in t or "［引用日期" in t for t in kept) >= 3
    # a notice's attachment, by its file's name
    _doc, kept = _saved("text-copies", "08_government_notice.txt")
    assert any(t.endswith("申报表.docx") for t in kept)


def test_a_tip_box_and_an_entrys_tag_line_are_furniture_the_same_words_in_a_sentence_are_not():
    for line in ("喜欢这篇文章？打赏一下作者吧", "觉得有用就赞赏一下作者", "已有 36 人打赏", "分享、点赞、在看，三连支持一下~"):
        rule = match_rule(line)
        assert rule is not None and rule.name == "follow_prompt", line
    rule = match_rule("词条标签：社会，经济，互联网")
    assert rule is not None and rule.name == "tag_line"
    for said in ("打赏作者的用户留存率更高。", "我们给打赏过的用户发了专属福利。", "用户标签：根据用户行为打上的标签，比如活跃度。"):
        assert match_rule(said) is None, said


def test_a_caption_keeps_its_text_and_loses_its_pictures_credit(tmp_path):
    caption = "某某团购 App 首页的社群入口"
    doc, kept = _clean(tmp_path, [TITLE, "作者：小陈"] + ARTICLE[:2] + [caption + "（图片来源：网络截图）"] + ARTICLE[2:])
    assert caption in kept and not any("图片来源" in t for t in kept)
    assert "（图片来源：网络截图）" in {r.text for r in doc.removed}
    # (a caption heads no section, however short a line the text gave it)
    assert all(b.kind == PARAGRAPH for b in doc.blocks if caption in b.text)
    # a credit alone goes whole, and so does a notice with no caption before it, or a word or two
    notices = ["（图片来源：网络）", "图片来源：某某官网", "图片来源于某某的年度报告（2023 年版）", "配图（图片来源：网络）"]
    doc, kept = _clean(tmp_path, [TITLE, "作者：小陈"] + ARTICLE[:2] + notices + ARTICLE[2:])
    assert kept == ARTICLE


def test_saved_pages_pictures_dropped_with_their_captions_come_back_labelled_by_them(tmp_path):
    from test_thread import _ingest_file

    # a news story opening on a figure whose caption ends with the photographer's credit, and a gallery
    # whose captions end with it in brackets: the extractor dropped them; the pictures come back, each
    # labelled by its caption
    md = _ingest_file(tmp_path / "a", DATA / "news-pages-4" / "pages" / "01_tw_daily_vegetable_prices.html")
    assert "原文配图：台北果菜市场今天叶菜到货量减少，批发价格明显上扬。记者林佩真／摄影" in md
    md = _ingest_file(tmp_path / "b", DATA / "news-pages-4" / "pages" / "02_hk_cafe_whatsapp_group.html")
    assert "原文配图：梁家朗每天早上十时在群组发布当日餐牌。（李俊贤摄）" in md
    # a picture with alt text of its own keeps it as its label, not its caption with the picture's credit
    md = _ingest_file(tmp_path / "c", DATA / "article-pages-3" / "pages" / "02_ruijiao_news_delivery_robot.html")
    assert "原文配图：行途智驾第四代无人配送车]" in md
