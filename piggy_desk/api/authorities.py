"""The certificate authorities an https client trusts, loaded as a server's chain needs them.

httpx's default (``ssl.create_default_context(cafile=certifi.where())``) makes OpenSSL read
and keep all of certifi's authorities (117 in certifi 2026.10) when the client is made:
about 1.5 MB of memory for the program's life, of which a Piggy connection uses one. OpenSSL
can also look authorities up in a folder of one certificate per file, each named after a
hash of its subject (``<hash>.0``, ``<hash>.1`` for a second one with the same hash; what
``openssl rehash`` makes): it then reads only the file of the issuer a server's chain names,
when the chain is checked (``load_verify_locations(capath=...)``, OpenSSL's "by dir"
lookup). ``context`` writes certifi's authorities into such a folder once, in the folder it
is given (the user's cache), and checks against it; the check is OpenSSL's, as before, with
the same authorities. ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` are honoured first, as httpx
honours them. Where the folder cannot be written, or OpenSSL could not find its files
(``_found_by_openssl``), certifi's file is read whole, as httpx does.

The file names are OpenSSL's subject hash (``X509_NAME_hash_ex``), computed here from the
certificate's DER: the first four bytes, little-endian, of the SHA-1 of the subject's
canonical encoding, in which every text value is UTF-8 with its ASCII letters in lower
case, its spaces at either end dropped and each run of spaces inside made one space.
Checked against ``openssl x509 -subject_hash`` (tests/api/test_authorities.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import ssl
import sys
import tempfile
from pathlib import Path

PEM_BEGIN = "-----BEGIN CERTIFICATE-----"
PEM_END = "-----END CERTIFICATE-----"

# DER tags of the ASN.1 string types OpenSSL puts in canonical form (ASN1_MASK_CANON), and
# how each one's bytes become text.
_UTF8 = 0x0C
_TEXT_TYPES = {
    _UTF8: "utf-8",
    0x13: "latin-1",  # PrintableString
    0x14: "latin-1",  # T61String: OpenSSL reads it a byte a character
    0x16: "latin-1",  # IA5String
    0x1A: "latin-1",  # VisibleString
    0x1E: "utf-16-be",  # BMPString
    0x1C: "utf-32-be",  # UniversalString
}
_SPACES = b" \t\n\v\f\r"
_WINDOWS = sys.platform == "win32"
_SEQUENCE = 0x30
_SET = 0x31


def _element(data: bytes, at: int) -> tuple[int, int, int]:
    """The DER element at ``at``: its tag, where its content starts and where it ends."""
    tag = data[at]
    size = data[at + 1]
    start = at + 2
    if size & 0x80:
        count = size & 0x7F
        size = int.from_bytes(data[start : start + count], "big")
        start += count
    end = start + size
    if end > len(data):
        raise ValueError("truncated DER")
    return tag, start, end


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The elements between ``start`` and ``end``: (tag, element start, content start, end)."""
    found = []
    at = start
    while at < end:
        tag, content, after = _element(data, at)
        found.append((tag, at, content, after))
        at = after
    return found


