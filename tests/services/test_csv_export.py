"""CSV export through the services, on SQLite and PostgreSQL: columns, header languages,
delimiters, encodings, RFC 4180, formula neutralization, consent, the export log, profiles."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
import sqlalchemy as sa

from crm.db.models import Contact, ExportLogEntry
from crm.domain.errors import DeskError, NotFound
from crm.services import (
    contacts,
    csv_export,
    events,
    export_log,
    export_profiles,
    followups,
    introductions,
    organizations,
)
from crm.services.export_columns import ExportRequest


@pytest.fixture
def data(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {
            "name": "Thérapeutiques Montréal", "region": "QC", "country": "Canada",
            "postal_code": "H2X 1Y4", "kind": "biotech", "tags": "oncologie, IA",
        })  # fmt: skip
        ma = organizations.service.create(s, actor, {
            "name": "Cambridge CRO", "region": "MA", "country": "USA", "postal_code": "02139",
            "phone": "617 555 0100", "kind": "cro",
        })  # fmt: skip
        eric = contacts.service.create(s, actor, {
            "first_name": "Éric", "last_name": "Côté", "email": "eric@tmtl.ca",
            "organization_id": qc.id, "share_with_partners": "yes", "phone": "514 555 0123",
            "notes": '=HYPERLINK("http://x")\nsecond line, "quoted"', "tags": "Mission Boston",
            "title": "@dir",
        })  # fmt: skip
        anne = contacts.service.create(s, actor, {
            "first_name": "Anne", "last_name": "Zimmer", "organization_id": ma.id,
            "share_with_partners": "yes", "do_not_contact": True,
        })  # fmt: skip
        zoe = contacts.service.create(s, actor, {"first_name": "Zoé", "last_name": "Abbott"})
        intro = introductions.create(s, actor, {
            "qc_contact_id": eric.id, "qc_organization_id": qc.id, "ma_organization_id": ma.id,
            "owner_id": actor, "title": "-Montréal meets Cambridge",
        })  # fmt: skip
        followups.service.create(s, actor, {
            "title": "Call Éric", "due_date": "2025-01-15", "introduction_id": intro.id,
        })  # fmt: skip
        bio = events.service.create(s, actor, {"name": "BIO 2025", "starts_on": "2025-06-16"})
        events.participants.create(
            s,
            actor,
            {"event_id": bio.id, "contact_id": eric.id, "role": "speaker", "attended": True},
        )
        events.participants.create(s, actor, {"event_id": bio.id, "contact_id": zoe.id})
        events.participants.create(s, actor, {"event_id": bio.id, "organization_id": ma.id})
        return {
            "qc": qc.id,
            "ma": ma.id,
            "eric": eric.id,
            "anne": anne.id,
            "zoe": zoe.id,
            "bio": bio.id,
        }


def export(db, actor, tmp_path, request, name="out.csv"):
    path = tmp_path / name
    with db.write() as s:
        result = csv_export.export(s, actor, request, path)
    return result, path


def rows_of(path, encoding="utf-8-sig", delimiter=","):
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_contacts_default_columns_consent_and_rfc4180(db, actor, data, tmp_path):
    # The defaults and the notes (free text, asked for) with their line break.
    columns = (*csv_export.csv_headers.DEFAULT_COLUMNS["contacts"], "notes")
    result, path = export(db, actor, tmp_path, ExportRequest("contacts", columns))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the accents
    assert (
        b"\r\n" in raw and raw.count(b"\r\n") == 2
    )  # header + one record; the note's LF stays inside
    rows = rows_of(path)
    assert rows[0] == list(columns)
    # Only Éric: Anne is do-not-contact, Zoé has no consent.
    assert result.rows == 1 and result.excluded_without_consent == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["first_name"] == "Éric" and record["organization"] == "Thérapeutiques Montréal"
    assert record["notes"] == "'" + '=HYPERLINK("http://x")\nsecond line, "quoted"'
    assert record["title"] == "'@dir"
    assert record["phone"] == "+1 514-555-0123"  # a phone number stays readable
    assert record["share_with_partners"] == "yes" and record["tags"] == "Mission Boston"


def test_including_contacts_without_consent_is_logged(db, actor, data, tmp_path):
    result, _ = export(db, actor, tmp_path, ExportRequest("contacts", include_without_consent=True))
    assert result.rows == 3 and result.excluded_without_consent == 0
    with db.read() as s:
        entry = s.get(ExportLogEntry, result.log_id)
        assert entry.included_without_consent is True and entry.user_id == actor


def test_export_log_records_who_what_and_the_file_hash(db, actor, data, tmp_path):
    request = ExportRequest(
        "organizations", filters={"territory": "MA"}, profile="p", recipient="MassBio"
    )
    result, path = export(db, actor, tmp_path, request)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with db.read() as s:
        log = csv_export.export_log(s)
    assert len(log) == 1
    row = log[0]
    assert (row.entity, row.profile, row.recipient, row.row_count) == (
        "organizations",
        "p",
        "MassBio",
        1,
    )
    assert row.user == "Marie Tremblay" and row.sha256 == result.sha256
    assert json.loads(row.filter)["filters"] == {"territory": "MA"}
    assert row.columns.split(",")[:2] == ["uid", "name"]


def test_french_headers_semicolon_zip_codes_keep_their_zeros(db, actor, data, tmp_path):
    request = ExportRequest(
        "organizations", columns=("name", "postal_code", "phone", "tags"), lang="fr", delimiter=";"
    )
    _, path = export(db, actor, tmp_path, request)
    rows = rows_of(path, delimiter=";")
    assert rows[0] == ["Nom", "Code postal", "Téléphone", "Étiquettes"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Cambridge CRO"][1] == "02139"
    assert by_name["Cambridge CRO"][2] == "+1 617-555-0100"
    assert by_name["Thérapeutiques Montréal"][3] == "IA, oncologie"


def test_tab_and_plain_utf8(db, actor, data, tmp_path):
    _, path = export(
        db,
        actor,
        tmp_path,
        ExportRequest("organizations", columns=("name",), delimiter="tab", encoding="utf-8"),
    )
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert rows_of(path, "utf-8", "\t")[0] == ["name"]


def test_list_filter_and_selected_rows(db, actor, data, tmp_path):
    _, path = export(
        db, actor, tmp_path, ExportRequest("organizations", columns=("name",), text="montreal")
    )
    assert [r[0] for r in rows_of(path)[1:]] == ["Thérapeutiques Montréal"]
    _, path = export(
        db, actor, tmp_path, ExportRequest("organizations", columns=("name",), ids=[data["ma"]])
    )
    assert [r[0] for r in rows_of(path)[1:]] == ["Cambridge CRO"]


def test_introductions_followups_participants_name_the_parties(db, actor, data, tmp_path):
    _, path = export(
        db,
        actor,
        tmp_path,
        ExportRequest(
            "introductions",
            columns=("qc_party", "ma_party", "qc_contact", "ma_organization_uid", "title", "owner"),
        ),
    )
    record = rows_of(path)[1]
    assert record[:3] == ["Thérapeutiques Montréal", "Cambridge CRO", "Éric Côté"]
    assert (
        len(record[3]) == 36
        and record[4] == "'-Montréal meets Cambridge"
        and record[5] == "Marie Tremblay"
    )
    _, path = export(db, actor, tmp_path, ExportRequest("followups"))
    record = dict(zip(*rows_of(path)[:2], strict=True))
    assert record["due_date"] == "2025-01-15" and record["linked_kind"] == "introduction"
    # An introduction is named by its parties, not by its title (free text).
    assert record["linked_to"] == "Thérapeutiques Montréal ↔ Cambridge CRO"
    result, path = export(db, actor, tmp_path, ExportRequest("participants"))
    rows = [dict(zip(rows_of(path)[0], r, strict=True)) for r in rows_of(path)[1:]]
    # Zoé (no consent) is left out; the organization participant stays.
    assert result.excluded_without_consent == 1
    assert sorted(r["contact"] or r["organization"] for r in rows) == ["Cambridge CRO", "Éric Côté"]
    eric = next(r for r in rows if r["contact"])
    assert (eric["event"], eric["event_starts_on"], eric["role"], eric["attended"]) == (
        "BIO 2025",
        "2025-06-16",
        "speaker",
        "yes",
    )


def test_bad_options_are_refused(db, actor, data, tmp_path):
    for request in (
        ExportRequest("contacts", columns=("uid", "nope")),
        ExportRequest("contacts", delimiter="|"),
        ExportRequest("contacts", encoding="latin-1"),
        ExportRequest("things"),
    ):
        with pytest.raises(DeskError):
            export(db, actor, tmp_path, request)
    assert not (tmp_path / "out.csv").exists()


def test_neutralize_rules():
    n = csv_export.neutralize
    assert n("=1+1") == "'=1+1" and n("+SUM(A1)") == "'+SUM(A1)" and n("\tx") == "'\tx"
    assert n("+1 514-555-0123", "phone") == "+1 514-555-0123"
    assert n("+1 514-555-0123 ext. 12", "mobile") == "+1 514-555-0123 ext. 12"
    assert n("+1 514-555-0123", "notes") == "'+1 514-555-0123"
    assert n("+cmd|' /C calc'!A0", "phone") == "'+cmd|' /C calc'!A0"
    assert n("Montréal") == "Montréal"


def test_profiles_save_reuse_and_replace(db, actor, data, tmp_path):
    profile = export_profiles.Profile(
        "MassBio members", "contacts", "MassBio", ("uid", "first_name", "email"), "fr", ";", "utf-8"
    )
    with db.write() as s:
        export_profiles.save(s, actor, profile)
        export_profiles.save(
            s, actor, export_profiles.Profile("BIOQuébec orgs", "organizations", "BIOQuébec")
        )
    with db.read() as s:
        assert export_profiles.names(s) == ["BIOQuébec orgs", "MassBio members"]
        assert export_profiles.names(s, "contacts") == ["MassBio members"]
        loaded = export_profiles.get(s, "MassBio members")
    assert loaded == profile
    _, path = export(db, actor, tmp_path, export_profiles.request_from(loaded))
    assert rows_of(path, "utf-8", ";")[0] == ["Identifiant", "Prénom", "Courriel"]
    with db.read() as s:
        assert csv_export.export_log(s)[0].profile == "MassBio members"
        assert csv_export.export_log(s)[0].recipient == "MassBio"
    with db.write() as s:
        export_profiles.save(
            s, actor, export_profiles.Profile("MassBio members", "contacts", "MassBio", ("email",))
        )
        assert export_profiles.get(s, "MassBio members").columns == ("email",)
        export_profiles.delete(s, actor, "BIOQuébec orgs")
    with db.read() as s, pytest.raises(NotFound):
        export_profiles.get(s, "BIOQuébec orgs")
    with db.write() as s, pytest.raises(DeskError):
        export_profiles.save(
            s, actor, export_profiles.Profile("bad", "contacts", columns=("nope",))
        )


def test_a_cancelled_export_stops_writing():
    """Cancel is asked after each batch of 5000 rows; once it says yes, no row is read or
    written any more (`export` then removes the partial file)."""
    read: list[int] = []

    def rows():
        for i in range(12_000):
            read.append(i)
            yield (f"Org {i}",)

    asked: list[int] = []

    def cancelled():
        asked.append(len(read))
        return len(asked) == 2

    request = ExportRequest("organizations", columns=("name",)).checked()
    handle = io.StringIO()
    with pytest.raises(csv_export.ExportCancelled):
        csv_export.write_rows(handle, rows(), request, cancelled=cancelled)
    assert asked == [5000, 10_000]
    assert len(read) == 10_000
    header = io.StringIO()
    csv_export.write_rows(header, [], request)
    assert header.getvalue() and handle.getvalue().startswith(header.getvalue())
    written = handle.getvalue().removeprefix(header.getvalue())
    assert written.split("\r\n") == [f"Org {i}" for i in range(10_000)] + [""]


def test_moments_are_iso_utc_and_no_row_is_lost(db, actor, data, tmp_path):
    with db.write() as s:
        for i in range(30):
            organizations.service.create(s, actor, {"name": f"Org {i:02d}"})
    for columns in (("name", "created_at"), ("name",)):  # a converted column, then the raw path
        result, path = export(db, actor, tmp_path, ExportRequest("organizations", columns=columns))
        rows = rows_of(path)[1:]
        assert result.rows == len(rows) == 32
        assert {r[0] for r in rows} >= {"Org 00", "Org 29", "Cambridge CRO"}
    _, path = export(db, actor, tmp_path, ExportRequest("organizations", columns=("created_at",)))
    stamp = rows_of(path)[1][0]
    assert stamp.endswith("+00:00") and "T" in stamp


def test_the_log_names_the_files_records_while_another_desk_commits(
    db, actor, data, tmp_path, monkeypatch
):
    """The file's rows and the log's record of them are two reads (the log's is an INSERT ...
    SELECT in the database): another desk's change between them must not make the log
    differ from the file. On PostgreSQL the export's snapshot keeps the change out of both;
    on SQLite the write lock keeps the other desk from writing until the export is done."""
    other = sa.create_engine(db.url, connect_args={"timeout": 0.2} if db.is_sqlite else {})
    real = csv_export._write
    blocked: list[Exception] = []

    def write_then_other_desk_commits(*args, **kwargs):
        written = real(*args, **kwargs)
        try:
            with other.begin() as conn:  # Éric withdraws his consent, a new contact agrees
                conn.execute(
                    sa.text("UPDATE contacts SET share_with_partners = 'no' WHERE id = :id"),
                    {"id": data["eric"]},
                )
                conn.execute(
                    sa.text("UPDATE contacts SET share_with_partners = 'yes' WHERE id = :id"),
                    {"id": data["zoe"]},
                )
        except sa.exc.OperationalError as exc:
            blocked.append(exc)
        return written

    monkeypatch.setattr(csv_export, "_write", write_then_other_desk_commits)
    path = tmp_path / "out.csv"
    with db.write(snapshot=True) as s:
        result = csv_export.export(s, actor, ExportRequest("contacts", ("uid", "last_name")), path)
    other.dispose()
    file_uids = {row[0] for row in rows_of(path)[1:]}
    with db.read() as s:
        eric = s.get(Contact, data["eric"]).uid
        logged = {r.uid for r in export_log.records_of(s, result.log_id) if r.entity == "contact"}
    assert file_uids == logged == {eric}
    assert bool(blocked) == db.is_sqlite  # SQLite: "database is locked" for the other desk


def test_tags_sorted_the_french_way_and_formula_safe(db, actor, tmp_path):
    """The database joins the tags (no per-row Python): accents and case set aside in the
    order, whatever the server's collation, and a tag that starts like a formula guarded."""
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "A", "tags": "Zoo, éco, Ébène, abc"})
        organizations.service.create(s, actor, {"name": "B", "tags": "=cmd"})
        organizations.service.create(s, actor, {"name": "C"})
    _, path = export(db, actor, tmp_path, ExportRequest("organizations", ("name", "tags")))
    assert rows_of(path)[1:] == [["A", "abc, Ébène, éco, Zoo"], ["B", "'=cmd"], ["C", ""]]
