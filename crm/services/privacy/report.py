"""An access report: everything the desk holds on one person, for them (a privacy request).

`gather(session, contact_id)` reads it as plain values, section by section: the person
(every field), their organization, introductions, follow-ups, interactions, events, consents
(with dates and channels), the partner exports that included them, and the audit of their
record. `write(report, folder)` writes it three ways into a folder made owner-only: one
structured `person.json`, one CSV file per section, and `person.html`, a transcript to read,
in the person's language (French or English), every value escaped. Each file appears whole
or not at all, readable by its owner only (`crm.db.files`).
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

import crm
from crm.db.files import atomic_file, private_dir
from crm.db.models import (
    Contact,
    Event,
    EventParticipant,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
    StaffUser,
    contact_tags,
)
from crm.db.models import Tag as TagRow
from crm.domain import fields as catalogue
from crm.domain import labels
from crm.services import audit
from crm.services.contacts import FIELDS as CONTACT_FIELDS
from crm.services.fields import party_name, staff_name

SECTIONS = (
    "person", "organization", "introductions", "followups", "interactions", "events",
    "consents", "exports", "audit",
)  # fmt: skip

_TITLES = {
    "person": ("The person", "La personne"),
    "organization": ("Organization", "Organisation"),
    "introductions": ("Introductions", "Mises en relation"),
    "followups": ("Follow-ups", "Suivis"),
    "interactions": ("Interactions", "Échanges"),
    "events": ("Events", "Événements"),
    "consents": ("Consents", "Consentements"),
    "exports": ("Partner files that included this person", "Fichiers de partenaires qui incluaient cette personne"),
    "audit": ("History of the record", "Historique de la fiche"),
}  # fmt: skip
_WORDS = {
    "heading": ("What the cooperation desk holds on %s", "Ce que le bureau de coopération détient sur %s"),
    "made": ("Report made on %s (UTC).", "Rapport produit le %s (UTC)."),
    "none": ("Nothing.", "Rien."),
    "field": ("Field", "Champ"),
    "value": ("Value", "Valeur"),
}  # fmt: skip
# Column labels the field catalogue does not give (the report's own columns).
_COLUMNS = {
    "role": ("Role", "Rôle"),
    "other_party": ("Other party", "Autre partie"),
    "consent": ("Agrees", "Consentement"),
    "consent_at": ("Consent date", "Date du consentement"),
    "consent_channel": ("Channel", "Canal"),
    "what": ("Consent to", "Consentement à"),
    "at": ("When", "Quand"),
    "user": ("Staff user", "Membre du personnel"),
    "action": ("Action", "Action"),
    "changes": ("Changes", "Modifications"),
    "tags": ("Tags", "Étiquettes"),
    "event": ("Event", "Événement"),
    "recipient": ("Recipient", "Destinataire"),
    "file": ("File", "Fichier"),
    "entity": ("Records", "Fiches"),
    "sha256": ("SHA-256", "SHA-256"),
    "assignee": ("Assignee", "Responsable"),
    "qc_party": ("Québec party", "Partie québécoise"),
    "ma_party": ("Massachusetts party", "Partie du Massachusetts"),
    "deleted_at": ("In the trash since", "Dans la corbeille depuis"),
    "introduction_uid": ("Introduction", "Mise en relation"),
}  # fmt: skip
_ROLES = {
    "qc_party": ("Québec party", "Partie québécoise"),
    "ma_party": ("Massachusetts party", "Partie du Massachusetts"),
    "introducer": ("Introducer", "Personne qui présente"),
    "share_with_partners": ("Sharing with partners", "Partage avec les partenaires"),
    "do_not_contact": ("Do not contact", "Ne pas contacter"),
    "introduction": ("Introduction", "Mise en relation"),
}  # fmt: skip


@dataclass(frozen=True)
class Report:
    """What the desk holds on one person, section by section, as plain JSON values."""

    uid: str
    name: str
    language: str  # "fr" or "en": the transcript's
    made_at: str
    sections: dict[str, Any]  # "person"/"organization": a dict (or None); others: lists

    def as_json(self) -> dict[str, Any]:
        return {"uid": self.uid, "name": self.name, "language": self.language,
                "made_at": self.made_at, **self.sections}  # fmt: skip


def _plain(value: Any) -> Any:
    value = audit.plain(value)
    return value


def _row(names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    return {name: _plain(value) for name, value in zip(names, values, strict=True)}


def gather(session: Session, contact_id: int) -> Report:
    """Everything tied to the contact (trashed or not); read only."""
    from crm.db.tables import utcnow

    person = session.get(Contact, contact_id)
    if person is None:
        from crm.domain.errors import NotFound

        raise NotFound("contact", contact_id)
    tags = sorted(
        session.scalars(
            sa.select(TagRow.name)
            .join(contact_tags, contact_tags.c.tag_id == TagRow.id)
            .where(contact_tags.c.contact_id == contact_id)
        )
    )
    record = {
        "uid": person.uid,
        **{name: _plain(getattr(person, name)) for name in CONTACT_FIELDS if name != "organization_id"},
        "tags": tags,
        "created_at": _plain(person.created_at),
        "updated_at": _plain(person.updated_at),
        "deleted_at": _plain(person.deleted_at),
    }  # fmt: skip
    org = session.get(Organization, person.organization_id) if person.organization_id else None
    organization = None
    if org is not None:
        names = (
            "uid",
            "name",
            "kind",
            "territory",
            "city",
            "region",
            "country",
            "website",
            "phone",
        )
        organization = _row(names, [getattr(org, n) for n in names])
    record["organization"] = org.name if org is not None else ""
    sections: dict[str, Any] = {
        "person": record,
        "organization": organization,
        "introductions": _introductions(session, contact_id),
        "followups": _followups(session, contact_id),
        "interactions": _interactions(session, contact_id),
        "events": _events(session, contact_id),
    }
    sections["consents"] = _consents(person, sections["introductions"])
    sections["exports"] = _exports(session, person.uid)
    sections["audit"] = [
        {"at": _plain(c.at), "user": c.user, "action": c.action, "changes": c.changes}
        for c in audit.history_of(session, person.uid)
    ]
    language = "fr" if _plain(person.language) == "fr" else "en"
    return Report(
        person.uid, person.full_name, language, utcnow().strftime("%Y-%m-%d %H:%M"), sections
    )


def _introductions(session: Session, contact_id: int) -> list[dict[str, Any]]:
    qc_org, ma_org = aliased(Organization), aliased(Organization)
    qc_person, ma_person = aliased(Contact), aliased(Contact)
    i = Introduction
    query = (
        sa.select(
            i.uid, i.title, i.qc_contact_id, i.ma_contact_id, i.introducer_contact_id,
            party_name(qc_org, qc_person), party_name(ma_org, ma_person), i.purpose, i.stage,
            i.outcome, i.created_at, i.closed_at, i.qc_consent, i.qc_consent_at,
            i.qc_consent_channel, i.ma_consent, i.ma_consent_at, i.ma_consent_channel, i.notes,
            i.deleted_at,
        )
        .outerjoin(qc_org, qc_org.id == i.qc_organization_id)
        .outerjoin(ma_org, ma_org.id == i.ma_organization_id)
        .outerjoin(qc_person, qc_person.id == i.qc_contact_id)
        .outerjoin(ma_person, ma_person.id == i.ma_contact_id)
        .where(sa.or_(i.qc_contact_id == contact_id, i.ma_contact_id == contact_id,
                      i.introducer_contact_id == contact_id))
        .order_by(i.created_at, i.id)
    )  # fmt: skip
    found = []
    for row in session.execute(query):
        (uid, title, qc_id, ma_id, _introducer, qc_party, ma_party, purpose, stage, outcome,
         created, closed, qc_c, qc_at, qc_ch, ma_c, ma_at, ma_ch, notes, deleted) = row  # fmt: skip
        side = "qc" if qc_id == contact_id else "ma" if ma_id == contact_id else ""
        consent = (
            (qc_c, qc_at, qc_ch)
            if side == "qc"
            else (ma_c, ma_at, ma_ch)
            if side
            else ("", None, "")
        )
        found.append({
            "uid": uid, "title": title,
            "role": f"{side}_party" if side else "introducer",
            "qc_party": qc_party, "ma_party": ma_party,
            "purpose": _plain(purpose), "stage": _plain(stage), "outcome": _plain(outcome),
            "created_at": _plain(created), "closed_at": _plain(closed),
            "consent": _plain(consent[0]), "consent_at": _plain(consent[1]),
            "consent_channel": consent[2], "notes": notes, "deleted_at": _plain(deleted),
        })  # fmt: skip
    return found


def _followups(session: Session, contact_id: int) -> list[dict[str, Any]]:
    assignee = aliased(StaffUser)
    f = FollowUp
    names = ("uid", "title", "due_date", "due_time", "status", "priority", "assignee",
             "completed_at", "notes", "created_at", "deleted_at")  # fmt: skip
    query = (
        sa.select(f.uid, f.title, f.due_date, f.due_time, f.status, f.priority,
                  staff_name(assignee), f.completed_at, f.notes, f.created_at, f.deleted_at)
        .outerjoin(assignee, assignee.id == f.assignee_id)
        .where(f.contact_id == contact_id)
        .order_by(f.due_date, f.id)
    )  # fmt: skip
    return [_row(names, row) for row in session.execute(query)]


def _interactions(session: Session, contact_id: int) -> list[dict[str, Any]]:
    user = aliased(StaffUser)
    i = Interaction
    names = ("uid", "kind", "occurred_at", "subject", "notes", "user", "deleted_at")
    query = (
        sa.select(i.uid, i.kind, i.occurred_at, i.subject, i.notes, staff_name(user), i.deleted_at)
        .outerjoin(user, user.id == i.user_id)
        .where(i.contact_id == contact_id)
        .order_by(i.occurred_at, i.id)
    )
    return [_row(names, row) for row in session.execute(query)]


def _events(session: Session, contact_id: int) -> list[dict[str, Any]]:
    p, e = EventParticipant, Event
    names = ("uid", "event", "kind", "starts_on", "ends_on", "city", "role", "attended")
    query = (
        sa.select(p.uid, e.name, e.kind, e.starts_on, e.ends_on, e.city, p.role, p.attended)
        .join(e, e.id == p.event_id)
        .where(p.contact_id == contact_id)
        .order_by(e.starts_on, p.id)
    )
    return [_row(names, row) for row in session.execute(query)]


def _consents(person: Contact, introductions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = [
        {"what": "share_with_partners", "introduction_uid": "",
         "consent": _plain(person.share_with_partners), "consent_at": _plain(person.consent_date),
         "consent_channel": person.consent_source},
        {"what": "do_not_contact", "introduction_uid": "", "consent": person.do_not_contact,
         "consent_at": None, "consent_channel": ""},
    ]  # fmt: skip
    for intro in introductions:
        if intro["role"] != "introducer":
            found.append({
                "what": "introduction", "introduction_uid": intro["uid"],
                "consent": intro["consent"], "consent_at": intro["consent_at"],
                "consent_channel": intro["consent_channel"],
            })  # fmt: skip
    return found


def _exports(session: Session, uid: str) -> list[dict[str, Any]]:
    """The partner files that named the person (the export log's records), newest first."""
    from crm.services.export_log import files_including

    return [
        {"at": _plain(f.at), "user": f.user, "entity": f.entity, "recipient": f.recipient,
         "profile": f.profile, "file": f.file_name, "sha256": f.sha256,
         "included_without_consent": f.included_without_consent}
        for f in files_including(session, uid)
    ]  # fmt: skip


# --- writing ---------------------------------------------------------------------------------


def write(report: Report, folder: Path) -> list[Path]:
    """`person.json`, one CSV per section and `person.html` in `folder` (made 0700)."""
    folder = private_dir(Path(folder))
    written = [
        _write_text(
            folder / "person.json", json.dumps(report.as_json(), ensure_ascii=False, indent=2)
        )
    ]
    for section in SECTIONS:
        written.append(_write_csv(folder / f"{section}.csv", _table(report.sections[section])))
    written.append(_write_text(folder / "person.html", transcript(report)))
    return written


def _write_text(path: Path, text: str) -> Path:
    with atomic_file(path) as staged:
        staged.write_text(text, encoding="utf-8")
    return path


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with atomic_file(path) as staged, staged.open("w", encoding="utf-8-sig", newline="") as handle:
        names = list(dict.fromkeys(k for row in rows for k in row))
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return path


def _table(section: Any) -> list[dict[str, Any]]:
    """A section as rows: a single record becomes field/value rows."""
    if section is None:
        return []
    if isinstance(section, Mapping):
        return [{"field": k, "value": v} for k, v in section.items()]
    return list(section)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # A spreadsheet must not run a cell as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --- the transcript ---------------------------------------------------------------------------


def _lang(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "fr" else pair[0]


# The catalogue entity whose fields a section shows, looked at first for labels and enums.
_ENTITY_OF = {
    "person": catalogue.CONTACT, "organization": catalogue.ORGANIZATION,
    "introductions": catalogue.INTRODUCTION, "followups": catalogue.FOLLOWUP,
    "interactions": catalogue.INTERACTION, "events": catalogue.EVENT,
}  # fmt: skip
_ISO_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]00:00|Z)?")


