"""Privacy: forgetting a person destroys every copy the desk holds; the access report finds
every record tied to them. On SQLite and PostgreSQL (`db`)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db.base import Base
from crm.db.models import AuditEntry, Contact, FollowUp, Interaction, Introduction
from crm.domain.errors import DeskError
from crm.domain.text import fold
from crm.services import (
    contacts,
    csv_export,
    csv_import,
    events,
    export_profiles,
    followups,
    interactions,
    introductions,
    listing,
    lists,
    organizations,
)
from crm.services.export_columns import ExportRequest
from crm.services.maintenance import backup as backups
from crm.services.privacy import destroy, forget, report

NOTE = "Prefers calls after four; <b>allergic</b> to quillberries"


def _desk(db, actor, tmp_path):
    """A person tied to everything the desk keeps: introductions, follow-ups, an interaction,
    an event, an import that updated them, an export profile and a partner file."""
    with db.write() as s:
        qc_org = organizations.service.create(s, actor, {"name": "Lumière Bio", "region": "QC"}).id
        ma_org = organizations.service.create(s, actor, {"name": "Harbor Labs", "region": "MA"}).id
        boston = contacts.service.create(
            s, actor, {"first_name": "Sam", "last_name": "Reed", "organization_id": ma_org}
        ).id
        person = contacts.service.create(
            s, actor,
            {"first_name": "Zéphyrine", "last_name": "Quillfeather", "organization_id": qc_org,
             "email": "zephyrine.q@lumiere.example", "phone": "514 555 0199",
             "mobile": "438 555 0177", "notes": NOTE, "share_with_partners": "yes",
             "consent_date": "2025-01-15", "consent_source": "formulaire BIO", "tags": "vip"},
        )  # fmt: skip
        alone = introductions.create(
            s, actor,
            {"title": "Zéphyrine Quillfeather meets Harbor", "qc_contact_id": person.id,
             "ma_organization_id": ma_org, "qc_consent": "yes", "qc_consent_at": "2025-02-01",
             "qc_consent_channel": "email", "notes": "Zéphyrine Quillfeather asked twice"},
        ).id  # fmt: skip
        with_org = introductions.create(
            s, actor,
            {"qc_contact_id": person.id, "qc_organization_id": qc_org, "ma_contact_id": boston},
        ).id  # fmt: skip
        own = followups.service.create(
            s, actor, {"title": "Call her back", "due_date": "2025-03-01", "contact_id": person.id}
        ).id
        shared = followups.service.create(
            s, actor,
            {"title": "Send Zéphyrine Quillfeather the deck", "due_date": "2025-03-02",
             "introduction_id": with_org},
        ).id  # fmt: skip
        talk = interactions.service.create(
            s, actor, {"subject": "Lunch", "notes": "zephyrine.q@lumiere.example wrote",
                       "contact_id": person.id},
        ).id  # fmt: skip
        event = events.service.create(s, actor, {"name": "BIO 2025", "kind": "conference"}).id
        events.participants.create(
            s, actor, {"event_id": event, "contact_id": person.id, "role": "speaker"}
        )
        contacts.service.update(s, actor, person.id, {"city": "Laval"})
        uid = person.uid
    # An import that updated the person keeps their old values for its undo.
    source = tmp_path / "update.csv"
    source.write_text(
        "email,first_name,last_name,city\n"
        "zephyrine.q@lumiere.example,Zéphyrine,Quillfeather,Montréal\n",
        encoding="utf-8",
    )
    with db.write() as s:
        csv_import.run(
            s, actor, "contacts", csv_import.read_source(source, "contacts"),
            csv_import.ImportOptions(on_duplicate="update"),
        )  # fmt: skip
    with db.write() as s:
        export_profiles.save(
            s, actor,
            export_profiles.Profile("Her file", "contacts", text="Quillfeather"),
        )  # fmt: skip
        csv_export.export(
            s, actor, ExportRequest("contacts", recipient="MassBio", text="quillfeather"),
            tmp_path / "partner.csv",
        )  # fmt: skip
    with db.read() as s:
        stored = s.get(Contact, person.id)
        secrets = {
            stored.email, stored.first_name, stored.last_name, stored.phone, stored.mobile,
            stored.notes, "quillberries",
        }  # fmt: skip
    ids = {"alone": alone, "with_org": with_org, "own": own, "shared": shared, "talk": talk}
    return person.id, uid, secrets, ids


def _text_columns():
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.c if isinstance(c.type, sa.String | sa.Text)]
        if columns:
            yield table, columns


def _found_in_tables(db, secrets):
    """Every text column of every table, every row: which secrets still show."""
    found = []
    wanted = {s.lower() for s in secrets} | {fold(s) for s in secrets}
    with db.read() as s:
        for table, columns in _text_columns():
            for row in s.execute(sa.select(*columns)):
                for value in row:
                    if value and any(w in value.lower() for w in wanted):
                        found.append((table.name, value))
    return found


def _found_in_file(db, secrets):
    data = b""
    for suffix in ("", "-wal"):
        path = Path(f"{db.path}{suffix}")
        if path.exists():
            data += path.read_bytes()
    forms = {f for s in secrets for f in (s, s.lower(), fold(s))}
    return sorted(f for f in forms if f.encode() in data)


def test_forget_destroys_every_copy(db, actor, tmp_path):
    person, uid, secrets, ids = _desk(db, actor, tmp_path)
    assert _found_in_tables(db, secrets)  # the test looks where the data is
    if db.is_sqlite:
        assert _found_in_file(db, secrets)
    with db.write() as s:
        done = forget.forget(s, actor, person)
    assert done.storage_cleaned is True
    assert _found_in_tables(db, secrets) == []
    if db.is_sqlite:
        assert _found_in_file(db, secrets) == []
    with db.read() as s:
        assert s.get(Contact, person) is None
        # The trail keeps that a contact was destroyed, by whom and when, not what it held.
        trail = s.execute(
            sa.select(AuditEntry.action, AuditEntry.user_id, AuditEntry.entity, AuditEntry.changes)
            .where(AuditEntry.record_uid == uid).order_by(AuditEntry.id)
        ).all()  # fmt: skip
        assert [a for a, *_ in trail] == ["create", "update", "update", "forget"]
        assert trail[-1][1:] == (actor, "contact", "{}")
        assert set(json.loads(trail[1][3])) == {"city"}  # which field changed, not the values
        # Their introductions remain, the party destroyed.
        alone = s.get(Introduction, ids["alone"])
        assert alone.qc_contact_id is None and alone.qc_organization_id is None
        assert alone.title == f"{destroy.REDACTED} meets Harbor"
        with_org = s.get(Introduction, ids["with_org"])
        assert with_org.qc_contact_id is None and with_org.qc_organization_id is not None
        at = 1 + [c.key for c in lists.INTRODUCTIONS.columns].index("qc_party")
        sides = {r[0]: r[at] for r in listing.page(s, lists.INTRODUCTIONS)}
        assert sides[ids["alone"]] == "" and sides[ids["with_org"]] == "Lumière Bio"
        # What served them alone went with them; what serves others stays, unnamed.
        assert s.get(FollowUp, ids["own"]) is None and s.get(Interaction, ids["talk"]) is None
        erased = s.execute(
            sa.select(AuditEntry.action, AuditEntry.changes)
            .where(AuditEntry.entity == "followup", AuditEntry.record_id == ids["own"])
            .order_by(AuditEntry.id)
        ).all()  # fmt: skip
        assert [a for a, _ in erased] == ["create", "forget"]
        assert json.loads(erased[0][1])["title"] is None
        assert s.get(FollowUp, ids["shared"]).title == f"Send {destroy.REDACTED} the deck"
        profile = export_profiles.get(s, "Her file")
        assert profile.text == ""


def test_purge_from_the_trash_destroys_too(db, actor, tmp_path):
    person, _uid, secrets, _ids = _desk(db, actor, tmp_path)
    with db.write() as s:
        contacts.service.delete(s, actor, person)
    with db.write() as s:
        contacts.service.purge(s, actor, person)
    assert _found_in_tables(db, secrets) == []
    if db.is_sqlite:
        assert _found_in_file(db, secrets) == []


def test_plan_says_what_goes(db, actor, tmp_path):
    person, uid, _secrets, _ids = _desk(db, actor, tmp_path)
    with db.read() as s:
        plan = forget.plan(s, "contact", person)
    assert plan.uid == uid and plan.label == "Zéphyrine Quillfeather"
    assert plan.erased == {
        "followup": ["Call her back"], "interaction": ["Lunch"], "participant": ["BIO 2025"],
    }  # fmt: skip
    assert sorted(plan.kept) == ["introduction"] and len(plan.kept["introduction"]) == 2
    assert plan.import_items == 1 and plan.profiles == ["Her file"]


def test_a_person_is_found_by_uid_or_email_only(db, actor, tmp_path):
    person, uid, _secrets, _ids = _desk(db, actor, tmp_path)
    with db.read() as s:
        assert forget.find_person(s, uid.upper()).id == person
        assert forget.find_person(s, " Zephyrine.Q@lumiere.example ").id == person
        with pytest.raises(DeskError) as refused:
            forget.find_person(s, "Quillfeather")
    assert refused.value.code == "privacy.unknown_person"
    assert "Quillfeather" in str(refused.value)


def test_report_finds_every_record_tied_to_the_person(db, actor, tmp_path):
    person, uid, _secrets, ids = _desk(db, actor, tmp_path)
    with db.read() as s:
        found = report.gather(s, person)
        uids = {
            name: s.get(model, ids[name]).uid
            for name, model in (("alone", Introduction), ("with_org", Introduction),
                                ("own", FollowUp), ("talk", Interaction))
        }  # fmt: skip
    out = tmp_path / "report"
    written = report.write(found, out)
    data = json.loads((out / "person.json").read_text(encoding="utf-8"))
    assert data["uid"] == uid and data["language"] == "fr"
    assert data["person"]["email"] == "zephyrine.q@lumiere.example"
    assert data["person"]["notes"] == NOTE and data["person"]["tags"] == ["vip"]
    assert data["person"]["city"] == "Montréal" and data["organization"]["name"] == "Lumière Bio"
    assert {i["uid"] for i in data["introductions"]} == {uids["alone"], uids["with_org"]}
    assert [f["uid"] for f in data["followups"]] == [uids["own"]]
    assert [i["uid"] for i in data["interactions"]] == [uids["talk"]]
    assert [(e["event"], e["role"]) for e in data["events"]] == [("BIO 2025", "speaker")]
    sharing = data["consents"][0]
    assert (sharing["what"], sharing["consent"], sharing["consent_at"], sharing["consent_channel"]) == (
        "share_with_partners", "yes", "2025-01-15", "formulaire BIO")  # fmt: skip
    assert {"what": "introduction", "introduction_uid": uids["alone"], "consent": "yes",
            "consent_at": "2025-02-01", "consent_channel": "email"} in data["consents"]  # fmt: skip
    assert [(e["recipient"], e["entity"]) for e in data["exports"]] == [("MassBio", "contacts")]
    assert [a["action"] for a in data["audit"]] == ["create", "update", "update"]
    # The same as CSV files, one per section, and a transcript in French, escaped.
    assert {p.name for p in written} == {"person.json", "person.html"} | {
        f"{section}.csv" for section in report.SECTIONS
    }
    assert uids["talk"] in (out / "interactions.csv").read_text(encoding="utf-8-sig")
    page = (out / "person.html").read_text(encoding="utf-8")
    assert "Ce que le bureau de coopération détient sur Zéphyrine Quillfeather" in page
    assert "&lt;b&gt;allergic&lt;/b&gt;" in page and "<b>allergic" not in page
    assert "Courriel" in page and "Partage avec les partenaires" in page
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}


def test_backups_made_since_the_record_was_created_hold_it(sqlite_db, tmp_path):
    db = sqlite_db
    with db.write() as s:
        person = contacts.service.create(s, None, {"last_name": "Quillfeather"})
        created = person.created_at
    old = tmp_path / "backups" / "older.db"
    old.parent.mkdir()
    old.write_bytes(b"")
    os.utime(old, (created.timestamp() - 3600, created.timestamp() - 3600))
    made = backups.backup(db)
    elsewhere = backups.backup(db, tmp_path / "elsewhere" / "mine.db")
    assert destroy.backups_holding(db, created) == sorted([made, elsewhere])


def test_an_organization_destroyed_is_unnamed_as_a_whole_word_only(db, actor):
    with db.write() as s:
        org = organizations.service.create(s, actor, {"name": "Nova", "region": "QC"}).id
        person = contacts.service.create(
            s, actor, {"last_name": "Roy", "notes": "Met Nova and Novartis at BIO; nova again."}
        ).id
    with db.write() as s:
        organizations.service.delete(s, actor, org)
    with db.write() as s:
        organizations.service.purge(s, actor, org)
    with db.read() as s:
        assert s.get(Contact, person).notes == "Met […] and Novartis at BIO; […] again."
