"""The status bar's last action and its Undo (Ctrl+Z), in the real main window and pages:
trash, restore, purge (asked first, never undone), complete, snooze, a board move; each
undo refused when the record changed since. And one editor per open record."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from crm.db.models import Contact, FollowUp, Introduction
from crm.domain.enums import FollowUpStatus, IntroductionStage
from crm.services import contacts, followups, stages
from crm.ui.dialogs import stage_dialog
from crm.ui.i18n import Languages
from crm.ui.main_window import MainWindow
from tests.ui.writes import settle, settle_editor

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def window(qtbot, desk, tasks):
    win = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for editor in win.findChildren(stage_dialog.QDialog):
        editor.done(0)
    win.close()


@pytest.fixture
def accept_moves(monkeypatch):
    """The stage dialog, answered "Move" with its suggested follow-ups kept."""
    monkeypatch.setattr(stage_dialog, "ask", lambda dialog: True)


def _list_page(qtbot, window, name):
    page = window.show_page(name)
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    return page


def _select(page, text):
    for row in range(page.model.rowCount()):
        if any(page.model.index(row, c).data() == text for c in range(page.model.columnCount())):
            page.table.selectRow(row)
            return
    raise AssertionError(f"{text} is not in the list")


def _contact(desk, last_name):
    with desk.db.read() as s:
        return s.scalars(sa.select(Contact).where(Contact.last_name == last_name)).one()


def _ctrl_z(qtbot, window):
    """Ctrl+Z as the user presses it: a window shortcut, so the window must be the active one."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_delete_says_so_in_the_status_bar_and_ctrl_z_restores(qtbot, window, desk):
    page = _list_page(qtbot, window, "contacts")
    _select(page, "Éric Côté")
    window.delete_selected()  # the Delete key
    settle(qtbot, window)
    assert _contact(desk, "Côté").deleted_at is not None
    bar = window.undo_bar
    assert bar.isVisible() and bar.message() == "Moved “Éric Côté” to the trash"
    assert bar.button.isVisible() and bar.button.text() == "Undo"
    assert window.actions_["undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.actions_["undo"] in window.menus["edit"].actions()
    _ctrl_z(qtbot, window)
    settle(qtbot, window)
    assert _contact(desk, "Côté").deleted_at is None
    assert bar.message() == "Undone: Moved “Éric Côté” to the trash"
    assert not bar.can_undo() and not bar.button.isVisible()
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() == 3, timeout=20_000)


def test_undo_is_refused_when_the_record_changed_since(qtbot, window, desk, answers):
    page = _list_page(qtbot, window, "contacts")
    _select(page, "Éric Côté")
    window.delete_selected()
    settle(qtbot, window)
    eric = _contact(desk, "Côté").id
    with desk.db.write() as s:  # someone restores it and edits it meanwhile
        contacts.service.restore(s, desk.user_id, eric)
        contacts.service.update(s, desk.user_id, eric, {"title": "CSO"})
    window.undo_bar.undo()
    settle(qtbot, window)
    assert answers.asked[-1][:2] == ("error", "Cannot undo")
    assert "Nothing was undone" in answers.asked[-1][2]
    assert window.undo_bar.message().startswith("Not undone")
    with desk.db.read() as s:
        assert contacts.service.get(s, eric).title == "CSO"


def test_restore_from_the_trash_then_undo_puts_it_back(qtbot, window, desk):
    eric = _contact(desk, "Côté").id
    with desk.db.write() as s:
        contacts.service.delete(s, desk.user_id, eric)
    trash = _list_page(qtbot, window, "trash")
    _select(trash, "Éric Côté")
    trash.restore_selected()
    settle(qtbot, window)
    assert _contact(desk, "Côté").deleted_at is None
    assert window.undo_bar.message() == "Restored “Éric Côté” from the trash"
    window.actions_["undo"].trigger()
    settle(qtbot, window)
    assert _contact(desk, "Côté").deleted_at is not None


def test_purge_asks_first_with_the_count_and_cannot_be_undone(qtbot, window, desk, answers):
    with desk.db.write() as s:
        for last in ("Côté", "Zimmer"):
            contacts.service.delete(s, desk.user_id, _contact(desk, last).id)
    trash = _list_page(qtbot, window, "trash")
    trash.table.selectAll()
    window.delete_selected()  # Delete in the trash: asked first; the answer is Cancel
    settle(qtbot, window)
    assert (
        answers.asked[-1][0] == "confirm"
        and "Delete 2 records permanently?" in answers.asked[-1][2]
    )
    with desk.db.read() as s:
        assert contacts.service.count(s, deleted=True) == 2
    answers.confirm.append(True)
    window.delete_selected()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert contacts.service.count(s, deleted=True) == 0
    bar = window.undo_bar
    assert bar.message() == "Deleted 2 records permanently: this cannot be undone."
    assert not bar.can_undo() and not window.actions_["undo"].isEnabled()


