"""The settings screen's controller and its decisions: what is typed, checked as a whole
(``SettingsDraft``, ``check_settings_draft``), kept off the loop (``SettingsController``),
and what the screen says about the values the settings files held that could not be used.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from piggy_desk.api import PiggyError, Shop, base_url_root
from piggy_desk.settings import (
    LANGUAGES,
    THEMES,
    SettingProblem,
    Settings,
    client_id_problem,
    hash_pin,
    pin_problem,
    save_training_settings,
    scan_affix_problem,
    shop_uuid_problem,
)
from piggy_desk.token_store import (
    Kind,
    TokenManagedByEnvironment,
    TokenStore,
    TokenStoreError,
    account_for,
)
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, translate
from piggy_desk.ui.core.tasks import off_loop
from piggy_desk.ui.widgets.shop_picker import shops_failure_sentence
from piggy_desk.ui.widgets.sign_in import base_url_problem, client_secret_problem, token_problem

ASK_FOR_CLIENT_ID = QT_TRANSLATE_NOOP(
    "SettingsScreen", "Type the OAuth client's id from your Piggy account."
)
ASK_FOR_SECRET = QT_TRANSLATE_NOOP(
    "SettingsScreen",
    "Paste the OAuth client's secret: none is kept for this Piggy address.",
)


@dataclass(frozen=True, slots=True)
class SettingsDraft:
    """What the settings screen holds when Save is pressed; secrets stay out of the repr."""

    base_url: str
    shop_uuid: str
    lock_before_redeem: bool
    sounds: bool
    scan_prefix: str
    scan_suffix: str
    language: str
    theme: str = "system"
    scanner_layout: str = "computer"
    keyboard_layout: str = ""
    new_token: str = field(default="", repr=False)
    auth: str = "token"
    client_id: str = ""
    new_client_secret: str = field(default="", repr=False)
    new_pin: str = field(default="", repr=False)
    repeated_pin: str = field(default="", repr=False)
    remove_pin: bool = False


def check_settings_draft(draft: SettingsDraft, *, token_managed: bool = False) -> dict[str, str]:
    """Each refused value's field → the sentence that says why; empty when all is well."""
    problems: dict[str, str] = {}
    checks: tuple[tuple[str, str | None], ...] = (
        ("base_url", base_url_problem(draft.base_url)),
        ("token", token_problem(draft.new_token)),
        ("shop_uuid", shop_uuid_problem(draft.shop_uuid, translate)),
        ("scan_prefix", scan_affix_problem(draft.scan_prefix, "prefix", translate)),
        ("scan_suffix", scan_affix_problem(draft.scan_suffix, "suffix", translate)),
    )
    for key, problem in checks:
        if problem is not None:
            problems[key] = problem
    if draft.new_token and token_managed:
        problems["token"] = translate("TokenStore", TokenManagedByEnvironment.user_message)
    if draft.auth == "oauth_client":
        if not draft.client_id:
            problems["client_id"] = translate("SettingsScreen", ASK_FOR_CLIENT_ID)
        elif (problem := client_id_problem(draft.client_id, translate)) is not None:
            problems["client_id"] = problem
        if (problem := client_secret_problem(draft.new_client_secret)) is not None:
            problems["client_secret"] = problem
    if draft.language not in LANGUAGES:
        problems["language"] = translate("Settings", "Choose one of the languages in the list.")
    if draft.theme not in THEMES:
        problems["theme"] = translate("Settings", "Choose one of the themes in the list.")
    if not draft.remove_pin and (draft.new_pin or draft.repeated_pin):
        problem = pin_problem(draft.new_pin, draft.repeated_pin, translate)
        if problem is not None:
            problems["manager_pin"] = problem
    return problems


