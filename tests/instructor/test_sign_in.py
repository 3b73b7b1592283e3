"""Signing in and out: the session, the cookie flags, CSRF and the rate limit."""

import pytest

from tests.conftest import (
    INSTRUCTOR_EMAIL,
    INSTRUCTOR_PASSWORD,
    add_instructor,
    copied_app,
    csrf_token,
)


def test_learners_get_403_with_a_way_to_sign_in(client):
    response = client.get("/instructor/")
    assert response.status_code == 403
    assert "/instructor/sign-in" in response.get_data(as_text=True)


def test_signing_in_opens_the_instructor_pages_and_signing_out_closes_them(client, instructor):
    email, password = instructor
    response = client.post("/instructor/sign-in", data={"email": email, "password": password})
    assert response.status_code == 302
    assert client.get("/instructor/").status_code == 200
    assert client.post("/instructor/sign-out").status_code == 302
    assert client.get("/instructor/").status_code == 403


def test_a_wrong_password_is_told_next_to_the_form(client, instructor):
    response = client.post("/instructor/sign-in", data={"email": instructor[0], "password": "no"})
    assert response.status_code == 400
    assert "do not match" in response.get_data(as_text=True)
    assert client.get("/instructor/").status_code == 403


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_sign_in_never_redirects_off_the_site(client, instructor, target):
    email, password = instructor
    response = client.post(
        f"/instructor/sign-in?next={target}", data={"email": email, "password": password}
    )
    assert response.headers["Location"] == "/instructor/"


@pytest.fixture
def strict_app(prepared, tmp_path):
    """CSRF on, rate limits on, secure cookies: as in production."""
    overrides = {
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "SHIPSHAPE_SIGNIN_RATE_LIMIT": "3 per minute",
        "SESSION_COOKIE_SECURE": True,
    }
    with copied_app(prepared, tmp_path / "strict", **overrides) as application:
        add_instructor(application)
        yield application


def test_sign_in_without_its_csrf_token_is_refused(strict_app):
    client = strict_app.test_client()
    data = {"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD}
    assert client.post("/instructor/sign-in", data=data).status_code == 400
    assert client.get("/instructor/").status_code == 403


def test_the_session_cookie_is_secure_httponly_and_samesite(strict_app):
    client = strict_app.test_client()
    data = {"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD}
    data["csrf_token"] = csrf_token(client, base_url="https://localhost")
    response = client.post(
        "/instructor/sign-in",
        data=data,
        base_url="https://localhost",
        headers={"Referer": "https://localhost/instructor/sign-in"},  # Flask-WTF checks it on HTTPS
    )
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_too_many_sign_ins_get_a_429_with_a_clear_message(strict_app):
    client = strict_app.test_client()
    data = {"email": INSTRUCTOR_EMAIL, "password": "wrong", "csrf_token": csrf_token(client)}
    statuses = [client.post("/instructor/sign-in", data=data).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert "Wait a minute" in client.post("/instructor/sign-in", data=data).get_data(as_text=True)
