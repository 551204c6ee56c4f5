"""The Contacts screen's controller: looks a customer up by e-mail address or loyalty card and
loads their vouchers page by page; what it finds comes back as signals."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from piggy_desk.api import (
    Contact,
    ContactIdentifierNotFound,
    PiggyClient,
    PiggyError,
    TooManyPages,
    Voucher,
)
from piggy_desk.ui.contacts.search import ContactQuery, SearchKind, SearchRefused, read_search
from piggy_desk.ui.widgets.table import ROWS_PER_TURN


class ContactsController(QObject):
    """One search at a time (the screen's task runner cancels the one before).

    Signals:
        search_refused(str): what was typed cannot be looked up; the sentence says why.
        looking_up(): the customer is being looked up.
        lookup_failed(PiggyError, ContactQuery): the look-up failed or Piggy refused it.
        voucher_scanned(Voucher, PiggyError): no loyalty card has this value, but a voucher
            has it as its code (the error: Piggy's refusal of the card).
        card_not_linked(): the loyalty card belongs to no customer yet.
        contact_found(Contact, ContactQuery): the customer; their vouchers follow.
        page_asked(int | None): a page of vouchers is asked for; the total known so far.
        vouchers_arrived(list[Voucher]): some of the page's vouchers (at most
            ROWS_PER_TURN at a time, the loop turning between them).
        page_done(): the page's vouchers have all arrived.
        vouchers_failed(PiggyError, int | None): a page could not be loaded; the total
            known so far. Nothing follows.
        too_many_pages(int): Piggy kept sending pages; stopped after this many.
        vouchers_loaded(): every voucher there is (or the pages it stopped at) arrived.
    """

    search_refused = Signal(str)
    looking_up = Signal()
    lookup_failed = Signal(object, object)
    voucher_scanned = Signal(object, object)
    card_not_linked = Signal()
    contact_found = Signal(object, object)
    page_asked = Signal(object)
    vouchers_arrived = Signal(object)
    page_done = Signal()
    vouchers_failed = Signal(object, object)
    too_many_pages = Signal(int)
    vouchers_loaded = Signal()

    def __init__(self, client: PiggyClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client

    async def search(self, text: str, page_size: int) -> None:
        try:
            query = read_search(text)
        except SearchRefused as refusal:
            self.search_refused.emit(str(refusal))
            return
        self.looking_up.emit()
        try:
            contact = await self._find(query)
        except ContactIdentifierNotFound as error:
            if voucher := await self._voucher(query.value):
                self.voucher_scanned.emit(voucher, error)
            else:
                self.lookup_failed.emit(error, query)
            return
        except PiggyError as error:
            self.lookup_failed.emit(error, query)
            return
        if contact is None:
            self.card_not_linked.emit()
            return
        self.contact_found.emit(contact, query)
        await self._load_vouchers(contact, page_size)

    async def _find(self, query: ContactQuery) -> Contact | None:
        if query.kind is SearchKind.EMAIL:
            return await self._client.contacts.find_by_email(query.value)
        return await self._client.contacts.find_by_identifier(query.value)

    async def _voucher(self, code: str) -> Voucher | None:
        """The voucher with this code, or None (none, or Piggy could not be asked)."""
        try:
            return await self._client.vouchers.find(code)
        except PiggyError:
            return None

    async def _load_vouchers(self, contact: Contact, page_size: int) -> None:
        """Every page of the customer's vouchers, each told as it comes."""
        total: int | None = None
        pages = self._client.vouchers.pages(contact_uuid=contact.uuid, page_size=page_size)
        while True:
            self.page_asked.emit(total)
            try:
                page = await anext(pages, None)
            except TooManyPages as error:
                self.too_many_pages.emit(error.pages)
                break
            except PiggyError as error:
                self.vouchers_failed.emit(error, total)
                return
            if page is None:
                break
            total = page.total if page.total is not None else total
            for start in range(0, len(page.items), ROWS_PER_TURN):
                if start:
                    await asyncio.sleep(0)  # (a new search cancels this task here too)
                self.vouchers_arrived.emit(page.items[start : start + ROWS_PER_TURN])
            self.page_done.emit()
        self.vouchers_loaded.emit()
