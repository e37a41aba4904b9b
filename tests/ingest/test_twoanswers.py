"""A question with two answers whose boxes differ by one class (the accepted one marked so): the
two are one template's posts, and the page is the question and both answers. Pages we write
ourselves, and a saved page of our own labelled sets (tests/data)."""

from __future__ import annotations

import json

import lxml.html
from opskb.evaluate import page_text, page_title, score
from opskb.ingest.thread import find_thread
from test_thread import DATA, FOOTER, NAV, RELATED, _ingest, _ingest_file, _positions

QUESTION = "公司有几十个微信群，想把每个群的成员昵称导出来做一个名单，请问有什么可行的办法？"
ACCEPTED = ["如果这些群是用企业微信建的客户群，可以直接走官方接口，按群拉成员列表再写进表格。",
            "返回的成员列表里有加入时间和加入方式，做名单的时候一起导出来，后面分层用得上。"]
OTHER = ["个人微信群没有官方接口，比较稳妥的办法是在电脑上打开群成员列表，截图以后用文字识别整理。",
         "几十个群的量，写个小脚本自动滚动截图，再批量识别，半天就能整理完。"]
COMMENT = "群都是个人微信建的，企业微信的接口是不是就用不了了？"  # (a comment under the accepted answer)


def _answer(classes: str, name: str, paragraphs: list[str], comments: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<article class='{classes}'><div class='vote'><button class='like'>赞</button><span>12</span></div>"
            f"<div class='offset'><div class='author'><a href='/u/{name}'>{name}</a><span>回答于 2020-03-12</span></div>"
            f"<div class='answer fmt'>{body}</div><div class='opt'><a>评论</a><a>举报</a></div>{comments}</div></article>")


def two_answers_page(accepted: str, plain: str) -> str:
    comments = (f"<div class='comments'><div class='comment'><span class='who'>小周</span>{COMMENT}</div>"
                "<div class='comment'><span class='who'>老王</span>对，只能用别的办法。</div></div>")
    return (
        "<!DOCTYPE html><html><head><title>如何导出微信群成员名单？ - 某某问答</title></head><body>"
        f"<nav><ul>{NAV}</ul></nav><main><h1>如何导出微信群成员名单？</h1>"
        f"<article class='question-item'><div class='question fmt'><p>{QUESTION}</p></div></article>"
        "<div class='answers'><div class='sort'><a>默认排序</a><a>时间排序</a></div><h2>2 个回答</h2>"
        f"{_answer(accepted, '林老师', ACCEPTED, comments)}{_answer(plain, '阿德', OTHER)}</div></main>"
        f"<aside><h3>相关问题</h3><ul>{RELATED}</ul></aside>{FOOTER}</body></html>"
    )


def test_two_answers_one_marked_accepted_are_both_kept_after_the_question(tmp_path):
    _title, md = _ingest(tmp_path, two_answers_page("clearfix answers-item accepted", "clearfix answers-item"), "qa.html")
    text = page_text(md)
    pos = _positions(text, [QUESTION[:12], ACCEPTED[0][:12], ACCEPTED[1][:12], OTHER[0][:12], OTHER[1][:12]])
    assert pos == sorted(pos)
    assert "另一个关于社群拉新的热门问题" not in md and "默认排序" not in md


def test_two_boxes_sharing_one_generic_class_are_no_answers_of_one_template():
    # the answers' boxes as one template's posts; a box of one generic class beside Card MoreAnswers is
    # no template's, nor are two boxes each marked its own way (neither is the template as it is)
    for classes, posts in ((("clearfix answers-item accepted", "clearfix answers-item"), 2),
                           (("Card", "Card MoreAnswers"), 0),
                           (("clearfix answers-item accepted", "clearfix answers-item featured"), 0)):
        thread = find_thread(lxml.html.document_fromstring(two_answers_page(*classes)))
        found = [p for p in (thread.posts if thread else []) if "answer" in " ".join(p.element.get("class", "").lower().split())]
        assert len(found) == posts, classes


def test_a_saved_qa_page_with_an_accepted_and_one_other_answer_keeps_the_question_and_both(tmp_path):
    folder = DATA / "forum-pages-25"
    record = next(r for r in json.loads((folder / "labels.json").read_text(encoding="utf-8"))
                  if r["file"] == "10_mawen_qa_export_wechat_group.html")
    md = _ingest_file(tmp_path, folder / "pages" / record["file"])
    result = score(record, page_text(md), page_title(md))
    assert result.kept == result.content, result.missed  # the question, the accepted answer, the other one
