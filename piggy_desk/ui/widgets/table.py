"""What every flat table model of the program shares: named columns, no children."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

# Rows a table takes in one turn of the event loop: formatting 500 at once held the window
# for several milliseconds (the next turn draws, takes keys, then the next slice goes in).
ROWS_PER_TURN = 100


class HeaderTableModel(QAbstractTableModel):
    """A table with one column per name in ``HEADERS``; subclasses say how many rows.

    Mark the names with ``QT_TRANSLATE_NOOP("<the subclass's name>", …)``: they are
    translated in that context when shown.
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def row_total(self) -> int:
        """How many rows there are."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None
