"""The emulated Piggy account: promotions, vouchers, contacts and the rules between them.

Pure Python with no HTTP in sight, so every rule can be read and tested on its own. A
voucher's status is never stored: it is computed from its facts at the moment it is
read, which is how a lock runs out or a voucher expires when the clock moves on.
"""

from __future__ import annotations

import hmac
import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal, TypeAlias, TypeVar

from piggy_desk.sandbox.clock import SandboxClock
from piggy_desk.sandbox.errors import (
    CONTACT_EXISTS,
    CONTACT_NOT_FOUND,
    IDENTIFIER_INACTIVE,
    IDENTIFIER_NOT_FOUND,
    NOT_ENOUGH_REDEMPTIONS,
    PROMOTION_INACTIVE,
    PROMOTION_NOT_FOUND,
    VOUCHER_ALREADY_EXISTS,
    VOUCHER_DEACTIVATED,
    VOUCHER_EXPIRED,
    VOUCHER_INACTIVE,
    VOUCHER_LIMIT_REACHED,
    VOUCHER_LOCKED,
    VOUCHER_NOT_FOUND,
    VOUCHER_REDEEMED,
    PiggyError,
    invalid_input,
)

LOCK_DURATION = timedelta(hours=1)
DEFAULT_BATCH_DELAY_SECONDS = 1.0
# No 0/O or 1/I: printed codes get typed in by hand when a scanner fails.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10

AttributeValue: TypeAlias = str | int | float | bool | None
PROMOTION_SINGLE_USE = "SINGLE_USE"
PROMOTION_MULTI_USE = "MULTI_USE"


_T = TypeVar("_T")


def _found(value: _T | None, not_found: int) -> _T:
    """``value``, or the Piggy error ``not_found`` when there is none."""
    if value is None:
        raise PiggyError(not_found)
    return value


class VoucherStatus(StrEnum):
    """The statuses Piggy reports for a voucher."""

    ACTIVE = "ACTIVE"
    REDEEMED = "REDEEMED"
    EXPIRED = "EXPIRED"
    DEACTIVATED = "DEACTIVATED"
    INACTIVE = "INACTIVE"
    LOCKED = "LOCKED"


@dataclass(eq=False)
class Promotion:
    """A promotion; `active` is sandbox-internal and only multi-redeem looks at it (80020)."""

    uuid: str
    name: str
    description: str
    voucher_limit: int | None = None
    limit_per_contact: int | None = None
    expiration_duration: int | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    redemptions_per_voucher: int = 1
    active: bool = True

    @property
    def type(self) -> str:
        """Return Piggy's promotion type name."""
        return PROMOTION_MULTI_USE if self.redemptions_per_voucher > 1 else PROMOTION_SINGLE_USE


@dataclass(frozen=True)
class Shop:
    """A shop of the account (Piggy calls them Business Profiles too)."""

    uuid: str
    name: str
    type: str = "physical"
    reference: str | None = None


@dataclass(eq=False)
class Contact:
    """A contact (a customer) of the account."""

    uuid: str
    email: str


@dataclass(eq=False)
class ContactIdentifier:
    """A loyalty card (or similar) that leads to a contact, or to nobody yet."""

    name: str
    value: str
    active: bool
    contact: Contact | None


@dataclass(eq=False)
class Lock:
    """A voucher lock; whoever holds the release key may redeem or release."""

    release_key: str
    locked_at: datetime
    unlocked_at: datetime | None = None

    @property
    def system_release_at(self) -> datetime:
        """Return when Piggy releases the lock by itself."""
        return self.locked_at + LOCK_DURATION


@dataclass(frozen=True)
class Redemption:
    """One use of a voucher."""

    uuid: str
    created_at: datetime
    contact_uuid: str
    shop_uuid: str | None


