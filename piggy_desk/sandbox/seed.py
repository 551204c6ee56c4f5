"""The sandbox's starting data: a Dutch/Belgian coffee shop's Piggy account.

Everything named in this module's constants is the same for every seed, so tests,
training scripts and the README can rely on it; the rest (about 250 vouchers and 50
contacts) varies with the seed. All dates are relative to the clock when the data is
built, so a voucher seeded as expired is expired whatever the day.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from piggy_desk.sandbox.address import DEMO_SHOP_UUID
from piggy_desk.sandbox.clock import SandboxClock
from piggy_desk.sandbox.state import (
    Contact,
    ContactIdentifier,
    Lock,
    Promotion,
    Redemption,
    SandboxState,
    Shop,
    Voucher,
    VoucherStatus,
)

KNOWN_CONTACT_UUID = "bf6028be-b012-43f4-9c83-026731d4285a"
KNOWN_CONTACT_EMAIL = "anna.devries@example.nl"
KNOWN_CARD = "2900000000018"
"""An active loyalty card of the known contact."""
KNOWN_CARD_INACTIVE = "2900000000025"
"""The known contact's old card, no longer active (60004)."""
KNOWN_CARD_NO_CONTACT = "2900000000032"
"""An active card handed out at the counter and not yet linked to anyone."""
"""'Koffie & Co Utrecht Oudegracht': the counter's own shop in training."""

PROMOTION_SINGLE_USE_UUID = "207835f4-2378-419a-8fa4-ef3fe45f27d7"
"""'Gratis koffie': single-use, no limits."""
PROMOTION_DISCOUNT_UUID = "8824537e-00ff-45af-b40f-a080e63dfd7e"
"""'10% korting': single-use, no limits."""
PROMOTION_MULTI_USE_UUID = "dca22e31-6288-4eae-afe7-755ebaab2c63"
"""'Koffiekaart 10x': ten redemptions per voucher."""
PROMOTION_LIMITED_UUID = "312089eb-bf8a-426c-a07f-143d91868f6a"
"""'Proefpakket thee': voucher_limit 25 with 24 issued, so one more can be made."""
PROMOTION_INACTIVE_UUID = "cf48b0a6-ddc8-4b99-b626-fe029e820e05"
"""'Lunchkaart 5x': multi-use, and inactive, so multi-redeem answers 80020."""
PROMOTION_WITH_PLU_UUID = "a08d9de2-37d5-419d-9e0e-d22f1ebd1c83"
"""'Gratis croissant': vouchers expire 30 days after issue; attribute plu "ABC12"."""
PROMOTION_PER_CONTACT_UUID = "e3df1e7f-402f-4944-843c-fa02554e5c91"
"""'Verjaardagsgebak': one voucher per contact; the known contact already has theirs."""


@dataclass(frozen=True)
class KnownFixtures:
    """What every seed sets up the same way, by name: voucher codes, then other fixtures.

    Every known voucher belongs to `CONTACT_EMAIL` except `ACTIVE_NO_CONTACT`. `LOCKED`
    was locked by another counter five minutes before the data was built; its lock runs
    out after an hour like any other. The module constants say more about each one.
    """

    ACTIVE_WITH_CONTACT: str = "ACTIEF0001"
    ACTIVE_NO_CONTACT: str = "ACTIEF0002"
    REDEEMED: str = "GEBRUIKT01"
    EXPIRED: str = "VERLOPEN01"
    DEACTIVATED: str = "UITGEZET01"
    INACTIVE: str = "NOGNIET001"
    LOCKED: str = "BEZET00001"
    MULTI_USE: str = "KAART10X01"
    MULTI_USE_ONE_LEFT: str = "KAART10X02"
    MULTI_USE_INACTIVE_PROMOTION: str = "LUNCH5X001"
    WITH_PLU: str = "CROISSANT1"
    PER_CONTACT_LIMIT_REACHED: str = "TAART00001"

    CONTACT_EMAIL: str = KNOWN_CONTACT_EMAIL
    CONTACT_UUID: str = KNOWN_CONTACT_UUID
    CARD: str = KNOWN_CARD
    CARD_INACTIVE: str = KNOWN_CARD_INACTIVE
    CARD_NO_CONTACT: str = KNOWN_CARD_NO_CONTACT
    SHOP_UUID: str = DEMO_SHOP_UUID
    PROMOTION_SINGLE_USE: str = PROMOTION_SINGLE_USE_UUID
    PROMOTION_DISCOUNT: str = PROMOTION_DISCOUNT_UUID
    PROMOTION_MULTI_USE: str = PROMOTION_MULTI_USE_UUID
    PROMOTION_LIMITED: str = PROMOTION_LIMITED_UUID
    PROMOTION_INACTIVE: str = PROMOTION_INACTIVE_UUID
    PROMOTION_WITH_PLU: str = PROMOTION_WITH_PLU_UUID
    PROMOTION_PER_CONTACT: str = PROMOTION_PER_CONTACT_UUID


