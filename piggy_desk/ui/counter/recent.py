"""The counter's recent scans: each code with what it came to, to show again."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from piggy_desk.counter.view import NOT_CHECKED, NOT_FOUND, REDEEMED_HERE, RecentScan
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
        self.setMaximumHeight(72)
        # Codes side by side on one line: the counter must fit a 1366x768 screen.
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setSpacing(4)
        self.setMinimumHeight(40)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Wrapped rows scroll down; a code is never cut off at the side.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(18, 18))
        self.itemClicked.connect(self._on_item_clicked)

    def show_scans(self, scans: tuple[RecentScan, ...]) -> None:
        """The scans, in the order the flow keeps them."""
        self.clear()
        ratio = self.devicePixelRatioF()
        for scan in scans:
            look = self._look(scan.outcome)
            text = self.tr("{code} · {outcome} · {time}").format(
                code=scan.code, outcome=look.word, time=time_text(scan.at)
            )
            item = QListWidgetItem(glyph_icon(look, 18, ratio), text)
            item.setData(Qt.ItemDataRole.UserRole, scan.code)
            item.setToolTip(self.tr("Show this voucher again"))
            self.addItem(item)
        # Laid out now, not at the list's next timer: that came after the window had been
        # painted and painted it all again (8 -> 6 paint cycles per redemption).
        self.doItemsLayout()

    def _look(self, outcome: str) -> StatusLook:
        if outcome == NOT_FOUND:
            return StatusLook(self.tr("Not found"), "bad", "question")
        if outcome == NOT_CHECKED:
            return StatusLook(self.tr("Not checked"), "warn", "bang")
        if outcome == REDEEMED_HERE:
            return StatusLook(self.tr("Redeemed here"), "good", "check")
        return status_look(outcome)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(code if isinstance(code, str) else "")
