"""Start-up: the requested page first and alone, its first rows before its sorted ids.

(The first-page query lives in `crm.services.listing`; its checks are here because they
exist for the start-up path: the first rows must come through the sort index.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from crm.db.models import Contact
from crm.services import listing, lists
from crm.ui.models.table import PAGE_SIZE, ListModel

EXTRA = 450  # contacts added to the desk's three: more than two pages


@pytest.fixture
def many(desk):
    with desk.db.write() as s:
        s.execute(
            sa.insert(Contact),
            [
                {"first_name": f"P{i:04d}", "last_name": "Roy", "name_folded": f"p{i:04d} roy"}
                for i in range(EXTRA)
            ],
        )
    return desk


@pytest.fixture
def gated_ids(monkeypatch):
    """`listing.load` (the sorted ids) waits until the test opens the gate."""
    gate = threading.Event()
    load = listing.load

    def slow(*args):
        gate.wait(10)
        return load(*args)

    monkeypatch.setattr(listing, "load", slow)
    yield gate
    gate.set()


def expected_names(desk, query: listing.ListQuery | None = None) -> list[str]:
    query = query or listing.ListQuery()
    with desk.db.read() as s:
        ids = listing.ordered_ids(s, lists.CONTACTS, query)
        return [row[1] for row in listing.rows_by_id(s, lists.CONTACTS, ids)]


def names(model: ListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# --- the first page before the sorted ids -----------------------------------------------------


def test_first_rows_come_through_the_sort_index_and_head_the_list(many):
    query = listing.ListQuery()
    with many.db.read() as s:
        first = listing.first_rows(s, lists.CONTACTS, query, PAGE_SIZE)
        ids = listing.ordered_ids(s, lists.CONTACTS, query)
        assert [row[0] for row in first] == list(ids[:PAGE_SIZE])
        assert first == listing.rows_by_id(s, lists.CONTACTS, ids[:PAGE_SIZE])
        for spec in lists.LISTS.values():
            for descending in (False, True):
                q = listing.ListQuery(sort=spec.default_sort, descending=descending)
                got = [row[0] for row in listing.first_rows(s, spec, q, 2)]
                assert got == list(listing.ordered_ids(s, spec, q)[:2])
        sql = str(
            sa.select(Contact.id)
            .where(*listing._conditions(lists.CONTACTS, query, by_sort_index=True))
            .order_by(*listing._order(lists.CONTACTS, query))
            .limit(200)
            .compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        )
        plan = " ".join(str(r[3]) for r in s.execute(sa.text("EXPLAIN QUERY PLAN " + sql)))
    assert "ix_contacts_name_folded" in plan and "TEMP B-TREE" not in plan, plan


def test_a_big_list_shows_its_first_rows_before_its_ids(qtbot, qtmodeltester, many, tasks,
                                                        gated_ids):  # fmt: skip
    model = ListModel(many.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0  # a big list: refreshed off the GUI thread
    order: list[str] = []
    model.firstRowsShown.connect(lambda: order.append("first rows"))
    model.refreshed.connect(lambda: order.append("refreshed"))
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.firstRowsShown, timeout=5000):
        model.refresh()
    total = EXTRA + 3
    everyone = expected_names(many)
    # The ids are still on their way (gated), yet the first page is on screen.
    assert model.pending and model.partial and model.loaded
    assert model.rowCount() == PAGE_SIZE
    assert names(model) == everyone[:PAGE_SIZE]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        gated_ids.set()
    assert order == ["first rows", "refreshed"]
    assert inserted == [(PAGE_SIZE, total - 1)] and len(resets) == 1  # rows added, no reset
    assert not model.pending and not model.partial
    assert model.rowCount() == total
    assert names(model) == everyone
    qtmodeltester.check(model)


def test_a_refresh_of_the_rows_shown_keeps_them_until_the_ids_are_in(qtbot, many, tasks,
                                                                     gated_ids):  # fmt: skip
    gated_ids.set()
    model = ListModel(many.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    gated_ids.clear()
    shown: list[int] = []
    model.firstRowsShown.connect(lambda: shown.append(model.rowCount()))
    model.refresh()  # records changed elsewhere: the same query again
    qtbot.wait(100)
    assert shown == [] and model.rowCount() == EXTRA + 3  # the view is not thrown to the top
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        gated_ids.set()
    assert shown == [] and model.rowCount() == EXTRA + 3


def test_the_first_rows_give_way_when_the_list_changed_meanwhile(qtbot, qtmodeltester, many,
                                                                 tasks, gated_ids, monkeypatch):  # fmt: skip
    first_rows = listing.first_rows

    def stale(session, spec, query, limit):  # as if a record came first before the ids read
        rows = first_rows(session, spec, query, limit)
        return [(-1, "Aaron Stale", "", "", "", "", None, None), *rows[: limit - 1]]

    monkeypatch.setattr(listing, "first_rows", stale)
    model = ListModel(many.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0
    with qtbot.waitSignal(model.firstRowsShown, timeout=5000):
        model.refresh()
    assert model.index(0, 0).data() == "Aaron Stale"
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        gated_ids.set()
    qtbot.waitUntil(lambda: not model.pending, timeout=5000)
    assert names(model) == expected_names(many)
    qtmodeltester.check(model)


def test_the_contacts_page_scrolls_to_the_last_row_once_the_ids_are_in(qtbot, many, tasks,
                                                                      gated_ids):  # fmt: skip
    from crm.ui.pages.records import ContactsPage

    page = ContactsPage(many, tasks=tasks)
    qtbot.addWidget(page)
    page.model.sync_limit = 0
    page.resize(900, 600)
    page.show()
    with qtbot.waitSignal(page.model.firstRowsShown, timeout=5000):
        page.activate()
    assert page.model.rowCount() == PAGE_SIZE and not page.is_loaded()
    page.table.selectRow(3)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        gated_ids.set()
    assert page.is_loaded()
    assert page.selected_rows() == [3]  # rows were added after the first page: selection kept
    page.table.scrollToBottom()
    qtbot.wait(20)
    bar = page.table.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    viewport = page.table.viewport()
    last = page.table.rowAt(viewport.height() - 2)
    assert last == EXTRA + 3 - 1
    assert page.table.model().index(last, 0).data() == expected_names(many)[-1]


def test_a_new_sort_shows_its_first_rows_at_once(qtbot, qtmodeltester, many, tasks, gated_ids):
    gated_ids.set()
    model = ListModel(many.db, lists.CONTACTS, tasks=tasks)
    model.sync_limit = 0
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    gated_ids.clear()
    with qtbot.waitSignal(model.firstRowsShown, timeout=5000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    descending = expected_names(many, listing.ListQuery(sort="name", descending=True))
    assert names(model) == descending[:PAGE_SIZE]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        gated_ids.set()
    assert names(model) == descending


# --- pages built and activated when shown -----------------------------------------------------


@pytest.fixture
def computed(monkeypatch):
    """Calls of the dashboard's computation."""
    from crm.services import dashboard

    calls: list[object] = []
    compute = dashboard.compute

    def spy(*args):
        calls.append(args)
        return compute(*args)

    monkeypatch.setattr(dashboard, "compute", spy)
    return calls


