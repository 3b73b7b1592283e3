"""PUT and DELETE /api/quizzes/<slug>: instructors only; a saved quiz can be taken at once, and
attempts already started keep the revision they began on."""

from __future__ import annotations

import pytest

from tests.quizzes.helpers import walk

QUIZ = """\
title: Quokka quiz
description: Made up for the API tests.
questions:
  - id: kernel
    type: true_false
    prompt: Containers share the host kernel.
    topics: [containers-vs-vms]
    answer: true
  - id: list-all
    type: command
    prompt: List every container, stopped ones too.
    topics: [docker-container-ls]
    answer: docker ps -a
"""


SHORT = """\
  - id: typed
    type: short_answer
    prompt: Type it.
    topics: [containers-vs-vms]
    pattern: '{pattern}'
"""


def put(client, slug, text, headers=None, **more):
    return client.put(f"/api/quizzes/{slug}", json={"yaml": text, **more}, headers=headers or {})


def test_a_new_quiz_is_created_listed_and_can_be_started(client, token_headers):
    response = put(client, "quokka-quiz", QUIZ, token_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body == {
        "slug": "quokka-quiz",
        "revision": 1,
        "created": True,
        "question_count": 2,
        "warnings": [],
    }
    listed = {q["slug"]: q for q in client.get("/api/quizzes").get_json()["quizzes"]}
    assert listed["quokka-quiz"]["question_count"] == 2
    attempt = client.post("/api/quizzes/quokka-quiz/attempts")
    assert attempt.status_code == 201
    assert {q["id"] for q in attempt.get_json()["questions"]} == {"kernel", "list-all"}


def test_an_edit_is_200_with_the_next_revision_and_the_same_text_changes_nothing(
    client, token_headers
):
    put(client, "quokka-quiz", QUIZ, token_headers)
    edited = put(client, "quokka-quiz", QUIZ.replace("Quokka quiz", "Quokka 2"), token_headers)
    assert (edited.status_code, edited.get_json()["revision"]) == (200, 2)
    same = put(client, "quokka-quiz", QUIZ.replace("Quokka quiz", "Quokka 2"), token_headers)
    assert (same.status_code, same.get_json()["revision"]) == (200, None)


@pytest.mark.parametrize("content_type", ["application/yaml", "text/yaml; charset=utf-8"])
def test_a_raw_yaml_body_is_accepted(client, token_headers, content_type):
    headers = {**token_headers, "Content-Type": content_type}
    response = client.put("/api/quizzes/quokka-quiz", data=QUIZ.encode(), headers=headers)
    assert response.status_code == 201
    assert client.get("/api/quizzes").get_json()["quizzes"]


@pytest.mark.parametrize(
    ("text", "question", "words"),
    [
        (QUIZ.replace("answer: true", "answer: maybe"), "kernel", "true_false needs"),
        (QUIZ.replace("docker ps -a", "docker ps -a 'x"), "list-all", "not a command line"),
        (QUIZ.replace("[containers-vs-vms]", "[nope]"), "kernel", "no topic 'nope'"),
        (QUIZ.replace("list-all", "kernel"), None, "repeated id(s): kernel"),
        (QUIZ + "  - id: [\n", None, "not valid YAML (line 15)"),
        (QUIZ.replace("title: Quokka quiz", "title: &t Quokka\nfooter: *t"), None, "an alias"),
        (QUIZ + SHORT.format(pattern="^(a|aa)+$"), "typed", "exponential time"),
    ],
)
def test_a_broken_quiz_is_422_with_each_problem_in_details(
    client, token_headers, text, question, words
):
    response = put(client, "quokka-quiz", text, token_headers)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "invalid_quiz"
    assert any(d["question"] == question and words in d["message"] for d in error["details"])
    assert all(set(d) == {"where", "question", "message"} for d in error["details"])
    assert client.post("/api/quizzes/quokka-quiz/attempts").status_code == 404


def test_a_command_no_topic_describes_is_saved_with_a_warning(client, token_headers):
    text = QUIZ.replace("docker ps -a", "docker network create appnet")
    body = put(client, "quokka-quiz", text, token_headers).get_json()
    assert [w["question"] for w in body["warnings"]] == ["list-all"]


@pytest.mark.parametrize("as_json", [True, False])
def test_a_quiz_over_1_mb_is_413(client, token_headers, as_json):
    big = QUIZ + "# " + "x" * (1024 * 1024) + "\n"
    if as_json:
        response = put(client, "quokka-quiz", big, token_headers)
    else:
        headers = {**token_headers, "Content-Type": "application/yaml"}
        response = client.put("/api/quizzes/quokka-quiz", data=big.encode(), headers=headers)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"markdown": QUIZ}}, 400),
        ({"json": ["not", "an", "object"]}, 400),
        ({"data": b"\xff\xfe", "content_type": "application/yaml"}, 400),
        ({"data": QUIZ, "content_type": "text/plain"}, 415),
        ({"json": {"yaml": QUIZ, "base_revision": "1"}}, 400),
    ],
)
def test_a_malformed_body_is_a_4xx_with_the_usual_error(client, token_headers, kwargs, status):
    response = client.put("/api/quizzes/quokka-quiz", headers=token_headers, **kwargs)
    assert response.status_code == status
    assert response.get_json()["error"]["message"]


