"""Forum threads and Q&A pages: the question or first post and every reply, in order, each
under a heading with its poster's name; the template around the posts (names, dates,
badges, counters, buttons) and the lists beside them gone. Pages we write ourselves."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from opskb.evaluate import page_text
from opskb.ingest.locate import locate
from opskb.ingest.pagetree import _text
from opskb.ingest.read import read
from opskb.ingest.thread import find_thread
from opskb.pipeline import ingest
from opskb.text import fold

# a heading the thread gives a post: 回复 2 · 老王, or 第 2 条回复 without a name
POST_HEADING = re.compile(r"(?:回复|回答) \d+|第 \d+ (?:条回复|个回答)")

NAV = "".join(f'<li><a href="/f{i}">版块{i}</a></li>' for i in range(12))
RELATED = "".join(f'<li><a href="/t{i}">另一个关于社群拉新的热门问题第{i}个在这里</a></li>' for i in range(6))
FOOTER = "<footer>Copyright © 2024 某某社区 京ICP备12345678号</footer>"

REPLIES = [
    ("老王", "先把群规写清楚，新人进群第一天就知道能发什么、不能发什么，后面的管理会轻松很多。"),
    ("小李", "我们的做法是每周固定一个主题日，让老成员带新人发言，活跃度比以前高了不少。"),
    ("运营阿美", "别急着卖货。前两周只做答疑和分享，等大家认可了群的价值，再慢慢做转化。"),
    ("老王", "补充一句：群主自己要常出来说话，一个没人管的群很快就会变成广告群。"),
    ("新人小赵", "学到了，谢谢各位！"),
]


def _post(n: int, name: str, text: str) -> str:
    return (
        f'<div class="post" id="post_{n}"><div class="author"><a href="/u/{name}">{name}</a>'
        f'<span class="level">Lv{n + 2}</span></div>'
        f'<div class="meta">{n + 1}楼 2024-05-0{n + 1} 10:2{n}</div>'
        f'<div class="content"><p>{text}</p></div>'
        f'<div class="ops"><a href="#r{n}">回复</a> <a href="#j{n}">举报</a></div></div>'
    )


def thread_page() -> str:
    first = ("刚接手公司的用户群，三百多人，每天除了早安几乎没人说话。想请教大家，新群冷启动的时候"
             "最先应该做哪几件事？有没有踩过的坑可以分享一下？")
    posts = [_post(0, "楼主小陈", first)] + [_post(i, n, t) for i, (n, t) in enumerate(REPLIES, 1)]
    return (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 运营交流 - 某某社区</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><div class='wrap'><h1>新群冷启动先做什么？</h1>"
        f"<div class='postlist'>{''.join(posts)}</div>"
        "<div class='reply-box'>登录后才能回复</div></div>"
        f"<aside><h3>相关帖子</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>"
    )


ANSWERS = [
    ("张老师", [
        "先说结论：用户运营和社群运营不是二选一，而是一前一后。",
        "用户运营负责把人分层，知道谁是新客、谁是老客、谁快要流失；社群运营负责把其中合适的一层人聚到群里，"
        "用互动把关系做深。",
        "所以新人最好两边都学，但入门可以先从社群开始，因为离用户最近，反馈也最快。",
    ]),
    ("数据小林", [
        "从指标看区别最清楚。",
        "社群运营常看入群率、发言率、群内转化；用户运营常看留存率、复购率和生命周期价值。",
        "两套指标放在一起看，才能知道群到底有没有带来长期价值。",
    ]),
    ("匿名用户", [
        "我在两个岗位都做过，最大的不同是节奏：社群每天都要在线，用户运营更多是按周按月看数据、调策略。",
    ]),
]


def _answer(n: int, name: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<div class="answer-item"><div class="answer-author"><a href="/people/{n}">{name}</a>'
        f'<span class="badge">优秀答主</span></div>'
        f'<div class="answer-body"><div class="rich-text">{body}</div></div>'
        f'<div class="answer-actions"><button>赞同 {n * 37 + 5}</button><span>{n + 2} 条评论</span>'
        f'<span>发布于 2024-03-1{n} 21:0{n}</span><button>展开阅读全文</button></div></div>'
    )


def qa_page() -> str:
    answers = "".join(_answer(i, n, ps) for i, (n, ps) in enumerate(ANSWERS))
    return (
        "<!DOCTYPE html><html><head><title>用户运营和社群运营有什么区别？ - 某某问答</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><div class='question'><h1>用户运营和社群运营有什么区别？</h1>"
        "<div class='question-detail'><p>刚转行做运营，面试时经常被问到这个问题，想听听做过的人怎么看。</p></div>"
        "<div class='question-meta'>关注者 1,024 被浏览 88,431</div></div>"
        f"<div class='answer-list'><h4>{len(ANSWERS)} 个回答</h4>{answers}</div></main>"
        f"<aside><h3>相关问题</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>"
    )


def _ingest(tmp_path: Path, html: str | bytes, name: str) -> tuple[str, str]:
    """Ingest one page (text saved as UTF-8, or bytes as they are): its title and Markdown."""
    seeds, out = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir(parents=True)
    (seeds / name).write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    result = ingest(seeds, out)
    entry = next(e for e in result.entries if e.page)
    return entry.title, (out / entry.page).read_text(encoding="utf-8")


def _located(tmp_path: Path, html: str, name: str) -> str:
    """The body locate finds in a page of ours."""
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return locate(read(path)).body


def _positions(text: str, parts: list[str]) -> list[int]:
    return [text.index(p) for p in parts]


def test_forum_thread_keeps_every_post_in_order_under_its_own_heading(tmp_path):
    title, md = _ingest(tmp_path, thread_page(), "thread.html")
    assert title == "新群冷启动先做什么？"
    bodies = ["最先应该做哪几件事"] + [t[:12] for _n, t in REPLIES]
    pos = _positions(md, bodies)
    assert pos == sorted(pos)  # in the page's order
    # the opening post is the page's text and its poster the page's author; each reply is told
    # apart by a heading that names its poster
    assert "作者：楼主小陈" in md and "回复 6" not in md and md.index("最先应该做哪几件事") < md.index("## 回复 1 ")
    for n, (name, _t) in enumerate(REPLIES, 1):
        assert f"## 回复 {n} · {name}" in md
    # the template around the posts and the lists beside them are gone
    for chrome in ("举报", "Lv3", "2024-05-02 10:21", "3楼", "登录后才能回复", "另一个关于社群拉新", "版块3"):
        assert chrome not in md, chrome


def test_qa_page_keeps_the_question_and_every_answer_whole(tmp_path):
    title, md = _ingest(tmp_path, qa_page(), "qa.html")
    assert title == "用户运营和社群运营有什么区别？"
    assert "刚转行做运营" in md  # the question's description
    paragraphs = [p for _n, ps in ANSWERS for p in ps]
    for p in paragraphs:  # every paragraph of every answer, not only the first answer
        assert p[:20] in md, p
    pos = _positions(md, [p[:12] for p in paragraphs])
    assert pos == sorted(pos)
    for n, (name, _ps) in enumerate(ANSWERS, 1):
        assert f"## 回答 {n} · {name}" in md
        assert page_text(md).count(name) == 1  # the answerer's name once
    for chrome in ("赞同", "展开阅读全文", "条评论", "发布于", "优秀答主", "相关问题", "另一个关于社群拉新", "3 个回答"):
        assert chrome not in md, chrome
    # a feed's line above an answer, who liked it (某某 赞同了该回答), is neither the answerer's name nor text
    liked = qa_page().replace('<div class="answer-item">', '<div class="answer-item"><div class="activity">'
                              '<a href="/org/yys">运营研究社</a> 赞同了该回答</div>')
    (tmp_path / "liked").mkdir()
    _title, md = _ingest(tmp_path / "liked", liked, "qa.html")
    for n, (name, _ps) in enumerate(ANSWERS, 1):
        assert f"## 回答 {n} · {name}" in md
    assert "赞同了该回答" not in md and "运营研究社" not in md


def test_replies_striped_even_and_odd_are_one_list_and_an_answer_whose_text_box_lacks_a_class_is_kept(tmp_path):
    # a blog forum's loop gives every other reply the class even, the rest odd (and the starter's
    # replies one class more); all of them are the thread's replies, in order
    items = "".join(
        f"<div class='loop-item-{k} reply {'even' if k % 2 else 'odd'}{' topic-author' if name == REPLIES[0][0] else ''}'>"
        f"<div class='reply-author'><a href='/u/{k}'>{name}</a></div><div class='reply-date'>2024-05-0{k + 1} 10:0{k}</div>"
        f"<div class='reply-content'><p>{text}</p></div></div>"
        for k, (name, text) in enumerate(REPLIES, 1))
    html = ("<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 运营交流 - 某某论坛</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='wrap'><h1>新群冷启动先做什么？</h1>"
            "<div class='topic'><p>刚接手公司的用户群，三百多人，每天除了早安几乎没人说话。新群冷启动的时候最先应该做哪几件事？</p></div>"
            f"<div class='replies'>{items}</div></div><aside><h3>相关帖子</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
    (tmp_path / "striped").mkdir()
    _title, md = _ingest(tmp_path / "striped", html, "topic.html")
    pos = _positions(md, [t[:12] for _n, t in REPLIES])
    assert pos == sorted(pos)
    assert len(POST_HEADING.findall(md)) == len(REPLIES)
    # one answer's text box has a class fewer than the others' (an anonymous answer, no copyright mark)
    plain = qa_page().replace('<div class="rich-text">', '<div class="rich-text rich-text-copyright">')
    short = plain.replace('<div class="rich-text rich-text-copyright"><p>我在两个岗位', '<div class="rich-text"><p>我在两个岗位')
    assert short != plain
    (tmp_path / "fewer").mkdir()
    _title, md = _ingest(tmp_path / "fewer", short, "qa.html")
    assert "## 回答 3 · 匿名用户" in md and ANSWERS[2][1][0][:20] in md


def test_a_short_reply_over_its_linked_sent_from_line_is_a_reply_and_the_line_goes(tmp_path):
    # each floor's text ends in a small linked line saying which app sent it; one reply is a few
    # words, shorter than that link: still a reply, not a list of links
    texts = ["先说结论：押金能不能要回来，要看二房东名下还有没有可以执行的财产，先把合同和转账记录都留好。",
             "马克一下，同租中。",
             "建议四个租客一起去派出所报案，数额加起来够了可以按合同诈骗立案，同时准备民事起诉。",
             "中介那边也要追责，他们收了中介费，可以要求中介配合提供二房东的身份信息。"]
    floors = "".join(
        f"<div class='floor'><div class='author'><a class='u' href='/u/{k}'>网友{k}号</a><span class='stime'>2016-08-22 00:3{k}</span>"
        f"<a class='floornum' href='#{k}'>#{k}</a></div><table class='case'><tr><td>{t}<br><small><a href='/download'>发自某某社区 "
        f"{'iPhone' if k % 2 else 'Android'} 客户端</a></small></td></tr></table><div class='bot'><a href='#'>回复</a> <a href='#'>引用</a></div></div>"
        for k, t in enumerate(texts, 1))
    html = ("<!DOCTYPE html><html><head><title>租房遇到二房东跑路，押金还能要回来吗？ - 某某社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='main'><h1>租房遇到二房东跑路，押金还能要回来吗？</h1>"
            "<div class='first'><div class='quote-content'>坐标上海，去年通过中介认识了一个二房东，签了一年合同，押一付三，上个月二房东跑了。"
            "<br>现在真房东让我们月底之前搬走，押金和刚交的房租还能要回来吗？</div><div class='subhead'><span>这个帖子发自某某社区网页版</span></div></div>"
            f"<div class='floors'>{floors}</div></div><aside><h3>相关帖子</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "thread.html")
    assert _positions(md, texts) == sorted(_positions(md, texts))
    assert "发自" not in md


def test_an_answer_shown_again_above_the_list_stays_once_in_its_place_and_a_notice_bar_goes(tmp_path):
    # the staff's accepted answer is boxed above the replies (label, text, a feedback question) and
    # is also the first reply; a site's notice bar stands above the topic's headline
    official = ["你好，感谢反馈。这个报错是因为三月起客户群接口改为按群主校验权限，调用的应用可见范围必须包含群主本人。",
                "你们有几个门店群的群主在外部协作部门下，这个部门不在应用的可见范围里，所以整个请求会失败。",
                "把外部协作部门加进可见范围之后再试一次，就可以正常拉取了。"]
    replies = [("技术支持-阿澈", official), ("杭州-小蒋", ["确实是这个原因，改完可见范围之后就正常了，建议以后这类变更邮件通知一下。"]),
               ("深圳-Leo", ["同问，我们也是三月初开始报这个错，按官方的方法改完就好了，感谢。"])]
    items = "".join(
        f"<div class='reply-item' id='reply-{k}'><div class='reply-item__head'><a class='reply-item__name' href='/u/{k}'>{name}</a>"
        f"<span class='reply-item__floor'>#{k}</span></div><div class='reply-item__body'>{''.join(f'<p>{t}</p>' for t in ps)}</div>"
        f"<div class='reply-item__foot'><span>2025-03-0{k + 2} 10:1{k}</span><button>回复</button><button>举报</button></div></div>"
        for k, (name, ps) in enumerate(replies, 1))
    html = ("<!DOCTYPE html><html><head><title>调用客户群列表接口一直报权限错误，可见范围已经是全公司 - 某某开发者社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='container'><div class='global-notice'><div class='alert alert-info'>"
            "某某社区年度开发者大会报名已开启，名额有限，先到先得。</div></div>"
            "<div class='topic'><h1>调用客户群列表接口一直报权限错误，可见范围已经是全公司</h1><div class='topic-body'>"
            "<p>我们在用开放接口把门店的客户群同步到会员系统，调用客户群列表接口一直返回没有权限。</p>"
            "<p>应用的可见范围选的是全公司，获取部门列表等其他接口都正常。</p></div>"
            "<div class='topic-actions'><button>我也遇到了 (9)</button><button>收藏</button><button>复制链接</button></div></div>"
            "<div class='official-answer'><div class='official-answer__label'>官方回复 · 已采纳</div><div class='official-answer__body'>"
            + "".join(f"<p>{t}</p>" for t in official) + "</div><div class='official-answer__feedback'>该回复对你有帮助吗？"
            "<button>有帮助</button><button>没帮助</button></div></div>"
            f"<div class='reply-list'>{items}</div></div><aside><h3>相关问题</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "topic.html")
    for t in official:
        assert md.count(t[:20]) == 1, t
    body = md.split("## 回复 1", 1)[1]
    assert _positions(body, official) == sorted(_positions(body, official))  # in its reply, whole and in order
    for chrome in ("报名已开启", "官方回复 · 已采纳", "该回复对你有帮助吗"):
        assert chrome not in md, chrome


def test_a_copy_of_a_posts_paragraphs_above_the_posts_goes_with_its_label_and_a_quoted_sentence_stays():
    from opskb.ingest.threadmain import _copied_runs

    body = fold("你好，感谢反馈。这个报错是因为接口改为按群主校验权限。你们有几个群的群主不在可见范围里。把部门加进可见范围再试一次。")
    lines = ["问题描述：调用接口一直返回没有权限，可见范围已经是全公司。", "官方回复 · 已采纳", "你好，感谢反馈。这个报错是因为接口改为按群主校验权限。",
             "你们有几个群的群主不在可见范围里。", "把部门加进可见范围再试一次。", "该回复对你有帮助吗？"]
    kept = [(lxml.html.fromstring(f"<p>{t}</p>"), fold(t)) for t in lines]
    gone = [_text(el) for el in _copied_runs(kept, {body})]
    assert gone == lines[1:5]  # the label and the three copied paragraphs
    # one sentence of a post found above (the question a reply quotes) is no copy
    quoted = [(lxml.html.fromstring(f"<p>{t}</p>"), fold(t)) for t in (lines[0], lines[3], "我们是做连锁茶饮的。")]
    assert _copied_runs(quoted, {body}) == []


def test_a_board_whose_posts_have_no_class_reads_them_by_their_ids_and_a_reply_after_its_quote(tmp_path):
    # an old board: each post a bare <div> around a table; the poster's name and the post's text
    # are bare divs told apart only by ids (postmenu_N, post_message_N); a reply quotes a post in a
    # box and writes its own words after the box, in the same div; signatures under a rule of _
    posts = [("小熊咖啡", "", "我在台中开了两家咖啡店，会员用纸本集点卡，每消费一杯盖一个章，集满十点送一杯。<br><br>想请教各位，小店适合做自己的 APP 还是用现成的集点工具？"),
             ("阿德", "小店适合做自己的 APP 还是用现成的集点工具？", "两家店的规模，我会建议先用现成的集点工具。客人不会为了一家咖啡店下载 APP，开启率通常很低。"),
             ("Joanna", "纸卡的问题大家应该都知道：客人常常忘记带、弄丢。",
              "同意楼上。补充一点：不管用哪一种，最重要的是把常客记录下来。<br><br>集点的同时请客人留生日，生日当月送一杯，成本不高但客人会很有感。"),
             ("阿凯", "", "推一个，我家的早餐店也有同样的问题"),
             ("阿德", "客人手上还没集满的纸卡要怎么处理？", "给一个过渡期，两个月内纸卡和新工具都可以用，客人拿纸卡来，店员帮他把点数转过去。")]
    def post(k: int, name: str, quoted: str, text: str) -> str:
        quote = (f"<div style='margin:20px'><div class='smallfont'>引用:</div><table><tr><td class='alt2'>"
                 f"<div>作者: <strong>小熊咖啡</strong></div><div style='font-style:italic'>{quoted}</div></td></tr></table></div>") if quoted else ""
        return (f"<div align='center'><div class='page'><div id='edit{k}'><table id='post{k}' class='tborder'>"
                f"<tr><td class='thead'>2011-04-1{k}, 10:3{k} PM</td><td class='thead'>#<a href='/p{k}'><strong>{k}</strong></a></td></tr>"
                f"<tr><td class='alt2'><div id='postmenu_{k}'><a class='bigusername' href='/u/{k}'>{name}</a></div>"
                f"<div class='smallfont'>会员</div><div class='smallfont'><div>注册日期: 2009-0{k}</div><div>文章: {k * 37}</div></div></td>"
                f"<td class='alt1' id='td_post_{k}'><div id='post_message_{k}'>{quote}{text}</div>"
                f"<div>__________________<br>一杯咖啡的时间，慢慢来 {k}</div></td></tr>"
                f"<tr><td class='alt2'><img src='/off.gif' alt='离线'></td><td class='alt1'><a href='/reply{k}'><img src='/quote.gif' alt='引用回复'></a></td></tr>"
                "</table></div></div></div>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>实体店的会员集点，用现成工具还是自己做 APP？ - 某某论坛</title></head><body>"
            "<table class='tborder'><tr><td><a href='/'>某某论坛</a> &gt; <a href='/f1'>行销企划</a></td></tr></table><div id='posts'>"
            + "".join(post(k, *p) for k, p in enumerate(posts, 1)) + f"</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "showthread.html")
    words = ["我在台中开了两家咖啡店", "想请教各位，小店适合", "两家店的规模", "同意楼上。补充一点", "集点的同时请客人留生日", "推一个，我家的早餐店",
             "给一个过渡期"]
    assert _positions(md, words) == sorted(_positions(md, words))
    assert "· 阿德" in md and "· Joanna" in md  # each reply under its poster's name
    for chrome in ("文章", "注册日期", "一杯咖啡的时间"):  # (the poster's card and signature)
        assert chrome not in page_text(md), chrome


def test_the_first_of_a_posts_nested_replies_marked_first_is_one_of_them(tmp_path):
    # a thread's 楼中楼: the first reply under each floor has a class more (first_no_border); it is one of them
    def nested(items: list[tuple[str, str]]) -> str:
        return "".join(f"<li class='lzl_single_post{' first_no_border' if k == 0 else ''}'><div class='lzl_cnt'>"
                       f"<a class='at' href='/u/{n}'>{n}</a>:&nbsp;<span class='lzl_content_main'>{t}</span>"
                       f"<div class='lzl_content_reply'><span class='lzl_time'>2012-5-{k + 3} 21:4{k}</span><a href='#'>回复</a></div></div></li>"
                       for k, (n, t) in enumerate(items))
    floors = [("睡不醒的阿军", "去年买的车，刚买的时候充满电能跑六十公里，现在才半年多，充满电只能跑三十五公里了，想问问这正常吗？",
               [("老王修车铺", "一充一晚上是大忌，铅酸电池最怕长期过充"), ("睡不醒的阿军", "回复 老王修车铺 :那一般充几个小时合适")]),
              ("骑驴找马", "先把充电习惯改过来：骑完别马上充，等电池凉下来半小时再充；另外检查一下胎压，胎压低了也很费电。",
               [("小绿骑士", "胎压这个确实，我上次打足气感觉多跑了好几公里"), ("睡不醒的阿军", "回复 骑驴找马 :学到了，谢谢吧主")]),
              ("流浪的蛋炒饭", "同款车，一样的问题，坐等结果", [])]
    posts = "".join(
        f"<div class='l_post'><div class='d_author'><a class='p_author_name' href='/u/{n}'>{n}</a></div>"
        f"<div class='d_post_content_main'><div class='d_post_content'>{t}</div>"
        f"<div class='core_reply'><div class='core_reply_tail'><span>IP属地:上海</span><span>{k}楼</span><span>2012-05-0{k + 2} 21:1{k}</span>"
        f"<div class='p_reply'><a href='#'>回复({len(r)})</a></div></div>"
        f"<div class='core_reply_wrapper'><ul class='j_lzl_m_w'>{nested(r)}</ul></div></div></div></div>"
        for k, (n, t, r) in enumerate(floors, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>新买的电动车半年续航掉了一半正常吗？【电动车吧】_某某贴吧</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>新买的电动车半年续航掉了一半正常吗？</h1><div class='p_postlist'>{posts}</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "tieba.html")
    for _n, _t, replies in floors:
        for _name, text in replies:
            assert text.split(":")[-1][:10] in md, text
    # (a floor's tail, 1楼 and a reply button, is no reply)
    assert "IP属地" not in md and not re.search(r"^> 回复：", md, re.M)


def test_a_groups_topic_keeps_its_comments_written_one_to_a_line_and_takes_its_bold_first_line_for_headline(tmp_path):
    # a paid group's topic: no h1, the <title> is only the group's name; the post opens with its
    # title in bold; who liked it (某某、某某等 N 人觉得很赞) stands between the post and its comments,
    # each comment a line 名字：说的话 with the replies to it (某某 回复 某某：说的话) in a box under it
    paras = ["这周帮两个星友看了他们的打卡营数据，发现一个很一致的规律：第一周参与率七成以上，第三周跌到一成多。",
             "我把原因归成三类：任务难度是平的；反馈只来自运营；没有中途的小终点。",
             "对应的改法也很简单：把二十一天拆成三个七天的小关卡，每关结束发一张电子徽章。"]
    comments = [("Vivian做社群", "打卡搭子这个好，我们之前试过三人一组，结果总有一个人不说话。", [("老K", "对，三人组很容易出现沉默的那一个，两人组责任更明确。")]),
                ("木木", "想问下电子徽章是用什么工具做的？有没有不用写代码的方案？", [("阿杰", "我们用的是在线海报工具套模板，批量导出再一个个发。")]),
                ("一只运营喵", "收藏了，下周的读书营正好要用。", [])]
    def comment(name: str, text: str, replies: list) -> str:
        inner = "".join(f"<div class='comment-item reply'><span class='comment-owner'>{n}</span> 回复 <span class='comment-repliee'>{name}</span>："
                        f"<span class='comment-text'>{t}</span> <span class='comment-time'>08-14</span></div>" for n, t in replies)
        return (f"<app-comment-item><div class='comment-item'><span class='comment-owner'>{name}</span>：<span class='comment-text'>{text}</span>"
                f" <span class='comment-time'>08-14</span></div><div class='replied-comments'>{inner}</div></app-comment-item>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>私域增长研究所 | 某洲</title></head><body>"
            "<div class='group-list'><div class='list-title'>我加入的星球</div><div class='group-item'>内容运营自习室</div></div>"
            "<div class='group-info'><span>私域增长研究所</span><span>成员 3,286</span><span>主题 1,904</span></div>"
            "<div class='topic'><div class='author'>老K<span class='role'>星主</span><div class='date'>2022-08-14 21:36</div></div>"
            "<div class='content'><b>【第 37 期周复盘】社群打卡活动为什么第三周就断崖？</b><br>\n<br>\n" + "<br>\n<br>\n".join(paras) + "</div>"
            "<div class='operation'><div>点赞 · 126</div><div>评论 · 9</div></div>"
            "<div class='like-list'>老K、Vivian做社群、阿杰、一只运营喵 等 126 人觉得很赞</div>"
            f"<div class='comment-box'>{''.join(comment(*c) for c in comments)}</div></div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "topic.html")
    assert title == "【第 37 期周复盘】社群打卡活动为什么第三周就断崖？"
    texts = [p[:12] for p in paras] + [t[:12] for _n, t, r in comments for t in [t] + [x for _m, x in r]]
    assert _positions(md, texts) == sorted(_positions(md, texts))
    for chrome in ("觉得很赞", "点赞 · 126", "评论 · 9"):
        assert chrome not in md, chrome


def test_posts_one_microdata_type_declares_are_one_list_whatever_their_classes_and_named_by_their_author(tmp_path):
    # a forum whose posts are <li itemtype=…/Comment>: the starter's posts carry a class the others
    # lack (topic-owner-post); each post's header shows an avatar letter (赵) in a link before the
    # poster's name, which the markup declares (itemprop="author")
    posts = [("赵小满", "我们是做宠物食品的，上周开始有三个导购的企业微信被提示添加好友过于频繁，一周内不能主动加人。"),
             ("老K", "被动添加基本不限，限的是主动添加和通过手机号搜索，新号一天二十个以内比较安全。"),
             ("赵小满", "谢谢，我们导购的号都是上个月新开的，难怪一下午加两百多就被限制了。"),
             ("阿May", "我们做活动都是用渠道活码，一个码后面挂五六个员工轮流分配，每个人一天加不到五十个。")]
    items = "".join(
        f"<li component='post' class='{'topic-owner-post' if n == posts[0][0] else ''}' itemscope itemtype='http://schema.org/Comment'>"
        f"<div class='post-header'><div class='icon'><a href='/user/{n}'><span class='user-icon' title='{n}'>{n[0]}</span></a></div>"
        f"<small><strong><a href='/user/{n}' itemprop='author'>{n}</a></strong> <span class='timeago'>2019-06-1{k} 11:0{k}</span></small></div>"
        f"<div class='content' itemprop='text'><p>{t}</p></div><div class='post-footer'><a href='#'>回复</a> <a href='#'>引用</a></div></li>"
        for k, (n, t) in enumerate(posts, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>企业微信加好友被限制了，一天加多少人比较安全？ | 某某私域论坛</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>企业微信加好友被限制了，一天加多少人比较安全？</h1><ul component='topic' class='posts'>{items}</ul>"
            f"{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "topic.html")
    texts = [t[:14] for _n, t in posts]
    assert _positions(md, texts) == sorted(_positions(md, texts))  # (the starter's later reply too)
    assert re.search(r"· 老 ?K", md) and re.search(r"· 阿 ?May", md) and "· 赵小满" in md  # (typesetting puts a space between Han and Latin)
    assert not re.search(r"· (?:赵|老|阿) \{", md)  # (no avatar letter for a name)


def test_reader_comments_under_a_long_article_stay_out(tmp_path):
    article = "".join(
        f"<p>{p}</p>" for p in [
            "社群运营的第一步是定位：这个群为谁服务、解决什么问题、成员为什么要留下来。定位不清，后面做再多活动也留不住人。",
            "第二步是设计规则和节奏，包括群规、固定栏目、发言引导和答疑时间，让成员知道什么时候来、来了做什么。",
            "第三步是找到核心成员，给他们身份和权益，让他们帮助带动新人，群的氛围才会慢慢形成并且稳定下来。",
            "第四步是持续复盘，看入群率、发言率和转化率的变化，找出哪个环节出了问题，再有针对性地调整。",
            "最后，社群不是一次性的项目，而是需要长期投入的关系，耐心比技巧更重要，这是很多新人容易忽略的。",
        ] * 2
    )
    comments = "".join(
        f'<div class="cmt"><div class="who"><a href="/u{i}">网友{i}</a></div><div class="when">2024-05-0{i} 12:00</div>'
        f'<p>{t}</p></div>'
        for i, t in enumerate(["说得好，收藏了", "第三步很关键", "请问复盘用什么表格"], 1)
    )
    html = (
        "<!DOCTYPE html><html><head><title>社群运营的五个步骤_运营_某某网</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><article><h1>社群运营的五个步骤</h1>{article}</article>"
        f"<div class='comments'>{comments}</div>{FOOTER}</body></html>"
    )
    body = _located(tmp_path, html, "a.html")
    assert "社群运营的第一步是定位" in body and "最后，社群不是一次性的项目" in body
    assert not POST_HEADING.search(body) and "请问复盘用什么表格" not in body
    # a headline naming a conference (论坛) does not make the page a forum's
    body = _located(tmp_path, html.replace("<title>社群运营的五个步骤_运营_某某网</title>", "<title>社群运营论坛在京开幕</title>"), "c.html")
    assert not POST_HEADING.search(body) and "请问复盘用什么表格" not in body
    # the same page on a forum (its site calls itself one, or it marks the thread's starter):
    # a long first post's comments are its replies, short ones too
    for forum in (html.replace("_运营_某某网", "_运营交流_某某论坛"),
                  html.replace("<h1>社群运营的五个步骤</h1>", "<h1>社群运营的五个步骤</h1><span>楼主</span>")):
        short = forum.replace("请问复盘用什么表格", "很有用").replace("第三步很关键", "顶一下").replace("说得好，收藏了", "赞同")
        for page, replies in ((forum, ["说得好，收藏了", "第三步很关键", "请问复盘用什么表格"]), (short, ["赞同", "顶一下", "很有用"])):
            body = _located(tmp_path, page, "f.html")
            assert "社群运营的第一步是定位" in body and POST_HEADING.search(body), page[:80]
            pos = _positions(body, replies)
            assert pos == sorted(pos)


def test_sections_under_their_own_headings_are_not_posts(tmp_path):
    sections = "".join(
        f'<div class="sec"><h3>{h}</h3><div class="by">作者：佚名</div><div class="txt"><p>{p}</p></div></div>'
        for h, p in [
            ("定义不同", "社群运营围绕一个群开展工作，用户运营围绕全部用户开展工作，两者的范围不一样，方法也不同。"),
            ("目标不同", "社群运营看重群的活跃和转化，用户运营看重整体用户的留存率和生命周期价值，侧重点不同。"),
            ("指标不同", "社群运营常看入群率和发言率，用户运营更看重复购率、留存率和客单价，考核方式也不同。"),
        ]
    )
    html = (
        "<!DOCTYPE html><html><head><title>社群运营和用户运营的区别_某某网</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><article><h1>社群运营和用户运营的区别</h1>{sections}</article>{FOOTER}</body></html>"
    )
    body = _located(tmp_path, html, "s.html")
    assert not POST_HEADING.search(body)
    for h in ("定义不同", "目标不同", "指标不同"):
        assert h in body


def test_a_stream_of_other_stories_with_teasers_is_not_a_thread(tmp_path):
    # each item: source and time, a linked headline (with an empty box inside the link), a long teaser
    teaser = "这是另一篇文章的摘要，讲的是另一个城市的另一件事情，和本文没有关系，只是页面推荐给读者继续阅读的内容。"
    stream = "".join(
        f"<li class='stream-item'><div><span>某某财经</span><span>{i} 小时前</span></div>"
        f"<h4><a href='/n{i}'>另一件和本文无关的新闻标题第{i}条<div></div></a></h4><p>{teaser * 2}</p></li>"
        for i in range(1, 7)
    )
    body = "".join(f"<p>{p}</p>" for p in (REPLIES[0][1], REPLIES[1][1], REPLIES[2][1]))
    html = (
        "<!DOCTYPE html><html><head><title>新群冷启动的三个建议_某某网</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><article><h1>新群冷启动的三个建议</h1>{body}</article>"
        f"<ul class='stream'>{stream}</ul>{FOOTER}</body></html>"
    )
    out = _located(tmp_path, html, "stream.html")
    assert not POST_HEADING.search(out)
    assert REPLIES[0][1] in out


def test_many_comments_under_a_long_blog_post_are_not_a_thread(tmp_path):
    post = "".join(f"<p>{p}</p>" for _n, ps in ANSWERS for p in ps) * 4  # a long article above
    comments = "".join(
        f"<li class='comment'><a href='/u{i}'>读者{i}</a><span>2024-05-0{i % 9 + 1} 12:00</span>"
        f"<div class='text'>写得真好，第{i}次看了，收藏起来慢慢学习。</div></li>" for i in range(12)
    )
    html = (
        "<!DOCTYPE html><html><head><title>社群和用户运营的区别_某某博客</title></head><body>"
        f"<article><h1>社群和用户运营的区别</h1>{post}</article><ul class='comments'>{comments}</ul>{FOOTER}</body></html>"
    )
    out = _located(tmp_path, html, "blog.html")
    assert not POST_HEADING.search(out) and "第3次看了" not in out


def _replies_under(nested, site: str = "某某社区", inside: bool = False) -> str:
    """A question and three replies; the first has ``nested(n, name)``'s replies to it, after
    its text or (``inside``) within it."""
    def reply(n: int, name: str, text: str) -> str:
        children = nested(n, name) if n == 1 else ""
        body = f"<div class='detail'>{text}{children if inside else ''}</div>"
        return (f"<div class='reply'><div class='who'><a href='/u/{n}'>{name}</a><span>2024-01-0{n}</span></div>"
                f"{body}<div class='act'><a href='#'>点赞</a></div>{'' if inside else children}</div>")
    replies = "".join(reply(n, name, text) for n, (name, text) in enumerate(REPLIES[:3], 1))
    return (
        f"<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - {site}</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><h1>新群冷启动先做什么？</h1>"
        "<div class='question'><p>刚接手公司的用户群，三百多人，每天几乎没人说话，想请教大家先做哪几件事。</p></div>"
        f"<div class='replies'>{replies}</div></main>{FOOTER}</body></html>"
    )


def test_a_lone_reply_nested_in_a_post_follows_it(tmp_path):
    html = _replies_under(lambda n, _name: f"<div class='children'><div class='item'><b>楼主小陈</b><span>2024-01-0{n}</span>"
                                           "<div class='detail'>谢谢老王，我先把群规写出来试试看。</div></div></div>")
    _title, md = _ingest(tmp_path, html, "nested.html")
    text = page_text(md)
    pos = _positions(text, [REPLIES[0][1][:10], "谢谢老王，我先把群规写出来试试看。", REPLIES[1][1][:10]])
    assert pos == sorted(pos)


def _micro_post_page() -> str:
    """A micro-community post: no h1, a <title> of page type and site, a short post above a
    list of comments built from another template."""
    comments = "".join(
        f"<div class='comment-item'><div class='c-head'><a href='/u/{n}'>{name}</a><small>{n}天前</small></div>"
        f"<div class='c-body'><span>{text}</span></div><div class='c-ops'><a>赞 {n}</a><a>回复</a></div></div>"
        for n, (name, text) in enumerate(REPLIES[:4], 1))
    return (
        "<!DOCTYPE html><html><head><title>动态详情 | 某某圈 - 一个运营人的小社区</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><div class='bar'><span>动态详情</span></div><ul class='list'>"
        "<li class='item'><div class='who'><img src='/a.png'><a href='/u/chen'>小陈</a> <span>@xiaochen</span></div>"
        "<div class='post-body'><p><a class='tag' href='/t/1'>#社群</a> 新群冷启动，最先应该做哪几件事？大家有经验吗</p></div>"
        "<div class='post-foot'><span>发布于 2024-05-01 10:20</span></div></li>"
        f"<li class='item'><div class='comments'>{comments}</div></li></ul></main>{FOOTER}</body></html>"
    )


def test_a_short_first_post_without_a_headline_opens_the_thread_and_names_it(tmp_path):
    title, md = _ingest(tmp_path, _micro_post_page(), "post.html")
    assert title == "#社群 新群冷启动，最先应该做哪几件事？"  # its first sentence, not 动态详情
    text = page_text(md)
    pos = _positions(text, ["大家有经验吗", REPLIES[0][1][:12], REPLIES[3][1][:12]])
    assert pos == sorted(pos)


def test_a_first_post_the_main_content_left_out_is_put_back_above_the_replies():
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.thread import find_thread
    from opskb.ingest.threadmain import as_thread

    page = _tree(_micro_post_page())
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    thread = find_thread(page)
    # the main content as trafilatura may hand it over: the comments only
    main = lxml.html.fromstring("<html><body>" + "".join(f"<p>{t}</p>" for _n, t in REPLIES[:4]) + "</body></html>")
    opening = as_thread(main, blocks, thread, "回复")
    assert [_text(el) for el in opening] == ["#社群 新群冷启动，最先应该做哪几件事？大家有经验吗"]
    lines = [t for _el, t in _leaf_blocks(main)]
    assert lines[0] == "#社群 新群冷启动，最先应该做哪几件事？大家有经验吗"
    assert lines[1].startswith("回复 1 · 老王") and sum(1 for t in lines if "大家有经验吗" in t) == 1
    # past the post's name, date and the page-type bar: none of them is the post
    assert not any(t in ("动态详情", "小陈 @xiaochen") or t.startswith("发布于") for t in lines)
    # an ad card between the post and its comments (a banner, 广告, a line of copy) is passed by
    from opskb.ingest.widgets import ads, inside
    ad = ("<div class='topic-ad'><a href='https://ad.example.com/r?id=1' rel='nofollow'><img src='/ad.jpg' width='540'></a>"
          "<span class='ad-label'>广告</span><p class='ad-text'>英语口语一对一外教课，首课一元体验，随时随地开口练</p></div>")
    page = _tree(_micro_post_page().replace("<li class='item'><div class='comments'>", f"{ad}<li class='item'><div class='comments'>"))
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring("<html><body>" + "".join(f"<p>{t}</p>" for _n, t in REPLIES[:4]) + "</body></html>")
    opening = as_thread(main, blocks, find_thread(page), "回复", widgets=inside(blocks, ads(page)))
    assert [_text(el) for el in opening] == ["#社群 新群冷启动，最先应该做哪几件事？大家有经验吗"]
    assert not any("外教课" in t for _el, t in _leaf_blocks(main))


def test_replies_nested_in_a_comment_built_like_it_follow_it_and_names_lose_times_and_badges(tmp_path):
    def comment(n: int, name: str, text: str, children: str = "") -> str:
        return (f"<div class='cmt' id='c{n}'><div class='inner'><div class='head'><a class='user' href='/u/{n}'>{name} "
                f"<small>{n}月前</small></a></div><div class='detail'><div class='content'><span>{text}</span></div></div>"
                f"<div class='kids'>{children}</div></div></div>")
    owner = "小陈（楼主）"
    comments = (comment(1, "老王", "入群欢迎语要提前准备好。", comment(11, owner, "谢谢，马上去改欢迎语。"))
                + comment(2, "小李", "每周的分享会我们也在办。")
                + comment(3, "阿美", "冷启动期少发广告。", comment(13, owner, "对，广告越少越好。")))
    post = "".join(f"<p>{t}</p>" for _n, t in REPLIES) * 3  # a long first post
    html = (
        "<!DOCTYPE html><html><head><title>新群冷启动的一点经验 - 某某论坛</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><h1>新群冷启动的一点经验</h1><div class='post'>{post}</div>"
        f"<div class='comments'>{comments}</div></main>{FOOTER}</body></html>"
    )
    _title, md = _ingest(tmp_path, html, "nested-comments.html")
    text = page_text(md)
    order = ["入群欢迎语", "马上去改欢迎语", "每周的分享会", "冷启动期少发广告", "广告越少越好"]
    pos = _positions(text, order)
    assert pos == sorted(pos)
    for n, name in enumerate(("老王", "小李", "阿美"), 1):
        assert f"## 回复 {n} · {name} " in md or f"## 回复 {n} · {name}\n" in md or f"## 回复 {n} · {name} {{" in md
    assert "月前" not in text and "（楼主）" not in text and "(楼主)" not in text


def test_who_replies_to_whom_goes_and_what_they_say_stays(tmp_path):
    """A reply inside a post under a header that only names who answers whom (甲 回复 乙)
    loses the header; a reply that says its text on the same line (甲 回复 乙：……) keeps it."""
    def nested(n: int, name: str) -> str:
        return (f"<div class='children'><div class='item'><div class='head'><a href='/u/c'>楼主小陈</a>"
                f"<span class='to'>回复</span><a href='/u/{n}'>{name}</a></div><span>2024-01-0{n}</span>"
                "<div class='detail'>谢谢老王，我先把群规写出来试试看。</div></div>"
                f"<div class='item'><div class='head'><a href='/u/d'>路过的小周</a> 回复 <a href='/u/{n}'>{name}</a>"
                "：同意，群规最好置顶</div></div></div>")
    _title, md = _ingest(tmp_path, _replies_under(nested, site="某某论坛", inside=True), "nested-to.html")
    text = fold(page_text(md)).replace(" ", "")
    assert "谢谢老王我先把群规写出来试试看" in text and "同意群规最好置顶" in text  # (punctuation aside)
    assert "楼主小陈回复老王" not in text
    assert "路过的小周回复老王" in text  # the header of a reply that says something on its line stays with it


BIOS = ["某某公司 高级运营经理", "数据分析师，写过两本小书", "在两家电商公司做过运营", "私域顾问"]


def _answer_card(n: int, name: str, paragraphs: list[str], extra: str = "") -> str:
    """An answer as a Q&A site builds it: the answerer's card (picture linked to the profile,
    the name, a headline), the answer's text, then its buttons."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + extra
    return (
        f'<div class="AnswerCard"><div class="Author"><a class="u" href="/people/p{n}">'
        f'<img src="https://img.example.com/u/p{n}_s.jpg" alt="{name}"></a>'
        f'<div class="AuthorContent"><div class="AuthorHead"><a class="u" href="/people/p{n}">{name}</a></div>'
        f'<div class="AuthorBio">{BIOS[n - 1]}</div></div></div>'
        f'<div class="RichContent"><span>{body}</span>'
        # buttons with a zero-width space beside their icons, as some sites write them
        f'<div class="Actions"><span>\u200b<button>赞同 {n * 31 + 2}</button></span><span>\u200b<button>{n + 1} 条评论</button></span>'
        f'<span>编辑于 2024-03-1{n} 21:0{n}</span></div></div></div>'
    )


