"""The keyboard goes back to the main window after each of its dialogs closes.

Without a window manager (a kiosk counter, a bare X session) nobody hands the activation
back when a dialog closes: X gives the keyboard to the root window, and the window's
shortcuts (Ctrl+1 … Ctrl+6) and a scanner's keys go nowhere until someone clicks the
window. Under a window manager this only repeats what it does itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from piggy_desk.ui.core.app_events import application_events


class FocusReturn(QObject):
    """Watches the program's dialogs (each has had the keyboard: ``ApplicationEvents``
    watches every window that has); when one of ``window``'s dialogs hides and no other
    window of the program has taken the keyboard, ``window`` gets it back."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        if (shared := application_events()) is not None:
            shared.watch(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the focus widget and of the windows passes here: the isinstance
        # test goes first, asking a QEvent its type builds a Python enum.
        if (
            isinstance(watched, QDialog)
            and event.type() == QEvent.Type.Hide
            and watched.isWindow()
            and self._belongs(watched)
        ):
            # After the hide has run its course (and a dialog that follows has opened).
            QTimer.singleShot(0, self, self._give_back)
        return False

    def _belongs(self, dialog: QDialog) -> bool:
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is self._window:
                return True
            parent = parent.parentWidget()
        return False

    def _give_back(self) -> None:
        window = self._window
        if not window.isVisible() or window.isMinimized():
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return  # another dialog (or a menu) is open: it keeps the keyboard
        active = QApplication.activeWindow()
        if active is not None and active is not window and active.isVisible():
            return  # another window of the program has it
        window.activateWindow()
