"""How the counter signs in to Piggy: a Personal Access Token, or an OAuth client's id and
secret (exchanged by the client for access tokens that expire; see ``api._auth``).

The first-run screen and the settings screen both offer the choice with ``SignInChoice``,
and check the address, token and secret typed with the functions here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from piggy_desk.settings import AUTH_KINDS, address_problem
from piggy_desk.token_store import MAX_TOKEN_LENGTH
from piggy_desk.ui.core.i18n import translate


def base_url_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be the Piggy address, or None (in the person's language)."""
    return address_problem(base_url, translate)


def token_problem(token: str) -> str | None:
    """Why a pasted token (already trimmed; empty means keep the old one) cannot be one."""
    return _pasted_problem(
        token,
        translate("Settings", "This is too long to be a token (over {max} characters)."),
        translate(
            "Settings", "A token has no spaces, line breaks or accented letters. Paste it again."
        ),
    )


def client_secret_problem(secret: str) -> str | None:
    """Why a pasted client secret (already trimmed; empty means none given) cannot be one."""
    return _pasted_problem(
        secret,
        translate("Settings", "This is too long to be a client secret (over {max} characters)."),
        translate(
            "Settings",
            "A client secret has no spaces, line breaks or accented letters. Paste it again.",
        ),
    )


def _pasted_problem(text: str, too_long: str, not_plain: str) -> str | None:
    """``too_long`` or ``not_plain`` when the pasted ``text`` cannot be a token or secret."""
    if not text:
        return None
    if len(text) > MAX_TOKEN_LENGTH:
        return too_long.format(max=MAX_TOKEN_LENGTH)
    if not (text.isascii() and text.isprintable()) or " " in text:
        return not_plain
    return None


class SignInChoice(QWidget):
    """Two radio buttons: Personal Access Token, or OAuth client.

    Signals:
        changed(str): the person chose another way ("token" or "oauth_client").
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.token_button = QRadioButton(self.tr("Personal Access Token"), self)
        self.token_button.setObjectName("tokenChoice")
        self.client_button = QRadioButton(self.tr("OAuth client"), self)
        self.client_button.setObjectName("oauthClientChoice")
        self._group = QButtonGroup(self)
        self._group.addButton(self.token_button)
        self._group.addButton(self.client_button)
        self.token_button.setChecked(True)
        # One above the other: side by side they are wider than a narrow window's form.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.token_button)
        layout.addWidget(self.client_button)
        self.token_button.toggled.connect(self._on_button_toggled)

    def kind(self) -> str:
        """The chosen way: "token" or "oauth_client"."""
        return "oauth_client" if self.client_button.isChecked() else "token"

    def set_kind(self, kind: str) -> None:
        """Choose ``kind`` (an unknown one reads as "token") without telling ``changed``."""
        kind = kind if kind in AUTH_KINDS else "token"
        blocked = self.blockSignals(True)
        try:
            (self.client_button if kind == "oauth_client" else self.token_button).setChecked(True)
        finally:
            self.blockSignals(blocked)

    def _on_button_toggled(self, _checked: bool) -> None:
        self.changed.emit(self.kind())
