"""The counter's recent scans: each code with what it came to, to show again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from piggy_desk.counter.view import (
    NOT_CHECKED,
    NOT_FOUND,
    REDEEMED_HERE,
    REVERSED_HERE,
    RecentScan,
)
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import time_text
from piggy_desk.ui.widgets import StatusLook, glyph_icon, status_look


class RecentScans(QListWidget):
    """Each recent scan as glyph, code, what it came to and when, side by side.

    Signals:
        chosen(str): a scan was clicked: the code to show again.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentScans")
        self.setAccessibleName(self.tr("Recent scans"))
        # Codes side by side on one line: the counter must fit a 1366x768 screen.
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setSpacing(4)
        self.setMinimumHeight(40)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Wrapped rows scroll down; a code is never cut off at the side.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(18, 18))
        self._rows = 2
        self._fit_rows()
        self.itemClicked.connect(self._on_item_clicked)
        self._shown: tuple[RecentScan, ...] = ()  # what the items show, newest first
        self._drawn_as: tuple[float, theme.Palette] | None = None  # their icons' ratio, theme
        self._tip = self.tr("Show this voucher again")

    def show_scans(self, scans: tuple[RecentScan, ...]) -> None:
        """The scans, in the order the flow keeps them. A scan comes in front (the oldest
        goes past the last kept), or the newest changes (redeemed here): only that item is
        made, not the list's twenty."""
        drawn_as = (self.devicePixelRatioF(), theme.current())
        if drawn_as != self._drawn_as:  # a new theme or screen: every icon again
            self._drawn_as, self._shown = drawn_as, ()
            self.clear()
        shown, self._shown = self._shown, scans
        if scans == shown:
            return
        if shown and scans[1:] == shown[: len(scans) - 1]:
            self._put(0, scans[0])
            while self.count() > len(scans):
                self.takeItem(self.count() - 1)
        elif shown and len(scans) == len(shown) and scans[1:] == shown[1:]:
            self.takeItem(0)
            self._put(0, scans[0])
        else:
            self.clear()
            for row, scan in enumerate(scans):
                self._put(row, scan)
        # Laid out now, not at the list's next timer: that came after the window had been
        # painted and painted it all again (8 -> 6 paint cycles per redemption).
        self.doItemsLayout()
        self._show_whole_rows()

    def set_rows(self, rows: int) -> None:
        """At most ``rows`` whole rows high (the counter on a small screen: one)."""
        if rows != self._rows:
            self._rows = rows
            self._fit_rows()

    def _fit_rows(self) -> None:
        """At most two whole rows high (72 px showed the top of a third, cut through its
        text), or as many as ``set_rows`` says; more scroll down."""
        row = max(self.iconSize().height(), self.fontMetrics().height()) + 2 * self.spacing()
        self.setMaximumHeight(self._rows * row + self.spacing() + 2 * self.frameWidth())

    def _show_whole_rows(self) -> None:
        """The view is as high as the whole rows that fit, the rest of the list's height left
        blank below it: when the counter needs the room (a confirm panel asking the uses),
        the list is squeezed below two rows and showed one and a half, the second cut through
        its text."""
        margin = 0
        if self.count():
            pitch = self.visualItemRect(self.item(0)).height() + 2 * self.spacing()
            room = self.contentsRect().height()
            if pitch > 0 and room >= pitch:
                margin = room % pitch
        if self.viewportMargins().bottom() != margin:
            self.setViewportMargins(0, 0, 0, margin)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_whole_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()
            for row in range(self.count()):  # each item measured again in the new font
                item = self.item(row)
                item.setData(Qt.ItemDataRole.SizeHintRole, None)  # its kept size dropped
                self._measure(item)

    def _put(self, row: int, scan: RecentScan) -> None:
        item = self._item(scan)
        self.insertItem(row, item)
        self._measure(item)

    def _measure(self, item: QListWidgetItem) -> None:
        """The item's size, as the delegate gives it, kept on the item: the list lays out
        its twenty items at each new scan, and asked the delegate for each one's size
        every time (its text laid out: 0.12 of the 0.17 ms a scan's list took). An item
        with a kept size is measured as that size: drop it first to measure again."""
        item.setSizeHint(self.sizeHintForIndex(self.indexFromItem(item)))

    def _item(self, scan: RecentScan) -> QListWidgetItem:
        look = self._look(scan.outcome)
        text = self.tr("{code} · {outcome} · {time}").format(
            code=scan.code, outcome=look.word, time=time_text(scan.at)
        )
        ratio = self._drawn_as[0] if self._drawn_as else 1.0
        item = QListWidgetItem(glyph_icon(look, 18, ratio), text)
        item.setData(Qt.ItemDataRole.UserRole, scan.code)
        item.setToolTip(self._tip)
        return item

    def _look(self, outcome: str) -> StatusLook:
        if outcome == NOT_FOUND:
            return StatusLook(self.tr("Not found"), "bad", "question")
        if outcome == NOT_CHECKED:
            return StatusLook(self.tr("Not checked"), "warn", "bang")
        if outcome == REDEEMED_HERE:
            return StatusLook(self.tr("Redeemed here"), "good", "check")
        if outcome == REVERSED_HERE:
            return StatusLook(self.tr("Reversed here"), "info", "info")
        return status_look(outcome)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(code if isinstance(code, str) else "")
