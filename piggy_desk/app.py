"""Composition root: arguments, QApplication, the qasync loop, and the wiring."""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from piggy_desk import __version__
from piggy_desk.api import PiggyClient
from piggy_desk.counter.connection import ConnectionWatch
from piggy_desk.counter.flow import CounterSettings, RedemptionFlow
from piggy_desk.counter.journal import Journal
from piggy_desk.counter.scan import ScanRules
from piggy_desk.settings import Settings, cache_dir, config_dir, data_dir, token_from_environment
from piggy_desk.ui.contacts import ContactsScreen
from piggy_desk.ui.counter import CounterController, CounterScreen
from piggy_desk.ui.garbage import MainThreadCollector
from piggy_desk.ui.journal import JournalScreen
from piggy_desk.ui.loop import CounterEventLoop
from piggy_desk.ui.main_window import MainWindow
from piggy_desk.ui.manager_gate import ManagerGate
from piggy_desk.ui.messages import MessagePath
from piggy_desk.ui.promotions import PromotionsScreen
from piggy_desk.ui.sounds import SoundPlayer
from piggy_desk.ui.tasks import TaskRunner
from piggy_desk.ui.vouchers import VouchersScreen

log = logging.getLogger("piggy_desk")
STYLE = Path(__file__).with_name("resources") / "counter.qss"


def build_main_window(
    *,
    base_url: str,
    token: str,
    data_dir: Path,
    settings: Settings | None = None,
    training: bool = False,
    manager: bool = False,
    sounds: SoundPlayer | None = None,
) -> MainWindow:
    """The wired main window (not yet shown) for the running QApplication and loop.

    Call it inside the running event loop: the one ``PiggyClient`` of the window's life
    is created here. The window's ``shutdown()`` (run by closing it) releases a held
    voucher and closes the client and the journal.
    """
    settings = settings or Settings()
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    watch = ConnectionWatch()
    client = PiggyClient(base_url, token, observer=watch.observe)
    journal = Journal.in_folder(data_dir)
    controller = CounterController(tasks)
    flow = RedemptionFlow(
        client,
        journal,
        controller,
        CounterSettings(
            lock_before_redeem=settings.lock_before_redeem,
            shop_uuid=settings.shop_uuid,
            scan_rules=ScanRules(prefix=settings.scan_prefix, suffix=settings.scan_suffix),
        ),
    )
    controller.attach(flow)
    sounds = sounds or SoundPlayer(cache_dir() / "sounds", enabled=settings.sounds)
    counter = CounterScreen(controller, messages, sounds, manager=manager)
    window = MainWindow(
        client=client,
        journal=journal,
        flow=flow,
        controller=controller,
        counter=counter,
        journal_screen=JournalScreen(journal, tasks),
        vouchers=VouchersScreen(client, tasks, messages),
        promotions=PromotionsScreen(client, tasks, messages),
        contacts=ContactsScreen(client, tasks, messages),
        tasks=tasks,
        messages=messages,
        training=training,
        gate=ManagerGate(settings.manager_pin_hash, tasks),
        watch=watch,
    )
    messages.window = window
    sounds.setParent(window)
    window.start()
    return window


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="piggy-desk",
        description="Scan, lock and redeem Piggy vouchers at a shop counter.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on the built-in sandbox (training) even when a Piggy account is configured",
    )
    parser.add_argument("--base-url", help="the Piggy API address (default: from the settings)")
    parser.add_argument(
        "--data-dir", type=Path, help="where the journal is kept (default: per-user data folder)"
    )
    parser.add_argument("--version", action="version", version=f"Piggy Desk {__version__}")
    return parser.parse_args(argv)


async def _run(arguments: argparse.Namespace, app: QApplication) -> int:
    from piggy_desk.sandbox import start_sandbox
    from piggy_desk.sandbox.seed import KNOWN

    settings = Settings.load(config_dir())
    token = token_from_environment()
    folder = arguments.data_dir or data_dir()
    sandbox = None
    if arguments.demo or token is None:
        token = secrets.token_urlsafe(24)
        sandbox = await asyncio.to_thread(start_sandbox, token=token)
        base_url = sandbox.base_url
        settings = replace(settings, shop_uuid=KNOWN.SHOP_UUID)
        folder = folder / "training"
    else:
        base_url = arguments.base_url or settings.base_url
    try:
        window = build_main_window(
            base_url=base_url,
            token=token,
            data_dir=folder,
            settings=settings,
            training=sandbox is not None,
        )
        window.messages.install()
        closed = asyncio.get_running_loop().create_future()
        window.closed.connect(lambda: None if closed.done() else closed.set_result(None))
        window.show()
        close_on_signals(window)
        await closed
        window.messages.uninstall()
        return 0
    finally:
        if sandbox is not None:
            await asyncio.to_thread(sandbox.stop)


def close_on_signals(window: MainWindow) -> None:
    """Ctrl-C, a logout or a service stop closes the window the normal way (releasing a
    held voucher first) instead of killing the program mid-flow."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: window.close())
    # Python runs signal handlers only between bytecodes; this lets it look while Qt waits.
    wakeup = QTimer(window)
    wakeup.timeout.connect(lambda: None)
    wakeup.start(250)


def main(argv: Sequence[str] | None = None) -> int:
    """``piggy-desk``: open the counter (on the built-in sandbox when no account is configured)."""
    arguments = parse_arguments(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Piggy Desk")
    app.setOrganizationName("PiggyDesk")
    # The loop must survive a message box being the only window; quitting is deliberate.
    app.setQuitOnLastWindowClosed(False)
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    collector = MainThreadCollector()
    collector.start()
    try:
        with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
            return runner.run(_run(arguments, app))
    finally:
        collector.stop()


if __name__ == "__main__":
    sys.exit(main())
