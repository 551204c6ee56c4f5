"""The counter journal: every lock, release, redeem, multi-redeem and reverse, on disk
before its request is sent and completed after the answer.

sqlite in WAL mode with full sync, in the per-user data folder, readable by its user
only. It holds release keys (the only file besides the OS keyring allowed to), so that
locks left by a crash or a power cut can be released at the next start.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

JOURNAL_FILE = "journal.sqlite3"


class Action(StrEnum):
    LOCK = "lock"
    RELEASE = "release"
    REDEEM = "redeem"
    MULTI_REDEEM = "multi_redeem"
    REVERSE = "reverse"


class Outcome(StrEnum):
    PENDING = "pending"  # written, request not answered (yet)
    OK = "ok"
    REFUSED = "refused"  # Piggy said no
    FAILED = "failed"  # it surely did not happen (not sent, or a clear error)
    UNKNOWN = "unknown"  # it may or may not have happened (the answer was lost)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One line of the journal. ``release_key`` is kept out of the repr."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    action: Action
    outcome: Outcome
    code: str
    voucher_uuid: str | None
    promotion_uuid: str | None
    promotion_name: str | None
    contact_uuid: str | None
    times: int
    detail: str | None
    lock_expires_at: datetime | None
    settled: bool
    release_key: str | None = None

    def __repr__(self) -> str:
        return (
            f"JournalEntry(id={self.id}, action={self.action.value}, outcome={self.outcome.value}, "
            f"code={self.code!r}, settled={self.settled})"
        )


@dataclass(frozen=True, slots=True)
class PromotionTotal:
    """Redemptions per promotion, for the end of a shift."""

    promotion_name: str
    redemptions: int
    reversals: int


_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    code TEXT NOT NULL,
    voucher_uuid TEXT,
    promotion_uuid TEXT,
    promotion_name TEXT,
    contact_uuid TEXT,
    times INTEGER NOT NULL DEFAULT 1,
    detail TEXT,
    release_key TEXT,
    lock_expires_at TEXT,
    settled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entries_started ON entries (started_at);
CREATE INDEX IF NOT EXISTS entries_open_locks ON entries (action, settled);
"""
_COLUMNS = (
    "id, started_at, finished_at, action, outcome, code, voucher_uuid, promotion_uuid, "
    "promotion_name, contact_uuid, times, detail, lock_expires_at, settled, release_key"
)


def _now() -> datetime:
    return datetime.now(UTC)


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="microseconds")


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _entry(row: tuple[object, ...]) -> JournalEntry:
    (id_, started, finished, action, outcome, code, voucher, promo, promo_name, contact) = row[:10]
    times, detail, expires, settled, key = row[10:]
    return JournalEntry(
        id=int(str(id_)),
        started_at=datetime.fromisoformat(str(started)),
        finished_at=_moment(finished if isinstance(finished, str) else None),
        action=Action(str(action)),
        outcome=Outcome(str(outcome)),
        code=str(code),
        voucher_uuid=voucher if isinstance(voucher, str) else None,
        promotion_uuid=promo if isinstance(promo, str) else None,
        promotion_name=promo_name if isinstance(promo_name, str) else None,
        contact_uuid=contact if isinstance(contact, str) else None,
        times=int(str(times)),
        detail=detail if isinstance(detail, str) else None,
        lock_expires_at=_moment(expires if isinstance(expires, str) else None),
        settled=bool(settled),
        release_key=key if isinstance(key, str) else None,
    )


