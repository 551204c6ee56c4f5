"""The counter's keyboard rules: where a scan's keys go, what Enter and Esc do."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from piggy_desk.ui.core.app_events import application_events
from piggy_desk.ui.widgets.scanner_enter import SCAN_LENGTH, SCANNER_PAUSE_SECONDS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from piggy_desk.ui.counter.screen import CounterScreen

MODIFIER_KEYS = frozenset(
    (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
    )
)
SHIFT = Qt.KeyboardModifier.ShiftModifier
# Digits typed into the uses box within this long of each other make one number (1, 2: 12).
USES_TYPING_SECONDS = 1.5
# Keys that set the uses while the confirm panel asks for them, and by how many.
USES_KEYS: dict[int, int] = {
    Qt.Key.Key_Up.value: 1,
    Qt.Key.Key_Down.value: -1,
    Qt.Key.Key_PageUp.value: 10,
    Qt.Key.Key_PageDown.value: -10,
}


def _types_text(widget: QWidget) -> bool:
    """A field a person types into: the keys are its own."""
    # (Imported at the first key: their Python enums are not made before the first paint.)
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox) or (
        isinstance(widget, QComboBox) and widget.isEditable()
    )


class CounterKeys(QObject):
    """Watches every key of the program (wherever the focus is) for the counter screen.

    A scan (characters then Enter or Tab) always lands in the scan field, whatever has
    focus; Enter with an empty scan field does the main action; Esc cancels. The
    scanner's Enter never presses a focused button; a person's Enter or Space on a button
    they reached with Tab presses that button. A scan into a dialog the counter opened
    closes the dialog unanswered and goes to the scan field. A scan on a manager screen,
    outside a field one types into, goes to the counter (``scanned_elsewhere``).

    Signals:
        scanned_elsewhere(str): a scanner typed this code (and Enter or Tab) on a manager
            screen while a button, a table or a list had the focus.
    """

    scanned_elsewhere = Signal(str)

    def __init__(self, screen: CounterScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._last_character_at = float("-inf")
        # What a scanner typed into a counter dialog so far (see _dialog_key).
        self._dialog_scan: list[str] = []
        # Keys held back on a manager screen until it is known whether they are a scan
        # (see _manager_key), and the widget they were typed at.
        self._held: list[QKeyEvent] = []
        self._held_at: QWidget | None = None
        self._replaying = False
        self._hand_back = self._after_a_scanner_pause(self._on_hand_back_timeout)
        # A digit typed while the uses are asked, held until it is known whether it begins
        # a scan (see _uses_key), and when the last one went into the uses box.
        self._uses_digit = ""
        self._uses_digit_at = self._uses_typed_at = float("-inf")
        self._uses_wait = self._after_a_scanner_pause(self._on_uses_wait_timeout)

    def _after_a_scanner_pause(self, slot: Callable[[], None]) -> QTimer:
        """A single-shot timer that calls ``slot`` a scanner's pause (and a little) after
        it is started."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(int(SCANNER_PAUSE_SECONDS * 1000) + 20)
        timer.timeout.connect(slot)
        return timer

    def attach(self) -> None:
        """Watch the scan field's keys; wherever the focus is from ``watch_application``."""
        self._screen.scan_input.installEventFilter(self)

    def watch_application(self) -> None:
        """Watch the keys wherever the keyboard's focus is, in every window of the program
        (``ApplicationEvents``; again: never twice). The window does so from its first
        paint: until then the keyboard is the scan field's."""
        if (shared := application_events()) is not None:
            shared.watch(self)

    def detach(self) -> None:
        """Stop watching the keys (the window is going away)."""
        if (shared := application_events()) is not None:
            shared.unwatch(self)
        # Also the field's own filter: while the window is deleted, the screen goes before
        # its children, and an event to the field (focus moving to another window) would
        # reach a half-destroyed filter ("Object event filter cannot be in a different
        # thread", then a crash; tests/ui/counter/test_two_counters.py).
        self._screen.scan_input.removeEventFilter(self)

    def _typed_just_now(self) -> bool:
        """A character came a scanner's moment ago: an Enter now ends a scan."""
        return time.monotonic() - self._last_character_at < SCANNER_PAUSE_SECONDS

    def _dialog_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A key for a dialog the counter opened (Details…, the reverse question): a scan
        (characters at a scanner's pace, then Enter) closes the dialog unanswered and goes
        to the scan field; its characters never reach the dialog, where a letter can press
        a button by its mnemonic. Other keys, and every key in a field one can type in,
        are the dialog's."""
        from PySide6.QtWidgets import QDialog

        dialog = watched.window()
        if not isinstance(dialog, QDialog) or not self._opened(dialog) or _types_text(watched):
            return False
        if event.key() in MODIFIER_KEYS:
            return False  # Shift before a capital (X11 sends it as a key of its own)
        text = event.text()
        typed = event.modifiers() & ~(SHIFT | Qt.KeyboardModifier.KeypadModifier)
        unmodified = not typed  # Ctrl or Alt with a letter is a shortcut, not a scan
        if text == " " and not self._typed_just_now():
            return False  # Space presses the focused button; a code's spaces come later
        if unmodified and text and text.isprintable():
            if not self._typed_just_now():
                self._dialog_scan.clear()  # a new burst
            self._dialog_scan.append(text)
            self._last_character_at = time.monotonic()
            return True
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        code, self._dialog_scan = "".join(self._dialog_scan), []
        if not (enter and code and self._typed_just_now()):
            return False
        dialog.reject()  # unanswered: the question was about the voucher before this scan
        screen = self._screen
        screen.window().activateWindow()
        screen.focus_scan()
        screen.scan_input.setText(code)
        screen.submit_scan_field()
        return True

    def _manager_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A key on a manager screen. In a field one types into it is that field's (the
        manager's own typing; a code scanned into Vouchers' "Find a code" finds it there).
        Elsewhere (a button, a table, a list) a scan used to be lost: the characters went
        to the table's type-to-search or nowhere, and the Enter pressed the focused button.
        Printable keys are held back for a scanner's moment: a burst of SCAN_LENGTH or more
        ended by Enter or Tab at a scanner's pace is a scan and goes to the counter, where
        a cashier looks for it; otherwise the keys are handed to the widget as typed."""
        if self._replaying or _types_text(watched) or event.key() in MODIFIER_KEYS:
            return False
        text = event.text()
        unmodified = not event.modifiers() & ~(SHIFT | Qt.KeyboardModifier.KeypadModifier)
        pace = self._typed_just_now()
        if unmodified and text and text.isprintable() and (text != " " or (self._held and pace)):
            if not pace or watched is not self._held_at:
                self._hand_back_held()  # a new burst
                self._held_at = watched
            self._held.append(
                QKeyEvent(event.type(), event.key(), event.modifiers(), text, event.isAutoRepeat())
            )
            self._last_character_at = time.monotonic()
            self._hand_back.start()
            return True
        ends = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        if ends and pace and len(self._held) >= SCAN_LENGTH and watched is self._held_at:
            code = "".join(held.text() for held in self._held)
            self._held, self._held_at = [], None
            self._hand_back.stop()
            self.scanned_elsewhere.emit(code)
            return True
        self._hand_back_held()  # a person's key after their typing: in the order typed
        return False

    def _hand_back_held(self) -> None:
        """The keys held back were not a scan: to the widget they were typed at."""
        held, target = self._held, self._held_at
        self._held, self._held_at = [], None
        self._hand_back.stop()
        if target is None or not held or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _on_hand_back_timeout(self) -> None:
        if self._typed_just_now():
            self._hand_back.start()  # (Qt's coarse timer came a little early)
        else:
            self._hand_back_held()

    def _uses_key(self, event: QKeyEvent, enter: bool) -> bool:
        """A person's digits while the uses are asked go into the uses box (an outside
        tester typed 3 there and it went to the scan field), though the focus stays in the
        scan field, where a scan must land. A digit is held a scanner's moment: more
        characters at a scanner's pace make it the start of a scan, into the scan field;
        otherwise it goes into the uses box, after the digits typed there just before."""
        screen = self._screen
        digit = self._uses_digit
        if digit:
            self._uses_digit = ""
            self._uses_wait.stop()
            if enter or time.monotonic() - self._uses_digit_at >= SCANNER_PAUSE_SECONDS:
                self._digit_to_uses(digit)  # then the key itself, as usual
            else:
                screen.scan_input.insert(digit)  # the start of a scan
        text = event.text()
        if (
            len(text) == 1
            and text.isdigit()
            and text.isascii()
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and screen.multi_count.isVisible()
            and not screen.scan_input.text()
        ):
            self._uses_digit, self._uses_digit_at = text, time.monotonic()
            self._uses_wait.start()
            return True
        return False

    def _on_uses_wait_timeout(self) -> None:
        if self._uses_digit and time.monotonic() - self._uses_digit_at < SCANNER_PAUSE_SECONDS:
            self._uses_wait.start()  # (Qt's coarse timer came a little early)
            return
        digit, self._uses_digit = self._uses_digit, ""
        if digit:
            self._digit_to_uses(digit)

    def _digit_to_uses(self, digit: str) -> None:
        """Into the uses box: after its digits when they were typed a moment ago, else anew."""
        box = self._screen.multi_count
        if not box.isVisible():
            return
        now = time.monotonic()
        typed = (
            f"{box.value()}{digit}" if now - self._uses_typed_at < USES_TYPING_SECONDS else digit
        )
        self._uses_typed_at = now
        box.setValue(max(box.minimum(), min(int(typed), box.maximum())))

    def _opened(self, dialog: QDialog) -> bool:
        """Whether the dialog belongs to the counter (opened from it or its window)."""
        screen = self._screen
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is screen or parent is screen.window():
                return True
            parent = parent.parentWidget()
        return False

    # --- Qt overrides -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the focus widget and of the program's windows passes here (see
        # ``ApplicationEvents``): the isinstance test is the cheap one
        # (asking a QEvent for its type builds a Python enum each time).
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        screen = self._screen
        if not isinstance(watched, QWidget):
            return False
        if not screen.isVisible():
            if watched.window() is screen.window() and watched.isVisible():
                return self._manager_key(watched, event)
            return False
        if watched.window() is not screen.window():
            return self._dialog_key(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        scanner_enter = enter and self._typed_just_now()
        if event.text().isprintable() and event.text().strip():
            self._last_character_at = time.monotonic()  # (Space presses buttons: not counted)
        scan_input, multi_count = screen.scan_input, screen.multi_count
        if watched is not multi_count and self._uses_key(event, enter):
            return True
        scanned_tab = key == Qt.Key.Key_Tab and bool(scan_input.text())
        if watched is scan_input and (enter or scanned_tab):
            # Enter, or Tab for scanners that end codes with it; consumed here, because
            # QLineEdit passes Enter on to its parents after returnPressed. Tab in an empty
            # field moves the focus on, as everywhere: the keyboard's way to the buttons.
            screen.submit_scan_field()
            return True
        if key == Qt.Key.Key_Escape:
            screen.cancel()
            return True
        if watched is screen.contact_input and screen.leaving_contact:
            # Esc left the focus here until the step is cancelled (see CounterScreen.cancel):
            # a scan typed meanwhile is the next scan, not a customer; its keys go to the
            # scan field in order (cleared with this field, the first ones were lost).
            if enter:
                screen.submit_scan_field()
                return True
            if (text := event.text()) and text.isprintable():
                scan_input.insert(text)
                return True
        if watched is screen.contact_input and enter:
            screen.find_customer()
            return True
        if watched is multi_count and enter:
            screen.main_action()
            return True
        step = USES_KEYS.get(int(key), 0)
        if step and watched is not multi_count and multi_count.isVisible():
            # The focus stays in the scan field while the uses are asked (a scan must land
            # there): the arrow keys set the uses from wherever the counter's focus is.
            multi_count.stepBy(step)
            return True
        if isinstance(watched, QLineEdit) or watched is multi_count:
            return False  # typing into a field is that field's business
        if enter and isinstance(watched, QAbstractButton) and not scanner_enter:
            # A person's Enter on a focused button does what the button says (the buttons
            # are not auto-default, so Qt itself would ignore it).
            if watched.isEnabled():
                watched.click()
            return True
        if enter:
            # Never let the scanner's Enter press whatever button has focus.
            screen.submit_scan_field()
            return True
        if key == Qt.Key.Key_Space and (
            isinstance(watched, QAbstractButton) or not scan_input.text()
        ):
            # The keyboard way to press a focused button; and no scan begins with a space
            # (Space on the tab bar or the card was typed into the scan field).
            return False
        text = event.text()
        if text and text.isprintable():
            # A scan while something else has focus: it goes to the scan field.
            screen.focus_scan()
            scan_input.insert(text)
            return True
        return False
