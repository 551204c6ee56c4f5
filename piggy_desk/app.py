"""Composition root: arguments, QApplication, the qasync loop, and the wiring.

The demo's counter is built, shown and painted before asyncio and qasync are imported
(``_paint_before_the_loop``); so the modules the window imports take asyncio where they use
it, and ``tests/test_layers.py`` checks that importing this module imports neither.
"""

# ruff: noqa: E402  (skip_pyside_source_scan() runs between PySide6 and our own imports)

from __future__ import annotations

import gc

# The modules the start imports, their classes and enums (PySide6's are made as they are
# first imported) live as long as the program: the collector does not walk them while they
# are made (about 50 passes before the first paint), and they are frozen after (never
# walked again; MainThreadCollector.start freezes the window so too).
gc.disable()

import argparse
import base64
import contextlib
import functools
import importlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from piggy_desk import __version__, skip_pyside_source_scan

# Before our other modules, which PySide6 would otherwise read the source of, one by one.
skip_pyside_source_scan()

from piggy_desk.api import InvalidRequest
from piggy_desk.counter.connection import ConnectionWatch
from piggy_desk.counter.journal import Journal, JournalDamaged, begin_training_journal
from piggy_desk.logs import LOG_FILE_NAME, configure_logging, default_log_dir, register_secret
from piggy_desk.native_memory import keep_malloc_thresholds
from piggy_desk.settings import (
    LoadedSettings,
    Settings,
    authorities_dir,
    cache_dir,
    config_dir,
    data_dir,
    load_settings,
    scan_rules,
    token_from_environment,
    training_settings,
)
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.garbage import MainThreadCollector
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, install_translators, time_text, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.counter.controller import CounterController
from piggy_desk.ui.counter.screen import CounterScreen
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.shell.manager_gate import ManagerGate
from piggy_desk.ui.shell.one_copy import DataFolderGuard, call_running_copy, take_data_folder
from piggy_desk.ui.shell.start_failure import LOG_FILE_SENTENCE, report_start_failure

gc.freeze()
gc.enable()
# Before the window and the vouchers take memory (see native_memory).
keep_malloc_thresholds()

if TYPE_CHECKING:
    import asyncio

    from piggy_desk.api import ClientCredentials, PiggyClient
    from piggy_desk.sandbox import RunningSandbox
    from piggy_desk.ui.contacts.screen import ContactsScreen
    from piggy_desk.ui.journal.screen import JournalScreen
    from piggy_desk.ui.promotions.screen import PromotionsScreen
    from piggy_desk.ui.settings.screen import SettingsScreen
    from piggy_desk.ui.vouchers.screen import VouchersScreen

log = logging.getLogger("piggy_desk")
STYLE = Path(__file__).with_name("resources") / "counter.qss"
# How long the start waits for the window's first paint before it imports the client
# anyway (a window that is not painted at once: hidden, minimised, a slow display).
FIRST_PAINT_WAIT = 0.5
# What the start leaves until a scan typed as the window appears has been looked up (issue
# 20), in seconds: the garbage collector's first passes (over all the start allocated,
# 10-15 ms), counted from before the window is built, and the call socket a later start
# asks (QtNetwork with its enums, about 10 ms), counted from the client's attaching. A
# later start keeps calling for longer (one_copy.NOT_LISTENING_YET_WAIT).
SETTLE_SECONDS = 1.0
# The connection's first probe waits this long after the client is attached, so that it
# does not go out (a second request, a second connection, for the sandbox too) beside the
# look-up of a scan typed as the window appeared, whose answer tells the state instead;
# "Connecting to Piggy…" shows that much longer when nothing is scanned.
FIRST_PROBE_AFTER = 0.3
LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}


