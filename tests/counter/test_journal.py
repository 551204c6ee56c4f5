"""The journal on disk: private, durable before the request, complete after the answer."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from piggy_desk.counter.journal import (
    JOURNAL_FILE,
    KEPT_SANDBOX_JOURNALS,
    Action,
    Journal,
    Outcome,
    begin_training_journal,
)


def test_the_file_is_readable_by_its_user_only(tmp_path: Path) -> None:
    journal = Journal.in_folder(tmp_path / "data")
    journal.begin(Action.LOCK, code="X")
    journal.close()
    mode = stat.S_IMODE(journal.path.stat().st_mode)
    assert mode == 0o600


def test_a_new_journal_is_whole_and_synced_before_it_is_moved_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made aside without sqlite's own syncs: when it takes the journal's name, its tables
    are in the file itself (no WAL left beside it) and the file was synced."""
    synced: list[int] = []
    moved: list[tuple[list[str], bool, list[str]]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle: int) -> None:
        synced.append(os.fstat(handle).st_ino)
        real_fsync(handle)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        beside = [p.name for p in Path(source).parent.iterdir() if p.name != Path(source).name]
        db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master")]
        finally:
            db.close()
        moved.append((tables, os.stat(source).st_ino in synced, beside))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    journal = Journal.in_folder(tmp_path)
    journal.close()
    [(tables, was_synced, beside)] = moved
    assert set(tables) == {"entries", "entries_started", "entries_open_locks", "entries_voucher"}
    assert was_synced
    assert beside == []


def test_a_vouchers_entries_are_read_through_an_index_also_in_an_older_file(
    tmp_path: Path,
) -> None:
    """Every scan and redemption reads the voucher's entries, and the file is never pruned:
    without an index each read walked every entry (8 ms with 100,000 of them). A file made
    before the index gets it when it is opened."""
    journal = Journal.in_folder(tmp_path)
    journal.begin(Action.LOCK, code="A", voucher_uuid="v-a")
    journal.close()
    db = sqlite3.connect(journal.path)
    db.execute("DROP INDEX IF EXISTS entries_voucher")  # as a file written before it
    db.close()
    again = Journal.in_folder(tmp_path)
    [(_, _, _, plan)] = again._file.db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM entries WHERE voucher_uuid=? ORDER BY id", ("v-a",)
    ).fetchall()
    assert "USING INDEX entries_voucher" in plan
    assert [entry.code for entry in again.entries_of_voucher("v-a")] == ["A"]
    again.close()


def test_entries_survive_a_reopen_and_locks_keep_their_key(tmp_path: Path) -> None:
    journal = Journal.in_folder(tmp_path)
    lock = journal.begin(Action.LOCK, code="A", voucher_uuid="v-a", promotion_name="Koffie")
    journal.finish(
        lock,
        Outcome.OK,
        release_key="key-a",
        lock_expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    redeem = journal.begin(Action.REDEEM, code="B", voucher_uuid="v-b", promotion_name="Koffie")
    journal.close()
    again = Journal.in_folder(tmp_path)
    [open_lock] = again.open_locks()
    assert (open_lock.code, open_lock.release_key) == ("A", "key-a")
    assert "key-a" not in repr(open_lock)
    today = again.entries_on(date.today(), datetime.now().astimezone().tzinfo)  # type: ignore[arg-type]
    assert [(e.action, e.outcome) for e in today] == [
        (Action.REDEEM, Outcome.PENDING),
        (Action.LOCK, Outcome.OK),
    ]
    again.finish(redeem, Outcome.OK)
    again.settle_locks("v-a")
    assert again.open_locks() == []
    assert again.totals_by_promotion(again.entries_on(date.today(), UTC))[0].redemptions == 1


def test_a_redeem_settles_its_voucher_locks_in_the_same_write(tmp_path: Path) -> None:
    journal = Journal.in_folder(tmp_path)
    lock = journal.begin(Action.LOCK, code="A", voucher_uuid="v-a")
    journal.finish(lock, Outcome.OK, release_key="key-a")
    other = journal.begin(Action.LOCK, code="B", voucher_uuid="v-b")
    journal.finish(other, Outcome.OK, release_key="key-b")
    redeem = journal.begin(Action.REDEEM, code="A", voucher_uuid="v-a")
    journal.finish(redeem, Outcome.OK, settle_locks_of="v-a")
    journal.close()
    again = Journal.in_folder(tmp_path)
    assert [entry.code for entry in again.open_locks()] == ["B"]  # only A's lock is over
    assert [
        (e.code, e.outcome)
        for e in again.entries_between(
            datetime.now(UTC) - timedelta(hours=1), datetime.now(UTC) + timedelta(hours=1)
        )
        if e.action == Action.REDEEM
    ] == [("A", Outcome.OK)]


def test_a_training_start_sets_the_previous_sandboxs_journal_aside_and_keeps_five(
    tmp_path: Path,
) -> None:
    assert begin_training_journal(tmp_path) is None  # the first start: nothing to set aside
    for n in range(KEPT_SANDBOX_JOURNALS + 2):
        journal = Journal.in_folder(tmp_path)
        journal.begin(Action.REDEEM, code=f"RUN{n}")
        journal.close()
        kept = begin_training_journal(tmp_path)
        assert kept is not None and kept.name.startswith("journal.previous-sandbox-")
        assert not (tmp_path / JOURNAL_FILE).exists()
    earlier = sorted(tmp_path.glob("journal.previous-sandbox-*.sqlite3"))
    assert len(earlier) == KEPT_SANDBOX_JOURNALS
    newest = Journal(earlier[-1])
    try:
        assert [entry.code for entry in newest.unfinished(Action.REDEEM)] == [
            f"RUN{KEPT_SANDBOX_JOURNALS + 1}"
        ]
    finally:
        newest.close()
