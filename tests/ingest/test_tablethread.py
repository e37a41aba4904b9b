"""Threads of the older BBS programs (Discuz! 7, PHPWind): each post a table, the poster's card
beside the text as a list of labelled figures, the thread's title inside the opening post, a
signature under each post and a toolbar of links and counters above the posts."""

from __future__ import annotations

import re
from pathlib import Path

from opskb.ingest.postfields import profile_lines
from opskb.ingest.widgets import signature_box
from opskb.pipeline import ingest

TITLE = "会员社群该不该收费？分享我们三个月的试验"
FIRST = ["我们做手作皮具，免费会员群两千多人，今年开始想把核心会员转成付费会员。",
         "第一个月只对最活跃的两百人开放付费群，结果六十一人加入，比预期高不少。",
         "想请教各位：付费会员的人数要怎么继续往上做？"]
REPLIES = [("小米妈", "很有参考价值！我们做亲子共读社群，也一直在想收费的事，直播用什么工具？"),
           ("老皮匠", "关键是让免费群的人看得到付费内容的价值，每个月剪一小段直播放进免费群当预告。"),
           ("Joyce", "补充一点：金额变大之后要开发票，早点把税务的事情问清楚。"),
           ("阿肯", "谢谢大家，预告片的方法下个月就试。")]
SIGNATURES = {"阿肯": "手作皮具｜阿肯的皮革小铺，欢迎来逛", "老皮匠": "皮革这条路，慢慢走，走久了就是你的。"}
CARD = {"阿肯": ("中级会员", 412, 1088), "小米妈": ("注册会员", 37, 95), "老皮匠": ("版主", 3108, 8420),
        "Joyce": ("注册会员", 58, 140)}


def _discuz_post(n: int, name: str, paragraphs: list[str], title: bool) -> str:
    rank, posts, points = CARD[name]
    head = f"<div id='threadtitle'><h1>{TITLE}</h1></div>" if title else ""
    sig = SIGNATURES.get(name)
    return (f"<div id='post_{880 + n}'><table id='pid{880 + n}' cellspacing='0'><tr>"
            f"<td class='postauthor' rowspan='2'><div class='postinfo'><a href='space.php?uid={n}'>{name}</a></div>"
            f"<div class='avatar'><a href='space.php?uid={n}'><img src='/avatar/{n}.gif'></a></div>"
            f"<p><em><a href='faq.php#{n}'>{rank}</a></em></p>"
            f"<dl class='profile'><dt>UID</dt><dd>{300 + n}</dd><dt>帖子</dt><dd>{posts}</dd>"
            f"<dt>积分</dt><dd>{points}</dd><dt>注册时间</dt><dd>2009-8-{n + 1}</dd></dl></td>"
            f"<td class='postcontent'><div class='postinfo'><strong><a href='javascript:;'><em>{n + 1}</em><sup>#</sup></a></strong>"
            f"<div class='authorinfo'><em>发表于 2011-7-{18 + n} 23:4{n}</em> <a href='?authorid={n}'>只看该作者</a></div></div>"
            f"<div class='defaultpost'><div class='postmessage'>{head}<div class='t_msgfontfix'><table><tr>"
            f"<td class='t_msgfont' id='postmessage_{880 + n}'>{'<br />'.join(paragraphs)}</td></tr></table></div></div></div>"
            f"</td></tr><tr><td class='postcontent postbottom'>"
            + (f"<div class='signatures' style='max-height:100px'>{sig}</div>" if sig else "")
            + f"</td></tr><tr><td class='postauthor'></td><td class='postcontent'><div class='postactions'>"
            f"<a class='fastreply' href='post.php?reppost={n}'>回复</a> <a href='#'>引用</a> <a href='#'>举报</a>"
            f"<a href='#top'>TOP</a></div></td></tr></table></div>")


