"""The chat page and its plain-form fallbacks: asking, and rating an answer."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from ..chat.conversations import CONVERSATION_ID_RE, recent_turns
from ..chat.feedback import InvalidFeedback, TurnNotFound, rate_turn
from ..chat.service import MAX_QUESTION_LENGTH, InvalidQuestion, QuestionTooLong, ask
from ..extensions import from_this_machine, limiter
from ..runtime import get_answer_cache, get_library
from . import bp
from .learners import conversation_owner


def _conversation_id(value: str | None) -> str | None:
    return value if value and CONVERSATION_ID_RE.match(value) else None


def _render_chat(conversation_id: str | None, error: str | None = None, question: str = ""):
    # The page makes this browser's key, so the asks its script sends (/api/ask) are its own.
    owner = conversation_owner(create=True)
    turns = recent_turns(conversation_id, owner) if conversation_id else []
    starters = get_library().vocabulary.starters
    return render_template(
        "chat.html",
        turns=turns,
        conversation_id=conversation_id if turns else None,
        starters=starters,
        error=error,
        question=question or request.args.get("ask", ""),
        max_question_length=MAX_QUESTION_LENGTH,
    )


@bp.get("/")
def index():
    return _render_chat(_conversation_id(request.args.get("c")))


@bp.post("/ask")
@limiter.limit(
    lambda: current_app.config["SHIPSHAPE_ASK_RATE_LIMIT"], exempt_when=from_this_machine
)
def ask_form():
    conversation_id = _conversation_id(request.form.get("conversation_id"))
    question = request.form.get("question")
    try:
        reply = ask(
            question,
            conversation_id,
            get_library(),
            current_app.config["SHIPSHAPE_CONVERSATION_TTL_HOURS"],
            get_answer_cache(),
            owner=conversation_owner(create=True),
        )
    except InvalidQuestion as exc:
        status = 413 if isinstance(exc, QuestionTooLong) else 400
        return _render_chat(conversation_id, error=exc.message, question=question or ""), status
    target = url_for("web.index", c=reply["conversation_id"], _anchor="latest")
    return redirect(target, code=303)


_HELPFUL_VALUES = {"yes": True, "no": False}


def _form_turn_id(value: str | None) -> object:
    """A digit string as a number (at most ten digits); anything else as it came, to be refused."""
    is_number = value is not None and value.isascii() and value.isdigit() and len(value) <= 10
    return int(value) if is_number else value


@bp.post("/feedback")
@limiter.limit(
    lambda: current_app.config["SHIPSHAPE_ASK_RATE_LIMIT"], exempt_when=from_this_machine
)
def feedback_form():
    conversation_id = request.form.get("conversation_id", "")
    helpful = _HELPFUL_VALUES.get(request.form.get("helpful", ""))
    try:
        turn_id, owner = _form_turn_id(request.form.get("turn_id")), conversation_owner()
        rating = rate_turn(turn_id, helpful, conversation_id, owner)
    except InvalidFeedback as exc:
        abort(400, exc.message)
    except TurnNotFound as exc:
        abort(404, str(exc))
    flash("Thanks for your feedback.", "info")
    target = url_for("web.index", c=conversation_id, _anchor=f"answer-{rating.turn_id}")
    return redirect(target, code=303)
