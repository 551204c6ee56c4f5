"""Start-up driver: runs the real ``piggy_desk.app.main(["--demo", ...])`` and prints when
the counter is shown (``shown``: the first loop turn after ``show()``), when it is painted,
and (``--scan``) when a scan typed at once has been looked up.

``piggy-desk --demo`` has no option to quit once shown, so this watches the real program
from outside: an event filter on the main window, installed as it is shown
(``first_paint.watch_main_windows``, as in bare_window.py), notes its first paint
(``painted <time.time()>``). With ``--scan``, a scanner then types ``ACTIEF0002`` and Enter
into whatever has focus, key by key, the moment the window is painted; ``scanned <time>``
is printed when the counter's card shows that voucher. Then the window is closed the normal
way (``closeEvent`` → shutdown). Everything else — imports, logging, QApplication, style
sheet, the built-in sandbox, ``build_main_window`` — is the program's own start-up path.

    python benchmarks/startup_app.py DIR [--scan]   # DIR: a scratch folder for data and logs
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, cast

from first_paint import watch_main_windows  # benchmarks/ is on sys.path when run as a script
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from piggy_desk import app

if TYPE_CHECKING:
    from piggy_desk.ui.shell.main_window import MainWindow

CODE = "ACTIEF0002"  # KNOWN.ACTIVE_NO_CONTACT, without importing the sandbox early


class FirstPaint(QObject):
    """Prints the first paint of a main window, then types a scan or closes it."""

    def __init__(self, scan: bool) -> None:
        super().__init__()
        self._scan = scan
        self._window: MainWindow | None = None
        self._shown = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._shown
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and _is_main_window(watched)
        ):
            # The old start-up mark: the first turn of the loop after ``show()``.
            self._shown = True
            QTimer.singleShot(0, lambda: print(f"shown {time.time():.6f}", flush=True))
        if (
            self._window is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and _is_main_window(watched.window())
        ):
            window = cast("MainWindow", watched.window())
            self._window = window
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._type_scan if self._scan else window.close)
        return False

    def _type_scan(self) -> None:
        assert self._window is not None
        window = self._window
        window.controller.view_changed.connect(self._on_view_changed)
        for char in [*CODE, "\r"]:
            key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                target = QApplication.focusWidget() or window
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(target, event)

    def _on_view_changed(self, view: object) -> None:
        assert self._window is not None
        card = self._window.counter.card
        if card.code.text() == CODE and not getattr(view, "busy", True):
            print(f"scanned {time.time():.6f}", flush=True)
            self._window.controller.view_changed.disconnect(self._on_view_changed)
            self._window.close()


def _is_main_window(widget: QWidget) -> bool:
    """By its class's name: importing the class here would import, before the program's
    start, what the program itself imports only after its first paint."""
    return any(kind.__name__ == "MainWindow" for kind in type(widget).__mro__)


def main() -> int:
    folder = sys.argv[1]
    watcher = FirstPaint(scan="--scan" in sys.argv[2:])
    # app.main() takes the QApplication that exists (as a test or an embedding would).
    QApplication(sys.argv[:1])
    watch_main_windows(watcher)
    return app.main(["--demo", "--data-dir", folder, "--log-dir", folder, "--log-level", "warning"])


if __name__ == "__main__":
    sys.exit(main())
