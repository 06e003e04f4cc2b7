"""The interface language: which one to use, loading its translations, telling windows.

`Languages.apply(lang)` installs the desk's `crm_<lang>.qm` and Qt's own `qtbase_<lang>.qm`
(standard buttons, context menus), sets the default locale for dates and numbers, and emits
`changed(str)`. Qt then sends every widget a LanguageChange event: widgets re-label
themselves in `changeEvent` (the retranslateUi pattern).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from crm.ui import labels, settings
from crm.ui.resources import TRANSLATIONS

SUPPORTED = ("fr", "en")
LOCALES = {"fr": QLocale(QLocale.Language.French, QLocale.Country.Canada),
           "en": QLocale(QLocale.Language.English, QLocale.Country.Canada)}  # fmt: skip


def tr(text: str, comment: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject: pyside6-lupdate files bare `tr()` calls in the empty context."""
    return QCoreApplication.translate("", text, comment, n)


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def choose_language(requested: str | None) -> str:
    """The language asked on the command line, else the saved preference, else the system's."""
    if requested in SUPPORTED:
        return requested
    saved = settings.LANGUAGE.get()
    if saved in SUPPORTED:
        return saved
    return system_language()


class Languages(QObject):
    """Signals: `changed(str)` with the language code after a switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = "en"
        self._translators: list[QTranslator] = []

    def apply(self, lang: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        # English is the source language; its file only holds plural forms ("1 record").
        desk = QTranslator(self)
        if desk.load(f"crm_{lang}", str(TRANSLATIONS)):
            self._translators.append(desk)
        if lang != "en":
            qt = QTranslator(self)
            if qt.load(
                f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._translators.append(qt)
        for translator in self._translators:
            app.installTranslator(translator)
        QLocale.setDefault(LOCALES.get(lang, LOCALES["en"]))
        if isinstance(app, QGuiApplication):  # it ends every window title
            app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation desk"))
        labels.clear_cache()
        self.current = lang
        self.changed.emit(lang)

    def save(self, lang: str) -> None:
        settings.LANGUAGE.set(lang)
