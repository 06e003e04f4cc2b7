"""Moving an introduction to another stage, the same way from the board and the editor.

`StageDialog` shows the move, the warnings to confirm (never accepted silently), the outcome
when closing, a note for the history, and the suggested follow-ups, which the user keeps,
edits or drops. `plan_move` asks; the board and the editor then write the move, its history
and the kept follow-ups with one service call, `stages.move_with_followups`, in one
transaction (the board off the GUI thread, through `crm.ui.operations`).

`ask(dialog)` shows a dialog modally; tests replace it (monkeypatch) to fill the dialog in
and accept or reject it, so no modal dialog ever blocks a test run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm.domain import stage_rules
from crm.domain.enums import IntroductionStage
from crm.services import staff, stages
from crm.ui import labels, messages
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.widgets.datefield import DateField


def warning_text(warning: stages.WorkflowWarning) -> str:
    """A workflow warning in the user's language, by its code."""
    if warning.code == "same_side":
        return tr("Both parties are on the same side of the border (%1).").replace(
            "%1", labels.enum_label("Territory", warning.params.get("territory", ""))
        )
    if warning.code == "already_introduced":
        return tr("The same pair is already in introduction %1.").replace(
            "%1", warning.params.get("ids", "")
        )
    if warning.code == "consent_missing":
        return tr("Both parties have not said yes yet (double opt-in).")
    return warning.message


def suggestion_title(suggestion: stage_rules.Suggestion) -> str:
    titles = {
        "check_answers": tr("Check both answers"),
        "send_introduction": tr("Send the introduction email"),
        "check_in": tr("Check in with both parties"),
        "ask_outcome": tr("Ask about the outcome"),
    }
    return titles.get(suggestion.code, suggestion.title)


