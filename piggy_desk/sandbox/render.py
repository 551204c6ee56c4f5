"""The JSON shapes Piggy answers with, quirks included, built from the sandbox's state."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeAlias
from urllib.parse import urlencode

from piggy_desk.sandbox.state import (
    BatchJob,
    Contact,
    ContactIdentifier,
    Lock,
    Promotion,
    Redemption,
    Shop,
    Voucher,
)

JSON: TypeAlias = dict[str, Any]

# Laravel's pagination window: pages on each side of the current one.
_ON_EACH_SIDE = 3


def iso(moment: datetime | None) -> str | None:
    """Return `moment` as Piggy writes dates: ISO 8601 in UTC, whole seconds, `+00:00`."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def envelope(data: object) -> JSON:
    """Wrap a single result the way Piggy does: `meta` is an empty list, not an object."""
    return {"data": data, "meta": []}


def shop_json(shop: Shop) -> JSON:
    """Return a shop as Piggy's documentation shows one."""
    return {"uuid": shop.uuid, "name": shop.name, "type": shop.type, "reference": shop.reference}


def _promotion_fields(promotion: Promotion) -> JSON:
    """Return the fields every promotion has, but its uuid."""
    return {
        "name": promotion.name,
        "description": promotion.description,
        "voucher_limit": promotion.voucher_limit,
        "limit_per_contact": promotion.limit_per_contact,
        "expiration_duration": promotion.expiration_duration,
        "type": promotion.type,
        "redemptions_per_voucher": promotion.redemptions_per_voucher,
    }


def promotion_json(promotion: Promotion) -> JSON:
    """Return a promotion as fetched on its own, with an `attributes` object."""
    return {
        "attributes": dict(promotion.attributes),
        **_promotion_fields(promotion),
        "uuid": promotion.uuid,
    }


def embedded_promotion_json(promotion: Promotion) -> JSON:
    """Return a promotion as embedded in a voucher: custom attributes flattened in, where
    their names are not those of the promotion's own fields."""
    embedded: JSON = {"uuid": promotion.uuid, **_promotion_fields(promotion)}
    for key, value in promotion.attributes.items():
        embedded.setdefault(key, value)
    return embedded


def contact_json(contact: Contact | None) -> JSON | None:
    """Return a contact as `{uuid, email}`, or None."""
    if contact is None:
        return None
    return {"uuid": contact.uuid, "email": contact.email}


def identifier_json(identifier: ContactIdentifier) -> JSON:
    """Return a loyalty card with the contact it leads to."""
    return {
        "name": identifier.name,
        "value": identifier.value,
        "active": identifier.active,
        "contact": contact_json(identifier.contact),
    }


def voucher_json(voucher: Voucher, now: datetime) -> JSON:
    """Return a voucher with its status as of `now`."""
    return {
        "uuid": voucher.uuid,
        "code": voucher.code,
        "status": voucher.status(now).value,
        "name": voucher.promotion.name,
        "description": voucher.promotion.description,
        "expiration_date": iso(voucher.expiration_date),
        "activation_date": iso(voucher.activation_date),
        "redeemed_at": iso(voucher.redeemed_at),
        "is_redeemed": voucher.is_redeemed,
        "attributes": dict(voucher.attributes),
        "contact": contact_json(voucher.contact),
        "promotion": embedded_promotion_json(voucher.promotion),
    }


def lock_result_json(voucher: Voucher, lock: Lock, now: datetime) -> JSON:
    """Return the answer to a lock or a release."""
    released = lock.unlocked_at is not None
    return {
        "voucher": {"uuid": voucher.uuid, "status": voucher.status(now).value},
        "lock": {
            "release_key": lock.release_key,
            "locked_at": iso(lock.locked_at),
            "unlocked_at": iso(lock.unlocked_at),
            "system_release_at": None if released else iso(lock.system_release_at),
        },
    }


def multi_redeem_json(voucher: Voucher, redemptions: Sequence[Redemption], now: datetime) -> JSON:
    """Return the answer to a multi-redeem: the voucher and the redemptions just made."""
    return {
        "voucher": voucher_json(voucher, now),
        "voucher_redemptions": [
            {"uuid": redemption.uuid, "created_at": iso(redemption.created_at)}
            for redemption in redemptions
        ],
    }


def batch_json(job: BatchJob) -> JSON:
    """Return a pending batch job; `created_at` in the documented non-ISO format."""
    return {
        "uuid": job.uuid,
        "type": "vouchers",
        "quantity": job.quantity,
        "status": "PENDING",
        "created_at": job.created_at.astimezone(UTC).strftime("%Y-%m-%d, %H:%M"),
    }


