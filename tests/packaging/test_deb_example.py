"""The .deb's example of the system-wide settings file
(/usr/share/doc/piggy-desk/examples/settings.json) is the README's worked example, and the
program reads it as the README says: shop, address, locking and language set, those four
locked. Only the PIN hash placeholder is refused (IT puts a real hash there)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from piggy_desk.settings import SYSTEM_SETTINGS_VARIABLE, load_settings
from tests.packaging.readme import ROOT


def test_the_packaged_example_is_the_readmes_and_the_program_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    assert spec is not None and spec.loader is not None
    deb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deb)
    example = tmp_path / "settings.json"
    example.write_text(deb.system_settings_example(), encoding="utf-8")
    monkeypatch.setenv(SYSTEM_SETTINGS_VARIABLE, str(example))

    loaded = load_settings(tmp_path / "user")

    assert loaded.settings.shop_uuid == "66a4d561-1459-43fb-8178-63285b41d882"
    assert loaded.settings.language == "nl"
    assert loaded.settings.lock_before_redeem is True
    assert loaded.locked == {"base_url", "shop_uuid", "lock_before_redeem", "manager_pin_hash"}
    assert [p.key for p in loaded.problems] == ["manager_pin_hash"]  # the <hash> placeholder
