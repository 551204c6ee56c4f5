"""The Linux bundle's key store without ``cryptography`` (issue 20.5): SecretStorage's
AES-128-CBC from the bundled OpenSSL (packaging/secretstorage_aes.py), checked against the
real ``cryptography``, through SecretStorage and keyring against a real Secret Service
(gnome-keyring on its own D-Bus session, cross-checked with libsecret's ``secret-tool``),
and, with ``PIGGY_BUNDLE=dist/piggy-desk`` (.ci/run sets it after building), in the bundle:
a token kept in the key store signs the bundled program in to Piggy.

The key store tests need gnome-keyring-daemon, dbus-daemon and secret-tool (Debian's
gnome-keyring, dbus-daemon, libsecret-tools); without them they are skipped, saying why,
unless PIGGY_BUNDLE asks for them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.token_store import SERVICE, account_for
from tests.helpers.processes import until_logged
from tests.packaging.readme import ROOT

SHIM = ROOT / "packaging" / "secretstorage_aes.py"
BUNDLE = os.environ.get("PIGGY_BUNDLE", "")
TOOLS = {
    name: shutil.which(name) or ""
    for name in ("gnome-keyring-daemon", "dbus-daemon", "secret-tool")
}
SECRET_TOOL = TOOLS["secret-tool"]


def load_shim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("secretstorage_aes", SHIM)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not install(): this process keeps the real one
    return module


shim = load_shim()
blocks = st.integers(min_value=0, max_value=8).flatmap(
    lambda n: st.binary(min_size=16 * n, max_size=16 * n)
)


@settings(max_examples=60, deadline=None)
@given(key=st.binary(min_size=16, max_size=16), iv=st.binary(min_size=16, max_size=16),
       data=blocks, cut=st.integers(min_value=0, max_value=128))  # fmt: skip
def test_the_shim_encrypts_and_decrypts_as_cryptography_does(
    key: bytes, iv: bytes, data: bytes, cut: int
) -> None:
    real = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    expected = real.update(data) + real.finalize()
    ours = shim.Cipher(shim.AES(key), shim.CBC(iv), shim.default_backend()).encryptor()
    assert ours.update(data[:cut]) + ours.update(data[cut:]) + ours.finalize() == expected
    back = shim.Cipher(shim.AES(key), shim.CBC(iv)).decryptor()
    assert back.update(expected) + back.finalize() == data


def test_the_shim_refuses_what_secretstorage_never_asks_for() -> None:
    with pytest.raises(ValueError, match="key size"):
        shim.AES(b"k" * 32)
    with pytest.raises(ValueError, match="IV"):
        shim.CBC(b"short")
    partial = shim.Cipher(shim.AES(b"k" * 16), shim.CBC(b"i" * 16)).encryptor()
    partial.update(b"not a whole block")
    with pytest.raises(ValueError, match="multiple of the block length"):
        partial.finalize()


# In a process of its own: install() puts the shim before the real `cryptography`.
IN_SHIMMED_PROCESS = f"""
import sys
sys.path.insert(0, {str(SHIM.parent)!r})
import secretstorage_aes
secretstorage_aes.install()
from secretstorage.dhcrypto import Session
from secretstorage.util import format_secret
import cryptography.hazmat.primitives.ciphers as ciphers
from keyring.backends import SecretService
assert ciphers.Cipher is secretstorage_aes.Cipher, ciphers
session = Session()
session.aes_key = bytes(range(16))
session.object_path = "/"
_, iv, encrypted, _ = format_secret(session, "ê token".encode(), "text/plain")
print(bytes(iv).hex(), bytes(encrypted).hex())
try:
    SecretService.Keyring.priority
except Exception as error:  # no D-Bus here: but not "SecretStorage required"
    print(type(error).__name__, error)
