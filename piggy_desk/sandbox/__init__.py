"""A faithful Piggy API emulator served over real HTTP, for demos, training and tests.

It shares no code with `piggy_desk.api`: it is the independent other side of the
contract. Piggy's paths live under `/api/v3/oauth/clients`; the control surface for
tests and training lives apart under `/_sandbox`. Both need the Bearer token.

    with start_sandbox(token="t") as sandbox:
        httpx.get(f"{sandbox.base_url}/api/v3/oauth/clients/promotions",
                  headers={"Authorization": "Bearer t"})
"""

from piggy_desk.sandbox.app import CONTROL_PREFIX, PIGGY_PREFIX, create_app
from piggy_desk.sandbox.control import Sandbox
from piggy_desk.sandbox.faults import FaultKind
from piggy_desk.sandbox.seed import KNOWN
from piggy_desk.sandbox.server import RunningSandbox, start_sandbox

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
