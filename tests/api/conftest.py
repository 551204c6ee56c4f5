"""A real ``PiggyClient`` on the sandbox over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from piggy_desk.api import PiggyClient
from piggy_desk.sandbox import RunningSandbox


@pytest.fixture
async def client(sandbox: RunningSandbox) -> AsyncIterator[PiggyClient]:
    async with PiggyClient(sandbox.base_url, sandbox.token, timeout=2.0) as client:
        yield client
