"""`RecordPage`: one organization, contact, introduction or event on a page of the main
window, beside its lists (not a modal dialog); `crm.ui.navigation` opens it, once per record.

From top to bottom: Back and the record's name; its key facts (territory badge, membership,
language, consent; for an introduction its stage and both parties' consents) and the records
it points at, as links; the actions bar; then its fields, editable in place, beside its
timeline and its related records (links a click opens).

The fields are the record's editor (`crm.ui.dialogs.records`) embedded (`embedded=True`):
the same validation, the same Save through `crm.ui.operations` with the version read (a stale
copy is refused, then reloaded or overwritten as the user chooses), the same stage workflow
for an introduction. Ctrl+S saves (the window's "Save the record"), Esc reverts the changes,
or goes back when there are none.

The header and the related records are read off the GUI thread (`reload`), and again after a
write that may touch them; the fields re-read the record when it changed elsewhere while the
user has not started editing it (else their Save meets the stale check).

The timeline has its place: `set_timeline(widget)`; `default_timeline()` is what a page
starts with (an introduction's stage history for now).

Signals: `openRequested(str kind, int id)` (a link), `followUpRequested(str kind, int id)`,
`backRequested()` (Esc with nothing to revert), `trashed(str kind, int id)` once the record
went to the trash from here, `loaded()` once its header and links are on screen,
`attentionRequested()` when a Save started before the user left the page failed (the page
wants to be seen again, with what was refused).
"""

from __future__ import annotations

from contextlib import suppress
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain import fields
from crm.domain.enums import IntroductionStage
from crm.domain.errors import NotFound
from crm.services import related
from crm.ui import labels
from crm.ui.changes import Changes, changes
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.kinds import ICONS
from crm.ui.menus import RECORD_KEYS as KEYS
from crm.ui.resources import icon
from crm.ui.tasks import TaskRunner
from crm.ui.widgets.flow import FlowLayout
from crm.ui.widgets.record_links import RecordLinks

ENTITIES = {
    "organization": fields.ORGANIZATION,
    "contact": fields.CONTACT,
    "introduction": fields.INTRODUCTION,
    "event": fields.EVENT,
}

# The header's facts of each kind: (fact, the entity whose field labels it, its vocabulary;
# None for a name or a yes-only flag).
FACTS: dict[str, tuple[tuple[str, fields.Entity, str | None], ...]] = {
    "organization": (
        ("kind", fields.ORGANIZATION, "OrganizationKind"),
        ("membership", fields.ORGANIZATION, "Membership"),
    ),
    "contact": (
        ("membership", fields.ORGANIZATION, "Membership"),
        ("language", fields.CONTACT, "Language"),
        ("share_with_partners", fields.CONTACT, "Consent"),
        ("do_not_contact", fields.CONTACT, None),
    ),
    "introduction": (
        ("stage", fields.INTRODUCTION, "IntroductionStage"),  # with the outcome, once closed
        ("qc_consent", fields.INTRODUCTION, "Consent"),
        ("ma_consent", fields.INTRODUCTION, "Consent"),
        ("purpose", fields.INTRODUCTION, "IntroductionPurpose"),
        ("owner", fields.INTRODUCTION, None),
    ),
    "event": (("kind", fields.EVENT, "EventKind"),),
}
# A fact's field in the catalogue, where its name differs.
FACT_FIELDS = {"owner": "owner_id"}
# Consents and a do-not-contact flag are coloured by their answer.
ANSWERS = ("share_with_partners", "qc_consent", "ma_consent", "do_not_contact")


def fact_label(name: str, entity: fields.Entity) -> str:
    return QCoreApplication.translate("Fields", entity.field(FACT_FIELDS.get(name, name)).label)


def chip(parent: QWidget, name: str) -> QLabel:
    """A small rounded label of the header (style.qss colours it by its `chip` property)."""
    label = QLabel(parent, objectName=f"fact_{name}")
    label.setProperty("role", "chip")
    return label


