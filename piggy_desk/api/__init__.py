"""The async Piggy API client: ``PiggyClient``, its typed models and its errors.

Usage::

    async with PiggyClient(base_url="https://api.piggy.eu", token=TOKEN) as client:
        voucher = await client.vouchers.find("PIZZA-123")
"""

import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

# httpx imports its command-line tool (click, pygments) whenever click is installed (uvicorn,
# which the sandbox once used, brought it): 15-20 ms of every start for nothing. httpx
# expects that import to fail where click is missing; a None in sys.modules makes it fail.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _idna_at_first_use() -> None:
    """httpx and anyio import idna for host names outside ASCII, and Piggy's is in ASCII:
    what they import is a stand-in that imports idna at its first use, not idna, which
    run is about 0.3 MB (its tables and code) that the program kept for nothing (issue 20).
    (``importlib.util.LazyLoader`` does not do here: Python 3.11's ``import`` statement
    asks a module in ``sys.modules`` for its ``__spec__``, which runs it.) Nothing is done
    where idna is imported already or missing."""
    if "idna" in sys.modules or importlib.util.find_spec("idna") is None:
        return
    stand_in = ModuleType("idna", "idna, imported at its first use (piggy_desk.api).")

    def real(name: str) -> Any:
        if sys.modules.get("idna") is stand_in:
            del sys.modules["idna"]
        module = importlib.import_module("idna")
        vars(stand_in).update(vars(module))
        return getattr(module, name)

    stand_in.__getattr__ = real  # type: ignore[method-assign]
    sys.modules["idna"] = stand_in


_idna_at_first_use()

from piggy_desk.api.address import DEFAULT_BASE_URL  # noqa: E402
from piggy_desk.api.errors import (  # noqa: E402
    AnswerForAnotherVoucher,
    AnswerTooLarge,
    CertificateRefused,
    ClientCredentialsRefused,
    ConnectionDropped,
    ContactAlreadyExists,
    ContactIdentifierInactive,
    ContactIdentifierNotFound,
    ContactNotFound,
    InvalidInput,
    InvalidRequest,
    Maintenance,
    MalformedResponse,
    NotEnoughRedemptions,
    Offline,
    PiggyAPIError,
    PiggyError,
    PromotionInactive,
    PromotionNotFound,
    RateLimited,
    ServerError,
    Timeout,
    TooManyPages,
    TransportError,
    Unauthorized,
    UsageLimitReached,
    VoucherAlreadyExists,
    VoucherAlreadyRedeemed,
    VoucherDeactivated,
    VoucherExpired,
    VoucherInactive,
    VoucherLimitReached,
    VoucherLocked,
    VoucherNotFound,
)

if TYPE_CHECKING:
    from piggy_desk.api._auth import ClientCredentials
    from piggy_desk.api._transport import DEADLINES, MAX_ANSWER_BYTES, RequestKind
    from piggy_desk.api.client import PiggyClient, base_url_root
    from piggy_desk.api.models import *  # noqa: F403 (the public models: models.__all__)

# What needs httpx (40-70 ms to import) is imported when first asked for: the counter paints
# its window first and imports the client while the first keys come in (issue 20). The
# models need no httpx, but are imported when first asked for too: their dataclasses take
# about 4 ms of CPU to make, and the counter's window shows no voucher before its paint.
# The errors are imported at once.
MODELS = (
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
)
_LAZY = {
    **dict.fromkeys(MODELS, "piggy_desk.api.models"),
    "ClientCredentials": "piggy_desk.api._auth",
    "DEADLINES": "piggy_desk.api._transport",
    "MAX_ANSWER_BYTES": "piggy_desk.api._transport",
    "RequestKind": "piggy_desk.api._transport",
    "PiggyClient": "piggy_desk.api.client",
    "base_url_root": "piggy_desk.api.client",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "DEADLINES",
    "DEFAULT_BASE_URL",
    "MAX_ANSWER_BYTES",
    "AnswerForAnotherVoucher",
    "AnswerTooLarge",
    "CertificateRefused",
    "ClientCredentials",
    "ClientCredentialsRefused",
    "ConnectionDropped",
    "ContactAlreadyExists",
    "ContactIdentifierInactive",
    "ContactIdentifierNotFound",
    "ContactNotFound",
    "InvalidInput",
    "InvalidRequest",
    "Maintenance",
    "MalformedResponse",
    "NotEnoughRedemptions",
    "Offline",
    "PiggyAPIError",
    "PiggyClient",
    "PiggyError",
    "PromotionInactive",
    "PromotionNotFound",
    "RateLimited",
    "RequestKind",
    "ServerError",
    "Timeout",
    "TooManyPages",
    "TransportError",
    "Unauthorized",
    "UsageLimitReached",
    "VoucherAlreadyExists",
    "VoucherAlreadyRedeemed",
    "VoucherDeactivated",
    "VoucherExpired",
    "VoucherInactive",
    "VoucherLimitReached",
    "VoucherLocked",
    "VoucherNotFound",
    "base_url_root",
]
__all__ += MODELS
