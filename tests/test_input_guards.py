"""NUL bytes never reach the database: the address, query and form are refused with a 400."""

import pytest


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/quizzes/a%00b/attempts"),
        ("get", "/api/attempts/a%00b"),
        ("get", "/api/topics/a%00b"),
        ("get", "/topics/a%00b"),
        ("get", "/search?q=a%00b"),
    ],
)
def test_a_nul_byte_in_the_address_is_a_400(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 400


def test_an_api_nul_byte_gets_the_json_error(client):
    body = client.get("/api/attempts/a%00b").get_json()
    assert body["error"]["code"] == "bad_request"


def test_a_nul_byte_in_a_form_is_a_400(client, instructor):
    response = client.post("/instructor/sign-in", data={"email": "a\x00@b.org", "password": "x"})
    assert response.status_code == 400
    assert client.get("/instructor/").status_code == 403
