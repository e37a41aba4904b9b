"""A thread copied as text whose replies close with a row of buttons the rules do not know when
nobody has liked the reply yet (赞回应), and know when there is a count (赞 (46)回应): the same short
line, its counts aside, right above post after post is the posts' buttons, so the one-line
replies above it stay and the buttons go."""

from __future__ import annotations

import opskb.ingest.pagecopy as pagecopy
from test_pagecopy import NAV, _clean

TITLE = "想在本地发起一个线下读书会，社群该从哪一步开始？"
QUESTION = [
    "坐标成都，上班三年，一直想找一群人一起读书，但身边爱读书的朋友不多。",
    "最近想干脆自己发起一个读书会，每月线下聚一次，平时在微信群里打卡分享，想请教一下做过的朋友。",
]
REPLIES = [("书店猫", "做过两年读书会，第一批人不要贪多，十个以内最好，从朋友圈和同城活动里找就行。", 46),
           ("一只柚子", "同问", 0), ("Lemon不酸", "蹲一个", 0),
           ("周末去爬山", "选书我们是轮流做主持人，主持人定书，这样每个人都有参与感", 18),
           ("小满", "学到了，谢谢", 0), ("吃不胖的猫", "+1，群不活跃真的不用焦虑", 1)]
OTHERS = ["读书会选书清单分享（2018 春季版）", "线上共读 21 天，我们是怎么坚持下来的", "北京周末读书会招新，欢迎新朋友"]


def _thread(button: str = "赞回应") -> list[str]:
    lines = NAV + [TITLE, "来自: 慢读的鲸 2018-03-11 21:04:16"] + QUESTION + ["43人喜欢", "举报"]
    for n, (name, reply, likes) in enumerate(REPLIES):
        lines += [f"{name} 2018-03-11 21:{10 + n}:05", reply, f"赞 ({likes}){button[1:]}" if likes else button]
    return lines + OTHERS


def test_one_line_replies_over_buttons_without_counts_stay(tmp_path):
    doc, kept = _clean(tmp_path, _thread())
    assert doc.meta.title == TITLE
    assert all(reply in kept for _n, reply, _l in REPLIES), kept
    assert not {"赞回应", "赞 (46) 回应", "赞 (46)回应"} & set(kept), kept
    assert not set(OTHERS) & set(kept), kept


def test_a_short_line_closing_too_few_posts_is_no_row_of_buttons(tmp_path, monkeypatch):
    # (the same thread, the buttons' line asked to close more posts than it does: no longer read as
    # the posts' buttons, the one-line replies over it are not known as posts)
    monkeypatch.setattr(pagecopy, "MIN_REPEATED_BUTTONS", len(REPLIES) + 1)
    _doc, kept = _clean(tmp_path, _thread())
    assert "蹲一个" not in kept and "同问" not in kept, kept
