"""The New promotion dialog, whose checks mirror Piggy's."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    PiggyError,
    PromotionType,
)
from piggy_desk.manager.drafts import MAX_INTEGER, MAX_USES, PROMOTION_FIELDS, PromotionDraft
from piggy_desk.notices import Tone
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP
from piggy_desk.ui.promotions.texts import TYPES, check_draft
from piggy_desk.ui.widgets import named
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.form import field_row, grow_to_fit, wheel_only_when_focused
from piggy_desk.ui.widgets.scanner_enter import ScannerEnter

VALIDITY_UNITS = (
    (QT_TRANSLATE_NOOP("CreatePromotionDialog", "days"), 86400),
    (QT_TRANSLATE_NOOP("CreatePromotionDialog", "hours"), 3600),
)


def _left(spin: QSpinBox | QComboBox) -> QHBoxLayout:
    """A spin box or a choice at its natural width, not stretched across the dialog."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    spin.setMinimumWidth(180)
    row.addWidget(spin)
    row.addStretch(1)
    return row


class _LimitSpinBox(QSpinBox):
    """A limit from 1, or 0 shown as a word ("No limit"): Piggy reads a limit of 0 as no
    limit, so 0 is never offered as a number."""

    def __init__(self, none_text: str, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, maximum)
        self.setSpecialValueText(none_text)
        self.setValue(0)
        self.setAccelerated(True)

    def optional_value(self) -> int | None:
        self.interpretText()
        return None if self.value() == self.minimum() else self.value()


