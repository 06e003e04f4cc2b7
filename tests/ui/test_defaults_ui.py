"""What the real editors start from: no consent starts at yes, the acting user owns and is
assigned, priority normal, a follow-up made from a record is linked to it and due in three
working days, and territory and language are inferred from what is typed, shown as inferred
and left to the user to override."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QComboBox

from crm.db.models import Contact, FollowUp, Introduction, Organization
from crm.domain.dates import follow_up_due
from crm.domain.enums import Consent, Language, Membership, Priority, Territory
from crm.ui.dialogs.records import (
    EDITORS,
    ContactEditor,
    FollowUpEditor,
    IntroductionEditor,
    OrganizationEditor,
)
from crm.ui.pages.my_followups import MyFollowUpsPage
from crm.ui.tasks import TaskRunner
from tests.ui.writes import settle_editor

pytestmark = pytest.mark.usefixtures("english")


def org_id(desk, name):
    with desk.db.read() as s:
        return s.scalar(sa.select(Organization.id).where(Organization.name == name))


def contact_id(desk, last_name):
    with desk.db.read() as s:
        return s.scalar(sa.select(Contact.id).where(Contact.last_name == last_name))


def choose(editor, name, value):
    """Pick `value` in a combo as a person does (`activated` is emitted by a user's pick)."""
    combo = editor.widgets[name]
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_no_consent_starts_at_yes_in_any_new_editor(qtbot, desk, kind):
    """Every editor of every record kind, new: each consent field starts unknown, each staff
    field starts as the acting user, each choice as the service starts it."""
    editor = EDITORS[kind](desk, None)
    qtbot.addWidget(editor)
    consent_fields = [f.name for f in editor.field_defs if f.kind == "enum:Consent"]
    for name in consent_fields:
        assert editor.widget_value(name) == Consent.UNKNOWN, (kind, name)
    for fdef in editor.field_defs:
        if fdef.kind == "staff":
            assert editor.widget_value(fdef.name) == desk.user_id, (kind, fdef.name)
    assert not editor.is_dirty()
    if kind in ("introduction", "contact"):
        assert consent_fields, kind


def test_a_new_untouched_introduction_saves_unknown_consents_and_its_owner(qtbot, desk, answers):
    editor = IntroductionEditor(desk, None)
    qtbot.addWidget(editor)
    editor.set_widget_value("qc_organization_id", org_id(desk, "Biotech de Montréal"))
    editor.set_widget_value("ma_organization_id", org_id(desk, "Boston CRO"))
    editor.widgets["title"].setText("Untouched consents")
    answers.confirm.append(True)  # the desk already holds this pair: save anyway
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        intro = s.scalars(
            sa.select(Introduction).where(Introduction.title == "Untouched consents")
        ).one()
        assert (intro.stage.value, intro.qc_consent, intro.ma_consent) == (
            "proposed", Consent.UNKNOWN, Consent.UNKNOWN)  # fmt: skip
        assert intro.owner_id == desk.user_id


def test_a_new_untouched_contact_shares_nothing(qtbot, desk):
    editor = ContactEditor(desk, None)
    qtbot.addWidget(editor)
    editor.widgets["last_name"].setText("Untouched")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.get(Contact, contact_id(desk, "Untouched"))
        assert saved.share_with_partners is Consent.UNKNOWN


def test_organization_region_ma_and_boston_is_massachusetts_shown_as_inferred(qtbot, desk):
    editor = OrganizationEditor(desk, None)
    qtbot.addWidget(editor)
    assert editor.widget_value("membership") == Membership.NONE
    assert not editor.is_inferred("territory") and editor.hints["territory"].isVisibleTo(editor)
    editor.widgets["name"].setText("Seaport Therapeutics")
    editor.widgets["region"].setText("MA")
    editor.widgets["city"].setText("Boston")
    assert editor.widget_value("territory") == Territory.MA
    assert editor.is_inferred("territory")
    assert editor.hints["territory"].text() == "(inferred)"
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.get(Organization, org_id(desk, "Seaport Therapeutics"))
        assert (saved.territory, saved.membership) == (Territory.MA, Membership.NONE)


def test_the_user_overrides_an_inferred_territory(qtbot, desk):
    editor = OrganizationEditor(desk, None)
    qtbot.addWidget(editor)
    editor.widgets["name"].setText("Odd Place")
    editor.widgets["city"].setText("Montréal")
    assert editor.widget_value("territory") == Territory.QC and editor.is_inferred("territory")
    choose(editor, "territory", "OTHER")
    assert not editor.is_inferred("territory") and not editor.hints["territory"].isVisibleTo(editor)
    editor.widgets["city"].setText("Boston")  # the user's choice stays
    assert editor.widget_value("territory") == Territory.OTHER
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        assert s.get(Organization, org_id(desk, "Odd Place")).territory is Territory.OTHER


def test_a_contact_in_montreal_is_inferred_quebec_and_french(qtbot, desk):
    editor = ContactEditor(desk, None)
    qtbot.addWidget(editor)
    editor.widgets["last_name"].setText("Gagnon")
    editor.widgets["city"].setText("Montréal")
    assert (editor.widget_value("territory"), editor.widget_value("language")) == ("QC", "fr")
    assert editor.is_inferred("territory") and editor.is_inferred("language")
    # Choosing Massachusetts: the language follows the chosen territory.
    choose(editor, "territory", "MA")
    assert editor.widget_value("language") == Language.EN and editor.is_inferred("language")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.get(Contact, contact_id(desk, "Gagnon"))
        assert (saved.territory, saved.language) == (Territory.MA, Language.EN)


def test_a_contact_takes_its_organizations_territory(qtbot, desk):
    editor = ContactEditor(desk, None)
    qtbot.addWidget(editor)
    editor.set_widget_value("organization_id", org_id(desk, "Boston CRO"))
    editor.widgets["organization_id"].changed.emit()
    assert editor.widget_value("territory") == Territory.MA and editor.is_inferred("territory")


def test_an_existing_contact_follows_its_city_when_its_territory_was_inferred(qtbot, desk):
    editor = ContactEditor(desk, contact_id(desk, "Abbott"))  # region MA: Massachusetts
    qtbot.addWidget(editor)
    assert editor.is_inferred("territory") and not editor.is_dirty()
    editor.widgets["region"].setText("QC")  # with country USA: a contradiction, not Québec
    assert editor.widget_value("territory") == Territory.OTHER
    editor.widgets["country"].setText("Canada")
    assert editor.widget_value("territory") == Territory.QC
    assert editor.changes()["territory"] == Territory.QC


def test_a_new_follow_up_is_mine_normal_and_due_in_three_working_days(qtbot, desk):
    editor = FollowUpEditor(desk, None)
    qtbot.addWidget(editor)
    assert editor.widget_value("assignee_id") == desk.user_id
    assert editor.widget_value("priority") == Priority.NORMAL
    assert editor.widget_value("due_date") == follow_up_due(date.today())


def test_a_follow_up_from_a_contact_editor_is_linked_due_and_in_my_followups(qtbot, desk):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, Languages(), remember_geometry=False)
    qtbot.addWidget(window)
    eric = contact_id(desk, "Côté")
    contact = window.open_record("contact", eric)  # its record page
    contact.followup_action.trigger()
    editor = window.findChildren(FollowUpEditor)[-1]
    assert editor.widget_value("contact_id") == eric
    assert editor.widget_value("due_date") == follow_up_due(date.today())
    editor.widgets["title"].setText("Send Éric the deck")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        saved = s.scalars(sa.select(FollowUp).where(FollowUp.title == "Send Éric the deck")).one()
        assert (saved.contact_id, saved.assignee_id, saved.priority) == (
            eric, desk.user_id, Priority.NORMAL)  # fmt: skip
        assert saved.due_date == follow_up_due(date.today())
    mine = MyFollowUpsPage(desk, TaskRunner())
    qtbot.addWidget(mine)
    mine.reload_now()
    titles = [
        t for group in ("overdue", "today", "week", "later") for t in mine.group_titles(group)
    ]
    assert "Send Éric the deck" in titles
    window.close()


def test_a_new_record_offers_no_follow_up_until_saved(qtbot, desk):
    editor = ContactEditor(desk, None)
    qtbot.addWidget(editor)
    assert not editor.followup_button.isVisibleTo(editor)


def test_recording_an_answer_dates_it_today(qtbot, desk):
    editor = IntroductionEditor(desk, None)
    qtbot.addWidget(editor)
    assert editor.widget_value("qc_consent_at") is None
    choose(editor, "qc_consent", "yes")
    assert editor.widget_value("qc_consent_at") == date.today()
    assert editor.widget_value("ma_consent_at") is None
    editor.set_widget_value("ma_consent_at", date(2026, 1, 5))
    choose(editor, "ma_consent", "no")
    assert editor.widget_value("ma_consent_at") == date(2026, 1, 5)  # the date typed stays
    contact = ContactEditor(desk, None)
    qtbot.addWidget(contact)
    choose(contact, "share_with_partners", "unknown")
    assert contact.widget_value("consent_date") is None
    choose(contact, "share_with_partners", "yes")
    assert contact.widget_value("consent_date") == date.today()
