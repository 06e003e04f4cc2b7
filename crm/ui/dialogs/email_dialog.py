"""Drafting an introduction's emails: nothing is sent by the desk.

Pick the draft (consent request to the Québec party, to the Massachusetts party, or the
introduction to both) and its language (the recipient's preferred one by default); edit it;
then open it in the mail program (`mailto:` through QDesktopServices) or copy it. The
template behind the draft can be edited; the user's copy lives in the user data folder and
"Restore the default" removes it.

`open_url` and `clipboard_text` are module functions so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.errors import DeskError
from crm.services import emails
from crm.ui import messages
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.i18n import tr

KINDS = ("consent_qc", "consent_ma", "introduction")


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.TolerantMode))


def clipboard_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class EmailDialog(QDialog):
    def __init__(self, ctx: DeskContext, record_id: int, parent: QWidget | None = None,
                 *, user_dir: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("emailDialog")
        self.ctx = ctx
        self.record_id = record_id
        self.user_dir = user_dir
        self.draft: emails.Draft | None = None
        self.setWindowTitle(tr("Draft an email"))
        self.kind_combo = QComboBox(self, objectName="emailKind")
        for key, text in zip(KINDS, (tr("Consent request to the Québec party"),
                                     tr("Consent request to the Massachusetts party"),
                                     tr("Introduction email to both")), strict=True):  # fmt: skip
            self.kind_combo.addItem(text, key)
        self.lang_combo = QComboBox(self, objectName="emailLanguage")
        self.lang_combo.addItem(tr("Recipient's language"), None)
        self.lang_combo.addItem(tr("French"), "fr")
        self.lang_combo.addItem(tr("English"), "en")
        self.to_edit = QLineEdit(self, objectName="emailTo")
        self.subject_edit = QLineEdit(self, objectName="emailSubject")
        self.body_edit = QPlainTextEdit(self, objectName="emailBody")
        self.body_edit.setMinimumHeight(260)
        form = QFormLayout()
        form.addRow(tr("Draft"), self.kind_combo)
        form.addRow(tr("Language"), self.lang_combo)
        form.addRow(tr("To"), self.to_edit)
        form.addRow(tr("Subject"), self.subject_edit)
        self.note = QLabel(
            tr("Nothing is sent by the desk: open the draft in your mail program or copy it."), self
        )
        self.note.setWordWrap(True)
        self.refusal = QLabel(self, objectName="emailRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        buttons = QDialogButtonBox(self)
        self.mail_button = buttons.addButton(
            tr("Open in mail program"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.mail_button.setObjectName("emailOpen")
        self.copy_button = buttons.addButton(tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("emailCopy")
        self.template_button = QPushButton(
            tr("Edit the template…"), self, objectName="emailTemplate"
        )
        buttons.addButton(self.template_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy)
        self.template_button.clicked.connect(self.edit_template)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.lang_combo.currentIndexChanged.connect(self.refresh)
        self.resize(640, 560)
        self.refresh()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def refresh(self) -> None:
        kind, lang = self.kind_combo.currentData(), self.lang_combo.currentData()
        self.lang_combo.setEnabled(kind != "introduction")
        try:
            with self.ctx.db.read() as session:
                if kind == "introduction":
                    draft = emails.introduction_email(session, self.record_id, self.ctx.user_name,
                                                      user_dir=self.user_dir)  # fmt: skip
                else:
                    draft = emails.consent_request(session, self.record_id, kind[-2:], self.ctx.user_name,
                                                   user_dir=self.user_dir, language=lang)  # fmt: skip
        except DeskError as exc:  # e.g. a party said no: nothing to open or copy
            self.draft = None
            for edit in (self.to_edit, self.subject_edit, self.body_edit):
                edit.clear()
            self.refusal.setText(error_text(exc))
            self.refusal.show()
            self.mail_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        self.refusal.hide()
        self.mail_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.draft = draft
        self.to_edit.setText(", ".join(draft.to))
        self.subject_edit.setText(draft.subject)
        self.body_edit.setPlainText(draft.body)

    def current(self) -> emails.Draft:
        """The draft as edited on screen."""
        to = tuple(a.strip() for a in self.to_edit.text().split(",") if a.strip())
        language = self.draft.language if self.draft else ""
        return emails.Draft(to, self.subject_edit.text(), self.body_edit.toPlainText(), language)

    def open_in_mail(self) -> None:
        if not open_url(self.current().mailto()):
            messages.error(self, tr("No mail program"),
                           tr("No mail program answered; the draft was copied instead."))  # fmt: skip
            self.copy()

    def copy(self) -> None:
        clipboard_text(self.current().text())

    def template_key(self) -> tuple[str, str]:
        kind = self.kind_combo.currentData()
        name = "introduction" if kind == "introduction" else "consent_request"
        lang = self.lang_combo.currentData() or (self.draft.language[:2] if self.draft else "fr")
        return name, lang

    def edit_template(self) -> None:
        name, lang = self.template_key()
        dialog = TemplateDialog(name, lang, self, user_dir=self.user_dir)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()


class TemplateDialog(QDialog):
    """Edit one template; saved to the user data folder, the default stays untouched."""

    def __init__(
        self, name: str, lang: str, parent: QWidget | None = None, *, user_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.name, self.lang, self.user_dir = name, lang, user_dir
        self.setWindowTitle(tr("Email template (%1)").replace("%1", f"{name}.{lang}"))
        self.edit = QPlainTextEdit(
            emails.load_template(name, lang, user_dir), self, objectName="templateText"
        )
        help_text = QLabel(
            tr("First line: Subject: …; then a blank line and the body. Placeholders: %1")
            .replace("%1", ", ".join("${" + p + "}" for p in emails.PLACEHOLDERS[name])), self,
        )  # fmt: skip
        help_text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("templateSave")
        reset = buttons.addButton(tr("Restore the default"), QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        reset.clicked.connect(self.reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def save(self) -> None:
        emails.save_template(self.name, self.lang, self.edit.toPlainText(), self.user_dir)
        self.accept()

    def reset(self) -> None:
        emails.reset_template(self.name, self.lang, self.user_dir)
        self.edit.setPlainText(emails.load_template(self.name, self.lang, self.user_dir))
