"""The headline of a page copied as text (copyheadline.py), by the form of the lines around it:
a breadcrumb's last place, a line with the story's date under it, a newspaper's stack of
headline lines. Pages we write ourselves."""

from __future__ import annotations

from opskb.ingest.read import read
from opskb.pipeline import process

NAV = ["某某运营网", "首页", "资讯", "专栏", "活动", "招聘", "登录", "注册"]
TITLE = "老会员不回来了，一家社区生鲜店怎样把复购率拉回三成"
ARTICLE = [
    "去年冬天，这家开在老小区门口的生鲜店发现，会员数还在涨，可每周来买菜的老会员却越来越少。",
    "店长把近半年的小票拉出来逐条看，发现流失最多的是家里有老人、习惯早上七点前来买菜的那批顾客。",
    "他们没有再发满减券，而是把早市的特价菜挪到七点之前，又在社群里每天提前一晚公布第二天的早市菜单。",
    "三个月后，这批老会员每周的到店次数回到了两次以上，全店会员的月复购率也从两成出头回到了三成。",
]
OTHERS = ["相关阅读", "社区团购还能怎么做", "私域里的老客召回", "关于我们", "联系我们", "京ICP备00000000号"]


def _clean(tmp_path, lines: list[str]):
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = process(read(path))
    return doc, [t for b in doc.blocks for t in b.texts()]


