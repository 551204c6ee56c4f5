"""The cashier's screen: scan field, voucher card, message banner, confirm and contact panels.

Its parts have modules of their own beside it: ``controller`` (the flow's Qt side),
``card`` (the voucher card), ``panels`` (the confirm and customer panels), ``recent``
(the recent scans) and ``keys`` (where a scan's keys go, what Enter and Esc do).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyError
from piggy_desk.counter.connection import Connection, connection_told_by
from piggy_desk.counter.view import CHECKING, CounterView, RecentScan, Stage
from piggy_desk.notices import Notice, Tone
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.core.speech import Announcer, Urgency
from piggy_desk.ui.counter.card import VoucherCard
from piggy_desk.ui.counter.controller import CounterController
from piggy_desk.ui.counter.keys import CounterKeys
from piggy_desk.ui.counter.panels import ConfirmPanel, ContactPanel, counter_button
from piggy_desk.ui.counter.recent import RecentScans
from piggy_desk.ui.widgets import LastSet, tone_look
from piggy_desk.ui.widgets.banner import MessageBanner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

MAX_SCAN_FIELD = 4096
# A counter lower than this (1024x600, 1366x768 at 125 %: about 430 px) shows the voucher
# code in a smaller type (counter.qss: #voucherCode[compact="true"]); 1366x768 at 100 %
# gives it about 590.
COMPACT_BELOW = 520
STRAY_ENTER_SECONDS = 0.5
BUSY_TEXT_DELAY_MS = 150


class CardArea(QScrollArea):
    """The voucher card's scroll area: it asks for the card's whole height, so that where
    the counter is short of room the layout takes it from the banner's padding and the
    recent scans' second row before the card (a scroll area asks for about 130 px: the
    card had as much taken from it as they, and showed its badge alone at 1024x600)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        card = self.widget()
        if card is not None:
            hint.setHeight(max(hint.height(), card.sizeHint().height()))
        return hint