class Journal:
    """The journal file. Thread-safe; the program calls it on ``executor``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create it private before sqlite writes a byte into it.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
        self.path = path
        self._lock = threading.Lock()
        # One worker thread for the program's journal calls: a slow disk never stalls the
        # window, and calls keep their order.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a line that says "pending" is on the disk before the request leaves.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    @classmethod
    def in_folder(cls, folder: Path) -> Journal:
        """The journal in the program's data folder."""
        return cls(folder / JOURNAL_FILE)

    def close(self) -> None:
        """Close the file and stop the worker thread; later calls fail."""
        with self._lock:
            self._db.close()
        self.executor.shutdown(wait=False)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def begin(
        self,
        action: Action,
        *,
        code: str,
        voucher_uuid: str | None = None,
        promotion_uuid: str | None = None,
        promotion_name: str | None = None,
        contact_uuid: str | None = None,
        times: int = 1,
    ) -> int:
        """Write a pending entry (durably) and return its id."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO entries (started_at, action, outcome, code, voucher_uuid,"
                " promotion_uuid, promotion_name, contact_uuid, times)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    _text(_now()),
                    action.value,
                    Outcome.PENDING.value,
                    code,
                    voucher_uuid,
                    promotion_uuid,
                    promotion_name,
                    contact_uuid,
                    times,
                ),
            )
            return int(cursor.lastrowid or 0)

    def finish(
        self,
        entry_id: int,
        outcome: Outcome,
        *,
        detail: str | None = None,
        release_key: str | None = None,
        lock_expires_at: datetime | None = None,
        settle_locks_of: str | None = None,
    ) -> None:
        """Complete an entry with the answer; a lock that succeeded passes its release key
        and expiry so that it can be released later, even after a crash. A redeem or
        release that ended this voucher's locks passes ``settle_locks_of`` (see
        ``settle_locks``): one write to disk for both."""
        with self._transaction() as db:
            if settle_locks_of is not None:
                self._settle_locks(db, settle_locks_of)
            db.execute(
                "UPDATE entries SET outcome=?, finished_at=?, detail=?,"
                " release_key=?, lock_expires_at=? WHERE id=?",
                (
                    outcome.value,
                    _text(_now()),
                    detail,
                    release_key,
                    _text(lock_expires_at),
                    entry_id,
                ),
            )

    def settle_locks(self, voucher_uuid: str) -> None:
        """This voucher's locks are over (released, redeemed or expired): forget their keys."""
        with self._transaction() as db:
            self._settle_locks(db, voucher_uuid)

    @staticmethod
    def _settle_locks(db: sqlite3.Connection, voucher_uuid: str) -> None:
        db.execute(
            "UPDATE entries SET settled=1, release_key=NULL"
            " WHERE action=? AND voucher_uuid=? AND settled=0",
            (Action.LOCK.value, voucher_uuid),
        )

    def open_locks(self) -> list[JournalEntry]:
        """Locks this counter took that are not known to be over, oldest first.

        Includes locks whose answer never came (outcome pending or unknown): those may
        hold the voucher without a key this counter knows.
        """
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE action=? AND settled=0"  # noqa: S608 - fixed text
                " AND outcome IN (?,?,?) ORDER BY id",
                (Action.LOCK.value, Outcome.OK.value, Outcome.PENDING.value, Outcome.UNKNOWN.value),
            ).fetchall()
        return [_entry(row) for row in rows]

    def unfinished(self, *actions: Action) -> list[JournalEntry]:
        """Entries of these actions whose answer never came (pending or unknown), oldest first."""
        marks = ",".join("?" * len(actions))
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE action IN ({marks})"  # noqa: S608 - fixed text
                " AND outcome IN (?,?) ORDER BY id",
                (*(a.value for a in actions), Outcome.PENDING.value, Outcome.UNKNOWN.value),
            ).fetchall()
        return [_entry(row) for row in rows]

    def entries_between(self, start: datetime, end: datetime) -> list[JournalEntry]:
        """Entries started in [start, end), newest first."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE started_at >= ? AND started_at < ?"  # noqa: S608
                " ORDER BY id DESC",
                (_text(start), _text(end)),
            ).fetchall()
        return [_entry(row) for row in rows]

    def entries_on(self, day: date, zone: tzinfo) -> list[JournalEntry]:
        """The entries of one local day, newest first."""
        start = datetime.combine(day, time.min, tzinfo=zone)
        return self.entries_between(start, start + timedelta(days=1))

    def totals_by_promotion(self, entries: list[JournalEntry]) -> list[PromotionTotal]:
        """Completed redemptions and reversals per promotion, most redeemed first."""
        totals: dict[str, list[int]] = {}
        for entry in entries:
            if entry.outcome != Outcome.OK:
                continue
            name = entry.promotion_name or "(unknown promotion)"
            counts = totals.setdefault(name, [0, 0])
            if entry.action in (Action.REDEEM, Action.MULTI_REDEEM):
                counts[0] += entry.times
            elif entry.action == Action.REVERSE:
                counts[1] += 1
        ordered = sorted(totals.items(), key=lambda item: (-item[1][0], item[0]))
        return [
            PromotionTotal(name, used, reversed_)
            for name, (used, reversed_) in ordered
            if used or reversed_
        ]
