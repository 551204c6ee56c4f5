"""While the uses of a multi-use voucher are asked, a person's digits go into the uses box,
though the focus stays in the scan field (an outside tester typed 3: the box looked like
it had the focus, and the 3 went into the scan field). A scan then still lands in the scan
field and leaves the uses as they were."""

from __future__ import annotations

import asyncio

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, until


async def asked_for_uses(counter: Counter) -> None:
    await counter.scan(KNOWN.MULTI_USE)
    await enter(counter, Stage.CONFIRMING)
    assert counter.screen.multi_count.isVisible()
    assert QApplication.focusWidget() is counter.screen.scan_input


async def test_a_person_types_the_uses(counter: Counter) -> None:
    await asked_for_uses(counter)
    screen = counter.screen
    QTest.keyClick(screen.scan_input, "3")
    await until(lambda: screen.multi_count.value() == 3, what="3 uses")
    assert screen.scan_input.text() == ""
    await asyncio.sleep(0.3)
    QTest.keyClick(screen.scan_input, "1")  # a moment later: 31, more than its 10 uses
    await until(lambda: screen.multi_count.value() == 10, what="as many as the voucher has")
    await asyncio.sleep(2)
    QTest.keyClick(screen.scan_input, "2")  # later: a new number
    await until(lambda: screen.multi_count.value() == 2, what="2 uses")
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(KNOWN.MULTI_USE)["redemptions_used"] == 2


async def test_a_scan_while_the_uses_are_asked_leaves_them(counter: Counter) -> None:
    await asked_for_uses(counter)
    screen = counter.screen
    counter.type_scan("12345678")
    await until(lambda: screen.view.waiting_scans == 1, what="the scan waiting")
    assert screen.multi_count.value() == 1
    assert screen.scan_input.text() == ""
