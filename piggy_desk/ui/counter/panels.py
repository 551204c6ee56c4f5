"""The counter's panels under the card: the confirm question and the customer search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.counter.view import CounterView
from piggy_desk.ui.widgets import LastSet, action_button, countdown_text

MAX_MULTI_REDEEM = 50


def counter_button(parent: QWidget, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A large counter button that Enter never presses by itself (not auto-default: the
    scanner's Enter must not act on it; the screen's key rules decide)."""
    button = action_button(parent, text, name, slot)
    button.setDefault(False)
    button.setMinimumHeight(44)
    return button


class _OneLineWhereItFits(QLabel):
    """A word-wrapped label that asks for the width of its text on one line: on one line
    where the row has room, as before; on two where it has not (a multi-use question in
    Dutch at 1024×600, in English at 1366×768 at 125 %), so the row never makes the window
    wider than the screen. (Qt's own hint for a wrapped label broke it on two lines
    where one fitted.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = (
            self.fontMetrics().horizontalAdvance(self.text())
            + margins.left()
            + margins.right()
            + 2 * self.margin()
            + 1
        )
        return QSize(max(hint.width(), one_line), self.heightForWidth(one_line))


class ConfirmPanel(QFrame):
    """The question "Redeem … for …?": the voucher and customer, the uses to make, the time
    the voucher stays reserved, Confirm and Cancel.

    Signals:
        confirmed(): Confirm was pressed.
        cancelled(): Cancel was pressed.
    """

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPanel")
        self._view = CounterView()
        self._last_set = LastSet()  # each control is set when what it shows changes
        self._setup_ui()
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._update_countdown)

    def _setup_ui(self) -> None:
        self.confirm_text = QLabel(self)
        self.confirm_text.setObjectName("confirmText")
        self.confirm_text.setWordWrap(True)
        self.countdown_label = _OneLineWhereItFits(self)
        self.countdown_label.setObjectName("lockCountdown")
        self.multi_count = QSpinBox(self)
        self.multi_count.setObjectName("multiRedeemCount")
        self.multi_count.setRange(1, MAX_MULTI_REDEEM)
        self.multi_count.setAccessibleName(self.tr("Number of uses"))
        self.multi_label = QLabel(self.tr("Uses (↑ ↓):"), self)
        self.confirm_button = counter_button(
            self, self.tr("Confirm  (Enter)"), "confirmButton", self.confirmed.emit
        )
        self.cancel_button = counter_button(
            self, self.tr("Cancel  (Esc)"), "cancelButton", self.cancelled.emit
        )
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.multi_label)
        confirm_row.addWidget(self.multi_count)
        confirm_row.addWidget(self.countdown_label)  # beside the buttons: fits 1366x768
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button, 2)
        # No stretch: stretch factors share the room below a button's size hint, and the
        # longer Dutch "Annuleren  (Esc)" was cut off beside the countdown.
        confirm_row.addWidget(self.cancel_button)
        confirm_layout = QVBoxLayout(self)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(confirm_row)

    def show_view(self, view: CounterView, *, confirming: bool, multi: bool) -> None:
        """Shown with the question while ``confirming``; ``multi``: the uses are asked."""
        self._view = view
        if self._last_set.changed("shown", confirming):
            self.setVisible(confirming)
        if confirming and view.voucher is not None:
            voucher = view.voucher
            name = (
                voucher.promotion.name
                if voucher.promotion and voucher.promotion.name
                else voucher.name
            )
            who = (
                view.contact.email
                if view.contact and view.contact.email
                else self.tr("no customer")
            )
            question = self.tr("Redeem {name} for {customer}?").format(
                name=name or voucher.code, customer=who
            )
            if self._last_set.changed("question", question):
                self.confirm_text.setText(question)
            # Bounded by what is known of the uses left (Piggy's answers carry no count).
            most = view.uses.most_left
            maximum = max(1, min(MAX_MULTI_REDEEM, most if most is not None else MAX_MULTI_REDEEM))
            if self._last_set.changed("maximum", maximum):
                self.multi_count.setMaximum(maximum)
            if self._last_set.changed("multi", multi):
                self.multi_count.setVisible(multi)
                self.multi_label.setVisible(multi)
            if self._last_set.changed("can_confirm", not view.busy):
                self.confirm_button.setEnabled(not view.busy)
            # Enter does nothing while scans wait (it may be meant for the scan): no hint.
            enter = not view.waiting_scans
            if self._last_set.changed("enter", enter):
                self.confirm_button.setText(
                    self.tr("Confirm  (Enter)") if enter else self.tr("Confirm")
                )
            self._update_countdown()
            self._countdown.start()
        else:
            self._countdown.stop()
            if self.multi_count.value() != 1:
                self.multi_count.setValue(1)

    def question(self) -> str:
        """The question and the time left, as a screen reader says them."""
        countdown = self.countdown_label.text().rstrip(".")
        return f"{self.confirm_text.text()} {countdown}."

    def uses(self) -> int:
        """The uses to make: as chosen where they are asked, else one."""
        return self.multi_count.value() if self.multi_count.isVisible() else 1

    def stop(self) -> None:
        self._countdown.stop()

    def _update_countdown(self) -> None:
        lock = self._view.lock
        left = self._view.reserved_for()  # from Piggy's times: this clock may be off
        if lock is None or left is None:
            text = self.tr("Not reserved: locking is switched off.") if lock is None else ""
        else:
            text = self.tr("Reserved for this counter for {time}").format(time=countdown_text(left))
        if self._last_set.changed("countdown", text):
            self.countdown_label.setText(text)


class ContactPanel(QFrame):
    """Asked for a voucher that needs a customer: their loyalty card or e-mail address.

    Signals:
        find_requested(): Find customer was pressed.
        cancelled(): Cancel was pressed.
    """

    find_requested = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactPanel")
        contact_hint = QLabel(
            self.tr("Scan the customer's loyalty card, or type their e-mail address:"), self
        )
        contact_hint.setWordWrap(True)
        self.contact_input = QLineEdit(self)
        self.contact_input.setObjectName("contactSearchInput")
        self.contact_input.setPlaceholderText(self.tr("customer@example.com"))
        self.contact_input.setAccessibleName(self.tr("Customer e-mail or loyalty card"))
        self.contact_input.setMaxLength(320)
        self.contact_find = counter_button(
            self, self.tr("Find customer"), "customerFindButton", self.find_requested.emit
        )
        self.contact_cancel = counter_button(
            self, self.tr("Cancel  (Esc)"), "contactCancelButton", self.cancelled.emit
        )
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_input, 3)
        contact_row.addWidget(self.contact_find, 1)
        contact_row.addWidget(self.contact_cancel, 1)
        contact_layout = QVBoxLayout(self)
        contact_layout.addWidget(contact_hint)
        contact_layout.addLayout(contact_row)
