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

``RedemptionFlow`` owns the steps and the order of the work; it hands pieces to the
collaborators it owns: ``VoucherLookup`` (below: what a scanned code comes to),
``CounterBoard`` (``view.py``: what the counter shows and says), ``AsyncJournal``
(``async_journal.py``: the journal from the loop), ``Reconciler`` (``reconcile.py``: a
request whose answer was lost) and ``Recovery`` (``recovery.py``: what an earlier run
left open).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from piggy_desk.api import (
    Contact,
    ContactIdentifierNotFound,
    ContactNotFound,
    InvalidInput,
    NotEnoughRedemptions,
    PiggyError,
    Voucher,
    VoucherAlreadyRedeemed,
    VoucherExpired,
    VoucherLock,
    VoucherLocked,
    VoucherNotFound,
    VoucherStatus,
)
from piggy_desk.counter.async_journal import (
    JOURNAL_RETRY_SECONDS,
    AsyncJournal,
    JournalUnavailable,
)
from piggy_desk.counter.clock import ClockError, clock_error, shown_now
from piggy_desk.counter.journal import Action, Journal, JournalTrouble, Outcome
from piggy_desk.counter.keyboard_layouts import LAYOUTS, Reading, unmangled
from piggy_desk.counter.reconcile import PARTIAL_REVERSE, Reconciler
from piggy_desk.counter.recovery import Recovery, Release
from piggy_desk.counter.scan import (
    DuplicateFilter,
    ScanRejected,
    ScanRules,
    normalise_scan,
    scanner_dressing,
)
from piggy_desk.counter.view import (
    CHECKING,
    NOT_CHECKED,
    NOT_FOUND,
    OFFLINE_SENTENCE,
    REDEEMED_HERE,
    REVERSED_HERE,
    CounterBoard,
    CounterListener,
    CounterView,
    RecentScan,
    Stage,
    UsesKnown,
)
from piggy_desk.logs import register_secret
from piggy_desk.notices import Problem, Tone, is_refusal, tone_of
from piggy_desk.texts import QT_TRANSLATE_NOOP, Translate, untranslated

if TYPE_CHECKING:
    from piggy_desk.api import PiggyClient  # the client (httpx) comes after the first paint

# What the window and the tests take from here (the view's names live in ``view.py``).
__all__ = [
    "NOT_CHECKED",
    "NOT_FOUND",
    "OFFLINE_SENTENCE",
    "PARTIAL_REVERSE",
    "REDEEMED_HERE",
    "REVERSED_HERE",
    "CounterListener",
    "CounterSettings",
    "CounterView",
    "RecentScan",
    "RedemptionFlow",
    "Stage",
    "UsesKnown",
]

log = logging.getLogger("piggy_desk.counter")


@dataclass(frozen=True, slots=True)
class CounterSettings:
    """The counter's part of the settings."""

    lock_before_redeem: bool = True
    shop_uuid: str | None = None
    scan_rules: ScanRules = dataclasses.field(default_factory=ScanRules)


