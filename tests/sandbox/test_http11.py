"""The sandbox's HTTP/1.1 server (sandbox/http11.py) as a client sees it on the socket."""

from __future__ import annotations

import logging
import socket
import time

import httpx
import pytest

from piggy_desk.sandbox import PIGGY_PREFIX, RunningSandbox, start_sandbox

from .conftest import TOKEN


def _connect(sandbox: RunningSandbox) -> socket.socket:
    host, port = sandbox.base_url.removeprefix("http://").rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=10)


def _read_to_the_end(sock: socket.socket) -> bytes:
    received = b""
    with sock:
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_a_broken_body_after_an_early_answer_only_closes_the_connection(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    # Answered (401: no token) before its chunked body has come, then a chunk h11 cannot
    # parse: a 400 can no longer be sent, the connection can only be closed.
    sock = _connect(sandbox)
    head = f"POST {PIGGY_PREFIX}/vouchers/redeem HTTP/1.1\r\nHost: sandbox\r\n"
    sock.sendall(head.encode() + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
    answer = b""
    while b"Unauthenticated" not in answer:
        answer += sock.recv(65536)
    with caplog.at_level(logging.WARNING):
        sock.sendall(b"not a chunk\r\n\r\n")
        answer += _read_to_the_end(sock)
        time.sleep(0.2)  # the server's thread logs after the close
    assert answer.startswith(b"HTTP/1.1 401 ")
    assert b"HTTP/1.1 400" not in answer
    assert [record.getMessage() for record in caplog.records] == ["Invalid HTTP request received."]


@pytest.mark.parametrize("status", [204, 304])
def test_a_status_fault_without_content_answers_and_keeps_the_connection(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    # Piggy's JSON error body cannot go with a 204 or a 304 (h11 refused it, the server
    # closed the connection and the next request on it failed); a real server drops it.
    sandbox.inject("status", status=status)
    opened = sandbox.stats()["connections_opened"]
    with (
        caplog.at_level(logging.WARNING),
        httpx.Client(
            base_url=f"{sandbox.base_url}{PIGGY_PREFIX}",
            headers={"Authorization": f"Bearer {TOKEN}"},
        ) as client,
    ):
        first = client.get("/promotions")
        second = client.get("/promotions")
    assert (first.status_code, first.content) == (status, b"")
    assert second.status_code == 200
    assert sandbox.stats()["connections_opened"] == opened + 1
    assert caplog.records == []


def test_a_client_gone_before_its_body_came_is_not_an_error(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    # The app, reading the body, learns the client has gone (starlette's ClientDisconnect):
    # nobody to answer, nothing went wrong in the sandbox.
    sock = _connect(sandbox)
    head = f"POST {PIGGY_PREFIX}/vouchers/redeem HTTP/1.1\r\nHost: sandbox\r\n"
    with caplog.at_level(logging.WARNING):
        sock.sendall(
            head.encode()
            + f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n".encode()
            + b'Content-Length: 100\r\n\r\n{"code": '
        )
        time.sleep(0.2)
        sock.close()
        time.sleep(0.3)
    assert caplog.records == []


def test_stopping_with_an_answer_under_way_is_not_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING), start_sandbox(token=TOKEN) as running:
        running.inject("latency", seconds=30)
        sock = _connect(running)
        head = f"GET {PIGGY_PREFIX}/promotions HTTP/1.1\r\nHost: sandbox\r\n"
        sock.sendall(head.encode() + f"Authorization: Bearer {TOKEN}\r\n\r\n".encode())
        time.sleep(0.3)
        running.stop()
        assert _read_to_the_end(sock) == b""  # closed, without an answer
    assert caplog.records == []
