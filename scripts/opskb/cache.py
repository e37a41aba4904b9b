"""Content-hash cache for ingest.

Keyed by the bytes of each seed and by the code (every module and data file of
this package), so a run with nothing changed reuses everything and a changed
seed is the only file processed again. Stored as a pickle in the output folder
(``.opskb-cache.pickle``; MkDocs ignores dot files). A cache that cannot be read,
or that was written by other code, is ignored.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .write import atomic_write

CACHE = ".opskb-cache.pickle"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    root = Path(__file__).parent
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
    dirty: bool = False  # changed since it was loaded


def load(out: Path | None) -> Cache:
    if out is None:
        return Cache(version=code_version())
    try:
        with (Path(out) / CACHE).open("rb") as fh:
            cache = pickle.load(fh)
        if isinstance(cache, Cache) and cache.version == code_version():
            cache.dirty = False
            return cache
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    return Cache(version=code_version())


def save(out: Path, cache: Cache) -> None:
    """Pickled without its memo, so the bytes depend only on the values: the cache a run
    leaves is the same whatever runs (or dead runs) came before it."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # the records hold no cycles
    pickler.dump(cache)
    atomic_write(Path(out) / CACHE, buf.getvalue())


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
