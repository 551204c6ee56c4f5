"""A server that trickles its answers (one byte every few seconds, so no single read ever
times out) must not hold the counter or the window: closing ends, and the next start
gives back what the close could not."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from piggy_desk.counter.flow import Stage
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell.main_window import MainWindow
from tests.helpers.processes import start_counter
from tests.ui.conftest import Counter, close, enter, until

# Far above what closing may take, far below "for ever": the test only checks it ends.
CLOSE_BOUND_SECONDS = 30.0


async def test_closing_while_a_find_trickles_ends(counter: Counter) -> None:
    counter.sandbox.inject("trickle", seconds=1.0, path="/vouchers/find", count=100)
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)
    await until(lambda: counter.screen.view.busy, what="Checking…")
    counter.window.close()
    await until(
        lambda: not counter.window.isVisible(), CLOSE_BOUND_SECONDS, what="the window to close"
    )


async def test_closing_while_a_redeem_and_its_release_trickle_ends(
    counter: Counter, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    await counter.scan(code)
    await enter(counter, Stage.CONFIRMING)
    # Nothing reaches Piggy: the redeem and the release at close trickle for ever.
    counter.sandbox.inject("trickle", seconds=1.0, path="/vouchers/redeem")
    counter.sandbox.inject("trickle", seconds=1.0, path="/release", count=100)
    counter.press(Qt.Key.Key_Return)
    await until(lambda: counter.screen.view.busy, what="Redeeming…")
    counter.window.close()
    await until(
        lambda: not counter.window.isVisible(), CLOSE_BOUND_SECONDS, what="the window to close"
    )
    assert counter.sandbox.voucher_state(code)["status"] == "LOCKED"
    # The journal kept the lock open: the next start (Piggy quick again) gives it back.
    counter.sandbox.clear_faults()
    window = make_window(data_dir=tmp_path / "data")
    again = Counter(window, counter.sandbox)
    window.show()
    assert window.ready is not None
    await window.ready
    await until(lambda: again.notices, what="what the start says")
    assert f"Voucher “{code}” was still reserved by this counter and has been released." in (
        again.last_notice.sentence
    )
    assert counter.sandbox.voucher_state(code)["status"] == "ACTIVE"
    await close(window)


def test_sigterm_ends_the_program_while_its_release_trickles(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    locking = start_counter(sandbox, tmp_path, "lock", code)
    try:
        assert locking.stdout is not None
        assert locking.stdout.readline().strip() == "LOCKED"
        sandbox.inject("trickle", seconds=1.0, path="/release", count=100)
        locking.send_signal(signal.SIGTERM)
        assert locking.wait(timeout=CLOSE_BOUND_SECONDS) == 0
    finally:
        if locking.poll() is None:
            locking.kill()
            locking.wait()
    assert sandbox.voucher_state(code)["status"] == "LOCKED"  # for the next start to release
