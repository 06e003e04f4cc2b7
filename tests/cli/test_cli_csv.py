"""`crm export` and `crm import` in-process: files, profiles, reports and exit statuses
(0 done, 1 the data was refused and nothing written, 2 usage error)."""

from __future__ import annotations

import codecs
import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from crm.cli import main
from crm.db.migrate import open_database
from crm.services import contacts, csv_export
from tests.cli.conftest import crm

if TYPE_CHECKING:
    pass


def read(path: Path, delimiter: str = ",", encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_export_contacts_in_french_with_semicolons(dbfile, tmp_path, capsys):
    out = tmp_path / "c.csv"
    assert (
        crm(dbfile, "export", "contacts", "--out", str(out), "--lang", "fr", "--delimiter", ";")
        == 0
    )
    rows = read(out, ";")
    assert rows[0][:3] == ["Identifiant", "Prénom", "Nom de famille"]
    assert [r[1] for r in rows[1:]] == ["Éric"]
    output = capsys.readouterr().out
    assert (
        "Exported 1 contacts" in output and "1 left out without partner-sharing consent" in output
    )


def test_export_options_columns_tab_utf8_and_consent(dbfile, tmp_path):
    out = tmp_path / "c.tsv"
    assert crm(dbfile, "export", "contacts", "--out", str(out), "--columns", "first_name,phone",
               "--delimiter", "tab", "--encoding", "utf-8", "--include-without-consent") == 0  # fmt: skip
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read(out, "\t", "utf-8") == [
        ["first_name", "phone"],
        ["Éric", "+1 514-555-0123"],
        ["Zoé", ""],
    ]
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        assert csv_export.export_log(s)[0].included_without_consent
    db.close()


def test_free_text_columns_are_exported_with_a_warning(dbfile, tmp_path, capsys):
    out = tmp_path / "c.csv"
    assert crm(dbfile, "export", "contacts", "--out", str(out)) == 0
    assert "free text" not in capsys.readouterr().err  # the defaults hold none
    assert crm(dbfile, "export", "contacts", "--out", str(out), "--columns", "uid,notes") == 0
    warning = capsys.readouterr().err
    assert "warning: notes is free text, which may name people who gave no" in warning
    assert read(out)[0] == ["uid", "notes"]


def test_export_filters_and_zip_codes(dbfile, tmp_path):
    out = tmp_path / "o.csv"
    assert (
        crm(
            dbfile,
            "export",
            "organizations",
            "--out",
            str(out),
            "--filter",
            "territory=MA",
            "--columns",
            "name,postal_code",
        )
        == 0
    )
    assert read(out) == [["name", "postal_code"], ["Cambridge Labs", "02139"]]


def test_save_a_profile_then_export_with_it(dbfile, tmp_path, capsys):
    assert crm(dbfile, "export", "contacts", "--save-profile", "MassBio", "--recipient", "MassBio",
               "--columns", "uid,email", "--lang", "fr") == 0  # fmt: skip
    assert "Saved export profile 'MassBio'" in capsys.readouterr().out
    out = tmp_path / "p.csv"
    assert crm(dbfile, "export", "contacts", "--profile", "MassBio", "--out", str(out)) == 0
    assert read(out)[0] == ["Identifiant", "Courriel"]
    assert (
        crm(dbfile, "export", "contacts", "--profile", "MassBio", "--out", str(out), "--lang", "en")
        == 0
    )
    assert read(out)[0] == ["uid", "email"]
    assert crm(dbfile, "export", "contacts", "--profile", "Nobody", "--out", str(out)) == 1
    assert crm(dbfile, "export", "organizations", "--profile", "MassBio", "--out", str(out)) == 2


def test_export_usage_errors_exit_2(dbfile, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert crm(dbfile, "export", "contacts", "--out", str(out), "--columns", "uid,nope") == 2
    assert "unknown contacts column" in capsys.readouterr().err
    assert crm(dbfile, "export", "contacts") == 2
    with pytest.raises(SystemExit) as exit_info:
        crm(dbfile, "export", "contacts", "--out", str(out), "--delimiter", "|")
    assert exit_info.value.code == 2
    assert not out.exists()


def test_export_then_import_changes_nothing(dbfile, tmp_path, capsys):
    out = tmp_path / "all.csv"
    assert crm(dbfile, "export", "contacts", "--out", str(out), "--include-without-consent") == 0
    capsys.readouterr()
    assert crm(dbfile, "import", "contacts", str(out), "--on-duplicate", "update", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert (
        report["counts"]["unchanged"] == 2
        and report["counts"]["created"] == 0
        and report["written"]
    )


def test_import_dry_run_then_real(dbfile, tmp_path, capsys):
    path = tmp_path / "new.csv"
    path.write_text("Given Name,Family Name,E-mail 1 - Value,Organization 1 - Name\r\n"
                    "Rachel,Kim,rachel@beaconhill.vc,Beacon Hill Ventures\r\n"
                    "Éric,Côté,ERIC@tmtl.ca,\r\n", encoding="utf-8")  # fmt: skip
    assert crm(dbfile, "import", "contacts", str(path), "--dry-run") == 0
    captured = capsys.readouterr()
    assert "created" in captured.out and "skipped" in captured.out
    assert "Would import contacts: 1 created, 1 skipped, 1 organizations created" in captured.err
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        assert contacts.service.count(s) == 2
    db.close()
    assert crm(dbfile, "import", "contacts", str(path)) == 0
    assert "Imported contacts: 1 created" in capsys.readouterr().err


def test_broken_file_exits_1_listing_line_and_column(dbfile, tmp_path, capsys):
    path = tmp_path / "broken.csv"
    lines = (
        ["Prénom;Nom;Courriel"]
        + [f"P{i};T;p{i}@x.org" for i in range(2, 7)]
        + ["Bad;Mail;bad@@x", "Last;One;last@x.org"]
    )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert crm(dbfile, "import", "contacts", str(path)) == 1
    err = capsys.readouterr().err
    assert "line 7, column 'Courriel'" in err and "nothing was imported" in err
    rejects = tmp_path / "rejects.csv"
    assert (
        crm(dbfile, "import", "contacts", str(path), "--skip-invalid", "--rejects", str(rejects))
        == 0
    )
    assert read(rejects, ";")[1][:3] == ["Bad", "Mail", "bad@@x"]


def test_import_usage_errors_exit_2(dbfile, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Who,Mail\r\nAnn,ann@x.org\r\n", encoding="utf-8")
    assert crm(dbfile, "import", "contacts", str(path), "--map", "Nope=email") == 2
    assert crm(dbfile, "import", "contacts", str(path), "--map", "Who=colour") == 2
    assert crm(dbfile, "import", "contacts", str(path), "--map", "no equals sign") == 2
    assert crm(dbfile, "import", "contacts", str(path), "--rejects", str(tmp_path / "r.csv")) == 2
    with pytest.raises(SystemExit) as exit_info:
        crm(dbfile, "import", "contacts", str(path), "--on-duplicate", "merge")
    assert exit_info.value.code == 2
    assert crm(dbfile, "import", "contacts", str(path), "--map", "Who=full_name") == 0


def test_dry_run_shows_what_is_inferred(dbfile, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_bytes(
        "Prénom;Nom;Courriel;Ville\r\nÉric;Côté;eric@biomtl.ca;Montréal\r\n".encode("cp1252")
    )
    assert crm(dbfile, "import", "contacts", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "inferred: language fr, territory QC" in out


# ------------------------------------------------------- refusals are sentences, never tracebacks


def test_export_filters_are_read_or_refused_with_a_sentence(dbfile, tmp_path, capsys):
    out = tmp_path / "o.csv"
    args = ("export", "organizations", "--out", str(out), "--columns", "name")
    assert crm(dbfile, *args, "--filter", "territory=qc") == 0
    assert read(out) == [["name"], ["Thérapeutiques Montréal"]]
    out.unlink()
    capsys.readouterr()
    for bad, said in (
        ("colour=red", "This list has no filter “colour” (its filters: territory, kind, membership, tag)."),
        ("territory=Mars", "The filter “territory” does not take “Mars” (it takes QC, MA, OTHER)."),
    ):  # fmt: skip
        assert crm(dbfile, *args, "--filter", bad) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err
        assert not out.exists()


def test_export_to_standard_output(dbfile, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert (
        crm(dbfile, "export", "organizations", "--out", "-", "--columns", "name,postal_code") == 0
    )
    captured = capsys.readouterr()
    assert captured.out.lstrip("\ufeff").splitlines() == [
        "name,postal_code", "Thérapeutiques Montréal,H2X 1Y4", "Cambridge Labs,02139"
    ]  # fmt: skip
    assert "Exported 2 organizations to standard output" in captured.err
    assert not (tmp_path / "-").exists()
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        assert csv_export.export_log(s)[0].file_name == "(standard output)"
    db.close()


def test_import_dry_run_on_a_new_path_creates_no_database(tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text("first_name,last_name\r\nAnn,Lee\r\n", encoding="utf-8")
    new = tmp_path / "typo" / "desk.db"
    assert main(["--db", str(new), "import", "contacts", str(path), "--dry-run"]) == 1
    assert f"The folder {new.parent} does not exist" in capsys.readouterr().err
    assert not new.exists() and not new.parent.exists()
    new = tmp_path / "desk.db"
    assert main(["--db", str(new), "import", "contacts", str(path), "--dry-run"]) == 1
    assert f"There is no database at {new}" in capsys.readouterr().err
    assert not new.exists()


MALFORMED = {
    "mac-excel-cr-only": (b"first_name,last_name,email\rAnn,Lee,ann@x.org\r", 0, "1 created"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 1, "not a CSV text file"),
    "damaged-workbook": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 1, "as an Excel workbook"),
    "truncated-utf16": (codecs.BOM_UTF16_LE + "first_name\r\nAnn\r\n".encode("utf-16-le")[:-1], 1,
                        "line 3: the text is not valid UTF-16-LE"),
    "bad-utf8-byte": ("first_name,city\r\nAnn,Montréal\r\nBob,Qu\udcffbec\r\n".encode("utf-8", "surrogateescape"),
                      1, "line 3: the text is not valid UTF-8"),
    "unclosed-quote": (b'first_name,last_name,email\r\nBob,"Unclosed,bob@example.com\r\nAnn,Lee,a@x.org\r\n', 1,
                       "line 2: a quote opened on this line is never closed"),
    "duplicate-header": (b"first_name,email,email\r\nAnn,a@x.org,b@x.org\r\n", 1, "appears twice"),
    "bad-uid": (b"uid,first_name\r\nnot-a-uuid,Ann\r\n", 1, "line 2, column 'uid': uid: 'not-a-uuid' is not a desk identifier"),
    "tag-folding-to-nothing": ("first_name,tags\r\nAnn,🧬\r\n".encode(), 0, "1 created"),
}  # fmt: skip


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files_are_refused_with_a_sentence_and_nothing_written(
    dbfile, tmp_path, capsys, name
):
    data, status, said = MALFORMED[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    assert crm(dbfile, "import", "contacts", str(path)) == status
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    db = open_database(f"sqlite:///{dbfile}")
    with db.read() as s:
        assert contacts.service.count(s) == (2 if status else 3)
    db.close()


def test_rejects_that_cannot_be_written_are_a_sentence(dbfile, tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text(
        "first_name,last_name,email\r\nAnn,Lee,ann@x.org\r\nBad,Mail,bad@@x\r\n", encoding="utf-8"
    )
    rejects = tmp_path / "no such folder" / "rejects.csv"
    assert (
        crm(dbfile, "import", "contacts", str(path), "--skip-invalid", "--rejects", str(rejects))
        == 1
    )
    err = capsys.readouterr().err
    assert "the valid rows were imported, but the rejected rows could not be written" in err
    assert "Traceback" not in err and not rejects.parent.exists()


# --- other formats: Excel workbooks, vCards, calendars ---------------------------------------


def test_the_format_follows_the_out_files_extension(dbfile, tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    book, cards = tmp_path / "orgs.xlsx", tmp_path / "people.vcf"
    assert crm(dbfile, "export", "organizations", "--out", str(book)) == 0
    assert openpyxl.load_workbook(book).active["A1"].value == "uid"
    assert crm(dbfile, "export", "contacts", "--out", str(cards)) == 0
    assert cards.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    capsys.readouterr()
    assert crm(dbfile, "export", "organizations", "--format", "vcard", "--out", str(cards)) == 1
    assert "only contacts can be exported as vCards" in capsys.readouterr().err


def test_a_workbook_and_vcards_import_back_unchanged(dbfile, tmp_path, capsys):
    book, cards = tmp_path / "orgs.xlsx", tmp_path / "people.vcf"
    assert crm(dbfile, "export", "organizations", "--format", "xlsx", "--out", str(book)) == 0
    assert crm(dbfile, "export", "contacts", "--format", "vcard", "--out", str(cards)) == 0
    capsys.readouterr()
    assert crm(dbfile, "import", "organizations", str(book), "--on-duplicate", "update") == 0
    said = capsys.readouterr().err
    assert "Excel workbook" in said and "Imported organizations: 2 unchanged." in said
    assert crm(dbfile, "import", "contacts", str(cards), "--on-duplicate", "update") == 0
    said = capsys.readouterr().err
    assert "vCard, utf-8" in said and "Imported contacts: 1 unchanged." in said


def test_followups_for_a_calendar(dbfile, tmp_path, capsys):
    from crm.services import followups, users

    icalendar = pytest.importorskip("icalendar")
    db = open_database(f"sqlite:///{dbfile}")
    with db.write() as s:
        me = users.by_name(s, "mtremblay").id
        other = users.service.create(s, None, {"name": "jsullivan"}).id
        for title, who in (("Call Ava", me), ("Send the deck", other)):
            followups.service.create(s, me, {"title": title, "due_date": "2027-01-12",
                                             "due_time": "10:30", "assignee_id": who})  # fmt: skip
    db.close()
    mine, everyone = tmp_path / "mine.ics", tmp_path / "all.ics"
    assert crm(dbfile, "export", "contacts", "--format", "ics", "--out", str(mine)) == 2
    assert "writes follow-ups, not contacts" in capsys.readouterr().err
    assert crm(dbfile, "export", "followups", "--mine", "--out", str(tmp_path / "x.csv")) == 2
    assert crm(dbfile, "export", "followups", "--out", str(everyone)) == 0
    assert crm(dbfile, "export", "followups", "--format", "ics", "--mine", "--out", str(mine)) == 0
    assert "Wrote 1 my open follow-ups" in capsys.readouterr().out

    def titles(path):
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return sorted(str(e["SUMMARY"]) for e in events)

    assert titles(everyone) == ["Call Ava", "Send the deck"] and titles(mine) == ["Call Ava"]
