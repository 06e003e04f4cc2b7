"""After the soak: does the database hold every change the writers committed, and only those?

- every committed change is there: each record's fields hold the value of its last committed
  change (by version), created and imported records exist unless purged, purged ones are gone;
- no update was lost silently: no two writers committed the same version of a record, and a
  record's version is its starting version plus the changes the journals committed to it
  (a refusal is only ever one the writer saw: it is in its journal, not in the database);
- the stage history holds exactly the moves committed, the last one giving the stage;
- the search index matches the rows (the stored entries equal a rebuild from the records)
  and `crm check` is healthy;
- no writer printed a traceback or ended badly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crm.db.migrate import open_database

BUMPS = ("create", "edit", "trash", "restore", "move")


@dataclass
class Report:
    database: str
    writers: int
    elapsed: float = 0.0
    done: Counter[str] = field(default_factory=Counter)  # committed, per operation
    refused: Counter[str] = field(default_factory=Counter)  # per kind of refusal
    lost: list[str] = field(default_factory=list)  # committed changes not in the database
    problems: list[str] = field(default_factory=list)  # anything else wrong
    tracebacks: int = 0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.problems and not self.tracebacks

    def lines(self) -> list[str]:
        done = ", ".join(f"{n} {op}" for op, n in sorted(self.done.items()))
        refused = ", ".join(f"{n} {code}" for code, n in sorted(self.refused.items())) or "none"
        lines = [
            f"soak {self.database}: {self.writers} writers, {self.elapsed:.0f} s",
            f"  committed: {done} ({sum(self.done.values())} in all)",
            f"  refused:   {refused} ({sum(self.refused.values())} in all)",
            f"  tracebacks: {self.tracebacks}",
            f"  lost: {len(self.lost)}",
        ]
        lines += [f"    {line}" for line in self.lost[:20]]
        lines += [f"  problem: {line}" for line in self.problems[:20]]
        lines.append(f"  {'OK' if self.ok else 'FAILED'}")
        return lines


def read_journals(journals: list[Path], report: Report) -> list[dict[str, Any]]:
    entries = []
    for path in journals:
        if not path.exists():
            report.problems.append(f"{path.name}: no journal")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                report.problems.append(f"{path.name} line {number}: not JSON (cut short?)")
    for entry in entries:
        op = entry["op"]
        if op == "refused":
            report.refused[entry["code"]] += 1
        elif op == "error":
            report.problems.append(f"{entry['what']}: {entry['error']}")
        else:
            report.done[op + (" (crm)" if entry.get("via") == "crm" else "")] += 1
    return entries


def verify(
    url: str,
    setup: dict[str, Any],
    journals: list[Path],
    stderr: list[str],
    statuses: list[int],
    *,
    elapsed: float,
    env: dict[str, str],
) -> Report:
    kind = "sqlite" if url.startswith("sqlite") else "postgresql"
    report = Report(kind, len(journals), elapsed)
    for i, (text, status) in enumerate(zip(stderr, statuses, strict=True)):
        report.tracebacks += text.count("Traceback (most recent call last)")
        if status != 0:
            report.problems.append(f"writer {i} ended with status {status}: {text[-300:]}")
    entries = read_journals(journals, report)
    db = open_database(url, migrate=False, create=False)
    try:
        with db.read() as session:
            check_records(session, "contact", setup, entries, report)
            check_records(session, "organization", setup, entries, report)
            check_introductions(session, setup, entries, report)
            check_imports(session, entries, report)
            check_refused(session, entries, report)
        check_index(db, report)
        from crm.services.maintenance import health

        report.problems += [f"health: {p}" for p in health.health(db).problems]
    finally:
        db.close()
    where = (
        ["--db", url.removeprefix("sqlite:///")] if kind == "sqlite" else ["--database-url", url]
    )
    done = subprocess.run(
        [sys.executable, "-m", "crm.cli", *where, "check"], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        report.problems.append(f"crm check: {done.stdout.strip()} {done.stderr.strip()}")
    return report


def _versions(label: str, events: list[dict[str, Any]], report: Report) -> None:
    known = Counter(e["version"] for e in events if e.get("version") is not None)
    for version, n in known.items():
        if n > 1:
            report.lost.append(f"{label}: {n} writers each committed its version {version}")


def check_records(
    session: Any, kind: str, setup: dict[str, Any], entries: list[dict[str, Any]], report: Report
) -> None:
    """The contacts (or organizations) the journals changed, against their last changes."""
    from crm.db.models import RECORD_MODELS, SearchEntry

    model: Any = RECORD_MODELS[kind]
    # By uid: SQLite gives a purged record's id to the next record made.
    by_uid: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        if e.get("kind") == kind and "uid" in e and e["op"] not in ("refused", "error"):
            by_uid.setdefault(e["uid"], []).append(e)
    for uid, events in sorted(by_uid.items()):
        record_id = int(events[0]["id"])
        label = f"{kind} {record_id}"
        row = session.scalars(sa.select(model).where(model.uid == uid)).one_or_none()
        if any(e["op"] == "purge" for e in events):
            indexed = session.scalar(
                sa.select(sa.func.count()).where(
                    SearchEntry.kind == kind, SearchEntry.record_id == record_id
                )
            )
            taken = session.scalar(sa.select(sa.func.count()).where(model.id == record_id))
            if row is not None or indexed > (taken or 0):
                report.lost.append(f"{label}: purged, yet still there")
            continue
        if row is None:
            report.lost.append(f"{label}: committed, but missing")
            continue
        start = setup[f"{kind}s"].get(str(record_id), {"version": 0, "values": {}})
        bumps = sorted((e for e in events if e["op"] in BUMPS), key=lambda e: e["version"])
        _versions(label, bumps, report)
        expected = start["version"] + len(bumps)
        if row.version != expected:
            report.lost.append(
                f"{label}: version {row.version}, but {start['version']} + {len(bumps)} "
                f"committed changes make {expected}"
            )
        values = dict(start["values"])
        deleted = False
        for e in bumps:
            values.update(e.get("values", {}))
            if e["op"] in ("trash", "restore"):
                deleted = e["op"] == "trash"
        for name, value in values.items():
            if getattr(row, name) != value:
                report.lost.append(
                    f"{label}: {name} is {getattr(row, name)!r}, the last committed was {value!r}"
                )
        if (row.deleted_at is not None) != deleted:
            report.lost.append(f"{label}: {'in' if row.deleted_at else 'out of'} the trash, "
                               f"the last committed change put it {'in' if deleted else 'out'}")  # fmt: skip


def check_introductions(
    session: Any, setup: dict[str, Any], entries: list[dict[str, Any]], report: Report
) -> None:
    from crm.db.models import Introduction, StageChange

    for key, start in setup["introductions"].items():
        record_id = int(key)
        label = f"introduction {record_id}"
        mine = [e for e in entries if e.get("kind") == "introduction" and e.get("id") == record_id]
        moves = [
            e for e in mine
            if e["op"] == "move" and e["before"] != e["to"]  # `crm move` to where it stands
        ]  # fmt: skip
        edits = sorted((e for e in mine if e["op"] == "edit"), key=lambda e: e["version"])
        _versions(label, moves + edits, report)
        row = session.get(Introduction, record_id)
        expected = start["version"] + len(moves) + len(edits)
        if row.version != expected:
            report.lost.append(
                f"{label}: version {row.version}, but {start['version']} + {len(moves)} "
                f"committed moves + {len(edits)} edits make {expected}"
            )
        notes = edits[-1]["values"]["notes"] if edits else start["notes"]
        if row.notes != notes:
            report.lost.append(f"{label}: notes {row.notes!r}, the last committed was {notes!r}")
        history = session.execute(
            sa.select(StageChange.from_stage, StageChange.to_stage)
            .where(StageChange.introduction_id == record_id)
            .order_by(StageChange.id)
        ).all()[start["history"] :]
        written = Counter((str(a), str(b)) for a, b in ((h[0], h[1]) for h in history))
        written = Counter({(_word(a), _word(b)): n for (a, b), n in written.items()})
        committed = Counter((e["before"], e["to"]) for e in moves)
        if written != committed:
            report.lost.append(
                f"{label}: the stage history has {sorted((written - committed).elements())} "
                f"more and {sorted((committed - written).elements())} fewer than the journals"
            )
        stage = row.stage.value
        last = history[-1][1] if history else None
        if history and _word(last) != stage:
            report.lost.append(f"{label}: at {stage}, its last recorded move went to {_word(last)}")
        known = [e for e in moves if e["version"] is not None]
        if not history and stage != start["stage"]:
            report.lost.append(f"{label}: at {stage} with no move recorded")
        if known:
            top = max(known, key=lambda e: e["version"])
            if top["version"] == row.version and top["to"] != stage:
                report.lost.append(
                    f"{label}: at {stage}, its last committed move went to {top['to']}"
                )


def _word(value: Any) -> str:
    return str(getattr(value, "value", value))


def check_refused(session: Any, entries: list[dict[str, Any]], report: Report) -> None:
    """No value a refused edit tried to save is in the database (each value is unique)."""
    from crm.db.models import RECORD_MODELS

    tried: dict[tuple[str, str], set[str]] = {}
    for e in entries:
        if e["op"] == "refused" and e.get("kind"):
            for name, value in e.get("values", {}).items():
                tried.setdefault((e["kind"], name), set()).add(value)
    for (kind, name), values in tried.items():
        model: Any = RECORD_MODELS[kind]
        column = getattr(model, name)
        found = session.scalars(sa.select(model.id).where(column.in_(sorted(values)))).all()
        for record_id in found:
            report.lost.append(f"{kind} {record_id}: a refused edit of its {name} was written")


def check_imports(session: Any, entries: list[dict[str, Any]], report: Report) -> None:
    from crm.db.models import Contact

    emails = [m for e in entries if e["op"] == "import" for m in e["emails"]]
    found = Counter(
        session.scalars(
            sa.select(Contact.email).where(Contact.email.like("%@import.example"))
        ).all()
    )
    for email in emails:
        if found[email] != 1:
            report.lost.append(f"imported {email}: {found[email]} contacts hold it")
    for email in set(found) - set(emails):
        report.problems.append(f"{email}: imported, but no journal says so")


def check_index(db: Any, report: Report) -> None:
    """The stored entries against a rebuild from the records (made, compared, rolled back)."""
    from crm.db.models import SearchEntry
    from crm.services import indexing

    columns = (SearchEntry.kind, SearchEntry.record_id, SearchEntry.title, SearchEntry.subtitle,
               SearchEntry.title_folded, SearchEntry.body_folded)  # fmt: skip

    def entries(session: Any) -> dict[tuple[str, int], tuple[Any, ...]]:
        return {(r[0], r[1]): tuple(r) for r in session.execute(sa.select(*columns)).all()}

    with db.read() as session:
        stored = entries(session)
    session = db.write_factory()
    try:
        session.begin()
        indexing.rebuild(session)
        rebuilt = entries(session)
    finally:
        session.rollback()
        session.close()
    for key in sorted(stored.keys() - rebuilt.keys()):
        report.problems.append(f"search index: an entry for {key[0]} {key[1]}, not a record")
    for key in sorted(rebuilt.keys() - stored.keys()):
        report.problems.append(f"search index: no entry for {key[0]} {key[1]}")
    for key in sorted(stored.keys() & rebuilt.keys()):
        if stored[key] != rebuilt[key]:
            report.problems.append(
                f"search index: {key[0]} {key[1]} holds {stored[key][2:]!r}, "
                f"its record makes {rebuilt[key][2:]!r}"
            )
