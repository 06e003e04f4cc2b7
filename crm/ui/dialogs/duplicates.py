"""Duplicates and merging: the likely duplicate pairs with their reasons (Records › Find
duplicates…), and a pair side by side where the user picks each field's value, then merges.

`DuplicatesDialog` reads the pairs off the GUI thread (`crm.services.duplicates.find`);
Compare and merge (or a double click) opens `MergeDialog` on the selected pair. The merge is a
write of `crm.ui.operations` (off the GUI thread) announced with the status bar's Undo
(`crm.ui.undo.merge_entry`); restoring the merged record from the trash undoes it too.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import EntityKind
from crm.domain.fields import CATALOGUE
from crm.services import duplicates, merge
from crm.services.kinds import service_of
from crm.ui import labels, messages, operations, undo
from crm.ui.context import DeskContext
from crm.ui.tasks import TaskRunner

KINDS = ("contact", "organization")


def reason_text(code: str) -> str:
    """A duplicate reason in the user's language."""
    texts = {
        "email": QCoreApplication.translate("Duplicates", "same email"),
        "name_in_organization": QCoreApplication.translate(
            "Duplicates", "same name in the same organization"
        ),
        "similar_name_in_organization": QCoreApplication.translate(
            "Duplicates", "similar name in the same organization"
        ),
        "name": QCoreApplication.translate("Duplicates", "same name"),
        "similar_name": QCoreApplication.translate(
            "Duplicates", "similar name (Inc., Ltée, LLC, St-, Ste-…)"
        ),
        "website": QCoreApplication.translate("Duplicates", "same web domain"),
    }
    return texts.get(code, duplicates.REASONS.get(code, code))


