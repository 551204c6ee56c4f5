"""The program in processes of its own: the counter process of the kill tests
(counter_process.py), the program as a person starts it (``python -m piggy_desk.app``), its
log, and a start that fails with a box."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from piggy_desk.logs import LOG_FILE_NAME
from piggy_desk.sandbox import RunningSandbox

ROOT = Path(__file__).resolve().parents[2]


def start_counter(
    sandbox: RunningSandbox, data: Path, *args: str, env: Mapping[str, str] | None = None
) -> subprocess.Popen[str]:
    """The counter in a process of its own (tests/helpers/counter_process.py) on ``sandbox``
    with the data folder ``data``; its lines on stdout."""
    env = {
        **os.environ,
        "PIGGY_TOKEN": sandbox.token,
        "QT_QPA_PLATFORM": "offscreen",
        **(env or {}),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.counter_process", sandbox.base_url, str(data), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def program_environment(home: Path, token: str | None = None) -> dict[str, str]:
    """An environment of its own under ``home``: offscreen, no key store, ``token`` or none."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("PIGGY_TOKEN", None)
    if token is not None:
        env["PIGGY_TOKEN"] = token
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def start_program(
    home: Path, logs: Path, *args: str, token: str | None = None
) -> subprocess.Popen[str]:
    """The program as a person starts it."""
    return subprocess.Popen(
        [sys.executable, "-m", "piggy_desk.app", "--log-dir", str(logs), *args],
        cwd=ROOT,
        env=program_environment(home, token),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def read_log(folder: Path) -> str:
    """The log file in ``folder``; empty when there is none yet."""
    path = folder / LOG_FILE_NAME
    return path.read_text() if path.exists() else ""


def until_logged(process: subprocess.Popen[Any], logs: Path, text: str) -> str:
    """Until ``text`` is in the log, which is given back; fails at once when the program
    ended without it. (No deadline: a test waits for what happens, not for a time.)"""
    pause = threading.Event()
    while text not in (log := read_log(logs)):
        if process.poll() is not None:
            raise AssertionError(f"{text!r} not in the log (exit {process.poll()}):\n{log}")
        pause.wait(0.05)
    return log


def stopped(process: subprocess.Popen[str]) -> int:
    """SIGTERM, as a service stop does; the exit code."""
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=20)
    finally:
        process.kill()


def fails_with(tmp_path: Path, sentences: list[str], *args: str, token: str | None = None) -> None:
    """The program started with ``args`` ends in a box that says each of ``sentences``, and
    logs them with the log file's path and the traceback."""
    process = start_program(tmp_path, tmp_path / "log", *args, token=token)
    until_logged(process, tmp_path / "log", "Piggy Desk ended; the person was told:")
    assert process.poll() is None  # the box is up, waiting for the person
    assert stopped(process) == 1
    log = read_log(tmp_path / "log")
    for sentence in sentences:
        assert sentence in log
    assert f"The details are in the log file: {tmp_path / 'log' / LOG_FILE_NAME}" in log
    assert "Traceback (most recent call last)" in log  # for support, in the log
