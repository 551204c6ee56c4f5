"""What the counter shows and says: the ``CounterView`` snapshot, the recent scans, what
is known of a voucher's uses, and ``CounterBoard``, the one place where the flow and its
helpers (``flow.py``, ``reconcile.py``) change the view and give a ``Notice``.

Below the flow, so that its helpers can show and say without importing it. No Qt here:
the window listens through ``CounterListener``. The window takes what it shows from here,
not from ``flow.py``, and is painted before asyncio is imported (see app.py): asyncio is
imported where it is used.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from piggy_desk.api import NotEnoughRedemptions, PiggyError
from piggy_desk.counter.async_journal import TELL_A_MANAGER, AsyncJournal, JournalUnavailable
from piggy_desk.counter.journal import Action, JournalTrouble, Outcome
from piggy_desk.notices import Notice, Problem, Tone
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate

if TYPE_CHECKING:
    from piggy_desk.api import Contact, Voucher, VoucherLock

RECENT_SCANS = 20


class Stage(StrEnum):
    """Where the counter stands."""

    IDLE = "idle"  # nothing shown
    SHOWING = "showing"  # a voucher is shown
    NEEDS_CONTACT = "needs_contact"  # locked, waiting for the customer's card or e-mail
    CONFIRMING = "confirming"  # locked, waiting for Enter (confirm) or Esc (cancel)
    UNRESOLVED = "unresolved"  # a redeem's answer was lost and could not be checked yet


# What a recent scan came to, besides a voucher's status (``VoucherStatus``).
NOT_FOUND = "NOT_FOUND"  # Piggy has no voucher with this code
NOT_CHECKED = "NOT_CHECKED"  # it could not be checked (no connection, an error)
REDEEMED_HERE = "REDEEMED_HERE"  # redeemed at this counter after the scan
REVERSED_HERE = "REVERSED_HERE"  # its redemption reversed at this counter after the scan
# What the card says in place of a voucher's status that Piggy has just contradicted (a
# refusal): being looked up again, and then NOT_CHECKED when that look-up failed.
CHECKING = "CHECKING"
# Outcomes at this counter: they change the newest scan of the same code, never add one.
_HERE = (REDEEMED_HERE, REVERSED_HERE)

OFFLINE_SENTENCE = QT_TRANSLATE_NOOP(
    "RedemptionFlow", "No connection to Piggy: vouchers cannot be checked or redeemed now."
)
# Piggy answers, but with errors: the network is fine, so no word of the connection.
FAILING_SENTENCE = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "Piggy is not answering as it should just now: vouchers cannot be checked or redeemed. "
    "Try again in a moment.",
)


@dataclass(frozen=True, slots=True)
class RecentScan:
    """One of the last scans: the code, what it came to and when (this computer's clock)."""

    code: str
    outcome: str
    at: datetime


@dataclass(frozen=True, slots=True)
class UsesKnown:
    """What is known of a voucher's uses, and where it comes from. Piggy's voucher answers
    carry no count of uses left: there are the uses per voucher (the promotion), the uses
    this counter made and reversed (its journal, every run), and a count Piggy gave in a
    refusal (since then less the uses made here, plus those reversed here)."""

    per_voucher: int | None = None
    made_here: int | None = None  # None: the journal could not be read
    reversed_here: int = 0
    left_said: int | None = None
    left_said_at: datetime | None = None
    # A redeem or reverse of it here whose outcome is not known (its answer was lost).
    in_doubt: bool = False

    @property
    def used_here(self) -> int:
        """Uses this counter made and did not reverse."""
        return max(0, (self.made_here or 0) - self.reversed_here)

    @property
    def most_left(self) -> int | None:
        """The most uses the voucher can have left, by what is known (None: not known)."""
        bounds = [] if self.left_said is None else [self.left_said]
        if self.per_voucher:
            bounds.append(max(0, self.per_voucher - self.used_here))
        return min(bounds) if bounds else None


@dataclass(frozen=True, slots=True)
class CounterView:
    """Everything the counter screen shows, as one immutable snapshot."""

    stage: Stage = Stage.IDLE
    voucher: Voucher | None = None
    lock: VoucherLock | None = None
    contact: Contact | None = None
    busy: str | None = None
    waiting_scans: int = 0
    recent: tuple[RecentScan, ...] = ()
    online: bool = True
    # Why not online, as the window says it (translated): Piggy answering with errors,
    # refusing the token, in maintenance; the line works, and "no connection" would be
    # untrue. Empty: no connection (OFFLINE_SENTENCE).
    offline_why: str = ""
    # When the lock ends, on ``time.monotonic()``: counted from Piggy's own times, so a
    # computer clock that is off does not make the countdown wrong.
    reserved_until: float | None = None
    # Uses the last confirm at this counter made of the shown voucher (0: none): the card
    # says "redeemed just now", not "already used", right after a redemption.
    just_redeemed: int = 0
    uses: UsesKnown = dataclasses.field(default_factory=UsesKnown)
    # CHECKING or NOT_CHECKED: the shown voucher's status is not known since Piggy refused
    # it (the card does not say the status it had); None: the voucher is shown as Piggy has it.
    status_unknown: str | None = None
    # The window is closing: nothing more is done with the voucher (``begin_closing``).
    closing: bool = False
    # The customer a manager chose beforehand (Contacts screen), for the next voucher
    # without one (``CustomerStep.preset``): the card says so as soon as such a voucher shows.
    ready_customer: Contact | None = None

    def reserved_for(self) -> float | None:
        """Seconds the shown lock still holds (None without a lock with an end)."""
        if self.reserved_until is None:
            return None
        return max(0.0, self.reserved_until - time.monotonic())

    @property
    def recent_codes(self) -> tuple[str, ...]:
        """The codes of the last scans, newest first."""
        return tuple(scan.code for scan in self.recent)

    @property
    def can_redeem(self) -> bool:
        return (
            self.online
            and not self.closing
            and self.stage == Stage.SHOWING
            and self.voucher is not None
            and self.voucher.status == "ACTIVE"
        )

    @property
    def can_reverse(self) -> bool:
        """A voucher that has been used: used up (Piggy's status, its ``redeemed_at``) or used
        at this counter (the journal); a reverse gives back one use."""
        voucher = self.voucher
        if self.stage != Stage.SHOWING or voucher is None or self.closing:
            return False
        from piggy_desk.api import VoucherStatus  # (models: not before the first paint)

        return voucher.status == VoucherStatus.REDEEMED or (
            voucher.status == VoucherStatus.ACTIVE
            and (voucher.redeemed_at is not None or self.uses.used_here > 0)
            and not self.uses.in_doubt  # a second reverse could undo another use
        )


class CounterListener(Protocol):
    """What the window implements to follow the flow."""

    def counter_changed(self, view: CounterView) -> None: ...

    def counter_said(self, notice: Notice) -> None: ...


KEPT_IN_MEMORY = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "Piggy Desk keeps this in memory and writes it into the journal as soon as it can. "
    "Tell a manager.",
)
SCAN_WAITING = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "A scan is waiting. Click Confirm to redeem {name} first, or press Esc to cancel; then "
    "the scan is shown.",
)


