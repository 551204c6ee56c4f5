"""The token never travels in clear text: a plain-http Piggy address is refused unless it
is this computer's own (the sandbox on loopback), by the one check every entry point and
the client itself go through (``base_url_root``)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from piggy_desk.api import InvalidRequest, PiggyClient, PiggyError, base_url_root

PLAIN_HTTP_REFUSED = "The Piggy address must start with https://"


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


def outward_address() -> str | None:
    """An address of this computer that is not loopback (none on a machine without one)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for a UDP connect
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


@dataclass
class Eavesdropper:
    """A plain-http server on a non-loopback address that keeps what it hears."""

    base_url: str
    heard: list[bytes] = field(default_factory=list)


@contextlib.asynccontextmanager
async def eavesdropper() -> AsyncIterator[Eavesdropper]:
    address = outward_address()
    if address is None:
        pytest.skip("this computer has no address besides loopback")
    listener: Eavesdropper | None = None

    async def keep(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert listener is not None
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            listener.heard.append(await reader.readuntil(b"\r\n\r\n"))
        writer.close()

    server = await asyncio.start_server(keep, address, 0)
    listener = Eavesdropper(f"http://{address}:{server.sockets[0].getsockname()[1]}")
    try:
        yield listener
    finally:
        server.close()


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
