"""Parsing Piggy's JSON calmly: every quirk of the published examples, and any junk."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piggy_desk.api import (
    BatchJob,
    Contact,
    MalformedResponse,
    MultiRedemption,
    Promotion,
    Voucher,
    VoucherLock,
)
from piggy_desk.api.models import Page, contact_page, parse_datetime, voucher_page

VOUCHER = {
    "uuid": "123",
    "code": "PIZZA-1",
    "status": "ACTIVE",
    "name": "Gratis Pizza",
    "expiration_date": None,
    "activation_date": "2023-03-02T14:45:52+00:00",
    "is_redeemed": False,
    "attributes": [],
    "contact": {"uuid": "eac16058-d08e-44f3-8bb3-d42afef192cfs", "email": ""},
    "promotion": {"uuid": "123", "name": "Gratis Pizza", "plu": "ABC12", "type": "MULTI_USE"},
    "something_new": {"kept": True},
}


def test_dates_with_offsets_become_aware_utc_instants() -> None:
    assert parse_datetime("2023-10-19T08:08:51+00:00") == datetime(
        2023, 10, 19, 8, 8, 51, tzinfo=UTC
    )
    amsterdam = parse_datetime("2023-10-19T10:08:51+02:00")
    assert amsterdam == datetime(2023, 10, 19, 8, 8, 51, tzinfo=UTC)
    assert amsterdam is not None and amsterdam.utcoffset() == timedelta(hours=2)
    assert parse_datetime("2023-10-19T08:08:51Z") == datetime(2023, 10, 19, 8, 8, 51, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-27, 17:59", datetime(2023, 11, 27, 17, 59, tzinfo=UTC)),
        ("2023-11-27 17:59:03", datetime(2023, 11, 27, 17, 59, 3, tzinfo=UTC)),
        ("2023-11-27", datetime(2023, 11, 27, tzinfo=UTC)),
    ],
)
def test_looser_dates_are_read_as_utc(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("junk", [None, "", "   ", "tomorrow", 12, [], {}, "2023-13-45T99:00:00"])
def test_unreadable_dates_are_none(junk: object) -> None:
    assert parse_datetime(junk) is None


def test_voucher_takes_the_quirks_calmly() -> None:
    voucher = Voucher.from_api(VOUCHER)
    assert voucher.uuid == "123"
    assert voucher.attributes == {}  # PHP's empty array for an empty object
    assert voucher.contact == Contact(uuid="eac16058-d08e-44f3-8bb3-d42afef192cfs", email=None)
    assert voucher.promotion is not None
    assert voucher.promotion.attributes == {"plu": "ABC12"}
    assert voucher.promotion.is_multi_use


def test_numbers_sent_as_text_or_floats_are_numbers() -> None:
    promotion = Promotion.from_api(
        {
            "uuid": 5,
            "name": "X",
            "voucher_limit": "25",
            "limit_per_contact": 3.0,
            "expiration_duration": "x",
        }
    )
    assert (promotion.uuid, promotion.voucher_limit, promotion.limit_per_contact) == ("5", 25, 3)
    assert promotion.expiration_duration is None


def test_a_promotion_with_redemptions_per_voucher_is_multi_use() -> None:
    assert Promotion.from_api({"uuid": "p", "redemptions_per_voucher": 10}).is_multi_use
    assert not Promotion.from_api({"uuid": "p", "redemptions_per_voucher": 1}).is_multi_use
    assert not Promotion.from_api({"uuid": "p", "type": "SINGLE_USE"}).is_multi_use


@pytest.mark.parametrize("missing", ["uuid", "code", "status"])
def test_a_voucher_without_what_the_counter_needs_is_malformed(missing: str) -> None:
    data = {key: value for key, value in VOUCHER.items() if key != missing}
    with pytest.raises(MalformedResponse, match=missing):
        Voucher.from_api(data)


def test_a_lock_without_release_key_is_malformed_and_the_key_is_not_in_the_repr() -> None:
    body = {
        "voucher": {"uuid": "v1", "status": "LOCKED"},
        "lock": {"release_key": "secret-key-42", "locked_at": "2023-11-13T09:01:46+00:00"},
    }
    lock = VoucherLock.from_api(body)
    assert lock.release_key == "secret-key-42"
    assert "secret-key-42" not in repr(lock)
    with pytest.raises(MalformedResponse):
        VoucherLock.from_api({"voucher": {"uuid": "v1"}, "lock": {}})


def test_vouchers_of_a_page_with_the_same_promotion_share_one_promotion_object() -> None:
    renamed = {**VOUCHER["promotion"], "name": "Gratis Pizza XL"}  # type: ignore[dict-item]
    page = voucher_page(
        {
            "data": [
                {**VOUCHER, "uuid": "1", "code": "A1"},
                {**VOUCHER, "uuid": "2", "code": "A2"},
                {**VOUCHER, "uuid": "3", "code": "A3", "promotion": renamed},
            ]
        }
    )
    first, second, third = (voucher.promotion for voucher in page.items)
    assert first is second  # one object for the same promotion: memory for 10,000 rows
    assert first == Voucher.from_api(VOUCHER).promotion
    assert third is not None and third.name == "Gratis Pizza XL" and third is not first


def test_vouchers_of_a_page_share_their_equal_parts() -> None:
    """A page's statuses, names, dates, attributes and customers are kept once (with
    10,000 vouchers loaded they were most of the list's memory); each voucher reads as it
    would alone."""
    batch = {
        **VOUCHER,
        "status": "active",
        "description": "Een pizza naar keuze",
        "expiration_date": "2027-01-31T23:59:59+01:00",
        "attributes": {"afdeling": "Keuken", "plu": None},
        "contact": {"uuid": "c-1", "email": "anna@example.nl"},
    }
    other = {**batch, "uuid": "3", "code": "A3", "status": "EXPIRED"}
    other |= {"attributes": {"afdeling": "Bar"}, "contact": {"uuid": "c-2", "email": ""}}
    texts = ({**batch, "uuid": "1", "code": "A1"}, {**batch, "uuid": "2", "code": "A2"}, other)
    # Each from its own JSON text, as Piggy's answer is read: equal values, separate objects.
    first, second, third = voucher_page(json.loads(json.dumps({"data": texts}))).items
    for part in ("status", "name", "description", "expiration_date", "activation_date"):
        assert getattr(first, part) is getattr(second, part), part
    assert first.attributes is second.attributes and first.contact is second.contact
    assert first == Voucher.from_api({**batch, "uuid": "1", "code": "A1"})
    assert third == Voucher.from_api(other)
    assert (third.status, third.attributes, third.contact) == (
        "EXPIRED",
        {"afdeling": "Bar"},
        Contact(uuid="c-2", email=None),
    )


def test_lists_with_meta_as_empty_list_or_missing() -> None:
    page = voucher_page({"data": [VOUCHER], "meta": []})
    assert page == Page(items=[Voucher.from_api(VOUCHER)])
    assert not page.continues_after(1, 30)  # no meta, and not a full page
    assert not Page(items=[]).continues_after(1, 30)
    assert Page(items=[Voucher.from_api(VOUCHER)]).continues_after(1, 1)  # no meta, a full page
    contacts = contact_page(
        {
            "data": [{"uuid": "c1", "email": "a@b.nl"}],
            "meta": {"page": 2, "limit": "1", "last_page": 3, "total": 3},
        }
    )
    assert (contacts.current_page, contacts.per_page, contacts.last_page) == (2, 1, 3)
    assert contacts.continues_after(2, 1)
    assert not contacts.continues_after(3, 1)
    with pytest.raises(MalformedResponse):
        voucher_page({"data": {"not": "a list"}})


def test_batch_and_multi_redemption() -> None:
    job = BatchJob.from_api(
        {"uuid": "b", "type": "vouchers", "quantity": "30", "status": "pending"}
    )
    assert (job.quantity, job.status, job.created_at) == (30, "PENDING", None)
    result = MultiRedemption.from_api({"voucher": VOUCHER, "voucher_redemptions": [{"uuid": "r1"}]})
    assert [r.uuid for r in result.redemptions] == ["r1"]
    with pytest.raises(MalformedResponse):
        MultiRedemption.from_api({"voucher": VOUCHER, "voucher_redemptions": "r1"})


def test_local_times_compare_as_instants() -> None:
    utc_plus_one = timezone(timedelta(hours=1))
    assert parse_datetime("2023-03-02T15:45:52+01:00") == datetime(
        2023, 3, 2, 15, 45, 52, tzinfo=utc_plus_one
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
voucher_like = st.fixed_dictionaries(
    {},
    optional={
        key: json_values | st.just(VOUCHER[key])
        for key in (
            "uuid",
            "code",
            "status",
            "attributes",
            "contact",
            "promotion",
            "activation_date",
        )
    },
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, voucher_like))
def test_any_json_gives_a_model_or_malformed_response(data: object) -> None:
    parsers = (Voucher.from_api, Promotion.from_api, VoucherLock.from_api, BatchJob.from_api)
    for parse in (*parsers, MultiRedemption.from_api, Contact.from_api, voucher_page, contact_page):
        with contextlib.suppress(MalformedResponse):
            parse(data)


@pytest.mark.parametrize("uuid", [" ", "a/b", "..", "a b", "a\\b", "x" * 129, "\u00a0"])
def test_an_id_that_could_not_be_sent_back_is_malformed(uuid: str) -> None:
    # Found by tests/reliability/test_fuzz.py: such a voucher could be shown, never locked.
    with pytest.raises(MalformedResponse):
        Voucher.from_api({"uuid": uuid, "code": "C1", "status": "ACTIVE"})
    with pytest.raises(MalformedResponse):
        Promotion.from_api({"uuid": uuid, "name": "P"})


@pytest.mark.parametrize("key", [" ", "key with spaces", "sleutel-é", "k\x00"])
def test_a_release_key_that_could_not_be_sent_back_is_malformed(key: str) -> None:
    with pytest.raises(MalformedResponse):
        VoucherLock.from_api({"voucher": {"uuid": "v1"}, "lock": {"release_key": key}})


def test_the_api_gives_every_model_by_name_when_first_asked() -> None:
    """``piggy_desk.api`` imports its models when one is first asked for (not before the
    counter's first paint), by the names it lists: every public class of the models, as
    the models list them (two lists: the package cannot read the models' own unimported)."""
    from piggy_desk import api
    from piggy_desk.api import models

    classes = {
        name
        for name, value in vars(models).items()
        if isinstance(value, type) and value.__module__ == models.__name__
    }
    assert set(api.MODELS) == {name for name in classes if not name.startswith("_")}
    assert sorted(api.MODELS) == sorted(models.__all__)
    assert set(api.MODELS) <= set(api.__all__)
    for name in api.MODELS:
        assert getattr(api, name) is getattr(models, name)
