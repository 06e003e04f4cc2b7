"""The French interface shows no English: the key dialogs opened in English and in French.

Each dialog is built twice over the same records; every visible text of its chrome (window
title, labels, buttons, group boxes, placeholders, headers, combo items, menus) shown in French
must differ from the English one, unless it is the same word in both languages (ALLOWED) or
the records' own data. The services' errors are checked the same way through
`crm.ui.errors.error_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QWidget,
)

from crm.domain.errors import DuplicateWarning, Issue, NotFound, StaleRecord, ValidationFailed
from crm.ui.i18n import Languages

# Words spelled the same in both languages, proper names, and the desk fixture's data.
ALLOWED = {
    "OK", "Contact", "Contacts", "Notes", "Note", "Type", "Date", "Description", "Participant",
    "Participants", "Interaction", "Interactions", "Mission", "Association", "Biotech", "CRO",
    "CDMO", "Québec", "Massachusetts", "BIOQuébec", "MassBio", "Boston", "Canada", "USA",
    "Montréal", "Action", "Organisation", "Fondation", "QC", "MA", "—", "SHA-256", "Français",
    "English", "Marie Tremblay", "John Smith", "Biotech de Montréal", "Boston CRO", "Éric Côté",
    "Anne Zimmer", "Zoé Abbott", "Montréal meets Boston", "BIO 2025 Boston", "Call back Éric",
    "eric@biomtl.ca", "Ctrl+K", "Participants (0)", "BIO 2025 Boston — 2025-06-16",
    "postgresql://user@server/crm", "BIOQuébec · MassBio",
}  # fmt: skip


@pytest.fixture
def languages(qapp: Any) -> Iterator[Languages]:
    langs = Languages()
    yield langs
    langs.apply("en")


def chrome_texts(widget: QWidget) -> set[str]:
    """The texts a user reads on the dialog's own labels, buttons, headers and menus."""
    found = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QAbstractButton):
            found += [w.text(), w.toolTip()]
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QMenu):
            found += [a.text() for a in w.actions()]
        if isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            if w.orientation() == Qt.Orientation.Horizontal:
                found += [
                    str(model.headerData(i, w.orientation()) or "")
                    for i in range(model.columnCount())
                ]
        if isinstance(w, QTreeWidget):
            found += [w.headerItem().text(i) for i in range(w.columnCount())]
    return {t.replace("&", "").strip() for t in found if t and t.strip()}


def still_english(build: Callable[[], QWidget], languages: Languages, qtbot: Any) -> set[str]:
    """Texts shown identically in English and in French that are not allowed to be."""
    shown = {}
    for lang in ("en", "fr"):
        languages.apply(lang)
        widget = build()
        qtbot.addWidget(widget)
        shown[lang] = chrome_texts(widget)
        if hasattr(widget, "_closing"):
            widget._closing = True
        widget.close()
    same = shown["en"] & shown["fr"]
    return {t for t in same if t not in ALLOWED and any(c.isalpha() for c in t)}


@pytest.mark.parametrize(
    "kind", ["organization", "contact", "event", "followup", "introduction", "interaction"]
)
@pytest.mark.parametrize("existing", [False, True])
def test_record_editors_are_french(qtbot, desk, languages, kind, existing):
    from crm.ui.dialogs.records import EDITORS

    record_id = 1 if existing and kind != "interaction" else None
    left = still_english(lambda: EDITORS[kind](desk, record_id), languages, qtbot)
    assert left == set()


def test_dialogs_are_french(qtbot, desk, languages):
    from crm.ui.dialogs import misc, roster
    from crm.ui.dialogs.email_dialog import EmailDialog
    from crm.ui.dialogs.export_dialog import ExportDialog
    from crm.ui.dialogs.import_wizard import ImportWizard
    from crm.ui.dialogs.maintenance import TeamDatabaseDialog
    from crm.ui.pages.export_log import ExportLogDialog
    from crm.ui.tasks import TaskRunner

    tasks = TaskRunner()
    builders = {
        "preferences": lambda: misc.PreferencesDialog(languages),
        "first start": lambda: misc.FirstStartDialog(),
        "team database": lambda: TeamDatabaseDialog(tasks),
        "email": lambda: EmailDialog(desk, 1),
        "roster": lambda: roster.RosterDialog(desk, 1),
        "export": lambda: ExportDialog(desk, "contacts", tasks),
        "import": lambda: ImportWizard(desk, tasks),
        "export log": lambda: ExportLogDialog(desk),
    }
    left = {name: still_english(build, languages, qtbot) for name, build in builders.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}


