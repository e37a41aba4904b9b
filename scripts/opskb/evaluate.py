"""``opskb eval``: score ingest on a folder of labelled real pages, beside trafilatura alone.

A labelled folder holds the pages (in ``pages/`` or directly) and ``labels.json``: one
record per file with its headline, article lines that must survive and chrome lines
that must go (format and scoring in ../shared/devcorpus/README.md). Scoring:

- both sides are compared after NFKC, one form for full- and half-width punctuation,
  no whitespace, zero-width characters or Markdown markers, Traditional folded to
  Simplified and glued pinyin dropped; a label's leading list marker is ignored;
- body kept: share of content lines found in the cleaned article's text;
- chrome removed: share of boilerplate lines (6+ characters) not found there;
- titles right: share of files whose page title equals the labelled headline.

The article's text is the generated source page without front matter, provenance box,
anchors, markup and link targets. A file merged into another page is judged by that
page, for chrome only.
"""

from __future__ import annotations

import html
import json
import random
import re
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .ingest.convert import changed_chars, t2s
from .ingest.repair import repair_pinyin

# one form for punctuation that NFKC leaves in two widths or shapes
_PUNCT = str.maketrans({
    **{c: '"' for c in "“”„‟「」『』﹁﹂〝〞″"},
    **{c: "'" for c in "‘’‚‛′"},
    "。": ".", "｡": ".", "、": ",", "【": "[", "】": "]", "〔": "[", "〕": "]",
    "《": "<", "》": ">", "〈": "<", "〉": ">", "—": "-", "–": "-", "―": "-", "−": "-",
    "…": "...", "・": "·", "•": "·", "‧": "·", "～": "~", "〜": "~",
})
_DROP = re.compile(r"[\s\u200b-\u200f\u2060\ufeff*_`>#|\\]+")
_LIST_MARKER = re.compile(r"^\s*(?:[(（][\d一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.、．)）](?!\d)|[-*+•·]\s+)\s*")


def normalize(text: str) -> str:
    """Text reduced the way the scoring compares it."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    text = repair_pinyin(text)[0]
    text = _DROP.sub("", text)
    return t2s(text)


def label_key(line: str) -> str:
    return normalize(_LIST_MARKER.sub("", line, count=1))


# ---------------------------------------------------------------- the article's text

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
# an attribute list the renderer writes ({ #p-3f2a1c }, { .cite }); not braces the text holds, escaped (\{...\})
_ATTR = re.compile(r"(?<!\\)\{\s*[#.][\w-][^{}\n]*\}")
_LINK_TARGET = re.compile(r"\]\(<?[^)\n]*>?\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def page_text(markdown: str) -> str:
    """What a reader sees of a generated source page's article: no front matter,
    provenance box, anchors, tags or link targets."""
    body = _FRONT.sub("", markdown, count=1)
    lines, in_box = [], False
    for line in body.split("\n"):
        if line.startswith("!!! info"):
            in_box = True
            continue
        if in_box:
            if not line.strip() or line.startswith("    "):
                continue
            in_box = False
        lines.append(line)
    text = "\n".join(lines)
    text = _LINK_TARGET.sub("]", _ATTR.sub("", text))
    return html.unescape(_TAG.sub("", text))


def page_title(markdown: str) -> str:
    m = re.search(r"^title: (.*)$", markdown, re.M)
    if not m:
        return ""
    value = m.group(1).strip()
    if value[:1] in "'\"":
        value = str(yaml.safe_load(value))
    return html.unescape(value)


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    file: str
    kept: int = 0
    content: int = 0
    removed: int = 0
    chrome: int = 0
    title_ok: bool = False
    title: str = ""
    traditional: int = 0
    pinyin: int = 0
    missed: list[str] = field(default_factory=list)  # content lines lost
    leaked: list[str] = field(default_factory=list)  # chrome lines left


def traditional_left(text: str) -> int:
    """Characters the Traditional-to-Simplified conversion would still change."""
    return changed_chars(text, t2s(text))


def score(label: dict, text: str, title: str | None, chrome_only: bool = False) -> Score:
    """One file's figures; ``title`` None means not judged (merged into another page)."""
    s = Score(file=label["file"], title=title or "")
    flat = normalize(text)
    if not chrome_only:
        for line in label.get("content_lines", []):
            s.content += 1
            if label_key(line) in flat:
                s.kept += 1
            else:
                s.missed.append(line)
    for line in label.get("boilerplate_lines", []):
        key = label_key(line)
        if len(key) < 6:
            continue
        s.chrome += 1
        if key in flat:
            s.leaked.append(line)
        else:
            s.removed += 1
    if title is not None:
        want = label.get("title", "")
        wants = want if isinstance(want, list) else [want]
        s.title_ok = normalize(title) in {normalize(w) for w in wants}
        s.traditional = traditional_left(text + title)
        s.pinyin = repair_pinyin(unicodedata.normalize("NFKC", text))[1]
    return s


