"""Live updates between desks on one database: what a write announces, and how another desk
hears it (no Qt: the window runs a `Watcher` on a thread of its own).

- PostgreSQL: every write transaction that changed records sends `NOTIFY crm_changes` with the
  record kinds it touched, inside the transaction, so the notice is delivered when (and only
  if) it commits. A `Watcher` holds its own autocommit connection that `LISTEN`s.
- SQLite has no notices: a `Watcher` reads `PRAGMA data_version` on a connection of its own,
  a counter that moves when another connection commits. It cannot say which kinds changed,
  so such a change is "anything" (the pages re-read what they show: one page of rows each).

The kinds a transaction touched are read off the statements it runs (INSERT, UPDATE, DELETE
and the table they name), so bulk writes through the driver are seen as well as ORM flushes.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

CHANNEL = "crm_changes"
_WRITTEN = "crm_written_tables"
_CONNECTION = "crm_write_connection"
_WRITE = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)

# The record kind each table's rows belong to (the kinds the window's pages show).
TABLE_KINDS = {
    "organizations": "organization", "organization_tags": "organization",
    "contacts": "contact", "contact_tags": "contact",
    "introductions": "introduction", "introduction_stage_changes": "introduction",
    "followups": "followup", "events": "event", "event_participants": "event",
    "interactions": "interaction", "tags": "tag",
}  # fmt: skip


@dataclass(frozen=True)
class RemoteChange:
    """A change committed by another desk: the record kinds (None: anything may have changed)
    and the desk that made it (`origin`, "" when unknown)."""

    kinds: frozenset[str] | None
    origin: str = ""


def new_origin() -> str:
    """The name one open database gives its own notices, to know them when they come back."""
    return uuid.uuid4().hex


def track_writes(engine: sa.Engine) -> None:
    """Note on each connection the tables its statements write (see `begin`, `touched`)."""

    def noted(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        written = conn.info.get(_WRITTEN)
        if written is not None:
            found = _WRITE.match(statement)
            if found:
                written.add(found.group(1).lower())

    sa.event.listen(engine, "before_cursor_execute", noted)


def begin(session: Any, _transaction: Any, connection: sa.Connection) -> None:
    """A write session's `after_begin`: start noting what its transaction writes."""
    connection.info[_WRITTEN] = set()
    session.info[_CONNECTION] = connection


def connection_of(session: Any) -> sa.Connection | None:
    """The connection a write session's transaction runs on (None: it never touched one)."""
    connection: sa.Connection | None = session.info.pop(_CONNECTION, None)
    return connection


def touched(connection: sa.Connection) -> frozenset[str]:
    """The record kinds the transaction written since `begin` touched (and stop noting)."""
    tables = connection.info.pop(_WRITTEN, set())
    return frozenset(TABLE_KINDS[t] for t in tables if t in TABLE_KINDS)


def announce(connection: sa.Connection, kinds: Iterable[str], origin: str) -> None:
    """Send the notice in the writing transaction (PostgreSQL; delivered at commit)."""
    payload = json.dumps({"k": sorted(kinds), "o": origin, "s": _schema(connection)})
    connection.execute(sa.text("SELECT pg_notify(:channel, :payload)"), {
        "channel": CHANNEL, "payload": payload})  # fmt: skip


def _schema(connection: sa.Connection) -> str:
    return str(connection.execute(sa.text("SELECT current_schema()")).scalar_one())


class Watcher:
    """Hears the changes other connections commit to one database.

    `wait(timeout)` blocks up to `timeout` seconds and returns the changes heard (merged into
    one; None when nothing came). A lost server raises the driver's error: the caller says so,
    then makes a new Watcher (a change missed meanwhile is "anything").
    """

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        if self.is_sqlite:
            path = engine.url.database or ""
            self._sqlite = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, check_same_thread=False
            )
            self._version = self._data_version()
        else:
            import psycopg

            args, params = engine.dialect.create_connect_args(engine.url)
            self._pg = psycopg.connect(*args, **params, autocommit=True)
            self._pg.execute(f"LISTEN {CHANNEL}")
            self._pg_schema = str(self._pg.execute("SELECT current_schema()").fetchone()[0])  # type: ignore[index]

    def _data_version(self) -> int:
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> RemoteChange | None:
        if self.is_sqlite:
            return self._wait_sqlite(timeout)
        return self._wait_pg(timeout)

    def _wait_sqlite(self, timeout: float) -> RemoteChange | None:
        deadline = time.monotonic() + timeout
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return RemoteChange(None)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            time.sleep(min(0.25, left))

    def _wait_pg(self, timeout: float) -> RemoteChange | None:
        kinds: set[str] = set()
        origins: set[str] = set()
        heard = False
        for notice in self._pg.notifies(timeout=timeout, stop_after=1):
            heard = heard or self._take(notice.payload, kinds, origins)
        # Gather what arrived with it (an import and its index, several quick saves).
        for notice in self._pg.notifies(timeout=0.05):
            heard = self._take(notice.payload, kinds, origins) or heard
        if not heard:
            return None
        origin = origins.pop() if len(origins) == 1 else ""
        return RemoteChange(frozenset(kinds), origin)

    def _take(self, payload: str, kinds: set[str], origins: set[str]) -> bool:
        try:
            data = json.loads(payload)
        except ValueError:
            return False
        if data.get("s") != self._pg_schema:
            return False  # another desk database on the same server
        kinds.update(data.get("k", ()))
        origins.add(str(data.get("o", "")))
        return True

    def close(self) -> None:
        try:
            if self.is_sqlite:
                self._sqlite.close()
            else:
                self._pg.close()
        except Exception:  # closing a connection that is already gone
            pass
