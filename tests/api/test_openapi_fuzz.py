"""The OpenAPI document describes the API, and no generated request makes the server fail."""

import schemathesis
from hypothesis import HealthCheck, given, settings


def test_the_document_lists_every_api_route(app, client):
    documented = set(client.get("/api/openapi.json").get_json()["paths"])
    routed = {
        rule.rule.replace("<", "{").replace(">", "}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/") and rule.rule != "/api/openapi.json"
    }
    assert routed == documented


def test_no_generated_request_gets_a_server_error(app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def never_a_server_error(case):
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, response.text[:300])

        never_a_server_error()
