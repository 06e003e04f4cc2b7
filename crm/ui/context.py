"""What every window of one desk session shares: the database and the acting staff user.

Passed to pages and dialogs through their constructors (no module-level singleton).
"""

from __future__ import annotations

from dataclasses import dataclass

from crm.db.database import Database


@dataclass
class DeskContext:
    db: Database
    user_id: int
    user_name: str
