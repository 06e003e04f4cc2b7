"""`DateField` and `TimeField`: the one way the desk asks for a date or a time of day.

A date is typed as text (ISO `2026-12-01`, or the language's own form: `01/12/2026` in French,
`12/01/2026` in English) or picked on a calendar that opens on the field's date, else on
today. The rules are `crm.domain.dates`; this module only shows them. What cannot be read, or
could be read two ways, is flagged under the field in a sentence, and the text is left as
typed: never guessed, never blanked. When the user leaves the field, a date that reads is
rewritten as ISO, so what is shown is what will be stored. An optional field has a clear
button (empty means no date); a required one has none.

Keys: Alt+Down or F4 opens the calendar, Up and Down move by a day, Escape closes the
calendar.

Signals: `changed()` when the text or the picked date changes.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.dates import (
    MAX_YEAR,
    MIN_YEAR,
    ORDER_BY_LANGUAGE,
    DateReading,
    Order,
    format_time,
    parse_date,
    parse_time,
)
from crm.ui.resources import icon


def desk_order() -> Order:
    """The day/month order of the interface language (French: day first)."""
    french = QLocale().language() == QLocale.Language.French
    return ORDER_BY_LANGUAGE["fr" if french else "en"]


def long_date(day: date) -> str:
    """`jeudi 3 avril 2026` / `Thursday, April 3, 2026`: a reading nobody can misread."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def unbroken(text: str) -> str:
    """`text` where no date or form (2026-04-03, JJ/MM/AAAA) is cut at a line end: hyphens
    become non-breaking ones and a word joiner follows each slash."""
    return _JOINT.sub(lambda m: "\u2011" if m[1] == "-" else "/\u2060", text)


_JOINT = re.compile(r"(?<=\w)([-/])(?=\w)")


