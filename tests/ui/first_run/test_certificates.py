"""Piggy's TLS certificate refused (a real TLS server on loopback whose certificate no
trusted authority signed): the first-run test and the counter say so, not "no network"
(issue 13, finding 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_main_window
from piggy_desk.counter.connection import Connection
from piggy_desk.settings import Settings
from piggy_desk.ui.core.sounds import SoundPlayer
from tests.helpers.network import tls_server
from tests.ui.conftest import SCREENSHOTS, Counter, Installer, close, until


async def test_the_first_run_test_says_the_certificate_was_refused(
    installer: Installer,
) -> None:
    async with tls_server() as address:
        installer.fill(address, "secret-token-1234")
        sentence = await installer.test_connection()
    assert sentence.startswith(f"The security certificate of {address} was refused")
    assert "No network" not in sentence
    assert not installer.screen.save_button.isEnabled()
    installer.screen.grab().save(str(SCREENSHOTS / "first-run-certificate.png"))


async def test_the_counter_says_the_certificate_was_refused(
    tmp_path: Path, qapp: QApplication, sandbox: object
) -> None:
    qapp.setQuitOnLastWindowClosed(False)
    async with tls_server() as address:
        window = build_main_window(
            base_url=address,
            token="secret-token-1234",
            data_dir=tmp_path / "data",
            settings=Settings(sounds=False),
            sounds=SoundPlayer(tmp_path / "sounds", enabled=False),
        )
        person = Counter(window, sandbox)  # type: ignore[arg-type]
        window.show()
        assert window.ready is not None
        await window.ready
        await until(lambda: window.watch.state != Connection.UNKNOWN, what="the first probe")
        assert window.watch.state == Connection.CERTIFICATE_REFUSED
        assert "certificate refused" in window.connection_label.text()
        assert person.last_notice.sentence.startswith(
            "Piggy's security certificate was refused: vouchers cannot be checked or redeemed."
        )
        person.type_scan("ACTIEF0001")
        await person.settle()
        assert person.last_notice.sentence.startswith(
            "Piggy's security certificate was refused, so nothing was sent."
        )
        assert "Check the network" not in person.last_notice.sentence
        window.grab().save(str(SCREENSHOTS / "counter-certificate.png"))
        await close(window)
