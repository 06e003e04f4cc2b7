"""What a record page reads: the header of each kind (`summary`) and the records around an
introduction or an event (`related`), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from crm.domain.errors import NotFound
from crm.services import contacts, events, followups, interactions, introductions, related


def test_a_contact_header_names_its_organization_and_consent(db, actor, sides):
    with db.write() as s:
        contacts.service.update(s, actor, sides["eric"], {"share_with_partners": "yes"})
    with db.read() as s:
        head = related.summary(s, "contact", sides["eric"])
    assert head.title == "Éric Côté" and not head.trashed
    assert head.facts["territory"] == "QC" and head.facts["language"] == "fr"
    assert head.facts["share_with_partners"] == "yes"
    assert head.facts["membership"] == "none"
    assert head.links["organization"] == related.Link(
        "organization", sides["qc"], "Thérapies Laval"
    )


def test_an_introduction_header_names_both_parties_their_consents_and_stage(
    db, actor, sides, new_intro
):
    intro = new_intro(qc_contact_id=sides["eric"], qc_organization_id=sides["qc"],
                      ma_organization_id=sides["ma"], owner_id=actor)  # fmt: skip
    with db.read() as s:
        head = related.summary(s, "introduction", intro)
    assert head.title == "Éric Côté (Thérapies Laval) ↔ Boston Cell"
    assert head.facts["stage"] == "proposed" and head.facts["owner"] == "Marie Tremblay"
    assert (head.facts["qc_consent"], head.facts["ma_consent"]) == ("unknown", "unknown")
    assert head.links["qc_contact"].title == "Éric Côté"
    assert head.links["ma_organization"].id == sides["ma"]
    assert "ma_contact" not in head.links and "event" not in head.links


def test_a_trashed_record_says_so_and_an_erased_one_is_not_found(db, actor, sides):
    with db.write() as s:
        contacts.service.delete(s, actor, sides["ava"])
    with db.read() as s:
        assert related.summary(s, "contact", sides["ava"]).trashed
        with pytest.raises(NotFound):
            related.summary(s, "contact", 10_000)


def test_an_introduction_and_an_event_list_what_serves_them(db, actor, sides, new_intro):
    with db.write() as s:
        event = events.service.create(s, actor, {"name": "BIO Boston", "territory": "MA"}).id
    intro = new_intro(qc_organization_id=sides["qc"], ma_organization_id=sides["ma"],
                      event_id=event)  # fmt: skip
    with db.write() as s:
        followups.service.create(s, actor, {"title": "Call Ava", "due_date": "2030-01-02",
                                            "introduction_id": intro})  # fmt: skip
        interactions.service.create(s, actor, {"subject": "Met at the booth", "kind": "meeting",
                                               "event_id": event})  # fmt: skip
        introductions.service.get(s, intro)
    with db.read() as s:
        around_intro = related.related(s, "introduction", intro)
        around_event = related.related(s, "event", event)
        head = related.summary(s, "introduction", intro)
    assert [(r.section, r.title) for r in around_intro] == [("followup", "Call Ava")]
    assert [(r.section, r.id) for r in around_event] == [
        ("introduction", intro),
        ("interaction", around_event[1].id),
    ]
    assert around_event[1].title == "Met at the booth"
    assert head.links["event"] == related.Link("event", event, "BIO Boston")
