"""Promotions, contacts and loyalty cards over HTTP."""

from __future__ import annotations

import httpx
import pytest

from piggy_desk.sandbox.seed import KNOWN

from .checks import assert_error, data

# --- promotions -----------------------------------------------------------------------

_SEEDED = (
    KNOWN.PROMOTION_SINGLE_USE,
    KNOWN.PROMOTION_DISCOUNT,
    KNOWN.PROMOTION_MULTI_USE,
    KNOWN.PROMOTION_LIMITED,
    KNOWN.PROMOTION_INACTIVE,
    KNOWN.PROMOTION_WITH_PLU,
    KNOWN.PROMOTION_PER_CONTACT,
)


def test_list_promotions_is_a_plain_list(api: httpx.Client) -> None:
    body = api.get("/promotions").json()
    assert body["meta"] == []
    promotions = {promotion["uuid"]: promotion for promotion in body["data"]}
    assert {
        KNOWN.PROMOTION_SINGLE_USE,
        KNOWN.PROMOTION_MULTI_USE,
        KNOWN.PROMOTION_LIMITED,
        KNOWN.PROMOTION_INACTIVE,
        KNOWN.PROMOTION_WITH_PLU,
    } <= set(promotions)
    croissant = promotions[KNOWN.PROMOTION_WITH_PLU]
    assert set(croissant) == {
        "attributes",
        "name",
        "description",
        "voucher_limit",
        "limit_per_contact",
        "expiration_duration",
        "type",
        "redemptions_per_voucher",
        "uuid",
    }
    assert (croissant["type"], croissant["redemptions_per_voucher"]) == ("SINGLE_USE", 1)
    multi = promotions[KNOWN.PROMOTION_MULTI_USE]
    assert (multi["type"], multi["redemptions_per_voucher"]) == ("MULTI_USE", 10)
    assert croissant["attributes"]["plu"] == "ABC12"
    assert croissant["expiration_duration"] == 30 * 24 * 3600
    assert promotions[KNOWN.PROMOTION_LIMITED]["voucher_limit"] == 25


def test_promotions_are_paged_by_page_and_limit(api: httpx.Client) -> None:
    """The SDK lists promotions with `page` and `limit` (30 unless told): page 2 holds
    the next ones, never everything again; past the end the list is empty."""
    for number in range(35):
        api.post("/promotions", json={"name": f"Actie {number:02}", "description": "Tijdelijk"})
    everything: list[str] = []
    page = 1
    while True:
        body = api.get("/promotions", params={"page": page, "limit": 30}).json()
        assert body["meta"] == []
        assert len(body["data"]) <= 30
        if not body["data"]:
            break
        everything += [promotion["uuid"] for promotion in body["data"]]
        page += 1
    assert page == 3  # two pages, then an empty one
    assert len(everything) == len(set(everything)) == 35 + len(_SEEDED)
    first_page = api.get("/promotions").json()["data"]
    assert [promotion["uuid"] for promotion in first_page] == everything[:30]  # 30 by default
    few = api.get("/promotions", params={"page": 2, "limit": 5}).json()["data"]
    assert [promotion["uuid"] for promotion in few] == everything[5:10]
    assert_error(api.get("/promotions", params={"page": 0}), 1003, field="page")
    assert_error(api.get("/promotions", params={"limit": "all"}), 1003, field="limit")


