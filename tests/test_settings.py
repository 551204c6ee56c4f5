"""The settings files as the program reads them: every setting with a wrong type or a value
that would break the counter falls back to its default with a problem that names it (and a
log line); what is good is kept; no file, however damaged, stops the start."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from piggy_desk.settings import (
    APP_AUTHOR,
    APP_NAME,
    SETTING_KEYS,
    SETTINGS_FILE,
    Settings,
    cache_dir,
    config_dir,
    data_dir,
    hash_pin,
    load_settings,
    pin_matches,
    system_settings_file,
    user_dir,
)

GOOD_HASH = hash_pin("1234", salt=bytes(16))

BAD_VALUES: dict[str, list[object]] = {
    "base_url": [
        5,
        None,
        [],
        "ftp://piggy.example",
        "http://[::1",
        "https://me:pw@piggy.example",
        "https://pig gy.example",
        "",
        "http://api.piggy.eu",  # the token would travel in clear text
        "http://192.0.2.10:8080",
    ],
    "shop_uuid": [123, "a/b", "x" * 300, True, {"a": 1}, "shop\t7", "back\\slash"],
    "lock_before_redeem": ["yes", 1, 0, None, "false", []],
    "sounds": [0, "true", None, 1.5],
    "scan_prefix": [5, None, "x" * 17, "\x02", ["]C1"]],
    "scan_suffix": [7, None, "y" * 17, "\t", {"x": 1}],
    "manager_pin_hash": [
        5,
        "",
        "1234",
        True,
        ["pbkdf2_sha256"],
        "pbkdf2_sha256$200000$zz$" + "0" * 64,  # a salt that is not hex
        "pbkdf2_sha256$999999999$00$" + "0" * 64,  # each PIN try would take hours
        "pbkdf2_sha256$200000$00$00",  # too short to be a digest
        "md5$1$00$" + "0" * 64,
        GOOD_HASH + "$",
    ],
    "language": [5, "tlh", None, "NL", ["nl"]],
    "theme": ["sepia", 1, None, "Dark"],
    "scanner_layout": ["dvorak", "US", None, 1],
    "keyboard_layout": ["computer", "BE", None, 0],
    "auth": ["oauth", None, 1, "TOKEN"],
    "client_id": [1042, "10 42", "x" * 256, "cliënt"],
}

GOOD_VALUES: dict[str, tuple[object, object]] = {
    # written → read back
    "base_url": ("https://eu2.piggy.example/api/v3/oauth/clients/", "https://eu2.piggy.example"),
    "shop_uuid": (" 66a4d561-1459-43fb-8178-63285b41d882 ", "66a4d561-1459-43fb-8178-63285b41d882"),
    "lock_before_redeem": (False, False),
    "sounds": (False, False),
    "scan_prefix": ("]C1", "]C1"),
    "scan_suffix": ("#", "#"),
    "manager_pin_hash": (GOOD_HASH, GOOD_HASH),
    "language": ("nl", "nl"),
    "theme": ("dark", "dark"),
    "scanner_layout": ("us", "us"),
    "keyboard_layout": ("be", "be"),
    "auth": ("oauth_client", "oauth_client"),
    "client_id": (" 1042 ", "1042"),
}


def write(folder: Path, values: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SETTINGS_FILE
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def test_every_setting_is_checked() -> None:
    assert set(BAD_VALUES) == set(GOOD_VALUES) == set(SETTING_KEYS)


@pytest.mark.parametrize(
    ("key", "value"), [(key, value) for key, values in BAD_VALUES.items() for value in values]
)
def test_a_bad_value_falls_back_to_its_default_and_is_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: object
) -> None:
    caplog.set_level(logging.WARNING, logger="piggy_desk")
    # A good value beside it is kept.
    other = "theme" if key != "theme" else "sounds"
    path = write(tmp_path, {key: value, other: GOOD_VALUES[other][0]})
    settings = Settings.load(tmp_path)
    assert getattr(settings, key) == getattr(Settings(), key)
    assert getattr(settings, other) == GOOD_VALUES[other][1]
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(logged) == 1
    assert f"“{key}” in {path}" in logged[0]
    loaded = load_settings(tmp_path)
    assert [(problem.key, problem.file) for problem in loaded.problems] == [(key, path)]
    sentence = loaded.problems[0].sentence()
    assert sentence.startswith(f"“{key}” in {path}: ")
    assert sentence.endswith("It was ignored.")


@pytest.mark.parametrize("key", sorted(GOOD_VALUES))
def test_a_good_value_is_kept(tmp_path: Path, key: str) -> None:
    written, read = GOOD_VALUES[key]
    write(tmp_path, {key: written})
    loaded = load_settings(tmp_path)
    assert getattr(loaded.settings, key) == read
    assert loaded.problems == ()


def test_what_the_settings_screen_saves_reads_back_without_problems(tmp_path: Path) -> None:
    kept = Settings(
        base_url="http://127.0.0.1:8765",
        shop_uuid="shop-7",
        lock_before_redeem=False,
        sounds=False,
        scan_prefix="]C1",
        scan_suffix="#",
        manager_pin_hash=hash_pin("73915284"),
        language="nl",
        theme="dark",
    )
    kept.save(tmp_path)
    assert load_settings(tmp_path).settings == kept
    assert load_settings(tmp_path).problems == ()


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000,  # json.loads raises RecursionError
        "not json at all",
        '["a list", "not settings"]',
        "5",
        "null",
        "\udcff",
    ],
)
def test_a_damaged_file_gives_the_defaults_and_says_so(tmp_path: Path, content: str) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings()
    assert [problem.file for problem in loaded.problems] == [path]
    assert loaded.problems[0].sentence().startswith(f"{path}: ")


def test_no_file_is_no_problem(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == load_settings(tmp_path / "nowhere")
    assert load_settings(tmp_path).settings == Settings()
    assert load_settings(tmp_path).problems == ()


@pytest.mark.parametrize("stored", [5, None, "", "1234", BAD_VALUES["manager_pin_hash"][6]])
def test_a_damaged_pin_hash_never_matches_and_never_raises(stored: object) -> None:
    assert pin_matches("1234", stored) is False  # type: ignore[arg-type]


def test_a_good_pin_hash_matches_its_pin_only() -> None:
    assert pin_matches("1234", GOOD_HASH)
    assert not pin_matches("1235", GOOD_HASH)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def everyday_umask() -> Iterator[None]:
    """The umask most desktops have (0022): files 0644 and folders 0755 unless asked."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
