"""UI fixtures: a small desk database with a few records, and message boxes that never block.

The desk's records are written once per run and copied per test (see `Templates`).

`answers` replaces every function of `crm.ui.messages`: tests push the answers the user
would give and read back what was asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSettings

from crm.db.database import Database
from crm.domain.enums import Role
from crm.services import contacts, demo, events, followups, introductions, organizations, users
from crm.ui import messages
from crm.ui.context import DeskContext

if TYPE_CHECKING:
    from tests.conftest import Templates

# The offscreen platform plugin warns about what it cannot do (raise a window, grab the
# keyboard for a popup); those are not faults of the desk.
OFFSCREEN_NOISE = ("This plugin does not support",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@dataclass
class Answers:
    """Scripted answers to message boxes; `asked` records (function, title, text)."""

    confirm: list[bool] = field(default_factory=list)
    choose: list[int] = field(default_factory=list)
    asked: list[tuple[str, str, str]] = field(default_factory=list)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[Answers]:
    scripted = Answers()

    def confirm(parent: Any, title: str, text: str, **kwargs: Any) -> bool:
        scripted.asked.append(("confirm", title, text))
        return scripted.confirm.pop(0) if scripted.confirm else False

    def choose(parent: Any, title: str, text: str, options: list[str]) -> int:
        scripted.asked.append(("choose", title, text))
        return scripted.choose.pop(0) if scripted.choose else -1

    def note(kind: str) -> Any:
        return lambda parent, title, text: scripted.asked.append((kind, title, text))

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "choose", choose)
    monkeypatch.setattr(messages, "error", note("error"))
    monkeypatch.setattr(messages, "info", note("info"))
    # Settings of the tests go to a private folder, never to the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield scripted


def fill_desk(database: Database) -> int:
    """Two organizations, three contacts, an introduction, a follow-up, an event; the user's id."""
    with database.write() as s:
        user = users.service.create(
            s, None, {"name": "mtremblay", "display_name": "Marie Tremblay"}
        )
        users.service.create(s, None, {"name": "jsmith", "display_name": "John Smith"})
        qc = organizations.service.create(
            s,
            user.id,
            {
                "name": "Biotech de Montréal",
                "kind": "biotech",
                "region": "QC",
                "country": "Canada",
                "city": "Montréal",
                "membership": "bioquebec",
            },
        )
        ma = organizations.service.create(
            s,
            user.id,
            {
                "name": "Boston CRO",
                "kind": "cro",
                "region": "MA",
                "country": "USA",
                "city": "Boston",
                "membership": "massbio",
            },
        )
        contacts.service.create(
            s,
            user.id,
            {
                "first_name": "Éric",
                "last_name": "Côté",
                "organization_id": qc.id,
                "language": "fr",
                "email": "eric@biomtl.ca",
            },
        )
        contacts.service.create(
            s,
            user.id,
            {
                "first_name": "Anne",
                "last_name": "Zimmer",
                "organization_id": ma.id,
                "language": "en",
            },
        )
        contacts.service.create(
            s,
            user.id,
            {
                "first_name": "Zoé",
                "last_name": "Abbott",
                "language": "en",
                "region": "MA",
                "country": "USA",
            },
        )
        intro = introductions.create(
            s,
            user.id,
            {
                "qc_organization_id": qc.id,
                "ma_organization_id": ma.id,
                "owner_id": user.id,
                "title": "Montréal meets Boston",
            },
        )
        followups.service.create(
            s,
            user.id,
            {
                "title": "Call back Éric",
                "due_date": "2020-01-15",
                "assignee_id": user.id,
                "introduction_id": intro.id,
            },
        )
        events.service.create(
            s,
            user.id,
            {
                "name": "BIO 2025 Boston",
                "kind": "conference",
                "starts_on": "2025-06-16",
                "city": "Boston",
                "territory": "MA",
            },
        )
        return user.id


def fill_desk_and_demo(database: Database) -> int:
    user_id = fill_desk(database)
    with database.write() as s:
        demo.load_demo(s, user_id)
    return user_id


@pytest.fixture
def desk(templates: Templates, tmp_path: Path) -> Iterator[DeskContext]:
    """A database at tmp_path / 'desk.db' as `fill_desk` leaves it (a copy of a template)."""
    database, user_id = templates.open("desk", fill_desk, tmp_path / "desk.db")
    yield DeskContext(database, user_id, "Marie Tremblay", role=Role.ADMIN)  # the first user
    database.close()


@pytest.fixture
def desk_with_demo(templates: Templates, tmp_path: Path) -> Iterator[DeskContext]:
    """The `desk` records and then the demo data set, loaded by the desk's user."""
    database, user_id = templates.open("desk+demo", fill_desk_and_demo, tmp_path / "desk.db")
    yield DeskContext(database, user_id, "Marie Tremblay", role=Role.ADMIN)  # the first user
    database.close()


@pytest.fixture
def window(qtbot: Any, desk: DeskContext, tasks: Any) -> Iterator[Any]:
    """The main window on the desk, in English, shown; its tasks drained afterwards."""
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    languages = Languages()
    languages.apply("en")
    win = MainWindow(desk, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    tasks.wait()


@pytest.fixture
def french(qapp: Any) -> Iterator[Any]:
    """The interface in French, put back in English afterwards."""
    from crm.ui.i18n import Languages

    languages = Languages()
    languages.apply("fr")
    yield languages
    languages.apply("en")


@pytest.fixture
def english(qapp: Any) -> Iterator[Any]:
    """The interface in English (the tests read English labels), left in English afterwards."""
    from crm.ui.i18n import Languages

    languages = Languages()
    languages.apply("en")
    yield languages
    languages.apply("en")


@pytest.fixture
def tasks(qapp: Any) -> Iterator[Any]:
    """A task runner of the test's own, drained before the test's database goes away."""
    from crm.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.wait()
