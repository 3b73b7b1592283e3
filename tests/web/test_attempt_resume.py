"""Attempts that resume: one open attempt per learner and quiz is continued, the quiz cards say
where the learner stands, and a summary before submitting lists unanswered and flagged questions."""

from __future__ import annotations

import re
from datetime import timedelta

from shipshape.extensions import db
from shipshape.models import Attempt
from tests.quizzes.test_quiz_pages import read, start_in_browser, text_of

SLUG = "misconceptions"


def page_text(client, path: str) -> str:
    return text_of(client.get(path).get_data(as_text=True))


def a_choice(client, path: str) -> tuple[str, str]:
    """(field name, an option id) of the attempt's first single-choice question."""
    fields = read(client.get(path).get_data(as_text=True)).fields
    choice = next(
        f for f in fields if f.get("type") == "radio" and f["value"] not in ("true", "false")
    )
    return choice["name"], choice["value"]


def first_question(client, path: str) -> tuple[str, str]:
    """(field name, a value) of the attempt's first radio question."""
    form = read(client.get(path).get_data(as_text=True))
    radio = next(f for f in form.fields if f.get("type") == "radio")
    return radio["name"], radio["value"]


def test_starting_a_quiz_again_continues_the_open_attempt(client):
    path = start_in_browser(client, SLUG)
    assert start_in_browser(client, SLUG) == path
    assert db.session.query(Attempt).count() == 1


def test_a_submitted_attempt_is_not_continued(client):
    path = start_in_browser(client, SLUG)
    client.post(path, data={"action": "submit"})
    assert start_in_browser(client, SLUG) != path


def test_an_attempt_past_its_deadline_is_not_continued(client):
    path = start_in_browser(client, SLUG)
    attempt = db.session.get(Attempt, path.rsplit("/", 1)[1])
    attempt.deadline = attempt.started_at - timedelta(minutes=1)
    db.session.commit()
    assert start_in_browser(client, SLUG) != path


def test_another_browser_starts_its_own_attempt(app, client):
    path = start_in_browser(client, SLUG)
    assert start_in_browser(app.test_client(), SLUG) != path


def test_the_quiz_card_offers_continue_with_the_count_answered(client):
    path = start_in_browser(client, SLUG)
    name, value = first_question(client, path)
    client.post(path, data={name: value, "action": "save"})
    html = client.get("/quizzes").get_data(as_text=True)
    assert f'href="{path}"' in html
    assert "In progress" in text_of(html)
    assert "1 of " in text_of(html)
    assert "Continue" in text_of(html)


def test_the_quiz_card_shows_the_best_grade_and_offers_a_retake(client):
    path = start_in_browser(client, SLUG)
    client.post(path, data={"action": "submit"})
    text = page_text(client, "/quizzes")
    assert "Best 0.0%" in text
    assert "1 attempt submitted" in text
    assert "Retake" in text


def test_finishing_goes_to_a_summary_listing_unanswered_and_flagged_questions(client):
    path = start_in_browser(client, SLUG)
    name, value = a_choice(client, path)
    question_id = name.removeprefix("q-")
    response = client.post(
        path, data={name: value, f"flag-{question_id}": "1", "action": "summary"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(path + "/summary")
    attempt_page = client.get(path).get_data(as_text=True)
    number = int(
        re.search(rf'id="question-(\d+)" data-question-id="{question_id}"', attempt_page)[1]
    )
    other = 2 if number == 1 else 1
    text = page_text(client, path + "/summary")
    assert f"Question {number} Answer saved · flagged" in text
    assert f"Question {other} Not answered" in text
    assert "no answer" in text
    assert db.session.get(Attempt, path.rsplit("/", 1)[1]).submitted_at is None
    assert "checked" in client.get(path).get_data(as_text=True).split(f"flag-{question_id}")[1][:40]


def test_submitting_from_the_summary_grades_the_saved_answers(client):
    path = start_in_browser(client, SLUG)
    name, value = first_question(client, path)
    client.post(path, data={name: value, "action": "summary"})
    response = client.post(path, data={"action": "submit"})
    assert response.status_code == 303
    assert "points" in page_text(client, path)
    assert client.get(path + "/summary").status_code == 303  # nothing left to summarise


def test_saving_without_javascript_still_keeps_answers(client):
    path = start_in_browser(client, SLUG)
    name, value = first_question(client, path)
    client.post(path, data={name: value, "action": "save"})
    html = client.get(path).get_data(as_text=True)
    assert "Answered 1 of" in text_of(html)
    assert 'data-state="saved"' in html


def test_results_number_the_questions_write_marks_plainly_and_offer_a_retake(client):
    path = start_in_browser(client, SLUG)
    client.post(path, data={"action": "submit"})
    text = page_text(client, path)
    assert "Question 1 of 18" in text
    assert "0 of 1 point" in text and "1.0" not in text
    assert "Review what I missed (18)" in text
    assert f'action="/quizzes/{SLUG}/start"' in client.get(path).get_data(as_text=True)


def test_the_time_left_is_said_in_minutes_without_a_time_zone(client):
    path = start_in_browser(client, SLUG)  # a 15-minute quiz
    text = page_text(client, path)
    assert "15 minutes when this page was drawn" in text or "14 minutes when" in text
    assert "UTC" not in text.split("Time left:", 1)[1][:80]


def test_the_page_saves_one_answer_for_its_own_browser_only(app, client):
    """The attempt page's script saves each answer as given (PUT /attempts/<id>/answers/<qid>),
    as this browser's learner: another browser is refused, a body without a response is a 400."""
    path = start_in_browser(client, SLUG)
    name, value = a_choice(client, path)
    question_id = name.removeprefix("q-")
    url = f"{path}/answers/{question_id}"

    script = {"Accept": "application/json"}  # as the page's script sends it
    saved = client.put(url, json={"response": value}, headers=script)
    stranger = app.test_client().put(url, json={"response": value}, headers=script)
    empty = client.put(url, json={}, headers=script)

    assert (saved.status_code, saved.get_json()) == (200, {"saved": True})
    assert stranger.status_code == 404 and "error" in stranger.get_json()
    assert empty.status_code == 400 and empty.get_json()["error"]["code"] == "missing_response"
    shown = read(client.get(path).get_data(as_text=True)).fields
    assert any(f.get("name") == name and f["value"] == value and "checked" in f for f in shown)
