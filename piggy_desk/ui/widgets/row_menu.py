"""The context menu of a manager table: what the screen's buttons do, one key or click away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu


def asks_for_menu(event: QKeyEvent) -> bool:
    """The Menu key, or Shift+F10 (the keyboard's way where there is no Menu key)."""
    key = event.key()
    if key == Qt.Key.Key_Menu:
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier


class RowMenu(QObject):
    """Opens a menu of the screen's buttons on ``table``: a right click, the Menu key or
    Shift+F10.

    The entries are made from the buttons each time the menu opens (their text and whether
    they are enabled then), and choosing one clicks its button: the action runs through the
    button's own slot, whichever way it was asked for, and the menu never offers what the
    button would refuse.
    """

    def __init__(self, table: QAbstractItemView, buttons: Sequence[QAbstractButton]) -> None:
        super().__init__(table)
        self._table = table
        self._buttons = tuple(buttons)
        self.menu = QMenu(table)
        self.menu.setObjectName(f"{table.objectName()}Menu")
        self.menu.setAccessibleName(table.accessibleName())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_custom_context_menu_requested)
        table.installEventFilter(self)

    def open(self, at: QPoint | None = None) -> QMenu:
        """Show the menu at ``at`` (in the table's viewport) or under the current row."""
        if self.menu.isVisible():
            return self.menu  # the platform's own context-menu event after our key press
        self.menu.clear()
        for button in self._buttons:
            action = self.menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        if at is None:
            at = QPoint(0, 0)
            index = self._table.currentIndex()
            if index.isValid():
                self._table.scrollTo(index)
                at = self._table.visualRect(index).bottomLeft()
        self.menu.popup(self._table.viewport().mapToGlobal(at))
        return self.menu

    def _on_table_custom_context_menu_requested(self, position: QPoint) -> None:
        self.open(position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not every platform turns the Menu key into a context-menu event (the offscreen one
        # does not), and Shift+F10 is one only on Windows: the table's keys are read here.
        if (
            watched is self._table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and asks_for_menu(event)
        ):
            self.open()
            return True
        return False
