"""Preparing a soak database, starting the writers, waiting for them, and checking.

`soak(kind, ...)` is the whole of one soak on one database: a fresh SQLite file or a private
PostgreSQL schema with the demo data and one staff user per writer, the writers started
together and given `seconds`, then `check.verify` on their journals. It returns the report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from crm.db.migrate import open_database
from tests.soak.check import Report, verify

SHARED_CONTACTS = 8
SHARED_INTRODUCTIONS = 6


@contextmanager
def database(kind: str, folder: Path, server_url: str, keep: bool = False) -> Iterator[str]:
    """The URL of a new, empty desk database: a file in `folder`, or a schema dropped after
    (unless `keep`: its URL is then in `folder`/url.txt, to look into)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'soak.db'}"
        return
    if not server_url:
        raise SystemExit("PostgreSQL: give --database-url or set CRM_TEST_DATABASE_URL")
    schema = f"soak_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = (
        sa.engine.make_url(server_url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    (folder / "url.txt").write_text(url + "\n", encoding="utf-8")
    try:
        yield url
    finally:
        if not keep:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def prepare(url: str, writers: int) -> dict[str, object]:
    """The demo data, a staff user per writer, and what the shared records are at the start."""
    from crm.db.models import Contact, Introduction, Organization, StageChange
    from crm.services import demo, users

    db = open_database(url)
    try:
        with db.write() as session:
            actor = users.service.create(session, None, {"name": "mtremblay"}).id
            demo.load_demo(session, actor)
            names = []
            for i in range(writers):
                names.append(f"soak{i}")
                users.service.create(
                    session, actor, {"name": f"soak{i}", "display_name": f"Écrivain {i}"}
                )
        with db.read() as session:
            contacts = session.scalars(
                sa.select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.id)
            ).all()[:SHARED_CONTACTS]
            intros = session.scalars(
                sa.select(Introduction)
                .where(Introduction.deleted_at.is_(None))
                .order_by(Introduction.id)
            ).all()[:SHARED_INTRODUCTIONS]
            # The organizations of the shared contacts and introductions: renaming one
            # re-indexes those, while other writers write them.
            wanted = (
                {c.organization_id for c in contacts}
                | {i.qc_organization_id for i in intros}
                | {i.ma_organization_id for i in intros}
            )
            orgs = session.scalars(
                sa.select(Organization).where(Organization.id.in_(wanted - {None}))
            ).all()
            history = dict(
                session.execute(
                    sa.select(StageChange.introduction_id, sa.func.count()).group_by(
                        StageChange.introduction_id
                    )
                ).all()
            )
            return {
                "url": url,
                "users": names,
                "contacts": {
                    str(c.id): {
                        "version": c.version,
                        "values": {f: getattr(c, f) for f in ("title", "notes", "last_name")},
                    }
                    for c in contacts
                },
                "organizations": {
                    str(o.id): {"version": o.version, "values": {"name": o.name, "notes": o.notes}}
                    for o in orgs
                },
                "introductions": {
                    str(i.id): {
                        "version": i.version,
                        "notes": i.notes,
                        "stage": i.stage.value,
                        "history": history.get(i.id, 0),
                    }
                    for i in intros
                },
                "uids": {str(i.id): i.uid for i in intros},
            }
    finally:
        db.close()


def child_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    for name in ("data", "config", "cache", "tmp"):
        (folder / name).mkdir(exist_ok=True)
    env.update(
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
        TMPDIR=str(folder / "tmp"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="1",
    )
    return env


def soak(
    kind: str,
    folder: Path,
    *,
    writers: int,
    seconds: float,
    seed: int,
    server_url: str = "",
    keep: bool = False,
) -> Report:
    folder.mkdir(parents=True, exist_ok=True)
    with database(kind, folder, server_url, keep) as url:
        setup = prepare(url, writers)
        setup_file = folder / "setup.json"
        setup_file.write_text(json.dumps(setup, default=str), encoding="utf-8")
        env = child_env(folder)
        children = []
        started = time.monotonic()
        for i in range(writers):
            err = (folder / f"writer{i}.stderr").open("w", encoding="utf-8")
            journal = folder / f"writer{i}.jsonl"
            journal.unlink(missing_ok=True)
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.soak.writer", str(setup_file), str(i),
                 str(seconds), str(seed), str(journal)],
                stdout=subprocess.DEVNULL, stderr=err, env=env,
            )  # fmt: skip
            children.append((child, err, journal))
        statuses = []
        for child, err, _ in children:
            # Generous: 2 cores shared by many; a writer ends its action after `seconds`.
            statuses.append(child.wait(timeout=seconds * 10 + 300))
            err.close()
        return recheck(folder, url, statuses, elapsed=time.monotonic() - started)


def recheck(
    folder: Path, url: str, statuses: list[int] | None = None, *, elapsed: float = 0
) -> Report:
    """Check the database at `url` against the journals of the soak kept in `folder`."""
    setup = json.loads((folder / "setup.json").read_text(encoding="utf-8"))
    writers = len(setup["users"])
    stderr = [(folder / f"writer{i}.stderr").read_text(encoding="utf-8") for i in range(writers)]
    journals = [folder / f"writer{i}.jsonl" for i in range(writers)]
    return verify(url, setup, journals, stderr, statuses or [0] * writers, elapsed=elapsed,
                  env=child_env(folder))  # fmt: skip
