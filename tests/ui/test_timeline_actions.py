"""The one-click actions (log a call, an email, a meeting or a note with its next step;
complete a follow-up with the next one; introduce to…) driven in the real window with the
keyboard, in English and in French, and the timeline that shows what they wrote."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm.domain.dates import follow_up_due
from crm.domain.enums import FollowUpStatus
from crm.services import contacts, followups, interactions, introductions, timeline
from crm.ui.changes import changes
from crm.ui.dialogs.complete_dialog import CompleteFollowUpDialog
from crm.ui.dialogs.log_dialog import LogInteractionDialog, log_interaction
from crm.ui.dialogs.records import IntroductionEditor
from crm.ui.widgets.timeline import TimelineView
from tests.ui.writes import settle, settle_editor

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def keep(qtbot, dialog):
    """Held by the test (closed by pytest-qt afterwards): not deleted once it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    return dialog


def contact_id(desk, first_name):
    with desk.db.read() as s:
        return next(c.id for c in contacts.service.find(s) if c.first_name == first_name)


def entries(desk, kind, record_id, **options):
    with desk.db.read() as s:
        return timeline.timeline(s, kind, record_id, **options)


def select_row(qtbot, window, page_name, text):
    """Show a list page and select the row whose first column holds `text`."""
    page = window.show_page(page_name)
    qtbot.waitUntil(page.is_loaded)
    rows = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    row = next(r for r, shown in enumerate(rows) if text in shown)
    page.table.setFocus()
    page.table.selectRow(row)
    return page


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def opened(qtbot, window, cls):
    qtbot.waitUntil(lambda: bool(window.findChildren(cls)), timeout=3000)
    dialog = window.findChildren(cls)[-1]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # read after it closed
    return dialog


@pytest.mark.parametrize("language", ["en", "fr"])
def test_after_a_call_three_actions_log_it_and_its_next_step(
    qtbot, window, desk, language, request
):
    if language == "fr":
        request.getfixturevalue("french")
    eric = contact_id(desk, "Éric")
    select_row(qtbot, window, "contacts", "Côté")
    active(qtbot, window)
    performed = 0
    # 1. the shortcut
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    performed += 1
    dialog = opened(qtbot, window, LogInteractionDialog)
    qtbot.waitUntil(dialog.subject.hasFocus, timeout=3000)
    # 2. the subject, typed where the cursor waits
    qtbot.keyClicks(QApplication.focusWidget(), "Term sheet")
    performed += 1
    # 3. Ctrl+Enter
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    performed += 1
    settle(qtbot, window)
    assert performed <= 3
    assert not dialog.isVisible() and dialog.result_ is not None
    found = entries(desk, "contact", eric)
    call = next(e for e in found if e.kind == "interaction")
    assert (call.action, call.title, call.who) == ("call", "Term sheet", "Marie Tremblay")
    step = next(e for e in found if e.kind == "followup")
    expected = "Suivi : Term sheet" if language == "fr" else "Follow up: Term sheet"
    assert (step.action, step.title) == ("created", expected)
    with desk.db.read() as s:
        task = followups.service.get(s, dialog.result_.followup_id)
        assert (task.assignee_id, task.contact_id) == (desk.user_id, eric)
        assert task.due_date == follow_up_due(date.today())


@pytest.mark.parametrize("kind", ["call", "email", "meeting", "note"])
def test_log_each_interaction_kind(qtbot, window, desk, tasks, kind):
    eric = contact_id(desk, "Éric")
    dialog = log_interaction(window, desk, tasks, kind, "contact", eric)
    keep(qtbot, dialog)
    assert dialog.chosen_kind() == kind and dialog.contact.value() == eric
    assert dialog.windowTitle().startswith("Add a note" if kind == "note" else "Log a")
    # a note adds no next step unless asked; the others do
    assert dialog.next_step.check.isChecked() is (kind != "note")
    dialog.subject.setText(f"About the {kind}")
    dialog.notes.setPlainText("Line one\nline two")
    dialog.submit()
    settle(qtbot, tasks)
    found = entries(desk, "contact", eric, kinds=["interaction"])
    assert [(e.action, e.title, e.note) for e in found] == [
        (kind, f"About the {kind}", "Line one\nline two")
    ]
    assert len(entries(desk, "contact", eric, kinds=["followup"])) == (0 if kind == "note" else 1)


