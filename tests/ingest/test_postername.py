"""Who wrote each post (postername.py, thread.py): the poster's name past the buttons a board puts
before it. Pages we write ourselves."""

from __future__ import annotations

import re

from test_thread import DATA, FOOTER, _ingest, _ingest_file

POSTS = [("linwei2008", "", "升级到新版本以后，论坛所有帖子里的附件都打不开了，点开就是 404，请问有人遇到过吗？"),
         ("老K", "", "先看一下后台附件设置里的上传目录是不是还是原来的，升级有时候会把路径改掉。"),
         ("linwei2008", "", "目录没变，文件也都还在服务器上，就是通过下载页读的时候报 404。"),
         ("sunnyday", " (晴天)", "升级前是不是装过改附件存储方式的插件？卸载不干净就会这样，我之前也遇到过。"),
         ("linwei2008", "", "确实装过那个插件！把插件的数据库改动还原以后，附件全部恢复了，谢谢各位。")]


def board_thread(posts=POSTS, subject: bool = True) -> str:
    """A board's topic whose every post opens with a row of buttons (linked words), the post's
    subject, then by <a>名字</a> » its date."""
    def post(n: int, name: str, shown: str, text: str) -> str:
        head = f"<h3><a href='#p{n}'>{'Re: ' if n else ''}附件全部 404，求助</a></h3>" if subject else ""
        return (f"<div class='post bg{n % 2 + 1}'><div class='postbody'><ul class='profile-icons'>"
                f"<li class='report-icon'><a href='./report.php?p={n}' title='Report this post'><span>Report this post</span></a></li>"
                f"<li class='quote-icon'><a href='./posting.php?mode=quote&p={n}' title='Reply with quote'><span>Reply with quote</span></a></li></ul>"
                f"{head}<p class='author'><a href='#p{n}'><img src='/icon_post.gif' alt='Post'></a>by <strong>"
                f"<a href='./memberlist.php?u={n}'>{name}</a></strong>{shown} » Tue Apr 17, 2012 10:2{n} pm</p>"
                f"<div class='content'>{text}</div></div></div>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>某某中文站 • View topic - 附件全部 404，求助</title></head><body>"
            "<div class='navbar'><a href='/'>Board index</a> ‹ <a href='/f7'>求助</a></div><h2>附件全部 404，求助</h2>"
            + "".join(post(n, *p) for n, p in enumerate(posts)) + f"{FOOTER}</body></html>")


def _names(md: str) -> list[str]:
    return re.findall(r"^#+ 回复 \d+ · (.+?) \{", md, re.M)


def test_a_button_every_post_shows_before_the_posters_name_is_no_name(tmp_path):
    # Report this post, linked, stands first in every post: the poster is the one linked name in the
    # dated line below it (by 某某 » date), with the name shown in brackets after the account's
    title, md = _ingest(tmp_path / "a", board_thread(), "topic.html")
    assert "Report this post" not in md
    assert _names(md) == ["老 K", "linwei2008", "sunnyday（晴天）", "linwei2008"]  # (typeset: full-width brackets round Han)
    assert "作者：linwei2008" in md
    # ... and the post's subject, linked in its heading between them, is no name either
    _title, md = _ingest(tmp_path / "b", board_thread(subject=True), "topic.html")
    assert "附件全部 404，求助 ·" not in md


def test_a_poster_in_every_post_but_one_keeps_the_name(tmp_path):
    # an interview thread: one person answers in all posts but the first; the name is theirs, the
    # badge linked beside it (金牌会员) is not
    answers = ["会员群是从门店收银台的一张卡片开始的，扫码进群送一个小面包，第一个月进了三百多人。",
               "每个月只做一次活动，活动前三天才在群里预告，预告只发一次，平时群里基本不发广告。",
               "最有用的是新品试吃，每次请二十个老会员来店里尝，再让她们在群里说说感受。",
               "群里的人其实很少说话，但复购很稳定，我们看的是到店次数，不是群里的消息条数。"]
    posts = [("小编阿青", "每周一期的店主访谈，这次请到了一家开了十年的社区面包店老板，大家有问题可以跟帖提问。")] + [
        ("麦穗老吴", a) for a in answers]
    items = "".join(
        f"<div class='post'><div class='pi'><a class='xw1' href='/space-uid-{n}'>{name}</a></div>"
        f"<p><em><a href='/usergroup-{n}'>{'金牌会员' if n else '版主'}</a></em></p>"
        f"<div class='pti'>发表于 2021-05-0{n + 1} 10:1{n}</div><div class='t_f'>{text}</div>"
        f"<div class='po'><a href='#r{n}'>回复</a> <a href='#j{n}'>举报</a></div></div>"
        for n, (name, text) in enumerate(posts))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>店主访谈：社区面包店的会员群 - 运营交流 - 某某论坛</title></head><body>"
            f"<h1>店主访谈：社区面包店的会员群</h1><div id='postlist'>{items}</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "thread.html")
    assert "金牌会员" not in md and "麦穗老吴" in md


