"""Where the redeem flow's time goes: every millisecond of scan → lock → confirm →
REDEEMED on the card, split into the HTTP exchanges, the journal calls (the disk, and the
hop to the journal's thread and back through the Qt loop), the counter's renders and the
rest (the loop's own turns: timers, queued signals, repaints).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_redeem.py [--cprofile FILE]
        [--hidden]

The sandbox runs in its own process, as in run.py. Prints one table of medians per
redemption; ``--cprofile`` also writes the main thread's profile of the timed redemptions.
``--hidden`` never shows the window: nothing is laid out or painted, so the difference to
a run with the window shown is what relayouts and repaints cost a redemption.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import secrets
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from run import (  # benchmarks/ is on sys.path
    REDEEMS,
    CardWatch,
    SandboxProcess,
    bounded,
    redeem_at_the_counter,
)

from piggy_desk.app import build_training_window
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.shell.main_window import MainWindow


class Ledger:
    """Wall time per kind of work, for the redemption being timed."""

    def __init__(self) -> None:
        self.spent: defaultdict[str, float] = defaultdict(float)
        self.calls: defaultdict[str, int] = defaultdict(int)
        self.counts: defaultdict[str, int] = defaultdict(int)  # events, not time

    def timed_async(self, kind: str, function: Callable[..., Awaitable[Any]]) -> Any:
        @functools.wraps(function)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await function(*args, **kwargs)
            finally:
                self.spent[kind] += time.perf_counter() - started
                self.calls[kind] += 1

        return wrapper

    def timed(self, kind: str, function: Callable[..., Any]) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[kind] += time.perf_counter() - started
                self.calls[kind] += 1

        return wrapper


def instrument(window: MainWindow, ledger: Ledger) -> None:
    """Wrap the four kinds of work where they are called."""
    flow = window.flow
    journal = window.journal
    # Where the flow waits for a journal call (begun at once, awaited after the drawing
    # it overlaps: only the wait is on the redemption's path).
    flow._journal._outcome = ledger.timed_async("journal call (await)", flow._journal._outcome)  # type: ignore[method-assign]
    for name in ("begin", "finish"):
        setattr(journal, name, ledger.timed(f"  of it sqlite {name}", getattr(journal, name)))
    transport = window.client._transport
    http = transport._http
    http.send = ledger.timed_async("HTTP exchange (await)", http.send)  # type: ignore[method-assign]
    listener = flow._board._listener
    listener.counter_changed = ledger.timed("render (counter_changed)", listener.counter_changed)  # type: ignore[method-assign]
    listener.counter_said = ledger.timed("notice (counter_said)", listener.counter_said)  # type: ignore[method-assign]
    count_set_visible(ledger)


def count_set_visible(ledger: Ledger) -> None:
    """Counts the program's ``setVisible`` calls (made from Python; ``show``/``hide`` go
    through it in C++ and are not seen), and those that asked for the state the widget
    was already in (it changes nothing on screen)."""
    set_visible = QWidget.setVisible

    def counted(widget: QWidget, visible: bool) -> None:
        ledger.counts["setVisible calls"] += 1
        if widget.isHidden() != visible:
            ledger.counts["  of them to the same state"] += 1
        set_visible(widget, visible)

    QWidget.setVisible = counted  # type: ignore[method-assign]
    set_text = QLabel.setText

    def counted_text(label: QLabel, text: str) -> None:
        ledger.counts["label setText calls"] += 1
        if label.text() == text:
            ledger.counts["  of them to the same text"] += 1
        set_text(label, text)

    QLabel.setText = counted_text  # type: ignore[method-assign]


def count_callbacks(loop: asyncio.AbstractEventLoop, ledger: Ledger) -> None:
    """Counts the callbacks scheduled on the loop (each is a Qt timer event in qasync)."""
    call_later = loop.call_later

    def counted(delay: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
        ledger.counts["scheduled callbacks"] += 1
        return call_later(delay, callback, *args, **kwargs)

    loop.call_later = counted  # type: ignore[method-assign]


class PaintCycles(QObject):
    """Counts the window's paint cycles (one ``UpdateRequest`` paints all that changed)."""

    def __init__(self, window: QWidget, ledger: Ledger) -> None:
        super().__init__(window)
        self._ledger = ledger
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self._ledger.counts["paint cycles of the window"] += 1
        return False


