"""The confirm question is seen before it is answered. An outside tester pressed Enter two
to four times 20–50 ms apart after a scan: the lock answered between two of them, and the
next Enter redeemed while the question ("Redeem Gratis koffie for …?") had been on screen
for a few milliseconds. The same with a loyalty card scanned for a voucher without a
customer and then Enter Enter, and (Confirm takes Redeem's place) with a double click on
Redeem. An Enter or a click within half a second of the question does nothing; a later one
confirms as before."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.counter.screen import STRAY_ENTER_SECONDS
from tests.ui.conftest import Counter, enter, question_read, until


async def asked(counter: Counter) -> None:
    await until(lambda: counter.screen.view.stage == Stage.CONFIRMING, what="the question")


async def unanswered(counter: Counter, code: str) -> None:
    """Still asking, a moment later; Piggy has the voucher reserved, not redeemed."""
    await counter.settle()
    assert counter.screen.view.stage == Stage.CONFIRMING
    state = counter.sandbox.voucher_state(code)
    assert state["status"] == "LOCKED" and state["redemptions_used"] == 0


async def answered(counter: Counter, code: str) -> None:
    """The same Enter, once the question has been on screen for a moment, redeems."""
    await question_read()
    counter.press(Qt.Key.Key_Return)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="the redemption")
    await counter.settle()
    assert counter.sandbox.voucher_state(code)["redemptions_used"] == 1


async def test_a_second_enter_that_came_with_the_question_does_not_answer_it(
    counter: Counter,
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await asyncio.sleep(STRAY_ENTER_SECONDS)
    counter.press(Qt.Key.Key_Return)
    await asked(counter)
    counter.press(Qt.Key.Key_Return)  # the hurried second Enter
    await unanswered(counter, code)
    await answered(counter, code)


async def test_a_loyalty_card_and_two_enters_do_not_answer_the_question(
    counter: Counter,
) -> None:
    code = KNOWN.ACTIVE_NO_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.NEEDS_CONTACT)
    counter.type_scan(KNOWN.CARD)  # into the customer field, with its Enter
    await asked(counter)
    counter.press(Qt.Key.Key_Return)
    await unanswered(counter, code)
    await answered(counter, code)


async def test_a_double_click_on_redeem_does_not_confirm(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    screen = counter.screen
    await counter.scan(code)
    spot = screen.redeem_button.mapTo(screen, screen.redeem_button.rect().center())
    QTest.mouseClick(screen.redeem_button, Qt.MouseButton.LeftButton)
    await asked(counter)
    second = screen.childAt(spot)  # what the double click's second click lands on
    assert second is screen.confirm_button or screen.confirm_button.isAncestorOf(second)
    QTest.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    await unanswered(counter, code)
    await answered(counter, code)
