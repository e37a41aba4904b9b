"""Replies written one to a line (replyline.py): a mobile board's 楼中楼 whose words stand after
the poster's linked name in no element of their own, and the one comment under one answer of a
whole Q&A page. Pages we write ourselves."""

from __future__ import annotations

from opskb.evaluate import page_text
from test_thread import _ingest

FOOTER = "<footer>Copyright 2024 某某社区 京ICP备12345678号</footer>"


FLOORS = [
    ("阿青", "孩子上网课那两个月，我们楼里的家长群每天晚上都在吵，后来群主定了规矩，九点以后只发通知，不讨论。"),
    ("大鹏", "规矩定了还得有人执行，不然过两天就没人当回事了。"),
    ("小满", "我们小区的做法是每栋楼选一个楼长，群里的事先找楼长，楼长解决不了再找物业。"),
]


def _mobile_thread(nested: dict[int, list[tuple[str, str]]]) -> str:
    """A mobile board's thread (GBK): floors in a list, under some of them the replies to them,
    each a line <a>名字</a>：说的话 <span>时间</span>."""
    def floor(n: int, name: str, text: str) -> str:
        lines = "".join(f"<li class='fitem'><a class='fname' href='/home?un={who}'>{who}</a>：{words} "
                        f"<span class='ftime'>03-0{n} 2{k}:1{k}</span></li>" for k, (who, words) in enumerate(nested.get(n, [])))
        under = f"<div class='floor-replies'><ul class='fl'>{lines}</ul></div>" if lines else ""
        return (f"<li class='item'><div class='top'><span class='uname'>{name}</span><span class='lv'>LV{n + 3}</span>"
                f"<span class='num'>{n}楼</span></div><div class='content'>{text}</div>"
                f"<div class='bottom'><span class='time'>03-0{n} 20:0{n}</span><a class='btn' href='/reply'>回复</a></div>{under}</li>")
    floors = "".join(floor(n, name, text) for n, (name, text) in enumerate(FLOORS, 1))
    return ("<!DOCTYPE html><html><head><meta charset='gbk'><title>小区业主群天天吵架怎么管_物业吧_某吧</title></head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/f'>进吧</a><a href='/login'>登录</a></div>"
            f"<h1 class='title'>小区业主群天天吵架怎么管</h1><ul class='list'>{floors}</ul>{FOOTER}</body></html>")


def test_replies_on_a_line_whose_words_follow_the_linked_name_are_kept_in_order_without_their_times(tmp_path):
    nested = {1: [("大鹏", "九点以后只发通知这个办法好，我们也要学"), ("楼下老张", "执行的人最重要，群主自己得带头遵守")],
              3: [("阿青", "楼长这个思路不错，回头跟业委会提一下")]}
    html = _mobile_thread(nested).encode("gbk")
    _title, md = _ingest(tmp_path, html, "thread.html")
    text = page_text(md)
    order = [FLOORS[0][1][:12], nested[1][0][1], nested[1][1][1], FLOORS[1][1][:12], FLOORS[2][1][:12], nested[3][0][1]]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
    assert "03-01 20:10" not in text and "03-01 21:11" not in text  # (the replies' times)
    assert "楼下老张" in md  # the poster of a reply is named


def test_one_comment_on_a_line_under_one_answer_of_the_whole_page_is_kept_after_it(tmp_path):
    answers = [("运营中台 · 阿宁", ["这个问题我们去年也遇到过，核心是让导购每天只做一件事。", "群里的动作要少而准，发太多反而没人看。"]),
               ("门店 · 小周", ["从门店的角度说一句：素材包真的有用，自己想文案太难了。"]),
               ("数据组 · 老郑", ["建议先拉一下数据，看哪个时段的消息回复率最高，再决定砍掉哪些动作。"])]
    comment = "@老郑 这个思路好，我们之前一直凭感觉排时间。"

    def answer(n: int, name: str, paragraphs: list[str]) -> str:
        under = (f"<div class='Comments_box'><div class='Comment_item'><span class='name'>华东 · 小陈</span><span class='sep'>：</span>"
                 f"<span class='text'>{comment}</span></div></div>") if n == 2 else ""
        return (f"<div class='Answer_card'><div class='Answer_author'><div class='name'>{name}</div></div>"
                f"<div class='Answer_content'>{''.join(f'<p>{p}</p>' for p in paragraphs)}</div>"
                f"<div class='Answer_footer'><span class='time'>2023-05-1{n} 09:18</span><button>有用 {n * 7}</button></div>{under}</div>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>门店客户群的 SOP 怎么写才有人执行？ - 某某知识库</title></head><body>"
            "<div class='nav'><a href='/'>知识库首页</a><a href='/qa'>问答</a></div>"
            "<h1>门店客户群的 SOP 怎么写才有人执行？</h1><div class='Question_desc'><p>我们写了一份每天八个动作的 SOP，"
            "下发一个月，执行率不到三成，想问问大家怎么改。</p></div>"
            f"<div class='Answer_list'>{''.join(answer(n, name, ps) for n, (name, ps) in enumerate(answers, 1))}</div>{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "qa.html")
    text = page_text(md)
    order = [answers[1][1][0][:12], comment, answers[2][1][0][:12]]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
    assert "有用 14" not in text


def test_a_reply_on_a_line_whose_words_are_as_long_as_the_linked_name_is_kept(tmp_path):
    # 楼中楼 lines of parts: the poster's linked name, a badge (楼主), the words of a reply to someone,
    # the reply; a reply no longer than the name it follows is still the reply
    def lzl(who: str, badge: str, to: str, words: str) -> str:
        tag = f"<span class='lz_tag'>{badge}</span>" if badge else ""
        return (f"<div class='lzl_item'><a class='lzl_user' href='/home?un={who}'>{who}</a>{tag}"
                f"<span class='lzl_reply_to'>回复 <span class='lzl_at'>{to}</span> :</span><span class='lzl_content'>{words}</span></div>")
    replies = [("小雨妈妈的杂货铺", "楼主", "大鹏", "大部分是网上找的……"), ("大鹏", "", "小雨妈妈的杂货铺", "那就难怪了，换成自己的真实经历试试")]
    under = "<div class='lzl_list'>" + "".join(lzl(*r) for r in replies) + "</div>"
    floors = "".join(
        f"<div class='post_item'><div class='top'><span class='user_name'>{name}</span><span class='floor'>{n}楼</span></div>"
        f"<div class='content'><div class='text_content'>{text}</div></div><div class='bottom'><span class='time'>09-12 2{n}:03</span>"
        f"<a class='reply_btn' href='#'>回复</a></div>{under if n == 2 else ''}</div>"
        for n, (name, text) in enumerate(FLOORS, 1))
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>小区业主群天天吵架怎么管_物业吧_某吧</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a><a href='/f'>进吧</a></div><h1>小区业主群天天吵架怎么管</h1>{floors}{FOOTER}</body></html>")
    _title, md = _ingest(tmp_path, html, "thread.html")
    text = page_text(md)
    order = [FLOORS[1][1][:12], replies[0][3], replies[1][3], FLOORS[2][1][:12]]
    positions = [text.index(t) for t in order]
    assert positions == sorted(positions)
