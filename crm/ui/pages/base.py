"""What pages that reload off the GUI thread have in common.

The main window calls `activate()` when a page is shown, `mark_stale()` when records
changed, `is_loaded()` in screenshot mode, and `save_state()` on close.
"""

from __future__ import annotations

from typing import Any


class ReloadingPage:
    """Mixin for a QWidget page: set `stale = True` and `_loading = 0`, define `reload()`."""

    stale: bool
    _loading: int

    def reload(self) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        if self.stale:
            self.reload()

    def mark_stale(self) -> None:
        self.stale = True
        widget: Any = self
        if widget.isVisible():
            self.reload()

    def is_loaded(self) -> bool:
        return not self.stale and not self._loading

    def save_state(self) -> None:
        """These pages keep no layout of their own."""
