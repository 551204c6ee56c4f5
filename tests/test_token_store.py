"""The token store: the OS key store off the loop thread, the session-only fallback with
its sentence, PIGGY_TOKEN first, and the token in no repr, log line or written file.

``MemoryKeyring`` and the ``memory_keyring`` fixture are used by the GUI tests too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from piggy_desk import settings as settings_module
from piggy_desk.settings import Settings, config_dir, data_dir
from piggy_desk.token_store import (
    KEY_STORE_FAILED,
    KEY_STORE_LOCKED,
    NO_KEY_STORE,
    TokenManagedByEnvironment,
    TokenNotRemoved,
    TokenStore,
    account_for,
)
from tests.helpers.keyrings import FailingKeyring, KeptKeyring, MemoryKeyring, installed

SECRET = "pat-4b1d9e-SECRET-never-in-a-file"
PIGGY = "https://api.piggy.eu"


@pytest.fixture
async def store() -> AsyncIterator[TokenStore]:
    token_store = TokenStore()
    yield token_store
    token_store.close()


async def test_a_token_is_saved_loaded_and_deleted_in_the_key_store(
    memory_keyring: MemoryKeyring, store: TokenStore
) -> None:
    assert await store.load(PIGGY) is None
    await store.save(PIGGY, SECRET)
    assert memory_keyring.passwords == {("PiggyDesk", PIGGY): SECRET}
    assert await store.load(PIGGY) == SECRET
    # The address as a person may type it is the same account.
    assert await store.load("  https://api.piggy.eu/api/v3/oauth/clients/ ") == SECRET
    assert await store.load("https://other.example") is None
    await store.delete(PIGGY)
    assert await store.load(PIGGY) is None
    await store.delete(PIGGY)  # nothing kept: no error
    assert store.source == "keyring"
    assert store.warning is None


async def test_replacing_a_token_keeps_only_the_new_one(
    memory_keyring: MemoryKeyring, store: TokenStore
) -> None:
    await store.save(PIGGY, "old-token")
    await store.save(PIGGY, f"  {SECRET}\n")  # pasted with a line break
    assert memory_keyring.passwords == {("PiggyDesk", PIGGY): SECRET}


async def test_every_key_store_call_runs_off_the_loop_thread_in_the_stores_own_thread(
    memory_keyring: MemoryKeyring, store: TokenStore
) -> None:
    await store.save(PIGGY, SECRET)
    await store.load(PIGGY)
    await store.delete(PIGGY)
    assert memory_keyring.threads
    assert all(name.startswith("keyring") for name in memory_keyring.threads)
    assert threading.current_thread().name not in memory_keyring.threads


async def test_an_empty_token_is_refused_without_saying_it(
    memory_keyring: MemoryKeyring, store: TokenStore
) -> None:
    with pytest.raises(ValueError, match="1 to 4096"):
        await store.save(PIGGY, "   ")
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (keyring.errors.NoKeyringError, NO_KEY_STORE),
        (keyring.errors.KeyringLocked, KEY_STORE_LOCKED),
        (keyring.errors.PasswordSetError, KEY_STORE_FAILED),
        (keyring.errors.InitError, KEY_STORE_FAILED),
    ],
)
async def test_an_unusable_key_store_keeps_the_token_in_memory_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
    store: TokenStore,
    error: type[keyring.errors.KeyringError],
    sentence: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    caplog.set_level(logging.DEBUG)
    with installed(FailingKeyring(error)) as backend:
        await store.save(PIGGY, SECRET)
        assert store.source == "memory"
        assert store.warning == sentence
        assert "only until Piggy Desk closes" in sentence
        # Usable for this session ...
        assert await store.load(PIGGY) == SECRET
        calls = backend.calls
        # ... and the broken key store is not asked (nor its unlock shown) again.
        await store.save(PIGGY, "second-token")
        assert await store.load(PIGGY) == "second-token"
        await store.delete(PIGGY)
        assert await store.load(PIGGY) is None
        assert backend.calls == calls
    assert any("kept in memory" in record.getMessage() for record in caplog.records)
    assert all(SECRET not in record.getMessage() for record in caplog.records)


async def test_a_key_store_that_fails_on_the_first_read_falls_back_too(
    monkeypatch: pytest.MonkeyPatch, store: TokenStore
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    with installed(FailingKeyring(keyring.errors.NoKeyringError)):
        assert await store.load(PIGGY) is None
        assert store.warning == NO_KEY_STORE
        await store.save(PIGGY, SECRET)
        assert await store.load(PIGGY) == SECRET


async def test_the_token_is_gone_when_the_store_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    token_store = TokenStore()
    with installed(FailingKeyring(keyring.errors.KeyringLocked)):
        await token_store.save(PIGGY, SECRET)
        token_store.close()
        assert SECRET not in repr(vars(token_store))
        with pytest.raises(RuntimeError, match="closed"):
            await token_store.load(PIGGY)


async def test_a_token_the_key_store_will_not_remove_is_reported(
    monkeypatch: pytest.MonkeyPatch, store: TokenStore
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    with installed(KeptKeyring()):
        await store.save(PIGGY, SECRET)
        with pytest.raises(TokenNotRemoved) as caught:
            await store.delete(PIGGY)
        assert "by hand" in caught.value.user_message
        assert SECRET not in str(caught.value)
        assert store.source == "keyring"


async def test_piggy_token_in_the_environment_wins(
    memory_keyring: MemoryKeyring, store: TokenStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory_keyring.passwords[("PiggyDesk", PIGGY)] = "from-the-key-store"
    monkeypatch.setenv("PIGGY_TOKEN", f" {SECRET} ")
    assert store.source == "environment"
    assert await store.load(PIGGY) == SECRET
    assert await store.load("https://anywhere.example") == SECRET
    with pytest.raises(TokenManagedByEnvironment) as caught:
        await store.save(PIGGY, "another")
    assert "PIGGY_TOKEN" in caught.value.user_message
    with pytest.raises(TokenManagedByEnvironment):
        await store.delete(PIGGY)
    assert memory_keyring.passwords == {("PiggyDesk", PIGGY): "from-the-key-store"}
    assert memory_keyring.threads == set()  # the key store was not even asked
    monkeypatch.delenv("PIGGY_TOKEN")
    assert repr(store) == "TokenStore(service='PiggyDesk', source='keyring')"
    assert await store.load(PIGGY) == "from-the-key-store"


async def test_the_token_is_in_no_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    token_store = TokenStore()
    with installed(FailingKeyring(keyring.errors.NoKeyringError)):
        await token_store.save(PIGGY, SECRET)
        assert repr(token_store) == "TokenStore(service='PiggyDesk', source='memory')"
        assert SECRET not in repr(token_store)
        assert SECRET not in str(token_store)
    token_store.close()


def test_the_test_backends_are_never_chosen_by_keyrings_detection() -> None:
    viable = set(KeyringBackend.get_viable_backends())
    assert not viable & {MemoryKeyring, FailingKeyring, KeptKeyring}


def test_the_account_is_the_normalised_address() -> None:
    assert account_for("https://api.piggy.eu/api/v3/oauth/clients/") == PIGGY
    assert account_for(" http://127.0.0.1:8080/ ") == "http://127.0.0.1:8080"
    assert account_for(" not an address ") == "not an address"


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own: every per-user folder platformdirs gives lies under it."""
    home = tmp_path / "home"
    for variable, folder in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
        "XDG_STATE_HOME": ".local/state",
    }.items():
        (home / folder).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("APPDATA", str(home / "AppData"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    assert config_dir().is_relative_to(home)
    assert data_dir().is_relative_to(home)
    assert settings_module.cache_dir().is_relative_to(home)
    return home


def files_holding(folder: Path, secret: str) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]


@pytest.mark.parametrize("backend", ["memory", "no key store"])
async def test_the_token_is_in_no_file_the_program_writes_and_no_log_line(
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    backend: str,
) -> None:
    monkeypatch.delenv("PIGGY_TOKEN", raising=False)
    caplog.set_level(logging.DEBUG)
    chosen: KeyringBackend = (
        MemoryKeyring() if backend == "memory" else FailingKeyring(keyring.errors.NoKeyringError)
    )
    with installed(chosen):
        token_store = TokenStore()
        settings = Settings(base_url=PIGGY, shop_uuid="shop-1", scan_prefix="]C1")
        settings.save(config_dir())
        await token_store.save(settings.base_url, SECRET)
        assert await token_store.load(settings.base_url) == SECRET
        token_store.close()
    written = [path for path in private_home.rglob("*") if path.is_file()]
    assert (config_dir() / "settings.json") in written
    assert Settings.load(config_dir()).shop_uuid == "shop-1"
    assert files_holding(private_home, SECRET) == []
    assert all(SECRET not in record.getMessage() for record in caplog.records)
    assert all(SECRET not in (record.exc_text or "") for record in caplog.records)