def build_main_window(
    *,
    base_url: str,
    token: str | ClientCredentials,
    data_dir: Path,
    settings: Settings | None = None,
    training: bool = False,
    manager: bool = False,
    sounds: SoundPlayer | None = None,
    token_store: TokenStore | None = None,
    config_folder: Path | None = None,
    theme_keeper: theme.ThemeKeeper | None = None,
    loaded: LoadedSettings | None = None,
) -> MainWindow:
    """The wired main window (not yet shown) for the running QApplication and loop.

    Call it inside the running event loop: the one ``PiggyClient`` of the window's life
    is created here. The window's ``shutdown()`` (run by closing it) releases a held
    voucher and closes the client and the journal. With ``theme_keeper`` a theme chosen
    on the settings screen is applied at once; without it, from the next start. ``loaded``:
    what the settings files held that could not be used, told to the manager. ``token``:
    a Personal Access Token, or an OAuth client's id and secret.
    """
    settings = settings or Settings()
    window = build_counter_window(
        data_dir=data_dir,
        settings=settings,
        training=training,
        manager=manager,
        sounds=sounds,
        token_store=token_store,
        config_folder=config_folder,
        theme_keeper=theme_keeper,
        loaded=loaded,
    )
    attach_client(window, base_url=base_url, token=token, settings=settings)
    window.start()
    return window


def build_counter_window(
    *,
    data_dir: Path,
    settings: Settings,
    training: bool = False,
    manager: bool = False,
    sounds: SoundPlayer | None = None,
    token_store: TokenStore | None = None,
    config_folder: Path | None = None,
    theme_keeper: theme.ThemeKeeper | None = None,
    loaded: LoadedSettings | None = None,
) -> MainWindow:
    """The main window with its counter and journal, without the client and the flow
    (``attach_client``, then ``start``): it can be shown and typed into before httpx is
    imported. Scans submitted meanwhile wait in the controller for the flow."""
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    watch = ConnectionWatch()
    # The journal first: when it cannot be opened, no client is left unclosed.
    journal = Journal.in_folder(data_dir)
    controller = CounterController(tasks)
    sounds = sounds or SoundPlayer(cache_dir() / "sounds", enabled=settings.sounds)
    counter = CounterScreen(controller, messages, sounds, manager=manager)
    window = MainWindow(
        journal=journal,
        controller=controller,
        counter=counter,
        # The manager screens are built when first opened (their modules imported then).
        journal_screen=lambda: _manager_screens.journal(journal, tasks, messages),
        vouchers=lambda: _manager_screens.vouchers(window.client, tasks, messages),
        promotions=lambda: _manager_screens.promotions(window.client, tasks, messages),
        contacts=lambda: _manager_screens.contacts(window.client, tasks, messages),
        settings_screen=lambda: _settings_screen(
            settings,
            token_store or TokenStore(),
            tasks,
            messages,
            # Training keeps the person's choices in this folder, its own apart, and never
            # the shop's connection (see save_training_settings).
            config_folder or (data_dir / "settings" if training else config_dir()),
            window.client,
            loaded,
            data_dir / "settings" if training else None,
        ),
        tasks=tasks,
        messages=messages,
        training=training,
        gate=ManagerGate(settings.manager_pin_hash, tasks),
        watch=watch,
        theme_keeper=theme_keeper,
    )
    messages.window = window
    sounds.setParent(window)
    notes = (
        [translate("TokenStore", token_store.warning)]
        if token_store and token_store.warning
        else []
    )
    if loaded is not None and loaded.problems:
        notes.append(problems_note(loaded))
    if notes:
        window.statusBar().showMessage(" ".join(notes))
    counter.focus_scan()  # a scanner's keys go to the scan field from the first paint
    return window


