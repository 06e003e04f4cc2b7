"""The `crm` command in-process (fast) and once as a real process (start-up without Qt)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.cli import main
from crm.db.migrate import open_database
from crm.services import organizations, staff, users


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture(autouse=True)
def _marie_at_the_keyboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The person running these commands is the files' first staff user, their admin (a
    restore or a new staff user needs one): the login name is hers."""

    monkeypatch.setattr(staff, "login_name", lambda: "mtremblay")


def crm(*args: str) -> int:
    return main(list(args))


def seed(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        actor = users.service.create(session, None, {"name": "mtremblay"}).id
        organizations.service.create(
            session, actor, {"name": "Thérapeutiques Montréal", "region": "QC", "country": "Canada"}
        )
        organizations.service.create(
            session, actor, {"name": "Boston Biologics", "region": "MA", "country": "USA"}
        )
    db.close()


def test_search_lists_accent_insensitive_matches(dbfile, capsys):
    seed(dbfile)
    assert crm("--db", str(dbfile), "search", "montreal") == 0
    out = capsys.readouterr().out
    assert "Thérapeutiques Montréal" in out and "Boston" not in out


def test_search_json(dbfile, capsys):
    seed(dbfile)
    assert crm("--db", str(dbfile), "search", "BOST", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["title"]) for r in rows] == [("organization", "Boston Biologics")]


def test_no_match_says_so_on_stderr(dbfile, capsys):
    seed(dbfile)
    assert crm("--db", str(dbfile), "search", "zzzz") == 0
    assert "No record matches" in capsys.readouterr().err


def test_usage_error_exits_2(dbfile, capsys):
    with pytest.raises(SystemExit) as exit_info:
        crm("--db", str(dbfile), "search")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        crm("--db", str(dbfile), "--database-url", "postgresql://x/y", "check")
    assert exit_info.value.code == 2


def test_text_file_as_database_is_refused(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("Réunion avec MassBio le 12 mars\n", encoding="utf-8")
    assert crm("--db", str(text), "check") == 1
    err = capsys.readouterr().err
    assert "not a cooperation desk database" in err and "Traceback" not in err
    assert text.read_text(encoding="utf-8") == "Réunion avec MassBio le 12 mars\n"


def test_damaged_database_is_reported_not_traced(dbfile, capsys):
    seed(dbfile)
    data = bytearray(dbfile.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    dbfile.write_bytes(bytes(data))
    assert crm("--db", str(dbfile), "check") == 1
    assert "Traceback" not in capsys.readouterr().err


def test_check_reports_healthy_then_problem(dbfile, capsys):
    seed(dbfile)
    assert crm("--db", str(dbfile), "check") == 0
    assert "is healthy" in capsys.readouterr().out
    engine = sa.create_engine(f"sqlite:///{dbfile}")
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_entries WHERE kind = 'organization'")
    engine.dispose()
    assert crm("--db", str(dbfile), "check") == 1
    assert "search index" in capsys.readouterr().err
    assert crm("--db", str(dbfile), "check", "--repair") == 0


def test_users_list_and_add(dbfile, capsys):
    assert (
        crm(
            "--db",
            str(dbfile),
            "users",
            "add",
            "jsullivan",
            "--display-name",
            "Jack Sullivan",
            "--language",
            "en",
        )
        == 0
    )
    assert crm("--db", str(dbfile), "users") == 0
    assert "Jack Sullivan" in capsys.readouterr().out
    # The first staff user of a new file is its admin; adding the next ones is an admin's.
    assert crm("--db", str(dbfile), "--user", "jsullivan", "users", "add", "jsullivan") == 1
    assert "already a staff user" in capsys.readouterr().err
    assert crm("--db", str(dbfile), "users", "add", "two words") == 1


def test_unknown_user_is_refused_with_a_hint(dbfile, capsys):
    seed(dbfile)
    assert crm("--db", str(dbfile), "--user", "nobody", "demo") == 1
    assert "crm users add nobody" in capsys.readouterr().err


def test_backup_and_restore_round_trip(dbfile, tmp_path, capsys):
    seed(dbfile)
    out = tmp_path / "copy.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(out)) == 0
    assert crm("--db", str(dbfile), "backup", "--out", str(out)) == 1  # never overwrites
    db = open_database(f"sqlite:///{dbfile}")
    with db.write() as session:
        organizations.service.create(session, None, {"name": "Added after the backup"})
    db.close()
    assert crm("--db", str(dbfile), "restore", str(out)) == 0
    assert "previous content was saved" in capsys.readouterr().out
    assert crm("--db", str(dbfile), "search", "added", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert crm("--db", str(dbfile), "search", "boston", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_restore_refuses_a_non_database(dbfile, tmp_path, capsys):
    seed(dbfile)
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not sqlite")
    assert crm("--db", str(dbfile), "restore", str(bogus)) == 1
    assert crm("--db", str(dbfile), "restore", str(tmp_path / "missing.db")) == 1
    assert crm("--db", str(dbfile), "search", "boston", "--json") == 0
    assert "Boston" in capsys.readouterr().out


def test_team_database_backup_and_restore(pg_schema_url, tmp_path, capsys):
    assert crm("--database-url", pg_schema_url, "users", "add", "mtremblay") == 0
    db = open_database(pg_schema_url)
    with db.write() as session:
        organizations.service.create(session, None, {"name": "Cambridge Cœur Labs", "region": "MA"})
    db.close()
    out = tmp_path / "team.db"
    assert crm("--database-url", pg_schema_url, "backup", "--out", str(out)) == 0
    assert crm("--db", str(out), "search", "coeur", "--json") == 0  # a team backup opens as a file
    assert "Cambridge Cœur Labs" in capsys.readouterr().out
    db = open_database(pg_schema_url)
    with db.write() as session:
        organizations.service.create(session, None, {"name": "Later Labs"})
    db.close()
    assert crm("--database-url", pg_schema_url, "restore", str(out)) == 0
    assert crm("--database-url", pg_schema_url, "search", "labs", "--json") == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out.split("\n", 1)[1])] == [
        "Cambridge Cœur Labs"
    ]
    # The safety copy of a team database goes to the (test's) user data folder.
    assert list((Path(os.environ["XDG_DATA_HOME"]) / "cooperation-desk" / "backups").iterdir())
    # Sequences continue after the restored ids.
    db = open_database(pg_schema_url)
    with db.write() as session:
        assert organizations.service.create(session, None, {"name": "New after restore"}).id > 1
    db.close()


def test_commands_other_than_gui_do_not_import_qt(dbfile):
    seed(dbfile)
    code = (
        "import sys; from crm.cli import main; "
        f"rc = main(['--db', {str(dbfile)!r}, 'search', 'montreal']); "
        "assert 'PySide6' not in sys.modules, 'Qt imported'; sys.exit(rc)"
    )
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Thérapeutiques Montréal" in result.stdout
