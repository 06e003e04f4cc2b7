"""`DeskPage`: what every page of the main window is, and the one order it is built in.

Every page is built as `Page(ctx, tasks=None, parent=None)` (no task runner: it makes its
own) and the main window talks to it only through this interface:

- `activate()` when it is shown, `refresh(changes)` after a write (see
  `crm.ui.operations.Changes`: a page re-reads only when a kind it `shows` changed; the page
  listens to `ctx.changes` itself), `mark_stale()` when anything may have changed,
  `is_loaded()` (screenshot mode), `retranslate()`, `save_state()` on close;
- the commands of the menus: `delete_selected()` (the Delete key), `focus_filter()`,
  `export_list()`, `show_filtered(filters)`, `selection()`; `new_kind()` is what Ctrl+N
  creates here (None: nothing);
- `write(fn, kinds=..., ...)`: the page's writes, through `crm.ui.operations.write`.

Signals: `openRequested(str kind, int id)`, `editRequested(str kind, int id)`,
`followUpRequested(str kind, int id)`, `newRequested(str kind)`, `listRequested(str page,
dict filters)`, `loaded()` when its rows are on screen; from an empty page's first actions
(`crm.ui.widgets.empty`): `importRequested(str entity)` (a CSV import of organizations,
contacts or participants) and `demoRequested()` (load the demo data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from crm.ui import operations
from crm.ui.context import DeskContext
from crm.ui.operations import KINDS, Changes, Failed
from crm.ui.tasks import Task, TaskRunner


class DeskPage(QWidget):
    """Base of the pages; subclasses define `reload()` (or override `activate`)."""

    openRequested = Signal(str, int)
    editRequested = Signal(str, int)
    followUpRequested = Signal(str, int)
    newRequested = Signal(str)
    listRequested = Signal(str, dict)
    importRequested = Signal(str)
    demoRequested = Signal()
    loaded = Signal()

    #: The record kinds this page shows (a write that changed none of them leaves it alone).
    shows: frozenset[str] = KINDS
    #: Whether File > Export this list exports this page's rows (else the contacts').
    exports_csv = False

    #: The window's one-click actions on a selected record (log a call...), which a page
    #: with a selection offers in its context menu; set by the window.
    record_actions: list[Any] = []
    stale: bool = True
    _loading: int = 0
    _generation: int = 0

    def __init__(
        self, ctx: DeskContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.stale = True
        self._loading = 0
        ctx.changes.changed.connect(self.refresh)

    # --- reading -----------------------------------------------------------------------------

    def _fresh(self) -> int:
        """The number of the reload starting now. Reads run on two pool threads, so an older
        reload may come back after a newer one: `_loaded` drops what is not the latest."""
        self._generation += 1
        return self._generation

    def reload(self) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        if self.stale:
            self.reload()

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.activate()

    def refresh(self, changes: Changes) -> None:
        """After a write: re-read if it changed what this page shows (its own writes re-read
        in their `on_done`)."""
        if changes.source is not self and changes.touches(self.shows):
            self.mark_stale()

    def is_loaded(self) -> bool:
        return not self.stale and not self._loading

    def retranslate(self) -> None:
        """Say the page's texts again (the language changed)."""

    def save_state(self) -> None:
        """Remember the page's layout (on close); most pages keep none."""

    # --- commands ----------------------------------------------------------------------------

    def new_kind(self) -> str | None:
        """The kind of record Ctrl+N creates on this page (None: none here)."""
        return "organization"

    def selection(self) -> list[tuple[str, int]]:
        """(kind, id) of the selected records."""
        return []

    def delete_selected(self) -> None:
        """The Delete key: the selection goes to the trash (where there is one)."""

    def focus_filter(self) -> None:
        """Ctrl+F: the page's filter box, when it has one."""

    def export_list(self) -> Any:
        """Open the CSV export over this page's rows; None when it exports nothing."""
        return None

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """Show the rows these filter choices select (a page without filters shows all)."""
        self.activate()

    def empty_action(self, key: str) -> None:
        """An empty page's button: `new` (this page's kind), `import`, `demo`."""
        kind = self.new_kind()
        if key == "new" and kind:
            self.newRequested.emit(kind)
        elif key == "import":
            self.importRequested.emit("organizations" if kind == "organization" else "contacts")
        elif key == "demo":
            self.demoRequested.emit()

    def offers_demo(self) -> bool:
        """Whether an empty page offers the demo data: only while the database holds none
        of the records the demo writes (else loading it would be refused)."""
        from crm.services.first_start import holds_records

        with self.ctx.db.read() as session:
            return not holds_records(session)

    # --- writing -----------------------------------------------------------------------------

    def write(
        self,
        fn: Callable[[Any, int], Any],
        *,
        kinds: Iterable[str],
        error_title: str,
        on_done: Callable[[Any], Any] | None = None,
        on_failed: Callable[[Failed], bool] | None = None,
        announce: Callable[[Any], Changes | None] | None = None,
    ) -> Task:
        """`fn(session, actor_id)` through `crm.ui.operations.write`."""
        return operations.write(
            self,
            self.ctx,
            self.tasks,
            fn,
            kinds=kinds,
            error_title=error_title,
            on_done=on_done,
            on_failed=on_failed,
            announce=announce,
        )
