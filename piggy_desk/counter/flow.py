"""The redemption flow: scan → find → show → lock → (contact) → confirm → redeem, or
cancel → release. No Qt here: the window listens through ``CounterListener``.

What it guarantees:
- every lock, release, redeem, multi-redeem and reverse is in the journal before its
  request leaves and completed after the answer;
- a redeem whose answer was lost is never retried blindly: the voucher is found again
  and the cashier is told the truth (a lock this counter still holds proves the redeem
  did not happen; a lock that is gone proves it did);
- scans are handled one at a time in the order they came; none is dropped, the same code
  scanned twice within a moment counts once; while a voucher waits for confirmation,
  further scans wait too; while a customer is asked for, a scan is their loyalty card.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import functools
import logging
import sqlite3
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol, TypeVar

from piggy_desk.api import (
    Contact,
    ContactNotFound,
    InvalidInput,
    NotEnoughRedemptions,
    PiggyAPIError,
    PiggyClient,
    PiggyError,
    Voucher,
    VoucherAlreadyRedeemed,
    VoucherExpired,
    VoucherLock,
    VoucherLocked,
    VoucherNotFound,
    VoucherStatus,
)
from piggy_desk.counter.journal import (
    Action,
    Journal,
    JournalEntry,
    JournalTrouble,
    Outcome,
    as_trouble,
)
from piggy_desk.counter.keyboard_layouts import LAYOUTS, Reading, unmangled
from piggy_desk.counter.scan import DuplicateFilter, ScanRejected, ScanRules, normalise_scan
from piggy_desk.logs import register_secret
from piggy_desk.notices import Notice, Problem, Tone, is_refusal, tone_of
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate, untranslated

log = logging.getLogger("piggy_desk.counter")
T = TypeVar("T")
LOCK_LIFETIME = timedelta(hours=1)
RECENT_SCANS = 20
# How long the loop waits for a journal call before awaiting it: well within a frame.
JOURNAL_WAIT_SECONDS = 0.004


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
    # When the lock ends, on ``time.monotonic()``: counted from Piggy's own times, so a
    # computer clock that is off does not make the countdown wrong.
    reserved_until: float | None = None
    # Uses the last confirm at this counter made of the shown voucher (0: none): the card
    # says "redeemed just now", not "already used", right after a redemption.
    just_redeemed: int = 0
    uses: UsesKnown = dataclasses.field(default_factory=UsesKnown)

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
        return self.online and (
            self.stage == Stage.SHOWING
            and self.voucher is not None
            and self.voucher.status == "ACTIVE"
        )

    @property
    def can_reverse(self) -> bool:
        """A voucher that has been used: used up (Piggy's status, its ``redeemed_at``) or used
        at this counter (the journal); a reverse gives back one use."""
        voucher = self.voucher
        if self.stage != Stage.SHOWING or voucher is None:
            return False
        return voucher.status == VoucherStatus.REDEEMED or (
            voucher.status == VoucherStatus.ACTIVE
            and (voucher.redeemed_at is not None or self.uses.used_here > 0)
            and not self.uses.in_doubt  # a second reverse could undo another use
        )


class CounterListener(Protocol):
    """What the window implements to follow the flow."""

    def counter_changed(self, view: CounterView) -> None: ...

    def counter_said(self, notice: Notice) -> None: ...


@dataclass(frozen=True, slots=True)
class CounterSettings:
    """The counter's part of the settings."""

    lock_before_redeem: bool = True
    shop_uuid: str | None = None
    scan_rules: ScanRules = dataclasses.field(default_factory=ScanRules)


OFFLINE_SENTENCE = QT_TRANSLATE_NOOP(
    "RedemptionFlow", "No connection to Piggy: vouchers cannot be checked or redeemed now."
)


NOTHING_SENT = QT_TRANSLATE_NOOP("RedemptionFlow", "Nothing was sent to Piggy.")
KEPT_IN_MEMORY = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "Piggy Desk keeps this in memory and writes it into the journal as soon as it can. "
    "Tell a manager.",
)
TELL_A_MANAGER = QT_TRANSLATE_NOOP("RedemptionFlow", "Tell a manager.")
NOT_THROUGH = QT_TRANSLATE_NOOP(
    "RedemptionFlow",
    "The redemption of voucher “{code}” did not go through before the program stopped.",
)
# A redeem whose outcome Piggy's answers cannot tell (see ``_settle_redeem``).
CANNOT_TELL = "cannot be told (found at the next start)"
# The journal's note on a reverse of a voucher that was not used up (a multi-use one): a
# later find cannot tell whether it happened (Piggy's answers have no count of uses).
PARTIAL_REVERSE = "one use of a voucher not used up"
# How often a journal that could not take a change is tried again.
JOURNAL_RETRY_SECONDS = 5.0


class Release(StrEnum):
    """How a release ended."""

    RELEASED = "released"  # Piggy ended the lock now
    GONE = "gone"  # there was no lock to end any more (expired, redeemed, changed)
    FAILED = "failed"  # it could not be told: the lock may still hold


class JournalUnavailable(Exception):
    """The journal could not be read or written; ``trouble`` says why."""

    def __init__(self, sentence: str, trouble: JournalTrouble) -> None:
        super().__init__(sentence)
        self.trouble = trouble


