"""Spaced review in the browser: one due card at a time ("2 of 7"), a plain form, feedback after,
and a finish page with what comes due next."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for

from ..models import utcnow
from ..quizzes.cards import CardError, answer_card, due_cards, due_count, get_card
from ..quizzes.review_schedule import coming_up
from ..runtime import get_library
from . import bp
from .learners import current_learner_id
from .quiz_forms import response_from_form

ROUND = "review_round"  # cards answered in this sitting (today), for "2 of 7"


def _done_today() -> int:
    kept = session.get(ROUND) or {}
    return kept.get("done", 0) if kept.get("day") == utcnow().date().isoformat() else 0


def _count_one() -> int:
    done = _done_today() + 1
    session[ROUND] = {"day": utcnow().date().isoformat(), "done": done}
    return done


@bp.get("/review")
def review():
    learner_id = current_learner_id()
    due = due_cards(learner_id, limit=1) if learner_id is not None else {"due": []}
    card = due["due"][0] if due["due"] else None
    done = _done_today()
    if card is None:
        session.pop(ROUND, None)
        return render_template(
            "review.html", card=None, done=done, coming=coming_up(learner_id),
            next_due_at=due.get("next_due_at"),
        )  # fmt: skip
    total = done + due_count(learner_id)
    return render_template("review.html", card=card, number=done + 1, total=total)


@bp.post("/review/<int:card_id>")
def answer_review(card_id: int):
    learner_id = current_learner_id()
    if learner_id is None:
        abort(404, "You have no review card with that id.")
    try:
        card = get_card(learner_id, card_id)
        response = response_from_form(card["question"], request.form)
        if response is None:
            flash("Answer the question first.", "error")
            return redirect(url_for("web.review"), code=303)
        result = answer_card(learner_id, card_id, response, get_library().catalog)
    except CardError as exc:
        if exc.status == 404:
            abort(404, exc.message)
        flash(exc.message, "error")
        return redirect(url_for("web.review"), code=303)
    done = _count_one()
    left = due_count(learner_id)
    return render_template(
        "review_result.html", card=card, result=result, number=done, total=done + left, left=left
    )
