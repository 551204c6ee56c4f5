"""The Promotions screen on the qasync loop against the sandbox over loopback: the table,
the details and the voucher chart, and the create dialog with its checks and Piggy's."""

from __future__ import annotations

import asyncio
import os
import socket
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
)

from piggy_desk.api import PiggyClient, Promotion
from piggy_desk.manager import drafts
from piggy_desk.notices import Tone
from piggy_desk.sandbox import KNOWN, PIGGY_PREFIX, RunningSandbox
from piggy_desk.ui.core.i18n import install_translators
from piggy_desk.ui.core.messages import MessagePath
from piggy_desk.ui.core.tasks import TaskRunner
from piggy_desk.ui.promotions.chart import CHART_STATUSES, VoucherCounts
from piggy_desk.ui.promotions.dialogs import CreatePromotionDialog
from piggy_desk.ui.promotions.model import PromotionsModel
from piggy_desk.ui.promotions.screen import PromotionsScreen
from piggy_desk.ui.promotions.texts import PromotionDraft, check_draft, duration_text
from piggy_desk.ui.widgets.scanner_enter import SCANNER_PAUSE_SECONDS
from tests.ui.conftest import POPUP_WARNINGS, SCREENSHOTS, dispose, until
from tests.ui.wheel import turn_wheel, value, wheel_choices

# Where the multi-use pictures go when PIGGY_DESK_SCREENSHOTS names a folder (issue 14).
SCREENSHOT_DIR = (
    Path(os.environ["PIGGY_DESK_SCREENSHOTS"]) if os.environ.get("PIGGY_DESK_SCREENSHOTS") else None
)


@dataclass
class Desk:
    """A manager at the Promotions screen, with the sandbox to check the truth against."""

    screen: PromotionsScreen
    client: PiggyClient
    tasks: TaskRunner
    messages: MessagePath
    sandbox: RunningSandbox
    counted: list[VoucherCounts]

    async def settle(self) -> None:
        await until(lambda: self.tasks.running == 0, what="the screen's work to finish")

    async def select(self, promotion_uuid: str) -> VoucherCounts:
        """Select a promotion and wait for its chart."""
        assert self.screen.select_promotion(promotion_uuid)
        await until(
            lambda: (
                self.screen.chart.counts is not None
                and self.screen.chart.counts.promotion_uuid == promotion_uuid
            ),
            what="the chart of the selected promotion",
        )
        assert self.screen.chart.counts is not None
        return self.screen.chart.counts

    def column(self, column: int) -> list[str]:
        proxy = self.screen.proxy
        return [proxy.index(row, column).data() for row in range(proxy.rowCount())]

    def row_of(self, name: str) -> list[str]:
        proxy = self.screen.proxy
        for row in range(proxy.rowCount()):
            if proxy.index(row, 0).data() == name:
                return [proxy.index(row, c).data() for c in range(proxy.columnCount())]
        raise AssertionError(f"{name} is not in the table")

    def requests(self) -> int:
        return self.sandbox.stats()["requests"]

    async def create(self, dialog: CreatePromotionDialog, name: str) -> Promotion:
        """Press Create and wait until the new promotion is listed, selected and counted."""
        dialog.create_button.click()
        await until(lambda: self.screen.create_dialog is None, what="the dialog to close")
        await until(
            lambda: (
                self.screen.current_promotion is not None
                and self.screen.current_promotion.name == name
            ),
            what="the new promotion selected",
        )
        await self.settle()
        created = self.screen.current_promotion
        assert created is not None
        return created

    async def open_dialog(self) -> CreatePromotionDialog:
        button = self.screen.findChild(QPushButton, "newPromotionButton")
        assert button is not None
        button.click()
        dialog = self.screen.findChild(QDialog, "createPromotionDialog")
        assert isinstance(dialog, CreatePromotionDialog)
        await until(dialog.isVisible, what="the create dialog")
        assert dialog.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
        return dialog


