import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pytest
from conftest import SEEDS
from opskb.ingest.write import OutputConflict
from opskb.pipeline import ingest

ARTICLE = (
    "社群运营的关键能力\n\n"
    "用户洞察力：能通过用户言行、数据反馈挖掘真实需求，判断用户情绪，及时调整运营方向。\n\n"
    "活动组织与执行能力：无论是线上抽奖还是线下沙龙，都需要确保活动流程清晰、资源到位。\n\n"
    "沟通与共情能力：运营者需以真诚、平等的态度与用户沟通，用共情化解矛盾，建立信任关系。\n"
)


def test_odd_encodings_and_bad_files(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "gbk 文章.txt").write_bytes(ARTICLE.encode("gbk"))
    (seeds / "big5.txt").write_bytes(opencc.OpenCC("s2t").convert(ARTICLE).replace("羣", "群").encode("big5"))
    other = "私域流量运营\n\n私域流量是品牌可以反复多次免费触达的用户池，常见的载体有企业微信、社群和小程序。\n\n运营私域需要先建立信任，再谈转化。\n"
    (seeds / "bom.txt").write_bytes(b"\xef\xbb\xbf" + other.encode("utf-8"))
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(200))
    lines: list[str] = []
    result = ingest(seeds, tmp_path / "docs", echo=lines.append)
    by_name = {Path(e.path).name: e for e in result.entries}
    assert by_name["gbk 文章.txt"].encoding == "gb18030"
    assert by_name["big5.txt"].encoding == "big5" and by_name["big5.txt"].script == "traditional"
    assert by_name["bom.txt"].encoding == "utf-8-sig" and by_name["bom.txt"].page
    assert by_name["empty.txt"].skipped and by_name["image.png"].skipped
    assert any(line.startswith("跳过 empty.txt：") for line in lines)
    assert any(line.startswith("跳过 image.png：") for line in lines)
    assert lines[-1].startswith("共 5 个文件")
    # the Big5 copy is the GBK article again: one page for both
    pages = {by_name[n].page or by_name[n].merged_into for n in ("big5.txt", "gbk 文章.txt")}
    assert len(pages) == 1 and pages != {""}


def test_failed_run_leaves_previous_output(tmp_path: Path):
    out = tmp_path / "docs"
    ingest(SEEDS, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # a hand-written page where ingest wants to write one: the run must stop before writing
    extra = tmp_path / "seeds"
    shutil.copytree(SEEDS, extra)
    (extra / "new.txt").write_text(
        "全新的文章标题\n\n私域流量池的搭建可以从企业微信开始，先把老客户加为好友。\n\n"
        "接着用分层标签区分新客、复购客和沉睡客，分别设计触达节奏和内容。\n", encoding="utf-8")
    (out / "sources" / "quanxin-de-wenzhang-biaoti.md").write_text("手写的页面", encoding="utf-8")
    with pytest.raises(OutputConflict):
        ingest(extra, out)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p.name != "quanxin-de-wenzhang-biaoti.md"} == before


def test_seeds_are_never_modified(tmp_path: Path):
    before = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    ingest(SEEDS, tmp_path / "docs")
    assert {p.name: p.read_bytes() for p in SEEDS.iterdir()} == before


def test_cli_ingest_with_report(tmp_path: Path):
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(SEEDS), "--out", str(tmp_path / "docs"), "--report", str(report)],
        capture_output=True, text=True, check=True,
    )
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 6 and lines[-1].startswith("共 5 个文件：4 篇文章")
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert {"path", "page", "merged_into", "skipped", "encoding", "script", "title", "author", "date", "site", "removed"} <= set(entries[0])


def test_cli_reports_missing_seeds_folder(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "docs")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2 and "nope" in proc.stderr


DATA = Path(__file__).parent / "data"


def test_a_portal_page_in_site_chrome(tmp_path: Path):
    """A whole HTML page as another site serves it: <title>, nav, meta line, repost note,
    cover credit, copyright, tags, comments, related posts and footer around the article."""
    from opskb.knowledge.extract import extract
    from opskb.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DATA / "portal_article.html", seeds / "portal_article.html")
    entries, articles, pages = generate(seeds)
    (e,) = entries
    assert (e.title, e.author, e.date, e.site) == ("社群运营和用户运营到底有什么不同？", "李雷", "2022-03-08", "人人都是产品经理")
    page = pages[e.page]
    for junk in ("阅读 3421", "本文来自微信公众号", "题图来自", "禁止转载", "#社群运营#", "条评论", "写得真好", "相关推荐",
                 "社群运营的 10 个技巧", "京 ICP", "首页", "_hmt"):
        assert junk not in page, junk
    for text in ("导语：很多刚入行的同学", "社群运营是指围绕一个社群开展", "用户运营则更看重留存率", "建议先从社群运营做起"):
        assert text in page, text
    k = extract(articles)
    axes = {ax.name: ax for ax in k.axes}
    assert axes["目标"].cells("用户运营")[0].text.startswith("用户运营的目标是提升")
    assert "考核指标" in axes
    assert any(q.question == "新人应该先做社群运营还是用户运营？" for q in k.questions)
    concepts = {c.name: c for c in k.concepts}
    assert concepts["社群运营"].definitions[0].text.startswith("社群运营是指围绕一个社群")


