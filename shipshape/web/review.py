"""Spaced review in the browser: one due card at a time, a plain form, feedback after."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from ..quizzes.cards import CardError, answer_card, due_cards, get_card
from ..runtime import get_library
from . import bp
from .learners import current_learner_id
from .quiz_forms import response_from_form


@bp.get("/review")
def review():
    learner_id = current_learner_id()
    due = due_cards(learner_id, limit=1) if learner_id is not None else {"due": []}
    card = due["due"][0] if due["due"] else None
    return render_template("review.html", card=card, next_due_at=due.get("next_due_at"))


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
    return render_template("review_result.html", card=card, result=result)
