"""``ingest()``: seeds in, pages out. The CLI, the MkDocs hook and the benchmark all call it."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .ingest.cache import CACHE, Cache, run_key
from .ingest.cache import load as load_cache
from .ingest.cache import peek as peek_cache
from .ingest.cache import save as save_cache
from .ingest.read import read_bytes
from .ingest.render import SCRIPT_NAMES
from .ingest.write import WriteResult, atomic_write, intact, output_lock, write_pages
from .knowledge import curation as curation_file
from .records import Article, Doc, Raw, Skipped

# The stages (and their dictionaries: pypinyin, jieba, trafilatura, the knowledge rules) are
# imported where they run, so a run that finds everything cached does not pay for loading them.

PROGRESS_THRESHOLD = 20
PARALLEL_THRESHOLD = 64  # files to process before worker processes pay for their start-up
MAX_WORKERS = 4


def process(raw: Raw) -> Doc:
    """Every per-file stage, in order."""
    from .ingest.clean import clean
    from .ingest.convert import convert
    from .ingest.locate import locate
    from .ingest.parse import parse
    from .ingest.repair import repair
    from .ingest.repeated import drop_second_copy
    from .ingest.typeset import typeset

    return clean(drop_second_copy(typeset(convert(repair(parse(locate(raw)))))))


@dataclass
class Entry:
    """One input file in the report."""

    path: str
    encoding: str = ""
    script: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    page: str = ""
    merged_into: str = ""
    skipped: str = ""
    warning: str = ""
    removed: list[dict] = field(default_factory=list)
    curation: list[str] = field(default_factory=list)  # the curation file's entry: what it changed
    invisible_removed: dict[str, int] = field(default_factory=dict)  # kind -> count


@dataclass
class IngestResult:
    entries: list[Entry]
    # the articles, or how to get them: a run that found nothing changed loads them only when asked
    known_articles: list[Article] | Callable[[], list[Article]]
    pages: dict[str, str]
    write: WriteResult

    @property
    def articles(self) -> list[Article]:
        if callable(self.known_articles):
            self.known_articles = self.known_articles()
        return self.known_articles


def seed_files(seeds: Path) -> list[Path]:
    """Every entry of the seeds folder but hidden ones, in name order. Subfolders, broken
    symlinks and special files are listed too: reading them gives one skip line each."""
    if not seeds.is_dir():
        raise FileNotFoundError(f"{seeds}：种子目录不存在")
    return sorted((p for p in seeds.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)


def _progress(items, enabled: bool, total: int | None = None):
    total = len(items) if total is None else total
    if enabled and total > PROGRESS_THRESHOLD:
        from tqdm import tqdm

        return tqdm(items, desc="ingest", unit="篇", total=total, file=sys.stderr, leave=False)
    return items


def load_later_stages() -> None:
    """Import what the stages after the per-file ones use (numpy, the knowledge rules) and
    load jieba's dictionaries (slugs, the knowledge rules), rather than when they are first
    needed: ingest does it while worker processes clean the files."""
    import jieba.posseg  # noqa: F401  (its probability tables load on import)
    import numpy  # noqa: F401

    from .ingest import article, dedupe, render  # noqa: F401
    from .knowledge import extract, pages  # noqa: F401
    from .site import search  # noqa: F401

    article.tokenizer()  # jieba's global tokenizer, initialized here (and its log quieted)


def load_stages() -> None:
    """Every stage loaded now (bs4, trafilatura, numpy, the knowledge rules and their
    patterns, jieba's dictionaries) rather than when the first changed file comes: mkdocs
    serve calls it while its first build runs."""
    load_later_stages()
    from .ingest import clean, convert, locate, parse, read, repair, typeset  # noqa: F401

    # one small page through every per-file stage: their patterns compile on first use
    sample = ("<html><head><title>社群运营与用户运营</title></head><body><article><h1>社群运营与用户运营</h1>"
              "<p>作者：张三　2024-01-02</p><p>社群运营是指围绕社群开展的运营工作，用户运营关注用户的整个生命周期。</p>"
              "<ul><li>拉新</li><li>促活</li></ul></article></body></html>")
    _process_job(("sample.html", sample.encode("utf-8")))


def _process_file(path: Path, data: bytes) -> tuple[Entry, Doc | None]:
    from .ingest.read import read

    entry = Entry(path=str(path))
    raw = read(path, data)
    if isinstance(raw, Skipped):
        entry.skipped, entry.encoding = raw.reason, raw.encoding
        return entry, None
    entry.encoding, entry.warning = raw.encoding, raw.warning
    try:
        doc = process(raw)
    except Exception as exc:  # one bad file must not stop the run
        entry.skipped = f"处理失败：{type(exc).__name__}: {exc}"
        return entry, None
    m = doc.meta
    entry.script, entry.title, entry.author, entry.date, entry.site = doc.script, m.title, m.author, m.date, m.site
    entry.removed = [{"text": r.text, "reason": r.reason, "stage": r.stage} for r in doc.removed]
    entry.invisible_removed = dict(doc.stats.invisible_removed)
    if not any(b.kind != "image" for b in doc.blocks):
        entry.skipped = "清理后没有正文"
        return entry, None
    return entry, doc


def _process_job(job: tuple[str, bytes]) -> tuple[Entry, Doc | None, bytes]:
    from .ingest.dedupe import fingerprint

    path, data = job
    entry, doc = _process_file(Path(path), data)
    return entry, doc, fingerprint(doc) if doc is not None else b""


def _run_jobs(jobs: list[tuple[str, bytes]], show_progress: bool) -> list[tuple[Entry, Doc | None, bytes]]:
    """Per-file stages for every job, in order; in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(jobs) < PARALLEL_THRESHOLD or workers < 2:
        return [_process_job(j) for j in _progress(jobs, show_progress)]
    # spawn, not fork: ingest also runs inside `mkdocs serve`, which has threads
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_ignore_sigint)
    # this process waits for the workers meanwhile: what it needs next loads in that time
    loader = threading.Thread(target=quietly(load_later_stages), name="opskb-load", daemon=True)
    loader.start()
    try:
        return list(_progress(pool.map(_process_job, jobs, chunksize=16), show_progress, len(jobs)))
    finally:  # on Ctrl-C too: queued work is dropped rather than waited for
        pool.shutdown(wait=True, cancel_futures=True)
        loader.join()


