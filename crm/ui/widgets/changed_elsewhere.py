"""The line above an open record that says another desk saved it since it was read.

Live updates (crm.ui.live) announce other desks' changes; when one touches the kind of the
open record, this asks the service whether the record's version moved since the editor read
it and, if so, says who saved it and when. What the user typed stays as typed: saving over
the newer copy is still refused (or offered to reload or overwrite) as before.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QWidget

from crm.ui.changes import REMOTE, Changes
from crm.ui.context import DeskContext
from crm.ui.kinds import SERVICES


class OpenRecord(Protocol):
    """What the banner asks its editor: the record's id and the version it read (None while
    new or loading), whether the user changed something, and how to read the record again."""

    record_id: int | None
    version: int | None
    embedded: bool

    def is_dirty(self) -> bool: ...

    def load(self) -> None: ...


class ChangedElsewhere(QLabel):
    def __init__(self, ctx: DeskContext, kind: str, editor: QWidget) -> None:
        """A child of `editor` (an `OpenRecord`): it asks its parent, never holds it, so the
        editor's wrapper goes with the editor."""
        super().__init__(editor)
        self.setObjectName("changedElsewhere")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fdf2d0; color: #5a4500; padding: 4px;")
        self.hide()
        self.ctx, self.kind = ctx, kind
        ctx.changes.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        editor: OpenRecord = self.parent()  # type: ignore[assignment]
        record_id, version = editor.record_id, editor.version
        if record_id is None or version is None:
            return
        if changes.source != REMOTE:
            if self.isVisible() and self._newer(record_id, version) is None:
                self.hide()  # read again or saved since: the line no longer holds
            return
        if self.kind not in changes.kinds:
            return
        if not editor.is_dirty():
            # Nothing typed to keep: show the newer copy (a record page reads it itself).
            self.hide()
            if not editor.embedded:
                editor.load()
            return
        newer = self._newer(record_id, version)
        if newer is None:
            return
        at = newer.at if newer.at.tzinfo else newer.at.replace(tzinfo=UTC)  # stored in UTC
        when = at.astimezone().strftime("%H:%M")
        who = newer.user or self.tr("someone")
        text = self.tr(
            "%1 saved this record at %2, after you opened it. What you typed is kept; "
            "saving will ask before writing over their change."
        )
        self.setText(text.replace("%1", who).replace("%2", when))
        self.show()

    def _newer(self, record_id: int, version: int) -> Any:
        with self.ctx.db.read() as session:  # one row and one audit entry
            return SERVICES[self.kind].changed_since(session, record_id, version)
