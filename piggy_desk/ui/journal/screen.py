"""The Journal screen: today's counter entries and totals per promotion, for the end of a shift."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.counter.journal import Journal, JournalEntry, JournalTrouble, Outcome, as_trouble
from piggy_desk.notices import Tone
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_text, time_text, translate
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner, off_loop
from piggy_desk.ui.widgets import MessageBanner
from piggy_desk.ui.widgets.table import HeaderTableModel

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
Index = QModelIndex | QPersistentModelIndex


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first moment of ``day`` and of the day after, by this computer's time zone rules
    for each of those moments: a day the clocks move has 23 or 25 hours. (One fixed UTC
    offset, today's, cut an hour off or added one.)"""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start, end


class JournalModel(HeaderTableModel):
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

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[JournalEntry] = []

    def set_entries(self, entries: list[JournalEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> JournalEntry:
        return self._entries[row]

    def row_total(self) -> int:
        return len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self._entries[index.row()]
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
            return entry.times
        if column == 5:
            return self.tr(_OUTCOME_WORDS[entry.outcome])
        return entry.detail or ""


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
        self._trouble: JournalTrouble | None = None
        self.model = JournalModel()
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("journalTitle")
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setObjectName("journalRefresh")
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.refresh)
        self.table = QTableView(self)
        self.table.setObjectName("journalTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Counter journal"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("journalTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        # A journal that cannot be read is said here, with its Details for a manager.
        self.banner = MessageBanner(self, collapse_when_empty=True)
        self.banner.details_requested.connect(self._on_banner_details_requested)
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
        self._tasks.start(self.load(), name="journal-refresh")

    async def load(self, day: date | None = None) -> None:
        """Read the day's entries off the loop thread and show them."""
        day = day or date.today()
        start, end = local_day_bounds(day)
        try:
            entries = await off_loop(
                lambda: self._journal.entries_between(start, end), on=self._journal.executor
            )
        except (JournalTrouble, sqlite3.Error) as error:
            self._trouble = as_trouble(error, self._journal.path)
            self._messages.log_notice(self._trouble.sentence(translate), self._trouble)
            self.banner.show_notice(Tone.ERROR, self._trouble.sentence(translate), has_details=True)
            return
        self._trouble = None
        self.banner.clear()
        self.model.set_entries(entries)
        totals = self._journal.totals_by_promotion(entries)
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

    def _on_banner_details_requested(self) -> None:
        if self._trouble is not None:
            self._messages.show_details(self._trouble, parent=self)
