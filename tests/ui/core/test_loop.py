"""The counter's event loop: work handed to a thread (``asyncio.to_thread``: the client's
page parsing) starts threads only as they are wanted."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest


@pytest.mark.skipif(sys.platform != "linux", reason="counts the process's threads in /proc")
async def test_work_off_the_loop_starts_one_thread_when_one_is_enough() -> None:
    before = set(os.listdir("/proc/self/task"))
    ran_on = {await asyncio.to_thread(threading.get_native_id) for _ in range(5)}
    started = set(os.listdir("/proc/self/task")) - before
    # qasync's own executor started ten threads at its first use for the same work.
    assert len(started) == 1 and {str(thread) for thread in ran_on} == started
