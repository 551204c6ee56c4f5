"""The settings screen: where Piggy is and the token to reach it, this counter's habits
and the manager PIN.

Non-secret settings go to the per-user config folder; the token goes to the key store
(``TokenStore``) and is never shown; the manager PIN is kept only as a salted hash. Every
value is checked before anything is kept, and a refused value gets a sentence under its
field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyError, Shop, base_url_root
from piggy_desk.notices import Tone
from piggy_desk.settings import (
    LANGUAGES,
    PIN_DIGITS,
    SETTING_KEYS,
    SETTINGS_FILE,
    THEMES,
    SettingProblem,
    Settings,
    address_problem,
    client_id_problem,
    hash_pin,
    pin_problem,
    scan_affix_problem,
    shop_uuid_problem,
)
from piggy_desk.token_store import (
    MAX_TOKEN_LENGTH,
    Kind,
    TokenManagedByEnvironment,
    TokenStore,
    TokenStoreError,
    account_for,
)
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner, off_loop
from piggy_desk.ui.settings.scanner_test import ScannerLayoutChoice
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.form import field_row, hint_label
from piggy_desk.ui.widgets.shop_picker import ShopPicker, shops_failure_sentence
from piggy_desk.ui.widgets.sign_in import SignInChoice, client_secret_problem

T = TypeVar("T")

SAVE_TASK = "settings-save"
REMOVE_TASK = "settings-remove"
CHECK_TASK = "settings-key-store-check"
SHOPS_TASK = "settings-shops"

FIELDS = (
    "base_url",
    "auth",
    "token",
    "client_id",
    "client_secret",
    "shop_uuid",
    "scan_prefix",
    "scan_suffix",
    "language",
    "theme",
    "manager_pin",
)

KEPT_SENTENCES = {
    "keyring": QT_TRANSLATE_NOOP(
        "SettingsScreen", "A token is kept in this computer's key store. It is never shown."
    ),
    "memory": QT_TRANSLATE_NOOP(
        "SettingsScreen", "A token is kept until Piggy Desk closes (no key store)."
    ),
    "environment": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "The token comes from this computer's PIGGY_TOKEN setting: change it there.",
    ),
    "none": QT_TRANSLATE_NOOP(
        "SettingsScreen", "No token is kept: Piggy Desk cannot reach Piggy until one is given."
    ),
}
"""What the screen says about the token, by where it is kept (English sources)."""
SECRET_SENTENCES = {
    "keyring": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "A client secret is kept in this computer's key store. It is never shown.",
    ),
    "memory": QT_TRANSLATE_NOOP(
        "SettingsScreen", "A client secret is kept until Piggy Desk closes (no key store)."
    ),
    "none": QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "No client secret is kept: Piggy Desk cannot sign in with the OAuth client until "
        "one is given.",
    ),
}
"""What the screen says about the OAuth client's secret, by where it is kept."""
ASK_FOR_CLIENT_ID = QT_TRANSLATE_NOOP(
    "SettingsScreen", "Type the OAuth client's id from your Piggy account."
)
ASK_FOR_SECRET = QT_TRANSLATE_NOOP(
    "SettingsScreen",
    "Paste the OAuth client's secret: none is kept for this Piggy address.",
)
TRAINING_CONNECTION = QT_TRANSLATE_NOOP(
    "SettingsScreen",
    "Training: Piggy Desk works on its built-in sandbox at {address}. The shop's Piggy "
    "address, token and key store are not used until Piggy Desk starts without training.",
)
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


def token_problem(token: str) -> str | None:
    """Why a pasted token (already trimmed; empty means keep the old one) cannot be one."""
    if not token:
        return None
    if len(token) > MAX_TOKEN_LENGTH:
        return translate(
            "Settings", "This is too long to be a token (over {max} characters)."
        ).format(max=MAX_TOKEN_LENGTH)
    if not (token.isascii() and token.isprintable()) or " " in token:
        return translate(
            "Settings", "A token has no spaces, line breaks or accented letters. Paste it again."
        )
    return None


