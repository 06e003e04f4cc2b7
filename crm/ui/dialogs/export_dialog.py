"""The export dialog: a CSV file, an Excel workbook or vCards for a partner from a list (its
current filter or the selected rows): columns, format, header language, delimiter, encoding,
consent (for every file that names people: contacts, participants, introductions,
follow-ups), saved profiles.

It starts from every row of the list's current filter (the selected rows are one click
away), without free text (notes, titles: a warning shows while one is chosen, as it may name
people without consent), and in the user's language: French headers and `;` for
French staff, field names and `,` for English (`export_profiles.starting_profile`). The
delimiter follows the header language until the user picks one. A saved profile brings back
its own columns, options and filters; "(none)" brings back the list's.

The file is written off the GUI thread through the task runner (progress and cancel); the
worker opens its own session. Signals: `exported(str path, int rows)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain import csv_headers
from crm.domain.errors import DeskError
from crm.services import csv_export, export_columns, export_profiles
from crm.ui import labels, messages
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.tasks import Task, TaskRunner

# The files that carry people: the consent option applies to them.
CONSENT_ENTITIES = ("contacts", "participants", "introductions", "followups")
# The extension of each format's file (crm.services.csv_export.FORMATS).
SUFFIXES = {"csv": "csv", "xlsx": "xlsx", "vcard": "vcf"}


class ExportDialog(QDialog):
    exported = Signal(str, int)

    def __init__(
        self,
        ctx: DeskContext,
        entity: str,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        filters: dict[str, Any] | None = None,
        text: str = "",
        ids: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.ctx = ctx
        self.entity = entity
        self.tasks = tasks
        # The list's filter, and the one exported (the list's, or a chosen profile's).
        self.list_filters, self.list_text = dict(filters or {}), text
        self.filters, self.text = dict(self.list_filters), text
        self.from_profile = False
        self.ids = list(ids) if ids else None
        self.task: Task | None = None
        self.result_: csv_export.ExportResult | None = None

        self.profile = QComboBox(self, objectName="exportProfile")
        self.profile.currentIndexChanged.connect(self._load_profile)
        self.profile_name = QLineEdit(self, objectName="exportProfileName")
        self.save_profile = QPushButton(self, objectName="exportSaveProfile")
        self.save_profile.clicked.connect(self.save_current_profile)
        self.recipient = QLineEdit(self, objectName="exportRecipient")

        self.scope_filter = QRadioButton(self, objectName="exportScopeFilter")
        self.scope_selected = QRadioButton(self, objectName="exportScopeSelected")
        self.scope_selected.setEnabled(bool(self.ids))
        # All the list's rows even with a row selected: a selection is often just the cursor.
        self.scope_filter.setChecked(True)

        self.columns = QListWidget(self, objectName="exportColumns")
        for key in csv_headers.COLUMNS[entity]:
            item = QListWidgetItem(key)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.columns.addItem(item)
        self.file_format = QComboBox(self, objectName="exportFormat")
        self.file_format.currentIndexChanged.connect(self._format_changed)
        # Shown while a column of free text (notes, a title) is chosen.
        self.free_text_warning = QLabel(self, objectName="exportFreeTextWarning")
        self.free_text_warning.setWordWrap(True)
        self.free_text_warning.setProperty("role", "warning")
        self.free_text_warning.setVisible(False)
        self.columns.itemChanged.connect(self._columns_changed)
        self.lang = QComboBox(self, objectName="exportLang")
        self.delimiter = QComboBox(self, objectName="exportDelimiter")
        self.encoding = QComboBox(self, objectName="exportEncoding")
        self.delimiter_chosen = False  # by the user: then the header language leaves it alone
        self.delimiter.activated.connect(self._delimiter_picked)
        self.lang.currentIndexChanged.connect(self._lang_changed)
        self.consent = QCheckBox(self, objectName="exportIncludeWithoutConsent")
        self.consent.setVisible(entity in CONSENT_ENTITIES)
        self.path = QLineEdit(self, objectName="exportPath")
        self.browse = QPushButton(self, objectName="exportBrowse")
        self.browse.clicked.connect(self.choose_path)

        self.labels_: dict[str, QLabel] = {k: QLabel(self) for k in (
            "profile", "name", "recipient", "rows", "columns", "format", "lang", "delimiter",
            "encoding", "file",
        )}  # fmt: skip
        self.labels_["format"].setBuddy(self.file_format)
        self.labels_["profile"].setBuddy(self.profile)
        self.labels_["recipient"].setBuddy(self.recipient)
        self.labels_["lang"].setBuddy(self.lang)
        self.labels_["delimiter"].setBuddy(self.delimiter)
        self.labels_["encoding"].setBuddy(self.encoding)
        self.labels_["file"].setBuddy(self.path)

        form = QFormLayout()
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile, 1)
        form.addRow(self.labels_["profile"], profile_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.profile_name, 1)
        save_row.addWidget(self.save_profile)
        form.addRow(self.labels_["name"], save_row)
        form.addRow(self.labels_["recipient"], self.recipient)
        scope = QVBoxLayout()
        scope.addWidget(self.scope_filter)
        scope.addWidget(self.scope_selected)
        form.addRow(self.labels_["rows"], scope)
        form.addRow(self.labels_["columns"], self.columns)
        form.addRow("", self.free_text_warning)
        form.addRow(self.labels_["format"], self.file_format)
        form.addRow(self.labels_["lang"], self.lang)
        form.addRow(self.labels_["delimiter"], self.delimiter)
        form.addRow(self.labels_["encoding"], self.encoding)
        form.addRow("", self.consent)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form.addRow(self.labels_["file"], file_row)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.retranslate()
        french = QLocale().language() == QLocale.Language.French
        self.start = export_profiles.starting_profile(entity, "fr" if french else "en")
        self._apply(self.start)
        self._fill_profiles()
        self.resize(560, 640)

    # --- labels ------------------------------------------------------------------------------

    def entity_label(self) -> str:
        return {
            "organizations": self.tr("organizations"),
            "contacts": self.tr("contacts"),
            "introductions": self.tr("introductions"),
            "followups": self.tr("follow-ups"),
            "participants": self.tr("event participants"),
        }[self.entity]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export %1").replace("%1", self.entity_label()))
        texts = {
            "profile": self.tr("&Profile:"), "name": self.tr("Save as profile:"),
            "recipient": self.tr("&Recipient:"), "rows": self.tr("Rows:"),
            "columns": self.tr("Columns:"), "format": self.tr("F&ormat:"),
            "lang": self.tr("&Headers:"),
            "delimiter": self.tr("&Delimiter:"), "encoding": self.tr("&Encoding:"),
            "file": self.tr("&File:"),
        }  # fmt: skip
        for key, text in texts.items():
            self.labels_[key].setText(text)
        self.profile_name.setPlaceholderText(self.tr("e.g. MassBio members"))
        self.recipient.setPlaceholderText(self.tr("e.g. MassBio"))
        self.save_profile.setText(self.tr("Save profile"))
        self._scope_text()
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{self.column_label(key)}  ({key})")
        formats = [("csv", self.tr("CSV (comma-separated values)")),
                   ("xlsx", self.tr("Excel workbook (.xlsx)"))]  # fmt: skip
        if self.entity == "contacts":
            formats.append(("vcard", self.tr("vCards (.vcf), for phones and mail programs")))
        self._fill_combo(self.file_format, formats)
        self._fill_combo(self.lang, [("en", self.tr("English field names (uid, first_name…)")),
                                     ("fr", self.tr("French labels (Identifiant, Prénom…)"))])  # fmt: skip
        self._fill_combo(self.delimiter, [(",", self.tr("Comma ( , )")), (";", self.tr("Semicolon ( ; ), French Excel")),
                                          ("tab", self.tr("Tab"))])  # fmt: skip
        self._fill_combo(self.encoding, [("utf-8-sig", self.tr("UTF-8 with BOM (Excel shows accents)")),
                                         ("utf-8", self.tr("UTF-8 without BOM"))])  # fmt: skip
        self.consent.setText(
            self.tr(
                "Include people without partner-sharing consent or marked do-not-contact (logged)"
            )
        )
        self.retranslate_warning()
        self.browse.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self._fill_profiles()

    def _scope_text(self) -> None:
        if self.from_profile:
            self.scope_filter.setText(self.tr("All rows of the profile's filter"))
        else:
            self.scope_filter.setText(self.tr("All rows of the list's current filter"))
        count = len(self.ids or [])
        self.scope_selected.setText(self.tr("Only the %n selected row(s)", "", count))

    def column_label(self, key: str) -> str:
        """The column's header in the window's language (French labels are the CSV ones)."""
        return labels.csv_column(key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    # --- profiles ----------------------------------------------------------------------------

    def _fill_profiles(self) -> None:
        current = self.profile.currentData()
        with self.ctx.db.read() as session:
            names = export_profiles.names(session, self.entity)
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem(self.tr("(none)"), None)
        for name in names:
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(self.profile.findData(current), 0))
        self.profile.blockSignals(False)

    def _load_profile(self) -> None:
        name = self.profile.currentData()
        if not name:  # back to where the dialog started: the list's filter, the defaults
            self._apply(self.start)
            self.filters, self.text = dict(self.list_filters), self.list_text
            self.from_profile = False
        else:
            with self.ctx.db.read() as session:
                profile = export_profiles.get(session, name)
            self._apply(profile)
            self.filters, self.text, self.from_profile = dict(profile.filters), profile.text, True
        self.profile_name.setText(name or "")
        self._scope_text()

    def _apply(self, profile: export_profiles.Profile) -> None:
        """Show a profile's columns and options (not its filters: see `_load_profile`)."""
        self._set_columns(profile.columns or export_profiles.default_columns(self.entity))
        self.lang.setCurrentIndex(max(self.lang.findData(profile.lang), 0))
        delimiter = "tab" if profile.delimiter in ("\t", "tab") else profile.delimiter
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(delimiter), 0))
        self.delimiter_chosen = bool(profile.name)  # a saved profile's delimiter is a choice
        self.encoding.setCurrentIndex(max(self.encoding.findData(profile.encoding), 0))
        self.consent.setChecked(profile.include_without_consent)
        self.recipient.setText(profile.recipient)

    def _format_changed(self) -> None:
        """Delimiter and encoding are CSV's; a vCard carries its own columns; the file's
        extension follows the format."""
        chosen = self.file_format.currentData() or "csv"
        for widget in (self.delimiter, self.encoding):
            widget.setEnabled(chosen == "csv")
        self.columns.setEnabled(chosen != "vcard")
        self.lang.setEnabled(chosen != "vcard")
        path = self.path.text().strip()
        if path:
            stem, dot, suffix = path.rpartition(".")
            if dot and suffix.lower() in SUFFIXES.values():
                self.path.setText(f"{stem}.{SUFFIXES[chosen]}")

    def _delimiter_picked(self) -> None:
        self.delimiter_chosen = True

    def _lang_changed(self) -> None:
        if not self.delimiter_chosen:
            delimiter = ";" if self.lang.currentData() == "fr" else ","
            self.delimiter.setCurrentIndex(max(self.delimiter.findData(delimiter), 0))

    def _set_columns(self, chosen: Sequence[str]) -> None:
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def free_text_columns(self) -> list[str]:
        """The chosen columns of free text (see `export_columns.free_text_columns`)."""
        free = csv_headers.FREE_TEXT.get(self.entity, frozenset())
        return [c for c in self.chosen_columns() if c in free]

    def _columns_changed(self) -> None:
        free = self.free_text_columns()
        if free:
            self.retranslate_warning()
        self.free_text_warning.setVisible(bool(free))

    def retranslate_warning(self) -> None:
        self.free_text_warning.setText(
            self.tr(
                "⚠ Free text (%1) may name people who gave no partner-sharing consent. "
                "Read the file before it leaves."
            ).replace("%1", ", ".join(self.column_label(c) for c in self.free_text_columns()))
        )

    def chosen_columns(self) -> list[str]:
        return [
            self.columns.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.columns.count())
            if self.columns.item(row).checkState() == Qt.CheckState.Checked
        ]

    def current_profile(self, name: str) -> export_profiles.Profile:
        return export_profiles.Profile(
            name, self.entity, self.recipient.text().strip(), tuple(self.chosen_columns()),
            self.lang.currentData(), self.delimiter.currentData(), self.encoding.currentData(),
            self.consent.isChecked() and self.entity in CONSENT_ENTITIES,
            dict(self.filters), self.text,
        )  # fmt: skip

    def save_current_profile(self) -> bool:
        name = self.profile_name.text().strip()
        if not name:
            messages.error(self, self.tr("Save profile"), self.tr("Give the profile a name."))
            return False
        try:
            with self.ctx.db.write() as session:
                export_profiles.save(session, self.ctx.user_id, self.current_profile(name))
        except DeskError as exc:
            messages.error(self, self.tr("Save profile"), error_text(exc))
            return False
        self._fill_profiles()
        self.profile.blockSignals(True)
        self.profile.setCurrentIndex(max(self.profile.findData(name), 0))
        self.profile.blockSignals(False)
        self.delimiter_chosen = True  # the profile's choice now
        return True

    # --- export ------------------------------------------------------------------------------

    def request(self) -> export_columns.ExportRequest:
        delimiter = self.delimiter.currentData()
        return export_columns.ExportRequest(
            self.entity, tuple(self.chosen_columns()), self.lang.currentData(),
            "\t" if delimiter == "tab" else delimiter, self.encoding.currentData(),
            self.consent.isChecked() and self.entity in CONSENT_ENTITIES,
            self.filters, self.text, self.ids if self.scope_selected.isChecked() else None,
            self.profile.currentData() or "", self.recipient.text().strip(),
        )  # fmt: skip

    def choose_path(self) -> None:
        chosen = self.file_format.currentData() or "csv"
        kinds = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                 "vcard": self.tr("vCard files (*.vcf)")}  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text() or f"{self.entity}.{SUFFIXES[chosen]}",
            kinds[chosen] + ";;" + self.tr("All files (*)"),
        )  # fmt: skip
        if path:
            self.path.setText(path)

    def start_export(self) -> None:
        path = self.path.text().strip()
        if not path:
            messages.error(self, self.tr("Export"), self.tr("Choose the file to write."))
            return
        if not self.chosen_columns():
            messages.error(self, self.tr("Export"), self.tr("Choose at least one column."))
            return
        try:
            request = self.request().checked()
        except DeskError as exc:
            messages.error(self, self.tr("Export"), error_text(exc))
            return
        db, user_id = self.ctx.db, self.ctx.user_id
        file_format = self.file_format.currentData() or "csv"

        def work(task: Task) -> csv_export.ExportResult:
            with db.write(snapshot=True) as session:
                total = export_columns.count_rows(session, request)
                return csv_export.export(
                    session, user_id, request, path, file_format=file_format,
                    progress=lambda done: task.progress(done, total),
                    cancelled=lambda: task.cancelled,
                )  # fmt: skip

        self.export_button.setEnabled(False)
        self.task = self.tasks.run_long(
            work, self._done, self._failed, label=self.tr("Exporting…"), parent=self,
            on_cancelled=lambda: self.export_button.setEnabled(True),
        )  # fmt: skip

    def _done(self, result: csv_export.ExportResult) -> None:
        self.result_ = result
        self.export_button.setEnabled(True)
        text = self.tr("%n row(s) written to %1.", "", result.rows).replace("%1", str(result.path))
        if result.excluded_without_consent:
            text += "\n" + self.tr(
                "%n person(s) left out without partner-sharing consent.",
                "",
                result.excluded_without_consent,
            )
        if result.withheld_without_consent:
            text += "\n" + self.tr(
                "%n row(s) with a person withheld (left blank) for want of partner-sharing "
                "consent.",
                "",
                result.withheld_without_consent,
            )
        messages.info(self, self.tr("Export done"), text)
        self.exported.emit(str(result.path), result.rows)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, csv_export.ExportCancelled):
            return
        if isinstance(exc, DeskError | OSError):
            messages.error(self, self.tr("Export failed"), error_text(exc))
            return
        raise exc
