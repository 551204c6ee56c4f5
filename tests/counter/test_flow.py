"""The redemption flow without the window: the real client against the sandbox over
loopback, a real journal on disk, a listener that keeps what it is told. (The flow under
faults: tests/counter/test_journal_faults.py, test_clock.py and tests/reliability.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

from piggy_desk.api import PiggyClient
from piggy_desk.counter.flow import CounterView, RedemptionFlow
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
