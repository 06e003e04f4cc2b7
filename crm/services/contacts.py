"""Contacts: the people on both sides, their language and their partner-sharing consent."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Organization
from crm.domain import inference
from crm.domain import validation as v
from crm.domain.enums import Consent, Language, Territory
from crm.domain.errors import ValidationFailed
from crm.domain.text import fold_cached
from crm.services import documents, merge, records, tags
from crm.services.cleaning import Cleaner, split_tags

FIELDS = (
    "first_name", "last_name", "title", "organization_id", "email", "phone", "mobile", "language",
    "city", "region", "country", "territory", "share_with_partners", "consent_date",
    "consent_source", "do_not_contact", "notes",
)  # fmt: skip


# Local parts made only of these characters pass `validation.normalize_email`'s local-part
# check (no spaces, none of <>()[],;:"), so only the domain is left to check.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9._%+'-]+")


@lru_cache(maxsize=1 << 16)
def _domain_ok(domain: str) -> bool:
    """Whether an address with a plain local part and this domain passes `normalize_email`."""
    try:
        v.normalize_email(f"a@{domain}")
    except ValidationFailed:
        return False
    return True


def _normalize_email(value: str | None) -> str:
    """`validation.normalize_email(value)`, with each domain checked once: imports bring
    thousands of addresses at the same few thousand organizations."""
    local, at, domain = (value or "").strip().partition("@")
    if at and _domain_ok(domain) and _PLAIN_LOCAL.fullmatch(local):
        return f"{local}@{domain.lower()}"
    return v.normalize_email(value)


# Phone numbers repeat (switchboards); the rule is a pure function, its failures not cached.
_normalize_phone = lru_cache(maxsize=1 << 14)(v.normalize_phone)


def _normalize_mobile(text: str) -> str:
    return _normalize_phone(text, "mobile")


def _organization(session: Session, organization_id: Any) -> Organization | None:
    if not isinstance(organization_id, int) or isinstance(organization_id, bool):
        return None
    org = session.get(Organization, organization_id)
    return org if org is not None and org.deleted_at is None else None


def infer(
    session: Session, values: dict[str, Any], *, file_language: Language | None = None
) -> dict[str, Any]:
    """The territory and language `values` tell (None where nothing does): the territory from
    the province or state, the country, the city, else the organization's; the language from
    the territory (the one chosen, else the inferred one), else from the file's headers."""
    org = _organization(session, values.get("organization_id"))
    where = inference.territory(
        str(values.get("region") or ""), str(values.get("country") or ""),
        str(values.get("city") or ""),
    ) or (org.territory if org is not None else None)  # fmt: skip
    chosen = values.get("territory")
    told = Territory(chosen) if chosen in set(Territory) else where
    return {"territory": where, "language": inference.language(told, file_language)}


def clean(
    session: Session, values: dict[str, Any], *, file_language: Language | None = None
) -> dict[str, Any]:
    """`values` checked and normalized; a territory or language left blank is inferred
    (`infer`), English and Elsewhere only when nothing tells."""
    c = Cleaner(values)
    first, last = c.text("first_name"), c.text("last_name")
    if not first and not last:
        c.fail("last_name", "required", "last_name: a first or last name is required")
    organization_id = c.reference("organization_id")
    org = session.get(Organization, organization_id) if organization_id else None
    if organization_id and (org is None or org.deleted_at is not None):
        c.fail(
            "organization_id",
            "reference.missing",
            f"organization_id: no organization {organization_id}",
        )
    region, country = c.text("region"), c.text("country")
    territory = c.optional_choice("territory", Territory)
    language = c.optional_choice("language", Language)
    if territory is None or language is None:
        known = {**values, "territory": territory, "organization_id": organization_id}
        inferred = infer(session, known, file_language=file_language)
        territory = territory or inferred["territory"] or Territory.OTHER
        language = language or inferred["language"] or Language.EN
    email = c.rule("email", _normalize_email, "")
    attrs: dict[str, Any] = {
        "first_name": first,
        "last_name": last,
        "title": c.text("title"),
        "organization_id": organization_id,
        "email": email,
        "phone": c.rule("phone", _normalize_phone, ""),
        "mobile": c.rule("mobile", _normalize_mobile, ""),
        "language": language,
        "city": c.text("city"),
        "region": region,
        "country": country,
        "territory": territory,
        "share_with_partners": c.choice("share_with_partners", Consent, Consent.UNKNOWN),
        "consent_date": c.day("consent_date"),
        "consent_source": c.text("consent_source"),
        "do_not_contact": c.boolean("do_not_contact"),
        "notes": c.text("notes", max_length=100_000),
    }
    attrs["name_folded"] = fold_cached(f"{first} {last}")
    attrs["email_lower"] = email.lower()
    if "tags" in values:
        attrs["tags"] = split_tags(values["tags"])
    return c.done(attrs)


def label(contact: Contact) -> str:
    return contact.full_name or contact.email


def duplicates(
    session: Session, attrs: dict[str, Any], exclude_id: int | None
) -> list[records.Duplicate]:
    """Same email anywhere, or same folded name within the same organization."""
    same_name = Contact.name_folded == attrs["name_folded"]
    if attrs["organization_id"] is not None:
        same_name = sa.and_(same_name, Contact.organization_id == attrs["organization_id"])
    else:
        same_name = sa.and_(same_name, Contact.organization_id.is_(None))
    same = sa.or_(
        same_name, sa.and_(attrs["email_lower"] != "", Contact.email_lower == attrs["email_lower"])
    )
    query = sa.select(Contact.id, Contact.first_name, Contact.last_name).where(
        Contact.deleted_at.is_(None), same
    )
    if exclude_id is not None:
        query = query.where(Contact.id != exclude_id)
    return [
        ("contact", r.id, f"{r.first_name} {r.last_name}".strip())
        for r in session.execute(query.limit(10))
    ]


def save_extra(session: Session, contact: Contact, extra: dict[str, Any]) -> None:
    if "tags" in extra:
        tags.set_tags(session, "contact", contact.id, extra["tags"])


service = records.EntitySpec(
    "contact", Contact, FIELDS, clean, label, duplicates, documents.of_contact, save_extra,
    ("tags",), default_order=("name_folded",), shown_elsewhere=documents.SHOWN_ELSEWHERE["contact"],
    infer=infer, after_restore=merge.undo_on_restore,
)  # fmt: skip
