"""The generic record machinery (crm.services.records) on SQLite and PostgreSQL.

Optimistic locking, the trash (soft delete, restore, purge) and the audit trail are the same
for every kind, so they are checked here through organizations, contacts and users.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from crm.db import search
from crm.db.models import AuditEntry, Contact, FollowUp, Organization, organization_tags
from crm.domain.errors import NotFound, StaleRecord, ValidationFailed
from crm.services import audit, contacts, followups, introductions, organizations, users


def _org(db, actor, name="Biotech Laval", **values):
    with db.write() as session:
        return organizations.service.create(session, actor, {"name": name, **values}).id


def _trail(db, entity, record_id):
    with db.read() as session:
        return [
            (e.action, json.loads(e.changes), e.user_id)
            for e in audit.history(session, entity, record_id)
        ]


# ------------------------------------------------------------------ optimistic locking


def test_new_record_has_uid_version_and_utc_timestamps(db, actor):
    org_id = _org(db, actor)
    with db.read() as session:
        org = organizations.service.get(session, org_id)
        assert org.version == 1
        assert len(org.uid) == 36 and org.uid.count("-") == 4
        assert org.created_at.tzinfo is not None and org.created_at.utcoffset().total_seconds() == 0
        assert abs((datetime.now(UTC) - org.created_at).total_seconds()) < 60
        assert org.deleted_at is None and not org.is_deleted


def test_update_bumps_version_and_updated_at(db, actor):
    org_id = _org(db, actor)
    with db.read() as session:
        before = organizations.service.get(session, org_id).updated_at
    with db.write() as session:
        org = organizations.service.update(
            session, actor, org_id, {"city": "Laval"}, expected_version=1
        )
        assert org.version == 2
    with db.read() as session:
        org = organizations.service.get(session, org_id)
        assert (org.version, org.city) == (2, "Laval")
        assert org.updated_at >= before


def test_update_without_a_change_keeps_the_version_and_writes_no_audit(db, actor):
    org_id = _org(db, actor, city="Laval")
    with db.write() as session:
        org = organizations.service.update(session, actor, org_id, {"city": " Laval "})
        assert org.version == 1
    assert [a for a, _, _ in _trail(db, "organization", org_id)] == ["create"]


def test_stale_expected_version_is_refused_and_nothing_is_written(db, actor):
    org_id = _org(db, actor)
    with db.write() as session:
        organizations.service.update(session, actor, org_id, {"city": "Laval"}, expected_version=1)
    with pytest.raises(StaleRecord) as info, db.write() as session:
        organizations.service.update(session, actor, org_id, {"city": "Québec"}, expected_version=1)
    assert (info.value.expected_version, info.value.actual_version) == (1, 2)
    assert "someone else" in info.value.message and "reload" in info.value.message
    with db.read() as session:
        assert organizations.service.get(session, org_id).city == "Laval"


def test_stale_expected_version_on_delete(db, actor):
    org_id = _org(db, actor)
    with db.write() as session:
        organizations.service.update(session, actor, org_id, {"city": "Laval"})
    with pytest.raises(StaleRecord), db.write() as session:
        organizations.service.delete(session, actor, org_id, expected_version=1)
    with db.read() as session:
        assert organizations.service.get(session, org_id).deleted_at is None


def test_two_sessions_editing_the_same_record_the_second_flush_is_refused(db, actor):
    """The ORM's version check: an UPDATE over a copy read before someone else's commit."""
    org_id = _org(db, actor)
    first = db.write_factory()
    try:
        org = organizations.service.get(first, org_id)
        assert org.version == 1
        first.commit()  # the copy stays loaded (expire_on_commit=False), as in an open form
        with db.write() as second:
            organizations.service.update(second, actor, org_id, {"city": "Sherbrooke"})
        with pytest.raises(StaleRecord) as info:
            organizations.service.update(first, actor, org_id, {"city": "Laval"})
        assert info.value.record_id == org_id
        first.rollback()
    finally:
        first.close()
    with db.read() as session:
        org = organizations.service.get(session, org_id)
        assert (org.city, org.version) == ("Sherbrooke", 2)
        assert [a for a, _, _ in _trail(db, "organization", org_id)] == ["create", "update"]


def test_unknown_field_is_a_programming_error(db, actor):
    with pytest.raises(ValueError, match="unknown organization field"), db.write() as session:
        organizations.service.create(session, actor, {"name": "X", "colour": "blue"})


def test_validation_failure_writes_nothing(db, actor):
    with pytest.raises(ValidationFailed), db.write() as session:
        organizations.service.create(session, actor, {"name": "Bon", "website": "x"})
    with db.read() as session:
        assert organizations.service.count(session) == 0
        assert (
            session.scalar(sa.select(sa.func.count()).where(AuditEntry.entity == "organization"))
            == 0
        )


# ----------------------------------------------------------------------------- the trash


def test_soft_delete_hides_from_find_and_get_and_shows_in_trash(db, actor):
    keep, gone = _org(db, actor, "Alpha"), _org(db, actor, "Beta")
    with db.write() as session:
        org = organizations.service.delete(session, actor, gone)
        assert org.deleted_at is not None and org.deleted_by_id == actor
    with db.read() as session:
        assert [o.id for o in organizations.service.find(session)] == [keep]
        assert [o.id for o in organizations.service.find(session, deleted=True)] == [gone]
        assert organizations.service.count(session) == 1
        assert organizations.service.count(session, deleted=True) == 1
        with pytest.raises(NotFound) as info:
            organizations.service.get(session, gone)
        assert info.value.entity == "organization" and info.value.record_id == gone
        assert organizations.service.get(session, gone, include_deleted=True).name == "Beta"
        assert search.search(session, "beta") == []


def test_a_deleted_record_cannot_be_edited_or_deleted_again(db, actor):
    org_id = _org(db, actor)
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    with pytest.raises(NotFound), db.write() as session:
        organizations.service.update(session, actor, org_id, {"city": "Laval"})
    with pytest.raises(NotFound), db.write() as session:
        organizations.service.delete(session, actor, org_id)


def test_restore_brings_back_record_and_search_entry(db, actor):
    org_id = _org(db, actor, "Gamma Thérapeutique")
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    with db.write() as session:
        org = organizations.service.restore(session, actor, org_id)
        assert org.deleted_at is None and org.deleted_by_id is None
    with db.read() as session:
        assert [o.id for o in organizations.service.find(session)] == [org_id]
        assert [h.record_id for h in search.search(session, "gamma therap")] == [org_id]
    assert [a for a, _, _ in _trail(db, "organization", org_id)] == ["create", "delete", "restore"]


def test_restore_of_a_live_record_changes_nothing(db, actor):
    org_id = _org(db, actor)
    with db.write() as session:
        assert organizations.service.restore(session, actor, org_id).version == 1
    assert [a for a, _, _ in _trail(db, "organization", org_id)] == ["create"]


def test_get_of_a_missing_record(db, actor):
    with pytest.raises(NotFound, match="organization 4242 was not found"), db.read() as session:
        organizations.service.get(session, 4242)


def test_purge_only_from_the_trash(db, actor):
    org_id = _org(db, actor, "Delta")
    with pytest.raises(ValidationFailed, match=r"Delta.*trash"), db.write() as session:
        organizations.service.purge(session, actor, org_id)
    with db.read() as session:
        assert organizations.service.get(session, org_id).name == "Delta"


def test_purge_erases_record_and_nulls_references(db, actor):
    org_id = _org(db, actor, "Epsilon", tags="oncology", region="QC")
    with db.write() as session:
        contact = contacts.service.create(
            session, actor, {"last_name": "Roy", "organization_id": org_id}
        )
        followup = followups.service.create(
            session, actor, {"title": "Call", "due_date": "2025-03-01", "organization_id": org_id}
        )
        boston = _org_in(session, actor, "Boston Partner", region="MA")
        intro = introductions.create(
            session, actor, {"qc_organization_id": org_id, "ma_organization_id": boston}
        )
        ids = contact.id, followup.id, intro.id
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    with db.write() as session:
        organizations.service.purge(session, actor, org_id)
    with db.read() as session:
        assert session.get(Organization, org_id) is None
        assert session.get(Contact, ids[0]).organization_id is None
        # A follow-up that served the organization alone goes with it; the introduction
        # stays, its Québec side empty (a destroyed party).
        assert session.get(FollowUp, ids[1]) is None
        assert introductions.service.get(session, ids[2]).qc_organization_id is None
        links = session.scalar(sa.select(sa.func.count()).select_from(organization_tags))
        assert links == 0
        assert search.search(session, "epsilon", kinds=["organization"]) == []
    actions = [a for a, _, _ in _trail(db, "organization", org_id)]
    assert actions == ["create", "delete", "purge"]


def test_purge_leaves_no_trace_in_the_search_index(db, actor):
    """Purging serves privacy requests: other records' search text must forget the name."""
    org_id = _org(db, actor, "Zyxel Confidentiel", region="QC")
    with db.write() as session:
        person = contacts.service.create(
            session, actor, {"first_name": "Ana", "last_name": "Ruiz", "organization_id": org_id}
        ).id
        other = _org_in(session, actor, "Boston Partner", region="MA")
        intro = introductions.create(
            session, actor, {"qc_organization_id": org_id, "ma_organization_id": other}
        ).id
    with db.read() as session:
        assert {h.kind for h in search.search(session, "zyxel")} == {
            "organization",
            "contact",
            "introduction",
        }
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
        organizations.service.purge(session, actor, org_id)
    with db.read() as session:
        assert search.search(session, "zyxel") == []
        assert [h.record_id for h in search.search(session, "ana ruiz")] == [person]
        assert [h.record_id for h in search.search(session, "boston", kinds=["introduction"])] == [
            intro
        ]