def discuz_page() -> str:
    posts = [_discuz_post(0, "阿肯", FIRST, True)] + [
        _discuz_post(n, name, [text], False) for n, (name, text) in enumerate(REPLIES, 1)]
    return ("<!DOCTYPE html><html><head><meta charset='gbk'>"
            f"<title>{TITLE} - 社群经营 - 创业小聚论坛 - Powered by Discuz!</title></head><body>"
            "<div id='header'><h2><a href='index.php'>创业小聚论坛</a></h2><ul id='menu'>"
            + "".join(f"<li><a href='forum-{i}.html'>版块{i}</a></li>" for i in range(8)) + "</ul></div>"
            f"<div id='nav'><a href='index.php'>创业小聚论坛</a> &raquo; <a href='forum-12.html'>社群经营</a> &raquo; {TITLE}</div>"
            "<div class='threadtitle_bar'><span class='headactions'><a href='redirect.php?goto=nextoldset'>上一主题</a> "
            "<a href='redirect.php?goto=nextnewset'>下一主题</a></span><span class='threadstat'>查看: 2843 | 回复: 4</span></div>"
            f"<div id='postlist' class='mainbox viewthread'>{''.join(posts)}</div>"
            "<div id='footer'><p>Powered by Discuz! 7.2 &copy; 2001-2009 Comsenz Inc.</p></div></body></html>")


PW_TITLE = "单反入门：套机加定焦还是一镜走天下？"
PW_POSTS = [("阿杰爸爸", ["本人新手，之前一直用卡片机，最近想入一台单反，主要拍家里小孩和周末出游。",
                         "方案一是一镜走天下，方案二是套机加一支定焦，预算五千左右，请各位给点意见。"]),
            ("老猫", ["室内拍小孩，定焦是必须的，大光圈能把快门提上去，小孩动来动去也不容易糊。"]),
            ("风过无痕", ["同意楼上，预算不够可以先买套机加定焦，风景用套头也够了。"]),
            ("阿杰爸爸", ["谢谢各位，决定了，套机加定焦，周末就去拿货。"])]


PW_SIGNATURES = ["专业论坛搬家、数据转换，QQ：12345678", "拍照就像养花，急不得。", "人在南城，心在路上。", "专业论坛搬家、数据转换，QQ：12345678"]


def _phpwind_post(n: int, name: str, paragraphs: list[str]) -> str:
    # (the subject stands above the posts, not in the opening post's box)
    return (f"<a name='{n}'></a><table width='100%' class='floot'><tr class='vt'><td class='floot_left' rowspan='2'>"
            f"<div class='readName b'><a href='u.php?uid={n}'>{name}</a></div><div class='floot_leftdiv'>"
            f"<img class='pic' src='images/face/none.gif'><ul class='user_info'><li>级别: {'论坛版主' if n % 2 else '新手上路'}</li>"
            f"<li>精华: {n}</li><li>发帖: {n * 300 + 14}</li><li>威望: {n * 7} 点</li><li>金钱: {n * 90 + 86} RMB</li>"
            f"<li>注册时间: 2009-04-2{n}</li></ul></div></td>"
            f"<td class='floot_right'><div class='tipTop'><span class='fr'><a href='#'>{'楼主' if n == 0 else f'{n}楼'}</a></span>"
            f"<span class='gray'>发表于: 2009-05-1{n} 20:3{n}</span></div>"
            f"<div class='tpc_content'><div class='f14'>{'<br />'.join(paragraphs)}</div></div></td></tr>"
            f"<tr><td class='floot_bottom'><div class='signature' style='max-height:100px'><table><tr><td>{PW_SIGNATURES[n]}</td></tr>"
            "</table></div><div class='tipBottom'><a href='#'>引用</a> | <a href='#'>举报</a> | "
            "<a href='#top'>顶端</a></div></td></tr></table>")


def phpwind_page() -> str:
    posts = "".join(_phpwind_post(n, name, paras) for n, (name, paras) in enumerate(PW_POSTS))
    return ("<!DOCTYPE html><html><head><meta charset='gbk'>"
            f"<title>{PW_TITLE} - 器材交流 - 青山摄影论坛</title></head><body>"
            "<div id='head'><a href='/'><img src='logo.gif' alt='青山摄影论坛'></a></div>"
            f"<div class='t2'><h1>{PW_TITLE}</h1></div><div class='t3'><span class='fr'>阅读：1532 &nbsp;回复：3</span><span class='fl'><a href='#'>只看楼主</a> | "
            "<a href='#'>收藏本帖</a> | <a href='#'>复制本帖地址</a> | <a href='#'>上一主题</a> | <a href='#'>下一主题</a></span></div>"
            f"<div id='main'>{posts}</div><div id='footer'>Powered by PHPWind v7.5 &copy; 2003-2010 青山摄影论坛</div>"
            "</body></html>")


