"""What the export dialog starts from, opened as staff open it: from a filtered list with a
row selected, in French and in English; saved profiles; list filters and the global search
with accents (issue 9)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm.services import contacts, csv_export, events, export_profiles, followups
from crm.ui.context import DeskContext
from crm.ui.i18n import Languages
from crm.ui.main_window import MainWindow

FRENCH = {"headers": ["Identifiant", "Prénom", "Nom de famille"], "delimiter": ";"}
ENGLISH = {"headers": ["uid", "first_name", "last_name"], "delimiter": ","}


@pytest.fixture
def consenting(desk: DeskContext) -> DeskContext:
    """The desk's three contacts have agreed to be shared with partners; each has notes."""
    with desk.db.write() as s:
        for person in contacts.service.find(s):
            contacts.service.update(s, desk.user_id, person.id, {
                "share_with_partners": "yes", "consent_date": "2025-01-10",
                "notes": f"interne : {person.first_name}"})  # fmt: skip
    return desk


def _window(qtbot: Any, desk: DeskContext, tasks: Any, lang: str) -> Iterator[MainWindow]:
    languages = Languages()
    languages.apply(lang)
    win = MainWindow(desk, languages, tasks, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    tasks.wait()
    languages.apply("en")


@pytest.fixture
def french_window(qtbot, consenting, tasks) -> Iterator[MainWindow]:
    yield from _window(qtbot, consenting, tasks, "fr")


@pytest.fixture
def english_window(qtbot, consenting, tasks) -> Iterator[MainWindow]:
    yield from _window(qtbot, consenting, tasks, "en")


def _filtered_contacts(qtbot: Any, win: MainWindow, text: str, language: str | None = None) -> Any:
    page = win.show_page("contacts")
    page.filter_box.setText(text)
    combo = page.filter_combos["language"]
    combo.setCurrentIndex(combo.findData(language) if language else 0)
    page.apply_filters()
    qtbot.waitUntil(page.is_loaded)
    return page


def _read(path: Any, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def _export(qtbot: Any, dialog: Any, path: Any) -> None:
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("lang", "expected"), [("fr", FRENCH), ("en", ENGLISH)])
def test_export_starts_from_all_rows_of_the_filtered_list_without_notes(
    qtbot, consenting, tasks, tmp_path, lang, expected
):
    for win in _window(qtbot, consenting, tasks, lang):
        page = _filtered_contacts(qtbot, win, "", language="en")
        assert page.model.rowCount() == 2  # Anne and Zoé, not Éric
        page.table.selectRow(0)
        assert len(page.selected()) == 1
        dialog = page.export_list()
        qtbot.addWidget(dialog)

        assert dialog.scope_filter.isChecked() and not dialog.scope_selected.isChecked()
        assert dialog.scope_selected.isEnabled()  # the selection stays one click away
        chosen = dialog.chosen_columns()
        assert "notes" not in chosen and {"uid", "first_name", "email"} <= set(chosen)
        assert dialog.lang.currentData() == lang
        assert dialog.delimiter.currentData() == expected["delimiter"]
        assert dialog.encoding.currentData() == "utf-8-sig"

        out = tmp_path / f"contacts-{lang}.csv"
        _export(qtbot, dialog, out)
        rows = _read(out, expected["delimiter"])
        assert rows[0][:3] == expected["headers"]
        assert len(rows[0]) == len(chosen) and "interne" not in out.read_text("utf-8-sig")
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM: Excel shows accents
        assert sorted(r[1] for r in rows[1:]) == ["Anne", "Zoé"]  # every row of the filter
        with consenting.db.read() as s:
            entry = csv_export.export_log(s)[0]
        assert entry.row_count == 2 and "language" in entry.filter


def test_the_delimiter_follows_the_header_language_until_chosen(qtbot, french_window):
    page = _filtered_contacts(qtbot, french_window, "")
    dialog = page.export_list()
    qtbot.addWidget(dialog)
    assert (dialog.lang.currentData(), dialog.delimiter.currentData()) == ("fr", ";")
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    assert dialog.delimiter.currentData() == ","
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData("tab"))
    dialog.delimiter.activated.emit(dialog.delimiter.currentIndex())  # as a click does
    dialog.lang.setCurrentIndex(dialog.lang.findData("fr"))
    assert dialog.delimiter.currentData() == "tab"


