"""Settings keys declared once, read back in their type; geometry saved one way."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from crm.ui import settings


def test_a_key_reads_back_its_type_or_its_default(qapp):
    assert settings.STALLED_DAYS.get() == settings.STALLED_DAYS.default
    settings.STALLED_DAYS.set(12)
    assert settings.STALLED_DAYS.get() == 12
    QSettings().setValue("board/stalled_days", "not a number")
    assert settings.STALLED_DAYS.get() == settings.STALLED_DAYS.default
    settings.LIST_DESCENDING.set(True, kind="contact")
    assert settings.LIST_DESCENDING.get(kind="contact") is True
    assert settings.LIST_DESCENDING.get(kind="event") is False
    settings.LIST_FILTERS.set({"territory": "QC"}, kind="contact")
    assert settings.LIST_FILTERS.get(kind="contact") == {"territory": "QC"}
    QSettings().setValue("lists/contact/v2/filters", "[1, 2]")
    assert settings.LIST_FILTERS.get(kind="contact") == {}


def test_the_stored_names_are_those_earlier_versions_wrote(qapp):
    settings.LANGUAGE.set("fr")
    assert QSettings().value("language") == "fr"
    settings.LIST_SORT.set("name", kind="organization")
    assert QSettings().value("lists/organization/v2/sort") == "name"
    assert settings.GEOMETRY.key(name="dialogs/contact") == "dialogs/contact/geometry"


def test_geometry_is_saved_and_restored_one_way(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    assert settings.restore_geometry(widget, "dialogs/test") is False
    widget.resize(432, 321)
    settings.save_geometry(widget, "dialogs/test")
    other = QWidget()
    qtbot.addWidget(other)
    assert settings.restore_geometry(other, "dialogs/test") is True
    assert (other.width(), other.height()) == (432, 321)