async def piggy(sandbox: RunningSandbox, path: str) -> Any:
    """The sandbox's answer, fetched without the program's client (the independent truth)."""
    async with httpx.AsyncClient(
        base_url=f"{sandbox.base_url}{PIGGY_PREFIX}",
        headers={"Authorization": f"Bearer {sandbox.token}", "Accept": "application/json"},
    ) as http:
        answer = await http.get(path)
        answer.raise_for_status()
        return answer.json()


def error_label(dialog: QDialog, field: str) -> QLabel:
    label = dialog.findChild(QLabel, f"error_{field}")
    assert label is not None, field
    return label


@pytest.fixture
async def desk(sandbox: RunningSandbox, on_its_own: None) -> AsyncIterator[Desk]:
    client = PiggyClient(sandbox.base_url, sandbox.token)
    messages = MessagePath()
    tasks = TaskRunner(messages.on_task_failed)
    screen = PromotionsScreen(client, tasks, messages)
    counted: list[VoucherCounts] = []
    screen.controller.counts_loaded.connect(counted.append)
    screen.resize(1100, 760)
    screen.show()
    await screen.load()
    await until(lambda: tasks.running == 0, what="the first load")
    yield Desk(screen, client, tasks, messages, sandbox, counted)
    await tasks.cancel_all()
    await dispose(screen)
    await client.aclose()
    assert messages.crashes == [], "an unexpected error reached the crash dialog"


# --- pieces without the sandbox ---------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (30 * 86400, "30 days"),
        (86400, "1 day"),
        (12 * 3600, "12 hours"),
        (36 * 3600, "1 day 12 hours"),
        (5400, "1 hour 30 minutes"),
        (45, "45 seconds"),
        (None, "no expiry"),
        (0, "no expiry"),
    ],
)
def test_validity_reads_as_a_person_says_it(seconds: int | None, text: str) -> None:
    assert duration_text(seconds) == text


def test_the_draft_checks_mirror_piggys() -> None:
    ok = PromotionDraft("Koffie", "Gratis koffie", 10, 1, 3600)
    assert check_draft(ok) == {}
    assert check_draft(PromotionDraft("", "x"))["name"] == "A promotion needs a name."
    assert "description" in check_draft(PromotionDraft("x", "   "))
    assert check_draft(PromotionDraft("x" * 255, "y" * 255)) == {}
    assert (
        "at most 255 characters; it has 256" in check_draft(PromotionDraft("x" * 256, "y"))["name"]
    )
    assert set(check_draft(PromotionDraft("x", "y", -1, 2**31, 2**31))) == {
        "voucher_limit",
        "limit_per_contact",
        "expiration_duration",
    }


def test_an_empty_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(PromotionsModel())


# --- the table, the details and the chart -----------------------------------------------


async def test_every_item_model_passes_the_model_tester(desk: Desk, qtmodeltester: Any) -> None:
    assert desk.screen.model.rowCount() > 0
    qtmodeltester.check(desk.screen.model)
    qtmodeltester.check(desk.screen.proxy)


async def test_the_table_lists_the_sandboxs_promotions_with_human_durations(desk: Desk) -> None:
    truth = (await piggy(desk.sandbox, "/promotions"))["data"]
    assert sorted(desk.column(0)) == sorted(p["name"] for p in truth)
    assert desk.column(0) == sorted(desk.column(0), key=str.casefold)  # sorted by name at first
    assert desk.screen.title.text() == f"Promotions ({len(truth)})"
    plu = desk.row_of("Gratis croissant")
    assert plu[1] == "Een verse roomboter croissant bij je koffie."
    assert plu[2:] == ["no limit", "no limit", "30 days", "once"]
    assert desk.row_of("Proefpakket thee")[2:] == ["25", "no limit", "no expiry", "once"]
    assert desk.row_of("Verjaardagsgebak")[2:] == ["no limit", "1", "no expiry", "once"]
    assert desk.row_of("Koffiekaart 10x")[5] == "10 times"


async def test_more_promotions_than_one_page_are_all_listed(desk: Desk) -> None:
    """Issue 14.4: Piggy pages its promotions (30 a page); the screen lists them all."""
    for number in range(35):
        await desk.client.promotions.create(f"Actie {number:02}", "Een tijdelijke actie")
    await desk.screen.load()
    await desk.settle()
    names = desk.column(0)
    assert len(names) == len(set(names)) == 42
    assert {"Gratis koffie", "Actie 00", "Actie 34"} <= set(names)
    assert desk.screen.title.text() == "Promotions (42)"
    assert desk.screen.select_promotion(
        next(p.uuid for p in await desk.client.promotions.list() if p.name == "Actie 34")
    )


