"""The sandbox's listening socket, taken before its server is started (the demo's start)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from piggy_desk.sandbox.address import base_url_of, listen

LISTEN_ALONE = """
import sys
from piggy_desk.sandbox.address import listen

sock = listen()
print("encodings.idna" in sys.modules)
sock.close()
"""


def test_taking_the_loopback_address_loads_no_idna_codec() -> None:
    """The demo takes its sandbox's address before its first paint: an ASCII host needs no
    "idna" codec (about 1.6 ms to import, with stringprep and unicodedata; issue 20)."""
    loaded = subprocess.run(
        [sys.executable, "-c", LISTEN_ALONE], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "False"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_socket_listens_on_the_host(host: str) -> None:
    server = listen(host)
    try:
        assert base_url_of(server).startswith(("http://127.0.0.1:", "http://[::1]:"))
        with socket.create_connection(server.getsockname()[:2], timeout=5):
            accepted, _ = server.accept()
            accepted.close()
    finally:
        server.close()
