"""Two counters on the same Piggy race for the same voucher: every round exactly one
redeems, and the other says in a sentence that the voucher is in use at another counter
(80017) or already used (80005), never with an error dialog.

Two real main windows (``make_window``) on one qasync loop, against the sandbox over
loopback; both scan the voucher, then both cashiers press Redeem in the same instant
(who presses first alternates), and the one that got the lock confirms. Five such pairs
play their rounds at the same time, each on vouchers of its own.
"""

from __future__ import annotations

import asyncio
from collections import Counter as Tally
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from piggy_desk.api import PiggyClient
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Notice, Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.reliability.matrix import TALLIES
from tests.ui.conftest import close, question_read, until

IN_USE = {
    "This voucher is being used at another counter right now.",  # 80017
    "This voucher has already been used.",  # 80005
}


async def _open(
    make_window: Callable[..., MainWindow], data: Path
) -> tuple[MainWindow, list[Notice]]:
    window = make_window(data)
    notices: list[Notice] = []
    window.controller.notice_given.connect(notices.append)
    window.show()
    assert window.ready is not None
    await window.ready
    await until(lambda: window.watch.state != Connection.UNKNOWN, what="the first probe")
    return window, notices


def _settled(window: MainWindow) -> bool:
    view = window.counter.view
    return not view.busy and not view.waiting_scans and window.tasks.running == 0


def _scan(window: MainWindow, code: str) -> None:
    field = window.counter.scan_input
    QTest.keyClicks(field, code)
    QTest.keyClick(field, Qt.Key.Key_Return)


def _dialogs() -> list[str]:
    return [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()]  # fmt: skip


ROUNDS = 100
# The rounds are played by this many pairs of counters at once, each pair racing for its
# own vouchers, one round after another: a round waits half a second for the winner to
# read the confirm question (question_read), and the pairs wait at the same time.
PAIRS = 5


async def test_two_counters_race_for_one_voucher(
    make_window: Callable[..., Any], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    rounds = ROUNDS
    async with PiggyClient(sandbox.base_url, sandbox.token) as piggy:
        codes = [
            (
                await piggy.vouchers.create(
                    KNOWN.PROMOTION_SINGLE_USE, code=f"RACE{n:04d}", contact_uuid=KNOWN.CONTACT_UUID
                )
            ).code
            for n in range(rounds)
        ]
    windows = [await _open(make_window, tmp_path / f"counter{n}") for n in range(2 * PAIRS)]
    said = dict(windows)
    winners: Tally[str] = Tally()
    loser_sentences: Tally[str] = Tally()

    async def race(left: MainWindow, right: MainWindow, number: int, code: str) -> None:
        for window in (left, right):
            _scan(window, code)
        await until(
            lambda: all(
                _settled(w) and w.counter.view.voucher is not None
                and w.counter.view.voucher.code == code
                for w in (left, right)
            ),
            what=f"{code} on both counters",
        )  # fmt: skip
        first, second = (left, right) if number % 2 == 0 else (right, left)
        heard = {window: len(said[window]) for window in (left, right)}
        # The same instant: both clicks are queued before the loop runs either request.
        QTest.mouseClick(first.counter.redeem_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(second.counter.redeem_button, Qt.MouseButton.LeftButton)
        await until(lambda: _settled(left) and _settled(right), what="both counters")
        locked = [w for w in (left, right) if w.counter.view.stage == Stage.CONFIRMING]
        assert len(locked) == 1, [n.sentence for w in (left, right) for n in said[w]]
        winner = locked[0]
        loser = right if winner is left else left
        await question_read()
        QTest.mouseClick(winner.counter.confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: _settled(winner), what="the redemption")

        assert sandbox.voucher_state(code)["redemptions_used"] == 1
        assert any(n.tone == Tone.SUCCESS for n in said[winner][heard[winner] :])
        news = said[loser][heard[loser] :]
        assert news, "the losing counter said nothing"
        assert all(n.tone != Tone.ERROR for n in news), [n.sentence for n in news]
        assert news[-1].sentence in IN_USE, [n.sentence for n in news]
        assert _dialogs() == []
        winners["first" if winner is first else "second"] += 1
        loser_sentences[news[-1].sentence] += 1

    async def pair(number: int) -> None:
        left, right = windows[2 * number][0], windows[2 * number + 1][0]
        for turn, code in enumerate(codes[number::PAIRS]):
            await race(left, right, turn, code)

    try:
        async with asyncio.TaskGroup() as group:  # a pair's failure stops the others
            for number in range(PAIRS):
                group.create_task(pair(number))
    finally:
        for window, _ in windows:
            await close(window)  # deleted while the others still live: that used to crash
    TALLIES[f"two counters ({rounds} rounds)"] = (
        f"{sum(winners.values())}/{rounds} rounds exactly one redeemed "
        f"(first click won {winners['first']}, second {winners['second']}); "
        f"the other said: {dict(loser_sentences)}; error dialogs: 0"
    )
