"""Starting coroutines from widgets: references kept, superseded work cancelled, every
unexpected failure routed to one place; and the one way to run blocking work
(``off_loop``).

asyncio is imported where it is used: the counter's window (which makes a ``TaskRunner``)
is built and painted before asyncio is imported (see app.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("piggy_desk.ui")
T = TypeVar("T")


async def off_loop(call: Callable[[], T], *, on: Executor | None = None) -> T:
    """Run the blocking ``call`` off the loop thread and wait for it.

    ``on``: the executor that must run it, e.g. the journal's one thread, which keeps its
    calls in order; else a thread of its own. Never the loop's default executor: qasync's
    logs each callback's arguments and result at DEBUG level, and a PIN or a token may be
    one (``call`` is a closure, so its values are no argument either).
    """
    import asyncio

    loop = asyncio.get_running_loop()
    if on is not None:
        return await loop.run_in_executor(on, call)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="off-loop")
    try:
        return await loop.run_in_executor(pool, call)
    finally:
        pool.shutdown(wait=False)


def ended(task: asyncio.Task[Any]) -> asyncio.Future[Any]:
    """What a test or a caller awaits to know ``task`` is over, however it ended (done,
    failed, superseded): it never raises. The failure itself went to ``on_failure``."""
    import asyncio

    return asyncio.gather(task, return_exceptions=True)


class TaskRunner:
    """Runs coroutines on the running (qasync) loop for widgets, which have no ``async def``.

    A task started under a name cancels the unfinished one of the same name. An exception
    that escapes a task (a bug: expected errors are handled by the flow) goes to
    ``on_failure``, which shows the crash dialog.
    """

    def __init__(self, on_failure: Callable[[BaseException], None]) -> None:
        self._on_failure = on_failure
        self._tasks: set[asyncio.Task[Any]] = set()
        self._named: dict[str, asyncio.Task[Any]] = {}

    def start(
        self, coroutine: Coroutine[Any, Any, Any], *, name: str | None = None
    ) -> asyncio.Task[Any]:
        """Run ``coroutine``; with ``name``, first cancel the task of that name still running."""
        import asyncio

        if (
            name is not None
            and (previous := self._named.get(name)) is not None
            and not previous.done()
        ):
            previous.cancel()
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        if name is not None:
            self._named[name] = task
        task.add_done_callback(self._finished)
        return task

    @property
    def running(self) -> int:
        """How many tasks are still running."""
        return sum(not task.done() for task in self._tasks)

    async def cancel_all(self) -> None:
        """Cancel every task and wait for them to end."""
        import asyncio

        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if self._named.get(task.get_name()) is task:
            del self._named[task.get_name()]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("task %s failed", task.get_name(), exc_info=error)
            self._on_failure(error)
