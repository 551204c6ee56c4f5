"""A display, a session bus and the accessibility bus, with the program and a listener on
them: what a screen reader on a Linux desktop would be given.

Needs Debian's xvfb, xdotool, dbus-x11 (dbus-launch), at-spi2-core and python3-pyatspi; where one
is missing, or the bus does not come up, the tests that use it are skipped.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
Event = dict[str, Any]


def tool(name: str) -> str:
    """The full path of a program from the Debian packages above."""
    return shutil.which(name) or name


def missing() -> str | None:
    """What this machine lacks for the screen reader tests, or None."""
    for name in ("Xvfb", "dbus-launch", "xdotool"):
        if shutil.which(name) is None:
            return f"{name} is not installed"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core is not installed"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        return "python3-pyatspi is not installed"
    return None


class BusUnavailable(RuntimeError):
    """The display or one of the buses could not be started here."""


class Lines:
    """The JSON lines a child prints, read in a thread, waited for with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.seen: list[Event] = []
        self._fresh: queue.Queue[Event] = queue.Queue()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with suppress(ValueError):
                item = json.loads(line)
                with self._lock:
                    self.seen.append(item)
                self._fresh.put(item)

    def next(self, timeout: float = 20) -> Event:
        try:
            return self._fresh.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no answer within {timeout} s") from None

    def wait_for(
        self, wanted: Callable[[Event], bool], since: int = 0, timeout: float = 5
    ) -> Event | None:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                for item in self.seen[since:]:
                    if wanted(item):
                        return item
            if time.monotonic() > deadline:
                return None
            time.sleep(0.02)

    def since(self, mark: int) -> list[Event]:
        with self._lock:
            return list(self.seen[mark:])


class Desktop:
    """The program and the listener on their own display and buses."""

    def __init__(self, env: dict[str, str], program: subprocess.Popen[str]) -> None:
        self.env = env
        self.program = Lines(program)
        listener = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "listener.py"), str(program.pid)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.bus = Lines(listener)
        self._children = [listener, program]
        self._scanned_at = float("-inf")

    def do(self, command: str) -> Event:
        """Send the program one command; its answer once the counter has settled."""
        assert self.program.process.stdin is not None
        self.program.process.stdin.write(command + "\n")
        self.program.process.stdin.flush()
        answer = self.program.next()
        assert answer.get("done") == command, answer
        return answer

    def xdotool(self, *arguments: str) -> None:
        subprocess.run([tool("xdotool"), *arguments], env=self.env, check=True, timeout=20)

    def focus_window(self) -> None:
        """Give the program's window the keyboard (there is no window manager to do it)."""
        window = self.do("settle")["window"]
        self.xdotool("windowfocus", "--sync", str(window))

    def scan(self, code: str) -> Event:
        """A scanner: the code typed fast, then Enter; the answer once the counter spoke."""
        before = self.do("settle")["notices_so_far"]
        self.xdotool("type", "--delay", "5", code)
        self.xdotool("key", "Return")
        self._scanned_at = time.monotonic()
        return self.do(f"settle {before}")

    def key(self, *keys: str, notice: bool = True, apart_ms: int = 40) -> Event:
        """A person's keys (xdotool names: Return, Escape, Tab, ctrl+1), ``apart_ms`` apart;
        the answer once the counter has settled (and spoken, with ``notice``)."""
        # The counter takes an Enter within half a second of a scan for the scanner's
        # (a CR and LF): a person's key comes later.
        time.sleep(max(0.0, self._scanned_at + 0.6 - time.monotonic()))
        before = self.do("settle")["notices_so_far"]
        self.xdotool("key", "--delay", str(apart_ms), *keys)
        return self.do(f"settle {before}" if notice else "settle")

    def tree(self) -> list[Event]:
        """Every showing, focusable object of the program, as the bus has it."""
        mark = len(self.bus.seen)
        assert self.bus.process.stdin is not None
        self.bus.process.stdin.write("tree\n")
        self.bus.process.stdin.flush()
        found = self.bus.wait_for(lambda item: "tree" in item, since=mark, timeout=20)
        assert found is not None, "the listener gave no tree"
        return list(found["tree"])

    def close(self) -> None:
        for child in self._children:
            with suppress(BrokenPipeError, OSError):
                if child.stdin is not None:
                    child.stdin.write("quit\n")
                    child.stdin.close()
        for child in self._children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


@contextmanager
def desktop() -> Iterator[Desktop]:
    """Xvfb, dbus-launch, at-spi-bus-launcher, the program (on the sandbox) and a listener."""
    started: list[subprocess.Popen[bytes]] = []
    bus_pid: int | None = None
    read_fd, write_fd = os.pipe()
    try:
        screen = ("-screen", "0", "1366x768x24", "-nolisten", "tcp")
        xvfb = subprocess.Popen(
            [tool("Xvfb"), "-displayfd", str(write_fd), *screen],  # Xvfb picks a free display
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as display_pipe:
            display = display_pipe.readline().strip()
        if not display:
            raise BusUnavailable("Xvfb did not start")
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DBUS_", "AT_SPI", "QT_", "WAYLAND", "XDG_SESSION"))
        }
        env["DISPLAY"] = f":{display}"
        launched = subprocess.run(
            [tool("dbus-launch"), "--sh-syntax"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        ).stdout
        for line in launched.splitlines():
            key, _, value = line.partition("=")
            value = value.rstrip(";").strip("'")
            if key == "DBUS_SESSION_BUS_ADDRESS":
                env[key] = value
            elif key == "DBUS_SESSION_BUS_PID":
                bus_pid = int(value)
        started.append(
            subprocess.Popen(
                [BUS_LAUNCHER, "--launch-immediately"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        env |= {
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "NO_AT_BRIDGE": "0",
        }
        program = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.core.screen_reader.program"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,
            text=True,
            env=env,
        )
        place = Desktop(env, program)
        try:
            assert place.program.next(timeout=60).get("ready"), "the program did not start"
            try:
                ready = place.bus.next(timeout=30)
            except AssertionError:
                ready = {}
            if not ready.get("ready"):
                raise BusUnavailable("the accessibility bus did not answer the listener")
            place.focus_window()
            yield place
        finally:
            place.close()
    finally:
        for process in reversed(started):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if bus_pid is not None:
            with suppress(ProcessLookupError):
                os.kill(bus_pid, signal.SIGTERM)
