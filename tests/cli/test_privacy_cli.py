"""`crm privacy report` and `crm privacy forget`: exit statuses, what is asked, what is written."""

from __future__ import annotations

import io
import json

import sqlalchemy as sa

from crm.db.migrate import open_database
from crm.db.models import AuditEntry, Contact
from tests.cli.conftest import crm


def _contacts(dbfile):
    db = open_database(f"sqlite:///{dbfile}", migrate=False, create=False)
    try:
        with db.read() as s:
            return {c.email: c.uid for c in s.scalars(sa.select(Contact))}
    finally:
        db.close()


def test_unknown_person_is_exit_1_with_a_sentence(dbfile, capsys):
    assert crm(dbfile, "privacy", "forget", "nobody@nowhere.org", "--yes") == 1
    assert "No contact has the uid or email nobody@nowhere.org" in capsys.readouterr().err
    assert crm(dbfile, "privacy", "report", "nobody@nowhere.org", "--out", "x") == 1


def test_forget_without_yes_shows_and_refuses_without_a_terminal(dbfile, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal: no answer read
    assert crm(dbfile, "privacy", "forget", "eric@tmtl.ca") == 1
    out, error = capsys.readouterr()
    assert "Contact Éric Côté" in out and "confirm with --yes" in error
    assert "eric@tmtl.ca" in _contacts(dbfile)


def test_forget_asks_on_a_terminal(dbfile, capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert crm(dbfile, "privacy", "forget", "eric@tmtl.ca") == 1
    assert "eric@tmtl.ca" in _contacts(dbfile)
    monkeypatch.setattr("sys.stdin", Terminal("oui\n"))
    assert crm(dbfile, "privacy", "forget", "eric@tmtl.ca") == 0
    assert "eric@tmtl.ca" not in _contacts(dbfile)


def test_forget_with_yes_destroys_and_names_the_backups(dbfile, capsys):
    uid = _contacts(dbfile)["eric@tmtl.ca"]
    assert crm(dbfile, "backup") == 0
    capsys.readouterr()
    assert crm(dbfile, "privacy", "forget", uid, "--yes") == 0
    out = capsys.readouterr().out
    assert "Destroyed Éric Côté" in out and "1 backup(s)" in out and "backups" in out
    assert "eric@tmtl.ca" not in _contacts(dbfile)
    assert b"eric@tmtl.ca" not in dbfile.read_bytes()
    db = open_database(f"sqlite:///{dbfile}", migrate=False, create=False)
    try:
        with db.read() as s:
            actions = s.scalars(sa.select(AuditEntry.action).where(AuditEntry.record_uid == uid))
            assert list(actions) == ["create", "forget"]
    finally:
        db.close()
    # Its history still says who created and destroyed it, and which fields it had.
    assert crm(dbfile, "history", uid) == 0
    history = capsys.readouterr().out
    assert "forget contact" in history and "email: (value destroyed)" in history
    assert "Côté" not in history


def test_report_writes_the_files(dbfile, tmp_path, capsys):
    out = tmp_path / "request"
    assert crm(dbfile, "privacy", "report", "ERIC@tmtl.ca", "--out", str(out)) == 0
    assert "Wrote what the desk holds on Éric Côté" in capsys.readouterr().out
    data = json.loads((out / "person.json").read_text(encoding="utf-8"))
    assert data["person"]["email"] == "eric@tmtl.ca"
    assert data["organization"]["name"] == "Thérapeutiques Montréal"
    assert (out / "person.html").exists() and (out / "consents.csv").exists()
