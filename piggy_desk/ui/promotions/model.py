"""The promotions as rows of a sortable table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    Qt,
)

from piggy_desk.api import (
    Promotion,
)
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP
from piggy_desk.ui.promotions.texts import duration_text, limit_text, uses_text
from piggy_desk.ui.widgets.table import Index, ListTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole.value + 1
"""The value a column sorts by: numbers for limits and durations, folded text otherwise."""


class PromotionsModel(ListTableModel[Promotion]):
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

    def set_promotions(self, promotions: Sequence[Promotion]) -> None:
        self.set_rows(promotions)

    def promotion(self, row: int) -> Promotion:
        return self.rows[row]

    def row_of(self, promotion_uuid: str) -> int | None:
        """The row of the promotion with this id, or None."""
        for row, promotion in enumerate(self.rows):
            if promotion.uuid == promotion_uuid:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        promotion = self.rows[index.row()]
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
