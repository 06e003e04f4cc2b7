"""Whether a database is still new: the window offers the demo data until it holds records.

Apart from `crm.services.demo` (which writes the demo through every record service) so that
the check made at every start reads the Core tables only (no mapped class before the first
paint).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db import tables


def holds_records(session: Session) -> bool:
    """Whether anyone has put data here (trashed records count): the demo offer is then moot."""
    return any(
        session.scalar(sa.select(table.c.id).limit(1)) is not None
        for table in (tables.organizations, tables.contacts, tables.introductions, tables.events)
    )