def test_a_profile_restores_its_own_choices_and_filters(qtbot, french_window, tmp_path):
    page = _filtered_contacts(qtbot, french_window, "montreal")  # Éric only
    dialog = page.export_list()
    qtbot.addWidget(dialog)
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("uid", "email", "notes")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData("tab"))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    dialog.profile_name.setText("Québec, notes comprises")
    assert dialog.save_current_profile()
    dialog.reject()
    with french_window.ctx.db.read() as s:
        saved = export_profiles.get(s, "Québec, notes comprises")
    assert (saved.columns, saved.lang, saved.delimiter, saved.encoding, saved.text) == (
        ("uid", "email", "notes"), "en", "tab", "utf-8", "montreal",
    )  # fmt: skip

    page = _filtered_contacts(qtbot, french_window, "")  # the whole list this time
    other = page.export_list()
    qtbot.addWidget(other)
    assert other.chosen_columns() != ["uid", "email", "notes"]
    other.profile.setCurrentIndex(other.profile.findData("Québec, notes comprises"))
    assert other.chosen_columns() == ["uid", "email", "notes"]
    assert (other.lang.currentData(), other.delimiter.currentData()) == ("en", "tab")
    assert other.encoding.currentData() == "utf-8" and other.text == "montreal"
    assert other.scope_filter.text() == "Toutes les lignes du filtre du profil"
    out = tmp_path / "profile.csv"
    _export(qtbot, other, out)
    rows = _read(out, "\t")  # the profile's filter: Éric only, with the notes it asks for
    assert rows[0] == ["uid", "email", "notes"]
    assert [r[1:] for r in rows[1:]] == [["eric@biomtl.ca", "interne : Éric"]]

    third = page.export_list()
    qtbot.addWidget(third)
    third.profile.setCurrentIndex(third.profile.findData("Québec, notes comprises"))
    third.profile.setCurrentIndex(0)  # "(none)": back to the list and the defaults
    assert "notes" not in third.chosen_columns() and third.text == ""
    assert (third.lang.currentData(), third.delimiter.currentData()) == ("fr", ";")
    assert third.scope_filter.text() == "Toutes les lignes du filtre actuel de la liste"


def test_events_filter_box_ignores_accents_and_case(qtbot, french_window):
    with french_window.ctx.db.write() as s:
        events.service.create(s, french_window.ctx.user_id, {
            "name": "Mission québécoise à Boston", "starts_on": "2026-04-20"})  # fmt: skip
    page = french_window.show_page("events")
    for typed in ("québécoise", "QUEBECOISE", "quebecoise"):
        page.filter_box.setText(typed)
        page.apply_filters()
        qtbot.waitUntil(page.is_loaded)
        assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [
            "Mission québécoise à Boston"
        ], typed


def test_ctrl_k_finds_and_opens_a_followup(qtbot, french_window):
    with french_window.ctx.db.write() as s:
        task = followups.service.create(s, french_window.ctx.user_id, {
            "title": "Relancer la délégation québécoise", "due_date": "2026-03-02"})  # fmt: skip
    box = french_window.search
    qtbot.keyClick(french_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "delegation QUEBEC")
    qtbot.waitUntil(lambda: bool(box.results()))
    assert box.results() == [("followup", task.id, "Relancer la délégation québécoise")]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    opened = [d for d in french_window.findChildren(QDialog) if d.isVisible()]
    assert opened and any(getattr(d, "record_id", None) == task.id for d in opened)
    for dialog in opened:
        dialog.reject()