def test_complete_then_undo_reopens_the_followup(qtbot, window, desk):
    page = window.show_page("myfollowups")
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    with desk.db.read() as s:
        call = s.scalar(sa.select(FollowUp.id).where(FollowUp.title == "Call back Éric"))
    page.select(call)
    page.complete_selected()
    settle(qtbot, window)
    assert window.undo_bar.message() == "Completed “Call back Éric”"
    assert page.group_titles("overdue") == []
    _ctrl_z(qtbot, window)
    settle(qtbot, window)
    with desk.db.read() as s:
        back = s.get(FollowUp, call)
        assert back.status == FollowUpStatus.OPEN and back.completed_at is None
    qtbot.waitUntil(
        lambda: page.is_loaded() and page.group_titles("overdue") == ["Call back Éric"],
        timeout=20_000,
    )


def test_snooze_then_undo_gives_the_due_date_back(qtbot, window, desk):
    page = window.show_page("myfollowups")
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    with desk.db.read() as s:
        call = s.scalar(sa.select(FollowUp.id).where(FollowUp.title == "Call back Éric"))
    page.select(call)
    page.snooze_selected(7)
    settle(qtbot, window)
    assert window.undo_bar.message().startswith("Snoozed “Call back Éric” to ")
    window.undo_bar.undo()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.get(FollowUp, call).due_date == date(2020, 1, 15)


def test_board_drag_then_undo_moves_it_back(qtbot, window, desk, accept_moves):
    board = window.show_page("board")
    board.reload_now()
    with desk.db.read() as s:
        intro = s.scalar(sa.select(Introduction.id))
    source, target = board.columns["proposed"], board.columns["asked"]
    mime = source.mimeData([source.item(0)])
    target.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))  # fmt: skip
    settle(qtbot, window)
    assert board.card_ids("asked") == [intro]
    assert window.undo_bar.message() == "Moved “Montréal meets Boston” to Asked"
    _ctrl_z(qtbot, window)
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.get(Introduction, intro).stage == IntroductionStage.PROPOSED
        line = stages.timeline(s, intro)
        assert (line[-1].from_stage, line[-1].to_stage, line[-1].note) == (
            "asked", "proposed", stages.UNDO_NOTE)  # fmt: skip
        # the follow-up the move suggested (and the user kept) went with it
        assert followups.service.count(s, deleted=True) == 1
    qtbot.waitUntil(
        lambda: board.is_loaded() and board.card_ids("proposed") == [intro], timeout=20_000
    )


def test_a_later_action_ends_the_undo_of_the_one_before(qtbot, window, desk):
    page = _list_page(qtbot, window, "contacts")
    _select(page, "Éric Côté")
    window.delete_selected()
    settle(qtbot, window)
    assert window.undo_bar.can_undo()
    editor = window.open_record("organization", 1).form  # its record page's fields
    editor.widgets["city"].setText("Laval")
    assert editor.save()
    settle_editor(qtbot, editor)
    assert not window.undo_bar.can_undo() and not window.undo_bar.isVisible()


def test_an_open_record_is_shown_not_opened_twice(qtbot, window, desk):
    board = window.show_page("board")
    board.reload_now()
    card = board.columns["proposed"].item(0)
    board.columns["proposed"].itemActivated.emit(card)
    board.columns["proposed"].itemActivated.emit(card)  # double-clicked again
    page = window.record_page()
    assert page is not None and len(window.records.open) == 1 and page.isVisible()
    # The same record from the search box, a list or a link: the same page.
    assert window.open_record("introduction", board.card_ids("proposed")[0]) is page
    window.search.openRequested.emit("introduction", board.card_ids("proposed")[0])
    window.pages["introductions"].openRequested.emit("introduction", board.card_ids("proposed")[0])
    assert len(window.records.open) == 1
    # Saving it gives no conflict with a twin: there is none.
    page.form.widgets["notes"].setPlainText("Both keen")
    assert page.save()
    settle_editor(qtbot, page.form)
    assert page.form.save_failure is None and not page.is_dirty()
    # A follow-up still opens in its editor, once.
    followup = window.open_record("followup", 1)
    assert window.open_record("followup", 1) is followup and len(window.editors) == 1
    followup.close()


def test_trash_from_the_editor_is_undone_too(qtbot, window, desk):
    eric = _contact(desk, "Côté").id
    editor = window.open_record("contact", eric).form
    editor.move_to_trash()
    task = editor.trash_task  # the editor closes (and goes) once the record is in the trash
    qtbot.waitUntil(lambda: not task.running)
    assert _contact(desk, "Côté").deleted_at is not None
    assert window.undo_bar.message() == "Moved “Éric Côté” to the trash"
    assert window.undo_bar.undo()
    settle(qtbot, window)
    assert _contact(desk, "Côté").deleted_at is None