def featured_answer_page() -> str:
    """A Q&A page opened on one answer: the question, that answer in a card of its own, then
    更多回答 listing the others built the same way, one with an ad card in its text."""
    ad = ('<a class="Card" href="https://shop.example.com/item/1"><div class="CardPic">'
          '<img src="https://img.example.com/goods/1.jpg" alt=""><div class="CardTag">广告</div></div>'
          '<div class="CardInfo"><div class="CardTitle">社群运营实战手册（第二版）</div>'
          '<div class="CardPrice">¥49.00</div><div class="CardBuy">去购买</div></div></a>')
    (n1, p1), (n2, p2), (n3, p3) = ANSWERS
    perks = "".join(f"<span>{w}</span>" for w in ("免费看全部回答", "私信答主交流", "收藏精彩内容"))
    return (
        "<!DOCTYPE html><html><head><title>用户运营和社群运营有什么区别？ - 某某问答</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><div class='QuestionHeader'>"
        "<div class='Topics'><div class='Topic'><a href='/topic/1'>社群运营</a></div>"
        "<div class='Topic'><a href='/topic/2'>用户运营</a></div></div>"
        "<h1>用户运营和社群运营有什么区别？</h1>"
        "<div class='Collected'><div class='CollectedLabel'>话题收录</div><div class='CollectedName'>互联网运营岗位面试题</div></div>"
        "<div class='QuestionDetail'><div>刚转行做运营，面试时经常被问到这个问题，想听听做过的人怎么看。</div></div>"
        "<div class='Numbers'><div class='Num'><div class='NumInner'><div class='NumName'>关注者</div>"
        "<strong>1,024</strong></div></div><div class='Num'><div class='NumInner'><div class='NumName'>被浏览</div>"
        "<strong>88,431</strong></div></div></div></div>"
        f"<div class='LoginWall'><div class='LoginTitle'>登录后你可以</div><div class='LoginPerks'>{perks}</div></div>"
        f"<div class='MainAnswer'>{_answer_card(1, n1, p1)}</div>"
        "<div class='ViewAll'><a href='/question/1'>查看全部 12 个回答</a></div>"
        "<div class='MoreAnswers'><h4>更多回答</h4>"
        f"<div class='ListItem'>{_answer_card(2, n2, p2, ad)}</div>"
        f"<div class='ListItem'>{_answer_card(3, n3, p3)}</div></div></main>"
        f"<aside><h3>相关问题</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>"
    )


