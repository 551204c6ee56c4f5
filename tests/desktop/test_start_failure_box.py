"""A start that fails shows its box on a real display, in the person's language, and ends
with exit code 1 when the box is closed (issue 13, finding 7); with and without a window
manager. Judged by the box's window, the exit code, and a screenshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop.harness import Display, keep_screenshot, own_folders

TITLES = {"en": "Piggy Desk could not start", "nl": "Piggy Desk kon niet starten"}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_box_says_why_and_the_program_ends_when_it_is_closed(
    display: Display, tmp_path: Path, language: str, request: pytest.FixtureRequest
) -> None:
    env = own_folders(tmp_path) | {"PIGGY_TOKEN": "a-token"}
    config = Path(env["XDG_CONFIG_HOME"]) / "PiggyDesk"  # platformdirs' folder on Linux
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"language": language}))
    program = display.start(
        "--base-url", "ftp://piggy.example", "--data-dir", str(tmp_path / "data"),
        "--log-dir", str(tmp_path / "log"), env=env,
    )  # fmt: skip
    box = display.window_of(program)  # its only window
    assert display.xdotool("getwindowname", box) == TITLES[language]
    shot = display.screenshot(tmp_path / "box.png")
    keep_screenshot(shot, f"start-failure-{request.node.callspec.id}.png")
    display.focus(box)
    display.press("Return")  # OK
    assert program.wait(timeout=20) == 1
