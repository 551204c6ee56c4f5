"""A start that fails says why in a box, with what to do and the log file's path, and logs
it; it never ends in a bare traceback (issue 13, finding 7). The windowed Windows bundle
has no console: a traceback there is a program that silently does not open.

Each case starts the real program (``python -m piggy_desk.app``) with the fault made on
disk: a damaged journal (kept aside with a timestamp, the start goes on with a new one),
a read-only data folder, a full disk (a small tmpfs; root only), an address that cannot
be used. A box stays up until it is closed; SIGTERM closes it here, as a service stop does.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from piggy_desk.counter.journal import JOURNAL_FILE, Action, Journal
from piggy_desk.sandbox import RunningSandbox
from tests.helpers.processes import fails_with, read_log, start_program, stopped, until_logged
from tests.reliability.local_faults import FullDisk, small_disk

if sys.platform == "win32":
    pytest.skip("signals and mounts are POSIX here", allow_module_level=True)
ROOT_USER = os.geteuid() == 0


def _garbage(journal: Path) -> None:
    journal.write_bytes(b"this is no database, only text a program wrote here " * 100)


def _truncated(journal: Path) -> None:
    real = Journal(journal)
    for n in range(200):
        real.begin(Action.REDEEM, code=f"CODE{n:05d}", promotion_name="Gratis koffie")
    real.close()
    with journal.open("r+b") as file:
        file.truncate(journal.stat().st_size // 3)


@pytest.mark.parametrize("damage", [_garbage, _truncated], ids=["garbage", "truncated"])
def test_a_damaged_journal_is_kept_aside_and_the_counter_opens_on_a_new_one(
    tmp_path: Path, damage: Callable[[Path], None], sandbox: RunningSandbox
) -> None:
    # A start on an account (here the sandbox's): training begins a new journal at each
    # start anyway, its previous sandbox being gone (test_training_restart.py).
    folder = tmp_path / "data"
    folder.mkdir(parents=True)
    damage(folder / JOURNAL_FILE)
    before = (folder / JOURNAL_FILE).read_bytes()
    logs = tmp_path / "log"
    process = start_program(
        tmp_path,
        logs,
        *("--base-url", sandbox.base_url, "--data-dir", str(folder)),
        token=sandbox.token,
    )
    until_logged(process, logs, "the counter is open")
    until_logged(process, logs, "at start: The counter journal could not be read")
    kept = sorted(folder.glob("journal.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == before  # never deleted
    assert f"It was kept as {kept[0]}" in read_log(logs)
    assert stopped(process) == 0
    fresh = Journal(folder / JOURNAL_FILE)  # the new one works
    fresh.close()


def test_a_read_only_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with contextlib.ExitStack() as stack:
        if ROOT_USER:  # root writes where a mode allows nothing: a read-only filesystem
            stack.enter_context(small_disk(data, "64k"))
            subprocess.run(["/usr/bin/mount", "-o", "remount,ro", str(data)], check=True)
        else:
            data.mkdir()
            data.chmod(0o500)
            stack.callback(data.chmod, 0o700)
        fails_with(
            tmp_path,
            [
                f"Piggy Desk may not write in its data folder {data / 'training'}.",
                "Ask whoever looks after this computer to let Piggy Desk write in",
            ],
            "--demo", "--data-dir", str(data),
        )  # fmt: skip


@pytest.mark.skipif(not ROOT_USER, reason="a full disk is a small tmpfs: mounting needs root")
@pytest.mark.parametrize("filled", [True, False], ids=["full", "no-room-for-the-shm"])
def test_a_full_disk(tmp_path: Path, filled: bool) -> None:
    """Filled to the last byte, or 64 KiB free: room for the journal's file but not for its
    -wal and -shm too. sqlite says SQLITE_IOERR_SHMSIZE ("disk I/O error") there, which was
    said as "could not be written ... send the log file to support"."""
    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "data").mkdir()
        if filled:
            FullDisk(disk).fill()
        fails_with(
            tmp_path,
            [
                "The counter journal could not be written: the disk is full.",
                f"Free some space on the disk of {disk / 'data' / 'training'}",
            ],
            "--demo", "--data-dir", str(disk / "data"),
        )  # fmt: skip


@pytest.mark.parametrize("address", ["ftp://piggy.example", "http://[::1"])
def test_an_address_that_cannot_be_used(tmp_path: Path, address: str) -> None:
    fails_with(
        tmp_path,
        ["The Piggy address cannot be used: ", "Correct the address (the --base-url option"],
        "--base-url", address, "--data-dir", str(tmp_path / "data"),
        token="a-token",
    )  # fmt: skip
