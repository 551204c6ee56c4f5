"""Settings in training (issue 15, defect 10): the screen shows the connection the counter
really has, the built-in sandbox, and not the shop's Piggy address, its kept token or the
key store, which training never uses. Before, a trainee read "https://api.piggy.eu", "No
token is kept…" and a key-store warning while the status bar said "Training sandbox ·
Online"."""

from __future__ import annotations

from pathlib import Path

from keyring.backends.fail import Keyring as NoKeyStore
from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_main_window
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import DEFAULT_BASE_URL, Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core.sounds import SoundPlayer
from tests.helpers.keyrings import installed
from tests.ui.conftest import close, open_settings, until


async def test_training_settings_show_the_sandbox(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    qapp.setQuitOnLastWindowClosed(False)
    store = TokenStore()
    with installed(NoKeyStore()):
        # As ``piggy-desk --demo`` builds it on a computer with no key store.
        window = build_main_window(
            base_url=sandbox.base_url,
            token=sandbox.token,
            data_dir=tmp_path / "data",
            settings=Settings(shop_uuid=KNOWN.SHOP_UUID, sounds=False),
            training=True,
            sounds=SoundPlayer(tmp_path / "sounds", enabled=False),
            token_store=store,
            config_folder=tmp_path / "training-settings",
        )
        try:
            screen = await open_settings(window)
            await until(lambda: window.tasks.running == 0, what="the screen to settle")
            window.resize(1100, 720)
            screen.grab().save(str(tmp_path / "training-settings.png"))
            # The connection the counter has: the sandbox, its token made for this session.
            assert screen.base_url_input.text() == sandbox.base_url
            assert screen.base_url_input.isReadOnly()
            state = screen.token_state.text()
            assert "sandbox" in state and "No token is kept" not in state
            assert not screen.token_input.isEnabled()
            assert not screen.remove_token_button.isEnabled()
            assert not screen.sign_in.isEnabled()
            # The key store plays no part in training: no warning about it.
            shown = screen.warning_banner.text
            assert "no working key store" not in shown
            assert "Training" in shown and sandbox.base_url in shown
            assert "no working key store" not in window.statusBar().currentMessage()
            # Saving keeps the shop's address for a real start, not the sandbox's.
            screen.sounds_check.setChecked(True)
            screen.save_button.click()
            await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
            assert screen.settings.sounds
            assert screen.settings.base_url == DEFAULT_BASE_URL
            assert screen.base_url_input.text() == sandbox.base_url
        finally:
            await close(window)
            store.close()