def test_main_window_menus_and_pages_are_french(qtbot, desk, languages):
    from crm.ui.main_window import PAGES, MainWindow

    def build() -> QWidget:
        window = MainWindow(desk, languages, remember_geometry=False)
        for name in PAGES:
            window.show_page(name)
        for menu in window.menus.values():
            menu.setParent(window, menu.windowFlags())
        return window

    assert still_english(build, languages, qtbot) == set()


def test_import_mapping_reads_fields_in_french(qtbot, desk, languages, tmp_path):
    from crm.ui.dialogs.import_wizard import ImportWizard
    from crm.ui.tasks import TaskRunner

    path = tmp_path / "contacts.csv"
    path.write_text(
        "Prénom;Nom de famille;Courriel\nJean;Tremblay;jean@exemple.ca\n", encoding="utf-8"
    )
    languages.apply("fr")
    wizard = ImportWizard(desk, TaskRunner(), entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    combo = wizard.mapping.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Prénom" and combo.currentData() == "first_name"
    assert "first_name" not in [combo.itemText(i) for i in range(combo.count())]


def test_service_errors_are_said_in_french(languages):
    from crm.ui.errors import error_text

    languages.apply("fr")
    bad = ValidationFailed(
        [Issue("email", "email.invalid", "email: 'x' is not a valid email address")]
    )
    assert error_text(bad) == "Courriel : Ce n’est pas une adresse courriel valide."
    dup = DuplicateWarning([("organization", 1, "Boston CRO")], "same name")
    assert error_text(dup).startswith("Cette fiche ressemble") and "• Boston CRO" in error_text(dup)
    stale = StaleRecord("contact", 3, 1, 2)
    assert error_text(stale).startswith("Quelqu’un d’autre a modifié cette fiche (contact)")
    assert "n’existe plus" in error_text(NotFound("organization", 4))
    from crm.domain.errors import DatabaseOpenError, DeskError

    assert error_text(
        DeskError("The demo data is already loaded in this database.", code="demo.already_loaded")
    ) == ("Les données de démonstration sont déjà chargées dans cette base de données.")
    not_a_db = DatabaseOpenError("not_a_database", location="/x/y.csv")
    assert error_text(not_a_db).startswith("/x/y.csv n’est pas une base de données")
    unknown = DeskError("something the desk never said before")
    assert error_text(unknown) == "something the desk never said before"  # never hidden
    languages.apply("en")
    assert error_text(bad) == "Email: This is not a valid email address."


def test_sentences_the_services_really_raise_are_said_in_french(languages, tmp_path, sqlite_db):
    """Errors the services really raise carry a code the window knows: produce them with the
    real services, so that a new or changed error without a translation fails here."""
    import sqlalchemy as sa

    from crm.db.migrate import open_database
    from crm.domain.errors import DeskError
    from crm.services import csv_import, demo
    from crm.ui.errors import error_text

    raised: list[DeskError] = []

    def catch(action: Callable[[], Any]) -> None:
        with pytest.raises(DeskError) as info:
            action()
        raised.append(info.value)

    text_file = tmp_path / "notes.txt"
    text_file.write_text("pas une base", encoding="utf-8")
    catch(lambda: open_database(f"sqlite:///{text_file}"))
    catch(lambda: open_database(f"sqlite:///{tmp_path}"))
    catch(lambda: open_database(f"sqlite:///{tmp_path / 'missing' / 'x.db'}"))
    newer = tmp_path / "newer.db"
    open_database(f"sqlite:///{newer}").close()
    engine = sa.create_engine(f"sqlite:///{newer}")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    catch(lambda: open_database(f"sqlite:///{newer}"))
    with sqlite_db.write() as session:
        demo.load_demo(session, None)
    with sqlite_db.write() as session:
        catch(lambda: demo.load_demo(session, None))
        catch(lambda: csv_import.undo_last(session, None))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    catch(lambda: csv_import.read_source(empty, "contacts"))

    languages.apply("fr")
    untranslated = [str(exc) for exc in raised if error_text(exc) == str(exc)]
    assert untranslated == []


def test_every_coded_error_is_said_in_french_with_its_values(languages):
    """Each template of crm.domain.messages reaches the window translated, values filled in."""
    from crm.domain import messages
    from crm.domain.errors import coded
    from crm.ui.errors import error_text

    languages.apply("fr")
    for code, (_template, names) in messages.ERRORS.items():
        exc = coded(code, **{name: f"<{name}>" for name in names})
        french = error_text(exc)
        assert french != str(exc), code
        assert all(f"<{name}>" in french for name in names), (code, french)
        assert "%" not in french, (code, french)
    languages.apply("en")
    exc = coded("import.already_undone", file="in.csv")
    assert error_text(exc) == str(exc) == "The last import (in.csv) was already undone."
