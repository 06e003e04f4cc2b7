"""Complete a follow-up with a note on its outcome and, in the same dialog, the next one.

`complete_followup(parent, ctx, tasks, followup_id)` opens it for an open follow-up: the
outcome note (added to the follow-up's notes) and an optional next step (a follow-up linked
to the same records, due in 3 working days, assigned to the acting user), written together
by `crm.services.followups.complete_with_next` over the version read (someone else's change
meanwhile is refused, never overwritten).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from crm.domain.enums import FollowUpStatus
from crm.domain.errors import DeskError
from crm.services import followups
from crm.ui import labels, messages
from crm.ui.context import DeskContext
from crm.ui.dialogs.actions import ActionDialog, NextStep
from crm.ui.errors import error_text
from crm.ui.i18n import tr
from crm.ui.tasks import TaskRunner


class CompleteFollowUpDialog(ActionDialog):
    kinds = frozenset({"followup"})

    def __init__(
        self,
        ctx: DeskContext,
        tasks: TaskRunner | None,
        followup_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.setObjectName("completeFollowUpDialog")
        self.followup_id = followup_id
        with ctx.db.read() as session:
            task = followups.service.get(session, followup_id)
            self.title, self.version, self.status = task.title, task.version, task.status
        self.outcome = QPlainTextEdit(self, objectName="field_outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(110)
        self.outcome_caption = self.add_row("", self.outcome, "notes")
        self.next_step = NextStep(ctx, self, checked=False)
        self.finish_layout(self.next_step)
        self.retranslate()
        self.outcome.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Complete the follow-up"))
        self.heading.setText(labels.labelled(tr("Follow-up"), self.title))
        self.outcome_caption.setText(tr("&Outcome:"))
        self.outcome.setPlaceholderText(tr("What came of it? (added to its notes)"))
        self.ok_button.setText(tr("Complete"))
        self.cancel_button.setText(tr("Cancel"))
        self.next_step.retranslate()
        self.next_step.suggest(tr("Follow up: %1").replace("%1", self.title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def error_title(self) -> str:
        return tr("Cannot complete the follow-up")

    def error_for(self, field: str) -> QLabel | None:
        if field.startswith("next_"):
            return self.next_step.errors.get(field[5:])
        return self.errors.get(field)

    def work(self) -> Callable[[Any, int], Any] | None:
        if self.next_step.problem():
            self.next_step.errors["due_date"].setText(str(self.next_step.due.problem()))  # type: ignore[attr-defined]
            self.next_step.errors["due_date"].show()
            return None
        followup_id, version = self.followup_id, self.version
        outcome, next_step = self.outcome.toPlainText().strip(), self.next_step.values()

        def complete(session: Any, actor_id: int) -> followups.Completed:
            return followups.complete_with_next(
                session, actor_id, followup_id, expected_version=version,
                outcome=outcome, next_step=next_step,
            )  # fmt: skip

        return complete


def complete_followup(
    parent: QWidget | None, ctx: DeskContext, tasks: TaskRunner | None, followup_id: int
) -> CompleteFollowUpDialog | None:
    """Open the dialog for an open follow-up (None, and a message, otherwise)."""
    title = tr("Complete the follow-up")
    try:
        dialog = CompleteFollowUpDialog(ctx, tasks, followup_id, parent)
    except DeskError as exc:
        messages.error(parent, title, error_text(exc))
        return None
    if dialog.status != FollowUpStatus.OPEN:
        dialog.deleteLater()
        messages.info(parent, title, tr("“%1” is not open: there is nothing to complete.")
                      .replace("%1", dialog.title))  # fmt: skip
        return None
    dialog.open()
    return dialog
