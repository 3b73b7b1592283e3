"""GET /api/openapi.json: the JSON API described as OpenAPI 3.1, kept next to the views."""

from __future__ import annotations

from flask import jsonify

from . import bp
from .openapi_chat import ASK_BODY, FEEDBACK_BODY, REPLY
from .openapi_learners import KEY_HEADER, LEARNER_PATHS
from .openapi_parts import ANY, OBJECT
from .openapi_parts import errors as _errors
from .openapi_parts import json_body as _json
from .openapi_parts import path_param as _path_param
from .openapi_quizzes import ATTEMPT, IN_PROGRESS, QUIZ_LIST, RESULT

INSTRUCTOR = [{"bearerToken": []}, {"session": []}]
TOPIC_BODY = {
    "type": "object",
    "required": ["markdown"],
    "properties": {"markdown": {"type": "string", "minLength": 1}},
}
QUIZ_BODY = {
    "type": "object",
    "required": ["yaml"],
    "properties": {
        "yaml": {"type": "string", "minLength": 1},
        "base_revision": {"type": "integer", "minimum": 0},
    },
}
SAVED = {
    "type": "object",
    "required": ["slug", "revision", "created"],
    "properties": {
        "slug": {"type": "string"},
        "revision": {"type": ["integer", "null"]},
        "created": {"type": "boolean"},
    },
}

PATHS = {
    "/api/ask": {
        "post": {
            "summary": "Ask the chat a question (a conversation started with X-Learner-Key "
            "is continued with that key alone)",
            "parameters": [KEY_HEADER],
            "requestBody": {"required": True, **_json(ASK_BODY)},
            "responses": {
                "200": {"description": "The reply", **_json(REPLY)},
                **_errors(400, 401, 413, 415, 429),
            },
        }
    },
    "/api/search": {
        "get": {
            "summary": "Ranked sections with highlights",
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "maxLength": 1000},
                }
            ],
            "responses": {"200": {"description": "Results", **_json(OBJECT)}, **_errors(400)},
        }
    },
    "/api/topics": {
        "get": {
            "summary": "Every topic",
            "responses": {"200": {"description": "Topics", **_json(OBJECT)}},
        }
    },
    "/api/topics/{slug}": {
        "get": {
            "summary": "One topic with its sections",
            "parameters": [_path_param("slug")],
            "responses": {"200": {"description": "The topic", **_json(OBJECT)}, **_errors(404)},
        },
        "put": {
            "summary": "Create or replace a topic (instructors); the next question can find it",
            "security": INSTRUCTOR,
            "parameters": [_path_param("slug")],
            "requestBody": {"required": True, **_json(TOPIC_BODY)},
            "responses": {
                "200": {"description": "Saved as a new revision", **_json(SAVED)},
                "201": {"description": "Created", **_json(SAVED)},
                **_errors(400, 401, 403, 413, 415, 422),
            },
        },
        "delete": {
            "summary": "Delete a topic (instructors); a restore brings it back",
            "security": INSTRUCTOR,
            "parameters": [_path_param("slug")],
            "responses": {
                "200": {"description": "Deleted", **_json(OBJECT)},
                **_errors(401, 403, 404),
            },
        },
    },
    "/api/quizzes": {
        "get": {
            "summary": "Every quiz, with its settings",
            "responses": {"200": {"description": "Quizzes", **_json(QUIZ_LIST)}},
        }
    },
    "/api/quizzes/{slug}": {
        "put": {
            "summary": "Create or replace a quiz from its YAML file (instructors)",
            "security": INSTRUCTOR,
            "parameters": [_path_param("slug")],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": QUIZ_BODY},
                    "application/yaml": {"schema": {"type": "string"}},
                },
            },
            "responses": {
                "200": {"description": "Saved as a new revision", **_json(SAVED)},
                "201": {"description": "Created", **_json(SAVED)},
                **_errors(400, 401, 403, 409, 413, 415, 422),
            },
        },
        "delete": {
            "summary": "Delete a quiz (instructors); a restore brings it back",
            "security": INSTRUCTOR,
            "parameters": [_path_param("slug")],
            "responses": {
                "200": {"description": "Deleted", **_json(OBJECT)},
                **_errors(401, 403, 404),
            },
        },
    },
    "/api/feedback": {
        "post": {
            "summary": "Thumbs up or down on one chat answer",
            "requestBody": {"required": True, **_json(FEEDBACK_BODY)},
            "responses": {
                "200": {"description": "Recorded", **_json(OBJECT)},
                **_errors(400, 404, 415, 429),
            },
        }
    },
    "/api/quizzes/{slug}/attempts": {
        "post": {
            "summary": "Start an attempt (409 past the attempt limit or the quiz's closes_at)",
            "parameters": [_path_param("slug"), KEY_HEADER],
            "responses": {
                "201": {"description": "The attempt", **_json(IN_PROGRESS)},
                **_errors(401, 404, 409, 429),
            },
        }
    },
    "/api/attempts/{attempt_id}": {
        "get": {
            "summary": "An attempt: in progress, or its review once submitted",
            "parameters": [_path_param("attempt_id"), KEY_HEADER],
            "responses": {
                "200": {"description": "The attempt", **_json(ATTEMPT)},
                **_errors(401, 404),
            },
        }
    },
    "/api/attempts/{attempt_id}/answers/{question_id}": {
        "put": {
            "summary": "Save one answer",
            "parameters": [_path_param("attempt_id"), _path_param("question_id"), KEY_HEADER],
            "requestBody": {
                "required": True,
                **_json(
                    {"type": "object", "required": ["response"], "properties": {"response": ANY}}
                ),
            },
            "responses": {
                "200": {"description": "Saved", **_json(OBJECT)},
                **_errors(400, 401, 404, 409, 415),
            },
        }
    },
    "/api/attempts/{attempt_id}/submit": {
        "post": {
            "summary": "Submit once; later submits return the same result",
            "parameters": [_path_param("attempt_id"), KEY_HEADER],
            "requestBody": {
                "required": False,
                **_json({"type": "object", "properties": {"answers": {"type": "object"}}}),
            },
            "responses": {
                "200": {"description": "The result", **_json(RESULT)},
                **_errors(400, 401, 404, 409, 415),
            },
        }
    },
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "Shipshape API", "version": "1"},
    "paths": PATHS | LEARNER_PATHS,
    "components": {
        "securitySchemes": {
            "bearerToken": {
                "type": "http",
                "scheme": "bearer",
                "description": "A token from `flask create-token EMAIL`.",
            },
            "learnerKey": {
                "type": "apiKey",
                "in": "header",
                "name": "X-Learner-Key",
                "description": "A learner key from `POST /api/learners`.",
            },
            "session": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRFToken",
                "description": "A signed-in session cookie plus the page's CSRF token.",
            },
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                            "details": {"type": "array", "items": {"type": "object"}},
                        },
                    }
                },
            }
        },
    },
}


@bp.get("/openapi.json")
def openapi():
    return jsonify(DOCUMENT)