class VoucherLookup:
    """What a scanned code comes to: the voucher on the card with its sentence, or why not.

    A code Piggy does not know is tried once more: as a scanner set up for another
    keyboard layout meant it, or in capitals when it was typed by hand in lower case."""

    def __init__(self, client: PiggyClient, board: CounterBoard) -> None:
        self._client = client
        self._board = board
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = board.translate

    async def find(self, code: str, rules: ScanRules) -> None:
        """Find ``code`` and show it (or say why it cannot be shown)."""
        board = self._board
        board.update(busy=self.translate("RedemptionFlow", "Checking the voucher…"))
        read_as: Reading | None = None
        capitals: str | None = None  # a code typed by hand in lower case, tried in capitals
        dressing: str | None = None  # what the scanner put around the code (Code 39's *)
        try:
            try:
                voucher = await self._client.vouchers.find(code)
            except VoucherNotFound:
                dressing = scanner_dressing(code)
                if dressing is not None:
                    raise  # not a keyboard layout's doing: the sentence says what it is
                # A scanner set up for another keyboard layout: the code it meant, once.
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
            board.remember(code, NOT_FOUND)
            board.clear()
            sentence = self.translate(
                "RedemptionFlow", "No voucher with the code “{code}” was found."
            )
            if dressing == "*":
                sentence = self.translate(
                    "RedemptionFlow",
                    "No voucher with the code “{code}” was found. The scanner sends Code 39's * "
                    "before and after the code: switch that off on the scanner, or enter * as "
                    "the scanner prefix and suffix in Settings.",
                )
            elif dressing is not None:
                sentence = self.translate(
                    "RedemptionFlow",
                    "No voucher with the code “{code}” was found. The scanner sends “{read}”, "
                    "the barcode's type, before the code: switch that off on the scanner, or "
                    "enter {read} as the scanner prefix in Settings.",
                )
            elif read_as is not None:
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
            board.say(
                Tone.REFUSAL,
                sentence.format(
                    code=code, read=read_as.code if read_as else capitals or dressing or ""
                ),
                error,
            )
            return
        except PiggyError as error:
            board.remember(code, NOT_CHECKED)
            # Never leave the last voucher on the card: it would pass for the one just scanned.
            board.clear()
            board.say(
                Tone.ERROR,
                self.translate(
                    "RedemptionFlow", "{problem} The voucher “{code}” could not be checked."
                ).format(
                    problem=board.error_text(error),
                    code=read_as.code if read_as else capitals or code,
                ),
                error,
            )
            return
        await board.count_uses_here(voucher)
        board.remember(voucher.code if read_as or capitals else code, voucher.status)
        board.show(voucher)
        if read_as is not None:
            before: str | None = self._read_back_sentence(code, read_as, rules)
        elif capitals is not None:
            before = self.translate(
                "RedemptionFlow", "No voucher with the code “{typed}”: found “{code}”, in capitals."
            ).format(typed=code, code=voucher.code)
        else:
            before = None
        self._announce(voucher, before)

    async def refresh(self, code: str, *, refused: bool = False) -> None:
        """Show the voucher as Piggy has it now (after a refusal or a release). ``refused``:
        Piggy has just refused it, so the card no longer says its status until it is known
        again (and says it was not checked when the look-up fails)."""
        if refused:
            self._board.update(status_unknown=CHECKING)
        try:
            voucher = await self._client.vouchers.find(code)
        except PiggyError:
            unknown = NOT_CHECKED if self._board.view.status_unknown else None
            if unknown is not None:
                self._board.looked_up_again(code, unknown)
            self._board.update(Stage.SHOWING, lock=None, busy=None, status_unknown=unknown)
        else:
            await self._board.count_uses_here(voucher)
            self._board.looked_up_again(voucher.code, voucher.status)
            self._board.show(voucher)

    def _read_back_sentence(self, typed: str, read_as: Reading, rules: ScanRules) -> str:
        """Says that a scan was read with another keyboard layout, and which when known."""
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
        self._board.say(tone, f"{before} {said}" if before else said)


