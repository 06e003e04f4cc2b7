"""`EmptyState`: what an empty page shows instead of an empty table: what the page is for,
and buttons for its first actions (add, import, load the demo).

A page fills it with `show_state(title, text, actions)`, `actions` being (key, label)
pairs; a click emits `actionRequested(key)`, which the page turns into its own request.
Button object names are `<objectName>_<key>` (tests and automation find them).

Signals: `actionRequested(str key)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm.ui.resources import icon

ICONS = {
    "new": "add",
    "import": "open",
    "demo": "database",
    "clear": "search",
    "export": "open",
}


class EmptyState(QWidget):
    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, name: str = "emptyState") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self, objectName=f"{name}Title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self, objectName=f"{name}Text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        # A fixed width, and a minimum height for it, give the wrapped text its true height
        # (a layout centring a word-wrapped label gives it the height of its size hint, cut).
        self.text.setFixedWidth(540)
        self.buttons: dict[str, QPushButton] = {}
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self._row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.picture)
        column.addWidget(self.title)
        column.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(10)
        column.addLayout(self._row)
        column.addStretch(2)

    def show_state(
        self, title: str, text: str, actions: Sequence[tuple[str, str]], picture: str = ""
    ) -> None:
        """Say what the page is for and offer these (key, label) actions (the first is the
        default button: Enter presses it)."""
        self.title.setText(title)
        self.text.setText(text)
        self.text.setMinimumHeight(self.text.heightForWidth(self.text.width()))
        if picture:
            self.picture.setPixmap(icon(picture).pixmap(QSize(48, 48)))
        self.picture.setVisible(bool(picture))
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for position, (key, label) in enumerate(actions):
            button = QPushButton(icon(ICONS.get(key, "open")), label, self)
            button.setObjectName(f"{self.objectName()}_{key}")
            button.setDefault(position == 0)
            button.clicked.connect(lambda _checked=False, key=key: self.actionRequested.emit(key))
            self._row.insertWidget(1 + position, button)
            self.buttons[key] = button
