"""A session ends when its account signs out or changes password, copied cookies included;
"strong" session protection is not fooled by a client's own X-Forwarded-For; the CSRF token
seen before signing in is not the one after."""

from __future__ import annotations

from shipshape.accounts.service import create_instructor
from shipshape.extensions import db
from tests.conftest import INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD

SIGN_IN = {"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD}
LEARNER = {"email": "learner@example.org", "password": "a long learner passphrase"}


def _copy_of(app, client, **environ):
    """Another browser holding the same session cookie (stolen, or copied to another device)."""
    thief = app.test_client()
    thief.environ_base.update(environ)
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def test_a_copied_instructor_cookie_is_refused_after_sign_out(app, instructor_client):
    thief = _copy_of(app, instructor_client)
    assert thief.get("/instructor/tokens").status_code == 200

    instructor_client.post("/instructor/sign-out")

    assert thief.get("/instructor/tokens").status_code == 403


def test_a_copied_instructor_cookie_is_refused_after_a_new_password(app, instructor_client):
    thief = _copy_of(app, instructor_client)

    create_instructor(INSTRUCTOR_EMAIL, "a brand new passphrase")
    db.session.commit()

    assert thief.get("/instructor/tokens").status_code == 403
    assert instructor_client.get("/instructor/tokens").status_code == 403


def test_a_copied_learner_cookie_is_refused_after_sign_out(app, client):
    client.post("/account/sign-up", data=LEARNER | {"confirm": LEARNER["password"]})
    thief = _copy_of(app, client)
    assert LEARNER["email"] in thief.get("/progress").get_data(as_text=True)

    client.post("/account/sign-out")

    assert LEARNER["email"] not in thief.get("/progress").get_data(as_text=True)


def test_a_forwarded_for_header_does_not_carry_a_session_to_another_address(app, instructor):
    owner = app.test_client()
    owner.environ_base["REMOTE_ADDR"] = "198.51.100.4"
    assert owner.post("/instructor/sign-in", data=SIGN_IN).status_code == 302

    thief = _copy_of(app, owner, REMOTE_ADDR="203.0.113.9")
    response = thief.get("/instructor/tokens", headers={"X-Forwarded-For": "198.51.100.4"})

    assert response.status_code == 403


def test_the_csrf_token_is_a_new_one_after_sign_in(app, instructor):
    client = app.test_client()
    client.get("/instructor/sign-in")
    with client.session_transaction() as session:
        session["csrf_token"] = "known-to-an-attacker"

    client.post("/instructor/sign-in", data=SIGN_IN)
    client.get("/instructor/tokens")

    with client.session_transaction() as session:
        assert session.get("csrf_token") not in (None, "known-to-an-attacker")
