"""The scaled demo pinned: a seed gives the very same rows in every table, release after release.

The benchmarks compare timings across versions on `crm demo --scale N`; they only mean
something if the rows are the same. The clock is stopped for the load (its dates count from
"now" and "today", and a date drawn as "now minus so many minutes" depends on the time of
day); uids are random by design and left out.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

import crm.db.tables
from crm.db.base import Base
from crm.db.migrate import open_database
from crm.services import demo_scale, users

# sha256 of the rows of every table the load fills after `load_scale(300, seed=0)` on SQLite,
# at NOW. Tables it leaves empty are left out: a new table (saved views...) is not new data.
# (0003 gave staff users a role: the staff rows hash with it.)
PINNED = "64018b33c912ce15be5c6077466d4ae6cb1e8350399fe3e129c05522d0bc02b6"
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


class _StoppedClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return NOW


class _Today(date):
    @classmethod
    def today(cls) -> _Today:
        return cls(NOW.year, NOW.month, NOW.day)


def fingerprint(path: Path, n: int, seed: int) -> str:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.write() as session:
            actor = users.service.create(session, None, {"name": "agirard"}).id
            demo_scale.load_scale(session, actor, n, seed=seed)
        digest = hashlib.sha256()
        with db.read() as session:
            for table in Base.metadata.sorted_tables:
                columns = [c for c in table.c if c.name not in ("uid", "record_uid")]
                order = [c for c in table.primary_key.columns] or columns
                rows = session.execute(sa.select(*columns).order_by(*order)).all()
                if not rows:
                    continue
                digest.update(f"[{table.name}]".encode())
                for row in rows:
                    digest.update("|".join(map(repr, row)).encode())
                    digest.update(b"\n")
        return digest.hexdigest()
    finally:
        db.close()


def test_the_same_seed_gives_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crm.db.tables, "datetime", _StoppedClock)
    monkeypatch.setattr(demo_scale, "date", _Today)
    first = fingerprint(tmp_path / "a.db", 300, 0)
    assert first == fingerprint(tmp_path / "b.db", 300, 0)
    assert first != fingerprint(tmp_path / "c.db", 300, 1)
    assert first == PINNED
