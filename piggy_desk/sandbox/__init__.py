"""A faithful Piggy API emulator served over real HTTP, for demos, training and tests.

It shares no code with `piggy_desk.api`: it is the independent other side of the
contract. Piggy's paths live under `/api/v3/oauth/clients`; the control surface for
tests and training lives apart under `/_sandbox`. Both need the Bearer token.

    with start_sandbox(token="t") as sandbox:
        httpx.get(f"{sandbox.base_url}/api/v3/oauth/clients/promotions",
                  headers={"Authorization": "Bearer t"})
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from piggy_desk.sandbox.app import CONTROL_PREFIX, PIGGY_PREFIX, create_app
    from piggy_desk.sandbox.control import Sandbox
    from piggy_desk.sandbox.faults import FaultKind
    from piggy_desk.sandbox.seed import KNOWN
    from piggy_desk.sandbox.server import RunningSandbox, start_sandbox

# Imported on first use: `piggy_desk.sandbox.address` and `.seed` must not pull in the web
# server (starlette) for a program that only takes its address first.
_HOMES = {
    "CONTROL_PREFIX": "app",
    "PIGGY_PREFIX": "app",
    "create_app": "app",
    "Sandbox": "control",
    "FaultKind": "faults",
    "KNOWN": "seed",
    "RunningSandbox": "server",
    "start_sandbox": "server",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CONTROL_PREFIX",
    "KNOWN",
    "PIGGY_PREFIX",
    "FaultKind",
    "RunningSandbox",
    "Sandbox",
    "create_app",
    "start_sandbox",
]
