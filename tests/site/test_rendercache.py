"""The serve caches of site/rendercache.py on MkDocs' own objects: the front matter of a
page is parsed once per source text, and a page gets what MkDocs itself would give it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from opskb.site import rendercache

SOURCES = {
    "a.md": "---\ntitle: 社群运营\ntags:\n  - 运营\n---\n\n# 社群运营\n\n社群运营是……\n",
    "b.md": "# 用户运营\n\n没有头部信息的页面。\n",
    "c.md": "title: 多行元数据\n\n正文。\n",  # MkDocs' other (MultiMarkdown) style
}


def _site(tmp_path: Path, sources: dict[str, str]):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in sources.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, str(docs), config.site_dir, False) for name in sources])
    return config, files


def _pages(config, files, cache: rendercache.Markdown | None) -> list[Page]:
    if cache is not None:
        cache.begin(config, files, {})
    pages = []
    for f in files:
        page = Page(None, f, config)
        if cache is not None:
            cache.install(page)
        page.read_source(config)
        pages.append(page)
    return pages


def test_front_matter_is_parsed_once_per_source_and_pages_get_what_mkdocs_gives(tmp_path: Path, monkeypatch):
    config, files = _site(tmp_path, SOURCES)
    plain = _pages(config, files, None)
    parsed = []
    real = rendercache.get_data
    monkeypatch.setattr(rendercache, "get_data", lambda text: parsed.append(text) or real(text))
    cache = rendercache.Markdown()
    first = _pages(config, files, cache)
    assert [(p.markdown, p.meta) for p in first] == [(p.markdown, p.meta) for p in plain]
    assert len(parsed) == 3
    first[0].meta["title"] = "被插件改掉的标题"  # a page's metadata is its own
    again = _pages(config, files, cache)
    assert len(parsed) == 3  # nothing parsed again
    assert [(p.markdown, p.meta) for p in again] == [(p.markdown, p.meta) for p in plain]
    # an edited page is parsed again; the old text is forgotten once a build has not used it
    edited = {**SOURCES, "a.md": SOURCES["a.md"].replace("title: 社群运营", "title: 社群运营（修订）")}
    config2, files2 = _site(tmp_path, edited)
    changed = _pages(config2, files2, cache)
    assert len(parsed) == 4 and changed[0].meta["title"] == "社群运营（修订）"
    _pages(config2, files2, cache)
    assert SOURCES["a.md"] not in cache.sources and len(cache.sources) == 3
