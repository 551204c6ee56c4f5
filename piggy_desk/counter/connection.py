"""How the connection to Piggy stands, learnt from real requests and a light probe."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from piggy_desk.api import (
    CertificateRefused,
    Maintenance,
    MalformedResponse,
    Offline,
    PiggyError,
    ServerError,
    TransportError,
    Unauthorized,
)

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("piggy_desk.counter")

IDLE_PROBE_SECONDS = 30.0
OFFLINE_PROBE_SECONDS = 5.0


class Connection(StrEnum):
    """What the status bar says."""

    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"  # no answer: no connection, no answer in time, or one broken off
    FAILING = "failing"  # an answer, but a 5xx or not Piggy's JSON: the line works, Piggy fails
    UNAUTHORIZED = "unauthorized"
    MAINTENANCE = "maintenance"
    CERTIFICATE_REFUSED = "certificate_refused"  # Piggy's TLS certificate failed the check


def connection_after(error: PiggyError | None) -> Connection:
    """The state a request's ending shows. Piggy saying no (expired, not found…) still
    proves the line works; no answer means Piggy is out of reach, and a 5xx or an answer
    that cannot be read (a proxy's error page) that it is out of use though something answers."""
    if error is None:
        return Connection.ONLINE
    if isinstance(error, Unauthorized):
        return Connection.UNAUTHORIZED
    if isinstance(error, Maintenance):
        return Connection.MAINTENANCE
    if isinstance(error, CertificateRefused):
        return Connection.CERTIFICATE_REFUSED
    if isinstance(error, TransportError):
        return Connection.OFFLINE
    if isinstance(error, ServerError | MalformedResponse):
        return Connection.FAILING
    return Connection.ONLINE


def connection_told_by(error: PiggyError) -> Connection | None:
    """The state whose news ``error``'s own sentence already tells (no connection, Piggy's
    maintenance, the token or the certificate refused), else None. A timeout, a dropped
    connection, a 5xx or an unreadable answer also leave Piggy out of reach, but their
    sentences say other things."""
    state = connection_after(error)
    if state in (Connection.ONLINE, Connection.FAILING) or (
        state == Connection.OFFLINE and not isinstance(error, Offline)
    ):
        return None
    return state


class ConnectionWatch:
    """Follows every request's ending (``observe``, given to ``PiggyClient`` as its
    observer) and, while nothing else talks to Piggy, probes: every 30 s when all is well,
    every 5 s while Piggy cannot be reached, so the counter learns of the way back soon."""

    def __init__(
        self,
        *,
        idle_probe_seconds: float = IDLE_PROBE_SECONDS,
        offline_probe_seconds: float = OFFLINE_PROBE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._listeners: list[Callable[[Connection, Connection], None]] = []
        self.idle_probe_seconds = idle_probe_seconds
        self.offline_probe_seconds = offline_probe_seconds
        self._clock = clock
        self.state = Connection.UNKNOWN
        self._last_request = clock() - idle_probe_seconds  # probe at once on start
        self._task: asyncio.Task[None] | None = None
        self._waiter: asyncio.Future[None] | None = None  # the probe's pause, cut short on a change

    def observe(self, error: PiggyError | None) -> None:
        """A request ended: with None on success, else its error."""
        self._last_request = self._clock()
        new = connection_after(error)
        if new != self.state:
            old, self.state = self.state, new
            log.info("connection %s -> %s", old.value, new.value)
            if self._waiter is not None and not self._waiter.done():
                self._waiter.set_result(None)  # apply the new interval now
            for listener in self._listeners:
                listener(old, new)

    def add_listener(self, listener: Callable[[Connection, Connection], None]) -> None:
        """Call ``listener(old, new)`` whenever the state changes."""
        self._listeners.append(listener)

    def start(self, probe: Callable[[], Awaitable[object]], *, first_after: float = 0.0) -> None:
        """Start probing (inside the running loop) with ``probe``, a cheap GET: at once, or
        ``first_after`` seconds from now unless a request has ended by then (its ending
        tells the state)."""
        import asyncio  # where it is used: the counter paints before asyncio (see app.py)

        if first_after > 0:
            first = self._clock() - self.idle_probe_seconds + first_after
            self._last_request = max(self._last_request, first)
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(
                self._watch(probe), name="connection-watch"
            )

    async def stop(self) -> None:
        import asyncio

        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _pause(self, seconds: float) -> None:
        """Sleep, unless the state changes first (no helper task: a plain future)."""
        import asyncio

        loop = asyncio.get_running_loop()
        self._waiter = waiter = loop.create_future()
        timer = loop.call_later(seconds, lambda: None if waiter.done() else waiter.set_result(None))
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiter = None

    async def _watch(self, probe: Callable[[], Awaitable[object]]) -> None:
        while True:
            well = self.state in (Connection.ONLINE, Connection.UNKNOWN)
            interval = self.idle_probe_seconds if well else self.offline_probe_seconds
            wait = self._last_request + interval - self._clock()
            if wait > 0:
                await self._pause(wait)
                continue
            with contextlib.suppress(PiggyError):  # its ending reaches observe() via the client
                await probe()
            self._last_request = self._clock()