def quietly(load: Callable[[], None]) -> Callable[[], None]:
    """``load``, whose failure is left to the stage that needs it (it loads again there)."""
    def run() -> None:
        try:
            load()
        except Exception:
            pass
    return run


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which reports it once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def read_seeds(files: list[Path]) -> list[tuple[Path, bytes | Skipped, str]]:
    """Each file's bytes (or why it is skipped) and their SHA-256, read once per run."""
    out = []
    for path in files:
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest() if isinstance(data, bytes) else f"skipped:{data.reason}"
        out.append((path, data, digest))
    return out


def build_docs(
    seeds: list[tuple[Path, bytes | Skipped, str]], show_progress: bool = False, cache: Cache | None = None
) -> tuple[list[Doc], list[Entry], list[bytes]]:
    """Every file (from read_seeds) through the per-file stages; files whose bytes are in
    ``cache`` are not processed again. Returns the docs, one report entry per file, and
    each doc's dedupe fingerprint."""
    cache = cache or Cache()
    fresh: dict = {}
    slots: list = []  # per file: (digest, entry, doc, fingerprint), or a job index to fill in
    jobs: list[tuple[str, bytes]] = []
    for path, data, digest in seeds:
        if isinstance(data, Skipped):
            slots.append((None, Entry(path=str(path), skipped=data.reason), None, b""))
            continue
        if digest in cache.files:
            fields, doc, fp = cache.files[digest]
            if doc is not None and doc.source != path.name:
                doc = replace(doc, source=path.name)
            slots.append((digest, Entry(**{**fields, "path": str(path)}), doc, fp))
        else:
            slots.append((digest, len(jobs), None, b""))
            jobs.append((str(path), data))
    done = _run_jobs(jobs, show_progress)
    docs: list[Doc] = []
    entries: list[Entry] = []
    prints: list[bytes] = []
    for digest, entry, doc, fp in slots:
        if isinstance(entry, int):
            entry, doc, fp = done[entry]
        if digest is not None:
            fresh[digest] = ({k: v for k, v in entry.__dict__.items() if k != "path"}, doc, fp)
        entries.append(entry)
        if doc is not None:
            docs.append(doc)
            prints.append(fp)
    cache.files = fresh
    return docs, entries, prints


def build_articles(
    docs: list[Doc], prints: list[bytes] | None = None, memo: dict | None = None
) -> tuple[list[Article], dict[str, str]]:
    """Articles after deduplication, and {source file: slug of its page}. With a ``memo``
    from an earlier run, an article made of an equal doc is taken from there."""
    from .ingest.article import assign_slugs
    from .ingest.dedupe import groups, merge
    from .ingest.repeated import drop_repeated_runs

    merged = [merge([docs[i] for i in g]) for g in groups(docs, prints)]
    # the runs of paragraphs a site appends to many of its articles go, across the collection
    merged = list(zip(drop_repeated_runs([doc for doc, _o in merged]), [o for _d, o in merged], strict=True))
    slugs = assign_slugs([(doc.meta.title, doc.source) for doc, _o in merged])
    articles = [_article(s, doc, origins, memo) for s, (doc, origins) in zip(slugs, merged, strict=True)]
    articles.sort(key=lambda a: a.slug)
    where = {o.source: a.slug for a in articles for o in a.origins}
    return articles, where


