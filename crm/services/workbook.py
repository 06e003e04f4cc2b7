"""Excel workbooks (.xlsx) both ways, through openpyxl: the export's rows as typed cells, and
a received workbook's first sheet as the header and records the CSV import reads.

Partners live in Excel, and a spreadsheet opening a CSV file guesses: "02139" becomes the
number 2139, a uid that looks like a number loses digits. In a workbook each cell says what it
is, so the desk writes postal codes, phones, uids and every other word as text, dates as
dates, moments as date-times (UTC, as stored) and counts as numbers.

Text is written as text cells, never formulas: a cell beginning with "=" is a string cell,
shown as typed and never evaluated, so the CSV export's apostrophe guard is not needed here
(and the file re-imports unchanged).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from crm.domain import csv_headers
from crm.domain.errors import coded
from crm.domain.fields import FILES

MIME_MAGIC = b"PK\x03\x04"  # an .xlsx file is a ZIP archive
_BATCH = 5000


def _typed(kind: str) -> Callable[[Any], Any] | None:
    """How a column of this kind turns its exported text into a typed cell (None: as text)."""
    if kind == "date":
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    if kind == "datetime":

        def moment(v: Any) -> Any:
            if isinstance(v, str):
                v = datetime.fromisoformat(v)
            return v.replace(tzinfo=None) if isinstance(v, datetime) else v

        return moment
    if kind == "int":
        return lambda v: int(v) if isinstance(v, str) and v.lstrip("-").isdigit() else v
    return None


def write(
    path: Path,
    rows: Iterable[Sequence[Any]],
    entity: str,
    columns: Sequence[str],
    lang: str,
    *,
    text_of: Callable[[int, Any], str],
    tick: Callable[[int], None] = lambda _count: None,
) -> int:
    """Write the header and `rows` to a one-sheet workbook at `path`; returns the rows written.

    `text_of(i, value)` is the CSV export's text of column i's value (tags joined, enums as
    their word); typed columns (dates, moments, counts) are then read back from that text.
    `tick` is told the count every 5,000 rows and at the end (progress, and a cancel).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    fields = {f.name: f for f in FILES[entity].fields}
    typers = [_typed(fields[c].kind) if c in fields else None for c in columns]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(entity)
    sheet.freeze_panes = "A2"
    sheet.append([csv_headers.label(c, lang) for c in columns])
    formats = {date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm:ss", time: "hh:mm"}
    count = 0
    for row in rows:
        cells: list[Any] = []
        for i, value in enumerate(row):
            if value is None or value == "":
                cells.append(None)
                continue
            typer = typers[i]
            typed = typer(value) if typer is not None else text_of(i, value)
            cell = WriteOnlyCell(sheet, typed)
            if isinstance(typed, str):
                cell.data_type = "s"  # never a formula, whatever the first character
                cell.number_format = "@"  # and still text once edited in the spreadsheet
            elif type(typed) in formats:
                cell.number_format = formats[type(typed)]
            cells.append(cell)
        sheet.append(cells)
        count += 1
        if count % _BATCH == 0:
            tick(count)
    book.save(path)
    tick(count)
    return count


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()  # Excel keeps dates as midnight date-times
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(data: bytes, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The first sheet's header and records (each with its row number), cells as text.

    A damaged or password-protected workbook is refused with the file's name.
    """
    import io

    from openpyxl import load_workbook

    shown = name or "the file"
    headers: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0] if book.worksheets else None
            rows = sheet.iter_rows(values_only=True) if sheet is not None else iter(())
            for number, values in enumerate(rows, start=1):
                cells = [_cell_text(v) for v in values]
                if not "".join(cells).strip():
                    continue
                if headers is None:
                    while cells and not cells[-1].strip():
                        cells.pop()  # a sheet's used range often runs past the last header
                    headers = [c.strip() for c in cells]
                    continue
                records.append((number, cells))
        finally:
            book.close()
    # A damaged archive fails anywhere in the parser (zip, XML, zlib, openpyxl's own
    # exceptions), and while reading rows as much as on opening: every one is the same fact.
    except Exception as exc:
        raise coded("xlsx.unreadable", file=shown, detail=f"{type(exc).__name__}: {exc}") from exc
    if headers is None:
        raise coded("csv.empty", file=shown)
    return headers, records