def _org_in(session, actor, name, **values):
    return organizations.service.create(session, actor, {"name": name, **values}).id


def test_purge_of_a_staff_user_who_deleted_another(db, actor):
    """staff_users.deleted_by_id points at staff_users itself: it must be cleared too."""
    with db.write() as session:
        other = users.service.create(session, actor, {"name": "jdoe"}).id
        users.service.delete(session, actor, other)  # deleted_by_id = actor
        keeper = users.service.create(session, None, {"name": "admin"}).id
        users.set_role(session, actor, keeper, "admin")  # erasing for good is an admin's
    with db.write() as session:
        users.service.delete(session, keeper, actor)
    with db.write() as session:
        users.service.purge(session, keeper, actor)
    with db.read() as session:
        assert users.by_name(session, "mtremblay") is None
        assert users.service.get(session, other, include_deleted=True).deleted_by_id is None
        # The audit trail keeps the rows, without the user.
        assert session.scalar(sa.select(sa.func.count()).where(AuditEntry.user_id == actor)) == 0


# ------------------------------------------------------------------------- audit trail


def test_audit_trail_of_create_update_delete(db, actor):
    org_id = _org(db, actor, "Zeta", city="Laval", kind="cro")
    with db.write() as session:
        organizations.service.update(
            session, actor, org_id, {"city": "Montréal", "employees": "1 200"}
        )
    with db.write() as session:
        organizations.service.delete(session, actor, org_id)
    trail = _trail(db, "organization", org_id)
    assert [(a, u) for a, _, u in trail] == [
        ("create", actor),
        ("update", actor),
        ("delete", actor),
    ]
    created = trail[0][1]
    assert created["name"] == [None, "Zeta"] and created["kind"] == [None, "cro"]
    assert "name_folded" not in created  # derived columns stay out of the trail
    assert trail[1][1] == {"city": ["Laval", "Montréal"], "employees": [None, 1200]}
    with db.read() as session:
        entry = session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert (
            entry.record_uid == organizations.service.get(session, org_id, include_deleted=True).uid
        )
        assert entry.at.tzinfo is not None
        assert "Montréal" in entry.changes  # readable JSON, not \\u escapes


