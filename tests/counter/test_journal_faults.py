"""The journal failing under the counter: write-locked by another program, its disk full,
deleted while the program runs, emptied or damaged before a start. Real faults (a second
process holding sqlite's lock, a small tmpfs filled up, the file unlinked), the real
client and the sandbox over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from piggy_desk.counter.flow import RedemptionFlow, Stage, Tone
from piggy_desk.counter.journal import Action, Journal, Outcome
from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.reliability.driver import Run, program
from tests.reliability.local_faults import AnswerHook, FullDisk, JournalLocker, small_disk

NOTHING_SENT = "Nothing was sent to Piggy"


@dataclass
class Counter:
    run: Run
    hook: AnswerHook

    @property
    def flow(self) -> RedemptionFlow:
        return self.run.flow

    @property
    def said(self) -> list[str]:
        return [n.sentence for n in self.run.screen.notices]


@asynccontextmanager
async def counter(sandbox: RunningSandbox, folder: Path) -> AsyncIterator[Counter]:
    hook = AnswerHook()
    async with program(sandbox, folder, transport=hook) as run:
        yield Counter(run, hook)


async def _to_confirm(run: Run, code: str) -> None:
    await run.scan(code)
    await run.flow.redeem()
    assert run.flow.view.stage == Stage.CONFIRMING, run.screen.notices


async def test_redeem_answer_while_another_program_holds_the_journal(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1: the journal is write-locked when the redeem's answer arrives. The
    cashier reads that it was redeemed (never "nothing was sent"), is not offered the
    redemption again, and the entry reaches the journal once the lock is gone."""
    code = KNOWN.MULTI_USE
    used = sandbox.voucher_state(code)["redemptions_used"]
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    try:
        async with counter(sandbox, tmp_path) as c:
            await _to_confirm(c.run, code)
            c.hook.on_answer("POST", "/vouchers/redeem", locker.hold)
            await c.flow.confirm()
            assert sandbox.voucher_state(code)["redemptions_used"] == used + 1
            assert not any(NOTHING_SENT in s for s in c.said), c.said
            last = c.run.screen.notices[-1]
            assert last.tone == Tone.SUCCESS and last.sentence.startswith("Redeemed"), last
            assert "could not record" in last.sentence and "manager" in last.sentence, last
            assert last.error is not None and "locked" in str(last.error.details()).lower()
            assert c.flow.view.stage == Stage.SHOWING, c.said
            # Enter again, as the cashier did once the other program let go: nothing more.
            locker.let_go()
            await c.flow.confirm()
            assert sandbox.voucher_state(code)["redemptions_used"] == used + 1
            # The next journal write, or the retry timer, brings it to disk.
            await c.flow.flush_journal()
            reader = Journal(c.run.journal.path)
            redeems = reader.unfinished(Action.REDEEM)
            reader.close()
            assert redeems == []
        again = Journal.in_folder(tmp_path)
        outcomes = [
            e.outcome for e in again.entries_between(*_today()) if e.action == Action.REDEEM
        ]
        again.close()
        assert outcomes == [Outcome.OK]
    finally:
        locker.let_go()


async def test_reverse_answer_while_the_disk_is_full(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1 with Reverse: one use given back, said as done, never offered again."""
    code = KNOWN.MULTI_USE_ONE_LEFT
    with small_disk(tmp_path / "disk") as disk:
        async with counter(sandbox, disk / "data") as c:
            assert await c.run.redeem_once(code)
            used = sandbox.voucher_state(code)["redemptions_used"]
            full = FullDisk(disk)
            c.hook.on_answer("POST", "/reverse", full.fill)
            try:
                await c.flow.reverse()
                assert sandbox.voucher_state(code)["redemptions_used"] == used - 1
                assert not any(NOTHING_SENT in s for s in c.said), c.said
                last = c.run.screen.notices[-1]
                assert last.tone == Tone.SUCCESS and "reversed" in last.sentence, last
                assert "disk is full" in last.sentence, last
                assert not c.flow.view.can_reverse
            finally:
                full.free()
            await c.flow.reverse()
            assert sandbox.voucher_state(code)["redemptions_used"] == used - 1


async def test_a_lock_taken_while_the_disk_is_full_can_still_be_released(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1 with a lock: its release key stays in memory, Cancel releases it."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    with small_disk(tmp_path / "disk") as disk:
        async with counter(sandbox, disk / "data") as c:
            full = FullDisk(disk)
            await c.run.scan(code)
            c.hook.on_answer("POST", "/lock", full.fill)
            try:
                await c.flow.redeem()
                assert sandbox.voucher_state(code)["status"] == "LOCKED"
                assert c.flow.view.stage == Stage.CONFIRMING, c.said
                assert not any(NOTHING_SENT in s for s in c.said), c.said
                await c.flow.cancel()  # the disk is still full
                assert sandbox.voucher_state(code)["status"] == "ACTIVE", c.said
                assert c.said[-1].startswith("Cancelled"), c.said
            finally:
                full.free()


async def test_begin_refused_says_nothing_was_sent_and_names_the_cause(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Before the request, "nothing was sent" is true; the cause is told apart."""
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    try:
        async with counter(sandbox, tmp_path) as c:
            await c.run.scan(KNOWN.ACTIVE_WITH_CONTACT)
            locker.hold()
            await c.flow.redeem()
            assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
            assert NOTHING_SENT in c.said[-1] and "another program" in c.said[-1], c.said
            assert "disk is full" not in c.said[-1]
            locker.let_go()
    finally:
        locker.let_go()


def _today() -> tuple[object, object]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    return now - timedelta(days=1), now + timedelta(days=1)
