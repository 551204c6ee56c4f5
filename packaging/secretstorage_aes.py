"""The AES-128-CBC that SecretStorage asks of ``cryptography``, from the OpenSSL the bundle
already carries: in the Linux bundle in place of ``cryptography`` (4.6 MB of the archive).

keyring's Linux backend (SecretService) talks to the key store through SecretStorage, which
agrees a session key with the Secret Service by Diffie-Hellman and HKDF in pure Python
(``secretstorage/dhcrypto.py``) and then needs one thing of ``cryptography``: raw AES-128 in
CBC mode to encrypt a secret it sends and decrypt one it gets (it pads and unpads them
itself, PKCS #7)::

    from cryptography.hazmat.backends import default_backend
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    Cipher(algorithms.AES(key), modes.CBC(iv), default_backend()).encryptor()
    encryptor.update(data) + encryptor.finalize()

``cryptography`` brings its own OpenSSL, statically linked into a 14 MB library. Python's
``_hashlib`` and ``_ssl`` already link the system's ``libcrypto.so.3``, which PyInstaller
puts in every bundle (the hello-world one too); this module calls its EVP cipher functions
(``EVP_aes_128_cbc``, padding off) through ctypes. No cipher is written here: the
arithmetic is OpenSSL's. Only those names exist; anything else SecretStorage does not ask
for raises ImportError or AttributeError as a missing ``cryptography`` would.

The spec leaves ``cryptography`` out of the Linux bundle and its runtime hook
(``pyi_rth_secretstorage_aes.py``) calls ``install()``, which answers the five module names
above from this file when, and only when, they are first imported (keyring imports
SecretStorage on its worker thread when the token is first read). Checked against the real
``cryptography`` by tests/packaging/test_secretstorage_aes.py, and in the bundle by its
self-test and against a real Secret Service (gnome-keyring on a D-Bus session).
"""

from __future__ import annotations

import _thread
import importlib.machinery
import sys

TYPE_CHECKING = False  # not typing's: the runtime hook imports this module at every start
if TYPE_CHECKING:
    import ctypes
    from types import ModuleType

MODULES = (
    "cryptography",
    "cryptography.hazmat",
    "cryptography.hazmat.backends",
    "cryptography.hazmat.primitives",
    "cryptography.hazmat.primitives.ciphers",
)
BLOCK = 16
_LOCK = _thread.allocate_lock()

_libcrypto: ctypes.CDLL | None = None


def libcrypto() -> ctypes.CDLL:
    """OpenSSL's libcrypto: the bundle's own copy (the one ``_hashlib`` links), else the
    system's. Imports what it needs only now: this module is imported at every start."""
    import _hashlib  # noqa: F401  (loads the libcrypto Python itself uses)
    import ctypes
    import ctypes.util
    import os

    global _libcrypto
    with _LOCK:
        if _libcrypto is None:
            bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libcrypto.so.3")
            name = bundled if os.path.exists(bundled) else ctypes.util.find_library("crypto")
            if not name:
                raise ImportError("OpenSSL's libcrypto was not found")
            lib = ctypes.CDLL(name)
            lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
            lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
            lib.EVP_aes_128_cbc.restype = ctypes.c_void_p
            lib.EVP_CipherInit_ex.argtypes = [
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_char_p,
                ctypes.c_char_p,
                ctypes.c_int,
            ]
            lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
            lib.EVP_CipherUpdate.argtypes = [
                ctypes.c_void_p,
                ctypes.c_char_p,
                ctypes.POINTER(ctypes.c_int),
                ctypes.c_char_p,
                ctypes.c_int,
            ]
            lib.EVP_CipherFinal_ex.argtypes = [
                ctypes.c_void_p,
                ctypes.c_char_p,
                ctypes.POINTER(ctypes.c_int),
            ]
            _libcrypto = lib
        return _libcrypto