def _length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def _der(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _length(len(content)) + content


def _canonical_value(tag: int, content: bytes) -> bytes:
    """An attribute's value as OpenSSL's ``asn1_string_canon`` encodes it."""
    encoding = _TEXT_TYPES.get(tag)
    if encoding is None:
        return _der(tag, content)  # not a text type: kept as it is
    text = content.decode(encoding).encode("utf-8").strip(_SPACES)
    out = bytearray()
    index = 0
    while index < len(text):
        byte = text[index]
        if byte in _SPACES:
            out.append(0x20)
            while index < len(text) and text[index] in _SPACES:
                index += 1
            continue
        out.append(byte + 0x20 if 0x41 <= byte <= 0x5A else byte)
        index += 1
    return _der(_UTF8, bytes(out))


def subject_hash(der: bytes) -> int:
    """OpenSSL's hash of a certificate's subject (``openssl x509 -subject_hash``)."""
    _, start, end = _element(der, 0)  # Certificate
    tbs = _children(der, start, end)[0]  # TBSCertificate
    fields = _children(der, tbs[2], tbs[3])
    if fields[0][0] == 0xA0:  # [0] version
        fields = fields[1:]
    # serialNumber, signature, issuer, validity, subject
    _, _, name_start, name_end = fields[4]
    canonical = bytearray()
    for _, _, rdn_start, rdn_end in _children(der, name_start, name_end):
        entries = []
        for _, _, entry_start, entry_end in _children(der, rdn_start, rdn_end):
            (_, oid_at, _, oid_end), (tag, _, content, after) = _children(
                der, entry_start, entry_end
            )
            oid = der[oid_at:oid_end]
            entries.append(_der(_SEQUENCE, oid + _canonical_value(tag, der[content:after])))
        canonical += _der(_SET, b"".join(sorted(entries)))  # DER sorts a SET OF
    digest = hashlib.sha1(bytes(canonical), usedforsecurity=False).digest()
    return int.from_bytes(digest[:4], "little")


def pem_certificates(text: str) -> list[str]:
    """Each certificate of a PEM file, as PEM."""
    found = []
    at = text.find(PEM_BEGIN)
    while at >= 0:
        end = text.index(PEM_END, at) + len(PEM_END)
        found.append(text[at:end] + "\n")
        at = text.find(PEM_BEGIN, end)
    return found


def write_folder(pem_text: str, folder: Path) -> int:
    """Every certificate of ``pem_text`` into ``folder`` (which exists), one a file named
    ``<subject hash>.<n>`` as OpenSSL looks them up; how many."""
    taken: set[str] = {path.name for path in folder.iterdir()}
    count = 0
    for pem in pem_certificates(pem_text):
        stem = f"{subject_hash(ssl.PEM_cert_to_DER_cert(pem)):08x}"
        number = 0
        while f"{stem}.{number}" in taken:
            number += 1
        name = f"{stem}.{number}"
        (folder / name).write_text(pem, encoding="ascii")
        taken.add(name)
        count += 1
    return count


def certifi_folder(cache: Path) -> Path:
    """The folder of certifi's authorities under ``cache``, written when it is not there
    (named after the file's SHA-256, so a certifi update writes a new one and the old
    ones go) or holds fewer files than certifi has authorities: the cache is for what can
    be made again, and cleaners delete its files one by one. Raises ``OSError`` when it
    cannot be written."""
    data, folder, count = _certifi(cache)
    if _holds(folder, count):
        return folder
    shutil.rmtree(folder, ignore_errors=True)  # short, if there: written again below
    cache.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=cache))
    try:
        write_folder(data.decode("ascii"), building)
        try:
            building.rename(folder)  # whole or not at all
        except OSError:
            if not _holds(folder, count):  # else another copy of the program finished it
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for old in cache.glob("certifi-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def written_again(cache: Path) -> bool:
    """After Piggy's certificate was refused: whether certifi's folder under ``cache``, which
    the context reads, had lost files (a cache cleaner, after the start) and has been
    written again. OpenSSL reads an authority's file when a chain first needs it and keeps
    no note of one it did not find: the next handshake finds it."""
    if not _reads_folder(cache):
        return False
    try:
        _, folder, count = _certifi(cache)
        if _holds(folder, count):
            return False
        certifi_folder(cache)
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return True


def _certifi(cache: Path) -> tuple[bytes, Path, int]:
    """certifi's file, its folder under ``cache`` and how many authorities it has."""
    import certifi

    data = Path(certifi.where()).read_bytes()
    folder = cache / f"certifi-{hashlib.sha256(data).hexdigest()[:16]}"
    return data, folder, data.count(PEM_BEGIN.encode())


def _holds(folder: Path, count: int) -> bool:
    try:
        return len(os.listdir(folder)) >= count
    except OSError:
        return False


def context(cache: Path | None) -> ssl.SSLContext:
    """An SSL context that checks a server's certificate against ``SSL_CERT_FILE`` or
    ``SSL_CERT_DIR`` when set, else certifi's authorities, read from their folder under
    ``cache`` as needed (see the module), or all at once where that cannot be."""
    if path := os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=path)
    if path := os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=path)
    if cache is not None and _reads_folder(cache):
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            return ssl.create_default_context(capath=certifi_folder(cache))
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def _reads_folder(cache: Path) -> bool:
    """Whether ``context`` reads certifi's folder under ``cache`` (not the environment's)."""
    environment = os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR")
    return not environment and _found_by_openssl(cache)


def _found_by_openssl(cache: Path) -> bool:
    """Whether OpenSSL's folder lookup finds files under ``cache``: it splits a capath at
    ":" (";" on Windows), and on Windows stat()s each file's name as bytes through the
    ANSI code page, which Python's UTF-8 of a name outside ASCII does not survive
    (crypto/x509/by_dir.c). Elsewhere certifi is read whole."""
    path = str(cache)
    if _WINDOWS:
        return ";" not in path and path.isascii()
    return ":" not in path
