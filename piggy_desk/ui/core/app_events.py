"""Where the program watches the keyboard and its windows: the widget that has the
keyboard's focus and every window that has had it, never every object of the application.

PySide6 hands a Python event filter each event with its object as Python objects (the
event's wrapper made and dropped again, the object's class looked up) before any Python
runs. As application-wide filters, the counter's keys and the dialogs' watch paid that for
every event of the program (about 300 per redemption: paints, moves, qasync's timers;
thousands while the Vouchers screen loads), for the few that matter to them: the keys,
which Qt gives to the focus widget (or, without one, to its window), and the hiding of a
dialog, which has had the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

OBJECT_NAME = "applicationEvents"


class ApplicationEvents(QObject):
    """The events of the focus widget and of every window that has had the focus, handed
    to each watcher's ``eventFilter``, the last watcher added first (as Qt calls the
    filters of one object); the first that returns True consumes the event. A watcher that
    is destroyed stops being called."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(OBJECT_NAME)
        # A tuple, made again at each change: a watcher may stop watching (or another
        # start) while the events are handed round.
        self._watchers: tuple[QObject, ...] = ()
        # Their bound ``eventFilter``s, taken once: looking an attribute up on a PySide6
        # object is slow enough to count when it is done for every event.
        self._filters: tuple[Callable[[QObject, QEvent], bool], ...] = ()
        self._on_destroyed: dict[int, Callable[[], None]] = {}  # by id(watcher)
        self._focus: QWidget | None = None  # the widget watched for having the focus
        app.focusChanged.connect(self._on_app_focus_changed)

    def watch(self, watcher: QObject) -> None:
        """Give ``watcher`` the events first (again: never twice)."""
        self._watchers = (watcher, *(kept for kept in self._watchers if kept is not watcher))
        self._filters = tuple(kept.eventFilter for kept in self._watchers)
        if id(watcher) not in self._on_destroyed:
            # ``destroyed`` hands over a new wrapper of a plain QObject: this one is kept.
            def dropped() -> None:
                self._on_destroyed.pop(id(watcher), None)
                self._drop(watcher)

            self._on_destroyed[id(watcher)] = dropped
            watcher.destroyed.connect(dropped)
        self._follow(QApplication.focusWidget())

    def unwatch(self, watcher: QObject) -> None:
        """Stop giving ``watcher`` events."""
        dropped = self._on_destroyed.pop(id(watcher), None)
        if dropped is not None:
            watcher.destroyed.disconnect(dropped)
        self._drop(watcher)

    def _drop(self, watcher: QObject) -> None:
        self._watchers = tuple(kept for kept in self._watchers if kept is not watcher)
        self._filters = tuple(kept.eventFilter for kept in self._watchers)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watchers:
            self._follow(new)

    def _follow(self, focus: QWidget | None) -> None:
        """Watch ``focus`` (the focus widget now) and its window; no longer the widget
        that had the focus before (its window stays watched: a window without a focus
        widget gets the keys itself, and a dialog's hiding matters)."""
        if focus is None or focus is self._focus:
            return
        before, self._focus = self._focus, focus
        if before is not None and isValid(before) and not before.isWindow():
            before.removeEventFilter(self)
        focus.window().installEventFilter(self)  # a second install moves it to the front
        focus.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        for watcher_filter in self._filters:  # noqa: SIM110 (any() makes a generator per event)
            if watcher_filter(watched, event):
                return True
        return False


def application_events() -> ApplicationEvents | None:
    """The program's watch of the focus and its windows (made at the first call); None
    without a QApplication."""
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return None
    shared = app.findChild(ApplicationEvents, OBJECT_NAME)
    return shared if shared is not None else ApplicationEvents(app)
