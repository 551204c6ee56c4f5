"""What every flat table of the program shares: named columns, no children; a list of
things as rows; and a read-only table view set up the same way on every screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex

# Qt's item roles as plain ints, as a model's data() is handed them: a role compared with
# Qt.ItemDataRole's members costs PySide6 two attribute look-ups each time (about 0.25 us),
# and a table asks seven roles of every cell in view at every paint.
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole.value
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole.value
FOREGROUND_ROLE = Qt.ItemDataRole.ForegroundRole.value
USER_ROLE = Qt.ItemDataRole.UserRole.value
# The roles a list of vouchers answers (text, tooltip, status colour, the row's voucher):
# data() turns the others away first, most of the seven it is asked at every paint.
VOUCHER_ROW_ROLES = frozenset({DISPLAY_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, USER_ROLE})

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
        if role != DISPLAY_ROLE:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None


class GrowingTableView(QTableView):
    """A table view that does not repaint the rows in view when rows are added below them.

    Qt lays the items out again after every insertion and repaints the whole viewport
    (``QAbstractItemView::doItemsLayout``), so each slice of a page of vouchers (a turn of
    the event loop) repainted the rows in view, every cell through the model's Python
    ``data()``: most of the window's time while the Vouchers screen loads 10,000 vouchers.
    Rows added below the last row in view change nothing in view but the scroll bar, so
    that layout only sets the scroll bars (``updateGeometries``); anything else (a reset, a
    sort, rows removed, rows added in view, a style or font change) is laid out and
    repainted as Qt does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What the items' next layout has to show: nothing, rows below the view only, or more.
        self._pending: str | None = None

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """The first Down (or Tab) with nothing chosen chooses the current row: Qt makes the
        first cell current as the list takes the focus, without choosing it, and Down went
        on to the second row."""
        current = self.currentIndex()
        chosen = self.selectionModel()
        down = (
            QAbstractItemView.CursorAction.MoveDown,
            QAbstractItemView.CursorAction.MoveNext,
        )
        if (
            cursorAction in down
            and current.isValid()
            and chosen is not None
            and not chosen.hasSelection()
        ):
            self.setCurrentIndex(current)  # chosen (the view's selection command)
            return current
        return super().moveCursor(cursorAction, modifiers)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in self._full_layout_signals(old):
                signal.disconnect(self._on_model_changed_in_view)
        super().setModel(model)
        if model is not None:
            for signal in self._full_layout_signals(model):
                signal.connect(self._on_model_changed_in_view)

    @staticmethod
    def _full_layout_signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
        return (
            model.modelReset,
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
        )

    def _on_model_changed_in_view(self, *_: object) -> None:
        self._pending = "all"

    def rowsInserted(self, parent: Index, start: int, end: int) -> None:
        super().rowsInserted(parent, start, end)
        # The last row in view before these (the vertical header hears of them after the view).
        last = self.last_row_in_view()
        below = not parent.isValid() and last >= 0 and start > last
        if not below:
            self._pending = "all"
        elif self._pending is None:
            self._pending = "below"

    def last_row_in_view(self) -> int:
        """The row at the bottom of the view; -1 when the rows end above it."""
        # Not viewport(): PySide6 would set up every widget class for it (see d2ba274).
        return self.rowAt(self.maximumViewportSize().height())

    def doItemsLayout(self) -> None:
        pending, self._pending = self._pending, None
        if pending == "below":
            self.updateGeometries()
        else:
            super().doItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        self._pending = "all"
        super().changeEvent(event)


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
) -> GrowingTableView:
    """A table to read from: Tab leaves it (arrows move in it), a screen reader hears its
    name, rows alternate in colour, no row numbers. With ``selection``, whole rows are
    chosen in that mode."""
    table = GrowingTableView(parent)
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
