"""The main window: the counter first, the journal beside it, a training banner on the sandbox."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QStyle, QVBoxLayout, QWidget

from piggy_desk.counter.connection import Connection, ConnectionWatch
from piggy_desk.counter.journal import Journal
from piggy_desk.counter.view import FAILING_SENTENCE, OFFLINE_SENTENCE
from piggy_desk.notices import Notice, Tone
from piggy_desk.settings import Settings, scan_rules
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import QT_TRANSLATE_NOOP
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.counter.controller import CounterController
from piggy_desk.ui.counter.screen import CounterScreen
from piggy_desk.ui.shell.dialog_focus import FocusReturn
from piggy_desk.ui.shell.manager_gate import ManagerGate
from piggy_desk.ui.shell.screen_tabs import ScreenTabs
from piggy_desk.ui.shell.session import Session, nothing, once_set
from piggy_desk.ui.widgets.banner import MessageBanner

if TYPE_CHECKING:
    import asyncio

    from piggy_desk.api import Contact, PiggyClient, Voucher
    from piggy_desk.counter.flow import RedemptionFlow
    from piggy_desk.counter.view import CounterView
    from piggy_desk.ui.contacts.screen import ContactsScreen
    from piggy_desk.ui.journal.screen import JournalScreen
    from piggy_desk.ui.promotions.screen import PromotionsScreen
    from piggy_desk.ui.settings.screen import SettingsScreen
    from piggy_desk.ui.vouchers.screen import VouchersScreen

_CONNECTION_LOOKS = {
    Connection.UNKNOWN: (QT_TRANSLATE_NOOP("MainWindow", "Connecting to Piggy…"), "neutral"),
    Connection.ONLINE: (QT_TRANSLATE_NOOP("MainWindow", "Online"), "good"),
    Connection.OFFLINE: (
        QT_TRANSLATE_NOOP("MainWindow", "Offline: Piggy cannot be reached"),
        "bad",
    ),
    Connection.FAILING: (
        QT_TRANSLATE_NOOP("MainWindow", "Piggy is not answering properly"),
        "bad",
    ),
    Connection.UNAUTHORIZED: (QT_TRANSLATE_NOOP("MainWindow", "Token refused"), "bad"),
    Connection.MAINTENANCE: (QT_TRANSLATE_NOOP("MainWindow", "Piggy maintenance"), "warn"),
    Connection.CERTIFICATE_REFUSED: (
        QT_TRANSLATE_NOOP("MainWindow", "Piggy's certificate refused"),
        "bad",
    ),
}
# (context, sentence): translated when shown
_CONNECTION_SENTENCES = {
    Connection.OFFLINE: ("RedemptionFlow", OFFLINE_SENTENCE),
    Connection.FAILING: ("RedemptionFlow", FAILING_SENTENCE),
    Connection.UNAUTHORIZED: (
        "MainWindow",
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Piggy refused the API token: nothing can be redeemed. Ask a manager "
            "to check the settings.",
        ),
    ),
    Connection.MAINTENANCE: (
        "MainWindow",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Piggy is down for maintenance: vouchers cannot be redeemed now."
        ),
    ),
    Connection.CERTIFICATE_REFUSED: (
        "MainWindow",
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Piggy's security certificate was refused: vouchers cannot be checked or redeemed. "
            "A proxy or firewall may be intercepting the connection, or this computer's "
            "clock may be wrong. Ask a manager.",
        ),
    ),
}
TRAINING_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow", "Training — sandbox. Nothing here touches real vouchers or customers."
)


class _NotBuiltYet(QWidget):
    """Holds a screen's tab until the screen is first opened (or asked for), then makes way
    for it: the counter starts without building, or even importing, the manager screens."""

    def __init__(self, name: str, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self.name = name
        self.build = build


Screen = TypeVar("Screen", bound=QWidget)


class _Tab(Generic[Screen]):
    """A manager screen as the window's attribute: built the first time it is read."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow, owner: type[MainWindow]) -> Screen:
        return cast(Screen, window._screen(self.name))


log = logging.getLogger(__name__)

