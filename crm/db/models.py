"""The ORM classes of the desk: the tables of `crm.db.tables`, mapped for the services that
load, edit and flush records.

Each class maps its table as it is (`__table__`); the `Mapped` annotations type the
attributes for the checker and add no column. The relationships are the ORM's own.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Mapped, relationship

from crm.db import tables
from crm.db.base import Base, Record
from crm.db.tables import contact_tags, organization_tags
from crm.domain.enums import (
    Consent,
    EventKind,
    FollowUpStatus,
    InteractionKind,
    IntroductionOutcome,
    IntroductionPurpose,
    IntroductionStage,
    Language,
    Membership,
    OrganizationKind,
    Priority,
    Role,
    Territory,
)

__all__ = [
    "RECORD_MODELS",
    "AuditEntry",
    "Contact",
    "Event",
    "EventParticipant",
    "ExportLogEntry",
    "ExportLogRecord",
    "ExportProfile",
    "FollowUp",
    "ImportBatch",
    "ImportBatchItem",
    "Interaction",
    "Introduction",
    "Organization",
    "SavedView",
    "SearchEntry",
    "StaffUser",
    "StageChange",
    "Tag",
    "contact_tags",
    "organization_tags",
]


class StaffUser(Record, Base):
    __table__ = tables.staff_users

    name: Mapped[str]
    display_name: Mapped[str]
    email: Mapped[str]
    language: Mapped[Language]
    active: Mapped[bool]
    role: Mapped[Role]


class Tag(Base):
    __table__ = tables.tags

    id: Mapped[int]
    name: Mapped[str]
    name_folded: Mapped[str]


class Organization(Record, Base):
    __table__ = tables.organizations

    name: Mapped[str]
    name_folded: Mapped[str]
    kind: Mapped[OrganizationKind]
    territory: Mapped[Territory]
    membership: Mapped[Membership]
    website: Mapped[str]
    website_domain: Mapped[str]
    phone: Mapped[str]
    address: Mapped[str]
    city: Mapped[str]
    region: Mapped[str]
    postal_code: Mapped[str]
    country: Mapped[str]
    therapeutic_areas: Mapped[str]
    employees: Mapped[int | None]
    notes: Mapped[str]

    tags: Mapped[list[Tag]] = relationship(secondary=organization_tags, lazy="raise")


class Contact(Record, Base):
    __table__ = tables.contacts

    first_name: Mapped[str]
    last_name: Mapped[str]
    name_folded: Mapped[str]
    title: Mapped[str]
    organization_id: Mapped[int | None]
    email: Mapped[str]
    email_lower: Mapped[str]
    phone: Mapped[str]
    mobile: Mapped[str]
    language: Mapped[Language]
    city: Mapped[str]
    region: Mapped[str]
    country: Mapped[str]
    territory: Mapped[Territory]
    share_with_partners: Mapped[Consent]
    consent_date: Mapped[date | None]
    consent_source: Mapped[str]
    do_not_contact: Mapped[bool]
    notes: Mapped[str]

    organization: Mapped[Organization | None] = relationship(lazy="raise")
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, lazy="raise")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Event(Record, Base):
    __table__ = tables.events

    name: Mapped[str]
    kind: Mapped[EventKind]
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    city: Mapped[str]
    territory: Mapped[Territory]
    description: Mapped[str]


class EventParticipant(Record, Base):
    __table__ = tables.event_participants

    event_id: Mapped[int]
    contact_id: Mapped[int | None]
    organization_id: Mapped[int | None]
    role: Mapped[str]
    attended: Mapped[bool | None]


class Introduction(Record, Base):
    __table__ = tables.introductions

    title: Mapped[str]
    qc_contact_id: Mapped[int | None]
    qc_organization_id: Mapped[int | None]
    ma_contact_id: Mapped[int | None]
    ma_organization_id: Mapped[int | None]
    purpose: Mapped[IntroductionPurpose]
    introducer_contact_id: Mapped[int | None]
    owner_id: Mapped[int | None]
    stage: Mapped[IntroductionStage]
    outcome: Mapped[IntroductionOutcome | None]
    event_id: Mapped[int | None]
    qc_consent: Mapped[Consent]
    qc_consent_at: Mapped[date | None]
    qc_consent_channel: Mapped[str]
    ma_consent: Mapped[Consent]
    ma_consent_at: Mapped[date | None]
    ma_consent_channel: Mapped[str]
    stage_changed_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    notes: Mapped[str]


class StageChange(Base):
    """One move of an introduction from a stage to another: who, when, why."""

    __table__ = tables.introduction_stage_changes

    id: Mapped[int]
    introduction_id: Mapped[int]
    from_stage: Mapped[IntroductionStage | None]
    to_stage: Mapped[IntroductionStage]
    outcome: Mapped[IntroductionOutcome | None]
    at: Mapped[datetime]
    user_id: Mapped[int | None]
    note: Mapped[str]


class FollowUp(Record, Base):
    __table__ = tables.followups

    title: Mapped[str]
    due_date: Mapped[date]
    due_time: Mapped[time | None]
    assignee_id: Mapped[int | None]
    priority: Mapped[Priority]
    status: Mapped[FollowUpStatus]
    completed_at: Mapped[datetime | None]
    organization_id: Mapped[int | None]
    contact_id: Mapped[int | None]
    introduction_id: Mapped[int | None]
    event_id: Mapped[int | None]
    notes: Mapped[str]


class Interaction(Record, Base):
    __table__ = tables.interactions

    kind: Mapped[InteractionKind]
    occurred_at: Mapped[datetime]
    subject: Mapped[str]
    notes: Mapped[str]
    user_id: Mapped[int | None]
    organization_id: Mapped[int | None]
    contact_id: Mapped[int | None]
    introduction_id: Mapped[int | None]
    event_id: Mapped[int | None]


class AuditEntry(Base):
    """Append-only trail: every create, update, delete, restore and purge, with the changes."""

    __table__ = tables.audit_log

    id: Mapped[int]
    at: Mapped[datetime]
    user_id: Mapped[int | None]
    action: Mapped[str]
    entity: Mapped[str]
    record_id: Mapped[int | None]
    record_uid: Mapped[str]
    changes: Mapped[str]


class ExportLogEntry(Base):
    __table__ = tables.export_log

    id: Mapped[int]
    uid: Mapped[str]
    at: Mapped[datetime]
    user_id: Mapped[int | None]
    entity: Mapped[str]
    profile: Mapped[str]
    recipient: Mapped[str]
    filter: Mapped[str]
    columns: Mapped[str]
    row_count: Mapped[int]
    sha256: Mapped[str]
    file_name: Mapped[str]
    included_without_consent: Mapped[bool]


class ExportLogRecord(Base):
    """A record a logged export named: the row's own record, or a person, organization or
    event that a written column named. Kept by uid (what left the machine), so the entry
    still says what went out after the record itself is purged.

    Clustered by export (no rowid on SQLite, no index on the uid alone): an export's uids
    are appended in one sweep however long the log grows, where a uid index would have
    most of its pages rewritten by every large export; "which files named this uid" is one
    primary-key probe per logged export (`export_log.files_including`).
    """

    __table__ = tables.export_log_records

    export_id: Mapped[int]
    record_uid: Mapped[str]
    entity: Mapped[str]


class ExportProfile(Base):
    """A saved recipe for a partner file: entity, columns, header language, delimiter, encoding."""

    __table__ = tables.export_profiles

    id: Mapped[int]
    uid: Mapped[str]
    name: Mapped[str]
    recipient: Mapped[str]
    entity: Mapped[str]
    columns: Mapped[str]
    lang: Mapped[str]
    delimiter: Mapped[str]
    encoding: Mapped[str]
    include_without_consent: Mapped[bool]
    filters: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    user_id: Mapped[int | None]


class SavedView(Base):
    """A list's filters, columns and sort saved under a name by one staff user.

    In the database, not in one computer's settings: a view follows its user to any desk
    on the team database, and is read back like any record (see `crm.services.saved_views`).
    """

    __table__ = tables.saved_views

    id: Mapped[int]
    uid: Mapped[str]
    user_id: Mapped[int]
    list_name: Mapped[str]
    name: Mapped[str]
    filters: Mapped[str]
    text: Mapped[str]
    columns: Mapped[str]
    sort: Mapped[str]
    descending: Mapped[bool]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ImportBatch(Base):
    """One CSV import: who, when, which file, what it did; undone once at most."""

    __table__ = tables.import_batches

    id: Mapped[int]
    uid: Mapped[str]
    at: Mapped[datetime]
    user_id: Mapped[int | None]
    entity: Mapped[str]
    file_name: Mapped[str]
    sha256: Mapped[str]
    created: Mapped[int]
    updated: Mapped[int]
    skipped: Mapped[int]
    rejected: Mapped[int]
    undone_at: Mapped[datetime | None]
    undone_by_id: Mapped[int | None]


class ImportBatchItem(Base):
    """A record an import created or updated; `before` holds an updated record's old values."""

    __table__ = tables.import_batch_items

    id: Mapped[int]
    batch_id: Mapped[int]
    entity: Mapped[str]
    record_id: Mapped[int]
    action: Mapped[str]
    before: Mapped[str]
    version_after: Mapped[int | None]


class SearchEntry(Base):
    """One row per searchable record, its folded text kept in step by the services.

    On SQLite an FTS5 index (made by the migrations, with triggers) mirrors this table; on
    PostgreSQL a GIN index over `to_tsvector('simple', ...)` serves the same queries.
    """

    __table__ = tables.search_entries

    id: Mapped[int]
    kind: Mapped[str]
    record_id: Mapped[int]
    title: Mapped[str]
    subtitle: Mapped[str]
    title_folded: Mapped[str]
    body_folded: Mapped[str]


RECORD_MODELS: dict[str, type[Record]] = {
    "staff_user": StaffUser,
    "organization": Organization,
    "contact": Contact,
    "introduction": Introduction,
    "followup": FollowUp,
    "event": Event,
    "participant": EventParticipant,
    "interaction": Interaction,
}
