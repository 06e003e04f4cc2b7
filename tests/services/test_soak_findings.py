"""The search index kept in step with what was written, found out of step by the soak test
(`make soak`), on SQLite and PostgreSQL.

A contact renamed re-indexes the introductions that show the name; a colleague moving one
of those introductions at the same moment re-indexes it too. On PostgreSQL the move failed
with a unique-key violation on `search_entries` (a traceback, the move lost), and an entry
could keep the words read before the other transaction committed: the second writer must
wait, then index what both committed. And a follow-up shows its introduction's parties:
renaming an organization must re-index those follow-ups too.
"""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa

from crm.db.models import FollowUp, Introduction, SearchEntry
from crm.services import contacts, indexing, introductions, organizations, stages


def _waiting_for_a_lock(db) -> bool:
    """Whether a session of this database waits for a lock (PostgreSQL only)."""
    if db.dialect != "postgresql":
        return False
    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        )


def _entries(session) -> dict[tuple[str, int], tuple[str, str, str, str]]:
    columns = (SearchEntry.title, SearchEntry.subtitle, SearchEntry.title_folded,
               SearchEntry.body_folded)  # fmt: skip
    rows = session.execute(sa.select(SearchEntry.kind, SearchEntry.record_id, *columns)).all()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def test_a_rename_and_a_move_of_the_same_introduction_at_once_keep_both(demo_db):
    db, actor = demo_db.db, demo_db.actor
    with db.read() as s:
        intro = (
            s.scalars(
                sa.select(Introduction)
                .where(Introduction.qc_contact_id.is_not(None), Introduction.title == "")
                .order_by(Introduction.id)
            ).first()
            or s.scalars(
                sa.select(Introduction).where(Introduction.qc_contact_id.is_not(None))
            ).first()
        )
        assert intro is not None
        intro_id, contact_id, stage = intro.id, intro.qc_contact_id, intro.stage.value
    to = "asked" if stage != "asked" else "both_agreed"
    errors: list[BaseException] = []

    def move() -> None:
        try:
            with db.write() as s:
                stages.move(s, actor, intro_id, to, accepted_warnings=stages.WARNING_CODES)
        except BaseException as exc:
            errors.append(exc)

    mover = threading.Thread(target=move)
    with db.write() as s:
        contacts.service.update(s, actor, contact_id, {"last_name": "Zyxwabcd"})
        mover.start()
        # Let the move reach the entry this transaction holds (PostgreSQL: seen waiting;
        # SQLite's second writer waits in BEGIN IMMEDIATE, unseen, within its busy timeout).
        give_up = time.monotonic() + (30 if db.dialect == "postgresql" else 0.3)
        while not _waiting_for_a_lock(db) and time.monotonic() < give_up:
            time.sleep(0.02)
    mover.join(60)
    assert errors == []
    with db.read() as s:
        stored = _entries(s)
    entry = stored[("introduction", intro_id)]
    assert "zyxwabcd" in entry[3] and entry[1].startswith(to)
    assert stored == _rebuilt(db)


def _rebuilt(db) -> dict[tuple[str, int], tuple[str, str, str, str]]:
    session = db.write_factory()
    try:
        session.begin()
        indexing.rebuild(session)
        return _entries(session)
    finally:
        session.rollback()
        session.close()


def test_renaming_an_organization_reindexes_the_followups_of_its_introductions(demo_db):
    """A follow-up shows its introduction's parties (found by the soak test: after a rename,
    the follow-ups of an untitled introduction still showed the old name)."""
    db, actor = demo_db.db, demo_db.actor
    with db.read() as s:
        followup_id, org_id = s.execute(
            sa.select(FollowUp.id, Introduction.qc_organization_id)
            .join(Introduction, FollowUp.introduction_id == Introduction.id)
            .where(Introduction.title == "", Introduction.qc_organization_id.is_not(None))
            .order_by(FollowUp.id)
        ).first()
    with db.write() as s:
        organizations.service.update(s, actor, org_id, {"name": "Qwertzuiop Biotech"})
    with db.read() as s:
        stored = _entries(s)
    assert "qwertzuiop" in stored[("followup", followup_id)][3]
    assert stored == _rebuilt(db)


def test_a_move_without_a_version_beside_a_colleagues_same_move_is_told_truly(demo_db, monkeypatch):
    """`crm move` (no version: "move it now") while a colleague makes the same move: it
    reported "moved from proposed to asked" though the colleague's commit had made its own
    move a no-op (PostgreSQL). Either it waits and finds nothing to do, or it moves first."""
    db, actor = demo_db.db, demo_db.actor
    with db.write() as s:
        intro_id = s.scalars(
            sa.select(Introduction.id)
            .where(Introduction.deleted_at.is_(None))
            .order_by(Introduction.id)
        ).first()
        stages.move(s, actor, intro_id, "proposed", accepted_warnings=stages.WARNING_CODES)
        history_before = len(introductions.history(s, intro_id))
    reports: list[stages.Moved] = []
    errors: list[BaseException] = []

    def colleague() -> None:
        try:
            with db.write() as s:
                reports.append(stages.move_with_followups(
                    s, actor, intro_id, "asked", accepted_warnings=stages.WARNING_CODES
                ))  # fmt: skip
        except BaseException as exc:
            errors.append(exc)

    other = threading.Thread(target=colleague)
    check_move = stages.check_move

    def colleague_moves_meanwhile(*args, **kwargs):
        if not other.is_alive() and other.ident is None:
            other.start()
            give_up = time.monotonic() + (30 if db.dialect == "postgresql" else 0.3)
            while other.is_alive() and not _waiting_for_a_lock(db):
                if time.monotonic() > give_up:
                    break
                time.sleep(0.02)
        return check_move(*args, **kwargs)

    monkeypatch.setattr(stages, "check_move", colleague_moves_meanwhile)
    with db.write() as s:
        reports.append(stages.move_with_followups(
            s, actor, intro_id, "asked", accepted_warnings=stages.WARNING_CODES
        ))  # fmt: skip
    other.join(60)
    assert errors == []
    with db.read() as s:
        added = introductions.history(s, intro_id)[history_before:]
    claimed = [m for m in reports if m.before.stage != m.to_stage]
    assert [(str(c.from_stage), str(c.to_stage)) for c in added] == [("proposed", "asked")]
    assert len(claimed) == 1
