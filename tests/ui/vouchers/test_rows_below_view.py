"""Rows that arrive below the rows in view repaint none of them (issue 20: every slice of a
page repainted the whole list, each cell through the model's Python ``data()``); rows that
come into view and a sort still do."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.ui.vouchers.screen import VouchersScreen
from tests.ui.conftest import until, vouchers_screen

PAGE = 50


class Paints(QObject):
    """Counts the paint events of one widget, and how many rows its list had at each."""

    def __init__(self, widget: QWidget, screen: VouchersScreen) -> None:
        super().__init__()
        self.count = 0
        self.rows: list[int] = []
        self._model = screen.model
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.rows.append(self._model.rowCount())
        return False


@pytest.fixture
async def screen(sandbox: RunningSandbox, qapp: QApplication) -> AsyncIterator[VouchersScreen]:
    async with vouchers_screen(sandbox, PAGE) as widget:
        yield widget


async def rows(screen: VouchersScreen, count: int) -> None:
    model = screen.model
    await until(lambda: model.rowCount() == count and not model.loading, what=f"{count} rows")
    await asyncio.sleep(0.1)  # the view's delayed layout and the paint it asks for


async def test_rows_arriving_below_the_rows_in_view_repaint_none_of_them(
    screen: VouchersScreen,
) -> None:
    table = screen.table
    paints = Paints(table.viewport(), screen)
    screen.refresh()
    await rows(screen, PAGE)
    assert paints.count, "the first page, in view, was not painted"
    last_in_view = table.rowAt(table.viewport().height() - 1)
    assert 0 < last_in_view < PAGE - 1  # the view is full, rows below it
    bottom = table.verticalScrollBar().maximum()

    paints.count = 0
    screen.model.fetchMore(QModelIndex())
    await rows(screen, 2 * PAGE)
    assert paints.count == 0, "rows below the view repainted the rows in view"
    assert table.verticalScrollBar().maximum() > bottom  # the scroll bar reaches them

    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # other rows in view: painted
    await asyncio.sleep(0.1)
    assert paints.count
    paints.count = 0
    screen.model.fetchMore(QModelIndex())  # a page sorted in: rows in view may change
    await rows(screen, 3 * PAGE)
    assert paints.count, "a page sorted into the rows in view was not painted"


async def test_rows_arriving_into_a_list_shorter_than_the_view_are_painted(
    sandbox: RunningSandbox, qapp: QApplication
) -> None:
    # Pages of 5 rows in a view of about 16: the view asks for the next pages itself while
    # it has room, and their rows come into view before any scroll bar does.
    async with vouchers_screen(sandbox, 5) as screen:
        table = screen.table
        paints = Paints(table.viewport(), screen)
        screen.refresh()
        await until(
            lambda: table.verticalScrollBar().maximum() > 0 and not screen.model.loading,
            what="a full view",
        )
        await asyncio.sleep(0.1)
        assert screen.model.rowCount() >= 15  # the view asked for the pages itself
        assert {10, 15} & set(paints.rows), (
            f"rows that came into view were not painted: {paints.rows}"
        )