def test_the_answer_a_qa_page_opens_on_is_the_first_of_its_answers(tmp_path):
    title, md = _ingest(tmp_path, featured_answer_page(), "featured.html")
    assert title == "用户运营和社群运营有什么区别？"
    text = page_text(md)
    # the question's description, then every answer in the page's order, the featured one first
    paragraphs = [p for _n, ps in ANSWERS for p in ps]
    pos = _positions(text, ["刚转行做运营"] + [p[:12] for p in paragraphs])
    assert pos == sorted(pos)
    for n, (name, _ps) in enumerate(ANSWERS, 1):
        assert f"## 回答 {n} · {name}" in md, name
        assert text.count(name) == 1  # the name once: no card repeating it under the answer
    assert "## 回答 4" not in md
    # no answer has replies: nothing after an answer is quoted as one (its buttons, its poster's card)
    assert not any(line.startswith(">") for line in md.splitlines())
    # the question's counters, the login wall's perks, the topic box, the answerers' pictures and
    # headlines, the ad card inside an answer and the list's heading are not the thread
    for chrome in ("1,024", "88,431", "登录后你可以", "免费看全部回答", "话题收录", "互联网运营岗位面试题", "img.example.com/u/",
                   *BIOS, "社群运营实战手册", "¥49.00", "去购买", "更多回答", "赞同", "编辑于"):
        assert chrome not in md, chrome


def test_an_answer_built_the_same_way_below_the_list_is_not_one_of_its_answers(tmp_path):
    other = _answer_card(4, "隔壁答主", ["这是另一个问题下的回答：私域流量池应该先从企业微信搭起来，再谈社群分层。"])
    html = featured_answer_page().replace("</main>", f"<div class='Related'><h3>相关回答</h3>{other}</div></main>")
    _title, md = _ingest(tmp_path, html, "featured-below.html")
    assert "## 回答 3 · 匿名用户" in md and "## 回答 4" not in md
    assert "## 回答 1 · 张老师" in md


NAME_CLASSES = ["user-name", "sub-comment-user-title", "nick"]  # what pages call a poster's name


def test_answerers_named_without_a_link_keep_their_names_and_lose_their_pictures(tmp_path):
    """Posts whose names are plain text (a class calls them a name, or the picture beside them
    says it), pictures in a box the page calls an avatar."""
    def post(n: int, name: str, text: str) -> str:
        return (f"<div class='comment-item'><div class='comment-avator'><span class='ant-avatar'>"
                f"<img src='https://img.example.com/face/{n}.png'></span></div>"
                f"<div class='comment-user-info'><div class='base-info'><b class='{NAME_CLASSES[n - 1]}'>{name}</b> <span>|</span> "
                f"<span>Java 开发</span> <span class='comment-time'>2024-01-0{n}</span></div>"
                f"<div class='comment-detail'><p>{text}</p></div>"
                f"<div class='comment-action'><span>点赞</span><span>回复</span></div></div></div>")
    posts = "".join(post(n, name, text) for n, (name, text) in enumerate(REPLIES[:3], 1))
    html = (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 某某问答</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><h1>新群冷启动先做什么？</h1>"
        "<div class='question'><p>刚接手公司的用户群，三百多人，每天几乎没人说话，想请教大家先做哪几件事。</p></div>"
        f"<h3>3 个回答</h3><div class='comment-list'>{posts}</div></main>{FOOTER}</body></html>"
    )
    _title, md = _ingest(tmp_path, html, "unlinked.html")
    for n, (name, text) in enumerate(REPLIES[:3], 1):
        assert f"## 回复 {n} · {name}" in md or f"## 回答 {n} · {name}" in md, name
        assert text[:12] in md
    assert "img.example.com/face" not in md and "Java 开发" not in md


def test_above_the_posts_counters_go_and_so_do_the_posts_pictures_main_held():
    """The main content as an extractor may hand over a Q&A page: the question's counters as
    lines of their own, the answerers' pictures among the text. The posts come from the thread."""
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.thread import find_thread
    from opskb.ingest.threadmain import as_thread

    page = _tree(featured_answer_page())
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    thread = find_thread(page)
    answer = "".join(f"<p>{p}</p>" for p in ANSWERS[0][1])
    main = lxml.html.fromstring(
        "<html><body><p>刚转行做运营，面试时经常被问到这个问题，想听听做过的人怎么看。</p><p>1,024</p><p>88,431</p>"
        f'<img src="https://img.example.com/u/p1_s.jpg">{answer}<img src="https://img.example.com/u/p2_s.jpg"></body></html>')
    as_thread(main, blocks, thread, "回答")
    lines = [t for _el, t in _leaf_blocks(main)]
    assert lines[0].startswith("刚转行做运营") and lines[1].startswith("回答 1 · 张老师")
    assert "1,024" not in lines and "88,431" not in lines
    assert not any("/u/" in (img.get("src") or "") for img in main.iter("img"))
    assert sum(1 for t in lines if t == ANSWERS[0][1][0]) == 1  # the featured answer once, in the thread


def _topic_page(named: bool = True) -> str:
    """A community's topic: its poster's picture, name, date and a menu button above the title and
    text, a tag and buttons below, then comments whose poster's name stands inline in a header
    beside its date box (or, ``named`` False, comments with no name at all)."""
    def comment(n: int, name: str, text: str) -> str:
        who = (f"<div class='c-left'><a href='/user/{n}'><img class='pic' src='https://img.example.com/u/{n}.jpg' alt='{name}'></a></div>"
               f"<div class='c-meta'><a href='/user/{n}' class='c-who'>{name}</a>" if named else "<div class='c-meta'>")
        return (f"<div class='comment'>{who}<div class='c-meta-right'><time>2024-01-0{n} 10:3{n}</time></div></div>"
                f"<div class='c-content'><p>{text}</p></div>"
                "<div class='c-actions'><div class='c-action'><span>点赞</span></div><div class='c-action'><span>评论</span></div></div></div>")
    comments = "".join(comment(n, name, text) for n, (name, text) in enumerate(REPLIES[:4], 1))
    return (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 某某圈</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><article class='topic'><div class='topic-header'>"
        "<div class='topic-left'><a href='/user/9'><img class='pic' src='https://img.example.com/u/9.jpg' alt='运营小陈'></a></div>"
        "<div class='topic-center'><div class='nick'>运营小陈</div><div class='meta'>发布于 2024-01-01 09:00</div></div>"
        "<div class='topic-right'><div class='dropdown'><span role='button' aria-haspopup='menu'>管理</span></div></div></div>"
        "<div class='topic-content'><h1>新群冷启动先做什么？</h1><div class='detail'>"
        "<p>刚接手公司的用户群，三百多人，每天几乎没人说话。</p><p>想请教大家先做哪几件事，有没有踩过的坑？</p></div></div>"
        "<div class='topic-tags'><a href='/node/3' class='tag'>社群交流</a></div>"
        "<div class='topic-actions'><div class='act'><span>浏览</span><span> (640)</span></div>"
        "<div class='act'><span>收藏</span></div></div></article>"
        f"<div class='comments'><div class='comment-header'><span>4条评论</span></div>{comments}</div></main>"
        f"{FOOTER}</body></html>"
    )


def test_a_topic_keeps_its_text_and_its_comments_under_their_posters_names(tmp_path):
    _title, md = _ingest(tmp_path, _topic_page(), "topic.html")
    text = page_text(md)
    pos = _positions(text, ["三百多人", "有没有踩过的坑"] + [t[:12] for _n, t in REPLIES[:4]])
    assert pos == sorted(pos)
    for n, (name, _t) in enumerate(REPLIES[:4], 1):
        assert f"## 回复 {n} · {name}" in md, name
    # the poster's name under its picture, the menu button, the tag and the buttons are not the post
    lines = {line.strip() for line in text.splitlines()}
    for chrome in ("运营小陈", "管理", "社群交流", "收藏"):
        assert chrome not in lines, chrome
    assert "运营小陈" not in text and "(640)" not in text and "4条评论" not in text


def test_posts_without_names_are_numbered_in_words_a_counter_would_not_use(tmp_path):
    _title, md = _ingest(tmp_path, _topic_page(named=False), "topic-anon.html")
    for n, (_name, text) in enumerate(REPLIES[:4], 1):
        assert f"## 第 {n} 条回复" in md
        assert text[:12] in md


def test_replies_in_a_box_under_a_post_are_read_one_by_one_however_many(tmp_path):
    """Replies to a comment stand in a box under it: one under most comments, several under one.
    Each is a reply with its poster's name, not the box read as one reply with names and places."""
    def reply(n: int, name: str, text: str) -> str:
        return (f"<div class='reply-item'><div class='head'><div class='who'><a href='/u/{n}'>{name}</a><span>:</span></div>"
                f"<div class='where'>上海市</div></div><div class='base'><div class='content'><span>{text}</span></div>"
                f"<div class='foot'><span class='time'>2024-01-0{n} 10:00</span></div></div></div>")
    answers = ["说得对，先定群规。", "新人欢迎语我们也在用。", "补充：群主要常出来说话。", "主题日每周一次就够。", "冷启动先别打广告。"]
    def comment(n: int, name: str, text: str, replies: list[tuple[str, str]]) -> str:
        box = "".join(reply(10 * n + k, who, said) for k, (who, said) in enumerate(replies))
        return (f"<li class='item'><div class='thing'><div class='thing-main'><div class='thing-head'><a href='/u/{n}'>{name}</a>"
                f"<span class='where'>广东省</span></div><div class='thing-text'><span>{text}</span></div>"
                f"<div class='thing-foot'><span class='time'>2024-01-0{n} 09:00</span><div class='reply-wrap'>{box}</div></div>"
                "</div></div></li>")
    comments = (comment(1, "老王", REPLIES[0][1], [("小陈", answers[0])])
                + comment(2, "小李", REPLIES[1][1], [("小陈", answers[1])])
                + comment(3, "运营阿美", REPLIES[2][1], [("小陈", a) for a in answers[2:]] + [("老王", "同意阿美的说法。")]))
    html = (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 某某圈</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><h1>新群冷启动先做什么？</h1>"
        "<div class='post'><p>刚接手公司的用户群，三百多人，每天几乎没人说话，想请教大家先做哪几件事。</p></div>"
        f"<ul class='list'>{comments}</ul></main>{FOOTER}</body></html>"
    )
    _title, md = _ingest(tmp_path, html, "boxed.html")
    text = page_text(md)
    assert "上海市" not in text
    # every reply of the box under the third comment is a quote of its own with its poster's name
    third = md[md.index("## 回复 3 · 运营阿美"):]
    assert third.count("> 小陈：") == 3 and third.count("> 老王：") == 1
    assert "10:00" not in third  # the replies' times are their template's, not their text
    pos = _positions(text, [REPLIES[2][1][:10], *answers[2:], "同意阿美的说法"])
    assert pos == sorted(pos)


