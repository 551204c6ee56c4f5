"""What a screen reader gets from the counter, over the real AT-SPI bus (Linux).

One program start on its own Xvfb display, session bus and accessibility bus
(tests/ui/core/screen_reader/bus.py); a listener in Debian's python3 (pyatspi) records what
reaches the bus. Skipped where those Debian packages are missing or the bus cannot start.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from piggy_desk.sandbox import KNOWN
from tests.ui.core.screen_reader.bus import (
    HERE,
    SYSTEM_PYTHON,
    BusUnavailable,
    Desktop,
    Event,
    desktop,
    missing,
)

ASSERTIVE = 2  # AT-SPI's live politeness: 1 polite, 2 assertive


@pytest.fixture(scope="module")
def screen_reader() -> Iterator[Desktop]:
    lacking = missing()
    if lacking:
        pytest.skip(f"no screen reader bus here: {lacking}")
    try:
        with desktop() as place:
            yield place
    except (BusUnavailable, subprocess.SubprocessError, OSError) as error:
        pytest.skip(f"the accessibility bus could not start: {error}")


def announcement(place: Desktop, mark: int, text: str) -> Event | None:
    return place.bus.wait_for(
        lambda e: e.get("event") == "object:announcement" and text in e["text"], since=mark
    )


def focused_description(place: Desktop, mark: int, text: str) -> Event | None:
    """A description change on the focused object: what Orca 43 speaks."""
    return place.bus.wait_for(
        lambda e: (
            e.get("event", "").startswith("object:property-change:accessible-description")
            and e["source"].get("focused")
            and text in e["source"]["description"]
        ),
        since=mark,
    )


def focus_arrived(place: Desktop, mark: int) -> Event | None:
    return place.bus.wait_for(
        lambda e: e.get("event", "").startswith("object:state-changed:focused"), since=mark
    )


def test_the_voucher_card_is_one_tab_stop_read_whole(screen_reader: Desktop) -> None:
    place = screen_reader
    shown = place.scan(KNOWN.ACTIVE_WITH_CONTACT)
    assert "Valid. Press Enter to redeem." in shown["notices"], shown
    mark = len(place.bus.seen)
    place.key("Tab", notice=False)
    focused = focus_arrived(place, mark)
    assert focused is not None, "Tab from the scan field went nowhere"
    card = focused["source"]["name"]
    for part in (KNOWN.ACTIVE_WITH_CONTACT, "Valid", KNOWN.CONTACT_EMAIL, "Expires:"):
        assert part in card, f"{part!r} not in what the card says: {card!r}"
    place.key("Escape", notice=False)  # back to the scan field


def test_escape_on_the_customer_panel_moves_focus_once(screen_reader: Desktop) -> None:
    """Esc on the customer panel's Cancel: focus goes to the scan field, once (it bounced
    between the scan field and the customer field four times)."""
    place = screen_reader
    place.focus_window()
    place.scan(KNOWN.ACTIVE_NO_CONTACT)
    asked = place.key("Return")
    assert asked["focus"] == "QLineEdit#contactSearchInput", asked
    place.key("Tab", "Tab", notice=False)
    mark = len(place.bus.seen)
    done = place.key("Escape")
    assert done["focus"] == "QLineEdit#scanInput", done
    time.sleep(0.3)
    arrivals = [
        event["source"]["name"]
        for event in place.bus.since(mark)
        if event.get("event", "").startswith("object:state-changed:focused")
    ]
    assert arrivals == ["Voucher code"], arrivals


COUNTER_STEPS = [
    # (step, what is done, what the sentence must say, a refusal?)
    ("valid", ("scan", KNOWN.ACTIVE_WITH_CONTACT), "Valid. Press Enter to redeem.", False),
    ("reserve", ("key", "Return"), "Press Enter to confirm the redemption", False),
    ("cancelled", ("key", "Escape"), "Cancelled. The voucher was not redeemed.", False),
    ("valid again", ("scan", KNOWN.WITH_PLU), "Valid. Press Enter to redeem.", False),
    ("reserve again", ("key", "Return"), "Press Enter to confirm the redemption", False),
    ("", ("do", "pause 0.6"), None, None),  # the question read before it is answered
    ("redeemed", ("key", "Return"), "Redeemed: ", False),
    ("expired", ("scan", KNOWN.EXPIRED), "Refused: This voucher has expired.", True),
    ("unknown", ("scan", "NIETBEKEND7"), "Refused: No voucher with the code “NIETBEKEND7”", True),
    ("expired", ("scan", KNOWN.EXPIRED), "Refused: This voucher has expired.", True),
    ("", ("do", "pause 1.6"), None, None),
    # The same sentence again is spoken again (a description that does not change fires
    # nothing; the same code within 1.5 s counts once, hence the pause).
    ("expired again", ("scan", KNOWN.EXPIRED), "Refused: This voucher has expired.", True),
    ("", ("do", "offline"), None, None),
    ("offline", ("scan", KNOWN.ACTIVE_NO_CONTACT), "could not be checked", True),
]


NO_CONNECTION = "No connection to Piggy"
CONNECTION_GONE = "No connection to Piggy: vouchers cannot be checked or redeemed now."


def test_every_counter_outcome_reaches_the_screen_reader(screen_reader: Desktop) -> None:
    place = screen_reader
    unsaid: list[str] = []
    for step, (how, what), wanted, refusal in COUNTER_STEPS:
        mark = len(place.bus.seen)
        answer = {"scan": place.scan, "key": place.key, "do": place.do}[how](what)
        if wanted is None:
            continue
        # The banner's sentences as the program gave them, and the one this step is about.
        sentences = answer["notices"]
        assert any(wanted in sentence for sentence in sentences) or wanted.startswith(
            ("Refused", "Problem")
        ), f"{step}: the counter said {sentences}"
        if step == "offline":
            # The window's sentence of the connection gone came with the scan's own, which
            # says it already: the screen reader hears "No connection to Piggy" once.
            assert CONNECTION_GONE in sentences, sentences
            sentences = [sentence for sentence in sentences if sentence != CONNECTION_GONE]
            heard = focused_description(place, mark, wanted)
            if heard is not None and heard["source"]["description"].count(NO_CONNECTION) != 1:
                unsaid.append(f"{step}: not once: {heard['source']['description']!r}")
        for sentence in [*sentences, wanted]:
            event = announcement(place, mark, sentence)
            if event is None:
                unsaid.append(f"{step}: no announcement of {sentence!r}")
            elif refusal and not event["text"].startswith(("Refused:", "Problem:")):
                unsaid.append(f"{step}: the refusal is not said first: {event['text']!r}")
            elif (event["politeness"] == ASSERTIVE) != refusal:
                unsaid.append(f"{step}: announced with politeness {event['politeness']}")
            if focused_description(place, mark, sentence) is None:
                unsaid.append(f"{step}: no description change on the focused object: {sentence!r}")
    assert unsaid == [], "\n".join(unsaid)


SCREENS = ("Counter", "Vouchers", "Promotions", "Contacts", "Journal", "Settings")
DIALOGS = ("voucher", "batch", "promotion")
# A combo box is named by its current item on Linux: its name must come from a label.
LABELLED_ROLES = {"combo box"}
# Roles that say nothing: a Tab stop with one of them is heard as silence. (A named panel,
# the voucher card, is a summary a screen reader reads whole.)
NAMELESS_ROLES = {"filler", "unknown", "invalid", "redundant object"}


def problems_of(control: Event) -> list[str]:
    role, name = control["role"], control["name"].strip()
    found = []
    if not name and not control.get("labelled_by"):
        found.append("no name")
    if role in NAMELESS_ROLES:
        found.append(f"a focusable {role}")
    if role in LABELLED_ROLES and not any(label.strip() for label in control["labelled_by"]):
        found.append("no label")
    if "  " in name or "(Enter)" in name or "(Esc)" in name:
        found.append("a key hint in its name")
    return found


def unnamed_on_the_bus(place: Desktop, where: str, seen: set[str]) -> list[str]:
    found = []
    for control in place.tree():
        what = f"{where}: {control['role']} {control['name']!r} at {control['box'][:2]}"
        for problem in problems_of(control):
            if f"{what} {problem}" not in seen:
                seen.add(f"{what} {problem}")
                found.append(f"{what}: {problem}")
    return found


def test_every_focusable_control_has_a_name_and_a_role(screen_reader: Desktop) -> None:
    place = screen_reader
    seen: set[str] = set()
    found: list[str] = []
    for number, screen in enumerate(SCREENS, start=1):
        place.key(f"ctrl+{number}", notice=False)
        found += unnamed_on_the_bus(place, screen, seen)
    for dialog in DIALOGS:
        place.do(f"dialog {dialog}")
        found += unnamed_on_the_bus(place, f"{dialog} dialog", seen)
        place.do("close")
    # Without a window manager the keyboard falls back to the root window when a dialog
    # closes (see pitfalls.md): give it back to the program's window.
    place.focus_window()
    place.key("ctrl+1", notice=False)
    # (Not checked: the tab bar's name. Qt 6 names it by its current tab's text and has
    # no way to give it its own; the tab widget around it carries the name "Screens".)
    assert found == [], "\n".join(found)


def out_of_order(stops: list[Event]) -> list[str]:
    """Pairs of Tab stops in an order the eye would not take: a later stop above an earlier
    one in the same column (a table before the buttons above it), or left of it on the same
    line. Two columns side by side may be read one after the other."""
    found = []
    for i, early in enumerate(stops):
        ex, ey, ew, eh = early["box"]
        for late in stops[i + 1 :]:
            lx, ly, lw, lh = late["box"]
            same_column = lx < ex + ew and ex < lx + lw
            same_line = ly < ey + eh and ey < ly + lh
            if (same_column and ly + lh <= ey) or (same_line and lx + lw <= ex):
                found.append(
                    f"{late['role']} {late['name']!r} at {late['box'][:2]} comes after "
                    f"{early['role']} {early['name']!r} at {early['box'][:2]}"
                )
    return found


def tab_cycle(place: Desktop, screen: str) -> list[Event]:
    """The controls Tab visits, from the tab bar round to it again."""
    presses = 2 * len(place.tree()) + 3  # twice round, wherever focus starts
    mark = len(place.bus.seen)
    # Tab after Tab is never a scanner's (only a Tab right after characters ends a scan):
    # quick presses; the bus may carry their focus events later, so they are waited for.
    place.key(*["Tab"] * presses, notice=False, apart_ms=10)

    def stops() -> list[Event]:
        return [
            event["source"]
            for event in place.bus.since(mark)
            if event.get("event", "").startswith("object:state-changed:focused")
            and event["source"]["role"] not in ("table cell", "list item", "page tab")
        ]

    deadline = time.monotonic() + 5
    while (
        sum(stop["role"] == "page tab list" for stop in stops()) < 2 and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    visits = stops()
    starts = [i for i, stop in enumerate(visits) if stop["role"] == "page tab list"]
    assert len(starts) >= 2, f"{screen}: Tab never came round to the tab bar: {visits}"
    return visits[starts[0] + 1 : starts[1]]


def test_the_tab_order_of_each_screen_is_the_visual_order(screen_reader: Desktop) -> None:
    place = screen_reader
    found = []
    for number, screen in enumerate(SCREENS, start=1):
        place.key(f"ctrl+{number}", notice=False)
        stops = tab_cycle(place, screen)
        assert stops, f"{screen}: Tab reaches nothing"
        found += [f"{screen}: {problem}" for problem in out_of_order(stops)]
        visited = {(stop["role"], tuple(stop["box"])) for stop in stops}
        found += [
            f"{screen}: Tab never reaches {control['role']} {control['name']!r}"
            for control in place.tree()
            if control["role"] not in ("page tab", "page tab list")
            and control.get("enabled")
            # (of a group of radio buttons Tab visits the chosen one; arrows move on)
            and (control["role"] != "radio button" or control.get("checked"))
            and (control["role"], tuple(control["box"])) not in visited
        ]
    place.key("ctrl+1", notice=False)
    assert found == [], "\n".join(found)


def test_the_new_promotion_dialog_opens_on_its_name_field_with_its_hints_linked(
    screen_reader: Desktop,
) -> None:
    place = screen_reader
    place.focus_window()
    place.key("ctrl+3", notice=False)
    mark = len(place.bus.seen)
    opened = place.do("dialog promotion")
    arrived = place.bus.wait_for(
        lambda e: (
            e.get("event", "").startswith("object:state-changed:focused")
            and e["source"]["role"] in ("text", "push button")
        ),
        since=mark,
    )
    # The hints under the fields label them (a screen reader read them all as loose text
    # when the dialog opened, and never with their field).
    hinted = {
        control["name"]: control["labelled_by"]
        for control in place.tree()
        if control["name"] in ("Uses per voucher", "Voucher limit", "Vouchers valid for")
    }
    place.do("close")
    place.focus_window()
    place.key("ctrl+1", notice=False)
    assert opened["focus"] == "QLineEdit#nameInput", opened
    assert arrived is not None and arrived["source"]["name"] == "Name", arrived
    assert "How many times one voucher can be used." in hinted["Uses per voucher"], hinted
    assert "Vouchers in all." in hinted["Voucher limit"], hinted


class Orca:
    """Debian's Orca on the program's buses, its speech read from its debug log."""

    def __init__(self, place: Desktop, folder: Path) -> None:
        self.log = folder / "orca-debug.log"
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "orca_speech.py"), str(self.log), str(folder / "prefs")],
            env=place.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def spoken(self) -> list[str]:
        """Every utterance so far ("…'{" ends one: an apostrophe inside is kept)."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return re.findall(r"SPEECH OUTPUT: '(.*?)' ?\{", text)

    def said(self, words: str, since: int) -> bool:
        """Whether ``words`` are said after the first ``since`` utterances, within 15 s."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if any(words in line for line in self.spoken()[since:]):
                return True
            time.sleep(0.1)
        return False

    def heard_after(self, press: Callable[[], object], words: str) -> list[str]:
        """What is said after ``press()``: once ``words`` are, and a second saying of them
        would have followed (it comes at once)."""
        since = len(self.spoken())
        press()
        self.said(words, since)
        time.sleep(1.0)
        return self.spoken()[since:]

    def stop(self) -> None:
        print("\n".join(f"SPEECH OUTPUT: {line!r}" for line in self.spoken()))
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def orca(screen_reader: Desktop, tmp_path: Path) -> Iterator[Orca]:
    """Orca started and speaking, the program's window with the keyboard."""
    if not Path("/usr/bin/orca").exists():
        pytest.skip("Orca is not installed (apt-get install orca)")
    reader = Orca(screen_reader, tmp_path)
    try:
        assert reader.said("Screen reader on", 0), f"Orca did not start: {reader.spoken()}"
        screen_reader.focus_window()
        yield reader
    finally:
        reader.stop()


@pytest.mark.long
def test_orca_says_the_customer_step_once(screen_reader: Desktop, orca: Orca) -> None:
    """Heard with Orca on Xvfb: a voucher without a customer, Enter: "This voucher has no
    customer yet…" twice (the focus went to the customer field first, and Orca read its new
    description with the arrival and again for the change); the customer typed and found:
    the customer field's own "Example: customer@example.com" as it was left, then the
    question twice; Esc on the customer step: "Cancelled. …" twice. Each is said once, and
    the field's example not at all."""
    place = screen_reader
    place.scan(KNOWN.ACTIVE_NO_CONTACT)
    asked = orca.heard_after(lambda: place.key("Return"), "no customer yet")
    place.xdotool("type", "--delay", "20", KNOWN.CONTACT_EMAIL)
    question = orca.heard_after(lambda: place.key("Return"), "Redeem ")
    since = len(orca.spoken())
    place.key("Escape")
    place.scan(KNOWN.ACTIVE_NO_CONTACT)
    place.key("Return")
    orca.said("no customer yet", since)
    cancelled = orca.heard_after(lambda: place.key("Escape"), "Cancelled")
    assert sum("no customer yet" in line for line in asked) == 1, asked
    assert sum("Redeem " in line for line in question) == 1, question
    assert not any("Example:" in line for line in question), question
    assert sum("Cancelled" in line for line in cancelled) == 1, cancelled


@pytest.mark.long
def test_orca_says_a_refused_voucher_not_checked_once(screen_reader: Desktop, orca: Orca) -> None:
    """Piggy refused the redeem (the voucher switched off while held here) and the look-up
    after it failed: the refusal is said once, and the card once, "Not checked", never
    "Valid" or the passing "Checking…" (its card is not announced). The look-up failed with
    a 500: "Piggy is not answering as it should", never "No connection to Piggy"."""
    place = screen_reader
    code = KNOWN.ACTIVE_WITH_CONTACT
    place.scan(code)
    orca.heard_after(lambda: place.key("Return"), "Redeem ")  # (the question read meanwhile)
    place.do(f"switch {code} off")
    fault = {"kind": "status", "status": 500, "count": 5, "path": "/vouchers/find"}
    place.do(f"fault {json.dumps(fault)}")
    since = len(orca.spoken())
    heard = orca.heard_after(lambda: place.key("Return"), "Not checked")
    place.do("clear_faults")
    place.do(f"switch {code} on")  # as it was for the next test
    # The failed look-up was a server error: Piggy answered, the connection never went.
    orca.said("Piggy is answering as it should again", since)
    assert sum("switched off" in line for line in heard) == 1, heard
    assert sum("Not checked" in line for line in heard) == 1, heard
    assert not any("Checking…" in line or f"{code}, Valid" in line for line in heard), heard
    # Piggy answered with a 500: the network works, and no word says it does not.
    assert not any("No connection" in line for line in heard), heard


@pytest.mark.long
def test_orca_says_every_counter_outcome(screen_reader: Desktop, orca: Orca) -> None:
    """End to end with Orca itself (Debian's orca): what it would say, from its debug log.
    Outside the default run (pytest -m long): Orca takes seconds to start."""
    place = screen_reader
    unsaid = []
    for step, (how, what), wanted, _ in COUNTER_STEPS:
        since = len(orca.spoken())
        {"scan": place.scan, "key": place.key, "do": place.do}[how](what)
        if wanted is not None and not orca.said(wanted.rstrip(": "), since):
            unsaid.append(f"{step}: Orca did not say {wanted!r}: {orca.spoken()[since:]}")
    assert unsaid == [], "\n".join(unsaid)
