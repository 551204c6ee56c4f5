"""The counter's keys on a real X display, typed by xdotool into the real program, with
and without a window manager (openbox): what the offscreen tests cannot show, since there
the keys are sent to a chosen widget, not to whatever X says has focus.

- Enter and Space on a focused "Cancel (Esc)" cancel (issue 19, defect 2): the voucher is
  given back, never redeemed.
- A scan while the reverse question is open lands on the counter (issue 13, finding 13b):
  the question goes unanswered, the redeemed voucher stays redeemed, the scanned code is
  looked up (an unknown one, so that the counter's answer is in the log).

Judged by the sandbox's state (the program runs against the test's sandbox over loopback,
as against Piggy), the log, and a screenshot of each end state (kept in
the test's folder; ``PIGGY_DESKTOP_SHOTS=DIR`` keeps a copy).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from piggy_desk.logs import LOG_FILE_NAME
from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.desktop.harness import Display, journal_entries, keep_screenshot, own_folders, wait_until

# The counter's Tab order from the scan field (tests/ui/counter/test_focused_buttons.py walks it
# offscreen; here nobody can ask which widget has focus): the voucher card, then the
# confirm panel's Confirm and Cancel, or, after a redemption, Reverse redemption….
TABS_TO_CANCEL = ("Tab", "Tab", "Tab")
TABS_TO_REVERSE = ("Tab", "Tab")


def scan(display: Display, tmp_path: Path, code: str) -> None:
    """Scan ``code`` and wait until the program has looked it up (its debug log says so):
    on a busy machine the keys can be handled late, and the counter takes an Enter within
    half a second of handling a scan for the scanner's own."""
    log = tmp_path / "log" / LOG_FILE_NAME
    finds = log.read_text().count("GET /vouchers/find")
    display.scan(code)
    wait_until(lambda: log.read_text().count("GET /vouchers/find") > finds, f"{code} looked up")


def test_cancel_by_keyboard_and_a_scan_during_the_reverse_question(
    display: Display, sandbox: RunningSandbox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    state = sandbox.voucher_state
    code, unknown = KNOWN.ACTIVE_WITH_CONTACT, "ONBEKEND99"
    program = display.start(
        "--base-url", sandbox.base_url, "--data-dir", str(tmp_path / "data"),
        "--log-dir", str(tmp_path / "log"), "--log-level", "debug",
        env={**own_folders(tmp_path), "PIGGY_TOKEN": sandbox.token},
    )  # fmt: skip
    window = display.window_of(program)
    display.focus(window)
    label = request.node.callspec.id

    # Enter, then Space, on Cancel reached with Tab: the voucher is given back.
    for key in ("Return", "space"):
        scan(display, tmp_path, code)
        display.press("Return")  # reserve it
        wait_until(lambda: state(code)["status"] == "LOCKED", "the reservation")
        display.press(*TABS_TO_CANCEL, key)
        wait_until(lambda: state(code)["status"] == "ACTIVE", f"{key} on Cancel to cancel")
        assert state(code)["redemptions_used"] == 0
    time.sleep(0.5)  # the counter draws the answer
    keep_screenshot(display.screenshot(tmp_path / "cancelled.png"), f"{label}-cancelled.png")

    # Redeem it, open the reverse question, and scan the next voucher into it.
    scan(display, tmp_path, code)
    display.press("Return")
    wait_until(lambda: state(code)["status"] == "LOCKED", "the reservation")
    display.press("Return")
    wait_until(lambda: state(code)["status"] == "REDEEMED", "the redemption")
    display.press(*TABS_TO_REVERSE, "space")
    wait_until(lambda: display.windows(name="Reverse redemption"), "the reverse question")
    keep_screenshot(display.screenshot(tmp_path / "question.png"), f"{label}-question.png")
    display.scan(unknown)
    wait_until(lambda: not display.windows(name="Reverse redemption"), "the question to go")
    time.sleep(0.5)  # let the counter answer and draw
    keep_screenshot(display.screenshot(tmp_path / "scanned.png"), f"{label}-scanned.png")
    log = tmp_path / "log" / LOG_FILE_NAME
    said = f"No voucher with the code “{unknown}” was found."
    wait_until(lambda: said in log.read_text(), f"{unknown} looked up")
    assert state(code)["redemptions_used"] == 1  # the question was not answered Yes
    assert program.poll() is None


def test_the_same_in_training_mode(
    display: Display, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """``piggy-desk --demo``, its sandbox inside it: judged by its journal and log."""
    code, unknown = KNOWN.ACTIVE_WITH_CONTACT, "ONBEKEND98"
    program = display.start_demo(tmp_path)
    display.focus(display.window_of(program))
    journal = tmp_path / "data" / "training"

    def rows() -> list[tuple[str, str]]:
        return [(action, outcome) for action, _, outcome in journal_entries(journal)]

    scan(display, tmp_path, code)
    display.press("Return")
    wait_until(lambda: rows() == [("lock", "ok")], "the reservation")
    display.press(*TABS_TO_CANCEL, "Return")
    wait_until(lambda: rows() == [("lock", "ok"), ("release", "ok")], "the release")
    scan(display, tmp_path, code)
    display.press("Return")
    display.press("Return")
    wait_until(lambda: rows()[-1:] == [("redeem", "ok")], "the redemption")
    display.press(*TABS_TO_REVERSE, "space")
    wait_until(lambda: display.windows(name="Reverse redemption"), "the reverse question")
    display.scan(unknown)
    wait_until(lambda: not display.windows(name="Reverse redemption"), "the question to go")
    log = tmp_path / "log" / LOG_FILE_NAME
    said = f"No voucher with the code “{unknown}” was found."
    wait_until(lambda: said in log.read_text(), f"{unknown} looked up")
    time.sleep(0.5)
    label = request.node.callspec.id
    keep_screenshot(display.screenshot(tmp_path / "demo.png"), f"demo-{label}-scanned.png")
    assert rows() == [("lock", "ok"), ("release", "ok"), ("lock", "ok"), ("redeem", "ok")]
