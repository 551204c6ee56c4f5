"""The API token in the OS key store (``keyring``), read and written off the loop thread.

Where no key store works (a headless Linux without Secret Service, a locked keyring whose
unlock was dismissed) the token is kept in memory for this session only and ``warning``
says so in a sentence; it is never written to a file. A ``PIGGY_TOKEN`` environment
variable (managed deployments) wins over the key store. An OAuth client's secret is kept
the same way, beside the token (``kind="client_secret"``); ``PIGGY_TOKEN`` does not touch it.

Every keyring call runs in the store's own single worker thread: an unlock prompt can
block for as long as the person takes, which must not freeze the window nor hold up the
loop's default executor. That executor (qasync's) also logs its callbacks' arguments and
results at DEBUG level, which would put the token in a log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Literal, TypeVar

from piggy_desk.api import InvalidRequest
from piggy_desk.settings import token_from_environment
from piggy_desk.texts import QT_TRANSLATE_NOOP

log = logging.getLogger("piggy_desk.token_store")
T = TypeVar("T")

Source = Literal["keyring", "memory", "environment"]
Kind = Literal["token", "client_secret"]

SERVICE = "PiggyDesk"
MAX_TOKEN_LENGTH = 4096


NO_KEY_STORE = QT_TRANSLATE_NOOP(
    "TokenStore",
    "This computer has no working key store: the token is kept only until Piggy Desk closes.",
)
KEY_STORE_LOCKED = QT_TRANSLATE_NOOP(
    "TokenStore",
    "The key store stayed locked: the token is kept only until Piggy Desk closes.",
)
KEY_STORE_FAILED = QT_TRANSLATE_NOOP(
    "TokenStore",
    "The key store could not be used: the token is kept only until Piggy Desk closes.",
)


class TokenStoreError(Exception):
    """The token could not be changed; ``user_message`` says why in a sentence."""

    user_message = QT_TRANSLATE_NOOP("TokenStore", "The token could not be changed.")

    def __init__(self, user_message: str | None = None) -> None:
        if user_message is not None:
            self.user_message = user_message
        super().__init__(self.user_message)


class TokenManagedByEnvironment(TokenStoreError):
    """The token comes from ``PIGGY_TOKEN``: it is changed there, not in Piggy Desk."""

    user_message = QT_TRANSLATE_NOOP(
        "TokenStore",
        "The token is set by this computer's PIGGY_TOKEN setting: change it there, "
        "not in Piggy Desk.",
    )


class TokenNotRemoved(TokenStoreError):
    """The key store kept the token although it was asked to remove it."""

    user_message = QT_TRANSLATE_NOOP(
        "TokenStore",
        "The key store did not remove the token. Remove the PiggyDesk entry from the "
        "computer's key store by hand.",
    )


def account_for(base_url: str, kind: Kind = "token") -> str:
    """The key store's account name for a Piggy address: its normalised root, so
    ``https://api.piggy.eu/api/v3/oauth/clients/`` and ``https://api.piggy.eu`` share a token
    (an OAuth client's secret: the root and `` OAuth client secret``)."""
    from piggy_desk.api import base_url_root  # with httpx: not before the first paint

    try:
        account = base_url_root(base_url)
    except InvalidRequest:
        account = base_url.strip()
    return account if kind == "token" else f"{account} OAuth client secret"


class TokenStore:
    """Keeps the Piggy API token per Piggy address: in the OS key store, in memory for
    this session when the key store cannot be used, or from ``PIGGY_TOKEN``.

    Create it on the loop thread; ``close()`` when the program ends.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keyring")
        self._memory: dict[str, str] = {}
        self._in_memory = False
        self._warning: str | None = None
        self._closed = False

    @property
    def source(self) -> Source:
        """Where the token comes from and goes to now."""
        if token_from_environment() is not None:
            return "environment"
        return "memory" if self._in_memory else "keyring"

    @property
    def warning(self) -> str | None:
        """A sentence for the person when the key store cannot be used, else None."""
        return self._warning

    async def load(self, base_url: str, *, kind: Kind = "token") -> str | None:
        """The token (or ``kind``) for ``base_url``, or None when none is kept."""
        self._refuse_when_closed()
        from_environment = token_from_environment()
        if from_environment is not None and kind == "token":
            return from_environment
        account = account_for(base_url, kind)
        if not self._in_memory:
            try:
                return await self._run(lambda: _keyring().get_password(self.service, account))
            except _KeyStoreFailed as failure:
                self._fall_back(failure.error)
        return self._memory.get(account)

    async def save(self, base_url: str, token: str, *, kind: Kind = "token") -> None:
        """Keep ``token`` (or the secret of ``kind``) for ``base_url``, replacing the one
        kept before."""
        self._refuse_when_closed()
        if kind == "token":
            self._refuse_when_managed()
        token = token.strip()
        if not token or len(token) > MAX_TOKEN_LENGTH:
            raise ValueError("a token must be 1 to 4096 characters")  # never the token itself
        account = account_for(base_url, kind)
        if not self._in_memory:
            try:
                await self._run(lambda: _keyring().set_password(self.service, account, token))
            except _KeyStoreFailed as failure:
                self._fall_back(failure.error)
            else:
                return
        self._memory[account] = token

    async def delete(self, base_url: str, *, kind: Kind = "token") -> None:
        """Forget the token (or ``kind``) for ``base_url``; nothing happens when none is kept."""
        self._refuse_when_closed()
        if kind == "token":
            self._refuse_when_managed()
        account = account_for(base_url, kind)
        self._memory.pop(account, None)
        if self._in_memory:
            return
        try:
            await self._run(lambda: _delete_password(self.service, account))
        except _KeyStoreFailed as failure:
            from keyring.errors import PasswordDeleteError

            if isinstance(failure.error, PasswordDeleteError):
                log.warning("the key store kept the token of %s", account)
                raise TokenNotRemoved() from None
            self._fall_back(failure.error)

    def close(self) -> None:
        """Stop the worker thread and forget the tokens kept in memory."""
        self._closed = True
        self._memory.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def __repr__(self) -> str:
        return f"TokenStore(service={self.service!r}, source={self.source!r})"

    async def _run(self, call: Callable[[], T]) -> T:
        """``call`` on the worker thread; a key store's failure comes back as _KeyStoreFailed."""

        def guarded() -> T:
            from keyring.errors import KeyringError

            try:
                return call()
            except KeyringError as error:
                raise _KeyStoreFailed(error) from None

        import asyncio  # where it is used: the counter paints before asyncio (see app.py)

        # A closure, never the token as an argument: executors and debug logs show arguments.
        return await asyncio.get_running_loop().run_in_executor(self._executor, guarded)

    def _refuse_when_closed(self) -> None:
        if self._closed:
            raise RuntimeError("the token store is closed")

    def _refuse_when_managed(self) -> None:
        if token_from_environment() is not None:
            raise TokenManagedByEnvironment()

    def _fall_back(self, error: Exception) -> None:
        # Only the kind of error is logged: a backend's message is not ours to trust.
        from keyring.errors import KeyringLocked, NoKeyringError

        if isinstance(error, NoKeyringError):
            self._warning = NO_KEY_STORE
        elif isinstance(error, KeyringLocked):
            self._warning = KEY_STORE_LOCKED
        else:
            self._warning = KEY_STORE_FAILED
        self._in_memory = True
        log.warning(
            "key store unusable (%s): the token is kept in memory for this session",
            type(error).__name__,
        )


class _KeyStoreFailed(Exception):
    """A keyring error, carried from the worker thread (keyring is imported there)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(type(error).__name__)
        self.error = error


def _keyring() -> ModuleType:
    """keyring, imported on the worker thread when first needed: finding its backends takes
    20 ms, which a start on the sandbox never needs."""
    import keyring

    return keyring


def _delete_password(service: str, account: str) -> None:
    """Delete what is kept; most backends raise when there is nothing, which is no failure."""
    if _keyring().get_password(service, account) is None:
        return
    _keyring().delete_password(service, account)
