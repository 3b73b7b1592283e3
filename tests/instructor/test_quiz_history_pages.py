"""The quiz editor's history: delete and restore, revisions, changes, and edits that arrive
after a delete."""

from __future__ import annotations

import pytest

from shipshape.quizzes import store

from .quiz_pages import QUIZ, create, edit, text_of, textarea


def test_delete_hides_the_quiz_and_the_list_restores_it(instructor_client, client):
    assert instructor_client.post("/instructor/quizzes/misconceptions/delete").status_code == 303
    assert instructor_client.get("/instructor/quizzes/misconceptions/edit").status_code == 404
    assert client.post("/api/quizzes/misconceptions/attempts").status_code == 404
    listing = text_of(instructor_client.get("/instructor/quizzes"))
    deleted = listing[listing.index('id="deleted-heading"') :]
    assert 'action="/instructor/quizzes/misconceptions/restore"' in deleted
    restore = instructor_client.post(
        "/instructor/quizzes/misconceptions/restore", data={"revision": "2"}
    )
    assert restore.headers["Location"] == "/instructor/quizzes/misconceptions/edit"
    assert client.post("/api/quizzes/misconceptions/attempts").status_code == 201
    assert instructor_client.post("/instructor/quizzes/no-such/delete").status_code == 404


def test_history_lists_revisions_shows_changes_and_restores(instructor_client):
    create(instructor_client, QUIZ)
    edit(instructor_client, QUIZ.replace("List every container.", "List them all."), base=1)
    page = text_of(instructor_client.get("/instructor/quizzes/quokka-quiz/history"))
    assert page.count('<th scope="row">') == 2 and "teacher@example.org" in page
    diff = text_of(instructor_client.get("/instructor/quizzes/quokka-quiz/diff?a=1&b=2"))
    assert "List them all." in diff and "1 line added" in diff
    one = text_of(instructor_client.get("/instructor/quizzes/quokka-quiz/revisions/1"))
    assert "List every container." in one
    restored = instructor_client.post(
        "/instructor/quizzes/quokka-quiz/restore", data={"revision": "1"}
    )
    assert restored.status_code == 303
    assert store.get_quiz("quokka-quiz").source == QUIZ


@pytest.mark.parametrize(
    "path",
    [
        "/instructor/quizzes/quokka-quiz/revisions/7",
        "/instructor/quizzes/quokka-quiz/diff?a=1&b=7",
        "/instructor/quizzes/quokka-quiz/diff?a=x&b=1",
        "/instructor/quizzes/no-such-quiz/history",
    ],
)
def test_a_revision_that_does_not_exist_is_a_404(instructor_client, path):
    create(instructor_client, QUIZ)
    assert instructor_client.get(path).status_code == 404


def test_restoring_a_revision_that_no_longer_passes_shows_why(instructor_client, library):
    from shipshape.knowledge.authoring import delete_topic

    create(instructor_client, QUIZ.replace("[image]", "[docker-image-ls]", 1))
    edit(instructor_client, QUIZ, base=1)
    delete_topic("docker-image-ls", library, None)
    response = instructor_client.post(
        "/instructor/quizzes/quokka-quiz/restore", data={"revision": "1"}
    )
    assert response.status_code == 422
    assert "no topic &#39;docker-image-ls&#39;" in text_of(response)
    assert store.get_quiz("quokka-quiz").source == QUIZ


def test_saving_a_quiz_deleted_meanwhile_is_refused_and_the_text_kept(instructor_client):
    create(instructor_client, QUIZ)
    instructor_client.post("/instructor/quizzes/quokka-quiz/delete")
    mine = QUIZ.replace("Quokka quiz", "Mine")
    response = edit(instructor_client, mine, base=1)
    assert response.status_code == 409
    assert "deleted after you opened it" in text_of(response)
    assert textarea(response) == mine
    assert store.get_quiz("quokka-quiz") is None
