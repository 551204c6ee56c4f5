"""Ctrl+Q closes the window, giving back a voucher it holds first: a counter may run
without a window manager, and an outside tester found no way to close it there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, until


async def test_ctrl_q_closes_the_window_and_gives_back_the_voucher_held(counter: Counter) -> None:
    closed: list[bool] = []
    counter.window.closed.connect(lambda: closed.append(True))
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"
    focused = QApplication.focusWidget()
    assert focused is counter.screen.scan_input
    QTest.keyClick(focused, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: closed, what="the window to close")
    assert not counter.window.isVisible()
    state = counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["status"] == "ACTIVE"
    assert state["redemptions_used"] == 0
