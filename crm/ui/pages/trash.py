"""The trash: deleted records of every kind, who deleted them and when; restore or erase."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from crm.domain.enums import Role
from crm.services import lists
from crm.services.privacy import roles
from crm.ui import messages
from crm.ui.changes import Changes
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.pages.list_filters import FilterDef
from crm.ui.pages.lists import ListPage
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner


class TrashPage(ListPage):
    """Restore or erase the selection (writes through `crm.ui.operations`)."""

    spec = lists.TRASH
    filter_defs = (FilterDef("kind", QT_TRANSLATE_NOOP("Filters", "Kind"), "enum:EntityKind"),)
    can_create = False

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tasks, parent)
        self.restore_button = QPushButton(icon("restore"), "", self, objectName="trashRestore")
        self.purge_button = QPushButton(icon("trash"), "", self, objectName="trashPurge")
        page = self.layout()
        row = page.itemAt(1) if page is not None else None
        bar = row.layout() if row is not None else None
        assert bar is not None, "a list page's second row is its button bar"
        bar.addWidget(self.restore_button)
        bar.addWidget(self.purge_button)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.delete_action.setEnabled(False)
        self.delete_action.setVisible(False)
        self.retranslate()

    def page_title(self) -> str:
        return self.tr("Trash")

    def empty_texts(self) -> tuple[str, str, list[tuple[str, str]]]:
        return (
            self.tr("The trash is empty"),
            self.tr("Records you delete wait here, with who deleted them and when, until you restore them or delete them permanently."),
            [],
        )  # fmt: skip

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "purge_button"):
            return
        self.restore_button.setText(self.tr("Restore"))
        self.purge_button.setText(self.tr("Delete permanently…"))
        self._show_role()

    def refresh(self, changes: Changes) -> None:
        super().refresh(changes)
        self._show_role()  # another staff user now, or another role

    def _show_role(self) -> None:
        """Erasing for good is an admin's (the services refuse anyone else): the button says
        so rather than asking a question whose answer would be refused."""
        admin = self.ctx.is_admin
        self.purge_button.setEnabled(admin)
        self.purge_button.setToolTip(
            "" if admin else self.tr("Only an admin can delete records permanently.")
        )

    def delete_selected(self) -> None:
        """The Delete key in the trash: erase, after asking."""
        self.purge_selected()

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self.apply_to_selected("restore", chosen, self.tr("Cannot restore"))

    def purge_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        if not self.ctx.is_admin:  # the Delete key: the refusal at once, not after a question
            refusal = roles.refusal(self.ctx.user_name, Role.ADMIN, "purge")
            messages.error(self, self.tr("Cannot delete permanently"), error_text(refusal))
            return
        question = self.tr(
            "Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.",
            None,
            len(chosen),
        )
        from crm.services.privacy.destroy import backups_holding_records

        held = backups_holding_records(self.ctx.db, chosen)
        if held:  # copies the erasing cannot reach: said before, not after
            question += "\n\n" + self.tr(
                "%n backup(s) made since then still hold them; delete them or keep them out of restores:",
                None,
                len(held),
            )
            question += "\n" + "\n".join(str(path) for path in held)
        if not messages.confirm(
            self, self.tr("Delete permanently"), question, ok_text=self.tr("Delete permanently")
        ):
            return
        self.apply_to_selected("purge", chosen, self.tr("Cannot delete permanently"))

    def fill_context_menu(self, menu: QMenu) -> None:
        has_selection = bool(self.selected_rows())
        restore = menu.addAction(icon("restore"), self.tr("Restore"))
        restore.triggered.connect(self.restore_selected)
        restore.setEnabled(has_selection)
        purge = menu.addAction(icon("trash"), self.tr("Delete permanently…"))
        purge.triggered.connect(self.purge_selected)
        purge.setEnabled(has_selection and self.ctx.is_admin)
