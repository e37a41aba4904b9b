"""Paragraphs a site appends to many of its articles go by their repetition across the
collection; a sentence many articles quote once stays. Articles we write ourselves."""

from __future__ import annotations

from opskb.ingest.repeated import COPY_REASON, MIN_ARTICLES, REASON, drop_repeated_runs, drop_second_copy
from opskb.records import HEADING, IMAGE, LIST, PARAGRAPH, Block, Doc, Meta

PROMO = ["我在参加某某网年度作者评选，希望喜欢我文章的朋友都来支持我一下。",
         "点击下方链接进入我的参选页面，点击红心即可为我投票。"]
DEFINITION = "私域流量是品牌可以反复、免费触达的用户流量。"


TOPICS = ["拉新", "促活", "留存", "转化", "裂变", "分层", "召回", "复购", "口碑"]
PLACES = ["社群", "公众号", "小程序", "企业微信", "视频号", "直播间", "门店", "会员中心", "小红书"]


def _body(n: int) -> list[str]:
    """Twelve paragraphs of an article of its own (no two articles alike, so none is merged as a duplicate)."""
    return [f"在{PLACES[(n + k) % 9]}里做{TOPICS[(n * 2 + k) % 9]}，第 {n * 12 + k} 个经验是先想清楚用户为什么留下来。"
            for k in range(12)]


def _doc(n: int, tail: list[str]) -> Doc:
    return Doc(source=f"a{n}.md", meta=Meta(title=f"文章 {n}"),
               blocks=tuple(Block(PARAGRAPH, text=t) for t in _body(n) + tail))


def _texts(doc: Doc) -> list[str]:
    return [b.text for b in doc.blocks]


def test_a_run_many_articles_end_with_goes_from_each():
    docs = [_doc(n, [f"第 {n} 篇的结尾，各不相同。"] + PROMO) for n in range(MIN_ARTICLES)] + [_doc(99, [])]
    out = drop_repeated_runs(docs)
    for before, after in zip(docs, out, strict=True):
        assert not set(PROMO) & set(_texts(after))
        assert _texts(after) == [t for t in _texts(before) if t not in PROMO]  # the rest in order
    assert [r.text for r in out[0].removed] == PROMO and all(r.reason == REASON for r in out[0].removed)
    assert out[0].stats.lines_removed == docs[0].stats.lines_removed + 2
    assert out[-1] is docs[-1]  # an article without the run is left as it is


def test_a_run_at_the_start_goes_too_but_not_one_in_the_middle():
    docs = [Doc(source=f"b{n}.md", meta=Meta(title="t"), blocks=tuple(Block(PARAGRAPH, text=t) for t in PROMO)
                + _doc(n, []).blocks) for n in range(MIN_ARTICLES)]
    assert all(not set(PROMO) & set(_texts(d)) for d in drop_repeated_runs(docs))
    middle = [Doc(source=f"c{n}.md", meta=Meta(title="t"), blocks=_doc(n, []).blocks[:10]
                  + tuple(Block(PARAGRAPH, text=t) for t in PROMO) + _doc(n, []).blocks[10:] + _doc(n + 50, []).blocks)
              for n in range(MIN_ARTICLES)]
    assert drop_repeated_runs(middle) == middle


def test_fewer_articles_or_a_single_quoted_sentence_stay():
    few = [_doc(n, PROMO) for n in range(MIN_ARTICLES - 1)] + [_doc(n, []) for n in range(50, 53)]
    assert drop_repeated_runs(few) == few
    quoted = [_doc(n, [DEFINITION, f"第 {n} 篇的结尾，各不相同：先从一个小群做起。"]) for n in range(MIN_ARTICLES + 3)]
    assert drop_repeated_runs(quoted) == quoted
    # two short lines many authors end with (以上。（完）) are too short to tell a site's run by
    signed = [_doc(n, ["以上。", "（完）"]) for n in range(MIN_ARTICLES + 3)]
    assert drop_repeated_runs(signed) == signed