class CounterScreen(QWidget):
    """The counter: what a cashier looks at all day.

    Keys: a scan (characters then Enter or Tab) always lands in the scan field, whatever
    has focus; Enter with an empty scan field does the main action (redeem, confirm);
    Esc cancels. The scanner's Enter never presses a focused button; a person's Enter or
    Space on a button they reached with Tab presses that button (``keys.CounterKeys``).
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
        # Opaque (the window's colour, as around it): a change on the counter repaints the
        # counter, not also the window, the tab page and the tabs behind it.
        self.setAutoFillBackground(True)
        self._controller = controller
        self._messages = messages
        self._sounds = sounds
        self.manager = manager
        self._view = CounterView()
        self._last_scan_at = float("-inf")
        self._asked_at = float("-inf")  # when the confirm question last appeared
        # Esc was pressed in the customer field, which keeps the focus until the step is
        # cancelled: keys typed there meanwhile are the next scan's (CounterKeys).
        self.leaving_contact = False
        self._rendered = False
        self._recent_shown: tuple[RecentScan, ...] | None = None
        self._last_set = LastSet()  # what _render set on the buttons and labels
        self._setup_ui()
        # Outcomes arrive while focus stays in the scan field: a screen reader hears them
        # only when they are announced.
        self.announcer = Announcer(self.scan_input, self)
        # The spoken sentence of each state of the connection, as the window last said it.
        self._connection_said: dict[Connection, str] = {}
        controller.view_changed.connect(self._on_controller_view_changed)
        controller.notice_given.connect(self._on_controller_notice_given)
        # "Checking the voucher…" only when Piggy is slow: a usual answer comes in a few
        # milliseconds, and redrawing for it would flicker and delay the answer.
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_TEXT_DELAY_MS)
        self._busy_delay.timeout.connect(self._show_busy_text)
        self.keys = CounterKeys(self)
        self.keys.attach()
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

        self.banner = MessageBanner(self)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.hide()
        self.card = VoucherCard(self)
        # The card gives up height where the screen has none to spare (1024×600, 1366×768
        # at 125 %): its facts scroll, and the window stays on the screen with the scan
        # field, the banner, the panels' buttons and the status bar. Where there is room
        # it looks as it did: no frame, no scroll bar, the card filling the area.
        self.card_area = CardArea(self)
        self.card_area.setObjectName("voucherCardArea")
        self.card_area.setFrameShape(QFrame.Shape.NoFrame)
        self.card_area.setWidgetResizable(True)
        self.card_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card is the Tab stop
        # A viewport of our own: Qt's own, handed to Python, would be of a class PySide6
        # does not know, and it would set up every widget class it has (issue 20).
        viewport = QWidget(self.card_area)
        # Static as the card is: the panel below shown or hidden resizes the area, and only
        # the card's bottom edge is drawn again (``VoucherCard.resizeEvent``).
        viewport.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.card_area.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.card_area.setViewport(viewport)
        viewport.setAutoFillBackground(False)
        self.card_area.setWidget(self.card)
        # (setWidget fills the card's background: the counter behind it is opaque already.)
        self.card.setAutoFillBackground(False)

        self.redeem_button = counter_button(
            self, self.tr("Redeem  (Enter)"), "redeemButton", self._on_redeem_clicked
        )
        self.reverse_button = counter_button(
            self, self.tr("Reverse redemption…"), "reverseButton", self._on_reverse_clicked
        )
        self.recheck_button = counter_button(
            self, self.tr("Check again"), "recheckButton", self._controller.recheck
        )
        actions = QHBoxLayout()
        actions.addWidget(self.redeem_button, 2)
        actions.addWidget(self.reverse_button, 1)
        actions.addWidget(self.recheck_button, 1)

        self.confirm_panel = ConfirmPanel(self)
        self.confirm_panel.confirmed.connect(self._on_confirm_clicked)
        self.confirm_panel.cancelled.connect(self._controller.cancel)
        self.contact_panel = ContactPanel(self)
        self.contact_panel.find_requested.connect(self.find_customer)
        self.contact_panel.cancelled.connect(self._controller.cancel)
        # The panels' controls, as the tests and the key rules reach them.
        self.confirm_text = self.confirm_panel.confirm_text
        self.countdown_label = self.confirm_panel.countdown_label
        self.multi_count = self.confirm_panel.multi_count
        self.multi_label = self.confirm_panel.multi_label
        self.confirm_button = self.confirm_panel.confirm_button
        self.cancel_button = self.confirm_panel.cancel_button
        self.contact_input = self.contact_panel.contact_input
        self.contact_find = self.contact_panel.contact_find
        self.contact_cancel = self.contact_panel.contact_cancel
        self.recent = RecentScans(self)
        self.recent.chosen.connect(self._on_recent_chosen)
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingScans")

        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.banner)
        layout.addWidget(self.card_area, 1)
        layout.addLayout(actions)
        layout.addWidget(self.contact_panel)
        layout.addWidget(self.confirm_panel)
        recent_title = QLabel(self.tr("Recent scans"), self)
        recent_title.setObjectName("recentTitle")
        recent_row = QHBoxLayout()
        recent_row.addWidget(recent_title)
        recent_row.addWidget(self.recent, 1)
        # The busy text and the scans waiting beside the recent scans, under the panels'
        # buttons: a row of their own between the banner and the card took 28 px of the
        # card's height on every screen (at 1024x600 the card showed only its badge during
        # a question). Their share of the row's width is fixed, whatever they say, so
        # showing them moves nothing.
        recent_row.setStretch(1, 4)
        for said in (self.busy_label, self.waiting_label):
            share = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            share.setRetainSizeWhenHidden(True)
            said.setSizePolicy(share)
            recent_row.addWidget(said, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(recent_row)
        # The counter's and the card's margins and spacing, as the style gives them.
        self._gaps = {
            held: (held.contentsMargins().top(), held.spacing())
            for held in (layout, self.card.layout())
            if held is not None
        }
        self._compact = False  # set by the counter's height (resizeEvent)
        # Held while a view is rendered (``_on_controller_view_changed``).
        self._held_layouts = [
            held
            for held in (layout, self.card.layout(), self.card.details.layout())
            if held is not None
        ]

    @property
    def view(self) -> CounterView:
        return self._view

    def detach(self) -> None:
        """Stop watching the application's keys (the window is going away)."""
        self.keys.detach()
        self.announcer.detach()
        self.confirm_panel.stop()

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
            self.main_action()

    def _on_redeem_clicked(self) -> None:
        self._controller.redeem()
        self.focus_scan()

    def _on_confirm_clicked(self) -> None:
        if time.monotonic() - self._asked_at < STRAY_ENTER_SECONDS:
            # The question must be seen before it is answered: a second Enter (a bounce, a
            # scanner's CR LF, a hurried double press) or the second click of a double click
            # on Redeem, which Confirm replaces in the same place, came with the question.
            return
        self._controller.confirm(self.confirm_panel.uses())
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
        from PySide6.QtWidgets import QMessageBox  # its enums: when first asked

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
        from PySide6.QtWidgets import QMessageBox

        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self._controller.reverse()
        # Back to the counter window for the next scan, even where no window manager
        # hands the activation back after the question closes.
        self.window().activateWindow()
        self.focus_scan()

    def find_customer(self) -> None:
        """The customer typed or scanned into the customer field, looked up."""
        text = self.contact_input.text().strip()
        if not text:
            return
        # What was typed stays for a typo to be corrected, selected so that the next scan
        # or typing replaces it; it goes when a customer is found.
        self.contact_input.selectAll()
        self._controller.find_customer(text)

    def cancel(self) -> None:
        """Esc: whatever the counter is doing with a voucher stops; back to the scan field.
        From the customer field, the focus goes there as the panel goes, with what is said
        (moved at once, a screen reader heard "Cancelled. …" twice: with the arrival and as
        the scan field's new description)."""
        self._controller.cancel()
        if QApplication.focusWidget() is not self.contact_input:
            self.focus_scan()
        else:
            self.leaving_contact = self._view.stage == Stage.NEEDS_CONTACT

    def _on_recent_chosen(self, code: str) -> None:
        if code:
            self._last_scan_at = time.monotonic()  # as a scan: a stray Enter must wait
            self._controller.show_again(code)
        self.focus_scan()

    def _on_controller_view_changed(self, view: CounterView) -> None:
        # Laid out once, after the render: Qt lays out every shown widget's parents at once
        # as it is shown (the card, the counter and the tabs' stack, a dozen times per
        # redemption), and again when the render's other changes arrive.
        for layout in self._held_layouts:
            layout.setEnabled(False)
        try:
            self._render(view)
        finally:
            for layout in self._held_layouts:
                layout.setEnabled(True)
                # A held layout drops a request delivered meanwhile, and Qt asks for none
                # again until it is laid out: the card kept its last layout, new rows
                # drawn over old ones (seen on Xvfb). Asked once more (merged with one
                # still waiting; a layout laid out already ignores it).
                if (holder := layout.parentWidget()) is not None:
                    QCoreApplication.postEvent(holder, QEvent(QEvent.Type.LayoutRequest))

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
            if notice.connection is not None:
                self._connection_said[notice.connection] = said
            elif (
                isinstance(notice.error, PiggyError)
                and (state := connection_told_by(notice.error)) in self._connection_said
            ):
                # The request that failed here changed the connection's state as it ended,
                # and the window said the new state a moment ago, in this turn: this
                # sentence says it too, and the screen reader hears it once (the banner
                # shows this one, the later).
                self.announcer.withdraw(self._connection_said[state])
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
            or view.ready_customer is not previous.ready_customer
            or view.status_unknown != previous.status_unknown
            or not self._rendered
        ):
            self.card.show_voucher(
                view.voucher,
                # Piggy's now, not this computer's: a wrong clock here said "in 2,528 days".
                self._controller.now(),
                just_redeemed=view.just_redeemed,
                uses=view.uses,
                # (a customer chosen beforehand on Contacts goes to the next voucher without one)
                chosen=view.contact or view.ready_customer,
                status_unknown=view.status_unknown,
            )
            self.card_area.updateGeometry()  # the card's height asked anew (CardArea)
            # (Not while a refused voucher is looked up again: the refusal is said, and the
            # card with the look-up's answer.)
            if view.voucher is not None and self._rendered and view.status_unknown != CHECKING:
                self.announcer.say(self.card.accessibleDescription(), Urgency.CARD)
        self._rendered = True
        if not view.busy:
            self._busy_delay.stop()
            self.busy_label.hide()
        elif not self.busy_label.isHidden():
            self.busy_label.setText(view.busy)
        elif not self._busy_delay.isActive():
            self._busy_delay.start()
        # Each button and panel is set only when what it shows changes: a redemption
        # renders seven views, most of them with the same buttons.
        multi_use = self._multi_use(view)
        last = self._last_set
        if last.changed("redeem", redeem := view.stage in (Stage.IDLE, Stage.SHOWING)):
            self.redeem_button.setVisible(redeem)
        if last.changed("can_redeem", can_redeem := view.can_redeem and not view.busy):
            self.redeem_button.setEnabled(can_redeem)
        if last.changed("reverse", view.can_reverse):
            self.reverse_button.setVisible(view.can_reverse)
        if last.changed("reverse_one", multi_use):
            self.reverse_button.setText(
                self.tr("Reverse one use…") if multi_use else self.tr("Reverse redemption…")
            )
        if last.changed("recheck", recheck := view.stage == Stage.UNRESOLVED):
            self.recheck_button.setVisible(recheck)
        if last.changed("contact", needs_contact := view.stage == Stage.NEEDS_CONTACT):
            held = QApplication.focusWidget()
            if not needs_contact and held is not None and self.contact_panel.isAncestorOf(held):
                # Hidden with the focus in it, Qt would hand the focus to the tab bar, and a
                # screen reader would hear it pass there; it goes to the scan field once,
                # with what is said (``move_focus`` below).
                held.clearFocus()
            self.contact_panel.setVisible(needs_contact)
        confirming = view.stage == Stage.CONFIRMING
        multi = self.manager or multi_use
        self.confirm_panel.show_view(view, confirming=confirming, multi=multi)
        if confirming and view.voucher is not None and previous.stage != Stage.CONFIRMING:
            self._asked_at = time.monotonic()
            self.announcer.say(self.confirm_panel.question(), Urgency.QUESTION)
        if view.stage != Stage.NEEDS_CONTACT or (previous.busy and not view.busy):
            self.leaving_contact = False  # cancelled (or the cancel ended on the step)
        if view.stage != Stage.NEEDS_CONTACT and self.contact_input.text():
            self.contact_input.clear()
        if view.stage == Stage.NEEDS_CONTACT:
            if previous.stage != Stage.NEEDS_CONTACT:
                # Once, on arrival: a later redraw (Esc's "Releasing…") must not pull focus
                # back from the scan field (it bounced four times).
                self.announcer.move_focus(self.contact_input)
        elif self.isVisible():
            focused = QApplication.focusWidget()
            if focused is None or not focused.isVisible() or not self.isAncestorOf(focused):
                self.announcer.move_focus(self.scan_input)  # a panel that had focus went away
        if not view.busy and view.recent != self._recent_shown:
            self._recent_shown = view.recent
            self.recent.show_scans(view.recent)
        # Scans wait behind a voucher being checked, confirmed or not yet resolved; a scan
        # taken up at once (the usual case) never flashes "1 scan waiting".
        behind = (
            view.waiting_scans
            if view.busy or view.stage in (Stage.CONFIRMING, Stage.UNRESOLVED)
            else 0
        )
        if last.changed("behind", behind):
            self.waiting_label.setText(self.tr("%Ln scan(s) waiting", "", behind) if behind else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._compact != (compact := self.height() < COMPACT_BELOW):
            self._set_compact(compact)

    def _set_compact(self, compact: bool) -> None:
        """On a small screen the voucher card keeps the height a question leaves it for
        what a cashier checks (badge, title, code, the first facts): the code in a smaller
        type, the recent scans one row high (the rest scroll), narrower gaps."""
        self._compact = compact
        code = self.card.code
        code.setProperty("compact", compact)
        code.style().unpolish(code)
        code.style().polish(code)
        self.recent.set_rows(1 if compact else 2)
        for layout, (margin, spacing) in self._gaps.items():
            if compact:
                margin, spacing = 4, 4
            layout.setContentsMargins(margin, margin, margin, margin)
            layout.setSpacing(spacing)

    @staticmethod
    def _multi_use(view: CounterView) -> bool:
        promotion = view.voucher.promotion if view.voucher is not None else None
        return bool(promotion and promotion.is_multi_use)

    def _show_busy_text(self) -> None:
        if self._view.busy:
            self.busy_label.setText(self._view.busy)
            self.busy_label.show()

    def main_action(self) -> None:
        """Enter with an empty scan field: redeem, confirm or find the customer, as the
        voucher shown asks; never right after a scan or while scans wait."""
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
            self.find_customer()
        elif (
            stage == Stage.SHOWING and view.voucher is not None and view.voucher.status == "ACTIVE"
        ):
            self._on_redeem_clicked()  # offline, the flow says why it cannot
