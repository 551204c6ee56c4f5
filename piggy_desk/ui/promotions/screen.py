"""The Promotions screen: every promotion in a sortable table, the selected one's details
with a bar chart of its vouchers (``chart``), and New promotion… (``dialogs``). The work is
the controller's (``controller``); the table's rows are ``model``'s; how a promotion is
said and Piggy's checks on a new one are ``texts``'."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import PiggyClient, PiggyError, Promotion
from piggy_desk.notices import Tone
from piggy_desk.ui.core.accessibility import label_controls
from piggy_desk.ui.core.i18n import error_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.speech import Announcer
from piggy_desk.ui.core.tasks import TaskRunner, ended
from piggy_desk.ui.promotions.chart import VoucherChart, VoucherCounts
from piggy_desk.ui.promotions.controller import PromotionsController
from piggy_desk.ui.promotions.dialogs import CreatePromotionDialog
from piggy_desk.ui.promotions.model import SORT_ROLE, PromotionsModel
from piggy_desk.ui.promotions.texts import PromotionDraft, duration_text, kind_text, uses_text
from piggy_desk.ui.widgets import action_button
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.facts import FactsSheet
from piggy_desk.ui.widgets.row_menu import RowMenu
from piggy_desk.ui.widgets.table import list_table

LOAD_TASK = "promotions-load"


COUNT_TASK = "promotion-counts"


CREATE_TASK = "promotion-create"


class PromotionsScreen(QWidget):
    """The manager's promotions: a sortable table, the selected one's details and voucher
    chart, and "New promotion…". Problems show as a sentence with Details, never a trace.

    Signals:
        promotion_selected(object): the promotion now shown in the details (None for none).
        promotion_created(Promotion): a promotion was created from this screen.
    """

    promotion_selected = Signal(object)
    promotion_created = Signal(object)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        messages: MessagePath,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promotionsScreen")
        self._tasks = tasks
        self._messages = messages
        self._select_after_load: str | None = None
        self._shown_uuid: str | None = None
        self._loaded = False
        self.create_dialog: CreatePromotionDialog | None = None
        self.controller = PromotionsController(client, self)
        self.model = PromotionsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._setup_ui()
        self.controller.promotions_loaded.connect(self._on_controller_promotions_loaded)
        self.controller.loading_failed.connect(self._on_controller_loading_failed)
        self.controller.counts_loaded.connect(self._on_controller_counts_loaded)
        self.controller.counting_failed.connect(self._on_controller_counting_failed)
        self.controller.promotion_created.connect(self._on_controller_promotion_created)
        self.controller.creation_failed.connect(self._on_controller_creation_failed)
        self._show_details(None)

    def _setup_ui(self) -> None:
        self.title = QLabel(self.tr("Promotions"), self)
        self.title.setObjectName("promotionsTitle")
        self.refresh_button = action_button(
            self, self.tr("Refresh"), "refreshPromotionsButton", self._on_refresh_button_clicked
        )
        self.new_button = action_button(
            self, self.tr("New promotion…"), "newPromotionButton", self._on_new_button_clicked
        )
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.new_button)

        self.banner = MessageBanner(self)
        self.banner.hide()

        self.table = list_table(
            self,
            "promotionsTable",
            self.proxy,
            self.tr("Promotions"),
            selection=QAbstractItemView.SelectionMode.SingleSelection,
        )
        # Its sentences are said where the focus is (the banner is never focused).
        self.banner.speak_through(Announcer(self.table, self))
        self.table.setAccessibleDescription(self.tr("Arrow keys choose a promotion to see it"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.row_menu = RowMenu(self.table, (self.refresh_button, self.new_button))

        self.details = QStackedWidget(self)
        self.details.setObjectName("promotionDetails")
        self.placeholder = QLabel(self.details)
        self.placeholder.setObjectName("promotionPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.details.addWidget(self.placeholder)
        self.details.addWidget(self._details_page())

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("promotionsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        # Tab in the order the screen is read: the buttons above the table, the table, its
        # details and the chart (after the splitter took the table, which reorders the
        # chain). Focus still arrives in the table (the main window puts it there: as a
        # focus proxy the table came first after the tab bar and Tab skipped the buttons).
        details = self.banner.findChild(QPushButton, "detailsButton")
        chain = [self.refresh_button, self.new_button, details, self.table, self.details_page]
        for before, after in itertools.pairwise([w for w in [*chain, self.chart] if w]):
            QWidget.setTabOrder(before, after)

    def _details_page(self) -> QWidget:
        page = QFrame(self.details)
        page.setObjectName("promotionDetailsPage")
        # One Tab stop a screen reader reads whole (its facts are labels, out of reach).
        page.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details_page = page
        self.detail_name = QLabel(page)
        self.detail_name.setObjectName("detailName")
        self.detail_name.setWordWrap(True)
        self.detail_name.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_description = QLabel(page)
        self.detail_description.setObjectName("detailDescription")
        self.detail_description.setWordWrap(True)
        self.detail_description.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = FactsSheet(page, name_prefix="detail_")
        for key, label in (
            ("voucher_limit", self.tr("Voucher limit:")),
            ("limit_per_contact", self.tr("Per customer:")),
            ("validity", self.tr("Valid for:")),
            ("type", self.tr("Type:")),
            ("uses", self.tr("Uses per voucher:")),
            ("uuid", self.tr("ID:")),
        ):
            # An id is one word: wrapped at its hyphens, its second line was cut off.
            self.facts.add_fact(key, label, wrap=key != "uuid", selectable=True)
        self.detail_values = self.facts.values
        self.facts.add_heading(self.tr("Custom attributes"))
        left = QVBoxLayout()
        left.addWidget(self.detail_name)
        left.addWidget(self.detail_description)
        left.addWidget(self.facts)
        left.addStretch(1)

        chart_heading = QLabel(self.tr("Vouchers"), page)
        chart_heading.setObjectName("detailsHeading")
        self.chart = VoucherChart(page)
        right = QVBoxLayout()
        right.addWidget(chart_heading)
        right.addWidget(self.chart)
        right.addStretch(1)

        row = QHBoxLayout(page)
        row.addLayout(left, 1)
        row.addSpacing(16)
        row.addLayout(right, 1)
        return page

    @property
    def current_promotion(self) -> Promotion | None:
        """The promotion shown in the details, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.promotion(self.proxy.mapToSource(index).row())

    def refresh(self) -> None:
        """Load the promotions again (the selection stays where it was)."""
        self._tasks.start(self.controller.load_promotions(), name=LOAD_TASK)

    def load(self) -> asyncio.Future[Any]:
        """Load the promotions and show them; what it gives back ends once they are shown
        (or the load failed and says so). A later refresh supersedes this one."""
        return ended(self._tasks.start(self.controller.load_promotions(), name=LOAD_TASK))

    def select_promotion(self, promotion_uuid: str) -> bool:
        """Select the promotion with this id in the table; False when it is not listed."""
        row = self.model.row_of(promotion_uuid)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def open_create_dialog(self) -> CreatePromotionDialog:
        """Open the create dialog (window-modal, never ``exec``); the open one if there is one."""
        if self.create_dialog is not None:
            self.create_dialog.raise_()
            self.create_dialog.activateWindow()
            return self.create_dialog
        dialog = CreatePromotionDialog(self)
        dialog.taken_names = lambda: (promotion.name for promotion in self.model.rows)
        dialog.submitted.connect(self._on_dialog_submitted)
        dialog.finished.connect(self._on_dialog_finished)
        self.create_dialog = dialog
        label_controls(dialog)
        dialog.open()
        # The name first (Qt gave the focus to the default button, Create promotion).
        dialog.name_input.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    # --- slots ------------------------------------------------------------------------

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_new_button_clicked(self) -> None:
        self.open_create_dialog()

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        promotion = self.current_promotion
        uuid = promotion.uuid if promotion is not None else None
        if uuid == self._shown_uuid:
            return  # the same promotion, moved by sorting
        self._shown_uuid = uuid
        self._show_details(promotion)
        self.promotion_selected.emit(promotion)
        if promotion is None:
            return
        self.chart.show_message(self.tr("Counting vouchers…"))
        self._tasks.start(self.controller.count_vouchers(promotion), name=COUNT_TASK)

    def _on_controller_promotions_loaded(self, promotions: list[Promotion]) -> None:
        shown = self.current_promotion
        wanted = self._select_after_load or (shown.uuid if shown else None)
        self._select_after_load = None
        self._shown_uuid = None  # shown again, counted again
        self._loaded = True
        self.model.set_promotions(promotions)
        self.title.setText(self.tr("Promotions ({count})").format(count=len(promotions)))
        columns = self.table.horizontalHeader()
        self.table.resizeColumnToContents(0)
        columns.resizeSection(0, min(max(columns.sectionSize(0), 160), 320))
        if self.banner.tone == Tone.ERROR:
            self.banner.clear()
            self.banner.hide()
        if not (wanted and self.select_promotion(wanted)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        if not self.proxy.rowCount():
            self._show_details(None)

    def _on_controller_loading_failed(self, error: PiggyError) -> None:
        self._say(
            Tone.ERROR,
            self.tr("The promotions could not be loaded. {problem}").format(
                problem=error_text(error)
            ),
            error,
        )
        if not self.model.rowCount():
            self.placeholder.setText(self.tr("The promotions could not be loaded."))

    def _on_controller_counts_loaded(self, counts: VoucherCounts) -> None:
        shown = self.current_promotion
        if shown is not None and shown.uuid == counts.promotion_uuid:
            self.chart.set_counts(counts)

    def _on_controller_counting_failed(self, promotion_uuid: str, error: PiggyError) -> None:
        shown = self.current_promotion
        if shown is None or shown.uuid != promotion_uuid:
            return
        self.chart.show_message(self.tr("The vouchers could not be counted."))
        self._say(
            Tone.ERROR,
            self.tr("The vouchers of “{name}” could not be counted. {problem}").format(
                name=shown.name, problem=error_text(error)
            ),
            error,
        )

    def _on_dialog_submitted(self, draft: PromotionDraft) -> None:
        if self.create_dialog is not None:
            self.create_dialog.set_busy(True)
        self._tasks.start(self.controller.create_promotion(draft), name=CREATE_TASK)

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.create_dialog = self.create_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_controller_promotion_created(self, promotion: Promotion) -> None:
        if self.create_dialog is not None:
            self.create_dialog.accept()
        self._say(
            Tone.SUCCESS,
            self.tr("The promotion “{name}” was created.").format(name=promotion.name),
            None,
        )
        self._select_after_load = promotion.uuid
        self.refresh()
        self.promotion_created.emit(promotion)

    def _on_controller_creation_failed(self, error: PiggyError) -> None:
        dialog = self.create_dialog
        if dialog is not None:
            dialog.set_busy(False)
        if dialog is not None and error.field_errors:
            dialog.show_problems(error.field_errors)
            unplaced = [
                " ".join(problems)
                for field, problems in error.field_errors.items()
                if field not in dialog.errors
            ]
            dialog.show_failure(
                " ".join(unplaced)
                if unplaced
                else self.tr("Piggy did not accept some details: see below."),
                error,
            )
            return
        if error.ambiguous:
            sentence = self.tr(
                "Piggy did not confirm the new promotion. {problem} "
                "It may have been made: check the list before you try again."
            ).format(problem=error_text(error))
            self.refresh()
        else:
            sentence = self.tr("The promotion was not created. {problem}").format(
                problem=error_text(error)
            )
        if dialog is not None:
            dialog.show_failure(sentence, error)
        else:
            self._say(Tone.ERROR, sentence, error)

    # --- rendering ----------------------------------------------------------------------

    def _say(self, tone: Tone, sentence: str, error: PiggyError | None) -> None:
        if error is None:
            self.banner.show_notice(tone, sentence)
        else:
            self.banner.show_error(error, sentence, tone=tone)
            self._messages.log_notice(sentence, error)

    def _show_details(self, promotion: Promotion | None) -> None:
        if promotion is None:
            if not self._loaded:
                text = self.tr("The promotions have not been loaded yet.")
            elif self.model.rowCount():
                text = self.tr("Select a promotion in the table to see its details.")
            else:
                text = self.tr("No promotions yet. Make one with “New promotion…”.")
            self.placeholder.setText(text)
            self.details.setCurrentWidget(self.placeholder)
            self.chart.show_message(self.tr("Select a promotion to see its vouchers."))
            return
        self.details.setCurrentIndex(1)
        self.detail_name.setText(promotion.name)
        self.detail_description.setText(promotion.description)
        limit = promotion.voucher_limit
        self.facts.set_fact(
            "voucher_limit",
            self.tr("no limit") if limit is None else self.tr("%Ln voucher(s)", "", limit),
        )
        per_contact = promotion.limit_per_contact
        self.facts.set_fact(
            "limit_per_contact",
            self.tr("no limit")
            if per_contact is None
            else self.tr("%Ln voucher(s) per customer", "", per_contact),
        )
        self.facts.set_fact("validity", duration_text(promotion.expiration_duration))
        self.facts.set_fact("uses", uses_text(promotion))
        self.facts.set_fact("type", kind_text(promotion))
        self.facts.set_fact("uuid", promotion.uuid)
        self.facts.clear_rows()
        if not promotion.attributes:
            none = QLabel(self.tr("none"), self)
            none.setObjectName("attributesNone")
            self.facts.add_row("", none)
        for key, value in promotion.attributes.items():
            shown = QLabel("—" if value is None or value == "" else str(value), self)
            shown.setObjectName(f"attribute_{key}")
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            key_label = QLabel(f"{key}:", self)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            self.facts.add_row(key_label, shown)
        self.details_page.setAccessibleName(self._details_text())

    def _details_text(self) -> str:
        """The details as one text, in the order they are shown."""
        parts = [self.detail_name.text(), self.detail_description.text(), *self.facts.lines()]
        return ". ".join(part.rstrip(".") for part in parts if part) + "."
