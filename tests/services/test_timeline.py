"""The timeline of a record (every kind of entry, newest first, filtered, bounded) and the
one-call actions it shows: an interaction logged with its next step, a follow-up completed
with an outcome and the next one. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta

import pytest

from crm.domain.dates import follow_up_due
from crm.domain.enums import FollowUpStatus
from crm.domain.errors import DeskError, ValidationFailed
from crm.services import (
    contacts,
    csv_export,
    csv_import,
    events,
    followups,
    interactions,
    introductions,
    stages,
    timeline,
)
from crm.services.csv_import import ImportOptions
from crm.services.export_columns import ExportRequest


def at(days_ago: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days_ago)


def kinds_of(entries):
    return [e.kind for e in entries]


def assert_newest_first(entries):
    moments = [e.at for e in entries]
    assert moments == sorted(moments, reverse=True)


def read(db, kind, record_id, **options):
    with db.read() as s:
        return timeline.timeline(s, kind, record_id, **options)


def import_contacts(db, actor, path, rows, on_duplicate="skip"):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source = csv_import.read_source(path, "contacts")
    with db.write() as s:
        return csv_import.run(s, actor, "contacts", source, ImportOptions(on_duplicate))


@pytest.fixture
def story(db, actor, sides, new_intro):
    """Éric's history: an edit, a participation, an introduction moved, a follow-up completed,
    a call logged with its next step; the ids of what was written."""
    eric, ava = sides["eric"], sides["ava"]
    with db.write() as s:
        contacts.service.update(s, actor, eric, {"title": "CSO"})
        event = events.service.create(
            s, actor, {"name": "Mission Boston", "kind": "mission", "starts_on": date(2024, 5, 6)}
        ).id
        events.participants.create(
            s, actor, {"event_id": event, "contact_id": eric, "role": "speaker"}
        )
    intro = new_intro(qc_contact_id=eric, ma_contact_id=ava, title="Éric meets Ava")
    with db.write() as s:
        stages.move_with_followups(s, actor, intro, "asked", note="Both asked by email",
                                   followups=[], accepted_warnings=stages.WARNING_CODES)  # fmt: skip
        task = followups.service.create(
            s, actor, {"title": "Send the deck", "due_date": date.today(), "contact_id": eric}
        ).id
        followups.complete(s, actor, task, outcome="Deck sent, she liked it")
        logged = interactions.log(
            s, actor,
            {"kind": "call", "subject": "Term sheet", "notes": "Wants numbers", "contact_id": eric},
            next_step={"title": "Send the numbers"},
        )  # fmt: skip
    return {"eric": eric, "event": event, "intro": intro, "task": task, "logged": logged}


def test_contact_timeline_has_each_kind_newest_first(db, actor, story):
    entries = read(db, "contact", story["eric"])
    assert_newest_first(entries)
    assert set(kinds_of(entries)) == {"interaction", "stage", "followup", "event", "edit"}
    newest = entries[0]
    # the call and its next step are written together; the call is the newest interaction
    call = next(e for e in entries if e.kind == "interaction")
    assert (call.action, call.title, call.note, call.who) == (
        "call", "Term sheet", "Wants numbers", "Marie Tremblay"
    )  # fmt: skip
    assert (call.record_kind, call.record_id) == ("interaction", story["logged"].interaction_id)
    assert newest.kind in ("interaction", "followup")
    tasks = [(e.action, e.title) for e in entries if e.kind == "followup"]
    assert tasks[:1] == [("created", "Send the numbers")]
    assert ("completed", "Send the deck") in tasks and ("created", "Send the deck") in tasks
    done = next(e for e in entries if e.kind == "followup" and e.action == "completed")
    assert done.note == "Deck sent, she liked it" and done.who == "Marie Tremblay"
    moves = [(e.params["from"], e.action, e.note, e.title) for e in entries if e.kind == "stage"]
    assert moves == [
        ("proposed", "asked", "Both asked by email", "Éric meets Ava"),
        ("", "proposed", "", "Éric meets Ava"),
    ]
    took_part = next(e for e in entries if e.kind == "event")
    assert (took_part.title, took_part.params["role"], took_part.day_only) == (
        "Mission Boston", "speaker", True
    )  # fmt: skip
    assert took_part.at.date() == date(2024, 5, 6) and took_part.record_id == story["event"]
    edits = [(e.action, e.params.get("fields")) for e in entries if e.kind == "edit"]
    assert edits[0] == ("update", "title")
    assert edits[-1][0] == "create" and "first_name" in edits[-1][1]


def test_filter_by_kind(db, story):
    only = read(db, "contact", story["eric"], kinds=["interaction", "stage"])
    assert set(kinds_of(only)) == {"interaction", "stage"}
    assert_newest_first(only)
    assert read(db, "contact", story["eric"], kinds=[]) == []
    with pytest.raises(KeyError):
        read(db, "contact", story["eric"], kinds=["gossip"])
    with pytest.raises(KeyError):
        read(db, "followup", story["task"])


def test_introduction_timeline(db, actor, story):
    entries = read(db, "introduction", story["intro"])
    assert_newest_first(entries)
    assert [e.action for e in entries if e.kind == "stage"] == ["asked", "proposed"]
    # the move's own audit entry is the stage entry, not an edit
    assert [e.action for e in entries if e.kind == "edit"] == ["create"]
    with db.write() as s:
        introductions.service.update(s, actor, story["intro"], {"notes": "Warm lead"})
        interactions.log(
            s, actor, {"kind": "meeting", "subject": "Kick-off", "introduction_id": story["intro"]}
        )
    entries = read(db, "introduction", story["intro"])
    assert (entries[0].kind, entries[0].action, entries[0].title) == (
        "interaction", "meeting", "Kick-off"
    )  # fmt: skip
    assert ("edit", "update", "notes") in [
        (e.kind, e.action, e.params.get("fields")) for e in entries
    ]
    # the contact's timeline does not show what was logged on the introduction
    assert "Kick-off" not in [e.title for e in read(db, "contact", story["eric"])]


def test_organization_timeline_includes_its_people(db, actor, sides, story):
    entries = read(db, "organization", sides["qc"])
    assert_newest_first(entries)
    call = next(e for e in entries if e.kind == "interaction")
    assert (call.title, call.params["with"]) == ("Term sheet", "Éric Côté")
    took_part = next(e for e in entries if e.kind == "event")
    assert took_part.params["person"] == "Éric Côté"
    # the organization is not a party of Éric's introduction: no stage entries
    assert "stage" not in kinds_of(entries)
    assert [e.action for e in entries if e.kind == "edit"] == ["create"]


def test_event_timeline_lists_who_registered(db, actor, story, sides):
    with db.write() as s:
        interactions.log(
            s, actor, {"kind": "note", "notes": "Hotel booked", "event_id": story["event"]}
        )
    entries = read(db, "event", story["event"])
    assert_newest_first(entries)
    assert entries[0].kind == "interaction" and entries[0].note == "Hotel booked"
    registered = [(e.title, e.record_kind, e.record_id) for e in entries if e.kind == "event"]
    assert registered == [("Éric Côté", "contact", sides["eric"])]


def test_trashed_interactions_and_followups_leave_the_timeline(db, actor, story):
    with db.write() as s:
        interactions.service.delete(s, actor, story["logged"].interaction_id)
        followups.service.delete(s, actor, story["logged"].followup_id)
    titles = [e.title for e in read(db, "contact", story["eric"])]
    assert "Term sheet" not in titles and "Send the numbers" not in titles


def test_imports_that_created_and_changed_a_contact(db, actor, tmp_path):
    header = ["first_name", "last_name", "email", "title"]
    import_contacts(db, actor, tmp_path / "a.csv", [header, ["Léa", "Fortin", "lea@x.ca", ""]])
    with db.read() as s:
        lea = contacts.service.find(s)[0].id
    import_contacts(
        db, actor, tmp_path / "b.csv", [header, ["Léa", "Fortin", "lea@x.ca", "CEO"]], "update"
    )
    with db.write() as s:
        contacts.service.update(s, actor, lea, {"phone": "514 555 0101"})
    entries = read(db, "contact", lea)
    assert_newest_first(entries)
    assert [(e.kind, e.action) for e in entries] == [
        ("edit", "update"), ("import", "updated"), ("import", "created")
    ]  # fmt: skip
    assert [e.title for e in entries if e.kind == "import"] == ["b.csv", "a.csv"]
    assert entries[1].who == "Marie Tremblay" and entries[1].params["rows"] == "1"
    assert entries[1].params["fields"] == "title"
    # the import's own trail entries are told as imports, never twice as edits
    assert [e.kind for e in read(db, "contact", lea, kinds=["edit"])] == ["edit"]


def test_partner_files_that_named_a_contact(db, actor, sides, tmp_path):
    with db.write() as s:
        contacts.service.update(s, actor, sides["eric"], {"share_with_partners": "yes"})
    with db.write() as s:
        csv_export.export(
            s, actor, ExportRequest("contacts", recipient="MassBio"), tmp_path / "a.csv"
        )
    with db.write() as s:  # Ava said nothing: a file without her names her only when asked
        csv_export.export(s, actor, ExportRequest("contacts", ["uid", "first_name"],
                          include_without_consent=True), tmp_path / "b.csv")  # fmt: skip
    eric = read(db, "contact", sides["eric"], kinds=["export"])
    assert [(e.title, e.params["recipient"], e.who) for e in eric] == [
        ("b.csv", "", "Marie Tremblay"), ("a.csv", "MassBio", "Marie Tremblay")
    ]  # fmt: skip
    assert_newest_first(eric)
    assert [e.title for e in read(db, "contact", sides["ava"], kinds=["export"])] == ["b.csv"]
    # the contacts file named Éric's organization too
    assert [e.title for e in read(db, "organization", sides["qc"], kinds=["export"])] == ["a.csv"]
    assert "export" in kinds_of(read(db, "contact", sides["eric"]))


def test_each_kind_is_bounded(db, actor, sides):
    with db.write() as s:
        for n in range(5):
            interactions.log(s, actor, {"kind": "note", "notes": f"note {n}",
                                        "contact_id": sides["ava"], "occurred_at": at(10 - n)})  # fmt: skip
    entries = read(db, "contact", sides["ava"], kinds=["interaction"], limit=3)
    assert [e.note for e in entries] == ["note 4", "note 3", "note 2"]
    assert len(read(db, "contact", sides["ava"], limit=4)) == 4


# --- the actions ---------------------------------------------------------------------------------


def test_log_writes_the_interaction_and_its_next_step(db, actor, sides):
    with db.write() as s:
        logged = interactions.log(
            s, actor, {"kind": "email", "subject": "Deck", "contact_id": sides["ava"]},
            next_step={"title": "Call Ava back"},
        )  # fmt: skip
    with db.read() as s:
        item = interactions.service.get(s, logged.interaction_id)
        task = followups.service.get(s, logged.followup_id)
        assert (item.kind.value, item.user_id, item.contact_id) == ("email", actor, sides["ava"])
        assert (task.title, task.assignee_id, task.contact_id) == (
            "Call Ava back",
            actor,
            sides["ava"],
        )
        assert task.due_date == follow_up_due(date.today())
        assert task.status is FollowUpStatus.OPEN


def test_a_refused_next_step_writes_nothing(db, actor, sides):
    with pytest.raises(ValidationFailed) as info, db.write() as s:
        interactions.log(
            s, actor, {"kind": "call", "subject": "Intro", "contact_id": sides["ava"]},
            next_step={"title": "  ", "due_date": "2026-13-45"},
        )  # fmt: skip
    assert {i.field for i in info.value.issues} == {"next_title", "next_due_date"}
    assert info.value.record == "next step"
    # the interaction's own issues and the next step's are said at once
    with pytest.raises(ValidationFailed) as info, db.write() as s:
        interactions.log(s, actor, {"kind": "call", "contact_id": sides["ava"]},
                         next_step={"title": ""})  # fmt: skip
    assert {i.field for i in info.value.issues} == {"notes", "next_title"}
    with db.read() as s:
        assert interactions.service.find(s) == [] and followups.service.find(s) == []


def test_complete_with_outcome_and_next(db, actor, sides):
    with db.write() as s:
        task = followups.service.create(
            s, actor, {"title": "Ask for consent", "due_date": date.today(),
                       "organization_id": sides["ma"], "notes": "By phone"},
        ).id  # fmt: skip
    with db.write() as s:
        done = followups.complete_with_next(
            s, actor, task, outcome="She agreed", next_step={"title": "Draft the email", "due_date": date(2030, 1, 7)}
        )  # fmt: skip
    with db.read() as s:
        first = followups.service.get(s, task)
        second = followups.service.get(s, done.next_id)
        assert first.status is FollowUpStatus.DONE and first.notes == "By phone\n\nShe agreed"
        assert (second.title, second.organization_id, second.due_date, second.assignee_id) == (
            "Draft the email", sides["ma"], date(2030, 1, 7), actor
        )  # fmt: skip
    with pytest.raises(ValidationFailed), db.write() as s:
        followups.complete_with_next(s, actor, done.next_id, next_step={"title": ""})
    with db.read() as s:
        assert followups.service.get(s, done.next_id).status is FollowUpStatus.OPEN


def test_links_of(db, actor, sides):
    with db.write() as s:
        task = followups.service.create(
            s, actor, {"title": "x", "due_date": date.today(), "contact_id": sides["eric"]}
        ).id
        assert interactions.links_of(s, "followup", task)["contact_id"] == sides["eric"]
        assert interactions.links_of(s, "organization", 7) == {
            "organization_id": 7, "contact_id": None, "introduction_id": None, "event_id": None
        }  # fmt: skip


def test_an_introduction_starts_on_the_party_side(db, actor, sides):
    with db.write() as s:
        assert introductions.starting_with(s, "contact", sides["eric"]) == {
            "qc_organization_id": sides["qc"], "qc_contact_id": sides["eric"]
        }  # fmt: skip
        assert introductions.starting_with(s, "organization", sides["ma"]) == {
            "ma_organization_id": sides["ma"]
        }
        elsewhere = contacts.service.create(s, actor, {"first_name": "Ana", "last_name": "Lima"}).id
    with pytest.raises(DeskError) as info, db.read() as s:
        introductions.starting_with(s, "contact", elsewhere)
    assert info.value.code == "introduction.no_side" and info.value.params == {"party": "Ana Lima"}
