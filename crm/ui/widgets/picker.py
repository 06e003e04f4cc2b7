"""`RecordPicker`: choose one record (an organization, a contact, an event) by typing its name.

Typing runs the accent-insensitive search for that kind and offers the matches; the picked
record's id is `value()`. Emptying the box clears the choice.

Signals: `changed()` when the chosen record changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from crm.db import search
from crm.db.database import Database

IdRole = Qt.ItemDataRole.UserRole + 1


class RecordPicker(QLineEdit):
    changed = Signal()

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self._id: int | None = None
        self._title = ""
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setWidget(self)
        # The QModelIndex overload of the signal, which PySide6's stubs cannot index.
        self.completer_.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)

    def value(self) -> int | None:
        return self._id

    def set_value(self, record_id: int | None, title: str = "") -> None:
        self._id = record_id
        self._title = title if record_id is not None else ""
        self.setText(self._title)

    def _typed(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            if self._id is not None:
                self._id = None
                self._title = ""
                self.changed.emit()
            return
        with self.db.read() as session:
            hits = search.search(session, text, limit=15, kinds=[self.kind])
        for hit in hits:
            item = QStandardItem(hit.title if not hit.subtitle else f"{hit.title} — {hit.subtitle}")
            item.setData(hit.record_id, IdRole)
            item.setData(hit.title, Qt.ItemDataRole.UserRole + 2)
            self.matches.appendRow(item)
        if hits:
            self.completer_.complete()

    def _picked(self, index: QModelIndex) -> None:
        self.set_value(int(index.data(IdRole)), str(index.data(Qt.ItemDataRole.UserRole + 2)))
        self.changed.emit()

    def _finished(self) -> None:
        # Typing without picking leaves the previous choice in place.
        popup = self.completer_.popup()
        if self.text() != self._title and not (popup is not None and popup.isVisible()):
            self.setText(self._title)
