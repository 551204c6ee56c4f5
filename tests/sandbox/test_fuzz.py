"""Junk in, never a 500 out: random bodies and queries against every endpoint.

After every request the whole state must still render, so junk that is accepted and
stored (a poison for every later list) fails here as surely as a 500 does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_state_renders

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
    "1e999",
    "-1e400",
    "NaN",
    "INF",
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
# A body each endpoint accepts, for the random fields to be added to: junk that gets
# stored only shows when the rest of the request is good enough to be carried out.
VALID_BODIES: dict[tuple[str, str], dict[object, object]] = {
    ("POST", "/vouchers"): {"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE},
    ("POST", "/vouchers/batch"): {"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE, "quantity": 2},
    ("POST", "/vouchers/redeem"): {"code": KNOWN.MULTI_USE},
    ("POST", "/vouchers/multi-redeem"): {
        "code": KNOWN.MULTI_USE,
        "number_of_times": 1,
        "shop_uuid": "shop",
    },
    ("PUT", "/vouchers/update/{uuid}"): {"status": "ACTIVE"},
    ("POST", "/promotions"): {"name": "Fuzz", "description": "Fuzz"},
    ("POST", "/contacts"): {"email": "fuzz@example.nl"},
    ("GET", "/contacts/find-or-create"): {"email": "fuzz@example.nl"},
}

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


@dataclass(frozen=True)
class Raw:
    """JSON text written as is: what `json.dumps` refuses to write but a client may send."""

    text: str


# Numbers that parse to infinity, constants JSON has not got, halves of surrogate pairs.
RAW_NUMBERS = [Raw(text) for text in ("1e999", "-1e400", "1E+309", "NaN", "Infinity", "-Infinity")]
RAW_STRINGS = [Raw(text) for text in ('"\\ud800"', '"a\\udfffb"', '"\\ud83d\\ude00"')]
raw_scalars = scalars | st.sampled_from(RAW_NUMBERS + RAW_STRINGS)
raw_values = st.recursive(
    raw_scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(FIELDS) | st.sampled_from(RAW_STRINGS),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)
# Few fields at a time on top of a valid body, so they are often all good but one.
raw_objects = st.dictionaries(
    st.sampled_from(FIELDS) | st.sampled_from(RAW_STRINGS), raw_values, min_size=1, max_size=2
) | st.builds(
    lambda attributes: {"custom_attributes": attributes},
    st.dictionaries(
        st.text(max_size=5) | st.sampled_from(RAW_STRINGS), raw_scalars, min_size=1, max_size=3
    ),
)


def write_json(value: object) -> str:
    """Write `value` as JSON text, `Raw` parts as they are."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        items = (f"{write_json(key)}:{write_json(item)}" for key, item in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(write_json(item) for item in value) + "]"
    return json.dumps(value)


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

# What the JSON tests draw, shared by their deep runs (pytest -m long).
JSON_BODIES = given(
    endpoint=st.sampled_from(ENDPOINTS),
    body=objects | json_values,
    path_id=st.integers(0, 5) | st.text(max_size=12),
)
JSON_TEXTS = given(
    endpoint=st.sampled_from(ENDPOINTS), fields=raw_objects, path_id=st.integers(0, 5)
)


@FUZZ
@JSON_BODIES
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
    assert_state_renders(api)


@FUZZ
@JSON_TEXTS
def test_random_json_texts(
    api: httpx.Client,
    uuids: list[str],
    endpoint: tuple[str, str],
    fields: dict[object, object],
    path_id: int,
) -> None:
    method, path = endpoint
    body: dict[object, object] = {**VALID_BODIES.get(endpoint, {}), **fields}
    response = api.request(
        method,
        path.format(uuid=uuids[path_id % len(uuids)]),
        content=write_json(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert_answered_well(response)
    assert_state_renders(api)


@FUZZ
@given(endpoint=st.sampled_from([e for e in ENDPOINTS if e[0] != "GET"]), fields=form_fields)
def test_random_form_bodies(
    api: httpx.Client, uuids: list[str], endpoint: tuple[str, str], fields: dict[str, str]
) -> None:
    method, path = endpoint
    response = api.request(method, path.format(uuid=uuids[0]), data=fields)
    assert_answered_well(response)
    assert_state_renders(api)


@FUZZ
@given(content=st.binary(max_size=200), content_type=st.sampled_from(
    ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]
))  # fmt: skip
def test_random_bytes(api: httpx.Client, content: bytes, content_type: str) -> None:
    response = api.post("/vouchers/redeem", content=content, headers={"Content-Type": content_type})
    assert_answered_well(response)
    assert_state_renders(api)


DEEP = settings(
    max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.long
@DEEP
@JSON_BODIES
def test_random_json_bodies_deep(api: httpx.Client, uuids: list[str], **drawn: Any) -> None:
    test_random_json_bodies.hypothesis.inner_test(api, uuids, **drawn)  # type: ignore[attr-defined]


@pytest.mark.long
@DEEP
@JSON_TEXTS
def test_random_json_texts_deep(api: httpx.Client, uuids: list[str], **drawn: Any) -> None:
    test_random_json_texts.hypothesis.inner_test(api, uuids, **drawn)  # type: ignore[attr-defined]
