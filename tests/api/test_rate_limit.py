"""Asking too fast gets a 429 with the usual JSON error, not a crash or a silent drop."""

import pytest

from shipshape.runtime import ensure_ready
from tests.conftest import close, make_app
from tests.databases import drop_database, new_database


@pytest.fixture
def limited_client(tmp_path):
    url, name = new_database(tmp_path)
    app = make_app(tmp_path, url, RATELIMIT_ENABLED=True, SHIPSHAPE_ASK_RATE_LIMIT="2 per minute")
    with app.app_context():
        ensure_ready(app)
        yield app.test_client()
        close(app)
    drop_database(name)


def test_the_third_question_in_a_minute_is_told_to_slow_down(limited_client):
    ask = {"question": "what is an image"}
    statuses = [limited_client.post("/api/ask", json=ask).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    error = limited_client.post("/api/ask", json=ask).get_json()
    assert error["error"]["code"] == "too_many_requests"
    assert error["error"]["message"]
