"""Backups and restores through the service, on SQLite and on a PostgreSQL team database:
a backup is checked and logged, a restore is verified and recorded, a refusal changes nothing."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa

from crm.db.models import AuditEntry, ExportLogEntry, Organization
from crm.domain.errors import DeskError
from crm.services import maintenance, organizations


def org_names(db) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(sa.select(Organization.name)))


def test_backup_is_logged_and_restore_recorded(db, actor, tmp_path):
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Gardée"})
    made = maintenance.backup(db, tmp_path / "copy.db", actor_id=actor)
    with db.read() as s:
        entry = s.scalars(sa.select(ExportLogEntry)).one()
    assert (entry.entity, entry.file_name, entry.user_id) == ("backup", str(made), actor)
    assert len(entry.sha256) == 64
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Après"})
    restored = maintenance.restore(db, made, user="mtremblay")
    assert org_names(db) == ["Gardée"]
    assert restored.safety is not None and restored.safety.exists()
    with db.read() as s:
        last = s.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.entity, last.user_id) == ("restore", "database", actor)
    assert str(made) in last.changes and restored.safety.name in last.changes


def test_a_refused_restore_changes_nothing(db, actor, tmp_path):
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Gardée"})
    crafted = maintenance.backup(db, tmp_path / "crafted.db")
    conn = sqlite3.connect(crafted)
    conn.execute("CREATE TABLE spy (value TEXT)")
    conn.commit()
    conn.close()
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Après"})
    with pytest.raises(DeskError) as info:
        maintenance.restore(db, crafted)
    assert info.value.code == "restore.foreign_schema" and "spy" in info.value.params["problems"]
    assert org_names(db) == ["Après", "Gardée"]
