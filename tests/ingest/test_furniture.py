"""Site furniture recognised by its form, not its words: lines that are links on the page
around the article, a block of contact lines, notices, the buttons and walls around a post;
and the article's own sentences that use the same words stay. Pages and lines we write."""

from __future__ import annotations

import lxml.html
from opskb.ingest.clean import clean, match_rule
from opskb.ingest.locate import drop_linked
from opskb.ingest.pagetree import _leaf_blocks, _tree
from opskb.records import PARAGRAPH, Block, Doc, Meta
from opskb.text import fold

PROSE = [
    "社群运营是指围绕一个社群开展拉新、促活和转化的工作，重点在于群内的互动氛围和成员之间的关系。",
    "用户运营是指以用户为中心，通过分层、分群和生命周期管理，持续提升每一位用户的价值和留存。",
    "两者的目标不同：社群运营看重群的活跃和转化，用户运营看重整体用户的留存率和生命周期价值。",
]
# words no rule knows: only their form (link text on the page) marks them
CHANNEL = "<p><a href='/x'>春日花园</a> <a href='/y'>城市漫步</a> <a href='/z'>周末厨房</a></p>"
OTHERS = "".join(f"<li><a href='/s{i}'>一个与本文无关的故事标题第{i}号</a></li>" for i in range(4))


def _doc(lines: list[str]) -> Doc:
    return Doc(source="t.md", meta=Meta(title="社群运营入门"), blocks=tuple(Block(PARAGRAPH, text=t) for t in lines))


def _kept(doc: Doc) -> list[str]:
    return [t for b in clean(doc).blocks for t in b.texts()]


def test_lines_that_are_links_on_the_page_go_above_and_below_the_article():
    html = (f"<html><body><div>{CHANNEL}" + "".join(f"<p>{p}</p>" for p in PROSE)
            + "<p>文中提到的<a href='/g'>分层模型</a>，详见下一篇。</p>" + f"<ul>{OTHERS}</ul></div></body></html>")
    page = _tree(html)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    # the main content as trafilatura hands it over, links gone, the furniture still in
    main = lxml.html.fromstring(
        "<html><body><p>春日花园 城市漫步 周末厨房</p>" + "".join(f"<p>{p}</p>" for p in PROSE)
        + "<p>文中提到的分层模型，详见下一篇。</p>"
        + "".join(f"<li>一个与本文无关的故事标题第{i}号</li>" for i in range(4)) + "</body></html>")
    assert drop_linked(blocks, main) == 5
    text = main.text_content()
    assert all(p in text for p in PROSE)
    assert "文中提到的分层模型" in text  # a sentence with a linked phrase stays
    assert "春日花园" not in text and "无关的故事" not in text


def test_a_linked_item_inside_the_article_stays():
    html = ("<html><body><div><p>" + PROSE[0] + "</p><ul><li><a href='/a'>入门版、进阶版二选一</a></li></ul><p>"
            + PROSE[1] + "</p></div></body></html>")
    page = _tree(html)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring(f"<html><body><p>{PROSE[0]}</p><li>入门版、进阶版二选一</li><p>{PROSE[1]}</p></body></html>")
    assert drop_linked(blocks, main) == 0


def test_a_block_of_contact_lines_goes_but_one_labelled_line_of_the_article_stays():
    lines = PROSE + ["活动结束后，我们把复盘资料发在群里，欢迎大家继续讨论，也欢迎提出新的问题和建议。",
                     "地址：某某市某某区某某路 88 号", "电话：010-12345678", "邮编：100000"]
    kept = _kept(_doc(lines))
    assert not any(t.startswith(("地址", "电话", "邮编")) for t in kept)
    event = PROSE + ["地址：线下活动在公司三楼的大会议室，报名后会收到具体时间。", PROSE[0].replace("社群", "群")]
    assert "地址：线下活动在公司三楼的大会议室，报名后会收到具体时间。" in _kept(_doc(event))
    # the same block on one line (a site's footer run together): it goes too
    footer = "通讯地址：某某省某某市人民路 12 号 邮政编码：510000 值班电话：020-88886666"
    assert footer not in _kept(_doc(PROSE + [footer]))
    # a notice's contact person and phone on one line are the notice's
    person = "联系人：李老师　联系电话：0571-87654321"
    assert person in _kept(_doc(PROSE + [person]))
    said = "联系人：李老师，联系电话：0571-87654321，电子邮箱：li@example.org。"
    assert said in _kept(_doc(PROSE + [said])) and match_rule("投稿邮箱：tougao@example.org") is not None