def _ingest(tmp_path: Path, html: str | bytes, name: str = "thread.html") -> tuple[str, str]:
    """Ingest one page (text saved as GBK, as these old boards do, or bytes as they are): its title and Markdown."""
    seeds, out = tmp_path / "seeds", tmp_path / "docs"
    seeds.mkdir()
    (seeds / name).write_bytes(html.encode("gbk") if isinstance(html, str) else html)
    result = ingest(seeds, out)
    entry = next(e for e in result.entries if e.page)
    return entry.title, (out / entry.page).read_text(encoding="utf-8")


def _body(md: str) -> str:
    """The page's text under its facts box."""
    return md.split("来源文件", 1)[1]


def test_a_discuz_thread_with_its_title_in_the_opening_post_keeps_every_post(tmp_path):
    title, md = _ingest(tmp_path, discuz_page())
    body = _body(md)
    assert title == TITLE
    texts = FIRST + [t for _n, t in REPLIES]
    pos = [body.index(t[:14]) for t in texts]
    assert pos == sorted(pos)
    # the opening post is the page's text (no heading of its own), the replies are numbered from it
    assert body.index(FIRST[0][:14]) < body.index("## ") and "· 阿肯\n" not in body.split(REPLIES[0][1][:8])[0]
    for n, (name, _t) in enumerate(REPLIES, 1):
        assert f"## 回复 {n} · {name}" in body, name
    # the toolbar above the posts, the posters' cards and signatures go
    for chrome in ("上一主题", "查看", "2843", "UID", "积分", "中级会员", "只看该作者", "Comsenz",
                   *SIGNATURES.values()):
        assert chrome not in body, chrome


def test_a_phpwind_thread_reads_its_posts_not_the_posters_cards(tmp_path):
    title, md = _ingest(tmp_path, phpwind_page())
    body = _body(md)
    assert title == PW_TITLE
    texts = [p for _n, paras in PW_POSTS for p in paras]
    pos = [body.index(t[:14]) for t in texts]
    assert pos == sorted(pos)
    assert body.index(texts[0][:14]) < body.index("## 回复 1 · 老猫")
    assert "## 回复 2 · 风过无痕" in body and "## 回复 3 · 阿杰爸爸" in body
    for chrome in ("级别", "精华", "发帖", "威望", "金钱", "RMB", "阅读：1532", "只看楼主", "复制本帖地址", *PW_SIGNATURES):
        assert chrome not in body, chrome


def test_a_posters_card_is_labelled_figures_coming_back_post_after_post():
    card = [(n, line) for n in range(3) for line in (f"级别: 会员{n}", f"精华: {n}", f"发帖: {n * 9}", f"金钱: {n} RMB")]
    assert profile_lines(card)
    # one post's own labelled lines, however many times it repeats a label, are its text
    plan = [(1, "目标：拉新两百人"), (1, "周期：两周"), (1, "目标：复购率到三成"), (1, "周期：一个月")]
    assert not profile_lines(plan)
    # ... and so are lines that are mostly sentences
    prose = [(n, "我们的做法是先把群规写清楚，再做每周的主题日。") for n in range(3)] + [(0, "目标：两百人"), (1, "目标：三百人")]
    assert not profile_lines(prose)


def test_labelled_lines_a_post_writes_are_its_text(tmp_path):
    # replies that lay out a plan in short labelled lines, the same labels in two of them, are
    # what their posters wrote: the lines stay in the posts
    plans = [["目标：拉新两百人", "周期：两周", "预算：三千元", "做法：老带新送体验课"],
             ["目标：复购率到三成", "周期：一个月", "预算：五千元", "做法：会员日加专属券"]]
    posts = [(PW_POSTS[0][0], PW_POSTS[0][1]), ("老猫", plans[0]), ("风过无痕", plans[1]), ("阿杰爸爸", ["收到，谢谢两位的方案。"])]
    html = phpwind_page().replace(
        "".join(_phpwind_post(n, name, paras) for n, (name, paras) in enumerate(PW_POSTS)),
        "".join(_phpwind_post(n, name, [f"<ul>{''.join(f'<li>{x}</li>' for x in paras)}</ul>"] if n in (1, 2) else paras)
                for n, (name, paras) in enumerate(posts)))
    _title, md = _ingest(tmp_path, html)
    body = _body(md)
    for line in plans[0] + plans[1]:
        assert line in body, line


DATA = Path(__file__).resolve().parents[1] / "data"


