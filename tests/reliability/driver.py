"""A counter as the program runs it, without the window: a real ``PiggyClient``, a real
``Journal`` on disk and a ``RedemptionFlow``, against the sandbox over loopback, driven
the way a cashier drives it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx

from piggy_desk.api import PiggyClient, RequestKind
from piggy_desk.counter.flow import CounterSettings, CounterView, RedemptionFlow, Stage
from piggy_desk.counter.journal import Action, Journal, JournalEntry, Outcome
from piggy_desk.counter.scan import DuplicateFilter
from piggy_desk.notices import Notice, Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox

# Short, so a "latency beyond the timeout" fault costs little; long enough for loopback.
CLIENT_TIMEOUT = 0.5
# The whole exchange, every kind: a trickled answer costs this much.
CLIENT_DEADLINES = {kind: 4 * CLIENT_TIMEOUT for kind in RequestKind}


@dataclass
class Screen:
    """What the counter showed and said (the ``CounterListener`` the window would be)."""

    view: CounterView = field(default_factory=CounterView)
    notices: list[Notice] = field(default_factory=list)

    def counter_changed(self, view: CounterView) -> None:
        self.view = view

    def counter_said(self, notice: Notice) -> None:
        self.notices.append(notice)

    def said(self, tone: Tone) -> list[str]:
        return [n.sentence for n in self.notices if n.tone == tone]


@dataclass
class Run:
    """One start of the program: its flow, what it showed, and what its start said."""

    flow: RedemptionFlow
    screen: Screen
    journal: Journal
    start_sentences: list[str]

    async def settle(self) -> None:
        """Wait until every scan is handled and no action runs."""
        flow = self.flow
        for _ in range(2000):
            if flow._scans.empty() and flow.view.waiting_scans == 0 and not flow._busy.locked():
                await asyncio.sleep(0.005)
                if flow._scans.empty() and not flow._busy.locked():
                    return
            await asyncio.sleep(0.005)
        raise AssertionError("the counter did not settle")

    async def scan(self, code: str) -> None:
        self.flow.submit_scan(code)
        await self.settle()

    async def redeem_once(self, code: str, times: int = 1) -> bool:
        """Scan and redeem as a cashier does: try again while the counter offers it, stop
        at the first "Redeemed". Returns whether the counter said it was redeemed."""
        for _ in range(6):
            if self.screen.said(Tone.SUCCESS):
                return True
            view = self.flow.view
            if view.stage == Stage.IDLE or view.voucher is None or view.voucher.code != code:
                await self.scan(code)
            elif view.stage == Stage.SHOWING:
                if not view.can_redeem:
                    break  # used, or reserved elsewhere: the counter refuses, the cashier stops
                await self.flow.redeem()
            elif view.stage == Stage.CONFIRMING:
                await self.flow.confirm(times)
            elif view.stage == Stage.UNRESOLVED:
                await self.flow.recheck()
            else:
                break
        return bool(self.screen.said(Tone.SUCCESS))

    async def lock_and_cancel(self, code: str) -> None:
        """Scan, press Enter (it locks), then Esc."""
        await self.scan(code)
        await self.flow.redeem()
        assert self.flow.view.stage == Stage.CONFIRMING, self.screen.notices
        await self.flow.cancel()

    async def reverse_once(self, code: str) -> bool:
        """Scan a used voucher and reverse it; try again while the counter offers it."""
        for _ in range(4):
            if self.screen.said(Tone.SUCCESS):
                return True
            view = self.flow.view
            if view.voucher is None or view.voucher.code != code:
                await self.scan(code)
            elif view.can_reverse:
                await self.flow.reverse()
            else:
                break
        return bool(self.screen.said(Tone.SUCCESS))

    def entries(self, *actions: Action) -> list[JournalEntry]:
        from datetime import UTC, datetime, timedelta

        now = datetime.now(UTC)
        found = self.journal.entries_between(now - timedelta(days=1), now + timedelta(days=1))
        return [e for e in found if e.action in actions]


@asynccontextmanager
async def program(
    sandbox: RunningSandbox,
    data_dir: Path,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], datetime] | None = None,
    busy_timeout: float = 0.2,
    client: PiggyClient | None = None,
    journal_retry_seconds: float = 5.0,
) -> AsyncIterator[Run]:
    """Start the counter on ``data_dir`` (releasing what an earlier run left), and close it
    as the program does on quit. ``transport`` carries the requests (a hook that strikes
    a fault when an answer comes), ``clock`` is this computer's clock; ``client`` (closed
    at the end) instead of one on the sandbox's token."""
    client = client or PiggyClient(
        sandbox.base_url,
        sandbox.token,
        timeout=CLIENT_TIMEOUT,
        transport=transport,
        deadlines=CLIENT_DEADLINES,
    )
    options = {} if clock is None else {"clock": clock}
    journal = Journal.in_folder(data_dir, busy_timeout=busy_timeout, **options)
    screen = Screen()
    flow = RedemptionFlow(
        client,
        journal,
        screen,
        CounterSettings(shop_uuid=KNOWN.SHOP_UUID),
        clock=clock,
        journal_retry_seconds=journal_retry_seconds,
    )
    # A cashier scanning the same code again after a failure means it: no duplicate window.
    flow._duplicates = DuplicateFilter(window_seconds=0)
    flow.start()
    try:
        said = await flow.release_orphans()
        yield Run(flow, screen, journal, said)
    finally:
        try:
            await flow.aclose()
        finally:
            await client.aclose()
            journal.close()


def unfinished(entries: list[JournalEntry]) -> list[JournalEntry]:
    return [e for e in entries if e.outcome in (Outcome.PENDING, Outcome.UNKNOWN)]