def test_notices_and_post_controls_go():
    for line, reason in {
        "本作品为某某科普原创，转载时务请注明出处。": "版权或免责声明",
        "更多相关经验资讯请关注www.example.com": "关注与推广提示",
        "展开阅读全文": "展开、登录与评价提示",
        "收起": "展开、登录与评价提示",
        "登录后才能回复": "展开、登录与评价提示",
        "登录后你可以": "展开、登录与评价提示",
        "回复": "帖子下的按钮",
        "举报": "帖子下的按钮",
        "1 回复 1": "阅读、点赞等计数",
        "12 赞 3 回复": "阅读、点赞等计数",
        "需要 登录 后方可回复, 如果你还没有账号请 注册新账号": "展开、登录与评价提示",
        "你对这个回答的评价是？": "展开、登录与评价提示",
        "3 个回答": "阅读、点赞等计数",
        "试读已结束，剩余33页未读，下载后可查看完整内容": "展开、登录与评价提示",
        "还剩 12 页未读，继续阅读": "展开、登录与评价提示",
        "往期精彩回顾": "相关链接与上下篇",
        "往期精选：": "相关链接与上下篇",
        "相关问题": "相关链接与上下篇",
        "最新讨论 (更多)": "相关链接与上下篇",
        "相关话题：": "相关链接与上下篇",
        "搜索你感兴趣的内容…": "输入框的提示文字",
        "请输入关键词": "输入框的提示文字",
        "选择在浏览器中打开": "关注与推广提示",
        "发表回复": "评论区",
        "说点什么...": "输入框的提示文字",
        "扫描二维码下载某某客户端": "关注与推广提示",
        "登录后参与讨论，去登录": "回答的赞同数、更多回答与登录提示",
        "还有2条回复，点击查看": "回答的赞同数、更多回答与登录提示",
        "登录查看全部 86 条评论": "回答的赞同数、更多回答与登录提示",
        "点击右上角···": "关注与推广提示",
        "登录一下，更多精彩内容等你发现": "回答的赞同数、更多回答与登录提示",
        "立即登录，查看全部评论": "回答的赞同数、更多回答与登录提示",
        "登录某某问答，查看其余 8 个回答": "回答的赞同数、更多回答与登录提示",
        "使用某某知道APP，立即抢鲜体验。更多好答案等你发现。": "关注与推广提示",
        "打开某某新闻客户端，马上阅读全文": "关注与推广提示",
        "扫一扫在手机上浏览本页": "关注与推广提示",
        "相关链接：某某省人民政府 某某市人民政府": "相关链接与上下篇",
        "友情链接": "相关链接与上下篇",
        "上一条：某某区关于开展社区志愿服务月活动的通知": "相关链接与上下篇",
        "回复 引用 举报": "帖子下的按钮",
        "发表于 2023-11-2 08:15:09 | 只看该作者 | 倒序浏览": "帖子的发帖人、楼层和时间",
        "参与人数 2 威望 +4 收起 理由": "帖子的发帖人、楼层和时间",
        "你好，欢迎光临某某市图书馆网站！": "站点欢迎语",
        "搜索您想了解的问题": "输入框的提示文字",
        "索 引 号：113300000024/2023-01234": "政府信息公开的索引信息",
        "主题分类：城乡建设、环境保护/其他": "政府信息公开的索引信息",
        "发文字号：某政办发〔2023〕12号": "政府信息公开的索引信息",
        "【字体：大 中 小】【打印】【关闭】": "页面按钮（打印、关闭窗口、返回顶部）",
        "主办单位：某某市文化和旅游局 承办单位：某某市信息中心": "版权或免责声明",
        "网站标识码：3300000012": "版权或免责声明",
        "网站地图 | 联系我们 | 无障碍浏览 | 政务服务": "导航菜单",
        "1,284 人关注 · 被浏览 36.8 万次": "阅读、点赞等计数",
        "【推广】足不出户学会计，考证通过率全国领先": "广告与站点提示",
        "您好，欢迎来到某某生活网！": "站点欢迎语",
        "被浏览 2,031 次": "阅读、点赞等计数",
        "悬赏分：20 - 解决时间：2011-1-14 09:26": "阅读、点赞等计数",
        "提问时间：2009-06-21 22:13:05": "阅读、点赞等计数",
        "本帖已被收录至《私域运营精华帖合集》，点击查看更多精华内容": "论坛系统信息",
        "本帖被 版主小林 设置为精华(2012-04-05)": "论坛系统信息",
        "本主题被 管理员 置顶": "论坛系统信息",
        "回帖奖励：每次回帖奖励 3 积分，每人限 2 次，剩余 40 积分": "论坛系统信息",
        "回复本帖可获得 2 金钱奖励! 每人限 3 次(中奖概率 50%)": "论坛系统信息",
        "这个帖子发自某某社区网页版": "论坛系统信息",
        "登录 | 注册 | 投稿 | 手机版": "投稿提示",
        "2024 开发者大会议题征集中，点击投稿": "投稿提示",
        "申请成为专栏作者": "投稿提示",
        "输入评论（Enter换行，Ctrl + Enter发送）": "输入框的提示文字",
        "小周、Amy、运营阿坤、晴天 等 128 人觉得很赞": "回答的赞同数、更多回答与登录提示",
        "点赞 · 126": "阅读、点赞等计数",
        "提问者：mary_bb0*2013-04-27 21:46 浏览次数：3521 次": "阅读、点赞等计数",
        "浏览 1,204 · 回答 4": "阅读、点赞等计数",
        "其他回答 共4条": "回答的赞同数、更多回答与登录提示",
        "4 个回答按有帮助排序": "回答的赞同数、更多回答与登录提示",
        "默认排序 按时间排序": "回答的赞同数、更多回答与登录提示",
        "写下你的回答…": "输入框的提示文字",
        "发自某某 Android 客户端": "论坛系统信息",
        "这条回答对您有帮助吗？ 有帮助 没帮助": "回答的赞同数、更多回答与登录提示",
        "本文含商品推广链接，通过链接购买作者可能获得佣金，价格以商家实际页面为准": "广告与站点提示",
    }.items():
        rule = match_rule(line)
        assert rule is not None and rule.reason == reason, (line, rule)


