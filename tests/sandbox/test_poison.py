"""Nothing a request sends may break a later one: what JSON parses but cannot be answered.

JSON numbers such as `1e999` parse to infinity, and `"\\ud800"` to a string with a lone
UTF-16 surrogate; neither can be written back as JSON. Stored, either would turn every
later list into a 500 until a reset, so both are refused with 1003 before they get in.
"""

from __future__ import annotations

import math

import httpx
import pytest

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.clock import SandboxClock
from piggy_desk.sandbox.errors import PiggyError
from piggy_desk.sandbox.inputs import Fields
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, assert_state_renders, data

JSON_HEADERS = {"Content-Type": "application/json"}
COFFEE = KNOWN.PROMOTION_SINGLE_USE


def post_raw(client: httpx.Client, method: str, path: str, text: str) -> httpx.Response:
    """Send `text` as the JSON body exactly as written (httpx refuses to write `1e999`)."""
    return client.request(method, path, content=text.encode(), headers=JSON_HEADERS)


def voucher_count(api: httpx.Client) -> int:
    total: int = api.get("/vouchers", params={"limit": 0}).json()["meta"]["total"]
    return total


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1E+400", "-1e400", "9" * 400 + ".5"])
def test_an_infinite_attribute_on_update_is_refused(api: httpx.Client, number: str) -> None:
    uuid = data(api.get("/vouchers/find", params={"code": KNOWN.ACTIVE_WITH_CONTACT}))["uuid"]
    text = f'{{"status": "ACTIVE", "custom_attributes": {{"x": {number}}}}}'
    body = assert_error(
        post_raw(api, "PUT", f"/vouchers/update/{uuid}", text), 1003, field="custom_attributes.x"
    )
    assert "finite" in body["errors"]["custom_attributes.x"][0]
    assert_state_renders(api)


def test_an_infinite_attribute_on_create_stores_nothing(api: httpx.Client) -> None:
    before = voucher_count(api)
    text = f'{{"promotion_uuid": "{COFFEE}", "custom_attributes": {{"x": -1e999}}}}'
    assert_error(post_raw(api, "POST", "/vouchers", text), 1003, field="custom_attributes.x")
    assert voucher_count(api) == before
    assert_state_renders(api)


def test_an_infinite_attribute_in_a_batch_is_refused(
    api: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.set_batch_delay(0)
    before = voucher_count(api)
    text = f'{{"promotion_uuid": "{COFFEE}", "quantity": 3, "custom_attributes": {{"x": 1e999}}}}'
    assert_error(post_raw(api, "POST", "/vouchers/batch", text), 1003, field="custom_attributes.x")
    assert voucher_count(api) == before
    assert_state_renders(api)


def test_every_non_finite_number_is_named(api: httpx.Client) -> None:
    text = '{"code": 1e999, "items": [1, -1e999], "deep": {"a": {"b": 1e400}}}'
    body = assert_error(post_raw(api, "POST", "/vouchers/redeem", text), 1003)
    assert set(body["errors"]) == {"code", "items.1", "deep.a.b"}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_javascript_constants_are_not_json(api: httpx.Client, constant: str) -> None:
    text = f'{{"status": "ACTIVE", "custom_attributes": {{"x": {constant}}}}}'
    uuid = data(api.get("/vouchers/find", params={"code": KNOWN.ACTIVE_WITH_CONTACT}))["uuid"]
    assert_error(post_raw(api, "PUT", f"/vouchers/update/{uuid}", text), 1003, field="body")
    assert_state_renders(api)


def test_large_finite_numbers_are_kept(api: httpx.Client) -> None:
    text = (
        f'{{"promotion_uuid": "{COFFEE}", '
        f'"custom_attributes": {{"big": 1.5e308, "tiny": 1e-400, "huge": {"9" * 400}}}}}'
    )
    attributes = data(post_raw(api, "POST", "/vouchers", text))["attributes"]
    assert (attributes["big"], attributes["tiny"], attributes["huge"]) == (
        1.5e308,
        0.0,
        int("9" * 400),
    )
    assert_state_renders(api)


@pytest.mark.parametrize(
    ("method", "path", "text", "field"),
    [
        ("POST", "/contacts", '{"email": "a\\ud800@example.nl"}', "email"),
        ("GET", "/contacts/find-or-create", '{"email": "b\\udfff@example.nl"}', "email"),
        ("POST", "/promotions", '{"name": "\\udc00", "description": "d"}', "name"),
        ("POST", "/vouchers", f'{{"promotion_uuid": "{COFFEE}", "code": "X\\ud800"}}', "code"),
        (
            "POST",
            "/vouchers",
            f'{{"promotion_uuid": "{COFFEE}", "custom_attributes": {{"\\ud800": 1}}}}',
            "custom_attributes",
        ),
        (
            "POST",
            "/vouchers",
            f'{{"promotion_uuid": "{COFFEE}", "custom_attributes": {{"k": "\\udbff"}}}}',
            "custom_attributes.k",
        ),
        (
            "POST",
            "/vouchers/redeem",
            f'{{"code": "{KNOWN.ACTIVE_WITH_CONTACT}", "shop_uuid": "\\ud800"}}',
            "shop_uuid",
        ),
    ],
)
def test_lone_surrogates_are_refused(
    api: httpx.Client, sandbox: RunningSandbox, method: str, path: str, text: str, field: str
) -> None:
    assert_error(post_raw(api, method, path, text), 1003, field=field)
    assert_state_renders(api)
    assert sandbox.voucher_state(KNOWN.ACTIVE_WITH_CONTACT)["status"] == "ACTIVE"


def test_paired_surrogates_are_plain_text(api: httpx.Client) -> None:
    text = f'{{"promotion_uuid": "{COFFEE}", "custom_attributes": {{"smiley": "\\ud83d\\ude00"}}}}'
    assert data(post_raw(api, "POST", "/vouchers", text))["attributes"]["smiley"] == "\U0001f600"
    assert_state_renders(api)


def test_a_fault_with_a_lone_surrogate_is_refused(control: httpx.Client) -> None:
    text = '{"kind": "status", "status": 500, "path": "\\ud800"}'
    assert_error(post_raw(control, "POST", "/faults", text), 1003, field="path")
    assert control.get("/faults").json() == {"faults": []}


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/clock", "advance_seconds"),
        ("/settings", "batch_delay_seconds"),
        ("/faults", "seconds"),
    ],
)
def test_a_huge_integer_is_no_number(control: httpx.Client, path: str, name: str) -> None:
    text = f'{{"kind": "latency", "{name}": {"9" * 400}}}'
    assert_error(post_raw(control, "POST", path, text), 1003, field=name)


