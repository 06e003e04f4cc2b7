"""What every window of one desk session shares: the database, the acting staff user, and
where writes are announced (`changes`, see `crm.ui.changes`).

Passed to pages and dialogs through their constructors (no module-level singleton).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crm.db.database import Database
from crm.ui.changes import ChangeHub


@dataclass
class DeskContext:
    db: Database
    user_id: int
    user_name: str
    changes: ChangeHub = field(default_factory=ChangeHub, compare=False, repr=False)
