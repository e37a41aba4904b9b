"""`mkdocs build` on two processor cores: a forked copy of the build converts the second
half of the pages' Markdown (and then renders the second half of their templates) while
the build itself does the first half.

MkDocs converts and renders one page after another in one process; on a real collection
that is most of a build's time, and the machine's other cores wait. The copy is forked
once every page's address is known (``on_nav``; for the templates, once every page is
converted, ``on_env``), so it holds the very configuration, files and navigation the
build holds. It computes its pages through the same caches ``mkdocs serve`` keeps between
rebuilds (rendercache.py: keyed by what a page is computed from, restoring all a
conversion leaves on the page and re-logging its messages) and hands their entries back;
the build, reaching those pages, takes them from the cache. So the site is the one a
single process builds, byte for byte, and a copy that fails only costs its share's time:
the build then computes those pages itself.

Only a plain ``mkdocs build`` splits (not ``serve``, whose server and loader threads make
forking unsafe, and which keeps these caches between its own rebuilds anyway), on a
system that forks, with two cores or more, with at least PARALLEL_PAGES pages
(``OPSKB_PARALLEL_PAGES`` sets it: tests split the seeds' few pages).
"""

from __future__ import annotations

import os

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from ..forked import Forked, usable
from . import rendercache

PARALLEL_PAGES = 200


def threshold() -> int:
    try:
        return int(os.environ.get("OPSKB_PARALLEL_PAGES", PARALLEL_PAGES))
    except ValueError:
        return PARALLEL_PAGES


def can_split(pages: int) -> bool:
    return pages >= threshold() and usable()


def _halves(files: list) -> tuple[list, list]:
    """The pages in build order, cut where half of their Markdown is behind."""
    sizes = []
    for f in files:
        try:
            sizes.append(len(f.content_string))
        except (OSError, ValueError):
            sizes.append(0)
    total, run = sum(sizes), 0
    for k, size in enumerate(sizes):
        if run >= total / 2:
            return files[:k], files[k:]
        run += size
    return files, []


class Split:
    """One build's split: ``convert`` at on_nav, ``render`` at on_env; ``before_page`` and
    ``before_template`` wait for the copy's share when the build reaches it."""

    def __init__(self) -> None:
        self.nav = None
        self._converting: Forked | None = None
        self._rendering: Forked | None = None
        self._theirs: set[str] = set()
        self._theirs_rendered: set[str] = set()

    def convert(self, config, files, nav, support: dict[str, str]) -> None:
        self.nav = nav
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        if not can_split(len(pages)):
            return
        rendercache.MARKDOWN.begin(config, files, support)
        _mine, theirs = _halves(pages)
        self._theirs = {f.src_uri for f in theirs}

        def work():
            for f in theirs:
                if f.page is None:  # as MkDocs makes the pages of files outside the navigation
                    Page(None, f, config)
                rendercache.MARKDOWN.install(f.page)
                mkdocs_build._populate_page(f.page, config, files)
            return {k: _portable(v) for k, v in rendercache.MARKDOWN.entries.items()}

        self._converting = Forked(work)

    def before_page(self, page) -> None:
        """Every page's Markdown goes through the cache while splitting; the copy's share is
        taken in when the build reaches its first page."""
        if not self._theirs:
            return
        rendercache.MARKDOWN.install(page)
        if self._converting is not None and page.file.src_uri in self._theirs:
            entries = self._converting.result() or {}
            self._converting = None
            rendercache.MARKDOWN.entries.update(entries)

    def render(self, env, config, files) -> None:
        if not self._theirs or self.nav is None:  # the build did not split its conversion
            return
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        rendercache.TEMPLATES.begin(env, config)
        _mine, theirs = _halves(pages)
        self._theirs_rendered = {f.src_uri for f in theirs}
        nav = self.nav

        def work():
            mkdocs_build.utils.write_file = lambda *_a, **_k: None  # the build writes every page
            for f in theirs:
                mkdocs_build._build_page(f.page, config, pages, nav, env, excluded=f.inclusion.is_excluded())
            return rendercache.TEMPLATES.entries

        self._rendering = Forked(work)

    def before_template(self, page) -> None:
        if self._rendering is not None and page.file.src_uri in self._theirs_rendered:
            entries = self._rendering.result() or {}
            self._rendering = None
            rendercache.TEMPLATES.entries.update(entries)

    def finish(self) -> str:
        """What was split, for the build's log (empty when nothing was)."""
        for copy in (self._converting, self._rendering):  # a share never reached: not left behind
            if copy is not None:
                copy.result()
        self._converting = self._rendering = None
        if not self._theirs:
            return ""
        md, tpl = rendercache.MARKDOWN, rendercache.TEMPLATES
        # the copy's shares, and how many of their pages the build took from it (all, unless it failed)
        said = (f"opskb：两个进程分担构建：Markdown 转换 本进程 {md.misses} 页、另一进程 {len(self._theirs)} 页"
                f"（取用 {md.hits} 页），模板渲染 本进程 {tpl.misses} 页、另一进程 {len(self._theirs_rendered)} 页"
                f"（取用 {tpl.hits} 页）")
        md.entries, tpl.entries = {}, {}  # every page is written: the search index gets the memory
        return said


def _portable(entry):
    """A cache entry that pickles: the log records' messages made text."""
    for record in entry.records:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
    return entry