async def test_a_limit_of_zero_shows_as_no_limit_everywhere(desk: Desk) -> None:
    """Issue 14.6: the SDK's answers say ``voucher_limit: 0`` where the documents say
    null; both mean no limit, in the table, the details and the chart, and the dialog
    never sends 0 as a limit."""
    async with httpx.AsyncClient(
        base_url=f"{desk.sandbox.base_url}{PIGGY_PREFIX}",
        headers={"Authorization": f"Bearer {desk.sandbox.token}", "Accept": "application/json"},
    ) as http:
        body = {"name": "Free Pizza", "description": "Get your free pizza slice!"}
        answer = await http.post(
            "/promotions", data={**body, "voucher_limit": "0", "limit_per_contact": "0"}
        )
        uuid = answer.json()["data"]["uuid"]
        for _ in range(2):
            await http.post("/vouchers", json={"promotion_uuid": uuid})
    await desk.screen.load()
    await desk.settle()
    assert desk.row_of("Free Pizza")[2:4] == ["no limit", "no limit"]
    counts = await desk.select(uuid)
    assert counts.limit is None
    assert desk.screen.chart.rows[0].text == "2 (no limit)"
    assert desk.screen.detail_values["voucher_limit"].text() == "no limit"
    assert desk.screen.detail_values["limit_per_contact"].text() == "no limit"
    dialog = await desk.open_dialog()
    dialog.voucher_limit_input.selectAll()
    QTest.keyClicks(dialog.voucher_limit_input, "0")
    assert dialog.draft().voucher_limit is None
    assert dialog.voucher_limit_input.text() == "No limit"
    dialog.reject()


async def test_clicking_a_header_sorts_numbers_as_numbers(desk: Desk) -> None:
    desk.counted.clear()
    header = desk.screen.table.horizontalHeader()

    def click(section: int) -> None:
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click(2)
    assert desk.column(2)[0] == "25"
    assert set(desk.column(2)[1:]) == {"no limit"}
    click(2)
    assert desk.column(2)[-1] == "25"
    click(4)
    assert desk.column(4)[0] == "30 days"
    click(0)
    assert desk.column(0) == sorted(desk.column(0), key=str.casefold)
    await desk.settle()
    assert desk.counted == []  # sorting moved the selection; nothing was counted again


async def test_the_details_show_every_field_and_the_custom_attributes(desk: Desk) -> None:
    await desk.select(KNOWN.PROMOTION_WITH_PLU)
    screen = desk.screen
    assert screen.current_promotion is not None
    assert screen.current_promotion.uuid == KNOWN.PROMOTION_WITH_PLU
    assert screen.detail_name.text() == "Gratis croissant"
    assert screen.detail_values["validity"].text() == "30 days"
    assert screen.detail_values["voucher_limit"].text() == "no limit"
    assert screen.detail_values["uuid"].text() == KNOWN.PROMOTION_WITH_PLU
    assert screen.detail_values["type"].text() == "Single use"
    assert screen.detail_values["uses"].text() == "once"
    plu = screen.findChild(QLabel, "attribute_plu")
    department = screen.findChild(QLabel, "attribute_afdeling")
    assert plu is not None and plu.isVisible() and plu.text() == "ABC12"
    assert department is not None and department.text() == "Bakkerij"
    await desk.select(KNOWN.PROMOTION_LIMITED)
    assert screen.findChild(QLabel, "attribute_plu").text() == "—"  # present, but empty
    assert screen.detail_values["voucher_limit"].text() == "25 vouchers"


