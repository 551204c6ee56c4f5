"""The first-run screen: try the built-in sandbox, or connect to a Piggy account.

Connecting is tested before it is kept: a temporary client lists the promotions and the
person reads either "Connected" or the plain reason it failed (wrong token, wrong client id
or secret, no network, maintenance). Only then can the token (or the OAuth client's secret)
go to the key store and the address, the client id and the shop to the settings file.
The screen is a plain widget: a window or a dialog can hold it.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    DEFAULT_BASE_URL,
    ClientCredentials,
    InvalidRequest,
    PiggyError,
    base_url_root,
)
from piggy_desk.notices import Tone
from piggy_desk.settings import Settings, client_id_problem, shop_uuid_problem
from piggy_desk.token_store import MAX_TOKEN_LENGTH, TokenStore
from piggy_desk.ui.core.accessibility import label_controls
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.first_run.controller import Credentials, FirstRunController
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.form import CheckedFields
from piggy_desk.ui.widgets.shop_picker import ShopPicker
from piggy_desk.ui.widgets.sign_in import (
    SignInChoice,
    base_url_problem,
    client_secret_problem,
    token_problem,
)

TEST_TASK = "first-run-test"
SAVE_TASK = "first-run-save"
FIRST_SIZE = QSize(980, 640)
"""The window's smallest first size."""
WIDE = QSize(1100, 0)
"""As wide as the main window: the connect card's sentences wrap less."""
FIELDS = ("base_url", "token", "client_id", "client_secret", "shop_uuid")
ASK_TO_PASTE = QT_TRANSLATE_NOOP(
    "FirstRunScreen", "Paste the Personal Access Token from your Piggy account."
)
ASK_FOR_CLIENT_ID = QT_TRANSLATE_NOOP(
    "FirstRunScreen", "Type the OAuth client's id from your Piggy account."
)
ASK_FOR_SECRET = QT_TRANSLATE_NOOP(
    "FirstRunScreen", "Paste the OAuth client's secret from your Piggy account."
)


class FirstRunSentences(QObject):
    """Sentences with a count (lupdate marks plural forms only in ``self.tr`` calls)."""

    def connected(self, promotions: int) -> str:
        return self.tr("Connected: Piggy answered with %Ln promotion(s).", "", promotions)


def connected_sentence(promotions: int) -> str:
    return FirstRunSentences().connected(promotions)


