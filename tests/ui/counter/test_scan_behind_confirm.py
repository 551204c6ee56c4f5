"""A scan behind a voucher being confirmed: Enter does nothing then (it may be meant for
the scan), and what the counter shows and says must tell the cashier so, and what to do."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, question_read, until

WAITING = (
    "A scan is waiting. Click Confirm to redeem Gratis koffie first, or press Esc to "
    "cancel; then the scan is shown."
)


async def confirm_with_a_scan_waiting(counter: Counter) -> None:
    """As the tester did: a voucher without a customer, their e-mail, then another scan."""
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.type_scan(KNOWN.CONTACT_EMAIL)
    await until(lambda: screen.view.stage == Stage.CONFIRMING, what="the confirm question")
    await counter.settle()
    await question_read()
    assert counter.last_notice.sentence == (
        f"Customer: {KNOWN.CONTACT_EMAIL}. Press Enter to redeem."
    )
    assert screen.confirm_button.text() == "Confirm  (Enter)"
    counter.type_scan(KNOWN.WITH_PLU)
    await until(lambda: screen.waiting_label.text() == "1 scan waiting", what="the scan waiting")


async def test_the_counter_says_enter_waits_behind_a_scan(counter: Counter) -> None:
    screen = counter.screen
    await confirm_with_a_scan_waiting(counter)
    await until(lambda: counter.last_notice.sentence == WAITING, what="the waiting sentence")
    assert screen.banner.text == WAITING
    assert screen.confirm_button.text() == "Confirm"  # no "(Enter)": Enter does nothing now
    await until(lambda: WAITING in screen.announcer.last, what="the sentence spoken")
    said = len([n for n in counter.notices if n.sentence == WAITING])
    # Enter, twice, as the tester pressed it: nothing is confirmed, nothing said again.
    for _ in range(2):
        await asyncio.sleep(0.55)
        counter.press(Qt.Key.Key_Return)
        await asyncio.sleep(0.2)
    assert screen.view.stage == Stage.CONFIRMING
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["status"] == "LOCKED"
    assert screen.view.waiting_scans == 1
    assert len([n for n in counter.notices if n.sentence == WAITING]) == said == 1
    # Confirm clicked: the voucher shown is redeemed, then the waiting scan is shown.
    QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    await counter.until_on_card(KNOWN.WITH_PLU, "the waiting scan shown")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["status"] == "REDEEMED"
    assert any(n.sentence == "Redeemed: Gratis koffie." for n in counter.notices)
    assert screen.view.stage == Stage.SHOWING
    assert screen.waiting_label.text() == ""


async def test_esc_with_a_scan_waiting_cancels_then_shows_the_scan(counter: Counter) -> None:
    screen = counter.screen
    await confirm_with_a_scan_waiting(counter)
    await until(lambda: counter.last_notice.sentence == WAITING, what="the waiting sentence")
    counter.press(Qt.Key.Key_Escape)
    await counter.until_on_card(KNOWN.WITH_PLU, "the waiting scan shown")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["status"] == "ACTIVE"
    assert any(n.sentence == "Cancelled. The voucher was not redeemed." for n in counter.notices)
    assert not screen.confirm_panel.isVisible()


async def test_a_scan_during_the_customer_lookup_waits_behind_the_confirm(counter: Counter) -> None:
    """The scan came while the customer was looked up (Piggy slow): the customer found, the
    voucher waits for confirmation, and the scan waits behind it, never taken at once
    (which left the voucher reserved and showed the scan's)."""
    screen = counter.screen
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.sandbox.inject("latency", seconds=0.3, count=1, path="/contacts/find-one-by")
    counter.type_scan(KNOWN.CONTACT_EMAIL)
    await until(lambda: screen.view.busy, what="the customer looked up")
    counter.type_scan(KNOWN.WITH_PLU)
    await until(lambda: screen.view.stage == Stage.CONFIRMING, what="the confirm question")
    await asyncio.sleep(0.2)
    assert screen.view.voucher is not None
    assert screen.view.voucher.code == KNOWN.ACTIVE_NO_CONTACT
    assert screen.view.waiting_scans == 1
    assert counter.last_notice.sentence == f"Customer: {KNOWN.CONTACT_EMAIL}. {WAITING}"
    assert screen.confirm_button.text() == "Confirm"
    await question_read()
    QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    await counter.until_on_card(KNOWN.WITH_PLU, "the waiting scan shown")
    await counter.settle()
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)["status"] == "REDEEMED"
