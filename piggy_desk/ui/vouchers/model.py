"""The Vouchers screen's list: vouchers fed page by page from Piggy's list, each row's texts
made once, sorted by a column here rather than in a proxy."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from piggy_desk.api import PiggyError, Voucher
from piggy_desk.manager.export import VoucherFilter
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_time_text
from piggy_desk.ui.widgets import status_look
from piggy_desk.ui.widgets.table import HeaderTableModel, Index

PAGE_SIZE = 500


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
    rows costs no formatting. ``fetchMore`` only asks for a page (``fetch_wanted``); the
    screen's controller reads it and its rows come back through ``page_started``,
    ``rows_arrived`` and ``page_done`` (or ``page_failed``).

    Signals:
        page_loaded(int): a page was added; the argument is how many rows there are now.
        load_failed(object): a page could not be loaded (the PiggyError).
        fetch_wanted(int, int): read this page (the second number) of ``filter``, ``page_size``
            vouchers long; the first is the generation to hand back with it.
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
    fetch_wanted = Signal(int, int)

    def __init__(self, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
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
        self._words: dict[str, str] = {}
        self._moments: dict[datetime, str] = {}
        self._no_email, self._never = self.tr("(no e-mail)"), self.tr("Never")

    # --- what the screen asks -----------------------------------------------------------

    def set_filter(self, voucher_filter: VoucherFilter) -> None:
        """Start again from the first page under a new filter."""
        self.filter = voucher_filter
        self.beginResetModel()
        self._arrived, self._rows, self._uuids = [], [], set()
        self._moments = {}
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

    # The screen's controller reads the pages (``fetch_wanted``) and hands them back here,
    # with the generation they were asked under: a page of an earlier filter is dropped.

    def page_started(self, generation: int, total: int | None) -> None:
        """A page came; how many vouchers the list has, as it says."""
        if generation == self._generation:
            self.total = total

    def rows_arrived(self, generation: int, vouchers: Sequence[Voucher]) -> None:
        """Some of the page's vouchers (a slice per turn of the loop)."""
        if generation == self._generation:
            self.append_page(vouchers)

    def page_done(self, generation: int, page: int, items: int, more: bool) -> None:
        """Every row of ``page`` (``items`` vouchers) is in; ``more``: another page follows."""
        if generation != self._generation:
            return
        self._fetching = False
        self._next_page = page + 1
        self._more = more
        if not items:
            self.page_loaded.emit(len(self._rows))

    def page_failed(self, generation: int, error: PiggyError) -> None:
        if generation == self._generation:
            self._fetching = False
            self._more = False
            self.load_failed.emit(error)

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
            self._status_word(voucher.status),
            (voucher.promotion.name if voucher.promotion else "") or voucher.name,
            ((contact.email or self._no_email) if contact else ""),
            self._moment_text(voucher.expiration_date) or self._never,
            self._moment_text(voucher.redeemed_at),
        )
        return _Row(voucher, texts)

    # A status's word and a moment's text are made once and shared by every row showing
    # them (a batch's vouchers expire at the same moment).

    def _status_word(self, status: str) -> str:
        word = self._words.get(status)
        if word is None:
            word = self._words[status] = status_look(status).word
        return word

    def _moment_text(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        text = self._moments.get(moment)
        if text is None:
            text = self._moments[moment] = date_time_text(moment)
        return text

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
        self.fetch_wanted.emit(self._generation, self._next_page)
