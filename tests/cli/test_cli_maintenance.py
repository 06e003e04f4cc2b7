"""`crm backup`, `crm restore` and `crm check` against hostile, live, damaged and odd files.

Each test reproduces one fault found by the fault campaign (issue 10): a crafted backup
carrying triggers, a copy of a live database with its -wal, a damaged file, a file that
cannot be opened, two backups in one second, a restore killed half way.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.cli import main
from crm.db.migrate import open_database
from crm.domain.errors import DeskError
from crm.services import organizations, staff, users
from crm.services.maintenance import backup as backups
from crm.services.maintenance import copies, damage, health


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


def seed(path: Path, *names: str) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.write() as session:
        actor = users.by_name(session, "mtremblay") or users.service.create(
            session, None, {"name": "mtremblay"}
        )
        for name in names or ("Thérapeutiques Montréal", "Boston Biologics"):
            organizations.service.create(session, actor.id, {"name": name, "region": "QC"})
    db.close()


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM organizations WHERE deleted_at IS NULL ORDER BY name"
        ).fetchall()
        return [name for (name,) in rows]
    finally:
        conn.close()


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def damage_an_index(path: Path) -> None:
    """Overwrite part of an index page: the file still opens, SQLite's check fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [p for (p,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'ix_audit_log_at' ORDER BY pageno"
    )]  # fmt: skip
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((pages[-1] - 1) * size)
        handle.write(b"\x07" * size)


# --- 1. hostile backups -------------------------------------------------------------------


