"""The journal failing under the counter: write-locked by another program, its disk full,
deleted while the program runs, emptied or damaged before a start. Real faults (a second
process holding sqlite's lock, a small tmpfs filled up, the file unlinked), the real
client and the sandbox over loopback."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from piggy_desk.counter import async_journal
from piggy_desk.counter.flow import CounterView, RedemptionFlow, Stage
from piggy_desk.counter.journal import (
    TROUBLE_SENTENCES,
    Action,
    Journal,
    JournalDamaged,
    Outcome,
    Trouble,
    trouble_of,
)
from piggy_desk.counter.view import CounterBoard
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, RunningSandbox
from tests.reliability.driver import Run, program
from tests.reliability.local_faults import (
    AnswerHook,
    FullDisk,
    JournalLocker,
    delete_journal,
    small_disk,
)

NOTHING_SENT = "Nothing was sent to Piggy"


@dataclass
class Counter:
    run: Run
    hook: AnswerHook

    @property
    def flow(self) -> RedemptionFlow:
        return self.run.flow

    @property
    def said(self) -> list[str]:
        return [n.sentence for n in self.run.screen.notices]


@asynccontextmanager
async def counter(sandbox: RunningSandbox, folder: Path) -> AsyncIterator[Counter]:
    hook = AnswerHook()
    async with program(sandbox, folder, transport=hook) as run:
        yield Counter(run, hook)


async def _to_confirm(run: Run, code: str) -> None:
    await run.scan(code)
    await run.flow.redeem()
    assert run.flow.view.stage == Stage.CONFIRMING, run.screen.notices


async def test_redeem_answer_while_another_program_holds_the_journal(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1: the journal is write-locked when the redeem's answer arrives. The
    cashier reads that it was redeemed (never "nothing was sent"), is not offered the
    redemption again, and the entry reaches the journal once the lock is gone."""
    code = KNOWN.MULTI_USE
    used = sandbox.voucher_state(code)["redemptions_used"]
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    try:
        async with counter(sandbox, tmp_path) as c:
            await _to_confirm(c.run, code)
            c.hook.on_answer("POST", "/vouchers/redeem", locker.hold)
            await c.flow.confirm()
            assert sandbox.voucher_state(code)["redemptions_used"] == used + 1
            assert not any(NOTHING_SENT in s for s in c.said), c.said
            last = c.run.screen.notices[-1]
            assert last.tone == Tone.SUCCESS and last.sentence.startswith("Redeemed"), last
            assert "keeps this in memory" in last.sentence and "manager" in last.sentence, last
            assert last.error is not None and "locked" in str(last.error.details()).lower()
            assert c.flow.view.stage == Stage.SHOWING, c.said
            # Enter again, as the cashier did once the other program let go: nothing more.
            locker.let_go()
            await c.flow.confirm()
            assert sandbox.voucher_state(code)["redemptions_used"] == used + 1
            # The next journal write, or the retry timer, brings it to disk.
            await c.flow.flush_journal()
            reader = Journal(c.run.journal.path)
            redeems = reader.unfinished(Action.REDEEM)
            reader.close()
            assert redeems == []
        again = Journal.in_folder(tmp_path)
        outcomes = [
            e.outcome for e in again.entries_between(*_today()) if e.action == Action.REDEEM
        ]
        again.close()
        assert outcomes == [Outcome.OK]
    finally:
        locker.let_go()


