"""``PiggyClient``: one object for the program's life, one method per Piggy endpoint."""

from __future__ import annotations

import asyncio
import builtins
import ipaddress
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from piggy_desk import __version__
from piggy_desk.api import authorities as _authorities
from piggy_desk.api import errors
from piggy_desk.api._auth import AccessTokens, ClientCredentials
from piggy_desk.api._transport import (
    API_PATH,
    MAX_ID_LENGTH,
    RequestKind,
    Transport,
    json_list_items,
    path_segment,
)
from piggy_desk.api.address import DEFAULT_BASE_URL
from piggy_desk.api.models import (
    BatchJob,
    Contact,
    ContactIdentifier,
    MultiRedemption,
    Page,
    Promotion,
    PromotionType,
    SharedParts,
    Shop,
    Voucher,
    VoucherLock,
    VoucherStatus,
    contact_page,
    parse_items,
    promotion_page,
    voucher_page,
)
from piggy_desk.texts import QT_TRANSLATE_NOOP

MAX_CODE_LENGTH = 255
MAX_PAGE_SIZE = 500
MAX_BATCH = 500
MAX_MULTI_REDEEM = 50
MAX_CONTACT_PAGE_SIZE = 100
MAX_EMAIL_LENGTH = 255
MAX_PAGES = 100_000
PROMOTION_PAGE_SIZE = 30
"""Promotions per page: the official SDK's default, so a size Piggy is known to serve."""
# The longest any request may take once the program is closing (``begin_closing``).
CLOSING_DEADLINE = 2.0
T = TypeVar("T")
CustomAttributes = Mapping[str, str | int | float | bool | None]


def _utc(value: datetime | None, field: str) -> str | None:
    """ISO 8601 in UTC; a naive datetime is refused because its zone is a guess."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise errors.InvalidRequest(
            f"The {field.replace('_', ' ')} must be a date and time.", field=field
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise errors.InvalidRequest(f"The {field.replace('_', ' ')} has no time zone.", field=field)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _header_safe(value: str) -> bool:
    """Printable ASCII without padding: what an HTTP header can carry unchanged."""
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isprintable()
        and value == value.strip()
    )


def _text(value: str, what: str, field: str) -> str:
    """Text that can travel as UTF-8 (no broken surrogates, no control characters)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise errors.InvalidRequest(
            f"The {what} contains broken characters.", field=field
        ) from None
    if not value.isprintable():
        raise errors.InvalidRequest(f"The {what} contains characters it cannot have.", field=field)
    return value


def _card(value: str) -> str:
    field = "contact_identifier_value"
    if not isinstance(value, str) or not value.strip():
        raise errors.InvalidRequest(
            QT_TRANSLATE_NOOP("PiggyError", "The loyalty card number is empty."), field=field
        )
    if len(value) > MAX_CODE_LENGTH:
        raise errors.InvalidRequest(
            QT_TRANSLATE_NOOP("PiggyError", "This is too long to be a loyalty card."), field=field
        )
    return _text(value, "loyalty card number", field)


def _release_key(value: str) -> str:
    if not _header_safe(value) or not value or " " in value or len(value) > MAX_ID_LENGTH:
        raise errors.InvalidRequest("The release key is not valid.", field="release_key")
    return value


def _code(code: str) -> str:
    if not isinstance(code, str) or not code.strip():
        raise errors.InvalidRequest(
            QT_TRANSLATE_NOOP("PiggyError", "The voucher code is empty."), field="code"
        )
    if len(code) > MAX_CODE_LENGTH:
        raise errors.InvalidRequest(
            QT_TRANSLATE_NOOP("PiggyError", "This is too long to be a voucher code."), field="code"
        )
    return _text(code, "voucher code", "code")


