"""The settings screen's sections: the Piggy connection, the manager PIN, the scanner's
layout and the counter's habits, each a group of rows with their error sentences."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.settings import LANGUAGES, PIN_DIGITS, SETTING_KEYS, THEMES, Settings
from piggy_desk.token_store import MAX_TOKEN_LENGTH
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, translate
from piggy_desk.ui.settings.scanner_test import ScannerLayoutChoice
from piggy_desk.ui.widgets.form import CheckedFields, hint_label
from piggy_desk.ui.widgets.shop_picker import ShopPicker
from piggy_desk.ui.widgets.sign_in import SignInChoice

TRAINING_TOKEN = QT_TRANSLATE_NOOP(
    "SettingsScreen",
    "The sandbox made a token for this training session; it is not kept.",
)
PIN_SET = QT_TRANSLATE_NOOP(
    "SettingsScreen", "A manager PIN is set. Type a new one twice to change it."
)
NO_PIN = QT_TRANSLATE_NOOP(
    "SettingsScreen", "No manager PIN is set: anyone can open the manager screens."
)
LOCKED_SENTENCE = QT_TRANSLATE_NOOP(
    "SettingsScreen", "Set by the shop's IT for every counter: it cannot be changed here."
)
THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("SettingsScreen", "Like this computer"),
    "light": QT_TRANSLATE_NOOP("SettingsScreen", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsScreen", "Dark"),
}
"""The theme choices as the screen names them (English sources)."""


class SettingsFields(CheckedFields):
    """The settings screen's checked fields, and the note under each setting that the
    system-wide file locks (``locked``: the names of those settings)."""

    def __init__(self, locked: Collection[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locked = frozenset(locked)
        self.locked_notes: dict[str, QLabel] = {}
        self.edited.connect(self.clear_error)

    def locked_note(self, parent: QWidget, key: str) -> QLabel:
        """The sentence under a setting the system-wide file locks (hidden until then)."""
        note = hint_label(parent, translate("SettingsScreen", LOCKED_SENTENCE))
        note.setObjectName(f"locked_{key}")
        note.hide()
        self.locked_notes[key] = note
        return note

    def notes_for(self, parent: QWidget, key: str) -> Sequence[QLabel]:
        """The locked note of a setting the files can lock."""
        return [self.locked_note(parent, key)] if key in SETTING_KEYS else []


class Section(QGroupBox):
    """A titled group of settings laid out as a form."""

    def __init__(self, title: str, fields: SettingsFields, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.fields = fields

    def show_settings(self, settings: Settings) -> None:
        """Fill the section's fields from ``settings``; typed secrets are cleared."""
        raise NotImplementedError

    def _row(
        self, form: QFormLayout, key: str, label: str, field: QWidget | QLayout, hint: str = ""
    ) -> None:
        self.fields.add_row(form, self, key, label, field, hint=hint)

    def _form(self) -> QFormLayout:
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form


