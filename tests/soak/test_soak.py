"""The soak machinery kept working: two writers for a few seconds on SQLite (`make soak` is
the real run), and its checker catches a change lost behind the writers' backs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.soak.run import recheck, soak

pytestmark = pytest.mark.slow


def test_two_writers_for_a_few_seconds_lose_nothing_and_a_lost_change_is_caught(tmp_path: Path):
    report = soak("sqlite", tmp_path, writers=2, seconds=3, seed=7)
    assert report.ok, "\n".join(report.lines())
    assert report.done["edit"] > 0 and report.lost == []
    assert "  lost: 0" in report.lines()

    # An edit committed and journaled, then undone without the version moving: a lost update.
    journal = (tmp_path / "writer0.jsonl").read_text(encoding="utf-8")
    assert '"op": "edit"' in journal
    with sqlite3.connect(tmp_path / "soak.db") as conn:
        conn.execute("UPDATE contacts SET title = 'overwritten', notes = 'overwritten'")
    again = recheck(tmp_path, f"sqlite:///{tmp_path / 'soak.db'}")
    assert not again.ok
    assert any("the last committed was" in line for line in again.lost)
