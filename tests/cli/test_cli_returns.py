"""`crm import introductions|followups` (a partner's file back), `--map-value` and
`crm import undo` in-process: reports and exit statuses (0 done, 1 refused and nothing
written, 2 usage error)."""

from __future__ import annotations

import csv
import io
import sqlite3

from tests.cli.conftest import crm


def write(path, rows, *, delimiter=",", encoding="utf-8"):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding, errors="replace"))
    return path


def query(dbfile, sql):
    with sqlite3.connect(dbfile) as conn:
        return conn.execute(sql).fetchall()


def test_import_undo_from_the_command_line(dbfile, tmp_path, capsys):
    assert crm(dbfile, "import", "undo") == 1
    assert "no import to undo" in capsys.readouterr().err
    path = write(tmp_path / "orgs.csv", [["Nom", "Type"], ["Fondation Érable", "Fondation"]])
    assert crm(dbfile, "import", "organizations", str(path)) == 0
    assert query(
        dbfile, "select kind, deleted_at is null from organizations where name = 'Fondation Érable'"
    ) == [("foundation", 1)]
    capsys.readouterr()
    assert crm(dbfile, "import", "undo") == 0
    assert "Undid the import of" in capsys.readouterr().err
    assert query(
        dbfile, "select deleted_at is null from organizations where name = 'Fondation Érable'"
    ) == [(0,)]
    assert crm(dbfile, "import", "undo") == 1
    assert "already undone" in capsys.readouterr().err


def test_import_undo_is_refused_when_a_record_changed_since(dbfile, tmp_path, capsys):
    path = write(tmp_path / "orgs.csv", [["Nom", "Type"], ["Fondation Érable", "Fondation"]])
    assert crm(dbfile, "import", "organizations", str(path)) == 0
    # Another change to the same record, by hand: the version moves on.
    with sqlite3.connect(dbfile) as conn:
        conn.execute(
            "update organizations set city = 'Magog', version = version + 1 where name = 'Fondation Érable'"
        )
    capsys.readouterr()
    assert crm(dbfile, "import", "undo") == 1
    err = capsys.readouterr().err
    assert "cannot undo the import of" in err and "Traceback" not in err
    assert query(
        dbfile, "select deleted_at is null, city from organizations where name = 'Fondation Érable'"
    ) == [(1, "Magog")]


def test_map_value_says_what_a_value_means(dbfile, tmp_path, capsys):
    path = write(tmp_path / "members.csv", [["Company Name", "Member Type", "State"],
                                            ["Odd Holdings", "Biotech Investor", "MA"]])  # fmt: skip
    assert crm(dbfile, "import", "organizations", str(path), "--dry-run") == 0
    captured = capsys.readouterr()
    assert "line      2  invalid" in captured.out
    assert "could be biotech or investor" in captured.err and "--map-value" in captured.err
    assert crm(dbfile, "import", "organizations", str(path)) == 1
    assert (
        crm(
            dbfile,
            "import",
            "organizations",
            str(path),
            "--map-value",
            "kind:Biotech Investor=investor",
        )
        == 0
    )
    assert query(
        dbfile, "select kind, territory from organizations where name = 'Odd Holdings'"
    ) == [("investor", "MA")]
    assert crm(dbfile, "import", "organizations", str(path), "--map-value", "kind:x=spaceship") == 2
    assert (
        crm(dbfile, "import", "organizations", str(path), "--map-value", "no-colon=investor") == 2
    )


def test_a_returned_introductions_file_in_french_excel(dbfile, tmp_path, capsys):
    # An introduction between the desk's two organizations, exported for the partner.
    created = write(tmp_path / "new.csv", [
        ["Identifiant", "Partie québécoise", "Partie du Massachusetts", "Titre"],
        ["5b8f0a3e-1111-4222-8333-944455556666", "Thérapeutiques Montréal", "Cambridge Labs", "Piste"],
    ], delimiter=";", encoding="cp1252")  # fmt: skip
    assert crm(dbfile, "import", "introductions", str(created)) == 0
    out = tmp_path / "intros.csv"
    assert (
        crm(
            dbfile, "export", "introductions", "--out", str(out), "--lang", "fr", "--delimiter", ";"
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    rows[1][rows[0].index("Étape")] = "Demandée"
    back = write(tmp_path / "retour.csv", rows, delimiter=";", encoding="cp1252")
    capsys.readouterr()
    assert crm(dbfile, "import", "introductions", str(back), "--dry-run") == 0
    captured = capsys.readouterr()
    assert "updated" in captured.out and "(stage)" in captured.out
    assert query(dbfile, "select stage from introductions") == [("proposed",)]
    # Changed here meanwhile: a conflict, left as it is; the command says so.
    with sqlite3.connect(dbfile) as conn:
        conn.execute("update introductions set notes = 'vu ici', version = version + 1")
    assert crm(dbfile, "import", "introductions", str(back)) == 0
    err = capsys.readouterr().err
    assert "line 2: conflict" in err and "changed here since the export" in err
    assert query(dbfile, "select stage, notes from introductions") == [("proposed", "vu ici")]


def test_import_needs_a_file_and_undo_takes_none(dbfile, tmp_path, capsys):
    assert crm(dbfile, "import", "contacts") == 2
    assert "needs the FILE" in capsys.readouterr().err
    assert crm(dbfile, "import", "undo", str(tmp_path / "x.csv")) == 2
