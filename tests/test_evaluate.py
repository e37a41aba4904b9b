"""Ingest on the labelled dev corpus (../shared/devcorpus, never copied here): the issue's
targets as floors, and ahead of trafilatura alone on the HTML pages. Skipped with a
message where the corpus is absent; in CI (OPSKB_CI=1) that is a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from opskb.evaluate import label_key, normalize, page_text, page_title

DEVCORPUS = Path(__file__).resolve().parents[2] / "shared" / "devcorpus"
DEVFORUMS = Path(__file__).resolve().parents[2] / "shared" / "devforums"
FORUM_FLOORS = (98.5, 99.0, 99.0)  # chrome removed, body kept, titles right (measured: see README)


# the dev pages as whole-page text copies (opskb eval --as-text): chrome, body, titles. Since 2026-12-07 (thirteenth
# session) a copy holds the text a block keeps beside blocks of its own (a story card's headline link beside its
# time, a post's reply after its quote), as a browser's copy does: measured then 91.3 / 99.5 / 88.0 and
# 93.6 / 91.7 / 78.3 on the forums (the same with that session's starting code), then 91.7 / 99.5 / 90.0 and
# 94.0 / 92.3 / 82.6 (a question standing twice far above its answers, many headlines run together on a line);
# under the copy of leaf blocks only,
# 95.2 / 99.5 / 90.0 (before headlines alone among the furniture under the article went and captions kept their text:
# 94.4 / 99.5 / 90.0) and earlier
# 94.2 / 99.5 / 90.0 and 92.7 / 91.7 / 87.0 (before a thread's posts were read: 92.7 / 89.9 / 87.0 on the forums; before pagecopy.py: 71.4 / 96.3 / 8.0, 74.7 / 86.4 / 17.4;
# before lists of other stories and far headlines were read: 90.5 / 99.5 / 80.0 and 92.3 / 88.2 / 87.0)
TEXT_COPY_FLOORS = (91.5, 99.0, 90.0)
FORUM_TEXT_COPY_FLOORS = (93.5, 92.0, 82.5)
# ... as excerpts of those copies (opskb eval --as-excerpt): measured 90.4 / 99.5 / 94.0 and 90.8 / 93.5 / 87.0 since the
# seventeenth session (a Q&A page's next answer under a folded one's counts and buttons), before that 90.8 / 92.3 / 87.0 on
# the forums; 88.7 / 99.5 / 92.0 and 91.7 / 92.3 / 82.6 since
# copies hold the text beside blocks, then 89.6 / 99.5 / 94.0 and 90.8 / 92.3 / 87.0 (the Zhihu-like page's question
# found again, its login wall's line under it now leaks); under the copy of leaf blocks only, 89.6 / 99.5 / 92.0 (before headlines alone
# among the furniture under the article went, 讨论区 was a comment box's label and a rating widget a counter:
# 87.0 / 99.5 / 92.0), earlier 87.1 / 99.5 / 92.0 and
# 91.0 / 93.5 / 87.0 (before a thread's posts were read: 91.0 / 91.7 / 87.0 on the forums; at this mode's start: 76.7 / 98.9 / 72.0 and 77.0 / 88.2 / 65.2; before lists
# of other stories were read: 81.9 / 99.5 / 84.0 and 91.0 / 89.3 / 87.0)
EXCERPT_FLOORS = (89.5, 99.0, 94.0)
FORUM_EXCERPT_FLOORS = (90.5, 93.0, 86.5)


def _evaluate(folder: Path, as_text: bool = False, as_excerpt: bool = False) -> dict:
    if not (folder / "labels.json").is_file():
        message = f"{folder} is absent: its floors cannot be checked"
        if os.environ.get("OPSKB_CI") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from opskb.evaluate import evaluate

    return evaluate(folder, baseline=not (as_text or as_excerpt), as_text=as_text, as_excerpt=as_excerpt)


@pytest.fixture(scope="module")
def results():
    return _evaluate(DEVCORPUS)


@pytest.fixture(scope="module")
def forums():
    return _evaluate(DEVFORUMS)


def test_floors_on_the_dev_corpus(results):
    total = results["totals"]["all"]
    assert total["files"] >= 50
    assert total["chrome_removed"] >= 98.0, total
    assert total["body_kept"] >= 99.0, total
    assert total["titles_right"] >= 90.0, total
    assert total["traditional_left"] <= 5 and total["pinyin_left"] == 0, total


def test_ahead_of_trafilatura_alone_on_html_pages(results):
    ours, theirs = results["totals"]["html"], results["totals"]["trafilatura"]
    assert ours["chrome_removed"] > theirs["chrome_removed"], (ours, theirs)
    assert ours["body_kept"] > theirs["body_kept"], (ours, theirs)
    assert ours["titles_right"] > theirs["titles_right"], (ours, theirs)


def test_floors_on_forum_and_qa_pages(forums):
    # forum threads, Q&A pages and articles of kinds the dev corpus lacks (../shared/devforums)
    total = forums["totals"]["all"]
    assert total["files"] >= 20
    assert total["chrome_removed"] >= FORUM_FLOORS[0], total
    assert total["body_kept"] >= FORUM_FLOORS[1], total
    assert total["titles_right"] >= FORUM_FLOORS[2], total
    assert total["traditional_left"] == 0 and total["pinyin_left"] == 0, total
    ours, theirs = forums["totals"]["html"], forums["totals"]["trafilatura"]
    assert ours["chrome_removed"] > theirs["chrome_removed"], (ours, theirs)
    assert ours["body_kept"] > theirs["body_kept"], (ours, theirs)
    assert ours["titles_right"] > theirs["titles_right"], (ours, theirs)


def test_text_dumps_floors(results):
    text = results["totals"]["text"]
    assert text["chrome_removed"] >= 90.0 and text["body_kept"] >= 99.0 and text["titles_right"] >= 85.0, text


def test_scoring_normalizes_as_the_readme_says():
    # width, quotes, whitespace, Markdown markers, Traditional script, glued pinyin
    assert normalize("用戶運營，“精細化”  **重點**") == normalize("用户运营,\"精细化\"重点")
    assert normalize("现(xiàn)在") == normalize("现在")
    assert label_key("（一）定义不同") == label_key("1. 定义不同") == normalize("定义不同")


def test_article_text_leaves_out_front_matter_box_and_links():
    md = (
        "---\ntitle: '标题：副题'\n---\n\n# 标题\n\n!!! info \"\"\n\n    原文：[example.com](<https://example.com/a>) · 作者：某人 · 站点：某站\n\n"
        "    ??? note \"整理说明\"\n\n        - 清理：删除 3 行\n\n"
        "正文一段。\n{ #p-abc123 }\n\n- <span id=\"p-1\">列表项</span>\n\n[原文配图](<https://x.com/a.png>){ .source-image }\n"
    )
    text = page_text(md)
    assert "作者" not in text and "整理说明" not in text and "example.com" not in text and "p-abc123" not in text and "x.com" not in text and "<span" not in text
    assert "正文一段。" in text and "列表项" in text
    assert page_title(md) == "标题：副题"
    # braces the text holds (escaped in the Markdown) are the text's, not an attribute list
    assert "form.base = \\{...\\}" in page_text("---\ntitle: x\n---\n\n只有整个替换 form.base = \\{...\\} 才会触发。\n{ #p-abc124 }\n")


def test_our_own_labelled_pages_of_kinds_the_dev_corpus_lacks():
    from opskb.evaluate import evaluate

    folder = Path(__file__).resolve().parent / "data" / "labelled"
    total = evaluate(folder, baseline=False)["totals"]["all"]
    assert total["files"] == 2
    assert total["chrome_removed"] == 100.0 and total["body_kept"] == 100.0 and total["titles_right"] == 100.0, total


# Pages and text copies of our own (tests/data/*), written by helpers who saw neither the code nor
# the other sets; each set was scored before any change was made for it (README: 没见过的论坛页,
# 没见过的复制文本, 没见过的新闻页). Measured at the floors' last change, 2026-12-05:
# forum-pages, 56 forum threads and Q&A pages: 92.5 / 97.3 / 96.4 (trafilatura alone 81.6 / 69.7 / 73.2)
# text-copies, 24 text copies of pages: 96.5 / 98.5 / 95.8
# mixed-pages, 20 news, portal, article and thread pages: 96.2 / 98.0 / 100 (trafilatura alone 87.0 / 89.9 / 70.0)
# (2026-12-08: forum-pages 98.4 -> 96.6 and forum-pages-3 98.0 -> 96.0 chrome removed, on purpose: their labels take the
# readers' comments under four short blog posts for chrome, where nine later sets and the benchmark's own forum pages
# (../shared/devforums, bbs-fbc87ae: "the article plus the comment bodies") take a short post's comments for its replies)
OWN_FLOORS = {"forum-pages": (56, (96.5, 97.8, 96.0)), "text-copies": (24, (97.5, 98.5, 95.0)),
              "mixed-pages": (20, (96.5, 98.5, 100.0)), "news-pages": (10, (99.5, 99.5, 100.0)),
              "forum-pages-2": (10, (99.5, 99.5, 100.0)), "text-copies-2": (10, (98.0, 98.0, 90.0)),
              "mixed-pages-2": (12, (99.5, 97.5, 100.0)), "unseen-pages": (10, (97.0, 99.0, 100.0)),
              "unseen-pages-2": (10, (99.0, 99.5, 100.0)), "headline-pages": (12, (99.5, 99.5, 100.0)),
              "text-excerpts": (14, (98.5, 99.5, 100.0)), "text-excerpts-2": (14, (99.0, 99.0, 100.0)),
              "text-excerpts-3": (12, (98.5, 99.5, 100.0)), "mixed-pages-3": (10, (98.0, 99.5, 100.0)),
              # (sets of 2026-12-05, third night: the last round's unseen set, then three written blind this round)
              "unseen-pages-3": (12, (99.5, 99.5, 100.0)), "forum-pages-3": (12, (95.5, 99.5, 100.0)),
              "text-copies-3": (12, (96.5, 99.5, 90.0)), "article-pages": (12, (96.5, 98.0, 100.0)),
              "mixed-pages-4": (12, (95.5, 99.5, 90.0)),
              # (sets of 2026-12-06: the last round's unseen set, then two written blind this round)
              "unseen-pages-4": (12, (92.5, 99.5, 100.0)), "forum-pages-4": (12, (96.0, 98.5, 100.0)),
              "text-copies-4": (12, (96.5, 99.5, 100.0)),
              "unseen-pages-5": (12, (95.0, 99.5, 100.0)), "forum-pages-5": (12, (97.5, 99.5, 100.0)),
              "text-copies-5": (12, (97.0, 99.5, 100.0)),
              "news-pages-2": (12, (93.5, 99.5, 100.0)),
              # (sets of 2026-12-06, second session: written blind, first scored with that session's starting code)
              "news-pages-3": (12, (98.0, 99.5, 100.0)), "text-copies-6": (12, (93.5, 99.0, 100.0)),
              # (sets of 2026-12-06, third session: the last round's unseen set, then two written blind this round)
              "unseen-pages-6": (12, (95.0, 99.5, 100.0)), "forum-pages-6": (12, (99.0, 99.0, 100.0)),
              "text-excerpts-4": (12, (95.0, 99.5, 100.0)), "forum-copies": (12, (84.5, 95.5, 83.0)),
              # (sets of 2026-12-06, fourth session: the last round's held-out set, then two written blind this round)
              "article-pages-2": (12, (95.5, 99.5, 100.0)), "article-pages-3": (12, (99.0, 99.5, 100.0)),
              "forum-pages-7": (12, (92.0, 99.5, 100.0)),
              # (sets of 2026-12-06, fifth session: the last round's held-out set, then two written blind this round;
              # forum-pages-11, held out then, scored file by file and used in the seventh session)
              "forum-pages-8": (12, (98.0, 99.0, 100.0)), "forum-pages-9": (12, (97.0, 99.5, 100.0)),
              "forum-pages-10": (12, (98.5, 99.0, 100.0)), "forum-pages-11": (12, (97.5, 99.0, 100.0)),
              # (written blind in the seventh session, scored after its changes; what it misses is left to the next one)
              "forum-pages-12": (12, (98.0, 99.5, 100.0)),
              # (forum-pages-13, held out in the seventh session, and forum-pages-14, written blind at the start of the
              # eighth: both scored file by file and used in the eighth)
              "forum-pages-13": (12, (94.5, 99.0, 100.0)), "forum-pages-14": (12, (95.0, 99.0, 100.0)),
              # (forum-pages-15, held out in the eighth session, scored file by file and used in the ninth)
              "forum-pages-15": (12, (99.5, 99.0, 100.0)),
              # (written blind at the start of the ninth session, scored with its starting code: 97.5 / 97.2 / 100; then used)
              "forum-pages-16": (12, (99.5, 99.5, 100.0)),
              # (written blind in the ninth session, scored with its starting code: 95.5 / 92.1 / 83.3; then used)
              "forum-pages-17": (12, (99.0, 99.0, 100.0)),
              # (held out in the ninth session until its last round: 96.8 / 90.9 / 100 before it, then used)
              "forum-pages-18": (12, (98.5, 97.0, 100.0)),
              # (held out in the ninth session: 94.3 / 97.6 / 91.7 before the tenth, which scored it file by file and used it)
              "forum-pages-19": (12, (99.5, 99.5, 100.0)),
              # (written blind at the start of the tenth session: 96.9 / 93.1 / 91.7 with its starting code; then used)
              "forum-pages-20": (12, (99.0, 99.5, 100.0)),
              # (written blind in the tenth session and held out through its second round: 97.1 / 83.9 / 91.7 at its start,
              # 97.6 / 83.9 / 91.7 after that round; then used)
              # (88.7 body until the fourteenth session read a car forum's opening post laid out unlike its replies)
              "forum-pages-21": (12, (98.5, 93.5, 100.0)),
              # (held out in the tenth session: 97.7 / 94.8 / 83.3 before the eleventh, which scored it file by file and used it)
              "forum-pages-22": (12, (98.0, 97.5, 100.0)),
              # (written blind in the eleventh session, scored with its starting code: 98.3 / 99.0 / 100 and
              # 98.2 / 86.3 / 91.7; then used)
              "forum-pages-23": (12, (99.0, 99.0, 100.0)), "forum-pages-24": (12, (99.5, 99.0, 100.0)),
              # (held out in the eleventh session: 97.9 / 95.5 / 100 at its end; the twelfth scored it file by file and used it)
              "forum-pages-25": (12, (97.5, 99.5, 100.0)),
              # (written blind in the twelfth session, scored with its starting code: 95.5 / 96.5 / 100; not used to tune)
              "news-pages-4": (12, (97.5, 98.5, 100.0)),
              # (written blind in the twelfth session, scored with its starting code: 95.5 / 96.7 / 66.7; then its four wrong
              # titles read and two of them mended by form)
              # (97.1 body until the fourteenth session read a question's lone answer between the comments on both)
              "forum-pages-26": (12, (95.0, 99.5, 91.5)),
              # (written blind in the thirteenth session, scored with its starting code: 99.4 / 97.2 / 100, as text
              # 93.3 / 81.7 / 83.3, as excerpts 85.1 / 81.7 / 83.3; then used for page copies' tables and headlines)
              # (97.6 body until the fourteenth session read follow-ups under an answer, 追问 / 追答 in a definition list)
              "mixed-pages-5": (12, (99.0, 98.0, 100.0)),
              # (written blind at the end of the thirteenth session and held out: 99.5 / 98.6 / 100 with its starting code
              # and its last, trafilatura alone 74.2 / 83.8 / 91.7; not used to tune)
              "mixed-pages-6": (12, (99.0, 98.5, 100.0)),
              # (written blind in the fourteenth session, scored with its starting code: 98.8 / 96.9 / 100, trafilatura alone
              # 88.5 / 60.0 / 83.3; one page's lost comments read to undo a regression of that session; then used: 99.4 / 98.1 / 100)
              "forum-pages-27": (12, (99.0, 98.0, 100.0)),
              # (written blind in the fifteenth session and held out: 98.3 / 98.5 / 100 with its starting code and its
              # last, trafilatura alone 79.1 / 66.5 / 75.0; not read, not used to tune)
              "forum-pages-28": (12, (98.0, 98.0, 100.0)),
              # (written blind in the sixteenth session, scored with its starting code: 94.6 / 99.6 / 100, trafilatura alone
              # 87.4 / 97.5 / 91.7; read: a story's readers' comments put back between it and the stories listed under it)
              "news-pages-5": (12, (95.5, 99.5, 100.0)),
              # (written blind in the sixteenth session, scored with its starting code: 97.2 / 96.9 / 100, trafilatura alone
              # 68.5 / 93.1 / 91.7; read, unchanged)
              "mixed-pages-7": (12, (97.0, 96.5, 100.0)),
              # (written blind in the sixteenth session and held out: 98.3 / 97.2 / 100 with its starting code and its last,
              # trafilatura alone 83.4 / 76.7 / 75.0; its pages not read; its text copies read afterwards: OWN_COPY_FLOORS)
              "mixed-pages-8": (12, (98.0, 97.0, 100.0)),
              # (the eighteenth session's three blind sets of community pages, scored with its starting code: 93.7 / 98.1 / 100,
              # 90.5 / 98.8 / 91.7, 98.0 / 92.6 / 100; trafilatura alone 77.7 / 64.9 / 66.7, 70.4 / 72.2 / 41.7, 80.4 / 63.5 / 83.3;
              # forum-pages-29 held out until the session's title rules were done, then read: 95.4 / 98.1 / 100)
              "forum-pages-29": (12, (95.0, 98.0, 100.0)), "forum-pages-30": (12, (90.0, 98.5, 91.5)),
              "forum-pages-31": (12, (97.5, 97.5, 100.0)),
              # (the nineteenth session's two blind sets of posts with their comments, scored with its starting code:
              # 98.3 / 86.6 / 75.0 and 91.2 / 87.8 / 83.3, trafilatura alone 87.4 / 52.2 / 58.3 and 75.3 / 62.8 / 75.0;
              # one page of forum-pages-32, a video's, read for its text copy; their HTML unchanged by the session)
              # (the twentieth session: a short post's comments in an <article> are its replies, and short comments under their
              # posters' names read as the text: 95.1 and 100 body kept; a post's first line under its poster's card, or the
              # first line of a caption set in an h1, its headline: 91.7 and 91.7 titles right, forum-pages-34 66.7)
              "forum-pages-32": (12, (98.0, 95.0, 91.5)), "forum-pages-33": (12, (91.0, 99.5, 91.5)),
              # (two more written blind at its end and held out, scored with its starting and last code: short posts
              # and videos with comments 92.7 / 95.1 / 33.3 both, trafilatura alone 73.2 / 62.8 / 41.7; articles with
              # readers' comments, threads and blogs 100 / 100 / 100 both, trafilatura alone 82.4 / 88.1 / 83.3; not read)
              "forum-pages-34": (12, (93.0, 96.5, 66.5)), "mixed-pages-9": (12, (99.5, 99.5, 100.0)),
              # (the twentieth session's two blind sets, written at its start and held out, scored with its starting and
              # last code: posts, notes and columns with their comments 96.4 / 82.0 / 83.3 -> 96.4 / 93.3 / 100, trafilatura
              # alone 91.0 / 58.4 / 75.0; threads and Q&A pages 95.2 / 99.0 / 100 both, trafilatura alone 84.4 / 73.2 / 91.7)
              "forum-pages-35": (12, (96.0, 93.0, 100.0)), "forum-pages-36": (12, (95.0, 98.5, 100.0))}

# the same saved sets judged as text copies of their pages and as excerpts of those (a table one cell a
# line, a headline under its date): (chrome removed, body kept, titles right), measured 2026-12-07
# (thirteenth session) with copies holding the text beside blocks: news-pages-4 as text 90.3 / 96.5 / 75.0, as
# excerpts 80.0 / 91.2 / 75.0; mixed-pages-5 as text 95.0 / 95.5 / 100, as excerpts 87.9 / 95.5 / 100
OWN_COPY_FLOORS = {("news-pages-4", "text"): (90.0, 96.0, 75.0), ("news-pages-4", "excerpt"): (79.5, 91.0, 75.0),
                   ("mixed-pages-5", "text"): (94.5, 95.0, 100.0), ("mixed-pages-5", "excerpt"): (87.5, 95.0, 100.0),
                   # (the sixteenth session's three blind sets: at their start 95.2 / 99.2 / 91.7 and 82.8 / 99.2 / 91.7,
                   # 86.7 / 73.9 / 83.3 and 76.8 / 73.9 / 91.7, 95.0 / 83.5 / 91.7 and 89.9 / 83.5 / 91.7; then cells
                   # measured without typesetting's spaces and the article going on after its table: body 75.9 and 90.8;
                   # the eighteenth session's title rules: news-pages-5 chrome 95.8 and 86.2, mixed-pages-7 as text 89.0 / 75.9 / 91.7)
                   ("news-pages-5", "text"): (95.5, 99.0, 91.5), ("news-pages-5", "excerpt"): (86.0, 99.0, 91.5),
                   ("mixed-pages-7", "text"): (88.5, 75.5, 91.5), ("mixed-pages-7", "excerpt"): (76.5, 75.5, 91.5),
                   ("mixed-pages-8", "text"): (94.5, 90.5, 91.5), ("mixed-pages-8", "excerpt"): (89.5, 90.5, 91.5),
                   # (the eighteenth session's: at its start 85.1 / 87.7 / 50.0 and 54.5 / 90.0 / 50.0, 83.4 / 86.3 / 50.0 and
                   # 72.1 / 86.3 / 50.0, 88.9 / 85.7 / 58.3 and 73.0 / 85.7 / 58.3; then the titles of threads and question pages)
                   ("forum-pages-29", "text"): (87.0, 87.5, 50.0), ("forum-pages-29", "excerpt"): (61.5, 89.5, 58.0),
                   ("forum-pages-30", "text"): (83.0, 86.0, 50.0), ("forum-pages-30", "excerpt"): (72.0, 86.0, 50.0),
                   ("forum-pages-31", "text"): (89.5, 85.5, 75.0), ("forum-pages-31", "excerpt"): (76.0, 85.5, 75.0),
                   # (the nineteenth session's: at its start 98.3 / 56.7 / 58.3 and 92.8 / 57.6 / 58.3, 92.4 / 71.3 / 66.7 and
                   # 83.1 / 71.3 / 66.7; then a note's and a short post's comments kept in text copies)
                   ("forum-pages-32", "text"): (98.0, 74.5, 58.0), ("forum-pages-32", "excerpt"): (94.0, 70.0, 58.0),
                   ("forum-pages-33", "text"): (93.5, 74.5, 66.5), ("forum-pages-33", "excerpt"): (85.5, 74.5, 66.5),
                   # (held out: starting code 90.9 / 73.8 / 25.0 and 75.4 / 73.8 / 25.0, last 90.9 / 82.5 / 25.0 and
                   # 75.4 / 82.5 / 25.0; 96.3 / 98.7 / 91.7 and 86.5 / 98.7 / 91.7 with both)
                   ("forum-pages-34", "text"): (90.5, 82.0, 25.0), ("forum-pages-34", "excerpt"): (75.0, 82.0, 25.0),
                   ("mixed-pages-9", "text"): (96.0, 98.5, 91.5), ("mixed-pages-9", "excerpt"): (86.0, 98.5, 91.5),
                   # (the twentieth session's two blind sets, held out: as text and excerpts the same at its start and end)
                   ("forum-pages-35", "text"): (96.5, 66.5, 83.0), ("forum-pages-35", "excerpt"): (91.0, 66.5, 83.0),
                   ("forum-pages-36", "text"): (80.0, 93.0, 75.0), ("forum-pages-36", "excerpt"): (63.0, 91.0, 75.0)}


@pytest.mark.parametrize("name", sorted(OWN_FLOORS))
def test_floors_on_our_own_pages_and_text_copies(name):
    from opskb.evaluate import evaluate

    files, floors = OWN_FLOORS[name]
    total = evaluate(Path(__file__).resolve().parent / "data" / name, baseline=False)["totals"]["all"]
    assert total["files"] == files, total
    assert total["chrome_removed"] >= floors[0], total
    assert total["body_kept"] >= floors[1], total
    assert total["titles_right"] >= floors[2], total
    assert total["traditional_left"] == 0 and total["pinyin_left"] == 0, total


@pytest.mark.parametrize("name, mode", sorted(OWN_COPY_FLOORS))
def test_floors_on_copies_of_our_own_pages(name, mode):
    from opskb.evaluate import evaluate

    floors = OWN_COPY_FLOORS[(name, mode)]
    results = evaluate(Path(__file__).resolve().parent / "data" / name, baseline=False,
                       as_text=mode == "text", as_excerpt=mode == "excerpt")
    total = results["totals"]["text"]
    assert total["files"] == 12 and "html" not in results["totals"], total
    assert total["chrome_removed"] >= floors[0], total
    assert total["body_kept"] >= floors[1], total
    assert total["titles_right"] >= floors[2], total


@pytest.mark.parametrize("folder, floors", [(DEVCORPUS, TEXT_COPY_FLOORS), (DEVFORUMS, FORUM_TEXT_COPY_FLOORS)])
def test_floors_on_whole_page_text_copies(folder, floors):
    results = _evaluate(folder, as_text=True)
    total = results["totals"]["text"]
    assert total["files"] >= 20 and "html" not in results["totals"], total  # every page judged as its copy
    assert total["chrome_removed"] >= floors[0], total
    assert total["body_kept"] >= floors[1], total
    assert total["titles_right"] >= floors[2], total


@pytest.mark.parametrize("folder, floors", [(DEVCORPUS, EXCERPT_FLOORS), (DEVFORUMS, FORUM_EXCERPT_FLOORS)])
def test_floors_on_excerpts_of_page_copies(folder, floors):
    results = _evaluate(folder, as_excerpt=True)
    total = results["totals"]["text"]
    assert total["files"] >= 20 and "html" not in results["totals"], total
    assert total["chrome_removed"] >= floors[0], total
    assert total["body_kept"] >= floors[1], total
    assert total["titles_right"] >= floors[2], total


def test_an_excerpt_holds_the_headline_and_article_with_a_few_lines_around(tmp_path):
    from opskb.evaluate import text_excerpt

    menu = [f"<li><a href='/{i}'>频道{i}</a></li>" for i in range(30)]
    others = [f"<li><a href='/s{i}'>另一篇文章的标题第{i}篇</a></li>" for i in range(30)]
    page = tmp_path / "p.html"
    page.write_text(f"<html><body><ul>{''.join(menu)}</ul><h1>社群冷启动复盘</h1><p>第一段文字，讲冷启动。</p>"
                    f"<p>第二段文字，讲复盘。</p><ul>{''.join(others)}</ul></body></html>", encoding="utf-8")
    record = {"file": "p.html", "title": "社群冷启动复盘", "content_lines": ["第一段文字，讲冷启动。", "第二段文字，讲复盘。"],
              "boilerplate_lines": ["频道29", "频道3", "另一篇文章的标题第0篇", "另一篇文章的标题第29篇"]}
    text, narrowed = text_excerpt(page, record)
    lines = text.split()
    at = lines.index("社群冷启动复盘")
    assert 2 <= at <= 7 and lines[at + 1:at + 3] == record["content_lines"]  # a few of the page's lines above
    assert 2 <= len(lines) - at - 3 <= 9  # ... and below
    assert "频道29" in narrowed["boilerplate_lines"] and "频道3" not in narrowed["boilerplate_lines"]
    assert "另一篇文章的标题第0篇" in narrowed["boilerplate_lines"] and "另一篇文章的标题第29篇" not in narrowed["boilerplate_lines"]
    assert text_excerpt(page, record) == (text, narrowed)  # the same excerpt every run


def test_a_text_copy_holds_the_pages_visible_lines_only(tmp_path):
    from opskb.evaluate import text_copy

    page = tmp_path / "p.html"
    page.write_text("<html><head><title>标题</title><style>p{}</style></head><body><nav><ul><li><a href='/'>首页</a></li></ul></nav>"
                    "<h1>一个标题</h1><p>第一段文字。</p><p style='display:none'>看不见的字</p>"
                    "<script>var x = 1;</script><footer><p>关于我们</p></footer></body></html>", encoding="utf-8")
    assert text_copy(page).split() == ["首页", "一个标题", "第一段文字。", "关于我们"]
    # text standing beside blocks inside a block (a post's reply after its quote, a story card's
    # headline link beside its time): a line of its own for each run between the blocks, in order
    page.write_text("<html><body><table><tr><td class='post'>楼主说得对。<blockquote>原帖由 某某 发表</blockquote>"
                    "我们也是这么<b>做的</b>，效果不错。<div class='sign'>签名</div></td></tr></table>"
                    "<ul><li><a href='/a'>另一篇文章的标题</a><div>2 天前</div></li></ul></body></html>", encoding="utf-8")
    assert text_copy(page).split("\n\n") == ["楼主说得对。", "原帖由 某某 发表", "我们也是这么做的，效果不错。", "签名",
                                             "另一篇文章的标题", "2 天前\n"]
