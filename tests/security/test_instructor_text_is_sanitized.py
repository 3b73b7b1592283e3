"""Whatever an instructor writes, learners' pages and the API carry nothing executable."""

import pytest

from tests.knowledge.test_render import ATTACKS, elements

PAYLOAD = "\n\n".join(ATTACKS.values())
EVIL = '<script>alert("t")</script><img src=x onerror=alert(1)>'
TOPIC = f"""---
title: 'Evil {EVIL}'
group: 'Group {EVIL}'
tags: ['<svg onload=alert(1)>']
questions:
  - 'How about {EVIL}?'
related: [image]
command:
  name: docker evil
  options:
    - flags: [--evil]
      help: 'Help {EVIL}'
---
Summary {EVIL} with [a link](javascript:alert(1)).

## Heading {EVIL}
{PAYLOAD}
"""


def assert_inert(html: str) -> None:
    """Only the site's own scripts; no handlers, no script URLs, no foreign elements."""
    for tag, attrs in elements(html):
        assert tag not in {"iframe", "object", "embed", "img", "math"}, (tag, attrs)
        assert tag != "script" or attrs.get("src", "").startswith("/static/"), attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not value.strip().lower().startswith(("javascript:", "data:text")), value
    assert "<script>alert" not in html


@pytest.fixture
def evil_topic(client, token_headers):
    response = client.put("/api/topics/evil", json={"markdown": TOPIC}, headers=token_headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return "evil"


def html_fields(value) -> list[str]:
    """Every string the API offers as HTML ("html" keys); other strings are plain text data."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in {"html", "highlight"} and isinstance(v, str)]
        return found + [h for v in value.values() for h in html_fields(v)]
    if isinstance(value, list):
        return [h for v in value for h in html_fields(v)]
    return []


@pytest.mark.parametrize("path", ["/topics/evil", "/topics", "/search?q=evil"])
def test_pages_showing_the_topic_are_inert(client, evil_topic, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.get_data(as_text=True))


@pytest.mark.parametrize("path", ["/api/topics/evil", "/api/search?q=evil"])
def test_html_the_api_offers_is_inert(client, evil_topic, path):
    fields = html_fields(client.get(path).get_json())
    assert fields
    for html in fields:
        assert_inert(html)


def test_a_chat_answer_from_the_topic_is_inert(client, evil_topic):
    reply = client.post("/api/ask", json={"question": "how about evil heading"}).get_json()
    assert reply["sources"], reply
    assert_inert(reply["answer"]["html"])
    page = client.post("/ask", data={"question": "how about evil heading"})
    assert_inert(page.get_data(as_text=True))


QUIZ = f"""\
title: 'Evil quiz {EVIL}'
description: 'About {EVIL}'
questions:
  - id: evil-choice
    type: single_choice
    prompt: 'Pick {EVIL} [x](javascript:alert(1))'
    topics: [image]
    explanation: 'Because {EVIL}'
    options:
      - {{id: a, text: 'Right {EVIL}', correct: true, feedback: 'Yes {EVIL}'}}
      - {{id: b, text: 'Wrong {EVIL}', feedback: 'No {EVIL}'}}
"""


@pytest.fixture
def evil_quiz(client, token_headers):
    response = client.put("/api/quizzes/evil-quiz", json={"yaml": QUIZ}, headers=token_headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return "evil-quiz"


def test_a_quiz_full_of_payloads_is_inert_from_start_to_review(client, evil_quiz):
    assert_inert(client.get("/quizzes").get_data(as_text=True))
    started = client.post(f"/quizzes/{evil_quiz}/start")
    attempt_page = client.get(started.headers["Location"])
    assert "Evil quiz" in attempt_page.get_data(as_text=True)
    assert_inert(attempt_page.get_data(as_text=True))
    results = client.post(started.headers["Location"], data={"action": "submit"})
    results = client.get(results.headers.get("Location", started.headers["Location"]))
    assert_inert(results.get_data(as_text=True))


def test_the_quiz_api_offers_only_inert_html(client, evil_quiz):
    attempt = client.post(f"/api/quizzes/{evil_quiz}/attempts").get_json()
    for html in html_fields(attempt):
        assert_inert(html)
    review = client.post(f"/api/attempts/{attempt['attempt_id']}/submit", json={}).get_json()
    for html in html_fields(review):
        assert_inert(html)


@pytest.mark.parametrize(
    "path",
    [
        "/instructor/quizzes",
        "/instructor/quizzes/evil-quiz/edit",
        "/instructor/quiz-stats",
        "/instructor/quiz-stats/evil-quiz",
        "/instructor/topics",
        "/instructor/topics/evil/edit",
        "/instructor/topics/evil/history",
    ],
)
def test_instructor_pages_showing_the_payloads_are_inert(
    instructor_client, evil_topic, evil_quiz, path
):
    response = instructor_client.get(path)
    assert response.status_code == 200
    assert_inert(response.get_data(as_text=True))


def test_the_editor_previews_are_inert(instructor_client, evil_topic, evil_quiz):
    topic = instructor_client.post(
        "/instructor/topics/evil/edit",
        data={"markdown": TOPIC, "action": "preview", "base_revision": "1"},
    )
    assert (topic.status_code, "Heading" in topic.get_data(as_text=True)) == (200, True)
    assert_inert(topic.get_data(as_text=True))
    quiz = instructor_client.post(
        "/instructor/quizzes/evil-quiz/edit",
        data={"text": QUIZ, "action": "preview", "base_revision": "1"},
    )
    assert (quiz.status_code, "Wrong" in quiz.get_data(as_text=True)) == (200, True)
    assert_inert(quiz.get_data(as_text=True))