@dataclass(eq=False)
class Voucher:
    """A voucher and the facts its status is computed from."""

    uuid: str
    code: str
    promotion: Promotion
    contact: Contact | None
    attributes: dict[str, AttributeValue]
    activation_date: datetime | None
    expiration_date: datetime | None
    total_redemptions_allowed: int
    redemptions: list[Redemption] = field(default_factory=list)
    deactivated: bool = False
    lock: Lock | None = None

    @property
    def redemptions_left(self) -> int:
        """Return how many more times the voucher may be redeemed."""
        return max(self.total_redemptions_allowed - len(self.redemptions), 0)

    @property
    def is_redeemed(self) -> bool:
        """Return whether every redemption has been used."""
        return self.redemptions_left == 0

    @property
    def redeemed_at(self) -> datetime | None:
        """Return when the last allowed redemption happened, if it has."""
        return self.redemptions[-1].created_at if self.is_redeemed and self.redemptions else None

    def active_lock(self, now: datetime) -> Lock | None:
        """Return the lock if it still holds at `now`; a lock past its release time is gone."""
        if self.lock is not None and self.lock.system_release_at > now:
            return self.lock
        return None

    def status(self, now: datetime) -> VoucherStatus:
        """Return the status at `now`, in the order of precedence Piggy applies."""
        if self.is_redeemed:
            return VoucherStatus.REDEEMED
        if self.deactivated:
            return VoucherStatus.DEACTIVATED
        if self.expiration_date is not None and now > self.expiration_date:
            return VoucherStatus.EXPIRED
        if self.active_lock(now) is not None:
            return VoucherStatus.LOCKED
        if self.activation_date is not None and now < self.activation_date:
            return VoucherStatus.INACTIVE
        return VoucherStatus.ACTIVE


@dataclass(frozen=True)
class VoucherSpec:
    """What a caller may choose about new vouchers; the promotion decides the rest."""

    code: str | None = None
    contact_uuid: str | None = None
    activation_date: datetime | None = None
    expiration_date: datetime | None = None
    total_redemptions_allowed: int | None = None
    custom_attributes: Mapping[str, AttributeValue] = field(default_factory=dict)


@dataclass(eq=False)
class BatchJob:
    """A batch of vouchers that is still being made."""

    uuid: str
    promotion: Promotion
    quantity: int
    created_at: datetime
    spec: VoucherSpec
    contact: Contact | None


# What each status answers when an operation needs an ACTIVE voucher.
_STATUS_ERRORS: Mapping[VoucherStatus, int] = {
    VoucherStatus.REDEEMED: VOUCHER_REDEEMED,
    VoucherStatus.DEACTIVATED: VOUCHER_DEACTIVATED,
    VoucherStatus.EXPIRED: VOUCHER_EXPIRED,
    VoucherStatus.LOCKED: VOUCHER_LOCKED,
    VoucherStatus.INACTIVE: VOUCHER_INACTIVE,
}


