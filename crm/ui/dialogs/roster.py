"""An event's delegation roster, and its one-to-one meetings turned into introductions.

- `RosterDialog`: the event's participants grouped by side (Québec, Massachusetts,
  elsewhere) with organization, role and attendance; Copy puts the plain-text roster on the
  clipboard, "Save as text…" writes it to a UTF-8 file, "Save as PDF…" prints it to a PDF.
- `MeetingDialog`: pick a Québec participant and a Massachusetts participant of the event and
  an optional note.
- `meeting_to_introduction`: the whole flow: the dialog, the workflow's warnings confirmed
  through `crm.ui.messages`, then `meetings.introduction_from_meeting` in one transaction.

`ask(dialog)` shows a dialog modally and `save_path(...)` asks for a file name; tests
replace both (monkeypatch), so no modal dialog ever blocks a test run.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import DeskError
from crm.services import events, meetings, roster
from crm.ui import labels, messages, settings
from crm.ui.context import DeskContext
from crm.ui.dialogs.stage_dialog import warning_text
from crm.ui.errors import error_text
from crm.ui.i18n import tr

SIDES = ("QC", "MA", "OTHER")
IdRole = Qt.ItemDataRole.UserRole + 1


def ask(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when accepted (tests replace this function)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Ask where to save; "" when cancelled (tests replace this function)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def attendance_text(value: bool | None) -> str:
    return {None: tr("Unknown"), True: tr("Yes"), False: tr("No")}[value]


def side_headings() -> dict[str, str]:
    return {side: labels.enum_label("Territory", side) for side in SIDES}


# --- one-to-one meeting → introduction -------------------------------------------------------


class MeetingDialog(QDialog):
    """Choose the two parties of a one-to-one meeting held at the event, and a note."""

    def __init__(
        self, parent: QWidget | None, event_name: str, rows: list[roster.RosterRow]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(tr("One-to-one meeting → introduction"))
        head = QLabel(self, objectName="meetingEvent")
        head.setWordWrap(True)
        head.setText(
            tr("A one-to-one meeting held at <b>%1</b> becomes an introduction at the stage "
               "“Meeting held”, linked to the event.").replace("%1", html.escape(event_name))
        )  # fmt: skip
        self.qc_combo = QComboBox(self, objectName="meetingQc")
        self.ma_combo = QComboBox(self, objectName="meetingMa")
        for combo, side in ((self.qc_combo, "QC"), (self.ma_combo, "MA")):
            for row in rows:
                if row.side == side:
                    text = row.name + (f" — {row.organization}" if row.organization else "")
                    combo.addItem(text, row.participant_id)
        self.rows = {row.participant_id: row for row in rows}
        self.note_edit = QPlainTextEdit(self, objectName="meetingNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(tr("Québec participant"), self.qc_combo)
        form.addRow(tr("Massachusetts participant"), self.ma_combo)
        form.addRow(tr("Note"), self.note_edit)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(tr("Create the introduction"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.ok_button.setObjectName("meetingOk")
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(max(520, self.sizeHint().width()), self.sizeHint().height())

    def choose(self, qc_participant_id: int, ma_participant_id: int, note: str = "") -> None:
        """Select both parties by participant id (for tests and automation)."""
        self.qc_combo.setCurrentIndex(self.qc_combo.findData(qc_participant_id))
        self.ma_combo.setCurrentIndex(self.ma_combo.findData(ma_participant_id))
        self.note_edit.setPlainText(note)

    def parties(self) -> tuple[roster.RosterRow, roster.RosterRow] | None:
        qc, ma = self.qc_combo.currentData(), self.ma_combo.currentData()
        if qc is None or ma is None:
            return None
        return self.rows[int(qc)], self.rows[int(ma)]

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()


def _party(row: roster.RosterRow) -> tuple[int | None, int | None]:
    return row.contact_id, row.organization_id


def meeting_to_introduction(parent: QWidget | None, ctx: DeskContext, event_id: int) -> int | None:
    """Ask for the two parties, confirm the workflow's warnings, create the introduction.

    Returns the new introduction's id, None when cancelled or refused.
    """
    with ctx.db.read() as session:
        rows = roster.roster(session, event_id)
        event_name = events.service.get(session, event_id, include_deleted=True).name
    sides = {r.side for r in rows}
    if not {"QC", "MA"} <= sides:
        messages.info(parent, tr("One-to-one meeting → introduction"),
                      tr("This event needs at least one Québec participant and one Massachusetts "
                         "participant."))  # fmt: skip
        return None
    dialog = MeetingDialog(parent, event_name, rows)
    try:
        if not ask(dialog):
            return None
        chosen, note = dialog.parties(), dialog.note()
    finally:
        dialog.deleteLater()
    if chosen is None:
        return None
    (qc_contact, qc_org), (ma_contact, ma_org) = _party(chosen[0]), _party(chosen[1])
    with ctx.db.read() as session:
        found = meetings.meeting_warnings(session, event_id, qc_contact, ma_contact,
                                          qc_organization_id=qc_org, ma_organization_id=ma_org)  # fmt: skip
    if found and not messages.confirm(
        parent, tr("Please confirm"), "\n".join("⚠ " + warning_text(w) for w in found),
        ok_text=tr("Create anyway"),
    ):  # fmt: skip
        return None
    try:
        with ctx.db.write() as session:
            intro = meetings.introduction_from_meeting(
                session, ctx.user_id, event_id, qc_contact, ma_contact,
                qc_organization_id=qc_org, ma_organization_id=ma_org, note=note,
                accepted_warnings={w.code for w in found},
            )  # fmt: skip
            return int(intro.id)
    except DeskError as exc:
        messages.error(parent, tr("Cannot create the introduction"), error_text(exc))
        return None


# --- the delegation roster -------------------------------------------------------------------


class RosterDialog(QDialog):
    """The event's participants by side, to copy, save as text or print to PDF."""

    def __init__(self, ctx: DeskContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.event_id = event_id
        self.rows: list[roster.RosterRow] = []
        self.event_title = ""
        self.heading = QLabel(self, objectName="rosterHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.tree = QTreeWidget(self, objectName="rosterTree")
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 140)
        header.resizeSection(3, 90)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self, objectName="rosterCopy")
        self.text_button = QPushButton(self, objectName="rosterSaveText")
        self.pdf_button = QPushButton(self, objectName="rosterSavePdf")
        self.close_button = QPushButton(self, objectName="rosterClose")
        for button in (self.copy_button, self.text_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy)
        self.text_button.clicked.connect(self.save_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        settings.restore_geometry(self, "dialogs/roster")
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            self.rows = roster.roster(session, self.event_id)
            event = events.service.get(session, self.event_id, include_deleted=True)
            when = event.starts_on.isoformat() if event.starts_on else ""
            self.event_title = event.name + (f" — {when}" if when else "")
            self._text = roster.roster_text(session, self.event_id, side_headings())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Delegation roster"))
        self.heading.setText(self.event_title)
        self.tree.setHeaderLabels(
            [tr("Participant"), tr("Organization"), tr("Role"), tr("Attended")]
        )
        self.copy_button.setText(tr("Copy"))
        self.text_button.setText(tr("Save as text…"))
        self.pdf_button.setText(tr("Save as PDF…"))
        self.close_button.setText(tr("Close"))
        self.tree.clear()
        headings = side_headings()
        for side in SIDES:
            mine = [r for r in self.rows if r.side == side]
            if not mine:
                continue
            top = QTreeWidgetItem([f"{headings[side]} ({len(mine)})", "", "", ""])
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setData(0, IdRole, side)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for r in mine:
                item = QTreeWidgetItem(
                    [r.name, r.organization, r.role, attendance_text(r.attended)]
                )
                item.setData(0, IdRole, r.participant_id)
                top.addChild(item)
            top.setExpanded(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
        super().changeEvent(event)

    def groups(self) -> dict[str, list[str]]:
        """Side → participant names as shown (for tests and automation)."""
        shown: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                shown[str(top.data(0, IdRole))] = [
                    c.text(0) for j in range(top.childCount()) if (c := top.child(j)) is not None
                ]
        return shown

    def text(self) -> str:
        """The roster as plain text, in the user's language."""
        legend = tr("✓ attended · ✗ did not attend")
        return f"{self._text.rstrip()}\n\n{legend}\n"

    def html(self) -> str:
        headings = side_headings()
        parts = [f"<h2>{html.escape(self.event_title)}</h2>"]
        for side in SIDES:
            mine = [r for r in self.rows if r.side == side]
            if not mine:
                continue
            parts.append(f"<h3>{html.escape(headings[side])} ({len(mine)})</h3>")
            parts.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
            parts.append("<tr>" + "".join(
                f"<th align='left'>{html.escape(h)}</th>"
                for h in (tr("Participant"), tr("Organization"), tr("Role"), tr("Attended"))
            ) + "</tr>")  # fmt: skip
            for r in mine:
                cells = (r.name, r.organization, r.role, attendance_text(r.attended))
                parts.append(
                    "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
                )
            parts.append("</table>")
        return "\n".join(parts)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _suggested(self, suffix: str) -> str:
        base = "".join(c if c.isalnum() or c in " -_" else " " for c in self.event_title).strip()
        folder = settings.roster_folder()
        return str(Path(folder) / f"{' '.join(base.split()) or 'roster'}{suffix}")

    def _remember(self, path: str) -> None:
        settings.ROSTER_FOLDER.set(str(Path(path).parent))

    def save_text(self) -> str:
        path = save_path(self, tr("Save the roster as text"), self._suggested(".txt"),
                         tr("Text files (*.txt)"))  # fmt: skip
        if not path:
            return ""
        try:
            Path(path).write_text(self.text(), encoding="utf-8")
        except OSError as exc:
            messages.error(self, tr("Cannot save"), error_text(exc))
            return ""
        self._remember(path)
        return path

    def save_pdf(self) -> str:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter

        path = save_path(self, tr("Save the roster as PDF"), self._suggested(".pdf"),
                         tr("PDF files (*.pdf)"))  # fmt: skip
        if not path:
            return ""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        document = QTextDocument(self)
        document.setHtml(self.html())
        document.print_(printer)
        if not Path(path).exists():
            messages.error(self, tr("Cannot save"), path)
            return ""
        self._remember(path)
        return path

    def done(self, result: int) -> None:
        settings.save_geometry(self, "dialogs/roster")
        super().done(result)