class RedemptionFlow:
    """One counter's redemption flow over one ``PiggyClient`` and one ``Journal``."""

    def __init__(
        self,
        client: PiggyClient,
        journal: Journal,
        listener: CounterListener,
        settings: CounterSettings | None = None,
        *,
        translate: Translate = untranslated,
        time_text: Callable[[datetime], str] | None = None,
        clock: Callable[[], datetime] | None = None,
        journal_retry_seconds: float = JOURNAL_RETRY_SECONDS,
    ) -> None:
        self._client = client
        self._clock = clock or (lambda: datetime.now(UTC))
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = translate
        self._time_text = time_text or (lambda moment: moment.astimezone().strftime("%H:%M"))
        self._journal = journal
        self._listener = listener
        self.settings = settings or CounterSettings()
        self._view = CounterView()
        self._recent: deque[RecentScan] = deque(maxlen=RECENT_SCANS)
        self._duplicates = DuplicateFilter()
        self._scans: asyncio.Queue[str] = asyncio.Queue()
        self._waiting = 0
        self._accepting_scans = asyncio.Event()
        self._busy = asyncio.Lock()
        self._worker: asyncio.Task[None] | None = None
        self._accepting_scans.set()
        # The journal entry and times of a redeem whose answer was lost.
        self._unresolved: tuple[int, int] | None = None
        # Redeems begun before this moment belong to an earlier run (see release_orphans).
        self._run_started = self._clock()
        self._preset_customer: Contact | None = None
        # Journal news for the next notice: a change kept in memory, a file made again.
        self._journal_news: list[JournalTrouble] = []
        self._journal_retry_seconds = journal_retry_seconds
        self._keeper: asyncio.Task[None] | None = None
        # Per voucher uuid: the uses this counter made and reversed (from the journal), and
        # the count of uses left Piggy gave in a refusal with when.
        self._uses_here: dict[str, tuple[int, int, bool]] = {}
        self._left_said: dict[str, tuple[int, datetime]] = {}
        # The journal's trouble the last ``release_orphans`` told of: its Details.
        self.orphans_trouble: JournalTrouble | None = None

    @property
    def view(self) -> CounterView:
        """What the counter shows now."""
        return self._view

    def start(self) -> None:
        """Start handling scans (call inside the running loop)."""
        if self._worker is None:
            loop = asyncio.get_running_loop()
            self._worker = loop.create_task(self._handle_scans(), name="counter-scans")
            self._keeper = loop.create_task(self._keep_journal(), name="journal-keeper")

    async def aclose(self) -> None:
        """Stop handling scans and give back a voucher this counter still holds."""
        if self._worker is not None:
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
            self._worker = None
        async with self._acting():
            if self._view.lock is not None and self._view.voucher is not None:
                await self._release(self._view.voucher, self._view.lock)
        if self._keeper is not None:
            self._keeper.cancel()
            await asyncio.gather(self._keeper, return_exceptions=True)
            self._keeper = None

    async def flush_journal(self) -> bool:
        """Write what the journal keeps in memory now; True when nothing waits."""
        try:
            return await self._journal_call(self._journal.flush)
        except JournalUnavailable:
            return False

    @asynccontextmanager
    async def _acting(self) -> AsyncIterator[None]:
        """One action at a time; a journal failure ends the action with a sentence."""
        async with self._busy:
            try:
                yield
            except JournalUnavailable as error:
                self._say(Tone.ERROR, str(error), error.trouble)

    def set_online(self, online: bool) -> None:
        """Whether Piggy can be reached; offline, nothing is redeemed (a voucher cannot be
        validated offline)."""
        self._update(online=online)

    # --- a customer chosen beforehand -------------------------------------------------

    def preset_customer(self, contact: Contact) -> None:
        """A manager picked this customer (Contacts screen): a voucher without a customer
        that is redeemed next goes to them, without asking. The voucher on the card belongs
        to the customer before: it leaves the card, so Enter cannot redeem it for this one.
        A voucher held for confirmation, or whose redeem is in doubt, stays; the cashier is
        told to finish it first, and the customer is not taken."""
        stage, voucher = self._view.stage, self._view.voucher
        if stage == Stage.NEEDS_CONTACT:
            self._preset_customer = None
            self._choose_contact(contact)
        elif stage in (Stage.CONFIRMING, Stage.UNRESOLVED) and voucher is not None:
            self._preset_customer = None
            self._say(
                Tone.REFUSAL,
                self.translate(
                    "RedemptionFlow",
                    "Voucher “{code}” is still on the counter: finish it first (confirm or "
                    "cancel), then choose the customer again.",
                ).format(code=voucher.code),
            )
        else:
            self._preset_customer = contact
            self._update(Stage.IDLE, voucher=None, lock=None, contact=None)
            self._say(
                Tone.INFO,
                self.translate(
                    "RedemptionFlow", "Customer ready: {customer}. Scan their voucher."
                ).format(customer=contact.email or contact.uuid),
            )

    # --- scanning -------------------------------------------------------------------

    def submit_scan(self, raw: str) -> None:
        """Take what the scanner typed; it is handled after the scans before it."""
        try:
            code = normalise_scan(raw, self.settings.scan_rules)
        except ScanRejected as rejected:
            self._say(Tone.REFUSAL, rejected.sentence(self.translate))
            return
        if self._duplicates.is_repeat(code):
            log.debug("same scan again within the window, ignored")
            return
        self._queue(code)

    def show_again(self, code: str) -> None:
        """The cashier chose a recent scan: find that voucher again, after the scans before
        (a choice, not a scanner's double read: never taken for the same scan again)."""
        self._queue(code)

    def _queue(self, code: str) -> None:
        self._waiting += 1
        self._scans.put_nowait(code)
        self._update()

    async def _handle_scans(self) -> None:
        while True:
            code = await self._scans.get()
            await self._accepting_scans.wait()
            async with self._acting():
                self._waiting -= 1
                if self._view.stage == Stage.NEEDS_CONTACT:
                    await self._find_contact_by_card(code)
                else:
                    await self._find(code)

    def _remember(self, code: str, outcome: str) -> None:
        """What the newest scan came to; a redemption here changes it (same code)."""
        scan = RecentScan(code, outcome, self._clock())
        if outcome == REDEEMED_HERE and self._recent and self._recent[0].code == code:
            self._recent[0] = scan
        elif outcome != REDEEMED_HERE:
            self._recent.appendleft(scan)

    async def _find(self, code: str) -> None:
        self._update(busy=self.translate("RedemptionFlow", "Checking the voucher…"))
        read_as: Reading | None = None
        capitals: str | None = None  # a code typed by hand in lower case, tried in capitals
        try:
            try:
                voucher = await self._client.vouchers.find(code)
            except VoucherNotFound:
                # A scanner set up for another keyboard layout: the code it meant, once.
                rules = self.settings.scan_rules
                read_as = unmangled(code, rules.scanner_layout, rules.keyboard_layout or None)
                if read_as is not None:
                    log.info(
                        "%s was not found; looking up %s, as a scanner set up for %s on a %s "
                        "keyboard would type it",
                        code,
                        read_as.code,
                        read_as.scanner,
                        read_as.computer,
                    )
                    voucher = await self._client.vouchers.find(read_as.code)
                elif code != code.upper() and any(c.islower() for c in code):
                    capitals = code.upper()
                    voucher = await self._client.vouchers.find(capitals)
                else:
                    raise
        except VoucherNotFound as error:
            self._remember(code, NOT_FOUND)
            self._update(Stage.IDLE, voucher=None, lock=None, contact=None)
            sentence = self.translate(
                "RedemptionFlow", "No voucher with the code “{code}” was found."
            )
            if read_as is not None:
                sentence = self.translate(
                    "RedemptionFlow",
                    "No voucher with the code “{code}” was found, nor with “{read}”, what the "
                    "scanner meant if it is set up for another keyboard layout.",
                )
            elif capitals is not None:
                sentence = self.translate(
                    "RedemptionFlow",
                    "No voucher with the code “{code}” was found, nor with “{read}”, in capitals.",
                )
            self._say(
                Tone.REFUSAL,
                sentence.format(code=code, read=read_as.code if read_as else capitals or ""),
                error,
            )
            return
        except PiggyError as error:
            self._remember(code, NOT_CHECKED)
            # Never leave the last voucher on the card: it would pass for the one just scanned.
            self._update(Stage.IDLE, voucher=None, lock=None, contact=None)
            self._say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow", "{problem} The voucher “{code}” could not be checked."
                ).format(
                    problem=self._error_text(error),
                    code=read_as.code if read_as else capitals or code,
                ),
                error,
            )
            return
        await self._count_uses_here(voucher)
        self._remember(voucher.code if read_as or capitals else code, voucher.status)
        self._update(Stage.SHOWING, voucher=voucher, lock=None, contact=voucher.contact)
        if read_as is not None:
            before: str | None = self._read_back_sentence(code, read_as)
        elif capitals is not None:
            before = self.translate(
                "RedemptionFlow", "No voucher with the code “{typed}”: found “{code}”, in capitals."
            ).format(typed=code, code=voucher.code)
        else:
            before = None
        self._announce(voucher, before)

    def _read_back_sentence(self, typed: str, read_as: Reading) -> str:
        """Says that a scan was read with another keyboard layout, and which when known."""
        rules = self.settings.scan_rules
        if rules.scanner_layout == read_as.scanner and rules.keyboard_layout == read_as.computer:
            return self.translate(
                "RedemptionFlow", "“{typed}” read as “{code}”: the scanner is set up for {layout}."
            ).format(
                typed=typed,
                code=read_as.code,
                layout=self.translate("KeyboardLayout", LAYOUTS[read_as.scanner].name),
            )
        return self.translate(
            "RedemptionFlow",
            "The scanner typed “{typed}”: read as “{code}”, as its keyboard layout is not this "
            "computer's. Set the scanner's layout in Settings.",
        ).format(typed=typed, code=read_as.code)

    def _announce(self, voucher: Voucher, before: str | None = None) -> None:
        sentences: dict[str, tuple[Tone, str]] = {
            VoucherStatus.ACTIVE: (
                Tone.INFO,
                QT_TRANSLATE_NOOP("RedemptionFlow", "Valid. Press Enter to redeem."),
            ),
            VoucherStatus.REDEEMED: (
                Tone.REFUSAL,
                QT_TRANSLATE_NOOP("RedemptionFlow", "This voucher has already been used."),
            ),
            VoucherStatus.EXPIRED: (
                Tone.REFUSAL,
                QT_TRANSLATE_NOOP("RedemptionFlow", "This voucher has expired."),
            ),
            VoucherStatus.DEACTIVATED: (
                Tone.REFUSAL,
                QT_TRANSLATE_NOOP("RedemptionFlow", "This voucher has been switched off."),
            ),
            VoucherStatus.INACTIVE: (
                Tone.REFUSAL,
                QT_TRANSLATE_NOOP("RedemptionFlow", "This voucher is not valid yet."),
            ),
            VoucherStatus.LOCKED: (
                Tone.REFUSAL,
                QT_TRANSLATE_NOOP(
                    "RedemptionFlow", "This voucher is being used at another counter right now."
                ),
            ),
        }
        tone, sentence = sentences.get(
            voucher.status,
            (Tone.REFUSAL, QT_TRANSLATE_NOOP("RedemptionFlow", "This voucher is {status}.")),
        )
        said = self.translate("RedemptionFlow", sentence).format(status=voucher.status)
        self._say(tone, f"{before} {said}" if before else said)

    # --- redeeming ------------------------------------------------------------------

    async def redeem(self) -> None:
        """Enter or Redeem on an active voucher: lock it, then ask for a contact or confirmation."""
        async with self._acting():
            if not self._view.online and self._view.stage == Stage.SHOWING:
                self._say(Tone.ERROR, self.translate("RedemptionFlow", OFFLINE_SENTENCE))
                return
            if not self._view.can_redeem or self._view.voucher is None:
                return
            voucher = self._view.voucher
            lock: VoucherLock | None = None
            if self.settings.lock_before_redeem:
                lock = await self._lock(voucher)
                if lock is None:
                    return
            if voucher.contact is None and self._preset_customer is not None:
                customer, self._preset_customer = self._preset_customer, None
                self._update(lock=lock)
                self._choose_contact(customer)
            elif voucher.contact is None:
                self._update(Stage.NEEDS_CONTACT, lock=lock, contact=None)
                self._say(
                    Tone.INFO,
                    self.translate(
                        "RedemptionFlow",
                        "This voucher has no customer yet: "
                        "scan their loyalty card or type their e-mail.",
                    ),
                )
            else:
                self._update(Stage.CONFIRMING, lock=lock)
                self._say(
                    Tone.INFO,
                    self.translate(
                        "RedemptionFlow", "Press Enter to confirm the redemption, or Esc to cancel."
                    ),
                )

    async def _lock(self, voucher: Voucher) -> VoucherLock | None:
        entry = await self._begin(Action.LOCK, voucher)
        self._update(busy=self.translate("RedemptionFlow", "Reserving the voucher…"))
        try:
            lock = await self._client.vouchers.lock(voucher.uuid)
        except PiggyError as error:
            await self._finish_failed(entry, error)
            if error.ambiguous and await self._lock_never_happened(voucher, error):
                return None
            if error.ambiguous:
                self._say(
                    Tone.ERROR,
                    self.translate(
                        "RedemptionFlow",
                        "{problem} The voucher may stay reserved for up to an hour.",
                    ).format(problem=self._error_text(error)),
                    error,
                )
            else:
                self._say(tone_of(error), self._error_text(error), error)
            await self._refresh(voucher.code)
            return None
        register_secret(lock.release_key)  # never in a log line from here on
        await self._journal_call(
            self._journal.finish,
            entry,
            Outcome.OK,
            release_key=lock.release_key,
            lock_expires_at=lock.system_release_at,
        )
        return lock

    async def _lock_never_happened(self, voucher: Voucher, error: PiggyError) -> bool:
        """A lock's answer was lost: a voucher found not locked is not reserved now; say so.

        The journal entry stays open (unknown): a lock still on its way to Piggy (a slow
        server carries on after the counter gave up) could land after this find, and the
        next start or reconnect checks again (``_release_orphan``)."""
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError:
            return False
        if now.status == VoucherStatus.LOCKED:
            return False
        self._update(Stage.SHOWING, voucher=now, lock=None, contact=now.contact, busy=None)
        self._say(
            Tone.ERROR,
            self.translate(
                "RedemptionFlow", "{problem} The voucher was not reserved when checked. Try again."
            ).format(problem=self._error_text(error)),
            error,
        )
        return True

    async def use_contact_email(self, email: str) -> None:
        """The customer said their e-mail address: find them."""
        async with self._acting():
            if self._view.stage != Stage.NEEDS_CONTACT:
                return
            self._update(busy=self.translate("RedemptionFlow", "Looking up the customer…"))
            try:
                contact = await self._client.contacts.find_by_email(email)
            except ContactNotFound as error:
                self._update(busy=None)
                self._say(
                    Tone.REFUSAL,
                    self.translate(
                        "RedemptionFlow", "No customer with this e-mail address is known to Piggy."
                    ),
                    error,
                )
                return
            except PiggyError as error:
                self._update(busy=None)
                self._say(Tone.ERROR, self._error_text(error), error)
                return
            self._choose_contact(contact)

    def refuse_customer_text(self, text: str) -> None:
        """Typed into the customer field, neither an e-mail address nor a loyalty card's
        number (a name, say): nothing is looked up; say what to type."""
        if self._view.stage != Stage.NEEDS_CONTACT:
            return
        self._say(
            Tone.REFUSAL,
            self.translate(
                "RedemptionFlow",
                "“{text}” is neither an e-mail address nor a loyalty card number. Type the "
                "customer's e-mail address (like name@example.com) or scan their loyalty card.",
            ).format(text=text),
        )

    async def _find_contact_by_card(self, value: str) -> None:
        self._update(busy=self.translate("RedemptionFlow", "Looking up the loyalty card…"))
        try:
            contact = await self._client.contacts.find_by_identifier(value)
        except PiggyError as error:
            self._update(busy=None)
            self._say(tone_of(error), self._error_text(error), error)
            return
        if contact is None:
            self._update(busy=None)
            self._say(
                Tone.REFUSAL,
                self.translate(
                    "RedemptionFlow",
                    "This loyalty card is not linked to a customer yet. Type their e-mail instead.",
                ),
            )
            return
        self._choose_contact(contact)

    def _choose_contact(self, contact: Contact) -> None:
        self._update(Stage.CONFIRMING, contact=contact)
        self._say(
            Tone.INFO,
            self.translate("RedemptionFlow", "Customer: {customer}. Press Enter to redeem.").format(
                customer=contact.email or contact.uuid
            ),
        )

    async def confirm(self, times: int = 1) -> None:
        """Enter on the confirm panel: redeem (``times`` > 1: multi-redeem) with the release key."""
        async with self._acting():
            view = self._view
            if view.stage != Stage.CONFIRMING or view.voucher is None:
                return
            if not view.online:
                self._say(
                    Tone.ERROR,
                    self.translate("RedemptionFlow", OFFLINE_SENTENCE)
                    + " "
                    + self.translate("RedemptionFlow", "The voucher stays reserved."),
                )
                return
            voucher, lock = view.voucher, view.lock
            contact_uuid = view.contact.uuid if voucher.contact is None and view.contact else None
            release_key = lock.release_key if lock else None
            action = Action.MULTI_REDEEM if times > 1 else Action.REDEEM
            entry = await self._begin(action, voucher, contact_uuid=contact_uuid, times=times)
            self._update(busy=self.translate("RedemptionFlow", "Redeeming…"))
            try:
                if times > 1:
                    result = await self._client.vouchers.multi_redeem(
                        voucher.code,
                        times,
                        shop_uuid=self.settings.shop_uuid or "",
                        contact_uuid=contact_uuid,
                        release_key=release_key,
                    )
                    redeemed = result.voucher
                else:
                    redeemed = await self._client.vouchers.redeem(
                        voucher.code,
                        contact_uuid=contact_uuid,
                        release_key=release_key,
                        shop_uuid=self.settings.shop_uuid,
                    )
            except PiggyError as error:
                await self._finish_failed(entry, error)
                if error.ambiguous:
                    await self._reconcile(entry, voucher, had_lock=lock is not None, times=times)
                else:
                    await self._after_refused_redeem(voucher, lock, error)
                return
            await self._journal_call(
                self._journal.finish, entry, Outcome.OK, settle_locks_of=voucher.uuid
            )
            self._piggy_count_changed(voucher.uuid, -times)
            await self._count_uses_here(redeemed)
            self._done(redeemed, just_redeemed=times)
            name = (
                voucher.promotion.name
                if voucher.promotion and voucher.promotion.name
                else voucher.name
            )
            if times > 1:
                done = self.translate("RedemptionFlow", "Redeemed {times} times: {name}.")
            else:
                done = self.translate("RedemptionFlow", "Redeemed: {name}.")
            self._say(Tone.SUCCESS, done.format(times=times, name=name or voucher.code))

    async def _after_refused_redeem(
        self, voucher: Voucher, lock: VoucherLock | None, error: PiggyError
    ) -> None:
        tone = tone_of(error)
        if isinstance(error, NotEnoughRedemptions) and error.left is not None:
            self._left_said[voucher.uuid] = (error.left, self._clock())
        if isinstance(error, NotEnoughRedemptions | InvalidInput) or not is_refusal(error):
            # Nothing changed on Piggy's side: the cashier can correct or try again.
            self._update(busy=None, uses=self._uses_known(voucher))
            sentence = self._refusal_sentence(error)
            if not is_refusal(error):
                again = self.translate("RedemptionFlow", "The voucher was not redeemed. Try again.")
                sentence = f"{sentence} {again}"
            self._say(tone, sentence, error)
            return
        if lock is not None and not isinstance(
            error, VoucherAlreadyRedeemed | VoucherExpired | VoucherLocked
        ):
            await self._release(voucher, lock)
        self._say(tone, self._refusal_sentence(error), error)
        await self._refresh(voucher.code)

    async def _reconcile(self, entry: int, voucher: Voucher, *, had_lock: bool, times: int) -> None:
        """A redeem's answer was lost: find the voucher and tell the truth."""
        self._update(
            busy=self.translate(
                "RedemptionFlow", "The answer was lost. Checking whether the voucher was redeemed…"
            )
        )
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError as error:
            self._unresolved = (entry, times)
            self._update(Stage.UNRESOLVED)
            self._say(
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
        self._unresolved = None
        multi_use = voucher.promotion is not None and voucher.promotion.is_multi_use
        if now.status == VoucherStatus.REDEEMED or (
            had_lock and now.status == VoucherStatus.ACTIVE
        ):
            # Our lock is gone (a redeem ends it) or the voucher is used: it happened.
            await self._journal_call(
                self._journal.finish,
                entry,
                Outcome.OK,
                detail="confirmed by a later find",
                settle_locks_of=voucher.uuid,
            )
            self._piggy_count_changed(voucher.uuid, -times)
            await self._count_uses_here(now)
            self._done(now, just_redeemed=times)
            self._say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow",
                    "Redeemed. (The answer was lost, but Piggy confirms the voucher was used.)",
                ),
            )
        elif had_lock and now.status == VoucherStatus.LOCKED:
            await self._journal_call(
                self._journal.finish, entry, Outcome.FAILED, detail="not redeemed (find)"
            )
            # LOCKED is this counter's own lock: show the voucher as it was while confirming
            # (Piggy's LOCKED reads "in use at another counter").
            self._update(Stage.CONFIRMING, voucher=voucher, busy=None)
            self._say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost. The voucher was NOT redeemed. "
                    "Press Enter to try again.",
                ),
            )
        elif not had_lock and multi_use:
            self._update(Stage.SHOWING, voucher=now, lock=None, busy=None)
            self._say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost and it cannot be told how many "
                    "uses were made. Check the voucher in the Piggy dashboard before trying again.",
                ),
            )
        else:
            await self._journal_call(
                self._journal.finish, entry, Outcome.FAILED, detail="not redeemed (find)"
            )
            self._done(now)
            self._say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost. The voucher was NOT redeemed.",
                ),
            )

    async def recheck(self) -> None:
        """Check again after an answer was lost and the voucher could not be checked."""
        async with self._acting():
            if (
                self._view.stage != Stage.UNRESOLVED
                or self._view.voucher is None
                or self._unresolved is None
            ):
                return
            entry, times = self._unresolved
            await self._reconcile(
                entry, self._view.voucher, had_lock=self._view.lock is not None, times=times
            )

    async def cancel(self) -> None:
        """Esc: give the voucher back and stay on it."""
        async with self._acting():
            view = self._view
            if view.stage not in (Stage.NEEDS_CONTACT, Stage.CONFIRMING) or view.voucher is None:
                return
            if view.lock is not None:
                self._update(busy=self.translate("RedemptionFlow", "Releasing the voucher…"))
                await self._release(view.voucher, view.lock)
            await self._refresh(view.voucher.code)
            self._say(
                Tone.INFO,
                self.translate("RedemptionFlow", "Cancelled. The voucher was not redeemed."),
            )

    async def reverse(self) -> None:
        """Undo the redemption of the shown voucher (the window asked for confirmation)."""
        async with self._acting():
            if not self._view.can_reverse or self._view.voucher is None:
                return
            voucher = self._view.voucher
            partial = voucher.status != VoucherStatus.REDEEMED
            entry = await self._begin(
                Action.REVERSE, voucher, detail=PARTIAL_REVERSE if partial else None
            )
            self._update(busy=self.translate("RedemptionFlow", "Reversing the redemption…"))
            try:
                result = await self._client.vouchers.reverse(voucher.uuid)
            except PiggyError as error:
                await self._finish_failed(entry, error, note=PARTIAL_REVERSE if partial else None)
                if error.ambiguous:
                    await self._reconcile_reverse(entry, voucher, error)
                    return
                self._say(tone_of(error), self._error_text(error), error)
                await self._refresh(voucher.code)
                return
            await self._journal_call(self._journal.finish, entry, Outcome.OK)
            self._piggy_count_changed(voucher.uuid, +1)
            if result is None:
                await self._refresh(voucher.code)
            else:
                await self._count_uses_here(result)
                self._update(Stage.SHOWING, voucher=result, busy=None)
            self._say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow", "The redemption was reversed: the voucher can be used again."
                ),
            )

    async def _reconcile_reverse(self, entry: int, voucher: Voucher, error: PiggyError) -> None:
        """A reverse's answer was lost: find the voucher; a voucher no longer used proves the
        reverse happened. Never offered again blindly: a second reverse would undo another use."""
        try:
            now = await self._client.vouchers.find(voucher.code)
        except PiggyError:
            # The card must not offer Reverse again on a voucher that may be reversed already.
            self._update(Stage.IDLE, voucher=None, lock=None, contact=None)
            self._say(
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
            await self._journal_call(
                self._journal.finish, entry, Outcome.UNKNOWN, detail=CANNOT_TELL
            )
            await self._count_uses_here(now)
            self._update(Stage.SHOWING, voucher=now, lock=None, contact=now.contact, busy=None)
            self._say(
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
        await self._journal_call(
            self._journal.finish,
            entry,
            Outcome.OK if reversed_ else Outcome.FAILED,
            detail="confirmed by a later find" if reversed_ else "not reversed (find)",
        )
        if reversed_:
            self._piggy_count_changed(voucher.uuid, +1)
        await self._count_uses_here(now)
        self._update(Stage.SHOWING, voucher=now, lock=None, contact=now.contact, busy=None)
        if reversed_:
            self._say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow",
                    "The redemption was reversed. (The answer was lost, but Piggy confirms it.)",
                ),
            )
        else:
            self._say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow",
                    "Piggy's answer was lost. The redemption was NOT reversed.",
                ),
                error,
            )

    # --- locks left behind ----------------------------------------------------------

    async def release_orphans(self) -> list[str]:
        """Release locks an earlier run left (crash, power cut, kill); returns a sentence each."""
        async with self._acting():
            held = self._view.voucher.uuid if self._view.lock and self._view.voucher else None
            sentences: list[str] = []
            now = self._clock()
            # First the redeems whose answer never came: a redeemed voucher's lock is over,
            # and it must not be reported as released.
            unresolved = self._unresolved[0] if self._unresolved else None
            for entry in await self._journal_call(
                self._journal.unfinished, Action.REDEEM, Action.MULTI_REDEEM
            ):
                if (
                    entry.voucher_uuid == held
                    or entry.id == unresolved
                    or entry.started_at >= self._run_started  # this run reconciles its own
                    or entry.detail == CANNOT_TELL  # said once already
                ):
                    continue
                sentence = await self._settle_redeem(entry, now)
                if sentence:
                    sentences.append(sentence)
            for entry in await self._journal_call(self._journal.unfinished, Action.REVERSE):
                if entry.started_at < self._run_started and entry.detail != CANNOT_TELL:
                    sentence = await self._settle_reverse(entry)
                    if sentence:
                        sentences.append(sentence)
            for entry in await self._journal_call(self._journal.open_locks):
                if entry.voucher_uuid is None or entry.voucher_uuid == held:
                    continue
                sentence = await self._release_orphan(entry, now)
                if sentence:
                    sentences.append(sentence)
            news, self._journal_news = self._journal_news, []
            for trouble in news:
                sentences.append(trouble.sentence(self.translate))
            if news:
                sentences.append(self.translate("RedemptionFlow", TELL_A_MANAGER))
            self.orphans_trouble = news[0] if news else None
            return sentences

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
            for lock in await self._journal_call(self._journal.open_locks)
        )
        multi_use = voucher.promotion is not None and voucher.promotion.is_multi_use
        status = voucher.status
        if status == VoucherStatus.REDEEMED or (
            multi_use and had_lock and status == VoucherStatus.ACTIVE
        ):
            # Used up, or the lock only a redeem could end is gone: it happened.
            await self._journal_call(
                self._journal.finish,
                entry.id,
                Outcome.OK,
                detail="confirmed at the next start",
                settle_locks_of=entry.voucher_uuid,
            )
            return self.translate(
                "RedemptionFlow", "Voucher “{code}” was redeemed before the program stopped."
            ).format(code=entry.code)
        if not multi_use and status in (VoucherStatus.LOCKED, VoucherStatus.ACTIVE):
            # A single-use voucher that is not used up was not redeemed. (A multi-use one
            # locked now may be locked by another counter after our redeem: not told.)
            await self._journal_call(
                self._journal.finish,
                entry.id,
                Outcome.FAILED,
                detail="not redeemed (found at the next start)",
            )
            return self.translate("RedemptionFlow", NOT_THROUGH).format(code=entry.code)
        if multi_use and status == VoucherStatus.ACTIVE and not had_lock:
            # Used once more, or not at all: Piggy's answer cannot tell, and no lock of
            # ours is left to prove it. Said once; the entry stays unknown.
            await self._journal_call(
                self._journal.finish, entry.id, Outcome.UNKNOWN, detail=CANNOT_TELL
            )
            return self.translate(
                "RedemptionFlow",
                "It cannot be told whether voucher “{code}” was redeemed before the program "
                "stopped. Check it in the Piggy dashboard.",
            ).format(code=entry.code)
        return None

    async def _settle_reverse(self, entry: JournalEntry) -> str | None:
        """A reverse an earlier run sent and never heard back about: a voucher no longer
        used up shows it happened (as ``_reconcile_reverse`` judges). None when Piggy
        cannot be asked now."""
        try:
            voucher = await self._client.vouchers.find(entry.code)
        except PiggyError:
            return None
        if (entry.detail or "").startswith(PARTIAL_REVERSE):
            # One use of a multi-use voucher may have been given back, or not: its answer
            # has no count of uses. Said once; the entry stays unknown.
            await self._journal_call(
                self._journal.finish, entry.id, Outcome.UNKNOWN, detail=CANNOT_TELL
            )
            return self.translate(
                "RedemptionFlow",
                "It cannot be told whether one use of voucher “{code}” was given back before "
                "the program stopped. Check it in the Piggy dashboard.",
            ).format(code=entry.code)
        if voucher.status == VoucherStatus.REDEEMED:
            await self._journal_call(
                self._journal.finish,
                entry.id,
                Outcome.FAILED,
                detail="not reversed (found at the next start)",
            )
            return self.translate(
                "RedemptionFlow",
                "The reversal of voucher “{code}” did not go through before the program stopped.",
            ).format(code=entry.code)
        await self._journal_call(
            self._journal.finish, entry.id, Outcome.OK, detail="confirmed at the next start"
        )
        return self.translate(
            "RedemptionFlow",
            "The redemption of voucher “{code}” was reversed before the program stopped.",
        ).format(code=entry.code)

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
                await self._journal_call(self._journal.settle_locks, entry.voucher_uuid)
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
            for redeem in await self._journal_call(
                self._journal.unfinished, Action.REDEEM, Action.MULTI_REDEEM
            ):
                if (
                    redeem.voucher_uuid == entry.voucher_uuid
                    and entry.started_at <= redeem.started_at < self._run_started
                ):
                    await self._journal_call(
                        self._journal.finish,
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

    async def _release(self, voucher: Voucher, lock: VoucherLock) -> Release:
        """Release a lock: released now, already gone, or failed (it may still hold)."""
        # A release may go out unrecorded (the entry waits in memory): sending it twice is
        # harmless, and a key that cannot be used is worse.
        entry = await self._begin(Action.RELEASE, voucher, keep=True)
        try:
            await self._client.vouchers.release(voucher.uuid, lock.release_key)
        except (InvalidInput, VoucherNotFound, VoucherAlreadyRedeemed, VoucherExpired) as error:
            # The lock is gone (expired, or the voucher changed): nothing to give back.
            await self._journal_call(
                self._journal.finish,
                entry,
                Outcome.REFUSED,
                detail=error.message,
                settle_locks_of=voucher.uuid,
            )
            return Release.GONE
        except PiggyError as error:
            await self._finish_failed(entry, error)
            log.warning("release of %s failed: %s", voucher.code, type(error).__name__)
            return Release.FAILED
        await self._journal_call(
            self._journal.finish, entry, Outcome.OK, settle_locks_of=voucher.uuid
        )
        return Release.RELEASED

    # --- helpers --------------------------------------------------------------------

    def _error_text(self, error: PiggyError) -> str:
        """An error's sentence in the person's language (context "PiggyError")."""
        return self.translate("PiggyError", error.user_message)

    def _refusal_sentence(self, error: PiggyError) -> str:
        if (
            isinstance(error, NotEnoughRedemptions)
            and error.message
            and error.message != error.user_message
        ):
            return self.translate("RedemptionFlow", "{problem} Piggy says: {message}").format(
                problem=self._error_text(error), message=error.message
            )
        return self._error_text(error)

    async def _refresh(self, code: str) -> None:
        """Show the voucher as Piggy has it now (after a refusal or a release)."""
        try:
            voucher = await self._client.vouchers.find(code)
        except PiggyError:
            self._update(Stage.SHOWING, lock=None, busy=None)
        else:
            await self._count_uses_here(voucher)
            self._update(
                Stage.SHOWING, voucher=voucher, lock=None, contact=voucher.contact, busy=None
            )

    async def _count_uses_here(self, voucher: Voucher) -> None:
        """Read from the journal the uses this counter made and reversed of ``voucher``;
        when it cannot be read they are not known (the card says nothing of them)."""
        try:
            entries = await self._journal_call(self._journal.entries_of_voucher, voucher.uuid)
        except JournalUnavailable:
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

    def _piggy_count_changed(self, voucher_uuid: str, change: int) -> None:
        """Uses made (negative) or given back here since Piggy gave its count of uses left."""
        said = self._left_said.get(voucher_uuid)
        if said is not None:
            self._left_said[voucher_uuid] = (max(0, said[0] + change), said[1])

    def _uses_known(self, voucher: Voucher) -> UsesKnown:
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

    def _done(self, voucher: Voucher, *, just_redeemed: int = 0) -> None:
        if just_redeemed:
            self._remember(voucher.code, REDEEMED_HERE)
        self._update(
            Stage.SHOWING,
            voucher=voucher,
            lock=None,
            contact=voucher.contact,
            busy=None,
            just_redeemed=just_redeemed,
        )

    async def _begin(
        self,
        action: Action,
        voucher: Voucher,
        *,
        contact_uuid: str | None = None,
        times: int = 1,
        keep: bool = False,
        detail: str | None = None,
    ) -> int:
        """The journal entry before the request; when it cannot be written nothing is sent
        (``keep``: the entry waits in memory and the request goes out)."""
        promotion = voucher.promotion
        try:
            entry = await self._journal_call(
                self._journal.begin,
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
        except JournalUnavailable as unavailable:
            raise JournalUnavailable(
                f"{unavailable} {self.translate('RedemptionFlow', NOTHING_SENT)}",
                unavailable.trouble,
            ) from unavailable
        return entry

    async def _finish_failed(
        self, entry: int, error: PiggyError, *, note: str | None = None
    ) -> None:
        if error.ambiguous:
            outcome = Outcome.UNKNOWN
        elif isinstance(error, PiggyAPIError):
            outcome = Outcome.REFUSED
        else:
            outcome = Outcome.FAILED
        detail = f"{type(error).__name__}" + (f" {error.code}" if error.code else "")
        if note and error.ambiguous:  # what the next start must know of it
            detail = f"{note}: {detail}"
        await self._journal_call(self._journal.finish, entry, outcome, detail=detail)

    async def _journal_call(self, function: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a journal call off the loop thread.

        A change the journal keeps in memory (Piggy has acted: it must not be lost, and
        the action goes on) is told with the next notice, and tried again on a timer;
        any other failure ends the action with the journal's sentence."""
        call = functools.partial(function, *args, **kwargs)
        try:
            # Still on the journal's one thread (a slow disk never freezes the window, the
            # calls keep their order), but a call done within JOURNAL_WAIT_SECONDS (a
            # durable commit takes about 0.3 ms) is taken at once: awaiting it would cost
            # three turns of the Qt loop, repaints included, each time (issue 20).
            future = self._journal.executor.submit(call)
            concurrent.futures.wait([future], timeout=JOURNAL_WAIT_SECONDS)
            if future.done():
                return future.result()
            return await asyncio.wrap_future(future)
        except (JournalTrouble, sqlite3.Error) as error:
            trouble = as_trouble(error, self._journal.path)
            log.error("journal call failed: %s", trouble)
            if trouble.kept:
                self._journal_news.append(trouble)  # and ``_keep_journal`` tries again
                # What the call gives back: a begun entry's provisional id, else nothing.
                return trouble.entry_id  # type: ignore[return-value]
            self._update(busy=None)
            raise JournalUnavailable(trouble.sentence(self.translate), trouble) from error
        finally:
            self._journal_news.extend(self._journal.take_events())

    async def _keep_journal(self) -> None:
        """Every few seconds: make the journal file again if it was deleted, write what it
        keeps in memory; tell what happened to the file (a manager must hear of it)."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self._journal_retry_seconds)
            was_behind = self._journal.behind
            try:
                await loop.run_in_executor(self._journal.executor, self._journal.keep_up)
            except (JournalTrouble, sqlite3.Error) as error:
                log.info("the counter journal still cannot be written: %s", error)
            else:
                if was_behind:
                    log.warning("the counter journal has taken what it kept in memory")
            news = self._journal.take_events()
            if news:
                first, *rest = news
                self._journal_news.extend(rest)
                self._say(
                    Tone.ERROR,
                    " ".join(
                        (
                            first.sentence(self.translate),
                            self.translate("RedemptionFlow", TELL_A_MANAGER),
                        )
                    ),
                    first,
                )

    def _reserved_until(self, lock: VoucherLock) -> float | None:
        """When a lock just taken ends, on the monotonic clock: from Piggy's own times."""
        if lock.system_release_at is None:
            return None
        piggy_now = lock.locked_at or self._client.piggy_now()
        if piggy_now is None:
            return None
        left = (lock.system_release_at - piggy_now).total_seconds()
        return time.monotonic() + max(0.0, left)

    def _update(self, stage: Stage | None = None, **changes: object) -> None:
        """Change what the counter shows; a new stage ends the busy text unless one is given."""
        if stage is not None:
            changes["stage"] = stage
            changes.setdefault("busy", None)
        if "voucher" in changes:
            changes.setdefault("just_redeemed", 0)  # a voucher shown anew was not just redeemed
            shown = changes["voucher"]
            if isinstance(shown, Voucher):
                changes.setdefault("uses", self._uses_known(shown))
            else:
                changes.setdefault("uses", UsesKnown())
        changes["waiting_scans"] = self._waiting
        changes["recent"] = tuple(self._recent)
        if "lock" in changes and changes["lock"] is not self._view.lock:
            lock = changes["lock"]
            changes["reserved_until"] = (
                self._reserved_until(lock) if isinstance(lock, VoucherLock) else None
            )
        self._view = dataclasses.replace(self._view, **changes)  # type: ignore[arg-type]
        # While a voucher waits for confirmation (or for the truth), later scans wait too.
        if self._view.stage in (Stage.CONFIRMING, Stage.UNRESOLVED):
            self._accepting_scans.clear()
        else:
            self._accepting_scans.set()
        self._listener.counter_changed(self._view)

    def _say(self, tone: Tone, sentence: str, error: Problem | None = None) -> None:
        """Tell the cashier; journal news of the action goes with it, for a manager."""
        if isinstance(error, JournalTrouble):
            # A sentence about the journal already: its news goes with the next one.
            self._listener.counter_said(Notice(tone, sentence, error))
            return
        news, self._journal_news = self._journal_news, []
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
