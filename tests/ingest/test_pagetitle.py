"""Headlines of pages without an h1 of their own (pagetitle.py). Pages we write ourselves."""

from __future__ import annotations

from test_locate import MENU, PROSE, run
from test_thread import DATA, _ingest

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



def test_an_underscore_or_a_hyphen_inside_a_latin_word_cuts_no_title():
    from opskb.ingest.title import spaced_parts, strip_site, title_parts

    api = "企业微信 send_welcome_msg 接口一直返回 41051，welcome_code 是刚拿到的"
    assert strip_site(api + " - 码问") == api
    assert title_parts(api + " - 码问") == [api, "码问"] and spaced_parts(api + " - 码问") == [api, "码问"]
    camera = "海鸥DF-1 入手一个月，说说感受"
    assert title_parts(camera + " - 胶片时光") == [camera, "胶片时光"]
    # between Han words they still are separators
    assert strip_site("社群运营_百度百科") == "社群运营" and title_parts("标题_频道_站点名") == ["标题", "频道", "站点名"]


def test_a_micro_blogs_poster_after_its_posts_opening_is_no_part_of_the_headline():
    from opskb.ingest.title import choose_title

    opening = "做了五年增长，我对“裂变”这件事的看法彻底变了"
    assert choose_title([opening + " 来自安然说增长 - 声浪"], []) == opening
    # (a headline that says 来自 in its words keeps them)
    assert choose_title(["来自星星的用户：一次社群冷启动复盘 - 某某网"], []) == "来自星星的用户：一次社群冷启动复盘"


def test_saved_pages_whose_titles_hold_an_identifier_or_a_posters_name(tmp_path):
    for name, title in (("06_mawen_wecom_welcome.html", "企业微信 send_welcome_msg 接口一直返回 41051，welcome_code 是刚拿到的"),
                        ("09_shenglang_weibo_liebian.html", "做了五年增长，我对“裂变”这件事的看法彻底变了")):
        got, _md = _ingest(tmp_path / name, (DATA / "forum-pages-26" / "pages" / name).read_bytes(), name)
        assert got == title, name


def test_a_posts_opening_line_that_the_title_gives_without_its_stop_is_the_titles_headline(tmp_path):
    """A micro-blog's post with comments (tests/data/mixed-pages-2), no headline of its own: its <title> is
    its opening line without the full stop (KOC不是便宜版的KOL_来自某某 - 站点), the post's text opens with
    that line and its stop. The headline is the title's, as the page's <title> writes it."""
    from opskb.ingest.locate import locate
    from opskb.ingest.read import read

    path = DATA / "mixed-pages-2" / "pages" / "05_weiyan_koc_post.html"
    assert locate(read(path, path.read_bytes())).meta.title == "KOC不是便宜版的KOL"


def _located_title(path) -> str:
    from opskb.ingest.locate import locate
    from opskb.ingest.read import read

    return locate(read(path, path.read_bytes())).meta.title


def test_a_post_without_a_headline_is_headed_by_its_first_line_under_its_posters_card():
    """Short video and feed pages without a headline of their own (tests/data/forum-pages-32, -33, -34): their
    <title> names the poster's work (某某的作品 - 站点), the site alone or the post's opening run on; the text
    stands under the poster's card (picture, name, fans, a button to follow them), the comments below. The
    headline is the first line of that text (a caption's <p> per line, lines parted by <br>, a box's
    newlines), not the comment box's prompt, a heading of the menu (我加入的圈子) or the poster's name."""
    for folder, name, headline in [
        ("forum-pages-34", "03_kuaipai_nongchanpin_weixinqun.html", "种了十几年椪柑，前年开始在微信群里卖，今年群里的老客户订了四千多斤"),
        ("forum-pages-34", "06_shijiehao_siyu_zhibo.html", "做了一年私域直播，给同样在摸索的朋友几个建议"),
        ("forum-pages-34", "07_jishi_chanpin_yunying_tiaocao.html", "干了四年产品运营，上个月终于跳槽了，聊聊这次找工作的几个感受"),
        ("forum-pages-32", "10_kuaishou_group_buy_leader.html", "做了两年社区团购团长，分享3个让群里天天有人下单的小习惯"),
        ("forum-pages-33", "06_kandian_tuangou_wtt.html", "做了三年小区团购群，说几句大实话："),
    ]:
        assert _located_title(DATA / folder / "pages" / name) == headline, name
    # ... but where the poster's card stands under the caption (its title in a box over it), the first text
    # past the button is a comment: the title's box stays the headline
    assert _located_title(DATA / "mixed-pages" / "pages" / "p09_dousheng_video.html") == "社群分层别再瞎做了！3步搭出能复购的会员群"


def test_a_videos_caption_in_an_h1_is_headed_by_its_first_line_and_the_rest_is_its_text(tmp_path):
    """Short video pages (tests/data/forum-pages-32, -34) set the whole caption in the h1, line under line (spans
    parted by <br> inside spans), and their <title> gives the first line: that line is the headline, and the
    lines under it are the post's text, above its comments."""
    from test_thread import _ingest_file, _positions

    path = DATA / "forum-pages-34" / "pages" / "01_douqu_naicha_huiyuanri.html"
    assert _located_title(path) == "每周三是我们店的会员日，开店第三年终于把这件事做顺了"
    path = DATA / "forum-pages-32" / "pages" / "04_douyin_store_member_group.html"
    assert _located_title(path) == "开了三家烘焙店，会员群做对这3件事，复购率直接翻倍👇"
    md = _ingest_file(tmp_path, path)
    parts = ["进群即送券", "每天固定时间发新品", "## 回复 1", "很多人领完券就退群了怎么办"]
    assert _positions(md, parts) == sorted(_positions(md, parts))
