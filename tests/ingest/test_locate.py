"""The locate stage: the article found in a whole page, hidden text gone, fragments whole,
dropped prose and headings put back, the headline chosen."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from opskb.ingest.locate import choose_title, locate
from opskb.ingest.pagetree import _leaf_blocks, _tree, drop_empty_anchors, is_whole_page
from opskb.ingest.parse import parse
from opskb.ingest.read import read
from opskb.ingest.recover import recover
from opskb.ingest.threadmain import MIN_ARTICLE_ELEMENT_HAN
from opskb.ingest.title import strip_site
from opskb.ingest.widgets import below_article, inside, sidebars
from opskb.text import fold

PROSE = [
    "社群运营是指围绕一个社群开展拉新、促活和转化的工作，重点在于群内的互动氛围和成员之间的关系。",
    "用户运营是指以用户为中心，通过分层、分群和生命周期管理，持续提升每一位用户的价值和留存。",
    "两者的目标不同：社群运营看重群的活跃和转化，用户运营看重整体用户的留存率和生命周期价值。",
    "两者的考核指标也不同：社群运营常看入群率和发言率，用户运营更看重复购率、留存率和客单价。",
    "新人入行时，可以先从社群运营做起，因为它离用户最近，能更快积累对用户需求和反馈的感知。",
]
DATA = Path(__file__).resolve().parents[1] / "data"
MENU = "".join(f'<li><a href="/c{i}">频道{i}新闻</a></li>' for i in range(30))
RELATED = "".join(f'<li><a href="/r{i}">另一篇热门文章标题第{i}篇在这里</a></li>' for i in range(8))


def page(body: str, title: str = "社群运营和用户运营有什么不同_运营频道_某某网") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<nav><ul>{MENU}</ul></nav><div class='main'><article>{body}</article></div>"
        f"<aside><h3>热门推荐</h3><ul>{RELATED}</ul></aside>"
        "<footer>Copyright © 2024 某某网 版权所有 京ICP备12345678号</footer></body></html>"
    )


def run(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return locate(read(path))


def texts(raw) -> str:
    return "\n".join(b.plain_text() for b in parse(raw).blocks)


def test_whole_page_loses_menus_sidebars_and_footer(tmp_path):
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    raw = run(tmp_path, page(body))
    out = texts(raw)
    for p in PROSE:
        assert p in out
    for chrome in ("频道3新闻", "另一篇热门文章", "京ICP备"):
        assert chrome not in out
    assert raw.meta.title == "社群运营和用户运营有什么不同"


def test_hidden_text_is_not_article_text(tmp_path):
    body = (
        "".join(f"<p>{p}</p>" for p in PROSE[:3])
        + '<p style="display: none">这是一段隐藏的文字，读者在页面上看不到它，所以它不是正文内容。</p>'
        + "<p hidden>另一段带有 hidden 属性的文字，同样不是读者能看到的正文内容。</p>"
        + "<template><p>模板里的文字在页面上不会显示，也不是正文的一部分内容。</p></template>"
        + "".join(f"<p>{p}</p>" for p in PROSE[3:])
    )
    out = texts(run(tmp_path, page(body)))
    assert PROSE[0] in out and PROSE[4] in out
    for hidden in ("隐藏的文字", "hidden 属性", "模板里的文字"):
        assert hidden not in out


def test_a_fragment_keeps_every_paragraph(tmp_path):
    # a blog post body as exported: no head, no menus; even a short line stays
    html = "<div><p>短句。</p>" + "".join(f"<p>{p}</p>" for p in PROSE) + "<p>欢迎留言</p></div>"
    assert not is_whole_page(html)
    raw = run(tmp_path, html)
    out = texts(raw)
    assert "短句。" in out and "欢迎留言" in out and all(p in out for p in PROSE)


def test_headings_and_dropped_prose_inside_the_article_are_put_back(tmp_path):
    body = (
        "<h1>社群运营和用户运营有什么不同</h1><div class='byline'>作者：李雷 | 2022-03-08</div>"
        f"<p>{PROSE[0]}</p><h2>一、定义不同</h2><p>{PROSE[1]}</p><h2>二、目标不同</h2><p>{PROSE[2]}</p>"
        f"<p>{PROSE[3]}</p><h2>三、怎么入行</h2><p>{PROSE[4]}</p>"
    )
    raw = run(tmp_path, page(body))
    doc = parse(raw)
    heads = [b.plain_text() for b in doc.blocks if b.kind == "heading"][-3:]  # after the h1 (clean drops it)
    assert heads == ["一、定义不同", "二、目标不同", "三、怎么入行"]
    out = texts(raw)
    assert out.index("一、定义不同") < out.index(PROSE[1]) < out.index("二、目标不同")
    assert "作者：李雷" in out  # put back for clean, which reads the author from it and drops it


def test_title_suffixes_are_cut():
    assert strip_site("短视频与大众文化生产_要闻_电影网_1905.com") == "短视频与大众文化生产"
    assert strip_site("外国专家：中美合作共赢符合国际社会利益 - 中国日报网") == "外国专家：中美合作共赢符合国际社会利益"
    assert strip_site("租户将车停自家院子要交“资源占用费”？|停车位|停车费_网易订阅") == "租户将车停自家院子要交“资源占用费”？"
    assert strip_site("自由電子報 - 果汁？啤酒？難分 「飲誘」青少年") == "果汁？啤酒？難分 「飲誘」青少年"
    assert strip_site("蔡健雅_百度百科") == "蔡健雅"
    assert strip_site("雄安新区 - 维基百科，自由的百科全书") == "雄安新区"
    # separators inside a headline stay when what follows is not a site
    assert strip_site("两万字长文 | 月亮的100个故事 (多图)") == "两万字长文 | 月亮的100个故事 (多图)"
    assert strip_site("新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::") == "新竹尖石_美樹營地賞楓 (2)"
    # a middle dot or a colon between spaces parts a code host's or a board's title too
    assert strip_site("打卡活动做了二十一天，留存反而下降了，问题出在哪？ · ops-team/handbook · Discussion #42 · GitHub") \
        == "打卡活动做了二十一天，留存反而下降了，问题出在哪？"
    assert strip_site("裂变活动做完一周，新人都退群了，正常吗？ : SheQunYunYing") == "裂变活动做完一周，新人都退群了，正常吗？"
    assert strip_site("社群 · 用户 · 增长：三个词讲清私域") == "社群 · 用户 · 增长：三个词讲清私域"  # (no site after them)
    # a trail of short names before the headline (站点--频道--标题), a paper's name glued before it
    assert strip_site("某某超市--新闻中心--某某超市会员积分可以直接抵现了") == "某某超市会员积分可以直接抵现了"
    assert strip_site("某某日报数字报-春季农资供应总体充足") == "春季农资供应总体充足"
    assert strip_site("某某财经周刊-会员经济能撑起零售股吗") == "会员经济能撑起零售股吗"  # a magazine's name
    assert strip_site("某某日报数字报-第A03版:要闻-春季农资供应总体充足") == "春季农资供应总体充足"  # an edition's label between
    # ... but not a headline's own parts, nor an account's name that begins a headline
    assert strip_site("社群--用户--运营：三个词讲清私域") == "社群--用户--运营：三个词讲清私域"
    assert strip_site("如何运营视频号-从零开始的实操指南") == "如何运营视频号-从零开始的实操指南"


def test_the_h1_that_matches_the_title_wins():
    # the site's logo h1 and the section name lose to the article's own h1
    assert choose_title(["对于Docker和Podman的一点使用经验 - 好看的hk - 博客园"],
                        ["好看的hk", "对于Docker和Podman的一点使用经验"]) == "对于Docker和Podman的一点使用经验"
    assert choose_title(["电竞亚室运 中华队夺牌希望浓 | 重点新闻 | 中央社"], ["其他重点新闻", "点阅排行"]) == "电竞亚室运 中华队夺牌希望浓"
    assert choose_title(["(99+ 封私信) 台湾突发 7.3 级地震，这次地震波及范围为何如此之广？ - 知乎"],
                        ["台湾突发 7.3 级地震，这次地震波及范围为何如此之广？"]) == "台湾突发 7.3 级地震，这次地震波及范围为何如此之广？"
    # no <title>: the first h1 that is not a site name
    assert choose_title([], ["某某网", "绥德：33名退役军人被表彰"]) == "绥德：33名退役军人被表彰"


def test_title_suffix_cut_where_a_page_heading_is_shorter():
    # the <title>'s first part is the page's heading word for word: the rest is the page type and site
    assert choose_title(["春晓_原文、注释及赏析_孟浩然诗文_某某诗词网"], ["春晓"], "", ["注释", "赏析"]) == "春晓"
    # no h1: the subheading that is the <title>'s first part (a short headline after a bare hyphen)
    assert choose_title(["秋思•夜-某某诗歌网"], [], "", ["秋思•夜", "热门诗歌"]) == "秋思•夜"
    # a heading the <title> only adds the site's name to, after a space (a board's subject in an h3)
    assert choose_title(["[讨论] RFM 模型到底有没有用？ 某某玩家社区"], [], "", ["[讨论] RFM 模型到底有没有用？"]) \
        == "[讨论] RFM 模型到底有没有用？"
    # ... or the board's name in brackets after it (a bar's thread: 某某？【某某吧】_站点)
    assert choose_title(["【求助】新群没人说话怎么办？【社群运营吧】_某某贴吧"], [], "", ["【求助】新群没人说话怎么办？"]) \
        == "【求助】新群没人说话怎么办？"
    # ... after a short label the site puts before the title (【图片】 on a thread with pictures)
    assert choose_title(["【图片】新群没人说话怎么办？【社群运营吧】_某某贴吧"], ["社群运营吧"], "", ["新群没人说话怎么办？"]) \
        == "新群没人说话怎么办？"
    assert choose_title(["[求助] 新群没人说话怎么办？ - 某某论坛"], [], "", ["新群没人说话怎么办？"]) == "新群没人说话怎么办？"
    # a heading that is a later part of the <title> (the blog's name) does not win
    assert choose_title(["社群冷启动的三个误区 - 小周的博客 - 某某博客"], ["小周的博客"], "", []) == "社群冷启动的三个误区"
    # the last part after the site's name only (a magazine's name in two languages): the h1 it is
    assert choose_title(["某某週刊 City Chronicle - 老街的清晨"], ["老街的清晨"], "", ["批发生意靠的是几代人的熟客关系"]) \
        == "老街的清晨"


def test_a_shortened_title_gives_way_to_the_h1_it_shortens():
    # og:title and <title> share the headline with words left out; the h1 shows it whole (a
    # subtitle in brackets, a phrase more): the h1. A h1 that only begins the same stays out.
    assert choose_title(["私域复购的五个抓手 | 某某的运营笔记", "私域复购的五个抓手"],
                        ["某某的运营笔记", "私域复购的五个抓手（附三个门店案例）"]) == "私域复购的五个抓手（附三个门店案例）"
    assert choose_title(["会员体系拆解：4个等级留住老客"], ["会员体系拆解：如何用4个等级留住老客"]) == "会员体系拆解：如何用4个等级留住老客"
    assert choose_title(["会员体系拆解：积分怎么定 - 某某网"], ["会员体系拆解合集", "相关推荐"]) == "会员体系拆解：积分怎么定"
    # a h1 that only adds the page's badge or number to the title is the title
    assert choose_title(["私域复购的五个抓手_某某网"], ["私域复购的五个抓手 原创"]) == "私域复购的五个抓手"
    assert choose_title(["打卡活动做了21天，留存反而下降了 · Discussion #42"], ["打卡活动做了21天，留存反而下降了 #42"]) \
        == "打卡活动做了21天，留存反而下降了"


def test_a_threads_subject_that_its_replies_answer_when_title_and_h1_name_the_forum():
    subs = ["新人群第一周的破冰怎么做", "Re: 新人群第一周的破冰怎么做", "RE：新人群第一周的破冰怎么做", "在线用户"]
    assert choose_title(["某某运营社"], ["某某运营社"], "", subs) == "新人群第一周的破冰怎么做"
    # a title that says it already stays as it is; headings nobody replies to are no subject
    assert choose_title(["新人群第一周的破冰怎么做 - 某某运营社"], ["某某运营社"], "", subs) == "新人群第一周的破冰怎么做"
    assert choose_title(["某某运营社"], ["某某运营社"], "", ["新人群第一周的破冰怎么做", "在线用户"]) == "某某运营社"


def test_a_title_that_is_only_the_site_name_gives_way_to_the_h1():
    assert choose_title(["某某论坛"], ["社群运营的理念和做法（长文）"]) == "社群运营的理念和做法（长文）"
    assert choose_title(["-某某历史网"], ["新群冷启动先做什么"]) == "新群冷启动先做什么"
    # a short headline that the h1 repeats with an edit link stays
    assert choose_title(["雄安新区 - 某某百科"], ["雄安新区[编辑]"]) == "雄安新区"


def test_a_title_the_page_never_shows_gives_way_to_the_line_above_the_article(tmp_path):
    # <title> is the site and a page type; the page shows the headline in a styled div, no h1
    body = ("<div class='t'>新群冷启动先做什么？</div><div class='info'>来源：某某科普 2024-05-01</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    raw = run(tmp_path, page(body, title="某某科普-问答文章"))
    assert raw.meta.title == "新群冷启动先做什么？"


def test_a_pictures_caption_above_the_text_is_not_the_headline(tmp_path):
    # no h1, a <title> the page does not show as it is (the headline sets off a phrase in 「」):
    # the headline is the line above the article, past the caption of its picture
    body = ("<figure><img src='/a.jpg'><figcaption>書店每週五晚上開放到十點。（黃某某攝）</figcaption></figure>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    headline = "<div class='headline'>老街書店辦「讀書夜」　年輕人排隊入場</div><div class='meta'>2024年6月15日 12:35</div>"
    html = page(body, title="老街書店辦讀書夜 年輕人排隊入場｜本地｜某某新聞網").replace("<div class='main'>", "<div class='main'>" + headline)
    html = html.replace("<head>", "<head><meta property='og:title' content='【周末好去處】老街書店讀書夜爆紅'>")  # (for sharing)
    raw = run(tmp_path, html)
    assert raw.meta.title.replace("\u3000", " ") in ("老街書店辦「讀書夜」 年輕人排隊入場", "老街書店辦讀書夜 年輕人排隊入場"), raw.meta.title


def test_a_micro_blog_posts_title_is_its_lead_in_brackets(tmp_path):
    # no headline: the <title> is the post's opening cut short; the post opens with its subject in
    # 【】 (the poster's label line above it is no headline)
    post = "【新群冷启动别急着发福利】" + PROSE[0]
    body = "<div class='head'><a href='/u/1'>运营老周</a></div><div class='cert'>认证：互联网运营博主</div>" + f"<div class='text'>{post}</div>" \
        + "".join(f"<p>{p}</p>" for p in PROSE[1:])
    raw = run(tmp_path, page(body, title=post[:30] + "... - 某某微博"))
    assert raw.meta.title == "新群冷启动别急着发福利"
    # ... or a title naming the poster's page, the post under the poster's name, device and place
    header = "".join(f"<div class='h{i}'>{t}</div>" for i, t in enumerate(["运营老周知名运营博主", "来自 iPhone", "已编辑", "发布于 浙江", "+ 关注"]))
    body = header + f"<div class='text'>{post}</div>" + "".join(f"<p>{p}</p>" for p in PROSE[1:])
    assert run(tmp_path, page(body, title="运营老周的主页_某某微博")).meta.title == "新群冷启动别急着发福利"
    # ... after the post's #topic#
    body = header + f"<div class='text'><a href='/k/1'>#社群运营#</a>{post}</div>" + "".join(f"<p>{p}</p>" for p in PROSE[1:])
    assert run(tmp_path, page(body, title="#社群运营#" + post[:30] + "... - 某某微博")).meta.title == "新群冷启动别急着发福利"
    # a dispatch's dateline in brackets is no lead
    body = header + f"<div class='text'>【某某社北京5月9日电】{PROSE[0]}</div>" + "".join(f"<p>{p}</p>" for p in PROSE[1:])
    assert "电" not in run(tmp_path, page(body, title="运营老周的主页_某某微博")).meta.title


def test_a_saved_micro_blog_posts_title_is_its_lead_when_the_extractor_keeps_none_of_it():
    # a saved page of our forum set: the <title> cuts the post short after its #topic# and its lead
    # in 【】, and the extractor keeps only the comments under it
    page_path = Path(__file__).resolve().parents[1] / "data" / "forum-pages-10" / "pages" / "07_wangyu_weibo_post.html"
    assert locate(read(page_path)).meta.title == "地铁5号线南延段今日开通 沿线10座车站同步启用"


def test_a_title_that_is_the_sites_name_gives_way_to_the_line_above_the_article(tmp_path):
    # a notice without an h1: the <title> is the name the logo linking home has, and the notice is
    # signed with it (so the page shows it)
    logo = '<a href="/index.html"><img src="/logo.png" alt="某某市社群运营协会"></a>'
    body = ("<div class='art_tit'>关于举办社群运营专题培训班的通知</div><div class='info'>发布时间：2024-05-01</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "<p style='text-align:right'>某某市社群运营协会</p>")
    html = page(body, title="某某市社群运营协会").replace("<nav>", logo + "<nav>")
    assert run(tmp_path, html).meta.title == "关于举办社群运营专题培训班的通知"


def test_a_share_pages_own_og_title_beside_a_title_naming_the_site(tmp_path):
    # a note app's share page: the headline only in og:title, the <title> the app's name and slogan
    og = '<meta property="og:title" content="做了两年团长，我总结的社群避坑指南">'
    body = ("<div class='author'>小区团长阿梅</div><div class='desc'>"
            + "<br>".join(f"{n} {p}" for n, p in zip("❶❷❸❹❺", PROSE, strict=True)) + "</div>")
    html = page(body, title="小圈 - 你的生活兴趣社区").replace("<head>", "<head>" + og)
    assert run(tmp_path, html).meta.title == "做了两年团长，我总结的社群避坑指南"
    # a <title> of its own that the page does not show either: the line above the article, as before
    news = page(body, title="团长们的社群避坑指南_社区频道_某某网").replace("<head>", "<head>" + og)
    assert run(tmp_path, news, "news.html").meta.title == "小区团长阿梅"


def test_a_share_cards_og_title_gives_way_to_the_title_the_page_shows(tmp_path):
    # a group's post: the h1 names the group, og:title says who posted where (某某 在「某圈」发布了帖子),
    # the <title> is the post's title · the group | the app, and the page shows that title in a box
    og = '<meta property="og:title" content="老周做私域 在「会员运营交流圈」发布了帖子">'
    body = ("<div class='circle'><h1>会员运营交流圈</h1><span>成员 8,631</span></div>"
            "<div class='post-author'><a href='/u/1'>老周做私域</a></div>"
            "<div class='post-title'>【复盘】第一次会员日：到店一千四百人，复购只有百分之九</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    html = page(body, title="【复盘】第一次会员日：到店一千四百人，复购只有百分之九 · 会员运营交流圈 | 某圈").replace("<head>", "<head>" + og)
    assert run(tmp_path, html).meta.title == "【复盘】第一次会员日：到店一千四百人，复购只有百分之九"


def test_a_title_cut_short_whose_start_the_page_writes_beside_a_picture_stays_the_headline(tmp_path):
    # a homework Q&A page: the h1 is the logo; the <title> is the question cut short (……..._站点); the
    # question is written straight into a box that also holds its figure; a best answer opens with a
    # label (最佳答案 提问者采纳) and two more answers follow
    question = "一个物体在水平拉力作用下沿水平面匀速运动，已知物体质量为五千克，动摩擦因数为零点二，求拉力的大小和方向"
    answers = "".join(
        f"<div class='answer-item'><div class='answer-user'><a href='/u/{k}'>{name}</a><span>Lv.{k}</span></div>"
        f"<div class='answer-text'>{text}</div><div class='answer-ft'>2018-09-1{k} 20:0{k} 有用({k * 9})</div></div>"
        for k, (name, text) in enumerate((("物理小王子", "摩擦力等于动摩擦因数乘以支持力，支持力等于重力五十牛，所以拉力是十牛，方向水平。"),
                                          ("学霸小林", "匀速运动说明受力平衡，拉力和摩擦力大小相等方向相反，答案是十牛。")), 1))
    html = ("<!DOCTYPE html><html><head><title>" + question[:30] + "..._某某题库</title></head><body>"
            f"<div class='header'><h1 class='logo'><a href='/'>某某题库</a></h1><ul>{MENU}</ul></div>"
            f"<div class='question-box'><div class='qb-content'>{question}。<br>（g 取十牛每千克）"
            "<div class='q-img'><img src='/q/1.png' alt='题目配图' width='260' height='140'></div></div></div>"
            "<div class='answer-box best-answer'><div class='answer-title'>最佳答案<span>提问者采纳</span></div>"
            "<div class='answer-user'><span class='uname'>李老师</span><span>认证教师</span></div>"
            "<div class='answer-content'><div class='item'><div class='item-title'>答案</div><div class='item-body'>拉力大小为十牛，方向水平向前。</div></div>"
            "<div class='item'><div class='item-title'>解析</div><div class='item-body'>物体匀速运动，水平方向受力平衡：拉力等于滑动摩擦力，"
            "滑动摩擦力等于动摩擦因数乘以重力，即零点二乘以五十牛等于十牛。</div></div></div></div>"
            f"<div class='answer-box other-answers'><div class='answer-title'>其他解答（2）</div>{answers}</div>"
            f"<aside><h3>相似题目</h3><ul>{RELATED}</ul></aside>"
            "<footer>Copyright © 2018 某某题库 京ICP备12345678号</footer></body></html>")
    assert run(tmp_path, html).meta.title == question[:30] + "..."


def test_a_boards_title_that_opens_with_the_site_gives_the_topic_its_subhead_says():
    # phpBB: <title> 站点 • 查看主题 - 标题, the h1 the site's name, the topic's title in an h2 (and the
    # replies' Re: 标题); a hyphen inside the title (a model's name) is no separator
    topic = "飞燕牌FY-701收音机中波只能收到一个台，求助"
    assert choose_title([f"收音机爱好者之家 • 查看主题 - {topic}"], ["收音机爱好者之家"],
                        subheads=[topic, f"Re: {topic}"]) == topic
    # a title whose first part is the h1 and no subhead says its last part: the h1, as before (夜雨_原文_站点)
    assert choose_title(["夜雨_原文、翻译及赏析_某某诗词网"], ["夜雨"]) == "夜雨"


def test_a_groups_name_in_og_title_and_h1_gives_way_to_the_title_the_page_shows(tmp_path):
    # a group's topic: og:title and the h1 name the group, the <title> is 标题 | 群名 - 站点, the post opens with the title in bold
    og = '<meta property="og:title" content="私域增长研习社">'
    body = ("<div class='group'><h1 class='group-name'>私域增长研习社</h1><p>成员 3,618</p></div>"
            "<div class='topic-text'><strong>付费社群续费率从三成做到六成，我们只改了四件事</strong><br><br>"
            + "<br><br>".join(PROSE) + "</div>")
    html = page(body, title="付费社群续费率从三成做到六成，我们只改了四件事 | 私域增长研习社 - 某知圈").replace("<head>", "<head>" + og)
    assert run(tmp_path, html).meta.title == "付费社群续费率从三成做到六成，我们只改了四件事"


def test_the_titles_suffix_stays_where_the_page_shows_it(tmp_path):
    # og:title 标题｜副题 - 站点 over a page showing 标题｜副题 (no h1): the part after ｜ is not the site's
    og = '<meta property="og:title" content="社群运营3个月，复购从12%做到40%｜保姆级复盘 - 小橙书">'
    body = ("<div class='detail-title'>社群运营3个月，复购从12%做到40%｜保姆级复盘</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    html = page(body, title="小橙书 - 你的生活兴趣社区").replace("<head>", "<head>" + og)
    assert run(tmp_path, html).meta.title == "社群运营3个月，复购从12%做到40%｜保姆级复盘"
    # a page showing only the part before ｜: that part
    short = html.replace("｜保姆级复盘</div>", "</div>")
    assert run(tmp_path, short, "short.html").meta.title == "社群运营3个月，复购从12%做到40%"


def test_a_government_sites_metadata_tags_give_headline_date_and_site(tmp_path):
    # the meta tags Chinese government sites carry (ArticleTitle, PubDate, SiteName), on a notice
    # signed with the site's name and headed by a table cell
    tags = ('<meta name="SiteName" content="某某市商务局"><meta name="ArticleTitle" content="关于开展社群运营培训的通知">'
            '<meta name="PubDate" content="2024-05-08 09:30">')
    body = ("<table><tr><td class='title_news'>关于开展社群运营培训的通知</td></tr></table>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "<p style='text-align:right'>某某市商务局</p>")
    raw = run(tmp_path, page(body, title="某某市商务局").replace("<head>", "<head>" + tags))
    assert (raw.meta.title, raw.meta.date, raw.meta.site) == ("关于开展社群运营培训的通知", "2024-05-08", "某某市商务局")


def test_a_subtitle_under_the_headline_is_not_the_headline():
    # the short lines above the article's first paragraph: the nearest is the subtitle the page
    # styles as one; the headline is the line above it
    from opskb.ingest.pagetitle import _headline_above
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.text import fold

    head = ("<div class='art_title'>老旧小区改造启动 涉及12个小区</div>"
            "<div class='{cls}'>今年底前完成管网更新和加装电梯意愿征集</div><div class='info'>2024-04-09 来源：某某日报</div>")
    for cls, headline in (("art_subtitle", "老旧小区改造启动 涉及12个小区"), ("sub-title", "老旧小区改造启动 涉及12个小区"),
                          ("art_lead", "今年底前完成管网更新和加装电梯意愿征集")):
        page = _tree("<html><body>" + head.format(cls=cls) + "".join(f"<p>{p}</p>" for p in PROSE) + "</body></html>")
        blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
        first = next(i for i, (_el, text, _k) in enumerate(blocks) if text == PROSE[0])
        assert _headline_above(blocks, first) == headline, cls


def test_dates_from_markup_then_byline_then_a_dateline(tmp_path):
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    meta = '<meta property="article:published_time" content="2023-06-01T08:00:00+08:00">'
    raw = run(tmp_path, page(body).replace("<head>", "<head>" + meta))
    assert raw.meta.date == "2023-06-01"
    byline = "<h1>社群运营和用户运营有什么不同</h1><p>发布时间：2024年05月05日 | 字体放大 | 字体缩小</p>"
    raw = run(tmp_path, page(byline + "".join(f"<p>{p}</p>" for p in PROSE)), "b.html")
    assert raw.meta.date == "2024-05-05"
    dateline = body + "<p>《某某日报》（2024年05月11日 09版）</p>"
    assert run(tmp_path, page(dateline), "c.html").meta.date == "2024-05-11"


def test_the_editors_credit_after_the_story_is_its_last_line(tmp_path):
    from opskb.ingest.clean import clean

    body = "".join(f"<p>{p}</p>" for p in PROSE) + "<p class='show_author'>责任编辑：韩梅梅 </p><div class='ad'></div>"
    raw = run(tmp_path, page(body))
    assert "责任编辑：韩梅梅" in texts(raw)
    lines = [b.plain_text() for b in clean(parse(raw)).blocks]
    assert lines[-1] == "责任编辑：韩梅梅" and lines[-2] == PROSE[-1]  # and clean keeps it there
    # one above the text is a byline: read for the metadata and dropped
    top = run(tmp_path, page("<p>责任编辑：韩梅梅</p>" + "".join(f"<p>{p}</p>" for p in PROSE)), "top.html")
    assert "责任编辑：韩梅梅" not in [b.plain_text() for b in clean(parse(top)).blocks]



def test_an_editors_credit_the_extractor_dropped_is_put_back_after_the_last_paragraph():
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.recover import fold, recover

    tree = lxml.html.fromstring(page("".join(f"<p>{p}</p>" for p in PROSE) + "<p>（责任编辑：韩梅梅）</p>"))
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    main = lxml.html.fromstring("<div>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>")  # the extractor's output
    recover(blocks, main)
    assert [p.text_content() for p in main.iter("p")][-2:] == [PROSE[-1], "（责任编辑：韩梅梅）"]
    # a line of another kind after the text is not put back
    tree = lxml.html.fromstring(page("".join(f"<p>{p}</p>" for p in PROSE) + "<p>相关阅读：另一篇文章</p>"))
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    main = lxml.html.fromstring("<div>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>")
    recover(blocks, main)
    assert [p.text_content() for p in main.iter("p")][-1] == PROSE[-1]


def test_an_entrys_summary_far_above_its_text_is_its_opening_when_the_description_says_so():
    """An encyclopedia-like entry: a two-paragraph summary, then a picture gallery, a contents
    list and an info box, then the sections; the extractor kept only the sections. The page's
    description begins with the summary (cut short, with a citation mark in the page's text)."""
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.recover import recover, unflatten
    from opskb.text import fold

    summary = [PROSE[0], PROSE[1] + "[1-2]"]
    gallery = "".join(f"<div class='pic'><img src='/p{i}.jpg'><div>好友{i}号</div></div>" for i in range(30))
    contents = "<h2>目录</h2><ol>" + "".join(f"<li><a href='#s{i}'>{i} 第{i}节</a></li>" for i in range(12)) + "</ol>"
    # an info box whose values are linked, one of them words of the summary, as is a caption
    gallery += "<div class='pic'><img src='/q.jpg'><div>通过分层、分群和生命周期管理</div></div>"
    infobox = "<h2>基本信息</h2><dl>" + "".join(
        f"<dt>字段{i}</dt><dd><a href='/x{i}'>值{i}</a>、<a href='/y{i}'>另一个值{i}</a></dd>" for i in range(14)) + (
        "<dt>目标</dt><dd>持续提升每一位用户的价值和留存</dd></dl>")
    sections = "".join(f"<h2>第{i}节</h2><p>{p}</p>" for i, p in enumerate(PROSE[2:]))
    page = lxml.html.fromstring(  # (its short lines 社群运营 and 用户运营 recur inside the summary)
        "<html><body><h1>社群运营</h1><p>用户运营</p><div class='summary'>" + "".join(f"<div class='para'>{p}</div>" for p in summary)
        + f"</div>{gallery}{contents}{infobox}<div class='body'>{sections}</div></body></html>")
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]

    def kept(description: str) -> list[str]:
        main = lxml.html.fromstring(f"<div>{sections}</div>")
        recover(blocks, main, description)
        unflatten(blocks, main)  # a summary put back is one paragraph, whatever short lines recur in it
        return [" ".join(el.text_content().split()) for el in main.iter("p", "h2")]

    described = kept(PROSE[0] + PROSE[1][:30] + "...")
    assert described[:3] == [summary[0], summary[1], "第0节"]
    assert all("好友3号" not in t and "字段3" not in t for t in described)
    assert kept("")[0] == "第0节"  # no description: too far above the text to be its opening
    assert kept(PROSE[3] + PROSE[4])[0] == "第0节"  # a description of other words


