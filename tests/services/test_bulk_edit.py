"""Editing many records at once (crm.services.bulk_edit) on SQLite and PostgreSQL: one
transaction, one audit entry per changed record, undone as one action unless a record
changed since."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from crm.db import search
from crm.db.models import AuditEntry, Contact, FollowUp, Introduction, Organization
from crm.domain.errors import DeskError, StaleRecord
from crm.services import bulk_edit, contacts, followups, indexing, organizations, tags, users
from crm.services.bulk_edit import Change


@pytest.fixture
def thousand(db, actor):
    """1,000 contacts in Québec, in French, consent unknown; the first tagged "Mission"."""
    # Written in bulk, as an import does: a thousand saves one by one would take seconds.
    with db.write() as s:
        s.execute(
            sa.insert(Contact),
            [{"first_name": "Person", "last_name": f"N{i:04}", "name_folded": f"person n{i:04}",
              "region": "QC", "territory": "QC", "language": "fr"} for i in range(1000)],
        )  # fmt: skip
        ids = list(s.scalars(sa.select(Contact.id).order_by(Contact.id)))
        tags.set_tags(s, "contact", ids[0], ["Mission"])
        indexing.index_rows(s, "contact", ids)
    return ids


def _audits(s, since):
    return s.scalars(sa.select(AuditEntry).where(AuditEntry.id > since)).all()


def _last_audit(s):
    return s.scalar(sa.select(sa.func.max(AuditEntry.id))) or 0


def test_a_thousand_contacts_get_a_consent_answer_and_one_undo_takes_it_back(db, actor, thousand):
    with db.read() as s:
        mark = _last_audit(s)
    change = Change("share_with_partners", "yes", day=date(2026, 3, 2), channel="email")
    with db.write() as s:
        edited = bulk_edit.apply(s, actor, "contact", thousand, change)
    assert edited.count == 1000
    with db.read() as s:
        rows = s.execute(
            sa.select(Contact.share_with_partners, Contact.consent_date, Contact.consent_source)
            .distinct()
        ).all()  # fmt: skip
        assert [tuple(r) for r in rows] == [("yes", date(2026, 3, 2), "email")]
        entries = _audits(s, mark)
        assert len(entries) == 1000 and {e.record_id for e in entries} == set(thousand)
        assert json.loads(entries[0].changes)["share_with_partners"] == ["unknown", "yes"]
        assert {c.version for c in s.scalars(sa.select(Contact))} == {2}
    with db.write() as s:
        bulk_edit.undo(s, actor, edited)
    with db.read() as s:
        rows = s.execute(
            sa.select(Contact.share_with_partners, Contact.consent_date, Contact.consent_source)
            .distinct()
        ).all()  # fmt: skip
        assert [tuple(r) for r in rows] == [("unknown", None, "")]
        assert len(_audits(s, mark)) == 2000


def test_adding_a_tag_skips_the_records_that_have_it_and_the_index_follows(db, actor, thousand):
    with db.write() as s:
        edited = bulk_edit.apply(s, actor, "contact", thousand, Change("tags", "mission"))
    assert edited.count == 999  # the first had it already
    with db.read() as s:
        assert tags.tags_of(s, "contact", thousand[500]) == ["Mission"]  # the first spelling
        assert len(search.search(s, "mission n050", kinds=["contact"])) == 10
    with db.write() as s:
        bulk_edit.undo(s, actor, edited)
    with db.read() as s:
        assert tags.tags_of(s, "contact", thousand[500]) == []
        assert tags.tags_of(s, "contact", thousand[0]) == ["Mission"]
        assert search.search(s, "mission n050", kinds=["contact"]) == []


def test_removing_a_tag_and_its_undo(db, actor, thousand):
    with db.write() as s:
        edited = bulk_edit.apply(
            s, actor, "contact", thousand[:3], Change("tags", "MISSION", remove=True)
        )
    assert edited.count == 1
    with db.read() as s:
        assert tags.tags_of(s, "contact", thousand[0]) == []
    with db.write() as s:
        bulk_edit.undo(s, actor, edited)
    with db.read() as s:
        assert tags.tags_of(s, "contact", thousand[0]) == ["Mission"]


def test_undo_is_refused_when_one_record_changed_since(db, actor, thousand):
    with db.write() as s:
        edited = bulk_edit.apply(s, actor, "contact", thousand, Change("language", "en"))
        contacts.service.update(s, actor, thousand[10], {"title": "CEO"})
    with pytest.raises(StaleRecord), db.write() as s:
        bulk_edit.undo(s, actor, edited)
    with db.read() as s:
        assert set(s.scalars(sa.select(Contact.language).distinct())) == {"en"}


def test_territory_membership_owner_and_assignee(db, actor):
    with db.write() as s:
        other = users.service.create(s, actor, {"name": "jsmith"}).id
        orgs = [organizations.service.create(s, actor, {"name": f"Org {i}"}).id for i in range(3)]
        follow = followups.service.create(
            s, actor, {"title": "Call", "due_date": date(2026, 1, 5)}
        ).id
        bulk_edit.apply(s, actor, "organization", orgs, Change("territory", "MA"))
        bulk_edit.apply(s, actor, "organization", orgs, Change("membership", "massbio"))
        bulk_edit.apply(s, actor, "followup", [follow], Change("assignee_id", other))
    with db.read() as s:
        assert {(o.territory, o.membership) for o in s.scalars(sa.select(Organization))} == {
            ("MA", "massbio")
        }
        assert s.get(FollowUp, follow).assignee_id == other


@pytest.mark.parametrize(
    ("kind", "change", "code"),
    [
        ("contact", Change("membership", "both"), "bulk.not_editable"),
        ("contact", Change("territory", "Boston"), "bulk.bad_value"),
        ("introduction", Change("owner_id", 999), "bulk.no_user"),
        ("contact", Change("tags", "  "), "bulk.bad_value"),
    ],
)
def test_refusals_change_nothing(db, actor, thousand, kind, change, code):
    with pytest.raises(DeskError) as caught, db.write() as s:
        bulk_edit.apply(s, actor, kind, thousand[:5], change)
    assert caught.value.code == code
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.max(Contact.version))) == 1
        assert s.scalar(sa.select(sa.func.count()).select_from(Introduction)) == 0
