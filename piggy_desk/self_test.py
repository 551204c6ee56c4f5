"""``piggy-desk --self-test``: the whole program checked end to end, without a person.

It starts the built-in sandbox on a loopback port, opens the real main window on it (its
journal in a temporary folder, sounds off), scans a voucher as a scanner does, presses
Enter to reserve it and Enter again to redeem it, then asks Piggy (the sandbox) with a
fresh client whether the voucher is really used. Each step is reported as one plain
line; every wait is bounded, so a broken build fails with a sentence instead of hanging.
The packaging scripts run it on every bundle they make.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import secrets
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from piggy_desk.api import PiggyClient, PiggyError
from piggy_desk.app import build_training_window
from piggy_desk.counter.flow import Stage
from piggy_desk.logs import redact, register_secret
from piggy_desk.notices import Notice
from piggy_desk.sandbox import KNOWN, RunningSandbox, start_sandbox
from piggy_desk.ui.core.i18n import SUPPORTED, missing_translations
from piggy_desk.ui.counter.screen import STRAY_ENTER_SECONDS
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.widgets import JUST_REDEEMED

log = logging.getLogger("piggy_desk.self_test")
T = TypeVar("T")

VOUCHER = KNOWN.ACTIVE_WITH_CONTACT
"""The voucher the self-test redeems: valid, with a customer, in every fresh sandbox."""
STEP_TIMEOUT = 20.0
"""The longest any one step may take, in seconds."""


class SelfTestFailed(Exception):
    """A step did not come out as it should; the message is the line to report."""


async def run_self_test(report: Callable[[str], None]) -> bool:
    """Run the end-to-end check on the running Qt event loop (a ``CounterEventLoop``);
    ``report`` gets one line per step ("ok: …", or "FAILED: …"). True when all passed."""

    def say(line: str) -> None:
        line = redact(line)
        log.info("self-test: %s", line)
        report(line)

    token = secrets.token_urlsafe(24)
    register_secret(token)
    sandbox: RunningSandbox | None = None
    try:
        problems = missing_translations()
        if problems:
            raise SelfTestFailed("translations: " + "; ".join(problems))
        say(f"ok: translations there ({', '.join(SUPPORTED)}, and Qt's own)")
        sandbox = await _bounded(
            asyncio.to_thread(start_sandbox, token=token), "the sandbox to start"
        )
        say(f"ok: sandbox started on {sandbox.base_url}")
        with tempfile.TemporaryDirectory(
            prefix="piggy-desk-self-test-", ignore_cleanup_errors=True
        ) as folder:
            say(_check_printing(Path(folder)))
            say(_check_key_store())
            window = _open_window(sandbox, token, Path(folder))
            try:
                await _drive(window, sandbox, token, say)
            finally:
                await _close(window)
            say("ok: window closed")
    except SelfTestFailed as failure:
        say(f"FAILED: {failure}")
        return False
    except Exception as error:
        log.exception("self-test: unexpected error")
        say(f"FAILED: unexpected {type(error).__name__}: {error}")
        return False
    finally:
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)
    say("ok: sandbox stopped")
    return True


def _check_printing(folder: Path) -> str:
    """A voucher slip saved as PDF: Qt's print support, segno and python-barcode are in the
    bundle and draw the codes as vectors."""
    from piggy_desk.ui.printing import Layout, save_pdf
    from piggy_desk.voucher_print import SlipFacts

    path = folder / "slip.pdf"
    facts = SlipFacts(VOUCHER, "Self-test", "", None, None, 1, "")
    save_pdf(path, [facts], Layout.RECEIPT)
    data = path.read_bytes() if path.exists() else b""
    if not data.startswith(b"%PDF") or b"/Subtype /Image" in data or len(data) < 2000:
        raise SelfTestFailed(f"printing: the slip saved as PDF is not one ({len(data)} bytes)")
    return f"ok: printing: a voucher slip saved as PDF ({len(data)} bytes, codes as vectors)"


def _check_key_store() -> str:
    """keyring's backend for this OS loads with what it needs; on Linux SecretStorage
    encrypts and decrypts a secret as it does for the Secret Service (in the bundle its
    AES-128-CBC comes from the bundled OpenSSL: packaging/secretstorage_aes.py). No key
    store is opened: the person's tokens are not touched."""
    if not sys.platform.startswith("linux"):
        backend = "Windows" if sys.platform.startswith("win") else "macOS"
        importlib.import_module(f"keyring.backends.{backend}")
        return f"ok: key store: keyring's {backend} backend loads"
    from keyring.backends import SecretService

    if not hasattr(SecretService, "secretstorage"):
        raise SelfTestFailed("key store: keyring's SecretService backend has no SecretStorage")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from secretstorage.dhcrypto import Session
    from secretstorage.util import format_secret

    session = Session()
    session.aes_key, session.object_path = secrets.token_bytes(16), "/"
    _, iv, encrypted, _ = format_secret(session, b"self-test", "text/plain")
    decryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(bytes(iv))).decryptor()
    padded = decryptor.update(bytes(encrypted)) + decryptor.finalize()
    if padded[: -padded[-1]] != b"self-test":
        raise SelfTestFailed("key store: SecretStorage's AES-128-CBC does not round-trip")
    return "ok: key store: keyring's SecretService backend loads (SecretStorage, AES-128-CBC)"


