"""A post in a group or circle of an app (a topic of an interest group, a circle's moment): the
h1 names the group, the post has no headline of its own, and the comments under it are its
replies. Pages we write ourselves."""

from __future__ import annotations

import re

from test_thread import DATA, FOOTER, _ingest, _ingest_file, _positions

POST = ["做会员群一年，我们把退群率从每月 9% 降到了 3%，说几个关键动作：",
        "1. 进群第一天只发一条欢迎语和群规，不发券，不拉人做任务。",
        "2. 每周固定两次答疑时间，店长本人回答，其他时间不刷屏。",
        "3. 退群的人我们会私聊问一句原因，一半的人说是消息太多。于是我们把每天的消息压到二十条以内，活动通知只在固定时间发，"
        "闲聊由群里的老会员自己带起来，运营只在有人提问时出来回答。",
        "4. 会员日前三天才在群里预告，预告只发一次，当天再发一次提醒；以前提前两周天天发，退群最多的就是这两周。",
        "5. 群公告写清楚这个群能给你什么、不能给你什么：能问搭配、能提前看新品，不能代购、不能砍价，说在前面反而投诉少了。",
        "有问题评论区见。"]
COMMENTS = [("小鹿运营", "消息太多这个太真实了，我们群一天两百条，大家全屏蔽了。"),
            ("阿吉", "答疑时间固定之后，店长累不累？一周两次能坚持下来吗？"),
            ("周末的猫", "退群私聊这个动作学到了，我们从来没问过原因。")]


def group_post(figures: str = "2.3万 人已加入 · 每日新增 58 条动态", title: str = "", topic: str = "") -> str:
    comments = "".join(
        f"<div class='cmt-item'><div class='cmt-head'><a href='/u/{i}'>{name}</a><span class='cmt-date'>2021/03/0{i}</span></div>"
        f"<div class='cmt-text'>{text}</div><div class='cmt-ops'><span>回复</span><span>{i * 7}</span></div></div>"
        for i, (name, text) in enumerate(COMMENTS, 1))
    title = title or f"老林: {POST[0][:20]}… - 会员运营交流圈 - 某刻"
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{title}</title><meta property='og:title' content='老林 在 会员运营交流圈 的动态'></head><body>"
            "<header><a href='/'>首页</a><a href='/discover'>发现</a><a href='/download'>下载某刻 App</a></header>"
            f"<main><section class='circle-card'><h1>会员运营交流圈</h1><div class='circle-figures'>{figures}</div>"
            "<div class='circle-desc'>会员、私域、复购，只聊真实数据</div><button>加入圈子</button></section>"
            "<article class='post'><div class='post-head'><a href='/u/0'>老林</a><time>2021/03/01</time></div>"
            + (f"<h2 class='post-title'>{topic}</h2>" if topic else "") +
            "<div class='post-text' style='white-space:pre-wrap'>" + "\n\n".join(POST) + "</div>"
            "<div class='post-ops'><span>356</span><span>41</span><span>分享</span></div></article>"
            "<section class='comments'><div class='tabs'><span>评论 41</span><span>转发 12</span></div>"
            f"<div class='cmt-label'>热门评论</div>{comments}<div class='more'>查看全部 41 条评论</div></section>"
            f"<div class='login'>登录后发表评论，和圈友一起交流</div></main>{FOOTER}</body></html>")


def test_a_group_posts_headline_is_the_first_line_its_title_cuts_short(tmp_path):
    # the h1 names the group; the <title> opens with the poster's name and the post's start cut short
    title, _md = _ingest(tmp_path / "a", group_post(), "post.html")
    assert title == POST[0]
    # ... or with the post's start alone
    title, _md = _ingest(tmp_path / "b", group_post(title=f"{POST[0][:20]}... - 会员运营交流圈 - 某刻"), "post.html")
    assert title == POST[0]


