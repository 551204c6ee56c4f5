"""One running copy per data folder (issue 13, finding 3), and a window deleted without a
close event ends the program (finding 13c).

A second copy on the same journal used to take the first copy's reservation for an orphan
at its start, release it, and say "was still reserved by this counter and has been
released" while the first copy had its confirm panel up. The copies here are real
processes: the program's own start (``python -m piggy_desk.app``) and the counter process
of the kill tests, both on one data folder, against the sandbox over loopback.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox

from piggy_desk.counter.flow import Stage
from piggy_desk.counter.journal import Journal
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.ui.shell import one_copy
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.shell.one_copy import (
    LOCK_FILE,
    _lock,
    call_running_copy,
    server_name,
    take_data_folder,
)
from tests.helpers.processes import read_log, start_counter, start_program
from tests.reliability.matrix import record
from tests.ui.conftest import until
from tests.ui.shell.conftest import its_window, start_here

if sys.platform == "win32":
    pytest.skip("the kill and signal steps are POSIX", allow_module_level=True)


def _wait_for(condition: object, what: str, timeout: float = 30) -> None:
    done = threading.Event()
    for _ in range(int(timeout * 20)):
        if condition():  # type: ignore[operator]
            return
        done.wait(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _read_line(process: subprocess.Popen[str], timeout: float = 30) -> str:
    assert process.stdout is not None
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        return process.stdout.readline().strip()
    finally:
        timer.cancel()


def _real_start(sandbox: RunningSandbox, tmp_path: Path, logs: Path) -> subprocess.Popen[str]:
    """``piggy-desk`` on the sandbox (as on Piggy) with the data folder ``tmp_path/data``."""
    data = str(tmp_path / "data")
    return start_program(
        tmp_path, logs, "--base-url", sandbox.base_url, "--data-dir", data, token=sandbox.token
    )


def test_a_second_start_leaves_the_first_copys_reservation_alone(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Also the fault matrix's "second copy" row (its four invariants, at the lock step)."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    data = tmp_path / "data"
    first = start_counter(sandbox, data, "lock", code)
    try:
        assert _read_line(first) == "LOCKED"
        second = _real_start(sandbox, tmp_path, tmp_path / "second-log")
        try:
            second_exit = second.wait(timeout=30)
        finally:
            second.kill()
        called = _read_line(first) == "CALLED"  # its window was asked to the front
        held_meanwhile = sandbox.voucher_state(code)["status"] == "LOCKED"
        running = first.poll() is None
        first.send_signal(signal.SIGTERM)
        first_exit = first.wait(timeout=20)
    finally:
        first.kill()
    state = sandbox.voucher_state(code)
    with sqlite3.connect(f"file:{data / 'journal.sqlite3'}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT action, outcome FROM entries ORDER BY id").fetchall()
    second_log = read_log(tmp_path / "second-log")
    cell = record(
        "second copy",
        "lock",
        [
            ("at most once", state["redemptions_used"] == 0, f"{state['redemptions_used']} uses"),
            (
                "no lock left",
                held_meanwhile and state["status"] == "ACTIVE",  # given back by its owner
                f"held meanwhile: {held_meanwhile}, now {state['status']}",
            ),
            ("journal agrees", rows == [("lock", "ok"), ("release", "ok")], f"journal {rows}"),
            (
                "sentences only",
                second_exit == 0 and first_exit == 0 and "Traceback" not in second_log,
                f"exits {second_exit} and {first_exit}",
            ),
        ],
        "",
    )
    assert not cell.problems, cell.problems
    assert called and running
    assert "already open on the data folder" in second_log


def test_after_a_crash_the_next_start_is_not_blocked_and_releases_the_orphan(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    code = KNOWN.ACTIVE_WITH_CONTACT
    data = tmp_path / "data"
    crashed = start_counter(sandbox, data, "lock", code)
    try:
        assert _read_line(crashed) == "LOCKED"
    finally:
        crashed.send_signal(signal.SIGKILL)
        crashed.wait(timeout=10)
    assert sandbox.voucher_state(code)["status"] == "LOCKED"
    logs = tmp_path / "log"
    # The crashed copy's call socket is still there; it must not stop this start.
    started = _real_start(sandbox, tmp_path, logs)
    try:
        _wait_for(lambda: sandbox.voucher_state(code)["status"] == "ACTIVE", "the release")
        assert started.poll() is None
        started.send_signal(signal.SIGTERM)
        assert started.wait(timeout=20) == 0
    finally:
        started.kill()
    assert "the counter is open on the data folder" in read_log(logs)


def test_a_second_demo_start_brings_the_first_window_to_the_front(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first_log, second_log = tmp_path / "first-log", tmp_path / "second-log"
    first = start_program(tmp_path, first_log, "--demo", "--data-dir", str(data))
    try:
        _wait_for(lambda: "the counter is open" in read_log(first_log), "the first window")
        second = start_program(tmp_path, second_log, "--demo", "--data-dir", str(data))
        try:
            assert second.wait(timeout=30) == 0
        finally:
            second.kill()
        assert "brought to the front" in read_log(second_log)
        assert "the counter is open" not in read_log(second_log)
        _wait_for(lambda: "this window comes to the front" in read_log(first_log), "the call")
        assert first.poll() is None
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=20) == 0
    finally:
        first.kill()


async def test_a_start_that_cannot_reach_the_open_copy_says_it_is_open(
    program_start: None, qapp: QApplication, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "training").mkdir(parents=True)
    # A copy that holds the folder but has no call socket (yet): it cannot be asked.
    held = os.open(data / "training" / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        assert _lock(held)
        started = start_here(qapp, tmp_path, data)
        await until(
            lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), what="the box"
        )
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.text().startswith("Piggy Desk is already open on this computer")
        assert str(data / "training") in box.text()
        assert not any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
        box.accept()
        assert await asyncio.wait_for(started, 10) == 0
    finally:
        os.close(held)


async def test_a_window_deleted_without_closing_ends_the_program_and_lets_go(
    program_start: None, qapp: QApplication, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    started = start_here(qapp, tmp_path, data)
    window = await its_window(qapp)
    window.counter.scan_input.setText(KNOWN.ACTIVE_WITH_CONTACT)
    window.counter.submit_scan_field()
    await until(lambda: window.flow.view.voucher is not None and not window.flow.view.busy)
    await window.flow.redeem()
    assert window.flow.view.stage == Stage.CONFIRMING
    journal_folder = data / "training"

    shiboken6.delete(window)  # gone, with no close event

    assert await asyncio.wait_for(started, 20) == 0  # the program ends
    journal = Journal.in_folder(journal_folder)
    try:
        assert journal.open_locks() == []  # the reservation was given back
    finally:
        journal.close()
    guard = take_data_folder(journal_folder)  # and the folder is free
    assert guard is not None
    guard.release()


_LISTENER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from piggy_desk.ui.shell.one_copy import take_data_folder

app = QCoreApplication([])
guard = take_data_folder(Path(sys.argv[1]))
guard.called.connect(lambda: (print("CALLED", flush=True), app.quit()))
print("QtNetwork" if "PySide6.QtNetwork" in sys.modules else "LISTENING", flush=True)
app.exec()
guard.release()
"""


