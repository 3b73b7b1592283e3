"""Learners' rate limits count per client address; a tool on the server's own machine (an eval
script, a health probe) is not a learner and is not limited."""

from __future__ import annotations


def test_loopback_is_not_limited_but_another_address_is(limited_client):
    ask = {"question": "what is an image"}
    outside = [limited_client.post("/api/ask", json=ask).status_code for _ in range(3)]
    limited_client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    local = [limited_client.post("/api/ask", json=ask).status_code for _ in range(5)]
    assert outside == [200, 200, 429]
    assert local == [200] * 5
