"""Text copied from a whole web page: the article out of the site around it, by the form of
the lines (runs of short lines around a run dense with sentences), whatever the site's words.
Pages we write ourselves, and pages of our own labelled sets (tests/data)."""

from __future__ import annotations

from pathlib import Path

from opskb.ingest.read import read
from opskb.ingest.rules import match_rule
from opskb.pipeline import process

NAV = ["首页", "资讯", "专题", "视频", "社区", "登录 注册", "某某网 · 做最懂运营的内容平台"]
TITLE = "一个三百人的用户群，怎样在两周内活跃起来"
HEADER = ["发布时间：2024-05-01 10:20", "来源：某某网", "分享到", "微信", "微博", "收藏"]
ARTICLE = [
    "刚接手一个三百人的用户群时，群里每天除了早安几乎没人说话，转化也无从谈起。",
    "第一步是把群规写清楚，新人进群第一天就知道能发什么、不能发什么，后面的管理会轻松很多。",
    "冷启动",  # a subheading: short, between the article's sentences
    "第二步是每周固定一个主题日，让老成员带新人发言，群主自己也要常出来说话。",
    "两周以后，群里每天有三十多人发言，第一次团购的转化率也比预期高了一倍。",
    "图为群内一次主题日活动的现场照片",  # a caption, and a short last sentence: the article still
    "欢迎留言交流。",
]
OTHERS = ["私域流量的五个误区", "社群团购还能做吗", "从零到一千人的复盘", "关于我们", "联系我们", "友情链接"]


def _clean(tmp_path, lines: list[str]):
    path = tmp_path / "copy.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    doc = process(read(path))
    return doc, [t for b in doc.blocks for t in b.texts()]


def test_the_article_of_a_whole_page_copy_with_its_headline(tmp_path):
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and doc.meta.date == "2024-05-01"
    assert kept == ARTICLE  # every line of the article, in order, the subheading too
    gone = {r.text for r in doc.removed}
    assert {"首页", "专题", "分享到", "微博", "私域流量的五个误区", "友情链接"} <= gone


def test_a_sentence_outside_the_article_and_a_reference_list_stay_for_the_rules(tmp_path):
    reply = "说得很对，我们群也是这么做起来的，坚持主题日最重要。"
    refs = ["《增长黑客》", "《社群运营实战手册》"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + ARTICLE + OTHERS[:3] + ["小王", "3 天前", reply] + refs)
    assert kept[:len(ARTICLE)] == ARTICLE and reply in kept and all(r in kept for r in refs)
    assert not {"小王", "3 天前", "社群团购还能做吗"} & set(kept)


def test_an_article_alone_is_not_trimmed(tmp_path):
    # a dump of the article with its title and byline, and a short line under it: too few
    # lines around it to be a page copy
    doc, kept = _clean(tmp_path, [TITLE, "作者：小陈"] + ARTICLE + ["下期再聊"])
    assert kept == ARTICLE + ["下期再聊"] and doc.meta.author == "小陈" and doc.meta.title == TITLE
    assert not any("站点内容" in r.reason for r in doc.removed)
    # an article alone, no title, ending in short points of its own
    points = ["总结：", "拉新靠内容", "促活靠活动", "转化靠信任"]
    doc, kept = _clean(tmp_path, ARTICLE + points)
    assert kept[-len(points):] == points and not any("站点内容" in r.reason for r in doc.removed)
    # a text with no run of sentences (a list of names) is left to the rules
    doc, _kept = _clean(tmp_path, ["张三", "李四", "王五", "赵六", "孙七"])
    assert not any("站点内容" in r.reason for r in doc.removed)


def test_a_long_headline_or_one_with_latin_words_is_still_the_headline(tmp_path):
    # a headline long enough to count as text opens the dense run; one with Latin words is
    # spaced by typesetting (用 RFM 和 LTV …) and is not a menu of short words
    for title in ("一个三百人的用户群怎样在两周之内活跃起来并且带来第一次团购转化的完整复盘",
                  "用RFM和LTV给社群用户分层的一点经验"):
        for lines in (NAV + [title] + HEADER + ARTICLE + OTHERS, NAV + [title] + ARTICLE + OTHERS):
            doc, kept = _clean(tmp_path, lines)
            assert doc.meta.title.replace(" ", "") == title and kept == ARTICLE, title


def test_what_the_lines_above_the_headline_tell_is_kept(tmp_path):
    # the site's name repeated at top and bottom, and a list of authors above the headline:
    # read as site and author before the lines go
    lines = ["某某运营社"] + NAV[:5] + ["张三、李四", TITLE] + ARTICLE + OTHERS + ["某某运营社"]
    doc, kept = _clean(tmp_path, lines)
    assert kept == ARTICLE and doc.meta.title == TITLE
    assert doc.meta.author == "张三、李四" and doc.meta.site == "某某运营社"


def test_a_greeting_and_a_breadcrumb_above_the_headline_are_not_the_article_nor_its_headline(tmp_path):
    top = ["欢迎访问某某运营网！微信公众号：", "设为首页 加入收藏", "当前位置：首页 > 社群运营 > " + TITLE]
    for above in (top + NAV + [TITLE] + HEADER, top + [TITLE]):  # the greeting far from the article, or near it
        doc, kept = _clean(tmp_path, above + ARTICLE + OTHERS)
        assert doc.meta.title == TITLE
        assert kept == ARTICLE


def test_a_reporters_credit_or_a_counter_under_the_headline_is_not_the_headline(tmp_path):
    short = "三百人的群怎么活跃"  # a short headline: a longer line nearer the article would outrank it
    for line in ("某某新闻网社会中心／综合报导", "某某新闻周刊记者 张三", "【某某日报╱本报记者李四】", "16100 人赞同了该回答"):
        doc, kept = _clean(tmp_path, NAV[:-1] + [short, "2024-05-01 10:20", line] + ARTICLE + OTHERS)
        assert doc.meta.title == short, line
        assert kept[-len(ARTICLE):] == ARTICLE and short not in kept, line  # (a credit stays for clean to read)