class SandboxState:
    """One Piggy account as the sandbox keeps it, with one method per thing Piggy does.

    Methods raise `PiggyError` exactly where Piggy answers with an error code. Nothing
    here is thread-safe: the server owns the state on its event loop thread.
    """

    def __init__(self, clock: SandboxClock, *, rng: random.Random | None = None) -> None:
        self.clock = clock
        self.batch_delay_seconds = DEFAULT_BATCH_DELAY_SECONDS
        # How a batch is answered: "job" (the documents' PENDING job) or "sentence" (the
        # official SDK's tests: ["Voucher generation successfully started in background."]).
        self.batch_answer: Literal["job", "sentence"] = "job"
        self.promotion_attribute_keys: list[str] = []
        self._rng = rng if rng is not None else random.Random(0)  # noqa: S311 - ids and codes, not secrets
        self._promotions: dict[str, Promotion] = {}
        self._vouchers: dict[str, Voucher] = {}
        self._vouchers_by_code: dict[str, Voucher] = {}
        self._contacts: dict[str, Contact] = {}
        self._contacts_by_email: dict[str, Contact] = {}
        self._identifiers: dict[str, ContactIdentifier] = {}
        self._pending_batches: list[BatchJob] = []
        self._shops: dict[str, Shop] = {}

    # Loading (the seed and the control surface), without Piggy's rules.

    def add_promotion(self, promotion: Promotion) -> None:
        """Add a promotion as it is."""
        self._promotions[promotion.uuid] = promotion

    def add_shop(self, shop: Shop) -> None:
        """Add a shop as it is."""
        self._shops[shop.uuid] = shop

    def add_contact(self, contact: Contact) -> None:
        """Add a contact as it is."""
        self._contacts[contact.uuid] = contact
        if contact.email:
            self._contacts_by_email[contact.email.lower()] = contact

    def add_identifier(self, identifier: ContactIdentifier) -> None:
        """Add a loyalty card as it is."""
        self._identifiers[identifier.value] = identifier

    def add_voucher(self, voucher: Voucher) -> None:
        """Add a voucher as it is; its code must be new."""
        if voucher.code in self._vouchers_by_code:
            raise ValueError(f"voucher code {voucher.code!r} is taken")
        self._vouchers[voucher.uuid] = voucher
        self._vouchers_by_code[voucher.code] = voucher

    def add_active_vouchers(self, count: int, promotion_uuid: str) -> None:
        """Add `count` fresh vouchers without a contact, ignoring the promotion's limits."""
        promotion = self.get_promotion(promotion_uuid)
        now = self.clock.now()
        for _ in range(count):
            self.add_voucher(self._new_voucher(promotion, VoucherSpec(), None, now))

    def new_uuid(self) -> str:
        """Return a uuid drawn from the state's seeded generator."""
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    def new_code(self) -> str:
        """Return an unused voucher code that looks printed."""
        while True:
            code = "".join(self._rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
            if code not in self._vouchers_by_code:
                return code

    def settle(self) -> None:
        """Let time do its work: make the vouchers of batches that are due."""
        if not self._pending_batches:
            return
        now = self.clock.now()
        delay = timedelta(seconds=self.batch_delay_seconds)
        still_pending = []
        for job in self._pending_batches:
            if now >= job.created_at + delay:
                for _ in range(job.quantity):
                    self.add_voucher(self._new_voucher(job.promotion, job.spec, job.contact, now))
            else:
                still_pending.append(job)
        self._pending_batches = still_pending

    # Shops

    def shops(self) -> list[Shop]:
        """Return every shop, in the order they were added."""
        return list(self._shops.values())

    def get_shop(self, shop_uuid: str) -> Shop | None:
        """Return one shop, or None when the account has none with this uuid."""
        return self._shops.get(shop_uuid)

    # Promotions

    def promotions(self) -> list[Promotion]:
        """Return every promotion, oldest first."""
        return list(self._promotions.values())

    def get_promotion(self, promotion_uuid: str) -> Promotion:
        """Return one promotion (80002 when unknown)."""
        return _found(self._promotions.get(promotion_uuid), PROMOTION_NOT_FOUND)

    def create_promotion(
        self,
        *,
        name: str,
        description: str,
        voucher_limit: int | None,
        limit_per_contact: int | None,
        expiration_duration: int | None,
        redemptions_per_voucher: int = 1,
    ) -> Promotion:
        """Create a promotion (multi-use when its vouchers can be used more than once)
        with the account's attributes left empty."""
        promotion = Promotion(
            uuid=self.new_uuid(),
            name=name,
            description=description,
            voucher_limit=voucher_limit,
            limit_per_contact=limit_per_contact,
            expiration_duration=expiration_duration,
            attributes=dict.fromkeys(self.promotion_attribute_keys),
            redemptions_per_voucher=redemptions_per_voucher,
        )
        self.add_promotion(promotion)
        return promotion

    # Contacts

    def contacts(self) -> list[Contact]:
        """Return every contact, oldest first."""
        return list(self._contacts.values())

    def get_contact(self, contact_uuid: str) -> Contact:
        """Return one contact (55031 when unknown)."""
        return _found(self._contacts.get(contact_uuid), CONTACT_NOT_FOUND)

    def find_contact_by_email(self, email: str) -> Contact:
        """Return the contact with this email, compared without case (55031 when none)."""
        return _found(self._contacts_by_email.get(email.lower()), CONTACT_NOT_FOUND)

    def create_contact(self, email: str) -> Contact:
        """Create a contact (60005 when the email is taken)."""
        if email.lower() in self._contacts_by_email:
            raise PiggyError(CONTACT_EXISTS)
        contact = Contact(uuid=self.new_uuid(), email=email)
        self.add_contact(contact)
        return contact

    def find_or_create_contact(self, email: str) -> Contact:
        """Return the contact with this email, created when there is none."""
        existing = self._contacts_by_email.get(email.lower())
        return existing if existing is not None else self.create_contact(email)

    def find_identifier(self, value: str) -> ContactIdentifier:
        """Return an active loyalty card by its value (60003 unknown, 60004 inactive)."""
        identifier = _found(self._identifiers.get(value), IDENTIFIER_NOT_FOUND)
        if not identifier.active:
            raise PiggyError(IDENTIFIER_INACTIVE)
        return identifier

    # Vouchers

    def vouchers(
        self,
        *,
        promotion_uuid: str | None = None,
        contact_uuid: str | None = None,
        status: VoucherStatus | None = None,
    ) -> list[Voucher]:
        """Return the vouchers matching every given filter, oldest first."""
        promotion = self.get_promotion(promotion_uuid) if promotion_uuid is not None else None
        contact = self.get_contact(contact_uuid) if contact_uuid is not None else None
        now = self.clock.now()
        return [
            voucher
            for voucher in self._vouchers.values()
            if (promotion is None or voucher.promotion is promotion)
            and (contact is None or voucher.contact is contact)
            and (status is None or voucher.status(now) is status)
        ]

    def voucher_by_code(self, code: str) -> Voucher:
        """Return the voucher with this exact code (80004 when none)."""
        return _found(self._vouchers_by_code.get(code), VOUCHER_NOT_FOUND)

    def voucher_by_uuid(self, voucher_uuid: str) -> Voucher:
        """Return the voucher with this uuid (80004 when none)."""
        return _found(self._vouchers.get(voucher_uuid), VOUCHER_NOT_FOUND)

    def create_voucher(self, promotion_uuid: str, spec: VoucherSpec) -> Voucher:
        """Create one voucher within the promotion's limits."""
        promotion = self.get_promotion(promotion_uuid)
        contact = self.get_contact(spec.contact_uuid) if spec.contact_uuid is not None else None
        if spec.code is not None and spec.code in self._vouchers_by_code:
            raise PiggyError(VOUCHER_ALREADY_EXISTS)
        self._check_limits(promotion, contact, 1)
        voucher = self._new_voucher(promotion, spec, contact, self.clock.now())
        self.add_voucher(voucher)
        return voucher

    def create_batch(self, promotion_uuid: str, quantity: int, spec: VoucherSpec) -> BatchJob:
        """Start a batch; its vouchers appear once `batch_delay_seconds` have passed."""
        promotion = self.get_promotion(promotion_uuid)
        contact = self.get_contact(spec.contact_uuid) if spec.contact_uuid is not None else None
        self._check_limits(promotion, contact, quantity)
        job = BatchJob(
            uuid=self.new_uuid(),
            promotion=promotion,
            quantity=quantity,
            created_at=self.clock.now(),
            spec=spec,
            contact=contact,
        )
        self._pending_batches.append(job)
        return job

    def update_voucher(
        self,
        voucher_uuid: str,
        *,
        deactivated: bool,
        custom_attributes: Mapping[str, AttributeValue],
    ) -> Voucher:
        """Activate or deactivate a voucher and merge attributes into it."""
        voucher = self.voucher_by_uuid(voucher_uuid)
        voucher.deactivated = deactivated
        voucher.attributes.update(custom_attributes)
        return voucher

    def lock_voucher(self, voucher_uuid: str) -> tuple[Voucher, Lock]:
        """Lock an ACTIVE voucher for an hour and hand out a fresh release key."""
        voucher = self.voucher_by_uuid(voucher_uuid)
        now = self.clock.now()
        status = voucher.status(now)
        if status is not VoucherStatus.ACTIVE:
            raise PiggyError(_STATUS_ERRORS[status])
        # A release key is a capability, so it comes from the OS, never the seeded generator.
        voucher.lock = Lock(release_key=str(uuid.uuid4()), locked_at=now)
        return voucher, voucher.lock

    def release_voucher(self, voucher_uuid: str, release_key: str) -> tuple[Voucher, Lock]:
        """End a lock held with `release_key`; the returned lock carries `unlocked_at`."""
        voucher = self.voucher_by_uuid(voucher_uuid)
        now = self.clock.now()
        status = voucher.status(now)
        if status in (VoucherStatus.REDEEMED, VoucherStatus.EXPIRED):
            raise PiggyError(_STATUS_ERRORS[status])
        lock = voucher.active_lock(now)
        if lock is None:
            raise invalid_input("release_key", "The voucher is not locked.")
        if not _same_key(release_key, lock.release_key):
            raise invalid_input("release_key", "The release key does not match the voucher's lock.")
        lock.unlocked_at = now
        voucher.lock = None
        return voucher, lock

    def redeem(
        self,
        code: str,
        *,
        times: int = 1,
        multi: bool = False,
        contact_uuid: str | None = None,
        release_key: str | None = None,
        shop_uuid: str | None = None,
    ) -> tuple[Voucher, list[Redemption]]:
        """Redeem a voucher `times` times; `multi` applies multi-redeem's extra rules."""
        voucher = self.voucher_by_code(code)
        if multi:
            if voucher.total_redemptions_allowed <= 1:
                raise invalid_input(
                    "code", "Only multi-use vouchers can be redeemed more than once."
                )
            if not voucher.promotion.active:
                raise PiggyError(PROMOTION_INACTIVE)
        now = self.clock.now()
        status = voucher.status(now)
        if status not in (VoucherStatus.ACTIVE, VoucherStatus.LOCKED):
            raise PiggyError(_STATUS_ERRORS[status])
        if voucher.redemptions_left < times:
            left = voucher.redemptions_left
            raise PiggyError(
                NOT_ENOUGH_REDEMPTIONS,
                f"Voucher doesn't have enough redemptions left ({left} left).",
            )
        lock = voucher.active_lock(now)
        if lock is not None:
            if release_key is None:
                raise PiggyError(VOUCHER_LOCKED)
            if not _same_key(release_key, lock.release_key):
                raise invalid_input(
                    "release_key", "The release key does not match the voucher's lock."
                )
        contact = self._redeeming_contact(voucher, contact_uuid)
        voucher.contact = contact
        voucher.lock = None
        made = [
            Redemption(
                uuid=self.new_uuid(), created_at=now, contact_uuid=contact.uuid, shop_uuid=shop_uuid
            )
            for _ in range(times)
        ]
        voucher.redemptions.extend(made)
        return voucher, made

    def reverse(self, voucher_uuid: str) -> Voucher:
        """Undo the voucher's last redemption."""
        voucher = self.voucher_by_uuid(voucher_uuid)
        if not voucher.redemptions:
            raise invalid_input("uuid", "The voucher has no redemption to reverse.")
        voucher.redemptions.pop()
        return voucher

    # Rules shared by several operations

    def _redeeming_contact(self, voucher: Voucher, contact_uuid: str | None) -> Contact:
        if contact_uuid is None:
            if voucher.contact is None:
                raise invalid_input(
                    "contact_uuid",
                    "The contact uuid field is required when the voucher has no contact.",
                )
            return voucher.contact
        contact = self.get_contact(contact_uuid)
        if voucher.contact is not None and voucher.contact is not contact:
            raise invalid_input(
                "contact_uuid", "The contact uuid does not match the voucher's contact."
            )
        return contact

    def _check_limits(self, promotion: Promotion, contact: Contact | None, quantity: int) -> None:
        # A limit of 0 is no limit: the official SDK's answers carry `voucher_limit: 0` on
        # live promotions where the documents write null.
        if promotion.voucher_limit:
            issued = self._count(promotion, None)
            remaining = max(promotion.voucher_limit - issued, 0)
            if quantity > remaining:
                message = (
                    None
                    if quantity == 1
                    else (
                        f"Voucher limit reached: {remaining} more voucher(s) can be created "
                        "for this promotion."
                    )
                )
                raise PiggyError(VOUCHER_LIMIT_REACHED, message)
        if contact is not None and promotion.limit_per_contact:
            held = self._count(promotion, contact)
            if held + quantity > promotion.limit_per_contact:
                raise PiggyError(
                    VOUCHER_LIMIT_REACHED,
                    "Voucher limit reached: the limit per contact for this promotion is "
                    f"{promotion.limit_per_contact}.",
                )

    def _count(self, promotion: Promotion, contact: Contact | None) -> int:
        """Count vouchers of `promotion` (held by `contact` when given), pending ones included."""
        made = sum(
            1
            for voucher in self._vouchers.values()
            if voucher.promotion is promotion and (contact is None or voucher.contact is contact)
        )
        pending = sum(
            job.quantity
            for job in self._pending_batches
            if job.promotion is promotion and (contact is None or job.contact is contact)
        )
        return made + pending

    def _new_voucher(
        self, promotion: Promotion, spec: VoucherSpec, contact: Contact | None, now: datetime
    ) -> Voucher:
        expiration = spec.expiration_date
        if expiration is None and promotion.expiration_duration:
            expiration = now + timedelta(seconds=promotion.expiration_duration)
        return Voucher(
            uuid=self.new_uuid(),
            code=spec.code if spec.code is not None else self.new_code(),
            promotion=promotion,
            contact=contact,
            attributes={**promotion.attributes, **spec.custom_attributes},
            activation_date=spec.activation_date if spec.activation_date is not None else now,
            expiration_date=expiration,
            total_redemptions_allowed=(
                spec.total_redemptions_allowed
                if spec.total_redemptions_allowed is not None
                else promotion.redemptions_per_voucher
            ),
        )


def _same_key(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