def _write(seeds, n: int, tail: list[str]) -> None:
    body = "\n\n".join(_body(n) + tail)
    (seeds / f"a{n}.md").write_text(f"# 社群运营笔记之{'一二三四五六七八九'[n]}\n\n{body}\n", encoding="utf-8")


def _seeds(tmp_path):
    """A folder of MIN_ARTICLES dumps of articles of their own, each ending in the promo."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(MIN_ARTICLES):
        _write(seeds, n, PROMO)
    return seeds


def test_ingest_drops_the_run_from_each_page(tmp_path):
    from opskb.pipeline import ingest

    seeds = _seeds(tmp_path)
    result = ingest(seeds, tmp_path / "docs")
    pages = [p for p in (tmp_path / "docs" / "sources").glob("*.md") if p.name != "index.md"]
    assert len(pages) == MIN_ARTICLES and len([e for e in result.entries if e.page]) == MIN_ARTICLES
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "先想清楚用户为什么留下来" in text and not any(p in text for p in PROMO), page.name


def test_an_edit_that_breaks_the_run_under_a_kept_cache_equals_a_fresh_run(tmp_path):
    # the serve path: generate() again with the last run's cache after one article is edited.
    # Taking the footer out of one article leaves four: the others get it back, as a fresh run does
    from opskb.ingest.cache import Cache
    from opskb.pipeline import generate

    seeds = _seeds(tmp_path)
    cache = Cache()
    _e, _a, first = generate(seeds, cache=cache)
    assert sum(PROMO[1] in text for path, text in first.items() if path.startswith("sources/")) == 0
    _write(seeds, 0, [])
    _e, _a, edited = generate(seeds, cache=cache)
    _e, _a, fresh = generate(seeds, cache=Cache())
    assert edited == fresh
    assert sum(PROMO[1] in text for path, text in edited.items() if path.startswith("sources/")) == MIN_ARTICLES - 1


def _article() -> list[Block]:
    return [Block(HEADING, text="为什么要做用户分层", level=2), Block(PARAGRAPH, text=_body(1)[0]),
            Block(IMAGE, src="https://img.example.com/2024/05/layers.png"),
            Block(LIST, items=("新用户：先完成首单", "活跃用户：提高复购", "沉睡用户：定向召回")),
            Block(HEADING, text="怎么分", level=2), Block(PARAGRAPH, text=_body(1)[1]), Block(PARAGRAPH, text=_body(1)[2])]


def test_a_text_the_page_shows_twice_keeps_its_first_copy():
    # an editor's preview and its read view, one after the other: every kind of block said again
    blocks = _article()
    doc = Doc(source="twice.html", meta=Meta(title="用户分层"), blocks=tuple(blocks + blocks + [Block(PARAGRAPH, text="大佬 666")]))
    out = drop_second_copy(doc)
    assert list(out.blocks) == blocks + [Block(PARAGRAPH, text="大佬 666")]
    assert {r.reason for r in out.removed} == {COPY_REASON}
    assert out.stats.lines_removed == doc.stats.lines_removed + len(blocks)


def test_a_heading_or_a_short_run_the_text_comes_back_to_stays():
    blocks = _article()
    # the text returns to a heading and its list (two blocks), and repeats a short run of three lines
    short = [Block(PARAGRAPH, text="第一步"), Block(PARAGRAPH, text="第二步"), Block(PARAGRAPH, text="第三步")]
    again = blocks + short + [Block(PARAGRAPH, text=_body(2)[0])] + blocks[3:5] + short
    doc = Doc(source="again.md", meta=Meta(title="用户分层"), blocks=tuple(again))
    assert drop_second_copy(doc) is doc
    # two roles asking for the same skills: two long lists said again are not a copy of the text
    skills = [Block(LIST, items=tuple(_body(3)[:3])), Block(LIST, items=tuple(_body(3)[3:6]))]
    roles = [Block(HEADING, text="中级运营", level=2), *skills, Block(HEADING, text="高级运营", level=2), *skills]
    doc = Doc(source="roles.md", meta=Meta(title="岗位要求"), blocks=tuple(roles))
    assert drop_second_copy(doc) is doc
