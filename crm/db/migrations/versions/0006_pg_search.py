"""PostgreSQL search and lists at scale: stored tsvectors (GIN) for search, stored folded
text for list filters, (column, id) indexes for list sorts. Nothing on SQLite.

The index of 0001 was over an expression, so ranking re-parsed the text of every matching
row (`ts_rank` cannot read an expression index): a first letter typed matches most of the
index, ~1 s at 100,000 contacts. A stored generated column is parsed once, on write, and
`crm.db.search` ranks within windows of it, as it does on SQLite. SQLite keeps its FTS5 table
(0001): nothing to do there.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-02 10:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm.db.folding import STORED_ON_POSTGRESQL, postgresql_fold, stored_name

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TITLE = "to_tsvector('simple', title_folded)"
VECTOR = (
    "setweight(to_tsvector('simple', title_folded), 'A') || "
    "setweight(to_tsvector('simple', body_folded), 'B')"
)

SORTED_BY_FEW_VALUES = (
    ("organizations", "territory"),
    ("organizations", "kind"),
    ("contacts", "territory"),
    ("introductions", "stage"),
    ("followups", "status"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"ALTER TABLE search_entries ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    op.execute("CREATE INDEX ix_search_entries_search_tsv ON search_entries USING gin (search_tsv)")
    # The titles alone, for the first window (records whose titles match every word), found
    # through their own index: `montr:*A` over search_tsv finds every body match too, then
    # rechecks each row's weights, and is estimated as if all of those matched.
    op.execute(
        f"ALTER TABLE search_entries ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS ({TITLE}) STORED"
    )
    op.execute("CREATE INDEX ix_search_entries_title_tsv ON search_entries USING gin (title_tsv)")
    op.execute("DROP INDEX ix_search_entries_tsv")
    # A list sorted by a column of few values (territory, stage, status) is ordered by it,
    # then by id: SQLite's index on the column holds the rowid in that order, PostgreSQL's
    # does not, and it sorted every row of a territory for a first page (150 ms at 100k).
    for table, column in SORTED_BY_FEW_VALUES:
        op.execute(f"CREATE INDEX ix_pg_{table}_{column}_id ON {table} ({column}, id)")
    # The raw text the list filters fold, folded once on write (see crm.db.folding).
    for table, column in sorted(STORED_ON_POSTGRESQL):
        fold = postgresql_fold(sa.column(column)).compile(
            dialect=op.get_bind().dialect, compile_kwargs={"literal_binds": True}
        )
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {stored_name(column)} text "
            f"GENERATED ALWAYS AS ({fold}) STORED"
        )
    # The planner picks between walking ids and the GIN index from these statistics (how many
    # rows a prefix matches): without them a first letter gets the wrong plan until autovacuum.
    analysed = {t for t, _ in SORTED_BY_FEW_VALUES} | {t for t, _ in STORED_ON_POSTGRESQL}
    for table in ("search_entries", *sorted(analysed)):
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in sorted(STORED_ON_POSTGRESQL):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {stored_name(column)}")
    for table, column in SORTED_BY_FEW_VALUES:
        op.execute(f"DROP INDEX ix_pg_{table}_{column}_id")
    op.execute(f"CREATE INDEX ix_search_entries_tsv ON search_entries USING gin (({VECTOR}))")
    op.execute("DROP INDEX ix_search_entries_title_tsv")
    op.execute("ALTER TABLE search_entries DROP COLUMN title_tsv")
    op.execute("DROP INDEX ix_search_entries_search_tsv")
    op.execute("ALTER TABLE search_entries DROP COLUMN search_tsv")
