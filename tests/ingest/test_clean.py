from opskb.ingest.clean import clean, is_keyword_stuffed, match_rule, repeats_title
from opskb.records import HEADING, IMAGE, LIST, PARAGRAPH, QUOTE, Block, Doc, Meta

ARTICLE = [Block(PARAGRAPH, text=f"这是正文第{i}段，讲的是社群运营和用户运营的区别与联系。") for i in range(6)]


def texts(doc):
    return [t for b in doc.blocks for t in b.texts()]


def test_line_rules_name_their_reason():
    cases = {
        "很可惜 T。T 您现在还不是作者身份，不能自主发稿哦~": "投稿提示",
        "图片来源于网络，如有侵权联系删除": "图片来源声明",
        "图片源于网络，仅供学习用": "图片来源声明",
        "（图片：某某官微）": "图片来源声明",
        "（图片来来源于现场实拍）": "图片来源声明",
        "（图/某某社）": "图片来源声明",
        "（有问题想交流的，可加 abcd2024，备注来意）": "关注与推广提示",
        "加我微信：ops_lab 进群交流": "关注与推广提示",
        "投票传送门：https://example.com/v/7Ge11": "关注与推广提示",
        "如果觉得本文不错，欢迎点赞、转发以及在看。": "关注与推广提示",
        "本文由 @某某运营": "版权或免责声明",  # a repost notice broken over two lines, its first
        "（全文约 1280 字）": "字数与阅读时长提示",
        "欧气 1 0": "阅读、点赞等计数",
        "阅读 2.3万 点赞 12": "阅读、点赞等计数",
        "标签：#社区运营": "标签行",
        "#社群运营的核心定义#社群运营的关键要素": "标签行",
        "上一篇：帕克究竟指什么？": "相关链接与上下篇",
        "扩展阅读：《六大真需求拿捏 2025（2）》": "相关链接与上下篇",
        "王露 回答于 11-21": "回答与评论列表",
        "本文为作者独立观点，不代表某站立场，未经允许不得转载。": "版权或免责声明",
        "-End-": "结束标记",
        "首页 > 运营 > 社群": "导航路径",
        "题图来自 Unsplash，基于 CC0 协议": "图片来源声明",
        "点击上方蓝字关注我们": "关注与推广提示",
        "点赞、在看、分享": "关注与推广提示",
        "返回搜狐，查看更多": "关注与推广提示",
        "本文来自微信公众号：运营研究社（ID：yunyingyanjiushe），作者：张三": "转载来源说明",
        "—— END ——": "结束标记",
        "（完）": "结束标记",
        "推荐阅读": "相关链接与上下篇",
        "其他人也在看": "相关链接与上下篇",
        "本网站有使用 Cookies，请确定同意接受才继续浏览。 了解更多": "Cookie 使用提示",
        "我们使用 cookie 来改善你的浏览体验": "Cookie 使用提示",
        "网友都在读：": "相关链接与上下篇",
        "免责声明：本文仅代表作者观点": "版权或免责声明",
        "赞同 123": "阅读、点赞等计数",
        "添加评论": "评论区",
        "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。": "版权或免责声明",
        # furniture of real pages (dev corpus kinds): counters, WeChat UI, bios, contacts, ads, promos
        "0 评论 2469 浏览 7 收藏 7 分钟": "阅读、点赞等计数",
        "2891 次点击 ∙ 17 人收藏 ∙ 5 人感谢": "阅读、点赞等计数",
        "微信号 freebuf": "公众号页面的界面文字",
        "预览时标签不可点": "公众号页面的界面文字",
        "，轻点两下取消赞": "公众号页面的界面文字",
        "陈三十，微信公众号：陈三十，人人都是产品经理专栏作家。只分享可落地的私域运营干货。": "作者简介与专栏说明",
        "■明报报料热线﹕inews@mingpao.com / 9181 4676": "报料与联系方式",
        "onlineopinions@appledaily.com.tw": "报料与联系方式",
        "谢谢你的意见与建议。我们会移除这个广告，并按需要作出更改。": "广告与站点提示",
        "跳到主要内容": "广告与站点提示",
        "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。": "版权或免责声明",
        "查看详情 >": "关注与推广提示",
        "欢迎关注微信公众号：好看的HK，第一时间掌握最新资讯！": "关注与推广提示",
        # a Q&A page's furniture around its answers
        "对最佳答案的评论共 2 条 查看评论": "回答的赞同数、更多回答与登录提示",
        "您还没有登录，登录后回答问题可获得积分奖励。回答被采纳还可获得悬赏分。": "回答的赞同数、更多回答与登录提示",
        "我来回答这个问题": "帖子下的按钮",
        "只看楼主 · 最早回复": "帖子下的按钮",
        "本版成员：1286人": "阅读、点赞等计数",
        "最佳答案本回答由提问者推荐": "回答的赞同数、更多回答与登录提示",
        "最佳答案": "回答的赞同数、更多回答与登录提示",
        "最佳答案提问者采纳": "回答的赞同数、更多回答与登录提示",
        "推荐答案 2023-06-12 21:47": "回答的赞同数、更多回答与登录提示",
        "长按复制此条消息，打开某音搜索，查看商品详情！": "关注与推广提示",
        "提问者：qq_mama_2008 - 试用期 一级 悬赏分：20 浏览次数：3021": "阅读、点赞等计数",
        "问大家 共 128 个问题": "阅读、点赞等计数",
        "亲，请登录 免费注册 手机逛某某": "登录、注册与收藏本站按钮",
        "郑重声明：用户在本社区发表的所有资料仅代表个人观点，与本网站立场无关。": "版权或免责声明",
        # a site's banner over a page: a promotion and its button, one a cross closes, a notice under its label
        "某某社区年度线下沙龙报名开启，3 月 25 日上海见！点此报名": "站点活动与公告横幅",
        "第三期门店私域实战营报名中，老会员八折 查看详情": "站点活动与公告横幅",
        "【活动】私域增长大会上海站报名中，早鸟票限时 5 折 广告": "站点活动与公告横幅",
        "会员年度订阅限时 7 折，解锁全部付费栏目×": "站点活动与公告横幅",
        "站务公告：本月征文活动进行中，优质文章可获得社区积分": "站点活动与公告横幅",
        "公告【吧规】本吧禁止发布代考、刷单等广告，违者封禁": "站点活动与公告横幅",
        "置顶【吧规】禁止发二维码和引流链接，违者永封": "站点活动与公告横幅",
        "吧友热搜：新版本攻略 公会战 副本打法 职业转职": "输入框的提示文字",
        "开启辅助访问 切换到宽版": "页面按钮（打印、关闭窗口、返回顶部）",  # a forum's layout and floor tools
        "电梯直达跳转到指定楼层": "页面按钮（打印、关闭窗口、返回顶部）",
    }
    for line, reason in cases.items():
        rule = match_rule(line)
        assert rule is not None and rule.reason == reason, line


def test_article_sentences_match_no_rule():
    for line in [
        "社群运营关注的是整个群体的行为和互动关系，强调社区文化建设、内容传播和社会影响力。",
        "通过裂变活动（如“邀请好友领福利”）、内容引流（如公众号导流）等方式扩大社群规模。",
        "注：本文中提到的“张三”、“李四”等仅为举例说明，并非真实人物。",
        # a call to sign up, an ad and search words inside an article's text
        "活动当天，我们在群里发了报名链接，大家可以立即报名。",
        "06 商业模式：电商 VS 广告",
        "热搜词：龙年一点红 | 开运富贵花妆",
        "3）热门搜索词：",
        "公告显示，公司上半年会员收入增长 12%。",
        "版规是社群的底线，要写清楚。",
        "相关问答 FAQs",
        "用户运营 3.0",
        "某种程度上是的。",
        "（图：答辩 PPT 的目录）",  # a caption saying what the picture shows, not whose it is
        "图片是用户最先看到的内容，图片质量决定点击率。",
        "把 Python3 加到简历里，再加 SQL 技能。",
        "用户可以加 ABC12345 这个客服号咨询售后问题。",
        "首页入口就是通往会员体系的传送门，设计要简洁。",
        "用户点赞、转发以及在看的数据是社群活跃的指标。",
        "本文由三部分组成：",
        "请登录注册页面后，按照步骤填写资料即可完成开户。",
        "我要回答一个问题：为什么社群会冷？",
        "我们一共 3 个问题需要解决",
        "提问者说，浏览次数：3021是真的吗？",
        "复制，打开，保存：三个动作就能把模板用起来。",
    ]:
        assert match_rule(line) is None, line


