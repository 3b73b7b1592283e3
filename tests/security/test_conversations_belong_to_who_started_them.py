"""A conversation is read and continued by the browser or learner key that started it: its
`?c=` link passed on shows nothing to anyone else. An API client without a key still reaches
its conversation by its id."""

from __future__ import annotations

QUESTION = "what is an image"


def _asked_in_browser(client) -> str:
    """Ask through the chat form; the conversation id from the redirect."""
    response = client.post("/ask", data={"question": QUESTION})
    assert response.status_code == 303
    return response.headers["Location"].split("c=")[1].split("#")[0]


def test_a_conversation_link_shows_nothing_in_another_browser(app, client):
    conversation_id = _asked_in_browser(client)

    mine = client.get(f"/?c={conversation_id}").get_data(as_text=True)
    theirs = app.test_client().get(f"/?c={conversation_id}").get_data(as_text=True)

    assert QUESTION in mine
    assert QUESTION not in theirs


def test_an_api_conversation_link_shows_nothing_on_the_page(app, client):
    conversation_id = client.post("/api/ask", json={"question": QUESTION}).get_json()[
        "conversation_id"
    ]

    page = app.test_client().get(f"/?c={conversation_id}").get_data(as_text=True)

    assert QUESTION not in page


def test_another_key_cannot_continue_a_keyed_conversation(client):
    alice = {"X-Learner-Key": client.post("/api/learners").get_json()["learner_key"]}
    mallory = {"X-Learner-Key": client.post("/api/learners").get_json()["learner_key"]}
    first = client.post("/api/ask", json={"question": QUESTION}, headers=alice).get_json()
    follow = {"question": "how do I delete it?", "conversation_id": first["conversation_id"]}

    hijack = client.post("/api/ask", json=follow, headers=mallory).get_json()
    own = client.post("/api/ask", json=follow, headers=alice).get_json()

    assert hijack["conversation_id"] != first["conversation_id"]  # a new one of mallory's own
    assert own["conversation_id"] == first["conversation_id"]


def test_an_api_client_without_a_key_keeps_its_conversation_by_id(app):
    api = app.test_client(use_cookies=False)
    first = api.post("/api/ask", json={"question": QUESTION}).get_json()

    again = api.post(
        "/api/ask",
        json={"question": "and containers?", "conversation_id": first["conversation_id"]},
    ).get_json()

    assert again["conversation_id"] == first["conversation_id"]


def test_the_chat_pages_script_asks_in_the_browsers_own_conversation(client):
    client.get("/")  # the page gives the browser its key
    reply = client.post("/api/ask", json={"question": QUESTION}).get_json()

    page = client.get(f"/?c={reply['conversation_id']}").get_data(as_text=True)

    assert QUESTION in page


def test_another_browser_cannot_rate_an_answer_in_my_conversation(app, client):
    client.get("/")
    reply = client.post("/api/ask", json={"question": QUESTION}).get_json()
    rating = {"turn_id": reply["turn_id"], "helpful": False}
    rating["conversation_id"] = reply["conversation_id"]

    theirs = app.test_client().post("/api/feedback", json=rating)
    mine = client.post("/api/feedback", json=rating)

    assert (theirs.status_code, mine.status_code) == (404, 200)
