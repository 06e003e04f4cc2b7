"""A record's history read back by uid: who changed which field, when, from what to what."""

from __future__ import annotations

from crm.services import audit, organizations, users


def test_history_names_who_changed_which_field_from_what_to_what(db):
    with db.write() as s:
        lea = users.service.create(s, None, {"name": "lea", "display_name": "Léa Roy"}).id
        org = organizations.service.create(s, lea, {"name": "Génomique Aurore", "region": "QC"})
        uid, org_id = org.uid, org.id
    with db.write() as s:
        organizations.service.update(s, lea, org_id, {"city": "Montréal"})
    with db.write() as s:
        organizations.service.delete(s, lea, org_id)
    with db.read() as s:
        entries = audit.history_of(s, uid.upper())  # as a partner's file may spell it
    assert [(e.action, e.entity, e.user) for e in entries] == [
        ("create", "organization", "Léa Roy"),
        ("update", "organization", "Léa Roy"),
        ("delete", "organization", "Léa Roy"),
    ]
    assert entries[1].changes["city"] == [None, "Montréal"] or entries[1].changes["city"] == [
        "",
        "Montréal",
    ]
    with db.read() as s:
        assert audit.history_of(s, "00000000-0000-0000-0000-000000000000") == []