def test_a_save_based_on_an_old_revision_is_409(client, token_headers):
    put(client, "quokka-quiz", QUIZ, token_headers)
    put(client, "quokka-quiz", QUIZ.replace("Quokka quiz", "Theirs"), token_headers)
    response = put(client, "quokka-quiz", QUIZ, token_headers, base_revision=1)
    assert response.status_code == 409
    assert response.get_json()["error"]["details"] == [{"current": 2}]


def test_delete_hides_the_quiz_and_a_second_delete_is_404(client, token_headers):
    response = client.delete("/api/quizzes/misconceptions", headers=token_headers)
    assert response.status_code == 200
    assert response.get_json() == {"slug": "misconceptions", "deleted": True, "revision": 2}
    slugs = {q["slug"] for q in client.get("/api/quizzes").get_json()["quizzes"]}
    assert "misconceptions" not in slugs
    assert client.post("/api/quizzes/misconceptions/attempts").status_code == 404
    assert client.delete("/api/quizzes/misconceptions", headers=token_headers).status_code == 404


@pytest.mark.parametrize("method", ["put", "delete"])
def test_learners_get_403_and_bad_tokens_401(client, method):
    call = getattr(client, method)
    assert call("/api/quizzes/misconceptions", json={"yaml": QUIZ}).status_code == 403
    bad = {"Authorization": "Bearer shp_not-a-real-token"}
    response = call("/api/quizzes/misconceptions", json={"yaml": QUIZ}, headers=bad)
    assert (response.status_code, response.get_json()["error"]["code"]) == (401, "invalid_token")
    assert "misconceptions" in {q["slug"] for q in client.get("/api/quizzes").get_json()["quizzes"]}


def test_an_attempt_started_before_an_edit_is_graded_against_its_own_revision(
    client, token_headers
):
    put(client, "quokka-quiz", QUIZ, token_headers)
    before = client.post("/api/quizzes/quokka-quiz/attempts").get_json()["attempt_id"]
    flipped = QUIZ.replace("answer: true", "answer: false").replace("docker ps -a", "docker ps")
    assert put(client, "quokka-quiz", flipped, token_headers).get_json()["revision"] == 2
    answers = {"kernel": True, "list-all": "docker container ls --all"}
    old = client.post(f"/api/attempts/{before}/submit", json={"answers": answers}).get_json()
    assert (old["score"], old["max_score"]) == (2.0, 2.0)
    after = client.post("/api/quizzes/quokka-quiz/attempts").get_json()["attempt_id"]
    new = client.post(f"/api/attempts/{after}/submit", json={"answers": answers}).get_json()
    assert new["score"] == 0.0


def test_a_started_attempt_shows_no_key(client, token_headers):
    put(client, "quokka-quiz", QUIZ, token_headers)
    attempt = client.post("/api/quizzes/quokka-quiz/attempts").get_json()
    keys = {key for key, _ in walk(attempt["questions"])}
    assert not keys & {"answer", "answers", "correct", "feedback", "explanation"}