class ConnectionSection(Section):
    """Piggy's address, the way to sign in (a token, or an OAuth client's id and secret,
    replaced but never shown) and the shop."""

    def __init__(self, fields: SettingsFields, parent: QWidget) -> None:
        super().__init__(self.tr("Piggy connection"), fields, parent)
        self.base_url_input = fields.line_edit(
            self,
            "baseUrlInput",
            self.tr("Piggy address"),
            2048,
            "base_url",
            placeholder="https://api.piggy.eu",
        )
        self.token_state = QLabel(self)
        self.token_state.setObjectName("tokenState")
        self.token_state.setWordWrap(True)
        self.token_state.setText(self.tr("Looking for a kept token…"))
        self.token_input = fields.line_edit(
            self, "tokenInput", self.tr("Replace token"), MAX_TOKEN_LENGTH, "token",
            placeholder=self.tr("Replace token…"), secret=True,
        )  # fmt: skip
        self.remove_token_button = QPushButton(self.tr("Remove token"), self)
        self.remove_token_button.setObjectName("removeTokenButton")
        self.remove_token_button.setAutoDefault(False)
        state_line = QHBoxLayout()
        state_line.setContentsMargins(0, 0, 0, 0)
        state_line.addWidget(self.token_state, 1)
        state_line.addWidget(self.remove_token_button, 0, Qt.AlignmentFlag.AlignTop)
        token_box = self._box()
        token_box.addLayout(state_line)
        token_box.addWidget(self.token_input)
        self.sign_in = SignInChoice(self)
        self.sign_in.changed.connect(self._on_sign_in_changed)
        fields.inputs["auth"] = self.sign_in.token_button
        self.client_id_input = fields.line_edit(
            self, "clientIdInput", self.tr("OAuth client id"), 255, "client_id"
        )
        self.client_secret_state = QLabel(self)
        self.client_secret_state.setObjectName("clientSecretState")
        self.client_secret_state.setWordWrap(True)
        self.client_secret_input = fields.line_edit(
            self, "clientSecretInput", self.tr("Replace client secret"), MAX_TOKEN_LENGTH,
            "client_secret", placeholder=self.tr("Replace client secret…"), secret=True,
        )  # fmt: skip
        secret_box = self._box()
        secret_box.addWidget(self.client_secret_state)
        secret_box.addWidget(self.client_secret_input)
        self.shop_picker = ShopPicker(self)
        self.shop_picker.edited.connect(lambda: fields.clear_error("shop_uuid"))
        self.shop_uuid_input = self.shop_picker.uuid_input
        fields.inputs["shop_uuid"] = self.shop_uuid_input
        self._add_rows(token_box, secret_box)

    def _add_rows(self, token_box: QLayout, secret_box: QLayout) -> None:
        form = self._form()
        add = self._row
        add(form, "base_url", self.tr("Piggy address:"), self.base_url_input)
        add(form, "auth", self.tr("Sign in with:"), self.sign_in)
        add(
            form,
            "token",
            self.tr("API token:"),
            token_box,
            self.tr("A new Personal Access Token pasted above is kept when you save."),
        )
        add(form, "client_id", self.tr("Client id:"), self.client_id_input)
        add(
            form,
            "client_secret",
            self.tr("Client secret:"),
            secret_box,
            self.tr("Piggy Desk exchanges the id and secret for access tokens that expire."),
        )
        add(
            form,
            "shop_uuid",
            self.tr("Shop:"),
            self.shop_picker,
            self.tr("The shop redemptions are booked to. Empty: none."),
        )

    @staticmethod
    def _box() -> QVBoxLayout:
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        return box

    def show_settings(self, settings: Settings) -> None:
        self.base_url_input.setText(settings.base_url)
        self.shop_picker.set_uuid(settings.shop_uuid or "")
        self.token_input.clear()
        self.sign_in.set_kind(settings.auth)
        self.client_id_input.setText(settings.client_id or "")
        self.client_secret_input.clear()
        self.show_sign_in_rows()

    def show_sign_in_rows(self) -> None:
        """The token's rows, or the OAuth client's, as the sign-in choice says."""
        client = self.sign_in.kind() == "oauth_client"
        fields = self.fields
        for key, shown in (("token", not client), ("client_id", client), ("client_secret", client)):
            # Showing a row shows all of it: what has nothing to say stays hidden.
            fields.show_row(key, shown)
            if key in fields.locked_notes:
                fields.locked_notes[key].setVisible(shown and key in fields.locked)

    def show_training(self, address: str) -> None:
        """The connection training really has: the sandbox, with a token of the session;
        what belongs to the shop's real connection cannot be changed from here."""
        self.base_url_input.setText(address)
        self.base_url_input.setReadOnly(True)
        self.token_state.setText(translate("SettingsScreen", TRAINING_TOKEN))
        for widget in (
            self.token_input,
            self.remove_token_button,
            self.sign_in,
            self.client_id_input,
            self.client_secret_input,
        ):
            widget.setEnabled(False)

    def _on_sign_in_changed(self, _kind: str) -> None:
        self.show_sign_in_rows()
        for key in ("token", "client_id", "client_secret"):
            self.fields.clear_error(key)


class PinSection(Section):
    """The manager PIN: typed twice to set a new one, or removed."""

    def __init__(self, fields: SettingsFields, parent: QWidget) -> None:
        super().__init__(self.tr("Manager PIN"), fields, parent)
        self.pin_state = QLabel(self)
        self.pin_state.setObjectName("pinState")
        self.pin_state.setWordWrap(True)
        low, high = PIN_DIGITS
        digits = self.tr("{low} to {high} digits").format(low=low, high=high)
        self.new_pin_input = fields.line_edit(
            self, "newPinInput", self.tr("New manager PIN"), 16, "manager_pin",
            placeholder=digits, secret=True,
        )  # fmt: skip
        self.repeat_pin_input = fields.line_edit(
            self, "repeatPinInput", self.tr("New PIN again"), 16, "manager_pin", secret=True
        )
        self.remove_pin_check = QCheckBox(self.tr("Remove the manager PIN"), self)
        self.remove_pin_check.setObjectName("removePinCheck")
        self.remove_pin_check.toggled.connect(self._on_remove_pin_check_toggled)
        form = self._form()
        form.addRow(self.pin_state)
        form.addRow(fields.locked_note(self, "manager_pin_hash"))
        form.addRow(self.tr("New PIN:"), self.new_pin_input)
        self._row(form, "manager_pin", self.tr("New PIN again:"), self.repeat_pin_input)
        form.addRow(self.remove_pin_check)

    def show_settings(self, settings: Settings) -> None:
        self.new_pin_input.clear()
        self.repeat_pin_input.clear()
        self.remove_pin_check.setChecked(False)
        self.remove_pin_check.setEnabled(settings.manager_pin_hash is not None)
        self.pin_state.setText(
            translate("SettingsScreen", NO_PIN if settings.manager_pin_hash is None else PIN_SET)
        )

    def _on_remove_pin_check_toggled(self, checked: bool) -> None:
        self.new_pin_input.setEnabled(not checked)
        self.repeat_pin_input.setEnabled(not checked)
        if checked:
            self.new_pin_input.clear()
            self.repeat_pin_input.clear()
            self.fields.clear_error("manager_pin")


