"""Every fault the sandbox can inject, at every step of the flow: the voucher is redeemed
at most once, no lock outlives the flow (or the next start), the journal agrees with
Piggy, and the cashier reads sentences, never a traceback.

Driven at the ``RedemptionFlow`` level (real client, real journal on disk, the sandbox
over loopback): the window adds nothing to these guarantees (it shows the flow's
``Notice`` sentences as they are; tests/ui covers that path), and 60 cells through the
flow take seconds instead of minutes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from piggy_desk.counter.flow import CounterView
from piggy_desk.counter.journal import Action, Outcome
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.reliability.driver import CLIENT_TIMEOUT, Run, program, unfinished
from tests.reliability.local_faults import (
    AnswerHook,
    FullDisk,
    JournalLocker,
    Killed,
    delete_journal,
    kill,
    small_disk,
)
from tests.reliability.matrix import LOCAL_FAULTS, ROWS, STEPS, record

FAULT_ARGS: dict[str, dict[str, Any]] = {
    # Piggy did the work, the answer came after the client gave up.
    "timeout": {"kind": "latency", "seconds": CLIENT_TIMEOUT * 3, "after_commit": True},
    "drop before": {"kind": "drop"},
    "drop after commit": {"kind": "drop", "after_commit": True},
    "HTTP 500": {"kind": "status", "status": 500},
    "502 HTML": {"kind": "html", "status": 502},
    "503 maintenance": {"kind": "maintenance", "retry_after": 30},
    "429 Retry-After": {"kind": "status", "status": 429, "retry_after": 30},
    "401": {"kind": "status", "status": 401},
    # A yes whose body broke on the way: the work is done.
    "broken JSON": {"kind": "broken_json", "after_commit": True},
    "empty body": {"kind": "empty_body", "after_commit": True},
    # Piggy acted; the answer trickles past the client's whole-exchange deadline (each
    # byte well within the per-read timeout), or grows past its size limit.
    "trickling server": {"kind": "trickle", "seconds": CLIENT_TIMEOUT / 2, "after_commit": True},
    "endless body": {"kind": "endless_body", "after_commit": True},
}
STEP_REQUEST = {
    "find": ("GET", "/vouchers/find"),
    "lock": ("POST", "/lock"),
    "redeem": ("POST", "/vouchers/redeem"),
    "multi-redeem": ("POST", "/vouchers/multi-redeem"),
    "release": ("POST", "/release"),
    "reverse": ("POST", "/reverse"),
}
LOCK_LIFETIME_SECONDS = 3600
# What a cashier must never read: a traceback, an exception's name, a library's name.
NOT_FOR_A_CASHIER = re.compile(
    r"Traceback|Exception|Error\b|httpx|h11|\bNone\b|<[a-z]|object at 0x|\{'|\bdata\b"
)


def is_sentence(text: str) -> bool:
    return (
        bool(text.strip())
        and text[0].isupper()
        and text.rstrip().endswith((".", "!", "?", ")"))
        and not NOT_FOR_A_CASHIER.search(text)
    )


class Strike:
    """A local or time fault, struck through the counter's HTTP transport at the moment
    of the step's request (see ``matrix.LOCAL_FAULTS`` and ``TIME_FAULTS``)."""

    def __init__(self, fault: str, step: str, data: Path) -> None:
        self.hook = AnswerHook()
        self.clock: Callable[[], datetime] | None = None
        self.killed = False
        self._driving: asyncio.Task[bool] | None = None
        self._locker = JournalLocker(data / "journal.sqlite3")
        self._disk = FullDisk(data.parent)
        method, path = STEP_REQUEST[step]
        if fault.startswith("clock"):
            hours = 2 if "+2 h" in fault else -2
            self.clock = lambda: datetime.now(UTC) + timedelta(hours=hours)
            arm = self.hook.before_sending if "before" in fault else self.hook.on_answer
            arm(method, path, self._kill)
        elif fault == "journal locked":
            self.hook.on_answer(method, path, self._locker.hold)
        elif fault == "disk full":
            self.hook.on_answer(method, path, self._disk.fill)
        else:
            self.hook.on_answer(method, path, lambda: delete_journal(data / "journal.sqlite3"))

    def _kill(self) -> None:
        self.killed = True
        if self._driving is not None:
            self._driving.cancel()  # a kill in the scan worker ends the driving too
        kill()

    async def drive(self, driving: Coroutine[Any, Any, bool]) -> bool:
        """Run the cashier's part; the fault goes away after it (a kill ends it)."""
        self._driving = asyncio.ensure_future(driving)
        try:
            return await self._driving
        except (Killed, asyncio.CancelledError):
            if not self.killed:
                raise
            return False
        finally:
            self.undo()

    def undo(self) -> None:
        self._locker.let_go()
        self._disk.free()

    @property
    def spent(self) -> bool:
        return not self.hook.armed


async def run_cell(sandbox: RunningSandbox, data: Path, fault: str, step: str) -> None:
    if fault in LOCAL_FAULTS:
        with small_disk(data / "disk", "8m") as disk:
            await _run_cell(sandbox, disk, fault, step)
    else:
        await _run_cell(sandbox, data, fault, step)