def test_create_and_get_a_promotion(api: httpx.Client) -> None:
    created = data(
        api.post(
            "/promotions",
            json={
                "name": "Gratis thee",
                "description": "Een kopje thee",
                "voucher_limit": 30,
                "limit_per_contact": 10,
                "expiration_duration": None,
            },
        )
    )
    assert (created["voucher_limit"], created["limit_per_contact"]) == (30, 10)
    assert created["expiration_duration"] is None
    assert created["attributes"] == {"plu": None, "afdeling": None}
    assert data(api.get(f"/promotions/{created['uuid']}")) == created
    listed = api.get("/promotions").json()["data"]
    assert created["uuid"] in {promotion["uuid"] for promotion in listed}


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ({"type": "MULTI_USE", "redemptions_per_voucher": 3}, ("MULTI_USE", 3)),
        ({"type": "SINGLE_USE", "redemptions_per_voucher": 1}, ("SINGLE_USE", 1)),
        ({"type": "SINGLE_USE"}, ("SINGLE_USE", 1)),
        ({"redemptions_per_voucher": 4}, ("MULTI_USE", 4)),
        ({}, ("SINGLE_USE", 1)),
    ],
)
def test_a_promotion_is_made_with_its_type_and_uses_per_voucher(
    api: httpx.Client, sent: dict[str, object], kept: tuple[str, int]
) -> None:
    """The SDK creates promotions with `type` and `redemptions_per_voucher`; both stay,
    and its vouchers can be used that many times."""
    body = {"name": "Koffiekaart", "description": "Koffie naar keuze", **sent}
    created = data(api.post("/promotions", json=body))
    assert (created["type"], created["redemptions_per_voucher"]) == kept
    fetched = data(api.get(f"/promotions/{created['uuid']}"))
    assert (fetched["type"], fetched["redemptions_per_voucher"]) == kept
    voucher = data(api.post("/vouchers", json={"promotion_uuid": created["uuid"]}))
    assert voucher["promotion"]["redemptions_per_voucher"] == kept[1]


def test_a_limit_of_zero_is_no_limit(api: httpx.Client) -> None:
    """The SDK's answers carry `voucher_limit: 0` on live promotions where the documents
    write null: 0 is no limit, for the promotion and per customer, and stays 0."""
    body = {"name": "Pizza", "description": "Gratis pizza", "voucher_limit": 0}
    created = data(api.post("/promotions", json={**body, "limit_per_contact": 0}))
    assert (created["voucher_limit"], created["limit_per_contact"]) == (0, 0)
    one = {"promotion_uuid": created["uuid"], "contact_uuid": KNOWN.CONTACT_UUID}
    assert data(api.post("/vouchers", json=one))["promotion"]["voucher_limit"] == 0
    assert data(api.post("/vouchers", json=one))["contact"]["uuid"] == KNOWN.CONTACT_UUID
    batch = {"promotion_uuid": created["uuid"], "quantity": 3, "contact_uuid": KNOWN.CONTACT_UUID}
    assert data(api.post("/vouchers/batch", json=batch))["status"] == "PENDING"


def test_create_a_promotion_from_form_fields(api: httpx.Client) -> None:
    body = {"name": "Soep", "description": "Soep van de dag", "expiration_duration": "86400"}
    assert data(api.post("/promotions", data=body))["expiration_duration"] == 86400


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"description": "d"}, "name"),
        ({"name": "", "description": "d"}, "name"),
        ({"name": "n" * 256, "description": "d"}, "name"),
        ({"name": 5, "description": "d"}, "name"),
        ({"name": "n"}, "description"),
        ({"name": "n", "description": "d", "voucher_limit": -1}, "voucher_limit"),
        ({"name": "n", "description": "d", "voucher_limit": "many"}, "voucher_limit"),
        ({"name": "n", "description": "d", "limit_per_contact": 1.5}, "limit_per_contact"),
        ({"name": "n", "description": "d", "expiration_duration": -60}, "expiration_duration"),
        ({"name": "n", "description": "d", "type": "TWICE"}, "type"),
        ({"name": "n", "description": "d", "type": "MULTI_USE"}, "redemptions_per_voucher"),
        (
            {"name": "n", "description": "d", "type": "MULTI_USE", "redemptions_per_voucher": 1},
            "redemptions_per_voucher",
        ),
        (
            {"name": "n", "description": "d", "type": "SINGLE_USE", "redemptions_per_voucher": 2},
            "redemptions_per_voucher",
        ),
        (
            {"name": "n", "description": "d", "redemptions_per_voucher": 0},
            "redemptions_per_voucher",
        ),
    ],
)
def test_create_promotion_input_is_validated(
    api: httpx.Client, body: dict[str, object], field: str
) -> None:
    assert_error(api.post("/promotions", json=body), 1003, field=field)


def test_an_unknown_promotion(api: httpx.Client) -> None:
    assert_error(api.get("/promotions/123"), 80002)
    assert_error(api.get("/promotions/eac16058-d08e-44f3-8bb3-d42afef192cfs"), 80002)


# --- contacts -------------------------------------------------------------------------


