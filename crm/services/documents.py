"""What each kind of record's search entry says, in one place.

For every kind: the `SearchDocument` (title, subtitle, body) built from a record or from a
plain row with the same attribute names (`<kind>_document`), the select of the columns it is
made of (`<kind>_query`, which `indexing` pages through in bulk), and the document of the one
record a service has just written (`of_<kind>(session, record)`, the `document` of each
entity's `EntitySpec`). Both paths go through the same builder, so a rebuilt index holds what
the services wrote (tests check it). `SHOWN_ELSEWHERE` says which fields of a record other
records' entries show: changing one re-indexes those records (`indexing.reindex_referring`).

This module imports no entity module and no `records`: the entity modules and `indexing`
import it, which keeps the import graph of `crm.services` free of circles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from crm.db.models import (
    Contact,
    Event,
    FollowUp,
    Interaction,
    Introduction,
    Organization,
)
from crm.db.search import SearchDocument
from crm.services import tags
from crm.services.fields import FollowUpLink

__all__ = [
    "SHOWN_ELSEWHERE",
    "contact_document",
    "contact_parts",
    "contact_query",
    "event_document",
    "event_query",
    "followup_document",
    "followup_query",
    "interaction_document",
    "interaction_query",
    "introduction_document",
    "introduction_query",
    "of_contact",
    "of_event",
    "of_followup",
    "of_interaction",
    "of_introduction",
    "of_organization",
    "organization_document",
    "organization_parts",
    "organization_query",
]

# Fields shown in other records' search text, by kind: an organization's and an event's name,
# a person's name (contacts, introductions, follow-ups show them), and what a follow-up's text
# names the introduction it serves by (its title, else its parties).
SHOWN_ELSEWHERE: dict[str, tuple[str, ...]] = {
    "organization": ("name",),
    "contact": ("first_name", "last_name"),
    "introduction": (
        "title", "qc_organization_id", "qc_contact_id", "ma_organization_id", "ma_contact_id",
    ),
    "event": ("name",),
}  # fmt: skip

# Each select below is a Select; SQLAlchemy 2.1 types each one by its columns, hence `Any`.


def _one(
    session: Session, query: Any, build: Callable[[Any], SearchDocument]
) -> SearchDocument | None:
    """The document of the one row of a kind's select narrowed to a record (None: the record
    is not live), so that one record is indexed as the bulk path indexes it."""
    row = session.execute(query).one_or_none()
    return None if row is None else build(row)


# ------------------------------------------------------------------------ organizations


def organization_query() -> Any:
    o = Organization
    columns = (o.id, o.name, o.kind, o.city, o.region, o.country, o.website_domain,
               o.therapeutic_areas, o.notes)  # fmt: skip
    return sa.select(*columns).where(o.deleted_at.is_(None))


def organization_parts(org: Any, tag_names: str = "") -> tuple[str, str, tuple[str, ...]]:
    """The title, subtitle and body parts (joined by spaces) of `organization_document`."""
    return (
        org.name,
        " · ".join(p for p in (str(org.kind), org.city) if p),
        (org.city, org.region, org.country, org.website_domain, org.therapeutic_areas,
         org.notes, tag_names),
    )  # fmt: skip


def organization_document(org: Any, tag_names: str = "") -> SearchDocument:
    """Works on a model instance or a plain row with the same attribute names."""
    title, subtitle, body = organization_parts(org, tag_names)
    return SearchDocument("organization", org.id, title, subtitle, " ".join(body))


def of_organization(session: Session, org: Organization) -> SearchDocument:
    return organization_document(org, " ".join(tags.tags_of(session, "organization", org.id)))


# ----------------------------------------------------------------------------- contacts


def contact_query() -> Any:
    c = Contact
    return (
        sa.select(
            *(c.id, c.first_name, c.last_name, c.email, c.title, c.city, c.region),
            *(c.country, c.notes, Organization.name.label("organization_name")),
        )
        .outerjoin(Organization, Organization.id == c.organization_id)
        .where(c.deleted_at.is_(None))
    )


def contact_parts(
    contact: Any, organization_name: str = "", tag_names: str = ""
) -> tuple[str, str, tuple[str, ...]]:
    """The title, subtitle and body parts (joined by spaces) of `contact_document`."""
    name = f"{contact.first_name} {contact.last_name}".strip() or contact.email
    return (
        name,
        " · ".join(p for p in (contact.title, organization_name, contact.city) if p),
        (contact.email, contact.title, organization_name, contact.city, contact.region,
         contact.country, contact.notes, tag_names),
    )  # fmt: skip


def contact_document(
    contact: Any, organization_name: str = "", tag_names: str = ""
) -> SearchDocument:
    """Works on a model instance or a plain row with the same attribute names."""
    title, subtitle, body = contact_parts(contact, organization_name, tag_names)
    return SearchDocument("contact", contact.id, title, subtitle, " ".join(body))


def of_contact(session: Session, contact: Contact) -> SearchDocument:
    org_name = ""
    if contact.organization_id:
        org_name = (
            session.scalar(
                sa.select(Organization.name).where(Organization.id == contact.organization_id)
            )
            or ""
        )
    tag_names = " ".join(tags.tags_of(session, "contact", contact.id))
    return contact_document(contact, org_name, tag_names)


# ------------------------------------------------------------------------ introductions


def introduction_query() -> Any:
    """Live introductions with the names of both parties joined in."""
    i = Introduction
    qc_person, ma_person = aliased(Contact), aliased(Contact)
    qc_org, ma_org = aliased(Organization), aliased(Organization)
    return (
        sa.select(
            *(i.id, i.title, i.stage, i.purpose, i.notes),
            *(qc_person.id.label("qc_person_id"), qc_person.first_name.label("qc_first")),
            *(qc_person.last_name.label("qc_last"), qc_org.name.label("qc_org")),
            *(ma_person.id.label("ma_person_id"), ma_person.first_name.label("ma_first")),
            *(ma_person.last_name.label("ma_last"), ma_org.name.label("ma_org")),
        )
        .outerjoin(qc_person, qc_person.id == i.qc_contact_id)
        .outerjoin(qc_org, qc_org.id == i.qc_organization_id)
        .outerjoin(ma_person, ma_person.id == i.ma_contact_id)
        .outerjoin(ma_org, ma_org.id == i.ma_organization_id)
        .where(i.deleted_at.is_(None))
    )


def _party(has_person: bool, first: str | None, last: str | None, org: str | None) -> str:
    """'Contact (Organization)', 'Contact' or 'Organization' (`introductions.party_names`)."""
    person = f"{first or ''} {last or ''}".strip() if has_person else ""
    org_part = (f"({org})" if has_person else org) if org is not None else ""
    return " ".join(p for p in (person, org_part) if p)


def introduction_document(row: Any) -> SearchDocument:
    """The search document of an `introduction_query` row (title: its own, else its parties)."""
    qc = _party(row.qc_person_id is not None, row.qc_first, row.qc_last, row.qc_org)
    ma = _party(row.ma_person_id is not None, row.ma_first, row.ma_last, row.ma_org)
    return SearchDocument(
        "introduction",
        row.id,
        row.title or f"{qc} ↔ {ma}",
        f"{row.stage} · {row.purpose}",
        f"{qc} {ma} {row.notes}",
    )


def of_introduction(session: Session, intro: Introduction) -> SearchDocument | None:
    query = introduction_query().where(Introduction.id == intro.id)
    return _one(session, query, introduction_document)


# ------------------------------------------------------------------------------- events


def event_query() -> Any:
    e = Event
    columns = (e.id, e.name, e.kind, e.starts_on, e.city, e.description)
    return sa.select(*columns).where(e.deleted_at.is_(None))


def event_document(event: Any) -> SearchDocument:
    when = event.starts_on.isoformat() if event.starts_on else ""
    return SearchDocument(
        "event",
        event.id,
        event.name,
        " · ".join(p for p in (str(event.kind), when, event.city) if p),
        " ".join((event.city, event.description)),
    )


def of_event(session: Session, event: Event) -> SearchDocument:
    return event_document(event)


# --------------------------------------------------------------------------- follow-ups


def followup_query() -> Any:
    """What the search documents of live follow-ups show, one row each: `id`, `title`,
    `status`, `due_date`, `notes` and `linked`, the name of the record the follow-up serves
    (an organization, a person, an introduction by its title or else its parties, an event).

    One query for the service's one record and for `indexing`'s bulk rebuild alike.
    """
    link = FollowUpLink("doc")
    f = FollowUp
    query = sa.select(f.id, f.title, f.status, f.due_date, f.notes, link.name.label("linked"))
    return link.joins(query.select_from(f)).where(f.deleted_at.is_(None))


def followup_document(row: Any) -> SearchDocument:
    """The search document of a `followup_query` row (title: the follow-up's own)."""
    due = row.due_date.isoformat() if row.due_date else ""
    return SearchDocument(
        "followup",
        row.id,
        row.title,
        " · ".join(p for p in (str(row.status), due, row.linked) if p),
        f"{row.linked} {row.notes}",
    )


def of_followup(session: Session, followup: FollowUp) -> SearchDocument | None:
    return _one(session, followup_query().where(FollowUp.id == followup.id), followup_document)


# ------------------------------------------------------------------------- interactions


def interaction_query() -> Any:
    n = Interaction
    return sa.select(n.id, n.kind, n.subject, n.notes).where(n.deleted_at.is_(None))


def interaction_document(item: Any) -> SearchDocument:
    title = item.subject or (item.notes.splitlines() or [""])[0][:80]
    return SearchDocument(
        "interaction", item.id, title, str(item.kind), f"{item.subject} {item.notes}"
    )


def of_interaction(session: Session, item: Interaction) -> SearchDocument:
    return interaction_document(item)
