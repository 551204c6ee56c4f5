"""The program's log: a rotating file in the per-user log folder, with secrets masked.

``configure_logging`` installs the handlers on the root logger, so library warnings reach
the file too. Every handler it installs carries a ``RedactingFilter``, which masks what
must never be written down (the API token, release keys, any ``Authorization`` header)
before a line is formatted: in the message, its arguments, exception and stack texts.
Masking is by pattern (``Bearer …``, ``"release_key": "…"``, ``release_key=…``,
``access_token``, ``token=…``, ``PIGGY_TOKEN=…``) and by value: the program hands every
secret it holds to ``register_secret``, and that value is masked wherever it shows up.

No Qt here: this module is usable from any layer and any thread.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import threading
import urllib.parse
from pathlib import Path

from piggy_desk.settings import user_dir

LOG_FILE_NAME = "piggy-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "[secure]"
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
# Shorter values would mask ordinary words all over the log; such a value is no secret.
MIN_SECRET_LENGTH = 6
# Loggers that say a line per request (with its URL) at INFO: only their warnings, unless
# the person asked for DEBUG.
NOISY_LOGGERS = ("httpx", "httpcore")
# qasync's DEBUG is a line per event-loop callback (with the callback's result): it would
# rotate everything useful out of the file within minutes.
CHATTY_LOGGERS = ("qasync",)

_HANDLER_NAMES = ("piggy-desk-file", "piggy-desk-console")

# Keys whose values are secrets wherever they appear as key=value, "key": "value" …
_MASKED_NAMES = (
    r"release[_-]?key|access_?token|refresh_?token|id_token|client_secret|api_?key"
    r"|piggy_token|password|passwd|secret|token"
)
# … and the unambiguous ones also as "key: value" in prose or a header-like line.
_UNAMBIGUOUS_NAMES = r"release[ _-]?key|access_?token|refresh_?token|client_secret|piggy_token"
# A bare value runs until one of these; it is never one masked already.
_VALUE_END = r"""\s"'&,;<>)}\]\\"""
_BARE_VALUE = rf"(?!{re.escape(REDACTED)})[^{_VALUE_END}]+"
# A quoted value: from its opening quote (group 2, maybe escaped) to the same quote.
_QUOTED_VALUE = r"""(\\?["'])(?:(?!\2).)*?(?=\2|$)"""

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer x / 'Authorization': 'Basic x' / authorization=x. The scheme
    # is possessive, so an already masked value is not taken for the scheme's.
    (
        re.compile(
            r"""(?i)(authorization\\?["']?\s*[:=]\s*\\?["']?)"""
            r"((?:bearer|basic|token|digest)\s+)?+" + _BARE_VALUE
        ),
        rf"\1\2{REDACTED}",
    ),
    # Bearer <token> anywhere (a header value on its own, a curl line, bytes reprs).
    (re.compile(r"(?i)\b(bearer\s+)" + _BARE_VALUE), rf"\1{REDACTED}"),
    # "release_key": "x" (JSON, Python reprs, JSON escaped inside JSON).
    (
        re.compile(rf"""(?i)(\\?["'](?:{_MASKED_NAMES})\\?["']\s*:\s*){_QUOTED_VALUE}"""),
        rf"\1\2{REDACTED}",
    ),
    # release_key=x, token='x', PIGGY_TOKEN=x (queries, forms, keyword reprs, environments).
    (
        re.compile(
            rf"(?i)(?<![A-Za-z0-9])((?:{_MASKED_NAMES})\s*=\s*)(?:{_QUOTED_VALUE}|{_BARE_VALUE})"
        ),
        rf"\1\2{REDACTED}",
    ),
    # release_key: x (prose, header-like lines), for names that cannot be ordinary words.
    (
        re.compile(rf"(?i)(?<![A-Za-z0-9])((?:{_UNAMBIGUOUS_NAMES})\s*:\s*){_BARE_VALUE}"),
        rf"\1{REDACTED}",
    ),
)


