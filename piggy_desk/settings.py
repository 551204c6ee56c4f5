"""Where Piggy Desk keeps its files, and the settings it runs with.

Non-secret settings live as JSON in the per-user config folder, on top of an optional
system-wide file a shop's IT prepares for every counter (``system_settings_file``), which
can also lock settings so that a counter cannot change them. The API token (or an OAuth
client's secret; its id is a setting) is not a setting: it lives in the OS key store
(``piggy_desk.token_store``) or comes from the ``PIGGY_TOKEN`` environment variable
(managed deployments). The manager PIN is kept only
as a salted hash. The checks here give the sentence the settings screen shows next to a
field; they have no Qt in them.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from piggy_desk.api import DEFAULT_BASE_URL, InvalidRequest
from piggy_desk.counter.scan import ScanRules
from piggy_desk.texts import Translate, untranslated

log = logging.getLogger("piggy_desk")
APP_NAME = "PiggyDesk"
APP_AUTHOR = "PiggyDesk"
SETTINGS_FILE = "settings.json"

LANGUAGES = {"system": "System", "en": "English", "nl": "Nederlands"}
"""The language choices: stored code → the name shown (each in its own language)."""
THEMES = ("system", "light", "dark")
"""The theme choices: like the desktop, or always light or dark."""
SCANNER_LAYOUTS = ("computer", "us", "be", "fr", "de")
"""The keyboard layout the barcode scanner is set up for: as the computer's (nothing to
read back), US, Belgian or French AZERTY, German QWERTZ (see counter/keyboard_layouts.py)."""
KEYBOARD_LAYOUTS = ("", "us", "be", "fr", "de")
"""This computer's keyboard layout as the scanner test found it; "" when not known."""
AUTH_KINDS = ("token", "oauth_client")
"""How the counter signs in to Piggy: a Personal Access Token, or an OAuth client's id
and secret exchanged for access tokens."""
MAX_CLIENT_ID_LENGTH = 255
MAX_SHOP_UUID_LENGTH = 64
MAX_SCAN_AFFIX_LENGTH = 16
PIN_DIGITS = (4, 8)


def data_dir() -> Path:
    return user_dir("data")


def config_dir() -> Path:
    return user_dir("config")


def cache_dir() -> Path:
    return user_dir("cache")


def authorities_dir() -> Path:
    """Where an https client keeps certifi's certificate authorities one per file
    (``api.authorities``)."""
    return cache_dir() / "authorities"


