"""The demo data set, the synthetic load at scale and the bulk search index, on both databases."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy as sa

from crm.db import search
from crm.db.database import Database
from crm.db.migrate import open_database
from crm.db.models import (
    AuditEntry,
    Contact,
    Event,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
    SearchEntry,
    StaffUser,
    StageChange,
)
from crm.domain import validation as v
from crm.domain.enums import (
    Consent,
    EventKind,
    FollowUpStatus,
    IntroductionStage,
    Membership,
    OrganizationKind,
    Territory,
)
from crm.domain.errors import DeskError
from crm.domain.text import fold
from crm.services import (
    contacts,
    demo,
    demo_scale,
    followups,
    indexing,
    introductions,
    organizations,
    users,
)

if TYPE_CHECKING:
    from tests.conftest import Loaded


def entries(session: Any) -> set[tuple[Any, ...]]:
    table = SearchEntry.__table__
    query = sa.select(
        table.c.kind, table.c.record_id, table.c.title, table.c.subtitle,
        table.c.title_folded, table.c.body_folded,
    )  # fmt: skip
    return {tuple(row) for row in session.execute(query)}


def count(session: Any, model: Any) -> int:
    return int(session.scalar(sa.select(sa.func.count()).select_from(model)))


def titles(session: Any, text: str, **options: Any) -> list[str]:
    return [hit.title for hit in search.search(session, text, limit=500, **options)]


# --------------------------------------------------------------------------------- demo


def test_demo_loads_the_cooperation(db: Database, actor: int) -> None:
    with db.write() as session:
        summary = demo.load_demo(session, actor)
    assert summary.organizations == len(demo.demo_set().organizations) >= 30
    assert summary.contacts == len(demo.demo_set().contacts) >= 30
    assert summary.introductions == len(demo.demo_set().introductions) >= 15
    assert summary.followups == len(demo.demo_set().followups) >= 20
    assert summary.participants == len(demo.demo_set().participants)
    assert summary.events == 5
    assert summary.interactions == len(demo.demo_set().interactions)
    # The actor fixture already is "mtremblay": the demo reuses that staff user.
    assert summary.staff_users == 2

    today = date.today()
    with db.read() as session:
        orgs = {o.name: o for o in session.scalars(sa.select(Organization))}
        assert len(orgs) == summary.organizations
        bq, mb = orgs["BIOQuébec"], orgs["MassBio"]
        assert (bq.territory, bq.kind, bq.membership) == (
            Territory.QC, OrganizationKind.ASSOCIATION, Membership.BIOQUEBEC,
        )  # fmt: skip
        assert (mb.territory, mb.city, mb.postal_code) == (Territory.MA, "Cambridge", "02139")
        delegation = orgs["Délégation du Québec à Boston"]
        assert delegation.kind == OrganizationKind.GOVERNMENT
        assert delegation.territory == Territory.MA
        assert orgs["Laboratoires Cœur-Vaillant"].name_folded == "laboratoires coeur vaillant"
        assert orgs["Worcester Biomanufacturing"].postal_code == "01605"
        assert orgs["Thérapeutiques Saint-Laurent"].postal_code == "H3A 1H6"  # normalized
        assert orgs["Thérapeutiques Saint-Laurent"].phone == "+1 514-555-0110"
        quebec_cities = {o.city for o in orgs.values() if o.territory == Territory.QC}
        assert {"Montréal", "Québec", "Laval", "Sherbrooke", "Saint-Jérôme"} <= quebec_cities
        assert len([o for o in orgs.values() if o.membership == Membership.MASSBIO]) >= 12

        people = {c.full_name: c for c in session.scalars(sa.select(Contact))}
        assert people["Anie Perrault"].organization_id == bq.id
        assert people["Robert K. Coughlin"].organization_id == mb.id
        assert people["Zoë O'Brien"].language == "en"
        assert people["Élise Gagnon"].language == "fr"
        assert sum(c.do_not_contact for c in people.values()) >= 2
        assert {c.share_with_partners for c in people.values()} == set(Consent)

        happenings = {e.kind: e for e in session.scalars(sa.select(Event))}
        mission = happenings[EventKind.MISSION]
        assert (mission.starts_on, mission.city, mission.territory) == (
            date(2016, 3, 14), "Boston", Territory.MA,
        )  # fmt: skip
        visit = happenings[EventKind.DELEGATION]
        assert visit.starts_on.replace(day=1) == date(2016, 9, 1)
        assert visit.territory == Territory.QC
        signing = happenings[EventKind.CONFERENCE]
        assert signing.starts_on <= date(2017, 6, 21) <= signing.ends_on
        assert (signing.city, signing.territory) == ("San Diego", Territory.OTHER)
        joint = happenings[EventKind.JOINT_ACTIVITY]
        assert (joint.starts_on.year, joint.starts_on.month, joint.city) == (2018, 6, "Boston")
        assert EventKind.WEBINAR in happenings

        intros = list(session.scalars(sa.select(Introduction)))
        assert {i.stage for i in intros} == set(IntroductionStage)
        closed = [i for i in intros if i.stage == IntroductionStage.CLOSED]
        assert any(i.outcome.is_win for i in closed) and any(not i.outcome.is_win for i in closed)
        assert all(i.closed_at is not None for i in closed)
        for intro in intros:
            assert intro.qc_contact_id or intro.qc_organization_id
            assert intro.ma_contact_id or intro.ma_organization_id
            if intro.stage in (IntroductionStage.INTRODUCED, IntroductionStage.MEETING_HELD):
                assert (intro.qc_consent, intro.ma_consent) == (Consent.YES, Consent.YES)
            history = introductions.history(session, intro.id)
            assert history[0].from_stage is None and history[-1].to_stage == intro.stage
        assert count(session, StageChange) == summary.stage_changes

        tasks = list(session.scalars(sa.select(FollowUp)))
        open_tasks = [t for t in tasks if t.status == FollowUpStatus.OPEN]
        assert any(t.due_date < today for t in open_tasks)
        assert any(t.due_date == today for t in open_tasks)
        assert any(today < t.due_date <= today + timedelta(days=7) for t in open_tasks)
        assert any(t.due_date > today + timedelta(days=7) for t in open_tasks)
        assert any(t.status == FollowUpStatus.DONE and t.completed_at for t in tasks)
        assert followups.overdue_count(session, today) >= 3
        assert count(session, Interaction) == summary.interactions

        assert {u.name for u in session.scalars(sa.select(StaffUser))} == {
            "mtremblay", "jsullivan", "agirard",
        }  # fmt: skip

        found = titles(session, "montr")
        assert "BIOQuébec" in found and "Thérapeutiques Saint-Laurent" in found
        assert "Laboratoires Cœur-Vaillant" in titles(session, "COEUR")
        assert "Zoë O'Brien" in titles(session, "obrien")
        assert titles(session, "Délégation boston", kinds=["organization"]) == [
            "Délégation du Québec à Boston"
        ]


def test_demo_cannot_be_loaded_twice(demo_db: Loaded) -> None:
    db, actor = demo_db.db, demo_db.actor
    with pytest.raises(DeskError, match="already loaded"), db.write() as session:
        demo.load_demo(session, actor)
    with db.read() as session:
        assert organizations.service.count(session) == len(demo.demo_set().organizations)


def test_demo_goes_through_the_audit_trail(demo_db: Loaded) -> None:
    shown = demo.demo_set()
    with demo_db.db.read() as session:
        created = dict(
            session.execute(
                sa.select(AuditEntry.entity, sa.func.count())
                .where(AuditEntry.action == "create")
                .group_by(AuditEntry.entity)
            ).all()
        )
    assert created["organization"] == len(shown.organizations)
    assert created["contact"] == len(shown.contacts)
    assert created["introduction"] == len(shown.introductions)


# ------------------------------------------------------------------------------ indexing


def test_rebuild_gives_what_the_services_gave(demo_db: Loaded) -> None:
    db, actor = demo_db.db, demo_db.actor
    with db.write() as session:
        gone = contacts.service.find(session)[0]
        contacts.service.delete(session, actor, gone.id)
    with db.read() as session:
        before = entries(session)
    assert {kind for kind, *_ in before} == set(indexing.KINDS)
    with db.write() as session:
        written = indexing.rebuild(session)
    with db.read() as session:
        after = entries(session)
        assert ("contact", gone.id) not in {(k, r) for k, r, *_ in after}
        assert "BIOQuébec" in titles(session, "montreal")
        assert titles(session, "vaillant") == titles(session, "VAILLANT")
    assert written == len(before)
    assert after == before


def test_index_rows_refreshes_a_batch(demo_db: Loaded) -> None:
    db = demo_db.db
    with db.write() as session:
        ids = [c.id for c in contacts.service.find(session)][:5]
        session.execute(sa.delete(SearchEntry.__table__).where(SearchEntry.kind == "contact"))
        assert indexing.index_rows(session, "contact", ids) == 5
        assert indexing.index_rows(session, "contact", ids) == 5  # replaces, never doubles
    with db.read() as session:
        assert {r for k, r, *_ in entries(session) if k == "contact"} == set(ids)
        for person in contacts.service.find(session, limit=5):
            hits = search.search(session, person.full_name, kinds=["contact"])
            assert [h.record_id for h in hits] == [person.id]


# --------------------------------------------------------------------------------- scale


def test_scale_load_counts_audit_and_search(db: Database, actor: int) -> None:
    calls: list[tuple[int, int]] = []
    with db.write() as session:
        shown = demo.load_demo(session, actor)
        summary = demo_scale.load_scale(
            session, actor, 500, seed=3, progress=lambda done, total: calls.append((done, total))
        )
    assert (summary.contacts, summary.organizations, summary.introductions, summary.followups) == (
        500, 100, 250, 250,
    )  # fmt: skip
    assert summary.search_entries == 500 + 100 + 250 + 250
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with db.read() as session:
        assert contacts.service.count(session) == 500 + len(demo.demo_set().contacts)
        assert introductions.service.count(session) == 250 + len(demo.demo_set().introductions)
        assert count(session, SearchEntry) == (
            summary.search_entries + len(demo.demo_set().organizations) + len(demo.demo_set().contacts)
            + len(demo.demo_set().introductions) + len(demo.demo_set().events) + len(demo.demo_set().interactions)
            + len(demo.demo_set().followups)
        )  # fmt: skip
        stages = session.execute(
            sa.select(Introduction.stage, sa.func.count(StageChange.id))
            .join(StageChange, StageChange.introduction_id == Introduction.id)
            .group_by(Introduction.stage)
        ).all()
        assert {stage for stage, _ in stages} == set(IntroductionStage)
        # One history row per synthetic introduction, besides the demo's own moves.
        assert sum(count for _, count in stages) == shown.stage_changes + 250
        audit = session.scalars(sa.select(AuditEntry).where(AuditEntry.entity == "demo")).one()
        assert (audit.action, audit.user_id, audit.record_id) == ("create", actor, None)
        assert json.loads(audit.changes) == {
            "organizations": 100, "contacts": 500, "introductions": 250, "followups": 250,
            "seed": 3,
        }  # fmt: skip
        hits = search.search(session, "montr", limit=500, kinds=["contact"])
        in_montreal = sa.select(Contact.id).where(Contact.city == "Montréal")
        loaded = set(session.scalars(in_montreal))
        assert len(hits) == len(loaded) > 10
        assert {h.record_id for h in hits} == loaded
        assert search.search(session, "montr", kinds=["organization"])
        assert search.search(session, "↔", kinds=["introduction"]) == []
        assert search.search(session, "quebec", kinds=["introduction"])


def test_scale_rows_are_what_the_services_would_write(db: Database, actor: int) -> None:
    with db.write() as session:
        demo_scale.load_scale(session, actor, 300, seed=11)
    with db.write() as session:
        for org in organizations.service.find(session, limit=40):
            values = {name: getattr(org, name) for name in organizations.FIELDS}
            cleaned = organizations.clean(session, values)
            assert {k: getattr(org, k) for k in cleaned} == cleaned, org.name
            assert org.territory == v.territory_from_region(org.region, org.country)
            assert org.postal_code and org.website_domain
            assert (org.uid, org.version) == (org.uid, 1) and len(org.uid) == 36
        for person in contacts.service.find(session, limit=60):
            values = {name: getattr(person, name) for name in contacts.FIELDS}
            cleaned = contacts.clean(session, values)
            assert {k: getattr(person, k) for k in cleaned} == cleaned, person.email
            assert person.territory == v.territory_from_region(person.region, person.country)
        for intro in introductions.service.find(session, limit=40):
            values = {name: getattr(intro, name) for name in introductions.FIELDS}
            cleaned = introductions.clean(session, values)
            assert {k: getattr(intro, k) for k in cleaned} == cleaned
            assert (intro.closed_at is not None) == (intro.stage == IntroductionStage.CLOSED)
            assert (intro.outcome is not None) == (intro.stage == IntroductionStage.CLOSED)
        for task in followups.service.find(session, limit=40):
            values = {name: getattr(task, name) for name in followups.service.fields}
            cleaned = followups.clean(session, values)
            assert {k: getattr(task, k) for k in cleaned} == cleaned
        # And the services accept edits over them (versions, uniqueness, references hold).
        some = contacts.service.find(session, limit=3)
        for person in some:
            updated = contacts.service.update(session, actor, person.id, {"notes": "x"})
            assert (updated.notes, updated.version) == ("x", 2)
        intro = introductions.service.find(session, limit=1)[0]
        introductions.service.update(session, actor, intro.id, {"notes": "relancé"})
        task = followups.service.find(session, limit=1)[0]
        followups.service.update(session, actor, task.id, {"priority": "high"})
        org = organizations.service.find(session, limit=1)[0]
        organizations.service.update(session, actor, org.id, {"employees": 12})


def test_scale_load_twice_stays_unique(db: Database, actor: int) -> None:
    with db.write() as session:
        demo_scale.load_scale(session, actor, 60, seed=5)
    with db.write() as session:
        demo_scale.load_scale(session, actor, 60, seed=5)
    with db.read() as session:
        emails = list(session.scalars(sa.select(Contact.email_lower)))
        domains = list(session.scalars(sa.select(Organization.website_domain)))
        uids = list(session.scalars(sa.select(Contact.uid)))
    assert len(emails) == len(set(emails)) == 120
    assert len(domains) == len(set(domains)) == 24
    assert len(set(uids)) == 120


def _names(path: Path, seed: int) -> tuple[list[str], list[str], list[str]]:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.write() as session:
            actor = users.service.create(session, None, {"name": "agirard"}).id
            demo_scale.load_scale(session, actor, 200, seed=seed)
        with db.read() as session:
            people = list(session.scalars(sa.select(Contact.name_folded).order_by(Contact.id)))
            orgs = list(session.scalars(sa.select(Organization.name).order_by(Organization.id)))
            query = sa.select(Introduction.stage).order_by(Introduction.id)
            stages = [str(stage) for stage in session.scalars(query)]
        return people, orgs, stages
    finally:
        db.close()


def test_scale_load_is_deterministic(tmp_path: Path) -> None:
    first = _names(tmp_path / "a.db", seed=42)
    assert first == _names(tmp_path / "b.db", seed=42)
    assert first != _names(tmp_path / "c.db", seed=43)
    people, orgs, _ = first
    assert any(name != fold(name) for name in orgs)  # accents survive in names
    assert len(set(people)) > 50


def test_scale_load_refuses_nothing_to_do(db: Database, actor: int) -> None:
    with pytest.raises(ValueError), db.write() as session:
        demo_scale.load_scale(session, actor, 0)


def test_demo_dates_are_spread_like_real_work(demo_db: Loaded) -> None:
    """Created over the years (at their events, or within the last year), moved every few
    weeks, some stalled: the dashboard's months, the board's days in stage and the stalled
    queue all have something to show; the backdating writes no audit entry."""
    from crm.db.tables import utcnow
    from crm.services import board, dashboard

    db = demo_db.db
    now = utcnow()
    with db.read() as session:
        intros = list(session.scalars(sa.select(Introduction).order_by(Introduction.id)))
        events = {e.id: e for e in session.scalars(sa.select(Event))}
        months = {i.created_at.strftime("%Y-%m") for i in intros}
        assert len(months) >= 8
        assert min(i.created_at for i in intros).date() <= date(2016, 3, 31)
        for intro in intros:
            assert intro.created_at <= intro.stage_changed_at <= now
            assert intro.updated_at == intro.stage_changed_at
            event = events.get(intro.event_id) if intro.event_id else None
            if (
                event is not None
                and event.starts_on <= date.today()
                and intro.created_at.year < 2020
            ):
                assert 0 <= (intro.created_at.date() - event.starts_on).days <= 3
            if intro.stage == IntroductionStage.CLOSED:
                assert intro.closed_at == intro.stage_changed_at
            else:
                assert intro.closed_at is None
            times = [c.at for c in introductions.history(session, intro.id)]
            assert times == sorted(times) and len(set(times)) == len(times)
            assert times[0] == intro.created_at and times[-1] == intro.stage_changed_at
            for day in (intro.qc_consent_at, intro.ma_consent_at):
                if day is not None:
                    assert intro.created_at.date() <= day <= date.today()

        # The chart of the last twelve months: several months, both directions.
        monthly = dashboard.monthly(session, date.today())
        busy = [month for month, counts in monthly if sum(counts.values())]
        assert len(busy) >= 4
        totals = {way: sum(counts[way] for _, counts in monthly) for way in dashboard.DIRECTIONS}
        assert totals[dashboard.QC_MA] >= 2 and totals[dashboard.MA_QC] >= 2

        # Days in stage differ; a few introductions stalled for more than 30 days.
        waits = {
            (now - i.stage_changed_at).days for i in intros if i.stage != IntroductionStage.CLOSED
        }
        assert len(waits) >= 5 and min(waits) < 30
        stalled, cards = board.stalled(session, 30, now=now)
        assert 3 <= stalled <= 6 and all(c.days_in_stage(now) > 30 for c in cards)

        # Seeding dates is not a user's edit: one audit entry per introduction (its creation)
        # and one per move, none for the dates.
        audited = session.scalar(
            sa.select(sa.func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.entity == "introduction")
        )
        moves = session.scalar(sa.select(sa.func.count()).select_from(StageChange))
        assert audited == moves


def test_scale_introductions_are_created_over_a_year(db: Database, actor: int) -> None:
    from crm.db.tables import utcnow

    with db.write() as session:
        demo_scale.load_scale(session, actor, 400, seed=7)
    now = utcnow()
    with db.read() as session:
        rows = session.execute(
            sa.select(
                Introduction.created_at,
                Introduction.stage_changed_at,
                Introduction.updated_at,
                Introduction.qc_consent_at,
            )
        ).all()
    assert len({created.strftime("%Y-%m") for created, *_ in rows}) >= 8
    for created, changed, updated, consent in rows:
        assert created <= changed == updated <= now
        assert (now - created).days <= 366
        assert consent is None or consent >= created.date()
