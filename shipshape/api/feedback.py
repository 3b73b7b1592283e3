"""POST /api/feedback: thumbs up or down on a chat answer."""

from __future__ import annotations

from flask import current_app, jsonify

from ..chat.feedback import InvalidFeedback, TurnNotFound, rate_turn
from ..errors import ApiError
from ..extensions import from_this_machine, limiter
from . import bp
from .learners import conversation_owner
from .requests import json_object


def _feedback_limit() -> str:
    return current_app.config["SHIPSHAPE_ASK_RATE_LIMIT"]  # as many ratings as questions


@bp.post("/feedback")
@limiter.limit(_feedback_limit, exempt_when=from_this_machine)
def give_feedback():
    body = json_object()
    try:
        turn_id, conversation_id = body.get("turn_id"), body.get("conversation_id")
        rating = rate_turn(turn_id, body.get("helpful"), conversation_id, conversation_owner())
    except InvalidFeedback as exc:
        raise ApiError(400, f"invalid_{exc.field}", exc.message) from exc
    except TurnNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    return jsonify({"turn_id": rating.turn_id, "helpful": rating.helpful})
