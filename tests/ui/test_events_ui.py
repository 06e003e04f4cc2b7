"""The event editor: participants edited in place, one-to-one meetings made introductions, the
delegation roster (grouped by side, copied, saved)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtGui import QGuiApplication

from crm.db.models import Contact, Event, EventParticipant, Introduction, Organization
from crm.domain.enums import Consent, IntroductionStage
from crm.services import events
from crm.ui.dialogs import roster
from crm.ui.dialogs.records import EventEditor
from crm.ui.widgets import participants as panel_module
from crm.ui.widgets.participants import ATTENDED, ROLE

pytestmark = pytest.mark.usefixtures("english")


def ids(desk):
    with desk.db.read() as s:
        people = {c.full_name: c.id for c in s.scalars(sa.select(Contact))}
        orgs = {o.name: o.id for o in s.scalars(sa.select(Organization))}
        event = s.scalar(sa.select(Event.id))
    return people, orgs, event


def live_participants(desk, event_id):
    with desk.db.read() as s:
        return list(
            s.execute(
                sa.select(EventParticipant.contact_id, EventParticipant.organization_id,
                          EventParticipant.role, EventParticipant.attended)
                .where(EventParticipant.event_id == event_id, EventParticipant.deleted_at.is_(None))
                .order_by(EventParticipant.id)
            ).all()
        )  # fmt: skip


@pytest.fixture
def editor(qtbot, desk):
    _, _, event = ids(desk)
    dialog = EventEditor(desk, event)
    qtbot.addWidget(dialog)
    return dialog


def test_new_event_has_no_participants_panel_yet(qtbot, desk):
    dialog = EventEditor(desk)
    qtbot.addWidget(dialog)
    assert dialog.participants is None


def test_participants_are_added_edited_and_removed_in_place(qtbot, desk, editor, answers):
    people, orgs, event = ids(desk)
    panel = editor.participants
    assert panel is not None and panel.table.rowCount() == 0
    assert not panel.meeting_button.isEnabled() and not panel.roster_button.isEnabled()
    written = []
    editor.saved.connect(lambda kind, rid: written.append((kind, rid)))

    assert panel.add(contact_id=people["Éric Côté"], role="speaker") is not None
    # An organization through the picker and the role box.
    panel.add_kind.setCurrentIndex(panel.add_kind.findData("organization"))
    assert panel.picker.kind == "organization"
    panel.picker.set_value(orgs["Boston CRO"], "Boston CRO")
    panel.add_role.setText("exhibitor")
    panel.add_button.click()
    assert panel.picker.value() is None and panel.add_role.text() == ""
    assert live_participants(desk, event) == [
        (people["Éric Côté"], None, "speaker", None),
        (None, orgs["Boston CRO"], "exhibitor", None),
    ]
    assert panel.table.rowCount() == 2 and panel.meeting_button.isEnabled()
    assert [panel.table.item(n, 0).text() for n in range(2)] == ["Éric Côté", "Boston CRO"]
    assert panel.table.item(0, 1).text() == "Biotech de Montréal"
    assert [panel.table.item(n, 2).text() for n in range(2)] == ["Québec", "Massachusetts"]
    assert written == [("event", event), ("event", event)]

    # The same person twice: asked, refused, then accepted.
    answers.confirm = [False]
    assert panel.add(contact_id=people["Éric Côté"]) is None
    assert answers.asked[-1][0] == "confirm" and "already" in answers.asked[-1][2]
    assert len(live_participants(desk, event)) == 2
    answers.confirm = [True]
    assert panel.add(contact_id=people["Éric Côté"], role="second badge") is not None
    assert len(live_participants(desk, event)) == 3

    # Role: edited in its cell; attendance: chosen in its cell.
    panel.table.item(0, ROLE).setText("keynote speaker")
    qtbot.waitUntil(lambda: live_participants(desk, event)[0][2] == "keynote speaker")
    row = next(
        n for n, r in enumerate(panel.rows) if r.roster.organization_id == orgs["Boston CRO"]
    )
    panel.table.cellWidget(row, ATTENDED).setCurrentIndex(1)  # yes
    assert live_participants(desk, event)[1][3] is True
    row = next(
        n for n, r in enumerate(panel.rows) if r.roster.organization_id == orgs["Boston CRO"]
    )
    panel.table.cellWidget(row, ATTENDED).setCurrentIndex(2)  # no
    assert live_participants(desk, event)[1][3] is False
    assert panel.table.cellWidget(row, ATTENDED).currentText() == "No"

    # Remove the second badge: to the trash.
    row = next(n for n, r in enumerate(panel.rows) if r.roster.role == "second badge")
    panel.table.selectRow(row)
    panel.remove_button.click()
    assert len(live_participants(desk, event)) == 2
    with desk.db.read() as s:
        gone = s.scalars(
            sa.select(EventParticipant).where(EventParticipant.role == "second badge")
        ).one()
        assert gone.deleted_at is not None and gone.deleted_by_id == desk.user_id
    assert panel.table.rowCount() == 2


def test_a_stale_participant_is_reported_and_reread(qtbot, desk, editor, answers):
    people, _, _ = ids(desk)
    panel = editor.participants
    pid = panel.add(contact_id=people["Anne Zimmer"], role="buyer")
    with desk.db.write() as s:  # someone else edits it meanwhile
        events.participants.update(s, desk.user_id, pid, {"role": "investor"})
    assert panel.set_role(pid, "partner") is False
    assert answers.asked[-1][0] == "error"
    assert panel.rows[0].roster.role == "investor"


def test_meeting_becomes_an_introduction_with_both_parties(
    qtbot, desk, editor, answers, monkeypatch
):
    people, orgs, event = ids(desk)
    panel = editor.participants
    eric = panel.add(contact_id=people["Éric Côté"], role="speaker")
    anne = panel.add(contact_id=people["Anne Zimmer"], role="buyer")
    zoe = panel.add(contact_id=people["Zoé Abbott"])
    shown = []

    def ask(dialog):
        shown.append(dialog)
        qc = [dialog.qc_combo.itemText(i) for i in range(dialog.qc_combo.count())]
        ma = [dialog.ma_combo.itemText(i) for i in range(dialog.ma_combo.count())]
        assert qc == ["Éric Côté — Biotech de Montréal"]
        assert sorted(ma) == ["Anne Zimmer — Boston CRO", "Zoé Abbott"]
        dialog.choose(eric, anne, "Met at the booth")
        return True

    monkeypatch.setattr(roster, "ask", ask)
    opened = []
    editor.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    # The desk already holds an introduction between these two organizations: the warning
    # is asked, and refusing creates nothing.
    answers.confirm = [False]
    assert panel.meeting_to_introduction() is None
    assert "already in introduction" in answers.asked[-1][2]
    with desk.db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Introduction.id))) == 1
    answers.confirm = [True]
    intro_id = panel.meeting_to_introduction()
    assert intro_id is not None and opened == [("introduction", intro_id)]
    with desk.db.read() as s:
        intro = s.get(Introduction, intro_id)
        assert (intro.event_id, intro.stage) == (event, IntroductionStage.MEETING_HELD)
        assert (intro.qc_contact_id, intro.qc_organization_id) == (
            people["Éric Côté"],
            orgs["Biotech de Montréal"],
        )
        assert (intro.ma_contact_id, intro.ma_organization_id) == (
            people["Anne Zimmer"],
            orgs["Boston CRO"],
        )
        assert (intro.qc_consent, intro.ma_consent) == (Consent.YES, Consent.YES)
        assert intro.notes == "Met at the booth" and intro.owner_id == desk.user_id

    # A pair never introduced before: no question asked.
    asked = len(answers.asked)
    monkeypatch.setattr(roster, "ask", lambda d: (d.choose(eric, zoe), True)[1])
    second = panel.meeting_to_introduction()
    assert second is not None and len(answers.asked) == asked
    with desk.db.read() as s:
        assert s.get(Introduction, second).ma_contact_id == people["Zoé Abbott"]


def test_meeting_needs_both_sides(qtbot, desk, editor, answers, monkeypatch):
    people, _, _ = ids(desk)
    editor.participants.add(contact_id=people["Éric Côté"])
    monkeypatch.setattr(roster, "ask", lambda d: pytest.fail("no dialog without both sides"))
    assert roster.meeting_to_introduction(editor, editor.ctx, editor.record_id) is None
    assert answers.asked[-1][0] == "info"


def test_roster_groups_by_side_copies_and_saves(qtbot, desk, editor, monkeypatch, tmp_path):
    people, orgs, event = ids(desk)
    panel = editor.participants
    panel.add(contact_id=people["Éric Côté"], role="speaker", attended=True)
    panel.add(contact_id=people["Anne Zimmer"], role="buyer", attended=False)
    panel.add(organization_id=orgs["Boston CRO"], role="exhibitor")
    with desk.db.write() as s:
        elsewhere = events.service.get(s, event)  # noqa: F841 - the event exists
        from crm.services import contacts

        other = contacts.service.create(s, desk.user_id, {"first_name": "Kai", "last_name": "Müller",
                                                          "country": "Germany"}).id  # fmt: skip
    panel.add(contact_id=other, role="observer")

    dialog = roster.RosterDialog(desk, event, editor)
    qtbot.addWidget(dialog)
    assert dialog.groups() == {
        "QC": ["Éric Côté"],
        "MA": ["Anne Zimmer", "Boston CRO"],
        "OTHER": ["Kai Müller"],
    }
    top = dialog.tree.topLevelItem(1)
    assert top.text(0) == "Massachusetts (2)"
    assert [top.child(0).text(c) for c in range(4)] == ["Anne Zimmer", "Boston CRO", "buyer", "No"]

    dialog.copy()
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0] == "BIO 2025 Boston — 2025-06-16"
    assert "Québec (1)" in lines and "Massachusetts (2)" in lines and "Elsewhere (1)" in lines
    assert "  ✓ Éric Côté — Biotech de Montréal, speaker" in lines
    assert "  ✗ Anne Zimmer — Boston CRO, buyer" in lines
    assert lines[-1] == "✓ attended · ✗ did not attend"

    target = tmp_path / "roster.txt"
    monkeypatch.setattr(roster, "save_path", lambda *a: str(target))
    assert dialog.save_text() == str(target)
    assert target.read_text(encoding="utf-8") == text
    pdf = tmp_path / "roster.pdf"
    monkeypatch.setattr(roster, "save_path", lambda *a: str(pdf))
    assert dialog.save_pdf() == str(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(roster, "save_path", lambda *a: "")
    assert dialog.save_text() == ""


def test_roster_and_panel_speak_french(qtbot, desk, editor, english):
    people, _, event = ids(desk)
    editor.participants.add(contact_id=people["Éric Côté"], role="conférencier", attended=True)
    english.apply("fr")
    panel = editor.participants
    qtbot.waitUntil(lambda: panel.roster_button.text() == "Liste de la délégation…")
    assert panel.table.horizontalHeaderItem(4).text() == "Présence"
    assert panel.table.cellWidget(0, ATTENDED).currentText() == "Oui"
    dialog = roster.RosterDialog(desk, event, editor)
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "Copier"
    assert dialog.text().splitlines()[-1] == "✓ présent · ✗ absent"
    assert panel_module.attendance_text(None) == "Inconnu"