class _CipherContext:
    """One encryption or decryption: ``update()`` as often as needed, then ``finalize()``."""

    def __init__(self, key: bytes, iv: bytes, encrypt: bool) -> None:
        import ctypes

        self._ctypes = ctypes
        self._lib = libcrypto()
        self._ctx = self._lib.EVP_CIPHER_CTX_new()
        if not self._ctx:
            raise MemoryError("EVP_CIPHER_CTX_new failed")
        ok = self._lib.EVP_CipherInit_ex(
            self._ctx, self._lib.EVP_aes_128_cbc(), None, key, iv, 1 if encrypt else 0
        )
        if ok != 1 or self._lib.EVP_CIPHER_CTX_set_padding(self._ctx, 0) != 1:
            self._free()
            raise ValueError("OpenSSL refused the AES-128-CBC key or IV")

    def update(self, data: bytes) -> bytes:
        if self._ctx is None:
            raise ValueError("Context was already finalized.")
        data = bytes(data)
        ctypes = self._ctypes
        out = ctypes.create_string_buffer(len(data) + BLOCK)
        written = ctypes.c_int(0)
        if self._lib.EVP_CipherUpdate(self._ctx, out, ctypes.byref(written), data, len(data)) != 1:
            raise ValueError("AES-128-CBC failed")
        return out.raw[: written.value]

    def finalize(self) -> bytes:
        if self._ctx is None:
            raise ValueError("Context was already finalized.")
        ctypes = self._ctypes
        out = ctypes.create_string_buffer(BLOCK)
        written = ctypes.c_int(0)
        try:
            if self._lib.EVP_CipherFinal_ex(self._ctx, out, ctypes.byref(written)) != 1:
                raise ValueError(
                    "The length of the provided data is not a multiple of the block length."
                )
        finally:
            self._free()
        return out.raw[: written.value]

    def _free(self) -> None:
        if getattr(self, "_ctx", None) is not None:  # None too when __init__ failed early
            self._lib.EVP_CIPHER_CTX_free(self._ctx)
            self._ctx = None

    __del__ = _free


class AES:
    """``algorithms.AES(key)``: only 128-bit keys (the Secret Service's
    dh-ietf1024-sha256-aes128-cbc-pkcs7)."""

    name = "AES"
    block_size = BLOCK * 8

    def __init__(self, key: bytes) -> None:
        if len(key) != BLOCK:
            raise ValueError(f"Invalid key size ({len(key) * 8}) for AES-128 here.")
        self.key = bytes(key)


class CBC:
    """``modes.CBC(iv)``."""

    name = "CBC"

    def __init__(self, initialization_vector: bytes) -> None:
        if len(initialization_vector) != BLOCK:
            raise ValueError("Invalid IV size for CBC.")
        self.initialization_vector = bytes(initialization_vector)


class Cipher:
    """``Cipher(algorithms.AES(key), modes.CBC(iv), backend)``."""

    def __init__(self, algorithm: AES, mode: CBC, backend: object = None) -> None:
        if not isinstance(algorithm, AES) or not isinstance(mode, CBC):
            raise TypeError("only AES-128 in CBC mode is here")
        self.algorithm, self.mode = algorithm, mode

    def encryptor(self) -> _CipherContext:
        return _CipherContext(self.algorithm.key, self.mode.initialization_vector, True)

    def decryptor(self) -> _CipherContext:
        return _CipherContext(self.algorithm.key, self.mode.initialization_vector, False)


def default_backend() -> object:
    return None


def _fill(module: ModuleType) -> None:
    module.__path__ = []  # a package: its submodules are found by the finder below
    if module.__name__ == "cryptography.hazmat.backends":
        module.default_backend = default_backend  # type: ignore[attr-defined]
    elif module.__name__ == "cryptography.hazmat.primitives.ciphers":
        module.Cipher = Cipher  # type: ignore[attr-defined]
        module.algorithms = type(sys)(module.__name__ + ".algorithms")  # type: ignore[attr-defined]
        module.algorithms.AES = AES  # type: ignore[attr-defined]
        module.modes = type(sys)(module.__name__ + ".modes")  # type: ignore[attr-defined]
        module.modes.CBC = CBC  # type: ignore[attr-defined]


class _Finder:
    """A meta path finder and loader (importlib.abc's protocols, without importing it)."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in MODULES:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        _fill(module)


def install() -> None:
    """Answer the ``cryptography`` names SecretStorage imports from here (first on
    sys.meta_path: the real ``cryptography`` is not in the bundle)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