def _article(slug: str, doc: Doc, origins: tuple, memo: dict | None) -> Article:
    from .ingest.article import make_article

    if memo is None:
        return make_article(slug, doc, origins)
    kept = memo.get(("article", slug))
    if kept is not None and kept.doc == doc and kept.origins == origins:
        return kept
    memo[("article", slug)] = article = make_article(slug, doc, origins)
    return article


def _source_page(article: Article, memo: dict | None) -> str:
    from .ingest.render import source_page

    if memo is None:
        return source_page(article)
    kept = memo.get(("page", article.slug))
    if kept is not None and (kept[0] is article or kept[0] == article):
        return kept[1]
    text = source_page(article)
    memo[("page", article.slug)] = (article, text)
    return text


def _remember(memo: dict, articles: list[Article], pages: dict[str, str]) -> None:
    """A run answered from the cache still fills the memo, so the next edit reuses it."""
    for a in articles:
        memo.setdefault(("article", a.slug), a)
        page = pages.get(f"sources/{a.slug}.md")
        if page is not None:
            memo.setdefault(("page", a.slug), (a, page))


def _warm(articles: list[Article]) -> dict:
    """What this run computed that the next process would compute again before its first
    change shows (mkdocs serve after opskb ingest): stored with the cache."""
    from .ingest.article import known_slugs
    from .ingest.dedupe import checked
    from .knowledge.relevance import figures

    return {"figures": figures(articles), "slugs": known_slugs(), "checked": checked()}


def _adopt(warm: dict | None, articles: list[Article]) -> None:
    """A cache's ``warm`` taken in, so that the first change reads only what it changed."""
    if not warm:
        return
    from .ingest.article import learn_slugs
    from .ingest.dedupe import learn_checks
    from .knowledge.relevance import adopt

    adopt(articles, warm["figures"])
    learn_slugs(warm["slugs"])
    learn_checks(warm["checked"])


def _forget(memo: dict | None, articles: list[Article]) -> None:
    """Memo entries of articles this run no longer has go: memory stays one collection's worth."""
    if memo:
        slugs = {a.slug for a in articles}
        for key in [k for k in memo if k[1] not in slugs]:
            del memo[key]


def render_pages(
    articles: list[Article], curation: curation_file.Curation | None = None, memo: dict | None = None
) -> dict[str, str]:
    from .ingest.render import sources_index
    from .knowledge.extract import extract
    from .knowledge.pages import knowledge_pages
    from .site.search import search_support

    pages = {f"sources/{a.slug}.md": _source_page(a, memo) for a in articles}
    pages.update(sources_index(articles))
    _figures_meanwhile(articles, curation)
    knowledge = extract(articles, curation)
    pages.update(knowledge_pages(knowledge, articles))
    pages.update(search_support(knowledge))
    return pages


KNOWLEDGE_PARALLEL = 200  # articles before half of their knowledge figures go to a forked copy


def _figures_meanwhile(articles: list[Article], curation: curation_file.Curation | None) -> None:
    """Most of extract's time is what it finds in each article on its own (relevance.per_article):
    a forked copy finds it in every other article while this process does the rest, and
    extract then reads both from the articles' figures (what depends on the whole collection
    it finds again, keyed as it is by what it depends on). Pages are the same either way."""
    from .forked import Forked, usable
    from .knowledge.extract import extract
    from .knowledge.relevance import adopt, figures

    if len(articles) < KNOWLEDGE_PARALLEL or not usable():
        return
    mine, theirs = articles[0::2], articles[1::2]
    scratch = replace(curation, log=[]) if curation is not None else None  # the run's notes come from extract

    def work():
        extract(theirs, scratch)
        return figures(theirs)

    copy = Forked(work)
    try:
        extract(mine, scratch)
    finally:
        found = copy.result()  # (waited for even when this half failed: no copy is left behind)
    if found is not None:
        adopt(theirs, found)


def _inputs(seeds: Path) -> tuple[list, curation_file.Curation, str]:
    """The seeds' bytes, the curation file and the run key they make with this code."""
    read = read_seeds(seed_files(Path(seeds)))
    curation = curation_file.load()  # a bad file stops here, before anything is written
    curated = Path(curation.path)
    extra = [("\0curation", hashlib.sha256(curated.read_bytes()).hexdigest())] if curated.is_file() else []
    return read, curation, run_key([(path.name, digest) for path, _data, digest in read] + extra)