@pytest.mark.usefixtures("everyday_umask")
def test_the_settings_file_is_readable_by_its_user_only(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "PiggyDesk"
    Settings(manager_pin_hash=GOOD_HASH).save(folder)
    assert mode(folder) == 0o700
    assert mode(folder / SETTINGS_FILE) == 0o600
    # Saving again replaces the file with a new one: still private, nothing left beside it.
    Settings(sounds=False).save(folder)
    assert mode(folder / SETTINGS_FILE) == 0o600
    assert [p.name for p in folder.iterdir()] == [SETTINGS_FILE]


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
@pytest.mark.usefixtures("everyday_umask")
def test_a_settings_file_an_older_release_left_open_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "PiggyDesk"
    folder.mkdir(mode=0o755)
    path = write(folder, {"manager_pin_hash": GOOD_HASH})
    path.chmod(0o644)
    assert load_settings(folder).settings.manager_pin_hash == GOOD_HASH
    assert mode(path) == 0o600
    Settings().save(folder)
    assert mode(folder) == 0o700


# --- the system-wide file a shop's IT prepares for every counter ---------------------------

SHOP = "66a4d561-1459-43fb-8178-63285b41d882"
FLEET = {
    "base_url": "https://eu2.piggy.example",
    "shop_uuid": SHOP,
    "lock_before_redeem": True,
    "language": "nl",
    "manager_pin_hash": GOOD_HASH,
    "sounds": False,
    "locked": ["base_url", "shop_uuid", "lock_before_redeem", "manager_pin_hash"],
}


def test_the_system_file_is_where_each_system_keeps_such_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PIGGY_DESK_SYSTEM_SETTINGS")
    expected = {
        "linux": "/etc/piggy-desk/settings.json",
        "darwin": "/Library/Application Support/PiggyDesk/settings.json",
    }
    if sys.platform in expected:
        assert str(system_settings_file()) == expected[sys.platform]
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "D:\\Data")
    assert system_settings_file() == Path("D:\\Data") / "PiggyDesk" / SETTINGS_FILE
    monkeypatch.setenv("PIGGY_DESK_SYSTEM_SETTINGS", "")
    assert system_settings_file() is None


def test_a_counter_with_no_file_of_its_own_runs_on_the_prepared_settings(
    tmp_path: Path, system_file: Path
) -> None:
    write(system_file.parent, FLEET)
    loaded = load_settings(tmp_path / "user")
    assert loaded.problems == ()
    assert loaded.settings == Settings(
        base_url="https://eu2.piggy.example",
        shop_uuid=SHOP,
        lock_before_redeem=True,
        sounds=False,
        manager_pin_hash=GOOD_HASH,
        language="nl",
    )
    assert loaded.locked == {"base_url", "shop_uuid", "lock_before_redeem", "manager_pin_hash"}


