"""The quiz shapes in /api/openapi.json match what the API returns, settings included."""

from __future__ import annotations

import jsonschema_rs
import pytest

from tests.quizzes.helpers import five_true_false, import_bank


def schema_of(client, path: str, method: str, status: str) -> dict:
    document = client.get("/api/openapi.json").get_json()
    return document["paths"][path][method]["responses"][status]["content"]["application/json"][
        "schema"
    ]


def assert_fits(schema: dict, value: dict) -> None:
    errors = [str(e) for e in jsonschema_rs.validator_for(schema).iter_errors(value)]
    assert errors == []


@pytest.mark.parametrize("settings", ["", "draw: 2\nshow_correct: never\ngrade_method: first\n"])
def test_quiz_list_attempt_and_result_fit_their_schemas(client, app, settings):
    slug = import_bank(five_true_false(settings), "schema-check")

    listed = client.get("/api/quizzes").get_json()
    assert_fits(schema_of(client, "/api/quizzes", "get", "200"), listed)
    started = client.post(f"/api/quizzes/{slug}/attempts").get_json()
    assert_fits(schema_of(client, "/api/quizzes/{slug}/attempts", "post", "201"), started)
    shown = client.get(f"/api/attempts/{started['attempt_id']}").get_json()
    assert_fits(schema_of(client, "/api/attempts/{attempt_id}", "get", "200"), shown)
    result = client.post(f"/api/attempts/{started['attempt_id']}/submit").get_json()
    assert_fits(schema_of(client, "/api/attempts/{attempt_id}/submit", "post", "200"), result)
    assert_fits(schema_of(client, "/api/attempts/{attempt_id}", "get", "200"), result)


def test_the_schemas_are_not_vacuous(client):
    schema = schema_of(client, "/api/quizzes", "get", "200")

    with pytest.raises(AssertionError):
        assert_fits(schema, {"quizzes": [{"slug": "x", "grade_method": "best"}]})
