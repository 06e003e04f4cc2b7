"""Every message box of the desk goes through these functions.

Tests replace them (monkeypatch) so that no modal dialog ever blocks a test run.

A question's default button (what Enter presses) is always Cancel: the dangerous answer
("Move anyway", "Delete permanently", "Discard"...) takes a deliberate click or its
shortcut. `question_box` builds the box without showing it, so tests can check that.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


def question_box(
    parent: QWidget | None, title: str, text: str, answers: list[str]
) -> tuple[QMessageBox, list[QPushButton], QPushButton]:
    """A question with `answers` and Cancel, Cancel being the default and the Escape button.

    Returns the box, the answers' buttons (in order) and the Cancel button.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    role = (
        QMessageBox.ButtonRole.AcceptRole
        if len(answers) == 1
        else QMessageBox.ButtonRole.ActionRole
    )
    buttons: list[QPushButton] = [box.addButton(answer, role) for answer in answers]
    cancel = box.addButton(
        QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, buttons, cancel


def confirm(parent: QWidget | None, title: str, text: str, *, ok_text: str = "") -> bool:
    """Ask a yes/no question; True when the user accepts (Cancel is the default)."""
    box, (ok,), _cancel = question_box(
        parent, title, text, [ok_text or QCoreApplication.translate("Messages", "OK")]
    )
    box.exec()
    return box.clickedButton() is ok


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int:
    """Offer several answers; returns the index of the chosen one, -1 when cancelled (the default)."""
    box, buttons, _cancel = question_box(parent, title, text, options)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else -1


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
