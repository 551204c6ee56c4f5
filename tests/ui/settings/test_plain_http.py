"""A plain-http Piggy address outside this computer is refused at every entry point with
the same sentence, before the token goes anywhere: the settings file, the first-run
screen, the settings screen and ``--base-url``."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from piggy_desk.api import DEFAULT_BASE_URL
from piggy_desk.settings import SETTINGS_FILE, load_settings
from tests.helpers.network import PLAIN_HTTP_REFUSED, eavesdropper
from tests.helpers.processes import fails_with
from tests.ui.conftest import SCREENSHOTS, Desk, Installer, until

ADDRESSES = ["http://api.piggy.eu", "http://192.0.2.10:8080"]


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_settings_file_cannot_send_the_token_over_plain_http(
    tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIGGY_DESK_SYSTEM_SETTINGS", "")
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"base_url": address}), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings.base_url == DEFAULT_BASE_URL
    [problem] = loaded.problems
    assert problem.key == "base_url"
    assert PLAIN_HTTP_REFUSED in problem.sentence()


@pytest.mark.parametrize("address", ADDRESSES)
def test_base_url_on_the_command_line_refuses_plain_http(tmp_path: Path, address: str) -> None:
    fails_with(
        tmp_path,
        [f"The Piggy address cannot be used: {PLAIN_HTTP_REFUSED}"],
        "--base-url", address, "--data-dir", str(tmp_path / "data"),
        token="secret-token-1234",
    )  # fmt: skip


async def test_the_first_run_screen_refuses_plain_http_and_sends_nothing(
    installer: Installer,
) -> None:
    async with eavesdropper() as listener:
        installer.fill(listener.base_url, "secret-token-1234")
        installer.screen.test_button.click()
        await asyncio.sleep(0.05)
        await until(lambda: installer.tasks.running == 0, what="the connection test")
        assert installer.error("base_url").startswith(PLAIN_HTTP_REFUSED)
    assert listener.heard == []
    assert not installer.screen.save_button.isEnabled()
    installer.screen.grab().save(str(SCREENSHOTS / "first-run-plain-http.png"))


async def test_the_settings_screen_refuses_plain_http(desk: Desk) -> None:
    desk.screen.base_url_input.setText("http://api.piggy.eu")
    await desk.save()
    assert desk.error("base_url").startswith(PLAIN_HTTP_REFUSED)
    assert desk.saved == []
