"""The redemption flow without the window: the real client against the sandbox over
loopback, a real journal on disk, a listener that keeps what it is told. (The flow under
faults: tests/counter/test_journal_faults.py, test_clock.py and tests/reliability.)"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from piggy_desk.api import PiggyClient
from piggy_desk.counter.flow import CounterView, RedemptionFlow, Stage
from piggy_desk.counter.journal import Action, Journal, Outcome
from piggy_desk.notices import Notice
from piggy_desk.sandbox import KNOWN, RunningSandbox


class _Quiet:
    def __init__(self) -> None:
        self.notices: list[Notice] = []

    def counter_changed(self, view: CounterView) -> None:
        pass

    def counter_said(self, notice: Notice) -> None:
        self.notices.append(notice)


async def test_a_pending_entry_is_on_disk_before_the_request_is_answered(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    sandbox.inject("latency", seconds=0.5, path="/lock")
    journal = Journal.in_folder(tmp_path)
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        flow = RedemptionFlow(client, journal, _Quiet())
        flow.start()
        flow.submit_scan(KNOWN.ACTIVE_WITH_CONTACT)
        while flow.view.voucher is None:
            await asyncio.sleep(0.01)
        redeeming = asyncio.create_task(flow.redeem())
        await asyncio.sleep(0.25)  # the lock request is at the sandbox now
        # Another reader of the file (as after a power cut) already sees the pending lock.
        reader = Journal(journal.path)
        [pending] = reader.open_locks()
        assert (pending.action, pending.outcome, pending.release_key) == (
            Action.LOCK,
            Outcome.PENDING,
            None,
        )
        reader.close()
        await redeeming
        [locked] = journal.open_locks()
        assert locked.outcome == Outcome.OK and locked.release_key
        await flow.aclose()  # releases
        assert journal.open_locks() == []
    journal.close()


async def test_the_question_is_drawn_as_the_lock_is_written_and_said_once_it_is(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """The counter draws the confirm question while the lock's answer goes into the
    journal (the disk and the drawing overlap), and says it only once that is written: a
    change the journal had to keep in memory would go with the sentence."""
    journal = Journal.in_folder(tmp_path)
    written = threading.Event()
    finish = journal.finish

    def held_finish(*args: Any, **kwargs: Any) -> None:
        written.wait(10)  # on the journal's thread: the disk is slow
        finish(*args, **kwargs)

    journal.finish = held_finish  # type: ignore[method-assign]
    listener = _Quiet()
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        flow = RedemptionFlow(client, journal, listener)
        flow.start()
        flow.submit_scan(KNOWN.ACTIVE_WITH_CONTACT)
        while flow.view.voucher is None:
            await asyncio.sleep(0.01)
        said = len(listener.notices)
        redeeming = asyncio.create_task(flow.redeem())

        async def question_drawn() -> None:
            while flow.view.stage != Stage.CONFIRMING:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(question_drawn(), 5)
        assert flow.view.lock is not None
        assert len(listener.notices) == said, "said before the lock's answer was written"
        reader = Journal(journal.path)  # the file as it is now
        [pending] = reader.open_locks()
        assert pending.outcome == Outcome.PENDING
        reader.close()
        written.set()
        await redeeming
        assert listener.notices[-1].sentence.startswith("Press Enter to confirm")
        [locked] = journal.open_locks()
        assert locked.outcome == Outcome.OK and locked.release_key
        await flow.aclose()  # releases
    journal.close()