class Locks:
    """Takes a voucher's lock before its redeem (Piggy holds it for this counter for an
    hour) and gives it back: on cancel, after a refusal, at closing, or one an earlier run
    left (``Recovery``). Each lock and release is journalled like a redeem."""

    def __init__(
        self,
        client: PiggyClient,
        journal: AsyncJournal,
        board: CounterBoard,
        lookup: VoucherLookup,
        reconcile: Reconciler,
    ) -> None:
        self._client, self._journal, self._board = client, journal, board
        self._lookup, self._reconcile = lookup, reconcile
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = board.translate

    async def take(
        self, voucher: Voucher, *, meanwhile: Callable[[VoucherLock], None] | None = None
    ) -> VoucherLock | None:
        """Lock ``voucher`` for this counter; None when it was not (said why).

        ``meanwhile`` shows the lock taken while its answer is written into the journal
        (nothing is said before that is done)."""
        # The entry is written as the counter draws "Reserving…", and durable before the
        # lock is asked for.
        # What is begun is always awaited (a change kept in memory is said with it).
        beginning = self._journal.begin(Action.LOCK, voucher)
        try:
            self._board.update(busy=self.translate("RedemptionFlow", "Reserving the voucher…"))
        finally:
            entry = await beginning
        try:
            lock = await self._client.vouchers.lock(voucher.uuid)
        except PiggyError as error:
            await self._journal.finish_failed(entry, error)
            if error.ambiguous and await self._reconcile.lock_never_happened(voucher, error):
                return None
            if error.ambiguous:
                self._board.say(
                    Tone.ERROR,
                    self.translate(
                        "RedemptionFlow",
                        "{problem} The voucher may stay reserved for up to an hour.",
                    ).format(problem=self._board.error_text(error)),
                    error,
                )
            else:
                self._board.say(tone_of(error), self._board.error_text(error), error)
            await self._lookup.refresh(voucher.code, refused=is_refusal(error))
            return None
        register_secret(lock.release_key)  # never in a log line from here on
        written = self._journal.finish(
            entry,
            Outcome.OK,
            release_key=lock.release_key,
            lock_expires_at=lock.system_release_at,
        )
        try:
            if meanwhile is not None:
                meanwhile(lock)
        finally:
            await written
        return lock

    async def release(self, voucher: Voucher, lock: VoucherLock) -> Release:
        """Release a lock: released now, already gone, or failed (it may still hold)."""
        # A release may go out unrecorded (the entry waits in memory): sending it twice is
        # harmless, and a key that cannot be used is worse.
        entry = await self._journal.begin(Action.RELEASE, voucher, keep=True)
        try:
            await self._client.vouchers.release(voucher.uuid, lock.release_key)
        except (InvalidInput, VoucherNotFound, VoucherAlreadyRedeemed, VoucherExpired) as error:
            # The lock is gone (expired, or the voucher changed): nothing to give back.
            await self._journal.finish(
                entry, Outcome.REFUSED, detail=error.message, settle_locks_of=voucher.uuid
            )
            return Release.GONE
        except PiggyError as error:
            await self._journal.finish_failed(entry, error)
            log.warning("release of %s failed: %s", voucher.code, type(error).__name__)
            return Release.FAILED
        await self._journal.finish(entry, Outcome.OK, settle_locks_of=voucher.uuid)
        return Release.RELEASED