def attach_client(
    window: MainWindow, *, base_url: str, token: str | ClientCredentials, settings: Settings
) -> None:
    """The client (httpx is imported here) and the counter's flow, given to the window."""
    from piggy_desk.api import ClientCredentials, PiggyClient
    from piggy_desk.counter.flow import CounterSettings, RedemptionFlow

    observe = window.watch.observe
    authorities = authorities_dir()
    if isinstance(token, ClientCredentials):
        client = PiggyClient(
            base_url, client_credentials=token, observer=observe, authorities=authorities
        )
    else:
        register_secret(token)
        client = PiggyClient(base_url, token, observer=observe, authorities=authorities)
    flow = RedemptionFlow(
        client,
        window.journal,
        window.controller,
        CounterSettings(
            lock_before_redeem=settings.lock_before_redeem,
            shop_uuid=settings.shop_uuid,
            scan_rules=scan_rules(settings),
        ),
        translate=translate,
        time_text=time_text,
    )
    window.attach(client, flow)
    window.controller.attach(flow)


def problems_note(loaded: LoadedSettings) -> str:
    """One line for the status bar: which saved settings were not used."""
    names = ", ".join(
        dict.fromkeys(problem.key or problem.file.name for problem in loaded.problems)
    )
    return translate(
        "MainWindow", "Some saved settings could not be used ({settings}): see Settings."
    ).format(settings=names)


class _ManagerScreens:
    """The manager screens' classes, each module imported when its screen is first opened:
    the counter's start imports none of them, and Vouchers none of the other four's."""

    @property
    def journal(self) -> type[JournalScreen]:
        from piggy_desk.ui.journal.screen import JournalScreen

        return JournalScreen

    @property
    def vouchers(self) -> type[VouchersScreen]:
        from piggy_desk.ui.vouchers.screen import VouchersScreen

        return VouchersScreen

    @property
    def promotions(self) -> type[PromotionsScreen]:
        from piggy_desk.ui.promotions.screen import PromotionsScreen

        return PromotionsScreen

    @property
    def contacts(self) -> type[ContactsScreen]:
        from piggy_desk.ui.contacts.screen import ContactsScreen

        return ContactsScreen

    @property
    def settings(self) -> type[SettingsScreen]:
        from piggy_desk.ui.settings.screen import SettingsScreen

        return SettingsScreen


_manager_screens = _ManagerScreens()


def _settings_screen(
    settings: Settings,
    store: TokenStore,
    tasks: TaskRunner,
    messages: MessagePath,
    folder: Path,
    client: PiggyClient,
    loaded: LoadedSettings | None,
    training_folder: Path | None,
) -> SettingsScreen:
    loaded = loaded or LoadedSettings(settings)
    return _manager_screens.settings(
        settings,
        store,
        tasks,
        messages,
        folder,
        shops=client.shops.list,
        problems=loaded.problems,
        locked=loaded.locked,
        training_address=None if training_folder is None else client.base_url,
        training_folder=training_folder,
    )


