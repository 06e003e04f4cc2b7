"""Record pages: an organization, a contact, an introduction or an event on a page of the main
window, opened from a list, the board, the search box or a link, once per record; its fields
edited in place (Ctrl+S, Esc), a stale save refused, Back, and its actions."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from crm.db.models import Contact, Event, FollowUp, Introduction, Organization
from crm.services import contacts
from crm.ui.dialogs import stage_dialog
from crm.ui.dialogs.records import FollowUpEditor
from crm.ui.pages.record_page import RecordPage
from tests.ui.writes import settle


def record_id(desk, model, **where) -> int:
    with desk.db.read() as s:
        query = sa.select(model.id).filter_by(**where)
        return int(s.scalar(query))


def loaded(qtbot, page: RecordPage) -> RecordPage:
    assert isinstance(page, RecordPage)
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    return page


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


@pytest.fixture
def accept_moves(monkeypatch):
    """The stage dialog, answered "Move" with its suggested follow-ups kept."""
    monkeypatch.setattr(stage_dialog, "ask", lambda dialog: True)


@pytest.mark.parametrize(
    ("page_name", "text", "kind", "title"),
    [
        ("organizations", "Boston CRO", "organization", "Boston CRO"),
        ("contacts", "Éric Côté", "contact", "Éric Côté"),
        ("introductions", "Montréal meets Boston", "introduction", "Montréal meets Boston"),
        ("events", "BIO 2025 Boston", "event", "BIO 2025 Boston"),
    ],
)
def test_enter_in_a_list_opens_the_record_page_beside_it(
    qtbot, window, page_name, text, kind, title
):
    page = window.show_page(page_name)
    qtbot.waitUntil(page.is_loaded, timeout=20_000)
    row = next(
        r
        for r in range(page.model.rowCount())
        if any(page.model.index(r, c).data() == text for c in range(page.model.columnCount()))
    )
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    record = loaded(qtbot, window.record_page())
    assert window.stack.currentWidget() is record and record.kind == kind
    assert record.title.text() == title
    assert not window.findChildren(
        type(record.form), options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    assert record.form.isVisible() and record.form.parent() is not None  # in the page, no window
    # Back (Alt+Left) returns to the list, as it was
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.record_page() is None and window.stack.currentWidget() is page


def test_a_contact_page_says_the_key_facts(qtbot, window, desk):
    eric = record_id(desk, Contact, last_name="Côté")
    with desk.db.write() as s:
        contacts.service.update(s, desk.user_id, eric, {"share_with_partners": "yes"})
    page = loaded(qtbot, window.open_record("contact", eric))
    assert page.territory.text() == "QC · Québec"
    assert page.facts["membership"].text() == "Membership: BIOQuébec"
    assert page.facts["language"].text() == "Preferred language: French"
    assert page.facts["share_with_partners"].text() == "Share with partners: Yes"
    assert not page.facts["do_not_contact"].isVisibleTo(page)
    assert "Biotech de Montréal" in page.points_at.text()


def test_an_introduction_page_says_both_parties_consents_and_stage(qtbot, window, desk, french):
    intro = record_id(desk, Introduction, title="Montréal meets Boston")
    page = loaded(qtbot, window.open_record("introduction", intro))
    assert page.facts["stage"].text() == "Étape\u00a0: Proposée"
    assert page.facts["qc_consent"].text().endswith("\u00a0: Inconnu")
    assert page.facts["ma_consent"].isVisible()
    html = page.points_at.text()
    assert "Biotech de Montréal" in html and "Boston CRO" in html
    assert page.save_action.text() == "Enregistrer"


def test_a_board_card_the_search_box_and_a_list_open_one_page_per_record(qtbot, window, desk):
    board = window.show_page("board")
    board.reload_now()
    column = board.columns["proposed"]
    intro = board.card_ids("proposed")[0]
    where = column.visualItemRect(column.item(0)).center()
    # A real double-click both activates the item and double-clicks it: one page all the same.
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(column.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = loaded(qtbot, window.record_page())
    assert (page.kind, page.record_id) == ("introduction", intro)
    # The same record from the search box, a list or a link: the same page.
    window.show_page("contacts")
    window.search.openRequested.emit("introduction", intro)
    assert window.record_page() is page
    window.pages["introductions"].openRequested.emit("introduction", intro)
    assert window.open_record("introduction", intro) is page
    assert len([p for p in window.stack.findChildren(RecordPage)]) == 1


def test_the_search_box_opens_a_contact_page(qtbot, window, desk):
    qtbot.keyClicks(window.search, "zimm")
    qtbot.waitUntil(lambda: window.search.popup.isVisible() and bool(window.search.results()))
    qtbot.keyClick(window.search.popup, Qt.Key.Key_Return)
    page = loaded(qtbot, window.record_page())
    assert (page.kind, page.title.text()) == ("contact", "Anne Zimmer")
    window.search.popup.hide()


def test_a_field_edited_in_place_is_saved_with_ctrl_s(qtbot, window, desk):
    org = record_id(desk, Organization, name="Boston CRO")
    page = loaded(qtbot, window.open_record("organization", org))
    page.form.widgets["city"].setFocus()
    page.form.widgets["city"].setText("Cambridge")
    assert page.is_dirty()
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.form)
    qtbot.waitUntil(lambda: not page.is_dirty() and page.is_loaded())
    with desk.db.read() as s:
        stored = s.get(Organization, org)
        assert (stored.city, stored.version) == ("Cambridge", 2)
    assert page.form.version == 2 and window.record_page() is page  # still on the page


def test_a_stale_save_is_refused_then_reloaded(qtbot, window, desk, answers):
    org = record_id(desk, Organization, name="Boston CRO")
    page = loaded(qtbot, window.open_record("organization", org))
    with desk.db.write() as s:  # someone else saves first (no announcement reaches this window)
        from crm.services import organizations

        organizations.service.update(s, desk.user_id, org, {"city": "Worcester"})
    page.form.widgets["phone"].setText("617 555 0100")
    answers.choose = [-1]  # the conflict's question, cancelled: nothing is overwritten
    assert page.save()
    settle(qtbot, page.form)
    assert answers.asked[-1][1] == "Changed by someone else"
    with desk.db.read() as s:
        stored = s.get(Organization, org)
        assert (stored.city, stored.phone) == ("Worcester", "")
    assert page.form.widgets["phone"].text() == "617 555 0100"  # what the user typed stays
    answers.choose = [0]  # Reload
    assert page.save()
    settle(qtbot, page.form)
    assert page.form.widgets["city"].text() == "Worcester"
    assert page.form.widgets["phone"].text() == ""


def test_a_link_opens_the_other_page_and_back_returns(qtbot, window, desk):
    eric = record_id(desk, Contact, last_name="Côté")
    org = record_id(desk, Organization, name="Biotech de Montréal")
    contact_page = loaded(qtbot, window.open_record("contact", eric))
    contact_page.points_at.linkActivated.emit(f"organization:{org}")
    org_page = loaded(qtbot, window.record_page())
    assert (org_page.kind, org_page.record_id) == ("organization", org)
    assert org_page.links.links("contact") == [("contact", eric, "Éric Côté")]
    assert [t for _k, _i, t in org_page.links.links("introduction")] == [
        "Biotech de Montréal ↔ Boston CRO"
    ]
    org_page.links.bodies["contact"].linkActivated.emit(f"contact:{eric}")
    assert window.record_page() is contact_page  # once per record: the same page again
    assert window.go_back() and window.record_page() is org_page
    # the introduction's page links its parties back
    intro = org_page.links.links("introduction")[0][1]
    org_page.links.bodies["introduction"].linkActivated.emit(f"introduction:{intro}")
    intro_page = loaded(qtbot, window.record_page())
    assert f"organization:{org}" in intro_page.points_at.text()


def test_esc_reverts_the_fields_then_goes_back(qtbot, window, desk):
    window.show_page("contacts")
    eric = record_id(desk, Contact, last_name="Côté")
    page = loaded(qtbot, window.open_record("contact", eric))
    city = page.form.widgets["city"]
    city.setFocus()
    city.setText("Laval")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert city.text() == "" and not page.is_dirty() and window.record_page() is page
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.record_page() is None and window.current_page() is window.pages["contacts"]


def test_leaving_a_page_with_unsaved_changes_asks(qtbot, window, desk, answers):
    eric = record_id(desk, Contact, last_name="Côté")
    page = loaded(qtbot, window.open_record("contact", eric))
    page.form.widgets["city"].setText("Laval")
    answers.choose = [-1]  # cancel: stay, the change kept
    window.show_page("organizations")
    assert window.record_page() is page and page.form.widgets["city"].text() == "Laval"
    answers.choose = [0]  # save, then go
    window.show_page("organizations")
    assert window.record_page() is None
    settle(qtbot, page.form)
    with desk.db.read() as s:
        assert s.get(Contact, eric).city == "Laval"


def test_a_new_follow_up_from_a_page_is_linked_to_its_record(qtbot, window, desk):
    eric = record_id(desk, Contact, last_name="Côté")
    loaded(qtbot, window.open_record("contact", eric))
    press(
        qtbot,
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = window.findChildren(FollowUpEditor)[-1]
    assert editor.widget_value("contact_id") == eric and editor.record_id is None
    editor.widgets["title"].setText("Send Éric the deck")
    assert editor.save()
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    settle(qtbot, editor)
    page = window.record_page()
    qtbot.waitUntil(
        lambda: "Send Éric the deck" in [t for _k, _i, t in page.links.links("followup")]
    )


def test_an_introduction_page_moves_the_stage_and_drafts_the_email(
    qtbot, window, desk, accept_moves
):
    intro = record_id(desk, Introduction, title="Montréal meets Boston")
    page = loaded(qtbot, window.open_record("introduction", intro))
    assert window.actions_["move_stage"].isEnabled()
    menu = window.move_stage()
    assert (
        menu is page.stage_menu
        and not menu.findChild(type(menu.actions()[0]), "stage_proposed").isEnabled()
    )
    menu.hide()
    assert page.move_to("asked")
    settle(qtbot, page.form)
    with desk.db.read() as s:
        assert s.get(Introduction, intro).stage.value == "asked"
        assert s.scalar(sa.select(sa.func.count()).select_from(FollowUp).where(
            FollowUp.introduction_id == intro)) >= 2  # the suggested follow-up kept  # fmt: skip
    qtbot.waitUntil(lambda: page.facts["stage"].text() == "Stage: Asked")

    # The timeline reads the move again (newest first); what it says is the stage's.
    def moves() -> list[str]:
        return [e.action for e in page.timeline.entries() if e.kind == "stage"]

    qtbot.waitUntil(lambda: moves()[:1] == ["asked"])
    assert window.undo_bar.message() == "Moved “Montréal meets Boston” to Asked"
    dialog = window.draft_email()
    assert dialog.objectName() == "emailDialog" and dialog.isVisible()
    dialog.close()


def test_an_event_page_shows_its_participants(qtbot, window, desk):
    event = record_id(desk, Event, name="BIO 2025 Boston")
    page = loaded(qtbot, window.open_record("event", event))
    assert page.participants is not None and page.participants.isVisibleTo(page)
    assert page.territory.text() == "MA · Massachusetts"


def test_moving_the_record_to_the_trash_closes_its_page(qtbot, window, desk):
    window.show_page("contacts")
    zoe = record_id(desk, Contact, last_name="Abbott")
    page = loaded(qtbot, window.open_record("contact", zoe))
    page.trash_action.trigger()
    settle(qtbot, page.form)
    qtbot.waitUntil(lambda: window.record_page() is None)
    assert window.records.find("contact", zoe) is None
    with desk.db.read() as s:
        assert s.get(Contact, zoe).deleted_at is not None
    assert window.undo_bar.can_undo()


def test_help_lists_the_record_page_keys(qtbot, window):
    from crm.ui.dialogs.misc import shortcut_rows

    rows = dict(shortcut_rows(window))
    assert rows["Ctrl+S"] == "Save the record"
    assert rows["Alt+Left"] == "Back"
    assert rows["Ctrl+M"] == "Move the introduction to a stage"
    assert rows["Ctrl+Shift+W"] == "Draft the introduction email"
    assert rows["Ctrl+Shift+F"] == "New follow-up"
    assert rows["Esc"].startswith("Undo the changes")


def test_the_timeline_has_its_place_on_every_page(qtbot, window, desk):
    from PySide6.QtWidgets import QLabel

    from crm.ui.widgets.timeline import TimelineView

    org = record_id(desk, Organization, name="Boston CRO")
    page = loaded(qtbot, window.open_record("organization", org))
    assert isinstance(page.timeline, TimelineView) and page.timeline_box.isVisibleTo(page)
    assert (page.timeline.kind, page.timeline.record_id) == ("organization", org)
    timeline = QLabel("calls, moves, follow-ups…")
    page.set_timeline(timeline)
    assert page.timeline is timeline and timeline.isVisibleTo(page)
    assert timeline.parent() is page.timeline_box
    page.set_timeline(None)
    assert not page.timeline_box.isVisibleTo(page)


def test_a_new_contact_opens_its_page_once_saved(qtbot, window, desk):
    window.show_page("contacts")
    editor = window.new_record("contact")
    assert window.record_page() is None  # a new record starts in its editor
    editor.widgets["first_name"].setText("Léa")
    editor.widgets["last_name"].setText("Roy")
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    assert editor.save()
    settle(qtbot, editor)
    page = loaded(qtbot, window.record_page())
    assert (page.kind, page.record_id, page.title.text()) == (
        "contact",
        editor.record_id,
        "Léa Roy",
    )
    assert window.go_back() and window.current_page() is window.pages["contacts"]