def test_cards_of_other_stories_just_above_the_headline_do_not_make_it_a_subheading(tmp_path):
    cards = "| 另一篇：社群团购还能做吗？老板说：再试一个月！ |\n|---|\n| 12:00 |"
    doc, kept = _clean(tmp_path, NAV + [cards, "旅游", "快讯", TITLE, "A-", "A+"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE
    assert kept[-len(ARTICLE):] == ARTICLE and not {"A-", "A+", "快讯", TITLE} & set(kept)


def test_a_place_or_a_calendar_line_is_never_the_headline(tmp_path):
    short = "三百人的群怎么活跃"
    for line in ("浙江省杭州市", "农历：甲辰年四月廿一"):
        doc, _kept = _clean(tmp_path, NAV[:-1] + [short, line] + ARTICLE + OTHERS)
        assert doc.meta.title == short, line


def test_the_line_with_the_storys_date_under_it_is_the_headline_not_a_longer_line_nearer(tmp_path):
    # the headline, its date and buttons, then the story's own first heading or a caption:
    # longer and nearer the text, but the date says which line heads the story
    short = "三百人的群怎样活跃起来"
    nearer = "群主在主题日上发言（本报资料照片）"
    for under in (["本文来源于某某网 2024-05-01 09:36:26", "打印", "字号："], ["某某日报记者 张三", "稍后再读"]):
        doc, kept = _clean(tmp_path, NAV[:-1] + [short] + under + ["小字型", "大字型", nearer] + ARTICLE + OTHERS)
        assert doc.meta.title == short, under
        assert kept[-len(ARTICLE):] == ARTICLE
    # without a date or byline under it, the nearer line still wins (what the date changes)
    doc, _kept = _clean(tmp_path, NAV[:-1] + [short, "打印", "字号：", "小字型", "大字型", nearer] + ARTICLE + OTHERS)
    assert doc.meta.title == nearer


def test_a_headline_stamped_with_its_date_is_found_under_a_line_of_other_stories(tmp_path):
    # a long line of other stories run together stands above the headline: it reads as text,
    # but the date under the headline says this line opens the story
    others = "某地上市公司已复工某部长会见来访外宾三百人涉案被提起公诉高校开学时间推迟到三月某市地铁恢复运营某省发布春耕指南某县新建三所小学"
    doc, kept = _clean(tmp_path, [others] + NAV[:4] + [TITLE, "2020-02-19 20:29:58 来源：某某网", "分享"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept[-len(ARTICLE):] == ARTICLE


def test_a_headline_with_bars_is_not_a_menu_but_a_long_line_of_stories_with_bars_is(tmp_path):
    title = "SEVENTEEN演唱会2026｜门票优先/公售攻略＋购票连结"
    doc, _kept = _clean(tmp_path, NAV + [title, "撰文：张三", "出版：2025-12-03 11:31"] + ARTICLE + OTHERS)
    assert doc.meta.title.replace(" ", "") == title
    # (a list of stories run together with bars just above the headline: not text that opens the article)
    stories = ("请选择相关新闻 男篮小负对手不忍苛责 棒球／击球点掌握不佳全队续调整 棒球／五局提前结束比赛 "
               "网球女团／抢头香拼金看双打 游泳／几乎崩盘夺金很难")
    doc, kept = _clean(tmp_path, NAV + [stories, TITLE, "【某某报╱本报记者张三】"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and stories not in kept


def test_the_question_repeated_in_the_bar_at_the_top_is_still_the_headline(tmp_path):
    question = "三百人的用户群，怎样在两周之内活跃起来，有哪些具体做法？"
    # the bar with the question is far above the answer; the question itself is near it
    bar = NAV[:4] + [question, "关注问题 写回答", "社群运营", "社群", "私域", "用户增长"]
    page = ["话题收录", "关注者", "被浏览", "好问题", "2 条评论", "分享", "邀请回答", "查看全部 12 个回答",
            "张三", "运营从业者", "新知答主", "赞同了该回答", "收起", "展开"]
    doc, kept = _clean(tmp_path, bar + [question] + page + ARTICLE + OTHERS)
    assert doc.meta.title == question and kept[-len(ARTICLE):] == ARTICLE


def test_the_opening_headline_listed_again_among_other_stories_is_not_a_banner(tmp_path):
    # the story's headline opens the dump, a stamp under it; the list of latest stories at the
    # bottom names it again: it is the headline, not the site's name
    doc, kept = _clean(tmp_path, [TITLE, "某某网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源：某某省某某日报社"] + ARTICLE
                       + OTHERS[:3] + [TITLE] + OTHERS[3:])
    assert doc.meta.title == TITLE and doc.meta.site != TITLE and kept[:len(ARTICLE)] == ARTICLE
    # the stamp is longer than a short headline: a date with the time of day is never the headline
    short = "三百人的群怎样活跃起来"
    doc, kept = _clean(tmp_path, [short, "某某网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源：某某省某某日报社"] + ARTICLE)
    assert doc.meta.title == short and doc.meta.date == "2012-06-04" and kept == ARTICLE


def test_an_excerpt_with_few_lines_above_its_stamped_headline(tmp_path):
    # an excerpt: a line of the site above a long headline (long enough to count as text), its
    # date, a row of buttons, the story, two other stories' headlines under it (the last one has a
    # colon: not made a heading)
    headline = "三百人的用户群两周活跃起来：一次社群冷启动的完整复盘"
    under = ["2024-05-12 17:19 来源：某某网", "字号减小 字号增大"]
    below = ["某市三百家社区团购站点完成整改", "教育部：今年高校毕业生规模预计再创新高"]
    for heads, stamp in ([headline], under[:1]), ([headline], ["某某网河北频道 ( 2024-05-12 17:19 ) 稿件来源：某某日报"]), \
            ([headline, headline], under[:1]):  # (the headline twice: in a bar, and over the story)
        doc, kept = _clean(tmp_path, ["长者助手 无障碍 简 繁 EN"] + heads + stamp + under[1:] + ARTICLE + below)
        assert doc.meta.title == headline and doc.meta.date == "2024-05-12", stamp
        assert kept == ARTICLE, stamp


def test_a_stamp_with_a_note_in_brackets_and_a_photo_caption(tmp_path):
    # the date line carries when it was updated, in brackets: still the story's stamp, so the
    # headline above it wins over the longer caption of the photo under it
    caption = "图为某某社区的群主在周末主题日上带新成员发言，现场气氛热烈。本报记者张三摄 2024年5月12日"
    for stamp in ("2024/5/12 17:19（5/12 18:02 更新）", "2024-05-12 17:19 (已更新)"):
        doc, kept = _clean(tmp_path, NAV + [TITLE, stamp, "字号减小 字号增大", caption] + ARTICLE + OTHERS)
        assert doc.meta.title == TITLE and doc.meta.date == "2024-05-12", stamp
        assert kept[-len(ARTICLE):] == ARTICLE and stamp not in kept, stamp
    # a caption is never the headline, however long and near: 图为……, 图：……, ……记者某某摄
    short = "三百人的群怎样活跃起来"
    for caption in ("图为群主在主题日上带新成员发言 本报记者张三摄", "图：某某社区的群主在周末的主题日上发言",
                    "群主在周末的主题日上带新成员发言　新华社记者 李四 摄"):
        doc, _kept = _clean(tmp_path, NAV[:-1] + [short, "分享", caption] + ARTICLE + OTHERS)
        assert doc.meta.title == short, caption
    # a headline that only begins like one stays a headline
    for title in ("摄影社群怎样在两周内活跃起来", "图为什么总是发不出去：群聊的五个常见问题"):
        doc, _kept = _clean(tmp_path, NAV[:-1] + [title, "2024-05-12 17:19"] + ARTICLE + OTHERS)
        assert doc.meta.title == title, title


def test_the_stamp_goes_to_the_longest_line_above_it_not_a_button_nearer(tmp_path):
    # headline, a channel's name, a download button, the date: the headline heads the story
    lines = NAV + [TITLE, "在人间", "下载客户端抢先看", "2024 年 01 月 25 日 18:03:35 来自某某省", "249 人参与"]
    doc, kept = _clean(tmp_path, lines + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept[-len(ARTICLE):] == ARTICLE


def test_channel_names_run_together_are_neither_text_nor_the_headline(tmp_path):
    channels = "学习进行时高层时政人事国际财经网评港澳台湾思客智库全球连线教育科技科普体育文化健康军事访谈视频图片"
    headline = "某某总理在某省调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉"
    doc, kept = _clean(tmp_path, NAV + [channels, "某某网 > 时政 > 正文", headline, "字体： 小 中 大",
                                        "2024-05-09 22:27:02 来源：某某网"] + ARTICLE + OTHERS)
    assert doc.meta.title == headline and channels not in kept and kept[-len(ARTICLE):] == ARTICLE


def test_a_sites_name_and_channels_run_together_at_the_top_do_not_start_the_article(tmp_path):
    # the page's first line, the site's name and its channels run together, no sentence (long enough to
    # count as text), over its buttons: the article starts at the headline under it
    # (a headline long enough to count as text too)
    header = ["某某商业观察 · 让创新被看见 首页快讯深度创投汽车消费企服专题活动", "APP", "登录", "创投/机器人"]
    title = "社区烘焙店的用户群两周活跃起来：复购率从8%提到23%，会员群从1个扩到5个，店长说只做对了三件事"
    lead = "一家社区烘焙店用两周时间把三百人的用户群做活，靠的是三件小事，第一件是群规，第二件是主题日，第三件是老带新。"
    doc, kept = _clean(tmp_path, header + [title, "沈一舟·2024-05-01 12:02·阅读 2.1万", "摘要", lead] + ARTICLE + OTHERS)
    assert doc.meta.title == "社区烘焙店的用户群两周活跃起来：复购率从 8% 提到 23%，会员群从 1 个扩到 5 个，店长说只做对了三件事", \
        doc.meta.title
    assert kept == [lead] + ARTICLE, kept
    # a first line that is a sentence, or a caption closing its bracket, stays the article's
    for first in ("这是一个关于社群冷启动的故事，我们从三个人开始，一步一步做到了三百人。",
                  "图为某某烘焙店社群主题日活动现场的合影与店员准备的小礼品（受访者供图）"):
        _doc, kept = _clean(tmp_path, NAV + [TITLE, first, "APP"] + ARTICLE + OTHERS)
        assert kept[0] == first, kept
    # a headline written without punctuation under the page's breadcrumb, its subtitle (text) right under it:
    # still the headline
    headline = "滨湖街道老旧小区社群试点启动 涉及八个小区两千四百余户居民和三十多个楼栋群"
    subtitle = "今年底前完成楼栋群的组建和志愿者招募，居民反映的问题平均在两小时内得到回应"
    doc, kept = _clean(tmp_path, NAV + ["当前位置：首页 > 本地新闻 > 社区", headline, subtitle,
                                        "2024-04-09 07:45来源：某某日报记者：某某"] + ARTICLE + OTHERS)
    assert doc.meta.title == headline, doc.meta.title
    # ... and so does a question's field closing its bracket, over the heading of the question's text
    question = ["新成员入群后欢迎语不触发，配置哪里不对？#57", "已回答", "xiaolin 发布于 2026 年 1 月 8 日", "环境",
                "部署方式：Docker", "平台：企业微信（自建应用）", "问题描述"]
    doc, kept = _clean(tmp_path, NAV + question + ARTICLE + OTHERS)
    assert kept[:2] == ["平台：企业微信（自建应用）", "问题描述"] and doc.meta.title == question[0], kept


def test_a_bloggers_lines_with_spaces_for_commas_are_text(tmp_path):
    # no punctuation, spaces where the commas would be: still the article
    blog = ["第二次造访这个营区发现变了很多 印象中以前冰冷的招牌换成了原木招牌 看起来温馨多了",
            "营区主人说今年新增了二十个营位 每个营位都有独立的水电 周末常常一位难求",
            "我们这次订的是靠溪边的营位 晚上听着水声入睡 孩子们玩得不亦乐乎 下次还会再来"]
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + blog + OTHERS)
    assert doc.meta.title == TITLE and kept == blog


def test_above_the_headline_a_note_in_brackets_goes_and_a_sentence_or_numbered_line_stays(tmp_path):
    note = "注册企业邮箱（特权邮箱，付费服务）"  # ends like a sentence, its comma is the note's
    said = "本站刊登的所有内容仅供读者参考。"
    numbered = "1、某某社群运营训练营（线上课程加线下沙龙）"
    doc, kept = _clean(tmp_path, NAV + [note, said, numbered] + NAV[:3] + [TITLE, "2024-05-01 10:20"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept[-len(ARTICLE):] == ARTICLE
    assert note not in kept and numbered in kept
    assert said in kept or any(r.text == said and "站点内容" not in r.reason for r in doc.removed)  # (left to the rules)


def test_an_encyclopedia_entrys_name_is_its_headline(tmp_path):
    # the entry's name alone in its heading and its tab, sentences of the page beginning with it;
    # a caption nearer the text is longer
    name = "私域流量"
    entry = ["私域流量是品牌可以反复、免费触达的用户流量，常见于企业微信、社群和小程序。",
             "私域流量的概念在 2019 年前后流行，和公域流量相对。",
             "运营私域的关键，是持续提供用户愿意留下来的价值。"]
    lines = NAV + [name, "编辑", "讨论", "上传视频", name, "所属领域", "市场营销", "相关概念", "公域流量",
                   "一张常见的私域流量运营示意图（来源：某某）"] + entry + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == name and kept[-len(entry):] == entry
    # one sentence beginning with a short line is not enough: a news story's person named in it
    doc, _kept = _clean(tmp_path, NAV + ["张三", TITLE, "张三"] + ARTICLE[:1] + ["张三说，这个群的活跃要靠主题日。"] + ARTICLE[1:] + OTHERS)
    assert doc.meta.title == TITLE


def test_the_title_a_breadcrumb_ends_with_is_the_headline_however_short(tmp_path):
    # a poem's page: the trail ends with its two-character title, the title under it
    poem = ["我有所念人，隔在远远乡。我有所感事，结在深深肠。", "乡远去不得，无日不瞻望。肠深解不得，无夕不思量。",
            "况此残灯夜，独宿在空堂。秋天殊未晓，风雨正苍苍。",
            "译文：我有深深思念的人，却相隔在远远的异乡。我有深深感触的事，却郁结在心中。"]
    doc, kept = _clean(tmp_path, NAV + ["您在这里: 首页 › 诗 › 夜雨", "夜雨", "朝代：唐代", "作者：某某", "原文："] + poem + OTHERS)
    assert doc.meta.title == "夜雨" and kept[-len(poem):] == poem and "首页" not in kept
    # a thread of short posts (no run of text to find): the trail names the thread, cut short
    thread = ["某某论坛 » 论坛首页 › 运营交流区 › 三百人的群怎么活跃起来，大家有什么好办法吗 ...", "查看: 1031|回复: 2",
              "三百人的群怎么活跃起来，大家有什么好办法吗？", "楼主", "群里每天只有早安", "沙发", "试试主题日", "板凳", "拉几个老成员带节奏"]
    doc, kept = _clean(tmp_path, NAV + thread + OTHERS)
    assert doc.meta.title == "三百人的群怎么活跃起来，大家有什么好办法吗？" and "试试主题日" in kept


def test_a_headline_ending_in_a_quoted_phrase_is_not_a_sentence(tmp_path):
    # other stories under the article, one ending in a quoted phrase, then the comment box's prompts:
    # none of it is the article's text (a sentence ends in 。！？, inside its quotes or not)
    below = ["某地高校毕业生规模再创新高", "教育部：中国教育对外交流走上“快车道”", "有事没事说两句...", "图片正在上传，请稍后..."]
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + below)
    assert doc.meta.title == TITLE and kept == ARTICLE
    said = ARTICLE + ["他说：“主题日是最有效的办法。”"]  # a sentence inside its quotes is still one
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + said + below)
    assert kept == said


def test_a_related_news_label_and_a_list_of_dated_stories_after_the_article_go(tmp_path):
    dated = ["某市三百家社区团购站点完成整改 (2014/03/19 18:58)", "某部门发布私域运营合规指引 (2014/03/19 19:20)",
             "某品牌会员日销售额创新高 (2014/03/20 08:05)"]
    for label in ("延伸新闻", "相关报道", "更多资讯"):
        assert match_rule(label) is not None and match_rule(label).name == "related", label
        doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + [label] + dated)
        assert kept == ARTICLE, label
    # without the label the dated lines still go; the article's own dated sentence stays
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + dated)
    assert kept == ARTICLE
    assert match_rule("相关报道显示，私域用户的留存率更高。") is None


def test_a_date_alone_stamps_no_line_but_a_dateline_with_its_time_does():
    # an entry's field (a label, then its date on the next line) is not a story's header; the
    # dateline of a story, with its weekday and time, is (however typesetting spaces them)
    from opskb.ingest.copyheadline import stamp_line

    assert not stamp_line("2017 年 4 月 1 日")  # (pagecopy reads typeset text)
    for player in ("00:07", "01:34", "% buffered00:00"):  # a video player's times stamp no story either
        assert not stamp_line(player), player
    for stamp in ("2024 年 5 月 20 日周一 下午 2:05", "2024年5月20日 14:05", "2024-05-20 14:05 来源：某某网"):
        assert stamp_line(stamp), stamp


def test_a_list_of_other_stories_after_the_article_goes_long_headlines_and_questions_too(tmp_path):
    # no label above it; the headlines are long enough to count as text, one asks a question, one
    # exclaims after a comma, one names a work, one has the time it was posted after it
    listed = ["数说运营丨十月份社群团购销售加快恢复 会员复购增长较快", "某某周刊丨私域流量落地满周年 试点品牌有望再扩围",
              "谁在冒充品牌官方社群行骗？", "关于用户留存，这些知识很重要！", "3《社群运营实战》再版 新增二十个案例",
              "某市三百家社区团购站点完成整改 (18:58)"]
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + ["责任编辑：小李", "阅读下一篇："] + listed)
    assert kept == ARTICLE + ["责任编辑：小李"] and doc.meta.title == TITLE
    assert set(listed) <= {r.text for r in doc.removed}
    # replies between their posters' names, a reference list and a sentence after the article stay
    reply = "说得很对，我们群也是这么做起来的，坚持主题日最重要。"
    thread = ["小王", "3 天前", reply, "运营新人小陈", "《增长黑客》这本书讲过同样的道理", "2 天前",
              "同意楼上，主题日真的有用！"]
    refs = ["《增长黑客》", "《社群运营实战手册与案例精选》", "《用户运营方法论与增长模型》"]  # (shaped as headlines too)
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + OTHERS[:3] + thread + refs)
    assert kept[:len(ARTICLE)] == ARTICLE
    assert {reply, "《增长黑客》这本书讲过同样的道理", "同意楼上，主题日真的有用！"} <= set(kept) and set(refs) <= set(kept)


def test_the_last_reply_kept_after_the_article_is_no_heading_with_nothing_under_it(tmp_path):
    # a short line with no punctuation reads as a heading; kept after the article for the rules, it is a
    # reply, not a heading of a section that is empty once the page's lines after it are gone
    last = "《增长黑客》这本书讲得很好"
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + OTHERS[:3] + ["小王", "3 天前", last, "回复", "扫码下载客户端"])
    assert kept[:len(ARTICLE)] == ARTICLE and kept[-1] == last
    assert not any(r.text == last for r in doc.removed)


def test_a_headline_dated_far_above_the_text_with_a_long_listing_between(tmp_path):
    # more short lines between the stamped headline and the article's sentences than the lines
    # looked at first: the headline is still the one with the story's date under it, not a field
    # of the listing; a video's length under a line is no date
    spots = []
    for name in ["东湖公园", "西山景区", "南岸古镇", "北塔博物馆", "中心植物园", "滨江乐园"]:
        spots += [name, "成人票原价：120 元", "游客咨询电话：5308 9007", "备注：仅限成人票享受半价优惠"]
    doc, _kept = _clean(tmp_path, NAV + [TITLE, "2024-05-13 12:03:10 作者：小陈 来源：某某网"] + spots + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and doc.meta.date == "2024-05-13"
    doc, _kept = _clean(tmp_path, NAV + ["一分钟看懂东湖公园的会员社群", "01:19"] + spots + ARTICLE + OTHERS)
    assert doc.meta.title != "一分钟看懂东湖公园的会员社群"


def test_a_list_of_other_stories_just_above_the_headline_is_not_the_article(tmp_path):
    # headlines long enough to count as text, each with the time it was posted, right above the
    # story's own headline and its date: the article starts under them, the headline is the story's
    listed = [f"{x}({h}:0{m})" for x, h, m in (
        ("某品牌会员日销售额创新高 社群团购贡献过半", 11, 5), ("私域运营新规出台！平台：我们要求商家实名认证", 11, 4),
        ("某市三百家社区团购站点完成整改 团长培训同步上线", 11, 3), ("社群拉新活动遭质疑？调查：六成用户只为领券入群", 11, 2),
        ("用户运营岗位需求大增 应届生起薪上涨两成", 11, 1))]
    doc, kept = _clean(tmp_path, NAV + listed + [TITLE, "某某网", "2024-05-01 10:20"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept == ARTICLE


def test_a_line_after_the_editors_credit_is_not_the_article_however_few(tmp_path):
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + ["责任编辑：小李", "某市三百家社区团购站点完成整改"])
    assert kept == ARTICLE + ["责任编辑：小李"] and "某市三百家社区团购站点完成整改" in {r.text for r in doc.removed}
    # without the credit an article alone may end in a short line of its own
    doc, kept = _clean(tmp_path, [TITLE, "作者：小陈"] + ARTICLE + ["下期再聊"])
    assert kept == ARTICLE + ["下期再聊"]


def test_a_blog_written_in_lines_of_two_parts_keeps_its_ends(tmp_path):
    # no punctuation, one space where a comma would be: such lines are the article, not a list
    blog = ["第二次造访这个营区发现变了很多 以前冰冷的招牌换成了原木招牌",
            "营区主人说今年新增了二十个营位而且每个营位都有独立的水电可以用",
            "我们这次订的是靠溪边的营位 晚上听着水声入睡",
            "孩子们在溪边玩得不亦乐乎大人们就在树下泡茶聊天一直聊到天黑",
            "第二天一早起来雾气还没散去 整片山谷安静得只听得到鸟叫",
            "营区的早餐是主人自己做的馒头和豆浆味道朴实却很暖心让人难忘",
            "收帐篷的时候大家都有点舍不得 约好明年秋天再来看枫叶！"]
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + blog + OTHERS)
    assert doc.meta.title == TITLE and kept == blog


def test_a_button_above_a_video_players_times_is_not_the_headline(tmp_path):
    # an excerpt: the date, the headline, a caption counter, the lead, then a video player's
    # controls and times before the rest of the text
    player = ["close", "阅读文章", "pause", "volume_mute", "00:07", "01:34", "UnmuteMute"]
    lead = "【本报讯】社群团购昨日迎来新规，平台要求每个团长完成实名认证，并公示自提点的营业信息。"
    doc, kept = _clean(tmp_path, ["要闻", "2025年12月8日星期一", TITLE, "图 8 之 1", lead] + player + ARTICLE)
    assert doc.meta.title == TITLE and lead in kept and "阅读文章" not in kept


def test_the_storys_credits_stay_as_its_last_lines_before_the_comment_area(tmp_path):
    # the reporters' credit in brackets and the editor's line end the story, though readers'
    # comments (sentences) follow the comment area's header; neither is a heading
    credits = ["（记者 小陈 小李）", "责任编辑：小王"]
    comments = ["243 条评论|3,930 人参与网友评论", "表情", "登录 | 注册", "分享到微博", "最热评论", "社群老王",
                "现在居然觉得这个数字不大了，是我们习惯了吗？", "2 小时前", "回复"]
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + credits + comments)
    assert kept == ARTICLE + credits
    assert all(b.kind == "paragraph" for b in doc.blocks[-2:])


def test_replies_under_their_posters_names_are_no_list_of_other_stories(tmp_path):
    # names and a section's label are shaped as short headlines too, and a reply may have no full
    # stop; without two headlines proper among them (eight characters, neither said nor asked) they are no list
    replies = ["说得对，主题日确实有用！", "我们群也是这么做的，坚持下来最重要！"]
    thread = ["最热评论", "社群老王同学", replies[0], "运营小白一枚", replies[1], "关于我们", "联系我们"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + thread)
    assert kept[:len(ARTICLE)] == ARTICLE and set(replies) <= set(kept)


def test_other_stories_headlines_run_together_with_spaces_are_neither_text_nor_the_articles_end(tmp_path):
    # one long line of headlines with a space between each and no sentence's mark: the article
    # does not run on into it (a blogger's line has a space or two where commas would be)
    run = ("最新 某市三百家社区团购站点完成整改 团长培训同步上线 某品牌会员日销售额创新高 社群团购贡献过半 "
           "私域运营新规出台 平台要求商家实名认证 用户运营岗位需求大增 应届生起薪上涨两成 社群拉新活动遭质疑")
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + ["关键字：地方 新竹", run, "网友回应"])
    assert doc.meta.title == TITLE and kept == ARTICLE


