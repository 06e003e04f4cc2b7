"""The task runner's long tasks: throttled progress, Cancel from the progress dialog, no dialog
for a quick task, errors handed back."""

from __future__ import annotations

import threading
import time


def test_task_progress_is_throttled_and_reaches_the_end(qtbot, tasks):
    seen = []
    results = []

    def work(task):
        for i in range(2000):
            task.check()
            task.progress(i + 1, 2000)
            if i % 100 == 0:
                time.sleep(0.002)
        return "done"

    task = tasks.run_long(work, results.append, label="Counting")
    task.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["done"]
    assert seen and seen[-1] == (2000, 2000)
    assert len(seen) < 100  # not one signal per step


def test_task_cancel_from_its_progress_dialog(qtbot, tasks):
    started = threading.Event()
    outcome = []

    def work(task):
        started.set()
        while not task.cancelled:
            task.progress(1, 10)
            time.sleep(0.01)
        task.check()

    task = tasks.run_long(
        work, outcome.append, outcome.append, label="Waiting",
        on_cancelled=lambda: outcome.append("cancelled"),
    )  # fmt: skip
    assert started.wait(5)
    qtbot.waitUntil(lambda: hasattr(task, "progress_dialog"), timeout=3000)  # after ~600 ms
    dialog = task.progress_dialog
    assert dialog.isVisible() and dialog.labelText() == "Waiting"
    with qtbot.waitSignal(task.finished, timeout=5000):
        dialog.canceled.emit()  # the Cancel button
    assert outcome == ["cancelled"]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_quick_long_task_shows_no_dialog_and_reports_errors(qtbot, tasks):
    errors = []

    def work(task):
        raise ValueError("disk full")

    task = tasks.run_long(work, errors.append, errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["disk full"]
    assert not hasattr(task, "progress_dialog")


def test_a_result_for_a_widget_deleted_meanwhile_goes_nowhere(qtbot, tasks):
    """A page closed while its read runs: the read's callback, a closure over the page
    (not a bound method), is not called on the deleted widgets, and nothing is raised in
    the event loop (it was: "Internal C++ object (QLabel) already deleted")."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    label = QLabel("before")
    release = threading.Event()
    shown = []

    def read():
        release.wait(5)
        return "after"

    def done(text):
        label.setText(text)  # raises RuntimeError once the label is deleted
        shown.append(text)

    task = tasks.run(read, done)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=3000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert shown == []
