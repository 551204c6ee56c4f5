"""Start-up recovery: ``Recovery`` settles what an earlier run left open in the journal
(a crash, a power cut, a kill).

A redeem or reverse that never heard back is settled with a find; a lock left behind is
released with its key, and whether it still held is Piggy's word, never this computer's
clock. Each settled entry gives a sentence for the cashier. It runs at the start and at
each reconnect (``RedemptionFlow.release_orphans``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from piggy_desk.api import PiggyError, Voucher, VoucherLock, VoucherStatus
from piggy_desk.counter.async_journal import TELL_A_MANAGER, AsyncJournal
from piggy_desk.counter.journal import Action, JournalEntry, JournalTrouble, Outcome
from piggy_desk.counter.reconcile import CANNOT_TELL, PARTIAL_REVERSE
from piggy_desk.logs import register_secret
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate

if TYPE_CHECKING:
    from piggy_desk.api import PiggyClient  # the client (httpx) comes after the first paint

LOCK_LIFETIME = timedelta(hours=1)
NOT_THROUGH = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "The redemption of voucher “{code}” did not go through before the program stopped.",
)
AT_THE_NEXT_START = "confirmed at the next start"


class Release(StrEnum):
    """How a release ended."""

    RELEASED = "released"  # Piggy ended the lock now
    GONE = "gone"  # there was no lock to end any more (expired, redeemed, changed)
    FAILED = "failed"  # it could not be told: the lock may still hold


class Recovery:
    """Settles the journal entries an earlier run left open; one sentence for each that was
    settled or must be told. What Piggy cannot be asked about now is left for next time.

    ``run_started``: entries begun before it belong to an earlier run (this run settles
    its own with ``Reconciler``)."""

    def __init__(
        self,
        client: PiggyClient,
        journal: AsyncJournal,
        release: Callable[[Voucher, VoucherLock], Awaitable[Release]],
        *,
        translate: Translate,
        time_text: Callable[[datetime], str],
        clock: Callable[[], datetime],
    ) -> None:
        self._client, self._journal, self._release = client, journal, release
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = translate
        self._time_text, self._clock = time_text, clock
        self.run_started = clock()
        # The journal's trouble the last ``settle`` told of (a manager's Details).
        self.trouble: JournalTrouble | None = None

    async def settle(self, *, held: str | None, unresolved: int | None) -> list[str]:
        """Settle what earlier runs left, except the voucher this counter holds now
        (``held``) and the redeem it waits to check (``unresolved``, a journal entry); the
        journal's news comes last, for a manager."""
        sentences: list[str | None] = []
        now = self._clock()
        # First the redeems whose answer never came: a redeemed voucher's lock is over,
        # and it must not be reported as released.
        for entry in await self._journal.unfinished(Action.REDEEM, Action.MULTI_REDEEM):
            if (
                entry.voucher_uuid == held
                or entry.id == unresolved
                or entry.started_at >= self.run_started  # this run reconciles its own
                or entry.detail == CANNOT_TELL  # said once already
            ):
                continue
            sentences.append(await self._settle_redeem(entry, now))
        for entry in await self._journal.unfinished(Action.REVERSE):
            if entry.started_at < self.run_started and entry.detail != CANNOT_TELL:
                sentences.append(await self._settle_reverse(entry))
        for entry in await self._journal.open_locks():
            if entry.voucher_uuid is None or entry.voucher_uuid == held:
                continue
            sentences.append(await self._release_orphan(entry, now))
        news = self._journal.take_news()
        sentences.extend(trouble.sentence(self.translate) for trouble in news)
        if news:
            sentences.append(self.translate("RedemptionFlow", TELL_A_MANAGER))
        self.trouble = news[0] if news else None
        return [sentence for sentence in sentences if sentence]

    async def _settle_redeem(self, entry: JournalEntry, now: datetime) -> str | None:
        """Learn with a find whether a redeem an earlier run sent (and never heard back
        about) happened; finish its journal entry and say so. None when it cannot be told
        now (it is asked again at the next start or reconnect)."""
        try:
            voucher = await self._client.vouchers.find(entry.code)
        except PiggyError:
            return None
        # Whether a lock of ours still held when the voucher was found: Piggy's end of the
        # lock against Piggy's time (the find's answer), never this computer's clock.
        piggy_now = self._client.piggy_now()
        had_lock = any(
            lock.voucher_uuid == entry.voucher_uuid
            and lock.started_at <= entry.started_at
            and (
                piggy_now < lock.lock_expires_at
                if lock.lock_expires_at is not None and piggy_now is not None
                else now < lock.started_at + LOCK_LIFETIME
            )
            for lock in await self._journal.open_locks()
        )
        multi_use = voucher.promotion is not None and voucher.promotion.is_multi_use
        status = voucher.status
        if status == VoucherStatus.REDEEMED or (
            multi_use and had_lock and status == VoucherStatus.ACTIVE
        ):
            # Used up, or the lock only a redeem could end is gone: it happened.
            return await self._finished(
                entry,
                Outcome.OK,
                AT_THE_NEXT_START,
                self.translate(
                    "RedemptionFlow", "Voucher “{code}” was redeemed before the program stopped."
                ),
                settle_locks_of=entry.voucher_uuid,
            )
        if not multi_use and status in (VoucherStatus.LOCKED, VoucherStatus.ACTIVE):
            # A single-use voucher that is not used up was not redeemed. (A multi-use one
            # locked now may be locked by another counter after our redeem: not told.)
            return await self._finished(
                entry,
                Outcome.FAILED,
                "not redeemed (found at the next start)",
                self.translate("RedemptionFlow", NOT_THROUGH),
            )
        if multi_use and status == VoucherStatus.ACTIVE and not had_lock:
            # Used once more, or not at all: Piggy's answer cannot tell, and no lock of
            # ours is left to prove it.
            return await self._cannot_tell(entry)
        return None

    async def _settle_reverse(self, entry: JournalEntry) -> str | None:
        """A reverse an earlier run sent and never heard back about: a voucher no longer
        used up shows it happened (as ``Reconciler.reverse`` judges). None when Piggy
        cannot be asked now."""
        try:
            voucher = await self._client.vouchers.find(entry.code)
        except PiggyError:
            return None
        if (entry.detail or "").startswith(PARTIAL_REVERSE):
            # One use of a multi-use voucher may have been given back, or not: its answer
            # has no count of uses.
            return await self._cannot_tell(entry)
        if voucher.status == VoucherStatus.REDEEMED:
            return await self._finished(
                entry,
                Outcome.FAILED,
                "not reversed (found at the next start)",
                self.translate(
                    "RedemptionFlow",
                    "The reversal of voucher “{code}” did not go through before the program "
                    "stopped.",
                ),
            )
        return await self._finished(
            entry,
            Outcome.OK,
            AT_THE_NEXT_START,
            self.translate(
                "RedemptionFlow",
                "The redemption of voucher “{code}” was reversed before the program stopped.",
            ),
        )

    async def _finished(
        self,
        entry: JournalEntry,
        outcome: Outcome,
        detail: str,
        sentence: str,
        *,
        settle_locks_of: str | None = None,
    ) -> str:
        """Finish an entry an earlier run left open; ``sentence`` (with ``{code}``) says so."""
        await self._journal.finish(
            entry.id, outcome, detail=detail, settle_locks_of=settle_locks_of
        )
        return sentence.format(code=entry.code)

    async def _cannot_tell(self, entry: JournalEntry) -> str:
        """Piggy's answers cannot tell whether a redeem or reverse of a multi-use voucher
        happened (they have no count of uses): said once, the entry stays unknown."""
        if entry.action == Action.REVERSE:
            sentence = self.translate(
                "RedemptionFlow",
                "It cannot be told whether one use of voucher “{code}” was given back before "
                "the program stopped. Check it in the Piggy dashboard.",
            )
        else:
            sentence = self.translate(
                "RedemptionFlow",
                "It cannot be told whether voucher “{code}” was redeemed before the program "
                "stopped. Check it in the Piggy dashboard.",
            )
        return await self._finished(entry, Outcome.UNKNOWN, CANNOT_TELL, sentence)

    async def _release_orphan(self, entry: JournalEntry, now: datetime) -> str | None:
        """Give back a lock an earlier run left. Piggy says whether it still holds: a key is
        never given up because this computer's clock says the lock is over."""
        assert entry.voucher_uuid is not None
        if entry.release_key is None:
            # The lock's answer was lost: it began by this computer's clock, and Piggy
            # ends it an hour later.
            expires = entry.started_at + LOCK_LIFETIME
            if await self._not_locked(entry.code) or now >= expires:
                # Never happened, or over (a lock now is another counter's).
                await self._journal.settle_locks(entry.voucher_uuid)
                return None
            return self.translate(
                "RedemptionFlow",
                "Voucher “{code}” may stay reserved until {time}: the answer to its lock was lost.",
            ).format(code=entry.code, time=self._time_text(expires))
        register_secret(entry.release_key)
        lock = VoucherLock(
            voucher_uuid=entry.voucher_uuid,
            status=VoucherStatus.LOCKED,
            release_key=entry.release_key,
            system_release_at=entry.lock_expires_at,
        )
        stub = Voucher(uuid=entry.voucher_uuid, code=entry.code, status=VoucherStatus.LOCKED)
        released = await self._release(stub, lock)
        if released == Release.RELEASED:
            sentence = self.translate(
                "RedemptionFlow",
                "Voucher “{code}” was still reserved by this counter and has been released.",
            ).format(code=entry.code)
            # The key still worked, so no redeem with it happened: one sent while it held
            # (and never answered) did not go through.
            for redeem in await self._journal.unfinished(Action.REDEEM, Action.MULTI_REDEEM):
                if (
                    redeem.voucher_uuid == entry.voucher_uuid
                    and entry.started_at <= redeem.started_at < self.run_started
                ):
                    await self._journal.finish(
                        redeem.id,
                        Outcome.FAILED,
                        detail="not redeemed (its lock still held at the next start)",
                    )
                    sentence = " ".join(
                        (
                            self.translate("RedemptionFlow", NOT_THROUGH).format(code=entry.code),
                            sentence,
                        )
                    )
            return sentence
        if released == Release.GONE:
            return None  # Piggy had ended it already (its hour was up, or it was redeemed)
        return self.translate(
            "RedemptionFlow",
            "Voucher “{code}” is still reserved by this counter; "
            "releasing it failed and will be tried again.",
        ).format(code=entry.code)

    async def _not_locked(self, code: str) -> bool:
        """Whether Piggy says the voucher is not locked (False when it cannot be asked)."""
        try:
            return (await self._client.vouchers.find(code)).status != VoucherStatus.LOCKED
        except PiggyError:
            return False