async def profile(
    sandbox: SandboxProcess, folder: Path, cprofile: Path | None, *, hidden: bool = False
) -> None:
    active = sandbox.vouchers(status="ACTIVE")
    codes = [
        v["code"]
        for v in active
        if v.get("contact") is not None and (v.get("promotion") or {}).get("type") == "SINGLE_USE"
    ][: REDEEMS + 1]
    window = build_training_window(base_url=sandbox.base_url, token=sandbox.token, folder=folder)
    if not hidden:
        window.show()
    assert window.ready is not None
    await bounded(asyncio.shield(window.ready), "the window to start")
    watch = CardWatch(window)
    ledger = Ledger()
    instrument(window, ledger)
    count_callbacks(asyncio.get_running_loop(), ledger)
    PaintCycles(window, ledger)
    profiler = cProfile.Profile() if cprofile else None
    rows: list[dict[str, float]] = []
    for i, code in enumerate(codes):
        ledger.spent.clear()
        ledger.calls.clear()
        ledger.counts.clear()
        if profiler and i:
            profiler.enable()
        total = await redeem_at_the_counter(window, watch, code)
        if profiler:
            profiler.disable()
        if i:  # the first one warms up
            row = {kind: spent for kind, spent in ledger.spent.items()}
            row["calls"] = sum(ledger.calls.values())
            row.update({f"#{kind}": float(n) for kind, n in ledger.counts.items()})
            row["total"] = total
            rows.append(row)
    window.close()
    await asyncio.sleep(0.5)
    report(rows, ledger)
    if profiler and cprofile:
        profiler.dump_stats(cprofile)


COUNTS = (
    "#setVisible calls",
    "#  of them to the same state",
    "#label setText calls",
    "#  of them to the same text",
    "#scheduled callbacks",
    "#paint cycles of the window",
)


def report(rows: list[dict[str, float]], ledger: Ledger) -> None:
    counts = [k for k in COUNTS if any(k in row for row in rows)]
    kinds = sorted(
        {k for row in rows for k in row} - {"total", "calls", *counts}, key=lambda k: k.strip()
    )
    median = {k: statistics.median(row.get(k, 0.0) for row in rows) for k in [*kinds, "total"]}
    accounted = sum(v for k, v in median.items() if k != "total" and not k.startswith("  "))
    print(f"redeem flow, {len(rows)} redemptions, medians in ms per redemption")
    for kind in [k for k in kinds if not k.startswith("  ")]:
        print(f"  {kind:<32} {median[kind] * 1000:7.2f}   calls {ledger.calls[kind]}")
        for sub in (k for k in kinds if k.startswith("  ") and "sqlite" in k):
            if kind.startswith("journal"):
                print(
                    f"    {sub.strip():<30} {median[sub] * 1000:7.2f}   calls {ledger.calls[sub]}"
                )
    print(f"  {'loop turns and the rest':<32} {(median['total'] - accounted) * 1000:7.2f}")
    print(f"  {'total':<32} {median['total'] * 1000:7.2f}")
    for count in counts:
        print(f"  {count[1:]:<32} {statistics.median(row.get(count, 0.0) for row in rows):7.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cprofile", type=Path, metavar="FILE")
    parser.add_argument("--hidden", action="store_true", help="never show the window")
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    sandbox = SandboxProcess(secrets.token_urlsafe(24))
    try:
        with (
            tempfile.TemporaryDirectory(prefix="piggy-profile-") as scratch,
            asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner,
        ):
            runner.run(profile(sandbox, Path(scratch), arguments.cprofile, hidden=arguments.hidden))
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
