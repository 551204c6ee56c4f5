"""Every way a Piggy call can fail, as one exception family.

Each class carries a short sentence for a cashier (``user_message``) and the details
for a manager (``details()``). Secrets never enter an error: the client builds errors
from the method, the path and the response body only, never from request headers.

The hierarchy::

    PiggyError
    ├── InvalidRequest            refused here, before anything was sent
    ├── PiggyAPIError             Piggy answered with an error
    │   ├── InvalidInput          1003 (field_errors says which field)
    │   ├── ContactNotFound       55031
    │   ├── PromotionNotFound     80002
    │   ├── VoucherAlreadyExists  80003
    │   ├── VoucherNotFound       80004
    │   ├── VoucherAlreadyRedeemed 80005
    │   ├── VoucherExpired        80006
    │   ├── VoucherLimitReached   80008
    │   ├── VoucherDeactivated    80012
    │   ├── VoucherInactive       80014
    │   ├── VoucherLocked         80017
    │   ├── NotEnoughRedemptions  80019
    │   ├── PromotionInactive     80020
    │   ├── UsageLimitReached     60000
    │   ├── ContactIdentifierNotFound 60003
    │   ├── ContactIdentifierInactive 60004
    │   ├── ContactAlreadyExists  60005
    │   ├── Unauthorized          HTTP 401
    │   │   └── ClientCredentialsRefused  the OAuth client id or secret (invalid_client)
    │   ├── RateLimited           HTTP 429 (retry_after)
    │   └── ServerError           HTTP 5xx
    │       └── Maintenance       HTTP 503
    ├── TransportError            no usable answer came
    │   ├── Offline               could not connect: the request was not sent
    │   │   └── CertificateRefused  the server's TLS certificate failed the check
    │   ├── Timeout               no answer in time
    │   └── ConnectionDropped     the connection broke before the answer
    ├── MalformedResponse         an answer that is not Piggy's JSON
    │   ├── AnswerTooLarge        an answer far larger than any real one (not read)
    │   └── TooManyPages          a list that kept sending pages past its bound
    └── AnswerForAnotherVoucher   a find answered with another code's voucher

``ambiguous`` is true when the request may have been carried out by Piggy although no
answer arrived (a read timeout, a dropped connection, a request past its deadline): a
redeem in that state must be checked with a find, never retried blindly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

from piggy_desk.texts import QT_TRANSLATE_NOOP

_BODY_EXCERPT = 300


# A lock's release key is a secret: never shown in the details of an error.
_RELEASE_KEY = re.compile(r'("release_key"\s*:\s*")[^"]*("?)')


class PiggyError(Exception):
    """Base of every failure the Piggy client reports."""

    user_message: str = QT_TRANSLATE_NOOP(
        "PiggyError", "Something went wrong while talking to Piggy."
    )

    def __init__(
        self,
        message: str | None = None,
        *,
        code: int | None = None,
        status_code: int | None = None,
        field_errors: Mapping[str, tuple[str, ...]] | None = None,
        method: str | None = None,
        path: str | None = None,
        body: str | None = None,
        ambiguous: bool = False,
        user_message: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        if user_message is not None:
            self.user_message = user_message
        self.message = message or self.user_message
        self.code = code
        self.status_code = status_code
        self.field_errors: Mapping[str, tuple[str, ...]] = dict(field_errors or {})
        self.method = method
        self.path = path
        self.body = _RELEASE_KEY.sub(r"\1[secure]\2", body[:_BODY_EXCERPT]) if body else None
        self.ambiguous = ambiguous
        # The wait in seconds Piggy asked for (``Retry-After`` on a 429 or a 503), if any.
        self.retry_after = retry_after
        self.occurred_at = datetime.now(UTC)
        super().__init__(self.message)

    def details(self) -> dict[str, str]:
        """What a manager or support person needs, as label → text."""
        details: dict[str, str] = {"error": type(self).__name__, "message": self.message}
        if self.code is not None:
            details["code"] = str(self.code)
        if self.status_code is not None:
            details["HTTP status"] = str(self.status_code)
        if self.method and self.path:
            details["request"] = f"{self.method} {self.path}"
        for field, problems in self.field_errors.items():
            details[f"field {field}"] = "; ".join(problems)
        if self.body:
            details["response"] = self.body
        details["time"] = self.occurred_at.isoformat(timespec="seconds")
        return details

    def __str__(self) -> str:
        parts = [self.message]
        if self.code is not None:
            parts.append(f"code {self.code}")
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}")
        if self.method and self.path:
            parts.append(f"{self.method} {self.path}")
        return " | ".join(parts)

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}({self.message!r}, code={self.code!r}, status_code={self.status_code!r})"


class InvalidRequest(PiggyError, ValueError):
    """The client refused to send a request because an argument cannot be valid."""

    user_message = QT_TRANSLATE_NOOP("PiggyError", "That cannot be sent to Piggy.")

    def __init__(self, message: str, *, field: str | None = None) -> None:
        field_errors = {field: (message,)} if field else None
        super().__init__(message, field_errors=field_errors, user_message=message)


class PiggyAPIError(PiggyError):
    """Piggy answered, and the answer is an error. The class of one of Piggy's error codes
    names it in its header (``class VoucherExpired(PiggyAPIError, code=80006)``), which
    puts it in ``ERRORS_BY_CODE``."""

    user_message = QT_TRANSLATE_NOOP("PiggyError", "Piggy refused the request.")
    piggy_code: ClassVar[int | None] = None

    def __init_subclass__(cls, *, code: int | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.piggy_code = code


class InvalidInput(PiggyAPIError, code=1003):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "Piggy did not accept the details that were sent."
    )


class ContactNotFound(PiggyAPIError, code=55031):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This customer is not known to Piggy.")


class PromotionNotFound(PiggyAPIError, code=80002):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This promotion does not exist.")


class VoucherAlreadyExists(PiggyAPIError, code=80003):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "A voucher with this code already exists.")


class VoucherNotFound(PiggyAPIError, code=80004):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "No voucher with this code was found.")


class VoucherAlreadyRedeemed(PiggyAPIError, code=80005):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This voucher has already been used.")


class VoucherExpired(PiggyAPIError, code=80006):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This voucher has expired.")


class VoucherLimitReached(PiggyAPIError, code=80008):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "No more vouchers can be handed out for this promotion."
    )


class VoucherDeactivated(PiggyAPIError, code=80012):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This voucher has been switched off.")


class VoucherInactive(PiggyAPIError, code=80014):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This voucher is not valid yet.")


class VoucherLocked(PiggyAPIError, code=80017):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "This voucher is being used at another counter right now."
    )


class NotEnoughRedemptions(PiggyAPIError, code=80019):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "This voucher does not have that many uses left."
    )

    @property
    def left(self) -> int | None:
        """The count of uses left where Piggy's message gives one ("… (2 left)."), else None."""
        found = re.search(r"\b(\d{1,6})\s+left\b", self.message or "")
        return int(found.group(1)) if found else None


