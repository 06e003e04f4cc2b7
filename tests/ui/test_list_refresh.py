"""Lists refresh off the GUI thread: rows appear when done, a stale result is dropped, the page
says "Loading…" meanwhile, a screenshot waits for it, and scrolling reads pages, not the list."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from PySide6.QtCore import Qt

from crm.db.models import Contact
from crm.services import listing, lists
from crm.ui import app as desk_app
from crm.ui.models import table
from crm.ui.models.table import ListModel


def names(model: ListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_refresh_runs_off_thread_and_shows_rows_when_done(qtbot, qtmodeltester, desk, tasks,
                                                          monkeypatch):  # fmt: skip
    threads = []
    load = listing.load

    def spy(session, spec, query, page_size):
        threads.append(threading.current_thread())
        return load(session, spec, query, page_size)

    monkeypatch.setattr(listing, "load", spy)
    model = ListModel(desk.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0  # treat the three contacts as a big list
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
        assert model.pending and model.rowCount() == 0
    assert threads and threads[-1] is not threading.main_thread()
    assert not model.pending
    assert names(model) == ["Anne Zimmer", "Éric Côté", "Zoé Abbott"]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Zoé Abbott", "Éric Côté", "Anne Zimmer"]
    qtmodeltester.check(model)


def test_small_lists_refresh_at_once_even_with_a_runner(desk, tasks):
    model = ListModel(desk.db, lists.ORGANIZATIONS, tasks=tasks)
    model.refresh()
    assert not model.pending and model.rowCount() == 2


def test_a_stale_refresh_result_is_dropped_and_old_rows_stay_meanwhile(qtbot, desk, tasks,
                                                                       monkeypatch):  # fmt: skip
    gate = threading.Event()
    load = listing.load

    def slow_for_french(session, spec, query, page_size):
        if query.filters.get("language") == "fr":
            gate.wait(5)
        return load(session, spec, query, page_size)

    monkeypatch.setattr(listing, "load", slow_for_french)
    model = ListModel(desk.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 3
    model.set_filters({"language": "fr"})  # slow: still running when the next one starts
    assert model.pending and model.rowCount() == 3  # the old rows stay on screen
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.set_filters({"language": "en"})
    assert names(model) == ["Anne Zimmer", "Zoé Abbott"]
    gate.set()
    qtbot.waitUntil(lambda: tasks.running == 0, timeout=5000)
    assert names(model) == ["Anne Zimmer", "Zoé Abbott"]  # the French result came late: dropped
    assert not model.pending


def test_list_page_says_loading_and_is_not_loaded_while_refreshing(qtbot, desk, tasks, english,
                                                                   monkeypatch):  # fmt: skip
    from crm.ui.pages.records import ContactsPage

    gate = threading.Event()
    load = listing.load
    monkeypatch.setattr(listing, "load", lambda *args: (gate.wait(5), load(*args))[1])
    page = ContactsPage(desk, tasks=tasks)
    qtbot.addWidget(page)
    page.model.sync_limit = 0
    page.activate()
    assert not page.is_loaded()
    qtbot.waitUntil(lambda: page.count_label.text() == "Loading…", timeout=3000)
    gate.set()
    qtbot.waitUntil(page.is_loaded, timeout=5000)
    assert page.count_label.text() == "3 records"


def test_screenshot_waits_for_a_background_refresh(qtbot, sqlite_db, tmp_path, monkeypatch):
    monkeypatch.setattr(table, "SYNC_LIMIT", 0)
    out = tmp_path / "contacts.png"
    assert desk_app.run(sqlite_db, None, screenshot=out, page="contacts", lang="en") == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_scrolling_reads_pages_not_the_whole_list(qtbot, desk):
    with desk.db.write() as s:
        s.execute(
            sa.insert(Contact),
            [
                {"first_name": f"P{i:05d}", "last_name": "Roy", "name_folded": f"p{i:05d} roy"}
                for i in range(5000)
            ],
        )
    from crm.ui.pages.records import ContactsPage

    page = ContactsPage(desk)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.activate()
    bar = page.table.verticalScrollBar()
    read = page.model.pages_read
    for _ in range(10):
        bar.setValue(bar.value() + bar.pageStep())
        qtbot.wait(1)
    assert page.model.pages_read - read <= 2
    page.table.scrollToBottom()
    qtbot.wait(1)
    assert page.model.pages_read - read <= 4
    assert len(page.model._pages) <= table.MAX_PAGES
