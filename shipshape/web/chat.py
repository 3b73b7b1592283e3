"""The chat page and its plain-form fallbacks: asking, and rating an answer."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for

from ..chat.conversations import CONVERSATION_ID_RE, live_turns
from ..chat.feedback import InvalidFeedback, TurnNotFound, rate_turn
from ..chat.service import MAX_QUESTION_LENGTH, InvalidQuestion, QuestionTooLong, ask
from ..extensions import from_this_machine, limiter
from ..runtime import get_answer_cache, get_library
from . import bp
from .learners import conversation_owner


def _conversation_id(value: str | None) -> str | None:
    return value if value and CONVERSATION_ID_RE.match(value) else None


SESSION_KEY = "conversation"  # the chat page's conversation, for a visit without ?c=


def _turns(conversation_id: str | None, owner: str | None) -> list:
    """The live conversation's turns, when this browser started it; the session forgets one that
    has ended."""
    if not conversation_id:
        return []
    ttl = current_app.config["SHIPSHAPE_CONVERSATION_TTL_HOURS"]
    turns = live_turns(conversation_id, ttl, owner)
    if turns:
        session[SESSION_KEY] = conversation_id
    elif session.get(SESSION_KEY) == conversation_id:
        session.pop(SESSION_KEY)
    return turns


def _render_chat(
    conversation_id: str | None, error: str | None = None, question: str = "", wanted: bool = False
):
    """The chat page; `wanted` when a link or this browser asked for a conversation, so one that
    has ended (or never was, or is someone else's) is said to have ended."""
    # The page makes this browser's key, so the asks its script sends (/api/ask) are its own.
    turns = _turns(conversation_id, conversation_owner(create=True))
    starters = get_library().vocabulary.starters
    return render_template(
        "chat.html",
        turns=turns,
        conversation_id=conversation_id if turns else None,
        ended=wanted and not turns,
        starters=starters,
        error=error,
        question=question or request.args.get("ask", ""),
        max_question_length=MAX_QUESTION_LENGTH,
    )


@bp.get("/")
def index():
    """The conversation in ?c=, else the one this browser had open, rendered on the server: a
    reload, Back or a shared link shows the same turns."""
    wanted = request.args.get("c") or session.get(SESSION_KEY)
    return _render_chat(_conversation_id(wanted), wanted=bool(wanted))


@bp.post("/chat/new")
def new_conversation():
    """Start afresh: the page forgets the conversation it had open."""
    session.pop(SESSION_KEY, None)
    return redirect(url_for("web.index"), code=303)


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
    session[SESSION_KEY] = reply["conversation_id"]
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