KNOWN = KnownFixtures()
"""The well-known fixtures: `KNOWN.EXPIRED` is a code, `KNOWN.CARD` a card number, and so on."""

PROMOTION_ATTRIBUTE_KEYS = ("plu", "afdeling")
LOYALTY_CARD_NAME = "Klantenkaart"

_OTHER_SHOP_UUIDS = ("74210baf-cc65-4892-a7b2-90182e499841", "426e4d83-d7f0-4715-83a9-656108235470")
_KNOWN_NAMESPACE = uuid.UUID("9cd5f818-4c8c-4797-a935-6e35b80892f8")
_DAY = timedelta(days=1)
_RANDOM_CONTACTS = 49
_RANDOM_VOUCHERS = 212
_LIMITED_ISSUED = 24

_FIRST_NAMES = (
    "Daan", "Sem", "Lucas", "Emma", "Julia", "Sophie", "Lotte", "Noah", "Milan", "Fleur",
    "Sanne", "Thijs", "Bram", "Lieke", "Jesse", "Ruben", "Eva", "Lisa", "Femke", "Joris",
    "Wout", "Nina", "Elise", "Arne", "Jana", "Lars", "Ilse", "Pieter", "Hanne", "Senne",
    "Lore", "Kobe", "Marie", "Louise", "Jens", "Stijn", "Roos", "Mila", "Finn", "Tess",
)  # fmt: skip
_DUTCH_SURNAMES = (
    "de Jong", "Jansen", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "Dekker", "van Leeuwen", "Bos", "Vermeulen", "Hendriks",
)  # fmt: skip
_BELGIAN_SURNAMES = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Lambert", "Hermans", "Aerts",
)  # fmt: skip

# How often each status turns up among the random vouchers.
_STATUS_WEIGHTS = {
    VoucherStatus.ACTIVE: 50,
    VoucherStatus.REDEEMED: 20,
    VoucherStatus.EXPIRED: 10,
    VoucherStatus.DEACTIVATED: 8,
    VoucherStatus.INACTIVE: 7,
    VoucherStatus.LOCKED: 5,
}
_PROMOTION_WEIGHTS = {
    PROMOTION_SINGLE_USE_UUID: 35,
    PROMOTION_DISCOUNT_UUID: 25,
    PROMOTION_MULTI_USE_UUID: 15,
    PROMOTION_WITH_PLU_UUID: 12,
    PROMOTION_INACTIVE_UUID: 5,
    PROMOTION_PER_CONTACT_UUID: 8,
}


def build_state(clock: SandboxClock, seed: int) -> SandboxState:
    """Return a freshly seeded account; the same seed gives the same data."""
    # Reproducible demo data, not secrets: a seeded generator is the point.
    rng = random.Random(seed)  # noqa: S311
    state = SandboxState(clock, rng=random.Random(rng.getrandbits(64)))  # noqa: S311
    state.promotion_attribute_keys = list(PROMOTION_ATTRIBUTE_KEYS)
    _Seeder(state, rng).run()
    return state


