"""The token never travels in clear text: a plain-http Piggy address is refused unless it
is this computer's own (the sandbox on loopback), by the one check every entry point and
the client itself go through (``base_url_root``)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from piggy_desk.api import InvalidRequest, PiggyClient, PiggyError, base_url_root
from tests.helpers.network import PLAIN_HTTP_REFUSED, eavesdropper


@pytest.mark.parametrize(
    "address",
    [
        "http://api.piggy.eu",
        "http://192.0.2.10:8080",
        "HTTP://api.piggy.eu/api/v3/oauth/clients",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com",
        "http://[fd00::2]:8080",
        "http://10.0.0.1",
    ],
)
def test_plain_http_to_another_computer_is_refused(address: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        base_url_root(address)
    assert caught.value.user_message.startswith(PLAIN_HTTP_REFUSED)
    assert "http" in caught.value.user_message and "token" in caught.value.user_message
    with pytest.raises(InvalidRequest):
        PiggyClient(address, "token")


@pytest.mark.parametrize(
    ("address", "root"),
    [
        ("https://api.piggy.eu", "https://api.piggy.eu"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://127.1.2.3:8765/api/v3/oauth/clients/", "http://127.1.2.3:8765"),
        ("http://localhost:8765", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
        ("https://192.0.2.10:8443", "https://192.0.2.10:8443"),
    ],
)
def test_https_anywhere_and_plain_http_on_this_computer_are_accepted(
    address: str, root: str
) -> None:
    assert base_url_root(address) == root


async def test_the_client_sends_nothing_to_a_plain_http_address_on_the_network() -> None:
    async with eavesdropper() as listener:
        try:
            client = PiggyClient(listener.base_url, "secret-token-1234")
        except InvalidRequest:
            pass
        else:  # before the fix: the token goes out in clear text
            with contextlib.suppress(PiggyError):
                await client.promotions.list()
            await client.aclose()
        await asyncio.sleep(0.1)
    assert listener.heard == []
