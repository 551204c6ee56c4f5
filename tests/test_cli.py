"""``piggy-desk`` on the command line: help, version, wrong options, and the self-test."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from piggy_desk import __version__
from piggy_desk.app import parse_arguments
from piggy_desk.logs import LOG_FILE_NAME, default_log_dir

ROOT = Path(__file__).resolve().parents[1]
OK_LINES = (
    "ok: translations there (en, nl, and Qt's own)",
    "ok: sandbox started on http://127.0.0.1:",
    "ok: printing: a voucher slip saved as PDF (",
    "ok: key store: keyring's ",
    "ok: window ready",
    "ok: voucher found (ACTIEF0001, ACTIVE)",
    "ok: locked",
    "ok: redeemed",
    "ok: Piggy confirms REDEEMED",
    "ok: window closed",
    "ok: sandbox stopped",
)
# Fail the self-test on purpose: an expired voucher cannot be redeemed.
FAILING_SELF_TEST = """
import sys
import piggy_desk.self_test
from piggy_desk.app import main
from piggy_desk.sandbox import KNOWN
piggy_desk.self_test.VOUCHER = KNOWN.EXPIRED
sys.exit(main(["--self-test", "--log-dir", sys.argv[1]]))
"""


def _headless_environment(home: Path) -> dict[str, str]:
    """No display and no QT_QPA_PLATFORM where X11/Wayland would be used (the program
    must pick offscreen itself); per-user folders in ``home`` to see what gets written."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    if sys.platform.startswith(("win", "darwin")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PIGGY_TOKEN"):
            env.pop(name, None)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(home / name.lower())
    return env


def _piggy_desk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "piggy_desk.app", *args],
        cwd=ROOT,
        env=env or {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_lists_the_options() -> None:
    result = _piggy_desk("--help")
    assert result.returncode == 0, result.stderr
    for option in (
        "--demo",
        "--base-url URL",
        "--data-dir DIR",
        "--log-dir DIR",
        "--log-level {debug,info,warning}",
        "--self-test",
        "--version",
        "PIGGY_TOKEN",
        f"Log file: {default_log_dir() / LOG_FILE_NAME}",
        "Exit status",
    ):
        assert option in result.stdout, option


def test_help_says_what_a_start_without_an_account_opens() -> None:
    """Without a token the first-run screen opens (README, Set up); only --demo goes
    straight to the sandbox."""
    text = " ".join(_piggy_desk("--help").stdout.split())
    assert "Without one, Piggy Desk opens on its built-in sandbox" not in text
    assert "Without one, Piggy Desk opens its first-run screen" in text
    assert "--demo" in text and "built-in sandbox" in text


def test_version() -> None:
    result = _piggy_desk("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"Piggy Desk {__version__} (Python ")


def test_a_wrong_option_exits_2_with_a_sentence() -> None:
    result = _piggy_desk("--log-level", "loud")
    assert result.returncode == 2
    assert "invalid choice: 'loud'" in result.stderr


def test_the_defaults() -> None:
    arguments = parse_arguments([])
    assert arguments.log_level == "info"
    assert arguments.log_dir is None  # the per-user log folder
    assert not arguments.self_test
    assert not arguments.demo
    arguments = parse_arguments(["--log-dir", "x", "--log-level", "debug", "--self-test"])
    assert (arguments.log_dir, arguments.log_level, arguments.self_test) == (
        Path("x"),
        "debug",
        True,
    )


def test_the_self_test_passes_headless(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    result = _piggy_desk(
        "--self-test", "--log-dir", str(logs), env=_headless_environment(tmp_path / "home")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(OK_LINES) + 1, lines
    for line, expected in zip(lines, OK_LINES, strict=False):
        assert line.startswith(expected), (line, expected)
    assert lines[-1] == f"log: {logs / LOG_FILE_NAME}"
    text = (logs / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "self-test: ok: Piggy confirms REDEEMED" in text
    assert "(offscreen)" in text or sys.platform.startswith(("win", "darwin"))
    if os.name == "posix":
        assert stat.S_IMODE((logs / LOG_FILE_NAME).stat().st_mode) == 0o600
    if not sys.platform.startswith(("win", "darwin")):
        # No journal, settings or cache of the person's own were made.
        assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*"))


def test_a_failing_self_test_says_why_and_exits_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FAILING_SELF_TEST, str(tmp_path)],
        cwd=ROOT,
        env=_headless_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [OK_LINES[0], lines[1]]
    assert lines[1].startswith("ok: sandbox started")
    failed = [line for line in lines if line.startswith("FAILED:")]
    assert len(failed) == 1, lines
    assert failed[0].startswith("FAILED: voucher VERLOPEN01 is EXPIRED, not ACTIVE"), failed
    assert "the counter said:" in failed[0]
    assert "ok: redeemed" not in lines


@pytest.mark.skipif(os.name != "posix", reason="needs a folder that cannot be made")
def test_an_unwritable_log_folder_is_said_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = _piggy_desk("--self-test", "--log-dir", str(blocker / "logs"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no log file in" in result.stderr
    assert "log:" not in result.stdout
