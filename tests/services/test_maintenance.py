"""Backups and restores through the service, on SQLite and on a PostgreSQL team database:
a backup is checked and logged, a restore is verified and recorded, a refusal changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm.db.models import AuditEntry, ExportLogEntry, Organization
from crm.domain.errors import DeskError
from crm.services import organizations
from crm.services.maintenance import backup, restore


def org_names(db) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(sa.select(Organization.name)))


def restorer(db, actor) -> tuple[str, int]:
    """Who restores: an admin (a restore is an admin's): Marie, the first user, on a file;
    on the team database the login, which she makes an admin."""
    from crm.services import users

    if db.is_sqlite:
        return "mtremblay", actor
    with db.write() as s:
        me = users.acting(s, None, create=True)
        users.set_role(s, actor, me.id, "admin")
        return me.name, me.id


def test_backup_is_logged_and_restore_recorded(db, actor, tmp_path):
    who, who_id = restorer(db, actor)  # in the backup too: the restore's entry names them
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Gardée"})
    made = backup.backup(db, tmp_path / "copy.db", actor_id=actor)
    with db.read() as s:
        entry = s.scalars(sa.select(ExportLogEntry)).one()
    assert (entry.entity, entry.file_name, entry.user_id) == ("backup", str(made), actor)
    assert len(entry.sha256) == 64
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Après"})
    restored = restore.restore(db, made, user=who)
    assert org_names(db) == ["Gardée"]
    assert restored.safety is not None and restored.safety.exists()
    with db.read() as s:
        last = s.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.entity, last.user_id) == ("restore", "database", who_id)
    assert str(made) in last.changes and restored.safety.name in last.changes


def test_a_refused_restore_changes_nothing(db, actor, tmp_path):
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Gardée"})
    crafted = backup.backup(db, tmp_path / "crafted.db")
    conn = sqlite3.connect(crafted)
    conn.execute("CREATE TABLE spy (value TEXT)")
    conn.commit()
    conn.close()
    with db.write() as s:
        organizations.service.create(s, actor, {"name": "Après"})
    with pytest.raises(DeskError) as info:
        restore.restore(db, crafted, user=restorer(db, actor)[0])
    assert info.value.code == "restore.foreign_schema" and "spy" in info.value.params["problems"]
    assert org_names(db) == ["Après", "Gardée"]


def test_a_restore_keeps_the_export_log_of_the_replaced_database(db, actor, tmp_path):
    """Files handed to partners after the backup stay on record once it is restored."""
    from crm.services import csv_export, export_log, export_profiles

    with db.write() as s:
        sent = organizations.service.create(s, actor, {"name": "Envoyée"}).uid
    made = backup.backup(db, tmp_path / "copy.db", actor_id=actor)
    with db.write() as s:
        request = export_profiles.request_from(export_profiles.Profile("", "organizations"))
        csv_export.export(s, actor, request.checked(), tmp_path / "sent.csv")
    restore.restore(db, made, user=restorer(db, actor)[0])
    with db.read() as s:
        entries = s.execute(
            sa.select(
                ExportLogEntry.entity, ExportLogEntry.file_name, ExportLogEntry.user_id
            ).order_by(ExportLogEntry.id)
        ).all()
        last = s.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert [(e, Path(f).name, u) for e, f, u in entries] == [
        ("backup", "copy.db", actor),
        ("organizations", "sent.csv", actor),
    ]
    assert '"export_log_entries_kept": 2' in last.changes
    with db.read() as s:  # and the records each file named with them
        assert [Path(f.file_name).name for f in export_log.files_including(s, sent)] == ["sent.csv"]
