"""The sandbox's own HTTP/1.1 server: an ASGI application served over h11 on an asyncio loop.

What uvicorn's h11 protocol did for the sandbox, without uvicorn's package: importing any
part of uvicorn imports its command line (click), `logging.config`, its worker
supervisors and `platform`, about 40 ms of CPU that the demo's first
look-up waited for (issue 20). h11 is the HTTP/1.1 parser httpx's httpcore uses too, so the
demo imports it once. Keep-alive (idle connections closed after 5 s), pipelining, request
bodies read as the application asks (`receive`), flow control both ways, a 400 for a request
h11 cannot parse, a 500 for an application that fails before answering, and a graceful stop
as uvicorn's. Each request's scope carries its connection's transport under the extension
named by `transport_extension`, so a `drop` fault can close the socket without an answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

import h11
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message

log = logging.getLogger(__name__)

KEEP_ALIVE_SECONDS = 5.0
# A request body buffered beyond this stops reading from the socket until the app reads it.
_HIGH_WATER = 65536
_CLOSE = (b"connection", b"close")
_TICK_SECONDS = 0.1


class HTTPServer:
    """Serves `app` on a listening socket (`serve`) until `should_exit`; `force_exit` stops
    waiting for the answers still being sent. `started` once it accepts connections."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        transport_extension: str,
        on_connection: Callable[[], None] = lambda: None,
        graceful_seconds: float = 2.0,
    ) -> None:
        self.app = app
        self.transport_extension = transport_extension
        self.on_connection = on_connection
        self.graceful_seconds = graceful_seconds
        self.started = False
        self.should_exit = False
        self.force_exit = False
        self.connections: set[_Connection] = set()
        self.tasks: set[asyncio.Task[None]] = set()

    async def serve(self, sock: socket.socket) -> None:
        """Accept connections on `sock` until `should_exit`, then stop gracefully."""
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Connection(self, loop), sock=sock, backlog=2048)
        self.started = True
        # Set from another thread (RunningSandbox.stop), where an asyncio.Event cannot be.
        while not self.should_exit:  # noqa: ASYNC110
            await asyncio.sleep(_TICK_SECONDS)
        server.close()
        sock.close()
        for connection in list(self.connections):
            connection.shutdown()
        await asyncio.sleep(_TICK_SECONDS)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._answers_sent(), self.graceful_seconds)
        # Still open: Python 3.12 would wait on them. Closed before the answers still under
        # way are cancelled, so that each learns its client has gone (no error to log).
        for connection in list(self.connections):
            connection.abort()
        for task in self.tasks:
            task.cancel()
        await server.wait_closed()

    async def _answers_sent(self) -> None:
        while (self.connections or self.tasks) and not self.force_exit:  # noqa: ASYNC110
            await asyncio.sleep(_TICK_SECONDS)


def _reason(status: int) -> bytes:
    try:
        return HTTPStatus(status).phrase.encode()
    except ValueError:
        return b""


