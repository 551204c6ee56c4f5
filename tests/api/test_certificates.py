"""A TLS certificate the client refuses (an intercepting proxy, a wrong clock, a
self-signed server) is said as such, not as "no network": a real TLS server on loopback
whose certificate no trusted authority signed."""

from __future__ import annotations

import pytest

from piggy_desk.api import CertificateRefused, Offline, PiggyClient
from tests.helpers.network import tls_server


async def test_a_refused_certificate_is_said_as_such() -> None:
    async with tls_server() as address, PiggyClient(address, "token") as client:
        with pytest.raises(CertificateRefused) as caught:
            await client.vouchers.find("ACTIEF0001")
    error = caught.value
    assert isinstance(error, Offline)  # nothing was sent: the connection never opened
    assert not error.ambiguous
    assert "certificate" in error.user_message
    assert "proxy" in error.user_message and "clock" in error.user_message
    assert "CERTIFICATE_VERIFY_FAILED" in error.message  # for a manager's details


async def test_a_server_that_is_not_there_is_still_no_network() -> None:
    async with tls_server() as address:
        pass
    async with PiggyClient(address, "token", max_retries=0) as client:
        with pytest.raises(Offline) as caught:
            await client.vouchers.find("ACTIEF0001")
    assert not isinstance(caught.value, CertificateRefused)
