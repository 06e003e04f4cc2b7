"""Light or dark: the desk follows the system's colour scheme unless Preferences say otherwise.

The choice (`system`, `light` or `dark`) is kept in `settings.THEME`; `CRM_THEME`
(`light` or `dark`) overrides it for one run (screenshots). Qt's own palette is kept the
first time a theme is applied, so "light" on a light system gives back the native look.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from crm.ui import settings

CHOICES = ("system", "light", "dark")


def saved_choice() -> str:
    value = settings.THEME.get()
    return value if value in CHOICES else "system"


def save_choice(choice: str) -> None:
    settings.THEME.set(choice if choice in CHOICES else "system")


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective(choice: str) -> str:
    """`light` or `dark` for a choice (the environment's `CRM_THEME` first)."""
    forced = os.environ.get("CRM_THEME", "")
    if forced in ("light", "dark"):
        return forced
    if choice == "system":
        return "dark" if system_is_dark() else "light"
    return choice if choice in CHOICES else "light"


def apply(app: QApplication, choice: str | None = None) -> str:
    """Apply a choice (default: the saved one) and return the look now shown."""
    if app.property("deskNativeStyle") is None:
        app.setProperty("deskNativeStyle", app.style().name())
        app.setProperty("deskNativePalette", app.palette())
        # The system may switch while the desk runs: follow it when the choice is "system".
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
    look = effective(saved_choice() if choice is None else choice)
    if look == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif system_is_dark():  # light asked on a dark desktop: the native palette is dark
        app.setStyle("Fusion")
        app.setPalette(light_palette())
    else:
        app.setStyle(str(app.property("deskNativeStyle")))
        app.setPalette(app.property("deskNativePalette"))
    app.setProperty("deskLook", look)
    sheet = app.styleSheet()
    if sheet:  # a style sheet keeps the old palette's colours until it is set again
        app.setStyleSheet(sheet)
    return look


def light_palette() -> QPalette:
    return _palette(
        {
            QPalette.ColorRole.Window: "#efefef",
            QPalette.ColorRole.WindowText: "#000000",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f7f7f7",
            QPalette.ColorRole.ToolTipBase: "#ffffdc",
            QPalette.ColorRole.ToolTipText: "#000000",
            QPalette.ColorRole.PlaceholderText: "#7f7f7f",
            QPalette.ColorRole.Text: "#000000",
            QPalette.ColorRole.Button: "#efefef",
            QPalette.ColorRole.ButtonText: "#000000",
            QPalette.ColorRole.BrightText: "#ffffff",
            QPalette.ColorRole.Highlight: "#308cc6",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#0000ff",
            QPalette.ColorRole.Mid: "#b8b8b8",
            QPalette.ColorRole.Dark: "#9f9f9f",
            QPalette.ColorRole.Light: "#ffffff",
        },
        disabled="#8c8c8c",
    )


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark themes."""
    return _palette(
        {
            QPalette.ColorRole.Window: "#2b2d30",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#1e1f22",
            QPalette.ColorRole.AlternateBase: "#26282b",
            QPalette.ColorRole.ToolTipBase: "#3c3f41",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.PlaceholderText: "#8c8c8c",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#3c3f41",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.BrightText: "#ff6b6b",
            QPalette.ColorRole.Highlight: "#2f65ca",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#7aa7ff",
            QPalette.ColorRole.Mid: "#4a4d50",
            QPalette.ColorRole.Dark: "#1a1b1d",
            QPalette.ColorRole.Light: "#505356",
        },
        disabled="#7a7a7a",
    )


def _palette(roles: dict[QPalette.ColorRole, str], *, disabled: str) -> QPalette:
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


# --- colours that say something (overdue, stalled), readable on the light and dark looks ---

#: (light look, dark look) of each signal colour.
SIGNALS = {
    "alert": ("#c0392b", "#ff7b6b"),  # overdue: red
    "warning": ("#a04000", "#f0a35a"),  # stalled: amber
}


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """Whether a palette (default: the application's) paints light text on a dark base."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def signal_color(name: str, palette: QPalette | None = None) -> QColor:
    """The colour for `name` in `SIGNALS` that reads on this palette's base."""
    light, dark = SIGNALS[name]
    return QColor(dark if palette_is_dark(palette) else light)