class CounterBoard:
    """The counter's view and voice: every change of what the counter shows goes through
    ``update``, every sentence through ``say`` (with the journal's news for a manager).

    It also keeps what is known of each voucher's uses (the journal's count of the uses
    made and reversed here, and the count of uses left Piggy gave in a refusal), which the
    card shows with the voucher. ``scans_may_go`` is clear while a voucher waits for
    confirmation or for the truth: later scans wait too.
    """

    def __init__(
        self,
        listener: CounterListener,
        journal: AsyncJournal,
        *,
        translate: Translate,
        clock: Callable[[], datetime],
        piggy_now: Callable[[], datetime | None],
    ) -> None:
        import asyncio  # where it is used: the window paints before asyncio (app.py)

        self._listener, self._journal = listener, journal
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = translate
        self._clock, self._piggy_now = clock, piggy_now
        self._view = CounterView()
        self._recent: deque[RecentScan] = deque(maxlen=RECENT_SCANS)
        self.waiting = 0  # scans queued and not handled yet
        self.scans_may_go = asyncio.Event()
        self.scans_may_go.set()
        # Per voucher uuid: the uses this counter made and reversed (from the journal), and
        # the count of uses left Piggy gave in a refusal with when.
        self._uses_here: dict[str, tuple[int, int, bool]] = {}
        self._left_said: dict[str, tuple[int, datetime]] = {}

    @property
    def view(self) -> CounterView:
        """What the counter shows now."""
        return self._view

    def update(self, stage: Stage | None = None, **changes: object) -> None:
        """Change what the counter shows; a new stage ends the busy text unless one is given."""
        from piggy_desk.api import Voucher, VoucherLock  # (models: not before the first paint)

        if stage is not None:
            changes["stage"] = stage
            changes.setdefault("busy", None)
        if "voucher" in changes:
            changes.setdefault("just_redeemed", 0)  # a voucher shown anew was not just redeemed
            changes.setdefault("status_unknown", None)  # and is shown as Piggy has it
            shown = changes["voucher"]
            if isinstance(shown, Voucher):
                changes.setdefault("uses", self.uses_known(shown))
            else:
                changes.setdefault("uses", UsesKnown())
        changes["waiting_scans"] = self.waiting
        changes["recent"] = tuple(self._recent)
        if "lock" in changes and changes["lock"] is not self._view.lock:
            lock = changes["lock"]
            changes["reserved_until"] = (
                self._reserved_until(lock) if isinstance(lock, VoucherLock) else None
            )
        self._view = dataclasses.replace(self._view, **changes)  # type: ignore[arg-type]
        # While a voucher waits for confirmation (or for the truth), later scans wait too.
        if self._view.stage in (Stage.CONFIRMING, Stage.UNRESOLVED):
            self.scans_may_go.clear()
        else:
            self.scans_may_go.set()
        self._listener.counter_changed(self._view)

    def show(self, voucher: Voucher, *, just_redeemed: int = 0) -> None:
        """Show ``voucher`` as Piggy has it, without a lock (found, redeemed, reversed)."""
        self.update(
            Stage.SHOWING,
            voucher=voucher,
            lock=None,
            contact=voucher.contact,
            busy=None,
            just_redeemed=just_redeemed,
        )

    def done(self, voucher: Voucher, *, just_redeemed: int = 0) -> None:
        """Show a voucher after its redeem (``just_redeemed`` uses) or another outcome."""
        if just_redeemed:
            self.remember(voucher.code, REDEEMED_HERE)
        self.show(voucher, just_redeemed=just_redeemed)

    def clear(self) -> None:
        """Show no voucher (never the last one: it would pass for the one just scanned)."""
        self.update(Stage.IDLE, voucher=None, lock=None, contact=None)

    def remember(self, code: str, outcome: str) -> None:
        """What the newest scan came to; a redemption or a reversal here changes it (same
        code)."""
        scan = RecentScan(code, outcome, self._clock())
        if outcome in _HERE and self._recent and self._recent[0].code == code:
            self._recent[0] = scan
        elif outcome not in _HERE:
            self._recent.appendleft(scan)

    def looked_up_again(self, code: str, outcome: str) -> None:
        """What a voucher looked up again came to (after a refusal, a cancel, a failed
        reverse): its status, or NOT_CHECKED when Piggy had refused it and the look-up failed.
        Its newest scan says so, as the card does ("Valid" beside a card that says "Switched
        off" was untrue), unless that scan says what was done here."""
        newest = self._recent[0] if self._recent else None
        if newest is not None and newest.code == code and newest.outcome not in _HERE:
            self._recent[0] = RecentScan(code, outcome, self._clock())

    def scan_queued(self) -> None:
        """A scan joined the queue. The first to wait behind a voucher being confirmed is
        said once: Enter does nothing until that voucher is confirmed or cancelled."""
        self.waiting += 1
        self.update()
        if self.waiting == 1 and not self._view.busy and (sentence := self.enter_waits()):
            self.say(Tone.INFO, sentence)

    def enter_waits(self) -> str | None:
        """While scans wait behind a voucher being confirmed, Enter does nothing (the cashier
        may mean it for the scan): the sentence that says what to do instead. None when
        nothing waits, or no voucher is being confirmed."""
        view = self._view
        if view.stage != Stage.CONFIRMING or view.voucher is None or not self.waiting:
            return None
        voucher = view.voucher
        name = voucher.promotion.name if voucher.promotion else None
        return self.translate("RedemptionFlow", SCAN_WAITING).format(
            name=name or voucher.name or voucher.code
        )

    def say(self, tone: Tone, sentence: str, error: Problem | None = None) -> None:
        """Tell the cashier; journal news of the action goes with it, for a manager."""
        if isinstance(error, JournalTrouble):
            # A sentence about the journal already: its news goes with the next one.
            self._listener.counter_said(Notice(tone, sentence, error))
            return
        news = self._journal.take_news()
        kept = [trouble for trouble in news if trouble.kept]
        if kept:
            # Only where Piggy has acted, so never with "nothing was sent".
            sentence = " ".join(
                (
                    sentence,
                    kept[-1].sentence(self.translate),
                    self.translate("RedemptionFlow", KEPT_IN_MEMORY),
                )
            )
            error = error or kept[-1]
        for event in (trouble for trouble in news if not trouble.kept):
            sentence = " ".join(
                (
                    sentence,
                    event.sentence(self.translate),
                    self.translate("RedemptionFlow", TELL_A_MANAGER),
                )
            )
            error = error or event
        self._listener.counter_said(Notice(tone, sentence, error))

    def error_text(self, error: PiggyError) -> str:
        """An error's sentence in the person's language (context "PiggyError")."""
        return self.translate("PiggyError", error.user_message)

    def refusal_sentence(self, error: PiggyError) -> str:
        """A refusal's sentence; with Piggy's own words when they say more (uses left)."""
        if (
            isinstance(error, NotEnoughRedemptions)
            and error.message
            and error.message != error.user_message
        ):
            return self.translate("RedemptionFlow", "{problem} Piggy says: {message}").format(
                problem=self.error_text(error), message=error.message
            )
        return self.error_text(error)

    # --- what is known of a voucher's uses ---------------------------------------------

    async def count_uses_here(self, voucher: Voucher) -> None:
        """Read from the journal the uses this counter made and reversed of ``voucher``;
        when it cannot be read they are not known (the card says nothing of them)."""
        try:
            entries = await self._journal.entries_of_voucher(voucher.uuid)
        except JournalUnavailable:
            self.update(busy=None)
            self._uses_here.pop(voucher.uuid, None)
            return
        done = [entry for entry in entries or [] if entry.outcome == Outcome.OK]
        made = sum(e.times for e in done if e.action in (Action.REDEEM, Action.MULTI_REDEEM))
        reversed_ = sum(1 for e in done if e.action == Action.REVERSE)
        doubt = any(
            entry.outcome in (Outcome.UNKNOWN, Outcome.PENDING)
            and entry.action in (Action.REDEEM, Action.MULTI_REDEEM, Action.REVERSE)
            for entry in entries or []
        )
        self._uses_here[voucher.uuid] = (made, reversed_, doubt)

    def piggy_said_left(self, voucher_uuid: str, left: int) -> None:
        """Piggy gave a count of the uses left (in a refusal): kept with when."""
        self._left_said[voucher_uuid] = (left, self._clock())

    def piggy_count_changed(self, voucher_uuid: str, change: int) -> None:
        """Uses made (negative) or given back here since Piggy gave its count of uses left."""
        said = self._left_said.get(voucher_uuid)
        if said is not None:
            self._left_said[voucher_uuid] = (max(0, said[0] + change), said[1])

    def uses_known(self, voucher: Voucher) -> UsesKnown:
        made, reversed_, doubt = self._uses_here.get(voucher.uuid, (None, 0, False))
        left, said_at = self._left_said.get(voucher.uuid, (None, None))
        promotion = voucher.promotion
        return UsesKnown(
            per_voucher=promotion.uses_per_voucher if promotion else None,
            made_here=made,
            reversed_here=reversed_,
            left_said=left,
            left_said_at=said_at,
            in_doubt=doubt,
        )

    def _reserved_until(self, lock: VoucherLock) -> float | None:
        """When a lock just taken ends, on the monotonic clock: from Piggy's own times."""
        if lock.system_release_at is None:
            return None
        piggy_now = lock.locked_at or self._piggy_now()
        if piggy_now is None:
            return None
        left = (lock.system_release_at - piggy_now).total_seconds()
        return time.monotonic() + max(0.0, left)
