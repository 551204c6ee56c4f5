"""The Vouchers screen's line of filters: a promotion, a status, a customer's e-mail address
and Show; at its right end the search for one code."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from piggy_desk.api import Promotion, VoucherStatus
from piggy_desk.ui.widgets import action_button, named, status_look


class VoucherFilterBar(QWidget):
    """What the list is narrowed to, as chosen; says when the person asks for it.

    Signals:
        apply_requested(): Show was pressed, or Enter in the e-mail field.
        code_entered(str): Enter in the code search; the code trimmed ("" when emptied).
    """

    apply_requested = Signal()
    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.promotion = named(QComboBox(self), "promotionFilter", self.tr("Promotion"))
        self.promotion.addItem(self.tr("All promotions"), None)
        self.status = named(QComboBox(self), "statusFilter", self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in VoucherStatus:
            self.status.addItem(status_look(status).word, status.value)
        self.email = self._line_edit(
            "contactFilter", self.tr("Customer e-mail filter"), self.tr("Customer e-mail")
        )
        self.email.returnPressed.connect(self.apply_requested)
        self.apply_button = action_button(
            self, self.tr("Show"), "applyFilterButton", self.apply_requested.emit
        )
        self.code_search = self._line_edit(
            "codeSearch", self.tr("Find a voucher code"), self.tr("Find a code")
        )
        self.code_search.returnPressed.connect(
            lambda: self.code_entered.emit(self.code_search.text().strip())
        )
        # Visible labels, each the buddy of its combo box: on Linux a combo box is named by
        # its current item, so the label is what tells a screen reader what it filters.
        promotion_label = QLabel(self.tr("Promotion:"), self)
        promotion_label.setBuddy(self.promotion)
        status_label = QLabel(self.tr("Status:"), self)
        status_label.setBuddy(self.status)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (
            promotion_label,
            self.promotion,
            status_label,
            self.status,
            self.email,
            self.apply_button,
        ):
            line.addWidget(widget)
        line.addStretch(1)
        line.addWidget(self.code_search)

    def _line_edit(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = named(QLineEdit(self), name, accessible)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(255)
        return edit

    def set_promotions(self, promotions: Sequence[Promotion]) -> None:
        """Offer these promotions, by name; the one chosen stays chosen if it is among them."""
        chosen = self.promotion.currentData()
        self.promotion.blockSignals(True)
        self.promotion.clear()
        self.promotion.addItem(self.tr("All promotions"), None)
        for promotion in sorted(promotions, key=lambda p: p.name.lower()):
            self.promotion.addItem(promotion.name, promotion.uuid)
        self.promotion.setCurrentIndex(max(self.promotion.findData(chosen), 0))
        self.promotion.blockSignals(False)

    def show_all_of(self, promotion_uuid: str) -> None:
        """Choose every voucher of this promotion, whatever their status or customer."""
        self.promotion.setCurrentIndex(max(self.promotion.findData(promotion_uuid), 0))
        self.status.setCurrentIndex(0)
        self.email.clear()
