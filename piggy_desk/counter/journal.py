"""The counter journal: every lock, release, redeem, multi-redeem and reverse, on disk
before its request is sent and completed after the answer.

sqlite in WAL mode with full sync, in the per-user data folder, readable by its user
only. It holds release keys (the only file besides the OS keyring allowed to), so that
locks left by a crash or a power cut can be released at the next start.
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import os
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TypedDict, TypeVar, Unpack

from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate, untranslated

log = logging.getLogger("piggy_desk.counter")
T = TypeVar("T")

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
    """One line of the journal, pending until finished. ``release_key`` is kept out of
    the repr."""

    id: int
    started_at: datetime
    action: Action
    code: str
    outcome: Outcome = Outcome.PENDING
    finished_at: datetime | None = None
    voucher_uuid: str | None = None
    promotion_uuid: str | None = None
    promotion_name: str | None = None
    contact_uuid: str | None = None
    times: int = 1
    detail: str | None = None
    lock_expires_at: datetime | None = None
    settled: bool = False
    release_key: str | None = None

    def __repr__(self) -> str:
        return (
            f"JournalEntry(id={self.id}, action={self.action.value}, outcome={self.outcome.value}, "
            f"code={self.code!r}, settled={self.settled})"
        )


class About(TypedDict, total=False):
    """What an entry is about besides its action and code (``Journal.begin``); ``detail``
    says what the next start must know of it if no answer comes."""

    voucher_uuid: str | None
    promotion_uuid: str | None
    promotion_name: str | None
    contact_uuid: str | None
    times: int
    detail: str | None


class Answer(TypedDict, total=False):
    """What ``Journal.finish`` writes with an entry's outcome: a lock that succeeded gives
    its release key and end, so that it can be released later, even after a crash; a
    redeem or release that ended this voucher's locks names it in ``settle_locks_of``
    (see ``settle_locks``): one write to disk for both."""

    detail: str | None
    release_key: str | None
    lock_expires_at: datetime | None
    settle_locks_of: str | None


class Options(TypedDict, total=False):
    """How a ``Journal`` is opened: its clock, and how long a write waits for another
    program holding the file."""

    clock: Callable[[], datetime]
    busy_timeout: float


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
-- A voucher's entries are read at every scan and redemption; the file is never pruned.
CREATE INDEX IF NOT EXISTS entries_voucher ON entries (voucher_uuid);
"""
_COLUMNS = (
    "id, started_at, finished_at, action, outcome, code, voucher_uuid, promotion_uuid, "
    "promotion_name, contact_uuid, times, detail, lock_expires_at, settled, release_key"
)


def _now() -> datetime:
    return datetime.now(UTC)


class Trouble(StrEnum):
    """Why the journal could not be written, told apart by sqlite's error code."""

    FULL = "disk full"
    BUSY = "locked by another program"
    DAMAGED = "damaged"
    READ_ONLY = "read-only"
    MISSING = "missing"
    OTHER = "other"


# sqlite's primary result codes (the low byte of an extended code).
_SQLITE_TROUBLE = {
    5: Trouble.BUSY,  # SQLITE_BUSY
    6: Trouble.BUSY,  # SQLITE_LOCKED
    8: Trouble.READ_ONLY,  # SQLITE_READONLY
    11: Trouble.DAMAGED,  # SQLITE_CORRUPT
    13: Trouble.FULL,  # SQLITE_FULL
    14: Trouble.MISSING,  # SQLITE_CANTOPEN
    26: Trouble.DAMAGED,  # SQLITE_NOTADB
}
# Extended codes told apart from their primary one: the -shm file could not grow, which
# sqlite reports as a "disk I/O error" and documents as a volume out of space.
_SQLITE_EXTENDED_TROUBLE = {
    4874: Trouble.FULL,  # SQLITE_IOERR_SHMSIZE
}
_OS_TROUBLE = {
    errno.ENOSPC: Trouble.FULL,
    errno.EDQUOT: Trouble.FULL,
    errno.EROFS: Trouble.READ_ONLY,
    errno.EACCES: Trouble.READ_ONLY,
    errno.EPERM: Trouble.READ_ONLY,
    errno.ENOENT: Trouble.MISSING,
}