class _Seeder:
    """Fills one state; a class only to share the generator, the clock and the contacts."""

    def __init__(self, state: SandboxState, rng: random.Random) -> None:
        self._state = state
        self._rng = rng
        self._now = state.clock.now()
        self._contacts: list[Contact] = []
        self._held: dict[tuple[str, str], int] = {}
        self._card_numbers: set[str] = set()

    def run(self) -> None:
        for shop in _shops():
            self._state.add_shop(shop)
        for promotion in _promotions():
            self._state.add_promotion(promotion)
        known_contact = Contact(uuid=KNOWN_CONTACT_UUID, email=KNOWN_CONTACT_EMAIL)
        self._state.add_contact(known_contact)
        self._add_random_contacts()
        self._add_cards(known_contact)
        self._add_known_vouchers(known_contact)
        limited = self._state.get_promotion(PROMOTION_LIMITED_UUID)
        for _ in range(_LIMITED_ISSUED):
            self._add_random_voucher(limited)
        promotions = [self._state.get_promotion(key) for key in _PROMOTION_WEIGHTS]
        weights = list(_PROMOTION_WEIGHTS.values())
        for _ in range(_RANDOM_VOUCHERS):
            self._add_random_voucher(self._rng.choices(promotions, weights)[0])

    def _add_random_contacts(self) -> None:
        emails = {KNOWN_CONTACT_EMAIL}
        for index in range(_RANDOM_CONTACTS):
            # One contact signed up at the counter without an email, as Piggy allows.
            email = "" if index == 7 else self._random_email(emails)
            emails.add(email)
            contact = Contact(uuid=self._state.new_uuid(), email=email)
            self._state.add_contact(contact)
            self._contacts.append(contact)

    def _random_email(self, taken: set[str]) -> str:
        first = self._rng.choice(_FIRST_NAMES)
        if self._rng.random() < 0.6:
            surname, domain = self._rng.choice(_DUTCH_SURNAMES), "example.nl"
        else:
            surname, domain = self._rng.choice(_BELGIAN_SURNAMES), "example.be"
        local = f"{first}.{surname}".lower().replace(" ", "")
        email, number = f"{local}@{domain}", 1
        while email in taken:
            number += 1
            email = f"{local}{number}@{domain}"
        return email

    def _add_cards(self, known_contact: Contact) -> None:
        add = self._state.add_identifier
        add(ContactIdentifier(LOYALTY_CARD_NAME, KNOWN_CARD, active=True, contact=known_contact))
        add(ContactIdentifier(LOYALTY_CARD_NAME, KNOWN_CARD_INACTIVE, False, known_contact))
        add(ContactIdentifier(LOYALTY_CARD_NAME, KNOWN_CARD_NO_CONTACT, True, None))
        for index, contact in enumerate(self._contacts):
            if index % 10 == 9:
                continue  # Not everybody takes a card.
            add(ContactIdentifier(LOYALTY_CARD_NAME, self._card_number(), index % 15 != 4, contact))
        for _ in range(3):
            add(ContactIdentifier(LOYALTY_CARD_NAME, self._card_number(), True, None))

    def _card_number(self) -> str:
        """Return an unused in-store EAN-13 number, check digit included."""
        while True:
            digits = f"2901{self._rng.randrange(10**8):08d}"
            total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(digits))
            number = f"{digits}{(10 - total % 10) % 10}"
            if number not in self._card_numbers:
                self._card_numbers.add(number)
                return number

    def _add_known_vouchers(self, contact: Contact) -> None:
        now = self._now
        single = PROMOTION_SINGLE_USE_UUID
        discount = PROMOTION_DISCOUNT_UUID
        multi = PROMOTION_MULTI_USE_UUID
        active, later = now - 10 * _DAY, now + 80 * _DAY
        self._known(KNOWN.ACTIVE_WITH_CONTACT, single, contact, active, later)
        self._known(KNOWN.ACTIVE_NO_CONTACT, single, None, active, later)
        redeemed = self._known(KNOWN.REDEEMED, single, contact, now - 20 * _DAY, later)
        self._redeem(redeemed, now - 2 * _DAY, DEMO_SHOP_UUID)
        locked = self._known(KNOWN.LOCKED, single, contact, active, later)
        locked.lock = Lock(release_key=self._state.new_uuid(), locked_at=now - timedelta(minutes=5))
        self._known(KNOWN.EXPIRED, discount, contact, now - 60 * _DAY, now - _DAY)
        deactivated = self._known(KNOWN.DEACTIVATED, discount, contact, active, now + 50 * _DAY)
        deactivated.deactivated = True
        self._known(KNOWN.INACTIVE, discount, contact, now + 7 * _DAY, now + 37 * _DAY)
        self._known(KNOWN.MULTI_USE, multi, contact, now - 5 * _DAY, now + 180 * _DAY)
        one_left = self._known(KNOWN.MULTI_USE_ONE_LEFT, multi, contact, now - 40 * _DAY, later)
        for days_ago in range(36, 0, -4):
            self._redeem(one_left, now - days_ago * _DAY, DEMO_SHOP_UUID)
        self._known(
            KNOWN.MULTI_USE_INACTIVE_PROMOTION, PROMOTION_INACTIVE_UUID, contact, active, later
        )
        self._known(
            KNOWN.WITH_PLU, PROMOTION_WITH_PLU_UUID, contact, now - 2 * _DAY, now + 28 * _DAY
        )
        self._known(
            KNOWN.PER_CONTACT_LIMIT_REACHED, PROMOTION_PER_CONTACT_UUID, contact, active, later
        )

    def _known(
        self,
        code: str,
        promotion_uuid: str,
        contact: Contact | None,
        activation: datetime,
        expiration: datetime,
    ) -> Voucher:
        promotion = self._state.get_promotion(promotion_uuid)
        voucher = Voucher(
            uuid=str(uuid.uuid5(_KNOWN_NAMESPACE, code)),
            code=code,
            promotion=promotion,
            contact=contact,
            attributes=dict(promotion.attributes),
            activation_date=activation,
            expiration_date=expiration,
            total_redemptions_allowed=promotion.redemptions_per_voucher,
        )
        self._hold(voucher)
        self._state.add_voucher(voucher)
        return voucher

    def _add_random_voucher(self, promotion: Promotion) -> None:
        rng, now = self._rng, self._now
        status = rng.choices(list(_STATUS_WEIGHTS), list(_STATUS_WEIGHTS.values()))[0]
        activation, expiration = self._validity(promotion, status)
        allowed = promotion.redemptions_per_voucher
        if status is VoucherStatus.REDEEMED:
            used = allowed
        elif status is VoucherStatus.INACTIVE:
            used = 0
        else:
            used = rng.randrange(allowed)
        contact = self._random_contact(promotion, needed=used > 0)
        if contact is None:
            used = 0  # Every contact has reached this promotion's limit: leave it unused.
        voucher = Voucher(
            uuid=self._state.new_uuid(),
            code=self._state.new_code(),
            promotion=promotion,
            contact=contact,
            attributes=dict(promotion.attributes),
            activation_date=activation,
            expiration_date=expiration,
            total_redemptions_allowed=allowed,
            deactivated=status is VoucherStatus.DEACTIVATED,
        )
        last_use = min(now, expiration) if expiration is not None else now
        for moment in sorted(
            activation + rng.random() * (last_use - activation) for _ in range(used)
        ):
            self._redeem(voucher, moment, rng.choice((DEMO_SHOP_UUID, *_OTHER_SHOP_UUIDS)))
        if status is VoucherStatus.LOCKED:
            minutes_ago = timedelta(minutes=rng.uniform(1, 50))
            voucher.lock = Lock(release_key=self._state.new_uuid(), locked_at=now - minutes_ago)
        self._hold(voucher)
        self._state.add_voucher(voucher)

    def _validity(
        self, promotion: Promotion, status: VoucherStatus
    ) -> tuple[datetime, datetime | None]:
        """Return activation and expiration dates that make `status` true now."""
        rng, now = self._rng, self._now
        if promotion.expiration_duration:
            duration = timedelta(seconds=promotion.expiration_duration)
        else:
            duration = rng.choice((timedelta(days=90), timedelta(days=365)))
        if status is VoucherStatus.EXPIRED:
            expiration = now - rng.uniform(1, 30) * _DAY
            return expiration - duration, expiration
        if status is VoucherStatus.INACTIVE:
            activation = now + rng.uniform(1, 30) * _DAY
            return activation, activation + duration
        activation = now - rng.uniform(0.05, 0.8) * duration
        if promotion.expiration_duration is None and rng.random() < 0.4:
            return activation, None
        return activation, activation + duration

    def _random_contact(self, promotion: Promotion, *, needed: bool) -> Contact | None:
        """Return a contact that may hold one more voucher of `promotion`, or sometimes none."""
        if not needed and self._rng.random() < 0.45:
            return None
        limit = promotion.limit_per_contact
        candidates = [
            contact
            for contact in self._contacts
            if limit is None or self._held.get((promotion.uuid, contact.uuid), 0) < limit
        ]
        return self._rng.choice(candidates) if candidates else None

    def _hold(self, voucher: Voucher) -> None:
        if voucher.contact is not None:
            key = (voucher.promotion.uuid, voucher.contact.uuid)
            self._held[key] = self._held.get(key, 0) + 1

    def _redeem(self, voucher: Voucher, moment: datetime, shop_uuid: str) -> None:
        assert voucher.contact is not None, "a redeemed voucher always has a contact"
        voucher.redemptions.append(
            Redemption(
                uuid=self._state.new_uuid(),
                created_at=moment,
                contact_uuid=voucher.contact.uuid,
                shop_uuid=shop_uuid,
            )
        )


