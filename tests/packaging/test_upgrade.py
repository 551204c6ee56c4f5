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
from datetime import timedelta
from pathlib import Path

from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.packaging.readme import ROOT
from tests.packaging.upgrades import at_time, open_lock_in

OLD_JOURNAL = ROOT / "tests" / "data" / "journal-0.1.0.sqlite"


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
