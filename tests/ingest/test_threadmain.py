"""Making the page's main content the thread (threadmain.py): what stands above the posts.
Pages we write ourselves."""

from __future__ import annotations

from opskb.evaluate import page_text
from test_thread import DATA, FOOTER, _ingest, _ingest_file, _positions

OPENING = ["报了下个月的城市半马，这是第一次跑这么长的距离，现在每周跑三次，每次五到八公里。",
           "想问问跑过的老哥：剩下四周应该怎么练？比赛当天要注意什么？",
           "另外比赛前一天晚上吃什么比较好？怕拉肚子。"]
REPLIES = [("凌晨四点的湖人", "剩下四周别突然加量，每周拉一次长距离，十四、十六、十八公里，最后一周减量就行。", ""),
           ("北京老炮儿跑者", "吃你平时吃惯的，比赛早上提前三个小时吃完早饭，别试新东西。", OPENING[2]),
           ("JR大聪明", "第一次半马别追成绩，跑完就是胜利，前五公里一定要压住配速。", "")]


def test_a_line_a_reply_quotes_outside_its_own_text_stays_in_the_post_it_quotes(tmp_path):
    # a reply's quote of the first post stands in its box beside the reply's own paragraph: the quoted
    # line is no signature the posts carry, and stays in the first post
    def floor(n: int, name: str, text: str, quote: str) -> str:
        quoted = f"<blockquote><p><b>引用 @跑步的阿柒</b> 发表的:</p><p>{quote}</p></blockquote>" if quote else ""
        return (f"<div class='floor'><div class='author'><a class='u' href='/u/{n}'>{name}</a><span class='stime'>2019-10-12 21:4{n}</span>"
                f"<a class='reply' href='#'>回复</a><a class='floornum' href='#{n}'>{n}楼</a></div>"
                f"<table class='case'><tr><td>{quoted}<p>{text}</p><div class='ops'><span>亮了({n * 9})</span><span>举报</span></div></td></tr></table></div>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>第一次跑半马，剩下四周怎么练？ - 步行街 - 某跃</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/bxj'>步行街</a></div><h1>第一次跑半马，剩下四周怎么练？</h1>"
            "<div class='floor_main'><div class='author'><a class='u' href='/u/0'>跑步的阿柒</a><span class='stime'>2019-10-12 21:06</span></div>"
            "<div class='quote-content'>" + "".join(f"<p>{p}</p>" for p in OPENING) + "</div></div>"
            + "".join(floor(n, *r) for n, r in enumerate(REPLIES, 1)) + f"{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "thread.html")
    text = page_text(md)
    parts = [p[:12] for p in OPENING] + [t[:12] for _n, t, _q in REPLIES]
    assert _positions(text, parts) == sorted(_positions(text, parts))



def test_answers_a_page_left_unclosed_each_inside_the_one_before_are_all_kept(tmp_path):
    # a saved Q&A page of our forum set whose answer boxes are left unclosed: the browser (and lxml)
    # nests each next answer, and the page's side column and footer, in the one before; the microdata
    # says each is an answer. Every answer is kept, in order.
    md = _ingest_file(tmp_path, DATA / "forum-pages-24" / "pages" / "07_zhanwen_qa.html")
    text = page_text(md)
    parts = ["我们 CRM 系统里有一张订单表", "核心问题是相关子查询", "第二步，既然是 8.0", "说个不同的思路", "同意，业务库跑分析迟早出事"]
    assert _positions(text, parts) == sorted(_positions(text, parts))


def test_a_short_closing_sentence_under_the_first_posts_text_stays_in_it(tmp_path):
    # a group's topic saved from a Douban-like site (our blind set): the topic's text in a box of its own
    # above replies built from another template, found above the first reply; the box ends with a short
    # thanks, too short to pass for a line of text on its own: it is the post's last line
    md = _ingest_file(tmp_path, DATA / "mixed-pages-5" / "pages" / "08_douban_group_bookclub.html")
    text = page_text(md)
    parts = ["坐标成都，上班三年", "怎么避免群建起来之后没人说话", "先谢谢大家！", "做过两年读书会，说点经验"]
    assert _positions(text, parts) == sorted(_positions(text, parts))
    # ... but not a short label under it in the same box (an attachment's name): no sentence, not the post's
    page = (DATA / "mixed-pages-5" / "pages" / "08_douban_group_bookclub.html").read_text(encoding="utf-8")
    assert page.count("<p>先谢谢大家！</p>") == 1
    _title, md = _ingest(tmp_path / "label", page.replace("<p>先谢谢大家！</p>", "<p>先谢谢大家！</p><p>附件：报名表</p>"), "topic.html")
    assert "附件：报名表" not in page_text(md)
