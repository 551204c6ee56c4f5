"""The settings screen on the qasync loop: every field kept and read back, every invalid
value refused with its sentence, the manager PIN kept only as a hash, the token replaced,
carried over and removed through the token store, and the key store's trouble shown."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import keyring.errors
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import (
    SETTINGS_FILE,
    Settings,
    hash_pin,
    load_settings,
    pin_matches,
)
from piggy_desk.token_store import NO_KEY_STORE
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.settings.controller import SettingsDraft, check_settings_draft
from piggy_desk.ui.settings.screen import KEPT_SENTENCES, SettingsScreen
from piggy_desk.ui.settings.sections import NO_PIN, PIN_SET
from piggy_desk.ui.shell.main_window import MainWindow
from tests.helpers.keyrings import FailingKeyring, MemoryKeyring, installed
from tests.ui.conftest import SCREENSHOTS, Counter, Desk, close, enter, open_settings, until

PIGGY = "https://api.piggy.eu"
SECRET = "pat-SECRET-c0ffee-not-for-files"
PIN = "73915284"  # eight digits: a salted hash in hex will not hold them by chance


async def test_the_defaults_are_safe(desk: Desk) -> None:
    screen = desk.screen
    assert screen.objectName() == "settingsScreen"
    assert screen.base_url_input.text() == PIGGY
    assert screen.lock_check.isChecked()
    assert screen.sounds_check.isChecked()
    assert screen.language_choice.currentText() == "System"
    assert [screen.language_choice.itemText(i) for i in range(3)] == [
        "System",
        "English",
        "Nederlands",
    ]
    assert screen.token_input.echoMode() == QLineEdit.EchoMode.Password
    assert screen.new_pin_input.echoMode() == QLineEdit.EchoMode.Password
    assert screen.token_state.text() == KEPT_SENTENCES["none"]
    assert not screen.remove_token_button.isEnabled()
    assert screen.pin_state.text() == NO_PIN
    assert not screen.warning_banner.isVisible()


async def test_every_field_is_saved_and_read_back(desk: Desk) -> None:
    screen = desk.screen
    screen.base_url_input.setText(" https://staging.piggy.example/api/v3/oauth/clients/ ")
    screen.shop_uuid_input.setText(" 66a4d561-1459-43fb-8178-63285b41d882 ")
    screen.lock_check.setChecked(False)
    screen.sounds_check.setChecked(False)
    screen.scan_prefix_input.setText("]C1")
    screen.scan_suffix_input.setText("#END")
    screen.language_choice.setCurrentIndex(screen.language_choice.findText("Nederlands"))
    await desk.save()
    assert screen.banner.text == "Settings saved."
    expected = Settings(
        base_url="https://staging.piggy.example",
        shop_uuid="66a4d561-1459-43fb-8178-63285b41d882",
        lock_before_redeem=False,
        sounds=False,
        scan_prefix="]C1",
        scan_suffix="#END",
        manager_pin_hash=None,
        language="nl",
    )
    assert desk.saved == [expected]
    assert Settings.load(desk.config_dir) == expected
    assert screen.base_url_input.text() == "https://staging.piggy.example"

    # Back to the defaults, and a shop cleared is no shop.
    screen.shop_uuid_input.setText("")
    screen.lock_check.setChecked(True)
    screen.sounds_check.setChecked(True)
    screen.scan_prefix_input.setText("")
    screen.scan_suffix_input.setText("")
    screen.language_choice.setCurrentIndex(screen.language_choice.findText("English"))
    await desk.save()
    again = Settings.load(desk.config_dir)
    assert again.shop_uuid is None
    assert (again.lock_before_redeem, again.sounds) == (True, True)
    assert (again.scan_prefix, again.scan_suffix, again.language) == ("", "", "en")


async def test_a_new_screen_shows_what_was_saved(
    memory_keyring: MemoryKeyring, make_desk: Callable[[Settings], Desk]
) -> None:
    kept = Settings(
        base_url="http://127.0.0.1:9000",
        shop_uuid="shop-7",
        lock_before_redeem=False,
        sounds=False,
        scan_prefix="AB",
        scan_suffix="Z",
        language="nl",
        manager_pin_hash=hash_pin("1234"),
    )
    desk = make_desk(kept)
    await desk.settle()
    screen = desk.screen
    assert screen.base_url_input.text() == "http://127.0.0.1:9000"
    assert screen.shop_uuid_input.text() == "shop-7"
    assert not screen.lock_check.isChecked()
    assert not screen.sounds_check.isChecked()
    assert (screen.scan_prefix_input.text(), screen.scan_suffix_input.text()) == ("AB", "Z")
    assert screen.language_choice.currentText() == "Nederlands"
    assert screen.pin_state.text() == PIN_SET
    assert screen.new_pin_input.text() == ""
    assert screen.remove_pin_check.isEnabled()


@pytest.mark.parametrize(
    ("widget", "value", "key", "sentence"),
    [
        ("base_url_input", "ftp://x", "base_url", "The Piggy address must start with https://."),
        ("base_url_input", "", "base_url", "The Piggy address must start with https://."),
        ("base_url_input", "https://exa mple.com", "base_url", "That is not a web address"),
        ("base_url_input", "https://me:pw@api.piggy.eu", "base_url", "Leave the user name"),
        ("shop_uuid_input", "my shop", "shop_uuid", "A shop UUID has no spaces"),
        ("shop_uuid_input", "a/b", "shop_uuid", "A shop UUID has no spaces"),
        ("shop_uuid_input", "x" * 65, "shop_uuid", "A shop UUID has at most 64 characters."),
        ("scan_prefix_input", "x" * 17, "scan_prefix", "A scanner prefix has at most 16"),
        ("scan_prefix_input", "\x02", "scan_prefix", "A scanner prefix can only hold visible"),
        ("scan_suffix_input", "y" * 17, "scan_suffix", "A scanner suffix has at most 16"),
        ("scan_suffix_input", "\t", "scan_suffix", "A scanner suffix can only hold visible"),
        ("token_input", "two words", "token", "A token has no spaces"),
        ("new_pin_input", "12a4", "manager_pin", "The PIN must be 4 to 8 digits."),
        ("new_pin_input", "123", "manager_pin", "The PIN must be 4 to 8 digits."),
        ("new_pin_input", "123456789", "manager_pin", "The PIN must be 4 to 8 digits."),
        ("new_pin_input", "١٢٣٤", "manager_pin", "The PIN must be 4 to 8 digits."),
    ],
)
async def test_an_invalid_value_is_refused_with_its_sentence_and_nothing_is_kept(
    desk: Desk,
    memory_keyring: MemoryKeyring,
    widget: str,
    value: str,
    key: str,
    sentence: str,
) -> None:
    edit = getattr(desk.screen, widget)
    edit.setText(value)
    if widget == "new_pin_input":
        desk.screen.repeat_pin_input.setText(value)
    await desk.save()
    assert desk.error(key).startswith(sentence)
    assert [k for k in desk.screen.errors if desk.error(k)] == [key]
    assert desk.screen.banner.tone is Tone.REFUSAL
    assert QApplication.focusWidget() is edit
    assert desk.saved == []
    assert not desk.file.exists()
    assert memory_keyring.passwords == {}


async def test_two_different_pins_are_refused(desk: Desk) -> None:
    desk.screen.new_pin_input.setText("1234")
    desk.screen.repeat_pin_input.setText("1243")
    await desk.save()
    assert desk.error("manager_pin") == "The two PINs are not the same. Type the new PIN twice."
    assert not desk.file.exists()


async def test_a_refused_value_loses_its_sentence_when_typed_in(desk: Desk) -> None:
    desk.screen.shop_uuid_input.setText("my shop")
    await desk.save()
    assert desk.error("shop_uuid")
    desk.screen.shop_uuid_input.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(desk.screen.shop_uuid_input, Qt.Key.Key_Backspace)
    assert desk.error("shop_uuid") == ""


async def test_the_manager_pin_is_kept_only_as_a_salted_hash(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    desk.screen.new_pin_input.setText(PIN)
    desk.screen.repeat_pin_input.setText(PIN)
    await desk.save()
    text = desk.file.read_text(encoding="utf-8")
    assert PIN not in text
    stored = json.loads(text)["manager_pin_hash"]
    assert stored.startswith("pbkdf2_sha256$")
    assert pin_matches(PIN, stored)
    assert not pin_matches("00000000", stored)
    assert desk.screen.pin_state.text() == PIN_SET
    assert desk.screen.new_pin_input.text() == desk.screen.repeat_pin_input.text() == ""
    assert all(PIN not in record.getMessage() for record in caplog.records)

    # Saving other things keeps the PIN; a new PIN gets a new salt.
    desk.screen.sounds_check.setChecked(False)
    await desk.save()
    assert Settings.load(desk.config_dir).manager_pin_hash == stored
    desk.screen.new_pin_input.setText(PIN)
    desk.screen.repeat_pin_input.setText(PIN)
    await desk.save()
    renewed = Settings.load(desk.config_dir).manager_pin_hash
    assert renewed is not None
    assert renewed != stored
    assert pin_matches(PIN, renewed)

    desk.screen.remove_pin_check.setChecked(True)
    assert not desk.screen.new_pin_input.isEnabled()
    await desk.save()
    assert Settings.load(desk.config_dir).manager_pin_hash is None
    assert desk.screen.pin_state.text() == NO_PIN


async def test_a_token_is_replaced_through_the_key_store_and_never_shown(
    desk: Desk, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    memory_keyring.passwords[("PiggyDesk", PIGGY)] = "the-old-token"
    desk.screen.refresh()
    await desk.settle()
    assert desk.screen.token_state.text() == KEPT_SENTENCES["keyring"]
    assert desk.screen.remove_token_button.isEnabled()
    assert all("the-old-token" not in text for text in desk.visible_texts())

    desk.screen.token_input.setText(f"  {SECRET} ")
    await desk.save()
    assert memory_keyring.passwords == {("PiggyDesk", PIGGY): SECRET}
    assert desk.token_changes == 1
    assert desk.screen.token_input.text() == ""
    assert all(SECRET not in text for text in desk.visible_texts())
    assert SECRET not in desk.file.read_text(encoding="utf-8")
    assert all(SECRET not in record.getMessage() for record in caplog.records)


async def test_a_new_address_takes_the_kept_token_along(
    desk: Desk, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.passwords[("PiggyDesk", PIGGY)] = SECRET
    desk.screen.base_url_input.setText("https://eu2.piggy.example/")
    await desk.save()
    assert memory_keyring.passwords == {("PiggyDesk", "https://eu2.piggy.example"): SECRET}
    assert desk.token_changes == 1
    # The same address written differently is no change.
    desk.screen.base_url_input.setText("https://eu2.piggy.example/api/v3/oauth/clients")
    await desk.save()
    assert desk.token_changes == 1


async def test_the_token_is_removed_after_a_yes(desk: Desk, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[("PiggyDesk", PIGGY)] = SECRET
    desk.screen.refresh()
    await desk.settle()

    desk.screen.remove_token_button.click()
    box = desk.screen.findChild(QMessageBox, "removeTokenConfirm")
    assert box is not None
    await until(box.isVisible, what="the question")
    assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
    box.button(QMessageBox.StandardButton.Cancel).click()
    await desk.settle()
    assert memory_keyring.passwords == {("PiggyDesk", PIGGY): SECRET}

    desk.screen.remove_token_button.click()
    box = desk.screen.confirm_box
    assert box is not None
    await until(box.isVisible, what="the question again")
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: desk.token_changes == 1, what="the token to go")
    await desk.settle()
    assert memory_keyring.passwords == {}
    assert desk.screen.banner.text == "The token was removed."
    assert desk.screen.token_state.text() == KEPT_SENTENCES["none"]
    assert not desk.screen.remove_token_button.isEnabled()


async def test_without_a_key_store_the_warning_shows_and_the_token_lasts_the_session(
    monkeypatch: pytest.MonkeyPatch, make_desk: Callable[[Settings], Desk]
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    with installed(FailingKeyring(keyring.errors.NoKeyringError)):
        desk = make_desk(Settings())
        await desk.settle()
        assert desk.screen.warning_banner.isVisible()
        assert desk.screen.warning_banner.text == NO_KEY_STORE
        desk.screen.token_input.setText(SECRET)
        await desk.save()
        assert await desk.store.load(PIGGY) == SECRET
        assert desk.screen.token_state.text() == KEPT_SENTENCES["memory"]
        assert desk.screen.warning_banner.text == NO_KEY_STORE
        assert desk.screen.grab().save(str(SCREENSHOTS / "settings-no-key-store.png"))
        assert SECRET not in desk.file.read_text(encoding="utf-8")
        # The folder holds the settings file and nothing else.
        assert [p.name for p in desk.config_dir.iterdir()] == [SETTINGS_FILE]


async def test_the_key_store_locked_warning_shows(
    monkeypatch: pytest.MonkeyPatch, make_desk: Callable[[Settings], Desk]
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    with installed(FailingKeyring(keyring.errors.KeyringLocked)):
        desk = make_desk(Settings())
        await desk.settle()
        assert desk.screen.warning_banner.text.startswith("The key store stayed locked")


async def test_a_token_from_the_environment_cannot_be_changed_here(
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    make_desk: Callable[[Settings], Desk],
) -> None:
    monkeypatch.setenv("PIGGY_TOKEN", SECRET)
    desk = make_desk(Settings())
    await desk.settle()
    assert desk.screen.token_state.text() == KEPT_SENTENCES["environment"]
    assert not desk.screen.token_input.isEnabled()
    assert not desk.screen.remove_token_button.isEnabled()
    assert all(SECRET not in text for text in desk.visible_texts())
    draft = SettingsDraft(PIGGY, "", True, True, "", "", "system", new_token="abc")
    assert "PIGGY_TOKEN" in check_settings_draft(draft, token_managed=True)["token"]
    # Moving to another address leaves the environment's token alone.
    desk.screen.base_url_input.setText("https://eu2.piggy.example")
    await desk.save()
    assert memory_keyring.passwords == {}
    assert desk.token_changes == 0


def test_a_draft_keeps_its_secrets_out_of_its_repr() -> None:
    draft = SettingsDraft(
        PIGGY, "", True, True, "", "", "system", new_token=SECRET, new_pin=PIN, repeated_pin=PIN
    )
    assert SECRET not in repr(draft)
    assert PIN not in repr(draft)


async def test_screenshot_with_a_field_error(desk: Desk) -> None:
    desk.screen.shop_uuid_input.setText("shop 12")
    await desk.save()
    assert desk.error("shop_uuid")
    assert desk.screen.grab().save(str(SCREENSHOTS / "settings-error.png"))


async def test_a_folder_that_cannot_be_written_is_said_plainly(desk: Desk) -> None:
    desk.config_dir.parent.mkdir(parents=True, exist_ok=True)
    desk.config_dir.write_text("a file where the folder should be", encoding="utf-8")
    desk.screen.sounds_check.setChecked(False)
    await desk.save()
    assert desk.screen.banner.tone is Tone.ERROR
    assert desk.screen.banner.text.startswith(
        f"The settings could not be written to {desk.config_dir}"
    )
    assert desk.saved == []
    assert desk.screen.save_button.isEnabled()
    assert [p.name for p in desk.config_dir.parent.iterdir()] == ["config"]


def test_an_unknown_language_in_the_file_reads_as_system(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text('{"language": "tlh", "sounds": false}', "utf-8")
    assert Settings.load(tmp_path) == Settings(language="system", sounds=False)


def test_an_unknown_theme_in_the_file_reads_as_system(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text('{"theme": "sepia", "sounds": false}', "utf-8")
    assert Settings.load(tmp_path) == Settings(theme="system", sounds=False)


async def test_the_theme_is_chosen_saved_and_read_back(desk: Desk) -> None:
    screen = desk.screen
    choice = screen.theme_choice
    assert choice.accessibleName() == "Theme"
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Like this computer",
        "Light",
        "Dark",
    ]
    assert choice.currentText() == "Like this computer"
    choice.setCurrentIndex(choice.findText("Dark"))
    await desk.save()
    assert screen.banner.text == "Settings saved."
    assert desk.saved[-1].theme == "dark"
    assert Settings.load(desk.config_dir).theme == "dark"
    screen.show_settings(Settings())
    assert choice.currentText() == "Like this computer"
    screen.show_settings(Settings.load(desk.config_dir))
    assert choice.currentText() == "Dark"


async def choose_theme_by_keyboard(window: MainWindow, screen: SettingsScreen, name: str) -> None:
    """Focus the theme box, pick ``name`` with the arrow keys, press Save."""
    choice = screen.theme_choice
    choice.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(choice, Qt.Key.Key_Home)
    for _ in range(choice.count()):
        if choice.currentText() == name:
            break
        QTest.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == name
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")


async def test_a_theme_saved_on_the_window_applies_at_once(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow], qapp: QApplication
) -> None:
    window = make_window()
    screen = await open_settings(window)
    assert theme.current() is theme.LIGHT
    light_window = window.grab().toImage()
    await choose_theme_by_keyboard(window, screen, "Dark")
    assert screen.banner.text == "Settings saved."
    assert theme.current() is theme.DARK
    assert qapp.palette().window().color().name() == theme.DARK.window
    assert theme.DARK.surface in qapp.styleSheet()
    assert window.grab().toImage() != light_window
    await choose_theme_by_keyboard(window, screen, "Light")
    assert theme.current() is theme.LIGHT
    await close(window)


async def test_without_the_theme_keeper_the_theme_counts_from_the_next_start(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(follow_theme=False)
    screen = await open_settings(window)
    await choose_theme_by_keyboard(window, screen, "Dark")
    assert theme.current() is theme.LIGHT
    assert window.statusBar().currentMessage() == "The new theme is used from the next start."
    await close(window)


async def test_a_new_language_saved_is_said_to_count_from_the_next_start(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow]
) -> None:
    """Seen on Xvfb: Nederlands chosen and saved, the banner said "Settings saved." and the
    window stayed English; the hint under the field had scrolled out of view. The window
    says when the language counts, as it does for a theme and an address."""
    window = make_window()
    screen = await open_settings(window)
    choice = screen.language_choice
    choice.setCurrentIndex(choice.findText("Nederlands"))
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert screen.banner.text == "Settings saved."
    assert window.statusBar().currentMessage() == "The new language is used from the next start."
    window.statusBar().showMessage("before")
    screen.save_button.click()  # saved again, the language unchanged: nothing more to say
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert window.statusBar().currentMessage() == "before"
    await close(window)


async def test_settings_offers_the_accounts_shops_on_the_counters_connection(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow]
) -> None:
    from piggy_desk.sandbox.seed import _OTHER_SHOP_UUIDS, KNOWN

    window = make_window()
    screen = await open_settings(window)
    picker = screen.shop_picker
    await until(lambda: picker.choice.isVisible(), what="the list of shops")
    # The window's shop is shown as chosen, by its name.
    assert picker.choice.currentText() == "Koffie & Co Utrecht Oudegracht · shop · UTR-01"
    assert picker.uuid() == KNOWN.SHOP_UUID
    screen.scroll_area.ensureWidgetVisible(picker)
    assert screen.grab().save(str(SCREENSHOTS / "settings-shop-picker.png"))
    picker.choice.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(picker.choice, Qt.Key.Key_Down)
    assert picker.uuid() == _OTHER_SHOP_UUIDS[0]
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert screen.banner.text == "Settings saved."
    assert window.flow.settings.shop_uuid == _OTHER_SHOP_UUIDS[0]
    await close(window)


async def test_settings_keeps_the_typed_uuid_when_the_token_may_not_list_shops(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow], sandbox: RunningSandbox
) -> None:
    window = make_window()
    sandbox.inject("status", status=404, path="/shops")
    screen = await open_settings(window)
    picker = screen.shop_picker
    await until(lambda: picker.note.isVisible(), what="the sentence about shops")
    assert picker.note.text() == (
        "Piggy does not list the shops for this token. Type the shop's UUID from the "
        "Piggy dashboard, or leave it empty."
    )
    assert not picker.choice.isVisible()
    screen.shop_uuid_input.setText("typed-shop-uuid")
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert window.flow.settings.shop_uuid == "typed-shop-uuid"
    await close(window)  # a window left open is still a top-level widget for the next test


async def test_bad_values_in_the_file_are_told_and_do_not_break_the_counter(
    memory_keyring: MemoryKeyring,
    make_window: Callable[..., MainWindow],
    sandbox: RunningSandbox,
    tmp_path: Path,
) -> None:
    """A shop UUID with a slash made every redeem fail in developer words; a PIN hash of 5
    opened the crash dialog at every PIN try. Now both fall back to their defaults, the
    status bar says so at start and the Settings screen names them until they are saved."""
    folder = tmp_path / "config"
    folder.mkdir()
    path = folder / SETTINGS_FILE
    path.write_text(
        json.dumps({"shop_uuid": "a/b", "manager_pin_hash": 5, "lock_before_redeem": "yes"}),
        encoding="utf-8",
    )
    window = make_window(loaded=load_settings(folder), config_folder=folder)
    person = Counter(window, sandbox)
    window.show()
    assert window.ready is not None
    await window.ready
    assert window.statusBar().currentMessage() == (
        "Some saved settings could not be used (shop_uuid, lock_before_redeem, "
        "manager_pin_hash): see Settings."
    )

    await person.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await enter(person, Stage.CONFIRMING)
    await enter(person, Stage.SHOWING)
    assert person.last_notice.tone == Tone.SUCCESS, person.last_notice.sentence
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "REDEEMED"

    # Ctrl+6: the settings open with no PIN asked (no usable PIN is set), and no crash.
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: window.tasks.running == 0, what="the settings screen")
    assert window.gate.dialog is None
    screen = window.settings_screen
    assert window.tabs.currentWidget() is screen
    banner = screen.problems_banner
    assert banner.isVisible()
    assert banner.tone is Tone.ERROR
    assert banner.text.splitlines() == [
        f"Ignored, because they cannot work, in {path}:",
        "• shop_uuid: A shop UUID has no spaces, slashes or invisible characters.",
        "• lock_before_redeem: It must be true or false.",
        "• manager_pin_hash: It is not a manager PIN hash made by Piggy Desk.",
        "Saving puts the values shown below in their place.",
    ]
    assert screen.shop_uuid_input.text() == ""
    assert screen.pin_state.text() == NO_PIN
    assert screen.grab().save(str(SCREENSHOTS / "h4-settings-problems.png"))

    # Saving writes a good file: the sentences go, and the next start finds nothing wrong.
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert screen.banner.text == "Settings saved."
    assert not banner.isVisible()
    assert load_settings(folder).problems == ()
    assert window.messages.crashes == []
    await close(window)


async def test_settings_the_shops_it_locked_are_switched_off_and_say_so(
    memory_keyring: MemoryKeyring,
    make_window: Callable[..., MainWindow],
    system_file: Path,
    tmp_path: Path,
) -> None:
    """The system-wide file sets and locks the shop, locking and the scanner prefix, and
    holds a theme that cannot work; the counter's own file has a bad sounds value and a
    shop of its own. Through the real load, the real window and its Settings screen."""
    system_file.write_text(
        json.dumps(
            {
                "shop_uuid": KNOWN.SHOP_UUID,
                "lock_before_redeem": True,
                "scan_prefix": "]C1",
                "theme": "sepia",
                "locked": ["shop_uuid", "lock_before_redeem", "scan_prefix"],
            }
        ),
        encoding="utf-8",
    )
    folder = tmp_path / "config"
    folder.mkdir()
    own = folder / SETTINGS_FILE
    own.write_text(json.dumps({"sounds": "loud", "shop_uuid": "my-own-shop"}), "utf-8")
    loaded = load_settings(folder)
    assert loaded.settings.shop_uuid == KNOWN.SHOP_UUID
    window = make_window(loaded=loaded, config_folder=folder)
    assert window.flow.settings.shop_uuid == KNOWN.SHOP_UUID
    assert window.flow.settings.scan_rules.prefix == "]C1"
    screen = await open_settings(window)
    assert window.statusBar().currentMessage() == (
        "Some saved settings could not be used (theme, sounds): see Settings."
    )

    locked = {
        "shop_uuid": screen.shop_picker,
        "lock_before_redeem": screen.lock_check,
        "scan_prefix": screen.scan_prefix_input,
    }
    for key, widget in locked.items():
        assert not widget.isEnabled(), key
        note = screen.locked_notes[key]
        assert note.isVisible(), key
        assert note.text() == "Set by the shop's IT for every counter: it cannot be changed here."
    assert not screen.shop_uuid_input.isEnabled()
    assert screen.shop_uuid_input.text() == KNOWN.SHOP_UUID
    assert screen.scan_prefix_input.text() == "]C1"
    for key in ("base_url", "sounds", "scan_suffix", "language", "theme", "manager_pin_hash"):
        assert not screen.locked_notes[key].isVisible(), key
    for widget in (screen.base_url_input, screen.sounds_check, screen.scan_suffix_input):
        assert widget.isEnabled()
    assert screen.problems_banner.text.splitlines() == [
        f"Ignored, because they cannot work, in {system_file}:",
        "• theme: It must be one of “system”, “light”, “dark”.",
        "Only whoever prepared that file (the shop's IT) can fix it.",
        f"Ignored, because they cannot work, in {own}:",
        "• sounds: It must be true or false.",
        "Saving puts the values shown below in their place.",
    ]
    screen.scroll_area.verticalScrollBar().setValue(0)
    assert window.grab().save(str(SCREENSHOTS / "h4-settings-locked.png"))

    # The manager changes what they may; the counter's file keeps only that.
    screen.sounds_check.setChecked(False)
    screen.scan_suffix_input.setText("#")
    screen.save_button.click()
    await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
    assert screen.banner.text == "Settings saved."
    assert json.loads(own.read_text(encoding="utf-8")) == {"sounds": False, "scan_suffix": "#"}
    assert screen.problems_banner.text.splitlines()[0].endswith(f"in {system_file}:")
    assert "sounds" not in screen.problems_banner.text
    assert window.flow.settings.shop_uuid == KNOWN.SHOP_UUID
    again = load_settings(folder)
    assert (again.settings.sounds, again.settings.scan_suffix) == (False, "#")
    assert [p.key for p in again.problems] == ["theme"]
    await close(window)


async def test_a_locked_manager_pin_cannot_be_changed_or_removed_here(
    memory_keyring: MemoryKeyring, make_desk: Callable[..., Desk], system_file: Path
) -> None:
    system_file.write_text(
        json.dumps({"manager_pin_hash": hash_pin(PIN), "locked": ["manager_pin_hash"]}), "utf-8"
    )
    loaded = load_settings(system_file.parent / "nobody")
    desk = make_desk(loaded.settings, loaded.locked)
    await desk.settle()
    screen = desk.screen
    assert screen.pin_state.text() == PIN_SET
    assert screen.locked_notes["manager_pin_hash"].isVisible()
    for widget in (screen.new_pin_input, screen.repeat_pin_input, screen.remove_pin_check):
        assert not widget.isEnabled()
    # Undo changes shows the settings again: still switched off.
    screen.revert_button.click()
    assert not screen.new_pin_input.isEnabled()
    await desk.save()
    assert screen.banner.text == "Settings saved."
    assert "manager_pin_hash" not in json.loads(desk.file.read_text(encoding="utf-8"))
    assert (
        load_settings(desk.config_dir).settings.manager_pin_hash == loaded.settings.manager_pin_hash
    )


async def test_a_screen_that_saves_elsewhere_promises_no_fix_for_the_counters_file(
    memory_keyring: MemoryKeyring, make_desk: Callable[..., Desk], tmp_path: Path
) -> None:
    """Training saves its own settings, not the counter's file: saving there fixes nothing
    in that file, and the system-wide file is the IT's; the screen says only what is true."""
    own = tmp_path / "real-config"
    own.mkdir()
    (own / SETTINGS_FILE).write_text('{"sounds": "loud"}', encoding="utf-8")
    loaded = load_settings(own)
    desk = make_desk(loaded.settings, problems=loaded.problems)
    await desk.settle()
    assert desk.screen.problems_banner.text.splitlines() == [
        f"Ignored, because they cannot work, in {own / SETTINGS_FILE}:",
        "• sounds: It must be true or false.",
    ]
    await desk.save()
    assert desk.screen.problems_banner.isVisible()  # that file was not written