@dataclass
class Totals:
    files: int = 0
    kept: int = 0
    content: int = 0
    removed: int = 0
    chrome: int = 0
    titles: int = 0
    titled: int = 0
    traditional: int = 0
    pinyin: int = 0

    def add(self, s: Score, judged_title: bool = True) -> None:
        self.files += 1
        self.kept += s.kept
        self.content += s.content
        self.removed += s.removed
        self.chrome += s.chrome
        if judged_title:
            self.titled += 1
            self.titles += s.title_ok
        self.traditional += s.traditional
        self.pinyin += s.pinyin

    def figures(self) -> dict:
        pct = lambda a, b: round(100 * a / b, 1) if b else 100.0  # noqa: E731
        return {
            "files": self.files,
            "chrome_removed": pct(self.removed, self.chrome),
            "body_kept": pct(self.kept, self.content),
            "titles_right": pct(self.titles, self.titled),
            "traditional_left": self.traditional,
            "pinyin_left": self.pinyin,
        }


def load_labels(folder: Path, labels: Path | None = None) -> tuple[Path, list[dict]]:
    """(pages folder, label records)."""
    folder = Path(folder)
    pages = folder / "pages" if (folder / "pages").is_dir() else folder
    path = labels or folder / "labels.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}：没有标注文件（labels.json）")
    records = json.loads(path.read_text(encoding="utf-8"))
    return pages, [r for r in records if (pages / r["file"]).is_file()]


def ours(pages: Path, labels: list[dict]) -> tuple[dict[str, Score], float]:
    """Ingest the pages into a scratch folder and score every labelled file."""
    from .pipeline import ingest

    with tempfile.TemporaryDirectory(prefix="opskb-eval-") as tmp:
        seeds, out = Path(tmp) / "seeds", Path(tmp) / "docs"
        seeds.mkdir()
        for r in labels:  # only the labelled files: one folder may hold other pages
            (seeds / r["file"]).symlink_to((pages / r["file"]).resolve())
        start = time.perf_counter()
        result = ingest(seeds, out)
        seconds = time.perf_counter() - start
        where = {Path(e.path).name: e for e in result.entries}
        scores = {}
        for r in labels:
            e = where.get(r["file"])
            if e is None or e.skipped or not (e.page or e.merged_into):
                scores[r["file"]] = score(r, "", "")
                continue
            md = (out / (e.page or e.merged_into)).read_text(encoding="utf-8")
            merged = bool(e.merged_into)
            scores[r["file"]] = score(r, page_text(md), None if merged else page_title(md), chrome_only=merged)
    return scores, seconds


def trafilatura_alone(pages: Path, labels: list[dict]) -> tuple[dict[str, Score], float]:
    """trafilatura's own text and title for the HTML files, with its default settings."""
    from trafilatura import bare_extraction

    scores = {}
    start = time.perf_counter()
    for r in labels:
        if not r["file"].lower().endswith((".html", ".htm")):
            continue
        doc = bare_extraction((pages / r["file"]).read_bytes(), with_metadata=True)
        text = (doc.text or "") if doc is not None else ""
        title = (doc.title or "") if doc is not None else ""
        scores[r["file"]] = score(r, text, title)
    return scores, time.perf_counter() - start


def text_copy(path: Path) -> str:
    """What copying a saved page's whole text gives (a browser's select-all): every visible
    block of text on a line of its own, menus, lists of other stories and footer included; the
    text a block holds beside blocks of its own (a post's sentences before its table) on lines of
    its own between them."""
    from .ingest.pagetree import _tree, drop_hidden
    from .ingest.read import read

    tree = _tree(read(path).body)
    drop_hidden(tree)
    for el in tree.xpath("//script|//style|//noscript|//template|//head"):
        el.drop_tree()
    return "\n\n".join(_copied_lines(tree)) + "\n"


def _copied_lines(tree) -> list[str]:
    """The lines a copy of ``tree``'s text gives: a block with no block inside is one line; a block
    or an inline element with blocks inside gives its own runs of text between them, a line each."""
    from .ingest.pagetree import _BLOCK_TAGS, _SPACES, block_holders

    holders = block_holders(tree)
    lines: list[str] = []

    def flush(run: list[str]) -> None:
        if text := _SPACES.sub(" ", "".join(run)).strip():
            lines.append(text)
        run.clear()

    def walk(el) -> None:
        if el not in holders:
            flush([el.text_content()])
            return
        run = [el.text or ""]
        for child in el:
            if not isinstance(child.tag, str):  # a comment's or a processing instruction's tail only
                run.append(child.tail or "")
            elif child in holders or child.tag in _BLOCK_TAGS:
                flush(run)
                walk(child)
                run.append(child.tail or "")
            else:
                run.append(child.text_content() + (child.tail or ""))
        flush(run)

    walk(tree)
    return lines


EXCERPT_ABOVE = (2, 7)  # lines of the page an excerpt keeps above its headline, at least and at most
EXCERPT_BELOW = (2, 9)  # ... and below the article's last line


