"""The quiz editor: list, create, add a question, preview without leaking the key, save and
refuse a stale edit, as plain HTML forms; learners and forged posts are kept out."""

from __future__ import annotations

import html
import re

import pytest

from shipshape.quizzes import history, store
from tests.conftest import csrf_token
from tests.quizzes.helpers import SLUGS, raw_bank
from tests.web.markup import parse_page

from .quiz_pages import QUIZ, create, edit, plain, section, text_of, textarea


def test_the_list_shows_every_quiz_with_its_question_count(instructor_client):
    response = instructor_client.get("/instructor/quizzes")
    page = parse_page(text_of(response))
    assert {f"/instructor/quizzes/{s}/edit" for s in SLUGS} <= set(page.hrefs())
    for slug in SLUGS:
        row = re.search(rf"{slug}/edit.*?</tr>", text_of(response), re.S).group(0)
        assert f"<td>{len(raw_bank(slug)['questions'])}</td>" in row


def test_a_new_quiz_starts_from_a_valid_example(instructor_client, library):
    start = textarea(instructor_client.get("/instructor/quizzes/new"))
    response = create(instructor_client, start, slug="")
    assert response.headers["Location"] == "/instructor/quizzes/a-new-quiz/edit"


def test_a_saved_quiz_is_listed_for_learners_and_can_be_started(instructor_client, client):
    response = create(instructor_client, QUIZ)
    assert (response.status_code, response.headers["Location"]) == (
        303,
        "/instructor/quizzes/quokka-quiz/edit",
    )
    follow = instructor_client.get(response.headers["Location"])
    assert "Created revision 1 (2 questions)" in text_of(follow)
    assert textarea(follow) == QUIZ
    assert history.revisions_of("quokka-quiz")[0].author == "teacher@example.org"
    listed = {q["slug"] for q in client.get("/api/quizzes").get_json()["quizzes"]}
    assert "quokka-quiz" in listed
    assert client.post("/api/quizzes/quokka-quiz/attempts").status_code == 201


def test_problems_are_listed_by_question_next_to_the_text_and_nothing_is_saved(
    instructor_client,
):
    broken = QUIZ.replace("docker ps --all", "docker contaner ls").replace("[image]", "[nope]", 1)
    response = create(instructor_client, broken)
    assert response.status_code == 422
    problems = plain(section(response, "quiz-text-problems"))
    assert "Question quokka-home: no topic 'nope'" in problems
    assert "Question quokka-list: unknown command" in problems
    tag = re.search(r'<textarea id="quiz-text"[^>]*>', text_of(response)).group(0)
    assert 'aria-invalid="true"' in tag and "quiz-text-problems" in tag
    assert textarea(response) == broken
    assert store.get_quiz("quokka-quiz", include_deleted=True) is None


def test_a_taken_slug_is_shown_next_to_the_slug_field(instructor_client):
    response = create(instructor_client, QUIZ, slug="images-vs-containers")
    assert response.status_code == 422
    error = re.search(r'id="quiz-slug-error">(.*?)</p>', text_of(response)).group(1)
    assert "already exists" in html.unescape(error)
    assert store.get_quiz("images-vs-containers").source != QUIZ


def test_the_textarea_line_ends_of_a_browser_are_stored_as_in_quiz_files(instructor_client):
    create(instructor_client, QUIZ.replace("\n", "\r\n"))
    assert store.get_quiz("quokka-quiz").source == QUIZ


@pytest.mark.parametrize("question_type", ["command", "classify", "ordering", "short_answer"])
def test_adding_a_question_appends_a_skeleton_and_saves_nothing(instructor_client, question_type):
    response = create(instructor_client, QUIZ, action="add", question_type=question_type)
    assert response.status_code == 200
    text = textarea(response)
    assert text.startswith(QUIZ) and f"type: {question_type}" in text[len(QUIZ) :]
    assert store.get_quiz("quokka-quiz", include_deleted=True) is None
    preview = create(instructor_client, text, action="preview")
    assert preview.status_code == 200
    assert len(re.findall(r"<fieldset>", section(preview, "preview"))) == 3