def test_the_status_bar_speaks_french(qtbot, window, desk):
    page = _list_page(qtbot, window, "contacts")
    _select(page, "Éric Côté")
    window.delete_selected()
    settle(qtbot, window)
    window.languages.apply("fr")
    qtbot.waitUntil(lambda: window.undo_bar.button.text() == "Annuler")
    window.undo_bar.push(window.undo_bar.entry)  # the text is said again in French
    assert window.undo_bar.message() == "« Éric Côté » mis à la corbeille"
    assert window.actions_["undo"].text() == "&Annuler"
    window.languages.apply("en")


def test_a_long_name_is_shortened_in_the_status_bar(qtbot, window):
    from crm.ui.undo import Done, trash_entry

    window.last_action(
        trash_entry(
            [Done("organization", 1, 2, "Bay State University – Center for Biomedical Research")]
        )
    )
    assert (
        window.undo_bar.message()
        == "Moved “Bay State University – Center for Biomedical Re…” to the trash"
    )


def test_keyboard_move_on_the_board_then_undo(qtbot, window, desk, accept_moves):
    board = window.show_page("board")
    board.reload_now()
    column = board.columns["proposed"]
    column.setCurrentRow(0)
    intro = board.card_ids("proposed")[0]
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert board.card_ids("asked") == [intro]
    assert window.undo_bar.message() == "Moved “Montréal meets Boston” to Asked"
    assert window.undo_bar.undo()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.get(Introduction, intro).stage == IntroductionStage.PROPOSED


def test_a_change_nobody_announced_ends_the_undo(qtbot, window, desk):
    """A restored backup (or any change the window did not make as an action) replaces what
    the last action changed: its Undo no longer applies."""
    page = _list_page(qtbot, window, "contacts")
    _select(page, "Éric Côté")
    window.delete_selected()
    settle(qtbot, window)
    assert window.undo_bar.can_undo()
    window.records_changed()  # what the restore of a backup calls
    assert not window.undo_bar.can_undo()


def test_the_shortcuts_list_names_undo_and_the_board_keys(window):
    from crm.ui.dialogs.misc import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert (
        rows[
            QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        ]
        == "Undo"
    )
    assert "Move the card to the next / previous stage (on the board)" in rows.values()


class HeldTasks:
    """A task runner that reads at once but hands the results back when the test says."""

    def __init__(self):
        self.held = []

    def run(self, fn, on_done, on_error=None):
        self.held.append((fn(), on_done))


def test_after_an_undo_an_older_read_coming_back_late_does_not_win(qtbot, desk):
    """Reads run on two pool threads: the read made before an undo may come back after the
    one made after it; the page keeps the newest."""
    from crm.ui.pages.board import BoardPage
    from crm.ui.pages.my_followups import MyFollowUpsPage

    tasks = HeldTasks()
    page = MyFollowUpsPage(desk, tasks)
    qtbot.addWidget(page)
    with desk.db.write() as s:
        call = s.scalar(sa.select(FollowUp.id).where(FollowUp.title == "Call back Éric"))
        version = followups.complete(s, desk.user_id, call).version
    page.reload()  # reads it completed
    with desk.db.write() as s:
        followups.undo_complete(
            s, desk.user_id, call, FollowUpStatus.OPEN, expected_version=version
        )
    page.reload()  # reads it open again
    (older, deliver_older), (newer, deliver_newer) = tasks.held
    deliver_newer(newer)
    deliver_older(older)
    assert page.group_titles("overdue") == ["Call back Éric"] and page.is_loaded()

    board = BoardPage(desk, tasks)
    qtbot.addWidget(board)
    tasks.held.clear()
    with desk.db.read() as s:
        intro = s.scalar(sa.select(Introduction.id))
    board.reload()
    with desk.db.write() as s:
        stages.move(s, desk.user_id, intro, IntroductionStage.ASKED)
    board.reload()
    (older, deliver_older), (newer, deliver_newer) = tasks.held
    deliver_newer(newer)
    deliver_older(older)
    assert board.card_ids("asked") == [intro] and board.card_ids("proposed") == []


def test_a_stage_changed_in_the_editor_is_undone_too(qtbot, window, desk, accept_moves):
    with desk.db.read() as s:
        intro = s.scalar(sa.select(Introduction.id))
    editor = window.open_record("introduction", intro).form
    editor.set_widget_value("stage", "asked")
    assert editor.save()
    settle_editor(qtbot, editor)
    assert window.undo_bar.message() == "Moved “Montréal meets Boston” to Asked"
    assert window.undo_bar.undo()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.get(Introduction, intro).stage == IntroductionStage.PROPOSED
