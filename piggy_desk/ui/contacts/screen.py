"""The Contacts screen: find a customer by e-mail or loyalty card, see their card and every
voucher they hold, and hand them to the counter."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from piggy_desk.api import (
    Contact,
    ContactIdentifierInactive,
    ContactNotFound,
    PiggyClient,
    PiggyError,
    Voucher,
)
from piggy_desk.notices import Tone, tone_of
from piggy_desk.ui.contacts.controller import ContactsController
from piggy_desk.ui.contacts.search import MAX_SEARCH_FIELD, ContactQuery, SearchKind
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP, date_time_text, error_text
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.speech import Announcer, Urgency
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.widgets import action_button, status_look
from piggy_desk.ui.widgets.banner import MessageBanner
from piggy_desk.ui.widgets.row_menu import RowMenu
from piggy_desk.ui.widgets.table import (
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    VOUCHER_ROW_ROLES,
    HeaderTableModel,
    list_table,
)

MAX_PAGE_SIZE = 500
SEARCH_TASK = "contacts-search"

Index = QModelIndex | QPersistentModelIndex


class ContactVouchersModel(HeaderTableModel):
    """One customer's vouchers as rows: code, promotion, status word, expiry, redeemed at.

    Rows arrive page by page through ``append`` (inserted, never a reset per page); a
    voucher already present is skipped, so a page that shifted between requests cannot
    show a voucher twice.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("ContactVouchersModel", "Code"),
        QT_TRANSLATE_NOOP("ContactVouchersModel", "Promotion"),
        QT_TRANSLATE_NOOP("ContactVouchersModel", "Status"),
        QT_TRANSLATE_NOOP("ContactVouchersModel", "Expires"),
        QT_TRANSLATE_NOOP("ContactVouchersModel", "Used on"),
    )
    CODE, PROMOTION, STATUS, EXPIRES, REDEEMED = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vouchers: list[Voucher] = []
        self._uuids: set[str] = set()

    def clear(self) -> None:
        """Forget every row (a new customer is about to be shown)."""
        if not self._vouchers:
            return
        self.beginResetModel()
        self._vouchers.clear()
        self._uuids.clear()
        self.endResetModel()

    def append(self, vouchers: Iterable[Voucher]) -> int:
        """Add the vouchers not shown yet at the end; return how many were added."""
        fresh: list[Voucher] = []
        for voucher in vouchers:
            if voucher.uuid not in self._uuids:
                self._uuids.add(voucher.uuid)
                fresh.append(voucher)
        if fresh:
            first = len(self._vouchers)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._vouchers.extend(fresh)
            self.endInsertRows()
        return len(fresh)

    def voucher(self, row: int) -> Voucher:
        return self._vouchers[row]

    @property
    def vouchers(self) -> tuple[Voucher, ...]:
        return tuple(self._vouchers)

    # --- Qt overrides -------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._vouchers)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        if (
            role not in VOUCHER_ROW_ROLES
            or not index.isValid()
            or index.row() >= len(self._vouchers)
        ):
            return None
        voucher = self._vouchers[index.row()]
        column = index.column()
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self._text(voucher, column, role == TOOLTIP_ROLE)
        if role == FOREGROUND_ROLE:
            return QColor(status_look(voucher.status).colour) if column == self.STATUS else None
        return voucher  # USER_ROLE

    def _text(self, voucher: Voucher, column: int, tooltip: bool) -> str:
        if column == self.CODE:
            return voucher.code
        if column == self.PROMOTION:
            promotion = voucher.promotion
            name = (promotion.name if promotion and promotion.name else voucher.name) or ""
            if tooltip and promotion and promotion.description:
                return f"{name}: {promotion.description}"
            return name
        if column == self.STATUS:
            return status_look(voucher.status).word
        if column == self.EXPIRES:
            return date_time_text(voucher.expiration_date) or ("" if tooltip else self.tr("Never"))
        return date_time_text(voucher.redeemed_at)


