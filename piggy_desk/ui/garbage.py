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

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Owns the collection of cyclic garbage while it lives."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        gc.enable()

    def _on_timer_timeout(self) -> None:
        # Young generations often, the oldest now and then: cheap enough for a frame.
        generation = 2 if gc.get_count()[0] > 5000 else 0
        gc.collect(generation)