async def test_the_details_are_read_whole_and_once(desk: Desk) -> None:
    """The details page is one Tab stop a screen reader reads whole: its heading once, the
    custom attributes of the promotion shown (added while the screen is on display)."""
    await desk.select(KNOWN.PROMOTION_WITH_PLU)
    read = desk.screen.details_page.accessibleName()
    assert read.count("Custom attributes") == 1, read
    assert "plu: ABC12" in read and "afdeling: Bakkerij" in read, read
    await desk.select(KNOWN.PROMOTION_LIMITED)
    read = desk.screen.details_page.accessibleName()
    assert "plu: —" in read and "ABC12" not in read, read


async def test_the_chart_counts_equal_the_sandboxs(desk: Desk) -> None:
    counts = await desk.select(KNOWN.PROMOTION_LIMITED)
    vouchers = (
        await piggy(desk.sandbox, f"/vouchers?promotion_uuid={KNOWN.PROMOTION_LIMITED}&limit=500")
    )["data"]
    truth = Counter(voucher["status"] for voucher in vouchers)
    assert (counts.issued, counts.limit) == (24, 25) == (len(vouchers), 25)
    assert dict(counts.by_status) == {status: truth[status] for status in CHART_STATUSES}
    rows = desk.screen.chart.rows
    assert (rows[0].label, rows[0].text) == ("Issued", "24 of 25")
    assert [(row.label, row.text) for row in rows[1:]] == [
        (label, str(truth[status]))
        for label, status in zip(
            [
                "Valid",
                "In use at a counter",
                "Not valid yet",
                "Already used",
                "Expired",
                "Switched off",
            ],
            CHART_STATUSES,
            strict=True,
        )
    ]
    assert "Issued: 24 of 25" in desk.screen.chart.accessibleDescription()


async def test_switching_quickly_cancels_the_superseded_count(desk: Desk) -> None:
    await desk.select(KNOWN.PROMOTION_SINGLE_USE)
    desk.counted.clear()
    requests = len(CHART_STATUSES) + 1
    desk.sandbox.inject("latency", seconds=3.0, path="/vouchers", count=requests)
    before = desk.requests()
    assert desk.screen.select_promotion(KNOWN.PROMOTION_LIMITED)
    assert desk.screen.chart.message == "Counting vouchers…"
    await until(lambda: desk.requests() == before + requests, what="the slow count under way")
    counts = await desk.select(KNOWN.PROMOTION_WITH_PLU)
    await desk.settle()  # every task has ended: the slow one was cancelled, not waited for
    assert [c.promotion_uuid for c in desk.counted] == [KNOWN.PROMOTION_WITH_PLU]
    assert counts.limit is None and desk.screen.chart.rows[0].text.endswith("(no limit)")
    assert desk.screen.detail_name.text() == "Gratis croissant"


# --- creating a promotion ---------------------------------------------------------------


async def test_create_a_promotion_then_it_is_listed_and_selected(desk: Desk) -> None:
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, "Gratis thee")
    QTest.keyClicks(dialog.description_input, "Een kopje thee naar keuze.")
    dialog.voucher_limit_input.setValue(100)
    dialog.limit_per_contact_input.setValue(2)
    dialog.validity_unit.setCurrentIndex(1)  # hours
    dialog.validity_input.setValue(12)
    created = await desk.create(dialog, "Gratis thee")
    assert desk.row_of("Gratis thee")[2:] == ["100", "2", "12 hours", "once"]
    assert desk.screen.banner.tone == Tone.SUCCESS
    assert "Gratis thee" in desk.screen.banner.text
    truth = (await piggy(desk.sandbox, f"/promotions/{created.uuid}"))["data"]
    assert (truth["voucher_limit"], truth["limit_per_contact"], truth["expiration_duration"]) == (
        100,
        2,
        12 * 3600,
    )
    assert desk.screen.chart.counts is not None
    assert desk.screen.chart.rows[0].text == "0 of 100"


