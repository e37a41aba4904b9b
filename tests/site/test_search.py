"""Search support written by ingest (search.py) and the index built from the HTML (searchindex.py)."""

import json
import os
import re
from collections import Counter
from pathlib import Path

from opskb.knowledge.extract import extract, topics
from opskb.pipeline import build_articles, build_docs, read_seeds, seed_files
from opskb.site import search as search_support
from opskb.site.search import asks, domain_words, search_terms, t2s_table
from opskb.site.searchindex import (
    build,
    shard_of,
    shards_of,
    token_counts,
    tokens,
    word_counts,
)
from opskb.site.searchpage import kind_of, read_page


def test_t2s_table_comes_from_opencc_and_maps_query_characters():
    js = t2s_table()
    data = json.loads(re.search(r"= (\{.*\});", js).group(1))
    table = dict(zip(data["from"], data["to"], strict=True))
    assert "".join(table.get(c, c) for c in "社群運營用戶分層精細化") == "社群运营用户分层精细化"
    assert "运" not in table  # Simplified characters are left alone
    assert len(js.encode("utf-8")) < 40_000


def test_search_terms_hold_the_domain_words_and_the_synonyms(seeds_dir):
    docs, _entries, _prints = build_docs(read_seeds(seed_files(seeds_dir)))
    articles, _ = build_articles(docs)
    k = extract(articles)
    words = domain_words(k)
    for w in ("社群运营", "用户运营", "私域流量", "精细化运营", "铁杆用户", "潜水用户", "用户画像", "转化漏斗", "铁粉"):
        assert w in words
    data = json.loads(search_terms(k))
    assert data["synonyms"]["铁粉"][0] == "铁杆用户" and data["synonyms"]["私域"] == ["私域流量"]
    assert "用户分层" in data["synonyms"]["用户分群"]
    # the topics file's words for how the two jobs relate: a reader's 结合 or 共通 finds the pages' words
    topics_file = topics()
    synergy, common = topics_file["synergy_markers"], topics_file["common_markers"]
    assert data["synonyms"]["结合"] == [synergy[0]] == ["协同"] and data["synonyms"]["共通"] == [common[0]]
    assert all(data["synonyms"][m] == [synergy[0]] for m in synergy[1:])
    assert synergy[0] not in data["synonyms"] and common[0] not in data["synonyms"]
    assert data["asks"] == asks() and ["能力"] in [words for _p, words in data["asks"]]


def test_the_ways_of_asking_about_an_aspect_are_patterns_the_box_can_run(monkeypatch):
    """The topics file's asks reach terms.json as [pattern, words]; each is a regular expression
    (the box runs it over a query in Simplified characters with ASCII punctuation) that finds the
    aspect in a reader's own words and not in a query that does not ask about it."""
    found = {tuple(words): re.compile(pattern) for pattern, words in asks()}
    asked = {("能力",): ["做社群运营得会点啥", "什么样的人适合做用户运营"],
             ("载体",): ["用户运营一般在哪里做", "社群运营用什么平台"],
             ("能力", "接触"): ["我性格内向能做社群吗", "喜欢跟人打交道适合哪个"],
             ("规模",): ["用户运营要管多少用户", "社群里的人比较少吗", "社群人太多?", "要管几百万用户吗",
                      "用户运营管的人比社群运营少吗", "店里就几百个老顾客"],
             ("活跃",): ["顾客群里全在潜水", "群里一发消息就冷场"],
             ("误区",): ["新人做社群容易踩哪些坑"],
             ("指标",): ["汇报会员群的情况该看哪些数据", "怎么衡量一个群运营得好不好"],
             ("行业",): ["开了家宠物店，该招社群运营还是用户运营", "做在线教育的更需要哪个岗位"]}
    for words, queries in asked.items():
        assert all(found[words].search(q) for q in queries), words
    for q in ("社群运营的会员体系", "用户多样化的需求", "社群运营和用户运营的区别", "投放花了几十万预算"):
        assert not any(p.search(q) for p in found.values()), q
    # the amount of data, not of people; a reader's own work named, not a trade's need
    assert not found[("规模",)].search("做社群能拿到多少用户数据")
    assert not found[("行业",)].search("我在宠物店做导购，这属于社群运营还是用户运营")
    assert not found[("活跃",)].search("潜水用户是什么意思")
    monkeypatch.setattr(search_support, "topics", lambda: {"asks": [{"pattern": "会(什么", "words": ["能力"]}]})
    try:
        asks()
    except ValueError as exc:
        assert "topics.yaml" in str(exc) and "会(什么" in str(exc)
    else:
        raise AssertionError("a pattern that is no regular expression was let through")