class RecordPage(QWidget):
    openRequested = Signal(str, int)
    followUpRequested = Signal(str, int)
    backRequested = Signal()
    trashed = Signal(str, int)
    loaded = Signal()
    attentionRequested = Signal()

    def __init__(
        self,
        ctx: DeskContext,
        kind: str,
        record_id: int,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from crm.ui.dialogs.records import EDITORS

        super().__init__(parent)
        self.setObjectName(f"{kind}Page")
        self.ctx = ctx
        self.kind = kind
        self.record_id = record_id
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.summary: related.Summary | None = None
        self.stale = True
        self._loading = 0
        self._generation = 0

        # --- the header: Back, name, facts, what the record points at
        self.back_button = QToolButton(self, objectName="recordBack")
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.backRequested)
        self.kind_icon = QLabel(self)
        self.kind_icon.setPixmap(icon(ICONS.get(kind, kind)).pixmap(28, 28))
        self.title = QLabel(self, objectName="recordTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self, objectName="recordSubtitle")
        for label in (self.title, self.subtitle):  # a long name wraps, never widens the window
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.trash_note = QLabel(self, objectName="recordTrashed")
        self.trash_note.setProperty("role", "error")
        self.trash_note.hide()
        self.territory = chip(self, "territory")
        self.facts: dict[str, QLabel] = {name: chip(self, name) for name, *_ in FACTS[kind]}
        self.points_at = QLabel(self, objectName="recordPointsAt")
        self.points_at.setTextFormat(Qt.TextFormat.RichText)
        self.points_at.setWordWrap(True)
        self.points_at.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.points_at.linkActivated.connect(self._link)

        # --- the actions bar
        self.actions_bar = QToolBar(self, objectName="recordActions")
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_bar.setIconSize(self.actions_bar.iconSize() * 0.8)
        self.save_action = self._action("recordSave", "check", self.save)
        self.revert_action = self._action("recordRevert", "restore", self.revert)
        self.actions_bar.addSeparator()
        self.followup_action = self._action("recordNewFollowUp", "followup", self.new_followup)
        self.stage_menu: QMenu | None = None
        self.stage_action: QAction | None = None
        self.email_action: QAction | None = None
        if kind == "introduction":
            self.stage_menu = QMenu(self, objectName="recordStageMenu")
            self.stage_action = self._action("recordMoveStage", "introduction", self.ask_stage)
            button = self.actions_bar.widgetForAction(self.stage_action)
            assert isinstance(button, QToolButton)
            button.setMenu(self.stage_menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.email_action = self._action("recordDraftEmail", "edit", self.draft_email)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.actions_bar.addWidget(spacer)
        self.trash_action = self._action("recordTrash", "trash", self.move_to_trash)

        # --- the fields (the record's editor, embedded), the timeline, the related records
        self.form = EDITORS[kind](ctx, record_id, self, embedded=True)
        self.form.rejected.connect(self.escape)
        self.form.saved.connect(lambda _kind, _id: self._reread())
        self.form.deleted.connect(self.trashed)
        self.form.openRequested.connect(self.openRequested)
        self.timeline_box = QWidget(self, objectName="timelineSlot")
        self.timeline_layout = QVBoxLayout(self.timeline_box)
        self.timeline_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline: QWidget | None = None
        self.participants: Any = None
        self.links = RecordLinks(kind, self)
        self.links.openRequested.connect(self.openRequested)
        links_scroll = QScrollArea(self, objectName="recordLinksScroll")
        links_scroll.setWidgetResizable(True)
        links_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        links_scroll.setWidget(self.links)
        self.side = QSplitter(Qt.Orientation.Vertical, self, objectName="recordSide")
        self.side.addWidget(self.timeline_box)
        if kind == "event":
            from crm.ui.widgets.participants import ParticipantsPanel

            self.participants = ParticipantsPanel(ctx, record_id, self)
            self.participants.openRequested.connect(self.openRequested)
            self.participants.changed.connect(self._participants_changed)
            self.side.addWidget(self.participants)
        self.side.addWidget(links_scroll)
        self.side.setChildrenCollapsible(False)
        self.body = QSplitter(self, objectName="recordBody")
        self.body.addWidget(self.form)
        self.body.addWidget(self.side)
        self.body.setChildrenCollapsible(False)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 1)
        self.body.setSizes([520, 560])

        heading = QHBoxLayout()
        heading.addWidget(self.back_button)
        heading.addSpacing(8)
        heading.addWidget(self.kind_icon)
        heading.addWidget(self.title, 1)
        chips = FlowLayout()
        chips.addWidget(self.territory)
        for label in self.facts.values():
            chips.addWidget(label)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.trash_note)
        layout.addLayout(chips)
        layout.addWidget(self.points_at)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.body, 1)

        self.set_timeline(self.default_timeline())
        ctx.changes.changed.connect(self.refresh)
        self.retranslate()

    def add_actions(self, actions: list[QAction]) -> None:
        """Put the window's one-click actions on this record (log a call...) in the bar,
        after New follow-up."""
        before = self.actions_bar.actions()[
            self.actions_bar.actions().index(self.followup_action) + 1
        ]
        for action in actions:
            self.actions_bar.insertAction(before, action)

    def _action(self, name: str, icon_name: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), "", self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.actions_bar.addAction(action)
        return action

    # --- the timeline's place ----------------------------------------------------------------

    def default_timeline(self) -> QWidget | None:
        """The record's timeline: calls, stage changes, follow-ups, events, imports, partner
        files and edits, newest first (crm.ui.widgets.timeline)."""
        from crm.ui.widgets.timeline import TimelineView

        view = TimelineView(self.ctx, self.tasks, self.kind, self.record_id, self)
        view.openRequested.connect(self.openRequested)
        return view

    def set_timeline(self, widget: QWidget | None) -> None:
        """Put `widget` in the timeline's place (None: no timeline; the place is hidden)."""
        if self.timeline is not None:
            self.timeline_layout.removeWidget(self.timeline)
            self.timeline.deleteLater()
        self.timeline = widget
        if widget is not None:
            widget.setParent(self.timeline_box)
            self.timeline_layout.addWidget(widget)
            widget.show()  # a widget given a shown parent stays hidden until asked
        self.timeline_box.setVisible(widget is not None)

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        native = QKeySequence.SequenceFormat.NativeText

        def say(action: QAction | None, text: str, key: str = "") -> None:
            if action is None:
                return
            action.setText(text)
            keys = QKeySequence(KEYS[key]).toString(native) if key else ""
            action.setToolTip(f"{text.rstrip('…')} ({keys})" if keys else text.rstrip("…"))

        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(
            f"{self.tr('Back')} ({QKeySequence(KEYS['back']).toString(native)})"
        )
        say(self.save_action, self.tr("Save"), "save_record")
        say(self.revert_action, self.tr("Revert"))
        self.revert_action.setToolTip(self.tr("Undo your changes to the fields (Esc)"))
        say(self.followup_action, self.tr("New follow-up…"), "new_followup")
        say(self.stage_action, self.tr("Move to stage…"), "move_stage")
        say(self.email_action, self.tr("Draft the email…"), "draft_email")
        say(self.trash_action, self.tr("Move to trash"))
        self.trash_note.setText(
            self.tr("This record is in the trash: restore it from the Trash page to edit it.")
        )
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- reading -----------------------------------------------------------------------------

    def activate(self) -> None:
        if self.stale:
            self._reread()

    def is_loaded(self) -> bool:
        return not self.stale and not self._loading

    def reload(self) -> None:
        """Read the header and the related records off the GUI thread."""
        self.stale = False
        self._loading += 1
        self._generation += 1
        generation, db, kind, record_id = self._generation, self.ctx.db, self.kind, self.record_id

        def read() -> tuple[related.Summary, list[related.RelatedRow]]:
            with db.read() as session:
                return related.summary(session, kind, record_id), related.related(
                    session, kind, record_id
                )

        def done(result: tuple[related.Summary, list[related.RelatedRow]]) -> None:
            self._loading -= 1
            if generation != self._generation:
                return
            self.summary, rows = result
            self._show_summary()
            self.links.set_rows(rows)
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            self._loading -= 1
            if not isinstance(exc, NotFound):
                self.subtitle.setText(error_text(exc))
                return
            self.summary = None  # erased meanwhile: nothing left to edit
            self.trash_note.show()
            self._set_editable(False)

        self.tasks.run(read, done, failed)

    def refresh(self, done: Changes) -> None:
        """After a write elsewhere: re-read what it may have changed."""
        if done.source is self.form:
            return  # the form's own Save: its `saved` reloads the page
        self.stale = True
        if not self.form.is_dirty():  # else the user's Save meets the stale check
            with suppress(NotFound):  # in the trash: the header says so
                self.form.load()
        if self.isVisible():
            self._reread()

    def _reread(self) -> None:
        """The header, the related records and the timeline, read again."""
        self.reload()
        if self.timeline is not None and hasattr(self.timeline, "reload"):
            self.timeline.reload()

    def _show_summary(self) -> None:
        head = self.summary
        if head is None:
            self.title.setText(self.form.windowTitle())
            return
        self.title.setText(head.title)
        self.subtitle.setText(head.subtitle)
        self.subtitle.setVisible(bool(head.subtitle))
        self.trash_note.setVisible(head.trashed)
        self._set_editable(not head.trashed)
        territory = head.facts.get("territory")
        self.territory.setVisible(territory is not None)
        if territory is not None:
            name = labels.enum_label("Territory", territory)
            self.territory.setText(name if territory == "OTHER" else f"{territory} · {name}")
            self.territory.setProperty("chip", territory)
            self.territory.setToolTip(fact_label("territory", ENTITIES[self.kind]))
            self._restyle(self.territory)
        for name, entity, enum in FACTS[self.kind]:
            label = self.facts[name]
            value = head.facts.get(name)
            label.setVisible(value is not None)
            if value is None:
                continue
            shown = labels.enum_label(enum, value) if enum else value
            if name == "stage" and "outcome" in head.facts:
                shown += f" ({labels.enum_label('IntroductionOutcome', head.facts['outcome'])})"
            if name == "do_not_contact":
                label.setText(fact_label(name, entity))
            else:
                label.setText(labels.labelled(fact_label(name, entity), shown))
            label.setProperty("chip", value if name in ANSWERS else "")
            self._restyle(label)
        self.points_at.setText(self._points_at_html(head))
        self.points_at.setVisible(bool(head.links))
        if self.stage_menu is not None:
            self._fill_stage_menu(head.facts.get("stage"))

    def _points_at_html(self, head: related.Summary) -> str:
        def a(role: str) -> str:
            link = head.links.get(role)
            if link is None:
                return ""
            return f'<a href="{link.kind}:{link.id}">{escape(link.title)}</a>'

        def line(label: str, *roles: str) -> str:
            shown = " · ".join(p for p in (a(r) for r in roles) if p)
            return labels.labelled(escape(label), shown) if shown else ""

        entity = ENTITIES[self.kind]
        if self.kind == "contact":
            lines = [line(fact_label("organization_id", entity), "organization")]
        elif self.kind == "introduction":
            lines = [
                line(self.tr("Québec party"), "qc_organization", "qc_contact"),
                line(self.tr("Massachusetts party"), "ma_organization", "ma_contact"),
                line(fact_label("introducer_contact_id", entity), "introducer"),
                line(fact_label("event_id", entity), "event"),
            ]
        else:
            lines = []
        return "<br>".join(p for p in lines if p)

    @staticmethod
    def _restyle(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)

    def _set_editable(self, editable: bool) -> None:
        self.form.setEnabled(editable)
        for action in (self.save_action, self.revert_action, self.followup_action,
                       self.stage_action, self.email_action, self.trash_action):  # fmt: skip
            if action is not None:
                action.setEnabled(editable)

    # --- commands ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+S: write the changed fields (see `RecordEditor.save`)."""
        started = self.form.save()
        task = self.form.save_task
        if started and task is not None and task.running:
            task.finished.connect(self._save_back)
        return started

    def _save_back(self) -> None:
        if self.form.save_failure is not None and not self.isVisible():
            self.attentionRequested.emit()

    def busy(self) -> bool:
        """Whether a read or a write of this page is under way."""
        writes = (self.form.save_task, self.form.trash_task)
        return bool(self._loading) or any(t is not None and t.running for t in writes)

    def revert(self) -> None:
        """Put the fields back as stored (what the user typed is dropped)."""
        self.form.load()

    def escape(self) -> None:
        """Esc: revert the fields when they were changed, else go back."""
        if self.form.is_dirty():
            self.revert()
        else:
            self.backRequested.emit()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape()
            return
        super().keyPressEvent(event)

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def focus_first_field(self) -> None:
        """The keyboard in the first field, its text kept (not selected: a key typed by
        mistake must not replace it)."""
        self.form.focus_first_field()
        first = self.form.widgets[self.form.field_defs[0].name]
        if isinstance(first, QLineEdit):
            first.deselect()
            first.home(False)  # a long title shows its beginning

    def new_followup(self) -> None:
        self.followUpRequested.emit(self.kind, self.record_id)

    def move_to_trash(self) -> None:
        self.form.move_to_trash()

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        self.openRequested.emit(kind, int(value))

    def _participants_changed(self) -> None:
        # Participants and the introductions of meetings are written at once.
        self.ctx.changes.announce(changes({"event", "introduction"}, source=self))
        self.reload()

    # --- an introduction's stage and email ---------------------------------------------------

    def _fill_stage_menu(self, current: str | None) -> None:
        assert self.stage_menu is not None
        self.stage_menu.clear()
        for stage in IntroductionStage:
            action = self.stage_menu.addAction(labels.enum_label("IntroductionStage", stage.value))
            action.setObjectName(f"stage_{stage.value}")
            action.setEnabled(stage.value != current)
            action.triggered.connect(lambda _=False, s=stage.value: self.move_to(s))

    def ask_stage(self) -> QMenu | None:
        """Ctrl+M: the stages to move the introduction to, under the actions bar's button."""
        if self.stage_menu is None or self.stage_action is None:
            return None
        button = self.actions_bar.widgetForAction(self.stage_action)
        self.stage_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        return self.stage_menu

    def move_to(self, stage: str) -> bool:
        """Move the introduction to `stage`: the form's Save asks what a move asks (warnings,
        outcome, note, suggested follow-ups) and writes it with the other changes."""
        if self.kind != "introduction":
            return False
        self.form.set_widget_value("stage", stage)
        if not self.form.save():
            self.form.set_widget_value("stage", self.form.loaded_values.get("stage"))
            return False
        return True

    def draft_email(self) -> Any:
        """Ctrl+Shift+W: the bilingual introduction email (consent requests, introduction)."""
        if self.kind != "introduction":
            return None
        from crm.ui.dialogs.email_dialog import EmailDialog

        dialog = EmailDialog(self.ctx, self.record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