def _shops() -> list[Shop]:
    """A small chain: two coffee bars and their web shop (the shapes Piggy's
    documentation shows: `type` "physical" or "web", `reference` maybe empty)."""
    return [
        Shop(DEMO_SHOP_UUID, "Koffie & Co Utrecht Oudegracht", "physical", "UTR-01"),
        Shop(_OTHER_SHOP_UUIDS[0], "Koffie & Co Amersfoort Langestraat", "physical", "AMF-02"),
        Shop(_OTHER_SHOP_UUIDS[1], "Koffie & Co webwinkel", "web", None),
    ]


def _promotions() -> list[Promotion]:
    def attributes(plu: str | None, department: str) -> dict[str, str | int | float | bool | None]:
        return {"plu": plu, "afdeling": department}

    return [
        Promotion(
            uuid=PROMOTION_SINGLE_USE_UUID,
            name="Gratis koffie",
            description="Eén kopje koffie naar keuze, van het huis.",
            attributes=attributes(None, "Koffiebar"),
        ),
        Promotion(
            uuid=PROMOTION_DISCOUNT_UUID,
            name="10% korting",
            description="10% korting op je volgende aankoop.",
            attributes=attributes(None, "Winkel"),
        ),
        Promotion(
            uuid=PROMOTION_MULTI_USE_UUID,
            name="Koffiekaart 10x",
            description="Tien keer koffie naar keuze.",
            attributes=attributes(None, "Koffiebar"),
            redemptions_per_voucher=10,
        ),
        Promotion(
            uuid=PROMOTION_LIMITED_UUID,
            name="Proefpakket thee",
            description="Een gratis proefpakket thee, zolang de voorraad strekt.",
            voucher_limit=_LIMITED_ISSUED + 1,
            attributes=attributes(None, "Winkel"),
        ),
        Promotion(
            uuid=PROMOTION_INACTIVE_UUID,
            name="Lunchkaart 5x",
            description="Vijf keer een broodje van de dag.",
            attributes=attributes(None, "Lunchroom"),
            redemptions_per_voucher=5,
            active=False,
        ),
        Promotion(
            uuid=PROMOTION_WITH_PLU_UUID,
            name="Gratis croissant",
            description="Een verse roomboter croissant bij je koffie.",
            expiration_duration=30 * 24 * 3600,
            attributes=attributes("ABC12", "Bakkerij"),
        ),
        Promotion(
            uuid=PROMOTION_PER_CONTACT_UUID,
            name="Verjaardagsgebak",
            description="Een gebakje naar keuze in je verjaardagsmaand.",
            limit_per_contact=1,
            attributes=attributes(None, "Bakkerij"),
        ),
    ]