def test_signatures_under_a_saved_phpwind_threads_posts_are_no_replies(tmp_path):
    # a saved page of our forum set: each post a table, a signature box in the row under the text
    page = DATA / "forum-pages-6" / "pages" / "08_lanhai_phpwind_thread.html"
    _title, md = _ingest(tmp_path, page.read_bytes().decode("gbk"))
    body = _body(md)
    for text in ("鼎盛时期日均发帖三千多", "版主流失说到底是没有成就感", "线下活动千万别停", "先建两个车友群试试"):
        assert text in body, text
    for signature in ("专业论坛搬家", "做站就像养花", "人在南城，心在路上", "只做有温度的车友社区"):
        assert signature not in body, signature
    # and no poster's card
    for card in ("精华", "威望", "金钱"):
        assert card not in body, card


def test_an_authors_signature_on_a_video_pages_card_goes(tmp_path):
    # a saved short-video page of our mixed set: the author's card carries their signature line
    page = DATA / "mixed-pages" / "pages" / "p09_dousheng_video.html"
    _title, md = _ingest(tmp_path, page.read_bytes(), page.name)
    assert "社群分层" in md and "十年门店私域操盘手" not in md


def test_a_signature_box_is_named_so_by_the_last_part_of_its_class():
    import lxml.html

    def box(cls: str, text: str = "人在南城，心在路上。") -> bool:
        return signature_box(lxml.html.fromstring(f"<div class='{cls}'>{text}</div>"))

    assert box("signature") and box("signatures") and box("post_sign") and box("signaturecontainer") and box("sign")
    assert not box("sign-in") and not box("design") and not box("signup") and not box("post-content")
    assert not box("signature", "正文" * 120)  # a long box is no signature, whatever its class


def _discussion_item(name: str, day: int, paragraphs: list[str], extra: str = "", code: str = "") -> str:
    block = (f"<div class='highlight'><pre>{code}</pre><div class='zeroclipboard-container'>"
             "<clipboard-copy aria-label='复制' class='ClipboardButton btn' role='button'>复制</clipboard-copy></div></div>") if code else ""
    return (f"<div class='timeline-comment-group js-comment-container'><div class='timeline-comment'>"
            f"<div class='timeline-comment-header'><h3 class='timeline-comment-header-text'><a class='author' href='/{name}'>{name}</a>"
            f" <span class='muted'>发布于 2026年1月{day}日</span></h3></div><table class='d-block'><tbody><tr>"
            f"<td class='comment-body markdown-body{extra}'>{''.join(f'<p>{p}</p>' for p in paragraphs)}{block}</td></tr></tbody></table>"
            f"<div class='discussion-footer'><button class='reaction'>👍 3</button></div></div></div>")


def test_an_opening_post_whose_text_box_has_a_class_more_and_a_code_blocks_copy_button(tmp_path):
    # a code-hosting site's discussion: the opening post's text box carries one class more than the
    # replies' (comment-body markdown-body color-fg-default); a script makes a copy button of an element;
    # the asker's line over the opening post and over their reply is the same (a date by the day)
    question = ["我们用机器人管理三个用户交流群，想让新成员入群后自动收到欢迎语和群规。",
                "按文档配置了欢迎模块，测试群里手动触发能发送，真有新人进群时却没有反应，配置如下："]
    replies = [("zhou", ["大概率是事件订阅没开：手动触发走消息接口，入群欢迎依赖平台推送的成员变更事件。"]),
               ("miao", ["补充一个坑：群里有外部成员时，平台默认不推送外部用户进群的事件。"]),
               ("lanxi", ["加上事件订阅并重新发布版本之后可以了，谢谢！"])]
    items = _discussion_item("lanxi", 8, question, " color-fg-default", code="welcome:\n  enabled: true") + "".join(
        _discussion_item(n, 8 if n == "lanxi" else 9 + k, ps) for k, (n, ps) in enumerate(replies))
    html = ("<!DOCTYPE html><html><head><title>新成员入群欢迎不触发 · 讨论 #412 · 某某开源社区</title></head><body>"
            "<header><nav><a href='/'>首页</a><a href='/explore'>探索</a></nav></header>"
            f"<h1>新成员入群欢迎不触发</h1><div class='discussion-timeline'>{items}</div>"
            "<footer>© 2026 某某开源社区</footer></body></html>")
    body = _body(_ingest(tmp_path, html.encode("utf-8"), "discussion.html")[1])
    texts = question + [p for _n, ps in replies for p in ps]
    pos = [body.index(t[:14]) for t in texts]
    assert pos == sorted(pos)
    assert "enabled: true" in body and "复制" not in body
    # the opening post is the page's text, the replies numbered from it
    assert body.index(question[0][:14]) < body.index("## 回复 1 · zhou") and "## 回复 3 · lanxi" in body


