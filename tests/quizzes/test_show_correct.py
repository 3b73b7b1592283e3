"""`show_correct`: until the right answers may be shown, results (API, pages, review on a later
GET) leave out `correct_response`, and feedback keeps only the verdict and the instructor's
feedback on the options the learner chose. On a frozen clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

import shipshape.quizzes.attempts as attempts_module
from tests.quizzes.helpers import five_true_false, import_bank
from tests.quizzes.test_attempts_api import assert_json_error, get, start, submit

T = datetime(2030, 1, 1, 12, 0, 0)
CLOSES = "2030-01-01T13:00:00Z"

CHOICES = """\
  - id: image
    type: single_choice
    prompt: Which is an image?
    explanation: An image is the read-only template a container starts from.
    options:
      - {id: a, text: A read-only template, correct: true, feedback: Well spotted.}
      - {id: b, text: A running process, feedback: A running process is a container.}
  - id: facts
    type: multiple_choice
    prompt: What is true of a container?
    explanation: A container is a running process with a writable layer.
    options:
      - {id: x, text: It has a writable layer, correct: true}
      - {id: y, text: It runs a process, correct: true}
      - {id: z, text: It boots a kernel, feedback: Containers share the host kernel.}
  - id: order
    type: ordering
    prompt: Put them in order.
    items:
      - {id: s1, text: Build}
      - {id: s2, text: Run}
