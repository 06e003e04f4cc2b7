"""What several steps of the import share: the cached fold, id lists in chunks, the tables and
the JSON encoders of the audit trail and the import batches."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TypeVar

from crm.db.base import table_of
from crm.db.models import AuditEntry, ImportBatch, ImportBatchItem
from crm.domain.text import fold
from crm.services import audit

T = TypeVar("T")

# Organization names, cities and first names repeat on every line of a file.
fold_cached = lru_cache(maxsize=1 << 16)(fold)

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
