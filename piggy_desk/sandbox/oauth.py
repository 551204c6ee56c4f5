"""OAuth client credentials as Piggy serves them (Laravel Passport): a client id and secret
exchanged at ``POST /oauth/token`` for an access token that expires.

The request is the one Piggy's official PHP SDK sends (3.12.2, ``OAuthClient::getAccessToken``):
a form with ``grant_type=client_credentials``, ``client_id`` and ``client_secret``. The
answer is the bare JSON the SDK reads (no ``data`` envelope): ``token_type``,
``expires_in`` (seconds) and ``access_token``; there is no refresh token, so a client asks
again when its token runs out. Errors have Passport's shape (``error``,
``error_description``, ``message``): an unknown client or a wrong secret is HTTP 401
``invalid_client``.

Tokens expire on the sandbox's clock, so a test moves time on to make one run out.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta

from piggy_desk.sandbox.clock import SandboxClock

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a path, not a password
# Well known on purpose, like the sandbox's Personal Access Token: demo data on loopback.
DEFAULT_CLIENT_ID = "1042"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"  # noqa: S105
DEFAULT_TOKEN_SECONDS = 3600
MAX_TOKEN_SECONDS = 10 * 365 * 24 * 3600

_UNSUPPORTED_GRANT = "The authorization grant type is not supported by the authorization server."
_INVALID_REQUEST = (
    "The request is missing a required parameter, includes an invalid parameter value, "
    "includes a parameter more than once, or is otherwise malformed."
)
_INVALID_CLIENT = "Client authentication failed"


class TokenRefusal(Exception):
    """A token request Passport refuses: the HTTP status and its error body."""

    def __init__(self, status: int, error: str, description: str, hint: str | None = None):
        super().__init__(f"{status} {error}")
        self.status = status
        self.error = error
        self.description = description
        self.hint = hint

    def body(self) -> dict[str, str]:
        """Return Passport's JSON error body."""
        body = {"error": self.error, "error_description": self.description}
        if self.hint is not None:
            body["hint"] = self.hint
        body["message"] = self.description
        return body


class OAuthClients:
    """The account's OAuth clients and the access tokens handed out to them."""

    def __init__(
        self,
        clock: SandboxClock,
        clients: Mapping[str, str] | None = None,
        *,
        token_seconds: int = DEFAULT_TOKEN_SECONDS,
    ) -> None:
        self._clock = clock
        self._clients = dict(clients or {DEFAULT_CLIENT_ID: DEFAULT_CLIENT_SECRET})
        self._tokens: dict[str, datetime] = {}
        self.token_seconds = token_seconds
        self.issued = 0

    def issue(self, fields: Mapping[str, object]) -> dict[str, object]:
        """Answer a token request's form fields with a new access token, or raise
        ``TokenRefusal``."""
        grant_type = fields.get("grant_type")
        if not isinstance(grant_type, str) or not grant_type:
            raise TokenRefusal(
                400, "unsupported_grant_type", _UNSUPPORTED_GRANT,
                "Check that all required parameters have been provided",
            )  # fmt: skip
        if grant_type != "client_credentials":
            raise TokenRefusal(400, "unsupported_grant_type", _UNSUPPORTED_GRANT)
        client_id = fields.get("client_id")
        if client_id is None or client_id == "":
            raise TokenRefusal(
                400, "invalid_request", _INVALID_REQUEST, "Check the `client_id` parameter"
            )
        secret = fields.get("client_secret")
        expected = self._clients.get(str(client_id))
        if (
            expected is None
            or not isinstance(secret, str)
            or not hmac.compare_digest(secret.encode(), expected.encode())
        ):
            raise TokenRefusal(401, "invalid_client", _INVALID_CLIENT)
        token = secrets.token_urlsafe(32)
        self._tokens[token] = self._clock.now() + timedelta(seconds=self.token_seconds)
        self.issued += 1
        return {"token_type": "Bearer", "expires_in": self.token_seconds, "access_token": token}

    def accepts(self, token: bytes) -> bool:
        """Whether ``token`` is an access token this sandbox issued that has not run out."""
        try:
            expires_at = self._tokens.get(token.decode("ascii"))
        except UnicodeDecodeError:
            return False
        return expires_at is not None and self._clock.now() < expires_at

    def set_token_seconds(self, seconds: int) -> None:
        """Set how long tokens issued from now on last."""
        if not 1 <= seconds <= MAX_TOKEN_SECONDS:
            raise ValueError(f"a token lasts 1 to {MAX_TOKEN_SECONDS} seconds")
        self.token_seconds = seconds
