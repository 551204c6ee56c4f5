"""Piggy's official PHP SDK itself against the sandbox (issue 14, an extra check).

``sdk_php/drive.php`` makes, through the SDK's own classes, every call of it that Piggy
Desk also makes: a token for the OAuth client, promotions, vouchers (lock/ and release/
with their slash), contacts, a loyalty card and shops. It needs PHP with Guzzle (Debian:
``php-cli php-guzzlehttp-guzzle``) and the SDK's ``src/`` folder, which is not part of
this repository:

    git clone --branch 3.12.2 https://github.com/Piggy-Loyalty/piggy-php-sdk /tmp/piggy-php-sdk
    PIGGY_PHP_SDK=/tmp/piggy-php-sdk/src .venv/bin/pytest tests/sandbox/test_sdk_php.py

Without them it is skipped, so the default run and CI do not need PHP.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from piggy_desk.sandbox.seed import KNOWN

DRIVER = Path(__file__).parent / "sdk_php" / "drive.php"
SDK = os.environ.get("PIGGY_PHP_SDK", "")
PHP = shutil.which("php")

pytestmark = pytest.mark.skipif(
    not (PHP and SDK and (Path(SDK) / "OAuthClient.php").is_file()),
    reason="needs php with Guzzle and PIGGY_PHP_SDK (the SDK's src/ folder)",
)


def test_the_official_sdk_runs_against_the_sandbox(sandbox: RunningSandbox) -> None:
    assert PHP is not None
    run = subprocess.run(
        [PHP, str(DRIVER)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            "PATH": os.environ.get("PATH", ""),
            "PIGGY_PHP_SDK": SDK,
            "BASE_URL": sandbox.base_url,
            "CLIENT_ID": DEFAULT_CLIENT_ID,
            "CLIENT_SECRET": DEFAULT_CLIENT_SECRET,
            "CODE": KNOWN.ACTIVE_WITH_CONTACT,
            "EMAIL": KNOWN.CONTACT_EMAIL,
            "CARD": KNOWN.CARD,
        },
    )
    assert run.returncode == 0, run.stderr + run.stdout
    seen = json.loads(run.stdout)
    assert [KNOWN.PROMOTION_MULTI_USE, "MULTI_USE", 10] in seen["promotions"]
    assert seen["created"] == ["MULTI_USE", 3, 2]
    assert seen["found"] == ["Koffiekaart 3x", "MULTI_USE", 3]
    assert seen["made"] == ["PHP-0001", "ACTIVE", 3]
    assert seen["page"] == [1, 1, 1]
    assert seen["lock"] == ["LOCKED", True]
    assert seen["released"] == ["ACTIVE", True]
    assert seen["redeemed"] == ["REDEEMED", True, KNOWN.CONTACT_UUID]
    assert seen["contact"] == [KNOWN.CONTACT_UUID, KNOWN.CONTACT_EMAIL]
    assert seen["find_or_create"] == KNOWN.CONTACT_UUID
    assert seen["new_contact"] == "php@example.nl"
    assert seen["contacts"] == 30
    assert seen["card"] == [KNOWN.CARD, True, KNOWN.CONTACT_UUID]
    assert [KNOWN.SHOP_UUID, "Koffie & Co Utrecht Oudegracht"] in seen["shops"]
    assert seen["shop"] == seen["shops"][0][1]
    state = sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)
    assert (state["status"], state["redemptions_used"]) == ("REDEEMED", 1)
