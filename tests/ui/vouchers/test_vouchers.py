"""The Vouchers screen against the sandbox: paging, filters, row actions, creating one or a
batch, and the CSV export (complete, and cancelled)."""

from __future__ import annotations

import asyncio
import csv
import logging
import tempfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QWidget,
)

from piggy_desk.api import PiggyClient
from piggy_desk.manager.export import CSV_COLUMNS
from piggy_desk.sandbox import KNOWN, RunningSandbox
from piggy_desk.sandbox.state import SandboxState
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.vouchers.dialogs import CreateVoucherDialog
from piggy_desk.ui.vouchers.model import VouchersModel
from piggy_desk.ui.vouchers.screen import VouchersScreen
from tests.ui.conftest import Counter, until, vouchers_screen
from tests.ui.vouchers.batches import start_batch
from tests.ui.wheel import turn_wheel, value, wheel_choices

PAGE = 50


@pytest.fixture
async def screen(sandbox: RunningSandbox, qapp: QApplication) -> AsyncIterator[VouchersScreen]:
    async with vouchers_screen(sandbox, PAGE) as widget:
        await widget.load_promotions()
        yield widget


async def loaded(screen: VouchersScreen, rows: int | None = None) -> None:
    await until(lambda: screen.model.total is not None and not screen.model.loading, what="a page")
    if rows is not None:
        await until(lambda: screen.model.rowCount() == rows, what=f"{rows} rows")


async def fetch_all(screen: VouchersScreen) -> None:
    """Scroll to the end as a person would, until every page is in."""
    await loaded(screen)
    while screen.model.canFetchMore(QModelIndex()) or screen.model.loading:
        screen.table.scrollToBottom()
        if screen.model.canFetchMore(QModelIndex()):
            screen.model.fetchMore(QModelIndex())
        await asyncio.sleep(0.01)


async def test_models_pass_the_model_tester(screen: VouchersScreen, qtmodeltester: object) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    qtmodeltester.check(screen.model)  # type: ignore[attr-defined]
    screen.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(screen.model)  # type: ignore[attr-defined]


def _column(screen: VouchersScreen, column: int) -> list[str]:
    model = screen.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


async def test_sorting_by_a_header_keeps_the_selected_voucher_and_sorts_new_pages_in(
    screen: VouchersScreen,
) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    arrived = _column(screen, 0)
    screen.table.selectRow(7)
    chosen = screen.selected()
    assert chosen is not None

    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    codes = _column(screen, 0)
    assert codes == sorted(arrived, key=str.casefold)
    selected = screen.selected()
    assert selected is not None and selected.uuid == chosen.uuid  # the same voucher, moved

    screen.model.fetchMore(QModelIndex())  # the next page arrives while sorted
    await loaded(screen, min(2 * PAGE, screen.model.total or 0))
    codes = _column(screen, 0)
    assert codes == sorted(codes, key=str.casefold) and len(set(codes)) == len(codes)

    screen.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to Piggy's order
    assert _column(screen, 0)[:PAGE] == arrived


