"""Text between a thread's posts that none of them holds: a question's lone answer, built unlike
the comments on the question above it and on the answer below it, which were read as the thread;
not an ad's copy between a thread's floors. Saved pages: a blind labelled Q&A page of ours and a
real 贴吧 thread of the dev set of forum pages (../shared/devforums, beside the clone in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from opskb.evaluate import page_text
from test_thread import _ingest, _positions

DATA = Path(__file__).resolve().parents[1] / "data"
DEVFORUMS = Path(__file__).resolve().parents[3] / "shared" / "devforums" / "pages"

QUESTION = "本地用自己的号测试偶尔能成功，上线以后大部分都失败。"
ASKED = "能拿到 WelcomeCode 说明这个成员没有在管理后台配置过欢迎语吧？"  # a comment on the question
ANSWER = ["问题出在你发送的时机。",
          "你的回调里先同步去查 CRM、写数据库，这两步加起来经常就超过有效期了",
          "另外企业微信对回调有超时要求，处理太久会被重试",
          "如果欢迎语里一定要带昵称，可以先用回调里的信息发一个通用版本"]
THANKED = "改成先发再查以后成功率到 99% 了，非常感谢！"  # a comment on the answer


def test_a_questions_lone_answer_between_the_comments_stays_in_its_place(tmp_path):
    page = DATA / "forum-pages-26" / "pages" / "06_mawen_wecom_welcome.html"
    _title, md = _ingest(tmp_path, page.read_bytes(), page.name)
    text = page_text(md[md.index("\n# "):])
    # the question, the comments on it, the answer whole, the comments on the answer: the page's order
    pos = _positions(text, [QUESTION, ASKED, *ANSWER, THANKED])
    assert pos == sorted(pos)
    for line in ANSWER:
        assert text.count(line) == 1
    assert "被提问者采纳的答案" not in text


def test_an_ads_copy_between_the_floors_is_no_post(tmp_path):
    page = DEVFORUMS / "tieba-f6db2e2.html"
    if not page.is_file():
        pytest.fail(f"{page} is missing: CI runs with ../shared beside the clone")
    _title, md = _ingest(tmp_path, page.read_bytes(), page.name)
    for ad in ("上海股民专享福利", "新一代炒股软件", "立即查看"):
        assert ad not in md, ad
    assert "我就很佛系" in md  # (the floors around it stay)
