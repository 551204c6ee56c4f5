"""What a screen reader says when the counter's outcome changes without focus moving."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Urgency(IntEnum):
    """The order in which sentences of one moment are spoken: lower first."""

    REFUSAL = 0  # refusals and errors: first, and interrupting (assertive)
    QUESTION = 1  # what the counter asks now (the confirm panel)
    NOTICE = 2  # the banner's other sentences
    CARD = 3  # the voucher card after a look-up


class Announcer(QObject):
    """Speaks sentences through two paths, because screen readers differ:

    - a ``QAccessibleAnnouncementEvent`` (AT-SPI ``object:announcement``, UIA notification),
      assertive when a refusal or error is among the sentences;
    - a change of the focused control's accessible description, which Orca 43 speaks
      (it ignores announcements). A description that does not change fires no event, so
      every other announcement ends in a space: the same refusal twice is spoken twice,
      and a trailing space is silent in every screen reader.

    The sentences of one turn of the event loop (a find changes the card and the banner
    at once) are spoken as one text, the most urgent first. A control whose description
    was borrowed gets its own back when focus leaves it.
    """

    def __init__(self, home: QWidget, area: QWidget) -> None:
        super().__init__(home)
        self._home = home  # the control that speaks when focus is nowhere in ``area``
        self._area = area
        self._pending: list[tuple[Urgency, str]] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._speak)
        self._borrowed: tuple[QWidget, str] | None = None
        self._odd = False
        self._spoken = ""
        self._moving_to: QWidget | None = None
        self.last = ""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def say(self, sentence: str, urgency: Urgency) -> None:
        """Speak ``sentence`` with the others of this moment."""
        sentence = sentence.strip()
        if sentence and (urgency, sentence) not in self._pending:
            self._pending.append((urgency, sentence))
            self._flush.start()

    def move_focus(self, widget: QWidget) -> None:
        """Give ``widget`` the focus with this moment's sentences as its description, so
        that they are heard once, with its arrival. (Focus moved first, Orca read the new
        description with the arrival and again for its change: every sentence twice.)"""
        self._moving_to = widget
        self._flush.start()

    def withdraw(self, sentence: str) -> None:
        """Take ``sentence`` back if it has not been spoken yet (another sentence of this
        moment says the same)."""
        self._pending = [item for item in self._pending if item[1] != sentence.strip()]

    def detach(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_app_focus_changed)
        self._flush.stop()

    def _speak(self) -> None:
        moving, self._moving_to = self._moving_to, None
        if moving is not None and not moving.isVisible():
            moving = None
        pending, self._pending = sorted(self._pending, key=lambda item: item[0]), []
        before: tuple[QWidget, str] | None = None  # a borrowed description to give back
        if pending:
            from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

            text = " ".join(sentence for _, sentence in pending)
            self.last = text
            target = moving or self._target()
            event = QAccessibleAnnouncementEvent(target, text)
            if pending[0][0] == Urgency.REFUSAL:
                event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
            QAccessible.updateAccessibility(event)
            self._odd = not self._odd
            if self._borrowed is None or self._borrowed[0] is not target:
                before, self._borrowed = self._borrowed, (target, target.accessibleDescription())
            elif target.accessibleDescription() != self._spoken:
                self._borrowed = (target, target.accessibleDescription())  # its own, renewed
            self._spoken = text + (" " if self._odd else "")
            target.setAccessibleDescription(self._spoken)
        if moving is not None:
            moving.setFocus(Qt.FocusReason.OtherFocusReason)
        if before is not None:
            # Given back once the focus has left it: a description changed on the focused
            # control is spoken (its own, "Example: …", was heard as the focus left).
            widget, description = before
            widget.setAccessibleDescription(description)

    def _target(self) -> QWidget:
        focused = QApplication.focusWidget()
        if focused is not None and self._area.isAncestorOf(focused) and focused.isVisible():
            return focused
        return self._home

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The last outcome stays on the scan field (read again when focus comes back);
        # any other control gets its own description back once focus has gone to another
        # (not to none: a screen reader still counts it focused), on the next turn: this
        # signal comes before the screen reader hears of the new focus, and a description
        # changed on the control it counts focused is spoken ("Example: …" as Enter left
        # the customer field).
        if (
            new is not None
            and self._borrowed is not None
            and self._borrowed[0] is not self._home
            and self._borrowed[0] is not new
        ):
            widget, description = self._borrowed
            self._borrowed = None
            QTimer.singleShot(0, widget, lambda: widget.setAccessibleDescription(description))
