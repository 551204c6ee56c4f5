"""The asyncio event loop on Qt's: qasync's, minus one step that runs tasks outside it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication

import qasync  # isort: skip  (after PySide6: qasync binds to the Qt already imported)

T = TypeVar("T")

# The names of the loop's worker threads (``asyncio.to_thread``): "loop-worker_0", …
WORKER_THREAD_PREFIX = "loop-worker"


class CounterEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """``qasync.QEventLoop`` whose ``run_until_complete`` does not pump Qt's events once
    more after the loop has stopped, and whose default executor (``asyncio.to_thread``:
    name look-ups) starts a thread only when one is wanted.

    WORKAROUND for qasync 0.28: that last ``processEvents()`` runs with no asyncio loop
    running, so a task step or socket read still queued then (a request in flight) runs
    outside asyncio, and httpx fails with "Not currently running on any asynchronous
    event loop". Here queued callbacks simply wait for the loop's next run, as asyncio
    intends.
    """

    def __init__(self, app: QApplication | None = None) -> None:
        super().__init__(app or QApplication.instance())
        # qasync's own (QThreadExecutor) starts ten threads at its first use, each with
        # its stack and, once it allocates, its own malloc arena: 0.5-0.9 MB of the peak
        # with 10,000 vouchers loaded, where one thread did all the work.
        self.set_default_executor(ThreadPoolExecutor(thread_name_prefix=WORKER_THREAD_PREFIX))

    def run_until_complete(self, future: Awaitable[T]) -> T:
        if self.is_running():
            raise RuntimeError("Event loop already running")
        task = asyncio.ensure_future(future, loop=self)

        def stop(_: Any) -> None:
            self.stop()

        task.add_done_callback(stop)
        try:
            self.run_forever()
        finally:
            task.remove_done_callback(stop)
        if not task.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return task.result()
