"""OpenAPI schemas of the chat: a question, its reply with sources and evidence, feedback."""

from __future__ import annotations

from ..chat.service import MAX_QUESTION_LENGTH

ASK_BODY = {
    "type": "object",
    "required": ["question"],
    "properties": {
        "question": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_QUESTION_LENGTH,
            "description": "Words, or a paste: a Dockerfile, docker's output, a command line. "
            "Longer than maxLength is 413 question_too_long.",
        },
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
REVIEW_ROW = {
    "type": "object",
    "required": ["line", "instruction", "does", "layer", "rebuilds_when"],
    "properties": {
        "line": {"type": "integer", "description": "The instruction's first line, from 1"},
        "instruction": {"type": "string", "description": "As written, shortened"},
        "does": {"type": "string"},
        "layer": {"type": "string", "description": "Whether it makes a layer that adds size"},
        "rebuilds_when": {
            "type": "string",
            "description": "The change that rebuilds it, and so every step after it",
        },
    },
}
FINDING = {
    "type": "object",
    "required": ["line", "severity", "rule", "message", "why", "fix", "source", "lesson"],
    "properties": {
        "line": {"type": "integer"},
        "severity": {"enum": ["error", "warning", "info"]},
        "rule": {
            "type": "string",
            "description": "hadolint's id (DL3008, SC2086) or this project's (SS101…)",
        },
        "message": {"type": "string"},
        "why": {"type": "string", "description": "Why it matters to a learner"},
        "fix": {"type": ["string", "null"], "description": "The line corrected, when mechanical"},
        "source": {"enum": ["hadolint", "shipshape"]},
        "lesson": {
            "type": ["object", "null"],
            "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
            "description": "The section that teaches it",
        },
    },
}
REVIEW = {
    "type": "object",
    "description": "a pasted Dockerfile, instruction by instruction: with kind review, or with "
    "kind answer when the message also asks in words and a section answers them",
    "required": ["rows", "findings", "linter"],
    "properties": {
        "rows": {"type": "array", "items": REVIEW_ROW},
        "findings": {"type": "array", "items": FINDING},
        "linter": {
            "type": "object",
            "required": ["name", "status", "detail"],
            "properties": {
                "name": {"const": "hadolint"},
                "status": {"enum": ["ran", "missing", "failed", "off"]},
                "detail": {"type": "string", "description": "Why it did not run, if it did not"},
            },
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
        "kind": {"enum": ["answer", "no_answer", "clarify", "smalltalk", "review"]},
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
        "review": REVIEW,
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