async def test_a_voucher_changed_in_a_sorted_list_stays_changed_in_any_order(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    active = [r for r in range(PAGE) if screen.model.voucher(r).status == "ACTIVE"]
    row = active[len(active) // 2]
    code = screen.model.voucher(row).code
    screen.table.selectRow(row)
    screen.deactivate_button.click()
    await until(lambda: screen.model.voucher(row).status == "DEACTIVATED")
    assert sandbox.voucher_state(code)["status"] == "DEACTIVATED"

    for column in (-1, 1, 4, 0):  # Piggy's order, Status, Expires, Code again
        screen.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        [changed] = [r for r in range(PAGE) if screen.model.voucher(r).code == code]
        assert screen.model.voucher(changed).status == "DEACTIVATED", column
        assert screen.model.index(changed, 1).data() == "Switched off", column


async def test_nothing_is_loaded_before_the_screen_asks(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    before = sandbox.stats()["requests"]
    screen.table.scrollToBottom()
    await asyncio.sleep(0.3)
    assert screen.model.rowCount() == 0 and sandbox.stats()["requests"] == before
    screen.refresh()
    await loaded(screen, PAGE)


async def test_dates_sort_by_time_with_missing_dates_last(screen: VouchersScreen) -> None:
    await screen.apply_filter()
    await fetch_all(screen)
    screen.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # Expires
    model = screen.model
    expiries = [model.voucher(row).expiration_date for row in range(model.rowCount())]
    dated = [moment for moment in expiries if moment is not None]
    assert dated == sorted(dated)
    assert expiries[: len(dated)] == dated  # vouchers that never expire come after


async def test_paging_across_page_boundaries_shows_every_voucher_once(
    screen: VouchersScreen,
) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    total = screen.model.total
    assert total is not None and total > 4 * PAGE
    assert screen.count_label.text() == f"{PAGE} of {total} vouchers shown"
    await fetch_all(screen)
    codes = [screen.model.voucher(row).code for row in range(screen.model.rowCount())]
    assert len(codes) == total
    assert len(set(codes)) == total
    assert screen.count_label.text() == f"{total} vouchers"


async def test_filters_by_status_promotion_and_customer(screen: VouchersScreen) -> None:
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("REDEEMED"))
    await screen.apply_filter()
    await fetch_all(screen)
    rows = screen.model.rowCount()
    assert rows > 0
    assert {screen.model.voucher(r).status for r in range(rows)} == {"REDEEMED"}
    assert {screen.model.index(r, 1).data() for r in range(rows)} == {"Already used"}

    screen.status_filter.setCurrentIndex(0)
    screen.promotion_filter.setCurrentIndex(
        screen.promotion_filter.findData(KNOWN.PROMOTION_LIMITED)
    )
    await screen.apply_filter()
    await fetch_all(screen)
    assert screen.model.rowCount() == 24
    screen.promotion_filter.setCurrentIndex(0)
    screen.contact_filter.setText(KNOWN.CONTACT_EMAIL)
    await screen.apply_filter()
    await fetch_all(screen)
    emails = {screen.model.voucher(r).contact.email for r in range(screen.model.rowCount())}  # type: ignore[union-attr]
    assert emails == {KNOWN.CONTACT_EMAIL}

    screen.contact_filter.setText("nobody@example.nl")
    await screen.apply_filter()
    await until(lambda: screen.banner.text)
    assert screen.banner.text == "No customer with this e-mail address."


async def test_an_error_on_the_screen_is_in_the_log_for_support(
    screen: VouchersScreen, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="piggy_desk")
    screen.contact_filter.setText("nobody@example.nl")
    await screen.apply_filter()
    await until(lambda: screen.banner.text)
    assert screen.banner.error is not None  # Details… opens it
    [line] = [r.getMessage() for r in caplog.records if "No customer" in r.getMessage()]
    assert line.startswith("No customer with this e-mail address. [")


async def test_code_search_activate_deactivate_and_copy(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    screen.code_search.setText(KNOWN.ACTIVE_WITH_CONTACT)
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.model.rowCount() == 1 and screen.selected() is not None)
    assert screen.deactivate_button.isEnabled() and not screen.activate_button.isEnabled()
    screen.deactivate_button.click()
    await until(lambda: screen.model.voucher(0).status == "DEACTIVATED")
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "DEACTIVATED"
    assert screen.activate_button.isEnabled()
    screen.activate_button.click()
    await until(lambda: screen.model.voucher(0).status == "ACTIVE")
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"
    screen.copy_button.click()
    assert QApplication.clipboard().text() == KNOWN.ACTIVE_WITH_CONTACT
    opened: list[str] = []
    screen.open_on_counter.connect(opened.append)
    screen.counter_button.click()
    assert opened == [KNOWN.ACTIVE_WITH_CONTACT]


async def focus_on_the_voucher(screen: VouchersScreen, button: QPushButton) -> None:
    """ACTIEF0001 found by its code and chosen, and the focus on ``button``, as from the
    keyboard."""
    screen.activateWindow()
    screen.code_search.setText(KNOWN.ACTIVE_WITH_CONTACT)
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.model.rowCount() == 1 and screen.selected() is not None)
    button.setFocus()
    await until(lambda: QApplication.focusWidget() is button, what="focus")


async def test_what_an_action_did_is_heard_where_the_focus_is(screen: VouchersScreen) -> None:
    """Orca 43 speaks a change of the focused control's description, never the banner (not
    focusable): "Copied …" (Copy code pressed from the keyboard) is said through the
    control that has the focus. Before, the person heard nothing after pressing it."""
    await focus_on_the_voucher(screen, screen.copy_button)
    QTest.keyClick(screen.copy_button, Qt.Key.Key_Space)
    wanted = f"Copied {KNOWN.ACTIVE_WITH_CONTACT}."
    await until(
        lambda: screen.copy_button.accessibleDescription().strip() == wanted,
        what=f"the outcome heard, not {screen.copy_button.accessibleDescription()!r}",
    )


async def test_deactivate_from_the_keyboard_lands_on_activate_with_what_it_did(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Deactivate greys itself out once it is done, and Qt handed the focus to Copy code:
    Orca read "Copy code push button. Voucher … deactivated." and the sentence again for
    its change. The focus now goes to the button that undoes it (Activate), with the
    sentence as its description before it arrives: heard once."""
    await focus_on_the_voucher(screen, screen.deactivate_button)
    arrivals: list[str] = []

    def arrived(_old: object, new: object) -> None:
        if new is not None:
            arrivals.append(new.objectName())  # type: ignore[attr-defined]

    QApplication.instance().focusChanged.connect(arrived)  # type: ignore[union-attr]
    try:
        QTest.keyClick(screen.deactivate_button, Qt.Key.Key_Space)
        await until(
            lambda: sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "DEACTIVATED"
        )
        await until(lambda: QApplication.focusWidget() is screen.activate_button, what="Activate")
        await asyncio.sleep(0.05)
    finally:
        QApplication.instance().focusChanged.disconnect(arrived)  # type: ignore[union-attr]
    wanted = f"Voucher {KNOWN.ACTIVE_WITH_CONTACT} deactivated."
    assert screen.activate_button.accessibleDescription().strip() == wanted
    assert arrivals == ["activateButton"], arrivals  # no stop on another control


async def test_reverse_a_redemption_after_confirmation(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    screen.code_search.setText(KNOWN.REDEEMED)
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.model.rowCount() == 1 and screen.selected() is not None)
    screen.reverse_button.click()
    box = screen.findChild(QMessageBox, "reverseRowConfirmation")
    assert box is not None and KNOWN.REDEEMED in box.text() and KNOWN.CONTACT_EMAIL in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: screen.model.voucher(0).status == "ACTIVE")
    assert sandbox.voucher_state(KNOWN.REDEEMED)["status"] == "ACTIVE"


async def test_create_a_voucher_with_dates_in_local_time_and_attributes(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    dialog = screen.open_create_dialog()
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    dialog.code.setText("NIEUW-0001")
    dialog.email.setText(KNOWN.CONTACT_EMAIL)
    starts = QDateTime.currentDateTime().addDays(2)
    dialog.activation[0].setChecked(True)
    dialog.activation[1].setDateTime(starts)
    dialog.add_attribute_row("plu", "X99")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: not dialog.isVisible(), what="the dialog to close")
    await until(lambda: screen.model.rowCount() == 1)
    created = screen.model.voucher(0)
    assert created.code == "NIEUW-0001"
    assert created.contact is not None and created.contact.uuid == KNOWN.CONTACT_UUID
    assert created.attributes["plu"] == "X99"
    assert created.status == "INACTIVE"
    picked = starts.toPython().astimezone()  # type: ignore[union-attr]
    assert created.activation_date is not None
    assert abs(created.activation_date - picked.replace(second=0, microsecond=0)) < timedelta(
        minutes=1
    )
    assert (
        created.activation_date.astimezone(UTC) == created.activation_date
    )  # sent and stored as UTC
    assert sandbox.voucher_state("NIEUW-0001")["status"] == "INACTIVE"


async def test_a_created_voucher_shown_alone_stands_in_the_code_search(
    screen: VouchersScreen,
) -> None:
    """After New voucher… the list shows the new voucher alone: the code search says so,
    whatever was typed there before (seen on Xvfb: "KAART" stayed in the search above the
    new MBFH5R6C8W, "1 voucher" under a filter of all promotions and statuses); Show brings
    the filtered list back and empties the search (it kept the code above 249 vouchers)."""
    await screen.apply_filter()
    await loaded(screen)
    search = screen.filters.code_search
    search.setText("KAART")
    QTest.keyClick(search, Qt.Key.Key_Return)
    await until(lambda: screen.banner.isVisible(), what="the code not found")
    dialog = screen.open_create_dialog()
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    dialog.code.setText("NIEUW-0002")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: not dialog.isVisible(), what="the dialog to close")
    await until(lambda: screen.model.rowCount() == 1, what="the new voucher alone")
    assert screen.model.voucher(0).code == "NIEUW-0002"
    assert search.text() == "NIEUW-0002"
    screen.filters.apply_button.click()
    await until(lambda: screen.model.rowCount() > 1, what="the filtered list back")
    assert search.text() == ""


async def test_the_voucher_and_batch_dialogs_show_the_promotions_uses(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Issue 14.3: the chosen promotion's uses per voucher stand under the picker; a new
    voucher's uses start at them, and a voucher made so can be used that often."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        card = await client.promotions.create(
            "Soepkaart 3x", "Drie keer soep", type="MULTI_USE", redemptions_per_voucher=3
        )
    await screen.load_promotions()
    dialog = screen.open_create_dialog()
    uses = dialog.findChild(QLabel, "promotionUses")
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(card.uuid))
    assert uses.isVisible()
    assert uses.text() == "Multi-use: each voucher can be used 3 times."
    assert dialog.uses.value() == 3 and not dialog.uses.isEnabled()
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    assert uses.text() == "Single use: each voucher can be used once."
    assert dialog.uses.value() == 1
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(card.uuid))
    dialog.code.setText("SOEP-0003")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: not dialog.isVisible(), what="the dialog to close")
    assert sandbox.voucher_state("SOEP-0003")["redemptions_allowed"] == 3
    batch = screen.open_batch_dialog()
    batch.promotion.setCurrentIndex(batch.promotion.findData(KNOWN.PROMOTION_MULTI_USE))
    shown = batch.findChild(QLabel, "promotionUses")
    assert shown.isVisible() and shown.text() == "Multi-use: each voucher can be used 10 times."
    batch.close()


async def test_a_customer_that_is_no_e_mail_address_is_said_in_dutch(
    screen: VouchersScreen, sandbox: RunningSandbox, qapp: QApplication
) -> None:
    """An outside tester typed 'abc' as the customer of a new voucher in the Dutch program
    and read "That is not an e-mail address." (the client's sentence, untranslated)."""
    install_translators(qapp, "nl")
    try:
        dialog = screen.open_create_dialog()
        dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
        dialog.code.setText("NIEUW-ABC1")
        dialog.email.setText("abc")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        await until(lambda: dialog.errors["email"].isVisible(), what="the customer's sentence")
        assert dialog.errors["email"].text() == "Dat is geen e-mailadres."
        assert dialog.isVisible()  # nothing was sent: the manager corrects it
        dialog.close()
    finally:
        install_translators(qapp, "en")


async def test_every_promotion_picker_holds_more_than_one_page(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Issue 14.4: with 42 promotions (two of Piggy's pages) the filter, the voucher
    dialog and the batch dialog offer every one of them."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        for number in range(35):
            await client.promotions.create(f"Actie {number:02}", "Een tijdelijke actie")
    await screen.load_promotions()
    offered = [screen.promotion_filter.itemText(i) for i in range(screen.promotion_filter.count())]
    assert offered[0] == "All promotions" and len(offered) == 43
    assert {"Gratis koffie", "Actie 00", "Actie 34"} <= set(offered)
    for dialog in (screen.open_create_dialog(), screen.open_batch_dialog()):
        picked = [dialog.promotion.itemText(i) for i in range(dialog.promotion.count())]
        assert picked == offered[1:]
        dialog.close()


async def test_create_voucher_errors_stand_next_to_their_field(screen: VouchersScreen) -> None:
    dialog = screen.open_create_dialog()
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    dialog.code.setText(KNOWN.ACTIVE_WITH_CONTACT)
    dialog.email.setText("nobody@example.nl")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    email_error = dialog.findChild(QLabel, "error_email")
    await until(lambda: email_error.isVisible())
    assert email_error.text() == "No customer with this e-mail address."
    dialog.email.clear()
    ok.click()
    code_error = dialog.findChild(QLabel, "error_code")
    await until(lambda: code_error.isVisible())
    assert code_error.text() == "A voucher with this code already exists."
    assert (
        dialog.isVisible() and dialog.code.text() == KNOWN.ACTIVE_WITH_CONTACT
    )  # nothing typed is lost
    dialog.expiration[0].setChecked(True)
    dialog.activation[0].setChecked(True)
    dialog.expiration[1].setDateTime(dialog.activation[1].dateTime().addDays(-1))
    ok.click()
    assert dialog.findChild(QLabel, "error_expiration_date").isVisible()
    dialog.close()


async def test_a_fields_error_goes_when_the_field_is_edited(screen: VouchersScreen) -> None:
    """Outside tester: "A voucher with this code already exists." stayed next to Code after
    the code was changed. Each field's sentence now goes when that field is edited, and
    only that field's."""
    dialog = screen.open_create_dialog()
    dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    dialog.code.setText(KNOWN.ACTIVE_WITH_CONTACT)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    code_error = dialog.findChild(QLabel, "error_code")
    await until(lambda: code_error.isVisible(), what="the code's error")
    QTest.keyClicks(dialog.email, "klant")
    assert code_error.isVisible()  # another field's edit leaves it
    dialog.code.setFocus()
    QTest.keyClick(dialog.code, Qt.Key.Key_End)
    QTest.keyClicks(dialog.code, "-2")
    assert not code_error.isVisible() and code_error.text() == ""
    assert dialog.code.accessibleDescription() == ""
    dialog.expiration[0].setChecked(True)
    dialog.expiration[1].setDateTime(QDateTime.currentDateTime().addYears(-1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    expiry_error = dialog.findChild(QLabel, "error_expiration_date")
    assert expiry_error.isVisible()
    dialog.expiration[1].setDateTime(QDateTime.currentDateTime().addDays(5))
    assert not expiry_error.isVisible()
    batch = screen.open_batch_dialog()
    batch.promotion.setCurrentIndex(batch.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
    batch.expiration[0].setChecked(True)
    batch.expiration[1].setDateTime(QDateTime.currentDateTime().addYears(-1))
    batch.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    batch_error = batch.findChild(QLabel, "error_expiration_date")
    assert batch_error.isVisible()
    batch.expiration[0].setChecked(False)  # no expiry: the sentence is about nothing now
    assert not batch_error.isVisible()
    for opened in (dialog, batch):
        opened.close()


async def test_the_wheel_turns_a_dialogs_choice_only_once_it_has_focus(
    screen: VouchersScreen,
) -> None:
    """Outside tester (Settings): the wheel over a combo box changed it while scrolling.
    In the voucher and batch dialogs too, an unfocused combo, spin or date box keeps its
    value under the wheel and takes focus only by a click or Tab."""
    for dialog in (screen.open_create_dialog(), screen.open_batch_dialog()):
        for ticks in dialog.findChildren(QCheckBox):
            ticks.setChecked(True)  # the dates and uses enabled, so the wheel could turn them
        dialog.activateWindow()
        await until(dialog.isActiveWindow, what="the dialog to be active")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()
        choices = wheel_choices(dialog)
        assert dialog.promotion in choices and dialog.expiration[1] in choices
        for choice in choices:
            before = value(choice)
            turn_wheel(choice)
            assert value(choice) == before, choice.objectName()
            assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus, choice.objectName()
        expires = dialog.expiration[1]
        # June: its first section, the month, can step either way (not past December).
        expires.setDateTime(QDateTime.fromString("2030-06-15T12:00:00", Qt.DateFormat.ISODate))
        before = value(expires)
        expires.setFocus(Qt.FocusReason.MouseFocusReason)
        turn_wheel(expires)
        assert value(expires) != before  # focused, the wheel still turns it
        dialog.close()


async def test_an_expiry_already_past_is_refused_next_to_expires(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Outside tester: Expires 1/1/20 with Valid from not set made "Voucher … created.",
    valid from its making and expired in 2020; New batch made 99 such vouchers. Both
    dialogs now refuse it next to Expires and send nothing."""
    long_ago = QDateTime.fromString("2020-01-01T00:00:00", Qt.DateFormat.ISODate)
    past = "This expiry has already passed: the voucher would be expired when it is made."
    for dialog in (screen.open_create_dialog(), screen.open_batch_dialog()):
        dialog.promotion.setCurrentIndex(dialog.promotion.findData(KNOWN.PROMOTION_SINGLE_USE))
        if isinstance(dialog, CreateVoucherDialog):
            dialog.code.setText("OUD-2020")
        dialog.expiration[0].setChecked(True)
        dialog.expiration[1].setDateTime(long_ago)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        error = dialog.findChild(QLabel, "error_expiration_date")
        assert error.isVisible() and error.text() == past
        assert dialog.isVisible() and dialog.buttons.isEnabled()  # nothing was sent
        dialog.close()
    with pytest.raises(KeyError):
        sandbox.voucher_state("OUD-2020")


async def test_a_field_error_from_piggy_shows_its_text_never_markup(
    screen: VouchersScreen,
) -> None:
    """Piggy's field errors are its own words: '<b>' in one is shown, not obeyed."""
    dialog = screen.open_create_dialog()
    sent = "<b>The code</b> may not be <a href='x'>longer</a>."
    dialog.show_errors({"code": sent})
    error = dialog.findChild(QLabel, "error_code")
    assert error.isVisible() and error.text() == sent
    # With Qt's default (AutoText) this text is taken for markup: "The code" bold, a link.
    assert error.textFormat() == Qt.TextFormat.PlainText
    dialog.close()


async def test_a_batch_shows_its_job_then_the_new_vouchers(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    sandbox.set_batch_delay(0.3)
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        promotion = await client.promotions.create("Markt", "Flyers voor de markt")
    await screen.load_promotions()
    dialog, done = start_batch(screen, promotion.uuid, 40)
    await until(lambda: "PENDING" in dialog.job_label.text(), what="the pending job")
    await until(lambda: done, timeout=15, what="the batch to complete")
    assert done == [(promotion.uuid, 40)]
    assert dialog.progress.value() == 40
    assert dialog.job_label.text() == "Done: 40 new vouchers."
    await fetch_all(screen)
    assert screen.model.rowCount() == 40
    assert {screen.model.voucher(r).promotion.uuid for r in range(40)} == {promotion.uuid}  # type: ignore[union-attr]
    dialog.close()


async def test_enter_closes_a_batch_made(screen: VouchersScreen, sandbox: RunningSandbox) -> None:
    """Seen on Xvfb: after "Done: 500 new vouchers." the keyboard stayed in How many (its
    500 selected, as if to be typed again) and Enter did nothing; Close is what is left to
    do, and Enter does it."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        promotion = await client.promotions.create("Markt", "Flyers voor de markt")
    await screen.load_promotions()
    dialog, done = start_batch(screen, promotion.uuid, 5)
    await until(lambda: done, timeout=15, what="the batch to complete")
    focused = QApplication.focusWidget()
    assert focused is not None and focused.window() is dialog
    assert focused is dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    QTest.keyClick(focused, Qt.Key.Key_Return)
    await until(lambda: not dialog.isVisible(), what="the dialog to close")


async def test_a_batch_made_shows_its_form_done(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Seen on Xvfb: after "Done: 30 new vouchers." the form still looked as if it could be
    changed and sent again (its promotion, How many, customer and dates editable, for
    nothing). From OK on, the form is the batch's: its fields show what was asked, greyed,
    and take no keys; a batch Piggy refuses gives them back to correct."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        promotion = await client.promotions.create("Markt", "Flyers voor de markt")
    await screen.load_promotions()
    dialog, done = start_batch(screen, promotion.uuid, 5)
    await until(lambda: done, what="the batch to complete")
    fields = [
        dialog.promotion,
        dialog.quantity,
        dialog.email,
        *dialog.activation,
        *dialog.expiration,
    ]
    assert [field.objectName() for field in fields if field.isEnabled()] == []
    assert dialog.promotion.currentData() == promotion.uuid
    assert dialog.quantity.value() == 5
    assert dialog.job_label.text() == "Done: 5 new vouchers."
    dialog.close()
    sandbox.inject("status", status=422, count=1, path="/vouchers/batch")
    refused, _ = start_batch(screen, promotion.uuid, 5)
    await until(lambda: refused.general_error.isVisible(), what="the refusal")
    assert refused.quantity.isEnabled() and refused.promotion.isEnabled()
    assert not refused.activation[1].isEnabled()  # (its box is not set: it stays off)
    refused.close()


async def test_a_batch_made_is_said_above_its_vouchers(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Seen on Xvfb: after a batch the list showed its promotion's vouchers with no
    sentence above them; "30 new vouchers are ready." had been cleared at once by the
    list's own new filter, which it had asked for."""
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        promotion = await client.promotions.create("Markt", "Flyers voor de markt")
    await screen.load_promotions()
    dialog, done = start_batch(screen, promotion.uuid, 5)
    await until(lambda: done, timeout=15, what="the batch to complete")
    await until(lambda: screen.model.rowCount() == 5, what="the batch's vouchers")
    await loaded(screen)
    assert screen.banner.isVisible()
    assert screen.banner.text == "5 new vouchers are ready."
    dialog.close()


async def test_a_batch_answered_with_a_sentence_shows_progress_not_an_error(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Issue 14.5: Piggy may answer a batch with a sentence instead of a job (as in its
    SDK's tests). The manager reads that Piggy is making them, then sees them counted in."""

    def answer_with_a_sentence(state: SandboxState) -> None:
        state.batch_answer = "sentence"

    sandbox.with_state(answer_with_a_sentence)
    sandbox.set_batch_delay(0.3)
    dialog, done = start_batch(screen, KNOWN.PROMOTION_DISCOUNT, 12)
    await until(lambda: "started making" in dialog.job_label.text(), what="the batch accepted")
    assert dialog.job_label.text() == "Piggy started making 12 vouchers…"
    assert not dialog.general_error.isVisible()
    await until(lambda: done, timeout=15, what="the batch to complete")
    assert done == [(KNOWN.PROMOTION_DISCOUNT, 12)]
    assert dialog.job_label.text() == "Done: 12 new vouchers."
    assert not dialog.general_error.isVisible()
    dialog.close()


async def test_export_writes_every_page(screen: VouchersScreen, tmp_path: Path) -> None:
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("ACTIVE"))
    await screen.apply_filter()
    await loaded(screen)
    total = screen.model.total
    path = tmp_path / "active.csv"
    written = await screen.export_to(path)
    assert written == total
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == total + 1
    assert {row[2] for row in rows[1:]} == {"ACTIVE"}
    assert len({row[1] for row in rows[1:]}) == total
    expiry = next(row[8] for row in rows[1:] if row[8])
    assert datetime.fromisoformat(expiry).tzinfo is not None
    assert not (tmp_path / "active.csv.part").exists()
    assert "Exported" in screen.banner.text


async def slow_pages(screen: VouchersScreen, sandbox: RunningSandbox) -> None:
    """The list shown, its next pages (an export's) each answered 0.3 s late."""
    sandbox.inject("latency", seconds=0.3, count=20, path="/vouchers")
    await screen.apply_filter()
    await loaded(screen)


async def export_under_way(screen: VouchersScreen, path: Path) -> asyncio.Task[int]:
    """An export to ``path`` started and writing (its ``.part`` file there)."""
    task = screen.export_to(path)
    await until(lambda: path.with_name(path.name + ".part").exists(), what="the export")
    return task


async def test_a_cancelled_export_leaves_no_file(
    screen: VouchersScreen, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    await slow_pages(screen, sandbox)
    task = await export_under_way(screen, tmp_path / "all.csv")
    assert screen.export_cancel.isVisible()
    screen.export_cancel.click()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert list(tmp_path.iterdir()) == []
    assert screen.banner.text == "Export cancelled; no file was written."
    assert screen.export_button.isEnabled() and not screen.export_progress.isVisible()


async def test_an_exports_progress_takes_the_counts_place_and_the_list_keeps_its_size(
    screen: VouchersScreen, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    await slow_pages(screen, sandbox)
    count = screen.count_label.text()
    await asyncio.sleep(0.05)  # laid out
    list_place = screen.table.geometry()
    task = await export_under_way(screen, tmp_path / "all.csv")
    await asyncio.sleep(0.05)  # laid out again
    # Below the list, the progress shrank it, and Qt repainted all of it (issue 20's stalls).
    assert screen.table.geometry() == list_place
    assert screen.export_progress.isVisible() and screen.export_cancel.isVisible()
    assert not screen.count_label.isVisible()
    progress, cancel = screen.export_progress.geometry(), screen.export_cancel.geometry()
    assert screen.export_bar.mapTo(screen, progress.topLeft()).y() < list_place.top()
    assert cancel.height() >= screen.export_button.height()  # a button as high as its neighbours
    screen.export_cancel.click()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert screen.count_label.isVisible() and screen.count_label.text() == count
    assert not screen.export_bar.isVisible()


async def test_the_keys_follow_an_export_to_its_cancel_and_back(
    screen: VouchersScreen, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    # Export CSV… is turned off while it runs: Qt handed its focus on to "Print list…", where
    # it stayed, so Space after the export printed the list instead of exporting again.
    await slow_pages(screen, sandbox)
    screen.activateWindow()
    screen.export_button.setFocus(Qt.FocusReason.TabFocusReason)
    await until(screen.export_button.hasFocus, what="the focus on Export CSV…")
    save = QDialog(screen)  # the export starts as its save dialog closes
    save.show()
    save.activateWindow()
    await until(save.isActiveWindow, what="the save dialog")
    task = await export_under_way(screen, tmp_path / "all.csv")
    save.close()
    screen.activateWindow()
    await until(screen.isActiveWindow, what="the screen's window again")
    assert screen.export_cancel.hasFocus()
    QTest.keyClick(screen.export_cancel, Qt.Key.Key_Space)
    with pytest.raises(asyncio.CancelledError):
        await task
    assert screen.export_button.hasFocus()


async def test_an_export_that_fails_halfway_leaves_no_file(
    screen: VouchersScreen, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    await screen.apply_filter()
    await loaded(screen)
    sandbox.inject("html", status=502, count=10, path="/vouchers")
    sandbox.inject("latency", seconds=0.0, count=1)  # the first page goes through below
    path = tmp_path / "all.csv"
    written = await screen.export_to(path)
    assert written == 0
    assert list(tmp_path.iterdir()) == []
    assert "no file was written" in screen.banner.text


async def test_an_exports_outcome_and_an_error_appear_above_the_list_without_moving_it(
    screen: VouchersScreen, sandbox: RunningSandbox, tmp_path: Path
) -> None:
    # The banner above the list folded away when empty: a message moved the list down,
    # and Qt repainted all of it (issue 20's stalls, at the export's end).
    await screen.apply_filter()
    await loaded(screen)
    await asyncio.sleep(0.05)  # laid out
    list_place = screen.table.geometry()
    assert await screen.export_to(tmp_path / "all.csv") > 0
    await asyncio.sleep(0.05)  # laid out again
    assert "Exported" in screen.banner.text and screen.banner.isVisible()
    assert screen.banner.geometry().bottom() < list_place.top()
    assert screen.table.geometry() == list_place
    sandbox.inject("html", status=502, count=10, path="/vouchers")
    assert await screen.export_to(tmp_path / "again.csv") == 0  # an error, with Details…
    await asyncio.sleep(0.05)
    assert "no file was written" in screen.banner.text
    assert screen.banner.findChild(QPushButton, "detailsButton").isVisible()
    assert screen.table.geometry() == list_place


async def test_the_screen_reads_well(screen: VouchersScreen) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    screen.table.selectRow(2)
    path = Path(tempfile.gettempdir()) / "vouchers-screen.png"
    screen.grab().save(str(path))
    assert path.stat().st_size > 10_000
    assert screen.table.horizontalHeader().count() == 6
    assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Code"


def text_colour(widget: QWidget, background: str) -> QColor:
    """The colour of the widget's text: the pixel of its text area farthest from the field's
    background (the arrows' side is left out)."""
    image = widget.grab().toImage()
    base = QColor(background)

    def distance(colour: QColor) -> int:
        return (
            abs(colour.red() - base.red())
            + abs(colour.green() - base.green())
            + abs(colour.blue() - base.blue())
        )

    farthest = base
    for x in range(4, image.width() * 2 // 3):
        for y in range(4, image.height() - 4):
            colour = image.pixelColor(x, y)
            if distance(colour) > distance(farthest):
                farthest = colour
    return farthest


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=lambda p: p.name)
async def test_a_date_field_is_disabled_and_looks_it_until_its_set_box_is_ticked(
    screen: VouchersScreen, qapp: QApplication, palette: theme.Palette
) -> None:
    style = qapp.styleSheet()
    theme.install(qapp, palette.name)
    try:
        dialog = screen.open_create_dialog()
        await until(dialog.isVisible, what="the dialog")
        fields = (dialog.activation, dialog.expiration, (dialog.uses_set, dialog.uses))
        for check, field in fields:
            assert not check.isChecked() and not field.isEnabled()
            unset = text_colour(field, palette.surface)
            check.setFocus(Qt.FocusReason.TabFocusReason)
            QTest.keyClick(check, Qt.Key.Key_Space)
            assert check.isChecked() and field.isEnabled()
            ticked = text_colour(field, palette.surface)
            assert ticked.name() == palette.text, (ticked.name(), palette.text)
            assert unset.name() == palette.disabled_text, (unset.name(), palette.disabled_text)
            QTest.keyClick(check, Qt.Key.Key_Space)
            assert not field.isEnabled()
        dialog.reject()
    finally:
        theme.install(qapp, "light")
        qapp.setStyleSheet(style)


def fits(table: QTableView, text: str, column: int) -> bool:
    """Whether ``text`` shows whole in ``column`` (the delegate keeps a focus margin aside)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return table.fontMetrics().horizontalAdvance(text) + 2 * margin <= table.columnWidth(column)


async def test_every_column_fits_the_window_at_its_default_width(counter: Counter) -> None:
    window = counter.window
    assert window.width() == 1100
    window.resize(1100, 900)  # as in the screenshots: more rows in view, wider texts among them
    window.tabs.setCurrentWidget(window.vouchers)
    screen = window.vouchers
    await until(lambda: screen.model.rowCount() > 0 and not screen.model.loading, what="a page")
    await until(lambda: window.tasks.running == 0)
    table, model = screen.table, screen.model
    header = table.horizontalHeader()
    assert header.resizeContentsPrecision() == 0  # measured from the rows in view only
    # All six columns in view: nothing to scroll sideways, the last one ends in the table.
    assert table.horizontalScrollBar().maximum() == 0
    last = model.columnCount() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width()
    )
    # Every date of every loaded voucher shows whole, even of rows never scrolled to.
    dates = [
        (row, column)
        for row in range(model.rowCount())
        for column in (VouchersModel.EXPIRES, VouchersModel.REDEEMED)
        if model.index(row, column).data()
    ]
    assert any(column == VouchersModel.REDEEMED for _, column in dates)
    for row, column in dates:
        assert fits(table, model.index(row, column).data(), column), (row, column)
    # And so does every text in the rows in view (the header's texts too).
    shown = range(table.rowAt(0), table.rowAt(table.viewport().height() - 1) + 1)
    for column in range(model.columnCount()):
        assert fits(table, model.headerData(column, Qt.Orientation.Horizontal), column)
        for row in shown:
            assert fits(table, model.index(row, column).data(), column), (row, column)


async def test_codes_in_view_show_whole_after_another_filter_and_a_sort(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    long_code = "LANGEVOUCHERCODE2026WINTERACTIE"
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        await client.vouchers.create(KNOWN.PROMOTION_LIMITED, code=long_code)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("REDEEMED"))
    await screen.apply_filter()
    await loaded(screen)
    # Another filter: the new rows in view are measured again.
    screen.status_filter.setCurrentIndex(0)
    screen.promotion_filter.setCurrentIndex(
        screen.promotion_filter.findData(KNOWN.PROMOTION_LIMITED)
    )
    await screen.apply_filter()
    await loaded(screen)
    await until(
        lambda: any(
            screen.model.voucher(r).code == long_code for r in range(screen.model.rowCount())
        )
    )
    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    await asyncio.sleep(0)
    row = next(
        r for r in range(screen.model.rowCount()) if screen.model.voucher(r).code == long_code
    )
    screen.table.scrollTo(screen.model.index(row, 0))
    assert fits(screen.table, long_code, 0)
    # And a sort that brings other rows into view measures them too.
    screen.status_filter.setCurrentIndex(0)
    screen.promotion_filter.setCurrentIndex(0)
    await screen.apply_filter()
    await loaded(screen, PAGE)
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    await asyncio.sleep(0)
    shown = range(
        screen.table.rowAt(0), screen.table.rowAt(screen.table.viewport().height() - 1) + 1
    )
    for row in shown:
        assert fits(screen.table, screen.model.voucher(row).code, 0), screen.model.voucher(row).code


async def test_row_actions_are_off_until_a_row_is_chosen(screen: VouchersScreen) -> None:
    actions = (
        screen.activate_button,
        screen.deactivate_button,
        screen.reverse_button,
        screen.copy_button,
        screen.counter_button,
    )
    await screen.apply_filter()
    await loaded(screen, PAGE)
    assert not any(button.isEnabled() for button in actions)
    active = next(r for r in range(PAGE) if screen.model.voucher(r).status == "ACTIVE")
    screen.table.selectRow(active)
    assert screen.deactivate_button.isEnabled() and screen.copy_button.isEnabled()
    # Ctrl+click on the chosen row un-chooses it: nothing is chosen, nothing is offered.
    rect = screen.table.visualRect(screen.model.index(active, 0))
    QTest.mouseClick(
        screen.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    assert screen.table.selectionModel().selectedRows() == []
    assert not any(button.isEnabled() for button in actions)
    # Another filter starts without a choice, too.
    screen.table.selectRow(active)
    await screen.apply_filter()
    await loaded(screen, PAGE)
    assert not any(button.isEnabled() for button in actions)


async def test_the_count_follows_a_find_and_an_empty_find_brings_the_list_back(
    screen: VouchersScreen,
) -> None:
    await screen.apply_filter()
    await loaded(screen, PAGE)
    total = screen.model.total
    assert total is not None and total > PAGE
    assert screen.count_label.text() == f"{PAGE} of {total} vouchers shown"
    screen.code_search.setText(KNOWN.ACTIVE_WITH_CONTACT)
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.model.rowCount() == 1)
    assert screen.count_label.text() == "1 voucher"
    screen.code_search.clear()
    screen.code_search.returnPressed.emit()
    await until(lambda: screen.model.rowCount() == PAGE and not screen.model.loading)
    assert screen.count_label.text() == f"{PAGE} of {total} vouchers shown"
    # Another filter says its own count, never the last one's.
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("EXPIRED"))
    await screen.apply_filter()
    await loaded(screen)
    expired = screen.model.total
    assert expired is not None and expired < total
    shown = screen.model.rowCount()
    assert screen.count_label.text() in (
        f"{expired} vouchers",
        f"{shown} of {expired} vouchers shown",
    )


async def test_batch_how_many_says_the_maximum_when_more_is_typed(screen: VouchersScreen) -> None:
    """Issue 15 (frictions): "600" typed into How many became 60 without a word; the
    field now says that a batch holds at most 500 as soon as the third digit is refused."""
    await screen.load_promotions()
    dialog = screen.open_batch_dialog()
    error = dialog.findChild(QLabel, "error_quantity")
    dialog.quantity.setFocus()
    dialog.quantity.selectAll()
    QTest.keyClicks(dialog.quantity, "600")
    assert dialog.quantity.value() == 60  # Qt refuses the digit that makes 600
    assert error.isVisible()
    assert error.text() == "At most 500 vouchers in one batch: make another batch for the rest."
    dialog.grab().save(str(Path(tempfile.gettempdir()) / "batch-over-maximum.png"))
    QTest.keyClick(dialog.quantity, Qt.Key.Key_Backspace)
    QTest.keyClicks(dialog.quantity, "5")
    assert dialog.quantity.value() == 65 and not error.isVisible()
    dialog.close()


async def test_the_batch_maximum_shows_whole_in_the_themed_dialog(
    screen: VouchersScreen, qapp: QApplication
) -> None:
    """The over-maximum sentence takes three lines in the program's own font: the dialog
    grows for them (its last words, "the rest.", were cut off)."""
    style = qapp.styleSheet()
    theme.install(qapp, "light")
    try:
        dialog = screen.open_batch_dialog()
        await until(dialog.isVisible, what="the dialog")
        dialog.quantity.setFocus()
        dialog.quantity.selectAll()
        QTest.keyClicks(dialog.quantity, "600")
        error = dialog.findChild(QLabel, "error_quantity")
        assert error.isVisible() and error.heightForWidth(error.width()) > 2 * (
            error.fontMetrics().lineSpacing()
        )
        await until(
            lambda: error.height() >= error.heightForWidth(error.width()),
            what="room for the whole sentence",
        )
        dialog.close()
    finally:
        theme.install(qapp, "light")
        qapp.setStyleSheet(style)


async def test_one_word_and_one_colour_per_status_on_every_screen(
    screen: VouchersScreen, sandbox: RunningSandbox
) -> None:
    """Issue 15 (frictions): the Vouchers list showed its statuses plain where Contacts
    coloured them, a blank expiry where Contacts said "Never", "Used on" where Contacts
    said "Redeemed at"; the promotion chart drew Expired and Switched off in one red."""
    from piggy_desk.ui.contacts.screen import ContactVouchersModel
    from piggy_desk.ui.promotions.chart import VoucherCounts, chart_rows

    await screen.apply_filter()
    await fetch_all(screen)
    model = screen.model
    contact = ContactVouchersModel()
    by_code = {
        model.data(model.index(row, VouchersModel.CODE)): row for row in range(model.rowCount())
    }
    async with PiggyClient(sandbox.base_url, sandbox.token) as client:
        shown = [await client.vouchers.find(code) for code in sorted(by_code)[:40]]
    contact.append(shown)
    for number, voucher in enumerate(shown):
        row = by_code[voucher.code]
        for ours, theirs in (
            (VouchersModel.STATUS, ContactVouchersModel.STATUS),
            (VouchersModel.EXPIRES, ContactVouchersModel.EXPIRES),
        ):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
                assert model.data(model.index(row, ours), role) == contact.data(
                    contact.index(number, theirs), role
                ), (voucher.code, ours, role)
    assert any(v.expiration_date is None for v in shown), "a voucher that never expires"
    assert model.headerData(VouchersModel.REDEEMED, Qt.Orientation.Horizontal) == (
        contact.headerData(ContactVouchersModel.REDEEMED, Qt.Orientation.Horizontal)
    )
    rows = chart_rows(VoucherCounts("x", 10, None, {}))
    colours = [row.colour for row in rows]
    assert len(set(colours)) == len(colours), [(row.label, row.colour) for row in rows]


async def test_the_export_follows_the_screen_and_says_where_it_went(
    screen: VouchersScreen, tmp_path: Path
) -> None:
    """Issue 15 (frictions): the export's message named the file but not its folder, its
    rows came in Piggy's order whatever the list was sorted by, and its statuses were the
    API's words only."""
    await screen.apply_filter()
    await fetch_all(screen)
    screen.table.sortByColumn(VouchersModel.CODE, Qt.SortOrder.DescendingOrder)
    shown = [
        screen.model.data(screen.model.index(row, VouchersModel.CODE))
        for row in range(screen.model.rowCount())
    ]
    words = {
        screen.model.data(screen.model.index(row, VouchersModel.CODE)): screen.model.data(
            screen.model.index(row, VouchersModel.STATUS)
        )
        for row in range(screen.model.rowCount())
    }
    folder = tmp_path / "Exports"
    folder.mkdir()
    await screen.export_to(folder / "vouchers.csv")
    with (folder / "vouchers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["code"] for row in rows] == shown
    assert all(row["status_shown"] == words[row["code"]] for row in rows)
    assert {row["status_shown"] for row in rows} >= {"Valid", "Already used", "Switched off"}
    assert str(folder) in screen.banner.text and "vouchers.csv" in screen.banner.text


async def test_the_first_down_arrow_in_the_list_chooses_its_first_row(
    screen: VouchersScreen,
) -> None:
    """Tab into the list, then Down: the first voucher is chosen. Qt makes the first cell
    current as the list takes the focus, without choosing it, and Down went on to the
    second row."""
    await screen.apply_filter()
    await loaded(screen, PAGE)
    screen.activateWindow()
    screen.table.setFocus(Qt.FocusReason.TabFocusReason)
    await until(lambda: QApplication.focusWidget() is screen.table, what="focus on the list")
    QTest.keyClick(screen.table, Qt.Key.Key_Down)
    chosen = [index.row() for index in screen.table.selectionModel().selectedRows()]
    assert (screen.table.currentIndex().row(), chosen) == (0, [0])
    QTest.keyClick(screen.table, Qt.Key.Key_Down)
    chosen = [index.row() for index in screen.table.selectionModel().selectedRows()]
    assert (screen.table.currentIndex().row(), chosen) == (1, [1])
