import subprocess
import sys
from pathlib import Path

from opskb.ingest import article
from opskb.ingest.article import assign_slugs, slugify, units
from opskb.records import HEADING, LIST, PARAGRAPH, Block, Doc, Meta


def test_slugs_are_short_readable_ascii():
    assert slugify("社群运营和用户运营有什么区别？") == "shequn-yunying-he-yonghu-yunying"
    assert slugify("头部KOL是什么") == "toubu-kol"
    long = slugify("数字时代用户运营双核模型，解构社区与社群的生态位差异，社区运营与社群运营的区别和联系是什么")
    assert len(long) <= 40 and long.startswith("shuzi-shidai")
    assert slugify("///..") == ""


def test_colliding_and_empty_slugs_are_stable():
    slugs = assign_slugs([("社群运营", "b.txt"), ("社群运营", "a.txt"), ("///", "c.txt")])
    assert slugs[1] == "shequn-yunying"
    assert slugs[0].startswith("shequn-yunying-") and slugs[0] != slugs[1]
    assert slugs[2].startswith("article-")
    assert assign_slugs([("社群运营", "a.txt"), ("社群运营", "b.txt")]) == [slugs[1], slugs[0]]


def test_anchors_depend_only_on_the_unit_text():
    a = Doc("a", Meta(), (Block(HEADING, text="标题", level=2), Block(PARAGRAPH, text="第一段。"), Block(LIST, items=("甲", "乙"))))
    b = Doc("a", Meta(), (Block(PARAGRAPH, text="新加的一段。"),) + a.blocks)
    ua, ub = units(a), units(b)
    assert [u.anchor for u in ua] == [u.anchor for u in ub[1:]]
    assert len({u.anchor for u in ub}) == len(ub)
    assert ua[1].section == "标题"


def test_slugs_do_not_change_when_jieba_loads_a_user_dictionary(tmp_path):
    import jieba

    before = slugify("社群运营和用户运营有什么区别？")
    words = tmp_path / "user.txt"
    words.write_text("社群运营 50000 n\n用户运营 50000 n\n", encoding="utf-8")
    assert article.tokenizer() is jieba.dt  # the global one while its dictionary is the default
    jieba.load_userdict(str(words))  # what Material's search plugin does with jieba_dict_user
    assert slugify("社群运营和用户运营有什么区别？") == before
    assert article.tokenizer() is not jieba.dt


def test_slugs_are_the_default_dictionarys_when_words_were_loaded_before_the_first_slug(tmp_path):
    # in a fresh process: a user dictionary loaded into jieba before anything asked for a slug
    words = tmp_path / "user.txt"
    words.write_text("社群运营 50000 n\n用户运营 50000 n\n", encoding="utf-8")
    script = (
        "import sys, jieba\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2] / 'scripts')!r})\n"
        "if sys.argv[1] == 'user':\n"
        f"    jieba.load_userdict({str(words)!r})\n"
        "from opskb.ingest.article import slugify\n"
        "print(slugify('社群运营和用户运营有什么区别？'), '/'.join(jieba.lcut('社群运营和用户运营有什么区别？')))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script, kind], capture_output=True, text=True, timeout=120)
            for kind in ("plain", "user")]
    assert all(r.returncode == 0 for r in runs), [r.stderr[-500:] for r in runs]
    (slug_plain, cut_plain), (slug_user, cut_user) = (r.stdout.split() for r in runs)
    assert cut_plain != cut_user  # the user dictionary did change how jieba cuts
    assert slug_plain == slug_user
