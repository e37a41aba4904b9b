"""What MkDocs computes for a page, kept across the rebuilds of one ``mkdocs serve``, keyed by
what it is computed from: after one edited article only the pages whose input changed are
converted and rendered again.

MkDocs (1.6) rebuilds the whole site after every change it sees: every page's Markdown is
converted to HTML (``Page.render``) and every page is rendered through the theme's templates.
Its ``--dirty`` mode skips pages by file modification time, which says nothing about pages
generated in memory (ours always count as modified) and, as MkDocs itself warns, leaves the
navigation of the other pages stale. Here the decision is made on content instead:

- **Markdown to HTML** (``Markdown``): keyed by the page's Markdown, its place in the site
  and a key for everything a conversion reads besides (the markdown extensions and their
  settings in mkdocs.yml, the tooltip term files, and every file's address, which link
  rewriting and validation look up). What the conversion leaves on the page (HTML, table of
  contents, title, anchors, links to anchors) is restored, and the messages it logged are
  logged again, so a broken link still fails a strict build.
- **Front matter** (``Markdown.read_source``): every page's YAML header parsed once per
  source text (MkDocs parses all of them on every rebuild); the page gets a copy of it.
- **Page HTML** (``Templates``): keyed by everything of the template's context that differs
  between pages (the page's HTML, table of contents, title, metadata, address, its previous
  and next pages) and a key for what is shared (the navigation with every page's title and
  address and the metadata fields any template reads, the theme settings of mkdocs.yml,
  the theme's templates). A page is rendered again when any of it changes: a new article's
  title in the navigation renders every page again.

Both are dropped when a build leaves them unused, so the memory held is one site's worth.
Only ``mkdocs serve`` uses them; ``mkdocs build`` renders everything, once.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from .searchindex import Memo

_MKDOCS = logging.getLogger("mkdocs")


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p)
        h.update(b"\0\1")
    return h.hexdigest()


class _Recorder(logging.Handler):
    """Keeps the records MkDocs' loggers emit while a page is converted."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class _Converted:
    content: str  # kept as it is: decompressing every page on every rebuild cost a quarter second
    toc: object
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # linked file's src_uri -> {anchor: original link}
    records: list[logging.LogRecord]


def config_text(config) -> bytes:
    """The bytes of mkdocs.yml: the extensions, their settings and the theme settings."""
    try:
        return Path(config.config_file_path).read_bytes()
    except (OSError, TypeError):
        return repr(sorted(config.items(), key=lambda kv: kv[0])).encode()


class Markdown:
    """Page.render's results by content."""

    def __init__(self) -> None:
        self.entries: dict[str, _Converted] = {}
        self.used: set[str] = set()
        self.context = ""
        self.hits = self.misses = 0
        # page source -> (where its Markdown starts, or the Markdown itself; its metadata)
        self.sources: dict[str, tuple[int | str, dict]] = {}
        self.sources_used: set[str] = set()

    def begin(self, config, files, support: dict[str, str]) -> None:
        """A new build: ``support`` holds the generated files a conversion reads (the tooltip terms)."""
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.used = set()
        self.sources = {k: v for k, v in self.sources.items() if k in self.sources_used}
        self.sources_used = set()
        self.hits = self.misses = 0
        addresses = "\n".join(f"{f.src_uri}\t{f.dest_uri}\t{f.url}\t{f.inclusion.name}" for f in sorted(files, key=lambda f: f.src_uri))
        terms = "\n".join(f"{k}\t{v}" for k, v in sorted(support.items()))
        self.context = _digest(config_text(config), repr(config["markdown_extensions"]), addresses, terms)

    def install(self, page: Page) -> None:
        """Route this page's ``read_source`` and ``render`` through the cache (for this build's
        Page object only)."""
        page.read_source = lambda config: self.read_source(page, config)  # type: ignore[method-assign]
        page.render = lambda config, files: self.render(page, config, files)  # type: ignore[method-assign]

    def read_source(self, page: Page, config) -> None:
        """What ``Page.read_source`` does, the front matter parsed once per source text (the
        same str objects from rebuild to rebuild: the lookup hashes each once)."""
        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            try:
                source = page.file.content_string
            except (OSError, ValueError):  # MkDocs' own message and error
                Page.read_source(page, config)
                return
        self.sources_used.add(source)
        kept = self.sources.get(source)
        if kept is None:
            markdown, meta = get_data(source)
            start = len(source) - len(markdown)
            kept = self.sources[source] = (start if source[start:] == markdown else markdown, meta)
        where, meta = kept
        page.markdown = source[where:] if isinstance(where, int) else where
        page.meta = copy.deepcopy(meta)

    def render(self, page: Page, config, files) -> None:
        f = page.file
        key = _digest(self.context, f.src_uri, f.dest_uri, f.url, page.markdown or "")
        self.used.add(key)
        hit = self.entries.get(key)
        if hit is not None:
            self.hits += 1
            page.content, page.toc, page._title_from_render = hit.content, hit.toc, hit.title
            page.present_anchor_ids = set(hit.anchors)
            if hit.links is not None:
                page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in hit.links.items()}
            for record in hit.records:  # the same warnings as a conversion would give
                logging.getLogger(record.name).handle(record)
            return
        self.misses += 1
        recorder = _Recorder()
        _MKDOCS.addHandler(recorder)
        try:
            Page.render(page, config, files)
        finally:
            _MKDOCS.removeHandler(recorder)
        links = page.links_to_anchors
        if links is not None and any(target is None for target in links):
            return  # nothing to name the file by: not kept
        self.entries[key] = _Converted(
            page.content or "", page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
            None if links is None else {t.src_uri: dict(v) for t, v in links.items()},
            [r for r in recorder.records if r.levelno >= logging.INFO],
        )


