"""The real program on a real display, driven line by line from stdin (screen reader tests).

    python -m tests.ui.core.screen_reader.program

Starts the sandbox in this process and the real main window on it (``build_main_window``,
as the program does), then reads commands, one a line, and answers each with one line of
JSON on stdout once the counter has settled:

    settle [N]    wait until the counter is idle (and has said something after its first N
                  notices); the keys themselves come from xdotool, as a person's would
    pause SECONDS wait (the same code twice within 1.5 s counts once)
    offline       the sandbox stops: Piggy can no longer be reached
    switch CODE off|on  Piggy switches the voucher off or on (a manager elsewhere)
    fault JSON    the sandbox's next requests fail so (``RunningSandbox.inject``'s keywords)
    clear_faults  the faults not yet spent are dropped
    dialog NAME   open a manager dialog: voucher, batch, promotion
    close         close the open dialog
    quit

The answer says what the banner and the card show, what was announced, and which widget
has focus, so the test can look for the same sentence on the bus. (Keys come from the X
server, typed by xdotool: with a screen reader's bus, Qt holds every key until the bus
has seen it and then sends it again, which QTest's synthetic keys do not survive.)
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from piggy_desk.app import build_main_window
from piggy_desk.sandbox import start_sandbox
from piggy_desk.settings import Settings
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.core.sounds import SoundPlayer
from piggy_desk.ui.shell.main_window import MainWindow

TOKEN = "screen-reader-token-0123456789"


def answer(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


async def settle(window: MainWindow, notices_before: int | None = None) -> None:
    """Until the counter is idle (and a new notice came, when one is expected)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        busy = window.flow.view.busy or window.flow.view.waiting_scans
        noticed = notices_before is None or len(NOTICES) > notices_before
        if not busy and noticed and window.tasks.running == 0:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.15)  # the announcer speaks on the next turn; the bus carries it


NOTICES: list[str] = []


def focus_name(widget: QWidget | None) -> str:
    if widget is None:
        return ""
    return f"{type(widget).__name__}#{widget.objectName()}"


async def drive(window: MainWindow, sandbox: object) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    dialogs: list[QDialog] = []
    answer(ready=True)
    while line := (await reader.readline()).decode().strip():
        command, _, argument = line.partition(" ")
        before = len(NOTICES)
        if command == "quit":
            break
        if command == "settle":
            # After keys typed on the display: until a notice comes after the first
            # ``argument`` ones (when given) and the counter is idle.
            before = int(argument) if argument else before
            await settle(window, before if argument else None)
        elif command == "pause":
            await asyncio.sleep(float(argument))
        elif command == "offline":
            sandbox.stop()  # type: ignore[attr-defined]
        elif command == "switch":
            code, _, state_word = argument.partition(" ")
            sandbox.with_state(  # type: ignore[attr-defined]
                lambda state, code=code, off=state_word == "off": setattr(
                    state.voucher_by_code(code), "deactivated", off
                )
            )
        elif command == "fault":
            sandbox.inject(**json.loads(argument))  # type: ignore[attr-defined]
        elif command == "clear_faults":
            sandbox.clear_faults()  # type: ignore[attr-defined]
        elif command == "dialog":
            opened = {
                "voucher": lambda: window.vouchers.open_create_dialog(),
                "batch": lambda: window.vouchers.open_batch_dialog(),
                "promotion": lambda: window.promotions.open_create_dialog(),
            }[argument]()
            dialogs.append(opened)
            await settle(window)
        elif command == "close":
            dialogs.pop().reject()
            await settle(window)
        answer(
            done=line,
            window=int(window.winId()),
            notices_so_far=len(NOTICES),
            banner=window.counter.banner.text,
            said=getattr(getattr(window.counter, "announcer", None), "last", ""),
            notices=NOTICES[before:],
            focus=focus_name(QApplication.focusWidget()),
        )


async def main() -> int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "en")
    with start_sandbox(token=TOKEN, seed=1) as sandbox, tempfile.TemporaryDirectory() as data:
        window = build_main_window(
            base_url=sandbox.base_url,
            token=TOKEN,
            data_dir=Path(data),
            settings=Settings(sounds=False),
            sounds=SoundPlayer(Path(data) / "sounds", enabled=False),
        )
        window.controller.notice_given.connect(lambda notice: NOTICES.append(notice.sentence))
        window.show()
        window.activateWindow()
        assert window.ready is not None
        await window.ready
        deadline = time.monotonic() + 10
        while not window.isActiveWindow() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        window.counter.focus_scan()
        await settle(window)
        try:
            await drive(window, sandbox)
        finally:
            await window.shutdown()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_ACCESSIBILITY", "1")
    application = QApplication(sys.argv)
    runner = asyncio.Runner(loop_factory=lambda: CounterEventLoop(application))
    sys.exit(runner.run(main()))