def text_excerpt(path: Path, record: dict) -> tuple[str, dict] | None:
    """What a maintainer copies out of a saved page: its text copy (text_copy) from a few lines above
    the headline to a few lines below the article's last labelled line, how many drawn per file (the
    same every run); with the record's boilerplate labels narrowed to those inside the excerpt.
    None when no labelled line of the article is found in the copy."""
    lines = [line for line in text_copy(path).split("\n\n") if line.strip()]
    keys = [normalize(line) for line in lines]
    body = [label_key(c) for c in record["content_lines"]]
    at = [i for i, k in enumerate(keys) if any(b and b in k for b in body)]
    if not at:
        return None
    titles = [normalize(t) for t in (record["title"] if isinstance(record["title"], list) else [record["title"]]) if t]
    head = next((i for i, k in enumerate(keys[:at[0]]) if any(t in k and len(k) < 3 * len(t) for t in titles)), at[0])
    draw = random.Random(record["file"])
    text = "\n\n".join(lines[max(0, head - draw.randint(*EXCERPT_ABOVE)):at[-1] + 1 + draw.randint(*EXCERPT_BELOW)]) + "\n"
    inside = normalize(text)
    return text, {**record, "boilerplate_lines": [b for b in record["boilerplate_lines"] if label_key(b) and label_key(b) in inside]}


def evaluate(folder: Path, labels: Path | None = None, baseline: bool = True, as_text: bool = False,
             as_excerpt: bool = False) -> dict:
    """Figures per file and in total; ``as_text``: the HTML pages judged as text copies of
    themselves (text_copy), under the same labels: how ingest does on text dumps with a whole
    page's furniture in them (trafilatura does not read text, so no baseline then);
    ``as_excerpt``: judged as excerpts of those copies (text_excerpt), the headline and article
    with a few of the page's lines around them, on the boilerplate labels inside each."""
    pages, records = load_labels(folder, labels)
    if as_text or as_excerpt:
        with tempfile.TemporaryDirectory(prefix="opskb-text-") as tmp:
            copies = []
            for r in records:
                if r["file"].lower().endswith((".html", ".htm")):
                    name = Path(r["file"]).stem + ".txt"
                    made = text_excerpt(pages / r["file"], r) if as_excerpt else (text_copy(pages / r["file"]), r)
                    if made:
                        (Path(tmp) / name).write_text(made[0], encoding="utf-8")
                        copies.append({**made[1], "file": name})
            return _evaluate(Path(tmp), copies, baseline=False)
    return _evaluate(pages, records, baseline)


def _evaluate(pages: Path, records: list[dict], baseline: bool) -> dict:
    mine, seconds = ours(pages, records)
    theirs, their_seconds = trafilatura_alone(pages, records) if baseline else ({}, 0.0)
    groups: dict[str, Totals] = {"all": Totals(), "html": Totals(), "text": Totals(), "trafilatura": Totals()}
    for r in records:
        s = mine[r["file"]]
        judged = bool(r.get("title"))
        groups["all"].add(s, judged)
        groups["html" if r["file"].lower().endswith((".html", ".htm")) else "text"].add(s, judged)
        if r["file"] in theirs:
            groups["trafilatura"].add(theirs[r["file"]], judged)
    return {
        "files": [
            {**mine[r["file"]].__dict__, "trafilatura": theirs[r["file"]].__dict__ if r["file"] in theirs else None}
            for r in records
        ],
        "totals": {k: v.figures() for k, v in groups.items() if v.files},
        "seconds": {"ingest": round(seconds, 2), "trafilatura": round(their_seconds, 2)},
    }


def table(results: dict, verbose: bool = False) -> str:
    """Per file and in total: ours beside trafilatura alone."""
    out = ["文件 | 去除杂项 | 保留正文 | 标题 | 繁体 | 拼音 || trafilatura：去除杂项 | 保留正文 | 标题"]
    frac = lambda a, b: f"{a}/{b}" if b else "-"  # noqa: E731
    for f in results["files"]:
        t = f["trafilatura"]
        theirs = f"{frac(t['removed'], t['chrome'])} | {frac(t['kept'], t['content'])} | {'✓' if t['title_ok'] else '✗'}" if t else "-"
        out.append(
            f"{f['file']} | {frac(f['removed'], f['chrome'])} | {frac(f['kept'], f['content'])} | "
            f"{'✓' if f['title_ok'] else '✗ ' + f['title'][:30]} | {f['traditional']} | {f['pinyin']} || {theirs}"
        )
        if verbose:
            out += [f"    丢失正文：{x[:70]}" for x in f["missed"]]
            out += [f"    残留杂项：{x[:70]}" for x in f["leaked"]]
    out.append("")
    names = {"all": "全部", "html": "HTML 页面", "text": "文本", "trafilatura": "trafilatura（仅 HTML）"}
    out.append("合计 | 文件 | 去除杂项 | 保留正文 | 标题正确 | 繁体残留 | 拼音残留")
    for k, v in results["totals"].items():
        out.append(
            f"{names[k]} | {v['files']} | {v['chrome_removed']}% | {v['body_kept']}% | {v['titles_right']}% | "
            f"{v['traditional_left']} | {v['pinyin_left']}"
        )
    out.append(f"用时：ingest {results['seconds']['ingest']} s，trafilatura {results['seconds']['trafilatura']} s")
    return "\n".join(out)
