"""The child processes Piggy Desk starts get none of its secrets: a real sound player (a
small script standing in for paplay) writes down the environment it was given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from piggy_desk import processes
from piggy_desk.logs import register_secret
from piggy_desk.ui.core.sounds import SoundPlayer

PACKAGE = Path(__file__).resolve().parents[1] / "piggy_desk"
TOKEN = "pat-from-the-environment-7f3e9a"
RELEASE_KEY = "release-key-held-by-the-counter-51c2"
STARTS_A_PROCESS = re.compile(
    r"\b(subprocess|Popen|os\.(system|popen|exec\w*|spawn\w*|startfile|posix_spawn\w*)"
    r"|QProcess|startDetached|multiprocessing|QDesktopServices|webbrowser)\b"
)


def test_every_child_process_is_started_by_the_one_helper() -> None:
    """Any new way of starting a program has to go through piggy_desk/processes.py."""
    found = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if STARTS_A_PROCESS.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"processes.py"}


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="winsound and afplay")
def test_a_sound_player_gets_no_secrets_in_its_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    dump = tmp_path / "environment"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    player = bin_dir / "paplay"
    player.write_text(f'#!/bin/sh\nenv > "{dump}.part"\nmv "{dump}.part" "{dump}"\n', "utf-8")
    player.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PIGGY_TOKEN", TOKEN)
    monkeypatch.setenv("PIGGY_SANDBOX_TOKEN", "sandbox-token-in-the-environment")
    monkeypatch.setenv("PIGGY_CLIENT_SECRET", "client-secret-in-the-environment")
    monkeypatch.setenv("LAST_THING_SEEN", f"key={RELEASE_KEY}")  # a secret under any name
    monkeypatch.setenv("PIGGY_DESK_HARMLESS", "kept")
    register_secret(RELEASE_KEY)

    started: list[subprocess.Popen[bytes]] = []

    start_child = processes.start_child

    def start_and_keep(command: Sequence[str]) -> subprocess.Popen[bytes]:
        started.append(start_child(command))
        return started[-1]

    monkeypatch.setattr(processes, "start_child", start_and_keep)
    SoundPlayer(tmp_path / "sounds", enabled=True).play("success")
    assert len(started) == 1, "the player was not started"
    assert started[0].wait() == 0

    text = dump.read_text(encoding="utf-8")
    names = {line.split("=", 1)[0] for line in text.splitlines() if "=" in line}
    assert {"PATH", "PIGGY_DESK_HARMLESS"} <= names
    assert not names & {
        "PIGGY_TOKEN",
        "PIGGY_SANDBOX_TOKEN",
        "PIGGY_CLIENT_SECRET",
        "LAST_THING_SEEN",
    }
    for secret in (TOKEN, RELEASE_KEY, "sandbox-token", "client-secret"):
        assert secret not in text
