"""Staff roles: admin, staff or read-only.

Existing staff users get a role: the first one created (the lowest id among those still
active and out of the trash, or the lowest id at all when none is) becomes the admin, as a
new database's first user does; the others become staff, so nobody loses what they could
do except the right to purge, restore, add users and export without consent, which an
admin now holds (and can hand on with `crm users role NAME admin`).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLE = sa.Enum("admin", "staff", "read-only", name="role", native_enum=False, length=32)


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows it with a default), not a batch copy of the table: a
    # copied table lists its constraints in an order that may differ from run to run, and
    # `crm check` and restore compare the table's SQL with the one the migrations make.
    op.add_column("staff_users", sa.Column("role", ROLE, nullable=False, server_default="staff"))
    users = sa.table(
        "staff_users",
        sa.column("id", sa.Integer),
        sa.column("role", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("deleted_at", sa.DateTime),
    )
    bind = op.get_bind()
    first = bind.scalar(
        sa.select(sa.func.min(users.c.id)).where(
            users.c.deleted_at.is_(None), users.c.active.is_(True)
        )
    )
    if first is None:
        first = bind.scalar(sa.select(sa.func.min(users.c.id)))
    if first is not None:
        bind.execute(sa.update(users).where(users.c.id == first).values(role="admin"))


def downgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("role")