def test_a_text_dump_with_page_furniture_toc_and_a_space_table(tmp_path: Path):
    """Skip link, login link, site name and author list above the headline; an 'updated'
    line; a table of contents; a table typed with spaces; a short heading mid-article."""
    from opskb.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DATA / "labelled" / "pages" / "dump_with_furniture.txt", seeds / "dump.txt")
    (e,) = generate(seeds)[0]
    assert e.title == "用户分层的三种方法：从 RFM 到生命周期"
    assert e.author == "张三、李四、王五" and e.site == "人人都是产品经理"
    reasons = {r["text"]: r["reason"] for r in e.removed}
    assert reasons["本文目录"] == "文章目录" and reasons["二、RFM 分层 ........ 2"] == "文章目录"
    for junk in ("跳到主要内容", "登录", "更新于 3 周前"):
        assert junk in reasons, junk
    page = generate(seeds)[2][e.page]
    assert "| 重要价值用户 | 高 | 高 | 高 | 重点维护 |" in page
    assert "## 注意" in page and "以上方法可以组合使用" in page
    assert page.count("为什么要分层") == 1  # the heading, not its entry in the table of contents


def test_an_academic_paper_loses_its_metadata_block(tmp_path: Path):
    from opskb.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DATA / "labelled" / "pages" / "paper_dump.txt", seeds / "paper.txt")
    entries, articles, pages = generate(seeds)
    (e,) = entries
    assert e.title == "社群运营对用户留存的影响研究" and e.author == "王小明、李华"
    assert articles[0].doc.meta.categories == ("社群运营", "用户留存", "在线教育")
    page = pages[e.page]
    for junk in ("100871", "中图分类号", "文献标识码", "基金项目", "关键词"):
        assert junk not in page, junk
    for text in ("摘要：本文以某在线教育平台为例", "一、引言", "按是否加入学习社群分为两组"):
        assert text in page, text


def test_curation_survives_reingest_and_the_report_lists_it(tmp_path: Path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "docs"
    first = ingest(seeds, out)
    concept = (out / "concepts" / "shequn-yunying.md").read_text(encoding="utf-8")
    # hide the paragraph of the concept page's first definition, and exclude another article
    target = next(line for line in concept.splitlines() if line.startswith("- ") and "sources/" in line)
    link = target[target.index("sources/"):].split(" ")[0].rstrip(")")
    other = next(e for e in first.entries if e.page and e.page.split("/")[1].split(".")[0] not in link)
    cur = tmp_path / "curation.yaml"
    cur.write_text(f"exclude:\n  - {Path(other.path).name}\nhide:\n  - {link}\n  - sources/no-such-page.md#p-1\n", encoding="utf-8")
    monkeypatch.setenv("OPSKB_CURATION", str(cur))
    lines: list[str] = []
    result = ingest(seeds, out, report=tmp_path / "report.json", echo=lines.append)
    # a second run with nothing changed keeps the curation (the run key includes the file)
    again = ingest(seeds, out)
    after = (out / "concepts" / "shequn-yunying.md").read_text(encoding="utf-8")
    anchor = link.split("#")[1]
    assert f"#{anchor}" not in after.split("## 更多来源")[0]
    assert again.pages == result.pages
    log = [line for line in lines if "curation.yaml" in line]
    assert any("第 2 行" in line and Path(other.path).name in line for line in log)
    assert any("第 4 行" in line and anchor in line for line in log)
    assert any("第 5 行" in line and "找不到段落" in line for line in log)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert any(e.get("curation") for e in report)


def test_a_bad_curation_file_stops_ingest_with_its_line(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cur = tmp_path / "curation.yaml"
    cur.write_text("hide:\n  - [oops\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(seeds), "--out", str(tmp_path / "docs"),
                          "--curation", str(cur)], capture_output=True, text=True)
    assert run.returncode == 2
    assert "curation.yaml 第 2 行" in run.stderr or "curation.yaml 第 3 行" in run.stderr, run.stderr
    assert not (tmp_path / "docs" / "index.md").exists()  # nothing written


OFF_TOPIC = {
    "跑步.txt": "# 跑步减肥的三个建议\n\n## 跑步和节食的共同点\n\n有的人想通过运动减肥，因为运动是最健康、成本最低的减肥方式。\n\n"
               "跑步和节食都需要长期坚持，短期内看不到明显效果。\n\n## 如何让跑步和饮食协同？\n\n"
               "跑前一小时吃少量碳水，跑后补充蛋白质，能让训练效果更好。\n\n## 怎样选择跑鞋？\n\n"
               "跑鞋要根据足弓类型挑选，合适的鞋能减少受伤。\n\nBPM（每分钟心跳）是判断强度的指标。\n",
    "律所.txt": "# 律师的个人品牌\n\n## 律所与客户的联系\n\n律所的个人品牌靠的是长期积累的专业口碑和成功案例。\n\n"
               "律师每年要参加继续教育，这是行业的要求。\n\nBPM（每分钟心跳）在这里只是举个例子。\n",
}


def test_a_mixed_collection_keeps_off_topic_articles_out_of_the_knowledge_pages(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for name, text in OFF_TOPIC.items():
        (seeds / name).write_text(text, encoding="utf-8")
    result = ingest(seeds, tmp_path / "docs")
    slugs = {e.page.split("/")[1][:-3] for e in result.entries if Path(e.path).name in OFF_TOPIC}
    assert len(slugs) == 2 and all(f"sources/{s}.md" in result.pages for s in slugs)  # still source pages
    for path, text in result.pages.items():
        if path.startswith(("sources/", "_snippets/", "search/")):
            continue
        for s in slugs:
            assert f"sources/{s}.md" not in text, (path, s)  # no statement, question or term from them
    assert "跑鞋" not in result.pages["faq/index.md"] and "BPM" not in result.pages["glossary/index.md"]
    # the seeds' own knowledge is still there
    assert "## 共同点" in result.pages["compare/index.md"] and "社群运营是纯销售吗？" in result.pages["faq/index.md"]


def test_worker_processes_give_what_one_process_gives_and_the_main_process_loads_meanwhile(tmp_path: Path):
    """The parallel path (a threshold of 1 file, two workers) on the seeds, in a fresh
    interpreter: every file comes back, in order, equal to a run in one process; and while
    the workers clean, the main process has loaded jieba's dictionaries for what comes next."""
    script = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[1] / "scripts")!r})
