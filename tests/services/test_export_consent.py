"""Consent in every partner file, on SQLite and PostgreSQL: a person without partner-sharing
consent is identifiable in no default export (contacts, participants, introductions,
follow-ups: names, email, phone, uid, titles and notes included) unless the export includes
people without consent, which the log records with the records the file named."""

from __future__ import annotations

import json

import pytest

from crm.services import (
    contacts,
    csv_export,
    events,
    export_log,
    followups,
    introductions,
    organizations,
)
from crm.services.export_columns import ExportRequest, free_text_columns

PEOPLE_FILES = ("contacts", "participants", "introductions", "followups")


@pytest.fixture
def desk(db, actor):
    """Two consenting people (Éric, Ava) and three who may not be shared: Zacharie (consent
    unknown), Wanda (refused), Dora (consented, but do-not-contact). Each of the three is a
    party, an introducer, a follow-up's linked person and an event participant somewhere, and
    is named in titles and notes."""
    with db.write() as s:
        laval = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"})
        boston = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"})

        def person(first, last, email, phone, **more):
            return contacts.service.create(s, actor, {
                "first_name": first, "last_name": last, "email": email, "phone": phone, **more,
            })  # fmt: skip

        eric = person("Éric", "Côté", "eric@laval.ca", "514 555 0101", share_with_partners="yes",
                      organization_id=laval.id)  # fmt: skip
        ava = person("Ava", "Smith", "ava@bcell.com", "617 555 0102", share_with_partners="yes",
                     organization_id=boston.id)  # fmt: skip
        zach = person("Zacharie", "Quintal", "zq@secret.ca", "514 555 0199", region="QC")
        wanda = person("Wanda", "Xylander", "wx@secret.com", "617 555 0198",
                       share_with_partners="no", organization_id=boston.id)  # fmt: skip
        dora = person("Dora", "Ouellette", "do@secret.ca", "418 555 0197",
                      share_with_partners="yes", do_not_contact=True, region="QC")  # fmt: skip
        bio = events.service.create(s, actor, {"name": "BIO 2025", "starts_on": "2025-06-16"})
        plain = introductions.create(s, actor, {
            "qc_contact_id": zach.id, "ma_contact_id": ava.id, "introducer_contact_id": wanda.id,
            "owner_id": actor, "title": "Zacharie Quintal meets Ava",
            "notes": "Zacharie: zq@secret.ca, 514 555 0199",
        })  # fmt: skip
        introductions.create(s, actor, {
            "qc_organization_id": laval.id, "qc_contact_id": eric.id,
            "ma_organization_id": boston.id, "ma_contact_id": wanda.id,
            "introducer_contact_id": dora.id, "owner_id": actor, "event_id": bio.id,
        })  # fmt: skip
        untitled = introductions.create(s, actor, {
            "qc_contact_id": dora.id, "ma_contact_id": ava.id, "owner_id": actor,
        })  # fmt: skip
        for values in (
            {"title": "Call Zacharie Quintal", "contact_id": zach.id, "notes": "zq@secret.ca"},
            {"title": "Wanda Xylander said no", "introduction_id": plain.id},
            {"title": "Follow Dora", "introduction_id": untitled.id},
            {"title": "Ava", "contact_id": ava.id},
        ):
            followups.service.create(s, actor, {"due_date": "2025-01-15", **values})
        for who in (eric, zach, wanda, dora):
            events.participants.create(s, actor, {"event_id": bio.id, "contact_id": who.id})
        secrets = {
            "uids": [zach.uid, wanda.uid, dora.uid],
            "words": ["Zacharie", "Quintal", "Wanda", "Xylander", "Dora", "Ouellette"],
            "emails": ["zq@secret.ca", "wx@secret.com", "do@secret.ca"],
            "phones": ["0199", "0198", "0197"],
        }
        return {"eric": eric.uid, "ava": ava.uid, "zach": zach.uid, "secrets": secrets}


def _export(db, actor, tmp_path, request):
    path = tmp_path / f"{request.entity}.csv"
    with db.write() as s:
        result = csv_export.export(s, actor, request, path)
    return result, path.read_text(encoding="utf-8-sig")


def _leaks(text, secrets):
    return [w for group in secrets.values() for w in group if w.lower() in text.lower()]


@pytest.mark.parametrize("entity", PEOPLE_FILES)
def test_no_person_without_consent_is_identifiable_in_a_default_export(
    db, actor, desk, tmp_path, entity
):
    result, text = _export(db, actor, tmp_path, ExportRequest(entity))
    assert _leaks(text, desk["secrets"]) == []
    assert result.rows > 0 and (desk["ava"] in text or desk["eric"] in text)
    with db.read() as s:
        named = {r.uid for r in export_log.records_of(s, result.log_id)}
    assert not named & set(desk["secrets"]["uids"])  # nor does the log say they went out


def test_withheld_parties_leave_blank_cells_and_keep_the_rest(db, actor, desk, tmp_path):
    columns = ["qc_party", "qc_contact", "qc_contact_uid", "ma_party", "introducer", "stage"]
    result, text = _export(db, actor, tmp_path, ExportRequest("introductions", columns))
    rows = [line.split(",") for line in text.splitlines()[1:]]
    assert rows == [
        ["", "", "", "Ava Smith", "", "proposed"],
        ["Thérapies Laval", "Éric Côté", desk["eric"], "Boston Cell", "", "proposed"],
        ["", "", "", "Ava Smith", "", "proposed"],
    ]
    assert result.withheld_without_consent == 3 and result.excluded_without_consent == 0
    followup, text = _export(db, actor, tmp_path, ExportRequest("followups"))
    header, *lines = [line.split(",") for line in text.splitlines()]
    to, uid = header.index("linked_to"), header.index("linked_uid")
    linked = [[cells[to], cells[uid]] for cells in lines]
    assert linked == [["", ""], [" ↔ Ava Smith", linked[1][1]], [" ↔ Ava Smith", linked[2][1]],
                      ["Ava Smith", desk["ava"]]]  # fmt: skip
    assert followup.withheld_without_consent == 3


@pytest.mark.parametrize("entity", PEOPLE_FILES)
def test_including_people_without_consent_brings_them_back_and_is_logged(
    db, actor, desk, tmp_path, entity
):
    request = ExportRequest(entity, include_without_consent=True, recipient="MassBio")
    result, text = _export(db, actor, tmp_path, request)
    assert desk["zach"] in text and "Quintal" in text
    with db.read() as s:
        entry = csv_export.export_log(s)[0]
        named = {r.uid for r in export_log.records_of(s, result.log_id)}
        files = export_log.files_including(s, desk["zach"])
    assert entry.included_without_consent and entry.recipient == "MassBio"
    assert json.loads(entry.filter)["include_without_consent"] is True
    assert desk["zach"] in named
    assert [(f.export_id, f.included_without_consent) for f in files] == [(result.log_id, True)]


def test_free_text_columns_are_chosen_only_by_asking(db, actor, desk, tmp_path):
    for entity in PEOPLE_FILES:
        assert free_text_columns(ExportRequest(entity).checked()) == []
    asked = ExportRequest("introductions", ["uid", "title", "stage", "notes"]).checked()
    assert free_text_columns(asked) == ["title", "notes"]
    _, text = _export(db, actor, tmp_path, asked)
    assert "Zacharie Quintal meets Ava" in text  # what the warning is about
    with db.read() as s:
        described = json.loads(csv_export.export_log(s)[0].filter)
    assert described["free_text"] == ["title", "notes"]