def build_training_window(*, base_url: str, token: str, folder: Path) -> MainWindow:
    """A training window on a sandbox with no sound, its journal and sounds in ``folder``:
    what the self-test, the screenshots and the benchmarks drive."""
    # The demo shop's uuid from the address module, not ``KNOWN`` from the seeded data:
    # the sandbox's data and state (0.8 MB) are no part of a counter on another server.
    from piggy_desk.sandbox.address import DEMO_SHOP_UUID

    return build_main_window(
        base_url=base_url,
        token=token,
        data_dir=folder / "data",
        settings=Settings(shop_uuid=DEMO_SHOP_UUID, sounds=False),
        training=True,
        sounds=SoundPlayer(folder / "sounds", enabled=False),
    )


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, with help a support person can read out over the phone."""
    parser = argparse.ArgumentParser(
        prog="piggy-desk",
        description="Scan, lock and redeem Piggy vouchers at a shop counter.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "The Piggy API token is never given on the command line: it comes from the OS\n"
            "key store or the PIGGY_TOKEN environment variable. Without one, Piggy Desk\n"
            "opens its first-run screen: try the built-in sandbox, or connect to Piggy.\n"
            "\n"
            f"Log file: {default_log_dir() / LOG_FILE_NAME}\n"
            "(tokens and release keys are masked in it; send it to support when asked).\n"
            "\n"
            "Exit status: 0 when all went well, 1 when the self-test failed or Piggy Desk\n"
            "could not start (a box says why, the log has the details), 2 when an option\n"
            "was wrong."
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on the built-in sandbox (training data, nothing real is touched) even "
        "when a Piggy account is set up",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the Piggy API address, for this run only (default: the one in the settings, "
        "normally https://api.piggy.eu)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the folder of the counter journal, the record of every reservation and "
        f"redemption (default: {data_dir()})",
    )
    parser.add_argument(
        "--log-dir",
        type=Path,
        metavar="DIR",
        help=f"the folder of the log file {LOG_FILE_NAME} (default: {default_log_dir()})",
    )
    parser.add_argument(
        "--log-level",
        choices=tuple(LOG_LEVELS),
        default="info",
        help="how much goes into the log: 'debug' adds every request to Piggy, for chasing "
        "a problem; 'warning' only problems (default: info)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation without a person: start the built-in sandbox, scan, "
        "reserve and redeem a test voucher in the real window (hidden when there is no "
        "screen), print one line per step, exit 0 when all passed and 1 when not; touches "
        "no real vouchers, settings or journal",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Piggy Desk {__version__} (Python {python_version()}, Qt {qVersion()})",
        help="print the version and exit",
    )
    # Set once the window shows: a failure after that did not stop the start.
    parser.set_defaults(window_was_open=False)
    return parser.parse_args(argv)


class _Opening:
    """The counter's start so far, and what it holds until the program ends: the key
    store, the data folder (its one-copy guard), the demo's sandbox (its socket, then its
    server) and the window, once shown (None while not, and when another copy holds the
    folder)."""

    def __init__(
        self,
        arguments: argparse.Namespace,
        theme_keeper: theme.ThemeKeeper,
        loaded: LoadedSettings,
        log_file: Path | None,
    ) -> None:
        self._arguments, self._theme_keeper = arguments, theme_keeper
        self._loaded, self._log_file = loaded, log_file
        self.store = TokenStore()
        self.folder: Path | None = None  # set once the start has tried to take it
        self.guard: DataFolderGuard | None = None
        self.sandbox_socket: socket.socket | None = None
        self.sandbox_token = ""
        self.sandbox: RunningSandbox | None = None
        self.base_url = ""
        self.token: str | ClientCredentials = ""
        self.settings = Settings()
        self.window: MainWindow | None = None

    def release(self) -> None:
        """Let go of what the start holds, however it ended."""
        self.store.close()
        if self.sandbox is not None:
            self.sandbox.stop()
        elif self.sandbox_socket is not None:
            self.sandbox_socket.close()
        if self.guard is not None:
            self.guard.release()

    def open_counter(
        self, *, settings: Settings, base_url: str, token: str | ClientCredentials | None
    ) -> None:
        """Take the data folder, build the counter's window and show it (no loop needed):
        on the built-in sandbox when there is no ``token``. The window stays None when
        another copy holds the folder."""
        from piggy_desk.sandbox.address import DEMO_SHOP_UUID, base_url_of, listen

        folder = self._arguments.data_dir or data_dir()
        training = token is None
        if training:
            folder = folder / "training"
        self.folder = folder
        # One running copy per data folder: a second copy would take the first one's
        # reservations for orphans and release them under its hands.
        self.guard = guard = take_data_folder(folder, listen=False)  # it listens once painted
        if guard is None:
            return
        if training:  # a new sandbox: its journal too (only once the folder is ours)
            begin_training_journal(folder)
        if token is None:
            token = self.sandbox_token = _new_token()
            register_secret(token)
            # The sandbox's address now, its server once the window is painted (see _run).
            self.sandbox_socket = listen()
            base_url = base_url_of(self.sandbox_socket)
            settings = training_settings(
                replace(self._loaded, settings=replace(settings, shop_uuid=DEMO_SHOP_UUID)),
                folder / "settings",
            )
        else:
            # An address the client would refuse ends the start before any window shows,
            # as when the client was made before the window. (This imports httpx before
            # the paint; the key store's look-up above has mostly done so already, all
            # but a PIGGY_TOKEN start: the demo is the start that skips it.)
            from piggy_desk.api import base_url_root

            base_url_root(base_url)
        self.base_url, self.token, self.settings = base_url, token, settings
        build = functools.partial(
            build_counter_window,
            data_dir=folder,
            settings=settings,
            training=training,
            token_store=self.store,
            config_folder=config_dir(),
            theme_keeper=self._theme_keeper,
            loaded=self._loaded,
        )
        damaged: JournalDamaged | None = None
        try:
            window = build()
        except JournalDamaged as error:
            # Kept aside with a timestamp; the journal starts afresh and the person is told.
            damaged = error
            window = build()
        guard.called.connect(window.come_to_front)
        window.messages.install()
        window.fit_to_screen()
        window.show()
        self.window = window
        self._arguments.window_was_open = True
        close_on_signals(window)
        log.info("the counter is open on the data folder %s", folder)
        if damaged is not None:
            _tell_journal_damaged(window, damaged, self._log_file)


def _paint_before_the_loop(window: MainWindow) -> None:
    """Let Qt paint the shown window before asyncio and qasync are imported (about 15 ms of
    CPU before the first paint). Keys typed meanwhile are not handled here: Qt keeps them,
    in order, for the loop (ExcludeUserInputEvents). At most ``FIRST_PAINT_WAIT``."""
    if window.is_painted:
        return
    waiting = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(waiting.quit)
    window.first_painted.connect(waiting.quit)
    timer.start(int(FIRST_PAINT_WAIT * 1000))
    waiting.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    window.first_painted.disconnect(waiting.quit)


async def _painted(window: MainWindow) -> None:
    """Until the window's first paint."""
    import asyncio

    if window.is_painted:
        return
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_painted() -> None:
        if not painted.done():
            painted.set_result(None)

    window.first_painted.connect(on_painted)
    try:
        await painted
    finally:
        window.first_painted.disconnect(on_painted)


