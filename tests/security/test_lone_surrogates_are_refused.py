"""Text with no UTF-8 form (a lone surrogate, JSON's "\\ud800") is refused where it enters, with
a 400 naming the field; what was stored before the guard is cleaned by a migration."""

from __future__ import annotations

import json

from flask_migrate import upgrade
from sqlalchemy import text

from shipshape.extensions import db
from shipshape.runtime import MIGRATIONS_DIR

LONE = '"\\ud800"'  # the JSON text of a lone surrogate


def _raw_json(client, method: str, path: str, body: str, **kwargs):
    return getattr(client, method)(path, data=body, content_type="application/json", **kwargs)


def _short_answer_attempt(client) -> tuple[str, str]:
    attempt = client.post("/api/quizzes/registries-and-sharing/attempts").get_json()
    question = next(q for q in attempt["questions"] if q["type"] == "short_answer")
    return attempt["attempt_id"], question["id"]


def test_an_answer_with_a_lone_surrogate_is_a_400_and_the_stats_page_stays_up(
    client, instructor_client
):
    attempt_id, question_id = _short_answer_attempt(client)

    path = f"/api/attempts/{attempt_id}/answers/{question_id}"
    response = _raw_json(client, "put", path, f'{{"response": {LONE}}}')

    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_text"
    assert "'response'" in response.get_json()["error"]["message"]
    client.post(f"/api/attempts/{attempt_id}/submit")
    page = instructor_client.get("/instructor/quiz-stats/registries-and-sharing")
    assert page.status_code == 200


def test_a_nested_lone_surrogate_is_named_by_its_path(client):
    attempt_id, question_id = _short_answer_attempt(client)

    body = f'{{"answers": {{"{question_id}": {LONE}}}}}'
    response = _raw_json(client, "post", f"/api/attempts/{attempt_id}/submit", body)

    assert response.status_code == 400
    assert f"'answers.{question_id}'" in response.get_json()["error"]["message"]


def test_a_question_with_a_lone_surrogate_is_a_400(client):
    response = _raw_json(client, "post", "/api/ask", f'{{"question": {LONE}}}')

    assert response.status_code == 400
    assert "'question'" in response.get_json()["error"]["message"]


def test_a_topic_with_a_lone_surrogate_is_a_400(client, token_headers):
    body = '{"markdown": "---\\ntitle: T\\n---\\nSummary \\udfff.\\n"}'
    response = _raw_json(client, "put", "/api/topics/new-topic", body, headers=token_headers)

    assert response.status_code == 400
    assert "'markdown'" in response.get_json()["error"]["message"]


def test_a_form_with_the_bytes_of_a_surrogate_gets_no_500(client):
    response = client.post(
        "/ask", data=b"question=docker%ED%A0%80", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code < 500


def test_the_migration_replaces_stored_lone_surrogates(empty_app):
    upgrade(directory=MIGRATIONS_DIR, revision="e2b7c4a9d8f3")
    reply = json.dumps({"text": "before \ud800 after", "items": ["\udc00"]})
    db.session.execute(
        text(
            "INSERT INTO turns (id, conversation_id, question, normalized, kind, confidence,"
            " reply, created_at) VALUES (1, 'c-x', 'q', 'q', 'answer', 0, :reply, '2026-01-01')"
        ),
        {"reply": reply},
    )
    db.session.commit()

    upgrade(directory=MIGRATIONS_DIR)

    stored = db.session.execute(text("SELECT reply FROM turns WHERE id = 1")).scalar_one()
    value = stored if isinstance(stored, dict) else json.loads(stored)
    assert value == {"text": "before \ufffd after", "items": ["\ufffd"]}
