"""The maintainer's corrections to the knowledge pages: ``data/curation.yaml``.

Four kinds of entry, each a line a maintainer writes after reading the site:

    exclude:                 # articles that feed no knowledge page (their source page stays)
      - wp-123.md            #   a seed file name, or the page's slug
    hide:                    # paragraphs that feed no knowledge page
      - sources/some-slug.md#p-12   # the address of a statement's ↗ link
    pin:                     # a definition shown first on a concept page
      私域流量: sources/some-slug.md#p-3
    terms:                   # glossary terms with their meaning
      GMV: 成交总额

The file is read again on every ingest, so the corrections survive re-ingest. A file
that is not valid YAML, or of the wrong shape, stops ingest with a message naming the
line; an entry naming an article, paragraph or concept that does not exist is reported
with its line and otherwise ignored. What each entry changed is listed in the report.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import yaml

from ..records import Article
from .base import Claim, aliases_of, claim_at, topics
from .statement import definition_strength, sentences, standalone

DEFAULT = "data/curation.yaml"
KINDS = ("exclude", "hide", "pin", "terms")


class CurationError(ValueError):
    """The curation file cannot be read; the message names the file and the line."""


@dataclass
class Curation:
    path: str = ""
    exclude: list[tuple[int, str]] = field(default_factory=list)  # (line, file name or slug)
    hide: list[tuple[int, str, str]] = field(default_factory=list)  # (line, slug, anchor)
    pin: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, concept, slug, anchor)
    terms: list[tuple[int, str, str]] = field(default_factory=list)  # (line, term, meaning)
    log: list[str] = field(default_factory=list)  # what curation changed, and bad entries

    def note(self, line: int, text: str) -> None:
        self.log.append(f"{Path(self.path).name} 第 {line} 行：{text}")

    def pinned_claims(self, articles: list[Article]) -> dict[str, list[Claim]]:
        """{concept: [the pinned paragraph's defining sentence]} for the known concepts."""
        concepts = {e["name"]: aliases_of(e) for e in topics()["concepts"]}
        by_slug = {a.slug: a for a in articles}
        out: dict[str, list[Claim]] = {}
        for line, concept, slug, anchor in self.pin:
            if concept not in concepts:
                self.note(line, f"没有名为“{concept}”的概念（可用：{'、'.join(concepts)}），已忽略")
                continue
            unit = _unit(by_slug.get(slug), anchor)
            if unit is None:
                self.note(line, f"找不到段落 {slug}#{anchor}，已忽略")
                continue
            defining = [s for s in sentences(unit.text) if definition_strength(s, concept, tuple(concepts[concept]))]
            text = defining[0] if defining else (standalone(unit.text) or unit.text)
            out.setdefault(concept, []).append(claim_at(by_slug[slug], unit, text))
            self.note(line, f"“{concept}”的定义钉为 {slug}#{anchor}")
        return out

    def added_terms(self) -> dict[str, str]:
        for line, term, _meaning in self.terms:
            self.note(line, f"术语表添加“{term}”")
        return {term: meaning for _line, term, meaning in self.terms}


def _unit(article: Article | None, anchor: str):
    if article is None:
        return None
    return next((u for u in article.units if u.anchor == anchor), None)


def apply_to_articles(articles: list[Article], curation: Curation) -> list[Article]:
    """The articles without the excluded ones, and without their hidden paragraphs."""
    names = {}
    for a in articles:
        names[a.slug] = a.slug
        for o in a.origins:
            names[o.source] = a.slug
        names[a.doc.source] = a.slug
    excluded = set()
    for line, name in curation.exclude:
        if name in names:
            excluded.add(names[name])
            curation.note(line, f"文章 {name} 不进入知识页")
        else:
            curation.note(line, f"找不到文章“{name}”（写种子文件名或来源页的地址），已忽略")
    hidden: dict[str, set[str]] = {}
    for line, slug, anchor in curation.hide:
        article = next((a for a in articles if a.slug == slug), None)
        if _unit(article, anchor) is None:
            curation.note(line, f"找不到段落 {slug}#{anchor}，已忽略")
            continue
        hidden.setdefault(slug, set()).add(anchor)
        curation.note(line, f"段落 {slug}#{anchor} 不进入知识页")
    out = []
    for a in articles:
        if a.slug in excluded:
            continue
        if a.slug in hidden:
            a = replace(a, units=tuple(u for u in a.units if u.anchor not in hidden[a.slug]))
        out.append(a)
    return out


def location(text: str) -> tuple[str, str]:
    """(slug, anchor) from a statement's link: sources/slug.md#p-3, slug#p-3, or the
    address of the built page (…/sources/slug/#p-3)."""
    m = re.search(r"(?:^|/)(?:sources/)?([^/#\s]+?)(?:\.md|/)?#([\w-]+)\s*$", text.strip())
    if not m:
        raise ValueError(text)
    return m.group(1), m.group(2)


def default_path() -> str:
    return os.environ.get("OPSKB_CURATION") or str(resources.files("opskb").joinpath(DEFAULT))


def load(path: str | Path | None = None) -> Curation:
    """The curation file (the default one beside topics.yaml when ``path`` is None); an
    empty Curation when the file does not exist."""
    path = Path(path or default_path())
    if not path.is_file():
        return Curation(path=str(path))
    text = path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else "某处"
        raise CurationError(f"{path.name} {where}：不是有效的 YAML（{getattr(exc, 'problem', exc)}）") from exc
    cur = Curation(path=str(path))
    if root is None:
        return cur
    if not isinstance(root, yaml.MappingNode):
        raise CurationError(f"{path.name} 第 {root.start_mark.line + 1} 行：应当是 exclude、hide、pin、terms 几个小节")
    for key, value in root.value:
        kind = key.value
        line = key.start_mark.line + 1
        if kind not in KINDS:
            raise CurationError(f"{path.name} 第 {line} 行：不认识的小节“{kind}”（可用：{'、'.join(KINDS)}）")
        if _empty(value):
            continue
        if kind in ("exclude", "hide"):
            if not isinstance(value, yaml.SequenceNode):
                raise CurationError(f"{path.name} 第 {line} 行：{kind} 应当是一个列表（每行以 - 开头）")
            for item in value.value:
                _add_listed(cur, kind, item, path)
        else:
            if not isinstance(value, yaml.MappingNode):
                raise CurationError(f"{path.name} 第 {line} 行：{kind} 应当是“名称: 内容”的形式")
            for k, v in value.value:
                _add_mapped(cur, kind, k, v, path)
    return cur


def _empty(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")


def _scalar(node, path: Path) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise CurationError(f"{path.name} 第 {node.start_mark.line + 1} 行：这里应当是一行文字")
    return str(node.value).strip()


def _add_listed(cur: Curation, kind: str, item, path: Path) -> None:
    line = item.start_mark.line + 1
    value = _scalar(item, path)
    if kind == "exclude":
        cur.exclude.append((line, Path(value).name if "/" in value and not value.endswith("/") else value.strip("/")))
        return
    try:
        slug, anchor = location(value)
    except ValueError:
        raise CurationError(f"{path.name} 第 {line} 行：“{value}”不是段落地址（如 sources/文章.md#p-3）") from None
    cur.hide.append((line, slug, anchor))


def _add_mapped(cur: Curation, kind: str, key, value, path: Path) -> None:
    line = key.start_mark.line + 1
    name, text = _scalar(key, path), _scalar(value, path)
    if kind == "terms":
        cur.terms.append((line, name, text))
        return
    try:
        slug, anchor = location(text)
    except ValueError:
        raise CurationError(f"{path.name} 第 {line} 行：“{text}”不是段落地址（如 sources/文章.md#p-3）") from None
    cur.pin.append((line, name, slug, anchor))
