"""The account's shops over HTTP: the shapes of Piggy's documentation, asked as its SDK asks."""

from __future__ import annotations

import httpx

from piggy_desk.sandbox.seed import KNOWN

from .checks import data


def test_list_shops_is_a_small_chain_with_the_counters_own_shop(api: httpx.Client) -> None:
    body = api.get("/shops").json()
    shops = body["data"]
    assert 2 <= len(shops) <= 3
    assert all(set(shop) == {"uuid", "name", "type", "reference"} for shop in shops)
    assert {shop["type"] for shop in shops} <= {"physical", "web"}
    own = next(shop for shop in shops if shop["uuid"] == KNOWN.SHOP_UUID)
    assert own["name"].startswith("Koffie & Co")


def test_get_one_shop_and_an_unknown_one(api: httpx.Client) -> None:
    shop = data(api.get(f"/shops/{KNOWN.SHOP_UUID}"))
    assert shop["uuid"] == KNOWN.SHOP_UUID
    missing = api.get("/shops/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert missing.json()["status_code"] == 404


def test_the_sdks_form_encoded_get_with_an_empty_body_lists_shops(api: httpx.Client) -> None:
    # Guzzle's form_params on a GET: the content type of a form, and an empty body.
    answer = api.request(
        "GET",
        "/shops",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        content=b"",
    )
    assert answer.status_code == 200
    assert KNOWN.SHOP_UUID in {shop["uuid"] for shop in answer.json()["data"]}
