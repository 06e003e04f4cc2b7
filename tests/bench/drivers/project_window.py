"""Driver: the desk's own `crm --db FILE gui`, contacts page, watched by `Probe`.

    python -m tests.bench.drivers.project_window DB [USER]

Runs `crm.cli.main` as `crm gui` does (the interactive path, not the screenshot mode, so no
polling loop is timed). The one addition: `MainWindow.show` is wrapped so that, once the
window is shown, it opens the contacts page (as if the staff user had left it there) and a
`Probe` watches that page's table. USER is the staff user acting (`--user`): a window on a
file it has never opened asks who is at the keyboard, and a bench has nobody to answer.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTableView


def main() -> int:
    db = sys.argv[1]
    from crm.ui import main_window
    from tests.bench.drivers.probe import Probe

    original = main_window.MainWindow.show

    def show(self: main_window.MainWindow) -> None:
        original(self)
        self.show_page("contacts")
        table = self.findChild(QTableView, "contactTable")
        if table is None:
            print('BENCH {"error": "no table named contactTable"}', flush=True)
            return
        self._bench_probe = Probe(table, lambda view: view.scrollToBottom())

    main_window.MainWindow.show = show  # type: ignore[method-assign]
    from crm.cli import main as crm_main

    user = ["--user", sys.argv[2]] if len(sys.argv) > 2 else []
    return crm_main(["--db", db, *user, "gui"])


if __name__ == "__main__":
    sys.exit(main())
