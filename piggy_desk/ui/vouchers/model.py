"""The Vouchers screen's list: vouchers fed page by page from Piggy's list, each text made
once for all the rows showing it, sorted by a column here rather than in a proxy."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from piggy_desk.api import PiggyError, Voucher
from piggy_desk.manager.export import VoucherFilter
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_time_text
from piggy_desk.ui.widgets import status_look
from piggy_desk.ui.widgets.table import (
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    VOUCHER_ROW_ROLES,
    HeaderTableModel,
    Index,
)

PAGE_SIZE = 500


class VouchersModel(HeaderTableModel):
    """Vouchers, fed page by page (``canFetchMore``/``fetchMore``) from Piggy's list.

    The rows are the vouchers themselves; a text many rows show (a status's word, a
    moment's date) is made once and shared, so painting thousands of rows costs no
    formatting and keeps no text per row. ``fetchMore`` only asks for a page (``fetch_wanted``); the
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
        # Rows in arrival order by uuid (which also keeps a voucher from showing twice), and
        # the order shown (the same rows, sorted by a column).
        self._arrived: dict[str, Voucher] = {}
        self._rows: list[Voucher] = []
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._next_page = 1
        # Nothing until a filter is set (the screen is opened): a table view asks for more
        # rows even while hidden, and the counter's start has better things to do.
        self._more = False
        self._fetching = False
        self._generation = 0
        self.total: int | None = None
        self._words: dict[str, str] = {}
        self._moments: dict[datetime, str] = {}
        self._colours: dict[str, QColor] = {}
        self._no_email, self._never = self.tr("(no e-mail)"), self.tr("Never")
        self._texts = self._column_texts()

    # --- what the screen asks -----------------------------------------------------------

    def set_filter(self, voucher_filter: VoucherFilter) -> None:
        """Start again from the first page under a new filter."""
        self.filter = voucher_filter
        self.beginResetModel()
        self._arrived, self._rows = {}, []
        self._moments = {}
        self._next_page, self._more, self._fetching = 1, True, False
        self._generation += 1
        self.total = None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def show_only(self, voucher: Voucher) -> None:
        """Show one voucher (a code search) instead of pages."""
        self.beginResetModel()
        self._arrived, self._rows = {voucher.uuid: voucher}, [voucher]
        self._more, self._fetching = False, False
        self._generation += 1
        self.total = 1
        self.endResetModel()

    def stop(self) -> None:
        """Fetch nothing more and drop pages still on their way (the screen is closing)."""
        self._more = False
        self._generation += 1

    def voucher(self, row: int) -> Voucher:
        return self._rows[row]

    def replace(self, voucher: Voucher) -> None:
        """A voucher changed (activated, reversed…): update its row in place."""
        for number, shown in enumerate(self._rows):
            if shown.uuid == voucher.uuid:
                self._rows[number] = voucher
                self._arrived[voucher.uuid] = voucher  # in its place
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
        fresh = []
        for voucher in vouchers:
            if voucher.uuid not in self._arrived:
                self._arrived[voucher.uuid] = voucher
                fresh.append(voucher)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
            if self._sort_column >= 0:
                self._sort_rows()
        self.page_loaded.emit(len(self._rows))

    def _column_texts(self) -> tuple[Callable[[Voucher], str], ...]:
        """What a row shows in each column, one function a column."""

        def promotion(voucher: Voucher) -> str:
            return (voucher.promotion.name if voucher.promotion else "") or voucher.name

        def customer(voucher: Voucher) -> str:
            contact = voucher.contact
            return (contact.email or self._no_email) if contact else ""

        return (
            lambda voucher: voucher.code,
            lambda voucher: self._status_word(voucher.status),
            promotion,
            customer,
            lambda voucher: self._moment_text(voucher.expiration_date) or self._never,
            lambda voucher: self._moment_text(voucher.redeemed_at),
        )

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
        key = self._sort_key(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder

        def order(vouchers: list[Voucher]) -> list[Voucher]:
            return sorted(vouchers, key=key, reverse=descending)

        return order

    def _sort_key(self, column: int) -> Callable[[Voucher], Any]:
        """What a column sorts by: dates by time (a missing one last), the rest by their text."""

        def by_time(moment: datetime | None) -> tuple[bool, float]:
            return (moment is None, moment.timestamp() if moment is not None else 0.0)

        if column == self.EXPIRES:
            return lambda voucher: by_time(voucher.expiration_date)
        if column == self.REDEEMED:
            return lambda voucher: by_time(voucher.redeemed_at)
        text = self._texts[column]
        return lambda voucher: text(voucher).casefold()

    def _sort_rows(self) -> None:
        self.layoutAboutToBeChanged.emit()
        before = {id(row): number for number, row in enumerate(self._rows)}
        if self._sort_column < 0:
            self._rows = list(self._arrived.values())
        else:
            column = self._sort_column
            self._rows = sorted(
                self._arrived.values(),
                key=self._sort_key(column),
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

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        if role not in VOUCHER_ROW_ROLES or not index.isValid():
            return None
        voucher = self._rows[index.row()]
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self._texts[index.column()](voucher)
        if role == FOREGROUND_ROLE:
            # Coloured as everywhere else (Contacts, the card, the chart); the word says it too.
            return self._colour(voucher.status) if index.column() == self.STATUS else None
        return voucher.uuid  # USER_ROLE

    def _colour(self, status: str) -> QColor:
        colour = self._colours.get(status)
        if colour is None:
            colour = self._colours[status] = QColor(status_look(status).colour)
        return colour

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