class _DescriptionEdit(QPlainTextEdit):
    """Three lines high in whatever font the style sheet gives it."""

    LINES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth() + 2 * int(self.document().documentMargin())
        return QSize(300, QFontMetrics(self.font()).lineSpacing() * self.LINES + frame + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class CreatePromotionDialog(QDialog):
    """The details of a new promotion, checked as Piggy checks them before anything is sent.

    Create does not close the dialog: it emits ``submitted`` and the screen answers with
    ``show_problems`` or ``show_failure`` (the dialog stays open and keeps what was typed)
    or closes it on success.

    Signals:
        submitted(PromotionDraft): Create was pressed and the details passed the checks.
    """

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createPromotionDialog")
        ScannerEnter(self)
        self.setWindowTitle(self.tr("New promotion"))
        self.errors: dict[str, QLabel] = {}
        self.busy = False
        # The names of the promotions there are (the screen's list): a name is not given twice.
        self.taken_names: Callable[[], Iterable[str]] = tuple
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.banner = MessageBanner(self)
        self.name_input = named(QLineEdit(self), "nameInput", self.tr("Name"))
        self.name_input.setPlaceholderText(self.tr("What the customer sees, e.g. Free coffee"))
        self.description_input = named(
            _DescriptionEdit(self), "descriptionInput", self.tr("Description")
        )
        self.description_input.setPlaceholderText(
            self.tr("One or two sentences on what the voucher gives")
        )
        self.description_input.setTabChangesFocus(True)
        self.type_input = named(QComboBox(self), "typeInput", self.tr("Type"))
        for kind, word in TYPES:
            self.type_input.addItem(QCoreApplication.translate("PromotionTexts", word), str(kind))
        self.uses_input = named(QSpinBox(self), "usesInput", self.tr("Uses per voucher"))
        self.uses_input.setRange(1, MAX_USES)
        self.type_input.currentIndexChanged.connect(self._on_type_input_current_index_changed)
        self._on_type_input_current_index_changed(0)
        self.voucher_limit_input = named(
            _LimitSpinBox(self.tr("No limit"), MAX_INTEGER, self),
            "voucherLimitInput",
            self.tr("Voucher limit"),
        )
        self.limit_per_contact_input = named(
            _LimitSpinBox(self.tr("No limit"), MAX_INTEGER, self),
            "limitPerContactInput",
            self.tr("Vouchers per customer"),
        )
        self.validity_input = named(
            QSpinBox(self), "validityAmountInput", self.tr("Vouchers valid for")
        )
        self.validity_input.setSpecialValueText(self.tr("No expiry"))
        self.validity_unit = named(
            QComboBox(self), "validityUnitInput", self.tr("Unit of the validity")
        )
        for word, seconds in VALIDITY_UNITS:
            self.validity_unit.addItem(self.tr(word), seconds)
        self.validity_unit.currentIndexChanged.connect(self._on_validity_unit_current_index_changed)
        self._on_validity_unit_current_index_changed(0)
        validity = QHBoxLayout()
        validity.setContentsMargins(0, 0, 0, 0)
        validity.addWidget(self.validity_input)
        validity.addWidget(self.validity_unit)
        validity.addStretch(1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: tuple[tuple[str, str, QWidget | QHBoxLayout, str], ...] = (
            ("name", self.tr("Name:"), self.name_input, ""),
            ("description", self.tr("Description:"), self.description_input, ""),
            ("type", self.tr("Type:"), _left(self.type_input), ""),
            (
                "redemptions_per_voucher",
                self.tr("Uses per voucher:"),
                _left(self.uses_input),
                self.tr("How many times one voucher can be used."),
            ),
            (
                "voucher_limit",
                self.tr("Voucher limit:"),
                _left(self.voucher_limit_input),
                self.tr("Vouchers in all."),
            ),
            (
                "limit_per_contact",
                self.tr("Per customer:"),
                _left(self.limit_per_contact_input),
                self.tr("Vouchers one customer can hold."),
            ),
            (
                "expiration_duration",
                self.tr("Valid for:"),
                validity,
                self.tr("Counted from the moment a voucher is made."),
            ),
        )
        for field, label, widget, hint in rows:
            form.addRow(label, self._field_with_error(field, widget, hint))

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Create promotion"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.name_input.textEdited.connect(self._on_name_input_text_edited)
        self.description_input.textChanged.connect(self._on_description_input_text_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.banner.hide()
        wheel_only_when_focused(self)  # scrolling over a choice leaves it alone
        # At least as wide as the labels and hints need (Dutch labels are longer).
        self.setMinimumWidth(max(560, layout.totalMinimumSize().width()))

    def _field_with_error(self, field: str, widget: QWidget | QHBoxLayout, hint: str) -> QWidget:
        row, self.errors[field] = field_row(self, widget, name=field, hint=hint)
        return row

    def draft(self) -> PromotionDraft:
        """What is typed now, trimmed; a validity in seconds."""
        self.validity_input.interpretText()
        amount = self.validity_input.value()
        unit = int(self.validity_unit.currentData())
        return PromotionDraft(
            name=self.name_input.text().strip(),
            description=self.description_input.toPlainText().strip(),
            voucher_limit=self.voucher_limit_input.optional_value(),
            limit_per_contact=self.limit_per_contact_input.optional_value(),
            expiration_duration=amount * unit if amount else None,
            type=str(self.type_input.currentData()),
            redemptions_per_voucher=self.uses_input.value(),
        )

    def show_problems(self, problems: Mapping[str, str | Sequence[str]]) -> None:
        """Each field's problem under the field; focus goes to the first one."""
        for field in PROMOTION_FIELDS:
            self._clear_error(field, keep_place=False)
        first: str | None = None
        for field in PROMOTION_FIELDS:
            problem = problems.get(field)
            if not problem:
                continue
            text = problem if isinstance(problem, str) else " ".join(problem)
            self.errors[field].setText(text)
            self.errors[field].show()
            self._input_of(field).setAccessibleDescription(text)
            first = first or field
        grow_to_fit(self)
        if first is not None:
            self._input_of(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failure(self, sentence: str, error: PiggyError | None) -> None:
        """A problem that belongs to no field, as a sentence above the fields."""
        if error is None:
            self.banner.show_notice(Tone.ERROR, sentence)
        else:
            self.banner.show_error(error, sentence)
        grow_to_fit(self)

    def set_busy(self, busy: bool) -> None:
        """While Piggy is asked, Create cannot be pressed twice."""
        self.busy = busy
        self.create_button.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("Create promotion"))

    def _input_of(self, field: str) -> QWidget:
        return {
            "name": self.name_input,
            "description": self.description_input,
            "type": self.type_input,
            "redemptions_per_voucher": self.uses_input,
            "voucher_limit": self.voucher_limit_input,
            "limit_per_contact": self.limit_per_contact_input,
            "expiration_duration": self.validity_input,
        }[field]

    def _clear_error(self, field: str, *, keep_place: bool = True) -> None:
        """The field's problem goes as the person corrects it; its place stays (the form
        below it moved up under the typing hand) until Create is pressed again."""
        label = self.errors[field]
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(
            keep_place and (label.isVisible() or policy.retainSizeWhenHidden())
        )
        label.setSizePolicy(policy)
        label.hide()
        if not keep_place:
            label.clear()
        self._input_of(field).setAccessibleDescription("")

    def _on_buttons_accepted(self) -> None:
        if self.busy:
            return
        draft = self.draft()
        problems = check_draft(draft, self.taken_names())
        self.show_problems(problems)
        if problems:
            return
        self.banner.hide()
        self.submitted.emit(draft)

    def _on_name_input_text_edited(self, text: str) -> None:
        self._clear_error("name")

    def _on_description_input_text_changed(self) -> None:
        self._clear_error("description")

    def _on_type_input_current_index_changed(self, index: int) -> None:
        # The box's minimum stays 1: with 2, a typed "1" was made 2 without a word; the
        # check says "from 2" under the field instead.
        multi = self.type_input.itemData(index) == PromotionType.MULTI_USE
        self.uses_input.setValue(max(self.uses_input.value(), 2) if multi else 1)
        self.uses_input.setEnabled(multi)

    def _on_validity_unit_current_index_changed(self, index: int) -> None:
        seconds = int(self.validity_unit.itemData(index))
        self.validity_input.setRange(0, MAX_INTEGER // seconds)

    # --- Qt overrides -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Styled and laid out only now: its minimum size ignores the wrapped hints, and
        # the description field was squeezed below its three lines (its placeholder cut).
        grow_to_fit(self)
