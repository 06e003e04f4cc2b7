"""The CSV file side: decoding what staff receive (encoding, delimiter, records with the line
each starts on) and writing rejected rows back in the same shape, with their reason.

A malformed file is refused, not guessed: every refusal is a `DeskError` whose `code` says
why (`csv.*`) and whose `params` name the file and, where there is one, the line.

- One encoding for the whole file: a BOM says it (UTF-8, UTF-16, UTF-32); without one, UTF-16
  and UTF-32 are recognized by their zero bytes, then strict UTF-8 is tried, then the legacy
  Excel encodings (Mac Roman when lines end with CR alone, else Windows-1252) but only when
  no byte of the file reads as UTF-8: a UTF-8 file with one bad byte is refused at its line
  instead of being read as "MontrÃ©al" throughout.
- Binary data (zero bytes, control characters: a spreadsheet, an image) is refused.
- Line ends: CRLF, LF and CR alone (the "CSV (Macintosh)" of classic Excel) alike.
- Strict quoting: a quote opened and never closed, or a stray quote after a closing one, is
  an error at the line where the record starts, never rows swallowed into one cell. A record
  with more non-blank cells than the header has columns is refused; so is a header named
  twice.
- Size: files over `MAX_BYTES` or `MAX_RECORDS` records are refused before they fill memory.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm.db.files import atomic_file
from crm.domain import csv_headers
from crm.domain.errors import DeskError, coded
from crm.services import bulk, vcard, workbook

if TYPE_CHECKING:
    from crm.services.csv_import.plans import Plan

# Far above any partner file (the largest member lists are a few thousand rows, a few MB)
# and as large as the biggest benchmark tier (1,000,000 contacts); a file beyond them is
# refused before it is read whole, since memory grows with the records (a dry run of 500,000
# four-column records peaks near 1.2 GB).
MAX_BYTES = 200 * 1024 * 1024
MAX_RECORDS = 1_000_000

# Control characters a text file may hold: tab, line ends, vertical tab (line breaks inside
# cells from FileMaker and Mac Excel), form feed, and the old DOS end-of-file mark.
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1a")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_LINE_END = re.compile(r"\r\n|\r|\n")
_UTF8_LETTER = re.compile("[^\x00-\x7f\ufffd]")
_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


@dataclass
class Source:
    """A decoded file: its headers and records, each with the line it starts on."""

    name: str
    encoding: str
    delimiter: str
    headers: list[str]
    records: list[tuple[int, list[str]]]
    sha256: str = ""
    kind: str = "csv"  # or "xlsx" (a workbook's first sheet), "vcard" (a .vcf file's cards)

    def described(self) -> str:
        """How the file was read, for a report: 'utf-8, delimiter ;', 'Excel workbook'..."""
        if self.kind == "xlsx":
            return "Excel workbook"
        if self.kind == "vcard":
            return f"vCard, {self.encoding}"
        sep = "tab" if self.delimiter == "\t" else self.delimiter
        return f"{self.encoding}, delimiter {sep}"


def _shown(name: str) -> str:
    return name or "the file"


def _line_of(text: str) -> int:
    """The line number just after `text` (line ends of any kind)."""
    return len(_LINE_END.findall(text)) + 1


def _bad_encoding(name: str, data: bytes, codec: str, exc: UnicodeDecodeError) -> DeskError:
    line = _line_of(data[: exc.start].decode(codec, errors="replace"))
    shown = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}.get(codec, codec.upper())
    return coded("csv.bad_encoding", file=_shown(name), line=line, encoding=shown)


def _binary(name: str) -> DeskError:
    return coded("csv.binary", file=_shown(name))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by where the zero bytes of Latin text fall."""
    sample = data[:4096]
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    zeros = [sample[i:size:4].count(0) for i in range(4)]
    units = size // 4
    if zeros[3] == units and zeros[2] >= units * 0.9 and zeros[0] < units / 2:
        return "utf-32-le"
    if zeros[0] == units and zeros[1] >= units * 0.9 and zeros[3] < units / 2:
        return "utf-32-be"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    if odd >= units and even < units / 4:  # at least half the characters are Latin
        return "utf-16-le"
    if even >= units and odd < units / 4:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The file's text and the name of its encoding; refuses what it cannot read as one."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise _bad_encoding(name, data[len(bom) :], codec, exc) from exc
    if b"\x00" in data:
        wide = _wide_encoding(data)
        if wide is None:
            raise _binary(name)
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as exc:
            raise _bad_encoding(name, data, wide, exc) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # Legacy Excel writes Windows-1252: then no accented letter of the file reads as UTF-8.
        # One that does means a UTF-8 file with a bad byte: refused, not read as mojibake.
        if _UTF8_LETTER.search(data.decode("utf-8", errors="replace")):
            raise _bad_encoding(name, data, "utf-8", exc) from exc
    if b"\r" in data and b"\n" not in data:
        # CR alone ends lines only on classic Mac systems, whose Excel ("CSV (Macintosh)")
        # writes Mac Roman: "é" is 0x8E there, "Ž" in Windows-1252.
        return data.decode("mac_roman"), "mac-roman"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise _binary(name) from exc


