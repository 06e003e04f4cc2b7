"""Likely duplicates among live contacts or organizations, with the reasons they look alike.

`find(session, kind)` reads the few columns that tell (folded name, email, organization, web
domain) once and groups them by key in a dict, never comparing all pairs: 100,000 contacts
are one query and one pass. A group of n records gives n - 1 pairs, each with the group's
oldest record, so the list stays as long as the problem; a pair found by several keys is
listed once with all its reasons. `crm.services.merge` then merges a pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Organization
from crm.domain.text import name_key, sort_key

KINDS = ("contact", "organization")

# Reason code -> English (the CLI prints it; the window says it in the user's language).
REASONS: dict[str, str] = {
    "email": "same email",
    "name_in_organization": "same name in the same organization",
    "similar_name_in_organization": "similar name in the same organization",
    "name": "same name",
    "similar_name": "similar name (Inc., Ltée, LLC, St-, Ste-...)",
    "website": "same web domain",
}


@dataclass(frozen=True)
class Pair:
    """Two live records of `kind` that look like one; `first` is the older."""

    kind: str
    first_id: int
    first_uid: str
    first_label: str
    second_id: int
    second_uid: str
    second_label: str
    reasons: tuple[str, ...]
    # What tells the two apart at a glance: a contact's organization (else email), an
    # organization's city (else web domain).
    first_detail: str = ""
    second_detail: str = ""

    def describe(self) -> str:
        return ", ".join(REASONS[r] for r in self.reasons)


def _pairs(groups: Iterable[list[int]]) -> Iterable[tuple[int, int]]:
    for ids in groups:
        if len(ids) > 1:
            first = min(ids)
            for other in sorted(ids):
                if other != first:
                    yield first, other


def _keyed(rows: Iterable[tuple[int, Any]]) -> list[list[int]]:
    groups: dict[Any, list[int]] = defaultdict(list)
    for record_id, key in rows:
        groups[key].append(record_id)
    return list(groups.values())


def _contact_reasons(session: Session) -> dict[tuple[int, int], list[str]]:
    rows = session.execute(
        sa.select(
            Contact.id, Contact.name_folded, Contact.organization_id, Contact.email_lower
        ).where(Contact.deleted_at.is_(None))
    ).all()
    found: dict[tuple[int, int], list[str]] = defaultdict(list)
    for pair in _pairs(_keyed((r.id, r.email_lower) for r in rows if r.email_lower)):
        found[pair].append("email")
    # Two people of the same name with no organization are most often two people.
    named = [r for r in rows if r.name_folded and r.organization_id is not None]
    same = set(_pairs(_keyed((r.id, (r.organization_id, r.name_folded)) for r in named)))
    for pair in same:
        found[pair].append("name_in_organization")
    keys = ((r.id, (r.organization_id, name_key(r.name_folded))) for r in named)
    for pair in _pairs(_keyed(keys)):
        if pair not in same:
            found[pair].append("similar_name_in_organization")
    return found


def _organization_reasons(session: Session) -> dict[tuple[int, int], list[str]]:
    rows = session.execute(
        sa.select(Organization.id, Organization.name_folded, Organization.website_domain).where(
            Organization.deleted_at.is_(None)
        )
    ).all()
    found: dict[tuple[int, int], list[str]] = defaultdict(list)
    named = [r for r in rows if r.name_folded]
    same = set(_pairs(_keyed((r.id, r.name_folded) for r in named)))
    for pair in same:
        found[pair].append("name")
    for pair in _pairs(_keyed((r.id, name_key(r.name_folded)) for r in named)):
        if pair not in same:
            found[pair].append("similar_name")
    for pair in _pairs(_keyed((r.id, r.website_domain) for r in rows if r.website_domain)):
        found[pair].append("website")
    return found


def _labels(session: Session, kind: str, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """id -> (uid, name, detail) of these records."""
    found: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        if kind == "contact":
            query: Any = (
                sa.select(
                    Contact.id, Contact.uid, Contact.first_name, Contact.last_name,
                    Contact.email, Organization.name,
                )
                .outerjoin(Organization, Organization.id == Contact.organization_id)
                .where(Contact.id.in_(chunk))
            )  # fmt: skip
            for r in session.execute(query):
                name = f"{r.first_name} {r.last_name}".strip() or r.email
                found[r.id] = (r.uid, name, r.name or r.email)
        else:
            query = sa.select(
                Organization.id, Organization.uid, Organization.name, Organization.city,
                Organization.website_domain,
            ).where(Organization.id.in_(chunk))  # fmt: skip
            found.update(
                (r.id, (r.uid, r.name, r.city or r.website_domain)) for r in session.execute(query)
            )
    return found


def find(session: Session, kind: str) -> list[Pair]:
    """The likely duplicate pairs among live records of `kind` (contact or organization),
    sorted by the first record's name."""
    if kind not in KINDS:
        raise ValueError(f"duplicates are found among contacts or organizations, not {kind!r}")
    found = _contact_reasons(session) if kind == "contact" else _organization_reasons(session)
    labels = _labels(session, kind, sorted({i for pair in found for i in pair}))
    pairs = [
        Pair(kind, a, *labels[a][:2], b, *labels[b][:2], tuple(reasons), labels[a][2],
             labels[b][2])
        for (a, b), reasons in found.items()
    ]  # fmt: skip
    pairs.sort(key=lambda p: (sort_key(p.first_label), p.first_id, p.second_id))
    return pairs