class DuplicatesDialog(QDialog):
    """The likely duplicate pairs of contacts or organizations, and the way to merge one."""

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None = None,
        kind: str = "contact",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.ctx = ctx
        self.tasks = tasks
        self.pairs: list[duplicates.Pair] = []
        self.loaded = False
        self.merge_dialog: MergeDialog | None = None
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self, objectName="duplicatesKind")
        self.kind_label.setBuddy(self.kind_combo)
        for value in KINDS:
            self.kind_combo.addItem("", value)
        self.kind_combo.setCurrentIndex(KINDS.index(kind))
        self.kind_combo.currentIndexChanged.connect(self.reload)
        self.count = QLabel(self, objectName="duplicatesCount")
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.count)
        self.table = QTableWidget(0, 3, self, objectName="duplicatesTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.compare())
        self.compare_button = QPushButton(self, objectName="duplicatesCompare")
        self.compare_button.clicked.connect(self.compare)
        self.compare_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(900, 480)
        ctx.changes.changed.connect(self._changed)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Likely duplicates"))
        self.kind_label.setText(self.tr("&Look among:"))
        self.kind_combo.setItemText(0, self.tr("Contacts"))
        self.kind_combo.setItemText(1, self.tr("Organizations"))
        self.compare_button.setText(self.tr("&Compare and merge…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Looks like"), self.tr("Why")]
        )
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _changed(self, changes: operations.Changes) -> None:
        if self.kind() in changes.kinds:
            self.reload()

    def reload(self) -> None:
        """Read the pairs again, off the GUI thread."""
        kind, db = self.kind(), self.ctx.db
        self.loaded = False
        self.count.setText(self.tr("Looking…"))

        def read() -> list[duplicates.Pair]:
            with db.read() as session:
                return duplicates.find(session, kind)

        def done(pairs: list[duplicates.Pair]) -> None:
            if kind != self.kind():
                return  # the user chose the other kind meanwhile; its own read follows
            self.pairs = pairs
            self.loaded = True
            self._show()

        def failed(exc: BaseException) -> None:
            told = operations.failure(exc)
            if told is None:
                raise exc
            messages.error(self, self.tr("Cannot look for duplicates"), told.text)

        self.tasks.run(read, done, failed)

    def _show(self) -> None:
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            why = ", ".join(reason_text(r) for r in pair.reasons)
            first = (
                f"{pair.first_label} · {pair.first_detail}"
                if pair.first_detail
                else pair.first_label
            )
            second = (
                f"{pair.second_label} · {pair.second_detail}"
                if pair.second_detail
                else pair.second_label
            )
            for column, text in enumerate((first, second, why)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.pairs:
            self.table.resizeColumnsToContents()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
        self.compare_button.setEnabled(bool(self.pairs))
        if self.loaded:
            self.count.setText(self.tr("%n likely pair(s)", None, len(self.pairs)))

    def compare(self) -> MergeDialog | None:
        """The selected pair side by side."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.pairs):
            return None
        pair = self.pairs[rows[0].row()]
        dialog = MergeDialog(self.ctx, self.tasks, self, pair.kind, pair.first_id, pair.second_id)
        self.merge_dialog = dialog
        dialog.open()
        return dialog


class MergeDialog(QDialog):
    """Two records side by side: which one is kept, and each field's value (a radio button
    on either side). Merge writes it; the dialog closes once the merge is done."""

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None, kind: str,
        first_id: int, second_id: int,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.ctx = ctx
        self.tasks = tasks
        self.kind = kind
        self.ids = (first_id, second_id)
        self.seen: merge.Comparison | None = None
        self.choices: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.single: set[str] = set()  # fields with the same value on both sides
        self.intro = QLabel(self, objectName="mergeIntro")
        self.intro.setWordWrap(True)
        self.keep_group = QButtonGroup(self)
        self.keep_first = QRadioButton(self, objectName="mergeKeepFirst")
        self.keep_second = QRadioButton(self, objectName="mergeKeepSecond")
        self.keep_group.addButton(self.keep_first, 0)
        self.keep_group.addButton(self.keep_second, 1)
        self.keep_first.setChecked(True)
        self.keep_group.idToggled.connect(self._keep_changed)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.addWidget(self.keep_first, 0, 1)
        self.grid.addWidget(self.keep_second, 0, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.after = QLabel(self, objectName="mergeAfter")
        self.after.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = QPushButton(self, objectName="mergeButton")
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.clicked.connect(self.do_merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.after)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(860, 640)
        self.load()

    # --- labels ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge two records"))
        self.intro.setText(
            self.tr(
                "Choose the record to keep and, for each field, the value it keeps. The other record's introductions, follow-ups, events, interactions and tags move to the kept one; the other goes to the trash, and restoring it undoes the merge."
            )
        )
        self.after.setText(self.tr("Tags: both records' tags are kept."))
        self.merge_button.setText(self.tr("&Merge"))
        self._label_sides()
        entity = CATALOGUE[EntityKind(self.kind)]
        for name, label in self.field_labels.items():
            label.setText(self.tr_field(entity.field(name).label))

    @staticmethod
    def tr_field(label: str) -> str:
        return QCoreApplication.translate("Fields", label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_values()
        super().changeEvent(event)

    def _label_sides(self) -> None:
        if self.seen is None:
            self.keep_first.setText(self.tr("Keep this one"))
            self.keep_second.setText(self.tr("Keep this one"))
            return
        first, second = self._labels()
        self.keep_first.setText(self.tr("Keep “%1”").replace("%1", undo.short(first, 36)))
        self.keep_second.setText(self.tr("Keep “%1”").replace("%1", undo.short(second, 36)))

    def _labels(self) -> tuple[str, str]:
        assert self.seen is not None
        return self.seen.keep_label, self.seen.other_label

    # --- data --------------------------------------------------------------------------------

    def load(self) -> None:
        db, kind, (first, second) = self.ctx.db, self.kind, self.ids

        def read() -> merge.Comparison:
            with db.read() as session:
                return merge.compare(session, service_of(kind), first, second)

        def failed(exc: BaseException) -> None:
            told = operations.failure(exc)
            if told is None:
                raise exc
            messages.error(self, self.tr("Cannot merge"), told.text)
            self.reject()

        self.tasks.run(read, self._loaded, failed)

    def _loaded(self, seen: merge.Comparison) -> None:
        self.seen = seen
        entity = CATALOGUE[EntityKind(self.kind)]
        row = 1
        for name in seen.fields:
            if name == "tags":
                continue
            a, b = seen.keep[name], seen.other[name]
            if _blank(a) and _blank(b):
                continue
            label = QLabel(self)
            label.setText(self.tr_field(entity.field(name).label))
            self.field_labels[name] = label
            left = QRadioButton(self, objectName=f"merge_{name}_first")
            right = QRadioButton(self, objectName=f"merge_{name}_second")
            group = QButtonGroup(self)
            group.addButton(left, 0)
            group.addButton(right, 1)
            self.choices[name] = group
            self.radios[name] = (left, right)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(left, row, 1)
            self.grid.addWidget(right, row, 2)
            if a == b:  # nothing to choose: one value, said once
                self.single.add(name)
                right.hide()
                left.setEnabled(False)
            row += 1
        self.grid.setRowStretch(row, 1)
        self._label_sides()
        self._fill_values()
        self._defaults()
        self.merge_button.setEnabled(True)
        self.merge_button.setDefault(True)

    def _fill_values(self) -> None:
        if self.seen is None:
            return
        for name, (left, right) in self.radios.items():
            left.setText(self.show_value(name, self.seen.keep[name]))
            right.setText(self.show_value(name, self.seen.other[name]))

    def show_value(self, name: str, value: Any) -> str:
        """A stored value as the editor would show it."""
        if _blank(value):
            return self.tr("(empty)")
        kind = CATALOGUE[EntityKind(self.kind)].field(name).kind
        if kind.startswith("enum:"):
            return labels.enum_label(kind[5:], value.value if isinstance(value, Enum) else value)
        if kind == "organization" and self.seen is not None:
            return self.seen.names.get(value, str(value))
        if kind == "bool":
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date | datetime):
            return value.isoformat()
        text = str(value)
        return text if len(text) <= 80 else text[:79] + "…"

    def keeps_first(self) -> bool:
        return self.keep_group.checkedId() != 1

    def _keep_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self._defaults()

    def _defaults(self) -> None:
        """Each field on the kept record's side, unless that side is empty."""
        if self.seen is None:
            return
        kept, other = (0, 1) if self.keeps_first() else (1, 0)
        values = (self.seen.keep, self.seen.other)
        for name, (left, right) in self.radios.items():
            side = other if merge.is_empty(values[kept][name]) else kept
            if name in self.single:  # one value on both sides
                side = 0
            (left, right)[side].setChecked(True)

    def chosen(self) -> dict[str, Any]:
        """field -> the value picked."""
        assert self.seen is not None
        values = (self.seen.keep, self.seen.other)
        return {
            name: values[max(group.checkedId(), 0)][name] for name, group in self.choices.items()
        }

    def do_merge(self) -> None:
        if self.seen is None:
            return
        seen, chosen, kind = self.seen, self.chosen(), self.kind
        first, second = (seen.keep_id, seen.other_id)
        versions = (seen.keep_version, seen.other_version)
        if not self.keeps_first():
            first, second, versions = second, first, (versions[1], versions[0])
        self.merge_button.setEnabled(False)

        def work(session: Any, actor: int) -> merge.Merged:
            return merge.merge(
                session, actor, service_of(kind), first, second, chosen, expected_versions=versions
            )

        def failed(_failed: operations.Failed) -> bool:
            self.merge_button.setEnabled(True)
            return False

        operations.write(
            self, self.ctx, self.tasks, work, kinds=operations.KINDS,
            error_title=self.tr("Cannot merge"), on_done=lambda _merged: self.accept(),
            on_failed=failed,
            announce=lambda merged: operations.Changes(operations.KINDS, undo=undo.merge_entry(merged)),
        )  # fmt: skip


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []
