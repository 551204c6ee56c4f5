"""Checks shared by the sandbox's tests: Piggy's success envelope and error body."""

from __future__ import annotations

from typing import Any

import httpx


def data(response: httpx.Response) -> Any:
    """Return `data` of a successful single-object answer, checking the envelope."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["meta"] == []
    return body["data"]


def assert_error(
    response: httpx.Response, code: int, *, field: str | None = None, status: int = 400
) -> dict[str, Any]:
    """Assert Piggy's error body with `code` (and a field error on `field`); return it."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    assert body["status_code"] == status
    assert isinstance(body["message"], str) and body["message"]
    if field is not None:
        assert field in body["errors"], body
        assert all(isinstance(sentence, str) for sentence in body["errors"][field])
    return body


def assert_state_renders(api: httpx.Client) -> None:
    """Assert that every voucher, promotion and contact still renders (no poisoned state).

    Fetches every page of the lists, so a bad value stored at the end is found too.
    """
    for path, limit in (("/vouchers", 500), ("/contacts", 100)):
        first = api.get(path, params={"limit": limit})
        assert first.status_code == 200, first.text
        for page in range(2, first.json()["meta"]["last_page"] + 1):
            response = api.get(path, params={"limit": limit, "page": page})
            assert response.status_code == 200, response.text
    response = api.get("/promotions")
    assert response.status_code == 200, response.text