def test_an_author_box_that_only_says_the_name_the_metadata_gives_goes(tmp_path):
    box = "<div class='media'><img src='/avatar.jpg'><h2>某某日报网络版</h2><time>2024.05.01</time></div>"
    body = box + "".join(f"<p>{p}</p>" for p in PROSE) + "<p>某某日报网络版也报道了社群运营的这一趋势，并做了采访。</p>"
    html = page(body).replace("<head>", "<head><meta property='article:author' content='某某日报网络版'>")
    out = texts(run(tmp_path, html))
    assert not any(line.strip() == "某某日报网络版" for line in out.splitlines())
    assert "某某日报网络版也报道了" in out and all(p in out for p in PROSE)


def test_a_picture_declared_icon_sized_is_not_the_articles(tmp_path):
    # a photo of the story stays; a printer button and an app store badge (declared under 100 px
    # one way or the other) between its paragraphs go, on a whole page and in a fragment
    photo = '<p><img src="https://img.example.com/2024/05/photo-of-the-group.jpg" width="640" alt="群主在主题日上发言"></p>'
    icons = ('<p><img src="https://img.example.com/web/images/printer.png" width="16" height="16"></p>'
             '<p><a href="https://apps.example.com/app/id1"><img src="https://img.example.com/appstore.svg" width="120" height="36"></a></p>')
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:2]) + photo + icons \
        + "".join(f"<p>{p}</p>" for p in PROSE[2:])
    from opskb.pipeline import process

    for html, name in ((page(body), "page.html"), (body, "fragment.html")):
        (tmp_path / name).write_text(html, encoding="utf-8")
        doc = process(read(tmp_path / name))
        pictures = [b.src for b in doc.blocks if b.kind == "image"]
        assert pictures == ["https://img.example.com/2024/05/photo-of-the-group.jpg"], name


