"""Junk in, never a 500 out: random bodies and queries against every endpoint."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

FIELDS = [
    "code",
    "contact_uuid",
    "release_key",
    "shop_uuid",
    "number_of_times",
    "promotion_uuid",
    "quantity",
    "expiration_date",
    "activation_date",
    "total_redemptions_allowed",
    "custom_attributes",
    "status",
    "name",
    "description",
    "voucher_limit",
    "limit_per_contact",
    "expiration_duration",
    "email",
    "referral_code",
    "limit",
    "page",
    "contact_identifier_value",
]
# Values that get past the first checks, so the fuzzing reaches the rules behind them.
MEANINGFUL = [
    KNOWN.ACTIVE_WITH_CONTACT,
    KNOWN.ACTIVE_NO_CONTACT,
    KNOWN.LOCKED,
    KNOWN.MULTI_USE,
    KNOWN.MULTI_USE_INACTIVE_PROMOTION,
    KNOWN.PROMOTION_SINGLE_USE,
    KNOWN.PROMOTION_MULTI_USE,
    KNOWN.PROMOTION_LIMITED,
    KNOWN.CONTACT_UUID,
    KNOWN.CONTACT_EMAIL,
    KNOWN.CARD,
    "ACTIVE",
    "DEACTIVATED",
    "2030-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59-12:00",
    "",
    "0",
    "-1",
    "500",
    "1e9",
]
ENDPOINTS = [
    ("POST", "/vouchers"),
    ("POST", "/vouchers/batch"),
    ("POST", "/vouchers/redeem"),
    ("POST", "/vouchers/multi-redeem"),
    ("PUT", "/vouchers/update/{uuid}"),
    ("POST", "/vouchers/{uuid}/lock"),
    ("POST", "/vouchers/{uuid}/release"),
    ("POST", "/vouchers/{uuid}/reverse"),
    ("POST", "/promotions"),
    ("POST", "/contacts"),
    ("GET", "/vouchers"),
    ("GET", "/vouchers/find"),
    ("GET", "/promotions/{uuid}"),
    ("GET", "/contacts"),
    ("GET", "/contacts/{uuid}"),
    ("GET", "/contacts/find-one-by"),
    ("GET", "/contacts/find-or-create"),
    ("GET", "/contact-identifiers/find"),
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(MEANINGFUL)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
objects = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), json_values, max_size=6)
form_fields = st.dictionaries(
    st.sampled_from([*FIELDS, "custom_attributes[plu]", "custom_attributes[]"])
    | st.text(max_size=10),
    st.sampled_from(MEANINGFUL) | st.text(max_size=20),
    max_size=6,
)


def assert_answered_well(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    body: Any = response.json()
    if response.status_code >= 400:
        assert isinstance(body["message"], str)
        assert isinstance(body["code"], int)
        assert body["status_code"] == response.status_code
        assert isinstance(body.get("errors", {}), dict)
    else:
        assert "data" in body


@pytest.fixture(scope="module")
def uuids(piggy_sandbox: RunningSandbox) -> list[str]:
    piggy_sandbox.reset()
    return [
        piggy_sandbox.voucher_state(code)["uuid"]
        for code in (KNOWN.ACTIVE_WITH_CONTACT, KNOWN.REDEEMED, KNOWN.LOCKED)
    ] + [KNOWN.PROMOTION_SINGLE_USE, KNOWN.CONTACT_UUID]


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    body=objects | json_values,
    path_id=st.integers(0, 5) | st.text(max_size=12),
)
def test_random_json_bodies(
    api: httpx.Client,
    uuids: list[str],
    endpoint: tuple[str, str],
    body: object,
    path_id: int | str,
) -> None:
    method, path = endpoint
    uuid = uuids[path_id % len(uuids)] if isinstance(path_id, int) else path_id
    path = path.format(uuid=quote(uuid, safe="") or "x")
    if method == "GET":
        params = body if isinstance(body, dict) else {}
        flat = {key: str(value) for key, value in params.items()}
        response = api.get(path, params=flat)
    else:
        response = api.request(method, path, json=body)
    assert_answered_well(response)


@FUZZ
@given(endpoint=st.sampled_from([e for e in ENDPOINTS if e[0] != "GET"]), fields=form_fields)
def test_random_form_bodies(
    api: httpx.Client, uuids: list[str], endpoint: tuple[str, str], fields: dict[str, str]
) -> None:
    method, path = endpoint
    response = api.request(method, path.format(uuid=uuids[0]), data=fields)
    assert_answered_well(response)


@FUZZ
@given(content=st.binary(max_size=200), content_type=st.sampled_from(
    ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]
))  # fmt: skip
def test_random_bytes(api: httpx.Client, content: bytes, content_type: str) -> None:
    response = api.post("/vouchers/redeem", content=content, headers={"Content-Type": content_type})
    assert_answered_well(response)
