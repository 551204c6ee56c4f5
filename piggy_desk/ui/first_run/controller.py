"""The first-run screen's controller: a connection tested with a temporary client, then
kept (the token or the OAuth client's secret in the key store, the rest in the settings
file); and why a test failed, said for the person who installs the program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from piggy_desk.api import (
    CertificateRefused,
    ClientCredentials,
    ClientCredentialsRefused,
    InvalidRequest,
    Maintenance,
    MalformedResponse,
    PiggyClient,
    PiggyError,
    Shop,
    TransportError,
    Unauthorized,
)
from piggy_desk.settings import Settings
from piggy_desk.token_store import TokenStore, TokenStoreError
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, error_text, translate
from piggy_desk.ui.settings.controller import write_settings
from piggy_desk.ui.widgets.shop_picker import shops_failure_sentence

TEST_TIMEOUT_SECONDS = 10.0
TEST_CONNECT_TIMEOUT_SECONDS = 5.0
Credentials = str | ClientCredentials
"""What a connection is tested and kept with: a token, or an OAuth client's id and secret."""

FAILURE_SENTENCES: tuple[tuple[type[PiggyError], str], ...] = (
    # In this order: the first kind the error is decides (ClientCredentialsRefused is an
    # Unauthorized, CertificateRefused a TransportError).
    (
        ClientCredentialsRefused,
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Wrong client id or secret: Piggy did not accept them. Copy both again from "
            "your Piggy account.",
        ),
    ),
    (
        Unauthorized,
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Wrong token: Piggy did not accept it. Copy the whole Personal Access Token "
            "again, or make a new one in your Piggy account.",
        ),
    ),
    (
        CertificateRefused,
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "The security certificate of {address} was refused, so the token was not sent. "
            "A proxy or firewall may be intercepting the connection, or this computer's "
            "date and time may be wrong. Check them, and the address.",
        ),
    ),
    (
        TransportError,
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "No network: Piggy Desk could not reach {address}. Check the internet "
            "connection and the address.",
        ),
    ),
    (
        Maintenance,
        QT_TRANSLATE_NOOP(
            "FirstRun",
            "Piggy is down for maintenance, so the token could not be checked. Try again later.",
        ),
    ),
    (
        MalformedResponse,
        QT_TRANSLATE_NOOP(
            "FirstRun", "Something answered at {address}, but not Piggy. Check the address."
        ),
    ),
)
"""The connection test's failures said for the person who installs the program, by the
kind of error (English sources)."""


def failure_sentence(error: PiggyError, base_url: str) -> str:
    """Why the connection test failed, as the person who installs the program needs it."""
    for kind, sentence in FAILURE_SENTENCES:
        if isinstance(error, kind):
            return translate("FirstRun", sentence).format(address=base_url)
    return error_text(error)


class FirstRunController(QObject):
    """Tests a connection with a temporary client and keeps it; results come as signals.

    Signals:
        connection_tested(int): Piggy answered the test; the number of promotions.
        shops_listed(list): the account's shops (after ``connection_tested``).
        shops_unavailable(str): Piggy did not list them; the sentence that says why.
        connection_failed(str, PiggyError): the test failed; the sentence and the error.
        connection_saved(Settings): the token and the settings were kept.
        saving_failed(str): they were not; the sentence.
    """

    connection_tested = Signal(int)
    shops_listed = Signal(list)
    shops_unavailable = Signal(str)
    connection_failed = Signal(str, object)
    connection_saved = Signal(object)
    saving_failed = Signal(str)

    def __init__(
        self, token_store: TokenStore, config_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.token_store = token_store
        self._config_dir = config_dir

    async def test(self, base_url: str, credentials: Credentials) -> None:
        """List the promotions with ``credentials`` (a token, or an OAuth client, whose
        access token is got first), then the shops to choose from; the temporary client is
        closed afterwards."""
        try:
            client = PiggyClient(
                base_url,
                credentials if isinstance(credentials, str) else "",
                client_credentials=None if isinstance(credentials, str) else credentials,
                timeout=TEST_TIMEOUT_SECONDS,
                connect_timeout=TEST_CONNECT_TIMEOUT_SECONDS,
                max_retries=1,
            )
        except InvalidRequest as error:
            self.connection_failed.emit(error_text(error), error)
            return
        try:
            try:
                promotions = await client.promotions.list()
            except PiggyError as error:
                self.connection_failed.emit(failure_sentence(error, client.base_url), error)
                return
            self.connection_tested.emit(len(promotions))
            try:
                shops: list[Shop] = await client.shops.list()
            except PiggyError as error:
                self.shops_unavailable.emit(shops_failure_sentence(error))
                return
            self.shops_listed.emit(shops)
        finally:
            await client.aclose()

    async def save(self, settings: Settings, credentials: Credentials) -> None:
        """Keep the token (or the OAuth client's secret) in the key store, then ``settings``
        in the config folder."""
        try:
            if isinstance(credentials, str):
                await self.token_store.save(settings.base_url, credentials)
            else:
                await self.token_store.save(
                    settings.base_url, credentials.client_secret, kind="client_secret"
                )
        except TokenStoreError as error:
            self.saving_failed.emit(translate("TokenStore", error.user_message))
            return
        if (sentence := await write_settings(settings, self._config_dir)) is not None:
            self.saving_failed.emit(sentence)
            return
        self.connection_saved.emit(settings)
