"""Whether a database is still new: the window offers the demo data until it holds records.

Apart from `crm.services.demo` (which writes the demo through every record service) so that
the check made at every start imports only the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from crm.db.models import Contact, Event, Introduction, Organization


def holds_records(session: Session) -> bool:
    """Whether anyone has put data here (trashed records count): the demo offer is then moot."""
    return any(
        session.scalar(sa.select(model.id).limit(1)) is not None
        for model in (Organization, Contact, Introduction, Event)
    )