def _toc(items) -> str:
    return "".join(f"({t.id}\t{t.title}\t{t.level}{_toc(t.children)})" for t in items)


def _meta(page) -> str:
    return repr(sorted((str(k), repr(v)) for k, v in (page.meta or {}).items()))


def _nav(items, meta_keys: frozenset[str]) -> str:
    """Every navigation entry with what a page's navigation shows of it: its title, address
    and the metadata fields the templates read (Material: icon, subtitle, status)."""
    out = []
    for item in items:
        children = getattr(item, "children", None)
        url = getattr(item, "url", "") or ""
        meta = ""
        if isinstance(item, Page):
            meta = repr(sorted((k, repr(v)) for k, v in (item.meta or {}).items() if k in meta_keys))
        out.append(f"({type(item).__name__}\t{item.title}\t{url}\t{meta}{_nav(children, meta_keys) if children else ''})")
    return "".join(out)


# a metadata field read from another variable than the current page (nav_item.meta.icon)
_META_FIELD = re.compile(r"\b(?!page\b)\w+\.meta(?:\.(\w+)|\[[\"'](\w+)[\"']\])")


def _neighbour(page) -> str:
    return "" if page is None else f"{page.title}\t{page.url}"


# the template context's keys that the keys below cover (build_date_utc is left out: it
# changes on every build, and neither Material nor our override shows it)
_KNOWN = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc", "config", "page"})


class _CachedTemplate:
    def __init__(self, cache: Templates, name: str, template):
        self.cache, self.name, self.template = cache, name, template

    def render(self, context) -> str:
        page = context.get("page")
        if not isinstance(page, Page):
            return self.template.render(context)  # 404.html, sitemap.xml: rendered every time
        return self.cache.render(self.name, self.template, context, page)

    def __getattr__(self, name):
        return getattr(self.template, name)


class _Bytecode(jinja2.BytecodeCache):
    """Compiled templates in memory; Jinja checks each against its source's checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

class Templates:
    """Page HTML by everything its template context holds."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}  # the page's HTML (the dev collection's 857 pages: about 30 MB)
        self.used: set[str] = set()
        self.shared = ""
        self._nav_id = None
        self._config = b""
        self._meta_keys: frozenset[str] = frozenset()
        self.hits = self.misses = 0
        self.bytecode = _Bytecode()

    def begin(self, env, config) -> None:
        """A new build with this Jinja environment: its templates go through the cache."""
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.used = set()
        self.hits = self.misses = 0
        self._nav_id = None
        theme, fields = [], set()
        for folder in config.theme.dirs:  # our overrides, then Material's templates
            for path in sorted(Path(folder).rglob("*.html")):
                source = path.read_text(encoding="utf-8", errors="replace")
                theme.append(f"{path}\t{hashlib.sha256(source.encode()).hexdigest()}")
                fields.update(a or b for a, b in _META_FIELD.findall(source))
        self._meta_keys = frozenset(fields)  # the fields templates read of other pages' metadata
        self._config = _digest(config_text(config), str(config.site_url), "\n".join(theme)).encode()
        get_template = env.get_template

        def cached_get_template(name, *args, **kwargs):
            return _CachedTemplate(self, str(name), get_template(name, *args, **kwargs))

        env.get_template = cached_get_template
        env.bytecode_cache = self.bytecode  # a new environment each build: compiled once per process


    def render(self, name: str, template, context, page: Page) -> str:
        nav = context.get("nav")
        if self._nav_id != id(nav):  # once per build: every page's title is known by now
            pages = context.get("pages") or ()
            self.shared = _digest(self._config, _nav(nav.items if nav is not None else (), self._meta_keys),
                                  "\n".join(sorted(f.url for f in pages)))
            self._nav_id = id(nav)
        extra = repr(sorted((k, repr(v)) for k, v in context.items() if k not in _KNOWN))
        key = _digest(
            self.shared, name, extra, str(context.get("base_url")), repr(context.get("extra_css")),
            repr(context.get("extra_javascript")), page.file.src_uri, page.url, str(page.canonical_url),
            str(page.edit_url), str(page.title), _meta(page), page.content or "", _toc(page.toc or ()),
            _neighbour(page.previous_page), _neighbour(page.next_page),
        )
        self.used.add(key)
        kept = self.entries.get(key)
        if kept is not None:
            self.hits += 1
            return kept
        self.misses += 1
        out = template.render(context)
        self.entries[key] = out
        return out


# one of each per process: a hook module's own globals may not outlive a rebuild
MARKDOWN = Markdown()
TEMPLATES = Templates()
INDEX = Memo()
