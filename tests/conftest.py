"""Shared fixtures: the sandbox over real HTTP on 127.0.0.1, reset before every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tests.helpers.keyrings import MemoryKeyring, installed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No system-wide settings file (/etc/piggy-desk/…) of this computer reaches a test; the
# tests of that file name their own.
os.environ["PIGGY_DESK_SYSTEM_SETTINGS"] = ""

# Hypothesis: no deadlines (a loaded CI machine is slow, not wrong); in CI the examples
# are derived from each test's name, so a run is repeatable; elsewhere they are random.
# HYPOTHESIS_PROFILE=ci|dev chooses explicitly.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

if TYPE_CHECKING:
    from piggy_desk.sandbox import RunningSandbox

SANDBOX_TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[RunningSandbox]:
    from piggy_desk.sandbox import start_sandbox

    with start_sandbox(token=SANDBOX_TOKEN, seed=1) as server:
        yield server


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a test puts the system-wide settings file (PIGGY_DESK_SYSTEM_SETTINGS names
    it): an empty folder, as on a computer whose IT prepared nothing yet."""
    path = tmp_path / "etc" / "piggy-desk" / "settings.json"
    path.parent.mkdir(parents=True)
    monkeypatch.setenv("PIGGY_DESK_SYSTEM_SETTINGS", str(path))
    return path


@pytest.fixture
def sandbox(sandbox_server: RunningSandbox) -> RunningSandbox:
    """The session's sandbox with its seed data, clock and faults as at the start."""
    sandbox_server.reset()
    return sandbox_server


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The reliability tallies (fault matrix, two counters, kills) of this session, if any ran."""
    from tests.reliability.matrix import table

    lines = table()
    if lines:
        terminalreporter.section("reliability")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """An in-memory key store for the test, the previous one restored afterwards."""
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    with installed(MemoryKeyring()) as backend:
        yield backend
