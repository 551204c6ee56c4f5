"""The manager screens inside the main window, and what they hand to the counter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QDialogButtonBox

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import Settings, hash_pin, pin_matches
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.shell.manager_gate import PinDialog
from tests.ui.conftest import Counter, close, enter, until


async def test_the_counter_comes_first_and_the_manager_screens_beside_it(counter: Counter) -> None:
    tabs = counter.window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Counter",
        "Vouchers",
        "Promotions",
        "Contacts",
        "Journal",
        "Settings",
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
    # The card says who gets it before Enter (it said "No customer yet" until the lock).
    assert counter.screen.card.field_text("contact") == (
        f"{KNOWN.CONTACT_EMAIL} (chosen for this redemption)"
    )
    await enter(counter, Stage.CONFIRMING)  # no question: the customer is known
    assert KNOWN.CONTACT_EMAIL in counter.screen.confirm_text.text()
    await enter(counter, Stage.SHOWING)
    state = counter.sandbox.voucher_state(KNOWN.ACTIVE_NO_CONTACT)
    assert state["status"] == "REDEEMED"
    assert state["contact_uuid"] == KNOWN.CONTACT_UUID


async def test_a_manager_pin_guards_the_manager_screens(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox
) -> None:
    window = make_window(manager_pin_hash=hash_pin("2468"))
    window.show()
    assert window.ready is not None
    await window.ready
    window.tabs.setCurrentWidget(window.vouchers)
    assert window.tabs.currentWidget() is window.counter  # not yet
    dialog = window.findChild(PinDialog, "managerPinDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.pin.setText("1111")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: dialog.error.isVisible(), what="the refusal")
    assert dialog.error.text() == "That is not the manager PIN."
    assert window.tabs.currentWidget() is window.counter
    dialog.pin.setText("2468")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: window.tabs.currentWidget() is window.vouchers, what="the vouchers screen")
    window.tabs.setCurrentWidget(window.counter)  # the manager leaves: the gate shuts
    window.tabs.setCurrentWidget(window.promotions)
    assert window.tabs.currentWidget() is window.counter
    await until(lambda: window.findChild(PinDialog, "managerPinDialog") is not None)
    await close(window)


def test_the_pin_is_stored_as_a_salted_hash() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert "2468" not in first
    assert first != second  # salted
    assert pin_matches("2468", first) and pin_matches("2468", second)
    assert not pin_matches("2469", first)
    assert not pin_matches("2468", "garbage")


async def test_saved_settings_apply_to_the_running_counter(counter: Counter) -> None:
    window = counter.window
    new = Settings(shop_uuid=KNOWN.SHOP_UUID, lock_before_redeem=False, scan_prefix="]C1")
    new = replace(new, manager_pin_hash=hash_pin("2468"))
    window.settings_screen.settings_saved.emit(new)
    assert window.flow.settings.lock_before_redeem is False
    assert not window.gate.is_open  # the new PIN counts at once
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.type_scan(f"]C1{KNOWN.WITH_PLU}")
    await counter.until_on_card(KNOWN.WITH_PLU)
    await counter.settle()
    await enter(counter, Stage.CONFIRMING)
    assert counter.screen.view.lock is None  # locking is off now
    assert counter.sandbox.voucher_state(KNOWN.WITH_PLU)["status"] == "ACTIVE"
    await enter(counter, Stage.SHOWING)
    assert counter.sandbox.voucher_state(KNOWN.WITH_PLU)["status"] == "REDEEMED"