# When the journal could not be *read* (the Journal tab's list): the sentences above say
# "written", which would not be true.
READ_SENTENCES = {
    Trouble.BUSY: QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal could not be read: another program (a database viewer or a "
        "backup tool, say) is holding it.",
    ),
    Trouble.DAMAGED: QT_TRANSLATE_NOOP(
        "Journal", "The counter journal could not be read: the file is damaged."
    ),
    Trouble.MISSING: QT_TRANSLATE_NOOP(
        "Journal", "The counter journal could not be read: its file or folder is gone."
    ),
}
READ_SENTENCE = QT_TRANSLATE_NOOP("Journal", "The counter journal could not be read.")


def read_trouble(error: JournalTrouble | sqlite3.Error, path: Path) -> JournalTrouble:
    """A failed read of the journal as its trouble, said as a read (``READ_SENTENCES``)."""
    trouble = as_trouble(error, path)
    unreadable = JournalTrouble(trouble.trouble, trouble.path, trouble.cause)
    unreadable.template = READ_SENTENCES.get(trouble.trouble, READ_SENTENCE)
    return unreadable


def as_trouble(error: JournalTrouble | sqlite3.Error, path: Path) -> JournalTrouble:
    """An error of a journal call as the journal's trouble (what a person is told)."""
    if isinstance(error, JournalTrouble):
        return error
    return JournalTrouble(trouble_of(error), path, str(error))


def trouble_of(error: BaseException) -> Trouble:
    """What went wrong, from an sqlite or OS error."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_EXTENDED_TROUBLE.get(code) or _SQLITE_TROUBLE.get(code & 0xFF, Trouble.OTHER)
    if isinstance(error, OSError) and error.errno is not None:
        return _OS_TROUBLE.get(error.errno, Trouble.OTHER)
    return Trouble.OTHER


TROUBLE_SENTENCES = {
    Trouble.FULL: QT_TRANSLATE_NOOP(
        "Journal", "The counter journal could not be written: the disk is full."
    ),
    Trouble.BUSY: QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal could not be written: another program (a database viewer or a "
        "backup tool, say) is holding it.",
    ),
    Trouble.DAMAGED: QT_TRANSLATE_NOOP(
        "Journal", "The counter journal could not be written: the file is damaged."
    ),
    Trouble.READ_ONLY: QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal could not be written: its file or folder may not be changed.",
    ),
    Trouble.MISSING: QT_TRANSLATE_NOOP(
        "Journal", "The counter journal could not be written: its file or folder is gone."
    ),
    Trouble.OTHER: QT_TRANSLATE_NOOP("Journal", "The counter journal could not be written."),
}


class JournalTrouble(Exception):
    """The journal could not be read or written.

    ``sentence()`` says why for a person (translated), ``details()`` is for a manager.
    ``kept`` is true when what could not be written is kept in memory and written later
    (``Journal.flush``); ``entry_id`` is then the entry's provisional id, if it is new.
    """

    template: str = ""

    def __init__(self, trouble: Trouble, path: Path, cause: str) -> None:
        super().__init__(f"journal {trouble.value}: {cause}")
        self.trouble = trouble
        self.path = path
        self.cause = cause
        self.at = datetime.now(UTC)
        # Set by the journal when it keeps the change in memory (never at construction).
        self.kept = False
        self.entry_id: int | None = None

    @property
    def user_message(self) -> str:
        """The sentence in English (``sentence`` translates it)."""
        return self.template or TROUBLE_SENTENCES[self.trouble]

    def sentence(self, translate: Translate = untranslated) -> str:
        return translate("Journal", self.user_message).format(path=self.path)

    def details(self) -> dict[str, str]:
        """For a manager's Details: what failed, where, and what sqlite said (no secrets)."""
        return {
            "Problem": f"counter journal: {self.trouble.value}",
            "Journal file": str(self.path),
            "Said by the system": self.cause,
            "Kept in memory until it can be written": "yes" if self.kept else "no",
            "Time": self.at.isoformat(timespec="seconds"),
        }


class JournalDamaged(JournalTrouble):
    """At start the journal file could not be read (truncated, overwritten). It was moved
    aside to ``path`` (never deleted); the next ``Journal`` on the folder starts afresh."""

    template = QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal could not be read: the file is damaged. It was kept as {path} "
        "and a new journal was started. Vouchers this counter had reserved are freed by Piggy "
        "within an hour.",
    )


class JournalRecreated(JournalTrouble):
    """The journal file was deleted (or replaced) while the program ran; a new one was made
    at ``path`` from what the program still had open."""

    template = QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal file was deleted while Piggy Desk was running. A new one was "
        "made with everything the old one held.",
    )


