"""An https client reads only the certificate authority a server's chain needs, from
certifi's authorities kept one per file (``api.authorities``), and still refuses a
certificate none of them signed: real TLS servers on loopback."""

from __future__ import annotations

import asyncio
import datetime
import shutil
import ssl
import subprocess
from pathlib import Path

import certifi
import pytest
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from piggy_desk.api import CertificateRefused, PiggyClient, Unauthorized, authorities
from tests.helpers.network import UNAUTHORIZED_ANSWER, tls_server

CERTIFI_COUNT = len(authorities.pem_certificates(Path(certifi.where()).read_text()))


@pytest.fixture(autouse=True)
def _no_certificate_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder's path, not a file or folder this computer's environment names."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def _name(*rdns: list[x509.NameAttribute]) -> x509.Name:
    return x509.Name([x509.RelativeDistinguishedName(rdn) for rdn in rdns])


def _self_signed(subject: x509.Name) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


ODD_NAMES = {
    "spaces and capitals": _name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "  Piggy   Root\tCA  ")],
        [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PIGGY B.V.")],
    ),
    "not ASCII": _name([x509.NameAttribute(NameOID.COMMON_NAME, "Zürich Ÿ Wurzel ÄÖÜ")]),
    "BMP and T61 strings": _name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "Bmp  Name", x509.name._ASN1Type.BMPString)],
        [x509.NameAttribute(NameOID.LOCALITY_NAME, "T61 Town", x509.name._ASN1Type.T61String)],
    ),
    "two values in one part": _name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Zeta"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Alpha"),
        ]
    ),
    "e-mail (IA5) and a bit string": _name(
        [x509.NameAttribute(NameOID.EMAIL_ADDRESS, "Root@Piggy.EU")],
        [
            x509.NameAttribute(
                NameOID.X500_UNIQUE_IDENTIFIER, b"\x00\x01", x509.name._ASN1Type.BitString
            )
        ],
    ),
}


OPENSSL = shutil.which("openssl")


@pytest.mark.skipif(OPENSSL is None, reason="needs the openssl command")
def test_the_file_names_are_the_hashes_openssl_looks_up() -> None:
    assert OPENSSL is not None
    certificates = authorities.pem_certificates(Path(certifi.where()).read_text())
    certificates += [_self_signed(name) for name in ODD_NAMES.values()]
    for pem in certificates:
        openssl = subprocess.run(
            [OPENSSL, "x509", "-noout", "-subject_hash"],
            input=pem,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert f"{authorities.subject_hash(ssl.PEM_cert_to_DER_cert(pem)):08x}" == openssl


def _trusting(cache: Path, authority: trustme.CA) -> None:
    """``authority`` among certifi's in the folder the client reads (as a shop's own
    authority would be in certifi)."""
    folder = authorities.certifi_folder(cache)
    authorities.write_folder(authority.cert_pem.bytes().decode(), folder)


async def test_piggy_is_reached_through_an_authority_in_the_folder(tmp_path: Path) -> None:
    authority = trustme.CA()
    _trusting(tmp_path, authority)
    async with (
        tls_server(authority=authority, answer=UNAUTHORIZED_ANSWER) as address,
        PiggyClient(address, "token", authorities=tmp_path, max_retries=0) as client,
    ):
        with pytest.raises(Unauthorized):  # Piggy's answer: the connection was made
            await client.vouchers.find("ACTIEF0001")


async def test_a_certificate_no_authority_in_the_folder_signed_is_refused(
    tmp_path: Path,
) -> None:
    _trusting(tmp_path, trustme.CA())  # another authority than the server's
    async with (
        tls_server(answer=UNAUTHORIZED_ANSWER) as address,
        PiggyClient(address, "token", authorities=tmp_path) as client,
    ):
        with pytest.raises(CertificateRefused) as caught:
            await client.vouchers.find("ACTIEF0001")
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.message


async def test_only_the_authority_a_server_needs_is_read(tmp_path: Path) -> None:
    authority = trustme.CA()
    _trusting(tmp_path, authority)
    context = authorities.context(tmp_path)
    assert context.cert_store_stats()["x509_ca"] == 0
    async with tls_server(authority=authority) as address:
        port = int(address.rsplit(":", 1)[1])
        _, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=context, server_hostname="127.0.0.1"
        )
        writer.close()
    assert context.cert_store_stats()["x509_ca"] == 1
    assert len(list(authorities.certifi_folder(tmp_path).iterdir())) == CERTIFI_COUNT + 1


def test_the_folder_is_written_once_and_a_new_certifi_replaces_it(tmp_path: Path) -> None:
    stale = tmp_path / "certifi-0000000000000000"
    stale.mkdir()
    folder = authorities.certifi_folder(tmp_path)
    assert not stale.exists()
    assert len(list(folder.iterdir())) == CERTIFI_COUNT
    marker = folder / "kept"
    marker.touch()
    assert authorities.certifi_folder(tmp_path) == folder and marker.exists()
    assert [path.name for path in tmp_path.iterdir()] == [folder.name]  # no half-built one


