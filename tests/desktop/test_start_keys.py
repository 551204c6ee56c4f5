"""A scan typed the moment the counter appears (issue 20: the window paints first, the
rest of the start goes on while the keys come in) is taken whole: no key is lost, none
lands elsewhere. The real ``piggy-desk --demo`` on Xvfb, its built-in sandbox starting as
the keys arrive; typed by xdotool at a scanner's pace."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from piggy_desk.logs import LOG_FILE_NAME
from piggy_desk.sandbox import KNOWN
from tests.desktop.harness import (
    Display,
    journal_entries,
    keep_screenshot,
    wait_until,
)


def test_a_scan_typed_as_the_window_appears_is_taken_whole(
    display: Display, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    program = display.start_demo(tmp_path)
    display.focus(display.window_of(program))
    display.scan(code)  # at once: no wait for the counter to settle
    log = tmp_path / "log" / LOG_FILE_NAME
    wait_until(lambda: "GET /vouchers/find" in log.read_text(), f"{code} looked up")
    display.press("Return")  # reserve it: the journal names the code the counter took
    journal = tmp_path / "data" / "training"
    wait_until(lambda: journal_entries(journal) == [("lock", code, "ok")], f"{code} reserved")
    assert "No voucher with the code" not in log.read_text()
    time.sleep(0.5)
    label = request.node.callspec.id
    keep_screenshot(display.screenshot(tmp_path / "start.png"), f"start-{label}.png")
    assert program.poll() is None