def test_an_authors_picture_beside_the_name_is_not_the_articles(tmp_path):
    # the byline's profile picture (a class calling it an avatar, or a picture linked to the
    # profile that says the linked name) goes; the story's photo, whose alt is its caption, stays
    photo = '<p><img src="https://img.example.com/2024/05/photo-of-the-group.jpg" alt="群主在主题日上发言"></p>'
    bylines = (
        '<div class="byline"><span class="author-avatar"><img src="https://img.example.com/2024/05/p1.jpg"></span>'
        '<a href="/people/li">李明</a></div>',
        '<div class="byline"><a href="/people/li"><img src="https://img.example.com/2024/05/p1.jpg" alt="李明"></a>'
        '<div class="who"><a href="/people/li">李明</a><span>资深运营</span></div></div>',
    )
    from opskb.pipeline import process

    for n, byline in enumerate(bylines):
        body = ("<h1>社群运营和用户运营有什么不同</h1>" + byline + "".join(f"<p>{p}</p>" for p in PROSE[:2]) + photo
                + "".join(f"<p>{p}</p>" for p in PROSE[2:]))
        (tmp_path / f"a{n}.html").write_text(page(body), encoding="utf-8")
        doc = process(read(tmp_path / f"a{n}.html"))
        pictures = [b.src for b in doc.blocks if b.kind == "image"]
        assert pictures == ["https://img.example.com/2024/05/photo-of-the-group.jpg"], n


def test_a_picture_whose_caption_repeats_a_link_nearby_is_still_the_articles(tmp_path):
    # alt text equal to a link's text makes an avatar only when it is short like a name: a photo
    # whose long caption is also a linked headline beside it stays
    caption = "社群运营小组在主题日上和新成员一起复盘这一周的活动数据"
    body = ("<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:2])
            + f'<figure><img src="https://img.example.com/2024/05/photo.jpg" alt="{caption}">'
            + f'<figcaption><a href="/photos/1">{caption}</a></figcaption></figure>'
            + "".join(f"<p>{p}</p>" for p in PROSE[2:]))
    from opskb.pipeline import process

    (tmp_path / "cap.html").write_text(page(body), encoding="utf-8")
    doc = process(read(tmp_path / "cap.html"))
    assert [b.src for b in doc.blocks if b.kind == "image"] == ["https://img.example.com/2024/05/photo.jpg"]


