"""A cross-border introduction: each party on its own side, an introducer who is not a party
(issue 9). Refusals name the party, on both databases."""

from __future__ import annotations

import pytest

from crm.domain.errors import ValidationFailed
from crm.services import contacts, introductions, organizations


@pytest.fixture
def parties(db, actor):
    with db.write() as s:

        def org(name, region):
            return organizations.service.create(s, actor, {"name": name, "region": region}).id

        def person(first, last, org_id):
            values = {"first_name": first, "last_name": last, "organization_id": org_id}
            return contacts.service.create(s, actor, values).id

        ids = {"laval": org("Thérapies Laval", "QC"), "boston": org("Boston Cell", "MA"),
               "toronto": org("Toronto Genomics", "ON")}  # fmt: skip
        ids |= {"eric": person("Éric", "Côté", ids["laval"]), "ava": person("Ava", "Smith", ids["boston"]),
                "dan": person("Dan", "Lee", ids["boston"]), "liam": person("Liam", "Ng", ids["toronto"])}  # fmt: skip
    return ids


def create(db, actor, **values):
    with db.write() as s:
        return introductions.create(s, actor, values).id


def refusal(db, actor, **values) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as caught:
        create(db, actor, **values)
    return caught.value


def test_each_party_on_its_own_side_passes(db, actor, parties):
    assert create(db, actor, qc_contact_id=parties["eric"], ma_organization_id=parties["boston"])


def test_swapped_sides_are_refused_naming_each_party(db, actor, parties):
    exc = refusal(
        db, actor, qc_organization_id=parties["boston"], ma_organization_id=parties["laval"]
    )
    assert exc.codes == ["party.wrong_side", "party.wrong_side"]
    assert [i.params["party"] for i in exc.issues] == ["Boston Cell", "Thérapies Laval"]
    assert "Boston Cell is not in Québec" in str(exc)


def test_a_party_from_ontario_is_refused(db, actor, parties):
    exc = refusal(db, actor, qc_contact_id=parties["liam"], ma_contact_id=parties["ava"])
    assert exc.codes == ["party.wrong_side"]
    assert exc.issues[0].field == "qc_contact_id"
    assert exc.issues[0].params == {"party": "Liam Ng", "side": "QC", "territory": "OTHER"}


def test_an_update_cannot_swap_the_sides_either(db, actor, parties):
    intro = create(
        db, actor, qc_organization_id=parties["laval"], ma_organization_id=parties["boston"]
    )
    with pytest.raises(ValidationFailed, match="Toronto Genomics"), db.write() as s:
        introductions.service.update(s, actor, intro, {"ma_organization_id": parties["toronto"]})
    with db.read() as s:
        assert introductions.service.get(s, intro).ma_organization_id == parties["boston"]


def test_the_introducer_is_neither_party(db, actor, parties):
    exc = refusal(db, actor, qc_contact_id=parties["eric"], ma_contact_id=parties["ava"],
                  introducer_contact_id=parties["ava"])  # fmt: skip
    assert exc.codes == ["introducer.is_party"]
    assert exc.issues[0].params == {"party": "Ava Smith"}
    # A colleague of a party may introduce it (the dashboard reads the direction from it).
    assert create(db, actor, qc_contact_id=parties["eric"], ma_contact_id=parties["ava"],
                  introducer_contact_id=parties["dan"])  # fmt: skip


# --- no email to a party who said no -----------------------------------------------------------


def test_no_email_is_drafted_to_a_party_who_said_no(db, actor, parties):
    from crm.domain.errors import DeskError
    from crm.services import emails

    intro = create(db, actor, qc_contact_id=parties["eric"], ma_contact_id=parties["ava"],
                   ma_consent="no", ma_consent_at="2026-11-30")  # fmt: skip
    with db.read() as s:
        with pytest.raises(DeskError, match="Ava Smith said no") as caught:
            emails.introduction_email(s, intro, "Marie")
        assert caught.value.code == "email.declined"
        assert caught.value.params == {"party": "Ava Smith"}
        with pytest.raises(DeskError, match="Ava Smith said no"):
            emails.consent_request(s, intro, "ma", "Marie")
        # The other party may still be written to (to tell them, for instance).
        assert "Ava" in emails.consent_request(s, intro, "qc", "Marie").body
