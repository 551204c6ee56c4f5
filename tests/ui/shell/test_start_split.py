"""The window is shown and painted before its client and flow exist (issue 20: httpx and
the client are imported after the first paint, while a scanner types). A scan submitted in
that moment waits and is looked up once they come; closing in that moment ends in order.
The demo paints before the loop itself exists (``_paint_before_the_loop``: asyncio and
qasync are imported after): keys that come then, and a close, wait for the loop, in order.
The real window and the sandbox over loopback, the steps of the program's own start."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from piggy_desk.api import Unauthorized, authorities
from piggy_desk.app import (
    _paint_before_the_loop,
    attach_client,
    build_counter_window,
    close_on_signals,
)
from piggy_desk.counter.journal import Journal
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import Settings, authorities_dir
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.shell.main_window import MainWindow
from tests.helpers.network import UNAUTHORIZED_ANSWER, tls_server
from tests.ui.conftest import Counter, close, until

SETTINGS = Settings(shop_uuid=KNOWN.SHOP_UUID, sounds=False)


async def _painted_window(tmp_path: Path, qapp: QApplication) -> MainWindow:
    window = _built_and_shown(tmp_path, qapp)
    await until(lambda: window.is_painted, what="the first paint")
    return window


async def test_a_scan_typed_before_the_client_is_made_is_looked_up_once_it_is(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    window = await _painted_window(tmp_path, qapp)
    code = KNOWN.ACTIVE_WITH_CONTACT
    found_before = sandbox.stats()["requests"]
    assert QApplication.focusWidget() is window.counter.scan_input
    Counter(window, sandbox).type_scan(code)  # the keys and Enter, before the flow exists
    await asyncio.sleep(0.05)
    assert window.controller.flow is None
    assert sandbox.stats()["requests"] == found_before

    attach_client(window, base_url=sandbox.base_url, token=sandbox.token, settings=SETTINGS)
    window.start()
    assert window.ready is not None
    await window.ready
    await until(
        lambda: (
            window.counter.view.voucher is not None
            and window.counter.view.voucher.code == code
            and not window.counter.view.busy
        ),
        what=f"{code} on the card",
    )
    assert window.counter.card.code.text() == code
    await close(window)


async def test_a_shop_s_client_reads_piggy_s_authority_from_the_folder_in_its_cache(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over https the program's client checks Piggy's certificate against certifi's
    authorities kept one per file in the user's cache (``api.authorities``)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    authority = trustme.CA()  # among certifi's, as Piggy's is
    folder = authorities.certifi_folder(authorities_dir())
    authorities.write_folder(authority.cert_pem.bytes().decode(), folder)
    assert folder.is_relative_to(tmp_path / "cache")
    window = await _painted_window(tmp_path, qapp)
    async with tls_server(authority=authority, answer=UNAUTHORIZED_ANSWER) as address:
        attach_client(window, base_url=address, token="token", settings=SETTINGS)
        with pytest.raises(Unauthorized):  # Piggy's answer: the certificate was accepted
            await window.client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
        window.start()
        await close(window)


async def test_closing_before_the_client_is_made_waits_for_it_and_ends_in_order(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    window = await _painted_window(tmp_path, qapp)
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.close()
    await asyncio.sleep(0.05)
    assert not closed.is_set()  # the end waits for the client and the flow

    attach_client(window, base_url=sandbox.base_url, token=sandbox.token, settings=SETTINGS)
    window.start()
    await asyncio.wait_for(closed.wait(), 10)
    assert not window.isVisible()
    assert window.client.closed
    journal = Journal.in_folder(tmp_path / "data")  # closed by the window: opens again
    journal.close()
    await close(window)


def _built_and_shown(tmp_path: Path, qapp: QApplication) -> MainWindow:
    qapp.setQuitOnLastWindowClosed(False)  # as the program does
    window = build_counter_window(
        data_dir=tmp_path / "data",
        settings=SETTINGS,
        training=True,
        sounds=SoundPlayer(tmp_path / "sounds", enabled=False),
    )
    window.show()
    return window


def _then_in_the_loop(qapp: QApplication, steps: Callable[[], Awaitable[None]]) -> None:
    """The program's loop, made only now (as app.main does after the first paint)."""
    loop = CounterEventLoop(qapp)
    try:
        loop.run_until_complete(asyncio.wait_for(steps(), 30))
    finally:
        loop.close()


def test_a_scan_typed_while_painted_before_the_loop_is_looked_up_in_order(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    # A plain test: no loop runs, as in the demo's start before asyncio is imported.
    window = _built_and_shown(tmp_path, qapp)
    first, second = KNOWN.ACTIVE_NO_CONTACT, KNOWN.ACTIVE_WITH_CONTACT
    for char in [*first, "\r", *second, "\r"]:  # queued as a scanner's keys are
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.postEvent(window.counter.scan_input, event)
    _paint_before_the_loop(window)
    assert window.is_painted
    assert window.controller.flow is None
    shown: list[str] = []

    async def steps() -> None:
        window.controller.view_changed.connect(
            lambda view: shown.append(view.voucher.code) if view.voucher else None
        )
        attach_client(window, base_url=sandbox.base_url, token=sandbox.token, settings=SETTINGS)
        window.start()
        assert window.ready is not None
        await window.ready
        await until(
            lambda: window.counter.card.code.text() == second and not window.counter.view.busy,
            what=f"{second} on the card",
        )
        await close(window)

    _then_in_the_loop(qapp, steps)
    assert list(dict.fromkeys(shown)) == [first, second]  # both, in the order typed


def test_a_close_while_painted_before_the_loop_ends_in_order_once_it_runs(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    window = _built_and_shown(tmp_path, qapp)
    _paint_before_the_loop(window)
    window.close()  # no loop yet: asked again once there is one
    assert window.isVisible()
    _closed_in_order_once_the_loop_runs(window, sandbox, qapp)


def test_a_sigterm_as_painted_before_the_loop_ends_in_order_once_it_runs(
    program_start: None, sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> None:
    window = _built_and_shown(tmp_path, qapp)
    close_on_signals(window)
    signal.raise_signal(signal.SIGTERM)  # its close is posted to Qt: the paint's loop has it
    _paint_before_the_loop(window)
    assert window.isVisible()
    _closed_in_order_once_the_loop_runs(window, sandbox, qapp)


def _closed_in_order_once_the_loop_runs(
    window: MainWindow, sandbox: RunningSandbox, qapp: QApplication
) -> None:

    async def steps() -> None:
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        attach_client(window, base_url=sandbox.base_url, token=sandbox.token, settings=SETTINGS)
        window.start()
        await asyncio.wait_for(closed.wait(), 10)
        assert not window.isVisible()
        assert window.client.closed
        await close(window)  # deleted, as the other tests' windows

    _then_in_the_loop(qapp, steps)