def _fields(section: str, name: str) -> list[catalogue.Field]:
    first = _ENTITY_OF.get(section)
    entities = [first] if first is not None else []
    entities += [e for e in _ENTITY_OF.values() if e is not first]
    return [f for e in entities for f in e.fields if f.name == name]


def _field_label(section: str, name: str, language: str) -> str:
    if name in _COLUMNS:
        return _lang(_COLUMNS[name], language)
    if language == "fr" and name in catalogue.FR_HEADERS:
        return catalogue.FR_HEADERS[name]
    for f in _fields(section, name):
        if f.label or f.header:
            return _french(f.label or f.header, language)
    return name.replace("_", " ").capitalize()


def _enum_of(section: str, name: str) -> str | None:
    for f in _fields(section, name):
        if f.kind.startswith("enum:"):
            return f.kind.removeprefix("enum:")
    return {"consent": "Consent", "purpose": "IntroductionPurpose"}.get(name)


def _value_text(section: str, name: str, value: Any, language: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _lang(("yes", "oui"), language) if value else _lang(("no", "non"), language)
    if name in ("role", "what") and value in _ROLES:
        return _lang(_ROLES[value], language)
    enum = _enum_of(section, name)
    if enum and str(value) in labels.ENUMS.get(enum, {}):
        return _french(labels.ENUMS[enum][str(value)], language)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_change(v)}" for k, v in value.items())
    # A moment reads "2025-02-01 14:30 UTC" (the values are UTC).
    moment = _ISO_MOMENT.fullmatch(str(value))
    return f"{moment[1]} {moment[2]} UTC" if moment else str(value)


