"""Follow-ups in the global search: kept in step with their records, rebuilt, checked."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from crm.cli import main
from crm.db import search
from crm.db.models import SearchEntry
from crm.services import (
    events,
    followups,
    indexing,
    introductions,
    organizations,
)
from crm.services.maintenance import health


def _found(db, text: str) -> dict[int, search.SearchHit]:
    with db.read() as session:
        return {h.record_id: h for h in search.search(session, text, kinds=["followup"])}


def _entries(db) -> set[tuple[str, int, str, str]]:
    with db.read() as session:
        query = sa.select(
            SearchEntry.kind, SearchEntry.record_id, SearchEntry.title_folded,
            SearchEntry.body_folded,
        )  # fmt: skip
        return {tuple(row) for row in session.execute(query)}


def test_followups_are_indexed_and_kept_in_step(db, actor):
    with db.write() as session:
        org = organizations.service.create(session, actor, {"name": "Thérapeutiques Lévis"})
        task = followups.service.create(session, actor, {
            "title": "Relancer la délégation québécoise", "due_date": date(2026, 3, 2),
            "notes": "Apporter la brochure", "organization_id": org.id})  # fmt: skip
    hits = _found(db, "QUEBECOISE")
    assert list(hits) == [task.id]
    assert hits[task.id].title == "Relancer la délégation québécoise"
    assert hits[task.id].subtitle == "open · 2026-03-02 · Thérapeutiques Lévis"
    assert list(_found(db, "brochure")) == [task.id]  # its notes
    assert list(_found(db, "levis relancer")) == [task.id]  # the record it serves

    with db.write() as session:
        followups.service.update(session, actor, task.id, {"title": "Écrire à Boston"})
        organizations.service.update(session, actor, org.id, {"name": "Cœur Lévis"})
    assert _found(db, "quebecoise") == {}
    assert list(_found(db, "ecrire coeur")) == [task.id]
    with db.write() as session:
        followups.complete(session, actor, task.id)
    assert _found(db, "ecrire")[task.id].subtitle.startswith("done · ")

    with db.write() as session:
        followups.service.delete(session, actor, task.id)
    assert _found(db, "ecrire") == {}
    with db.write() as session:
        followups.service.restore(session, actor, task.id)
    assert list(_found(db, "ecrire")) == [task.id]
    with db.write() as session:
        followups.service.delete(session, actor, task.id)
        followups.service.purge(session, actor, task.id)
    assert _found(db, "ecrire") == {}


def test_a_followup_names_the_introduction_or_event_it_serves(db, actor):
    with db.write() as session:
        qc = organizations.service.create(session, actor, {"name": "Biotech Lévis", "region": "QC"})
        ma = organizations.service.create(session, actor, {"name": "Cambridge CRO", "region": "MA"})
        intro = introductions.create(session, actor, {
            "qc_organization_id": qc.id, "ma_organization_id": ma.id})  # fmt: skip
        event = events.service.create(session, actor, {"name": "Mission Boston"})
        on_intro = followups.service.create(session, actor, {
            "title": "Appeler", "due_date": date(2026, 3, 2), "introduction_id": intro.id})  # fmt: skip
        on_event = followups.service.create(session, actor, {
            "title": "Réserver", "due_date": date(2026, 3, 2), "event_id": event.id})  # fmt: skip
    assert _found(db, "appeler")[on_intro.id].subtitle.endswith("Biotech Lévis ↔ Cambridge CRO")
    assert list(_found(db, "mission reserver")) == [on_event.id]
    with db.write() as session:
        introductions.service.update(session, actor, intro.id, {"title": "Essai clinique"})
        events.service.update(session, actor, event.id, {"name": "Délégation BIO"})
    assert list(_found(db, "essai appeler")) == [on_intro.id]
    assert list(_found(db, "delegation reserver")) == [on_event.id]
    assert _found(db, "mission") == {}


def test_rebuild_and_repair_include_followups(db, actor):
    with db.write() as session:
        org = organizations.service.create(session, actor, {"name": "Cœur Bio"})
        for n in range(3):
            followups.service.create(session, actor, {
                "title": f"Suivi québécois {n}", "due_date": date(2026, 1, n + 1),
                "organization_id": org.id if n else None})  # fmt: skip
        gone = followups.service.create(session, actor, {
            "title": "Suivi annulé", "due_date": date(2026, 1, 9)})  # fmt: skip
        followups.service.delete(session, actor, gone.id)
    kept_in_step = _entries(db)
    assert sum(1 for e in kept_in_step if e[0] == "followup") == 3
    with db.write() as session:
        assert indexing.rebuild(session) == 4  # the organization and three follow-ups
    assert _entries(db) == kept_in_step  # the bulk builder writes the very same rows

    with db.write() as session:
        session.execute(sa.delete(SearchEntry).where(SearchEntry.kind == "followup"))
    problems = health.check(db)
    assert any("followup" in p for p in problems), problems
    health.repair_search(db)
    assert health.check(db) == []
    assert len(_found(db, "quebecois")) == 3


def test_crm_search_finds_a_followup(tmp_path, capsys):
    from crm.db.migrate import open_database

    path = tmp_path / "desk.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        followups.service.create(session, None, {
            "title": "Relancer Montréal", "due_date": date(2026, 5, 4)})  # fmt: skip
    db.close()
    assert main(["--db", str(path), "search", "relancer", "montreal", "--json"]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out[out.index("[") :])
    assert [(r["kind"], r["title"]) for r in rows] == [("followup", "Relancer Montréal")]
