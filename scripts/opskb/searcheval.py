"""``opskb search-eval``: the site's search measured with the articles' own tags as queries.

A collection of article dumps whose header carries the editors' tags (``**Tags:** `a` `b```)
is built into a site together with the seeds. Each tag given to between MIN_TAGGED and
MAX_TAGGED articles (genre tags such as 方法论 or 初级 left out: they say what kind of
article it is, not what it is about) is a query; an article is relevant to it when its
editors gave it that tag. The tags are not in the index: ingest drops the line.

Our search runs in Chromium, the very code readers run (search.js's ``opskbSearch``, the
results in the order the box shows them, knowledge pages included). Beside it, in the same
run, BM25 (bm25s) over jieba's words of the same pages' text.

Figures per system: recall@10 (relevant pages among the first ten, over the relevant pages
there are, at most ten), precision@10 and MRR (one over the rank of the first relevant
page), averaged over the queries; and the queries where our search finds fewer than BM25.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MIN_TAGGED, MAX_TAGGED = 5, 80
K = 10
# tags that say what kind of article it is (level, years of experience, genre), not its subject
GENRE_TAGS = {"方法论", "经验总结", "经验分享", "个人观点", "行业观察", "解决办法", "操作指南", "底层逻辑",
              "初级", "中级", "高级", "入门", "干货", "案例分析", "从0到1"}
_YEARS = re.compile(r"\d+年")
_TAGS_LINE = re.compile(r"^\*\*Tags:\*\*(.*)$", re.M)
_TAG = re.compile(r"`([^`]+)`")


def article_tags(path: Path) -> list[str]:
    """The tags of a dump's ``**Tags:**`` line (none when it has no such line)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    m = _TAGS_LINE.search(text)
    return [t.strip() for t in _TAG.findall(m.group(1))] if m else []


def is_genre(tag: str) -> bool:
    tag = tag.translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})  # full-width digits
    return tag in GENRE_TAGS or bool(_YEARS.fullmatch(tag))


def queries(tags: dict[str, list[str]], low: int = MIN_TAGGED, high: int = MAX_TAGGED) -> dict[str, set[str]]:
    """{tag: file names} for the tags given to between ``low`` and ``high`` files, genre tags left out."""
    by_tag: dict[str, set[str]] = {}
    for name, ts in tags.items():
        for t in set(ts):
            by_tag.setdefault(t, set()).add(name)
    return {t: names for t, names in sorted(by_tag.items()) if low <= len(names) <= high and not is_genre(t)}


def scores(ranked: list[str], relevant: set[str], k: int = K) -> tuple[float, float, float]:
    """(recall@k, precision@k, reciprocal rank) of one query's ranked page list."""
    top = ranked[:k]
    hits = sum(1 for p in top if p in relevant)
    rr = next((1 / (i + 1) for i, p in enumerate(ranked) if p in relevant), 0.0)
    return hits / min(k, len(relevant)) if relevant else 0.0, hits / k, rr


@dataclass
class SystemResult:
    name: str
    per_query: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    empty: list[str] = field(default_factory=list)

    def mean(self, i: int) -> float:
        vals = [v[i] for v in self.per_query.values()]
        return sum(vals) / len(vals) if vals else 0.0


# ------------------------------------------------------------------ BM25 over jieba words
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]")


def jieba_words(text: str) -> list[str]:
    import jieba

    return [w.lower() for w in jieba.lcut(text) if _WORD.search(w)]


def bm25_rankings(texts: dict[str, str], qs: list[str], k: int = K) -> dict[str, list[str]]:
    """Each query's first ``k`` pages by BM25 (bm25s, its default parameters) over jieba's words."""
    import bm25s

    urls = list(texts)
    corpus = [jieba_words(texts[u]) for u in urls]
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(w, len(vocab)) for w in doc] for doc in corpus]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    out = {}
    for q in qs:
        words = [vocab[w] for w in jieba_words(q) if w in vocab]
        if not words:
            out[q] = []
            continue
        docs, found = retriever.retrieve([words], k=min(k, len(urls)), show_progress=False)
        out[q] = [urls[int(d)] for d, s in zip(docs[0], found[0], strict=True) if s > 0]
    return out