class ContactsScreen(QWidget):
    """Find a customer (e-mail address, or a loyalty card scanned or typed) and show their
    card with all their vouchers, loaded page by page without blocking the window.

    A new search cancels the unfinished one. Problems show as one sentence on the banner,
    with Details for a manager. A scan typed while the table or a button has focus still
    lands in the search field.

    Signals:
        contact_chosen_for_counter(Contact): "Use on the counter" was pressed for the
            customer shown.
    """

    contact_chosen_for_counter = Signal(object)

    def __init__(
        self,
        client: PiggyClient,
        tasks: TaskRunner,
        messages: MessagePath,
        parent: QWidget | None = None,
        *,
        page_size: int = MAX_PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be from 1 to {MAX_PAGE_SIZE}")
        self.setObjectName("contactsScreen")
        self._client = client
        self._tasks = tasks
        self._messages = messages
        self._page_size = page_size
        self._contact: Contact | None = None
        self._search_task: asyncio.Task[None] | None = None
        # The counter's shop, for the name on a printed slip (the window sets it).
        self.shop_uuid: Callable[[], str | None] = lambda: None
        self.model = ContactVouchersModel(self)
        self._added = 0  # rows the page being loaded added
        self._page_in_view = True  # whether its rows come into view (the list ends in view)
        self.controller = ContactsController(client, self)
        for signal, slot in (
            (self.controller.search_refused, self._on_controller_search_refused),
            (self.controller.looking_up, self._on_controller_looking_up),
            (self.controller.lookup_failed, self._on_controller_lookup_failed),
            (self.controller.voucher_scanned, self._on_controller_voucher_scanned),
            (self.controller.card_not_linked, self._on_controller_card_not_linked),
            (self.controller.contact_found, self._on_controller_contact_found),
            (self.controller.page_asked, self._on_controller_page_asked),
            (self.controller.vouchers_arrived, self._on_controller_vouchers_arrived),
            (self.controller.page_done, self._on_controller_page_done),
            (self.controller.vouchers_failed, self._on_controller_vouchers_failed),
            (self.controller.too_many_pages, self._on_controller_too_many_pages),
            (self.controller.vouchers_loaded, self._on_controller_vouchers_loaded),
        ):
            signal.connect(slot)
        self._setup_ui()
        self._show_contact(None)
        self._say(None)

    def _setup_ui(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("contactSearch")
        self.search_field.setPlaceholderText(self.tr("E-mail address or scan a loyalty card"))
        self.search_field.setAccessibleName(self.tr("Customer e-mail address or loyalty card"))
        self.search_field.setMaxLength(MAX_SEARCH_FIELD)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self._on_search_field_return_pressed)
        self.find_button = action_button(
            self, self.tr("Find"), "contactFindButton", self._on_find_button_clicked
        )
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.find_button)

        self.banner = MessageBanner(self)
        # What a search found is said through the search field, which keeps the focus.
        self.announcer = Announcer(self.search_field, self)
        self.banner.speak_through(self.announcer)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("contactBusy")
        self.busy_label.hide()

        self.placeholder = QLabel(
            self.tr("Find a customer by e-mail address or loyalty card."), self
        )
        self.placeholder.setObjectName("contactPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.card = QFrame(self)
        self.card.setObjectName("contactCard")
        self.email_label = QLabel(self.card)
        self.email_label.setObjectName("contactEmail")
        self.email_label.setTextFormat(Qt.TextFormat.PlainText)
        self.email_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.uuid_label = QLabel(self.card)
        self.uuid_label.setObjectName("contactUuid")
        self.uuid_label.setTextFormat(Qt.TextFormat.PlainText)
        self.uuid_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.found_by_label = QLabel(self.card)
        self.found_by_label.setObjectName("contactFoundBy")
        self.found_by_label.setTextFormat(Qt.TextFormat.PlainText)
        self.use_on_counter_button = action_button(
            self.card, self.tr("Use on the counter"), "useOnCounterButton"
        )
        self.use_on_counter_button.clicked.connect(self._on_use_on_counter_button_clicked)
        self.print_button = action_button(
            self.card, self.tr("Print vouchers…"), "printContactVouchersButton"
        )
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.print_button.setToolTip(
            self.tr("The chosen vouchers, or all of this customer's when none is chosen")
        )
        for button in (self.find_button, self.use_on_counter_button, self.print_button):
            button.setMinimumHeight(44)
        self.count_label = QLabel(self.card)
        self.count_label.setObjectName("contactVoucherCount")
        self.table = list_table(
            self.card,
            "contactVouchers",
            self.model,
            self.tr("The customer's vouchers"),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,  # print the chosen
        )
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            ContactVouchersModel.PROMOTION, QHeaderView.ResizeMode.Stretch
        )
        # Column widths from the rows in view, not from the first thousand (each page
        # measured every row shown so far, through Python, four columns: tens of ms).
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        # The screen's one action on what the table shows: this customer on the counter.
        self.row_menu = RowMenu(self.table, (self.use_on_counter_button, self.print_button))

        who = QVBoxLayout()
        who.addWidget(self.email_label)
        who.addWidget(self.uuid_label)
        who.addWidget(self.found_by_label)
        top = QHBoxLayout()
        top.addLayout(who, 1)
        top.addWidget(self.use_on_counter_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.addLayout(top)
        card_layout.addSpacing(8)
        card_layout.addWidget(self.count_label)
        card_layout.addWidget(self.table, 1)

        for widget in (self.table, self.find_button, self.use_on_counter_button, self.print_button):
            widget.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.card, 1)

    @property
    def contact(self) -> Contact | None:
        """The customer shown, or None."""
        return self._contact

    @property
    def loading(self) -> bool:
        """Whether a search or its vouchers are still on their way."""
        return self._search_task is not None and not self._search_task.done()

    def search(self, text: str) -> asyncio.Task[None]:
        """Look up what ``text`` names and show that customer and their vouchers.

        Cancels a search still running. The returned task can be awaited; it never raises
        for a refusal or a network problem (those go to the banner).
        """
        # The last search's customer and sentence go at once, not when the new one starts.
        self._show_contact(None)
        self._say(None)
        self._set_busy(None)
        self._search_task = self._tasks.start(
            self.controller.search(text, self._page_size), name=SEARCH_TASK
        )
        return self._search_task

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_field.selectAll()

    # --- what the controller found ----------------------------------------------------

    def _on_controller_search_refused(self, sentence: str) -> None:
        self._say(Tone.REFUSAL, sentence)

    def _on_controller_looking_up(self) -> None:
        self._set_busy(self.tr("Looking up the customer…"))

    def _on_controller_lookup_failed(self, error: PiggyError, query: ContactQuery) -> None:
        self._set_busy(None)
        self._say(tone_of(error), self._sentence(error, query), error)

    def _on_controller_voucher_scanned(self, voucher: Voucher, error: PiggyError) -> None:
        self._set_busy(None)
        sentence = self.tr(
            "“{code}” is a voucher code, not a loyalty card: the Counter screen checks and "
            "redeems vouchers. To find a customer, scan their loyalty card or type their e-mail "
            "address."
        )
        self._say(Tone.REFUSAL, sentence.format(code=voucher.code), error)

    def _on_controller_card_not_linked(self) -> None:
        self._set_busy(None)
        self._say(
            Tone.REFUSAL,
            self.tr(
                "This loyalty card is not linked to a customer yet. "
                "Search by their e-mail address instead."
            ),
        )

    def _on_controller_contact_found(self, contact: Contact, query: ContactQuery) -> None:
        self._set_busy(None)
        self._show_contact(contact, query)

    def _on_controller_page_asked(self, total: int | None) -> None:
        self.count_label.setText(self._progress_text(total))
        self._added = 0
        # The columns fit the rows in view: a page whose rows all go below them (the list
        # fills the view already) changes none of them, and fitting costs 4-8 ms.
        self._page_in_view = self.table.last_row_in_view() < 0

    def _on_controller_vouchers_arrived(self, vouchers: list[Voucher]) -> None:
        self._added += self.model.append(vouchers)

    def _on_controller_page_done(self) -> None:
        if self._added and self._page_in_view:
            self._fit_columns()

    def _on_controller_vouchers_failed(self, error: PiggyError, total: int | None) -> None:
        self.count_label.setText(self._partial_text(total))
        if self.model.rowCount():
            sentence = self.tr(
                "{problem} Not all of this customer's vouchers could be loaded; "
                "search again to retry."
            )
        else:
            sentence = self.tr(
                "{problem} None of this customer's vouchers could be loaded; search again to retry."
            )
        self._say(tone_of(error), sentence.format(problem=error_text(error)), error)

    def _on_controller_too_many_pages(self, pages: int) -> None:
        self._say(
            Tone.ERROR,
            self.tr("Piggy kept sending pages; stopped after {pages}.").format(
                pages=QLocale().toString(pages)
            ),
        )

    def _on_controller_vouchers_loaded(self) -> None:
        self.count_label.setText(self._vouchers_text(self.model.rowCount()))
        self.announcer.say(
            f"{self.card.accessibleDescription()}: {self.count_label.text()}.", Urgency.CARD
        )

    # --- showing -----------------------------------------------------------------------

    def _show_contact(self, contact: Contact | None, query: ContactQuery | None = None) -> None:
        self._contact = contact
        self.model.clear()
        self._fit_columns()
        self.placeholder.setVisible(contact is None)
        self.card.setVisible(contact is not None)
        self.use_on_counter_button.setEnabled(contact is not None)
        if contact is None:
            self.email_label.clear()
            self.uuid_label.clear()
            self.found_by_label.clear()
            self.count_label.clear()
            return
        self.email_label.setText(contact.email or self.tr("No e-mail address"))
        self.email_label.setProperty("missing", contact.email is None)
        self.email_label.style().unpolish(self.email_label)
        self.email_label.style().polish(self.email_label)
        self.uuid_label.setText(self.tr("Customer id: {id}").format(id=contact.uuid))
        found_by = (
            self.tr("Found by loyalty card {card}").format(card=query.value)
            if query is not None and query.kind is SearchKind.CARD
            else ""
        )
        self.found_by_label.setText(found_by)
        self.found_by_label.setVisible(bool(found_by))
        self.card.setAccessibleDescription(
            self.tr("Customer {customer}").format(customer=contact.email or contact.uuid)
        )

    def _fit_columns(self) -> None:
        # ResizeToContents sections are not re-measured when rows are inserted (only on a
        # reset), so the columns are fitted here; the promotion column takes the rest.
        for column in range(self.model.columnCount()):
            if column != ContactVouchersModel.PROMOTION:
                self.table.resizeColumnToContents(column)

    def _partial_text(self, total: int | None) -> str:
        shown = self.model.rowCount()
        if shown == 0:
            return self.tr("The vouchers could not be loaded.")
        if total is not None:
            return self.tr(
                "{shown} of %Ln voucher(s) shown; the rest could not be loaded.", "", total
            ).format(shown=QLocale().toString(shown))
        return self.tr("%Ln voucher(s) shown; the rest could not be loaded.", "", shown)

    def _progress_text(self, total: int | None) -> str:
        loaded = self.model.rowCount()
        if total is None:
            return self.tr("Loading vouchers…")
        locale = QLocale()
        return self.tr("Loading vouchers… {loaded} of {total}").format(
            loaded=locale.toString(loaded), total=locale.toString(total)
        )

    def _vouchers_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No vouchers")
        return self.tr("%Ln voucher(s)", "", count)

    def _sentence(self, error: PiggyError, query: ContactQuery) -> str:
        if isinstance(error, ContactNotFound) and query.kind is SearchKind.EMAIL:
            return self.tr("No customer with this e-mail address is known to Piggy.")
        if isinstance(error, ContactIdentifierInactive):
            return self.tr("{problem} Search by the customer's e-mail address instead.").format(
                problem=error_text(error)
            )
        return error_text(error)

    def _set_busy(self, text: str | None) -> None:
        self.busy_label.setText(text or "")
        self.busy_label.setVisible(bool(text))

    def _say(self, tone: Tone | None, sentence: str = "", error: PiggyError | None = None) -> None:
        self.banner.setVisible(tone is not None)
        if tone is None:
            self.banner.clear()
        elif error is None:
            self.banner.show_notice(tone, sentence)
        else:
            self.banner.show_error(error, sentence, tone=tone)
            self._messages.log_notice(sentence, error)

    # --- slots -------------------------------------------------------------------------

    def _on_search_field_return_pressed(self) -> None:
        self.search(self.search_field.text())
        self.search_field.selectAll()  # the next scan replaces this one

    def _on_find_button_clicked(self) -> None:
        self.search(self.search_field.text())
        self.focus_search()

    def _on_use_on_counter_button_clicked(self) -> None:
        if self._contact is not None:
            self.contact_chosen_for_counter.emit(self._contact)

    def _on_print_button_clicked(self) -> None:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        vouchers = [self.model.voucher(row) for row in rows] or list(self.model.vouchers)
        if not vouchers:
            self._say(Tone.INFO, self.tr("This customer has no vouchers to print."))
        else:
            from piggy_desk.ui import printing  # QtPrintSupport: when first used

            self._tasks.start(
                printing.open_print_dialog(
                    self._client, self, vouchers, shop_uuid=self.shop_uuid()
                ),
                name="contacts-print",
            )

    # --- Qt overrides ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A card scanned while the table or a button has focus would go to the table's
        # keyboard search, and be lost: its characters go to the search field instead.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if not text or not text.isprintable() or text.isspace() or modifiers:
            return False  # navigation, shortcuts and Space keep working as usual
        if self.focusWidget() is not self.search_field:
            self.focus_search()  # the scan replaces what was searched before
        self.search_field.insert(text)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()