async def test_a_multi_use_promotion_with_three_uses_is_made_and_shown(desk: Desk) -> None:
    """Issue 14.3: the New promotion dialog makes a MULTI_USE promotion with 3 uses per
    voucher; Piggy keeps both, and the table and the details say so."""
    dialog = await desk.open_dialog()
    assert dialog.type_input.currentText() == "Single use" and not dialog.uses_input.isEnabled()
    QTest.keyClicks(dialog.name_input, "Koffiekaart 3x")
    QTest.keyClicks(dialog.description_input, "Drie keer koffie naar keuze.")
    dialog.type_input.setFocus()
    QTest.keyClick(dialog.type_input, Qt.Key.Key_Down)
    assert dialog.type_input.currentText() == "Multi-use" and dialog.uses_input.isEnabled()
    dialog.uses_input.selectAll()
    QTest.keyClicks(dialog.uses_input, "3")
    if SCREENSHOT_DIR is not None:
        assert dialog.grab().save(str(SCREENSHOT_DIR / "new-promotion-multi-use.png"))
    created = await desk.create(dialog, "Koffiekaart 3x")
    truth = (await piggy(desk.sandbox, f"/promotions/{created.uuid}"))["data"]
    assert (truth["type"], truth["redemptions_per_voucher"]) == ("MULTI_USE", 3)
    assert desk.row_of("Koffiekaart 3x")[5] == "3 times"
    assert desk.screen.detail_values["type"].text() == "Multi-use"
    assert desk.screen.detail_values["uses"].text() == "3 times"
    if SCREENSHOT_DIR is not None:
        assert desk.screen.grab().save(str(SCREENSHOT_DIR / "promotion-multi-use.png"))


async def test_the_wheel_leaves_an_unfocused_choice_of_the_dialog_alone(desk: Desk) -> None:
    """Outside tester (Settings): the wheel over a combo box changed it while scrolling;
    the new promotion's Type, uses, limits and validity keep their values too."""
    dialog = CreatePromotionDialog(desk.screen)
    dialog.show()
    dialog.activateWindow()
    await until(dialog.isActiveWindow, what="the dialog to be active")
    dialog.name_input.setFocus()
    choices = wheel_choices(dialog)
    assert dialog.type_input in choices
    for choice in choices:
        before = value(choice)
        turn_wheel(choice)
        assert value(choice) == before, choice.objectName()
        assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus, choice.objectName()
    dialog.reject()


async def test_the_dialog_is_wide_enough_for_its_dutch_labels(
    desk: Desk, qapp: QApplication
) -> None:
    """'Aantal keer per voucher:' is a long label: the Dutch dialog grows to fit its hints
    instead of cutting them off."""
    install_translators(qapp, "nl")
    try:
        dialog = CreatePromotionDialog(desk.screen)
        dialog.show()
        await asyncio.sleep(0)
        assert dialog.type_input.itemText(1) == "Meermalig"
        hints = [label for label in dialog.findChildren(QLabel) if label.property("fieldHint")]
        assert len(hints) == 4
        for hint in hints:
            assert hint.width() >= hint.sizeHint().width(), hint.text()
        dialog.reject()
    finally:
        install_translators(qapp, "en")


async def test_the_promotion_id_is_shown_whole_beside_the_dutch_labels(
    desk: Desk, qapp: QApplication
) -> None:
    """With 'Aantal keer per voucher:' the label column is wider; the id beside it wrapped
    at a hyphen and its second line was cut off."""
    install_translators(qapp, "nl")
    screen = PromotionsScreen(desk.client, desk.tasks, desk.messages)
    try:
        screen.resize(1100, 760)
        screen.show()
        await screen.load()
        await desk.settle()
        assert screen.select_promotion(KNOWN.PROMOTION_LIMITED)
        await desk.settle()
        shown = screen.detail_values["uuid"]
        assert shown.text() == KNOWN.PROMOTION_LIMITED
        assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text())
    finally:
        screen.close()
        screen.deleteLater()
        install_translators(qapp, "en")


