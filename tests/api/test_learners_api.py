"""Learners over the API: a key from POST /api/learners, sent as X-Learner-Key; attempts,
progress and review belong to that key alone; bad keys and card ids get 4xx."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from shipshape.extensions import db
from shipshape.models import Attempt, Learner
from tests.api.test_read_endpoints import assert_json_error
from tests.quizzes.helpers import walk
from tests.quizzes.review_helpers import RIGHT, SLUG, WRONG, import_recall_bank


def new_key(client) -> str:
    response = client.post("/api/learners")
    assert response.status_code == 201
    return response.get_json()["learner_key"]


def as_learner(key: str) -> dict:
    return {"X-Learner-Key": key}


def take(client, key: str | None, answers: dict) -> dict:
    headers = as_learner(key) if key else {}
    started = client.post(f"/api/quizzes/{SLUG}/attempts", headers=headers)
    assert started.status_code == 201, started.get_data(as_text=True)
    attempt_id = started.get_json()["attempt_id"]
    submit = f"/api/attempts/{attempt_id}/submit"
    submitted = client.post(submit, json={"answers": answers}, headers=headers)
    assert submitted.status_code == 200
    return submitted.get_json()


@pytest.fixture
def bank(app):
    return import_recall_bank()


def test_a_learner_key_is_unguessable_and_stored_only_as_a_digest(client):
    key = new_key(client)
    assert key.startswith("lrn_") and len(key) >= 40
    assert key != new_key(client)
    stored = db.session.execute(select(Learner.key_digest)).scalars().all()
    assert hashlib.sha256(key.encode()).hexdigest() in stored
    assert key not in stored


def test_an_attempt_started_with_the_key_belongs_to_its_learner(client, bank):
    key = new_key(client)
    attempt_id = client.post(f"/api/quizzes/{SLUG}/attempts", headers=as_learner(key)).get_json()[
        "attempt_id"
    ]
    learner = db.session.execute(
        select(Learner).where(Learner.key_digest == hashlib.sha256(key.encode()).hexdigest())
    ).scalar_one()
    assert db.session.get(Attempt, attempt_id).learner_id == learner.id


def test_progress_and_review_of_a_learner(client, bank):
    key = new_key(client)
    take(client, key, WRONG | {"own-kernel": False})
    progress = client.get("/api/progress", headers=as_learner(key)).get_json()
    assert progress["quizzes"] == [
        {
            "slug": SLUG, "title": "Recall check", "attempts": 1, "grade": 25.0,
            "grade_method": "highest", "best_percent": 25.0, "last_percent": 25.0,
        }
    ]  # fmt: skip
    assert {t["slug"]: t["correct"] for t in progress["topics"]}["containers-vs-vms"] == 1
    review = client.get("/api/review", headers=as_learner(key)).get_json()
    assert {c["question"]["id"] for c in review["due"]} == {
        "image-is",
        "default-registry",
        "list-all",
    }
    assert review["next_due_at"] is None
    assert set(review["due"][0]) == {"card_id", "quiz", "question", "due_at"}


def test_no_answer_leaks_through_the_review_list(client, bank):
    key = new_key(client)
    take(client, key, WRONG)
    review = client.get("/api/review", headers=as_learner(key)).get_json()
    keys = {k for card in review["due"] for k, _ in walk(card["question"])}
    assert not keys & {"correct", "feedback", "explanation", "answer", "answers", "pattern"}


def test_answering_a_card_right_takes_it_off_the_due_list(client, bank):
    key = new_key(client)
    take(client, key, WRONG)
    due = client.get("/api/review", headers=as_learner(key)).get_json()["due"]
    card = next(c for c in due if c["question"]["id"] == "own-kernel")
    answered = client.post(
        f"/api/review/{card['card_id']}", json={"response": False}, headers=as_learner(key)
    )
    assert answered.status_code == 200
    body = answered.get_json()
    assert {"correct", "feedback", "correct_response", "rating", "due_at"} <= set(body)
    assert (body["correct"], body["rating"], body["correct_response"]) == (True, "good", False)
    after = client.get("/api/review", headers=as_learner(key)).get_json()
    assert card["card_id"] not in {c["card_id"] for c in after["due"]}
    assert after["next_due_at"] == body["due_at"]
    again = client.post(
        f"/api/review/{card['card_id']}", json={"response": False}, headers=as_learner(key)
    )
    assert assert_json_error(again, 409)["code"] == "card_not_due"


def test_learners_see_nothing_of_each_other(client, bank):
    alice, bob = new_key(client), new_key(client)
    take(client, alice, WRONG)
    take(client, bob, RIGHT)
    assert client.get("/api/review", headers=as_learner(bob)).get_json()["due"] == []
    assert client.get("/api/progress", headers=as_learner(bob)).get_json()["quizzes"][0][
        "best_percent"
    ] == 100.0  # fmt: skip
    alice_card = client.get("/api/review", headers=as_learner(alice)).get_json()["due"][0]
    stolen = client.post(
        f"/api/review/{alice_card['card_id']}", json={"response": True}, headers=as_learner(bob)
    )
    assert assert_json_error(stolen, 404)["code"] == "card_not_found"
    assert len(client.get("/api/review", headers=as_learner(alice)).get_json()["due"]) == 4


def test_max_attempts_count_per_learner_key(client, app):
    import_recall_bank(extra="max_attempts: 1")
    alice, bob = new_key(client), new_key(client)
    take(client, alice, RIGHT)
    refused = client.post(f"/api/quizzes/{SLUG}/attempts", headers=as_learner(alice))
    assert assert_json_error(refused, 409)["code"] == "attempt_limit"
    assert client.post(f"/api/quizzes/{SLUG}/attempts", headers=as_learner(bob)).status_code == 201


@pytest.mark.parametrize("path", ["/api/progress", "/api/review"])
def test_progress_and_review_need_a_key(client, path):
    assert assert_json_error(client.get(path), 401)["code"] == "learner_key_required"


@pytest.mark.parametrize("key", ["lrn_not-a-real-key", "x" * 500, "", "caf\u00e9\u0007"])
@pytest.mark.parametrize("path", ["/api/progress", "/api/review"])
def test_an_unknown_key_is_refused(client, path, key):
    response = client.get(path, headers={"X-Learner-Key": key})
    assert assert_json_error(response, 401)["code"] == "invalid_learner_key"


def test_starting_an_attempt_with_an_unknown_key_is_refused(client, bank):
    response = client.post(f"/api/quizzes/{SLUG}/attempts", headers=as_learner("lrn_nope"))
    assert assert_json_error(response, 401)["code"] == "invalid_learner_key"
    assert db.session.scalar(select(db.func.count()).select_from(Attempt)) == 0


@pytest.mark.parametrize("card_id", ["abc", "0", "99999", "2147483648", "1" * 30, "-1"])
def test_bad_card_ids_are_not_found(client, bank, card_id):
    key = new_key(client)
    response = client.post(
        f"/api/review/{card_id}", json={"response": True}, headers=as_learner(key)
    )
    assert assert_json_error(response, 404)["code"] == "card_not_found"


def test_bad_review_bodies_are_refused(client, bank):
    key = new_key(client)
    take(client, key, WRONG)
    card = client.get("/api/review", headers=as_learner(key)).get_json()["due"][0]
    url = f"/api/review/{card['card_id']}"
    assert assert_json_error(client.post(url, json={}, headers=as_learner(key)), 400)
    assert assert_json_error(client.post(url, json=[1], headers=as_learner(key)), 400)
    assert assert_json_error(client.post(url, data="x", headers=as_learner(key)), 415)
    wrong_shape = client.post(url, json={"response": {"a": 1}}, headers=as_learner(key))
    assert assert_json_error(wrong_shape, 400)["code"] == "invalid_response"
    assert card["card_id"] in {
        c["card_id"] for c in client.get("/api/review", headers=as_learner(key)).get_json()["due"]
    }