class PromotionInactive(PiggyAPIError, code=80020):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "The promotion of this voucher is not active.")


class UsageLimitReached(PiggyAPIError, code=60000):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "The usage limit has been reached.")


class ContactIdentifierNotFound(PiggyAPIError, code=60003):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This loyalty card is not known to Piggy.")


class ContactIdentifierInactive(PiggyAPIError, code=60004):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "This loyalty card has been switched off.")


class ContactAlreadyExists(PiggyAPIError, code=60005):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "A customer with this e-mail address already exists."
    )


class Unauthorized(PiggyAPIError):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "Piggy refused the API token. Ask a manager to check the settings."
    )


class ClientCredentialsRefused(Unauthorized):
    """Piggy refused to exchange the OAuth client id and secret for an access token."""

    user_message = QT_TRANSLATE_NOOP(
        "PiggyError",
        "Piggy refused the OAuth client id or secret. Ask a manager to check the settings.",
    )


class RateLimited(PiggyAPIError):
    """HTTP 429; ``retry_after`` is the wait in seconds Piggy asked for, if any."""

    user_message = QT_TRANSLATE_NOOP("PiggyError", "Piggy is busy. Try again in a moment.")


class ServerError(PiggyAPIError):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "Piggy could not handle the request just now. Try again in a moment."
    )


class Maintenance(ServerError):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "Piggy is down for maintenance. Try again later."
    )


class TransportError(PiggyError):
    """No usable answer arrived."""

    user_message = QT_TRANSLATE_NOOP("PiggyError", "The connection to Piggy failed.")


class Offline(TransportError):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "No connection to Piggy. Check the network.")


class CertificateRefused(Offline):
    """The server's TLS certificate failed the check: nothing was sent. Not a network
    failure a cashier can wait out: someone must look at the proxy or the clock."""

    user_message = QT_TRANSLATE_NOOP(
        "PiggyError",
        "Piggy's security certificate was refused, so nothing was sent. A proxy or "
        "firewall may be intercepting the connection, or this computer's clock may be "
        "wrong. Ask a manager.",
    )


class Timeout(TransportError):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "Piggy took too long to answer.")


class ConnectionDropped(TransportError):
    user_message = QT_TRANSLATE_NOOP(
        "PiggyError", "The connection to Piggy broke off before the answer came."
    )


class MalformedResponse(PiggyError):
    user_message = QT_TRANSLATE_NOOP("PiggyError", "Piggy sent an answer that could not be read.")


class AnswerTooLarge(MalformedResponse):
    """The answer was cut off unread past the client's size limit (a broken or hostile
    server, or a proxy's endless page)."""


class TooManyPages(MalformedResponse):
    """A list kept saying another page follows, past the bound its caller set (a broken
    server, or one that ignores ``page``); ``pages`` is how many were read."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"Piggy kept sending pages past page {pages}.")
        self.pages = pages


class AnswerForAnotherVoucher(PiggyError):
    """A find was answered with the voucher of another code (a caching proxy or a broken
    server): never shown, so it can never be redeemed for the one scanned."""

    user_message = QT_TRANSLATE_NOOP(
        "PiggyError",
        "Piggy answered with another voucher than the one asked for, so it is not shown.",
    )


ERRORS_BY_CODE: Mapping[int, type[PiggyAPIError]] = {
    cls.piggy_code: cls for cls in PiggyAPIError.__subclasses__() if cls.piggy_code is not None
}
