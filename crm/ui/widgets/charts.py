"""Small charts painted with QPainter (QtCharts is not part of PySide6-Essentials).

- `BarChart`: horizontal bars with a label and a value each; `funnel=True` centres the bars
  (the introduction funnel). Clicking a bar emits `barClicked(key)`.
- `ColumnChart`: grouped vertical columns per category (months) with a legend, one colour
  per series; clicking a column emits `barClicked(key)` with (category, series).

Bars are plain data: (key, label, value). Each bar's rectangle is kept from the last paint
(`bar_rect(key)`) so tests and people automating the desk can click it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_HEIGHT = 170
PALETTE = ("#1f5fa8", "#2e9e6b", "#e08a1e", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400")


class _Chart(QWidget):
    barClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rects: list[tuple[Any, QRectF]] = []
        self.empty_text = ""

    def minimumSizeHint(self) -> QSize:
        return QSize(200, MIN_HEIGHT)

    def bar_rect(self, key: Any) -> QRectF:
        for k, rect in self.rects:
            if k == key:
                return rect
        raise KeyError(key)

    def key_at(self, point: QPointF) -> Any:
        for key, rect in self.rects:
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return key
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.key_at(event.position())
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if hit is not None else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            key = self.key_at(event.position())
            if key is not None:
                self.barClicked.emit(key)
        super().mouseReleaseEvent(event)

    def _empty(self, painter: QPainter) -> bool:
        if self.rects or not self.empty_text:
            return False
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
        return True


class BarChart(_Chart):
    """Horizontal bars: (key, label, value); the funnel centres them."""

    def __init__(
        self, parent: QWidget | None = None, *, funnel: bool = False, color: str = PALETTE[0]
    ) -> None:
        super().__init__(parent)
        self.funnel = funnel
        self.color = QColor(color)
        self.bars: list[tuple[Any, str, int]] = []
        self.colors: list[str] = []

    def set_bars(self, bars: list[tuple[Any, str, int]], colors: list[str] | None = None) -> None:
        self.bars = list(bars)
        self.colors = list(colors or [])
        self.updateGeometry()  # the minimum height follows the number of bars
        self._layout()
        self.update()

    def _min_row(self) -> float:
        """A row never shorter than a line of text (else labels overlap and clip)."""
        return float(self.fontMetrics().height() + 6)

    def sizeHint(self) -> QSize:
        return QSize(360, max(120, int(max(26.0, self._min_row()) * len(self.bars)) + 16))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, max(MIN_HEIGHT, int(self._min_row() * len(self.bars)) + 16))

    def resizeEvent(self, event: Any) -> None:
        self._layout()
        super().resizeEvent(event)

    def _label_width(self) -> float:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for _k, label, _v in self.bars), default=0)
        return min(widest + 12, self.width() * 0.45)

    def _layout(self) -> None:
        self.rects = []
        if not self.bars:
            return
        top, gap = 8.0, 6.0
        row = max(self._min_row(), min(30.0, (self.height() - 2 * top) / len(self.bars)))
        label_w = self._label_width()
        value_w = self.fontMetrics().horizontalAdvance("0000000") + 8
        span = max(self.width() - label_w - value_w - 12, 10)
        biggest = max((v for _k, _l, v in self.bars), default=0) or 1
        for n, (key, _label, value) in enumerate(self.bars):
            width = max(span * value / biggest, 2.0)
            x = label_w + (span - width) / 2 if self.funnel else label_w
            self.rects.append((key, QRectF(x, top + n * row, width, row - gap)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._empty(painter):
            return
        text = self.palette().windowText().color()
        label_w = self._label_width()
        for n, ((_key, label, value), (_k, rect)) in enumerate(
            zip(self.bars, self.rects, strict=True)
        ):
            color = QColor(self.colors[n]) if n < len(self.colors) else self.color
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(text)
            # Text takes the whole row (the bar leaves a gap below it).
            label_rect = QRectF(0, rect.top() - 3, label_w - 8, rect.height() + 6)
            painter.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 8)),
            )
            value_rect = QRectF(rect.right() + 6, rect.top() - 3, 80, rect.height() + 6)
            painter.drawText(
                value_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        painter.end()


class ColumnChart(_Chart):
    """Grouped columns: categories (x) × series, with a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[tuple[Any, str]] = []
        self.series: list[tuple[Any, str, str]] = []  # key, label, colour
        self.values: dict[tuple[Any, Any], int] = {}

    def set_data(self, categories: list[tuple[Any, str]], series: list[tuple[Any, str, str]],
                 values: dict[tuple[Any, Any], int]) -> None:  # fmt: skip
        self.categories, self.series, self.values = list(categories), list(series), dict(values)
        self._layout()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def resizeEvent(self, event: Any) -> None:
        self._layout()
        super().resizeEvent(event)

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("0000") + 10
        return QRectF(left, metrics.height() + 14, self.width() - left - 8,
                      self.height() - 2 * metrics.height() - 26)  # fmt: skip

    def _layout(self) -> None:
        self.rects = []
        if not self.categories or not self.series:
            return
        plot = self._plot()
        biggest = max(self.values.values(), default=0) or 1
        slot = plot.width() / len(self.categories)
        bar = max(slot * 0.8 / len(self.series), 2.0)
        for c, (ckey, _label) in enumerate(self.categories):
            for s, (skey, _sl, _color) in enumerate(self.series):
                value = self.values.get((ckey, skey), 0)
                height = plot.height() * value / biggest
                x = plot.left() + c * slot + slot * 0.1 + s * bar
                self.rects.append(
                    ((ckey, skey), QRectF(x, plot.bottom() - height, bar - 1, max(height, 0.0)))
                )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._empty(painter):
            return
        text = self.palette().windowText().color()
        plot = self._plot()
        metrics = self.fontMetrics()
        painter.setPen(QColor("#b0b0b0"))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        biggest = max(self.values.values(), default=0)
        painter.setPen(text)
        painter.drawText(QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 6, metrics.height()),
                         int(Qt.AlignmentFlag.AlignRight), str(biggest))  # fmt: skip
        painter.drawText(QRectF(0, plot.bottom() - metrics.height() / 2, plot.left() - 6, metrics.height()),
                         int(Qt.AlignmentFlag.AlignRight), "0")  # fmt: skip
        colors = {skey: QColor(color) for skey, _l, color in self.series}
        for (_ckey, skey), rect in self.rects:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors[skey])
            painter.drawRect(rect)
        painter.setPen(text)
        slot = plot.width() / max(len(self.categories), 1)
        for c, (_ckey, label) in enumerate(self.categories):
            painter.drawText(QRectF(plot.left() + c * slot, plot.bottom() + 4, slot, metrics.height() + 2),
                             int(Qt.AlignmentFlag.AlignHCenter), label)  # fmt: skip
        x = plot.left()
        for _skey, label, color in self.series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRect(QRectF(x, 4, 12, 12))
            painter.setPen(text)
            painter.drawText(QPointF(x + 16, 4 + metrics.ascent()), label)
            x += 16 + metrics.horizontalAdvance(label) + 18
        painter.end()