# The line logged (at debug level) when the window is first painted: the bundle's start is
# timed to it (benchmarks/run.py), as nothing can be patched into a bundle from outside.
FIRST_PAINT_LINE = "main window painted for the first time"
# A window manager has framed a new window by then (openbox: a few milliseconds).
FRAMED_AFTER_MS = 500


class MainWindow(QMainWindow):
    """Counter | Vouchers | Promotions | Contacts | Journal. Closing it gives back a voucher
    the counter still holds first.

    Signals:
        first_painted(): the window was painted for the first time (``is_painted``).
        closed(): the window has released what it held and closed; the program may end.

    It is built and painted before asyncio is imported (see app.py): asyncio comes into
    play with ``attach`` and ``start``.
    """

    first_painted = Signal()
    closed = Signal()
    # Given by ``attach`` (the client needs httpx: the window paints first, see app.py).
    client: PiggyClient
    flow: RedemptionFlow
    session: Session

    def __init__(
        self,
        *,
        journal: Journal,
        controller: CounterController,
        counter: CounterScreen,
        journal_screen: Callable[[], JournalScreen],
        vouchers: Callable[[], VouchersScreen],
        promotions: Callable[[], PromotionsScreen],
        contacts: Callable[[], ContactsScreen],
        settings_screen: Callable[[], SettingsScreen],
        tasks: TaskRunner,
        messages: MessagePath,
        training: bool,
        gate: ManagerGate,
        watch: ConnectionWatch,
        theme_keeper: theme.ThemeKeeper | None = None,
    ) -> None:
        super().__init__()
        self._shown = False
        self._fitted: QSize | None = None  # the size fit_to_screen gave a small screen
        self._painted = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Piggy Desk — training") if training else "Piggy Desk")
        self.journal = journal
        self.controller = controller
        self.counter = counter
        # The manager screens, each held by a stand-in in its tab until it is first needed.
        self._pages = {
            name: _NotBuiltYet(name, build)
            for name, build in (
                ("vouchers", vouchers),
                ("promotions", promotions),
                ("contacts", contacts),
                ("journal", journal_screen),
                ("settings", settings_screen),
            )
        }
        self._built: dict[str, QWidget] = {}
        self.tasks = tasks
        self.messages = messages
        self.training = training
        self.gate = gate
        self.watch = watch
        # Applies a theme chosen on the settings screen at once; without one it counts
        # from the next start.
        self.theme_keeper = theme_keeper
        self._theme_choice: str | None = None
        self._language_choice: str | None = None  # as saved: the window's counts from its start
        gate.unlocked.connect(self._on_gate_unlocked)
        self._shutdown: asyncio.Task[None] | None = None
        self._shut = False
        self._attached = False  # ``attach`` has given the client and the flow
        self._attached_event: asyncio.Event | None = None  # for a close before that
        # Done when the counter has started and released what an earlier run left (made by
        # ``start``).
        self.ready: asyncio.Task[None] | None = None
        self._current_screen: QWidget | None = None
        self._setup_ui()
        # After every dialog, the keyboard comes back here (no window manager does it):
        # from the first paint, with the counter's keys wherever the focus is (see
        # ``_watch_the_application``).
        self._focus_return: FocusReturn | None = None
        controller.notice_given.connect(self._on_controller_notice_given)
        # The vouchers the counter was told about since the Vouchers screen was last shown
        # (by id): Piggy's newer word on them, for that screen's rows.
        self._counter_vouchers: dict[str, Voucher] = {}
        controller.view_changed.connect(self._on_controller_view_changed)
        counter.keys.scanned_elsewhere.connect(self._on_counter_scanned_elsewhere)

    # --- the screens ------------------------------------------------------------------------

    vouchers: _Tab[VouchersScreen] = _Tab("vouchers")
    promotions: _Tab[PromotionsScreen] = _Tab("promotions")
    contacts: _Tab[ContactsScreen] = _Tab("contacts")
    journal_screen: _Tab[JournalScreen] = _Tab("journal")
    settings_screen: _Tab[SettingsScreen] = _Tab("settings")

    def _screen(self, name: str) -> QWidget:
        """The screen, built and put in its tab's place the first time it is needed."""
        if name in self._built:
            return self._built[name]
        page = self._pages[name]
        screen = self._built[name] = page.build()
        from piggy_desk.ui.core.accessibility import label_controls

        label_controls(screen)
        index = self.tabs.indexOf(page)
        current = self.tabs.currentIndex()
        text, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
        blocked = self.tabs.blockSignals(True)  # the same tab, only now with its screen
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, screen, text)
            self.tabs.setTabToolTip(index, tip)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if name == "vouchers":
            self.vouchers.open_on_counter.connect(self._on_vouchers_open_on_counter)
            self.vouchers.shop_uuid = lambda: self.flow.settings.shop_uuid
        elif name == "contacts":
            self.contacts.contact_chosen_for_counter.connect(
                self._on_contacts_contact_chosen_for_counter
            )
            self.contacts.shop_uuid = lambda: self.flow.settings.shop_uuid
        elif name == "settings":
            self._theme_choice = self.settings_screen.settings.theme
            self._language_choice = self.settings_screen.settings.language
            self.settings_screen.settings_saved.connect(self._on_settings_screen_settings_saved)
            self.settings_screen.token_changed.connect(self._on_settings_screen_token_changed)
        return screen

    def _setup_ui(self) -> None:
        self.training_banner = QLabel(self.tr(TRAINING_TEXT), self)
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setVisible(self.training)
        self.training_banner.setAccessibleName(self.tr("Training mode"))
        self.tabs = ScreenTabs(self)
        self.tabs.setObjectName("screens")
        # No frame around the page: the frame was redrawn under every change on the counter
        # (a fifth of the window's drawing time while scanning, in py-spy).
        self.tabs.setDocumentMode(True)
        # The tab bar is the Tab stop; the widget around it was a second, unnamed one.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (its focus proxy's too)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tabs.setAccessibleName(self.tr("Screens"))
        self.tabs.tabBar().setAccessibleDescription(
            self.tr(
                "Ctrl+1 to Ctrl+6 open the screens; Ctrl+Tab goes to the next one; "
                "Ctrl+Q closes Piggy Desk"
            )
        )
        self.tabs.addTab(self.counter, self.tr("Counter"))
        self.tabs.addTab(self._pages["vouchers"], self.tr("Vouchers"))
        self.tabs.addTab(self._pages["promotions"], self.tr("Promotions"))
        self.tabs.addTab(self._pages["contacts"], self.tr("Contacts"))
        self.tabs.addTab(self._pages["journal"], self.tr("Journal"))
        self.tabs.addTab(self._pages["settings"], self.tr("Settings"))
        # Qt names the tab bar by its current tab: set (and announced) only now that there
        # are tabs, and again at each change, or a screen reader keeps the empty name it
        # heard first.
        self.tabs.tabBar().setAccessibleName(self.tr("Screens"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed_name)
        for number in range(self.tabs.count()):
            # Ctrl+1 … Ctrl+6: every screen one chord away (the PIN gate still applies).
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n))
            self.tabs.setTabToolTip(number, f"Ctrl+{number + 1}")
        # Ctrl+Q closes the window (giving back a voucher held first): a counter may run
        # without a window manager, and then there was no way to close it.
        self.quit_shortcut = QShortcut(QKeySequence("Ctrl+Q"), self)
        self.quit_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.quit_shortcut.activated.connect(self.close)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.training_banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionStatus")
        self.statusBar().addPermanentWidget(self.connection_label)
        # This computer's clock far off Piggy's: said calmly, once it is known.
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockWarning")
        self.statusBar().addPermanentWidget(self.clock_label)
        self.clock_label.hide()
        self._show_connection(Connection.UNKNOWN)
        self.resize(1100, 820)

    def fit_to_screen(self) -> None:
        """Keep the first size (1100×820) where the screen has room; on a smaller screen
        (a 1366×768 counter) take its free area, leaving room for the window's title bar."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        title_bar = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        width = min(self.width(), room.width())
        height = min(self.height(), room.height() - title_bar)
        if (width, height) != (self.width(), self.height()):
            if height < self.height():
                self._fitted = QSize(width, height)  # its height is set again once framed
            self.resize(width, height)
            self.move(room.topLeft())

    def _fit_to_frame(self) -> None:
        """Fitted to a small screen, the window left room for a title bar twice the style's
        (28 px under openbox at 1024x600, 48 with no window manager: the voucher card's);
        once it is framed, it takes the screen's height down to the frame's bottom edge.
        Not when the person has resized or maximised it meanwhile."""
        screen = self.screen()
        fitted, self._fitted = self._fitted, None
        if screen is None or fitted is None or self.size() != fitted or self.isMaximized():
            return
        room = screen.availableGeometry()
        inside, frame = self.geometry(), self.frameGeometry()
        below = frame.bottom() - inside.bottom()  # the frame's bottom edge
        height = room.bottom() - below - inside.top() + 1
        if height > self.height():
            self.resize(self.width(), height)

    def attach(self, client: PiggyClient, flow: RedemptionFlow) -> None:
        """The client and the counter's flow: the window can be shown (and typed into)
        before them. Then ``start``."""
        self.client = client
        self.flow = flow
        self.session = Session(
            client, self.journal, flow, self.watch, self.tasks, self.controller.counter_said
        )
        self.watch.add_listener(self.on_connection_changed)
        if not self.statusBar().currentMessage():
            self.statusBar().showMessage(
                self.tr("Piggy at {address}").format(address=client.base_url)
            )
        self._attached = True
        if self._attached_event is not None:
            self._attached_event.set()

    def start(self, *, first_probe_after: float = 0.0) -> None:
        """Start the counter, watch the connection (the first probe at once, or after
        ``first_probe_after`` seconds unless a request answered first), release locks an
        earlier run left."""
        self.flow.start()
        self.watch.start(
            lambda: self.client.promotions.list_page(limit=1), first_after=first_probe_after
        )
        self.ready = self.tasks.start(
            self.session.release_orphans(self.tr("At start: {sentences}")), name="startup"
        )
        self._watch_the_application()  # painted by now, unless the window is not shown
        # What a screen reader needs (names, buddies, key hints as descriptions): nothing
        # a person sees, so after the first paint (about 3 ms of walking the widgets).
        # Imported here (after the first paint): its Qt classes' enums are made with it.
        from piggy_desk.ui.core.accessibility import label_controls

        label_controls(self)
        self.counter.focus_scan()

    def _watch_the_application(self) -> None:
        """The watch of the keys and the dialogs' hiding (``ApplicationEvents``: the focus
        widget and the windows that have had the focus): from the first paint, as when it
        was an application-wide filter, which PySide6 handed Qt's private QAnimationTimer
        before the paint (making the Python enums of every class it knows, about 14 ms)."""
        if self._focus_return is None:
            self._focus_return = FocusReturn(self)
            self.counter.keys.watch_application()

    def shutdown(self) -> Coroutine[Any, Any, None]:
        """Release a held voucher, stop the counter, close the client and the journal (to
        be awaited). Also after the window itself was deleted: the counter's flow, the
        client and the journal outlive it (``Session``)."""
        if self._shut:
            return nothing()
        if not self._attached:
            # Closed between the first paint and ``attach``: the end waits for the client
            # and the flow (a scan may already be on its way to them).
            import asyncio

            if self._attached_event is None:
                self._attached_event = asyncio.Event()
            return once_set(self._attached_event, self.shutdown)
        self._shut = True
        # A release at close waits a few seconds at most, however slow Piggy is; what it
        # could not give back stays open in the journal, for the next start.
        self.client.begin_closing()
        if shiboken6.isValid(self.counter):
            self.counter.detach()
        self.flow.begin_closing()  # (after the detach: what it says is still spoken)
        if "vouchers" in self._built and shiboken6.isValid(self._built["vouchers"]):
            self.vouchers.model.stop()
        return self.session.shutdown()

    def _on_controller_notice_given(self, notice: Notice) -> None:
        journal = self._built.get("journal")
        if journal is not None and self.tabs.currentWidget() is journal:
            self.journal_screen.refresh()

    def _on_tabs_current_changed_name(self, _index: int) -> None:
        """A screen reader hears the tab bar's new name (Qt names it by its current tab)."""
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # enums made at first use

        QAccessible.updateAccessibility(
            QAccessibleEvent(self.tabs.tabBar(), QAccessible.Event.NameChanged)
        )

    def _on_controller_view_changed(self, view: CounterView) -> None:
        if view.voucher is not None and not view.busy:
            self.show_clock_error()
        voucher = view.voucher
        if voucher is not None and "vouchers" in self._built:
            self._counter_vouchers[voucher.uuid] = voucher  # (a dict set: the counter's pace)

    def _on_tabs_current_changed(self, index: int) -> None:
        screen = self.tabs.widget(index)
        left, self._current_screen = self._current_screen, screen
        if left is not screen and left is not self.counter:
            # A manager screen's sentence belongs to that visit ("Exported 87 vouchers…"
            # stood there after the counter and the PIN); the counter keeps its own.
            banner = getattr(left, "banner", None)
            if isinstance(banner, MessageBanner):
                banner.clear()
        if screen is not None and screen is not self.counter and not self.gate.is_open:
            # Back to the counter until the PIN is given.
            self.tabs.setCurrentWidget(self.counter)
            self.gate.ask(screen, self)
            return
        if isinstance(screen, _NotBuiltYet):
            screen = self._screen(screen.name)
        if screen is self.counter:
            self.gate.lock()
            self.counter.focus_scan()
        elif screen is self._built.get("contacts"):
            self.contacts.focus_search()
        elif screen is not None:
            if screen is self._built.get("vouchers") and self._counter_vouchers:
                # A redemption or a reversal at the counter shows in the list at once.
                changed, self._counter_vouchers = self._counter_vouchers, {}
                self.vouchers.show_changed_elsewhere(changed.values())
            if screen is self._built.get("promotions"):
                # A manager comes to look, and Enter must not press a button.
                self.promotions.table.setFocus(Qt.FocusReason.OtherFocusReason)
            screen.refresh()  # type: ignore[attr-defined]  # every manager screen has one

    def show_clock_error(self) -> None:
        """Say in the status bar how far this computer's clock is off Piggy's, when by more
        than a few minutes (the card shows its dates from Piggy's time meanwhile)."""
        flow = getattr(self, "flow", None)  # (attached after the first paint)
        error = flow.clock_error() if flow is not None else None
        if error is None:
            text = ""
        elif error.days:
            text = self.tr(
                "This computer's clock is wrong by %Ln day(s): dates shown may be off.",
                "",
                error.days,
            )
        elif error.hours:
            text = self.tr(
                "This computer's clock is wrong by %Ln hour(s): dates shown may be off.",
                "",
                error.hours,
            )
        else:
            text = self.tr(
                "This computer's clock is wrong by %Ln minute(s): dates shown may be off.",
                "",
                error.minutes,
            )
        if text != self.clock_label.text():
            self.clock_label.setText(text)
            self.clock_label.setVisible(bool(text))

    def on_connection_changed(self, old: Connection, new: Connection) -> None:
        """Show the connection, block redemption without it, and retry what failed."""
        self._show_connection(new)
        self.show_clock_error()
        sentence = _CONNECTION_SENTENCES.get(new)
        said = QCoreApplication.translate(*sentence) if sentence else ""
        self.flow.set_online(new == Connection.ONLINE, why=said)
        if said:
            self.controller.counter_said(Notice(Tone.ERROR, said, connection=new))
        elif new == Connection.ONLINE and old != Connection.UNKNOWN:
            if old == Connection.FAILING:  # Piggy answered all along: the line never went
                back = self.tr("Piggy is answering as it should again.")
                frame = self.tr("Piggy is answering again: {sentences}")
            else:
                back = self.tr("Connected to Piggy again.")
                frame = self.tr("Back online: {sentences}")
            self.controller.counter_said(Notice(Tone.INFO, back))
            # Releases that failed while Piggy was out of reach are in the journal.
            self.tasks.start(self.session.release_orphans(frame), name="release-after-reconnect")

    def _on_settings_screen_settings_saved(self, settings: Settings) -> None:
        """What can change under a running counter changes now (the theme too, when the
        window has the theme keeper); the address and the token belong to the connection
        and count from the next start."""
        from piggy_desk.counter.flow import CounterSettings

        self.flow.settings = CounterSettings(
            lock_before_redeem=settings.lock_before_redeem,
            shop_uuid=settings.shop_uuid,
            scan_rules=scan_rules(settings),
        )
        self.counter.set_sounds(settings.sounds)
        self.gate.set_pin_hash(settings.manager_pin_hash)
        if settings.theme != self._theme_choice:
            self._theme_choice = settings.theme
            if self.theme_keeper is not None:
                self.theme_keeper.set_choice(settings.theme)
            else:
                self.statusBar().showMessage(self.tr("The new theme is used from the next start."))
        if settings.language != self._language_choice:
            self._language_choice = settings.language
            self.statusBar().showMessage(self.tr("The new language is used from the next start."))
        from piggy_desk.api import base_url_root

        if base_url_root(settings.base_url) != self.client.base_url and not self.training:
            self.statusBar().showMessage(
                self.tr("The new Piggy address is used from the next start.")
            )

    def _on_settings_screen_token_changed(self) -> None:
        """The connection signs in the way it started with until the next start."""
        if not self.training:
            self.statusBar().showMessage(
                self.tr("The new way of signing in to Piggy is used from the next start.")
            )

    def _show_connection(self, state: Connection) -> None:
        source, tone = _CONNECTION_LOOKS[state]
        word = self.tr(source)
        text = self.tr("Training sandbox · {state}").format(state=word) if self.training else word
        self.connection_label.setText(f"● {text}")
        theme.set_tone(self.connection_label, tone)
        self.connection_label.setAccessibleName(self.tr("Connection: {state}").format(state=text))

    def _on_gate_unlocked(self, screen: QWidget) -> None:
        if isinstance(screen, _NotBuiltYet):
            screen = self._screen(screen.name)  # (it may have been built meanwhile)
        self.tabs.setCurrentWidget(screen)

    def come_to_front(self) -> None:
        """Another start on this data folder asked for this window: show it on top."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_counter(self) -> None:
        self.tabs.setCurrentWidget(self.counter)

    def _on_vouchers_open_on_counter(self, code: str) -> None:
        self.show_counter()
        self.controller.scan(code)

    def _on_counter_scanned_elsewhere(self, code: str) -> None:
        """A scan on a manager screen (not into one of its fields): a cashier scanning
        expects the counter, so the counter comes forward (locking the manager screens, as
        always) and looks the code up as a scan into its field."""
        self.show_counter()
        self.counter.focus_scan()
        self.counter.scan_input.setText(code)
        self.counter.submit_scan_field()

    def _on_contacts_contact_chosen_for_counter(self, contact: Contact) -> None:
        self.show_counter()
        self.flow.preset_customer(contact)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            # Without a window manager nobody gives a new window the keyboard: Ctrl+1…6
            # were dead until a click (a scan worked only under the pointer).
            self._shown = True
            self.activateWindow()
            if self._fitted is not None:
                # The window manager frames the window as it is mapped, a moment after this.
                QTimer.singleShot(FRAMED_AFTER_MS, self._fit_to_frame)

    @property
    def is_painted(self) -> bool:
        """The window has been painted (``first_painted``)."""
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._painted:
            self._painted = True
            log.debug(FIRST_PAINT_LINE)
            self._watch_the_application()
            self.first_painted.emit()
        super().paintEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._shut:
            event.accept()
            self.closed.emit()
            return
        # Give back what the counter holds before the window goes; then close for real.
        event.ignore()
        if self._shutdown is None:
            import asyncio

            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                # Closed while it is painted before the loop runs (app.py): asked again
                # once the loop can end it in order.
                QTimer.singleShot(50, self.close)
                return
            self._shutdown = loop.create_task(self.shutdown())
            self._shutdown.add_done_callback(lambda _done: self.close())