def test_operations_sentences_with_the_same_words_stay():
    for text in (
        "每次回帖奖励 5 积分，结果大家都来灌水，活跃度上去了，质量却下来了。",
        "我们的新用户七成来自客户端，网页版只占三成。",
        "征文活动直接发现金，两周收到了 400 多篇投稿，其中大半是拼凑内容。",
        "我们会主动向头部作者约稿，再把稿件分发到各个社群。",
        "三个月后，四分之一的新人成为了持续更新的作者。",
        "社群里安排专人联系沉默用户，逐个回访。",
        "输入评论之后要等审核，很多用户就放弃了。",
        "按时间排序之后，最新的回复更有参考价值。",
        "提问者：很多老板都会问，怎么留住老顾客？",
        "小周、阿坤、晴天等三个人都觉得这个方法很赞，准备在自己的群里试一试。",
        "这条回复对我帮助很大，谢谢。",
        "我们试过每次回帖奖励 2 金币，每人限 3 次，发现灌水的人变多了。",
        "回复本帖可获得 2 积分奖励，每人限 1 次，这样设置之后回帖数翻了一倍。",
        "登录后的第一屏决定了新用户的留存。",
        "用户登录后可以查看积分，再决定兑换什么。",
        "展开来说，社群运营包括三件事。",
        "更多的用户意味着更多的运营成本。",
        "这个回答让我想到了用户分层。",
        "回复率是社群活跃的一个指标。",
        "1 回复了这个帖子之后，群里又热闹起来。",
        "往期精彩回顾类的推送，打开率往往比新内容低。",
        "相关问题我们放在下一期再讲。",
        "最新讨论显示，社群用户更关心售后。",
        "点击右上角的分享按钮，把活动页转发到群里。",
        "浏览器中打开率只有三成。",
        "发表回复的用户里，三成是第一次进群的新人。",
        "说点什么都没人回，这是很多新群的常态。",
        "登录后推荐的内容决定了用户会不会留下来。",
        "登录后参与活动的用户，次日留存高出一倍。",
        "还有2条建议，留到下一篇再说。",
        "搜索引擎优化",
        "搜索结果页的转化率比首页高……",
        "试读结束后，有三成用户选择付费。",
        "免费试读已结束的用户里，转化率最高的是老用户。",
        "登录，是新用户旅程的第一步，更多的流失发生在这里。",
        "登录页面的剩余步骤越少，注册转化越高。",
        "下载APP，立即领取新人券，是电商最常用的拉新手段。",
        "用手机扫一扫门店的二维码就能入群。",
        "主办单位：某某市社群运营协会",
        "相关链接的点击率，是衡量推荐位效果的指标。",
        "拉新 | 促活 | 留存",
        "上一条推送的打开率只有 3%，这一条换了标题。",
        "回复率和举报率是社群健康度的两个指标。",
        "参与人数 300 人，转化率接近两成。",
        "搜索你感兴趣的内容，是每个用户的本能。",
        "你好，欢迎加入我们的读书群！",
        "文号要写在标题下方，这是公文的格式要求。",
        "发布机构的公信力，决定了活动的报名人数。",
        "本帖被推荐到首页以后，私信多了很多，我挑几个常见问题统一回答一下。",
        "帖子被设置为精华以后，浏览量涨了三倍。",
        "本文提到的推广链接，指的是带参数的二维码。",
        "关注 12 · 社群运营",
        "解决时间：比上个月缩短了一半，用户满意度也上来了。",
        "【推荐】用户分层的三个方法",
        "欢迎来到社群运营的第一课，今天我们先聊聊群的定位，再讲欢迎语怎么写。",
        "（广告）投放的 ROI 怎么算，是新人最常问的问题。",
        "被浏览的次数越多，越说明选题对了。",
        "社群 · 用户运营 · 私域",
    ):
        assert match_rule(text) is None, (text, match_rule(text))


