"""What one screen did shows on the others without a refresh (an outside tester's
findings): a redemption at the counter in the Vouchers list, a reversal in the counter's
recent scans; and "Settings saved." goes away by itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.widgets import banner
from tests.ui.conftest import Counter, Desk, enter, until

STATUS_COLUMN = 1


def listed_status(counter: Counter, code: str) -> str:
    model = counter.window.vouchers.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == code)
    return str(model.index(row, STATUS_COLUMN).data())


async def redeem(counter: Counter, code: str) -> None:
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)


async def test_a_redemption_at_the_counter_shows_in_the_vouchers_list(counter: Counter) -> None:
    window = counter.window
    window.tabs.setCurrentWidget(window.vouchers)
    await until(lambda: window.vouchers.model.rowCount() > 0, what="vouchers")
    await counter.settle()
    assert listed_status(counter, KNOWN.ACTIVE_WITH_CONTACT) == "Valid"
    window.show_counter()
    await redeem(counter, KNOWN.ACTIVE_WITH_CONTACT)
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "REDEEMED"
    window.tabs.setCurrentWidget(window.vouchers)
    assert listed_status(counter, KNOWN.ACTIVE_WITH_CONTACT) == "Already used"


async def test_a_reversal_shows_in_the_recent_scans(counter: Counter) -> None:
    await redeem(counter, KNOWN.ACTIVE_WITH_CONTACT)
    recent = counter.screen.recent
    assert "Redeemed here" in recent.item(0).text()
    counter.screen.reverse_button.click()
    await until(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), what="ask")
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(
        lambda: counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE",
        what="the reversal",
    )
    await counter.settle()
    assert recent.count() == 1
    assert recent.item(0).text().startswith(f"{KNOWN.ACTIVE_WITH_CONTACT} · Reversed here · ")


async def test_settings_saved_goes_away_by_itself(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(banner, "PASSING_NOTICE_SECONDS", 0.3, raising=False)
    await desk.save()
    assert desk.screen.banner.text == "Settings saved."
    await until(lambda: desk.screen.banner.text == "", timeout=5, what="the sentence to go")
