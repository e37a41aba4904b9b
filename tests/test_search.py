import json
import re

from opskb.extract import extract
from opskb.pipeline import build_articles, build_docs, read_seeds, seed_files
from opskb.search import domain_words, jieba_user_dict, t2s_table


def test_t2s_table_comes_from_opencc_and_maps_query_characters():
    js = t2s_table()
    data = json.loads(re.search(r"= (\{.*\});", js).group(1))
    table = dict(zip(data["from"], data["to"], strict=True))
    assert "".join(table.get(c, c) for c in "社群運營用戶分層精細化") == "社群运营用户分层精细化"
    assert "运" not in table  # Simplified characters are left alone
    assert len(js.encode("utf-8")) < 40_000


def test_jieba_dictionary_holds_the_domain_words(seeds_dir):
    docs, _entries, _prints = build_docs(read_seeds(seed_files(seeds_dir)))
    articles, _ = build_articles(docs)
    k = extract(articles)
    words = domain_words(k)
    for w in ("社群运营", "用户运营", "私域流量", "精细化运营", "铁杆用户", "潜水用户", "用户画像"):
        assert w in words
    assert all(" " not in w for w in words)
    lines = jieba_user_dict(k).splitlines()
    assert all(re.fullmatch(r"\S+ \d+ n", line) for line in lines)
