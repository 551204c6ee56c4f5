"""The counter's controller: the Qt side of the Qt-free ``RedemptionFlow``."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from piggy_desk.counter.scan import CustomerText, customer_text_kind
from piggy_desk.counter.view import CounterView
from piggy_desk.notices import Notice
from piggy_desk.ui.core.tasks import TaskRunner

if TYPE_CHECKING:
    from piggy_desk.counter.flow import RedemptionFlow  # given by attach (after the paint)


class CounterController(QObject):
    """Bridges the Qt-free ``RedemptionFlow`` to the widgets.

    Signals:
        view_changed(CounterView): what the counter shows changed.
        notice_given(Notice): an outcome to show and sound.
    """

    view_changed = Signal(object)
    notice_given = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.flow: RedemptionFlow | None = None
        # Scans typed before the flow is attached (the window paints before the client is
        # made): handed to it, in order, when it comes.
        self._early_scans: list[str] = []

    # CounterListener
    def counter_changed(self, view: CounterView) -> None:
        self.view_changed.emit(view)

    def counter_said(self, notice: Notice) -> None:
        self.notice_given.emit(notice)

    def attach(self, flow: RedemptionFlow) -> None:
        self.flow = flow
        early, self._early_scans = self._early_scans, []
        for raw in early:
            flow.submit_scan(raw)

    def scan(self, raw: str) -> None:
        if self.flow is not None:
            self.flow.submit_scan(raw)
        else:
            self._early_scans.append(raw)

    def now(self) -> datetime:
        """The now the card's dates are shown from: Piggy's once it has answered."""
        return self.flow.now() if self.flow is not None else datetime.now(UTC)

    def show_again(self, code: str) -> None:
        if self.flow is not None:
            self.flow.show_again(code)

    def redeem(self) -> None:
        self._start(lambda flow: flow.redeem())

    def confirm(self, times: int) -> None:
        self._start(lambda flow: flow.confirm(times))

    def cancel(self) -> None:
        if self.flow is not None:
            self.flow.forget_last_scan()  # now: a scan's keys may come before the cancel's turn
        self._start(lambda flow: flow.cancel(), name="counter-cancel")

    def reverse(self) -> None:
        self._start(lambda flow: flow.reverse())

    def recheck(self) -> None:
        self._start(lambda flow: flow.recheck())

    def use_contact_email(self, email: str) -> None:
        self._start(lambda flow: flow.use_contact_email(email))

    def find_customer(self, text: str) -> None:
        """What was typed or scanned into the customer field: an e-mail address is looked
        up, a loyalty card goes as a scan (in turn with the scans), anything else is said."""
        kind = customer_text_kind(text)
        if kind == CustomerText.EMAIL:
            self.use_contact_email(text)
        elif kind == CustomerText.CARD:
            self.scan(text)
        elif self.flow is not None:
            self.flow.refuse_customer_text(text)

    def _start(
        self,
        action: Callable[[RedemptionFlow], Coroutine[Any, Any, None]],
        *,
        name: str = "counter-action",
    ) -> None:
        """Run ``action`` on the flow as the task ``name`` (see ``TaskRunner.start``)."""
        if self.flow is not None:
            self._tasks.start(action(self.flow), name=name)
