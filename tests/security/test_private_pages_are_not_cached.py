"""Pages that are someone's own (a learner's attempts, progress and review, an instructor's
pages, the page that shows a new token once) say Cache-Control: no-store."""

from __future__ import annotations

import pytest

from tests.quizzes.review_helpers import import_recall_bank


@pytest.mark.parametrize("path", ["/instructor/", "/instructor/tokens", "/instructor/quizzes"])
def test_instructor_pages_are_no_store(instructor_client, path):
    response = instructor_client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_the_new_token_page_is_no_store(instructor_client):
    response = instructor_client.post("/instructor/tokens", data={"name": "laptop"})
    assert response.status_code in (200, 201, 303)
    assert response.headers["Cache-Control"] == "no-store"


def test_a_learners_pages_and_api_answers_are_no_store(app, client):
    import_recall_bank()
    attempt = client.post("/quizzes/recall-check/start").headers["Location"]
    key = client.post("/api/learners")
    pages = [client.get(attempt), client.get("/progress"), client.get("/review"), key]
    pages.append(
        client.get("/api/progress", headers={"X-Learner-Key": key.get_json()["learner_key"]})
    )

    assert [p.headers.get("Cache-Control") for p in pages] == ["no-store"] * 5


def test_a_public_page_for_a_visitor_without_cookies_may_be_cached(app):
    response = app.test_client().get("/topics")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
