"""What a start costs before its first page or row: bytecode read, not compiled; no file
format library imported before a file of that format is written or read."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crm.services import listing, lists

ROOT = Path(__file__).resolve().parents[1]
# Each costs 0.1-0.3 s to import; only the formats that need them load them.
FORMAT_LIBRARIES = ("icalendar", "openpyxl", "vobject", "dateutil", "alembic")


def _loaded_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        # the window, with the page it shows at start (tests/ui/test_startup.py)
        "import json, sys, crm.cli, crm.ui.app, crm.ui.main_window, crm.ui.pages.records",
        "import json, sys, crm.cli, crm.services.csv_export, crm.services.export_profiles",
        "import json, sys, crm.cli, crm.services.csv_import",
    ],
    ids=["window", "export", "import"],
)
def test_no_file_format_library_is_imported_at_start(code: str) -> None:
    loaded = _loaded_after(code)
    assert not {m for m in loaded if m.split(".")[0] in FORMAT_LIBRARIES}, sorted(
        m for m in loaded if m.split(".")[0] in FORMAT_LIBRARIES
    )


def test_the_window_starts_without_the_services_of_pages_not_shown() -> None:
    """Every record service (`crm.services.kinds`), the demo writer, the board's stages and
    the reminders come after the first page: a page, the undo of an action or a dialog
    imports them when first used."""
    loaded = _loaded_after(
        "import json, sys, crm.cli, crm.ui.app, crm.ui.main_window, crm.ui.pages.records"
    )
    later = {"crm.services.kinds", "crm.services.demo", "crm.services.stages",
             "crm.services.merge", "crm.services.bulk_edit", "crm.services.dashboard",
             "crm.services.board", "crm.ui.notifications", "crm.ui.saved_views",
             "crm.ui.pages.board", "crm.ui.pages.dashboard"}  # fmt: skip
    assert not later & loaded, sorted(later & loaded)


def test_set_up_leaves_the_modules_compiled_even_when_python_writes_no_bytecode(
    tmp_path: Path,
) -> None:
    """The Makefile's compile step, run as `make .venv/.installed` runs it with
    PYTHONDONTWRITEBYTECODE set, writes the .pyc files; Python then reads them (it only
    stops writing them)."""
    recipe = [
        line.strip()
        for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
        if "compileall" in line and not line.lstrip().startswith("#")
    ]
    assert len(recipe) == 1, recipe
    command = shlex.split(recipe[0].replace("$(BIN)/python", sys.executable))
    package = tmp_path / "crm"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "page.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "main.py").write_text("", encoding="utf-8")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    subprocess.run(command, cwd=tmp_path, env=env, check=True)
    assert list((package / "__pycache__").glob("page.*.pyc"))

    done = subprocess.run(
        [sys.executable, "-v", "-c", "import crm.page"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    read = [line for line in done.stderr.splitlines() if "code object from" in line]
    assert any("__pycache__" in line and "page." in line for line in read), read


def test_an_export_of_everything_starts_without_the_list_pages() -> None:
    """The lists' specs (every column of every page) are loaded by an export only when it
    is asked to filter like a page."""
    loaded = _loaded_after(
        "import json, sys, crm.cli, crm.services.csv_export\n"
        "from crm.services.export_columns import ExportRequest\n"
        "ExportRequest('contacts').checked()"
    )
    assert "crm.services.lists" not in loaded
    filtered = _loaded_after(
        "import json, sys, crm.cli, crm.services.csv_export\n"
        "from crm.services.export_columns import ExportRequest\n"
        "ExportRequest('contacts', filters={'territory': 'qc'}).checked()"
    )
    assert "crm.services.lists" in filtered


def test_an_export_loads_no_mapped_class(tmp_path: Path) -> None:
    """`crm export contacts` reads who acts, its rows and its log through the Core tables:
    neither the ORM's mapped classes (`crm.db.models`, a fifth of a second of declarative
    mapping) nor the record services are imported, and the file is written and logged."""
    db, out = tmp_path / "desk.db", tmp_path / "contacts.csv"
    env = {**os.environ, "CRM_USER": "mtremblay", "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "crm.cli", "--db", str(db), "demo"], check=True,
                   cwd=ROOT, env=env, capture_output=True)  # fmt: skip
    argv = ["--db", str(db), "export", "contacts", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys\nfrom crm.cli import main\n"
         f"status = main({argv!r})\nprint(json.dumps([status, sorted(sys.modules)]))"],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0, done.stderr
    assert out.read_text(encoding="utf-8-sig").count("\n") > 1
    heavy = {"crm.db.models", "crm.db.base", "crm.services.records", "crm.services.users"}
    assert not heavy & set(loaded), sorted(heavy & set(loaded))


# Started as `crm --db FILE --user mtremblay gui`; once the window is shown it opens the
# contacts page and, at the first paint of its table with rows, prints what was loaded.
_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from crm.ui import main_window

class FirstPaint(QObject):
    def __init__(self, table):
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event):
        model = self.table.model()
        if event.type() == QEvent.Type.Paint and model.rowCount() and self.table.isVisible():
            obj.removeEventFilter(self)
            print("PAINTED " + json.dumps({"first": model.index(0, 0).data(),
                                           "modules": sorted(sys.modules)}), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

show = main_window.MainWindow.show

def shown(self):
    show(self)
    self.show_page("contacts")
    FirstPaint(self.findChild(QTableView, "contactTable"))

main_window.MainWindow.show = shown
from crm.cli import main
sys.exit(main(["--db", sys.argv[1], "--user", "mtremblay", "gui"]))
"""


def test_the_contacts_page_paints_before_the_mapped_classes_are_loaded(
    templates: Any, tmp_path: Path
) -> None:
    """The window's first page (who acts, the contacts list, its filters) reads the Core
    tables: the ORM's mapping (`crm.db.models`, ~0.2 s) and the record services come after
    the first paint, when a page or an action needs them."""
    from tests.conftest import load_demo

    database, _actor = templates.open("demo", load_demo, tmp_path / "desk.db")
    with database.read() as session:
        ids = listing.ordered_ids(session, lists.CONTACTS)
        first = listing.rows_by_id(session, lists.CONTACTS, ids[:1])[0]
    database.close()
    assert first is not None
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(tmp_path / "desk.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    painted = [line for line in done.stdout.splitlines() if line.startswith("PAINTED ")]
    assert done.returncode == 0 and painted, done.stderr[-2000:]
    seen = json.loads(painted[0].removeprefix("PAINTED "))
    assert seen["first"] == first[1]  # the demo's contacts, sorted by name, are on screen
    loaded = set(seen["modules"])
    assert "crm.services.lists" in loaded  # the page did read its list
    early = {"crm.db.models", "crm.db.base", "crm.services.users", "crm.services.records"}
    assert not early & loaded, sorted(early & loaded)
