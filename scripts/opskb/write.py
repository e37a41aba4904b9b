"""The only code that touches the output folder.

Pages are written only where their bytes change. A manifest (``.opskb-manifest.json``
in the output folder; MkDocs ignores dot files) lists what ingest generated, so
a page that is no longer produced is removed and nothing else ever is. Every
check runs before the first write, and each file is replaced atomically, so a
failed run leaves the previous output as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".opskb-manifest.json"


class OutputConflict(Exception):
    pass


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_pages(out: Path, pages: dict[str, str], prune: bool = True) -> WriteResult:
    """Write ``pages`` ({relative path: text}) under ``out``. With ``prune``, the set is
    complete: generated files that are no longer in it are removed. Without, only the
    given files are updated and the rest of the manifest is kept."""
    out = Path(out)
    previous = load_manifest(out)
    encoded = {rel: text.encode("utf-8") for rel, text in sorted(pages.items())}

    # Checks first: never overwrite a file we did not generate.
    for rel in encoded:
        target = out / rel
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise OutputConflict(f"{rel}：页面路径越出输出目录")
        if target.exists() and rel not in previous:
            raise OutputConflict(f"{target}：已存在且不是 opskb 生成的文件，未覆盖（请改名或删除后重试）")

    result = WriteResult()
    for rel, data in encoded.items():
        target = out / rel
        try:
            same = target.read_bytes() == data
        except OSError:
            same = False
        if same:
            result.unchanged.append(rel)
        else:
            atomic_write(target, data)
            result.written.append(rel)

    stale = sorted(set(previous) - set(encoded)) if prune else []
    for rel in stale:
        target = out / rel
        # only if it still holds what we wrote: a file edited by hand is left alone
        try:
            if _digest(target.read_bytes()) == previous[rel]:
                target.unlink()
                result.deleted.append(rel)
        except OSError:
            pass

    files = {} if prune else dict(previous)
    files.update({rel: _digest(data) for rel, data in encoded.items()})
    manifest = {"generator": "opskb", "files": dict(sorted(files.items()))}
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    path = out / MANIFEST
    try:
        current = path.read_bytes()
    except OSError:
        current = b""
    if current != manifest_bytes:
        atomic_write(path, manifest_bytes)
    return result
