"""Screenshots of what a cashier reads when the journal or the clock fails (issue 13):
the real window on the sandbox, offscreen, with the real fault.

    sudo-or-root: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fault_screenshots.py
        [--out docs/screenshots/faults] [--language en|nl]

Root is needed for the full disk (the journal's folder is a small tmpfs, filled to the
last byte). Another process holds the journal's write lock; files are deleted and
emptied for real. The clock scenes give the counter a clock two hours off (its flow and
journal take an injected clock); tests/reliability/test_clock_faketime.py does the same
with libfaketime on the whole program.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from screenshots import until

from piggy_desk.app import _tell_journal_damaged, build_training_window
from piggy_desk.counter.flow import CounterView, Stage
from piggy_desk.counter.journal import JournalDamaged
from piggy_desk.sandbox import KNOWN, RunningSandbox, start_sandbox
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.shell.main_window import MainWindow
from tests.reliability.local_faults import FullDisk, JournalLocker, delete_journal, small_disk

SIZE = (1100, 900)


class Shots:
    def __init__(self, sandbox: RunningSandbox, out: Path) -> None:
        self.sandbox = sandbox
        self.out = out

    async def window(self, folder: Path, clock: Callable[[], datetime] | None = None) -> MainWindow:
        window = build_training_window(
            base_url=self.sandbox.base_url, token=self.sandbox.token, folder=folder
        )
        if clock is not None:  # before the start's task runs: it reads the clock
            window.flow._board._clock = clock  # what the recent scans say
            window.flow._recovery._clock = clock
            window.flow._recovery.run_started = clock()
            window.journal._clock = clock
        window.resize(*SIZE)
        window.show()
        assert window.ready is not None
        await window.ready
        return window

    async def save(self, window: MainWindow, name: str) -> None:
        await asyncio.sleep(0.1)  # lay out and paint
        path = self.out / f"{name}.png"
        window.grab().save(str(path))
        print(f"wrote {path}: {window.counter.banner.accessibleDescription() or ''}")

    async def scan(self, window: MainWindow, code: str) -> None:
        window.counter.scan_input.setText(code)
        window.counter.submit_scan_field()
        await until(
            lambda: (
                window.counter.view.voucher is not None
                and window.counter.view.voucher.code == code
                and not window.counter.view.busy
            )
        )

    async def idle(self, window: MainWindow) -> None:
        await until(lambda: not window.counter.view.busy and not window.flow._busy.locked())

    async def close(self, window: MainWindow, *, dies: bool = False) -> None:
        if dies:  # killed: nothing is given back on the way out
            window.flow._board._view = CounterView()
        window.close()
        await until(lambda: not window.isVisible())
        await window.shutdown()


def skewed(hours: float) -> Callable[[], datetime]:
    return lambda: datetime.now(UTC) + timedelta(hours=hours)


async def journal_taken_on_the_way(
    shots: Shots,
    window: MainWindow,
    locker: JournalLocker,
    button: QPushButton,
    until_stage: Stage,
    name: str,
) -> None:
    """``button`` pressed; while Piggy's slowed answer is on its way another program takes
    the journal. The picture when the counter has reached ``until_stage``; then the
    journal is let go."""
    button.click()
    await asyncio.sleep(0.3)
    locker.hold()
    await until(lambda: window.counter.view.stage == until_stage)
    await shots.idle(window)
    await shots.save(window, name)
    locker.let_go()


async def journal_scenes(shots: Shots, disk: Path) -> None:
    sandbox = shots.sandbox
    window = await shots.window(disk)
    journal = disk / "data" / "journal.sqlite3"
    locker = JournalLocker(journal)
    full = FullDisk(disk)

    await shots.scan(window, KNOWN.ACTIVE_WITH_CONTACT)
    for fault, mended, name in (
        (locker.hold, locker.let_go, "1-journal-locked-nothing-sent"),
        (full.fill, full.free, "2-disk-full-nothing-sent"),
    ):
        fault()
        window.counter.redeem_button.click()
        await asyncio.sleep(0.2)
        await shots.idle(window)
        await shots.save(window, name)
        mended()

    # Piggy takes the lock; when its answer comes, another program holds the journal.
    sandbox.inject("latency", seconds=0.6, path="/lock")
    await journal_taken_on_the_way(
        shots,
        window,
        locker,
        window.counter.redeem_button,
        Stage.CONFIRMING,
        "3-reserved-journal-locked",
    )
    window.counter.cancel_button.click()
    await asyncio.sleep(0.2)
    await shots.idle(window)

    await shots.scan(window, KNOWN.MULTI_USE)
    window.counter.redeem_button.click()
    await until(lambda: window.counter.view.stage == Stage.CONFIRMING)
    sandbox.inject("latency", seconds=0.6, path="/vouchers/redeem", after_commit=True)
    await journal_taken_on_the_way(
        shots,
        window,
        locker,
        window.counter.confirm_button,
        Stage.SHOWING,
        "4-redeemed-journal-locked",
    )

    await shots.scan(window, KNOWN.REDEEMED)
    sandbox.inject("latency", seconds=0.6, path="/reverse", after_commit=True)
    reversing = asyncio.ensure_future(window.flow.reverse())
    await asyncio.sleep(0.3)
    full.fill()
    await reversing
    await shots.idle(window)
    await shots.save(window, "5-reversed-disk-full")
    full.free()

    delete_journal(journal)
    await until(lambda: journal.exists(), timeout=12)
    await shots.idle(window)
    await shots.save(window, "6-journal-deleted-while-running")
    await shots.close(window)


async def start_scenes(shots: Shots, folder: Path) -> None:
    # Emptied while the program was closed, with a voucher reserved in it.
    window = await shots.window(folder / "empty")
    await shots.scan(window, KNOWN.ACTIVE_NO_CONTACT)
    await shots.close(window)
    (folder / "empty" / "data" / "journal.sqlite3").write_bytes(b"")
    window = await shots.window(folder / "empty")
    await shots.save(window, "7-empty-journal-at-start")
    await shots.close(window)

    damaged = folder / "damaged" / "data"
    damaged.mkdir(parents=True)
    (damaged / "journal.sqlite3").write_bytes(b"a backup tool wrote this here " * 300)
    try:
        window = await shots.window(folder / "damaged")
    except JournalDamaged as error:
        window = await shots.window(folder / "damaged")
        _tell_journal_damaged(window, error, Path("~/.local/state/piggy-desk/piggy-desk.log"))
    await asyncio.sleep(0.2)
    [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box.grab().save(str(shots.out / "8-damaged-journal-at-start.png"))
    print(f"wrote 8-damaged-journal-at-start.png: {box.text()}")
    box.close()
    await shots.close(window)


async def clock_scenes(shots: Shots, folder: Path) -> None:
    sandbox = shots.sandbox
    ahead = skewed(2)
    window = await shots.window(folder / "ahead", ahead)
    await shots.scan(window, KNOWN.ACTIVE_WITH_CONTACT)
    window.counter.redeem_button.click()
    await until(lambda: window.counter.view.stage == Stage.CONFIRMING)
    await shots.idle(window)
    await shots.save(window, "9-clock-ahead-countdown")
    await shots.close(window, dies=True)
    window = await shots.window(folder / "ahead", ahead)
    await shots.save(window, "10-clock-ahead-lock-released-at-start")
    await shots.close(window)

    # Killed while the redeem was on its way (Piggy never got it), the lock still held.
    await killed_while_redeeming(shots, folder / "ahead-redeem", ahead)
    window = await shots.window(folder / "ahead-redeem", ahead)
    await shots.save(window, "11-clock-ahead-redeem-did-not-go-through")
    await shots.close(window)

    # The same with the clock behind, and Piggy's hour over before the next start.
    behind = skewed(-2)
    await killed_while_redeeming(shots, folder / "behind", behind)
    sandbox.advance_clock(3601)
    window = await shots.window(folder / "behind", behind)
    await shots.save(window, "12-clock-behind-cannot-be-told")
    await shots.close(window)


async def killed_while_redeeming(shots: Shots, folder: Path, clock: Callable[[], datetime]) -> None:
    """Lock a multi-use voucher, confirm, and die while the redeem waits at the door
    (Piggy never carries it out)."""
    window = await shots.window(folder, clock)
    await shots.scan(window, KNOWN.MULTI_USE)
    window.counter.redeem_button.click()
    await until(lambda: window.counter.view.stage == Stage.CONFIRMING)
    shots.sandbox.inject("latency", seconds=30, path="/vouchers/redeem")
    confirming = asyncio.ensure_future(window.flow.confirm())
    await asyncio.sleep(0.3)
    confirming.cancel()
    await asyncio.gather(confirming, return_exceptions=True)
    shots.sandbox.clear_faults()
    await shots.close(window, dies=True)


@contextmanager
def folders() -> Iterator[tuple[Path, Path]]:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        with small_disk(root / "disk", "16m") as disk:
            yield disk, root


async def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with start_sandbox(token="screenshots") as sandbox, folders() as (disk, root):
        shots = Shots(sandbox, out)
        await journal_scenes(shots, disk)
        sandbox.reset()
        await start_scenes(shots, root)
        sandbox.reset()
        await clock_scenes(shots, root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/faults"))
    parser.add_argument("--language", choices=("en", "nl"), default="en")
    arguments = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    theme.install(app, "light")
    install_translators(app, arguments.language)
    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        runner.run(shoot(arguments.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