def test_the_users_file_counts_only_for_what_is_not_locked(
    tmp_path: Path, system_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="piggy_desk")
    write(system_file.parent, FLEET)
    user = tmp_path / "user"
    write(
        user,
        {
            "base_url": "https://elsewhere.example",  # locked: ignored
            "shop_uuid": "another-shop",  # locked: ignored
            "lock_before_redeem": False,  # locked: ignored
            "manager_pin_hash": None,  # locked: no way round the PIN
            "sounds": True,  # not locked: the counter's own choice
            "language": "en",  # not locked
            "scan_prefix": "]C1",  # not in the system file at all
        },
    )
    loaded = load_settings(user)
    assert loaded.settings == Settings(
        base_url="https://eu2.piggy.example",
        shop_uuid=SHOP,
        lock_before_redeem=True,
        sounds=True,
        scan_prefix="]C1",
        manager_pin_hash=GOOD_HASH,
        language="en",
    )
    assert loaded.problems == ()
    assert any("locked by the system-wide file" in r.getMessage() for r in caplog.records)


def test_a_locked_setting_the_system_file_does_not_set_is_locked_at_its_default(
    tmp_path: Path, system_file: Path
) -> None:
    write(system_file.parent, {"locked": ["sounds", "theme"]})
    write(tmp_path / "user", {"sounds": False, "theme": "dark", "language": "nl"})
    loaded = load_settings(tmp_path / "user")
    assert (loaded.settings.sounds, loaded.settings.theme) == (True, "system")
    assert loaded.settings.language == "nl"


def test_saving_keeps_only_the_counters_own_choices(tmp_path: Path, system_file: Path) -> None:
    """The counter's file never holds a locked setting, nor a value it shares with the
    system file: a value IT changes later reaches every counter that did not choose its own."""
    write(system_file.parent, FLEET)
    user = tmp_path / "user"
    settings = replace(load_settings(user).settings, language="en", scan_suffix="#")
    settings.save(user)
    assert json.loads((user / SETTINGS_FILE).read_text(encoding="utf-8")) == {
        "language": "en",
        "scan_suffix": "#",
    }
    assert load_settings(user).settings == settings
    # IT moves every counter to other sounds and another shop; this one follows.
    write(system_file.parent, {**FLEET, "sounds": True, "shop_uuid": "shop-2"})
    again = load_settings(user).settings
    assert (again.sounds, again.shop_uuid, again.language) == (True, "shop-2", "en")


