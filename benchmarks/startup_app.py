"""Start-up driver: runs the real ``piggy_desk.app.main(["--demo", ...])`` and quits once
the main window is shown.

``piggy-desk --demo`` has no option to quit once shown, so this wraps ``MainWindow.show``:
on the first turn of the event loop after the real ``show()`` it prints
``shown <time.time()>`` and closes the window the normal way (``closeEvent`` → shutdown).
Everything else — imports, logging, QApplication, style sheet, the built-in sandbox,
``build_main_window`` — is the program's own start-up path.

    python benchmarks/startup_app.py DIR   # DIR: a scratch folder for data and logs
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer

from piggy_desk import app
from piggy_desk.ui.main_window import MainWindow

_show = MainWindow.show


def _show_then_quit(self: MainWindow) -> None:
    _show(self)

    def shown() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        self.close()

    QTimer.singleShot(0, shown)


def main() -> int:
    folder = sys.argv[1]
    MainWindow.show = _show_then_quit  # type: ignore[method-assign]
    return app.main(["--demo", "--data-dir", folder, "--log-dir", folder, "--log-level", "warning"])


if __name__ == "__main__":
    sys.exit(main())
