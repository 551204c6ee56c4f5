"""The first-run screen on the qasync loop against the sandbox over loopback: both
choices, a tested connection kept in the (in-memory) key store, and each plain reason a
test can fail for, with bad input refused before anything is sent."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from piggy_desk.api import DEFAULT_BASE_URL
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import SETTINGS_FILE, Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.first_run.screen import FirstRunScreen, FirstRunWindow, connected_sentence
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.network import closed_port
from tests.ui.conftest import SCREENSHOTS, Installer, until


async def test_the_screen_offers_both_choices_with_piggy_as_the_default_address(
    installer: Installer,
) -> None:
    screen = installer.screen
    assert screen.objectName() == "firstRunScreen"
    assert screen.base_url_input.text() == DEFAULT_BASE_URL
    assert screen.token_input.echoMode() == QLineEdit.EchoMode.Password
    assert screen.sandbox_button.isVisible()
    assert screen.test_button.objectName() == "testConnectionButton"
    assert screen.save_button.objectName() == "saveAndStartButton"
    assert not screen.save_button.isEnabled()


async def test_trying_the_sandbox_is_one_click(installer: Installer) -> None:
    installer.screen.sandbox_button.click()
    assert installer.sandbox_chosen == 1
    assert installer.connected == []
    assert installer.keyring.passwords == {}
    assert not (installer.config_dir / SETTINGS_FILE).exists()


async def test_the_right_token_connects_and_save_keeps_it_in_the_key_store(
    installer: Installer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sandbox = installer.sandbox
    # As a person pastes it: the API path and a trailing space.
    installer.fill(f"{sandbox.base_url}/api/v3/oauth/clients ", sandbox.token, KNOWN.SHOP_UUID)
    sentence = await installer.test_connection()
    assert sentence.startswith("Connected: Piggy answered with ")
    assert sentence.endswith(" promotions.")
    assert installer.screen.banner.tone is Tone.SUCCESS
    assert installer.screen.save_button.isEnabled()
    assert installer.keyring.passwords == {}  # nothing is kept before Save
    assert installer.screen.grab().save(str(SCREENSHOTS / "first-run-success.png"))

    installer.screen.save_button.click()
    await until(lambda: installer.connected, what="connected")
    settings = installer.connected[0]
    assert settings.base_url == sandbox.base_url
    assert settings.shop_uuid == KNOWN.SHOP_UUID
    assert installer.keyring.passwords == {("PiggyDesk", sandbox.base_url): sandbox.token}
    assert await installer.store.load(sandbox.base_url) == sandbox.token
    saved = installer.config_dir / SETTINGS_FILE
    assert Settings.load(installer.config_dir) == settings
    assert sandbox.token not in saved.read_text(encoding="utf-8")
    assert "token" not in json.loads(saved.read_text(encoding="utf-8"))
    files = [path for path in installer.config_dir.rglob("*") if path.is_file()]
    assert [path.name for path in files] == [SETTINGS_FILE]
    assert caplog.records, "nothing was logged: the check below would prove nothing"
    assert all(sandbox.token not in record.getMessage() for record in caplog.records)


async def test_enter_in_a_field_tests_the_connection(installer: Installer) -> None:
    installer.fill(installer.sandbox.base_url, installer.sandbox.token)
    installer.screen.token_input.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(installer.screen.token_input, Qt.Key.Key_Return)
    await until(lambda: installer.screen.tested, what="the test Enter started")
    assert installer.screen.banner.text.startswith("Connected")


def test_the_success_sentence_counts_promotions() -> None:
    assert connected_sentence(1) == "Connected: Piggy answered with 1 promotion."
    assert connected_sentence(0) == "Connected: Piggy answered with 0 promotions."


async def test_editing_after_a_successful_test_asks_for_a_new_test(installer: Installer) -> None:
    installer.fill(installer.sandbox.base_url, installer.sandbox.token)
    await installer.test_connection()
    assert installer.screen.save_button.isEnabled()
    installer.screen.token_input.setFocus()
    QTest.keyClicks(installer.screen.token_input, "x")
    assert not installer.screen.save_button.isEnabled()
    assert installer.screen.banner.text == ""
    installer.screen.save_and_start()  # refused: what is typed was not tested
    await asyncio.sleep(0.05)
    assert installer.connected == []
    assert installer.keyring.passwords == {}


async def test_a_wrong_token_is_called_a_wrong_token(installer: Installer) -> None:
    installer.fill(installer.sandbox.base_url, "pat-not-the-right-one")
    sentence = await installer.test_connection()
    assert sentence.startswith("Wrong token: Piggy did not accept it.")
    assert "pat-not-the-right-one" not in sentence
    assert installer.screen.banner.tone is Tone.ERROR
    assert not installer.screen.save_button.isEnabled()
    assert installer.screen.grab().save(str(SCREENSHOTS / "first-run-wrong-token.png"))
    # A manager can see the details; the token is not in them.
    installer.screen.banner.details_requested.emit()
    dialog = installer.screen.findChild(QDialog, "errorDetails")
    assert dialog is not None
    text = dialog.findChild(QPlainTextEdit)
    assert text is not None
    assert "Unauthorized" in text.toPlainText()
    assert "pat-not-the-right-one" not in text.toPlainText()
    dialog.close()


async def test_nobody_listening_is_no_network(installer: Installer) -> None:
    address = f"http://127.0.0.1:{closed_port()}"
    installer.fill(address, installer.sandbox.token)
    sentence = await installer.test_connection()
    assert sentence == (
        f"No network: Piggy Desk could not reach {address}. Check the internet connection "
        "and the address."
    )
    assert not installer.screen.save_button.isEnabled()
    assert installer.screen.grab().save(str(SCREENSHOTS / "first-run-no-network.png"))


async def test_maintenance_is_called_maintenance(installer: Installer) -> None:
    installer.sandbox.inject("status", status=503, count=5)
    installer.fill(installer.sandbox.base_url, installer.sandbox.token)
    sentence = await installer.test_connection()
    assert sentence.startswith("Piggy is down for maintenance")
    assert not installer.screen.save_button.isEnabled()


async def test_something_that_is_not_piggy_is_named(installer: Installer) -> None:
    installer.sandbox.inject("status", status=404, count=5)
    installer.fill(installer.sandbox.base_url, installer.sandbox.token)
    sentence = await installer.test_connection()
    assert sentence
    assert not installer.screen.save_button.isEnabled()


@pytest.mark.parametrize(
    ("base_url", "token", "shop_uuid", "key", "sentence"),
    [
        ("https://api.piggy.eu", "", "", "token", "Paste the Personal Access Token"),
        ("https://api.piggy.eu", "   ", "", "token", "Paste the Personal Access Token"),
        ("ftp://x", "some-token", "", "base_url", "The Piggy address must start with https://."),
        ("", "some-token", "", "base_url", "The Piggy address must start with https://."),
        ("https://api.piggy.eu", "two words", "", "token", "A token has no spaces"),
        ("https://api.piggy.eu", "tøken", "", "token", "A token has no spaces"),
        ("https://api.piggy.eu", "some-token", "my shop", "shop_uuid", "A shop UUID has no"),
    ],
)
async def test_bad_input_is_refused_with_a_sentence_and_nothing_is_sent(
    installer: Installer, base_url: str, token: str, shop_uuid: str, key: str, sentence: str
) -> None:
    before = installer.requests()
    installer.fill(base_url, token, shop_uuid)
    installer.screen.test_button.click()
    await asyncio.sleep(0.05)
    assert installer.tasks.running == 0
    assert installer.error(key).startswith(sentence)
    assert installer.requests() == before
    assert not installer.screen.save_button.isEnabled()
    assert QApplication.focusWidget() is installer.screen.findChild(
        QLineEdit, {"base_url": "baseUrlInput", "token": "tokenInput"}.get(key, "shopUuidInput")
    )


async def test_a_refused_field_is_cleared_when_typed_in(installer: Installer) -> None:
    installer.fill("https://api.piggy.eu", "")
    installer.screen.test_button.click()
    assert installer.error("token")
    installer.screen.token_input.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(installer.screen.token_input, "a")
    assert installer.error("token") == ""


async def test_a_tested_connection_offers_the_accounts_shops_to_choose_from(
    installer: Installer,
) -> None:
    from piggy_desk.sandbox.seed import _OTHER_SHOP_UUIDS

    screen = installer.screen
    assert not screen.shop_picker.choice.isVisible()  # nothing to choose before the test
    installer.fill(installer.sandbox.base_url, installer.sandbox.token)
    await installer.test_connection()
    await until(lambda: screen.shop_picker.choice.isVisible(), what="the list of shops")
    choice = screen.shop_picker.choice
    items = [choice.itemText(index) for index in range(choice.count())]
    assert items == [
        "No shop",
        "Koffie & Co Utrecht Oudegracht · shop · UTR-01",
        "Koffie & Co Amersfoort Langestraat · shop · AMF-02",
        "Koffie & Co webwinkel · web shop",
        "Another shop (type its UUID)",
    ]
    assert not screen.shop_uuid_input.isVisible(), "the list stands for the field"
    assert not screen.shop_picker.note.isVisible()
    # Chosen with the keyboard, as a manager would: the UUID field follows.
    choice.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(choice, Qt.Key.Key_Down)
    QTest.keyClick(choice, Qt.Key.Key_Down)
    assert screen.shop_uuid_input.text() == _OTHER_SHOP_UUIDS[0]
    assert screen.save_button.isEnabled(), "choosing a shop needs no new test"
    assert screen.grab().save(str(SCREENSHOTS / "first-run-shop-picker.png"))
    screen.save_button.click()
    await until(lambda: installer.connected, what="connected")
    assert installer.connected[0].shop_uuid == _OTHER_SHOP_UUIDS[0]


async def test_a_token_that_may_not_list_shops_keeps_the_typed_uuid_with_a_sentence(
    installer: Installer,
) -> None:
    screen = installer.screen
    installer.sandbox.inject("status", status=403, path="/shops")
    installer.fill(installer.sandbox.base_url, installer.sandbox.token, KNOWN.SHOP_UUID)
    sentence = await installer.test_connection()
    assert sentence.startswith("Connected")
    await until(lambda: screen.shop_picker.note.isVisible(), what="the sentence about shops")
    assert screen.shop_picker.note.text().startswith(
        "Piggy does not list the shops for this token. Type the shop's UUID"
    )
    assert not screen.shop_picker.choice.isVisible()
    assert screen.shop_uuid_input.isVisible() and screen.shop_uuid_input.isEnabled()
    screen.save_button.click()
    await until(lambda: installer.connected, what="connected")
    assert installer.connected[0].shop_uuid == KNOWN.SHOP_UUID


def fill_oauth_client(installer: Installer, client_id: str, secret: str) -> None:
    screen = installer.screen
    screen.base_url_input.setText(installer.sandbox.base_url)
    screen.sign_in.client_button.click()
    screen.client_id_input.setText(client_id)
    screen.client_secret_input.setText(secret)


async def test_an_oauth_client_connects_and_its_secret_goes_to_the_key_store(
    installer: Installer, caplog: pytest.LogCaptureFixture
) -> None:
    from piggy_desk.api import ClientCredentials
    from piggy_desk.app import kept_credentials
    from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    caplog.set_level(logging.DEBUG)
    screen = installer.screen
    assert screen.token_input.isVisible() and not screen.client_id_input.isVisible()
    fill_oauth_client(installer, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
    assert not screen.token_input.isVisible()
    assert screen.client_id_input.isVisible() and screen.client_secret_input.isVisible()
    assert screen.client_secret_input.echoMode() == QLineEdit.EchoMode.Password
    # No empty sentence lines open gaps between the fields.
    assert not screen.errors["client_id"].isVisible()
    assert not screen.errors["client_secret"].isVisible()
    issued = installer.sandbox.stats()["tokens_issued"]
    sentence = await installer.test_connection()
    assert sentence.startswith("Connected: Piggy answered with ")
    assert installer.sandbox.stats()["tokens_issued"] == issued + 1
    await until(lambda: screen.shop_picker.choice.isVisible(), what="the list of shops")
    assert screen.grab().save(str(SCREENSHOTS / "first-run-oauth-client.png"))

    screen.save_button.click()
    await until(lambda: installer.connected, what="connected")
    settings = installer.connected[0]
    assert (settings.auth, settings.client_id) == ("oauth_client", DEFAULT_CLIENT_ID)
    base_url = installer.sandbox.base_url
    assert installer.keyring.passwords == {
        ("PiggyDesk", f"{base_url} OAuth client secret"): DEFAULT_CLIENT_SECRET
    }
    saved = (installer.config_dir / SETTINGS_FILE).read_text(encoding="utf-8")
    assert DEFAULT_CLIENT_SECRET not in saved
    assert caplog.records
    assert all(DEFAULT_CLIENT_SECRET not in record.getMessage() for record in caplog.records)
    # What the next start signs in with.
    kept = await kept_credentials(settings, installer.store, base_url)
    assert kept == ClientCredentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)


async def test_a_wrong_client_secret_is_called_that(installer: Installer) -> None:
    from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID

    fill_oauth_client(installer, DEFAULT_CLIENT_ID, "not-the-secret")
    sentence = await installer.test_connection()
    assert sentence == (
        "Wrong client id or secret: Piggy did not accept them. Copy both again from your "
        "Piggy account."
    )
    assert not installer.screen.save_button.isEnabled()


async def test_an_oauth_client_needs_its_id_and_secret_before_anything_is_sent(
    installer: Installer,
) -> None:
    fill_oauth_client(installer, "", "")
    before = installer.requests()
    await installer.test_connection()
    assert installer.error("client_id") == "Type the OAuth client's id from your Piggy account."
    assert installer.error("client_secret") == (
        "Paste the OAuth client's secret from your Piggy account."
    )
    assert installer.error("token") == ""
    fill_oauth_client(installer, "10 42", "a secret with spaces")
    await installer.test_connection()
    assert installer.error("client_id").startswith("A client id has no spaces")
    assert installer.error("client_secret").startswith("A client secret has no spaces")
    assert installer.requests() == before


async def test_an_oauth_client_whose_secret_is_missing_is_asked_for_the_secret_only(
    sandbox: RunningSandbox, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    settings = Settings(base_url=sandbox.base_url, auth="oauth_client", client_id="1042")
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    store = TokenStore()
    screen = FirstRunScreen(settings, store, tasks, messages, tmp_path / "config")
    screen.show()
    try:
        assert screen.sign_in.kind() == "oauth_client"
        assert screen.client_id_input.text() == "1042"
        assert screen.client_secret_input.isVisible() and not screen.token_input.isVisible()
    finally:
        screen.close()
        screen.deleteLater()
        store.close()


async def test_the_first_run_window_is_labelled_for_a_screen_reader(installer: Installer) -> None:
    """Issue 19: the first-run window goes through label_controls as the main window's
    screens do: each form label is its control's, Tab goes through the form row by row
    (the way of signing in before the token under it), the scroll area around the fields
    is no silent Tab stop, and the address's placeholder is heard as an example."""
    screen = installer.screen
    window = FirstRunWindow(screen)
    try:
        labels = {
            label.text(): label.buddy()
            for label in screen.findChildren(QLabel)
            if label.buddy() is not None
        }
        assert labels["Piggy address:"] is screen.base_url_input
        assert labels["Sign in with:"] is screen.sign_in.token_button
        assert labels["Token:"] is screen.token_input
        assert labels["Shop:"] is not None
        rows = (screen.base_url_input, screen.sign_in.token_button, screen.token_input)
        order: list[QWidget] = []
        widget = screen.base_url_input
        while len(order) < len(rows):
            if widget in rows and widget not in order:
                order.append(widget)
            widget = widget.nextInFocusChain()
        assert order == list(rows)
        assert screen.connect_scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert screen.base_url_input.accessibleDescription().startswith("Example")
    finally:
        window.close()
        window.deleteLater()