def test_a_reference_list_after_the_article_is_not_headlines_run_together(tmp_path):
    # many parts between spaces and no punctuation mark, like other stories' headlines run
    # together, but each source with its brackets: the article's references stay
    refs = ("社群运营的十个误区 ．某某网 [引用日期 2024-05-19] 私域流量的五个阶段 ．某某报 [引用日期 2024-05-19] "
            "用户运营入门手册 ．某某社 [引用日期 2024-05-19] 社群团购复盘 ．某某网 [引用日期 2024-05-19]")
    _doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE + ["词条图册 更多图册", "参考资料", refs])
    assert any(k.startswith("社群运营的十个误区") for k in kept)

def test_a_storys_reporter_line_and_printed_paper_line_are_no_headings(tmp_path):
    credits = ["记者小陈／台北报导", "《某某日报》（2024年05月10日 04版）"]
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2024-05-01 10:20"] + ARTICLE[:2] + credits[:1] + ARTICLE[2:] + credits[1:] + OTHERS)
    def bare(t):
        return t.replace(" ", "")  # (typesetting spaces the digits)

    lines = {bare(b.plain_text()): b.kind for b in doc.blocks}
    assert all(lines.get(bare(c)) == "paragraph" for c in credits), lines


def test_a_threads_short_replies_stay_and_its_floors_and_buttons_go(tmp_path):
    # a forum thread copied as text: each reply under its poster and stamp (the floor and 发布 in
    # it), its buttons under it; replies too short or unpunctuated to be sentences are what
    # someone wrote all the same, and the thread ends in the site's list of other threads
    replies = ["想听听社群冷启动的案例", "群规那段很实用", "我们也是主题日做起来的"]
    thread = []
    for n, (name, reply) in enumerate(zip(["小王", "阿青", "运营老李"], replies, strict=True), 1):
        thread += [name, f"2024.05.0{n} 10:2{n} 发布", f"#{n}", reply, "首赞", "评论", "举报"]
    others = ["私域流量的五个误区有哪些呢", "社群团购到底还能不能做下去", "从零到一千人的社群复盘笔记", "关于我们", "联系我们"]
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + ["3 个评论", "倒序看帖"] + thread + others)
    assert kept[:len(ARTICLE)] == ARTICLE and kept[len(ARTICLE):] == replies, kept
    assert all(b.kind == "paragraph" for b in doc.blocks[len(ARTICLE):])  # replies head no sections
    assert {"#2", "首赞", "评论", "私域流量的五个误区有哪些呢"} <= {r.text for r in doc.removed}
    # a list of other stories with a date under each headline is no thread: it goes
    stories = []
    for n, headline in enumerate(others[:3], 1):
        stories += [headline, f"2024-05-0{n} 08:0{n}"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE + stories + others[3:])
    assert kept == ARTICLE, kept


