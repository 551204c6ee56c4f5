"""GUI tests: the real main window on the qasync loop, against the sandbox over loopback.

Every async test in this folder runs on a ``qasync.QEventLoop`` (pytest-asyncio's loop
factory hook), so widgets, the flow and httpx share one loop as in the program. Inside a
test, wait with ``until`` (polling with ``asyncio.sleep``), never with ``qtbot.wait*``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import runpy
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from piggy_desk.app import build_main_window
from piggy_desk.counter.connection import Connection
from piggy_desk.counter.flow import Stage
from piggy_desk.notices import Notice
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.settings import SETTINGS_FILE, LoadedSettings, SettingProblem, Settings
from piggy_desk.token_store import TokenStore
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.counter.screen import STRAY_ENTER_SECONDS
from piggy_desk.ui.first_run.screen import FirstRunScreen
from piggy_desk.ui.settings.screen import SettingsScreen
from piggy_desk.ui.shell.main_window import MainWindow
from tests.helpers.keyrings import MemoryKeyring

if TYPE_CHECKING:
    from piggy_desk.ui.vouchers.screen import VouchersScreen

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path("/tmp")  # noqa: S108 - pictures a person looks at, not the tests


@pytest.fixture(scope="session", autouse=True)
def _english_texts(qapp: QApplication) -> None:
    """The tests read the English texts. The .qm files are built from the .ts sources first
    (as the package build does), so a test never runs on a stale translation; the English
    one gives the plural forms ("1 voucher", "2 vouchers")."""
    runpy.run_path(str(ROOT / "scripts" / "translations.py"))["build"]()
    install_translators(qapp, "en")


@pytest.fixture(autouse=True)
def _garbage_on_the_main_thread() -> Iterator[None]:
    """As in the program: no cyclic collection in worker threads (see ui/garbage.py)."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()


_LOOPS: list[asyncio.AbstractEventLoop] = []


def _qasync_loop() -> asyncio.AbstractEventLoop:
    loop = CounterEventLoop(QApplication.instance() or QApplication([]))
    _LOOPS.append(loop)
    return loop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Any]:
    return {"qasync": _qasync_loop}


# A popup menu on the offscreen platform: it cannot raise a window or grab the keyboard
# (Qt says so at each popup). Not our warnings; every other one still fails the test.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)

# Tasks that live as long as their window (waiting, not working): never drained.
# Tasks that live as long as their window (its shutdown ends them): never waited for.
SERVICE_TASKS = frozenset({"counter-scans", "connection-watch", "journal-keeper"})


def _passing_tasks(loop: asyncio.AbstractEventLoop) -> set[asyncio.Task[Any]]:
    return {task for task in asyncio.all_tasks(loop) if task.get_name() not in SERVICE_TASKS}


def _finish_pending_tasks() -> None:
    """Finish what a fixture or a test left running, inside its own loop.

    qasync delivers task steps (and socket reads) through Qt's event queue, and pytest-qt
    processes that queue between setup, call and teardown, outside the asyncio loop, where
    httpx cannot run. So tasks still pending then (a page a view asked for as it was
    shown, say) are finished here, or cancelled, while their loop can still run them.
    """
    for loop in _LOOPS:
        if loop.is_closed() or loop.is_running():
            continue
        pending = _passing_tasks(loop)
        if pending:
            loop.run_until_complete(asyncio.wait(pending, timeout=5))
        leftover = [task for task in _passing_tasks(loop) if not task.done()]
        for task in leftover:
            task.cancel()
        if leftover:
            loop.run_until_complete(asyncio.gather(*leftover, return_exceptions=True))
    _LOOPS[:] = [loop for loop in _LOOPS if not loop.is_closed()]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield
    _finish_pending_tasks()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield
    _finish_pending_tasks()


