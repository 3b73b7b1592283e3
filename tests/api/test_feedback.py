"""POST /api/feedback: rate an answer of your own conversation; bad bodies get a 400."""

import pytest

from shipshape.extensions import db
from shipshape.models import Turn


def rate(client, turn_id, helpful, conversation_id):
    body = {"turn_id": turn_id, "helpful": helpful, "conversation_id": conversation_id}
    return client.post("/api/feedback", json=body)


def stored_rating(turn_id: int) -> bool | None:
    db.session.expire_all()
    return db.session.get(Turn, turn_id).helpful


def test_a_thumbs_down_is_stored_and_echoed(client, ask):
    reply = ask("how do I rename a container")
    response = rate(client, reply["turn_id"], False, reply["conversation_id"])
    assert response.status_code == 200
    assert response.get_json() == {"turn_id": reply["turn_id"], "helpful": False}
    assert stored_rating(reply["turn_id"]) is False


def test_rating_again_overwrites(client, ask):
    reply = ask("how do I rename a container")
    rate(client, reply["turn_id"], False, reply["conversation_id"])
    response = rate(client, reply["turn_id"], True, reply["conversation_id"])
    assert response.get_json() == {"turn_id": reply["turn_id"], "helpful": True}
    assert stored_rating(reply["turn_id"]) is True


def test_another_conversations_answer_is_not_found(client, ask):
    mine, theirs = ask("what is an image"), ask("how do I rename a container")
    response = rate(client, theirs["turn_id"], False, mine["conversation_id"])
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
    assert stored_rating(theirs["turn_id"]) is None


def test_an_unknown_turn_is_not_found(client, ask):
    reply = ask("what is an image")
    response = rate(client, reply["turn_id"] + 500, True, reply["conversation_id"])
    assert response.status_code == 404


CONVERSATION = "c-" + "b" * 22
BAD_BODIES = {
    "no turn_id": ({"helpful": True, "conversation_id": CONVERSATION}, "invalid_turn_id"),
    "turn_id as text": ({"turn_id": "7", "helpful": True, "conversation_id": CONVERSATION},
                        "invalid_turn_id"),
    "turn_id too big": ({"turn_id": 10**20, "helpful": True, "conversation_id": CONVERSATION},
                        "invalid_turn_id"),
    "helpful as text": ({"turn_id": 1, "helpful": "false", "conversation_id": CONVERSATION},
                        "invalid_helpful"),
    "no helpful": ({"turn_id": 1, "conversation_id": CONVERSATION}, "invalid_helpful"),
    "no conversation": ({"turn_id": 1, "helpful": True}, "invalid_conversation_id"),
    "made-up conversation": ({"turn_id": 1, "helpful": True, "conversation_id": "abc"},
                             "invalid_conversation_id"),
}  # fmt: skip


@pytest.mark.parametrize(("body", "code"), BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_a_malformed_body_gets_a_400_naming_the_field(client, body, code):
    response = client.post("/api/feedback", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": "{not json", "content_type": "application/json"},
        {"data": "[1, 2]", "content_type": "application/json"},
        {"data": b"\xff\xfe", "content_type": "application/json"},
    ],
)
def test_a_body_that_is_not_a_json_object_gets_a_400(client, kwargs):
    assert client.post("/api/feedback", **kwargs).status_code == 400


def test_a_body_that_is_not_json_gets_a_415(client):
    assert client.post("/api/feedback", data="turn_id=1").status_code == 415


def test_rating_is_rate_limited_like_asking(limited_client):
    reply = limited_client.post("/api/ask", json={"question": "what is an image"}).get_json()
    statuses = [
        rate(limited_client, reply["turn_id"], True, reply["conversation_id"]).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