async def test_a_multi_use_promotion_needs_two_uses_or_more(desk: Desk) -> None:
    """Outside tester: "1" typed as the uses of a multi-use promotion was made 2 without a
    word (the box's minimum corrected it). It is refused under the field instead, and
    nothing is sent to Piggy."""
    before = len((await piggy(desk.sandbox, "/promotions"))["data"])
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, "Kaart")
    QTest.keyClicks(dialog.description_input, "Een kaart")
    dialog.type_input.setCurrentIndex(1)
    assert dialog.uses_input.value() == 2
    dialog.uses_input.setFocus()
    dialog.uses_input.selectAll()
    QTest.keyClicks(dialog.uses_input, "1")
    dialog.create_button.click()
    await desk.settle()
    error = dialog.errors["redemptions_per_voucher"]
    assert error.isVisible()
    assert error.text() == "A multi-use voucher can be used from 2 to 10,000 times."
    assert dialog.uses_input.text() == "1" and dialog.isVisible()
    assert len((await piggy(desk.sandbox, "/promotions"))["data"]) == before
    dialog.type_input.setCurrentIndex(0)
    assert dialog.uses_input.value() == 1 and not dialog.uses_input.isEnabled()
    dialog.reject()


async def test_optional_fields_left_alone_are_not_sent(desk: Desk) -> None:
    dialog = await desk.open_dialog()
    assert dialog.voucher_limit_input.text() == "No limit"
    assert dialog.validity_input.text() == "No expiry"
    dialog.name_input.setText("  Koekje  ")
    dialog.description_input.setPlainText("Bij de koffie.")
    dialog.create_button.click()
    await until(lambda: desk.screen.create_dialog is None, what="the dialog to close")
    await desk.settle()
    created = desk.screen.current_promotion
    assert created is not None and created.name == "Koekje"
    truth = (await piggy(desk.sandbox, f"/promotions/{created.uuid}"))["data"]
    assert truth["voucher_limit"] is None and truth["expiration_duration"] is None
    assert desk.row_of("Koekje")[2:] == ["no limit", "no limit", "no expiry", "once"]


async def test_an_empty_name_is_refused_before_anything_is_sent(desk: Desk) -> None:
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.description_input, "Zonder naam")
    before = desk.requests()
    dialog.create_button.click()
    await desk.settle()
    assert desk.requests() == before
    assert dialog.isVisible()
    label = error_label(dialog, "name")
    assert label.isVisible() and label.text() == "A promotion needs a name."
    assert not error_label(dialog, "description").isVisible()
    assert dialog.description_input.toPlainText() == "Zonder naam"
    assert dialog.focusWidget() is dialog.name_input
    fields_at = dialog.description_input.mapTo(dialog, QPoint(0, 0))
    QTest.keyClicks(dialog.name_input, "Ma")  # typing clears the message
    assert not label.isVisible()
    # The form below stays where it was under the typing hand (it moved up by the
    # message's height, an outside tester found), until Create is pressed again.
    QApplication.processEvents()
    assert dialog.description_input.mapTo(dialog, QPoint(0, 0)) == fields_at
    dialog.reject()


async def test_piggys_1003_shows_next_to_its_field_and_keeps_the_input(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Let a description through that only Piggy refuses, as a rule we do not mirror would.
    monkeypatch.setattr(drafts, "MAX_TEXT_LENGTH", 1000)
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, "Lange uitleg")
    dialog.description_input.setPlainText("x" * 300)
    before = desk.requests()
    dialog.create_button.click()
    await desk.settle()
    assert desk.requests() == before + 1
    assert dialog.isVisible() and desk.screen.create_dialog is dialog
    label = error_label(dialog, "description")
    assert label.isVisible()
    assert label.text() == "The description field must not be greater than 255 characters."
    assert not error_label(dialog, "name").isVisible()
    assert dialog.banner.isVisible() and "see below" in dialog.banner.text
    field = dialog.description_input.geometry()
    assert label.geometry().top() >= field.bottom()  # under its field, not on top of it
    assert dialog.name_input.text() == "Lange uitleg"
    assert dialog.description_input.toPlainText() == "x" * 300
    assert dialog.create_button.isEnabled()
    assert dialog.description_input.accessibleDescription() == label.text()
    dialog.grab().save(str(SCREENSHOTS / "promotion-dialog-error.png"))
    dialog.description_input.setPlainText("Korter.")
    dialog.create_button.click()
    await until(lambda: desk.screen.create_dialog is None, what="the dialog to close")
    await desk.settle()
    assert desk.screen.current_promotion is not None
    assert desk.screen.current_promotion.name == "Lange uitleg"


