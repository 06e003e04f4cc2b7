"""`crm search` prints labels people read, not stored words (`medtech`, `both_agreed`)."""

from __future__ import annotations

from pathlib import Path

from crm.cli import main
from crm.db.migrate import open_database
from crm.services import introductions, organizations, users


def test_search_prints_labels_not_stored_words(tmp_path: Path, capsys):
    path = tmp_path / "desk.db"
    db = open_database(f"sqlite:///{path}")
    with db.write() as s:
        actor = users.service.create(s, None, {"name": "mtremblay"}).id
        qc = organizations.service.create(s, actor, {"name": "Diagnostics Érable", "kind": "medtech",
                                                     "region": "QC", "city": "Montréal"}).id  # fmt: skip
        ma = organizations.service.create(
            s, actor, {"name": "Érable Boston", "kind": "cro", "region": "MA"}
        ).id
        intro = introductions.create(s, actor, {"qc_organization_id": qc, "ma_organization_id": ma,
                                                "purpose": "rd_collaboration"})  # fmt: skip
        introductions.move(s, actor, intro.id, "both_agreed")
    db.close()
    assert main(["--db", str(path), "search", "erable"]) == 0
    out = capsys.readouterr().out
    assert "Organization" in out and "Introduction" in out
    assert "Medtech · Montréal" in out and "CRO" in out
    assert "Both agreed · R&D collaboration" in out
    for word in ("medtech", "both_agreed", "rd_collaboration", "organization "):
        assert word not in out
