"""Search when a short prefix matches more rows than SQLite ranks at once (`RANK_WINDOW`).

The window is made tiny here so that a handful of records take the windowed path: title
matches still come first, nothing repeats, the limit is filled and the kinds are kept.
On PostgreSQL the same assertions hold (its query ranks everything).
"""

from __future__ import annotations

import pytest

from crm.db import search
from crm.services import contacts, organizations


@pytest.fixture
def tiny_window(monkeypatch):
    monkeypatch.setattr(search, "RANK_WINDOW", 3)


def _hits(db, text, **kwargs):
    with db.read() as session:
        return search.search(session, text, **kwargs)


def test_title_matches_first_when_many_match(db, actor, tiny_window):
    with db.write() as session:
        for i in range(4):  # body-only matches first, so they hold the lowest row ids
            organizations.service.create(session, actor, {"name": f"Alpha {i}", "notes": "genome"})
        for i in range(6):
            organizations.service.create(session, actor, {"name": f"Genome {i}"})
    hits = _hits(db, "gen", limit=3)
    assert len(hits) == 3
    assert all(h.title.startswith("Genome") for h in hits)
    assert len({h.record_id for h in hits}) == 3


def test_body_matches_fill_when_few_titles_match(db, actor, tiny_window):
    with db.write() as session:
        titles = {
            organizations.service.create(session, actor, {"name": name}).id
            for name in ("Zénith Bio", "Zénith Labs")
        }
        for i in range(8):
            organizations.service.create(session, actor, {"name": f"Org {i}", "notes": "zenith"})
    hits = _hits(db, "zen", limit=4)
    assert len(hits) == 4
    assert {h.record_id for h in hits[:2]} == titles
    assert len({h.record_id for h in hits}) == 4


def test_kinds_kept_when_many_match(db, actor, tiny_window):
    with db.write() as session:
        for i in range(6):
            organizations.service.create(session, actor, {"name": f"Genome {i}"})
        people = {
            contacts.service.create(
                session, actor, {"first_name": "Gene", "last_name": f"Smith {i}"}
            ).id
            for i in range(5)
        }
    hits = _hits(db, "gen", limit=2, kinds=["contact"])
    assert [h.kind for h in hits] == ["contact", "contact"]
    assert {h.record_id for h in hits} <= people
