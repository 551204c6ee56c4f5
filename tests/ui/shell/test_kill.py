"""The program killed between lock and redeem: the next start releases the lock and says so;
stopped politely (SIGTERM), it releases the lock before it goes."""

from __future__ import annotations

import signal
from pathlib import Path

from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.helpers.processes import start_counter


def test_sigkill_between_lock_and_redeem(sandbox: RunningSandbox, tmp_path: Path) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    locking = start_counter(sandbox, tmp_path, "lock", code)
    try:
        assert locking.stdout is not None
        line = locking.stdout.readline()
        assert line.strip() == "LOCKED", line
        assert sandbox.voucher_state(code)["status"] == "LOCKED"
    finally:
        locking.send_signal(signal.SIGKILL)
        locking.wait(timeout=10)
    assert locking.returncode == -signal.SIGKILL
    assert sandbox.voucher_state(code)["status"] == "LOCKED"  # nobody released it

    restarted = start_counter(sandbox, tmp_path, "start")
    output, _ = restarted.communicate(timeout=60)
    assert restarted.returncode == 0, output
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert f"Voucher “{code}” was still reserved by this counter and has been released." in output
    assert sandbox.voucher_state(code)["redemptions_used"] == 0


def test_sigterm_between_lock_and_redeem_releases_before_exit(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    locking = start_counter(sandbox, tmp_path, "lock", code)
    assert locking.stdout is not None
    assert locking.stdout.readline().strip() == "LOCKED"
    assert sandbox.voucher_state(code)["status"] == "LOCKED"
    locking.send_signal(signal.SIGTERM)
    assert locking.wait(timeout=20) == 0
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"
