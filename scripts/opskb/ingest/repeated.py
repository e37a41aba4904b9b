"""Text told apart by its repetition.

**Across the collection.** Paragraphs a site appends to its articles: the same two paragraphs
or more in a row at the start or the end of many articles (a yearly campaign's call to vote,
an account's footer) are the site's, whatever their words. A sentence many articles quote once
(a definition) is not a run of two, and stays. A pure function over the merged docs, after
deduplication (a duplicate does not count twice); it runs on the whole collection at every
ingest, so an article added later makes the earlier ones lose the same run too.

**Inside one article.** A page that shows its text twice (an editor's preview beside its read
view, a text dump pasted twice) gives a run of blocks that an earlier run says again, block
for block: the second copy goes. A run needs MIN_COPY_BLOCKS blocks and MIN_COPY_CHARS of
text, so a list item or a heading the text comes back to stays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..records import Block, Doc, Removed
from ..text import fold

EDGE_BLOCKS = 8  # blocks at the start and at the end of an article where a site's run is looked for
MIN_ARTICLES = 5  # a run of two paragraphs this many articles hold at an edge is the site's
MIN_RUN_CHARS = 15  # ... when one of the two is at least this long (two short labels can repeat by chance)
REASON = "多篇文章开头或末尾重复出现的段落（站点的推广或页脚）"


def _key(b: Block) -> str:
    return fold(b.plain_text())


def _edges(doc: Doc) -> dict[int, str]:
    """{index: key} of the blocks at the article's start and end (the rest is never read: this
    runs over the whole collection at every ingest and every preview rebuild)."""
    n = len(doc.blocks)
    return {i: _key(doc.blocks[i]) for i in sorted(set(range(min(EDGE_BLOCKS, n))) | set(range(max(0, n - EDGE_BLOCKS), n)))}


def _pairs(keys: dict[int, str]) -> set[tuple[str, str]]:
    """The pairs of neighbouring blocks within the article's edges."""
    return {(a, b) for i, a in keys.items() if (b := keys.get(i + 1)) and a and max(len(a), len(b)) >= MIN_RUN_CHARS}


def drop_repeated_runs(docs: list[Doc]) -> list[Doc]:
    """The docs without the runs of blocks MIN_ARTICLES of them or more share at their edges."""
    if len(docs) < MIN_ARTICLES:
        return docs
    edges = [_edges(d) for d in docs]
    pairs = [_pairs(e) for e in edges]
    counts = Counter(p for ps in pairs for p in ps)
    shared = {p for p, n in counts.items() if n >= MIN_ARTICLES}
    if not shared:
        return docs
    out = []
    for doc, keys, ps in zip(docs, edges, pairs, strict=True):
        mine = ps & shared
        if not mine:
            out.append(doc)
            continue
        gone = {j for i, a in keys.items() if (a, keys.get(i + 1)) in mine for j in (i, i + 1)}
        kept = tuple(b for i, b in enumerate(doc.blocks) if i not in gone)
        removed = tuple(Removed(doc.blocks[i].plain_text(), REASON, "repeated") for i in sorted(gone))
        stats = replace(doc.stats, lines_removed=doc.stats.lines_removed + len(removed))
        out.append(replace(doc, blocks=kept, removed=doc.removed + removed, stats=stats))
    return out


MIN_COPY_BLOCKS = 3
MIN_COPY_CHARS = 100
COPY_REASON = "正文的第二份拷贝（页面把同一段文字显示了两遍）"


def _block_key(b: Block) -> str:
    return f"{b.kind}:{b.src if b.kind == 'image' else _key(b)}"


def drop_second_copy(doc: Doc) -> Doc:
    """The doc without runs of blocks that repeat an earlier run of it block for block."""
    keys = [_block_key(b) for b in doc.blocks]
    first: dict[str, list[int]] = {}
    gone: set[int] = set()
    i = 0
    while i < len(keys):
        best = 0
        for j in first.get(keys[i], ()):
            n = 0
            while i + n < len(keys) and keys[j + n] == keys[i + n]:
                n += 1
            if n > best and n >= MIN_COPY_BLOCKS and sum(len(_key(b)) for b in doc.blocks[i:i + n]) >= MIN_COPY_CHARS:
                best = n
        first.setdefault(keys[i], []).append(i)
        if best:
            gone.update(range(i, i + best))
            i += best
        else:
            i += 1
    if not gone:
        return doc
    kept = tuple(b for k, b in enumerate(doc.blocks) if k not in gone)
    removed = tuple(Removed(doc.blocks[k].plain_text(), COPY_REASON, "repeated") for k in sorted(gone))
    stats = replace(doc.stats, lines_removed=doc.stats.lines_removed + len(removed))
    return replace(doc, blocks=kept, removed=doc.removed + removed, stats=stats)
