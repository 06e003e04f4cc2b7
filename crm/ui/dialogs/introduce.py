""" "Introduce to…": a new introduction that starts with a contact or an organization.

`introduce_to(parent, ctx, open_record, kind, record_id)` reads the party's side (Québec or
Massachusetts, by its territory: `crm.services.introductions.starting_with`), opens the
introduction editor through `open_record("introduction", None, initial)` (the main window's
`open_record`) with that side filled in, and puts the cursor in the other side's
organization, searched by name as it is typed (`crm.ui.widgets.picker.RecordPicker`; a
contact of the other side is the next field). A party from elsewhere is said in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crm.domain.errors import DeskError
from crm.services import introductions
from crm.ui import messages
from crm.ui.context import DeskContext
from crm.ui.errors import error_text
from crm.ui.i18n import tr

# The kinds of record an introduction can start with.
PARTY_KINDS = ("contact", "organization")


def introduce_to(
    parent: QWidget | None,
    ctx: DeskContext,
    open_record: Callable[[str, int | None, dict[str, Any] | None], Any],
    kind: str,
    record_id: int,
) -> Any:
    """Open the prefilled introduction editor; None (and a message) when it cannot start."""
    try:
        with ctx.db.read() as session:
            initial = introductions.starting_with(session, kind, record_id)
    except DeskError as exc:
        title = tr("Cannot start an introduction")
        messages.error(parent, title, error_text(exc))
        return None
    editor = open_record("introduction", None, initial)
    if editor is None:
        return None
    other = "ma" if "qc_organization_id" in initial else "qc"
    field = editor.widgets.get(f"{other}_organization_id")
    if field is not None:
        field.setFocus(Qt.FocusReason.OtherFocusReason)
    return editor
