"""What the counter's card says must be what happened (issue 15): the real window against
the sandbox over loopback, judged by what the cashier reads and by the sandbox's state."""

from __future__ import annotations

from piggy_desk.counter.flow import Stage, Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter
from tests.ui.test_redemption import enter


async def test_a_redemption_just_made_reads_as_done_not_as_already_used(counter: Counter) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    await enter(counter, Stage.SHOWING)
    assert counter.last_notice.tone == Tone.SUCCESS
    assert counter.sandbox.voucher_state(code)["status"] == "REDEEMED"
    badge = counter.screen.card.status
    assert badge.word == "Redeemed just now"
    assert badge.property("tone") == "good"  # the success colour, as the banner's
    assert "Redeemed just now" in counter.screen.card.accessibleName()
    # The same voucher scanned later is one someone already used.
    await counter.scan(KNOWN.EXPIRED)
    await counter.scan(code)
    assert badge.word == "Already used"
    assert badge.property("tone") == "neutral"
