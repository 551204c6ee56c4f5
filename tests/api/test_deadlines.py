"""A slow or hostile server cannot hold a request for ever or fill the memory: every
request has a deadline for the whole exchange and every answer a size limit. The real
client against the sandbox's hostile faults, and a tiny server of its own, over loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from piggy_desk.api import (
    MAX_ANSWER_BYTES,
    AnswerTooLarge,
    PiggyClient,
    RateLimited,
    RequestKind,
    Timeout,
)
from piggy_desk.sandbox import KNOWN, RunningSandbox

# Far longer than any request here may take once it has a deadline: a test that only
# checks that the request ends (before the fix, it waits on its trickle for minutes).
ENDS_WITHIN = 60.0
SHORT = {kind: 1.0 for kind in RequestKind}


@pytest.fixture
async def impatient(sandbox: RunningSandbox) -> AsyncIterator[PiggyClient]:
    """A client whose every request may take 1 s in all (each read: 2 s)."""
    async with PiggyClient(sandbox.base_url, sandbox.token, timeout=2.0, deadlines=SHORT) as client:
        yield client


async def test_a_trickled_find_ends_at_its_deadline(
    impatient: PiggyClient, sandbox: RunningSandbox
) -> None:
    sandbox.inject("trickle", seconds=0.2, path="/vouchers/find", count=10)
    with pytest.raises(Timeout) as caught:
        await asyncio.wait_for(impatient.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT), ENDS_WITHIN)
    assert not caught.value.ambiguous  # a find changes nothing
    assert "1 s" in caught.value.message


async def test_a_trickled_redeem_past_its_deadline_is_ambiguous(
    impatient: PiggyClient, sandbox: RunningSandbox
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    # Piggy redeems at once; its answer comes a byte every 0.2 s (about two minutes).
    sandbox.inject("trickle", seconds=0.2, path="/vouchers/redeem", after_commit=True)
    with pytest.raises(Timeout) as caught:
        await asyncio.wait_for(impatient.vouchers.redeem(code), ENDS_WITHIN)
    assert caught.value.ambiguous  # what the counter reconciles with a find
    assert sandbox.voucher_state(code)["status"] == "REDEEMED"


async def test_the_default_deadlines_apply_to_their_kinds(sandbox: RunningSandbox) -> None:
    async with PiggyClient(
        sandbox.base_url, sandbox.token, deadlines={RequestKind.FIND: 0.5}
    ) as client:
        sandbox.inject("trickle", seconds=0.1, path="/vouchers/find")
        with pytest.raises(Timeout):
            await asyncio.wait_for(client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT), ENDS_WITHIN)
        # Other kinds keep theirs: a list of promotions answered after 1 s is not cut
        # at the find's half second.
        sandbox.inject("latency", seconds=1.0, path="/promotions")
        assert await client.promotions.list()


async def test_closing_caps_every_deadline(sandbox: RunningSandbox) -> None:
    async with PiggyClient(sandbox.base_url, sandbox.token, timeout=2.0) as client:
        voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
        lock = await client.vouchers.lock(voucher.uuid)
        sandbox.inject("trickle", seconds=0.2, path="/release")
        client.begin_closing(0.5)
        with pytest.raises(Timeout) as caught:
            await asyncio.wait_for(
                client.vouchers.release(voucher.uuid, lock.release_key), ENDS_WITHIN
            )
        assert caught.value.ambiguous
        assert "0.5 s" in caught.value.message


async def test_a_retry_that_would_end_past_the_deadline_is_not_waited_for(
    impatient: PiggyClient, sandbox: RunningSandbox
) -> None:
    # Piggy asks to come back in 5 s; the find may take 1 s: Piggy's answer, at once.
    sandbox.inject("status", status=429, retry_after=5, path="/vouchers/find")
    with pytest.raises(RateLimited):
        await asyncio.wait_for(impatient.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT), ENDS_WITHIN)
    assert sandbox.stats()["requests"] >= 1


@pytest.mark.parametrize("after_commit", [False, True])
async def test_an_endless_body_is_cut_off(sandbox: RunningSandbox, after_commit: bool) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    sandbox.inject("endless_body", path="/vouchers/redeem", after_commit=after_commit)
    # The default deadlines: the size limit, not the clock, ends it.
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        with pytest.raises(AnswerTooLarge) as caught:
            await asyncio.wait_for(client.vouchers.redeem(code), ENDS_WITHIN)
    assert caught.value.ambiguous  # a POST whose yes could not be read may have happened
    assert sandbox.voucher_state(code)["status"] == ("REDEEMED" if after_commit else "ACTIVE")


async def test_an_endless_page_is_cut_off(sandbox: RunningSandbox) -> None:
    sandbox.inject("endless_body", path="/vouchers", method="GET")
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        with pytest.raises(AnswerTooLarge) as caught:
            await asyncio.wait_for(client.vouchers.list(limit=500), ENDS_WITHIN)
    assert not caught.value.ambiguous


async def test_the_size_limit_is_far_above_the_largest_real_page(sandbox: RunningSandbox) -> None:
    sandbox.add_vouchers(600)
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        page = await client.vouchers.list(limit=500)
    assert len(page.items) == 500
    largest = 400_000  # measured: 338 kB for 500 vouchers of the sandbox
    assert 40 * largest <= MAX_ANSWER_BYTES


async def _announce_a_huge_body(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer anything with a 100 MB body, sent slowly: a client must not wait for it."""
    await reader.readuntil(b"\r\n\r\n")
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n"
    )
    try:
        while True:
            writer.write(b" ")
            await writer.drain()
            await asyncio.sleep(0.5)
    except (ConnectionError, asyncio.CancelledError):
        writer.close()


async def test_an_announced_huge_body_is_refused_before_reading() -> None:
    server = await asyncio.start_server(_announce_a_huge_body, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with PiggyClient(f"http://127.0.0.1:{port}", "token") as client:
            # With the default 15 s deadline of a find: refused for its size, not its time.
            with pytest.raises(AnswerTooLarge):
                await asyncio.wait_for(client.vouchers.find("CODE"), ENDS_WITHIN)
    finally:
        server.close()
