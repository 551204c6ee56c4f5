"""`python -m piggy_desk.sandbox` as an integrator runs it."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_keeps_tokens_off_command_lines() -> None:
    """Every user of a computer sees every command line (ps); the README shows the variable."""
    text = README.read_text(encoding="utf-8")
    commands = [line for line in text.splitlines() if "piggy-desk-sandbox" in line]
    assert any("PIGGY_SANDBOX_TOKEN=" in line for line in commands)
    assert not [line for line in commands if "--token" in line]


def test_the_command_serves_until_stopped() -> None:
    """As the README shows it: the token in the environment, not on the command line."""
    command = [sys.executable, "-m", "piggy_desk.sandbox", "--port", "0"]
    environment = {**os.environ, "PIGGY_SANDBOX_TOKEN": "cli-secret"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout
    assert stdout is not None
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        line = lines.get(timeout=30)
        assert "cli-secret" not in line
        if sys.platform == "linux":  # what ps shows
            assert b"cli-secret" not in Path(f"/proc/{process.pid}/cmdline").read_bytes()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match, line
        response = httpx.get(
            f"{match.group()}/api/v3/oauth/clients/promotions",
            headers={"Authorization": "Bearer cli-secret"},
        )
        assert response.status_code == 200
        assert response.json()["data"]
        if sys.platform != "win32":  # Windows has no SIGINT to send to another process
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_a_remote_host_needs_permission() -> None:
    command = [sys.executable, "-m", "piggy_desk.sandbox", "--host", "0.0.0.0"]  # noqa: S104
    finished = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert finished.returncode == 2
    assert "--allow-remote" in finished.stderr


def test_importing_the_sandbox_pulls_in_neither_qt_nor_the_client() -> None:
    probe = (
        "import sys, piggy_desk.sandbox, piggy_desk.sandbox.__main__\n"
        "print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('PySide6', 'qasync') or m.startswith('piggy_desk.api')))"
    )
    finished = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=30, check=True
    )
    assert finished.stdout.strip() == "[]"