# The version before's call_running_copy (QLocalSocket), in a process of its own.
_EARLIER_CALL = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalSocket

app = QCoreApplication([])
caller = QLocalSocket()
caller.connectToServer(sys.argv[1])
assert caller.waitForConnected(3000)
caller.write(b"show\\n")
caller.flush()
answer = b""
while b"shown\\n" not in answer and caller.waitForReadyRead(3000):
    answer += bytes(caller.readAll().data())
sys.stdout.buffer.write(answer)
"""


def test_the_call_socket_is_answered_without_qtnetwork(tmp_path: Path) -> None:
    """QtNetwork (about 3 MB for the program's life, issue 20) is not what listens."""
    listener = subprocess.Popen(
        [sys.executable, "-c", _LISTENER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert _read_line(listener) == "LISTENING"
        assert call_running_copy(tmp_path)
        assert _read_line(listener) == "CALLED"
        assert listener.wait(timeout=10) == 0
    finally:
        listener.kill()
    guard = take_data_folder(tmp_path, listen=False)
    assert guard is not None  # let go, its socket gone with it
    guard.release()
    assert not Path(one_copy._socket_path(server_name(tmp_path))).exists()


async def test_an_earlier_version_s_copy_is_called_and_calls_at_the_same_place(
    qapp: QApplication, tmp_path: Path
) -> None:
    """A running copy of the version before (QLocalServer) is reached by this one's second
    start, and this one's call socket by that version's second start (QLocalSocket, in a
    process of its own)."""
    from PySide6.QtNetwork import QLocalServer

    earlier = QLocalServer()
    heard: list[bytes] = []

    def answer() -> None:
        caller = earlier.nextPendingConnection()
        caller.readyRead.connect(
            lambda: (
                heard.append(bytes(caller.readAll().data())),
                caller.write(one_copy.ANSWER),
                caller.flush(),
            )
        )

    earlier.newConnection.connect(answer)
    assert earlier.listen(server_name(tmp_path))
    try:
        reached = asyncio.get_running_loop().run_in_executor(None, call_running_copy, tmp_path)
        assert await asyncio.wait_for(reached, 10)
        assert heard == [one_copy.CALL]
    finally:
        earlier.close()

    guard = take_data_folder(tmp_path)
    assert guard is not None
    called: list[bool] = []
    guard.called.connect(lambda: called.append(True))

    try:
        earlier_start = await asyncio.create_subprocess_exec(
            sys.executable, "-c", _EARLIER_CALL, server_name(tmp_path), stdout=subprocess.PIPE
        )
        answer, _ = await asyncio.wait_for(earlier_start.communicate(), 20)
        assert answer == one_copy.ANSWER
        assert called == [True]
    finally:
        guard.release()
