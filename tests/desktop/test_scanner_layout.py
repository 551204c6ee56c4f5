"""A US-programmed barcode scanner on a Belgian AZERTY computer, on a real X display
(issue 15, the scanner's keyboard layout): the X server runs the Belgian keymap
(``setxkbmap be``) and xdotool presses the keys a US scanner presses for each character
(found in the X server's own US keymap, then pressed under the Belgian one), so the
program receives ``QCTIEFààà&`` for ACTIEF0001, as it would at the counter.

``piggy-desk --demo`` must look up ACTIEF0001 (the code the scan reads as) once, say so,
and reserve it with Enter: judged by its journal and log, and a screenshot.
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
    SCANNER_DELAY_MS,
    Display,
    journal_entries,
    keep_screenshot,
    own_folders,
    tool,
    wait_until,
)


def _keymap(display: Display) -> dict[int, list[str]]:
    """The display's keymap as the X server has it: keycode → keysym names by level."""
    listing = subprocess.run(
        [tool("xmodmap"), "-pke"], env=display.env, capture_output=True, text=True, check=False
    )
    assert listing.returncode == 0, listing.stderr
    keymap = {}
    for line in listing.stdout.splitlines():
        number, _, keysyms = line.removeprefix("keycode").partition("=")
        keymap[int(number)] = keysyms.split()
    return keymap


def _keysym_of(character: str) -> str:
    return {"-": "minus"}.get(character, character)


def keys_of_a_us_scanner(display: Display, code: str) -> list[str]:
    """The keysyms the Belgian keymap gives the keys a US scanner presses for ``code``."""
    subprocess.run([tool("setxkbmap"), "us"], env=display.env, check=True)
    us = _keymap(display)
    subprocess.run([tool("setxkbmap"), "be"], env=display.env, check=True)
    be = _keymap(display)
    keys = []
    for character in code:
        wanted = _keysym_of(character)
        keycode, level = next(
            (number, syms.index(wanted))
            for number, syms in us.items()
            if wanted in syms[:2]  # unshifted or shifted
        )
        keys.append(be[keycode][level])
    return keys


def test_a_us_scanner_on_a_belgian_computer(
    display: Display, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    for name in ("setxkbmap", "xmodmap"):  # x11-xkb-utils, x11-xserver-utils
        if shutil.which(name) is None:
            pytest.skip(f"{name} is not installed")
    code = KNOWN.ACTIVE_WITH_CONTACT
    keys = keys_of_a_us_scanner(display, code)
    # The X server's own keymaps agree with the key caps: A and Q swapped, digits on &é"…
    assert keys == ["Q", "C", "T", "I", "E", "F", "agrave", "agrave", "agrave", "ampersand"]
    program = display.start(
        "--demo", "--data-dir", str(tmp_path / "data"), "--log-dir", str(tmp_path / "log"),
        env=own_folders(tmp_path),
    )  # fmt: skip
    display.focus(display.window_of(program))
    display.xdotool("key", "--delay", str(SCANNER_DELAY_MS), *keys, "Return")
    log = tmp_path / "log" / LOG_FILE_NAME
    said = f"QCTIEFààà& was not found; looking up {code}"
    wait_until(lambda: said in log.read_text(encoding="utf-8"), "the scan read back")
    time.sleep(0.5)  # its answer comes and the card shows it
    label = request.node.callspec.id
    keep_screenshot(display.screenshot(tmp_path / "read-back.png"), f"layout-{label}.png")
    display.press("Return")  # reserve it
    journal = tmp_path / "data" / "training"
    wait_until(lambda: journal_entries(journal) == [("lock", code, "ok")], f"{code} reserved")
    assert program.poll() is None