class FirstRunScreen(QWidget):
    """Two big choices for a new installation: the built-in sandbox (training) or a Piggy
    account, whose address, Personal Access Token and optional shop are tested before
    "Save and start" keeps them.

    Signals:
        sandbox_chosen(): the person wants to try the built-in sandbox.
        connected(Settings): the connection was tested and kept (token in the key store).
    """

    sandbox_chosen = Signal()
    connected = Signal(object)

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        tasks: TaskRunner,
        messages: MessagePath,
        config_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunScreen")
        self._settings = settings
        self._token_store = token_store
        self._tasks = tasks
        self._messages = messages
        self._test: asyncio.Task[None] | None = None
        self.fields = CheckedFields(self)
        self.fields.edited.connect(self._on_input_edited)
        self.errors = self.fields.errors
        self.tested = False
        self.busy = False
        self.controller = FirstRunController(token_store, config_dir, self)
        self.controller.connection_tested.connect(self._on_controller_connection_tested)
        self.controller.connection_failed.connect(self._on_controller_connection_failed)
        self.controller.connection_saved.connect(self._on_controller_connection_saved)
        self.controller.saving_failed.connect(self._on_controller_saving_failed)
        self._setup_ui()
        self.controller.shops_listed.connect(self.shop_picker.set_shops)
        self.controller.shops_unavailable.connect(self.shop_picker.set_unavailable)
        self.base_url_input.setText(settings.base_url or DEFAULT_BASE_URL)
        self.shop_picker.set_uuid(settings.shop_uuid or "")
        # An OAuth client whose secret went missing: asked again for the secret only.
        self.sign_in.set_kind(settings.auth)
        self.client_id_input.setText(settings.client_id or "")
        self._show_sign_in_rows()

    def test_connection(self) -> None:
        """Check what is typed and, when it can work, ask Piggy (as "Test connection" does)."""
        if self.busy:
            return
        problems = self._problems()
        self.show_problems(problems)
        if problems:
            self.banner.clear()
            return
        self._set_tested(False)
        self._set_busy(True)
        self.shop_picker.clear_shops()
        self.test_button.setText(self.tr("Testing…"))
        self.banner.show_notice(Tone.INFO, self.tr("Asking Piggy…"))
        self._test = self._tasks.start(
            self.controller.test(self._base_url(), self.credentials()), name=TEST_TASK
        )

    def save_and_start(self) -> None:
        """Keep the tested connection (as "Save and start" does)."""
        if self.busy or not self.tested:
            return
        problem = shop_uuid_problem(self.shop_picker.uuid(), translate)
        if problem is not None:
            self.show_problems({"shop_uuid": problem})
            return
        credentials = self.credentials()
        settings = replace(
            self._settings,
            base_url=self._base_url(),
            shop_uuid=self.shop_picker.uuid() or None,
            auth=self.sign_in.kind(),
            client_id=None if isinstance(credentials, str) else credentials.client_id,
        )
        self._set_busy(True)
        self.save_button.setText(self.tr("Saving…"))
        self._tasks.start(self.controller.save(settings, credentials), name=SAVE_TASK)

    def credentials(self) -> Credentials:
        """The token typed, or the OAuth client's id and secret (checked before: see
        ``_problems``)."""
        if self.sign_in.kind() == "token":
            return self.token_input.text().strip()
        return ClientCredentials(
            self.client_id_input.text().strip(), self.client_secret_input.text().strip()
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each refused value's sentence under its field; focus goes to the first one."""
        self.fields.show_problems(problems, FIELDS)

    # --- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        title = QLabel(self.tr("Welcome to Piggy Desk"), self)
        title.setObjectName("firstRunTitle")
        intro = QLabel(
            self.tr("Choose how to start. You can connect to Piggy later in Settings."), self
        )
        intro.setObjectName("firstRunIntro")
        intro.setWordWrap(True)
        choices = QHBoxLayout()
        choices.setSpacing(20)
        choices.addWidget(self._sandbox_card(), 2)
        choices.addWidget(self._connect_card(), 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(choices, 1)

    def _sandbox_card(self) -> QFrame:
        card, column, text = self._card(
            "sandboxChoice",
            self.tr("Try it with the built-in sandbox"),
            self.tr(
                "Practise scanning and redeeming with made-up vouchers and customers. "
                "Nothing goes to Piggy, and no account is needed. Everything is marked "
                "as training."
            ),
        )
        self.sandbox_button = QPushButton(self.tr("Try the sandbox"), card)
        self.sandbox_button.setObjectName("sandboxButton")
        self.sandbox_button.setAutoDefault(False)
        self.sandbox_button.clicked.connect(self.sandbox_chosen)
        column.addWidget(text)
        column.addStretch(1)
        column.addWidget(self.sandbox_button)
        return card

    def _connect_card(self) -> QFrame:
        card, column, text = self._card(
            "connectChoice",
            self.tr("Connect to Piggy"),
            self.tr(
                "Use your shop's Piggy account, with a Personal Access Token or an OAuth "
                "client's id and secret from the Piggy dashboard. Whoever manages your "
                "Piggy account can make them."
            ),
        )
        checked = self.fields
        self.base_url_input = checked.line_edit(
            card, "baseUrlInput", self.tr("Piggy address"), 2048, "base_url",
            placeholder=DEFAULT_BASE_URL,
        )  # fmt: skip
        self.token_input = checked.line_edit(
            card, "tokenInput", self.tr("Personal Access Token"), MAX_TOKEN_LENGTH, "token",
            placeholder=self.tr("Paste the token here"), secret=True,
        )  # fmt: skip
        self.sign_in = SignInChoice(card)
        self.sign_in.changed.connect(self._on_sign_in_changed)
        self.client_id_input = checked.line_edit(
            card, "clientIdInput", self.tr("OAuth client id"), 255, "client_id"
        )
        self.client_secret_input = checked.line_edit(
            card, "clientSecretInput", self.tr("OAuth client secret"), MAX_TOKEN_LENGTH,
            "client_secret", placeholder=self.tr("Paste the secret here"), secret=True,
        )  # fmt: skip
        for edit in (
            self.base_url_input,
            self.token_input,
            self.client_id_input,
            self.client_secret_input,
        ):
            # Enter tests (a plain widget has no default button; a dialog holding it may).
            edit.returnPressed.connect(self.test_connection)
        self.shop_picker = ShopPicker(card)
        self.shop_picker.edited.connect(self._on_shop_picker_edited)
        self.shop_uuid_input = self.shop_picker.uuid_input
        checked.inputs["shop_uuid"] = self.shop_uuid_input
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        checked.add_row(form, card, "base_url", self.tr("Piggy address:"), self.base_url_input)
        form.addRow(self.tr("Sign in with:"), self.sign_in)
        checked.add_row(form, card, "token", self.tr("Token:"), self.token_input)
        checked.add_row(form, card, "client_id", self.tr("Client id:"), self.client_id_input)
        checked.add_row(
            form, card, "client_secret", self.tr("Client secret:"), self.client_secret_input
        )
        self._show_sign_in_rows()
        checked.add_row(form, card, "shop_uuid", self.tr("Shop:"), self.shop_picker)

        self.test_button = QPushButton(self.tr("Test connection"), card)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.banner = MessageBanner(card, collapse_when_empty=True)
        self.save_button = QPushButton(self.tr("Save and start"), card)
        self.save_button.setObjectName("saveAndStartButton")
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save_and_start)
        # Test, then save: the two steps side by side under the fields, always in view.
        steps = QHBoxLayout()
        steps.setSpacing(10)
        steps.addWidget(self.test_button)
        steps.addWidget(self.save_button, 1)

        # The fields scroll when the window is short (a small screen, large text); the
        # heading and "Save and start" stay in view.
        page = QWidget(card)
        page.setObjectName("connectPage")
        fields = self.connect_fields = QVBoxLayout(page)
        fields.setContentsMargins(0, 0, 10, 0)  # clear of the scroll bar
        fields.setSpacing(10)
        fields.addWidget(text)
        fields.addLayout(form)
        fields.addStretch(1)
        self.connect_scroll = QScrollArea(card)
        self.connect_scroll.setObjectName("connectScroll")
        self.connect_scroll.setWidgetResizable(True)
        self.connect_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.connect_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.connect_scroll.setWidget(page)
        self.connect_scroll.viewport().setAutoFillBackground(False)
        column.addWidget(self.connect_scroll, 1)
        # The test's sentence stands outside the scrolling fields: always whole, in view.
        column.addWidget(self.banner)
        column.addLayout(steps)
        return card

    def _text(self, parent: QWidget, text: str, kind: str) -> QLabel:
        label = QLabel(text, parent)
        label.setProperty("choice", kind)
        label.setWordWrap(True)
        return label

    def _card(self, name: str, heading: str, text: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
        """A choice's card, its column with the ``heading`` at the top, and its ``text``
        (which the caller places)."""
        card = QFrame(self)
        card.setObjectName(name)
        heading_label = self._text(card, heading, "heading")
        text_label = self._text(card, text, "text")
        column = QVBoxLayout(card)
        column.setContentsMargins(20, 18, 20, 20)
        column.setSpacing(10)
        column.addWidget(heading_label)
        return card, column, text_label

    # --- state --------------------------------------------------------------------------

    def _base_url(self) -> str:
        return base_url_root(self.base_url_input.text())

    def _problems(self) -> dict[str, str]:
        token = self.token_input.text().strip()
        problems: dict[str, str] = {}
        url_problem = base_url_problem(self.base_url_input.text())
        if url_problem is not None:
            problems["base_url"] = url_problem
        if self.sign_in.kind() == "oauth_client":
            problems.update(self._client_problems())
        elif not token:
            problems["token"] = self.tr(ASK_TO_PASTE)
        elif (problem := token_problem(token)) is not None:
            problems["token"] = problem
        shop_uuid = self.shop_picker.uuid()
        if (problem := shop_uuid_problem(shop_uuid, translate)) is not None:
            problems["shop_uuid"] = problem
        return problems

    def _client_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        client_id = self.client_id_input.text().strip()
        secret = self.client_secret_input.text().strip()
        if not client_id:
            problems["client_id"] = self.tr(ASK_FOR_CLIENT_ID)
        elif (problem := client_id_problem(client_id, translate)) is not None:
            problems["client_id"] = problem
        if not secret:
            problems["client_secret"] = self.tr(ASK_FOR_SECRET)
        elif (problem := client_secret_problem(secret)) is not None:
            problems["client_secret"] = problem
        return problems

    def _show_sign_in_rows(self) -> None:
        client = self.sign_in.kind() == "oauth_client"
        for key, shown in (("token", not client), ("client_id", client), ("client_secret", client)):
            self.fields.show_row(key, shown)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.tested)
        if not busy:
            self.test_button.setText(self.tr("Test connection"))
            self.save_button.setText(self.tr("Save and start"))

    def _set_tested(self, tested: bool) -> None:
        self.tested = tested
        self.save_button.setEnabled(tested and not self.busy)

    # --- slots --------------------------------------------------------------------------

    def _on_input_edited(self, key: str) -> None:
        # What was tested is no longer what is typed: it must be tested again.
        self.errors[key].hide()
        self.errors[key].clear()
        if self._test is not None and not self._test.done():
            self._test.cancel()
            self._set_busy(False)
        if self.tested or self.banner.tone is not None:
            self.banner.clear()
        self._set_tested(False)

    def _on_sign_in_changed(self, _kind: str) -> None:
        self._show_sign_in_rows()
        self._on_input_edited("token")

    def _on_shop_picker_edited(self) -> None:
        # The shop is chosen after the test, from what it listed: no new test needed.
        self.errors["shop_uuid"].hide()
        self.errors["shop_uuid"].clear()

    def _on_controller_connection_tested(self, promotions: int) -> None:
        self._set_busy(False)
        self._set_tested(True)
        self.banner.show_notice(Tone.SUCCESS, connected_sentence(promotions))
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_controller_connection_failed(self, sentence: str, error: PiggyError) -> None:
        self._set_busy(False)
        self._set_tested(False)
        if isinstance(error, InvalidRequest) and error.field_errors:
            key = next(iter(error.field_errors))
            if key in self.errors:
                self.banner.clear()
                self.show_problems({key: sentence})
                return
        self.banner.show_error(error, sentence)
        self._messages.log_notice(sentence, error)

    def _on_controller_connection_saved(self, settings: Settings) -> None:
        self._set_busy(False)
        self._settings = settings
        warning = self._token_store.warning
        if warning is not None:
            self.banner.show_notice(Tone.ERROR, translate("TokenStore", warning))
        self.connected.emit(settings)

    def _on_controller_saving_failed(self, sentence: str) -> None:
        self._set_busy(False)
        self.banner.show_notice(Tone.ERROR, sentence)


class FirstRunWindow(QMainWindow):
    """The first-run screen as the program's only window.

    Signals:
        closed(): the person closed it (the program ends).
    """

    closed = Signal()

    def __init__(self, screen: FirstRunScreen) -> None:
        super().__init__()
        self.setObjectName("firstRunWindow")
        self.setWindowTitle(self.tr("Piggy Desk — first start"))
        self.setCentralWidget(screen)
        # What a screen reader needs, as the main window's screens have it (issue 19).
        label_controls(self)
        self.resize(FIRST_SIZE)

    def fit_to_screen(self) -> None:
        """Fit the screen it opens on (see ``fit_to``), leaving room for the title bar."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        title_bar = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        self.fit_to(room.adjusted(0, 0, 0, -title_bar))

    def fit_to(self, room: QRect) -> None:
        """As tall as every field of "Connect to Piggy" and a few lines of its sentence
        need, so that nothing has to be scrolled to; no larger than ``room``."""
        screen = cast(FirstRunScreen, self.centralWidget())
        scroll = screen.connect_scroll
        fields = screen.connect_fields
        width = min(room.width(), WIDE.width())
        # The fields' width in a window this wide: the connect card's share of it, less
        # its margins and the scroll bar.
        card = (width - 68) * 3 // 5
        needed = fields.totalHeightForWidth(
            card - 40 - scroll.verticalScrollBar().sizeHint().width()
        )
        scroll.setMinimumHeight(needed)
        wanted = cast(QVBoxLayout, screen.layout()).totalSizeHint().height()
        scroll.setMinimumHeight(0)
        sentence = 6 * screen.fontMetrics().lineSpacing()  # a sentence of a few lines
        height = min(room.height(), max(FIRST_SIZE.height(), wanted + sentence))
        self.resize(width, height)
        if not room.contains(self.frameGeometry()):
            self.move(room.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        event.accept()
