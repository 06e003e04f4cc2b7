"""An open desk database: its engine, its read and write sessions, and how it was opened.

`open_database` is the one way in: it checks that the file or server holds a desk database,
runs the migrations (backing a file up first) and refuses a schema newer than this program.
"""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from crm.db import live
from crm.db.engine import WRITE_OPTION
from crm.db.failures import failure_reason, pg_lock_holder, storage_failure
from crm.domain.errors import DatabaseOpenError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Database:
    url: str
    engine: sa.Engine
    backup_path: Path | None = None
    migrated_from: str | None = None
    _read: sessionmaker[Session] = field(init=False, repr=False)
    _write: sessionmaker[Session] = field(init=False, repr=False)
    # What each committed write() was about, in order: an interrupted command says it
    # (bounded: a window open all week commits thousands of times).
    committed: deque[str] = field(
        default_factory=lambda: deque(maxlen=1000), init=False, repr=False
    )
    # The name this desk's change notices carry (crm.db.live), to know its own when they
    # come back to its windows.
    origin: str = field(default_factory=live.new_origin, init=False)

    def __post_init__(self) -> None:
        live.track_writes(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        sa.event.listen(self._write, "after_begin", live.begin)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        db = make_url(self.url).database
        return Path(db) if self.is_sqlite and db and db != ":memory:" else None

    @property
    def display_name(self) -> str:
        """What the status bar and messages show: the file path, or the URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self, what: str = "", *, snapshot: bool = False) -> Iterator[Session]:
        """One transaction for one user action: committed on success, rolled back on error.

        `snapshot`: every statement sees the data as of the first (on PostgreSQL a
        REPEATABLE READ transaction; SQLite's write lock already keeps others out), for work
        that reads the same rows twice, like an export and its log.

        Locked, disk full, read-only, damaged or a lost server come out as a `StorageFailure`
        (a sentence, not a driver error). Once committed, `what` is added to `committed`;
        Ctrl-C waits until the commit or rollback is over, so the caller knows which it was.
        """
        with self._storage_errors():
            session = self._write()
            try:
                session.begin()
                if snapshot and not self.is_sqlite:
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                try:
                    yield session
                    with interrupts_held():
                        session.flush()
                        self._announce(session)
                        session.commit()
                        self.committed.append(what or "a change")
                except BaseException:
                    with interrupts_held(), contextlib.suppress(Exception):
                        session.rollback()  # a failed rollback must not hide why we stopped
                    raise
            finally:
                session.close()

    def _announce(self, session: Session) -> None:
        """Tell the other desks on a team database what this transaction changed (a notice
        sent inside it, delivered when it commits); SQLite desks notice by themselves."""
        connection = live.connection_of(session)
        if connection is None:  # nothing was read or written
            return
        kinds = live.touched(connection)
        if kinds and not self.is_sqlite:
            live.announce(connection, kinds, self.origin)

    def watcher(self) -> live.Watcher:
        """A new listener for what other connections commit (see crm.db.live)."""
        return live.Watcher(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._storage_errors(), self._read() as session:
            yield session

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        try:
            yield
        except (sa.exc.DBAPIError, sqlite3.Error, OSError) as exc:
            holder = ""
            if not self.is_sqlite and failure_reason(exc) == "locked":
                holder = pg_lock_holder(self.engine)
            failure = storage_failure(exc, self.display_name, holder)
            if failure is None:
                raise
            raise failure from exc

    @property
    def read_factory(self) -> sessionmaker[Session]:
        return self._read

    @property
    def write_factory(self) -> sessionmaker[Session]:
        return self._write

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block is over; it is raised right after, if it came.

    The handler is swapped rather than the signal masked: a mask holds only for the calling
    thread, and a process with other threads (Qt's, a driver's) would get the signal in one
    of those, and Python would still raise it in the main thread inside the block.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[tuple[int, Any]] = []

    def remember(signum: int, frame: Any) -> None:
        came.append((signum, frame))

    previous = signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if came and callable(previous):
            previous(*came[0])  # Python's default handler raises KeyboardInterrupt here
        elif came and previous == signal.SIG_DFL:
            raise KeyboardInterrupt


def check_sqlite_file(path: Path) -> None:
    """Refuse early, with a clear message, a file that is not an SQLite database."""
    if not path.exists():
        if not path.parent.exists():
            raise DatabaseOpenError("folder_missing", location=str(path.parent))
        return
    if path.is_dir():
        raise DatabaseOpenError("is_folder", location=str(path))
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header and header != SQLITE_MAGIC:
        raise DatabaseOpenError("not_a_database", location=str(path))


def open_error(exc: BaseException, where: str) -> DatabaseOpenError:
    """Tell environmental failures (locked, full disk, damaged file, server away) apart.

    The sentences are crm.domain.messages' `database.<reason>` templates."""
    detail = str(getattr(exc, "orig", exc) or exc)
    text = detail.lower()
    reason = failure_reason(exc)
    if reason == "locked" or "locked" in text or "busy" in text:
        reason = "locked"
    elif reason in ("disk_full", "io") or ("disk" in text and ("full" in text or "i/o" in text)):
        reason = "disk"
    elif (
        reason == "damaged" or "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        reason = "damaged"
    elif reason == "read_only" or "readonly" in text or "read-only" in text or "permission" in text:
        reason = "read_only"
    elif reason == "cannot_open":
        pass
    elif "connect" in text or "could not translate host" in text or "password" in text:
        reason = "unreachable"
        detail = f"{exc.__class__.__name__}: {detail}"
    else:
        reason = "other"
    return DatabaseOpenError(reason, location=where, detail=detail)


def sqlite_backup(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file through SQLite's own backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