def test_the_comments_under_a_group_post_are_its_replies(tmp_path):
    # the card over the post says how many joined the group and how much they post: a community's
    # page, whose comments are the discussion, however short beside the post
    _title, md = _ingest(tmp_path / "a", group_post(), "post.html")
    texts = [p[3:15] for p in POST[1:-1]] + [t[:12] for _n, t in COMMENTS]
    assert _positions(md, texts) == sorted(_positions(md, texts))
    for chrome in ("查看全部 41 条评论", "评论 41", "登录后发表评论"):
        assert chrome not in md, chrome
    # ... a topic with a title of its own too
    topic, name = "会员群退群率从 9% 降到 3% 的五个动作", "会员运营交流圈 - 某刻"
    _title, md = _ingest(tmp_path / "b", group_post(title=f"{topic} - {name}", topic=topic), "post.html")
    assert COMMENTS[0][1][:12] in md
    # a page without a group's figures is an article's: short comments under a long text are its readers'
    _title, md = _ingest(tmp_path / "c", group_post(figures="会员、私域、复购", title=f"{topic} - {name}", topic=topic), "post.html")
    assert POST[2][3:15] in md and COMMENTS[0][1][:12] not in md


def test_follow_ups_built_two_ways_inside_an_answer_are_kept_in_turn(tmp_path):
    # a Q&A page: under one answer the asker's follow-ups (追问) and the answerer's (追答) take turns,
    # each kind in a box of its own class in one wrapper; all three are the answer's replies, in order
    turns = [("replyask", "追问", "发过行业新闻，但是没人接话，是不是问题抛得不对？"),
             ("replyer", "追答", "问题要具体、好回答，改成一句话就能答的，比如你家宝宝几点睡觉。"),
             ("replyask", "追问", "明白了，谢谢，我明天就换成这种问法试试看。")]
    follow = "".join(f"<dl class='{c} line'><dt class='title'>{label}</dt><dd class='{c}-content'><pre>{t}</pre>"
                     f"<span class='{c}-time'>2016-03-19 10:3{n}</span></dd></dl>" for n, (c, label, t) in enumerate(turns))
    answers = [("运营老张", "先给群定个位，每个群回答一个问题：大家为什么要留在这里？定位清楚了，内容才不会乱。", ""),
               ("匿名用户", "可以试试每天早上发一条行业新闻，再抛一个问题让大家讨论，比干巴巴发广告强。",
                f"<div class='replyer-all'>{follow}</div>"),
               ("小橙子", "先拉数据，看每个群最近一周有多少人说过话，精力放在还愿意互动的人身上。", "")]
    items = "".join(f"<div class='answer'><div class='info'><a class='user-name' href='/u/{n}'>{name}</a>"
                    f"<span class='time'>2016-03-1{n} 09:21</span></div><div class='content'><span class='answer-text'>{text}</span></div>"
                    f"{extra}<div class='ft'><span class='good'>{n * 9}</span><a class='comment-btn'>评论</a></div></div>"
                    for n, (name, text, extra) in enumerate(answers, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>群里越来越没人说话怎么办？_某某知道</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/q'>问题</a></div><h1>群里越来越没人说话怎么办？</h1>"
            "<div class='q-content'>管着 6 个客户群，现在除了我发广告基本没人说话，我该从哪下手？</div>"
            f"<div class='answers'>{items}</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "q.html")
    texts = [t[:12] for _n, t, _e in answers[:2]] + [t[:12] for _c, _l, t in turns] + [answers[2][1][:12]]
    assert _positions(md, texts) == sorted(_positions(md, texts))


BADGE = "<img src='/icon/author_v.png' alt='作者' class='icon-author'>"  # (a picture beside a name: the poster's badge)


def micro_post(lead: str = "【新群冷启动别急着发福利】", headline: str = "") -> str:
    """A micro-blog's post page: the <title> names the poster's page, the post opens with its lead
    and a long text, a few short comments under it."""
    text = lead + "".join(POST[1:])
    comments = "".join(
        f"<div class='item'><div class='text'><a href='/n/{name}'>{name}</a>{BADGE if i == 2 else ''}:<span>{t}</span></div>"
        f"<div class='info'><div>21-6-3 09:5{i}</div><span class='like'>{i * 11}</span></div></div>"
        for i, (name, t) in enumerate(COMMENTS, 1))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>老林的微语 - 微语</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/hot'>热搜</a></div>"
            + (f"<h1>{headline}</h1>" if headline else "") +
            "<div class='feed'><div class='head'><a href='/u/0'>老林</a><span>21-6-3 09:30 来自 iPhone</span></div>"
            f"<div class='detail-text'><a href='/k/1'>#社群运营#</a> {text}</div>"
            "<div class='toolbar'><span>转发 12</span><span>评论 41</span><span>赞 356</span></div></div>"
            f"<div class='comments'><div class='tabs'><span>按热度</span><span>按时间</span></div>{comments}</div>{FOOTER}</body></html>")


def test_the_comments_under_a_micro_blog_post_are_its_replies(tmp_path):
    # the post has no headline of its own (its lead in 【】 is the headline): its comments are the discussion
    title, md = _ingest(tmp_path / "a", micro_post(), "post.html")
    assert title == "新群冷启动别急着发福利"
    texts = [POST[1][3:15]] + [t[:12] for _n, t in COMMENTS]
    assert _positions(md, texts) == sorted(_positions(md, texts))
    # each comment under a heading naming its poster, the name (and the badge beside it) no longer in its text
    for n, (name, t) in enumerate(COMMENTS, 1):
        assert re.search(rf"^## (?:回复|回答) {n} · {name} ", md, re.M) and f"{name}：{t[:6]}" not in md and f"{name}:{t[:6]}" not in md
    assert "作者](" not in md
    # a text under a headline of its own is an article: the short comments under it are its readers'
    _title, md = _ingest(tmp_path / "b", micro_post(headline="新群冷启动别急着发福利"), "post.html")
    assert POST[1][3:15] in md and COMMENTS[0][1][:12] not in md


def test_a_paid_groups_topic_takes_its_titled_box_over_the_groups_name(tmp_path):
    # the <title> opens with the group's name (某某实战营 | 站点), no h1; the user's groups are listed
    # on the left under a titled box of their own; the topic's title is in the box nearest above its text
    topic = "会员群的SOP不是排期表：我们门店在用的三张表"
    comments = "".join(
        f"<div class='comment-item'><div class='comment'><span class='comment-owner'>{name}</span><span class='colon'>：</span>"
        f"<span class='text'>{t}</span></div><div class='comment-meta'><span class='comment-time'>03-18 21:4{i}</span>"
        f"<span class='comment-ip'>IP 属地上海</span><span class='reply'>回复</span></div></div>" for i, (name, t) in enumerate(COMMENTS, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>门店私域实战营 | 某知圈</title></head><body>"
            "<div class='group-list'><div class='group-list-title'>我加入的全部星球</div><ul><li>门店私域实战营</li><li>运营人的早读课</li></ul></div>"
            "<div class='topic'><div class='author'><div class='name'>老韩</div><div class='role'>星主</div><div class='date'>2024-03-18 21:06</div></div>"
            f"<div class='talk-title'>{topic}</div><div class='content'>" + "<br><br>".join(POST[1:]) + "</div>"
            f"<div class='ops'><span>点赞 126</span><span>评论 9</span></div><div class='comments'>{comments}</div></div>"
            f"{FOOTER}</body></html>")
    title, md = _ingest(tmp_path, html, "topic.html")
    assert title == topic
    assert COMMENTS[2][1][:12] in md


def test_a_reply_to_a_comment_is_named_once(tmp_path):
    # a saved micro-blog post of our forum set: a reply under a comment is written 名字:回复@某某:说的话;
    # the quote's first line names its poster, and the text no longer repeats the name
    md = _ingest_file(tmp_path, DATA / "forum-pages-24" / "pages" / "01_weiyu_post.html")
    assert "运营小鹿日记：\n" in md and "运营小鹿日记：回复@" not in md and "把群规做成一张图" in md