def test_tail_after_end_marker_goes_but_not_at_the_start():
    blocks = [Block(PARAGRAPH, text="版权声明：本文转载请注明出处")] + ARTICLE + [
        Block(PARAGRAPH, text="相关推荐"),
        Block(LIST, items=("一篇别的文章的标题", "另一篇文章")),
    ]
    doc = clean(Doc("a.txt", Meta(title="标题"), tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["版权声明：本文转载请注明出处"] == "版权或免责声明"
    assert "相关链接与上下篇" in reasons["一篇别的文章的标题"] and "相关推荐" in reasons


def test_short_article_above_a_long_legal_footer():
    footer = [Block(PARAGRAPH, text="本文为作者独立观点，不代表本站立场，未经允许不得转载。"),
              Block(PARAGRAPH, text="《本站版权及免责申明》如对文章有疑问，请点击反馈举报"),
              Block(PARAGRAPH, text="一、根据有关法律法规，对以下违法、不良信息或存在危害的行为进行处理。")]
    footer += [Block(LIST, items=tuple(f"第{i}条：禁止发布违法违规的各类内容，违者封号处理。" * 3 for i in range(30)), ordered=True)]
    doc = clean(Doc("e.txt", Meta(title="标题"), tuple(ARTICLE + footer)))
    assert texts(doc) == [b.text for b in ARTICLE]


def test_banner_metadata_title_and_captions():
    blocks = [
        Block(PARAGRAPH, text="某某网"),
        Block(PARAGRAPH, text="社群运营的十个误区"),
        Block(PARAGRAPH, text="作者：张三 |"),
        *ARTICLE[:3],
        Block(PARAGRAPH, text="社群运营的十个误区 图 1"),
        Block(IMAGE, text="运营,社群,用户,增长,私域", src="https://img.example/1.png"),
        Block(IMAGE, src="https://img.example/sticker.gif"),
        *ARTICLE[3:],
        Block(PARAGRAPH, text="某某网"),
    ]
    doc = clean(Doc("b.txt", Meta(), tuple(blocks)))
    assert doc.meta.title == "社群运营的十个误区"
    assert doc.meta.author == "张三"
    assert doc.meta.site == "某某网"
    images = [b for b in doc.blocks if b.kind == IMAGE]
    assert len(images) == 1 and images[0].text == "" and images[0].src.endswith("1.png")
    assert texts(doc) == [b.text for b in ARTICLE[:3]] + [""] + [b.text for b in ARTICLE[3:]]


def test_date_and_original_title_lines_become_metadata():
    blocks = [Block(PARAGRAPH, text="2023-05-06 08:30 发布于北京"), Block(PARAGRAPH, text="原标题：社群怎么做"), *ARTICLE,
              Block(PARAGRAPH, text="编辑于 2023-06-01 12:00")]
    doc = clean(Doc("d.txt", Meta(title="标题"), tuple(blocks)))
    assert doc.meta.date == "2023-05-06"
    assert texts(doc) == [b.text for b in ARTICLE]


def test_a_note_on_one_answer_and_a_writers_own_closing_notice_end_nothing_and_a_posters_line_names_the_author():
    # a Q&A page: the note on the best answer stands above it; a post closes with its writer's notice
    note = Block(PARAGRAPH, text="此答案由提问者自己选择，并不代表某某知道的观点")
    own = Block(PARAGRAPH, text="个人操作：已经在14块附近减了一半仓位，剩下的拿着，跌破12块再考虑补。以上仅代表个人观点，不构成投资建议。")
    blocks = [Block(PARAGRAPH, text="老股民阿强 发表于 2011-10-27 20:15:33 点击数：8421 评论：37"), *ARTICLE[:3], note, *ARTICLE[3:], own]
    labelled = clean(Doc("p.html", Meta(title="标题"), (Block(PARAGRAPH, text="楼主：川南老三届 点击：52377 回复：128"), *ARTICLE)))
    assert texts(labelled) == [b.text for b in ARTICLE] and labelled.meta.author == "川南老三届"
    doc = clean(Doc("q.html", Meta(title="三季报出来了"), tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE] + [own.text]
    assert doc.meta.author == "老股民阿强"
    # a site's long notice glued to the last paragraph goes, the paragraph's own sentence stays
    last = "毕竟，零售生态的迭代本质上是对消费需求的回应，这将是一门长期的课题。"
    glued = Block(PARAGRAPH, text=last + "文章封面首图及配图，版权归版权所有人所有。若版权者认为其作品不宜供大家浏览，请联系我们删除。")
    doc = clean(Doc("g.txt", Meta(title="标题"), (*ARTICLE, glued)))
    assert texts(doc) == [b.text for b in ARTICLE] + [last]
    # a notice set in brackets or under its label stays a notice, and ends the text
    for notice in ("【某某作品的中文相关权益归某某公司独家所有。未经授权，不得转载、摘编等。】",
                   "图文内容均由某某运营研究社编辑整理后发布。未经许可，禁止转载。",
                   "郑重声明：用户发表的所有资料、言论等仅代表个人观点，与本网站立场无关。用户应基于自己的独立判断。"):
        doc = clean(Doc("n.html", Meta(title="标题"), (*ARTICLE, Block(PARAGRAPH, text=notice), Block(PARAGRAPH, text="热门文章一"))))
        assert texts(doc) == [b.text for b in ARTICLE], notice


def test_a_sentence_of_clauses_said_twice_is_no_banner_and_is_kept_once():
    quoted = "回顾卡片这个点子好，用啥做的？"
    blocks = [*ARTICLE, Block(PARAGRAPH, text=quoted), Block(PARAGRAPH, text="我们现在还是手工在表格里算。"),
              Block(QUOTE, items=(quoted,)), Block(PARAGRAPH, text="用的问卷导出数据，再套模板批量生成图片。")]
    doc = clean(Doc("t.html", Meta(title="标题"), tuple(blocks)))
    assert texts(doc).count(quoted) == 1  # (said once: the copy in the quote is the page repeating itself)


def test_a_labelled_copy_of_the_headline_goes_and_a_posters_dated_byline_names_the_author():
    # a group's topic page: 标题：… in a box above the post, then 来自：某某 date 发布于 place
    blocks = [Block(PARAGRAPH, text="标题：做了两年读书会社群，说说那些慢慢走掉的人"),
              Block(HEADING, text="来自：青柠 2022-03-06 23:14:05 发布于 湖北", level=3), *ARTICLE]
    doc = clean(Doc("t.html", Meta(title="做了两年读书会社群，说说那些慢慢走掉的人"), tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE]
    assert doc.meta.author == "青柠"
    # a sentence that opens with the headline's words is no copy of it
    said = Block(PARAGRAPH, text="标题：做了两年读书会社群，说说那些慢慢走掉的人，是我想了很久才定下的。")
    doc = clean(Doc("t.html", Meta(title="做了两年读书会社群，说说那些慢慢走掉的人"), (said, *ARTICLE)))
    assert said.text in texts(doc)


def test_a_date_alone_as_typesetting_leaves_it_is_the_storys_above_its_text_not_further_in():
    # a dateline with its weekday and the part of the day (as typesetting spaces it) above the text
    # goes and gives the date; a date alone further into the text is a timeline's entry and stays
    from opskb.ingest.metaline import dateline, meta_line

    for text in ("2024 年 5 月 20 日周一 下午 2:05", "2024 年 5 月 20 日 星期一", "2024 年 5 月 20 日（周一）", "2024 年 5 月 20 日"):
        assert meta_line(text) and dateline(meta_line(text)), text
    assert not meta_line("2024 年 5 月 20 日周一我们开了第一次社群复盘会")
    timeline = Block(PARAGRAPH, text="2023 年 6 月 1 日")
    blocks = [Block(PARAGRAPH, text="2024 年 5 月 20 日周一 下午 2:05"), *ARTICLE[:4], timeline, *ARTICLE[4:]]
    doc = clean(Doc("t.txt", Meta(title="标题"), tuple(blocks)))
    assert doc.meta.date == "2024-05-20"
    assert texts(doc) == [b.text for b in ARTICLE[:4]] + ["2023 年 6 月 1 日"] + [b.text for b in ARTICLE[4:]]
    # with no dateline above, the timeline's entry does not become the story's date
    doc = clean(Doc("t.txt", Meta(title="标题"), tuple([*ARTICLE[:4], timeline, *ARTICLE[4:]])))
    assert doc.meta.date == "" and "2023 年 6 月 1 日" in texts(doc)


def test_fallback_title_from_shared_heading_prefix():
    blocks = [ARTICLE[0]]
    for h in ("社群运营的核心要素", "社群运营的主要目标", "社群运营的常见误区", "相关问答"):
        blocks += [Block(HEADING, text=h, level=2), ARTICLE[1]]
    doc = clean(Doc("c.txt", Meta(), tuple(blocks)))
    assert doc.meta.title == "社群运营"


def test_helpers():
    assert is_keyword_stuffed("鸟哥笔记,用户运营,苏苏?,用户增长,用户运营,用户分层,社群运营")
    assert not is_keyword_stuffed("RFM 模型示意图")
    assert repeats_title("社群运营与用户运营的区别：深度解析 图 2", "社群运营与用户运营的区别:深度解析")
    assert not repeats_title("社群运营与用户运营的区别在于载体", "社群运营与用户运营的区别")


def test_article_sentences_that_share_words_with_notices_stay():
    # a news sentence about legal liability is not a copyright notice, and a 社群 article may
    # talk about groups, WeChat accounts and sharing without being a follow prompt
    for text in (
        "企业收集的信息量越大，收集信息内容越敏感，企业相应要承担的法律责任就应该越严格，这是监管部门反复强调的原则。",
        "社群运营需要先把用户拉进微信群，再通过分享干货和组织活动，让群成员愿意留下来并主动发言。",
        "我们在公众号里发布的第一篇文章，阅读量只有 200，但转化率很高。",
    ):
        assert match_rule(text) is None, text


def test_a_promo_card_goes_whole():
    blocks = ARTICLE[:3] + [
        Block(PARAGRAPH, text="B端产品经理要负责对目标行业和市场进行深入的分析和调研 🔗"),
        Block(PARAGRAPH, text="做交互设计10年，我为何转岗到产品经理？"),
        Block(PARAGRAPH, text="真正转岗之后，我发现很多工作还是超出了自己的想象..."),
        Block(PARAGRAPH, text="查看详情 >"),
    ] + ARTICLE[3:]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    out = texts(doc)
    assert not any("转岗" in t or "🔗" in t or "查看详情" in t for t in out)
    assert [t for t in out if "正文第" in t] == [b.text for b in ARTICLE]


def test_a_repeated_line_inside_the_article_is_not_a_banner():
    head = Block(HEADING, text="门票半价优惠景点", level=2)
    blocks = ARTICLE[:3] + [head] + ARTICLE[3:5] + [head] + ARTICLE[5:] + ARTICLE
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert texts(doc).count("门票半价优惠景点") == 2


def test_a_heading_above_a_subheading_stays_and_one_emptied_by_cleaning_goes():
    blocks = [
        Block(HEADING, text="第一部分", level=2),
        Block(HEADING, text="定义", level=3),
        *ARTICLE[:3],
        Block(HEADING, text="本文数据", level=2),
        Block(PARAGRAPH, text="阅读 2.3万 点赞 12"),
        Block(HEADING, text="第二部分", level=2),
        *ARTICLE[3:],
    ]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    heads = [b.text for b in doc.blocks if b.kind == HEADING]
    assert heads == ["第一部分", "定义", "第二部分"]


def test_updated_is_not_the_publication_date():
    blocks = [Block(PARAGRAPH, text="更新于 2024-05-01"), Block(PARAGRAPH, text="Published: 2023-12-12"), *ARTICLE]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert doc.meta.date == "2023-12-12"


def test_author_and_site_must_look_like_names():
    from opskb.ingest.clean import plausible_name

    assert plausible_name("网易版权所有") == "网易"
    assert plausible_name("李雷") == "李雷" and plausible_name("BBC") == "BBC"
    for junk in ("https://www.facebook", "105464", "} catch(e) {", "Copyright © 2017 Sohu", "(99+ 封私信 / 87 条消息) 台湾",
                 "澎湖县28日电", "新华社北京 5 月 12 日电", "本报北京12日专电"):  # where and when a dispatch was filed
        assert plausible_name(junk) == "", junk
    assert plausible_name("电电日记") == "电电日记" and plausible_name("三日电影院") == "三日电影院"
    # a value that still carries its label: the author's label gives the name, another part's gives none
    assert plausible_name("作者：李雷") == "李雷" and plausible_name("公众号：社群研究所") == "社群研究所"
    assert plausible_name("选稿：韩梅梅") == "" and plausible_name("校对：韩梅梅") == ""


def test_the_headline_is_not_page_furniture():
    from opskb.ingest.clean import title_index

    def heads(*lines):
        return [Block(PARAGRAPH, text=x) for x in lines] + ARTICLE

    blocks = heads("Skip to content", "Content", "登录 / 注册", "私域流量运营的五个误区")
    assert title_index(blocks) == (3, [0, 1, 2])
    # the site's name, known from a copyright line further down, and an author list go too
    blocks = heads("运营研究社", "张三、李四", "私域流量运营的五个误区")
    assert title_index(blocks, named=["本文首发于运营研究社，未经授权不得转载"]) == (2, [0, 1])
    # an unknown short line above a longer headline stays in the text
    pick, above = title_index(heads("专栏", "私域流量运营的五个误区"))
    assert pick == 1 and above == []
    # text that opens with prose has no headline line
    assert title_index(ARTICLE) == (None, [])
    # a question page: the question, not a longer line under it or an editor's lead label
    pick, _above = title_index(heads("社群和用户运营有什么区别？", "3 个回答，按热度排序的精选内容"))
    assert pick == 0
    pick, _above = title_index(heads("【编辑推荐】本周最值得一读的社群运营长文合集", "社群冷启动的五个步骤"))
    assert pick == 1


def test_paper_author_lines_go_only_in_a_paper():
    authors = Block(PARAGRAPH, text="孙家星」孙越强²杜起飞²")
    keywords = Block(PARAGRAPH, text="关键词：锁相环；频率合成器")
    bio = [Block(HEADING, text="作者简介：", level=2), Block(PARAGRAPH, text="孙家星（1992—），男，硕士研究生。")]
    doc = clean(Doc(source="p.txt", meta=Meta(title="标题"), blocks=(authors, keywords, *ARTICLE, *bio)))
    assert texts(doc) == [b.text for b in ARTICLE]
    assert doc.meta.author == "孙家星、孙越强、杜起飞" and doc.meta.categories == ("锁相环", "频率合成器")
    # a paper's authors' note on one line goes with the paper's front matter, not into the author field
    note = Block(PARAGRAPH, text="作者简介：孙家星（1992—），男，硕士研究生，研究方向为频率合成。")
    doc = clean(Doc(source="p.txt", meta=Meta(title="标题"), blocks=(authors, keywords, *ARTICLE, note)))
    assert texts(doc) == [b.text for b in ARTICLE] and doc.meta.author == "孙家星、孙越强、杜起飞"
    doc = clean(Doc(source="p.txt", meta=Meta(title="标题"), blocks=(keywords, *ARTICLE, note)))
    assert texts(doc) == [b.text for b in ARTICLE] and doc.meta.author == ""  # (a note names no authors)
    # ... while closing an ordinary article, the writer's note on who they are is the article's last line
    note = Block(PARAGRAPH, text="作者简介：周小野，连锁零售品牌会员运营顾问，写过十几个社群项目的复盘。")
    doc = clean(Doc(source="a.txt", meta=Meta(title="标题"), blocks=(*ARTICLE, note)))
    assert texts(doc)[-1] == note.text
    # the same shape in an ordinary article (a short list with a number) stays
    line = Block(PARAGRAPH, text="拉新、促活 3")
    doc = clean(Doc(source="a.txt", meta=Meta(title="标题"), blocks=(*ARTICLE[:3], line, *ARTICLE[3:])))
    assert "拉新、促活 3" in texts(doc)


def test_byline_furniture_and_a_summary_said_twice():
    lead = "在私域运营中，信任是用户与品牌之间最宝贵的纽带，许多运营者却亲手破坏了它。"
    blocks = [
        Block(PARAGRAPH, text="私域何老师 关注"),
        Block(PARAGRAPH, text="2025-04-21"),
        Block(QUOTE, items=(lead,)),
        *ARTICLE[:3],
        Block(PARAGRAPH, text="关注我，只讲能落地的私域干货~"),
        Block(QUOTE, items=(lead,)),
        *ARTICLE[3:],
    ]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert texts(doc) == [lead] + [b.text for b in ARTICLE]
    assert doc.meta.date == "2025-04-21"


def test_news_site_furniture_and_the_words_it_shares_with_articles():
    from opskb.ingest.clean import meta_line
    from opskb.ingest.metaline import dateline

    assert meta_line("【责任编辑：张三】") and meta_line("（编辑：李四）")
    # a note's stamp without the year, with where it was posted from; a notice's source label
    assert meta_line("编辑于 05-12 浙江") and meta_line("发布于 11-03") and meta_line("信息来源：某某区民政局")
    assert not meta_line("编辑于 05-12 的那篇笔记，我们后来又改了三次标题。")
    # a header's date with the year set apart (as typesetting leaves it too): a dateline
    assert all(dateline(meta_line(t)) for t in ("2024 05/09 22:27:02", "2023 11/ 17 20:52:15"))
    for text in ("京ICP备12345678号-1", "为您推荐", "排行榜", "24小时热闻"):
        assert match_rule(text) is not None, text
    # an operations article talks about leaderboards and hot searches
    for text in ("排行榜是运营常用的激励手段，能提升用户活跃。", "热搜话题可以给社群带来新的讨论。"):
        assert match_rule(text) is None, text


def test_a_players_loading_note_a_comment_boxs_house_rules_and_an_ads_label_are_furniture():
    for text in ("视频加载中，请稍候……", "正在加载", "文明上网，理性发言。评论内容经审核后显示。", "评论需经审核后才能显示",
                 "社区规范", "《某某社区公约》", "请遵守社区规范，友善交流",
                 "推广链接：小区团购系统 一键开团 自动统计 免费试用30天", "广告 · 买高铁票就上官方渠道"):
        assert match_rule(text) is not None, text


def test_operations_sentences_that_share_words_with_furniture_stay():
    # the rules are about page furniture; an article about 社群/用户运营 uses the same words
    for text in (
        "建立粉丝团是 KOL 运营的常见做法，能让铁杆用户有归属感。",
        "社区规范原来有二十多条，没人看，后来每条规则下面都配上了真实帖子的例子。",
        "好的社区公约要短，最好一屏就能看完。",
        "截至发稿，平台方已表示将在下周上线新的社群管理功能。",
        "发稿时，活动报名人数已经超过三千。",
        "客户端扫码登录的用户占比越来越高。",
        "其他人也在看这场直播的回放，群里的讨论一直持续到深夜。",
        "推荐答案的做法是先给会员分层，再按层运营。",
        "第三方 cookie 被浏览器禁用以后，广告平台能追踪到的用户越来越少。",
        "我的其他文章很少有人看，这篇算是例外。",
        "短信验证码的发送成功率会直接影响注册转化。",
        "关闭广告弹窗之后，新用户的次日留存提升了两个百分点。",
        "用户授权时要说明隐私政策，否则会影响信任。",
        "腾讯公司在 2019 年拥有 100000 名以上的社群运营从业者。",
        "分享裂变是私域拉新最常用的手段之一。",
        "关注公众号的用户里，有三成会在一周内下单。",
        "下载 App 的用户次日留存比小程序高出一倍。",
        "使用企业微信 app，可以更方便地管理客户群。",
        "知道答案吗？很多群主其实不知道自己的群为什么不活跃。",
        "关注品牌官方微信的用户，复购率明显高于只加了客服的用户。",
        "风险自担的说法在社群团购里行不通，售后必须有人兜底。",
        "社群团购里说一句风险自负，团长就能不管售后了吗？",
        "投资有风险，但社群运营的试错成本其实很低。",
        "注册后 7 天内完成首单的用户，留存率是其他用户的两倍。",
        "以上几种方法，可以根据社群所处的阶段组合使用。",
        "会员登录后可以看到专属权益，这一步的点击率决定了后面的转化。",
        "如有疑问，群主会在每周五的答疑时间统一回复。",
        "很多用户赞同了这个方案，但真正执行的人很少。",
        "位置：社群运营在用户生命周期里处于促活和留存两个阶段。",
        "所有评论都会经过审核后公开，这是社群的规矩。",
        "我们在群里要求大家文明发言，理性讨论问题。",
        "视频加载慢的时候，用户的跳出率会明显上升。",
        "推广：在朋友圈和社群里发海报，三天带来两百个新用户。",
        "平台开通了拼团售后举报电话，组织客服逐条回访，重点处理虚假发货的团长。",
        "会员对新积分规则有意见或建议的，可以拨打品牌服务热线 400800，或在小程序的意见反馈里留言。",
    ):
        assert match_rule(text) is None, (text, match_rule(text))
    # ... while a footer's line with the same words is a notice
    for text in ("违法和不良信息举报电话：12377", "互联网违法和不良信息举报中心", "举报电话 010-12345678",
                 "欢迎提供新闻线索，报料热线：0571-85100000。", "新闻热线：0571-88888888，欢迎报料"):
        assert match_rule(text) is not None, text


def test_a_sites_prompts_for_its_app_or_account_and_its_risk_notices_are_furniture():
    # lines that advertise the site's own app or account, and the notices a portal prints under a
    # reposted or financial story, whatever the site's name
    for text in ("关注某某在线杭州频道官方微信", "下载某某社APP，随时随地获取一手商业资讯", "海量资讯、精准解读，尽在某某财经APP",
                 "风险提示：本文内容仅供参考，不构成任何投资建议。投资者据此操作，风险自担。",
                 "风险提示：文中观点仅代表作者个人意见，所涉及标的不作推荐，据此买卖，风险自负。", "股市有风险，投资需谨慎",
                 "某某客户端扫码阅读", "我的同类文章", "博主的其他文章", "加入日期: Mar 2006",
                 "使用某某知道 APP，立即抢鲜体验。你的手机镜头里或许有别人想知道的答案。", "知道答案吗？到我要回答帮其他人解决问题，还能赚点数！",
                 "某某财经声明：此消息系转载自合作媒体，登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。"):
        assert match_rule(text) is not None, text


def test_prompts_between_answers_and_a_help_pages_feedback_are_furniture_that_ends_nothing():
    # who liked an answer, the link to the rest of the answers, what signing in or joining gives, a
    # help page's feedback question and support desk, a breadcrumb's label alone, a page count
    for text in ("运营研究社 赞同了该回答", "1,208 人赞同了该回答", "查看全部 19 个回答", "展开更多 3 条回复",
                 "登录后可收藏文章，还能第一时间收到作者更新", "加入会员，即可收藏文章并免费阅读每月3篇付费内容",
                 "您需要 登录 才可以下载或查看，没有账号？立即注册", "以上内容是否解决了您的问题？",
                 "仍有疑问？可以联系在线客服，工作时间 9:00-22:00", "您当前的位置：", "第 2 页 共 3 页"):
        assert match_rule(text) is not None, text
    # between the answers of a thread they go, and the answers after them stay
    answers = [Block(PARAGRAPH, text=t) for t in (
        "减少发广告的频率之后，群里的消息反而多了起来，用户最反感的是只有广告的群。",
        "很多社群从一开始就不该建：没有想清楚为谁提供什么价值，建了也只会沉下去。",
    )]
    blocks = (*ARTICLE, Block(PARAGRAPH, text="查看全部 19 个回答"), answers[0],
              Block(PARAGRAPH, text="运营研究社 赞同了该回答"), answers[1])
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=blocks))
    assert texts(doc) == [b.text for b in (*ARTICLE, *answers)]


def test_a_byline_with_its_date_counters_and_buttons_on_one_line_goes_and_names_the_author():
    byline = "作者：王小明 2023 年 05 月 06 日 09:15 浏览：1024 收藏 觉得不错，我要 赞赏"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=byline), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE]
    assert (doc.meta.author, doc.meta.date) == ("王小明", "2023-05-06")
    # the name alone, not the date after it, with other separators too
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text="文：李四 | 2023-01-02 10:00 | 阅读 3421"), *ARTICLE)))
    assert doc.meta.author == "李四" and texts(doc) == [b.text for b in ARTICLE]
    # a sentence after the date is not a button: a line that goes on to say something stays
    said = "作者：王小明 2023 年 05 月 06 日 在社群分享会上说，社群运营最难的是让老成员一直愿意开口，这需要长期的内容和活动设计。"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=said), *ARTICLE)))
    assert texts(doc)[0] == said


