"""The Promotions screen: every promotion in a sortable table, the selected one's details
with a bar chart of its vouchers, and a dialog to create a promotion whose checks mirror
Piggy's."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    MalformedResponse,
    PiggyClient,
    PiggyError,
    Promotion,
    PromotionType,
    VoucherStatus,
)
from piggy_desk.notices import Tone
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.accessibility import label_controls
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, error_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner, ended
from piggy_desk.ui.widgets import MessageBanner, status_look
from piggy_desk.ui.widgets.row_menu import RowMenu
from piggy_desk.ui.widgets.table import HeaderTableModel

MAX_TEXT_LENGTH = 255
"""Piggy's limit on a promotion's name and description, in characters."""
MAX_INTEGER = 2**31 - 1
"""Piggy's integer fields are MySQL INTs."""
SORT_ROLE = Qt.ItemDataRole.UserRole.value + 1
"""The value a column sorts by: numbers for limits and durations, folded text otherwise."""

LOAD_TASK = "promotions-load"
COUNT_TASK = "promotion-counts"
CREATE_TASK = "promotion-create"

VALIDITY_UNITS = (
    (QT_TRANSLATE_NOOP("CreatePromotionDialog", "days"), 86400),
    (QT_TRANSLATE_NOOP("CreatePromotionDialog", "hours"), 3600),
)
CHART_STATUSES = (
    VoucherStatus.ACTIVE,
    VoucherStatus.LOCKED,
    VoucherStatus.INACTIVE,
    VoucherStatus.REDEEMED,
    VoucherStatus.EXPIRED,
    VoucherStatus.DEACTIVATED,
)
# A chart label has less room than the counter's status badge.
_CHART_WORDS = {VoucherStatus.LOCKED: QT_TRANSLATE_NOOP("VoucherChart", "In use at a counter")}
_MIN_BAR = 60
_FIELDS = (
    "name",
    "description",
    "type",
    "redemptions_per_voucher",
    "voucher_limit",
    "limit_per_contact",
    "expiration_duration",
)
MAX_USES = 10_000
"""The most uses per voucher the create dialog offers (a stamp card, not a subscription)."""
TYPES = (
    (PromotionType.SINGLE_USE, QT_TRANSLATE_NOOP("PromotionTexts", "Single use")),
    (PromotionType.MULTI_USE, QT_TRANSLATE_NOOP("PromotionTexts", "Multi-use")),
)
Index = QModelIndex | QPersistentModelIndex


class PromotionTexts(QObject):
    """The texts of promotions that belong to no widget, in the person's language
    (a QObject because lupdate marks plural forms only in ``self.tr`` calls)."""

    _shared: PromotionTexts | None = None

    @classmethod
    def instance(cls) -> PromotionTexts:
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def duration(self, seconds: int | None) -> str:
        if seconds is None or seconds <= 0:
            return self.tr("no expiry")
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self.tr("%Ln day(s)", "", days))
        if hours:
            parts.append(self.tr("%Ln hour(s)", "", hours))
        if minutes:
            parts.append(self.tr("%Ln minute(s)", "", minutes))
        if secs:
            parts.append(self.tr("%Ln second(s)", "", secs))
        return " ".join(parts)

    def limit(self, limit: int | None) -> str:
        return self.tr("no limit") if limit is None else QLocale().toString(limit)

    def kind(self, promotion: Promotion) -> str:
        """'Single use' or 'Multi-use'; empty where Piggy says neither."""
        uses = promotion.uses_per_voucher
        if uses is None and not promotion.type:
            return ""
        if promotion.is_multi_use:
            return self.tr(TYPES[1][1])
        if uses == 1 or (promotion.type or "").upper() == PromotionType.SINGLE_USE:
            return self.tr(TYPES[0][1])
        return promotion.type or ""

    def each_voucher(self, promotion: Promotion) -> str:
        """A sentence on how often each voucher of the promotion can be used; empty where
        Piggy does not say."""
        uses = promotion.uses_per_voucher
        if uses is None:
            return (
                self.tr("Multi-use: each voucher can be used more than once.")
                if (promotion.is_multi_use)
                else ""
            )
        if uses == 1:
            return self.tr("Single use: each voucher can be used once.")
        return self.tr("Multi-use: each voucher can be used %Ln time(s).", "", uses)

    def uses(self, promotion: Promotion) -> str:
        """How often one voucher can be used: 'once', '3 times'; empty where unknown."""
        uses = promotion.uses_per_voucher
        if uses is None:
            return ""
        return self.tr("once") if uses == 1 else self.tr("%Ln time(s)", "", uses)


