"""One export of each entity, every column, pinned byte for byte (SQLite and PostgreSQL).

The field catalogue (`crm.services.fields`) is what every list and export selects from; these
files prove a change to it leaves what partners receive unchanged. Set `CRM_WRITE_GOLDEN=1` to
write the files afresh after a deliberate change (then read the diff).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db.models import Contact, Event, EventParticipant, FollowUp, Introduction, Organization
from crm.domain import csv_headers
from crm.services import (
    contacts,
    csv_export,
    events,
    followups,
    introductions,
    organizations,
    users,
)
from crm.services.export_columns import ExportRequest

GOLDEN = Path(__file__).parent / "golden"
WHEN = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


@pytest.fixture
def pinned(db, actor):
    """A small desk whose uids and moments are fixed, so its exports are the same bytes."""
    with db.write() as s:
        lea = users.service.create(s, None, {"name": "lea"})  # no display name
        qc = organizations.service.create(
            s,
            actor,
            {
                "name": "Thérapeutiques Montréal",
                "region": "QC",
                "country": "Canada",
                "postal_code": "H2X 1Y4",
                "kind": "biotech",
                "tags": "oncologie, IA",
                "website": "https://tmtl.ca",
                "employees": "40",
                "address": "1 rue X\nbureau 2",
            },
        )
        ma = organizations.service.create(
            s,
            actor,
            {
                "name": "Cambridge CRO",
                "region": "MA",
                "country": "USA",
                "postal_code": "02139",
                "phone": "+1 617 555 0100",
                "kind": "cro",
                "membership": "massbio",
            },
        )
        eric = contacts.service.create(
            s,
            actor,
            {
                "first_name": "Éric",
                "last_name": "Côté",
                "email": "eric@tmtl.ca",
                "organization_id": qc.id,
                "share_with_partners": "yes",
                "phone": "514 555 0123",
                "notes": '=HYPERLINK("http://x")\nsecond line, "quoted"',
                "tags": "Mission Boston",
                "title": "@dir",
                "language": "fr",
            },
        )
        anne = contacts.service.create(
            s,
            actor,
            {
                "first_name": "Anne",
                "last_name": "Zimmer",
                "organization_id": ma.id,
                "share_with_partners": "yes",
                "email": "anne@cro.com",
            },
        )
        bio = events.service.create(
            s, actor, {"name": "BIO 2025", "starts_on": "2025-06-16", "city": "Boston"}
        )
        titled = introductions.create(
            s,
            actor,
            {
                "qc_contact_id": eric.id,
                "qc_organization_id": qc.id,
                "ma_organization_id": ma.id,
                "owner_id": actor,
                "title": "-Montréal meets Cambridge",
                "event_id": bio.id,
                "introducer_contact_id": anne.id,
                "notes": "first; second",
            },
        )
        untitled = introductions.create(
            s, actor, {"qc_contact_id": eric.id, "ma_contact_id": anne.id, "owner_id": lea.id}
        )
        for values in (
            {"title": "Call Éric", "due_date": "2025-01-15", "introduction_id": titled.id},
            {"title": "Untitled one", "due_date": "2025-01-16", "introduction_id": untitled.id},
            {
                "title": "Org",
                "due_date": "2025-01-17",
                "organization_id": ma.id,
                "due_time": "09:30",
                "assignee_id": lea.id,
                "priority": "high",
            },
            {"title": "Person", "due_date": "2025-01-18", "contact_id": anne.id},
            {"title": "Event", "due_date": "2025-01-19", "event_id": bio.id},
            {"title": "Nothing", "due_date": "2025-01-20"},
        ):
            followups.service.create(s, actor, values)
        events.participants.create(
            s,
            actor,
            {"event_id": bio.id, "contact_id": eric.id, "role": "speaker", "attended": True},
        )
        events.participants.create(s, actor, {"event_id": bio.id, "organization_id": ma.id})
        s.execute(sa.update(Contact).where(Contact.id == eric.id).values(consent_date=WHEN.date()))
        for number, model in enumerate(
            (Organization, Contact, Introduction, FollowUp, Event, EventParticipant), start=1
        ):
            ids = s.scalars(sa.select(model.id).order_by(model.id)).all()
            for position, record_id in enumerate(ids, start=1):
                s.execute(
                    sa.update(model)
                    .where(model.id == record_id)
                    .values(uid=f"00000000-0000-4000-8000-{number:04d}{position:08d}")
                )
            moments = {"created_at": WHEN, "updated_at": WHEN}
            if model is Introduction:
                moments |= {"stage_changed_at": WHEN, "closed_at": None}
            s.execute(sa.update(model).values(**moments))


CASES = [
    (entity, lang, delimiter)
    for entity in csv_headers.COLUMNS
    for lang, delimiter in (("en", ","), ("fr", ";"))
]


@pytest.mark.parametrize(("entity", "lang", "delimiter"), CASES)
def test_every_column_of_each_entity_exports_the_same_bytes(
    db, actor, pinned, tmp_path, entity, lang, delimiter
):
    request = ExportRequest(
        entity,
        columns=csv_headers.COLUMNS[entity],
        lang=lang,
        delimiter=delimiter,
        include_without_consent=True,
    )
    path = tmp_path / "out.csv"
    with db.write() as s:
        csv_export.export(s, actor, request, path)
    golden = GOLDEN / f"{entity}-{lang}.csv"
    if os.environ.get("CRM_WRITE_GOLDEN"):
        golden.write_bytes(path.read_bytes())
    assert path.read_bytes() == golden.read_bytes()


@pytest.mark.parametrize("entity", list(csv_headers.COLUMNS))
def test_default_columns_export_the_same_bytes(db, actor, pinned, tmp_path, entity):
    path = tmp_path / "out.csv"
    with db.write() as s:
        csv_export.export(s, actor, ExportRequest(entity, encoding="utf-8"), path)
    golden = GOLDEN / f"{entity}-default.csv"
    if os.environ.get("CRM_WRITE_GOLDEN"):
        golden.write_bytes(path.read_bytes())
    assert path.read_bytes() == golden.read_bytes()
