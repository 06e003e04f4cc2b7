"""Alembic environment: runs on the connection `crm.db.migrate` hands over, in one transaction."""

from __future__ import annotations

from typing import Any

from alembic import context

import crm.db.models  # noqa: F401  (registers every table on the metadata)
from crm.db import tables

# Made by the migrations for one dialect only, so the model-versus-migration check skips them.
DIALECT_ONLY = {
    "search_fts",
    "ix_search_entries_tsv",
    "ix_search_entries_search_tsv",
    "ix_search_entries_title_tsv",
    "search_tsv",
    "title_tsv",
    "ix_pg_",
    "city_pg_folded",
    "name_pg_folded",
    "title_pg_folded",
}


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (name or "").startswith(tuple(DIALECT_ONLY))


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("crm migrations run through crm.db.migrate, on an open connection")
    context.configure(
        connection=connection,
        target_metadata=tables.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
