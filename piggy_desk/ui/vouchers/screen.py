"""The Vouchers screen: browse with filters and paging, act on a row, create one or a batch,
export the current filter to CSV. Its work with Piggy is the controller's
(``controller.py``); the list is ``model.py`` and ``table.py``."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QLocale, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyClient, PiggyError, Promotion, Voucher, VoucherStatus
from piggy_desk.manager.export import CsvExport, VoucherFilter
from piggy_desk.notices import Tone
from piggy_desk.ui.core.accessibility import label_controls
from piggy_desk.ui.core.i18n import error_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.speech import Announcer
from piggy_desk.ui.core.tasks import TaskRunner, ended
from piggy_desk.ui.vouchers.bars import ExportBar, RowActions, ask_to_reverse
from piggy_desk.ui.vouchers.controller import VouchersController
from piggy_desk.ui.vouchers.filters import VoucherFilterBar
from piggy_desk.ui.vouchers.model import PAGE_SIZE, VouchersModel
from piggy_desk.ui.vouchers.table import VouchersTable
from piggy_desk.ui.widgets import action_button, status_look
from piggy_desk.ui.widgets.banner import MessageBanner

if TYPE_CHECKING:
    from piggy_desk.ui import printing
    from piggy_desk.ui.vouchers.dialogs import BatchDialog, CreateVoucherDialog

PRINT_TASK = "vouchers-print"


class VouchersScreen(QWidget):
    """Browse, filter, act on and export vouchers.

    Signals:
        open_on_counter(str): the manager wants this code on the counter.
    """

    open_on_counter = Signal(str)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        messages: MessagePath,
        *,
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("vouchersScreen")
        self._client = client
        self._tasks = tasks
        self._messages = messages
        self.promotions: list[Promotion] = []
        self.export_task: asyncio.Task[int] | None = None
        self.print_dialog: printing.PrintDialog | None = None
        # The counter's shop, for the name on a printed slip (the window sets it).
        self.shop_uuid: Callable[[], str | None] = lambda: None
        self.controller = VouchersController(client, self)
        controller = self.controller
        self.model = VouchersModel(page_size)
        # The list shows a code found ("Find a code"), not the filter's pages.
        self.showing_found = False
        slots: tuple[tuple[SignalInstance, Callable[..., None]], ...] = (
            (controller.page_started, self.model.page_started),
            (controller.rows_arrived, self.model.rows_arrived),
            (controller.page_done, self.model.page_done),
            (controller.page_failed, self.model.page_failed),
            (controller.failed, self._say_error),
            (controller.promotions_loaded, self._on_controller_promotions_loaded),
            (controller.customer_unknown, self._on_controller_customer_unknown),
            (controller.filter_ready, self._on_controller_filter_ready),
            (controller.found, self._on_controller_found),
            (controller.status_set, self._on_controller_status_set),
            (controller.redemption_reversed, self._on_controller_redemption_reversed),
            (controller.print_ready, self._on_controller_print_ready),
            (controller.nothing_to_print, self._on_controller_nothing_to_print),
            (controller.export_progress, self._on_controller_export_progress),
            (controller.exported, self._on_controller_exported),
            (controller.export_failed, self._on_controller_export_failed),
            (controller.export_cancelled, self._on_controller_export_cancelled),
        )
        for signal, slot in slots:
            signal.connect(slot)
        self.model.fetch_wanted.connect(self._on_model_fetch_wanted)
        self._setup_ui()
        self.model.page_loaded.connect(self._show_count)
        self.model.load_failed.connect(self._say_error)
        self.model.modelReset.connect(self._on_model_reset)
        self._update_actions()

    def _setup_ui(self) -> None:
        self.filters = VoucherFilterBar(self)
        self.filters.apply_requested.connect(lambda: self.apply_filter())
        self.filters.code_entered.connect(self._on_filters_code_entered)
        self.promotion_filter, self.status_filter = self.filters.promotion, self.filters.status
        self.contact_filter, self.code_search = self.filters.email, self.filters.code_search
        # The banner keeps its place, as on the Contacts screen: an export's outcome or a
        # copied code appearing above the list moved it, and Qt repainted it whole.
        self.banner = MessageBanner(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("voucherCount")
        self.table = VouchersTable(self.model, self)
        # Its sentences are said where the focus is (the banner is never focused).
        self.announcer = Announcer(self.table, self)
        self.banner.speak_through(self.announcer)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.row_actions = RowActions(
            self.table,
            {
                "activate": self._on_activate_clicked,
                "deactivate": self._on_deactivate_clicked,
                "reverse": self._on_reverse_clicked,
                "copy": self._on_copy_clicked,
                "counter": self._on_counter_clicked,
                "print": self._on_print_clicked,
            },
            self,
        )
        row_buttons = (
            self.activate_button,
            self.deactivate_button,
            self.reverse_button,
            self.copy_button,
            self.counter_button,
            self.print_button,
        ) = self.row_actions.buttons
        making_buttons = (
            self.new_button,
            self.batch_button,
            self.export_button,
            self.print_list_button,
        ) = (
            action_button(
                self, self.tr("New voucher…"), "newVoucherButton", self.open_create_dialog
            ),
            action_button(self, self.tr("New batch…"), "newBatchButton", self.open_batch_dialog),
            action_button(self, self.tr("Export CSV…"), "exportButton", self._on_export_clicked),
            action_button(
                self, self.tr("Print list…"), "printListButton", self._on_print_list_clicked
            ),
        )
        # Making vouchers sits beside the count, not after the row actions: in Dutch the
        # eight buttons on one line were wider than a 1366-pixel screen.
        self.export_bar = ExportBar(self.cancel_export, self)
        self.export_progress, self.export_cancel = self.export_bar.progress, self.export_bar.cancel
        making = QHBoxLayout()
        making.addWidget(self.count_label, 1)
        # An export's progress stands in the count's place, in a line as high, so that the
        # list keeps its size: below it, it shrank the list, which Qt then repainted whole
        # (10-15 ms of the window's time at the export's start).
        making.addWidget(self.export_bar, 1)
        for each in making_buttons:
            making.addWidget(each)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addLayout(making)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_actions)
        # Tab in the order the screen is read: the buttons above the table before it.
        details = self.banner.findChild(QPushButton, "detailsButton")
        chain: list[QWidget] = [
            self.code_search,
            *([details] if details is not None else []),
            self.export_cancel,
            *making_buttons,
            self.table,
            *row_buttons,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the promotions for the filter and the first page of vouchers."""
        self.load_promotions()
        if self.model.rowCount() == 0 and not self.model.loading:
            self.model.set_filter(self.model.filter)

    def load_promotions(self) -> asyncio.Future[Any]:
        """Load the promotions the filter and the dialogs offer."""
        task = self._tasks.start(self.controller.load_promotions(), name="vouchers-promotions")
        return ended(task)

    def _on_model_fetch_wanted(self, generation: int, page: int) -> None:
        model = self.model
        work = self.controller.load_page(model.filter, page, model.page_size, generation)
        self._tasks.start(work, name="vouchers-page")

    def _on_controller_promotions_loaded(self, promotions: list[Promotion]) -> None:
        self.promotions = promotions
        self.filters.set_promotions(promotions)

    def apply_filter(self) -> asyncio.Task[None]:
        """Show the vouchers matching the chosen promotion, status and customer."""
        work = self.controller.choose_filter(
            self.promotion_filter.currentData(),
            self.status_filter.currentData(),
            self.contact_filter.text().strip(),
        )
        return self._tasks.start(work, name="vouchers-filter")

    def _on_controller_customer_unknown(self, error: PiggyError) -> None:
        self._say_error(error, self.tr("No customer with this e-mail address."))

    def _on_controller_filter_ready(self, voucher_filter: VoucherFilter) -> None:
        self.banner.clear()
        self.showing_found = False
        self.filters.code_search.clear()  # the list is the filter's now, not a code's
        self.model.set_filter(voucher_filter)

    def _on_filters_code_entered(self, code: str) -> None:
        if code:
            self.find_code(code)
        else:  # an emptied search brings the filtered list back
            self.apply_filter()

    def find_code(self, code: str) -> asyncio.Future[Any]:
        """Show only the voucher with this code."""
        return ended(self._tasks.start(self.controller.find(code), name="vouchers-find"))

    def _on_controller_found(self, voucher: Voucher) -> None:
        self.banner.clear()
        self._show_only(voucher)

    def _show_only(self, voucher: Voucher) -> None:
        self.showing_found = True  # Export and Print list take it alone
        self.model.show_only(voucher)
        self.table.selectRow(0)

    def _on_model_reset(self) -> None:
        """Another filter or a found code: count again, nothing chosen."""
        self._show_count()
        self._update_actions()

    def _show_count(self) -> None:
        """How many vouchers the list holds; nothing while its first page is on its way."""
        rows, total = self.model.row_total(), self.model.total
        if total is None:
            self.count_label.setText(
                "" if self.model.loading else self.tr("%Ln voucher(s)", "", rows)
            )
        elif total != rows:
            self.count_label.setText(
                self.tr("{rows} of %Ln voucher(s) shown", "", total).format(
                    rows=QLocale().toString(rows)
                )
            )
        else:
            self.count_label.setText(self.tr("%Ln voucher(s)", "", rows))

    # --- row actions ----------------------------------------------------------------------

    def selected(self) -> Voucher | None:
        """The chosen voucher: a selected row (the current cell alone is no choice)."""
        return self.table.selected()

    def _on_table_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        self.row_actions.show_for(self.selected())

    def _on_activate_clicked(self) -> None:
        self._set_status(VoucherStatus.ACTIVE)

    def _on_deactivate_clicked(self) -> None:
        self._set_status(VoucherStatus.DEACTIVATED)

    def _set_status(self, status: VoucherStatus) -> None:
        voucher = self.selected()
        if voucher is not None:
            work = self.controller.set_status(voucher, status)
            self._tasks.start(work, name="vouchers-action")

    def _on_controller_status_set(self, updated: Voucher, status: str) -> None:
        if status == VoucherStatus.ACTIVE:
            done = self.tr("Voucher {code} activated.")
        else:
            done = self.tr("Voucher {code} deactivated.")
        self._show_changed(updated, done.format(code=updated.code))

    def _show_changed(self, updated: Voucher, sentence: str) -> None:
        pressed = QApplication.focusWidget()
        if pressed not in self.row_actions.buttons:
            pressed = None
        if pressed is not None:
            # Let go before the button greys out: Qt would hand the focus to the next
            # button, and a screen reader read the sentence with that arrival and again.
            pressed.clearFocus()
        self.model.replace(updated)
        self._update_actions()
        self.banner.show_notice(Tone.SUCCESS, sentence)
        if pressed is not None:
            # Where the person can go on: the same button, else the one that undoes it.
            undo = {self.row_actions.deactivate: self.row_actions.activate}
            undo[self.row_actions.activate] = self.row_actions.deactivate
            landing = next(
                (b for b in (pressed, undo.get(pressed)) if b is not None and b.isEnabled()),
                self.table,
            )
            self.announcer.move_focus(landing)

    def show_changed_elsewhere(self, vouchers: Iterable[Voucher]) -> None:
        """Vouchers as Piggy last gave them elsewhere (the counter): their rows, if
        listed, show them."""
        for voucher in vouchers:
            self.model.replace(voucher)
        self._update_actions()

    def _on_reverse_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            box = ask_to_reverse(self, voucher)
            box.finished.connect(lambda result: self._on_reverse_answered(result, box, voucher))

    def _on_reverse_answered(self, result: int, box: QMessageBox, voucher: Voucher) -> None:
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self._tasks.start(self.controller.reverse(voucher), name="vouchers-action")

    def _on_controller_redemption_reversed(self, updated: Voucher) -> None:
        sentence = self.tr("The redemption of {code} was reversed.").format(code=updated.code)
        self._show_changed(updated, sentence)

    def _on_copy_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            QApplication.clipboard().setText(voucher.code)
            self.banner.show_notice(Tone.INFO, self.tr("Copied {code}.").format(code=voucher.code))

    def _on_counter_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            self.open_on_counter.emit(voucher.code)

    # --- printing -------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        voucher = self.selected()
        if voucher is not None:
            work = self.controller.print_vouchers([voucher], self.shop_uuid())
            self._tasks.start(work, name=PRINT_TASK)

    def _on_print_list_clicked(self) -> None:
        if self.showing_found:
            work = self.controller.print_vouchers(self._found(), self.shop_uuid())
            self._tasks.start(work, name=PRINT_TASK)
        else:
            self._print_list(self.model.filter)

    def _found(self) -> list[Voucher]:
        """What a code search shows (as it is now: the row may have changed since)."""
        return [self.model.voucher(row) for row in range(self.model.rowCount())]

    def _print_list(self, voucher_filter: VoucherFilter) -> None:
        work = self.controller.print_list(voucher_filter, self.shop_uuid())
        self._tasks.start(work, name=PRINT_TASK)

    def _on_controller_print_ready(self, vouchers: list[Voucher], note: str, shop: str) -> None:
        from piggy_desk.ui import printing  # QtPrintSupport: when first used

        self.print_dialog = printing.PrintDialog(vouchers, note=note, shop=shop, parent=self)
        self.print_dialog.open()

    def _on_controller_nothing_to_print(self) -> None:
        self.banner.show_notice(Tone.INFO, self.tr("The list has no vouchers to print."))

    # --- creating -------------------------------------------------------------------------

    def open_create_dialog(self) -> CreateVoucherDialog:
        from piggy_desk.ui.vouchers.dialogs import CreateVoucherDialog

        dialog = CreateVoucherDialog(self._client, self._tasks, self.promotions, self)
        dialog.voucher_created.connect(self._on_dialog_voucher_created)
        label_controls(dialog)
        dialog.open()
        return dialog

    def open_batch_dialog(self) -> BatchDialog:
        from piggy_desk.ui.vouchers.dialogs import BatchDialog

        dialog = BatchDialog(self._client, self._tasks, self.promotions, self)
        dialog.batch_completed.connect(self._on_dialog_batch_completed)
        dialog.print_requested.connect(
            lambda promotion_uuid: self._print_list(VoucherFilter(promotion_uuid=promotion_uuid))
        )
        label_controls(dialog)
        dialog.open()
        return dialog

    def _on_dialog_voucher_created(self, voucher: Voucher) -> None:
        # The list shows the new voucher alone, as a code found does: the search says which
        # (not what was typed there before), and emptying it brings the list back.
        self.filters.code_search.setText(voucher.code)
        self._show_only(voucher)
        self.banner.show_notice(
            Tone.SUCCESS,
            self.tr("Voucher {code} created.").format(code=voucher.code),
        )

    def _on_dialog_batch_completed(self, promotion_uuid: str, quantity: int) -> None:
        self.filters.show_all_of(promotion_uuid)
        ready = self.tr("%Ln new voucher(s) are ready.", "", quantity)
        # Said once the list has the promotion's filter: a new filter clears the banner, and
        # said before it, the sentence was gone at once. Not when another filter came first.
        self.apply_filter().add_done_callback(lambda task: self._say_ready(task, ready))

    def _say_ready(self, task: asyncio.Task[None], ready: str) -> None:
        if not task.cancelled() and task.exception() is None:
            self.banner.show_notice(Tone.SUCCESS, ready)

    # --- export ---------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        from piggy_desk.ui.widgets.save_dialog import ask_where_to_save

        ask_where_to_save(
            self,
            self.tr("Export vouchers"),
            "vouchers.csv",
            self.tr("CSV files (*.csv)"),
            self.export_to,
        )

    def export_to(self, path: Path) -> asyncio.Task[int]:
        """Export the current filter to ``path`` in the background, with progress and Cancel."""
        export = CsvExport(
            self._client,
            self.model.filter,
            path,
            page_size=self.model.page_size,
            order=self.model.ordering(),
            status_word=lambda status: status_look(status).word,
            vouchers=self._found() if self.showing_found else None,
        )
        self.count_label.hide()
        self.export_bar.begin()
        # Turned off, Export CSV… would hand its focus to the next button (Print list…), even
        # while the save dialog still has the keyboard.
        if self.focusWidget() is self.export_button:
            self.export_cancel.setFocus(Qt.FocusReason.OtherFocusReason)
        self.export_button.setEnabled(False)
        self.export_task = self._tasks.start(self.controller.export(export), name="vouchers-export")
        return self.export_task

    def cancel_export(self) -> None:
        if self.export_task is not None and not self.export_task.done():
            self.export_task.cancel()

    def _export_ended(self) -> None:
        cancel_had_focus = self.focusWidget() is self.export_cancel
        self.export_button.setEnabled(True)
        if cancel_had_focus:
            self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.export_bar.hide()
        self.count_label.show()

    def _on_controller_export_progress(self, written: int, total: int | None) -> None:
        self.export_bar.advance(written, total)

    def _on_controller_exported(self, written: int, path: Path) -> None:
        self._export_ended()
        self.banner.show_notice(
            Tone.SUCCESS,
            self.tr("Exported %Ln voucher(s) to {file} in {folder}.", "", written).format(
                file=path.name, folder=path.parent
            ),
        )

    def _on_controller_export_failed(self, error: PiggyError) -> None:
        self._export_ended()
        self._say_error(
            error,
            self.tr("{problem} The export was stopped; no file was written.").format(
                problem=error_text(error)
            ),
        )

    def _on_controller_export_cancelled(self) -> None:
        self._export_ended()
        self.banner.show_notice(Tone.INFO, self.tr("Export cancelled; no file was written."))

    # --- messages -------------------------------------------------------------------------

    def _say_error(self, error: PiggyError, sentence: str | None = None) -> None:
        self.banner.show_error(error, sentence)
        # In the log too, as the other manager screens do: what support reads afterwards.
        self._messages.log_notice(self.banner.text, error)
