"""Where the memory of ``rss_app.py`` goes: the RSS after each step of the same path (the
imports in the program's order, the window built, shown, started, the Vouchers screen
opened, 10,000 vouchers loaded), with what is anonymous and what is mapped from files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_memory.py [--python] [--maps]

``--python`` also traces Python's allocations (tracemalloc: the figures grow with its own
bookkeeping, compare the ``python`` column only) and lists the lines that hold the most of
the loaded list; ``--maps`` lists the largest mappings at the end (``/proc/self/smaps``).
Linux only. A sandbox runs in its own process as in ``run.py``.
"""

from __future__ import annotations

import collections
import ctypes
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
STATUS_FIELDS = ("VmRSS", "RssAnon", "RssFile")


class _MallocInfo(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _malloc_mb() -> tuple[float, float]:
    """glibc's malloc: MB in use and MB freed but kept (all arenas); zeros elsewhere."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return 0.0, 0.0
    mallinfo2.restype = _MallocInfo
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 2**20, info.fordblks / 2**20


def _pymalloc_mb() -> float:
    """MB of Python's own allocator's arenas (objects of 512 bytes or less; they are mapped
    apart from malloc's heap), as ``sys._debugmallocstats`` prints them on fd 2."""
    with tempfile.TemporaryFile("w+", encoding="ascii") as out:
        saved = os.dup(2)
        sys.stderr.flush()
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        found = re.search(r"# arenas allocated current\s*=\s*([\d,]+)", out.read())
    # Python 3.10 and later on 64-bit systems: 1 MiB arenas.
    return float(found.group(1).replace(",", "")) if found else 0.0


class Steps:
    """Prints one line per step: RSS and its growth, anonymous and file-backed RSS, malloc's
    memory in use and kept free, Python's allocator's arenas (``pyarena``: with malloc's,
    most of the anonymous RSS), Python's traced memory (with ``--python``), threads."""

    def __init__(self, tracemalloc: ModuleType | None) -> None:
        self._tracemalloc = tracemalloc
        self._last = 0.0
        print(
            f"{'step':30} {'rss':>6} {'+':>6} {'anon':>6} {'file':>6} "
            f"{'malloc':>6} {'free':>5} {'pyarena':>7} {'python':>6} threads",
            flush=True,
        )

    def mark(self, step: str) -> None:
        status = {}
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            name, _, value = line.partition(":")
            if name in STATUS_FIELDS:
                status[name] = int(value.split()[0]) / 1024
        used, free = _malloc_mb()
        python = (
            f"{self._tracemalloc.get_traced_memory()[0] / 2**20:6.1f}"
            if self._tracemalloc
            else f"{'-':>6}"
        )
        rss = status["VmRSS"]
        print(
            f"{step:30} {rss:6.1f} {rss - self._last:+6.1f} {status['RssAnon']:6.1f} "
            f"{status['RssFile']:6.1f} {used:6.1f} {free:5.1f} {_pymalloc_mb():7.1f} {python} "
            f"{len(os.listdir('/proc/self/task'))}",
            flush=True,
        )
        self._last = rss


def largest_mappings(count: int) -> list[tuple[int, str]]:
    """The ``count`` largest mappings by RSS (kB), anonymous ones added together."""
    sizes: collections.Counter[str] = collections.Counter()
    name = ""
    with open("/proc/self/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            head = re.match(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$", line)
            if head:
                name = head.group(1) or "[anonymous]"
            elif line.startswith("Rss:"):
                sizes[name] += int(line.split()[1])
    return [(size, name) for name, size in sizes.most_common(count)]


def child(base_url: str, token: str, folder: Path, options: list[str]) -> None:
    tracemalloc: ModuleType | None = None
    if "--python" in options:
        import tracemalloc

        tracemalloc.start()
    steps = Steps(tracemalloc)
    steps.mark("python")
    from PySide6.QtWidgets import QApplication

    import piggy_desk  # before the rest, as in the program: PySide6 then reads no sources

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    steps.mark("PySide6, QApplication")
    import asyncio

    steps.mark("asyncio (with ssl)")
    import sqlite3  # noqa: F401  (the journal's)

    steps.mark("sqlite3")
    import piggy_desk.app

    steps.mark("piggy_desk.app (the start)")
    import piggy_desk.api.client

    steps.mark("the client (httpx)")
    from PySide6.QtCore import QModelIndex

    from piggy_desk.ui.core.loop import CounterEventLoop
    from piggy_desk.ui.vouchers.screen import VoucherFilter

    steps.mark("the Vouchers screen's modules")

    async def measure() -> None:
        window = piggy_desk.app.build_training_window(base_url=base_url, token=token, folder=folder)
        steps.mark("window built")
        window.show()
        assert window.ready is not None
        await asyncio.wait_for(asyncio.shield(window.ready), 60)
        await asyncio.sleep(0.3)
        steps.mark("window shown and started")
        model = window.vouchers.model
        steps.mark("Vouchers screen built")
        before = tracemalloc.take_snapshot() if tracemalloc else None
        model.set_filter(VoucherFilter())
        deadline = time.monotonic() + 60
        while model.loading or model.canFetchMore(QModelIndex()):
            if time.monotonic() > deadline:
                raise TimeoutError("vouchers did not load in time")
            model.fetchMore(QModelIndex())
            await asyncio.sleep(0.005)
        steps.mark(f"{model.row_total()} vouchers loaded")
        if tracemalloc and before:
            print("\nPython's allocations the load left, by line:")
            for stat in tracemalloc.take_snapshot().compare_to(before, "lineno")[:12]:
                print(f"  {stat}")
        if "--maps" in options:
            print("\nLargest mappings (RSS, kB):")
            for size, name in largest_mappings(20):
                print(f"  {size:7d}  {name}")
        await window.shutdown()
        window.hide()

    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        runner.run(measure())


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], Path(sys.argv[4]), sys.argv[5:])
        return 0
    import secrets
    import subprocess
    import tempfile

    sys.path.insert(0, str(HERE))
    import run

    sandbox = run.SandboxProcess(secrets.token_urlsafe(16))
    try:
        run.fill(sandbox)
        with tempfile.TemporaryDirectory() as scratch:
            env: dict[str, Any] = run.child_env(Path(scratch))
            command = [sys.executable, __file__, "--child", sandbox.base_url, sandbox.token]
            for _ in range(2):  # the first writes the bytecode, as run.py's warm-up
                folder = tempfile.mkdtemp(dir=scratch)
                done = subprocess.run(
                    [*command, folder, *sys.argv[1:]],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=180,
                    check=True,
                )
            print(done.stdout, end="")
    finally:
        sandbox.process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
