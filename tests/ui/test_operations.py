"""The one UI write path: off the GUI thread, failures told in one place, changes announced."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy.exc import OperationalError

from crm.domain.errors import StaleRecord, StorageFailure
from crm.services import contacts
from crm.ui import operations
from crm.ui.operations import Changes, Failure


def _first_contact(desk):
    with desk.db.read() as s:
        return contacts.service.find(s)[0]


def _run(qtbot, desk, tasks, fn, **kwargs):
    announced: list[Changes] = []
    desk.changes.changed.connect(announced.append)
    kwargs.setdefault("kinds", {"contact"})
    kwargs.setdefault("error_title", "Cannot")
    operations.write(None, desk, tasks, fn, **kwargs)
    qtbot.waitUntil(lambda: not tasks.running)
    return announced


def test_a_write_runs_off_the_gui_thread_commits_and_announces_its_kinds(
    qtbot, desk, tasks, english
):
    contact = _first_contact(desk)
    threads, results = [], []

    def rename(session, actor):
        threads.append(threading.get_ident())
        return contacts.service.update(session, actor, contact.id, {"title": "CEO"},
                                       expected_version=contact.version)  # fmt: skip

    announced = _run(qtbot, desk, tasks, rename, on_done=lambda obj: results.append(obj.title))
    assert threads and threads[0] != threading.get_ident()
    assert results == ["CEO"]
    assert [c.kinds for c in announced] == [frozenset({"contact"})]
    assert announced[0].touches({"contact", "organization"})
    assert not announced[0].touches({"event"})
    with desk.db.read() as s:
        assert contacts.service.get(s, contact.id).title == "CEO"


def test_a_stale_write_is_said_once_and_the_pages_reread(qtbot, desk, tasks, answers, english):
    contact = _first_contact(desk)

    def stale(session, actor):
        return contacts.service.update(session, actor, contact.id, {"title": "CEO"},
                                       expected_version=contact.version - 1)  # fmt: skip

    announced = _run(qtbot, desk, tasks, stale, error_title="Cannot save")
    assert [(kind, title) for kind, title, _ in answers.asked] == [("error", "Cannot save")]
    assert "changed this contact after you opened it" in answers.asked[0][2]
    assert [c.kinds for c in announced] == [frozenset({"contact"})]
    with desk.db.read() as s:
        assert contacts.service.get(s, contact.id).title != "CEO"


def test_a_caller_may_take_a_failure_over(qtbot, desk, tasks, answers, english):
    seen = []

    def fail(session, actor):
        raise StaleRecord("contact", 1, 1, 2)

    _run(qtbot, desk, tasks, fail, on_failed=lambda failed: seen.append(failed.kind) or True)
    assert seen == [Failure.STALE]
    assert answers.asked == []


def test_a_refused_write_writes_nothing_and_announces_nothing(qtbot, desk, tasks, answers, english):
    contact = _first_contact(desk)

    def invalid(session, actor):
        return contacts.service.update(session, actor, contact.id, {"email": "not an address"},
                                       expected_version=contact.version)  # fmt: skip

    announced = _run(qtbot, desk, tasks, invalid)
    assert answers.asked and "not a valid email address" in answers.asked[0][2]
    assert announced == []
    with desk.db.read() as s:
        assert contacts.service.get(s, contact.id).email == contact.email


def test_a_locked_database_is_a_sentence_not_a_crash(qtbot, desk, tasks, answers, english):
    def locked(session, actor):
        raise OperationalError(
            "UPDATE contacts", {}, sqlite3.OperationalError("database is locked")
        )

    # Raised inside the write session, as the driver would: Database.write says it.
    _run(qtbot, desk, tasks, locked)
    assert answers.asked and "is busy: another program" in answers.asked[0][2]
    full = StorageFailure("The disk is full.", reason="disk_full", where="x")
    assert operations.failure(full, "x").kind is Failure.ENVIRONMENT


def test_a_bug_is_not_hidden_as_a_message(qtbot, desk, tasks, answers):
    def bug(session, actor):
        raise ZeroDivisionError("bug")

    with qtbot.captureExceptions() as raised:
        _run(qtbot, desk, tasks, bug)
    assert [type(exc) for _, exc, _ in raised] == [ZeroDivisionError]
    assert answers.asked == []
    assert operations.failure(ValueError("x")) is None


@pytest.mark.parametrize("kinds", [set(), {"contact", "organization"}])
def test_changes_touch_only_the_kinds_they_name(kinds):
    done = operations.changes(kinds)
    assert done.touches({"organization"}) is ("organization" in kinds)
    assert operations.EVERYTHING.touches({"event"})


def test_a_page_rereads_only_when_a_kind_it_shows_changed(qtbot, desk):
    from crm.ui.pages.records import ContactsPage, EventsPage, OrganizationsPage

    pages = [OrganizationsPage(desk), ContactsPage(desk), EventsPage(desk)]
    for page in pages:
        qtbot.addWidget(page)
        page.activate()
        assert not page.stale
    desk.changes.announce(operations.changes({"contact"}))
    assert [page.stale for page in pages] == [False, True, True]
    desk.changes.announce(operations.changes({"organization"}))
    assert [page.stale for page in pages] == [True, True, True]


def test_a_list_trashes_off_the_gui_thread_and_says_it_with_its_undo(qtbot, desk, tasks, english):
    from crm.ui.pages.records import ContactsPage
    from crm.ui.undo import UndoEntry

    page = ContactsPage(desk, tasks)
    qtbot.addWidget(page)
    page.activate()
    qtbot.waitUntil(page.is_loaded)
    announced: list[Changes] = []
    desk.changes.changed.connect(announced.append)
    page.table.selectRow(0)
    chosen = page.selected()
    threads = []

    class Watched:  # the contact service, noting the thread that writes
        def __getattr__(self, name):
            return getattr(contacts.service, name)

        def delete(self, *args, **kwargs):
            threads.append(threading.get_ident())
            return contacts.service.delete(*args, **kwargs)

    from crm.ui.kinds import SERVICES

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(SERVICES, "contact", Watched())
        page.delete_selected()
        assert announced == []  # nothing written yet: the write runs on the pool
        qtbot.waitUntil(lambda: not tasks.running)
    assert threads and threads[0] != threading.get_ident()
    assert [c.kinds for c in announced] == [frozenset({"contact"})]
    assert announced[0].source is page and isinstance(announced[0].undo, UndoEntry)
    with desk.db.read() as s:
        assert contacts.service.get(s, chosen[0][1], include_deleted=True).deleted_at is not None
