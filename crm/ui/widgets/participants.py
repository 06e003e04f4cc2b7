"""`ParticipantsPanel`: an event's participants, edited in place beside the event editor.

One row per live participant (a contact, an organization, or a contact for an organization)
with its side of the border, its role (edit the cell) and its attendance (a yes / no /
unknown choice in the cell). Below the table: pick a contact or an organization and a role
to add one; remove the selected ones (to the trash). Every change is one call to
`crm.services.events.participants` under the acting staff user, with the version read
(optimistic locking); a second entry for the same person is added only once confirmed.

The panel also offers the event's one-to-one meeting → introduction flow and the delegation
roster (`crm.ui.dialogs.roster`).

Signals: `changed()` after any participant was written; `openRequested(str kind, int id)`
when the user opens a participant (double-click) or the introduction just made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import DeskError, DuplicateWarning, NotFound, StaleRecord, ValidationFailed
from crm.services import events
from crm.services.roster import RosterRow
from crm.services.roster import roster as roster_rows
from crm.ui import labels, messages
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.i18n import tr
from crm.ui.widgets.picker import RecordPicker

NAME, ORGANIZATION, SIDE, ROLE, ATTENDED = range(5)
IdRole = Qt.ItemDataRole.UserRole + 1
ATTENDANCE: tuple[bool | None, ...] = (None, True, False)


def attendance_text(value: bool | None) -> str:
    return {None: tr("Unknown"), True: tr("Yes"), False: tr("No")}[value]


@dataclass(frozen=True)
class ParticipantRow:
    """One participant as shown: the roster row and the version it was read at."""

    roster: RosterRow
    version: int

    @property
    def id(self) -> int:
        return self.roster.participant_id


def read_participants(session: Any, event_id: int) -> list[ParticipantRow]:
    return [ParticipantRow(r, r.version) for r in roster_rows(session, event_id)]


class ParticipantsPanel(QWidget):
    changed = Signal()
    openRequested = Signal(str, int)

    def __init__(self, ctx: DeskContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantsPanel")
        self.ctx = ctx
        self.event_id = event_id
        self.rows: list[ParticipantRow] = []
        self._filling = False

        self.heading = QLabel(self, objectName="participantsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = QTableWidget(0, 5, self, objectName="participantsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SIDE, 110), (ROLE, 130), (ATTENDED, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellDoubleClicked.connect(self._double_clicked)

        # Adding: contact or organization, the record, its role.
        self.add_kind = QComboBox(self, objectName="participantKind")
        self.add_kind.addItem("", "contact")
        self.add_kind.addItem("", "organization")
        self.picker = RecordPicker(ctx.db, "contact", self)
        self.picker.setObjectName("participantPicker")
        self.add_role = QLineEdit(self, objectName="participantRole")
        self.add_button = QPushButton(self, objectName="participantAdd")
        self.remove_button = QPushButton(self, objectName="participantRemove")
        self.add_kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_role.returnPressed.connect(self.add_picked)
        adding = QHBoxLayout()
        adding.addWidget(self.add_kind)
        adding.addWidget(self.picker, 2)
        adding.addWidget(self.add_role, 1)
        adding.addWidget(self.add_button)

        self.meeting_button = QPushButton(self, objectName="participantsMeeting")
        self.roster_button = QPushButton(self, objectName="participantsRoster")
        self.meeting_button.clicked.connect(self.meeting_to_introduction)
        self.roster_button.clicked.connect(self.show_roster)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.meeting_button)
        actions.addWidget(self.roster_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addLayout(actions)
        self.retranslate()
        self.reload()

    # --- labels ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(tr("Participants (%1)").replace("%1", str(len(self.rows))))
        self.table.setHorizontalHeaderLabels(
            [tr("Participant"), tr("Organization"), tr("Side"), tr("Role"), tr("Attended")]
        )
        self.add_kind.setItemText(0, tr("Contact"))
        self.add_kind.setItemText(1, tr("Organization"))
        self.picker.setPlaceholderText(tr("Type a name to add…"))
        self.add_role.setPlaceholderText(tr("Role (speaker, delegate…)"))
        self.add_button.setText(tr("Add"))
        self.remove_button.setText(tr("Remove"))
        self.remove_button.setToolTip(tr("Move the selected participants to the trash"))
        self.meeting_button.setText(tr("One-to-one meeting → introduction…"))
        self.roster_button.setText(tr("Delegation roster…"))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, ATTENDED)
            if isinstance(combo, QComboBox):
                for i, value in enumerate(ATTENDANCE):
                    combo.setItemText(i, attendance_text(value))
            side = self.table.item(row, SIDE)
            if side is not None and row < len(self.rows):
                side.setText(labels.enum_label("Territory", self.rows[row].roster.side))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            self.rows = read_participants(session, self.event_id)
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(self.rows))
            for n, row in enumerate(self.rows):
                r = row.roster
                for column, text in ((NAME, r.name), (ORGANIZATION, r.organization),
                                     (SIDE, labels.enum_label("Territory", r.side)),
                                     (ROLE, r.role)):  # fmt: skip
                    item = QTableWidgetItem(text)
                    item.setData(IdRole, row.id)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if column == ROLE:
                        flags |= Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
                    self.table.setItem(n, column, item)
                combo = QComboBox(self.table)
                combo.setObjectName(f"attended_{row.id}")
                for value in ATTENDANCE:
                    combo.addItem(attendance_text(value), value)
                combo.setCurrentIndex(ATTENDANCE.index(r.attended))
                combo.currentIndexChanged.connect(
                    lambda index, pid=row.id: self.set_attended(pid, ATTENDANCE[index])
                )
                self.table.setCellWidget(n, ATTENDED, combo)
        finally:
            self._filling = False
        self.heading.setText(tr("Participants (%1)").replace("%1", str(len(self.rows))))
        has_both = {"QC", "MA"} <= {r.roster.side for r in self.rows}
        self.meeting_button.setEnabled(has_both)
        self.roster_button.setEnabled(bool(self.rows))

    def row_of(self, participant_id: int) -> ParticipantRow | None:
        return next((r for r in self.rows if r.id == participant_id), None)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[n].id for n in rows if n < len(self.rows)]

    # --- writing -----------------------------------------------------------------------------

    def _write(self, title: str, action: Any) -> bool:
        """Run `action(session)` in one transaction; errors are told, then the table re-read."""
        try:
            with self.ctx.db.write() as session:
                action(session)
        except StaleRecord:
            messages.error(self, tr("Changed by someone else"),
                           tr("Someone else changed this participant meanwhile; the list shows "
                              "their version now."))  # fmt: skip
            self.reload()
            return False
        except NotFound:
            messages.error(self, title, tr("This participant is no longer there."))
            self.reload()
            return False
        except (ValidationFailed, DeskError) as exc:
            messages.error(self, title, error_text(exc))
            self.reload()
            return False
        self.reload()
        self.changed.emit()
        return True

    def change(self, participant_id: int, changes: dict[str, Any]) -> bool:
        row = self.row_of(participant_id)
        if row is None:
            return False
        return self._write(
            tr("Cannot change the participant"),
            lambda s: events.participants.update(
                s, self.ctx.user_id, participant_id, changes, expected_version=row.version,
                allow_duplicate=True,
            ),
        )  # fmt: skip

    def set_role(self, participant_id: int, role: str) -> bool:
        return self.change(participant_id, {"role": role.strip()})

    def set_attended(self, participant_id: int, attended: bool | None) -> bool:
        if self._filling:
            return False
        return self.change(participant_id, {"attended": attended})

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != ROLE:
            return
        participant_id = item.data(IdRole)
        row = self.row_of(int(participant_id)) if participant_id is not None else None
        if row is not None and item.text().strip() != row.roster.role:
            # Written after the edit returns: reloading inside itemChanged would pull the
            # item from under the view.
            text = item.text()
            QTimer.singleShot(0, lambda: self.set_role(row.id, text))

    def add(self, contact_id: int | None = None, organization_id: int | None = None,
            role: str = "", attended: bool | None = None) -> int | None:  # fmt: skip
        """Add a participant; asks before adding the same person twice. Returns its id."""
        values = {"event_id": self.event_id, "contact_id": contact_id,
                  "organization_id": organization_id, "role": role.strip(), "attended": attended}  # fmt: skip
        made: list[int] = []
        allow = False
        while True:
            try:
                with self.ctx.db.write() as session:
                    made.append(events.participants.create(
                        session, self.ctx.user_id, values, allow_duplicate=allow).id)  # fmt: skip
            except DuplicateWarning:
                if not messages.confirm(
                    self, tr("Already a participant"),
                    tr("This participant is already on the list of this event. Add it again?"),
                    ok_text=tr("Add anyway"),
                ):  # fmt: skip
                    return None
                allow = True
                continue
            except (ValidationFailed, DeskError) as exc:
                messages.error(self, tr("Cannot add the participant"), error_text(exc))
                return None
            break
        self.reload()
        self.changed.emit()
        return made[0]

    def add_picked(self) -> int | None:
        record_id = self.picker.value()
        if record_id is None:
            messages.info(self, tr("Add a participant"),
                          tr("Type a name and pick a contact or an organization from the list."))  # fmt: skip
            return None
        kind = self.add_kind.currentData()
        made = self.add(
            contact_id=record_id if kind == "contact" else None,
            organization_id=record_id if kind == "organization" else None,
            role=self.add_role.text(),
        )
        if made is not None:
            self.picker.set_value(None)
            self.add_role.clear()
        return made

    def _kind_changed(self) -> None:
        self.picker.kind = str(self.add_kind.currentData())
        self.picker.set_value(None)

    def remove_selected(self) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        versions = {pid: row.version for pid in ids if (row := self.row_of(pid)) is not None}

        def remove(session: Any) -> None:
            for pid, version in versions.items():
                events.participants.delete(session, self.ctx.user_id, pid, expected_version=version)

        return len(versions) if self._write(tr("Cannot remove the participant"), remove) else 0

    def _double_clicked(self, row: int, column: int) -> None:
        if column in (ROLE, ATTENDED) or row >= len(self.rows):
            return
        r = self.rows[row].roster
        if column == ORGANIZATION and r.organization_id:
            self.openRequested.emit("organization", r.organization_id)
        elif r.contact_id:
            self.openRequested.emit("contact", r.contact_id)
        elif r.organization_id:
            self.openRequested.emit("organization", r.organization_id)

    # --- meetings and roster -----------------------------------------------------------------

    def meeting_to_introduction(self) -> int | None:
        from crm.ui.dialogs import roster

        intro_id = roster.meeting_to_introduction(self, self.ctx, self.event_id)
        if intro_id is not None:
            self.changed.emit()
            self.openRequested.emit("introduction", intro_id)
        return intro_id

    def show_roster(self) -> None:
        from crm.ui.dialogs import roster

        dialog = roster.RosterDialog(self.ctx, self.event_id, self)
        dialog.open()
