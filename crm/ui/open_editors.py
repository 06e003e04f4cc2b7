"""The record editors on screen, one per record: asking again for a record already open
raises its editor instead of opening a second one (two copies of one record would make the
user's second save a "someone else saved this record" conflict with themselves).

Every way of opening a record (lists, board, search box, links) goes through the main
window's `open_record`: an organization, a contact, an introduction or an event opens on its
record page, kept once per record by `crm.ui.navigation.RecordPages`; a follow-up or an
interaction opens in its editor, and `OpenEditors` is asked first. Editors of new records
have no id yet and are not kept here (they close when saved).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class OpenEditors:
    """Open editors by (kind, id); an editor leaves when it is closed (finished)."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, int], QDialog] = {}

    def find(self, kind: str, record_id: int | None) -> QDialog | None:
        if record_id is None:
            return None
        return self._open.get((kind, record_id))

    def add(self, kind: str, record_id: int | None, editor: QDialog) -> None:
        if record_id is None:
            return
        key = (kind, record_id)
        self._open[key] = editor
        editor.finished.connect(lambda _result: self._drop(key, editor))
        editor.destroyed.connect(lambda *_: self._open.pop(key, None))

    def _drop(self, key: tuple[str, int], editor: QDialog) -> None:
        if self._open.get(key) is editor:
            del self._open[key]

    def __len__(self) -> int:
        return len(self._open)

    @staticmethod
    def bring_forward(editor: QDialog) -> None:
        """Show the editor above the others, with the keyboard focus."""
        if editor.isMinimized():
            editor.showNormal()
        editor.show()
        editor.raise_()
        editor.activateWindow()
