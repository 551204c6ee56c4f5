"""Faults on the wire, injected by the sandbox: each ends in the right ``PiggyError`` with
a readable sentence, GETs are retried where that is safe, and a POST is never repeated."""

from __future__ import annotations

import socket
import time

import pytest

from piggy_desk.api import (
    ConnectionDropped,
    Maintenance,
    MalformedResponse,
    Offline,
    PiggyClient,
    PiggyError,
    RateLimited,
    ServerError,
    Timeout,
    Unauthorized,
    VoucherStatus,
)
from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN


def _assert_readable(error: PiggyError) -> None:
    assert error.user_message.endswith(".")
    assert "Traceback" not in error.user_message
    assert "httpx" not in error.user_message
    assert error.details()["error"] == type(error).__name__


async def test_no_answer_in_time_is_a_timeout(sandbox: RunningSandbox) -> None:
    sandbox.inject("latency", seconds=1.5, path="/vouchers/find")
    async with PiggyClient(sandbox.base_url, sandbox.token, timeout=0.3) as client:
        with pytest.raises(Timeout) as caught:
            await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert caught.value.ambiguous
    assert caught.value.user_message == "Piggy took too long to answer."
    _assert_readable(caught.value)


async def test_a_slow_answer_within_the_timeout_is_fine(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    sandbox.inject("latency", seconds=0.2, count=3)
    assert (await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)).status == VoucherStatus.ACTIVE


async def test_a_dropped_get_is_retried(sandbox: RunningSandbox, client: PiggyClient) -> None:
    sandbox.inject("drop", path="/vouchers/find")
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert voucher.code == KNOWN.ACTIVE_WITH_CONTACT


async def test_a_dropped_redeem_is_ambiguous_and_not_repeated(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    sandbox.inject("drop", path="/vouchers/redeem", after_commit=True)
    requests_before = sandbox.stats()["requests"]
    with pytest.raises(ConnectionDropped) as caught:
        await client.vouchers.redeem(code)
    assert caught.value.ambiguous
    _assert_readable(caught.value)
    assert sandbox.stats()["requests"] == requests_before + 1
    # The server did redeem: finding it again tells the truth.
    assert (await client.vouchers.find(code)).status == VoucherStatus.REDEEMED
    assert sandbox.voucher_state(code)["redemptions_used"] == 1


async def test_a_redeem_dropped_before_the_server_acted(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    sandbox.inject("drop", path="/vouchers/redeem")
    with pytest.raises(ConnectionDropped):
        await client.vouchers.redeem(code)
    assert (await client.vouchers.find(code)).status == VoucherStatus.ACTIVE


async def test_an_html_502_from_a_proxy(sandbox: RunningSandbox, client: PiggyClient) -> None:
    sandbox.inject("html", status=502, count=10, path="/promotions")
    with pytest.raises(ServerError) as caught:
        await client.promotions.list()
    assert caught.value.status_code == 502
    assert caught.value.body is not None and "Bad Gateway" in caught.value.body
    assert len(caught.value.body) <= 300
    _assert_readable(caught.value)


async def test_a_passing_502_on_a_get_is_retried(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    sandbox.inject("html", status=502, count=1, path="/promotions")
    assert await client.promotions.list()


async def test_a_500_on_a_post_is_not_retried(sandbox: RunningSandbox, client: PiggyClient) -> None:
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    sandbox.inject("status", status=500, path="/lock")
    requests_before = sandbox.stats()["requests"]
    with pytest.raises(ServerError):
        await client.vouchers.lock(voucher.uuid)
    assert sandbox.stats()["requests"] == requests_before + 1


async def test_maintenance(sandbox: RunningSandbox, client: PiggyClient) -> None:
    sandbox.inject("status", status=503, count=10)
    with pytest.raises(Maintenance) as caught:
        await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert caught.value.user_message == "Piggy is down for maintenance. Try again later."


@pytest.mark.parametrize("kind", ["broken_json", "empty_body", "no_data"])
async def test_bodies_that_are_not_piggys_json(
    sandbox: RunningSandbox, client: PiggyClient, kind: str
) -> None:
    sandbox.inject(kind, path="/vouchers/find")
    with pytest.raises(MalformedResponse) as caught:
        await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    assert caught.value.path == "/vouchers/find"
    _assert_readable(caught.value)


async def test_html_with_status_200_is_malformed(
    sandbox: RunningSandbox, client: PiggyClient
) -> None:
    sandbox.inject("html", status=200, path="/promotions")
    with pytest.raises(MalformedResponse):
        await client.promotions.list()


# Piggy says when to come back with a 429 (busy) or a 503 (maintenance).
WAIT_ANSWERS = {
    "429": ({"kind": "status", "status": 429}, RateLimited),
    "503 maintenance": ({"kind": "maintenance"}, Maintenance),
}


@pytest.mark.parametrize("answer", WAIT_ANSWERS)
async def test_a_short_retry_after_is_waited_out(
    sandbox: RunningSandbox, client: PiggyClient, answer: str
) -> None:
    fault, _ = WAIT_ANSWERS[answer]
    sandbox.inject(**fault, retry_after=1, path="/promotions")  # type: ignore[arg-type]
    started = time.monotonic()
    assert await client.promotions.list()
    # Honouring Retry-After means not asking again before it has passed.
    assert time.monotonic() - started >= 0.9


@pytest.mark.parametrize("answer", WAIT_ANSWERS)
async def test_a_long_retry_after_is_reported_without_waiting(
    sandbox: RunningSandbox, client: PiggyClient, answer: str
) -> None:
    fault, error = WAIT_ANSWERS[answer]
    sandbox.inject(**fault, retry_after=120, path="/promotions")  # type: ignore[arg-type]
    before = sandbox.stats()["requests"]
    with pytest.raises(error) as caught:
        await client.promotions.list()
    assert caught.value.retry_after == 120
    assert sandbox.stats()["requests"] == before + 1  # not asked again
    _assert_readable(caught.value)


async def test_429_on_a_post_is_not_retried(sandbox: RunningSandbox, client: PiggyClient) -> None:
    sandbox.inject("status", status=429, retry_after=1, path="/vouchers/redeem")
    with pytest.raises(RateLimited):
        await client.vouchers.redeem(KNOWN.ACTIVE_WITH_CONTACT)
    assert (await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)).status == VoucherStatus.ACTIVE


async def test_401_from_the_server(sandbox: RunningSandbox, client: PiggyClient) -> None:
    sandbox.inject("status", status=401)
    with pytest.raises(Unauthorized):
        await client.promotions.list()


async def test_nobody_listening_is_offline_and_not_ambiguous() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with PiggyClient(f"http://127.0.0.1:{port}", "token", max_retries=1) as client:
        with pytest.raises(Offline) as caught:
            await client.vouchers.redeem("CODE")
    assert not caught.value.ambiguous
    assert caught.value.user_message == "No connection to Piggy. Check the network."
