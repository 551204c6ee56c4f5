"""A sentence on a manager screen belongs to that visit (issue 15, friction): "Exported 87
vouchers…" stood on the Vouchers screen after the manager went to the counter and came
back through the PIN. Leaving a manager screen clears its sentence; the counter keeps
its own (the cashier's state)."""

from __future__ import annotations

from collections.abc import Callable

from piggy_desk.notices import Tone
from piggy_desk.settings import hash_pin
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import close, until


async def test_a_screens_sentence_goes_when_the_manager_leaves_it(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(manager_pin_hash=hash_pin("4321"))
    window.show()
    assert window.ready is not None
    await window.ready
    try:
        window.tabs.setCurrentWidget(window.vouchers)  # asks for the PIN
        gate = window.gate
        await until(lambda: gate.dialog is not None, what="the PIN question")
        assert gate.dialog is not None
        gate.dialog.pin.setText("4321")
        gate.dialog.pin_entered.emit("4321")
        await until(lambda: window.tabs.currentWidget() is window.vouchers, what="Vouchers")
        window.vouchers.banner.show_notice(Tone.SUCCESS, "Exported 87 vouchers to vouchers.csv.")
        window.counter.banner.show_notice(Tone.INFO, "Scan a voucher.")
        window.tabs.setCurrentWidget(window.counter)
        window.tabs.setCurrentWidget(window.vouchers)  # the PIN again
        await until(lambda: gate.dialog is not None, what="the PIN question")
        assert gate.dialog is not None
        gate.dialog.pin_entered.emit("4321")
        await until(lambda: window.tabs.currentWidget() is window.vouchers, what="Vouchers")
        assert window.vouchers.banner.text == ""
        assert window.counter.banner.text == "Scan a voucher."
    finally:
        await close(window)
