"""The sandbox's listening socket, apart from the server so that it costs no import.

A program can take its loopback address at once, build its window against it and start
the server (starlette, its HTTP server and the seeded data: a tenth of a second) in the
background: connections made meanwhile wait in the socket's backlog until it serves.
"""

from __future__ import annotations

import os
import socket

BACKLOG = 128
# The demo shop (the seeded data's own, ``KNOWN.SHOP_UUID``): here so that the demo's start
# can set it before its first paint without importing the seeded data (about 10 ms).
DEMO_SHOP_UUID = "66a4d561-1459-43fb-8178-63285b41d882"


def listen(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A socket listening on ``host:port`` (0: a free port)."""
    # An ASCII host as bytes: as a str, Python encodes it with the "idna" codec, whose import
    # (with stringprep and unicodedata, about 1.6 ms) the demo's start paid before its first
    # paint, for a loopback address; nothing later in it needs the codec (issue 20).
    name = host.encode("ascii") if host.isascii() else host
    family, kind, protocol, _, address = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, protocol)
    try:
        if os.name != "nt":
            # Lets a fixed port be reused at once after a restart; on Windows this
            # option would let another process share the port, so it stays off there.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def base_url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    return f"http://{shown_host}:{port}"
