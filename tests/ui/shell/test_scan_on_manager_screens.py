"""A scan on a manager screen (outside a field one types into) goes to the counter.

An outside tester scanned a voucher while the Vouchers screen's Refresh button or the
Promotions table had the focus: the code was lost (on Promotions the table's type-to-search
jumped from row to row) and the scanner's Enter pressed the focused button. A person's
keys on those screens keep working, and a code scanned into a manager's own field stays
there."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, until

Key = Qt.Key


def scanner_types(code: str) -> None:
    """A keyboard wedge: the code and Enter into whatever has focus, a moment apart; a
    capital comes with Shift, as on X11."""
    for character in code:
        target = QApplication.focusWidget()
        assert target is not None
        if character.isupper():
            QTest.keyPress(target, Key.Key_Shift)
            QTest.keyClick(target, character, Qt.KeyboardModifier.ShiftModifier)
            QTest.keyRelease(target, Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        else:
            QTest.keyClick(target, character)
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, Key.Key_Return)


async def focus_on(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    await until(lambda: QApplication.focusWidget() is widget, what=f"focus on {widget}")


async def promotions_table(counter: Counter, row: int) -> QTableView:
    """The Promotions screen, its table focused on ``row`` (as the screen opens)."""
    window = counter.window
    window.tabs.setCurrentWidget(window.promotions)
    table = window.promotions.table
    await until(lambda: window.promotions.model.rowCount() > 2, what="promotions")
    await counter.settle()
    await focus_on(table)
    table.setCurrentIndex(table.model().index(row, 0))
    return table


async def test_a_scan_with_a_vouchers_button_focused_goes_to_the_counter(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    await until(lambda: window.vouchers.model.rowCount() > 0, what="vouchers")
    await counter.settle()
    button = window.vouchers.export_button
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    await focus_on(button)
    scanner_types(KNOWN.WITH_PLU)
    await counter.until_on_card(KNOWN.WITH_PLU, "the scanned voucher on the counter")
    await counter.settle()
    assert window.tabs.currentWidget() is counter.screen
    assert QApplication.focusWidget() is counter.screen.scan_input
    assert counter.screen.scan_input.text() == ""
    assert not pressed, "the scanner's Enter pressed the focused button"


async def test_a_scan_on_the_promotions_table_goes_to_the_counter(counter: Counter) -> None:
    window = counter.window
    table = await promotions_table(counter, row=1)
    row_before = table.currentIndex().row()
    scanner_types(KNOWN.ACTIVE_WITH_CONTACT)
    await counter.until_on_card(KNOWN.ACTIVE_WITH_CONTACT, "the scanned voucher on the counter")
    await counter.settle()
    assert window.tabs.currentWidget() is counter.screen
    assert table.currentIndex().row() == row_before, "the table's type-to-search moved"


async def test_a_person_still_types_to_search_the_promotions_table(counter: Counter) -> None:
    window = counter.window
    table = await promotions_table(counter, row=0)
    names = [str(table.model().index(row, 0).data()) for row in range(table.model().rowCount())]
    target = next(row for row, name in enumerate(names) if name.startswith("V"))
    assert target != 0
    QTest.keyClick(table, "v")  # a person, then nothing for a while
    await until(lambda: table.currentIndex().row() == target, what="the row found by typing")
    await asyncio.sleep(0.3)
    QTest.keyClick(table, Key.Key_Return)  # a person's Enter: the screen's, not a scan
    await asyncio.sleep(0.1)
    assert window.tabs.currentWidget() is window.promotions
    assert counter.screen.view.voucher is None


async def test_a_code_scanned_into_find_a_code_stays_on_vouchers(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    await until(lambda: window.vouchers.model.rowCount() > 0, what="vouchers")
    await counter.settle()
    await focus_on(window.vouchers.code_search)
    scanner_types(KNOWN.WITH_PLU)
    await until(lambda: window.vouchers.model.rowCount() == 1, what="the code found")
    await counter.settle()
    assert window.tabs.currentWidget() is window.vouchers
    assert counter.screen.view.voucher is None