def test_site_greetings_and_labelled_breadcrumbs_are_furniture_a_communitys_welcome_is_not():
    for text in ("欢迎访问某某历史网！", "欢迎您访问某某社区", "当前位置：首页 > 中国历史 > 某篇文章", "您在这里: 首页 › 诗 › 夜雨"):
        assert match_rule(text) is not None, text
    for text in ("欢迎加入本群，请先阅读群规并修改群名片。", "欢迎光临！店员的一句问候让顾客觉得被重视。", "首页设计要简洁，用户三秒内要知道这是什么。"):
        assert match_rule(text) is None, text


def test_an_item_of_the_articles_own_numbered_list_is_not_a_notice():
    steps = ["打开后台的内容审核设置，先把关键词过滤打开，拦截明显的广告。",
             "识别到违规内容时直接拦截，并在群公告里说明原因，减少争议。",
             "设置举报电话和处理时限，让成员知道投诉有人管，这是社群信任的基础。"]
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"),
                    blocks=(*ARTICLE[:3], Block(LIST, items=tuple(steps), ordered=True), *ARTICLE[3:])))
    assert texts(doc) == [b.text for b in ARTICLE[:3]] + steps + [b.text for b in ARTICLE[3:]]
    # the same words in a line of their own under the article are a notice
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(*ARTICLE, Block(PARAGRAPH, text="举报电话：010-12345678"))))
    assert texts(doc) == [b.text for b in ARTICLE]