async def _run(
    arguments: argparse.Namespace,
    app: QApplication,
    theme_keeper: theme.ThemeKeeper,
    loaded: LoadedSettings,
    log_file: Path | None = None,
    opening: _Opening | None = None,
) -> int:
    """The program from the start (or from ``opening``: the demo's counter, opened and
    painted before the loop) to its end."""
    import asyncio

    opening = opening or _Opening(arguments, theme_keeper, loaded, log_file)
    starting: asyncio.Future[RunningSandbox] | None = None
    try:
        if opening.folder is None:
            settings = loaded.settings
            base_url = arguments.base_url or settings.base_url
            store = opening.store
            token = None if arguments.demo else await kept_credentials(settings, store, base_url)
            if token is None and not arguments.demo:
                chosen = await first_run(settings, store)
                if chosen is FIRST_RUN_CLOSED:
                    return 0
                if isinstance(chosen, Settings):
                    settings, base_url = chosen, chosen.base_url
                    token = await kept_credentials(settings, store, base_url)
            opening.open_counter(settings=settings, base_url=base_url, token=token)
        window = opening.window
        if window is None:
            assert opening.folder is not None
            await _say_already_open(opening.folder)
            return 0
        closed = asyncio.get_running_loop().create_future()

        def end() -> None:
            if not closed.done():
                closed.set_result(None)

        window.closed.connect(end)
        # A window deleted without a close event (it never says "closed") ends the program
        # too, instead of leaving it running unseen with the folder and a voucher held.
        window.destroyed.connect(end)
        # The counter is painted and takes keys; what the first look-up needs (httpx, the
        # client, the flow) is imported now, while a scanner types: a scan submitted
        # meanwhile waits in the controller (issue 20).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(_painted(window), FIRST_PAINT_WAIT)
        settings = opening.settings
        attach_client(window, base_url=opening.base_url, token=opening.token, settings=settings)
        if opening.sandbox_socket is not None:
            # The sandbox (its web server and seeded data: ~0.1 s) starts on its thread
            # after the paint; the counter's first requests wait in the socket's backlog.
            # Only once this thread has imported all that a request needs: the sandbox
            # imports the same packages (anyio, h11), and two threads importing one package
            # at once can end in Python's import deadlock (seen once in 45 starts of the
            # bundle: _DeadlockError on anyio._core._eventloop, and no counter).
            _import_what_a_request_needs()
        window.start(first_probe_after=FIRST_PROBE_AFTER)
        assert opening.guard is not None
        # Painted: a later start on this folder can call it forward, once the first scan had
        # the interpreter to itself.
        guard = opening.guard
        QTimer.singleShot(round(SETTLE_SECONDS * 1000), guard, guard.listen)
        if opening.sandbox_socket is not None:
            # Its thread begins now, not at a later turn of the loop (after the counter's
            # first tasks, an early scan's among them): a thread of its own, which also
            # keeps the token out of the loop's executor's debug log.
            starting = asyncio.wrap_future(
                _SANDBOX_STARTER.submit(
                    _start_sandbox_on, opening.sandbox_token, opening.sandbox_socket
                )
            )
        if starting is not None:
            opening.sandbox = await starting
        await closed
        await window.shutdown()  # done already when the window closed the normal way
        window.messages.uninstall()
        return 0
    finally:
        if opening.sandbox is None and starting is not None:
            # The start failed after the sandbox's thread began: it is stopped below.
            with contextlib.suppress(Exception, asyncio.CancelledError):
                opening.sandbox = await starting
        opening.release()


