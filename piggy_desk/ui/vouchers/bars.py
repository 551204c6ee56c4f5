"""The lines below the Vouchers table: an export's progress with its Cancel, and what can be
done with the chosen row (also offered by the table's context menu), with the question a
reverse asks first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QProgressBar, QTableView, QWidget

from piggy_desk.api import Voucher, VoucherStatus
from piggy_desk.ui.widgets import action_button
from piggy_desk.ui.widgets.row_menu import RowMenu


class ExportBar(QWidget):
    """An export's progress and its Cancel; hidden while no export runs."""

    def __init__(self, cancel: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.cancel = action_button(self, self.tr("Cancel export"), "exportCancelButton", cancel)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.progress, 1)
        line.addWidget(self.cancel)
        self.hide()

    def begin(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first page says how many
        self.show()

    def advance(self, written: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(written)


class RowActions(QWidget):
    """The buttons that act on the chosen voucher, each offered only where it applies.

    ``slots``: what each button does, by its name (``activate``, ``deactivate``,
    ``reverse``, ``copy``, ``counter``, ``print``)."""

    def __init__(
        self, table: QTableView, slots: dict[str, Callable[[], object]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.activate = action_button(
            self, self.tr("Activate"), "activateButton", slots["activate"]
        )
        self.deactivate = action_button(
            self, self.tr("Deactivate"), "deactivateButton", slots["deactivate"]
        )
        self.reverse = action_button(
            self, self.tr("Reverse redemption…"), "reverseRowButton", slots["reverse"]
        )
        self.copy = action_button(self, self.tr("Copy code"), "copyCodeButton", slots["copy"])
        self.counter = action_button(
            self, self.tr("Open on the counter"), "openOnCounterButton", slots["counter"]
        )
        self.print = action_button(self, self.tr("Print…"), "printVoucherButton", slots["print"])
        self.buttons = (
            self.activate,
            self.deactivate,
            self.reverse,
            self.copy,
            self.counter,
            self.print,
        )
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        for each in self.buttons:
            line.addWidget(each)
        line.addStretch(1)
        self.menu = RowMenu(table, self.buttons)

    def show_for(self, voucher: Voucher | None) -> None:
        """Offer what can be done with ``voucher`` (nothing with none)."""
        status = voucher.status if voucher else None
        self.activate.setEnabled(status == VoucherStatus.DEACTIVATED)
        self.deactivate.setEnabled(
            status in (VoucherStatus.ACTIVE, VoucherStatus.INACTIVE, VoucherStatus.EXPIRED)
        )
        self.reverse.setEnabled(status == VoucherStatus.REDEEMED)
        for each in (self.copy, self.counter, self.print):
            each.setEnabled(voucher is not None)


def ask_to_reverse(parent: QWidget, voucher: Voucher) -> QMessageBox:
    """Ask whether the redemption of ``voucher`` is to be reversed (open; its ``finished``
    says the answer)."""
    who = (
        voucher.contact.email
        if voucher.contact and voucher.contact.email
        else QCoreApplication.translate("VouchersScreen", "no customer")
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("VouchersScreen", "Reverse redemption"),
        QCoreApplication.translate(
            "VouchersScreen",
            "Reverse the redemption of voucher {code} (customer {customer})?\n\n"
            "The voucher can then be used again.",
        ).format(code=voucher.code, customer=who),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("reverseRowConfirmation")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.open()
    return box
