"""`RecordPicker`: choose one record (an organization, a contact, an event) by typing its name.

Typing runs the accent-insensitive search for that kind and offers the matches; the picked
record's id is `value()`. Emptying the box clears the choice. When the picker knows the
acting staff user, an organization or a contact that does not exist yet is offered for
creation ("Create organization “Acme”"), through the service, with `create_values` (e.g.
the territory of the side it is picked for), and is then picked.

Signals: `changed()` when the chosen record changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from crm.db import search
from crm.db.database import Database
from crm.domain.errors import DeskError
from crm.domain.text import fold
from crm.ui import messages
from crm.ui.kinds import ICONS, SERVICES
from crm.ui.resources import icon
from crm.ui.widgets.search import localized_subtitle

IdRole = Qt.ItemDataRole.UserRole + 1
TitleRole = Qt.ItemDataRole.UserRole + 2
CreateRole = Qt.ItemDataRole.UserRole + 3
CREATABLE = ("organization", "contact")
POPUP_WIDTH = 460


class RecordPicker(QLineEdit):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        kind: str,
        parent: QWidget | None = None,
        *,
        actor_id: int | None = None,
        create_values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.actor_id = actor_id
        self.create_values = dict(create_values or {})
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

    def can_create(self) -> bool:
        return self.actor_id is not None and self.kind in CREATABLE

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
            subtitle = localized_subtitle(hit.subtitle)
            shown = f"{hit.title} — {subtitle}" if subtitle else hit.title
            item = QStandardItem(icon(ICONS.get(self.kind, "search")), shown)  # rows of one height
            item.setData(hit.record_id, IdRole)
            item.setData(hit.title, TitleRole)
            self.matches.appendRow(item)
        name = " ".join(text.split())
        if self.can_create() and all(fold(h.title) != fold(name) for h in hits):
            self.matches.appendRow(self._create_item(name))
        if self.matches.rowCount():
            # Wider than a form field: the subtitles ("Biotech · Montréal") are worth reading.
            self.completer_.complete(QRect(0, 0, max(self.width(), POPUP_WIDTH), self.height()))

    def _create_item(self, name: str) -> QStandardItem:
        if self.kind == "organization":
            text = QCoreApplication.translate("RecordPicker", "Create organization “%1”")
        else:
            text = QCoreApplication.translate("RecordPicker", "Create contact “%1”")
        item = QStandardItem(icon("add"), text.replace("%1", name))
        item.setData(name, CreateRole)
        return item

    def _picked(self, index: QModelIndex) -> None:
        name = index.data(CreateRole)
        if name:
            self.create_typed(str(name))
            return
        self.set_value(int(index.data(IdRole)), str(index.data(TitleRole)))
        self.changed.emit()

    def create_typed(self, name: str) -> int | None:
        """Create the organization or contact named `name` and pick it; None if refused."""
        from crm.ui.errors import error_text

        if self.kind == "organization":
            values: dict[str, Any] = {"name": name}
        else:
            first, _, last = name.rpartition(" ")
            values = {"first_name": first, "last_name": last}
        try:
            with self.db.write() as session:
                record = SERVICES[self.kind].create(
                    session, self.actor_id, {**values, **self.create_values}
                )
                record_id = int(record.id)
        except DeskError as exc:
            title = QCoreApplication.translate("RecordPicker", "Cannot create “%1”")
            messages.error(self, title.replace("%1", name), error_text(exc))
            self.setText(self._title)
            return None
        self.set_value(record_id, name)
        self.changed.emit()
        return record_id

    def _finished(self) -> None:
        # Typing without picking leaves the previous choice in place.
        popup = self.completer_.popup()
        if self.text() != self._title and not (popup is not None and popup.isVisible()):
            self.setText(self._title)