async def test_a_server_fault_while_creating_shows_a_sentence_and_allows_a_retry(
    desk: Desk,
) -> None:
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, "Storing")
    QTest.keyClicks(dialog.description_input, "Tijdens onderhoud")
    desk.sandbox.inject("status", status=503, path="/promotions", method="POST", count=1)
    dialog.create_button.click()
    await desk.settle()
    assert dialog.isVisible()
    assert dialog.banner.tone == Tone.ERROR
    assert "Piggy is down for maintenance" in dialog.banner.text
    assert "Traceback" not in dialog.banner.text
    assert dialog.name_input.text() == "Storing"
    details = dialog.banner.findChild(QPushButton, "detailsButton")
    assert details is not None and details.isVisible()
    details.click()
    shown = dialog.findChild(QDialog, "errorDetails")
    assert shown is not None and shown.isVisible()
    text = shown.findChild(QPlainTextEdit).toPlainText()
    assert "HTTP status: 503" in text and "request: POST /promotions" in text
    assert desk.sandbox.token not in text
    shown.close()
    dialog.create_button.click()
    await until(lambda: desk.screen.create_dialog is None, what="the dialog to close")
    await desk.settle()
    assert desk.column(0).count("Storing") == 1


async def test_a_lost_answer_says_the_promotion_may_exist_and_reloads(desk: Desk) -> None:
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, "Misschien")
    QTest.keyClicks(dialog.description_input, "Antwoord kwijt")
    desk.sandbox.inject("drop", path="/promotions", method="POST", after_commit=True)
    dialog.create_button.click()
    await until(lambda: dialog.banner.tone == Tone.ERROR, what="the sentence")
    await desk.settle()
    assert "may have been made" in dialog.banner.text
    assert "Misschien" in desk.column(0)  # the list was loaded again and shows it


# --- errors on the screen -------------------------------------------------------------------


async def test_a_load_failure_shows_a_sentence_with_details(desk: Desk) -> None:
    desk.sandbox.inject("status", status=401, path="/promotions", method="GET")
    await desk.screen.load()
    banner = desk.screen.banner
    assert banner.tone == Tone.ERROR
    assert banner.text.startswith("The promotions could not be loaded. Piggy refused the API token")
    assert desk.screen.model.rowCount() > 0  # what was shown stays
    details = banner.findChild(QPushButton, "detailsButton")
    assert details is not None and details.isVisible()
    details.click()
    shown = desk.screen.findChild(QDialog, "errorDetails")
    assert shown is not None and shown.isVisible()
    text = shown.findChild(QPlainTextEdit).toPlainText()
    assert "HTTP status: 401" in text and desk.sandbox.token not in text
    shown.close()
    refresh = desk.screen.findChild(QPushButton, "refreshPromotionsButton")
    assert refresh is not None
    refresh.click()
    await until(lambda: banner.tone is None, what="the banner to clear")
    assert not banner.isVisible()
    await desk.settle()


async def test_offline_at_the_first_load_says_so_instead_of_an_empty_list(desk: Desk) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    offline = PiggyClient(f"http://127.0.0.1:{port}", desk.sandbox.token, max_retries=0)
    screen = PromotionsScreen(offline, desk.tasks, desk.messages)
    try:
        assert screen.placeholder.text() == "The promotions have not been loaded yet."
        screen.show()
        await screen.load()
        assert screen.banner.isVisible() and screen.banner.tone == Tone.ERROR
        assert screen.banner.text == (
            "The promotions could not be loaded. No connection to Piggy. Check the network."
        )
        assert screen.placeholder.isVisible()
        assert screen.placeholder.text() == "The promotions could not be loaded."
        assert screen.model.rowCount() == 0
    finally:
        screen.close()
        screen.deleteLater()
        await offline.aclose()


async def test_a_count_failure_shows_a_sentence_and_the_chart_says_so(desk: Desk) -> None:
    await desk.select(KNOWN.PROMOTION_SINGLE_USE)
    desk.sandbox.inject("broken_json", path="/vouchers", count=1)
    assert desk.screen.select_promotion(KNOWN.PROMOTION_DISCOUNT)
    await desk.settle()
    assert desk.screen.chart.counts is None
    assert desk.screen.chart.message == "The vouchers could not be counted."
    assert desk.screen.banner.text.startswith("The vouchers of “10% korting” could not be counted.")
    assert "Piggy sent an answer that could not be read." in desk.screen.banner.text


