"""Columns side by side where the view is wide enough for all of them, one above the other
where it is not: a page in a scroll area that never scrolls sideways (a small window, the
longer Dutch labels)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

Direction = QBoxLayout.Direction


class Columns(QWidget):
    """The page of a scroll area whose ``view`` (its viewport) decides the direction."""

    def __init__(self, view: QWidget, parent: QWidget | None = None, *, spacing: int = 16) -> None:
        super().__init__(parent)
        self._view = view
        self._columns = QBoxLayout(Direction.LeftToRight, self)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(spacing)
        view.installEventFilter(self)

    def add_column(self, column: QLayout, stretch: int) -> None:
        self._columns.addLayout(column, stretch)

    @property
    def side_by_side(self) -> bool:
        return self._columns.direction() == Direction.LeftToRight

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._fit(self._view.width())
        return False

    def _fit(self, width: int) -> None:
        count = self._columns.count()
        needed = self._columns.spacing() * (count - 1)
        for i in range(count):
            column = self._columns.itemAt(i)
            needed += column.minimumSize().width() if column is not None else 0
        wanted = Direction.LeftToRight if needed <= width else Direction.TopToBottom
        if self._columns.direction() != wanted:
            self._columns.setDirection(wanted)
