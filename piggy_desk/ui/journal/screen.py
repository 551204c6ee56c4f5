"""The Journal screen: today's counter entries and totals per promotion, for the end of a shift."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyError
from piggy_desk.api import errors as api_errors
from piggy_desk.counter.journal import (
    Journal,
    JournalEntry,
    JournalTrouble,
    Outcome,
    PromotionTotal,
)
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_text, time_text, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.speech import Announcer
from piggy_desk.ui.core.tasks import TaskRunner, ended
from piggy_desk.ui.journal.controller import JournalController
from piggy_desk.ui.widgets import action_button
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.table import ListTableModel, list_table

_ACTION_WORDS = {
    "lock": QT_TRANSLATE_NOOP("JournalModel", "Reserved"),
    "release": QT_TRANSLATE_NOOP("JournalModel", "Released"),
    "redeem": QT_TRANSLATE_NOOP("JournalModel", "Redeemed"),
    "multi_redeem": QT_TRANSLATE_NOOP("JournalModel", "Redeemed (several)"),
    "reverse": QT_TRANSLATE_NOOP("JournalModel", "Reversed"),
}
_OUTCOME_WORDS = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("JournalModel", "waiting for answer"),
    Outcome.OK: QT_TRANSLATE_NOOP("JournalModel", "done"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("JournalModel", "refused"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("JournalModel", "failed"),
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("JournalModel", "answer lost"),
}
# The journal keeps its notes in English for whoever reads the file; the tab says them in
# the person's language.
_DETAIL_WORDS = {
    "confirmed by a later find": QT_TRANSLATE_NOOP("JournalModel", "Confirmed by a later look-up"),
    "not redeemed (find)": QT_TRANSLATE_NOOP("JournalModel", "Not redeemed (a later look-up)"),
    "not reversed (find)": QT_TRANSLATE_NOOP("JournalModel", "Not reversed (a later look-up)"),
    "confirmed at the next start": QT_TRANSLATE_NOOP("JournalModel", "Confirmed at the next start"),
    "not redeemed (found at the next start)": QT_TRANSLATE_NOOP(
        "JournalModel", "Not redeemed (found at the next start)"
    ),
    "not reversed (found at the next start)": QT_TRANSLATE_NOOP(
        "JournalModel", "Not reversed (found at the next start)"
    ),
    "not redeemed (its lock still held at the next start)": QT_TRANSLATE_NOOP(
        "JournalModel", "Not redeemed (still reserved at the next start)"
    ),
    "cannot be told (found at the next start)": QT_TRANSLATE_NOOP(
        "JournalModel", "Could not be told at the next start"
    ),
    "one use of a voucher not used up": QT_TRANSLATE_NOOP(
        "JournalModel", "One use of a voucher not used up"
    ),
}
# A refusal or failure is kept as the error's name and Piggy's code: "NotEnoughRedemptions
# 80019", after a note and a colon when there is one.
_ERROR_DETAIL = re.compile(r"^(?:(?P<note>.+): )?(?P<name>[A-Z][A-Za-z]+)(?: (?P<code>\d+))?$")
# Actions that use a voucher (or give a use back); a reservation and its release use none.
_USING = frozenset({"redeem", "multi_redeem", "reverse"})

Index = QModelIndex | QPersistentModelIndex


def detail_text(detail: str | None) -> str:
    """A journal entry's detail as the person reads it: a known note or an error's
    sentence (with Piggy's code) in their language, anything else as it was kept."""
    if not detail:
        return ""
    if detail in _DETAIL_WORDS:
        return translate("JournalModel", _DETAIL_WORDS[detail])
    found = _ERROR_DETAIL.match(detail)
    error = getattr(api_errors, found["name"], None) if found else None
    if found is None or not (isinstance(error, type) and issubclass(error, PiggyError)):
        return detail
    sentence = translate("PiggyError", error.user_message)
    if found["code"]:
        sentence = translate("JournalModel", "{sentence} (Piggy code {code})").format(
            sentence=sentence, code=found["code"]
        )
    if found["note"]:
        note = found["note"]
        sentence = f"{translate('JournalModel', _DETAIL_WORDS.get(note, note))}: {sentence}"
    return sentence


class JournalModel(ListTableModel[JournalEntry]):
    """Journal entries as rows: time, what, code, promotion, uses, outcome, detail."""

    HEADERS = (
        QT_TRANSLATE_NOOP("JournalModel", "Time"),
        QT_TRANSLATE_NOOP("JournalModel", "What"),
        QT_TRANSLATE_NOOP("JournalModel", "Code"),
        QT_TRANSLATE_NOOP("JournalModel", "Promotion"),
        QT_TRANSLATE_NOOP("JournalModel", "Uses"),
        QT_TRANSLATE_NOOP("JournalModel", "Outcome"),
        QT_TRANSLATE_NOOP("JournalModel", "Detail"),
    )

    def set_entries(self, entries: list[JournalEntry]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> JournalEntry:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return time_text(entry.started_at, seconds=True)
        if column == 1:
            word = _ACTION_WORDS.get(entry.action.value)
            return self.tr(word) if word else entry.action.value
        if column == 2:
            return entry.code
        if column == 3:
            return entry.promotion_name or ""
        if column == 4:
            return entry.times if entry.action.value in _USING else ""
        if column == 5:
            return self.tr(_OUTCOME_WORDS[entry.outcome])
        return detail_text(entry.detail)


class JournalScreen(QWidget):
    """Today's journal; refreshed when shown and after every counter outcome."""

    def __init__(
        self,
        journal: Journal,
        tasks: TaskRunner,
        messages: MessagePath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalScreen")
        self._journal = journal
        self._tasks = tasks
        self._messages = messages or MessagePath(self)
        self.controller = JournalController(journal, self)
        self.controller.day_read.connect(self._on_controller_day_read)
        self.controller.reading_failed.connect(self._on_controller_reading_failed)
        self.model = JournalModel()
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("journalTitle")
        refresh = action_button(self, self.tr("Refresh"), "journalRefresh", self.refresh)
        self.table = list_table(self, "journalTable", self.model, self.tr("Counter journal"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("journalTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        # A journal that cannot be read is said here, with its Details for a manager.
        self.banner = MessageBanner(self, collapse_when_empty=True)
        # Its sentences are said where the focus is (the banner is never focused).
        self.banner.speak_through(Announcer(self.table, self))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Totals per promotion today:"), self))
        layout.addWidget(self.totals)

    def refresh(self) -> None:
        self.load()

    def load(self, day: date | None = None) -> asyncio.Future[Any]:
        """Read the day's entries (today's) off the loop thread and show them; what it gives
        back ends once they are shown or the failure is said. A later load supersedes it."""
        task = self._tasks.start(
            self.controller.read_day(day or date.today()), name="journal-refresh"
        )
        return ended(task)

    def _on_controller_day_read(
        self, day: date, entries: list[JournalEntry], totals: list[PromotionTotal]
    ) -> None:
        self.banner.clear()
        self.model.set_entries(entries)
        self.title.setText(
            self.tr("Counter journal for {day}: %Ln entries", "", len(entries)).format(
                day=date_text(day, long=True)
            )
        )
        lines = []
        for total in totals:
            line = self.tr("{promotion}: %Ln redeemed", "", total.redemptions).format(
                promotion=total.promotion_name
            )
            if total.reversals:
                line += self.tr(", %Ln reversed", "", total.reversals)
            lines.append(line)
        self.totals.setText("\n".join(lines) or self.tr("Nothing redeemed yet today."))

    def _on_controller_reading_failed(self, trouble: JournalTrouble) -> None:
        self._messages.log_notice(trouble.sentence(translate), trouble)
        self.banner.show_error(trouble)