class ScannerSection(Section):
    """The scanner's keyboard layout, found with a test code."""

    def __init__(self, fields: SettingsFields, parent: QWidget) -> None:
        super().__init__(self.tr("The scanner's keyboard layout"), fields, parent)
        self.scanner_layout = ScannerLayoutChoice(self)
        self._row(
            self._form(),
            "scanner_layout",
            self.tr("Scanner's layout:"),
            self.scanner_layout,
            self.tr(
                "A scanner set up for another keyboard layout types other characters (a US "
                "scanner on a Belgian computer types &é\"' for 1234). Scan the test code to "
                "find its layout; README.md has it to print."
            ),
        )

    def show_settings(self, settings: Settings) -> None:
        self.scanner_layout.set_layouts(settings.scanner_layout, settings.keyboard_layout)


class CounterSection(Section):
    """This counter's habits: lock before redeeming, sounds, the scanner's prefix and
    suffix, the language and the theme."""

    def __init__(self, fields: SettingsFields, parent: QWidget) -> None:
        super().__init__(self.tr("Counter"), fields, parent)
        self.lock_check = QCheckBox(self.tr("Lock each voucher before redeeming it"), self)
        self.lock_check.setObjectName("lockBeforeRedeemCheck")
        self.sounds_check = QCheckBox(self.tr("Sounds for yes and no"), self)
        self.sounds_check.setObjectName("soundsCheck")
        self.scan_prefix_input = fields.line_edit(
            self, "scanPrefixInput", self.tr("Scanner prefix"), 64, "scan_prefix"
        )
        self.scan_suffix_input = fields.line_edit(
            self, "scanSuffixInput", self.tr("Scanner suffix"), 64, "scan_suffix"
        )
        self.language_choice = self._choice("languageChoice", self.tr("Language"))
        for code, name in LANGUAGES.items():
            # "English" and "Nederlands" stay in their own language; "System" is translated.
            self.language_choice.addItem(self.tr("System") if code == "system" else name, code)
        self.theme_choice = self._choice("themeChoice", self.tr("Theme"))
        for code in THEMES:
            self.theme_choice.addItem(translate("SettingsScreen", THEME_NAMES[code]), code)
        self._add_rows()

    def _choice(self, name: str, accessible: str) -> QComboBox:
        choice = QComboBox(self)
        choice.setObjectName(name)
        choice.setAccessibleName(accessible)
        return choice

    def _add_rows(self) -> None:
        form = self._form()
        fields = self.fields
        form.addRow(self.lock_check)
        form.addRow(
            hint_label(self, self.tr("Recommended: no other counter can use it meanwhile."))
        )
        form.addRow(fields.locked_note(self, "lock_before_redeem"))
        form.addRow(self.sounds_check)
        form.addRow(fields.locked_note(self, "sounds"))
        for key, label, field, hint in (
            (
                "scan_prefix",
                self.tr("Scanner prefix:"),
                self.scan_prefix_input,
                self.tr("What the scanner types before each code, if it is set up to."),
            ),
            (
                "scan_suffix",
                self.tr("Scanner suffix:"),
                self.scan_suffix_input,
                self.tr("What it types after each code."),
            ),
            (
                "language",
                self.tr("Language:"),
                self.language_choice,
                self.tr("A new language is used from the next start of Piggy Desk."),
            ),
            (
                "theme",
                self.tr("Theme:"),
                self.theme_choice,
                self.tr("“Like this computer” follows its light or dark setting."),
            ),
        ):
            self._row(form, key, label, field, hint)

    def show_settings(self, settings: Settings) -> None:
        self.lock_check.setChecked(settings.lock_before_redeem)
        self.sounds_check.setChecked(settings.sounds)
        self.scan_prefix_input.setText(settings.scan_prefix)
        self.scan_suffix_input.setText(settings.scan_suffix)
        index = self.language_choice.findData(settings.language)
        self.language_choice.setCurrentIndex(max(index, 0))
        index = self.theme_choice.findData(settings.theme)
        self.theme_choice.setCurrentIndex(max(index, 0))
