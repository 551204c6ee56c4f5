"""The cashier's screen: scan field, voucher card, message banner, confirm and contact panels."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import Contact, Voucher
from piggy_desk.counter.flow import (
    NOT_CHECKED,
    NOT_FOUND,
    REDEEMED_HERE,
    CounterView,
    RecentScan,
    RedemptionFlow,
    Stage,
    UsesKnown,
)
from piggy_desk.counter.scan import CustomerText, customer_text_kind
from piggy_desk.notices import Notice, Tone
from piggy_desk.ui.core.i18n import date_time_text, time_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.core.speech import Announcer, Urgency
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.widgets import (
    JUST_REDEEMED,
    StatusBadge,
    StatusLook,
    countdown_text,
    glyph_icon,
    relative_hint,
    status_look,
    tone_look,
)
from piggy_desk.ui.widgets.banner import MessageBanner

MAX_SCAN_FIELD = 4096
MAX_MULTI_REDEEM = 50
STRAY_ENTER_SECONDS = 0.5
# A scanner types a code and its Enter a few milliseconds apart; a person who Tabs to a
# button and presses Enter takes far longer after their last character.
SCANNER_PAUSE_SECONDS = 0.1
BUSY_TEXT_DELAY_MS = 150


class CounterController(QObject):
    """Bridges the Qt-free ``RedemptionFlow`` to the widgets.

    Signals:
        view_changed(CounterView): what the counter shows changed.
        notice_given(Notice): an outcome to show and sound.
    """

    view_changed = Signal(object)
    notice_given = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.flow: RedemptionFlow | None = None
        # Scans typed before the flow is attached (the window paints before the client is
        # made): handed to it, in order, when it comes.
        self._early_scans: list[str] = []

    # CounterListener
    def counter_changed(self, view: CounterView) -> None:
        self.view_changed.emit(view)

    def counter_said(self, notice: Notice) -> None:
        self.notice_given.emit(notice)

    def attach(self, flow: RedemptionFlow) -> None:
        self.flow = flow
        early, self._early_scans = self._early_scans, []
        for raw in early:
            flow.submit_scan(raw)

    def scan(self, raw: str) -> None:
        if self.flow is not None:
            self.flow.submit_scan(raw)
        else:
            self._early_scans.append(raw)

    def show_again(self, code: str) -> None:
        if self.flow is not None:
            self.flow.show_again(code)

    def redeem(self) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.redeem(), name="counter-action")

    def confirm(self, times: int) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.confirm(times), name="counter-action")

    def cancel(self) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.cancel(), name="counter-cancel")

    def reverse(self) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.reverse(), name="counter-action")

    def recheck(self) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.recheck(), name="counter-action")

    def use_contact_email(self, email: str) -> None:
        if self.flow is not None:
            self._tasks.start(self.flow.use_contact_email(email), name="counter-action")

    def find_customer(self, text: str) -> None:
        """What was typed or scanned into the customer field: an e-mail address is looked
        up, a loyalty card goes as a scan (in turn with the scans), anything else is said."""
        kind = customer_text_kind(text)
        if kind == CustomerText.EMAIL:
            self.use_contact_email(text)
        elif kind == CustomerText.CARD:
            self.scan(text)
        elif self.flow is not None:
            self.flow.refuse_customer_text(text)


def _local(moment: datetime | None) -> str:
    return "" if moment is None else date_time_text(moment, full_year=True)


class VoucherCard(QFrame):
    """Everything a cashier needs to know about one voucher, large and calm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voucherCard")
        # One Tab stop a screen reader reads whole (its fields are labels, out of reach).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._setup_ui()
        self.show_voucher(None)

    def _setup_ui(self) -> None:
        self.status = StatusBadge(self)
        self.title = QLabel(self)
        self.title.setObjectName("voucherTitle")
        self.title.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setObjectName("voucherDescription")
        self.description.setWordWrap(True)
        self.code = QLabel(self)
        self.code.setObjectName("voucherCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._fields: dict[str, QLabel] = {}
        for key, label in (
            ("valid_from", self.tr("Valid from:")),
            ("expires", self.tr("Expires:")),
            ("contact", self.tr("Customer:")),
            ("redeemed", self.tr("Used on:")),
            ("uses", self.tr("Uses per voucher:")),
            ("used_here", self.tr("Used at this counter:")),
            ("left", self.tr("Uses left:")),
            ("attributes", self.tr("Till codes:")),
        ):
            value = QLabel(self)
            value.setObjectName(f"voucher_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            self._fields[key] = value
            self.details.addRow(label, value)
        self.placeholder = QLabel(self.tr("Scan a voucher to see it here."), self)
        self.placeholder.setObjectName("cardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addSpacing(16)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.description)
        top.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder, 1)
        layout.addLayout(top)
        layout.addWidget(self.code)
        layout.addLayout(self.details)
        layout.addStretch(1)  # on a tall screen the card stays together at the top

    def show_voucher(
        self,
        voucher: Voucher | None,
        now: datetime | None = None,
        *,
        just_redeemed: int = 0,
        uses: UsesKnown | None = None,
        chosen: Contact | None = None,
    ) -> None:
        """Show ``voucher``; ``just_redeemed``: this counter has just used it that many times;
        ``uses``: what is known of its uses, each said with where it comes from;
        ``chosen``: the customer found for a voucher that has none yet."""
        empty = voucher is None
        self.placeholder.setVisible(empty)
        for widget in (self.status, self.title, self.description, self.code):
            widget.setVisible(not empty)
        if voucher is None:
            for key in self._fields:
                self._set(key, "")
            self.setAccessibleDescription(self.tr("No voucher shown"))
            self.setAccessibleName(self.tr("Voucher card: no voucher shown"))
            return
        now = now or datetime.now(UTC)
        promotion = voucher.promotion
        self.status.set_status(JUST_REDEEMED if just_redeemed else voucher.status)
        self.title.setText(
            (promotion.name if promotion and promotion.name else voucher.name) or self.tr("Voucher")
        )
        self.description.setText(
            (promotion.description if promotion else "") or voucher.description
        )
        self.code.setText(voucher.code)
        self._set("valid_from", _when(voucher.activation_date, now))
        self._set("expires", _when(voucher.expiration_date, now) or self.tr("Never"))
        if voucher.contact:
            customer = voucher.contact.email or self.tr("a customer without e-mail")
        elif chosen is not None:
            customer = self.tr("{customer} (chosen for this redemption)").format(
                customer=chosen.email or chosen.uuid
            )
        else:
            customer = self.tr("No customer yet")
        self._set("contact", customer)
        self._set("redeemed", _when(voucher.redeemed_at, now))
        per_voucher = promotion.redemptions_per_voucher if promotion else None
        self._set(
            "uses", QLocale().toString(per_voucher) if per_voucher and per_voucher > 1 else ""
        )
        multi_use = bool(promotion and promotion.is_multi_use)
        self._show_uses(uses or UsesKnown(), voucher.status if multi_use else "")
        attributes = {**(promotion.attributes if promotion else {}), **voucher.attributes}
        shown = [f"{k}: {v}" for k, v in attributes.items() if v not in (None, "")]
        self._set("attributes", "   ".join(shown))
        self.setAccessibleDescription(
            self.tr("{title}, code {code}, {status}").format(
                title=self.title.text(), code=voucher.code, status=self.status.word
            )
        )
        self.setAccessibleName(self.summary())

    def _show_uses(self, uses: UsesKnown, status: str) -> None:
        """The uses made here and left, on a multi-use voucher that can still be used."""
        made = uses.made_here or 0
        if not status or not made:
            used_here = ""
        elif uses.reversed_here:
            used_here = self.tr("{made} made, {reversed} reversed (this counter's journal)").format(
                made=QLocale().toString(made), reversed=QLocale().toString(uses.reversed_here)
            )
        else:
            used_here = self.tr("{made} (this counter's journal)").format(
                made=QLocale().toString(made)
            )
        if used_here and uses.in_doubt:
            used_here = self.tr("{uses}; the answer to one more was lost").format(uses=used_here)
        self._set("used_here", used_here)
        left = ""
        if status == "ACTIVE" and uses.left_said is not None and uses.left_said_at is not None:
            left = self.tr("{left}, as Piggy said at {time}").format(
                left=QLocale().toString(uses.left_said), time=time_text(uses.left_said_at)
            )
        elif status == "ACTIVE" and made and not uses.in_doubt and uses.most_left is not None:
            left = self.tr("at most {left} (other counters' uses are not known here)").format(
                left=QLocale().toString(uses.most_left)
            )
        self._set("left", left)

    def _set(self, key: str, text: str) -> None:
        """A field and its label: shown with ``text``, hidden when it is empty (each field
        is set once per voucher, so a field never flashes shown, then hidden)."""
        field = self._fields[key]
        field.setText(text)
        field.setVisible(bool(text))
        label = self.details.labelForField(field)
        if label is not None:
            label.setVisible(bool(text))

    def summary(self) -> str:
        """The whole card as one text, in the order it is shown."""
        parts = [
            self.tr("Voucher card: {title}").format(title=self.title.text()),
            self.description.text(),
            self.tr("Code {code}").format(code=self.code.text()),
            self.status.accessibleName(),
        ]
        for key, value in self._fields.items():
            label = self.details.labelForField(value)
            if self.field_text(key) and isinstance(label, QLabel):
                parts.append(f"{label.text()} {value.text()}")
        return ". ".join(part.rstrip(".") for part in parts if part) + "."

    def field_text(self, key: str) -> str:
        return self._fields[key].text() if self._fields[key].isVisibleTo(self) else ""


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    return f"{_local(moment)} ({relative_hint(moment, now)})"


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
# Keys that set the uses while the confirm panel asks for them, and by how many.
USES_KEYS: dict[int, int] = {
    Qt.Key.Key_Up.value: 1,
    Qt.Key.Key_Down.value: -1,
    Qt.Key.Key_PageUp.value: 10,
    Qt.Key.Key_PageDown.value: -10,
}


def _types_text(widget: QWidget) -> bool:
    """A field a person types into: the keys are its own."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox) or (
        isinstance(widget, QComboBox) and widget.isEditable()
    )


class CounterScreen(QWidget):
    """The counter: what a cashier looks at all day.

    Keys: a scan (characters then Enter or Tab) always lands in the scan field, whatever
    has focus; Enter with an empty scan field does the main action (redeem, confirm);
    Esc cancels. The scanner's Enter never presses a focused button; a person's Enter or
    Space on a button they reached with Tab presses that button.
    """

    def __init__(
        self,
        controller: CounterController,
        messages: MessagePath,
        sounds: SoundPlayer,
        *,
        manager: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        self._controller = controller
        self._messages = messages
        self._sounds = sounds
        self.manager = manager
        self._view = CounterView()
        self._last_scan_at = float("-inf")
        self._last_character_at = float("-inf")
        # What a scanner typed into a counter dialog so far (see _dialog_key).
        self._dialog_scan: list[str] = []
        self._rendered = False
        self._recent_shown: tuple[RecentScan, ...] | None = None
        self._setup_ui()
        # Outcomes arrive while focus stays in the scan field: a screen reader hears them
        # only when they are announced.
        self.announcer = Announcer(self.scan_input, self)
        controller.view_changed.connect(self._on_controller_view_changed)
        controller.notice_given.connect(self._on_controller_notice_given)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._update_countdown)
        # "Checking the voucher…" only when Piggy is slow: a usual answer comes in a few
        # milliseconds, and redrawing for it would flicker and delay the answer.
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_TEXT_DELAY_MS)
        self._busy_delay.timeout.connect(self._show_busy_text)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._render(self._view)

    def _setup_ui(self) -> None:
        self.scan_input = QLineEdit(self)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(
            self.tr("Scan a voucher, or type its code and press Enter")
        )
        self.scan_input.setAccessibleName(self.tr("Voucher code"))
        self.scan_input.setMaxLength(MAX_SCAN_FIELD)
        self.scan_input.setClearButtonEnabled(True)
        self.scan_input.installEventFilter(self)

        self.banner = MessageBanner(self)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busyLabel")
        keep_place = self.busy_label.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # showing it moves nothing
        self.busy_label.setSizePolicy(keep_place)
        self.busy_label.hide()
        self.card = VoucherCard(self)

        self.redeem_button = self._button(
            self.tr("Redeem  (Enter)"), "redeemButton", self._on_redeem_clicked
        )
        self.reverse_button = self._button(
            self.tr("Reverse redemption…"), "reverseButton", self._on_reverse_clicked
        )
        self.recheck_button = self._button(
            self.tr("Check again"), "recheckButton", self._controller.recheck
        )
        actions = QHBoxLayout()
        actions.addWidget(self.redeem_button, 2)
        actions.addWidget(self.reverse_button, 1)
        actions.addWidget(self.recheck_button, 1)

        self.confirm_panel = QFrame(self)
        self.confirm_panel.setObjectName("confirmPanel")
        self.confirm_text = QLabel(self.confirm_panel)
        self.confirm_text.setObjectName("confirmText")
        self.confirm_text.setWordWrap(True)
        self.countdown_label = QLabel(self.confirm_panel)
        self.countdown_label.setObjectName("lockCountdown")
        self.multi_count = QSpinBox(self.confirm_panel)
        self.multi_count.setObjectName("multiRedeemCount")
        self.multi_count.setRange(1, MAX_MULTI_REDEEM)
        self.multi_count.setAccessibleName(self.tr("Number of uses"))
        self.multi_label = QLabel(self.tr("Uses (↑ ↓):"), self.confirm_panel)
        self.confirm_button = self._button(
            self.tr("Confirm  (Enter)"), "confirmButton", self._on_confirm_clicked
        )
        self.cancel_button = self._button(
            self.tr("Cancel  (Esc)"), "cancelButton", self._controller.cancel
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
        confirm_layout = QVBoxLayout(self.confirm_panel)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(confirm_row)

        self.contact_panel = QFrame(self)
        self.contact_panel.setObjectName("contactPanel")
        contact_hint = QLabel(
            self.tr("Scan the customer's loyalty card, or type their e-mail address:"),
            self.contact_panel,
        )
        contact_hint.setWordWrap(True)
        self.contact_input = QLineEdit(self.contact_panel)
        self.contact_input.setObjectName("contactSearchInput")
        self.contact_input.setPlaceholderText(self.tr("customer@example.com"))
        self.contact_input.setAccessibleName(self.tr("Customer e-mail or loyalty card"))
        self.contact_input.setMaxLength(320)
        self.contact_find = self._button(
            self.tr("Find customer"), "customerFindButton", self._on_contact_input_return_pressed
        )
        self.contact_cancel = self._button(
            self.tr("Cancel  (Esc)"), "contactCancelButton", self._controller.cancel
        )
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_input, 3)
        contact_row.addWidget(self.contact_find, 1)
        contact_row.addWidget(self.contact_cancel, 1)
        contact_layout = QVBoxLayout(self.contact_panel)
        contact_layout.addWidget(contact_hint)
        contact_layout.addLayout(contact_row)

        self.recent = QListWidget(self)
        self.recent.setObjectName("recentScans")
        self.recent.setAccessibleName(self.tr("Recent scans"))
        self.recent.setMaximumHeight(72)
        # Codes side by side on one line: the counter must fit a 1366x768 screen.
        self.recent.setFlow(QListWidget.Flow.LeftToRight)
        self.recent.setWrapping(True)
        self.recent.setSpacing(4)
        self.recent.setMinimumHeight(40)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Wrapped rows scroll down; a code is never cut off at the side.
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setIconSize(QSize(18, 18))
        self.recent.itemClicked.connect(self._on_recent_item_clicked)
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingScans")

        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.banner)
        # Scans waiting are said beside the busy text: beside Recent scans, the words
        # squeezed the list into a side scroll bar with its codes cut off.
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label, 1)
        busy_row.addWidget(self.waiting_label)
        layout.addLayout(busy_row)
        layout.addWidget(self.card, 1)
        layout.addLayout(actions)
        layout.addWidget(self.contact_panel)
        layout.addWidget(self.confirm_panel)
        recent_title = QLabel(self.tr("Recent scans"), self)
        recent_title.setObjectName("recentTitle")
        recent_row = QHBoxLayout()
        recent_row.addWidget(recent_title)
        recent_row.addWidget(self.recent, 1)
        layout.addLayout(recent_row)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setDefault(False)
        button.setMinimumHeight(44)
        button.clicked.connect(slot)
        return button

    @property
    def view(self) -> CounterView:
        return self._view

    def detach(self) -> None:
        """Stop watching the application's keys (the window is going away)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        # Also the field's own filter: while the window is deleted, this screen goes before
        # its children, and an event to the field (focus moving to another window) would
        # reach a half-destroyed filter ("Object event filter cannot be in a different
        # thread", then a crash; tests/ui/counter/test_two_counters.py).
        self.scan_input.removeEventFilter(self)
        self.announcer.detach()
        self._countdown.stop()

    def set_sounds(self, enabled: bool) -> None:
        self._sounds.enabled = enabled

    def focus_scan(self) -> None:
        self.scan_input.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- slots ------------------------------------------------------------------------

    def submit_scan_field(self) -> None:
        """Enter in the scan field: a scan when it holds text, else the main action."""
        text = self.scan_input.text()
        self.scan_input.clear()
        if text.strip():
            self._last_scan_at = time.monotonic()
            self._controller.scan(text)
        else:
            self._main_action()

    def _on_redeem_clicked(self) -> None:
        self._controller.redeem()
        self.focus_scan()

    def _on_confirm_clicked(self) -> None:
        self._controller.confirm(self.multi_count.value() if self.multi_count.isVisible() else 1)
        self.focus_scan()

    def _on_reverse_clicked(self) -> None:
        voucher = self._view.voucher
        if voucher is None or not self._view.can_reverse:
            return
        who = (
            voucher.contact.email
            if voucher.contact and voucher.contact.email
            else self.tr("no customer")
        )
        name = voucher.promotion.name if voucher.promotion else voucher.name
        if self._multi_use(self._view):
            question = self.tr(
                "Reverse one use of {name} (code {code}, customer {customer})?\n\n"
                "The voucher can then be used once more."
            )
        else:
            question = self.tr(
                "Reverse the redemption of {name} (code {code}, customer {customer})?\n\n"
                "The voucher can then be used again."
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reverse redemption"),
            question.format(name=name, code=voucher.code, customer=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("reverseConfirmation")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._on_reverse_answered(result, box))
        box.open()

    def _on_reverse_answered(self, result: int, box: QMessageBox) -> None:
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self._controller.reverse()
        # Back to the counter window for the next scan, even where no window manager
        # hands the activation back after the question closes.
        self.window().activateWindow()
        self.focus_scan()

    def _on_contact_input_return_pressed(self) -> None:
        text = self.contact_input.text().strip()
        if not text:
            return
        # What was typed stays for a typo to be corrected, selected so that the next scan
        # or typing replaces it; it goes when a customer is found.
        self.contact_input.selectAll()
        self._controller.find_customer(text)

    def _on_controller_view_changed(self, view: CounterView) -> None:
        self._render(view)

    def _on_controller_notice_given(self, notice: Notice) -> None:
        if notice.error is None:
            self.banner.show_notice(notice.tone, notice.sentence)
        else:
            self.banner.show_error(notice.error, notice.sentence, tone=notice.tone)
        sound = {Tone.SUCCESS: "success", Tone.REFUSAL: "refusal", Tone.ERROR: "error"}.get(
            notice.tone
        )
        if sound:
            self._sounds.play(sound)
        if notice.error is not None:
            self._messages.log_notice(notice.sentence, notice.error)
        if notice.tone in (Tone.REFUSAL, Tone.ERROR):  # "Refused: …", as the banner shows it
            said = self.tr("{word}: {sentence}").format(
                word=tone_look(notice.tone).word, sentence=notice.sentence
            )
            self.announcer.say(said, Urgency.REFUSAL)
        else:
            self.announcer.say(notice.sentence, Urgency.NOTICE)

    # --- rendering ----------------------------------------------------------------------

    def _render(self, view: CounterView) -> None:
        previous, self._view = self._view, view
        # A scan changes the view several times (busy, found, waiting count): the card and
        # the list are only redrawn when what they show has changed.
        if (
            view.voucher is not previous.voucher
            or view.uses != previous.uses
            or view.contact != previous.contact
            or not self._rendered
        ):
            self.card.show_voucher(
                view.voucher,
                just_redeemed=view.just_redeemed,
                uses=view.uses,
                chosen=view.contact,
            )
            if view.voucher is not None and self._rendered:
                self.announcer.say(self.card.accessibleDescription(), Urgency.CARD)
        self._rendered = True
        if not view.busy:
            self._busy_delay.stop()
            self.busy_label.hide()
        elif not self.busy_label.isHidden():
            self.busy_label.setText(view.busy)
        elif not self._busy_delay.isActive():
            self._busy_delay.start()
        self.redeem_button.setVisible(view.stage in (Stage.IDLE, Stage.SHOWING))
        self.redeem_button.setEnabled(view.can_redeem and not view.busy)
        self.reverse_button.setVisible(view.can_reverse)
        self.reverse_button.setText(
            self.tr("Reverse one use…") if self._multi_use(view) else self.tr("Reverse redemption…")
        )
        self.recheck_button.setVisible(view.stage == Stage.UNRESOLVED)
        self.contact_panel.setVisible(view.stage == Stage.NEEDS_CONTACT)
        confirming = view.stage == Stage.CONFIRMING
        self.confirm_panel.setVisible(confirming)
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
            self.confirm_text.setText(
                self.tr("Redeem {name} for {customer}?").format(
                    name=name or voucher.code, customer=who
                )
            )
            multi = self.manager or self._multi_use(view)
            # Bounded by what is known of the uses left (Piggy's answers carry no count).
            most = view.uses.most_left
            self.multi_count.setMaximum(
                max(1, min(MAX_MULTI_REDEEM, most if most is not None else MAX_MULTI_REDEEM))
            )
            self.multi_count.setVisible(multi)
            self.multi_label.setVisible(multi)
            self.confirm_button.setEnabled(not view.busy)
            self._update_countdown()
            self._countdown.start()
            if previous.stage != Stage.CONFIRMING:
                countdown = self.countdown_label.text().rstrip(".")
                self.announcer.say(f"{self.confirm_text.text()} {countdown}.", Urgency.QUESTION)
        else:
            self._countdown.stop()
            self.multi_count.setValue(1)
        if view.stage != Stage.NEEDS_CONTACT:
            self.contact_input.clear()
        if view.stage == Stage.NEEDS_CONTACT:
            if previous.stage != Stage.NEEDS_CONTACT:
                # Once, on arrival: a later redraw (Esc's "Releasing…") must not pull focus
                # back from the scan field (it bounced four times).
                self.contact_input.setFocus()
        elif self.isVisible():
            focused = QApplication.focusWidget()
            if focused is None or not focused.isVisible() or not self.isAncestorOf(focused):
                self.focus_scan()  # a panel that had focus went away
        if not view.busy and view.recent != self._recent_shown:
            self._recent_shown = view.recent
            self._show_recent(view.recent)
        # Scans wait behind a voucher being checked, confirmed or not yet resolved; a scan
        # taken up at once (the usual case) never flashes "1 scan waiting".
        behind = (
            view.waiting_scans
            if view.busy or view.stage in (Stage.CONFIRMING, Stage.UNRESOLVED)
            else 0
        )
        self.waiting_label.setText(self.tr("%Ln scan(s) waiting", "", behind) if behind else "")

    @staticmethod
    def _multi_use(view: CounterView) -> bool:
        promotion = view.voucher.promotion if view.voucher is not None else None
        return bool(promotion and promotion.is_multi_use)

    def _show_recent(self, scans: tuple[RecentScan, ...]) -> None:
        """Each recent scan as glyph, code, what it came to and when; choosing one shows
        that voucher again."""
        self.recent.clear()
        ratio = self.devicePixelRatioF()
        for scan in scans:
            look = self._recent_look(scan.outcome)
            text = self.tr("{code} · {outcome} · {time}").format(
                code=scan.code, outcome=look.word, time=time_text(scan.at)
            )
            item = QListWidgetItem(glyph_icon(look, 18, ratio), text)
            item.setData(Qt.ItemDataRole.UserRole, scan.code)
            item.setToolTip(self.tr("Show this voucher again"))
            self.recent.addItem(item)

    def _recent_look(self, outcome: str) -> StatusLook:
        if outcome == NOT_FOUND:
            return StatusLook(self.tr("Not found"), "bad", "question")
        if outcome == NOT_CHECKED:
            return StatusLook(self.tr("Not checked"), "warn", "bang")
        if outcome == REDEEMED_HERE:
            return StatusLook(self.tr("Redeemed here"), "good", "check")
        return status_look(outcome)

    def _on_recent_item_clicked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(code, str) and code:
            self._last_scan_at = time.monotonic()  # as a scan: a stray Enter must wait
            self._controller.show_again(code)
        self.focus_scan()

    def _show_busy_text(self) -> None:
        if self._view.busy:
            self.busy_label.setText(self._view.busy)
            self.busy_label.show()

    def _update_countdown(self) -> None:
        lock = self._view.lock
        left = self._view.reserved_for()  # from Piggy's times: this clock may be off
        if lock is None or left is None:
            self.countdown_label.setText(
                self.tr("Not reserved: locking is switched off.") if lock is None else ""
            )
            return
        self.countdown_label.setText(
            self.tr("Reserved for this counter for {time}").format(time=countdown_text(left))
        )

    def _typed_just_now(self) -> bool:
        """A character came a scanner's moment ago: an Enter now ends a scan."""
        return time.monotonic() - self._last_character_at < SCANNER_PAUSE_SECONDS

    def _dialog_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A key for a dialog the counter opened (Details…, the reverse question): a scan
        (characters at a scanner's pace, then Enter) closes the dialog unanswered and goes
        to the scan field; its characters never reach the dialog, where a letter can press
        a button by its mnemonic. Other keys, and every key in a field one can type in,
        are the dialog's."""
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
        self.window().activateWindow()
        self.focus_scan()
        self.scan_input.setText(code)
        self.submit_scan_field()
        return True

    def _opened(self, dialog: QDialog) -> bool:
        """Whether the dialog belongs to this counter (opened from it or its window)."""
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is self or parent is self.window():
                return True
            parent = parent.parentWidget()
        return False

    def _main_action(self) -> None:
        view = self._view
        if (
            view.busy
            or view.waiting_scans
            or time.monotonic() - self._last_scan_at < STRAY_ENTER_SECONDS
        ):
            # An Enter right after a scan (a scanner sending CR and LF, say) must never act
            # on a voucher the cashier has not seen yet.
            return
        stage = view.stage
        if stage == Stage.CONFIRMING:
            self._on_confirm_clicked()
        elif stage == Stage.NEEDS_CONTACT:
            self._on_contact_input_return_pressed()
        elif (
            stage == Stage.SHOWING and view.voucher is not None and view.voucher.status == "ACTIVE"
        ):
            self._on_redeem_clicked()  # offline, the flow says why it cannot

    # --- Qt overrides -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the isinstance test is the cheap one
        # (asking a QEvent for its type builds a Python enum each time).
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not self.isVisible() or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window():
            return self._dialog_key(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        scanner_enter = enter and self._typed_just_now()
        if event.text().isprintable() and event.text().strip():
            self._last_character_at = time.monotonic()  # (Space presses buttons: not counted)
        scanned_tab = key == Qt.Key.Key_Tab and bool(self.scan_input.text())
        if watched is self.scan_input and (enter or scanned_tab):
            # Enter, or Tab for scanners that end codes with it; consumed here, because
            # QLineEdit passes Enter on to its parents after returnPressed. Tab in an empty
            # field moves the focus on, as everywhere: the keyboard's way to the buttons.
            self.submit_scan_field()
            return True
        if key == Qt.Key.Key_Escape:
            self._controller.cancel()
            self.focus_scan()
            return True
        if watched is self.contact_input and enter:
            self._on_contact_input_return_pressed()
            return True
        if watched is self.multi_count and enter:
            self._main_action()
            return True
        step = USES_KEYS.get(int(key), 0)
        if step and watched is not self.multi_count and self.multi_count.isVisible():
            # The focus stays in the scan field while the uses are asked (a scan must land
            # there): the arrow keys set the uses from wherever the counter's focus is.
            self.multi_count.stepBy(step)
            return True
        if isinstance(watched, QLineEdit) or watched is self.multi_count:
            return False  # typing into a field is that field's business
        if enter and isinstance(watched, QAbstractButton) and not scanner_enter:
            # A person's Enter on a focused button does what the button says (the buttons
            # are not auto-default, so Qt itself would ignore it).
            if watched.isEnabled():
                watched.click()
            return True
        if enter:
            # Never let the scanner's Enter press whatever button has focus.
            self.submit_scan_field()
            return True
        if key == Qt.Key.Key_Space and (
            isinstance(watched, QAbstractButton) or not self.scan_input.text()
        ):
            # The keyboard way to press a focused button; and no scan begins with a space
            # (Space on the tab bar or the card was typed into the scan field).
            return False
        text = event.text()
        if text and text.isprintable():
            # A scan while something else has focus: it goes to the scan field.
            self.focus_scan()
            self.scan_input.insert(text)
            return True
        return False
