"""What several steps of the import share: the cached fold, id lists in chunks, the tables and
the JSON encoders of the audit trail and the import batches, and the lock that makes imports
take turns."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.base import table_of
from crm.db.engine import WRITE_OPTION
from crm.db.models import AuditEntry, ImportBatch, ImportBatchItem
from crm.domain.text import fold_cached as fold_cached
from crm.services import audit

T = TypeVar("T")


AUDIT = table_of(AuditEntry)
ITEMS = table_of(ImportBatchItem)
BATCHES = table_of(ImportBatch)

# One encoder for every trail entry: `json.dumps(..., ensure_ascii=False, default=...)` would
# build an equal one per call (same output).
to_json = json.JSONEncoder(ensure_ascii=False, default=audit.plain).encode
to_json_str = json.JSONEncoder(ensure_ascii=False, default=str).encode

# Ids per `IN (...)`: well under the bound-parameter limits of SQLite and PostgreSQL.
CHUNK = 5000


def in_chunks(ids: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# The key of the PostgreSQL advisory lock imports take ("crm-imp" in ASCII: any constant).
IMPORT_LOCK_KEY = 0x63726D2D696D70


def take_turn(session: Session) -> None:
    """Make this write transaction the only import running, until it ends.

    Planning reads the recorded rows to find duplicates; two imports planned side by side
    would each miss the other's rows and both write them. SQLite's write transactions
    already begin IMMEDIATE (one writer at a time); on PostgreSQL a transaction-scoped
    advisory lock, taken before the first read and released by the commit or rollback, does
    the same for imports. A read session (the wizard's preview) takes no lock.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql" and connection.get_execution_options().get(
        WRITE_OPTION
    ):
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
