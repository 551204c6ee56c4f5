"""What the upgrade tests share (test_upgrade.py, test_deb.py): the open lock in a journal,
read as another program would, and a process clock started at a moment by libfaketime."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

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
