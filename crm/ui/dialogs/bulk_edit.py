"""Edit selected…: one change made to every record selected in a list (a tag added or
removed, a territory, membership, language, owner, assignee, or a consent answer with its
date and channel), as one write of `crm.ui.operations` announced with its Undo
(`crm.ui.undo.bulk_edit_entry`: the whole edit is taken back at once).

What each kind offers comes from `crm.services.bulk_edit.EDITS`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm.services import bulk_edit, staff, tags
from crm.ui import labels, messages, operations, undo
from crm.ui.context import DeskContext
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.datefield import DateField

# What the "Change" list offers: key -> (field, remove), in this order.
ACTIONS: dict[str, tuple[str, bool]] = {
    "add_tag": ("tags", False),
    "remove_tag": ("tags", True),
    "territory": ("territory", False),
    "membership": ("membership", False),
    "language": ("language", False),
    "share_with_partners": ("share_with_partners", False),
    "owner_id": ("owner_id", False),
    "assignee_id": ("assignee_id", False),
}
ENUM_NAMES = {"territory": "Territory", "membership": "Membership", "language": "Language",
              "share_with_partners": "Consent"}  # fmt: skip


def action_text(key: str) -> str:
    return {
        "add_tag": QCoreApplication.translate("BulkEditDialog", "Add a tag"),
        "remove_tag": QCoreApplication.translate("BulkEditDialog", "Remove a tag"),
        "territory": QCoreApplication.translate("BulkEditDialog", "Set the territory"),
        "membership": QCoreApplication.translate("BulkEditDialog", "Set the membership"),
        "language": QCoreApplication.translate("BulkEditDialog", "Set the preferred language"),
        "share_with_partners": QCoreApplication.translate("BulkEditDialog", "Record a consent answer (sharing with partners)"),
        "owner_id": QCoreApplication.translate("BulkEditDialog", "Set the owner"),
        "assignee_id": QCoreApplication.translate("BulkEditDialog", "Set the assignee"),
    }[key]  # fmt: skip


class BulkEditDialog(QDialog):
    """One change for the `ids` of `kind` selected in a list."""

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None, kind: str,
        ids: list[int],
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.ctx = ctx
        self.tasks = tasks
        self.kind = kind
        self.ids = list(ids)
        self.edited: bulk_edit.Edited | None = None
        offered = bulk_edit.EDITS.get(kind, {})
        self.offered = [key for key, (name, _remove) in ACTIONS.items() if name in offered]
        with ctx.db.read() as session:  # two short lists, read once
            self.tag_names = tags.choices(session, kind) if "tags" in offered else []
            self.staff = staff.choices(session)
        self.intro = QLabel(self, objectName="bulkEditIntro")
        self.intro.setWordWrap(True)
        self.action = QComboBox(self, objectName="bulkEditAction")
        for key in self.offered:
            self.action.addItem("", key)
        self.pages = QStackedWidget(self)
        # One value editor per kind of value.
        self.tag = QLineEdit(self, objectName="bulkEditTag")
        self.tag.setCompleter(QCompleter(self.tag_names, self.tag))
        self.choice = QComboBox(self, objectName="bulkEditChoice")
        self.user = QComboBox(self, objectName="bulkEditUser")
        for user_id, name in self.staff:
            self.user.addItem(name, user_id)
        consent = self.consent_page = QWidget(self)
        self.consent = QComboBox(consent, objectName="bulkEditConsent")
        self.consent_date = DateField(consent)
        self.consent_date.setObjectName("bulkEditConsentDate")
        self.channel = QLineEdit(consent, objectName="bulkEditChannel")
        self.consent_labels = [QLabel(consent) for _ in range(3)]
        consent_form = QFormLayout(consent)
        consent_form.setContentsMargins(0, 0, 0, 0)
        for label, widget in zip(
            self.consent_labels, (self.consent, self.consent_date, self.channel), strict=True
        ):
            label.setBuddy(widget)
            consent_form.addRow(label, widget)
        self.page_of: dict[QWidget, QWidget] = {}
        for editor in (self.tag, self.choice, self.user):
            # Each editor at the top of its own page, its natural height (the stack is as
            # tall as the consent page).
            page = QWidget(self)
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            column.addStretch(1)
            self.page_of[editor] = page
            self.pages.addWidget(page)
        self.page_of[consent] = consent
        self.pages.addWidget(consent)
        self.action.currentIndexChanged.connect(self._action_changed)
        self.action_label = QLabel(self)
        self.action_label.setBuddy(self.action)
        self.value_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.action_label, self.action)
        form.addRow(self.value_label, self.pages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = QPushButton(self, objectName="bulkEditApply")
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._action_changed()
        self.resize(560, 300)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit selected records"))
        self.intro.setText(
            self.tr(
                "One change for the %n selected record(s). Records that already have it are left as they are; Undo takes the whole change back.",
                None,
                len(self.ids),
            )
        )
        self.action_label.setText(self.tr("&Change:"))
        self.value_label.setText(self.tr("&Value:"))
        for i, key in enumerate(self.offered):
            self.action.setItemText(i, action_text(key))
        self.apply_button.setText(self.tr("&Apply"))
        self.tag.setPlaceholderText(self.tr("A tag, e.g. Mission Boston 2026"))
        self.channel.setPlaceholderText(self.tr("email, phone, form…"))
        texts = (self.tr("Answer:"), self.tr("Answered on:"), self.tr("Answered by:"))
        for label, text in zip(self.consent_labels, texts, strict=True):
            label.setText(text)
        self._fill_choices()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_action(self) -> str:
        return str(self.action.currentData())

    def _fill_choices(self) -> None:
        key = self.current_action()
        enum_name = ENUM_NAMES.get(key)
        combo = self.consent if key == "share_with_partners" else self.choice
        if enum_name is None:
            return
        kept = combo.currentData()
        combo.clear()
        for value, text in labels.enum_choices(enum_name):
            combo.addItem(text, value)
        # A consent answer is a person's, never a default: the user chooses it.
        combo.setCurrentIndex(-1 if combo is self.consent else 0)
        if kept is not None:
            combo.setCurrentIndex(combo.findData(kept))

    def _action_changed(self) -> None:
        key = self.current_action()
        field, _remove = ACTIONS[key]
        page: QWidget = (
            self.tag if field == "tags"
            else self.user if field in ("owner_id", "assignee_id")
            else self.consent_page if field == "share_with_partners"
            else self.choice
        )  # fmt: skip
        self.pages.setCurrentWidget(self.page_of[page])
        self.value_label.setBuddy(self.consent if field == "share_with_partners" else page)
        self._fill_choices()

    def change(self) -> bulk_edit.Change | None:
        """The change asked, None (with a message) when it is not complete."""
        key = self.current_action()
        field, remove = ACTIONS[key]
        if field == "tags":
            name = self.tag.text().strip()
            if not name:
                messages.error(self, self.tr("Edit selected records"), self.tr("Type the tag."))
                return None
            return bulk_edit.Change("tags", name, remove=remove)
        if field in ("owner_id", "assignee_id"):
            return bulk_edit.Change(field, self.user.currentData())
        if field == "share_with_partners":
            if self.consent.currentData() is None:
                messages.error(
                    self, self.tr("Edit selected records"), self.tr("Choose the answer.")
                )
                return None
            if not self.consent_date.check():
                return None
            return bulk_edit.Change(
                field, self.consent.currentData(), day=self.consent_date.value(),
                channel=self.channel.text(),
            )  # fmt: skip
        return bulk_edit.Change(field, self.choice.currentData())

    def apply(self) -> None:
        change = self.change()
        if change is None:
            return
        kind, ids = self.kind, self.ids
        self.apply_button.setEnabled(False)

        def work(session: Any, actor: int) -> bulk_edit.Edited:
            return bulk_edit.apply(session, actor, kind, ids, change)

        def done(edited: bulk_edit.Edited) -> None:
            self.edited = edited
            self.accept()

        def failed(_failed: operations.Failed) -> bool:
            self.apply_button.setEnabled(True)
            return False

        operations.write(
            self, self.ctx, self.tasks, work, kinds={kind, "tag"},
            error_title=self.tr("Cannot change the selected records"), on_done=done,
            on_failed=failed,
            announce=lambda edited: operations.Changes(
                frozenset({kind, "tag"}), undo=undo.bulk_edit_entry(edited)
            ),
        )  # fmt: skip
