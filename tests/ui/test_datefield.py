"""The desk's one date field, driven with the keyboard as a person would, in French and English:
ISO and the language's own form read, ambiguous and garbage text flagged (never blanked), the
calendar opens on today, optional dates clear, a follow-up starts due in 3 working days and
keeps a time of day."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QToolButton

from crm.db.models import Event, FollowUp
from crm.domain.dates import add_working_days
from crm.services import events
from crm.ui.dialogs.records import ContactEditor, EventEditor, FollowUpEditor
from crm.ui.widgets.datefield import DateField, TimeField
from tests.ui.writes import settle_editor


def type_into(qtbot: Any, field: DateField | TimeField, text: str) -> None:
    """Select what the field holds, type `text` and leave the field (Tab)."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)
    field.edit.editingFinished.emit()  # what leaving the field does (offscreen has no focus)


@pytest.fixture
def field(qtbot: Any) -> DateField:
    widget = DateField()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_iso_typed_is_kept_in_both_languages(qtbot, field, french):
    type_into(qtbot, field, "2026-12-01")
    assert field.value() == date(2026, 12, 1)
    assert field.edit.text() == "2026-12-01" and field.message.isHidden()
    french.apply("en")
    type_into(qtbot, field, "2026-12-01")
    assert field.value() == date(2026, 12, 1)


def test_french_short_form_is_day_first(qtbot, field, french):
    assert field.edit.placeholderText() == "AAAA-MM-JJ ou JJ/MM/AAAA"
    type_into(qtbot, field, "01/12/2026")
    assert field.value() == date(2026, 12, 1)
    assert field.edit.text() == "2026-12-01"  # shown as it will be stored


def test_english_short_form_is_month_first(qtbot, field, english):
    assert field.edit.placeholderText() == "YYYY-MM-DD or MM/DD/YYYY"
    type_into(qtbot, field, "12/01/2026")
    assert field.value() == date(2026, 12, 1)
    assert field.edit.text() == "2026-12-01"


def test_ambiguous_date_is_flagged_not_guessed(qtbot, field, french):
    type_into(qtbot, field, "03.04.2026")
    assert field.value() is None
    assert field.edit.text() == "03.04.2026"  # left as typed
    assert not field.message.isHidden()
    assert "2026\u201104\u201103" in field.message.text()  # never cut at a line end
    assert field.problem() == (
        "« 03.04.2026 » peut être vendredi 3 avril 2026 ou mercredi 4 mars 2026 : "
        "tapez-la 2026-04-03 ou 2026-03-04."
    )


def test_garbage_is_flagged_not_blanked(qtbot, field, english):
    type_into(qtbot, field, "next tuesday")
    assert field.edit.text() == "next tuesday"
    assert not field.message.isHidden()
    assert field.problem() == ("“next tuesday” is not a date: type it as YYYY-MM-DD or MM/DD/YYYY.")
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, "2026-12-01")
    assert field.message.isHidden()  # the flag goes as soon as the text reads


def test_optional_date_clears_with_its_clear_button(qtbot, field, english):
    field.set_value(date(2026, 12, 1))
    (clear,) = field.edit.findChildren(QToolButton)  # the line edit's own clear button
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert field.value() is None and field.edit.text() == "" and field.problem() == ""


def test_required_date_has_no_clear_button_and_asks_for_a_date(qtbot, english):
    field = DateField(required=True)
    qtbot.addWidget(field)
    assert not field.edit.isClearButtonEnabled()
    assert not field.check()
    assert field.problem() == "A date is required here."


def test_calendar_opens_on_today_then_on_the_value(qtbot, field, english):
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    today = date.today()
    assert calendar.selectedDate() == QDate(today.year, today.month, today.day)
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.clicked.emit(QDate(2027, 3, 9))
    assert not calendar.isVisible()
    assert field.value() == date(2027, 3, 9) and field.edit.text() == "2027-03-09"
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2027, 3, 9)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert not calendar.isVisible()


def test_arrow_keys_move_by_a_day(qtbot, field, english):
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date.today()  # an empty field starts on today
    field.set_value(date(2026, 12, 31))
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date(2027, 1, 1)


def test_time_field_reads_what_people_type(qtbot, english):
    field = TimeField()
    qtbot.addWidget(field)
    type_into(qtbot, field, "14h30")
    assert field.value() == time(14, 30) and field.edit.text() == "14:30"
    type_into(qtbot, field, "2 pm")
    assert field.value() == time(14, 0) and field.edit.text() == "14:00"
    type_into(qtbot, field, "25:00")
    assert field.value() is None and not field.message.isHidden()
    assert field.edit.text() == "25:00"


