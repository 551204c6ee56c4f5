"""Upgrades keep everything (issue 18.5): the journal release 0.1.0 wrote
(``tests/data/journal-0.1.0.sqlite``: a finished redemption and a lock the program held
when it was killed) opens in this release, whose start releases that lock with the key the
old journal kept.

The program runs in a process of its own (``tests/helpers/counter_process.py``: the real
window, offscreen) with its clock moved by libfaketime to a few minutes after the old run
took the lock, while the lock still holds; the sandbox, in this process, keeps real time
and holds the voucher under that same key.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.packaging.readme import ROOT

OLD_JOURNAL = ROOT / "tests" / "data" / "journal-0.1.0.sqlite"
LIBFAKETIME = [
    Path(f"/usr/lib/{arch}-linux-gnu/faketime/libfaketime.so.1") for arch in ("x86_64", "aarch64")
]


def libfaketime() -> Path:
    for path in LIBFAKETIME:
        if path.exists():
            return path
    pytest.skip("needs libfaketime (Debian: faketime) to move the program's clock")


def open_lock_in(journal: Path) -> tuple[str, str, datetime]:
    """The code, release key and start of the open lock, read as another program would."""
    with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT code, release_key, started_at FROM entries"
            " WHERE action='lock' AND settled=0 AND release_key IS NOT NULL"
        ).fetchall()
    assert len(rows) == 1, rows
    code, key, started = rows[0]
    return code, key, datetime.fromisoformat(started)


def at_time(moment: datetime) -> dict[str, str]:
    """The environment that starts a process's clock at ``moment`` (then it runs on)."""
    return {
        "LD_PRELOAD": str(libfaketime()),
        "FAKETIME": "@" + moment.strftime("%Y-%m-%d %H:%M:%S"),
        "TZ": "UTC",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",  # Qt's and asyncio's timers keep real time
    }


def test_the_journal_of_release_0_1_0_opens_and_its_open_lock_is_released_at_start(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    journal = data / "journal.sqlite3"
    shutil.copyfile(OLD_JOURNAL, journal)
    code, key, locked_at = open_lock_in(journal)
    assert code == KNOWN.ACTIVE_WITH_CONTACT
    sandbox.hold_lock(code, key)  # Piggy still holds it under the old run's key
    assert sandbox.voucher_state(code)["status"] == "LOCKED"

    started = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.helpers.counter_process",
            sandbox.base_url,
            str(data),
            "start",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "PIGGY_TOKEN": sandbox.token,
            "QT_QPA_PLATFORM": "offscreen",
            **at_time(locked_at.replace(tzinfo=None) + timedelta(minutes=5)),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert started.returncode == 0, started.stdout + started.stderr
    said = started.stdout
    assert f"Voucher “{code}” was still reserved by this counter and has been released." in said
    assert sandbox.voucher_state(code)["status"] == "ACTIVE"
    assert sandbox.voucher_state(code)["redemptions_used"] == 0
    with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
        # The old history is still there, and the lock is over: no key kept for it.
        rows = db.execute("SELECT action, outcome, code FROM entries ORDER BY id").fetchall()
        keys = db.execute(
            "SELECT count(*) FROM entries WHERE action='lock' AND release_key IS NOT NULL"
        ).fetchone()
    assert rows[:3] == [
        ("lock", "ok", KNOWN.WITH_PLU),
        ("redeem", "ok", KNOWN.WITH_PLU),
        ("lock", "ok", code),
    ]
    assert ("release", "ok", code) in rows[3:]
    assert keys == (0,)
