"""Organizations: companies, CROs, universities, investors... on either side of the border."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Organization
from crm.domain import inference
from crm.domain import validation as v
from crm.domain.enums import Membership, OrganizationKind, Territory
from crm.domain.text import fold
from crm.services import documents, merge, records, tags
from crm.services.cleaning import Cleaner, split_tags

FIELDS = (
    "name", "kind", "territory", "membership", "website", "phone", "address", "city", "region",
    "postal_code", "country", "therapeutic_areas", "employees", "notes",
)  # fmt: skip


def infer(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """The territory `values` tell (from the province or state, the country, the city), None
    when nothing does. Membership is never inferred from where an organization is: it is a
    claim that only an answer makes ("oui" in a membership column, see `clean`)."""
    where = inference.territory(
        str(values.get("region") or ""), str(values.get("country") or ""),
        str(values.get("city") or ""),
    )  # fmt: skip
    return {"territory": where}


def _membership(values: dict[str, Any], territory: Territory) -> Any:
    """A membership answer in people's words ("oui", "MassBio member") as the member it
    names; other values as they are, for the cleaner to take or report."""
    answer = values.get("membership")
    if isinstance(answer, str) and answer.strip() and answer not in set(Membership):
        return inference.membership(answer, territory) or answer
    return answer


def clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    c = Cleaner(values)
    region = c.text("region")
    country = c.text("country")
    website = c.rule("website", v.normalize_website, "")
    territory = c.optional_choice("territory", Territory)
    if territory is None:
        territory = infer(session, values)["territory"] or Territory.OTHER
    c.values = {**values, "membership": _membership(values, territory)}
    attrs: dict[str, Any] = {
        "name": c.text("name", required=True),
        "kind": c.choice("kind", OrganizationKind, OrganizationKind.OTHER),
        "territory": territory,
        "membership": c.choice("membership", Membership, Membership.NONE),
        "website": website,
        "phone": c.rule("phone", v.normalize_phone, ""),
        "address": c.text("address"),
        "city": c.text("city"),
        "region": region,
        "postal_code": c.rule(
            "postal_code", lambda t: v.normalize_postal_code(t, country, region), ""
        ),
        "country": country,
        "therapeutic_areas": c.text("therapeutic_areas"),
        "employees": c.integer("employees"),
        "notes": c.text("notes", max_length=100_000),
    }
    attrs["name_folded"] = fold(attrs["name"])
    attrs["website_domain"] = v.website_domain(website)
    if "tags" in values:
        attrs["tags"] = split_tags(values["tags"])
    return c.done(attrs)


def clean_names(session: Session, names: Iterable[str]) -> list[dict[str, Any]]:
    """`clean(session, {"name": name})` for each name: organizations known by their name
    alone (those a contacts file names). All but the name and its fold come out the same
    whatever the name, so `clean` runs once for them, and again for a name it refuses (to
    raise its error)."""
    template: dict[str, Any] | None = None
    found = []
    for name in names:
        c = Cleaner({"name": name})
        text = c.text("name", required=True)
        if c.issues:
            clean(session, {"name": name})  # raises
        if template is None:
            template = clean(session, {"name": text})
        found.append({**template, "name": text, "name_folded": fold(text)})
    return found


def label(org: Organization) -> str:
    return org.name


def duplicates(
    session: Session, attrs: dict[str, Any], exclude_id: int | None
) -> list[records.Duplicate]:
    """Same folded name, or same website domain."""
    same = sa.or_(
        Organization.name_folded == attrs["name_folded"],
        sa.and_(
            attrs["website_domain"] != "", Organization.website_domain == attrs["website_domain"]
        ),
    )
    query = sa.select(Organization.id, Organization.name).where(
        Organization.deleted_at.is_(None), same
    )
    if exclude_id is not None:
        query = query.where(Organization.id != exclude_id)
    return [("organization", row.id, row.name) for row in session.execute(query.limit(10))]


def save_extra(session: Session, org: Organization, extra: dict[str, Any]) -> None:
    if "tags" in extra:
        tags.set_tags(session, "organization", org.id, extra["tags"])


service = records.EntitySpec(
    "organization", Organization, FIELDS, clean, label, duplicates, documents.of_organization,
    save_extra, ("tags",), default_order=("name_folded",),
    shown_elsewhere=documents.SHOWN_ELSEWHERE["organization"], infer=infer,
    after_restore=merge.undo_on_restore,
)  # fmt: skip
