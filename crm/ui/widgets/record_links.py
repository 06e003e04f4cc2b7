"""`RecordLinks`: the records around one record, as links a click opens (a record page's
"Related" column).

Shows `crm.services.related.related` rows (read by the page, off the GUI thread) in one
section per kind: a heading with the count, then one link per record with its date and
state; a long section shows its first `SHOWN` links and a "Show all" link. The links take
the keyboard too (Tab to one, Enter opens it).

Signals: `openRequested(str kind, int id)`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from crm.services import related
from crm.ui import labels
from crm.ui.widgets.related import DETAIL_ENUMS, section_titles, when_text

SHOWN = 8  # links shown per section before "Show all"

# What each kind of record shows as related, in this order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "organization": ("contact", "introduction", "followup", "event", "interaction"),
    "contact": ("introduction", "followup", "event", "interaction"),
    "introduction": ("followup", "interaction"),
    "event": ("introduction", "followup", "interaction"),
}


class RecordLinks(QWidget):
    openRequested = Signal(str, int)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordLinks")
        self.kind = kind
        self.rows: list[related.RelatedRow] = []
        self.expanded: set[str] = set()
        self.headings: dict[str, QLabel] = {}
        self.bodies: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for section in SECTIONS[kind]:
            heading = QLabel(self, objectName=f"linksHeading_{section}")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            body = QLabel(self, objectName=f"links_{section}")
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setWordWrap(True)
            body.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            body.linkActivated.connect(self._activated)
            line = QFrame(self)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            layout.addWidget(heading)
            layout.addWidget(body)
            layout.addWidget(line)
            self.headings[section], self.bodies[section] = heading, body
        layout.addStretch(1)
        self._fill()

    def set_rows(self, rows: list[related.RelatedRow]) -> None:
        self.rows = rows
        self._fill()

    def links(self, section: str) -> list[tuple[str, int, str]]:
        """(kind, id, title) of the links a section shows now (for tests and automation)."""
        shown = [r for r in self.rows if r.section == section]
        if section not in self.expanded:
            shown = shown[:SHOWN]
        return [(r.kind, r.id, r.title) for r in shown]

    def _fill(self) -> None:
        titles = section_titles()
        for section in SECTIONS[self.kind]:
            rows = [r for r in self.rows if r.section == section]
            self.headings[section].setText(f"{titles[section]} ({len(rows)})")
            lines = []
            for row in rows if section in self.expanded else rows[:SHOWN]:
                enum = DETAIL_ENUMS.get(row.section)
                detail = labels.enum_label(enum, row.detail) if enum and row.detail else row.detail
                extra = " · ".join(p for p in (when_text(row.when), detail) if p)
                title = escape(row.title or "—")
                line = f'<a href="{row.kind}:{row.id}">{title}</a>'
                if extra:
                    line += f' <span style="color: #8a8a8a;">· {escape(extra)}</span>'
                lines.append(line)
            if len(rows) > SHOWN and section not in self.expanded:
                more = QCoreApplication.translate("RecordLinks", "Show all (%1)")
                lines.append(f'<a href="all:{section}">{more.replace("%1", str(len(rows)))}</a>')
            if not rows:
                lines.append(QCoreApplication.translate("RecordLinks", "None yet"))
            self.bodies[section].setText("<br>".join(lines))

    def _activated(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "all":
            self.expanded.add(value)
            self._fill()
            return
        self.openRequested.emit(kind, int(value))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)
