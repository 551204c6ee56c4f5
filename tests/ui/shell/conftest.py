"""The program's own start (``_run``) inside the test process, for the shell's tests."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from piggy_desk.app import _run, parse_arguments
from piggy_desk.settings import load_settings
from piggy_desk.ui.core import theme
from piggy_desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import until


@pytest.fixture
def program_start(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The program's start (``_run``) inside this test process: its signal handlers and
    theme are put back afterwards."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    qapp.setQuitOnLastWindowClosed(False)
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    theme.install(qapp, "light").set_choice("light")


def start_here(qapp: QApplication, tmp_path: Path, data: Path) -> asyncio.Task[int]:
    """``piggy-desk --demo --data-dir data``, its settings in ``tmp_path / "config"``."""
    arguments = parse_arguments(["--demo", "--data-dir", str(data)])
    keeper = theme.install(qapp, "light")
    loaded = load_settings(tmp_path / "config")
    return asyncio.get_running_loop().create_task(_run(arguments, qapp, keeper, loaded))


async def its_window(qapp: QApplication) -> MainWindow:
    """The started program's window, once it is shown and ready."""
    await until(
        lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in qapp.topLevelWidgets()),
        what="the window",
    )
    window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
    await until(lambda: window.ready is not None, what="the counter started")
    assert window.ready is not None
    await window.ready
    return window
