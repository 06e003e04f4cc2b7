"""Organizations: normalization, validation, duplicate warnings, tags, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from crm.db import search
from crm.domain.enums import Membership, OrganizationKind, Territory
from crm.domain.errors import DuplicateWarning, ValidationFailed
from crm.services import audit, organizations, tags


def _create(db, actor, values, **kwargs):
    with db.write() as session:
        return organizations.service.create(session, actor, values, **kwargs).id


def test_create_normalizes_values(db, actor):
    org_id = _create(
        db,
        actor,
        {
            "name": "  Thérapeutique Nord  ",
            "kind": "CRO",
            "membership": "Both",
            "website": "WWW.TheraNord.CA/",
            "phone": "(514) 555 0123",
            "region": "Québec",
            "country": "Canada",
            "postal_code": "h2x1y4",
            "employees": "1 250",
        },
    )
    with db.read() as session:
        org = organizations.service.get(session, org_id)
        assert org.name == "Thérapeutique Nord"
        assert org.name_folded == "therapeutique nord"
        assert org.kind is OrganizationKind.CRO and org.membership is Membership.BOTH
        assert org.website == "https://www.theranord.ca"
        assert org.website_domain == "theranord.ca"
        assert org.phone == "+1 514-555-0123"
        assert org.postal_code == "H2X 1Y4"
        assert org.territory is Territory.QC  # told from the region
        assert org.employees == 1250


def test_us_zip_and_massachusetts_territory(db, actor):
    org_id = _create(
        db,
        actor,
        {"name": "Cambridge Bio", "region": "MA", "country": "USA", "postal_code": "02139"},
    )
    with db.read() as session:
        org = organizations.service.get(session, org_id)
        assert org.postal_code == "02139" and org.territory is Territory.MA


def test_validation_collects_every_issue_and_names_the_record(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        organizations.service.create(
            session,
            actor,
            {
                "name": " ",
                "website": "not a site",
                "phone": "123",
                "kind": "bakery",
                "employees": "many",
            },
        )
    err = info.value
    assert set(err.codes) == {
        "required",
        "website.invalid",
        "phone.invalid",
        "choice.invalid",
        "integer.invalid",
    }
    assert err.record == "new organization"
    assert str(err).startswith("new organization: ")
    assert {i.field for i in err.issues} == {"name", "website", "phone", "kind", "employees"}


def test_zip_that_lost_its_leading_zero(db, actor):
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        organizations.service.create(
            session, actor, {"name": "Boston Bio", "country": "US", "postal_code": "2139"}
        )
    assert info.value.codes == ["zip.leading_zero_lost"]
    assert info.value.issues[0].params["suggestion"] == "02139"


def test_update_validation_names_the_record(db, actor):
    org_id = _create(db, actor, {"name": "Néomed"})
    with pytest.raises(ValidationFailed) as info, db.write() as session:
        organizations.service.update(
            session, actor, org_id, {"postal_code": "ZZZ", "country": "Canada"}
        )
    assert info.value.record == "organization 'Néomed'"
    assert info.value.codes == ["postal_code.invalid"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"name": "Biotech Montréal"}, {"name": "BIOTECH  montreal"}),
        (
            {"name": "Alpha", "website": "https://www.alpha.com"},
            {"name": "Alpha Inc.", "website": "alpha.com/en"},
        ),
    ],
    ids=["folded-name", "website-domain"],
)
def test_duplicate_warning_and_allow_duplicate(db, actor, first, second):
    existing = _create(db, actor, first)
    with pytest.raises(DuplicateWarning) as info, db.write() as session:
        organizations.service.create(session, actor, second)
    assert [(k, i) for k, i, _ in info.value.duplicates] == [("organization", existing)]
    assert first["name"] in str(info.value)
    new_id = _create(db, actor, second, allow_duplicate=True)
    assert new_id != existing
    with db.read() as session:
        assert organizations.service.count(session) == 2


def test_no_duplicate_warning_against_trash_or_itself(db, actor):
    gone = _create(db, actor, {"name": "Gamma", "website": "gamma.io"})
    with db.write() as session:
        organizations.service.delete(session, actor, gone)
    # The same name and website as the trashed one: saved without a warning (none raised).
    live = _create(db, actor, {"name": "Gamma", "website": "https://gamma.io"})
    with db.write() as session:  # saving a record over itself is not a duplicate
        saved = organizations.service.update(
            session, actor, live, {"name": "GAMMA", "city": "Laval"}
        )
        assert (saved.name, saved.city, saved.version) == ("GAMMA", "Laval", 2)
    with db.read() as session:
        attrs = organizations.clean(session, {"name": "gamma", "website": "gamma.io"})
        assert organizations.duplicates(session, attrs, live) == []
        # A third Gamma would be warned about the live one only, never the trashed one.
        assert organizations.duplicates(session, attrs, None) == [("organization", live, "GAMMA")]
        assert organizations.service.count(session) == 1


def test_update_into_a_duplicate_warns(db, actor):
    _create(db, actor, {"name": "Alpha"})
    beta = _create(db, actor, {"name": "Beta"})
    with (
        pytest.raises(DuplicateWarning, match="organization 'Beta' would look like another"),
        db.write() as session,
    ):
        organizations.service.update(session, actor, beta, {"name": "ALPHA"})
    with db.read() as session:
        assert organizations.service.get(session, beta).name == "Beta"  # refused: unchanged
    with db.write() as session:
        organizations.service.update(session, actor, beta, {"name": "ALPHA"}, allow_duplicate=True)
    with db.read() as session:
        assert organizations.service.get(session, beta).name == "ALPHA"


def test_update_writes_a_diff_and_reindexes(db, actor):
    org_id = _create(db, actor, {"name": "Old Name", "website": "old.com"})
    with db.write() as session:
        org = organizations.service.update(
            session, actor, org_id, {"name": "Nouveau Nom", "website": "new.org"}
        )
        assert org.website_domain == "new.org" and org.name_folded == "nouveau nom"
    with db.read() as session:
        entry = audit.history(session, "organization", org_id)[-1]
        assert entry.action == "update"
        assert json.loads(entry.changes) == {
            "name": ["Old Name", "Nouveau Nom"],
            "website": ["https://old.com", "https://new.org"],
        }
        assert search.search(session, "old name") == []
        assert [h.record_id for h in search.search(session, "nouveau")] == [org_id]


def test_tags_are_set_folded_and_listed(db, actor):
    org_id = _create(db, actor, {"name": "Tagged", "tags": "Oncologie; CRO, oncologie , Montréal"})
    _create(db, actor, {"name": "Other", "tags": ["ONCOLOGIE", "montreal"]})
    with db.read() as session:
        assert tags.tags_of(session, "organization", org_id) == ["CRO", "Montréal", "Oncologie"]
        assert tags.all_tags(session) == ["CRO", "Montréal", "Oncologie"]  # first spelling kept
        assert [h.record_id for h in search.search(session, "oncolog", kinds=["organization"])]
    with db.write() as session:
        organizations.service.update(session, actor, org_id, {"tags": "cro"})
    with db.read() as session:
        assert tags.tags_of(session, "organization", org_id) == ["CRO"]
        assert [h.title for h in search.search(session, "montreal")] == ["Other"]
        entry = audit.history(session, "organization", org_id)[-1]
        assert json.loads(entry.changes) == {"tags": [None, ["cro"]]}


def test_update_without_tags_keeps_them(db, actor):
    org_id = _create(db, actor, {"name": "Keep", "tags": "cdmo"})
    with db.write() as session:
        organizations.service.update(session, actor, org_id, {"city": "Laval"})
    with db.read() as session:
        assert tags.tags_of(session, "organization", org_id) == ["cdmo"]


def test_explicit_territory_wins_over_region(db, actor):
    org_id = _create(
        db, actor, {"name": "Remote", "region": "QC", "country": "Canada", "territory": "other"}
    )
    with db.read() as session:
        assert organizations.service.get(session, org_id).territory is Territory.OTHER


def test_renaming_an_organization_reindexes_its_contacts_and_introductions(db, actor):
    from crm.db import search
    from crm.services import contacts, introductions

    with db.write() as s:
        qc = organizations.service.create(
            s, actor, {"name": "Génomique Mont-Royal", "region": "QC"}
        )
        ma = organizations.service.create(s, actor, {"name": "Kendall Oncology", "region": "MA"})
        contacts.service.create(
            s, actor, {"first_name": "Élise", "last_name": "Gagnon", "organization_id": qc.id}
        )
        introductions.create(s, actor, {"qc_organization_id": qc.id, "ma_organization_id": ma.id})
        organizations.service.update(s, actor, qc.id, {"name": "Génomique Outremont"})
    with db.read() as s:
        hits = search.search(s, "outremont")
        stale = search.search(s, "mont royal")
    assert {h.kind for h in hits} == {"organization", "contact", "introduction"}
    assert stale == []
