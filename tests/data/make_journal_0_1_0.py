"""How ``journal-0.1.0.sqlite`` was made: the journal of release 0.1.0 (main at d93524d,
before any change to the journal's schema), written by the real program.

    python -m tests.data.make_journal_0_1_0

Against a sandbox (seed 1) the program redeems CROISSANT1 in full, then a second run
locks ACTIEF0001 and is killed (SIGKILL) before it redeems or releases: the journal keeps
one finished redemption and one open lock with its release key, as a counter that lost
power would leave it. The file is checkpointed into one file (no ``-wal``) and copied
here. Kept as a record: run at a later commit it would write that commit's journal, not
0.1.0's; the committed file is the fixture.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import sys
import tempfile
from pathlib import Path

from piggy_desk.sandbox import KNOWN, start_sandbox
from tests.helpers.processes import start_counter

HERE = Path(__file__).parent
TARGET = HERE / "journal-0.1.0.sqlite"


def main() -> int:
    with (
        start_sandbox(token="journal-0.1.0-token-0123", seed=1) as sandbox,
        tempfile.TemporaryDirectory() as folder,
    ):
        data = Path(folder)
        redeeming = start_counter(sandbox, data, "redeem", KNOWN.WITH_PLU)
        assert redeeming.stdout is not None
        for line in redeeming.stdout:
            if line.strip() == "FINISHED":
                break
        redeeming.terminate()
        redeeming.wait(timeout=30)
        assert sandbox.voucher_state(KNOWN.WITH_PLU)["redemptions_used"] == 1

        locking = start_counter(sandbox, data, "lock", KNOWN.ACTIVE_WITH_CONTACT)
        assert locking.stdout is not None
        assert locking.stdout.readline().strip() == "LOCKED"
        locking.send_signal(signal.SIGKILL)
        locking.wait(timeout=30)
        assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "LOCKED"

        journal = data / "journal.sqlite3"
        with sqlite3.connect(journal) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("PRAGMA journal_mode=DELETE")
        shutil.copyfile(journal, TARGET)
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
