"""A start on a data folder another copy holds, when that copy cannot be asked to come to
the front (it is still starting, say), says in a box that Piggy Desk is already open, on a
real display with and without a window manager (issue 13, finding 3); closing the box ends
the start without touching the journal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from piggy_desk.ui.shell.one_copy import LOCK_FILE, _lock
from tests.desktop.harness import Display, keep_screenshot, own_folders


def test_the_already_open_box(
    display: Display, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "data" / "training"
    folder.mkdir(parents=True)
    held = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)  # the other copy
    try:
        assert _lock(held)
        program = display.start(
            "--demo", "--data-dir", str(tmp_path / "data"), "--log-dir", str(tmp_path / "log"),
            env=own_folders(tmp_path),
        )  # fmt: skip
        box = display.window_of(program)
        keep_screenshot(
            display.screenshot(tmp_path / "box.png"), f"already-open-{request.node.callspec.id}.png"
        )
        display.focus(box)
        display.press("Return")
        assert program.wait(timeout=20) == 0
        assert sorted(p.name for p in folder.iterdir()) == [LOCK_FILE]  # no journal made
    finally:
        os.close(held)