def test_a_name_of_figures_linked_where_the_posters_picture_links_is_a_name(tmp_path):
    """A forum that names its users by number: the name links to the poster's page, as the
    picture does; the rank badge and the counters around it are not the name."""
    def post(n: int, uid: str, text: str) -> str:
        return (f"<table class='plhin'><tr><td class='pls'><div class='authi'><a href='space.php?uid={uid}'>{uid}</a></div>"
                f"<div class='pic'><a href='space.php?uid={uid}'><img src='https://img.example.com/face/{uid}.gif'></a></div>"
                f"<table><tr><th><p><a href='space.php?uid={uid}&do=thread'>{n}</a></p>主题</th></tr></table>"
                f"<p><em><a href='group.php?gid=10'>新手上路</a></em></p></td>"
                f"<td class='plc'><div class='pti'>发表于 2024-01-0{n} 10:00</div><div class='t_f'>{text}</div></td></tr></table>")
    posts = "".join(post(n, uid, text) for n, (uid, (_name, text)) in enumerate(zip(("1657811359", "8840213", "5550123"), REPLIES[:3], strict=True), 1))
    html = (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 运营交流 - 某某论坛</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><div class='wrap'><h1 class='ts'><span id='subject'>新群冷启动先做什么？</span></h1>"
        f"<div id='postlist'>{posts}</div></div>"
        f"{FOOTER}</body></html>"
    )
    _title, md = _ingest(tmp_path, html, "numbers.html")
    # the first post opens the thread (楼主); the replies carry their posters' names
    for n, uid in enumerate(("8840213", "5550123"), 1):
        assert f"回复 {n} · {uid}" in md, uid
    assert "新手上路" not in md and md.index(REPLIES[0][1][:12]) < md.index("回复 1 · 8840213")
    # ... also when the extractor hands the headline over as a line of text above the posts
    import lxml.html
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.thread import find_thread
    from opskb.ingest.threadmain import as_thread

    page = _tree(html)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    thread = find_thread(page, forum=True)
    main = lxml.html.fromstring("<html><body><p>新群冷启动先做什么？</p>"
                                + "".join(f"<p>{t}</p>" for _n, t in REPLIES[:3]) + "</body></html>")
    opening = as_thread(main, blocks, thread, "回复", forum=True)
    assert opening == [thread.posts[0].body]
    assert [t for _el, t in _leaf_blocks(main) if t.startswith("回复")] == ["回复 1 · 8840213", "回复 2 · 5550123"]


def test_a_threads_date_is_its_questions_not_an_answers(tmp_path):
    # the answers mark their times up (<time datetime>), the question only says its date on its line
    html = qa_page().replace("<div class='question-detail'>",
                             "<div class='asker'><span>小陈</span> | <span>2024-03-01</span></div><div class='question-detail'>")
    for n in range(len(ANSWERS)):
        html = html.replace(f"<span>发布于 2024-03-1{n} 21:0{n}</span>",
                            f"<span>发布于 <time datetime='2024-03-1{n}T21:0{n}:00+08:00'>2024-03-1{n} 21:0{n}</time></span>")
    assert "<time" in html
    path = tmp_path / "dated.html"
    path.write_text(html, encoding="utf-8")
    assert locate(read(path)).meta.date == "2024-03-01"


def _headed_post(n: int, name: str, text: str, header: str) -> str:
    heads = {
        # the poster's name linked, with the post's date, inside a heading (a group's comment list)
        "dated": f'<h4><a href="/people/u{n}/">{name}</a><span class="pubtime">2024-03-1{n} 10:0{n}:11 北京</span></h4>',
        # every post's subject repeats the topic's, linked to the post itself (a bulletin board)
        "subject": f'<h3><a href="./viewtopic.php?p={n}#p{n}">Re: 新群冷启动先做什么？大家都是怎么熬过第一个月的</a></h3>'
                   f'<p class="author">由 <a href="/u/{name}">{name}</a> » 2024-03-1{n} 10:0{n}</p>',
    }[header]
    return (f'<li class="comment-item" id="c{n}"><div class="reply-doc">{heads}'
            f'<p class="reply-content">{text}</p>'
            f'<div class="operation"><a href="#r{n}">回应</a><a href="#v{n}">赞 ({n})</a></div></div></li>')


def test_posts_under_a_heading_of_their_own_header_or_subject_are_a_thread(tmp_path):
    # a heading above each post is not a section's when it is the post's header (name and date) or
    # a subject every post repeats; the short replies after the first post are read all the same
    first = "刚接手公司的用户群，三百多人，每天除了早安几乎没人说话。想请教大家，新群冷启动的时候最先应该做哪几件事？"
    replies = [("老王", "先把群规写清楚，新人进群第一天就知道能发什么、不能发什么。"), ("小李", "我们也是这么做的"),
               ("运营阿美", "别急着卖货，前两周只做答疑和分享"), ("新人小赵", "学到了 谢谢楼主")]
    for header in ("dated", "subject"):
        posts = "".join(_headed_post(i, n, t, header) for i, (n, t) in enumerate(replies, 1))
        html = ("<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 某某小组</title></head><body>"
                f"<nav><ul>{NAV}</ul></nav><div class='article'><h1>新群冷启动先做什么？</h1>"
                f"<div class='topic-content'><p>{first}</p></div><ul class='topic-reply'>{posts}</ul></div>"
                f"<aside><h3>最新讨论</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
        body = _located(tmp_path, html, f"{header}.html")
        pos = _positions(body, [first[:20]] + [t for _n, t in replies])
        assert pos == sorted(pos), header
        assert POST_HEADING.search(body) and "另一个关于社群拉新" not in body, header


def test_a_topic_in_sections_of_its_own_keeps_its_replies(tmp_path):
    # a community's topic may be written under 一、二、三 like an article: its replies are the thread's
    # all the same (a page's <article> holding none of them is what makes them an article's comments)
    article = "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in [
        ("一、分层太细，运营接不住", "最开始我们把用户切成了二十多层，每层配了话术，结果没人维护，最后合并成五层。"),
        ("二、只看消费数据", "复购周期很长的品类，只看最近一次购买会误判，要把打卡和观看时长也放进来。"),
        ("三、分层之后不复盘", "用户会在层级之间流动，每个月至少看一次各层人数的变化。"),
    ])
    comments = "".join(
        f'<div class="cmt"><div class="who"><a href="/u{i}">网友{i}</a></div><div class="when">{i} 楼 2024-05-0{i} 12:00</div>'
        f'<p>{t}</p></div>'
        for i, t in enumerate(["第一个坑太真实了，我们之前也切了二十多层", "请问五层具体是哪五层", "写得好，已关注",
                               "复盘那段很实用，下周组会就拿这个讲"], 1))
    html = ("<!DOCTYPE html><html><head><title>用户分层踩过的三个坑 | 分享 | 某某研习社</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='topic'><h1>用户分层踩过的三个坑</h1><div class='markdown-body'>{article}</div></div>"
            f"<div class='comments'>{comments}</div>{FOOTER}</body></html>")
    body = _located(tmp_path, html, "topic.html")
    assert "最开始我们把用户切成了二十多层" in body and "每个月至少看一次" in body
    pos = _positions(body, ["第一个坑太真实了", "请问五层具体是哪五层", "写得好，已关注", "复盘那段很实用"])
    assert POST_HEADING.search(body) and pos == sorted(pos)


