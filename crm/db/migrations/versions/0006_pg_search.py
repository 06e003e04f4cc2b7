"""PostgreSQL search at scale: the folded search text kept as stored tsvectors, GIN-indexed.

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

from alembic import op

revision = "0006"
down_revision = "0002"
branch_labels = None
depends_on = None

TITLE = "to_tsvector('simple', title_folded)"
VECTOR = (
    "setweight(to_tsvector('simple', title_folded), 'A') || "
    "setweight(to_tsvector('simple', body_folded), 'B')"
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
    # The planner picks between walking ids and the GIN index from these statistics (how many
    # rows a prefix matches): without them a first letter gets the wrong plan until autovacuum.
    op.execute("ANALYZE search_entries")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX ix_search_entries_tsv ON search_entries USING gin (({VECTOR}))")
    op.execute("DROP INDEX ix_search_entries_title_tsv")
    op.execute("ALTER TABLE search_entries DROP COLUMN title_tsv")
    op.execute("DROP INDEX ix_search_entries_search_tsv")
    op.execute("ALTER TABLE search_entries DROP COLUMN search_tsv")