def test_a_refused_interaction_stays_in_the_dialog(qtbot, window, desk, tasks):
    eric = contact_id(desk, "Éric")
    dialog = log_interaction(window, desk, tasks, "call", "contact", eric)
    keep(qtbot, dialog)
    dialog.next_step.title.setText("   ")
    dialog.next_step._typed = True
    dialog.submit()
    settle(qtbot, tasks)
    assert dialog.isVisible()
    assert not dialog.errors["notes"].isHidden()  # neither subject nor notes
    assert not dialog.next_step.errors["title"].isHidden()
    assert entries(desk, "contact", eric, kinds=["interaction", "followup"]) == []
    assert dialog.ok_button.isEnabled()


def test_log_about_a_follow_up_links_its_records(qtbot, window, desk, tasks):
    with desk.db.read() as s:
        task = followups.service.find(s)[0]
    dialog = log_interaction(window, desk, tasks, "email", "followup", task.id)
    keep(qtbot, dialog)
    dialog.subject.setText("Sent the deck")
    dialog.next_step.check.setChecked(False)
    dialog.submit()
    settle(qtbot, tasks)
    found = entries(desk, "introduction", task.introduction_id, kinds=["interaction"])
    assert [e.title for e in found] == ["Sent the deck"]


def test_complete_a_follow_up_with_its_next_step(qtbot, window, desk, french):
    select_row(qtbot, window, "followups", "Call back Éric")
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    dialog = opened(qtbot, window, CompleteFollowUpDialog)
    assert dialog.windowTitle() == "Terminer le suivi"
    qtbot.waitUntil(dialog.outcome.hasFocus, timeout=3000)
    qtbot.keyClicks(dialog.outcome, "Il rappelle lundi")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # étape suiva&nte
    qtbot.waitUntil(dialog.next_step.check.isChecked)  # a mnemonic clicks after a blink
    dialog.next_step.title.selectAll()
    qtbot.keyClicks(dialog.next_step.title, "Envoyer le contrat")
    qtbot.keyClick(dialog.next_step.title, Qt.Key.Key_Return, CTRL)
    settle(qtbot, window)
    assert not dialog.isVisible()
    with desk.db.read() as s:
        first = followups.service.get(s, dialog.followup_id)
        second = followups.service.get(s, dialog.result_.next_id)
    assert first.status is FollowUpStatus.DONE and first.notes.endswith("Il rappelle lundi")
    assert (second.title, second.introduction_id, second.assignee_id) == (
        "Envoyer le contrat", first.introduction_id, desk.user_id
    )  # fmt: skip
    found = entries(desk, "introduction", first.introduction_id, kinds=["followup"])
    assert [(e.action, e.title) for e in found][:2] == [
        ("created", "Envoyer le contrat"), ("completed", "Call back Éric")
    ]  # fmt: skip


def test_complete_needs_an_open_follow_up(qtbot, window, desk, answers):
    window.show_page("contacts")
    qtbot.waitUntil(window.current_page().is_loaded)
    assert window.complete_followup() is None  # nothing selected
    assert answers.asked[-1][0] == "info"


def test_introduce_a_contact_to(qtbot, window, desk, answers):
    eric = contact_id(desk, "Éric")
    select_row(qtbot, window, "contacts", "Côté")
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | SHIFT)
    editor = opened(qtbot, window, IntroductionEditor)
    assert editor.record_id is None
    assert editor.widget_value("qc_contact_id") == eric
    assert editor.widgets["qc_organization_id"].text() == "Biotech de Montréal"
    picker = editor.widgets["ma_organization_id"]
    qtbot.waitUntil(picker.hasFocus, timeout=3000)
    # the other side, searched by name
    qtbot.keyClicks(picker, "Boston")
    qtbot.waitUntil(lambda: picker.matches.rowCount() > 0, timeout=3000)
    picker.completer_.activated[type(picker.matches.index(0, 0))].emit(picker.matches.index(0, 0))
    assert picker.text() == "Boston CRO"
    answers.confirm = [True]  # "the same pair is already in introduction #1": go on
    editor.save()
    settle_editor(qtbot, editor)
    found = entries(desk, "contact", eric, kinds=["stage"])
    assert [e.action for e in found] == ["proposed"]
    with desk.db.read() as s:
        intro = introductions.service.get(s, found[0].record_id)
        assert (intro.qc_contact_id, intro.ma_organization_id is not None) == (eric, True)


def test_introduce_refuses_a_party_from_elsewhere(qtbot, window, desk, answers):
    with desk.db.write() as s:
        contacts.service.create(s, desk.user_id, {"first_name": "Ana", "last_name": "Lima",
                                                  "country": "Brazil"})  # fmt: skip
    select_row(qtbot, window, "contacts", "Lima")
    assert window.introduce_to() is None
    kind, _title, text = answers.asked[-1]
    assert kind == "error" and "Ana Lima" in text and "Massachusetts" in text
    assert not window.findChildren(IntroductionEditor)


