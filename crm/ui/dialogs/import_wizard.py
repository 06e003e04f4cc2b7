"""The import wizard: choose a file → check the detected encoding, delimiter and column
mapping (editable) → a validation preview per row with its problems → import, with progress
and cancel. Nothing is written before the last step; a file with invalid rows is refused
whole unless the user chose to leave the invalid rows out.

Introductions and follow-ups files are a partner's copy of the desk's export coming back
(`crm.services.csv_import.returns`): the preview shows each row's changes, its conflicts
(changed here since the export: left as they are) and the stage warnings, which the user
may accept for the whole file.

Work runs off the GUI thread through the task runner; each worker opens its own session.
Undoing the latest import: `crm.ui.dialogs.import_undo`.

Signals: `imported(str entity, int batch_id)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain import csv_headers
from crm.domain.errors import DeskError
from crm.services import csv_import
from crm.ui import labels, messages
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.tasks import Task, TaskRunner

ENTITIES = ("contacts", "organizations", "participants", "introductions", "followups")
# A partner's own file back: matched by uid, its changes applied, its conflicts shown.
RETURNED = ("introductions", "followups")
FILE, MAPPING, PREVIEW = range(3)


class ImportWizard(QDialog):
    imported = Signal(str, int)

    def __init__(
        self,
        ctx: DeskContext,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        entity: str = "contacts",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        self.tasks = tasks
        self.source: csv_import.Source | None = None
        self.plan: csv_import.Plan | None = None
        self.task: Task | None = None

        self.stack = QStackedWidget(self, objectName="importPages")
        # 1. the file
        page = QWidget(self)
        self.entity = QComboBox(page, objectName="importEntity")
        self.path = QLineEdit(page, objectName="importPath")
        self.browse = QPushButton(page, objectName="importBrowse")
        self.browse.clicked.connect(self.choose_file)
        self.on_duplicate = QComboBox(page, objectName="importOnDuplicate")
        self.skip_invalid = QCheckBox(page, objectName="importSkipInvalid")
        self.accept_warnings = QCheckBox(page, objectName="importAcceptWarnings")
        self.entity.currentIndexChanged.connect(lambda _i: self._entity_changed())
        self.file_labels = [QLabel(page) for _ in range(3)]
        form = QFormLayout(page)
        form.addRow(self.file_labels[0], self.entity)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(self.file_labels[1], row)
        form.addRow(self.file_labels[2], self.on_duplicate)
        form.addRow("", self.skip_invalid)
        form.addRow("", self.accept_warnings)
        self.stack.addWidget(page)
        # 2. what was detected, and the mapping
        page = QWidget(self)
        self.detected = QLabel(page, objectName="importDetected")
        self.delimiter = QComboBox(page, objectName="importDelimiter")
        self.delimiter.activated.connect(lambda _i: self.read_file())
        self.delimiter_label = QLabel(page)
        self.mapping = QTableWidget(0, 3, page, objectName="importMapping")
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.detected, 1)
        row.addWidget(self.delimiter_label)
        row.addWidget(self.delimiter)
        layout.addLayout(row)
        layout.addWidget(self.mapping)
        self.stack.addWidget(page)
        # 3. the validation preview
        page = QWidget(self)
        self.summary = QLabel(page, objectName="importSummary")
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(0, 4, page, objectName="importPreview")
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(False)
        layout = QVBoxLayout(page)
        # What an ambiguous value of a choice column means, as the user says it (--map-value).
        self.values = QTableWidget(0, 3, page, objectName="importValues")
        self.values.verticalHeader().hide()
        self.values.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.setMaximumHeight(140)
        self.values.hide()
        self.value_rows: dict[tuple[str, str], tuple[str, ...]] = {}  # (field, text) -> candidates
        self.value_choices: dict[tuple[str, str], str] = {}  # (field, text) -> stored word
        layout.addWidget(self.summary)
        layout.addWidget(self.values)
        layout.addWidget(self.preview)
        self.stack.addWidget(page)

        self.back = QPushButton(self, objectName="importBack")
        self.next = QPushButton(self, objectName="importNext")
        self.run_button = QPushButton(self, objectName="importRun")
        self.close_button = QPushButton(self, objectName="importClose")
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.run_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        # Enter goes forward (Next, then Import), never to Close.
        self.close_button.setAutoDefault(False)
        self.back.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back, self.next, self.run_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.retranslate()
        self.entity.setCurrentIndex(max(self.entity.findData(entity), 0))
        self._entity_changed()
        self.resize(860, 560)
        self._update_buttons()

    # --- labels ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a file"))
        for combo, items in (
            (self.entity, [("contacts", self.tr("Contacts")), ("organizations", self.tr("Organizations")),
                           ("participants", self.tr("Event participants")),
                           ("introductions", self.tr("Introductions (a partner's file back)")),
                           ("followups", self.tr("Follow-ups (a partner's file back)"))]),
            (self.on_duplicate, [("skip", self.tr("Leave the recorded one as it is")),
                                 ("update", self.tr("Update it with the file's values")),
                                 ("fill", self.tr("Only fill its blank fields"))]),
            (self.delimiter, [("", self.tr("Detected")), (",", self.tr("Comma")),
                              (";", self.tr("Semicolon")), ("\t", self.tr("Tab"))]),
        ):  # fmt: skip
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        for label, text in zip(
            self.file_labels,
            (self.tr("&Import:"), self.tr("&File:"), self.tr("&Duplicates:")),
            strict=True,
        ):
            label.setText(text)
        self.file_labels[0].setBuddy(self.entity)
        self.file_labels[1].setBuddy(self.path)
        self.file_labels[2].setBuddy(self.on_duplicate)
        self.skip_invalid.setText(self.tr("Import the valid rows and leave out the invalid ones"))
        self.accept_warnings.setText(
            self.tr("Move the stages despite their warnings (noted in each history)")
        )
        self.browse.setText(self.tr("Browse…"))
        self.delimiter_label.setText(self.tr("Delimiter:"))
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Read as")]
        )
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Action"), self.tr("Record"), self.tr("Details")]
        )
        self.values.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Value in the file"), self.tr("Means")]
        )
        self.back.setText(self.tr("< &Back"))
        self.next.setText(self.tr("&Next >"))
        self.run_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close"))
        self._show_detected()
        if self.plan is not None:
            self._show_plan(self.plan)

    def _entity_changed(self) -> None:
        """A returned file is matched by uid: the duplicates choice is not asked of it."""
        returned = self.entity.currentData() in RETURNED
        self.on_duplicate.setEnabled(not returned)
        self.accept_warnings.setVisible(self.entity.currentData() == "introductions")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def action_label(self, action: str) -> str:
        return {
            "created": self.tr("create"), "updated": self.tr("update"), "unchanged": self.tr("unchanged"),
            "skipped": self.tr("skip"), "merged": self.tr("merge"), "invalid": self.tr("invalid"),
            "conflict": self.tr("conflict"),
        }.get(action, action)  # fmt: skip

    def inferred_text(self, inferred: dict[str, Any]) -> str:
        """What the file left blank and the import inferred, e.g. "inferred: Language French"."""
        enums = {"territory": "Territory", "language": "Language", "membership": "Membership"}
        told = ", ".join(
            f"{labels.header(name)} {labels.enum_label(enums[name], str(value)) if name in enums else value}"
            for name, value in sorted(inferred.items())
        )  # fmt: skip
        return self.tr("inferred: %1").replace("%1", told)

    def detail_text(self, item: csv_import.RowPlan) -> str:
        """What the import does with a recorded row, in the user's language."""
        if item.action == "skipped" and item.record_id is not None:
            return self.tr("already recorded")
        if item.action == "unchanged":
            return self.tr("same as recorded")
        if item.action in ("updated", "conflict") and item.changes:
            changed = ", ".join(labels.csv_column(name) for name in sorted(item.changes))
            if item.action == "conflict":
                return self.tr(
                    "Changed here since the export: left as it is (the file changes %1)."
                ).replace("%1", changed)
            return changed
        if item.action == "created" and self.entity.currentData() in RETURNED:
            return self.tr("new: found by name")
        return item.detail

    def problem_text(self, problem: csv_import.Problem) -> str:
        """A row's problem in the user's language (by its code), with its column and value."""
        from crm.domain.errors import Issue
        from crm.ui.errors import issue_text

        own = {
            "date.ambiguous": self.tr(
                "Day and month could be swapped: write the date as YYYY-MM-DD."
            ),
            "zip.leading_zero_lost": self.tr(
                "This ZIP code lost its leading zero (a spreadsheet does that)."
            ),
            "value.ambiguous": self.tr("This could be %1: choose what it means above.").replace(
                "%1", self.candidates_text(problem)
            ),
            "warning.same_side": self.tr("Both parties are on the same side of the border."),
            "warning.already_introduced": self.tr(
                "The same pair is already in another introduction."
            ),
            "warning.consent_missing": self.tr(
                "Introduced without both parties' consent (double opt-in)."
            ),
            "uid.unknown": self.tr("Not recorded here, and its parties are not found by name."),
        }
        text = own.get(problem.code) or issue_text(Issue(problem.field, problem.code, ""))
        if not text:  # no translation for this code: the service's own sentence
            text = problem.message.split(": ", 1)[-1]
        elif problem.value:
            text = f"{text} ({problem.value})"
        return labels.labelled(problem.column, text) if problem.column else text

    def candidates_text(self, problem: csv_import.Problem) -> str:
        """The members an ambiguous cell could be, labelled ("Biotech or Investor")."""
        from crm.domain import value_words

        enum = value_words.VOCABULARIES.get(problem.field, "")
        return self.tr(" or ").join(labels.enum_label(enum, m) for m in problem.candidates)

    # --- steps -------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        self.back.setEnabled(page > FILE)
        self.next.setVisible(page < PREVIEW)
        self.run_button.setVisible(page == PREVIEW)
        ready = self.plan is not None and (self.plan.valid or self.skip_invalid.isChecked())
        busy = self.task is not None and self.task.running
        self.run_button.setEnabled(ready and not busy)
        self.next.setEnabled(not busy)
        (self.run_button if page == PREVIEW else self.next).setDefault(True)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a file"),
            self.path.text(),
            self.tr("CSV files, Excel workbooks, vCards (*.csv *.txt *.xlsx *.vcf);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def go_back(self) -> None:
        self.stack.setCurrentIndex(max(self.stack.currentIndex() - 1, FILE))
        self._update_buttons()

    def go_next(self) -> None:
        page = self.stack.currentIndex()
        if page == FILE:
            if not self.read_file():
                return
            self.stack.setCurrentIndex(MAPPING)
        elif page == MAPPING:
            self.stack.setCurrentIndex(PREVIEW)
            self.validate()
        self._update_buttons()

    def read_file(self) -> bool:
        path = self.path.text().strip()
        if not path:
            messages.error(self, self.tr("Import"), self.tr("Choose the file to import."))
            return False
        if not Path(path).is_file():  # said here: the reader's own sentence is the system's
            messages.error(self, self.tr("Cannot read the file"),
                           self.tr("There is no file %1.").replace("%1", path))  # fmt: skip
            return False
        try:
            self.source = csv_import.read_source(
                Path(path),
                self.entity.currentData(),
                delimiter=self.delimiter.currentData() or None,
            )
        except DeskError as exc:
            messages.error(self, self.tr("Cannot read the file"), error_text(exc))
            return False
        self._fill_mapping()
        return True

    def _show_detected(self) -> None:
        if self.source is None:
            self.detected.setText("")
            return
        count = len(self.source.records)
        for widget in (self.delimiter_label, self.delimiter):  # a CSV file's question only
            widget.setVisible(self.source.kind == "csv")
        if self.source.kind == "xlsx":
            self.detected.setText(self.tr("Excel workbook (first sheet) · %n record(s)", "", count))
            return
        if self.source.kind == "vcard":
            self.detected.setText(self.tr("vCards · %n card(s)", "", count))
            return
        names = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        self.detected.setText(
            self.tr("Encoding: %1 · delimiter: %2 · %n record(s)", "", len(self.source.records))
            .replace("%1", self.source.encoding)
            .replace("%2", names.get(self.source.delimiter, self.source.delimiter))
        )

    def _fill_mapping(self) -> None:
        assert self.source is not None
        entity = self.entity.currentData()
        self._show_detected()
        self.value_rows.clear()  # another file: its own values
        self.value_choices.clear()
        matched = csv_import.resolve_mapping(entity, self.source.headers, {})
        first = self.source.records[0][1] if self.source.records else []
        self.mapping.setRowCount(len(self.source.headers))
        for row, header in enumerate(self.source.headers):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            self.mapping.setItem(row, 1, QTableWidgetItem(first[row] if row < len(first) else ""))
            combo = QComboBox(self.mapping)
            combo.setObjectName(f"importField_{row}")
            combo.addItem(self.tr("(ignored)"), "")
            for field in csv_headers.IMPORT_FIELDS[entity]:
                combo.addItem(labels.csv_column(field), field)
            combo.setCurrentIndex(max(combo.findData(matched.get(row, "")), 0))
            self.mapping.setCellWidget(row, 2, combo)
        self.mapping.resizeColumnsToContents()

    def chosen_mapping(self) -> dict[str, str]:
        """Header -> field for every column (the user's choices, "" for ignored)."""
        assert self.source is not None
        chosen: dict[str, str] = {}
        for row, header in enumerate(self.source.headers):
            combo = self.mapping.cellWidget(row, 2)
            if isinstance(combo, QComboBox) and header.strip():
                chosen[header] = combo.currentData() or ""
        return chosen

    def set_field(self, header: str, field: str) -> None:
        """Choose how a column is read (as the user would in the mapping table)."""
        assert self.source is not None
        row = self.source.headers.index(header)
        combo = self.mapping.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def options(self) -> csv_import.ImportOptions:
        mapping = self.chosen_mapping() if self.source is not None else {}
        # Only the columns whose choice differs from the recognized one need overriding, and
        # two columns cannot feed one field: keep the user's explicit choices.
        from crm.services.stages import WARNING_CODES

        accepted = self.accept_warnings.isChecked() and self.entity.currentData() == "introductions"
        values = {f"{name}:{text}": word for (name, text), word in self.value_choices.items()}
        return csv_import.ImportOptions(
            self.on_duplicate.currentData(), mapping, self.skip_invalid.isChecked(), values,
            accepted_warnings=tuple(sorted(WARNING_CODES)) if accepted else (),
        )  # fmt: skip

    def validate(self) -> None:
        """Plan the import off the GUI thread (nothing is written) and show the preview."""
        if self.source is None:
            return
        db, entity, source, options = (
            self.ctx.db,
            self.entity.currentData(),
            self.source,
            self.options(),
        )
        total = len(source.records)

        def work(task: Task) -> csv_import.Plan:
            with db.read() as session:
                return csv_import.plan(
                    session, entity, source, options,
                    progress=lambda n: task.progress(n, total), cancelled=lambda: task.cancelled,
                )  # fmt: skip

        self.plan = None
        self.summary.setText(self.tr("Checking every row…"))
        self.preview.setRowCount(0)
        self.task = self.tasks.run_long(
            work, self._planned, self._failed, label=self.tr("Checking the file…"), parent=self,
            on_cancelled=self._cancelled,
        )  # fmt: skip
        self._update_buttons()

    def _planned(self, plan: csv_import.Plan) -> None:
        self.plan = plan
        self._show_plan(plan)
        self._update_buttons()

    def _show_values(self, plan: csv_import.Plan) -> None:
        """The ambiguous values of the file (and those the user already said), each with a
        choice of what it means; a choice checks the file again."""
        from crm.domain import value_words

        for problem in plan.problems:
            if problem.code == "value.ambiguous":
                self.value_rows.setdefault((problem.field, problem.value), problem.candidates)
        self.values.setVisible(bool(self.value_rows))
        self.values.setRowCount(len(self.value_rows))
        for row, ((name, text), candidates) in enumerate(self.value_rows.items()):
            self.values.setItem(row, 0, QTableWidgetItem(labels.csv_column(name)))
            self.values.setItem(row, 1, QTableWidgetItem(text))
            combo = QComboBox(self.values)
            combo.setObjectName(f"importValue_{row}")
            combo.addItem(self.tr("(choose)"), "")
            enum = value_words.VOCABULARIES.get(name, "")
            others = [m for m in value_words.members(name) if m not in candidates]
            for word in (*candidates, *others):
                combo.addItem(labels.enum_label(enum, word), word)
            combo.setCurrentIndex(max(combo.findData(self.value_choices.get((name, text), "")), 0))
            combo.activated.connect(
                lambda _i, key=(name, text), box=combo: self.choose_value(key, box.currentData())
            )
            self.values.setCellWidget(row, 2, combo)
        for column in range(2):  # the choice takes the rest of the width
            self.values.resizeColumnToContents(column)

    def choose_value(self, key: tuple[str, str], word: str) -> None:
        """Say what a value of the file means (as `--map-value` does), then check again."""
        if word:
            self.value_choices[key] = word
        else:
            self.value_choices.pop(key, None)
        self.validate()

    def _show_plan(self, plan: csv_import.Plan) -> None:
        self._show_values(plan)
        counts = plan.counts()
        text = self.tr(
            "%1 to create, %2 to update, %3 unchanged, %4 to skip, %5 merged, %6 invalid."
        )  # fmt: skip
        for number, key in enumerate(
            ("created", "updated", "unchanged", "skipped", "merged", "invalid"), start=1
        ):
            text = text.replace(f"%{number}", f"{counts[key]:,}")
        if counts["conflict"]:
            text += " " + self.tr(
                "%n conflict(s): changed here since the export, left as they are.", "",
                counts["conflict"],
            )  # fmt: skip
        if counts["organizations_created"]:
            text += " " + self.tr("%n new organization(s).", "", counts["organizations_created"])
        if not plan.valid:
            text += "\n" + (
                self.tr("The invalid rows will be left out.") if self.skip_invalid.isChecked()
                else self.tr("Nothing will be imported while rows are invalid: fix the file, or choose to leave the invalid rows out.")
            )  # fmt: skip
        self.summary.setText(text)
        shown = plan.rows[:5000]
        self.preview.setRowCount(len(shown))
        for row, item in enumerate(shown):
            problems = "; ".join(self.problem_text(p) for p in item.problems)
            detail = problems or self.detail_text(item) or (
                self.tr("same as line %1").replace("%1", str(item.merged_into)) if item.merged_into else ""
            )  # fmt: skip
            if item.inferred and not problems:
                detail = "; ".join(x for x in (detail, self.inferred_text(item.inferred)) if x)
            cells = (str(item.line), self.action_label(item.action), item.label, detail)
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if column == 3 and value:
                    cell.setToolTip(value)
                if item.action == "invalid":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                elif item.action == "conflict":
                    cell.setForeground(Qt.GlobalColor.darkYellow)
                self.preview.setItem(row, column, cell)
        for column in range(3):  # the details take the rest of the width
            self.preview.resizeColumnToContents(column)
        # Long names (two parties) would push the details, what the user must read, out of view.
        widest = max(self.preview.viewport().width() * 2 // 5, 200)
        self.preview.setColumnWidth(2, min(self.preview.columnWidth(2), widest))

    def start_import(self) -> None:
        """Plan again in the worker's own write transaction and write (all or nothing)."""
        if self.source is None:
            return
        db, user_id = self.ctx.db, self.ctx.user_id
        entity, source, options = self.entity.currentData(), self.source, self.options()
        total = len(source.records)

        def work(task: Task) -> csv_import.Plan:
            with db.write() as session:
                plan = csv_import.plan(
                    session, entity, source, options,
                    progress=lambda n: task.progress(n, total), cancelled=lambda: task.cancelled,
                )  # fmt: skip
                task.check()
                return csv_import.apply(session, user_id, plan, cancelled=lambda: task.cancelled)

        self.task = self.tasks.run_long(
            work, self._imported, self._failed, label=self.tr("Importing…"), parent=self,
            on_cancelled=self._cancelled,
        )  # fmt: skip
        self._update_buttons()

    def _imported(self, plan: csv_import.Plan) -> None:
        self.plan = plan
        counts = plan.counts()
        kept = counts["unchanged"] + counts["skipped"] + counts["merged"] + counts["conflict"]
        text = ", ".join((  # each count agrees with its own number ("1 laissée telle quelle")
            self.tr("%n record(s) created", "", counts["created"]),
            self.tr("%n updated", "", counts["updated"]),
            self.tr("%n left as it was", "", kept),
        )) + "."  # fmt: skip
        if counts["invalid"]:
            text += "\n" + self.tr("%n invalid row(s) left out.", "", counts["invalid"])
        text += "\n" + self.tr("File > Undo last import takes it back.")
        messages.info(self, self.tr("Import done"), text)
        self.imported.emit(plan.entity, plan.batch_id or 0)
        self.accept()

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Cancelled: nothing was written."))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, csv_import.ImportRefused):
            self.plan = exc.plan
            self._show_plan(exc.plan)
            self._update_buttons()
            messages.error(self, self.tr("Nothing was imported"), error_text(exc))
            return
        if isinstance(exc, csv_import.ImportCancelled):
            self._cancelled()
            return
        if isinstance(exc, DeskError):
            messages.error(self, self.tr("Import failed"), error_text(exc))
            return
        raise exc
