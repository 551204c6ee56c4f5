"""What every request gets: the token check, JSON error bodies, body parsing."""

from __future__ import annotations

import httpx
import pytest

from piggy_desk.sandbox import RunningSandbox
from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, data

UNAUTHENTICATED = {"message": "Unauthenticated.", "code": 401, "status_code": 401}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic c2FuZGJveDp0ZXN0"},
        {"Authorization": "Bearer"},
        {"Authorization": "sandbox-test-token"},
    ],
)
@pytest.mark.parametrize("path", ["/api/v3/oauth/clients/promotions", "/_sandbox/clock", "/nope"])
def test_without_the_token_nothing_is_served(
    sandbox: RunningSandbox, headers: dict[str, str], path: str
) -> None:
    response = httpx.get(f"{sandbox.base_url}{path}", headers=headers)
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED


def test_the_scheme_is_case_insensitive(sandbox: RunningSandbox) -> None:
    response = httpx.get(
        f"{sandbox.base_url}/api/v3/oauth/clients/promotions",
        headers={"Authorization": f"bearer {sandbox.token}"},
    )
    assert response.status_code == 200


def test_an_unknown_route(api: httpx.Client, control: httpx.Client) -> None:
    for response in (api.get("/giftcards"), api.get("/giftcards/"), control.get("/nothing")):
        assert_error(response, 404, status=404)


def test_a_trailing_slash_is_trimmed_like_laravel_does(api: httpx.Client) -> None:
    """Laravel's router matches a path without its trailing slashes: the SDK's
    `/vouchers/{uuid}/lock/` is `/vouchers/{uuid}/lock`, and a fault meant for one
    catches the other."""
    assert len(api.get("/vouchers/", params={"limit": 2}).json()["data"]) == 2
    uuid = data(api.get("/vouchers/find//", params={"code": KNOWN.ACTIVE_WITH_CONTACT}))["uuid"]
    lock = data(api.post(f"/vouchers/{uuid}/lock/"))["lock"]
    released = api.post(f"/vouchers/{uuid}/release/", data={"release_key": lock["release_key"]})
    assert data(released)["voucher"]["status"] == "ACTIVE"
    assert_error(api.get(f"/vouchers/{uuid}/lock/"), 405, status=405)


def test_a_wrong_method(api: httpx.Client) -> None:
    body = assert_error(api.delete("/vouchers"), 405, status=405)
    assert "GET" in body["message"] and "POST" in body["message"]
    assert_error(api.get("/vouchers/redeem"), 405, status=405)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{", "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"code"', "application/json"),
        (b'{"code": NaN}', "application/json"),
        (b"\xff\xfe", "application/json"),
        (b"[" * 100_000, "application/json"),
        (b"code=\xff", "application/x-www-form-urlencoded"),
        (b"<xml/>", "text/xml"),
        (b"code=A", "text/plain"),
    ],
)
def test_bodies_that_are_not_json_objects(
    api: httpx.Client, content: bytes, content_type: str
) -> None:
    response = api.post("/vouchers/redeem", content=content, headers={"Content-Type": content_type})
    assert_error(response, 1003, field="body")


def test_a_huge_body(api: httpx.Client) -> None:
    response = api.post("/vouchers/redeem", content=b" " * (2 * 1024 * 1024))
    assert_error(response, 413, status=413)


def test_query_and_body_merge(api: httpx.Client) -> None:
    response = api.post("/vouchers/redeem", params={"code": KNOWN.ACTIVE_WITH_CONTACT})
    assert data(response)["status"] == "REDEEMED"


def test_nested_form_fields(api: httpx.Client) -> None:
    uuid = data(api.get("/vouchers/find", params={"code": KNOWN.ACTIVE_WITH_CONTACT}))["uuid"]
    voucher = data(
        api.put(
            f"/vouchers/update/{uuid}",
            content="status=ACTIVE&custom_attributes%5Bplu%5D=P1&custom_attributes[maat]=L",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    )
    assert (voucher["attributes"]["plu"], voucher["attributes"]["maat"]) == ("P1", "L")


def test_an_empty_php_array_is_an_empty_object(api: httpx.Client) -> None:
    body = {"promotion_uuid": KNOWN.PROMOTION_SINGLE_USE, "custom_attributes": []}
    assert data(api.post("/vouchers", json=body))["attributes"]["afdeling"] == "Koffiebar"


def test_dates_are_utc_with_an_offset(api: httpx.Client) -> None:
    voucher = data(api.get("/vouchers/find", params={"code": KNOWN.EXPIRED}))
    assert voucher["expiration_date"].endswith("+00:00")
    assert "." not in voucher["expiration_date"]  # whole seconds, as Piggy writes them
