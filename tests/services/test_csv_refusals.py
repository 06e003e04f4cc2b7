"""Import and rejects against the database (SQLite and PostgreSQL): a tag made only of
punctuation or an emoji, a uid that is not one, and the rejects file's formula guard."""

from __future__ import annotations

import csv
import os
import stat

import pytest

from crm.services import contacts, csv_import, tags
from crm.services.csv_import import ImportOptions


def import_text(db, actor, text, options=None, *, dry_run=False):
    source = csv_import.read_source(text.encode("utf-8"), "contacts", name="in.csv")
    with db.write() as s:
        return csv_import.run(
            s, actor, "contacts", source, options or ImportOptions(), dry_run=dry_run
        )


def test_tags_that_fold_to_nothing_are_ignored_not_a_crash(db, actor):
    text = (
        "first_name,last_name,email,tags\r\n"
        "Ann,Lee,ann@x.org,-\r\n"
        'Bob,Ray,bob@x.org,"?, …, 🧬, oncology"\r\n'
    )
    plan = import_text(db, actor, text)
    assert plan.written and plan.counts()["created"] == 2
    with db.read() as s:
        assert tags.all_tags(s) == ["oncology"]
        bob = next(c for c in contacts.service.find(s) if c.email == "bob@x.org")
        assert tags.tags_of(s, "contact", bob.id) == ["oncology"]
    # Imported again: the same file changes nothing.
    again = import_text(db, actor, text, ImportOptions(on_duplicate="update"))
    assert again.counts()["unchanged"] == 2


def test_a_uid_that_is_not_a_uuid_is_a_problem_naming_line_and_column(db, actor):
    good = "1B4E28BA-2FA1-41D2-883F-0016D3CCA427"
    text = f"uid,first_name,last_name\r\n{good},Ann,Lee\r\n'; DROP TABLE contacts,Bob,Ray\r\n"
    plan = import_text(db, actor, text, dry_run=True)
    [problem] = plan.problems
    assert (problem.line, problem.column, problem.code) == (3, "uid", "uid.invalid")
    assert "is not a desk identifier" in str(problem)
    with pytest.raises(csv_import.ImportRefused):
        import_text(db, actor, text)
    with db.read() as s:
        assert contacts.service.count(s) == 0
    plan = import_text(db, actor, text, ImportOptions(skip_invalid=True))
    with db.read() as s:
        [ann] = contacts.service.find(s)
    assert ann.uid == good.lower()


def test_rejects_are_formula_safe_private_and_import_again(db, actor, tmp_path):
    text = (
        "first_name,last_name,email,phone\r\n"
        "Ann,Lee,ann@x.org,+1 514 555 0123\r\n"
        '=HYPERLINK("http://evil"),@SUM(A1),bad@@x,+1 514 555 0199\r\n'
    )
    plan = import_text(db, actor, text, ImportOptions(skip_invalid=True))
    folder = tmp_path / "out"
    folder.mkdir()
    rejects = folder / "rejects.csv"
    assert csv_import.write_rejects(rejects, plan) == 1
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["first_name", "last_name", "email", "phone", "reason"]
    assert rows[1][:4] == ['\'=HYPERLINK("http://evil")', "'@SUM(A1)", "bad@@x", "+1 514 555 0199"]
    if os.name == "posix":
        assert stat.S_IMODE(rejects.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["rejects.csv"]  # no temporary left
    # Fixed and imported again: the apostrophes are gone, the reason column is not data.
    rows[1][2] = "fixed@x.org"
    with rejects.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source = csv_import.read_source(rejects, "contacts")
    with db.write() as s:
        again = csv_import.run(s, actor, "contacts", source, ImportOptions(skip_invalid=True))
    assert again.counts()["created"] == 1
    with db.read() as s:
        fixed = next(c for c in contacts.service.find(s) if c.email == "fixed@x.org")
    assert (fixed.first_name, fixed.last_name) == ('=HYPERLINK("http://evil")', "@SUM(A1)")


def test_rejects_interrupted_while_writing_leave_no_file(db, actor, tmp_path, monkeypatch):
    from crm.services import csv_export

    text = "first_name,last_name,email\r\n" + "".join(f"P{i},T,bad{i}@@x\r\n" for i in range(50))
    plan = import_text(db, actor, text, ImportOptions(skip_invalid=True))
    calls = []

    def failing(cell, column=""):
        calls.append(cell)
        if len(calls) > 60:
            raise OSError(28, "No space left on device")
        return cell

    monkeypatch.setattr(csv_export, "neutralize", failing)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OSError):
        csv_import.write_rejects(folder / "rejects.csv", plan)
    assert list(folder.iterdir()) == []


def test_rejects_imported_again_keep_one_reason_column(db, actor, tmp_path):
    text = "first_name,last_name,email,reason\r\nBad,Mail,bad@@x,old reason\r\n"
    plan = import_text(db, actor, text, ImportOptions(skip_invalid=True))
    rejects = tmp_path / "rejects.csv"
    csv_import.write_rejects(rejects, plan)
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["first_name", "last_name", "email", "reason"]
    assert rows[1][:3] == ["Bad", "Mail", "bad@@x"] and "line 2" in rows[1][3]
