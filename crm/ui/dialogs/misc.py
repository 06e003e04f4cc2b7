"""Small dialogs: Preferences (language), First start (demo data or empty), About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.ui.i18n import Languages
from crm.ui.resources import icon


class PreferencesDialog(QDialog):
    """The language of the interface; applied at once and remembered."""

    def __init__(self, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="preferencesDialog")
        self.languages = languages
        self.language = QComboBox(self, objectName="languageChoice")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(languages.current), 0))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("&Language:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        lang = self.language.currentData()
        self.languages.save(lang)
        if lang != self.languages.current:
            self.languages.apply(lang)
        super().accept()


class FirstStartDialog(QDialog):
    """Asks whether to fill a new database with the demo data or to start empty."""

    DEMO, EMPTY = 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="firstStartDialog")
        self.setWindowTitle(self.tr("Welcome to the cooperation desk"))
        text = QLabel(
            self.tr(
                "This database is new. Load the demo data to try the desk with sample "
                "organizations, contacts and introductions, or start with an empty database."
            ),
            self,
        )
        text.setWordWrap(True)
        demo = QPushButton(
            icon("database"), self.tr("Load the demo data"), self, objectName="firstStartDemo"
        )
        empty = QPushButton(icon("add"), self.tr("Start empty"), self, objectName="firstStartEmpty")
        demo.clicked.connect(lambda: self.done(self.DEMO))
        empty.clicked.connect(lambda: self.done(self.EMPTY))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(demo)
        layout.addWidget(empty)
        self.setMinimumWidth(460)


def show_about(parent: QWidget | None) -> None:
    title = QCoreApplication.translate("About", "About the cooperation desk")
    text = QCoreApplication.translate(
        "About",
        "<h3>Cooperation desk</h3><p>The shared CRM of the BIOQuébec–MassBio cooperation: "
        "organizations, contacts, introductions, follow-ups and events on both sides of the "
        "border.</p><p>Version %1</p>",
    ).replace("%1", "0.1.0")
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setIconPixmap(icon("app").pixmap(64, 64))
    box.open()