def _tell_journal_damaged(
    window: MainWindow, damaged: JournalDamaged, log_file: Path | None
) -> None:
    """The journal could not be read at start: a box over the counter says so (it was kept
    aside, a new one began), and where the log is."""
    from PySide6.QtWidgets import QMessageBox

    sentence = damaged.sentence(translate)
    log.error("at start: %s", damaged.sentence())
    where = (
        translate("StartFailure", LOG_FILE_SENTENCE).format(path=log_file)
        if log_file is not None
        else ""
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Piggy Desk",
        "\n\n".join(filter(None, (sentence, where))),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("journalDamaged")
    box.finished.connect(box.deleteLater)
    box.open()
    window.statusBar().showMessage(sentence)


async def _say_already_open(folder: Path) -> None:
    """Another copy holds this data folder: bring its window to the front, or say so."""
    import asyncio

    from PySide6.QtWidgets import QMessageBox

    if call_running_copy(folder):
        log.info("Piggy Desk is already open on the data folder %s: brought to the front", folder)
        return
    log.warning("Piggy Desk is already open on the data folder %s; it did not answer", folder)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Piggy Desk",
        translate("MainWindow", ALREADY_OPEN).format(folder=folder),
    )
    box.setObjectName("alreadyOpen")
    answered = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _result: None if answered.done() else answered.set_result(None))
    box.open()
    await answered


ALREADY_OPEN = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Piggy Desk is already open on this computer, with the same counter journal ({folder}). "
    "Use the window that is open: it may be behind other windows or minimised.",
)


async def kept_credentials(
    settings: Settings, store: TokenStore, base_url: str
) -> str | ClientCredentials | None:
    """How the counter signs in to Piggy at ``base_url``: the kept Personal Access Token
    (or ``PIGGY_TOKEN``), or, when the settings say so, the OAuth client whose id they hold
    and whose secret is kept; None when what is needed is not there."""
    if settings.auth != "oauth_client" or token_from_environment() is not None:
        return await store.load(base_url)
    secret = await store.load(base_url, kind="client_secret")
    if secret is None or not settings.client_id:
        return None
    try:
        from piggy_desk.api import ClientCredentials

        return ClientCredentials(settings.client_id, secret)
    except InvalidRequest:
        log.warning("the kept OAuth client id or secret cannot be used")
        return None


# What httpx imports at its first request (httpcore's anyio backend, h11, anyio's asyncio
# backend), and the sandbox's web server imports too.
REQUEST_MODULES = ("httpcore._backends.anyio", "httpcore._async.http11", "anyio._backends._asyncio")


