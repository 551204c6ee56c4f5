"""The async Piggy API client: ``PiggyClient``, its typed models and its errors.

Usage::

    async with PiggyClient(base_url="https://api.piggy.eu", token=TOKEN) as client:
        voucher = await client.vouchers.find("PIZZA-123")
"""

import sys

# httpx imports its command-line tool (click, pygments) whenever click is installed, which
# the sandbox's uvicorn brings: 15-20 ms of every start for nothing. httpx expects that
# import to fail where click is missing; a None in sys.modules makes it fail here too.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from piggy_desk.api import models  # noqa: E402
from piggy_desk.api._auth import ClientCredentials  # noqa: E402
from piggy_desk.api._transport import DEADLINES, MAX_ANSWER_BYTES, RequestKind  # noqa: E402
from piggy_desk.api.client import DEFAULT_BASE_URL, PiggyClient, base_url_root  # noqa: E402
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
from piggy_desk.api.models import *  # noqa: E402, F403 (the public models: models.__all__)

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
__all__ += models.__all__
