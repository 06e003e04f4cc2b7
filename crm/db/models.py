"""The tables of the desk, as typed SQLAlchemy models.

Records the staff see carry `Record` (uid, UTC timestamps, soft delete, version). The
append-only logs (audit trail, stage history, export log) do not: they are never edited.
Columns ending in `_folded`, `_lower` or `_digits` are kept in step by the services for
accent-insensitive duplicate checks and sorting.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.db.base import Base, Record, new_uid, utcnow
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

Text = sa.Text()


def first_is_admin(context: Any) -> Role:
    """A new staff user's role: the first one of a database is its admin, the next ones
    staff (an admin changes that: `crm users role`). Run inside the INSERT, so every way a
    user comes to be (a first start, `crm users add`, the demo, a test) follows it."""
    staff_users = sa.table("staff_users", sa.column("id"))
    anyone = context.connection.scalar(sa.select(staff_users.c.id).limit(1))
    return Role.STAFF if anyone is not None else Role.ADMIN


class StaffUser(Record, Base):
    __tablename__ = "staff_users"

    name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(default="")
    email: Mapped[str] = mapped_column(default="")
    language: Mapped[Language] = mapped_column(default=Language.FR)
    active: Mapped[bool] = mapped_column(default=True)
    # The server default only fills the rows that were there before roles (migration 0003).
    role: Mapped[Role] = mapped_column(default=first_is_admin, server_default=Role.STAFF.value)


organization_tags = sa.Table(
    "organization_tags",
    Base.metadata,
    sa.Column(
        "organization_id", sa.ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("tag_id", sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

contact_tags = sa.Table(
    "contact_tags",
    Base.metadata,
    sa.Column("contact_id", sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("tag_id", sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(64))
    name_folded: Mapped[str] = mapped_column(sa.String(64), unique=True)


class Organization(Record, Base):
    __tablename__ = "organizations"

    name: Mapped[str]
    name_folded: Mapped[str] = mapped_column(index=True)
    kind: Mapped[OrganizationKind] = mapped_column(default=OrganizationKind.OTHER, index=True)
    territory: Mapped[Territory] = mapped_column(default=Territory.OTHER, index=True)
    membership: Mapped[Membership] = mapped_column(default=Membership.NONE)
    website: Mapped[str] = mapped_column(default="")
    website_domain: Mapped[str] = mapped_column(default="", index=True)
    phone: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(default="")
    city: Mapped[str] = mapped_column(default="")
    region: Mapped[str] = mapped_column(default="")
    postal_code: Mapped[str] = mapped_column(sa.String(16), default="")
    country: Mapped[str] = mapped_column(default="")
    therapeutic_areas: Mapped[str] = mapped_column(default="")
    employees: Mapped[int | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    tags: Mapped[list[Tag]] = relationship(secondary=organization_tags, lazy="raise")


class Contact(Record, Base):
    __tablename__ = "contacts"

    first_name: Mapped[str] = mapped_column(default="")
    last_name: Mapped[str] = mapped_column(default="")
    name_folded: Mapped[str] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(default="")
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    email: Mapped[str] = mapped_column(default="")
    email_lower: Mapped[str] = mapped_column(default="", index=True)
    phone: Mapped[str] = mapped_column(default="")
    mobile: Mapped[str] = mapped_column(default="")
    language: Mapped[Language] = mapped_column(default=Language.EN)
    city: Mapped[str] = mapped_column(default="")
    region: Mapped[str] = mapped_column(default="")
    country: Mapped[str] = mapped_column(default="")
    territory: Mapped[Territory] = mapped_column(default=Territory.OTHER, index=True)
    share_with_partners: Mapped[Consent] = mapped_column(default=Consent.UNKNOWN)
    consent_date: Mapped[date | None] = mapped_column(default=None)
    consent_source: Mapped[str] = mapped_column(default="")
    do_not_contact: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization | None] = relationship(lazy="raise")
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, lazy="raise")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Event(Record, Base):
    __tablename__ = "events"

    name: Mapped[str]
    kind: Mapped[EventKind] = mapped_column(default=EventKind.MEETING)
    starts_on: Mapped[date | None] = mapped_column(default=None, index=True)
    ends_on: Mapped[date | None] = mapped_column(default=None)
    city: Mapped[str] = mapped_column(default="")
    territory: Mapped[Territory] = mapped_column(default=Territory.OTHER)
    description: Mapped[str] = mapped_column(Text, default="")


class EventParticipant(Record, Base):
    __tablename__ = "event_participants"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None, index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    role: Mapped[str] = mapped_column(default="")
    attended: Mapped[bool | None] = mapped_column(default=None)


class Introduction(Record, Base):
    __tablename__ = "introductions"

    title: Mapped[str] = mapped_column(default="")
    qc_contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None, index=True
    )
    qc_organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    ma_contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None, index=True
    )
    ma_organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    purpose: Mapped[IntroductionPurpose] = mapped_column(default=IntroductionPurpose.PARTNERSHIP)
    # The introducer is a person outside the staff (a Delegation officer, a member) or empty.
    introducer_contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None
    )
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("staff_users.id"), default=None, index=True
    )
    stage: Mapped[IntroductionStage] = mapped_column(default=IntroductionStage.PROPOSED, index=True)
    outcome: Mapped[IntroductionOutcome | None] = mapped_column(default=None)
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id"), default=None, index=True
    )
    qc_consent: Mapped[Consent] = mapped_column(default=Consent.UNKNOWN)
    qc_consent_at: Mapped[date | None] = mapped_column(default=None)
    qc_consent_channel: Mapped[str] = mapped_column(default="")
    ma_consent: Mapped[Consent] = mapped_column(default=Consent.UNKNOWN)
    ma_consent_at: Mapped[date | None] = mapped_column(default=None)
    ma_consent_channel: Mapped[str] = mapped_column(default="")
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class StageChange(Base):
    """One move of an introduction from a stage to another: who, when, why."""

    __tablename__ = "introduction_stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    introduction_id: Mapped[int] = mapped_column(sa.ForeignKey("introductions.id"), index=True)
    from_stage: Mapped[IntroductionStage | None]
    to_stage: Mapped[IntroductionStage]
    outcome: Mapped[IntroductionOutcome | None] = mapped_column(default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class FollowUp(Record, Base):
    __tablename__ = "followups"

    title: Mapped[str]
    due_date: Mapped[date] = mapped_column(index=True)
    due_time: Mapped[time | None] = mapped_column(default=None)
    assignee_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("staff_users.id"), default=None, index=True
    )
    priority: Mapped[Priority] = mapped_column(default=Priority.NORMAL)
    status: Mapped[FollowUpStatus] = mapped_column(default=FollowUpStatus.OPEN, index=True)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None, index=True
    )
    introduction_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("introductions.id"), default=None, index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id"), default=None, index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class Interaction(Record, Base):
    __tablename__ = "interactions"

    kind: Mapped[InteractionKind] = mapped_column(default=InteractionKind.NOTE)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    subject: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id"), default=None, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), default=None, index=True
    )
    introduction_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("introductions.id"), default=None, index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id"), default=None, index=True
    )


class AuditEntry(Base):
    """Append-only trail: every create, update, delete, restore and purge, with the changes."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)
    action: Mapped[str] = mapped_column(sa.String(16))
    entity: Mapped[str] = mapped_column(sa.String(32))
    record_id: Mapped[int | None]
    record_uid: Mapped[str] = mapped_column(sa.String(36), default="")
    # JSON text {field: [old, new]}: portable across SQLite and PostgreSQL and readable as is.
    changes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (sa.Index("ix_audit_log_entity_record", "entity", "record_id"),)