def test_a_notes_comments_over_their_day_and_place_stay_however_short(tmp_path):
    # a note app's page copied as text: each comment as its poster's name, what they wrote, then the
    # day and place it was written, its likes and 回复 under it; short comments (蹲一个后续) are what
    # readers wrote all the same. The names, the stamps and the likes go.
    comments = [("芋圆不加糖", "收藏了，正好要接手公司的宝妈群"), ("一颗橙子", "蹲一个后续"),
                ("Lily在杭州", "群班长怎么挑人？"), ("momo运营日记", "福利日一到就有人退群怎么办")]
    lines = NAV + [TITLE] + HEADER + ARTICLE + ["共 46 条评论"]
    for n, (name, said) in enumerate(comments, 1):
        lines += [name, said, f"05-1{n}浙江", str(10 * n + 3), "回复"]
    doc, kept = _clean(tmp_path, lines + ["- 到底了 -"] + OTHERS)
    assert kept == ARTICLE + [c for _n, c in comments], kept
    gone = {r.text for r in doc.removed}
    assert {"芋圆不加糖", "05-12 浙江", "23"} <= gone and not set(OTHERS) & set(kept), gone
    # long comments the article's run of text takes in, written yesterday: their stamps and likes go all the same
    long = [(name, said + "，我们群也是这样，坚持了一个月，每天说话的人多了一倍，团购的转化也比以前好了很多，老板终于愿意给社群加预算了。") for name, said in comments]
    lines = NAV + [TITLE] + HEADER + ARTICLE
    for n, (name, said) in enumerate(long, 1):
        lines += [name, said, f"昨天 1{n}:2{n} 浙江", str(10 * n + 3), "回复"]
    _doc, kept = _clean(tmp_path, lines + OTHERS)
    assert kept == ARTICLE + [c for _n, c in long], kept
    # two comments closing with their button are too few to tell a note's comments from a list of other
    # notes, each with its day: as before, the short lines under the article go
    lines = NAV + [TITLE] + HEADER + ARTICLE
    for n, (name, said) in enumerate(comments[:2], 1):
        lines += [name, said, f"05-1{n}浙江", "回复"]
    _doc, kept = _clean(tmp_path, lines + OTHERS)
    assert "蹲一个后续" not in kept, kept


def test_a_short_posts_comments_are_its_text_past_the_comments_label(tmp_path):
    # a video page copied as text: a one-line caption, no article, then 全部评论 and the comments, each
    # as its poster's name, its text, how long ago and where, 回复 and its likes: they are the page's
    # text, not readers' comments under an article (which go from 全部评论 on)
    comments = [("麦田里的面包师", "进群送券我们也做了，但很多人领完券就退群了怎么办？"), ("阿May作者", "券分两张，第二张七天后才能用"),
                ("老王卖早餐", "学到了，明天就建群"), ("阿芳", "求群公告模板"), ("做生意的小黄", "一个群多少人合适？")]
    caption = ["开了三家烘焙店，会员群做对这三件事，复购率直接翻倍👇", "第一件事是进群就送一张券，第二件事是每天固定时间上新",
               "第三件事是每周五晚上在群里做一次秒杀，大家都很喜欢"]
    lines = NAV + ["00:00/01:38"] + caption + ["4.8万", "1372", "发布时间：2023-07-05 21:20", "全部评论(1372)", "留下你的精彩评论吧"]
    for n, (name, said) in enumerate(comments, 1):
        lines += [name, said, f"{n}天前·江苏", "回复", str(100 * n + 7)]
    # (a reply shown without its stamp, under the last comment: a sentence, left for the rules to judge)
    reply = "阿芳：谢谢，已经找到模板了，群里的人都说好用。"
    doc, kept = _clean(tmp_path, lines + [reply, "暂时没有更多评论", "相关推荐"] + OTHERS)
    assert all(said in kept for _n, said in comments + [("", c) for c in caption]) and reply in kept, kept
    assert not {"麦田里的面包师", "留下你的精彩评论吧", "1 天前·江苏", "207", "私域流量的五个误区"} & set(kept), kept