def test_a_saved_thread_where_one_poster_answers_in_all_posts_but_one(tmp_path):
    # a saved Discuz! thread of our forum set: the shop owner answers under every question but the
    # first post; the group badge linked under the name (金牌会员) is not the poster
    md = _ingest_file(tmp_path, DATA / "forum-pages-17" / "pages" / "03_discuz_x35_thread.html")
    assert "· 麦穗面包房老吴" in md and "· 金牌会员" not in md


def test_a_button_missing_from_one_post_is_no_name_in_a_dated_line(tmp_path):
    # a saved Discuz! 6 thread of our forum set: 只看该作者 is linked in the dated line of every post but
    # one; it names nobody
    md = _ingest_file(tmp_path, DATA / "forum-pages-16" / "pages" / "06_caogen_discuz6_thread.html")
    assert "只看该作者" not in md


def test_a_floor_with_its_label_is_no_name(tmp_path):
    # a saved NGA-style thread of our forum set: the starter's posts carry a linked floor with its label
    # (#0 楼主) in the dated line under the name
    md = _ingest_file(tmp_path, DATA / "forum-pages" / "pages" / "nga-g2.html")
    assert "作者：深夜改方案的阿明" in md and "楼主 ·" not in md


def test_a_site_name_that_is_the_headline_is_left_out(tmp_path):
    # a saved phpBB topic of our forum set: the extractor guesses the site from the <title>'s parts
    # (站点 • View topic - 标题); the headline names no site
    md = _ingest_file(tmp_path, DATA / "forum-pages-24" / "pages" / "04_phpbb_topic.html")
    assert "站点：\\[已解决\\]" not in md and "作者：linwei2008" in md


def test_an_answerers_name_under_the_answer_in_a_box_called_the_user_name_or_the_replyer(tmp_path):
    # a Q&A page: each answer's text, then a line with the answerer's linked name (a link a class calls
    # user-name, in a box called replyer for the best answer: not a box of replies), its date and buttons;
    # the last answer's answerer left no name, and a comment under it names its commenter in a comments
    # box: not the answerer
    answers = [("运营老K说", "面试一般围绕你对用户运营的理解、对产品的看法和数据分析经验来问，提前准备好例子就不会慌。"),
               ("晴天小猪", "面试官更看重学习能力和沟通能力，应届生没有经验很正常，把对方产品的用户评论整理一遍再去。"),
               ("", "去运营类论坛搜一下运营面经，很多人分享过自己被问到的问题，照着准备就行。")]

    def answer(n: int, name: str, text: str) -> str:
        box = "wgt-replyer-best" if n == 0 else "line info"
        who = f"<a class='user-name' href='/u/{n}'>{name}</a> | " if name else ""
        comment = ("<div class='comment-list'><p><a class='user-name' href='/u/c'>路过的小王</a>：说得对，面经一定要看。</p></div>"
                   if not name else "")
        return (f"<div class='bd answer'><div class='line content'><span class='con'>{text}</span></div>"
                f"<div class='{box}'>{who}2015-11-02 20:4{n}</div>{comment}"
                f"<div class='line ask-evaluate'><span class='evaluate'>{n}</span><a class='comment'>评论</a></div></div>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>面试用户运营岗位一般会问什么问题？_某某知道</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/q'>问题</a></div><h1>面试用户运营岗位一般会问什么问题？</h1>"
            "<div class='question'><p>本人应届毕业生，下周要去一家电商公司面试用户运营助理，没有相关实习经验，想知道怎么准备。</p></div>"
            "<div class='wgt-answers'>" + "".join(answer(n, *a) for n, a in enumerate(answers)) + f"</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "question.html")
    names = [n.replace(" ", "") for n in re.findall(r"^#+ 回[答复] \d+ · (.+?) \{", md, re.M)]  # (typesetting spaces 老 K 说)
    assert names == ["运营老K说", "晴天小猪"], md
    # ... and on a saved Q&A page of ours: the best answer's answerer in a span called answerer-name under it
    md = _ingest_file(tmp_path / "saved", DATA / "forum-pages-23" / "pages" / "01_zhidao_shequn_huoyue.html")
    assert re.search(r"^#+ 回答 1 · 禾木运营笔记 \{", md, re.M), md[:600]
