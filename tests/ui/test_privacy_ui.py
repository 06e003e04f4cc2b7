"""The contacts list's privacy actions: a report written off the GUI thread, and forgetting a
person after a question whose default is Cancel."""

from __future__ import annotations

import json

import sqlalchemy as sa
from PySide6.QtWidgets import QMenu

from crm.db.models import Contact
from crm.ui.dialogs import privacy
from crm.ui.pages.records import ContactsPage
from tests.ui.writes import settle


def _page_on(qtbot, desk, tasks, first_name):
    page = ContactsPage(desk, tasks)
    qtbot.addWidget(page)
    page.activate()
    settle(qtbot, page)
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    row = next(r for r, name in enumerate(names) if name.startswith(first_name))
    page.table.selectRow(row)
    return page


def _action(page, name):
    menu = QMenu(page)
    page.fill_context_menu(menu)
    found = {a.objectName(): a for a in menu.actions()}
    return found[name]


def _eric(desk):
    with desk.db.read() as s:
        return s.scalar(sa.select(Contact).where(Contact.first_name == "Éric"))


def test_privacy_report_writes_the_folder_and_says_where(
    qtbot, desk, tasks, answers, tmp_path, monkeypatch, english
):
    monkeypatch.setattr(privacy, "ask_folder", lambda parent: str(tmp_path))
    page = _page_on(qtbot, desk, tasks, "Éric")
    action = _action(page, "contactPrivacyReportAction")
    assert action.text() == "Privacy report…" and action.isEnabled()
    action.trigger()
    settle(qtbot, page)
    (folder,) = tmp_path.glob("privacy-report-*")
    data = json.loads((folder / "person.json").read_text(encoding="utf-8"))
    assert data["person"]["email"] == "eric@biomtl.ca"
    kind, _title, text = answers.asked[-1]
    assert kind == "info" and str(folder) in text and "Éric Côté" in text


def test_forget_asks_then_destroys_and_names_the_backups(qtbot, desk, tasks, answers, french):
    from crm.services.maintenance import backup

    backup.backup(desk.db)
    page = _page_on(qtbot, desk, tasks, "Éric")
    action = _action(page, "contactForgetAction")
    assert action.text() == "Oublier cette personne…"
    answers.confirm.append(False)  # Cancel (the default): nothing happens
    action.trigger()
    settle(qtbot, page)
    assert _eric(desk) is not None
    kind, _title, question = answers.asked[-1]
    assert kind == "confirm" and "Éric Côté" in question and "détruit" in question
    answers.confirm.append(True)
    _action(page, "contactForgetAction").trigger()
    settle(qtbot, page)
    assert _eric(desk) is None
    kind, _title, said = answers.asked[-1]
    assert kind == "info" and "Éric Côté" in said and "backups" in said
    # The list no longer shows them.
    settle(qtbot, page)
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert not any(name.startswith("Éric") for name in names)


def test_a_destroyed_party_shows_as_destroyed(qtbot, desk, tasks, english):
    from crm.db.models import Organization
    from crm.services import introductions
    from crm.services.privacy import forget
    from crm.ui.pages.records import IntroductionsPage

    eric = _eric(desk).id
    with desk.db.write() as s:
        boston = s.scalar(sa.select(Organization.id).where(Organization.name == "Boston CRO"))
        introductions.create(
            s, desk.user_id,
            {"title": "Éric Côté meets Boston", "qc_contact_id": eric, "ma_organization_id": boston},
        )  # fmt: skip
    with desk.db.write() as s:
        forget.forget(s, desk.user_id, eric)
    page = IntroductionsPage(desk, tasks)
    qtbot.addWidget(page)
    page.activate()
    settle(qtbot, page)
    columns = [c.key for c in page.spec.columns]
    rows = {
        page.model.index(r, columns.index("title")).data(): page.model.index(
            r, columns.index("qc_party")).data()
        for r in range(page.model.rowCount())
    }  # fmt: skip
    assert rows == {
        "[…] meets Boston": "(destroyed)",
        "Montréal meets Boston": "Biotech de Montréal",
    }
