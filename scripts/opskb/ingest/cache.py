"""Content-hash cache for ingest.

Keyed by the bytes of each seed and by the code (every module and data file of
this package), so a run with nothing changed reuses everything and a changed
seed is the only file processed again. Stored as a pickle in the output folder
(``.opskb-cache.pickle``; MkDocs ignores dot files). A cache that cannot be read,
or that was written by other code, is ignored.

The file holds two pickles: a small head (code version, run key, the report's entries and
the digest of every page the run wrote) and the body (every file's Doc, the articles, the
pages). A run that finds its run key in the head and its pages intact on disk needs only
the head (``peek``): an unchanged rerun does not load the collection.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..records import Unit
from .write import atomic_write

CACHE = ".opskb-cache.pickle"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    root = Path(__file__).parents[1]  # the whole opskb package
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".tsv")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class Cache:
    version: str = ""
    run_key: str = ""
    files: dict = field(default_factory=dict)  # seed bytes hash -> (entry fields, Doc or None)
    result: tuple | None = None  # (entries, articles, pages) of the run with run_key
    # what that run computed along the way and a later process would compute again (per
    # article knowledge figures, slugs, duplicate checks): see pipeline.generate
    warm: dict | None = None
    dirty: bool = False  # changed since it was loaded
    # per-article results by slug, for a process that runs again (mkdocs serve); not stored
    memo: dict = field(default_factory=dict, repr=False, compare=False)


_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, KeyError)


def load(out: Path | None) -> Cache:
    if out is None:
        return Cache(version=code_version())
    try:
        with (Path(out) / CACHE).open("rb") as fh:
            head = _head(fh)
            if head is not None:
                cache = _thaw(head, _load_without_gc(fh))
                cache.warm = _load_warm(fh, cache.result[1] if cache.result else [])
                return cache
    except _UNREADABLE:
        pass
    return Cache(version=code_version())


def peek(out: Path) -> dict | None:
    """The head of the stored cache ({"run_key", "entries", "pages": {path: digest}}) when
    this code wrote it after a complete run, without loading the rest."""
    try:
        with (Path(out) / CACHE).open("rb") as fh:
            head = _head(fh)
        return head if head is not None and head.get("pages") is not None else None
    except _UNREADABLE:
        return None


def _head(fh) -> dict | None:
    """The file's first pickle, when this code wrote it."""
    head = pickle.load(fh)
    return head if isinstance(head, dict) and head.get("version") == code_version() else None


def _load_without_gc(fh):
    """Unpickling makes a million small objects; the cycle collector has nothing to find
    among them (records hold no cycles) and would cost about a third of the load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def save(out: Path, cache: Cache) -> None:
    """Pickled without its memo, so the bytes depend only on the values: the cache a run
    leaves is the same whatever runs (or dead runs) came before it. An article whose
    Doc equals its seed's cached Doc refers to that one instead of holding a copy."""
    head, body = _freeze(cache)

    def dump(fh) -> None:  # straight into the file: a buffer would hold the whole cache twice while it grows
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # the records hold no cycles
        pickler.dump(head)
        pickler.dump(body)
        _WarmPickler(fh, cache.result[1] if cache.result else []).dump(cache.warm)

    atomic_write(Path(out) / CACHE, dump)


# The third pickle: what the run computed per article (pipeline._warm). Its values cite the
# articles' own units (a glossary term -> the paragraphs naming it, in every article), so
# a unit is stored as its place in the articles, not as a copy, and objects it shares (the
# term list each article's findings depend on) are stored once: on an on-topic collection
# this is a few MB instead of 70.


class _WarmPickler(pickle.Pickler):
    def __init__(self, buf, articles) -> None:
        super().__init__(buf, protocol=pickle.HIGHEST_PROTOCOL)
        self.places = {id(u): (i, j) for i, a in enumerate(articles) for j, u in enumerate(a.units)}
        self.units = [u for a in articles for u in a.units]  # alive while pickling, so ids stay theirs

    def persistent_id(self, obj):
        return self.places.get(id(obj)) if isinstance(obj, Unit) else None


class _WarmUnpickler(pickle.Unpickler):
    def __init__(self, fh, articles) -> None:
        super().__init__(fh)
        self.articles = articles

    def persistent_load(self, pid):
        i, j = pid
        return self.articles[i].units[j]


def _load_warm(fh, articles) -> dict | None:
    try:
        return _WarmUnpickler(fh, articles).load()
    except (EOFError, IndexError, pickle.UnpicklingError):
        return None


def _freeze(cache: Cache) -> tuple[dict, dict]:
    head = {"version": cache.version, "run_key": cache.run_key, "entries": None, "pages": None}
    stored = {"files": cache.files, "result": None}
    if cache.result is not None:
        entries, articles, pages = cache.result
        head["entries"] = entries
        head["pages"] = {rel: hashlib.sha256(text.encode("utf-8")).hexdigest() for rel, text in sorted(pages.items())}
        by_source = {doc.source: digest for digest, (_f, doc, _fp) in cache.files.items() if doc is not None}
        slim = []
        for a in articles:
            digest = by_source.get(a.doc.source)
            if digest is not None and cache.files[digest][1] == a.doc:
                slim.append((replace(a, doc=None), digest))
            else:
                slim.append((a, None))
        stored["result"] = (slim, pages)
    return head, stored


def _thaw(head: dict, stored: dict) -> Cache:
    files = stored["files"]
    result = None
    if stored["result"] is not None:
        entries = head["entries"]
        slim, pages = stored["result"]
        articles = [a if digest is None else replace(a, doc=files[digest][1]) for a, digest in slim]
        result = (entries, articles, pages)
    return Cache(version=head["version"], run_key=head["run_key"], files=files, result=result)


def run_key(hashes: list[tuple[str, str]]) -> str:
    h = hashlib.sha256(code_version().encode())
    for name, digest in hashes:
        h.update(f"{name}\0{digest}\n".encode())
    return h.hexdigest()


_MEMORY: dict[str, Cache] = {}


def in_memory(out: Path) -> Cache:
    """One cache per output folder for the life of the process (mkdocs serve's rebuilds)."""
    key = str(Path(out).resolve())
    if key not in _MEMORY:
        _MEMORY[key] = load(out)
    return _MEMORY[key]
