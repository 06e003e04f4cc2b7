"""An editor's form fields: `FieldDef` (a field and its kind), the widget that edits each
kind, and reading or showing a value in it. Used by `RecordEditor` (crm.ui.dialogs.editor).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from crm.services import staff
from crm.ui import labels
from crm.ui.widgets.datefield import DateField, TimeField
from crm.ui.widgets.picker import RecordPicker

if TYPE_CHECKING:
    from crm.ui.context import DeskContext


@dataclass(frozen=True)
class FieldDef:
    """One form field: `kind` is text, multiline, int, bool, date, time, enum:<Name>, staff, or a
    record kind to pick (organization, contact, introduction, event)."""

    name: str
    label: str  # English source in the "Fields" translation context
    kind: str = "text"


def make_widget(
    parent: QWidget, ctx: DeskContext, fdef: FieldDef, required: bool = False
) -> QWidget:
    """The widget that edits a field of this kind (`required`: a date that cannot be blank)."""
    kind = fdef.kind
    if kind == "multiline":
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(90)
        return edit
    if kind == "bool":
        return QCheckBox(parent)
    if kind == "date":
        return DateField(parent, required=required)
    if kind == "time":
        return TimeField(parent)
    if kind.startswith("enum:"):
        combo = QComboBox(parent)
        if fdef.name == "outcome":
            combo.addItem("—", None)
        for value, text in labels.enum_choices(kind[5:]):
            combo.addItem(text, value)
        return combo
    if kind == "staff":
        combo = QComboBox(parent)
        combo.addItem("—", None)
        with ctx.db.read() as session:
            for user_id, name in staff.choices(session):
                combo.addItem(name, user_id)
        return combo
    if kind in ("organization", "contact", "introduction", "event"):
        # What is typed and not found can be created, on the side the field stands for.
        side = {"qc_": {"territory": "QC"}, "ma_": {"territory": "MA"}}.get(fdef.name[:3], {})
        return RecordPicker(ctx.db, kind, parent, actor_id=ctx.user_id, create_values=side)
    return QLineEdit(parent)


def widget_value(widget: QWidget) -> Any:
    """What the widget holds, as the services take it (text stripped, None when unset)."""
    if isinstance(widget, RecordPicker):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, DateField | TimeField):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    assert isinstance(widget, QLineEdit)
    return widget.text().strip()


def set_widget_value(
    widget: QWidget, value: Any, title: str, title_of: Callable[[str, int | None], str]
) -> None:
    """Show `value` in the widget; a picked record shows `title`, else `title_of(kind, id)`."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(widget, RecordPicker):
        widget.set_value(value, title or title_of(widget.kind, value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, DateField | TimeField):
        widget.set_value(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
