"""Languages: English (the source texts) and Dutch, chosen at start-up.

The program's own translations are ``piggy_desk/resources/translations/piggy_desk_<code>.qm``,
built from ``resources/translations/*.ts`` by ``scripts/translations.py build`` (and by the
package and bundle builds). Qt's own (``qtbase_<code>.qm``: the Yes/Cancel/Close of standard
dialogs) come from PySide6 when they are there.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from piggy_desk.api import PiggyError
from piggy_desk.texts import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # for the ui modules

log = logging.getLogger("piggy_desk.ui")

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
SUPPORTED = ("en", "nl")
SOURCE_LANGUAGE = "en"
ERROR_CONTEXT = "PiggyError"

_installed: list[QTranslator] = []


def choose_language(setting: str, ui_languages: Sequence[str] | None = None) -> str:
    """The language to show: the setting when it names one we ship, else the first of the
    system's languages we ship, else English."""
    if setting in SUPPORTED:
        return setting
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, setting: str = "system") -> str:
    """Install the translators for ``setting`` ("system" or a language code) and make
    ``QLocale()`` (dates, times, numbers) match; returns the language code used.

    Call it before any widget is built: texts are translated when widgets are made.
    """
    language = choose_language(setting)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    system = QLocale.system()
    # Keep the system's country (nl-BE, en-GB; English on a Dutch system: en-NL, with Dutch
    # date order) so dates and numbers read as the shop is used to.
    if QLocale.languageToCode(system.language()) == language:
        QLocale.setDefault(system)
    elif system.territory() != QLocale.Country.AnyTerritory:
        QLocale.setDefault(QLocale(QLocale(language).language(), system.territory()))
    else:
        QLocale.setDefault(QLocale(language))
    # English too: its translation gives the plural forms of the English source texts.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"piggy_desk_{language}", None)):
        translator = QTranslator(app)
        where = str(folder if folder is not None else TRANSLATIONS_DIR)
        if translator.load(name, where):
            app.installTranslator(translator)
            _installed.append(translator)
        elif folder is None:
            log.warning("no translation %s in %s: texts stay English", name, where)
    return language


def missing_translations() -> list[str]:
    """What of the shipped translations cannot be loaded (for the self-test): an installed
    program or bundle must carry every .qm and Qt's ``qtbase`` ones for its buttons."""
    problems = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in SUPPORTED:
        ours = QTranslator()
        if not ours.load(f"piggy_desk_{language}", str(TRANSLATIONS_DIR)):
            problems.append(f"piggy_desk_{language}.qm is not in {TRANSLATIONS_DIR}")
        elif not ours.translate(ERROR_CONTEXT, "This voucher has expired."):
            problems.append(f"piggy_desk_{language}.qm has no texts")
        if language != SOURCE_LANGUAGE and not QTranslator().load(f"qtbase_{language}", qt_dir):
            problems.append(f"qtbase_{language}.qm is not in {qt_dir}")
    return problems


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` with two arguments: what the Qt-free layers are given."""
    return QCoreApplication.translate(context, text)


def time_text(moment: datetime, *, seconds: bool = False) -> str:
    """A moment's local time of day as the person's locale writes it (17:05, 5:05 PM)."""
    local = moment.astimezone()
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss")
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)


def _four_digit_year(pattern: str) -> str:
    """A date pattern with the year in full: the short formats of some locales (English
    as the C/POSIX locale gives it: 11/22/26) write two digits."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_time_text(moment: datetime | None, *, full_year: bool = False) -> str:
    """A moment in local time, short, as the person's locale writes it (24-11-2026 17:05);
    "" for none. ``full_year``: with a four-digit year where the locale writes two
    (11/24/2026 5:05 PM for English as the C/POSIX locale gives it, not 11/24/26)."""
    if moment is None:
        return ""
    local = moment.astimezone()
    locale = QLocale()
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(
        QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute, local.second),
        ),
        _four_digit_year(pattern) if full_year else pattern,
    )


def date_text(day: date, *, long: bool = False) -> str:
    """A date as the person's locale writes it (short: 24-11-2026, with a four-digit year;
    long: with the weekday)."""
    locale = QLocale()
    when = QDate(day.year, day.month, day.day)
    if long:
        return locale.toString(when, QLocale.FormatType.LongFormat)
    return locale.toString(
        when, _four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    )


def error_text(error: PiggyError) -> str:
    """An error's sentence for the person at the screen, in their language."""
    return QCoreApplication.translate(ERROR_CONTEXT, error.user_message)
