"""Staff users in the window: who am I (`WhoAmIDialog`) and the staff users with their roles
(`StaffUsersDialog`, File › Staff users).

`WhoAmIDialog` lists the active staff users and offers to add yourself; its `answer()` is the
chosen `Person` or the new user's values (the caller writes it, `crm.ui.identity.ask`).
`StaffUsersDialog` shows every staff user's role; an admin sets roles and adds staff users
(through `crm.ui.operations`, the services checking the role again); everyone else sees the
list, read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain.enums import Role
from crm.services import users
from crm.ui import labels, operations
from crm.ui.identity import Person, refresh_role, roster

if TYPE_CHECKING:
    from crm.ui.context import DeskContext
    from crm.ui.tasks import TaskRunner


def role_label(role: Role | str) -> str:
    return labels.enum_label("Role", Role(role).value)


class WhoAmIDialog(QDialog):
    """Which staff user are you? Pick one, or add yourself (the first of a database is its
    admin). OK stays disabled until there is an answer."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("WhoAmIDialog", "Who are you?")

    def __init__(
        self, people: list[Person], login: str, parent: QWidget | None = None, current: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whoAmIDialog")
        self.setWindowTitle(self.title())
        self.people = people
        intro = QLabel(
            self.tr(
                "Every change is recorded under a staff user. Which one are you on this "
                "database? The desk remembers it for this database; File › Switch staff user "
                "changes it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.pick = QRadioButton(self.tr("I am one of these staff users:"), self)
        self.pick.setObjectName("whoAmIPick")
        self.list = QListWidget(self, objectName="whoAmIList")
        for who in people:
            text = f"{who.shown} ({who.name}) · {role_label(who.role)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, who.id)
            self.list.addItem(item)
        self.new = QRadioButton(self.tr("I am new here: add me"), self)
        self.new.setObjectName("whoAmINew")
        self.name = QLineEdit(login if not any(p.name == login for p in people) else "", self)
        self.name.setObjectName("whoAmIName")
        self.name.setPlaceholderText(self.tr("one word, e.g. mtremblay"))
        self.display_name = QLineEdit(self, objectName="whoAmIDisplayName")
        self.display_name.setPlaceholderText(self.tr("e.g. Marie Tremblay"))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name)
        form.addRow(self.tr("Full name:"), self.display_name)
        note = QLabel(
            self.tr("The first staff user of a database is its admin; the next ones are staff.")
            if people else self.tr("You are the first staff user of this database: its admin."),
            self,
        )  # fmt: skip
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pick)
        layout.addWidget(self.list)
        layout.addWidget(self.new)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.pick.setVisible(bool(people))
        self.list.setVisible(bool(people))
        self.list.itemSelectionChanged.connect(lambda: self.pick.setChecked(True))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.name.textEdited.connect(lambda _text: self.new.setChecked(True))
        self.display_name.textEdited.connect(lambda _text: self.new.setChecked(True))
        for signal in (self.pick.toggled, self.name.textChanged, self.list.itemSelectionChanged):
            signal.connect(self._update)
        if people:
            self.pick.setChecked(True)
            known = [p.name.lower() for p in people]
            chosen = next((n for n in (current.lower(), login.lower()) if n in known), None)
            self.list.setCurrentRow(known.index(chosen) if chosen is not None else 0)
            self.list.setFocus()
        else:
            self.new.setChecked(True)
            self.name.setFocus()
        self.setMinimumWidth(480)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.pick.isChecked():
            ok.setEnabled(self.list.currentRow() >= 0)
        else:
            ok.setEnabled(bool(self.name.text().strip()))

    def answer(self) -> Person | dict[str, str] | None:
        if self.pick.isChecked():
            row = self.list.currentRow()
            return self.people[row] if 0 <= row < len(self.people) else None
        name = self.name.text().strip()
        if not name:
            return None
        return {"name": name, "display_name": self.display_name.text().strip()}


class StaffUsersDialog(QDialog):
    """The staff users and their roles; an admin changes roles and adds users."""

    NAME, FULL_NAME, ROLE = range(3)

    def __init__(self, ctx: DeskContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffUsersDialog")
        self.ctx, self.tasks = ctx, tasks
        self.setWindowTitle(self.tr("Staff users"))
        self.table = QTableWidget(0, 3, self, objectName="staffUsersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"),
                                              self.tr("Role")])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self, objectName="staffUsersNote")
        self.note.setWordWrap(True)
        self.add_box = QGroupBox(self.tr("Add a staff user"), self)
        self.new_name = QLineEdit(self, objectName="staffNewName")
        self.new_name.setPlaceholderText(self.tr("one word, e.g. mtremblay"))
        self.new_display = QLineEdit(self, objectName="staffNewDisplayName")
        self.new_role = QComboBox(self, objectName="staffNewRole")
        for role in Role:
            self.new_role.addItem(role_label(role), role.value)
        self.new_role.setCurrentIndex(list(Role).index(Role.STAFF))
        self.add_button = QPushButton(self.tr("Add"), self, objectName="staffAdd")
        self.add_button.clicked.connect(self.add_user)
        row = QHBoxLayout(self.add_box)
        row.addWidget(self.new_name, 2)
        row.addWidget(self.new_display, 3)
        row.addWidget(self.new_role, 1)
        row.addWidget(self.add_button)
        self.new_display.setPlaceholderText(self.tr("Full name"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.add_box)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        refresh_role(self.ctx)
        admin = self.ctx.is_admin
        self.people = roster(self.ctx.db)
        self.table.setRowCount(len(self.people))
        for row, who in enumerate(self.people):
            self.table.setItem(row, self.NAME, QTableWidgetItem(who.name))
            self.table.setItem(row, self.FULL_NAME, QTableWidgetItem(who.display_name))
            if admin:
                combo = QComboBox(self.table)
                combo.setObjectName(f"staffRole_{who.name}")
                for role in Role:
                    combo.addItem(role_label(role), role.value)
                combo.setCurrentIndex(list(Role).index(who.role))
                combo.activated.connect(
                    lambda _i, c=combo, w=who: self.set_role(w, Role(c.currentData()))
                )
                self.table.setCellWidget(row, self.ROLE, combo)
            else:
                self.table.removeCellWidget(row, self.ROLE)
                self.table.setItem(row, self.ROLE, QTableWidgetItem(role_label(who.role)))
        self.table.resizeColumnsToContents()
        self.add_box.setEnabled(admin)
        self.note.setText(
            self.tr("As an admin you set each staff user's role. Admins may also erase records "
                    "for good, restore backups, add staff users and export people without "
                    "consent; read-only users can look but change nothing.")
            if admin else
            self.tr("Only an admin changes roles and adds staff users. You are %1: %2.")
            .replace("%1", self.ctx.user_name).replace("%2", role_label(self.ctx.role))
        )  # fmt: skip

    def set_role(self, who: Person, role: Role) -> None:
        if role is who.role:
            return
        operations.write(
            self, self.ctx, self.tasks,
            lambda session, actor: users.set_role(session, actor, who.id, role),
            kinds=("staff_user",), error_title=self.tr("Cannot change the role"),
            on_done=lambda _user: self.reload(), on_failed=self._failed,
        )  # fmt: skip

    def add_user(self) -> None:
        values = {"name": self.new_name.text().strip(),
                  "display_name": self.new_display.text().strip()}  # fmt: skip
        role = Role(self.new_role.currentData())
        operations.write(
            self, self.ctx, self.tasks,
            lambda session, actor: users.add(session, actor, values, role),
            kinds=("staff_user",), error_title=self.tr("Cannot add the staff user"),
            on_done=self._added, on_failed=self._failed,
        )  # fmt: skip

    def _added(self, _user: object) -> None:
        self.new_name.clear()
        self.new_display.clear()
        self.reload()

    def _failed(self, _failed: operations.Failed) -> bool:
        self.reload()  # a refused role change puts the combo box back
        return False
