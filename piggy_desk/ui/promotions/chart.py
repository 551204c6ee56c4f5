"""The bar chart of a promotion's vouchers by status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from piggy_desk.api import (
    VoucherStatus,
)
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP
from piggy_desk.ui.widgets import status_look

CHART_STATUSES = (
    VoucherStatus.ACTIVE,
    VoucherStatus.LOCKED,
    VoucherStatus.INACTIVE,
    VoucherStatus.REDEEMED,
    VoucherStatus.EXPIRED,
    VoucherStatus.DEACTIVATED,
)


# A chart label has less room than the counter's status badge.
_CHART_WORDS = {VoucherStatus.LOCKED: QT_TRANSLATE_NOOP("VoucherChart", "In use at a counter")}


_MIN_BAR = 60


@dataclass(frozen=True, slots=True)
class VoucherCounts:
    """How many vouchers a promotion has: all of them (``issued``) and per status."""

    promotion_uuid: str
    issued: int
    limit: int | None
    by_status: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One bar: its label, its length, its colour and the text after it."""

    label: str
    value: int
    colour: str
    text: str


def chart_rows(counts: VoucherCounts) -> list[ChartRow]:
    """The chart's bars: issued against the limit first, then one per status."""

    locale = QLocale()
    issued, limit = locale.toString(counts.issued), locale.toString(counts.limit or 0)
    if counts.limit is None:
        issued_text = QCoreApplication.translate("VoucherChart", "{issued} (no limit)").format(
            issued=issued
        )
    elif counts.issued >= counts.limit:
        issued_text = QCoreApplication.translate(
            "VoucherChart", "{issued} of {limit}, limit reached"
        ).format(issued=issued, limit=limit)
    else:
        issued_text = QCoreApplication.translate("VoucherChart", "{issued} of {limit}").format(
            issued=issued, limit=limit
        )
    issued_word = QCoreApplication.translate("VoucherChart", "Issued")
    rows = [ChartRow(issued_word, counts.issued, theme.current().chart_other, issued_text)]
    for status in CHART_STATUSES:
        look = status_look(status)
        number = counts.by_status.get(status, 0)
        word = (
            QCoreApplication.translate("VoucherChart", _CHART_WORDS[status])
            if status in _CHART_WORDS
            else look.word
        )
        rows.append(ChartRow(word, number, look.colour, locale.toString(number)))
    return rows


class VoucherChart(QWidget):
    """A promotion's vouchers at a glance: issued against the voucher limit, then one bar
    per status, each labelled with its word and its number (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promotionChart")
        self.setAccessibleName(self.tr("Vouchers of this promotion"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # its figures are its description
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.counts: VoucherCounts | None = None
        self.rows: list[ChartRow] = []
        self.message = ""
        self.show_message(self.tr("Select a promotion to see its vouchers."))

    def set_counts(self, counts: VoucherCounts) -> None:
        self.counts = counts
        self.rows = chart_rows(counts)
        self.message = ""
        self.setAccessibleDescription("; ".join(f"{r.label}: {r.text}" for r in self.rows))
        self.updateGeometry()
        self.update()

    def show_message(self, text: str) -> None:
        """Show a sentence instead of bars (nothing selected, counting, failed)."""
        self.counts = None
        self.rows = []
        self.message = text
        self.setAccessibleDescription(text)
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(420, self._row_height(metrics) * (1 + len(CHART_STATUSES)) + self._gap())

    def minimumSizeHint(self) -> QSize:
        """Room for every label and number beside a short bar: nothing is ever cut off."""
        label_width, text_width = self._columns(QFontMetrics(self.font()))
        return QSize(max(300, label_width + text_width + _MIN_BAR), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hasFocus():  # the focus ring, as every other control has
            painter.setPen(QPen(QColor(theme.current().focus), 3))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        metrics = QFontMetrics(self.font())
        if not self.rows:
            painter.setPen(QColor(theme.current().muted))
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            painter.end()
            return
        row_height = self._row_height(metrics)
        label_width, text_width = self._columns(metrics)
        bar_room = max(_MIN_BAR, self.width() - label_width - text_width)
        limit = self.counts.limit if self.counts is not None else None
        scale = max(1, limit or 0, *(row.value for row in self.rows))
        y = 0.0
        for number, row in enumerate(self.rows):
            if number == 1:
                y += self._gap()
                painter.setPen(QPen(QColor(theme.current().border), 1))
                painter.drawLine(
                    0, int(y - self._gap() / 2), self.width(), int(y - self._gap() / 2)
                )
            bar_top, bar_height = y + row_height * 0.18, row_height * 0.64
            painter.setPen(QColor(theme.current().text))
            painter.drawText(
                QRectF(0, y, label_width - 10, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row.label,
            )
            track = bar_room * limit / scale if number == 0 and limit else 0.0
            if track:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.current().border))
                painter.drawRoundedRect(QRectF(label_width, bar_top, track, bar_height), 3, 3)
            length = bar_room * row.value / scale
            if row.value and length < 3:
                length = 3.0  # one voucher among thousands still shows
            if length:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(row.colour))
                painter.drawRoundedRect(QRectF(label_width, bar_top, length, bar_height), 3, 3)
            end = label_width + max(track, length)
            painter.setPen(QColor(theme.current().text))
            painter.drawText(
                QRectF(end + 8, y, self.width() - end - 8, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.text,
            )
            y += row_height
        painter.end()

    def _columns(self, metrics: QFontMetrics) -> tuple[int, int]:
        """The widths of the label column and of the number after the longest bar."""
        rows = self.rows or [ChartRow(self.tr(_CHART_WORDS[VoucherStatus.LOCKED]), 0, "", "")]
        label_width = max(metrics.horizontalAdvance(row.label) for row in rows) + 16
        text_width = max(metrics.horizontalAdvance(row.text) for row in rows) + 16
        return label_width, text_width

    @staticmethod
    def _row_height(metrics: QFontMetrics) -> int:
        return max(28, metrics.height() + 12)

    @staticmethod
    def _gap() -> int:
        return 10