class ExportLogEntry(Base):
    __tablename__ = "export_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(sa.String(36), default=new_uid, unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)
    entity: Mapped[str] = mapped_column(sa.String(32))
    profile: Mapped[str] = mapped_column(default="")
    recipient: Mapped[str] = mapped_column(default="")
    filter: Mapped[str] = mapped_column(Text, default="")
    columns: Mapped[str] = mapped_column(Text, default="")
    row_count: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    file_name: Mapped[str] = mapped_column(default="")
    included_without_consent: Mapped[bool] = mapped_column(default=False)


class ExportLogRecord(Base):
    """A record a logged export named: the row's own record, or a person, organization or
    event that a written column named. Kept by uid (what left the machine), so the entry
    still says what went out after the record itself is purged.

    Clustered by export (no rowid on SQLite, no index on the uid alone): an export's uids
    are appended in one sweep however long the log grows, where a uid index would have
    most of its pages rewritten by every large export; "which files named this uid" is one
    primary-key probe per logged export (`export_log.files_including`).
    """

    __tablename__ = "export_log_records"
    __table_args__ = {"sqlite_with_rowid": False}

    export_id: Mapped[int] = mapped_column(
        sa.ForeignKey("export_log.id", ondelete="CASCADE"), primary_key=True
    )
    record_uid: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    # The record's kind (an EntityKind value: contact, organization, introduction...).
    entity: Mapped[str] = mapped_column(sa.String(32))


