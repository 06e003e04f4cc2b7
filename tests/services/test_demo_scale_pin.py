"""The scaled demo pinned: a seed gives the very same rows in every table, release after release.

The benchmarks compare timings across versions on `crm demo --scale N`; they only mean
something if the rows are the same. Uids are random by design and the dates count from the
moment of the load, so the fingerprint leaves uids out and writes each time as its distance
from the load's own "now" in whole minutes (the load moves times by whole minutes and days;
the staff user made before it and the audit entry written after it fall within the minute),
and each date as days from today.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crm.db.base import Base
from crm.db.migrate import open_database
from crm.db.models import Organization
from crm.services import demo_scale, users

# sha256 of the rows of every table after `load_scale(300, seed=0)` on SQLite.
PINNED = "a4560585198de142c18ce1bd3f8b7644a29059f6c7c603546d8f70b5a60c5a07"


def _value(value: Any, now: datetime, today: date) -> str:
    if isinstance(value, datetime):
        return f"t{round((value - now).total_seconds() / 60):+d}"
    if isinstance(value, date):
        return f"d{(value - today).days:+d}"
    return repr(value)


def fingerprint(path: Path, n: int, seed: int) -> str:
    db = open_database(f"sqlite:///{path}")
    try:
        today = date.today()
        with db.write() as session:
            actor = users.service.create(session, None, {"name": "agirard"}).id
            demo_scale.load_scale(session, actor, n, seed=seed)
        digest = hashlib.sha256()
        with db.read() as session:
            # Every organization is written at the load's "now".
            now = session.scalar(sa.select(sa.func.max(Organization.created_at)))
            assert now is not None
            for table in Base.metadata.sorted_tables:
                columns = [c for c in table.c if c.name not in ("uid", "record_uid")]
                order = [c for c in table.primary_key.columns] or columns
                digest.update(f"[{table.name}]".encode())
                for row in session.execute(sa.select(*columns).order_by(*order)):
                    digest.update("|".join(_value(v, now, today) for v in row).encode())
                    digest.update(b"\n")
        return digest.hexdigest()
    finally:
        db.close()


def test_the_same_seed_gives_the_same_database(tmp_path: Path) -> None:
    first = fingerprint(tmp_path / "a.db", 300, 0)
    assert first == fingerprint(tmp_path / "b.db", 300, 0)
    assert first != fingerprint(tmp_path / "c.db", 300, 1)
    assert first == PINNED