def test_a_short_posts_comments_under_its_text_are_its_replies_past_the_comments_label(tmp_path):
    # a micro-blog's post copied as text: a few lines by one poster, then 全部评论 and the comments, each
    # its poster's name, its text, how long ago and where, then its likes glued to its button (46回复); the
    # last one's button lost with the page's end. Together as long as a third of the post or more, they are
    # its replies, not readers' comments under an article: they stay past the label, the names and stamps go,
    # and so do the other posts listed under them (questions and all)
    post = ["面了五家公司的用户运营岗，整理一下被问最多的问题，给同样在找工作的朋友参考。",
            "第一题：你做过的社群，活跃率怎么算的？从多少提升到多少？",
            "第二题：用户分层你是按什么维度分的？每一层的动作是什么？",
            "最大的感受：面试官想听的是为什么这么做、结果是什么，数据一定要提前准备好。"]
    comments = [("阿布在运营", "第三题我也被问过，当时完全没准备，答得一团糟"), ("拾柒", "杭州这边岗位好少啊，一起加油"),
                ("HR小林", "补充一个面试官视角：会关注你有没有复盘习惯"), ("橘子汽水", "蹲内推"),
                ("运营老张", "已回复～")]
    lines = NAV[:5] + ["Vivian在找工作", "2天前·IP属地：浙江", "关注"] + post + ["2133转发 19分享", "热门评论全部评论 37", "写下你的评论…"]
    for n, (name, said) in enumerate(comments[:-1], 1):
        lines += [name, said, f"{n}天前·IP属地：上海", f"{n * 11}回复"]
    lines += [comments[-1][0], comments[-1][1], "15小时前·IP属地：浙江", "9"]  # (its button lost)
    reply = "Vivian在找工作：谢谢大家，已经收到两个内推了"  # (a reply under it on one line, its poster's name before a colon)
    lines += [reply]
    others = ["没有更多评论了", "面试被问到“你为什么离开上家”，怎么答不踩雷？", "运营简历怎么写数据？附我改了八版的简历，欢迎大家一起交流", "加入圈子"]
    doc, kept = _clean(tmp_path, lines + others)
    reply = reply.replace("Vivian在", "Vivian 在")  # (typeset: a space between Latin and Han)
    assert kept == post[1:] + [c for _n, c in comments] + [reply] or kept == post + [c for _n, c in comments] + [reply], kept
    gone = {r.text for r in doc.removed}
    assert {"拾柒", "2 天前·IP 属地：上海"} <= gone, gone
    # (past the end of the comments, another post's card with its stamp is no comment: no poster's name over it)
    card = ["已显示全部评论，没有更多了", "我也整理过一份运营岗的面试题，放在圈子的精华区了。", "3天前"]
    _doc, kept2 = _clean(tmp_path, lines[:-5] + card + others[1:])
    assert kept2 == kept[:-2], kept2
    # under an article more than three times as long as they are, they are its readers' comments: they go from the label on
    lines = NAV + [TITLE] + HEADER + ARTICLE + ["热门评论全部评论 37", "写下你的评论…"]
    for n, (name, said) in enumerate(comments[:-1], 1):
        lines += [name, said, f"{n}天前·IP属地：上海", f"{n * 11}回复"]
    _doc, kept = _clean(tmp_path, lines + others)
    assert kept == ARTICLE, kept


def test_a_thread_whose_stamps_close_each_post_keeps_every_reply_past_a_fold(tmp_path):
    # a bar's thread copied as text: the thread's title over its buttons, then each post as its
    # poster's name, what they wrote and the floor with its time UNDER it; a folded reply's
    # "收起回复" between two replies. The title is the thread's (not the first poster's name, with
    # the first floor's stamp a few lines under it), every reply stays, the stamps go
    title = "想做一个城市跑步群，前期怎么拉到第一批人"
    first_post = ["公司附近有不少人下班跑步，我想建一个夜跑群，但不知道第一批人从哪里来。",
                  "目前只有我和两个同事，发朋友圈也没什么人回应，大家有什么经验吗？"]
    replies = [("跑圈老周", "先固定一条路线和时间，每周二四晚上八点同一个地方集合，人自然会慢慢来。"),
               ("阿木木", "可以去附近健身房和跑鞋店门口贴个二维码，写清楚配速，新手才敢来。"),
               ("城南小林", "第一批人最好拉熟人，再让每个人带一个朋友，比陌生人进群稳定得多。"),
               ("Kiki跑步日记", "每次跑完在群里发合照和配速表，没来的人看到了下次就会想来。")]
    lines = NAV[:4] + [title, "只看楼主", "收藏", "回复", "路口的风"] + first_post + ["来自Android客户端1楼2024-06-01 21:05"]
    for n, (name, reply) in enumerate(replies, 2):
        lines += [name, reply, f"{n}楼2024-06-0{n} 08:1{n}"]
        if n == 3:
            lines += ["路口的风: 谢谢，周二就试试。", "收起回复"]
    lines += ["登录一下，更多精彩内容等你发现", "发表回复"] + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == title, doc.meta.title
    assert all(t in kept for t in first_post + [r for _n, r in replies]), kept
    assert not any("楼" in t and "2024" in t for t in kept)  # the floors and their times
    assert "发表回复" not in kept and not set(OTHERS) & set(kept), kept  # (the thread over at the sign-in prompt)
    # the same thread with the first post's stamp right under its title (a question's header)
    # still reads the title
    doc, _kept = _clean(tmp_path, NAV[:4] + [title, first_post[0], "路口的风", "2024-06-01 21:05"] + first_post[1:] + OTHERS)
    assert doc.meta.title == title, doc.meta.title


def test_a_threads_posts_end_the_search_for_other_stories_headlines():
    from opskb.ingest.feeds import trailing_headlines
    from opskb.records import HEADING, PARAGRAPH, Block

    text = [Block(PARAGRAPH, text=ARTICLE[0])]
    replies = [Block(PARAGRAPH, text="我们也是主题日做起来的"), Block(PARAGRAPH, text="想听听社群冷启动的案例")]
    profile = [Block(HEADING, text="本质上是个笨蛋但只要努力就能做到", level=2), Block(HEADING, text="注册排名 3006", level=2)]
    kept, gone = trailing_headlines(text + replies + profile, page_copy=True, posts={b.text for b in replies})
    assert kept == text + replies and [g.text for g in gone] == [b.text for b in profile]
    kept, _gone = trailing_headlines(text + replies + profile, page_copy=True)  # (taken for headlines otherwise)
    assert kept == text


def test_a_menu_or_a_ticker_line_does_not_run_on_into_the_lines_under_it(tmp_path):
    # a page copied with blank lines between some blocks only: long lines without a full stop are
    # joined to the next one there (prose wrapped), but not a menu's words with spaces between
    # them nor a ticker's figures with wide gaps: the headline under them stays a line of its own
    for top in ("即时 要闻 娱乐 运动 全球 社会 地方 产经 股市 房市 健康 生活 文教 评论 两岸 数位",
                "上证指数 3071.38 +0.46%  深证成指 9512.64 +0.81%  创业板指 1843.20 +1.02%"):
        text = "\n".join(["某某新报网", top, "登录 / 注册", "首页 > 产经 > 产业", TITLE, "2024-03-18 14:22 某某新报网／记者张三／台北报导"]) \
            + "\n\n" + "\n\n".join(ARTICLE) + "\n\n" + "\n".join(OTHERS) + "\n"
        path = tmp_path / "copy.txt"
        path.write_text(text, encoding="utf-8")
        doc = process(read(path))
        assert doc.meta.title == TITLE, (top, doc.meta.title)
        assert [t for b in doc.blocks for t in b.texts()][:2] == ARTICLE[:2]


def test_a_page_copied_after_its_text_was_expanded_goes_on_under_its_button(tmp_path):
    # a phone page copied once its text was opened: 展开全文 stands between two of its paragraphs
    # and goes, the text under it stays; where it ends a truncated text, the page's rest goes with it
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE[:4] + ["展开全文"] + ARTICLE[4:] + OTHERS)
    assert kept == ARTICLE and "展开全文" in {r.text for r in doc.removed}
    # ... under the next section's numbered heading too
    numbered = [*ARTICLE[:2], *ARTICLE[3:5], "二、把新人带进来",
                "第三步是给每位新人安排一位老成员，第一周里至少一起参加一次主题日，发言的新人多了一倍。", ARTICLE[-1]]
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + numbered[:4] + ["展开全文"] + numbered[4:] + OTHERS)
    assert kept == numbered and "展开全文" in {r.text for r in doc.removed}
    reply = "说得很对，我们群也是这么做起来的，坚持主题日最重要。"
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE[:5] + ["展开全文", "小王", reply] + OTHERS)
    assert kept == ARTICLE[:5], kept