def test_how_many_readers_agreed_is_a_counter():
    for text in ("161 人赞同了该回答", "3 人觉得有用", "1.2万人收藏", "查看: 1031|回复: 1", "采纳数：152 获赞数：112",
                 "5人参与2评论", "249 人参与 49 评论", "阅读 1.2万 · 评论 30", "加载中...",
                 # a question's or an answer's buttons with their counts in one row
                 "写回答　举报　分享　浏览 812 次", "关注者 86　被浏览 20,113", "赞同 45 添加评论 分享 收藏 喜欢",
                 "在线时间: 877(小时)", "回应 赞 (64)", "有用 136 · 评论 18 · 收藏 · 举报", "关注问题 邀请回答 写回答",
                 # ... its words set apart by zero-width spaces only, as a copy of the page keeps them
                 "\u200b赞同 1208\u200b\u200b113 条评论\u200b分享\u200b收藏\u200b喜欢\u200b收起\u200b"):
        assert match_rule(text) is not None and match_rule(text).name == "counter", text
    for text in ("100 人参与了这次活动，社群的活跃度明显提升。", "本周参与活动的用户有 300 人，评论数比上周多了一倍。",
                 "查看 3 个回答之后再决定", "加载中的页面会让用户流失。", "分享 3 个案例", "回复率 80% 以上的群才算活跃", "评论 分享",
                 # a post's floor number alone is no tag (and nothing to end the thread at)
                 "#2", "# 12", "我们\u200b的社群\u200b很活跃，评论和分享都多了。"):
        assert match_rule(text) is None, text


