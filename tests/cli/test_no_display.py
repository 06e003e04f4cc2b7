"""`crm gui` without a display: one sentence, exit 1, and nothing created (no database, no
folder), so the first-start offer still comes once a display is there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the X11/Wayland check is Linux's"
)


def start_gui(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    base |= {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    base |= env
    home = tmp_path / "desk"
    done = subprocess.run(
        [sys.executable, "-m", "crm.cli", "--db", str(home / "x.db"), "gui"],
        env=base, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return done, home


def assert_refused(done: subprocess.CompletedProcess[str], tmp_path: Path, home: Path) -> None:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "no display found" in lines[0] and "--help" in lines[0]
    assert "xcb" not in done.stderr and "plugin" not in done.stderr
    assert not home.exists()
    assert not (tmp_path / "data").exists() and not (tmp_path / "config").exists()


def test_without_any_display_the_window_says_so_and_creates_nothing(tmp_path):
    done, home = start_gui(tmp_path)
    assert_refused(done, tmp_path, home)


def test_a_display_that_does_not_answer_is_the_same_sentence(tmp_path):
    # DISPLAY names no running server: Qt's xcb plugin fails; the desk says it its way.
    done, home = start_gui(tmp_path, DISPLAY=":4242")
    assert_refused(done, tmp_path, home)


def test_a_plugin_that_cannot_load_is_said_plainly_and_creates_nothing(tmp_path):
    done, home = start_gui(tmp_path, QT_QPA_PLATFORM="nosuch")
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("crm: the window cannot start")
    assert "Aborted" not in done.stderr and "Reinstalling" not in done.stderr
    assert not home.exists() and not (tmp_path / "data").exists()