def test_the_next_step_of_a_numbered_list_is_not_a_notice():
    steps = [
        "1、先在群公告里写清楚群规，让新成员知道可以发什么、不可以发什么，减少后续的管理成本。",
        "2、发现违规广告时，可以拨打平台的举报电话，或者在后台提交举报，处理结果会在三天内反馈。",
        "3、每周整理一次群内的问题，把常见问题写进 FAQ，方便新成员自己查找，也减轻管理员的压力。",
    ]
    kept = _kept(_doc(PROSE + steps))
    assert all(s in kept for s in steps)
    # the same words on a line of its own, outside a list, are the platform's notice
    assert match_rule("举报电话：12345") is not None


def test_a_menu_line_and_licence_numbers_go_whatever_the_words():
    assert match_rule("首页 新闻 体育 财经 娱乐 科技").reason == "导航菜单"
    assert match_rule("首页 | 运营 | 产品 | 设计 | 职场").reason == "导航菜单"
    assert match_rule("增值电信业务经营许可证：京B2-20090059").reason == "版权或免责声明"
    assert match_rule("京网文〔2019〕1234-123号").reason == "版权或免责声明"
    for text in ("拉新 促活 留存 转化", "我们申请了经营许可证以后，活动就可以正常开展。", "AARRR：获取 激活 留存 收入 推荐",
                 # typesetting puts spaces around Latin words; a spaced-out title; a byline
                 "抖音及 B 站 AI 绘图相关内容", "一 文 搞 懂 什 么 是 战 略", "作者 | 顾 韩 编辑 | 李春晖"):
        assert match_rule(text) is None, text


