"""Export profiles: where an export starts, and a profile's own filters and filter text."""

from __future__ import annotations

import csv
import json

import sqlalchemy as sa

from crm.cli import main
from crm.db.migrate import open_database
from crm.db.models import ExportProfile
from crm.domain import csv_headers
from crm.services import contacts, csv_export, export_profiles, users


def test_an_export_starts_without_internal_notes_in_the_users_language():
    for entity, usual in csv_headers.DEFAULT_COLUMNS.items():
        columns = export_profiles.default_columns(entity)
        assert "notes" not in columns and columns == tuple(c for c in usual if c != "notes")
    french = export_profiles.starting_profile("contacts", "fr")
    english = export_profiles.starting_profile("contacts", "en")
    assert (french.lang, french.delimiter, french.encoding) == ("fr", ";", "utf-8-sig")
    assert (english.lang, english.delimiter, english.encoding) == ("en", ",", "utf-8-sig")
    assert not french.include_without_consent and not french.filters and not french.text


def test_a_profile_keeps_its_filters_and_filter_text(db, actor):
    profile = export_profiles.Profile(
        "Québec", "contacts", "MassBio", ("uid", "email"), "fr", ";", "utf-8",
        filters={"territory": "QC"}, text="montréal",
    )  # fmt: skip
    with db.write() as session:
        export_profiles.save(session, actor, profile)
    with db.read() as session:
        again = export_profiles.get(session, "Québec")
        stored = session.scalar(sa.select(ExportProfile.filters))
    assert again == profile
    assert json.loads(stored) == {"territory": "QC", "text": "montréal"}
    request = export_profiles.request_from(again)
    assert (request.filters, request.text) == ({"territory": "QC"}, "montréal")
    assert export_profiles.request_from(again, text="laval").text == "laval"


def test_a_profile_saved_before_filter_texts_still_loads(db, actor):
    with db.write() as session:
        export_profiles.save(session, actor, export_profiles.Profile("Old", "contacts"))
        session.execute(sa.update(ExportProfile).values(filters='{"language": "fr"}'))
    with db.read() as session:
        old = export_profiles.get(session, "Old")
    assert (old.filters, old.text) == ({"language": "fr"}, "")


def test_crm_export_saves_and_uses_the_filter_text_of_a_profile(tmp_path, capsys):
    path = tmp_path / "desk.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as s:
        actor = users.service.create(s, None, {"name": "mtremblay"}).id
        for first, city in (("Éric", "Montréal"), ("Anne", "Boston")):
            contacts.service.create(s, actor, {
                "first_name": first, "last_name": "Test", "city": city,
                "share_with_partners": "yes", "consent_date": "2025-01-10"})  # fmt: skip
    db.close()
    base = ["--db", str(path), "--user", "mtremblay", "export", "contacts"]
    assert main([*base, "--text", "Eric", "--save-profile", "Éric seul"]) == 0
    out = tmp_path / "out.csv"
    assert main([*base, "--profile", "Éric seul", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[1] for row in rows[1:]] == ["Éric"]
    db = open_database(f"sqlite:///{path}")
    with db.read() as s:
        assert '"Eric"' in csv_export.export_log(s)[0].filter
    db.close()