class _SecretRegistry:
    """The secret values the program holds, as an immutable snapshot readers need no
    lock for; the longest first, so a value containing another is masked whole."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.values: tuple[str, ...] = ()

    def add(self, value: str) -> None:
        forms = {value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)}
        forms = {form for form in forms if len(form.strip()) >= MIN_SECRET_LENGTH}
        with self._lock:
            if forms <= set(self.values):
                return
            self.values = tuple(sorted(set(self.values) | forms, key=len, reverse=True))


_registry = _SecretRegistry()


def register_secret(value: str) -> None:
    """Mask ``value`` in every log line from now on (the API token, each release key).

    Empty values and values shorter than ``MIN_SECRET_LENGTH`` are ignored: they would
    mask ordinary words, and the patterns still catch them next to their names. Safe to
    call from any thread, and again with the same value.
    """
    if value:
        _registry.add(value)


def holds_secret(text: str) -> bool:
    """Whether ``text`` holds a value given to ``register_secret``."""
    return any(secret in text for secret in _registry.values)


def redact(text: str) -> str:
    """``text`` with every registered secret and every secret-looking value as ``[secure]``."""
    for secret in _registry.values:
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in a record before a handler formats it; never drops a record.

    The message is rendered with its arguments, masked and put back as the message (no
    arguments left to leak); exception and stack texts are rendered and masked the same
    way, so every handler after this one sees only the masked record.
    """

    _exception_formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a log call must never break the program
            message = f"{record.msg!s} (unformattable arguments: {record.args!r})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._exception_formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class PrivateRotatingFileHandler(logging.FileHandler):
    """A file that rotates as ``logging.handlers.RotatingFileHandler``'s does (before a line
    that would take it to ``max_bytes``, the file becomes ``.1``, ``.1`` becomes ``.2`` …,
    ``backup_count`` kept), and only its owner can read (mode 0600 where the OS has such
    modes), the fresh file after each rollover included. Not that handler itself: its
    module imports pickle and the handlers for sockets, syslog, SMTP and HTTP (0.6 MB of
    the program's peak memory, issue 20)."""

    def __init__(self, filename: Path, *, max_bytes: int, backup_count: int) -> None:
        self.max_bytes, self.backup_count = max_bytes, backup_count
        super().__init__(filename, mode="a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._should_roll_over(record):
                self._roll_over()
            super().emit(record)
        except Exception:  # noqa: BLE001  (logging's rule: a handler never raises)
            self.handleError(record)

    def _should_roll_over(self, record: logging.LogRecord) -> bool:
        # Never anything but a regular file (bpo-45401).
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)  # Windows: the position of a file opened for appending
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backup_count - 1, 0, -1):
            older, newer = f"{base}.{number}", f"{base}.{number + 1}"
            if os.path.exists(older):
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
        if os.path.exists(f"{base}.1"):
            os.remove(f"{base}.1")
        if os.path.exists(base):
            os.rename(base, f"{base}.1")
        self.stream = self._open()

    def _open(self) -> io.TextIOWrapper:
        return open(
            self.baseFilename,
            "a",
            encoding=self.encoding,
            errors=self.errors,
            opener=_private_opener,
        )


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


def default_log_dir() -> Path:
    """The per-user log folder: ``~/.local/state/PiggyDesk/log`` on Linux,
    ``~/Library/Logs/PiggyDesk`` on macOS, ``%LOCALAPPDATA%\\PiggyDesk\\PiggyDesk\\Logs`` on
    Windows."""
    return user_dir("log")


def configure_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = True) -> Path:
    """Log to ``log_dir / "piggy-desk.log"`` (rotating, 1 MB × 5 kept) and, with
    ``console``, to stderr, every line masked by a ``RedactingFilter``; return the file.

    The folder is created private (0700) when it does not exist yet; the file is 0600.
    Calling it again replaces the handlers of the earlier call (no line is written twice).
    Raises ``OSError`` when the folder or the file cannot be made; the console handler is
    in place by then, so the caller can log why and carry on without a file.
    """
    close_logging()
    root = logging.getLogger()
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(
            logging.NOTSET if level <= logging.DEBUG else logging.WARNING
        )
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
    formatter = logging.Formatter(FORMAT)
    if console and sys.stderr is not None:  # None under a windowed (pythonw) bundle
        stream = logging.StreamHandler(sys.stderr)
        _install(root, stream, "piggy-desk-console", formatter)
    path = log_dir / LOG_FILE_NAME
    _make_private_folder(log_dir)
    if path.exists():
        path.chmod(0o600)  # an older file may have been made with the default mode
    handler = PrivateRotatingFileHandler(path, max_bytes=MAX_BYTES, backup_count=BACKUP_COUNT)
    _install(root, handler, "piggy-desk-file", formatter)
    return path


def close_logging() -> None:
    """Remove and close the handlers ``configure_logging`` installed (tests, shutdown)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in _HANDLER_NAMES:
            root.removeHandler(handler)
            handler.close()


def _install(
    root: logging.Logger, handler: logging.Handler, name: str, formatter: logging.Formatter
) -> None:
    handler.set_name(name)
    handler.setFormatter(formatter)
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)


def _make_private_folder(folder: Path) -> None:
    if folder.is_dir():
        return  # someone's folder (--log-dir /tmp): not ours to change
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)  # mkdir's mode passes through the umask
