"""Driver: the baseline, a bare PySide6 `QTableView` over `QSqlQueryModel`, watched by `Probe`.

    python -m tests.bench.drivers.bare_window DB

The same contacts, columns and order as the desk's contacts list (name, organization,
title, email, city, territory, language; live contacts by folded name), a 1280×800 window.
`QSqlQueryModel` fetches rows as the view asks (255 at a time on SQLite), so reaching the
last row means fetching every row first: that is what its scroll figure includes.
"""

from __future__ import annotations

import sys

from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView

from tests.bench.drivers.probe import Probe

SQL = (
    "SELECT trim(c.first_name || ' ' || c.last_name) AS name, o.name AS organization,"
    " c.title, c.email, c.city, c.territory, c.language"
    " FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id"
    " WHERE c.deleted_at IS NULL ORDER BY c.name_folded, c.id"
)


def scroll_to_end(view: QTableView) -> None:
    model = view.model()
    while model.canFetchMore():
        model.fetchMore()
    view.scrollToBottom()


def main() -> int:
    app = QApplication(sys.argv[:1])
    db = QSqlDatabase.addDatabase("QSQLITE")
    db.setDatabaseName(sys.argv[1])
    if not db.open():
        print(f"cannot open {sys.argv[1]}", file=sys.stderr)
        return 1
    model = QSqlQueryModel()
    model.setQuery(SQL, db)
    view = QTableView()
    view.setModel(model)
    view.setWindowTitle("bare")
    view.resize(1280, 800)
    Probe(view, scroll_to_end)
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