def voucher_page_json(
    vouchers: Sequence[Voucher],
    now: datetime,
    *,
    page: int,
    limit: int,
    path: str,
    query: Sequence[tuple[str, str]],
) -> JSON:
    """Return one page of vouchers, paginated the way Laravel's paginator does it.

    `path` is the absolute URL without a query; `query` holds the other query parameters,
    kept in every link. A limit of 0 answers no vouchers but the totals.
    """

    def url(number: int) -> str:
        return f"{path}?{urlencode([*query, ('page', str(number))])}"

    total = len(vouchers)
    last_page = max(math.ceil(total / limit), 1) if limit else 1
    offset = (page - 1) * limit
    items = vouchers[offset : offset + limit] if limit else []
    previous_url = url(page - 1) if page > 1 else None
    next_url = url(page + 1) if page < last_page else None
    return {
        "data": [voucher_json(voucher, now) for voucher in items],
        "links": {
            "first": url(1),
            "last": url(last_page),
            "prev": previous_url,
            "next": next_url,
        },
        "meta": {
            "current_page": page,
            "from": offset + 1 if items else None,
            "last_page": last_page,
            "links": [
                {"url": previous_url, "label": "pagination.previous", "active": False},
                *_page_links(page, last_page, url),
                {"url": next_url, "label": "pagination.next", "active": False},
            ],
            "path": path,
            # A string in the published example, so a string here.
            "per_page": str(limit),
            "to": offset + len(items) if items else None,
            "total": total,
        },
    }


def contact_page_json(contacts: Sequence[Contact], *, page: int, limit: int) -> JSON:
    """Return one page of contacts with the contacts list's own meta shape."""
    total = len(contacts)
    offset = (page - 1) * limit
    items = contacts[offset : offset + limit]
    return {
        "data": [contact_json(contact) for contact in items],
        "meta": {
            "page": page,
            "limit": limit,
            "viewing_from": offset + 1 if items else None,
            "viewing_to": offset + len(items) if items else None,
            "last_page": max(math.ceil(total / limit), 1),
            "total": total,
        },
    }


def voucher_snapshot_json(voucher: Voucher, now: datetime) -> JSON:
    """Return what a test wants to assert about a voucher, internals included."""
    lock = voucher.active_lock(now)
    return {
        "uuid": voucher.uuid,
        "code": voucher.code,
        "status": voucher.status(now).value,
        "promotion_uuid": voucher.promotion.uuid,
        "contact_uuid": voucher.contact.uuid if voucher.contact is not None else None,
        "redemptions_used": len(voucher.redemptions),
        "redemptions_allowed": voucher.total_redemptions_allowed,
        "deactivated": voucher.deactivated,
        "activation_date": iso(voucher.activation_date),
        "expiration_date": iso(voucher.expiration_date),
        "redeemed_at": iso(voucher.redeemed_at),
        "lock": None
        if lock is None
        else {
            "release_key": lock.release_key,
            "locked_at": iso(lock.locked_at),
            "system_release_at": iso(lock.system_release_at),
        },
        "redemptions": [
            {
                "uuid": redemption.uuid,
                "created_at": iso(redemption.created_at),
                "contact_uuid": redemption.contact_uuid,
                "shop_uuid": redemption.shop_uuid,
            }
            for redemption in voucher.redemptions
        ],
    }


def _page_links(current: int, last: int, url: Callable[[int], str]) -> list[JSON]:
    """Return the numbered links of Laravel's `UrlWindow`, with "..." gaps."""
    window = _ON_EACH_SIDE + 4
    if last < _ON_EACH_SIDE * 2 + 8:
        groups = [range(1, last + 1)]
    elif current <= window:
        groups = [range(1, window + _ON_EACH_SIDE + 1), range(last - 1, last + 1)]
    elif current > last - window:
        groups = [range(1, 3), range(last - (window + _ON_EACH_SIDE - 1), last + 1)]
    else:
        groups = [
            range(1, 3),
            range(current - _ON_EACH_SIDE, current + _ON_EACH_SIDE + 1),
            range(last - 1, last + 1),
        ]
    links: list[JSON] = []
    for index, group in enumerate(groups):
        if index:
            links.append({"url": None, "label": "...", "active": False})
        links.extend(
            {"url": url(number), "label": str(number), "active": number == current}
            for number in group
        )
    return links
