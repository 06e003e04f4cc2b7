"""Small dialogs: Preferences (language), First start (demo data or empty), Keyboard
shortcuts, About."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.ui import theme
from crm.ui.i18n import Languages
from crm.ui.resources import icon


class PreferencesDialog(QDialog):
    """The language of the interface and the theme (system, light, dark); applied at once
    and remembered."""

    def __init__(self, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.languages = languages
        self.language = QComboBox(self, objectName="languageChoice")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(languages.current), 0))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.theme = QComboBox(self, objectName="themeChoice")
        for choice in theme.CHOICES:
            self.theme.addItem("", choice)
        self.theme.setCurrentIndex(max(self.theme.findData(theme.saved_choice()), 0))
        self.theme_label = QLabel(self)
        self.theme_label.setBuddy(self.theme)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.theme_label, self.theme)
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
        self.theme_label.setText(self.tr("&Theme:"))
        names = {"system": self.tr("Like the system (light or dark)"),
                 "light": self.tr("Light"), "dark": self.tr("Dark")}  # fmt: skip
        for row in range(self.theme.count()):
            self.theme.setItemText(row, names[self.theme.itemData(row)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        lang = self.language.currentData()
        self.languages.save(lang)
        if lang != self.languages.current:
            self.languages.apply(lang)
        choice = self.theme.currentData()
        theme.save_choice(choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, choice)
        super().accept()


class FirstStartDialog(QDialog):
    """Asks whether to fill a new database with the demo data or to start empty."""

    DEMO, EMPTY = 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
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


def shortcut_rows(window: Any) -> list[tuple[str, str]]:
    """(keys, what they do) for every window action with a shortcut, then the list keys."""
    rows = []
    for action in window.actions_.values():
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        rows.append((keys.toString(QKeySequence.SequenceFormat.NativeText), text.rstrip("…")))
    enter = QKeySequence(Qt.Key.Key_Return).toString(QKeySequence.SequenceFormat.NativeText)
    rows.append((enter, QCoreApplication.translate("Shortcuts", "Open the selected record")))
    native = QKeySequence.SequenceFormat.NativeText
    # Ctrl+S is the window's "Save the record" (a record page), and an editor's own.
    rows.append(
        (
            QKeySequence(Qt.Key.Key_Escape).toString(native),
            QCoreApplication.translate(
                "Shortcuts", "Undo the changes to a record page's fields, or go back"
            ),
        )
    )
    moves = " / ".join(QKeySequence(k).toString(native) for k in ("Ctrl+Right", "Ctrl+Left"))
    rows.append(
        (
            moves,
            QCoreApplication.translate(
                "Shortcuts", "Move the card to the next / previous stage (on the board)"
            ),
        )
    )
    return rows


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, read from the window's actions (always up to date)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.window_ = window
        self.tree = QTreeWidget(self, objectName="shortcutsList")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(2)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard shortcuts"))
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("Shortcuts", "Keys"),
                QCoreApplication.translate("Shortcuts", "Action"),
            ]
        )
        self.tree.clear()
        for keys, text in shortcut_rows(self.window_):
            self.tree.addTopLevelItem(QTreeWidgetItem([keys, text]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_shortcuts(window: Any) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