async def _run_cell(sandbox: RunningSandbox, data: Path, fault: str, step: str) -> None:
    code = KNOWN.MULTI_USE_ONE_LEFT if step == "reverse" else KNOWN.MULTI_USE
    times = 3 if step == "multi-redeem" else 1
    if step == "reverse":
        async with program(sandbox, data / "setup") as setup:
            assert await setup.redeem_once(code)
    used_before = sandbox.voucher_state(code)["redemptions_used"]
    method, path = STEP_REQUEST[step]
    strike = None
    if fault in FAULT_ARGS:
        sandbox.inject(**FAULT_ARGS[fault], path=path, method=method)
    else:
        strike = Strike(fault, step, data / "counter")

    async def cashier(run: Run) -> bool:
        if step == "release":
            await run.lock_and_cancel(code)
            return False
        if step == "reverse":
            return await run.reverse_once(code)
        return await run.redeem_once(code, times)

    escaped: list[str] = []
    sentences: list[str] = []
    told_done = False
    journal_entries = []
    open_locks = []
    options: dict[str, Any] = {}
    if strike is not None:
        options = {"transport": strike.hook, "clock": strike.clock}
    try:
        try:
            async with program(sandbox, data / "counter", **options) as first:
                if strike is None:
                    await cashier(first)
                else:
                    await strike.drive(cashier(first))
                    if strike.killed:
                        # dead: nothing released on the way out
                        first.flow._board._view = CounterView()
                sentences += [n.sentence for n in first.screen.notices]
                told_done = bool(first.screen.said(Tone.SUCCESS))
        finally:
            if strike is not None:
                strike.undo()
        spent = not sandbox.armed_faults() if strike is None else strike.spent
        restart_clock = {} if strike is None else {"clock": strike.clock}
        async with program(sandbox, data / "counter", **restart_clock) as restart:
            sentences += restart.start_sentences
            if strike is not None and strike.killed:
                # A killed program told nothing; its next start tells what happened.
                told_done = any(
                    "before the program stopped" in s and "did not" not in s and "told" not in s
                    for s in restart.start_sentences
                )
            journal_entries = restart.entries(*Action)
            open_locks = restart.journal.open_locks()
    except Exception as error:  # noqa: BLE001 - any escape is a finding, recorded below
        escaped.append(f"{type(error).__name__}: {error}")
        spent = True
    sandbox.clear_faults()

    state = sandbox.voucher_state(code)
    delta = state["redemptions_used"] - used_before
    redeemed_ok = sum(
        e.times
        for e in journal_entries
        if e.action in (Action.REDEEM, Action.MULTI_REDEEM) and e.outcome == Outcome.OK
    )
    reversed_ok = sum(
        1 for e in journal_entries if e.action == Action.REVERSE and e.outcome == Outcome.OK
    )

    # At most once.
    allowed = {"release": {0}, "reverse": {0, -1}}.get(step, {0, times})
    once = (delta in allowed, f"redemptions changed by {delta}, allowed {sorted(allowed)}")

    # No lock left — unless the lock's own answer was lost: then nobody has its key and
    # Piggy ends it after an hour; the journal keeps it open and the cashier was told.
    footnote = ""
    if state["status"] == "LOCKED":
        lost = bool(open_locks) and all(
            e.release_key is None and e.outcome in (Outcome.UNKNOWN, Outcome.PENDING)
            for e in open_locks
        )
        warned = any("reserved" in s for s in sentences)
        sandbox.advance_clock(LOCK_LIFETIME_SECONDS + 1)
        expires = sandbox.voucher_state(code)["status"] != "LOCKED"
        no_lock = (lost and warned and expires, f"locked; lost={lost} warned={warned}")
        footnote = "†"
    else:
        no_lock = (not open_locks, f"the journal still holds {open_locks}")

    # The journal agrees with Piggy.
    agrees = reversed_ok == -delta if step == "reverse" else redeemed_ok == delta
    stuck = unfinished(
        [
            e
            for e in journal_entries
            if e.action in (Action.REDEEM, Action.MULTI_REDEEM, Action.REVERSE)
        ]
    )
    journal = (
        agrees and not stuck,
        f"journal says {redeemed_ok} used / {reversed_ok} reversed, "
        f"Piggy changed by {delta}; unfinished: {stuck}",
    )

    # Sentences only, and the truth: "done" was said exactly when it was done.
    bad = [s for s in sentences if not is_sentence(s)]
    truthful = told_done == (delta != 0) if step != "release" else not told_done
    # A warning about a reservation nobody can end is said exactly when there is one.
    warned_lost = any(("reserved" in s and "until" in s) or "up to an hour" in s for s in sentences)
    truthful = truthful and warned_lost == bool(footnote)
    words = (
        not escaped and not bad and truthful and spent,
        f"escaped={escaped} not sentences={bad} told_done={told_done} delta={delta} "
        f"warned of a lost lock={warned_lost} "
        f"fault spent={spent}",
    )

    cell = record(
        fault,
        step,
        [
            ("at most once", *once),
            ("no lock left", *no_lock),
            ("journal agrees", *journal),
            ("sentences only", *words),
        ],
        footnote,
    )
    assert not cell.problems, "\n".join(cell.problems + sentences)


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("fault", ROWS)
async def test_fault_at_step(
    sandbox: RunningSandbox, tmp_path: Path, fault: str, step: str
) -> None:
    await run_cell(sandbox, tmp_path, fault, step)
