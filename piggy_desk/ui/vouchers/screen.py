"""The Vouchers screen: browse with filters and paging, act on a row, create one or a batch,
export the current filter to CSV."""

from __future__ import annotations

import asyncio
import csv
import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    ContactNotFound,
    PiggyClient,
    PiggyError,
    Promotion,
    Voucher,
    VoucherStatus,
)
from piggy_desk.notices import Tone
from piggy_desk.ui import printing
from piggy_desk.ui.core.accessibility import label_controls
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_time_text, error_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner, off_loop
from piggy_desk.ui.vouchers.dialogs import BatchDialog, CreateVoucherDialog
from piggy_desk.ui.widgets import status_look
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.row_menu import RowMenu
from piggy_desk.ui.widgets.table import ROWS_PER_TURN, HeaderTableModel

PAGE_SIZE = 500
Index = QModelIndex | QPersistentModelIndex
CSV_COLUMNS = (
    "uuid",
    "code",
    "status",
    "promotion_uuid",
    "promotion_name",
    "contact_uuid",
    "contact_email",
    "activation_date",
    "expiration_date",
    "redeemed_at",
    "is_redeemed",
    "status_shown",  # the status as the screen says it, in the person's language
)


def _local(moment: datetime | None) -> str:
    return "" if moment is None else date_time_text(moment)


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat()


def csv_row(voucher: Voucher) -> list[str]:
    """One voucher as a CSV row: dates in ISO 8601 with their offset."""
    promotion, contact = voucher.promotion, voucher.contact
    return [
        voucher.uuid,
        voucher.code,
        voucher.status,
        promotion.uuid if promotion else "",
        promotion.name if promotion else "",
        contact.uuid if contact else "",
        (contact.email or "") if contact else "",
        _iso(voucher.activation_date),
        _iso(voucher.expiration_date),
        _iso(voucher.redeemed_at),
        "true" if voucher.is_redeemed else "false",
        status_look(voucher.status).word,
    ]


@dataclass(frozen=True, slots=True)
class VoucherFilter:
    """What the list is narrowed to; None means all."""

    promotion_uuid: str | None = None
    status: str | None = None
    contact_uuid: str | None = None


def _sort_key(column: int) -> Callable[[_Row], Any]:
    """What a column sorts by: dates by time (a missing one last), the rest by their text."""

    def by_time(moment: datetime | None) -> tuple[bool, float]:
        return (moment is None, moment.timestamp() if moment is not None else 0.0)

    if column == VouchersModel.EXPIRES:
        return lambda row: by_time(row.voucher.expiration_date)
    if column == VouchersModel.REDEEMED:
        return lambda row: by_time(row.voucher.redeemed_at)
    return lambda row: row.texts[column].casefold()


@dataclass(slots=True)
class _Row:
    """One voucher as the table shows it."""

    voucher: Voucher
    texts: tuple[str, ...]


