"""Enter and Space on a counter button a person reached with Tab do what the button says;
a scanner's Enter (a code, then Enter a few milliseconds later) never presses a button.

Issue 19, defect 2: Enter on a focused "Cancel (Esc)" redeemed the voucher, because the
counter sent every Enter to the main action to keep a scanner's Enter off the buttons.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.counter.keys import SCANNER_PAUSE_SECONDS
from tests.ui.conftest import Counter, enter, until
from tests.ui.keys import focused, tab_to

Key = Qt.Key
KEYS = [pytest.param(Key.Key_Return, id="Enter"), pytest.param(Key.Key_Space, id="Space")]


async def press_by_keyboard(counter: Counter, button: QPushButton, key: Key) -> None:
    """Tab from the scan field to ``button`` as a person does, then press ``key`` on it."""
    await counter.settle()
    counter.screen.focus_scan()
    await tab_to(button)
    assert button.isVisible() and button.isEnabled()
    await asyncio.sleep(SCANNER_PAUSE_SECONDS)  # a person's pace, not a scanner's
    QTest.keyClick(focused(), key)


async def confirming(counter: Counter, code: str = KNOWN.ACTIVE_WITH_CONTACT) -> None:
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)


async def needs_contact(counter: Counter) -> None:
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.NEEDS_CONTACT)


async def close_modal() -> None:
    await until(lambda: QApplication.activeModalWidget() is not None, what="a dialog")
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    dialog.reject()
    await until(lambda: QApplication.activeModalWidget() is None, what="the dialog to close")


@pytest.mark.parametrize("key", KEYS)
async def test_redeem_button(counter: Counter, key: Key) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await press_by_keyboard(counter, counter.screen.redeem_button, key)
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING, what="the reservation")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"


@pytest.mark.parametrize("key", KEYS)
async def test_confirm_button(counter: Counter, key: Key) -> None:
    await confirming(counter)
    await press_by_keyboard(counter, counter.screen.confirm_button, key)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="the redemption")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 1


@pytest.mark.parametrize("key", KEYS)
async def test_cancel_button_cancels_and_never_redeems(counter: Counter, key: Key) -> None:
    await confirming(counter)
    await press_by_keyboard(counter, counter.screen.cancel_button, key)
    await until(lambda: counter.screen.view.stage != Stage.CONFIRMING, what="the cancel")
    await counter.settle()
    state = counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert state["redemptions_used"] == 0
    assert state["status"] == "ACTIVE"  # given back, not redeemed


@pytest.mark.parametrize("key", KEYS)
async def test_reverse_button_asks_first(counter: Counter, key: Key) -> None:
    await confirming(counter)
    await enter(counter, Stage.SHOWING)
    await press_by_keyboard(counter, counter.screen.reverse_button, key)
    await until(
        lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), what="the question"
    )
    await close_modal()
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 1


@pytest.mark.parametrize("key", KEYS)
async def test_check_again_button(counter: Counter, key: Key) -> None:
    await confirming(counter)
    counter.sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    counter.sandbox.inject("html", status=502, count=3, path="/vouchers/find")
    await enter(counter, Stage.UNRESOLVED)
    await press_by_keyboard(counter, counter.screen.recheck_button, key)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="the check")
    await counter.settle()
    assert "Piggy confirms" in counter.last_notice.sentence


@pytest.mark.parametrize("key", KEYS)
async def test_find_customer_button(counter: Counter, key: Key) -> None:
    await needs_contact(counter)
    counter.screen.contact_input.setText(KNOWN.CONTACT_EMAIL)
    counter.screen.contact_input.setFocus()
    await tab_to(counter.screen.contact_find)
    QTest.keyClick(focused(), key)
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING, what="the customer found")
    assert KNOWN.CONTACT_EMAIL in counter.screen.confirm_text.text()


@pytest.mark.parametrize("key", KEYS)
async def test_customer_cancel_button(counter: Counter, key: Key) -> None:
    await needs_contact(counter)
    counter.screen.contact_input.setFocus()
    await tab_to(counter.screen.contact_cancel)
    QTest.keyClick(focused(), key)
    await until(lambda: counter.screen.view.stage != Stage.NEEDS_CONTACT, what="the cancel")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["redemptions_used"] == 0


@pytest.mark.parametrize("key", KEYS)
async def test_details_button(counter: Counter, key: Key) -> None:
    counter.sandbox.inject("status", status=500, count=3, path="/vouchers/find")
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)
    await until(lambda: counter.notices and counter.last_notice.error is not None)
    details = counter.screen.banner.findChild(QPushButton, "detailsButton")
    assert details is not None
    await press_by_keyboard(counter, details, key)
    await close_modal()


ButtonOf = Callable[[Counter], QPushButton]
SCANNER_CASES: list[tuple[str, Callable[[Counter], Awaitable[None]], ButtonOf]] = [
    ("cancel", confirming, lambda c: c.screen.cancel_button),
    ("confirm", confirming, lambda c: c.screen.confirm_button),
    ("customer cancel", needs_contact, lambda c: c.screen.contact_cancel),
]


@pytest.mark.parametrize(("name", "prepare", "button_of"), SCANNER_CASES, ids=lambda v: v)
async def test_a_scanners_enter_never_presses_the_focused_button(
    counter: Counter,
    name: str,
    prepare: Callable[[Counter], Awaitable[None]],
    button_of: ButtonOf,
) -> None:
    await prepare(counter)
    held = counter.screen.view.voucher
    assert held is not None
    button = button_of(counter)
    counter.screen.focus_scan()
    await tab_to(button)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    controller = counter.window.controller
    scanned: list[str] = []
    take = controller.scan
    controller.scan = lambda raw: (scanned.append(raw), take(raw))  # type: ignore[method-assign]
    # The scanner's keys, all sent to the button: the code, then Enter at once.
    QTest.keyClicks(button, KNOWN.WITH_PLU)
    QTest.keyClick(button, Key.Key_Return)
    await until(lambda: scanned, what="the scan taken")
    await asyncio.sleep(0.05)
    assert scanned == [KNOWN.WITH_PLU], f"the scan at {name} went astray"
    assert pressed == []
    assert counter.sandbox.voucher_state(held.code)["redemptions_used"] == 0
