"""``opskb serve``: ``mkdocs serve`` with its throwaway site in memory when the machine offers that.

MkDocs builds the preview into a fresh temporary folder (``tempfile.mkdtemp``, before any
plugin or hook runs) and, after every change, empties it and writes every page again: on
the dev collection 857 pages and the search index, about half a second on a disk-backed
/tmp and a few hundredths on tmpfs. So when TMPDIR is not set, the preview's temporary
folder goes to a memory-backed one (the user's runtime folder, or /dev/shm) that is
writable and has room to spare; otherwise MkDocs' default stays. ``make serve`` and the
bench's preview timing both start the preview through here.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

MIN_FREE = 1 << 30  # a site of a few thousand articles takes a few hundred MB at most
RAM_FOLDERS = ("XDG_RUNTIME_DIR", "/dev/shm")


def _room(folder: str) -> bool:
    try:
        return (Path(folder).is_dir() and os.access(folder, os.W_OK | os.X_OK)
                and shutil.disk_usage(folder).free >= MIN_FREE)
    except OSError:
        return False


def preview_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` for mkdocs serve: TMPDIR as given, or a memory-backed folder with room."""
    if env.get("TMPDIR"):
        return dict(env)
    for name in RAM_FOLDERS:
        folder = env.get(name, "") if not name.startswith("/") else name
        if folder and _room(folder):
            return {**env, "TMPDIR": folder}
    return dict(env)


def command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", *args]


def serve(args: list[str]) -> None:
    """Become ``mkdocs serve ARGS`` (same process: Ctrl-C and exit status are MkDocs' own)."""
    cmd = command(args)
    os.execve(cmd[0], cmd, preview_env(dict(os.environ)))
