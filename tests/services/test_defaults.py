"""What new records start from in the services (the window, the CLI and imports share them):
consent unknown, the acting user as owner and assignee, priority normal, a follow-up due in
three working days, and territory and language inferred from what was typed."""

from __future__ import annotations

from datetime import date

from crm.db.models import Contact, FollowUp, Introduction, Organization
from crm.domain.dates import follow_up_due
from crm.domain.enums import Consent, Language, Membership, Priority, Territory
from crm.services import contacts, events, followups, introductions, organizations


def _org(db, actor, **values) -> int:
    with db.write() as s:
        return organizations.service.create(s, actor, values).id


def test_a_new_introduction_is_unknown_on_both_sides_and_owned_by_its_maker(db, actor):
    qc, ma = (
        _org(db, actor, name="Thérapies Laval", region="QC"),
        _org(db, actor, name="Cambridge Bio", region="MA"),
    )
    with db.write() as s:
        intro_id = introductions.create(
            s, actor, {"qc_organization_id": qc, "ma_organization_id": ma}
        ).id
    with db.read() as s:
        intro = s.get(Introduction, intro_id)
        assert (intro.qc_consent, intro.ma_consent) == (Consent.UNKNOWN, Consent.UNKNOWN)
        assert intro.owner_id == actor


def test_an_explicit_blank_owner_is_kept(db, actor):
    qc, ma = _org(db, actor, name="Q", region="QC"), _org(db, actor, name="M", region="MA")
    with db.write() as s:
        intro_id = introductions.create(
            s, actor, {"qc_organization_id": qc, "ma_organization_id": ma, "owner_id": None}
        ).id
    with db.read() as s:
        assert s.get(Introduction, intro_id).owner_id is None


def test_a_new_follow_up_is_the_actors_normal_and_due_in_three_working_days(db, actor):
    org = _org(db, actor, name="Laval Bio")
    with db.write() as s:
        f_id = followups.service.create(s, actor, {"title": "Relancer", "organization_id": org}).id
    with db.read() as s:
        f = s.get(FollowUp, f_id)
        assert f.assignee_id == actor and f.priority is Priority.NORMAL
        assert f.due_date == follow_up_due(date.today())
        assert [o.id for o in followups.open_for(s, actor)] == [f_id]


def test_start_values_are_what_a_new_editor_shows(actor):
    intro = introductions.service.start_values(actor)
    assert intro["qc_consent"] == intro["ma_consent"] == Consent.UNKNOWN
    assert intro["owner_id"] == actor
    contact = contacts.service.start_values(actor)
    assert contact["share_with_partners"] == Consent.UNKNOWN
    fu = followups.service.start_values(actor)
    assert fu["assignee_id"] == actor and fu["priority"] == Priority.NORMAL
    assert fu["due_date"] == follow_up_due(date.today())
    assert organizations.service.start_values(actor)["membership"] == Membership.NONE


def test_a_new_contact_shares_nothing_until_asked(db, actor):
    with db.write() as s:
        c_id = contacts.service.create(s, actor, {"first_name": "Anne", "last_name": "Roy"}).id
    with db.read() as s:
        assert s.get(Contact, c_id).share_with_partners is Consent.UNKNOWN


def test_region_ma_and_boston_is_massachusetts_and_no_membership(db, actor):
    """The issue's organization: region MA, city Boston was saved as Québec / BIOQuébec."""
    org = _org(db, actor, name="Boston CRO", region="MA", city="Boston")
    by_city = _org(db, actor, name="Seaport Bio", city="Boston")
    by_name = _org(db, actor, name="Mtl Bio", region="Québec")
    with db.read() as s:
        saved = s.get(Organization, org)
        assert (saved.territory, saved.membership) == (Territory.MA, Membership.NONE)
        assert s.get(Organization, by_city).territory is Territory.MA
        assert s.get(Organization, by_name).territory is Territory.QC


def test_what_was_typed_wins_over_the_inference(db, actor):
    org = _org(db, actor, name="Odd", region="MA", city="Montréal", territory="QC")
    with db.read() as s:
        assert s.get(Organization, org).territory is Territory.QC
    with db.write() as s:
        c_id = contacts.service.create(
            s, actor, {"last_name": "Roy", "city": "Montréal", "language": "en"}
        ).id
    with db.read() as s:
        c = s.get(Contact, c_id)
        assert (c.territory, c.language) == (Territory.QC, Language.EN)


def test_a_contact_in_montreal_is_quebec_and_french(db, actor):
    with db.write() as s:
        mtl = contacts.service.create(s, actor, {"last_name": "Roy", "city": "Montréal"}).id
        bos = contacts.service.create(s, actor, {"last_name": "Smith", "city": "Boston"}).id
        nowhere = contacts.service.create(s, actor, {"last_name": "Doe"}).id
    with db.read() as s:
        assert (s.get(Contact, mtl).territory, s.get(Contact, mtl).language) == (
            Territory.QC,
            Language.FR,
        )
        assert (s.get(Contact, bos).territory, s.get(Contact, bos).language) == (
            Territory.MA,
            Language.EN,
        )
        assert (s.get(Contact, nowhere).territory, s.get(Contact, nowhere).language) == (
            Territory.OTHER, Language.EN)  # fmt: skip


def test_a_contact_takes_its_organizations_territory_when_nothing_else_tells(db, actor):
    org = _org(db, actor, name="Laval Bio", region="QC")
    with db.write() as s:
        c_id = contacts.service.create(s, actor, {"last_name": "Roy", "organization_id": org}).id
    with db.read() as s:
        c = s.get(Contact, c_id)
        assert (c.territory, c.language) == (Territory.QC, Language.FR)


def test_membership_answers_in_peoples_words(db, actor):
    qc = _org(db, actor, name="Q", region="QC", membership="oui")
    ma = _org(db, actor, name="M", region="MA", membership="Member")
    both = _org(db, actor, name="B", region="QC", membership="les deux")
    with db.read() as s:
        assert s.get(Organization, qc).membership is Membership.BIOQUEBEC
        assert s.get(Organization, ma).membership is Membership.MASSBIO
        assert s.get(Organization, both).membership is Membership.BOTH


def test_an_event_in_boston_is_in_massachusetts(db, actor):
    with db.write() as s:
        e = events.service.create(s, actor, {"name": "Mission Boston", "city": "Boston"})
        assert e.territory is Territory.MA
