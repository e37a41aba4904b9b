"""A thread whose opening post (楼主) the page lays out unlike its replies: a long post with
subheadings and pictures in a box of its own, inside a floor built like the replies' floors.
Pages we write ourselves."""

from __future__ import annotations

from test_thread import FOOTER, NAV, REPLIES, _ingest, _positions

OPENING = [
    ("h3", "先说结论"),
    ("text", "三个月做下来，社群的活跃度比预期好，转化比预期差，最大的问题是内容跟不上。下面分几块说。"),
    ("h3", "一、拉新"),
    ("text", "前两周只靠老客户转介绍，每天进群二十人左右；第三周开始在门店贴了二维码，每天能进五六十人。"),
    ("img", "//img.example.com/photo-1.jpg"),
    ("h3", "二、留存"),
    ("text", "第一个月退群率不到百分之五，第二个月开始每周固定做一次抽奖，退群率还在往下走。"),
    ("h3", "三、值不值得做"),
    ("text", "对复购高的品类来说值得，店长每天花半小时就够了；复购低的品类建议先想清楚群里发什么。"),
]


def _card(n: int, name: str) -> str:
    return (f'<div class="side"><ul class="card"><li class="name"><a href="/u/{n}">{name}</a></li>'
            f'<li>帖子：<a href="#">{120 + n}</a> 精华：<a href="#">{n % 3}</a></li><li>注册：2016年0{n % 9 + 1}月</li></ul></div>')


def _floor(n: int, name: str, body: str, extra: str = "") -> str:
    return (f'<div class="floor clearfix" id="F{n}">{_card(n, name)}<div class="main-col">'
            f'<div class="head"><span class="who">{name}</span> <span class="when">2023-06-0{n % 9 + 1} 20:4{n % 10}:07</span>'
            f' <span>来自 某某社区Android客户端</span></div>{body}{extra}'
            f'<div class="ops"><a href="#">回复</a> <a href="#">引用</a> <a href="#">举报</a></div></div></div>')


def opening_page() -> str:
    parts = []
    for kind, value in OPENING:
        if kind == "h3":
            parts.append(f"<h3>{value}</h3>")
        elif kind == "img":
            parts.append(f'<div class="pic"><img src="{value}" style="max-width:740px"></div>')
        else:
            parts.append(f"{value}<br><br>")
    first = (f'<div class="topic-text"><div class="inner">{"".join(parts)}</div>'
             '<div class="edit-note">本帖最后由 社群小周 于 2023-06-01 21:03 编辑</div></div>')
    signature = '<div class="signature"><span>签名：</span>做社群，先做人，再做事</div>'
    floors = [_floor(0, "社群小周", first, signature)]
    floors += [_floor(n, name, f'<div class="reply-text"><div class="inner">{text}</div></div>')
               for n, (name, text) in enumerate(REPLIES, 1)]
    return (
        "<!DOCTYPE html><html><head><title>门店社群做了三个月，说说拉新、留存和值不值 - 运营论坛</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><div class='topic'><div class='topic-title'>门店社群做了三个月，说说拉新、留存和值不值</div>"
        "<div class='topic-stat'><span>点击：23418</span> <span>回复：67</span></div>"
        f"<div class='floors'>{''.join(floors)}</div></div>{FOOTER}</body></html>"
    )


def test_an_opening_post_laid_out_unlike_the_replies_is_the_threads_text_whole_and_first(tmp_path):
    title, md = _ingest(tmp_path, opening_page(), "thread.html")
    assert title == "门店社群做了三个月，说说拉新、留存和值不值"
    md = md[md.index("\n# "):]  # the page under its front matter (whose description is the text's first line)
    lines = [value for kind, value in OPENING if kind != "img"]
    pos = _positions(md, lines + [text[:12] for _n, text in REPLIES])
    assert pos == sorted(pos)  # the opening post whole and in its order, then every reply
    for kind, value in OPENING:  # its subheadings stay headings, its pictures stay
        if kind == "h3":
            assert f"### {value}" in md, value
        elif kind == "img":
            assert value in md
    # it is the page's text, under no reply's heading: the replies are numbered from it
    assert md.index(lines[-1]) < md.index("## 回复 1 · ")
    for n, (name, _t) in enumerate(REPLIES, 1):
        assert f"## 回复 {n} · {name}" in md
    assert "回复 6" not in md and md.count("三个月做下来") == 1
    # the template around it goes: the poster's card, the edit note, the signature, the buttons
    for chrome in ("帖子：", "注册：2016", "本帖最后由", "做社群，先做人", "举报", "点击：23418"):
        assert chrome not in md, chrome


def test_a_floor_built_like_the_posts_without_their_template_is_no_opening_post(tmp_path):
    """The first floor holds the board's rules, with no poster's card, date or buttons around
    them: the posts' template is missing, so it is not the thread's text."""
    page = opening_page()
    rules = ('<div class="floor clearfix" id="F9"><div class="main-col"><div class="board-rules">'
             '<div class="inner">本版规定：发帖请注明城市和行业，广告帖一律删除，违者禁言七天，屡教不改者永久封号。</div>'
             '</div></div></div>')
    page = page.replace("<div class='floors'>", "<div class='floors'>" + rules)
    _title, md = _ingest(tmp_path, page, "thread.html")
    assert "本版规定" not in md
    assert "三个月做下来" in md and "### 一、拉新" in md


def test_the_comments_on_a_question_read_as_the_opening_post_follow_it(tmp_path):
    """A saved Q&A page (blind set 74): the question is laid out like the answers' floors, with
    its own text box; the comments under it follow it, read on their own (read with the answers'
    comments, both were lost), and the answers' comments follow the answers."""
    from pathlib import Path

    from opskb.evaluate import page_text

    saved = Path(__file__).resolve().parents[1] / "data" / "forum-pages-27" / "pages" / "08_simafault_qywx_api.html"
    _title, md = _ingest(tmp_path, saved.read_bytes(), saved.name)
    text = page_text(md[md.index("\n# "):])
    asked = ["文档看了好几遍没找到。", "客户联系相关的接口权限和通讯录权限是分开的", "好的我去看看，谢谢"]
    answered = ["基本就是“这个 secret 对应的应用没有调用该接口的权限”", "按第一种方法把应用加进去就好了", "补充：改完配置有时候要等几分钟才生效。"]
    pos = _positions(text, asked + answered)
    assert pos == sorted(pos)
    assert text.index(asked[-1]) < text.index("## 回答 1")
