"""Contacts: normalization, references, duplicate warnings, tags, search, on both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest

from crm.db import search
from crm.domain.enums import Consent, Language, Territory
from crm.domain.errors import DuplicateWarning, ValidationFailed
from crm.services import audit, contacts, organizations, tags


@pytest.fixture
def org_id(db, actor):
    with db.write() as session:
        return organizations.service.create(
            session, actor, {"name": "NeuroQuébec", "region": "QC", "country": "Canada"}
        ).id


def _create(db, actor, values, **kwargs):
    with db.write() as session:
        return contacts.service.create(session, actor, values, **kwargs).id


def test_create_normalizes_values(db, actor, org_id):
    contact_id = _create(
        db,
        actor,
        {
            "first_name": " Éloïse ",
            "last_name": "Côté-Bélanger",
            "email": " Eloise.Cote@NeuroQuebec.CA ",
            "phone": "+1 514-555-0123",
            "mobile": "514.555.0199 ext 12",
            "language": "FR",
            "share_with_partners": "yes",
            "consent_date": "2024-11-05",
            "do_not_contact": "oui",
            "organization_id": str(org_id),
        },
    )
    with db.read() as session:
        c = contacts.service.get(session, contact_id)
        assert (c.first_name, c.last_name, c.full_name) == (
            "Éloïse",
            "Côté-Bélanger",
            "Éloïse Côté-Bélanger",
        )
        assert c.name_folded == "eloise cote belanger"
        assert (
            c.email == "Eloise.Cote@neuroquebec.ca"
            and c.email_lower == "eloise.cote@neuroquebec.ca"
        )
        assert c.phone == "+1 514-555-0123"
        assert c.mobile == "+1 514-555-0199 ext. 12"
        assert c.language is Language.FR
        assert c.share_with_partners is Consent.YES and c.consent_date == date(2024, 11, 5)
        assert c.do_not_contact is True
        assert c.organization_id == org_id
        assert c.territory is Territory.QC  # inherited from the organization


def test_validation_issues_and_record_name(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        contacts.service.create(
            session,
            actor,
            {
                "email": "nobody@",
                "phone": "555",
                "consent_date": "05/11/2024",
                "do_not_contact": "peut-être",
            },
        )
    err = info.value
    assert err.record == "new contact"
    assert set(err.codes) == {
        "required",
        "email.invalid",
        "phone.invalid",
        "date.invalid",
        "boolean.invalid",
    }
    assert "last_name" in {i.field for i in err.issues}


def test_missing_or_trashed_organization_is_refused(db, actor, org_id):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        contacts.service.create(session, actor, {"last_name": "Roy", "organization_id": 999})
    assert info.value.codes == ["reference.missing"]
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    with pytest.raises(ValidationFailed, match="organization_id"), db.write() as session:
        contacts.service.create(session, actor, {"last_name": "Roy", "organization_id": org_id})


def test_duplicate_by_email_anywhere(db, actor, org_id):
    first = _create(db, actor, {"first_name": "Ann", "last_name": "Lee", "email": "ann@lee.com"})
    with pytest.raises(DuplicateWarning) as info, db.write() as session:
        contacts.service.create(
            session,
            actor,
            {
                "first_name": "Annie",
                "last_name": "Leblanc",
                "email": "ANN@Lee.com",
                "organization_id": org_id,
            },
        )
    assert info.value.duplicates == [("contact", first, "Ann Lee")]
    second = _create(
        db, actor, {"last_name": "Leblanc", "email": "ann@lee.com"}, allow_duplicate=True
    )
    assert second != first


def test_duplicate_by_folded_name_within_an_organization(db, actor, org_id):
    first = _create(
        db, actor, {"first_name": "Hélène", "last_name": "Côté", "organization_id": org_id}
    )
    with pytest.raises(DuplicateWarning) as info, db.write() as session:
        contacts.service.create(
            session, actor, {"first_name": "HELENE", "last_name": "cote", "organization_id": org_id}
        )
    assert [d[1] for d in info.value.duplicates] == [first]
    # The same name elsewhere (no organization, or another one) is another person.
    _create(db, actor, {"first_name": "Hélène", "last_name": "Côté"})
    with db.write() as session:
        other = organizations.service.create(session, actor, {"name": "Other Org"}).id
    _create(db, actor, {"first_name": "Hélène", "last_name": "Côté", "organization_id": other})
    with pytest.raises(DuplicateWarning), db.write() as session:  # now without organization twice
        contacts.service.create(session, actor, {"first_name": "Helene", "last_name": "Cote"})


def test_update_diff_audit_and_search(db, actor, org_id):
    contact_id = _create(db, actor, {"first_name": "Sean", "last_name": "O'Brien", "title": "CEO"})
    with db.write() as session:
        contacts.service.update(
            session, actor, contact_id, {"title": "CSO", "organization_id": org_id}
        )
    with db.read() as session:
        entry = audit.history(session, "contact", contact_id)[-1]
        assert json.loads(entry.changes) == {
            "title": ["CEO", "CSO"],
            "organization_id": [None, org_id],
        }
        hits = search.search(session, "obrien neuroquebec")
        assert [(h.kind, h.record_id) for h in hits] == [("contact", contact_id)]
        assert "NeuroQuébec" in hits[0].subtitle


def test_tags_on_contacts(db, actor):
    contact_id = _create(
        db, actor, {"last_name": "Tagged", "tags": ["Investisseur", "investisseur", "BD"]}
    )
    with db.read() as session:
        assert tags.tags_of(session, "contact", contact_id) == ["BD", "Investisseur"]
        assert [h.record_id for h in search.search(session, "investis", kinds=["contact"])] == [
            contact_id
        ]


def test_stale_contact_edit(db, actor):
    from crm.domain.errors import StaleRecord

    contact_id = _create(db, actor, {"last_name": "Gagnon"})
    with db.write() as session:
        contacts.service.update(
            session, actor, contact_id, {"first_name": "Luc"}, expected_version=1
        )
    with pytest.raises(StaleRecord), db.write() as session:
        contacts.service.update(
            session, actor, contact_id, {"first_name": "Marc"}, expected_version=1
        )
    with db.read() as session:
        kept = contacts.service.get(session, contact_id)
        assert (kept.first_name, kept.version) == ("Luc", 2)  # the later edit is kept


def test_delete_restore_contact_and_search(db, actor):
    contact_id = _create(db, actor, {"first_name": "Zoé", "last_name": "Lavoie"})
    with db.write() as session:
        contacts.service.delete(session, actor, contact_id)
    with db.read() as session:
        assert contacts.service.find(session) == []
        assert search.search(session, "zoe") == []
    with db.write() as session:
        contacts.service.restore(session, actor, contact_id)
    with db.read() as session:
        assert [h.record_id for h in search.search(session, "zoe lavoie")] == [contact_id]
