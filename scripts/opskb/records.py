"""The small immutable records that flow from one pipeline stage to the next.

Inline text inside a block is a plain string. Bold runs are delimited by two
private sentinel characters (BOLD_OPEN / BOLD_CLOSE); they are Han characters
from CJK Extension C that no article uses, so OpenCC and the typesetter treat
them like any other Han character and leave them in place. Only the renderer
turns them into Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

BOLD_OPEN = "\U0002a700"
BOLD_CLOSE = "\U0002a701"

# Block kinds
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST = "list"
QUOTE = "quote"
TABLE = "table"
IMAGE = "image"


def plain(text: str) -> str:
    """Inline text without the bold sentinels."""
    return text.replace(BOLD_OPEN, "").replace(BOLD_CLOSE, "")


@dataclass(frozen=True)
class Block:
    """One structural unit of an article.

    - heading: ``text`` and ``level`` (2..6 once normalized)
    - paragraph: ``text``
    - list: ``items`` (each item an inline string), ``ordered``, and ``start``: the number its
      first item has in the source (3、… after a paragraph that interrupts a numbered list)
    - quote: ``items`` (one inline string per quoted paragraph)
    - table: ``rows`` (tuple of rows, each a tuple of inline cell strings)
    - image: ``src`` and ``text`` (alt text, may be empty)
    """

    kind: str
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()
    ordered: bool = False
    start: int = 1
    rows: tuple[tuple[str, ...], ...] = ()
    src: str = ""

    def texts(self) -> tuple[str, ...]:
        """Every inline string the block holds, in reading order."""
        if self.kind in (LIST, QUOTE):
            return self.items
        if self.kind == TABLE:
            return tuple(cell for row in self.rows for cell in row)
        return (self.text,)

    def map_text(self, fn) -> Block:
        """The same block with ``fn`` applied to every inline string (this very block when
        nothing changed: most lines pass most stages as they are)."""
        if self.kind in (LIST, QUOTE):
            items = tuple(fn(t) for t in self.items)
            return self if items == self.items else replace(self, items=items)
        if self.kind == TABLE:
            rows = tuple(tuple(fn(c) for c in row) for row in self.rows)
            return self if rows == self.rows else replace(self, rows=rows)
        text = fn(self.text)
        return self if text == self.text else replace(self, text=text)

    def plain_text(self) -> str:
        return "\n".join(plain(t) for t in self.texts())


@dataclass(frozen=True)
class Meta:
    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Removed:
    """A line or block that cleaning dropped, and why."""

    text: str
    reason: str
    stage: str = "clean"


@dataclass(frozen=True)
class Stats:
    lines_removed: int = 0
    chars_converted: int = 0
    artifacts_repaired: int = 0
    invisible_removed: tuple[tuple[str, int], ...] = ()  # (kind, count): controls, bidi marks, BOMs

    @property
    def invisible_total(self) -> int:
        return sum(n for _kind, n in self.invisible_removed)

    def with_invisible(self, counts: dict[str, int]) -> Stats:
        """These counts added to the invisible characters already removed."""
        if not counts:
            return self
        merged = dict(self.invisible_removed)
        for kind, n in counts.items():
            merged[kind] = merged.get(kind, 0) + n
        return replace(self, invisible_removed=tuple(sorted(merged.items())))


@dataclass(frozen=True)
class Raw:
    """A seed file as read: decoded text, split into front matter and body."""

    path: str  # path as given on the command line (for messages)
    name: str  # file name
    encoding: str
    meta: Meta
    body: str
    is_html: bool
    warning: str = ""  # a problem that did not stop the read (e.g. malformed front matter)
    stats: Stats = field(default_factory=Stats)  # invisible characters removed from the text
    url: str = ""  # the address the article was saved from, when the file names it


@dataclass(frozen=True)
class Doc:
    """A parsed article; every later stage returns a new Doc."""

    source: str  # seed file name
    meta: Meta
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    script: str = "simplified"  # script of the original text: simplified / traditional / mixed
    removed: tuple[Removed, ...] = ()
    stats: Stats = field(default_factory=Stats)
    url: str = ""  # the original article's address (Raw.url)
    page_copy: bool = False  # a text dump with no title of its own: perhaps a whole page's text (pagecopy.py)

    def with_blocks(self, blocks, **changes) -> Doc:
        return replace(self, blocks=tuple(blocks), **changes)


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str
    encoding: str = ""


@dataclass(frozen=True)
class Origin:
    source: str
    title: str
    author: str
    site: str
    date: str
    script: str
    encoding: str


@dataclass(frozen=True)
class Unit:
    """A citable piece of an article: a heading, paragraph, list item or quoted paragraph."""

    anchor: str
    text: str  # plain text, no bold sentinels
    block: int
    item: int = -1  # index inside a list or quote, -1 for a whole block
    kind: str = PARAGRAPH
    section: str = ""  # plain text of the nearest heading above


@dataclass(frozen=True)
class Article:
    """One distinct article after deduplication: the canonical Doc and every origin."""

    slug: str
    doc: Doc
    origins: tuple[Origin, ...]
    units: tuple[Unit, ...]
