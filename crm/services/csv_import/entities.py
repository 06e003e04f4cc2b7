"""The three kinds of file (organizations, contacts, event participants): the columns each
needs, how its references are found (a contact's organization, a participant's event and
contact), the keys its duplicates are found by, and `plan`, which picks the right one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Event, EventParticipant, Organization
from crm.domain import inference
from crm.domain import validation as v
from crm.domain.errors import DeskError, Issue
from crm.domain.text import fold
from crm.services import bulk, contacts, events, organizations
from crm.services.csv_import.checking import Planner, checked_day, load_map
from crm.services.csv_import.common import fold_cached, take_turn
from crm.services.csv_import.files import Source
from crm.services.csv_import.plans import (
    DEFAULT_OPTIONS,
    ENTITIES,
    ON_DUPLICATE,
    RETURNED,
    ImportOptions,
    Plan,
    RowPlan,
)


class _Organizations(Planner):
    spec = organizations.service
    entity = "organizations"
    inferable = frozenset({"territory"})

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        o = Organization
        live = o.deleted_at.is_(None)
        self.by_domain = load_map(session, sa.select(o.website_domain, o.id).where(live))
        self.by_name = load_map(session, sa.select(o.name_folded, o.id).where(live))

    def required_present(self, fields_present: set[str]) -> bool:
        return "name" in fields_present

    def missing_message(self, fields_present: set[str]) -> str:
        return "the file has no organization name column (e.g. name, Nom, Company, Entreprise); use --map 'Header=name'"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = dict(values)
        if not data.get("name"):
            issues.append(Issue("name", "required", "name: an organization name is required"))
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        domain = v.website_domain(values.get("website", ""))
        if domain:
            found.append(("domain", domain))
        if values.get("name"):
            found.append(("name", fold_cached(values["name"])))
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        table = {"uid": self.by_uid, "domain": self.by_domain, "name": self.by_name}[kind]
        return table.get(value)

    def label(self, values: dict[str, Any]) -> str:
        return str(values.get("name", ""))


class _Contacts(Planner):
    spec = contacts.service
    entity = "contacts"
    inferable = frozenset({"territory", "language"})

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        c, o = Contact, Organization
        live = c.deleted_at.is_(None)
        self.by_email = load_map(session, sa.select(c.email_lower, c.id).where(live))
        self.by_name: dict[tuple[str, int | None], int] = {}
        for name, org_id, record_id in session.execute(
            sa.select(c.name_folded, c.organization_id, c.id).where(live)
        ):
            self.by_name.setdefault((name, org_id), record_id)
        org_live = o.deleted_at.is_(None)
        self.org_by_uid = load_map(session, sa.select(o.uid, o.id).where(org_live))
        self.org_by_name = load_map(session, sa.select(o.name_folded, o.id).where(org_live))
        self.new_orgs: dict[str, str] = {}
        self.anything_recorded = bool(self.by_uid or self.by_email or self.by_name)
        # A French file (Prénom, Courriel, Ville...) is presumably about French speakers.
        self.file_language = inference.header_language(source.headers)

    def clean(self, values: dict[str, Any]) -> dict[str, Any]:
        return contacts.clean(self.session, values, file_language=self.file_language)

    def infer(self, values: dict[str, Any]) -> dict[str, Any]:
        return contacts.infer(self.session, values, file_language=self.file_language)

    def required_present(self, fields_present: set[str]) -> bool:
        return bool({"first_name", "last_name", "full_name", "email"} & fields_present)

    def missing_message(self, fields_present: set[str]) -> str:
        return "the file has no name or email column (e.g. first_name, Prénom, Given Name, Courriel); use --map 'Header=field'"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = dict(values)
        org_uid = data.pop("organization_uid", "")
        org_name = data.pop("organization", "")
        org_id = self.org_by_uid.get(org_uid) if org_uid else None
        if org_id is None and org_name:
            key = fold_cached(org_name)
            org_id = self.org_by_name.get(key)
            if org_id is None:
                self.new_orgs.setdefault(key, org_name)
                data["_new_org"] = key
        if org_id is not None:
            data["organization_id"] = org_id
        if "consent_date" in data:
            data["consent_date"] = checked_day("consent_date", data["consent_date"], issues)
        if not data.get("first_name") and not data.get("last_name"):
            issues.append(
                Issue("last_name", "required", "last_name: a first or last name is required")
            )
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        email = str(values.get("email") or "").strip().lower()
        if email:
            found.append(("email", email))
        name = fold_cached(f"{values.get('first_name', '')} {values.get('last_name', '')}")
        if name:
            org: Any = values.get("organization_id")
            if org is None and values.get("_new_org"):
                org = ("new", values["_new_org"])
            found.append(("name", (name, org)))
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        if kind == "uid":
            return self.by_uid.get(value)
        if kind == "email":
            return self.by_email.get(value)
        name, org = value
        if isinstance(org, tuple):  # an organization the import creates: no recorded contact there
            return None
        return self.by_name.get((name, org))

    def label(self, values: dict[str, Any]) -> str:
        name = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
        return name or str(values.get("email", ""))

    def clean_new(self, row: RowPlan, data: dict[str, Any]) -> None:
        new_org = data.pop("_new_org", None)
        super().clean_new(row, data)
        if new_org and row.action == "created":
            row.new_organization = new_org
            self.plan.new_organizations[new_org] = self.new_orgs[new_org]

    def decide(self, prepared: list[dict[str, Any]]) -> None:
        super().decide(prepared)
        for row, data in zip(self.plan.rows, prepared, strict=True):
            if row.action in ("updated",) and data.get("_new_org"):
                row.new_organization = data["_new_org"]
                self.plan.new_organizations[data["_new_org"]] = self.new_orgs[data["_new_org"]]


class _Participants(Planner):
    spec = events.participants
    entity = "participants"

    def __init__(self, session: Session, source: Source, options: ImportOptions) -> None:
        super().__init__(session, source, options)
        e, c, o = Event, Contact, Organization
        self.event_by_uid = load_map(session, sa.select(e.uid, e.id).where(e.deleted_at.is_(None)))
        self.event_by_name = load_map(
            session, sa.select(sa.func.lower(e.name), e.id).where(e.deleted_at.is_(None))
        )
        self.event_by_fold = {fold(k): i for k, i in self.event_by_name.items()}
        live = c.deleted_at.is_(None)
        self.contact_by_uid = load_map(session, sa.select(c.uid, c.id).where(live))
        self.contact_by_email = load_map(session, sa.select(c.email_lower, c.id).where(live))
        self.contact_by_name = load_map(session, sa.select(c.name_folded, c.id).where(live))
        self.org_by_uid = load_map(session, sa.select(o.uid, o.id).where(o.deleted_at.is_(None)))
        self.org_by_name = load_map(
            session, sa.select(o.name_folded, o.id).where(o.deleted_at.is_(None))
        )
        p = EventParticipant
        self.existing: dict[tuple[int, int | None, int | None], int] = {}
        for pid, event_id, contact_id, org_id in session.execute(
            sa.select(p.id, p.event_id, p.contact_id, p.organization_id).where(
                p.deleted_at.is_(None)
            )
        ):
            self.existing.setdefault((event_id, contact_id, org_id), pid)

    def required_present(self, fields_present: set[str]) -> bool:
        return bool({"event", "event_uid"} & fields_present) and bool(
            {"contact", "contact_email", "contact_uid", "organization", "organization_uid"}
            & fields_present
        )

    def missing_message(self, fields_present: set[str]) -> str:
        return "a participants file needs an event column and a contact (email, name) or organization column"

    def prepare(self, values: dict[str, str], issues: list[Issue]) -> dict[str, Any]:
        data: dict[str, Any] = {"uid": values.get("uid", ""), "role": values.get("role", "")}
        if "attended" in values:
            data["attended"] = values["attended"]
        event_id = (
            self.event_by_uid.get(values.get("event_uid", "")) if values.get("event_uid") else None
        )
        if event_id is None and values.get("event"):
            event_id = self.event_by_fold.get(fold(values["event"]))
        if event_id is None:
            shown = values.get("event") or values.get("event_uid", "")
            issues.append(
                Issue("event", "reference.missing", f"event: no event '{shown}' is recorded")
            )
        contact_id = None
        if values.get("contact_uid"):
            contact_id = self.contact_by_uid.get(values["contact_uid"])
        if contact_id is None and values.get("contact_email"):
            contact_id = self.contact_by_email.get(values["contact_email"].lower())
        if contact_id is None and values.get("contact"):
            contact_id = self.contact_by_name.get(fold(values["contact"]))
        named = values.get("contact_uid") or values.get("contact_email") or values.get("contact")
        if contact_id is None and named:
            issues.append(
                Issue(
                    "contact",
                    "reference.missing",
                    f"contact: no contact '{named}' is recorded (import the contacts first)",
                )
            )
        org_id = None
        if values.get("organization_uid"):
            org_id = self.org_by_uid.get(values["organization_uid"])
        if org_id is None and values.get("organization"):
            org_id = self.org_by_name.get(fold(values["organization"]))
            if org_id is None:
                issues.append(
                    Issue(
                        "organization",
                        "reference.missing",
                        f"organization: no organization '{values['organization']}' is recorded",
                    )
                )
        if not named and org_id is None and not issues:
            issues.append(
                Issue(
                    "contact", "required", "contact: a participant is a contact or an organization"
                )
            )
        data.update(event_id=event_id, contact_id=contact_id, organization_id=org_id)
        data["_label"] = " · ".join(
            x for x in (named or values.get("organization", ""), values.get("event", "")) if x
        )
        return data

    def keys(self, values: dict[str, Any]) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        if values.get("uid"):
            found.append(("uid", values["uid"]))
        found.append(
            (
                "triple",
                (values.get("event_id"), values.get("contact_id"), values.get("organization_id")),
            )
        )
        return found

    def lookup(self, key: tuple[str, Any]) -> int | None:
        kind, value = key
        return self.by_uid.get(value) if kind == "uid" else self.existing.get(value)

    def label(self, values: dict[str, Any]) -> str:
        return str(values.get("_label", ""))


PLANNERS: dict[str, type[Planner]] = {
    "organizations": _Organizations,
    "contacts": _Contacts,
    "participants": _Participants,
}


def plan(
    session: Session,
    entity: str,
    source: Source,
    options: ImportOptions = DEFAULT_OPTIONS,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Plan:
    """Validate every row and decide what would happen to it; writes nothing."""
    if entity in RETURNED:
        # Loaded when asked for: a contacts import does without the follow-up machinery.
        from crm.services.csv_import.returns import plan_returned

        return plan_returned(
            session, source, options, entity, progress=progress, cancelled=cancelled
        )
    if entity not in PLANNERS:
        raise DeskError(f"cannot import '{entity}' (one of {', '.join(ENTITIES)})")
    if options.on_duplicate not in ON_DUPLICATE:
        raise DeskError(f"--on-duplicate takes {', '.join(ON_DUPLICATE)}")
    take_turn(session)
    with bulk.no_gc():
        return PLANNERS[entity](session, source, options).run(progress, cancelled)
