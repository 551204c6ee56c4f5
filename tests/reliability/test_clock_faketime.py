"""The real program with this computer's clock two hours ahead of Piggy's, end to end:
libfaketime (Debian's ``faketime``) moves the counter's clock only; the sandbox, in
this test's process, keeps real time. Killed while holding a lock, the next start
releases it (it used to take the lock for expired and erase its key), and the
countdown counted from Piggy's times shows the hour, not 00:00."""

from __future__ import annotations

import re
import signal
import subprocess
from pathlib import Path

import pytest

from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.helpers.processes import start_counter as counter_process

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")

pytestmark = pytest.mark.skipif(
    not LIBFAKETIME.exists(), reason="libfaketime is not installed (Debian: faketime)"
)


def _counter(sandbox: RunningSandbox, data: Path, offset: str, *args: str) -> subprocess.Popen[str]:
    faked = {
        "LD_PRELOAD": str(LIBFAKETIME),
        "FAKETIME": offset,
        "COUNTER_PROCESS_COUNTDOWN": "1",
    }
    return counter_process(sandbox, data, *args, env=faked)


@pytest.mark.parametrize("offset", ["+2h", "-2h"])
def test_the_real_program_with_its_clock_off_by_two_hours(
    sandbox: RunningSandbox, tmp_path: Path, offset: str
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    locking = _counter(sandbox, tmp_path, offset, "lock", code)
    try:
        assert locking.stdout is not None
        countdown = locking.stdout.readline().strip()
        assert locking.stdout.readline().strip() == "LOCKED"
        # "Reserved for this counter for 59:58" (it read 00:00 or 2:59:58).
        assert countdown.startswith("COUNTDOWN Reserved for this counter for 59:"), countdown
    finally:
        locking.send_signal(signal.SIGKILL)
        locking.wait(timeout=10)
    assert sandbox.voucher_state(code)["status"] == "LOCKED"

    restarted = _counter(sandbox, tmp_path, offset, "start")
    output, _ = restarted.communicate(timeout=60)
    assert restarted.returncode == 0, output
    assert f"Voucher “{code}” was still reserved by this counter and has been released." in output
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"


@pytest.mark.parametrize(("offset", "days"), [("-400d", 400), ("+400d", 400)])
def test_a_clock_a_year_off_is_said_and_moves_no_date(
    sandbox: RunningSandbox, tmp_path: Path, offset: str, days: int
) -> None:
    """The card said "Valid from: … (in 395 days)" and nothing of the clock. Its dates are
    Piggy's, shown from Piggy's now (its answers' Date), and the status bar says the clock
    is wrong."""
    showing = _counter(sandbox, tmp_path, offset, "card", KNOWN.ACTIVE_WITH_CONTACT)
    output, _ = showing.communicate(timeout=60)
    assert showing.returncode == 0, output
    lines = dict(line.split(" ", 1) for line in output.splitlines() if " " in line)
    card, clock = lines["CARD"], lines["CLOCK"]
    # (This process installs no translator: the plural reads "day(s)".)
    assert clock.startswith(f"This computer's clock is wrong by {days} day"), clock
    assert clock.endswith(": dates shown may be off."), clock
    # The sandbox's ACTIEF0001: valid from 10 days ago, expiring in 79 (it said "in 390
    # days" and "479 days ago" with the clock 400 days behind).
    valid_from = re.search(r"Valid from: [^(]*\((\d+) day\(s\) ago\)", card)
    expires = re.search(r"Expires: [^(]*\(in (\d+) day\(s\)\)", card)
    assert valid_from is not None and int(valid_from[1]) < 30, card
    assert expires is not None and int(expires[1]) < 100, card


def test_a_right_clock_says_nothing(sandbox: RunningSandbox, tmp_path: Path) -> None:
    showing = _counter(sandbox, tmp_path, "+0", "card", KNOWN.ACTIVE_WITH_CONTACT)
    output, _ = showing.communicate(timeout=60)
    assert showing.returncode == 0, output
    assert "CLOCK \n" in output or "CLOCK\n" in output, output
