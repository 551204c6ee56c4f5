"""A barcode scanner's Enter never submits a manager's dialog.

A keyboard-wedge scanner types a code and Enter a few milliseconds apart. In a dialog's
field that Enter pressed the default button: an outside tester scanned a voucher while the
New promotion dialog's name had the focus and made a promotion called "CROISSANT1". The
scanned text stays in the field, where the manager sees it; a person's Enter, which comes
well after their last key, still presses the default button.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit

# A scanner types a code and its Enter a few milliseconds apart; a person who Tabs to a
# button and presses Enter takes far longer after their last character. (The counter's
# keys tell a scan from a person by it too: ui/counter/keys.py.)
SCANNER_PAUSE_SECONDS = 0.1

# A scan is at least this many characters at a scanner's pace (a code, a loyalty card).
SCAN_LENGTH = 4
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerEnter(QObject):
    """Watches the fields of ``dialog`` (those it has when it is shown) and swallows an
    Enter that ends a burst of characters at a scanner's pace."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._last_at = float("-inf")
        self._burst = 0
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog:
            if event.type() == QEvent.Type.Show:
                from PySide6.QtWidgets import QAbstractSpinBox  # its enums: when first shown

                fields = self._dialog.findChildren(QLineEdit)
                for field in [*fields, *self._dialog.findChildren(QAbstractSpinBox)]:
                    field.installEventFilter(self)  # again: Qt keeps one of each
            return False
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        now = time.monotonic()
        scanner_pace = now - self._last_at < SCANNER_PAUSE_SECONDS
        if event.key() in ENTER_KEYS:
            scanned = scanner_pace and self._burst >= SCAN_LENGTH
            self._burst = 0
            return scanned
        text = event.text()
        if text and text.isprintable():
            self._burst = self._burst + 1 if scanner_pace else 1
            self._last_at = now
        return False