def _import_what_a_request_needs() -> None:
    for name in REQUEST_MODULES:
        importlib.import_module(name)


# The demo's sandbox starts on this thread (idle once it has started the sandbox).
_SANDBOX_STARTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-start")


def _start_sandbox_on(token: str, sock: socket.socket) -> RunningSandbox:
    """Run in a worker thread: the web server's imports happen there too."""
    from piggy_desk.sandbox import start_sandbox

    return start_sandbox(token=token, sock=sock)


FIRST_RUN_CLOSED = object()


async def first_run(settings: Settings, store: TokenStore) -> Settings | object | None:
    """The first-run screen: new Settings after "Connect to Piggy", None for "Try the
    sandbox", FIRST_RUN_CLOSED when the window was closed."""
    import asyncio

    from piggy_desk.ui.first_run.screen import FirstRunScreen, FirstRunWindow

    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    screen = FirstRunScreen(settings, store, tasks, messages, config_dir())
    window = FirstRunWindow(screen)
    messages.window = window
    choice: asyncio.Future[Settings | object | None] = asyncio.get_running_loop().create_future()

    def choose(value: Settings | object | None) -> None:
        if not choice.done():
            choice.set_result(value)

    screen.connected.connect(choose)
    screen.sandbox_chosen.connect(lambda: choose(None))
    window.closed.connect(lambda: choose(FIRST_RUN_CLOSED))
    window.fit_to_screen()
    window.show()
    try:
        return await choice
    finally:
        await tasks.cancel_all()
        window.hide()
        window.deleteLater()


def close_on_signals(window: MainWindow) -> None:
    """Ctrl-C, a logout or a service stop closes the window the normal way (releasing a
    held voucher first) instead of killing the program mid-flow. The close is posted to
    Qt's loop: Python runs the handler between any two bytecodes, also in the middle of an
    import, where the close would find a module it needs half made (the demo's asyncio,
    imported after the paint: "partially initialized module 'asyncio'")."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only between bytecodes; this lets it look while Qt waits.
    wakeup = QTimer(window)
    wakeup.timeout.connect(lambda: None)
    wakeup.start(250)


def main(argv: Sequence[str] | None = None) -> int:
    """``piggy-desk``: open the counter (on the built-in sandbox when no account is configured),
    or with ``--self-test`` check the installation end to end. A failure ends in a box with
    a sentence and the log file's path (and in the log), never in a traceback."""
    arguments = parse_arguments(argv)
    log_file = start_logging(arguments)
    qInstallMessageHandler(_on_qt_message)
    if arguments.self_test:
        _offscreen_without_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        return _main(arguments, app, log_file)
    except Exception as error:
        if arguments.self_test:
            log.critical("the self-test could not run", exc_info=error)
            _print_line(f"FAILED: {type(error).__name__}: {error}")
            return 1
        return report_start_failure(error, log_file, window_was_open=arguments.window_was_open)


def _main(arguments: argparse.Namespace, app: QApplication, log_file: Path | None) -> int:
    app.setApplicationName("Piggy Desk")
    app.setOrganizationName("PiggyDesk")
    # The loop must survive a message box being the only window; quitting is deliberate.
    app.setQuitOnLastWindowClosed(False)
    loaded = load_settings(config_dir())
    settings = loaded.settings
    theme_keeper = theme.install(app, settings.theme)
    # Before any widget is made: widgets translate their texts when they are built.
    language = install_translators(app, settings.language)
    log.info(
        "Piggy Desk %s on Python %s, Qt %s, %s (%s), language %s, theme %s",
        __version__,
        python_version(),
        qVersion(),
        platform_text(),
        app.platformName(),
        language,
        settings.theme,
    )
    collector = MainThreadCollector()
    collector.start(first_pass_after=SETTLE_SECONDS)
    try:
        opening = None
        if arguments.demo and not arguments.self_test:
            # The demo awaits nothing before its window: it is shown and painted before
            # asyncio and qasync are imported.
            opening = _Opening(arguments, theme_keeper, loaded, log_file)
            base_url = arguments.base_url or settings.base_url
            try:
                opening.open_counter(settings=settings, base_url=base_url, token=None)
            except BaseException:
                opening.release()
                raise
            if opening.window is not None:
                _paint_before_the_loop(opening.window)
        import asyncio

        from piggy_desk.ui.core.loop import CounterEventLoop

        with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
            if arguments.self_test:
                return runner.run(_self_test(log_file))
            return runner.run(_run(arguments, app, theme_keeper, loaded, log_file, opening))
    finally:
        collector.stop()


