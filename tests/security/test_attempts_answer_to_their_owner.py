"""An attempt with an owner (a learner key, a browser or an account) is read and written by that
owner alone: its id is not a credential. Adoption keeps to max_attempts; starting attempts shares
the learner limit, however they are started."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from shipshape.extensions import db
from shipshape.models import Learner, ReviewCard
from tests.conftest import copied_app
from tests.quizzes.review_helpers import RIGHT, SLUG, WRONG, import_recall_bank
from tests.web.learner_pages import form_data, take_in_browser

ACCOUNT = {"email": "owner@example.org", "password": "a long learner passphrase"}


@pytest.fixture
def bank(app):
    return import_recall_bank()


def _key(client) -> dict:
    return {"X-Learner-Key": client.post("/api/learners").get_json()["learner_key"]}


def test_a_keyed_attempt_refuses_whoever_holds_only_its_id(client, bank):
    alice, mallory = _key(client), _key(client)
    attempt_id = client.post(f"/api/quizzes/{SLUG}/attempts", headers=alice).get_json()[
        "attempt_id"
    ]
    answer = f"/api/attempts/{attempt_id}/answers/own-kernel"
    submit = f"/api/attempts/{attempt_id}/submit"

    attempts = [
        client.put(answer, json={"response": True}),
        client.put(answer, json={"response": True}, headers=mallory),
        client.post(submit, json={"answers": WRONG}),
        client.post(submit, json={"answers": WRONG}, headers=mallory),
        client.get(f"/api/attempts/{attempt_id}", headers=mallory),
    ]

    assert [r.status_code for r in attempts] == [404] * 5
    assert db.session.scalar(select(func.count()).select_from(ReviewCard)) == 0
    mine = client.post(submit, json={"answers": RIGHT}, headers=alice)
    assert (mine.status_code, mine.get_json()["percent"]) == (200, 100.0)


def test_a_browsers_attempt_refuses_another_browser(app, client, bank):
    path = client.post(f"/quizzes/{SLUG}/start").headers["Location"]
    stranger = app.test_client()

    seen = stranger.get(path)
    written = stranger.post(path, data=form_data(WRONG) | {"action": "submit"})

    assert (seen.status_code, written.status_code) == (404, 404)
    assert client.get(path).status_code == 200
    assert "Finish attempt" in client.get(path).get_data(as_text=True)  # still in progress


def test_signing_in_does_not_buy_an_attempt_beyond_max_attempts(app, client, bank):
    import_recall_bank(extra="max_attempts: 1")
    take_in_browser(client, WRONG)
    client.post("/account/sign-up", data=ACCOUNT | {"confirm": ACCOUNT["password"]})
    client.post("/account/sign-out")
    take_in_browser(client, RIGHT)  # as this browser's new anonymous learner

    client.post("/account/sign-in", data=ACCOUNT)

    progress = client.get("/progress").get_data(as_text=True)
    assert "Recall check</th><td>1</td>" in progress
    assert "100" not in progress.split("Recall check")[1].split("</tr>")[0]


@pytest.fixture
def limited_app(prepared, tmp_path):
    overrides = {"RATELIMIT_ENABLED": True, "SHIPSHAPE_LEARNER_RATE_LIMIT": "3 per minute"}
    with copied_app(prepared, tmp_path / "limited", **overrides) as application:
        yield application


def test_attempt_starts_share_the_learner_limit_over_the_api_and_the_form(limited_app):
    client = limited_app.test_client()
    statuses = [
        client.post("/api/quizzes/images-vs-containers/attempts").status_code,
        client.post("/quizzes/images-vs-containers/start").status_code,
        client.post("/api/learners").status_code,
        client.post("/api/quizzes/images-vs-containers/attempts").status_code,
        client.post("/quizzes/images-vs-containers/start").status_code,
    ]

    assert statuses == [201, 303, 201, 429, 429]


def test_form_starts_that_drop_the_cookie_make_a_bounded_number_of_learners(limited_app):
    before = db.session.scalar(select(func.count()).select_from(Learner))
    for _ in range(6):
        limited_app.test_client().post("/quizzes/images-vs-containers/start")  # a fresh jar

    made = db.session.scalar(select(func.count()).select_from(Learner)) - before
    assert made <= 3