def test_an_edit_stamp_with_the_posters_place_and_a_moderators_note_are_not_text():
    from opskb.ingest.metaline import meta_line

    assert meta_line("编辑于 2023-03-01 15:45・IP 属地北京") and meta_line("发布于 2024-05-01 10:20")
    assert meta_line("文｜张三 编辑｜李四") and meta_line("撰文｜王五")  # (full-width bars)
    assert match_rule("本主题由 某某[客服] 于 2024-5-18 20:57 审核通过") is not None
    assert match_rule("本帖由版主于 2024-05-18 移动到运营交流区") is not None
    assert match_rule("本主题由社群成员共同讨论形成，于 2024 年整理成文。") is None


def test_login_and_bookmark_buttons_and_a_posters_place_are_furniture():
    for text in ("立即注册 登录", "登录 | 注册", "设为首页 加入收藏", "IP 属地：浙江", "◆ From: 203.74.1.9", "来自: 117.136.*.*",
                 "[复制链接]", "【复制本帖地址】"):
        assert match_rule(text) is not None, text
    for text in ("注册用户数是衡量增长的指标之一。", "登录页的转化率决定了拉新的成本。", "我们来自: 一个 200 人的社群",
                 "IP 地址：192.168.1.1 是路由器的默认地址", "复制链接发到群里的转化率比海报低一半。"):
        assert match_rule(text) is None, text


def test_page_furniture_worded_as_prompts_goes_and_the_same_words_in_an_article_stay():
    for text in ("你可能还想看", "还没有评论，快来抢沙发吧！", "分享至好友和朋友圈", "按赞加入某某粉丝团",
                 "本页面最后修订于2024年4月28日 (星期日) 19:41。", "本词条缺少概述图，补充相关内容使词条更完整，赶紧来编辑吧！",
                 "1.用 Plurk 追踪某某影音及图文新闻：追踪", "政治热门新闻",
                 "本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。",
                 "本作品采用知识共享署名 4.0 国际许可协议进行许可。", "内容采用 CC BY-SA 4.0 授权"):
        assert match_rule(text) is not None, text
    for text in ("你可能会喜欢这种玩法：先在群里发一个小调查。", "抢沙发是社区早期常见的互动玩法。", "分享是社群活跃的关键。",
                 "百科词条是品牌做搜索优化时常用的阵地。", "用企业微信追踪客户动态：每天看一次", "政治热门新闻是怎么产生的？",
                 "团队内部的知识共享能减少重复劳动。", "社群里的知识共享协议要提前约定：谁能转发、谁能引用。"):
        assert match_rule(text) is None, text


def test_other_stories_after_a_page_copys_text_go_but_short_replies_of_a_thread_stay(tmp_path):
    from opskb.ingest.feeds import trailing_headlines
    from opskb.records import HEADING, PARAGRAPH, Block

    text = [Block(PARAGRAPH, text="刚接手一个三百人的用户群时，群里每天除了早安几乎没人说话，转化也无从谈起。"),
            Block(HEADING, text="责任编辑：张三", level=2)]  # (a text's short line is made a heading)
    stories = [Block(HEADING, text="四万名大学生获得本年度国家奖学金", level=2),
               Block(PARAGRAPH, text="教育部：今年高校毕业生规模预计再创新高")]
    kept, gone = trailing_headlines(text + stories, page_copy=True)
    assert kept == text and [g.text for g in gone] == [b.text for b in stories]  # the credit stays
    # in a page's thread, a reply that short under its author's name stays
    replies = [Block(HEADING, text="张三", level=3), Block(PARAGRAPH, text="我们群也是这么做起来的坚持主题日最重要")]
    kept, gone = trailing_headlines(text + replies, page_copy=False)
    assert kept == text + replies and not gone
    # an article's closing points stay: too short for other stories' headlines
    points = [Block(HEADING, text="总结", level=2), Block(PARAGRAPH, text="拉新靠内容"), Block(PARAGRAPH, text="促活靠活动")]
    kept, _gone = trailing_headlines(text + points, page_copy=True)
    assert kept[-2:] == points[-2:]


