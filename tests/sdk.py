"""Piggy's official PHP SDK (``Piggy-Loyalty/piggy-php-sdk``, tag 3.12.2, MIT) as a witness
in tests: how it writes a request body, and what its mappers read from an answer.

Nothing here is the SDK's code; these are facts about it, written in Python:
``form`` is what PHP's ``http_build_query`` (Guzzle's ``form_params``) makes of a call's
fields, and each ``read_*`` checks an answer for the fields the SDK's mapper of that model
reads (``src/Mappers/…``) and the types its model's constructor takes (``src/Models/…``),
so an answer the SDK could not map fails here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

# DateTimeInterface::ATOM, the only format BaseMapper::parseDate accepts.
_ATOM = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def php_form(fields: Mapping[str, object], prefix: str = "") -> list[tuple[str, str]]:
    """Fields as PHP's ``http_build_query`` writes them: nested arrays as
    ``custom_attributes[afdeling]``, booleans as 1 and 0, nulls left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in fields.items():
        name = f"{prefix}[{key}]" if prefix else key
        if isinstance(value, Mapping):
            pairs.extend(php_form(value, name))
        elif isinstance(value, bool):
            pairs.append((name, "1" if value else "0"))
        elif value is not None:
            pairs.append((name, str(value)))
    return pairs


def form(fields: Mapping[str, object]) -> str:
    """A form body or query string as ``http_build_query`` encodes it (RFC 1738: spaces as +)."""
    return urlencode(php_form(fields))


def _text(data: Mapping[str, Any], key: str, *, optional: bool = False) -> None:
    value = data.get(key)
    if optional and value is None:
        return
    assert isinstance(value, str | int), f"{key}: {value!r} is not the string the SDK takes"


def _number(data: Mapping[str, Any], key: str) -> None:
    value = data.get(key)
    assert value is None or (isinstance(value, int) and not isinstance(value, bool)), (key, value)


def _date(data: Mapping[str, Any], key: str, *, optional: bool = True) -> None:
    value = data.get(key)
    if optional and value is None:
        return
    assert isinstance(value, str) and _ATOM.fullmatch(value), f"{key}: {value!r} is not ATOM"


def read_promotion(data: Mapping[str, Any]) -> None:
    """``Mappers/Vouchers/PromotionMapper``: uuid, name, description (strings); the limits
    and duration (ints or null); ``type`` and ``redemptions_per_voucher`` read without a
    default; ``attributes`` an object when present."""
    for key in ("uuid", "name", "description"):
        _text(data, key)
    for key in ("voucher_limit", "limit_per_contact", "expiration_duration"):
        _number(data, key)
    assert "type" in data and "redemptions_per_voucher" in data, sorted(data)
    assert data["type"] in (None, "SINGLE_USE", "MULTI_USE"), data["type"]
    _number(data, "redemptions_per_voucher")
    if "attributes" in data:
        assert isinstance(data["attributes"], Mapping)


def read_contact(data: Mapping[str, Any]) -> None:
    """``Mappers/Contacts/ContactMapper``: uuid (string); email a string or absent."""
    _text(data, "uuid")
    _text(data, "email", optional=True)


def read_voucher(data: Mapping[str, Any]) -> None:
    """``Mappers/Vouchers/VoucherMapper``: uuid and status (strings), the dates in ATOM,
    ``attributes`` an object, the promotion and the contact by their own mappers."""
    _text(data, "uuid")
    _text(data, "status")
    for key in ("code", "name", "description"):
        _text(data, key, optional=True)
    for key in ("redeemed_at", "activation_date", "expiration_date"):
        _date(data, key)
    if data.get("is_redeemed") is not None:
        assert isinstance(data["is_redeemed"], bool)
    if data.get("attributes") is not None:
        assert isinstance(data["attributes"], Mapping)
    if data.get("promotion") is not None:
        read_promotion(data["promotion"])
    if data.get("contact") is not None:
        read_contact(data["contact"])


def read_voucher_lock(data: Mapping[str, Any]) -> None:
    """``Mappers/Vouchers/VoucherLockMapper`` and ``LockMapper``: the voucher, and a lock
    with a release key, ``locked_at`` in ATOM and the other two dates in ATOM or null."""
    read_voucher(data["voucher"])
    lock = data["lock"]
    _text(lock, "release_key")
    _date(lock, "locked_at", optional=False)
    _date(lock, "unlocked_at")
    _date(lock, "system_release_at")


def read_contact_identifier(data: Mapping[str, Any]) -> None:
    """``Mappers/ContactIdentifiers/ContactIdentifierMapper``: value; active, name and the
    contact when present."""
    _text(data, "value")
    if data.get("active") is not None:
        assert isinstance(data["active"], bool)
    _text(data, "name", optional=True)
    if data.get("contact") is not None:
        read_contact(data["contact"])


def read_shop(data: Mapping[str, Any]) -> None:
    """``Mappers/Shops/ShopMapper``: uuid and name; ``id`` when present."""
    _text(data, "uuid")
    _text(data, "name")
