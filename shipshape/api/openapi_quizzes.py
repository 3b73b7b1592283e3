"""OpenAPI schemas of the quiz list, an attempt and its result, with Moodle's quiz settings."""

from __future__ import annotations

STRING = {"type": "string"}
TIME = {"type": ["string", "null"], "format": "date-time", "description": "UTC, ending in Z"}
GRADE_METHOD = {
    "enum": ["highest", "last", "average", "first"],
    "description": "How a learner's attempts make one grade (default highest)",
}
SHOW_CORRECT = {
    "enum": ["immediately", "after_deadline", "never"],
    "description": "When results carry correct_response (default immediately)",
}

QUIZ_SUMMARY = {
    "type": "object",
    "required": ["slug", "title", "description", "question_count"],
    "properties": {
        "slug": STRING,
        "title": STRING,
        "description": STRING,
        "question_count": {"type": "integer", "description": "Questions one attempt gets"},
        "bank_size": {"type": "integer", "description": "Questions in the quiz"},
        "draw": {"type": ["integer", "null"], "description": "Questions drawn per attempt"},
        "time_limit_minutes": {"type": ["number", "null"]},
        "pass_percent": {"type": "number"},
        "max_attempts": {"type": ["integer", "null"]},
        "grade_method": GRADE_METHOD,
        "show_correct": SHOW_CORRECT,
        "closes_at": {**TIME, "description": "No attempt starts or is answered after it"},
        "closed": {"type": "boolean"},
    },
}
QUIZ_LIST = {
    "type": "object",
    "required": ["quizzes"],
    "properties": {"quizzes": {"type": "array", "items": QUIZ_SUMMARY}},
}

QUESTION = {
    "type": "object",
    "required": ["id", "type", "prompt"],
    "properties": {"id": STRING, "type": STRING, "prompt": STRING, "prompt_html": STRING},
}
IN_PROGRESS = {
    "type": "object",
    "required": ["attempt_id", "status", "questions", "saved"],
    "properties": {
        "attempt_id": STRING,
        "status": {"const": "in_progress"},
        "deadline": TIME,
        "closes_at": TIME,
        "questions": {
            "type": "array",
            "items": QUESTION,
            "description": "The questions this attempt drew, in its order; never the key",
        },
        "saved": {"type": "object"},
    },
}
RESULT_ENTRY = {
    "type": "object",
    "required": ["question_id", "correct", "points", "max_points", "feedback", "sources"],
    "properties": {
        "question_id": STRING,
        "correct": {"type": "boolean"},
        "points": {"type": "number"},
        "max_points": {"type": "number"},
        "feedback": STRING,
        "correct_response": {
            "description": "Shaped like a response; left out until the quiz shows right answers"
        },
        "sources": {"type": "array", "items": {"type": "object"}},
    },
}
RESULT = {
    "type": "object",
    "required": ["attempt_id", "status", "score", "max_score", "percent", "results"],
    "properties": {
        "attempt_id": STRING,
        "status": {"const": "submitted"},
        "score": {"type": "number", "description": "Over the questions the attempt drew"},
        "max_score": {"type": "number"},
        "percent": {"type": "number"},
        "results": {"type": "array", "items": RESULT_ENTRY},
        "show_correct": SHOW_CORRECT,
        "correct_shown": {"type": "boolean", "description": "Only when not shown immediately"},
        "correct_shown_at": {**TIME, "description": "When an after_deadline key will show"},
    },
}
ATTEMPT = {"anyOf": [IN_PROGRESS, RESULT]}
