"""The records each logged export named (export_log_records), by uid.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02 09:50:00

Entries logged before this revision have no records: nobody knows any more which rows
those files held, and the log does not pretend to.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_log_records",
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["export_log.id"],
            name=op.f("fk_export_log_records_export_id_export_log"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("export_id", "record_uid", name=op.f("pk_export_log_records")),
        # Clustered by export: see crm.db.models.ExportLogRecord.
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("export_log_records")