def test_an_ad_card_among_the_paragraphs_goes_and_a_sentence_about_ads_stays(tmp_path):
    ad = ('<div class="goods"><a href="https://shop.example.com/item/9"><img src="https://img.example.com/goods/9.jpg">'
          '<div class="tag">广告</div><div class="name">社群运营实战手册（第二版）</div><div class="price">¥49.00 去购买</div></a></div>')
    said = "广告投放只是拉新的一种方式，社群里的老用户推荐往往更便宜。"
    body = ("<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:3]) + ad
            + f"<p>{said}</p>" + "".join(f"<p>{p}</p>" for p in PROSE[3:]))
    raw = run(tmp_path, page(body))
    out = texts(raw)
    assert all(p in out for p in PROSE) and said in out
    assert "社群运营实战手册" not in out and "¥49.00" not in out
    assert "goods/9.jpg" not in raw.body  # the product's picture is the card's too


def test_an_editors_source_beside_its_field_is_not_the_text(tmp_path):
    # an editor that grows with its text mirrors the field in a pre (the post's Markdown source);
    # the page shows the rendered post beside it
    source = "\n".join(["> 先说结论：**社群**是手段，用户是目的。", "## 为什么"] + [f"- {p}" for p in PROSE]
                       + ["### 第一周做什么", "1. 拉群", "2. 定群规"])
    rendered = ("<blockquote><p>先说结论：<strong>社群</strong>是手段，用户是目的。</p></blockquote><h2>为什么</h2><ul>"
                + "".join(f"<li>{p}</li>" for p in PROSE) + "</ul>"
                + "<h3>第一周做什么</h3><ol><li><p>拉群</p></li><li><p>定群规</p></li></ol>")
    body = ("<h1>社群运营和用户运营有什么不同</h1><div class='editor'><div class='edit-pane'>"
            f"<pre class='mirror'>{source}</pre><textarea placeholder='开始编辑...'></textarea></div>"
            f"<div class='show-pane'>{rendered}</div></div>")
    out = texts(run(tmp_path, page(body)))
    assert all(out.count(p) == 1 for p in PROSE)
    assert "**" not in out and "## 为什么" not in out and "- " + PROSE[0] not in out
    # the rendered post's heading over its short list stays, though its words were in the source too
    lines = out.splitlines()
    assert "第一周做什么" in lines and lines.index("第一周做什么") < lines.index("拉群")


def test_a_heading_over_a_short_list_comes_back_though_an_editors_source_said_it():
    """Recovery puts back a heading the extractor dropped above list items it kept, however short;
    text it kept from a part that is going (an editor's source) does not count as the heading kept."""
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.recover import recover
    from opskb.ingest.widgets import drop_lines, forms, inside
    from opskb.text import fold

    source = "### 第一周做什么\n1. 拉群\n2. 定群规"
    html = page("<h1>社群运营和用户运营有什么不同</h1><div class='editor'><div class='edit-pane'>"
                f"<pre>{source}</pre><textarea></textarea></div><div class='show-pane'>"
                + "".join(f"<p>{p}</p>" for p in PROSE[:3]) + "<h3>第一周做什么</h3><ol><li><p>拉群</p></li><li><p>定群规</p></li></ol>"
                + "".join(f"<p>{p}</p>" for p in PROSE[3:]) + "</div></div>")
    tree = _tree(html)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    widgets = inside(blocks, forms(tree))
    # what an extractor may hand over: the editor's source as a line, the post without its heading
    main = lxml.html.fromstring("<html><body><p>" + source.replace("\n", " ") + "</p>"
                                + "".join(f"<p>{p}</p>" for p in PROSE[:3]) + "<ol><li><p>拉群</p></li><li><p>定群规</p></li></ol>"
                                + "".join(f"<p>{p}</p>" for p in PROSE[3:]) + "</body></html>")
    recover(blocks, main, "", widgets)
    drop_lines(blocks, widgets, main, ("p", "h3", "li"))
    lines = [t for _el, t in _leaf_blocks(main)]
    assert "第一周做什么" in lines and lines.index("第一周做什么") < lines.index("拉群")
    assert not any("###" in t for t in lines)


def _recovered(page_body: str, main_body: str, split: bool = False) -> list:
    """The lines of ``main`` (what an extractor handed over) after recovery against ``page_body``:
    (tag, text) in order."""
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.recover import recover, unflatten
    from opskb.text import fold

    tree = _tree(page(page_body))
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    main = lxml.html.fromstring(f"<html><body>{main_body}</body></html>")
    recover(blocks, main)
    if split:
        unflatten(blocks, main)

    def tag(el) -> str:  # a paragraph of a list item is the item; anything else inside a list is said so
        if el.tag == "p" and el.getparent().tag == "li":
            return "li"
        return el.tag if el.tag == "li" or next(el.iterancestors("ul", "ol"), None) is None else f"{el.tag} in a list"

    return [(tag(el), t) for el, t in _leaf_blocks(main)]


def test_a_wikis_section_headings_come_back_past_their_edit_buttons_and_after_a_list():
    sections = [("区域规划", PROSE[1]), ("体系格局", PROSE[2]), ("地理环境", PROSE[3])]
    box = "<ul><li>中文名：某某高新技术产业开发区</li><li>所属地区：某某省某某新区</li></ul>"
    body = (f"<h1>某某开发区</h1><p>{PROSE[0]}</p>{box}"
            + "".join(f"<h2>{h}</h2><div class='edit'>编辑</div><p>{p}</p>" for h, p in sections))
    main = f"<p>{PROSE[0]}</p>{box}" + "".join(f"<p>{p}</p>" for _h, p in sections)
    lines = _recovered(body, main)
    assert [t for tag, t in lines if tag == "h2"] == [h for h, _p in sections]
    # each heading right above its text, and the first one after the list, not inside it as an item
    for h, p in sections:
        assert lines[lines.index(("h2", h)) + 1] == ("p", p)
    assert "编辑" not in [t for _tag, t in lines]


def test_a_note_run_together_without_its_comments_is_split_into_its_blocks():
    # a note page built of divs: the extractor hands over one paragraph that runs the note's lines
    # together (its author's name first), leaving out the comments between the note and the
    # sign-in box, where the author's name comes again: the note's own blocks, each a line
    note = ["社群小白的第一个百人群", "第一周每天固定晚上八点开一个话题，让老朋友先发言。",
            "第二周开始每周日公布打卡榜，前三名送一份小礼物，大家都很在乎。", "编辑于 05-12 浙江"]
    comments = ["小周", "打卡榜这个办法好，我们群也试试", "阿青的读书群", "谢谢，欢迎来交流"]
    modal = ["马上登录即可查看更多笔记", "我已阅读并同意《用户协议》"]
    body = ("<div class='author'><a href='/u/1'>阿青的读书群</a></div>" + "".join(f"<div class='line'>{t}</div>" for t in note)
            + "".join(f"<div class='c'><span>{t}</span></div>" for t in comments) + "".join(f"<div class='m'>{t}</div>" for t in modal))
    flat = " ".join(["阿青的读书群"] + note + modal)
    lines = [t for _tag, t in _recovered(body, f"<p>{flat}</p>", split=True)]
    assert lines[:len(note) + 1] == ["阿青的读书群"] + note and lines[-len(modal):] == modal, lines


def test_a_post_run_together_with_the_sites_links_above_it_is_split_into_its_blocks():
    # a microblog's page built of divs: the extractor runs the top bar's links (many, short) and the
    # post's text (a few long lines) into one paragraph; the links are most of the blocks but little of
    # the text, so the paragraph goes back to its blocks, each a line for the rules
    links = ["首页", "视频", "发现", "游戏", "注册", "登录", "运营老周"]
    post = ["做社群两年，踩过的坑总结一下，第一条是不要一上来就拉大群，先用种子用户把氛围定下来。",
            "第二条是群规要在进群时就发，违规的第一时间处理，拖得越久越难管。"]
    body = ("<div class='nav'>" + "".join(f"<div class='item'><a href='/{i}'>{t}</a></div>" for i, t in enumerate(links))
            + "</div>" + "".join(f"<div class='text'>{t}</div>" for t in post))
    lines = [t for _tag, t in _recovered(body, "<p>" + " ".join(links + post) + "</p>", split=True)]
    assert lines == links + post, lines


def test_a_paragraph_naming_what_an_info_box_names_is_not_split_into_the_box():
    # the paragraph says the entry's name, which the info box above says too: the blocks between
    # the two are not the paragraph's text
    text = "2023年12月，省政府批复设立某某高新技术产业开发区，标志着开发区正式运行。"
    body = ("<h1>某某高新技术产业开发区</h1><dl><dt>中文名</dt><dd>某某高新技术产业开发区</dd><dt>别名</dt><dd>某某高新区</dd></dl>"
            "<h2>目录</h2><ul><li>1历史沿革</li><li>2区域规划</li></ul><h2>历史沿革</h2>"
            f"<p>{text}</p><p>{PROSE[0]}</p>")
    lines = _recovered(body, f"<p>{text}</p><p>{PROSE[0]}</p>", split=True)
    assert [t for _tag, t in lines if t not in ("历史沿革",)] == [text, PROSE[0]]


def test_a_box_shown_on_hover_is_not_the_article(tmp_path):
    # the author's card explains its badge in a box shown on hover; a sentence of the article
    # that uses the same words stays
    card = ("<div class='user-info'><h4><a href='/profile/1'>某某经济网</a></h4><div class='badge-wrap'>"
            "<div class='badge-hover-wrap'><p>由内容质量、互动评论等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好。</p></div></div></div>")
    said = "社群里的勋章级别越高，成员越愿意发言，这是很多运营者的共同经验。"
    # (a picture the page zooms on hover is the article's)
    photo = "<div class='zoom-hover'><img src='https://img.example.com/2024/05/photo-of-the-group.jpg'></div>"
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:2]) + f"<p>{said}</p>" \
        + photo + "".join(f"<p>{p}</p>" for p in PROSE[2:])
    html = page(body).replace("<div class='main'>", f"<div class='main'>{card}")
    raw = run(tmp_path, html)
    out = texts(raw)
    assert "多维度分值决定" not in out and said in out and all(p in out for p in PROSE)
    assert "photo-of-the-group.jpg" in raw.body


def test_a_sites_link_after_the_last_sentence_goes_and_the_line_stays(tmp_path):
    # the story's credit line ends with the site's own link home; the credit is the story's
    credit = "（本文来源：某某日报 作者：某某研究院研究员李明）"
    body = ("<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
            + f"<p>{credit}<a href='https://www.example.com/'>返回首页，查看更多</a></p>"
            # a sentence that ends in a link of its own words stays whole, whatever the link says
            + "<p>活动结束以后，可以请成员把当天的合影<a href='/share'>分享到朋友圈</a></p>")
    out = texts(run(tmp_path, page(body)))
    assert credit in out and "查看更多" not in out
    assert "可以请成员把当天的合影分享到朋友圈" in out