def duration_text(seconds: int | None) -> str:
    """A validity as a person says it: '30 days', '1 day 12 hours', 'no expiry'."""
    return PromotionTexts.instance().duration(seconds)


def limit_text(limit: int | None) -> str:
    """A voucher limit as shown in the table: the number, or 'no limit'."""
    return PromotionTexts.instance().limit(limit)


def uses_text(promotion: Promotion) -> str:
    """How often each voucher of the promotion can be used ('once', '3 times'), or ''."""
    return PromotionTexts.instance().uses(promotion)


def kind_text(promotion: Promotion) -> str:
    """The promotion's type in words ('Single use', 'Multi-use'), or ''."""
    return PromotionTexts.instance().kind(promotion)


@dataclass(frozen=True, slots=True)
class PromotionDraft:
    """What the create dialog sends: text already trimmed, None where nothing was chosen."""

    name: str
    description: str
    voucher_limit: int | None = None
    limit_per_contact: int | None = None
    expiration_duration: int | None = None
    type: str = PromotionType.SINGLE_USE
    redemptions_per_voucher: int = 1


def check_draft(draft: PromotionDraft) -> dict[str, str]:
    """Piggy's own checks on a new promotion, as field → sentence (empty when all is well)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PromotionDraft", text)

    problems: dict[str, str] = {}
    for field, needed, too_long, text in (
        (
            "name",
            QT_TRANSLATE_NOOP("PromotionDraft", "A promotion needs a name."),
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The name can be at most {max} characters; it has {length}."
            ),
            draft.name,
        ),
        (
            "description",
            QT_TRANSLATE_NOOP("PromotionDraft", "A promotion needs a description."),
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "The description can be at most {max} characters; it has {length}.",
            ),
            draft.description,
        ),
    ):
        if not text.strip():
            problems[field] = tr(needed)
        elif len(text) > MAX_TEXT_LENGTH:
            problems[field] = tr(too_long).format(max=MAX_TEXT_LENGTH, length=len(text))
    for field, sentence, number in (
        (
            "voucher_limit",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The voucher limit must be a whole number from 0 to {max}."
            ),
            draft.voucher_limit,
        ),
        (
            "limit_per_contact",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The limit per customer must be a whole number from 0 to {max}."
            ),
            draft.limit_per_contact,
        ),
        (
            "expiration_duration",
            QT_TRANSLATE_NOOP(
                "PromotionDraft", "The validity must be a whole number from 0 to {max}."
            ),
            draft.expiration_duration,
        ),
    ):
        if number is not None and not 0 <= number <= MAX_INTEGER:
            problems[field] = tr(sentence).format(max=MAX_INTEGER)
    uses = draft.redemptions_per_voucher
    if draft.type == PromotionType.MULTI_USE and not 2 <= uses <= MAX_USES:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP(
                "PromotionDraft",
                "A multi-use voucher can be used from 2 to {max} times.",
            )
        ).format(max=QLocale().toString(MAX_USES))
    elif draft.type == PromotionType.SINGLE_USE and uses != 1:
        problems["redemptions_per_voucher"] = tr(
            QT_TRANSLATE_NOOP("PromotionDraft", "A single-use voucher is used once.")
        )
    return problems


@dataclass(frozen=True, slots=True)
class VoucherCounts:
    """How many vouchers a promotion has: all of them (``issued``) and per status."""

    promotion_uuid: str
    issued: int
    limit: int | None
    by_status: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One bar: its label, its length, its colour and the text after it."""

    label: str
    value: int
    colour: str
    text: str


def chart_rows(counts: VoucherCounts) -> list[ChartRow]:
    """The chart's bars: issued against the limit first, then one per status."""

    locale = QLocale()
    issued, limit = locale.toString(counts.issued), locale.toString(counts.limit or 0)
    if counts.limit is None:
        issued_text = QCoreApplication.translate("VoucherChart", "{issued} (no limit)").format(
            issued=issued
        )
    elif counts.issued >= counts.limit:
        issued_text = QCoreApplication.translate(
            "VoucherChart", "{issued} of {limit}, limit reached"
        ).format(issued=issued, limit=limit)
    else:
        issued_text = QCoreApplication.translate("VoucherChart", "{issued} of {limit}").format(
            issued=issued, limit=limit
        )
    issued_word = QCoreApplication.translate("VoucherChart", "Issued")
    rows = [ChartRow(issued_word, counts.issued, theme.current().chart_other, issued_text)]
    for status in CHART_STATUSES:
        look = status_look(status)
        number = counts.by_status.get(status, 0)
        word = (
            QCoreApplication.translate("VoucherChart", _CHART_WORDS[status])
            if status in _CHART_WORDS
            else look.word
        )
        rows.append(ChartRow(word, number, look.colour, locale.toString(number)))
    return rows


