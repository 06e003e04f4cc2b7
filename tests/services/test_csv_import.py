"""CSV import through the services, on SQLite and PostgreSQL, with files written here the way
Excel (French and English), Outlook and Google Contacts write them, and this app's exports."""

from __future__ import annotations

import csv
from datetime import date

import pytest
import sqlalchemy as sa

from crm.db.models import AuditEntry, Contact, EventParticipant, ImportBatch, Organization
from crm.domain.enums import Consent, Language, Territory
from crm.domain.errors import DeskError
from crm.services import contacts, csv_export, csv_import, events, export_columns, organizations
from crm.services.csv_import import ImportOptions


def write(path, rows, *, encoding="utf-8-sig", delimiter=",", newline="\r\n"):
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return path


def run(db, actor, entity, path, options=None, dry_run=False):
    options = options or ImportOptions()
    source = csv_import.read_source(path, entity)
    with db.write() as s:
        return csv_import.run(s, actor, entity, source, options, dry_run=dry_run)


def all_contacts(db):
    with db.read() as s:
        return {c.email or c.full_name: c for c in contacts.service.find(s)}


@pytest.fixture
def known(db, actor):
    with db.write() as s:
        org = organizations.service.create(
            s,
            actor,
            {"name": "Boston CRO", "region": "MA", "country": "USA", "website": "bostoncro.com"},
        )
        contacts.service.create(
            s,
            actor,
            {
                "first_name": "Anne",
                "last_name": "Zimmer",
                "email": "anne@bostoncro.com",
                "organization_id": org.id,
                "title": "",
            },
        )
        return org.id


