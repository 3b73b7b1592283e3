"""OpenAPI schemas of the chat: a question, its reply with sources and evidence, feedback."""

from __future__ import annotations

ASK_BODY = {
    "type": "object",
    "required": ["question"],
    "properties": {
        "question": {"type": "string", "minLength": 1, "maxLength": 1000},
        "conversation_id": {"type": ["string", "null"]},
    },
}
SOURCE = {
    "type": "object",
    "required": ["title", "section", "url", "score"],
    "properties": {
        "title": {"type": "string"},
        "section": {"type": "string"},
        "url": {"type": "string", "description": "/topics/<slug>#<anchor>"},
        "score": {"type": "number", "description": "The ranker's score (higher is better)"},
    },
}
WHY = {
    "type": "object",
    "description": "The evidence behind the reply",
    "required": ["matched", "closest_question", "runners_up"],
    "properties": {
        "matched": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The question's words (and command names) the answer's section holds",
        },
        "closest_question": {
            "type": ["string", "null"],
            "description": "The phrasing an instructor wrote that reads most like the question",
        },
        "runners_up": {
            "type": "array",
            "items": SOURCE,
            "description": "The next best sections, with their scores",
        },
        "basis": {
            "type": "string",
            "description": "How a reply not found by search was made (a comparison, a command "
            "line explained), in a sentence; absent from a searched answer",
        },
    },
}
REPLY = {
    "type": "object",
    "required": [
        "conversation_id",
        "kind",
        "answer",
        "sources",
        "confidence",
        "suggestions",
        "why",
    ],
    "properties": {
        "conversation_id": {"type": "string"},
        "kind": {"enum": ["answer", "no_answer", "clarify", "smalltalk"]},
        "answer": {
            "type": "object",
            "properties": {"markdown": {"type": "string"}, "html": {"type": "string"}},
        },
        "sources": {"type": "array", "items": SOURCE},
        "confidence": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Calibrated probability that the answer is right",
        },
        "suggestions": {"type": "array", "items": {"type": "string"}},
        "did_you_mean": {"type": ["string", "null"]},
        "turn_id": {"type": "integer", "description": "Rate this reply at /api/feedback"},
        "why": WHY,
    },
}
FEEDBACK_BODY = {
    "type": "object",
    "required": ["turn_id", "helpful", "conversation_id"],
    "properties": {
        "turn_id": {"type": "integer"},
        "helpful": {"type": "boolean"},
        "conversation_id": {"type": "string"},
    },
}
