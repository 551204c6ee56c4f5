"""OAuth client credentials: an access token got for a client id and secret, renewed
before it runs out and once after Piggy refuses it.

The token request is the one Piggy's official PHP SDK sends (3.12.2,
``OAuthClient::getAccessToken``): ``POST {base}/oauth/token`` with the form fields
``grant_type=client_credentials``, ``client_id`` and ``client_secret``. Piggy answers with
bare JSON (no ``data`` envelope): ``token_type``, ``expires_in`` (seconds) and
``access_token``. There is no refresh token: a new one is asked for the same way.

Why sending a request again after a 401 is safe, a redeem included: Piggy (Laravel) checks
the Bearer token before a request reaches anything that acts on it, so a request answered
401 was not carried out. Sending it once more with a new token therefore cannot do it
twice. Nothing else is ever sent again here: a request whose answer was lost is not a 401.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from piggy_desk.api import errors
from piggy_desk.api._transport import _error_from_response, _read_body, connect_error

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a path, not a password
MAX_CLIENT_ID_LENGTH = 255
MAX_SECRET_LENGTH = 4096
# Renew this long before Piggy's token runs out (at most a tenth of its life), so a
# request never leaves with a token that expires on the way.
RENEW_MARGIN_SECONDS = 60.0


def _register_secret(value: str) -> None:
    # Imported here: piggy_desk.logs imports the settings, which import this package.
    from piggy_desk.logs import register_secret

    register_secret(value)


def _plain(value: object) -> bool:
    return isinstance(value, str) and value.isascii() and value.isprintable() and " " not in value


@dataclass(frozen=True, slots=True)
class ClientCredentials:
    """An OAuth client's id and secret; the secret stays out of the repr."""

    client_id: str
    client_secret: str = field(repr=False)

    def __post_init__(self) -> None:
        client_id, secret = self.client_id, self.client_secret
        if not _plain(client_id) or not client_id or len(client_id) > MAX_CLIENT_ID_LENGTH:
            raise errors.InvalidRequest(
                "The OAuth client id is empty or has characters an id cannot have.",
                field="client_id",
            )
        if not _plain(secret) or not secret or len(secret) > MAX_SECRET_LENGTH:
            raise errors.InvalidRequest(
                "The OAuth client secret is empty or has characters a secret cannot have.",
                field="client_secret",
            )
        _register_secret(secret)


class AccessTokens:
    """The access token of one OAuth client: asked for when first needed, renewed shortly
    before it runs out and when Piggy refuses it. One token request at a time; requests
    that need a token meanwhile wait for it."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: ClientCredentials,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._credentials = credentials
        self._clock = clock
        self._token: str | None = None
        self._renew_at = -math.inf
        self._lock = asyncio.Lock()
        self.renewals = 0

    async def authorization(self) -> str:
        """The Authorization header for the next request (a token is got or renewed first
        when there is none or it is about to run out)."""
        token = self._token
        if token is None or self._clock() >= self._renew_at:
            token = await self._renew(stale=token)
        return f"Bearer {token}"

    async def refused(self, authorization: str) -> None:
        """Piggy answered 401 to a request sent with ``authorization``: renew the token,
        unless another request has renewed it since."""
        if self._token is not None and authorization == f"Bearer {self._token}":
            await self._renew(stale=self._token)

    def __repr__(self) -> str:
        return f"AccessTokens(client_id={self._credentials.client_id!r})"

    async def _renew(self, *, stale: str | None) -> str:
        async with self._lock:
            if self._token is not None and self._token != stale:
                return self._token  # renewed by another request while this one waited
            asked_at = self._clock()
            token, lifetime = await self._ask()
            _register_secret(token)
            self._token = token
            margin = min(RENEW_MARGIN_SECONDS, lifetime / 10)
            self._renew_at = asked_at + lifetime - margin
            self.renewals += 1
            return token

    async def _ask(self) -> tuple[str, float]:
        """One token request; the token and how many seconds it lasts (inf: not said)."""
        context: dict[str, Any] = {"method": "POST", "path": TOKEN_PATH}
        form = {
            "grant_type": "client_credentials",
            "client_id": self._credentials.client_id,
            "client_secret": self._credentials.client_secret,
        }
        try:
            # Streamed and read under the transport's size cap, like every answer.
            response = await self._http.send(
                self._http.build_request("POST", TOKEN_PATH, data=form), stream=True
            )
            try:
                content = await _read_body(response, context, unsafe=False)
            finally:
                await response.aclose()
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise connect_error(exc, context) from None
        except httpx.TimeoutException as exc:
            raise errors.Timeout(
                f"Piggy did not hand out an access token in time ({type(exc).__name__}).",
                **context,
            ) from None
        except httpx.HTTPError as exc:
            raise errors.ConnectionDropped(
                f"The connection broke off while asking for an access token "
                f"({type(exc).__name__}).",
                **context,
            ) from None
        if not response.is_success:
            raise _refusal(response, content, self._credentials.client_secret)
        return _read_token(response, content)


def _refusal(response: httpx.Response, content: bytes, secret: str) -> errors.PiggyError:
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        body = None
    kind = body.get("error") if isinstance(body, Mapping) else None
    if kind == "invalid_client" or (response.status_code == 401 and kind is None):
        error: errors.PiggyError = errors.ClientCredentialsRefused(
            body.get("message") if isinstance(body, Mapping) else None,
            status_code=response.status_code,
            method="POST",
            path=TOKEN_PATH,
            body=content.decode("utf-8", errors="replace"),
        )
    else:
        error = _error_from_response(response, content, "POST", TOKEN_PATH)
    # Only a token was asked for: whatever the program was about to send has not gone.
    error.ambiguous = False
    if error.body and secret in error.body:
        error.body = None  # a server that echoes the form: the manager must not see it
    return error


def _read_token(response: httpx.Response, content: bytes) -> tuple[str, float]:
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        body = None
    context: dict[str, Any] = {
        "status_code": response.status_code,
        "method": "POST",
        "path": TOKEN_PATH,
    }
    # The body holds the token: it never goes into the error.
    if not isinstance(body, Mapping):
        raise errors.MalformedResponse("Piggy's token answer is not a JSON object.", **context)
    token = body.get("access_token")
    if not _plain(token) or not token:
        raise errors.MalformedResponse(
            "Piggy's token answer has no usable access_token.", **context
        )
    expires_in = body.get("expires_in")
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or expires_in <= 0:
        return token, math.inf  # renewed only when Piggy refuses it
    return token, float(expires_in)