def test_a_date_with_its_source_under_a_dumps_title_is_read_as_the_date(tmp_path):
    from opskb.ingest.read import read
    from opskb.pipeline import process

    path = tmp_path / "dump.md"
    path.write_text("# 三百人的群怎样活跃起来\n\n2024-05-12 17:19 来源：某某网\n\n"
                    "刚接手一个三百人的用户群时，群里每天除了早安几乎没人说话，转化也无从谈起。\n", encoding="utf-8")
    doc = process(read(path))
    assert doc.meta.date == "2024-05-12" and all("来源" not in t for b in doc.blocks for t in b.texts())


def test_an_authors_follow_button_and_the_account_a_repost_came_from_are_not_text():
    from opskb.ingest.metaline import meta_line

    for text in ("某某 的营销思考 关注", "运营小王（增长）关注", "AI 产品经理 小李 关注"):
        assert match_rule(text) is not None and match_rule(text).name == "follow_prompt", text
    for text in ("来源公众号：某某研究所（ID：mouresearch），洞察新消费，赋能新品牌，记录每一个新品牌的成长故事。", "微信公众号：某某运营笔记"):
        assert meta_line(text), text
    for text in ("针对优秀账号同行，不要一味关注直播间数据。", "用户为什么会点关注？", "公众号的打开率一直在下降，社群成了新的触点。"):
        assert match_rule(text) is None and not meta_line(text), text


def test_page_buttons_and_a_posts_header_go_but_sentences_with_the_same_words_stay():
    for text in ("【关闭窗口】", "返回顶部", "【关闭窗口】 【发表评论】 【打印本稿】", "[打印] [关闭]"):
        assert match_rule(text) is not None and match_rule(text).name == "page_buttons", text
    for text in ("某某 #1 1 月前", "小王 2月前", "某某 · 1 月前 · 最后由 小李 回复于 19 天前 · 1350 次阅读", "张三 (楼主)6月前"):
        assert match_rule(text) is not None and match_rule(text).name == "post_header", text
    # the text size control with its sizes, and the buttons barred after it
    for text in ("字号：大 中 小", "字体 A+ A-", "文字大小：大｜中｜小", "字型：∣留言∣打印∣转寄", "字级设定：小 中 大 特大",
                 "【字号 大 中 小】 【打印】 【关闭】"):
        assert match_rule(text) is not None and match_rule(text).name == "page_buttons", text
    for text in ("【案例】某品牌的社群从 0 到 1", "【导读】", "关闭窗口后用户会流失吗？", "3 天前，我们的社群开始活跃。",
                 "1 年前我做了一个社群", "返回顶部按钮的点击率很低。", "字体大小", "字号：小四", "字体", "字体：思源黑体",
                 "海报的字体大小要适中，标题用二号字。"):
        assert match_rule(text) is None, text


def test_an_empty_summarys_placeholder_goes():
    from opskb.records import QUOTE

    for text in ("No brief available.", "no summary available", "暂无简介", "暂无摘要。"):
        assert match_rule(text) is not None and match_rule(text).name == "placeholder", text
    for text in ("暂无简介的文章怎么写导语？", "No brief available for this post, so read on."):
        assert match_rule(text) is None, text
    doc = clean(Doc(source="x.md", meta=Meta(title="标题"), blocks=(Block(QUOTE, items=("No brief available.",)), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE]


def test_a_list_that_repeats_an_earlier_lists_items_keeps_them_and_numbers_stay():
    # the senior role needs the skills the junior one does, and more: the items said again stay;
    # a paragraph that repeats an item is still the page repeating itself
    skills = ("数据搜集：Wind 等数据终端，Python 爬虫，整理成表格", "数据分析：用 Python 和 Excel 做描述性统计分析")
    blocks = [*ARTICLE[:2], Block(LIST, items=skills), *ARTICLE[2:4],
              Block(LIST, items=(*skills, "数据可视化：Tableau，以及 Python 里面的扩展包")), Block(PARAGRAPH, text=skills[0]),
              *ARTICLE[4:]]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    lists = [b.items for b in doc.blocks if b.kind == LIST]
    assert lists == [skills, (*skills, "数据可视化：Tableau，以及 Python 里面的扩展包")]
    assert texts(doc).count(skills[0]) == 2
    # a numbered list keeps its first number when furniture before its first kept item goes
    blocks = [*ARTICLE[:3], Block(LIST, items=("扫码关注公众号，回复“资料”领取", "第三步，把群规写清楚，新人进群就知道能发什么"),
                                   ordered=True, start=2), *ARTICLE[3:]]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    (numbered,) = [b for b in doc.blocks if b.kind == LIST]
    assert numbered.items == ("第三步，把群规写清楚，新人进群就知道能发什么",) and numbered.start == 3
    # a list split by a notice that goes is one list again; one that numbers its first item
    # otherwise (5、 after 1、 2、) is a list of its own
    notice = Block(PARAGRAPH, text="扫码关注公众号，回复“资料”领取")
    for start, merged in ((3, True), (1, True), (5, False)):
        blocks = [*ARTICLE[:3], Block(LIST, items=("第一点写在这里", "第二点写在这里"), ordered=True), notice,
                  Block(LIST, items=("下一点写在这里",), ordered=True, start=start), *ARTICLE[3:]]
        doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
        assert sum(b.kind == LIST for b in doc.blocks) == (1 if merged else 2), start


def test_an_outline_of_the_sections_and_a_label_said_again_are_not_banners():
    # the outline above the text names the sections the headings open later; a label leading
    # into each case comes three times, once near the end: the article's own lines, all kept
    sections = ("一、Costco 的商业奇迹：双稳加双低", "二、听听故事：商业基因的传承")
    blocks = [Block(LIST, items=sections), *ARTICLE[:1],
              Block(HEADING, text=sections[0], level=2), Block(PARAGRAPH, text="案例研究："), *ARTICLE[1:3],
              Block(HEADING, text=sections[1], level=2), Block(PARAGRAPH, text="案例研究："), *ARTICLE[3:5],
              Block(PARAGRAPH, text="案例研究："), *ARTICLE[5:]]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert [b.text for b in doc.blocks if b.kind == HEADING] == list(sections)
    assert texts(doc).count("案例研究：") == 3
    # a site's name at the top and the bottom is still its banner
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"),
                    blocks=(Block(PARAGRAPH, text="某某运营网"), *ARTICLE, Block(PARAGRAPH, text="某某运营网"))))
    assert "某某运营网" not in texts(doc)


def test_a_further_reading_line_goes_and_the_references_after_it_stay():
    blocks = [*ARTICLE, Block(PARAGRAPH, text="《未完待续》"), Block(PARAGRAPH, text="扩展阅读：《六大真需求拿捏 2025（1）》"),
              Block(PARAGRAPH, text="参考图书：《场景营销》、《体验经济》、《场景革命》")]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert "扩展阅读：《六大真需求拿捏 2025（1）》" not in texts(doc)
    assert texts(doc)[-1] == "参考图书：《场景营销》、《体验经济》、《场景革命》"


def test_a_caption_printed_beside_its_picture_is_read_once():
    photo = Block(IMAGE, text="群主在周末主题日上带新成员发言", src="https://img.example.com/a.jpg")
    caption = Block(PARAGRAPH, text="群主在周末主题日上带新成员发言。记者 李明 摄")
    other = Block(IMAGE, text="社群活跃度曲线", src="https://img.example.com/b.jpg")  # its text is said nowhere else
    doc = clean(Doc("p.html", Meta(title="标题"), tuple([*ARTICLE[:3], photo, caption, *ARTICLE[3:], other])))
    pictures = [b.text for b in doc.blocks if b.kind == IMAGE]
    assert pictures == ["", "社群活跃度曲线"]
    assert caption.text in texts(doc)


def test_pictures_their_address_names_avatars_reactions_or_icons_go_and_the_articles_stay():
    def pic(src):
        return Block(IMAGE, text="", src=src)

    furniture = [pic("https://img.example.com/user-avatar/1a2b3c~300x300.image"), pic("https://img.example.com/icon/u12345-6.jpg"),
                 pic("https://api.example.com/static/images/social-reaction-like.png"), pic("https://cdn.example.com/emoji/smile.png"),
                 # stand-ins for a picture the page lacks
                 pic("https://static.example.com/widget/img/albumCoverDefault_137x137_1e7a37e.png"),
                 pic("https://static.example.com/img/placeholder.png")]
    article = [pic("https://img.example.com/uploads/2024/05/community-day.jpg"),
               pic("https://img.example.com/uploads/2024/05/app-iconography-trends.png"),  # a word that only holds one
               pic("https://img.example.com/default-users/2024/05/group-photo.jpg")]  # a folder's name, not the file's
    doc = clean(Doc("p.html", Meta(title="标题"), tuple([*ARTICLE[:3], *furniture, *article, *ARTICLE[3:]])))
    assert [b.src for b in doc.blocks if b.kind == IMAGE] == [b.src for b in article]


