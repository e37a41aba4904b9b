"""An asker's and an answerer's follow-ups under an answer, laid out as a definition list after
the answerer's card (追问 / 追答 taking turns): replies under that answer, in order, each
named by its label. Pages we write ourselves."""

from __future__ import annotations

from test_thread import FOOTER, NAV, _ingest, _positions

QUESTION = "刚到一家连锁药店做会员运营，店长让我把老会员拉进企业微信，第一步应该做什么？"
ANSWERS = [
    ("药店老周", "先把会员按最近一次消费的时间分成三档，最近三个月来过的先加，他们最容易通过好友申请。"),
    ("社群小满", "别一上来就群发链接，先让店员在收银时当面邀请，告诉顾客加了以后能查积分、领用药提醒。"),
    ("匿名用户", "可以先从慢病会员开始，他们每个月都来买药，最需要有人提醒和答疑。"),
]
EXCHANGE = [
    ("追问", "分档以后，每一档的邀请话术要不要不一样？"),
    ("追答", "要不一样，最近来过的直接说领积分，很久没来的可以先送一张小额券再邀请。"),
    ("追问", "店员嫌麻烦不愿意邀请怎么办？"),
    ("追答", "把邀请人数算进店员的月度考核，再每周公布一次各店的排名，一般两周就能推起来。"),
]


def _answer(n: int, name: str, text: str, extra: str = "") -> str:
    return (f'<div class="bd answer" id="answer-{n}"><div class="line content"><span class="con">{text}</span></div>'
            f'<div class="line info"><a class="user-name" href="/u/{n}">{name}</a><span class="pipe">|</span>'
            f'<span>2016-05-0{n} 1{n}:20</span></div>{extra}'
            f'<div class="line ask-evaluate"><span class="evaluate">{n}</span><a class="comment">评论</a></div></div>')


def qa_page(card: str = "") -> str:
    turns = "".join(f'<dt>{label}</dt><dd class="{"ask" if label == "追问" else "reply"}">{text}</dd>' for label, text in EXCHANGE)
    answers = [_answer(1, ANSWERS[0][0], ANSWERS[0][1], card + f'<div class="line ask-list"><dl>{turns}</dl></div>')]
    answers += [_answer(n, name, text) for n, (name, text) in enumerate(ANSWERS[1:], 2)]
    return (
        "<!DOCTYPE html><html><head><title>药店老会员怎么拉进企业微信？_某某知道</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><div class='qb'><h1>药店老会员怎么拉进企业微信？</h1>"
        f"<span class='con'>{QUESTION}</span><div class='answers'>{''.join(answers)}</div></div>{FOOTER}</body></html>"
    )


def test_follow_ups_taking_turns_under_an_answer_follow_it_named_by_their_labels(tmp_path):
    _title, md = _ingest(tmp_path, qa_page(), "qa.html")
    md = md[md.index("\n# "):]
    # the answer, then its follow-ups in their order, each under its label, then the next answer
    pos = _positions(md, [ANSWERS[0][1][:15]] + [text[:12] for _l, text in EXCHANGE] + [ANSWERS[1][1][:15]])
    assert pos == sorted(pos)
    for label, text in EXCHANGE:
        assert md.count(text[:12]) == 1
        assert md.rfind(f"{label}：", 0, md.index(text[:12])) > md.index(ANSWERS[0][1][:15])
    assert "评论" not in md


def test_a_poster_cards_labelled_figures_are_no_exchange(tmp_path):
    """A definition list of the answerer's figures (采纳率 / 回答数 taking turns) holds no words said."""
    card = '<dl class="stats"><dt>采纳率</dt><dd>63%</dd><dt>回答数</dt><dd>1208</dd><dt>采纳率</dt><dd>本月 71%</dd></dl>'
    _title, md = _ingest(tmp_path, qa_page(card), "qa.html")
    assert "采纳率" not in md and "1208" not in md
    assert EXCHANGE[0][1][:12] in md
