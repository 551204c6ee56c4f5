"""``PiggyClient`` with OAuth client credentials on the sandbox over HTTP: the SDK's token
request, a token renewed before it runs out and once after a 401, requests never lost or
sent a third time, and the secret in no log line, repr or error."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from piggy_desk.api import (
    ClientCredentials,
    ClientCredentialsRefused,
    InvalidRequest,
    PiggyClient,
    PiggyError,
    Unauthorized,
)
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

CREDENTIALS = ClientCredentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
LIFETIME = 600


class FakeClock:
    """The client's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Recorder(httpx.AsyncBaseTransport):
    """The real network, with every request written down."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def paths(self) -> list[str]:
        return [
            f"{r.method} {r.url.path.removeprefix('/api/v3/oauth/clients')}" for r in self.requests
        ]


@pytest.fixture
async def oauth(
    sandbox: RunningSandbox,
) -> AsyncIterator[Callable[..., PiggyClient]]:
    sandbox.set_access_token_seconds(LIFETIME)
    made: list[PiggyClient] = []

    def make(**options: object) -> PiggyClient:
        client = PiggyClient(
            sandbox.base_url, client_credentials=CREDENTIALS, timeout=2.0, **options
        )
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


async def test_the_token_request_is_the_sdks_and_the_token_is_used_until_renewed(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    recorder = Recorder()
    client = oauth(transport=recorder)
    issued = sandbox.stats()["tokens_issued"]
    await client.shops.list()
    await client.promotions.list()
    token_request = recorder.requests[0]
    assert (token_request.method, token_request.url.path) == ("POST", "/oauth/token")
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert token_request.content == (
        b"grant_type=client_credentials&client_id=1042&client_secret=sandbox-client-secret"
    )
    assert "Authorization" not in token_request.headers
    assert recorder.paths() == ["POST /oauth/token", "GET /shops", "GET /promotions"]
    bearer = {r.headers["Authorization"] for r in recorder.requests[1:]}
    assert len(bearer) == 1 and next(iter(bearer)).startswith("Bearer ")
    assert sandbox.stats()["tokens_issued"] == issued + 1


async def test_a_token_about_to_run_out_is_renewed_before_the_request(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    clock = FakeClock()
    recorder = Recorder()
    client = oauth(transport=recorder, clock=clock)
    await client.shops.list()
    clock.now += LIFETIME - 59  # within the last minute of the token's life
    refused = sandbox.stats()["refused_tokens"]
    await client.shops.list()
    assert recorder.paths() == [
        "POST /oauth/token",
        "GET /shops",
        "POST /oauth/token",
        "GET /shops",
    ]
    assert sandbox.stats()["refused_tokens"] == refused, "no request left with a stale token"


async def test_a_token_piggy_refuses_is_renewed_and_the_request_sent_once_more(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    heard: list[PiggyError | None] = []
    recorder = Recorder()
    client = oauth(transport=recorder, observer=heard.append)
    await client.shops.list()
    sandbox.advance_clock(LIFETIME)  # Piggy's clock: the client cannot know
    shops = await client.shops.list()
    assert shops
    assert recorder.paths() == [
        "POST /oauth/token",
        "GET /shops",
        "GET /shops",  # 401
        "POST /oauth/token",
        "GET /shops",
    ]
    assert heard == [None, None], "the renewal is not reported as a refused token"


async def test_a_redeem_refused_for_its_token_is_carried_out_once(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    recorder = Recorder()
    client = oauth(transport=recorder)
    voucher = await client.vouchers.find(KNOWN.MULTI_USE)
    lock = await client.vouchers.lock(voucher.uuid)
    sandbox.advance_clock(LIFETIME + 1)  # the token runs out; the lock holds for an hour
    await client.vouchers.multi_redeem(
        voucher.code, 2, shop_uuid=KNOWN.SHOP_UUID, release_key=lock.release_key
    )
    state = sandbox.voucher_state(KNOWN.MULTI_USE)
    assert state["redemptions_used"] == 2, "two uses asked for, two made: not four"
    assert state["lock"] is None
    assert recorder.paths().count("POST /vouchers/multi-redeem") == 2  # the 401, then once


async def test_a_second_401_is_not_answered_with_a_third_try(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    recorder = Recorder()
    client = oauth(transport=recorder)
    voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
    sandbox.inject("status", status=401, path="/vouchers/redeem", count=5)
    with pytest.raises(Unauthorized) as raised:
        await client.vouchers.redeem(voucher.code)
    assert not raised.value.ambiguous
    assert recorder.paths().count("POST /vouchers/redeem") == 2
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 0


async def test_requests_refused_together_share_one_renewal(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox
) -> None:
    client = oauth()
    await client.shops.list()
    sandbox.advance_clock(LIFETIME)
    issued = sandbox.stats()["tokens_issued"]
    await asyncio.gather(*(client.shops.list() for _ in range(4)))
    assert sandbox.stats()["tokens_issued"] == issued + 1


async def test_a_wrong_secret_is_named_and_nothing_else_is_sent(
    sandbox: RunningSandbox,
) -> None:
    recorder = Recorder()
    wrong = ClientCredentials(DEFAULT_CLIENT_ID, "not-the-secret")
    async with PiggyClient(
        sandbox.base_url, client_credentials=wrong, transport=recorder
    ) as client:
        with pytest.raises(ClientCredentialsRefused) as raised:
            await client.vouchers.redeem(KNOWN.ACTIVE_WITH_CONTACT)
    assert raised.value.status_code == 401
    assert not raised.value.ambiguous, "the redeem was never sent"
    assert recorder.paths() == ["POST /oauth/token"]


async def test_no_network_for_the_token_is_offline_and_not_ambiguous() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with PiggyClient(
        f"http://127.0.0.1:{port}", client_credentials=CREDENTIALS, max_retries=0
    ) as client:
        with pytest.raises(PiggyError) as raised:
            await client.vouchers.redeem(KNOWN.ACTIVE_WITH_CONTACT)
    assert type(raised.value).__name__ == "Offline"
    assert not raised.value.ambiguous


async def test_the_secret_and_the_tokens_reach_no_log_line_repr_or_error(
    oauth: Callable[..., PiggyClient], sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    recorder = Recorder()
    client = oauth(transport=recorder)
    await client.shops.list()
    sandbox.advance_clock(LIFETIME)
    await client.shops.list()
    sandbox.inject("status", status=401, path="/shops", count=2)
    with pytest.raises(Unauthorized) as raised:
        await client.shops.list()
    tokens = {
        r.headers["Authorization"].split()[1]
        for r in recorder.requests
        if "Authorization" in r.headers
    }
    assert len(tokens) == 3
    secrets = {DEFAULT_CLIENT_SECRET, *tokens}
    assert caplog.records, "nothing was logged: the check below would prove nothing"
    texts = [record.getMessage() for record in caplog.records]
    texts += [repr(client), repr(CREDENTIALS), repr(client.access_tokens), str(raised.value)]
    texts += list(raised.value.details().values())
    assert not [text for text in texts for secret in secrets if secret in text]


def test_credentials_refuse_what_cannot_be_an_id_or_a_secret() -> None:
    for client_id, secret in (("", "s3cret-value"), ("10 42", "s3cret-value"), ("1042", "")):
        with pytest.raises(InvalidRequest):
            ClientCredentials(client_id, secret)
    with pytest.raises(InvalidRequest):
        PiggyClient("https://api.piggy.eu", "a-token", client_credentials=CREDENTIALS)


async def test_an_endless_token_answer_is_cut_off_and_the_redeem_never_sent(
    sandbox: RunningSandbox,
) -> None:
    from piggy_desk.api import AnswerTooLarge

    sandbox.inject("endless_body", path="/oauth/token")
    recorder = Recorder()
    async with PiggyClient(
        sandbox.base_url, client_credentials=CREDENTIALS, transport=recorder
    ) as client:
        with pytest.raises(AnswerTooLarge) as raised:
            await asyncio.wait_for(client.vouchers.redeem(KNOWN.ACTIVE_WITH_CONTACT), 60)
    assert not raised.value.ambiguous, "only a token was asked for"
    assert recorder.paths() == ["POST /oauth/token"]
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["redemptions_used"] == 0


async def test_a_token_error_that_echoes_the_secret_keeps_it_out_of_the_details() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400, json={"error": "invalid_request", "echo": request.content.decode()}
        )

    async with PiggyClient(
        "https://api.piggy.eu", client_credentials=CREDENTIALS, transport=httpx.MockTransport(echo)
    ) as client:
        with pytest.raises(PiggyError) as raised:
            await client.shops.list()
    texts = [str(raised.value), repr(raised.value), *raised.value.details().values()]
    assert not [text for text in texts if DEFAULT_CLIENT_SECRET in text]
