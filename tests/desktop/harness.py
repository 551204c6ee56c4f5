"""The real program on a real X display: Xvfb on a free display (optionally with openbox
as window manager), the program started as a person starts it, keys typed with xdotool as
a scanner or a person types them, and screenshots of the whole screen.

Needs Debian's xvfb, xdotool and imagemagick (openbox and x11-utils for the window-manager
runs); where
one is missing, ``missing()`` says which and the tests skip.

    with Display(window_manager=True) as display:
        program = display.start("--demo", "--data-dir", str(folder))
        window = display.window_of(program)
        display.focus(window)
        display.scan("ACTIEF0001")
        display.screenshot(folder / "counter.png")
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1366x768x24"
# -noreset: without it the server resets when its last client leaves, which drops a
# keymap set with setxkbmap (and crashed Xvfb here).
XVFB_OPTIONS = ("-nolisten", "tcp", "-noreset")
# A scanner's keys come a few milliseconds apart; a person's much later.
SCANNER_DELAY_MS = 5
# After a scan the counter ignores Enter for half a second (a scanner's CR and LF).
PERSON_PAUSE = 0.6
# Between the keys of one move (Tab, Tab, then Enter on the button reached): the counter
# takes a key for a scanner's only within SCANNER_PAUSE_SECONDS (0.1 s) of a character.
NEXT_KEY_PAUSE = 0.25


def tool(name: str) -> str:
    """The full path of one of the programs above."""
    return shutil.which(name) or name


def missing(*, window_manager: bool = False) -> str | None:
    """What this machine lacks for desktop tests, or None."""
    needed = ["Xvfb", "xdotool", "import"] + (["openbox", "xprop"] if window_manager else [])
    for name in needed:
        if shutil.which(name) is None:
            return f"{name} is not installed"
    return None


def own_folders(home: Path) -> dict[str, str]:
    """Variables that keep a program's settings, logs and key store to ``home``: it touches
    nothing of the person running the tests."""
    folders = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    return {name: str(home / name.lower()) for name in folders} | {
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"
    }


def keep_screenshot(shot: Path, name: str) -> None:
    """A copy of ``shot`` as ``name`` in ``PIGGY_DESKTOP_SHOTS`` when that is set."""
    folder = os.environ.get("PIGGY_DESKTOP_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / name)


def journal_entries(folder: Path) -> list[tuple[str, str, str]]:
    """(action, code, outcome) of every entry of the counter journal in ``folder``, oldest
    first, read as another program would (read-only); none when there is no journal yet."""
    path = folder / "journal.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT action, code, outcome FROM entries ORDER BY id").fetchall()


def wait_until(condition: Callable[[], object], what: str, timeout: float = 20) -> None:
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        pause.wait(0.05)


class Display:
    """An X display of its own for one test, torn down with everything started on it."""

    def __init__(self, *, window_manager: bool = False, screen: str = SCREEN) -> None:
        self.window_manager = window_manager
        self.screen = screen  # WIDTHxHEIGHTxDEPTH
        self.env: dict[str, str] = {}
        self._children: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> Display:
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            # -displayfd: Xvfb takes a free display and says which.
            [tool("Xvfb"), "-displayfd", str(write_fd), "-screen", "0", self.screen, *XVFB_OPTIONS],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._children.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "WAYLAND", "DBUS_", "XDG_SESSION"))
        }
        self.env |= {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        if self.window_manager:
            self._children.append(
                subprocess.Popen(
                    [tool("openbox")],
                    env=self.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            wait_until(self._has_window_manager, "openbox")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        for child in reversed(self._children):
            with suppress(ProcessLookupError):
                child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self._children.clear()

    def start(self, *arguments: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """``piggy-desk`` with these arguments on this display (``env`` adds variables)."""
        program = subprocess.Popen(
            [sys.executable, "-m", "piggy_desk.app", *arguments],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._children.append(program)
        return program

    def start_demo(self, folder: Path) -> subprocess.Popen[bytes]:
        """``piggy-desk --demo`` with its data and a debug log in ``folder``."""
        return self.start(
            "--demo", "--data-dir", str(folder / "data"), "--log-dir", str(folder / "log"),
            "--log-level", "debug",
            env=own_folders(folder),
        )  # fmt: skip

    def xdotool(self, *arguments: str, timeout: float = 20) -> str:
        done = subprocess.run(
            [tool("xdotool"), *arguments],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
        return done.stdout.strip()

    def windows(self, *, name: str | None = None, pid: int | None = None) -> list[str]:
        """The visible windows with this title (a pattern) or of this process."""
        criteria = ["--name", name] if name is not None else ["--pid", str(pid)]
        return self.xdotool("search", "--onlyvisible", *criteria).split()

    def window_of(self, program: subprocess.Popen[bytes], timeout: float = 30) -> str:
        """The program's main window, once it shows."""
        found: list[str] = []

        def shown() -> bool:
            assert program.poll() is None, f"the program ended ({program.returncode})"
            found[:] = self.windows(pid=program.pid)
            return bool(found)

        wait_until(shown, "the program's window", timeout)
        return found[-1]

    def focus(self, window: str) -> None:
        """Give the window the keyboard: through the window manager when there is one (focus
        set past it does not stick), directly when there is none."""
        self.xdotool("windowactivate" if self.window_manager else "windowfocus", "--sync", window)

    def scan(self, code: str) -> None:
        """A keyboard-wedge scanner: the code a few milliseconds per key, then Enter."""
        self.xdotool("type", "--delay", str(SCANNER_DELAY_MS), code)
        self.xdotool("key", "Return")

    def press(self, *keys: str) -> None:
        """A person's keys (xdotool names: Return, Tab, space, Escape), at a person's pace:
        the first after a pause (the screen has changed), the others of the move quicker."""
        for number, key in enumerate(keys):
            time.sleep(NEXT_KEY_PAUSE if number else PERSON_PAUSE)
            self.xdotool("key", key)

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [tool("import"), "-window", "root", str(path)], env=self.env, check=True, timeout=30
        )
        return path

    def _has_window_manager(self) -> bool:
        # A running window manager names itself on the root window.
        answer = subprocess.run(
            [tool("xprop"), "-root", "_NET_SUPPORTING_WM_CHECK"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        return "window id" in answer.stdout
