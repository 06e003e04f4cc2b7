"""The desk's tables, as SQLAlchemy Core: the schema's one definition.

The ORM classes of `crm.db.models` map these tables; code that only reads and writes rows
(the first list page, `crm export`) uses them without loading the ORM, a fifth of a second
of start-up. The migrations make the same schema (a test compares them).

Records the staff see carry the record columns (`_record_columns`: uid, UTC timestamps,
soft delete, version). The append-only logs (audit trail, stage history, export log) do
not: they are never edited. Columns ending in `_folded`, `_lower` or `_digits` are kept in
step by the services for accent-insensitive duplicate checks and sorting.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

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

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (which keeps no zone) too."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the desk stores UTC-aware datetimes only")
        value = value.astimezone(UTC)
        # SQLite compares datetimes as text: store them without an offset, all in UTC.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _enum(kind: type[enum.Enum]) -> sa.Enum:
    """The enum's value ("cro", "both") is stored, the word CSV files and reports use, not
    its name."""
    return sa.Enum(
        kind,
        native_enum=False,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )


def first_is_admin(context: Any) -> Role:
    """A new staff user's role: the first one of a database is its admin, the next ones
    staff (an admin changes that: `crm users role`). Run inside the INSERT, so every way a
    user comes to be (a first start, `crm users add`, the demo, a test) follows it."""
    anyone = context.connection.scalar(sa.select(staff_users.c.id).limit(1))
    return Role.STAFF if anyone is not None else Role.ADMIN


def _record_columns() -> list[sa.Column[Any]]:
    """What every record the staff see carries: integer key, stable `uid`, UTC timestamps,
    soft deletion, and the version counter the ORM checks on every UPDATE (optimistic
    locking: an edit over a stale copy raises instead of overwriting)."""
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, default=new_uid, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False, default=utcnow),
        sa.Column("updated_at", UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow),
        sa.Column("deleted_at", UTCDateTime(), index=True),
        sa.Column("deleted_by_id", sa.ForeignKey("staff_users.id")),
        sa.Column("version", sa.Integer(), nullable=False, default=1),
    ]


staff_users = sa.Table(
    "staff_users",
    metadata,
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.String(255), nullable=False, default=""),
    sa.Column("email", sa.String(255), nullable=False, default=""),
    sa.Column("language", _enum(Language), nullable=False, default=Language.FR),
    sa.Column("active", sa.Boolean(), nullable=False, default=True),
    # The server default only fills the rows that were there before roles (migration 0003).
    sa.Column("role", _enum(Role), nullable=False, default=first_is_admin, server_default="staff"),
    *_record_columns(),
)

organization_tags = sa.Table(
    "organization_tags",
    metadata,
    sa.Column(
        "organization_id", sa.ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("tag_id", sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

contact_tags = sa.Table(
    "contact_tags",
    metadata,
    sa.Column("contact_id", sa.ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("tag_id", sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("name_folded", sa.String(64), nullable=False, unique=True),
)

organizations = sa.Table(
    "organizations",
    metadata,
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("name_folded", sa.String(255), nullable=False, index=True),
    sa.Column(
        "kind", _enum(OrganizationKind), nullable=False, default=OrganizationKind.OTHER, index=True
    ),
    sa.Column("territory", _enum(Territory), nullable=False, default=Territory.OTHER, index=True),
    sa.Column("membership", _enum(Membership), nullable=False, default=Membership.NONE),
    sa.Column("website", sa.String(255), nullable=False, default=""),
    sa.Column("website_domain", sa.String(255), nullable=False, default="", index=True),
    sa.Column("phone", sa.String(255), nullable=False, default=""),
    sa.Column("address", sa.String(255), nullable=False, default=""),
    sa.Column("city", sa.String(255), nullable=False, default=""),
    sa.Column("region", sa.String(255), nullable=False, default=""),
    sa.Column("postal_code", sa.String(16), nullable=False, default=""),
    sa.Column("country", sa.String(255), nullable=False, default=""),
    sa.Column("therapeutic_areas", sa.String(255), nullable=False, default=""),
    sa.Column("employees", sa.Integer()),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    *_record_columns(),
)

contacts = sa.Table(
    "contacts",
    metadata,
    sa.Column("first_name", sa.String(255), nullable=False, default=""),
    sa.Column("last_name", sa.String(255), nullable=False, default=""),
    sa.Column("name_folded", sa.String(255), nullable=False, index=True),
    sa.Column("title", sa.String(255), nullable=False, default=""),
    sa.Column("organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column("email", sa.String(255), nullable=False, default=""),
    sa.Column("email_lower", sa.String(255), nullable=False, default="", index=True),
    sa.Column("phone", sa.String(255), nullable=False, default=""),
    sa.Column("mobile", sa.String(255), nullable=False, default=""),
    sa.Column("language", _enum(Language), nullable=False, default=Language.EN),
    sa.Column("city", sa.String(255), nullable=False, default=""),
    sa.Column("region", sa.String(255), nullable=False, default=""),
    sa.Column("country", sa.String(255), nullable=False, default=""),
    sa.Column("territory", _enum(Territory), nullable=False, default=Territory.OTHER, index=True),
    sa.Column("share_with_partners", _enum(Consent), nullable=False, default=Consent.UNKNOWN),
    sa.Column("consent_date", sa.Date()),
    sa.Column("consent_source", sa.String(255), nullable=False, default=""),
    sa.Column("do_not_contact", sa.Boolean(), nullable=False, default=False),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    *_record_columns(),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("kind", _enum(EventKind), nullable=False, default=EventKind.MEETING),
    sa.Column("starts_on", sa.Date(), index=True),
    sa.Column("ends_on", sa.Date()),
    sa.Column("city", sa.String(255), nullable=False, default=""),
    sa.Column("territory", _enum(Territory), nullable=False, default=Territory.OTHER),
    sa.Column("description", sa.Text(), nullable=False, default=""),
    *_record_columns(),
)

event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("event_id", sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("contact_id", sa.ForeignKey("contacts.id"), index=True),
    sa.Column("organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column("role", sa.String(255), nullable=False, default=""),
    sa.Column("attended", sa.Boolean()),
    *_record_columns(),
)

introductions = sa.Table(
    "introductions",
    metadata,
    sa.Column("title", sa.String(255), nullable=False, default=""),
    sa.Column("qc_contact_id", sa.ForeignKey("contacts.id"), index=True),
    sa.Column("qc_organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column("ma_contact_id", sa.ForeignKey("contacts.id"), index=True),
    sa.Column("ma_organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column(
        "purpose",
        _enum(IntroductionPurpose),
        nullable=False,
        default=IntroductionPurpose.PARTNERSHIP,
    ),
    # The introducer is a person outside the staff (a Delegation officer, a member) or empty.
    sa.Column("introducer_contact_id", sa.ForeignKey("contacts.id")),
    sa.Column("owner_id", sa.ForeignKey("staff_users.id"), index=True),
    sa.Column(
        "stage",
        _enum(IntroductionStage),
        nullable=False,
        default=IntroductionStage.PROPOSED,
        index=True,
    ),
    sa.Column("outcome", _enum(IntroductionOutcome)),
    sa.Column("event_id", sa.ForeignKey("events.id"), index=True),
    sa.Column("qc_consent", _enum(Consent), nullable=False, default=Consent.UNKNOWN),
    sa.Column("qc_consent_at", sa.Date()),
    sa.Column("qc_consent_channel", sa.String(255), nullable=False, default=""),
    sa.Column("ma_consent", _enum(Consent), nullable=False, default=Consent.UNKNOWN),
    sa.Column("ma_consent_at", sa.Date()),
    sa.Column("ma_consent_channel", sa.String(255), nullable=False, default=""),
    sa.Column("stage_changed_at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    sa.Column("closed_at", UTCDateTime()),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    *_record_columns(),
)

introduction_stage_changes = sa.Table(
    "introduction_stage_changes",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("introduction_id", sa.ForeignKey("introductions.id"), nullable=False, index=True),
    sa.Column("from_stage", _enum(IntroductionStage)),
    sa.Column("to_stage", _enum(IntroductionStage), nullable=False),
    sa.Column("outcome", _enum(IntroductionOutcome)),
    sa.Column("at", UTCDateTime(), nullable=False, default=utcnow),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
    sa.Column("note", sa.Text(), nullable=False, default=""),
)

followups = sa.Table(
    "followups",
    metadata,
    sa.Column("title", sa.String(255), nullable=False),
    sa.Column("due_date", sa.Date(), nullable=False, index=True),
    sa.Column("due_time", sa.Time()),
    sa.Column("assignee_id", sa.ForeignKey("staff_users.id"), index=True),
    sa.Column("priority", _enum(Priority), nullable=False, default=Priority.NORMAL),
    sa.Column(
        "status", _enum(FollowUpStatus), nullable=False, default=FollowUpStatus.OPEN, index=True
    ),
    sa.Column("completed_at", UTCDateTime()),
    sa.Column("organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column("contact_id", sa.ForeignKey("contacts.id"), index=True),
    sa.Column("introduction_id", sa.ForeignKey("introductions.id"), index=True),
    sa.Column("event_id", sa.ForeignKey("events.id"), index=True),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    *_record_columns(),
)

interactions = sa.Table(
    "interactions",
    metadata,
    sa.Column("kind", _enum(InteractionKind), nullable=False, default=InteractionKind.NOTE),
    sa.Column("occurred_at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    sa.Column("subject", sa.String(255), nullable=False, default=""),
    sa.Column("notes", sa.Text(), nullable=False, default=""),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
    sa.Column("organization_id", sa.ForeignKey("organizations.id"), index=True),
    sa.Column("contact_id", sa.ForeignKey("contacts.id"), index=True),
    sa.Column("introduction_id", sa.ForeignKey("introductions.id"), index=True),
    sa.Column("event_id", sa.ForeignKey("events.id"), index=True),
    *_record_columns(),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("record_id", sa.Integer()),
    sa.Column("record_uid", sa.String(36), nullable=False, default=""),
    # JSON text {field: [old, new]}: portable across SQLite and PostgreSQL and readable as is.
    sa.Column("changes", sa.Text(), nullable=False, default=""),
    sa.Index("ix_audit_log_entity_record", "entity", "record_id"),
)

export_log = sa.Table(
    "export_log",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("uid", sa.String(36), nullable=False, default=new_uid, unique=True),
    sa.Column("at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("profile", sa.String(255), nullable=False, default=""),
    sa.Column("recipient", sa.String(255), nullable=False, default=""),
    sa.Column("filter", sa.Text(), nullable=False, default=""),
    sa.Column("columns", sa.Text(), nullable=False, default=""),
    sa.Column("row_count", sa.Integer(), nullable=False, default=0),
    sa.Column("sha256", sa.String(64), nullable=False, default=""),
    sa.Column("file_name", sa.String(255), nullable=False, default=""),
    sa.Column("included_without_consent", sa.Boolean(), nullable=False, default=False),
)

export_log_records = sa.Table(
    "export_log_records",
    metadata,
    sa.Column("export_id", sa.ForeignKey("export_log.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("record_uid", sa.String(36), primary_key=True),
    # The record's kind (an EntityKind value: contact, organization, introduction...).
    sa.Column("entity", sa.String(32), nullable=False),
    sqlite_with_rowid=False,
)

export_profiles = sa.Table(
    "export_profiles",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("uid", sa.String(36), nullable=False, default=new_uid, unique=True),
    sa.Column("name", sa.String(255), nullable=False, unique=True),
    sa.Column("recipient", sa.String(255), nullable=False, default=""),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("columns", sa.Text(), nullable=False, default=""),
    sa.Column("lang", sa.String(8), nullable=False, default="en"),
    sa.Column("delimiter", sa.String(4), nullable=False, default=","),
    sa.Column("encoding", sa.String(16), nullable=False, default="utf-8-sig"),
    sa.Column("include_without_consent", sa.Boolean(), nullable=False, default=False),
    # JSON text {filter: value} of the list filters the profile applies.
    sa.Column("filters", sa.Text(), nullable=False, default=""),
    sa.Column("created_at", UTCDateTime(), nullable=False, default=utcnow),
    sa.Column("updated_at", UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
)

saved_views = sa.Table(
    "saved_views",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("uid", sa.String(36), nullable=False, default=new_uid, unique=True),
    sa.Column(
        "user_id", sa.ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("list_name", sa.String(32), nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    # JSON text {choice: value} of the list's filter choices, and the filter box's text.
    sa.Column("filters", sa.Text(), nullable=False, default=""),
    sa.Column("text", sa.Text(), nullable=False, default=""),
    # The shown columns' keys in their order, comma-separated ("" keeps the list's own).
    sa.Column("columns", sa.Text(), nullable=False, default=""),
    sa.Column("sort", sa.String(64), nullable=False, default=""),
    sa.Column("descending", sa.Boolean(), nullable=False, default=False),
    sa.Column("created_at", UTCDateTime(), nullable=False, default=utcnow),
    sa.Column("updated_at", UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow),
    sa.UniqueConstraint("user_id", "list_name", "name"),
)

import_batches = sa.Table(
    "import_batches",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("uid", sa.String(36), nullable=False, default=new_uid, unique=True),
    sa.Column("at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    sa.Column("user_id", sa.ForeignKey("staff_users.id")),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("file_name", sa.String(255), nullable=False, default=""),
    sa.Column("sha256", sa.String(64), nullable=False, default=""),
    sa.Column("created", sa.Integer(), nullable=False, default=0),
    sa.Column("updated", sa.Integer(), nullable=False, default=0),
    sa.Column("skipped", sa.Integer(), nullable=False, default=0),
    sa.Column("rejected", sa.Integer(), nullable=False, default=0),
    sa.Column("undone_at", UTCDateTime()),
    sa.Column("undone_by_id", sa.ForeignKey("staff_users.id")),
)

import_batch_items = sa.Table(
    "import_batch_items",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "batch_id",
        sa.ForeignKey("import_batches.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("entity", sa.String(32), nullable=False),
    sa.Column("record_id", sa.Integer(), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    # JSON text {field: old value} (updates only) and the version the import left.
    sa.Column("before", sa.Text(), nullable=False, default=""),
    sa.Column("version_after", sa.Integer()),
)

search_entries = sa.Table(
    "search_entries",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("record_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(255), nullable=False, default=""),
    sa.Column("subtitle", sa.String(255), nullable=False, default=""),
    sa.Column("title_folded", sa.Text(), nullable=False, default=""),
    sa.Column("body_folded", sa.Text(), nullable=False, default=""),
    sa.UniqueConstraint("kind", "record_id"),
)
