"""The Vouchers screen's table: rows chosen one at a time, sorted by a clicked header, its
columns measured to the rows in view whenever other rows come into view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QWidget

from piggy_desk.api import Voucher
from piggy_desk.ui.core.i18n import date_time_text
from piggy_desk.ui.vouchers.model import VouchersModel
from piggy_desk.ui.widgets.table import GrowingTableView


class VouchersTable(GrowingTableView):
    """The list of vouchers; ``selected()`` is the voucher chosen, if any."""

    def __init__(self, model: VouchersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vouchersTable")
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setAccessibleName(self.tr("Vouchers"))
        self.setAccessibleDescription(
            self.tr("Arrow keys choose a voucher; the buttons below or the Menu key act on it")
        )
        self.setModel(model)
        self._model = model
        self._sized = False
        # Piggy's order until a column header is clicked (the model sorts, see sort()).
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The customer takes what the other columns leave, so every column fits the window
        # (the last one was cut at 1100 pixels); a long address is elided, whole in its tip.
        header.setSectionResizeMode(VouchersModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        # Column widths from the rows in view, not from the first thousand (50 ms).
        header.setResizeContentsPrecision(0)
        # A sort brings other rows into view: measure them.
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        # Connected before the screen's: the columns are measured before anything is said.
        model.page_loaded.connect(self._on_model_page_loaded)
        model.modelReset.connect(self._on_model_reset)

    def selected(self) -> Voucher | None:
        """The chosen voucher: a selected row (the current cell alone is no choice)."""
        rows = self.selectionModel().selectedRows()
        return self._model.voucher(rows[0].row()) if rows else None

    def _on_model_page_loaded(self, rows: int) -> None:
        if not self._sized and rows:
            # From the first page of each list: measuring every page would cost time with
            # thousands.
            self.fit_columns()
            self._sized = True

    def _on_model_reset(self) -> None:
        """Another filter or a found code: measure again."""
        self._sized = False
        if self._model.row_total():
            self.fit_columns()
            self._sized = True

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self._model.row_total():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Code, status and promotion to the rows in view (the promotion at most a quarter
        of the table); the dates as wide as the longest date the locale writes, since the
        rows in view may have none (most vouchers were never used)."""
        # Only the columns whose width their cells decide: the customer stretches, and the
        # dates take the widest date below; measuring those three too (each cell's size
        # through the delegate and data()) doubled the fit, in the first page's paint.
        for column in (VouchersModel.CODE, VouchersModel.STATUS, VouchersModel.PROMOTION):
            self.resizeColumnToContents(column)
        promotion = VouchersModel.PROMOTION
        # The header is as wide as the viewport. Not viewport(): its class is one PySide6
        # does not know, and handing it to Python made PySide6 set up every widget class.
        self.setColumnWidth(
            promotion, min(self.columnWidth(promotion), self.horizontalHeader().width() // 4)
        )
        widest = date_time_text(datetime(2026, 12, 28, 22, 58).astimezone())
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        room = self.fontMetrics().horizontalAdvance(widest) + 2 * (margin + 4)
        header = self.horizontalHeader()
        for column in (VouchersModel.EXPIRES, VouchersModel.REDEEMED):
            self.setColumnWidth(column, max(header.sectionSizeHint(column), room))
