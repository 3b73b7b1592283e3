"""Every way to try a password (instructor sign-in, learner sign-in, learner sign-up) counts
against one limit per address, as the README says."""

from __future__ import annotations

import pytest

from tests.conftest import copied_app

TRY = {"email": "someone@example.org", "password": "not the password at all"}


@pytest.fixture
def limited(prepared, tmp_path):
    overrides = {"RATELIMIT_ENABLED": True, "SHIPSHAPE_SIGNIN_RATE_LIMIT": "3 per minute"}
    with copied_app(prepared, tmp_path / "signin", **overrides) as application:
        yield application.test_client()


def test_instructor_and_learner_sign_in_share_one_bucket(limited):
    statuses = [
        limited.post("/instructor/sign-in", data=TRY).status_code,
        limited.post("/account/sign-in", data=TRY).status_code,
        limited.post("/account/sign-up", data=TRY | {"confirm": "x"}).status_code,
        limited.post("/instructor/sign-in", data=TRY).status_code,
        limited.post("/account/sign-in", data=TRY).status_code,
    ]

    assert statuses == [400, 400, 400, 429, 429]
    assert limited.get("/account/sign-in").status_code == 200  # pages still show
