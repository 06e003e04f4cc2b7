"""What a write changed, and where that is announced: `Changes` and `ChangeHub`.

Every write of the windows (`crm.ui.operations.write`) announces the record kinds it
changed on the session's hub (`DeskContext.changes`); each page re-reads only when a kind it
shows changed (Anki's `OpChanges`).

Signals of `ChangeHub`: `changed(Changes)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

#: Every record kind the pages show (the `kind` of the services in `crm.ui.kinds`).
KINDS = frozenset(
    ("organization", "contact", "introduction", "followup", "event", "interaction", "tag")
)


@dataclass(frozen=True)
class Changes:
    """What a write changed: record `kinds`, the widget that asked (`source`), and what the
    status bar says of it: `undo` (an `UndoEntry`), or None for an action it does not take
    back; `undone` when the change was an Undo (the bar said it itself); `quiet` when no
    action happened (a write refused over a stale copy: the pages only re-read)."""

    kinds: frozenset[str]
    source: object | None = None
    undo: Any = None
    undone: bool = False
    quiet: bool = False

    @property
    def said(self) -> bool:
        """Whether the status bar has to say this change (an action, not an undo)."""
        return not (self.undone or self.quiet)

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)


def changes(kinds: Iterable[str], **kwargs: Any) -> Changes:
    return Changes(frozenset(kinds), **kwargs)


#: The `source` of a change another desk committed (crm.ui.live).
REMOTE = "another desk"

#: Anything may have changed (an import, a restored backup, the demo data).
EVERYTHING = Changes(KINDS)


class ChangeHub(QObject):
    """Where writes are announced; one per desk session (`DeskContext.changes`).

    Signals: `changed(Changes)`.
    """

    changed = Signal(object)

    def announce(self, done: Changes) -> None:
        self.changed.emit(done)
