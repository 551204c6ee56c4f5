"""Shared fixtures: the sandbox over real HTTP on 127.0.0.1, reset before every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from piggy_desk.sandbox import RunningSandbox

SANDBOX_TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[RunningSandbox]:
    from piggy_desk.sandbox import start_sandbox

    with start_sandbox(token=SANDBOX_TOKEN, seed=1) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: RunningSandbox) -> RunningSandbox:
    """The session's sandbox with its seed data, clock and faults as at the start."""
    sandbox_server.reset()
    return sandbox_server
