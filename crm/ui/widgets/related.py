"""`RelatedPanel`: the records related to an organization or a contact, grouped by kind.

Reads `crm.services.related.related` (plain rows) and shows one section per kind (contacts,
introductions, follow-ups, events, interactions as a dated timeline, newest first); a
double-click or Enter on a row asks to open that record.

Signals: `openRequested(str kind, int id)`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.db.database import Database
from crm.services import related
from crm.ui import labels
from crm.ui.kinds import ICONS
from crm.ui.resources import icon

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

# The vocabulary each section's `detail` word belongs to (contacts show their job title).
DETAIL_ENUMS = {
    "introduction": "IntroductionStage",
    "followup": "FollowUpStatus",
    "event": "EventKind",
    "interaction": "InteractionKind",
}


def when_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = value.astimezone()
        return QLocale().toString(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)),
            QLocale.FormatType.ShortFormat,
        )
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def section_titles() -> dict[str, str]:
    """Each section's heading (a record kind, in the plural)."""
    return {
        "contact": QCoreApplication.translate("RelatedPanel", "Contacts"),
        "introduction": QCoreApplication.translate("RelatedPanel", "Introductions"),
        "followup": QCoreApplication.translate("RelatedPanel", "Follow-ups"),
        "event": QCoreApplication.translate("RelatedPanel", "Events"),
        "interaction": QCoreApplication.translate("RelatedPanel", "Interactions"),
    }


class RelatedPanel(QWidget):
    openRequested = Signal(str, int)

    def __init__(self, db: Database, kind: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self.db = db
        self.kind = kind
        self.record_id = record_id
        self.rows: list[related.RelatedRow] = []
        self.heading = QLabel(self, objectName="relatedHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.tree = QTreeWidget(self, objectName="relatedTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 150)
        header.resizeSection(2, 150)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as session:
            self.rows = related.related(session, self.kind, self.record_id)
        self._fill()

    def _fill(self) -> None:
        self.heading.setText(QCoreApplication.translate("RelatedPanel", "Related records"))
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("RelatedPanel", "Date"),
                QCoreApplication.translate("RelatedPanel", "Record"),
                QCoreApplication.translate("RelatedPanel", "State"),
            ]
        )
        self.tree.clear()
        titles = section_titles()
        for section in related.RELATED_SECTIONS:
            if section == "contact" and self.kind != "organization":
                continue
            rows = [r for r in self.rows if r.section == section]
            top = QTreeWidgetItem([f"{titles[section]} ({len(rows)})", "", ""])
            top.setFirstColumnSpanned(True)
            top.setIcon(0, icon(ICONS.get(section, section)))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for row in rows:
                enum = DETAIL_ENUMS.get(row.section)
                detail = labels.enum_label(enum, row.detail) if enum and row.detail else row.detail
                item = QTreeWidgetItem([when_text(row.when), row.title, detail])
                item.setToolTip(1, row.title)
                item.setData(0, KindRole, row.kind)
                item.setData(0, IdRole, row.id)
                top.addChild(item)
            top.setExpanded(bool(rows))

    def items(self, section: str) -> list[QTreeWidgetItem]:
        """The row items of one section (for tests and automation)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            first = top.child(0) if top is not None else None
            if top is not None and first is not None and first.data(0, KindRole) == section:
                return [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        return []

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind: Any = item.data(0, KindRole)
        record_id: Any = item.data(0, IdRole)
        if kind and record_id is not None:
            self.openRequested.emit(str(kind), int(record_id))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)