def test_tokens_are_han_pairs_and_latin_words():
    assert tokens("用户分层") == ["用户", "户分", "分层"]
    assert tokens("头部KOL，ＤＡＵ日活") == ["头部", "kol", "dau", "日活"]
    assert tokens("群") == []  # a lone character is not indexed
    # a word inside a longer term is all of its pairs
    assert set(tokens("漏斗")) <= set(tokens("转化漏斗"))


def test_shards_spread_tokens_and_match_the_browsers_hash():
    # FNV-1a of the UTF-8 bytes; the values below are what search.js's shardOf gives
    # (run in Node 20); the browser tests depend on the two agreeing on every token
    assert shard_of("a", 2**32) == 0xE40C292C
    assert shard_of("运营", 2**32) == 0xF602D29F
    assert len({shard_of(t, 64) for t in tokens("社群运营和用户运营的区别在于运营载体与用户规模")}) > 8


def test_shards_of_many_tokens_at_once_are_each_tokens_shard():
    # the whole index is sharded with shards_of; tokens of every byte length (empty, Latin,
    # Han pairs, prefixed domain words, a character outside the BMP) in one call
    toks = tokens("社群运营和用户运营的区别在于运营载体与用户规模 RFM 模型 a1 ｚ") + ["", "w:私域流量", "h:社群", "😀运营"]
    for shards in (1, 2, 64, 512, 2**32):
        assert shards_of(toks, shards) == [shard_of(t, shards) for t in toks]
    assert shards_of([], 8) == []
    assert shards_of(["a"], 2**32) == [0xE40C292C]


def test_domain_words_count_only_where_they_stand_alone():
    pattern = re.compile("转化漏斗|漏斗|私域流量|私域")
    counts = word_counts("转化漏斗和漏斗不同，私域流量来自私域。", pattern)
    assert counts == {"转化漏斗": 1, "漏斗": 1, "私域流量": 1, "私域": 1}
    assert word_counts("转化漏斗", pattern) == {"转化漏斗": 1}


def test_pages_are_read_from_the_article_of_any_theme(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>标题 - 站点</title></head><body><nav><p>导航不算</p></nav><article>"
        "<h1 id='t'>社群运营<a class='headerlink' href='#t'>¶</a></h1><p>第一段，讲私域流量。<a class='cite' href='x'>↗</a></p>"
        "<h2 id='s2'>第二节</h2><ul><li><p>列表里的段落</p></li></ul></article></body></html>",
        encoding="utf-8",
    )
    p = read_page(page, "concepts/a.html")
    assert p.title == "社群运营" and p.kind == "concept"
    assert p.sections == [("t", "社群运营", "第一段，讲私域流量。"), ("s2", "第二节", "列表里的段落")]
    assert kind_of("sources/x.html") == "source" and kind_of("sources/index.html") == "knowledge"
    assert kind_of("faq/index.html") == "knowledge" and kind_of("index.html") == "knowledge"


