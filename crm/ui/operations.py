"""The one way the windows write: a service call off the GUI thread, its errors said in one
place, and the record kinds it changed announced to every page.

`write(parent, ctx, tasks, fn, kinds=...)` runs `fn(session, actor_id)` on the task runner's
pool inside its own transaction (`with ctx.db.write() as session:` in the worker: sessions
never cross threads), then, on the GUI thread, calls `on_done(result)` and announces
`Changes(kinds)` on `ctx.changes`. A failure is told apart once, here (`Failure`): a stale
record, a record gone, a possible duplicate, a refusal (any other `DeskError`) or the
environment (locked, disk full, read-only: the database's own words); `on_failed(failure)`
may take it over (ask "save anyway?", reload), else the message box says `failure.text`
under `error_title`. Anything else is a bug and is raised on the GUI thread.

A stale or missing record means the pages show an old copy, so a failure of those kinds
announces the kinds too (the pages re-read them); other failures wrote nothing.

Model: Anki's `aqt/operations/__init__.py` (`CollectionOp` and `OpChanges`).

What a write changed (`Changes`) and the hub it is announced on (`ChangeHub`) live in
`crm.ui.changes`; they are named here too.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from crm.domain.errors import DeskError, DuplicateWarning, NotFound, StaleRecord, StorageFailure
from crm.ui import messages
from crm.ui.changes import EVERYTHING, KINDS, ChangeHub, Changes, changes
from crm.ui.errors import error_text
from crm.ui.tasks import Task, TaskRunner

__all__ = ["EVERYTHING", "KINDS", "ChangeHub", "Changes", "Failed", "Failure", "changes",
           "failure", "write"]  # fmt: skip

if TYPE_CHECKING:
    from crm.ui.context import DeskContext

T = TypeVar("T")


class Failure(enum.Enum):
    STALE = "stale"  # someone saved the record first
    GONE = "gone"  # the record was deleted meanwhile
    DUPLICATE = "duplicate"  # looks like a record already there; may be confirmed
    REFUSED = "refused"  # the services said no (invalid value, rule, nothing to undo...)
    ENVIRONMENT = "environment"  # locked, disk full, read-only, server away


@dataclass(frozen=True)
class Failed:
    """A write that did not happen: its `kind`, the error, and what to tell the user."""

    kind: Failure
    error: BaseException
    text: str


def failure(exc: BaseException, where: str = "") -> Failed | None:
    """How the windows tell a failed write; None for a bug (which must surface)."""
    if not isinstance(exc, DeskError):
        return None
    kind = (
        Failure.STALE if isinstance(exc, StaleRecord)
        # The machine, not the desk's rules: `Database.write` turns the driver's locked, full,
        # read-only and damaged errors into StorageFailure (crm.db.failures).
        else Failure.ENVIRONMENT if isinstance(exc, StorageFailure)
        else Failure.GONE if isinstance(exc, NotFound)
        else Failure.DUPLICATE if isinstance(exc, DuplicateWarning)
        else Failure.REFUSED
    )  # fmt: skip
    return Failed(kind, exc, error_text(exc))


def write(
    parent: QWidget | None,
    ctx: DeskContext,
    tasks: TaskRunner,
    fn: Callable[[Any, int], T],
    *,
    kinds: Iterable[str],
    error_title: str,
    on_done: Callable[[T], Any] | None = None,
    on_failed: Callable[[Failed], bool] | None = None,
    announce: Callable[[T], Changes | None] | None = None,
) -> Task:
    """Run `fn(session, actor_id)` in one transaction off the GUI thread; see the module.

    `on_done(result)` runs before the change is announced; `announce(result)` may say more
    than the kinds (the status bar's Undo). `on_failed(failed)` returns True when it told
    the user itself.
    """
    db, actor = ctx.db, ctx.user_id
    touched = frozenset(kinds)

    def work() -> T:
        with db.write() as session:
            return fn(session, actor)

    def done(result: T) -> None:
        if on_done is not None:
            on_done(result)
        said = announce(result) if announce is not None else None
        if said is None:
            said = Changes(touched, source=parent)
        elif said.source is None:
            said = dataclasses.replace(said, source=parent)
        ctx.changes.announce(said)

    def failed(exc: BaseException) -> None:
        told = failure(exc, db.display_name)
        if told is None:
            raise exc
        if on_failed is None or not on_failed(told):
            messages.error(parent, error_title, told.text)
        if told.kind in (Failure.STALE, Failure.GONE):
            ctx.changes.announce(Changes(touched, source=parent, quiet=True))

    return tasks.run(work, done, failed)