class PromotionsModel(HeaderTableModel):
    """Promotions as rows: name, description, voucher limit, limit per customer, validity,
    uses per voucher."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PromotionsModel", "Name"),
        QT_TRANSLATE_NOOP("PromotionsModel", "Description"),
        QT_TRANSLATE_NOOP("PromotionsModel", "Voucher limit"),
        QT_TRANSLATE_NOOP("PromotionsModel", "Per customer"),
        QT_TRANSLATE_NOOP("PromotionsModel", "Valid for"),
        QT_TRANSLATE_NOOP("PromotionsModel", "Uses per voucher"),
    )
    NUMBER_COLUMNS = frozenset({2, 3, 4, 5})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._promotions: list[Promotion] = []

    def set_promotions(self, promotions: Sequence[Promotion]) -> None:
        self.beginResetModel()
        self._promotions = list(promotions)
        self.endResetModel()

    def promotion(self, row: int) -> Promotion:
        return self._promotions[row]

    def row_of(self, promotion_uuid: str) -> int | None:
        """The row of the promotion with this id, or None."""
        for row, promotion in enumerate(self._promotions):
            if promotion.uuid == promotion_uuid:
                return row
        return None

    def row_total(self) -> int:
        return len(self._promotions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._promotions):
            return None
        promotion = self._promotions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(promotion, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return promotion.name if column == 0 else promotion.description
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBER_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == SORT_ROLE:
            return self._sort_key(promotion, column)
        return None

    @staticmethod
    def _display(promotion: Promotion, column: int) -> str:
        if column == 0:
            return promotion.name
        if column == 1:
            return promotion.description
        if column == 2:
            return limit_text(promotion.voucher_limit)
        if column == 3:
            return limit_text(promotion.limit_per_contact)
        if column == 4:
            return duration_text(promotion.expiration_duration)
        return uses_text(promotion) or "—"

    @staticmethod
    def _sort_key(promotion: Promotion, column: int) -> object:
        # "no limit" and "no expiry" sort as the largest values.
        if column == 0:
            return promotion.name.casefold()
        if column == 1:
            return promotion.description.casefold()
        number = (
            promotion.voucher_limit,
            promotion.limit_per_contact,
            promotion.expiration_duration or None,
            promotion.uses_per_voucher,
        )[column - 2]
        return float("inf") if number is None else float(number)


class PromotionsController(QObject):
    """Loads, counts and creates promotions on the loop; results come back as signals.

    Signals:
        promotions_loaded(list[Promotion]): the account's promotions arrived.
        loading_failed(PiggyError): the promotions could not be loaded.
        counts_loaded(VoucherCounts): a promotion's voucher counts arrived.
        counting_failed(str, PiggyError): the vouchers of the promotion with this id
            could not be counted.
        promotion_created(Promotion): Piggy made the new promotion.
        creation_failed(PiggyError): Piggy did not make it (or did not say).
    """

    promotions_loaded = Signal(object)
    loading_failed = Signal(object)
    counts_loaded = Signal(object)
    counting_failed = Signal(str, object)
    promotion_created = Signal(object)
    creation_failed = Signal(object)

    def __init__(self, client: PiggyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client

    async def load_promotions(self) -> None:
        try:
            promotions = await self._client.promotions.list()
        except PiggyError as error:
            self.loading_failed.emit(error)
            return
        self.promotions_loaded.emit(promotions)

    async def count_vouchers(self, promotion: Promotion) -> None:
        """Ask for the total and each status's total at once (one small request each)."""
        uuid = promotion.uuid
        vouchers = self._client.vouchers
        answers = await asyncio.gather(
            vouchers.list(promotion_uuid=uuid, limit=1),
            *(vouchers.list(promotion_uuid=uuid, status=s, limit=1) for s in CHART_STATUSES),
            return_exceptions=True,
        )
        totals: list[int] = []
        for answer in answers:
            if isinstance(answer, PiggyError):
                self.counting_failed.emit(uuid, answer)
                return
            if isinstance(answer, BaseException):
                raise answer
            if answer.total is None:
                self.counting_failed.emit(
                    uuid, MalformedResponse("Piggy's list answer has no total.")
                )
                return
            totals.append(answer.total)
        counts = VoucherCounts(
            promotion_uuid=uuid,
            issued=totals[0],
            limit=promotion.voucher_limit,
            by_status=dict(zip(CHART_STATUSES, totals[1:], strict=True)),
        )
        self.counts_loaded.emit(counts)

    async def create_promotion(self, draft: PromotionDraft) -> None:
        try:
            promotion = await self._client.promotions.create(
                draft.name,
                draft.description,
                voucher_limit=draft.voucher_limit,
                limit_per_contact=draft.limit_per_contact,
                expiration_duration=draft.expiration_duration,
                type=draft.type,
                redemptions_per_voucher=draft.redemptions_per_voucher,
            )
        except PiggyError as error:
            self.creation_failed.emit(error)
            return
        self.promotion_created.emit(promotion)