"""


def test_secretstorage_and_keyring_run_on_the_shim() -> None:
    done = subprocess.run(
        [sys.executable, "-c", IN_SHIMMED_PROCESS],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"},
    )
    assert done.returncode == 0, done.stderr
    iv, encrypted, *said = done.stdout.split()
    assert "required" not in " ".join(said)
    real = Cipher(algorithms.AES(bytes(range(16))), modes.CBC(bytes.fromhex(iv))).decryptor()
    padded = real.update(bytes.fromhex(encrypted)) + real.finalize()
    assert padded[: -padded[-1]] == "ê token".encode()


def secrets_service_on(bus: str) -> bool:
    """Whether org.freedesktop.secrets has an owner on ``bus`` (asked without starting it)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus_object = DBusAddress(
        "/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus"
    )
    with open_dbus_connection(bus) as connection:
        call = new_method_call(bus_object, "NameHasOwner", "s", ("org.freedesktop.secrets",))
        return bool(connection.send_and_get_reply(call).body[0])


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A D-Bus session of its own with gnome-keyring's Secret Service on it, its login
    keyring unlocked, under a home in tmp_path: the environment to run programs in."""
    missing = [name for name, path in TOOLS.items() if not path]
    if missing:
        if BUNDLE:
            pytest.fail(f"PIGGY_BUNDLE is set but {', '.join(missing)} is not installed")
        pytest.skip(f"needs {', '.join(missing)} (gnome-keyring, libsecret-tools)")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.pop("PIGGY_TOKEN", None)
    bus = subprocess.Popen(
        [TOOLS["dbus-daemon"], "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    keyring_daemon = subprocess.Popen(
        [TOOLS["gnome-keyring-daemon"], "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert keyring_daemon.stdin is not None
    keyring_daemon.stdin.write(b"login password")
    keyring_daemon.stdin.close()
    try:
        # Wait for this daemon to own the name: a client asking before would have D-Bus
        # start another one, without the unlocked login keyring.
        while not secrets_service_on(env["DBUS_SESSION_BUS_ADDRESS"]):
            assert keyring_daemon.poll() is None, "gnome-keyring-daemon stopped"
            time.sleep(0.1)
        yield env
    finally:
        for process in (keyring_daemon, bus):
            process.terminate()
            process.wait(timeout=10)


KEYRING_ROUND_TRIP = f"""
import sys
sys.path.insert(0, {str(SHIM.parent)!r})
import secretstorage_aes
secretstorage_aes.install()
import secretstorage
from keyring.backends import SecretService
with secretstorage.dbus_init() as connection:
    assert secretstorage.util.open_session(connection).encrypted  # not the plain algorithm
store = SecretService.Keyring()
assert store.priority == 5
store.set_password({SERVICE!r}, "https://saved.example", "token saved through the shim")
print(store.get_password({SERVICE!r}, "https://kept.example"))
"""


def test_keyring_keeps_and_reads_tokens_in_a_real_secret_service(
    secret_service: dict[str, str],
) -> None:
    kept = ["service", SERVICE, "username", "https://kept.example"]
    subprocess.run(
        [SECRET_TOOL, "store", "--label", "kept by libsecret", *kept],
        input="token kept by libsecret",
        text=True,
        env=secret_service,
        check=True,
        timeout=30,
    )
    done = subprocess.run(
        [sys.executable, "-c", KEYRING_ROUND_TRIP],
        capture_output=True,
        text=True,
        env=secret_service,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "token kept by libsecret"  # decrypted by the shim
    saved = ["service", SERVICE, "username", "https://saved.example"]
    lookup = subprocess.run(
        [SECRET_TOOL, "lookup", *saved],
        capture_output=True,
        text=True,
        env=secret_service,
        check=True,
        timeout=30,
    )
    assert lookup.stdout == "token saved through the shim"  # encrypted by the shim


@pytest.mark.skipif(not BUNDLE, reason="PIGGY_BUNDLE names no built bundle folder")
def test_the_bundle_signs_in_with_the_token_kept_in_the_key_store(
    secret_service: dict[str, str], sandbox: RunningSandbox, tmp_path: Path
) -> None:
    program = Path(BUNDLE) / "piggy-desk"
    assert not list(Path(BUNDLE).rglob("_rust.abi3.so")), "cryptography is in the bundle"
    subprocess.run(
        [SECRET_TOOL, "store", "--label", "Piggy", "service", SERVICE,
         "username", account_for(sandbox.base_url)],
        input=sandbox.token, text=True, env=secret_service, check=True, timeout=30,
    )  # fmt: skip
    log = tmp_path / "log" / "piggy-desk.log"
    running = subprocess.Popen(
        [str(program), "--base-url", sandbox.base_url, "--log-level", "debug",
         "--log-dir", str(log.parent), "--data-dir", str(tmp_path / "data")],
        env={**secret_service, "QT_QPA_PLATFORM": "offscreen",
             "XDG_CONFIG_HOME": str(tmp_path / "config")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        text = until_logged(running, log.parent, "connection unknown -> online")
    finally:
        running.send_signal(signal.SIGTERM)
        running.wait(timeout=30)
    assert "Loading SecretService" in text
    assert "the counter is open" in text  # not the first-run screen: the token was read
