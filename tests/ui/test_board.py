"""The introduction board: columns, cards, drops through the stage rules, the stalled queue."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from crm.db.models import FollowUp, Introduction
from crm.db.tables import utcnow
from crm.services import introductions, stages
from crm.ui.dialogs import stage_dialog
from crm.ui.dialogs.records import IntroductionEditor
from crm.ui.pages.board import BoardPage
from crm.ui.tasks import TaskRunner
from tests.ui.writes import settle, settle_editor

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def dialogs(monkeypatch):
    """Stand-in for the modal stage dialog: records it and applies a scripted answer."""
    seen = []
    script = {"accept": True, "outcome": None, "note": "", "keep": True}

    def ask(dialog):
        seen.append(dialog)
        if script["outcome"]:
            dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData(script["outcome"]))
        dialog.note_edit.setPlainText(script["note"])
        for row in dialog.rows:
            row.keep.setChecked(script["keep"])
        return script["accept"]

    monkeypatch.setattr(stage_dialog, "ask", ask)
    return seen, script


@pytest.fixture
def board(qtbot, desk):
    page = BoardPage(desk, TaskRunner())
    qtbot.addWidget(page)
    page.reload_now()
    return page


def _intro_id(desk):
    with desk.db.read() as s:
        return s.scalar(sa.select(Introduction.id))


def test_board_shows_cards_per_stage(board, desk):
    intro = _intro_id(desk)
    assert board.card_ids("proposed") == [intro]
    assert board.headers["proposed"].text() == "Proposed (1)"
    assert board.headers["asked"].text() == "Asked (0)"
    text = board.columns["proposed"].item(0).text()
    assert "Biotech de Montréal ↔ Boston CRO" in text and "Marie Tremblay" in text
    assert "0 days in stage" in text


def test_drop_moves_through_the_rules_with_history_and_followup(qtbot, board, desk, dialogs):
    seen, script = dialogs
    intro = _intro_id(desk)
    script["note"] = "asked both by phone"
    source = board.columns["proposed"]
    mime = source.mimeData([source.item(0)])
    target = board.columns["asked"]
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    target.dropEvent(drop)
    assert len(seen) == 1 and not seen[0].warning_box.isVisibleTo(seen[0])
    settle(qtbot, board)
    assert board.card_ids("asked") == [intro] and board.card_ids("proposed") == []
    with desk.db.read() as s:
        line = stages.timeline(s, intro)
        assert (line[-1].from_stage, line[-1].to_stage, line[-1].note) == (
            "proposed",
            "asked",
            "asked both by phone",
        )
        fu = s.scalars(sa.select(FollowUp).where(FollowUp.introduction_id == intro,
                                                 FollowUp.title == "Check both answers")).one()  # fmt: skip
        assert (fu.due_date - utcnow().date()).days == 5


def test_move_to_introduced_without_consent_shows_warning_and_cancel_keeps_stage(
    qtbot, board, desk, dialogs
):
    seen, script = dialogs
    intro = _intro_id(desk)
    script["accept"] = False
    assert not board.move_card(intro, "introduced")
    assert seen[0].warning_box.isVisibleTo(seen[0])
    assert "double opt-in" in seen[0].warning_labels[0].text()
    assert seen[0].ok_button.text() == "Move anyway"
    assert board.card_ids("proposed") == [intro]
    script["accept"] = True
    assert board.move_card(intro, "introduced")
    settle(qtbot, board)
    assert board.card_ids("introduced") == [intro]


def test_closing_asks_for_the_outcome(qtbot, board, desk, dialogs):
    seen, script = dialogs
    intro = _intro_id(desk)
    script["outcome"] = "no_fit"
    assert board.move_card(intro, "closed")
    assert seen[0].outcome_combo.isVisibleTo(seen[0])
    settle(qtbot, board)
    with desk.db.read() as s:
        assert introductions.service.get(s, intro).outcome.value == "no_fit"
    assert board.card_ids("closed") == [intro]


def test_more_line_and_stalled_queue(qtbot, desk):
    with desk.db.write() as s:
        first = s.scalar(sa.select(Introduction))
        for _ in range(3):
            introductions.create(
                s,
                desk.user_id,
                {
                    "qc_organization_id": first.qc_organization_id,
                    "ma_organization_id": first.ma_organization_id,
                },
            )
        s.execute(sa.update(Introduction).where(Introduction.id == first.id)
                  .values(stage_changed_at=utcnow() - timedelta(days=40)))  # fmt: skip
    page = BoardPage(desk, TaskRunner())
    qtbot.addWidget(page)
    import crm.services.board as board_service

    original = board_service.board
    page_board = lambda session, **kw: original(session, per_column=2, **kw)  # noqa: E731
    board_service.board = page_board
    try:
        page.reload_now()
    finally:
        board_service.board = original
    column = page.columns["proposed"]
    assert column.count() == 3 and column.item(2).text() == "2 more…"
    with qtbot.waitSignal(page.listRequested) as caught:
        column.itemActivated.emit(column.item(2))
    assert caught.args == ["introductions", {"stage": "proposed"}]
    assert page.stalled_list.count() == 1
    assert "40 days in stage" in page.stalled_list.item(0).text()
    assert page.stalled_header.text().startswith("Stalled: 1 introduction")
    page.days_spin.setValue(50)  # reloads off the GUI thread
    qtbot.waitUntil(lambda: page.is_loaded() and page.stalled_list.count() == 0)


def test_board_loads_through_the_task_runner(qtbot, desk, monkeypatch):
    intro = _intro_id(desk)
    page = BoardPage(desk, TaskRunner())
    qtbot.addWidget(page)
    threads = []
    read = desk.db.read

    def spy():
        threads.append(threading.current_thread())
        return read()

    monkeypatch.setattr(desk.db, "read", spy)
    with qtbot.waitSignal(page.loaded):
        page.activate()
        assert not page.is_loaded() and page.card_ids("proposed") == []  # not on this thread
    assert threads and threading.main_thread() not in threads
    assert page.is_loaded() and page.card_ids("proposed") == [intro]
    assert page.headers["proposed"].text() == "Proposed (1)"


def test_a_win_picked_in_the_dialog_asks_about_the_consents_it_lacks(
    qtbot, board, desk, dialogs, answers
):
    """No consent warning shows for closing until a win is picked in the dialog: the move
    then asks once more, and Cancel there leaves the introduction where it was."""
    seen, script = dialogs
    intro = _intro_id(desk)
    script["outcome"] = "partnership"
    answers.confirm.append(False)
    assert not board.move_card(intro, "closed")
    assert not seen[0].warning_box.isVisibleTo(seen[0])
    assert "double opt-in" in answers.asked[-1][2]
    assert board.card_ids("proposed") == [intro]
    answers.confirm.append(True)
    assert board.move_card(intro, "closed")
    settle(qtbot, board)
    with desk.db.read() as s:
        assert introductions.service.get(s, intro).outcome.value == "partnership"
        assert "consent_missing" in stages.timeline(s, intro)[-1].note


def test_a_new_introduction_typed_in_at_a_later_stage_confirms_its_warnings(qtbot, desk, answers):
    editor = IntroductionEditor(desk, None)
    qtbot.addWidget(editor)
    with desk.db.read() as s:
        first = s.scalars(sa.select(Introduction)).one()
        parties = (first.qc_organization_id, first.ma_organization_id)
    editor.set_widget_value("qc_organization_id", parties[0])
    editor.set_widget_value("ma_organization_id", parties[1])
    editor.set_widget_value("stage", "introduced")
    editor.widgets["title"].setText("Typed in late")
    answers.confirm.append(False)
    assert editor.save() is False
    question = answers.asked[-1][2]
    assert "already in introduction" in question and "double opt-in" in question
    answers.confirm.append(True)
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        intro = s.scalars(
            sa.select(Introduction).where(Introduction.title == "Typed in late")
        ).one()
        line = stages.timeline(s, intro.id)
    assert intro.stage.value == "introduced"
    assert [(e.from_stage, e.to_stage) for e in line] == [
        (None, "proposed"),
        ("proposed", "introduced"),
    ]
    assert "already_introduced" in line[-1].note and "consent_missing" in line[-1].note


def test_a_card_is_painted_with_its_people_owner_and_overdue_badge(qtbot, board, desk):
    from crm.ui.widgets.cards import CARD_ROLE, CardDelegate, footer_text

    column = board.columns["proposed"]
    item = column.item(0)
    card = item.data(CARD_ROLE)
    # The desk's introduction has an open follow-up due in 2020: overdue.
    assert card.overdue and card.owner_initials == "MT"
    assert "A follow-up is overdue" in item.toolTip()
    assert isinstance(column.itemDelegate(), CardDelegate)
    assert footer_text(card, utcnow()) == ("Partnership", "0 days")
    index = column.indexFromItem(item)
    hint = column.itemDelegate().sizeHint(_option(column), index)
    assert hint.height() > 4 * column.fontMetrics().height()  # a card, not a line of text
    board.resize(1200, 700)
    board.show()
    qtbot.waitExposed(board)
    assert not column.grab().isNull()  # paints without error


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view)
    return option


def test_enter_or_a_double_click_opens_the_card_once(qtbot, board, desk):
    board.resize(1200, 700)
    board.show()
    qtbot.waitExposed(board)
    column = board.columns["proposed"]
    opened = []
    board.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    rect = column.visualItemRect(column.item(0))
    # A double-click is a press and release, then a second press that Qt reads as double.
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("introduction", _intro_id(desk))]
    column.setCurrentRow(0)
    qtbot.keyClick(column, Qt.Key.Key_Return)
    assert len(opened) == 2


def test_a_card_moved_by_keyboard_stays_current_for_the_next_key(qtbot, board, desk, dialogs):
    intro = _intro_id(desk)
    board.show()
    column = board.columns["proposed"]
    column.setCurrentRow(0)
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, board)
    assert board.card_ids("asked") == [intro]
    asked = board.columns["asked"]
    assert (
        asked.currentItem() is not None
        and asked.currentItem().data(Qt.ItemDataRole.UserRole) == intro
    )
    qtbot.keyClick(asked, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, board)
    assert board.card_ids("proposed") == [intro]
