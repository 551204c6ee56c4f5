"""The one place that sends requests: errors mapped, safe retries, nothing secret logged."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from piggy_desk.api import errors

log = logging.getLogger("piggy_desk.api")

API_PATH = "/api/v3/oauth/clients"
MAX_ID_LENGTH = 128
MAX_RETRY_AFTER = 10.0
_SAFE_METHODS = frozenset({"GET", "HEAD"})
# The largest answer read: the largest real page (500 vouchers, about 340 kB from the
# sandbox; 73 kB with limit=100) with a wide margin. A longer body is cut off there.
MAX_ANSWER_BYTES = 16 * 1024 * 1024


class RequestKind(StrEnum):
    """What a request is for, which decides how long it may take (see ``DEADLINES``)."""

    FIND = "find"  # a look-up at the counter: a voucher, a customer, a loyalty card
    LOCK = "lock"
    RELEASE = "release"
    REDEEM = "redeem"  # and multi-redeem
    REVERSE = "reverse"
    PAGE = "page"  # a page of a list (up to 500 vouchers)
    OTHER = "other"


# How long a request may take in all, from sending to the answer's last byte, retries
# included. httpx's timeouts count each read on its own, so without these a server that
# sends a byte every few seconds would hold "Checking…" or "Redeeming…" for ever.
DEADLINES: Mapping[RequestKind, float] = MappingProxyType(
    {
        RequestKind.FIND: 15.0,
        RequestKind.LOCK: 15.0,
        RequestKind.RELEASE: 10.0,
        RequestKind.REDEEM: 20.0,
        RequestKind.REVERSE: 20.0,
        RequestKind.PAGE: 60.0,
        RequestKind.OTHER: 30.0,
    }
)


class Authorizer(Protocol):
    """Where an OAuth client's Authorization header comes from (see ``_auth``)."""

    async def authorization(self) -> str:
        """The header value for the next request."""
        ...

    async def refused(self, authorization: str) -> None:
        """Piggy answered 401 to a request sent with ``authorization``."""
        ...


def path_segment(value: str, what: str) -> str:
    """An id as one percent-encoded path segment; refuses what cannot be an id.

    Piggy's ids are UUIDs in practice but not always (``"123"``), so anything printable,
    short and free of path separators and spaces is accepted; the rest (``%``, ``?``,
    ``#``, ``&``) is percent-encoded, so an id can never change the path or query asked for.
    """
    if not isinstance(value, str) or not value.strip():
        raise errors.InvalidRequest(f"The {what} is empty.", field=what)
    if len(value) > MAX_ID_LENGTH:
        raise errors.InvalidRequest(f"The {what} is too long to be an id.", field=what)
    if value in {".", ".."} or not value.isprintable() or any(c in value for c in "/\\ \u00a0"):
        raise errors.InvalidRequest(f"The {what} cannot be an id.", field=what)
    return quote(value, safe="")


# What each of httpx's failures becomes, first match wins (ConnectTimeout is a
# TimeoutException too: a connection never made is Offline, nothing was sent). ``ambiguous``:
# the request may have reached Piggy; None: only when it is not a GET or HEAD.
_TRANSPORT_ERRORS: tuple[
    tuple[tuple[type[httpx.HTTPError], ...], type[errors.PiggyError], str, bool | None], ...
] = (
    ((httpx.PoolTimeout,), errors.Timeout, "No free connection to Piggy in time.", False),
    (
        (httpx.TimeoutException,),
        errors.Timeout,
        "Piggy did not answer in time ({name}).",
        True,
    ),
    (
        (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError),
        errors.ConnectionDropped,
        "The connection broke off ({name}).",
        True,
    ),
    ((httpx.HTTPError,), errors.TransportError, "The request failed ({name}).", None),
)