# --- in the editors --------------------------------------------------------------------------


def test_new_follow_up_is_due_in_three_working_days_and_keeps_its_time(qtbot, desk, french):
    editor = FollowUpEditor(desk)
    qtbot.addWidget(editor)
    due = editor.widgets["due_date"]
    assert isinstance(due, DateField)
    assert due.value() == add_working_days(date.today(), 3)
    assert not editor.is_dirty()  # a default is not an unsaved change
    editor.widgets["title"].setText("Appeler Éric")
    type_into(qtbot, due, "01/12/2026")
    type_into(qtbot, editor.widgets["due_time"], "14:00")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.scalars(sa.select(FollowUp).where(FollowUp.title == "Appeler Éric")).one()
        assert (saved.due_date, saved.due_time) == (date(2026, 12, 1), time(14, 0))
    reopened = FollowUpEditor(desk, saved.id)
    qtbot.addWidget(reopened)
    assert reopened.widgets["due_date"].text() == "2026-12-01"
    assert reopened.widgets["due_time"].text() == "14:00"
    # The time is optional: cleared, the follow-up becomes an all-day one.
    reopened.widgets["due_time"].edit.clear()
    assert reopened.save() is True
    settle_editor(qtbot, reopened)
    with desk.db.read() as s:
        assert s.get(FollowUp, saved.id).due_time is None


def test_editor_refuses_to_save_a_flagged_date(qtbot, desk, answers, english):
    editor = FollowUpEditor(desk)
    qtbot.addWidget(editor)
    editor.widgets["title"].setText("Ambiguous")
    type_into(qtbot, editor.widgets["due_date"], "03-04-2026")
    assert editor.is_dirty()
    assert editor.save() is False
    assert editor.widgets["due_date"].message.isHidden() is False
    assert answers.asked == []  # flagged beside the field, no message box
    with desk.db.read() as s:
        assert s.scalars(sa.select(FollowUp).where(FollowUp.title == "Ambiguous")).first() is None


def test_optional_dates_start_empty_and_clear_once_set(qtbot, desk, english):
    contact = ContactEditor(desk)
    qtbot.addWidget(contact)
    consent = contact.widgets["consent_date"]
    assert consent.text() == "" and contact.widget_value("consent_date") is None
    with desk.db.read() as s:
        event_id = s.scalars(sa.select(Event.id)).one()
    editor = EventEditor(desk, event_id)
    qtbot.addWidget(editor)
    assert editor.widgets["starts_on"].text() == "2025-06-16"
    assert editor.widgets["ends_on"].text() == ""  # empty, not 1900 or 2000
    type_into(qtbot, editor.widgets["ends_on"], "06/18/2025")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        assert events.service.get(s, event_id).ends_on == date(2025, 6, 18)
    editor = EventEditor(desk, event_id)
    qtbot.addWidget(editor)
    editor.widgets["ends_on"].edit.clear()
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        assert events.service.get(s, event_id).ends_on is None


def test_snooze_asks_with_the_same_field(qtbot, french):
    from crm.ui.pages.my_followups import snooze_dialog

    dialog, field = snooze_dialog(None, date(2026, 12, 7))
    qtbot.addWidget(dialog)
    assert field.text() == "2026-12-07" and field.required
    type_into(qtbot, field, "13/13/2026")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and not field.message.isHidden()
    type_into(qtbot, field, "15/12/2026")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert field.value() == date(2026, 12, 15)


def test_stage_dialog_suggested_follow_up_dates_are_desk_date_fields(qtbot, english):
    from crm.domain import stage_rules
    from crm.ui.dialogs.stage_dialog import StageDialog

    dialog = StageDialog(None, "A ↔ B", "proposed", "asked", [],
                         stage_rules.suggestions("proposed", "asked"), [(1, "Marie")], 1)  # fmt: skip
    qtbot.addWidget(dialog)
    due = dialog.findChild(DateField, "suggestionDue0")
    assert due.value() == stage_rules.suggestions("proposed", "asked")[0].due(date.today())
    type_into(qtbot, due, "12/24/2026")
    assert dialog.chosen_followups() == [("Check both answers", date(2026, 12, 24), 1)]
    type_into(qtbot, due, "")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted  # a kept follow-up needs its date
    assert due.problem() == "A date is required here."
