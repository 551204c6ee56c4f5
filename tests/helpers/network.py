"""Servers and addresses on this computer for tests of several folders: a TLS server no
trusted authority signed, a plain-http listener on a non-loopback address that keeps what
it hears, a loopback port nobody listens on."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import trustme

_UNAUTHENTICATED = b'{"message": "Unauthenticated."}'
# A whole HTTP answer for ``tls_server``: Piggy's refusal of a token.
UNAUTHORIZED_ANSWER = (
    b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\n"
    b"Content-Length: %d\r\n\r\n%s" % (len(_UNAUTHENTICATED), _UNAUTHENTICATED)
)

# How the refusal of a plain-http address outside this computer begins, at every entry point.
PLAIN_HTTP_REFUSED = "The Piggy address must start with https://"


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.asynccontextmanager
async def tls_server(
    *, untrusted: bool = True, authority: trustme.CA | None = None, answer: bytes = b""
) -> AsyncIterator[str]:
    """An https server on 127.0.0.1 with a certificate from a made-up authority (a new
    one, or ``authority``); the address. It answers nothing, or ``answer`` (a whole HTTP
    response) once a request's head has come."""
    authority = authority or trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1", "localhost").configure_cert(context)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            if answer:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(answer)
                await writer.drain()
            else:
                await reader.read(1)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    try:
        yield f"https://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()


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