def test_a_search_boxs_suggestions_and_a_recommended_story_after_the_article_go(tmp_path):
    # trending searches roll under the search box (one entry each, many of them, no sentence); the
    # page appends the next story it recommends, headline and all, under the article
    trending = "".join(f"<li>第{i}条热搜：某地楼市活跃度明显上升</li>" for i in range(30))
    search = f"<div class='search'><input type='text' value=''><ul class='carousel'>{trending}</ul></div>"
    other = ("<div class='detail__recommend--wrapper'><h1>另一篇被推荐的文章：一首老歌背后的故事</h1>"
             + "".join(f"<p>这是被推荐的另一篇文章的第{i}段，讲的是一位歌手的故事，和本文没有关系。</p>" for i in range(6)) + "</div>")
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    html = page(body).replace("<nav>", f"{search}<nav>").replace("</article></div>", f"</article>{other}</div>")
    assert "detail__recommend--wrapper" in html and "class='search'" in html
    raw = run(tmp_path, html)
    out = texts(raw)
    assert all(p in out for p in PROSE)
    assert "热搜" not in out and "被推荐的另一篇文章" not in out and "一首老歌" not in out
    assert "热搜" not in raw.meta.site
    # a part so named that holds the page's headline is the article's own wrapper
    wrapped = page("<div id='main-related-box'>" + body + "</div>")
    assert all(p in texts(run(tmp_path, wrapped, "wrapped.html")) for p in PROSE)
    # the search box is a form with all its suggestions, however long their list
    from opskb.ingest.pagetree import _tree
    from opskb.ingest.widgets import forms

    tree = _tree(html)
    found = forms(tree)
    carousel = next(el for el in tree.iter("ul") if el.get("class") == "carousel")
    assert any(carousel is f or any(a is f for a in carousel.iterancestors()) for f in found)
    assert not any(f.tag in ("article", "body") or f.find(".//article") is not None for f in found)
    # a filter box beside a listing whose entries are long (no sentence in them) is not the listing's form
    rows = "".join(f"<tr><td>第{i}期社群运营训练营线上课程安排与报名渠道以及往期学员作业点评汇总</td></tr>" for i in range(12))
    listing = f"<div class='listing'><input type='text' placeholder='筛选'><table>{rows}</table></div>"
    tree = _tree(page("<h1>社群运营训练营课程表</h1>" + listing + "".join(f"<p>{p}</p>" for p in PROSE)))
    table = next(tree.iter("table"))
    assert not any(table is f or any(a is f for a in table.iterancestors()) for f in forms(tree))


STREAM = "".join(
    f'<li class="stream-item"><img src="https://img.example.com/cards/{i}.jpg">'
    f'<span>某某日报 · {i + 1} 小时前</span><h4><a href="/news/{i}.html">第{i}条别的新闻的标题，讲的是另一件事</a></h4>'
    f"<p>这是第{i}条别的新闻的摘要，内容与本文无关，读者点开标题才会看到全文。</p></li>"
    + ("<li class='ad'><a href='/why'>广告</a> 为什么显示这个广告？</li>" if i == 1 else "")  # no card: the run is broken
    for i in range(5)
)
TOOLS = ("<ul><li>第一个工具是<a href='https://a.example.com'>社群管理助手</a>，它可以自动欢迎新成员入群。</li>"
         "<li>第二个工具是<a href='https://b.example.com'>用户标签系统</a>，它可以按行为给用户打标签。</li>"
         "<li>第三个工具是<a href='https://c.example.com'>活动报名表单</a>，它可以收集报名者的联系方式。</li></ul>")
FORWARD = ("<div class='forward'><div>转寄这篇文章</div><div>收件人 Email <input type='text' name='to'></div>"
           "<div>你的姓名 <input type='text' name='name'></div><div>留言内容<br><textarea name='m'></textarea></div>"
           "<input type='button' value='送出'></div>")


def test_other_stories_cards_and_a_form_are_not_the_article_but_its_own_list_of_links_is(tmp_path):
    # a stream of other stories under the article (picture, source and time, linked headline,
    # a summary that reads like prose; an ad among them) and a send-to-a-friend form go,
    # whatever they are called; the article's own list with a link inside each sentence stays
    body = ("<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:3]) + TOOLS
            + "".join(f"<p>{p}</p>" for p in PROSE[3:]) + f"<h2>大家都在看</h2><ul class='stream'>{STREAM}</ul>" + FORWARD)
    from opskb.pipeline import process

    (tmp_path / "page.html").write_text(page(body), encoding="utf-8")
    doc = process(read(tmp_path / "page.html"))
    out = "\n".join(b.plain_text() for b in doc.blocks)
    for p in PROSE:
        assert p in out
    for tool in ("社群管理助手", "用户标签系统", "活动报名表单"):
        assert tool in out
    for gone in ("别的新闻", "小时前", "收件人", "你的姓名", "留言内容"):
        assert gone not in out, gone
    assert not [b.src for b in doc.blocks if b.kind == "image"]


def test_a_form_is_the_largest_part_around_its_fields_without_a_sentence_and_card_lines_go_only_there():
    from lxml import html as lhtml
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.widgets import drop_lines, forms, inside
    from opskb.text import fold

    tree = lhtml.fromstring(
        "<html><body><div class='page'><article><p>" + PROSE[0] + "</p><p>" + PROSE[1] + "</p>"
        "<ul><li><input type='checkbox' checked> 已完成拉新任务</li></ul></article>" + FORWARD
        + "<div class='search'>站内搜索 <input name='q'></div></div></body></html>")
    found = {el.get("class") for el in forms(tree)}
    assert found == {"forward", "search"}  # not the page, nor the article's task list
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    gone = inside(blocks, forms(tree))
    assert sorted(blocks[i][1] for i in gone) == sorted(["转寄这篇文章", "收件人 Email", "你的姓名", "留言内容", "站内搜索"])
    # the extracted article holds a form's label, a line it shares with the form, and its text
    main = lhtml.fromstring(f"<div><p>{PROSE[0]}</p><p>你的姓名</p><p>{PROSE[1]}</p><p>站内搜索</p></div>")
    blocks.append((lhtml.fromstring("<p>站内搜索</p>"), "站内搜索", "站内搜索"))  # said outside the form too
    assert drop_lines(blocks, gone, main, ("p",)) == 1
    assert [p.text for p in main.iter("p")] == [PROSE[0], PROSE[1], "站内搜索"]


def test_the_article_beside_a_run_of_cards_of_its_own_tag_is_not_a_card():
    from lxml import html as lhtml
    from opskb.ingest.widgets import story_cards

    cards = "".join(f"<div><a href='/s/{i}'>推荐阅读第{i}篇：社群活跃的十个办法</a><span>阅读 {i}00</span></div>" for i in range(3))
    tree = lhtml.fromstring(f"<html><body><main><div><h1>社群运营入门</h1>{''.join(f'<p>{p}</p>' for p in PROSE * 3)}</div>"
                            f"{cards}</main></body></html>")
    found = story_cards(tree)
    assert len(found) == 3 and all("推荐阅读" in el.text_content() for el in found)


def test_an_article_whose_paragraphs_are_br_parted_lines_of_one_block_is_kept_once():
    # the extractor gives each line of the block as a paragraph; the page's block runs them all
    # together, stands between the first and last lines found (the headline, the closing stamp),
    # and must not come back as a paragraph of its own
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.recover import fold, recover

    tree = lxml.html.fromstring(page("<h1>社群运营和用户运营有什么不同</h1><div class='content'>" + "<br><br>".join(PROSE)
                                     + "</div><p>最近修改：2024-05-12 20:58</p>"))
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(tree)]
    main = lxml.html.fromstring("<div><h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
                                + "<p>最近修改：2024-05-12 20:58</p></div>")
    recover(blocks, main)
    assert [p.text_content() for p in main.iter("p")] == PROSE + ["最近修改：2024-05-12 20:58"]


def test_a_name_the_page_credits_as_its_editor_is_not_taken_for_the_author(tmp_path):
    body = "<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    for editor_line, author, expect in (("<p>[责任编辑：韩梅梅]</p>", "韩梅梅", ""), ("<p>（编辑：韩梅梅）</p>", "李雷", "李雷")):
        html = page(body + editor_line).replace("<head>", f"<head><meta name='author' content='{author}'>")
        assert run(tmp_path, html).meta.author == expect, (editor_line, author)


def test_a_gallery_of_the_articles_pictures_stays_and_a_row_of_pictures_linked_to_other_pages_goes(tmp_path):
    from opskb.pipeline import process

    gallery = "<p>" + "".join(f'<img src="https://img.example.com/2024/05/day-{i}.jpg">' for i in range(4)) + "</p>"
    carousel = "<p>" + "".join(f'<a href="/news/{i}.html"><img src="https://img.example.com/promo/{i}.jpg"></a>'
                               for i in range(3)) + "</p>"
    enlarge = '<p><a href="https://img.example.com/2024/05/big.jpg"><img src="https://img.example.com/2024/05/small.jpg"></a></p>'
    body = ("<h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE[:2]) + gallery + enlarge
            + "".join(f"<p>{p}</p>" for p in PROSE[2:4]) + carousel + f"<p>{PROSE[4]}</p>")
    path = tmp_path / "page.html"
    path.write_text(page(body), encoding="utf-8")
    pictures = [b.src for b in process(read(path)).blocks if b.kind == "image"]
    assert pictures == [f"https://img.example.com/2024/05/day-{i}.jpg" for i in range(4)] + ["https://img.example.com/2024/05/small.jpg"]


def test_paragraphs_with_footnote_anchors_are_kept(tmp_path):
    # an encyclopedia entry cites its references with a superscript and an empty named anchor
    # (<a name="ref_2"></a>); the extractor took a short paragraph holding one for a link list
    short = ["会员体系通过等级、积分和权益设计，把用户的长期价值和他能得到的回报联系起来。",
             "社群是私域里最常见的载体之一，品牌通常会按地域、兴趣或消费场景来建群。",
             "用户分层是私域运营的基础工作之一，常见做法是按消费金额和购买频次划分层级。"]
    sections = "".join(
        f'<h2>第{i + 1}节</h2><div class="para">{"".join(PROSE[i:] + PROSE[:i])}</div>'
        f'<div class="para">{text}<sup>[{i + 1}]</sup><a class="sup-anchor" name="ref_{i + 1}"></a></div>'
        for i, text in enumerate(short)
    )
    body = texts(run(tmp_path, page(f"<h1>社群运营和用户运营有什么不同</h1>{sections}")))
    for text in short:
        assert text in body
    assert "频道3新闻" not in body and "京ICP备" not in body
    # an empty link that has an address is a widget's placeholder, not an anchor: it stays for
    # the rules that read widgets
    tree = _tree('<html><body><p>甲<a name="x"></a>乙<a href="#"></a><a name="y"><img src="a.png"></a></p></body></html>')
    assert drop_empty_anchors(tree) == 1
    assert [a.get("name") or a.get("href") for a in tree.iter("a")] == ["#", "y"]
    assert tree.find(".//p").text_content() == "甲乙"


def test_numbered_section_headings_set_as_styled_lines_are_put_back(tmp_path):
    # a self-media platform sets its section headings as a styled line in a box of their own
    # (<div class="contentHeading"><span class="h3">一、……</span></div>); the extractor drops them
    heads = ["一、先想清楚用户为什么要待在群里", "二、给群定一个固定的节奏", "三、先让两成的人开口"]
    sections = "".join(
        f'<div class="module_contentHeading_3kLp"><span class="bjh-h3">{h}</span></div>'
        f"<p>{PROSE[i]}{PROSE[i + 1]}</p><p>{PROSE[i + 2]}{PROSE[i]}</p>"
        for i, h in enumerate(heads)
    )
    opening = "".join(PROSE[::-1])
    body = texts(run(tmp_path, page(f"<h1>社群运营和用户运营有什么不同</h1><p>{opening}</p>{sections}")))
    pos = [body.index(t) for t in [opening, heads[0], PROSE[0] + PROSE[1], heads[1], PROSE[1] + PROSE[2], heads[2], PROSE[2] + PROSE[3]]]
    assert pos == sorted(pos)
    assert "频道3新闻" not in body


def test_a_public_accounts_padded_part_numbers_are_put_back_as_headings():
    # a WeChat article numbers its parts 01, 02｜, PART 3 in a styled <section><strong><span>; the
    # extractor hands over the paragraphs without them
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.recover import recover
    from opskb.text import fold

    heads = ["01 标签太多，是因为没想清楚标签给谁用", "02｜三类标签，各管各的事", "PART 3 从标签到分层", "04 一个没有正文的编号行"]
    paras = [(PROSE[i] + PROSE[i + 1], PROSE[i + 2] + PROSE[i]) for i in range(3)]
    sections = "".join(
        f'<section style="border-left: 4px solid green"><strong><span style="font-size: 17px">{h}</span></strong></section>'
        + "".join(f"<p><span>{t}</span></p>" for t in pair) for h, pair in zip(heads, paras + [()], strict=True))
    intro = PROSE[3] + PROSE[4]
    page = _tree(f"<html><body><div id='js_content'><p><span>{intro}</span></p>{sections}<p>其他文章标题在这里</p></div></body></html>")
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring(f"<html><body><div><p>{intro}</p>" + "".join(f"<p>{t}</p>" for pair in paras for t in pair) + "</div></body></html>")
    recover(blocks, main)
    text = main.text_content()
    assert all(h in text for h in heads[:3]) and heads[3] not in text, text
    assert all(h + pair[0] in text for h, pair in zip(heads[:3], paras, strict=True)), text  # each right above its text


