"""Live updates in the window: what another desk commits to the same database reaches the
pages within about a second, without disturbing what the user is typing.

A `LiveUpdates` runs a `crm.db.live.Watcher` on a thread of its own (a lost team server must
never freeze the window). Each change heard becomes a quiet `Changes` on the session's hub
(`source=REMOTE`): the pages showing those kinds re-read their page of rows, the status bar
says nothing, and an open editor whose record changed says who changed it (see
`crm.ui.widgets.changed_elsewhere`). The desk's own notices (PostgreSQL) are recognized by
their origin and dropped; SQLite cannot tell, so its own writes cost one extra re-read.

A dropped server connection is said in the status bar (`lost`), retried every few seconds,
and said again when it is back (`back`); then every page re-reads, since changes may have
been missed meanwhile.

Signals: `lost(str detail)`, `back()`.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from crm.ui.changes import KINDS, REMOTE, changes
from crm.ui.context import DeskContext

WAIT_SECONDS = 0.5  # each wait's length: how soon a stop is noticed
RETRY_SECONDS = 3.0


class LiveUpdates(QObject):
    lost = Signal(str)
    back = Signal()
    _heard = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stop = stop = threading.Event()
        # A window deleted without being closed takes this object with it: the thread stops.
        self.destroyed.connect(lambda *_: stop.set())
        self._heard.connect(self._announce)  # queued: emitted on the watching thread
        self._thread = threading.Thread(target=self._watch, name="live-updates", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening (the window closes); returns once the thread has ended."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _watch(self) -> None:
        watcher: Any = None
        was_lost = False
        while not self._stop.is_set():
            try:
                if watcher is None:
                    watcher = self.ctx.db.watcher()
                    if was_lost:
                        was_lost = False
                        self._tell(self.back)
                        self._tell(self._heard, None)  # anything may have changed meanwhile
                change = watcher.wait(WAIT_SECONDS)
            except Exception as exc:  # the server went away, the file was replaced...
                if watcher is not None:
                    watcher.close()
                    watcher = None
                if not was_lost:
                    was_lost = True
                    self._tell(
                        self.lost, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    )
                self._stop.wait(RETRY_SECONDS)
                continue
            if change is not None:
                self._tell(self._heard, change)
        if watcher is not None:
            watcher.close()

    def _tell(self, signal: Any, *args: Any) -> None:
        """Emit on the window's side; a window deleted meanwhile ends the listening."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            self._stop.set()

    def _announce(self, change: Any) -> None:
        if change is not None and change.origin and change.origin == self.ctx.db.origin:
            return  # this desk's own write, already announced by the write itself
        kinds = KINDS if change is None or change.kinds is None else change.kinds
        self.ctx.changes.announce(changes(kinds, source=REMOTE, quiet=True))
