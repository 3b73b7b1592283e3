"""Asking too fast gets a 429 with the usual JSON error, not a crash or a silent drop."""


def test_the_third_question_in_a_minute_is_told_to_slow_down(limited_client):
    ask = {"question": "what is an image"}
    statuses = [limited_client.post("/api/ask", json=ask).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    error = limited_client.post("/api/ask", json=ask).get_json()
    assert error["error"]["code"] == "too_many_requests"
    assert error["error"]["message"]
