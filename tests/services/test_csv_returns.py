"""Partner files that come back, and values that mean the same, on SQLite and PostgreSQL:
the desk's own introductions and follow-ups exports, changed as a partner would (French
Excel: French headers, `;`, Windows-1252), imported back; an organization directory in a
partner's words."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
import sqlalchemy as sa

from crm.db.models import FollowUp, ImportBatch, Introduction, Organization
from crm.domain import csv_headers
from crm.domain.enums import (
    Consent,
    FollowUpStatus,
    IntroductionOutcome,
    IntroductionStage,
    OrganizationKind,
    Territory,
)
from crm.domain.errors import DeskError
from crm.services import csv_export, csv_import, followups, introductions, stages
from crm.services.csv_import import ImportOptions
from crm.services.export_columns import ExportRequest


def read(path, entity, options=None):
    return csv_import.read_source(path, entity), options or ImportOptions()


def run(db, actor, entity, path, options=None, dry_run=False):
    source, options = read(path, entity, options)
    with db.write() as s:
        return csv_import.run(s, actor, entity, source, options, dry_run=dry_run)


def export(db, actor, entity, path, *, extra=(), **options):
    """The default partner file, with `extra` columns (free text is asked for, not default)."""
    if extra:
        options["columns"] = (*csv_headers.DEFAULT_COLUMNS[entity], *extra)
    with db.write() as s:
        csv_export.export(s, actor, ExportRequest(entity, **options), path)
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=options.get("delimiter", ",")))


def save_as_french_excel(path, rows):
    """What French Excel writes: `;`, CRLF, Windows-1252 (a character it lacks becomes '?')."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252", errors="replace"))
    return path


# --- values that mean the same -------------------------------------------------------------