class JournalFoundEmpty(JournalTrouble):
    """At start the journal file existed but was empty (emptied by another program, or a
    disk fault): what it held, reserved vouchers' keys included, is gone."""

    template = QT_TRANSLATE_NOOP(
        "Journal",
        "The counter journal was empty although the file existed: its earlier entries are "
        "lost. Vouchers this counter had reserved are freed by Piggy within an hour.",
    )


@dataclass(frozen=True, slots=True)
class _Finish:
    """An answer that could not be written yet (see ``Journal.finish``)."""

    entry_id: int
    outcome: Outcome
    finished_at: datetime
    up_to: int  # settle only locks up to this entry id
    detail: str | None = None
    release_key: str | None = None
    lock_expires_at: datetime | None = None
    settle_locks_of: str | None = None


@dataclass(frozen=True, slots=True)
class _Settle:
    voucher_uuid: str
    up_to: int


_Write = _Finish | _Settle | JournalEntry  # an entry: one begun while the file was unwritable


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


def move_aside(path: Path, why: str) -> Path:
    """Move the journal at ``path`` (with its -wal and -shm) to a name with ``why`` and the
    time, next to it; the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    kept = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        with suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{kept}{suffix}")
    return kept


PREVIOUS_SANDBOX = "previous-sandbox"
KEPT_SANDBOX_JOURNALS = 5
"""How many training journals of earlier sandboxes are kept (the newest)."""


def begin_training_journal(folder: Path) -> Path | None:
    """Each training start has a new sandbox, seeded afresh: the training journal in
    ``folder`` describes vouchers of one that is gone (its redemptions would count against
    the new sandbox's untouched vouchers, its open locks could not be released there). So
    it is moved aside with the time (``journal.previous-sandbox-<time>.sqlite3``) and the
    start begins a new one; the oldest of those kept are deleted, keeping
    ``KEPT_SANDBOX_JOURNALS``. Call it holding the folder (one copy per folder). Returns
    where the previous one went, None when there was none."""
    path = folder / JOURNAL_FILE
    if not path.exists():
        return None
    kept = move_aside(path, PREVIOUS_SANDBOX)
    log.info("training: the journal of the previous sandbox was moved aside to %s", kept)
    earlier = sorted(folder.glob(f"{path.stem}.{PREVIOUS_SANDBOX}-*{path.suffix}"))
    for old in earlier[:-KEPT_SANDBOX_JOURNALS]:
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                os.remove(f"{old}{suffix}")
    return kept


class JournalFile:
    """The journal's sqlite file: made whole (an empty file at ``path`` was emptied by
    someone else), opened with full sync and checked for damage, made again from the open
    connection when it is deleted or replaced while the program runs, and moved aside
    (never deleted) when it cannot be used. ``Journal`` calls it under its lock; news for a
    person goes into ``events``.
    """

    def __init__(self, path: Path, busy_timeout: float, events: deque[JournalTrouble]) -> None:
        self.path = path
        self._busy_timeout = busy_timeout
        self._events = events
        self.last_id = 0  # the highest entry id the file holds (``Journal`` adds its own)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if path.exists() and path.stat().st_size == 0:
                kept = self._move_aside("empty")
                self._events.append(
                    JournalFoundEmpty(Trouble.MISSING, kept, "an empty journal file at start")
                )
            if not path.exists():
                # A -wal or -shm without its journal would be replayed into the new one.
                if any(os.path.exists(f"{path}{suffix}") for suffix in ("-wal", "-shm")):
                    self._move_aside("leftover")
                self._create(path)
            os.chmod(path, 0o600)
            self.db = self._connect()
        except sqlite3.Error as error:
            if trouble_of(error) != Trouble.DAMAGED:
                raise JournalTrouble(trouble_of(error), path, str(error)) from error
            raise JournalDamaged(
                Trouble.DAMAGED, self._move_aside("damaged"), str(error)
            ) from error
        except OSError as error:
            raise JournalTrouble(trouble_of(error), path, str(error)) from error

    def _create(self, path: Path) -> Path:
        """A new journal, made aside and moved in whole: a file at ``path`` is never empty
        because of us (an empty one at start means it was emptied). Made without sqlite's
        syncs (11 of them, one per step), then synced once, whole, before it is moved in:
        each training start makes one before its first paint."""
        making = path.with_name(path.name + ".new")
        making.unlink(missing_ok=True)
        os.close(os.open(making, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
        db = sqlite3.connect(making, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(f"BEGIN;{_SCHEMA}COMMIT;")
        finally:
            db.close()  # the last connection: its WAL is written into the file and removed
        handle = os.open(making, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(making, path)
        return path

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=self._busy_timeout
        )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: a line that says "pending" is on the disk before the request leaves.
            db.execute("PRAGMA synchronous=FULL")
            if db.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise sqlite3.DatabaseError("quick_check found damage")
            db.executescript(_SCHEMA)
            (last,) = db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()
        except sqlite3.DatabaseError as error:
            db.close()
            if getattr(error, "sqlite_errorcode", None) is None:
                error.sqlite_errorcode = 11  # SQLITE_CORRUPT
            raise
        self.last_id = int(last)
        stat = os.stat(self.path)
        self._identity = (stat.st_dev, stat.st_ino)
        self._handle = os.open(self.path, os.O_RDONLY)
        return db

    def _move_aside(self, why: str) -> Path:
        """Keep a journal that cannot be used (with its -wal and -shm) under a name with
        ``why`` and the time: never deleted, support may want it."""
        kept = move_aside(self.path, why)
        log.error("journal (%s) moved aside to %s", why, kept)
        return kept

    def check(self) -> None:
        """Make the file again if it was deleted or replaced since it was opened."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            stat = None
        if (
            stat is not None
            and (stat.st_dev, stat.st_ino) == self._identity
            and os.fstat(self._handle).st_nlink > 0
        ):
            return
        log.error("the journal file was deleted or replaced while running; making it again")
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if stat is not None:
            self._move_aside("replaced")
        making = self.path.with_name(self.path.name + ".new")
        making.unlink(missing_ok=True)
        os.close(os.open(making, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
        copy = sqlite3.connect(making)
        try:
            self.db.backup(copy)  # everything the open (unlinked) file still holds
        finally:
            copy.close()
        # Closed before the new file opens: closing deletes "<journal>-wal" by name.
        self.db.close()
        with suppress(OSError):
            os.close(self._handle)
        os.replace(making, self.path)
        self.db = self._connect()
        self._events.append(
            JournalRecreated(Trouble.MISSING, self.path, "file deleted while running")
        )

    def close(self) -> None:
        """Close the connection and the handle that tells a deleted file."""
        self.db.close()
        with suppress(OSError):
            os.close(self._handle)


class Journal:
    """The journal's entries, begun and finished, and what they say (its sqlite file is
    ``JournalFile``). Thread-safe; the program calls it on ``executor``.

    What cannot be written once Piggy has acted (disk full, another program holding the
    file) is kept in memory, shown by the reads as if written, and written before the
    next write or by ``flush``. A file deleted or replaced while the program runs is
    noticed before the next write and made again from what the program still has open;
    ``take_events`` hands such news over, for the person.
    """

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = _now,
        busy_timeout: float = 2.0,
    ) -> None:
        self.path = path
        self._clock = clock
        self._lock = threading.Lock()
        self._backlog: list[_Write] = []
        # Appended on the journal's thread, taken on the program's: a deque needs no lock
        # (taking the journal's lock there could wait out another program's lock).
        self._events: deque[JournalTrouble] = deque()
        self._provisional = 0  # ids of entries begun in memory: -1, -2, …
        self._real_ids: dict[int, int] = {}
        self._file = JournalFile(path, busy_timeout, self._events)
        # One worker thread for the program's journal calls: a slow disk never stalls the
        # window, and calls keep their order.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")

    @classmethod
    def in_folder(cls, folder: Path, **options: Unpack[Options]) -> Journal:
        """The journal in the program's data folder."""
        return cls(folder / JOURNAL_FILE, **options)

    def close(self) -> None:
        """Write what waits in memory if it can, close the file and stop the worker
        thread; later calls fail."""
        with self._lock:
            if self._backlog:
                try:
                    self._write_locked(None)
                except JournalTrouble as trouble:
                    log.error(
                        "journal closed with %d change(s) it could not write: %s",
                        len(self._backlog),
                        trouble,
                    )
            self._file.close()
        self.executor.shutdown(wait=False)

    @property
    def behind(self) -> bool:
        """Whether changes wait in memory for the file to take them."""
        return bool(self._backlog)

    def take_events(self) -> list[JournalTrouble]:
        """What happened to the file that a person should hear of (recreated, found empty),
        once each. Never waits for the journal's lock."""
        events: list[JournalTrouble] = []
        while self._events:
            events.append(self._events.popleft())
        return events

    def flush(self) -> bool:
        """Write what waits in memory; True when nothing waits any more."""
        with self._lock:
            if self._backlog:
                self._write_locked(None)
            return not self._backlog

    def keep_up(self) -> None:
        """Make the file again if it was deleted, and write what waits in memory (the
        program calls this every few seconds)."""
        with self._lock:
            if self._backlog:
                self._write_locked(None)
                return
            try:
                self._file.check()
            except (sqlite3.Error, OSError) as error:
                raise JournalTrouble(trouble_of(error), self.path, str(error)) from error

    # --- writing ---------------------------------------------------------------------

    def _write_locked(self, change: Callable[[sqlite3.Connection], T] | None) -> T | None:
        """Write the backlog, then ``change``, in one transaction (called under the lock)."""
        try:
            self._file.check()
            db = self._file.db
            db.execute("BEGIN IMMEDIATE")
            try:
                for waiting in self._backlog:
                    self._apply(db, waiting)
                result = None if change is None else change(db)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    with suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as error:
            raise JournalTrouble(trouble_of(error), self.path, str(error)) from error
        if self._backlog:
            log.warning("the journal took the %d change(s) kept in memory", len(self._backlog))
            self._backlog.clear()
        return result

    def _apply(self, db: sqlite3.Connection, change: _Write) -> None:
        if isinstance(change, JournalEntry):
            cursor = db.execute(
                f"INSERT INTO entries ({_COLUMNS.removeprefix('id, ')})"  # noqa: S608 - fixed text
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    _text(change.started_at),
                    _text(change.finished_at),
                    change.action.value,
                    change.outcome.value,
                    change.code,
                    change.voucher_uuid,
                    change.promotion_uuid,
                    change.promotion_name,
                    change.contact_uuid,
                    change.times,
                    change.detail,
                    _text(change.lock_expires_at),
                    int(change.settled),
                    change.release_key,
                ),
            )
            self._real_ids[change.id] = int(cursor.lastrowid or 0)
            self._file.last_id = max(self._file.last_id, self._real_ids[change.id])
            return
        if isinstance(change, _Settle):
            self._settle_locks(db, change.voucher_uuid, change.up_to)
            return
        if change.settle_locks_of is not None:
            self._settle_locks(db, change.settle_locks_of, change.up_to)
        db.execute(
            "UPDATE entries SET outcome=?, finished_at=?, detail=?,"
            " release_key=?, lock_expires_at=? WHERE id=?",
            (
                change.outcome.value,
                _text(change.finished_at),
                change.detail,
                change.release_key,
                _text(change.lock_expires_at),
                self._real_ids.get(change.entry_id, change.entry_id),
            ),
        )

    def begin(
        self, action: Action, *, code: str, keep: bool = False, **about: Unpack[About]
    ) -> int:
        """Write a pending entry (durably) and return its id.

        When it cannot be written this raises ``JournalTrouble``; with ``keep`` (a release:
        harmless to send unrecorded) the entry is kept in memory under the provisional id
        the trouble carries, and written later."""
        entry = JournalEntry(id=0, started_at=self._clock(), action=action, code=code, **about)

        def insert(db: sqlite3.Connection) -> int:
            self._apply(db, entry)
            return self._real_ids.pop(0)

        with self._lock:
            try:
                written = self._write_locked(insert)
            except JournalTrouble as trouble:
                if not keep:
                    raise
                self._provisional -= 1
                self._backlog.append(dataclasses.replace(entry, id=self._provisional))
                trouble.kept, trouble.entry_id = True, self._provisional
                raise
            assert written is not None
            return written

    def finish(self, entry_id: int, outcome: Outcome, **answer: Unpack[Answer]) -> None:
        """Complete an entry with the answer (see ``Answer``).

        Piggy has answered by now: what cannot be written is kept in memory (and written
        later) and ``JournalTrouble`` with ``kept`` says so."""
        with self._lock:
            finish = _Finish(entry_id, outcome, self._clock(), self._file.last_id, **answer)
            self._keep_or_write(finish)

    def settle_locks(self, voucher_uuid: str) -> None:
        """This voucher's locks are over (released, redeemed or expired): forget their keys."""
        with self._lock:
            self._keep_or_write(_Settle(voucher_uuid, self._file.last_id))

    def _keep_or_write(self, change: _Finish | _Settle) -> None:
        if isinstance(change, _Finish) and change.entry_id < 0:
            for index, waiting in enumerate(self._backlog):
                if isinstance(waiting, JournalEntry) and waiting.id == change.entry_id:
                    # Begun in memory and not written yet: complete it there.
                    self._backlog[index] = _finished(waiting, change)
                    if change.settle_locks_of is not None:
                        self._backlog.append(_Settle(change.settle_locks_of, change.up_to))
                    try:
                        self._write_locked(None)
                    except JournalTrouble as trouble:
                        trouble.kept = True
                        raise
                    return
        try:
            self._write_locked(lambda db: self._apply(db, change))
        except JournalTrouble as trouble:
            self._backlog.append(change)
            trouble.kept = True
            raise

    @staticmethod
    def _settle_locks(db: sqlite3.Connection, voucher_uuid: str, up_to: int) -> None:
        db.execute(
            "UPDATE entries SET settled=1, release_key=NULL"
            " WHERE action=? AND voucher_uuid=? AND settled=0 AND id<=?",
            (Action.LOCK.value, voucher_uuid, up_to),
        )

    # --- reading ---------------------------------------------------------------------

    def _read(
        self, where: str, params: tuple[object, ...], keep: Callable[[JournalEntry], bool]
    ) -> list[JournalEntry]:
        """Entries matching ``where`` (and ``keep``, the same test in Python), as the file
        will hold them once what waits in memory is written; by id."""
        with self._lock:
            rows = self._file.db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE {where} ORDER BY id",  # noqa: S608 - fixed text
                params,
            ).fetchall()
            entries = {entry.id: entry for entry in map(_entry, rows)}
            for change in self._backlog:
                _overlay(entries, change, self._real_ids)
        return [entry for entry in entries.values() if keep(entry)]

    def open_locks(self) -> list[JournalEntry]:
        """Locks this counter took that are not known to be over, oldest first.

        Includes locks whose answer never came (outcome pending or unknown): those may
        hold the voucher without a key this counter knows.
        """
        still_open = (Outcome.OK, Outcome.PENDING, Outcome.UNKNOWN)
        return self._read(
            "action=? AND settled=0",
            (Action.LOCK.value,),
            lambda e: e.action == Action.LOCK and not e.settled and e.outcome in still_open,
        )

    def unfinished(self, *actions: Action) -> list[JournalEntry]:
        """Entries of these actions whose answer never came (pending or unknown), oldest first."""
        marks = ",".join("?" * len(actions))
        waiting = (Outcome.PENDING, Outcome.UNKNOWN)
        return self._read(
            f"action IN ({marks})",
            tuple(a.value for a in actions),
            lambda e: e.action in actions and e.outcome in waiting,
        )

    def entries_of_voucher(self, voucher_uuid: str) -> list[JournalEntry]:
        """Every entry of one voucher, oldest first (what this counter did with it)."""
        return self._read(
            "voucher_uuid=?", (voucher_uuid,), lambda e: e.voucher_uuid == voucher_uuid
        )

    def entries_between(self, start: datetime, end: datetime) -> list[JournalEntry]:
        """Entries started in [start, end), newest first."""
        found = self._read(
            "started_at >= ? AND started_at < ?",
            (_text(start), _text(end)),
            lambda e: start <= e.started_at < end,
        )
        return sorted(found, key=lambda e: (e.id < 0, abs(e.id)), reverse=True)

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


def _finished(entry: JournalEntry, change: _Finish) -> JournalEntry:
    return dataclasses.replace(
        entry,
        outcome=change.outcome,
        finished_at=change.finished_at,
        detail=change.detail,
        release_key=change.release_key,
        lock_expires_at=change.lock_expires_at,
    )


def _overlay(entries: dict[int, JournalEntry], change: _Write, real_ids: dict[int, int]) -> None:
    """Apply a change kept in memory to entries read from the file."""
    if isinstance(change, JournalEntry):
        entries[change.id] = change
        return
    voucher = change.voucher_uuid if isinstance(change, _Settle) else change.settle_locks_of
    if voucher:
        for key, entry in entries.items():
            if (
                entry.action == Action.LOCK
                and entry.voucher_uuid == voucher
                and not entry.settled
                and (entry.id <= change.up_to or entry.id < 0)
            ):
                entries[key] = dataclasses.replace(entry, settled=True, release_key=None)
    if isinstance(change, _Finish):
        target = real_ids.get(change.entry_id, change.entry_id)
        for key in (target, change.entry_id):
            if key in entries:
                entries[key] = _finished(entries[key], change)