def test_a_listings_fields_repeated_from_item_to_item_stay_and_a_phone_number_is_not_a_counter():
    # a listing: each item its name, its price and its hotline; the same price and the same
    # kind of line come back at the top and the bottom, as a site's banner would
    def item(n, price):
        return [Block(PARAGRAPH, text=f"{n}、第{n}号景点的名称"), Block(PARAGRAPH, text=f"成人票原价：{price} 元"),
                Block(PARAGRAPH, text=f"游客咨询电话：5879{n:04d}")]

    blocks = item(1, 30) + item(2, 120) + ARTICLE + item(3, 45) + item(4, 30)
    doc = clean(Doc("l.html", Meta(title="五一半价景点"), tuple(blocks)))
    assert texts(doc).count("成人票原价：30 元") == 2
    assert sum(t.startswith("游客咨询电话：") for t in texts(doc)) == 4
    assert match_rule("欧气 1 0") is not None and match_rule("游客咨询电话：58792888") is None


def test_a_label_of_other_stories_run_on_after_a_paragraphs_last_sentence_goes_with_the_titles():
    # the label after a sentence (a date code may stand between), with the stories' titles after it
    # in the same paragraph; in the middle of an article the text after that paragraph stays
    lead = "第一步是把群规写清楚，新人进群第一天就知道能发什么。"
    for tail in ("1020629※你可能还想看：私域流量的五个误区社群团购还能做吗", "相关阅读：“老板”当“网红”，个人 IP 到底该怎么打造？"):
        blocks = [ARTICLE[0], Block(PARAGRAPH, text=lead + tail), *ARTICLE[1:]]
        doc = clean(Doc(source="a.md", meta=Meta(title="社群运营入门"), blocks=tuple(blocks)))
        kept = texts(doc)
        assert kept[1].startswith(lead) and "想看" not in kept[1] and "相关阅读" not in kept[1], tail
        assert kept[2:] == [b.text for b in ARTICLE[1:]], tail
        assert any(r.reason == "段落末尾的其他文章列表" for r in doc.removed)
    # a sentence that mentions related reading goes on: no label after a sentence's end
    said = "群主可以在相关阅读：这一栏里放上群规和新人必看的三篇文章。"
    doc = clean(Doc(source="a.md", meta=Meta(title="社群运营入门"), blocks=(ARTICLE[0], Block(PARAGRAPH, text=said), *ARTICLE[1:])))
    assert said in texts(doc)


def test_the_site_a_copyright_line_names_is_its_name_not_the_words_before_it():
    for line, site in (("本网站由某某新闻网版权所有，未经授权禁止复制或建立镜像", "某某新闻网"),
                       ("Copyright © 2024 某某网 版权所有", "某某网"),
                       ("© 本文版权归 小陈 所有，任何形式转载请联系作者。", "")):  # (an author's, not a site's)
        doc = clean(Doc("c.txt", Meta(), (*ARTICLE, Block(PARAGRAPH, text=line))))
        assert doc.meta.site == site, line


def test_a_line_sending_readers_to_other_stories_inside_the_article_goes_and_the_article_goes_on():
    # 相关阅读：某篇 between two parts of the article, a 延伸阅读 label with a list of headlines under
    # it, too: those lines go, and the article's own sentences under them stay
    later = [Block(HEADING, text="三、激励机制", level=2),
             Block(PARAGRAPH, text="核心成员最需要的是身份认同，可以授予体验官的称号，邀请他们参与新品共创。"),
             Block(PARAGRAPH, text="成长期的成员需要方法和曝光，品牌可以定期组织内容创作培训并展示优秀作品。")]
    for related in ([Block(PARAGRAPH, text="相关阅读：私域社群 SOP 怎么写？一份模板直接套用")],
                    [Block(PARAGRAPH, text="延伸阅读"), Block(LIST, items=("超商会员制再升级 集点经济抢攻年轻客群", "门店社群怎么做"))]):
        doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(*ARTICLE, *related, *later)))
        assert texts(doc) == [t for b in (*ARTICLE, *later) for t in b.texts()]
    # ... and a gallery's label and captions may stand between the related line and the article's next sentences
    gallery = [Block(PARAGRAPH, text="相集全屏浏览")] + [Block(PARAGRAPH, text=f"店员在第{i}家门店的群里发当日餐牌（某某摄）")
                                                     for i in range(4)]
    related = Block(PARAGRAPH, text="相关文章：疫下餐饮业｜酒楼推到会盆菜 一日接百张订单")
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(*ARTICLE, related, later[0], later[1], *gallery, later[2])))
    assert texts(doc)[-1] == later[2].text and related.text not in texts(doc)
    # ... but where only other stories follow, the article ended there: they go too
    # (headlines, however long, that ask a question)
    teasers = [Block(PARAGRAPH, text=f"第{i}篇别的文章：门店社群运营的生平简介和经历，如何评价这种做法？") for i in range(4)]
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"),
                    blocks=(*ARTICLE, Block(PARAGRAPH, text="相关阅读"), *teasers, Block(PARAGRAPH, text="版权所有 © 某某网"))))
    assert texts(doc) == [b.text for b in ARTICLE]
    # an item of the article's own list that starts with a word such lists use (排行榜：) stays
    item = "排行榜：可以设置一个推荐排行榜，对推荐新用户最多的老用户进行奖励，激发他们的竞争意识。"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(*ARTICLE, Block(PARAGRAPH, text=item), *later)))
    assert item in texts(doc) and texts(doc)[-1] == later[-1].text


def test_a_dateline_with_its_source_after_a_separator_is_metadata():
    line = "2024 年 03 月 18 日 08:42 | 来源：某某在线－某某日报"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=line), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE] and doc.meta.date == "2024-03-18"


def test_a_forums_path_member_figures_software_footer_and_text_size_control_are_furniture():
    for text in ("某某运营论坛 » 论坛 › 运营实战 › 社群运营", "某某社区 › 问答 › 用户运营 › 新人群怎么做冷启动",
                 "主题 12 帖子 386 积分 1286", "粉丝 1.2万 关注 36", "今日: 126|昨日: 432|帖子: 50万", "今日 126 帖 · 主题 18,322",
                 "GMT+8, 2024-5-20 16:05 , Processed in 0.052318 second(s), 27 queries .", "Powered by Discuz! X3.4",
                 "字体：[ 大 中 小 ]　　分享到：", "加入某某日报LINE好友，重要新闻不漏接"):
        assert match_rule(text) is not None, text
    # ... not an article's own words: a chain of its terms in a sentence, a reply's one figure, joining a group
    for text in ("用户分层 › 高价值用户 › 沉睡用户，这是我们的三层模型。", "积分 1493", "加入社群的用户，次日留存明显更高。",
                 "今日 126 帖里有 30 帖在问拼团。"):
        assert match_rule(text) is None, text


def test_a_line_of_metadata_fields_between_bars_goes():
    line = "发表于 2024 年 3 月 2 日 | 分类：用户运营 | 标签：RFM, 复购，会员 | 5 条评论 | 阅读 2,381"
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=(*ARTICLE[:2], Block(PARAGRAPH, text=line), *ARTICLE[2:])))
    assert texts(doc) == [b.text for b in ARTICLE]
    keep = "拉新 | 促活 | 留存 | 转化"  # an article's own row of terms
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=(*ARTICLE[:2], Block(PARAGRAPH, text=keep), *ARTICLE[2:])))
    assert keep in texts(doc)