class ExportProfile(Base):
    """A saved recipe for a partner file: entity, columns, header language, delimiter, encoding."""

    __tablename__ = "export_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(sa.String(36), default=new_uid, unique=True)
    name: Mapped[str] = mapped_column(unique=True)
    recipient: Mapped[str] = mapped_column(default="")
    entity: Mapped[str] = mapped_column(sa.String(32))
    columns: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str] = mapped_column(sa.String(8), default="en")
    delimiter: Mapped[str] = mapped_column(sa.String(4), default=",")
    encoding: Mapped[str] = mapped_column(sa.String(16), default="utf-8-sig")
    include_without_consent: Mapped[bool] = mapped_column(default=False)
    # JSON text {filter: value} of the list filters the profile applies.
    filters: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)


class SavedView(Base):
    """A list's filters, columns and sort saved under a name by one staff user.

    In the database, not in one computer's settings: a view follows its user to any desk
    on the team database, and is read back like any record (see `crm.services.saved_views`).
    """

    __tablename__ = "saved_views"
    __table_args__ = (sa.UniqueConstraint("user_id", "list_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(sa.String(36), default=new_uid, unique=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    list_name: Mapped[str] = mapped_column(sa.String(32))
    name: Mapped[str]
    # JSON text {choice: value} of the list's filter choices, and the filter box's text.
    filters: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # The shown columns' keys in their order, comma-separated ("" keeps the list's own).
    columns: Mapped[str] = mapped_column(Text, default="")
    sort: Mapped[str] = mapped_column(sa.String(64), default="")
    descending: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ImportBatch(Base):
    """One CSV import: who, when, which file, what it did; undone once at most."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(sa.String(36), default=new_uid, unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)
    entity: Mapped[str] = mapped_column(sa.String(32))
    file_name: Mapped[str] = mapped_column(default="")
    sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)
    undone_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_users.id"), default=None)


class ImportBatchItem(Base):
    """A record an import created or updated; `before` holds an updated record's old values."""

    __tablename__ = "import_batch_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        sa.ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(sa.String(32))
    record_id: Mapped[int]
    action: Mapped[str] = mapped_column(sa.String(16))
    # JSON text {field: old value} (updates only) and the version the import left.
    before: Mapped[str] = mapped_column(Text, default="")
    version_after: Mapped[int | None] = mapped_column(default=None)


class SearchEntry(Base):
    """One row per searchable record, its folded text kept in step by the services.

    On SQLite an FTS5 index (made by the migrations, with triggers) mirrors this table; on
    PostgreSQL a GIN index over `to_tsvector('simple', ...)` serves the same queries.
    """

    __tablename__ = "search_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    record_id: Mapped[int]
    title: Mapped[str] = mapped_column(default="")
    subtitle: Mapped[str] = mapped_column(default="")
    title_folded: Mapped[str] = mapped_column(Text, default="")
    body_folded: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (sa.UniqueConstraint("kind", "record_id"),)


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
