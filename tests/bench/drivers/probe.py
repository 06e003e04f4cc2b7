"""Watching one table view paint, for the window drivers (project and bare baseline alike).

`Probe(table, scroll)` is installed on the table's viewport only (no application-wide
filter, which would tax every event of the window under test). It records:

- `first_paint`: the first paint of the viewport with rows whose first cell has text;
- then, `SETTLE_S` later, calls `scroll(table)` (which scrolls to the last row) and records
  `last_paint`: the first paint after that with the scroll bar at its end and the last
  row's first cell holding text;
- `/proc/self/status` VmHWM and VmRSS (kB) when the first page is settled and at the end.

It prints one JSON line (`BENCH {...}`) and quits the application. Times are
`time.monotonic()` (system-wide on Linux: the parent subtracts its own start time).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView

SETTLE_S = 0.4
TIMEOUT_S = 120.0


def memory() -> dict[str, int]:
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                found[key] = int(value.split()[0])
    return found


def has_text(value: Any) -> bool:
    return value is not None and str(value) != ""


class Probe(QObject):
    def __init__(self, table: QTableView, scroll: Callable[[QTableView], None]) -> None:
        super().__init__(table)
        self.table = table
        self.scroll = scroll
        self.state = "first"
        self.result: dict[str, Any] = {}
        table.viewport().installEventFilter(self)
        QTimer.singleShot(int(TIMEOUT_S * 1000), self._timeout)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        model = self.table.model()
        if self.state == "first":
            rows = model.rowCount()
            if rows > 0 and has_text(model.index(0, 0).data()):
                self.result["first_paint"] = time.monotonic()
                self.result["rows_at_first_paint"] = rows
                self.state = "settle"
                QTimer.singleShot(int(SETTLE_S * 1000), self._scroll)
        elif self.state == "last":
            bar = self.table.verticalScrollBar()
            last = model.rowCount() - 1
            if bar.value() == bar.maximum() and has_text(model.index(last, 0).data()):
                self.result["last_paint"] = time.monotonic()
                self.result["rows"] = model.rowCount()
                self.state = "done"
                QTimer.singleShot(0, self._finish)
        return False

    def _scroll(self) -> None:
        self.result["memory_page_open"] = memory()
        self.state = "last"
        self.result["scroll_start"] = time.monotonic()
        self.scroll(self.table)
        self.table.viewport().update()

    def _finish(self) -> None:
        self.result["memory_end"] = memory()
        print("BENCH " + json.dumps(self.result), flush=True)
        self.table.viewport().removeEventFilter(self)
        app = QApplication.instance()
        for window in QApplication.topLevelWidgets():
            window.close()
        if app is not None:
            app.quit()

    def _timeout(self) -> None:
        if self.state != "done":
            self.result["error"] = f"timed out in state {self.state}"
            print("BENCH " + json.dumps(self.result), flush=True)
            sys.stdout.flush()
            import os

            os._exit(3)
