"""Serving the sandbox over real HTTP from a background thread with its own event loop."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

from piggy_desk.sandbox.address import base_url_of, listen
from piggy_desk.sandbox.app import DEFAULT_TOKEN, TRANSPORT_EXTENSION, create_app
from piggy_desk.sandbox.control import Sandbox
from piggy_desk.sandbox.errors import PiggyError
from piggy_desk.sandbox.faults import parse_fault
from piggy_desk.sandbox.http11 import HTTPServer
from piggy_desk.sandbox.state import SandboxState

T = TypeVar("T")

_STARTUP_TIMEOUT_SECONDS = 10.0
_CONTROL_TIMEOUT_SECONDS = 30.0
_STOP_TIMEOUT_SECONDS = 10.0


class RunningSandbox:
    """A sandbox serving HTTP on a loopback port until `stop()`.

    Its control methods run on the server's event loop, so they never interleave with a
    request half-way. The token is kept out of the repr.
    """

    def __init__(
        self,
        *,
        sandbox: Sandbox,
        server: HTTPServer,
        loop: asyncio.AbstractEventLoop,
        thread: threading.Thread,
        base_url: str,
        token: str,
    ) -> None:
        self.base_url = base_url
        self.token = token
        self._sandbox = sandbox
        self._server = server
        self._loop = loop
        self._thread = thread
        self._stopped = False

    def __repr__(self) -> str:
        state = "stopped" if self._stopped else "running"
        return f"<RunningSandbox {self.base_url} {state}>"

    def stop(self) -> None:
        """Stop serving and wait for the server thread; calling it again does nothing."""
        if self._stopped:
            return
        self._stopped = True
        self._server.should_exit = True
        self._thread.join(_STOP_TIMEOUT_SECONDS)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(_STOP_TIMEOUT_SECONDS)

    def reset(self) -> None:
        """Put back the seed data, real time, no faults and default settings."""
        self._call(self._sandbox.reset)

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's time forward by `seconds`."""
        self._call(lambda: self._sandbox.advance_clock(seconds))

    def inject(
        self,
        kind: str,
        *,
        count: int = 1,
        path: str | None = None,
        method: str | None = None,
        after_commit: bool = False,
        status: int | None = None,
        retry_after: int | None = None,
        seconds: float | None = None,
        code: str | None = None,
    ) -> None:
        """Arm a fault for the next `count` matching Piggy requests (see `faults.Fault`).

        For `latency`, `after_commit` decides what a client that times out has caused:
        nothing (False, the wait is before processing) or the full change (True, the
        request is processed at once and only the answer is late).
        """
        fields: dict[str, object] = {
            "kind": kind,
            "count": count,
            "path": path,
            "method": method,
            "after_commit": after_commit,
            "status": status,
            "retry_after": retry_after,
            "seconds": seconds,
            "code": code,
        }
        try:
            fault = parse_fault(fields)
        except PiggyError as error:
            raise ValueError(f"invalid fault: {error.errors}") from None
        self._call(lambda: self._sandbox.add_fault(fault))

    def clear_faults(self) -> None:
        """Disarm every fault."""
        self._call(self._sandbox.faults.clear)

    def armed_faults(self) -> list[dict[str, object]]:
        """Return the faults not spent yet, as the control surface shows them."""
        return self._call(lambda: [fault.as_json() for fault in self._sandbox.faults.armed()])

    def set_batch_delay(self, seconds: float) -> None:
        """Set how long batch jobs take before their vouchers appear (0: the next request)."""
        self._call(lambda: self._sandbox.set_batch_delay(seconds))

    def set_access_token_seconds(self, seconds: int) -> None:
        """Set how long OAuth access tokens issued from now on last (until the next reset)."""
        self._call(lambda: self._sandbox.oauth.set_token_seconds(seconds))

    def voucher_state(self, code: str) -> dict[str, Any]:
        """Return a voucher's internal snapshot; KeyError when no voucher has this code."""
        try:
            return self._call(lambda: self._sandbox.voucher_state(code))
        except PiggyError:
            raise KeyError(code) from None

    def hold_lock(self, code: str, release_key: str, *, minutes_ago: float = 5) -> None:
        """Lock a voucher with a release key a counter already has (see Sandbox.hold_lock)."""
        try:
            self._call(lambda: self._sandbox.hold_lock(code, release_key, minutes_ago=minutes_ago))
        except PiggyError:
            raise KeyError(code) from None

    def add_vouchers(self, count: int, promotion_uuid: str | None = None) -> None:
        """Add `count` ACTIVE vouchers without contact, fast (for benchmarks)."""
        try:
            self._call(lambda: self._sandbox.add_vouchers(count, promotion_uuid))
        except PiggyError as error:
            raise ValueError(f"unknown promotion {promotion_uuid!r}") from error

    def with_state(self, action: Callable[[SandboxState], T]) -> T:
        """Run `action` on the server's loop with the account as it is now, and return what
        it returns: tests load what the seed has not (another witness's ids, many promotions)."""
        return self._call(lambda: action(self._sandbox.state))

    def stats(self) -> dict[str, int]:
        """Return `{"connections_opened": N, "requests": N}` since the server started."""
        return self._call(self._sandbox.stats_json)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _call(self, action: Callable[[], T]) -> T:
        if self._stopped:
            raise RuntimeError("the sandbox has stopped")

        async def on_loop() -> T:
            return action()

        future = asyncio.run_coroutine_threadsafe(on_loop(), self._loop)
        return future.result(_CONTROL_TIMEOUT_SECONDS)


def start_sandbox(
    *,
    token: str = DEFAULT_TOKEN,
    seed: int = 1,
    host: str = "127.0.0.1",
    port: int = 0,
    sock: socket.socket | None = None,
    oauth_clients: Mapping[str, str] | None = None,
) -> RunningSandbox:
    """Start a seeded sandbox on `host:port` (0: a free port), or on the listening `sock`
    from `address.listen()`, and return once it serves. `oauth_clients` maps OAuth client
    ids to their secrets (default: the well-known `oauth.DEFAULT_CLIENT_ID`)."""
    sandbox = Sandbox(seed=seed, oauth_clients=oauth_clients)

    def count_connection() -> None:
        sandbox.stats.connections_opened += 1

    server = HTTPServer(
        create_app(sandbox, token=token),
        # A `drop` fault closes the socket without a byte of answer: the scope carries it.
        transport_extension=TRANSPORT_EXTENSION,
        on_connection=count_connection,
        graceful_seconds=2,
    )
    sock = sock or listen(host, port)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(
        target=_serve, args=(server, sock, loop), name="piggy-desk-sandbox", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError(f"the sandbox could not start on {host}:{port}")
        time.sleep(0.005)
    return RunningSandbox(
        sandbox=sandbox,
        server=server,
        loop=loop,
        thread=thread,
        base_url=base_url_of(sock),
        token=token,
    )


def _serve(server: HTTPServer, sock: socket.socket, loop: asyncio.AbstractEventLoop) -> None:
    with asyncio.Runner(loop_factory=lambda: loop) as runner:
        runner.run(server.serve(sock))