def test_only_the_page_asked_for_is_built_and_activated(qtbot, desk, tasks, computed):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import PAGES, MainWindow

    window = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    assert not any(window.pages.built(name) for name in PAGES)
    assert window.navigation.count() == len(PAGES)  # the sidebar lists them all the same
    window.show()
    page = window.show_page("contacts")  # as `crm gui --page contacts` does, right after show()
    qtbot.waitUntil(page.is_loaded, timeout=5000)
    qtbot.wait(50)  # the deferred start-up activation has run
    tasks.wait()
    assert [name for name in PAGES if window.pages.built(name)] == ["contacts"]
    assert window.current_page() is page
    assert computed == []  # the dashboard never computed anything
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(dashboard.is_loaded, timeout=5000)
    assert len(computed) == 1
    assert window.pages.built("dashboard")
    window.records_changed()  # only the pages built are told; the others read when shown
    assert not window.pages.built("trash")
    window.close()


def test_the_first_page_is_activated_once_the_window_is_shown(qtbot, desk, tasks, computed):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    assert computed == [] and not window.pages.built("dashboard")
    window.show()
    qtbot.waitUntil(lambda: window.pages.built("dashboard"), timeout=5000)
    qtbot.waitUntil(window.pages["dashboard"].is_loaded, timeout=5000)
    assert window.stack.currentWidget() is window.pages["dashboard"]
    assert len(computed) == 1
    window.close()


def test_reminders_start_after_the_first_page(qtbot, desk, tasks):
    from crm.ui import main_window
    from crm.ui.i18n import Languages

    window = main_window.MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page("contacts")
    assert window.reminders is None  # no reminder query beside the first page's
    qtbot.waitUntil(lambda: window.reminders is not None and window.reminders.started,
                    timeout=main_window.REMINDERS_AFTER_MS + 5000)  # fmt: skip
    assert window.banner.parent() is window.centralWidget()
    window.close()
    assert not window.reminders.timer.isActive()


def test_starting_the_window_imports_no_dialog_and_no_page_module():
    """Pages are imported when first built (`crm.ui.pages.pageset.page_class`), dialogs when
    first opened."""
    code = (
        "import json, sys, crm.cli, crm.ui.app\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('crm.ui.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"crm.ui.main_window", "crm.ui.pages.pageset", "crm.ui.pages.base"} <= loaded
    assert not {m for m in loaded if m.startswith("crm.ui.dialogs.")}, loaded
    pages = {"crm.ui.pages.records", "crm.ui.pages.board", "crm.ui.pages.dashboard",
             "crm.ui.pages.my_followups", "crm.ui.pages.trash"}  # fmt: skip
    assert not pages & loaded, sorted(pages & loaded)


def test_every_page_class_is_found_by_its_name(qtbot):
    from crm.ui.pages.base import DeskPage
    from crm.ui.pages.pageset import PAGES, page_class

    assert all(issubclass(page_class(name), DeskPage) for name in PAGES)
