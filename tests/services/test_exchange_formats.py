"""Excel workbooks and vCards, both ways (SQLite and PostgreSQL): typed cells that keep
"02139" and every accent, cards another parser reads, and files that import back unchanged.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
import sqlalchemy as sa

from crm.db.models import Contact
from crm.domain.errors import DeskError
from crm.services import contacts, csv_export, csv_import, organizations
from crm.services.export_columns import ExportRequest

openpyxl = pytest.importorskip("openpyxl")
vobject = pytest.importorskip("vobject")

UNCHANGED = csv_import.ImportOptions(on_duplicate="update")


@pytest.fixture
def desk(db, actor):
    with db.write() as s:
        lab = organizations.service.create(
            s,
            actor,
            {
                "name": "Laboratoires Cœur-Québec ltée",
                "region": "QC",
                "city": "Montréal",
                "postal_code": "H2X 1Y4",
                "notes": '=HYPERLINK("http://example.com")',
            },
        ).id
        cro = organizations.service.create(
            s,
            actor,
            {"name": "Kendall CRO", "region": "MA", "city": "Cambridge", "postal_code": "02139"},
        ).id
        contacts.service.create(
            s,
            actor,
            {
                "first_name": "Éloïse",
                "last_name": "Gagné-Tremblay",
                "email": "eloise@coeur-quebec.example",
                "phone": "+1 514-555-0199",
                "mobile": "+1 514-555-0100",
                "title": "Directrice, R&D",
                "organization_id": lab,
                "city": "Montréal",
                "region": "QC",
                "country": "Canada",
                "share_with_partners": "yes",
            },
        )
        contacts.service.create(
            s,
            actor,
            {"first_name": "Ava", "last_name": "Smith", "email": "ava@kendall.example",
             "organization_id": cro, "share_with_partners": "no"},
        )  # fmt: skip
    return {"lab": lab, "cro": cro}


def _export(db, actor, request, path, file_format):
    with db.write() as s:
        return csv_export.export(s, actor, request, path, file_format=file_format)


def _dry_run(db, entity, path, options=UNCHANGED):
    source = csv_import.read_source(path, entity)
    with db.read() as s:
        return source, csv_import.plan(s, entity, source, options)


# --- workbooks -------------------------------------------------------------------------------


def test_workbook_keeps_postal_codes_accents_and_types(db, actor, desk, tmp_path):
    path = tmp_path / "orgs.xlsx"
    columns = ("uid", "name", "postal_code", "notes")  # notes: free text, asked for here
    result = _export(db, actor, ExportRequest("organizations", columns=columns), path, "xlsx")
    assert result.rows == 2
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("name")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    kendall = rows["Kendall CRO"]
    assert kendall[header.index("postal_code")] == "02139"  # text, not the number 2139
    assert "Laboratoires Cœur-Québec ltée" in rows
    assert uuid.UUID(kendall[header.index("uid")])
    cells = {c.value: c for c in sheet[2] + sheet[3]}
    formula = cells['=HYPERLINK("http://example.com")']
    assert formula.data_type == "s"  # a string cell: shown, never evaluated


def test_workbook_dates_are_dates(db, actor, desk, tmp_path):
    path = tmp_path / "contacts.xlsx"
    columns = ("uid", "last_name", "share_with_partners", "created_at")
    _export(db, actor, ExportRequest("contacts", columns=columns), path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    [row] = list(sheet.iter_rows(min_row=2, values_only=True))
    assert isinstance(row[3], datetime)


def test_workbook_imports_back_with_nothing_changed(db, actor, desk, tmp_path):
    path = tmp_path / "orgs.xlsx"
    _export(db, actor, ExportRequest("organizations"), path, "xlsx")
    source, plan = _dry_run(db, "organizations", path)
    assert source.kind == "xlsx"
    assert plan.counts()["unchanged"] == 2 and not plan.problems


def test_french_workbook_with_french_headers_imports(db, actor, desk, tmp_path):
    path = tmp_path / "contacts-fr.xlsx"
    _export(db, actor, ExportRequest("contacts", lang="fr"), path, "xlsx")
    assert openpyxl.load_workbook(path).active["B1"].value == "Prénom"
    _source, plan = _dry_run(db, "contacts", path)
    assert plan.counts()["unchanged"] == 1


def test_a_damaged_workbook_is_refused_with_its_name(tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DeskError) as caught:
        csv_import.read_source(path, "organizations")
    assert caught.value.code == "xlsx.unreadable" and "members.xlsx" in str(caught.value)


# --- vCards ----------------------------------------------------------------------------------


def test_vcards_are_read_back_by_vobject(db, actor, desk, tmp_path):
    path = tmp_path / "contacts.vcf"
    result = _export(db, actor, ExportRequest("contacts"), path, "vcard")
    assert result.rows == 1 and result.excluded_without_consent == 1  # Ava gave no consent
    text = path.read_bytes().decode("utf-8")
    assert "\r\n" in text and "ava@kendall" not in text
    [card] = list(vobject.readComponents(text))
    assert card.version.value == "3.0"
    assert (card.n.value.given, card.n.value.family) == ("Éloïse", "Gagné-Tremblay")
    assert card.fn.value == "Éloïse Gagné-Tremblay"
    assert card.org.value == ["Laboratoires Cœur-Québec ltée"]
    assert card.title.value == "Directrice, R&D"
    assert card.email.value == "eloise@coeur-quebec.example"
    phones = {str(t.params["TYPE"][0]): t.value for t in card.contents["tel"]}
    assert phones == {"WORK": "+1 514-555-0199", "CELL": "+1 514-555-0100"}
    assert card.adr.value.city == "Montréal"


def test_vcards_import_back_unchanged(db, actor, desk, tmp_path):
    path = tmp_path / "contacts.vcf"
    _export(db, actor, ExportRequest("contacts"), path, "vcard")
    source, plan = _dry_run(db, "contacts", path)
    assert source.kind == "vcard"
    assert plan.counts()["unchanged"] == 1 and not plan.problems


PHONE_EXPORT = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Noah Williams\r\nN:Williams;Noah;;;\r\n"
    "EMAIL;TYPE=home:noah@gmail.example\r\nEMAIL;TYPE=work;PREF=1:noah@seaport.example\r\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-617-555-0142\r\n'
    "TEL;TYPE=work:+1 617 555 0143\r\nTEL;TYPE=home:+1 617 555 0144\r\n"
    "ORG:Seaport Ventures;Life sciences\r\nTITLE:Principal\r\n"
    "ADR;TYPE=work:;;1 Seaport Blvd;Boston;MA;02210;USA\r\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Camille Roy\r\nN:Roy;Camille;;;\r\n"
    "EMAIL;TYPE=INTERNET:camille.roy@example.ca\r\nUID:ABC-123-phone-own-id\r\nEND:VCARD\r\n"
)


def test_a_phones_vcard_4_file_imports(db, actor, tmp_path):
    path = tmp_path / "phone.vcf"
    path.write_text(PHONE_EXPORT, encoding="utf-8")
    source = csv_import.read_source(path, "contacts")
    assert [line for line, _ in source.records] == [1, 15]
    with db.write() as s:
        plan = csv_import.plan(s, "contacts", source)
        assert not plan.problems
        csv_import.apply(s, actor, plan)
    with db.read() as s:
        noah = s.scalar(sa.select(Contact).where(Contact.last_name == "Williams"))
        camille = s.scalar(sa.select(Contact).where(Contact.last_name == "Roy"))
        assert noah is not None and camille is not None
        assert noah.email == "noah@seaport.example"  # the preferred one
        digits = lambda text: "".join(c for c in text if c.isdigit())  # noqa: E731
        assert digits(noah.mobile) == "16175550142" and digits(noah.phone) == "16175550143"
        assert "noah@gmail.example" in noah.notes and "+1 617 555 0144" in noah.notes
        assert noah.uid == "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
        assert noah.title == "Principal" and noah.city == "Boston"
        organization = organizations.service.get(s, noah.organization_id)
        assert organization.name == "Seaport Ventures"
        assert uuid.UUID(camille.uid)  # a phone's own id is not a uid: a new one is made


def test_vcards_are_contacts_only(db, actor, desk, tmp_path):
    path = tmp_path / "phone.vcf"
    path.write_text(PHONE_EXPORT, encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        csv_import.read_source(path, "organizations")
    assert caught.value.code == "vcard.contacts_only"
    with pytest.raises(DeskError) as caught:
        _export(db, actor, ExportRequest("organizations"), tmp_path / "o.vcf", "vcard")
    assert caught.value.code == "export.vcard_contacts_only"
    assert not (tmp_path / "o.vcf").exists()


def test_a_card_without_its_end_is_refused_at_its_line(tmp_path):
    path = tmp_path / "cut.vcf"
    path.write_text(PHONE_EXPORT + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n", "utf-8")
    with pytest.raises(DeskError) as caught:
        csv_import.read_source(path, "contacts")
    assert caught.value.code == "vcard.unreadable" and str(caught.value.params["line"]) == "22"


# --- fuzzed files: a sentence or a file, never a traceback -------------------------------------

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
CARD_LINES = st.sampled_from(
    ["BEGIN:VCARD", "END:VCARD", "VERSION:4.0", "N:Roy;Camille;;;", "N:;", "FN:", "TEL:",
     "EMAIL;PREF=1:x@y.z", "ADR:;;;;", "UID:urn:uuid:x", "ORG:", "  folded", "X:\x00", ":",
     "TEL;TYPE=\"cell:+1", "BEGIN:VCALENDAR"]
)  # fmt: skip


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(
    lines=st.lists(st.one_of(CARD_LINES, st.text(max_size=30)), max_size=25),
)
def test_fuzzed_vcards_are_read_or_refused_with_a_sentence(lines):
    data = ("BEGIN:VCARD\r\n" + "\r\n".join(lines)).encode("utf-8", "surrogatepass")
    try:
        source = csv_import.read_source(data, "contacts", name="fuzz.vcf")
    except DeskError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert all(len(row) == len(source.headers) for _, row in source.records)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(cut=st.integers(min_value=4, max_value=4000), flip=st.integers(0, 255))
def test_damaged_workbooks_are_refused_with_a_sentence(tmp_path_factory, cut, flip):
    import io

    book = openpyxl.Workbook()
    book.active.append(["name", "postal_code"])
    book.active.append(["Kendall CRO", "02139"])
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue()[:cut])
    data[len(data) // 2] ^= flip
    try:
        csv_import.read_source(bytes(data), "organizations", name="members.xlsx")
    except DeskError as exc:
        assert "members.xlsx" in str(exc)
