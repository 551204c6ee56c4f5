"""The baseline process: a bare PySide6 window, nothing else.

python benchmarks/bare_window.py          # prints "painted <time>" at its first paint and
                                          # "shown <time.time()>" once shown, then quits
python benchmarks/bare_window.py --rss    # also prints "rss_kb <peak RSS>" after its first
                                          # paint, before quitting
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from first_paint import watch_main_windows  # benchmarks/ is on sys.path when run as a script
from peak_memory import peak_rss_kb
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


class FirstPaint(QObject):
    """Prints ``painted <time.time()>`` at the first paint of a main window, then calls
    ``then`` on the next turn of the loop."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self.painted = False
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.painted = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._then)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])

    def painted() -> None:
        # Measured once painted, as the program's window is when rss_app.py measures it:
        # the first paint makes the window's backing store (1100×820, about 3.6 MB).
        if "--rss" in sys.argv[1:]:
            print(f"rss_kb {peak_rss_kb()}", flush=True)
        app.quit()

    first_paint = FirstPaint(then=painted)
    watch_main_windows(first_paint)  # as startup_app.py does
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello from PySide6", window))
    window.resize(1100, 820)
    window.show()

    def shown() -> None:
        print(f"shown {time.time():.6f}", flush=True)

    # The first turn of the event loop: the window has been shown and laid out. The
    # program quits after its first paint.
    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