def test_preview_shows_the_learner_view_without_the_key_and_the_key_apart(instructor_client):
    response = create(instructor_client, QUIZ, action="preview")
    assert response.status_code == 200
    learner = section(response, "preview")
    fields = re.findall(r"<(?:input|select)[^>]*>", learner)
    assert len(fields) == 3 and all(" disabled" in f for f in fields)
    assert "Between image and container" in learner and "Question 1 of 2" in learner
    for secret in ("QUOKKA", "opt-right", "opt-wrong", "correct", "docker ps"):
        assert secret not in learner
    key = section(response, "preview-key")
    assert all(s in key for s in ("QUOKKA-RIGHT", "QUOKKA-WRONG", "QUOKKA-EXPLANATION"))
    assert "<code>docker ps --all</code>" in key
    assert store.get_quiz("quokka-quiz", include_deleted=True) is None


def test_an_edit_is_saved_as_the_next_revision(instructor_client):
    create(instructor_client, QUIZ)
    page = instructor_client.get("/instructor/quizzes/quokka-quiz/edit")
    assert 'name="base_revision" value="1"' in text_of(page)
    response = edit(instructor_client, QUIZ.replace("Quokka quiz", "Quokka quiz 2"), base=1)
    assert response.status_code == 303
    assert store.get_quiz("quokka-quiz").title == "Quokka quiz 2"
    again = edit(instructor_client, QUIZ.replace("Quokka quiz", "Quokka quiz 2"), base=2)
    assert "No changes" in text_of(instructor_client.get(again.headers["Location"]))


def test_an_edit_based_on_an_old_revision_is_refused_and_the_text_kept(instructor_client):
    create(instructor_client, QUIZ)
    edit(instructor_client, QUIZ.replace("Quokka quiz", "Theirs"), base=1)
    mine = QUIZ.replace("Quokka quiz", "Mine")
    response = edit(instructor_client, mine, base=1)
    assert response.status_code == 409
    assert "/instructor/quizzes/quokka-quiz/diff?a=1&amp;b=2" in text_of(response)
    assert textarea(response) == mine
    assert 'name="base_revision" value="2"' in text_of(response)
    assert store.get_quiz("quokka-quiz").title == "Theirs"


LEARNER_CALLS = [
    ("get", "/instructor/quizzes"),
    ("get", "/instructor/quizzes/new"),
    ("post", "/instructor/quizzes/new"),
    ("get", "/instructor/quizzes/misconceptions/edit"),
    ("post", "/instructor/quizzes/misconceptions/edit"),
    ("post", "/instructor/quizzes/misconceptions/delete"),
    ("get", "/instructor/quizzes/misconceptions/history"),
    ("get", "/instructor/quizzes/misconceptions/revisions/1"),
    ("get", "/instructor/quizzes/misconceptions/diff?a=1&b=1"),
    ("post", "/instructor/quizzes/misconceptions/restore"),
]


@pytest.mark.parametrize(("method", "path"), LEARNER_CALLS)
def test_learners_get_403_on_every_editor_page(client, method, path):
    response = getattr(client, method)(path, data={"text": QUIZ, "revision": "1"})
    assert response.status_code == 403
    assert store.get_quiz("misconceptions") is not None


def test_a_post_without_its_csrf_token_is_refused_and_saves_nothing(csrf_client):
    assert create(csrf_client, QUIZ).status_code == 400
    assert store.get_quiz("quokka-quiz", include_deleted=True) is None
    assert csrf_client.post("/instructor/quizzes/misconceptions/delete").status_code == 400
    assert store.get_quiz("misconceptions") is not None
    token = csrf_token(csrf_client, "/instructor/quizzes/new")
    assert create(csrf_client, QUIZ, csrf_token=token).status_code == 303


def test_no_instructor_page_carries_inline_script_or_style(instructor_client):
    create(instructor_client, QUIZ)
    pages = [
        instructor_client.get("/instructor/quizzes"),
        create(instructor_client, QUIZ, slug="quokka-two", action="preview"),
        instructor_client.get("/instructor/quizzes/quokka-quiz/history"),
    ]
    for response in pages:
        body = text_of(response)
        assert " style=" not in body and not re.search(r"\son\w+=", body)
        assert not re.search(r"<script(?![^>]*\ssrc=)", body)
