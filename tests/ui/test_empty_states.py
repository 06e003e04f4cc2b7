"""Empty pages say what they are for and offer their first action (add, import, load the
demo), in English and French; a list emptied by its filters offers to clear them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from crm.services import users
from crm.ui.context import DeskContext
from crm.ui.pages.board import BoardPage
from crm.ui.pages.dashboard import DashboardPage
from crm.ui.pages.export_log import ExportLogDialog
from crm.ui.pages.my_followups import MyFollowUpsPage
from crm.ui.pages.records import (
    ContactsPage,
    EventsPage,
    FollowUpsPage,
    IntroductionsPage,
    OrganizationsPage,
)
from crm.ui.pages.trash import TrashPage
from crm.ui.tasks import TaskRunner
from tests.ui.writes import settle


@pytest.fixture
def empty(fresh_sqlite) -> DeskContext:
    with fresh_sqlite.write() as s:
        user = users.service.create(
            s, None, {"name": "mtremblay", "display_name": "Marie Tremblay"}
        )
    return DeskContext(fresh_sqlite, user.id, "Marie Tremblay")


def _buttons(state) -> dict[str, str]:
    return {key: button.text() for key, button in state.buttons.items()}


LISTS: list[tuple[Any, str, list[str]]] = [
    (OrganizationsPage, "organization", ["new", "import", "demo"]),
    (ContactsPage, "contact", ["new", "import", "demo"]),
    (IntroductionsPage, "introduction", ["new", "demo"]),
    (FollowUpsPage, "followup", ["new"]),
    (EventsPage, "event", ["new", "demo"]),
    (TrashPage, "trash", []),
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("cls", "kind", "keys"), LISTS)
def test_an_empty_list_says_what_it_is_for_and_offers_its_first_actions(
    qtbot, empty, cls, kind, keys
):
    page = cls(empty, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.body.currentWidget() is page.empty
    assert page.empty.title.text() and (page.empty.text.text() or kind == "trash")
    assert list(page.empty.buttons) == keys
    asked: list[tuple[str, Any]] = []
    page.newRequested.connect(lambda k: asked.append(("new", k)))
    page.importRequested.connect(lambda e: asked.append(("import", e)))
    page.demoRequested.connect(lambda: asked.append(("demo", None)))
    for key in keys:
        qtbot.mouseClick(page.empty.buttons[key], Qt.MouseButton.LeftButton)
    expected = {"new": ("new", kind), "import": ("import", "organizations" if kind == "organization" else "contacts"),
                "demo": ("demo", None)}  # fmt: skip
    assert asked == [expected[k] for k in keys]


def test_the_empty_pages_speak_french(qtbot, empty, french):
    page = OrganizationsPage(empty, TaskRunner())
    qtbot.addWidget(page)
    page.activate()
    assert page.empty.title.text() == "Aucune organisation pour l’instant"
    assert _buttons(page.empty) == {"new": "Nouvelle organisation", "import": "Importer un fichier CSV…",
                                    "demo": "Charger les données de démonstration"}  # fmt: skip
    board = BoardPage(empty, TaskRunner())
    qtbot.addWidget(board)
    board.reload_now()
    assert board.empty.title.text() == "Aucune mise en relation au tableau pour l’instant"


@pytest.mark.usefixtures("english")
def test_a_list_emptied_by_its_filters_offers_to_clear_them(qtbot, desk):
    page = ContactsPage(desk, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.body.currentWidget() is page.table
    page.filter_box.setText("nobody at all")
    page.apply_filters()
    assert page.body.currentWidget() is page.empty
    assert list(page.empty.buttons) == ["clear"]
    assert page.empty.title.text() == "No record matches these filters"
    qtbot.mouseClick(page.empty.buttons["clear"], Qt.MouseButton.LeftButton)
    assert page.filter_box.text() == "" and page.model.rowCount() == 3
    assert page.body.currentWidget() is page.table


@pytest.mark.usefixtures("english")
def test_the_demo_is_not_offered_once_the_database_holds_records(qtbot, desk):
    page = EventsPage(desk, TaskRunner())
    qtbot.addWidget(page)
    page.show_filtered({"kind": "webinar"})  # no webinar: filtered, so "clear" only
    assert list(page.empty.buttons) == ["clear"]
    intros = FollowUpsPage(desk, TaskRunner())
    qtbot.addWidget(intros)
    intros.activate()
    assert intros.body.currentWidget() is intros.table


@pytest.mark.usefixtures("english")
def test_empty_board_my_followups_and_dashboard(qtbot, empty):
    board = BoardPage(empty, TaskRunner())
    qtbot.addWidget(board)
    board.show()
    board.reload_now()
    assert board.body.currentWidget() is board.empty and list(board.empty.buttons) == [
        "new",
        "demo",
    ]
    with qtbot.waitSignal(board.newRequested) as caught:
        qtbot.mouseClick(board.empty.buttons["new"], Qt.MouseButton.LeftButton)
    assert caught.args == ["introduction"]

    mine = MyFollowUpsPage(empty, TaskRunner())
    qtbot.addWidget(mine)
    mine.show()
    mine.reload_now()
    assert (
        mine.body.currentWidget() is mine.empty
        and mine.empty.title.text() == "Nothing to follow up"
    )
    with qtbot.waitSignal(mine.newRequested) as caught:
        qtbot.mouseClick(mine.empty.buttons["new"], Qt.MouseButton.LeftButton)
    assert caught.args == ["followup"]

    dashboard = DashboardPage(empty, TaskRunner())
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.activate()
    qtbot.waitUntil(dashboard.is_loaded, timeout=10_000)
    assert dashboard.body.currentWidget() is dashboard.empty
    assert list(dashboard.empty.buttons) == ["demo", "import", "new"]
    with qtbot.waitSignal(dashboard.demoRequested):
        qtbot.mouseClick(dashboard.empty.buttons["demo"], Qt.MouseButton.LeftButton)


@pytest.mark.usefixtures("english")
def test_the_empty_export_log_offers_the_first_export(qtbot, empty):
    calls = []

    from PySide6.QtWidgets import QWidget

    class Window(QWidget):
        def export_csv(self) -> None:
            calls.append("export")

    window = Window()
    qtbot.addWidget(window)
    log = ExportLogDialog(empty, window)
    log.show()
    assert log.body.currentWidget() is log.empty
    assert log.empty.title.text() == "No file has left the desk yet"
    qtbot.mouseClick(log.empty.buttons["export"], Qt.MouseButton.LeftButton)
    assert calls == ["export"] and not log.isVisible()


@pytest.mark.usefixtures("english")
def test_load_the_demo_from_an_empty_page_fills_the_desk(qtbot, empty, tasks):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(empty, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("organizations")
    qtbot.waitUntil(lambda: page.model.loaded, timeout=10_000)
    assert page.body.currentWidget() is page.empty
    qtbot.mouseClick(page.empty.buttons["demo"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() > 10, timeout=20_000)
    assert page.body.currentWidget() is page.table
