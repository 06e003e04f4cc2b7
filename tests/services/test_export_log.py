"""The export log's records, on SQLite and PostgreSQL: which records each file named, written
with the log entry, and found again by uid (`files_including`)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from crm.db.models import ExportLogEntry, ExportLogRecord, Organization
from crm.services import (
    contacts,
    csv_export,
    events,
    export_log,
    followups,
    introductions,
    organizations,
)
from crm.services.export_columns import ExportRequest


@pytest.fixture
def desk(db, actor):
    """Two organizations, a consenting person on each side, an introduction between them with
    an introducer (a third person), a follow-up on it, an event with the Québec person."""
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"})
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"})
        eric = contacts.service.create(s, actor, {
            "first_name": "Éric", "last_name": "Côté", "organization_id": qc.id,
            "share_with_partners": "yes",
        })  # fmt: skip
        ava = contacts.service.create(s, actor, {
            "first_name": "Ava", "last_name": "Smith", "organization_id": ma.id,
            "share_with_partners": "yes",
        })  # fmt: skip
        lea = contacts.service.create(
            s, actor, {"first_name": "Léa", "last_name": "Roy", "share_with_partners": "yes"}
        )
        bio = events.service.create(s, actor, {"name": "BIO 2025", "starts_on": "2025-06-16"})
        intro = introductions.create(s, actor, {
            "qc_contact_id": eric.id, "ma_contact_id": ava.id, "introducer_contact_id": lea.id,
            "owner_id": actor, "event_id": bio.id,
        })  # fmt: skip
        followup = followups.service.create(
            s, actor, {"title": "Call", "due_date": "2025-01-15", "introduction_id": intro.id}
        )
        part = events.participants.create(s, actor, {"event_id": bio.id, "contact_id": eric.id})
        return {
            "qc": qc.uid, "ma": ma.uid, "eric": eric.uid, "ava": ava.uid, "lea": lea.uid, "bio": bio.uid,
            "intro": intro.uid, "followup": followup.uid, "participant": part.uid,
        }  # fmt: skip


def _export(db, actor, tmp_path, request, name="out.csv"):
    with db.write() as s:
        return csv_export.export(s, actor, request, tmp_path / name)


def _named(db, log_id):
    with db.read() as s:
        return {(r.entity, r.uid) for r in export_log.records_of(s, log_id)}


def test_a_contacts_file_logs_its_people_and_their_organizations(db, actor, desk, tmp_path):
    result = _export(db, actor, tmp_path, ExportRequest("contacts", recipient="MassBio"))
    assert _named(db, result.log_id) == {
        ("contact", desk["eric"]), ("contact", desk["ava"]), ("contact", desk["lea"]),
        ("organization", desk["qc"]), ("organization", desk["ma"]),
    }  # fmt: skip


def test_only_the_columns_written_name_other_records(db, actor, desk, tmp_path):
    result = _export(db, actor, tmp_path, ExportRequest("contacts", ["uid", "email"]))
    assert _named(db, result.log_id) == {
        ("contact", desk["eric"]), ("contact", desk["ava"]), ("contact", desk["lea"]),
    }  # fmt: skip


def test_an_introductions_file_logs_its_parties_introducer_and_event(db, actor, desk, tmp_path):
    columns = ["uid", "qc_party", "ma_contact_uid", "introducer", "event"]
    result = _export(db, actor, tmp_path, ExportRequest("introductions", columns))
    assert _named(db, result.log_id) == {
        ("introduction", desk["intro"]), ("contact", desk["eric"]), ("contact", desk["ava"]),
        ("contact", desk["lea"]), ("event", desk["bio"]),
    }  # fmt: skip
    bare = _export(db, actor, tmp_path, ExportRequest("introductions", ["uid", "stage"]), "b.csv")
    assert _named(db, bare.log_id) == {("introduction", desk["intro"])}


def test_a_followups_file_logs_the_linked_record_and_its_parties(db, actor, desk, tmp_path):
    result = _export(db, actor, tmp_path, ExportRequest("followups", ["uid", "linked_to"]))
    assert _named(db, result.log_id) == {
        ("followup", desk["followup"]), ("introduction", desk["intro"]),
        ("contact", desk["eric"]), ("contact", desk["ava"]),
    }  # fmt: skip


def test_a_participants_file_logs_the_participation_its_person_and_event(db, actor, desk, tmp_path):
    result = _export(db, actor, tmp_path, ExportRequest("participants"))
    assert _named(db, result.log_id) == {
        ("participant", desk["participant"]), ("contact", desk["eric"]), ("event", desk["bio"]),
    }  # fmt: skip


def test_files_including_a_record_newest_first(db, actor, desk, tmp_path):
    first = _export(db, actor, tmp_path, ExportRequest("contacts", recipient="MassBio"), "1.csv")
    _export(db, actor, tmp_path, ExportRequest("organizations"), "2.csv")
    third = _export(
        db, actor, tmp_path, ExportRequest("introductions", recipient="BIOQuébec"), "3.csv"
    )
    with db.read() as s:
        files = export_log.files_including(s, desk["eric"])
        assert export_log.files_including(s, "00000000-0000-4000-8000-999999999999") == []
    assert [f.export_id for f in files] == [third.log_id, first.log_id]
    latest = files[0]
    assert (latest.entity, latest.recipient, latest.record_entity) == (
        "introductions", "BIOQuébec", "contact",
    )  # fmt: skip
    assert latest.sha256 == third.sha256 and latest.file_name == str(tmp_path / "3.csv")
    assert latest.user and not latest.included_without_consent


def test_the_records_are_written_with_the_entry_and_go_with_it(db, actor, desk, tmp_path):
    with pytest.raises(RuntimeError), db.write() as s:
        csv_export.export(s, actor, ExportRequest("contacts"), tmp_path / "gone.csv")
        raise RuntimeError("the transaction fails after the export")
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ExportLogRecord)) == 0
    assert not (tmp_path / "gone.csv").exists()
    result = _export(db, actor, tmp_path, ExportRequest("contacts"))
    with db.write() as s:
        s.execute(sa.delete(ExportLogEntry).where(ExportLogEntry.id == result.log_id))
    with db.read() as s:  # ON DELETE CASCADE
        assert s.scalar(sa.select(sa.func.count()).select_from(ExportLogRecord)) == 0


def test_the_log_still_names_a_record_that_is_gone(db, actor, desk, tmp_path):
    result = _export(db, actor, tmp_path, ExportRequest("organizations"))
    with db.write() as s:  # the log keeps uids, not row ids
        qc = s.scalar(sa.select(Organization.id).where(Organization.uid == desk["qc"]))
        organizations.service.delete(s, actor, qc)
        organizations.service.purge(s, actor, qc)
    with db.read() as s:
        files = export_log.files_including(s, desk["qc"])
    assert [f.export_id for f in files] == [result.log_id]
