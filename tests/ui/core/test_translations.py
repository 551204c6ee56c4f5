"""Dutch and English: every text the program shows is in the Dutch translation, the
translation keeps each sentence's placeholders, and the real window speaks Dutch (its own
texts, Qt's standard buttons and the client's refusal sentences).

The source of truth is the code: lupdate is run over ``piggy_desk/`` into a copy of the
Dutch .ts, exactly as ``scripts/translations.py update`` does, and whatever comes out
unfinished is a text someone added or changed without translating it.
"""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QWidget,
)

from piggy_desk.sandbox import KNOWN
from piggy_desk.ui.core.i18n import choose_language, date_text, date_time_text, install_translators
from piggy_desk.ui.shell.main_window import MainWindow
from piggy_desk.ui.widgets import relative_hint
from tests.ui.conftest import Counter, until

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = runpy.run_path(str(ROOT / "scripts" / "translations.py"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")

# Whole English words that never occur in the Dutch texts ("is" and "in" do, so they are
# not here). A visible text with one of them in Dutch mode was not translated.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|your|this|not|yet|press|please|customer|counter|settings|"
    r"never|valid|expires|redeem\w*|reverse\w*|find|show|none|no|to|for|from|all|new|set|"
    r"used|uses|loading|could|be|been|has|have|select|choose|refresh|cancel|save)\b",
    re.IGNORECASE,
)
# Shown the same in both languages on purpose.
SAME_IN_BOTH = {"Piggy Desk", "Personal Access Token", "English", "Nederlands"}


def _entries(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context, message) for every message of a .ts file."""
    return [
        (context.findtext("name") or "", message)
        for context in ET.parse(ts).getroot().iter("context")  # noqa: S314 (our own file)
        for message in context.iter("message")
    ]


def _messages(ts: Path) -> list[ET.Element]:
    return [message for _, message in _entries(ts)]


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def updated_dutch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the Dutch .ts brought up to date with the code by lupdate."""
    copy = tmp_path_factory.mktemp("ts") / "piggy_desk_nl.ts"
    shutil.copy(TRANSLATIONS["ts_file"]("nl"), copy)
    subprocess.run(
        TRANSLATIONS["lupdate_command"]([copy]), check=True, capture_output=True, text=True
    )
    return copy


def test_every_text_in_the_code_has_a_dutch_translation(updated_dutch: Path) -> None:
    missing = [
        f"{context}: {message.findtext('source')!r} ({message.find('translation').get('type')})"  # type: ignore[union-attr]
        for context, message in _entries(updated_dutch)
        if message.find("translation").get("type")  # type: ignore[union-attr]
        in ("unfinished", "vanished", "obsolete")
        or not all(_forms(message))
    ]
    assert not missing, (
        f"{len(missing)} text(s) without a Dutch translation; run "
        "`python scripts/translations.py update` and translate them in "
        "resources/translations/piggy_desk_nl.ts:\n" + "\n".join(missing)
    )


def test_the_committed_dutch_file_is_what_lupdate_makes_of_the_code(updated_dutch: Path) -> None:
    """The .ts in the repository already holds every text (none was added by this lupdate)."""
    committed = {m.findtext("source") for m in _messages(TRANSLATIONS["ts_file"]("nl"))}
    current = {m.findtext("source") for m in _messages(updated_dutch)}
    assert current - committed == set(), "run `python scripts/translations.py update`"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_translations_keep_every_placeholder(language: str) -> None:
    wrong = []
    for context, message in _entries(TRANSLATIONS["ts_file"](language)):
        source = message.findtext("source") or ""
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in _forms(message):
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                wrong.append(f"{context}: {source!r} -> {form!r}")
        if message.get("numerus") == "yes":
            assert len(_forms(message)) == 2, f"{source!r}: Dutch and English have two forms"
    assert not wrong, "placeholders lost or changed:\n" + "\n".join(wrong)


def test_lupdate_finds_the_sentences_of_the_qt_free_layers(updated_dutch: Path) -> None:
    """api/ and counter/ mark their sentences without Qt; lupdate must still see them."""
    found = {(context, m.findtext("source")) for context, m in _entries(updated_dutch)}
    assert ("PiggyError", "This voucher has already been used.") in found  # api/errors.py
    assert ("RedemptionFlow", "No voucher with the code “{code}” was found.") in found
    assert ("ScanRejected", "The scan was empty. Scan the voucher again.") in found
    assert ("Settings", "The two PINs are not the same. Type the new PIN twice.") in found


# --- the window in Dutch -------------------------------------------------------------------


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """Dutch for the window built after it (request it before ``counter``); English after."""
    assert install_translators(qapp, "nl") == "nl"
    yield
    install_translators(qapp, "en")


def _english_only(language: str = "nl") -> set[str]:
    """The English source texts whose Dutch is different: never on a Dutch screen."""
    texts = set()
    for message in _messages(TRANSLATIONS["ts_file"](language)):
        source = message.findtext("source") or ""
        if not PLACEHOLDER.search(source) and source not in _forms(message):
            texts.add(source)
    return texts


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can read in ``root`` and its children."""
    texts: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text.strip():
            texts.append((f"{type(widget).__name__}#{widget.objectName()}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(widget, str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        if isinstance(widget, QDialog | MainWindow):
            add(widget, widget.windowTitle())
    return texts


def _untranslated(texts: list[tuple[str, str]], english_only: set[str]) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, text in texts
        if text not in SAME_IN_BOTH and (text in english_only or ENGLISH_WORDS.search(text))
    ]


async def test_the_counter_speaks_dutch_and_so_do_the_client_refusals(
    dutch: None, counter: Counter
) -> None:
    window = counter.window
    assert window.tabs.tabText(0) == "Kassa"
    assert counter.screen.redeem_button.text() == "Inwisselen  (Enter)"
    assert counter.screen.card.placeholder.text() == "Scan een voucher om hem hier te zien."

    await counter.scan(KNOWN.REDEEMED)  # GEBRUIKT01, used before
    assert counter.screen.card.status.word == "Al gebruikt"
    assert counter.screen.banner.text == "Deze voucher is al gebruikt."

    # A refusal that comes from Piggy as an error code, through the client.
    counter.type_scan("BESTAATNIET1")
    await until(lambda: "BESTAATNIET1" in counter.screen.banner.text, what="the refusal")
    assert counter.screen.banner.text == "Er is geen voucher met de code ‘BESTAATNIET1’ gevonden."

    # An error sentence of the client itself (api/errors.py), translated where shown: a
    # proxy's HTML error page is a ServerError.
    counter.sandbox.inject("html", count=10, path="/vouchers/find")
    counter.type_scan(KNOWN.ACTIVE_WITH_CONTACT)
    await until(
        lambda: "kon niet worden" in counter.screen.banner.text,
        what=f"the error, not {counter.screen.banner.text!r}",
    )
    assert counter.screen.banner.text == (
        "Piggy kon het verzoek nu niet verwerken. Probeer het zo opnieuw. "
        f"De voucher ‘{KNOWN.ACTIVE_WITH_CONTACT}’ kon niet worden gecontroleerd."
    )
    await counter.settle()


async def _open_every_screen(window: MainWindow, sandbox_ready: Callable[[], bool]) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        await until(lambda: window.tasks.running == 0, what="the screen to load")
    await until(sandbox_ready, what="the lists to fill")
    window.promotions.select_promotion(window.promotions.model.promotion(0).uuid)
    await until(lambda: window.tasks.running == 0, what="the promotion's vouchers counted")


async def test_no_visible_text_is_left_in_english(dutch: None, counter: Counter) -> None:
    window = counter.window
    await counter.scan(KNOWN.ACTIVE_WITH_CONTACT)
    await _open_every_screen(
        window,
        lambda: window.vouchers.model.rowCount() > 0 and window.promotions.model.rowCount() > 0,
    )
    dialogs: list[QDialog] = [
        window.vouchers.open_create_dialog(),
        window.vouchers.open_batch_dialog(),
    ]
    window.tabs.setCurrentWidget(window.promotions)
    dialogs.append(window.promotions.open_create_dialog())
    texts = _visible_texts(window)
    for dialog in dialogs:
        texts += _visible_texts(dialog)
    # Qt's own standard buttons come from qtbase_nl.
    cancel = dialogs[0].findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Annuleren"
    for dialog in dialogs:
        dialog.reject()
    assert len(texts) > 150, "the walk found the window's texts"
    left = _untranslated(texts, _english_only())
    assert not left, "English on a Dutch screen:\n" + "\n".join(left)
    window.tabs.setCurrentWidget(window.counter)


def test_the_walk_would_see_an_untranslated_text(qapp: QApplication) -> None:
    """The check above is not blind: a text nobody translated is reported."""
    label = QLabel("Press Enter to confirm the redemption, or Esc to cancel.")
    button = QLabel("Kies een actie om de vouchers te zien.")
    assert _untranslated(_visible_texts(label), _english_only()) != []
    assert _untranslated(_visible_texts(button), _english_only()) == []


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [
        ("system", ["nl-BE", "nl", "en"], "nl"),
        ("system", ["de-DE", "en-GB"], "en"),
        ("system", ["fr-FR"], "en"),
        ("nl", ["en-US"], "nl"),
        ("en", ["nl-NL"], "en"),
    ],
)
def test_the_language_follows_the_system_unless_the_settings_say(
    setting: str, system: list[str], chosen: str
) -> None:
    assert choose_language(setting, system) == chosen


def test_dutch_dates_and_numbers_come_from_the_locale(dutch: None) -> None:
    moment = datetime(2026, 11, 24, 16, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert date_time_text(moment) == f"{local:%d-%m-%Y %H:%M}"
    assert date_text(local.date(), long=True).startswith(("maandag", "dinsdag", "woensdag"))
    assert QLocale().toString(1011) == "1.011"
    assert relative_hint(moment + timedelta(days=3), moment) == "over 3 dagen"
    assert relative_hint(moment - timedelta(hours=1), moment) == "1 uur geleden"
