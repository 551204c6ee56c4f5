"""The manager screens inside the main window, and what they hand to the counter."""

from __future__ import annotations

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, until
from tests.ui.test_redemption import enter


async def test_the_counter_comes_first_and_the_manager_screens_beside_it(counter: Counter) -> None:
    tabs = counter.window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Counter",
        "Vouchers",
        "Promotions",
        "Contacts",
        "Journal",
    ]
    assert tabs.currentWidget() is counter.screen
    tabs.setCurrentWidget(counter.window.promotions)
    await until(lambda: counter.window.promotions.model.rowCount() > 0, what="promotions")
    tabs.setCurrentWidget(counter.window.vouchers)
    await until(lambda: counter.window.vouchers.model.rowCount() > 0, what="vouchers")
    await until(lambda: counter.window.tasks.running == 0)


async def test_open_a_voucher_on_the_counter(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    await window.vouchers.find_code(KNOWN.WITH_PLU)
    window.vouchers.counter_button.click()
    assert window.tabs.currentWidget() is counter.screen
    await until(lambda: counter.screen.view.voucher is not None)
    await counter.settle()
    assert counter.screen.view.voucher is not None
    assert counter.screen.view.voucher.code == KNOWN.WITH_PLU


async def test_a_customer_chosen_on_contacts_gets_the_next_voucher_without_a_customer(
    counter: Counter,
) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.contacts)
    await window.contacts.search(KNOWN.CARD)
    window.contacts.use_on_counter_button.click()
    assert window.tabs.currentWidget() is counter.screen
    assert (
        counter.last_notice.sentence
        == f"Customer ready: {KNOWN.CONTACT_EMAIL}. Scan their voucher."
    )
    await counter.scan(KNOWN.ACTIVE_NO_CONTACT)
    await enter(counter, Stage.CONFIRMING)  # no question: the customer is known
    assert KNOWN.CONTACT_EMAIL in counter.screen.confirm_text.text()
    await enter(counter, Stage.SHOWING)
    state = counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)
    assert state["status"] == "REDEEMED"
    assert state["contact_uuid"] == KNOWN.CONTACT_UUID
