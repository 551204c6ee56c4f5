"""What the main window runs over the counter's life, off its widgets: the locks an earlier
run (or the time offline) left, released and said; and the orderly end."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from piggy_desk.counter.connection import ConnectionWatch
from piggy_desk.counter.flow import RedemptionFlow
from piggy_desk.counter.journal import Journal
from piggy_desk.notices import Notice, Tone
from piggy_desk.ui.core.tasks import TaskRunner, off_loop

if TYPE_CHECKING:
    from piggy_desk.api import PiggyClient


class Session:
    """The counter's running parts (client, journal, flow, connection watch, tasks).

    Not a QObject: it outlives the window (the window may be deleted before the program's
    end awaits ``shutdown``)."""

    def __init__(
        self,
        client: PiggyClient,
        journal: Journal,
        flow: RedemptionFlow,
        watch: ConnectionWatch,
        tasks: TaskRunner,
        say: Callable[[Notice], None],
    ) -> None:
        self._client = client
        self._journal = journal
        self._flow = flow
        self._watch = watch
        self._tasks = tasks
        self._say = say

    async def release_orphans(self, notice: str) -> None:
        """Release what an earlier run (or the time offline) left; ``notice`` frames what
        was done: "At start: {sentences}"."""
        sentences = await self._flow.release_orphans()
        if sentences:
            self._say(
                Notice(
                    Tone.INFO,
                    notice.format(sentences=" ".join(sentences)),
                    self._flow.orphans_trouble,  # a manager's Details of the journal's trouble
                )
            )

    async def shutdown(self) -> None:
        """Stop the connection watch and every task, close the flow (releasing a held
        voucher), the client and the journal."""
        await self._watch.stop()
        await self._tasks.cancel_all()
        await self._flow.aclose()
        await self._client.aclose()
        await off_loop(self._journal.close, on=self._journal.executor)


async def once_set(event: asyncio.Event, then: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """``then()`` awaited once ``event`` is set."""
    await event.wait()
    await then()


async def nothing() -> None:
    """What a second shutdown awaits."""