def base_url_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be the Piggy address, or None (in the person's language)."""
    return address_problem(base_url, translate)


@dataclass(frozen=True, slots=True)
class SettingsDraft:
    """What the settings screen holds when Save is pressed; secrets stay out of the repr."""

    base_url: str
    shop_uuid: str
    lock_before_redeem: bool
    sounds: bool
    scan_prefix: str
    scan_suffix: str
    language: str
    theme: str = "system"
    scanner_layout: str = "computer"
    keyboard_layout: str = ""
    new_token: str = field(default="", repr=False)
    auth: str = "token"
    client_id: str = ""
    new_client_secret: str = field(default="", repr=False)
    new_pin: str = field(default="", repr=False)
    repeated_pin: str = field(default="", repr=False)
    remove_pin: bool = False


def check_settings_draft(draft: SettingsDraft, *, token_managed: bool = False) -> dict[str, str]:
    """Each refused value's field → the sentence that says why; empty when all is well."""
    problems: dict[str, str] = {}
    checks: tuple[tuple[str, str | None], ...] = (
        ("base_url", base_url_problem(draft.base_url)),
        ("token", token_problem(draft.new_token)),
        ("shop_uuid", shop_uuid_problem(draft.shop_uuid, translate)),
        ("scan_prefix", scan_affix_problem(draft.scan_prefix, "prefix", translate)),
        ("scan_suffix", scan_affix_problem(draft.scan_suffix, "suffix", translate)),
    )
    for key, problem in checks:
        if problem is not None:
            problems[key] = problem
    if draft.new_token and token_managed:
        problems["token"] = translate("TokenStore", TokenManagedByEnvironment.user_message)
    if draft.auth == "oauth_client":
        if not draft.client_id:
            problems["client_id"] = translate("SettingsScreen", ASK_FOR_CLIENT_ID)
        elif (problem := client_id_problem(draft.client_id, translate)) is not None:
            problems["client_id"] = problem
        if (problem := client_secret_problem(draft.new_client_secret)) is not None:
            problems["client_secret"] = problem
    if draft.language not in LANGUAGES:
        problems["language"] = translate("Settings", "Choose one of the languages in the list.")
    if draft.theme not in THEMES:
        problems["theme"] = translate("Settings", "Choose one of the themes in the list.")
    if not draft.remove_pin and (draft.new_pin or draft.repeated_pin):
        problem = pin_problem(draft.new_pin, draft.repeated_pin, translate)
        if problem is not None:
            problems["manager_pin"] = problem
    return problems


class SettingsController(QObject):
    """Keeps the settings on the loop: a new PIN hashed and the file written off the loop
    thread, the token in the key store. Results come back as signals.

    Signals:
        settings_saved(Settings, bool): the settings were kept; whether the token changed.
        saving_failed(str, str): nothing was kept; the field (or "") and the sentence.
        token_state_loaded(bool): whether a token is kept for the saved Piggy address.
        secret_state_loaded(bool): whether an OAuth client secret is kept for it.
        token_removed(): the token of the saved Piggy address was forgotten.
        token_removal_failed(str): it was not; the sentence.
        shops_listed(list): the account's shops, to choose from.
        shops_unavailable(str): Piggy did not list them; the sentence that says why.
    """

    settings_saved = Signal(object, bool)
    saving_failed = Signal(str, str)
    token_state_loaded = Signal(bool)
    secret_state_loaded = Signal(bool)
    token_removed = Signal()
    token_removal_failed = Signal(str)
    shops_listed = Signal(list)
    shops_unavailable = Signal(str)

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        config_dir: Path,
        parent: QObject | None = None,
        *,
        shops: Callable[[], Awaitable[list[Shop]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.token_store = token_store
        self._config_dir = config_dir
        self._shops = shops

    async def list_shops(self) -> None:
        """Ask Piggy for the account's shops (on the connection the counter uses)."""
        if self._shops is None:
            return
        try:
            shops = await self._shops()
        except PiggyError as error:
            self.shops_unavailable.emit(shops_failure_sentence(error))
            return
        self.shops_listed.emit(shops)

    async def save(self, draft: SettingsDraft) -> None:
        """Keep a checked draft: the token first, then the file (nothing half-changed)."""
        old = self.settings
        base_url = base_url_root(draft.base_url)
        pin_hash = old.manager_pin_hash
        if draft.remove_pin:
            pin_hash = None
        elif draft.new_pin:
            pin = draft.new_pin
            pin_hash = await off_loop(lambda: hash_pin(pin))
        new = replace(
            old,
            base_url=base_url,
            shop_uuid=draft.shop_uuid or None,
            lock_before_redeem=draft.lock_before_redeem,
            sounds=draft.sounds,
            scan_prefix=draft.scan_prefix,
            scan_suffix=draft.scan_suffix,
            language=draft.language,
            theme=draft.theme,
            scanner_layout=draft.scanner_layout,
            keyboard_layout=draft.keyboard_layout,
            manager_pin_hash=pin_hash,
            auth=draft.auth,
            client_id=draft.client_id or old.client_id,
        )
        if new.auth == "oauth_client" and not draft.new_client_secret:
            kept = await self._secret_kept(base_url) or await self._secret_kept(old.base_url)
            if not kept:
                sentence = translate("SettingsScreen", ASK_FOR_SECRET)
                self.saving_failed.emit("client_secret", sentence)
                return
        try:
            token_changed = await self._keep_token(old.base_url, base_url, draft.new_token)
        except TokenStoreError as error:
            self.saving_failed.emit("token", translate("TokenStore", error.user_message))
            return
        try:
            secret_changed = await self._keep_token(
                old.base_url, base_url, draft.new_client_secret, kind="client_secret"
            )
        except TokenStoreError as error:
            self.saving_failed.emit("client_secret", translate("TokenStore", error.user_message))
            return
        signed_in_otherwise = (new.auth, new.client_id) != (old.auth, old.client_id)
        token_changed = token_changed or secret_changed or signed_in_otherwise
        try:
            await off_loop(lambda: new.save(self._config_dir))
        except OSError as error:
            self.saving_failed.emit(
                "",
                self.tr("The settings could not be written to {folder} ({problem}).").format(
                    folder=self._config_dir, problem=error.strerror
                ),
            )
            return
        self.settings = new
        self.settings_saved.emit(new, token_changed)

    async def check_token(self) -> None:
        """Find out whether a token is kept for the saved address (the token is not kept here)."""
        kept = await self.token_store.load(self.settings.base_url) is not None
        self.token_state_loaded.emit(kept)
        self.secret_state_loaded.emit(await self._secret_kept(self.settings.base_url))

    async def _secret_kept(self, base_url: str) -> bool:
        return await self.token_store.load(base_url, kind="client_secret") is not None

    async def remove_token(self) -> None:
        try:
            await self.token_store.delete(self.settings.base_url)
        except TokenStoreError as error:
            self.token_removal_failed.emit(translate("TokenStore", error.user_message))
            return
        self.token_removed.emit()

    async def _keep_token(
        self, old_url: str, new_url: str, new_token: str, *, kind: Kind = "token"
    ) -> bool:
        """Store a new token (or client secret), or carry the kept one over to a changed
        Piggy address."""
        store = self.token_store
        if new_token:
            await store.save(new_url, new_token, kind=kind)
            return True
        managed = kind == "token" and store.source == "environment"
        if managed or account_for(old_url) == account_for(new_url):
            return False
        kept = await store.load(old_url, kind=kind)
        if kept is None:
            return False
        await store.save(new_url, kept, kind=kind)
        await store.delete(old_url, kind=kind)
        return True


class SettingsScreen(QWidget):
    """The manager's settings: Piggy address, token (replace or remove, never shown), shop,
    lock before redeem, sounds, scanner prefix and suffix, language and manager PIN.

    Save checks every value first and refuses what cannot work with a sentence under the
    field; the key store's trouble (no key store, locked) shows in a banner at the top.

    Signals:
        settings_saved(Settings): the settings were kept (the PIN only as its hash).
        token_changed(): the kept token was replaced, carried over to a new address or
            removed: a client made with the old one must be made again.
    """

    settings_saved = Signal(object)
    token_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        tasks: TaskRunner,
        messages: MessagePath,
        config_dir: Path,
        parent: QWidget | None = None,
        *,
        shops: Callable[[], Awaitable[list[Shop]]] | None = None,
        problems: Sequence[SettingProblem] = (),
        locked: Collection[str] = frozenset(),
        training_address: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        # In training the counter works on the built-in sandbox at this address.
        self.training_address = training_address
        self._token_store = token_store
        self._config_dir = config_dir
        self.problems = tuple(problems)
        self.locked = frozenset(locked)
        self.locked_notes: dict[str, QLabel] = {}
        self._tasks = tasks
        self._messages = messages
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, int] = {}
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.controller = SettingsController(settings, token_store, config_dir, self, shops=shops)
        self.controller.settings_saved.connect(self._on_controller_settings_saved)
        self.controller.saving_failed.connect(self._on_controller_saving_failed)
        self.controller.token_state_loaded.connect(self._on_controller_token_state_loaded)
        self.controller.secret_state_loaded.connect(self._on_controller_secret_state_loaded)
        self.controller.token_removed.connect(self._on_controller_token_removed)
        self.controller.token_removal_failed.connect(self._on_controller_token_removal_failed)
        self._setup_ui()
        self.controller.shops_listed.connect(self.shop_picker.set_shops)
        self.controller.shops_unavailable.connect(self.shop_picker.set_unavailable)
        self.show_settings(settings)
        self._show_file_problems()

    @property
    def settings(self) -> Settings:
        """The settings as last kept."""
        return self.controller.settings

    def show_settings(self, settings: Settings) -> None:
        """Fill the fields from ``settings``; typed secrets and errors are cleared."""
        self.base_url_input.setText(settings.base_url)
        self.shop_picker.set_uuid(settings.shop_uuid or "")
        self.lock_check.setChecked(settings.lock_before_redeem)
        self.sounds_check.setChecked(settings.sounds)
        self.scan_prefix_input.setText(settings.scan_prefix)
        self.scan_suffix_input.setText(settings.scan_suffix)
        index = self.language_choice.findData(settings.language)
        self.language_choice.setCurrentIndex(max(index, 0))
        index = self.theme_choice.findData(settings.theme)
        self.theme_choice.setCurrentIndex(max(index, 0))
        self.scanner_layout.set_layouts(settings.scanner_layout, settings.keyboard_layout)
        self.token_input.clear()
        self.sign_in.set_kind(settings.auth)
        self.client_id_input.setText(settings.client_id or "")
        self.client_secret_input.clear()
        self._show_sign_in_rows()
        self.new_pin_input.clear()
        self.repeat_pin_input.clear()
        self.remove_pin_check.setChecked(False)
        self.remove_pin_check.setEnabled(settings.manager_pin_hash is not None)
        self.pin_state.setText(self.tr(NO_PIN if settings.manager_pin_hash is None else PIN_SET))
        self.show_problems({})
        self._show_locked()
        if self.training_address is not None:
            self._show_training()

    def refresh(self) -> None:
        """Ask the key store whether a token is kept, and show its trouble if it has any."""
        self._show_token_source()
        if self.training_address is None:  # training keeps nothing in the key store
            self._tasks.start(self.controller.check_token(), name=CHECK_TASK)
        self._tasks.start(self.controller.list_shops(), name=SHOPS_TASK)

    def draft(self) -> SettingsDraft:
        """What is typed and chosen now, trimmed."""
        training = self.training_address is not None
        return SettingsDraft(
            # In training the field shows the sandbox; the shop's address stays as it is.
            base_url=self.settings.base_url if training else self.base_url_input.text().strip(),
            shop_uuid=self.shop_picker.uuid(),
            lock_before_redeem=self.lock_check.isChecked(),
            sounds=self.sounds_check.isChecked(),
            scan_prefix=self.scan_prefix_input.text(),
            scan_suffix=self.scan_suffix_input.text(),
            language=str(self.language_choice.currentData()),
            theme=str(self.theme_choice.currentData()),
            scanner_layout=self.scanner_layout.scanner_layout(),
            keyboard_layout=self.scanner_layout.keyboard_layout,
            new_token=self.token_input.text().strip(),
            auth=self.sign_in.kind(),
            client_id=self.client_id_input.text().strip(),
            new_client_secret=self.client_secret_input.text().strip(),
            new_pin=self.new_pin_input.text(),
            repeated_pin=self.repeat_pin_input.text(),
            remove_pin=self.remove_pin_check.isChecked(),
        )

    def save(self) -> None:
        """Check what is typed; keep it when every value can work (as Save does)."""
        if self.busy:
            return
        draft = self.draft()
        problems = check_settings_draft(
            draft, token_managed=self._token_store.source == "environment"
        )
        self.show_problems(problems)
        if problems:
            if len(problems) == 1:
                sentence = self.tr("Nothing was saved: see the sentence below.")
            else:
                sentence = self.tr("Nothing was saved: see the sentences below.")
            self.banner.show_notice(Tone.REFUSAL, sentence)
            return
        self.banner.clear()
        self._set_busy(True)
        self._tasks.start(self.controller.save(draft), name=SAVE_TASK)

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Each refused value's sentence under its field; focus goes to the first one."""
        first: str | None = None
        for key in FIELDS:
            problem = problems.get(key)
            label = self.errors[key]
            label.setText(problem or "")
            label.setVisible(problem is not None)
            self._input_of(key).setAccessibleDescription(problem or "")
            if problem is not None and first is None:
                first = key
        if first is not None:
            target = self._input_of(first)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(target)

    def ask_to_remove_token(self) -> QMessageBox:
        """Ask before the token goes (opened, not executed: the loop keeps running)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove token"),
            self.tr(
                "Remove the API token from this computer? Piggy Desk cannot reach Piggy "
                "until a new token is given."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removeTokenConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove token"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._on_confirm_box_finished)
        self.confirm_box = box
        box.open()
        return box

    # --- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.title = QLabel(self.tr("Settings"), self)
        self.title.setObjectName("settingsTitle")
        self.warning_banner = MessageBanner(self, collapse_when_empty=True)
        self.warning_banner.setAccessibleName(self.tr("Key store warning"))
        self.problems_banner = MessageBanner(self, collapse_when_empty=True)
        self.problems_banner.setObjectName("settingsProblemsBanner")
        self.problems_banner.setAccessibleName(self.tr("Settings that could not be used"))
        self.banner = MessageBanner(self, collapse_when_empty=True)

        page = QWidget(self)
        page.setObjectName("settingsPage")
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(self._connection_group(page))
        left.addWidget(self._pin_group(page))
        left.addWidget(self._scanner_group(page))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._counter_group(page))
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)

        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.revert_button.setObjectName("revertSettingsButton")
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        QWidget.setTabOrder(self.revert_button, self.save_button)  # left to right

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.warning_banner)
        layout.addWidget(self.problems_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def _connection_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Piggy connection"), parent)
        self.base_url_input = self._line_edit(
            group, "baseUrlInput", self.tr("Piggy address"), 2048, "base_url"
        )
        self.base_url_input.setPlaceholderText("https://api.piggy.eu")
        self.token_state = QLabel(group)
        self.token_state.setObjectName("tokenState")
        self.token_state.setWordWrap(True)
        self.token_state.setText(self.tr("Looking for a kept token…"))
        self.token_input = self._line_edit(
            group, "tokenInput", self.tr("Replace token"), MAX_TOKEN_LENGTH, "token"
        )
        self.token_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_input.setPlaceholderText(self.tr("Replace token…"))
        self.remove_token_button = QPushButton(self.tr("Remove token"), group)
        self.remove_token_button.setObjectName("removeTokenButton")
        self.remove_token_button.setAutoDefault(False)
        self.remove_token_button.clicked.connect(self._on_remove_token_button_clicked)
        state_line = QHBoxLayout()
        state_line.setContentsMargins(0, 0, 0, 0)
        state_line.addWidget(self.token_state, 1)
        state_line.addWidget(self.remove_token_button, 0, Qt.AlignmentFlag.AlignTop)
        token_box = QVBoxLayout()
        token_box.setContentsMargins(0, 0, 0, 0)
        token_box.setSpacing(4)
        token_box.addLayout(state_line)
        token_box.addWidget(self.token_input)
        self.sign_in = SignInChoice(group)
        self.sign_in.changed.connect(self._on_sign_in_changed)
        self.client_id_input = self._line_edit(
            group, "clientIdInput", self.tr("OAuth client id"), 255, "client_id"
        )
        self.client_secret_state = QLabel(group)
        self.client_secret_state.setObjectName("clientSecretState")
        self.client_secret_state.setWordWrap(True)
        self.client_secret_input = self._line_edit(
            group, "clientSecretInput", self.tr("Replace client secret"), MAX_TOKEN_LENGTH,
            "client_secret",
        )  # fmt: skip
        self.client_secret_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret_input.setPlaceholderText(self.tr("Replace client secret…"))
        secret_box = QVBoxLayout()
        secret_box.setContentsMargins(0, 0, 0, 0)
        secret_box.setSpacing(4)
        secret_box.addWidget(self.client_secret_state)
        secret_box.addWidget(self.client_secret_input)
        self.shop_picker = ShopPicker(group)
        self.shop_picker.edited.connect(lambda: self._clear_error("shop_uuid"))
        self.shop_uuid_input = self.shop_picker.uuid_input
        form = self._form(group)
        self._add_row(form, "base_url", self.tr("Piggy address:"), self.base_url_input, "")
        self._add_row(form, "auth", self.tr("Sign in with:"), self.sign_in, "")
        self._add_row(
            form,
            "token",
            self.tr("API token:"),
            token_box,
            self.tr("A new Personal Access Token pasted above is kept when you save."),
        )
        self._add_row(form, "client_id", self.tr("Client id:"), self.client_id_input, "")
        self._add_row(
            form,
            "client_secret",
            self.tr("Client secret:"),
            secret_box,
            self.tr("Piggy Desk exchanges the id and secret for access tokens that expire."),
        )
        self._connection_form = form
        self._add_row(
            form,
            "shop_uuid",
            self.tr("Shop:"),
            self.shop_picker,
            self.tr("The shop redemptions are booked to. Empty: none."),
        )
        return group

    def _counter_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Counter"), parent)
        self.lock_check = QCheckBox(self.tr("Lock each voucher before redeeming it"), group)
        self.lock_check.setObjectName("lockBeforeRedeemCheck")
        self.sounds_check = QCheckBox(self.tr("Sounds for yes and no"), group)
        self.sounds_check.setObjectName("soundsCheck")
        self.scan_prefix_input = self._line_edit(
            group, "scanPrefixInput", self.tr("Scanner prefix"), 64, "scan_prefix"
        )
        self.scan_suffix_input = self._line_edit(
            group, "scanSuffixInput", self.tr("Scanner suffix"), 64, "scan_suffix"
        )
        self.language_choice = QComboBox(group)
        self.language_choice.setObjectName("languageChoice")
        self.language_choice.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            # "English" and "Nederlands" stay in their own language; "System" is translated.
            self.language_choice.addItem(self.tr("System") if code == "system" else name, code)
        self.theme_choice = QComboBox(group)
        self.theme_choice.setObjectName("themeChoice")
        self.theme_choice.setAccessibleName(self.tr("Theme"))
        for code in THEMES:
            self.theme_choice.addItem(self.tr(THEME_NAMES[code]), code)
        form = self._form(group)
        form.addRow(self.lock_check)
        lock_hint = hint_label(
            group, self.tr("Recommended: no other counter can use it meanwhile.")
        )
        form.addRow(lock_hint)
        form.addRow(self._locked_note(group, "lock_before_redeem"))
        form.addRow(self.sounds_check)
        form.addRow(self._locked_note(group, "sounds"))
        self._add_row(
            form,
            "scan_prefix",
            self.tr("Scanner prefix:"),
            self.scan_prefix_input,
            self.tr("What the scanner types before each code, if it is set up to."),
        )
        self._add_row(
            form,
            "scan_suffix",
            self.tr("Scanner suffix:"),
            self.scan_suffix_input,
            self.tr("What it types after each code."),
        )
        self._add_row(
            form,
            "language",
            self.tr("Language:"),
            self.language_choice,
            self.tr("A new language is used from the next start of Piggy Desk."),
        )
        self._add_row(
            form,
            "theme",
            self.tr("Theme:"),
            self.theme_choice,
            self.tr("“Like this computer” follows its light or dark setting."),
        )
        return group

    def _scanner_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("The scanner's keyboard layout"), parent)
        self.scanner_layout = ScannerLayoutChoice(group)
        form = self._form(group)
        self._add_row(
            form,
            "scanner_layout",
            self.tr("Scanner's layout:"),
            self.scanner_layout,
            self.tr(
                "A scanner set up for another keyboard layout types other characters (a US "
                "scanner on a Belgian computer types &é\"' for 1234). Scan the test code to "
                "find its layout; README.md has it to print."
            ),
        )
        return group

    def _pin_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Manager PIN"), parent)
        self.pin_state = QLabel(group)
        self.pin_state.setObjectName("pinState")
        self.pin_state.setWordWrap(True)
        low, high = PIN_DIGITS
        self.new_pin_input = self._line_edit(
            group, "newPinInput", self.tr("New manager PIN"), 16, "manager_pin"
        )
        self.new_pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin_input.setPlaceholderText(
            self.tr("{low} to {high} digits").format(low=low, high=high)
        )
        self.repeat_pin_input = self._line_edit(
            group, "repeatPinInput", self.tr("New PIN again"), 16, "manager_pin"
        )
        self.repeat_pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.remove_pin_check = QCheckBox(self.tr("Remove the manager PIN"), group)
        self.remove_pin_check.setObjectName("removePinCheck")
        self.remove_pin_check.toggled.connect(self._on_remove_pin_check_toggled)
        form = self._form(group)
        form.addRow(self.pin_state)
        form.addRow(self._locked_note(group, "manager_pin_hash"))
        form.addRow(self.tr("New PIN:"), self.new_pin_input)
        self._add_row(form, "manager_pin", self.tr("New PIN again:"), self.repeat_pin_input, "")
        form.addRow(self.remove_pin_check)
        return group

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _line_edit(
        self, parent: QWidget, name: str, accessible: str, limit: int, key: str
    ) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(limit)
        edit.textEdited.connect(lambda _text: self._clear_error(key))
        return edit

    def _add_row(
        self, form: QFormLayout, key: str, label: str, field: QWidget | QLayout, hint: str
    ) -> None:
        parent = form.parentWidget() or self
        notes = [self._locked_note(parent, key)] if key in SETTING_KEYS else []
        row, self.errors[key] = field_row(parent, field, name=key, hint=hint, notes=notes)
        form.addRow(label, row)
        self._rows[key] = form.rowCount() - 1

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()
        self._input_of(key).setAccessibleDescription("")

    def _input_of(self, key: str) -> QWidget:
        return {
            "base_url": self.base_url_input,
            "auth": self.sign_in.token_button,
            "token": self.token_input,
            "client_id": self.client_id_input,
            "client_secret": self.client_secret_input,
            "shop_uuid": self.shop_uuid_input,
            "scan_prefix": self.scan_prefix_input,
            "scan_suffix": self.scan_suffix_input,
            "language": self.language_choice,
            "theme": self.theme_choice,
            "manager_pin": self.new_pin_input,
        }[key]

    # --- state --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)
        self.revert_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save settings"))

    def _show_sign_in_rows(self) -> None:
        client = self.sign_in.kind() == "oauth_client"
        form = self._connection_form
        for key, shown in (("token", not client), ("client_id", client), ("client_secret", client)):
            form.setRowVisible(self._rows[key], shown)
            # Showing a row shows all of it: what has nothing to say stays hidden.
            self.errors[key].setVisible(shown and bool(self.errors[key].text()))
            if key in self.locked_notes:
                self.locked_notes[key].setVisible(shown and key in self.locked)

    def _show_locked(self) -> None:
        """Settings the system-wide file locks: switched off, with a sentence saying why."""
        sentence = self.tr(LOCKED_SENTENCE)
        for key, widgets in self._setting_widgets().items():
            locked = key in self.locked
            self.locked_notes[key].setVisible(locked)
            for widget in widgets:
                if locked:
                    widget.setEnabled(False)
                    widget.setToolTip(sentence)

    def _setting_widgets(self) -> dict[str, tuple[QWidget, ...]]:
        """Each setting's widgets, by the name the settings files give it."""
        return {
            "base_url": (self.base_url_input,),
            "auth": (self.sign_in,),
            "client_id": (self.client_id_input,),
            "shop_uuid": (self.shop_picker,),
            "lock_before_redeem": (self.lock_check,),
            "sounds": (self.sounds_check,),
            "scan_prefix": (self.scan_prefix_input,),
            "scan_suffix": (self.scan_suffix_input,),
            "language": (self.language_choice,),
            "theme": (self.theme_choice,),
            "scanner_layout": (self.scanner_layout,),
            "manager_pin_hash": (
                self.new_pin_input,
                self.repeat_pin_input,
                self.remove_pin_check,
            ),
        }

    def _locked_note(self, parent: QWidget, key: str) -> QLabel:
        """The sentence under a setting the system-wide file locks (hidden until then)."""
        note = hint_label(parent, self.tr(LOCKED_SENTENCE))
        note.setObjectName(f"locked_{key}")
        note.hide()
        self.locked_notes[key] = note
        return note

    def _show_file_problems(self) -> None:
        """The values the settings files held that could not be used, until they are gone;
        by file, each with who can put it right."""
        lines: list[str] = []
        for file in dict.fromkeys(problem.file for problem in self.problems):
            found = [problem for problem in self.problems if problem.file == file]
            unreadable = [problem.sentence(translate) for problem in found if not problem.key]
            if unreadable:
                lines += unreadable
            else:
                lines.append(
                    self.tr("Ignored, because they cannot work, in {file}:").format(file=file)
                )
                lines += [f"• {problem.key}: {problem.why(translate)}" for problem in found]
            if found[0].system:
                lines.append(self.tr("Only whoever prepared that file (the shop's IT) can fix it."))
            elif file == self._config_dir / SETTINGS_FILE:
                lines.append(self.tr("Saving puts the values shown below in their place."))
        if lines:
            self.problems_banner.show_notice(Tone.ERROR, "\n".join(lines))
        else:
            self.problems_banner.clear()

    def _show_training(self) -> None:
        """The connection training really has: the sandbox, with a token of the session;
        what belongs to the shop's real connection cannot be changed from here."""
        self.base_url_input.setText(self.training_address or "")
        self.base_url_input.setReadOnly(True)
        self.token_state.setText(self.tr(TRAINING_TOKEN))
        for widget in (
            self.token_input,
            self.remove_token_button,
            self.sign_in,
            self.client_id_input,
            self.client_secret_input,
        ):
            widget.setEnabled(False)

    def _show_token_source(self) -> None:
        if self.training_address is not None:
            self.warning_banner.setAccessibleName(self.tr("Training mode"))
            self.warning_banner.show_notice(
                Tone.INFO,
                self.tr(TRAINING_CONNECTION).format(address=self.training_address),
            )
            return
        store = self._token_store
        managed = store.source == "environment"
        self.token_input.setEnabled(not managed)
        self.remove_token_button.setEnabled(not managed)
        if managed:
            self.token_state.setText(self.tr(KEPT_SENTENCES["environment"]))
        if store.warning is not None:
            self.warning_banner.show_notice(Tone.ERROR, translate("TokenStore", store.warning))
        else:
            self.warning_banner.clear()

    # --- slots --------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_revert_button_clicked(self) -> None:
        self.show_settings(self.settings)
        self.banner.clear()

    def _on_remove_token_button_clicked(self) -> None:
        if self.confirm_box is None:
            self.ask_to_remove_token()

    def _on_confirm_box_finished(self, result: int) -> None:
        box = self.confirm_box
        self.confirm_box = None
        if box is None:
            return
        chosen = box.standardButton(box.clickedButton())
        box.deleteLater()
        if chosen == QMessageBox.StandardButton.Yes:
            self.remove_token_button.setEnabled(False)
            self._tasks.start(self.controller.remove_token(), name=REMOVE_TASK)

    def _on_remove_pin_check_toggled(self, checked: bool) -> None:
        self.new_pin_input.setEnabled(not checked)
        self.repeat_pin_input.setEnabled(not checked)
        if checked:
            self.new_pin_input.clear()
            self.repeat_pin_input.clear()
            self._clear_error("manager_pin")

    def _on_controller_settings_saved(self, settings: Settings, token_changed: bool) -> None:
        self._set_busy(False)
        # What was refused in this counter's own file is gone now: the file was written anew.
        own_file = self._config_dir / SETTINGS_FILE
        self.problems = tuple(problem for problem in self.problems if problem.file != own_file)
        self._show_file_problems()
        self.show_settings(settings)
        self.banner.show_notice(Tone.SUCCESS, self.tr("Settings saved."))
        self.refresh()
        self.settings_saved.emit(settings)
        if token_changed:
            self.token_changed.emit()

    def _on_controller_saving_failed(self, key: str, sentence: str) -> None:
        self._set_busy(False)
        self._show_token_source()
        if key:
            self.show_problems({key: sentence})
            sentence = self.tr("Nothing was saved: see the sentence below.")
        self.banner.show_notice(Tone.ERROR, sentence)

    def _on_controller_token_state_loaded(self, kept: bool) -> None:
        if self.training_address is not None:
            return
        self._show_token_source()
        store = self._token_store
        if store.source == "environment":
            return
        self.token_state.setText(self.tr(KEPT_SENTENCES[store.source if kept else "none"]))
        self.remove_token_button.setEnabled(kept)

    def _on_sign_in_changed(self, _kind: str) -> None:
        self._show_sign_in_rows()
        for key in ("token", "client_id", "client_secret"):
            self._clear_error(key)

    def _on_controller_secret_state_loaded(self, kept: bool) -> None:
        source = self._token_store.source
        where = "none" if not kept else ("memory" if source == "memory" else "keyring")
        self.client_secret_state.setText(self.tr(SECRET_SENTENCES[where]))

    def _on_controller_token_removed(self) -> None:
        self.banner.show_notice(Tone.SUCCESS, self.tr("The token was removed."))
        self.refresh()
        self.token_changed.emit()

    def _on_controller_token_removal_failed(self, sentence: str) -> None:
        self.refresh()
        self.banner.show_notice(Tone.ERROR, sentence)

    # --- Qt overrides -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