def test_a_part_heading_under_its_number_set_apart_is_put_back():
    # the part's number in a big block of its own (01), its heading in the block under it, with a
    # comma in it; the extractor kept the text under them only
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks
    from opskb.ingest.recover import recover
    from opskb.text import fold

    parts = [("01", "建群第一周，决定留存的一大半", PROSE[0]), ("02", "给群一个固定节奏，而不是一直发活动", PROSE[1])]
    sections = "".join(f'<section><section style="font-size: 34px"><span>{n}</span></section>'
                       f'<section style="font-weight: bold"><span>{h}</span></section></section><p><span>{t}</span></p>'
                       for n, h, t in parts)
    page = _tree(f"<html><body><div id='js_content'><p><span>{PROSE[2]}</span></p>{sections}<p><span>{PROSE[3]}</span></p></div></body></html>")
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring("<html><body><div>" + "".join(f"<p>{t}</p>" for t in (PROSE[2], PROSE[0], PROSE[1], PROSE[3])) + "</div></body></html>")
    recover(blocks, main)
    text = main.text_content()
    assert all(h + t in text for _n, h, t in parts), text  # each right above its text
    # a short line under something else than a number (a caption under a picture) stays out
    page = _tree(f"<html><body><div><p>{PROSE[2]}</p><section>图注</section><section>配图来自网络，侵删</section><p>{PROSE[0]}</p></div></body></html>")
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring(f"<html><body><div><p>{PROSE[2]}</p><p>{PROSE[0]}</p></div></body></html>")
    recover(blocks, main)
    assert "侵删" not in main.text_content()


def test_a_marquees_scrolling_notices_are_no_part_of_the_article(tmp_path):
    notice = "热烈祝贺某某协会第三届会员代表大会胜利召开！2024年度会员会费缴纳工作已经开始，请各会员单位及时办理。"
    body = f"<marquee scrollamount='3'>{notice}</marquee><h1>社群运营和用户运营有什么不同</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    out = texts(run(tmp_path, page(body)))
    assert PROSE[0] in out and "会费" not in out


def test_a_company_news_page_whose_h1_is_the_logo_takes_the_headline_its_title_shortens(tmp_path):
    # the only h1 holds the logo; the headline sits in a table cell, whole; the <title> gives its
    # start, the column and the company; the left column's contact box, in the same table, comes first
    logo = '<h1 class="logo"><a href="/"><img src="/logo.png" alt="某某科技 - 会员运营服务商"></a></h1>'
    side = ("<div class='left'><h3>联系我们</h3><p>杭州某某信息技术有限公司</p><p>电话：0571-88886666</p>"
            "<p>地址：杭州市西湖区文三路 100 号</p></div>")
    headline = "某某科技发布社群助手3.0 上线自动分层与积分任务"
    body = (f"<table><tr><td class='left' rowspan='3'>{side}</td><td class='show_title'><font>{headline}</font></td></tr>"
            "<tr><td class='info'>发布时间：2024-03-06 作者：市场部</td></tr><tr><td id='newsContent'>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</td></tr></table>")
    html = page(body, title="某某科技发布社群助手3.0-公司新闻-杭州某某信息技术有限公司")
    html = html.replace("<nav>", logo + "<nav>")
    assert run(tmp_path, html).meta.title == headline


def test_a_subtitle_an_h1_sets_under_a_line_break_is_not_the_headline(tmp_path):
    # 标题<br><span>副题</span> in one h1: the <title> names the line above the break
    h1 = "<h1>老小区的团购群变成了邻居群<br><span class='sub_title'>一位团长把五百人的群做成了周末市集</span></h1>"
    body = h1 + "<div class='info'>2024-05-13 09:40 来源：某某在线</div>" + "".join(f"<p>{p}</p>" for p in PROSE)
    assert run(tmp_path, page(body, title="老小区的团购群变成了邻居群 - 社区生活 - 某某在线")).meta.title == "老小区的团购群变成了邻居群"
    # a headline set on two lines, the <title> holding both: the whole h1
    two = "<h1>社群运营的十个常见误区<br>新手一定要看</h1>" + "".join(f"<p>{p}</p>" for p in PROSE)
    title = run(tmp_path, page(two, title="社群运营的十个常见误区，新手一定要看_某某网"), "two.html").meta.title
    assert title.startswith("社群运营的十个常见误区") and title.endswith("新手一定要看")


def test_a_short_line_the_page_shows_twice_does_not_pull_the_alignment_past_the_text():
    # a topic's category badge by its headline and again in the list of suggested topics under it:
    # the extractor's output holds the posts, then that list; the posts still find their places
    from opskb.ingest.recover import _align
    from opskb.text import fold

    page = ["会员与忠诚度", "积分体系怎么改", *PROSE, "推荐话题", "积分商城的商品怎么选", "会员与忠诚度", "小程序签到有没有用", "会员与忠诚度"]
    blocks = [(None, t, fold(t)) for t in page]
    kept = [(None, fold(t)) for t in [*PROSE, "积分商城的商品怎么选", "会员与忠诚度", "小程序签到有没有用", "会员与忠诚度"]]
    aligned = _align(blocks, kept)
    assert [aligned.get(i) for i in range(2, 2 + len(PROSE))] == list(range(len(PROSE)))


def test_an_h1_with_a_kicker_before_the_headline_the_title_gives():
    # the <title> drops the kicker (引题) the h1 opens with, and the quotes
    h1 = "付费会员贡献近三成营收 某某超市押注“会员制”能走多远？"
    assert choose_title(["某某超市押注会员制能走多远？_公司新闻_某某财经网"], [h1]) == h1
    # a badge before it is no kicker: the title as it is
    assert choose_title(["某某超市押注会员制能走多远？_公司新闻_某某财经网"], ["【独家】某某超市押注会员制能走多远？"]) == "某某超市押注会员制能走多远？"