def platform_text() -> str:
    """``platform.platform()`` for the start's log line, on Linux without the processor,
    which Python asks of ``uname -p`` in a child process (about 6 ms before the first
    paint) and which is mostly "unknown" or the machine again:
    ``Linux-6.1.0-x86_64-with-glibc2.36``. On Linux from ``os`` as ``platform`` reads it
    there (importing ``platform`` compiles its regular expressions before the paint)."""
    if sys.platform == "linux":
        kernel = os.uname()
        libc = (os.confstr("CS_GNU_LIBC_VERSION") or "").split()
        if len(libc) == 2:  # "glibc 2.36": what platform.libc_ver() gives on glibc
            return f"{kernel.sysname}-{kernel.release}-{kernel.machine}-with-{libc[0]}{libc[1]}"
    import platform

    if sys.platform != "linux":
        return platform.platform()
    name = platform.uname()
    libc_name, version = platform.libc_ver()
    return f"{name.system}-{name.release}-{name.machine}-with-{libc_name}{version}"


def python_version() -> str:
    """``platform.python_version()`` ("3.11.7"), read where it reads it: the first word of
    ``sys.version``."""
    return sys.version.split()[0]


def _new_token() -> str:
    """``secrets.token_urlsafe(24)``, as it makes it (``os.urandom``), without importing
    ``secrets``, whose ``hmac`` loads OpenSSL's hashlib before the first paint (~3 ms)."""
    return base64.urlsafe_b64encode(os.urandom(24)).rstrip(b"=").decode("ascii")


def start_logging(arguments: argparse.Namespace) -> Path | None:
    """The log file as the options say (None when it cannot be written), with the token of
    the environment registered as a secret before anything can log it."""
    token = token_from_environment()
    if token:
        register_secret(token)
    folder = arguments.log_dir or default_log_dir()
    try:
        # The self-test's own lines are its output; its log goes to the file only.
        return configure_logging(
            folder, level=LOG_LEVELS[arguments.log_level], console=not arguments.self_test
        )
    except OSError as error:
        log.warning("no log file in %s: %s", folder, error)
        return None


QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# Said by the offscreen platform whenever a window is shown; not a problem of ours.
QT_NOISE = ("This plugin does not support propagateSizeHints",)
qt_log = logging.getLogger("qt")


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log (where support finds them), not to a lost stderr."""
    level = QT_LEVELS.get(kind, logging.WARNING)
    if message.startswith(QT_NOISE):
        level = logging.DEBUG
    qt_log.log(level, "%s", message)


def _offscreen_without_display() -> None:
    """The self-test needs no screen: where X11 or Wayland would be used but no display is
    there (a build server, a container), it runs on Qt's offscreen platform. With a
    display, and on Windows and macOS, it uses the real one, which it then checks too."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    uses_x11_or_wayland = not sys.platform.startswith(("win", "darwin"))
    if uses_x11_or_wayland and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


async def _self_test(log_file: Path | None) -> int:
    from piggy_desk.self_test import run_self_test  # it builds on this module

    passed = await run_self_test(_print_line)
    if log_file is not None:
        _print_line(f"log: {log_file}")
    return 0 if passed else 1


def _print_line(line: str) -> None:
    if sys.stdout is not None:  # None under a windowed (no console) bundle on Windows
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
