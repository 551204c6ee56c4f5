"""Faults on this computer, not on the network: the journal write-locked by another
program, its disk full, its file deleted; and a moment to strike them: when Piggy's
answer to a chosen request arrives (``AnswerHook``), before the counter reads it.

Each fault is real: a second process holds sqlite's write lock, a small tmpfs fills up,
the file is unlinked. (CI runs as root on Debian, where ``mount -t tmpfs`` works; where it
does not, ``small_disk`` skips with the reason.)
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest

# Takes the journal's write lock on a line ("go"), holds it until the next line.
_LOCKER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
print("ready", flush=True)
sys.stdin.readline()
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""


class JournalLocker:
    """Another program (a database browser, a backup tool) holding the journal's write
    lock: a process of its own. ``ready`` starts it beforehand, so that ``hold`` takes
    the lock within a millisecond or two."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._process: subprocess.Popen[str] | None = None
        self._holding = False

    def ready(self) -> None:
        if self._process is not None:
            return
        self._process = subprocess.Popen(
            [sys.executable, "-c", _LOCKER, str(self.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        assert line == "ready", line

    def hold(self) -> None:
        if self._holding:
            return
        self.ready()
        assert self._process is not None
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("go\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline().strip()
        assert line == "locked", line
        self._holding = True

    def let_go(self) -> None:
        process, self._process = self._process, None
        self._holding = False
        if process is None:
            return
        assert process.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write("\n\n")
            process.stdin.close()
        process.wait(timeout=10)

    @property
    def holding(self) -> bool:
        return self._holding


class FullDisk:
    """Fills the file system of ``folder`` to the last byte, and frees it again."""

    def __init__(self, folder: Path) -> None:
        self.filler = folder / f"filler-{uuid.uuid4().hex}"

    def fill(self) -> None:
        descriptor = os.open(self.filler, os.O_CREAT | os.O_WRONLY, 0o600)
        try:
            for size in (1 << 20, 65536, 4096, 1):
                with contextlib.suppress(OSError):
                    while os.write(descriptor, b"\0" * size):
                        pass
        finally:
            os.close(descriptor)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    @property
    def full(self) -> bool:
        return self.filler.exists()


@contextlib.contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` for the duration (needs root)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["/usr/bin/mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["/usr/bin/umount", "-l", str(where)], check=False)


def delete_journal(path: Path) -> None:
    """What a person deleting the journal in a file manager (with its -wal and -shm) does."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        name.unlink(missing_ok=True)


class Killed(BaseException):
    """The program was killed here: raised through everything, caught by no handler."""


def kill() -> None:
    """An ``AnswerHook`` action: the program dies at this moment."""
    raise Killed


class AnswerHook(httpx.AsyncBaseTransport):
    """The real HTTP transport, with a callback run when the answer to a chosen request has
    arrived and before the client reads it: the moment "Piggy has acted"."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._hooks: list[tuple[str, str, Callable[[], Awaitable[None] | None], bool]] = []

    def on_answer(
        self, method: str, path: str, action: Callable[[], Awaitable[None] | None]
    ) -> None:
        """Run ``action`` once, when the answer to ``method`` on a path ending in ``path``
        arrives."""
        self._hooks.append((method, path, action, False))

    def before_sending(
        self, method: str, path: str, action: Callable[[], Awaitable[None] | None]
    ) -> None:
        """Run ``action`` once, before ``method`` on ``path`` leaves (Piggy has not acted)."""
        self._hooks.append((method, path, action, True))

    async def _run(self, request: httpx.Request, before: bool) -> None:
        for index, (method, path, action, when_before) in enumerate(self._hooks):
            if (
                when_before == before
                and request.method == method
                and request.url.path.endswith(path)
            ):
                del self._hooks[index]
                result = action()
                if result is not None:
                    await result
                return

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self._run(request, before=True)
        response = await self._inner.handle_async_request(request)
        await response.aread()
        await self._run(request, before=False)
        return response

    @property
    def armed(self) -> bool:
        """Whether an action still waits for its request."""
        return bool(self._hooks)

    async def aclose(self) -> None:
        await self._inner.aclose()


def journal_size(path: Path) -> int:
    return sum(
        os.stat(name).st_size for name in (path, Path(f"{path}-wal")) if os.path.exists(name)
    )