def test_authorities_a_cache_cleaner_deleted_are_written_again(tmp_path: Path) -> None:
    """The user's cache holds what can be made again (XDG), and cleaners empty it, often
    file by file by age: a folder missing the authority of Piggy's next certificate would
    refuse Piggy at the counter. The next client finds the folder short and writes it
    again."""
    expected = tmp_path / "expected"
    expected.mkdir()
    authorities.write_folder(Path(certifi.where()).read_text(), expected)
    cache = tmp_path / "cache"
    folder = authorities.certifi_folder(cache)
    for path in sorted(folder.iterdir())[::2]:  # what the cleaner left
        path.unlink()
    context = authorities.context(cache)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        path.name for path in expected.iterdir()
    )
    assert context.cert_store_stats()["x509_ca"] == 0  # still read as a chain needs them


def test_without_a_writable_cache_certifi_is_read_whole(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.touch()
    assert authorities.context(not_a_folder).cert_store_stats()["x509_ca"] == CERTIFI_COUNT
    assert authorities.context(None).cert_store_stats()["x509_ca"] == CERTIFI_COUNT


@pytest.mark.parametrize("variable", ["SSL_CERT_FILE", "SSL_CERT_DIR"])
async def test_the_environment_s_authorities_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """As httpx honours them: a proxy's own authority set up for the whole computer."""
    authority = trustme.CA()
    own = tmp_path / "own"
    own.mkdir()
    authorities.write_folder(authority.cert_pem.bytes().decode(), own)
    monkeypatch.setenv(variable, str(next(own.iterdir()) if variable == "SSL_CERT_FILE" else own))
    async with (
        tls_server(authority=authority, answer=UNAUTHORIZED_ANSWER) as address,
        PiggyClient(address, "token", authorities=tmp_path / "cache", max_retries=0) as client,
    ):
        with pytest.raises(Unauthorized):
            await client.vouchers.find("ACTIEF0001")
    assert not (tmp_path / "cache").exists()


def _in_certifi(
    authority: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> trustme.CA:
    """``authority`` among certifi's, whether read whole or from the folder."""
    bundle = tmp_path / "cacert.pem"
    bundle.write_text(Path(certifi.where()).read_text() + authority.cert_pem.bytes().decode())
    monkeypatch.setattr(certifi, "where", lambda: str(bundle))
    return authority


async def test_a_cache_path_with_the_list_separator_reads_certifi_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenSSL takes a capath as a list of folders (split at ":", ";" on Windows): a cache
    under such a name holds Piggy's authority where OpenSSL never looks. There, certifi is
    read whole."""
    authority = _in_certifi(trustme.CA(), tmp_path, monkeypatch)
    cache = tmp_path / "shop:counter"
    async with (
        tls_server(authority=authority, answer=UNAUTHORIZED_ANSWER) as address,
        PiggyClient(address, "token", authorities=cache, max_retries=0) as client,
    ):
        with pytest.raises(Unauthorized):  # Piggy's answer: the certificate was accepted
            await client.vouchers.find("ACTIEF0001")


@pytest.mark.parametrize(
    ("cache_name", "read_whole"), [("Gülşen", True), ("shop;counter", True), ("Jan", False)]
)
def test_on_windows_a_cache_path_outside_ascii_reads_certifi_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_name: str, read_whole: bool
) -> None:
    """On Windows OpenSSL's folder lookup finds a file with stat() on its name as bytes,
    through the ANSI code page, while Python gives OpenSSL the name in UTF-8: a user name
    outside ASCII (C:\\Users\\Gülşen\\AppData\\Local\\...) and OpenSSL would never find
    Piggy's authority (OpenSSL's crypto/x509/by_dir.c; not something Linux can show)."""
    monkeypatch.setattr(authorities, "_WINDOWS", True)
    context = authorities.context(tmp_path / cache_name)
    assert context.cert_store_stats()["x509_ca"] == (CERTIFI_COUNT if read_whole else 0)


async def test_authorities_deleted_while_the_program_runs_are_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenSSL reads an authority's file when a chain first needs it, not when the client
    is made: a cleaner that empties the cache after the start (before Piggy's first
    connection, or before Piggy's certificate is renewed by another authority) left
    Piggy's certificate refused until the program was started again. A refusal with the
    folder short writes it again and connects once more (no request had been sent)."""
    authority = _in_certifi(trustme.CA(), tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    async with (
        tls_server(authority=authority, answer=UNAUTHORIZED_ANSWER) as address,
        PiggyClient(address, "token", authorities=cache, max_retries=0) as client,
    ):
        folder = authorities.certifi_folder(cache)
        shutil.rmtree(folder)
        with pytest.raises(Unauthorized):  # Piggy's answer: the certificate was accepted
            await client.vouchers.find("ACTIEF0001")
    assert len(list(folder.iterdir())) == CERTIFI_COUNT + 1
