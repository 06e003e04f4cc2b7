"""CSV export for partners: organizations, contacts, introductions, follow-ups, participants.

`export(session, actor_id, request, path)` streams the rows of one Core SELECT (no ORM
objects; the request, its columns and that SELECT are in `crm.services.export_columns`) into
an RFC 4180 file (csv module, CRLF, QUOTE_MINIMAL: quoted fields, doubled quotes, multi-line
notes intact), then records the export in the export log (who, when,
profile, recipient, filter, columns, row count, SHA-256 of the file, and the uids of the
records the file names: its rows' own and those its columns name, see `crm.services.
export_log`). The file is written
under a hidden 0600 name beside `path` and renamed into place only when the session's
transaction commits, the log entry with it; a rollback or a failure removes it.

Safety and privacy rules:

- Formula injection: in the columns that can hold free text, a cell beginning with `=`, `+`,
  `-`, `@`, tab or carriage return gets a leading apostrophe, except a pure phone number in a
  phone column (`crm.services.formula_guard`). The import removes the apostrophe again.
- ZIP and postal codes are written as the text they are ("02139"): never as numbers.
- Dates are ISO (`YYYY-MM-DD`), moments ISO 8601 in UTC, booleans `yes`/`no`, closed
  vocabularies their stored word (whatever the header language), so files re-import as is.
- Consent (the rule is `export_columns.select`'s, so every writer gets it): contacts (and
  participants who are contacts) without `share_with_partners = yes`, or marked
  do-not-contact, are left out, and a person such a row only names (an introduction's party
  or introducer, a follow-up's linked person) is withheld: blank name and uid cells. Unless
  `include_without_consent` (then the log says so).

Speed: the rows go from the driver's cursor to `csv.writer` a page at a time (tags joined and
sorted by the database); Python touches a row only for a column it must convert (moments,
converters chosen once per column) or a cell the formula guard changes. The log's record of
the uids the file names is one INSERT ... SELECT in the database (`export_columns.
log_named`), under the same snapshot as the file's rows.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import enum
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import chain, islice
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.files import atomic_file
from crm.db.tables import export_log as export_log_table
from crm.db.tables import staff_users
from crm.domain import csv_headers
from crm.domain.enums import Role
from crm.domain.errors import DeskError, coded
from crm.services.export_columns import (
    ExportRequest,
    column_traits,
    free_text_columns,
    log_named,
    select,
    withheld,
)
from crm.services.fields import staff_name
from crm.services.formula_guard import guard_page, neutralize
from crm.services.privacy import roles

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportResult",
    "LogRow",
    "export",
    "export_log",
    "neutralize",
    "write_rows",
]

# The files an export writes: CSV, an Excel workbook (typed cells), vCards (contacts only).
FORMATS = ("csv", "xlsx", "vcard")
_PAGE = 5000  # rows per fetch, write, progress report and cancel check


class ExportCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    excluded_without_consent: int
    sha256: str
    log_id: int
    # Rows written with a person they name withheld (blank) for want of consent.
    withheld_without_consent: int = 0


# --- writing ---------------------------------------------------------------------------------


def _convert(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _fixups(
    columns: Sequence[str], converted: Sequence[bool]
) -> list[tuple[int, Callable[[Any], str]]]:
    """The columns whose cells Python turns into text (every writer alike): what `converted`
    says the database did not give as text (moments)."""
    return [(i, _convert) for i in range(len(columns)) if converted and converted[i]]


def write_rows(
    handle: Any,
    rows: Iterable[Sequence[Any]],
    request: ExportRequest,
    *,
    converted: Sequence[bool] = (),
    prone: Sequence[bool] | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the header and `rows` through the csv module; returns the rows written.

    The rows are `export_columns.select`'s: text (or None, written blank), except the
    columns `converted` says Python must turn into text (moments). The cells of the columns
    `prone` says may begin like a formula (all of them when not given) go through the
    formula guard. A page of rows at a time.
    """
    writer = csv.writer(
        handle, delimiter=request.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([csv_headers.label(c, request.lang) for c in request.columns])
    columns = list(request.columns)
    fixups = _fixups(columns, converted)
    guarded = [i for i in range(len(columns)) if prone is None or prone[i]]
    stream = iter(rows)
    count = 0
    while page := list(islice(stream, _PAGE)):
        if fixups:
            page = [_fixed(row, fixups) for row in page]
        writer.writerows(guard_page(page, guarded, columns))
        count += len(page)
        if progress is not None:
            progress(count)
        if cancelled is not None and len(page) == _PAGE and cancelled():
            raise ExportCancelled()
    if progress is not None and not count:
        progress(count)
    return count


def _fixed(row: Sequence[Any], fixups: list[tuple[int, Callable[[Any], str]]]) -> list[Any]:
    cells = list(row)
    for i, fix in fixups:
        cells[i] = fix(cells[i])
    return cells


def _write(
    file_format: str,
    path: Path,
    rows: Iterable[Sequence[Any]],
    request: ExportRequest,
    converted: Sequence[bool],
    prone: Sequence[bool],
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """Write `rows` to `path` in the file format asked; returns the rows written."""

    def tick(count: int) -> None:
        if progress is not None:
            progress(count)
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    if file_format == "vcard":
        from crm.services import vcard

        return vcard.write(path, rows, request.columns, tick=tick)
    if file_format == "xlsx":
        from crm.services import workbook

        columns = list(request.columns)
        fix = dict(_fixups(columns, converted))

        def text_of(i: int, value: Any) -> str:
            return fix[i](value) if i in fix else str(value)

        return workbook.write(
            path, rows, request.entity, columns, request.lang, text_of=text_of, tick=tick
        )
    if file_format != "csv":
        raise DeskError(f"cannot write '{file_format}' files (one of {', '.join(FORMATS)})")
    # The byte-order mark written by hand: Python's "utf-8-sig" codec encodes in Python,
    # write by write, where "utf-8" is the C encoder (a sixth of the writing time).
    with path.open("w", encoding="utf-8", newline="") as handle:
        if request.encoding == "utf-8-sig":
            handle.write("\ufeff")
        return write_rows(
            handle, rows, request, converted=converted, prone=prone, progress=progress,
            cancelled=cancelled,
        )  # fmt: skip


def _stream(result: Any, *, raw: bool) -> Iterable[Sequence[Any]]:
    """The rows, read in pages. When no column needs a result processor (every cell came
    back as text from the database), the driver's own tuples are read from the cursor:
    SQLAlchemy executed the statement (parameters, expanding IN lists), its per-row wrapping
    is skipped."""
    cursor = getattr(result, "cursor", None) if raw else None
    if cursor is None:
        return chain.from_iterable(result.partitions(_PAGE))
    return chain.from_iterable(iter(lambda: cursor.fetchmany(_PAGE), []))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export(
    session: Session,
    actor_id: int | None,
    request: ExportRequest,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    log_name: str | None = None,
    file_format: str = "csv",
) -> ExportResult:
    """Write the file and log the export; the file appears at `path` when the caller's
    transaction commits (the log entry with it), and not at all if it does not.

    Run it in a write session (`db.write(snapshot=True)`): the export log entry is part of
    it, and the records it names are read again for the log.
    `log_name` is what the log records instead of the path (e.g. standard output).
    `file_format` is one of `FORMATS`; a vCard file carries the contact columns a card holds.
    Only an admin may include people without sharing consent.
    """
    if file_format == "vcard":
        if request.entity != "contacts":
            raise coded("export.vcard_contacts_only", entity=request.entity)
        from crm.services import vcard

        request = dataclasses.replace(request, columns=vcard.COLUMNS)
    request = request.checked()
    if request.include_without_consent:
        roles.require(session, actor_id, Role.ADMIN, "export_consent")
    target = Path(path)
    query, excluded_query = select(session, request)
    excluded = withheld_rows = 0
    if excluded_query is not None and not request.include_without_consent:
        excluded = int(session.execute(excluded_query).scalar_one())
    if (withheld_query := withheld(session, request)) is not None:
        withheld_rows = int(session.execute(withheld_query).scalar_one())
    # The file is written under a hidden private name and appears only once its log entry
    # has committed (see `_publish_at_commit`): never a file the log did not see, and never
    # a partial file of personal data under a visible name.
    publish = contextlib.ExitStack()
    temporary = publish.enter_context(atomic_file(target))
    try:
        # Through the Connection: plain Core rows, no ORM loading layer.
        converted, prone = column_traits(session, request)
        raw = not any(converted)
        # Raw: no row buffering by SQLAlchemy, the cursor is read directly (see _stream).
        options = {} if raw else {"yield_per": _PAGE}
        result = session.connection().execute(query.execution_options(**options))
        stream = _stream(result, raw=raw)
        try:
            rows = _write(
                file_format, temporary, stream, request, converted, prone, progress, cancelled
            )
        finally:
            # Closed here, while the connection is open: a result left to the garbage
            # collector closes its cursor after a failed write has closed the connection.
            result.close()
        sha = _sha256(temporary)
    except OSError as exc:
        publish.__exit__(*sys.exc_info())  # removes the temporary file
        if exc.filename is None:  # a failed write names no file: say it was the export's
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        publish.__exit__(*sys.exc_info())
        raise
    described = {
        "filters": {k: _plain(v) for k, v in request.filters.items()},
        "text": request.text,
        "selected": None if request.ids is None else len(request.ids),
        "include_without_consent": request.include_without_consent,
        "excluded_without_consent": excluded,
        "withheld_without_consent": withheld_rows,
        "free_text": free_text_columns(request),
        "lang": request.lang,
        "format": file_format,
    }
    if file_format == "csv":
        described["delimiter"] = "tab" if request.delimiter == "\t" else request.delimiter
        described["encoding"] = request.encoding
    entry = dict(
        user_id=actor_id,
        entity=request.entity,
        profile=request.profile,
        recipient=request.recipient,
        filter=json.dumps(described, ensure_ascii=False),
        columns=",".join(request.columns),
        row_count=rows,
        sha256=sha,
        file_name=log_name or str(target),
        included_without_consent=request.include_without_consent,
    )
    try:
        insert = sa.insert(export_log_table).values(entry).returning(export_log_table.c.id)
        entry_id = session.execute(insert).scalar_one()
        # The same rows read again: the caller's write lock (SQLite) or snapshot
        # (PostgreSQL, `Database.write(snapshot=True)`) keeps them the file's.
        session.execute(log_named(session, request, entry_id))
    except BaseException:
        publish.__exit__(*sys.exc_info())
        raise
    _publish_at_commit(session, publish)
    return ExportResult(target, rows, excluded, sha, entry_id, withheld_rows)


class _RolledBack(Exception):
    """Handed to `atomic_file` when the export's transaction ends without a commit."""


def _publish_at_commit(session: Session, publish: contextlib.ExitStack) -> None:
    """Rename the written file into place when the session's transaction commits; remove it
    when the transaction ends otherwise (rolled back, or closed without a commit)."""
    root = session.get_transaction()
    done = False

    def committed(_session: Session) -> None:
        nonlocal done
        if not done:
            done = True
            publish.close()

    def ended(_session: Session, transaction: Any) -> None:
        nonlocal done
        if transaction is root and not done:
            done = True
            publish.__exit__(_RolledBack, _RolledBack(), None)

    sa.event.listen(session, "after_commit", committed)
    sa.event.listen(session, "after_transaction_end", ended)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


@dataclass(frozen=True)
class LogRow:
    id: int
    at: datetime
    user: str
    entity: str
    profile: str
    recipient: str
    filter: str
    columns: str
    row_count: int
    sha256: str
    file_name: str
    included_without_consent: bool


def export_log(session: Session, *, limit: int = 500) -> list[LogRow]:
    """The latest exports first, as plain rows."""
    e = export_log_table.c
    query = (
        sa.select(
            e.id, e.at, sa.func.coalesce(staff_name(staff_users), ""),
            e.entity, e.profile, e.recipient, e.filter, e.columns, e.row_count, e.sha256,
            e.file_name, e.included_without_consent,
        )
        .select_from(export_log_table)
        .outerjoin(staff_users, staff_users.c.id == e.user_id)
        .order_by(e.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [LogRow(*tuple(row)) for row in session.execute(query)]