class _TypedField(QWidget):
    """A line edit with a flag below it, rewritten in its stored form when the user leaves it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, required: bool) -> None:
        super().__init__(parent)
        self.required = required
        self.edit = QLineEdit(self, objectName="typedText")
        self.edit.setClearButtonEnabled(not required)
        self.message = QLabel(self, objectName="typedMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.edit)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(self.row)
        box.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self.check)

    def text(self) -> str:
        return self.edit.text()

    def _typed(self) -> None:
        # A flag stays until the text reads again; new flags wait for the user to leave.
        if not self.message.isHidden() and not self.problem():
            self.message.hide()
        self.changed.emit()

    def problem(self) -> str:
        """The sentence that flags the current text, or "" when it reads (or is empty)."""
        raise NotImplementedError

    def normalized(self) -> str | None:
        """The current value in its stored form, or None when it does not read."""
        raise NotImplementedError

    def check(self) -> bool:
        """Flag the text (True when it reads); rewrite it in its stored form."""
        problem = self.problem()
        self.message.setText(unbroken(problem))
        self.message.setVisible(bool(problem))
        normal = self.normalized()
        if not problem and normal is not None and normal != self.edit.text():
            self.edit.setText(normal)
        return not problem

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if not self.message.isHidden():
                self.check()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class DateField(_TypedField):
    """One date, or none when it is optional and left empty."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent, required)
        self.setObjectName("dateField")
        self.edit.setObjectName("dateText")
        self.message.setObjectName("dateMessage")
        self.button = QToolButton(self, objectName="dateCalendar")
        self.button.setIcon(icon("calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.row.addWidget(self.button)
        self.row.addStretch(1)
        self.calendar: QCalendarWidget | None = None
        self.edit.installEventFilter(self)
        self.retranslate()

    # --- value -------------------------------------------------------------------------------

    def reading(self) -> DateReading:
        return parse_date(self.edit.text(), desk_order())

    def value(self) -> date | None:
        """The date typed or picked; None when empty or when it does not read (see `problem`)."""
        return self.reading().value

    def set_value(self, value: date | None) -> None:
        self.edit.setText("" if value is None else value.isoformat())
        self.message.hide()

    def normalized(self) -> str | None:
        reading = self.reading()
        if reading.code:
            return None
        return "" if reading.value is None else reading.value.isoformat()

    def form_hint(self) -> str:
        if desk_order() == "dmy":
            return self.tr("YYYY-MM-DD or DD/MM/YYYY")
        return self.tr("YYYY-MM-DD or MM/DD/YYYY")

    def problem(self) -> str:
        reading = self.reading()
        text = self.edit.text().strip()
        if not text and self.required:
            return self.tr("A date is required here.")
        if reading.code == "date.ambiguous":
            first, second = reading.readings
            return (
                self.tr("“%1” could be %2 or %3: type it as %4 or %5.")
                .replace("%1", text).replace("%2", long_date(first))
                .replace("%3", long_date(second)).replace("%4", first.isoformat())
                .replace("%5", second.isoformat())
            )  # fmt: skip
        if reading.code:
            return (
                self.tr("“%1” is not a date: type it as %2.")
                .replace("%1", text)
                .replace("%2", self.form_hint())
            )
        return ""

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.form_hint())
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(self.form_hint()) + 40)
        self.button.setToolTip(self.tr("Pick on a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Calendar"))

    # --- calendar and keys -------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the field's date or else on today."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self, objectName="dateCalendarPopup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
            self.calendar.setMaximumDate(QDate(MAX_YEAR, 12, 31))
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            self.calendar.installEventFilter(self)
        day = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.calendar.adjustSize()
        self.calendar.move(self._popup_position(self.calendar.size()))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _popup_position(self, size: QSize) -> QPoint:
        """Under the field, or above it when the screen ends first; never past the right edge."""
        below = self.edit.mapToGlobal(self.edit.rect().bottomLeft())
        screen = self.screen().availableGeometry()
        y = below.y()
        if y + size.height() > screen.bottom():
            y = self.edit.mapToGlobal(QPoint(0, 0)).y() - size.height()
        x = min(below.x(), screen.right() - size.width())
        return QPoint(max(x, screen.left()), max(y, screen.top()))

    def _picked(self, picked: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.changed.emit()

    def step(self, days: int) -> None:
        """Move the date by `days`; an empty field starts on today."""
        if not self.edit.text().strip():
            moved: date | None = date.today()
        else:
            value = self.value()
            moved = None if value is None else value + timedelta(days=days)
        if moved is not None and MIN_YEAR <= moved.year <= MAX_YEAR:
            self.set_value(moved)
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if watched is self.calendar and key == Qt.Key.Key_Escape:
                self.calendar.hide()
                self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
                return True
            if watched is self.edit:
                if key == Qt.Key.Key_F4 or (
                    key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
                ):
                    self.open_calendar()
                    return True
                if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
                    self.step(1 if key == Qt.Key.Key_Up else -1)
                    return True
        return super().eventFilter(watched, event)


class TimeField(_TypedField):
    """A time of day (`14:00`), or none when left empty."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent, required)
        self.setObjectName("timeField")
        self.edit.setObjectName("timeText")
        self.message.setObjectName("timeMessage")
        self.row.addStretch(1)
        self.retranslate()

    def value(self) -> time | None:
        return parse_time(self.edit.text())[0]

    def set_value(self, value: time | None) -> None:
        self.edit.setText("" if value is None else format_time(value))
        self.message.hide()

    def normalized(self) -> str | None:
        value, code = parse_time(self.edit.text())
        if code:
            return None
        return "" if value is None else format_time(value)

    def problem(self) -> str:
        if parse_time(self.edit.text())[1]:
            text = self.edit.text().strip()
            return self.tr("“%1” is not a time of day: type it as 14:00.").replace("%1", text)
        return ""

    def retranslate(self) -> None:
        hint = self.tr("HH:MM (optional)")
        self.edit.setPlaceholderText(hint)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(hint) + 40)