def test_headlines_left_after_the_article_go_but_its_sections_stay():
    from opskb.records import HEADING

    blocks = [Block(HEADING, text="一、定位", level=2), *[Block(PARAGRAPH, text=p) for p in PROSE],
              Block(HEADING, text="二、节奏", level=2), Block(PARAGRAPH, text=PROSE[0].replace("社群", "群")),
              # other stories' headlines under the article: short lines, nothing under any of them
              Block(HEADING, text="私域流量的五个误区", level=2), Block(HEADING, text="一个群从零到一千人的复盘", level=2),
              Block(HEADING, text="社群团购还能做吗", level=2)]
    doc = clean(Doc(source="t.md", meta=Meta(title="社群运营入门"), blocks=tuple(blocks)))
    heads = [b.text for b in doc.blocks if b.kind == HEADING]
    assert heads == ["一、定位", "二、节奏"]


def test_a_label_and_other_stories_titles_after_the_article_go_but_its_references_stay():
    # words no rule knows: a short label with a colon, then short lines that are not sentences
    others = ["※接下来可以读：", "春日花园里的三种小花", "城市漫步路线图，第二弹", "周末厨房的一道汤"]
    assert _kept(_doc(PROSE + others)) == PROSE
    # the same shape naming works or numbered sources is the article's reference list
    for refs in (["参考资料：", "《增长黑客》", "《社群运营实战手册》"],
                 ["Reference：", "[1] 某某技术团队，埋点治理实践", "[2] 某某公司，数据质量保障"]):
        assert _kept(_doc(PROSE + refs)) == PROSE + refs, refs
    # a closing list of the article's own points is not a run of headlines: it is not after a label,
    # or its lines are sentences
    own = ["总结一下：", "先定位，再拉新。", "先促活，再转化。"]
    assert _kept(_doc(PROSE + own)) == PROSE + own


def test_a_list_whose_items_each_count_their_views_goes():
    from opskb.records import HEADING, LIST

    feed = Block(LIST, items=("第一个话题的名字 1016 次浏览", "另一个人人都在聊的问题？7.2 万次浏览",
                              "第三个讨论 3 万浏览", "最后一个提问 12 个回答"))
    steps = Block(LIST, items=("拉新：新增 3 万关注", "促活：每周两次活动", "转化：首单转化 12%"))
    blocks = [*[Block(PARAGRAPH, text=p) for p in PROSE], steps, Block(HEADING, text="大家都在聊", level=2), feed]
    doc = clean(Doc(source="t.md", meta=Meta(title="社群运营入门"), blocks=tuple(blocks)))
    assert [b.kind for b in doc.blocks] == [PARAGRAPH] * 3 + [LIST]
    assert doc.blocks[-1].items == steps.items  # one counted item among others is the article's


def test_paper_labels_spaced_bracketed_or_with_a_stray_bar():
    from opskb.ingest.clean import PAPER_REASON

    for line in ("关 键 词：社群；用户运营", "【关键词】社群运营；用户分层", "作者单位：某某大学管理学院，北京 100000",
                 "中图分类号| ：F713", "[关键词] 私域；社群", "■基金项目：某某省社科基金"):
        rule = match_rule(line)
        assert rule is not None and rule.reason == PAPER_REASON, line
    for text in ("关键词排名是搜索运营的核心指标之一。", "作者单位的名称要写全称。", "基金项目的申报材料要提前准备。"):
        assert match_rule(text) is None, text
    doc = clean(Doc(source="p.md", meta=Meta(title="社群运营研究"),
                    blocks=tuple(Block(PARAGRAPH, text=t) for t in ["【关键词】社群运营；用户分层", *PROSE])))
    assert doc.meta.categories == ("社群运营", "用户分层")


