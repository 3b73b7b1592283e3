"""A learner without an account keeps their history: the browser's key lives in a cookie of its
own for 400 days from the last visit, not in the session (gone with the browser, refused after
31 days)."""

from __future__ import annotations

import pytest

from shipshape.web.learners import COOKIE
from tests.quizzes.review_helpers import WRONG, import_recall_bank
from tests.web.learner_pages import take_in_browser


@pytest.fixture
def bank(app):
    return import_recall_bank()


def _learner_cookie(response) -> str:
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE + "=")]
    assert len(headers) == 1, response.headers.getlist("Set-Cookie")
    return headers[0]


def test_the_learner_cookie_lasts_and_is_not_the_session(client, bank):
    started = client.post("/quizzes/recall-check/start")

    header = _learner_cookie(started)
    assert "Max-Age=34560000" in header and "HttpOnly" in header and "SameSite=Lax" in header
    with client.session_transaction() as session:
        assert "learner" not in session


def test_a_browser_that_lost_its_session_still_has_its_history(app, client, bank):
    take_in_browser(client, WRONG)
    key = client.get_cookie(COOKIE).value

    reopened = app.test_client()  # the browser restarted: session cookie gone, lasting one kept
    reopened.set_cookie(COOKIE, key)

    assert "Recall check</th><td>1</td>" in reopened.get("/progress").get_data(as_text=True)


def test_a_key_an_older_version_kept_in_the_session_moves_to_the_cookie(app, client, bank):
    take_in_browser(client, WRONG)
    key = client.get_cookie(COOKIE).value
    older = app.test_client()
    with older.session_transaction() as session:
        session["learner"] = key

    page = older.get("/progress")

    assert "Recall check</th><td>1</td>" in page.get_data(as_text=True)
    assert key in _learner_cookie(page)
    with older.session_transaction() as session:
        assert "learner" not in session


def test_signing_up_moves_the_history_to_the_account_and_drops_the_cookie(client, bank):
    take_in_browser(client, WRONG)
    account = {"email": "a@example.org", "password": "a long learner passphrase"}

    signed_up = client.post("/account/sign-up", data=account | {"confirm": account["password"]})

    assert "Max-Age=0" in _learner_cookie(signed_up)
    assert client.get_cookie(COOKIE) is None
