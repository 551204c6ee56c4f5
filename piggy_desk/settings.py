"""Where Piggy Desk keeps its files, and the settings it runs with.

Non-secret settings live as JSON in the per-user config folder. The API token is not a
setting: it lives in the OS key store (``piggy_desk.token_store``) or comes from the
``PIGGY_TOKEN`` environment variable (managed deployments). The manager PIN is kept only
as a salted hash. The checks here give the sentence the settings screen shows next to a
field; they have no Qt in them.
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
from piggy_desk.texts import Translate, untranslated

log = logging.getLogger("piggy_desk")
APP_NAME = "PiggyDesk"
APP_AUTHOR = "PiggyDesk"
SETTINGS_FILE = "settings.json"

LANGUAGES = {"system": "System", "en": "English", "nl": "Nederlands"}
"""The language choices: stored code → the name shown (each in its own language)."""
THEMES = ("system", "light", "dark")
"""The theme choices: like the desktop, or always light or dark."""
MAX_SHOP_UUID_LENGTH = 64
MAX_SCAN_AFFIX_LENGTH = 16
PIN_DIGITS = (4, 8)


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
    language: str = "system"
    theme: str = "system"  # "light", "dark", or like the system

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
        if values.get("language") not in LANGUAGES:
            values["language"] = defaults.language
        if values.get("theme") not in THEMES:
            values["theme"] = defaults.theme
        return cls(**values)

    def save(self, folder: Path) -> None:
        """Write the settings to ``folder``: whole or not at all (a new file moved in place)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / SETTINGS_FILE
        partial = path.with_name(f".{SETTINGS_FILE}.{os.getpid()}.tmp")
        try:
            partial.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)
            raise


def token_from_environment() -> str | None:
    """A token given by the deployment (``PIGGY_TOKEN``), if any."""
    token = os.environ.get("PIGGY_TOKEN", "").strip()
    return token or None


def shop_uuid_problem(shop_uuid: str, translate: Translate = untranslated) -> str | None:
    """Why ``shop_uuid`` (already trimmed; empty means none) cannot be a shop id, or None."""
    if not shop_uuid:
        return None
    if len(shop_uuid) > MAX_SHOP_UUID_LENGTH:
        return translate("Settings", "A shop UUID has at most {max} characters.").format(
            max=MAX_SHOP_UUID_LENGTH
        )
    if not shop_uuid.isprintable() or any(ch.isspace() or ch in "/\\" for ch in shop_uuid):
        return translate("Settings", "A shop UUID has no spaces, slashes or invisible characters.")
    return None


def scan_affix_problem(affix: str, what: str, translate: Translate = untranslated) -> str | None:
    """Why ``affix`` cannot be the scanner's ``what`` ("prefix", "suffix"), or None."""
    prefix = what == "prefix"
    if len(affix) > MAX_SCAN_AFFIX_LENGTH:
        if prefix:
            sentence = translate("Settings", "A scanner prefix has at most {max} characters.")
        else:
            sentence = translate("Settings", "A scanner suffix has at most {max} characters.")
        return sentence.format(max=MAX_SCAN_AFFIX_LENGTH)
    if not affix.isprintable():
        # The counter drops control characters from a scan before it looks for these.
        if prefix:
            return translate("Settings", "A scanner prefix can only hold visible characters.")
        return translate("Settings", "A scanner suffix can only hold visible characters.")
    return None


def pin_problem(pin: str, repeated: str, translate: Translate = untranslated) -> str | None:
    """Why a new manager PIN typed twice cannot be used, or None."""
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        return translate("Settings", "The PIN must be {low} to {high} digits.").format(
            low=low, high=high
        )
    if pin != repeated:
        return translate("Settings", "The two PINs are not the same. Type the new PIN twice.")
    return None


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