def test_an_h1_that_names_a_column_or_the_site_is_not_the_headline(tmp_path):
    # a school's news page: the h1 is the column (学院新闻), the headline a styled div the <title> opens with
    headline = "我院举办“社群运营实务”校友工作坊"
    body = (f"<h1>学院新闻</h1><div class='arti_title'>{headline}</div><div class='arti_metas'>发布时间：2019-11-22</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    assert run(tmp_path, page(body, title=f"{headline}-某某大学新闻传播学院")).meta.title == headline
    # a notice whose <title> is the column, a shortened headline and the site; the page shows the
    # column's name on a line of its own and the headline whole, words added
    notice = "有关举办「会员忠诚计划实务」工作坊的通告"
    body = (f"<div class='col'>协会通告</div><table><tr><td class='tt'>{notice}</td></tr></table>"
            "<div class='date'>2011-08-03</div>" + "".join(f"<p>{p}</p>" for p in PROSE))
    assert run(tmp_path, page(body, title="协会通告 - 会员忠诚计划实务工作坊 - 某某连锁店协会"), "notice.html").meta.title == notice


NOTICE = [
    "工作坊以小组讨论及个案分析形式进行，参加者需于课前填写一份有关所属机构会员计划现况的简单问卷，以便讲者针对各机构的实际情况作出回应。",
    "费用：会员机构每位八百元，非会员机构每位一千二百元（费用包括讲义及茶点）。同一会员机构报名三位或以上，每位可获九折优惠。",
    "报名方法：请填妥报名表格，连同支票于八月二十六日或之前邮寄或亲身交回本会秘书处。名额三十个，先到先得，额满即止。",
    "完成全部课堂的参加者将获颁发出席证书。如因台风或暴雨警告信号取消课堂，本会将另行通知补课安排，请各会员机构留意。",
]


def _table_layout(main_cell: str) -> str:
    """An old association site laid out in tables: a menu and a sidebar of notices in the left cell,
    the notice in the right one, an address and a copyright in the last row."""
    menu = "".join(f'<tr><td class="menu"><a href="page.aspx?m={i}">栏目{i}</a></td></tr>' for i in range(10))
    notices = "".join(f'<tr><td><a href="notice.aspx?id={i}">关于第{i}期会员服务培训的通知安排</a><br>'
                      f'<span class="date">2011-07-{10 + i}</span></td></tr>' for i in range(12))
    return (
        "<!DOCTYPE html><html><head><title>协会通告 - 会员社群运营工作坊 - 某某连锁店协会</title></head><body>"
        "<table width='980'><tr><td><a href='/'>首页</a> | <a href='/en'>English</a> | 会员登录</td></tr><tr><td>"
        "<table width='100%'><tr valign='top'><td width='200'>"
        f"<table>{menu}</table><table><tr><td><b>最新通告</b></td></tr>{notices}</table>"
        "<table><tr><td class='date'>本会办公时间：星期一至五 上午9时至下午6时（公众假期休息）</td></tr></table>"
        f"</td><td width='780'>{main_cell}</td></tr></table></td></tr>"
        "<tr><td class='footer'><a href='/d'>免责声明</a> | <a href='/p'>隐私政策</a><br>"
        "某某市某某区某某道62号某某广场12楼　电话：(852) 2736 8123　传真：(852) 2736 8456<br>"
        "版权所有 © 2011 某某连锁店协会有限公司，保留一切权利。<br>"
        "最佳浏览分辨率 1024 x 768，建议使用 Internet Explorer 7.0 或以上版本浏览本网站</td></tr></table></body></html>"
    )


def test_a_page_laid_out_in_tables_keeps_the_cell_holding_its_sentences_and_loses_the_sidebar(tmp_path):
    # a table layout no extractor tells apart (its text comes back whole): the cell holding most of
    # the page's sentences is the story; the sidebar's notices, office hours and the footer go
    headline = "有关举办“会员社群运营实务”工作坊的通告"
    cell = (f"<table><tr><td>你的位置：<a href='/'>首页</a> &gt; 协会通告 &gt; 通告内容</td></tr>"
            f"<tr><td class='title'>{headline}</td></tr><tr><td class='date'>发布日期：2011-08-05</td></tr>"
            "<tr><td class='content'>" + "".join(f"<p>{p}</p>" for p in PROSE + NOTICE)
            + "</td></tr><tr><td><a href='javascript:history.back()'>返回上一页</a> | <a href='#'>打印本页</a></td></tr></table>")
    raw = run(tmp_path, _table_layout(cell))
    out = texts(raw)
    assert all(p in out for p in PROSE)
    for chrome in ("关于第2期会员服务培训的通知安排", "本会办公时间", "某某广场12楼", "最佳浏览分辨率", "栏目3"):
        assert chrome not in out, chrome
    assert raw.meta.title == headline


def test_a_reporters_credit_above_the_text_is_not_the_headline(tmp_path):
    # a digital paper's page: no h1, a <title> of the paper, date and page; the headline a cell
    # above the reporter's credit (本报记者 某某 文/摄), which is no headline
    headline = "老菜场“夜班”开张 街坊们又多了个去处"
    cell = (f"<table><tr><td class='font01'>{headline}</td></tr>"
            "<tr><td class='font02'>本报记者 宋某某 文/摄</td></tr><tr><td>"
            + "".join(f"<p>{p}</p>" for p in PROSE + NOTICE) + "</td></tr></table>")
    html = _table_layout(cell).replace("协会通告 - 会员社群运营工作坊 - 某某连锁店协会", "某某晚报数字报-2023年05月12日-A05版")
    assert run(tmp_path, html).meta.title == headline


def test_an_h1_the_title_names_after_the_headline_is_a_columns_name(tmp_path):
    # a paid column's lesson: the h1 is the column (its <title>'s middle part), the lesson's
    # headline a styled div the <title> opens with
    lesson = "07｜500人的群，怎样才能不变成广告群？"
    body = (f"<h1>社群运营实战36讲</h1><div class='article-title'>{lesson}</div><div class='meta'>讲述：陈某 2019-06-11</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    assert run(tmp_path, page(body, title=f"{lesson}-社群运营实战36讲-某某学堂")).meta.title == lesson


def test_lines_set_in_bold_between_kept_paragraphs_are_section_headings_put_back():
    # an official-account article saved from the browser (tests/data/news-pages-3): its section
    # headings are bold lines in styled sections, which the extractor drops
    raw = locate(read(DATA / "news-pages-3" / "pages" / "04_wechat_article_utf8.html"))
    out = texts(raw)
    heads = [f"坑{n}" for n in range(1, 8)]
    at = [out.find(h) for h in heads]
    assert -1 not in at and at == sorted(at)
    assert at[0] > out.index("今天把其中最痛的7个整理出来") and out.index("最开始团队的KPI") > at[0]
    # a bold phrase inside a paragraph is no heading: the paragraph holding it stays one line
    assert out.count("标签的价值在于被使用") == 1


def test_a_box_of_copy_closed_by_a_button_is_a_banner_wherever_it_stands(tmp_path):
    # a vendor's blog: a banner between two sections (a question, a line of copy, a trial button)
    banner = ("<div class='cta'><p class='text-xl'>还在用表格做会员分层？</p>"
              "<p>某某系统内置分层模型，打通门店和小程序数据，一键生成分层人群</p>"
              "<a href='/trial?utm_source=blog'>免费试用14天</a></div>")
    body = (f"<h2>步骤三：定义目标</h2><p>{PROSE[0]}</p><p>{PROSE[1]}</p>{banner}"
            f"<h2>步骤四：设计触达</h2><p>{PROSE[2]}</p><p>{PROSE[3]}</p><p>{PROSE[4]}</p>")
    out = texts(run(tmp_path, page(body)))
    assert all(p in out for p in PROSE) and "步骤四：设计触达" in out
    assert "还在用表格做会员分层" not in out and "免费试用" not in out
    # an app's banner: its title and subtitle in a box of their own, the button, then the close mark
    app = ("<div class='app_banner'><img src='/logo.png' alt=''><div class='app_text'><p>打开某吧App，阅读体验更好</p>"
           "<p>看更多精彩回复，还能领取经验值</p></div><a href='app://open'>立即打开</a><span class='close'>×</span></div>")
    out = texts(run(tmp_path, page(app + "".join(f"<p>{p}</p>" for p in PROSE)), "app.html"))
    assert all(p in out for p in PROSE) and "看更多精彩回复" not in out
    # a reply's line with its 回复 link is not a box of copy
    reply = f"<div class='post'><p>{PROSE[1][:30]}</p><a href='#r1'>回复</a></div>"
    out = texts(run(tmp_path, page(f"<p>{PROSE[0]}</p>{reply}<p>{PROSE[2]}</p><p>{PROSE[3]}</p>"), "reply.html"))
    assert PROSE[1][:30] in out


def test_a_forums_card_of_figures_and_its_slogan_go_above_the_thread(tmp_path):
    # a bar's card above a thread: its name, 关注：N 贴子：N and its slogan, never the thread's
    raw = locate(read(DATA / "forum-pages" / "pages" / "tieba-k6.html"))
    out = texts(raw)
    assert "拒绝加群广告" not in out and "32,418" not in out and "186,952" not in out
    assert "刚接手公司的社群" in out and "红包促活是最没用的" in out
    # a member's figures said in a post's sentence stay with it
    said = "我们的社群现在关注：1200 人，帖子：300 篇，三个月涨了一倍，靠的是每周固定的话题。"
    body = f"<p>{PROSE[0]}</p><p>{said}</p><p>{PROSE[1]}</p><p>{PROSE[2]}</p>"
    assert said in texts(run(tmp_path, page(body)))


def test_an_articles_comments_section_goes_whole_under_its_label():
    # a city portal's story (tests/data/unseen-pages-5): under it a section opened by 网友评论 and its
    # count, the readers' comments in a list with their floors
    out = texts(locate(read(DATA / "unseen-pages-5" / "pages" / "city_portal_community.html")))
    assert "徐晓燕希望能把经验分享给更多社区" in out
    assert "为徐大姐点赞" not in out and "孩子最喜欢里面的手工课" not in out


def test_a_blogs_name_in_its_header_does_not_pull_the_dropped_headings_out_of_place():
    # a blog's name in its header h1, sections under bold h3 headings that trafilatura dropped, and
    # the credit closing the post names the blog again: the headings are put back where they stand,
    # not after the credit (the name is no anchor there)
    blog = "老周的数据化用户运营笔记"
    heads = ["一、先说清楚什么是分层", "二、取数口径比模型更重要", "三、从打分到分层", "四、落地效果"]
    paragraphs = [(PROSE[n], f"这一节的做法我们在第{n + 1}家门店先试了一个月，数据确认没有问题以后才推广到全部门店。") for n in range(len(heads))]
    lead = "上个月会员团队来问我能不能把会员分个层，需求很朴素，做起来坑比想象中多。"
    credit = f"本文出自“{blog}”博客，请务必保留此出处。"
    sections = "".join(f"<h3><strong>{h}</strong></h3><p>{a}</p><p>{b}</p>" for h, (a, b) in zip(heads, paragraphs, strict=True))
    html = (f"<html><body><div class='top'><a href='/'>首页</a> | <a href='/bbs'>论坛</a></div><h1>{blog}</h1>"
            f"<div id='content'><p>{lead}</p>{sections}<p>{credit}</p></div>"
            "<footer>Copyright © 2014 某某博客 版权所有</footer></body></html>")
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(_tree(html))]
    kept = "".join(f"<p>{t}</p>" for t in [lead, *(t for pair in paragraphs for t in pair), credit])
    main = lxml.html.fromstring(f"<html><body>{kept}</body></html>")
    recover(blocks, main)
    body = lxml.html.tostring(main, encoding="unicode")
    at = [body.index(h) for h in heads] + [body.index("本文出自")]
    assert at == sorted(at)
    assert all(body.index(h) < body.index(a) for h, (a, _b) in zip(heads, paragraphs, strict=True))


def test_a_code_span_inside_a_sentence_stays_in_its_paragraph(tmp_path):
    # trafilatura sets an inline <code> apart as a block of code: the sentence is put back together,
    # while a block of code of several lines stays a block
    sentence = ("表单对象在 data 里初始化成 <code>{name: ''}</code>。后来根据接口返回，需要动态给表单加一个字段，我直接写了 "
                "<code>this.form.age = 18</code>，页面上的输入框却一直是空的。")
    block = "<pre><code>created () {\n  this.form.age = 18\n}</code></pre>"
    body = run(tmp_path, page(f"<h1>社群后台的表单为什么不更新</h1><p>{PROSE[0]}</p><p>{sentence}</p>{block}<p>{PROSE[1]}</p>")).body
    doc = lxml.html.fromstring(body)
    held = [p for p in doc.iter("p") if "初始化成" in p.text_content()]
    assert len(held) == 1 and "页面上的输入框却一直是空的" in held[0].text_content(), body
    assert any("\n" in pre.text_content() and "this.form.age = 18" in pre.text_content() for pre in doc.iter("pre")), body


def test_a_block_the_markup_names_a_subheading_comes_back_as_a_heading():
    # a weekly's article (tests/data/article-pages-3): its section headings are divs of class subhead
    # between the paragraphs, which the extractor drops
    blocks = parse(locate(read(DATA / "article-pages-3" / "pages" / "09_hk_magazine_big5_bingsutt.html"))).blocks
    lines = [(b.kind, b.plain_text()) for b in blocks]
    heads = [t for k, t in lines if k == "heading"]
    assert "一杯奶茶的堅持" in heads and "消失中的冰室文化" in heads  # (Traditional: converted later)
    at = [t for _k, t in lines].index("消失中的冰室文化")
    assert lines[at - 1][1].startswith("消息傳出後") and lines[at + 1][1].startswith("冰室在五六十年代")


def test_buttons_drawn_as_an_icon_and_a_tally_go_but_an_icon_led_list_of_the_article_stays(tmp_path):
    """A page draws its buttons as an icon-font glyph and a label, often with a count (同问（27）,
    ♥ 收藏 1.2万): one such button, or a row of them with a tally among them, goes wherever it
    stands. A list of the article that puts an icon before each item (and no counts) stays, and so
    does a sentence that happens to end with a figure."""
    icon = "<i class='iconfont icon-{}'></i>"
    row = (f"<div class='ops'><span class='op'>{icon.format('eye')}浏览 3,406</span>"
           f"<span class='op'>{icon.format('star')}收藏问题</span><span class='op'>{icon.format('same')}同问（27）</span></div>")
    lone = "<p><span class='like'><svg viewBox='0 0 16 16'><path d='M1 1'/></svg>赞 1.2万</span></p>"
    listed = ("<ul class='points'>" + "".join(f"<li>{icon.format('check')}{t}</li>" for t in ("入群欢迎语", "每周固定话题", "月度复盘"))
              + "</ul>")
    said = "<p>我们测了一个月，最后留下来的活跃成员是 27</p>"
    body = f"<h1>社群运营和用户运营有什么不同</h1><p>{PROSE[0]}</p>{row}<p>{PROSE[1]}</p>{listed}<p>{PROSE[2]}</p>{lone}<p>{PROSE[3]}</p>{said}"
    out = texts(run(tmp_path, page(body)))
    for gone in ("浏览 3,406", "收藏问题", "同问", "1.2万"):
        assert gone not in out, gone
    for kept in ("入群欢迎语", "每周固定话题", "月度复盘", PROSE[3], "最后留下来的活跃成员是 27"):
        assert kept in out, kept


def _video_page() -> str:
    """A video site's page: menus, player, counters and a sidebar of other videos, all spans in
    divs; the description one span of lines (white-space: pre-line); a long comments section."""
    menu = "".join(f"<li class='entry'><a href='/c{i}'><span>分区{i}</span></a></li>" for i in range(10))
    side = "".join(f"<div class='card'><a href='/v{i}'><span class='t'>另一个修理老物件的视频第{i}期</span></a>"
                   f"<span class='up'>某某修理铺{i}</span><span class='st'>{i + 3}.2万播放 · 2023-0{i % 9 + 1}-03</span></div>"
                   for i in range(8))
    comments = "".join(f"<div class='reply-item'><div class='user'>网友{i}</div><div class='text'><span class='reply-content'>"
                       f"{PROSE[i % len(PROSE)]}我也是这么想的，看完又回去翻了一遍自己的笔记。</span></div>"
                       f"<div class='info'><span>2023-10-2{i}</span><span>回复</span></div></div>" for i in range(8))
    desc = "\n".join(["把家里一台老式收音机拆开清洁、换了电容，前后用了三个周末。", "", "主要问题：",
                      "一是音量旋钮氧化，转起来沙沙响；", "二是中波收不到台，最后发现是天线线圈断了一根线。", "",
                      "新手不建议直接碰电源部分，注意安全。"])
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>修好了一台老收音机_哔某某</title></head><body>"
            f"<div id='header'><ul class='left'>{menu}</ul><span class='login'>登录</span></div>"
            "<div class='container'><div class='left'><div class='info'><h1 class='video-title'>修好了一台老收音机</h1>"
            "<div class='detail'><span class='view'>12.3万</span><span class='dm'>1846</span><span>2023-10-22 19:30:11</span>"
            "<span class='copyright'>未经作者授权，禁止转载</span></div></div>"
            "<div class='player'><div class='state'>正在缓冲...</div><div class='toast'><span>记忆你上次看到 03:27，正在为你续播</span></div>"
            "<div class='sending'><span>42 人正在看</span><span>，已装填 1846 条弹幕</span><div class='send'>发送</div></div></div>"
            f"<div class='desc'><span class='desc-text' style='white-space:pre-line'>{desc}</span></div>"
            f"<div id='comment' class='comment-m'><div class='header'><span>评论</span><span>2563</span></div>{comments}</div></div>"
            f"<div class='right'><div class='up-info'><span>某某修理铺</span><span>一个喜欢修旧东西的普通上班族，周末更新</span></div>"
            f"<div class='rec-list'>{side}</div></div></div></body></html>")