def test_index_of_the_seed_site(seed_site):
    _docs, site = seed_site
    meta = json.loads((site / "search" / "docs.json").read_text(encoding="utf-8"))
    urls = [d[0] for d in meta["docs"]]
    assert "concepts/yonghu-fenceng.html" in urls and "404.html" not in urls
    assert not any(u.startswith(("search/", "assets/")) for u in urls)
    shard = json.loads((site / "search" / "shards" / f"{shard_of('分层', meta['shards'])}.json").read_text(encoding="utf-8"))
    layering = urls.index("layering/index.html")
    pages = [sum(shard["分层"][0:i + 1:2]) for i in range(0, len(shard["分层"]), 2)]  # gaps -> pages
    assert layering in pages
    # building again gives the same files
    before = {p.relative_to(site): p.read_bytes() for p in (site / "search").rglob("*.json")}
    build(site)
    assert {p.relative_to(site): p.read_bytes() for p in (site / "search").rglob("*.json")} == before


def test_token_counts_of_a_page_are_the_counts_of_its_tokens():
    text = "社群运营（Community）和用户运营，头部KOL、腰部 KOL；ＤＡＵ日活 2024 年。群"
    assert token_counts(text) == Counter(tokens(text))


def test_the_index_built_in_worker_processes_is_the_one_built_in_one(seed_site, monkeypatch, tmp_path):
    import shutil

    import opskb.site.searchindex as si

    _docs, site = seed_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    monkeypatch.setattr(si, "PARALLEL_PAGES", 1)  # even the seeds' few pages go to workers
    monkeypatch.setattr(si, "MAX_WORKERS", 2)
    monkeypatch.setattr(si.os, "cpu_count", lambda: 2)
    forks = []

    class Counted(si.Forked):  # the vocabulary is made in a forked copy meanwhile
        def result(self):
            found = super().result()
            forks.append(found is not None)
            return found

    monkeypatch.setattr(si, "Forked", Counted)
    assert si.usable(), "this process cannot fork a copy (one core, threads, or not Linux)"
    si.build(copy)
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "search").rglob("*.json")}  # noqa: E731
    assert forks == [True]
    assert files(copy) == files(site)


def test_the_vocabulary_holds_dictionary_words_the_pages_use_and_the_domain_words():
    from opskb.site.searchvocab import DOMAIN_CLASS, vocab_groups, vocabulary

    postings = {t: [0, 1] for t in tokens("联名营销的案例，内容创作。")}
    vocab = vocabulary(postings, ["联名营销", "KOL"])
    # jieba's words whose pairs the pages hold, with the log of jieba's frequency
    assert {"联名", "营销", "案例", "内容", "创作"} <= set(vocab)
    assert 0 < vocab["创作"] < DOMAIN_CLASS and vocab["创作"] > vocab["联名"]  # 创作 is the commoner word
    assert "用户" not in vocab and "名营" not in vocab  # not on the pages; not a word
    assert vocab["联名营销"] == DOMAIN_CLASS and "kol" not in vocab  # domain words (Han only) above all
    # words that say nothing of a subject (adverbs, pronouns, time words, numerals) have their class negative
    said = vocabulary({t: [0, 1] for t in tokens("其实我们现在有三个社群")}, [])
    assert said["其实"] < 0 and said["我们"] < 0 and said["现在"] < 0 and said["三个"] < 0 and said["社群"] > 0
    # verbs and nouns common in all writing frame a question (强调, 理解, 公司, 能力): negative too;
    # the trade's rarer words (留存, 裂变, 社群) and the domain words keep theirs
    framed = vocabulary({t: [0, 1] for t in tokens("公司都在强调理解社群的能力，留存和裂变，转化")}, ["转化"])
    assert framed["强调"] < 0 and framed["理解"] < 0 and framed["公司"] < 0 and framed["能力"] < 0
    assert framed["留存"] > 0 and framed["裂变"] > 0 and framed["社群"] > 0 and framed["转化"] == DOMAIN_CLASS
    # grouped by the hash of the first character, as search.js looks them up
    groups = vocab_groups(vocab, 4)
    for word, cls in vocab.items():
        assert word[1:] in groups[shard_of(word[0], 4)][word[0]][str(cls)].split(" ")


