"""An export's file appears whole, private, and only once its log entry has committed; a
rollback or a failure while writing leaves nothing (SQLite and PostgreSQL). Its filters are
checked before any query runs."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import date

import pytest
import sqlalchemy as sa

from crm.domain.enums import OrganizationKind, Territory
from crm.domain.errors import DeskError, StorageFailure
from crm.services import csv_export, export_columns, organizations
from crm.services.export_columns import ExportRequest


@pytest.fixture
def orgs(db, actor):
    with db.write() as s:
        for name, region in (("Thérapeutiques Montréal", "QC"), ("Cambridge CRO", "MA")):
            organizations.service.create(s, actor, {"name": name, "region": region})


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def visible(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def log_count(db):
    with db.read() as s:
        return len(csv_export.export_log(s))


def test_the_file_appears_only_when_its_log_entry_commits(db, actor, orgs, out):
    target = out / "orgs.csv"
    with db.write() as s:
        result = csv_export.export(s, actor, ExportRequest("organizations"), target)
        assert not target.exists() and visible(out) == []
        [hidden] = list(out.iterdir())  # written under a hidden private name meanwhile
        if os.name == "posix":
            assert stat.S_IMODE(hidden.stat().st_mode) == 0o600
    assert visible(out) == ["orgs.csv"] and [p.name for p in out.iterdir()] == ["orgs.csv"]
    assert hashlib.sha256(target.read_bytes()).hexdigest() == result.sha256
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with db.read() as s:
        [entry] = csv_export.export_log(s)
    assert entry.sha256 == result.sha256 and entry.row_count == 2


def test_a_transaction_that_does_not_commit_leaves_no_file(db, actor, orgs, out):
    with pytest.raises(RuntimeError), db.write() as s:
        csv_export.export(s, actor, ExportRequest("organizations"), out / "orgs.csv")
        raise RuntimeError("something after the export failed")
    assert list(out.iterdir()) == [] and log_count(db) == 0


def test_a_commit_that_fails_leaves_no_file(db, actor, orgs, out):
    """As when the database is read-only or locked at commit time."""

    def refuse(_session):
        raise OSError(30, "Read-only file system")

    with pytest.raises(StorageFailure, match=" cannot be written"), db.write() as s:
        sa.event.listen(s, "before_commit", refuse)
        csv_export.export(s, actor, ExportRequest("organizations"), out / "orgs.csv")
    assert list(out.iterdir()) == [] and log_count(db) == 0


def test_a_failure_while_writing_leaves_no_part_file(db, actor, orgs, out, monkeypatch):
    real = csv_export.write_rows

    def write_then_fail(handle, rows, request, **kwargs):
        real(handle, rows, request, **kwargs)
        handle.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_export, "write_rows", write_then_fail)
    target = out / "orgs.csv"
    target.write_text("the previous export\n")
    # The sentence names the export's file, not the database: the disk that is full is its.
    with pytest.raises(StorageFailure, match=f"The disk holding {target} is full"), db.write() as s:
        csv_export.export(s, actor, ExportRequest("organizations"), target)
    assert [p.name for p in out.iterdir()] == ["orgs.csv"]  # no .part, no temporary
    assert target.read_text() == "the previous export\n" and log_count(db) == 0


def test_filters_are_checked_and_read_as_the_columns_hold_them(db, actor, orgs):
    request = ExportRequest("organizations", filters={"territory": "qc"}).checked()
    assert request.filters == {"territory": Territory.QC}
    with db.read() as s:
        assert export_columns.count_rows(s, request) == 1
    kinds = ExportRequest("organizations", filters={"kind": "Service provider"}).checked()
    assert kinds.filters == {"kind": OrganizationKind.SERVICE_PROVIDER}
    followups = ExportRequest("followups", filters={"due_from": "2026-05-01"}).checked()
    assert followups.filters == {"due_from": date(2026, 5, 1)}
    assert ExportRequest("participants", filters={"event_id": "3"}).checked().filters == {
        "event_id": 3
    }
    for entity, filters, code in (
        ("organizations", {"colour": "red"}, "export.unknown_filter"),
        ("organizations", {"territory": "Mars"}, "export.bad_filter_value"),
        ("followups", {"due_from": "2026-13-01"}, "export.bad_filter_value"),
        ("introductions", {"created_month": "May"}, "export.bad_filter_value"),
        ("participants", {"event_id": "BIO"}, "export.bad_filter_value"),
        ("participants", {"territory": "QC"}, "export.unknown_filter"),
    ):
        with pytest.raises(DeskError) as caught:
            ExportRequest(entity, filters=filters).checked()
        assert caught.value.code == code, (entity, filters)
        assert caught.value.params["filter"] == next(iter(filters))