# --- how it looks -------------------------------------------------------------------------------


async def test_screenshot_with_a_promotion_selected(desk: Desk) -> None:
    await desk.select(KNOWN.PROMOTION_LIMITED)
    await desk.settle()
    chart = desk.screen.chart
    assert chart.isVisible()
    assert chart.height() >= chart.minimumSizeHint().height()  # no bar is cut off
    assert chart.width() >= chart.minimumSizeHint().width()
    assert desk.screen.table.isVisible()
    assert desk.screen.grab().save(str(SCREENSHOTS / "promotions.png"))
    await desk.select(KNOWN.PROMOTION_SINGLE_USE)  # no limit, the most vouchers
    assert desk.screen.grab().save(str(SCREENSHOTS / "promotions-no-limit.png"))


@POPUP_WARNINGS
async def test_a_right_click_on_the_table_offers_refresh_and_new_promotion(desk: Desk) -> None:
    table = desk.screen.table
    viewport = table.viewport()
    where = table.visualRect(table.model().index(1, 0)).center()
    # A right click: the press (which selects the row), then the context-menu event the
    # platform makes of it (QTest's widget clicks make none).
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, pos=where)
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where)),
    )
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=where)
    await until(lambda: QApplication.activePopupWidget() is not None, what="the menu")
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert table.currentIndex().row() == 1  # the row clicked on
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [
        ("Refresh", True),
        ("New promotion…", True),
    ]
    QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    dialog = desk.screen.findChild(QDialog, "createPromotionDialog")
    assert isinstance(dialog, CreatePromotionDialog)
    await until(dialog.isVisible, what="the create dialog")
    dialog.reject()


async def test_a_scan_into_the_new_promotion_makes_no_promotion(desk: Desk) -> None:
    """An outside tester scanned a voucher while the name had the focus: the scanner's
    Enter pressed Create and a promotion "CROISSANT1" was made. The scanned text stays in
    the field; a person's Enter afterwards still creates."""
    before = len(await desk.client.promotions.list())
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.description_input, "Een croissant naar keuze.")
    dialog.name_input.setFocus()
    QTest.keyClicks(dialog.name_input, KNOWN.WITH_PLU)  # a scanner's pace: no pause
    QTest.keyClick(dialog.name_input, Qt.Key.Key_Return)
    await asyncio.sleep(0.3)
    assert desk.screen.create_dialog is dialog, "the scanner's Enter pressed Create"
    assert dialog.isVisible() and dialog.name_input.text() == KNOWN.WITH_PLU
    assert len(await desk.client.promotions.list()) == before
    dialog.name_input.setText("Gratis croissant extra")
    await asyncio.sleep(SCANNER_PAUSE_SECONDS)  # a person's Enter comes later
    QTest.keyClick(dialog.name_input, Qt.Key.Key_Return)
    await until(lambda: desk.screen.create_dialog is None, what="the promotion made")
    assert any(p.name == "Gratis croissant extra" for p in await desk.client.promotions.list())


async def test_a_name_a_promotion_has_already_is_refused_before_anything_is_sent(
    desk: Desk,
) -> None:
    # (An outside tester made a second "Gratis koffie" without a word.)
    dialog = await desk.open_dialog()
    QTest.keyClicks(dialog.name_input, " gratis KOFFIE ")
    QTest.keyClicks(dialog.description_input, "Nog een keer.")
    before = desk.requests()
    dialog.create_button.click()
    await desk.settle()
    assert desk.requests() == before
    assert dialog.isVisible()
    label = error_label(dialog, "name")
    assert label.isVisible()
    assert label.text() == (
        "There is a promotion called “gratis KOFFIE” already: give this one another name."
    )
    dialog.name_input.setText("Gratis koffie groot")
    dialog.create_button.click()
    await until(lambda: desk.screen.create_dialog is None, what="the dialog to close")
    await desk.settle()
    assert desk.requests() > before
