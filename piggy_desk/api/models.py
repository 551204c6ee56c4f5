"""Typed, immutable results of Piggy calls, built tolerantly from the JSON.

Real answers are quirkier than their documentation (ids that are not UUIDs, numbers as
strings, ``"meta": []``, a batch date that is not ISO 8601, custom attributes flattened
into the embedded promotion). Each ``from_api`` accepts all of that; only an answer that
lacks what the program cannot work without (a voucher with no code, a lock with no
release key) raises ``MalformedResponse``. Unknown fields are kept in ``attributes`` or
``raw``, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from piggy_desk.api.errors import MalformedResponse

__all__ = [
    "BatchJob",
    "Contact",
    "ContactIdentifier",
    "MultiRedemption",
    "Page",
    "Promotion",
    "PromotionType",
    "Redemption",
    "SharedParts",
    "Shop",
    "Voucher",
    "VoucherLock",
    "VoucherStatus",
]

T = TypeVar("T")

# The batch job example: "2023-11-27, 17:59".
_LOOSE_DATE_FORMATS = ("%Y-%m-%d, %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class VoucherStatus(StrEnum):
    """The statuses Piggy documents; ``Voucher.status`` stays a plain str so an
    undocumented one from the server is shown rather than fatal."""

    ACTIVE = "ACTIVE"
    REDEEMED = "REDEEMED"
    EXPIRED = "EXPIRED"
    DEACTIVATED = "DEACTIVATED"
    INACTIVE = "INACTIVE"
    LOCKED = "LOCKED"


class PromotionType(StrEnum):
    """How often a voucher of a promotion can be used: once, or
    ``redemptions_per_voucher`` times."""

    SINGLE_USE = "SINGLE_USE"
    MULTI_USE = "MULTI_USE"


def parse_datetime(value: object) -> datetime | None:
    """An aware datetime from Piggy's ISO 8601 text (or its looser formats), else None.

    A time without an offset is taken as UTC, which is how Piggy stores every date.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        for fmt in _LOOSE_DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return None


# Counts, limits and page numbers: a number beyond what a 32-bit int holds is not one
# Piggy means (and Qt's number formatting and plural forms cannot take it).
_INT_LIMIT = 2**31 - 1


def _int(value: object) -> int | None:
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            return None
    if number is None or abs(number) > _INT_LIMIT:
        return None
    return number


def _limit(value: object) -> int | None:
    """A voucher limit; None for no limit, which Piggy writes as null (its documents) or
    0 (its official SDK's answers: live promotions with ``voucher_limit: 0``)."""
    number = _int(value)
    return None if number == 0 else number


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return value is True or (isinstance(value, int) and value == 1)


