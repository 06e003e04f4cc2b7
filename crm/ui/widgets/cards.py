"""`CardDelegate`: paints a board card (`crm.services.board.Card`) inside a list view.

A card is painted, not built of widgets, so a column of 50 cards costs one item each:
each side's organization (bold) and person, the purpose and the days in stage (or the
outcome and closing date), the owner's initials in a round badge and, when an open
follow-up of the introduction is overdue, a red "Overdue" badge. Colours come from the
palette and `crm.ui.theme.signal_color`, so the light and dark looks both read. A card that
waited past the stalled limit gets an amber stripe on its left.

Item roles: `CARD_ROLE` holds the `Card`; `STALLED_ROLE` is True for a stalled card. Items
without a card (the "n more…" line) are painted as plain text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crm.domain.enums import IntroductionStage
from crm.services.board import Card
from crm.ui import labels, theme
from crm.ui.i18n import tr

CARD_ROLE = Qt.ItemDataRole.UserRole + 10
STALLED_ROLE = Qt.ItemDataRole.UserRole + 11
PAD = 7
LINES = 6

Index = QModelIndex | QPersistentModelIndex


def footer_text(card: Card, now: datetime) -> tuple[str, str]:
    """The card's last two lines: the purpose and the days in the stage (under the stage's
    column header: "12 days" says it in a narrow column), or the outcome and closing date."""
    if card.stage == IntroductionStage.CLOSED:
        # Days "in stage" mean waiting; a closed introduction waits for nothing.
        closed = QLocale().toString(QDate(card.stage_changed_at.date()), "d MMM yyyy")
        outcome = labels.enum_label("IntroductionStatus", card.outcome) if card.outcome else ""
        return outcome, closed
    purpose = labels.enum_label("IntroductionPurpose", card.purpose)
    return purpose, tr("%n day(s)", None, card.days_in_stage(now))


class CardDelegate(QStyledItemDelegate):
    """Paints the board's cards; every card has the same height (a fast, steady column)."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.88, 6.0))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(CARD_ROLE) is None:
            return super().sizeHint(option, index)
        height = QFontMetrics(option.font).height()
        return QSize(100, LINES * (height + 1) + 2 * PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        _base, bold, small = self._fonts(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outer = option.rect.adjusted(3, 2, -3, -2)
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected or focused else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(outer, 6, 6)
        if index.data(STALLED_ROLE):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.signal_color("warning", palette))
            painter.drawRoundedRect(
                QRect(outer.left() + 1, outer.top() + 4, 4, outer.height() - 8), 2, 2
            )

        inner = outer.adjusted(PAD + 2, PAD - 2, -PAD, -PAD + 2)
        line = QFontMetrics(option.font).height() + 1
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        alert = theme.signal_color("alert", palette)

        # The overdue badge, top right; the first line leaves it room.
        badge_width = 0
        if card.overdue:
            painter.setFont(small)
            word = tr("Overdue")
            metrics = QFontMetrics(small)
            badge = QRect(0, 0, metrics.horizontalAdvance(word) + 10, metrics.height() + 2)
            badge.moveTopRight(inner.topRight())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(alert)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)
            badge_width = badge.width() + 4

        def draw(y: int, value: str, font: QFont, colour: QColor, room: int = 0) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            area = QRect(inner.left(), inner.top() + y * line, inner.width() - room, line)
            shown = QFontMetrics(font).elidedText(value, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(
                area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )

        for row, side in ((0, "qc"), (2, "ma")):
            org, person = card.side(side)
            arrow = "" if side == "qc" else "↔ "
            draw(row, arrow + (org or person), bold, text, badge_width if row == 0 else 0)
            if org and person:
                draw(row + 1, person, small, muted)

        # The owner's initials in a round badge, bottom right, beside the footer.
        circle = 0
        if card.owner:
            size = line + 2
            circle = size + 4
            disc = QRect(inner.right() - size, inner.top() + 5 * line - 1, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(disc)
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, card.owner_initials)
        first, second = footer_text(card, datetime.now(UTC))
        draw(4, first, small, muted)
        days_colour = theme.signal_color("warning", palette) if index.data(STALLED_ROLE) else muted
        draw(5, second, small, days_colour, circle)
        painter.restore()