# ------------------------------------------------------------------ our search, in Chromium
def browser_rankings(site: Path, qs: list[str]) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright

    from .bench import CHROMIUM, CHROMIUM_ARGS

    out = {}
    with serve_dir(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "/index.html")
        page.wait_for_function("() => typeof window.opskbSearch === 'function'")
        for q in qs:
            out[q] = page.evaluate("q => window.opskbSearch(q)", q)
        browser.close()
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_dir(site: Path):
    """``site`` served over HTTP on 127.0.0.1 for the duration; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def page_texts(site: Path) -> dict[str, str]:
    """The text of every page the search index holds (the same reading of the HTML)."""
    from .site.searchpage import read_page

    docs = json.loads((site / "search" / "docs.json").read_text(encoding="utf-8"))["docs"]
    texts = {}
    for doc in docs:
        if doc:
            page = read_page(site / doc[0], doc[0])
            if page:
                texts[doc[0]] = page.title + "\n" + "\n".join(f"{h}\n{t}" for _a, h, t in page.sections)
    return texts


# ------------------------------------------------------------------ the run
def build_site(seeds: Path, articles: Path, work: Path) -> tuple[Path, dict[str, str]]:
    """Seeds and articles ingested and built with MkDocs in ``work``; the site and
    {file name: page address} (a merged copy gives the page it was merged into)."""
    from .bench import project_copy

    pile = work / "pile"
    pile.mkdir(parents=True)
    for src in [*sorted(Path(seeds).iterdir()), *sorted(Path(articles).iterdir())]:
        if src.is_file() and not src.name.startswith("."):
            os.symlink(src.resolve(), pile / src.name)
    project = project_copy(pile, work / "project", link_seeds=True)
    report = work / "report.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "opskb.cli", "ingest", "--seeds", str(project / "seeds"),
                    "--out", str(project / "docs"), "--report", str(report)], cwd=project, check=True,
                   stdout=subprocess.DEVNULL, env=env)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(project / "site")],
                   cwd=project, check=True, env=env)
    where = {}
    for e in json.loads(report.read_text(encoding="utf-8")):
        page = e.get("page") or e.get("merged_into")
        if page and e.get("path"):
            where[Path(e["path"]).name] = page[:-3] + ".html"
    return project / "site", where


def run(seeds: Path, articles: Path, site: Path | None = None, where: dict[str, str] | None = None,
        low: int = MIN_TAGGED, high: int = MAX_TAGGED) -> dict:
    """The evaluation; with ``site`` and ``where`` given, on that site instead of a new build."""
    tmp = None
    if site is None:
        tmp = Path(tempfile.mkdtemp(prefix="opskb-search-eval-"))
        site, where = build_site(seeds, articles, tmp)
    try:
        tags = {p.name: article_tags(p) for p in sorted(Path(articles).iterdir()) if p.is_file()}
        qs = queries(tags, low, high)
        relevant = {q: {where[n] for n in names if n in where} for q, names in qs.items()}
        ours = browser_rankings(site, list(qs))
        bm25 = bm25_rankings(page_texts(site), list(qs))
        kinds = {d[0]: d[2] for d in json.loads((site / "search" / "docs.json").read_text(encoding="utf-8"))["docs"] if d}
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    systems = {}
    sources = {q: [u for u in ranked if kinds.get(u) == "source"] for q, ranked in ours.items()}
    for name, ranked in (("ours", ours), ("ours_sources", sources), ("bm25", bm25)):
        res = SystemResult(name)
        for q in qs:
            res.per_query[q] = scores(ranked[q], relevant[q])
            if not ranked[q]:
                res.empty.append(q)
        systems[name] = res
    losses = sorted(((q, systems["ours"].per_query[q][0], systems["bm25"].per_query[q][0]) for q in qs
                     if systems["ours"].per_query[q][0] < systems["bm25"].per_query[q][0]), key=lambda x: x[1] - x[2])
    shown_kinds = Counter()
    for q in qs:
        for url in ours[q][:K]:
            shown_kinds[kinds.get(url) == "source"] += 1
    return {
        "queries": len(qs),
        "articles": sum(1 for ts in tags.values() if ts),
        "systems": {n: {"recall@10": round(r.mean(0), 3), "precision@10": round(r.mean(1), 3),
                        "mrr": round(r.mean(2), 3), "no_results": r.empty} for n, r in systems.items()},
        "knowledge_pages_in_top10": round(shown_kinds[False] / max(1, len(qs)), 2),
        "wins": sum(1 for q in qs if systems["ours"].per_query[q][0] > systems["bm25"].per_query[q][0]),
        "losses": [{"query": q, "relevant": len(relevant[q]), "ours": round(a, 2), "bm25": round(b, 2),
                    "ours_top": ours[q][:K]} for q, a, b in losses],
        "per_query": {q: {"relevant": len(relevant[q]), "ours": [round(x, 3) for x in systems["ours"].per_query[q]],
                          "bm25": [round(x, 3) for x in systems["bm25"].per_query[q]]} for q in qs},
    }


def describe(result: dict) -> str:
    lines = [f"{result['queries']} 个查询（标签），{result['articles']} 篇带标签的文章", "",
             "| 系统 | recall@10 | precision@10 | MRR | 没有结果的查询 |", "|---|---|---|---|---|"]
    names = {"ours": "本站搜索（显示的前 10 条，含知识页）", "ours_sources": "本站搜索（前 10 条来源文章）",
             "bm25": "BM25（bm25s，jieba 分词）"}
    for n, s in result["systems"].items():
        lines.append(f"| {names[n]} | {s['recall@10']:.3f} | {s['precision@10']:.3f} | {s['mrr']:.3f} | {len(s['no_results'])} |")
    lines += ["", f"前 10 条中平均有 {result['knowledge_pages_in_top10']} 条知识页；"
              f"本站搜索找到更多的查询 {result['wins']} 个，更少的 {len(result['losses'])} 个："]
    for x in result["losses"]:
        lines.append(f"  {x['query']}（{x['relevant']} 篇）：本站 {x['ours']:.2f}，BM25 {x['bm25']:.2f}")
    return "\n".join(lines)
