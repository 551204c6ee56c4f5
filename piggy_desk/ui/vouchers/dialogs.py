"""Dialogs that make vouchers: one at a time, or a batch of up to 500."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    ContactNotFound,
    PiggyClient,
    PiggyError,
    Promotion,
    PromotionNotFound,
    Voucher,
    VoucherAlreadyExists,
)
from piggy_desk.manager.drafts import MAX_BATCH, VoucherDraft, check_batch, check_voucher
from piggy_desk.ui.core.i18n import error_text
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.promotions.texts import PromotionTexts
from piggy_desk.ui.vouchers.controller import NewVouchersController
from piggy_desk.ui.widgets.form import (
    CheckedFields,
    field_row,
    grow_to_fit,
    wheel_only_when_focused,
)
from piggy_desk.ui.widgets.scanner_enter import ScannerEnter


def _local_datetime(edit: QDateTimeEdit) -> datetime:
    """What the manager picked, in local time, as an aware datetime (sent as UTC)."""
    picked = edit.dateTime().toPython()
    assert isinstance(picked, datetime)
    return picked.astimezone()


class _VoucherForm(QDialog):
    """The fields both dialogs share: promotion, customer, activation and expiry, with an
    error line under each field and one for the whole form.

    Its own texts use the context "VoucherForm" (``QCoreApplication.translate``): ``self.tr``
    here would look them up under the subclass's name, where lupdate did not put them.
    """

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        promotions: Sequence[Promotion],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._client = client
        ScannerEnter(self)
        self._tasks = tasks
        self.controller = NewVouchersController(client, self)
        self.controller.failed.connect(self._show_piggy_error)
        self.form = QFormLayout()
        self.fields = CheckedFields(self)
        self.errors = self.fields.errors
        self.fields.edited.connect(self.fields.clear_error)
        self._promotions = {promotion.uuid: promotion for promotion in promotions}
        self.promotion = QComboBox(self)
        self.promotion.setObjectName("promotionChoice")
        self.promotion.setAccessibleName(self.tr("Promotion"))
        for promotion in sorted(promotions, key=lambda p: p.name.lower()):
            self.promotion.addItem(promotion.name, promotion.uuid)
        self.promotion_uses = QLabel(self)
        self.promotion_uses.setObjectName("promotionUses")
        self.promotion_uses.setProperty("fieldHint", True)
        self.promotion_uses.setWordWrap(True)
        label = QCoreApplication.translate("VoucherForm", "Promotion")
        self._row(label, self.promotion, "promotion_uuid", notes=(self.promotion_uses,))
        self.promotion.currentIndexChanged.connect(self._on_promotion_current_index_changed)
        self._clears("promotion_uuid", self.promotion.activated)
        self._on_promotion_current_index_changed(self.promotion.currentIndex())
        self.email = QLineEdit(self)
        self.email.setObjectName("customerEmail")
        self.email.setAccessibleName(self.tr("Customer e-mail"))
        example = QCoreApplication.translate("VoucherForm", "optional: the customer's e-mail")
        self.email.setPlaceholderText(example)
        # Wide enough for its example: the Dutch one was cut off in the batch dialog.
        self.email.ensurePolished()  # the theme's font, which the example is drawn in
        self.email.setMinimumWidth(self.email.fontMetrics().horizontalAdvance(example) + 32)
        self.email.setMaxLength(255)
        self._clears("email", self.email.textEdited)
        self._setup_ui()

    @property
    def chosen_promotion(self) -> Promotion | None:
        """The promotion chosen in the picker, if any."""
        return self._promotions.get(self.promotion.currentData())

    def _on_promotion_current_index_changed(self, index: int) -> None:
        promotion = self.chosen_promotion
        text = PromotionTexts.instance().each_voucher(promotion) if promotion else ""
        self.promotion_uses.setText(text)
        self.promotion_uses.setVisible(bool(text))

    def _row(self, label: str, field: QWidget, key: str, notes: Sequence[QLabel] = ()) -> None:
        row, self.errors[key] = field_row(self, field, name=key, notes=notes)
        self.fields.inputs[key] = field
        self.form.addRow(f"{label}:", row)

    def _clears(self, key: str, *signals: SignalInstance) -> None:
        """Each of ``signals`` (the person edited ``key``'s field) takes its sentence away."""
        for signal in signals:
            signal.connect(lambda *_args: self.fields.edited.emit(key))

    def _customer_and_dates_rows(self) -> None:
        self._row(QCoreApplication.translate("VoucherForm", "Customer"), self.email, "email")
        valid_from = QCoreApplication.translate("VoucherForm", "Valid from")
        self.activation = self._date_row(valid_from, "activation_date", 0)
        expires = QCoreApplication.translate("VoucherForm", "Expires")
        self.expiration = self._date_row(expires, "expiration_date", 30)

    def _date_row(self, label: str, key: str, days_ahead: int) -> tuple[QCheckBox, QDateTimeEdit]:
        enabled = QCheckBox(QCoreApplication.translate("VoucherForm", "set"), self)
        enabled.setObjectName(f"{key}_set")
        enabled.setAccessibleName(
            QCoreApplication.translate("VoucherForm", "Set {date}").format(date=label)
        )
        edit = QDateTimeEdit(QDateTime.currentDateTime().addDays(days_ahead), self)
        edit.setObjectName(key)
        edit.setAccessibleName(label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        edit.setEnabled(False)
        enabled.toggled.connect(edit.setEnabled)
        self._clears(key, enabled.toggled, edit.dateTimeChanged)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(enabled)
        line.addWidget(edit, 1)
        local = QCoreApplication.translate("VoucherForm", "{field} (local time)")
        self._row(local.format(field=label), row, key)
        return enabled, edit

    def _finish_layout(self, *extra: QWidget) -> None:
        self.general_error = QLabel(self)
        self.general_error.setObjectName("error_general")
        self.general_error.setProperty("fieldError", True)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        wheel_only_when_focused(self)  # scrolling over a choice leaves it alone

    def show_errors(self, errors: dict[str, str], general: str | None = None) -> None:
        """Each problem next to its field; anything without a field at the bottom."""
        for key, label in self.errors.items():
            label.setVisible(key in errors)
            label.setText(errors.get(key, ""))
        unplaced = [text for key, text in errors.items() if key not in self.errors]
        message = " ".join(filter(None, [general, *unplaced]))
        self.general_error.setText(message)
        self.general_error.setVisible(bool(message))
        grow_to_fit(self)

    def _draft(
        self,
        code: str = "",
        uses: int | None = None,
        attribute_rows: tuple[tuple[str, str], ...] = (),
    ) -> VoucherDraft:
        """The promotion, customer and dates as chosen now, with a voucher's own fields."""
        activation, expiration = self.activation, self.expiration
        return VoucherDraft(
            promotion_uuid=self.promotion.currentData(),
            code=code,
            email=self.email.text().strip(),
            starts=_local_datetime(activation[1]) if activation[0].isChecked() else None,
            ends=_local_datetime(expiration[1]) if expiration[0].isChecked() else None,
            uses=uses,
            attribute_rows=attribute_rows,
        )

    def _hold_fields(self, held: bool) -> None:
        """The fields greyed and deaf to keys (``held``: what was sent is the request's
        now), or open to edit again. A date's own field stays off while its box is not set."""
        for field in self.fields.inputs.values():
            field.setEnabled(not held)

    def _show_piggy_error(self, error: PiggyError) -> None:
        self._hold_fields(False)
        if isinstance(error, ContactNotFound):
            self.show_errors(
                {
                    "email": QCoreApplication.translate(
                        "VoucherForm", "No customer with this e-mail address."
                    )
                }
            )
        elif isinstance(error, PromotionNotFound):
            self.show_errors({"promotion_uuid": error_text(error)})
        elif isinstance(error, VoucherAlreadyExists):
            self.show_errors({"code": error_text(error)})
        elif error.field_errors:
            # The client's own refusals are translated; Piggy's words stay as Piggy said them.
            self.show_errors(
                {
                    key: " ".join(QCoreApplication.translate("PiggyError", text) for text in texts)
                    for key, texts in error.field_errors.items()
                }
            )
        else:
            self.show_errors({}, error_text(error))
        self.buttons.setEnabled(True)

    def _setup_ui(self) -> None:
        """Each dialog's own fields, after the shared ones."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        """OK was pressed: each dialog checks its fields and sends."""
        raise NotImplementedError


class CreateVoucherDialog(_VoucherForm):
    """One new voucher: optional code, customer, dates, uses and custom attributes.

    Signals:
        voucher_created(Voucher): Piggy made it; the dialog closes.
    """

    voucher_created = Signal(object)

    def _setup_ui(self) -> None:
        self.setObjectName("createVoucherDialog")
        self.controller.voucher_created.connect(self._on_controller_voucher_created)
        self.setWindowTitle(self.tr("New voucher"))
        self.code = QLineEdit(self)
        self.code.setObjectName("voucherCodeInput")
        self.code.setAccessibleName(self.tr("Voucher code"))
        self.code.setPlaceholderText(self.tr("optional: Piggy makes one up"))
        self.code.setMaxLength(255)
        self._clears("code", self.code.textEdited)
        self._row(self.tr("Code"), self.code, "code")
        self._customer_and_dates_rows()
        self.uses_set = QCheckBox(self.tr("set"), self)
        self.uses = QSpinBox(self)
        self.uses.setObjectName("totalRedemptions")
        self.uses.setAccessibleName(self.tr("Total uses"))
        self.uses_set.setAccessibleName(self.tr("Set the total uses"))
        self.uses.setRange(1, 10_000)
        self.uses.setEnabled(False)
        self.uses_set.toggled.connect(self.uses.setEnabled)
        uses_row = QWidget(self)
        uses_line = QHBoxLayout(uses_row)
        uses_line.setContentsMargins(0, 0, 0, 0)
        uses_line.addWidget(self.uses_set)
        uses_line.addWidget(self.uses, 1)
        self._row(self.tr("Uses allowed"), uses_row, "total_redemptions_allowed")
        self._clears("total_redemptions_allowed", self.uses_set.toggled, self.uses.valueChanged)
        self.promotion.currentIndexChanged.connect(self._on_promotion_chosen)
        self._on_promotion_chosen()
        self.attributes = QTableWidget(0, 2, self)
        self.attributes.setObjectName("customAttributes")
        self.attributes.setAccessibleName(self.tr("Custom attributes"))
        self.attributes.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.attributes.horizontalHeader().setStretchLastSection(True)
        self.attributes.setMinimumHeight(110)
        add = QPushButton(self.tr("Add attribute"), self)
        add.setObjectName("addAttributeButton")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_attribute_row)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.attributes.removeRow(self.attributes.currentRow()))
        attributes_box = QWidget(self)
        attributes_layout = QVBoxLayout(attributes_box)
        attributes_layout.setContentsMargins(0, 0, 0, 0)
        attributes_layout.addWidget(self.attributes)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        attributes_layout.addLayout(buttons)
        self._row(self.tr("Custom attributes"), attributes_box, "custom_attributes")
        model = self.attributes.model()
        self._clears("custom_attributes", self.attributes.itemChanged, model.rowsRemoved)
        self._finish_layout()
        self.resize(560, 560)

    def _on_promotion_chosen(self) -> None:
        """Uses allowed starts at the promotion's uses per voucher (what Piggy gives a new
        voucher when none is set)."""
        promotion = self.chosen_promotion
        uses = promotion.uses_per_voucher if promotion else None
        if not self.uses_set.isChecked():
            self.uses.setValue(uses or 1)

    def add_attribute_row(self, key: str = "", value: str = "") -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(key))
        self.attributes.setItem(row, 1, QTableWidgetItem(value))

    def _attribute_rows(self) -> tuple[tuple[str, str], ...]:
        """The custom attributes as typed: (name trimmed, value) per row."""
        rows = []
        for row in range(self.attributes.rowCount()):
            key_item, value_item = self.attributes.item(row, 0), self.attributes.item(row, 1)
            rows.append(
                (
                    key_item.text().strip() if key_item else "",
                    value_item.text() if value_item else "",
                )
            )
        return tuple(rows)

    def _on_buttons_accepted(self) -> None:
        draft = self._draft(
            code=self.code.text().strip(),
            uses=self.uses.value() if self.uses_set.isChecked() else None,
            attribute_rows=self._attribute_rows(),
        )
        problems = check_voucher(draft, QCoreApplication.translate)
        self.show_errors(problems)
        if problems:
            return
        self.buttons.setEnabled(False)
        self._tasks.start(self.controller.create(draft), name="create-voucher")

    def _on_controller_voucher_created(self, voucher: Voucher) -> None:
        self.voucher_created.emit(voucher)
        self.accept()


class _CountBox(QSpinBox):
    """A spin box that says when a typed number is over its maximum; Qt only drops the
    digit (600 typed reads 60).

    Signals:
        over_maximum(bool): a typed number was over the maximum (True), or the text is
            a number in range again (False).
    """

    over_maximum = Signal(bool)

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        answer = super().validate(text, position)
        digits = self.cleanText() if text == self.text() else text.strip()
        over = digits.isdigit() and int(digits) > self.maximum()
        if over or answer[0] == QValidator.State.Acceptable:
            self.over_maximum.emit(over)
        return answer


class BatchDialog(_VoucherForm):
    """A batch of 1..500 vouchers: shows Piggy's PENDING job, then progress until the new
    vouchers are in the list.

    Signals:
        batch_completed(str, int): the promotion's uuid and how many vouchers were made.
        print_requested(str): Print… was pressed after the batch: print the promotion's
            vouchers (the dialog has closed).
    """

    batch_completed = Signal(str, int)
    print_requested = Signal(str)
    POLL_SECONDS = 0.5
    GIVE_UP_SECONDS = 120.0

    def _setup_ui(self) -> None:
        self.setObjectName("batchDialog")
        self.controller.batch_accepted.connect(self._on_controller_batch_accepted)
        self.controller.batch_progress.connect(self._on_controller_batch_progress)
        self.controller.batch_done.connect(self._on_controller_batch_done)
        self.controller.batch_still_running.connect(self._on_controller_batch_still_running)
        self.setWindowTitle(self.tr("New batch of vouchers"))
        self.quantity = _CountBox(self)
        self.quantity.setObjectName("batchQuantity")
        self.quantity.setAccessibleName(self.tr("Number of vouchers"))
        self.quantity.setRange(1, MAX_BATCH)
        self.quantity.setValue(10)
        self._row(self.tr("How many"), self.quantity, "quantity")
        self.quantity.over_maximum.connect(self._on_quantity_over_maximum)
        self._customer_and_dates_rows()
        self.job_label = QLabel(self)
        self.job_label.setObjectName("batchStatus")
        self.job_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.hide()
        self._finish_layout(self.job_label, self.progress)
        self.made = 0
        self._quantity = 0
        self.resize(520, 420)

    def _on_quantity_over_maximum(self, over: bool) -> None:
        error = self.errors["quantity"]
        if over:
            error.setText(
                self.tr(
                    "At most {maximum} vouchers in one batch: make another batch for the rest."
                ).format(maximum=MAX_BATCH)
            )
        error.setVisible(over)
        self.quantity.setAccessibleDescription(error.text() if over else "")
        grow_to_fit(self)

    def _on_buttons_accepted(self) -> None:
        draft = self._draft()
        problems = check_batch(draft, QCoreApplication.translate)
        self.show_errors(problems)
        if problems:
            return
        self.buttons.setEnabled(False)
        # From here the form is the batch's: what it shows was asked for, and changing it
        # would change nothing (the finished batch's form looked editable).
        self._hold_fields(True)
        self._quantity = self.quantity.value()
        self._tasks.start(
            self.controller.make_batch(
                draft,
                self._quantity,
                poll_seconds=self.POLL_SECONDS,
                give_up_seconds=self.GIVE_UP_SECONDS,
            ),
            name="create-batch",
        )

    def _on_controller_batch_accepted(self, status: str | None) -> None:
        quantity = self._quantity
        if status:
            accepted = self.tr(
                "Piggy accepted the batch ({status}): making %Ln voucher(s)…", "", quantity
            ).format(status=status)
        else:  # Piggy answered with a sentence, not a job: the vouchers show the progress
            accepted = self.tr("Piggy started making %Ln voucher(s)…", "", quantity)
        self.job_label.setText(accepted)
        self.progress.setRange(0, quantity)
        self.progress.setValue(0)
        self.progress.show()

    def _on_controller_batch_progress(self, made: int) -> None:
        self.made = made
        self.progress.setValue(self.made)

    def _on_controller_batch_done(self, promotion_uuid: str, quantity: int) -> None:
        self.job_label.setText(self.tr("Done: %Ln new voucher(s).", "", quantity))
        self.batch_completed.emit(promotion_uuid, quantity)
        # A finished batch can be printed from here: the promotion's vouchers, as the list
        # then shows them.
        button = QPushButton(self.tr("Print…"), self)
        button.setObjectName("printBatchButton")
        button.setAutoDefault(False)
        button.setToolTip(self.tr("Print every voucher of this promotion on labels or slips"))
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(self._on_print_button_clicked)
        self._made_for = promotion_uuid
        self._offer_close()

    def _on_print_button_clicked(self) -> None:
        self.accept()
        self.print_requested.emit(self._made_for)

    def _on_controller_batch_still_running(self) -> None:
        self.job_label.setText(
            self.tr(
                "Piggy is still making the vouchers. "
                "They will appear in the list when they are ready."
            )
        )
        self._offer_close()

    def _offer_close(self) -> None:
        """Close is what is left to do: the keyboard goes to it and Enter presses it (it
        stayed in the form, where Enter did nothing now that OK is gone)."""
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus(Qt.FocusReason.OtherFocusReason)