def test_the_seed_sites_vocabulary_splits_questions(seed_site):
    _docs, site = seed_site
    meta = json.loads((site / "search" / "docs.json").read_text(encoding="utf-8"))
    words = set()
    for n in range(meta["vocab"]):
        for first, by_class in json.loads((site / "search" / "vocab" / f"{n}.json").read_text(encoding="utf-8")).items():
            words |= {first + rest for rests in by_class.values() for rest in rests.split(" ")}
    assert {"社群", "用户", "画像", "留存", "活跃", "私域", "用户画像", "社群运营"} <= words
    assert all(isinstance(d[3], int) and d[3] > 0 for d in meta["docs"] if d)  # each page's length


def test_an_edit_under_serve_encodes_only_the_shards_it_touches_and_equals_a_fresh_index(seed_site, monkeypatch, tmp_path):
    import shutil

    import opskb.site.searchindex as si

    monkeypatch.setattr(si, "MEMO_PAGES", 2)  # the seeds' few pages make several chunks ...
    monkeypatch.setattr(si, "TARGET_SHARD_POSTINGS", 200)  # ... and many shards
    monkeypatch.setattr(si, "MAX_CHANGED_SHARE", 0.5)
    _docs, built = seed_site
    site, served, fresh = tmp_path / "site", tmp_path / "served", tmp_path / "fresh"
    shutil.copytree(built, site)
    si.build(site)
    shutil.copytree(site, served)
    memo = si.Memo()
    si.build(served, memo)
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "search").rglob("*.json")}  # noqa: E731
    assert files(served) == files(site)  # the first build under serve is the plain build
    page = next(p for p in sorted(served.glob("sources/*.html")) if "社群" in p.read_text(encoding="utf-8"))
    html = page.read_text(encoding="utf-8")
    # a sentence with words no page had (a new character pair, a dictionary word: the vocabulary changes),
    # and one word of the page gone
    edited = html.replace("社群", "社区", 1).replace("</article>", "<p>饕餮盛宴之后，用户留存靠复盘。</p></article>", 1)
    assert edited != html
    # MkDocs empties the site before each rebuild; the kept index and the link to it stay
    from mkdocs.utils import clean_directory

    clean_directory(str(served))
    assert (served / "search").is_symlink() and (served / "search" / "docs.json").is_file()
    shutil.copytree(site, served, dirs_exist_ok=True, ignore=lambda d, names: ["search"] if Path(d) == site else [])
    page.write_text(edited, encoding="utf-8")
    kept = [p for p in (served / si.KEPT_DIR).rglob("*.json")]
    for p in kept:
        os.utime(p, ns=(0, 0))
    from opskb.site import searchvocab

    redone = []
    real_vocab_changed = searchvocab.vocab_changed
    monkeypatch.setattr(searchvocab, "vocab_changed", lambda *a: redone.append(real_vocab_changed(*a)) or redone[-1])
    figures = si.build(served, memo)
    assert redone and redone[0] is not None  # the vocabulary updated for the words of the new pairs only
    assert memo.reused >= 1 and memo.computed == 1  # one chunk read again
    assert 0 < memo.shards_encoded < figures["shards"]  # only the shards holding its changed tokens
    rewritten = [p for p in kept if p.stat().st_mtime_ns != 0]
    # those shards, the chunk's pages (2), docs.json, latin.json and the vocabulary: not the rest
    assert len(rewritten) <= memo.shards_encoded + 2 + 2 + len(list((served / "search" / "vocab").glob("*.json")))
    assert len(rewritten) < len(kept) / 2
    shutil.copytree(served, fresh)
    shutil.rmtree(fresh / "search")
    again = si.build(fresh)
    assert files(served) == files(fresh)
    assert {k: figures[k] for k in ("pages", "tokens", "postings", "words")} == {k: again[k] for k in ("pages", "tokens", "postings", "words")}
    assert "饕餮" in (served / "search" / "vocab").joinpath("0.json").read_text(encoding="utf-8") or any(
        "餮" in p.read_text(encoding="utf-8") for p in (served / "search" / "vocab").glob("*.json"))
    # and back: the page as it was gives the first index again
    page.write_text(html, encoding="utf-8")
    si.build(served, memo)
    assert files(served) == files(site)
