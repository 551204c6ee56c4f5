"""The connection state, from how requests end, and the probe that looks when idle."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from piggy_desk.api import (
    ConnectionDropped,
    Maintenance,
    MalformedResponse,
    Offline,
    PiggyError,
    RateLimited,
    ServerError,
    Timeout,
    Unauthorized,
    VoucherExpired,
)
from piggy_desk.counter.connection import Connection, ConnectionWatch, connection_after


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (None, Connection.ONLINE),
        (VoucherExpired(), Connection.ONLINE),  # Piggy said no: the line works
        (RateLimited(), Connection.ONLINE),
        (Offline(), Connection.OFFLINE),
        (Timeout(), Connection.OFFLINE),
        (ConnectionDropped(), Connection.OFFLINE),
        # Something answers: the line works, Piggy (or what stands before it) fails.
        (ServerError(status_code=500), Connection.FAILING),
        (ServerError(status_code=502), Connection.FAILING),
        (MalformedResponse(), Connection.FAILING),  # a captive portal's page, say
        (Unauthorized(), Connection.UNAUTHORIZED),
        (Maintenance(), Connection.MAINTENANCE),
    ],
)
def test_each_ending_means_a_state(error: PiggyError | None, state: Connection) -> None:
    assert connection_after(error) == state


def test_listeners_hear_each_change_once() -> None:
    watch = ConnectionWatch()
    changes: list[tuple[Connection, Connection]] = []
    watch.add_listener(lambda old, new: changes.append((old, new)))
    for error in (None, None, Offline(), Timeout(), None, Maintenance(), None):
        watch.observe(error)
    assert changes == [
        (Connection.UNKNOWN, Connection.ONLINE),
        (Connection.ONLINE, Connection.OFFLINE),
        (Connection.OFFLINE, Connection.ONLINE),
        (Connection.ONLINE, Connection.MAINTENANCE),
        (Connection.MAINTENANCE, Connection.ONLINE),
    ]


@pytest.mark.parametrize("out", [Offline(), ServerError(status_code=500)], ids=["offline", "500"])
async def test_the_probe_looks_at_once_then_only_when_idle_and_often_when_offline(
    out: PiggyError,
) -> None:
    """Piggy answering with errors is looked at again as often as Piggy gone."""
    watch = ConnectionWatch(idle_probe_seconds=0.3, offline_probe_seconds=0.05)
    probes: list[float] = []
    answers: list[PiggyError | None] = [None, out, out, None]

    async def probe() -> None:
        probes.append(asyncio.get_running_loop().time())
        watch.observe(answers.pop(0) if answers else None)

    watch.start(probe)
    await asyncio.sleep(0.01)
    assert len(probes) == 1  # at once, to know the state at start
    assert watch.state == Connection.ONLINE
    await asyncio.sleep(0.1)
    assert len(probes) == 1  # all is well and it was just asked: quiet
    for _ in range(10):
        watch.observe(None)  # real requests keep it quiet
        await asyncio.sleep(0.05)
    assert len(probes) == 1
    while watch.state != Connection.ONLINE or len(probes) < 4:
        await asyncio.sleep(0.02)
    # After the idle probe found it offline, it looked again every 0.05 s.
    assert probes[3] - probes[1] < 0.3
    await watch.stop()


async def test_going_offline_wakes_the_probe_at_once() -> None:
    watch = ConnectionWatch(idle_probe_seconds=60, offline_probe_seconds=0.05)
    probes: list[None] = []

    async def probe() -> None:
        probes.append(None)
        watch.observe(None if len(probes) != 2 else Offline())

    watch.start(probe)
    await asyncio.sleep(0.02)
    assert probes == [None]
    watch.observe(Offline())  # a real request failed: do not wait a minute to look again
    await asyncio.sleep(0.3)
    assert len(probes) >= 2
    assert watch.state == Connection.ONLINE
    await watch.stop()


def answered_probe(watch: ConnectionWatch, probes: list[None]) -> Callable[[], Awaitable[None]]:
    """A probe Piggy answers at once; each one sent is counted in ``probes``."""

    async def probe() -> None:
        probes.append(None)
        watch.observe(None)

    return probe


async def test_a_first_probe_put_off_is_not_sent_when_a_request_answers_first() -> None:
    # The program's start: a scan typed as the window appeared is looked up first; its
    # answer tells the state, so no probe goes out beside it.
    watch = ConnectionWatch(idle_probe_seconds=60)
    probes: list[None] = []
    watch.start(answered_probe(watch, probes), first_after=60)
    await asyncio.sleep(0.05)
    assert probes == []
    assert watch.state == Connection.UNKNOWN
    watch.observe(None)  # the scan's look-up answered
    await asyncio.sleep(0.05)
    assert probes == []
    assert watch.state == Connection.ONLINE
    await watch.stop()


async def test_a_first_probe_put_off_goes_out_when_nothing_else_asked() -> None:
    watch = ConnectionWatch(idle_probe_seconds=60)
    probes: list[None] = []
    watch.start(answered_probe(watch, probes), first_after=0.05)
    for _ in range(1000):  # (a bound, not a time limit: the probe must go out at all)
        if probes:
            break
        await asyncio.sleep(0.01)
    assert probes == [None]
    assert watch.state == Connection.ONLINE
    await asyncio.sleep(0.1)
    assert probes == [None]  # then only when idle for a minute
    await watch.stop()
