"""Headlines of pages without an h1 of their own (pagetitle.py). Pages we write ourselves."""

from __future__ import annotations

from test_locate import MENU, PROSE, run

HEADLINE = "夜跑群三个月从二十人做到三百人，聊聊我们的打卡规则"


def board_topic(title: str) -> str:
    """A topic of an old board laid out in tables: no h1, the topic's name in a link over the posts,
    the first post's header saying when it was posted and under which subject."""
    posts = "".join(
        f"<tr><td class='row1'><span class='name'><b>{name}</b></span><br><span class='postdetails'>注册时间: 2007-0{n}-01<br>帖子: {n * 40}</span></td>"
        f"<td class='row1'><table><tr><td><span class='postdetails'>发表于: 2008-10-0{n} 21:1{n}&nbsp; &nbsp;帖子主题: {HEADLINE if n == 1 else ''}</span></td></tr>"
        f"<tr><td><span class='postbody'>{text}</span></td></tr></table></td></tr>"
        for n, (name, text) in enumerate([("阿跑", PROSE[0] + PROSE[1]), ("老周", PROSE[2]), ("小米", PROSE[3])], 1))
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            f"<table><tr><td><a href='/'><img src='/logo.gif' alt='某某论坛'></a></td><td>{MENU}</td></tr></table>"
            f"<table><tr><td><a class='maintitle' href='viewtopic.php?t=1'>{HEADLINE}</a></td></tr></table>"
            "<table><tr><td><a href='index.php'>某某论坛 首页</a> -&gt; <a href='viewforum.php?f=3'>跑步与社群</a></td></tr></table>"
            f"<table class='forumline'><tr><th>作者</th><th>正文</th></tr>{posts}</table>"
            "<div>Powered by phpBB © 2001, 2005 phpBB Group</div></body></html>")


def test_a_later_part_of_the_title_that_the_page_shows_above_the_posts_is_the_headline(tmp_path):
    # 站点 :: 查看主题 - 标题: the topic's name stands as a line of its own over the posts, and again,
    # with the post's date before it, in the first post's header: the line of its own is the headline
    assert run(tmp_path, board_topic(f"某某论坛 :: 查看主题 - {HEADLINE}")).meta.title == HEADLINE


def test_a_sites_slogan_in_the_title_and_its_header_is_no_headline(tmp_path):
    # 站点 - 标语: the slogan is the title's longest part and the page shows it, in its header, far
    # above the article; the headline is the titled box over the text
    header = "<div class='logo'>某某</div><div class='slogan'>随时随地发现身边的新鲜事</div>" + "".join(
        f"<div class='nav{i}'><a href='/c{i}'>频道{i}</a></div>" for i in range(8))
    body = (f"<div class='title'>{HEADLINE}</div><div class='meta'>2024-01-09 发布于 北京</div>"
            + "".join(f"<p>{p}</p>" for p in PROSE))
    html = (f"<!DOCTYPE html><html><head><title>某某 - 随时随地发现身边的新鲜事</title></head><body>{header}"
            f"<div class='main'>{body}</div><footer>Copyright © 2024 某某</footer></body></html>")
    assert run(tmp_path, html).meta.title == HEADLINE