def test_a_table_of_index_fields_goes_but_a_data_table_stays():
    from opskb.records import TABLE

    index = Block(TABLE, rows=(("索引号：11330000/2024-00012", "主题分类：文化、广电/公共文化"),
                               ("发布机构：某某市文化和旅游局", "成文日期：2024-04-08"),
                               ("名称：关于开展社区读书月活动的通知", "有效性：有效")))
    data = Block(TABLE, rows=(("用户层级", "人数", "复购率"), ("高价值", "1200", "46%"), ("一般", "5300", "12%")))
    # (a table of fields about the article that the rules do not know stays: 活动名称：…, 报名方式：…)
    event = Block(TABLE, rows=(("活动名称：社区读书月", "活动时间：5 月每周六"), ("报名方式：扫码报名", "名额：30 人")))
    doc = Doc(source="t.md", meta=Meta(title="社群运营入门"),
              blocks=(index, *(Block(PARAGRAPH, text=t) for t in PROSE), data, event))
    kinds = [b for b in clean(doc).blocks if b.kind == TABLE]
    assert kinds == [data, event]


def test_a_sites_notice_bar_above_the_headline_is_furniture_and_an_alert_in_the_article_is_not():
    from opskb.ingest.widgets import notices

    page = lxml.html.fromstring(
        "<html><head><title>社群从五百人涨到五千人，管理员怎么分工？ - 某某社区</title></head><body><header><h1 class='header-title'>社群从五百人涨到五千人，管理员怎么分工？</h1></header>"
        "<div class='global-notice'><div class='alert alert-info'>某某社区年度聚会报名已开启，名额有限，先到先得。</div></div>"
        "<div class='hero-notice'><h1>社群从五百人涨到五千人，管理员怎么分工？</h1></div>"
        "<div class='post'><p>我们的群从五百人涨到五千人，原来两个管理员已经忙不过来了。</p>"
        "<div class='alert alert-warning'>注意：下面的分工表只适合千人以上的群。</div></div></body></html>")
    found = notices(page)
    texts = {el.text_content() for el in found}
    assert any("报名已开启" in t for t in texts)  # (before the headline outside the header)
    assert not any("分工表" in t for t in texts)  # (an alert in the post, after the headline)
    assert not any(el.find(".//h1") is not None for el in found)  # (nor a box that holds the headline)
    # a document whose h1s head its sections (the <title> holds none of them): its alert box on top is its text
    doc = lxml.html.fromstring(
        "<html><head><title>老带新活动执行手册 - 某某文档</title></head><body><div class='doc-title'>老带新活动执行手册</div>"
        "<div class='ne-alert ne-alert-info'>本文档是增长组老带新活动的标准流程，第一次负责前请完整阅读。</div>"
        "<h1>1. 活动目标</h1><p>以低于投放的成本获得新用户。</p></body></html>")
    assert notices(doc) == set()


def test_what_a_css_framework_hides_by_its_class_is_not_the_pages_text():
    from opskb.ingest.pagetree import drop_hidden

    page = lxml.html.fromstring(
        "<html><body><div class='alert alert-warning hidden'>此主题已被删除。</div><div class='d-none'>登录后查看</div>"
        "<div class='hidden md:block'>桌面上才显示的目录</div><div class='d-none d-md-block'>宽屏才显示的侧栏</div>"
        "<p class='hidden-xs'>手机上不显示的说明</p><div class='widget-comments hidden' style='display: block;'>脚本已经展开的评论</div>"
        "<p>正文第一段。</p></body></html>")
    drop_hidden(page)
    text = page.text_content()
    assert "此主题已被删除" not in text and "登录后查看" not in text
    for shown in ("桌面上才显示的目录", "宽屏才显示的侧栏", "手机上不显示的说明", "脚本已经展开的评论", "正文第一段"):
        assert shown in text, shown
