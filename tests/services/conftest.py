"""Fixtures shared by the service tests of the introduction workflow (stages, board,
meetings): parties on both sides of the border, and a quick way to make an introduction."""

from __future__ import annotations

import pytest

from crm.services import contacts, introductions, organizations


@pytest.fixture
def sides(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        ma2 = organizations.service.create(s, actor, {"name": "Cambridge Bio", "region": "MA"}).id
        eric = contacts.service.create(
            s,
            actor,
            {"first_name": "Éric", "last_name": "Côté", "organization_id": qc, "language": "fr"},
        ).id
        ava = contacts.service.create(
            s,
            actor,
            {"first_name": "Ava", "last_name": "Smith", "organization_id": ma, "language": "en"},
        ).id
    return {"qc": qc, "ma": ma, "ma2": ma2, "eric": eric, "ava": ava}


@pytest.fixture
def new_intro(db, actor):
    """Create an introduction with these values; its id."""

    def make(**values):
        with db.write() as s:
            return introductions.create(s, actor, values).id

    return make
