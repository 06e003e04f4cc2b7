"""What every window of one desk session shares: the database, the acting staff user, and
where writes are announced (`changes`, see `crm.ui.changes`).

Passed to pages and dialogs through their constructors (no module-level singleton).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crm.db.database import Database
from crm.domain.enums import Role
from crm.ui.changes import ChangeHub


@dataclass
class DeskContext:
    """`user_id`, `user_name` and `role` change when the user switches who they are
    (`crm.ui.identity.switch`): read them when acting, not once at construction."""

    db: Database
    user_id: int
    user_name: str
    changes: ChangeHub = field(default_factory=ChangeHub, compare=False, repr=False)
    role: Role = Role.STAFF

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def read_only(self) -> bool:
        return self.role is Role.READ_ONLY