def test_a_video_pages_description_is_its_text_not_its_menus_player_and_sidebar(tmp_path):
    # trafilatura leaves the comments out and keeps all else as one paragraph: not an article
    raw = run(tmp_path, _video_page())
    out = texts(raw)
    for line in ("把家里一台老式收音机拆开清洁、换了电容", "二是中波收不到台，最后发现是天线线圈断了一根线。", "新手不建议直接碰电源部分"):
        assert line in out
    for chrome in ("分区3", "已装填 1846 条弹幕", "另一个修理老物件的视频", "一个喜欢修旧东西的普通上班族", "2563"):
        assert chrome not in out, chrome


def test_a_question_page_whose_title_and_h1_name_its_course_takes_the_question_in_its_titled_box(tmp_path):
    # <title> 问答详情 - 课程名 - 站点, the h1 the course's name: the question is the headline
    answers = "".join(f"<div class='qa-item qa-answer'><div class='qa-user'>学员{i}</div><div class='qa-body'><p>{p}</p></div>"
                      f"<div class='qa-foot'><span>2018-03-0{i + 1}</span><span>赞 {i * 3}</span></div></div>"
                      for i, p in enumerate(PROSE[:3]))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>问答详情 - 用户运营实战三十讲 - 某某课堂</title></head><body>"
            f"<nav><ul>{MENU}</ul></nav><div class='course-hd'><h1 class='course-title'>用户运营实战三十讲</h1><span>12,806 人已学习</span></div>"
            "<div class='qa-detail'><h2 class='lesson-name'>第12讲 | 用户分层</h2>"
            "<div class='qa-item qa-question'><h3 class='qa-title'>只有三个人的小团队，用户分层该从哪里开始？</h3>"
            "<div class='qa-body'>老师好，我们团队连我在内一共三个人，课里讲的模型要先做数据清洗，我们没有这个条件。</div></div>"
            f"<div class='qa-answers'>{answers}</div></div><footer>Copyright 2018 某某课堂 京ICP备16055120号</footer></body></html>")
    assert run(tmp_path, html).meta.title == "只有三个人的小团队，用户分层该从哪里开始？"


def test_a_side_column_beside_the_question_goes_and_a_question_the_page_shows_only_in_its_text_is_the_headline(tmp_path):
    # a paid Q&A page: the h1 is the logo, the question stands only in <title> and in the asker's text,
    # over it the asker's line (某某 向 某某 提问 ¥ 88); beside it a side column: the expert's card, hot experts
    question = "连锁烘焙店想做九十九元的付费会员卡，会员权益该怎么设计才不会亏？"
    intro = "十二年零售会员体系经验，服务过烘焙、茶饮、母婴等四十余个连锁品牌，擅长付费会员设计。"
    experts = "".join(f"<li><a href='/e/{i}'>行家{i}</a> · 某某品牌会员增长负责人</li>" for i in range(4))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{question} - 周老师的回答 - 某问</title></head><body>"
            f"<div class='hd'><h1 class='logo'><a href='/'>某问</a></h1><ul>{MENU}</ul></div>"
            "<div class='qa-wrap'><div class='qa-main'><div class='q-card'><div class='q-meta'><span>烘焙小店长</span>"
            "<span>向 <a href='/e/zhou'>周老师</a> 提问</span><span>¥ 88</span></div>"
            "<div class='q-text'><p>我们在二线城市有二十三家门店，老板想推付费会员卡，年费九十九元。</p>"
            "<p>财务担心会亏，想请教周老师：会员权益该怎么设计才不会亏？</p></div></div>"
            f"<div class='answer'>{''.join(f'<p>{p}</p>' for p in PROSE)}</div></div>"
            f"<div class='qa-side'><div class='card'><div class='name'>周老师</div><div class='intro'>{intro}</div>"
            f"<a href='/e/zhou/ask'>向TA提问 ¥88</a></div><div class='block'><div class='block-title'>热门行家</div><ul>{experts}</ul></div></div></div>"
            "<footer>Copyright 2017 某问 京ICP备12345678号</footer></body></html>")
    raw = run(tmp_path, html)
    out = texts(raw)
    assert raw.meta.title == question
    assert all(p in out for p in PROSE) and "老板想推付费会员卡" in out
    assert intro not in out and "某某品牌会员增长负责人" not in out
    assert [el.get("class") for el in sidebars(_tree(html))] == ["qa-side"]
    # a note box inside an article stands among its paragraphs, not beside a column: it stays
    note = "注：文中的门店数据来自二〇一七年的公开年报，后续年份的数字请以企业公告为准，这里只作举例说明。"
    body = f"<div>{PROSE[0]}</div><div class='side-note'>{note}</div>" + "".join(f"<div>{p}</div>" for p in PROSE[1:])
    assert not sidebars(_tree(page(body)))
    assert note in texts(run(tmp_path, page(body), "note.html"))
    # a saved page of that kind whose extraction kept the side column (tests/data/forum-pages-20)
    saved = texts(locate(read(DATA / "forum-pages-20" / "pages" / "10_hangwen_paidqa_utf8.html")))
    assert "擅长付费会员设计与储值体系搭建" not in saved and "热门行家" not in saved and "单个会员年利润" in saved


def test_a_columns_sections_set_as_h1s_under_its_own_h1_come_back_as_headings():
    # a video site's column (tests/data/forum-pages-21): its headline an h1, each section's title an h1 too
    out = texts(locate(read(DATA / "forum-pages-21" / "pages" / "06_ciyuan_column_article.html")))
    assert all(f"误解{n}：" in out for n in "一二三四五")
    assert out.index("误解一：") < out.index("刚开始我逼自己一周三更") < out.index("误解二：")



def test_a_pictures_caption_in_a_box_its_class_calls_a_caption_is_its_text(tmp_path):
    # a saved group topic (blind set 74): the picture in div.image-wrapper, its caption in the
    # div.image-caption after it; the extractor dropped both, and the picture comes back captioned
    from opskb.pipeline import process

    saved = Path(__file__).resolve().parents[1] / "data" / "forum-pages-27" / "pages" / "05_douya_group_dushuhui.html"
    doc = process(read(saved))
    pictures = [(b.src, b.text) for b in doc.blocks if b.kind == "image"]
    assert ("https://img9.douyaio.com/view/group_topic/l/public/p452210871.webp", "第一次线下活动，在一家很小的独立书店") in pictures
    # ... and a box after the picture that no class calls a caption is not one
    (tmp_path / saved.name).write_bytes(saved.read_bytes().replace(b'class="image-caption"', b'class="image-tools"'))
    doc = process(read(tmp_path / saved.name))
    assert all(text != "第一次线下活动，在一家很小的独立书店" for _s, text in ((b.src, b.text) for b in doc.blocks if b.kind == "image"))


def test_a_cover_picture_above_the_article_comes_back_with_its_caption_a_banner_does_not(tmp_path):
    # a saved portal page (mixed-pages-6): the cover picture above the first paragraph, its caption in
    # a span its class calls one (img_descr); the extractor dropped both: the picture comes back,
    # its caption its text
    from opskb.pipeline import process

    saved = process(read(DATA / "mixed-pages-6" / "pages" / "01_portal_siyu_dianshang.html"))
    assert [b.text for b in saved.blocks if b.kind == "image"] == ["一家网店的客服人员正在同时管理多个微信群（资料图）"]
    assert saved.blocks[0].kind == "image" and saved.blocks[1].text.startswith("新澜科技讯")
    # a picture above the article with no caption beside it is a banner: not put back
    body = ("<div class='img_wrapper'><img src='https://img.example.com/2024/05/banner-wide.jpg' alt='社群运营'></div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    doc = process(read(_write(tmp_path, "banner.html", page(body))))
    assert not [b for b in doc.blocks if b.kind == "image"] and doc.blocks[0].text == PROSE[0]


def test_a_figures_caption_says_more_than_the_pictures_alt_text(tmp_path):
    # saved pages (mixed-pages-6): a cover figure in the header whose alt text is a name the caption
    # holds, and a cover picture above the text captioned in a paragraph its class calls a caption
    from opskb.pipeline import process

    pages = DATA / "mixed-pages-6" / "pages"
    texts_of = {name: [b.text for b in process(read(pages / name)).blocks if b.kind == "image"]
                for name in ("02_hk_chachaanteng_app.html", "05_huxiu_yonghu_zengzhang.html")}
    assert texts_of["02_hk_chachaanteng_app.html"] == ["兴隆冰室的职员向长者示范如何在手机上集印花。（梁咏芝摄）"]
    assert texts_of["05_huxiu_yonghu_zengzhang.html"] == ["题图：一家社区生鲜店门口贴出的“进群领鸡蛋”海报"]


def test_a_deck_above_a_cover_picture_stays_above_it(tmp_path):
    # a saved feature (mixed-pages-5): the deck the page's description begins with, then the cover
    # picture and its caption, then the article; the picture does not push the deck out
    from opskb.pipeline import process

    doc = process(read(DATA / "mixed-pages-5" / "pages" / "04_membership_economy_tw.html"))
    first = [(b.kind, b.text[:12]) for b in doc.blocks[:3]]
    assert first[0] == ("paragraph", "从订阅制到付费会员，品牌") and first[1][0] == "image", first
    assert doc.blocks[1].text.startswith("付费会员的权益若能在前三个月让顾客有感")


def _write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_readers_comments_below_a_story_are_not_put_back_but_a_short_posts_are(tmp_path):
    """A box the page's markup names a comments section (class comment-…), with no label the rules
    know over it (我要评论), below a story of several paragraphs: its comments are not the story's text.
    Below a short post (a video's two lines) the comments are what the page says."""
    comments = ["办卡的时候没多想，后来发现一个月也去不了两次。", "年费就是门槛，本来也不是给所有人开的。"]
    box = ("<div class='comment-box'><h3>我要评论</h3>"
           + "".join(f"<div class='cmt-item'><a href='/u{n}'>网友{n}</a><div class='cmt-txt'>{c}</div>"
                     f"<span>08-28 09:1{n}</span><a href='#'>支持(12)</a></div>" for n, c in enumerate(comments))
           + "</div>")
    story = "".join(f"<p>{a}{b}</p>" for a, b in zip(PROSE, PROSE[1:] + PROSE[:1], strict=True))

    def below(body: str) -> set[str]:
        blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(_tree(f"<html><body>{body}{box}</body></html>"))]
        boxes = {a for el, _t, _k in blocks for a in el.iterancestors() if a.get("class") == "comment-box"}
        return {blocks[i][1] for i in inside(blocks, below_article(blocks, list(boxes), MIN_ARTICLE_ELEMENT_HAN))}

    assert set(comments) <= below(story)
    assert not below("<p>开店第三年，第一次拉了顾客群。</p><p>#社群运营 #开店日记</p>")
    # on a whole page: the story stays, and its readers' comments do not come back between its last
    # paragraph and the stories listed under them
    listed = "".join(f"<li><a href='/s{i}'>会员店的第{i}个难题：大包装与小家庭</a><span>商业观察 · 08-2{i}</span></li>"
                     for i in range(4))
    out = texts(run(tmp_path, page(story + box + f"<div class='feed-card'><div>猜你喜欢</div><ul>{listed}</ul></div>")))
    assert PROSE[-1] in out and not any(c in out for c in comments)
