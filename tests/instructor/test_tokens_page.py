"""The API tokens page: an instructor makes a token (shown once), sees it listed, revokes it."""

import re

import pytest

from shipshape.accounts.service import (
    create_instructor,
    create_token,
    instructor_for_token,
    list_tokens,
)
from shipshape.extensions import db


def made_token(page: str) -> str:
    return re.search(r'class="token-value">(shp_[^<]+)<', page).group(1)


def test_a_new_token_is_shown_once_and_works(instructor_client):
    created = instructor_client.post("/instructor/tokens", data={"name": "laptop"})
    assert created.status_code == 201
    token = made_token(created.get_data(as_text=True))
    assert instructor_for_token(token) is not None
    listing = instructor_client.get("/instructor/tokens").get_data(as_text=True)
    assert "laptop" in listing and token[:12] in listing and token not in listing


def test_revoking_a_token_stops_it(instructor_client, client):
    token = made_token(instructor_client.post("/instructor/tokens").get_data(as_text=True))
    token_id = re.search(r"/instructor/tokens/(\d+)/revoke", instructor_client.get(
        "/instructor/tokens").get_data(as_text=True)).group(1)  # fmt: skip
    response = instructor_client.post(f"/instructor/tokens/{token_id}/revoke")
    assert response.status_code == 303
    assert instructor_for_token(token) is None
    headers = {"Authorization": f"Bearer {token}"}
    assert client.delete("/api/topics/image", headers=headers).status_code == 401


def test_an_instructor_cannot_revoke_someone_elses_token(instructor_client):
    create_instructor("other@example.org", "another long password")
    theirs = create_token("other@example.org", "theirs")
    db.session.commit()
    their_id = list_tokens("other@example.org")[0].id
    assert instructor_client.post(f"/instructor/tokens/{their_id}/revoke").status_code == 404
    assert instructor_for_token(theirs) is not None
    assert "theirs" not in instructor_client.get("/instructor/tokens").get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/instructor/tokens"), ("post", "/instructor/tokens"),
     ("post", "/instructor/tokens/1/revoke")],
)  # fmt: skip
def test_learners_get_403(client, method, path):
    assert getattr(client, method)(path).status_code == 403