"""


class Clock:
    def __init__(self):
        self.now = T

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = Clock()
    monkeypatch.setattr(attempts_module, "utcnow", frozen)
    return frozen


def quiz(settings: str, questions: str = CHOICES) -> str:
    slug = "show-" + str(abs(hash(settings)) % 10**6)
    return import_bank(f"title: Shown answers\n{settings}questions:\n{questions}", slug)


def option_id(question: dict, text: str) -> str:
    return next(o["id"] for o in question["options"] if o["text"] == text)


def wrong_answers(attempt: dict) -> dict:
    """b for the single choice, x and z for the multiple choice (1 - 1 of 2 right: 0 points),
    the order as shown."""
    qs = {q["type"]: q for q in attempt["questions"]}
    single, multiple = qs["single_choice"], qs["multiple_choice"]
    order = qs["ordering"]
    return {
        single["id"]: option_id(single, "A running process"),
        multiple["id"]: [
            option_id(multiple, "It has a writable layer"),
            option_id(multiple, "It boots a kernel"),
        ],
        order["id"]: [i["id"] for i in order["items"]],  # never handed out in the right order
    }


def by_type(result: dict, kind: str) -> dict:
    index = next(i for i, q in enumerate(result["questions"]) if q["type"] == kind)
    return result["results"][index]


def assert_key_withheld(result: dict) -> None:
    for entry in result["results"]:
        assert "correct_response" not in entry
        assert "withheld_feedback" not in entry
        assert "explanation" not in entry["feedback"]
        assert "read-only template a container" not in entry["feedback"]
        assert "Also right" not in entry["feedback"]
        assert "right order" not in entry["feedback"]
    assert result["correct_shown"] is False


def test_never_leaves_the_key_out_of_the_result_and_its_review(client, clock):
    slug = quiz("show_correct: never\n")
    attempt = start(client, slug)

    result = submit(client, attempt["attempt_id"], wrong_answers(attempt)).get_json()

    assert_key_withheld(result)
    assert result["correct_shown_at"] is None
    assert by_type(result, "single_choice")["feedback"] == (
        "Not right.\n\nA running process is a container."
    )
    assert by_type(result, "multiple_choice")["feedback"] == (
        "Not right.\n\n- It boots a kernel: Containers share the host kernel."
    )
    assert by_type(result, "ordering")["feedback"] == "Not right."
    clock.now = T + timedelta(days=3650)
    assert get(client, attempt["attempt_id"]).get_json() == result
    assert submit(client, attempt["attempt_id"]).get_json() == result


def test_the_results_page_says_the_answers_are_not_shown(client, clock):
    slug = quiz("show_correct: never\n")
    client.get("/quizzes")
    page = client.post(f"/quizzes/{slug}/start", follow_redirects=True)
    attempt_url = page.request.path
    html = client.post(attempt_url, data={"action": "submit"}, follow_redirects=True)
    text = html.get_data(as_text=True)

    assert "This quiz does not show the right answers" in text
    assert "Right answer" not in text
    assert "read-only template a container starts from" not in text


def test_a_right_choice_keeps_its_own_feedback(client, clock):
    slug = quiz("show_correct: never\n")
    attempt = start(client, slug)
    single = next(q for q in attempt["questions"] if q["type"] == "single_choice")

    result = submit(
        client, attempt["attempt_id"], {single["id"]: option_id(single, "A read-only template")}
    )

    assert by_type(result.get_json(), "single_choice")["feedback"] == "Right.\n\nWell spotted."


def test_after_deadline_shows_the_key_from_closes_at_on(client, clock):
    slug = quiz(f"show_correct: after_deadline\ncloses_at: {CLOSES}\n")
    attempt = start(client, slug)
    assert attempt["deadline"] == CLOSES  # no time limit: the attempt ends when the quiz closes

    clock.now = T + timedelta(minutes=10)
    before = submit(client, attempt["attempt_id"], wrong_answers(attempt)).get_json()
    assert_key_withheld(before)
    assert before["correct_shown_at"] == CLOSES

    clock.now = T + timedelta(minutes=59, seconds=59)
    assert "correct_response" not in get(client, attempt["attempt_id"]).get_json()["results"][0]

    clock.now = T + timedelta(hours=1)
    after = get(client, attempt["attempt_id"]).get_json()
    assert after["correct_shown"] is True
    assert all("correct_response" in r for r in after["results"])
    assert (
        "read-only template a container starts from" in by_type(after, "single_choice")["feedback"]
    )
    assert "Also right: It runs a process" in by_type(after, "multiple_choice")["feedback"]
    assert (after["score"], after["max_score"]) == (before["score"], before["max_score"])


def test_after_deadline_without_closes_at_waits_for_the_attempts_time_limit(client, clock):
    slug = quiz("time_limit_minutes: 30\nshow_correct: after_deadline\n")
    attempt = start(client, slug)

    clock.now = T + timedelta(minutes=5)
    early = submit(client, attempt["attempt_id"], wrong_answers(attempt)).get_json()
    assert_key_withheld(early)
    assert early["correct_shown_at"] == "2030-01-01T12:30:00Z"

    clock.now = T + timedelta(minutes=30)
    assert get(client, attempt["attempt_id"]).get_json()["correct_shown"] is True


def test_a_closed_quiz_cannot_be_started_and_the_list_says_so(client, clock):
    slug = quiz(f"closes_at: {CLOSES}\n")
    clock.now = T + timedelta(hours=1)

    assert_json_error(client.post(f"/api/quizzes/{slug}/attempts"), 409)
    listed = {q["slug"]: q for q in client.get("/api/quizzes").get_json()["quizzes"]}
    assert (listed[slug]["closed"], listed[slug]["closes_at"]) == (True, CLOSES)
    page = client.get("/quizzes").get_data(as_text=True)
    assert "Closed since 2030-01-01 13:00 UTC" in page
    assert f"/quizzes/{slug}/start" not in page


def test_the_time_limit_ends_at_closes_at_when_that_comes_first(client, clock):
    slug = quiz(f"time_limit_minutes: 120\ncloses_at: {CLOSES}\n")

    assert start(client, slug)["deadline"] == CLOSES


def test_immediately_returns_the_result_as_stored(client, clock):
    slug = import_bank(five_true_false(), "shown-now")
    attempt = start(client, slug)

    result = submit(client, attempt["attempt_id"], {"q1": False}).get_json()

    assert "correct_shown" not in result
    entry = next(r for r in result["results"] if r["question_id"] == "q1")
    assert entry["correct_response"] is True
    assert "Statement 1 is true." in entry["feedback"]
