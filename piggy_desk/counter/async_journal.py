"""The counter journal as the event loop uses it: ``AsyncJournal`` runs each call on the
journal's one thread (a slow disk never freezes the window, the calls keep their order),
turns a failure into ``JournalUnavailable`` with the sentence a person reads, and keeps
the journal's news for a manager (a change kept in memory, a file made again) until the
next notice takes it. It also keeps the journal up every few seconds (``keep``).

``journal.py`` is the file itself (sqlite, its own thread's side); this is its loop side.
It imports asyncio where it is used: the counter's window imports this module and is
painted before asyncio is imported (see app.py).
"""

from __future__ import annotations

import concurrent.futures
import functools
import logging
import sqlite3
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, TypeVar, Unpack

from piggy_desk.api import PiggyAPIError, PiggyError
from piggy_desk.counter.journal import (
    Action,
    Answer,
    Journal,
    JournalEntry,
    JournalTrouble,
    Outcome,
    as_trouble,
)
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate

if TYPE_CHECKING:
    from piggy_desk.api import Voucher

log = logging.getLogger("piggy_desk.counter")
T = TypeVar("T")

# How long the loop waits for a journal call before awaiting it: well within a frame.
JOURNAL_WAIT_SECONDS = 0.004
# How often a journal that could not take a change is tried again.
JOURNAL_RETRY_SECONDS = 5.0

NOTHING_SENT = QT_TRANSLATE_NOOP("RedemptionFlow", "Nothing was sent to Piggy.")
TELL_A_MANAGER = QT_TRANSLATE_NOOP("RedemptionFlow", "Tell a manager.")


class JournalUnavailable(Exception):
    """The journal could not be read or written; ``trouble`` says why."""

    def __init__(self, sentence: str, trouble: JournalTrouble) -> None:
        super().__init__(sentence)
        self.trouble = trouble