def write_directory(path, member_type="Biotech Investor"):
    rows = [
        ["Company Name", "Member Type", "City", "State", "Website"],
        ["Kendall Bio", "Biotech", "Cambridge", "Massachusetts", "https://kendall.example"],
        ["Charles Ventures", "Venture Capital", "Boston", "MA", "https://charles.example"],
        ["Fenway Investors", "Investor", "Boston", "MA", "https://fenway.example"],
        ["Bay State University", "Academic Institution", "Boston", "MA", "https://bsu.example"],
        ["Rare Disease Fund", "Disease Foundation", "Boston", "MA", "https://rdf.example"],
        ["Université Laurentienne", "Université", "Montréal", "Québec", "https://ul.example"],
        ["Fondation Érable", "Fondation", "Sherbrooke", "QC", "https://fe.example"],
        ["Odd Holdings", member_type, "Boston", "MA", "https://odd.example"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def kinds_and_sides(db):
    with db.read() as s:
        rows = s.execute(sa.select(Organization.name, Organization.kind, Organization.territory))
        return {name: (kind, territory) for name, kind, territory in rows}


def test_a_member_directory_imports_with_the_right_kinds_and_sides(db, actor, tmp_path):
    path = write_directory(tmp_path / "directory.csv", member_type="Pharmaceutical")
    the_plan = run(db, actor, "organizations", path)
    assert the_plan.counts()["created"] == 8
    found = kinds_and_sides(db)
    assert found["Kendall Bio"] == (OrganizationKind.BIOTECH, Territory.MA)
    assert found["Charles Ventures"] == (OrganizationKind.INVESTOR, Territory.MA)
    assert found["Fenway Investors"] == (OrganizationKind.INVESTOR, Territory.MA)
    assert found["Bay State University"] == (OrganizationKind.ACADEMIC, Territory.MA)
    assert found["Rare Disease Fund"] == (OrganizationKind.FOUNDATION, Territory.MA)
    assert found["Université Laurentienne"] == (OrganizationKind.ACADEMIC, Territory.QC)
    assert found["Fondation Érable"] == (OrganizationKind.FOUNDATION, Territory.QC)
    assert found["Odd Holdings"] == (OrganizationKind.PHARMA, Territory.MA)


def test_an_ambiguous_value_is_shown_and_refused_until_the_user_maps_it(db, actor, tmp_path):
    path = write_directory(tmp_path / "directory.csv")
    dry = run(db, actor, "organizations", path, dry_run=True)
    [problem] = dry.problems
    assert (problem.line, problem.column, problem.code) == (9, "Member Type", "value.ambiguous")
    assert "biotech or investor" in problem.message
    assert "--map-value 'kind:Biotech Investor=VALUE'" in problem.message
    with pytest.raises(csv_import.ImportRefused):
        run(db, actor, "organizations", path)
    assert kinds_and_sides(db) == {}  # all or nothing
    mapped = ImportOptions(values={"kind:biotech investor": "Investisseur"})
    run(db, actor, "organizations", path, mapped)
    assert kinds_and_sides(db)["Odd Holdings"] == (OrganizationKind.INVESTOR, Territory.MA)


def test_a_value_mapped_to_nothing_the_field_takes_is_refused(db, actor, tmp_path):
    path = write_directory(tmp_path / "directory.csv")
    bad = ImportOptions(values={"kind:Biotech Investor": "spaceship"})
    with pytest.raises(DeskError) as caught:
        run(db, actor, "organizations", path, bad, dry_run=True)
    assert caught.value.code == "import.bad_map"
    assert "'spaceship' is not a kind" in str(caught.value)


# --- introductions that come back ------------------------------------------------------------


def column(rows, header):
    return rows[0].index(header)


def row_of(rows, uid):
    return next(r for r in rows[1:] if r[0] == uid)


def intro_by_uid(db, uid):
    with db.read() as s:
        intro = s.scalars(sa.select(Introduction).where(Introduction.uid == uid)).one()
        return intro, [
            (h.from_stage, h.to_stage, h.note) for h in introductions.history(s, intro.id)
        ]


def at_stage(db, stage):
    with db.read() as s:
        return list(
            s.scalars(
                sa.select(Introduction.uid)
                .where(Introduction.stage == stage, Introduction.deleted_at.is_(None))
                .order_by(Introduction.id)
            )
        )


def test_round_trip_stages_move_with_history_and_a_local_change_is_a_conflict(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "introductions", tmp_path / "out.csv", lang="fr", delimiter=";")
    proposed = at_stage(db, IntroductionStage.PROPOSED)
    first, second, third = proposed[:3]
    stage, outcome = column(rows, "Étape"), column(rows, "Résultat")
    row_of(rows, first)[stage] = "Demandée"  # the partner asked their side
    row_of(rows, second)[stage] = "Terminée"
    row_of(rows, second)[outcome] = "Sans adéquation"
    row_of(rows, third)[stage] = "Demandée"
    path = save_as_french_excel(tmp_path / "retour.csv", rows)
    # Meanwhile, here, the third one moved on.
    with db.write() as s:
        third_id = s.scalar(sa.select(Introduction.id).where(Introduction.uid == third))
        stages.move(s, actor, third_id, IntroductionStage.ASKED, note="asked by phone")
        stages.move(
            s,
            actor,
            third_id,
            IntroductionStage.BOTH_AGREED,
            accepted_warnings=stages.WARNING_CODES,
        )
    third_before, third_history = intro_by_uid(db, third)

    dry = run(db, actor, "introductions", path, dry_run=True)
    assert dry.source.encoding == "cp1252" and dry.source.delimiter == ";"
    actions = {r.action for r in dry.rows}
    assert actions == {"updated", "unchanged", "conflict"}
    [conflict] = [r for r in dry.rows if r.action == "conflict"]
    assert conflict.line == 2 + rows[1:].index(row_of(rows, third))
    assert "changed here since the export" in conflict.detail
    assert (
        intro_by_uid(db, first)[0].stage == IntroductionStage.PROPOSED
    )  # a dry run writes nothing

    done = run(db, actor, "introductions", path)
    assert done.counts()["updated"] == 2 and done.counts()["conflict"] == 1
    intro, history = intro_by_uid(db, first)
    assert intro.stage == IntroductionStage.ASKED
    assert history[-1] == (
        IntroductionStage.PROPOSED,
        IntroductionStage.ASKED,
        "import of retour.csv",
    )
    intro, history = intro_by_uid(db, second)
    assert (intro.stage, intro.outcome) == (IntroductionStage.CLOSED, IntroductionOutcome.NO_FIT)
    assert intro.closed_at is not None
    assert history[-1][1] == IntroductionStage.CLOSED
    # The conflict is left as it was.
    intro, history = intro_by_uid(db, third)
    assert (intro.stage, intro.version) == (IntroductionStage.BOTH_AGREED, third_before.version)
    assert history == third_history

    # Undone: the stages go back, and the history says so.
    with db.write() as s:
        csv_import.undo_last(s, actor)
    intro, history = intro_by_uid(db, first)
    assert intro.stage == IntroductionStage.PROPOSED
    assert history[-1] == (
        IntroductionStage.ASKED,
        IntroductionStage.PROPOSED,
        "undo of the import of retour.csv",
    )
    intro, _ = intro_by_uid(db, second)
    assert (intro.stage, intro.outcome, intro.closed_at) == (IntroductionStage.PROPOSED, None, None)


def test_a_consent_answer_with_its_date_and_the_warnings_of_a_move(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "introductions", tmp_path / "out.csv")
    uid = at_stage(db, IntroductionStage.PROPOSED)[0]
    row = row_of(rows, uid)
    row[column(rows, "stage")] = "Introduced"
    path = tmp_path / "back.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    # Introduced without both answers: the board's warning refuses the row, and the file.
    with pytest.raises(csv_import.ImportRefused) as caught:
        run(db, actor, "introductions", path)
    [problem] = caught.value.plan.problems
    assert problem.code == "warning.consent_missing" and problem.column == "stage"
    assert intro_by_uid(db, uid)[0].stage == IntroductionStage.PROPOSED
    # With both answers (and their dates) in the file, the move is clean.
    row[column(rows, "qc_consent")] = "oui"
    row[column(rows, "qc_consent_at")] = "2026-11-24"
    row[column(rows, "ma_consent")] = "Yes"
    row[column(rows, "ma_consent_at")] = "25/11/2026"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    run(db, actor, "introductions", path)
    intro, history = intro_by_uid(db, uid)
    assert intro.stage == IntroductionStage.INTRODUCED
    assert (intro.qc_consent, intro.qc_consent_at) == (Consent.YES, date(2026, 11, 24))
    assert (intro.ma_consent, intro.ma_consent_at) == (Consent.YES, date(2026, 11, 25))
    assert "warnings accepted" not in history[-1][2]


def test_an_accepted_warning_is_noted_in_the_history(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "introductions", tmp_path / "out.csv")
    uid = at_stage(db, IntroductionStage.PROPOSED)[0]
    row_of(rows, uid)[column(rows, "stage")] = "introduced"
    path = tmp_path / "back.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    run(db, actor, "introductions", path, ImportOptions(accepted_warnings=("consent_missing",)))
    intro, history = intro_by_uid(db, uid)
    assert intro.stage == IntroductionStage.INTRODUCED
    assert "warnings accepted: consent_missing" in history[-1][2]


def test_an_unknown_uid_is_created_when_its_parties_are_found_by_name(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "introductions", tmp_path / "out.csv", lang="fr", delimiter=";",
                  extra=("title",))  # fmt: skip
    header = rows[0]
    new = [""] * len(header)
    new[0] = "5b8f0a3e-1111-4222-8333-944455556666"
    new[column(rows, "Partie québécoise")] = "NEUROESTRIE"
    new[column(rows, "Partie du Massachusetts")] = "Fenway Biologics"
    new[column(rows, "Titre")] = "Piste de MassBio"
    unknown = list(new)
    unknown[0] = "5b8f0a3e-1111-4222-8333-944455557777"
    unknown[column(rows, "Partie québécoise")] = "Personne inc."
    path = save_as_french_excel(tmp_path / "retour.csv", [*rows, new, unknown])
    with pytest.raises(csv_import.ImportRefused) as caught:
        run(db, actor, "introductions", path)
    [problem] = caught.value.plan.problems
    assert (
        problem.line == len(rows) + 2 and "'Personne inc.' is not found by name" in problem.message
    )
    with db.read() as s:
        assert (
            s.scalar(sa.select(Introduction.id).where(Introduction.title == "Piste de MassBio"))
            is None
        )
    run(db, actor, "introductions", save_as_french_excel(path, [*rows, new]))
    intro, history = intro_by_uid(db, new[0])  # the partner's uid is kept: their next file matches
    assert intro.title == "Piste de MassBio" and intro.stage == IntroductionStage.PROPOSED
    assert len(history) == 1
    again = run(db, actor, "introductions", path, dry_run=True)
    assert again.rows[-1].action == "unchanged"


# --- follow-ups that come back ---------------------------------------------------------------


def test_followups_round_trip(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "followups", tmp_path / "out.csv", lang="fr", delimiter=";",
                  extra=("notes",))  # fmt: skip
    status, due, notes = (column(rows, h) for h in ("Statut", "Échéance", "Notes"))
    open_rows = [r for r in rows[1:] if r[status] == "open"]
    done, moved, changed_here = open_rows[:3]
    done[status] = "Fait"
    moved[due] = "24/12/2026"
    moved[notes] = "Rappeler après les Fêtes"
    changed_here[status] = "Fait"
    with db.write() as s:
        record = s.scalars(sa.select(FollowUp).where(FollowUp.uid == changed_here[0])).one()
        followups.snooze(s, actor, record.id, date(2027, 1, 15))
    path = save_as_french_excel(tmp_path / "suivis.csv", rows)
    the_plan = run(db, actor, "followups", path)
    assert the_plan.counts()["updated"] == 2 and the_plan.counts()["conflict"] == 1
    with db.read() as s:
        by_uid = {f.uid: f for f in s.scalars(sa.select(FollowUp))}
    assert by_uid[done[0]].status == FollowUpStatus.DONE and by_uid[done[0]].completed_at
    assert by_uid[moved[0]].due_date == date(2026, 12, 24)
    assert by_uid[moved[0]].notes == "Rappeler après les Fêtes"
    assert by_uid[changed_here[0]].status == FollowUpStatus.OPEN  # the conflict, left as it was
    assert by_uid[changed_here[0]].due_date == date(2027, 1, 15)
    with db.write() as s:
        csv_import.undo_last(s, actor)
    with db.read() as s:
        back = s.scalars(sa.select(FollowUp).where(FollowUp.uid == done[0])).one()
        assert (back.status, back.completed_at) == (FollowUpStatus.OPEN, None)
        assert s.scalar(sa.select(ImportBatch.undone_at).order_by(ImportBatch.id.desc()).limit(1))


def test_a_row_without_the_version_the_export_writes_is_never_written_over(demo_db, tmp_path):
    db, actor = demo_db.db, demo_db.actor
    rows = export(db, actor, "followups", tmp_path / "out.csv",
                  columns=("uid", "title", "due_date", "status"))  # fmt: skip
    rows[1][3] = "done" if rows[1][3] != "done" else "open"
    path = tmp_path / "back.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    the_plan = run(db, actor, "followups", path)
    [row] = [r for r in the_plan.rows if r.action != "unchanged"]
    assert row.action == "conflict" and "no version in the file" in row.detail
