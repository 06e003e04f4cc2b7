"""One-to-one meetings at events become introductions; the delegation roster by side."""

from __future__ import annotations

from crm.domain.enums import Consent, IntroductionStage
from crm.services import events, introductions, meetings, roster


def test_meeting_at_event_becomes_an_introduction_and_roster_by_side(db, actor, sides):
    with db.write() as s:
        event = events.service.create(
            s, actor, {"name": "BIO 2025", "kind": "conference", "territory": "MA"}
        ).id
        events.participants.create(
            s,
            actor,
            {"event_id": event, "contact_id": sides["eric"], "role": "speaker", "attended": True},
        )
        events.participants.create(
            s, actor, {"event_id": event, "contact_id": sides["ava"], "role": "buyer"}
        )
        intro = meetings.introduction_from_meeting(s, actor, event, sides["eric"], sides["ava"]).id
    with db.read() as s:
        row = introductions.service.get(s, intro)
        assert (row.event_id, row.stage, row.qc_organization_id, row.ma_organization_id) == (
            event,
            IntroductionStage.MEETING_HELD,
            sides["qc"],
            sides["ma"],
        )
        assert row.qc_consent is Consent.YES and row.ma_consent is Consent.YES
        assert [r.side for r in roster.roster(s, event)] == ["QC", "MA"]
        text = roster.roster_text(s, event)
    assert text.splitlines()[:5] == [
        "BIO 2025",
        "",
        "Québec (1)",
        "  ✓ Éric Côté — Thérapies Laval, speaker",
        "",
    ]
    assert "Massachusetts (1)" in text and "Ava Smith — Boston Cell, buyer" in text