async def until(condition: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    """Let the loop run until ``condition()`` is true; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.01)


class Counter:
    """A cashier at the window: types like a scanner, presses keys, reads the screen."""

    def __init__(self, window: MainWindow, sandbox: RunningSandbox | None = None) -> None:
        self.window = window
        self.screen = window.counter
        self._sandbox = sandbox
        self.notices: list[Notice] = []
        self.sounds: list[str] = []
        window.controller.notice_given.connect(self.notices.append)

    @property
    def sandbox(self) -> RunningSandbox:
        """The sandbox the window works on (None given: the program's own, not at hand)."""
        assert self._sandbox is not None, "this counter's sandbox is not at hand"
        return self._sandbox

    def type_scan(self, code: str, terminator: Qt.Key = Qt.Key.Key_Return) -> None:
        """What a keyboard-wedge scanner does: characters into the focused widget, then Enter."""
        target = QApplication.focusWidget() or self.screen.scan_input
        QTest.keyClicks(target, code)
        QTest.keyClick(QApplication.focusWidget() or target, terminator)

    def press(self, key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget() or self.screen.scan_input, key)

    async def settle(self) -> None:
        """Wait until nothing is in flight and no scan is waiting."""
        await until(
            lambda: (
                not self.screen.view.busy
                and self.screen.view.waiting_scans == 0
                and self.window.tasks.running == 0
                and self.window.flow._scans.empty()
            ),
            what="the counter to settle",
        )
        await asyncio.sleep(0.02)

    async def scan(self, code: str) -> None:
        self.type_scan(code)
        await self.until_on_card(code)
        await self.settle()

    async def until_on_card(self, code: str, what: str = "") -> None:
        """Until the card shows the voucher ``code``."""
        await until(
            lambda: self.screen.view.voucher is not None and self.screen.view.voucher.code == code,
            what=what or f"{code} on the card",
        )

    @property
    def last_notice(self) -> Notice:
        assert self.notices, "nothing was said"
        return self.notices[-1]


async def enter(counter: Counter, stage: Stage | None = None) -> None:
    """Enter as a cashier presses it, past the stray-Enter guard after the last scan and
    after the confirm question's appearing; then, with ``stage``, until the counter is at
    that stage (and the confirm question, read)."""
    await counter.settle()
    screen = counter.screen
    await past_the_guard(max(screen._last_scan_at, screen._asked_at))
    counter.press(Qt.Key.Key_Return)
    if stage is not None:
        await until(lambda: counter.screen.view.stage == stage, what=str(stage))
    await counter.settle()
    if stage == Stage.CONFIRMING:
        await past_the_guard(screen._asked_at)


async def question_read() -> None:
    """A cashier reads the confirm question before answering it: an answer that came with
    the question is not taken (tests/ui/counter/test_question_seen.py)."""
    await past_the_guard(time.monotonic())


async def past_the_guard(since: float) -> None:
    """Until the counter's stray-Enter guard (STRAY_ENTER_SECONDS) has passed since
    ``since`` (the screen's time.monotonic() of a scan or of the confirm question), and
    a little more: a person's Enter, not a scanner's second key. No wait when it has
    passed already (an Enter long after the scan)."""
    ready_at = since + STRAY_ENTER_SECONDS * 1.1
    # A loop: Qt's coarse timers, which the loop's sleep is, may end up to 5 % early.
    while (left := ready_at - time.monotonic()) > 0:
        await asyncio.sleep(left)


@pytest.fixture
def make_window(
    sandbox: RunningSandbox, tmp_path: Path, qapp: QApplication
) -> Iterator[Callable[..., Any]]:
    keeper = theme.install(qapp, "light")
    qapp.setQuitOnLastWindowClosed(False)  # as the program does: closing must not stop the loop
    windows: list[MainWindow] = []

    def make(
        data_dir: Path | None = None,
        *,
        follow_theme: bool = True,
        loaded: LoadedSettings | None = None,
        config_folder: Path | None = None,
        **settings: Any,
    ) -> MainWindow:
        """A training window; ``follow_theme``: it has the theme keeper, as in the program;
        ``loaded``: settings as read from the files (sounds off), else the keywords."""
        if loaded is None:
            chosen = Settings(**{"shop_uuid": KNOWN.SHOP_UUID, "sounds": False, **settings})
        else:
            chosen = replace(loaded.settings, sounds=False, **settings)
        window = build_main_window(
            base_url=sandbox.base_url,
            token=sandbox.token,
            data_dir=data_dir or tmp_path / "data",
            settings=chosen,
            loaded=loaded,
            config_folder=config_folder,
            training=True,
            sounds=SoundPlayer(tmp_path / "sounds", enabled=False),
            theme_keeper=keeper if follow_theme else None,
        )
        windows.append(window)
        return window

    yield make
    for window in windows:
        if shiboken6.isValid(window):  # a test that did not close its window
            window.counter.detach()
            window.hide()
    keeper.set_choice("light")  # a theme chosen on a settings screen ends with its test


@pytest.fixture
async def counter(
    make_window: Callable[..., MainWindow], sandbox: RunningSandbox
) -> AsyncIterator[Counter]:
    window = make_window()
    person = Counter(window, sandbox)
    window.counter._sounds.played.connect(person.sounds.append)
    window.show()
    window.activateWindow()
    assert window.ready is not None
    await window.ready
    await until(
        lambda: QApplication.focusWidget() is window.counter.scan_input,
        what="focus on the scan field",
    )
    # The first probe of the connection has answered: no request of ours races a test's.
    await until(lambda: window.watch.state != Connection.UNKNOWN, what="the first probe")
    yield person
    await close(window)


async def start_and_hear(window: MainWindow, sandbox: RunningSandbox) -> Counter:
    """Show a window, wait for its start and for what the start says."""
    person = Counter(window, sandbox)
    window.show()
    assert window.ready is not None
    await window.ready
    await until(lambda: person.notices, what="what the start says")
    return person


async def close(window: MainWindow) -> None:
    """Close as a person does (releasing what is held), then delete it while the loop runs."""
    if not shiboken6.isValid(window):
        return
    window.close()
    await until(lambda: not window.isVisible(), what="the window to close")
    window.deleteLater()
    await asyncio.sleep(0)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


async def open_settings(window: MainWindow) -> SettingsScreen:
    """Show ``window`` and go to its Settings tab, loaded."""
    window.show()
    # The program's start shows its window before it starts it (``ready`` comes then).
    await until(lambda: window.ready is not None, what="the counter started")
    assert window.ready is not None
    await window.ready
    window.tabs.setCurrentWidget(window.settings_screen)
    screen = window.settings_screen
    await until(lambda: window.tasks.running == 0, what="the settings screen to load")
    return screen


# --- the first-run and settings screens on their own ----------------------------------


S = TypeVar("S", FirstRunScreen, SettingsScreen)


@dataclass
class AtAScreen(Generic[S]):
    """Someone at the first-run or settings screen shown on its own, and what it was given."""

    screen: S
    store: TokenStore
    tasks: TaskRunner
    messages: MessagePath
    config_dir: Path

    def error(self, key: str) -> str:
        """The error shown under field ``key``; empty when none is."""
        label = self.screen.findChild(QLabel, f"error_{key}")
        assert label is not None, key
        return label.text() if label.isVisible() else ""


@dataclass
class Installer(AtAScreen[FirstRunScreen]):
    """The person installing Piggy Desk, at the first-run screen."""

    keyring: MemoryKeyring
    sandbox: RunningSandbox
    connected: list[Settings] = field(default_factory=list)
    sandbox_chosen: int = 0

    def count_sandbox_chosen(self) -> None:
        self.sandbox_chosen += 1

    def fill(self, base_url: str, token: str, shop_uuid: str = "") -> None:
        self.screen.base_url_input.setText(base_url)
        self.screen.token_input.setText(token)
        self.screen.shop_uuid_input.setText(shop_uuid)

    async def test_connection(self) -> str:
        """Press "Test connection" and wait for the outcome; the sentence shown."""
        self.screen.test_button.click()
        await until(lambda: not self.screen.busy, what="the connection test")
        await until(lambda: self.tasks.running == 0, what="the test's task")
        return self.screen.banner.text

    def requests(self) -> int:
        return self.sandbox.stats()["requests"]


@pytest.fixture
def on_its_own(qapp: QApplication) -> Iterator[None]:
    """For a screen shown on its own: closing a box there does not stop the loop, the light
    theme, and the style sheet as it was put back afterwards."""
    qapp.setQuitOnLastWindowClosed(False)
    style = qapp.styleSheet()
    theme.install(qapp, "light")
    yield
    qapp.setStyleSheet(style)


def screen_needs() -> tuple[TokenStore, MessagePath, TaskRunner]:
    """What the first-run and settings screens are given: a token store, the message path,
    and a task runner whose unexpected failures go to that path's crash dialog."""
    messages = MessagePath()
    return TokenStore(), messages, TaskRunner(messages.on_task_failed)


@contextlib.asynccontextmanager
async def vouchers_screen(sandbox: RunningSandbox, page_size: int) -> AsyncIterator[VouchersScreen]:
    """The Vouchers screen on its own, 1100 x 700, on a client of the sandbox; closed, its
    work cancelled and deleted afterwards, and no crash on the way."""
    from piggy_desk.api import PiggyClient
    from piggy_desk.ui.vouchers.screen import VouchersScreen

    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        widget = VouchersScreen(client, tasks, messages, page_size=page_size)
        widget.resize(1100, 700)
        widget.show()
        yield widget
        widget.model.stop()
        widget.hide()
        await asyncio.sleep(0)
        await tasks.cancel_all()
        widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert messages.crashes == []


async def dispose(screen: QWidget) -> None:
    """Close a screen shown on its own and delete it while the loop runs (unless gone)."""
    if shiboken6.isValid(screen):
        screen.close()
        screen.deleteLater()
        await asyncio.sleep(0)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
async def installer(
    sandbox: RunningSandbox, memory_keyring: MemoryKeyring, tmp_path: Path, on_its_own: None
) -> AsyncIterator[Installer]:
    store, messages, tasks = screen_needs()
    config = tmp_path / "config"
    screen = FirstRunScreen(Settings(), store, tasks, messages, config)
    person = Installer(screen, store, tasks, messages, config, memory_keyring, sandbox)
    screen.connected.connect(person.connected.append)
    screen.sandbox_chosen.connect(person.count_sandbox_chosen)
    screen.resize(1100, 720)
    screen.show()
    yield person
    await tasks.cancel_all()
    await dispose(screen)
    store.close()
    assert messages.crashes == [], "an unexpected error reached the crash dialog"


@dataclass
class Desk(AtAScreen[SettingsScreen]):
    """A manager at the settings screen."""

    saved: list[Settings] = field(default_factory=list)
    token_changes: int = 0

    def count_token_change(self) -> None:
        self.token_changes += 1

    async def save(self) -> None:
        """Press Save and wait until the screen is done with it."""
        self.screen.save_button.click()
        await self.settle()

    async def settle(self) -> None:
        await until(lambda: not self.screen.busy, what="saving")
        await until(lambda: self.tasks.running == 0, what="the screen's work")

    def visible_texts(self) -> list[str]:
        """Every text the screen shows or holds in a field."""
        labels = [label.text() for label in self.screen.findChildren(QLabel)]
        return labels + [edit.text() for edit in self.screen.findChildren(QLineEdit)]

    @property
    def file(self) -> Path:
        return self.config_dir / SETTINGS_FILE


@pytest.fixture
async def make_desk(tmp_path: Path, on_its_own: None) -> AsyncIterator[Callable[..., Desk]]:
    desks: list[Desk] = []

    def make(
        settings: Settings,
        locked: frozenset[str] = frozenset(),
        problems: tuple[SettingProblem, ...] = (),
    ) -> Desk:
        store, messages, tasks = screen_needs()
        screen = SettingsScreen(
            settings, store, tasks, messages, tmp_path / "config", locked=locked, problems=problems
        )
        desk = Desk(screen, store, tasks, messages, tmp_path / "config")
        screen.settings_saved.connect(desk.saved.append)
        screen.token_changed.connect(desk.count_token_change)
        screen.resize(1100, 760)
        screen.show()
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        await desk.tasks.cancel_all()
        await dispose(desk.screen)
        desk.store.close()
        assert desk.messages.crashes == [], "an unexpected error reached the crash dialog"


@pytest.fixture
async def desk(memory_keyring: MemoryKeyring, make_desk: Callable[[Settings], Desk]) -> Desk:
    made = make_desk(Settings())
    await made.settle()
    return made
