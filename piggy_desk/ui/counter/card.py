"""The voucher card: everything a cashier needs to know about one voucher."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from piggy_desk.counter.view import UsesKnown
from piggy_desk.ui.core.i18n import date_time_text, time_text
from piggy_desk.ui.widgets import JUST_REDEEMED, LastSet, StatusBadge, relative_hint
from piggy_desk.ui.widgets.facts import FactsSheet

if TYPE_CHECKING:
    from piggy_desk.api import Contact, Voucher

# The card's own drawing at its bottom edge: the theme's rounded border (counter.qss:
# #voucherCard's 12 px radius and its 3 px focus border), with a pixel to spare.
BOTTOM_EDGE = 16


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    # The same few dates come back voucher after voucher (found, then redeemed): Qt
    # formats one in about 50 µs. By locale and offset too (a test may change either).
    return _local_text(moment, QLocale().name(), moment.astimezone().utcoffset())


@functools.lru_cache(maxsize=256)
def _local_text(moment: datetime, locale: str, offset: timedelta | None) -> str:
    return date_time_text(moment, full_year=True)


class VoucherCard(QFrame):
    """Everything a cashier needs to know about one voucher, large and calm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voucherCard")
        # One Tab stop a screen reader reads whole (its fields are labels, out of reach).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # The card's contents stay at its top when it grows or shrinks below them (the
        # confirm panel shown and hidden under it, twice a redemption): only its bottom
        # edge is drawn again (resizeEvent), not the whole card with every label on it.
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self._setup_ui()
        self._last_set = LastSet()  # each label is set when what it shows changes
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
        self.details = FactsSheet(self, name_prefix="voucher_")
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
            self.details.add_fact(key, label)
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
        layout.addWidget(self.details)
        layout.addStretch(1)  # on a tall screen the card stays together at the top

    def show_voucher(
        self,
        voucher: Voucher | None,
        now: datetime | None = None,
        *,
        just_redeemed: int = 0,
        uses: UsesKnown | None = None,
        chosen: Contact | None = None,
        status_unknown: str | None = None,
    ) -> None:
        """Show ``voucher``; ``just_redeemed``: this counter has just used it that many times;
        ``uses``: what is known of its uses, each said with where it comes from;
        ``chosen``: the customer found for a voucher that has none yet; ``status_unknown``:
        what the badge says in place of a status Piggy has just contradicted."""
        empty = voucher is None
        if self._last_set.changed("empty", empty):  # not per voucher: when that changes
            self.placeholder.setVisible(empty)
            for widget in (self.status, self.title, self.description, self.code, self.details):
                widget.setVisible(not empty)
        if voucher is None:
            for key in self.details.values:
                self._set(key, "")
            self.setAccessibleDescription(self.tr("No voucher shown"))
            self.setAccessibleName(self.tr("Voucher card: no voucher shown"))
            return
        now = now or datetime.now(UTC)
        promotion = voucher.promotion
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
        # The facts first, then what the card lays out itself: Qt lays the facts out before
        # the card, and the card once (set the other way round, the card was laid out, then
        # the facts, which had the card laid out and painted a second time).
        self.status.set_status(
            status_unknown or (JUST_REDEEMED if just_redeemed else voucher.status)
        )
        self._put(
            self.title,
            (promotion.name if promotion and promotion.name else voucher.name)
            or self.tr("Voucher"),
        )
        self._put(
            self.description, (promotion.description if promotion else "") or voucher.description
        )
        self._put(self.code, voucher.code)
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

    def _put(self, label: QLabel, text: str) -> None:
        if self._last_set.changed(label.objectName(), text):
            label.setText(text)

    def _set(self, key: str, text: str) -> None:
        self.details.set_fact(key, text)

    def summary(self) -> str:
        """The whole card as one text, in the order it is shown."""
        parts = [
            self.tr("Voucher card: {title}").format(title=self.title.text()),
            self.description.text(),
            self.tr("Code {code}").format(code=self.code.text()),
            self.status.accessibleName(),
            *self.details.lines(),
        ]
        return ". ".join(part.rstrip(".") for part in parts if part) + "."

    def field_text(self, key: str) -> str:
        return self.details.fact(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old, new = event.oldSize(), event.size()
        if old.isValid() and old.width() == new.width():
            # Static contents: Qt draws only what a taller card uncovers. The bottom edge,
            # where the old one was and where the new one is, is drawn again here.
            lower = min(old.height(), new.height())
            self.update(0, lower - BOTTOM_EDGE, new.width(), BOTTOM_EDGE)
        else:
            self.update()  # a new width (the window resized): the card whole


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    return f"{_local(moment)} ({relative_hint(moment, now)})"
