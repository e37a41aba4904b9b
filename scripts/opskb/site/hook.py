"""MkDocs hook: every `mkdocs build` and `mkdocs serve` runs ingest first.

- build: the generated pages are written to docs/ exactly as `opskb ingest` does.
- serve: the pages are handed to MkDocs from memory (File.generated), so writing
  them does not wake the file watcher and cause another rebuild; only the small
  support files (abbreviations, tooltip terms) are written, and only when
  they change. seeds/ is watched, so editing a seed rebuilds the site once.
- serve: what MkDocs computes for a page (its Markdown converted, its template rendered)
  and the search index's chunks are kept from one rebuild to the next, keyed by what they
  are computed from (rendercache.py, searchindex.Memo): after one edited article, only the
  pages and index chunks whose input changed are computed again, and the site equals a
  clean build's.
- after every build, the site's search index is built from the HTML (searchindex.py);
  without this hook (Zensical), ``opskb index site/`` does the same.
The docs/ folder stays complete after `opskb ingest`, so the site does not need
this hook to exist (see README).
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from opskb.ingest.cache import in_memory
from opskb.ingest.write import OutputConflict, load_manifest, write_pages
from opskb.knowledge.curation import CurationError
from opskb.knowledge.curation import default_path as curation_path
from opskb.pipeline import generate, ingest, load_stages, quietly
from opskb.site import rendercache
from opskb.site.searchindex import build as build_index
from opskb.site.split import Split
from opskb.site.watch import prompt_server

_COMMAND = "OPSKB_MKDOCS_COMMAND"
_LOG = logging.getLogger("mkdocs.opskb")
_PAGES: dict[str, str] = {}
_WRITTEN: dict[str, str] = {}  # the support files as serve last wrote them
_SPLIT: list = []  # this build's Split (a plain `mkdocs build`)
# Written to disk even while serving: other plugins read them from there.
SUPPORT = ("_snippets/",)


def _seeds(config) -> Path:
    return Path(config.config_file_path).parent / os.environ.get("OPSKB_SEEDS", "seeds")


def on_startup(command: str, dirty: bool) -> None:
    os.environ[_COMMAND] = command


def _serving() -> bool:
    return os.environ.get(_COMMAND) == "serve"


@event_priority(100)  # before other plugins see the config
def on_config(config):
    docs = Path(config.docs_dir)
    try:
        if _serving():
            # the last build's pages and site structure (MkDocs' pages and sections refer to
            # each other, so only the cycle collector frees them) go before this build starts
            _PAGES.clear()
            gc.collect()
            # pages stay in memory, and so does the cache: nothing written wakes the watcher
            if not _LOADING:  # the first build: what the first edit needs loads meanwhile
                _LOADING.append(threading.Thread(target=_load, name="opskb-load", daemon=True))
                _LOADING[0].start()
            _entries, _articles, pages = generate(_seeds(config), cache=in_memory(docs))
            support = {p: t for p, t in pages.items() if p.startswith(SUPPORT)}
            if support != _WRITTEN or not all((docs / p).is_file() for p in support):
                write_pages(docs, support, prune=False)  # (reads every page it owns to check them)
                _WRITTEN.clear()
                _WRITTEN.update(support)
        else:
            pages = ingest(_seeds(config), docs).pages
    except (FileNotFoundError, OutputConflict, CurationError) as exc:
        raise PluginError(f"opskb: {exc}") from exc
    _PAGES.clear()
    _PAGES.update(pages)
    config.nav = _nav(config.nav, pages)
    return config


def _title(text: str) -> str:
    if text.startswith("---\n"):
        meta = yaml.safe_load(text.split("---\n", 2)[1]) or {}
        return str(meta.get("title", ""))
    return ""


MAX_NAV_CHILDREN = 30  # a folder with more pages (the sources) is listed by its index page only


def _nav(nav, pages: dict[str, str]):
    """Section entries that point at a generated index page gain that folder's pages, when
    there are few: every page carries the navigation, so its size must not grow with the
    number of articles."""
    if not nav:
        return nav
    out = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (name, target), = entry.items()
            if isinstance(target, str) and target.endswith("/index.md") and target in pages:
                folder = target[: -len("index.md")]
                children = [p for p in pages if p.startswith(folder) and p.endswith(".md") and p != target and "/" not in p[len(folder):]]
                if children and len(children) <= MAX_NAV_CHILDREN:  # titles (YAML) read only then
                    titles = {p: _title(pages[p]) for p in children}
                    children.sort(key=titles.__getitem__)
                    entry = {name: [target] + [{titles[p] or p: p} for p in children]}
        out.append(entry)
    return out


def on_files(files: Files, config) -> Files:
    docs = Path(config.docs_dir)
    stale = set(load_manifest(docs)) - set(_PAGES)
    for f in list(files):
        if f.src_uri in _PAGES or f.src_uri in stale:
            files.remove(f)
    for path, text in sorted(_PAGES.items()):
        files.append(File.generated(config, path, content=text))
    return files


def on_nav(nav, config, files):
    support = {p: t for p, t in _PAGES.items() if p.startswith(SUPPORT)}
    if _serving():  # every file's address is known now, and the tooltip terms
        rendercache.MARKDOWN.begin(config, files, support)
    else:  # a build on two cores: a copy converts the second half of the pages meanwhile
        _SPLIT[:] = [Split()]
        _SPLIT[0].convert(config, files, nav, support)
    return nav


def on_pre_page(page, config, files):
    if _serving():
        rendercache.MARKDOWN.install(page)
    elif _SPLIT:
        _SPLIT[0].before_page(page)
    return page


def on_env(env, config, files):
    if _serving():
        rendercache.TEMPLATES.begin(env, config)
    elif _SPLIT:
        _SPLIT[0].render(env, config, files)
    return env


def on_page_context(context, page, config, nav):
    if _SPLIT and not _serving():
        _SPLIT[0].before_template(page)
    return context


# What the first rebuild after an edit would otherwise load then: jieba's dictionaries
# (slugs, the knowledge rules) and the per-file stages; only a head start (a failure here is
# left to the rebuild, which loads them anyway). What the first build computed per article,
# or loaded with the ingest cache, is kept already (pipeline.generate).
_load = quietly(load_stages)
_LOADING: list[threading.Thread] = []


def _settle() -> None:
    """Once the first build is over: its pages collected, and everything alive then (the
    caches, the dictionaries: millions of objects that live as long as the server) moved out
    of the cycle collector's sight (gc.freeze). Every rebuild makes garbage enough for several
    full collections, and each would walk all of it again. Frozen objects are still freed by
    reference counting; only cycles among them would stay."""
    for thread in _LOADING:
        thread.join()
    gc.collect()
    gc.freeze()


def on_post_build(config) -> None:
    if not _serving():
        if _SPLIT:
            said = _SPLIT.pop().finish()
            if said:
                _LOG.info(said)
        build_index(Path(config.site_dir))
        return
    index = rendercache.INDEX
    build_index(Path(config.site_dir), index)
    md, tpl = rendercache.MARKDOWN, rendercache.TEMPLATES
    _LOG.info(
        f"opskb：本次重建 Markdown 转换 {md.misses} 页（沿用 {md.hits} 页），模板渲染 {tpl.misses} 页"
        f"（沿用 {tpl.hits} 页），搜索索引重算 {index.computed} 块（沿用 {index.reused} 块）、"
        f"重新编码 {index.shards_encoded} 个分片"
    )


def on_serve(server, config, builder):
    # after the first build has returned (its pages are garbage now), before serving: the
    # first edit must not share the processor with it (about half a second on the dev collection)
    _settle()
    server = prompt_server(server, builder)  # folders reported by the system, not polled
    server.watch(str(_seeds(config)))
    curation = Path(curation_path())
    if curation.is_file():  # a maintainer's correction shows in the preview too
        server.watch(str(curation))
    return server
