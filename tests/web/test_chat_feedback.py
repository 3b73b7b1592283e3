"""Thumbs up / down under every chat answer: named buttons, a plain form that works without JS."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from shipshape.extensions import db
from shipshape.models import Turn
from tests.conftest import csrf_token
from tests.web.markup import parse_page


def start_conversation(client, question="how do I rename a container") -> str:
    response = client.post("/ask", data={"question": question})
    return parse_qs(urlsplit(response.headers["Location"]).query)["c"][0]


def chat_page(client, conversation: str):
    return parse_page(client.get(f"/?c={conversation}").get_data(as_text=True))


def latest_turn(conversation: str) -> Turn:
    db.session.expire_all()
    query = select(Turn).where(Turn.conversation_id == conversation).order_by(Turn.id.desc())
    return db.session.execute(query).scalars().first()


def rate_by_form(client, turn_id, helpful, conversation):
    data = {"turn_id": str(turn_id), "helpful": helpful, "conversation_id": conversation}
    return client.post("/feedback", data=data)


def test_every_answer_has_a_thumbs_form_with_named_buttons(client):
    conversation = start_conversation(client)
    client.post(
        "/ask", data={"question": "and how do I remove it?", "conversation_id": conversation}
    )
    html = client.get(f"/?c={conversation}").get_data(as_text=True)
    page = parse_page(html)
    forms = page.find_all("form", action="/feedback")
    assert len(forms) == 2
    assert all(form["method"] == "post" and form["class"] == "feedback" for form in forms)
    assert len(page.find_all("input", name="csrf_token")) >= 2
    assert html.count("This answer helped</span>") == 2
    assert html.count("This answer did not help</span>") == 2
    buttons = page.find_all("button", name="helpful")
    assert sorted(b["value"] for b in buttons) == ["no", "no", "yes", "yes"]
    assert all(b["aria-pressed"] == "false" for b in buttons)
    assert len(page.find_all("span", role="status", **{"class": "feedback-status"})) == 2


def test_the_form_records_a_thumbs_down_and_goes_back_to_the_answer(client):
    conversation = start_conversation(client)
    turn = latest_turn(conversation)
    response = rate_by_form(client, turn.id, "no", conversation)
    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    assert (location.path, location.fragment) == ("/", f"answer-{turn.id}")
    assert parse_qs(location.query)["c"] == [conversation]
    assert latest_turn(conversation).helpful is False
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Thanks for your feedback." in html
    [pressed] = parse_page(html).find_all("button", name="helpful", **{"aria-pressed": "true"})
    assert pressed["value"] == "no"
    assert re.search(rf'<li class="turn turn--answer" id="answer-{turn.id}">', html)


def test_the_form_can_change_a_rating(client):
    conversation = start_conversation(client)
    turn = latest_turn(conversation)
    rate_by_form(client, turn.id, "no", conversation)
    rate_by_form(client, turn.id, "yes", conversation)
    assert latest_turn(conversation).helpful is True


def test_the_form_cannot_rate_another_conversations_answer(client):
    mine, theirs = start_conversation(client), start_conversation(client, "what is an image")
    response = rate_by_form(client, latest_turn(theirs).id, "no", mine)
    assert response.status_code == 404
    assert latest_turn(theirs).helpful is None


@pytest.mark.parametrize(
    ("turn_id", "helpful"),
    [("", "no"), ("abc", "no"), ("12345678901234", "no"), ("-1", "no"), ("1", "maybe"), ("1", "")],
)
def test_a_malformed_form_gets_a_400_page(client, turn_id, helpful):
    conversation = start_conversation(client)
    response = rate_by_form(client, turn_id, helpful, conversation)
    assert response.status_code == 400
    assert "text/html" in response.content_type
    assert latest_turn(conversation).helpful is None


def test_the_form_needs_its_csrf_token(csrf_app):
    learner = csrf_app.test_client()
    learner.get("/")  # the chat page, whose script asks through the API as this browser
    api_reply = learner.post("/api/ask", json={"question": "what is an image"}).get_json()
    conversation, turn_id = api_reply["conversation_id"], api_reply["turn_id"]
    refused = rate_by_form(learner, turn_id, "no", conversation)
    assert refused.status_code == 400
    assert latest_turn(conversation).helpful is None
    [form] = chat_page(learner, conversation).find_all("form", action="/feedback")
    token = csrf_token(learner, f"/?c={conversation}")
    data = {"turn_id": str(turn_id), "helpful": "no", "conversation_id": conversation}
    assert learner.post("/feedback", data={**data, "csrf_token": token}).status_code == 303
    assert latest_turn(conversation).helpful is False
    assert form["data-turn-id"] == str(turn_id)
