"""Which records point at which: the foreign keys between the desk's tables, read once from
the models, and the search entries of the records that show another's name.

Records (`records.reindex_referring`, `records.purge`) and destruction
(`crm.services.privacy.destroy`) share them; they live apart so that neither imports the other
back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import tables
from crm.db.base import table_of
from crm.db.models import RECORD_MODELS
from crm.services import indexing

# A record table's name -> its kind ("contacts" -> "contact").
KIND_OF_TABLE: dict[str, str] = {
    table_of(model).name: name for name, model in RECORD_MODELS.items()
}


def references_to(table: sa.Table) -> list[tuple[sa.Table, sa.Column[Any]]]:
    """(table, column) of every foreign key pointing at `table`."""
    return [
        (other, fk.parent)
        for other in tables.metadata.sorted_tables
        for fk in other.foreign_keys
        if fk.column.table is table
    ]


def reindex_kinds(session: Session, ids_by_kind: Mapping[str, set[int]]) -> None:
    """Rebuild the search entries of these records (kind -> ids), for the indexed kinds."""
    for kind, ids in ids_by_kind.items():
        if kind in indexing.KINDS and ids:
            indexing.index_rows(session, kind, sorted(ids))
