"""The export log: every CSV file that left the desk — who, when, profile, recipient, filter,
columns, row count, SHA-256 — newest first, read-only (a window of its own). The selected
entry's options (columns, header language, delimiter, encoding, consent, free text) and the
records its file named (kind, name as the desk shows it now, uid) are shown below it."""

from __future__ import annotations

import json

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.services import csv_export, export_log
from crm.ui import labels
from crm.ui.context import DeskContext
from crm.ui.errors import kind_label
from crm.ui.widgets.empty import EmptyState

# Names are looked up for this many records of the selected file (the uids are all shown).
NAMED = 1000


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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.detail = QLabel(self, objectName="exportLogDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = QTableWidget(0, 3, self, objectName="exportLogRecords")
        self.records.verticalHeader().hide()
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.horizontalHeader().setStretchLastSection(True)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.detail)
        below_layout.addWidget(self.records, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(below)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Nothing exported yet: say what the log is for and offer the first export.
        self.empty = EmptyState(self, name="exportLogEmpty")
        self.empty.actionRequested.connect(self._export)
        self.body = QStackedWidget(self, objectName="exportLogBody")
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.rows: list[csv_export.LogRow] = []
        self.refresh()
        self.resize(1100, 640)

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
        self.records.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Name"), self.tr("Identifier (uid)")]
        )

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

    def entity_label(self, entity: str) -> str:
        """What a file holds, in the window's language ("backup" for a backup's entry)."""
        return {
            "organizations": self.tr("organizations"),
            "contacts": self.tr("contacts"),
            "introductions": self.tr("introductions"),
            "followups": self.tr("follow-ups"),
            "participants": self.tr("event participants"),
            "backup": self.tr("backup"),
        }.get(entity, entity)

    def describe_options(self, row: csv_export.LogRow) -> str:
        """The entry's options in one paragraph: columns, headers, delimiter, encoding,
        consent, free text."""
        described = export_log.options(row.filter)
        lines = []
        if row.columns:
            columns = ", ".join(labels.csv_column(c) for c in row.columns.split(","))
            lines.append(self.tr("Columns: %1").replace("%1", columns))
        lang = described.get("lang")
        if lang:
            lines.append(
                self.tr("Headers: French labels")
                if lang == "fr"
                else self.tr("Headers: field names")
            )
        if described.get("delimiter"):
            delimiter = str(described["delimiter"])
            shown = self.tr("tab") if delimiter == "tab" else delimiter
            lines.append(self.tr("Delimiter: %1").replace("%1", shown))
        if described.get("encoding"):
            lines.append(self.tr("Encoding: %1").replace("%1", str(described["encoding"])))
        if row.included_without_consent:
            lines.append(self.tr("People without partner-sharing consent included"))
        elif described.get("withheld_without_consent"):
            lines.append(
                self.tr(
                    "%n row(s) with a person withheld for want of consent", "",
                    int(described["withheld_without_consent"]),
                )
            )  # fmt: skip
        free = described.get("free_text")
        if isinstance(free, list) and free:
            lines.append(
                self.tr("Free text: %1").replace(
                    "%1", ", ".join(labels.csv_column(c) for c in free)
                )
            )
        return " · ".join(lines)

    def show_selected(self) -> None:
        """The selected entry's options and the records its file named."""
        selected = self.table.selectionModel().selectedRows()
        self.records.setRowCount(0)
        if not selected or selected[0].row() >= len(self.rows):
            self.detail.setText(self.tr("Select an entry to see the records its file named."))
            return
        row = self.rows[selected[0].row()]
        with self.ctx.db.read() as session:
            named = export_log.records_of(session, row.id)
            names = export_log.names(session, named[:NAMED])
        count = self.tr("%n record(s) named by this file.", "", len(named))
        if not named and row.entity != "backup":
            count = self.tr("The records of this file were not logged (an older entry).")
        options = self.describe_options(row)
        self.detail.setText(f"{options}\n{count}" if options else count)
        self.records.setRowCount(len(named))
        gone = self.tr("(no longer in the desk)")
        for r, record in enumerate(named):
            cells = (kind_label(record.entity), names.get(record.uid, gone if r < NAMED else ""),
                     record.uid)  # fmt: skip
            for c, text in enumerate(cells):
                self.records.setItem(r, c, QTableWidgetItem(text))
        for column in (0, 1):  # the uid column stretches to the right edge
            self.records.resizeColumnToContents(column)

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
            cells = (when, row.user, self.entity_label(row.entity), f"{row.row_count:,}", row.profile, row.recipient,
                     self.describe_filter(row), row.file_name, row.sha256)  # fmt: skip
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(0)
            self.show_selected()
            self.body.setCurrentWidget(self.splitter)
            return
        self.empty.show_state(
            self.tr("No file has left the desk yet"),
            self.tr("Each CSV file exported for a partner is recorded here: who, when, which records, for whom, and its SHA-256. Backups are listed too."),
            [("export", self.tr("Export a list…"))],
            picture="open",
        )  # fmt: skip
        self.body.setCurrentWidget(self.empty)
