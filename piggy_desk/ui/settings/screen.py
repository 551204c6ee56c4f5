"""The settings screen: where Piggy is and the token to reach it, this counter's habits
and the manager PIN.

Non-secret settings go to the per-user config folder; the token goes to the key store
(``TokenStore``) and is never shown; the manager PIN is kept only as a salted hash. Every
value is checked before anything is kept, and a refused value gets a sentence under its
field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import Shop
from piggy_desk.notices import Tone
from piggy_desk.settings import SETTINGS_FILE, SettingProblem, Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.speech import Announcer
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.settings.controller import (
    SettingsController,
    SettingsDraft,
    check_settings_draft,
    file_problem_lines,
)
from piggy_desk.ui.settings.sections import (
    LOCKED_SENTENCE,
    ConnectionSection,
    CounterSection,
    PinSection,
    ScannerSection,
    SettingsFields,
)
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.columns import Columns
from piggy_desk.ui.widgets.form import wheel_only_when_focused

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
TRAINING_CONNECTION = QT_TRANSLATE_NOOP(
    "SettingsScreen",
    "Training: Piggy Desk works on its built-in sandbox at {address}. The shop's Piggy "
    "address, token and key store are not used until Piggy Desk starts without training.",
)


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
        training_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        # In training the counter works on the built-in sandbox at this address.
        self.training_address = training_address
        self._token_store = token_store
        self._config_dir = config_dir
        self.problems = tuple(problems)
        self.locked = frozenset(locked)
        self._tasks = tasks
        self._messages = messages
        self.fields = SettingsFields(self.locked, self)
        self.errors = self.fields.errors
        self.locked_notes = self.fields.locked_notes
        self.busy = False
        self._save_had_focus = False  # Save pressed from the keyboard: it gets the focus back
        self.confirm_box: QMessageBox | None = None
        self.controller = SettingsController(
            settings, token_store, config_dir, self, shops=shops, training_folder=training_folder
        )
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
        for section in self.sections:
            section.show_settings(settings)
        self.show_problems({})
        self._show_locked()
        if self.training_address is not None:
            self.connection.show_training(self.training_address)

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
        first = self.fields.show_problems(problems, FIELDS)
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)

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

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Side by side where both columns fit, else one above the other (Dutch at 1100 px).
        page = self.columns = Columns(self.scroll_area.viewport(), self)
        page.setObjectName("settingsPage")
        self.connection = ConnectionSection(self.fields, page)
        self.connection.remove_token_button.clicked.connect(self._on_remove_token_button_clicked)
        self.pin = PinSection(self.fields, page)
        self.scanner = ScannerSection(self.fields, page)
        self.counter = CounterSection(self.fields, page)
        self.sections = (self.connection, self.pin, self.scanner, self.counter)
        self._name_controls()
        left = QVBoxLayout()
        for section in (self.connection, self.pin, self.scanner):
            left.addWidget(section)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.counter)
        right.addStretch(1)
        page.add_column(left, 3)
        page.add_column(right, 2)
        self.scroll_area.setWidget(page)
        wheel_only_when_focused(page)  # the wheel scrolls the page, not a choice under it

        self.save_button = QPushButton(self.tr("Save settings"), self)
        # Its sentences are said where the focus is (the banner is never focused).
        self.announcer = Announcer(self.save_button, self)
        self.banner.speak_through(self.announcer)
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

    def _name_controls(self) -> None:
        """The sections' controls, as the screen, the tests and the screen reader's checks
        reach them."""
        connection, pin, counter = self.connection, self.pin, self.counter
        self.base_url_input = connection.base_url_input
        self.token_state = connection.token_state
        self.token_input = connection.token_input
        self.remove_token_button = connection.remove_token_button
        self.sign_in = connection.sign_in
        self.client_id_input = connection.client_id_input
        self.client_secret_state = connection.client_secret_state
        self.client_secret_input = connection.client_secret_input
        self.shop_picker = connection.shop_picker
        self.shop_uuid_input = connection.shop_uuid_input
        self.pin_state = pin.pin_state
        self.new_pin_input = pin.new_pin_input
        self.repeat_pin_input = pin.repeat_pin_input
        self.remove_pin_check = pin.remove_pin_check
        self.scanner_layout = self.scanner.scanner_layout
        self.lock_check = counter.lock_check
        self.sounds_check = counter.sounds_check
        self.scan_prefix_input = counter.scan_prefix_input
        self.scan_suffix_input = counter.scan_suffix_input
        self.language_choice = counter.language_choice
        self.theme_choice = counter.theme_choice

    # --- state --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        if busy:
            # Greyed out while saving, Save loses the focus (Qt hands it to the tab bar).
            self._save_had_focus = self.save_button.hasFocus()
        self.busy = busy
        self.save_button.setEnabled(not busy)
        self.revert_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save settings"))
        if not busy and self._save_had_focus:
            self._save_had_focus = False
            # With what is said now as its description: heard once, with the arrival.
            self.announcer.move_focus(self.save_button)

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

    def _show_file_problems(self) -> None:
        """The values the settings files held that could not be used, until they are gone."""
        lines = file_problem_lines(self.problems, self._config_dir / SETTINGS_FILE)
        if lines:
            self.problems_banner.show_notice(Tone.ERROR, "\n".join(lines))
        else:
            self.problems_banner.clear()

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

    def _on_controller_settings_saved(self, settings: Settings, token_changed: bool) -> None:
        self._set_busy(False)
        # What was refused in this counter's own file is gone now: the file was written anew.
        own_file = self._config_dir / SETTINGS_FILE
        self.problems = tuple(problem for problem in self.problems if problem.file != own_file)
        self._show_file_problems()
        self.show_settings(settings)
        self.banner.show_notice(Tone.SUCCESS, self.tr("Settings saved."), passing=True)
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