class VouchersModel(HeaderTableModel):
    """Vouchers, fed page by page (``canFetchMore``/``fetchMore``) from Piggy's list.

    Display texts are made once per row when a page arrives, so painting thousands of
    rows costs no formatting. ``fetchMore`` only starts a load; the rows arrive later
    through ``append_page``.

    Signals:
        page_loaded(int): a page was added; the argument is how many rows there are now.
        load_failed(object): a page could not be loaded (the PiggyError).
    """

    CODE, STATUS, PROMOTION, CUSTOMER, EXPIRES, REDEEMED = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("VouchersModel", "Code"),
        QT_TRANSLATE_NOOP("VouchersModel", "Status"),
        QT_TRANSLATE_NOOP("VouchersModel", "Promotion"),
        QT_TRANSLATE_NOOP("VouchersModel", "Customer"),
        QT_TRANSLATE_NOOP("VouchersModel", "Expires"),
        QT_TRANSLATE_NOOP("VouchersModel", "Used on"),
    )
    page_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self._client = client
        self._tasks = tasks
        self.page_size = page_size
        self.filter = VoucherFilter()
        # Rows in arrival order, and the order shown (the same rows, sorted by a column).
        self._arrived: list[_Row] = []
        self._rows: list[_Row] = []
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._uuids: set[str] = set()
        self._next_page = 1
        # Nothing until a filter is set (the screen is opened): a table view asks for more
        # rows even while hidden, and the counter's start has better things to do.
        self._more = False
        self._fetching = False
        self._generation = 0
        self.total: int | None = None

    # --- what the screen asks -----------------------------------------------------------

    def set_filter(self, voucher_filter: VoucherFilter) -> None:
        """Start again from the first page under a new filter."""
        self.filter = voucher_filter
        self.beginResetModel()
        self._arrived, self._rows, self._uuids = [], [], set()
        self._next_page, self._more, self._fetching = 1, True, False
        self._generation += 1
        self.total = None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def show_only(self, voucher: Voucher) -> None:
        """Show one voucher (a code search) instead of pages."""
        self.beginResetModel()
        row = self._row(voucher)
        self._arrived, self._rows = [row], [row]
        self._uuids = {voucher.uuid}
        self._more, self._fetching = False, False
        self._generation += 1
        self.total = 1
        self.endResetModel()

    def stop(self) -> None:
        """Fetch nothing more and drop pages still on their way (the screen is closing)."""
        self._more = False
        self._generation += 1

    def voucher(self, row: int) -> Voucher:
        return self._rows[row].voucher

    def replace(self, voucher: Voucher) -> None:
        """A voucher changed (activated, reversed…): update its row in place."""
        for number, row in enumerate(self._rows):
            if row.voucher.uuid == voucher.uuid:
                fresh = self._row(voucher)
                row.voucher, row.texts = fresh.voucher, fresh.texts
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, len(self.HEADERS) - 1)
                )
                return

    @property
    def loading(self) -> bool:
        return self._fetching

    # --- paging ---------------------------------------------------------------------------

    async def _fetch(self, generation: int, page: int) -> None:
        self._fetching = True
        try:
            result = await self._client.vouchers.list(
                promotion_uuid=self.filter.promotion_uuid,
                status=self.filter.status,
                contact_uuid=self.filter.contact_uuid,
                limit=self.page_size,
                page=page,
            )
        except PiggyError as error:
            if generation == self._generation:
                self._fetching = False
                self._more = False
                self.load_failed.emit(error)
            return
        if generation != self._generation:
            return  # the filter changed while this page was on its way
        self.total = result.total
        # A slice of rows per turn of the event loop: formatting 500 rows at once held the
        # window for 7 ms. The next page is not asked for until the last slice is in.
        for start in range(0, len(result.items), ROWS_PER_TURN):
            if start:
                await asyncio.sleep(0)
                if generation != self._generation:
                    return
            self.append_page(result.items[start : start + ROWS_PER_TURN])
        self._fetching = False
        self._next_page = page + 1
        self._more = result.continues_after(page, self.page_size)
        if not result.items:
            self.page_loaded.emit(len(self._rows))

    def append_page(self, vouchers: Sequence[Voucher]) -> None:
        # A voucher created between two page loads shifts the pages: never show one twice.
        fresh = [voucher for voucher in vouchers if voucher.uuid not in self._uuids]
        self._uuids.update(voucher.uuid for voucher in fresh)
        if fresh:
            rows = [self._row(voucher) for voucher in fresh]
            self._arrived.extend(rows)
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            if self._sort_column >= 0:
                self._sort_rows()
        self.page_loaded.emit(len(self._rows))

    def _row(self, voucher: Voucher) -> _Row:
        contact = voucher.contact
        texts = (
            voucher.code,
            status_look(voucher.status).word,
            (voucher.promotion.name if voucher.promotion else "") or voucher.name,
            ((contact.email or self.tr("(no e-mail)")) if contact else ""),
            _local(voucher.expiration_date) or self.tr("Never"),
            _local(voucher.redeemed_at),
        )
        return _Row(voucher, texts)

    # --- sorting (here rather than in a proxy: a proxy re-sorts every row on each page) ---

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._sort_rows()

    def ordering(self) -> Callable[[list[Voucher]], list[Voucher]] | None:
        """How the list orders vouchers now (a column's sort), for an export to follow;
        None in Piggy's own order, which pages keep as they come."""
        if self._sort_column < 0:
            return None
        key = _sort_key(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder

        def order(vouchers: list[Voucher]) -> list[Voucher]:
            rows = sorted(map(self._row, vouchers), key=key, reverse=descending)
            return [row.voucher for row in rows]

        return order

    def _sort_rows(self) -> None:
        self.layoutAboutToBeChanged.emit()
        before = {id(row): number for number, row in enumerate(self._rows)}
        if self._sort_column < 0:
            self._rows = list(self._arrived)
        else:
            column = self._sort_column
            self._rows = sorted(
                self._arrived,
                key=_sort_key(column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        after = {before[id(row)]: number for number, row in enumerate(self._rows)}
        moved_from = self.persistentIndexList()
        self.changePersistentIndexList(
            moved_from,
            [self.index(after[index.row()], index.column()) for index in moved_from],
        )
        self.layoutChanged.emit()

    # --- Qt model API ---------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()].texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS:
            # Coloured as everywhere else (Contacts, the card, the chart); the word says it too.
            return QColor(status_look(self._rows[index.row()].voucher.status).colour)
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()].voucher.uuid
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # asked while Qt runs without the event loop (shutting down): a hint only
        self._fetching = True
        self._tasks.start(self._fetch(self._generation, self._next_page), name="vouchers-page")


class CsvExport:
    """Streams every page of a filter to a CSV file; a cancelled or failed export leaves
    no file behind (it writes a ``.part`` file and renames it only when complete)."""

    def __init__(
        self,
        client: PiggyClient,
        voucher_filter: VoucherFilter,
        path: Path,
        *,
        page_size: int = PAGE_SIZE,
        order: Callable[[list[Voucher]], list[Voucher]] | None = None,
    ):
        self._client = client
        self._filter = voucher_filter
        self.path = path
        self._page_size = page_size
        # With an order every page is gathered first, then written in that order.
        self._order = order
        self.written = 0
        self.total: int | None = None

    async def run(self, progress: Callable[[int, int | None], None]) -> int:
        """Write the file; returns the number of vouchers written. Cancel the task to stop."""
        part = self.path.with_name(self.path.name + ".part")
        try:
            with part.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                page = 1
                gathered: list[Voucher] = []
                while True:
                    result = await self._client.vouchers.list(
                        promotion_uuid=self._filter.promotion_uuid,
                        status=self._filter.status,
                        contact_uuid=self._filter.contact_uuid,
                        limit=self._page_size,
                        page=page,
                    )
                    self.total = result.total
                    if self._order is not None:
                        gathered += result.items
                        progress(len(gathered), self.total)
                    else:
                        await self._write(writer, result.items)
                        progress(self.written, self.total)
                    if not result.continues_after(page, self._page_size):
                        break
                    page += 1
                if self._order is not None:
                    await self._write(writer, await off_loop(partial(self._order, gathered)))
            os.replace(part, self.path)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return self.written

    async def _write(self, writer: Any, vouchers: Sequence[Voucher]) -> None:
        # Formatting 500 rows takes milliseconds: off the loop thread. The file is only
        # written here, so a cancel never leaves a thread writing to it.
        rows: list[list[str]] = await off_loop(partial(list, map(csv_row, vouchers)))
        writer.writerows(rows)
        self.written += len(vouchers)


class VouchersScreen(QWidget):
    """Browse, filter, act on and export vouchers.

    Signals:
        open_on_counter(str): the manager wants this code on the counter.
    """

    open_on_counter = Signal(str)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        messages: MessagePath,
        *,
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("vouchersScreen")
        self._client = client
        self._tasks = tasks
        self._messages = messages
        self.promotions: list[Promotion] = []
        self.export_task: asyncio.Task[int] | None = None
        self.print_dialog: printing.PrintDialog | None = None
        # The counter's shop, for the name on a printed slip (the window sets it).
        self.shop_uuid: Callable[[], str | None] = lambda: None
        self._sized = False
        self.model = VouchersModel(client, tasks, page_size=page_size)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.modelReset.connect(self._on_model_reset)
        self._setup_ui()
        self._update_actions()

    def _setup_ui(self) -> None:
        self.promotion_filter = QComboBox(self)
        self.promotion_filter.setObjectName("promotionFilter")
        self.promotion_filter.setAccessibleName(self.tr("Promotion"))
        self.promotion_filter.addItem(self.tr("All promotions"), None)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in VoucherStatus:
            self.status_filter.addItem(status_look(status).word, status.value)
        self.contact_filter = QLineEdit(self)
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setAccessibleName(self.tr("Customer e-mail filter"))
        self.contact_filter.setPlaceholderText(self.tr("Customer e-mail"))
        self.contact_filter.setMaxLength(255)
        self.apply_button = self._button(
            self.tr("Show"), "applyFilterButton", lambda: self.apply_filter()
        )
        self.code_search = QLineEdit(self)
        self.code_search.setObjectName("codeSearch")
        self.code_search.setAccessibleName(self.tr("Find a voucher code"))
        self.code_search.setPlaceholderText(self.tr("Find a code"))
        self.code_search.setMaxLength(255)
        self.code_search.returnPressed.connect(self._on_code_search_return_pressed)
        self.contact_filter.returnPressed.connect(lambda: self.apply_filter())
        # Visible labels, each the buddy of its combo box: on Linux a combo box is named by
        # its current item, so the label is what tells a screen reader what it filters.
        promotion_label = QLabel(self.tr("Promotion:"), self)
        promotion_label.setBuddy(self.promotion_filter)
        status_label = QLabel(self.tr("Status:"), self)
        status_label.setBuddy(self.status_filter)
        filters = QHBoxLayout()
        for widget in (
            promotion_label,
            self.promotion_filter,
            status_label,
            self.status_filter,
            self.contact_filter,
            self.apply_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.code_search)

        self.banner = MessageBanner(self, collapse_when_empty=True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("voucherCount")

        self.table = QTableView(self)
        self.table.setObjectName("vouchersTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Vouchers"))
        self.table.setAccessibleDescription(
            self.tr("Arrow keys choose a voucher; the buttons below or the Menu key act on it")
        )
        self.table.setModel(self.model)
        # Piggy's order until a column header is clicked (the model sorts, see sort()).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The customer takes what the other columns leave, so every column fits the window
        # (the last one was cut at 1100 pixels); a long address is elided, whole in its tip.
        header.setSectionResizeMode(VouchersModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        # Column widths from the rows in view, not from the first thousand (50 ms).
        header.setResizeContentsPrecision(0)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # A sort brings other rows into view: measure them.
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)

        self.activate_button = self._button(
            self.tr("Activate"), "activateButton", self._on_activate_clicked
        )
        self.deactivate_button = self._button(
            self.tr("Deactivate"), "deactivateButton", self._on_deactivate_clicked
        )
        self.reverse_button = self._button(
            self.tr("Reverse redemption…"), "reverseRowButton", self._on_reverse_clicked
        )
        self.copy_button = self._button(
            self.tr("Copy code"), "copyCodeButton", self._on_copy_clicked
        )
        self.counter_button = self._button(
            self.tr("Open on the counter"), "openOnCounterButton", self._on_counter_clicked
        )
        self.print_button = self._button(
            self.tr("Print…"), "printVoucherButton", self._on_print_clicked
        )
        row_buttons = (
            self.activate_button,
            self.deactivate_button,
            self.reverse_button,
            self.copy_button,
            self.counter_button,
            self.print_button,
        )
        actions = QHBoxLayout()
        for button in row_buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        self.row_menu = RowMenu(self.table, row_buttons)
        self.new_button = self._button(
            self.tr("New voucher…"), "newVoucherButton", self.open_create_dialog
        )
        self.batch_button = self._button(
            self.tr("New batch…"), "newBatchButton", self.open_batch_dialog
        )
        self.export_button = self._button(
            self.tr("Export CSV…"), "exportButton", self._on_export_clicked
        )
        self.print_list_button = self._button(
            self.tr("Print list…"), "printListButton", self._on_print_list_clicked
        )
        # Making vouchers sits beside the count, not after the row actions: in Dutch the
        # eight buttons on one line were wider than a 1366-pixel screen.
        making = QHBoxLayout()
        making.addWidget(self.count_label, 1)
        for button in (
            self.new_button,
            self.batch_button,
            self.export_button,
            self.print_list_button,
        ):
            making.addWidget(button)

        self.export_progress = QProgressBar(self)
        self.export_progress.setObjectName("exportProgress")
        self.export_cancel = self._button(
            self.tr("Cancel export"), "exportCancelButton", self.cancel_export
        )
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_progress, 1)
        export_row.addWidget(self.export_cancel)
        self.export_progress.hide()
        self.export_cancel.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addLayout(making)
        layout.addWidget(self.table, 1)
        layout.addLayout(export_row)
        layout.addLayout(actions)
        # Tab in the order the screen is read: the buttons above the table before it.
        details = self.banner.findChild(QPushButton, "detailsButton")
        chain: list[QWidget] = [
            self.code_search,
            *([details] if details is not None else []),
            self.new_button,
            self.batch_button,
            self.export_button,
            self.print_list_button,
            self.table,
            self.export_cancel,
            *row_buttons,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the promotions for the filter and the first page of vouchers."""
        self._tasks.start(self.load_promotions(), name="vouchers-promotions")
        if self.model.rowCount() == 0 and not self.model.loading:
            self.model.set_filter(self.model.filter)

    async def load_promotions(self) -> None:
        try:
            self.promotions = await self._client.promotions.list()
        except PiggyError as error:
            self._say_error(error)
            return
        chosen = self.promotion_filter.currentData()
        self.promotion_filter.blockSignals(True)
        self.promotion_filter.clear()
        self.promotion_filter.addItem(self.tr("All promotions"), None)
        for promotion in sorted(self.promotions, key=lambda p: p.name.lower()):
            self.promotion_filter.addItem(promotion.name, promotion.uuid)
        index = self.promotion_filter.findData(chosen)
        self.promotion_filter.setCurrentIndex(max(index, 0))
        self.promotion_filter.blockSignals(False)

    def apply_filter(self) -> asyncio.Task[None]:
        """Show the vouchers matching the chosen promotion, status and customer."""
        return self._tasks.start(self._apply_filter(), name="vouchers-filter")

    async def _apply_filter(self) -> None:
        email = self.contact_filter.text().strip()
        contact_uuid = None
        if email:
            try:
                contact_uuid = (await self._client.contacts.find_by_email(email)).uuid
            except PiggyError as error:
                known = not isinstance(error, ContactNotFound)
                self._say_error(
                    error, None if known else self.tr("No customer with this e-mail address.")
                )
                return
        self.banner.clear()
        self.model.set_filter(
            VoucherFilter(
                promotion_uuid=self.promotion_filter.currentData(),
                status=self.status_filter.currentData(),
                contact_uuid=contact_uuid,
            )
        )

    def _on_code_search_return_pressed(self) -> None:
        code = self.code_search.text().strip()
        if code:
            self._tasks.start(self.find_code(code), name="vouchers-find")
        else:  # an emptied search brings the filtered list back
            self.apply_filter()

    async def find_code(self, code: str) -> None:
        """Show only the voucher with this code."""
        try:
            voucher = await self._client.vouchers.find(code)
        except PiggyError as error:
            self._say_error(error)
            return
        self.banner.clear()
        self.model.show_only(voucher)
        self.table.selectRow(0)

    def _on_model_page_loaded(self, rows: int) -> None:
        if not self._sized and rows:
            # From the first page of each list: measuring every page would cost time with
            # thousands.
            self._fit_columns()
            self._sized = True
        self._show_count()

    def _on_model_reset(self) -> None:
        """Another filter or a found code: measure again, count again, nothing chosen."""
        self._sized = False
        if self.model.row_total():
            self._fit_columns()
            self._sized = True
        self._show_count()
        self._update_actions()

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.row_total():
            self._fit_columns()

    def _show_count(self) -> None:
        """How many vouchers the list holds; nothing while its first page is on its way."""
        rows, total = self.model.row_total(), self.model.total
        if total is None:
            self.count_label.setText(
                "" if self.model.loading else self.tr("%Ln voucher(s)", "", rows)
            )
        elif total != rows:
            self.count_label.setText(
                self.tr("{rows} of %Ln voucher(s) shown", "", total).format(
                    rows=QLocale().toString(rows)
                )
            )
        else:
            self.count_label.setText(self.tr("%Ln voucher(s)", "", rows))

    def _fit_columns(self) -> None:
        """Code, status and promotion to the rows in view (the promotion at most a quarter
        of the table); the dates as wide as the longest date the locale writes, since the
        rows in view may have none (most vouchers were never used)."""
        table = self.table
        table.resizeColumnsToContents()
        promotion = VouchersModel.PROMOTION
        table.setColumnWidth(
            promotion, min(table.columnWidth(promotion), table.viewport().width() // 4)
        )
        widest = date_time_text(datetime(2026, 12, 28, 22, 58).astimezone())
        room = table.fontMetrics().horizontalAdvance(widest) + 2 * self._cell_margin()
        for column in (VouchersModel.EXPIRES, VouchersModel.REDEEMED):
            table.setColumnWidth(column, max(table.columnWidth(column), room))

    def _cell_margin(self) -> int:
        style = self.table.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 4

    def _on_model_load_failed(self, error: PiggyError) -> None:
        self._say_error(error)

    # --- row actions ----------------------------------------------------------------------

    def selected(self) -> Voucher | None:
        """The chosen voucher: a selected row (the current cell alone is no choice)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.voucher(rows[0].row()) if rows else None

    def _on_table_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        voucher = self.selected()
        status = voucher.status if voucher else None
        self.activate_button.setEnabled(status == VoucherStatus.DEACTIVATED)
        self.deactivate_button.setEnabled(
            status in (VoucherStatus.ACTIVE, VoucherStatus.INACTIVE, VoucherStatus.EXPIRED)
        )
        self.reverse_button.setEnabled(status == VoucherStatus.REDEEMED)
        self.copy_button.setEnabled(voucher is not None)
        self.counter_button.setEnabled(voucher is not None)
        self.print_button.setEnabled(voucher is not None)

    def _on_activate_clicked(self) -> None:
        self._set_status(VoucherStatus.ACTIVE)

    def _on_deactivate_clicked(self) -> None:
        self._set_status(VoucherStatus.DEACTIVATED)

    def _set_status(self, status: VoucherStatus) -> None:
        voucher = self.selected()
        if voucher is not None:
            self._tasks.start(self._update(voucher, status), name="vouchers-action")

    async def _update(self, voucher: Voucher, status: VoucherStatus) -> None:
        try:
            updated = await self._client.vouchers.update(voucher.uuid, status=status)
        except PiggyError as error:
            self._say_error(error)
            return
        self.model.replace(updated)
        self._update_actions()
        if status == VoucherStatus.ACTIVE:
            done = self.tr("Voucher {code} activated.")
        else:
            done = self.tr("Voucher {code} deactivated.")
        self.banner.show_notice(Tone.SUCCESS, done.format(code=updated.code))

    def _on_reverse_clicked(self) -> None:
        voucher = self.selected()
        if voucher is None:
            return
        who = (
            voucher.contact.email
            if voucher.contact and voucher.contact.email
            else self.tr("no customer")
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reverse redemption"),
            self.tr(
                "Reverse the redemption of voucher {code} (customer {customer})?\n\n"
                "The voucher can then be used again."
            ).format(code=voucher.code, customer=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("reverseRowConfirmation")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._on_reverse_answered(result, box, voucher))
        box.open()

    def _on_reverse_answered(self, result: int, box: QMessageBox, voucher: Voucher) -> None:
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self._tasks.start(self._reverse(voucher), name="vouchers-action")

    async def _reverse(self, voucher: Voucher) -> None:
        try:
            result = await self._client.vouchers.reverse(voucher.uuid)
            updated = result or await self._client.vouchers.find(voucher.code)
        except PiggyError as error:
            self._say_error(error)
            return
        self.model.replace(updated)
        self._update_actions()
        self.banner.show_notice(
            Tone.SUCCESS,
            self.tr("The redemption of {code} was reversed.").format(code=updated.code),
        )

    def _on_copy_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            QApplication.clipboard().setText(voucher.code)
            self.banner.show_notice(Tone.INFO, self.tr("Copied {code}.").format(code=voucher.code))

    def _on_counter_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            self.open_on_counter.emit(voucher.code)

    def _on_print_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            self._tasks.start(self._print([voucher]), name="vouchers-print")

    async def _print(self, vouchers: list[Voucher]) -> None:
        self.print_dialog = await printing.open_print_dialog(
            self._client, self, vouchers, shop_uuid=self.shop_uuid()
        )

    def _on_print_list_clicked(self) -> None:
        self._tasks.start(self._print_list(self.model.filter), name="vouchers-print")

    async def _print_list(self, voucher_filter: VoucherFilter) -> None:
        try:
            dialog = await printing.open_for_filter(
                self._client,
                self,
                promotion_uuid=voucher_filter.promotion_uuid,
                status=voucher_filter.status,
                contact_uuid=voucher_filter.contact_uuid,
                shop_uuid=self.shop_uuid(),
            )
        except PiggyError as error:
            self._say_error(error)
            return
        if dialog is None:
            self.banner.show_notice(Tone.INFO, self.tr("The list has no vouchers to print."))
        else:
            self.print_dialog = dialog

    # --- creating -------------------------------------------------------------------------

    def open_create_dialog(self) -> CreateVoucherDialog:
        dialog = CreateVoucherDialog(self._client, self._tasks, self.promotions, self)
        dialog.voucher_created.connect(self._on_dialog_voucher_created)
        label_controls(dialog)
        dialog.open()
        return dialog

    def open_batch_dialog(self) -> BatchDialog:
        dialog = BatchDialog(self._client, self._tasks, self.promotions, self)
        dialog.batch_completed.connect(self._on_dialog_batch_completed)
        dialog.batch_completed.connect(
            lambda promotion_uuid, _: self._offer_print(dialog, promotion_uuid)
        )
        label_controls(dialog)
        dialog.open()
        return dialog

    def _offer_print(self, dialog: BatchDialog, promotion_uuid: str) -> None:
        """A finished batch can be printed from its dialog: the promotion's vouchers, as the
        list then shows them."""
        button = QPushButton(self.tr("Print…"), dialog)
        button.setObjectName("printBatchButton")
        button.setAutoDefault(False)
        button.setToolTip(self.tr("Print every voucher of this promotion on labels or slips"))
        dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        def print_list() -> None:
            dialog.accept()
            self._tasks.start(
                self._print_list(VoucherFilter(promotion_uuid=promotion_uuid)),
                name="vouchers-print",
            )

        button.clicked.connect(print_list)

    def _on_dialog_voucher_created(self, voucher: Voucher) -> None:
        self.model.show_only(voucher)
        self.table.selectRow(0)
        self.banner.show_notice(
            Tone.SUCCESS,
            self.tr("Voucher {code} created.").format(code=voucher.code),
        )

    def _on_dialog_batch_completed(self, promotion_uuid: str, quantity: int) -> None:
        index = self.promotion_filter.findData(promotion_uuid)
        self.promotion_filter.setCurrentIndex(max(index, 0))
        self.status_filter.setCurrentIndex(0)
        self.contact_filter.clear()
        self.apply_filter()
        self.banner.show_notice(
            Tone.SUCCESS, self.tr("%Ln new voucher(s) are ready.", "", quantity)
        )

    # --- export ---------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Export vouchers"),
            str(Path.home() / "vouchers.csv"),
            self.tr("CSV files (*.csv)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.open()

    def export_to(self, path: Path) -> asyncio.Task[int]:
        """Export the current filter to ``path`` in the background, with progress and Cancel."""
        export = CsvExport(
            self._client,
            self.model.filter,
            path,
            page_size=self.model.page_size,
            order=self.model.ordering(),
        )
        self.export_progress.setRange(0, 0)
        self.export_progress.show()
        self.export_cancel.show()
        self.export_button.setEnabled(False)
        self.export_task = self._tasks.start(self._export(export), name="vouchers-export")
        return self.export_task

    async def _export(self, export: CsvExport) -> int:
        def progress(written: int, total: int | None) -> None:
            if total:
                self.export_progress.setRange(0, total)
                self.export_progress.setValue(written)

        try:
            written = await export.run(progress)
        except PiggyError as error:
            self._say_error(
                error,
                self.tr("{problem} The export was stopped; no file was written.").format(
                    problem=error_text(error)
                ),
            )
            return 0
        except asyncio.CancelledError:
            self.banner.show_notice(Tone.INFO, self.tr("Export cancelled; no file was written."))
            raise
        finally:
            self.export_progress.hide()
            self.export_cancel.hide()
            self.export_button.setEnabled(True)
        self.banner.show_notice(
            Tone.SUCCESS,
            self.tr("Exported %Ln voucher(s) to {file} in {folder}.", "", written).format(
                file=export.path.name, folder=export.path.parent
            ),
        )
        return written

    def cancel_export(self) -> None:
        if self.export_task is not None and not self.export_task.done():
            self.export_task.cancel()

    # --- messages -------------------------------------------------------------------------

    def _say_error(self, error: PiggyError, sentence: str | None = None) -> None:
        self.banner.show_error(error, sentence)