class SettingsController(QObject):
    """Keeps the settings on the loop: a new PIN hashed and the file written off the loop
    thread, the token in the key store. Results come back as signals.

    Signals:
        settings_saved(Settings, bool): the settings were kept; whether the token changed.
        saving_failed(str, str): nothing was kept; the field (or "") and the sentence.
        token_state_loaded(bool): whether a token is kept for the saved Piggy address.
        secret_state_loaded(bool): whether an OAuth client secret is kept for it.
        token_removed(): the token of the saved Piggy address was forgotten.
        token_removal_failed(str): it was not; the sentence.
        shops_listed(list): the account's shops, to choose from.
        shops_unavailable(str): Piggy did not list them; the sentence that says why.
    """

    settings_saved = Signal(object, bool)
    saving_failed = Signal(str, str)
    token_state_loaded = Signal(bool)
    secret_state_loaded = Signal(bool)
    token_removed = Signal()
    token_removal_failed = Signal(str)
    shops_listed = Signal(list)
    shops_unavailable = Signal(str)

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        config_dir: Path,
        parent: QObject | None = None,
        *,
        shops: Callable[[], Awaitable[list[Shop]]] | None = None,
        training_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.token_store = token_store
        self._config_dir = config_dir
        # In training: where training's own settings go (see save_training_settings).
        self._training_folder = training_folder
        self._shops = shops

    async def list_shops(self) -> None:
        """Ask Piggy for the account's shops (on the connection the counter uses)."""
        if self._shops is None:
            return
        try:
            shops = await self._shops()
        except PiggyError as error:
            self.shops_unavailable.emit(shops_failure_sentence(error))
            return
        self.shops_listed.emit(shops)

    async def save(self, draft: SettingsDraft) -> None:
        """Keep a checked draft: the token first, then the file (nothing half-changed)."""
        old = self.settings
        base_url = base_url_root(draft.base_url)
        pin_hash = old.manager_pin_hash
        if draft.remove_pin:
            pin_hash = None
        elif draft.new_pin:
            pin = draft.new_pin
            pin_hash = await off_loop(lambda: hash_pin(pin))
        new = replace(
            old,
            base_url=base_url,
            shop_uuid=draft.shop_uuid or None,
            lock_before_redeem=draft.lock_before_redeem,
            sounds=draft.sounds,
            scan_prefix=draft.scan_prefix,
            scan_suffix=draft.scan_suffix,
            language=draft.language,
            theme=draft.theme,
            scanner_layout=draft.scanner_layout,
            keyboard_layout=draft.keyboard_layout,
            manager_pin_hash=pin_hash,
            auth=draft.auth,
            client_id=draft.client_id or old.client_id,
        )
        if new.auth == "oauth_client" and not draft.new_client_secret:
            kept = await self._secret_kept(base_url) or await self._secret_kept(old.base_url)
            if not kept:
                self.saving_failed.emit(
                    "client_secret", translate("SettingsScreen", ASK_FOR_SECRET)
                )
                return
        try:
            token_changed = await self._keep_token(old.base_url, base_url, draft.new_token)
        except TokenStoreError as error:
            self.saving_failed.emit("token", translate("TokenStore", error.user_message))
            return
        try:
            secret_changed = await self._keep_token(
                old.base_url, base_url, draft.new_client_secret, kind="client_secret"
            )
        except TokenStoreError as error:
            self.saving_failed.emit("client_secret", translate("TokenStore", error.user_message))
            return
        signed_in_otherwise = (new.auth, new.client_id) != (old.auth, old.client_id)
        token_changed = token_changed or secret_changed or signed_in_otherwise
        written = await write_settings(new, self._config_dir, self._training_folder)
        if (problem := written) is not None:
            self.saving_failed.emit("", problem)
            return
        self.settings = new
        self.settings_saved.emit(new, token_changed)

    async def check_token(self) -> None:
        """Find out whether a token is kept for the saved address (the token is not kept here)."""
        kept = await self.token_store.load(self.settings.base_url) is not None
        self.token_state_loaded.emit(kept)
        self.secret_state_loaded.emit(await self._secret_kept(self.settings.base_url))

    async def _secret_kept(self, base_url: str) -> bool:
        return await self.token_store.load(base_url, kind="client_secret") is not None

    async def remove_token(self) -> None:
        try:
            await self.token_store.delete(self.settings.base_url)
        except TokenStoreError as error:
            self.token_removal_failed.emit(translate("TokenStore", error.user_message))
            return
        self.token_removed.emit()

    async def _keep_token(
        self, old_url: str, new_url: str, new_token: str, *, kind: Kind = "token"
    ) -> bool:
        """Store a new token (or client secret), or carry the kept one over to a changed
        Piggy address."""
        store = self.token_store
        if new_token:
            await store.save(new_url, new_token, kind=kind)
            return True
        managed = kind == "token" and store.source == "environment"
        if managed or account_for(old_url) == account_for(new_url):
            return False
        kept = await store.load(old_url, kind=kind)
        if kept is None:
            return False
        await store.save(new_url, kept, kind=kind)
        await store.delete(old_url, kind=kind)
        return True


async def write_settings(
    settings: Settings, config_dir: Path, training_folder: Path | None = None
) -> str | None:
    """Write ``settings`` to the config folder off the loop (in training, with
    ``training_folder``: see ``save_training_settings``); None, or the sentence that says
    why they could not be written (the first-run screen keeps its settings this way too)."""
    try:
        if training_folder is None:
            await off_loop(lambda: settings.save(config_dir))
        else:
            await off_loop(lambda: save_training_settings(settings, config_dir, training_folder))
    except OSError as error:
        return translate(
            "SettingsController", "The settings could not be written to {folder} ({problem})."
        ).format(folder=config_dir, problem=error.strerror)
    return None


def file_problem_lines(problems: Sequence[SettingProblem], own_file: Path) -> list[str]:
    """What the screen says about the values the settings files held that could not be
    used: by file, each with who can put it right (``own_file``: this counter's own)."""
    lines: list[str] = []
    for file in dict.fromkeys(problem.file for problem in problems):
        found = [problem for problem in problems if problem.file == file]
        unreadable = [problem.sentence(translate) for problem in found if not problem.key]
        if unreadable:
            lines += unreadable
        else:
            lines.append(
                translate("SettingsScreen", "Ignored, because they cannot work, in {file}:").format(
                    file=file
                )
            )
            lines += [f"• {problem.key}: {problem.why(translate)}" for problem in found]
        if found[0].system:
            lines.append(
                translate(
                    "SettingsScreen", "Only whoever prepared that file (the shop's IT) can fix it."
                )
            )
        elif file == own_file:
            lines.append(
                translate("SettingsScreen", "Saving puts the values shown below in their place.")
            )
    return lines
