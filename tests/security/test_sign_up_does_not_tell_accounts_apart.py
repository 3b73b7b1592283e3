"""Sign-up does not say whether an email is registered: a taken email with another password gets
the reply any refused sign-up gets, and with its own password simply signs in."""

from __future__ import annotations

from sqlalchemy import func, select

from shipshape.extensions import db
from shipshape.models import Learner

EMAIL = "taken@example.org"


def _sign_up(client, email: str, password: str):
    return client.post(
        "/account/sign-up", data={"email": email, "password": password, "confirm": password}
    )


def test_a_taken_email_gets_no_reply_that_names_it(app, client):
    _sign_up(client, EMAIL, "the owner's passphrase")

    response = _sign_up(app.test_client(), EMAIL, "someone else's passphrase")

    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "already" not in text and "registered" not in text and "exists" not in text
    assert "No account could be made with that email and password" in text


def test_a_taken_email_with_its_own_password_signs_in(app, client):
    _sign_up(client, EMAIL, "the owner's passphrase")
    other = app.test_client()

    response = _sign_up(other, EMAIL, "the owner's passphrase")

    assert response.status_code == 303
    assert EMAIL in other.get("/progress").get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Learner)) == 1
