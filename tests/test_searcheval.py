"""`opskb search-eval`: tags as queries, our search in Chromium beside BM25."""

from __future__ import annotations

import pytest
from opskb.searcheval import article_tags, bm25_rankings, is_genre, queries, scores


def test_tags_come_from_the_dumps_tags_line(tmp_path):
    f = tmp_path / "wp-1.md"
    f.write_text("# 标题\n**Author:** 某人\n**Tags:** `联名营销` `初级` `2年`\n正文\n", encoding="utf-8")
    assert article_tags(f) == ["联名营销", "初级", "2年"]
    (tmp_path / "wp-2.md").write_text("# 没有标签行\n正文提到 **Tags:** 不在行首\n", encoding="utf-8")
    assert article_tags(tmp_path / "wp-2.md") == []


def test_queries_are_subject_tags_within_the_range():
    assert is_genre("方法论") and is_genre("初级") and is_genre("3年") and is_genre("１０年")
    assert not is_genre("联名营销") and not is_genre("2024年终总结")
    tags = {f"a{i}": ["联名营销", "方法论"] + (["用户留存"] if i < 2 else []) for i in range(4)}
    tags["b"] = ["私域"]
    assert queries(tags, low=2, high=3) == {"用户留存": {"a0", "a1"}}  # 联名营销 on 4, 私域 on 1, 方法论 a genre
    assert set(queries(tags, low=1, high=4)) == {"联名营销", "用户留存", "私域"}


def test_scores_of_a_ranking():
    relevant = {"a", "b", "c"}
    recall, precision, rr = scores(["x", "a", "y", "b"], relevant)
    assert recall == pytest.approx(2 / 3) and precision == pytest.approx(0.2) and rr == 0.5
    assert scores([], relevant) == (0.0, 0.0, 0.0)
    many = {f"p{i}" for i in range(30)}
    assert scores([f"p{i}" for i in range(10)], many)[0] == 1.0  # recall over at most ten


def test_bm25_ranks_the_page_that_is_about_the_query_first():
    texts = {
        "sources/a.html": "联名营销的五种玩法：品牌联名，跨界营销。联名营销要找对伙伴。",
        "sources/b.html": "用户留存怎么做？留存率、流失预警和召回。",
        "sources/c.html": "营销日历：节日营销与借势。",
    }
    ranked = bm25_rankings(texts, ["联名营销", "留存", "完全无关"])
    assert ranked["联名营销"][0] == "sources/a.html" and ranked["留存"] == ["sources/b.html"]
    assert ranked["完全无关"] == []


def test_a_small_collection_end_to_end(tmp_path):
    """The whole run on the seeds plus six tagged dumps: ingest, MkDocs, our search in
    Chromium and BM25, with thresholds small enough for six articles."""
    from pathlib import Path

    from conftest import SEEDS, unique_text
    from opskb.searcheval import run
    from test_browser import CHROMIUM, _unavailable

    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is not installed")
    arts = tmp_path / "articles"
    arts.mkdir()
    topics = {"联名": ("品牌之间的联名越来越多，这种营销方式能带来新客。", "联名营销"),
              "留存": ("新用户第二周的留存下降，需要召回和提醒。", "用户留存")}
    for i in range(6):
        key = "联名" if i < 3 else "留存"
        sentence, tag = topics[key]
        title = f"第{i}篇：{key}的做法"
        (arts / f"wp-{i}.md").write_text(
            f"# {title}\n**Tags:** `{tag}` `方法论`\n**Original:** [View](https://example.com/{i}.html)\n\n"
            + "\n\n".join([sentence * 3, unique_text(title, 300), sentence]) + "\n", encoding="utf-8")
    result = run(SEEDS, arts, low=2, high=5)
    assert result["queries"] == 2 and result["articles"] == 6  # 方法论 is a genre tag
    ours, bm25 = result["systems"]["ours"], result["systems"]["bm25"]
    assert ours["no_results"] == [] and ours["mrr"] > 0.3 and bm25["recall@10"] > 0
    # 联名营销 is never written as one phrase in these articles: our search finds them anyway
    assert result["per_query"]["联名营销"]["ours"][0] == 1.0