def test_comments_under_answers_in_boxes_built_two_ways_are_all_kept(tmp_path):
    # a Q&A page: the comments under the first answer stand in an open box, those under the later
    # answers in a box the page opened by a click (one class more): two groups of comments
    answers = [("老宋", "核心思路是把积分按批次存，每次获得积分就是一个批次，带上过期时间和剩余数量。",
                [("lisa", "退款的时候如果原批次已经过期了怎么处理？"), ("老宋", "一般按业务规则定，退回的积分不再恢复。")], ""),
               ("阿杰", "补充一点，即将过期积分的查询可以直接用联合索引，扫描的行数很少。", [], ""),
               ("小白", "定时任务别放在零点整，很多系统都在那个点跑批，容易撞车。",
                [("后端狗", "分布式锁这个很重要，我们踩过坑，积分被扣了两次。")], " shown"),
               ("新手", "直接每条流水都存过期时间不就行了？", [("老宋", "可以，但消费时要拆分扣减，逻辑会更复杂。")], " shown")]
    items = "".join(
        f"<article class='answer-item'><div class='answer-author'><a href='/u/{name}'>{name}</a><span>2018-09-0{n + 3}</span></div>"
        f"<div class='answer fmt'><p>{text}</p></div><div class='answer-actions'><a href='#'>赞同 {n + 2}</a> <a href='#'>评论</a></div>"
        + (f"<div class='comments{extra}'>" + "".join(
            f"<div class='comment-item'><div class='comment-text'><p>{c}</p></div>"
            f"<div class='comment-meta'><a href='/u/{cn}'>{cn}</a> · <span>2018-09-0{n + 3}</span></div></div>"
            for cn, c in comments) + "</div>" if comments else "")
        + "</article>"
        for n, (name, text, comments, extra) in enumerate(answers))
    html = ("<!DOCTYPE html><html><head><title>会员积分按获得时间滚动过期，表和任务怎么设计？ - 码问</title></head><body>"
            "<header><nav><a href='/'>首页</a><a href='/q'>问答</a></nav></header>"
            "<h1>会员积分按获得时间滚动过期，表和任务怎么设计？</h1><div class='question fmt'>"
            "<p>我们在做连锁门店的会员系统，积分从获得之日起十二个月有效，消费时先扣快过期的部分。</p></div>"
            f"<div class='answers'>{items}</div><footer>© 2018 码问</footer></body></html>")
    body = _body(_ingest(tmp_path, html.encode("utf-8"), "qa.html")[1])
    texts = [t for _n, text, comments, _e in answers for t in (text, *(c for _cn, c in comments))]
    pos = [body.index(t[:14]) for t in texts]
    assert pos == sorted(pos)


def test_replies_a_page_also_shows_in_a_box_above_the_floors_are_read_once_in_their_floors(tmp_path):
    # a sports board's thread: a box of the best replies (their whole text) above the floors repeats two of them;
    # a poster's short name stands in one line with the floor and the time (老杨 3楼 11-22 21:02)
    first = ["比赛还剩一分多钟，对方后卫突破那一下我回放看了五遍，明显是三步，裁判就站在底线正对着，没吹。",
             "想听听懂规则的朋友怎么看：收球后第二步再启动到底算不算走步？"]
    floors = [("规则控", "按现在的规则，收球时在地上的那只脚是零步，之后还能再走两步，严格说不算走步。"),
              ("猎豹必胜", "输不起就说输不起"),
              ("老杨", "最后两分钟是有争议，但第三节我们连续六次进攻没得分，那才是输球的原因。"),
              ("二级裁判", "这种球关键看控制球那一刻是哪只脚着地，现场判断难度很大，不吹也说得通。")]
    def floor(n: int, name: str, text: str, cls: str = "floor") -> str:
        return (f"<div class='{cls}'><div class='floor-user'><a href='/u/{n}'>{name}</a><span>{n + 1}楼</span>"
                f"<span>11-22 21:0{n}</span></div><div class='floor-text'><p>{text}</p></div>"
                f"<div class='floor-ops'><span>亮了({n * 7 + 3})</span><a href='#'>回复</a></div></div>")
    best = "".join(floor(n, floors[n][0], floors[n][1], "floor floor-light") for n in (0, 2))
    html = ("<!DOCTYPE html><html><head><title>最后两分钟那个走步没吹，大家怎么看？_飞龙专区_球吧社区</title></head><body>"
            "<header><nav><a href='/'>首页</a><a href='/b'>专区</a></nav></header>"
            "<h1>最后两分钟那个走步没吹，大家怎么看？</h1><div class='main-post'><div class='post-user'><a href='/u/x'>老球迷</a>"
            "<span>2025-11-22 20:51</span></div>" + "".join(f"<p>{p}</p>" for p in first) + "</div>"
            f"<div class='light-box'><div class='light-title'>这些回帖亮了</div>{best}<div class='light-more'>查看更多亮回复</div></div>"
            "<div class='floors'>" + "".join(floor(n, name, text) for n, (name, text) in enumerate(floors)) + "</div>"
            "<footer>© 2025 球吧社区</footer></body></html>")
    body = _body(_ingest(tmp_path, html.encode("utf-8"), "board.html")[1])
    for n, (name, text) in enumerate(floors, 1):
        assert body.count(text) == 1, text
        assert f"## 回复 {n} · {name}" in body and body.index(f"## 回复 {n} · {name}") < body.index(text), name


