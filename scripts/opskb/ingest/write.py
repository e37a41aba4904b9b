"""The only code that touches the output folder.

What ingest generated is listed in a manifest (``.opskb-manifest.json`` in the output
folder; MkDocs ignores dot files). Pages are written only where their bytes change; a
page that is no longer produced is removed, and nothing else ever is. Every check runs
before the first write.

A run that dies at any moment (SIGKILL, a closed laptop, a cancelled CI job, Ctrl-C) is
recovered by the next one, with no manual step:

1. **One writer at a time.** A run holds ``.opskb-lock`` in the output folder with
   flock(2) from before it reads the folder until it is done. The kernel drops the lock
   when the process ends, however it ends, so a killed run never blocks the next one.
   A second run (another ``opskb ingest``, or the MkDocs hook) prints one line and waits,
   and after ``OPSKB_LOCK_WAIT`` seconds (default 600) stops with ``OutputBusy``.
2. **Intent first.** Before its first change a run writes ``.opskb-journal.json``: the
   files it owned when it started (with their digests) and every file it is about to
   write (with the digest of the new bytes). Then each page is replaced atomically
   (a temporary ``.NAME.opskb-*.tmp`` beside it, renamed over it), stale pages are
   removed, the manifest is written, and only then the journal is removed.
3. **Recovery.** A run that finds a journal knows the last one died while writing. A
   listed file that holds the bytes the journal promised was written by that run, and
   is ours like the manifest's files; temporary files it left are removed. The run then
   goes on as usual, so its output is byte for byte what a run on a clean folder gives.
   A file in neither list, or holding bytes no run of ours wrote there, belongs to
   someone else: it is never overwritten or deleted.

The per-process lock is re-entrant, so ``ingest()`` can hold it around its page writes
and its cache while ``write_pages`` takes it too.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MANIFEST = ".opskb-manifest.json"
JOURNAL = ".opskb-journal.json"
LOCK = ".opskb-lock"
TMP_MARK = ".opskb-"  # temporary files are named .NAME.opskb-XXXX.tmp
DEFAULT_LOCK_WAIT = 600.0


class OutputConflict(Exception):
    pass


class OutputBusy(OutputConflict):
    """Another run held the output folder for longer than we were willing to wait."""


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    recovered: bool = False  # a run that died while writing was cleaned up first


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes())
    except OSError:
        return None


def _load(path: Path, key: str) -> dict[str, set[str]]:
    """{file: digests} from a manifest or journal section; {} when it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8")).get(key, {})
        return {str(k): {str(d) for d in (v if isinstance(v, list) else [v])} for k, v in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def load_manifest(out: Path) -> dict[str, str]:
    return {rel: min(ds) for rel, ds in _load(Path(out) / MANIFEST, "files").items()}


def intact(out: Path, digests: dict[str, str]) -> dict[str, str] | None:
    """The pages under ``out`` as text when the folder holds exactly what a finished run
    wrote: no journal of a run that died, a manifest listing ``digests`` ({path: digest})
    and every file still holding those bytes. None otherwise."""
    out = Path(out)
    if (out / JOURNAL).exists() or load_manifest(out) != digests:
        return None
    pages = {}
    for rel, digest in digests.items():
        try:
            data = (out / rel).read_bytes()
        except OSError:
            return None
        if _digest(data) != digest:
            return None
        pages[rel] = data.decode("utf-8")
    return pages


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- crash points for the tests

_CHANGES = 0


def _changed() -> None:
    """Counts changes to the output folder. With ``OPSKB_CRASH_AFTER=N`` the process kills
    itself with SIGKILL (or ``OPSKB_CRASH_SIGNAL``, e.g. INT) after its N-th change: the
    kill tests stop a real run at every point of its write phase, not only where a timer
    happens to land."""
    global _CHANGES
    _CHANGES += 1
    limit = os.environ.get("OPSKB_CRASH_AFTER")
    if limit and _CHANGES == int(limit):
        os.kill(os.getpid(), getattr(signal, "SIG" + os.environ.get("OPSKB_CRASH_SIGNAL", "KILL")))


def atomic_write(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """``data`` (or what ``data(file)`` writes: a large pickle goes straight to the file)
    written beside ``path`` and renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TMP_MARK}", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _changed()


def _unlink(path: Path) -> None:
    path.unlink()
    _changed()


def _remove_temporaries(folder: Path, ours: Callable[[str], bool]) -> None:
    """Temporary files an interrupted atomic_write left for the file names ``ours`` accepts."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for p in entries:
        n = p.name
        if n.startswith(".") and n.endswith(".tmp") and TMP_MARK in n and ours(n[1:n.rindex(TMP_MARK)]):
            p.unlink(missing_ok=True)


# ---------------------------------------------------------------- one writer at a time

_HELD: dict[str, list] = {}  # resolved folder -> [file object, depth]


@contextlib.contextmanager
def output_lock(out: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the output folder's lock for the block. Re-entrant within a process."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = str(out.resolve())
    if key in _HELD:
        _HELD[key][1] += 1
        try:
            yield
        finally:
            _HELD[key][1] -= 1
        return
    fh = open(out / LOCK, "a+b")  # noqa: SIM115  (held until the block ends)
    try:
        _acquire(fh, out, on_wait)
        _HELD[key] = [fh, 1]
        try:
            yield
        finally:
            del _HELD[key]
            fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        fh.close()


def _acquire(fh, out: Path, on_wait: Callable[[str], None] | None) -> None:
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    wait = float(os.environ.get("OPSKB_LOCK_WAIT", DEFAULT_LOCK_WAIT))
    say = on_wait or (lambda line: print(line, file=sys.stderr, flush=True))
    say(f"opskb: 另一个 opskb 正在写入 {out}，等它结束（最多 {wait:g} 秒）…")
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise OutputBusy(
                    f"{out}：另一个 opskb 仍在写入，等了 {wait:g} 秒仍未结束，本次未写入任何文件"
                    "（可设置 OPSKB_LOCK_WAIT 调整等待秒数）"
                ) from None
            time.sleep(0.1)


# ---------------------------------------------------------------- recovery


def _owned(out: Path) -> tuple[dict[str, set[str]], bool]:
    """{file: digests that file may hold as ours}, and whether a dead run was recovered."""
    owned = _load(out / MANIFEST, "files")
    # our own state files (manifest, journal, cache) may have been cut short at any time
    _remove_temporaries(out, lambda name: name.startswith(".opskb-"))
    journal = out / JOURNAL
    if not journal.exists():
        return owned, False
    before = _load(journal, "owned")
    writing = {rel: min(ds) for rel, ds in _load(journal, "writing").items()}
    for rel, ds in before.items():
        owned.setdefault(rel, set()).update(ds)
    for rel, d in writing.items():
        # the dead run wrote it when it holds exactly the bytes it promised
        if rel in owned or _file_digest(out / rel) == d:
            owned.setdefault(rel, set()).add(d)
    listed = [Path(rel) for rel in [*writing, *before]]
    names = {p.name for p in listed}
    for folder in {out / p.parent for p in listed}:
        _remove_temporaries(folder, names.__contains__)
    return owned, True


# ---------------------------------------------------------------- writing


def write_pages(out: Path, pages: dict[str, str], prune: bool = True) -> WriteResult:
    """Write ``pages`` ({relative path: text}) under ``out``. With ``prune``, the set is
    complete: generated files that are no longer in it are removed. Without, only the
    given files are updated and the rest of the manifest is kept."""
    out = Path(out)
    with output_lock(out):
        return _write_locked(out, pages, prune)


def _write_locked(out: Path, pages: dict[str, str], prune: bool) -> WriteResult:
    owned, recovered = _owned(out)
    encoded = {rel: text.encode("utf-8") for rel, text in sorted(pages.items())}
    new = {rel: _digest(data) for rel, data in encoded.items()}

    # Checks first: never overwrite a file we did not generate.
    for rel in encoded:
        target = out / rel
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise OutputConflict(f"{rel}：页面路径越出输出目录")
        if rel not in owned and (target.exists() or target.is_symlink()):
            raise OutputConflict(f"{target}：已存在且不是 opskb 生成的文件，未覆盖（请改名或删除后重试）")

    result = WriteResult(recovered=recovered)
    changes = {rel: data for rel, data in encoded.items() if _file_digest(out / rel) != new[rel]}
    result.unchanged = [rel for rel in encoded if rel not in changes]
    stale = sorted(set(owned) - set(encoded)) if prune else []
    # only a stale file that still holds what we wrote goes: one edited by hand stays
    stale = [rel for rel in stale if _file_digest(out / rel) in owned[rel]]

    files = dict(new) if prune else {**{rel: _one(out / rel, ds) for rel, ds in owned.items()}, **new}
    manifest = {"generator": "opskb", "files": dict(sorted(files.items()))}
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    manifest_changed = _file_digest(out / MANIFEST) != _digest(manifest_bytes)
    if not (changes or stale or manifest_changed or recovered):
        return result

    journal = {
        "generator": "opskb",
        "owned": {rel: sorted(ds) for rel, ds in sorted(owned.items())},
        "writing": {rel: new[rel] for rel in sorted(changes)},
    }
    atomic_write(out / JOURNAL, (json.dumps(journal, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    for rel, data in changes.items():
        atomic_write(out / rel, data)
        result.written.append(rel)
    for rel in stale:
        _unlink(out / rel)
        result.deleted.append(rel)
    if manifest_changed:
        atomic_write(out / MANIFEST, manifest_bytes)
    _unlink(out / JOURNAL)
    return result


def _one(path: Path, ours: set[str]) -> str:
    """The digest to list for a file we own: what it holds if that is ours, else one we wrote."""
    d = _file_digest(path)
    return d if d in ours else min(ours)
