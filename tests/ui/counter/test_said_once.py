"""What a screen reader is given when Piggy goes out of reach: the connection's going
away is said once, whether a scan finds it out or the watch's probe does.

The window runs on a sandbox of its own, stopped in the test: its port then refuses, as a
network gone does (the session's sandbox serves the other tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from piggy_desk.counter.connection import Connection
from piggy_desk.sandbox import KNOWN, RunningSandbox, start_sandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.conftest import SANDBOX_TOKEN
from tests.ui.conftest import Counter, close, until


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    with start_sandbox(token=SANDBOX_TOKEN, seed=1) as own:
        yield own


def spoken(counter: Counter) -> str:
    """What the counter last gave the screen reader (announced, and as the focused
    control's description, which Orca speaks)."""
    said = counter.screen.announcer.last
    focused = QApplication.focusWidget()
    assert focused is not None and focused.accessibleDescription().strip() == said
    return said


@pytest.mark.parametrize(
    ("gone", "state", "sentence"),
    [
        ("stopped", Connection.OFFLINE, "No connection to Piggy. Check the network."),
        ("503", Connection.MAINTENANCE, "Piggy is down for maintenance. Try again later."),
    ],
)
async def test_a_scan_that_finds_piggy_gone_says_so_once(
    counter: Counter, gone: str, state: Connection, sentence: str
) -> None:
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    if gone == "stopped":
        counter.sandbox.stop()
    else:
        counter.sandbox.inject("status", status=503, count=1000)
    counter.type_scan(KNOWN.WITH_PLU)
    await until(lambda: counter.window.watch.state == state, what=str(state))
    await counter.settle()
    # Said once: not the window's sentence of the new state as well ("No connection to
    # Piggy: vouchers cannot be checked or redeemed now.", "Piggy is down for maintenance:
    # vouchers cannot be redeemed now."), which this one already tells.
    said = spoken(counter)
    assert said == f"Problem: {sentence} The voucher “{KNOWN.WITH_PLU}” could not be checked."
    assert counter.screen.banner.text in said


async def test_piggy_gone_found_by_the_probe_is_said(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox
) -> None:
    window = make_window()
    window.watch.idle_probe_seconds = 0.5  # a probe every half second while all is well
    counter = Counter(window, sandbox)
    window.show()
    assert window.ready is not None
    await window.ready
    await until(lambda: window.watch.state == Connection.ONLINE, what="online")
    await counter.settle()
    sandbox.stop()
    await until(lambda: window.watch.state == Connection.OFFLINE, what="offline")
    await counter.settle()
    assert spoken(counter) == (
        "Problem: No connection to Piggy: vouchers cannot be checked or redeemed now."
    )
    await close(window)
