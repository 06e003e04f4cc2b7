"""The duplicates view and the merge dialog, and Edit selected…, in the real main window:
pairs with their reasons, two records side by side with a value picked per field, a merge
undone from the status bar; one change for a selection, undone as one action."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm.db.models import Contact, Introduction, Organization, contact_tags
from crm.services import contacts, tags
from crm.ui.dialogs.bulk_edit import BulkEditDialog
from crm.ui.dialogs.duplicates import DuplicatesDialog, MergeDialog
from crm.ui.i18n import Languages
from crm.ui.main_window import MainWindow
from tests.ui.writes import settle


@pytest.fixture
def window(qtbot, desk, tasks):
    win = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for dialog in win.findChildren(MergeDialog) + win.findChildren(DuplicatesDialog):
        dialog.done(0)
    tasks.wait()
    win.close()


@pytest.fixture
def twin(desk):
    """A second Éric Côté at the same organization, with a title and the introduction."""
    with desk.db.write() as s:
        eric = s.scalar(sa.select(Contact).where(Contact.last_name == "Côté"))
        other = contacts.service.create(
            s, desk.user_id,
            {"first_name": "Eric", "last_name": "Cote", "organization_id": eric.organization_id,
             "title": "Chief Scientific Officer", "email": "e.cote@biomtl.ca"},
            allow_duplicate=True,
        )  # fmt: skip
        intro = s.scalar(sa.select(Introduction))
        intro.qc_contact_id = other.id
        return eric.id, other.id, intro.id


def _open_duplicates(qtbot, window):
    window.actions_["duplicates"].trigger()
    dialog = window.findChild(DuplicatesDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=20_000)
    return dialog


def test_duplicates_then_merge_with_picked_values_then_undo(qtbot, window, desk, twin, english):
    eric, other, intro = twin
    assert window.actions_["duplicates"] in window.menus["records"].actions()
    dialog = _open_duplicates(qtbot, window)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(3)]
    assert cells == [
        "Éric Côté · Biotech de Montréal", "Eric Cote · Biotech de Montréal",
        "same name in the same organization",
    ]  # fmt: skip
    assert dialog.count.text() == "1 likely pair"
    merging = dialog.compare()
    qtbot.waitUntil(lambda: merging.merge_button.isEnabled(), timeout=20_000)
    _left, right = merging.radios["title"]
    # The kept record's values first; its empty title gives way to the other's.
    assert right.isChecked() and right.text() == "Chief Scientific Officer"
    assert merging.radios["first_name"][0].isChecked()
    assert merging.field_labels["first_name"].text() == "First name"
    email = merging.radios["email"][1]
    qtbot.waitUntil(email.isVisible)
    email.click()
    qtbot.mouseClick(merging.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with desk.db.read() as s:
        kept = s.get(Contact, eric)
        assert (kept.first_name, kept.title, kept.email) == (
            "Éric", "Chief Scientific Officer", "e.cote@biomtl.ca",
        )  # fmt: skip
        assert s.get(Contact, other).deleted_at is not None
        assert s.get(Introduction, intro).qc_contact_id == eric
    assert window.undo_bar.message() == "Merged “Eric Cote” into “Éric Côté”"
    qtbot.waitUntil(lambda: dialog.loaded and dialog.table.rowCount() == 0, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.undo_bar.undo()
    settle(qtbot, window)
    with desk.db.read() as s:
        kept = s.get(Contact, eric)
        assert (kept.title, kept.email) == ("", "eric@biomtl.ca")
        assert s.get(Contact, other).deleted_at is None
        assert s.get(Introduction, intro).qc_contact_id == other


def test_merge_keeping_the_second_record_in_french(qtbot, window, desk, twin, french):
    eric, other, _intro = twin
    dialog = _open_duplicates(qtbot, window)
    assert dialog.windowTitle() == "Doublons probables"
    assert dialog.table.item(0, 2).text() == "même nom dans la même organisation"
    merging = dialog.compare()
    qtbot.waitUntil(lambda: merging.merge_button.isEnabled(), timeout=20_000)
    assert merging.merge_button.text() == "&Fusionner"
    assert merging.keep_second.text() == "Garder « Eric Cote »"
    merging.keep_second.click()
    assert merging.radios["first_name"][1].isChecked()  # the kept one's values now
    merging.do_merge()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.get(Contact, eric).deleted_at is not None
        assert s.get(Contact, other).first_name == "Eric"
    assert window.undo_bar.message() == "« Éric Côté » fusionné dans « Eric Cote »"


def test_merge_refused_when_a_record_changed_meanwhile(qtbot, window, desk, twin, answers, english):
    _eric, other, _intro = twin
    dialog = _open_duplicates(qtbot, window)
    merging = dialog.compare()
    qtbot.waitUntil(lambda: merging.merge_button.isEnabled(), timeout=20_000)
    with desk.db.write() as s:
        contacts.service.update(s, desk.user_id, other, {"title": "CSO"}, allow_duplicate=True)
    merging.do_merge()
    settle(qtbot, window)
    assert answers.asked[-1][1] == "Cannot merge"
    with desk.db.read() as s:
        assert s.get(Contact, other).deleted_at is None


def _contacts_page(qtbot, window):
    page = window.show_page("contacts")
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    return page


def test_edit_selected_adds_a_tag_to_all_and_undo_takes_it_back(qtbot, window, desk, english):
    page = _contacts_page(qtbot, window)
    page.table.selectAll()
    window.actions_["edit_selected"].trigger()
    dialog = window.findChild(BulkEditDialog)
    assert dialog.intro.text().startswith("One change for the 3 selected records.")
    assert [dialog.action.itemText(i) for i in range(dialog.action.count())] == [
        "Add a tag", "Remove a tag", "Set the territory", "Set the preferred language",
        "Record a consent answer (sharing with partners)",
    ]  # fmt: skip
    qtbot.keyClicks(dialog.tag, "Mission Boston")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with desk.db.read() as s:
        tagged = s.scalar(sa.select(sa.func.count()).select_from(contact_tags))
    assert tagged == 3
    assert window.undo_bar.message() == "Changed 3 records at once"
    window.undo_bar.undo()
    settle(qtbot, window)
    with desk.db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(contact_tags)) == 0


def test_edit_selected_consent_in_french_with_date_and_channel(
    qtbot, window, desk, french, answers
):
    page = _contacts_page(qtbot, window)
    page.table.selectAll()
    dialog = page.edit_selected()
    assert dialog.windowTitle() == "Modifier les fiches choisies"
    dialog.action.setCurrentIndex(dialog.offered.index("share_with_partners"))
    assert dialog.pages.currentWidget() is dialog.consent_page
    # No answer is chosen for the user: Apply asks for one and writes nothing.
    assert dialog.consent.currentIndex() == -1
    dialog.apply()
    assert answers.asked[-1][2] == "Choisissez la réponse."
    dialog.consent.setCurrentIndex(dialog.consent.findData("yes"))
    dialog.consent_date.edit.setText("2026-03-02")
    qtbot.keyClicks(dialog.channel, "courriel")
    dialog.apply()
    settle(qtbot, window)
    with desk.db.read() as s:
        rows = set(s.execute(sa.select(Contact.share_with_partners, Contact.consent_source)))
    assert rows == {("yes", "courriel")}
    assert window.undo_bar.message() == "3 fiches modifiées d’un coup"


def test_organization_list_offers_membership_and_a_stale_undo_is_refused(
    qtbot, window, desk, answers, english
):
    page = window.show_page("organizations")
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    page.table.selectAll()
    dialog = page.edit_selected()
    dialog.action.setCurrentIndex(dialog.offered.index("membership"))
    dialog.choice.setCurrentIndex(dialog.choice.findData("both"))
    dialog.apply()
    settle(qtbot, window)
    with desk.db.write() as s:
        assert set(s.scalars(sa.select(Organization.membership))) == {"both"}
        org = s.scalar(sa.select(Organization).limit(1))
        tags.set_tags(s, "organization", org.id, ["x"])
        org.notes = "changed meanwhile"
    window.undo_bar.undo()
    settle(qtbot, window)
    assert answers.asked[-1][1] == "Cannot undo"
    with desk.db.read() as s:
        assert set(s.scalars(sa.select(Organization.membership))) == {"both"}


def test_introductions_get_another_owner(qtbot, window, desk, english):
    page = window.show_page("introductions")
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    page.table.selectAll()
    dialog = page.edit_selected()
    assert [dialog.action.itemText(i) for i in range(dialog.action.count())] == ["Set the owner"]
    dialog.user.setCurrentIndex(dialog.user.findText("John Smith"))
    dialog.apply()
    settle(qtbot, window)
    with desk.db.read() as s:
        owners = set(s.scalars(sa.select(Introduction.owner_id)))
        assert owners == {dialog.user.currentData()} and desk.user_id not in owners
