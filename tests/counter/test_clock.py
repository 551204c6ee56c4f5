"""This computer's clock two hours off Piggy's (issue 13.6): the counter counts a lock's
time from Piggy's own times and asks Piggy before it gives up a key. The clock is
injected into the flow and the journal; the sandbox keeps real time (and its own clock,
which tests move on). tests/ui/shell/test_kill.py runs the real program under libfaketime."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from piggy_desk.counter.flow import CounterView, Stage
from piggy_desk.counter.journal import Action
from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.reliability.driver import Run, program
from tests.reliability.local_faults import AnswerHook, Killed, kill

HOUR = 3600


def skewed(hours: float) -> Callable[[], datetime]:
    return lambda: datetime.now(UTC) + timedelta(hours=hours)


async def _to_confirm(run: Run, code: str) -> None:
    await run.scan(code)
    await run.flow.redeem()
    assert run.flow.view.stage == Stage.CONFIRMING, run.screen.notices


def _dies(run: Run) -> None:
    """The program ends here (a kill, a power cut): nothing more is released or written."""
    run.flow._board._view = CounterView()


@pytest.mark.parametrize("hours", [2, -2])
async def test_the_countdown_counts_from_piggys_times(
    sandbox: RunningSandbox, tmp_path: Path, hours: int
) -> None:
    async with program(sandbox, tmp_path, clock=skewed(hours)) as run:
        await _to_confirm(run, KNOWN.ACTIVE_WITH_CONTACT)
        left = run.flow.view.reserved_for()
        assert left is not None and HOUR - 30 < left <= HOUR, left


async def test_a_live_lock_is_released_at_start_with_the_clock_two_hours_ahead(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """It used to be taken for expired, and its key erased without a release."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    async with program(sandbox, tmp_path, clock=skewed(2)) as run:
        await _to_confirm(run, code)
        _dies(run)
    assert sandbox.voucher_state(code)["status"] == "LOCKED"
    async with program(sandbox, tmp_path, clock=skewed(2)) as restart:
        assert sandbox.voucher_state(code)["status"] == "ACTIVE", restart.start_sentences
        assert restart.start_sentences == [
            f"Voucher “{code}” was still reserved by this counter and has been released."
        ]
        assert restart.journal.open_locks() == []


async def test_an_expired_lock_is_asked_about_not_reported_released(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """With the clock two hours behind, a lock Piggy has ended looks live here: the
    release tells, and nothing is said (it was not released by us)."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    async with program(sandbox, tmp_path, clock=skewed(-2)) as run:
        await _to_confirm(run, code)
        _dies(run)
    sandbox.advance_clock(HOUR + 1)
    async with program(sandbox, tmp_path, clock=skewed(-2)) as restart:
        assert restart.start_sentences == []
        assert restart.journal.open_locks() == []


async def test_a_redeem_killed_before_piggy_acted_is_not_said_redeemed_with_the_clock_behind(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """The PC behind Piggy; the program killed before the redeem left; Piggy's hour
    passes. The next start used to say "redeemed before the program stopped" (0 uses)."""
    code = KNOWN.MULTI_USE
    used = sandbox.voucher_state(code)["redemptions_used"]
    hook = AnswerHook()
    async with program(sandbox, tmp_path, clock=skewed(-2), transport=hook) as run:
        await _to_confirm(run, code)
        hook.before_sending("POST", "/vouchers/redeem", kill)
        with pytest.raises(Killed):
            await run.flow.confirm()
        _dies(run)
    sandbox.advance_clock(HOUR + 1)
    async with program(sandbox, tmp_path, clock=skewed(-2)) as restart:
        said = restart.start_sentences
        assert sandbox.voucher_state(code)["redemptions_used"] == used
        assert f"Voucher “{code}” was redeemed before the program stopped." not in said
        assert any("cannot be told" in s and "Piggy dashboard" in s for s in said), said
    async with program(sandbox, tmp_path, clock=skewed(-2)) as again:
        assert again.start_sentences == []  # said once


async def test_a_redeem_killed_before_piggy_acted_within_the_hour_did_not_go_through(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """The lock's key still works at the next start: the redeem cannot have happened."""
    code = KNOWN.MULTI_USE
    hook = AnswerHook()
    async with program(sandbox, tmp_path, clock=skewed(2), transport=hook) as run:
        await _to_confirm(run, code)
        hook.before_sending("POST", "/vouchers/redeem", kill)
        with pytest.raises(Killed):
            await run.flow.confirm()
        _dies(run)
    async with program(sandbox, tmp_path, clock=skewed(2)) as restart:
        said = " ".join(restart.start_sentences)
        assert "did not go through" in said and "has been released" in said, said
        assert restart.journal.unfinished(Action.REDEEM, Action.MULTI_REDEEM) == []
