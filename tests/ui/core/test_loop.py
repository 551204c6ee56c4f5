"""The counter's event loop: work handed to a thread (``asyncio.to_thread``: name
look-ups) starts threads only as they are wanted."""

from __future__ import annotations

import asyncio
import threading

from piggy_desk.ui.core.loop import WORKER_THREAD_PREFIX


def loop_workers() -> set[int]:
    """The loop's worker threads alive now (any loop's: an earlier test's may still be
    there), by their native ids. Other threads of the process (the sandbox's, the journal's,
    another test's leftovers) are not the executor's and are not counted."""
    return {
        thread.native_id
        for thread in threading.enumerate()
        if thread.name.startswith(WORKER_THREAD_PREFIX + "_") and thread.native_id is not None
    }


async def test_work_off_the_loop_starts_one_thread_when_one_is_enough() -> None:
    before = loop_workers()
    ran_on = {await asyncio.to_thread(threading.get_native_id) for _ in range(5)}
    started = loop_workers() - before
    # qasync's own executor started ten threads of its own at its first use for the same
    # work (none of them the loop's workers).
    assert len(started) == 1 and ran_on == started