class CustomerStep:
    """The customer of a held voucher that has none yet: the one a manager chose beforehand
    (Contacts screen), or the one whose loyalty card is scanned or e-mail address typed."""

    def __init__(self, client: PiggyClient, board: CounterBoard) -> None:
        self._client = client
        self._board = board
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = board.translate
        self._preset: Contact | None = None

    def preset(self, contact: Contact) -> None:
        """A manager picked this customer (Contacts screen): a voucher without a customer
        that is redeemed next goes to them, without asking. The voucher on the card belongs
        to the customer before: it leaves the card, so Enter cannot redeem it for this one.
        A voucher held for confirmation, or whose redeem is in doubt, stays; the cashier is
        told to finish it first, and the customer is not taken."""
        stage, voucher = self._board.view.stage, self._board.view.voucher
        if stage == Stage.NEEDS_CONTACT:
            self._preset = None
            self._board.update(ready_customer=None)
            self.choose(contact)
        elif stage in (Stage.CONFIRMING, Stage.UNRESOLVED) and voucher is not None:
            self._preset = None
            self._board.update(ready_customer=None)
            self._board.say(
                Tone.REFUSAL,
                self.translate(
                    "RedemptionFlow",
                    "Voucher “{code}” is still on the counter: finish it first (confirm or "
                    "cancel), then choose the customer again.",
                ).format(code=voucher.code),
            )
        else:
            self._preset = contact
            self._board.update(ready_customer=contact)
            self._board.clear()
            self._board.say(
                Tone.INFO,
                self.translate(
                    "RedemptionFlow", "Customer ready: {customer}. Scan their voucher."
                ).format(customer=contact.email or contact.uuid),
            )

    def ask(self, lock: VoucherLock | None) -> None:
        """A voucher without a customer is held: take the one chosen beforehand, else ask."""
        if self._preset is not None:
            customer, self._preset = self._preset, None
            self._board.update(lock=lock, ready_customer=None)
            self.choose(customer)
            return
        self._board.update(Stage.NEEDS_CONTACT, lock=lock, contact=None)
        self._board.say(
            Tone.INFO,
            self.translate(
                "RedemptionFlow",
                "This voucher has no customer yet: scan their loyalty card or type their e-mail.",
            ),
        )

    async def by_email(self, email: str) -> None:
        """The customer said their e-mail address: find them."""
        if self._board.view.stage != Stage.NEEDS_CONTACT:
            return
        self._board.update(busy=self.translate("RedemptionFlow", "Looking up the customer…"))
        try:
            contact = await self._client.contacts.find_by_email(email)
        except ContactNotFound as error:
            self._board.update(busy=None)
            self._board.say(
                Tone.REFUSAL,
                self.translate(
                    "RedemptionFlow", "No customer with this e-mail address is known to Piggy."
                ),
                error,
            )
            return
        except PiggyError as error:
            self._board.update(busy=None)
            self._board.say(Tone.ERROR, self._board.error_text(error), error)
            return
        self.choose(contact)

    def refuse_text(self, text: str) -> None:
        """Typed into the customer field, neither an e-mail address nor a loyalty card's
        number (a name, say): nothing is looked up; say what to type."""
        if self._board.view.stage != Stage.NEEDS_CONTACT:
            return
        self._board.say(
            Tone.REFUSAL,
            self.translate(
                "RedemptionFlow",
                "“{text}” is neither an e-mail address nor a loyalty card number. Type the "
                "customer's e-mail address (like name@example.com) or scan their loyalty card.",
            ).format(text=text),
        )

    async def by_card(self, value: str) -> None:
        self._board.update(busy=self.translate("RedemptionFlow", "Looking up the loyalty card…"))
        try:
            contact = await self._client.contacts.find_by_identifier(value)
        except ContactIdentifierNotFound as error:
            sentence = await self._voucher_instead(value) or self._board.error_text(error)
            self._board.update(busy=None)
            self._board.say(Tone.REFUSAL, sentence, error)
            return
        except PiggyError as error:
            self._board.update(busy=None)
            self._board.say(tone_of(error), self._board.error_text(error), error)
            return
        if contact is None:
            self._board.update(busy=None)
            self._board.say(
                Tone.REFUSAL,
                self.translate(
                    "RedemptionFlow",
                    "This loyalty card is not linked to a customer yet. Type their e-mail instead.",
                ),
            )
            return
        self.choose(contact)

    async def _voucher_instead(self, value: str) -> str | None:
        """What to say when the unknown card is a voucher's code (the voucher held, scanned
        again, or another one), or None when Piggy knows no voucher by it either."""
        try:
            voucher = await self._client.vouchers.find(value)
        except PiggyError:
            return None  # (offline, not found: the card's own refusal stands)
        held = self._board.view.voucher
        if held is not None and held.code.casefold() == voucher.code.casefold():
            return self.translate(
                "RedemptionFlow",
                "“{code}” is this voucher's own code, not a loyalty card. Scan the customer's "
                "loyalty card or type their e-mail address.",
            ).format(code=voucher.code)
        return self.translate(
            "RedemptionFlow",
            "“{code}” is a voucher code, not a loyalty card. Scan the customer's loyalty card "
            "or type their e-mail address; or press Esc to cancel this voucher, then scan "
            "“{code}” again.",
        ).format(code=voucher.code)

    def choose(self, contact: Contact) -> None:
        self._board.update(Stage.CONFIRMING, contact=contact)
        customer = contact.email or contact.uuid
        if waits := self._board.enter_waits():
            sentence = self.translate("RedemptionFlow", "Customer: {customer}.")
            sentence = f"{sentence.format(customer=customer)} {waits}"
        else:
            sentence = self.translate(
                "RedemptionFlow", "Customer: {customer}. Press Enter to redeem."
            ).format(customer=customer)
        self._board.say(Tone.INFO, sentence)


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
        clock = clock or (lambda: datetime.now(UTC))
        self._clock = clock
        # Named ``translate`` so that lupdate finds the sentences of its calls.
        self.translate = translate
        self.settings = settings or CounterSettings()
        self._journal = AsyncJournal(
            journal, translate=translate, retry_seconds=journal_retry_seconds
        )
        self._board = CounterBoard(
            listener,
            self._journal,
            translate=translate,
            clock=clock,
            piggy_now=lambda: client.piggy_now(),
        )
        self._lookup = VoucherLookup(client, self._board)
        self._customer = CustomerStep(client, self._board)
        self._reconcile = Reconciler(client, self._journal, self._board)
        self._locks = Locks(client, self._journal, self._board, self._lookup, self._reconcile)
        self._recovery = Recovery(
            client,
            self._journal,
            self._locks.release,
            translate=translate,
            time_text=time_text or (lambda moment: moment.astimezone().strftime("%H:%M")),
            clock=clock,
        )
        self._duplicates = DuplicateFilter()
        self._scans: asyncio.Queue[str] = asyncio.Queue()
        self._busy = asyncio.Lock()
        self._worker: asyncio.Task[None] | None = None
        self._keeper: asyncio.Task[None] | None = None
        # The journal's trouble the last ``release_orphans`` told of: its Details.
        self.orphans_trouble: JournalTrouble | None = None
        self._redeeming: str | None = None  # the code whose redeem awaits Piggy's answer

    @property
    def view(self) -> CounterView:
        """What the counter shows now."""
        return self._board.view

    def start(self) -> None:
        """Start handling scans (call inside the running loop)."""
        if self._worker is None:
            loop = asyncio.get_running_loop()
            self._worker = loop.create_task(self._handle_scans(), name="counter-scans")
            self._keeper = loop.create_task(
                self._journal.keep(lambda trouble, said: self._say(Tone.ERROR, said, trouble)),
                name="journal-keeper",
            )

    async def aclose(self) -> None:
        """Stop handling scans and give back a voucher this counter still holds."""
        if self._worker is not None:
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
            self._worker = None
        async with self._acting():
            if self.view.lock is not None and self.view.voucher is not None:
                await self._locks.release(self.view.voucher, self.view.lock)
        if self._keeper is not None:
            self._keeper.cancel()
            await asyncio.gather(self._keeper, return_exceptions=True)
            self._keeper = None

    def begin_closing(self) -> None:
        """The window is closing and is about to stop what is in flight: a redeem waiting
        for Piggy's answer is said to be stopped, not left drawn as "Redeeming…" while the
        held voucher is given back (``aclose``). The journal keeps its entry open, and the
        next start finds the voucher and says whether it was redeemed (till then its status
        and its uses are not known). A held voucher is no longer asked about, counted down
        or offered to cancel (an unanswered question is said cancelled): the voucher is
        shown, its lock kept for ``aclose``, and nothing more can be done with it
        (``CounterView.closing``)."""
        closing = self.translate("RedemptionFlow", "Closing…")
        if self._redeeming is not None:
            self._update(
                Stage.SHOWING,
                closing=True,
                busy=closing,
                status_unknown=NOT_CHECKED,
                uses=dataclasses.replace(self.view.uses, in_doubt=True),
            )
            self._say(
                Tone.INFO,
                self.translate(
                    "RedemptionFlow",
                    "The redemption of “{code}” was stopped before Piggy answered; the next "
                    "start checks whether it went through.",
                ).format(code=self._redeeming),
            )
        elif self.view.stage in (Stage.NEEDS_CONTACT, Stage.CONFIRMING):
            # (What the counter asked, "Press Enter to confirm …", no longer holds.)
            self._update(Stage.SHOWING, closing=True, busy=closing)
            self._say(
                Tone.INFO,
                self.translate("RedemptionFlow", "Cancelled. The voucher was not redeemed."),
            )
        else:
            self._update(closing=True)

    async def flush_journal(self) -> bool:
        """Write what the journal keeps in memory now; True when nothing waits."""
        try:
            return await self._journal.flush()
        except JournalUnavailable:
            self._update(busy=None)
            return False

    @asynccontextmanager
    async def _acting(self) -> AsyncIterator[None]:
        """One action at a time; a journal failure ends the action with a sentence."""
        async with self._busy:
            try:
                yield
            except JournalUnavailable as error:
                self._update(busy=None)
                self._say(Tone.ERROR, str(error), error.trouble)

    def set_online(self, online: bool, *, why: str = "") -> None:
        """Whether Piggy can be reached; offline, nothing is redeemed (a voucher cannot be
        validated offline). ``why``: the window's sentence for it when the line works
        (Piggy answering with errors, refusing the token, in maintenance), said again when
        the cashier tries; empty for no connection."""
        self._update(online=online, offline_why="" if online else why)

    def _not_online_sentence(self) -> str:
        """Why nothing can be checked or redeemed now, as the window says it."""
        return self.view.offline_why or self.translate("RedemptionFlow", OFFLINE_SENTENCE)

    # --- the customer ---------------------------------------------------------------

    def preset_customer(self, contact: Contact) -> None:
        """A manager picked this customer (Contacts screen): a voucher without a customer
        that is redeemed next goes to them (``CustomerStep.preset``)."""
        self._customer.preset(contact)

    async def use_contact_email(self, email: str) -> None:
        """The customer said their e-mail address: find them."""
        async with self._acting():
            await self._customer.by_email(email)

    def refuse_customer_text(self, text: str) -> None:
        """Typed into the customer field, neither an e-mail address nor a loyalty card's
        number (a name, say): nothing is looked up; say what to type."""
        self._customer.refuse_text(text)

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

    def now(self) -> datetime:
        """The now a voucher's dates are shown from: Piggy's (``counter.clock``)."""
        return shown_now(self._client.piggy_now(), self._clock())

    def clock_error(self) -> ClockError | None:
        """This computer's clock off Piggy's by more than a few minutes, or None."""
        return clock_error(self._client.piggy_now(), self._clock())

    def forget_last_scan(self) -> None:
        """Esc or Cancel was pressed: a scan after it is the cashier's, never a scanner's
        double read of the scan before, even of the same code at once ("press Esc to cancel
        this voucher, then scan “X” again" must not be swallowed)."""
        self._duplicates.forget()

    def show_again(self, code: str) -> None:
        """The cashier chose a recent scan: find that voucher again, after the scans before
        (a choice, not a scanner's double read: never taken for the same scan again)."""
        self._queue(code)

    def _queue(self, code: str) -> None:
        self._scans.put_nowait(code)
        self._board.scan_queued()

    async def _handle_scans(self) -> None:
        while True:
            code = await self._scans.get()
            while True:
                await self._board.scans_may_go.wait()
                async with self._acting():
                    if not self._board.scans_may_go.is_set():
                        # The action before it ended with a voucher to confirm (a redeem, a
                        # customer found): the scan waits for that voucher, as it would have.
                        continue
                    self._board.waiting -= 1
                    if self.view.stage == Stage.NEEDS_CONTACT:
                        await self._customer.by_card(code)
                    else:
                        await self._lookup.find(code, self.settings.scan_rules)
                break

    # --- redeeming ------------------------------------------------------------------

    async def redeem(self) -> None:
        """Enter or Redeem on an active voucher: lock it, then ask for a contact or confirmation."""
        async with self._acting():
            if not self.view.online and self.view.stage == Stage.SHOWING:
                self._say(Tone.ERROR, self._not_online_sentence())
                return
            if not self.view.can_redeem or self.view.voucher is None:
                return
            voucher = self.view.voucher
            lock: VoucherLock | None = None
            if self.settings.lock_before_redeem:
                # With a customer, the confirm panel is drawn as the lock is written.
                lock = await self._locks.take(
                    voucher, meanwhile=None if voucher.contact is None else self._confirming
                )
                if lock is None:
                    return
            if voucher.contact is None:
                self._customer.ask(lock)
            else:
                if lock is None:  # not locked first: nothing drawn yet
                    self._confirming(lock)
                self._say(
                    Tone.INFO,
                    self._board.enter_waits()
                    or self.translate(
                        "RedemptionFlow", "Press Enter to confirm the redemption, or Esc to cancel."
                    ),
                )

    def _confirming(self, lock: VoucherLock | None) -> None:
        self._update(Stage.CONFIRMING, lock=lock)

    async def confirm(self, times: int = 1) -> None:
        """Enter on the confirm panel: redeem (``times`` > 1: multi-redeem) with the release key."""
        async with self._acting():
            view = self.view
            if view.stage != Stage.CONFIRMING or view.voucher is None:
                return
            if not view.online:
                self._say(
                    Tone.ERROR,
                    self._not_online_sentence()
                    + " "
                    + self.translate("RedemptionFlow", "The voucher stays reserved."),
                )
                return
            voucher, lock = view.voucher, view.lock
            contact_uuid = view.contact.uuid if voucher.contact is None and view.contact else None
            release_key = lock.release_key if lock else None
            action = Action.MULTI_REDEEM if times > 1 else Action.REDEEM
            # Durable before the redeem is sent; "Redeeming…" is drawn as it is written.
            beginning = self._journal.begin(action, voucher, contact_uuid=contact_uuid, times=times)
            try:
                self._update(busy=self.translate("RedemptionFlow", "Redeeming…"))
            finally:
                entry = await beginning
            try:
                redeemed = await self._redeem_at_piggy(voucher, times, contact_uuid, release_key)
            except PiggyError as error:
                await self._journal.finish_failed(entry, error)
                if error.ambiguous:
                    await self._reconcile.redeem(
                        entry, voucher, had_lock=lock is not None, times=times
                    )
                else:
                    await self._after_refused_redeem(voucher, lock, error)
                return
            written = self._journal.finish(entry, Outcome.OK, settle_locks_of=voucher.uuid)
            try:
                self._board.piggy_count_changed(voucher.uuid, -times)
                # Read on the journal's thread after the answer is written: one wait for both.
                await self._board.count_uses_here(redeemed)
            finally:
                # Awaited even when the action ends here (the program closing): a change
                # the journal keeps in memory goes with the next notice, for a manager.
                await written
            self._board.done(redeemed, just_redeemed=times)
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

    async def _redeem_at_piggy(
        self, voucher: Voucher, times: int, contact_uuid: str | None, release_key: str | None
    ) -> Voucher:
        """Piggy asked to redeem; ``_redeeming`` names the voucher only while its answer is
        awaited (once Piggy has answered, even with a refusal, closing stops nothing)."""
        self._redeeming = voucher.code
        try:
            if times > 1:
                result = await self._client.vouchers.multi_redeem(
                    voucher.code,
                    times,
                    shop_uuid=self.settings.shop_uuid or "",
                    contact_uuid=contact_uuid,
                    release_key=release_key,
                )
                return result.voucher
            return await self._client.vouchers.redeem(
                voucher.code,
                contact_uuid=contact_uuid,
                release_key=release_key,
                shop_uuid=self.settings.shop_uuid,
            )
        finally:
            self._redeeming = None

    async def _after_refused_redeem(
        self, voucher: Voucher, lock: VoucherLock | None, error: PiggyError
    ) -> None:
        tone = tone_of(error)
        if isinstance(error, NotEnoughRedemptions) and error.left is not None:
            self._board.piggy_said_left(voucher.uuid, error.left)
        if isinstance(error, NotEnoughRedemptions | InvalidInput) or not is_refusal(error):
            # Nothing changed on Piggy's side: the cashier can correct or try again.
            self._update(busy=None, uses=self._board.uses_known(voucher))
            sentence = self._board.refusal_sentence(error)
            if not is_refusal(error):
                again = self.translate("RedemptionFlow", "The voucher was not redeemed. Try again.")
                sentence = f"{sentence} {again}"
            if waits := self._board.enter_waits():
                sentence = f"{sentence} {waits}"  # still confirming, and Enter waits
            self._say(tone, sentence, error)
            return
        if lock is not None and not isinstance(
            error, VoucherAlreadyRedeemed | VoucherExpired | VoucherLocked
        ):
            await self._locks.release(voucher, lock)
        # No longer asked about, nor reserved here, while Piggy is asked how it stands now.
        self._update(Stage.SHOWING, busy=self.translate("RedemptionFlow", "Checking the voucher…"))
        self._say(tone, self._board.refusal_sentence(error), error)
        await self._lookup.refresh(voucher.code, refused=True)

    async def recheck(self) -> None:
        """Check again after an answer was lost and the voucher could not be checked."""
        async with self._acting():
            view, unresolved = self.view, self._reconcile.unresolved
            if view.stage != Stage.UNRESOLVED or view.voucher is None or unresolved is None:
                return
            entry, times = unresolved
            await self._reconcile.redeem(
                entry, view.voucher, had_lock=view.lock is not None, times=times
            )

    async def cancel(self) -> None:
        """Esc: give the voucher back and stay on it."""
        async with self._acting():
            view = self.view
            if view.stage not in (Stage.NEEDS_CONTACT, Stage.CONFIRMING) or view.voucher is None:
                return
            if view.lock is not None:
                self._update(busy=self.translate("RedemptionFlow", "Releasing the voucher…"))
                await self._locks.release(view.voucher, view.lock)
            await self._lookup.refresh(view.voucher.code)
            self._say(
                Tone.INFO,
                self.translate("RedemptionFlow", "Cancelled. The voucher was not redeemed."),
            )

    async def reverse(self) -> None:
        """Undo the redemption of the shown voucher (the window asked for confirmation)."""
        async with self._acting():
            if not self.view.can_reverse or self.view.voucher is None:
                return
            voucher = self.view.voucher
            partial = voucher.status != VoucherStatus.REDEEMED
            entry = await self._journal.begin(
                Action.REVERSE, voucher, detail=PARTIAL_REVERSE if partial else None
            )
            self._update(busy=self.translate("RedemptionFlow", "Reversing the redemption…"))
            try:
                result = await self._client.vouchers.reverse(voucher.uuid)
            except PiggyError as error:
                await self._journal.finish_failed(
                    entry, error, note=PARTIAL_REVERSE if partial else None
                )
                if error.ambiguous:
                    await self._reconcile.reverse(entry, voucher, error)
                    return
                self._say(tone_of(error), self._board.error_text(error), error)
                await self._lookup.refresh(voucher.code, refused=is_refusal(error))
                return
            await self._journal.finish(entry, Outcome.OK)
            self._board.piggy_count_changed(voucher.uuid, +1)
            self._board.remember(voucher.code, REVERSED_HERE)
            if result is None:
                await self._lookup.refresh(voucher.code)
            else:
                await self._board.count_uses_here(result)
                self._update(Stage.SHOWING, voucher=result, busy=None)
            self._say(
                Tone.SUCCESS,
                self.translate(
                    "RedemptionFlow", "The redemption was reversed: the voucher can be used again."
                ),
            )

    # --- locks and redeems left behind ------------------------------------------------

    async def release_orphans(self) -> list[str]:
        """Release locks an earlier run left (crash, power cut, kill) and settle the redeems
        and reverses it never heard back about (``Recovery``); returns a sentence each."""
        async with self._acting():
            view = self.view
            unresolved = self._reconcile.unresolved
            sentences = await self._recovery.settle(
                held=view.voucher.uuid if view.lock and view.voucher else None,
                unresolved=unresolved[0] if unresolved else None,
            )
            self.orphans_trouble = self._recovery.trouble
            return sentences

    # --- helpers --------------------------------------------------------------------

    def _update(self, stage: Stage | None = None, **changes: object) -> None:
        self._board.update(stage, **changes)

    def _say(self, tone: Tone, sentence: str, error: Problem | None = None) -> None:
        self._board.say(tone, sentence, error)
