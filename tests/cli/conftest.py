"""The CLI tests' small desk: a closed file with two organizations and two contacts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from crm.cli import main
from crm.db.database import Database
from crm.services import contacts, organizations, users

if TYPE_CHECKING:
    from tests.conftest import Templates


def fill(db: Database) -> None:
    with db.write() as s:
        actor = users.service.create(s, None, {"name": "mtremblay"}).id
        org = organizations.service.create(
            s,
            actor,
            {
                "name": "Thérapeutiques Montréal",
                "region": "QC",
                "country": "Canada",
                "postal_code": "H2X 1Y4",
            },
        )
        organizations.service.create(
            s,
            actor,
            {"name": "Cambridge Labs", "region": "MA", "country": "USA", "postal_code": "02139"},
        )
        contacts.service.create(
            s,
            actor,
            {
                "first_name": "Éric",
                "last_name": "Côté",
                "email": "eric@tmtl.ca",
                "organization_id": org.id,
                "share_with_partners": "yes",
                "phone": "+1 514 555 0123",
            },
        )
        contacts.service.create(
            s, actor, {"first_name": "Zoé", "last_name": "Abbott", "email": "zoe@x.org"}
        )


@pytest.fixture
def dbfile(templates: Templates, tmp_path: Path) -> Path:
    """A closed desk file with two organizations and two contacts (a copy of a template)."""
    db, _ = templates.open("cli-csv", fill, tmp_path / "desk.db")
    db.close()
    return tmp_path / "desk.db"


def crm(dbfile: Path, *args: str) -> int:
    return main(["--db", str(dbfile), "--user", "mtremblay", *args])
