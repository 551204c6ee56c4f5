"""What every flat table of the program shares: named columns, no children; a list of
things as rows; and a read-only table view set up the same way on every screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

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


Row = TypeVar("Row")


class ListTableModel(HeaderTableModel, Generic[Row]):
    """A table whose rows are a list of things, all replaced at once by ``set_rows``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._rows)


def list_table(
    parent: QWidget,
    name: str,
    model: QAbstractItemModel,
    accessible_name: str,
    *,
    selection: QAbstractItemView.SelectionMode | None = None,
) -> QTableView:
    """A table to read from: Tab leaves it (arrows move in it), a screen reader hears its
    name, rows alternate in colour, no row numbers. With ``selection``, whole rows are
    chosen in that mode."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    if selection is not None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table
