"""The shop a counter books its redemptions to: chosen from the account's shops when Piggy
lists them, typed as a UUID when the token may not list them.

The UUID field (``uuid_input``) holds the one value kept; choosing a shop in the list
writes its UUID there. With a list, the field shows only for "Another shop", a shop the
list does not have; without one (not asked yet, refused, or failed) it works on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from piggy_desk.api import PiggyAPIError, PiggyError, Shop
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, error_text, translate
from piggy_desk.ui.widgets.form import hint_label, stacked

SHOP_TYPES = {
    "physical": QT_TRANSLATE_NOOP("ShopPicker", "shop"),
    "web": QT_TRANSLATE_NOOP("ShopPicker", "web shop"),
}
"""Piggy's shop types as the list names them (English sources); others are shown as sent."""
NOT_LISTED_STATUSES = frozenset({403, 404})
ANOTHER_SHOP = "\x00another"
"""The list entry's data for a shop the list does not have (no UUID can be this)."""


def shop_text(shop: Shop) -> str:
    """One line for a shop: its name, its kind and its reference, as far as Piggy sent them."""
    parts = [shop.name or shop.uuid]
    if shop.type:
        source = SHOP_TYPES.get(shop.type)
        parts.append(translate("ShopPicker", source) if source else shop.type)
    if shop.reference:
        parts.append(shop.reference)
    if shop.id is not None:
        parts.append(f"#{shop.id}")
    return " · ".join(parts)


def shops_failure_sentence(error: PiggyError) -> str:
    """Why there is no list of shops, and what to do instead."""
    if isinstance(error, PiggyAPIError) and error.status_code in NOT_LISTED_STATUSES:
        return translate(
            "ShopPicker",
            "Piggy does not list the shops for this token. Type the shop's UUID from the "
            "Piggy dashboard, or leave it empty.",
        )
    return translate(
        "ShopPicker",
        "The shops could not be listed ({reason}). Type the shop's UUID, or leave it empty.",
    ).format(reason=error_text(error).rstrip("."))


class ShopPicker(QWidget):
    """A list of the account's shops above the shop UUID field, and a note when there is none.

    Signals:
        edited(): the person changed the shop (by the list or by typing).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shops: list[Shop] = []
        self._setup_ui()

    def uuid(self) -> str:
        """The chosen or typed shop UUID, trimmed ("" for none)."""
        return self.uuid_input.text().strip()

    def set_uuid(self, shop_uuid: str) -> None:
        """Show ``shop_uuid`` in the field, and as chosen in the list when it is there."""
        self.uuid_input.setText(shop_uuid)
        self._choose_typed()

    def set_shops(self, shops: Sequence[Shop]) -> None:
        """Offer ``shops`` in the list; the UUID field keeps what it holds."""
        self.shops = list(shops)
        blocked = self.choice.blockSignals(True)
        try:
            self.choice.clear()
            self.choice.addItem(self.tr("No shop"), "")
            for shop in self.shops:
                self.choice.addItem(shop_text(shop), shop.uuid)
                self.choice.setItemData(
                    self.choice.count() - 1, shop.uuid, Qt.ItemDataRole.ToolTipRole
                )
            self.choice.addItem(self.tr("Another shop (type its UUID)"), ANOTHER_SHOP)
        finally:
            self.choice.blockSignals(blocked)
        self.choice.setVisible(True)
        if self.shops:
            self.note.clear()
            self.note.hide()
        else:
            self._show_note(self.tr("Piggy lists no shops for this account."))
        self._choose_typed()

    def clear_shops(self) -> None:
        """Forget the list and its note (a new connection is being tested)."""
        self.shops = []
        self.choice.clear()
        self.choice.hide()
        self.uuid_input.show()
        self.note.clear()
        self.note.hide()

    def set_unavailable(self, sentence: str) -> None:
        """No list: hide it and say why under the field, which stays for typing."""
        self.shops = []
        self.choice.clear()
        self.choice.hide()
        self.uuid_input.show()
        self._show_note(sentence)

    # --- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.choice = QComboBox(self)
        self.choice.setObjectName("shopChoice")
        self.choice.setAccessibleName(self.tr("Shop"))
        # As wide as the form gives it: a long shop name is cut, not the form widened.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        self.choice.hide()
        self.choice.activated.connect(self._on_choice_activated)
        self.uuid_input = QLineEdit(self)
        self.uuid_input.setObjectName("shopUuidInput")
        self.uuid_input.setAccessibleName(self.tr("Shop UUID"))
        self.uuid_input.setMaxLength(256)
        self.uuid_input.setPlaceholderText(self.tr("optional"))
        self.uuid_input.textEdited.connect(self._on_uuid_input_edited)
        self.note = hint_label(self, "")
        self.note.setObjectName("shopNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()
        stacked(self, self.choice, self.uuid_input, self.note)

    def _show_note(self, sentence: str) -> None:
        self.note.setText(sentence)
        self.note.show()

    def _choose_typed(self, *, typing: bool = False) -> None:
        if not self.choice.count():
            return
        index = self.choice.findData(self.uuid())
        if index < 0 or (typing and not self.uuid()):
            index = self.choice.findData(ANOTHER_SHOP)
        blocked = self.choice.blockSignals(True)
        try:
            self.choice.setCurrentIndex(index)
        finally:
            self.choice.blockSignals(blocked)
        if not typing:  # the field being typed in stays
            self.uuid_input.setVisible(self.choice.currentData() == ANOTHER_SHOP)

    # --- slots --------------------------------------------------------------------------

    def _on_choice_activated(self, index: int) -> None:
        chosen = str(self.choice.itemData(index) or "")
        if chosen == ANOTHER_SHOP:
            self.uuid_input.clear()
            self.uuid_input.show()
            self.uuid_input.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.uuid_input.setText(chosen)
            self.uuid_input.hide()
        self.edited.emit()

    def _on_uuid_input_edited(self, _text: str) -> None:
        self._choose_typed(typing=True)
        self.edited.emit()
