"""What the voucher tests share (test_vouchers.py, test_printing.py): a batch asked for
through the batch dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from piggy_desk.ui.vouchers.dialogs import BatchDialog
from piggy_desk.ui.vouchers.screen import VouchersScreen


def start_batch(
    screen: VouchersScreen, promotion_uuid: str, quantity: int
) -> tuple[BatchDialog, list[tuple[str, int]]]:
    """Open the batch dialog, ask for ``quantity`` vouchers and press OK; the list fills
    with (promotion, quantity) when the dialog says the batch is complete."""
    dialog = screen.open_batch_dialog()
    dialog.POLL_SECONDS = 0.05
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(promotion_uuid))
    dialog.quantity.setValue(quantity)
    done: list[tuple[str, int]] = []
    dialog.batch_completed.connect(lambda uuid, count: done.append((uuid, count)))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog, done
