"""PUT and DELETE /api/topics/<slug>: instructors only; saved topics are answerable at once."""

import pytest

NEW_TOPIC = """---
title: Quokka layers
related: [image]
---
A quokka layer is an invented kind of layer that exists only in this test.

## Where quokka layers live
Quokka layers sit between the image and the container in this made-up story.
"""


def put(client, slug, markdown, headers=None):
    return client.put(f"/api/topics/{slug}", json={"markdown": markdown}, headers=headers or {})


def test_a_new_topic_is_created_and_answered_by_the_next_question(client, token_headers, ask):
    response = put(client, "quokka-layers", NEW_TOPIC, token_headers)
    assert response.status_code == 201
    assert response.get_json()["revision"] == 1
    reply = ask("where do quokka layers live?")
    assert reply["sources"][0]["url"].startswith("/topics/quokka-layers#")


def test_an_edit_makes_a_new_revision_and_an_unchanged_text_none(client, token_headers):
    put(client, "quokka-layers", NEW_TOPIC, token_headers)
    edited = put(client, "quokka-layers", NEW_TOPIC + "\nMore words.\n", token_headers)
    assert (edited.status_code, edited.get_json()["revision"]) == (200, 2)
    same = put(client, "quokka-layers", NEW_TOPIC + "\nMore words.\n", token_headers)
    assert same.get_json()["revision"] is None


@pytest.mark.parametrize(
    ("markdown", "field"),
    [
        ("---\ntitle: [unclosed\n---\nBody.\n", "front matter"),
        ("---\ntags: [x]\n---\nBody.\n", "title"),
        ("---\ntitle: T\nrelated: [no-such-topic]\n---\nBody.\n", "related"),
    ],
)
def test_a_broken_topic_is_refused_naming_the_field(client, token_headers, markdown, field):
    response = put(client, "broken-topic", markdown, token_headers)
    assert response.status_code == 422
    assert response.get_json()["error"]["details"][0]["field"] == field
    assert client.get("/api/topics/broken-topic").status_code == 404


def test_delete_hides_a_topic_from_search_and_reading(client, token_headers):
    put(client, "quokka-layers", NEW_TOPIC, token_headers)
    assert client.delete("/api/topics/quokka-layers", headers=token_headers).status_code == 200
    assert client.get("/api/topics/quokka-layers").status_code == 404
    hits = client.get("/api/search?q=quokka").get_json()["results"]
    assert all(hit["slug"] != "quokka-layers" for hit in hits)
    assert client.delete("/api/topics/quokka-layers", headers=token_headers).status_code == 404


@pytest.mark.parametrize("method", ["put", "delete"])
def test_learners_and_bad_tokens_cannot_write(client, method):
    call = getattr(client, method)
    assert call("/api/topics/image", json={"markdown": NEW_TOPIC}).status_code == 403
    bad = {"Authorization": "Bearer shp_not-a-real-token"}
    assert call("/api/topics/image", json={"markdown": NEW_TOPIC}, headers=bad).status_code == 401
    assert client.get("/api/topics/image").get_json()["title"]


def test_a_revoked_token_stops_working(client, token_headers, runner):
    from shipshape.accounts.service import list_tokens

    token_id = list_tokens()[0].id
    assert runner.invoke(args=["revoke-token", str(token_id)]).exit_code == 0
    assert put(client, "quokka-layers", NEW_TOPIC, token_headers).status_code == 401