# Per kind of folder: XDG's variable for its home, and the home's default under ~.
_XDG_HOMES = {
    "data": ("XDG_DATA_HOME", ".local/share"),
    "config": ("XDG_CONFIG_HOME", ".config"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
    "log": ("XDG_STATE_HOME", ".local/state"),
}


def user_dir(kind: str) -> Path:
    """The program's per-user folder of ``kind`` (data, config, cache or log), as
    platformdirs names it. On Linux without platformdirs, which the start imported for
    these four paths and kept for the program's life (0.3 MB, issue 20): PiggyDesk in
    XDG's home for the kind when its variable holds an absolute path, else in its default
    under the home folder (``log`` in the state home's PiggyDesk). Elsewhere (Windows'
    known folders, macOS' Library, Android) platformdirs decides."""
    android = os.environ.get("ANDROID_DATA") == "/data" or hasattr(sys, "getandroidapilevel")
    if sys.platform != "linux" or android:
        import platformdirs

        ask = {
            "data": platformdirs.user_data_dir,
            "config": platformdirs.user_config_dir,
            "cache": platformdirs.user_cache_dir,
            "log": platformdirs.user_log_dir,
        }[kind]
        return Path(ask(APP_NAME, APP_AUTHOR))
    variable, default = _XDG_HOMES[kind]
    home = os.environ.get(variable, "")
    folder = Path(home if posixpath.isabs(home) else _in_home(default), APP_NAME)
    return folder / "log" if kind == "log" else folder


def _in_home(relative: str) -> str:
    """``relative`` in the home folder, as platformdirs finds it: $HOME, or the account's
    home where $HOME is unset or not absolute; ``RuntimeError`` if neither is absolute."""
    home = os.environ.get("HOME")
    if home is None or posixpath.isabs(home):
        path = os.path.expanduser(f"~/{relative}")
    else:
        path = relative
        try:
            import pwd

            path = f"{pwd.getpwuid(os.getuid()).pw_dir.rstrip('/')}/{relative}"
        except (ImportError, KeyError):
            pass
    if not posixpath.isabs(path):
        raise RuntimeError(f"No home folder for {relative!r}: set an absolute HOME.")
    return path


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
    scanner_layout: str = "computer"  # see SCANNER_LAYOUTS
    keyboard_layout: str = ""  # this computer's, when the scanner test found it
    auth: str = "token"  # or "oauth_client": see AUTH_KINDS
    client_id: str | None = None  # the OAuth client's id (its secret is in the key store)

    @classmethod
    def load(cls, folder: Path) -> Settings:
        """The settings saved in ``folder``: see ``load_settings``."""
        return load_settings(folder).settings

    def save(self, folder: Path) -> None:
        """Write the settings to ``folder``: see ``_write_settings_file``."""
        _write_settings_file(folder, self._own_values())

    def _own_values(self) -> dict[str, object]:
        """What this counter's own file keeps: the values that differ from the system-wide
        file's (or the defaults), and none that file locks. So a value the shop's IT changes
        later reaches every counter that did not choose its own."""
        shared, locked = _system_layer(system_settings_file(), [])
        return {
            name: value
            for name, value in asdict(self).items()
            if name not in locked and value != getattr(shared, name)
        }


def _write_settings_file(folder: Path, values: dict[str, object]) -> None:
    """Write ``values`` to ``folder``'s settings file: whole or not at all (a new file moved
    in place), readable by this user only (it holds the PIN's hash), in a folder only they
    can open."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)
    path = folder / SETTINGS_FILE
    partial = path.with_name(f".{SETTINGS_FILE}.{os.getpid()}.tmp")
    try:
        partial.unlink(missing_ok=True)  # left by a run that died with our process id
        # Created private, so the PIN's hash is never readable by others, not even
        # for a moment; os.replace keeps the new file's mode.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(descriptor, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(values, indent=2))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


PERSONAL = (
    "language",
    "theme",
    "sounds",
    "scanner_layout",
    "keyboard_layout",
    "scan_prefix",
    "scan_suffix",
)
"""The settings of the person and of this computer and its scanner, not of the shop's Piggy
account: a training window keeps them in the counter's own settings file, so the language
or the scanner chosen in training is the one of every start, with training or without."""
TRAINING_ONLY = ("lock_before_redeem", "manager_pin_hash")
"""What a training window keeps for training only (in its own folder): a trainee practises
without locking first or sets a PIN for the training screens, and the shop's counter keeps
its own. The shop's connection (address, shop, sign-in, token) training never changes."""


def save_training_settings(settings: Settings, own_folder: Path, training_folder: Path) -> None:
    """Keep what a training window's settings screen saved: ``PERSONAL`` in the counter's
    own settings file (``own_folder``; its other values as they are), the ``TRAINING_ONLY``
    values that differ from the counter's in ``training_folder`` (so a PIN changed later for
    the shop's counter is training's too, unless training chose its own)."""
    kept = load_settings(own_folder).settings
    replace(kept, **{name: getattr(settings, name) for name in PERSONAL}).save(own_folder)
    if training_folder != own_folder:
        _write_settings_file(
            training_folder,
            {
                name: getattr(settings, name)
                for name in TRAINING_ONLY
                if getattr(settings, name) != getattr(kept, name)
            },
        )


def training_settings(loaded: LoadedSettings, training_folder: Path) -> Settings:
    """The settings a training start runs with: the counter's own (``loaded``, as read at
    the start) with the ``TRAINING_ONLY`` values a training window saved in
    ``training_folder``, those the system-wide file does not lock."""
    settings, locked = loaded.settings, loaded.locked
    problems: list[SettingProblem] = []
    path = training_folder / SETTINGS_FILE
    raw = _read_settings_file(path, problems)
    chosen = {k: v for k, v in raw.items() if k in TRAINING_ONLY and k not in locked}
    return replace(settings, **_valid_values(chosen, path, problems))


Why = Callable[[Translate], str]
"""Why a value cannot be used, as a sentence in the person's language."""


@dataclass(frozen=True, slots=True)
class SettingProblem:
    """A value in a settings file that was not used, and why (a manager is told)."""

    key: str
    file: Path
    why: Why = field(repr=False, compare=False)
    system: bool = False
    """Whether the file is the system-wide one (only the shop's IT can change it)."""

    def sentence(self, translate: Translate = untranslated) -> str:
        """The whole sentence for a manager, naming the file and the setting."""
        if not self.key:
            return translate("Settings", "{file}: {why}").format(
                file=self.file, why=self.why(translate)
            )
        return translate("Settings", "“{setting}” in {file}: {why} It was ignored.").format(
            setting=self.key, file=self.file, why=self.why(translate)
        )


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings the counter runs with, the values that could not be used, and the
    settings the system-wide file locks."""

    settings: Settings
    problems: tuple[SettingProblem, ...] = ()
    locked: frozenset[str] = frozenset()


SYSTEM_SETTINGS_VARIABLE = "PIGGY_DESK_SYSTEM_SETTINGS"
"""Names another system-wide settings file (tests, trials); set but empty: none."""
LOCKED = "locked"
"""The system-wide file's list of the settings a counter may not change."""
SECRET_NAME = re.compile(r"(?i)token|secret|passw|credential|api_?key|private_?key")
"""Names of things that hold secrets: never read from a settings file, never passed to a
child process's environment."""


def system_settings_file() -> Path | None:
    """The settings file a shop's IT prepares for every counter of a computer (it need not
    exist): ``/etc/piggy-desk/settings.json``, ``%ProgramData%\\PiggyDesk\\settings.json``,
    ``/Library/Application Support/PiggyDesk/settings.json``; or the one that
    ``PIGGY_DESK_SYSTEM_SETTINGS`` names."""
    chosen = os.environ.get(SYSTEM_SETTINGS_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(program_data) / "PiggyDesk" / SETTINGS_FILE
    if sys.platform == "darwin":
        return Path("/Library/Application Support/PiggyDesk") / SETTINGS_FILE
    return Path("/etc/piggy-desk") / SETTINGS_FILE


def load_settings(folder: Path) -> LoadedSettings:
    """The settings of this counter: the defaults, then the system-wide file's values, then
    the ones saved in ``folder`` for every setting the system-wide file does not lock.

    A missing file is no problem. An unreadable file, a value that would break the counter,
    a token, or (in the system-wide file) a name Piggy Desk does not know is left out, with
    a problem that names it (also logged); what it held comes from the layer below.
    """
    problems: list[SettingProblem] = []
    shared, locked = _system_layer(system_settings_file(), problems)
    path = folder / SETTINGS_FILE
    if path.exists():
        # An older release wrote them readable by every user.
        make_private(folder)
        make_private(path)
    raw = _read_settings_file(path, problems)
    _refuse_secrets(raw, path, problems)
    if overruled := sorted(locked & raw.keys()):
        log.info("settings: %s in %s locked by the system-wide file", ", ".join(overruled), path)
    values = _valid_values({k: v for k, v in raw.items() if k not in locked}, path, problems)
    for problem in problems:
        log.warning("settings: %s", problem.sentence())
    return LoadedSettings(replace(shared, **values), tuple(problems), locked)


def _system_layer(
    path: Path | None, problems: list[SettingProblem]
) -> tuple[Settings, frozenset[str]]:
    """The defaults with the system-wide file's usable values, and the names it locks."""
    if path is None:
        return Settings(), frozenset()
    found: list[SettingProblem] = []
    raw = _read_settings_file(path, found)
    _refuse_secrets(raw, path, found)
    locked = _locked_names(raw[LOCKED], path, found) if LOCKED in raw else frozenset()
    for name in raw:
        if name not in SETTING_KEYS and name != LOCKED and not SECRET_NAME.search(name):
            found.append(SettingProblem(name, path, _unknown_setting))
    shared = replace(Settings(), **_valid_values(raw, path, found))
    problems.extend(replace(problem, system=True) for problem in found)
    return shared, locked


def _locked_names(value: object, path: Path, problems: list[SettingProblem]) -> frozenset[str]:
    """The settings the system-wide file locks: names of settings, in a list."""
    if not (isinstance(value, list) and all(isinstance(name, str) for name in value)):
        problems.append(SettingProblem(LOCKED, path, _not_a_list_of_names))
        return frozenset()
    for name in value:
        if name not in SETTING_KEYS:
            problems.append(SettingProblem(LOCKED, path, _not_a_setting(name)))
    return frozenset(name for name in value if name in SETTING_KEYS)


def _refuse_secrets(raw: dict[str, object], path: Path, problems: list[SettingProblem]) -> None:
    """Take out what a settings file must not hold (a token: the file is no safe), and say so."""
    for name in [name for name in raw if SECRET_NAME.search(name)]:
        del raw[name]
        problems.append(SettingProblem(name, path, _a_secret))


def _read_settings_file(path: Path, problems: list[SettingProblem]) -> dict[str, object]:
    """What the file holds (nothing when there is no file)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        problems.append(SettingProblem("", path, _unreadable(reason)))
        return {}
    if not isinstance(raw, dict):
        problems.append(SettingProblem("", path, _not_settings))
        return {}
    return raw


def _unreadable(reason: str) -> Why:
    def why(translate: Translate) -> str:
        return translate(
            "Settings", "The file could not be read ({problem}), so none of it is used."
        ).format(problem=reason)

    return why


def _not_settings(translate: Translate) -> str:
    return translate("Settings", "The file does not hold settings in the form Piggy Desk writes.")


def _valid_values(
    raw: dict[str, object], path: Path, problems: list[SettingProblem]
) -> dict[str, Any]:
    """The usable values of ``raw``, by field; a problem for each one that is not."""
    values: dict[str, Any] = {}
    for name in SETTING_KEYS:
        if name not in raw:
            continue
        value, why = _checked(name, raw[name])
        if why is None:
            values[name] = value
        else:
            problems.append(SettingProblem(name, path, why))
    return values


def _checked(name: str, value: object) -> tuple[object, Why | None]:
    """``value`` as the setting ``name`` keeps it, or why it cannot be used."""
    if name in {"lock_before_redeem", "sounds"}:
        return value, None if isinstance(value, bool) else _not_yes_or_no
    if name == "manager_pin_hash":
        usable = value is None or (isinstance(value, str) and pin_hash_is_usable(value))
        return value, None if usable else _not_a_pin_hash
    if name in {"language", "theme", "auth", "scanner_layout", "keyboard_layout"}:
        choices = {
            "language": tuple(LANGUAGES),
            "theme": THEMES,
            "auth": AUTH_KINDS,
            "scanner_layout": SCANNER_LAYOUTS,
            "keyboard_layout": KEYBOARD_LAYOUTS,
        }[name]
        return value, None if value in choices else _one_of(choices)
    if name in {"shop_uuid", "client_id"} and value is None:
        return None, None
    if not isinstance(value, str):
        return value, _not_text
    text = value
    if name == "base_url":
        why = _failed(lambda translate: address_problem(text, translate))
        if why:
            return text, why
        from piggy_desk.api import base_url_root  # with httpx: not before the first paint

        return base_url_root(text), None
    if name == "shop_uuid":
        text = text.strip()
        why = _failed(lambda translate: shop_uuid_problem(text, translate))
        return (text or None), why
    if name == "client_id":
        text = text.strip()
        why = _failed(lambda translate: client_id_problem(text, translate))
        return (text or None), why
    if name in {"scan_prefix", "scan_suffix"}:
        what = name.removeprefix("scan_")
        return text, _failed(lambda translate: scan_affix_problem(text, what, translate))
    return text, None  # text with no rule of its own


def _failed(check: Callable[[Translate], str | None]) -> Why | None:
    """``check``'s sentence as a ``Why`` when it finds a problem, else None."""
    if check(untranslated) is None:
        return None
    return lambda translate: check(translate) or ""


def _a_secret(translate: Translate) -> str:
    return translate(
        "Settings",
        "A token is never read from a settings file: keep it in this computer's key store "
        "(Settings) or in PIGGY_TOKEN.",
    )


def _unknown_setting(translate: Translate) -> str:
    return translate("Settings", "Piggy Desk has no setting of this name.")


def _not_a_list_of_names(translate: Translate) -> str:
    return translate(
        "Settings", 'It must be a list of setting names, such as ["base_url", "shop_uuid"].'
    )


def _not_a_setting(name: str) -> Why:
    def why(translate: Translate) -> str:
        return translate("Settings", "“{name}” is not a setting, so it cannot be locked.").format(
            name=name
        )

    return why


def _not_yes_or_no(translate: Translate) -> str:
    return translate("Settings", "It must be true or false.")


def _not_text(translate: Translate) -> str:
    return translate("Settings", "It must be text in quotes.")


def _not_a_pin_hash(translate: Translate) -> str:
    return translate("Settings", "It is not a manager PIN hash made by Piggy Desk.")


def _one_of(choices: tuple[str, ...]) -> Why:
    def why(translate: Translate) -> str:
        return translate("Settings", "It must be one of {choices}.").format(
            choices=", ".join(f"“{choice}”" for choice in choices)
        )

    return why


def scan_rules(settings: Settings) -> ScanRules:
    """How the counter reads this computer's scanner, from the settings."""
    return ScanRules(
        prefix=settings.scan_prefix,
        suffix=settings.scan_suffix,
        scanner_layout=settings.scanner_layout,
        keyboard_layout=settings.keyboard_layout,
    )


SETTING_KEYS = tuple(each.name for each in fields(Settings))
"""The names of the settings, as the settings files spell them."""


def make_private(path: Path) -> None:
    """Only this user may read ``path`` (a file: 0600; a folder: 0700), as the journal and
    the log are. A file or folder made by an older release with the default mode (0644,
    0755) is tightened; a shared folder (sticky, like /tmp) or another user's is left alone."""
    if os.name == "nt":
        return  # the user's profile folders are private already
    try:
        status = path.stat()
        if status.st_uid != os.getuid() or status.st_mode & stat.S_ISVTX:
            return
        wanted = 0o700 if stat.S_ISDIR(status.st_mode) else 0o600
        if stat.S_IMODE(status.st_mode) & ~wanted:
            os.chmod(path, stat.S_IMODE(status.st_mode) & wanted)
    except OSError as error:
        log.warning("could not make %s private: %s", path, error.strerror)


def token_from_environment() -> str | None:
    """A token given by the deployment (``PIGGY_TOKEN``), if any."""
    token = os.environ.get("PIGGY_TOKEN", "").strip()
    return token or None


def address_problem(base_url: str, translate: Translate = untranslated) -> str | None:
    """Why ``base_url`` cannot be the Piggy address, or None."""
    from piggy_desk.api import base_url_root  # with httpx: not before the first paint

    try:
        root = base_url_root(base_url)
    except InvalidRequest as error:
        return translate("PiggyError", error.user_message)
    # base_url_root lets these through: a space becomes %20 in the host name, and a
    # user name and password would be written to the settings file in plain text.
    if any(ch.isspace() for ch in base_url.strip()):
        return translate("Settings", "That is not a web address: it has a space in it.")
    if urlsplit(root).username is not None:
        return translate(
            "Settings", "Leave the user name and password out of the address: the token is enough."
        )
    return None


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


def client_id_problem(client_id: str, translate: Translate = untranslated) -> str | None:
    """Why ``client_id`` (already trimmed; empty means none yet) cannot be an OAuth
    client's id, or None."""
    if len(client_id) > MAX_CLIENT_ID_LENGTH:
        return translate("Settings", "A client id has at most {max} characters.").format(
            max=MAX_CLIENT_ID_LENGTH
        )
    if not (client_id.isascii() and client_id.isprintable()) or " " in client_id:
        return translate("Settings", "A client id has no spaces, line breaks or accented letters.")
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
PIN_ITERATION_RANGE = (10_000, 2_000_000)
"""Iterations a kept PIN hash may have: more would hold each PIN try for many seconds."""


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A manager PIN as a salted PBKDF2 hash: the settings never hold the PIN itself."""
    import hashlib  # (OpenSSL's: not loaded before the counter's first paint)
    import secrets

    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_hash_is_usable(stored: str) -> bool:
    """Whether ``stored`` has the form ``hash_pin`` gives, with a bearable iteration count."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "pbkdf2_sha256":
        return False
    _scheme, iterations, salt, digest = parts
    low, high = PIN_ITERATION_RANGE
    hexdigits = "0123456789abcdef"
    return (
        iterations.isascii()
        and iterations.isdigit()
        and low <= int(iterations) <= high
        and 0 < len(salt) <= 128
        and len(salt) % 2 == 0
        and len(digest) == 64
        and all(ch in hexdigits for ch in salt + digest)
    )


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (constant-time comparison)."""
    import hashlib
    import hmac

    if not (isinstance(stored, str) and pin_hash_is_usable(stored)):
        return False
    _scheme, iterations, salt, digest = stored.split("$")
    computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(computed.hex(), digest)
