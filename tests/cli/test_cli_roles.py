"""`crm users` with roles, and the refusals a role brings, as one sentence and exit 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm.cli import main
from tests.cli.conftest import crm


def run(*args: str) -> int:
    return main(list(args))


def roles_in(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT name, role FROM staff_users"))


def one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm: ") and "Traceback" not in text
    return lines[0]


def test_users_add_with_a_role_list_and_change_it(dbfile, capsys):
    assert crm(dbfile, "users", "add", "reader", "--role", "read-only") == 0
    assert "Added staff user reader (reader), read-only." in capsys.readouterr().out
    assert crm(dbfile, "users", "add", "jsullivan", "--display-name", "Jack Sullivan") == 0
    assert crm(dbfile, "users") == 0
    listing = capsys.readouterr().out.splitlines()
    assert any(line.split()[:1] == ["mtremblay"] and "Admin" in line for line in listing)
    assert any(line.startswith("reader") and "Read-only" in line for line in listing)
    assert any(line.startswith("jsullivan") and " Staff " in line for line in listing)
    assert crm(dbfile, "users", "role", "jsullivan", "admin") == 0
    assert "jsullivan is now admin." in capsys.readouterr().out
    assert roles_in(dbfile) == {"mtremblay": "admin", "reader": "read-only", "jsullivan": "admin"}


def test_a_read_only_user_is_refused_with_one_sentence(dbfile, tmp_path, capsys):
    assert crm(dbfile, "users", "add", "reader", "--role", "read-only") == 0
    capsys.readouterr()
    source = tmp_path / "orgs.csv"
    source.write_text("name,region\nNew Labs,QC\n", encoding="utf-8")
    for command in (["demo"], ["import", "organizations", str(source)],
                    ["export", "contacts", "--out", str(tmp_path / "c.csv")]):  # fmt: skip
        assert run("--db", str(dbfile), "--user", "reader", *command) == 1
        line = one_sentence(capsys.readouterr().err)
        assert "reader has read-only access to this database: nothing was changed" in line
    assert not (tmp_path / "c.csv").exists()
    assert run("--db", str(dbfile), "--user", "reader", "search", "montreal") == 0  # reading is


def test_staff_cannot_add_users_change_roles_or_export_without_consent(dbfile, tmp_path, capsys):
    assert crm(dbfile, "users", "add", "worker") == 0
    capsys.readouterr()
    as_worker = ("--db", str(dbfile), "--user", "worker")
    assert run(*as_worker, "users", "add", "friend") == 1
    assert "Only an admin can add staff users" in one_sentence(capsys.readouterr().err)
    assert run(*as_worker, "users", "role", "worker", "admin") == 1
    assert "worker is not an admin" in one_sentence(capsys.readouterr().err)
    out = tmp_path / "all.csv"
    assert run(*as_worker, "export", "contacts", "--out", str(out),
               "--include-without-consent") == 1  # fmt: skip
    assert "who did not consent" in one_sentence(capsys.readouterr().err)
    assert not out.exists()
    assert run(*as_worker, "export", "contacts", "--out", str(out)) == 0  # with consent only
    assert run(*as_worker, "users", "role", "nobody", "staff") == 1
    assert "no staff user 'nobody'" in one_sentence(capsys.readouterr().err)
    assert roles_in(dbfile) == {"mtremblay": "admin", "worker": "staff"}


def test_restore_needs_an_admin_of_the_file(dbfile, tmp_path, capsys):
    assert crm(dbfile, "users", "add", "worker") == 0
    backup = tmp_path / "b.db"
    assert crm(dbfile, "backup", "--out", str(backup)) == 0
    capsys.readouterr()
    assert run("--db", str(dbfile), "--user", "worker", "restore", str(backup)) == 1
    assert "Only an admin can restore a backup" in one_sentence(capsys.readouterr().err)
    assert crm(dbfile, "restore", str(backup)) == 0


def test_the_first_user_added_to_a_new_file_is_its_admin(tmp_path, capsys):
    path = tmp_path / "new.db"
    assert run("--db", str(path), "users", "add", "zed") == 0
    assert "zed (zed), admin." in capsys.readouterr().out
    assert roles_in(path) == {"zed": "admin"}


def test_on_the_team_database_you_are_your_login(pg_schema_url, capsys):
    import sqlalchemy as sa

    login = sa.engine.make_url(pg_schema_url).username
    # The first login to use the database is its admin, and adds the others.
    assert run("--database-url", pg_schema_url, "users", "add", "mtremblay") == 0
    assert run("--database-url", pg_schema_url, "users") == 0
    listing = capsys.readouterr().out
    assert any(line.startswith(login) and "Admin" in line for line in listing.splitlines())
    assert run("--database-url", pg_schema_url, "--user", "mtremblay", "demo") == 1
    line = one_sentence(capsys.readouterr().err)
    assert f"you act as your database login, {login}" in line and "mtremblay" in line
    assert run("--database-url", pg_schema_url, "--user", login, "users", "role",
               "mtremblay", "read-only") == 0  # fmt: skip


@pytest.fixture(autouse=True)
def _marie_at_the_keyboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands without --user act as the login name: here the file's first user, Marie."""
    from crm.services import staff

    monkeypatch.setattr(staff, "login_name", lambda: "mtremblay")