def _change(value: Any) -> str:
    if isinstance(value, list) and len(value) == 2:
        return f"{'' if value[0] is None else value[0]} → {'' if value[1] is None else value[1]}"
    return "" if value is None else str(value)


def transcript(report: Report) -> str:
    """The report as one HTML page in the person's language; every value escaped."""
    lang = report.language
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(_lang(_WORDS['heading'], lang) % report.name)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}</style>",
        "</head><body>",
        f"<h1>{e(_lang(_WORDS['heading'], lang) % report.name)}</h1>",
        f"<p>{e(_lang(_WORDS['made'], lang) % report.made_at)}</p>",
    ]
    for section in SECTIONS:
        parts.append(f"<h2>{e(_lang(_TITLES[section], lang))}</h2>")
        rows = _table(report.sections[section])
        if not rows:
            parts.append(f"<p>{e(_lang(_WORDS['none'], lang))}</p>")
            continue
        if isinstance(report.sections[section], Mapping):
            parts.append(f"<table><tr><th>{e(_lang(_WORDS['field'], lang))}</th>"
                         f"<th>{e(_lang(_WORDS['value'], lang))}</th></tr>")  # fmt: skip
            for row in rows:
                label = _field_label(section, row["field"], lang)
                text = _value_text(section, row["field"], row["value"], lang)
                parts.append(f"<tr><th>{e(label)}</th><td>{e(text)}</td></tr>")
        else:
            names = list(dict.fromkeys(k for row in rows for k in row))
            head = "".join(f"<th>{e(_field_label(section, n, lang))}</th>" for n in names)
            parts.append(f"<table><tr>{head}</tr>")
            for row in rows:
                cells = "".join(
                    f"<td>{e(_value_text(section, n, row.get(n), lang))}</td>" for n in names
                )
                parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


@cache
def _french_labels() -> dict[str, str]:
    """The French of the window's labels and field names, read from the translation source
    (no Qt here): {English: French}."""
    path = Path(crm.__file__).resolve().parent.parent / "resources" / "translations" / "crm_fr.ts"
    found: dict[str, str] = {}
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return found
    for context in root.iter("context"):
        if context.findtext("name") not in ("Labels", "Fields", "Headers"):
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source and translation:
                found.setdefault(source, translation)
    return found


def _french(english: str, language: str) -> str:
    return _french_labels().get(english, english) if language == "fr" else english