class AsyncJournal:
    """One ``Journal`` as the flow calls it from the loop.

    A change the journal keeps in memory (Piggy has acted: it must not be lost, and the
    action goes on) is news for the next notice (``take_news``) and is tried again by
    ``keep``; any other failure raises ``JournalUnavailable``, which ends the action.
    """

    def __init__(
        self,
        journal: Journal,
        *,
        translate: Translate,
        retry_seconds: float = JOURNAL_RETRY_SECONDS,
    ) -> None:
        self.journal = journal
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = translate
        self._retry_seconds = retry_seconds
        # Journal news for the next notice: a change kept in memory, a file made again.
        self._news: list[JournalTrouble] = []

    def take_news(self) -> list[JournalTrouble]:
        """The journal's news since it was last taken, oldest first."""
        news, self._news = self._news, []
        return news

    async def call(self, function: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a journal call off the loop thread.

        A change the journal keeps in memory is news (and ``keep`` tries it again); any
        other failure raises ``JournalUnavailable`` with the journal's sentence."""
        return await self.started(function, *args, **kwargs)

    def started(
        self, function: Callable[..., T], *args: object, **kwargs: object
    ) -> Coroutine[object, None, T]:
        """``call``, begun at once: the journal's thread starts on it (after the calls before
        it) while the loop goes on; await what this gives back for its result.

        The flow draws the counter meanwhile, where it would have waited for the disk. Await
        it on every path (``finally`` where other work comes between): else a change the
        journal keeps in memory is never told."""
        future = self.journal.executor.submit(functools.partial(function, *args, **kwargs))
        return self._outcome(future)

    async def _outcome(self, future: concurrent.futures.Future[T]) -> T:
        try:
            # Still on the journal's one thread (a slow disk never freezes the window, the
            # calls keep their order), but a call done within JOURNAL_WAIT_SECONDS (a
            # durable commit takes about 0.3 ms) is taken at once: awaiting it would cost
            # three turns of the Qt loop, repaints included, each time (issue 20).
            concurrent.futures.wait([future], timeout=JOURNAL_WAIT_SECONDS)
            if future.done():
                return future.result()
            import asyncio

            return await asyncio.wrap_future(future)
        except (JournalTrouble, sqlite3.Error) as error:
            trouble = as_trouble(error, self.journal.path)
            log.error("journal call failed: %s", trouble)
            if trouble.kept:
                self._news.append(trouble)  # and ``keep`` tries again
                # What the call gives back: a begun entry's provisional id, else nothing.
                return trouble.entry_id  # type: ignore[return-value]
            raise JournalUnavailable(trouble.sentence(self.translate), trouble) from error
        finally:
            self._news.extend(self.journal.take_events())

    # --- writing -----------------------------------------------------------------------

    def begin(
        self,
        action: Action,
        voucher: Voucher,
        *,
        contact_uuid: str | None = None,
        times: int = 1,
        keep: bool = False,
        detail: str | None = None,
    ) -> Coroutine[object, None, int]:
        """The journal entry before the request, written from now on (``started``); await
        it for the entry's id before the request goes: when it cannot be written nothing
        is sent (``keep``: the entry waits in memory and the request goes out)."""
        promotion = voucher.promotion
        return self._begun(
            self.started(
                self.journal.begin,
                action,
                code=voucher.code,
                voucher_uuid=voucher.uuid,
                promotion_uuid=promotion.uuid if promotion else None,
                promotion_name=(promotion.name if promotion else None) or voucher.name or None,
                contact_uuid=contact_uuid,
                times=times,
                keep=keep,
                detail=detail,
            )
        )

    async def _begun(self, writing: Coroutine[object, None, int]) -> int:
        try:
            return await writing
        except JournalUnavailable as unavailable:
            raise JournalUnavailable(
                f"{unavailable} {self.translate('RedemptionFlow', NOTHING_SENT)}",
                unavailable.trouble,
            ) from unavailable

    def finish(
        self, entry: int, outcome: Outcome, **answer: Unpack[Answer]
    ) -> Coroutine[object, None, None]:
        """Complete an entry with the answer (``Journal.finish``), written from now on
        (``started``); await it before anything is said of the answer: a change the journal
        had to keep in memory goes with that sentence."""
        return self.started(self.journal.finish, entry, outcome, **answer)

    async def finish_failed(
        self, entry: int, error: PiggyError, *, note: str | None = None
    ) -> None:
        """Complete an entry whose request failed: unknown when the answer was lost (with
        ``note``, what the next start must know of it), refused when Piggy said no, else
        failed."""
        if error.ambiguous:
            outcome = Outcome.UNKNOWN
        elif isinstance(error, PiggyAPIError):
            outcome = Outcome.REFUSED
        else:
            outcome = Outcome.FAILED
        detail = f"{type(error).__name__}" + (f" {error.code}" if error.code else "")
        if note and error.ambiguous:  # what the next start must know of it
            detail = f"{note}: {detail}"
        await self.finish(entry, outcome, detail=detail)

    async def settle_locks(self, voucher_uuid: str) -> None:
        """This voucher's locks are over: forget their keys (``Journal.settle_locks``)."""
        await self.call(self.journal.settle_locks, voucher_uuid)

    async def flush(self) -> bool:
        """Write what the journal keeps in memory now; True when nothing waits."""
        return await self.call(self.journal.flush)

    # --- reading -----------------------------------------------------------------------

    async def unfinished(self, *actions: Action) -> list[JournalEntry]:
        """Entries of these actions whose answer never came, oldest first."""
        return await self.call(self.journal.unfinished, *actions)

    async def open_locks(self) -> list[JournalEntry]:
        """Locks this counter took that are not known to be over, oldest first."""
        return await self.call(self.journal.open_locks)

    async def entries_of_voucher(self, voucher_uuid: str) -> list[JournalEntry]:
        """Every entry of one voucher, oldest first."""
        return await self.call(self.journal.entries_of_voucher, voucher_uuid)

    # --- keeping up --------------------------------------------------------------------

    async def keep(self, tell: Callable[[JournalTrouble, str], None]) -> None:
        """Every few seconds: make the journal file again if it was deleted, write what it
        keeps in memory; ``tell`` what happened to the file (a manager must hear of it)."""
        import asyncio

        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self._retry_seconds)
            was_behind = self.journal.behind
            try:
                await loop.run_in_executor(self.journal.executor, self.journal.keep_up)
            except (JournalTrouble, sqlite3.Error) as error:
                log.info("the counter journal still cannot be written: %s", error)
            else:
                if was_behind:
                    log.warning("the counter journal has taken what it kept in memory")
            news = self.journal.take_events()
            if news:
                first, *rest = news
                self._news.extend(rest)
                tell(
                    first,
                    " ".join(
                        (
                            first.sentence(self.translate),
                            self.translate("RedemptionFlow", TELL_A_MANAGER),
                        )
                    ),
                )
