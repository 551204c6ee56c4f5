"""The main window's screens as tabs, without a repaint of the whole page for each change
of a screen's layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget, QWidget


class ScreenTabs(QTabWidget):
    """A ``QTabWidget`` that lays itself out again only when its own parts would move.

    Qt's tab widget has no layout: any change of a page's layout (a label's new text, a
    panel shown) reaches it as a ``LayoutRequest``, and it then sets its tab bar and page
    where they already are and repaints itself whole, the page and every widget on it.
    Here such a request is passed on only when the tab bar's size or the tab widget's
    own size changed since the last one; else only the window is told, when the page's
    size hints changed (a larger minimum must still reach the window).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: tuple[QSize, QSize] | None = None  # tab bar hint, size
        self._hints: tuple[QSize, QSize] | None = None  # minimum size hint, size hint

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            laid_out = (self.tabBar().sizeHint(), self.size())
            hints = (self.minimumSizeHint(), self.sizeHint())
            if laid_out == self._laid_out:
                if hints != self._hints:
                    self._hints = hints
                    self.updateGeometry()
                return True
            self._laid_out, self._hints = laid_out, hints
        return super().event(event)