def test_posts_whose_text_runs_loose_beside_their_blocks_are_read(tmp_path):
    # a table a post (a big board's layout): the poster's box in one cell; in the other the post's
    # info line, its text in a <span> (the first post's in a <p>) and a signature. A reply's text
    # may follow the quote it answers inside that span
    first = "在一家生鲜电商做用户运营，老板让我把全量用户按 RFM 分成八类再做精细化运营，可我们复购周期很短。"
    texts = ["有用，但别死套八类。高频品类的 R 要按天来切，先看复购间隔的分布，找到拐点再定召回时间。",
             "马一下，同样被老板要求做分层"]
    quote = '<div class="quote"><b>Reply to Post by [老王] (2024-03-12 22:15)</b><br>先看复购间隔的分布……</div>'
    last = "按复购间隔找拐点这个思路好，我们之前一直拍脑袋定的十四天"

    def post(n: int, name: str, body: str, tag: str = "span") -> str:
        return (f'<table class="forumbox postbox"><tr class="postrow row{n % 2 + 1}">'
                f'<td class="c1"><span class="posterinfo"><a href="/u{n}" class="author">{name}</a>'
                f'<div class="stat"><span>级别: 学徒</span><br><span>发帖: {n * 37}</span></div></span></td>'
                f'<td class="c2"><div class="postInfo"><a name="l{n}">#{n}</a><span class="stxt">2024-03-12 2{n}:07</span></div>'
                f'<{tag} id="postcontent{n}" class="postcontent ubbcode">{body}</{tag}>'
                f'<div class="sign">人生苦短，我用透视表做分层</div></td></tr></table>')
    posts = post(0, "阿明", first, "p") + post(1, "老王", texts[0]) + post(2, "白菜", texts[1]) + post(3, "柚子", quote + last)
    html = ("<!DOCTYPE html><html><head><title>[讨论] RFM 模型到底有没有用？ 某某玩家社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h3 id='postsubject0'>[讨论] RFM 模型到底有没有用？</h3>"
            f"<div id='m_posts'>{posts}</div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "board.html")
    assert title == "[讨论] RFM 模型到底有没有用？"
    pos = _positions(md, [first[:20], texts[0][:20], texts[1], last])
    assert pos == sorted(pos)
    assert "级别" not in md and "发帖" not in md


def test_comments_under_a_short_post_are_its_replies_a_long_articles_stay_out_and_a_questions_answers_stay(tmp_path):
    # a post in an <article> of its own, no subheadings, short enough beside its comments (floors and
    # all) that they are its replies, as on a community's page (a note, a blog post on a forum site)
    paragraphs = [
        "很多新手建群第一件事是写一大段群规，结果没人看，也没人遵守。",
        "第一，群规不超过五条：用户进群的注意力只有几秒钟。第二，先讲价值再讲禁止。",
        "第三，违规处理要公开且一致，对所有人一视同仁，包括老用户。",
        "第四，群规要随社群阶段更新：拉新期可以宽松一点，进入促活和转化阶段后，再逐步增加关于分享、打卡的约定。",
        "第五，让核心用户参与制定。群规由群成员投票确定，大家遵守起来会主动很多，甚至会帮你维护秩序。",
        "群规只是社群运营的起点，真正让用户留下来的，还是持续稳定的内容和彼此之间的关系。",
    ]
    article = "".join(f"<p>{p}</p>" for p in paragraphs)
    comments = "".join(
        f'<div class="cmt"><div class="who"><a href="/u{i}">网友{i}</a></div><div class="when">{i + 1}楼 2024-05-0{i} 12:00</div>'
        f'<div class="txt">{t}</div></div>'
        for i, t in enumerate(["先讲价值再讲禁止，这一条真的有用，我们群公告改了之后退群率明显下降了，新人也更愿意说话",
                               "请问发广告的第一次就直接踢吗，还是也先私聊提醒一次，我们宝妈群里微商实在太多了",
                               "群规随阶段更新这点很少有人提，拉新期管太严确实会劝退一批人，我们吃过这个亏"], 1))
    html = ("<!DOCTYPE html><html><head><title>我总结的几条群规原则 - 某某笔记</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>我总结的几条群规原则</h1><article class='note'>{article}</article>"
            f"<div class='likes'>172人点赞</div><section class='comments'>{comments}</section>{FOOTER}</body></html>")
    body = _located(tmp_path, html, "note.html")
    pos = _positions(body, ["群规不超过五条", "先讲价值再讲禁止，这一条", "请问发广告的第一次就直接踢吗", "群规随阶段更新这点"])
    assert pos == sorted(pos) and len(POST_HEADING.findall(body)) == 3
    # ... but under an article three times as long (its sections on how to write, post and enforce the
    # rules) they are its readers' comments, a small share beside it
    longer = paragraphs + [
        "写群规之前，先想清楚这个群是做什么的：是售后答疑、福利发放，还是同好交流。目的不同，群规的重点也完全不同，福利群最怕的是羊毛党，交流群最怕的是冷场和刷屏。",
        "发布群规的时机也有讲究。新人进群时用欢迎语带出最重要的两三条，完整版放在群公告里，每次更新都在群里说明改了什么、为什么改，而不是悄悄替换。",
        "执行群规最难的是第一次。第一次有人发广告，管理员怎么处理，所有人都在看：私聊提醒、公开说明、再犯移出，这个顺序定下来以后就不要轻易破例。",
        "很多群主会忽略群规的反面：鼓励什么。除了禁止发广告、禁止刷屏，更应该写清楚欢迎大家分享什么、提问时怎么描述问题，这样新人才知道怎样参与。",
        "最后，群规不是写给最守规矩的人看的，而是写给第一次进群、还不了解这个群的人看的。用他们听得懂的话写，比用管理员的口吻写有效得多。",
        "我们自己的几个群按这个思路改过之后，三个月里退群率降了一半，违规的人也少了很多，管理员处理的工作量反而轻了。",
    ] * 2
    long_html = html.replace(article, "".join(f"<p>{p}</p>" for p in longer))
    body = _located(tmp_path, long_html, "article.html")
    assert "鼓励什么" in body and "请问发广告的第一次就直接踢吗" not in body and not POST_HEADING.search(body)
    # a Q&A page that formats the question's text in an <article> like each answer's: the answers stay
    question = ("<article class='fmt'><p>社群留存怎么算？按还在群里算，还是按近七天发过言算？我们的数据都在一张发言表里。</p>"
                "<p>背景：我们有四十多个用户群，每个群三百人左右，进群来源有公众号、直播间和线下门店三种。老板想要一个看板，"
                "能看到每周新进群用户在第七天、第十四天、第三十天还剩多少，以及各个来源之间的差别。</p>"
                "<p>现在的问题是口径定不下来：有人说只要没退群就算留存，有人说得发过言才算，还有人说要看有没有点开群公告和直播。"
                "不同口径算出来的数字差了一倍多，汇报的时候很尴尬。想问问大家在实际工作里一般怎么定，有没有行业通用的做法？</p></article>")
    answers = "".join(
        f"<div class='answer'><div class='who'><a href='/u{i}'>答主{i}</a> <span>{i} 天前</span></div>"
        f"<article class='fmt'><p>{t}</p></article><div class='ops'><a href='#'>赞同 {i}</a> <a href='#'>评论</a></div></div>"
        for i, t in enumerate(["建议两个口径都定义：在群留存和活跃留存，分开看。没退群不代表还在关注，很多人只是把群折叠了，"
                               "所以汇报时两个数都给，老板自然知道差在哪里。",
                               "发言表先按用户和日期去重，再按进群日期分组，算第七天、第十四天、第三十天还有发言的人数占比，"
                               "不要用自连接逐天去算，几百万行会很慢。",
                               "mark 一下"], 1))
    html = ("<!DOCTYPE html><html><head><title>社群留存怎么算？ - 某某问答</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>社群留存怎么算？</h1>{question}<div class='answers'>{answers}</div>{FOOTER}</body></html>")
    body = _located(tmp_path, html, "qa.html")
    pos = _positions(body, ["按近七天发过言算", "在群留存和活跃留存", "再按进群日期分组", "mark 一下"])
    assert pos == sorted(pos) and POST_HEADING.search(body)
    # ... and one whose question stands in an <article> of its own, its text in the same box as each
    # answer's (div.fmt), the answers in plain <div>s: the answers stay too
    question = question.replace("<article class='fmt'>", "<article class='question card'><div class='fmt rich grow'>")
    question = question.replace("</article>", "</div></article>")
    answers = answers.replace("<article class='fmt'>", "<div class='fmt rich'>").replace("</article>", "</div>")
    html = ("<!DOCTYPE html><html><head><title>社群留存怎么算？ - 某某问答</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>社群留存怎么算？</h1>{question}<div class='answers'>{answers}</div>{FOOTER}</body></html>")
    body = _located(tmp_path, html, "qa2.html")
    pos = _positions(body, ["按近七天发过言算", "在群留存和活跃留存", "再按进群日期分组", "mark 一下"])
    assert pos == sorted(pos) and POST_HEADING.search(body)


def test_comments_whose_classes_carry_their_own_ids_and_whose_text_sits_in_a_form_are_read(tmp_path):
    # each comment's classes hold one of its own (thing id-t1_k9x2…): the rest is the template's;
    # its text is shown inside a form (to edit it in place) with only a hidden field: the post's box
    first = "上周做了一个邀请三人进群领资料包的裂变活动，两天进了一千二百多人，结果一周后新进群的用户退了八成，正常吗？"
    replies = [("laozhang", "八成有点高但不算离谱。资料包吸引来的本来就是冲着资料来的，领完就走很正常。"),
               ("xiaomiao", "同问，我们上个月也是一模一样的情况"), ("jiangyou", "马一下，回头看")]
    comments = "".join(
        f'<div class="thing id-t1_{code} comment"><div class="entry"><p class="tagline">'
        f'<a href="/user/{n}" class="author">{n}</a> <span class="score">{i * 11} 分</span> <time>{i} 小时前</time></p>'
        f'<form action="#" class="usertext"><input type="hidden" name="thing_id" value="t1_k{i}">'
        f'<div class="usertext-body"><div class="md"><p>{t}</p></div></div></form>'
        f'<ul class="buttons"><li><a href="#">永久链接</a></li><li><a href="#">回复</a></li></ul></div></div>'
        for i, ((n, t), code) in enumerate(zip(replies, ["kzq81aa", "kzqb0x1", "mwd33qe"], strict=True), 1))
    html = ("<!DOCTYPE html><html><head><title>裂变进群的用户一周退了八成，正常吗？ : 某某社群板</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='content'><h1>裂变进群的用户一周退了八成，正常吗？</h1>"
            f"<div class='expando'><div class='md'><p>{first}</p></div></div>"
            f"<div class='sitetable nestedlisting'>{comments}</div></div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "board.html")
    assert title == "裂变进群的用户一周退了八成，正常吗？"
    pos = _positions(md, [first[:20]] + [t for _n, t in replies])
    assert pos == sorted(pos)
    assert "## 回复 3 · jiangyou" in md or "## 回复 2 · jiangyou" in md



def test_a_posters_name_as_a_heading_a_bbs_signature_and_a_boards_notes_go(tmp_path):
    # each post opens with its poster's name in a heading of its own (a linked name, no section's
    # title); a post's signature follows a line of "--" in its box; the board's count of its pages
    # and its note of who last edited a post are no text
    posts = [("老周", "背景：我们做宠物食品，私域大概六十个群，去年底开始做体验官计划，说一下过程和数据。",
              "人生苦短，我用透视表"),
             ("小满", "想问一下加权打分的权重是怎么定的？我们之前只按发言数选，选出来一堆天天水群的。", "不在沉默中爆发，就在沉默中睡觉"),
             ("阿杰", "我们也是这么做的", "Talk is cheap, show me the data."),
             ("Ariel", "学到了，回去就把选人的规则改一下", "发自我的手机客户端")]
    items = "".join(
        f'<div class="PostStream-item"><article class="Post"><header><h3 class="PostUser-name"><a href="/u/{n}">{n}</a></h3>'
        f'<time>3月1{i}日</time></header><div class="Post-body"><p>{"本帖最后由 " + n + " 于 2024-3-5 20:20 编辑<br>" if i == 1 else ""}'
        f'{t}<br>--<br>{sig}<br>※ 来源:·某某社区·[FROM: 117.136.*]</p></div>'
        f'<aside class="Post-actions"><button>赞</button><button>回复</button></aside></article></div>'
        for i, (n, t, sig) in enumerate(posts))
    html = ("<!DOCTYPE html><html><head><title>体验官计划三个月复盘 - 某某运营社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>体验官计划三个月复盘</h1><p class='pages'>本主题共有 4 篇文章，分 1 页，当前第 1 页</p>"
            f"<div class='PostStream'>{items}</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "flarum.html")
    pos = _positions(md, [t for _n, t, _s in posts])
    assert pos == sorted(pos) and re.search(r"## 回复 \d · 小满", md) and re.search(r"## 回复 \d · Ariel", md)
    for chrome in ("人生苦短", "不在沉默中爆发", "Talk is cheap", "FROM:", "本主题共有", "最后由"):
        assert chrome not in md, chrome


CARD_BIOS = ["私域操盘手，带过两百多个付费社群，现在专注会员运营", "瑜伽馆店长，主做会员运营和老客转介绍",
        "某某助手技术支持，工作日上午九点到晚上六点在线", "读书会发起人，做了三年的线上读书社群",
        "连锁门店社群负责人，管着六十多个门店群"]


def _feedback_page(answers: list[tuple[str, str, str]], comments: list[tuple[str, str]]) -> str:
    """A product's feedback board: no h1, a <title> of the product's and the board's names, the
    topic's subject in an h2; answers built from one template, some with a class more (the
    accepted one, a developer's: answer-item--developer, or a plain variant class), each under its
    answerer's card (a linked name, a line about them); comments under the first answer, each a
    commenter's linked name beside the comment's text, the replies among them a variant
    (comment-item comment-item--reply)."""
    items = []
    for n, (name, extra, text) in enumerate(answers):
        inner = ""
        if n == 0:
            inner = "<div class='comment-list'>" + "".join(
                f"<div class='comment-item{' comment-item--reply' if k else ''}'><a class='comment-name' href='/u/{cn}'>{cn}</a>"
                f"<p class='comment-text'>{ct}</p><span class='comment-time'>2024-05-1{k} 09:1{k}</span></div>"
                for k, (cn, ct) in enumerate(comments)) + "</div>"
        items.append(
            f"<div class='answer-item{extra}'><div class='answer-user'><a href='/u/{name}'><img class='avatar' src='/a/{n}.png' alt=''></a>"
            f"<div class='info'><a class='name' href='/u/{name}'>{name}</a><span class='rep'>声望 {n * 70 + 12}</span>"
            f"<p class='author-bio'>{CARD_BIOS[n]}</p></div></div>"
            f"<div class='answer-content'><p>{text}</p></div>"
            f"<div class='answer-footer'><span class='time'>2024-05-0{n + 1} 17:0{n}</span>"
            f"<span class='btn-like'>赞 <em>{n + 3}</em></span></div>{inner}</div>")
    return ("<!DOCTYPE html><html><head><title>某某助手 - 吐个槽</title></head><body>"
            f"<header><span class='product-name'>某某助手</span><nav><ul>{NAV}</ul></nav></header>"
            "<div class='topic'><div class='topic-user'><span class='nickname'>橙子运营</span>"
            "<span class='topic-time'>2024-04-16 22:08</span></div>"
            "<h2 class='topic-title'>打卡数据导出时能不能带上成员标签</h2><div class='topic-content'>"
            "<p>我们每个月要按连续打卡天数和复购给会员群做一次分层，现在导出的表格没有成员标签，两千多人要手工一个个查。</p>"
            "</div></div>"
            f"<div class='answer-list'>{''.join(items)}</div><aside><h3>相似反馈</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")


def test_answers_of_one_template_with_a_class_more_and_their_comments_are_kept(tmp_path):
    answers = [("产品经理阿杰", " answer-item--developer",
                "感谢建议！导出自定义字段已经排进下个月的迭代，第一版支持成员标签和连续打卡天数两个字段。"),
               ("瑜伽馆小周", "", "加一，急需这个功能，我们也是每月手工筛一遍高价值用户"),
               ("技术支持小林", " answer-accepted", "补卡后连续天数会断是已知问题，可以先在统计规则里打开补卡计入连续天数的开关。"),
               ("读书会团团", "", "找到开关了，谢谢小林，还想问下导出能不能按群分成几个表"),
               ("社群老陈", " is-liked", "同问，顺便希望支持按标签筛选之后再导出")]
    comments = [("weixin_5810", "太好了，下个月上线的话我们的会员升级刚好能用上"),
                ("小白在路上", "字段能自选的话就更好了"),
                ("产品经理阿杰", "可以的，第一版就会支持勾选字段")]
    title, md = _ingest(tmp_path, _feedback_page(answers, comments), "feedback.html")
    # the <title> says only the product's and the board's names: the topic's subject is the headline
    assert title == "打卡数据导出时能不能带上成员标签"
    pos = _positions(md, ["两千多人要手工"] + [t[:14] for _n, _c, t in answers[:1]] + [t for _n, t in comments]
                     + [t[:14] for _n, _c, t in answers[1:]])
    assert pos == sorted(pos)
    for name, _c, _t in answers:
        assert re.search(rf"## 回复 \d+ · {name}", md), name
    assert "相似反馈" not in md and "另一个关于社群拉新" not in md
    for bio in CARD_BIOS:
        assert bio not in md, bio


def test_a_first_post_in_a_variant_of_the_replies_template_and_an_ad_built_like_a_post(tmp_path):
    # the first post is the replies' template with a class more (atl-item host-item) but its text
    # sits loose in the box, not in a paragraph: it stays the thread's opening, above the replies;
    # an ad between the replies is built like one, with a line that only says 推广 beside its text
    first = ["做了两年私域社群，说几个我觉得最重要的经验，不一定对，大家轻拍。",
             "第一，拉新别只盯着数量，进群送小礼品拉来的人一个月后退了一大半。",
             "第二，群规要在入群第一天讲清楚，而且要执行，没有例外。"]
    replies = [("小鹿", "第三点太有共鸣了，我们之前所有人都塞在一个大群里，后来拆开才好一点。"),
               ("阿文", "同问，群规执行起来总有老客不服怎么办"), ("打工人小林", "坐等楼主更新")]
    reply_items = [
        f"<div class='atl-item'><div class='atl-head'><a class='js-vip-check' href='/u/{n}'>{n}</a>"
        f"<span>时间：2024-03-0{k + 1} 11:0{k}</span></div><div class='atl-content'><div class='bbs-content'><p>{t}</p></div></div>"
        f"<div class='atl-reply'><a href='#'>回复</a> <a href='#'>举报</a></div></div>"
        for k, (n, t) in enumerate(replies)]
    ad = ("<div class='atl-item'><div class='atl-head'><a class='js-vip-check' href='https://ads.example.com/x'>某某SCRM官方</a>"
          "<span>时间：2024-03-02 12:00</span></div><div class='atl-content'><div class='bbs-content'>"
          "<p>社群没人说话？某某SCRM一键群发、自动打卡、积分商城，点击免费领取社群运营手册</p></div></div>"
          "<div class='atl-reply'><span class='label'>推广</span></div></div>")
    reply_items.insert(2, ad)
    host = ("<div class='atl-item host-item'><div class='atl-head'><a class='js-vip-check' href='/u/楼主'>私域老陈</a>"
            "<span>时间：2024-03-01 10:21</span></div><div class='atl-content'><div class='bbs-content'>"
            + "<br>".join(first) + "</div></div><div class='atl-reply'><a href='#'>回复</a> <a href='#'>举报</a></div></div>")
    html = ("<!DOCTYPE html><html><head><title>做了两年私域社群，聊聊我踩过的坑_职场天地_论坛_某某社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>做了两年私域社群，聊聊我踩过的坑</h1>"
            f"<div class='atl-main'>{host}{''.join(reply_items)}</div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "bbs.html")
    assert title == "做了两年私域社群，聊聊我踩过的坑"
    pos = _positions(md, [t[:16] for t in first] + [t for _n, t in replies])
    assert pos == sorted(pos)
    assert "积分商城" not in md and "SCRM" not in md


def test_a_notes_comments_with_replies_under_them_and_a_badge_in_the_headline(tmp_path):
    # each comment's box holds its text, then a box of replies to it built unlike the comment (the
    # same text field deeper down): the comment's own text is the first, the replies nested under it;
    # the question's h1 opens on a badge (<span class="icon">问</span>) and the <title> only names
    # the page's type and the site
    comments = [("南瓜", "前三十个人决定调性这句太对了，我之前一上来就拉了两百人", [("作者", "是的，宁可慢一点，前期人对了后面省很多力气")]),
                ("小满", "请问每晚的话题是博主自己想，还是群友轮流出？", [("作者", "前两个月我自己出，后来从群友里挑了四个话题官")]),
                ("山海", "四十九元二十一天的定价好友好，完课率真的很厉害了", []),
                ("晴天", "收藏了，下周开始试试，蹲一个后续更新", [("作者", "冲鸭，有问题随时来问")])]

    def comment(name: str, text: str, cls: str) -> str:
        return (f"<div class='{cls}'><div class='avatar'><img src='/a/{name}.png'></div><div class='right'>"
                f"<div class='author'><a class='name' href='/u/{name}'>{name}</a></div>"
                f"<div class='content'><span class='note-text'><span>{text}</span></span></div>"
                f"<div class='info'><span>06-1{len(name)}</span><span class='like'>{len(text)}</span></div></div></div>")
    items = "".join(
        f"<div class='parent-comment'>{comment(n, t, 'comment-item')}"
        + (f"<div class='reply-container'><div class='list'>{''.join(comment(rn, rt, 'comment-item comment-item-sub') for rn, rt in replies)}</div></div>" if replies else "")
        + "</div>" for n, t, replies in comments)
    html = ("<!DOCTYPE html><html><head><title>问答详情 - 某某社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='question'><h1 class='q-title'><span class='q-icon'>问</span>读书社群冷启动，前三十个人怎么找？</h1>"
            "<div class='q-content'><p>去年开始做线上读书社群，现在五个群全部满员，想听听大家最早的种子用户是怎么找来的，我们当时一个个私聊邀请。</p></div></div>"
            f"<div class='comments'><div class='total'>共 6 条评论</div><div class='list-container'>{items}</div></div>{FOOTER}</body></html>")
    # the thread is the comments, each with its replies, not the replies alone
    thread = find_thread(lxml.html.fromstring(html))
    assert [_text(p.body) for p in thread.posts] == [t for _n, t, _r in comments]
    assert [[_text(b) for _n, b in p.extra] for p in thread.posts] == [[rt for _rn, rt in r] for _n, _t, r in comments]
    title, md = _ingest(tmp_path, html, "note.html")
    assert title == "读书社群冷启动，前三十个人怎么找？"
    said = [t for _n, t, replies in comments for t in [t] + [rt for _rn, rt in replies]]
    pos = _positions(md, said)
    assert pos == sorted(pos)
    for name, _t, _r in comments:
        assert re.search(rf"## 回复 \d+ · {name}", md), name


def test_a_headline_cut_short_is_read_whole_from_the_title():
    # the page shows its headline cut to a line (……想听听大家的真...); the <title> says it whole
    from opskb.ingest.title import choose_title
    whole = "做了半年社区团购私域群，复购率一直卡在百分之十五上不去，想听听大家的真实经验"
    assert choose_title([whole], [whole[:24] + "..."]) == whole
    assert choose_title([whole + " - 某某小组"], [whole[:24] + "…"]) == whole


def test_a_bbs_post_laid_out_as_bare_lines_keeps_its_lines_and_loses_its_signature_and_notes(tmp_path):
    # the post is bare text in a box the style sheet lays out with white-space: pre-wrap; a line
    # of "--" starts the poster's signature, the board's notes (※ 发信站, ※ 编辑) follow; the
    # pushes under it are replies
    lines = ["大家好，我在一家手摇饮品牌做行销，两年前接手品牌的社群，现在已经有十四个分店群。",
             "一、群组不要一开始就开太大",
             "后来改成每间分店一个群，每群控制在三百到五百人，店长自己顾自己的群。",
             "二、固定节奏比天天发优惠有用，我们现在每周只发三次，成员反而比较愿意打开提醒。"]
    pushes = [("推", "coffee", "写得很实用，分店群这招我们也在用"), ("→", "shine", "一个群两个人轮班，店长加一个资深店员")]
    body = "\n".join(lines) + ("\n\n--\n<span class='f6'>我的粉专：阿光聊社群｜每周分享社群经营实战</span>\n\n"
                               "<span class='f2'>※ 发信站: 某某实业坊(example.cc), 来自: 36.227.81.142\n</span>"
                               "<span class='f2'>※ 编辑: shine (36.227.81.142), 06/12/2023 22:31:05\n</span>")
    push_html = "".join(f"<div class='push'><span class='tag'>{t} </span><span class='userid'>{u}</span>"
                        f"<span class='content'>: {c}</span><span class='ipdatetime'> 06/12 22:2{k}</span></div>"
                        for k, (t, u, c) in enumerate(pushes))
    # (the style sheet in the page, the box's own style, or another file's style sheet: the lines and blank lines tell)
    for k, (style, attr) in enumerate((("<style>#main-content{white-space:pre-wrap}</style>", ""),
                                       ("", " style='white-space: pre-wrap'"), ("<link rel='stylesheet' href='/bbs.css'>", ""))):
        html = (f"<!DOCTYPE html><html><head><title>[心得] 经营社群两年，我学到的五件事 - 看板 Marketing - 某某实业坊</title>{style}</head>"
                f"<body><nav><ul>{NAV}</ul></nav><div id='main-content'{attr}>"
                "<div class='article-metaline'><span class='tag'>标题</span><span class='value'>[心得] 经营社群两年，我学到的五件事</span></div>"
                f"{body}{push_html}</div>{FOOTER}</body></html>")
        (tmp_path / str(k)).mkdir()
        _title, md = _ingest(tmp_path / str(k), html, "ptt.html")
        for line in lines:  # each line a paragraph of its own, none run into the next
            assert re.search(rf"^{re.escape(line)}$", md, re.M), line
        for chrome in ("我的粉专", "发信站", "※ 编辑"):
            assert chrome not in md, chrome
        assert all(c in md for _t, _u, c in pushes)


def test_a_paragraph_whose_source_breaks_its_lines_stays_one_paragraph(tmp_path):
    # HTML's own line breaks inside a paragraph's source (an editor that wraps long lines): one
    # paragraph on the screen, no blank line between its lines
    lines = ["很多品牌把社群当成发券的渠道，群里每天只有优惠信息，",
             "用户进群的理由也只是领券，券领完就退群或者屏蔽，",
             "所以社群运营的第一步不是拉人，而是想清楚用户为什么要留在这个群里，",
             "能给他们带来什么价值：答疑、陪伴、同好之间的交流，还是比别处更早的新品消息。"]
    after = "".join(f"<p>{t}</p>" for t in (
        "第二段：先想清楚群的价值，再谈拉新和转化，顺序反了，群越大越难管。",
        "第三段：价值想清楚之后，入群欢迎语、群规和每周的固定栏目都围绕它来写，新人一进群就知道这里能得到什么。",
        "第四段：转化放在最后，等成员认可了群的价值，优惠信息才不会被当成打扰。"))
    html = ("<!DOCTYPE html><html><head><title>社群不是发券群 - 某某网</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='article'><h1>社群不是发券群</h1><div class='content'><p>\n"
            + "\n".join(lines) + f"\n</p>{after}</div></div><aside><h3>相关文章</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "wrapped.html")
    assert re.search("^" + r"\s?".join(re.escape(line) for line in lines) + "$", md, re.M)


def test_a_notes_hashtags_end_its_text_not_its_comments(tmp_path):
    # the hashtags close the note's text (a tag line ends an article); the comments after it stay
    note = ["上周帮一个做家居的客户做了一场社群裂变，三天新增企微好友两千多人，整理了一下完整流程。",
            "活动设计：邀请三位好友扫码进群，就能免费领取一套收纳神器，礼品成本控制在十元以内。",
            "海报要点：主标题不超过十二个字，福利要写在最显眼的位置，一定要加上仅限前五百名制造紧迫感。",
            "种子用户：先在老客户群里找了八十个活跃用户做第一波转发，种子质量决定了裂变能走几层。",
            "防羊毛：同一个微信只能领一次，收货地址重复的自动过滤，最后羊毛党大概占百分之六。",
            "踩坑提醒：群满两百人一定要提前准备好下一个群的活码，不然会有大量用户扫码扫不进来。"]
    # (comments that hold more than a third of the note's text: the page's thread, not an article's comments)
    comments = [("Momo", "求模板，我们下个月也要做裂变活动，能不能把海报的尺寸和文案也一起分享一下"),
                ("小透明", "请问礼品是包邮的吗？邮费算进成本里会不会太高，我们之前算下来获客成本翻了一倍"),
                ("大白菜", "裂变层级一般能走几层呀？我们之前做的基本第二层就断了，种子用户也是从老客户里挑的"),
                ("小鱼", "防羊毛那条太重要了，上次活动被薅了三千多单，后来只能把地址重复的全部拦下来")]
    items = "".join(f"<div class='comment-item'><div class='author'><a class='name' href='/u/{n}'>{n}</a></div>"
                    f"<div class='content'>{t}</div><div class='info'><span>03-0{k}</span><span class='like'>{k * 7}</span></div></div>"
                    for k, (n, t) in enumerate(comments, 1))
    html = ("<!DOCTYPE html><html><head><title>某某书 - 你的生活指南</title><style>.desc{white-space:pre-wrap}</style></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='note'><div id='detail-title' class='title'>社群裂变活动复盘｜三天涨粉两千</div>"
            f"<div class='desc'><span class='note-text'><span>{chr(10).join(note)}\n#社群运营 #裂变活动 #私域流量</span></span></div>"
            f"<div class='bottom'><span class='date'>2024-03-08 浙江</span></div></div>"
            f"<div class='comments'><div class='total'>共 3 条评论</div><div class='list'>{items}</div></div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "note.html")
    pos = _positions(md, note + [t for _n, t in comments])
    assert pos == sorted(pos)
    assert "#社群运营" not in md


def test_a_headline_in_a_styled_box_is_not_a_counter_or_a_prompt_beside_it(tmp_path):
    # no h1, a <title> of the site's name and slogan; the headline is a styled box's text. The
    # line right above the text is a counter (阅读数：12.8万): not the headline. On a video's page
    # with comments, the comment box's prompt (登录后即可发表评论) stands where a first post would
    paras = "".join(f"<p>{t}</p>" for t in (
        "三年前我接手公司的会员体系时，老板给我的目标只有一句话：把付费会员做到十万人。",
        "第一年，我们靠门店导购的强推，确实做到了六万多付费会员，但续费率只有百分之十九。",
        "后来我们把权益从打折改成服务，续费率第二年回到了百分之四十一，付费会员也更愿意推荐朋友。"))
    html = ("<!DOCTYPE html><html><head><title>某某网-随时随地发现新鲜事</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='article'><div class='title'>做了三年会员运营，我终于想明白了付费会员这件事</div>"
            "<div class='art_info'><div class='fl'><em><a href='/u/1'>私域观察员老K</a></em><span class='time'>2024-01-09 10:32 发布于 北京</span></div>"
            "<div class='fr'><span class='num'>阅读数：12.8万</span></div></div>"
            f"<div class='editor'>{paras}</div></div>{FOOTER}</body></html>")
    (tmp_path / "a").mkdir()
    title, _md = _ingest(tmp_path / "a", html, "post.html")
    assert title == "做了三年会员运营，我终于想明白了付费会员这件事"
    comments = [("花花的小店", "我们是开烘焙店的，按这个方法分了三个群，高层那个群现在新品一发就被订完了"),
                ("阿杰", "分层之后话术也要分开写，高层群少发广告多发新品预告"),
                ("小王", "想问低层的群要不要直接解散，感觉一直没有人说话，留着也是占地方")]
    items = "".join(f"<div class='comment-item'><div class='user'><a class='name' href='/u/{n}'>{n}</a></div>"
                    f"<p class='comment-text'>{t}</p><div class='meta'><span>02-2{k}</span><span class='like'>{k * 9}</span></div></div>"
                    for k, (n, t) in enumerate(comments, 1))
    html = ("<!DOCTYPE html><html><head><title>某某视频-记录美好生活</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='video-info'><div class='title-box'><span class='video-title'>社群分层别再瞎做了！三步搭出能复购的会员群</span></div>"
            "<div class='video-desc'>很多老板问我，群建了几十个，为什么就是没人买？第一步，按消费金额和最近购买时间把客户分成三层。</div>"
            "<div class='publish'>发布时间：2024-02-27 19:30</div></div>"
            "<div class='comments'><div class='comment-input-login'><span>登录后即可发表评论</span><button type='button'>登录</button></div>"
            f"<div class='comment-list'>{items}</div></div>{FOOTER}</body></html>")
    (tmp_path / "b").mkdir()
    title, md = _ingest(tmp_path / "b", html, "video.html")
    assert title == "社群分层别再瞎做了！三步搭出能复购的会员群"
    assert all(t in md for _n, t in comments)


def test_answers_after_a_folded_best_answer_and_a_search_ad_between_them(tmp_path):
    # a Q&A page in one <article>: the best answer folded under 展开全部, who chose it, a search ad
    # (its label, headline, a sentence of copy and its address), then the heading over the other
    # answers and the answers, no template the thread finder knows: the fold ends nothing
    best = ["用户分层最常用的方法是 RFM 模型，给你具体说一下怎么落地。",
            "先从后台导出最近一年的订单数据，算出每个会员的三个指标，再按中位数切分就行。"]
    others = ["除了 RFM，也可以按用户生命周期来分，每个阶段关注的指标不一样，新用户看首单转化。",
              "我们公司是按会员等级分的，根据累计消费自动升级，简单粗暴，但是好执行。"]
    ad = ("<div class='ads'><span class='tag'>广告</span><a class='t' href='https://e.example.com/c?1'>"
          "私域运营系统课，三十天学会用户分层与精细化运营</a><p class='d'>名企运营总监授课，RFM 模型、用户标签、"
          "社群 SOP 实战演练，报名即送运营工具包。</p>"
          "<p class='u'>www.example.cn 2024-03</p></div>")
    html = ("<!DOCTYPE html><html><head><title>社群运营怎么做用户分层？_某某知道</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><article><h1>社群运营怎么做用户分层？</h1>"
            "<div class='q'>刚接手公司的会员群，老板让我做用户分层，求有经验的大佬指点一下。</div>"
            "<div class='best'><span>最佳答案</span><span>2023-06-12 21:47</span>"
            + "".join(f"<p>{t}</p>" for t in best) + "<div class='mask'>展开全部</div></div>"
            "<div class='aid'><span>本回答由提问者推荐</span></div>" + ad +
            "<div class='answers'><h2>其他2条回答</h2>"
            + "".join(f"<div class='a'><span class='name'>用户{k}</span><span class='time'>2023-06-1{k}</span>"
                      f"<div class='text'>{t}</div></div>" for k, t in enumerate(others, 3))
            + "</div><div class='editor'>我来回答</div></article>"
            f"<aside><h3>相关问题</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "zhidao.html")
    assert title == "社群运营怎么做用户分层？"
    pos = _positions(md, [t[:12] for t in best + others])
    assert pos == sorted(pos)
    for chrome in ("展开全部", "本回答由提问者推荐", "名企运营总监授课", "www.example.cn"):
        assert chrome not in md, chrome
    # the lines between the answers, in other words too; a sentence about answers is none of them
    from opskb.ingest.rules import match_rule

    for line in ("其他 3 条回答", "更多回答（5）", "本回答被网友采纳"):
        assert match_rule(line) is not None and match_rule(line).name == "post_prompts", line
    assert match_rule("其他回答里提到的分层方法，我们也试过。") is None


def test_a_thread_without_an_h1_takes_the_subject_its_title_opens_with(tmp_path):
    # a gaming forum's thread: no h1, the subject in a heading inside the first post, the <title>
    # the subject with the board's and the site's names after it, parted by spaces only
    subject = "[讨论] 从玩家角度聊聊这半年的社区运营，问题到底出在哪"
    first = ("玩了半年这款游戏，也在官方群和超话里混了半年，最近越来越觉得这游戏的社区运营出了大问题，"
             "官方群只剩公告和客服，玩家提的问题永远没有下文。")
    posts = [_post(0, "夜航船长", first).replace("<div class=\"content\"><p>", f"<div class=\"content\"><h3>{subject}</h3><p>", 1)]
    posts += [_post(i, n, t) for i, (n, t) in enumerate(REPLIES, 1)]
    html = ("<!DOCTYPE html><html><head><title>" + subject + " 星潮纪元 某某玩家社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='wrap'><div class='postlist'>{''.join(posts)}</div></div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "nga.html")
    assert title == subject
    assert md.index("官方群只剩公告") < md.index(REPLIES[0][1][:12])


def test_a_headline_cut_short_everywhere_but_in_the_posts_title_field_is_read_whole(tmp_path):
    # a group's topic page: the <title> and the h1 both cut with "...", the post's box gives the
    # whole title in a field of its own (标题：……)
    whole = "有没有人觉得现在的私域运营已经变味了？天天加好友发朋友圈，用户都快烦死了"
    cut = whole[:22] + "..."
    body = ["最近半年换了三家品牌的会员群，感受是私域越来越像电话销售，加了好友就开始群发。",
            "我理解品牌需要转化，但用户不是韭菜，真正做得好的私域应该先提供价值再谈卖货。"]
    html = (f"<!DOCTYPE html><html><head><title>{cut}</title></head><body><nav><ul>{NAV}</ul></nav>"
            f"<h1>{cut}</h1><div class='topic'><div class='from'>来自：老赵 2024-01-08 21:13:05</div>"
            f"<table class='infobox'><tr><td><strong>标题：</strong>{whole}</td></tr></table>"
            f"<div class='topic-content'>{''.join(f'<p>{t}</p>' for t in body)}</div></div>{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "group.html")
    assert title == whole and body[1][:12] in md
    # a title not cut short stays as it is, whatever a field says
    html2 = html.replace(f"<title>{cut}</title>", f"<title>{whole[:22]}</title>").replace(f"<h1>{cut}</h1>", f"<h1>{whole[:22]}</h1>")
    (tmp_path / "uncut").mkdir()
    title, _md = _ingest(tmp_path / "uncut", html2, "group.html")
    assert title == whole[:22]


def _as_thread(html: str, main_lines: list[str]):
    """as_thread over a page of ours, the main content as an extractor may hand it over (``main_lines``)."""
    from opskb.ingest.pagetree import _leaf_blocks, _tree
    from opskb.ingest.threadmain import as_thread

    page = _tree(html)
    blocks = [(el, text, fold(text)) for el, text in _leaf_blocks(page)]
    main = lxml.html.fromstring("<html><body>" + "".join(f"<p>{t}</p>" for t in main_lines) + "</body></html>")
    opening = as_thread(main, blocks, find_thread(page), "回答")
    return opening, [t for _el, t in _leaf_blocks(main)]


def test_a_questions_code_block_between_its_paragraphs_is_part_of_the_question():
    # a technical Q&A: the question's text, a block of code, its last line; the extractor kept only
    # that last line; the answers are cards of one template
    question = ["我们每天凌晨给两百万会员算一次 RFM 分数，运营要按分数组合圈人发券，现在每次圈人都要跑半分钟以上。",
                "现在每个会员存一个哈希，圈人的时候全量遍历，数据一多就超时。",
                "这种多条件组合筛选，应该换成什么结构？"]
    code = "HSET member:1001 r 4 f 2 m 5\nHSET member:1002 r 1 f 1 m 2"
    answers = "".join(_answer_card(i, n, ps) for i, (n, ps) in enumerate(ANSWERS))
    html = ("<!DOCTYPE html><html><head><title>RFM 分数用什么结构存 - 某某问答</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>RFM 分数用什么结构存？</h1><div class='meta'>提问于 2024-06-14 浏览 1.2k</div>"
            f"<article class='question'><p>{question[0]}</p><p>{question[1]}</p><pre><code>{code}</code></pre><p>{question[2]}</p></article>"
            "<div class='q-actions'><button>关注 14</button><button>收藏 31</button></div>"
            f"<h2>3 个回答</h2><div class='answers'>{answers}</div>{FOOTER}</body></html>")
    opening, lines = _as_thread(html, [question[2]])
    assert [_text(el) for el in opening] == [*question[:2], code.replace("\n", " "), question[2]]
    pos = [next(i for i, t in enumerate(lines) if t.startswith(q[:10])) for q in question]
    assert pos == sorted(pos) and lines.index(question[2]) < next(i for i, t in enumerate(lines) if t.startswith("回答 1"))


def test_a_posters_signature_the_extractor_kept_above_the_posts_goes_with_those_under_them():
    # an old Discuz page: each post a table, its text in one cell and the poster's signature in a row
    # of its own under it; the extractor kept the first post's table, its signature ahead of its text
    sign = "十年社区老兵 | 专注版主培养 | 交流群见主页"
    posts = [("老猫", "去年接手县城论坛的亲子版块，一天不到十个新帖。先从线下找了二十位爱聊天的宝妈做种子用户，请她们每天发一帖。", sign),
             ("小城", "沙发！我们的情感版块也是死气沉沉，学习了，回去就找种子用户。", ""),
             ("老猫", "种子用户发的内容不审核，只给方向。每周一在小群里发一个本周话题建议，她们自己挑着写。", sign),
             ("阿甘", "版主一定要从活跃用户里提拔，不要从外面招，自己人管自己人，大家服气。", "")]
    rows = "".join(
        f'<div id="post_{i}"><table class="plhin" id="pid{i}"><tr><td class="pls"><a href="/u/{n}" class="xw1">{n}</a></td>'
        f'<td class="plc"><div class="pi"><em>发表于 2016-3-1{i} 10:2{i}</em></div>'
        f'<table><tr><td class="t_f" id="postmessage_{i}">{t}</td></tr></table></td></tr>'
        + (f'<tr><td class="plc plm"><div class="sign">{s}</div></td></tr>' if s else "") + "</table></div>"
        for i, (n, t, s) in enumerate(posts))
    html = ("<!DOCTYPE html><html><head><title>地方论坛冷启动 - 站长交流 - 某某论坛</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>地方论坛冷启动</h1><div id='postlist'>{rows}</div>{FOOTER}</body></html>")
    _opening, lines = _as_thread(html, [sign, posts[0][1]])
    assert sign not in lines
    assert lines[0] == posts[0][1] and sum(1 for t in lines if t == posts[2][1]) == 1


def test_an_nga_like_threads_floors_and_profile_dates_are_not_names_or_its_date(tmp_path):
    # each post a table row: the poster's name and profile (注册: the day they joined) in one cell,
    # the post's floor link (#0, #1 ...), its time and its text in the next
    posts = [("夜航船长", "玩了半年这款游戏，也在官方群和超话里混了半年，越来越觉得社区运营出了问题，官方群只剩公告和客服，玩家提的问题永远没有下文。"),
             ("不吃香菜的提督", "同意，同人激励计划雷声大雨点小，报名三个月才发周边，创作者的心态都崩了。"),
             ("晴川历历", "运营只盯着流水活动，版本前瞻直播的玩家问答越来越短，上次只有五分钟。"),
             ("阿历克斯", "说点正面的，最近客服回复速度快了不少，至少提的问题有人跟进了。")]
    rows = "".join(
        f"<tr class='postrow row{i % 2 + 1}'><td class='c1'><span class='posterinfo'><a href='/nuke.php?uid={i}' class='author b'>{n}</a>"
        f"<div class='stat'><div>级别: 学徒</div><div>发帖: 12{i}</div><div>注册: 2019-07-0{i + 1}</div></div></span></td>"
        f"<td class='c2'><div class='postInfo'><a href='/read.php?pid={i}' class='stxt'>#{i}</a>"
        f"<span class='postdatec'>2024-03-1{i + 1} 22:0{i}</span><a href='#'>回复</a> <a href='#'>引用</a></div>"
        f"<div class='postbody'><span class='postcontent ubbcode'>{t}</span></div></td></tr>"
        for i, (n, t) in enumerate(posts))
    html = ("<!DOCTYPE html><html><head><title>聊聊这半年的社区运营 NGA玩家社区</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><h1>聊聊这半年的社区运营</h1><div id='m_posts'><table class='forumbox postbox'>{rows}</table></div>"
            f"{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "nga.html")
    for n, (name, _t) in enumerate(posts[1:], 1):
        assert f"## 回复 {n} · {name}" in md
    assert "#2" not in md and "作者：夜航船长" in md and "2019-07-01" not in md


def test_replies_written_one_to_a_line_under_posts_follow_them(tmp_path):
    # a mobile forum's replies to a post (楼中楼): one line each, the poster's linked name, the text and its time
    def lines(n: int, name: str) -> str:
        items = [("楼主小陈", f"回复 {name} :这个办法好，我今晚就试试。"), ("路人甲", "群规别写太长，新人根本不会看完的")]
        return "<ul class='sub'>" + "".join(
            f"<li class='sub-item'><a class='sub-user' href='/u/{w}'>{w}</a>：<span class='sub-text'>{t}</span> "
            f"<span class='sub-time'>2024-1-0{n} 2{k}:1{k}</span></li>" for k, (w, t) in enumerate(items)) + "</ul>"
    _title, md = _ingest(tmp_path, _replies_under(lines), "lines.html")
    text = page_text(md)
    said = [REPLIES[0][1][:10], "回复 老王：这个办法好，我今晚就试试。", "群规别写太长，新人根本不会看完的", REPLIES[1][1][:10]]
    pos = _positions(text, said)
    assert pos == sorted(pos)  # under the post they answer, before the next one
    assert "路人甲" in md and "2024-1-01 21:11" not in text and "2024-1-01 20:10" not in text


def test_replies_to_someone_written_one_to_a_line_without_times_follow_their_post(tmp_path):
    # a community's replies under a comment, each "某某 回复 某某：text" on a line of its own, with no time
    def lines(n: int, name: str) -> str:
        items = [("楼主小陈", name, "这个办法好，我今晚就在群里试试。"), (name, "楼主小陈", "试完记得回来说说效果，我们也想跟着做")]
        return "<div class='sub-comments'>" + "".join(
            f"<div class='sub-item'><span class='nm'>{a}</span> 回复 <span class='nm'>{b}</span>："
            f"<span class='sub-text'>{t}</span></div>" for a, b, t in items) + "</div>"
    _title, md = _ingest(tmp_path, _replies_under(lines), "replies.html")
    text = page_text(md)
    said = [REPLIES[0][1][:10], "这个办法好，我今晚就在群里试试。", "试完记得回来说说效果，我们也想跟着做", REPLIES[1][1][:10]]
    pos = _positions(text, said)
    assert pos == sorted(pos)  # under the post they answer, before the next one


def _noscript_topic(note: str = "") -> str:
    posts = "".join(
        f"<div class='topic-body crawler-post' id='post_{n}'><div class='crawler-post-meta'><span class='creator'>"
        f"<a href='/u/{name}'><span itemprop='name'>{name}</span></a></span><time>2024-03-0{n}</time></div>"
        f"<div class='post' itemprop='articleBody'><p>{text}</p></div><div class='likes'>{n} 个赞</div></div>"
        for n, (name, text) in enumerate([("楼主小陈", "新群冷启动的时候最先应该做哪几件事？有没有踩过的坑可以分享一下，谢谢大家。")] + REPLIES[:4], 1))
    return (
        "<!DOCTYPE html><html><head><title>新群冷启动先做什么？ - 运营交流 - 某某社区</title></head><body>"
        f"<div class='custom-header'><a href='/'>某某社区</a><nav>{NAV}</nav></div>{note}"
        f"<section id='main'><noscript data-path='/t/1287'><header><a href='/'>某某社区</a></header>"
        f"<div id='topic-title'><h1><a href='/t/1287'>新群冷启动先做什么？</a></h1></div>{posts}"
        f"<footer><nav><a href='/latest'>最新</a> <a href='/categories'>类别</a></nav></footer></noscript></section>"
        f"{FOOTER}</body></html>"
    )


def test_a_topic_rendered_for_readers_without_scripts_is_read_from_its_noscript(tmp_path):
    # the page's scripts build the topic for browsers; the same topic stands whole in <noscript>
    title, md = _ingest(tmp_path, _noscript_topic(), "topic.html")
    text = page_text(md)
    assert title == "新群冷启动先做什么？"
    pos = _positions(text, ["最先应该做哪几件事"] + [t[:12] for _n, t in REPLIES[:4]])
    assert pos == sorted(pos)
    # a <noscript> of a few words is still a note for browsers without scripts, not text
    note = "<noscript><p>本站需要开启 JavaScript 才能正常浏览，请在浏览器设置中打开。</p></noscript>"
    path = tmp_path / "note.html"
    path.write_text(thread_page().replace("<div class='wrap'>", f"<div class='wrap'>{note}"), encoding="utf-8")
    assert "开启 JavaScript" not in locate(read(path)).body


def test_a_posts_inline_code_leaves_no_piece_of_its_sentence_above_the_thread(tmp_path):
    # trafilatura sets an inline <code> apart; the sentence's end after it must not stay behind
    # when the thread's posts take the page's place
    html = _noscript_topic().replace(REPLIES[1][1], "可以给新人发一个 <code>welcome</code> 标签或者一段欢迎语。然后每周固定一个主题日，让老成员带新人发言。")
    _title, md = _ingest(tmp_path, html, "code.html")
    text = page_text(md)
    assert text.count("标签或者一段欢迎语") == 1 and text.index("标签或者一段欢迎语") > text.index("最先应该做哪几件事")


def test_a_posters_name_inside_a_box_of_badges_is_read_alone(tmp_path):
    # the poster's box (a class naming the user) holds the name's own element, a 楼主 badge and a level
    def post(n: int, name: str, text: str) -> str:
        badge = "<span class='lz-tag'>楼主</span>" if n == 0 else ""
        return (f"<li class='post-item'><div class='post-top'><div class='post-user'><span class='user-name'>{name}</span>{badge}"
                f"<span class='level'>{n + 3}</span></div><div class='post-time'><span>{n + 1}楼</span><span>2015-08-11 21:1{n}</span></div></div>"
                f"<div class='post-content'>{text}</div><div class='post-bottom'><span class='btn'>回复</span></div></li>")
    posts = "".join(post(n, name, text) for n, (name, text) in enumerate([("楼主小陈", REPLIES[4][1] + "新群冷启动先做什么？")] + REPLIES[:4]))
    html = ("<!DOCTYPE html><html><head><title>新群冷启动先做什么？_运营吧</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='wrap'><h1>新群冷启动先做什么？</h1><ul class='post-list'>{posts}</ul></div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "badges.html")
    for name, _t in REPLIES[:4]:
        assert re.search(rf"^#+ (?:回复|回答) \d+ · {name} ", md, re.M), name
    assert "楼主小陈楼主" not in md and "老王 4" not in md



DATA = Path(__file__).parent.parent / "data"


def _ingest_file(tmp_path: Path, page: Path) -> str:
    return _ingest(tmp_path, page.read_bytes(), page.name)[1]


def test_a_questions_description_above_the_accepted_answer_is_kept(tmp_path):
    """A Q&A page (GBK, 2019 templates): the question's description stands under its headline,
    the accepted answer in a box of its own between it and the list of the other answers. The
    description is the page's first text; the accepted answer and the other answers follow."""
    md = _ingest_file(tmp_path, DATA / "forum-pages-11" / "pages" / "02_baishitong_zhidao.html")
    parts = ["我在县城开了一家女装店", "可是我也搞不懂私域和公域", "公域流量就是平台的流量", "公域是租来的房子",
             "补充一点楼上没说的", "别信那些卖课的"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert "提问者：" not in md and "浏览次数" not in md


def test_a_list_in_the_opening_post_goes_back_where_it_stood(tmp_path):
    """A topic's first post with a list between its paragraphs (V2EX-like, Markdown rendered): the
    extractor kept the paragraphs and dropped the list's short items; they come back as a list, in
    their place between the paragraphs, not at the top."""
    md = _ingest_file(tmp_path, DATA / "forum-pages-12" / "pages" / "06_v2nest_topic.html")
    parts = ["做了一个给小红书运营用的选题整理工具", "现在纠结的是定价", "- <span", "月付 15 元", "年付 98 元（约 6.5 折）",
             "终身 298 元（前 200 名）", "主要担心两个问题"]
    assert _positions(md, parts) == sorted(_positions(md, parts))


def test_under_a_boards_or_sites_headline_its_lines_are_not_the_question(tmp_path):
    """The last <h1> above the posts names the board or the site (the page's <title> does not start
    with it): the lines under it, the board's motto and figures, are not taken for the question."""
    md = _ingest_file(tmp_path / "a", DATA / "forum-pages-6" / "pages" / "08_lanhai_phpwind_thread.html")
    assert "欢迎分享你的经验和教训" not in md and "帖数：84419" not in md
    md = _ingest_file(tmp_path / "b", DATA / "forum-pages-7" / "pages" / "10_yunyingmiao_qa.html")
    assert "已解决 18,462 个问题" not in md


def _floor(name: str, floor: str, when: str, body: str, headline: str = "", signature: str = "") -> str:
    """One floor of a PHPWind-like thread: the poster's card beside the text, in a table of its own."""
    head = f'<h1 id="subject_tpc" class="read_h1">{headline}</h1>' if headline else ""
    sign = f'<div class="signature">{signature}</div>' if signature else ""
    return f"""<div class="t5 t2"><table width="100%"><tr class="vt tr1">
<td class="r_two" rowspan="2"><div class="user-pic"><a href="u.php?uid=1">{name}</a></div>
<div class="tiptop">级别: <a href="#">骑士</a></div><ul class="cc"><li>发帖: 88</li><li>注册时间: 2008-03-01</li></ul></td>
<td class="r_one"><div class="tipTop"><a href="#">{floor}</a> <span class="gray">发表于: {when}</span> <a href="#">只看该作者</a></div>
{head}<div class="tpc_content"><div class="f14">{body}</div></div></td></tr>
<tr><td class="r_one">{sign}<div class="readbot"><a href="#">引用</a><a href="#">回复</a><a href="#">举报</a></div></td></tr>
</table></div>"""


def test_a_thread_whose_first_post_holds_its_headline_below_a_toolbar_built_like_the_posts(tmp_path):
    """PHPWind puts the thread's h1 inside its first post, and the bar above the posts (上一主题,
    打印) in a box of the posts' own class: one headline among the posts is the thread's, not
    a sign of whole articles one after another. Every reply stays, with the words a reply writes
    after the box quoting an earlier one."""
    posts = [
        _floor("小周运营", "楼主", "2012-04-03 20:11", "公司让我接手五个会员群，之前的同事只留下一份表格。<br />"
               "群里平时没人说话，只有发优惠券的时候热闹一阵。<br />想问问大家接手老群，第一周先做什么比较稳妥？",
               headline="接手五个沉默的会员群，第一周先做什么", signature="做一个靠谱的运营"),
        _floor("老陈", "1楼", "2012-04-03 21:02", "先别急着发活动，挨个看一遍群成员，把最近买过东西的人单独拉个表。"),
        _floor("阿梅", "2楼", "2012-04-04 09:15", '<h6 class="quote">引用第1楼老陈于2012-04-03 21:02发表的 :</h6>'
               "<blockquote>先别急着发活动，挨个看一遍群成员，把最近买过东西的人单独拉个表。</blockquote>"
               "同意，我们当时还给这些人打了电话，问他们为什么进群，回答五花八门。"),
        _floor("路过的", "3楼", "2012-04-04 10:40", "学习了"),
    ]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>接手五个沉默的会员群，第一周先做什么 - 运营杂谈 - 某某论坛</title></head>
<body><div id="header"><a href="/">论坛首页</a> | <a href="/search.php">搜索</a> | <a href="/login.php">登录</a></div>
<div class="t3 cc"><a href="/">某某论坛</a> » <a href="/thread.php?fid=7">运营杂谈</a></div>
<div class="t5"><div class="cc readTop"><a href="#">上一主题</a> | <a href="#">下一主题</a> 本帖被 <a href="#">版主小林</a> 设置为精华(2012-04-05)</div>
<div class="cc readTools"><a href="#">打印</a> | <a href="#">收藏主题</a> | <a href="#">订阅本版</a></div></div>
{''.join(posts)}
<div id="footer">Powered by PHPWind v7.5 SP3 Code &copy; 2003-2010 PHPWind</div></body></html>"""
    title, md = _ingest(tmp_path, page, "phpwind.html")
    assert title == "接手五个沉默的会员群，第一周先做什么"
    parts = ["公司让我接手五个会员群", "想问问大家接手老群", "先别急着发活动", "同意，我们当时还给这些人打了电话", "学习了"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert "## 回复 3 · 路过的" in md
    for chrome in ("上一主题", "打印", "注册时间", "只看该作者", "做一个靠谱的运营", "Powered by"):
        assert chrome not in md, chrome



def test_a_comments_text_is_its_sentences_not_the_unlinked_card_above_it_and_one_line_replies_under_it_stay(tmp_path):
    """A workplace community's post (a Vue share page): each comment shows its poster's card first,
    unlinked (匿名用户 · 某公司 · 职位), then its text, then the date and buttons. The text is the
    field written in sentences, not the card that comes first; the replies under a comment are
    one line each, a name and then what they said after a colon (or 回复 某某：), and they stay."""
    comments = [("匿名用户", "某连锁品牌 · 会员运营", "会员日别只发券，我们改成会员专属的试吃和预约，核销率反而高了一倍。", []),
                ("林小满", "某电商公司 · 用户增长", "先把会员分三层，只给最上面一层做专属服务，人力才够。",
                 [("楼主", "：三层是按消费金额分还是按频次分？"), ("林小满", " 回复 楼主：我们按近 90 天的消费频次，金额只做参考。")]),
                ("匿名用户", "某餐饮集团 · 运营", "同问，我们也卡在这一步，老板只看复购率。", []),
                ("阿哲", "某咨询公司 · 顾问", "收藏了，周一拿去和团队对一下。", [])]

    def comment(name, card, text, subs):
        sub = "".join(f"<div class='sub-comment'><span class='sub-comment__name'>{n}</span><span class='sub-comment__text'>{t}</span></div>"
                      for n, t in subs)
        return (f"<div class='comment-item'><img class='avatar' src='/a.png' alt=''><div class='comment-item__body'>"
                f"<div class='comment-item__user'><span class='name'>{name}</span><span class='company'>{card}</span></div>"
                f"<div class='comment-item__text'>{text}</div><div class='comment-item__footer'><span>05-08</span><span>回复</span>"
                f"<span>赞 {len(text)}</span></div>{f'<div class=comment-item__sub>{sub}</div>' if sub else ''}</div></div>")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>会员日活动做了半年，核销率一直上不去 - 职言 - 某某职场</title></head>
<body><div class="header"><a href="/">某某职场</a><a href="/download">打开App</a></div>
<div class="post"><div class="post__title">会员日活动做了半年，核销率一直上不去</div>
<div class="post__content">我们是一家做烘焙的连锁品牌，每月 18 号做会员日，发满减券和积分翻倍。<br><br>
半年下来，领券的人很多，真正到店核销的不到一成，老板开始怀疑会员日有没有必要继续做。<br><br>想问问大家，会员日到底该怎么设计？</div></div>
<div class="comments"><div class="comments__hd">全部评论 4</div>{''.join(comment(*c) for c in comments)}</div>
<div class="footer">登录某某职场，查看更多精彩评论</div></body></html>"""
    _title, md = _ingest(tmp_path, page, "post.html")
    parts = ["我们是一家做烘焙的连锁品牌", "会员日别只发券", "先把会员分三层", "三层是按消费金额分还是按频次分", "林小满 回复 楼主：我们按近 90 天",
             "同问，我们也卡在这一步", "收藏了，周一拿去"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert "## 回复 2 · 林小满" in md
    for card in ("某连锁品牌 · 会员运营", "某电商公司 · 用户增长", "某咨询公司 · 顾问"):
        assert card not in md, card


def test_a_posts_box_of_ratings_is_not_a_reply_nested_in_it(tmp_path):
    """Under a Discuz! post, its ratings (评分: a rater's name, + 2 and a reason 很给力!) stand in rows
    after the post's text; the reasons are written like sentences, but what a post holds after its
    text is no thread's posts: they are not read as a reply."""
    md = _ingest_file(tmp_path, DATA / "forum-pages" / "pages" / "yunyingpai_discuz_thread.html")
    assert "很给力" not in md and "收藏 156" not in md
    assert "感谢分享！想问下五分位具体怎么切" in md


def test_short_comments_under_their_posters_names_are_read_as_the_comments_text(tmp_path):
    """A note app's comments (tests/data/forum-pages-32): each the poster's name in a box, then the comment
    in a box of its own beside it, most of them a few words without a stop (看饿了, 求空气炸锅型号), the
    author's replies nested under some. Neither box is written in sentences as a rule, so the one with
    a sentence somewhere (昨天照着做了，真的零失败！) holds the text, not the names standing first."""
    md = _ingest_file(tmp_path, DATA / "forum-pages-32" / "pages" / "12_xhs_airfryer_chicken_wings.html")
    parts = ["蜂蜜一定要最后刷", "昨天照着做了，真的零失败", "太棒啦", "没有蜂蜜可以用白糖吗", "可以，白糖加一点点水化开再刷",
             "看饿了", "求空气炸锅型号", "收藏了周末做", "锡纸要刷油吗", "刷一层薄油更保险"]
    assert _positions(md, parts) == sorted(_positions(md, parts))


def test_a_short_posts_comments_in_the_page_below_its_article_element_are_its_replies(tmp_path):
    """A news feed's post by one of its writers (tests/data/forum-pages-33), in an <article>: six short
    points, then its readers' comments, together more than a third as long as it. As on a forum, they are
    the post's replies, each under a heading with its poster's name, the writer's answer nested under
    the question it answers."""
    md = _ingest_file(tmp_path, DATA / "forum-pages-33" / "pages" / "06_kandian_tuangou_wtt.html")
    parts = ["团长最值钱的不是群，是信任", "评论区聊聊", "售后处理不好，一个差评能带走半个群", "请问刚开始怎么拉到第一批人",
             "最开始是在快递柜旁边摆了两天免费试吃", "团长的辛苦只有自己知道", "团长只剩下提货点的作用了"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert "## 回复 4 · 新手团长阿杰" in md


def test_the_question_under_its_headline_is_found_past_the_askers_picture_and_a_notice(tmp_path):
    """A seller community's post (tests/data/forum-pages-14, Nuxt): under the headline stand the
    asker's picture and card, then a notice (本帖已被收录至《……》，点击查看更多精华内容), then the
    question written with <br> only; the extractor keeps the replies. The question is put back
    above them, whole and in order, and the notice goes."""
    md = _ingest_file(tmp_path, DATA / "forum-pages-14" / "pages" / "05_qianfan_seller_community.html")
    parts = ["我们店今年开始做私域", "但是问题来了", "想问问官方和各位掌柜", "平台对店铺引导加企微有没有什么规则限制",
             "这是我们现在用的包裹卡", "您好掌柜，感谢提问"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert "本帖已被收录" not in md


def test_a_long_post_on_a_site_named_a_community_keeps_its_comments_as_replies(tmp_path):
    """A recap post of 600 and more characters on an activity community (tests/data/forum-pages-14;
    its <title> ends · 集问社区), in an <article>, its comments below under 全部评论: on a site that
    names itself a community, as on a forum, the comments are the thread's replies, with the replies
    nested under them. (A news portal's channel named 社区生活 is no such site: see
    test_locate's comments section under its label.)"""
    md = _ingest_file(tmp_path, DATA / "forum-pages-14" / "pages" / "11_jiwen_activity_community.html")
    parts = ["上个月我们做了一次会员日活动", "最后说一句，回收率只是第一步", "双倍积分这个激励会不会带来很多乱填的答卷",
             "我们设了一道注意力检测题", "第三点非常认同", "分母是当天签到的会员", "收藏了，下个月我们也有会员日"]
    assert _positions(md, parts) == sorted(_positions(md, parts))


def test_a_tieba_floors_replies_are_read_past_its_tail_and_the_tail_is_no_reply(tmp_path):
    """A Tieba thread (tests/data/forum-pages): each floor has its tail (IP属地, 2楼, a date, 回复) and,
    under it, its 楼中楼 replies, the first marked first_no_border. Every reply is kept under its
    floor; a tail read as replies (回复： over IP属地：上海) is not written."""
    md = _ingest_file(tmp_path, DATA / "forum-pages" / "pages" / "baida-tieba-b2.html")
    parts = ["邀请送礼本身没问题", "到店核销这个好", "对，县城店的优势就是到店成本低", "我是做社区团购的", "晒娃活动不错", "是的，我们现在都让发背影"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
    assert not re.search(r"^> 回复：", md, re.M)


def test_a_site_is_a_forum_when_its_own_name_says_forum_or_community_not_a_channel_or_the_headline():
    from opskb.ingest.threadmain import is_forum

    def forum(title: str, site: str = "") -> bool:
        return is_forum(lxml.html.fromstring(f"<html><head><title>{title}</title></head><body><p>正文</p></body></html>"), "正文", site)
    assert forum("会员日活动复盘：问卷回收率从8%做到31% · 集问社区")
    assert forum("包裹卡加了4000个企微客户怎么办？_私域运营_千帆商家社区")
    assert forum("新群冷启动先做什么", site="某某运营社区")
    assert forum("新群冷启动先做什么 - 运营杂谈 - 某某论坛")
    assert forum("社群早报为什么没人看 - 私域运营研究所 - 某屿圈子")  # (a site of circles)
    assert not forum("邻里节办起来了 - 和谐社区 - 禾城在线")  # a channel named after a neighbourhood
    assert not forum("社区团购团长转型记 - 社区生活 - 禾城在线")
    assert not forum("我们如何运营一个开发者社区")  # the headline alone


def test_an_answer_written_with_line_breaks_among_answers_in_paragraphs_is_one_of_them(tmp_path):
    """Most answers put each paragraph in a <p> inside their text box; one writes its lines in
    the box itself, parted by <br>: the same box of the same template, so it is an answer too."""
    def answer(name: str, text: str) -> str:
        return (f"<div class='answer-item'><div class='answer-user'><a class='answer-user-name' href='/u/{len(text)}'>{name}</a>"
                f"<p class='answer-user-intro'>运营 · {len(text)}粉丝</p></div><div class='answer-text'>{text}</div>"
                f"<div class='answer-time'>2019-06-1{len(name)} 20:15</div><div class='answer-actions'><span>赞 {len(text)}</span>"
                "<span>评论</span><span>分享</span></div></div>")
    answers = [answer("林小满", "<p>先说结论：群不说话，是因为用户没有一个非来不可的理由。</p><p>给群一个明确的定位，比发券更能留住人。</p>"),
               answer("糖豆妈妈", "作为被拉进过很多品牌群的宝妈，说几句真心话。<br>我留下来的群，群主每天都会认真回答问题。"
                                 "<br>一进去就是一串商品链接的群，我当天就退了。"),
               answer("运营老猫", "<p>群里八成的发言来自不到一成的人，别指望全员活跃。</p><p>要看的是复购率和退群率，不是消息条数。</p>"),
               answer("张三", "<p>试试主题日：周一晒娃，周三答疑，周五拼团。</p>")]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>微信群建起来就没人说话了，社群活跃度怎么维持？ - 某某问答</title></head>
<body><div class="header"><a href="/">某某问答</a><a href="/ask">提问</a></div>
<div class="question"><h1>微信群建起来就没人说话了，社群活跃度怎么维持？</h1>
<div class="question-text">我们建了十几个群，一个月后只剩自己在发广告。请问有经验的朋友，是不是群建太多了？</div></div>
<div class="answers">{''.join(answers)}</div><div class="footer">© 2019 某某问答</div></body></html>"""
    parts = ["我们建了十几个群", "先说结论", "作为被拉进过很多品牌群的宝妈", "我留下来的群", "一进去就是一串商品链接的群", "群里八成的发言", "试试主题日"]
    # (the box as it is, or with a modifier of its own beside its class: answer-text answer-text-br by answer-text answer-text-p)
    modified = page.replace("<div class='answer-text'><p>", "<div class='answer-text answer-text-p'><p>").replace(
        "<div class='answer-text'>作为", "<div class='answer-text answer-text-br'>作为")
    assert modified.count("answer-text-p") == 3 and "answer-text-br" in modified
    for k, html in enumerate((page, modified)):
        (tmp_path / str(k)).mkdir()
        _title, md = _ingest(tmp_path / str(k), html, "qa.html")
        assert _positions(md, parts) == sorted(_positions(md, parts))
        assert "回答 2 · 糖豆妈妈" in md


def test_a_one_line_answer_in_the_box_the_others_wrap_their_paragraphs_in_is_an_answer(tmp_path):
    """A question page whose answers put each paragraph in a <p> inside a text span; one short
    answer writes its single line in that span itself. It is the same box of the same template,
    so the line is that answer's text, and it stays."""
    def answer(name: str, text: str) -> str:
        return (f"<div class='List-item'><div class='AnswerItem'><div class='AuthorInfo'><span class='UserLink AuthorInfo-name'>{name}</span></div>"
                f"<div class='RichContent'><div class='RichContent-inner'><span class='RichText ztext css-117anjg'>{text}</span></div>"
                f"<div class='ContentItem-time'><a href='/answer/{len(text)}'>发布于 2020-04-0{len(name)} 08:57</a></div>"
                f"<div class='ContentItem-actions'><button>赞同 {len(text)}</button><button>添加评论</button><button>分享</button></div></div></div></div>")
    answers = [answer("陈默", "<p>用户运营管的是全部用户的生命周期，社群运营管的是一个个群。</p><p>前者看留存和复购，后者看活跃和转化。</p>"),
               answer("Lydia", "<p>看招聘需求：标题带用户运营的岗位，对数据分析的要求明显更多。</p><p>做社群的可以补一补数据分析。</p>"),
               answer("阿发", "<p>社群运营不是用户运营的低配版。</p><p>懂内容、懂活动、懂人性，这些很难被报表衡量。</p>"),
               answer("匿名用户", "本质上都是运营，别纠结名字，看你在哪家公司做什么业务。")]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>用户运营和社群运营的区别是什么？ - 某某问答</title></head>
<body><div class="AppHeader"><a href="/">首页</a><a href="/explore">发现</a></div>
<div class="QuestionHeader"><h1 class="QuestionHeader-title">用户运营和社群运营的区别是什么？</h1>
<div class="QuestionRichText"><span class="RichText">刚毕业，两个岗位的 offer 都拿到了，不知道怎么选。</span></div></div>
<div class="List">{''.join(answers)}</div><div class="Footer">© 2020 某某问答</div></body></html>"""
    _title, md = _ingest(tmp_path, page, "question.html")
    parts = ["用户运营管的是全部用户的生命周期", "看招聘需求", "社群运营不是用户运营的低配版", "本质上都是运营，别纠结名字"]
    assert _positions(md, parts) == sorted(_positions(md, parts))


def test_comments_under_an_answer_each_a_name_a_badge_and_a_sentence_stay_under_their_names(tmp_path):
    """A developer forum's staff answer with comments under it, each on one line of inline parts:
    the commenter's name, a badge (作者, 官方), then what they said, without a date. The comments
    stay after the answer, each under its commenter's name, without the badge."""
    def comment(name: str, badge: str, text: str) -> str:
        return (f"<div class='comment_item'><span class='comment_user'>{name}</span><span class='comment_tag'>{badge}</span>"
                f"<span class='comment_content'>{text}</span></div>")
    def answer(name: str, paras: list[str], comments: str = "") -> str:
        return (f"<div class='answer_item'><div class='answer_user'><a class='answer_user_name' href='/u/{len(name)}'>{name}</a></div>"
                f"<div class='answer_content'>{''.join(f'<p>{p}</p>' for p in paras)}</div>"
                f"<div class='answer_opr'><span class='answer_time'>2022-07-2{len(name)} 17:32</span><a href='#'>有用 3</a><a href='#'>回复</a></div>"
                f"<div class='answer_comment_list'>{comments}</div></div>")
    comments = comment("会员小程序开发者", "作者", "那勾选之后再调用，用户那边完全没有感知吗？") + \
        comment("技术运营专员阿杰", "官方", "回复会员小程序开发者：是的，不会再弹窗，但用户可以在设置里随时关闭。")
    answers = [answer("技术运营专员阿杰", ["你好，一次性订阅消息每授权一次只能下发一条。", "可以在多个场景里引导用户授权，次数会累积。"], comments),
               answer("搬砖工", ["我们在会员中心每次进入都调一次订阅，攒下好几次额度，到期提醒的送达率大概七成。"]),
               answer("Kevin", ["另一个办法是用公众号模板消息兜底，前提是用户关注了公众号。"])]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>订阅消息怎么给会员发到期提醒？ | 某某开发者社区</title></head>
<body><div class="header"><a href="/">开发者社区</a><a href="/doc">文档</a></div>
<div class="post"><h1>订阅消息怎么给会员发到期提醒？</h1><div class="post_content"><p>会员到期前想发三次提醒，但第二条开始就返回错误码了。</p>
<p>请问一次性订阅是不是只能发一条？</p></div></div>
<div class="answers">{''.join(answers)}</div><div class="footer">© 2022 某某开发者社区</div></body></html>"""
    _title, md = _ingest(tmp_path, page, "devforum.html")
    text = page_text(md)
    parts = ["你好，一次性订阅消息每授权一次只能下发一条", "会员小程序开发者：", "那勾选之后再调用，用户那边完全没有感知吗？",
             "技术运营专员阿杰：", "回复会员小程序开发者：是的，不会再弹窗", "我们在会员中心每次进入都调一次订阅"]
    assert _positions(text, parts) == sorted(_positions(text, parts))
    assert "作者那勾选" not in text and "官方回复" not in text


def test_a_qa_pages_headline_is_its_question_not_the_section_banner_its_h1_holds(tmp_path):
    """A learning community's Q&A page: its h1 is the section's banner (问答广场), its <title> names
    the section and the site; the question stands in a box its class calls a title, with a badge
    (精华) first. The headline is the question, without the badge."""
    def answer(name: str, text: str) -> str:
        return (f"<div class='qa-answer'><div class='qa-answer-user'><a href='/u/{len(name)}'>{name}</a><span class='role'>导师</span></div>"
                f"<div class='qa-answer-body'><p>{text}</p></div><div class='qa-answer-foot'><span>2023-03-0{len(name)}</span>"
                "<a href='#'>有用</a><a href='#'>回复</a></div></div>")
    answers = [answer("周老师", "先别急着做活动，把 30% 续费的人和没续费的人各访谈十个，找出续费的真实理由。"),
               answer("林一", "续费率低往往是入群后三十天的体验断了，先把新会员的第一个月流程补齐。"),
               answer("阿杰", "可以试试续费前两周的专属福利，我们这样做续费率从三成涨到了四成五。")]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>问答 | 某某研习社 - 运营人的学习社区</title></head>
<body><nav><a href="/">首页</a><a href="/qa">问答</a><a href="/course">课程</a></nav>
<div class="qa-banner"><h1 class="qa-banner-title">问答广场</h1><p>有问题，问导师和运营同行</p></div>
<main><div class="qa-question"><div class="qa-title"><span class="tag-hot">精华</span>刚接手一个两千人的付费会员群，续费率只有三成，该从哪下手？</div>
<div class="qa-meta"><a href="/u/9">小满</a><span>2023-03-01</span><span>浏览 1,208</span></div>
<div class="qa-desc"><p>群是上一任同事留下的，年费 199 元，明年到期的会员有一千多人，老板要求续费率做到五成。</p></div></div>
<div class="qa-answers">{''.join(answers)}</div></main><footer>© 2023 某某研习社</footer></body></html>"""
    title, md = _ingest(tmp_path, page, "qa.html")
    assert title == "刚接手一个两千人的付费会员群，续费率只有三成，该从哪下手？"
    assert "先别急着做活动" in md and "可以试试续费前两周的专属福利" in md


def test_a_bar_of_the_replies_count_and_its_links_above_them_goes(tmp_path):
    # a group's topic: the post, then 回应 5 条 · 只看楼主 · 最赞回应 over the replies
    replies = "".join(f"<li class='comment-item'><div class='hd'><a href='/u/{i}'>{name}</a><span>2022-03-0{i} 10:0{i}</span></div>"
                      f"<p class='reply-content'>{text}</p><div class='op'><a href='#'>赞</a><a href='#'>回应</a></div></li>"
                      for i, (name, text) in enumerate(REPLIES, 1))
    html = ("<!DOCTYPE html><html><head><title>新群冷启动先做什么？</title></head><body>"
            f"<nav><ul>{NAV}</ul></nav><div class='article'><h1>新群冷启动先做什么？</h1>"
            "<div class='topic-doc'><div class='topic-content'><p>刚接手公司的用户群，三百多人，每天除了早安几乎没人说话。</p>"
            "<p>想请教大家，新群冷启动的时候最先应该做哪几件事？有没有踩过的坑可以分享一下？</p></div></div>"
            f"<div class='comment-bar'>回应 <span class='count'>{len(REPLIES)}</span> 条 · <a href='?author=1'>只看楼主</a> · "
            f"<a href='?sort=hot'>最赞回应</a></div><ul class='topic-reply'>{replies}</ul></div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "topic.html")
    text = page_text(md)
    assert "最先应该做哪几件事" in text and all(t[:12] in text for _n, t in REPLIES)
    assert "只看楼主" not in text and "最赞回应" not in text


def test_a_question_page_laid_out_in_tables_keeps_the_question_the_best_answer_and_the_others(tmp_path):
    # an old Q&A site (GBK): one layout cell holds the question's table, the best answer's (its text in a
    # table of its own) and a table for each other answer
    question = ["刚接手公司的顾客群，四百多人，除了我发广告基本没人说话。", "想问问有经验的群主，怎么才能让群重新热闹起来？"]
    best = ["群大了没人说话是很正常的，说几点自己的体会：", "一、先定规矩，违反的先警告再踢，不要一声不吭就踢人。",
            "二、固定时间做固定的事，比如每周三晚上八点做育儿经验分享。", "三、找几个爱说话的骨干，请她们帮忙带话题。"]
    others = [t for _n, t in REPLIES[:3]]
    other_tables = "".join(f"<table class='other_ans' width='100%'><tr><td style='font-size:14px'>{t}</td></tr>"
                           f"<tr><td class='user_info'>回答者：<a href='/u/{i}'>网友{i}</a> - 见习 一级 2009-06-1{i} 21:50 举报</td></tr></table>"
                           for i, t in enumerate(others))
    html = ("<!DOCTYPE html><html><head><meta charset='gbk'><title>顾客群没人说话怎么办？_某某知识人</title></head><body>"
            f"<table width='950'><tr><td><ul>{NAV}</ul></td></tr></table>"
            "<table width='950'><tr><td width='700' valign='top'>"
            "<table width='100%'><tr><td><span class='q_title'>顾客群没人说话怎么办？</span></td></tr>"
            "<tr><td class='user_info'>提问者：小王 - 试用期 一级 悬赏分：20 浏览次数：3021</td></tr>"
            f"<tr><td>{'<br/>'.join(question)}</td></tr><tr><td class='gray'>2009-06-14 21:33 举报</td></tr></table><br/>"
            "<table class='best_ans' width='100%'><tr><td><b>最佳答案</b></td><td>此答案由提问者自己选择，并不代表某某知识人的观点</td></tr>"
            f"<tr><td colspan='2'><table class='ans_box' width='100%'><tr><td>{'<br/>'.join(best)}</td></tr>"
            "<tr><td class='gray'>参考资料：自己管群两年的经验</td></tr></table></td></tr>"
            "<tr><td class='user_info'>回答者：<a href='/u/9'>冰河小鱼</a> - 助理 二级 2009-06-15 09:12</td><td>评论 | 举报</td></tr>"
            "<tr><td colspan='2' class='gray'>对最佳答案的评论共 2 条 <a href='#'>查看评论</a></td></tr></table><br/>"
            f"<table width='100%'><tr><td><b>其他回答共 {len(others)} 条</b></td></tr></table>{other_tables}<br/>"
            "<table width='100%'><tr><td><b>我来回答这个问题</b></td></tr><tr><td class='gray'>您还没有登录，"
            "<a href='#'>登录</a>后回答问题可获得积分奖励。回答被采纳还可获得悬赏分。</td></tr></table>"
            f"</td><td width='240' valign='top'><ul>{RELATED}</ul></td></tr></table>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html.encode("gbk", errors="replace"), "qa.html")
    text = page_text(md)
    order = [question[0], question[1], *best, *others]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
    for chrome in ("对最佳答案的评论共 2 条", "我来回答这个问题", "您还没有登录", "浏览次数：3021", "并不代表某某知识人的观点"):
        assert chrome not in text, chrome


def test_posts_beside_a_card_of_labels_take_their_text_from_either_of_two_boxes(tmp_path):
    # a car club's saved thread (tests/data/forum-pages-21): each floor a poster's card of labels (帖子：N
    # 注册：…) beside the text; replies keep their text in one box, quoting replies in another
    saved = page_text(_ingest_file(tmp_path, DATA / "forum-pages-21" / "pages" / "04_cheyou_car_forum_thread.html"))
    order = ["同款车，油耗差不多", "冬天抖是不是因为怠速高", "车门异响我是在门锁扣那里涂了点黄油", "感谢楼主分享，正在纠结这车和另外两款"]
    positions = [saved.index(t) for t in order]
    assert positions == sorted(positions)
    assert "注册：2016年03月" not in saved and "车主认证" not in saved  # (the card is no post's text)


def test_a_shops_h1_loses_its_branch_link_and_its_title_loses_a_list_of_keywords(tmp_path):
    # a shop's reviews: each review's words written straight into its box, with <br>, before a box
    # holding its 收起评论 link; the shop's replies under some of them
    reviews = [("冬日小胖", "冬天就惦记这一口。铜锅炭火，清汤里就放了几片姜和葱段，羊肉是现切的。", "感谢您的认可！周末客流较大，建议提前预约。"),
               ("Lemon_慢慢吃", "带外地朋友来的，朋友说比他们那边的火锅清爽多了。手切的更好吃。", ""),
               ("吃货老韩", "味道中规中矩，价格有点贵了，两个人吃了三百多。环境比较挤。", "非常抱歉给您带来不好的体验，我们已经加装了衣物收纳袋。")]
    items = "".join(f"<li><div class='main-review'><div class='dper-info'><a class='name' href='/m/{k}'>{name}</a></div>"
                    f"<div class='review-rank'><span class='item'>口味：非常好</span><span class='item'>人均：98元</span></div>"
                    f"<div class='review-words'>{words}<br>\n<div class='less-words'><a class='fold' href='#'>收起评论</a></div></div>"
                    f"<div class='misc-info'><span class='time'>2016-12-0{k}</span><a href='#'>赞({k * 7})</a></div>"
                    + (f"<div class='shop-reply'><p class='shop-reply-title'>商家回复：</p><p class='shop-reply-content'>{reply}</p></div>" if reply else "")
                    + "</div></li>" for k, (name, words, reply) in enumerate(reviews, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>某某涮肉(鼓楼店)电话,地址,价格,营业时间(图) - 美食 - 某某网</title></head><body>"
            f"<ul>{NAV}</ul><h1 class='shop-name'>某某涮肉(鼓楼店) <a class='branch' href='/brands/1'>其他2家分店</a></h1>"
            "<p>地址：东城区某某大街108号</p><div class='reviews'><h2>网友点评</h2>"
            f"<ul>{items}</ul></div>{FOOTER}</body></html>")
    title, _md = _ingest(tmp_path, html, "shop.html")
    assert title == "某某涮肉(鼓楼店)"


def test_replies_to_a_comment_set_beside_its_box_follow_it(tmp_path):
    # a code host's discussion (tests/data/forum-pages-21): each comment's box, and beside it in the same
    # wrapper the replies to it
    md = _ingest_file(tmp_path, DATA / "forum-pages-21" / "pages" / "08_gitnest_discussion.html")
    text = page_text(md)
    order = ["建议改成由维护者提名", "提名制确实更好，不过会不会有人觉得不透明？", "可以把提名理由公开写在 Discussions 里",
             "作为一个外部贡献者说两句", "这个确实是我们的问题，下个月开始试行"]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
