"""The main window's screens as tabs, without a repaint of the whole page for each change
of a screen's layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

# How long a smaller minimum of a page waits before the window hears of it: a counter's
# steps change it several times a redemption, and each time the window's layouts ran.
TELL_WINDOW_MS = 300


class ScreenTabs(QTabWidget):
    """A ``QTabWidget`` that lays itself out again only when its own parts would move.

    Qt's tab widget has no layout: any change of a page's layout (a label's new text, a
    panel shown) reaches it as a ``LayoutRequest``, and it then sets its tab bar and page
    where they already are and repaints itself whole, the page and every widget on it.
    Here such a request is passed on only when the tab bar's size or the tab widget's
    own size changed since the last one. Otherwise only the window is told that the
    page's size hints changed: at once when the page no longer fits (a larger minimum),
    else once they have been still for a moment.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: tuple[QSize, QSize] | None = None  # tab bar hint, size
        self._hints: tuple[QSize, QSize] | None = None  # minimum size hint, size hint
        self._tell_window = QTimer(self)
        self._tell_window.setSingleShot(True)
        self._tell_window.setInterval(TELL_WINDOW_MS)
        self._tell_window.timeout.connect(self.updateGeometry)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            laid_out = (self.tabBar().sizeHint(), self.size())
            hints = (self.minimumSizeHint(), self.sizeHint())
            if laid_out == self._laid_out:
                if hints != self._hints:
                    self._hints = hints
                    minimum = hints[0]
                    if minimum.width() > self.width() or minimum.height() > self.height():
                        self._tell_window.stop()
                        self.updateGeometry()
                    else:
                        self._tell_window.start()
                return True
            self._laid_out, self._hints = laid_out, hints
        return super().event(event)
