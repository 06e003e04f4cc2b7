"""Saved views in the window: save the current list's view under a name, rename and delete
one from the sidebar (writes through `crm.ui.operations`, announced as the `view` change,
which the sidebar re-reads), and read them for the sidebar.

The views themselves are `crm.services.saved_views` (one table, per staff user); a list
page gives its view with `ListPage.current_view()` and shows one with `apply_view(view)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from crm.services import saved_views
from crm.ui import messages, operations
from crm.ui.changes import Changes
from crm.ui.context import DeskContext
from crm.ui.i18n import tr
from crm.ui.kinds import KIND_PAGE
from crm.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crm.ui.pages.lists import ListPage

# The change kind a write of saved views announces (no page shows it; the sidebar does).
VIEW = "view"


def ask_name(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for a view's name (tests replace this function); None when cancelled."""
    name, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return name if ok else None


def by_page(ctx: DeskContext) -> dict[str, list[tuple[int, str]]]:
    """The acting user's views as the sidebar lists them: {page: [(id, name)]}."""
    with ctx.db.read() as session:
        found = saved_views.views(session, ctx.user_id)
    pages: dict[str, list[tuple[int, str]]] = {}
    for view in found:
        page = KIND_PAGE.get(view.list_name)
        if page:
            pages.setdefault(page, []).append((view.id, view.name))
    return pages


def read(ctx: DeskContext, view_id: int) -> saved_views.View | None:
    """One of the user's views; None (said to the user) when it was deleted meanwhile."""
    from crm.domain.errors import DeskError
    from crm.ui.errors import error_text

    try:
        with ctx.db.read() as session:
            return saved_views.get(session, ctx.user_id, view_id)
    except DeskError as exc:
        messages.error(None, tr("Cannot open the view"), error_text(exc))
        return None


def _write(parent: QWidget, ctx: DeskContext, tasks: TaskRunner, fn: Any, title: str,
           on_done: Any = None) -> None:  # fmt: skip
    operations.write(parent, ctx, tasks, lambda session, actor: fn(session, ctx.user_id),
                     kinds={VIEW}, error_title=title, on_done=on_done,
                     announce=lambda _done: Changes(frozenset({VIEW})))  # fmt: skip


def save_current(page: ListPage) -> bool:
    """Ask a name and save the page's filters, columns and sort under it; a name already
    used for this list is replaced after asking. True when a save started."""
    name = ask_name(
        page, tr("Save view"), tr("Name of the view (it appears under the list in the sidebar):")
    )
    if name is None or not name.strip():
        return False
    view = page.current_view()
    with page.ctx.db.read() as session:
        taken = any(v.name.lower() == " ".join(name.split()).lower()
                    for v in saved_views.views(session, page.ctx.user_id, page.kind))  # fmt: skip
    if taken and not messages.confirm(
        page, tr("Save view"),
        tr("You already have a view named “%1” for this list. Replace it with what the list shows now?").replace("%1", name.strip()),
        ok_text=tr("Replace"),
    ):  # fmt: skip
        return False

    def save(session: Any, user_id: int) -> saved_views.View:
        return saved_views.save(session, user_id, page.kind, name, replace=taken, **view)

    _write(page, page.ctx, page.tasks, save, tr("Cannot save the view"))
    return True


def rename(parent: QWidget, ctx: DeskContext, tasks: TaskRunner, view_id: int, old: str) -> bool:
    name = ask_name(parent, tr("Rename view"), tr("New name of the view:"), old)
    if name is None or name.strip() == old:
        return False
    _write(parent, ctx, tasks, lambda s, u: saved_views.rename(s, u, view_id, name),
           tr("Cannot rename the view"))  # fmt: skip
    return True


def delete(parent: QWidget, ctx: DeskContext, tasks: TaskRunner, view_id: int, name: str) -> bool:
    if not messages.confirm(parent, tr("Delete view"),
                            tr("Delete the saved view “%1”? The records it shows are not touched.").replace("%1", name),
                            ok_text=tr("Delete")):  # fmt: skip
        return False
    _write(parent, ctx, tasks, lambda s, u: saved_views.delete(s, u, view_id),
           tr("Cannot delete the view"))  # fmt: skip
    return True