def test_timeline_view_reads_filters_and_refreshes(qtbot, desk, tasks, french):
    eric = contact_id(desk, "Éric")
    view = TimelineView(desk, tasks, "contact", eric)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.is_loaded)
    assert [e.kind for e in view.entries()] == ["edit"]
    assert view.texts()[0].startswith("Créé")
    with desk.db.write() as s:
        interactions.log(s, desk.user_id, {"kind": "meeting", "subject": "Dîner", "contact_id": eric},
                         next_step={"title": "Rappeler"})  # fmt: skip
    with qtbot.waitSignal(view.loaded):
        desk.changes.announce(changes({"interaction", "followup"}))
    texts = view.texts()
    assert any(t.startswith("Rencontre\u00a0: Dîner") for t in texts), texts
    assert any("Suivi créé : Rappeler" in t for t in texts), texts
    with qtbot.waitSignal(view.loaded):
        view.set_filter("interaction")
    assert [e.kind for e in view.entries()] == ["interaction"]
    # Enter on an entry opens its record
    view.list.setCurrentRow(0)
    with qtbot.waitSignal(view.openRequested) as opened_:
        view.list.itemActivated.emit(view.list.item(0))
    assert opened_.args[0] == "interaction"


def test_a_timeline_deleted_while_it_reads_takes_no_result(qtbot, desk, tasks, monkeypatch):
    """An editor closing (its record just moved to the trash) deletes its timeline while the
    read runs: the result then has nowhere to go, and nothing is raised."""
    import threading

    import shiboken6

    gate, read = threading.Event(), timeline.timeline

    def held(*args, **kwargs):
        gate.wait(10)
        return read(*args, **kwargs)

    monkeypatch.setattr(timeline, "timeline", held)
    view = TimelineView(desk, tasks, "contact", contact_id(desk, "Éric"))
    assert view.loading
    shiboken6.delete(view)
    gate.set()
    tasks.wait()
    qtbot.wait(50)  # the result's callback runs on the GUI thread; an error there fails the test


def test_help_lists_the_action_shortcuts(window):
    from crm.ui.dialogs.misc import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert rows["Ctrl+Shift+L"] == "Log a call"
    assert rows["Ctrl+Shift+D"] == "Complete the follow-up"
    assert rows["Ctrl+Shift+R"] == "Introduce to"
    assert {"Ctrl+Shift+E", "Ctrl+Shift+M", "Ctrl+Shift+T"} <= set(rows)
    assert window.actions_["log_call"] in window.menus["records"].actions()


def test_entry_texts(english):
    from datetime import UTC, datetime, timedelta

    from crm.ui.widgets.timeline import entry_text

    now = datetime.now(UTC)

    def entry(kind, action, title="", **params):
        return timeline.Entry(kind, now, "", action, title, params=params)

    assert entry_text(entry("edit", "update", fields="email,phone"), "contact") == (
        "Changed: Email, Phone"
    )
    assert entry_text(entry("import", "updated", "b.csv", fields="title"), "contact") == (
        "Updated by the import of b.csv: Job title"
    )
    stage = entry(
        "stage", "closed", "A ↔ B", to="closed", outcome="investment", **{"from": "meeting_held"}
    )
    assert entry_text(stage, "contact") == "Stage: Meeting held → Closed (Investment) — A ↔ B"
    assert entry_text(stage, "introduction") == "Stage: Meeting held → Closed (Investment)"
    later = timeline.Entry("event", now + timedelta(days=30), "", "participant", "BIO 2027",
                           params={"role": "speaker"}, day_only=True)  # fmt: skip
    assert entry_text(later, "contact") == "Will take part in BIO 2027 (speaker)"
    call = entry("interaction", "call", "Deck", **{"with": "Ava Smith"})
    assert entry_text(call, "organization") == "Call: Deck — with Ava Smith"
    assert entry_text(call, "contact") == "Call: Deck"


def test_the_status_bar_takes_a_logged_call_back(qtbot, window, desk, tasks):
    eric = contact_id(desk, "Éric")
    dialog = log_interaction(window, desk, tasks, "call", "contact", eric)
    keep(qtbot, dialog)
    dialog.subject.setText("Wrong person")
    dialog.submit()
    settle(qtbot, tasks)
    assert window.undo_bar.action.isEnabled()
    assert "Logged: Call “Wrong person” and its next step" in window.undo_bar.text.text()
    window.undo_bar.action.trigger()
    settle(qtbot, window)
    assert entries(desk, "contact", eric, kinds=["interaction", "followup"]) == []
