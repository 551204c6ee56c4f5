"""Where Piggy Desk keeps its files, and the settings it runs with.

Non-secret settings live as JSON in the per-user config folder. The API token is not a
setting: it comes from the ``PIGGY_TOKEN`` environment variable (managed deployments);
the OS keyring and the settings screen come with the first-run milestone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from piggy_desk.api import DEFAULT_BASE_URL

log = logging.getLogger("piggy_desk")
APP_NAME = "PiggyDesk"
APP_AUTHOR = "PiggyDesk"
SETTINGS_FILE = "settings.json"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True, slots=True)
class Settings:
    """The counter's settings; every field has a safe default."""

    base_url: str = DEFAULT_BASE_URL
    shop_uuid: str | None = None
    lock_before_redeem: bool = True
    sounds: bool = True
    scan_prefix: str = ""
    scan_suffix: str = ""
    manager_pin_hash: str | None = None

    @classmethod
    def load(cls, folder: Path) -> Settings:
        """The settings saved in ``folder``; defaults for anything missing or unreadable."""
        path = folder / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            log.warning("settings file %s unreadable (%s): using defaults", path, error)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        values = {}
        for field in fields(cls):
            value = raw.get(field.name, getattr(defaults, field.name))
            default = getattr(defaults, field.name)
            if default is None or isinstance(value, type(default)):
                values[field.name] = value
        return cls(**values)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SETTINGS_FILE).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")


def token_from_environment() -> str | None:
    """A token given by the deployment (``PIGGY_TOKEN``), if any."""
    token = os.environ.get("PIGGY_TOKEN", "").strip()
    return token or None


PIN_ITERATIONS = 200_000


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A manager PIN as a salted PBKDF2 hash: the settings never hold the PIN itself."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (constant-time comparison)."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)
