"""`crm duplicates` and `crm merge` as a person types them: the pairs and their reasons, a
merge with its confirmation, and the refusals (exit 1, a sentence, nothing merged)."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from crm.db.migrate import open_database
from crm.db.models import Contact, Organization
from crm.services import contacts, organizations, staff
from tests.cli.conftest import crm


@pytest.fixture
def desk(dbfile):
    """The CLI desk plus a second Éric Côté (same email) and a second Cambridge Labs."""
    db = open_database(f"sqlite:///{dbfile}")
    with db.write() as s:
        actor = staff.named(s, "mtremblay").id
        contacts.service.create(
            s, actor, {"first_name": "Eric", "last_name": "Cote", "email": "ERIC@tmtl.ca",
                       "title": "CEO"}, allow_duplicate=True,
        )  # fmt: skip
        organizations.service.create(
            s, actor, {"name": "Cambridge Labs LLC", "region": "MA"}, allow_duplicate=True
        )
    db.close()
    return dbfile


def _uids(dbfile, model, column, *values):
    db = open_database(f"sqlite:///{dbfile}", migrate=False, create=False)
    try:
        with db.read() as s:
            found = dict(s.execute(sa.select(column, model.uid).where(column.in_(values))).all())
    finally:
        db.close()
    return [found[v] for v in values]


def test_duplicates_lists_pairs_with_reasons(desk, capsys):
    assert crm(desk, "duplicates", "contacts", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["first"]["name"], r["second"]["name"], r["reasons"]) for r in rows] == [
        ("Éric Côté", "Eric Cote", ["email"])
    ]
    assert crm(desk, "duplicates", "organizations") == 0
    out = capsys.readouterr().out
    assert "Cambridge Labs" in out and "similar name" in out


def test_merge_asks_then_merges(desk, capsys, monkeypatch):
    keep, other = _uids(desk, Contact, Contact.last_name, "Côté", "Cote")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert crm(desk, "merge", "contacts", keep, other) == 1
    captured = capsys.readouterr()
    assert "title: (empty) → CEO" in captured.out
    assert "nothing was merged" in captured.err
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert crm(desk, "merge", "contacts", keep, other) == 0
    assert "is in the trash (restoring it undoes the merge)" in capsys.readouterr().out
    assert crm(desk, "history", keep) == 0
    out = capsys.readouterr().out
    assert "merge contact" in out and "merged_from: Eric Cote" in out and "_undo" not in out
    assert crm(desk, "duplicates", "contacts", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_merge_refusals_exit_1_with_a_sentence(desk, capsys):
    keep, other = _uids(desk, Contact, Contact.last_name, "Côté", "Cote")
    (org,) = _uids(desk, Organization, Organization.name, "Cambridge Labs")
    assert crm(desk, "merge", "contacts", keep, keep, "--yes") == 1
    assert "cannot be merged with itself" in capsys.readouterr().err
    assert crm(desk, "merge", "contacts", keep, org, "--yes") == 1
    assert "“Éric Côté” (contact) and “Cambridge Labs” (organization) cannot be merged" in (
        capsys.readouterr().err
    )
    assert crm(desk, "merge", "organizations", keep, other, "--yes") == 1
    assert "“Éric Côté” and “Eric Cote” are not organizations (they are contacts)" in (
        capsys.readouterr().err
    )
    assert crm(desk, "merge", "contacts", keep, "no-such-uid", "--yes") == 1
    assert "There is no record with the uid no-such-uid" in capsys.readouterr().err
    assert crm(desk, "merge", "contacts", keep, other, "--yes") == 0
    capsys.readouterr()
    assert crm(desk, "merge", "contacts", keep, other, "--yes") == 1
    assert "is in the trash: restore it before merging it" in capsys.readouterr().err