class _Connection(asyncio.Protocol):
    """One client's connection: its requests one after the other (h11 holds pipelined ones)."""

    def __init__(self, server: HTTPServer, loop: asyncio.AbstractEventLoop) -> None:
        self.server = server
        self.loop = loop
        self.conn = h11.Connection(h11.SERVER)
        self.transport: asyncio.Transport | None = None
        self.reading_paused = False
        self.writable = asyncio.Event()
        self.writable.set()
        self.keep_alive_timer: asyncio.TimerHandle | None = None
        self.cycle: _Cycle | None = None
        self.addresses: dict[str, Any] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.server.connections.add(self)
        self.server.on_connection()
        for key, name in (("server", "sockname"), ("client", "peername")):
            address = transport.get_extra_info(name)
            self.addresses[key] = tuple(address[:2]) if isinstance(address, tuple) else None

    def connection_lost(self, exc: Exception | None) -> None:
        self.server.connections.discard(self)
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
        if self.conn.our_state is not h11.ERROR:
            with contextlib.suppress(h11.LocalProtocolError):  # gone mid-request
                self.conn.send(h11.ConnectionClosed())
        if self.cycle is not None:
            self.cycle.message_event.set()
        self.writable.set()
        self._stop_keep_alive_timer()
        if exc is None and self.transport is not None:
            self.transport.close()

    def eof_received(self) -> None:
        pass

    def data_received(self, data: bytes) -> None:
        self._stop_keep_alive_timer()
        self.conn.receive_data(data)
        self._handle_events()

    def pause_writing(self) -> None:
        self.writable.clear()

    def resume_writing(self) -> None:
        self.writable.set()

    def pause_reading(self) -> None:
        if not self.reading_paused and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()

    def resume_reading(self) -> None:
        if self.reading_paused and self.transport is not None:
            self.reading_paused = False
            self.transport.resume_reading()

    def write(self, event: h11.Event) -> None:
        output = self.conn.send(event)
        if output and self.transport is not None:
            self.transport.write(output)

    def abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()

    def shutdown(self) -> None:
        """The server stops: close now when idle, else after the answer being sent."""
        if self.cycle is None or self.cycle.response_complete:
            self.conn.send(h11.ConnectionClosed())
            if self.transport is not None:
                self.transport.close()
        else:
            self.cycle.keep_alive = False

    def on_response_complete(self) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        self._stop_keep_alive_timer()
        self.keep_alive_timer = self.loop.call_later(KEEP_ALIVE_SECONDS, self._close_idle)
        self.resume_reading()
        if self.conn.our_state is h11.DONE and self.conn.their_state is h11.DONE:
            self.conn.start_next_cycle()
            self._handle_events()

    def _handle_events(self) -> None:
        while True:
            try:
                event = self.conn.next_event()
            except h11.RemoteProtocolError:
                log.warning("Invalid HTTP request received.")
                self._send_400("Invalid HTTP request received.")
                return
            if event is h11.NEED_DATA:
                return
            if event is h11.PAUSED:  # a pipelined request: after this answer
                self.pause_reading()
                return
            if isinstance(event, h11.Request):
                self._stop_keep_alive_timer()
                self._begin(event)
            elif isinstance(event, h11.Data):
                if self.conn.our_state is h11.DONE or self.cycle is None:
                    continue
                self.cycle.body += event.data
                if len(self.cycle.body) > _HIGH_WATER:
                    self.pause_reading()
                self.cycle.message_event.set()
            elif isinstance(event, h11.EndOfMessage):
                if self.conn.our_state is h11.DONE:  # answered before the body was read
                    self.resume_reading()
                    self.conn.start_next_cycle()
                    continue
                if self.cycle is not None:
                    self.cycle.more_body = False
                    self.cycle.message_event.set()
                if self.conn.their_state is h11.MUST_CLOSE:
                    return

    def _begin(self, request: h11.Request) -> None:
        assert self.transport is not None
        headers = [(name.lower(), value) for name, value in request.headers]
        raw_path, _, query_string = request.target.partition(b"?")
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": request.http_version.decode("ascii"),
            "server": self.addresses.get("server"),
            "client": self.addresses.get("client"),
            "scheme": "http",
            "method": request.method.decode("ascii"),
            "root_path": "",
            "path": unquote(raw_path.decode("ascii")),
            "raw_path": raw_path,
            "query_string": query_string,
            "headers": headers,
            "state": {},
            "extensions": {self.server.transport_extension: self.transport},
        }
        self.cycle = cycle = _Cycle(self, scope)
        task = self.loop.create_task(cycle.run(self.server.app))
        task.add_done_callback(self.server.tasks.discard)
        self.server.tasks.add(task)

    def _send_400(self, message: str) -> None:
        # A body that breaks after the app has begun or sent its answer (one given before
        # the body was read) cannot get another: h11 refuses it, the close alone is said.
        if self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE):
            headers = [(b"content-type", b"text/plain; charset=utf-8"), _CLOSE]
            self.write(h11.Response(status_code=400, headers=headers, reason=_reason(400)))
            self.write(h11.Data(data=message.encode("ascii")))
            self.write(h11.EndOfMessage())
        if self.transport is not None:
            self.transport.close()

    def _close_idle(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.conn.send(h11.ConnectionClosed())
            self.transport.close()

    def _stop_keep_alive_timer(self) -> None:
        if self.keep_alive_timer is not None:
            self.keep_alive_timer.cancel()
            self.keep_alive_timer = None


class _Cycle:
    """One request and its answer: the ASGI `receive` and `send` of one application call."""

    def __init__(self, connection: _Connection, scope: dict[str, Any]) -> None:
        self.connection = connection
        self.scope = scope
        self.message_event = asyncio.Event()
        self.disconnected = False
        self.keep_alive = True
        self.waiting_for_100_continue = connection.conn.they_are_waiting_for_100_continue
        self.body = bytearray()
        self.more_body = True
        self.response_started = False
        self.response_complete = False
        self.without_content = scope["method"] == "HEAD"
        self._on_response: Callable[[], None] = connection.on_response_complete

    async def run(self, app: ASGIApp) -> None:
        try:
            await app(self.scope, self.receive, self.send)
        except BaseException as error:
            if self.disconnected and isinstance(error, (ClientDisconnect, asyncio.CancelledError)):
                # Its client has gone (or the server stopped): nobody to answer, no fault.
                log.debug("a request ended without its client: %r", error)
                return
            log.error("Exception in ASGI application", exc_info=error)
            if not self.response_started:
                await self._send_500()
            elif self.connection.transport is not None:
                self.connection.transport.close()
        else:
            if not self.response_started and not self.disconnected:
                log.error("ASGI callable returned without starting response.")
                await self._send_500()
            elif not self.response_complete and not self.disconnected:
                log.error("ASGI callable returned without completing response.")
                if self.connection.transport is not None:
                    self.connection.transport.close()
        finally:
            self._on_response = lambda: None

    async def _send_500(self) -> None:
        headers = [(b"content-type", b"text/plain; charset=utf-8"), _CLOSE]
        await self.send({"type": "http.response.start", "status": 500, "headers": headers})
        await self.send({"type": "http.response.body", "body": b"Internal Server Error"})

    async def send(self, message: Message) -> None:
        connection = self.connection
        if not connection.writable.is_set() and not self.disconnected:
            await connection.writable.wait()
        if self.disconnected:
            return  # the client has gone: the answer goes nowhere
        if not self.response_started:
            if message["type"] != "http.response.start":
                raise RuntimeError(f"Expected 'http.response.start', got {message['type']!r}")
            self.response_started = True
            self.waiting_for_100_continue = False
            status = message["status"]
            # What the app says with a 204 or 304 (a `status` fault's JSON) is left out, as
            # for a HEAD: h11 frames these answers without content and refuses a byte more.
            self.without_content = self.without_content or status in (204, 304)
            headers = list(message.get("headers", []))
            if _CLOSE in self.scope["headers"] and _CLOSE not in headers:
                headers.append(_CLOSE)
            reason = _reason(status)
            connection.write(h11.Response(status_code=status, headers=headers, reason=reason))
        elif not self.response_complete:
            if message["type"] != "http.response.body":
                raise RuntimeError(f"Expected 'http.response.body', got {message['type']!r}")
            body = b"" if self.without_content else message.get("body", b"")
            connection.write(h11.Data(data=body))
            if not message.get("more_body", False):
                self.response_complete = True
                self.message_event.set()
                connection.write(h11.EndOfMessage())
        else:
            raise RuntimeError(f"Unexpected {message['type']!r} after the response was complete")
        if self.response_complete:
            if connection.conn.our_state is h11.MUST_CLOSE or not self.keep_alive:
                connection.conn.send(h11.ConnectionClosed())
                if connection.transport is not None:
                    connection.transport.close()
            self._on_response()

    async def receive(self) -> Message:
        connection = self.connection
        transport = connection.transport
        if self.waiting_for_100_continue and transport is not None and not transport.is_closing():
            going_on = h11.InformationalResponse(status_code=100, headers=[], reason="Continue")
            connection.write(going_on)
            self.waiting_for_100_continue = False
        if not self.disconnected and not self.response_complete:
            connection.resume_reading()
            await self.message_event.wait()
            self.message_event.clear()
        if self.disconnected or self.response_complete:
            return {"type": "http.disconnect"}
        message = {"type": "http.request", "body": bytes(self.body), "more_body": self.more_body}
        self.body = bytearray()
        return message