def _in_range(value: int, low: int, high: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise errors.InvalidRequest(
            f"The {field.replace('_', ' ')} must be a whole number from {low} to {high}.",
            field=field,
        )
    return value


def _id(value: str, field: str) -> str:
    path_segment(value, field)
    return value


def _optional_id(value: str | None, field: str) -> str | None:
    return None if value is None else _id(value, field)


def _email(email: str) -> str:
    if not isinstance(email, str) or "@" not in email.strip():
        raise errors.InvalidRequest(
            QT_TRANSLATE_NOOP("PiggyError", "That is not an e-mail address."), field="email"
        )
    if len(email.strip()) > MAX_EMAIL_LENGTH:
        raise errors.InvalidRequest(
            f"That e-mail address is too long (over {MAX_EMAIL_LENGTH} characters).",
            field="email",
        )
    return email.strip()


def _compact(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _status_filter(status: str | None) -> str | None:
    if status is None:
        return None
    if status not in VoucherStatus.__members__:
        raise errors.InvalidRequest(f"{status!r} is not a voucher status.", field="status")
    return status


class _Resource:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    async def _call(
        self,
        parse: Callable[[Any], T],
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        whole_answer: bool = False,
        kind: RequestKind = RequestKind.OTHER,
    ) -> T:
        """Send the request and ``parse`` its ``data`` (or the whole answer, for lists).

        ``kind`` decides the deadline of the whole exchange (``DEADLINES``)."""
        status, answer = await self._transport.request(
            method,
            path,
            params=_compact(params or {}),
            body=None if body is None else _compact(body),
            kind=kind,
        )
        try:
            if not whole_answer:
                if "data" not in answer:
                    raise errors.MalformedResponse("Piggy's answer has no data.")
                answer = answer["data"]
            return parse(answer)
        except errors.MalformedResponse as error:
            _tell_request(error, method, path, status)
            raise

    async def _list_in_turns(
        self,
        parse: Callable[[str], Awaitable[T]],
        path: str,
        *,
        params: Mapping[str, Any],
    ) -> T:
        """GET a list that may be large and ``parse`` the answer's text a part per turn of
        the event loop (``parse`` awaits between its parts). Not on a thread: a thread
        parsing Python objects holds the GIL, and the window's thread waited for it at
        each of its own Python calls (up to the 5 ms switch interval each, every paint's
        data() calls among them), about as long as the parse took."""
        status, text = await self._transport.request_text(
            path, params=_compact(params), kind=RequestKind.PAGE
        )
        try:
            return await parse(text)
        except (ValueError, RecursionError):  # json.JSONDecodeError: not one JSON object
            unreadable = errors.MalformedResponse(
                "Piggy's answer is not a JSON object.", status_code=status, body=text
            )
            _tell_request(unreadable, "GET", path, status)
            self._transport.heard(unreadable)
            raise unreadable from None
        except errors.MalformedResponse as error:
            _tell_request(error, "GET", path, status)
            raise


def _tell_request(error: errors.MalformedResponse, method: str, path: str, status: int) -> None:
    """A malformed answer, told with its request."""
    error.method, error.path, error.status_code = method, path, status
    # Piggy said yes to a POST or PUT but the answer cannot be read: it most likely
    # happened, so the caller must check before doing it again.
    error.ambiguous = method not in {"GET", "HEAD"}


# Vouchers parsed in one turn of the event loop (a page of 500 took 6-14 ms at once).
VOUCHERS_PARSED_PER_TURN = 100


async def _voucher_page_in_turns(text: str) -> Page[Voucher]:
    """``voucher_page`` from the answer's text, VOUCHERS_PARSED_PER_TURN vouchers a turn of
    the event loop, each voucher's JSON parsed when it is reached (``json_list_items``).
    Parsed whole first, a page of 500 was about 2 MB of JSON objects at once, whose room
    the allocators kept among the vouchers: 0.9 MB more with 10,000 of them loaded."""
    members: dict[str, Any] = {}
    shared = SharedParts()
    vouchers: list[Voucher] = []
    for item in json_list_items(text, members):
        if vouchers and not len(vouchers) % VOUCHERS_PARSED_PER_TURN:
            await asyncio.sleep(0)
        vouchers.append(Voucher.from_api(item, shared))
    page = voucher_page(members)  # its numbers: the data list's items were read above
    page.items.extend(vouchers)
    return page


class Vouchers(_Resource):
    """``client.vouchers``: find, lock, redeem, release and the rest of the voucher calls."""

    async def list(
        self,
        *,
        promotion_uuid: str | None = None,
        contact_uuid: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> Page[Voucher]:
        """One page of vouchers, filtered; ``limit`` 0..500 (Piggy's default is 30)."""
        params = {
            "promotion_uuid": _optional_id(promotion_uuid, "promotion_uuid"),
            "contact_uuid": _optional_id(contact_uuid, "contact_uuid"),
            "status": _status_filter(status),
            "limit": None if limit is None else _in_range(limit, 0, MAX_PAGE_SIZE, "limit"),
            "page": None if page is None else _in_range(page, 1, 2**31 - 1, "page"),
        }
        return await self._list_in_turns(_voucher_page_in_turns, "/vouchers", params=params)

    async def pages(
        self,
        *,
        promotion_uuid: str | None = None,
        contact_uuid: str | None = None,
        status: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> AsyncGenerator[Page[Voucher], None]:
        """Every page of vouchers matching the filters, one after another, at most
        ``max_pages`` of them: a list that still goes on after that many raises
        ``TooManyPages`` (once the last page read has been handed over)."""
        _in_range(page_size, 1, MAX_PAGE_SIZE, "page_size")
        _in_range(max_pages, 1, MAX_PAGES, "max_pages")
        for number in range(1, max_pages + 1):
            page = await self.list(
                promotion_uuid=promotion_uuid,
                contact_uuid=contact_uuid,
                status=status,
                limit=page_size,
                page=number,
            )
            yield page
            if not page.continues_after(number, page_size):
                return
        raise errors.TooManyPages(max_pages)

    async def iterate(
        self,
        *,
        promotion_uuid: str | None = None,
        contact_uuid: str | None = None,
        status: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> AsyncIterator[Voucher]:
        """Every voucher matching the filters, page after page (``pages``)."""
        async for page in self.pages(
            promotion_uuid=promotion_uuid,
            contact_uuid=contact_uuid,
            status=status,
            page_size=page_size,
        ):
            for voucher in page.items:
                yield voucher

    async def create(
        self,
        promotion_uuid: str,
        *,
        code: str | None = None,
        contact_uuid: str | None = None,
        activation_date: datetime | None = None,
        expiration_date: datetime | None = None,
        total_redemptions_allowed: int | None = None,
        custom_attributes: CustomAttributes | None = None,
    ) -> Voucher:
        """Create one voucher; Piggy makes up the code and the dates when they are not given."""
        if total_redemptions_allowed is not None:
            _in_range(total_redemptions_allowed, 1, 2**31 - 1, "total_redemptions_allowed")
        body = {
            "promotion_uuid": _optional_id(promotion_uuid, "promotion_uuid"),
            "code": None if code is None else _code(code),
            "contact_uuid": _optional_id(contact_uuid, "contact_uuid"),
            "activation_date": _utc(activation_date, "activation_date"),
            "expiration_date": _utc(expiration_date, "expiration_date"),
            "total_redemptions_allowed": total_redemptions_allowed,
            "custom_attributes": dict(custom_attributes) if custom_attributes else None,
        }
        return await self._call(Voucher.from_api, "POST", "/vouchers", body=body)

    async def create_batch(
        self,
        promotion_uuid: str,
        quantity: int,
        *,
        contact_uuid: str | None = None,
        activation_date: datetime | None = None,
        expiration_date: datetime | None = None,
        custom_attributes: CustomAttributes | None = None,
    ) -> BatchJob:
        """Ask Piggy to make 1..500 vouchers; they appear in the list once the job is done."""
        body = {
            "promotion_uuid": _optional_id(promotion_uuid, "promotion_uuid"),
            "quantity": _in_range(quantity, 1, MAX_BATCH, "quantity"),
            "contact_uuid": _optional_id(contact_uuid, "contact_uuid"),
            "activation_date": _utc(activation_date, "activation_date"),
            "expiration_date": _utc(expiration_date, "expiration_date"),
            "custom_attributes": dict(custom_attributes) if custom_attributes else None,
        }
        return await self._call(BatchJob.from_api, "POST", "/vouchers/batch", body=body)

    async def find(self, code: str) -> Voucher:
        """The voucher with this code (``VoucherNotFound`` when there is none;
        ``AnswerForAnotherVoucher`` when the answer is another code's voucher, letters'
        case aside)."""
        params = {"code": _code(code)}
        voucher = await self._call(
            Voucher.from_api, "GET", "/vouchers/find", params=params, kind=RequestKind.FIND
        )
        if voucher.code.casefold() != code.casefold():
            raise errors.AnswerForAnotherVoucher(
                f"A find for {code!r} was answered with the voucher {voucher.code!r}.",
                method="GET",
                path="/vouchers/find",
                status_code=200,
            )
        return voucher

    async def update(
        self, voucher_uuid: str, *, status: str, custom_attributes: CustomAttributes | None = None
    ) -> Voucher:
        """Activate or deactivate a voucher (``status`` is ACTIVE or DEACTIVATED)."""
        if status not in (VoucherStatus.ACTIVE, VoucherStatus.DEACTIVATED):
            raise errors.InvalidRequest(
                "A voucher can only be made ACTIVE or DEACTIVATED.", field="status"
            )
        path = f"/vouchers/update/{path_segment(voucher_uuid, 'voucher_uuid')}"
        body = {
            "status": str(status),
            "custom_attributes": dict(custom_attributes) if custom_attributes else None,
        }
        return await self._call(Voucher.from_api, "PUT", path, body=body)

    async def lock(self, voucher_uuid: str) -> VoucherLock:
        """Keep every other counter off this voucher; Piggy releases it after an hour."""
        path = f"/vouchers/{path_segment(voucher_uuid, 'voucher_uuid')}/lock"
        return await self._call(VoucherLock.from_api, "POST", path, body={}, kind=RequestKind.LOCK)

    async def release(self, voucher_uuid: str, release_key: str) -> VoucherLock:
        """Give a locked voucher back (it becomes ACTIVE again)."""
        path = f"/vouchers/{path_segment(voucher_uuid, 'voucher_uuid')}/release"
        body = {"release_key": _release_key(release_key)}
        return await self._call(
            VoucherLock.from_api, "POST", path, body=body, kind=RequestKind.RELEASE
        )

    async def redeem(
        self,
        code: str,
        *,
        contact_uuid: str | None = None,
        release_key: str | None = None,
        shop_uuid: str | None = None,
    ) -> Voucher:
        """Use the voucher once. Never retried: a lost answer must be checked with ``find``."""
        body = {
            "code": _code(code),
            "contact_uuid": _optional_id(contact_uuid, "contact_uuid"),
            "release_key": None if release_key is None else _release_key(release_key),
            "shop_uuid": _optional_id(shop_uuid, "shop_uuid"),
        }
        return await self._call(
            Voucher.from_api, "POST", "/vouchers/redeem", body=body, kind=RequestKind.REDEEM
        )

    async def reverse(self, voucher_uuid: str) -> Voucher | None:
        """Undo a redemption. Piggy publishes no answer for this; an empty one gives None."""
        path = f"/vouchers/{path_segment(voucher_uuid, 'voucher_uuid')}/reverse"
        return await self._call(
            lambda data: Voucher.from_api(data) if data else None,
            "POST",
            path,
            body={},
            kind=RequestKind.REVERSE,
        )

    async def multi_redeem(
        self,
        code: str,
        number_of_times: int,
        *,
        shop_uuid: str,
        contact_uuid: str | None = None,
        release_key: str | None = None,
    ) -> MultiRedemption:
        """Use a multi-use voucher 1..50 times at once."""
        if not shop_uuid:
            raise errors.InvalidRequest(
                "A shop is needed to redeem a voucher several times.", field="shop_uuid"
            )
        body = {
            "code": _code(code),
            "number_of_times": _in_range(number_of_times, 1, MAX_MULTI_REDEEM, "number_of_times"),
            "shop_uuid": _optional_id(shop_uuid, "shop_uuid"),
            "contact_uuid": _optional_id(contact_uuid, "contact_uuid"),
            "release_key": None if release_key is None else _release_key(release_key),
        }
        return await self._call(
            MultiRedemption.from_api,
            "POST",
            "/vouchers/multi-redeem",
            body=body,
            kind=RequestKind.REDEEM,
        )


class Promotions(_Resource):
    """``client.promotions``: list, create and get promotions."""

    async def list_page(
        self, *, page: int = 1, limit: int = PROMOTION_PAGE_SIZE
    ) -> Page[Promotion]:
        """One page of promotions (``page`` from 1, ``limit`` 1..500)."""
        params = {
            "page": _in_range(page, 1, 2**31 - 1, "page"),
            "limit": _in_range(limit, 1, MAX_PAGE_SIZE, "limit"),
        }
        return await self._call(
            promotion_page, "GET", "/promotions", params=params, whole_answer=True
        )

    async def list(self, *, page_size: int = PROMOTION_PAGE_SIZE) -> builtins.list[Promotion]:
        """Every promotion of the account, page after page, each once.

        Piggy sends no totals for promotions: a page that is not full, or that brings no
        promotion not seen before (a server that ignores ``page``), is the last."""
        promotions: dict[str, Promotion] = {}
        for number in range(1, MAX_PAGES + 1):
            page = await self.list_page(page=number, limit=page_size)
            new = [promotion for promotion in page.items if promotion.uuid not in promotions]
            promotions.update((promotion.uuid, promotion) for promotion in new)
            if not new or not page.continues_after(number, page_size):
                return list(promotions.values())
        raise errors.MalformedResponse(f"Piggy kept sending pages past page {MAX_PAGES}.")

    async def create(
        self,
        name: str,
        description: str,
        *,
        voucher_limit: int | None = None,
        limit_per_contact: int | None = None,
        expiration_duration: int | None = None,
        type: str | None = None,
        redemptions_per_voucher: int | None = None,
    ) -> Promotion:
        """Create a promotion; ``expiration_duration`` is in seconds. A MULTI_USE
        ``type`` goes with ``redemptions_per_voucher``, the uses of each voucher (2 or more)."""
        if type is not None and type not in PromotionType.__members__:
            raise errors.InvalidRequest(f"{type!r} is not a promotion type.", field="type")
        if redemptions_per_voucher is not None:
            _in_range(redemptions_per_voucher, 1, 2**31 - 1, "redemptions_per_voucher")
        if not name.strip():
            raise errors.InvalidRequest("A promotion needs a name.", field="name")
        if not description.strip():
            raise errors.InvalidRequest("A promotion needs a description.", field="description")
        for field, value in (
            ("voucher_limit", voucher_limit),
            ("limit_per_contact", limit_per_contact),
            ("expiration_duration", expiration_duration),
        ):
            if value is not None:
                _in_range(value, 0, 2**31 - 1, field)
        body = {
            "name": name,
            "description": description,
            "voucher_limit": voucher_limit,
            "limit_per_contact": limit_per_contact,
            "expiration_duration": expiration_duration,
            "type": None if type is None else str(type),
            "redemptions_per_voucher": redemptions_per_voucher,
        }
        return await self._call(Promotion.from_api, "POST", "/promotions", body=body)

    async def get(self, promotion_uuid: str) -> Promotion:
        """One promotion (``PromotionNotFound`` when there is none)."""
        path = f"/promotions/{path_segment(promotion_uuid, 'promotion_uuid')}"
        return await self._call(Promotion.from_api, "GET", path)


class Contacts(_Resource):
    """``client.contacts``: find a customer by e-mail, by loyalty card or by id."""

    async def find_by_email(self, email: str) -> Contact:
        """The contact with this e-mail address (``ContactNotFound`` when there is none)."""
        params = {"email": _email(email)}
        return await self._call(
            Contact.from_api, "GET", "/contacts/find-one-by", params=params, kind=RequestKind.FIND
        )

    async def find_or_create(self, email: str) -> Contact:
        """The contact with this e-mail address, created when Piggy has none."""
        params = {"email": _email(email)}
        return await self._call(Contact.from_api, "GET", "/contacts/find-or-create", params=params)

    async def create(self, email: str, *, referral_code: str | None = None) -> Contact:
        """A new contact (``ContactAlreadyExists`` when the address is taken)."""
        body = {"email": _email(email), "referral_code": referral_code}
        return await self._call(Contact.from_api, "POST", "/contacts", body=body)

    async def get(self, contact_uuid: str) -> Contact:
        """One contact by id (``ContactNotFound`` when there is none)."""
        path = f"/contacts/{path_segment(contact_uuid, 'contact_uuid')}"
        return await self._call(Contact.from_api, "GET", path)

    async def list(self, *, page: int | None = None, limit: int | None = None) -> Page[Contact]:
        """One page of contacts (``limit`` at most 100)."""
        params = {
            "page": None if page is None else _in_range(page, 1, 2**31 - 1, "page"),
            "limit": None if limit is None else _in_range(limit, 1, MAX_CONTACT_PAGE_SIZE, "limit"),
        }
        return await self._call(
            contact_page,
            "GET",
            "/contacts",
            params=params,
            whole_answer=True,
            kind=RequestKind.PAGE,
        )

    async def find_identifier(self, value: str) -> ContactIdentifier:
        """The loyalty card (contact identifier) with this value."""
        params = {"contact_identifier_value": _card(value)}
        return await self._call(
            ContactIdentifier.from_api,
            "GET",
            "/contact-identifiers/find",
            params=params,
            kind=RequestKind.FIND,
        )

    async def find_by_identifier(self, value: str) -> Contact | None:
        """The contact a scanned loyalty card belongs to; None when the card has no contact.

        ``ContactIdentifierNotFound`` for an unknown card, ``ContactIdentifierInactive``
        for a card that was switched off.
        """
        identifier = await self.find_identifier(value)
        if not identifier.active:
            raise errors.ContactIdentifierInactive(
                code=errors.ContactIdentifierInactive.piggy_code,
                method="GET",
                path="/contact-identifiers/find",
            )
        return identifier.contact


class Shops(_Resource):
    """``client.shops``: the account's shops, for booking redemptions to one of them.

    A token may lack the right to list shops: Piggy then answers 403 or 404, which
    arrives as a ``PiggyAPIError`` with that ``status_code``."""

    async def list(self) -> builtins.list[Shop]:
        """Every shop of the account."""
        items = await self._call(
            lambda data: parse_items(data, Shop.from_api, "shops"), "GET", "/shops"
        )
        return list(items)

    async def get(self, shop_uuid: str) -> Shop:
        """One shop by its UUID."""
        path = f"/shops/{path_segment(shop_uuid, 'shop_uuid')}"
        return await self._call(Shop.from_api, "GET", path)


class PiggyClient:
    """The Piggy API on one ``httpx.AsyncClient``.

    Create it inside the running event loop and close it (``async with`` or ``aclose``)
    before the loop ends. It authenticates with a Personal Access Token (``token``) or an
    OAuth client (``client_credentials``: id and secret exchanged for an access token that
    expires, got when first needed and renewed before it runs out and once after a 401;
    see ``_auth``). Tokens and the secret go into requests only: they are kept nowhere
    else and appear in no repr, log line or error.
    Every request has a deadline for the whole exchange, by its kind (``deadlines``
    overrides ``DEADLINES``), and answers are read up to a size limit. With ``authorities``
    (a folder in the user's cache), an https client checks Piggy's certificate against
    certifi's authorities kept there one per file, reading only the one it needs
    (``api.authorities``); without it, it reads them all, as httpx does.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        token: str = "",
        *,
        partner_id: str | None = None,
        timeout: float = 10.0,
        connect_timeout: float = 5.0,
        max_retries: int = 2,
        transport: httpx.AsyncBaseTransport | None = None,
        observer: Callable[[errors.PiggyError | None], None] | None = None,
        client_credentials: ClientCredentials | None = None,
        clock: Callable[[], float] = time.monotonic,
        deadlines: Mapping[RequestKind, float] | None = None,
        authorities: Path | None = None,
    ) -> None:
        if client_credentials is not None and token:
            raise errors.InvalidRequest(
                "Give a token or an OAuth client, not both.", field="client_credentials"
            )
        if client_credentials is None and (not token or not token.strip()):
            raise errors.InvalidRequest("An API token is needed to talk to Piggy.", field="token")
        if token and not _header_safe(token):
            raise errors.InvalidRequest(
                "The API token contains characters a token cannot have.", field="token"
            )
        if partner_id is not None and not _header_safe(partner_id):
            raise errors.InvalidRequest(
                "The partner id contains characters it cannot have.", field="partner_id"
            )
        self.base_url = base_url_root(base_url)
        headers = {"Accept": "application/json", "User-Agent": f"PiggyDesk/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if partner_id:
            headers["X-Partner-ID"] = partner_id
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            # The certificate authorities only for https: the client never leaves its base
            # address (no redirects), so a plain-http one (the sandbox on loopback) never
            # needs them. With ``authorities`` (a folder in the user's cache) OpenSSL reads
            # the one a server's chain names, not all of certifi's (about 1.5 MB; see
            # ``authorities``).
            verify=(
                _authorities.context(authorities) if self.base_url.startswith("https://") else False
            ),
            transport=transport,
            follow_redirects=False,
        )
        self.access_tokens = (
            None
            if client_credentials is None
            else AccessTokens(self._http, client_credentials, clock=clock)
        )
        self._transport = Transport(
            self._http,
            max_retries=max_retries,
            observer=observer,
            auth=self.access_tokens,
            deadlines=deadlines,
            mend_authorities=(
                None
                if authorities is None or not self.base_url.startswith("https://")
                else lambda: _authorities.written_again(authorities)
            ),
        )
        self.vouchers = Vouchers(self._transport)
        self.promotions = Promotions(self._transport)
        self.contacts = Contacts(self._transport)
        self.shops = Shops(self._transport)

    def begin_closing(self, deadline: float = CLOSING_DEADLINE) -> None:
        """The program is closing: from now on no request takes longer than ``deadline``
        seconds (a release at close must not hold the window when Piggy is slow)."""
        self._transport.cap_deadlines(deadline)

    def piggy_now(self) -> datetime | None:
        """Piggy's clock now, as its latest answer told (None before one): to compare with
        the times Piggy gives, such as a lock's ``system_release_at``, whatever this
        computer's clock says."""
        return self._transport.piggy_now()

    @property
    def closed(self) -> bool:
        """Whether ``aclose`` has run."""
        return self._http.is_closed

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"PiggyClient(base_url={self.base_url!r})"


NOT_A_WEB_ADDRESS = QT_TRANSLATE_NOOP("PiggyError", "That is not a web address.")
NOT_HTTPS = QT_TRANSLATE_NOOP("PiggyError", "The Piggy address must start with https://.")
PLAIN_HTTP = QT_TRANSLATE_NOOP(
    "PiggyError",
    "The Piggy address must start with https://, or the token would travel unprotected "
    "over plain http. Only the sandbox on this computer may use http.",
)


def base_url_root(base_url: str) -> str:
    """The server root from what a person may type: with or without the API path, a
    trailing slash or spaces. Only https is accepted, and plain http to this computer
    itself (loopback: the sandbox), so the token never crosses a network in clear text.
    Every way to give an address (settings file, first-run screen, settings screen,
    ``--base-url``) and ``PiggyClient`` itself go through here."""
    try:
        url = httpx.URL(base_url.strip())
    except (httpx.InvalidURL, TypeError, ValueError):
        raise errors.InvalidRequest(NOT_A_WEB_ADDRESS, field="base_url") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise errors.InvalidRequest(NOT_HTTPS, field="base_url")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise errors.InvalidRequest(PLAIN_HTTP, field="base_url")
    path = url.path.rstrip("/")
    if path.endswith(API_PATH):
        path = path[: -len(API_PATH)]
    return str(url.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")


def _is_loopback(host: str) -> bool:
    """Whether ``host`` names this computer: localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