def test_a_token_in_a_settings_file_is_refused_and_never_repeated(
    tmp_path: Path, system_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "pat-in-a-file-everyone-can-read-91d2"
    write(system_file.parent, {**FLEET, "token": secret, "PIGGY_TOKEN": secret})
    write(tmp_path / "user", {"api_token": secret})
    loaded = load_settings(tmp_path / "user")
    assert [(p.key, p.file) for p in loaded.problems] == [
        ("token", system_file),
        ("PIGGY_TOKEN", system_file),
        ("api_token", tmp_path / "user" / SETTINGS_FILE),
    ]
    assert loaded.problems[0].sentence() == (
        f"“token” in {system_file}: A token is never read from a settings file: keep it in "
        "this computer's key store (Settings) or in PIGGY_TOKEN. It was ignored."
    )
    assert loaded.settings.shop_uuid == SHOP  # the rest of the file still counts
    assert all(secret not in r.getMessage() for r in caplog.records)
    assert all(secret not in p.sentence() for p in loaded.problems)


@pytest.mark.parametrize(
    ("system", "named"),
    [
        ({"shop_uuid": "a/b", "locked": ["shop_uuid"]}, ["shop_uuid"]),
        ({"manager_pin_hash": 5, "locked": ["manager_pin_hash"]}, ["manager_pin_hash"]),
        ({"lock_before_redeem": "yes"}, ["lock_before_redeem"]),
        ({"locked": "shop_uuid"}, ["locked"]),
        ({"locked": ["shop_uuid", "token", "shop"]}, ["locked", "locked"]),
        ({"shop_uid": SHOP}, ["shop_uid"]),
        ({"base_url": "http://piggy.shop.lan", "locked": ["base_url"]}, ["base_url"]),
    ],
)
def test_the_system_file_is_checked_like_the_users(
    tmp_path: Path, system_file: Path, system: dict[str, object], named: list[str]
) -> None:
    write(system_file.parent, system)
    write(tmp_path / "user", {"shop_uuid": "own-shop", "manager_pin_hash": GOOD_HASH})
    loaded = load_settings(tmp_path / "user")
    assert [p.key for p in loaded.problems] == named
    assert {(p.file, p.system) for p in loaded.problems} == {(system_file, True)}
    # A bad value locked is locked at its default; the counter's own value does not count.
    locked = loaded.locked
    assert loaded.settings.shop_uuid == (None if "shop_uuid" in locked else "own-shop")
    assert loaded.settings.manager_pin_hash == (None if "manager_pin_hash" in locked else GOOD_HASH)


def test_an_unreadable_system_file_is_said_and_the_counter_runs_on_its_own(
    tmp_path: Path, system_file: Path
) -> None:
    system_file.write_text("{ not json", encoding="utf-8")
    write(tmp_path / "user", {"language": "nl"})
    loaded = load_settings(tmp_path / "user")
    assert loaded.settings == Settings(language="nl")
    assert [p.file for p in loaded.problems] == [system_file]
    assert loaded.locked == frozenset()


README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.skipif(sys.platform == "win32", reason="the README's Linux steps")
def test_the_readmes_fleet_example_works_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Steps 1 and 2 of "Deploying to many counters", run with bash into a scratch /etc."""
    # Step 1: a PIN set on one counter; its hash line copied from that counter's file.
    one_counter = tmp_path / "one-counter"
    Settings(manager_pin_hash=hash_pin("73915284")).save(one_counter)
    line = next(
        line
        for line in (one_counter / SETTINGS_FILE).read_text(encoding="utf-8").splitlines()
        if '"manager_pin_hash"' in line
    )
    copied = line.split('"manager_pin_hash": "')[1].split('"')[0]
    # Step 2: the commands, with /etc moved into the test's folder and no sudo.
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- system-settings-example -->", 1)[1].split("```")[1]
    etc = tmp_path / "etc"
    etc.mkdir()
    script = "\n".join(line.removeprefix("   ") for line in block.splitlines())
    script = script.replace("sudo ", "").replace("/etc/", f"{etc}/").replace("<hash>", copied)
    subprocess.run(["bash", "-e", "-c", script], check=True, timeout=30)  # noqa: S607

    monkeypatch.setenv("PIGGY_DESK_SYSTEM_SETTINGS", str(etc / "piggy-desk" / SETTINGS_FILE))
    counter = tmp_path / "counter"
    write(counter, {"language": "en", "shop_uuid": "its-own-shop"})
    loaded = load_settings(counter)
    assert loaded.problems == ()
    assert loaded.locked == {"base_url", "shop_uuid", "lock_before_redeem", "manager_pin_hash"}
    assert loaded.settings == Settings(
        base_url="https://api.piggy.eu",
        shop_uuid="66a4d561-1459-43fb-8178-63285b41d882",
        lock_before_redeem=True,
        manager_pin_hash=copied,
        language="en",  # not locked: the counter's own choice
    )
    assert pin_matches("73915284", loaded.settings.manager_pin_hash or "")
    assert mode(etc / "piggy-desk" / SETTINGS_FILE) == 0o644


LINUX = sys.platform == "linux"


@pytest.mark.skipif(not LINUX, reason="platformdirs itself decides elsewhere")
@pytest.mark.parametrize(
    "environment",
    [
        {},
        {"XDG_DATA_HOME": "/xdg/data", "XDG_CONFIG_HOME": "/xdg/config/"},
        {"XDG_CACHE_HOME": "/xdg/cache", "XDG_STATE_HOME": "/xdg/state"},
        {"XDG_DATA_HOME": "relative/data", "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": "~/c"},
        {"HOME": "/elsewhere/home/"},
        {"HOME": "relative-home"},
        {"HOME": None},
    ],
)
def test_the_folders_are_where_platformdirs_puts_them(
    environment: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux the per-user folders are found without platformdirs (its modules stayed
    for the program's life, issue 20): the same paths it gives."""
    import platformdirs

    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    theirs = {
        "data": platformdirs.user_data_dir(APP_NAME, APP_AUTHOR),
        "config": platformdirs.user_config_dir(APP_NAME, APP_AUTHOR),
        "cache": platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR),
        "log": platformdirs.user_log_dir(APP_NAME, APP_AUTHOR),
    }
    assert {kind: str(user_dir(kind)) for kind in theirs} == theirs
    assert (data_dir(), config_dir(), cache_dir()) == tuple(
        user_dir(kind) for kind in ("data", "config", "cache")
    )
