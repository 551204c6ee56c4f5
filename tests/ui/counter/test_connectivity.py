"""The status bar follows the connection; offline, nothing is redeemed; what failed while
Piggy was out of reach is done when it is back."""

from __future__ import annotations

from typing import Any

import pytest

from piggy_desk.api import PiggyError
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.flow import OFFLINE_SENTENCE, Stage
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN
from tests.ui.conftest import Counter, enter, until


def status(counter: Counter) -> str:
    return counter.window.connection_label.text()


async def test_online_at_start(counter: Counter) -> None:
    assert counter.window.watch.state == Connection.ONLINE
    assert status(counter) == "● Training sandbox · Online"


async def test_offline_blocks_redemption_and_the_way_back_is_noticed(counter: Counter) -> None:
    watch = counter.window.watch
    watch.offline_probe_seconds = 0.2
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.sandbox.inject("drop", count=1000)
    # Any request of the program that fails tells: here a list a manager screen asks for.
    with pytest.raises(PiggyError):
        await counter.window.client.promotions.list()
    await until(lambda: watch.state == Connection.OFFLINE, what="offline")
    await counter.settle()
    assert status(counter) == "● Training sandbox · Offline: Piggy cannot be reached"
    assert any(n.sentence == OFFLINE_SENTENCE for n in counter.notices)
    assert not counter.screen.redeem_button.isEnabled()
    await enter(counter)
    assert counter.last_notice.sentence == OFFLINE_SENTENCE  # and nothing was sent to lock it
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
    counter.sandbox.clear_faults()
    await until(lambda: counter.window.watch.state == Connection.ONLINE, what="back online")
    assert status(counter) == "● Training sandbox · Online"
    assert any(n.sentence == "Connected to Piggy again." for n in counter.notices)


@pytest.mark.parametrize(
    ("fault", "frame"),
    [
        ({"kind": "drop"}, "Back online:"),
        # Piggy answered with errors all along: the line was never gone.
        ({"kind": "status", "status": 500}, "Piggy is answering again:"),
    ],
    ids=["dropped", "500"],
)
async def test_a_release_that_failed_offline_is_done_when_piggy_is_back(
    counter: Counter, fault: dict[str, Any], frame: str
) -> None:
    counter.window.watch.offline_probe_seconds = 0.2
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    counter.sandbox.inject(**fault, count=1000)
    await counter.settle()
    from PySide6.QtCore import Qt

    counter.press(Qt.Key.Key_Escape)
    await until(lambda: counter.screen.view.stage == Stage.SHOWING, what="cancelled")
    await counter.settle()
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"  # the release failed
    assert [e.code for e in counter.window.journal.open_locks()] == [code]
    counter.sandbox.clear_faults()
    await until(lambda: counter.window.watch.state == Connection.ONLINE, what="back online")
    await until(lambda: counter.sandbox.voucher_state(code)["status"] == "ACTIVE", what="released")
    await until(lambda: counter.window.journal.open_locks() == [], what="the journal settled")
    # Said once the whole release round is over, a moment after the journal is settled.
    await until(
        lambda: any("has been released" in n.sentence for n in counter.notices),
        what="the cashier told",
    )
    [told] = [n.sentence for n in counter.notices if "has been released" in n.sentence]
    assert told.startswith(frame)  # not "At start:": the program did not restart


@pytest.mark.parametrize(
    ("status_code", "state", "word"),
    [
        (401, Connection.UNAUTHORIZED, "Token refused"),
        (503, Connection.MAINTENANCE, "Piggy maintenance"),
    ],
)
async def test_token_refused_and_maintenance_show_and_block(
    counter: Counter, status_code: int, state: Connection, word: str
) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.sandbox.inject("status", status=status_code, count=1000)
    counter.type_scan(KNOWN.WITH_PLU)
    await until(lambda: counter.window.watch.state == state, what=str(state))
    await counter.settle()
    assert status(counter).endswith(word)
    assert counter.last_notice.tone == Tone.ERROR
    assert not counter.screen.view.online


@pytest.mark.parametrize(
    ("status_code", "state"),
    [(401, Connection.UNAUTHORIZED), (503, Connection.MAINTENANCE)],
)
async def test_enter_while_piggy_refuses_says_why_not_no_connection(
    counter: Counter, status_code: int, state: Connection
) -> None:
    """The line works: Piggy refused the token, or is down for maintenance. Enter on the
    voucher still shown is blocked with the window's sentence for that, never "No
    connection to Piggy", which would send someone to check the cables."""
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.sandbox.inject("status", status=status_code, count=1000)
    with pytest.raises(PiggyError):
        await counter.window.client.promotions.list()
    await until(lambda: counter.window.watch.state == state, what=str(state))
    await counter.settle()
    said = counter.last_notice.sentence
    await enter(counter)
    assert counter.last_notice.sentence == said
    assert OFFLINE_SENTENCE not in [n.sentence for n in counter.notices]
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


async def test_piggy_answering_with_errors_is_not_called_no_connection(counter: Counter) -> None:
    """Piggy answers, with a 500 to every request: the line works, and a shop owner told
    "no connection" would check the cables for nothing. What the status bar shows, the
    banner says and the screen reader hears say that Piggy is failing; redeeming stays
    blocked, and the way back is noticed as before."""
    watch = counter.window.watch
    watch.offline_probe_seconds = 0.2
    failing = (
        "Piggy is not answering as it should just now: vouchers cannot be checked or "
        "redeemed. Try again in a moment."
    )
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    counter.sandbox.inject("status", status=500, count=1000)
    with pytest.raises(PiggyError):
        await counter.window.client.promotions.list()
    await until(lambda: watch.state not in (Connection.ONLINE, Connection.UNKNOWN), what="out")
    await counter.settle()
    assert status(counter) == "● Training sandbox · Piggy is not answering properly"
    said = [n.sentence for n in counter.notices]
    assert failing in said
    assert OFFLINE_SENTENCE not in said
    assert counter.screen.announcer.last == f"Problem: {failing}"
    assert not counter.screen.redeem_button.isEnabled()
    await enter(counter)
    assert counter.last_notice.sentence == failing  # and nothing was sent to lock it
    assert counter.sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
    counter.sandbox.clear_faults()
    await until(lambda: watch.state == Connection.ONLINE, what="back online")
    assert status(counter) == "● Training sandbox · Online"
    assert counter.last_notice.sentence == "Piggy is answering as it should again."
