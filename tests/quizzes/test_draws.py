"""`draw: N`: each attempt gets N questions at random, fixed for that attempt through reload,
save, submit and review, different across attempts; the score counts only what it drew."""

from __future__ import annotations

import pytest

from shipshape.extensions import db
from shipshape.models import Attempt
from tests.quizzes.helpers import five_true_false, import_bank
from tests.quizzes.test_attempts_api import assert_json_error, get, put, start, submit

POINTS = {f"q{n}": n for n in range(1, 6)}


@pytest.fixture
def drawn_quiz(app):
    return import_bank(five_true_false("draw: 2\n"), "draw-two")


def ids_of(payload: dict) -> list[str]:
    return [q["id"] for q in payload["questions"]]


def test_an_attempt_gets_the_number_of_questions_the_quiz_draws(client, drawn_quiz):
    attempt = start(client, drawn_quiz)

    assert len(ids_of(attempt)) == 2
    assert set(ids_of(attempt)) <= set(POINTS)
    assert db.session.get(Attempt, attempt["attempt_id"]).question_ids == sorted(ids_of(attempt))


def test_the_draw_is_fixed_through_reload_save_submit_and_review(client, drawn_quiz):
    attempt = start(client, drawn_quiz)
    first, second = ids_of(attempt)

    assert ids_of(get(client, attempt["attempt_id"]).get_json()) == [first, second]
    assert put(client, attempt["attempt_id"], first, True).status_code == 200
    again = get(client, attempt["attempt_id"]).get_json()
    assert ids_of(again) == [first, second]
    assert again["saved"] == {first: True}
    result = submit(client, attempt["attempt_id"], {second: False}).get_json()
    assert [r["question_id"] for r in result["results"]] == [first, second]
    assert ids_of(result) == [first, second]
    assert get(client, attempt["attempt_id"]).get_json() == result


def test_score_and_max_score_count_only_the_drawn_questions(client, drawn_quiz):
    attempt = start(client, drawn_quiz)
    first, second = ids_of(attempt)

    result = submit(client, attempt["attempt_id"], {first: True, second: False}).get_json()

    assert result["max_score"] == POINTS[first] + POINTS[second]
    assert result["score"] == POINTS[first]
    assert result["percent"] == round(100 * POINTS[first] / (POINTS[first] + POINTS[second]), 1)
    row = db.session.get(Attempt, attempt["attempt_id"])
    assert (row.score, row.max_score) == (result["score"], result["max_score"])
    assert {a.question_id for a in row.answers} == {first, second}


def test_a_question_the_attempt_did_not_draw_cannot_be_answered(client, drawn_quiz):
    attempt = start(client, drawn_quiz)
    other = next(q for q in POINTS if q not in ids_of(attempt))

    assert_json_error(put(client, attempt["attempt_id"], other, True), 404)
    assert_json_error(submit(client, attempt["attempt_id"], {other: True}), 404)
    assert get(client, attempt["attempt_id"]).get_json()["status"] == "in_progress"


def test_attempts_draw_different_questions(client, drawn_quiz):
    draws = {frozenset(ids_of(start(client, drawn_quiz))) for _ in range(12)}

    # ten possible pairs: twelve attempts all drawing the same one has odds of 1 in 10^11
    assert len(draws) > 1
    assert all(len(d) == 2 for d in draws)


def test_drawing_every_question_is_the_same_as_no_draw(client, app):
    slug = import_bank(five_true_false("draw: 5\n"), "draw-all")

    assert sorted(ids_of(start(client, slug))) == sorted(POINTS)


def test_the_quiz_list_counts_the_questions_an_attempt_gets(client, drawn_quiz):
    listed = {q["slug"]: q for q in client.get("/api/quizzes").get_json()["quizzes"]}

    assert (listed[drawn_quiz]["question_count"], listed[drawn_quiz]["bank_size"]) == (2, 5)
    assert listed[drawn_quiz]["draw"] == 2
    assert "2 questions drawn at random from 5" in client.get("/quizzes").get_data(as_text=True)


def test_the_attempt_page_shows_only_the_drawn_questions(client, drawn_quiz):
    client.get("/quizzes")
    page = client.post(f"/quizzes/{drawn_quiz}/start", follow_redirects=True)
    html = page.get_data(as_text=True)

    assert html.count('class="question"') == 2
    assert "Answered 0 of 2" in html


def test_the_bundled_image_commands_quiz_draws_ten_of_its_questions(client):
    attempt = start(client, "image-commands")

    assert len(attempt["questions"]) == 10
    result = submit(client, attempt["attempt_id"]).get_json()
    assert len(result["results"]) == 10
    assert result["max_score"] == 10