from pathlib import Path
from opskb import pipeline
import jieba
from opskb.ingest import article

def run(threshold):
    pipeline.PARALLEL_THRESHOLD, pipeline.MAX_WORKERS = threshold, 2
    docs, entries, prints = pipeline.build_docs(pipeline.read_seeds(pipeline.seed_files(Path({str(SEEDS)!r}))))
    return [d.source for d in docs], [e.path for e in entries], prints, docs

if __name__ == "__main__":
    names, paths, prints, docs = run(1)
    loaded = [jieba.dt.initialized, article.tokenizer() is jieba.dt]
    names1, paths1, prints1, docs1 = run(10**6)
    print(json.dumps({{"loaded": loaded, "same": [names == names1, paths == paths1, prints == prints1, docs == docs1],
                       "n": len(names)}}))
"""
    (tmp_path / "run.py").write_text(script, encoding="utf-8")
    out = subprocess.run([sys.executable, str(tmp_path / "run.py")], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["n"] == len(list(SEEDS.iterdir()))
    assert result["same"] == [True, True, True, True]
    assert result["loaded"] == [True, True]


def test_a_forked_copy_finds_half_the_knowledge_figures_and_the_pages_stay_the_same(tmp_path: Path):
    """The knowledge path of a large collection (a threshold of 2 articles) on the seeds, in
    a fresh interpreter: what extract finds in each article on its own, this process finds
    only in its half (the copy's half is taken from the copy), and the pages and the
    curation notes equal a run in one process."""
    script = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[1] / "scripts")!r})
from pathlib import Path
from opskb import pipeline, forked
from opskb.ingest.cache import Cache
from opskb.knowledge import extract as ex

calls = []
real = ex._find_axis_sections
ex._find_axis_sections = lambda a: calls.append(a.slug) or real(a)

def run(threshold):
    pipeline.KNOWLEDGE_PARALLEL = threshold
    calls.clear()
    entries, articles, pages = pipeline.generate(Path({str(SEEDS)!r}), cache=Cache())
    notes = [e.curation for e in entries if e.curation]
    return pages, sorted(calls), [a.slug for a in articles], notes

if __name__ == "__main__":
    usable = forked.usable()
    pages, calls2, slugs, notes = run(2)
    pages1, calls1, slugs1, notes1 = run(10**6)
    print(json.dumps({{"usable": usable, "same": [pages == pages1, slugs == slugs1, notes == notes1],
                       "here": calls2, "alone": calls1, "mine": sorted(slugs[0::2]), "notes": notes}}))
"""
    (tmp_path / "run.py").write_text(script, encoding="utf-8")
    curation = tmp_path / "curation.yaml"  # entries that leave notes in the report
    curation.write_text("exclude:\n  - 不存在的文件.txt\nterms:\n  测试术语: 只为测试而加的说明\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(tmp_path / "run.py")], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "OPSKB_CURATION": str(curation)})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(result["notes"]) == 1 and len(result["notes"][0]) == 2, result["notes"]  # each note once
    assert result["usable"], "this machine cannot fork a copy (one core, or not Linux)"
    assert result["same"] == [True, True, True]
    assert len(result["alone"]) >= 4  # one process: every article
    assert result["here"] == result["mine"]  # this process: its own half only
