"""Environmental failures at the command line: locked, missing, empty, refused, damaged, full,
interrupted. Each is a sentence and an exit status, never a traceback, and says what was and
was not written; commands that only read never create, change or lock the database."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.cli import main
from crm.db.database import interrupts_held
from crm.db.failures import failure_reason, storage_failure
from crm.db.migrate import open_database
from crm.domain.errors import StorageFailure
from crm.services import contacts, csv_import
from crm.services.csv_import.plans import Plan

READ_COMMANDS = [
    ["search", "montreal"],
    ["check"],
    ["users", "list"],
    ["import", "contacts", "{csv}", "--dry-run"],
]
WRITE_COMMANDS = [
    ["import", "contacts", "{csv}"],
    ["demo"],
    ["users", "add", "zed"],
    ["check", "--repair"],
    ["export", "contacts", "--out", "{tmp}/out.csv"],
    # A backup is logged in the export log (a full copy of the personal data leaves): it writes.
    ["backup", "--out", "{tmp}/backup.db"],
]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("first_name,last_name,email\nAnne,Zed,anne@zed.example\n", encoding="utf-8")
    return path


def _args(command: list[str], tmp_path: Path, csv_file: Path) -> list[str]:
    return [a.format(tmp=tmp_path, csv=csv_file) for a in command]


def _count(path: Path, table: str = "contacts") -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def desk_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CRM_BUSY_TIMEOUT_MS", "100")
    path = tmp_path / "desk.db"
    assert main(["--db", str(path), "users", "add", "mtremblay"]) == 0
    return path


@pytest.fixture
def held(desk_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock (as `sqlite3 x.db 'BEGIN IMMEDIATE'` would)."""
    other = sqlite3.connect(desk_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.rollback()
    other.close()


# --------------------------------------------------------------------------- locked


@pytest.mark.parametrize("command", WRITE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_locked_database_is_a_sentence_for_every_writing_command(
    command, desk_file, held, tmp_path, csv_file, capsys
):
    before = _count(desk_file)
    assert (
        main(["--db", str(desk_file), "--user", "mtremblay", *_args(command, tmp_path, csv_file)])
        == 1
    )
    err = capsys.readouterr().err
    assert "is busy: it is being written by someone else" in err
    assert "Try again in a moment" in err and "Nothing was written" in err
    held.rollback()
    assert _count(desk_file) == before


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_commands_that_only_read_never_wait_for_the_write_lock(
    command, desk_file, held, tmp_path, csv_file, capsys
):
    status = main(["--db", str(desk_file), *_args(command, tmp_path, csv_file)])
    err = capsys.readouterr().err
    assert "busy" not in err
    if command == ["check"]:  # the search index's self-check needs the lock: said, not waited
        assert status == 1 and "not checked, another program is writing" in err
    else:
        assert status == 0, err


def test_the_lock_holder_is_named_when_the_system_tells(desk_file, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(30)", str(desk_file)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StorageFailure) as failure:
            db = open_database(f"sqlite:///{desk_file}")
            try:
                with db.write() as session:
                    session.execute(sa.text("SELECT 1"))
            finally:
                db.close()
        if Path("/proc/locks").exists():
            assert f"process {holder.pid}" in str(failure.value)
    finally:
        holder.kill()
        holder.communicate()


# ------------------------------------------------------------ missing, empty, refused


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_commands_that_only_read_never_create_a_database(command, tmp_path, csv_file, capsys):
    missing = tmp_path / "mistyped.db"
    assert main(["--db", str(missing), *_args(command, tmp_path, csv_file)]) == 1
    assert f"There is no database at {missing}" in capsys.readouterr().err
    assert not missing.exists()
    assert not (tmp_path / "backup.db").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main(["--db", str(empty), *_args(command, tmp_path, csv_file)]) == 1
    assert f"There is no desk database in {empty}" in capsys.readouterr().err
    assert empty.stat().st_size == 0
    assert not (tmp_path / "backup.db").exists()


def test_export_needs_an_existing_database(tmp_path, capsys):
    missing = tmp_path / "mistyped.db"
    assert main(["--db", str(missing), "export", "contacts", "--out", str(tmp_path / "o.csv")]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "o.csv").exists()


def test_a_missing_folder_of_an_explicit_db_is_an_error_even_for_writing(tmp_path, capsys):
    target = tmp_path / "typo" / "desk.db"
    assert main(["--db", str(target), "--user", "x", "users", "add", "x"]) == 1
    assert f"The folder {target.parent} does not exist" in capsys.readouterr().err
    assert not target.parent.exists()


def test_an_empty_file_is_a_new_database_for_a_writing_command(tmp_path, csv_file):
    empty = tmp_path / "new.db"
    empty.touch()
    assert main(["--db", str(empty), "--user", "zed", "users", "add", "zed"]) == 0
    assert main(["--db", str(empty), "--user", "zed", "import", "contacts", str(csv_file)]) == 0
    assert _count(empty) == 1


def _foreign_file(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipes (name) VALUES ('tourtière')")
    conn.close()


def _newer_file(path: Path) -> None:
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def test_a_command_that_only_reads_leaves_an_older_schema_as_it_was(tmp_path, capsys):
    from alembic import command

    from crm.db.migrate import HEAD, alembic_config

    path = tmp_path / "old.db"
    open_database(f"sqlite:///{path}").close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    engine.dispose()
    before = path.read_bytes()
    assert main(["--db", str(path), "search", "x"]) == 1
    assert f"needs an upgrade of its schema (0001 to {HEAD})" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("old.before-*"))  # no pre-migration copy either


@pytest.mark.parametrize("make", [_foreign_file, _newer_file], ids=["foreign", "newer"])
@pytest.mark.parametrize("command", [["search", "x"], ["demo"], ["gui", "--screenshot", "x.png"]],
                         ids=lambda c: c[0])  # fmt: skip
def test_a_refused_database_is_left_exactly_as_it_was(make, command, tmp_path, capsys):
    path = tmp_path / "other.db"
    make(path)
    before = path.read_bytes()
    assert main(["--db", str(path), "--user", "x", *command]) == 1
    err = capsys.readouterr().err
    assert "Update the program" in err or "made by another program" in err
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


# ------------------------------------------------------------------ files are private


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_database_and_its_side_files_are_the_owners_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old_umask = os.umask(0o022)
    try:
        assert main(["--user", "mtremblay", "demo"]) == 0
        default = tmp_path / "data" / "cooperation-desk" / "desk.db"
        assert default.stat().st_mode & 0o777 == 0o600
        assert default.parent.stat().st_mode & 0o777 == 0o700
        db = open_database(f"sqlite:///{default}")
        try:
            with db.write() as session:  # a live connection: -wal and -shm exist now
                contacts.service.create(session, None, {"last_name": "Gagnon"})
                for side in ("-wal", "-shm"):
                    assert Path(f"{default}{side}").stat().st_mode & 0o777 == 0o600, side
        finally:
            db.close()
    finally:
        os.umask(old_umask)


# ------------------------------------------------------------------------ demo user


def test_the_demo_loads_as_one_of_its_own_staff_users_on_a_new_database(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("CRM_USER", "mtremblay")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0, capsys.readouterr().err
    assert _count(path, "staff_users") == 3
    monkeypatch.setenv("CRM_USER", "nobody")
    assert main(["--db", str(tmp_path / "other.db"), "demo"]) == 1
    assert "There is no staff user 'nobody'" in capsys.readouterr().err


# ------------------------------------------------------------------------- Ctrl-C


def test_ctrl_c_before_the_commit_says_nothing_was_written(
    desk_file, csv_file, monkeypatch, capsys
):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(csv_import, "apply", interrupted)
    assert (
        main(["--db", str(desk_file), "--user", "mtremblay", "import", "contacts", str(csv_file)])
        == 130
    )
    err = capsys.readouterr().err
    assert f"interrupted. Nothing was written to {desk_file}." in err
    assert _count(desk_file) == 0


def test_ctrl_c_just_after_the_commit_says_what_was_saved(desk_file, csv_file, monkeypatch, capsys):
    def interrupted(self):  # the report is printed once the import is committed
        raise KeyboardInterrupt

    monkeypatch.setattr(Plan, "as_dict", interrupted)
    assert (
        main(
            [
                "--db",
                str(desk_file),
                "--user",
                "mtremblay",
                "import",
                "contacts",
                str(csv_file),
                "--json",
            ]
        )
        == 130
    )
    err = capsys.readouterr().err
    assert f"Already saved in {desk_file}: the import of {csv_file}." in err
    assert "Nothing after that was written" in err
    assert _count(desk_file) == 1


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
def test_ctrl_c_during_the_commit_waits_for_it(sqlite_db):
    reached = []
    with pytest.raises(KeyboardInterrupt), interrupts_held():
        os.kill(os.getpid(), signal.SIGINT)  # held: raised only once the block is over
        reached.append("end of the block")
    assert reached == ["end of the block"]
    with pytest.raises(KeyboardInterrupt), sqlite_db.write("the contact") as session:
        contacts.service.create(session, None, {"last_name": "Gagnon"})
        real_commit = session.commit

        def commit_hit_by_ctrl_c():
            os.kill(os.getpid(), signal.SIGINT)
            real_commit()

        session.commit = commit_hit_by_ctrl_c
    assert list(sqlite_db.committed) == ["the contact"]
    with sqlite_db.read() as session:
        assert contacts.service.find(session)[0].last_name == "Gagnon"


# ---------------------------------------------------------- damaged, full, read-only


def _damage_search_index(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'search_fts_data'"
        ).fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_damaged_file_during_search_says_check_and_restore(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "desk.db"
    assert main(["--db", str(path), "--user", "mtremblay", "demo"]) == 0
    _damage_search_index(path)
    capsys.readouterr()
    assert main(["--db", str(path), "search", "montreal"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "crm check" in err and "crm restore" in err


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file size limit")
def test_a_full_disk_during_an_import_is_a_sentence_and_nothing_is_written(desk_file, tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("first_name,last_name,email,notes\n" + "".join(
        f"P{i},L{i},p{i}@x.example,{'n' * 400}\n" for i in range(3000)), encoding="utf-8")  # fmt: skip
    limit = desk_file.stat().st_size + 200_000

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "crm.cli", "--db", str(desk_file), "--user", "mtremblay", "import", "contacts", str(big)],
        capture_output=True, text=True, preexec_fn=small_disk, env={**os.environ, "CRM_BUSY_TIMEOUT_MS": "1000"},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "the disk may be full" in done.stderr or "is full" in done.stderr
    assert "Nothing was written" in done.stderr
    assert _count(desk_file) == 0


def test_storage_failures_are_told_apart_from_bugs(tmp_path):
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as read_only:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    assert failure_reason(read_only.value) == "read_only"
    failure = storage_failure(read_only.value, str(path))
    assert failure is not None and failure.code == "storage.read_only"
    assert "cannot be written" in failure.message
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError) as typo:
        conn.execute("SELECT nope FROM t")
    conn.close()
    assert failure_reason(typo.value) is None  # a bug stays a bug
    full = OSError(28, "No space left on device", str(tmp_path / "backup.db"))
    failure = storage_failure(full, str(path))
    assert failure is not None and failure.reason == "disk_full"
    assert failure.where == str(tmp_path / "backup.db")


def test_ctrl_c_in_the_middle_of_a_flush_is_a_sentence_not_a_pending_rollback(
    desk_file, tmp_path, monkeypatch, capsys
):
    """The interrupt lands inside SQLAlchemy's flush, between two INSERTs of the import."""
    from crm.db import migrate

    big = tmp_path / "big.csv"
    big.write_text(
        "first_name,last_name\n" + "".join(f"P{i},L{i}\n" for i in range(300)), encoding="utf-8"
    )
    make_engine = migrate.make_engine

    def engine_hit_by_ctrl_c(url, **kwargs):
        engine = make_engine(url, **kwargs)
        inserts = []

        def before(conn, cursor, statement, *args):
            if statement.startswith("INSERT INTO"):
                inserts.append(statement)
                if len(inserts) == 3:
                    raise KeyboardInterrupt

        sa.event.listen(engine, "before_cursor_execute", before)
        return engine

    monkeypatch.setattr(migrate, "make_engine", engine_hit_by_ctrl_c)
    assert (
        main(["--db", str(desk_file), "--user", "mtremblay", "import", "contacts", str(big)]) == 130
    )
    assert f"interrupted. Nothing was written to {desk_file}." in capsys.readouterr().err
    assert _count(desk_file) == 0


def test_a_locked_team_database_says_who_holds_the_lock(pg_schema_url, monkeypatch):
    monkeypatch.setenv("CRM_BUSY_TIMEOUT_MS", "200")
    db = open_database(pg_schema_url)
    holder = sa.create_engine(
        sa.engine.make_url(pg_schema_url).update_query_dict(
            {
                "application_name": "nightly-sync",
                "options": sa.engine.make_url(pg_schema_url).query["options"],
            }
        )
    )
    try:
        with holder.connect() as other:
            other.exec_driver_sql("LOCK TABLE contacts IN EXCLUSIVE MODE")
            with db.read() as session:  # readers pass
                assert contacts.service.find(session) == []
            with pytest.raises(StorageFailure) as failure, db.write() as session:
                contacts.service.create(session, None, {"last_name": "Gagnon"})
            other.rollback()
        assert failure.value.code == "storage.locked"
        assert "nightly-sync" in str(failure.value) and "Try again in a moment" in str(
            failure.value
        )
    finally:
        holder.dispose()
        db.close()