def _open_window(sandbox: RunningSandbox, token: str, folder: Path) -> MainWindow:
    window = build_training_window(base_url=sandbox.base_url, token=token, folder=folder)
    window.show()
    return window


async def _drive(
    window: MainWindow, sandbox: RunningSandbox, token: str, say: Callable[[str], None]
) -> None:
    counter = window.counter
    notices: list[Notice] = []
    window.controller.notice_given.connect(notices.append)

    def last_said() -> str:
        return f' (the counter said: "{notices[-1].sentence}")' if notices else ""

    def check_no_crash() -> None:
        if window.messages.crashes:
            error = window.messages.crashes[0]
            raise SelfTestFailed(f"unexpected {type(error).__name__} in the window: {error}")

    assert window.ready is not None
    await _bounded(asyncio.shield(window.ready), "the window to start")
    check_no_crash()
    say("ok: window ready")

    # A scanner: the code in the scan field, then Enter.
    counter.scan_input.setText(VOUCHER)
    scanned_at = time.monotonic()
    _press_enter(window)

    def voucher_shown() -> bool:
        voucher = counter.view.voucher
        return (
            voucher is not None
            and voucher.code == VOUCHER
            and counter.card.code.text() == VOUCHER
            and not counter.view.busy
        )

    await _until(voucher_shown, f"voucher {VOUCHER} on the card", last_said)
    check_no_crash()
    shown = counter.view.voucher
    assert shown is not None
    if shown.status != "ACTIVE" or not counter.view.can_redeem:
        raise SelfTestFailed(
            f"voucher {VOUCHER} is {shown.status}, not ACTIVE and redeemable{last_said()}"
        )
    say(f"ok: voucher found ({VOUCHER}, {counter.card.status.status})")

    # The counter ignores an Enter right after a scan (scanners that send CR and LF).
    await asyncio.sleep(max(0.0, scanned_at + STRAY_ENTER_SECONDS + 0.1 - time.monotonic()))
    _press_enter(window)
    await _until(
        lambda: counter.view.stage == Stage.CONFIRMING and not counter.view.busy,
        "the voucher to be reserved (the confirm step)",
        last_said,
    )
    check_no_crash()
    if counter.view.lock is None:
        raise SelfTestFailed("the confirm step came without a reservation (lock)")
    state = await asyncio.to_thread(sandbox.voucher_state, VOUCHER)
    if state.get("status") != "LOCKED":
        raise SelfTestFailed(f"Piggy shows the voucher as {state.get('status')}, not LOCKED")
    say("ok: locked")

    # Nor a confirm that came with the question: it must be seen before it is answered.
    await asyncio.sleep(STRAY_ENTER_SECONDS + 0.1)
    _press_enter(window)

    def redeemed_shown() -> bool:
        voucher = counter.view.voucher
        return (
            voucher is not None
            and voucher.status == "REDEEMED"
            # this counter's own redemption: "Redeemed just now" (b48bb57)
            and counter.card.status.status in ("REDEEMED", JUST_REDEEMED)
            and counter.view.stage != Stage.CONFIRMING
            and not counter.view.busy
        )

    await _until(redeemed_shown, "the card to show REDEEMED", last_said)
    check_no_crash()
    say("ok: redeemed")

    async with PiggyClient(sandbox.base_url, token) as client:
        try:
            found = await _bounded(client.vouchers.find(VOUCHER), "Piggy to answer")
        except PiggyError as error:
            raise SelfTestFailed(f"Piggy could not be asked: {error.user_message}") from error
    state = await asyncio.to_thread(sandbox.voucher_state, VOUCHER)
    if found.status != "REDEEMED" or state.get("status") != "REDEEMED":
        raise SelfTestFailed(
            f"Piggy shows the voucher as {found.status} (sandbox: {state.get('status')}), "
            "not REDEEMED"
        )
    say("ok: Piggy confirms REDEEMED")


def _press_enter(window: MainWindow) -> None:
    """Enter as the keyboard (or a scanner) gives it to the scan field."""
    target = window.counter.scan_input
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        QApplication.sendEvent(target, event)


async def _close(window: MainWindow) -> None:
    """Close the window as a person does (it releases what it holds), bounded."""
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.close()
    try:
        await _bounded(closed.wait(), "the window to close")
    finally:
        if window.isVisible():  # it did not close in time: shut it down the hard way
            with contextlib.suppress(Exception):
                await asyncio.wait_for(window.shutdown(), STEP_TIMEOUT)
            window.hide()
        window.deleteLater()
        await asyncio.sleep(0)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


async def _bounded(awaitable: Awaitable[T], what: str) -> T:
    """``await awaitable``; fail with a sentence after ``STEP_TIMEOUT``."""
    try:
        return await asyncio.wait_for(awaitable, STEP_TIMEOUT)
    except TimeoutError:
        raise SelfTestFailed(f"waited {STEP_TIMEOUT:.0f} s for {what}") from None


async def _until(
    condition: Callable[[], bool], what: str, detail: Callable[[], str] = lambda: ""
) -> None:
    """Let the loop run until ``condition()``; fail with a sentence after ``STEP_TIMEOUT``."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"waited {STEP_TIMEOUT:.0f} s for {what}{detail()}")
        await asyncio.sleep(0.02)