def test_a_folded_answer_of_a_question_page_and_the_next_answer_under_its_buttons(tmp_path):
    # a Q&A page copied as text (zero-width spaces between a row's words, as such pages show them): the
    # first answer folded (展开阅读全文), its counts and buttons, the next answerer's name, then the next
    # answer: the answers go on; not when an ad's long line stands there instead of an answerer's name
    question = "新建的宝妈群一直没人说话，群主该怎么带动大家？"
    first = ["我带过四个宝妈群，最开始的两周最关键，群主每天要固定时间出来说话。",
             "可以先从育儿的小问题聊起，比如辅食怎么做、孩子几点睡，话题越日常越容易接。",
             "每周再固定一个晒娃日，大家发照片比回答问题容易得多，发过一次的人后面也更愿意说话。",
             "有人发言就及时回应，哪怕只是一句“说得真好”，新成员也会觉得这个群有人在。"]
    second = ["补充一点：找三四个愿意说话的老顾客当气氛组，冷场的时候由她们先接话。",
              "另外群规别写太长，三条就够，大家记得住才会遵守。"]
    fold = ["展开阅读全文\u200b", "\u200b赞同 86\u200b\u200b12 条评论", "\u200b分享", "\u200b收藏", "育儿群主阿青", "\u200b关注"]
    lines = NAV + [question, "关注问题", "写回答", "查看全部 9 个回答", "母婴店长小周"] + first + fold + second + OTHERS
    _doc, kept = _clean(tmp_path, lines)
    assert first[0] in kept and second == [t for t in kept if t in second], kept
    ad = ["展开阅读全文", "赞同 86 · 12 条评论", "限时优惠 母婴社群运营训练营第十二期报名中"]
    _doc, kept = _clean(tmp_path, NAV + [question, "关注问题", "写回答", "母婴店长小周"] + first + ad + second + OTHERS)
    assert not set(second) & set(kept), kept


def test_a_documents_file_name_heading_its_page_gives_the_headline(tmp_path):
    # a document library's page: the file's name heads it, the preview's end cuts the page's rest
    lines = (NAV[:3] + ["社群活跃度复盘报告.pdf", "格式：PDF　页数：36　上传时间：2024-05-10", "立即下载"] + ARTICLE[:5]
             + ["试读已结束，剩余33页未读，下载后可查看完整内容", "立即下载（20积分）"] + OTHERS)
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == "社群活跃度复盘报告"
    assert kept == ARTICLE[:5]


def test_a_note_opening_by_addressing_its_readers_has_the_line_above_as_headline(tmp_path):
    # a note app's page: the note's first line speaks to the readers (姐妹们，……); the title is above it
    note = ["姐妹们，今天想认真聊聊我的小店是怎么从差点关门到现在稳定盈利的💐", *ARTICLE[:5]]
    doc, kept = _clean(tmp_path, NAV + ["店主阿梅", "关注", "开店第3年，一个200人的会员群救了我的店🌷"] + note + OTHERS)
    assert doc.meta.title.replace(" ", "") == "开店第3年，一个200人的会员群救了我的店🌷"
    assert kept[0] == note[0]


def test_a_job_postings_title_over_its_tags_and_a_section_label(tmp_path):
    # the position's name, its salary and place, buttons, a share prompt, a section label and the
    # posting's tags above the text; the label leading into the duties stays with them
    duties = ["1、负责品牌微信社群的日常运营与维护，包括群内容排期、话题策划和用户答疑，保持社群活跃度；",
              "2、制定并执行社群SOP，搭建从拉新、激活、转化到复购的完整用户运营链路；",
              "3、定期输出社群数据报表，分析活跃率、转化率和复购率的变化，并提出优化方案。"]
    lines = (NAV[:5] + ["首页 > 杭州招聘 > 杭州社群运营招聘", "招聘中", "社群运营专员", "8-12K·13薪", "杭州·余杭区", "1-3年",
                        "立即沟通", "微信扫码分享职位", "举报", "职位描述", "社群运营", "私域运营", "企业微信", "岗位职责："]
             + duties + ARTICLE[:2] + ["某某招聘网安全提示：用人单位以任何名义收取费用、扣押证件均属违法行为，请立即举报。"] + OTHERS)
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == "社群运营专员"
    assert kept[0] == "岗位职责：" and kept[-1] == ARTICLE[1]


def test_an_e_papers_masthead_dated_with_the_weekday_and_a_subtitle_under_the_headline(tmp_path):
    # the paper's name over the day's date and the page list; under the headline a subtitle opening
    # with a dash and the reporters' credit
    top = ["某某日报数字报", "2024年06月14日 星期五", "上一期", "下一期", "版面导航", "第01版：要闻", "第02版：经济", "第05版：乡村振兴"]
    head = ["小茶叶串起山村致富路", "——青石县白岩村发展生态茶产业见闻", "本报记者 何雨晴 通讯员 邓可"]
    doc, kept = _clean(tmp_path, top + head + ARTICLE[:5] + OTHERS)
    assert doc.meta.title == "小茶叶串起山村致富路"


def test_a_breadcrumb_naming_the_course_or_the_side_menus_item_does_not_name_the_page(tmp_path):
    # the trail ends with the course's name, which the course's header line begins with: the lesson's
    # title under it is the headline (only a trail cut short with … names a line it begins)
    lesson = ["首页 > 运营 > 活动运营实战训练营", "活动运营实战训练营 · 共12节", "第3课｜一场裂变活动的完整策划流程",
              "讲师：周晓岚", "时长：32:18", "上一节", "下一节"]
    doc, _kept = _clean(tmp_path, NAV + lesson + ARTICLE[:5] + OTHERS)
    assert doc.meta.title.replace(" ", "") == "第3课｜一场裂变活动的完整策划流程"
    # the trail's last place again in a side menu, then the page's dated headline
    rules = ["首页 > 会员中心 > 会员规则", "关于我们", "品牌故事", "会员规则", "门店信息", "联系我们",
             "某某会员权益与积分规则（2024年修订版）", "更新日期：2024年1月1日"]
    doc, _kept = _clean(tmp_path, NAV + rules + ARTICLE[:5] + OTHERS)
    assert doc.meta.title.replace(" ", "") == "某某会员权益与积分规则（2024年修订版）"


def test_the_answers_of_a_q_and_a_copy_go_on_past_the_prompt_under_each(tmp_path):
    # each answer: who and when, its text, its buttons and the site's question about it
    answers = [("运营小栈", "2023-08-16 · TA获得超过3.2万个赞", ARTICLE[0] + ARTICLE[1] + ARTICLE[3]),
               ("豆豆妈的小铺", "2023-08-15 · TA获得超过1260个赞", ARTICLE[1]),
               ("匿名用户", "2023-08-17", ARTICLE[3]), ("walker_chen", "2023-08-20", ARTICLE[4])]
    lines = NAV + ["问答堂 > 经济金融 > 企业管理", "社群怎么提高活跃度？新建的群没人说话怎么办", "匿名用户", "2023-08-15 17:42", "我来答", "分享", "3个回答"]
    for name, stamp, text in answers:
        lines += [name, stamp, text, "已赞过", "已踩过", "你对这个回答的评价是？", "评论", "收起"]
    doc, kept = _clean(tmp_path, lines + ["最新讨论 (更多)", "求助：社群面试被问到“如何提升群活跃度”该怎么答", "有没有人在做私域的，聊聊现在的行情"])
    assert doc.meta.title == "社群怎么提高活跃度？新建的群没人说话怎么办"
    assert [t for t in kept if t in {a[2] for a in answers}] == [a[2] for a in answers]
    assert "你对这个回答的评价是？" not in kept and not any("行情" in t or "求助" in t for t in kept)


def test_a_bbs_posts_header_of_labelled_fields_gives_the_title_field(tmp_path):
    # a BBS post's header copied from its web mirror: labels glued to their values
    header = ["作者lemonsoda (柠檬苏打)", "看板Marketing", "标题[心得] 经营LINE社群一年的一些心得", "时间Tue Apr 16 23:18:42 2024"]
    doc, kept = _clean(tmp_path, NAV + ["返回看板", "分享"] + header + ARTICLE[:5] + OTHERS)
    assert doc.meta.title.replace(" ", "") == "[心得]经营LINE社群一年的一些心得"
    assert kept[0] == ARTICLE[0]


def test_a_flash_news_list_with_each_headlines_time_on_its_own_line_goes(tmp_path):
    flashes = ["某新能源车企5月交付量同比增长百分之三十八", "14:05", "三部门发布通知进一步规范网络直播营销活动", "13:52",
               "某跨境电商平台完成新一轮融资金额超过2亿美元", "13:31", "查看更多快讯"]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + ARTICLE[:5] + ["24小时快讯"] + flashes + OTHERS)
    assert kept == ARTICLE[:5]


def test_a_notes_points_numbered_with_keycap_digits_are_its_own_list(tmp_path):
    # a note copied as text ends with its points numbered 1️⃣ 2️⃣ 3️⃣: short lines, no list of other stories
    points = ["1️⃣ 每天固定时间发团，用户会养成习惯来看", "2️⃣ 新人进群先私聊打招呼，送一张无门槛券",
              "3️⃣ 每周做一次晒单抽奖，晒单的人越多越有信任感", "4️⃣ 给老顾客单独建个小群，新品先给他们试吃"]
    text = [*ARTICLE[:2], *ARTICLE[3:5]]
    _doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + text + points + OTHERS)
    assert kept == text + points


