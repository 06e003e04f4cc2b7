"""`crm history` and `crm exports`: the audit trail and the export log, read without writing."""

from __future__ import annotations

import json
import sqlite3

from tests.cli.conftest import crm


def _uid(path, name):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT uid FROM organizations WHERE name = ?", (name,)).fetchone()[0]


def test_history_of_a_record_by_uid(dbfile, capsys):
    uid = _uid(dbfile, "Cambridge Labs")
    assert crm(dbfile, "history", uid) == 0
    out = capsys.readouterr().out
    assert "mtremblay  create organization" in out
    assert "name: (empty) → Cambridge Labs" in out and "postal_code: (empty) → 02139" in out
    assert crm(dbfile, "history", uid, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["action"] == "create" and rows[0]["kind"] == "organization"


def test_history_of_an_unknown_uid_is_a_sentence_and_exit_1(dbfile, capsys):
    assert crm(dbfile, "history", "not-a-uid") == 1
    assert "there is no history for the uid 'not-a-uid'" in capsys.readouterr().err


def test_exports_lists_what_left_newest_first(dbfile, tmp_path, capsys):
    assert crm(dbfile, "exports") == 0
    assert "Nothing was exported" in capsys.readouterr().out
    out = tmp_path / "orgs.csv"
    assert crm(dbfile, "export", "organizations", "--out", str(out), "--recipient", "MassBio") == 0
    capsys.readouterr()
    assert crm(dbfile, "exports", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["entity"], row["recipient"], row["rows"]) == ("organizations", "MassBio", 2)
    assert row["file"] == str(out) and len(row["sha256"]) == 64
    assert row["options"]["lang"] == "en" and row["options"]["format"] == "csv"
    assert sorted(r["entity"] for r in row["records"]) == ["organization", "organization"]
    assert all(len(r["uid"]) == 36 for r in row["records"])


def test_exports_shows_the_options_and_the_records_of_each_file(dbfile, tmp_path, capsys):
    out = tmp_path / "c.csv"
    assert crm(dbfile, "export", "contacts", "--out", str(out), "--columns", "uid,first_name",
               "--include-without-consent", "--lang", "fr") == 0  # fmt: skip
    capsys.readouterr()
    assert crm(dbfile, "exports") == 0
    text = capsys.readouterr().out
    assert "including people without sharing consent" in text
    assert "columns uid, first_name; headers fr" in text and "2 records named" in text
    assert crm(dbfile, "exports", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    uids = {line.split(",")[0] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]}
    assert {r["uid"] for r in row["records"]} == uids and len(uids) == 2
    assert row["options"]["include_without_consent"] is True


def test_reading_the_logs_never_creates_a_database(tmp_path, capsys):
    from crm.cli import main

    missing = tmp_path / "typo.db"
    assert main(["--db", str(missing), "exports"]) == 1
    assert main(["--db", str(missing), "history", "x"]) == 1
    assert not missing.exists()
