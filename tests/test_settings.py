"""The settings files as the program reads them: every setting with a wrong type or a value
that would break the counter falls back to its default with a problem that names it (and a
log line); what is good is kept; no file, however damaged, stops the start."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from piggy_desk.settings import (
    SETTING_KEYS,
    SETTINGS_FILE,
    Settings,
    hash_pin,
    load_settings,
    pin_matches,
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
