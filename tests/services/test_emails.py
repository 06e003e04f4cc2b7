"""Introduction email drafts: each party's language, editable templates, mailto."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from crm.services import contacts, emails, introductions, organizations


@pytest.fixture
def intro(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Thérapies Laval", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        eric = contacts.service.create(
            s,
            actor,
            {
                "first_name": "Éric",
                "last_name": "Côté",
                "organization_id": qc,
                "language": "fr",
                "email": "eric@laval.example",
            },
        ).id
        ava = contacts.service.create(
            s,
            actor,
            {
                "first_name": "Ava",
                "last_name": "Smith",
                "organization_id": ma,
                "language": "en",
                "email": "ava@bostoncell.example",
            },
        ).id
        return introductions.create(s, actor, {"qc_contact_id": eric, "ma_contact_id": ava,
                                               "qc_organization_id": qc, "ma_organization_id": ma,
                                               "purpose": "cro_services"}).id  # fmt: skip


def test_consent_requests_in_each_partys_language(db, intro, tmp_path):
    with db.read() as s:
        fr = emails.consent_request(s, intro, "qc", "Marie Tremblay", user_dir=tmp_path)
        en = emails.consent_request(s, intro, "ma", "Marie Tremblay", user_dir=tmp_path)
    assert fr.language == "fr" and fr.to == ("eric@laval.example",)
    assert fr.subject == "Mise en relation avec Ava Smith (Boston Cell) ?"
    assert fr.body.startswith("Bonjour Éric,")
    assert "au Massachusetts" in fr.body and "services de recherche contractuelle" in fr.body
    assert fr.body.rstrip().endswith("Marie Tremblay")
    assert en.language == "en" and en.to == ("ava@bostoncell.example",)
    assert en.subject == "Introduction to Éric Côté (Thérapies Laval)?"
    assert en.body.startswith("Dear Ava,") and "Purpose: CRO services" in en.body


def test_introduction_email_to_both_is_bilingual_when_languages_differ(db, intro, tmp_path):
    with db.read() as s:
        draft = emails.introduction_email(s, intro, "Marie", user_dir=tmp_path)
    assert draft.to == ("eric@laval.example", "ava@bostoncell.example")
    assert draft.language == "fr+en"
    assert draft.body.index("Bonjour Éric et Ava") < draft.body.index("Dear Éric and Ava")
    assert "Ava, meet Éric Côté (Thérapies Laval), in Québec." in draft.body


def test_edited_template_wins_and_reset_restores_default(db, intro, tmp_path):
    emails.save_template(
        "consent_request",
        "en",
        "Subject: Hi ${recipient_first_name}\n\nAbout ${other_name}.",
        tmp_path,
    )
    assert emails.is_customized("consent_request", "en", tmp_path)
    with db.read() as s:
        draft = emails.consent_request(s, intro, "ma", "M", user_dir=tmp_path)
    assert (draft.subject, draft.body) == ("Hi Ava", "About Éric Côté.\n")
    emails.reset_template("consent_request", "en", tmp_path)
    with db.read() as s:
        assert emails.consent_request(s, intro, "ma", "M", user_dir=tmp_path).subject.startswith(
            "Introduction to"
        )


def test_mailto_encodes_subject_body_and_addresses(db, intro, tmp_path):
    with db.read() as s:
        draft = emails.consent_request(s, intro, "qc", "Marie", user_dir=tmp_path)
    url = draft.mailto()
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "eric@laval.example"
    query = parse_qs(parts.query)
    assert query["subject"] == [draft.subject]
    assert query["body"][0] == draft.body.replace("\n", "\r\n")
    assert " " not in url
    assert draft.text().startswith("To: eric@laval.example\nSubject: Mise en relation")