def test_the_clock_stops_short_of_the_end_of_time(
    api: httpx.Client, control: httpx.Client, sandbox: RunningSandbox
) -> None:
    ten_years = 10 * 365 * 24 * 3600
    steps = 0
    while (response := control.post("/clock", json={"advance_seconds": ten_years})).is_success:
        steps += 1
        assert steps < 1000, "the clock ran into year 9999"
    assert_error(response, 1003, field="advance_seconds")
    with pytest.raises(ValueError, match="ahead"):
        sandbox.advance_clock(ten_years)
    # Everything still works at the far end of the sandbox's time, locks and all.
    created = data(api.post("/vouchers", json={"promotion_uuid": KNOWN.PROMOTION_MULTI_USE}))
    assert data(api.post(f"/vouchers/{created['uuid']}/lock"))["lock"]["system_release_at"]
    assert_state_renders(api)


def test_the_clock_refuses_a_step_past_its_range() -> None:
    clock = SandboxClock()
    with pytest.raises(ValueError, match="ahead"):
        clock.advance(2000 * 365 * 24 * 3600)
    clock.advance(60)  # and it still works


# The same rules where values do not come from a JSON body: forms and the Python handle.


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_fields_refuse_non_finite_attributes(value: float) -> None:
    fields = Fields({"custom_attributes": {"x": value}})
    fields.attributes("custom_attributes")
    with pytest.raises(PiggyError) as raised:
        fields.check()
    assert "custom_attributes.x" in raised.value.errors


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 10**400])
def test_fields_refuse_non_finite_numbers(value: object) -> None:
    fields = Fields({"seconds": value})
    assert fields.number("seconds", maximum=math.inf) is None
    with pytest.raises(PiggyError) as raised:
        fields.check()
    assert raised.value.errors["seconds"] == ["The seconds field must be a number."]


@pytest.mark.parametrize(
    "data",
    [
        {"name": "\ud800"},
        {"custom_attributes": {"\udc00": "x"}},
        {"custom_attributes": {"k": "\udfff"}},
    ],
)
def test_fields_refuse_lone_surrogates(data: dict[str, object]) -> None:
    fields = Fields(data)
    fields.text("name")
    fields.attributes("custom_attributes")
    with pytest.raises(PiggyError):
        fields.check()


def test_the_handle_refuses_a_fault_it_could_not_show(sandbox: RunningSandbox) -> None:
    with pytest.raises(ValueError, match="path"):
        sandbox.inject("drop", path="\ud800")
    with pytest.raises(ValueError, match="seconds"):
        sandbox.inject("latency", seconds=math.nan)


def test_form_values_stay_text(api: httpx.Client) -> None:
    voucher = data(
        api.post(
            "/vouchers",
            data={"promotion_uuid": COFFEE, "custom_attributes[x]": "1e999", "code": "NaN"},
        )
    )
    assert voucher["attributes"]["x"] == "1e999"
    assert_state_renders(api)


def test_a_body_full_of_infinities_gets_a_short_answer(api: httpx.Client) -> None:
    text = '{"x": [' + ",".join(["1e999"] * 10_000) + "]}"
    body = assert_error(post_raw(api, "POST", "/vouchers/redeem", text), 1003)
    assert 0 < len(body["errors"]) <= 100
