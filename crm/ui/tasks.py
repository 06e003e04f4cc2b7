"""A small task runner: database work off the GUI thread, results back by signal.

Two ways to run work on a pool thread (the work opens its own session: sessions never cross
threads, and it returns plain values):

- `TaskRunner.run(fn, on_done, on_error)` calls `fn()`: quick reads (a list's ids, the
  dashboard figures). A busy cursor shows after ~300 ms while such tasks are running.
- `TaskRunner.run_long(fn, on_done, on_error, label=..., parent=...)` calls `fn(task)`: long
  work (backups, imports, exports). `fn` reports `task.progress(done, total)` (throttled to
  ~10 signals a second) and polls `task.cancelled` or calls `task.check()`, which raises
  `Cancelled`. A progress dialog with a Cancel button shows after ~600 ms.

`on_done(result)`, `on_error(exc)` and `on_cancelled()` then run on the GUI thread. Worker
threads never touch widgets: they only emit the signals of `Task`. (Habits of Anki
`aqt/taskman.py` and `aqt/progress.py`, Orange3 `widgets/utils/concurrent.py`.)

Signals: `TaskRunner.idle()` when the last running task has finished; `Task.progressed(int
done, int total)` (throttled), `Task.finished()` once its callbacks ran.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

BUSY_CURSOR_MS = 300
PROGRESS_DIALOG_MS = 600
PROGRESS_INTERVAL_S = 0.1


class Cancelled(Exception):
    """Raised by `Task.check()` in the work function once the user asked to cancel."""


class Task(QObject):
    """One job handed to the runner: the handle the GUI keeps and the work function gets.

    Thread-safe from the worker: `progress`, `cancelled`, `check`. GUI thread: `cancel`.
    """

    progressed = Signal(int, int)
    finished = Signal()
    _done = Signal(object)
    _failed = Signal(object)
    _moved = Signal(int, int)

    def __init__(self, label: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.done_count = 0
        self.total = 0
        self.running = True
        # Re-emitted on the GUI thread, so every receiver of `progressed` runs there.
        self._moved.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    # --- from the worker thread --------------------------------------------------------------

    def progress(self, done: int, total: int) -> None:
        """Report progress; emitted at most every 100 ms, and always for the last step."""
        self.done_count, self.total = done, total
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            self._last_emit = now
            self._moved.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise `Cancelled` when the user asked to stop (call it between steps)."""
        if self._cancel.is_set():
            raise Cancelled()

    # --- from the GUI thread -----------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self.fn = fn
        self.task = task

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which shows or raises it
            self.task._failed.emit(exc)
        else:
            self.task._done.emit(result)


class TaskRunner(QObject):
    """Runs work on a small thread pool; see the module docstring. Signals: `idle()`."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running = 0
        self._jobs: dict[Task, _Job] = {}
        self._busy = QTimer(self, singleShot=True, interval=BUSY_CURSOR_MS)
        self._busy.timeout.connect(self._show_busy)
        self._cursor = False
        # Workers must not outlive the application objects their signals point at.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quit)

    def _quit(self) -> None:
        for task in list(self._jobs):
            task.cancel()
        self.pool.waitForDone()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run `fn()` off the GUI thread (a busy cursor after 300 ms); returns its `Task`."""
        task = Task(parent=None)
        self._start(task, fn, on_done, on_error, None)
        if not self._busy.isActive() and not self._cursor:
            self._busy.start()
        return task

    def run_long(
        self,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        label: str = "",
        parent: QWidget | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run `fn(task)` off the GUI thread with progress and cancel; returns its `Task`.

        A progress dialog (window-modal, never blocking) shows after 600 ms, labelled `label`.
        """
        task = Task(label)
        task.setObjectName("longTask")
        self._start(task, lambda: fn(task), on_done, on_error, on_cancelled)
        timer = QTimer(task, singleShot=True, interval=PROGRESS_DIALOG_MS)
        timer.timeout.connect(lambda: self._show_progress(task, parent))
        timer.start()
        task.finished.connect(timer.stop)
        return task

    def _start(
        self,
        task: Task,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        job = _Job(fn, task)
        # Kept (with its task) until the result is back: PySide may otherwise collect the
        # Python side of a runnable the pool still runs.
        self._jobs[task] = job

        def finish() -> None:
            task.running = False
            self._jobs.pop(task, None)
            self.running -= 1
            if not self.running:
                self._busy.stop()
                if self._cursor:
                    QGuiApplication.restoreOverrideCursor()
                    self._cursor = False
                self.idle.emit()

        def done(result: Any) -> None:
            finish()
            try:
                if not _alive(on_done):
                    return  # its window was deleted meanwhile: nobody to tell
                if task.cancelled and on_cancelled is not None:
                    on_cancelled()
                else:
                    on_done(result)
            finally:
                task.finished.emit()

        def failed(exc: BaseException) -> None:
            finish()
            try:
                if isinstance(exc, Cancelled):
                    if on_cancelled is not None:
                        on_cancelled()
                elif on_error is None:
                    raise exc
                elif _alive(on_error):
                    on_error(exc)
            finally:
                task.finished.emit()

        task._done.connect(done, Qt.ConnectionType.QueuedConnection)
        task._failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self.running += 1
        self.pool.start(job)

    def _show_busy(self) -> None:
        if self.running and not self._cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._cursor = True

    def _show_progress(self, task: Task, parent: QWidget | None) -> None:
        if not task.running:
            return
        dialog = QProgressDialog(parent)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle(task.label or QCoreApplication.translate("Tasks", "Working…"))
        dialog.setLabelText(task.label or QCoreApplication.translate("Tasks", "Working…"))
        dialog.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.setRange(0, task.total or 0)  # no total yet: a busy bar
        dialog.setValue(task.done_count)

        def moved(done: int, total: int) -> None:
            if total and dialog.maximum() != total:
                dialog.setRange(0, total)
            if total:
                dialog.setValue(min(done, total))

        def cancel() -> None:
            task.cancel()
            dialog.setLabelText(QCoreApplication.translate("Tasks", "Cancelling…"))
            dialog.setCancelButtonText("")

        task.progressed.connect(moved)
        dialog.canceled.connect(cancel)
        task.finished.connect(dialog.close)
        task.finished.connect(dialog.deleteLater)
        task.progress_dialog = dialog  # type: ignore[attr-defined]  # for tests
        dialog.show()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


def _alive(callback: Callable[..., Any]) -> bool:
    """Whether the Qt objects a callback works on still exist (a window or page can be
    deleted while its read runs; its result then has nowhere to go): the object a bound
    method belongs to, or those a closure holds (`def done(result): self.title.setText`)."""
    owner = getattr(callback, "__self__", None)
    held = [owner] if owner is not None else []
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            held.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            continue
    return all(shiboken6.isValid(o) for o in held if isinstance(o, QObject))
