"""Learners over JSON: a key from POST /api/learners, sent back as X-Learner-Key; progress and
spaced review for that learner only."""

from __future__ import annotations

from flask import jsonify, request

from ..accounts.learner_data import delete_learner, export_learner
from ..accounts.learners import BROWSER_COOKIE, create_learner, key_digest, learner_for_key
from ..chat.conversations import CONVERSATION_ID_RE, conversations_of
from ..errors import ApiError
from ..extensions import db, learners_limit
from ..quizzes.cards import CardError, answer_card, due_cards
from ..quizzes.progress import learner_progress
from ..runtime import get_library
from . import bp
from .requests import json_field

HEADER = "X-Learner-Key"


def optional_learner_id() -> int | None:
    """The learner named by X-Learner-Key; None without the header; 401 for an unknown key."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    learner = learner_for_key(key)
    if learner is None or learner.email is not None:
        raise ApiError(401, "invalid_learner_key", "The learner key is unknown.")
    return learner.id


def conversation_owner() -> str | None:
    """Whose conversation an ask or a rating is in: the digest of X-Learner-Key (checked: 401
    when unknown), else of the browser's own key (the chat page's script); None for an API
    client with neither."""
    if optional_learner_id() is not None:
        return key_digest(request.headers[HEADER])
    browser = request.cookies.get(BROWSER_COOKIE)
    return key_digest(browser) if browser else None


def required_learner_id() -> int:
    learner_id = optional_learner_id()
    if learner_id is None:
        raise ApiError(
            401, "learner_key_required", f"Send {HEADER} (get one from POST /api/learners)."
        )
    return learner_id


@bp.post("/learners")
@learners_limit()
def new_learner():
    _learner, key = create_learner()
    db.session.commit()
    return jsonify({"learner_key": key}), 201


@bp.get("/progress")
def progress():
    data = learner_progress(required_learner_id(), get_library().catalog)
    return jsonify({"quizzes": data["quizzes"], "topics": data["topics"]})


@bp.get("/review")
def review():
    return jsonify(due_cards(required_learner_id()))


@bp.post("/review/<card_id>")
def answer_review(card_id: str):
    learner_id = required_learner_id()
    if not (card_id.isascii() and card_id.isdigit() and len(card_id) <= 10):
        raise ApiError(404, "card_not_found", "You have no review card with that id.")
    response = json_field("response")
    try:
        result = answer_card(learner_id, int(card_id), response, get_library().catalog)
    except CardError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc
    return jsonify(result)


def _named_conversations() -> list[str]:
    """The learner's conversations: every one their key started, and those the client names
    (?conversation_id=, repeatable) that no key started; never another learner's."""
    named = request.args.getlist("conversation_id")
    wrong = [c for c in named if not CONVERSATION_ID_RE.match(c)]
    if wrong:
        raise ApiError(400, "invalid_conversation_id", f"Not a conversation id: {wrong[0][:80]}")
    return conversations_of(key_digest(request.headers[HEADER]), named)


@bp.get("/learners/me/data")
def learner_data():
    """Everything held about the learner of X-Learner-Key, and the named conversations."""
    return jsonify(export_learner(required_learner_id(), _named_conversations()))


@bp.delete("/learners/me")
def delete_me():
    """Delete the learner of X-Learner-Key with all of it, and the named conversations."""
    return jsonify({"deleted": delete_learner(required_learner_id(), _named_conversations())})
