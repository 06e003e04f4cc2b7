"""Reading a CSV file: a malformed file is refused with a sentence naming the problem (and its
line), never guessed and never a traceback. These need no database."""

from __future__ import annotations

import codecs

import pytest

from crm.domain.errors import DeskError
from crm.services import csv_import
from crm.services.csv_import import files

CONTACTS = (
    "first_name,last_name,email,city\r\nZoé,Lefèvre,z@x.org,Montréal\r\nAnn,Lee,a@x.org,Québec\r\n"
)
ROWS = [(2, ["Zoé", "Lefèvre", "z@x.org", "Montréal"]), (3, ["Ann", "Lee", "a@x.org", "Québec"])]


def refusal(data: bytes, entity: str | None = "contacts") -> DeskError:
    with pytest.raises(DeskError) as caught:
        csv_import.read_source(data, entity, name="partner.csv")
    assert caught.value.code.startswith("csv."), caught.value
    assert caught.value.params["file"] == "partner.csv"
    return caught.value


def test_classic_mac_excel_cr_only_line_ends_are_line_ends_in_mac_roman():
    data = CONTACTS.replace("\r\n", "\r").encode("mac_roman")
    source = csv_import.read_source(data, "contacts")
    assert source.headers == ["first_name", "last_name", "email", "city"]
    assert source.encoding == "mac-roman" and source.records == ROWS
    utf8 = csv_import.read_source(CONTACTS.replace("\r\n", "\r").encode(), "contacts")
    assert utf8.encoding == "utf-8" and utf8.records == ROWS


def test_cr_only_with_a_multiline_quoted_note_keeps_the_physical_line_numbers():
    text = 'first_name,last_name,notes\rAnn,Lee,"one\rtwo"\rBob,Ray,x\r'
    source = csv_import.read_source(text.encode(), "contacts")
    assert source.records == [(2, ["Ann", "Lee", "one\rtwo"]), (4, ["Bob", "Ray", "x"])]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",  # an image
        bytes(range(256)) * 4,
        b"first_name,last_name\r\nAnn,\x01\x02\x03\x04\r\n",  # control characters
    ],
    ids=["png", "all-bytes", "controls"],
)
def test_binary_files_are_refused_with_a_sentence(data):
    exc = refusal(data)
    assert exc.code == "csv.binary" and "not a CSV text file" in str(exc)


def test_truncated_utf16_is_refused_naming_the_line():
    data = codecs.BOM_UTF16_LE + CONTACTS.encode("utf-16-le")
    exc = refusal(data[:-1])
    assert exc.code == "csv.bad_encoding" and exc.params["line"] == "4"
    assert "line 4: the text is not valid UTF-16-LE (the file is cut short" in str(exc)


def test_one_bad_byte_in_utf8_is_refused_at_its_line_not_read_as_cp1252():
    data = CONTACTS.encode("utf-8").replace(b"Ann", b"A\xffn")
    exc = refusal(data)
    assert exc.code == "csv.bad_encoding" and exc.params == {
        "file": "partner.csv", "line": "3", "encoding": "UTF-8"
    }  # fmt: skip
    with_bom = codecs.BOM_UTF8 + data
    assert refusal(with_bom).params["line"] == "3"


def test_windows_1252_without_any_utf8_is_still_read():
    source = csv_import.read_source(CONTACTS.encode("cp1252"), "contacts")
    assert source.encoding == "cp1252" and source.records == ROWS


@pytest.mark.parametrize(
    "encoding,bom",
    [
        ("utf-16-le", b""), ("utf-16-be", b""),
        ("utf-32-le", b""), ("utf-32-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)  # fmt: skip
def test_utf16_without_bom_and_utf32_are_read_not_taken_for_utf8(encoding, bom):
    source = csv_import.read_source(bom + CONTACTS.encode(encoding), "contacts")
    assert source.headers == ["first_name", "last_name", "email", "city"]
    assert source.records == ROWS


def test_an_unclosed_quote_is_an_error_naming_its_line_not_rows_swallowed():
    text = 'first_name,last_name,email\r\nAnn,Lee,a@x.org\r\nBob,"Unclosed,bob@example.com\r\nCy,Zed,c@x.org\r\n'
    exc = refusal(text.encode())
    assert exc.code == "csv.unclosed_quote" and exc.params["line"] == "3"
    assert "line 3: a quote opened on this line is never closed." in str(exc)


def test_a_stray_quote_closing_later_is_an_error_at_the_record_line():
    text = 'first_name,last_name,notes\r\nBob,"Unclosed,x\r\nCy,"Zed",c\r\n'
    exc = refusal(text.encode())
    assert exc.code == "csv.stray_quote" and exc.params["line"] == "2"


def test_a_duplicate_header_is_refused_not_a_column_dropped():
    exc = refusal(b"first_name,Email,last_name,E-mail\r\nAnn,a@x.org,Lee,b@x.org\r\n")
    assert exc.code == "csv.duplicate_header" and exc.params["header"] == "E-mail"
    # Blank headers (trailing delimiters of a spreadsheet) are not duplicates.
    source = csv_import.read_source(b"first_name,last_name,,\r\nAnn,Lee,,\r\n", "contacts")
    assert source.records == [(2, ["Ann", "Lee", "", ""])]


def test_a_record_wider_than_the_header_is_refused():
    exc = refusal(b"first_name,last_name\r\nAnn,Lee\r\nBob,Ray,bob@x.org\r\n")
    assert exc.code == "csv.extra_cells" and exc.params["line"] == "3"


def test_files_over_the_size_guard_are_refused_before_planning(monkeypatch, tmp_path):
    monkeypatch.setattr(files, "MAX_RECORDS", 2)
    data = b"first_name,last_name\r\n" + b"Ann,Lee\r\n" * 3
    exc = refusal(data)
    assert exc.code == "csv.too_big" and exc.params["records"] == "2"
    monkeypatch.setattr(files, "MAX_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(DeskError) as caught:
        csv_import.read_source(path, "contacts")
    assert caught.value.code == "csv.too_big"


def test_the_size_guard_says_its_limits():
    exc = files._too_big("x.csv")
    assert "200 MB and 1,000,000 records" in str(exc)
