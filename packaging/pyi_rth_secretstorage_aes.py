# PyInstaller runtime hook of the Linux bundle: SecretStorage's AES-128-CBC from the bundled
# OpenSSL instead of `cryptography` (see packaging/secretstorage_aes.py). It only adds an
# import finder; nothing is loaded until keyring first imports SecretStorage.
import secretstorage_aes

secretstorage_aes.install()
del secretstorage_aes
