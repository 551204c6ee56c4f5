"""The log file: secrets masked in real log output, rotation, private files, idempotence."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from piggy_desk import logs
from piggy_desk.api import PiggyClient, PiggyError
from piggy_desk.logs import (
    BACKUP_COUNT,
    CHATTY_LOGGERS,
    LOG_FILE_NAME,
    MAX_BYTES,
    NOISY_LOGGERS,
    REDACTED,
    RedactingFilter,
    close_logging,
    configure_logging,
    redact,
    register_secret,
)
from piggy_desk.sandbox import KNOWN, RunningSandbox

log = logging.getLogger("piggy_desk.test_logs")
POSIX = os.name == "posix"


class RawLines(logging.Handler):
    """What a handler without the filter would have written: proof the secrets were there."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(logs.FORMAT))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(autouse=True)
def fresh_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty secret registry, and the root logger as it was afterwards."""
    monkeypatch.setattr(logs, "_registry", logs._SecretRegistry())
    root = logging.getLogger()
    names = (*NOISY_LOGGERS, *CHATTY_LOGGERS)
    levels = (root.level, {name: logging.getLogger(name).level for name in names})
    yield
    close_logging()
    root.setLevel(levels[0])
    for name, level in levels[1].items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def raw_lines() -> Iterator[RawLines]:
    handler = RawLines()
    logging.getLogger().addHandler(handler)  # before ours: it formats the records first
    yield handler
    logging.getLogger().removeHandler(handler)


def _log_text(folder: Path) -> str:
    files = sorted(folder.glob(f"{LOG_FILE_NAME}*"))
    assert files, f"no log file in {folder}"
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


async def _lock_a_voucher(sandbox: RunningSandbox) -> str:
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        voucher = await client.vouchers.find(KNOWN.ACTIVE_WITH_CONTACT)
        lock = await client.vouchers.lock(voucher.uuid)
        sandbox.inject("status", status=500, path="/release")
        try:
            await client.vouchers.release(voucher.uuid, lock.release_key)
        except PiggyError:
            log.exception("release failed")
        await client.vouchers.redeem(voucher.code, release_key=lock.release_key)
    return lock.release_key


def _log_secrets_in_every_form(token: str, key: str, base_url: str) -> None:
    log.info("headers %s", {"Authorization": f"Bearer {token}", "Accept": "application/json"})
    log.debug("raw header %r", (b"authorization", f"Bearer {token}".encode()))
    log.info("Authorization: Bearer %s", token)
    log.info("environment PIGGY_TOKEN=%s LANG=nl_NL", token)
    log.info("form token=%s&shop=1", token)
    log.info('oauth answer {"access_token": "%s", "token_type": "Bearer"}', token)
    log.info("GET %s/vouchers/redeem?code=%s&release_key=%s", base_url, KNOWN.REDEEMED, key)
    log.info("body %s", f'{{"code": "{KNOWN.ACTIVE_WITH_CONTACT}", "release_key": "{key}"}}')
    log.info("lock %s", {"release_key": key, "status": "LOCKED"})
    log.info("release key: %s", key)
    try:
        try:
            raise ConnectionError(f"request had Authorization: Bearer {token}")
        except ConnectionError as cause:
            raise RuntimeError(f'Piggy refused {{"release_key": "{key}"}}') from cause
    except RuntimeError:
        log.exception("redeem went wrong for %s", KNOWN.ACTIVE_WITH_CONTACT)


async def test_secrets_are_masked_by_pattern_in_the_log_file(
    sandbox: RunningSandbox, tmp_path: Path, raw_lines: RawLines
) -> None:
    """Nothing registered: the patterns alone keep the token and the key out of the file."""
    folder = tmp_path / "logs"
    configure_logging(folder, level=logging.DEBUG, console=False)
    key = await _lock_a_voucher(sandbox)
    _log_secrets_in_every_form(sandbox.token, key, sandbox.base_url)

    raw = "\n".join(raw_lines.lines)
    assert sandbox.token in raw
    assert key in raw  # without the filter, both would have been written
    text = _log_text(folder)
    assert sandbox.token not in text
    assert key not in text
    assert REDACTED in text
    # The rest of each line is still there for support to read.
    for kept in (
        "HTTP Request: POST",  # httpx at DEBUG, from the real calls
        "httpcore",
        "release failed",
        "redeem went wrong for ACTIEF0001",
        "Traceback (most recent call last)",
        "ConnectionError: request had Authorization: Bearer [secure]",
        f"code={KNOWN.REDEEMED}&release_key=[secure]",
        '"token_type": "Bearer"',
        "LANG=nl_NL",
    ):
        assert kept in text, kept


async def test_registered_secrets_are_masked_wherever_they_appear(
    sandbox: RunningSandbox, tmp_path: Path, raw_lines: RawLines
) -> None:
    folder = tmp_path / "logs"
    configure_logging(folder, level=logging.DEBUG, console=False)
    key = await _lock_a_voucher(sandbox)
    register_secret(sandbox.token)
    register_secret(key)
    log.info("holding %s with %s", KNOWN.ACTIVE_WITH_CONTACT, key)
    log.warning("the token %s was refused", sandbox.token)
    log.info("callback result %r", [key, sandbox.token])
    try:
        raise KeyError(key)
    except KeyError:
        log.exception("no such lock")
    log.info("where am I, holding %s", key, stack_info=True)

    assert key in "\n".join(raw_lines.lines)
    text = _log_text(folder)
    assert sandbox.token not in text
    assert key not in text
    assert f"KeyError: '{REDACTED}'" in text
    assert f"holding {KNOWN.ACTIVE_WITH_CONTACT} with {REDACTED}" in text
    assert "Stack (most recent call last)" in text


def test_console_lines_are_masked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(tmp_path, console=True)
    register_secret("pat-console-secret-42")
    log.warning("token pat-console-secret-42 and Authorization: Bearer other-secret-9")
    err = capsys.readouterr().err
    assert "pat-console-secret-42" not in err
    assert "other-secret-9" not in err
    assert f"token {REDACTED} and Authorization: Bearer {REDACTED}" in err


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("Authorization: Bearer abc.def-ghi", "Authorization: Bearer [secure]"),
        ("{'authorization': 'Basic dXNlcjpw'}", "{'authorization': 'Basic [secure]'}"),
        ("Headers({'authorization': '[secure]'})", "Headers({'authorization': '[secure]'})"),
        ("curl -H 'Bearer tok-1234'", "curl -H 'Bearer [secure]'"),
        ('{"release_key": "k-1", "x": 1}', '{"release_key": "[secure]", "x": 1}'),
        (r'"{\"release_key\": \"k-1\"}"', r'"{\"release_key\": \"[secure]\"}"'),
        ("?code=A&release_key=k-1&page=2", "?code=A&release_key=[secure]&page=2"),
        ("Lock(release_key='k-1', at=3)", "Lock(release_key='[secure]', at=3)"),
        ("releaseKey: k-1; release key: k-2", "releaseKey: [secure]; release key: [secure]"),
        ('{"access_token": "a-1"}', '{"access_token": "[secure]"}'),
        ("access_token=a-1", "access_token=[secure]"),
        ("token=t-1 PIGGY_TOKEN=t-2", "token=[secure] PIGGY_TOKEN=[secure]"),
        # Ordinary words stay.
        ("An API token is needed. tokens=5 field=token", None),
        ('{"release_key": null, "password": null}', None),
        ("voucher ACTIEF0001 -> REDEEMED", None),
    ],
)
def test_patterns(line: str, masked: str | None) -> None:
    assert redact(line) == (line if masked is None else masked)


def test_short_values_are_not_registered() -> None:
    register_secret("")
    register_secret("abc")
    assert redact("abc is a word") == "abc is a word"
    register_secret("abcdef-long")
    assert redact("x abcdef-long y") == f"x {REDACTED} y"


def test_an_unformattable_line_is_kept_not_raised() -> None:
    # A bug in a log call must not break the counter (pytest's own handler would raise
    # first on the root logger, so the filter is called directly).
    record = log.makeRecord(log.name, logging.INFO, __file__, 1, "%d vouchers", ("many",), None)
    assert RedactingFilter().filter(record)
    assert record.getMessage() == "%d vouchers (unformattable arguments: ('many',))"


def test_the_file_rotates_and_keeps_five(tmp_path: Path) -> None:
    configure_logging(tmp_path, console=False)
    line = "x" * 1000
    for _ in range(MAX_BYTES // 1000 + 50):
        log.info(line)
    assert (tmp_path / f"{LOG_FILE_NAME}.1").exists()
    for _ in range(BACKUP_COUNT * (MAX_BYTES // 1000 + 50)):
        log.info(line)
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, BACKUP_COUNT + 1)]
    assert all(path.stat().st_size <= MAX_BYTES for path in tmp_path.iterdir())
    if POSIX:  # the fresh file after each rollover is private too
        assert {stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()} == {0o600}


def test_the_file_rotates_as_the_standard_handler_does(tmp_path: Path) -> None:
    """The program's handler is not ``logging.handlers.RotatingFileHandler`` (whose module
    imports pickle and the network handlers), but rotates the same: the same files with
    the same lines, for lines of every length around the limit."""
    import logging.handlers

    for name in ("ours", "standard"):
        (tmp_path / name).mkdir()
    ours = logs.PrivateRotatingFileHandler(
        tmp_path / "ours" / "a.log", max_bytes=300, backup_count=3
    )
    standard = logging.handlers.RotatingFileHandler(
        tmp_path / "standard" / "a.log", maxBytes=300, backupCount=3, encoding="utf-8"
    )
    for handler in (ours, standard):
        handler.setFormatter(logging.Formatter("%(message)s"))

    def files(folder: Path) -> dict[str, str]:
        return {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}

    try:
        for number in range(400):
            # Lines that fill the file to its limit exactly first, then any length.
            letter = "é" if number % 3 == 0 and number >= 20 else "x"
            length = 49 if number < 20 else number * 7 % 113
            record = logging.makeLogRecord({"msg": letter * length})
            ours.handle(record)
            standard.handle(record)
            for handler in (ours, standard):
                handler.flush()
            assert files(tmp_path / "ours") == files(tmp_path / "standard"), number
    finally:
        ours.close()
        standard.close()
    assert sorted(files(tmp_path / "ours")) == ["a.log", "a.log.1", "a.log.2", "a.log.3"]


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_the_log_is_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        folder = tmp_path / "state" / "log"
        path = configure_logging(folder, console=False)
        log.info("hello")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

        shared = tmp_path / "shared"  # someone else's folder (--log-dir): left as it is
        shared.mkdir(mode=0o755)
        (shared / LOG_FILE_NAME).write_text("older\n")
        (shared / LOG_FILE_NAME).chmod(0o644)
        path = configure_logging(shared, console=False)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o755
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(old_umask)


def test_configuring_again_replaces_the_handlers(tmp_path: Path) -> None:
    configure_logging(tmp_path / "first", console=True)
    second = configure_logging(tmp_path / "second", console=True)
    ours = [h.get_name() for h in logging.getLogger().handlers if h.get_name()]
    assert sorted(n for n in ours if n.startswith("piggy-desk")) == [
        "piggy-desk-console",
        "piggy-desk-file",
    ]
    log.info("once")
    assert second.read_text().count("once") == 1
    assert "once" not in (tmp_path / "first" / LOG_FILE_NAME).read_text()


def test_noisy_libraries_are_quiet_unless_debugging(tmp_path: Path) -> None:
    configure_logging(tmp_path, level=logging.INFO, console=False)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING
    configure_logging(tmp_path, level=logging.DEBUG, console=False)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.DEBUG
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.DEBUG
    # qasync's DEBUG is a line per loop callback: never wanted.
    assert logging.getLogger("qasync").getEffectiveLevel() == logging.INFO


def test_a_log_folder_that_cannot_be_made_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the OS
        configure_logging(blocker / "logs", console=False)