class VoucherChart(QWidget):
    """A promotion's vouchers at a glance: issued against the voucher limit, then one bar
    per status, each labelled with its word and its number (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promotionChart")
        self.setAccessibleName(self.tr("Vouchers of this promotion"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # its figures are its description
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.counts: VoucherCounts | None = None
        self.rows: list[ChartRow] = []
        self.message = ""
        self.show_message(self.tr("Select a promotion to see its vouchers."))

    def set_counts(self, counts: VoucherCounts) -> None:
        self.counts = counts
        self.rows = chart_rows(counts)
        self.message = ""
        self.setAccessibleDescription("; ".join(f"{r.label}: {r.text}" for r in self.rows))
        self.updateGeometry()
        self.update()

    def show_message(self, text: str) -> None:
        """Show a sentence instead of bars (nothing selected, counting, failed)."""
        self.counts = None
        self.rows = []
        self.message = text
        self.setAccessibleDescription(text)
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(420, self._row_height(metrics) * (1 + len(CHART_STATUSES)) + self._gap())

    def minimumSizeHint(self) -> QSize:
        """Room for every label and number beside a short bar: nothing is ever cut off."""
        label_width, text_width = self._columns(QFontMetrics(self.font()))
        return QSize(max(300, label_width + text_width + _MIN_BAR), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hasFocus():  # the focus ring, as every other control has
            painter.setPen(QPen(QColor(theme.current().focus), 3))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        metrics = QFontMetrics(self.font())
        if not self.rows:
            painter.setPen(QColor(theme.current().muted))
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            painter.end()
            return
        row_height = self._row_height(metrics)
        label_width, text_width = self._columns(metrics)
        bar_room = max(_MIN_BAR, self.width() - label_width - text_width)
        limit = self.counts.limit if self.counts is not None else None
        scale = max(1, limit or 0, *(row.value for row in self.rows))
        y = 0.0
        for number, row in enumerate(self.rows):
            if number == 1:
                y += self._gap()
                painter.setPen(QPen(QColor(theme.current().border), 1))
                painter.drawLine(
                    0, int(y - self._gap() / 2), self.width(), int(y - self._gap() / 2)
                )
            bar_top, bar_height = y + row_height * 0.18, row_height * 0.64
            painter.setPen(QColor(theme.current().text))
            painter.drawText(
                QRectF(0, y, label_width - 10, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row.label,
            )
            track = bar_room * limit / scale if number == 0 and limit else 0.0
            if track:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.current().border))
                painter.drawRoundedRect(QRectF(label_width, bar_top, track, bar_height), 3, 3)
            length = bar_room * row.value / scale
            if row.value and length < 3:
                length = 3.0  # one voucher among thousands still shows
            if length:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(row.colour))
                painter.drawRoundedRect(QRectF(label_width, bar_top, length, bar_height), 3, 3)
            end = label_width + max(track, length)
            painter.setPen(QColor(theme.current().text))
            painter.drawText(
                QRectF(end + 8, y, self.width() - end - 8, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.text,
            )
            y += row_height
        painter.end()

    def _columns(self, metrics: QFontMetrics) -> tuple[int, int]:
        """The widths of the label column and of the number after the longest bar."""
        rows = self.rows or [ChartRow(self.tr(_CHART_WORDS[VoucherStatus.LOCKED]), 0, "", "")]
        label_width = max(metrics.horizontalAdvance(row.label) for row in rows) + 16
        text_width = max(metrics.horizontalAdvance(row.text) for row in rows) + 16
        return label_width, text_width

    @staticmethod
    def _row_height(metrics: QFontMetrics) -> int:
        return max(28, metrics.height() + 12)

    @staticmethod
    def _gap() -> int:
        return 10


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

    def __init__(self, messages: MessagePath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createPromotionDialog")
        self.setWindowTitle(self.tr("New promotion"))
        self._messages = messages
        self._error: PiggyError | None = None
        self.errors: dict[str, QLabel] = {}
        self.busy = False
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.banner = MessageBanner(self)
        self.banner.details_requested.connect(self._on_banner_details_requested)
        self.name_input = QLineEdit(self)
        self.name_input.setObjectName("nameInput")
        self.name_input.setPlaceholderText(self.tr("What the customer sees, e.g. Free coffee"))
        self.name_input.setAccessibleName(self.tr("Name"))
        self.description_input = _DescriptionEdit(self)
        self.description_input.setObjectName("descriptionInput")
        self.description_input.setPlaceholderText(
            self.tr("One or two sentences on what the voucher gives")
        )
        self.description_input.setAccessibleName(self.tr("Description"))
        self.description_input.setTabChangesFocus(True)
        self.type_input = QComboBox(self)
        self.type_input.setObjectName("typeInput")
        self.type_input.setAccessibleName(self.tr("Type"))
        for kind, word in TYPES:
            self.type_input.addItem(QCoreApplication.translate("PromotionTexts", word), str(kind))
        self.uses_input = QSpinBox(self)
        self.uses_input.setObjectName("usesInput")
        self.uses_input.setAccessibleName(self.tr("Uses per voucher"))
        self.uses_input.setRange(1, MAX_USES)
        self.type_input.currentIndexChanged.connect(self._on_type_input_current_index_changed)
        self._on_type_input_current_index_changed(0)
        self.voucher_limit_input = _LimitSpinBox(self.tr("No limit"), MAX_INTEGER, self)
        self.voucher_limit_input.setObjectName("voucherLimitInput")
        self.voucher_limit_input.setAccessibleName(self.tr("Voucher limit"))
        self.limit_per_contact_input = _LimitSpinBox(self.tr("No limit"), MAX_INTEGER, self)
        self.limit_per_contact_input.setObjectName("limitPerContactInput")
        self.limit_per_contact_input.setAccessibleName(self.tr("Vouchers per customer"))
        self.validity_input = QSpinBox(self)
        self.validity_input.setObjectName("validityAmountInput")
        self.validity_input.setAccessibleName(self.tr("Vouchers valid for"))
        self.validity_input.setSpecialValueText(self.tr("No expiry"))
        self.validity_unit = QComboBox(self)
        self.validity_unit.setObjectName("validityUnitInput")
        self.validity_unit.setAccessibleName(self.tr("Unit of the validity"))
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
        # At least as wide as the labels and hints need (Dutch labels are longer).
        self.setMinimumWidth(max(560, layout.totalMinimumSize().width()))

    def _field_with_error(self, field: str, widget: QWidget | QHBoxLayout, hint: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
        if hint:
            note = QLabel(hint, box)
            note.setProperty("fieldHint", True)
            column.addWidget(note)
        error = QLabel(box)
        error.setObjectName(f"error_{field}")
        error.setProperty("fieldError", True)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        column.addWidget(error)
        self.errors[field] = error
        return box

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
        for field in _FIELDS:
            self._clear_error(field)
        first: str | None = None
        for field in _FIELDS:
            problem = problems.get(field)
            if not problem:
                continue
            text = problem if isinstance(problem, str) else " ".join(problem)
            self.errors[field].setText(text)
            self.errors[field].show()
            self._input_of(field).setAccessibleDescription(text)
            first = first or field
        self._grow()
        if first is not None:
            self._input_of(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failure(self, sentence: str, error: PiggyError | None) -> None:
        """A problem that belongs to no field, as a sentence above the fields."""
        self._error = error
        self.banner.show_notice(Tone.ERROR, sentence, has_details=error is not None)
        self.banner.show()
        self._grow()

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

    def _clear_error(self, field: str) -> None:
        self.errors[field].clear()
        self.errors[field].hide()
        self._input_of(field).setAccessibleDescription("")

    def _grow(self) -> None:
        # A window's minimum size ignores height-for-width (the wrapped messages), so the
        # dialog is made tall enough by hand; otherwise a message sits on its field.
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalMinimumSize().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_buttons_accepted(self) -> None:
        if self.busy:
            return
        draft = self.draft()
        problems = check_draft(draft)
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
        multi = self.type_input.itemData(index) == PromotionType.MULTI_USE
        self.uses_input.setMinimum(2 if multi else 1)
        self.uses_input.setValue(max(self.uses_input.value(), 2) if multi else 1)
        self.uses_input.setEnabled(multi)

    def _on_validity_unit_current_index_changed(self, index: int) -> None:
        seconds = int(self.validity_unit.itemData(index))
        self.validity_input.setRange(0, MAX_INTEGER // seconds)

    def _on_banner_details_requested(self) -> None:
        if self._error is not None:
            self._messages.show_details(self._error, parent=self)


class PromotionsScreen(QWidget):
    """The manager's promotions: a sortable table, the selected one's details and voucher
    chart, and "New promotion…". Problems show as a sentence with Details, never a trace.

    Signals:
        promotion_selected(object): the promotion now shown in the details (None for none).
        promotion_created(Promotion): a promotion was created from this screen.
    """

    promotion_selected = Signal(object)
    promotion_created = Signal(object)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        messages: MessagePath,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promotionsScreen")
        self._tasks = tasks
        self._messages = messages
        self._error: PiggyError | None = None
        self._select_after_load: str | None = None
        self._shown_uuid: str | None = None
        self._loaded = False
        self.create_dialog: CreatePromotionDialog | None = None
        self.controller = PromotionsController(client, self)
        self.model = PromotionsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._setup_ui()
        self.controller.promotions_loaded.connect(self._on_controller_promotions_loaded)
        self.controller.loading_failed.connect(self._on_controller_loading_failed)
        self.controller.counts_loaded.connect(self._on_controller_counts_loaded)
        self.controller.counting_failed.connect(self._on_controller_counting_failed)
        self.controller.promotion_created.connect(self._on_controller_promotion_created)
        self.controller.creation_failed.connect(self._on_controller_creation_failed)
        self._show_details(None)

    def _setup_ui(self) -> None:
        self.title = QLabel(self.tr("Promotions"), self)
        self.title.setObjectName("promotionsTitle")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshPromotionsButton")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.new_button = QPushButton(self.tr("New promotion…"), self)
        self.new_button.setObjectName("newPromotionButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.new_button)

        self.banner = MessageBanner(self)
        self.banner.details_requested.connect(self._on_banner_details_requested)
        self.banner.hide()

        self.table = QTableView(self)
        self.table.setObjectName("promotionsTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Promotions"))
        self.table.setAccessibleDescription(self.tr("Arrow keys choose a promotion to see it"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.row_menu = RowMenu(self.table, (self.refresh_button, self.new_button))

        self.details = QStackedWidget(self)
        self.details.setObjectName("promotionDetails")
        self.placeholder = QLabel(self.details)
        self.placeholder.setObjectName("promotionPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.details.addWidget(self.placeholder)
        self.details.addWidget(self._details_page())

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("promotionsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        # Tab in the order the screen is read: the buttons above the table, the table, its
        # details and the chart (after the splitter took the table, which reorders the
        # chain). Focus still arrives in the table (the main window puts it there: as a
        # focus proxy the table came first after the tab bar and Tab skipped the buttons).
        details = self.banner.findChild(QPushButton, "detailsButton")
        chain = [self.refresh_button, self.new_button, details, self.table, self.details_page]
        for before, after in itertools.pairwise([w for w in [*chain, self.chart] if w]):
            QWidget.setTabOrder(before, after)

    def _details_page(self) -> QWidget:
        page = QFrame(self.details)
        page.setObjectName("promotionDetailsPage")
        # One Tab stop a screen reader reads whole (its facts are labels, out of reach).
        page.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details_page = page
        self.detail_name = QLabel(page)
        self.detail_name.setObjectName("detailName")
        self.detail_name.setWordWrap(True)
        self.detail_name.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_description = QLabel(page)
        self.detail_description.setObjectName("detailDescription")
        self.detail_description.setWordWrap(True)
        self.detail_description.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.detail_values: dict[str, QLabel] = {}
        for key, label in (
            ("voucher_limit", self.tr("Voucher limit:")),
            ("limit_per_contact", self.tr("Per customer:")),
            ("validity", self.tr("Valid for:")),
            ("type", self.tr("Type:")),
            ("uses", self.tr("Uses per voucher:")),
            ("uuid", self.tr("ID:")),
        ):
            value = QLabel(page)
            value.setObjectName(f"detail_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            # An id is one word: wrapped at its hyphens, its second line was cut off.
            value.setWordWrap(key != "uuid")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_values[key] = value
            self.facts.addRow(label, value)
        attributes_heading = QLabel(self.tr("Custom attributes"), page)
        attributes_heading.setObjectName("detailsHeading")
        self.facts.addRow(attributes_heading)
        self._fixed_rows = self.facts.rowCount()
        left = QVBoxLayout()
        left.addWidget(self.detail_name)
        left.addWidget(self.detail_description)
        left.addLayout(self.facts)
        left.addStretch(1)

        chart_heading = QLabel(self.tr("Vouchers"), page)
        chart_heading.setObjectName("detailsHeading")
        self.chart = VoucherChart(page)
        right = QVBoxLayout()
        right.addWidget(chart_heading)
        right.addWidget(self.chart)
        right.addStretch(1)

        row = QHBoxLayout(page)
        row.addLayout(left, 1)
        row.addSpacing(16)
        row.addLayout(right, 1)
        return page

    @property
    def current_promotion(self) -> Promotion | None:
        """The promotion shown in the details, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.promotion(self.proxy.mapToSource(index).row())

    def refresh(self) -> None:
        """Load the promotions again (the selection stays where it was)."""
        self._tasks.start(self.controller.load_promotions(), name=LOAD_TASK)

    def load(self) -> asyncio.Future[Any]:
        """Load the promotions and show them; what it gives back ends once they are shown
        (or the load failed and says so). A later refresh supersedes this one."""
        return ended(self._tasks.start(self.controller.load_promotions(), name=LOAD_TASK))

    def select_promotion(self, promotion_uuid: str) -> bool:
        """Select the promotion with this id in the table; False when it is not listed."""
        row = self.model.row_of(promotion_uuid)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_create_dialog(self) -> CreatePromotionDialog:
        """Open the create dialog (window-modal, never ``exec``); the open one if there is one."""
        if self.create_dialog is not None:
            self.create_dialog.raise_()
            self.create_dialog.activateWindow()
            return self.create_dialog
        dialog = CreatePromotionDialog(self._messages, self)
        dialog.submitted.connect(self._on_dialog_submitted)
        dialog.finished.connect(self._on_dialog_finished)
        self.create_dialog = dialog
        label_controls(dialog)
        dialog.open()
        # The name first (Qt gave the focus to the default button, Create promotion).
        dialog.name_input.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    # --- slots ------------------------------------------------------------------------

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_new_button_clicked(self) -> None:
        self.open_create_dialog()

    def _on_banner_details_requested(self) -> None:
        if self._error is not None:
            self._messages.show_details(self._error, parent=self)

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        promotion = self.current_promotion
        uuid = promotion.uuid if promotion is not None else None
        if uuid == self._shown_uuid:
            return  # the same promotion, moved by sorting
        self._shown_uuid = uuid
        self._show_details(promotion)
        self.promotion_selected.emit(promotion)
        if promotion is None:
            return
        self.chart.show_message(self.tr("Counting vouchers…"))
        self._tasks.start(self.controller.count_vouchers(promotion), name=COUNT_TASK)

    def _on_controller_promotions_loaded(self, promotions: list[Promotion]) -> None:
        shown = self.current_promotion
        wanted = self._select_after_load or (shown.uuid if shown else None)
        self._select_after_load = None
        self._shown_uuid = None  # shown again, counted again
        self._loaded = True
        self.model.set_promotions(promotions)
        self.title.setText(self.tr("Promotions ({count})").format(count=len(promotions)))
        columns = self.table.horizontalHeader()
        self.table.resizeColumnToContents(0)
        columns.resizeSection(0, min(max(columns.sectionSize(0), 160), 320))
        if self.banner.tone == Tone.ERROR:
            self.banner.clear()
            self.banner.hide()
        if not (wanted and self.select_promotion(wanted)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        if not self.proxy.rowCount():
            self._show_details(None)

    def _on_controller_loading_failed(self, error: PiggyError) -> None:
        self._say(
            Tone.ERROR,
            self.tr("The promotions could not be loaded. {problem}").format(
                problem=error_text(error)
            ),
            error,
        )
        if not self.model.rowCount():
            self.placeholder.setText(self.tr("The promotions could not be loaded."))

    def _on_controller_counts_loaded(self, counts: VoucherCounts) -> None:
        shown = self.current_promotion
        if shown is not None and shown.uuid == counts.promotion_uuid:
            self.chart.set_counts(counts)

    def _on_controller_counting_failed(self, promotion_uuid: str, error: PiggyError) -> None:
        shown = self.current_promotion
        if shown is None or shown.uuid != promotion_uuid:
            return
        self.chart.show_message(self.tr("The vouchers could not be counted."))
        self._say(
            Tone.ERROR,
            self.tr("The vouchers of “{name}” could not be counted. {problem}").format(
                name=shown.name, problem=error_text(error)
            ),
            error,
        )

    def _on_dialog_submitted(self, draft: PromotionDraft) -> None:
        if self.create_dialog is not None:
            self.create_dialog.set_busy(True)
        self._tasks.start(self.controller.create_promotion(draft), name=CREATE_TASK)

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.create_dialog = self.create_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_controller_promotion_created(self, promotion: Promotion) -> None:
        if self.create_dialog is not None:
            self.create_dialog.accept()
        self._say(
            Tone.SUCCESS,
            self.tr("The promotion “{name}” was created.").format(name=promotion.name),
            None,
        )
        self._select_after_load = promotion.uuid
        self.refresh()
        self.promotion_created.emit(promotion)

    def _on_controller_creation_failed(self, error: PiggyError) -> None:
        dialog = self.create_dialog
        if dialog is not None:
            dialog.set_busy(False)
        if dialog is not None and error.field_errors:
            dialog.show_problems(error.field_errors)
            unplaced = [
                " ".join(problems)
                for field, problems in error.field_errors.items()
                if field not in dialog.errors
            ]
            dialog.show_failure(
                " ".join(unplaced)
                if unplaced
                else self.tr("Piggy did not accept some details: see below."),
                error,
            )
            return
        if error.ambiguous:
            sentence = self.tr(
                "Piggy did not confirm the new promotion. {problem} "
                "It may have been made: check the list before you try again."
            ).format(problem=error_text(error))
            self.refresh()
        else:
            sentence = self.tr("The promotion was not created. {problem}").format(
                problem=error_text(error)
            )
        if dialog is not None:
            dialog.show_failure(sentence, error)
        else:
            self._say(Tone.ERROR, sentence, error)

    # --- rendering ----------------------------------------------------------------------

    def _say(self, tone: Tone, sentence: str, error: PiggyError | None) -> None:
        self._error = error
        self.banner.show_notice(tone, sentence, has_details=error is not None)
        self.banner.show()
        if error is not None:
            self._messages.log_notice(sentence, error)

    def _show_details(self, promotion: Promotion | None) -> None:
        if promotion is None:
            if not self._loaded:
                text = self.tr("The promotions have not been loaded yet.")
            elif self.model.rowCount():
                text = self.tr("Select a promotion in the table to see its details.")
            else:
                text = self.tr("No promotions yet. Make one with “New promotion…”.")
            self.placeholder.setText(text)
            self.details.setCurrentWidget(self.placeholder)
            self.chart.show_message(self.tr("Select a promotion to see its vouchers."))
            return
        self.details.setCurrentIndex(1)
        self.detail_name.setText(promotion.name)
        self.detail_description.setText(promotion.description)
        limit = promotion.voucher_limit
        self._set_fact(
            "voucher_limit",
            self.tr("no limit") if limit is None else self.tr("%Ln voucher(s)", "", limit),
        )
        per_contact = promotion.limit_per_contact
        self._set_fact(
            "limit_per_contact",
            self.tr("no limit")
            if per_contact is None
            else self.tr("%Ln voucher(s) per customer", "", per_contact),
        )
        self._set_fact("validity", duration_text(promotion.expiration_duration))
        self._set_fact("uses", uses_text(promotion))
        self._set_fact("type", kind_text(promotion))
        self._set_fact("uuid", promotion.uuid)
        while self.facts.rowCount() > self._fixed_rows:
            self.facts.removeRow(self._fixed_rows)
        if not promotion.attributes:
            none = QLabel(self.tr("none"), self)
            none.setObjectName("attributesNone")
            self.facts.addRow("", none)
        for key, value in promotion.attributes.items():
            shown = QLabel("—" if value is None or value == "" else str(value), self)
            shown.setObjectName(f"attribute_{key}")
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            key_label = QLabel(f"{key}:", self)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            self.facts.addRow(key_label, shown)
        self.details_page.setAccessibleName(self._details_text())

    def _details_text(self) -> str:
        """The details as one text, in the order they are shown."""
        parts = [self.detail_name.text(), self.detail_description.text()]
        for row in range(self.facts.rowCount()):
            texts = []
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                         QFormLayout.ItemRole.SpanningRole):  # fmt: skip
                item = self.facts.itemAt(row, role)
                shown = item.widget() if item is not None else None
                if isinstance(shown, QLabel) and not shown.isHidden() and shown.text():
                    texts.append(shown.text())
            parts.append(" ".join(texts))
        return ". ".join(part.rstrip(".") for part in parts if part) + "."

    def _set_fact(self, key: str, text: str) -> None:
        value = self.detail_values[key]
        value.setText(text)
        value.setVisible(bool(text))
        label = self.facts.labelForField(value)
        if label is not None:
            label.setVisible(bool(text))
