"""Lines above or below the article that are links on the page (locate.drop_linked)."""

from __future__ import annotations

from test_locate import MENU, PROSE, run, texts
from test_thread import DATA, _ingest_file


def test_a_bar_of_notices_linked_above_a_thread_goes_whatever_their_titles_say(tmp_path):
    # a saved game-forum thread of our forum set: 公告：<a>关于……的安全提示，请勿……</a> <a>【活动】……</a>
    # over the thread, the punctuation only inside the notices' titles
    md = _ingest_file(tmp_path, DATA / "forum-pages-23" / "pages" / "05_nga_patch_thread.html")
    assert "盗号" not in md and "晒出你的霜烬之地截图" not in md
    assert "多重射击" in md  # (the thread's replies stay)


def test_a_paragraph_with_links_in_its_sentences_stays(tmp_path):
    linked = ("<p>更多做法可以看<a href='/a/1'>社群冷启动的七个步骤</a>和<a href='/a/2'>用户分层入门</a>，"
              "两篇都有可以直接套用的表格。</p>")
    html = ("<!DOCTYPE html><html><head><title>社群运营入门 - 某某社区</title></head><body>"
            f"<nav>{MENU}</nav><div class='main'><h1>社群运营入门</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + linked
            + "</div><footer>Copyright © 2024 某某社区</footer></body></html>")
    out = texts(run(tmp_path, html))
    assert "两篇都有可以直接套用的表格" in out and all(p in out for p in PROSE)
