"""The export log: every CSV file that left the desk — who, when, profile, recipient, filter,
columns, row count, SHA-256 — newest first, read-only (a window of its own)."""

from __future__ import annotations

import json

from PySide6.QtCore import QDateTime, QEvent, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.services import csv_export
from crm.ui.context import DeskContext
from crm.ui.widgets.empty import EmptyState


class ExportLogDialog(QDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportLogDialog")
        self.ctx = ctx
        self.intro = QLabel(self, objectName="exportLogIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 9, self, objectName="exportLogTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Nothing exported yet: say what the log is for and offer the first export.
        self.empty = EmptyState(self, name="exportLogEmpty")
        self.empty.actionRequested.connect(self._export)
        self.body = QStackedWidget(self, objectName="exportLogBody")
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.rows: list[csv_export.LogRow] = []
        self.refresh()
        self.resize(1100, 480)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export log"))
        self.intro.setText(
            self.tr(
                "Every CSV file written for a partner, newest first. The SHA-256 identifies the exact file that was sent."
            )
        )
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Staff user"), self.tr("Records"), self.tr("Rows"),
            self.tr("Profile"), self.tr("Recipient"), self.tr("Filter"), self.tr("File"), self.tr("SHA-256"),
        ])  # fmt: skip

    def _export(self, _key: str) -> None:
        """The empty log's "Export a list…": the window's File › Export, this log closed."""
        window = self.parent()
        export = getattr(window, "export_csv", None)
        self.accept()
        if export is not None:
            export()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def describe_filter(self, row: csv_export.LogRow) -> str:
        try:
            described = json.loads(row.filter or "{}")
        except ValueError:
            return row.filter
        parts = [f"{k}={v}" for k, v in (described.get("filters") or {}).items()]
        if described.get("text"):
            parts.append(f"“{described['text']}”")
        if described.get("selected") is not None:
            parts.append(self.tr("%n selected", "", int(described["selected"])))
        if row.included_without_consent:
            parts.append(self.tr("including people without consent"))
        elif described.get("excluded_without_consent"):
            parts.append(
                self.tr(
                    "%n left out without consent", "", int(described["excluded_without_consent"])
                )
            )
        return ", ".join(parts) or self.tr("whole list")

    def refresh(self) -> None:
        self.retranslate()
        with self.ctx.db.read() as session:
            self.rows = csv_export.export_log(session)
        locale = QLocale()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            when = (
                locale.toString(QDateTime(row.at.astimezone()), QLocale.FormatType.ShortFormat)
                if row.at
                else ""
            )
            cells = (when, row.user, row.entity, f"{row.row_count:,}", row.profile, row.recipient,
                     self.describe_filter(row), row.file_name, row.sha256)  # fmt: skip
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.rows:
            self.body.setCurrentWidget(self.table)
            return
        self.empty.show_state(
            self.tr("No file has left the desk yet"),
            self.tr("Each CSV file exported for a partner is recorded here: who, when, which records, for whom, and its SHA-256. Backups are listed too."),
            [("export", self.tr("Export a list…"))],
            picture="open",
        )  # fmt: skip
        self.body.setCurrentWidget(self.empty)
