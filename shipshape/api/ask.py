"""POST /api/ask: the chat. A conversation belongs to whoever started it: the X-Learner-Key
sent, else the browser's own key (the chat page's script), else no one (its id reaches it)."""

from __future__ import annotations

from flask import current_app, jsonify

from ..chat.service import InvalidQuestion, QuestionTooLong, ask
from ..errors import ApiError
from ..extensions import from_this_machine, limiter
from ..runtime import get_answer_cache, get_library
from . import bp
from .learners import conversation_owner
from .requests import json_object


def _ask_limit() -> str:
    return current_app.config["SHIPSHAPE_ASK_RATE_LIMIT"]


@bp.post("/ask")
@limiter.limit(_ask_limit, exempt_when=from_this_machine)
def ask_question():
    body = json_object()
    try:
        reply = ask(
            body.get("question"),
            body.get("conversation_id"),
            get_library(),
            current_app.config["SHIPSHAPE_CONVERSATION_TTL_HOURS"],
            get_answer_cache(),
            owner=conversation_owner(),
        )
    except QuestionTooLong as exc:
        raise ApiError(413, "question_too_long", exc.message) from exc
    except InvalidQuestion as exc:
        raise ApiError(400, f"invalid_{exc.field}", exc.message) from exc
    return jsonify(reply)
