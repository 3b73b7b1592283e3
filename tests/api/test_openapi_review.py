"""A reviewed Dockerfile's reply matches the schema /api/openapi.json documents for it."""

from __future__ import annotations

import jsonschema_rs

from tests.api.test_openapi_quizzes import schema_of

DOCKERFILE = "FROM ubuntu\nRUN apt-get install curl\nEXPOSE 8080:80\nCMD python app.py\n"


def test_a_review_fits_the_reply_schema(client):
    reply = client.post("/api/ask", json={"question": DOCKERFILE}).get_json()
    assert reply["kind"] == "review"
    schema = schema_of(client, "/api/ask", "post", "200")
    assert [str(e) for e in jsonschema_rs.validator_for(schema).iter_errors(reply)] == []
    assert schema["properties"]["kind"]["enum"][-1] == "review"


def test_the_documented_limit_is_the_one_enforced(client):
    document = client.get("/api/openapi.json").get_json()
    body = document["paths"]["/api/ask"]["post"]["requestBody"]["content"]["application/json"]
    limit = body["schema"]["properties"]["question"]["maxLength"]
    assert client.post("/api/ask", json={"question": "a" * limit}).status_code == 200
    assert client.post("/api/ask", json={"question": "a" * (limit + 1)}).status_code == 413
