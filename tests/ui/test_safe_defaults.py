"""Dangerous buttons are never the default: Enter on a warning or a question cancels it,
and the import wizard's last page goes forward (Import), never to Close."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from crm.services import stages
from crm.ui import messages
from crm.ui.dialogs.import_wizard import PREVIEW, ImportWizard
from crm.ui.dialogs.stage_dialog import StageDialog

pytestmark = pytest.mark.usefixtures("english")

# The real functions, kept before the `answers` fixture replaces them for every test.
REAL_CONFIRM = messages.confirm
REAL_CHOOSE = messages.choose


def _press_enter_on_the_box(monkeypatch: pytest.MonkeyPatch, qtbot) -> list[QMessageBox]:
    """`exec()` of a message box shows it, then the user presses Enter."""
    shown: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box)
        box.show()
        qtbot.waitExposed(box)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_enter_on_a_confirmation_cancels_it(qtbot, monkeypatch):
    shown = _press_enter_on_the_box(monkeypatch, qtbot)
    assert REAL_CONFIRM(None, "Please confirm", "Both parties have not said yes yet.",
                        ok_text="Move anyway") is False  # fmt: skip
    box = shown[0]
    assert box.defaultButton().text() == "Cancel"
    assert box.clickedButton().text() == "Cancel"


def test_enter_on_a_choice_cancels_it(qtbot, monkeypatch):
    shown = _press_enter_on_the_box(monkeypatch, qtbot)
    assert REAL_CHOOSE(None, "Unsaved changes", "Save your changes?", ["Save", "Discard"]) == -1
    assert shown[0].clickedButton().text() == "Cancel"


def test_escape_and_default_of_a_question_box(qtbot):
    box, (ok,), cancel = messages.question_box(None, "Delete permanently", "Delete 2 records?",
                                               ["Delete permanently"])  # fmt: skip
    qtbot.addWidget(box)
    assert box.defaultButton() is cancel and box.escapeButton() is cancel and ok is not cancel


def _stage_dialog(warnings: list[stages.WorkflowWarning]) -> StageDialog:
    return StageDialog(
        None, "Montréal meets Boston", "proposed", "introduced", warnings, [], [], None
    )


def test_enter_on_the_consent_warning_does_not_move(qtbot):
    warning = stages.WorkflowWarning("consent_missing", "introduced without both consents")
    dialog = _stage_dialog([warning])
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "Move anyway"
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.focusWidget() is dialog.cancel_button  # not the note, where Enter is a new line
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_move_without_warning_keeps_move_as_default(qtbot):
    dialog = _stage_dialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.isDefault()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_import_wizard_last_page_defaults_to_import_not_close(qtbot, desk, tasks, tmp_path):
    path = tmp_path / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["first_name", "last_name", "email"], ["Ann", "Lee", "ann@x.org"]])
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.path.setText(str(path))
    assert wizard.next.isDefault()
    wizard.go_next()
    wizard.next.setFocus()
    wizard.go_next()  # Next is hidden on the last page: focus falls on another button
    assert wizard.stack.currentIndex() == PREVIEW
    qtbot.waitUntil(lambda: wizard.run_button.isEnabled(), timeout=10_000)
    assert wizard.run_button.isDefault() and not wizard.close_button.isDefault()
    assert not wizard.close_button.autoDefault()
    focused = QApplication.focusWidget() or wizard
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_after_an_import_the_window_shows_the_result(qtbot, desk, tasks, tmp_path):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import PAGES, MainWindow

    path = tmp_path / "orgs.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["name", "region"], ["Cambridge Bio", "MA"]])
    window = MainWindow(desk, Languages(), tasks, remember_geometry=False)
    qtbot.addWidget(window)
    window.show_page("dashboard")
    wizard = window.import_csv("organizations")
    wizard.path.setText(str(path))
    wizard.go_next()
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.run_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        wizard.run_button.click()
    assert PAGES[window.navigation.currentRow()] == "organizations"
    window.close()
