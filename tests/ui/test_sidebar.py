"""The sidebar: saved views under their list (save, open, rename, delete) and the count of
my open and overdue follow-ups, kept up to date when follow-ups change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from crm.services import followups, saved_views
from crm.ui import saved_views as views_ui
from crm.ui.widgets.sidebar import BADGE_ROLE, VIEW_ROLE
from tests.ui.writes import settle

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def names(monkeypatch):
    """The names the user types when asked (in order)."""
    typed: list[str | None] = []
    monkeypatch.setattr(views_ui, "ask_name", lambda *args, **kw: typed.pop(0))
    return typed


def _loaded(qtbot, page):
    qtbot.waitUntil(page.is_loaded, timeout=10_000)


def _rows(page):
    return sorted(page.model.index(r, 0).data() for r in range(page.model.rowCount()))


def test_save_open_rename_delete_a_view(qtbot, window, desk, names, answers):
    contacts = window.show_page("contacts")
    _loaded(qtbot, contacts)
    combo = contacts.filter_combos["language"]
    combo.setCurrentIndex(combo.findData("en"))
    header = contacts.table.horizontalHeader()
    header.setSectionHidden(contacts.spec.keys.index("title"), True)
    contacts.table.sortByColumn(contacts.spec.keys.index("email"), Qt.SortOrder.DescendingOrder)
    names.append("English speakers")
    assert contacts.save_view()
    settle(qtbot, window)
    with desk.db.read() as s:
        (view,) = saved_views.views(s, desk.user_id)
    assert (view.list_name, view.filters, view.sort, view.descending) == (
        "contact",
        {"language": "en"},
        "email",
        True,
    )
    assert "title" not in view.columns and view.columns[0] == "name"
    assert window.navigation.view_names("contacts") == ["English speakers"]
    item = window.navigation.view_item(view.id)
    assert (
        window.navigation.row(item)
        == window.navigation.row(window.navigation.page_item("contacts")) + 1
    )

    # Somewhere else, other filters; a click on the view shows it again.
    window.show_page("organizations")
    combo.setCurrentIndex(0)
    header.setSectionHidden(contacts.spec.keys.index("title"), False)
    window.navigation.setCurrentItem(item)
    assert window.current_page() is contacts
    _loaded(qtbot, contacts)
    assert combo.currentData() == "en" and header.isSectionHidden(contacts.spec.keys.index("title"))
    assert header.sortIndicatorSection() == contacts.spec.keys.index("email")
    assert _rows(contacts) == ["Anne Zimmer", "Zoé Abbott"]

    names.append("Anglophones")
    window.navigation.renameViewRequested.emit(view.id, view.name)
    settle(qtbot, window)
    assert window.navigation.view_names("contacts") == ["Anglophones"]
    answers.confirm.append(True)
    window.navigation.deleteViewRequested.emit(view.id, "Anglophones")
    settle(qtbot, window)
    assert window.navigation.view_names("contacts") == []
    assert answers.asked[-1][1] == "Delete view"
    with desk.db.read() as s:
        assert saved_views.views(s, desk.user_id) == []


def test_the_view_menu_offers_rename_and_delete(qtbot, window, desk):
    with desk.db.write() as s:
        view = saved_views.save(s, desk.user_id, "followup", "Overdue", filters={"due": "overdue"})
    window.reload_views()
    item = window.navigation.view_item(view.id)
    assert item is not None and item.data(VIEW_ROLE) == view.id
    menu = window.navigation.view_menu(item)
    assert [a.text() for a in menu.actions()] == ["Open", "Rename…", "Delete"]
    page = window.open_view("followups", view.id)
    assert page is not None and page.filter_combos["due"].currentData() == "overdue"


def test_a_taken_name_is_replaced_only_after_asking(qtbot, window, desk, names, answers):
    contacts = window.show_page("contacts")
    _loaded(qtbot, contacts)
    with desk.db.write() as s:
        saved_views.save(s, desk.user_id, "contact", "Mine", text="old")
    names.append("mine")
    answers.confirm.append(False)
    assert not contacts.save_view()
    contacts.filter_box.setText("new")
    names.append("mine")
    answers.confirm.append(True)
    assert contacts.save_view()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert [(v.name, v.text) for v in saved_views.views(s, desk.user_id)] == [("mine", "new")]


def test_sidebar_counts_my_open_and_overdue_followups(qtbot, window, desk):
    item = window.navigation.page_item("myfollowups")
    qtbot.waitUntil(
        lambda: item.data(BADGE_ROLE) == (1, 1), timeout=10_000
    )  # "Call back Éric", 2020
    assert item.toolTip() == "1 open follow-up, 1 overdue"
    page = window.show_page("myfollowups")
    qtbot.waitUntil(page.is_loaded, timeout=10_000)
    page.select(page.groups[0].rows[0].id)
    page.complete_selected()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: item.data(BADGE_ROLE) is None, timeout=10_000)
    with desk.db.write() as s:
        followups.service.create(s, desk.user_id, {"title": "Later", "due_date": "2099-01-01",
                                                    "assignee_id": desk.user_id})  # fmt: skip
    window.records_changed()
    qtbot.waitUntil(lambda: item.data(BADGE_ROLE) == (1, 0), timeout=10_000)
    assert not window.navigation.grab().isNull()


def test_sidebar_tooltips_follow_the_language(qtbot, window, desk, french):
    item = window.navigation.page_item("myfollowups")
    qtbot.waitUntil(lambda: item.data(BADGE_ROLE) == (1, 1), timeout=10_000)
    assert item.toolTip() == "1 suivi ouvert, 1 en retard"
    with desk.db.write() as s:
        view = saved_views.save(s, desk.user_id, "contact", "Québec")
    window.reload_views()
    assert window.navigation.view_item(view.id).toolTip() == "Vue enregistrée : Québec"


def test_a_window_deleted_while_its_counts_are_read_is_not_called_back(qtbot, desk, tasks,
                                                                       monkeypatch):  # fmt: skip
    """The sidebar's counts are read a moment after the window shows: a window closed and
    deleted by then (a quick switch of database, a test's end) must not be touched."""
    import threading

    import shiboken6

    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    gate = threading.Event()
    my_counts = followups.my_counts

    def slow(*args):
        gate.wait(10)
        return my_counts(*args)

    monkeypatch.setattr(followups, "my_counts", slow)
    win = MainWindow(desk, Languages(), tasks, remember_geometry=False, live=False)
    win.count_followups()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(win)
    gate.set()
    tasks.wait()  # an exception in the callback would fail the test (pytest-qt)
    qtbot.wait(50)


def test_large_counts_keep_their_badges_narrow_and_the_tooltip_exact(qtbot):
    """At the 100k demo's counts the badges covered "My follow-ups": beyond 999 a badge
    shows "999+" (painted exactly as any other count beyond 999), the tooltip the number."""
    from crm.ui.main_window import PAGE_ICONS, PAGES
    from crm.ui.widgets.sidebar import Sidebar

    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.add_pages(PAGES, PAGE_ICONS)
    bar.page_item("myfollowups").setText("My follow-ups")
    bar.resize(bar.minimumWidth(), 400)
    bar.show()

    def painted(open_count: int, overdue: int) -> bytes:
        bar.set_counts("myfollowups", open_count, overdue)
        image = bar.grab().toImage()
        return bytes(image.constBits())

    huge = painted(37_437, 12_000)
    assert "37437" in bar.page_item("myfollowups").toolTip()
    assert huge == painted(1_000, 1_000)
    assert huge != painted(999, 999)
