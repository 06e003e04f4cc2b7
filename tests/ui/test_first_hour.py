"""The first hour: the demo offer until answered, the theme, pickers that create what was
typed, labels people read (issue 9, "the first hour")."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from crm.db.models import AuditEntry, Contact, Introduction, Organization
from crm.domain.enums import Territory
from crm.services import lists, organizations
from crm.ui import app as desk_app
from crm.ui import theme
from crm.ui.dialogs.misc import FirstStartDialog
from crm.ui.tasks import TaskRunner
from tests.ui.writes import settle_editor


def test_the_first_start_is_offered_until_the_user_has_chosen(qtbot, sqlite_db, monkeypatch):
    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    tasks = TaskRunner()
    # The file exists already (a failed start made it): still offered.
    assert desk_app.first_start_pending(ctx)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: 0)  # closed without an answer
    assert desk_app.offer_demo(ctx, tasks) is False
    assert desk_app.first_start_pending(ctx)
    monkeypatch.setattr(desk_app, "ask_first_start", lambda: FirstStartDialog.EMPTY)
    assert desk_app.offer_demo(ctx, tasks) is False
    assert not desk_app.first_start_pending(ctx)  # "Start empty" is an answer


def test_a_database_with_records_is_not_offered_the_demo(qtbot, sqlite_db):
    ctx = desk_app.resolve_user(sqlite_db, None, interactive=False)
    with sqlite_db.write() as s:
        organizations.service.create(s, ctx.user_id, {"name": "Acme", "territory": "QC"})
    assert not desk_app.first_start_pending(ctx)


# --- theme -------------------------------------------------------------------------------------


@pytest.fixture
def native_look(qapp, monkeypatch):
    monkeypatch.delenv("CRM_THEME", raising=False)
    yield qapp
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    theme.apply(qapp, "light")
    assert qapp.property("deskLook") == "light"


def window_colour(app) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def test_the_theme_follows_the_system_unless_preferences_say_otherwise(native_look, monkeypatch):
    app = native_look
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.apply(app, "system") == "dark"
    assert window_colour(app) == "#2b2d30"
    assert theme.apply(app, "light") == "light"  # chosen light on a dark desktop
    assert window_colour(app) == "#efefef"
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.apply(app, "system") == "light"
    assert theme.apply(app, "dark") == "dark"


def test_preferences_choose_the_theme_and_keep_it(qtbot, native_look):
    from crm.ui.dialogs.misc import PreferencesDialog
    from crm.ui.i18n import Languages

    languages = Languages()
    languages.current = "en"
    dialog = PreferencesDialog(languages)
    qtbot.addWidget(dialog)
    choice = dialog.findChild(QComboBox, "themeChoice")
    assert [choice.itemData(i) for i in range(choice.count())] == ["system", "light", "dark"]
    assert choice.currentData() == "system"  # by default, like the system
    assert choice.itemText(0) == "Like the system (light or dark)"
    choice.setCurrentIndex(choice.findData("dark"))
    dialog.accept()
    assert QSettings().value("theme") == "dark"
    assert window_colour(native_look) == "#2b2d30"
    again = PreferencesDialog(languages)
    qtbot.addWidget(again)
    assert again.findChild(QComboBox, "themeChoice").currentData() == "dark"


def test_window_titles_end_in_the_interface_language(qapp):
    from crm.ui.i18n import Languages

    languages = Languages()
    try:
        languages.apply("fr")
        assert qapp.applicationDisplayName() == "Bureau de coopération"
    finally:
        languages.apply("en")
    assert qapp.applicationDisplayName() == "Cooperation desk"


# --- pickers create what was typed; the introducer ---------------------------------------------


def type_in_picker(qtbot, picker, text):
    picker.setFocus()
    qtbot.keyClicks(picker, text)
    model = picker.completer_.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def activate_last_offer(qtbot, picker):
    popup = picker.completer_.popup()
    model = picker.completer_.model()
    popup.setCurrentIndex(model.index(model.rowCount() - 1, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_the_introduction_editor_creates_a_typed_organization_on_its_side(qtbot, desk, english):
    from crm.ui.dialogs.records import IntroductionEditor

    editor = IntroductionEditor(desk)
    qtbot.addWidget(editor)
    picker = editor.widgets["qc_organization_id"]
    offers = type_in_picker(qtbot, picker, "Acme Nouvelle")
    assert offers[-1] == "Create organization “Acme Nouvelle”"
    activate_last_offer(qtbot, picker)
    with desk.db.read() as s:
        org = s.scalar(sa.select(Organization).where(Organization.name == "Acme Nouvelle"))
        assert org is not None and org.territory == Territory.QC
        made_by = s.scalar(sa.select(AuditEntry.user_id).where(
            AuditEntry.entity == "organization", AuditEntry.record_id == org.id))  # fmt: skip
        assert made_by == desk.user_id  # as the acting staff user
    assert picker.value() == org.id and picker.text() == "Acme Nouvelle"


def test_a_picker_offers_no_creation_for_a_name_that_exists(qtbot, desk, english):
    from crm.ui.widgets.picker import RecordPicker

    picker = RecordPicker(desk.db, "organization", actor_id=desk.user_id)
    qtbot.addWidget(picker)
    offers = type_in_picker(qtbot, picker, "biotech de montreal")
    assert offers == ["Biotech de Montréal — Biotech · Montréal"]  # a label, not "biotech"


def test_the_introduction_editor_has_its_introducer(qtbot, desk, english, answers):
    from crm.ui.dialogs.records import IntroductionEditor

    with desk.db.read() as s:
        ids = {c.last_name: c.id for c in s.scalars(sa.select(Contact))}
        qc, ma = (s.scalar(sa.select(Organization.id).where(Organization.name == n))
                  for n in ("Biotech de Montréal", "Boston CRO"))  # fmt: skip
    editor = IntroductionEditor(desk)
    qtbot.addWidget(editor)
    assert editor.form_labels["introducer_contact_id"].text() == "Introducer"
    editor.set_widget_value("qc_organization_id", qc, "Biotech de Montréal")
    editor.set_widget_value("qc_contact_id", ids["Côté"], "Éric Côté")
    editor.set_widget_value("ma_organization_id", ma, "Boston CRO")
    editor.set_widget_value("introducer_contact_id", ids["Côté"], "Éric Côté")
    answers.confirm = [True, True]  # the same pair as the fixture's introduction: go on
    assert editor.save() is True  # the write starts off the GUI thread; the services refuse it
    settle_editor(qtbot, editor)
    assert editor.save_failure is not None and editor.result() == 0  # not accepted: kept open
    error = editor.errors["introducer_contact_id"]
    assert (
        error.text()
        == "“Éric Côté” is a party of this introduction: the introducer is someone else."
    )
    editor.set_widget_value("introducer_contact_id", ids["Abbott"], "Zoé Abbott")
    assert editor.save() is True
    settle_editor(qtbot, editor)
    with desk.db.read() as s:
        intro = s.scalar(sa.select(Introduction).order_by(Introduction.id.desc()))
        assert intro.introducer_contact_id == ids["Abbott"]


def test_the_email_dialog_drafts_nothing_to_a_party_who_said_no(
    qtbot, desk, english, answers, tmp_path
):
    from crm.services import introductions
    from crm.ui.dialogs.email_dialog import EmailDialog

    with desk.db.write() as s:
        intro = s.scalar(sa.select(Introduction.id))
        introductions.service.update(s, desk.user_id, intro, {"qc_consent": "no"})
    dialog = EmailDialog(desk, intro, user_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.set_kind("introduction")
    refusal = dialog.findChild(QLabel, "emailRefusal")
    assert refusal.text() == (
        "Biotech de Montréal said no to this introduction: no email is drafted to a party who declined."
    )
    assert not refusal.isHidden()
    assert dialog.body_edit.toPlainText() == "" and dialog.to_edit.text() == ""
    assert not dialog.mail_button.isEnabled() and not dialog.copy_button.isEnabled()
    dialog.set_kind("consent_ma")  # the other party may still be asked
    assert refusal.isHidden() and dialog.body_edit.toPlainText() and dialog.copy_button.isEnabled()
    assert answers.asked == []  # said in the dialog, no box on top


# --- French slips ------------------------------------------------------------------------------


def test_the_import_speaks_french_with_agreeing_counts(
    qtbot, desk, tasks, tmp_path, answers, french
):
    from crm.ui.dialogs.import_wizard import PREVIEW, ImportWizard

    path = tmp_path / "membres.csv"
    path.write_text(
        "Prénom;Nom;Courriel\nÉric;Côté;eric@biomtl.ca\nBad;Mail;bad@@x\nLéa;Roy;lea@roy.ca\n",
        encoding="cp1252",
    )
    wizard = ImportWizard(desk, tasks, entity="contacts")
    qtbot.addWidget(wizard)
    wizard.path.setText(str(path))
    wizard.go_next()
    wizard.go_next()
    assert wizard.stack.currentIndex() == PREVIEW
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10_000)
    details = [wizard.preview.item(r, 3).text() for r in range(wizard.preview.rowCount())]
    assert details[0] == "fiche déjà enregistrée"
    assert details[1].startswith("Courriel\u00a0: ")
    wizard.skip_invalid.setChecked(True)
    wizard.go_back()
    wizard.go_next()
    qtbot.waitUntil(
        lambda: wizard.plan is not None and wizard.run_button.isEnabled(), timeout=10_000
    )
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(wizard.run_button, Qt.MouseButton.LeftButton)
    done = [text for kind, _title, text in answers.asked if kind == "info"][-1]
    assert done.startswith("1 fiche créée, 0 mise à jour, 1 laissée telle quelle.")


def test_the_command_line_labels_agree_with_the_window(english):
    from crm.domain import labels as cli_labels
    from crm.ui import labels

    for name, values in cli_labels.ENUMS.items():
        assert values == {k: labels.enum_label(name, k) for k in labels.ENUMS[name]}


def test_a_closed_introduction_reads_by_its_outcome(qtbot, desk, french):
    from crm.services import introductions, listing
    from crm.ui.models.table import display_value

    with desk.db.write() as s:
        intro = s.scalar(sa.select(Introduction.id))
        introductions.move(s, desk.user_id, intro, "closed", outcome="declined")
        rows = listing.rows_by_id(s, lists.INTRODUCTIONS, [intro])
    column = [c.key for c in lists.INTRODUCTIONS.columns].index("stage")
    kind = lists.INTRODUCTIONS.columns[column].kind
    assert display_value(kind, rows[0][column + 1]) == "Refusée"
    assert display_value(kind, "investment") == "Conclue"
    assert (
        display_value("enum:IntroductionStage", "closed") == "Terminée"
    )  # board column, stage box


def test_a_closed_card_on_the_board_reads_by_its_outcome(qtbot, desk, french):
    from crm.services import introductions
    from crm.ui.pages.board import BoardPage
    from crm.ui.tasks import TaskRunner

    with desk.db.write() as s:
        intro = s.scalar(sa.select(Introduction.id))
        introductions.move(s, desk.user_id, intro, "closed", outcome="declined")
    board = BoardPage(desk, TaskRunner())
    qtbot.addWidget(board)
    board.reload_now()
    assert board.card_ids("closed") == [intro]
    text = board.columns["closed"].item(0).text()
    assert "\nPartenariat · Refusée\n" in text and "terminée le " in text and "jour" not in text
    assert board.headers["closed"].text() == "Terminée (1)"
    assert board.stalled_header.text().startswith("Au point mort : ")  # as on the dashboard
    assert board.days_label.text() == "Au point mort après (jours)"


# --- layout at 1280×800 ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_fits_a_1280_pixel_window(qtbot, desk, tasks, lang):
    from crm.ui.i18n import Languages
    from crm.ui.main_window import PAGES, MainWindow

    languages = Languages()
    languages.apply(lang)
    try:
        window = MainWindow(desk, languages, tasks, remember_geometry=False)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        for name in PAGES:
            window.show_page(name)
            QApplication.processEvents()  # the layouts take the page in
            assert window.minimumSizeHint().width() <= 1280, name
            assert window.minimumSize().width() <= 1280, name
        tasks.wait()
    finally:
        languages.apply("en")


def test_dashboard_bars_are_never_shorter_than_their_labels(qtbot):
    from crm.ui.widgets.charts import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([(n, f"Organization {n}", n) for n in range(10)])
    line = chart.fontMetrics().height()
    assert chart.minimumSizeHint().height() >= 10 * line
    chart.resize(400, 170)  # squeezed: the rows keep a line's height (the page scrolls)
    tops = [chart.bar_rect(n).top() for n in range(10)]
    assert min(b - a for a, b in itertools.pairwise(tops)) >= line


def test_the_search_popup_shows_subtitles_without_sideways_scrolling(qtbot, desk, english):
    from crm.ui.widgets.search import SearchBox

    box = SearchBox(desk.db)
    qtbot.addWidget(box)
    box.resize(320, 24)
    box.show()
    box.setText("bo")
    box.run_search()
    popup = box.popup
    assert popup.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert popup.width() >= 640
    assert popup.columnWidth(0) < popup.width() * 0.6  # room left for "CRO · Boston"
    popup.hide()


def test_a_theme_switch_reaches_widgets_already_on_screen(qtbot, native_look):
    from crm.ui.resources import style_sheet

    app = native_look
    app.setStyleSheet(style_sheet())
    try:
        label = QLabel("Tableau de bord")
        qtbot.addWidget(label)
        label.show()
        theme.apply(app, "dark")
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == "#e6e6e6"
    finally:
        app.setStyleSheet("")


@pytest.mark.parametrize("kind", ["IntroductionEditor", "FollowUpEditor"])
def test_a_multiline_label_is_level_with_its_box(qtbot, desk, english, kind):
    """Also when the form is shorter than the dialog (a follow-up): the spare height goes
    below the fields, never between a label and its box."""
    from PySide6.QtWidgets import QPlainTextEdit

    from crm.ui.dialogs import records

    editor = getattr(records, kind)(desk)
    qtbot.addWidget(editor)
    editor.resize(editor.width(), 1000)
    editor.show()
    QApplication.processEvents()
    box = editor.widgets["notes"]
    assert isinstance(box, QPlainTextEdit)
    label = editor.form_labels["notes"]
    label_text_top = label.mapTo(editor, label.contentsRect().topLeft()).y()
    first_line_top = box.mapTo(editor, box.viewport().geometry().topLeft()).y()
    first_line_top += round(box.document().documentMargin())
    assert abs(label_text_top - first_line_top) <= 2


def test_the_main_window_title_names_the_desk_once(qtbot, desk, tasks, french):
    from crm.ui.main_window import MainWindow

    window = MainWindow(desk, french, tasks, remember_geometry=False)
    qtbot.addWidget(window)
    assert window.windowTitle() == "BIOQuébec · MassBio"  # "— Bureau de coopération" follows
    assert QApplication.applicationDisplayName() == "Bureau de coopération"
    tasks.wait()


def test_a_typed_contact_is_created_on_its_side_with_first_and_last_name(qtbot, desk, english):
    from crm.ui.dialogs.records import IntroductionEditor

    editor = IntroductionEditor(desk)
    qtbot.addWidget(editor)
    picker = editor.widgets["ma_contact_id"]
    offers = type_in_picker(qtbot, picker, "Mary Ann Lee")
    assert offers[-1] == "Create contact “Mary Ann Lee”"
    activate_last_offer(qtbot, picker)
    with desk.db.read() as s:
        person = s.scalar(sa.select(Contact).where(Contact.last_name == "Lee"))
    assert (person.first_name, person.territory) == ("Mary Ann", Territory.MA)
    assert picker.value() == person.id
