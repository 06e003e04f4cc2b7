"""The export dialog, the import wizard, undo and the export log, driven as a user would
(pytest-qt, offscreen, message boxes answered by the `answers` fixture)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from crm.services import contacts, csv_export, export_columns, export_profiles, organizations
from crm.ui.dialogs.export_dialog import ExportDialog
from crm.ui.dialogs.import_undo import undo_last_import
from crm.ui.dialogs.import_wizard import MAPPING, PREVIEW, ImportWizard
from crm.ui.pages.export_log import ExportLogDialog
from tests.ui.writes import settle


def write(path, rows, *, encoding="utf-8-sig", delimiter=","):
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def test_export_dialog_writes_the_selected_rows_and_logs_them(
    qtbot, desk, tasks, tmp_path, answers, english
):
    with desk.db.write() as s:
        found = {c.first_name: c.id for c in contacts.service.find(s)}
        contacts.service.update(s, desk.user_id, found["Éric"], {"share_with_partners": "yes"})
    dialog = ExportDialog(desk, "contacts", tasks, ids=[found["Éric"], found["Anne"]])
    qtbot.addWidget(dialog)
    assert dialog.scope_filter.isChecked()  # all rows first, the selection on request
    dialog.scope_selected.setChecked(True)
    dialog.lang.setCurrentIndex(dialog.lang.findData("fr"))
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    dialog.recipient.setText("MassBio")
    out = tmp_path / "out.csv"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Identifiant", "Prénom", "Nom de famille"]
    assert [r[1] for r in rows[1:]] == ["Éric"]  # Anne has no consent: left out
    assert answers.asked[-1][0] == "info" and "left out" in answers.asked[-1][2]
    with desk.db.read() as s:
        entry = csv_export.export_log(s)[0]
    assert (entry.recipient, entry.row_count, entry.user) == ("MassBio", 1, "Marie Tremblay")


def test_export_dialog_includes_people_without_consent_when_asked(
    qtbot, desk, tasks, tmp_path, english
):
    dialog = ExportDialog(desk, "contacts", tasks, filters={"territory": "QC"})
    qtbot.addWidget(dialog)
    assert dialog.scope_filter.isChecked() and not dialog.scope_selected.isEnabled()
    dialog.consent.setChecked(True)
    dialog.path.setText(str(tmp_path / "qc.csv"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as signal:
        dialog.start_export()
    assert signal.args[1] == 1  # Éric, the only Québec contact
    with desk.db.read() as s:
        assert csv_export.export_log(s)[0].included_without_consent


def test_export_dialog_saves_and_loads_profiles(qtbot, desk, tasks, english):
    dialog = ExportDialog(desk, "organizations", tasks)
    qtbot.addWidget(dialog)
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("uid", "name", "postal_code")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    dialog.recipient.setText("BIOQuébec")
    dialog.profile_name.setText("BIOQuébec members")
    assert dialog.save_current_profile()
    with desk.db.read() as s:
        saved = export_profiles.get(s, "BIOQuébec members")
    assert saved.columns == ("uid", "name", "postal_code") and saved.encoding == "utf-8"
    other = ExportDialog(desk, "organizations", tasks)
    qtbot.addWidget(other)
    other.profile.setCurrentIndex(other.profile.findData("BIOQuébec members"))
    assert other.chosen_columns() == ["uid", "name", "postal_code"]
    assert other.encoding.currentData() == "utf-8" and other.recipient.text() == "BIOQuébec"


def test_wizard_previews_a_french_excel_file_refuses_it_then_imports_the_valid_rows(
    qtbot, desk, tasks, tmp_path, answers, english
):
    path = write(tmp_path / "membres.csv", [
        ["Prénom", "Nom", "Courriel", "Entreprise", "Date du consentement"],
        ["Hélène", "Gagnon", "helene@cœur.ca", "Cœur Thérapeutique", "25/03/2021"],
        ["Éric", "Côté", "eric@biomtl.ca", "Biotech de Montréal", ""],
        ["Bad", "Mail", "bad@@x", "", ""],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING
    assert "cp1252" in wizard.detected.text() and "semicolon" in wizard.detected.text()
    assert wizard.chosen_mapping()["Courriel"] == "email"
    wizard.go_next()
    assert wizard.stack.currentIndex() == PREVIEW
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    actions = [wizard.preview.item(r, 1).text() for r in range(wizard.preview.rowCount())]
    assert actions == ["create", "skip", "invalid"]
    assert "Courriel" in wizard.preview.item(2, 3).text()
    assert not wizard.run_button.isEnabled()  # all or nothing
    wizard.skip_invalid.setChecked(True)
    wizard.go_back()
    wizard.go_next()
    qtbot.waitUntil(
        lambda: wizard.plan is not None and wizard.run_button.isEnabled(), timeout=10_000
    )
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    with desk.db.read() as s:
        emails = {c.email for c in contacts.service.find(s)}
        assert "helene@cœur.ca" in emails
        assert "Cœur Thérapeutique" in {o.name for o in organizations.service.find(s)}
    # Undo from the window: asked first, then the new contact and organization go to the trash.
    answers.confirm.append(True)
    assert undo_last_import(desk, tasks, wizard)
    settle(qtbot, tasks)
    with desk.db.read() as s:
        assert "helene@cœur.ca" not in {c.email for c in contacts.service.find(s)}
    assert not undo_last_import(desk, tasks, wizard)  # nothing more to undo
    assert answers.asked[-1][2] == "There is no import to undo."


def test_wizard_mapping_can_be_changed(qtbot, desk, tasks, tmp_path, english):
    path = write(tmp_path / "odd.csv", [["Who", "Mail"], ["Ann Lee", "ann@x.org"]])
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    assert wizard.chosen_mapping() == {"Who": "", "Mail": "email"}
    wizard.set_field("Who", "full_name")
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert wizard.preview.item(0, 2).text() == "Ann Lee"


def test_export_log_view_lists_the_exports(qtbot, desk, tmp_path, english):
    with desk.db.write() as s:
        csv_export.export(
            s,
            desk.user_id,
            export_columns.ExportRequest("organizations", recipient="MassBio"),
            tmp_path / "o.csv",
        )
    dialog = ExportLogDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert "MassBio" in cells and "organizations" in cells and "2" in cells
    # The newest entry is selected: its options and the records its file named.
    assert "Headers: field names" in dialog.detail.text()
    assert "2 records named by this file." in dialog.detail.text()
    named = [
        [dialog.records.item(r, c).text() for c in range(3)]
        for r in range(dialog.records.rowCount())
    ]
    with desk.db.read() as s:
        orgs = {o.uid: o.name for o in organizations.service.find(s)}
    assert sorted(named) == sorted(["Organization", name, uid] for uid, name in orgs.items())


def test_export_log_view_in_french_shows_the_options_and_free_text(qtbot, desk, tmp_path, french):
    request = export_columns.ExportRequest("introductions", ("uid", "qc_party", "title"))
    with desk.db.write() as s:
        csv_export.export(s, desk.user_id, request, tmp_path / "i.csv")
    dialog = ExportLogDialog(desk)
    qtbot.addWidget(dialog)
    detail = dialog.detail.text()
    assert "Texte libre : Titre" in detail and "En-têtes" in detail
    assert dialog.records.horizontalHeaderItem(2).text() == "Identifiant (uid)"
    assert dialog.table.item(0, 2).text() == "mises en relation"


def test_export_dialog_warns_while_free_text_is_chosen(qtbot, desk, tasks, tmp_path, english):
    dialog = ExportDialog(desk, "introductions", tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent.isVisible()  # an introductions file names people too
    assert not dialog.free_text_warning.isVisible()  # the defaults hold no free text
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "notes":
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.free_text_warning.isVisible()
    assert "Free text (Notes) may name people" in dialog.free_text_warning.text()
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "notes":
            item.setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.free_text_warning.isVisible()


def test_main_window_file_menu_and_list_export(qtbot, desk, tasks, english):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    for key in ("import_csv", "export_csv", "undo_import", "export_log"):
        assert window.actions_[key] in window.menus["file"].actions()
    page = window.show_page("organizations")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.filter_box.setText("montreal")
    page.apply_filters()
    dialog = window.export_csv()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog) and dialog.entity == "organizations"
    assert dialog.text == "montreal"
    events_page = window.show_page("events")
    dialog = events_page.export_list()
    qtbot.addWidget(dialog)
    assert dialog.entity == "participants" and len(dialog.filters["event_id"]) == 1
    wizard = window.import_csv()
    qtbot.addWidget(wizard)
    assert wizard.entity.currentData() == "participants"
    log = window.show_export_log()
    qtbot.addWidget(log)
    for widget in (dialog, wizard, log):
        widget.close()


def test_wizard_preview_shows_inferred_territory_and_language(
    qtbot, desk, tasks, tmp_path, english
):
    """A French Excel file (cp1252, `;`) with Ville = Montréal: the preview says the territory
    and the language were inferred, and the import stores Québec and French."""
    path = write(tmp_path / "contacts.csv", [
        ["Prénom", "Nom", "Courriel", "Ville"],
        ["Hélène", "Gagnon", "helene@mtl.ca", "Montréal"],
    ], encoding="cp1252", delimiter=";")  # fmt: skip
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert wizard.preview.item(0, 3).text() == "inferred: Language French, Territory Québec"
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    with desk.db.read() as s:
        helene = next(c for c in contacts.service.find(s) if c.email == "helene@mtl.ca")
        assert (helene.language, helene.territory) == ("fr", "QC")


def test_export_dialog_writes_a_workbook_and_offers_vcards_for_contacts_only(
    qtbot, desk, tasks, tmp_path, english
):
    openpyxl = pytest.importorskip("openpyxl")
    organizations_dialog = ExportDialog(desk, "organizations", tasks)
    qtbot.addWidget(organizations_dialog)
    formats = organizations_dialog.file_format
    assert [formats.itemData(i) for i in range(formats.count())] == ["csv", "xlsx"]
    dialog = ExportDialog(desk, "contacts", tasks)
    qtbot.addWidget(dialog)
    dialog.consent.setChecked(True)
    dialog.path.setText(str(tmp_path / "people.csv"))
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("xlsx"))
    assert dialog.path.text().endswith("people.xlsx")  # the extension follows the format
    assert not dialog.delimiter.isEnabled() and not dialog.encoding.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(signal.args[0]).active
    assert sheet.max_row == 1 + signal.args[1]
    with desk.db.read() as s:
        assert '"format": "xlsx"' in csv_export.export_log(s)[0].filter


def test_wizard_reads_vcards_and_says_so(qtbot, desk, tasks, tmp_path, english):
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Noah Williams\r\nN:Williams;Noah;;;\r\n"
        "EMAIL;PREF=1:noah@seaport.example\r\nEND:VCARD\r\n", encoding="utf-8"
    )  # fmt: skip
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING
    assert wizard.detected.text() == "vCards · 1 card"
    assert not wizard.delimiter.isVisibleTo(wizard)  # a CSV file's question only
    assert wizard.chosen_mapping()["email"] == "email"
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert [wizard.preview.item(r, 1).text() for r in range(wizard.preview.rowCount())] == [
        "create"
    ]


def test_wizard_takes_back_a_partners_introductions_file_in_french(
    qtbot, desk_with_demo, tasks, tmp_path, answers, french
):
    import io

    import sqlalchemy as sa

    from crm.db.models import Introduction
    from crm.domain.enums import IntroductionStage
    from crm.services import introductions, stages

    desk = desk_with_demo
    out = tmp_path / "intros.csv"
    with desk.db.write() as s:
        request = export_columns.ExportRequest("introductions", lang="fr", delimiter=";")
        csv_export.export(s, desk.user_id, request, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    stage = rows[0].index("Étape")
    with desk.db.read() as s:
        proposed = list(s.scalars(sa.select(Introduction.uid).where(
            Introduction.stage == IntroductionStage.PROPOSED).order_by(Introduction.id)))  # fmt: skip
    moved, conflicting = proposed[:2]
    for row in rows[1:]:
        if row[0] in (moved, conflicting):
            row[stage] = "Demandée"
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "retour.csv"  # as French Excel saves it: "↔" has no Windows-1252 byte
    path.write_bytes(text.getvalue().encode("cp1252", errors="replace"))
    with desk.db.write() as s:
        record = s.scalar(sa.select(Introduction.id).where(Introduction.uid == conflicting))
        introductions.service.update(s, desk.user_id, record, {"notes": "vu ici"})
    wizard = ImportWizard(desk, tasks, entity="introductions")
    qtbot.addWidget(wizard)
    assert not wizard.on_duplicate.isEnabled()
    wizard.path.setText(str(path))
    wizard.go_next()
    assert wizard.chosen_mapping()["Étape"] == "stage"
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    actions = {wizard.preview.item(r, 1).text() for r in range(wizard.preview.rowCount())}
    assert {"mettre à jour", "conflit"} <= actions
    conflict_row = next(
        r for r in range(wizard.preview.rowCount()) if wizard.plan.rows[r].action == "conflict"
    )
    assert wizard.preview.item(conflict_row, 3).text().startswith("Modifiée ici depuis")
    assert "1 conflit : modifiée ici" in wizard.summary.text()
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    with desk.db.read() as s:
        by_uid = {i.uid: i for i in s.scalars(sa.select(Introduction))}
        assert by_uid[moved].stage == IntroductionStage.ASKED
        assert by_uid[conflicting].stage == IntroductionStage.PROPOSED
        assert stages.timeline(s, by_uid[moved].id)[-1].note == "import of retour.csv"


def test_wizard_asks_what_an_ambiguous_value_means(qtbot, desk, tasks, tmp_path, answers, french):
    from crm.domain.enums import OrganizationKind

    path = write(tmp_path / "membres.csv", [
        ["Company Name", "Member Type", "State"],
        ["Odd Holdings", "Biotech Investor", "MA"],
        ["Bay State University", "Academic Institution", "MA"],
    ])  # fmt: skip
    wizard = ImportWizard(desk, tasks, entity="organizations")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    assert "Biotech ou Investisseur" in wizard.preview.item(0, 3).text()
    assert not wizard.values.isHidden() and wizard.values.item(0, 1).text() == "Biotech Investor"
    combo = wizard.values.cellWidget(0, 2)
    assert [combo.itemText(i) for i in (1, 2)] == ["Biotech", "Investisseur"]
    wizard.choose_value(("kind", "Biotech Investor"), "investor")
    qtbot.waitUntil(
        lambda: wizard.plan is not None and wizard.run_button.isEnabled(), timeout=10_000
    )
    assert wizard.values.cellWidget(0, 2).currentData() == "investor"  # still shown, as chosen
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    with desk.db.read() as s:
        kinds = {o.name: o.kind for o in organizations.service.find(s)}
    assert kinds["Odd Holdings"] == OrganizationKind.INVESTOR
    assert kinds["Bay State University"] == OrganizationKind.ACADEMIC
