"""Settings in training (issue 15, defect 10): the screen shows the connection the counter
really has, the built-in sandbox, and not the shop's Piggy address, its kept token or the
key store, which training never uses. Before, a trainee read "https://api.piggy.eu", "No
token is kept…" and a key-store warning while the status bar said "Training sandbox ·
Online"."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest
import shiboken6
from keyring.backends.fail import Keyring as NoKeyStore
from PySide6.QtWidgets import QApplication

from piggy_desk.app import _run, build_main_window, parse_arguments
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import (
    DEFAULT_BASE_URL,
    LoadedSettings,
    Settings,
    config_dir,
    load_settings,
    training_settings,
)
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.shell.main_window import MainWindow
from tests.helpers.keyrings import installed
from tests.helpers.processes import (
    program_environment,
    read_log,
    start_program,
    stopped,
    until_logged,
)
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


async def test_the_language_and_theme_chosen_in_training_are_those_of_the_next_start(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue: in ``--demo`` Settings said "Settings saved." and "A new language is used from
    the next start", but the next start was English and light: training wrote its own file,
    which no start reads. The person's choices are now the counter's, the shop's connection
    stays as it was, and the lock-before-redeem choice and PIN stay training's."""
    home = tmp_path / "home"
    for name, value in program_environment(home).items():
        if name.startswith("XDG_"):
            monkeypatch.setenv(name, value)
    own = config_dir()
    assert own.is_relative_to(home)
    Settings(base_url="https://piggy.example", shop_uuid="shop-1").save(own)
    data = tmp_path / "data"
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    qapp.setQuitOnLastWindowClosed(False)
    arguments = parse_arguments(["--demo", "--data-dir", str(data)])
    keeper = theme.install(qapp, "light")
    started = asyncio.get_running_loop().create_task(
        _run(arguments, qapp, keeper, load_settings(own))
    )
    try:
        await until(
            lambda: any(
                isinstance(w, MainWindow) and w.isVisible() for w in qapp.topLevelWidgets()
            ),
            what="the training window",
        )
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        screen = await open_settings(window)
        screen.language_choice.setCurrentIndex(screen.language_choice.findData("nl"))
        screen.theme_choice.setCurrentIndex(screen.theme_choice.findData("dark"))
        screen.lock_check.setChecked(False)
        screen.save_button.click()
        await until(lambda: not screen.busy and window.tasks.running == 0, what="saving")
        assert screen.banner.text == "Settings saved."
        window.close()
        assert await asyncio.wait_for(started, 20) == 0
        shiboken6.delete(window)  # no window left for the tests that follow
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        keeper.set_choice("light")
    kept = load_settings(own).settings
    assert (kept.language, kept.theme) == ("nl", "dark")
    # Training never changes the shop's connection, nor its lock-before-redeem.
    assert (kept.base_url, kept.shop_uuid, kept.lock_before_redeem) == (
        "https://piggy.example",
        "shop-1",
        True,
    )
    training = training_settings(LoadedSettings(kept), data / "training" / "settings")
    assert not training.lock_before_redeem

    # The next start, as a person starts it: Dutch and dark.
    logs = tmp_path / "log"
    process = start_program(home, logs, "--demo", "--data-dir", str(data))
    try:
        until_logged(process, logs, "the counter is open")
        assert "language nl, theme dark" in read_log(logs)
        assert stopped(process) == 0
    finally:
        process.kill()
