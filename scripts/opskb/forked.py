"""Work done meanwhile by a forked copy of this process, on the machine's other core.

A fork holds everything this process holds at that moment (the articles, a build's
configuration and pages) without sending any of it, so a share of work that reads much and
returns little (the knowledge figures of half the articles, half the pages' converted
Markdown) goes to a copy at the cost of its answer only. Forking is safe only while this
process runs one thread, on a system whose fork copies a process (Linux); elsewhere, and
for small jobs, the work stays here. A copy that fails costs only its share's time: its
result is None, and the caller computes that share itself.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable


def usable() -> bool:
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


class Forked:
    """A forked copy that runs ``work`` and hands back what it returns, pickled through a
    pipe (``result``: None when it failed). The copy logs nothing itself and never returns
    into the caller's code."""

    def __init__(self, work: Callable[[], object]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            code = 1
            try:
                _quiet()
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException:
                data = b""
            try:
                with os.fdopen(write, "wb") as out:
                    out.write(data)
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self.fd = pid, read
        self._done = False

    def result(self):
        """The copy's answer (waiting for it), once; None when it failed or was asked before."""
        if self._done:
            return None
        self._done = True
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        _pid, status = os.waitpid(self.pid, 0)
        if status != 0 or not data:
            return None
        try:
            return pickle.loads(data)
        except Exception:
            return None


def _quiet() -> None:
    """The copy's messages are its caller's to give (a conversion's warnings are re-logged
    with its result), not printed twice."""
    for name in (None, "mkdocs"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
