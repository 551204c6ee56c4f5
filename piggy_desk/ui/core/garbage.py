"""Python's cyclic garbage collected on the Qt main thread only.

The collector runs in whichever thread happens to allocate. When it frees a Qt object
there (a window's timer, a model), Qt destroys it from the wrong thread and may crash
("QObject::~QObject: Timers cannot be stopped from another thread"). So automatic
collection is switched off and a timer on the main thread collects instead, as
qutebrowser does for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 100
# Busy: this many times Python's young-generation threshold was allocated since the last
# tick (pages of vouchers arriving, an export). The older generations, whose passes walk
# everything loaded (10-20 ms with 10,000 vouchers), then wait for quiet ticks, at most 5 s.
BUSY_FACTOR = 4
QUIET_TICKS = 3
MAX_WAIT_TICKS = 50


class MainThreadCollector(QObject):
    """Owns the collection of cyclic garbage while it lives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._quiet_ticks = 0
        self._waited_ticks = 0

    def start(self, first_pass_after: float = INTERVAL_MS / 1000) -> None:
        """Collect from now on, the first time after ``first_pass_after`` seconds (the
        program's start leaves the passes over what it allocated until its first scan has
        been looked up)."""
        gc.disable()
        # What exists now (modules, classes, the window) lives as long as the program:
        # the oldest generation's passes need not walk it again and again.
        gc.freeze()
        self._timer.start(max(INTERVAL_MS, round(first_pass_after * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.enable()

    def _on_timer_timeout(self) -> None:
        if self._timer.interval() != INTERVAL_MS:
            self._timer.setInterval(INTERVAL_MS)  # after the first, longer wait
        # The generations Python itself would collect by now, one at a time. Often, so the
        # young generation stays small even while thousands of vouchers arrive (a pass over
        # a second's worth of them took 22 ms).
        young, middle, old = gc.get_count()
        young_limit, middle_limit, old_limit = gc.get_threshold()
        busy = young >= BUSY_FACTOR * young_limit
        self._quiet_ticks = 0 if busy else self._quiet_ticks + 1
        older_due = old >= old_limit or middle >= middle_limit
        self._waited_ticks = self._waited_ticks + 1 if older_due else 0
        if older_due and (self._quiet_ticks >= QUIET_TICKS or self._waited_ticks >= MAX_WAIT_TICKS):
            gc.collect(2 if old >= old_limit else 1)
        elif young >= young_limit:
            gc.collect(0)