async def test_settings_switches_to_an_oauth_client_kept_in_the_key_store(
    desk: Desk, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    screen = desk.screen
    assert screen.sign_in.kind() == "token"
    assert screen.token_input.isVisible() and not screen.client_id_input.isVisible()
    screen.sign_in.client_button.click()
    assert not screen.token_input.isVisible()
    assert screen.client_id_input.isVisible() and screen.client_secret_input.isVisible()
    assert screen.client_secret_input.echoMode() == QLineEdit.EchoMode.Password
    for key in ("client_id", "client_secret"):
        assert not screen.errors[key].isVisible(), "no empty sentence line"
    assert not screen.locked_notes["client_id"].isVisible(), "nothing is locked here"
    screen.client_id_input.setText(" 1042 ")
    screen.client_secret_input.setText(f" {SECRET} ")
    await desk.save()
    assert screen.banner.text == "Settings saved."
    assert (desk.saved[-1].auth, desk.saved[-1].client_id) == ("oauth_client", "1042")
    assert memory_keyring.passwords == {("PiggyDesk", f"{PIGGY} OAuth client secret"): SECRET}
    assert desk.token_changes == 1
    assert Settings.load(desk.config_dir).auth == "oauth_client"
    assert SECRET not in desk.file.read_text(encoding="utf-8")
    assert all(SECRET not in text for text in desk.visible_texts())
    assert all(SECRET not in record.getMessage() for record in caplog.records)
    await desk.settle()
    assert screen.client_secret_state.text() == (
        "A client secret is kept in this computer's key store. It is never shown."
    )
    assert screen.client_id_input.text() == "1042"
    screen.scroll_area.ensureWidgetVisible(screen.client_secret_input)
    assert screen.grab().save(str(SCREENSHOTS / "settings-oauth-client.png"))


async def test_an_oauth_client_without_a_kept_secret_is_refused_and_nothing_kept(
    desk: Desk, memory_keyring: MemoryKeyring
) -> None:
    screen = desk.screen
    screen.sign_in.client_button.click()
    await desk.save()
    assert desk.error("client_id") == "Type the OAuth client's id from your Piggy account."
    screen.client_id_input.setText("1042")
    await desk.save()
    assert desk.error("client_secret") == (
        "Paste the OAuth client's secret: none is kept for this Piggy address."
    )
    assert desk.saved == [] and not desk.file.exists()
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    ("language", "width", "side_by_side"), [("en", 1366, True), ("nl", 1100, False)]
)
async def test_the_settings_never_scroll_sideways(
    make_desk: Callable[..., Desk],
    memory_keyring: MemoryKeyring,
    qapp: QApplication,
    language: str,
    width: int,
    side_by_side: bool,
) -> None:
    """Outside tester: in Dutch at 1100 px the Counter column was cut off ("Elke voucher
    reserveren voordat hij wordt i…") behind a sideways scroll bar. Where both columns do
    not fit they stand one above the other, each whole; where they fit, side by side."""
    install_translators(qapp, language)
    try:
        desk = make_desk(Settings())
        await desk.settle()
        screen = desk.screen
        screen.resize(width - 30, 700)
        await until(lambda: screen.columns.side_by_side == side_by_side, what="the columns")
        await until(lambda: screen.columns.width() <= screen.scroll_area.viewport().width())
        assert not screen.scroll_area.horizontalScrollBar().isVisible()
        for section in screen.sections:
            assert section.width() >= section.minimumSizeHint().width(), section.title()
        assert screen.lock_check.width() >= screen.lock_check.sizeHint().width()
        assert screen.grab().save(str(SCREENSHOTS / f"settings-{language}-{width}.png"))
    finally:
        install_translators(qapp, "en")


async def test_save_pressed_from_the_keyboard_keeps_the_focus_and_is_heard(
    memory_keyring: MemoryKeyring, make_window: Callable[..., MainWindow]
) -> None:
    """Save greys itself out while it saves, and Qt gave the focus away to the tab bar: a
    keyboard user had to Tab back through the tabs, and a screen reader said "Settings page
    tab" instead of "Settings saved." (said on the Save button, no longer focused)."""
    window = make_window()
    screen = await open_settings(window)
    window.activateWindow()
    screen.sounds_check.setFocus(Qt.FocusReason.TabFocusReason)
    await until(lambda: QApplication.focusWidget() is screen.sounds_check, what="focus")
    QTest.keyClick(screen.sounds_check, Qt.Key.Key_Space)
    screen.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(screen.save_button, Qt.Key.Key_Space)
    await until(lambda: screen.banner.text == "Settings saved.", what="saved")
    await until(lambda: window.tasks.running == 0, what="saving")
    await until(
        lambda: screen.save_button.accessibleDescription().strip() == "Settings saved.",
        what=f"the outcome heard, not {screen.save_button.accessibleDescription()!r}",
    )
    assert QApplication.focusWidget() is screen.save_button, QApplication.focusWidget()
    await close(window)
