"""The counter on small and scaled screens, on a real X display: 1024×600, and 1366×768 at
125 % (QT_SCALE_FACTOR=1.25, a common laptop setting: 1093×614 for Qt), in English and Dutch,
with and without a window manager (openbox).

At every counter step (idle, voucher shown, customer asked, confirm, multi-use confirm,
redeemed) the whole window, and with it Confirm, Cancel and the status bar at its bottom,
must lie on the screen: the window grew with its content past the screen's bottom edge
(714 px high at the confirm question on a 600 px screen), out of reach of touch and mouse.
Judged by the X window's geometry (device pixels), and a screenshot of each step (kept in
the test's folder; ``PIGGY_DESKTOP_SHOTS=DIR`` keeps a copy). Once framed, the window
also reaches the screen's bottom: its room is the voucher card's
(tests/ui/counter/test_small_screens.py: what the card shows during a question).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from piggy_desk.logs import LOG_FILE_NAME
from piggy_desk.sandbox import KNOWN
from tests.desktop.harness import (
    Display,
    keep_screenshot,
    missing,
    own_folders,
    tool,
    wait_until,
)

SCREENS = {
    "1024x600": ("1024x600x24", {}),
    "1366x768-125": ("1366x768x24", {"QT_SCALE_FACTOR": "1.25"}),
}
LANGUAGES = {"en": "en_US.UTF-8", "nl": "nl_NL.UTF-8"}
# openbox's frame below a window (5 px), with a few to spare.
FRAME_BOTTOM = 10


# Each screen, each language and each window manager twice, in four starts of the program
# (every pair of them once) rather than all eight: each start takes about 14 s.
@pytest.mark.parametrize(
    ("screen", "language", "window_manager"),
    [
        ("1024x600", "en", False),
        ("1024x600", "nl", True),
        ("1366x768-125", "en", True),
        ("1366x768-125", "nl", False),
    ],
    ids=[
        "1024x600-en-bare",
        "1024x600-nl-openbox",
        "1366x768-125-en-openbox",
        "1366x768-125-nl-bare",
    ],
)
def test_every_counter_step_fits_the_screen(
    screen: str, language: str, window_manager: bool, tmp_path: Path
) -> None:
    lacking = missing(window_manager=window_manager) or (
        None if shutil.which("xwininfo") else "xwininfo is not installed"
    )
    if lacking:
        pytest.skip(lacking)
    size, scale = SCREENS[screen]
    width, height = (int(part) for part in size.split("x")[:2])
    label = f"{screen}-{language}-{'openbox' if window_manager else 'bare'}"
    locale = LANGUAGES[language]
    with Display(window_manager=window_manager, screen=size) as display:
        program = display.start(
            "--demo", "--data-dir", str(tmp_path / "data"), "--log-dir", str(tmp_path / "log"),
            "--log-level", "debug",
            env={**own_folders(tmp_path), **scale, "LANG": locale, "LC_ALL": locale,
                 "LANGUAGE": language},
        )  # fmt: skip
        window = display.window_of(program)
        display.focus(window)
        log = tmp_path / "log" / LOG_FILE_NAME
        wait_until(log.exists, "the log")
        off: list[str] = []
        short: list[str] = []

        def seen(step: str) -> None:
            time.sleep(1.0)  # laid out and painted
            shot = display.screenshot(tmp_path / f"{label}-{step}.png")
            keep_screenshot(shot, shot.name)
            # xwininfo's: xdotool's getwindowgeometry counts openbox's title bar twice.
            info = subprocess.run(
                [tool("xwininfo"), "-id", window], env=display.env, capture_output=True, text=True,
                check=True,
            ).stdout  # fmt: skip
            geometry = dict(
                (name.strip(), int(value))
                for name, value in (line.split(":", 1) for line in info.splitlines() if ":" in line)
                if value.strip().lstrip("-").isdigit()
            )
            left, top = geometry["Absolute upper-left X"], geometry["Absolute upper-left Y"]
            wide, bottom = geometry["Width"], top + geometry["Height"]
            # (Across, openbox's frame puts the window 1 px in at each side, at every size
            # and step alike: fit_to_screen's first width, not the counter's content.)
            if left < 0 or top < 0 or wide > width or bottom > height:
                off.append(f"{step}: {wide} wide at {left},{top} to {bottom} on {width}x{height}")
            # Once framed, the window takes the screen's height to the frame's bottom edge
            # (it left a second title bar's room unused, 25-48 px of the voucher card's).
            if bottom < height - FRAME_BOTTOM:
                short.append(f"{step}: to {bottom} on {width}x{height}")

        def scan(code: str, then: tuple[str, ...] = ()) -> None:
            finds = log.read_text().count("GET /vouchers/find")
            display.scan(code)
            wait_until(
                lambda: log.read_text().count("GET /vouchers/find") > finds, f"{code} looked up"
            )
            if then:
                display.press(*then)

        seen("1idle")
        scan(KNOWN.ACTIVE_WITH_CONTACT)
        seen("2card")
        display.press("Return")
        seen("3confirm")
        display.press("Escape")
        time.sleep(1.0)  # given back: a scan during the release went partly elsewhere
        scan(KNOWN.ACTIVE_NO_CONTACT)
        display.press("Return")
        seen("4needcust")
        display.press("Escape")
        time.sleep(1.0)  # the customer field gone with the release, focus back in the scan field
        scan(KNOWN.MULTI_USE)
        display.press("Return")
        seen("5multi")
        display.press("Return")
        seen("6redeemed")
        assert program.poll() is None
        assert not off, off
        assert not short, short
