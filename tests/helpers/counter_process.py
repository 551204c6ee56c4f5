"""The counter in a process of its own, for kill tests.

    python -m tests.helpers.counter_process BASE_URL DATA_DIR lock CODE
        scan, lock, print LOCKED, then wait for a signal (COUNTER_PROCESS_COUNTDOWN=1:
        first COUNTDOWN and the countdown's text)
    python -m tests.helpers.counter_process BASE_URL DATA_DIR card CODE
        scan, print CARD and the voucher card as a screen reader reads it, CLOCK and the
        status bar's clock line, exit
    python -m tests.helpers.counter_process BASE_URL DATA_DIR start
        print what the start said, exit
    python -m tests.helpers.counter_process BASE_URL DATA_DIR redeem CODE...
        print what the start said, then scan, lock and redeem each code, printing each
        step before it is taken (SCAN, LOCK, CONFIRM, DONE), then FINISHED, and wait to
        be killed (kill tests)

The token comes from PIGGY_TOKEN. It holds the data folder as the program does (one copy
per folder; it prints ALREADY OPEN and exits 3 when another copy holds it, and CALLED
when a later start asks for its window), and builds the real window with
``build_main_window``; only the driving (scan, Enter) is scripted.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_main_window, close_on_signals
from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Notice
from piggy_desk.settings import Settings
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.shell.one_copy import take_data_folder


async def run(base_url: str, data_dir: Path, mode: str, codes: list[str]) -> int:
    guard = take_data_folder(data_dir)
    if guard is None:
        print("ALREADY OPEN", flush=True)
        return 3
    guard.called.connect(lambda: print("CALLED", flush=True))
    try:
        return await _run_window(base_url, data_dir, mode, codes)
    finally:
        guard.release()


async def _run_window(base_url: str, data_dir: Path, mode: str, codes: list[str]) -> int:
    window = build_main_window(
        base_url=base_url,
        token=os.environ["PIGGY_TOKEN"],
        data_dir=data_dir,
        settings=Settings(sounds=False),
        sounds=SoundPlayer(data_dir / "sounds", enabled=False),
    )
    notices: list[Notice] = []
    window.controller.notice_given.connect(notices.append)
    window.show()
    assert window.ready is not None
    await window.ready
    if mode in ("start", "redeem"):
        print("SAID:", " | ".join(n.sentence for n in notices), flush=True)
    if mode == "redeem":
        for code in codes:
            await _redeem(window, code, notices)
        print("FINISHED", flush=True)
        await asyncio.Event().wait()  # the kill test ends it, at a moment of its choosing
    if mode in ("start", "redeem"):
        await window.shutdown()
        return 0
    code = codes[0]
    window.counter.scan_input.setText(code)
    window.counter.submit_scan_field()
    while window.counter.view.voucher is None or window.counter.view.busy:
        await asyncio.sleep(0.01)
    if mode == "card":
        print("CARD", window.counter.card.summary(), flush=True)
        print("CLOCK", window.clock_label.text(), flush=True)
        await window.shutdown()
        return 0
    await window.flow.redeem()
    if window.counter.view.stage != Stage.CONFIRMING:
        print("NOT LOCKED:", [n.sentence for n in notices], flush=True)
        return 1
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    close_on_signals(window)
    if os.environ.get("COUNTER_PROCESS_COUNTDOWN"):
        print("COUNTDOWN", window.counter.countdown_label.text(), flush=True)
    print("LOCKED", flush=True)
    await closed.wait()  # until SIGTERM closes the window, or SIGKILL ends it all
    return 0


async def _redeem(window: MainWindow, code: str, notices: list[Notice]) -> None:
    def step(name: str) -> None:
        print(name, code, flush=True)

    step("SCAN")
    window.counter.scan_input.setText(code)
    window.counter.submit_scan_field()
    while (
        window.counter.view.voucher is None
        or window.counter.view.voucher.code != code
        or window.counter.view.busy
        or window.counter.view.waiting_scans
    ):
        await asyncio.sleep(0.005)
    step("LOCK")
    await window.flow.redeem()
    if window.counter.view.stage != Stage.CONFIRMING:
        print("NOT LOCKED", code, [n.sentence for n in notices[-2:]], flush=True)
        return
    step("CONFIRM")
    await window.flow.confirm()
    step("DONE")


def main() -> int:
    base_url, data_dir, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    codes = sys.argv[4:]
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        return runner.run(run(base_url, data_dir, mode, codes))


if __name__ == "__main__":
    sys.exit(main())