def _delimiter(text: str, entity: str | None) -> str:
    first = _LINE_END.split(text, 1)[0]
    candidates = [",", ";", "\t"]
    if entity is not None:
        scores = []
        for d in candidates:
            try:
                headers = next(csv.reader([first], delimiter=d), [])
            except csv.Error:  # an odd first line: the reader proper will say where
                headers = []
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
            if path.stat().st_size > MAX_BYTES:
                raise _too_big(name)
            data = path.read_bytes()
        except OSError as exc:
            detail = str(exc.strerror or exc)
            raise coded("csv.unreadable", file=path, detail=detail) from exc
    if len(data) > MAX_BYTES:
        raise _too_big(name)
    with bulk.no_gc():
        if data.startswith(workbook.MIME_MAGIC):
            return _read_workbook(data, name)
        return _read(data, entity, delimiter, name)


def _read_workbook(data: bytes, name: str) -> Source:
    """An Excel workbook's first sheet, read as the CSV file it stands for."""
    headers, records = workbook.read(data, _shown(name))
    sha = hashlib.sha256(data).hexdigest()
    return _checked(Source(name, "xlsx", "", headers, records, sha, "xlsx"))


def _read_vcards(text: str, entity: str | None, name: str, encoding: str, sha: str) -> Source:
    if entity not in (None, "contacts"):
        raise coded("vcard.contacts_only", file=_shown(name))
    headers, records = vcard.read(text, _shown(name))
    return _checked(Source(name, encoding, "", headers, records, sha, "vcard"))


def _checked(source: Source) -> Source:
    """The rules a CSV file meets, for a workbook or vCards: the same header and size rules,
    and no cell beyond the header."""
    name, headers = source.name, source.headers
    _check_headers(name, headers)
    if len(source.records) > MAX_RECORDS:
        raise _too_big(name)
    for line, row in source.records:
        if len(row) > len(headers) and "".join(row[len(headers) :]).strip():
            raise _extra_cells(name, line, len(row), len(headers))
    return source


def _too_big(name: str) -> DeskError:
    megabytes, records = str(MAX_BYTES // (1024 * 1024)), f"{MAX_RECORDS:,}"
    return coded("csv.too_big", file=_shown(name), megabytes=megabytes, records=records)


# What the csv module says, as the reason a person can act on (its code).
_CSV_REASONS = (
    ("unexpected end of data", "csv.unclosed_quote"),
    ("expected after", "csv.stray_quote"),
    ("field larger than", "csv.cell_too_long"),
)


def _csv_error(name: str, line: int, exc: csv.Error) -> DeskError:
    text = str(exc)
    code = next((code for marker, code in _CSV_REASONS if marker in text), "csv.not_csv")
    return coded(code, file=_shown(name), line=line, detail=text)


def _read(data: bytes, entity: str | None, delimiter: str | None, name: str) -> Source:
    sha = hashlib.sha256(data).hexdigest()
    text, encoding = _decode(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _CONTROLS.search(text):
        raise _binary(name)
    if vcard.looks_like_vcard(text):
        return _read_vcards(text, entity, name, encoding, sha)
    delim = delimiter or _delimiter(text, entity)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
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
                headers = [h.strip() for h in row]
                _check_headers(name, headers)
                continue
            if len(row) > len(headers) and "".join(row[len(headers) :]).strip():
                raise _extra_cells(name, start, len(row), len(headers))
            if len(records) == MAX_RECORDS:
                raise _too_big(name)
            records.append((start, row))
    except csv.Error as exc:
        raise _csv_error(name, line, exc) from exc
    if headers is None:
        raise coded("csv.empty", file=_shown(name))
    return Source(name, encoding, delim, headers, records, sha)


def _check_headers(name: str, headers: list[str]) -> None:
    seen: set[str] = set()
    for header in headers:
        key = csv_headers.header_key(header) or header
        if key in seen and header:
            raise coded("csv.duplicate_header", file=_shown(name), header=header)
        seen.add(key)


def _extra_cells(name: str, line: int, cells: int, columns: int) -> DeskError:
    return coded("csv.extra_cells", file=_shown(name), line=line, cells=cells, columns=columns)


def write_rejects(path: str | Path, the_plan: Plan) -> int:
    """Write the invalid rows, as they were, plus a `reason` column; returns how many.

    The file appears whole or not at all (0600), and every cell is formula-safe as in an
    export: a partner's `=HYPERLINK(...)` gets its apostrophe, which the import removes again.
    """
    from crm.services.csv_export import neutralize

    by_line = {row.line: row for row in the_plan.rows if row.action == "invalid"}
    if not by_line:
        return 0
    headers = the_plan.source.headers
    # A rejects file imported again keeps its one `reason` column, refreshed.
    keys = [csv_headers.header_key(h) for h in headers]
    reason_at = keys.index("reason") if "reason" in keys else len(headers)
    columns = [*headers[:reason_at], "reason"]
    fields = the_plan.mapping
    with (
        atomic_file(Path(path)) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=the_plan.source.delimiter, lineterminator="\r\n")
        writer.writerow([neutralize(h) for h in columns])
        for line, cells in the_plan.source.records:
            row = by_line.get(line)
            if row is not None:
                reason = "; ".join(str(p) for p in row.problems)
                padded = (cells + [""] * reason_at)[:reason_at]
                # A phone column keeps its "+1 514…" as an export does.
                safe = [neutralize(c, fields.get(i, "")) for i, c in enumerate(padded)]
                writer.writerow([*safe, neutralize(reason)])
    return len(by_line)