def generate(
    seeds: Path, show_progress: bool = False, cache: Cache | None = None
) -> tuple[list[Entry], list[Article], dict[str, str]]:
    """Everything ingest produces, in memory: report entries, articles and {path: page text}.
    With a ``cache`` whose run matches these seeds and this code, nothing is recomputed, and
    what the run computed per article is taken in for the runs to come (mkdocs serve)."""
    cache = cache if cache is not None else Cache()
    read, curation, key = _inputs(seeds)
    if cache.run_key == key and cache.result is not None:
        entries, articles, pages = cache.result
        _remember(cache.memo, articles, pages)
        _adopt(cache.warm, articles)
        return [Entry(**e.__dict__) for e in entries], articles, pages
    cache.result = None  # the last run's pages and articles can go while this one is made
    from .ingest.article import start_run

    start_run()
    docs, entries, prints = build_docs(read, show_progress, cache)
    articles, where = build_articles(docs, prints, cache.memo)
    canonical = {a.doc.source for a in articles}
    for e in entries:
        name = Path(e.path).name
        if name in where:
            page = f"sources/{where[name]}.md"
            if name in canonical:
                e.page = page
            else:
                e.merged_into = page
    pages = render_pages(articles, curation, cache.memo)
    _forget(cache.memo, articles)
    cache.warm = _warm(articles)
    if curation.log:  # what the maintainer's corrections changed, and entries that name nothing
        entries.append(Entry(path=curation.path, curation=list(curation.log)))
    cache.run_key, cache.result, cache.dirty = key, (entries, articles, pages), True
    return entries, articles, pages


def ingest(
    seeds: Path,
    out: Path,
    report: Path | None = None,
    echo: Callable[[str], None] | None = None,
    show_progress: bool = False,
) -> IngestResult:
    # one run at a time per output folder, from reading its cache to writing it (see write.py)
    with output_lock(Path(out)):
        unchanged = _unchanged(Path(seeds), Path(out))
        if unchanged is not None:
            entries, pages = unchanged
            articles = functools.partial(_cached_articles, Path(seeds), Path(out))
            result = WriteResult(unchanged=sorted(pages))
        else:
            cache = load_cache(Path(out))
            entries, articles, pages = generate(seeds, show_progress, cache)
            result = write_pages(Path(out), pages)  # raises before writing anything if the output is not ours
            if cache.dirty or not (Path(out) / CACHE).exists():
                save_cache(Path(out), cache)
    if report:
        data = json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=1) + "\n"
        atomic_write(Path(report), data.encode("utf-8"))
    if echo:
        for e in entries:
            echo(describe_entry(e))
        echo(
            f"共 {sum(1 for e in entries if not e.curation)} 个文件：{sum(1 for e in entries if e.page)} 篇文章，"
            f"{sum(1 for e in entries if e.merged_into)} 篇重复已合并，{sum(1 for e in entries if e.skipped)} 个跳过；"
            f"写入 {len(result.written)} 个页面，未变 {len(result.unchanged)} 个，删除 {len(result.deleted)} 个。"
            + ("上次运行中断，已恢复。" if result.recovered else "")
        )
    return IngestResult(entries, articles, pages, result)


def _cached_articles(seeds: Path, out: Path) -> list[Article]:
    return generate(seeds, cache=load_cache(out))[1]


def _unchanged(seeds: Path, out: Path) -> tuple[list[Entry], dict[str, str]] | None:
    """The report entries and pages of the last run, when its run key is this one's and
    the output folder still holds what it wrote: nothing to compute or write, and the
    collection in the cache is not even loaded."""
    head = peek_cache(out)
    if head is None or head["run_key"] != _inputs(seeds)[2]:
        return None
    pages = intact(out, head["pages"])
    return None if pages is None else (head["entries"], pages)



def describe_entry(e: Entry) -> str:
    name = Path(e.path).name
    if e.curation:
        return "\n".join(e.curation)
    if e.skipped:
        return f"跳过 {name}：{e.skipped}"
    script = SCRIPT_NAMES.get(e.script, e.script)
    where = e.page or f"{e.merged_into}（重复，已合并）"
    warn = f"；注意：{e.warning}" if e.warning else ""
    hidden = sum(e.invisible_removed.values())
    chars = f"，删除 {hidden} 个不可见字符" if hidden else ""
    return f"{name} → {where}（{e.encoding}，{script}，删除 {len(e.removed)} 行{chars}）{warn}"