def _mapping(value: object) -> dict[str, Any]:
    """A dict from an object; PHP serialises an empty associative array as ``[]``."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    return {}


def _required_text(data: Mapping[str, Any], key: str, what: str) -> str:
    value = _text(data.get(key))
    if not value or not value.strip():
        raise MalformedResponse(f"Piggy sent a {what} without a {key}.")
    return value


_MAX_ID_LENGTH = 128


def _required_id(data: Mapping[str, Any], key: str, what: str) -> str:
    """An id the program will send back (in a path or a body): refused here, as a
    malformed answer, when it could not be sent back unchanged."""
    value = _required_text(data, key, what)
    if (
        len(value) > _MAX_ID_LENGTH
        or value in {".", ".."}
        or not value.isprintable()
        or any(c in value for c in "/\\ ")
    ):
        raise MalformedResponse(f"Piggy sent a {what} whose {key} cannot be an id.")
    return value


def _required_code(data: Mapping[str, Any], what: str) -> str:
    value = _required_text(data, "code", what)
    if not value.isprintable():
        raise MalformedResponse(f"Piggy sent a {what} whose code cannot be typed.")
    return value


def _release_key(data: Mapping[str, Any]) -> str:
    """A release key goes back to Piggy as is: printable ASCII without spaces."""
    value = _required_text(data, "release_key", "lock")
    if len(value) > _MAX_ID_LENGTH or not (value.isascii() and value.isprintable()) or " " in value:
        raise MalformedResponse("Piggy sent a release key that cannot be sent back.")
    return value


def require_mapping(value: object, what: str) -> Mapping[str, Any]:
    """``value`` as a JSON object, or ``MalformedResponse`` naming what was expected."""
    if not isinstance(value, Mapping):
        raise MalformedResponse(f"Piggy sent {type(value).__name__} where a {what} belongs.")
    return value


@dataclass(frozen=True, slots=True)
class Contact:
    """A Piggy contact (a customer). ``email`` is None when Piggy has none (it sends ``""``)."""

    uuid: str
    email: str | None = None

    @classmethod
    def from_api(cls, data: object) -> Contact:
        data = require_mapping(data, "contact")
        return cls(
            uuid=_required_id(data, "uuid", "contact"), email=_text(data.get("email")) or None
        )

    @classmethod
    def optional_from_api(cls, data: object) -> Contact | None:
        """None for ``null`` or an empty contact, as Piggy sends for a voucher with no contact."""
        if not isinstance(data, Mapping) or not _text(data.get("uuid")):
            return None
        return cls.from_api(data)


_PROMOTION_FIELDS = frozenset(
    {
        "uuid",
        "name",
        "description",
        "voucher_limit",
        "limit_per_contact",
        "expiration_duration",
        "type",
        "redemptions_per_voucher",
        "attributes",
    }
)


@dataclass(frozen=True, slots=True)
class Promotion:
    """A promotion: the rules vouchers are made by.

    ``voucher_limit`` and ``limit_per_contact`` are None for no limit (Piggy sends null or
    0 for that). ``expiration_duration`` is in seconds. ``type`` and
    ``redemptions_per_voucher`` are None where Piggy does not send them. ``attributes``
    holds the custom attributes, whether Piggy sent them as an ``attributes`` object or
    flattened into the promotion.
    """

    uuid: str
    name: str
    description: str = ""
    voucher_limit: int | None = None
    limit_per_contact: int | None = None
    expiration_duration: int | None = None
    type: str | None = None
    redemptions_per_voucher: int | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)

    @property
    def uses_per_voucher(self) -> int | None:
        """How many times each voucher can be used: Piggy's ``redemptions_per_voucher``, or
        1 for a SINGLE_USE promotion that does not say; None where Piggy says neither."""
        if self.redemptions_per_voucher is not None and self.redemptions_per_voucher > 0:
            return self.redemptions_per_voucher
        if (self.type or "").upper() == PromotionType.SINGLE_USE:
            return 1
        return None

    @property
    def is_multi_use(self) -> bool:
        """True where Piggy says a voucher of this promotion can be used more than once."""
        if self.redemptions_per_voucher is not None and self.redemptions_per_voucher > 1:
            return True
        return (self.type or "").upper() == PromotionType.MULTI_USE

    @classmethod
    def from_api(cls, data: object) -> Promotion:
        data = require_mapping(data, "promotion")
        attributes = _mapping(data.get("attributes"))
        attributes.update({k: v for k, v in data.items() if k not in _PROMOTION_FIELDS})
        return cls(
            uuid=_required_id(data, "uuid", "promotion"),
            name=_text(data.get("name")) or "",
            description=_text(data.get("description")) or "",
            voucher_limit=_limit(data.get("voucher_limit")),
            limit_per_contact=_limit(data.get("limit_per_contact")),
            expiration_duration=_int(data.get("expiration_duration")),
            type=_text(data.get("type")),
            redemptions_per_voucher=_int(data.get("redemptions_per_voucher")),
            attributes=attributes,
        )


@dataclass(frozen=True, slots=True)
class Voucher:
    """A voucher as Piggy describes it. ``status`` is one of ``VoucherStatus`` in practice."""

    uuid: str
    code: str
    status: str
    name: str = ""
    description: str = ""
    expiration_date: datetime | None = None
    activation_date: datetime | None = None
    redeemed_at: datetime | None = None
    is_redeemed: bool = False
    attributes: Mapping[str, Any] = field(default_factory=dict)
    contact: Contact | None = None
    promotion: Promotion | None = None

    @classmethod
    def from_api(cls, data: object, shared: SharedParts | None = None) -> Voucher:
        """``shared``: what the vouchers of one list answer have in common (their
        promotions, statuses, names, dates, customers…), kept once for all of them."""
        data = require_mapping(data, "voucher")
        parts = shared or SharedParts()
        return cls(
            uuid=_required_id(data, "uuid", "voucher"),
            code=_required_code(data, "voucher"),
            status=parts.text(_required_text(data, "status", "voucher").upper()),
            name=parts.text(_text(data.get("name")) or ""),
            description=parts.text(_text(data.get("description")) or ""),
            expiration_date=parts.moment(data.get("expiration_date")),
            activation_date=parts.moment(data.get("activation_date")),
            redeemed_at=parts.moment(data.get("redeemed_at")),
            is_redeemed=_bool(data.get("is_redeemed")),
            attributes=parts.attributes(data.get("attributes")),
            contact=parts.contact(data.get("contact")),
            promotion=parts.promotion(data.get("promotion")),
        )


class SharedParts:
    """Equal parts of the vouchers of one list answer, made once and shared: a page of 500
    vouchers names a handful of promotions, statuses, descriptions, batch dates and
    customers, and kept apart they were most of its memory. Each part is immutable or,
    for the attribute mappings, never changed by the program (as a promotion's)."""

    __slots__ = ("_attributes", "_contacts", "_moments", "_promotions", "_texts")

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._moments: dict[object, datetime | None] = {}
        self._attributes: dict[str, dict[str, Any]] = {}
        self._contacts: dict[tuple[str, str | None], Contact] = {}
        self._promotions: dict[str, Promotion] = {}

    def text(self, value: str) -> str:
        return self._texts.setdefault(value, value)

    def moment(self, value: object) -> datetime | None:
        if not isinstance(value, str):
            return parse_datetime(value)
        try:
            return self._moments[value]
        except KeyError:
            moment = self._moments[value] = parse_datetime(value)
            return moment

    def attributes(self, value: object) -> dict[str, Any]:
        attributes = _mapping(value)
        return self._attributes.setdefault(repr(attributes), attributes)  # equal text, equal

    def contact(self, value: object) -> Contact | None:
        contact = Contact.optional_from_api(value)
        if contact is None:
            return None
        return self._contacts.setdefault((contact.uuid, contact.email), contact)

    def promotion(self, value: object) -> Promotion | None:
        if not isinstance(value, Mapping):
            return None
        seen_as = repr(value)  # equal text, equal promotion
        promotion = self._promotions.get(seen_as)
        if promotion is None:
            promotion = self._promotions[seen_as] = Promotion.from_api(value)
        return promotion


@dataclass(frozen=True, slots=True)
class VoucherLock:
    """The answer to a lock or a release. The release key is a secret: not in the repr."""

    voucher_uuid: str
    status: str
    release_key: str = field(repr=False)
    locked_at: datetime | None = None
    unlocked_at: datetime | None = None
    system_release_at: datetime | None = None

    @classmethod
    def from_api(cls, data: object) -> VoucherLock:
        data = require_mapping(data, "lock answer")
        voucher = require_mapping(data.get("voucher"), "voucher")
        lock = require_mapping(data.get("lock"), "lock")
        return cls(
            voucher_uuid=_required_id(voucher, "uuid", "voucher"),
            status=(_text(voucher.get("status")) or "").upper(),
            release_key=_release_key(lock),
            locked_at=parse_datetime(lock.get("locked_at")),
            unlocked_at=parse_datetime(lock.get("unlocked_at")),
            system_release_at=parse_datetime(lock.get("system_release_at")),
        )


@dataclass(frozen=True, slots=True)
class BatchJob:
    """A batch of vouchers Piggy is making; its vouchers appear in the list when done.

    Piggy answers with the job (the documents: ``uuid``, ``status`` PENDING, …) or, as in
    its official SDK's tests, with a sentence (``["Voucher generation successfully started
    in background."]``): then ``uuid`` is None, ``status`` empty and ``message`` holds the
    sentence. Either way the batch was accepted; only the promotion's vouchers show progress.
    """

    uuid: str | None
    type: str
    quantity: int | None
    status: str
    created_at: datetime | None
    message: str | None = None

    @classmethod
    def from_api(cls, data: object) -> BatchJob:
        if isinstance(data, list) and data and all(isinstance(item, str) for item in data):
            return cls(
                uuid=None,
                type="",
                quantity=None,
                status="",
                created_at=None,
                message=" ".join(data),
            )
        data = require_mapping(data, "batch job")
        return cls(
            uuid=_required_text(data, "uuid", "batch job"),
            type=_text(data.get("type")) or "",
            quantity=_int(data.get("quantity")),
            status=(_text(data.get("status")) or "").upper(),
            created_at=parse_datetime(data.get("created_at")),
        )


@dataclass(frozen=True, slots=True)
class Redemption:
    """One use of a voucher, as multi-redeem reports it."""

    uuid: str
    created_at: datetime | None

    @classmethod
    def from_api(cls, data: object) -> Redemption:
        data = require_mapping(data, "redemption")
        return cls(
            uuid=_required_text(data, "uuid", "redemption"),
            created_at=parse_datetime(data.get("created_at")),
        )


@dataclass(frozen=True, slots=True)
class MultiRedemption:
    """The answer to a multi-redeem: the voucher after it and the uses just made."""

    voucher: Voucher
    redemptions: tuple[Redemption, ...]

    @classmethod
    def from_api(cls, data: object) -> MultiRedemption:
        data = require_mapping(data, "multi-redeem answer")
        items = data.get("voucher_redemptions")
        if items is None:
            items = []
        if not isinstance(items, Sequence) or isinstance(items, str):
            raise MalformedResponse("Piggy sent voucher_redemptions that are not a list.")
        return cls(
            voucher=Voucher.from_api(data.get("voucher")),
            redemptions=tuple(Redemption.from_api(item) for item in items),
        )


@dataclass(frozen=True, slots=True)
class ContactIdentifier:
    """A loyalty card (or other identifier) and the contact it belongs to, if any."""

    value: str
    name: str | None
    active: bool
    contact: Contact | None

    @classmethod
    def from_api(cls, data: object) -> ContactIdentifier:
        data = require_mapping(data, "contact identifier")
        return cls(
            value=_text(data.get("value")) or "",
            name=_text(data.get("name")),
            active=_bool(data.get("active")) if "active" in data else True,
            contact=Contact.optional_from_api(data.get("contact")),
        )


@dataclass(frozen=True, slots=True)
class Shop:
    """A shop (Piggy is renaming them Business Profiles): what redemptions are booked to.

    Piggy's documentation lists ``uuid``, ``name``, ``type`` ("physical" or "web") and
    ``reference``; its official SDK also reads an optional numeric ``id``. Any other field
    is kept in ``extra``."""

    uuid: str
    name: str
    type: str | None = None
    reference: str | None = None
    id: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_api(cls, data: object) -> Shop:
        data = require_mapping(data, "shop")
        return cls(
            uuid=_required_id(data, "uuid", "shop"),
            name=(_text(data.get("name")) or "").strip(),
            type=(_text(data.get("type")) or "").strip() or None,
            reference=(_text(data.get("reference")) or "").strip() or None,
            id=_int(data.get("id")),
            extra={k: v for k, v in data.items() if k not in _SHOP_FIELDS},
        )


_SHOP_FIELDS = frozenset({"uuid", "name", "type", "reference", "id"})


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list. The numbers are None where Piggy did not send them."""

    items: list[T]
    current_page: int | None = None
    last_page: int | None = None
    per_page: int | None = None
    total: int | None = None

    def continues_after(self, page: int, page_size: int) -> bool:
        """Whether there is a page after ``page``: the page number that was asked for is
        trusted over the one in the answer. Without ``meta`` a full page means more."""
        if not self.items:
            return False
        if self.last_page is not None:
            return page < self.last_page
        if self.total is not None:
            return page * page_size < self.total
        return len(self.items) >= page_size


def parse_items(data: object, parse: Callable[[object], T], what: str) -> tuple[T, ...]:
    """A tuple of models from a JSON list; anything else is malformed."""
    if not isinstance(data, list):
        raise MalformedResponse(f"Piggy sent {type(data).__name__} where a list of {what} belongs.")
    return tuple(parse(item) for item in data)


def _laravel_page(body: object, parse: Callable[[object], T], what: str) -> Page[T]:
    """A page from a Laravel-style list answer (``data``, ``links``, ``meta``); a ``meta``
    that is missing or ``[]`` leaves the numbers None."""
    body = require_mapping(body, "list answer")
    meta = _mapping(body.get("meta"))
    return Page(
        items=list(parse_items(body.get("data"), parse, what)),
        current_page=_int(meta.get("current_page")),
        last_page=_int(meta.get("last_page")),
        per_page=_int(meta.get("per_page")),
        total=_int(meta.get("total")),
    )


def voucher_page(body: object) -> Page[Voucher]:
    """A page of vouchers from a Laravel-style list answer (``data``, ``links``, ``meta``);
    the page's vouchers share their equal parts."""
    shared = SharedParts()
    return _laravel_page(body, lambda item: Voucher.from_api(item, shared), "vouchers")


def promotion_page(body: object) -> Page[Promotion]:
    """A page of promotions; Piggy documents ``"meta": []`` for it, so mostly no numbers."""
    return _laravel_page(body, Promotion.from_api, "promotions")


def contact_page(body: object) -> Page[Contact]:
    """A page of contacts; the contacts list uses its own meta shape (page, limit, …)."""
    body = require_mapping(body, "list answer")
    meta = _mapping(body.get("meta"))
    return Page(
        items=list(parse_items(body.get("data"), Contact.from_api, "contacts")),
        current_page=_int(meta.get("page")),
        last_page=_int(meta.get("last_page")),
        per_page=_int(meta.get("limit")),
        total=_int(meta.get("total")),
    )