async def test_reverse_answer_while_the_disk_is_full(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1 with Reverse: one use given back, said as done, never offered again."""
    code = KNOWN.MULTI_USE_ONE_LEFT
    with small_disk(tmp_path / "disk") as disk:
        async with counter(sandbox, disk / "data") as c:
            assert await c.run.redeem_once(code)
            used = sandbox.voucher_state(code)["redemptions_used"]
            full = FullDisk(disk)
            c.hook.on_answer("POST", "/reverse", full.fill)
            try:
                await c.flow.reverse()
                assert sandbox.voucher_state(code)["redemptions_used"] == used - 1
                assert not any(NOTHING_SENT in s for s in c.said), c.said
                last = c.run.screen.notices[-1]
                assert last.tone == Tone.SUCCESS and "reversed" in last.sentence, last
                assert "disk is full" in last.sentence, last
                assert not c.flow.view.can_reverse
            finally:
                full.free()
            await c.flow.reverse()
            assert sandbox.voucher_state(code)["redemptions_used"] == used - 1


async def test_a_lock_taken_while_the_disk_is_full_can_still_be_released(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.1 with a lock: its release key stays in memory, Cancel releases it."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    with small_disk(tmp_path / "disk") as disk:
        async with counter(sandbox, disk / "data") as c:
            full = FullDisk(disk)
            await c.run.scan(code)
            c.hook.on_answer("POST", "/lock", full.fill)
            try:
                await c.flow.redeem()
                assert sandbox.voucher_state(code)["status"] == "LOCKED"
                assert c.flow.view.stage == Stage.CONFIRMING, c.said
                assert not any(NOTHING_SENT in s for s in c.said), c.said
                await c.flow.cancel()  # the disk is still full
                assert sandbox.voucher_state(code)["status"] == "ACTIVE", c.said
                assert c.said[-1].startswith("Cancelled"), c.said
            finally:
                full.free()


async def test_begin_refused_says_nothing_was_sent_and_names_the_cause(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Before the request, "nothing was sent" is true; the cause is told apart."""
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    try:
        async with counter(sandbox, tmp_path) as c:
            await c.run.scan(KNOWN.ACTIVE_WITH_CONTACT)
            locker.hold()
            await c.flow.redeem()
            assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
            assert NOTHING_SENT in c.said[-1] and "another program" in c.said[-1], c.said
            assert "disk is full" not in c.said[-1]
            locker.let_go()
    finally:
        locker.let_go()


async def test_a_journal_held_by_another_program_never_freezes_the_counter(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """While the journal waits for another program's lock (up to its busy timeout), the
    loop keeps turning: the window repaints and takes keys."""
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    turns = 0

    async def ticker() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0.001)
            turns += 1

    try:
        async with counter(sandbox, tmp_path) as c:
            await c.run.scan(KNOWN.ACTIVE_WITH_CONTACT)
            locker.hold()
            ticking = asyncio.create_task(ticker())
            await asyncio.sleep(0)
            turns = 0
            await c.flow.redeem()  # its pending line waits 0.2 s for the lock, then gives up
            ticking.cancel()
            assert NOTHING_SENT in c.said[-1], c.said
            assert turns >= 5, turns
            locker.let_go()
    finally:
        locker.let_go()


async def test_journal_writes_done_at_once_are_not_awaited_through_the_loop(
    sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20: a journal call the disk has done (a durable commit: a fraction of a
    millisecond) is taken without handing its answer back through the event loop, which
    cost turns of the Qt loop, repaints included, four times per redemption. Here the
    wait is made long, so that a busy machine cannot make the journal slower than it."""
    monkeypatch.setattr(async_journal, "JOURNAL_WAIT_SECONDS", 30.0)
    handed_back: list[object] = []
    async with counter(sandbox, tmp_path) as c:
        loop = asyncio.get_running_loop()
        call_soon_threadsafe = loop.call_soon_threadsafe

        def watched(callback: Any, *args: Any, **kwargs: Any) -> Any:
            if threading.current_thread().name.startswith("journal"):
                handed_back.append(callback)
            return call_soon_threadsafe(callback, *args, **kwargs)

        monkeypatch.setattr(loop, "call_soon_threadsafe", watched)
        assert await c.run.redeem_once(KNOWN.ACTIVE_WITH_CONTACT)
        monkeypatch.undo()
        written = c.run.entries(Action.LOCK, Action.REDEEM)
    assert [e.outcome for e in written] == [Outcome.OK, Outcome.OK]
    assert handed_back == []


@pytest.mark.filterwarnings("error:coroutine .* was never awaited:RuntimeWarning")
async def test_a_redemption_cancelled_while_its_answer_is_written_still_tells_of_it(
    sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program closing mid-redemption (its task cancelled) after Piggy has redeemed,
    while the card's uses are read and the answer is being written into a journal another
    program holds: the write's outcome is still taken. The change kept in memory goes
    with the next notice, for a manager, and no journal call is left never awaited."""
    code = KNOWN.MULTI_USE
    locker = JournalLocker(tmp_path / "journal.sqlite3")
    reading = asyncio.Event()
    count_uses_here = CounterBoard.count_uses_here

    async def counting(board: CounterBoard, voucher: Any) -> None:
        reading.set()
        await count_uses_here(board, voucher)

    try:
        async with counter(sandbox, tmp_path) as c:
            await _to_confirm(c.run, code)
            used = sandbox.voucher_state(code)["redemptions_used"]
            c.hook.on_answer("POST", "/vouchers/redeem", locker.hold)
            monkeypatch.setattr(CounterBoard, "count_uses_here", counting)
            confirming = asyncio.create_task(c.flow.confirm())
            await reading.wait()
            confirming.cancel()
            with pytest.raises(asyncio.CancelledError):
                await confirming
            monkeypatch.undo()
            assert sandbox.voucher_state(code)["redemptions_used"] == used + 1
            locker.let_go()
            await c.flow.flush_journal()
            # The counter as the next start finds it (it closed mid-redemption).
            c.flow._board._view = CounterView()
            await c.run.scan(KNOWN.REDEEMED)
            last = c.run.screen.notices[-1]
            assert "keeps this in memory" in last.sentence and "manager" in last.sentence, last
    finally:
        locker.let_go()


def _today() -> tuple[object, object]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    return now - timedelta(days=1), now + timedelta(days=1)


def _journal_with_an_open_lock(folder: Path) -> Path:
    journal = Journal.in_folder(folder)
    lock = journal.begin(Action.LOCK, code="A", voucher_uuid="v-a")
    journal.finish(lock, Outcome.OK, release_key="key-a")
    for n in range(200):  # some pages, so that the middle of the file is entries
        journal.begin(Action.REDEEM, code=f"B{n}", voucher_uuid=f"v-b{n}")
    journal.close()
    return journal.path


def test_a_garbage_journal_at_start_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    """Finding 13.7 (the journal's part): never deleted, a clear exception, a fresh start."""
    path = _journal_with_an_open_lock(tmp_path)
    garbage = b"this is not a database, a backup tool wrote it " * 200
    path.write_bytes(garbage)
    with pytest.raises(JournalDamaged) as raised:
        Journal.in_folder(tmp_path)
    damaged = raised.value
    assert damaged.path.read_bytes() == garbage  # kept, under a name with the time
    assert damaged.path.name.startswith("journal.damaged-") and damaged.path != path
    assert str(damaged.path) in damaged.sentence() and "could not be read" in damaged.sentence()
    fresh = Journal.in_folder(tmp_path)
    assert fresh.open_locks() == [] and fresh.take_events() == []
    fresh.begin(Action.LOCK, code="C")
    fresh.close()


@pytest.mark.parametrize("harm", ["truncated", "garbage in the middle"])
def test_a_harmed_journal_at_start_is_told_as_damaged(tmp_path: Path, harm: str) -> None:
    path = _journal_with_an_open_lock(tmp_path)
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096, len(data)
    if harm == "truncated":
        data = data[: len(data) // 2 + 100]
    else:
        middle = len(data) // 2
        data[middle : middle + 3 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged) as raised:
        Journal.in_folder(tmp_path)
    assert raised.value.path.read_bytes() == bytes(data)
    assert "disk is full" not in raised.value.sentence()


def test_sentences_are_told_apart_by_what_sqlite_said(tmp_path: Path) -> None:
    """Garbage in the middle of the journal must not read "is the disk full?"."""
    path = _journal_with_an_open_lock(tmp_path)
    errors: dict[Trouble, sqlite3.Error] = {}
    locker = JournalLocker(path)
    locker.hold()
    try:
        busy = sqlite3.connect(path, timeout=0.05, isolation_level=None)
        with pytest.raises(sqlite3.Error) as raised:
            busy.execute("BEGIN IMMEDIATE")
        errors[Trouble.BUSY] = raised.value
        busy.close()
    finally:
        locker.let_go()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as raised:
        read_only.execute("DELETE FROM entries")
    errors[Trouble.READ_ONLY] = raised.value
    read_only.close()
    data = bytearray(path.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    damaged = sqlite3.connect(path)
    with pytest.raises(sqlite3.Error) as raised:
        damaged.execute("DELETE FROM entries")
    errors[Trouble.DAMAGED] = raised.value
    damaged.close()
    with pytest.raises(sqlite3.Error) as raised:
        sqlite3.connect(tmp_path / "gone" / "journal.sqlite3")
    errors[Trouble.MISSING] = raised.value
    for trouble, error in errors.items():
        assert trouble_of(error) == trouble, (trouble, error)
    sentences = {TROUBLE_SENTENCES[trouble_of(error)] for error in errors.values()}
    assert len(sentences) == len(errors)
    assert not any("full" in sentence for sentence in sentences)


async def test_a_journal_deleted_while_running_is_made_again_and_a_manager_told(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Finding 13.5: writes must not go on into the unlinked file."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    async with counter(sandbox, tmp_path) as c:
        await _to_confirm(c.run, code)
        old_inode = c.run.journal.path.stat().st_ino
        delete_journal(c.run.journal.path)
        await c.flow.cancel()
        assert sandbox.voucher_state(code)["status"] == "ACTIVE"
        assert c.run.journal.path.exists() and c.run.journal.path.stat().st_ino != old_inode
        last = c.run.screen.notices[-1]
        assert last.sentence.startswith("Cancelled"), last
        assert "deleted while Piggy Desk was running" in last.sentence, last
        assert "Tell a manager." in last.sentence and last.error is not None
    again = Journal.in_folder(tmp_path)
    entries = again.entries_between(*_today())
    again.close()
    # Everything is in the new file: the lock (now settled) and its release.
    assert [(e.action, e.outcome, e.settled) for e in reversed(entries)] == [
        (Action.LOCK, Outcome.OK, True),
        (Action.RELEASE, Outcome.OK, False),
    ]


async def test_a_journal_deleted_while_a_lock_is_held_then_a_crash_leaves_no_orphan(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """Deleted while a voucher waits for confirmation, then the program dies: the watch
    made the file again in time, so the next start still releases the lock."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    hook = AnswerHook()
    async with program(sandbox, tmp_path, transport=hook, journal_retry_seconds=0.05) as run:
        await _to_confirm(run, code)
        delete_journal(run.journal.path)
        for _ in range(200):
            # The file is back (on the journal's thread) a moment before the loop hears so.
            told = any("deleted while" in n.sentence for n in run.screen.notices)
            if run.journal.path.exists() and told:
                break
            await asyncio.sleep(0.01)
        assert run.journal.path.exists()
        assert any("deleted while" in n.sentence for n in run.screen.notices), run.screen.notices
        run.flow._board._view = CounterView()  # dies holding it: nothing is released on the way out
    async with program(sandbox, tmp_path) as restart:
        assert sandbox.voucher_state(code)["status"] == "ACTIVE", restart.start_sentences
        assert any("has been released" in s for s in restart.start_sentences)


async def test_an_empty_journal_at_start_is_told(sandbox: RunningSandbox, tmp_path: Path) -> None:
    """Finding 13.5: a zero-length journal is not a fresh one: its lock's key is lost, and
    the manager is told so (the lock is not said to be released)."""
    code = KNOWN.ACTIVE_WITH_CONTACT
    async with program(sandbox, tmp_path) as run:
        await _to_confirm(run, code)
        run.flow._board._view = CounterView()  # dies holding it
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    async with program(sandbox, tmp_path) as restart:
        said = " ".join(restart.start_sentences)
        assert "was empty although the file existed" in said and "within an hour" in said, said
