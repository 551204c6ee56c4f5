"""A customer handed from the Contacts screen to the counter ("Use on the counter") never
meets the voucher still on the card (issue 13, finding 13a): the card showed the previous
voucher with a live Redeem while the banner asked for the new customer's voucher, and one
Enter redeemed the old voucher for the new customer."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, until


async def hand_over_the_customer(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.contacts)
    await window.contacts.search(KNOWN.CARD)
    assert window.contacts.use_on_counter_button.isEnabled()
    window.contacts.use_on_counter_button.click()
    await until(lambda: window.tabs.currentWidget() is window.counter, what="the counter")
    await counter.settle()


async def test_the_card_is_cleared_and_enter_redeems_nothing(counter: Counter) -> None:
    old = KNOWN.ACTIVE_NO_CONTACT  # a voucher still waiting for a customer
    await counter.scan(old)
    assert counter.screen.redeem_button.isEnabled()

    await hand_over_the_customer(counter)

    assert counter.last_notice.sentence.startswith("Customer ready")
    assert counter.screen.view.voucher is None
    assert counter.screen.card.placeholder.isVisible()
    assert not counter.screen.redeem_button.isEnabled()
    await asyncio.sleep(0.55)  # past the stray-Enter guard
    counter.press(Qt.Key.Key_Return)
    await counter.settle()
    state = counter.sandbox.voucher_state(old)
    assert (state["status"], state["redemptions_used"]) == ("ACTIVE", 0)

    # The customer's own voucher, scanned next, goes to them without asking.
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(counter, Stage.CONFIRMING)
    assert KNOWN.CONTACT_EMAIL in counter.screen.confirm_text.text()


async def test_a_voucher_waiting_for_confirmation_is_not_handed_to_the_new_customer(
    counter: Counter,
) -> None:
    held = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(held)
    await enter(counter, Stage.CONFIRMING)

    await hand_over_the_customer(counter)

    assert counter.screen.view.stage == Stage.CONFIRMING  # still the old customer's voucher
    sentence = counter.last_notice.sentence
    assert held in sentence and "first" in sentence
    assert not sentence.startswith("Customer ready")
    counter.press(Qt.Key.Key_Escape)  # the cashier cancels it
    await until(lambda: counter.screen.view.stage != Stage.CONFIRMING, what="the cancel")
    await counter.settle()
    assert counter.sandbox.voucher_state(held)["status"] == "ACTIVE"