def test_an_answerers_name_in_a_card_under_the_answer_heads_it_not_a_commenters(tmp_path):
    # a programming Q&A site: each answer's text first, then the answerer's card (a class calls it
    # the author's), then the comments under the answer with their commenters' names
    answers = [("码农老宋", "核心思路是把积分按批次存，每次获得积分就是一个批次，带上过期时间和剩余数量。", "退款时原批次过期了怎么办？", "lisa"),
               ("后端狗", "定时任务别放在零点整，很多系统都在那个点跑批，容易撞车，放在凌晨三点更稳。", "分布式锁也要加上。", "阿杰"),
               ("新手小白", "直接每条流水都存过期时间不就行了？消费的时候再按流水扣。", "可以，但扣减逻辑会复杂很多。", "码农老宋")]
    items = "".join(
        f"<article class='answers__item'><div class='vote'><span class='count'>{n + 3}</span></div>"
        f"<div class='answer fmt'><p>{text}</p></div>"
        f"<div class='answer__author'><a class='avatar' href='/u/{name}'><img src='/a/{n}.png' alt=''></a>"
        f"<a class='answer__author-name' href='/u/{name}'>{name}</a><span class='muted'>2018-09-0{n + 3} 回答</span></div>"
        f"<div class='widget-comments'><div class='widget-comments__item'><div class='content'><p>{comment}</p></div>"
        f"<div class='info'><a href='/u/{commenter}'>{commenter}</a> · 2018-09-0{n + 4}</div></div></div></article>"
        for n, (name, text, comment, commenter) in enumerate(answers))
    # ... and an answer whose card the page left out: its commenter (a comment-author) is not its answerer
    items += ("<article class='answers__item'><div class='vote'><span class='count'>1</span></div>"
              "<div class='answer fmt'><p>我们是把过期任务拆成每小时跑一次，每次只处理一小时内到期的批次。</p></div>"
              "<div class='widget-comments'><div class='widget-comments__item'><div class='content'><p>每小时跑会不会太频繁？</p></div>"
              "<div class='info'><a class='comment-author' href='/u/dba'>路过的DBA</a> · 2018-09-09</div></div></div></article>")
    html = ("<!DOCTYPE html><html><head><title>会员积分按获得时间滚动过期，表和任务怎么设计？ - 码问</title></head><body>"
            "<header><nav><a href='/'>首页</a><a href='/q'>问答</a></nav></header>"
            "<h1>会员积分按获得时间滚动过期，表和任务怎么设计？</h1><div class='question fmt'>"
            "<p>我们在做连锁门店的会员系统，积分从获得之日起十二个月有效，消费时先扣快过期的部分。</p></div>"
            f"<div class='answers'>{items}</div><footer>© 2018 码问</footer></body></html>")
    body = _body(_ingest(tmp_path, html.encode("utf-8"), "qa.html")[1])
    for n, (name, text, comment, _c) in enumerate(answers, 1):
        assert re.search(rf"## (?:回答|回复) {n} · {name}", body), (n, name)
        assert text in body and comment in body
    assert "每小时跑一次" in body and not re.search(r"## (?:回答|回复) 4 · 路过的", body)
