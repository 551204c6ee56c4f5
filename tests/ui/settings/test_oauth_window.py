"""The main window on an OAuth client (not training): its counter's client signs in with
the client's id and secret, Settings shows that way of signing in, and a changed one is
said to count from the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from piggy_desk.api import ClientCredentials
from piggy_desk.app import build_main_window
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from piggy_desk.settings import Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.sounds import SoundPlayer
from tests.helpers.keyrings import MemoryKeyring
from tests.ui.conftest import close, open_settings, until


async def test_a_window_on_an_oauth_client(
    sandbox: RunningSandbox, memory_keyring: MemoryKeyring, tmp_path: Path, qapp: QApplication
) -> None:
    qapp.setQuitOnLastWindowClosed(False)
    keeper = theme.install(qapp, "light")
    base_url = sandbox.base_url
    memory_keyring.passwords[("PiggyDesk", f"{base_url} OAuth client secret")] = (
        DEFAULT_CLIENT_SECRET
    )
    settings = Settings(
        base_url=base_url,
        shop_uuid=KNOWN.SHOP_UUID,
        sounds=False,
        auth="oauth_client",
        client_id=DEFAULT_CLIENT_ID,
    )
    store = TokenStore()
    issued = sandbox.stats()["tokens_issued"]
    window = build_main_window(
        base_url=base_url,
        token=ClientCredentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET),
        data_dir=tmp_path / "data",
        settings=settings,
        sounds=SoundPlayer(tmp_path / "sounds", enabled=False),
        token_store=store,
        config_folder=tmp_path / "config",
        theme_keeper=keeper,
    )
    try:
        screen = await open_settings(window)
        assert sandbox.stats()["tokens_issued"] > issued, "the window's client got a token"
        await until(lambda: screen.shop_picker.choice.isVisible(), what="the shops")
        assert screen.sign_in.kind() == "oauth_client"
        assert screen.client_id_input.text() == DEFAULT_CLIENT_ID
        await until(
            lambda: screen.client_secret_state.text().startswith("A client secret is kept"),
            what="the secret's state",
        )
        screen.client_secret_input.setText("a-new-secret-from-the-dashboard")
        screen.save_button.click()
        await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
        assert window.statusBar().currentMessage() == (
            "The new way of signing in to Piggy is used from the next start."
        )
    finally:
        await close(window)
        store.close()
        keeper.set_choice("light")
