"""The window's search box searches off the GUI thread, shows only the latest query's results
however the searches finish, and Enter typed before the results opens the first one."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from crm.db import search
from crm.ui.widgets.search import SearchBox


def titles(box):
    return [title for _kind, _id, title in box.results()]


def test_the_search_runs_off_the_gui_thread(qtbot, desk, tasks, monkeypatch):
    threads = []
    real = search.search

    def watched(session, text, **kwargs):
        threads.append(threading.current_thread())
        return real(session, text, **kwargs)

    monkeypatch.setattr(search, "search", watched)
    box = SearchBox(desk.db, tasks=tasks)
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClicks(box, "bost")
    qtbot.waitUntil(lambda: bool(box.results()))
    assert "Boston CRO" in titles(box)
    assert threads and threading.main_thread() not in threads
    box.popup.hide()


def test_the_latest_query_wins_when_an_older_search_finishes_last(qtbot, desk, tasks, monkeypatch):
    real = search.search
    release = threading.Event()

    def slow_for_montreal(session, text, **kwargs):
        if text == "montr":
            release.wait(10)  # the first search finishes after the second
        return real(session, text, **kwargs)

    monkeypatch.setattr(search, "search", slow_for_montreal)
    box = SearchBox(desk.db, tasks=tasks)
    qtbot.addWidget(box)
    box.show()
    box.setText("montr")
    box.run_search()
    box.setText("bost")
    box.run_search()
    qtbot.waitUntil(lambda: bool(box.results()))
    boston = titles(box)
    assert "Boston CRO" in boston and "Biotech de Montréal" not in boston
    with qtbot.waitSignal(tasks.idle, timeout=5000):
        release.set()
    assert titles(box) == boston
    box.popup.hide()


def test_enter_before_the_results_opens_the_first_one(qtbot, desk, tasks):
    box = SearchBox(desk.db, tasks=tasks)
    qtbot.addWidget(box)
    box.show()
    opened = []
    box.openRequested.connect(lambda kind, rid: opened.append((kind, rid)))
    box.setText("montr")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0][0] == "organization"
