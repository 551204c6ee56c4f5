"""A find answered with another voucher than the one scanned: the counter shows none and
redeems none, and says why (issue 13, finding 10)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import SCREENSHOTS, Counter, until


async def test_a_voucher_for_another_code_is_neither_shown_nor_redeemed(counter: Counter) -> None:
    scanned, other = KNOWN.ACTIVE_WITH_CONTACT, KNOWN.MULTI_USE
    counter.sandbox.inject("wrong_voucher", code=other, path="/vouchers/find")
    counter.type_scan(scanned)
    await until(lambda: counter.notices, what="a sentence")
    await counter.settle()
    view = counter.screen.view
    assert view.voucher is None and view.stage == Stage.IDLE
    notice = counter.last_notice
    assert notice.tone == Tone.ERROR
    assert notice.sentence == (
        "Piggy answered with another voucher than the one asked for, so it is not shown. "
        f"The voucher “{scanned}” could not be checked."
    )
    assert counter.screen.banner.text == notice.sentence
    counter.screen.grab().save(str(SCREENSHOTS / "counter-wrong-voucher.png"))
    await asyncio.sleep(0.55)  # past the stray-Enter guard
    counter.press(Qt.Key.Key_Return)
    await counter.settle()
    for code in (scanned, other):
        state = counter.sandbox.voucher_state(code)
        assert (state["status"], state["redemptions_used"]) == ("ACTIVE", 0), code
