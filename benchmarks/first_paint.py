"""How both start-up drivers (startup_app.py, bare_window.py) watch their main window.

An application-wide event filter written in Python sees every object's events, and PySide6
makes a Python wrapper for every object it hands to it. The first scroll area makes Qt's
private ``QGestureManager``; wrapping an object of a class PySide6 does not know made it
set up the Python enums of every class it knows (122 in one go, about 22 ms). The counter
has scroll areas, the bare window none: the benchmark's own filter cost our start that much
before its first paint, and the program (whose own application-wide filter comes after the
paint) never pays it. So the filter goes on each main window only, as it is shown, in both
drivers alike (as ``packaging/hello.py`` and the bundle's own log line do already).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QWidget


def watch_main_windows(watcher: QObject) -> None:
    """``watcher`` filters the events of each main window from its ``show()`` on."""
    show = QWidget.show

    def show_watched(widget: QWidget) -> None:
        if isinstance(widget, QMainWindow):
            widget.installEventFilter(watcher)
        show(widget)

    QWidget.show = show_watched  # type: ignore[method-assign]