def test_a_notices_sign_off_under_its_text_stays_with_it(tmp_path):
    # a government notice copied with its site: under the last paragraph, the attachment's name,
    # who issued it and the day (its sign-off), the note on its release; then the site's footer
    notice = ["为进一步丰富社区居民的文化生活，经研究，决定于今年五月在全区开展社区读书月活动，现将有关事项通知如下。",
              "各街道要结合实际制定活动方案，组织居民参加读书分享、亲子共读和图书漂流等活动，每个社区不少于三场。",
              "请各街道于5月31日前将活动总结报区文化和旅游局公共服务科。"]
    sign_off = ["附件：社区读书月活动情况统计表", "某某区文化和旅游局", "2024年4月8日", "（此件主动公开）"]
    footer = ["【打印本页】", "【关闭窗口】", "相关文章", "关于开展全民阅读周活动的通知", "关于我们", "网站地图"]
    doc, kept = _clean(tmp_path, NAV + ["关于开展2024年社区读书月活动的通知", "发布时间：2024-04-09 09:30"] + notice + sign_off + footer)
    assert [t.replace(" ", "") for t in kept] == notice + sign_off, kept  # (typesetting spaces the digits)
    assert all(b.kind == "paragraph" for b in doc.blocks)
    # a date under a list of other stories is no sign-off: the list goes
    _doc, kept = _clean(tmp_path, NAV + ["关于开展2024年社区读书月活动的通知", "发布时间：2024-04-09 09:30"] + notice
                        + ["关于我们", "网站地图", "联系我们", "某某区人民政府网站", "2024年4月8日"] + footer)
    assert [t.replace(" ", "") for t in kept] == notice, kept


def test_a_threads_title_under_a_sign_in_widget_and_the_boards_figures(tmp_path):
    # a bar's page copied whole: the sign-in widget says a sentence of its own a few short lines above
    # the thread's title, the board's name comes with its figures, and the first poster, quoted by
    # name in two replies (某某: ……), stands alone above the first post
    title = "求助：社群团购的群一到晚上就冷场，大家怎么破？"
    widget = ["一键签到", "点击日历上漏签日期，即可进行补签。", "连续签到：0天", "累计签到：0天", "使用补签卡", "本月漏签0次", "06月01日漏签0天"]
    post = ["我们小区的团购群有四百多人，白天下单还行，一到晚上就没人说话，第二天的团也没人接龙。",
            "试过晚上发红包，抢完就没人说话了，有没有更长久的办法？"]
    replies = []
    for n, (name, text) in enumerate([("团长阿梅", "晚上八点固定发一个第二天的预告，让大家有个盼头。"),
                                      ("小区老王", "可以让邻居晒晚饭，团购的菜做成什么样，比广告有用。")], 2):
        replies += [name, text, f"来自Android客户端{n}楼2024-06-0{n} 20:1{n}", f"路口的风: 谢谢，第{n}个办法我记下了，明晚就试试。"]
    replies += ["路口的风", "谢谢大家，预告和晒晚饭我都先试一周，再来反馈。", "来自iPhone客户端4楼2024-06-04 21:00"]
    lines = NAV[:4] + widget + ["社区团购吧 关注：12,086 贴子：88,310", title, "只看楼主", "收藏", "回复", "路口的风", "初级粉丝"] \
        + post + ["来自iPhone客户端1楼2024-06-01 20:05"] + replies + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == title, doc.meta.title
    assert "社区团购吧 关注：12,086 贴子：88,310" not in kept


def test_a_crawlers_dump_of_a_whole_page_under_its_title_line_is_a_page_copy(tmp_path):
    # a crawler's "page to text" dump: its <title> as a "# " line, then the page's text as it reads
    lines = [f"# {TITLE} - 某某网"] + NAV + ["搜索课程、文章、规则", "首页 > 社群运营", TITLE] + HEADER + ARTICLE + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert kept == ARTICLE and doc.meta.title == TITLE
    assert doc.meta.author == ""  # a search box's prompt is no list of authors
    assert {"首页", "登录 注册", "首页 > 社群运营", "分享到", "私域流量的五个误区"} <= {r.text for r in doc.removed}
    # an article written in Markdown under its "# " title (sections, links) is no page copy: its
    # short lines stay for the rules
    md = [f"# {TITLE}", "## 冷启动", ARTICLE[0], "[阅读原文](https://example.com/a)", ARTICLE[1], "资讯", "专题", "视频"]
    doc, kept = _clean(tmp_path, md)
    assert {"资讯", "专题", "视频"} <= set(kept)


def test_a_dumps_title_line_gives_way_to_the_headline_over_its_byline(tmp_path):
    # the <title> written for search engines, the page's headline worded otherwise, its byline
    # (a date as typesetting spaces it) under it
    seo = "私域用户分层怎么做？五步落地指南"
    headline = "从零搭建会员分层：我们陪两百家门店踩过的坑"
    lines = [f"# {seo} | 某某SCRM"] + NAV + ["首页 / 博客 / 私域运营", headline,
                                            "某某内容团队 · 2024年1月9日 · 阅读约 8 分钟"] + ARTICLE + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == headline and kept == ARTICLE
    assert "某某内容团队 · 2024年1月9日 · 阅读约 8 分钟" in {r.text.replace(" 年 ", "年").replace(" 月 ", "月").replace(" 日", "日") for r in doc.removed}
    # a poster's name over the date is no headline: the title line stays the title
    lines = [f"# {TITLE}", "原创", "数据运营小陈", "已于 2024-02-27 10:15:32 修改", "阅读量 3.4k", "收藏"] + ARTICLE + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == TITLE and kept == ARTICLE


def test_a_calendar_line_is_no_stamp_and_a_spaced_date_is_one():
    from opskb.ingest.copyheadline import stamp_line

    assert stamp_line("某某内容团队 · 2024 年 1 月 9 日 · 阅读约 8 分钟")  # as typesetting leaves it
    assert stamp_line("郑晓雯·2024 年 04 月 18 日") and not stamp_line("2024 年 04 月 18 日")  # (a date alone: a field's)
    assert not stamp_line("今天是：2024 年 5 月 22 日 星期三")  # the site's clock in its header
    assert not stamp_line("农历：甲辰年四月十五")


def test_code_in_a_page_copys_article_keeps_the_article_going(tmp_path):
    code = ["SELECT user_id,", "COUNT(DISTINCT order_id) AS frequency,", "SUM(pay_amount) AS monetary",
            "FROM orders", "WHERE status = 'PAID'", "GROUP BY user_id;"]
    article = ARTICLE[:2] + code + ["三、给用户打分"] + ARTICLE[3:5]
    doc, kept = _clean(tmp_path, NAV + [TITLE] + HEADER + article + OTHERS)
    assert kept == article and doc.meta.title == TITLE


def test_a_dumps_title_line_naming_one_of_a_papers_headlines_keeps_it(tmp_path):
    # a newspaper's kicker, headline and subtitle all stand over the reporter's credit; the
    # <title> line names the headline, which the page shows: it stays the title
    kicker, subtitle = "小区有了“邻里议事厅”", "某某区探索“线上群+线下会”模式，半年化解矛盾纠纷二百余件"
    lines = [f"# 某某日报数字报-{TITLE}"] + NAV + ["第A05版：社区", "上一版", "下一版", kicker, TITLE, subtitle,
                                                 "本报记者 周敏 通讯员 许嘉禾"] + ARTICLE + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == TITLE and kept[-len(ARTICLE):] == ARTICLE


QA_TOP = ["首页", "发现", "等你来答", "搜索", "提问", "消息", "社群运营", "私域", "活动策划"]
QA_QUESTION = "社群里的老用户越来越不说话，怎么重新激活？"
QA_ANSWER = [
    "先别急着发红包，先想清楚：老用户为什么来？他们现在还需要什么？你手里有什么能给？",
    "我们做过一次复盘，把近半年发过言的人按发言次数分成三组，发现沉默的人大多是入群第二个月开始不说话的。",
    "后来改成每周二固定一个老用户分享，主持人提前一天私聊邀请，三周后群里的日均发言从十几条涨到了六十多条。",
]


def test_a_question_page_copy_is_titled_with_its_question_not_an_answers_first_line(tmp_path):
    # a Q&A page copied whole: the question and its detail, the page's counters and buttons, then the
    # answers, each under its answerer's name, bio and votes; the first answer opens with a line of
    # several questions, longer than the question and right above the dense text
    buttons = ["关注问题 写回答", "邀请回答", "好问题 12", "添加评论", "分享", "查看全部 52 个回答"]
    for icon in ([], ["\u200b"]):  # (a copy may give each button's icon a line of its own, a zero-width space)
        doc, kept = _clean(tmp_path, QA_TOP + [
            QA_QUESTION, "我们是做母婴用品的，群里有两千多人，大部分是一年前进来的老客，最近每天只有几条消息。",
            "关注者", "862", "被浏览", "120,473", *(x for b in buttons for x in (*icon, b)),
            "林夕", *icon, "社群操盘手，前母婴品牌用户运营负责人", "关注", "1,024 人赞同了该回答"] + QA_ANSWER + [
            "编辑于 2024-02-03 10:11", "赞同 1024", "分享", "收藏",
            "匿名用户", "36 人赞同了该回答", "人少的时候反而好做，一个个私聊，问他们最近在忙什么，比群发有用得多。",
            "发布于 2024-02-05 21:40", "相关问题", "社群冷启动需要多长时间？ 12 个回答", "更多", "关于我们", "联系我们", "更多", "帮助中心"])
        assert doc.meta.title == QA_QUESTION and doc.meta.site != "更多"  # (a button's word at the foot names no site)
        assert all(line in kept for line in QA_ANSWER)  # the answer's opening line is its text, not the page's title
        assert "社群操盘手，前母婴品牌用户运营负责人" not in kept  # (the answerer's bio under the answerer's name)


