"""Fixtures for the sandbox's own tests: one server for the session, reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from piggy_desk.sandbox import CONTROL_PREFIX, PIGGY_PREFIX, RunningSandbox, start_sandbox

TOKEN = "sandbox-test-token"


@pytest.fixture(scope="session")
def piggy_sandbox() -> Iterator[RunningSandbox]:
    """One sandbox server for the whole session."""
    with start_sandbox(token=TOKEN, seed=1) as running:
        yield running


@pytest.fixture
def sandbox(piggy_sandbox: RunningSandbox) -> RunningSandbox:
    """The session's sandbox, back to its seed data, real time and no faults."""
    piggy_sandbox.reset()
    return piggy_sandbox


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """A client for Piggy's paths, authenticated."""
    with httpx.Client(
        base_url=f"{sandbox.base_url}{PIGGY_PREFIX}",
        headers={"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"},
        timeout=10,
    ) as client:
        yield client


@pytest.fixture
def control(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """A client for the control surface, authenticated."""
    with httpx.Client(
        base_url=f"{sandbox.base_url}{CONTROL_PREFIX}",
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    ) as client:
        yield client
