"""Key stores for tests: in memory, failing, keeping a token; ``installed`` puts one in place
for a block. The ``memory_keyring`` fixture (tests/conftest.py) is built on them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

B = TypeVar("B", bound=KeyringBackend)


class _NeverDetected:
    """A backend priority for tests: keyring registers every backend class and would
    pick these when it detects the key store; asked on the class, it says "not viable"."""

    def __get__(self, instance: object, owner: type) -> float:
        if instance is None:
            raise RuntimeError("a test backend is installed by hand only")
        return 1.0


class MemoryKeyring(KeyringBackend):
    """A key store in a dict; records the thread of every call."""

    priority = _NeverDetected()

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}
        self.threads: set[str] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.add(threading.current_thread().name)
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.threads.add(threading.current_thread().name)
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


class FailingKeyring(KeyringBackend):
    """A key store that raises ``error`` on every call (no backend, a dismissed unlock)."""

    priority = _NeverDetected()

    def __init__(self, error: type[keyring.errors.KeyringError]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.error = error
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        raise self.error("the key store cannot be used")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise self.error("the key store cannot be used")

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        raise self.error("the key store cannot be used")


class KeptKeyring(MemoryKeyring):
    """A key store that will not let go of a token."""

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("refused")


@contextmanager
def installed(backend: B) -> Iterator[B]:
    """``backend`` as the key store inside the block, the previous one restored after."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