def test_a_question_pages_row_of_tags_above_the_question_is_not_its_headline(tmp_path):
    # a Q&A page copied whole: the question's topics, a row of short words, stand above it (longer)
    doc, kept = _clean(tmp_path, QA_TOP + [
        "社群运营 用户运营 私域流量 互联网运营", QA_QUESTION,
        "我们是做母婴用品的，群里有两千多人，大部分是一年前进来的老客，最近每天只有几条消息。",
        "关注问题 写回答", "邀请回答", "好问题 12", "查看全部 52 个回答",
        "林夕", "1,024 人赞同了该回答"] + QA_ANSWER + ["编辑于 2024-02-03 10:11", "赞同 1024", "分享", "收藏",
                                                 "相关问题", "关于我们", "联系我们", "帮助中心"])
    assert doc.meta.title == QA_QUESTION
    assert all(line in kept for line in QA_ANSWER)
    # ... and on a Zhihu-like page copied whole (tests/data/text-copies-6), where the row is the longer line
    page = Path(__file__).resolve().parents[1] / "data" / "text-copies-6" / "pages" / "04_zhihu_like_answers_full.txt"
    assert process(read(page)).meta.title == "社群运营到底是不是一个伪需求？"
    # a headline set in parts with spaces is not a row of tags: its parts are longer
    from opskb.ingest.copylines import _tags

    assert _tags("社群运营 用户运营 私域流量 互联网运营")
    assert not _tags("老街没落十年 一群返乡青年用咖啡和木工撑起一条街") and not _tags("拉新 促活，留存 转化")


def test_a_threads_second_paragraph_over_the_floor_stamp_is_not_its_headline(tmp_path):
    # a Tieba-like thread copied whole: the thread's title far above the first post's stamp; the
    # post's second paragraph (a said line of two questions) is right over it, and it is the post's text
    subject = "【求助】刚接手公司的家长群，第一个月该做什么？"
    post = ["刚进一家少儿美术机构做运营，领导把八个家长群交给我，群里一共一千多位家长，平时基本只有老师在发通知。",
            "想问问大家，第一个月应该先做哪些事？要不要一进群就做个自我介绍？"]
    doc, kept = _clean(tmp_path, ["进入贴吧", "全吧搜索", "吧内搜索", "运营吧", "关注：52,310 贴子：836,112", "看贴", "图片", "精品",
                                  "18 回复贴，共 1 页", "<<返回运营吧", subject, "只看楼主", "收藏", "回复",
                                  "小橘子汽水", "初级粉丝", "1"] + post + [
        "来自iPhone客户端1楼2024-04-02 21:10", "回复", "社群老张", "吧务", "12",
        "第一个月少说多看，先把每个群的活跃家长记下来，再挑两三个愿意帮忙的家长做群里的小助手。",
        "还有一点，别急着在群里卖课，家长最烦的就是刚认识就推销，先把通知和答疑做好，信任是慢慢攒出来的。",
        "来自Android客户端2楼2024-04-02 21:36", "回复", "美术老师阿青", "中级粉丝", "5",
        "同意楼上。我们机构的做法是每周五晚上在群里发一次孩子们的作品合集，家长转发得很多，招生也跟着来了。",
        "来自iPhone客户端3楼2024-04-03 08:05", "回复", "贴吧协议", "隐私政策", "吧主制度", "意见反馈"])
    assert doc.meta.title.endswith("刚接手公司的家长群，第一个月该做什么？")
    assert all(line in kept for line in post)


def test_a_question_headline_asks_one_question():
    from opskb.ingest.copyheadline import question
    assert question("社群里的老用户越来越不说话，怎么重新激活？") and question("私域流量到底是什么?")
    assert question("付费会员到底值不值得做？什么样的品牌适合做付费会员？")  # (two questions: a page's too)
    assert not question("老用户为什么来？他们现在还需要什么？你能给什么？")  # an answer's lines asking several
    assert not question("先想清楚：老用户为什么来？")
    assert question("建了个读书群，前两周很热闹，现在为什么没人说话了？")  # (a question page's title of three clauses)
    assert not question("先别急着发红包，先想清楚，群里是谁，他们为什么还会来？")  # a said sentence of many clauses
    assert not question("为什么？")  # too short to name a page


def test_a_discuz_thread_copy_titled_by_its_trail_and_its_signatures_gone(tmp_path):
    # a Discuz thread dumped as text: a sign-in box's slogan, the trail ending in the subject, an ad
    # line, buttons and counters, then the subject between labels in brackets; each post under its
    # poster's panel and stamp, ending at its buttons; one poster's signature closes two posts
    subject = "社区团购的团长佣金怎么定才合理？"
    sign = "做社区电商，先做社区，再做电商。"
    panel = ["23", "主题", "612", "帖子", "1830", "积分", "高级会员", "发消息"]
    posts = [("阿杰", "楼主", ["各位好，我在平台负责杭州区域的团长运营，手上一百多个团长，佣金一直按销售额的 10% 统一给。",
                              "一是头部团长觉得太少，一个月卖五万多的团长被隔壁平台用更高的比例挖走了两个；二是很多新团长一个月只卖几百块，"
                              "拿这点佣金根本没有动力，群基本就放着不管了。",
                              "想听听大家的做法：佣金是统一比例好，还是阶梯好？新团长有没有什么额外的扶持？"]),
             ("老陈", "沙发", ["我们是阶梯佣金：月销一万以下 8%，一万到三万 10%，三万以上 12%，按自然月结算。", sign]),
             ("徐姐", "板凳", ["作为团长说两句：比例没那么重要，货好卖、售后别让团长背锅才是团长留下来的原因。"]),
             ("老陈", "地板", ["阶梯佣金有个坑：月底差一点到下一档的团长会自己刷单，后来改成按上个月的销售额定本月档位。", sign]),
             ("小王", "5#", ["新团长我们给六十天保护期，不管卖多少都按 12% 给，每完成一个里程碑再奖励两百元。"]),
             ("路人甲", "6#", ["顶一下，学习了"]), ("路人乙", "7#", ["顶一下，学习了"]),  # (a reply alone, said twice: no signature)
             ("阿杰", "8#", ["谢谢各位，准备这么改：新团长六十天保护期，老团长按上月销售额分三档，售后由平台兜底。"])]
    for arrow in (">", "?"):  # (saved in an encoding without », a copy shows ? in its place)
        lines = ["设为首页收藏本站", "用户名", "自动登录", "找回密码", "密码", "登录", "立即注册", "只需一步，快速开始", "快捷导航",
                 "门户Portal", "论坛BBS", "搜索", f" {arrow} ".join(["某某运营论坛", "论坛", "运营交流", "社区电商", subject]),
                 "【团长招募】某某优选下半年团长招募，0 门槛 0 囤货，佣金日结", "返回列表 发新帖", "查看: 8416|回复: 31",
                 f"[讨论] {subject} [复制链接]"]
        for n, (name, floor, text) in enumerate(posts):
            lines += [name, *panel, floor, f"发表于 2019-8-{n + 3} 21:14:02", "|", "只看该作者", *text, "回复", "使用道具 举报"]
        lines += ["返回列表 发新帖", "您需要登录后才可以回帖 登录 | 立即注册", "QQ|Archiver|手机版|小黑屋|某某运营论坛", "GMT+8, 2019-8-12 09:47"]
        doc, kept = _clean(tmp_path, lines)
        assert doc.meta.title == subject and "快速开始" not in doc.meta.author  # (a sign-in box's slogan is no list of authors)
        # (a row of buttons at the top and the foot, a label of every poster's panel: no site's name)
        assert doc.meta.site not in ("返回列表 发新帖", "积分", "主题", "帖子")
        assert sign not in kept and not any("社区电商 " in t for t in kept)  # (the trail that named the subject goes too)
        assert all(t in kept for _n, _f, text in posts for t in text if t != sign)


def test_a_lecturers_field_under_the_headline_is_not_the_headline(tmp_path):
    headline = "新手做用户运营，先把这 5 个核心指标搞明白"
    doc, kept = _clean(tmp_path, NAV + ["首页 > 文章 > 用户运营 > 正文", "运营入门 | 用户运营 | 数据指标", headline,
                                        "讲师：周远 · 前某在线教育平台用户增长总监", "2024/02/26 14:08　　阅读 5678　　收藏 231"] + ARTICLE + OTHERS)
    assert doc.meta.title == headline and [t for t in kept if t in ARTICLE] == ARTICLE


def test_the_comments_under_one_answer_do_not_end_a_qa_page(tmp_path):
    # a Q&A page copied whole: the first answer's comments label (12 条评论) with the next answers under
    # its comments; an article's comment area (no answer's lines below it) still ends the article
    question = "社区店的会员群，用企业微信还是个人号好？"
    second = ["我们两种都试过，最后选了企业微信，因为导购离职的时候顾客可以整体交接，不会跟着人走。",
              "个人号的好处是亲切，但封号风险大，一次封号一个群的顾客就全没了，这个代价太大。"]
    comments = ["说得很实在，我们就是吃过封号的亏，后来全部迁到企业微信了。", "04-17", "回复", "请问交接的时候顾客会收到通知吗？", "04-18"]
    lines = NAV + [question, "关注问题 写回答", "老陈", "门店运营", "86 人赞同了该回答"] + ARTICLE + ["发布于 2024-04-16 21:03", "12 条评论"] \
        + comments + ["阿果", "30 人赞同了该回答"] + second + ["发布于 2024-04-18 09:12", "你对这个回答的评价是？"] + OTHERS
    _doc, kept = _clean(tmp_path, lines)
    assert all(t in kept for t in ARTICLE + second) and "12 条评论" not in kept
    article = NAV + [TITLE] + HEADER + ARTICLE + ["12 条评论", "写得太好了，我们小区的群也是这样一点点活跃起来的，谢谢分享！", "小王", "3 天前",
                                                 "群主一定要坚持每天出来说话，这一点我深有体会，不然群很快就死了。"] + OTHERS
    _doc, kept = _clean(tmp_path, article)
    assert kept == ARTICLE
