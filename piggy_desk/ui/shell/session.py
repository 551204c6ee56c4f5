"""What the main window runs over the counter's life, off its widgets: the locks an earlier
run (or the time offline) left, released and said; and the orderly end."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from piggy_desk.counter.connection import ConnectionWatch
from piggy_desk.counter.journal import Journal
from piggy_desk.notices import Notice, Tone
from piggy_desk.ui.core.tasks import TaskRunner, off_loop

if TYPE_CHECKING:
    import asyncio

    from piggy_desk.api import PiggyClient
    from piggy_desk.counter.flow import RedemptionFlow


@dataclass(frozen=True, eq=False)
class Session:
    """The counter's running parts (client, journal, flow, connection watch, tasks), and how
    it says something at the counter.

    Not a QObject: it outlives the window (the window may be deleted before the program's
    end awaits ``shutdown``)."""

    client: PiggyClient
    journal: Journal
    flow: RedemptionFlow
    watch: ConnectionWatch
    tasks: TaskRunner
    say: Callable[[Notice], None]

    async def release_orphans(self, notice: str) -> None:
        """Release what an earlier run (or the time offline) left; ``notice`` frames what
        was done: "At start: {sentences}"."""
        sentences = await self.flow.release_orphans()
        if sentences:
            self.say(
                Notice(
                    Tone.INFO,
                    notice.format(sentences=" ".join(sentences)),
                    self.flow.orphans_trouble,  # a manager's Details of the journal's trouble
                )
            )

    async def shutdown(self) -> None:
        """Stop the connection watch and every task, close the flow (releasing a held
        voucher), the client and the journal."""
        await self.watch.stop()
        await self.tasks.cancel_all()
        await self.flow.aclose()
        await self.client.aclose()
        await off_loop(self.journal.close, on=self.journal.executor)


async def once_set(event: asyncio.Event, then: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """``then()`` awaited once ``event`` is set."""
    await event.wait()
    await then()


async def nothing() -> None:
    """What a second shutdown awaits."""