def transport_error(
    exc: httpx.HTTPError, context: Mapping[str, Any], *, unsafe: bool
) -> errors.PiggyError:
    """The client's error for one of httpx's (``_TRANSPORT_ERRORS``)."""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return connect_error(exc, context)
    for kinds, error, message, ambiguous in _TRANSPORT_ERRORS:
        if isinstance(exc, kinds):
            return error(
                message.format(name=type(exc).__name__),
                ambiguous=unsafe if ambiguous is None else ambiguous,
                **context,
            )
    raise AssertionError("httpx.HTTPError is the table's last row")  # pragma: no cover


def connect_error(exc: httpx.TransportError, context: Mapping[str, Any]) -> errors.Offline:
    """The error for a connection that could not be made: ``CertificateRefused`` when it
    was the server's TLS certificate that failed the check, else ``Offline``."""
    refusal = _certificate_refusal(exc)
    if refusal is not None:
        return errors.CertificateRefused(
            f"Piggy's certificate was refused ({refusal.verify_message}; "
            f"CERTIFICATE_VERIFY_FAILED).",
            **context,
        )
    return errors.Offline(f"Could not connect to Piggy ({type(exc).__name__}).", **context)


def _certificate_refusal(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed somewhere under ``exc`` (httpx wraps httpcore's
    error, which wraps the ssl module's), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _field_errors(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for field, problems in value.items():
        if isinstance(problems, str):
            result[str(field)] = (problems,)
        elif isinstance(problems, list):
            result[str(field)] = tuple(str(p) for p in problems)
        else:
            result[str(field)] = (str(problems),)
    return result


def _piggy_code(value: object) -> int | None:
    """Piggy's error code from a body that may send it as a number, a float or text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e9:
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 9:
            return int(text)
    return None


def _json_or_none(content: bytes) -> object:
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_OBJECT_START = re.compile(r"[ \t\n\r]*\{")
_JSON_SPACES = frozenset(" \t\n\r")
_JSON = json.JSONDecoder()


def json_list_items(text: str, members: dict[str, Any]) -> Iterator[object]:
    """The items of the ``data`` list of a JSON object's text, each parsed when it is
    reached, never the whole list at once; the object's other members are put in
    ``members`` on the way (``members["data"]`` an empty list when ``data`` is a list).
    ``json.JSONDecodeError`` where the text is not one JSON object, as ``json.loads`` would
    raise, found as far as the items have been read."""
    match, scan = _JSON_SPACE.match, _JSON.raw_decode

    def space(at: int) -> int:
        """Past the space at ``at`` (Piggy's answers have none: no match tried then)."""
        if text[at : at + 1] not in _JSON_SPACES:
            return at
        found = match(text, at)
        return found.end() if found else at

    def expect(at: int, what: str) -> int:
        """Past ``what`` at ``at`` and the space after it."""
        if text[at : at + 1] != what:
            raise json.JSONDecodeError(f"Expecting {what!r}", text, at)
        return space(at + 1)

    at = expect(space(0), "{")
    closed = text[at : at + 1] == "}"
    while not closed:
        if text[at : at + 1] != '"':
            raise json.JSONDecodeError("Expecting property name in double quotes", text, at)
        key, at = scan(text, at)
        at = expect(space(at), ":")
        if key == "data" and "data" in members:
            raise json.JSONDecodeError("Expecting one 'data' member", text, at)
        if key == "data" and text[at : at + 1] == "[":
            members["data"] = []
            at = space(at + 1)
            ended = text[at : at + 1] == "]"
            while not ended:
                item, at = scan(text, at)
                yield item
                at = space(at)
                ended = text[at : at + 1] == "]"
                if not ended:
                    at = expect(at, ",")
            at += 1
        else:
            members[key], at = scan(text, at)
        at = space(at)
        closed = text[at : at + 1] == "}"
        if not closed:
            at = expect(at, ",")
    if space(at + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, at + 1)


def _object_text(
    response: httpx.Response, content: bytes, context: dict[str, Any], *, unsafe: bool
) -> str:
    """The body as the text ``json.loads`` would read from it (UTF-8, -16 or -32, as it
    detects them), if it begins as a JSON object; else ``MalformedResponse``, as the
    answer's JSON would be."""
    try:
        text = content.decode(json.detect_encoding(content), "surrogatepass")
    except UnicodeDecodeError:
        text = ""
    if _JSON_OBJECT_START.match(text) is None:
        raise errors.MalformedResponse(
            "Piggy's answer is not a JSON object.",
            status_code=response.status_code,
            body=_text(response, content),
            ambiguous=unsafe,
            **context,
        )
    return text


def _error_from_response(
    response: httpx.Response, content: bytes, method: str, path: str
) -> errors.PiggyError:
    """The exception for a non-2xx answer: by Piggy's code first, then by HTTP status."""
    status = response.status_code
    body = _json_or_none(content)
    context: dict[str, Any] = {
        "status_code": status,
        "method": method,
        "path": path,
        "body": _text(response, content),
    }
    message = None
    if isinstance(body, Mapping):
        code = _piggy_code(body.get("code"))
        message = body.get("message") if isinstance(body.get("message"), str) else None
        context.update(code=code, field_errors=_field_errors(body.get("errors")))
        error_class = errors.ERRORS_BY_CODE.get(code) if code is not None else None
        if error_class is not None:
            return error_class(message, **context)
    if status == 401:
        return errors.Unauthorized(message, **context)
    if status == 429:
        return errors.RateLimited(message, retry_after=_retry_after(response), **context)
    # A POST or PUT that met a server error may have been carried out before it failed.
    context["ambiguous"] = status >= 500 and method not in _SAFE_METHODS
    if status == 503:
        return errors.Maintenance(message, retry_after=_retry_after(response), **context)
    if status >= 500:
        return errors.ServerError(message or f"Piggy answered HTTP {status}.", **context)
    if isinstance(body, Mapping):
        return errors.PiggyAPIError(message, **context)
    return errors.MalformedResponse(
        f"Piggy answered HTTP {status} with a body that is not JSON.", **context
    )


@dataclass(frozen=True, slots=True)
class _Call:
    """One request as it was asked for, the same for every attempt at it."""

    method: str
    path: str
    params: Mapping[str, str | int] | None
    body: Mapping[str, Any] | None
    # The answer handed back as its text (``_object_text``), not decoded.
    text: bool = False

    @property
    def unsafe(self) -> bool:
        """Not a GET or HEAD: Piggy may have carried it out although no answer came."""
        return self.method not in _SAFE_METHODS

    def context(self) -> dict[str, Any]:
        """What an error of this request says about it."""
        return {"method": self.method, "path": self.path}

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


class Transport:
    """Sends Piggy requests over one ``httpx.AsyncClient`` and turns every failure into a
    ``PiggyError``. GETs are retried on connection failures, 5xx and 429 with bounded
    backoff; nothing else is ever retried, since a repeated POST could redeem twice."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        max_retries: int = 2,
        backoff: float = 0.25,
        observer: Callable[[errors.PiggyError | None], None] | None = None,
        auth: Authorizer | None = None,
        deadlines: Mapping[RequestKind, float] | None = None,
        mend_authorities: Callable[[], bool] | None = None,
    ) -> None:
        self._http = http
        # After a certificate refusal: True when the authorities were put back (a cache
        # cleaner had taken some), so that one more handshake may succeed.
        self._mend_authorities = mend_authorities
        self._max_retries = max_retries
        self._backoff = backoff
        self._observer = observer
        self._piggy_date: tuple[datetime, float] | None = None
        self._auth = auth
        self._deadlines = {**DEADLINES, **(deadlines or {})}
        self._deadline_cap: float | None = None

    def cap_deadlines(self, seconds: float) -> None:
        """From now on no request takes longer than ``seconds`` (the program is closing)."""
        self._deadline_cap = seconds

    def deadline(self, kind: RequestKind) -> float:
        """How long a request of this kind may take in all, in seconds."""
        seconds = self._deadlines[kind]
        return seconds if self._deadline_cap is None else min(seconds, self._deadline_cap)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: Mapping[str, Any] | None = None,
        kind: RequestKind = RequestKind.OTHER,
    ) -> tuple[int, Mapping[str, Any]]:
        """Send one request; the HTTP status and the decoded JSON object of a 2xx answer.

        Past its kind's deadline it ends with ``Timeout`` (ambiguous for a POST or PUT:
        Piggy may have done it). The observer hears how it ended: None when Piggy
        answered with success, else the error (an argument refused before sending says
        nothing about the connection)."""
        return await self._request(_Call(method, path, params, body), kind)

    async def request_text(
        self,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        kind: RequestKind = RequestKind.OTHER,
    ) -> tuple[int, str]:
        """A GET as ``request``, its answer handed back as text, not decoded: a JSON object
        to be read a part at a time (``json_list_items``). Only its beginning has been
        checked; if its reader finds it unreadable, the caller tells ``heard``."""
        return await self._request(_Call("GET", path, params, None, text=True), kind)

    def heard(self, error: errors.PiggyError) -> None:
        """An answer handed back as text turned out unreadable: the observer hears it as if
        the request had ended with ``error``."""
        if self._observer is not None:
            self._observer(error)

    async def _request(self, call: _Call, kind: RequestKind) -> tuple[int, Any]:
        try:
            answer = await self._within_deadline(call, kind)
        except errors.InvalidRequest:
            raise
        except errors.PiggyError as error:
            if self._observer is not None:
                self._observer(error)
            raise
        if self._observer is not None:
            self._observer(None)
        return answer

    async def _within_deadline(self, call: _Call, kind: RequestKind) -> tuple[int, Any]:
        seconds = self.deadline(kind)
        end = asyncio.get_running_loop().time() + seconds
        try:
            async with asyncio.timeout_at(end) as scope:
                return await self._with_retries(call, end=end)
        except TimeoutError:
            if not scope.expired():
                raise
            raise errors.Timeout(
                f"Piggy had not finished answering after {seconds:g} s.",
                ambiguous=call.unsafe,
                **call.context(),
            ) from None

    async def _with_retries(self, call: _Call, *, end: float) -> tuple[int, Any]:
        attempt = 0
        sent_again = False
        mended = False
        loop = asyncio.get_running_loop()
        while True:
            authorization = None
            try:
                if self._auth is not None:
                    authorization = await self._auth.authorization()
                return await self._send_once(call, authorization=authorization)
            except errors.Unauthorized as error:
                # Piggy checks the token before it acts on a request, so one refused with
                # a 401 was not carried out: sent once more with a renewed token, it cannot
                # happen twice, even a redeem. The client's own id and secret refused: no.
                if (
                    self._auth is None
                    or authorization is None
                    or sent_again
                    or isinstance(error, errors.ClientCredentialsRefused)
                ):
                    raise
                sent_again = True
                log.info("%s: access token refused, renewing it and sending once more", call)
                await self._auth.refused(authorization)
            except errors.CertificateRefused:
                # Refused in the handshake, before a byte of the request: safe to connect
                # again, even for a redeem.
                if mended or self._mend_authorities is None or not self._mend_authorities():
                    raise
                mended = True
                log.warning(
                    "%s: certificate authorities missing from the cache, written again", call
                )
            except (errors.TransportError, errors.ServerError, errors.RateLimited) as error:
                delay = None if call.unsafe else self._retry_delay(error, attempt)
                if delay is None or loop.time() + delay >= end:
                    raise  # no retry, or none that could end before the deadline
                attempt += 1
                log.info("retrying %s in %.2f s after %s", call, delay, type(error).__name__)
                await asyncio.sleep(delay)

    def _retry_delay(self, error: errors.PiggyError, attempt: int) -> float | None:
        if attempt >= self._max_retries or isinstance(
            error, errors.Timeout | errors.CertificateRefused
        ):
            return None
        backoff = self._backoff * (2.0**attempt) * (0.5 + random.random())  # noqa: S311 - jitter, not crypto
        if error.retry_after is not None:  # a 429, or a 503 that says when to come back
            if error.retry_after > MAX_RETRY_AFTER:
                return None
            return max(error.retry_after, backoff)
        return backoff

    def piggy_now(self) -> datetime | None:
        """Piggy's time now: the ``Date`` of its latest answer (to the second) plus the time
        since on this computer's monotonic clock, which its wall clock cannot move; None
        before an answer with a date."""
        if self._piggy_date is None:
            return None
        date, received = self._piggy_date
        return date + timedelta(seconds=time.monotonic() - received)

    def _note_date(self, response: httpx.Response) -> None:
        try:
            date = parsedate_to_datetime(response.headers.get("Date", ""))
        except (TypeError, ValueError, IndexError):
            return
        if date.tzinfo is not None:
            self._piggy_date = (date, time.monotonic())

    async def _send_once(self, call: _Call, *, authorization: str | None = None) -> tuple[int, Any]:
        method, path, params, body = call.method, call.path, call.params, call.body
        started = time.perf_counter()
        context = call.context()
        unsafe = call.unsafe
        if self._http.is_closed:
            raise errors.TransportError("The connection to Piggy has been closed.", **context)
        headers = {} if body is None else {"Content-Type": "application/json"}
        if authorization is not None:
            headers["Authorization"] = authorization
        try:
            request = self._http.build_request(
                method,
                API_PATH + path,
                params=dict(params) if params else None,
                content=None
                if body is None
                else json.dumps(body, allow_nan=False, ensure_ascii=False).encode(),
                headers=headers or None,
            )
        except (TypeError, ValueError) as exc:
            # Values JSON or a URL cannot carry (NaN, objects, broken text).
            raise errors.InvalidRequest(
                f"This cannot be sent to Piggy ({type(exc).__name__})."
            ) from None
        try:
            response = await self._http.send(request, stream=True)
            try:
                content = await _read_body(response, context, unsafe=unsafe)
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise transport_error(exc, context, unsafe=unsafe) from None
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.debug("%s %s -> %s in %.0f ms", method, path, response.status_code, elapsed_ms)
        self._note_date(response)
        if not response.is_success:
            raise _error_from_response(response, content, method, path)
        if call.text:
            return response.status_code, _object_text(response, content, context, unsafe=unsafe)
        decoded = _json_or_none(content)
        if not isinstance(decoded, Mapping):
            # Piggy said yes but the answer cannot be read: a POST most likely happened.
            raise errors.MalformedResponse(
                "Piggy's answer is not a JSON object.",
                status_code=response.status_code,
                body=_text(response, content),
                ambiguous=unsafe,
                **context,
            )
        return response.status_code, decoded


async def _read_body(response: httpx.Response, context: dict[str, Any], *, unsafe: bool) -> bytes:
    """The answer's body (decompressed), refused past ``MAX_ANSWER_BYTES``: the size it
    announces is checked first, the bytes that come are counted as they come."""

    def too_large() -> errors.AnswerTooLarge:
        return errors.AnswerTooLarge(
            f"Piggy's answer is larger than {MAX_ANSWER_BYTES // 2**20} MB; it was not read.",
            status_code=response.status_code,
            ambiguous=unsafe,
            **context,
        )

    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _text(response: httpx.Response, content: bytes) -> str:
    """The body as text, for an error's details."""
    try:
        return content.decode(response.encoding or "utf-8", errors="replace")
    except LookupError:
        return content.decode("utf-8", errors="replace")
