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
    _generation: int = 0

    def _fresh(self) -> int:
        """The number of the reload starting now. Reads run on two pool threads, so an older
        reload may come back after a newer one: `_loaded` drops what is not the latest."""
        self._generation += 1
        return self._generation

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
