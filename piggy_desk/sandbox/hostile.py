"""Answers of a hostile or broken server (`trickle`, `endless_body`, `wrong_voucher`
faults): slow beyond any per-read timeout, larger than any page, or for another code."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from urllib.parse import parse_qsl, urlencode

from starlette.types import Message, Receive, Scope, Send

from piggy_desk.sandbox.faults import TRICKLE_SECONDS, Fault, FaultKind

_ENDLESS_CHUNK = b" " * 65536
_JSON_HEADERS = [(b"content-type", b"application/json")]


def asked_for_another_code(scope: Scope, fault: Fault) -> Scope:
    """The scope of a request whose `code` query parameter is the fault's code."""
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    replaced = [(name, (fault.code or "") if name == "code" else value) for name, value in query]
    return {**scope, "query_string": urlencode(replaced).encode("latin-1")}


async def send_hostile(fault: Fault, receive: Receive, send: Send, held: Sequence[Message]) -> None:
    """Send a `trickle` or `endless_body` answer until it ends or the client goes away.

    `held` is Piggy's real answer (the request was processed) or empty (it was not).
    """
    gone = asyncio.Event()
    watcher = asyncio.get_running_loop().create_task(_watch_disconnect(receive, gone))
    try:
        if fault.kind is FaultKind.TRICKLE:
            pieces = _trickle(held, fault.seconds or TRICKLE_SECONDS)
        elif fault.kind is FaultKind.ENDLESS_BODY:
            pieces = _endless()
        else:
            raise ValueError(f"a {fault.kind} fault is not a hostile answer")
        async for message in pieces:
            if gone.is_set():
                return
            await send(message)
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher


async def _watch_disconnect(receive: Receive, gone: asyncio.Event) -> None:
    """Set `gone` when the client disconnects (the server says so only through `receive`)."""
    while (await receive())["type"] != "http.disconnect":
        pass
    gone.set()


async def _trickle(held: Sequence[Message], seconds: float) -> AsyncIterator[Message]:
    if held:
        start, body = held[0], b"".join(m.get("body", b"") for m in held[1:])
    else:
        start, body = {"type": "http.response.start", "status": 200, "headers": _JSON_HEADERS}, b""
    yield start
    for index in range(len(body)):
        await asyncio.sleep(seconds)
        yield {"type": "http.response.body", "body": body[index : index + 1], "more_body": True}
    while not held:  # nothing was processed: spaces for ever
        await asyncio.sleep(seconds)
        yield {"type": "http.response.body", "body": b" ", "more_body": True}
    yield {"type": "http.response.body", "body": b"", "more_body": False}


async def _endless() -> AsyncIterator[Message]:
    yield {"type": "http.response.start", "status": 200, "headers": _JSON_HEADERS}
    yield {"type": "http.response.body", "body": b'{"data": ', "more_body": True}
    while True:
        await asyncio.sleep(0)  # the watcher hears of a disconnect
        yield {"type": "http.response.body", "body": _ENDLESS_CHUNK, "more_body": True}
