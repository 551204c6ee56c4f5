"""How the counter signs in to Piggy: a Personal Access Token, or an OAuth client's id and
secret (exchanged by the client for access tokens that expire; see ``api._auth``).

The first-run screen and the settings screen both offer the choice with ``SignInChoice``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from piggy_desk.settings import AUTH_KINDS
from piggy_desk.token_store import MAX_TOKEN_LENGTH
from piggy_desk.ui.core.i18n import translate


def client_secret_problem(secret: str) -> str | None:
    """Why a pasted client secret (already trimmed; empty means none given) cannot be one."""
    if not secret:
        return None
    if len(secret) > MAX_TOKEN_LENGTH:
        return translate(
            "Settings", "This is too long to be a client secret (over {max} characters)."
        ).format(max=MAX_TOKEN_LENGTH)
    if not (secret.isascii() and secret.isprintable()) or " " in secret:
        return translate(
            "Settings",
            "A client secret has no spaces, line breaks or accented letters. Paste it again.",
        )
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
