"""A small task runner: database work off the GUI thread, results back by signal.

`TaskRunner.run(fn, on_done, on_error)` calls `fn()` on a pool thread; `fn` opens its own
session (sessions never cross threads) and returns plain values. `on_done(result)` or
`on_error(exc)` then run on the GUI thread. Worker threads never touch widgets. A busy
cursor shows after ~300 ms while tasks are running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows or raises it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Signals: `idle()` when the last running task has finished."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running = 0
        self._keep: set[_Signals] = set()
        self._busy = QTimer(self, singleShot=True, interval=300)
        self._busy.timeout.connect(self._show_busy)
        self._cursor = False

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        signals = _Signals()
        self._keep.add(signals)

        def finish() -> None:
            self._keep.discard(signals)
            self.running -= 1
            if not self.running:
                self._busy.stop()
                if self._cursor:
                    QGuiApplication.restoreOverrideCursor()
                    self._cursor = False
                self.idle.emit()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error is None:
                raise exc
            on_error(exc)

        signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self.running += 1
        if not self._busy.isActive() and not self._cursor:
            self._busy.start()
        self.pool.start(_Job(fn, signals))

    def _show_busy(self) -> None:
        if self.running and not self._cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._cursor = True

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