def test_a_portals_header_of_fields_set_apart_by_their_labels_is_read_and_goes():
    # a city portal's line under the headline: date, source, authors, a counter its script did not
    # fill in and the font size buttons, one field after another
    header = "2014-06-12 09:31:25 来源：某某日报 作者：周某平 韩某琴 点击：次【字体：大中小】"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=header), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE]
    assert (doc.meta.author, doc.meta.site, doc.meta.date) == ("周某平 韩某琴", "某某日报", "2014-06-12")
    # ... with a part the reader has no label for (选稿：某某): the source is still only the source
    header = "2024-05-13 12:03:10 作者：曹某 来源：某某网 选稿：曾某"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=header), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE] and doc.meta.site == "某某网"
    # the story's closing credits (no date among them) stay as its last line, as one credit does
    credits = "编辑：倪某轩 责任编辑：杨某"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(*ARTICLE, Block(PARAGRAPH, text=credits))))
    assert texts(doc)[-1] == credits
    # a sentence that names a date and a source is no header of fields
    from opskb.ingest.fieldline import metadata_parts

    assert metadata_parts("2024-05-13 来源：某某网的报道说，社群团购的复购率比普通电商高出一倍。") == []
    assert metadata_parts(header) == ["2024-05-13 12:03:10", "作者：曹某", "来源：某某网", "选稿：曾某"]


def test_a_threads_count_of_its_pages_is_furniture():
    for text in ("7 篇帖子 • 第 1 页 (共 1 页)", "第 1 页 (共 1 页)", "共 3 页 第 1 页", "第1页 共5页", "本主题共有 4 篇文章，分 1 页，当前第 1 页",
                 "12 posts • Page 1 of 2", "Page 3 of 7", "18回复贴，共2页", "36 条回复 共 4 页"):
        assert match_rule(text) is not None, text
    for text in ("第 3 页讲的是社群分层，共 12 页的报告里最重要。", "这份报告共 30 页，第 5 页有完整的分层表。",
                 "报告第 3 页引用了 Page 1 of the survey 的数据。", "这个帖子 18 条回复，共 2 页都在讲拉新。"):
        assert match_rule(text) is None, text


def test_a_blogs_header_of_a_date_counters_and_a_reading_time_side_by_side_goes():
    # no bars, no labels: a date, the comment and view counts and the reading time, one after another
    header = "2019 年 8 月 14 日 12 条评论 3,842 次阅读 本文共 2316 字，预计阅读 6 分钟"
    doc = clean(Doc(source="x.html", meta=Meta(title="标题"), blocks=(Block(PARAGRAPH, text=header), *ARTICLE)))
    assert texts(doc) == [b.text for b in ARTICLE] and doc.meta.date == "2019-08-14"
    from opskb.ingest.fieldline import metadata_parts

    # sentences with a date and figures in them are text
    for text in ("2019 年 8 月 14 日我们开了 12 个群，3 个月后文章有 3,842 次阅读。", "截至 2019 年 8 月 14 日 12 条评论 3,842 次阅读",
                 "12 条评论 3,842 次阅读"):
        assert metadata_parts(text) == [], text


def test_a_paginated_texts_running_footer_goes_and_the_text_goes_on():
    # a report copied page by page: its © line at the foot of every page is no end of the text
    footer = "© 2024 某某研究院 版权所有 未经许可不得转载"
    pages = [ARTICLE[:3], ARTICLE[3:]]
    blocks = [b for page in pages for b in (*page, Block(PARAGRAPH, text=footer))]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE]
    # ... a notice at the end, said once, still ends it: what follows is the site's
    blocks = [*ARTICLE, Block(PARAGRAPH, text=footer), Block(PARAGRAPH, text="另一篇文章：社群运营的三个阶段，从拉新到转化的完整方法")]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE]
    # ... and so does one said twice in a footer, a line about the site between them
    blocks = [*ARTICLE, Block(PARAGRAPH, text=footer), Block(PARAGRAPH, text="某某研究院成立于二零一零年，专注零售行业研究"),
              Block(PARAGRAPH, text=footer)]
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=tuple(blocks)))
    assert texts(doc) == [b.text for b in ARTICLE]


def test_a_headline_named_by_a_label_of_a_notices_metadata_table_is_its_value():
    # a government notice copied as text: its metadata table gives the headline after 标　　题：
    head = "某某市商务局关于开展社区商业会员运营试点项目申报工作的通知"
    for label in ("标　　题：", "标 题：", "题目："):
        doc = clean(Doc(source="x.txt", meta=Meta(title=label + head), blocks=tuple(ARTICLE)))
        assert doc.meta.title == head, label
    # ... a headline that only starts with the word stays whole
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题党：社群运营最常见的三个误区"), blocks=tuple(ARTICLE)))
    assert doc.meta.title == "标题党：社群运营最常见的三个误区"


def test_tags_as_typeset_a_pages_feedback_question_a_qr_prompt_profile_dates_and_an_ads_label():
    # a page's tags with a Latin word spaced off (#RFM 模型) or under a label (文章标签：), who
    # published a notice (发布单位：), a page asking whether it helped, a QR code's prompt, a
    # member's profile dates, an ad's label set apart before its copy
    for text in ("#私域运营 #用户分层 #RFM 模型 #会员运营", "文章标签：python 数据分析 用户运营 pandas",
                 "发布单位：学生事务处课外活动组", "本文是否对您有帮助？", "用微信扫码二维码",
                 "注册时间: 2021年 5月 3日 星期一 10:22", "在线时间: 120 小时",
                 "广告 私域SCRM系统免费试用，门店顾客一键沉淀，连锁品牌都在用"):
        assert match_rule(text) is not None, text
    # a post's number before its text is no tag; the same words in an article's sentences stay
    for text in ("#1 先说结论：群规要先立", "#Crypto 发现个端到端加密的聊天和文件共享工具，挺有意思～",
                 "#AI 发现个端到端加密的聊天和文件共享工具挺有意思", "#是 women 更是我们#", "#AI 工具", "本文对用户运营很有帮助，值得一读。", "注册时间很重要，我们要记录每个用户的来源。",
                 "广告 ROI 怎么算", "广告投放的三个阶段"):
        assert match_rule(text) is None, (text, match_rule(text))


def test_other_stories_headlines_under_a_label_alone_inside_the_article_go_and_the_text_goes_on():
    lead = [Block(PARAGRAPH, text=f"这是正文第{i}段，讲的是社群运营和用户运营的区别与联系，以及各自的考核指标。") for i in range(4)]
    listed = ["工信部：中小企业数字化转型专项行动取得阶段性成效", "2024数字零售大会在杭州开幕 多家平台发布商家扶持计划"]
    rest = [Block(PARAGRAPH, text="报告同时指出，私域运营仍面临三方面挑战，一是内容同质化，二是数据割裂，三是人员流动性大。"),
            Block(PARAGRAPH, text="对此，报告建议企业建立用户分层机制，对高价值用户提供专属服务，对沉睡用户设计唤醒活动。")]
    blocks = (*lead, Block(PARAGRAPH, text="相关新闻："), *(Block(PARAGRAPH, text=t) for t in listed), *rest)
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=blocks))
    assert texts(doc) == [b.text for b in (*lead, *rest)]
    # a list of stories under its label at the article's end, a comment area under it: the end
    comments = [Block(PARAGRAPH, text="全部评论"),
                Block(PARAGRAPH, text="好友完成第一节课再给奖励这个改得好，我们之前做读书应用也是同样的问题，注册奖励吸引来的全是羊毛。"),
                Block(PARAGRAPH, text="是的，奖励条件一定要和产品的核心行为绑定，不然拉来的人很快就流失了，留存也上不去。")]
    blocks = (*lead, *rest, Block(PARAGRAPH, text="推荐阅读"), *(Block(PARAGRAPH, text=t) for t in listed), *comments)
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=blocks))
    assert texts(doc) == [b.text for b in (*lead, *rest)]
    # (past the headlines, a line that is neither a headline nor the article's sentence: a commenter's header)
    notice = Block(PARAGRAPH, text="小王同学在二零二四年五月十六日下午三点二十分发表了评论并获得了很多点赞和回复以及转发")
    blocks = (*lead, *rest, Block(PARAGRAPH, text="推荐阅读"), *(Block(PARAGRAPH, text=t) for t in listed), notice, *comments[1:])
    doc = clean(Doc(source="x.txt", meta=Meta(title="标题"), blocks=blocks))
    assert texts(doc) == [b.text for b in (*lead, *rest)]