def test_find_a_contact_by_email(api: httpx.Client) -> None:
    contact = data(api.get("/contacts/find-one-by", params={"email": KNOWN.CONTACT_EMAIL}))
    assert contact == {"uuid": KNOWN.CONTACT_UUID, "email": KNOWN.CONTACT_EMAIL}
    shouted = data(api.get("/contacts/find-one-by", params={"email": KNOWN.CONTACT_EMAIL.upper()}))
    assert shouted["uuid"] == KNOWN.CONTACT_UUID
    assert_error(api.get("/contacts/find-one-by", params={"email": "niemand@example.nl"}), 55031)
    assert_error(api.get("/contacts/find-one-by"), 1003, field="email")


def test_find_or_create(api: httpx.Client) -> None:
    existing = data(api.get("/contacts/find-or-create", params={"email": KNOWN.CONTACT_EMAIL}))
    assert existing["uuid"] == KNOWN.CONTACT_UUID
    created = data(api.get("/contacts/find-or-create", params={"email": "nieuw@example.be"}))
    again = data(api.get("/contacts/find-or-create", params={"email": "nieuw@example.be"}))
    assert created == again
    assert data(api.get(f"/contacts/{created['uuid']}")) == created
    assert_error(
        api.get("/contacts/find-or-create", params={"email": "geen-adres"}), 1003, field="email"
    )


def test_create_a_contact(api: httpx.Client) -> None:
    contact = data(api.post("/contacts", json={"email": "piet@example.nl", "referral_code": "X1"}))
    assert set(contact) == {"uuid", "email"}
    assert contact["email"] == "piet@example.nl"
    assert_error(api.post("/contacts", data={"email": "piet@example.nl"}), 60005)
    assert_error(api.post("/contacts", json={"email": KNOWN.CONTACT_EMAIL.upper()}), 60005)


@pytest.mark.parametrize(
    "body",
    [{}, {"email": ""}, {"email": "nope"}, {"email": 7}, {"email": f"{'a' * 250}@example.nl"}],
)
def test_create_contact_input_is_validated(api: httpx.Client, body: dict[str, object]) -> None:
    assert_error(api.post("/contacts", json=body), 1003, field="email")


def test_an_unknown_contact(api: httpx.Client) -> None:
    assert_error(api.get("/contacts/no-such-contact"), 55031)


def test_list_contacts_has_its_own_meta(api: httpx.Client) -> None:
    body = api.get("/contacts").json()
    assert len(body["data"]) == 30
    assert body["meta"] == {
        "page": 1,
        "limit": 30,
        "viewing_from": 1,
        "viewing_to": 30,
        "last_page": 2,
        "total": 50,
    }
    second = api.get("/contacts", params={"page": 2, "limit": 30}).json()
    assert (second["meta"]["viewing_from"], second["meta"]["viewing_to"]) == (31, 50)
    assert len(second["data"]) == 20
    emails = [contact["email"] for contact in body["data"] + second["data"]]
    assert "" in emails  # one contact signed up at the counter without an email


@pytest.mark.parametrize("params", [{"limit": 101}, {"limit": 0}, {"page": 0}, {"page": "een"}])
def test_list_contacts_input_is_validated(api: httpx.Client, params: dict[str, str | int]) -> None:
    assert_error(api.get("/contacts", params=params), 1003, field=next(iter(params)))


# --- loyalty cards --------------------------------------------------------------------


def test_a_card_leads_to_its_contact(api: httpx.Client) -> None:
    card = data(
        api.get("/contact-identifiers/find", params={"contact_identifier_value": KNOWN.CARD})
    )
    assert card == {
        "name": "Klantenkaart",
        "value": KNOWN.CARD,
        "active": True,
        "contact": {"uuid": KNOWN.CONTACT_UUID, "email": KNOWN.CONTACT_EMAIL},
    }


def test_card_errors(api: httpx.Client) -> None:
    def scan(value: str) -> httpx.Response:
        return api.get("/contact-identifiers/find", params={"contact_identifier_value": value})

    assert data(scan(KNOWN.CARD_NO_CONTACT))["contact"] is None
    assert_error(scan(KNOWN.CARD_INACTIVE), 60004)
    assert_error(scan("0000000000000"), 60003)
    assert_error(api.get("/contact-identifiers/find"), 1003, field="contact_identifier_value")