def ask(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when accepted (tests replace this function)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass
class _SuggestionRow:
    keep: QCheckBox
    title: QLineEdit
    due: DateField
    assignee: QComboBox


class StageDialog(QDialog):
    """Confirm a move: warnings, outcome (closing), note, suggested follow-ups."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        from_stage: str | None,
        to_stage: str,
        warnings: list[stages.WorkflowWarning],
        suggestions: list[stage_rules.Suggestion],
        staff: list[tuple[int, str]],
        assignee_id: int | None,
        outcome: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stageDialog")
        self.to_stage = to_stage
        self.setWindowTitle(tr("Move the introduction"))
        layout = QVBoxLayout(self)
        stage = labels.enum_label("IntroductionStage", to_stage)
        origin = labels.enum_label("IntroductionStage", from_stage) if from_stage else "—"
        head = QLabel(self, objectName="stageMove")
        head.setWordWrap(True)
        head.setText(f"<b>{label}</b><br>{origin} → <b>{stage}</b>")
        layout.addWidget(head)

        self.warning_box = QGroupBox(tr("Please confirm"), self, objectName="stageWarnings")
        warn_layout = QVBoxLayout(self.warning_box)
        self.warning_labels: list[QLabel] = []
        for warning in warnings:
            text = QLabel("⚠ " + warning_text(warning), self.warning_box)
            text.setWordWrap(True)
            text.setStyleSheet("color: #a04000;")
            warn_layout.addWidget(text)
            self.warning_labels.append(text)
        self.warning_box.setVisible(bool(warnings))
        layout.addWidget(self.warning_box)

        form = QFormLayout()
        self.outcome_combo = QComboBox(self, objectName="stageOutcome")
        for value, label in labels.enum_choices("IntroductionOutcome"):
            self.outcome_combo.addItem(label, value)
        if outcome:
            self.outcome_combo.setCurrentIndex(max(self.outcome_combo.findData(outcome), 0))
        self.outcome_label = QLabel(tr("Outcome"), self)
        form.addRow(self.outcome_label, self.outcome_combo)
        closing = to_stage == IntroductionStage.CLOSED.value
        self.outcome_combo.setVisible(closing)
        self.outcome_label.setVisible(closing)
        self.note_edit = QPlainTextEdit(self, objectName="stageNote")
        self.note_edit.setFixedHeight(60)
        self.note_edit.setTabChangesFocus(True)
        form.addRow(tr("Note for the history"), self.note_edit)
        layout.addLayout(form)

        self.rows: list[_SuggestionRow] = []
        self.suggestion_box = QGroupBox(
            tr("Suggested follow-ups"), self, objectName="stageSuggestions"
        )
        grid = QGridLayout(self.suggestion_box)
        today = date.today()
        for n, suggestion in enumerate(suggestions):
            keep = QCheckBox(self.suggestion_box, objectName=f"suggestionKeep{n}")
            keep.setChecked(True)
            title = QLineEdit(
                suggestion_title(suggestion), self.suggestion_box, objectName=f"suggestionTitle{n}"
            )
            due = DateField(self.suggestion_box, required=True)
            due.setObjectName(f"suggestionDue{n}")
            due.set_value(suggestion.due(today))
            assignee = QComboBox(self.suggestion_box, objectName=f"suggestionAssignee{n}")
            for user_id, name in staff:
                assignee.addItem(name, user_id)
            assignee.setCurrentIndex(max(assignee.findData(assignee_id), 0))
            for column, widget in enumerate((keep, title, due, assignee)):
                grid.addWidget(widget, n, column)
            self.rows.append(_SuggestionRow(keep, title, due, assignee))
        grid.setColumnStretch(1, 1)
        self.suggestion_box.setVisible(bool(suggestions))
        layout.addWidget(self.suggestion_box)

        self.buttons = QDialogButtonBox(self)
        ok_text = tr("Move anyway") if warnings else tr("Move")
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("stageOk")
        self.cancel_button = self.buttons.addButton(
            tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("stageCancel")
        # Past a warning, Enter must not be the way to override it: Cancel is the default.
        (self.cancel_button if warnings else self.ok_button).setDefault(True)
        if warnings:  # and the keyboard starts there, not in the note (where Enter is a new line)
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def outcome(self) -> str | None:
        if self.to_stage != IntroductionStage.CLOSED.value:
            return None
        return str(self.outcome_combo.currentData())

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def chosen_followups(self) -> list[tuple[str, date, int | None]]:
        chosen = []
        for row in self.rows:
            due = row.due.value()
            if row.keep.isChecked() and row.title.text().strip() and due is not None:
                chosen.append((row.title.text().strip(), due, row.assignee.currentData()))
        return chosen

    def accept(self) -> None:
        """A kept follow-up's date must read (flagged under it otherwise)."""
        kept = [row.due for row in self.rows if row.keep.isChecked()]
        bad = [due for due in kept if not due.check()]
        if bad:
            bad[0].setFocus()
            return
        super().accept()


@dataclass(frozen=True)
class MovePlan:
    """What the user answered for a move: the arguments of `stages.move_with_followups`."""

    outcome: str | None
    note: str
    followups: list[stages.KeptFollowUp]
    accepted_warnings: frozenset[str] = frozenset()


def plan_move(
    parent: QWidget | None,
    ctx: DeskContext,
    record_id: int,
    to_stage: str,
    *,
    outcome: str | None = None,
    values: dict[str, Any] | None = None,
) -> MovePlan | None:
    """Ask the user to confirm a move (warnings, outcome, note, follow-ups); None if cancelled.

    `values` are the editor's unsaved party and consent values, checked instead of the
    stored ones.
    """
    with ctx.db.read() as session:
        asked = stages.move_questions(
            session, ctx.user_id, record_id, to_stage, outcome=outcome, values=values
        )
        people = staff.choices(session)
    dialog = StageDialog(parent, asked.label, asked.from_stage, to_stage, asked.warnings,
                         asked.suggestions, people, asked.assignee_id, outcome)  # fmt: skip
    try:
        if not ask(dialog):
            return None
        chosen = MovePlan(dialog.outcome(), dialog.note(), dialog.chosen_followups(),
                          frozenset(w.code for w in asked.warnings))  # fmt: skip
    finally:
        dialog.deleteLater()
    if chosen.outcome and to_stage == IntroductionStage.CLOSED.value and chosen.outcome != outcome:
        # The outcome picked in the dialog may raise a warning the dialog did not show.
        with ctx.db.read() as session:
            found = stages.check_move(session, record_id, to_stage, chosen.outcome, values=values)
        more = [w for w in found if w.code not in chosen.accepted_warnings]
        if more and not confirm_more(parent, more):
            return None
        chosen = replace(
            chosen, accepted_warnings=chosen.accepted_warnings | {w.code for w in more}
        )
    return chosen


def confirm_more(parent: QWidget | None, more: list[stages.WorkflowWarning]) -> bool:
    """Confirm warnings the move dialog did not show (the outcome picked, or a change meanwhile)."""
    return messages.confirm(
        parent,
        tr("Please confirm"),
        "\n".join(warning_text(w) for w in more),
        ok_text=tr("Move anyway"),
    )


class TimelinePanel(QWidget):
    """Beside the introduction editor: the stage history (who, when, note) and the email drafts."""

    def __init__(self, ctx: DeskContext, record_id: int, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QListWidget, QPushButton

        super().__init__(parent)
        self.setObjectName("introductionTimeline")
        self.ctx = ctx
        self.record_id = record_id
        self.heading = QLabel(tr("History"), self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self, objectName="timelineList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.email_button = QPushButton(tr("Draft an email…"), self, objectName="draftEmail")
        self.email_button.clicked.connect(self.draft_email)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.email_button)
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            entries = stages.timeline(session, self.record_id)
        self.list.clear()
        for entry in reversed(entries):
            when = (
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
                if entry.at.tzinfo
                else f"{entry.at:%Y-%m-%d %H:%M}"
            )
            stage = labels.enum_label("IntroductionStage", entry.to_stage)
            if entry.outcome:
                stage += f" ({labels.enum_label('IntroductionOutcome', entry.outcome)})"
            origin = (
                labels.enum_label("IntroductionStage", entry.from_stage) + " → "
                if entry.from_stage
                else ""
            )
            text = f"{when} · {entry.user or '—'}\n{origin}{stage}"
            if entry.note == stages.UNDO_NOTE:
                text += "\n" + tr("Undo of the previous move")
            elif entry.note:
                text += f"\n“{entry.note}”"
            self.list.addItem(text)

    def entries(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def draft_email(self) -> None:
        from crm.ui.dialogs.email_dialog import EmailDialog

        EmailDialog(self.ctx, self.record_id, self).open()


def confirm_new(
    parent: QWidget | None, ctx: DeskContext, values: dict[str, Any]
) -> frozenset[str] | None:
    """Before creating an introduction: its warnings, confirmed by the user. The codes the
    user accepted (for `stages.create_at_stage`), None when they cancelled."""
    stage = values.get("stage") or IntroductionStage.PROPOSED.value
    with ctx.db.read() as session:
        found = stages.warnings_for(session, values, stage, outcome=values.get("outcome"))
    if found and not messages.confirm(
        parent, tr("Please confirm"), "\n".join("⚠ " + warning_text(w) for w in found),
        ok_text=tr("Save anyway"),
    ):  # fmt: skip
        return None
    return frozenset(w.code for w in found)
