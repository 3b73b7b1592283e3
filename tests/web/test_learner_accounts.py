"""Learner accounts: sign up keeps the browser's history, sign in adopts it, sign out leaves it
with the account; a learner session never opens an instructor page; CSRF and the rate limit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shipshape.extensions import db
from shipshape.models import Instructor, Learner, ReviewCard
from tests.conftest import add_instructor, copied_app, csrf_token
from tests.quizzes.review_helpers import RIGHT, WRONG, import_recall_bank
from tests.web.learner_pages import take_in_browser

EMAIL, PASSWORD = "learner@example.org", "a long learner passphrase"
ACCOUNT = {"email": EMAIL, "password": PASSWORD}
HALF = WRONG | {"image-is": RIGHT["image-is"], "own-kernel": False}


@pytest.fixture
def bank(app):
    return import_recall_bank()


def sign_up(client, email: str = EMAIL):
    return client.post(
        "/account/sign-up", data={"email": email, "password": PASSWORD, "confirm": PASSWORD}
    )


def review_count(client) -> str:
    page = client.get("/quizzes").get_data(as_text=True)
    return page.split('<a href="/review">')[1].split("<")[0] if '/review">' in page else ""


def progress_attempts(client) -> str:
    return client.get("/progress").get_data(as_text=True)


def test_signing_up_keeps_this_browsers_history(client, bank):
    take_in_browser(client, HALF)
    response = sign_up(client)
    assert response.status_code == 303
    assert db.session.execute(select(Learner).where(Learner.email == EMAIL)).scalar_one()
    assert "Recall check</th><td>1</td>" in progress_attempts(client)
    assert review_count(client) == "2 questions to review"
    assert EMAIL in client.get("/").get_data(as_text=True)  # shown next to Sign out


def test_signing_in_elsewhere_adopts_that_browsers_history(app, client, bank):
    take_in_browser(client, HALF)
    sign_up(client)
    laptop = app.test_client()
    take_in_browser(laptop, WRONG)
    response = laptop.post("/account/sign-in", data=ACCOUNT, follow_redirects=True)
    assert "1 attempts from this browser joined your account" in response.get_data(as_text=True)
    assert "Recall check</th><td>2</td>" in progress_attempts(laptop)
    assert "Recall check</th><td>2</td>" in progress_attempts(client)
    # the cards merged: one per question, the account's own kept where both had one
    assert review_count(laptop) == "4 questions to review"
    assert db.session.scalar(select(db.func.count()).select_from(ReviewCard)) == 4
    assert db.session.scalar(select(db.func.count()).select_from(Learner)) == 1


def test_signing_out_leaves_the_history_with_the_account(client, bank):
    take_in_browser(client, HALF)
    sign_up(client)
    assert client.post("/account/sign-out").status_code == 303
    assert "No submitted quizzes yet" in progress_attempts(client)
    client.post("/account/sign-in", data=ACCOUNT)
    assert "Recall check</th><td>1</td>" in progress_attempts(client)


def test_a_wrong_password_is_told_and_adopts_nothing(app, client, bank):
    sign_up(client)
    other = app.test_client()
    take_in_browser(other, WRONG)
    response = other.post("/account/sign-in", data={"email": EMAIL, "password": "wrong one!!"})
    assert response.status_code == 400
    assert "do not match a learner account" in response.get_data(as_text=True)
    assert "Recall check</th><td>1</td>" in progress_attempts(other)
    assert "No submitted quizzes yet" in progress_attempts(client)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email", "password": PASSWORD, "confirm": PASSWORD}, "not an email"),
        ({"email": EMAIL, "password": "short", "confirm": "short"}, "Use at least 10 characters"),
        ({"email": EMAIL, "password": PASSWORD, "confirm": PASSWORD + "x"}, "passwords differ"),
    ],
)
def test_sign_up_mistakes_are_told_next_to_the_field(client, data, message):
    response = client.post("/account/sign-up", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_an_email_can_have_one_account(app, client):
    sign_up(client)
    other = "another long passphrase"
    response = app.test_client().post(
        "/account/sign-up", data={"email": EMAIL, "password": other, "confirm": other}
    )
    assert response.status_code == 400
    assert "No account could be made with that email and password" in response.get_data(
        as_text=True
    )
    assert db.session.scalar(select(db.func.count()).select_from(Learner)) == 1


def test_a_learner_account_is_no_instructor(app, client, instructor):
    sign_up(client, email=instructor[0])  # even with an instructor's email
    assert client.get("/instructor/").status_code == 403
    assert client.get("/instructor/topics").status_code == 403
    response = client.put("/api/topics/image", json={"markdown": "x"})
    assert response.status_code == 403
    assert client.post("/instructor/sign-out").status_code == 403


def test_an_instructor_session_is_no_learner_account(instructor_client):
    page = instructor_client.get("/progress").get_data(as_text=True)
    assert "Create an account" in page  # the instructor is not signed in as a learner


def test_instructor_sessions_from_before_learner_accounts_still_work(instructor_client):
    instructor_id = db.session.execute(select(Instructor.id)).scalar_one()
    with instructor_client.session_transaction() as session:
        assert session["_user_id"] == f"i:{instructor_id}"
        session["_user_id"] = str(instructor_id)  # as sessions made before this change hold it
    assert instructor_client.get("/instructor/").status_code == 200


@pytest.mark.parametrize("user_id", ["l:999", "i:999", "x:1", "l:", "l:1:2", "9" * 40])
def test_unknown_session_ids_are_nobody(app, user_id):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user_id
    assert client.get("/instructor/").status_code == 403
    assert client.get("/progress").status_code == 200


@pytest.fixture
def strict_app(prepared, tmp_path):
    overrides = {
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "SHIPSHAPE_SIGNIN_RATE_LIMIT": "3 per minute",
    }
    with copied_app(prepared, tmp_path / "strict-learners", **overrides) as application:
        add_instructor(application)
        yield application


def test_learner_forms_need_their_csrf_token(strict_app):
    client = strict_app.test_client()
    data = {"email": EMAIL, "password": PASSWORD, "confirm": PASSWORD}
    assert client.post("/account/sign-up", data=data).status_code == 400
    data["csrf_token"] = csrf_token(client, "/account/sign-up")
    assert client.post("/account/sign-up", data=data).status_code == 303
    assert client.post("/account/sign-out").status_code == 400  # no token: still signed in
    assert EMAIL in client.get("/").get_data(as_text=True)


def test_too_many_learner_sign_ins_get_a_429(strict_app):
    client = strict_app.test_client()
    data = {"email": EMAIL, "password": "wrong password", "csrf_token": csrf_token(client)}
    data["csrf_token"] = csrf_token(client, "/account/sign-in")
    statuses = [client.post("/account/sign-in", data=data).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
