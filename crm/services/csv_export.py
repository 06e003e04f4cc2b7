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

- Formula injection: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
  leading apostrophe, so a spreadsheet shows it as text and runs nothing. The one exemption is
  the phone columns (`phone`, `mobile`) when the cell is only a phone number
  ("+1 514-555-0123", digits, spaces, dots, parentheses, hyphens, an "ext." suffix): such a
  cell calls no function and reaches nothing, and partners need the "+" readable. The
  import removes the apostrophe again, so an exported file re-imports unchanged.
- ZIP and postal codes are written as the text they are ("02139"): never as numbers.
- Dates are ISO (`YYYY-MM-DD`), moments ISO 8601 in UTC, booleans `yes`/`no`, closed
  vocabularies their stored word (whatever the header language), so files re-import as is.
- Consent (the rule is `export_columns.select`'s, so every writer gets it): contacts (and
  participants who are contacts) without `share_with_partners = yes`, or marked
  do-not-contact, are left out, and a person such a row only names (an introduction's party
  or introducer, a follow-up's linked person) is withheld: blank name and uid cells. Unless
  `include_without_consent` (then the log says so).
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import enum
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.files import atomic_file
from crm.db.models import ExportLogEntry, StaffUser
from crm.domain import csv_headers
from crm.domain.enums import Role
from crm.domain.errors import DeskError, coded
from crm.domain.text import fold
from crm.services import vcard, workbook
from crm.services.export_columns import (
    TAG_SEPARATOR,
    ExportRequest,
    converted_columns,
    free_text_columns,
    named_kinds,
    named_records,
    select,
    withheld,
)
from crm.services.export_log import record_named
from crm.services.fields import staff_name
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
PHONE_COLUMNS = frozenset({"phone", "mobile"})
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PHONE_ONLY = re.compile(r"\+?[\d\s().-]+(?: ext\. \d{1,6})?")


class ExportCancelled(DeskError):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


def neutralize(text: str, column: str = "") -> str:
    """`text` made safe for a spreadsheet: a leading apostrophe before a formula trigger."""
    if text and text.startswith(_TRIGGERS):
        if column in PHONE_COLUMNS and _PHONE_ONLY.fullmatch(text):
            return text
        return "'" + text
    return text


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


@lru_cache(maxsize=4096)
def _tag_cell(value: Any) -> str:
    """Tag names sorted the French way (accents and case ignored); tag sets repeat a lot."""
    if not value:
        return ""
    return ", ".join(sorted(value.split(TAG_SEPARATOR), key=fold))


def _safe(text: str) -> str:
    return "'" + text


def _fixups(
    columns: Sequence[str], converted: Sequence[bool]
) -> list[tuple[int, Callable[[Any], str]]]:
    """The columns whose cells Python turns into text (every writer alike): tags joined,
    and what `converted` says the database did not give as text (moments)."""
    return [
        (i, _tag_cell if c == "tags" else _convert)
        for i, c in enumerate(columns)
        if c == "tags" or (converted and converted[i])
    ]


def write_rows(
    handle: Any,
    rows: Iterable[Sequence[Any]],
    request: ExportRequest,
    *,
    converted: Sequence[bool] = (),
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the header and `rows` through the csv module; returns the rows written.

    Cells arrive as text (or None) except where `converted` says Python must turn them into
    text (moments, tags). Every cell beginning with a formula trigger is neutralized, except a
    pure phone number in a phone column.
    """
    writer = csv.writer(
        handle, delimiter=request.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([csv_headers.label(c, request.lang) for c in request.columns])
    columns = list(request.columns)
    fixups = _fixups(columns, converted)
    phones = [i for i, c in enumerate(columns) if c in PHONE_COLUMNS]
    triggers = frozenset(_TRIGGERS)
    count = 0
    batch: list[list[str]] = []
    for row in rows:
        if fixups:
            row = list(row)
            for i, fix in fixups:
                row[i] = fix(row[i])
        cells = ["" if v is None else (_safe(v) if v[:1] in triggers else v) for v in row]
        for i in phones:
            raw = row[i]
            if raw and raw[0] == "+" and _PHONE_ONLY.fullmatch(raw):
                cells[i] = raw
        batch.append(cells)
        if len(batch) == 5000:
            writer.writerows(batch)
            count += len(batch)
            batch.clear()
            if progress is not None:
                progress(count)
            if cancelled is not None and cancelled():
                raise ExportCancelled()
    writer.writerows(batch)
    count += len(batch)
    if progress is not None:
        progress(count)
    return count


def _write(
    file_format: str,
    path: Path,
    rows: Iterable[Sequence[Any]],
    request: ExportRequest,
    converted: Sequence[bool],
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
        return vcard.write(path, rows, request.columns, tick=tick)
    if file_format == "xlsx":
        columns = list(request.columns)
        fix = dict(_fixups(columns, converted))

        def text_of(i: int, value: Any) -> str:
            return fix[i](value) if i in fix else str(value)

        return workbook.write(
            path, rows, request.entity, columns, request.lang, text_of=text_of, tick=tick
        )
    if file_format != "csv":
        raise DeskError(f"cannot write '{file_format}' files (one of {', '.join(FORMATS)})")
    with path.open("w", encoding=request.encoding, newline="") as handle:
        return write_rows(
            handle, rows, request, converted=converted, progress=progress, cancelled=cancelled
        )


def _stream(result: Any, *, raw: bool) -> Iterable[Sequence[Any]]:
    """The rows in pages. When no column needs a result processor (every cell came back as
    text from the database), the driver's own tuples are read from the cursor: SQLAlchemy
    executed the statement (parameters, expanding IN lists), its per-row wrapping is skipped.
    """
    cursor = getattr(result, "cursor", None) if raw else None
    if cursor is None:
        return chain.from_iterable(result.partitions(5000))

    def pages() -> Iterable[Sequence[Any]]:
        try:
            while batch := cursor.fetchmany(5000):
                yield from batch
        finally:
            result.close()

    return pages()


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

    Run it in a write session (`db.write()`): the export log entry is part of it.
    `log_name` is what the log records instead of the path (e.g. standard output).
    `file_format` is one of `FORMATS`; a vCard file carries the contact columns a card holds.
    Only an admin may include people without sharing consent.
    """
    if file_format == "vcard":
        if request.entity != "contacts":
            raise coded("export.vcard_contacts_only", entity=request.entity)
        request = dataclasses.replace(request, columns=vcard.COLUMNS)
    request = request.checked()
    if request.include_without_consent:
        roles.require(session, actor_id, Role.ADMIN, "export_consent")
    target = Path(path)
    query, excluded_query = select(session, request, records=True)
    excluded = withheld_rows = 0
    if excluded_query is not None and not request.include_without_consent:
        excluded = int(session.execute(excluded_query).scalar_one())
    if (withheld_query := withheld(session, request)) is not None:
        withheld_rows = int(session.execute(withheld_query).scalar_one())
    kinds = named_kinds(session, request)
    # The file is written under a hidden private name and appears only once its log entry
    # has committed (see `_publish_at_commit`): never a file the log did not see, and never
    # a partial file of personal data under a visible name.
    publish = contextlib.ExitStack()
    temporary = publish.enter_context(atomic_file(target))
    named: dict[str, set[Any]] = {}  # kind -> uids of the records the file names
    try:
        # Through the Connection: plain Core rows, no ORM loading layer.
        converted = converted_columns(session, request)
        raw = not any(converted)
        # Raw: no row buffering by SQLAlchemy, the cursor is read directly (see _stream).
        options = {} if raw else {"yield_per": 5000}
        result = session.connection().execute(query.execution_options(**options))
        stream = _stream(result, raw=raw)
        try:
            rows = _write(
                file_format, temporary,
                named_records(stream, len(request.columns), kinds, named),
                request, converted, progress, cancelled,
            )  # fmt: skip
        finally:
            # Closed here, while the connection is open: a stream left to the garbage
            # collector closes its cursor after a failed write has closed the connection.
            getattr(stream, "close", lambda: None)()
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
    entry = ExportLogEntry(
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
        session.add(entry)
        session.flush()
        record_named(
            session, entry.id, {uid: kind for kind, uids in named.items() for uid in uids if uid}
        )
    except BaseException:
        publish.__exit__(*sys.exc_info())
        raise
    _publish_at_commit(session, publish)
    return ExportResult(target, rows, excluded, sha, entry.id, withheld_rows)


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
    e = ExportLogEntry
    query = (
        sa.select(
            e.id, e.at, sa.func.coalesce(staff_name(StaffUser), ""),
            e.entity, e.profile, e.recipient, e.filter, e.columns, e.row_count, e.sha256,
            e.file_name, e.included_without_consent,
        )
        .outerjoin(StaffUser, StaffUser.id == e.user_id)
        .order_by(e.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [LogRow(*row) for row in session.execute(query)]