def test_audit_of_dates_and_enums_is_plain_json(db, actor):
    with db.write() as session:
        f = followups.service.create(
            session, actor, {"title": "Relance", "due_date": "2025-01-02", "priority": "high"}
        )
    with db.write() as session:
        followups.service.update(session, actor, f.id, {"due_date": "2025-02-03", "status": "done"})
    trail = _trail(db, "followup", f.id)
    assert trail[0][1]["priority"] == [None, "high"]
    changes = trail[1][1]
    assert changes["due_date"] == ["2025-01-02", "2025-02-03"]
    assert changes["status"] == ["open", "done"]
    assert changes["completed_at"][0] is None and changes["completed_at"][1].startswith("20")


def test_failed_transaction_leaves_no_audit_or_index(db, actor):
    with pytest.raises(RuntimeError), db.write() as session:
        organizations.service.create(session, actor, {"name": "Rolled Back"})
        raise RuntimeError("the user action failed half way")
    with db.read() as session:
        assert organizations.service.count(session) == 0
        assert (
            session.scalar(sa.select(sa.func.count()).where(AuditEntry.entity == "organization"))
            == 0
        )
        assert search.search(session, "rolled") == []


def test_find_filters_orders_and_pages_in_sql(db, actor):
    for name in ("Charlie", "alpha", "Écho", "bravo", "Delta"):
        _org(db, actor, name)
    with db.read() as session:
        names = [o.name for o in organizations.service.find(session)]
        assert names == ["alpha", "bravo", "Charlie", "Delta", "Écho"]  # folded order
        page = organizations.service.find(session, limit=2, offset=2)
        assert [o.name for o in page] == ["Charlie", "Delta"]
        only = organizations.service.find(session, where=[Organization.name_folded.like("%o")])
        assert [o.name for o in only] == ["bravo", "Écho"]
