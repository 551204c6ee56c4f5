"""The baseline process: a bare PySide6 window, nothing else.

python benchmarks/bare_window.py          # prints "shown <time.time()>" once shown, quits
python benchmarks/bare_window.py --rss    # also prints "rss_kb <peak RSS>" before quitting
"""

from __future__ import annotations

import sys
import time

from peak_memory import peak_rss_kb  # benchmarks/ is on sys.path when run as a script
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello from PySide6", window))
    window.resize(1100, 820)
    window.show()

    def shown() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        if "--rss" in sys.argv[1:]:
            print(f"rss_kb {peak_rss_kb()}", flush=True)
        app.quit()

    # The first turn of the event loop: the window has been shown and laid out.
    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
