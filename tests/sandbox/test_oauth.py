"""OAuth client credentials: the token request exactly as Piggy's official PHP SDK sends it
(3.12.2, ``OAuthClient::getAccessToken``), the answer read with the SDK's field names, and
tokens that run out on the sandbox's clock."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from piggy_desk.sandbox import PIGGY_PREFIX, RunningSandbox
from piggy_desk.sandbox.oauth import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

# Guzzle's form_params: application/x-www-form-urlencoded, the three fields in this order.
SDK_FORM = {
    "grant_type": "client_credentials",
    "client_id": DEFAULT_CLIENT_ID,
    "client_secret": DEFAULT_CLIENT_SECRET,
}


@pytest.fixture
def bare(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """A client with no token at all, as the SDK's is before it asks for one."""
    with httpx.Client(
        base_url=sandbox.base_url, headers={"Accept": "application/json"}, timeout=10
    ) as client:
        yield client


def _token(bare: httpx.Client, form: dict[str, str] | None = None) -> httpx.Response:
    return bare.post("/oauth/token", data=form or SDK_FORM)


def test_the_sdks_token_request_gets_the_answer_the_sdk_reads(bare: httpx.Client) -> None:
    answer = _token(bare)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # AuthenticationResponse reads these three straight from the body: no `data` envelope.
    assert set(body) == {"token_type", "expires_in", "access_token"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert isinstance(body["access_token"], str) and len(body["access_token"]) >= 32
    assert _token(bare).json()["access_token"] != body["access_token"]


def test_the_access_token_opens_piggys_paths_until_it_expires(
    bare: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.set_access_token_seconds(600)
    token = _token(bare).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert bare.get(f"{PIGGY_PREFIX}/shops", headers=headers).status_code == 200
    sandbox.advance_clock(599)
    assert bare.get(f"{PIGGY_PREFIX}/shops", headers=headers).status_code == 200
    sandbox.advance_clock(1)
    refused = bare.get(f"{PIGGY_PREFIX}/shops", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["message"] == "Unauthenticated."
    fresh = _token(bare).json()["access_token"]
    assert bare.get(
        f"{PIGGY_PREFIX}/shops", headers={"Authorization": f"Bearer {fresh}"}
    ).is_success


def test_a_wrong_secret_or_unknown_client_is_passports_invalid_client(bare: httpx.Client) -> None:
    for form in (
        {**SDK_FORM, "client_secret": "not-the-secret"},
        {**SDK_FORM, "client_id": "999999"},
        {"grant_type": "client_credentials", "client_id": DEFAULT_CLIENT_ID},
    ):
        answer = _token(bare, form)
        assert answer.status_code == 401
        assert answer.json() == {
            "error": "invalid_client",
            "error_description": "Client authentication failed",
            "message": "Client authentication failed",
        }


def test_another_grant_or_no_client_id_is_a_400(bare: httpx.Client) -> None:
    answer = _token(bare, {**SDK_FORM, "grant_type": "password"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "unsupported_grant_type"
    answer = _token(bare, {"grant_type": "client_credentials", "client_secret": "x"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


def test_a_made_up_bearer_token_is_refused(bare: httpx.Client) -> None:
    answer = bare.get(f"{PIGGY_PREFIX}/shops", headers={"Authorization": "Bearer made-up"})
    assert answer.status_code == 401


def test_the_token_path_takes_the_faults_of_the_control_surface(
    bare: httpx.Client, sandbox: RunningSandbox
) -> None:
    sandbox.inject("status", status=503, path="/oauth/token")
    assert _token(bare).status_code == 503
    assert _token(bare).status_code == 200
