"""`InferredFields`: the editor fields that follow what the other fields tell.

A territory or a language is inferred (by the service's `infer`) from the province or state,
the country, the city or the organization while the user has not chosen it; an "(inferred)"
or "(nothing tells yet)" hint beside the field says so. Choosing a value in the field makes it
the user's. A mixin of `RecordEditor` (crm.ui.dialogs.editor), which owns the widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from crm.ui.kinds import SERVICES
from crm.ui.widgets.picker import RecordPicker

if TYPE_CHECKING:
    from crm.ui.context import DeskContext


class InferredFields:
    """The inference part of an editor; the editor sets `following`, `_told`, `_inferring`
    and `hints` up before building its form."""

    # Fields inferred from the others while the user has not chosen them (see `infer`).
    inferred_fields: tuple[str, ...] = ()
    # The fields they are inferred from: a change there infers them again.
    inferred_from: tuple[str, ...] = ("region", "country", "city", "organization_id")

    kind: str
    ctx: DeskContext
    widgets: dict[str, QWidget]
    hints: dict[str, QLabel]
    following: set[str]  # the inferred fields still following the inference
    _told: dict[str, bool]  # following field -> whether something tells it
    _inferring: bool

    if TYPE_CHECKING:

        def values(self) -> dict[str, Any]: ...
        def widget_value(self, name: str) -> Any: ...
        def set_widget_value(self, name: str, value: Any, title: str = "") -> None: ...

    def _with_hint(self, name: str, widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        hint = QLabel(cast(QWidget, self), objectName=f"inferred_{name}")
        hint.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        row.addWidget(hint)
        row.addStretch(1)  # the field keeps its width whatever the hint says
        self.hints[name] = hint
        if isinstance(widget, QComboBox):
            # `activated` is the user's choice only: from then on the field is theirs.
            widget.activated.connect(lambda _i, n=name: self._chosen(n))
        return row

    def _watch_inputs(self) -> None:
        if not self.inferred_fields:
            return
        for name in self.inferred_from:
            widget = self.widgets.get(name)
            if isinstance(widget, RecordPicker):
                widget.changed.connect(self.refresh_inferred)
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.refresh_inferred)
        for name in self.inferred_fields:
            combo = self.widgets[name]
            if isinstance(combo, QComboBox):
                # A chosen territory tells the language: the others follow it.
                combo.activated.connect(lambda _i: self.refresh_inferred())

    def _chosen(self, name: str) -> None:
        self.following.discard(name)
        self._show_hints()

    def inferred(self) -> dict[str, Any]:
        """What the service infers from the fields as they are (None where nothing tells);
        the fields still following the inference count as blank."""
        service = SERVICES[self.kind]
        if service.infer is None:
            return {}
        values = self.values()
        for name in self.following:
            values[name] = None
        with self.ctx.db.read() as session:
            inferred: dict[str, Any] = service.infer(session, values)
        return inferred

    def refresh_inferred(self) -> None:
        """Set each field still following the inference to what it tells (else to the
        service's start value) and say so beside it."""
        if not self.following or self._inferring:
            return
        self._inferring = True
        try:
            found = self.inferred()
            starts = SERVICES[self.kind].start_values(self.ctx.user_id)
            self._told = {n: found.get(n) is not None for n in self.following}
            for name in self.following:
                value = found.get(name)
                self.set_widget_value(name, value if value is not None else starts.get(name))
        finally:
            self._inferring = False
        self._show_hints()

    def _follow_if_inferred(self) -> None:
        """A loaded record's field follows the inference when its value is what the others
        tell (so changing the city changes it too, in sight); a value that differs was chosen."""
        self.following = set()
        if not self.inferred_fields:
            return
        found = self.inferred()
        self.following = {
            n for n in self.inferred_fields
            if found.get(n) is not None and self.widget_value(n) == found.get(n)
        }  # fmt: skip
        self._told = dict.fromkeys(self.following, True)
        self._show_hints()

    def _show_hints(self) -> None:
        told = self._told
        for name, hint in self.hints.items():
            if name not in self.following:
                hint.hide()
                continue
            if told.get(name):
                hint.setText(QCoreApplication.translate("RecordEditor", "(inferred)"))
                hint.setToolTip(QCoreApplication.translate(
                    "RecordEditor",
                    "Inferred from what is typed (province or state, country, city, organization); "
                    "choose another value to set it yourself.",
                ))  # fmt: skip
            else:
                hint.setText(QCoreApplication.translate("RecordEditor", "(nothing tells yet)"))
                hint.setToolTip(QCoreApplication.translate(
                    "RecordEditor",
                    "Nothing typed tells it yet: it will be inferred from the province or state, "
                    "the country or the city, or choose a value.",
                ))  # fmt: skip
            hint.show()

    def is_inferred(self, name: str) -> bool:
        """Whether the field shows an inferred value (for tests and automation)."""
        return name in self.following and self._told.get(name, False)
