"""Settling a request whose answer was lost, with a find: ``Reconciler``.

A lock, redeem or reverse whose answer never came (a timeout, a dropped connection) is
never sent again blindly. The voucher is found again; what Piggy has now tells what
happened (a lock this counter still holds proves the redeem did not happen, a lock that
is gone proves it did), the journal entry is finished with it and the cashier is told the
truth. What a find cannot tell stays open in the journal for ``recovery.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from piggy_desk.api import PiggyError, Voucher, VoucherStatus
from piggy_desk.counter.async_journal import AsyncJournal
from piggy_desk.counter.journal import Outcome
from piggy_desk.counter.view import CounterBoard, Stage
from piggy_desk.notices import Tone

if TYPE_CHECKING:
    from piggy_desk.api import PiggyClient  # the client (httpx) comes after the first paint

# A redeem or reverse whose outcome Piggy's answers cannot tell (see ``Recovery``).
CANNOT_TELL = "cannot be told (found at the next start)"
# The journal's note on a reverse of a voucher that was not used up (a multi-use one): a
# later find cannot tell whether it happened (Piggy's answers have no count of uses).
PARTIAL_REVERSE = "one use of a voucher not used up"
CONFIRMED = "confirmed by a later find"


class Reconciler:
    """Finds a voucher again after a request's answer was lost and tells the truth.

    ``unresolved`` is the journal entry and times of a redeem whose voucher could not be
    found either (the counter waits on Check again, ``RedemptionFlow.recheck``)."""

    def __init__(self, client: PiggyClient, journal: AsyncJournal, board: CounterBoard) -> None:
        self._client = client
        self._journal = journal
        self._board = board
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = board.translate
        self.unresolved: tuple[int, int] | None = None

    async def lock_never_happened(self, voucher: Voucher, error: PiggyError) -> bool:
        """A lock's answer was lost: a voucher found not locked is not reserved now; say so.

        The journal entry stays open (unknown): a lock still on its way to Piggy (a slow
        server carries on after the counter gave up) could land after this find, and the
        next start or reconnect checks again (``Recovery``)."""
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError:
            return False
        if now.status == VoucherStatus.LOCKED:
            return False
        self._board.show(now)
        self._board.say(
            Tone.ERROR,
            self.translate(
                "RedemptionFlow", "{problem} The voucher was not reserved when checked. Try again."
            ).format(problem=self._board.error_text(error)),
            error,
        )
        return True

    async def redeem(self, entry: int, voucher: Voucher, *, had_lock: bool, times: int) -> None:
        """A redeem's answer was lost: find the voucher and tell the truth."""
        board = self._board
        board.update(
            busy=self.translate(
                "RedemptionFlow", "The answer was lost. Checking whether the voucher was redeemed…"
            )
        )
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError as error:
            self.unresolved = (entry, times)
            board.update(Stage.UNRESOLVED)
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost, and the voucher could not be "
                    "checked. Do not hand out the reward yet: press Check again when the "
                    "connection is back.",
                ),
                error,
            )
            return
        self.unresolved = None
        multi_use = voucher.promotion is not None and voucher.promotion.is_multi_use
        if now.status == VoucherStatus.REDEEMED or (
            had_lock and now.status == VoucherStatus.ACTIVE
        ):
            # Our lock is gone (a redeem ends it) or the voucher is used: it happened.
            await self._journal.finish(
                entry, Outcome.OK, detail=CONFIRMED, settle_locks_of=voucher.uuid
            )
            board.piggy_count_changed(voucher.uuid, -times)
            await board.count_uses_here(now)
            board.done(now, just_redeemed=times)
            board.say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow",
                    "Redeemed. (The answer was lost, but Piggy confirms the voucher was used.)",
                ),
            )
        elif had_lock and now.status == VoucherStatus.LOCKED:
            await self._journal.finish(entry, Outcome.FAILED, detail="not redeemed (find)")
            # LOCKED is this counter's own lock: show the voucher as it was while confirming
            # (Piggy's LOCKED reads "in use at another counter").
            board.update(Stage.CONFIRMING, voucher=voucher, busy=None)
            if waits := board.enter_waits():
                lost = self.translate(
                    "RedemptionFlow", "Piggy's answer was lost. The voucher was NOT redeemed."
                )
                board.say(Tone.ERROR, f"{lost} {waits}")
            else:
                board.say(
                    Tone.ERROR,
                    self.translate(
                        "RedemptionFlow",
                        "Piggy's answer was lost. The voucher was NOT redeemed. "
                        "Press Enter to try again.",
                    ),
                )
        elif not had_lock and multi_use:
            board.update(Stage.SHOWING, voucher=now, lock=None, busy=None)
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost and it cannot be told how many "
                    "uses were made. Check the voucher in the Piggy dashboard before trying again.",
                ),
            )
        else:
            await self._journal.finish(entry, Outcome.FAILED, detail="not redeemed (find)")
            board.done(now)
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost. The voucher was NOT redeemed.",
                ),
            )

    async def reverse(self, entry: int, voucher: Voucher, error: PiggyError) -> None:
        """A reverse's answer was lost: find the voucher; a voucher no longer used proves the
        reverse happened. Never offered again blindly: a second reverse would undo another use."""
        board = self._board
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError:
            # The card must not offer Reverse again on a voucher that may be reversed already.
            board.clear()
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost, and the voucher could not be "
                    "checked. Scan it again to see whether the redemption was reversed.",
                ),
                error,
            )
            return
        if voucher.status != VoucherStatus.REDEEMED:
            # One use of a voucher that was not used up: Piggy's answer has no count of
            # uses to tell whether it was given back. The entry stays unknown; said once.
            await self._journal.finish(entry, Outcome.UNKNOWN, detail=CANNOT_TELL)
            await board.count_uses_here(now)
            board.show(now)
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost, and Piggy's answers do not say "
                    "how many uses are left: it cannot be told whether one use was given back. "
                    "Check the voucher in the Piggy dashboard.",
                ),
                error,
            )
            return
        reversed_ = now.status != VoucherStatus.REDEEMED
        await self._journal.finish(
            entry,
            Outcome.OK if reversed_ else Outcome.FAILED,
            detail=CONFIRMED if reversed_ else "not reversed (find)",
        )
        if reversed_:
            board.piggy_count_changed(voucher.uuid, +1)
        await board.count_uses_here(now)
        board.show(now)
        if reversed_:
            board.say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow",
                    "The redemption was reversed. (The answer was lost, but Piggy confirms it.)",
                ),
            )
        else:
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost. The redemption was NOT reversed.",
                ),
                error,
            )
