"""Duplicates and merging (crm.services.duplicates, crm.services.merge) on SQLite and
PostgreSQL: each reason is found; a merge moves every kind of reference, records itself in
both histories, trashes the other record, and restoring that record undoes it."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from crm.db import search
from crm.db.models import Contact, EventParticipant, FollowUp, Interaction, Introduction
from crm.domain.errors import DeskError, StaleRecord
from crm.services import (
    audit,
    contacts,
    duplicates,
    events,
    followups,
    interactions,
    introductions,
    merge,
    organizations,
    tags,
)


def _org(s, actor, name, **values):
    return organizations.service.create(s, actor, {"name": name, **values}, allow_duplicate=True).id


def _contact(s, actor, first, last, **values):
    values = {"first_name": first, "last_name": last, **values}
    return contacts.service.create(s, actor, values, allow_duplicate=True).id


def _reasons(db, kind):
    with db.read() as s:
        return {
            frozenset((p.first_label, p.second_label)): set(p.reasons)
            for p in duplicates.find(s, kind)
        }


# ------------------------------------------------------------------ duplicates


def test_duplicate_organizations_by_name_similar_name_and_web_domain(db, actor):
    with db.write() as s:
        _org(s, actor, "Pharma St-Laurent inc.", region="QC")
        _org(s, actor, "Pharma Saint-Laurent Ltée", region="QC")
        _org(s, actor, "Genome LLC", website="https://genome.example.com", region="MA")
        _org(s, actor, "GENOME", region="MA")
        _org(s, actor, "Cell Works", website="www.genome.example.com/about", region="MA")
        _org(s, actor, "Unrelated", region="MA")
    found = _reasons(db, "organization")
    assert found[frozenset({"Pharma St-Laurent inc.", "Pharma Saint-Laurent Ltée"})] == {
        "similar_name"
    }
    assert found[frozenset({"Genome LLC", "GENOME"})] == {"similar_name"}
    assert found[frozenset({"Genome LLC", "Cell Works"})] == {"website"}
    assert not any("Unrelated" in pair for pair in found)


def test_duplicate_contacts_by_email_and_name_in_the_same_organization(db, actor):
    with db.write() as s:
        qc = _org(s, actor, "Thérapies Laval", region="QC")
        other = _org(s, actor, "Autre", region="QC")
        _contact(s, actor, "Éric", "Côté", organization_id=qc)
        _contact(s, actor, "Eric", "COTE", organization_id=qc)
        _contact(s, actor, "Eric", "Cote", organization_id=other)  # another organization
        _contact(s, actor, "Ann", "Lee", email="ann@x.org")
        _contact(s, actor, "Annie", "Lee", email="ANN@x.org")
        _contact(s, actor, "Marc", "St-Pierre", organization_id=qc)
        _contact(s, actor, "Marc", "Saint-Pierre", organization_id=qc)
        _contact(s, actor, "John", "Smith")  # two people of one name, no organization:
        _contact(s, actor, "John", "Smith")  # most often two people
    found = _reasons(db, "contact")
    assert found[frozenset({"Éric Côté", "Eric COTE"})] == {"name_in_organization"}
    assert found[frozenset({"Ann Lee", "Annie Lee"})] == {"email"}
    assert found[frozenset({"Marc St-Pierre", "Marc Saint-Pierre"})] == {
        "similar_name_in_organization"
    }
    assert len(found) == 3  # the Eric Cote of another organization is someone else


def test_a_group_gives_pairs_with_its_oldest_record_not_all_pairs(db, actor):
    with db.write() as s:
        ids = [_contact(s, actor, "Ann", f"Lee{i}", email="ann@x.org") for i in range(5)]
    with db.read() as s:
        pairs = duplicates.find(s, "contact")
    assert sorted((p.first_id, p.second_id) for p in pairs) == [(ids[0], i) for i in ids[1:]]


def test_trashed_records_are_not_duplicates(db, actor):
    with db.write() as s:
        _contact(s, actor, "Ann", "Lee", email="ann@x.org")
        gone = _contact(s, actor, "Ann", "Lee", email="ann@x.org")
        contacts.service.delete(s, actor, gone)
    with db.read() as s:
        assert duplicates.find(s, "contact") == []


# ------------------------------------------------------------------ merge


@pytest.fixture
def pair(db, actor):
    """Two contacts for one person, the second referenced by every kind of record."""
    with db.write() as s:
        qc = _org(s, actor, "Thérapies Laval", region="QC")
        ma = _org(s, actor, "Boston Cell", region="MA")
        keep = _contact(s, actor, "Éric", "Côté", organization_id=qc, phone="", tags="Mission")
        other = _contact(
            s, actor, "Eric", "Cote", organization_id=qc, email="eric@tl.ca",
            phone="+1 514 555 0123", title="CEO", tags="Investor; mission",
        )  # fmt: skip
        ava = _contact(s, actor, "Ava", "Smith", organization_id=ma)
        intro = introductions.create(
            s, actor, {"qc_contact_id": other, "qc_organization_id": qc, "ma_contact_id": ava,
                       "ma_organization_id": ma, "title": "Cell therapy"},
        ).id  # fmt: skip
        follow = followups.service.create(
            s, actor, {"title": "Call Eric", "due_date": date(2026, 5, 1), "contact_id": other}
        ).id
        note = interactions.service.create(
            s, actor, {"subject": "Met at BIO", "contact_id": other}
        ).id
        event = events.service.create(s, actor, {"name": "Mission Boston"}).id
        event2 = events.service.create(s, actor, {"name": "BIO 2026"}).id
        both = events.participants.create(s, actor, {"event_id": event, "contact_id": keep}).id
        twice = events.participants.create(s, actor, {"event_id": event, "contact_id": other}).id
        only = events.participants.create(s, actor, {"event_id": event2, "contact_id": other}).id
    return {
        "keep": keep, "other": other, "intro": intro, "follow": follow, "note": note,
        "both": both, "twice": twice, "only": only,
    }  # fmt: skip


def _refs(s, contact_id):
    return {
        "intro": set(s.scalars(sa.select(Introduction.id).where(Introduction.qc_contact_id == contact_id))),
        "follow": set(s.scalars(sa.select(FollowUp.id).where(FollowUp.contact_id == contact_id))),
        "note": set(s.scalars(sa.select(Interaction.id).where(Interaction.contact_id == contact_id))),
        "part": set(s.scalars(sa.select(EventParticipant.id).where(
            EventParticipant.contact_id == contact_id, EventParticipant.deleted_at.is_(None)))),
        "tags": set(tags.tags_of(s, "contact", contact_id)),
    }  # fmt: skip


def test_merge_moves_every_reference_and_restoring_the_other_undoes_it(db, actor, pair):
    p = pair
    with db.read() as s:
        before_keep, before_other = _refs(s, p["keep"]), _refs(s, p["other"])
    with db.write() as s:
        merged = merge.merge(s, actor, contacts.service, p["keep"], p["other"])
    assert merged.moved == 4  # introduction, follow-up, interaction, one participation
    with db.read() as s:
        keep = s.get(Contact, p["keep"])
        other = s.get(Contact, p["other"])
        assert other.deleted_at is not None
        # The kept record's own values first, the other's where it had none.
        assert (keep.first_name, keep.email, keep.phone, keep.title) == (
            "Éric", "eric@tl.ca", "+1 514-555-0123", "CEO",
        )  # fmt: skip
        now = _refs(s, p["keep"])
        assert now["intro"] == {p["intro"]} and now["follow"] == {p["follow"]}
        assert now["note"] == {p["note"]}
        # One place per event: the second participation in the same event went to the trash.
        assert now["part"] == {p["both"], p["only"]}
        assert s.get(EventParticipant, p["twice"]).deleted_at is not None
        assert {t.casefold() for t in now["tags"]} == {"mission", "investor"}
        assert _refs(s, p["other"])["intro"] == set()
        # Both histories say it; the search finds the introduction under the kept name only.
        assert [e.action for e in audit.history(s, "contact", p["keep"])][-2:] == [
            "update", "merge"
        ]  # fmt: skip
        assert [e.action for e in audit.history(s, "contact", p["other"])][-2:] == [
            "merged_into", "delete",
        ]  # fmt: skip
        assert p["other"] not in {h.record_id for h in search.search(s, "eric", kinds=["contact"])}

    with db.write() as s:
        contacts.service.restore(s, actor, p["other"])
    with db.read() as s:
        assert _refs(s, p["keep"]) == before_keep
        assert _refs(s, p["other"]) == before_other
        keep = s.get(Contact, p["keep"])
        assert (keep.email, keep.phone, keep.title) == ("", "", "")
        assert s.get(Contact, p["other"]).deleted_at is None
        assert [e.action for e in audit.history(s, "contact", p["other"])][-2:] == [
            "restore", "unmerged",
        ]  # fmt: skip


def test_restoring_after_a_later_edit_keeps_that_edit(db, actor, pair):
    p = pair
    with db.write() as s:
        merge.merge(s, actor, contacts.service, p["keep"], p["other"])
        contacts.service.update(s, actor, p["keep"], {"title": "President"})
        followups.service.update(s, actor, p["follow"], {"contact_id": None})
        contacts.service.restore(s, actor, p["other"])
    with db.read() as s:
        keep = s.get(Contact, p["keep"])
        assert keep.title == "President"  # changed since the merge: stays
        assert keep.email == ""  # unchanged since: goes back
        assert s.get(FollowUp, p["follow"]).contact_id is None
        assert s.get(Introduction, p["intro"]).qc_contact_id == p["other"]


def test_merge_with_chosen_values_and_undo(db, actor, pair):
    p = pair
    with db.write() as s:
        merged = merge.merge(
            s, actor, contacts.service, p["keep"], p["other"], {"first_name": "Eric", "title": ""}
        )
    with db.read() as s:
        keep = s.get(Contact, p["keep"])
        assert (keep.first_name, keep.title) == ("Eric", "")
    with db.write() as s:
        merge.undo(s, actor, merged)
    with db.read() as s:
        assert s.get(Contact, p["keep"]).first_name == "Éric"
        assert s.get(Introduction, p["intro"]).qc_contact_id == p["other"]


def test_undo_is_refused_when_the_kept_record_changed_since(db, actor, pair):
    with db.write() as s:
        merged = merge.merge(s, actor, contacts.service, pair["keep"], pair["other"])
        contacts.service.update(s, actor, pair["keep"], {"title": "President"})
    with pytest.raises(StaleRecord), db.write() as s:
        merge.undo(s, actor, merged)
    with db.read() as s:
        assert s.get(Contact, pair["other"]).deleted_at is not None


def test_merge_organizations_moves_their_contacts(db, actor):
    with db.write() as s:
        keep = _org(s, actor, "BioCell inc.", region="QC")
        other = _org(s, actor, "Biocell", region="QC", website="biocell.ca", tags="CRO")
        person = _contact(s, actor, "Zoé", "Abbott", organization_id=other)
        merge.merge(s, actor, organizations.service, keep, other)
    with db.read() as s:
        assert s.get(Contact, person).organization_id == keep
        assert tags.tags_of(s, "organization", keep) == ["CRO"]
        hits = search.search(s, "abbott", kinds=["contact"])
        assert "BioCell inc." in hits[0].subtitle
    with db.write() as s:
        organizations.service.restore(s, actor, other)
    with db.read() as s:
        assert s.get(Contact, person).organization_id == other
        assert tags.tags_of(s, "organization", keep) == []


@pytest.mark.parametrize("case", ["same", "deleted"])
def test_merge_refusals_write_nothing(db, actor, pair, case):
    p = pair
    if case == "deleted":
        with db.write() as s:
            contacts.service.delete(s, actor, p["other"])
    other = p["keep"] if case == "same" else p["other"]
    with pytest.raises(DeskError) as caught, db.write() as s:
        merge.merge(s, actor, contacts.service, p["keep"], other)
    assert caught.value.code == f"merge.{case}"
    assert "Éric Côté" in str(caught.value) or "Eric Cote" in str(caught.value)
    with db.read() as s:
        assert s.get(Introduction, p["intro"]).qc_contact_id == p["other"]


def test_an_answer_on_the_other_record_beats_a_consent_never_asked(db, actor):
    with db.write() as s:
        keep = _contact(s, actor, "Ann", "Lee", email="ann@x.org")
        other = _contact(
            s, actor, "Ann", "Lee", share_with_partners="yes", consent_date="2026-02-01",
            consent_source="BIO form",
        )  # fmt: skip
        merge.merge(s, actor, contacts.service, keep, other)
    with db.read() as s:
        kept = s.get(Contact, keep)
        assert (kept.share_with_partners, kept.consent_date, kept.consent_source) == (
            "yes", date(2026, 2, 1), "BIO form",
        )  # fmt: skip