def test_a_banner_above_the_breadcrumb_is_not_the_headline_whatever_its_length(tmp_path):
    # a long promotion line stands a few lines over the story's date, but the page's trail lies
    # between: the date is the story's, under its own headline
    banner = "【年终特惠】运营人年度会员限时五折，含全部专栏课程与线下沙龙门票，仅剩最后三天 >>"
    doc, kept = _clean(tmp_path, NAV + [banner, "首页 > 会员运营 > 正文", TITLE, "阿青", "2023-11-20"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and doc.meta.date == "2023-11-20"
    assert kept == ARTICLE


def test_a_column_name_the_trail_ends_with_yields_to_the_story_header_under_it(tmp_path):
    # 首页 > 专栏 > 会员运营, the column's name again as a big label, then the story's own
    # headline with its byline and date under it
    doc, kept = _clean(tmp_path, NAV + ["首页 > 专栏 > 会员运营", "会员运营", TITLE, "文／阿青 2023-11-20", "分享", "收藏"]
                       + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept == ARTICLE
    # a thread's title the trail cuts short, its board's label in brackets before it on the page
    thread = "群满五百人以后怎么管？群规到底该怎么定"
    doc, _kept = _clean(tmp_path, NAV + ["某某论坛 > 运营交流区 > 社群运营 > 群满五百人以后怎么管？群规到底该 ...", "返回列表 发新帖",
                                         "查看: 3826|回复: 27", f"[讨论] {thread}", "[复制链接]", "楼主 电梯直达", "小北", "主题 12 | 帖子 356",
                                         "发表于 2012-5-8 22:14 | 只看该作者"] + ARTICLE + OTHERS)
    assert doc.meta.title == thread
    # a title the trail names, with no longer headline dated under it, is still the title
    doc, kept = _clean(tmp_path, NAV + ["首页 > 专栏 > 老会员召回记", "老会员召回记", "分享", "收藏"] + ARTICLE + OTHERS)
    assert doc.meta.title == "老会员召回记" and kept == ARTICLE


def test_the_middle_line_of_a_newspapers_headline_stack_over_the_date(tmp_path):
    kicker = "早市提前一小时"
    sub = "特价菜挪到七点前 社群每晚公布次日菜单 老会员到店次数翻倍"
    # the main line shorter than the 副题 under it
    doc, kept = _clean(tmp_path, NAV + ["首页 > 本地新闻 > 正文", kicker, "社区生鲜店老会员回来了", sub, "2023-11-20 08:30 来源：某某晚报"]
                       + ARTICLE + OTHERS)
    assert doc.meta.title == "社区生鲜店老会员回来了" and kept[-len(ARTICLE):] == ARTICLE and kicker not in kept
    # the main line long enough to open the article's run, the 副题 under it
    doc, kept = _clean(tmp_path, NAV + ["首页 > 本地新闻 > 正文", kicker, TITLE, sub, "2023-11-20 08:30 来源：某某晚报"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept[-len(ARTICLE):] == ARTICLE and kicker not in kept
    # a label over 引题 and 主题: the line written as one clause, not the middle one
    doc, kept = _clean(tmp_path, NAV + ["首页 > 本地新闻 > 正文", "本网原创", "早市提前一小时 老会员回来了", "社区生鲜店把特价早市提前到七点",
                                        "2023-11-20 08:30 来源：某某晚报"] + ARTICLE + OTHERS)
    assert doc.meta.title == "社区生鲜店把特价早市提前到七点"
    # a source's name under the headline is no 副题
    doc, kept = _clean(tmp_path, NAV + ["快讯", "二十四小时滚动播报最新的消费资讯", TITLE, "某某财经", "2023-11-20 08:30"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE
    # ... nor is a column's slogan over a headline with a comma: of two lines either may be the 主题
    doc, kept = _clean(tmp_path, NAV + ["快讯", "二十四小时滚动播报最新的消费资讯", TITLE, "2023-11-20 08:30"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE
    # two lines over the date are no such stack: the longer one, as before
    doc, _kept = _clean(tmp_path, NAV + ["首页 > 本地新闻 > 正文", kicker, TITLE, "2023-11-20 08:30 来源：某某晚报"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE
    # nor are a headline, a button and a name over a row of buttons, the date further down
    doc, _kept = _clean(tmp_path, NAV + [TITLE, "赞赏支持作者", "阿青的运营笔记", "关注", "2023-11-20 08:30"] + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE


def test_a_trail_among_the_first_long_lines_starts_the_article_under_it(tmp_path):
    # an app banner long enough to open the dense run, the trail under it, then the story: the
    # headline is read under the trail and the banner goes with the site's lines
    banner = "不用抢不用抽，现在下载某某新闻客户端看新闻，每天签到都有机会领取精美好礼和现金红包"
    doc, kept = _clean(tmp_path, NAV + [banner, "", "本地", "本地 > 城东区 > 老街", "", TITLE, "2023/11/20 05:30", "字级：小 中 大"]
                       + ARTICLE + OTHERS)
    assert doc.meta.title == TITLE and kept == ARTICLE
    assert {banner, "本地 > 城东区 > 老街"} <= {r.text for r in doc.removed}


def test_an_excerpt_from_under_the_breadcrumb_is_trimmed_to_its_question(tmp_path):
    # a maintainer's excerpt: the trail and a login prompt above a question page's question,
    # too few lines above it to be a page copy, but the trail tells the site's lines from the question
    question = "开了家社区生鲜店，会员积分应该怎么设置才合理？"
    detail = "店开了快一年，老顾客有两百多个，最近隔壁也开了一家，办卡就送鸡蛋，我这边有几个老顾客已经过去了。想做个会员积分把人留住，但不知道多少钱积一分合适，积分能换什么，会不会亏本？求有经验的朋友指点，谢谢！"
    doc, kept = _clean(tmp_path, ["问答社区 > 商业/理财 > 企业管理", "登录后才能提问和回答，立即登录 | 注册", question, detail]
                       + ARTICLE + OTHERS)
    assert doc.meta.title == question and kept[:1] == [detail] and "问答社区 > 商业/理财 > 企业管理" not in kept
    # ... and so does a row of the question's tags alone above it
    doc, kept = _clean(tmp_path, ["社群运营　会员积分　门店运营　私域流量", question, detail] + ARTICLE + OTHERS)
    assert doc.meta.title == question and kept[:1] == [detail]
    # a line of the writer's own above it is no site's line: the dump is left as it is
    doc, kept = _clean(tmp_path, ["门店经营手记 第三期", question, detail] + ARTICLE)
    assert "门店经营手记 第三期" in kept


def test_a_boards_notice_under_its_label_is_no_text_above_the_thread_title(tmp_path):
    # 本版规则：…… over the thread's title: a notice, not the article's text that would make the title a subheading
    title = "[求推荐] 社区店的会员群，用企业微信还是个人号好？"
    first_post = "开了一家社区水果店，想给老顾客建个会员群，每天发特价和到货通知，但不知道用企业微信还是个人号，哪个更不容易被封号，也方便交接？"
    doc, _kept = _clean(tmp_path, NAV + ["讨论区 › 门店 › 社群运营", "本版规则：求推荐请写明行业、门店数和预算，谢谢配合！", title,
                                         "发新帖 回复", "回复: 8 | 浏览: 2,847", "#1", "阿果", "楼主", "2023-3-2 22:14", first_post]
                       + ARTICLE + OTHERS)
    assert doc.meta.title.endswith("社区店的会员群，用企业微信还是个人号好？")


def test_a_headline_written_under_its_date_opening_the_text_is_the_headline(tmp_path):
    # a blog: its tagline a few lines over the post's date badge, the post's headline under the badge
    # and opening the text (no line that may be a headline right over the date: the date is the post's)
    tagline = "杭州小店营销顾问，记录社群经营的实战心得"
    lines = ["登录", "小林的营销笔记", tagline, "博客首页", "关于我", "课程与合作", "Jun 12 Tue 2018 21:05", TITLE] + ARTICLE + OTHERS
    doc, _kept = _clean(tmp_path, lines)
    assert doc.meta.title == TITLE, doc.meta.title


def test_a_quote_opening_the_text_under_the_date_is_not_the_headline(tmp_path):
    # (the quote is the longer line, and opens the text right under the date)
    headline, quote = "稳增长要跑出加速度", "“机会一旦错过就很难再有，时间真的不等人啊！”"
    lines = NAV + [headline, "2022-05-23 10:12 来源：某某网", quote] + ARTICLE + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == headline and quote in kept, (doc.meta.title, kept)


def test_a_promotion_over_the_breadcrumb_is_not_the_headline_under_it(tmp_path):
    # a course's banner (long, a headline by its form) over the page's trail; the story's headline
    # under the trail, its author's name and a standfirst under it, no date: the headline is under the trail
    banner = "用户运营实战训练营第十八期报名中，早鸟价限时七折优惠"
    headline = "用 RFM 做会员分层的完整实践"
    lines = NAV + [banner, "某某运营网 > 运营 > 用户运营", headline, "林一舟"] + ARTICLE + OTHERS
    doc, _kept = _clean(tmp_path, lines)
    assert doc.meta.title == headline, doc.meta.title


def test_a_paragraph_with_arrows_in_it_is_no_breadcrumb_fencing_the_headline(tmp_path):
    # a long quoted paragraph copied with its > marks between the headline and the text is no
    # page trail: the headline over it stays the headline
    quoted = ("> 作者的想法：会员体系只考虑长期关系，不考虑一次性的促销 > > 不做重复的活动，每一次活动都要能沉淀下可复用的流程、"
              "素材和数据，下一次直接拿来用 > 这也是我们后来把会员日固定在每周二的原因，固定的节奏比临时的大促更能留住人 > "
              "会员自己也会记住这个日子，到了周二就会主动来群里问今天有什么活动")
    lines = NAV + [TITLE, "2023-02-28 17:31 阅读 5605", quoted, "写在前面的几句话"] + ARTICLE + OTHERS
    doc, _kept = _clean(tmp_path, lines)
    assert doc.meta.title == TITLE, doc.meta.title


QUESTION = "刚接手公司的用户群，群里每天都有人发广告，该怎么管？"
DETAIL = [
    "我是今年刚转行做用户运营的，公司有六个用户群，每个群三四百人，都是买过我们产品的老客户。",
    "最近两个月，群里每天都有人发拼单链接和兼职广告，踢了一批又进来一批。",
    "老客户开始抱怨，有几个还直接退群了，领导让我一周内拿出办法。",
    "目前试过的做法：",
    "进群要填问卷；",
    "发广告的直接移出；",
    "每周发一次群规。",
    "但感觉都治标不治本，大家有没有更好的办法？",
]
ANSWER = [
    "谢邀。广告多的群，根子往往在入口：谁都能进，进来以后也没人管他说什么。",
    "第一步先收口，新人只能通过你们的服务号或者售后加进来，二维码不要长期挂在外面。",
    "第二步定群规，并且让群里几个老客户当志愿者，发现广告先提醒，再由管理员移出。",
    "第三步每天固定时间发一条大家关心的内容，群里有人说话，广告就不那么显眼了。",
]


def test_a_question_far_above_its_first_answer_is_the_headline_not_the_answerers_bio(tmp_path):
    # a question page: the question and its detail, the question's counters and buttons, then the first
    # answer under its answerer's name and bio; the question stands more than twenty lines over the answer
    counters = ["关注者", "1,086", "被浏览", "236,410", "关注问题", "写回答", "邀请回答", "好问题 38", "添加评论", "分享",
                "查看全部 52 个回答", "52 个回答", "默认排序"]
    card = ["阿青做增长", "社群运营 | 服务过 40 多个品牌的用户群", "1,024 人赞同了该回答"]
    doc, kept = _clean(tmp_path, NAV + ["社群运营", "用户运营", "私域流量", QUESTION] + DETAIL + counters + card + ANSWER + OTHERS)
    assert doc.meta.title == QUESTION
    assert kept[-len(ANSWER):] == ANSWER and DETAIL[0] in kept


def test_a_posters_name_with_the_posts_stamp_under_it_is_not_the_threads_title(tmp_path):
    # a thread: the title (a lead word and clauses, no question mark, the thread's counts after it), the
    # thread's buttons, the poster's card (name, badge, level) and the first post with its floor and time under it
    title = "新人求助：刚建了一个读书群，第三天就没人说话了"
    post = ["上周我在公司附近建了一个读书群，拉进来一百多个同事和朋友，头两天大家还在聊最近读的书，第三天开始就没人说话了，"
            "我发的书单也没人回，每天早上发一段书摘、晚上发一个读书问题，回复的也总是固定的那两三个人，想问问有经验的朋友该怎么把群带起来。"]
    reply = ["先别急着发书单，每周定一本书，周五晚上大家一起聊半小时，比天天发链接有用。"]
    lines = (NAV + ["进入贴吧", "全吧搜索", "读书会吧", "关注：12,406", "帖子：86,210", "看贴", "图片", "精品",
                    "23 回复贴，共 1 页", title + "（23 回复/4,120 浏览）", "只看楼主", "收藏", "回复", "书虫小林爱读书", "初级粉丝", "3"] + post
             + ["举报 | 来自 Android 客户端 1 楼 2021-04-12 21:04", "回复", "老周读书", "资深吧友", "9"] + reply
             + ["举报 | 2 楼 2021-04-12 21:30", "回复"] + OTHERS)
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == title  # (not the poster's name, nor the thread's counts)
    assert post[0] in kept and reply[0] in kept


def test_a_promotion_with_its_button_over_a_topic_is_no_text_above_its_title(tmp_path):
    # a community's banner (its event, a call to sign up at its end) stands over the topic's title; the
    # title, its category and tags, the poster, then the post
    banner = "🎉 某某社区年度线下沙龙报名开启，4 月 8 日杭州见！点此报名"
    doc, kept = _clean(tmp_path, NAV + ["社区公告", "产品与增长", "社群与私域运营", "所有类别", banner, QUESTION, "社群与私域运营",
                                        "用户群 群规 广告", "阿青", "4 月"] + DETAIL + ["3 个回复"] + ANSWER + OTHERS)
    assert doc.meta.title == QUESTION and banner not in kept
    assert any(r.text == banner and r.reason == "站点活动与公告横幅" for r in doc.removed)


def test_a_question_heading_the_page_is_kept_over_one_in_the_channels_list_above(tmp_path):
    # the channel's latest threads at the top (each under its poster and time), the first one a question
    # too; then the page's own question heading its thread
    listed = ["阿强 2 小时前", "公司要做会员积分小程序，老板说要跟大品牌比，大家做过吗？", "小米 5 小时前", "有没有人觉得现在的客服机器人很难用",
              "新人 8 小时前", "入职第一天就想辞职正常吗", "老陈 11 小时前", "下班以后老板还在群里找人怎么办",
              "小周 12 小时前", "年终奖发了两个月算多吗", "阿南 15 小时前", "第一次带实习生要注意什么"]
    doc, _kept = _clean(tmp_path, NAV + listed + ["已经到底了", QUESTION, "用户运营 · 12 个回复", "#1 阿青 楼主 2 日前"] + DETAIL + ANSWER + OTHERS)
    assert doc.meta.title == QUESTION


def test_what_a_thread_sets_around_its_title_is_not_the_title():
    from opskb.ingest.copyheadline import bare_title

    assert bare_title("Re: [已解决] 升级以后附件全部打不开，求助") == "[已解决] 升级以后附件全部打不开，求助"  # a reply's subject
    assert bare_title("群主当得心累，大家都是怎么管群的？（47 回复/58932 浏览）") == "群主当得心累，大家都是怎么管群的？"
    assert bare_title("[心得] 集点卡改成线上集点半年，分享数据 [ 查看：3518 | 回复：6 ]") == "[心得] 集点卡改成线上集点半年，分享数据"
    assert bare_title("图书馆占座的问题能不能管管了？精") == "图书馆占座的问题能不能管管了？"  # a status label after it
    for title in ("私域流量是什么？怎么做", "会员日活动复盘（第 3 期）", "用户增长的三个阶段（附 2 张表）", "社群运营难不难？难！"):
        assert bare_title(title) == title  # its own words and notes stay


def test_a_question_in_the_channels_list_far_above_a_thread_is_not_its_title(tmp_path):
    # the channel's latest threads stand at the top, the first a question with no detail under it (its
    # poster's line, the next thread); far below, the thread's own title (no question) over the poster's card
    listed = []
    for poster, thread in [("阿强", "公司要做会员积分小程序，老板说要跟大品牌比，大家做过吗？"), ("小米", "有没有人觉得现在的客服机器人很难用"),
                           ("新人", "入职第一天就想辞职正常吗"), ("老陈", "下班以后老板还在群里找人怎么办"), ("小周", "年终奖发了两个月算多吗"),
                           ("阿南", "第一次带实习生要注意什么"), ("大刘", "周末团建不去会不会被穿小鞋"), ("阿美", "转行做运营要先考证吗"),
                           ("小吴", "试用期被延长了该不该走")]:
        listed += [thread, f"{poster} · 3 小时前"]
    title = "做了三年社群运营，聊聊我踩过的坑"
    doc, kept = _clean(tmp_path, NAV + listed + ["已经到底了", title, "用户运营 · 12 个回复", "阿青 楼主 2 日前"] + ANSWER + OTHERS)
    assert doc.meta.title == title


def test_a_login_boxs_words_over_a_posters_name_are_not_the_title(tmp_path):
    # a note page: a login box's lines at the top, then the note's author (name, follow button) over the note,
    # its time and place under it; the box's words are no title written in clauses
    note = ["去年三月入职一家茶饮品牌做社群，第一个月就踩了好几个坑：群建得太多、每天发的内容太多、福利发得太随意。"
            "后来我把六个群合成两个，每天只发一条真正有用的内容，福利改成每周固定一天，群里说话的人反而多了起来，复购也跟着上来了。"]
    lines = NAV + ["马上登录即可", "刷到更懂你的优质内容", "查看收藏和点赞过的笔记", "与他人更好地互动和交流", "打开某某 App", "1/6", "芒果冰冰的运营日记", "关注"] \
        + note + ["编辑于 03-12 广东", "共 86 条评论"] + OTHERS
    doc, _kept = _clean(tmp_path, lines)
    assert doc.meta.title not in {"与他人更好地互动和交流", "查看收藏和点赞过的笔记", "刷到更懂你的优质内容"}


def test_a_status_post_opening_with_its_headline_in_brackets_is_titled_by_it(tmp_path):
    # a microblog's status: the poster's name and badge, the post's time and device, then the post, its topic's
    # tag and its headline in brackets opening the text; a news story opening with its byline in brackets keeps
    # its own headline
    head = "做了三年社群，冷启动最容易踩的 5 个坑"
    post = (f"#社群运营# 【{head}】1. 一上来就拉大群，没人说话；2. 福利发得太多，进来的都是羊毛党；3. 没有群规，广告刷屏；"
            "4. 运营自己说得太多，成员插不上话；5. 只看人数不看留存，三个月后群就死了。")
    lines = NAV + ["全部关注", "最新动态", "热门推荐", "我的收藏", "运营小鹿日记运营博主", "21-6-3 09:41", "来自", "iPhone 12 Pro", "关注", post,
                   "转发 128", "评论 56", "1024", "登录后才能评论"] + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == head and post in kept
    story = [f"【某某网报道 记者 王小明】{ARTICLE[0]}"] + ARTICLE[1:]
    doc, kept = _clean(tmp_path, NAV + [TITLE, "2023-11-20 10:21", "来源：某某网"] + story + OTHERS)
    assert doc.meta.title == TITLE and kept == story


def test_a_promotion_above_the_pages_trail_of_slashes_is_no_text_above_the_question(tmp_path):
    # a question page: a course's promotion (a sentence, no button) over the page's trail of slashes from the
    # home page, the question's topics, then the question and its detail, counters and the first answer
    promo = "某某学堂 · 私域增长实战营 5 月班开课，限时 0.1 元体验 3 节课"
    question = "2022 年了，私域还值得做吗？"
    lines = NAV + [promo, "首页 / 话题广场 / 私域流量 / 问题详情", "私域流量", "用户运营", "企业微信", question] + DETAIL[:3] \
        + ["关注者", "1,284", "被浏览", "356,902", "3 个回答", "默认排序", "木子与私域", "母婴零售 私域负责人", "3,412 人赞同了该回答"] \
        + ANSWER + OTHERS
    doc, kept = _clean(tmp_path, lines)
    assert doc.meta.title == question and promo not in kept
