"""The preview learns of an edit at once, instead of at MkDocs' next poll.

``mkdocs serve`` notices changes by polling: every half second it lists and stats every
file under ``docs/`` and the other watched paths (on the dev collection ``docs/`` and
``seeds/`` hold some 1,700 files, about 25 ms a round). An edit therefore waits a quarter
of a second on average before the rebuild starts, which is a good part of what a
maintainer waits for after saving one article.

Where the operating system can report changes itself (inotify on Linux), the folders the
preview watches are watched that way; polling stays for what inotify would miss:
single files (an editor that saves by renaming a new file into place ends a watch on the
old one) and folders holding symbolic links (a change to a link's target is not an event
of the folder). Where inotify is missing, or a folder would pass the system's limit of
watches, that folder is polled as before.

The server MkDocs made is replaced in ``on_serve`` by one of the same class, address and
site folder whose ``watch`` chooses the observer; nothing of MkDocs' rebuild loop changes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

_LOG = logging.getLogger("mkdocs.opskb")


def _notifier():
    """An observer that is told of changes by the system, or None where there is none.
    It reports changes only: MkDocs rebuilds on any event it is given, and inotify also
    reports a file opened or read (the build reads every page and seed)."""
    try:
        from watchdog.events import (
            DirCreatedEvent,
            DirDeletedEvent,
            DirMovedEvent,
            FileClosedEvent,
            FileCreatedEvent,
            FileDeletedEvent,
            FileModifiedEvent,
            FileMovedEvent,
        )
        from watchdog.observers.inotify import InotifyObserver
    except (ImportError, OSError):
        return None
    changes = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
               DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

    class Notifier(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter or changes, follow_symlink=follow_symlink)

    return Notifier()


def notifiable(path: str | os.PathLike) -> bool:
    """A folder whose changes the system reports: one with no symbolic link inside."""
    path = Path(path)
    if path.is_symlink() or not path.is_dir():
        return False
    for _root, dirs, files in os.walk(path):
        for name in dirs + files:
            if os.path.islink(os.path.join(_root, name)):
                return False
    return True


class PromptServer(LiveReloadServer):
    """MkDocs' preview server whose watched folders are reported by the system when they can be."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notifier = _notifier()

    def _on(self, observer, call, path: str, **kwargs) -> None:
        polling, self.observer = self.observer, observer
        try:
            call(path, **kwargs)
        finally:
            self.observer = polling

    @staticmethod
    def _holds(observer, key: str) -> bool:
        return observer is not None and any(os.path.abspath(e.watch.raw_path) == key for e in observer.emitters)

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        key = os.path.abspath(path)
        if self._holds(self.notifier, key) or (not self._holds(self.observer, key) and self._can_notify(key, recursive)):
            self._on(self.notifier, super().watch, path, func=func, recursive=recursive)
        else:
            super().watch(path, func, recursive=recursive)

    def _can_notify(self, path: str, recursive: bool) -> bool:
        """A folder the notifier can take: tried with a watch of its own first, because the
        system's limit of watches shows only when one is added."""
        if self.notifier is None or not notifiable(path):
            return False
        from watchdog.events import FileSystemEventHandler

        try:
            trial = self.notifier.schedule(FileSystemEventHandler(), path, recursive=recursive)
        except OSError as exc:
            _LOG.warning(f"opskb：{path} 无法使用系统的文件变动通知（{exc}），改为定时检查")
            return False
        self.notifier.unschedule(trial)
        return True

    def unwatch(self, path: str) -> None:
        if self._holds(self.notifier, os.path.abspath(path)):
            self._on(self.notifier, super().unwatch, path)
        else:
            super().unwatch(path)

    def serve(self, *, open_in_browser: bool = False) -> None:
        if self.notifier is not None and self.notifier.emitters:
            self.notifier.start()
        super().serve(open_in_browser=open_in_browser)

    def shutdown(self, wait: bool = False) -> None:
        if self.notifier is not None and self.notifier.is_alive():
            self.notifier.stop()
            if wait:
                self.notifier.join()
        super().shutdown(wait=wait)


def prompt_server(server: LiveReloadServer, builder) -> LiveReloadServer:
    """``server`` (not serving yet) as a PromptServer watching what it watched."""
    if isinstance(server, PromptServer) or type(server) is not LiveReloadServer:
        return server  # already ours, or another plugin's own server: left as it is
    host, port = server.server_address[:2]
    fresh = PromptServer(builder=builder, host=host, port=port, root=server.root, mount_path=server.mount_path)
    fresh.error_handler = server.error_handler
    for emitter in sorted(server.observer.emitters, key=lambda e: e.watch.raw_path):
        fresh.watch(emitter.watch.raw_path, recursive=emitter.watch.is_recursive)
    server.server_close()  # its socket was made, never bound
    return fresh
