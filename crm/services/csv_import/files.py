"""The CSV file side: decoding what staff receive (encoding, delimiter, records with the line
each starts on) and writing rejected rows back in the same shape, with their reason."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm.domain import csv_headers
from crm.domain.errors import DeskError
from crm.services import bulk

if TYPE_CHECKING:
    from crm.services.csv_import.plans import Plan


@dataclass
class Source:
    """A decoded file: its headers and records, each with the line it starts on."""

    name: str
    encoding: str
    delimiter: str
    headers: list[str]
    records: list[tuple[int, list[str]]]
    sha256: str = ""


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(text: str, entity: str | None) -> str:
    first = text.split("\n", 1)[0]
    candidates = [",", ";", "\t"]
    if entity is not None:
        scores = []
        for d in candidates:
            headers = next(csv.reader([first], delimiter=d), [])
            scores.append((len(csv_headers.match_headers(entity, headers)), first.count(d), d))
        best = max(scores)
        if best[0] > 1 or (best[0] == 1 and best[1] > 0):
            return best[2]
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    except csv.Error:
        return max(candidates, key=first.count)


def read_source(
    data: bytes | str | Path,
    entity: str | None = None,
    *,
    delimiter: str | None = None,
    name: str = "",
) -> Source:
    """Decode and split a CSV file; blank lines are dropped (their line numbers are kept)."""
    if isinstance(data, str | Path):
        path = Path(data)
        name = name or str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            detail = str(exc.strerror or exc)
            raise DeskError(
                f"cannot read {path}: {detail}",
                code="csv.unreadable",
                params={"file": str(path), "detail": detail},
            ) from exc
    with bulk.no_gc():
        return _read(data, entity, delimiter, name)


def _read(data: bytes, entity: str | None, delimiter: str | None, name: str) -> Source:
    sha = hashlib.sha256(data).hexdigest()
    text, encoding = _decode(data)
    delim = delimiter or _delimiter(text, entity)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    headers: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            start = line
            line = reader.line_num + 1
            if not "".join(row).strip():  # every cell blank
                continue
            if headers is None:
                headers = [h.strip().lstrip("\ufeff") for h in row]
                continue
            records.append((start, row))
    except csv.Error as exc:
        raise DeskError(
            f"{name or 'the file'}: line {line}: not a readable CSV file ({exc})",
            code="csv.not_csv",
            params={"file": name, "line": str(line)},
        ) from exc
    if headers is None:
        raise DeskError(
            f"{name or 'the file'} is empty: no header line",
            code="csv.empty",
            params={"file": name},
        )
    return Source(name, encoding, delim, headers, records, sha)


def write_rejects(path: str | Path, the_plan: Plan) -> int:
    """Write the invalid rows, as they were, plus a `reason` column; returns how many."""
    by_line = {row.line: row for row in the_plan.rows if row.action == "invalid"}
    if not by_line:
        return 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=the_plan.source.delimiter, lineterminator="\r\n")
        writer.writerow([*the_plan.source.headers, "reason"])
        for line, cells in the_plan.source.records:
            row = by_line.get(line)
            if row is not None:
                reason = "; ".join(str(p) for p in row.problems)
                padded = cells + [""] * (len(the_plan.source.headers) - len(cells))
                writer.writerow([*padded, reason])
    return len(by_line)
