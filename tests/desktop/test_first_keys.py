"""The cashier's first keys after the start reach the program without a click: the main
window takes the keyboard when it first shows. Without a window manager nobody else gives
it (the earlier program's Ctrl+1…6 were dead until a click; a scan worked only because
X sends keys to the window under the pointer)."""

from __future__ import annotations

import re
from pathlib import Path

from piggy_desk.logs import LOG_FILE_NAME
from tests.desktop.harness import Display, wait_until

# The client's debug line for the Vouchers screen's first page (not a scan's look-up).
LIST = re.compile(r"GET /vouchers -> 200")


def test_the_window_takes_the_keyboard_when_it_first_shows(
    display: Display, tmp_path: Path
) -> None:
    program = display.start_demo(tmp_path)
    window = display.window_of(program)
    display.xdotool("mousemove", "0", "0")  # the pointer off the window: no help from it
    wait_until(
        lambda: display.xdotool("getwindowfocus") == window, "the window to take the keyboard"
    )
    display.press("ctrl+2")  # Vouchers (no manager PIN set): it loads the shop's vouchers
    log = tmp_path / "log" / LOG_FILE_NAME
    wait_until(lambda: LIST.search(log.read_text()), "the Vouchers screen's list after Ctrl+2")
