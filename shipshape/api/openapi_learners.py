"""The OpenAPI paths of learners: keys, progress and spaced review."""

from __future__ import annotations

from .openapi_parts import ANY, OBJECT, errors, json_body, path_param

LEARNER = [{"learnerKey": []}]
KEY_HEADER = {
    "name": "X-Learner-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "maxLength": 200},
    "description": "The learner acting: a start ties the attempt to them (history, progress,"
    " review, max_attempts); their attempts are then read and written with it alone.",
}
PROGRESS = {
    "type": "object",
    "required": ["quizzes", "topics"],
    "properties": {
        "quizzes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "slug", "attempts", "grade", "grade_method", "best_percent", "last_percent",
                ],
                "properties": {
                    "slug": {"type": "string"},
                    "attempts": {"type": "integer"},
                    "grade": {"type": ["number", "null"]},
                    "grade_method": {"enum": ["highest", "last", "average", "first"]},
                    "best_percent": {"type": "number"},
                    "last_percent": {"type": "number"},
                },
            },
        },
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["slug", "title", "answered", "correct"],
                "properties": {
                    "slug": {"type": "string"},
                    "title": {"type": "string"},
                    "answered": {"type": "integer"},
                    "correct": {"type": "integer"},
                },
            },
        },
    },
}  # fmt: skip
DUE = {
    "type": "object",
    "required": ["due", "next_due_at"],
    "properties": {
        "due": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["card_id", "quiz", "question", "due_at"],
                "properties": {
                    "card_id": {"type": "integer"},
                    "quiz": OBJECT,
                    "question": OBJECT,
                    "due_at": {"type": "string"},
                },
            },
        },
        "next_due_at": {"type": ["string", "null"]},
    },
}
REVIEWED = {
    "type": "object",
    "required": ["correct", "feedback", "correct_response", "rating", "due_at"],
    "properties": {
        "correct": {"type": "boolean"},
        "feedback": {"type": "string"},
        "correct_response": ANY,
        "rating": {"enum": ["again", "hard", "good", "easy"]},
        "due_at": {"type": "string"},
    },
}

CONVERSATIONS = {
    "name": "conversation_id",
    "in": "query",
    "required": False,
    "description": "A conversation of this learner's (repeat for several)",
    "schema": {"type": "string"},
}
LEARNER_DATA = {
    "type": "object",
    "required": ["version", "exported_at", "learner", "attempts", "review_cards", "conversations"],
    "properties": {
        "version": {"type": "integer"},
        "exported_at": {"type": "string"},
        "learner": {"type": ["object", "null"]},
        "attempts": {"type": "array", "items": {"type": "object"}},
        "review_cards": {"type": "array", "items": {"type": "object"}},
        "conversations": {"type": "array", "items": {"type": "object"}},
    },
}
DELETED = {
    "type": "object",
    "required": ["deleted"],
    "properties": {
        "deleted": {
            "type": "object",
            "required": ["attempts", "answers", "review_cards", "turns"],
            "properties": {
                k: {"type": "integer"} for k in ("attempts", "answers", "review_cards", "turns")
            },
        }
    },
}
LEARNER_PATHS = {
    "/api/learners": {
        "post": {
            "summary": "A new learner: its key, shown once, goes in X-Learner-Key",
            "responses": {
                "201": {
                    "description": "The learner key",
                    **json_body({
                        "type": "object", "required": ["learner_key"],
                        "properties": {"learner_key": {"type": "string"}},
                    }),
                },
                **errors(429),
            },
        }
    },
    "/api/progress": {
        "get": {
            "summary": "The learner's grades per quiz and answers per topic",
            "security": LEARNER,
            "responses": {"200": {"description": "Progress", **json_body(PROGRESS)}, **errors(401)},
        }
    },
    "/api/review": {
        "get": {
            "summary": "Review cards due now (questions this learner missed), FSRS-scheduled",
            "security": LEARNER,
            "responses": {"200": {"description": "Due cards", **json_body(DUE)}, **errors(401)},
        }
    },
    "/api/review/{card_id}": {
        "post": {
            "summary": "Answer a due card: graded, rated and scheduled again",
            "security": LEARNER,
            "parameters": [path_param("card_id")],
            "requestBody": {
                "required": True,
                **json_body(
                    {"type": "object", "required": ["response"], "properties": {"response": ANY}}
                ),
            },
            "responses": {
                "200": {"description": "The graded answer", **json_body(REVIEWED)},
                **errors(400, 401, 404, 409, 415),
            },
        }
    },
    "/api/learners/me/data": {
        "get": {
            "summary": "Everything held about the learner: attempts with answers, review cards, "
            "and the conversations named in ?conversation_id= (turns are tied to no learner)",
            "security": LEARNER,
            "parameters": [CONVERSATIONS],
            "responses": {
                "200": {"description": "The learner's data", **json_body(LEARNER_DATA)},
                **errors(400, 401),
            },
        }
    },
    "/api/learners/me": {
        "delete": {
            "summary": "Delete the learner and all of it, and the named conversations' turns",
            "security": LEARNER,
            "parameters": [CONVERSATIONS],
            "responses": {
                "200": {"description": "How many rows of each kind went", **json_body(DELETED)},
                **errors(400, 401),
            },
        }
    },
}  # fmt: skip
