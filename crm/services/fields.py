"""The computed fields of the field catalogue, as SQL: each written once.

`crm.domain.fields` declares every field of every entity (name, labels, kind); most are a
column of their model. The few that are computed from other records are here, and every
list, export, search document and figure that shows one uses this expression:

- `person_name`: a contact's "First Last";
- `party_name`: one side of an introduction (its organization, else its person);
- `staff_name`: a staff user's name (display name, else login);
- `FollowUpLink`: the record a follow-up serves (`linked_kind`, `linked_to`, `linked_uid`),
  an introduction named by its title, else by its parties.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from crm.db import tables


def columns_of(source: Any) -> Any:
    """The columns of `source` by attribute: a table or its alias (`.c`), or a mapped class
    or its ORM alias (its own attributes). Lists and exports read Core tables, the record
    services their mapped classes: both name the same fields here."""
    return source.c if isinstance(source, sa.FromClause) else source


def person_name(person: Any) -> sa.ColumnElement[Any]:
    """A contact's "First Last" in SQL (`person`: the contacts table, Contact, or an alias)."""
    p = columns_of(person)
    return sa.func.trim(p.first_name + " " + p.last_name)


def party_name(
    org: Any, person: Any, shown: sa.ColumnElement[Any] | None = None
) -> sa.ColumnElement[Any]:
    """How lists and exports name one side of an introduction: its organization, else its
    person (`shown`: the person's name as the caller shows it, NULL when withheld)."""
    name = columns_of(org).name
    return sa.func.coalesce(name, person_name(person) if shown is None else shown, "")


def staff_name(user: Any) -> sa.ColumnElement[Any]:
    """A staff user's name as the desk shows it: the display name, else the login (NULL
    when there is no user, so a list sorts the unassigned rows together)."""
    u = columns_of(user)
    return sa.func.coalesce(sa.func.nullif(u.display_name, ""), u.name)


class FollowUpLink:
    """The record a follow-up serves, with the joins that name it (table aliases named
    `prefix_*`), joined to the followups table of the query.

    A follow-up may link several records; the first of organization, contact, introduction,
    event names it everywhere (the lists, My follow-ups, exports, search).
    """

    def __init__(self, prefix: str) -> None:
        self.followup = tables.followups.c
        self.org = tables.organizations.alias(f"{prefix}_org")
        self.person = tables.contacts.alias(f"{prefix}_contact")
        self.intro = tables.introductions.alias(f"{prefix}_intro")
        self.event = tables.events.alias(f"{prefix}_event")
        self.qc_org = tables.organizations.alias(f"{prefix}_qc_org")
        self.ma_org = tables.organizations.alias(f"{prefix}_ma_org")
        self.qc_person = tables.contacts.alias(f"{prefix}_qc_contact")
        self.ma_person = tables.contacts.alias(f"{prefix}_ma_contact")

    def joins(self, query: sa.Select[Any]) -> sa.Select[Any]:
        f, intro = self.followup, self.intro.c
        return (
            query.outerjoin(self.org, self.org.c.id == f.organization_id)
            .outerjoin(self.person, self.person.c.id == f.contact_id)
            .outerjoin(self.intro, intro.id == f.introduction_id)
            .outerjoin(self.qc_org, self.qc_org.c.id == intro.qc_organization_id)
            .outerjoin(self.qc_person, self.qc_person.c.id == intro.qc_contact_id)
            .outerjoin(self.ma_org, self.ma_org.c.id == intro.ma_organization_id)
            .outerjoin(self.ma_person, self.ma_person.c.id == intro.ma_contact_id)
            .outerjoin(self.event, self.event.c.id == f.event_id)
        )

    @property
    def name(self) -> sa.ColumnElement[Any]:
        """`linked_to`: the linked record's name ("" when the follow-up serves none)."""
        intro = self.intro.c
        parties = (
            party_name(self.qc_org, self.qc_person)
            + " ↔ "
            + party_name(self.ma_org, self.ma_person)
        )
        return sa.func.coalesce(
            self.org.c.name,
            sa.func.nullif(person_name(self.person), ""),
            sa.func.nullif(intro.title, ""),
            sa.case((intro.id.is_not(None), parties)),
            self.event.c.name,
            "",
        )

    def shown(
        self, withheld: Callable[[Any, Any], sa.ColumnElement[Any]]
    ) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]]:
        """`linked_to` and `linked_uid` as a partner file shows them: `withheld(person, expr)`
        is `expr`, or NULL for a person the file must not identify; an introduction is named
        by its parties, never by its title (free text that may name anyone)."""
        f, intro = self.followup, self.intro.c

        def side(org: Any, person: Any) -> sa.ColumnElement[Any]:
            return party_name(org, person, withheld(person, person_name(person)))

        parties = side(self.qc_org, self.qc_person) + " ↔ " + side(self.ma_org, self.ma_person)
        person_uid = withheld(self.person, self.person.c.uid)
        return (
            sa.case(
                (f.organization_id.is_not(None), self.org.c.name),
                (f.contact_id.is_not(None), sa.func.coalesce(
                    withheld(self.person, person_name(self.person)), ""
                )),
                (intro.id.is_not(None), parties),
                else_=sa.func.coalesce(self.event.c.name, ""),
            ),
            sa.case(
                (f.organization_id.is_not(None), self.org.c.uid),
                (f.contact_id.is_not(None), sa.func.coalesce(person_uid, "")),
                else_=sa.func.coalesce(intro.uid, self.event.c.uid, ""),
            ),
        )  # fmt: skip

    @property
    def kind(self) -> sa.ColumnElement[Any]:
        """`linked_kind`: organization, contact, introduction, event or ""."""
        f = self.followup
        return sa.case(
            (f.organization_id.is_not(None), "organization"),
            (f.contact_id.is_not(None), "contact"),
            (f.introduction_id.is_not(None), "introduction"),
            (f.event_id.is_not(None), "event"),
            else_="",
        )

    @property
    def uid(self) -> sa.ColumnElement[Any]:
        """`linked_uid`: the linked record's uid ("" when none)."""
        return sa.func.coalesce(
            self.org.c.uid, self.person.c.uid, self.intro.c.uid, self.event.c.uid, ""
        )
