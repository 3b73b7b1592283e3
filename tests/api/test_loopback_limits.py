"""Learners' rate limits count per client address, loopback included: behind a local proxy
without PROXY_FIX every learner comes from loopback. An operator may exempt a tool on the
server's own machine (an eval script) with SHIPSHAPE_LOOPBACK_UNLIMITED=true; the app's own process
(the test client, as the eval scripts' `--app` uses it) is never limited.

A request over a connection has a REMOTE_PORT, which every server sets; these tests give one."""

from __future__ import annotations

import pytest

from tests.conftest import copied_app

ASK = {"question": "what is an image"}


def test_loopback_is_limited_like_any_address(limited_client):
    limited_client.environ_base.update(REMOTE_ADDR="127.0.0.1", REMOTE_PORT="50000")
    local = [limited_client.post("/api/ask", json=ASK).status_code for _ in range(3)]
    assert local == [200, 200, 429]


def test_the_apps_own_process_is_not_limited(limited_client):
    """Flask's test client reaches the app over no connection: it is the app's own process."""
    limited_client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    limited_client.environ_base.pop("REMOTE_PORT", None)
    assert [limited_client.post("/api/ask", json=ASK).status_code for _ in range(4)] == [200] * 4


@pytest.fixture
def loopback_unlimited(prepared, tmp_path):
    overrides = {
        "RATELIMIT_ENABLED": True,
        "SHIPSHAPE_ASK_RATE_LIMIT": "2 per minute",
        "SHIPSHAPE_LOOPBACK_UNLIMITED": True,
    }
    with copied_app(prepared, tmp_path / "loopback", **overrides) as application:
        yield application.test_client()


def test_loopback_is_exempt_only_when_configured(loopback_unlimited):
    loopback_unlimited.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    outside = [loopback_unlimited.post("/api/ask", json=ASK).status_code for _ in range(3)]
    loopback_unlimited.environ_base.update(REMOTE_ADDR="127.0.0.1", REMOTE_PORT="50000")
    local = [loopback_unlimited.post("/api/ask", json=ASK).status_code for _ in range(5)]
    assert outside == [200, 200, 429]
    assert local == [200] * 5