HOSTILE = {
    "trigger": "CREATE TRIGGER consent_yes AFTER INSERT ON contacts BEGIN "
    "UPDATE contacts SET share_with_partners = 1 WHERE id = new.id; END",
    "view": "CREATE VIEW everyone AS SELECT email FROM contacts",
    "table": "CREATE TABLE spy (value TEXT)",
    "rewritten": "DROP TRIGGER search_fts_ai",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_restore_refuses_a_backup_with_foreign_schema_objects(dbfile, tmp_path, capsys, kind):
    seed(dbfile)
    backup = tmp_path / "crafted.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0
    sql(backup, HOSTILE[kind])
    if kind == "rewritten":  # a desk trigger with the same name and another body
        sql(backup, "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_entries BEGIN "
                    "DELETE FROM export_log; END")  # fmt: skip
    seed(dbfile, "Added after the backup")
    capsys.readouterr()
    assert crm("--db", str(dbfile), "restore", str(backup)) == 1
    err = capsys.readouterr().err
    assert "was not restored" in err and "Nothing was changed" in err, err
    assert {"trigger": "consent_yes", "view": "everyone", "table": "spy",
            "rewritten": "search_fts_ai"}[kind] in err  # fmt: skip
    assert "Added after the backup" in names(dbfile)
    assert not list(tmp_path.glob("backups/*before-restore*"))  # refused before any copy


def test_check_reports_foreign_objects_and_repair_drops_them(dbfile, capsys):
    seed(dbfile)
    sql(dbfile, HOSTILE["trigger"], HOSTILE["view"], HOSTILE["table"])
    assert crm("--db", str(dbfile), "check") == 1
    err = capsys.readouterr().err
    assert "unknown trigger 'consent_yes'" in err and "unknown view 'everyone'" in err
    assert "unknown table 'spy'" in err and "crm check --repair" in err
    assert crm("--db", str(dbfile), "check", "--repair") == 0
    out = capsys.readouterr().out
    assert "dropped trigger 'consent_yes'" in out and "is healthy" in out
    conn = sqlite3.connect(dbfile)
    left = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert not left & {"consent_yes", "everyone", "spy"}
    assert "search_fts_ai" in left


# --- 3. a copy of a live database with its -wal ------------------------------------------


def test_restore_reads_the_backups_wal(dbfile, tmp_path, capsys):
    live_path = tmp_path / "live.db"
    live = open_database(f"sqlite:///{live_path}")
    try:
        with live.write() as session:
            actor = users.service.create(session, None, {"name": "mtremblay"}).id
            for n in range(40):
                organizations.service.create(session, actor, {"name": f"Live {n:02}"})
        # What a person copies while the desk is open: the file and its -wal.
        copy = tmp_path / "copy.db"
        shutil.copyfile(live_path, copy)
        shutil.copyfile(live_path.with_name("live.db-wal"), tmp_path / "copy.db-wal")
    finally:
        live.close()
    main_only = tmp_path / "main-only.db"
    shutil.copyfile(copy, main_only)
    assert (
        sqlite3.connect(main_only).execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    )
    seed(dbfile)
    assert crm("--db", str(dbfile), "restore", str(copy)) == 0
    assert names(dbfile) == [f"Live {n:02}" for n in range(40)]
    assert (tmp_path / "copy.db-wal").stat().st_size > 0  # the user's copy is left as it was


# --- 5 and 15: whole files, no copy of the data outside the target folder ------------------


@pytest.mark.slow
def test_backup_name_is_never_half_written_when_killed(tmp_path):
    """kill -9 at several points of `crm backup`: the final name is whole or absent."""
    big = tmp_path / "big.db"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    cmd = [sys.executable, "-m", "crm.cli", "--db", str(big)]
    # 40 MB: the copy takes long enough for the kills to land in it.
    subprocess.run([*cmd, "demo", "--scale", "20000"], check=True, capture_output=True, env=env)
    invalid = 0
    for trial, delay in enumerate((0.0, 0.03, 0.06, 0.1, 0.15, 0.25)):
        out = tmp_path / f"out{trial}"
        out.mkdir()
        target = out / "backup.db"
        proc = subprocess.Popen([*cmd, "backup", "--out", str(target)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        # Kill at several moments after the first byte of the copy appears in the folder.
        while proc.poll() is None and not any(out.iterdir()):
            time.sleep(0.002)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            try:
                ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                ok = ok and conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 20000
            except sqlite3.DatabaseError:
                ok = False
            finally:
                conn.close()
            invalid += not ok
    assert invalid == 0


def test_restore_writes_no_copy_of_the_data_outside_the_target_folder(
    dbfile, tmp_path, monkeypatch
):
    """A killed restore used to leave the staged copy in $TMPDIR: nothing goes there now."""
    import tempfile

    seed(dbfile)
    backup = tmp_path / "copy.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0
    elsewhere = tmp_path / "tmpdir"
    elsewhere.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))
    monkeypatch.setenv("TMPDIR", str(elsewhere))
    written: list[str] = []
    watching.append(written)
    try:
        assert crm("--db", str(dbfile), "restore", str(backup)) == 0
    finally:
        watching.remove(written)
    assert [w for w in written if w.startswith(str(elsewhere))] == []
    staged = [
        w for w in written if Path(w).parent == dbfile.parent and Path(w).name.startswith(".")
    ]
    assert staged, written  # staged beside the database, under a hidden name
    assert not [p for p in dbfile.parent.iterdir() if ".tmp-" in p.name]


watching: list[list[str]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not watching:
        return
    if event == "open" and isinstance(args[0], str | Path) and args[1] not in (None, "r", "rb"):
        watching[-1].append(str(args[0]))
    elif event == "sqlite3.connect" and args:
        watching[-1].append(str(args[0]).removeprefix("file:").split("?")[0])


sys.addaudithook(_audit)


def test_a_failed_safety_copy_or_migration_backup_leaves_no_file(dbfile, tmp_path, monkeypatch):
    """A full disk during the copy: no 0-byte or partial file under the final name."""
    from crm.db import migrate

    seed(dbfile)
    backup = tmp_path / "copy.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0

    def full_disk(source: Path, target: Path) -> None:
        Path(target).write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_file", full_disk)
    with pytest.raises(OSError):
        backups.backup(open_database(f"sqlite:///{dbfile}"), tmp_path / "full.db")
    assert not (tmp_path / "full.db").exists()
    monkeypatch.setattr(migrate, "sqlite_backup", full_disk)
    known = {*migrate.known_revisions(), "9998"}  # the stored revision stays a known one
    monkeypatch.setattr(migrate, "HEAD", "9998")  # any stored revision now needs a migration
    monkeypatch.setattr(migrate, "known_revisions", lambda: known)
    with pytest.raises(Exception):  # noqa: B017 (the disk's error, as the opening path says it)
        open_database(f"sqlite:///{dbfile}")
    assert [p.name for p in dbfile.parent.iterdir() if ".before-" in p.name] == []


# --- 7. the remedy works when the current database cannot be opened ----------------------


@pytest.mark.parametrize("state", ["not_a_database", "newer_schema", "damaged_header"])
def test_restore_works_when_the_database_cannot_be_opened(dbfile, tmp_path, capsys, state):
    seed(dbfile, "Gardée")
    backup = tmp_path / "good.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0
    if state == "not_a_database":
        dbfile.write_text("this is not a database\n")
        for side in ("-wal", "-shm"):
            dbfile.with_name(dbfile.name + side).unlink(missing_ok=True)
    elif state == "newer_schema":
        sql(dbfile, "UPDATE alembic_version SET version_num = '9999'")
    else:
        sql(dbfile, "PRAGMA wal_checkpoint(TRUNCATE)")
        data = bytearray(dbfile.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)
        dbfile.write_bytes(bytes(data))
    before = dbfile.read_bytes()
    assert crm("--db", str(dbfile), "check") == 1  # the normal path refuses it...
    capsys.readouterr()
    assert crm("--db", str(dbfile), "restore", str(backup)) == 0  # ...the remedy does not
    out = capsys.readouterr().out
    assert "Restored" in out
    assert names(dbfile) == ["Gardée"]
    assert crm("--db", str(dbfile), "check") == 0
    safety = [p for p in (tmp_path / "backups").iterdir() if "before-restore" in p.name]
    assert len(safety) == 1 and str(safety[0]) in out
    if state == "not_a_database":
        assert safety[0].read_bytes() == before  # kept exactly as it was


# --- 10. a damaged database is read-only until repaired ----------------------------------


def test_a_damaged_database_refuses_writes_and_backups(dbfile, tmp_path, capsys):
    seed(dbfile)
    out = tmp_path / "out"
    out.mkdir()
    good = out / "good.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(good)) == 0
    good_bytes = good.read_bytes()
    damage_an_index(dbfile)
    capsys.readouterr()
    assert crm("--db", str(dbfile), "backup", "--out", str(out / "bad.db")) == 1
    err = capsys.readouterr().err
    assert "damaged, so no backup was written" in err and "Backup written" not in err
    assert not (out / "bad.db").exists()
    assert crm("--db", str(dbfile), "users", "add", "jsullivan") == 1
    assert "read-only until repaired" in capsys.readouterr().err
    assert crm("--db", str(dbfile), "export", "contacts", "--out", str(out / "x.csv")) == 1
    assert not (out / "x.csv").exists()
    assert crm("--db", str(dbfile), "--user", "mtremblay", "demo") == 1
    assert crm("--db", str(dbfile), "check") == 1
    assert "read-only until repaired" in capsys.readouterr().err
    assert good.read_bytes() == good_bytes  # the good backup is untouched
    assert sorted(p.name for p in out.iterdir()) == ["good.db"]
    assert crm("--db", str(dbfile), "check", "--repair") == 0  # an index can be rebuilt
    assert crm("--db", str(dbfile), "users", "add", "jsullivan") == 0


def test_health_protects_a_damaged_database(dbfile):
    seed(dbfile)
    damage_an_index(dbfile)
    db = open_database(f"sqlite:///{dbfile}")
    try:
        report = health.health(db)
        assert report.damaged and not report.healthy
        with (
            pytest.raises(DeskError, match="read-only until repaired"),
            db.write() as session,
        ):
            users.service.create(session, None, {"name": "second"})
        with pytest.raises(DeskError, match="no backup was written"):
            backups.backup(db, dbfile.with_name("refused.db"))
        assert not dbfile.with_name("refused.db").exists()
    finally:
        db.close()


# --- 16, 17, 20: names, modes, logs --------------------------------------------------------


class FrozenClock(datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime(2026, 3, 12, 9, 30, 0, 0)


def test_backup_then_restore_within_one_second(dbfile, tmp_path, capsys, monkeypatch):
    seed(dbfile)
    monkeypatch.setattr(copies, "datetime", FrozenClock)
    assert crm("--db", str(dbfile), "backup") == 0
    assert crm("--db", str(dbfile), "backup") == 0
    made = sorted((tmp_path / "backups").iterdir())
    assert len(made) == 2
    assert crm("--db", str(dbfile), "restore", str(made[0])) == 0
    assert "already exists" not in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_backups_and_safety_copies_are_the_owners_only(dbfile, tmp_path):
    seed(dbfile)
    assert crm("--db", str(dbfile), "backup") == 0
    (made,) = (tmp_path / "backups").iterdir()
    assert crm("--db", str(dbfile), "restore", str(made)) == 0
    folder = tmp_path / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert len(files) == 2 and {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    out = tmp_path / "chosen.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_backups_are_logged_and_a_restore_is_recorded(dbfile, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CRM_USER", "mtremblay")
    seed(dbfile)
    backup = tmp_path / "copy.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0
    assert "recorded in the export log" in capsys.readouterr().out
    engine = sa.create_engine(f"sqlite:///{dbfile}")
    with engine.connect() as conn:
        row = conn.execute(sa.text(
            "SELECT e.entity, e.file_name, e.row_count, u.name FROM export_log e "
            "JOIN staff_users u ON u.id = e.user_id"
        )).one()  # fmt: skip
    assert row == ("backup", str(backup), 3, "mtremblay")  # 1 user + 2 organizations
    assert crm("--db", str(dbfile), "restore", str(backup)) == 0
    with engine.connect() as conn:
        action, entity, changes, who = conn.execute(sa.text(
            "SELECT a.action, a.entity, a.changes, u.name FROM audit_log a "
            "LEFT JOIN staff_users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT 1"
        )).one()  # fmt: skip
    engine.dispose()
    assert (action, entity, who) == ("restore", "database", "mtremblay")
    assert str(backup) in changes and "before-restore" in changes


def test_backup_and_restore_where_names_hold_odd_characters(tmp_path, capsys):
    """SQLite reads a URI: a # or a space in a folder or file name must not cut it short."""
    folder = tmp_path / "Dossier #2 é"
    folder.mkdir()
    dbfile = folder / "bureau #1.db"
    seed(dbfile, "Gardée")
    backup = folder / "copie #1.db"
    assert crm("--db", str(dbfile), "backup", "--out", str(backup)) == 0
    seed(dbfile, "Après")
    assert crm("--db", str(dbfile), "restore", str(backup)) == 0
    assert names(dbfile) == ["Gardée"]
    assert crm("--db", str(dbfile), "check", "--repair") == 0


def test_a_locked_database_is_not_taken_for_a_damaged_one(dbfile, monkeypatch):
    """Another program holding the file is not damage: the quick check must not protect it."""
    from crm.db.database import Database
    from crm.db.engine import make_engine

    seed(dbfile)
    monkeypatch.setenv("CRM_BUSY_TIMEOUT_MS", "50")
    holder = sqlite3.connect(dbfile)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE held (x)")
    db = Database(f"sqlite:///{dbfile}", make_engine(f"sqlite:///{dbfile}"))
    try:
        assert damage.guard(db) == []
        assert damage.damage_of(db) == []
    finally:
        holder.rollback()
        holder.close()
        db.close()


def test_a_file_found_sound_is_not_read_again_until_it_changes(dbfile, tmp_path, monkeypatch):
    """The quick check reads the whole file (seconds at 100,000 contacts): a file found
    sound, then written only by the desk, is not checked again; any other change is."""
    from crm.db import schema

    seed(dbfile)
    checks: list[Path] = []
    real = schema.integrity_problems

    def counted(conn: sqlite3.Connection, **kwargs: object) -> list[str]:
        checks.append(dbfile)
        return real(conn, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "integrity_problems", counted)
    out = tmp_path / "x.csv"
    assert crm("--db", str(dbfile), "export", "organizations", "--out", str(out)) == 0
    assert len(checks) == 1
    # The export wrote its log entry: the desk's own write, no new check.
    assert crm("--db", str(dbfile), "export", "organizations", "--out", str(out)) == 0
    assert crm("--db", str(dbfile), "users", "add", "jsullivan") == 0
    assert len(checks) == 1
    damage_an_index(dbfile)  # same size, written by something else
    assert crm("--db", str(dbfile), "export", "organizations", "--out", str(out)) == 1
    assert len(checks) == 2
    assert crm("--db", str(dbfile), "users", "add", "ccote") == 1  # still refused