def test_excel_french_semicolon_cp1252_day_first_dates(db, actor, known, tmp_path):
    path = write(tmp_path / "membres.csv", [
        ["Prénom", "Nom", "Courriel", "Entreprise", "Téléphone", "Ville", "Province", "Pays", "Langue", "Date du consentement", "Consentement"],
        ["Éric", "Côté", "eric@biomtl.ca", "Biotech de Montréal", "514 555-0123", "Montréal", "Québec", "Canada", "Français", "25/03/2021", "oui"],
        ["Geneviève", "Bergeron", "genevieve@cœur.ca", "Cœur Thérapeutique", "", "Trois-Rivières", "Qc", "Canada", "fr", "", ""],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    plan = run(db, actor, "contacts", path)
    assert (plan.source.encoding, plan.source.delimiter) == ("cp1252", ";")
    assert plan.counts()["created"] == 2 and plan.counts()["organizations_created"] == 2
    found = all_contacts(db)
    eric = found["eric@biomtl.ca"]
    assert (eric.first_name, eric.last_name, eric.city, eric.region) == (
        "Éric",
        "Côté",
        "Montréal",
        "QC",
    )
    assert eric.territory == Territory.QC and eric.language == Language.FR
    assert eric.consent_date == date(2021, 3, 25) and eric.share_with_partners == Consent.YES
    assert eric.phone == "+1 514-555-0123"
    with db.read() as s:
        names = {o.name for o in organizations.service.find(s)}
    assert {"Biotech de Montréal", "Cœur Thérapeutique"} <= names


def test_excel_english_comma_bom_and_duplicates_against_the_database(db, actor, known, tmp_path):
    path = write(tmp_path / "members.csv", [
        ["First Name", "Last Name", "E-mail Address", "Company", "Job Title", "State", "Consent date"],
        ["Anne", "Zimmer", "ANNE@bostoncro.com", "Boston CRO", "CEO", "Massachusetts", "04/13/2020"],
        ["Zoé", "Abbott", "zoe@example.org", "", "", "MA", ""],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path, dry_run=True)
    assert [r.action for r in plan.rows] == ["skipped", "created"]
    plan = run(db, actor, "contacts", path, ImportOptions(on_duplicate="fill"))
    assert [r.action for r in plan.rows] == ["updated", "created"]
    anne = all_contacts(db)["anne@bostoncro.com"]
    assert anne.title == "CEO" and anne.consent_date == date(2020, 4, 13)
    assert all_contacts(db)["zoe@example.org"].territory == Territory.MA


def test_outlook_export_layout(db, actor, tmp_path):
    headers = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
               "Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
               "Business Phone", "Mobile Phone", "E-mail Address", "E-mail Display Name", "Notes", "Categories"]  # fmt: skip
    path = write(tmp_path / "outlook.csv", [
        headers,
        ["Dr.", "Marc", "", "Dupuis", "", "NeuroEstrie", "", "Directeur scientifique", "1 rue King", "Sherbrooke",
         "Québec", "J1H 1A1", "Canada", "819-555-0199", "", "marc@neuroestrie.ca", "Marc Dupuis (marc@neuroestrie.ca)",
         "Rencontré à BIO.\r\nIntéressé par Boston.", "Mission Boston;BIO"],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path)
    assert plan.counts()["created"] == 1, plan.problems
    marc = all_contacts(db)["marc@neuroestrie.ca"]
    assert marc.title == "Directeur scientifique" and marc.city == "Sherbrooke"
    assert marc.notes == "Rencontré à BIO.\r\nIntéressé par Boston."
    with db.read() as s:
        assert contacts.service.get(s, marc.id).organization_id is not None
        from crm.services import tags

        assert sorted(tags.tags_of(s, "contact", marc.id)) == ["BIO", "Mission Boston"]


def test_google_contacts_layout(db, actor, tmp_path):
    path = write(tmp_path / "google.csv", [
        ["Name", "Given Name", "Additional Name", "Family Name", "Group Membership", "E-mail 1 - Type",
         "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Name", "Organization 1 - Title",
         "Address 1 - City", "Address 1 - Region", "Address 1 - Country"],
        ["Rachel Kim", "Rachel", "", "Kim", "* myContacts ::: Investors", "* Work", "rachel@beaconhill.vc",
         "Work", "+1 617-555-0142", "Beacon Hill Ventures", "Partner", "Boston", "MA", "United States"],
    ], encoding="utf-8", newline="\n")  # fmt: skip
    plan = run(db, actor, "contacts", path)
    assert plan.counts()["created"] == 1, plan.problems
    rachel = all_contacts(db)["rachel@beaconhill.vc"]
    assert (rachel.first_name, rachel.last_name, rachel.title, rachel.territory) == (
        "Rachel",
        "Kim",
        "Partner",
        Territory.MA,
    )


def test_broken_file_is_refused_whole_naming_line_and_column(db, actor, tmp_path):
    rows = [["first_name", "last_name", "email"]]
    rows += [[f"Person{i}", "Test", f"p{i}@example.org"] for i in range(2, 7)]
    rows += [["Bad", "Mail", "bad@@example"], ["Last", "One", "last@example.org"]]
    path = write(tmp_path / "broken.csv", rows)
    with pytest.raises(csv_import.ImportRefused) as refused:
        run(db, actor, "contacts", path)
    problems = refused.value.plan.problems
    assert [(p.line, p.column, p.code) for p in problems] == [(7, "email", "email.invalid")]
    assert "line 7" in str(refused.value) and "column 'email'" in str(refused.value)
    with db.read() as s:
        assert contacts.service.count(s) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(ImportBatch)) == 0


def test_problems_name_the_physical_line_of_multiline_records(db, actor, tmp_path):
    path = write(tmp_path / "multi.csv", [
        ["name", "notes", "website"],
        ["Alpha", "one\ntwo\nthree", "alpha.com"],
        [],
        ["Beta", "", "not a website"],
    ])  # fmt: skip
    with pytest.raises(csv_import.ImportRefused) as refused:
        run(db, actor, "organizations", path)
    assert [(p.line, p.column) for p in refused.value.plan.problems] == [(6, "website")]


def test_ambiguous_dates_lost_zip_zeros_and_missing_names_are_flagged(db, actor, tmp_path):
    path = write(tmp_path / "c.csv", [
        ["first_name", "last_name", "email", "consent_date"],
        ["Ann", "A", "a@x.org", "03/04/2020"],
        ["", "", "nobody@x.org", ""],
        ["Cid", "C", "c@x.org", "31/02/2020"],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path, dry_run=True)
    assert [(p.line, p.code) for p in plan.problems] == [
        (2, "date.ambiguous"),
        (3, "required"),
        (4, "date.invalid"),
    ]
    path = write(tmp_path / "o.csv", [["Organization", "Business City", "Business State", "ZIP", "Country"],
                                      ["Cambridge Labs", "Cambridge", "Massachusetts", "2139", "USA"]])  # fmt: skip
    plan = run(db, actor, "organizations", path, dry_run=True)
    assert [(p.line, p.column, p.code) for p in plan.problems] == [
        (2, "ZIP", "zip.leading_zero_lost")
    ]


def test_duplicates_within_the_file_are_merged(db, actor, tmp_path):
    path = write(tmp_path / "dups.csv", [
        ["first_name", "last_name", "email", "title"],
        ["Ann", "Lee", "ann@x.org", ""],
        ["Ann", "Lee", "ANN@x.org", "CEO"],
        ["Bob", "Ray", "", ""],
        ["bob", "RAY", "", ""],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path)
    assert [(r.action, r.merged_into) for r in plan.rows] == [
        ("created", None),
        ("merged", 2),
        ("created", None),
        ("merged", 4),
    ]
    found = all_contacts(db)
    assert found["ann@x.org"].title == "CEO" and len(found) == 2


def test_update_and_fill_on_duplicates(db, actor, known, tmp_path):
    path = write(
        tmp_path / "o.csv",
        [["name", "website", "city"], ["BOSTON cro", "https://www.bostoncro.com", "Boston"]],
    )
    plan = run(db, actor, "organizations", path, ImportOptions(on_duplicate="update"))
    assert [r.action for r in plan.rows] == ["updated"]
    with db.read() as s:
        org = organizations.service.get(s, known)
        assert (org.name, org.city, org.version) == ("BOSTON cro", "Boston", 2)
    path = write(
        tmp_path / "o2.csv",
        [["name", "city", "phone"], ["Boston CRO", "Cambridge", "617 555 0100"]],
    )
    run(db, actor, "organizations", path, ImportOptions(on_duplicate="fill"))
    with db.read() as s:
        org = organizations.service.get(s, known)
        assert (org.city, org.phone) == ("Boston", "+1 617-555-0100")


@pytest.mark.parametrize("lang,delimiter", [("en", ","), ("fr", ";")])
def test_export_then_reimport_changes_nothing(db, actor, known, tmp_path, lang, delimiter):
    with db.write() as s:
        org = organizations.service.create(s, actor, {
            "name": "Thérapeutiques Montréal", "region": "Québec", "country": "Canada",
            "postal_code": "h2x1y4", "tags": "oncologie, IA", "notes": "=1+1\nline 2, \"quoted\"",
            "website": "tmtl.ca", "phone": "514 555 0123", "employees": 12,
        })  # fmt: skip
        contacts.service.create(s, actor, {
            "first_name": "Éric", "last_name": "Côté", "email": "eric@tmtl.ca", "organization_id": org.id,
            "share_with_partners": "yes", "consent_date": "2021-03-25", "tags": "Mission Boston",
            "notes": "-a note\r\nwith lines", "region": "QC", "language": "fr",
        })  # fmt: skip
    with db.read() as s:
        audit_before = s.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
        versions = dict(s.execute(sa.select(Contact.id, Contact.version)).all())
        org_versions = dict(s.execute(sa.select(Organization.id, Organization.version)).all())
    for entity in ("organizations", "contacts"):
        columns = csv_export.csv_headers.COLUMNS[entity]
        columns = tuple(c for c in columns if c not in ("created_at", "updated_at"))
        request = export_columns.ExportRequest(
            entity, columns, lang, delimiter, include_without_consent=True
        )
        path = tmp_path / f"{entity}.csv"
        with db.write() as s:
            csv_export.export(s, actor, request, path)
        for mode in ("skip", "update", "fill"):
            plan = run(db, actor, entity, path, ImportOptions(on_duplicate=mode))
            assert {r.action for r in plan.rows} <= {"unchanged", "skipped"}, [
                (r.line, r.action, r.detail) for r in plan.rows
            ]
            assert plan.counts()["created"] == 0 and not plan.problems
    with db.read() as s:
        assert dict(s.execute(sa.select(Contact.id, Contact.version)).all()) == versions
        assert (
            dict(s.execute(sa.select(Organization.id, Organization.version)).all()) == org_versions
        )
        # Only the import batches' own entries were added, no record change.
        added = (
            s.execute(sa.select(AuditEntry.action).where(AuditEntry.id > audit_before))
            .scalars()
            .all()
        )
        assert set(added) == {"import"}


def test_skip_invalid_writes_rejects_that_can_be_fixed_and_reimported(db, actor, tmp_path):
    path = write(tmp_path / "in.csv", [
        ["Prénom", "Nom", "Courriel"], ["Ann", "Lee", "ann@x.org"], ["Bad", "Mail", "bad@@x"],
    ], delimiter=";")  # fmt: skip
    plan = run(db, actor, "contacts", path, ImportOptions(skip_invalid=True))
    assert plan.written and plan.counts()["created"] == 1 and plan.counts()["invalid"] == 1
    rejects = tmp_path / "rejects.csv"
    assert csv_import.write_rejects(rejects, plan) == 1
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Prénom", "Nom", "Courriel", "reason"]
    assert (
        rows[1][:3] == ["Bad", "Mail", "bad@@x"]
        and "line 3" in rows[1][3]
        and "Courriel" in rows[1][3]
    )
    rows[1][2] = "bad@x.org"
    write(rejects, rows, delimiter=";")
    plan = run(db, actor, "contacts", rejects)
    assert plan.counts()["created"] == 1 and set(all_contacts(db)) == {"ann@x.org", "bad@x.org"}


def test_undo_last_import_trashes_created_and_restores_updated(db, actor, known, tmp_path):
    path = write(tmp_path / "in.csv", [
        ["first_name", "last_name", "email", "title", "organization", "tags"],
        ["Anne", "Zimmer", "anne@bostoncro.com", "CEO", "", "VIP"],
        ["New", "Person", "new@x.org", "", "New Org Inc", ""],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path, ImportOptions(on_duplicate="update"))
    assert [r.action for r in plan.rows] == ["updated", "created"]
    with db.write() as s:
        info = csv_import.undo_last(s, actor)
    assert info.undone
    found = all_contacts(db)
    assert set(found) == {"anne@bostoncro.com"} and found["anne@bostoncro.com"].title == ""
    with db.read() as s:
        from crm.services import tags

        assert tags.tags_of(s, "contact", found["anne@bostoncro.com"].id) == []
        assert {o.name for o in organizations.service.find(s)} == {"Boston CRO"}
        trashed = contacts.service.find(s, deleted=True)
        assert [c.email for c in trashed] == ["new@x.org"]
        actions = s.execute(
            sa.select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)
        ).scalar()
        assert actions == "undo_import"
    with db.write() as s, pytest.raises(DeskError, match="already undone"):
        csv_import.undo_last(s, actor)


def test_undo_is_refused_when_records_changed_since(db, actor, tmp_path):
    path = write(tmp_path / "in.csv", [["first_name", "last_name"], ["Ann", "Lee"]])
    plan = run(db, actor, "contacts", path)
    with db.write() as s:
        contacts.service.update(s, actor, plan.rows[0].record_id, {"title": "CTO"})
    with db.write() as s, pytest.raises(DeskError, match="changed"):
        csv_import.undo_last(s, actor)
    with db.read() as s:  # nothing undone: the imported contact stays, with its later edit
        assert contacts.service.get(s, plan.rows[0].record_id).title == "CTO"


def test_participants_roster(db, actor, known, tmp_path):
    with db.write() as s:
        events.service.create(s, actor, {"name": "Mission Boston 2026", "starts_on": "2026-03-14"})
    path = write(tmp_path / "roster.csv", [
        ["Événement", "Courriel", "Organisation", "Rôle", "Présent"],
        ["Mission Boston 2026", "anne@bostoncro.com", "", "speaker", "oui"],
        ["mission boston 2026", "", "Boston CRO", "host", ""],
        ["Mission Boston 2026", "nobody@x.org", "", "", ""],
    ], delimiter=";")  # fmt: skip
    with pytest.raises(csv_import.ImportRefused) as refused:
        run(db, actor, "participants", path)
    assert [(p.line, p.column) for p in refused.value.plan.problems] == [(4, "Courriel")]
    plan = run(db, actor, "participants", path, ImportOptions(skip_invalid=True))
    assert plan.counts()["created"] == 2
    with db.read() as s:
        rows = s.execute(
            sa.select(EventParticipant.role, EventParticipant.attended).order_by(
                EventParticipant.id
            )
        ).all()
    assert rows == [("speaker", True), ("host", None)]
    plan = run(db, actor, "participants", path, ImportOptions(skip_invalid=True))
    assert [r.action for r in plan.rows] == ["skipped", "skipped", "invalid"]


def test_mapping_overrides_and_unknown_headers(db, actor, tmp_path):
    path = write(
        tmp_path / "odd.csv", [["Who", "Mail", "Extra"], ["Ann Lee", "ann@x.org", "ignored"]]
    )
    with pytest.raises(DeskError, match="no name or email"):
        run(db, actor, "contacts", write(tmp_path / "none.csv", [["Who", "Extra"], ["Ann", "x"]]))
    plan = run(db, actor, "contacts", path, ImportOptions(mapping={"Who": "full_name"}))
    assert plan.counts()["created"] == 1
    assert all_contacts(db)["ann@x.org"].last_name == "Lee"
    with pytest.raises(DeskError, match="no column"):
        run(db, actor, "contacts", path, ImportOptions(mapping={"Nope": "email"}))
    with pytest.raises(DeskError, match="not a contacts field"):
        run(db, actor, "contacts", path, ImportOptions(mapping={"Who": "shoe_size"}))


def test_reading_encodings_and_delimiters(tmp_path):
    for encoding, delimiter, newline in (
        ("utf-8", "\t", "\n"),
        ("utf-16", "\t", "\r\n"),
        ("utf-8-sig", ",", "\r\n"),
    ):
        path = write(tmp_path / "x.csv", [["Prénom", "Nom", "Courriel"], ["Zoé", "Lefèvre", "z@x.org"]],
                     encoding=encoding, delimiter=delimiter, newline=newline)  # fmt: skip
        source = csv_import.read_source(path, "contacts")
        assert source.delimiter == delimiter and source.headers == ["Prénom", "Nom", "Courriel"]
        assert source.records == [(2, ["Zoé", "Lefèvre", "z@x.org"])]


# ------------------------------------------------------------------ what a bulk import writes


def _index_rows(s):
    from crm.db.models import SearchEntry

    table = SearchEntry.__table__
    query = sa.select(
        table.c.kind, table.c.record_id, table.c.title, table.c.subtitle,
        table.c.title_folded, table.c.body_folded,
    ).order_by(table.c.id)  # fmt: skip
    return [tuple(row) for row in s.execute(query)]


def test_import_indexes_and_audits_as_the_services_do(db, actor, known, tmp_path):
    """The index rows written from the imported values equal those the services build from
    the stored records; one audit entry and one batch item per created or updated record."""
    from crm.db.models import ImportBatchItem
    from crm.services import indexing

    path = write(tmp_path / "in.csv", [
        ["first_name", "last_name", "email", "title", "organization", "city", "tags", "notes"],
        ["Anne", "Zimmer", "anne@bostoncro.com", "CEO", "Boston CRO", "Boston", "VIP", ""],
        ["Éloïse", "O’Brien-Côté", "eloise@cœur.ca", "Directrice, R&D", "Cœur Thérapeutique",
         "Montréal", "oncologie; Mission Boston", "Rencontrée à BIO.\nSuivi: Q3"],
        ["", "Solo", "solo@x.org", "", "", "", "", ""],
        ["Zoé", "Abbott", "", "", "Boston CRO", "Cambridge", "", ""],
        ["Zoe", "ABBOTT", "zoe@example.org", "CSO", "Boston CRO", "", "", ""],
    ])  # fmt: skip
    plan = run(db, actor, "contacts", path, ImportOptions(on_duplicate="update"))
    assert [r.action for r in plan.rows] == ["updated", "created", "created", "created", "merged"]
    with db.read() as s:
        written = _index_rows(s)
        batch = s.scalar(sa.select(ImportBatch.id).order_by(ImportBatch.id.desc()).limit(1))
        items = s.execute(
            sa.select(ImportBatchItem.entity, ImportBatchItem.record_id, ImportBatchItem.action)
            .where(ImportBatchItem.batch_id == batch).order_by(ImportBatchItem.id)
        ).all()  # fmt: skip
        trail = s.execute(
            sa.select(AuditEntry.entity, AuditEntry.record_id, AuditEntry.action, AuditEntry.changes)
            .where(AuditEntry.action.in_(("create", "update")), AuditEntry.changes.contains(plan_uid(s, batch)))
            .order_by(AuditEntry.id)
        ).all()  # fmt: skip
        for kind, record_id, *_ in written:
            if kind == "contact":
                contact = contacts.service.get(s, record_id)
                assert contacts.service.document(s, contact).row() == dict(
                    zip(indexing.ENTRY_COLUMNS, next(w for w in written if w[:2] == (kind, record_id)), strict=True)
                )  # fmt: skip
    created = [r.record_id for r in plan.rows if r.action == "created"]
    updated = [r.record_id for r in plan.rows if r.action == "updated"]
    new_org = [i for e, i, a in items if e == "organization"]
    assert len(new_org) == 1 and [a for e, _, a in items if e == "organization"] == ["created"]
    assert [(e, i, a) for e, i, a in items if e == "contact"] == [
        *(("contact", i, "created") for i in created),
        *(("contact", i, "updated") for i in updated),
    ]
    assert [(e, i, a) for e, i, a, _ in trail] == [
        ("organization", new_org[0], "create"),
        *(("contact", i, "create") for i in created),
        *(("contact", i, "update") for i in updated),
    ]
    import json

    eloise = json.loads(trail[1][3])
    # Montréal tells Québec, and a Québec contact is written to in French (inferred).
    assert eloise["first_name"] == [None, "Éloïse"] and eloise["language"] == [None, "fr"]
    assert "mobile" not in eloise and "import" in eloise
    # The same rows a rebuild gives, in the same order for the new records.
    with db.write() as s:
        indexing.rebuild(s)
    with db.read() as s:
        assert sorted(_index_rows(s)) == sorted(written)


def plan_uid(s, batch_id):
    return s.scalar(sa.select(ImportBatch.uid).where(ImportBatch.id == batch_id))


@pytest.mark.parametrize(
    "text",
    ["ann@x.org", "  Ann.Lee+crm@Example.ORG ", "a b@x.org", "ann@x", "ann@@x.org", "ann@x..org",
     "ann@-x.org", "ann@x.o", "ann@xn--p1ai", "ann@université.ca", "ann(x)@x.org", "@x.org",
     "ann@", "ann", "", "o'brien@x.org", "ann@x.org.", "ANN@X.ORG", "ann@x_y.org", "ann@1.23"],
)  # fmt: skip
def test_contacts_email_rule_with_cached_domains_is_the_rule(text):
    from crm.domain import validation as v
    from crm.domain.errors import ValidationFailed

    def outcome(rule):
        try:
            return rule(text)
        except ValidationFailed as exc:
            return [(i.field, i.code, i.message, i.params) for i in exc.issues]

    for _ in range(2):  # the second time from the cache
        assert outcome(contacts._normalize_email) == outcome(v.normalize_email)
        assert outcome(contacts._normalize_phone) == outcome(v.normalize_phone)


def test_the_collector_pause_nests_and_restores():
    import gc

    from crm.services import bulk

    assert gc.isenabled()
    with bulk.no_gc():
        with bulk.no_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_french_excel_file_with_ville_montreal_is_quebec_and_french(db, actor, tmp_path):
    """The issue's file: cp1252, `;`, Prénom;Nom;Courriel;Ville with Montréal imported as
    language en and territory Elsewhere; now both are inferred, and the preview says so."""
    path = write(tmp_path / "contacts.csv", [
        ["Prénom", "Nom", "Courriel", "Ville"],
        ["Éric", "Côté", "eric@biomtl.ca", "Montréal"],
        ["Jean", "Roy", "jean@ailleurs.fr", ""],
        ["Amy", "Ward", "amy@seaport.bio", "Boston"],
        ["Luc", "Paré", "luc@biomtl.ca", "Laval"],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    preview = run(db, actor, "contacts", path, dry_run=True)
    assert preview.rows[0].inferred == {"territory": Territory.QC, "language": Language.FR}
    # Nothing tells where Jean is: the territory is not inferred, the file's language is.
    assert preview.rows[1].inferred == {"language": Language.FR}
    assert preview.rows[2].inferred == {"territory": Territory.MA, "language": Language.EN}
    assert preview.as_dict()["rows"][0]["inferred"] == {"territory": "QC", "language": "fr"}
    run(db, actor, "contacts", path)
    found = all_contacts(db)
    eric = found["eric@biomtl.ca"]
    assert (eric.language, eric.territory) == (Language.FR, Territory.QC)
    assert (found["jean@ailleurs.fr"].language, found["jean@ailleurs.fr"].territory) == (
        Language.FR, Territory.OTHER)  # fmt: skip
    assert (found["amy@seaport.bio"].language, found["amy@seaport.bio"].territory) == (
        Language.EN, Territory.MA)  # fmt: skip
    assert found["luc@biomtl.ca"].share_with_partners == Consent.UNKNOWN


def test_an_imported_value_is_never_overridden_by_the_inference(db, actor, tmp_path):
    path = write(tmp_path / "contacts.csv", [
        ["Prénom", "Nom", "Courriel", "Ville", "Langue", "Territoire"],
        ["Ann", "Lee", "ann@mtl.ca", "Montréal", "anglais", "MA"],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    preview = run(db, actor, "contacts", path)
    assert preview.rows[0].inferred == {}
    ann = all_contacts(db)["ann@mtl.ca"]
    assert (ann.language, ann.territory) == (Language.EN, Territory.MA)


def test_organizations_file_infers_territory_and_reads_membership_answers(db, actor, tmp_path):
    path = write(tmp_path / "orgs.csv", [
        ["Nom", "Ville", "Province", "Membre"],
        ["Seaport Bio", "Boston", "MA", "oui"],
        ["Bio Mtl", "Montréal", "", "oui"],
        ["Nowhere Inc", "", "", ""],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    preview = run(db, actor, "organizations", path)
    assert [r.inferred for r in preview.rows] == [
        {"territory": Territory.MA},
        {"territory": Territory.QC},
        {},
    ]
    with db.read() as s:
        by_name = {o.name: o for o in organizations.service.find(s)}
    assert (by_name["Seaport Bio"].territory, by_name["Seaport Bio"].membership) == (
        "MA",
        "massbio",
    )
    assert (by_name["Bio Mtl"].territory, by_name["Bio Mtl"].membership) == ("QC", "bioquebec")
    # Nothing typed about membership: no claim is made.
    assert (by_name["Nowhere Inc"].territory, by_name["Nowhere Inc"].membership) == (
        "OTHER",
        "none",
    )


def test_an_update_that_moves_a_contact_infers_its_territory_again(db, actor, tmp_path):
    """A recorded contact with nothing known of where it is (Elsewhere, English by default)
    gets a city from a file: territory and language follow; a chosen one stays."""
    with db.write() as s:
        contacts.service.create(s, actor, {"last_name": "Roy", "email": "roy@x.ca"})
        contacts.service.create(
            s, actor, {"last_name": "Lee", "email": "lee@x.ca", "territory": "MA", "language": "en"}
        )
    path = write(tmp_path / "moves.csv", [
        ["Nom", "Courriel", "Ville"],
        ["Roy", "roy@x.ca", "Montréal"],
        ["Lee", "lee@x.ca", "Montréal"],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    plan = run(db, actor, "contacts", path, ImportOptions(on_duplicate="update"))
    assert plan.rows[0].inferred == {"territory": Territory.QC, "language": Language.FR}
    assert plan.rows[1].inferred == {}
    found = all_contacts(db)
    assert (found["roy@x.ca"].territory, found["roy@x.ca"].language) == (Territory.QC, Language.FR)
    assert (found["lee@x.ca"].territory, found["lee@x.ca"].language) == (Territory.MA, Language.EN)


def _trail_of_created(s, batch_id, entity):
    """(record id, changes) of the records an import batch created, by id."""
    from crm.db.models import ImportBatchItem

    uid = plan_uid(s, batch_id)
    created = s.scalars(
        sa.select(ImportBatchItem.record_id).where(
            ImportBatchItem.batch_id == batch_id, ImportBatchItem.entity == entity,
            ImportBatchItem.action == "created",
        )
    ).all()  # fmt: skip
    rows = s.execute(
        sa.select(AuditEntry.record_id, AuditEntry.changes).where(
            AuditEntry.entity == entity, AuditEntry.action == "create",
            AuditEntry.record_id.in_(created), AuditEntry.changes.contains(uid),
        ).order_by(AuditEntry.record_id)
    ).all()  # fmt: skip
    return uid, sorted(created), rows


@pytest.mark.parametrize("entity", ["contacts", "organizations"])
def test_created_records_trail_is_the_json_of_their_written_values(db, actor, tmp_path, entity):
    """Each created record's trail entry is `json.dumps` of its non-blank fields as stored (in
    the fields' order), [None, value] each, then the batch: what the per-row path wrote before
    the text was put together column by column."""
    import json

    from crm.services import audit

    if entity == "contacts":
        spec = contacts.service
        rows = [
            ["first_name", "last_name", "email", "phone", "mobile", "title", "organization", "city",
             "region", "country", "territory", "language", "share_with_partners", "consent_date",
             "consent_source", "do_not_contact", "tags", "notes"],
            ["Éloïse", "O’Brien-Côté", "eloise@cœur.ca", "+1 514 555 0100", "", 'Directrice "R&D"',
             "Cœur Thérapeutique", "Montréal", "QC", "Canada", "", "", "yes", "2024-03-01", "salon",
             "yes", "VIP; oncologie", "Rencontrée à BIO.\nSuivi: Q3 \\ 50%"],
            ["", "Solo", "", "", "617-555-0199", "", "", "Boston", "", "", "MA", "en", "", "", "",
             "no", "", ""],
            ["Zoé", "1", "z@x.org", "", "", "0", "Boston CRO", "", "", "", "", "fr", "no", "", "",
             "", "", "\u2028\t<tab>"],
        ]  # fmt: skip
    else:
        spec = organizations.service
        rows = [
            ["name", "kind", "territory", "membership", "website", "phone", "city", "region",
             "country", "therapeutic_areas", "employees", "tags", "notes"],
            ["Cœur Thérapeutique", "", "QC", "oui", "https://coeur.ca", "", "Montréal", "QC", "",
             "oncologie", "0", "VIP", "« note »"],
            ["Boston CRO", "cro", "", "", "", "617-555-0100", "Boston", "MA", "USA", "", "12", "",
             ""],
            ["Solo", "", "", "", "", "", "", "", "", "", "", "", ""],
        ]  # fmt: skip
    path = write(tmp_path / "in.csv", rows)
    plan = run(db, actor, entity, path)
    with db.read() as s:
        uid, created, trail = _trail_of_created(s, plan.batch_id, spec.name)
        assert [record_id for record_id, _ in trail] == created and len(created) >= 3
        for record_id, changes in trail:
            record = spec.get(s, record_id)
            expected = {
                name: [None, audit.plain(getattr(record, name))]
                for name in spec.fields
                if getattr(record, name) not in ("", None, False)
            }
            expected["import"] = [None, uid]
            assert changes == json.dumps(expected, ensure_ascii=False)


def test_created_changes_keeps_each_row_order_and_the_types_apart():
    """Rows with their keys in different orders, values equal across types (1, True, 1.0; a
    StrEnum and its text), blanks (0 counts as one, as False does), keys that are no field."""
    from crm.services.csv_import.common import to_json
    from crm.services.csv_import.writing import created_changes

    rows = [
        {"a": 1, "b": True, "c": "x", "skip": "no"},
        {"b": 1, "a": True, "c": Territory.QC, "skip": "no"},
        {"a": 1.0, "b": 0, "c": "", "skip": "no"},
        {"a": "QC", "b": False, "c": None},
        {"c": date(2024, 3, 1), "a": 'é "q" \\ \n', "b": (1, 2)},
    ]
    note = {"import": [None, "u-1"]}
    texts = created_changes(rows, frozenset("abc"), note)
    for row, text in zip(rows, texts, strict=True):
        slow = {k: [None, v] for k, v in row.items() if k in "abc" and v not in ("", None, False)}
        assert text == to_json({**slow, **note})
    assert created_changes(rows[:1], frozenset(), {}) == ["{}"]


def test_organizations_clean_names_is_clean_of_each_name(db):
    """The organizations a contacts file names are cleaned once and renamed: the same values
    as `organizations.clean` of each name; a name it refuses is refused the same way."""
    from crm.domain.errors import ValidationFailed

    names = ["Boston CRO", "  Cœur Thérapeutique ", "O’Brien & Fils", "Ｆｕｌｌ width", "x"]
    with db.read() as s:
        assert [list(d.items()) for d in organizations.clean_names(s, names)] == [
            list(organizations.clean(s, {"name": name}).items()) for name in names
        ]
        assert organizations.clean_names(s, []) == []
        for bad in ("   ", "n" * 256):
            with pytest.raises(ValidationFailed) as slow:
                organizations.clean(s, {"name": bad})
            with pytest.raises(ValidationFailed) as fast:
                organizations.clean_names(s, ["Boston CRO", bad])
            assert fast.value.issues == slow.value.issues


def test_planners_know_the_fields_their_inference_answers_for(db):
    """A planner skips `infer` for a row that fills its `inferable` fields: those must be
    every field `infer` answers for, or a row's inferred values would go unshown."""
    from crm.services.csv_import.entities import PLANNERS

    told = {"region": "QC", "country": "Canada", "city": "Montréal", "name": "x"}
    with db.read() as s:
        for planner in PLANNERS.values():
            infer = planner.spec.infer
            if infer is not None:
                assert planner.inferable is not None
                assert set(infer(s, told)) <= planner.inferable
