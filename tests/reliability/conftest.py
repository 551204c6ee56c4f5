"""Reliability tests: the fault matrix, two counters, kill tests, fuzzing, bad input.

The long runs carry the ``long`` marker (skipped by default, ``pytest -m long`` runs
them); each has a short version that runs in CI.
"""

from __future__ import annotations

import pytest

from tests.reliability.matrix import table


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = table()
    if lines:
        terminalreporter.section("reliability")
        for line in lines:
            terminalreporter.write_line(line)
